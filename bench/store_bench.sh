#!/usr/bin/env bash
# Store benchmark (numbers for README "Performance"): SQLCipher against the same library
# without a key, on generated dossiers. Usage: bench/store_bench.sh [DOSSIERS] [PAGES_EACH]
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset bench >/dev/null
cmake --build build/bench --target sohoa-bench-store >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build/bench/bench/sohoa-bench-store "$work" "${1:-100000}" "${2:-10}"
