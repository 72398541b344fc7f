#!/usr/bin/env bash
# A long scanner batch through the whole digitize pipeline: SANE's pnm backend scans rendered
# 300-dpi colour A4 pages of Vietnamese text one sheet per pass (the officer loads the next
# sheet when asked, --more-sheets), and each page is turned upright, deskewed, cropped, checked
# for blank, recognized, and streamed with the searchable PDF/A into the encrypted store.
# Reports pages/min and peak RSS (/usr/bin/time -v) for the full batch and for a tenth of it:
# the ratio shows whether memory grows with the batch (it must not: ≤ 500 MB at 300 pages).
# Peer in the same run: `sohoa-cli ocr` on the same page files — the same OCR without scanning,
# cleaning or the store, and with the whole PDF in memory.
# Usage: bench/scan_batch.sh [PAGES]   (default 300; takes a few minutes per 100 pages)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-300}
source bench/common.sh sohoa-cli
render_pages "$work/pages" "$pages" ppm
cli="$build/app/cli/sohoa-cli"
export SOHOA_PASSPHRASE=bench-passphrase-0123 SOHOA_LANG=en LC_ALL=C.UTF-8

# One digitize run of $1 sheets; the officer's part is played by the loop: at each prompt it
# puts the next page where the pnm backend reads it, then answers Enter (or q at the end).
run_batch() {
  local sheets=$1 tag=$2 store="$work/$2.store" next=2
  "$cli" store init --store "$store" >/dev/null 2>&1
  cp "$work/pages/page-001.ppm" "$work/current.ppm"
  coproc DIGITIZE { /usr/bin/time -v -o "$work/$tag.time" "$cli" digitize --store "$store" \
    --device pnm:0 --set "filename=$work/current.ppm" --dpi 300 --more-sheets \
    --procedure 1.001193 --component KQ.G15.000031 --applicant-id 001203004567 --json \
    2>&1 >"$work/$tag.json"; }
  local pid=$DIGITIZE_PID start; start=$(date +%s.%N)
  while IFS= read -r line <&"${DIGITIZE[0]}"; do
    [[ $line == *"Load the next sheets"* ]] || continue
    if ((next <= sheets)); then
      cp "$work/pages/page-$(printf %03d "$next").ppm" "$work/current.ppm"
      echo >&"${DIGITIZE[1]}"
      next=$((next + 1))
    else
      echo q >&"${DIGITIZE[1]}"
    fi
  done
  wait "$pid" || true
  local elapsed; elapsed=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  local stored; stored=$(grep -o '"pages": [0-9]*' "$work/$tag.json" | grep -o '[0-9]*$')
  local rss; rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/$tag.time")
  echo "$sheets $stored $elapsed $rss"
}

read -r s1 p1 t1 r1 < <(run_batch $((pages / 10)) small)
read -r s2 p2 t2 r2 < <(run_batch "$pages" full)
start=$(date +%s.%N)
/usr/bin/time -v -o "$work/ocr.time" "$cli" ocr "$work"/pages/*.ppm --out "$work/ocr.pdf" >/dev/null 2>&1
t3=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
r3=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/ocr.time")
echo "| Batch (300 dpi colour A4, $(nproc) cores) | pages stored | seconds | pages/min | peak RSS MB |"
echo "| --- | --- | --- | --- | --- |"
awk -v s="$s1" -v p="$p1" -v t="$t1" -v r="$r1" 'BEGIN { printf "| %d sheets | %d | %.0f | %.1f | %d |\n", s, p, t, p * 60 / t, r }'
awk -v s="$s2" -v p="$p2" -v t="$t2" -v r="$r2" 'BEGIN { printf "| %d sheets | %d | %.0f | %.1f | %d |\n", s, p, t, p * 60 / t, r }'
awk -v p="$pages" -v t="$t3" -v r="$r3" 'BEGIN { printf "| peer: sohoa-cli ocr, %d files | %d | %.0f | %.1f | %d |\n", p, p, t, p * 60 / t, r }'
awk -v a="$r1" -v b="$r2" 'BEGIN { printf "Peak RSS ratio (full ÷ tenth): %.2f\n", b / a }'
awk -v a="$t2" -v b="$t3" 'BEGIN { printf "Time ratio (digitize ÷ ocr peer): %.2f\n", a / b }'
