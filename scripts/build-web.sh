#!/usr/bin/env bash
# Builds the web version into dist/ with Trunk, installing the pinned tools first when missing:
#   rustup target wasm32-unknown-unknown, trunk 0.21.14 (0.22 needs a newer rustc), wasm-bindgen-cli at
#   the version in Cargo.lock, and wasm-opt from npm's binaryen (Debian's binaryen breaks the wasm).
# Tools are cached in ~/.cache/alliance-atlas/tools; the cargo target dir is shared with CI.
# Usage: scripts/build-web.sh [--ci] [trunk args…]   (e.g. `scripts/build-web.sh --release`)
#   --ci: CI's quick build for the end-to-end test: the `web-ci` cargo profile (no LTO, many codegen
#   units) and no wasm-opt, from a generated `.index-ci.html`; the release page (`index.html`, the
#   `web` profile, fat LTO, wasm-opt -Oz) is what ships and what the sizes in the README are of.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/alliance-atlas/target}"
tools="${XDG_CACHE_HOME:-$HOME/.cache}/alliance-atlas/tools"
mkdir -p "$tools"
ci=0
if [ "${1:-}" = "--ci" ]; then ci=1; shift; fi
# Tools are built once, cheaply: their own speed does not matter, their build time does.
cheap_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
    CARGO_PROFILE_RELEASE_DEBUG=false CARGO_PROFILE_RELEASE_INCREMENTAL=false cargo install "$@"
}

rustup target list --installed | grep -q '^wasm32-unknown-unknown$' || rustup target add wasm32-unknown-unknown

if ! trunk --version 2>/dev/null | grep -q '0.21.14'; then
  cheap_install --locked trunk@0.21.14
fi

bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if ! wasm-bindgen --version 2>/dev/null | grep -q "$bindgen_version"; then
  # Without --locked: the CLI's own lock file pins crates that need a newer rustc.
  cheap_install wasm-bindgen-cli --version "$bindgen_version"
fi

if [ "$ci" = 0 ] && [ ! -x "$tools/node_modules/.bin/wasm-opt" ]; then
  (cd "$tools" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --no-audit --no-fund binaryen@132.0.0 >/dev/null)
fi
export PATH="$tools/node_modules/.bin:$PATH"

if [ "$ci" = 1 ]; then
  sed -e 's/data-cargo-profile="web"/data-cargo-profile="web-ci"/' -e 's/data-wasm-opt="z"/data-wasm-opt="0"/' \
    index.html >.index-ci.html
  grep -q 'data-cargo-profile="web-ci" data-wasm-opt="0"' .index-ci.html || { echo "index.html changed: fix --ci" >&2; exit 1; }
  trunk build .index-ci.html "$@"
  rm -f .index-ci.html
else
  trunk build "$@"
fi
echo "Built dist/:"
ls -la dist
