#!/usr/bin/env bash
# One version: `jixiao --version` prints the version of CMakeLists.txt's
# project(), and the git revision of the checkout it was built from, which
# cmake/revision.cmake looks up at every build: the short commit, "-dirty"
# when tracked files changed, nothing outside a git checkout (a tarball).
source "$(dirname "$0")/lib.sh"

VERSION=$(sed -n 's/^project(jixiao VERSION \([0-9.]*\) .*/\1/p' "$SRC/CMakeLists.txt")

case_ "CMakeLists.txt names one version"
[[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "no version in project(): '$VERSION'"

case_ "--version prints it, with the revision when built from a checkout"
run --version
expect_status 0
expect_err_empty
if git -C "$SRC" rev-parse --git-dir >/dev/null 2>&1; then
  expect_out_re "^jixiao $VERSION \(git [0-9a-f]{7,}(-dirty)?\)$"
else
  expect_out_re "^jixiao $VERSION$"
fi
[ "$(wc -l <"$OUT")" -eq 1 ] || fail "--version prints more than one line"

case_ "reports carry the version alone"
run eval "$EXAMPLES/targets" -a "$EXAMPLES/actuals" -f json -q
expect_out "\"version\": \"$VERSION\""

case_ "docs/CHANGELOG.md has a section for this version"
grep -q "^## $VERSION\b" "$SRC/docs/CHANGELOG.md" || grep -q "^## \[$VERSION\]" "$SRC/docs/CHANGELOG.md" \
  || fail "docs/CHANGELOG.md has no '## $VERSION' section"

# revision SRC: what cmake/revision.cmake writes for the tree SRC.
revision() {
  rm -f "$WORK/revision.h"
  cmake -DSRC="$1" -DOUT="$WORK/revision.h" -DGIT="$(command -v git)" \
    -P "$SRC/cmake/revision.cmake" >/dev/null 2>&1 || { fail "cmake/revision.cmake failed"; return; }
  sed -n 's/^#define JIXIAO_GIT_REVISION "\(.*\)"$/\1/p' "$WORK/revision.h"
}

case_ "outside a git checkout (a tarball): no revision"
mkdir -p "$WORK/tarball"
[ "$(revision "$WORK/tarball")" = "" ] || fail "a tree without .git got a revision"

if command -v git >/dev/null; then
  G=$WORK/repo
  git init -q "$G"
  git -C "$G" -c user.name=t -c user.email=t@example.com commit -q --allow-empty -m one
  echo a >"$G/file"
  git -C "$G" add file
  git -C "$G" -c user.name=t -c user.email=t@example.com commit -q -m two
  HEAD=$(git -C "$G" rev-parse --short=7 HEAD)

  case_ "a clean checkout: its short commit"
  [ "$(revision "$G")" = "$HEAD" ] || fail "expected $HEAD, got '$(revision "$G")'"

  case_ "an untracked file leaves it clean; a changed tracked file makes it dirty"
  echo new >"$G/untracked"
  [ "$(revision "$G")" = "$HEAD" ] || fail "an untracked file made it '$(revision "$G")'"
  echo b >"$G/file"
  [ "$(revision "$G")" = "$HEAD-dirty" ] || fail "expected $HEAD-dirty, got '$(revision "$G")'"

  case_ "a tree inside some other checkout (a tarball unpacked there): no revision"
  mkdir -p "$G/sub"
  [ "$(revision "$G/sub")" = "" ] || fail "a subdirectory got the enclosing revision"

  case_ "the header is rewritten only when the revision changes"
  cmake -DSRC="$G" -DOUT="$WORK/keep.h" -DGIT="$(command -v git)" -P "$SRC/cmake/revision.cmake"
  touch -d '2000-01-01' "$WORK/keep.h"
  cmake -DSRC="$G" -DOUT="$WORK/keep.h" -DGIT="$(command -v git)" -P "$SRC/cmake/revision.cmake"
  [ "$(stat -c %Y "$WORK/keep.h")" = "$(date -d '2000-01-01' +%s)" ] || fail "an unchanged revision rewrote the header"
else
  echo "version_test: git is not installed: the checkout cases are not run" >&2
fi

finish
