#!/usr/bin/env bash
# The benchmark of the html page at a year's scale, in one command:
#
#   bash bench/html.sh [--projects N] [--seed S] [--reps R] [--build-dir DIR]
#
# Builds jixiao and the bench tools (Release, in build-bench/, as run.sh does),
# generates (or reuses) the synthetic year of N projects (default 20,000), and
# measures:
#
#   eval -f html   jixiao eval -j1 writing the page: wall time and peak RSS
#   size           the page's size in MB (10^6 bytes; the target is under 60)
#   forms / rows   projects with their 自评表 and projects in the compact table
#   chromium       the page opened in headless Chromium, R times (default 3),
#                  the median: from navigation start to the first contentful
#                  paint and to the end of the load event (the target is under
#                  5 s), as the page's own Navigation Timing reports them; and
#                  the wall time of the whole browser run (start, load, dump)
#                  beside that of an empty page
#
# --build-dir DIR uses the jixiao, bench/jixiao-gen and bench/jixiao-measure
# already built in DIR (any build type) instead of building build-bench/.
#
# The timing needs a script, which the page's Content-Security-Policy forbids:
# it is measured on a copy with the policy taken out and a script appended
# that writes the figures into the DOM. See docs/performance.md.
set -euo pipefail

projects=20000
seed=1
reps=3
build_dir=""
usage() {
  sed -n '2,/^set -e/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//' >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --projects) projects=${2:?}; shift 2 ;;
    --seed) seed=${2:?}; shift 2 ;;
    --reps) reps=${2:?}; shift 2 ;;
    --build-dir) build_dir=$(cd "${2:?}" && pwd); shift 2 ;;
    -h|--help) usage ;;
    *) echo "html.sh: unknown argument: $1" >&2; usage ;;
  esac
done
for v in "$projects" "$seed" "$reps"; do
  [[ "$v" =~ ^[0-9]+$ ]] && [ "$v" -ge 1 ] || { echo "html.sh: not a positive number: $v" >&2; exit 2; }
done

root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-bench"
mkdir -p "$build"
log="$build/bench-html.log"
: >"$log"

bash "$root/tools/install-deps.sh"
chrome=$(command -v chromium-headless-shell) || { echo "html.sh: needs chromium-headless-shell" >&2; exit 2; }
bin="$build"
if [ -n "$build_dir" ]; then
  bin="$build_dir"
else
echo "building (Release, $build) ..." >&2
if ! { cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release &&
       cmake --build "$build" -j"$(nproc)" --target jixiao jixiao-gen jixiao-measure; } >>"$log" 2>&1; then
  tail -40 "$log" >&2
  echo "html.sh: build failed (log: $log)" >&2
  exit 2
fi
fi
jixiao="$bin/jixiao"
gen="$bin/bench/jixiao-gen"
measure="$bin/bench/jixiao-measure"

# The year, as run.sh makes it (same directory and stamp, so either reuses it).
dir="$build/data-$projects-$seed"
stamp="n=$projects seed=$seed gen=$(sha256sum "$root/bench/gen.cc" | cut -c1-16)"
if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "generating $projects projects (seed $seed) in $dir ..." >&2
  rm -rf "$dir"
  mkdir -p "$dir"
  "$gen" --projects "$projects" --seed "$seed" --out "$dir"
  (cd "$dir" && find targets actuals -type f -print0 | sort -z >files.list)
  "$jixiao" check "$dir/targets" >/dev/null
  echo "$stamp" >"$dir/.stamp"
fi

work="$build/html"
rm -rf "$work"
mkdir -p "$work"
page="$work/page.html"
echo "machine: nproc $(nproc), $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(uname -sr)"
echo "jixiao: $("$jixiao" --version | head -1); $("$chrome" --version 2>/dev/null | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

"$measure" --stdout /dev/null --stderr "$work/eval.stderr" --report "$work/eval.run" -- \
  "$jixiao" eval -j1 "$dir/targets" -a "$dir/actuals" -f html="$page" || true
grep -qE 'exit=(0|1)$' "$work/eval.run" || { tail "$work/eval.stderr" >&2; echo "html.sh: eval failed" >&2; exit 2; }
sed -n 's/.*wall_s=\([0-9.]*\).*maxrss_kb=\([0-9]*\).*/eval -j1 -f html: \1 s wall, peak RSS \2 KiB/p' "$work/eval.run"
bytes=$(wc -c <"$page")
forms=$(grep -c '<details class="proj"' "$page" || true)
rows=$(grep -c '^<tr id="p' "$page" || true)
awk -v b="$bytes" -v f="$forms" -v r="$rows" -v n="$projects" 'BEGIN {
  printf "page: %.1f MB (target < 60: %s), %d projects: %d with their form, %d in the compact table\n",
    b / 1e6, (b < 60e6 ? "met" : "MISSED"), n, f, r
}'

# The timed copy: no CSP, a script that writes the page's timings into the DOM.
timed="$work/timed.html"
sed '0,/Content-Security-Policy/{/Content-Security-Policy/d}' "$page" >"$timed"
cat >>"$timed" <<'EOF'
<script>
addEventListener("load", () => setTimeout(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  const p = document.createElement("p");
  p.id = "timing";
  p.textContent = "load_ms=" + Math.round(nav.loadEventEnd) + " fcp_ms=" + (fcp ? Math.round(fcp.startTime) : -1);
  document.body.prepend(p);
}, 0));
</script>
EOF
printf '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>\n' >"$work/empty.html"
browse() {  # browse FILE: wall seconds of one headless run dumping FILE's DOM (to $work/dom)
  local t0 t1
  t0=$(date +%s.%N)
  timeout 120 "$chrome" --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile" \
    --dump-dom "file://$1" >"$work/dom" 2>/dev/null
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
}
: >"$work/chrome.runs"
for ((k = 0; k < reps; k++)); do
  empty=$(browse "$work/empty.html")
  wall=$(browse "$timed")
  timing=$(grep -o 'load_ms=[0-9]* fcp_ms=-\{0,1\}[0-9]*' "$work/dom" | head -1)
  echo "$timing wall_s=$wall empty_s=$empty" >>"$work/chrome.runs"
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
med() { sed -n "s/.*$1=\([0-9.-]*\).*/\1/p" "$work/chrome.runs" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
awk -v l="$(med load_ms)" -v f="$(med fcp_ms)" -v w="$(med wall_s)" -v e="$(med empty_s)" -v r="$reps" 'BEGIN {
  printf "chromium (median of %d): first contentful paint %.2f s, load event end %.2f s (target < 5: %s); whole run %.2f s wall (empty page %.2f s)\n",
    r, f / 1000, l / 1000, (l < 5000 ? "met" : "MISSED"), w, e
}'
