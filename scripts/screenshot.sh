#!/usr/bin/env bash
# Renders the HTML report of an example in headless Chromium and saves the
# screenshot the README shows, docs/report.png, so that anyone can look at
# the page as a reader would and check it again after a change.
#
# Needs Debian's Chromium: apt-get install chromium
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null; then
  echo "chromium is not installed: apt-get install chromium" >&2
  exit 1
fi

cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LEADGAP_DATA_DIR="$work/data" LEADGAP_NOW="2026-11-22T09:00:00Z"

# Sam's September self-assessment, with its history from the same folder.
target/release/leadgap show examples/reports/sam-2026-09.toml --format html -o "$work/report.html"
target/release/leadgap compare examples/reports/sam-2026-09.toml examples/reports/sam-2026-09-by-morgan.toml \
  --format html -o "$work/compare.html"

shoot() { # page, width, height, output
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/chromium" --hide-scrollbars --window-size="$2,$3" \
    --screenshot="$4" "file://$work/$1" 2>/dev/null
}
mkdir -p docs
shoot report.html 1000 1250 docs/report.png
shoot compare.html 1000 760 docs/compare.png
echo "wrote docs/report.png and docs/compare.png"
