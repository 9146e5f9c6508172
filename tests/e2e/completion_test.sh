#!/usr/bin/env bash
# The bash completion, completion/jixiao.bash: sourced in a plain bash (no
# bash-completion package needed), it registers itself for jixiao, and its
# function completes commands, each command's options (exactly those of the
# command's --help), option values and file arguments filtered by kind.
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
expect_candidates check eval template merge rules import explain
comp jixiao e
expect_candidates eval explain
comp jixiao --v
expect_candidates --version

case_ "options of a command, by prefix"
comp jixiao eval --fa
expect_candidates --fail-on --fail-under
comp jixiao eval t.yaml --ma
expect_candidates --max-file-size --max-scalar-size --max-depth --max-nodes --max-documents --max-indicators
comp jixiao merge --c
expect_candidates --color --csv-no-bom

case_ "each command's options are exactly those of its --help"
for c in check eval template merge rules import explain; do
  "$JIXIAO" "$c" --help |
    awk '/^Options:/ {on = 1; next} /^[^ ]/ {on = 0} on && /^  -/ {print $1}' | tr ',' '\n' | sort -u >"$WORK/help"
  comp jixiao "$c" -
  cmp -s "$OUT" "$WORK/help" || { fail "$c: completion and --help differ (< completion, > --help)"; diff "$OUT" "$WORK/help" >&2; }
done

case_ "option values: formats by command, --lang, --color, --fail-on"
comp jixiao eval t.yaml -f ""
expect_candidates text json jsonl csv markdown junit github
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

case_ "file arguments filtered by kind, directories always"
comp jixiao check ""
expect_candidates sub t.yaml u.YML
comp jixiao eval t.yaml -a ""
expect_candidates sub t.yaml u.YML a.csv
comp jixiao eval t.yaml --rules ""
expect_candidates sub t.yaml u.YML
comp jixiao merge ""
expect_candidates sub r.json r.jsonl
comp jixiao import w
expect_candidates w.docx w.txt
comp jixiao eval t.yaml -o x
expect_candidates x.pdf

case_ "explain completes the diagnostic codes"
comp jixiao explain jx070
expect_candidates JX0701

finish
