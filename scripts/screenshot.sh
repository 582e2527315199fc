#!/usr/bin/env bash
# Renders the HTML pages of the example reports in headless Chromium and
# saves the screenshots the README shows (docs/report.png, compare.png,
# history.png), so that anyone can look at the pages as a reader would and
# check them again after a change.
#
# Needs Debian's Chromium: apt-get install chromium
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null; then
  echo "chromium is not installed: apt-get install chromium" >&2
  exit 1
fi

cargo build --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LEADGAP_DATA_DIR="$work/data" LEADGAP_NOW="2026-11-22T09:00:00Z"

# Sam's September self-assessment, with its history from the same folder.
target/debug/leadgap show examples/reports/sam-2026-09.toml --format html -o "$work/report.html"
target/debug/leadgap compare examples/reports/sam-2026-09.toml examples/reports/sam-2026-09-by-morgan.toml \
  --format html -o "$work/compare.html"
# A history of one report: its charts start at the left, above its date.
mkdir -p "$work/first"
cp examples/reports/sam-2026-06.toml "$work/first/"
target/debug/leadgap history --from "$work/first" --format html -o "$work/history.html"

shoot() { # page, width, height, output
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/chromium" --hide-scrollbars --window-size="$2,$3" \
    --screenshot="$4" "file://$work/$1" 2>/dev/null
}
mkdir -p docs
shoot report.html 1000 1400 docs/report.png
shoot compare.html 1000 1250 docs/compare.png
shoot history.html 1000 900 docs/history.png
echo "wrote docs/report.png, docs/compare.png and docs/history.png"
