#!/usr/bin/env bash
# Installs the Debian packages jixiao needs to build and test, if missing.
# Safe to run repeatedly; does nothing when everything is installed.
set -euo pipefail

packages=(
  cmake g++ make                 # toolchain
  libcli11-dev libyaml-cpp-dev libfmt-dev doctest-dev   # libraries (doctest: tests only)
  pkg-config libzip-dev libpugixml-dev                   # jixiao import: .docx (ZIP + XML)
  libxlsxwriter-dev              # -f xlsx: the official forms as Excel workbooks
  libjemalloc-dev                # the allocator jixiao links (docs/performance.md)
  libxml2-utils                  # xmllint, to validate JUnit reports in tests
  python3                        # tests read the xlsx workbooks (zipfile, ElementTree)
  cmark-gfm                      # renders the markdown report in tests, as GitHub would
  dpkg-dev file                  # cpack -G DEB: dpkg-shlibdeps computes the package's Depends
  groff-base                     # renders the man pages in tests (groff -ww)
  chromium-headless-shell fonts-noto-cjk poppler-utils   # the html page in a browser, printed (tests)
  strace                         # tests: a signal delivered at a chosen system call
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "jixiao needs these packages: ${missing[*]}" >&2
  echo "run this script as root, or: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
