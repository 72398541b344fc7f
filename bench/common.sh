# Sourced by the benchmark scripts that read rendered pages: builds the optimized targets they
# name, makes a scratch folder removed on exit ($work), and renders pages of the seed texts.
# Usage (after cd to the repository): source bench/common.sh TARGET...
build=build/bench
cmake --preset bench >/dev/null
cmake --build "$build" --target sohoa-bench-render-pages "$@" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# render_pages DIR PAGES [png|ppm]: distinct A4 pages of Vietnamese text at 300 dpi, with their
# truth text beside them.
render_pages() {
  local seed
  seed=$(ls ../shared/seeds/004_*.txt | head -n1)
  QT_QPA_PLATFORM=offscreen "$build/bench/sohoa-bench-render-pages" "$seed" "$1" "$2" 300 "${3:-png}" >/dev/null
}
