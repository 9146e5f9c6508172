#!/usr/bin/env bash
# Writes the seed corpus of a fuzz harness into DIR (emptied first):
#
#   bash tests/fuzz/seeds.sh HARNESS DIR       e.g. seeds.sh fuzz_target /tmp/s
#
# Seeds come from examples/ and tests/fixtures/, in the harness's input
# format, and from tests/fuzz/seeds/NAME/ for the harness fuzz_NAME: inputs
# written for it, among them every past finding (named after what it checks).
# tests/fuzz/run.sh starts libFuzzer from these seeds; the normal build's
# ctest runs every harness over them (tests/fuzz/replay.sh).
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 HARNESS DIR" >&2; exit 2; }
h=$1
dir=$2
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
FUZZ=$ROOT/tests/fuzz

# seed_files DIR FILE... : copies each file, named after its path.
seed_files() {
  local dir=$1
  shift
  local f
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$dir/$(echo "${f#"$ROOT"/}" | tr '/' '_')"
  done
  return 0
}

rm -rf "$dir"
mkdir -p "$dir"
shopt -s nullglob globstar
seed_files "$dir" "$FUZZ/seeds/${h#fuzz_}"/*
case $h in
  fuzz_value)
    # Every target and actual value written in the examples and fixtures.
    n=0
    while IFS= read -r t; do
      n=$((n + 1))
      printf '%s\n%s' "$t" "$t" >"$dir/target-$n"
    done < <(grep -rhoE '^\s*target: .*' "$ROOT"/examples "$ROOT"/tests/fixtures 2>/dev/null |
             sed -E 's/^\s*target: *//; s/^"(.*)"$/\1/' | sort -u | head -n 300)
    ;;
  fuzz_target)
    seed_files "$dir" "$ROOT"/examples/**/*.yaml "$ROOT"/tests/fixtures/**/*.yaml
    ;;
  fuzz_actuals_yaml)
    seed_files "$dir" "$ROOT"/examples/actuals/*.yaml "$ROOT"/examples/extra/*actuals*.yaml \
               "$ROOT"/examples/progress/*.yaml "$ROOT"/tests/fixtures/monitor/*.yaml \
               "$ROOT"/tests/fixtures/eval/*.yaml "$ROOT"/tests/fixtures/formats/*actuals*.yaml \
               "$ROOT"/tests/fixtures/robustness/*actuals*.yaml
    ;;
  fuzz_actuals_csv)
    seed_files "$dir" "$ROOT"/examples/**/*.csv "$ROOT"/tests/fixtures/**/*.csv
    ;;
  fuzz_yaml_fast | fuzz_yaml_doc)
    seed_files "$dir" "$ROOT"/examples/**/*.yaml "$ROOT"/tests/fixtures/**/*.yaml \
               "$FUZZ"/seeds/rules/* "$FUZZ"/seeds/target/*
    ;;
  fuzz_rules)
    seed_files "$dir" "$ROOT"/tests/fixtures/**/*rules*.yaml
    ;;
  fuzz_eval)
    # A target file, a line "#actuals", an actuals file.
    i=0
    for t in "$ROOT"/examples/targets/*.yaml "$ROOT"/examples/extra/*target*.yaml \
             "$ROOT"/tests/fixtures/eval/target.yaml "$ROOT"/tests/fixtures/formats/*target*.yaml; do
      for a in "$ROOT"/examples/actuals/*.yaml "$ROOT"/examples/extra/*actuals*.yaml \
               "$ROOT"/tests/fixtures/eval/*.yaml "$ROOT"/tests/fixtures/formats/*actuals*.yaml; do
        i=$((i + 1))
        { cat "$t"; printf '\n#actuals\n'; cat "$a"; } >"$dir/pair-$i"
      done
    done
    ;;
  fuzz_import_text)
    seed_files "$dir" "$ROOT"/tests/fixtures/import/**/*.txt
    ;;
  fuzz_import_docx)
    seed_files "$dir" "$ROOT"/tests/fixtures/import/**/*.docx
    ;;
  *)
    echo "seeds.sh: unknown harness $h" >&2
    exit 2
    ;;
esac
