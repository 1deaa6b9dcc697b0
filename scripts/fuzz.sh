#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader, on the stable toolchain: cargo-fuzz (libFuzzer) with
# `--sanitizer none`. The targets are `fuzz/fuzz_targets/*.rs`, thin wrappers over
# `alliance_atlas::fuzz_targets`; each has a dictionary (`fuzz/dict/`) and seeds (`fuzz/seeds/`).
#
#   scripts/fuzz.sh install            cargo-fuzz 0.13.2, only when missing
#   scripts/fuzz.sh seeds              rewrite fuzz/seeds/ from data/ and tests/fixtures/ (committed)
#   scripts/fuzz.sh build              build every target (release, with coverage counters)
#   scripts/fuzz.sh run TARGET [ARGS]  fuzz one target until stopped (libFuzzer ARGS, e.g. -runs=1000000)
#   scripts/fuzz.sh ci [SECONDS]       CI: every target replays its seeds and kept corpus, then fuzzes for
#                                      SECONDS (default 20), two at a time; fails on any crash or timeout
#   scripts/fuzz.sh campaign [RUNS [SECONDS [TARGET…]]]
#                                      RUNS executions per target (default 10,000,000; SECONDS, when not 0,
#                                      stops a target earlier), figures appended to fuzz/campaign.log
#
# A crash is saved under fuzz/artifacts/TARGET/; copy it to fuzz/regressions/TARGET/ and `cargo test
# --test fuzz_regressions` replays it (write that test before the fix). The growing corpus is kept
# outside the clone, next to the cargo target dir.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/alliance-atlas/target}"
fuzz_target_dir="$CARGO_TARGET_DIR/fuzz"
corpus_root="${ATLAS_FUZZ_CORPUS:-$(dirname "$CARGO_TARGET_DIR")/fuzz-corpus}"
targets=(dataset dataset_roundtrip ron_vs_serde deck view_text fuzzy_date csv xlsx json geojson kml)

dict_of() {
  case "$1" in
    dataset | dataset_roundtrip | ron_vs_serde) echo fuzz/dict/ron.dict ;;
    *) echo "fuzz/dict/$1.dict" ;;
  esac
}

install() {
  if ! cargo fuzz --version 2>/dev/null | grep -q '0.13.2'; then
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
      cargo install --locked cargo-fuzz@0.13.2
  fi
}

build() {
  install
  cargo fuzz build -s none -a --target-dir "$fuzz_target_dir"
}

# One target: libFuzzer over the kept corpus and the seeds, with the target's dictionary. A second
# longer than 1 s on one input is a failure (-timeout), as is a crash; inputs up to 64 KiB.
run() {
  local target="$1"
  shift
  mkdir -p "$corpus_root/$target" "fuzz/artifacts/$target"
  cargo fuzz run -s none -a --target-dir "$fuzz_target_dir" "$target" "$corpus_root/$target" "fuzz/seeds/$target" -- \
    -dict="$(dict_of "$target")" -timeout=1 -max_len=65536 -rss_limit_mb=2048 \
    -artifact_prefix="fuzz/artifacts/$target/" -print_final_stats=1 "$@"
}

ci() {
  local seconds="${1:-20}"
  build
  local logs
  logs="$(mktemp -d)"
  # Two at a time (two cores); each log kept, printed when its target fails.
  printf '%s\n' "${targets[@]}" | xargs -P 2 -I{} bash -c \
    "scripts/fuzz.sh run {} -max_total_time=$seconds >'$logs/{}.log' 2>&1 || { echo '{}: FAILED'; grep -E -A12 'panicked at|ERROR: libFuzzer|ParseDictionaryFile' '$logs/{}.log' | head -40; grep 'Test unit written' '$logs/{}.log'; exit 255; }"
  for target in "${targets[@]}"; do
    printf '%-18s %s\n' "$target" "$(grep -E '^stat::number_of_executed_units' "$logs/$target.log" | awk '{ print $2 " executions" }')"
  done
}

