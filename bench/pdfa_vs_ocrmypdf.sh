#!/usr/bin/env bash
# Image → searchable PDF/A on the same rendered 300-dpi Vietnamese pages: sohoa-cli ocr against
# OCRmyPDF (-l vie --output-type pdfa-2 -j CORES) and against the compute limit (the Tesseract
# CLI page by page, single-threaded: Σ time ÷ cores). Cold: every tool starts from scratch.
# Reports pages/min, CER of each text layer against the truth, bytes per page, and the CER of
# re-OCRing each output's images (legibility of the compressed scans).
# Usage: bench/pdfa_vs_ocrmypdf.sh [PAGES]   (installs the peers from scripts/bench-packages.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-8}
scripts/setup-system scripts/bench-packages.txt
source bench/common.sh sohoa-cli sohoa-bench-cer
render_pages "$work/pages" "$pages"
cores=$(nproc)
cer="$build/bench/sohoa-bench-cer"
mapfile -t images < <(ls "$work"/pages/*.png)

seconds() { local s; s=$(date +%s.%N); "$@" >/dev/null 2>&1; awk -v a="$s" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'; }
rate() { awk -v p="$pages" -v t="$1" 'BEGIN { printf "%.1f", p * 60 / t }'; }
perpage() { awk -v p="$pages" -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.0f", b / p / 1024 }'; }

# CER of a PDF's text layer, page by page against the truth files.
layer_cer() {
  local pdf=$1 tag=$2 args=() i=1
  for img in "${images[@]}"; do
    # -raw: content-stream order, without the default mode's joining of lines that end in "-"
    pdftotext -raw -enc UTF-8 -f "$i" -l "$i" "$pdf" "$work/$tag-$i.txt"
    args+=("${img%.png}.txt" "$work/$tag-$i.txt"); i=$((i + 1))
  done
  "$cer" "${args[@]}" | awk '/^mean/ { print $2 }'
}
# CER of Tesseract re-reading the images embedded in a PDF: how legible the stored scan stays.
reocr_cer() {
  local pdf=$1 tag=$2 args=() i=1
  mkdir -p "$work/$tag-img"
  pdfimages -png "$pdf" "$work/$tag-img/p"
  for img in "$work/$tag-img"/p-*.png; do
    OMP_THREAD_LIMIT=1 tesseract "$img" "$work/$tag-re-$i" -l vie >/dev/null 2>&1
    args+=("${images[$((i - 1))]%.png}.txt" "$work/$tag-re-$i.txt"); i=$((i + 1))
  done
  "$cer" "${args[@]}" | awk '/^mean/ { print $2 }'
}

img2pdf --output "$work/input.pdf" "${images[@]}" 2>/dev/null
tc=$(seconds bash -c "for p in ${images[*]}; do OMP_THREAD_LIMIT=1 tesseract \"\$p\" \"\${p%.png}-cli\" -l vie; done")
limit=$(awk -v t="$tc" -v c="$cores" 'BEGIN { printf "%.2f", t / c }')
ts=$(seconds "$build/app/cli/sohoa-cli" ocr "${images[@]}" --out "$work/sohoa.pdf" --jobs "$cores")
to=$(seconds ocrmypdf -l vie --output-type pdfa-2 -j "$cores" "$work/input.pdf" "$work/ocrmypdf.pdf")

cli_args=()
for img in "${images[@]}"; do cli_args+=("${img%.png}.txt" "${img%.png}-cli.txt"); done
cli_cer=$("$cer" "${cli_args[@]}" | awk '/^mean/ { print $2 }')

echo "| $pages A4 pages, 300 dpi, Vietnamese, $cores cores | pages/min | text-layer CER % | KiB/page | re-OCR CER % |"
echo "| --- | --- | --- | --- | --- |"
echo "| Tesseract CLI page by page (compute limit: Σ t ÷ $cores = $limit s) | $(rate "$limit") | $cli_cer | — | — |"
echo "| OCRmyPDF $(ocrmypdf --version 2>/dev/null) -j $cores, pdfa-2 | $(rate "$to") | $(layer_cer "$work/ocrmypdf.pdf" o) | $(perpage "$work/ocrmypdf.pdf") | $(reocr_cer "$work/ocrmypdf.pdf" o) |"
echo "| sohoa-cli ocr --jobs $cores, PDF/A-2b | $(rate "$ts") | $(layer_cer "$work/sohoa.pdf" s) | $(perpage "$work/sohoa.pdf") | $(reocr_cer "$work/sohoa.pdf" s) |"
echo
echo "SoHoa vs OCRmyPDF throughput: $(awk -v a="$to" -v b="$ts" 'BEGIN { printf "%.2f", a / b }')×;" \
     "SoHoa time vs compute limit: $(awk -v a="$ts" -v b="$limit" 'BEGIN { printf "%.2f", a / b }')×;" \
     "bytes vs OCRmyPDF: $(awk -v a="$(stat -c %s "$work/sohoa.pdf")" -v b="$(stat -c %s "$work/ocrmypdf.pdf")" 'BEGIN { printf "%.0f", 100 * a / b }') %"
