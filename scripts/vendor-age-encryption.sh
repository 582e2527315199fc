#!/usr/bin/env bash
# Rebuilds vendor/age-encryption/age-encryption.js: the official JavaScript
# implementation of age (`age-encryption` on npm, by Filippo Valsorda),
# bundled with its dependencies into one script that defines `age`, which
# leadgap writes into every invite.html so that the form encrypts offline
# and offers the sealed answer as armored text.
#
# The versions are pinned; change them here, run this, review the diff of
# the bundle's SHA-256 in vendor/age-encryption/README.md, and commit.
# Needs Node.js and npm (Debian: apt-get install nodejs npm).
set -euo pipefail
cd "$(dirname "$0")/.."

AGE_VERSION=0.3.1
ESBUILD_VERSION=0.24.0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(
  cd "$work"
  npm init -y >/dev/null
  npm install --no-audit --no-fund --save-exact \
    "age-encryption@$AGE_VERSION" "esbuild@$ESBUILD_VERSION" >/dev/null
  echo 'export { Encrypter, armor } from "age-encryption";' > entry.js
  ./node_modules/.bin/esbuild entry.js --bundle --format=iife --global-name=age \
    --minify --target=es2020 --legal-comments=none --outfile=age.js >/dev/null
  # Licences of everything in the bundle.
  {
    for package in age-encryption @noble/ciphers @noble/curves @noble/hashes @noble/post-quantum @scure/base; do
      version=$(node -p "require('./node_modules/$package/package.json').version")
      echo "==== $package $version ===="
      cat "node_modules/$package/LICENSE"
      echo
    done
  } > LICENSES
)
out=vendor/age-encryption
cp "$work/age.js" "$out/age-encryption.js"
cp "$work/LICENSES" "$out/LICENSE"
sum=$(sha256sum "$out/age-encryption.js" | cut -d' ' -f1)
sed -i "s/^sha256: .*/sha256: $sum/" "$out/README.md"
echo "wrote $out/age-encryption.js (sha256 $sum)"
