#!/usr/bin/env bash
# The common mistakes (docs/mistakes.md): every case directory under
# tests/fixtures/mistakes/ is run and what jixiao prints compared with the
# case's `expected`; then the page generated from the cases is compared with
# docs/mistakes.md, so that the page never goes stale.
#
# A case is a directory tests/fixtures/mistakes/NN-slug/ holding:
#   cmd       one line: the jixiao arguments, paths relative to the directory
#             (shell quoting allowed), e.g. `eval targets.yaml -a actuals.yaml`
#   title     one line: `中文标题 / English title`
#   expected  what jixiao prints in Chinese (the default), stderr then stdout,
#             then a line `exit: N`
#   expected.en   the same with --lang en: the same codes, in English
#   the input files the command reads
#   excerpt   (optional) shown on the page instead of the input files (for a
#             .docx, say)
#   fix       (optional) a paragraph for the page: how to put the slip right
# Numbers: 10–39, 40–69 and 70–99 are kept for the three areas of slips
# (values and units; files, Excel and import; output and input safety).
#
# With UPDATE_GOLDEN=1, `expected` files and docs/mistakes.md are rewritten
# (review them with `git diff`):
#   UPDATE_GOLDEN=1 bash tests/e2e/mistakes_test.sh build/jixiao
source "$(dirname "$0")/lib.sh"
JIXIAO=$(cd "$(dirname "$JIXIAO")" && pwd)/$(basename "$JIXIAO")
M=$FIXTURES/mistakes

# The environment of a case: the default language (Chinese) or, given `en`,
# English; no colour, no terminal.
run_case() {  # DIR [en]: writes stderr, stdout and the exit line to $WORK/actual
  local dir=$1 status
  local -a args lang=()
  eval "args=($(cat "$dir/cmd"))"
  [ "${2:-}" = en ] && lang=(JIXIAO_LANG=en)
  LAST_ARGS="${args[*]}"
  (cd "$dir" && env -u JIXIAO_LANG NO_COLOR=1 LC_ALL=C.UTF-8 "${lang[@]}" \
     timeout 20 "$JIXIAO" "${args[@]}" </dev/null >"$OUT" 2>"$ERR")
  status=$?
  STATUS=$status
  { cat "$ERR" "$OUT"; echo "exit: $status"; } >"$WORK/actual"
}

cases=0
for dir in "$M"/*/; do
  dir=${dir%/}
  name=$(basename "$dir")
  case_ "$name"
  cases=$((cases + 1))
  for f in cmd title; do
    [ -s "$dir/$f" ] || fail "the case has no $f file"
  done
  [ -s "$dir/cmd" ] || continue
  grep -q ' / ' "$dir/title" || fail "title is not '中文标题 / English title'"
  [[ $name =~ ^[0-9][0-9]-[a-z0-9-]+$ ]] || fail "the directory is not named NN-slug"
  run_case "$dir"
  if [ "$STATUS" -eq 124 ] || [ "$STATUS" -gt 2 ]; then fail "crashed or hung (status $STATUS)"; fi
  expect_golden "$dir/expected" "$WORK/actual"
  codes_zh=$(grep -oE '\[JX[0-9]{4}\]' "$WORK/actual" | sort | tr '\n' ' ')
  run_case "$dir" en
  expect_golden "$dir/expected.en" "$WORK/actual"
  codes_en=$(grep -oE '\[JX[0-9]{4}\]' "$WORK/actual" | sort | tr '\n' ' ')
  [ "$codes_zh" = "$codes_en" ] || fail "the codes differ by language: zh $codes_zh, en $codes_en"
done
[ "$cases" -gt 0 ] || { case_ "cases"; fail "no case under $M"; }

case_ "docs/mistakes.md is generated from the cases"
bash "$SRC/tools/mistakes_page.sh" "$M" >"$WORK/mistakes.md" || fail "the generator failed"
expect_golden "$SRC/docs/mistakes.md" "$WORK/mistakes.md"

finish
