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
  "$build/server/sohoa-hub" admin add-workstation "quay-$i" --dev "$work/hub" | tail -n1
done >"$work/tokens"
echo "hub threads ${HUB_THREADS:-32}, 50 workstation tokens, $seconds s per rate"
"$build/bench/sohoa-bench-hub-load" 127.0.0.1 "$port" "$work/hub/hub-ca.pem" "$work/tokens" \
  "$seconds" $rates
