#!/usr/bin/env bash
# The hub's HTTP library chosen by load (docs/HUB.md): the same HTTPS endpoint (GET /v1/status:
# a pooled libpq query, a small JSON) served by cpp-httplib as the hub uses it (16 worker
# threads, each holding a connection while it is kept alive; TCP_NODELAY off), by cpp-httplib
# with TCP_NODELAY, and by Boost.Beast (2 event-loop threads, the blocking queries on 16 query
# threads), all with a 16-connection PostgreSQL pool and the hub's 2 s keep-alive. Each is
# driven open loop at the same rates over 16 and then 200 kept-alive connections (200: more
# than the worker threads, a district's counters polling). Server, PostgreSQL and load driver
# share this machine.
# Usage: bench/http_compare.sh [SECONDS_PER_STEP] [RATE...]   (defaults: 8 s; 100 300 600 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-8}
shift || true
rates=${*:-100 300 600 1000}
# Beast and Asio are header-only in Debian 12's libboost-dev; only this benchmark needs them.
scripts/setup-system <(echo libboost-dev)
build=build/bench
cmake --preset bench >/dev/null
cmake --build "$build" --target sohoa-bench-http-server sohoa-bench-http-load >/dev/null
work=$(mktemp -d)
chmod o+x "$work" # PostgreSQL runs as `postgres` when we are root
server=""
stop_server() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    server=""
  fi
}
trap 'stop_server; rm -rf "$work"' EXIT

echo "$seconds s per rate; latency in ms from each request's scheduled time"
echo "| library | connections | offered/s | achieved/s | errors | p50 | p99 | max |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
# label, library, TCP_NODELAY
for setup in "httplib httplib off" "httplib+nodelay httplib on" "beast beast off"; do
  read -r label library nodelay <<<"$setup"
  "$build/bench/http_compare/sohoa-bench-http-server" --library "$library" --nodelay "$nodelay" \
    --dev "$work/db" >"$work/server.out" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do grep -q "CA certificate" "$work/server.out" && break; sleep 0.5; done
  port=$(grep -o 'https://127.0.0.1:[0-9]*' "$work/server.out" | sed 's/.*://') ||
    { cat "$work/server.out" >&2; exit 1; }
  for connections in 16 200; do
    # shellcheck disable=SC2086 # one argument per rate
    "$build/bench/http_compare/sohoa-bench-http-load" 127.0.0.1 "$port" "$work/db/hub-ca.pem" \
      "$seconds" "$connections" "$label" $rates
  done
  stop_server
done
