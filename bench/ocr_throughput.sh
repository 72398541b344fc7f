#!/usr/bin/env bash
# OCR throughput on this machine: sohoa-cli ocr (in-process Tesseract pool, 1 and N workers)
# against the Tesseract command line run page by page, single-threaded, on the same rendered
# 300-dpi pages. Prints a Markdown table for README "Performance".
# Usage: bench/ocr_throughput.sh [PAGES]   (builds the optimized "bench" preset)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-8}
source bench/common.sh sohoa-cli
render_pages "$work/pages" "$pages"
cores=$(nproc)

seconds() { local s; s=$(date +%s.%N); "$@" >/dev/null 2>&1; awk -v a="$s" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'; }
rate() { awk -v p="$pages" -v t="$1" 'BEGIN { printf "%.1f", p * 60 / t }'; }

t1=$(seconds "$build/app/cli/sohoa-cli" ocr "$work"/pages/*.png --out "$work/one.pdf" --jobs 1)
tn=$(seconds "$build/app/cli/sohoa-cli" ocr "$work"/pages/*.png --out "$work/all.pdf" --jobs "$cores")
tc=$(seconds bash -c "for p in $work/pages/*.png; do OMP_THREAD_LIMIT=1 tesseract \"\$p\" - -l vie >/dev/null 2>&1; done")

echo "| OCR, $pages A4 pages at 300 dpi (Vietnamese seed text) | pages/min |"
echo "| --- | --- |"
echo "| tesseract CLI, page by page, 1 thread | $(rate "$tc") |"
echo "| sohoa-cli ocr --jobs 1 (image → searchable PDF) | $(rate "$t1") |"
echo "| sohoa-cli ocr --jobs $cores | $(rate "$tn") |"
echo "| speed-up of the pool, $cores workers vs 1 | $(awk -v a="$t1" -v b="$tn" 'BEGIN { printf "%.2f", a / b }')× |"
