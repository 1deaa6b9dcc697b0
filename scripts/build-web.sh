#!/usr/bin/env bash
# Builds the web version into dist/ with Trunk, installing the pinned tools first when missing:
#   rustup target wasm32-unknown-unknown, trunk 0.21.14 (0.22 needs a newer rustc), wasm-bindgen-cli at
#   the version in Cargo.lock, and wasm-opt from npm's binaryen (Debian's binaryen breaks the wasm).
# Tools are cached in ~/.cache/alliance-atlas/tools; the cargo target dir is shared with CI.
# Usage: scripts/build-web.sh [trunk args…]   (e.g. `scripts/build-web.sh` or `scripts/build-web.sh --release`)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/alliance-atlas/target}"
tools="${XDG_CACHE_HOME:-$HOME/.cache}/alliance-atlas/tools"
mkdir -p "$tools"

rustup target list --installed | grep -q '^wasm32-unknown-unknown$' || rustup target add wasm32-unknown-unknown

if ! trunk --version 2>/dev/null | grep -q '0.21.14'; then
  cargo install --locked trunk@0.21.14
fi

bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if ! wasm-bindgen --version 2>/dev/null | grep -q "$bindgen_version"; then
  # Without --locked: the CLI's own lock file pins crates that need a newer rustc.
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

if [ ! -x "$tools/node_modules/.bin/wasm-opt" ]; then
  (cd "$tools" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --no-audit --no-fund binaryen@132.0.0 >/dev/null)
fi
export PATH="$tools/node_modules/.bin:$PATH"

trunk build "$@"
echo "Built dist/:"
ls -la dist
