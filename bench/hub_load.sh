#!/usr/bin/env bash
# Load on one sohoa-hub (dev mode: its own PostgreSQL 15, TLS) from many simulated
# workstations, open loop (bench/hub_load.cpp): status polls, dossier creates and transitions
# at increasing rates. Prints p50/p90/p99 per rate; the README reports the highest rate whose
# p99 stays under 200 ms. The hub, PostgreSQL and the load generator share this machine.
# Usage: bench/hub_load.sh [SECONDS_PER_STEP] [RATE...]   (defaults: 10 s; 50 100 200 400 800)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
shift || true
rates=${*:-50 100 200 400 800}
build=build/bench
cmake --preset bench >/dev/null
cmake --build "$build" --target sohoa-hub sohoa-bench-hub-load >/dev/null
work=$(mktemp -d)
chmod o+x "$work" # PostgreSQL runs as `postgres` when we are root
hub=""
trap '[ -n "$hub" ] && kill "$hub" 2>/dev/null && wait "$hub" 2>/dev/null; rm -rf "$work"' EXIT
"$build/server/sohoa-hub" --dev "$work/hub" --threads "${HUB_THREADS:-32}" >"$work/hub.out" 2>&1 &
hub=$!
for _ in $(seq 1 120); do grep -q "CA certificate" "$work/hub.out" && break; sleep 0.5; done
port=$(grep -o 'https://127.0.0.1:[0-9]*' "$work/hub.out" | head -n1 | sed 's/.*://')
for i in $(seq 1 50); do
  "$build/server/sohoa-hub" admin add-workstation "quay-$i" --agency 000.00.00.H26 \
    --dev "$work/hub" | tail -n1
done >"$work/tokens"
echo "hub threads ${HUB_THREADS:-32}, 50 workstation tokens, $seconds s per rate"
"$build/bench/sohoa-bench-hub-load" 127.0.0.1 "$port" "$work/hub/hub-ca.pem" "$work/tokens" \
  "$seconds" $rates

# Upload throughput over loopback TLS: 64 MiB as the workstation sends it (tus, 1 MiB chunks,
# each with its SHA-256) vs. plain curl sending the same bytes as four 16 MiB PATCHes (the
# largest chunk the hub takes), with no per-chunk work of its own beyond one checksum. Two
# files of random bytes, so the hub's dedup does not skip the second upload.
head -c $((64 * 1024 * 1024)) /dev/urandom >"$work/upload.bin"
head -c $((64 * 1024 * 1024)) /dev/urandom >"$work/curl.bin"
"$build/bench/sohoa-bench-hub-load" 127.0.0.1 "$port" "$work/hub/hub-ca.pem" "$work/tokens" \
  upload "$work/upload.bin"
token=$(head -n1 "$work/tokens")
sha=$(sha256sum "$work/curl.bin" | cut -d' ' -f1)
location=$(curl -s -D - -o /dev/null --cacert "$work/hub/hub-ca.pem" -X POST \
  -H "Authorization: Bearer $token" -H "Tus-Resumable: 1.0.0" -H "Content-Length: 0" \
  -H "Upload-Length: $((64 * 1024 * 1024))" \
  -H "Upload-Metadata: sha256 $(printf %s "$sha" | base64 -w0),filename $(printf curl.bin | base64 -w0)" \
  "https://127.0.0.1:$port/v1/uploads" | tr -d '\r' | awk -F': ' 'tolower($1)=="location"{print $2}')
split -b $((16 * 1024 * 1024)) -d "$work/curl.bin" "$work/piece."
start=$(date +%s.%N)
offset=0
for piece in "$work"/piece.*; do
  checksum=$(openssl dgst -sha256 -binary "$piece" | base64 -w0)
  curl -s -o /dev/null --fail --cacert "$work/hub/hub-ca.pem" -X PATCH \
    -H "Authorization: Bearer $token" -H "Tus-Resumable: 1.0.0" \
    -H "Content-Type: application/offset+octet-stream" -H "Upload-Offset: $offset" \
    -H "Upload-Checksum: sha256 $checksum" --data-binary "@$piece" \
    "https://127.0.0.1:$port$location"
  offset=$((offset + $(stat -c %s "$piece")))
done
end=$(date +%s.%N)
awk -v b=$((64 * 1024 * 1024)) -v s="$start" -v e="$end" \
  'BEGIN { printf "curl, 16 MiB PATCHes: %d bytes in %.2f s = %.1f MB/s\n", b, e - s, b / 1e6 / (e - s) }'
