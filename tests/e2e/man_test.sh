#!/usr/bin/env bash
# The man pages, man/man1/jixiao.1 (English) and man/zh_CN/man1/jixiao.1
# (Chinese): groff renders each with every warning on (-ww) and none given;
# each names every command of `jixiao --help` and every option of each
# command's --help, and the version of CMakeLists.txt.
#
# The Chinese page is UTF-8, so it goes through preconv first (groff -k),
# as man(1) does; the English page is ASCII and is rendered as it is.
# Without groff the test is skipped (exit 77).
source "$(dirname "$0")/lib.sh"

if ! command -v groff >/dev/null; then
  echo "man_test: skipped: groff is not installed (bash tools/install-deps.sh)" >&2
  exit 77
fi
: >"$OUT"; : >"$ERR"
VERSION=$(sed -n 's/^project(jixiao VERSION \([0-9.]*\) .*/\1/p' "$SRC/CMakeLists.txt")
EN=$SRC/man/man1/jixiao.1
ZH=$SRC/man/zh_CN/man1/jixiao.1

# render PAGE [GROFF-FLAG]: groff's output in $OUT, its warnings in $ERR.
render() {
  groff ${2:-} -ww -man -Tutf8 "$1" >"$WORK/rendered" 2>"$ERR"
  STATUS=$?
  sed 's/.\x08//g' "$WORK/rendered" >"$OUT"  # bold and underline by overstrike, undone
  LAST_ARGS="(groff ${2:-} -ww -man -Tutf8 $1)"
}

case_ "the English page renders without a warning"
render "$EN"
expect_status 0
expect_err_empty
expect_out "SYNOPSIS"
grep -q '[^ -~]' "$EN" && fail "the English page holds a non-ASCII byte (groff without -k would not read it)"

case_ "the Chinese page renders without a warning (through preconv)"
render "$ZH" -k
expect_status 0
expect_err_empty
expect_out "概要"
expect_out "退出状态"
grep -q '^\.TH .*"用户命令"' "$ZH" || fail "the Chinese page's .TH is not in Chinese"

case_ "both pages render without a warning at 80 and 120 columns too"
for w in 80 120; do
  render "$EN" "-rLL=${w}n"
  expect_status 0
  expect_err_empty
  render "$ZH" "-k -rLL=${w}n"
  expect_status 0
  expect_err_empty
done

# help_options: the options a command's --help (on stdin) lists, one a line.
help_options() {
  awk '/^Options:/ {on = 1; next} /^[^ ]/ {on = 0} on && /^  -/ {print $1}' | tr ',' '\n' | sort -u
}

# the_words PAGE: the page's source with roff's \- and \& undone.
the_words() { sed -e 's/\\-/-/g' -e 's/\\&//g' "$1"; }

for page in "$EN" "$ZH"; do
  name=${page#"$SRC"/}
  case_ "$name: version $VERSION, every section"
  grep -q "^\.TH JIXIAO 1 [0-9-]* \"jixiao $VERSION\"" "$page" || fail ".TH does not name jixiao $VERSION"
  [ "$(grep -c '^\.SH ' "$page")" -eq 11 ] || fail "expected 11 sections, found $(grep -c '^\.SH ' "$page")"

  case_ "$name: every command and every option of --help"
  the_words "$page" >"$WORK/words"
  "$JIXIAO" --help >"$WORK/help"
  commands=$(awk '/^Subcommands:/ {on = 1; next} on && /^  [a-z]/ {print $1}' "$WORK/help")
  [ "$(echo "$commands" | wc -l)" -ge 7 ] || fail "--help lists too few commands: $commands"
  for c in $commands; do
    grep -q "^\.BI\? $c\b" "$WORK/words" || grep -q "^\.BR $c\b" "$WORK/words" \
      || fail "no entry for the command $c"
    "$JIXIAO" "$c" --help >"$WORK/help-$c"
    for opt in $(help_options <"$WORK/help-$c"); do
      grep -qe "$opt\b" "$WORK/words" || fail "$c: the option $opt is not described"
    done
  done
  grep -qe "--version" "$WORK/words" || fail "--version is not described"
  for env in JIXIAO_LANG NO_COLOR FORCE_COLOR TMPDIR; do
    grep -q "^\.B\R\? $env" "$WORK/words" || grep -q "$env" "$WORK/words" || fail "$env is not described"
  done
  for f in "$SRC"/examples/rules/*.yaml; do
    grep -q "$(basename "$f" | sed 's/-/\\-/g')" "$page" || grep -q "$(basename "$f")" "$WORK/words" \
      || fail "the rules file $(basename "$f") is not listed under FILES"
  done
done

finish