campaign() {
  local runs="${1:-10000000}" seconds="${2:-0}"
  shift 2 || shift $#
  local chosen=("$@")
  ((${#chosen[@]})) || chosen=("${targets[@]}")
  build
  for target in "${chosen[@]}"; do
    local start=$SECONDS log outcome
    log="$(mktemp)"
    if run "$target" -runs="$runs" -max_total_time="$seconds" >"$log" 2>&1; then outcome="no crash"; else outcome="FAILED (see $log)"; fi
    local execs
    execs="$(grep -E '^stat::number_of_executed_units' "$log" | awk '{ print $2 }')"
    printf '%s %-18s %12s executions %6d s  corpus %5d  %s\n' "$(date -u +%F)" "$target" "${execs:-?}" \
      $((SECONDS - start)) "$(find "$corpus_root/$target" -type f | wc -l)" "$outcome" | tee -a fuzz/campaign.log
  done
}

# Seeds: the shipped data and every fixture, small enough to mutate quickly (64 KiB at most), and small
# generated datasets. The dataset target's first byte is its chunk size, so its seeds get one.
seeds() {
  rm -rf fuzz/seeds
  for target in "${targets[@]}"; do mkdir -p "fuzz/seeds/$target"; done
  local generated
  generated="$(mktemp -d)"
  for seed in 1 2 3; do
    cargo run --locked --quiet -- generate --initiatives 3 --places 2 --seed "$seed" --out "$generated/generated-$seed.ron" >/dev/null
  done
  for f in "$generated"/*.ron tests/fixtures/*.ron tests/fixtures/bad/*.ron tests/fixtures/ron-features/*.ron; do
    local name
    name="$(basename "$f")"
    { printf '\x07'; cat "$f"; } >"fuzz/seeds/dataset/$name"
    cp "$f" "fuzz/seeds/dataset_roundtrip/$name"
    cp "$f" "fuzz/seeds/ron_vs_serde/$name"
  done
  cp data/us-japan-2023.briefing.ron fuzz/seeds/deck/
  printf '%s' 'Deck(title: "x", dataset: "us-japan-2023.ron", steps: [Step(title: "a", view: "t=19000,19700;s=i:2plus2-2023")])' \
    >fuzz/seeds/deck/small.ron
  local i=0
  grep -oE 'view: "[^"]*"' data/us-japan-2023.briefing.ron | sed -E 's/^view: "(.*)"$/\1/' | while read -r view; do
    i=$((i + 1)); printf '%s' "$view" >"fuzz/seeds/view_text/deck-$i"
  done
  printf '%s' 't=19000,19700;m=26.4,127.9,9;s=i:12mlr;q=okinawa%3Bnaha;lo=Space,Isr;st=Completed;ao=2024-06-01;lg=Tag;p=Map' \
    >fuzz/seeds/view_text/all-keys
  i=0
  for date in "2023-01-11" "2023-11" "2024-Q3" "by 2025" "JFY2027" "USFY2026" "c. 2022-11" "not before 2024" \
    "planned 2026" "-0043-03-15" "c. Nov 2022" "Q3 2024" "FY2027" "15 Nov 2023" "2023/11/15" "03/04/2023" "circa 2022"; do
    i=$((i + 1)); printf '%s' "$date" >"fuzz/seeds/fuzzy_date/$i"
  done
  cp data/template.csv data/template.places.csv tests/fixtures/import/tables/*.csv fuzz/seeds/csv/
  cp data/template.xlsx fuzz/seeds/xlsx/
  cp tests/fixtures/import/json/*.json fuzz/seeds/json/
  cp tests/fixtures/import/json/places.geojson fuzz/seeds/geojson/
  printf '%s' '{"type":"Feature","geometry":{"type":"Point","coordinates":[127.68,26.21]},"properties":{"name":"Naha"}}' \
    >fuzz/seeds/geojson/feature.geojson
  cp tests/fixtures/import/kml/*.kml fuzz/seeds/kml/
  (cd tests/fixtures/import/kml && python3 -c 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],"w",zipfile.ZIP_DEFLATED); z.write("places.kml","doc.kml"); z.close()' \
    "$OLDPWD/fuzz/seeds/kml/places.kmz")
  find fuzz/seeds -type f -size +64k -delete
  du -sh fuzz/seeds
}

command="${1:-}"
shift || true
case "$command" in
  install) install ;;
  seeds) seeds ;;
  build) build ;;
  run) run "$@" ;;
  ci) ci "$@" ;;
  campaign) campaign "$@" ;;
  *) sed -n '2,20p' "$0" >&2; exit 2 ;;
esac
