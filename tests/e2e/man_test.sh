#!/usr/bin/env bash
# The man pages, man/man1/jixiao.1 (English) and man/zh_CN/man1/jixiao.1
# (Chinese): groff renders each with every warning on (-ww) and none given;
# each names every command of `jixiao --help` and every option of each
# command's --help (in English and in Chinese), each command's formats, the
# exit statuses, the diagnostic codes and the version of CMakeLists.txt.
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
  awk '/^(Options:|选项：)/ {on = 1; next} /^[^ ]/ {on = 0} on && /^  -/ {print $1}' | tr ',' '\n' | sort -u
}

# the_words PAGE: the page's source with roff's \- and \& undone.
the_words() { sed -e 's/\\-/-/g' -e 's/\\&//g' "$1"; }

for page in "$EN" "$ZH"; do
  name=${page#"$SRC"/}
  case_ "$name: version $VERSION, every section"
  grep -q "^\.TH JIXIAO 1 [0-9-]* \"jixiao $VERSION\"" "$page" || fail ".TH does not name jixiao $VERSION"
  [ "$(grep -c '^\.SH ' "$page")" -eq 12 ] || fail "expected 12 sections, found $(grep -c '^\.SH ' "$page")"

  case_ "$name: every command and every option of --help"
  the_words "$page" >"$WORK/words"
  for lang in en zh; do
    "$JIXIAO" --lang "$lang" --help >"$WORK/help"
    commands=$(awk '/^(Commands:|命令：)/ {on = 1; next} on && /^  [a-z]/ {print $1}' "$WORK/help")
    [ "$(echo "$commands" | wc -l)" -ge 8 ] || fail "--help --lang $lang lists too few commands: $commands"
    for c in $commands; do
      grep -q "^\.BI\? $c\b" "$WORK/words" || grep -q "^\.BR $c\b" "$WORK/words" \
        || fail "no entry for the command $c"
      "$JIXIAO" --lang "$lang" "$c" --help >"$WORK/help-$c"
      options=$(help_options <"$WORK/help-$c")
      [ -n "$options" ] || fail "$c --help --lang $lang: no options found"
      for opt in $options; do
        grep -qe "$opt\b" "$WORK/words" || fail "$c: the option $opt is not described"
      done
    done
  done

  case_ "$name: each command's formats, as its --help names them"
  for c in check eval template monitor merge rules; do
    formats=$("$JIXIAO" --lang en "$c" --help | tr -s ' \n' ' ' |
      sed -n 's/.*Report format: \([a-z, ]*\) (default.*/\1/p' | tr -d ',')
    [ -n "$formats" ] || fail "$c: no formats found in --help"
    # the FORMATS section's table (.RS ... .RE): a .TP, the command (alone or
    # with others), then its formats.
    listed=$(awk -v c="$c" '/^\.SH/ {table = 0} /^\.SH (FORMATS|格式)/ {table = 1}
        table && /^\.RE/ {table = 0}
        table && names != "" {n = split(names, a, /[ ,"、]+/); for (i = 1; i <= n; i++) if (a[i] == c) print; names = ""; next}
        table && tp {names = $0; sub(/^\.BR? /, "", names); tp = 0; next}
        {tp = table && /^\.TP/}' "$WORK/words")
    [ "$(tr ' ' '\n' <<<"$listed" | sort)" = "$(tr ' ' '\n' <<<"$formats" | sort)" ] \
      || fail "$c: the page lists the formats '$listed', --help '$formats'"
    for f in $formats; do
      grep -q "^\.B $f\$" "$WORK/words" || fail "the format $f has no entry"
    done
  done

  case_ "$name: exit statuses, diagnostic codes, explain"
  for st in 0 1 2; do
    grep -q "^\.B $st\$" "$WORK/words" || fail "the exit status $st is not described"
  done
  grep -q "JX0207" "$WORK/words" || fail "no example of a diagnostic code"
  grep -q 'jixiao explain " CODE' "$WORK/words" || fail "jixiao explain CODE is not described"
  grep -q "docs/errors.md" "$WORK/words" || fail "docs/errors.md is not named"
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
