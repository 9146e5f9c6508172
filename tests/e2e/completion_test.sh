#!/usr/bin/env bash
# The bash completion, completion/jixiao.bash: sourced in a plain bash (no
# bash-completion package needed), it registers itself for jixiao, and its
# function completes commands, each command's options (exactly those of the
# command's --help), option values (each command's formats exactly those its
# --help names) and file arguments filtered by kind.
source "$(dirname "$0")/lib.sh"

SCRIPT=$SRC/completion/jixiao.bash
D=$WORK/files
mkdir -p "$D/sub"
touch "$D/t.yaml" "$D/u.YML" "$D/a.csv" "$D/r.json" "$D/r.jsonl" "$D/w.docx" "$D/w.txt" "$D/x.pdf"

# comp WORDS...: the candidates for the last word (may be ""), sorted, one
# a line, in $OUT. The first word is the jixiao under test.
comp() {
  LAST_ARGS="(completion of: $*)"
  (cd "$D" && bash --norc --noprofile -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    _jixiao jixiao "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}" | sort' _ "$SCRIPT" "$JIXIAO" "${@:2}" >"$OUT" 2>"$ERR")
  STATUS=$?
}
# expect_candidates WORD...: the candidates are exactly these.
expect_candidates() {
  printf '%s\n' "$@" | sort >"$WORK/expected"
  cmp -s "$OUT" "$WORK/expected" || fail "candidates: $(tr '\n' ' ' <"$OUT")(expected: $*)"
}

case_ "sourcing registers the completion for jixiao"
bash --norc --noprofile -c 'source "$1" && complete -p jixiao' _ "$SCRIPT" >"$OUT" 2>"$ERR"
STATUS=$?
expect_status 0
expect_err_empty
expect_out "complete -F _jixiao jixiao"

case_ "the commands"
comp jixiao ""
expect_candidates check eval template monitor merge rules import explain
comp jixiao e
expect_candidates eval explain
comp jixiao --v
expect_candidates --version
comp jixiao --l
expect_candidates --lang
comp jixiao --lang ""
expect_candidates zh en
comp jixiao --lang en m
expect_candidates monitor merge
comp jixiao --lang en monitor --s
expect_candidates --show-work --strict

case_ "options of a command, by prefix"
comp jixiao eval --fa
expect_candidates --fail-on --fail-under
comp jixiao eval t.yaml --ma
expect_candidates --max-file-size --max-scalar-size --max-depth --max-nodes --max-documents --max-indicators
comp jixiao merge --c
expect_candidates --color --csv-no-bom
comp jixiao template --p
expect_candidates --progress
comp jixiao merge --x
expect_candidates --xlsx-max-sheets
comp jixiao monitor t.yaml --a
expect_candidates --actuals --as-of

case_ "each command's options are exactly those of its --help"
for c in $("$JIXIAO" --lang en --help | awk '/^Commands:/ {on = 1; next} on && /^  [a-z]/ {print $1}'); do
  for lang in en zh; do
    "$JIXIAO" --lang "$lang" "$c" --help |
      awk '/^(Options:|选项：)/ {on = 1; next} /^[^ ]/ {on = 0} on && /^  -/ {print $1}' | tr ',' '\n' | sort -u >"$WORK/help"
    comp jixiao "$c" -
    cmp -s "$OUT" "$WORK/help" || { fail "$c: completion and --help --lang $lang differ (< completion, > --help)"; diff "$OUT" "$WORK/help" >&2; }
  done
done
"$JIXIAO" --lang en --help | grep -q "^  monitor " || fail "--help lists no monitor command"

case_ "each command's formats are exactly those of its --help"
for c in check eval template monitor merge rules; do
  "$JIXIAO" --lang en "$c" --help | tr -s ' \n' ' ' |
    sed -n 's/.*Report format: \([a-z, ]*\) (default.*/\1/p' | tr -d ' ' | tr ',' '\n' | sort >"$WORK/formats"
  [ -s "$WORK/formats" ] || fail "$c: no formats found in --help"
  comp jixiao "$c" -f ""
  cmp -s "$OUT" "$WORK/formats" || { fail "$c: -f completion and --help differ (< completion, > --help)"; diff "$OUT" "$WORK/formats" >&2; }
done

case_ "option values: formats by command, --lang, --color, --fail-on"
comp jixiao eval t.yaml -f ""
expect_candidates text json jsonl csv markdown junit github xlsx html
comp jixiao monitor t.yaml -f ""
expect_candidates text json jsonl csv markdown junit github xlsx html
comp jixiao rules -f ""
expect_candidates yaml
comp jixiao check -f j
expect_candidates json
comp jixiao template t.yaml --format ""
expect_candidates yaml csv
comp jixiao eval --lang ""
expect_candidates zh en
comp jixiao check --color a
expect_candidates auto always
comp jixiao eval --fail-on ""
expect_candidates unmet none
comp jixiao monitor t.yaml --fail-on ""
expect_candidates red yellow none
comp jixiao monitor t.yaml --as-of ""
expect_candidates ""

case_ "file arguments filtered by kind, directories always"
comp jixiao check ""
expect_candidates sub t.yaml u.YML
comp jixiao eval t.yaml -a ""
expect_candidates sub t.yaml u.YML a.csv
comp jixiao eval t.yaml --rules ""
expect_candidates sub t.yaml u.YML
comp jixiao monitor ""
expect_candidates sub t.yaml u.YML
comp jixiao monitor t.yaml -a ""
expect_candidates sub t.yaml u.YML a.csv
comp jixiao merge ""
expect_candidates sub r.json r.jsonl
comp jixiao import w
expect_candidates w.docx w.txt
comp jixiao eval t.yaml -o x
expect_candidates x.pdf

case_ "explain completes the diagnostic codes"
comp jixiao explain jx0708
expect_candidates JX0708
comp jixiao explain JX07
expect_candidates $("$JIXIAO" explain | awk '/^JX07/ {print $1}')
[ "$(wc -l <"$OUT")" -ge 9 ] || fail "too few JX07 codes: $(tr '\n' ' ' <"$OUT")"

finish
