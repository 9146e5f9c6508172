#!/usr/bin/env bash
# The Debian package: `cpack -G DEB` from the build directory makes
# jixiao_<version>_<arch>.deb. Its metadata (dpkg-deb -I) names the
# libraries the binary is linked against as dpkg-shlibdeps computes them;
# its contents (dpkg-deb -c) are the installed tree under /usr; unpacked
# into a temporary root (dpkg-deb -x) its binary scores the packaged
# examples; dpkg installs and removes it in a throwaway root (never on this
# machine).
#
# Needs cpack, dpkg-deb and dpkg-shlibdeps (dpkg-dev; tools/install-deps.sh
# installs it): without them the test is skipped (exit 77). Sanitizer
# builds skip it too: a package is made from the normal build.
source "$(dirname "$0")/lib.sh"

for tool in cpack dpkg-deb dpkg-shlibdeps objdump; do
  if ! command -v "$tool" >/dev/null; then
    echo "package_test: skipped: $tool is not installed (bash tools/install-deps.sh)" >&2
    exit 77
  fi
done
if [ "${JIXIAO_SANITIZED:-0}" = 1 ]; then
  echo "package_test: skipped in a sanitizer build (the package is made from the normal build)" >&2
  exit 77
fi

: >"$OUT"; : >"$ERR"  # no jixiao run before the unpacked one
BUILD=$(cd "$(dirname "$JIXIAO")" && pwd)
VERSION=$(sed -n 's/^project(jixiao VERSION \([0-9.]*\) .*/\1/p' "$SRC/CMakeLists.txt")
ARCH=$(dpkg --print-architecture)
DEB=$WORK/pkg/jixiao_${VERSION}_${ARCH}.deb

case_ "cpack -G DEB makes jixiao_${VERSION}_${ARCH}.deb"
cpack --config "$BUILD/CPackConfig.cmake" -G DEB -B "$WORK/pkg" >"$WORK/cpack.log" 2>&1 \
  || { fail "cpack failed"; tail -20 "$WORK/cpack.log" >&2; }
if [ ! -f "$DEB" ]; then
  fail "no $DEB"
  ls "$WORK/pkg" >&2
  finish
  exit 1
fi
[ "$(cd "$WORK/pkg" && ls ./*.deb | wc -l)" -eq 1 ] || fail "more than one package"

# field NAME: the value of control field NAME.
field() { dpkg-deb -f "$DEB" "$1"; }

case_ "control: name, version, architecture, section, maintainer"
[ "$(field Package)" = jixiao ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$VERSION" ] || fail "Version: $(field Version)"
[ "$(field Architecture)" = "$ARCH" ] || fail "Architecture: $(field Architecture)"
[ "$(field Section)" = utils ] || fail "Section: $(field Section)"
[[ "$(field Maintainer)" =~ ^.+\ \<[^@\ ]+@[^@\ ]+\>$ ]] || fail "Maintainer: $(field Maintainer)"

case_ "control: a description in English and in Chinese"
dpkg-deb -I "$DEB" >"$WORK/info"
grep -q "^ Description: check and score budget projects" "$WORK/info" || fail "no English synopsis"
grep -q "performance targets (绩效目标表)" "$WORK/info" || fail "no English description"
grep -q "评分，输出合规报告" "$WORK/info" || fail "no Chinese description"
grep -q "^  \.$" "$WORK/info" || fail "the description's paragraphs are not separated by ' .'"

# The libraries the binary needs, found from the binary itself: for each
# NEEDED entry, the package that holds that library on this machine.
case_ "control: Depends is what dpkg-shlibdeps computed from the binary"
DEPENDS=$(field Depends)
for lib in $(objdump -p "$JIXIAO" | awk '$1 == "NEEDED" {print $2}'); do
  path=$(ldconfig -p | awk -v l="$lib" '$1 == l {print $NF; exit}')
  [ -n "$path" ] || { fail "cannot find $lib"; continue; }
  pkg=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -1 | cut -d: -f1)
  [ -n "$pkg" ] || pkg=$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1)
  [ -n "$pkg" ] || { fail "no package holds $path"; continue; }
  # dpkg-shlibdeps writes each dependency with the minimum version the
  # symbols used need: "libyaml-cpp0.7 (>= 0.7.0)".
  [[ ", $DEPENDS" == *", $pkg (>= "* ]] || fail "Depends lacks '$pkg (>= …)' for $lib: $DEPENDS"
done
for pkg in libyaml-cpp0.7 libfmt9 libzip4 libpugixml1v5 libstdc++6 libc6; do
  [[ ", $DEPENDS" == *", $pkg (>= "* ]] || fail "Depends lacks $pkg: $DEPENDS"
