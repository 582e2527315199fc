#!/usr/bin/env bash
# Rebuilds vendor/axe-core/: axe-core's axe.min.js (Deque's accessibility
# rules engine, `axe-core` on npm, MPL-2.0) and its licence, which the browser
# tests inject into the rater's form to check WCAG 2.1 A and AA. It is never
# part of a page leadgap writes.
#
# The version is pinned; change it here, run this, review the SHA-256 in
# vendor/axe-core/README.md, and commit. Needs Node.js and npm.
set -euo pipefail
cd "$(dirname "$0")/.."

AXE_VERSION=4.14.1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(
  cd "$work"
  npm init -y >/dev/null
  npm install --no-audit --no-fund --save-exact "axe-core@$AXE_VERSION" >/dev/null
)
out=vendor/axe-core
cp "$work/node_modules/axe-core/axe.min.js" "$out/axe.min.js"
cp "$work/node_modules/axe-core/LICENSE" "$out/LICENSE"
sum=$(sha256sum "$out/axe.min.js" | cut -d' ' -f1)
cat >"$out/README.md" <<README
# axe-core, vendored

Deque's accessibility rules engine ([axe-core](https://github.com/dequelabs/axe-core),
\`axe-core\` on npm, MPL-2.0; \`LICENSE\` is its licence), as published. The
browser tests (\`tests/browser/\`) inject it into the rater's form and require
no violation of the WCAG 2.1 A and AA rules. No page leadgap writes holds it.
\`scripts/vendor-axe-core.sh\` rebuilds this folder.

version: axe-core $AXE_VERSION
sha256: $sum
README
echo "wrote $out/axe.min.js (sha256 $sum)"
