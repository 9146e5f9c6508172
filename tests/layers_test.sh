#!/usr/bin/env bash
# Arrows only point down: fails when a file of src/ includes a header of a
# higher layer. The layers, lowest first:
#
#   base < yaml < model < score < report, import < cli
#
# report and import stand side by side and must not include each other.
# Tests (*_test.cc, *_testing.h) obey the same rule as the code beside them.
# Files directly in src/ (main.cc) may include any layer. Includes are
# written from src/ ("score/score.h"); one that names no layer fails too, as
# does a folder of src/ that is not in the list above.
#
#   bash tests/layers_test.sh [SRC_DIR]   (default: the src/ of this checkout)
set -euo pipefail

src=${1:-$(cd "$(dirname "$0")/../src" && pwd)}
[ -d "$src" ] || { echo "layers_test: no such directory: $src" >&2; exit 2; }

declare -A rank=([base]=0 [yaml]=1 [model]=2 [score]=3 [report]=4 [import]=4 [cli]=5)
order="base < yaml < model < score < report, import < cli"

failures=0
fail() {
  echo "$1" >&2
  failures=$((failures + 1))
}

cd "$src"
for dir in */; do
  dir=${dir%/}
  [ -n "${rank[$dir]+x}" ] || fail "src/$dir/: a folder that is not a layer (order: $order)"
done

while IFS= read -r file; do
  layer=${file%%/*}
  [ "$layer" = "$file" ] && layer=""  # directly in src/: may include any layer
  while IFS=: read -r line text; do
    header=$(sed -E 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"([^"]*)".*/\1/' <<<"$text")
    target=${header%%/*}
    if [ "$target" = "$header" ] || [ -z "${rank[$target]+x}" ]; then
      fail "src/$file:$line: #include \"$header\" names no layer: write includes from src/, as \"score/score.h\""
      continue
    fi
    [ -z "$layer" ] && continue
    [ "$target" = "$layer" ] && continue
    if [ "${rank[$target]}" -ge "${rank[$layer]}" ]; then
      fail "src/$file:$line: $layer includes $header: a layer may include only the layers below it ($order)"
    fi
  done < <(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$file" || true)
done < <(find . -type f \( -name '*.h' -o -name '*.cc' \) | sed 's|^\./||' | sort)

if [ "$failures" -gt 0 ]; then
  echo "layers_test: $failures include(s) against the layer order" >&2
  exit 1
fi
echo "layers_test: every include points down ($order)"
