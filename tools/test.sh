#!/usr/bin/env bash
# Builds jixiao and runs the whole test suite three times: a normal build, a
# build under AddressSanitizer + UndefinedBehaviorSanitizer, and one under
# ThreadSanitizer (for the -j N pipelines). Each run has the doctest unit
# tests and the end-to-end tests of the built binary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
jobs=$(nproc)

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DJIXIAO_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
(cd build-asan && ctest --output-on-failure -j"$jobs")

cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJIXIAO_TSAN=ON >/dev/null
cmake --build build-tsan -j"$jobs" --target jixiao jixiao_unit_tests
(cd build-tsan && ctest --output-on-failure -j"$jobs")
