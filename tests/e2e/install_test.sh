#!/usr/bin/env bash
# `cmake --install BUILD --prefix P` into a temporary prefix: the tree holds
# the binary, the documentation, the examples, the rules files, the man pages
# and the bash completion where README.md ("Install") says, nothing else (no
# test or benchmark binary); the installed binary runs on the installed
# examples and rules, the man pages render and the completion completes.
source "$(dirname "$0")/lib.sh"

BUILD=$(cd "$(dirname "$JIXIAO")" && pwd)
P=$WORK/prefix

# totals: "ID TOTAL" for each project of the English text report on stdout.
totals() { awk '/^  id /{id=$2} /^  total /{print id, $2}' "$OUT"; }
EXAMPLE_TOTALS="TJ-362303-2024-01 97.67
TJ-362303-2024-02 99.83
TJ-362303-2024-03 98.94
TJ-362303-2024-04 99.80
TJ-362303-2024-05 99.99"

case_ "cmake --install into a temporary prefix"
[ -f "$BUILD/cmake_install.cmake" ] || fail "$BUILD is not a build directory"
cmake --install "$BUILD" --prefix "$P" >"$WORK/install.log" 2>&1 \
  || { fail "cmake --install failed"; cat "$WORK/install.log" >&2; }

case_ "the installed tree is exactly: the binary, the docs, the examples, the rules"
{
  echo bin/jixiao
  echo share/doc/jixiao/LICENSE
  echo share/doc/jixiao/README.md
  (cd "$SRC" && ls docs/*.md) | sed 's|^|share/doc/jixiao/|'
  (cd "$SRC" && find examples -type f) | sed 's|^|share/doc/jixiao/|'
  (cd "$SRC/examples/rules" && ls *.yaml) | sed 's|^|share/jixiao/rules/|'
  [ -d "$SRC/man" ] && (cd "$SRC/man" && find . -name '*.1') | sed 's|^\./|share/man/|'
  [ -f "$SRC/completion/jixiao.bash" ] && echo share/bash-completion/completions/jixiao
  [ -f "$SRC/completion/_jixiao" ] && echo share/zsh/vendor-completions/_jixiao
} | sort >"$WORK/expected"
(cd "$P" && find . -type f | sed 's|^\./||' | sort) >"$WORK/installed"
cmp -s "$WORK/expected" "$WORK/installed" || {
  fail "the installed files differ from the expected list (< expected, > installed)"
  diff "$WORK/expected" "$WORK/installed" >&2
}
grep -q "share/doc/jixiao/docs/CHANGELOG.md" "$WORK/installed" || fail "no CHANGELOG installed"
[ -x "$P/bin/jixiao" ] || fail "bin/jixiao is not executable"
for f in "$SRC"/examples/rules/*.yaml; do
  cmp -s "$f" "$P/share/jixiao/rules/$(basename "$f")" || fail "rules/$(basename "$f") differs from the source"
done

I=$P/bin/jixiao
JIXIAO=$I  # `run` runs the installed binary from here on

case_ "the installed binary runs: --version"
run --version
expect_status 0
expect_out "jixiao $(sed -n 's/^project(jixiao VERSION \([0-9.]*\) .*/\1/p' "$SRC/CMakeLists.txt")"

case_ "the installed binary scores the installed examples"
(cd "$WORK" && "$I" eval "$P/share/doc/jixiao/examples/targets" -a "$P/share/doc/jixiao/examples/actuals" \
  >"$OUT" 2>"$ERR"; echo $? >"$WORK/status")
STATUS=$(cat "$WORK/status")
expect_status 1  # two projects have an unmet indicator
[ "$(totals)" = "$EXAMPLE_TOTALS" ] || fail "totals: $(totals | tr '\n' ' ')"

case_ "the installed rules files load and score (hubei.yaml: execution 20)"
run eval "$P/share/doc/jixiao/examples/targets" -a "$P/share/doc/jixiao/examples/actuals" \
  --rules "$P/share/jixiao/rules/hubei.yaml"
expect_status 1
[ "$(totals | head -1)" = "TJ-362303-2024-01 95.33" ] || fail "hubei totals: $(totals | tr '\n' ' ')"
run rules --rules "$P/share/jixiao/rules/mof-2020.yaml" --lang zh
expect_status 0
expect_same "$SRC/examples/rules/mof-2020.yaml"

case_ "the installed man pages render without a warning"
if command -v groff >/dev/null; then
  for page in "$P/share/man/man1/jixiao.1" "$P/share/man/zh_CN/man1/jixiao.1"; do
    [ -f "$page" ] || { fail "no $page"; continue; }
    groff -k -ww -man -Tutf8 "$page" >/dev/null 2>"$WORK/groff.err" || fail "groff failed on $page"
    [ -s "$WORK/groff.err" ] && fail "groff warns on $page: $(head -3 "$WORK/groff.err")"
  done
else
  echo "install_test: groff is not installed: the man pages are not rendered" >&2
fi
if command -v man >/dev/null; then
  [ "$(MANPATH=$P/share/man man -w jixiao 2>/dev/null)" = "$P/share/man/man1/jixiao.1" ] \
    || fail "man -w jixiao does not find the English page under the prefix"
  [ "$(MANPATH=$P/share/man man -L zh_CN -w jixiao 2>/dev/null)" = "$P/share/man/zh_CN/man1/jixiao.1" ] \
    || fail "man -L zh_CN -w jixiao does not find the Chinese page under the prefix"
fi

case_ "the installed bash completion completes"
C=$P/share/bash-completion/completions/jixiao
[ -f "$C" ] || fail "no $C"
bash --norc --noprofile -c 'source "$1"; COMP_WORDS=(jixiao ev); COMP_CWORD=1; _jixiao; echo "${COMPREPLY[*]}"' _ "$C" \
  >"$WORK/comp" 2>&1
[ "$(cat "$WORK/comp")" = eval ] || fail "'jixiao ev' completes to '$(cat "$WORK/comp")', not 'eval'"

finish