done

case_ "contents: the binary, the docs, the examples, the rules, the man pages, the completion"
dpkg-deb -c "$DEB" | awk '{print $NF}' | grep -v '/$' | sed 's|^\./||' | sort >"$WORK/contents"
{
  echo usr/bin/jixiao
  echo usr/share/doc/jixiao/LICENSE
  echo usr/share/doc/jixiao/README.md
  (cd "$SRC" && ls docs/*.md) | sed 's|^|usr/share/doc/jixiao/|'
  (cd "$SRC" && find examples -type f) | sed 's|^|usr/share/doc/jixiao/|'
  (cd "$SRC/examples/rules" && ls *.yaml) | sed 's|^|usr/share/jixiao/rules/|'
  (cd "$SRC/man" && find . -name '*.1') | sed 's|^\./|usr/share/man/|'
  echo usr/share/bash-completion/completions/jixiao
} | sort >"$WORK/expected"
cmp -s "$WORK/expected" "$WORK/contents" || {
  fail "the package's files differ from the expected list (< expected, > packaged)"
  diff "$WORK/expected" "$WORK/contents" >&2
}

R=$WORK/root
case_ "unpacked into a temporary root (dpkg-deb -x)"
dpkg-deb -x "$DEB" "$R" || fail "dpkg-deb -x failed"
[ -x "$R/usr/bin/jixiao" ] || fail "no executable usr/bin/jixiao"
command -v file >/dev/null && { file "$R/usr/bin/jixiao" | grep -q ", stripped" || fail "the packaged binary is not stripped"; }

JIXIAO=$R/usr/bin/jixiao  # `run` runs the unpacked binary from here on
D=$R/usr/share/doc/jixiao/examples

case_ "the unpacked binary: --version"
run --version
expect_status 0
expect_out "jixiao $VERSION"

case_ "the unpacked binary scores the packaged examples: exit 1 and the five totals"
run eval "$D/targets" -a "$D/actuals"
expect_status 1
awk '/^  id /{id=$2} /^  total /{print id, $2}' "$OUT" >"$WORK/totals"
printf '%s\n' "TJ-362303-2024-01 97.67" "TJ-362303-2024-02 99.83" "TJ-362303-2024-03 98.94" \
  "TJ-362303-2024-04 99.80" "TJ-362303-2024-05 99.99" >"$WORK/expected-totals"
cmp -s "$WORK/totals" "$WORK/expected-totals" || fail "totals: $(tr '\n' ' ' <"$WORK/totals")"

case_ "the unpacked binary with a packaged rules file (guangxi.yaml)"
run eval "$D/targets" -a "$D/actuals" --rules "$R/usr/share/jixiao/rules/guangxi.yaml" -f json
expect_status 1
expect_out '"rules": "guangxi"'


# dpkg itself, on a throwaway root (dpkg --root: its own database, a copy of
# this machine's, so that Depends are checked against what is installed
# here; nothing is installed on this machine): the package installs with
# its dependencies satisfied, runs from there, and removes cleanly.
D2=$WORK/dpkg-root
case_ "dpkg -i into a throwaway root: Depends satisfied, installed, removed"
mkdir -p "$D2/var/lib/dpkg/info" "$D2/var/lib/dpkg/updates"
cp /var/lib/dpkg/status "$D2/var/lib/dpkg/status"
if dpkg --root="$D2" --log=/dev/null -i "$DEB" >"$WORK/dpkg.log" 2>&1; then
  [ "$(dpkg-query --admindir="$D2/var/lib/dpkg" -W -f='${Status} ${Version}' jixiao)" = \
    "install ok installed $VERSION" ] || fail "dpkg does not list jixiao $VERSION as installed"
  JIXIAO=$D2/usr/bin/jixiao
  run eval "$D2/usr/share/doc/jixiao/examples/targets" -a "$D2/usr/share/doc/jixiao/examples/actuals" \
    --rules "$D2/usr/share/jixiao/rules/hubei.yaml" -f json -q
  expect_status 1
  expect_out '"rules": "hubei"'
  dpkg --root="$D2" --log=/dev/null -r jixiao >>"$WORK/dpkg.log" 2>&1 || fail "dpkg -r failed"
  [ ! -e "$D2/usr/bin/jixiao" ] && [ ! -e "$D2/usr/share/jixiao" ] \
    || fail "dpkg -r left files behind"
else
  fail "dpkg -i failed"
  grep -v "files list file for package" "$WORK/dpkg.log" | tail -20 >&2
fi

finish
