#!/usr/bin/env bash
# Page imaging benchmark (deskew error, crop IoU, blank detection, ms per step) on generated
# pages. Usage: bench/imaging_accuracy.sh [PAGES] [CARDS] [SHEETS]
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset bench >/dev/null
cmake --build build/bench --target sohoa-bench-imaging >/dev/null
QT_QPA_PLATFORM=offscreen OMP_THREAD_LIMIT=1 \
  build/bench/bench/sohoa-bench-imaging "${1:-4}" "${2:-30}" "${3:-20}"
