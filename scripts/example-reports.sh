#!/usr/bin/env bash
# Rebuilds examples/reports/ from the example answer files: Sam's
# self-assessments in June and September, and Morgan's mentor's view of Sam
# in September. Run from the repository root after the questionnaire changes.
set -euo pipefail
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
cargo build --quiet
leadgap() { LEADGAP_DATA_DIR="$data" target/debug/leadgap "$@" >/dev/null 2>&1; }
LEADGAP_NOW=2026-06-01T09:00:00Z leadgap assess --answers examples/hero.toml
LEADGAP_NOW=2026-09-01T09:00:00Z leadgap assess --answers examples/hero-later.toml
LEADGAP_NOW=2026-09-03T09:00:00Z leadgap assess --answers examples/hero-by-mentor.toml
cp "$data/reports/2026-06-01T09-00-00Z.toml" examples/reports/sam-2026-06.toml
cp "$data/reports/2026-09-01T09-00-00Z.toml" examples/reports/sam-2026-09.toml
cp "$data/reports/2026-09-03T09-00-00Z.toml" examples/reports/sam-2026-09-by-morgan.toml
echo "examples/reports/ rebuilt"
