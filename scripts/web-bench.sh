#!/usr/bin/env bash
# The web build against vis-timeline in Debian's headless Chromium without a GPU (tests/web/bench.mjs):
# time until the data is shown, and frame times while panning, on the same generated data, medians of
# RUNS fresh browsers. Measures the page in dist/ as built (`scripts/build-web.sh --release` for the
# shipped page, `--ci --release` for CI's quicker build). Figures: docs/PERFORMANCE.md.
#   scripts/web-bench.sh [RUNS [N…]]      (default: 3 runs of 1,000, 10,000 and 100,000 initiatives)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/alliance-atlas/target}"
runs="${1:-3}"
shift || true
sizes=("$@")
((${#sizes[@]})) || sizes=(1000 10000 100000)
[ -f dist/index.html ] || { echo "no dist/: run scripts/build-web.sh --release first" >&2; exit 2; }
data="$CARGO_TARGET_DIR/web-bench/data"
out="$CARGO_TARGET_DIR/web-bench/out"
mkdir -p "$data" "$out"
cargo build --locked --quiet
atlas="$CARGO_TARGET_DIR/debug/alliance-atlas"
for n in "${sizes[@]}"; do
  if [ ! -f "$data/g$n.json" ]; then
    "$atlas" generate --initiatives "$n" --places $((n / 10)) --seed 1 --out "$data/g$n.ron" >/dev/null
    "$atlas" export "$data/g$n.ron" --format timelinejs --lanes line-of-effort --out "$data/g$n.json" >/dev/null
  fi
done
[ -d tests/web/node_modules/vis-timeline ] || (cd tests/web && npm ci --no-audit --no-fund --loglevel=error)
node tests/web/bench.mjs dist "$data" "$out" "$runs" "${sizes[@]}"
echo "Screenshots and every figure: $out"
