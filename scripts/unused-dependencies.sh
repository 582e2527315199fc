#!/usr/bin/env bash
# Fails when Cargo.toml names a dependency that no code can be using: a
# dependency must be named (`name::…`, `use name`, `name!`) in src/, a
# dev-dependency in tests/, benches/ or src/ (unit tests). .ci/run runs it,
# so that a crate nothing uses any more is removed with the code that used it.
set -euo pipefail
cd "$(dirname "$0")/.."

status=0
section=""
while IFS= read -r line; do
  case "$line" in
    "["*"]") section=$line; continue ;;
  esac
  [[ $section == *dependencies* ]] || continue
  name=${line%%[ =]*}
  [[ $line == *=* && $name =~ ^[A-Za-z0-9_-]+$ ]] || continue
  crate=${name//-/_}
  case "$section" in
    *dev-dependencies*) places=(tests benches src) ;;
    *) places=(src) ;;
  esac
  if ! grep -rqE "(^|[^A-Za-z0-9_])${crate}(::|!)|use ${crate}([^A-Za-z0-9_]|$)" "${places[@]}"; then
    echo "unused dependency: $name, in $section of Cargo.toml" >&2
    status=1
  fi
done <Cargo.toml
exit $status
