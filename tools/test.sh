#!/usr/bin/env bash
# Builds jixiao and runs its tests.
#
#   bash tools/test.sh           the full suite, as CI runs it (.ci/run)
#   bash tools/test.sh --quick   the local loop: one build, every test once
#
# The full suite builds and tests three times: a normal build (build/), one
# under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/) and one
# under ThreadSanitizer (build-tsan/, for the -j N pipelines). Each run has
# the doctest unit tests, the fuzz harnesses replayed over their seeds and
# past findings, and the end-to-end tests of the built binary.
#
# --quick is the first of the three alone (RelWithDebInfo, in build/): the
# same tests, without the sanitizers. Builds are incremental either way.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
case "${1:-}" in
  "") ;;
  --quick) quick=1 ;;
  -h|--help) sed -n '2,/^set -e/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "test.sh: unknown argument: $1 (use --quick or nothing)" >&2; exit 2 ;;
esac

bash tools/install-deps.sh
jobs=$(nproc)

# build_and_test DIR CMAKE_ARGS...: configures, builds and runs ctest in DIR.
build_and_test() {
  local dir=$1
  shift
  echo "== $dir" >&2
  cmake -S . -B "$dir" "$@" >/dev/null
  cmake --build "$dir" -j"$jobs"
  (cd "$dir" && ctest --output-on-failure -j"$jobs")
}

build_and_test build -DCMAKE_BUILD_TYPE=RelWithDebInfo
[ "$quick" = 1 ] && exit 0
build_and_test build-asan -DCMAKE_BUILD_TYPE=Debug -DJIXIAO_SANITIZE=ON
build_and_test build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJIXIAO_TSAN=ON
