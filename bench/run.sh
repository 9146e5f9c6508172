#!/usr/bin/env bash
# The benchmark of batch scoring (a whole synthetic year), in one command:
#
#   bash bench/run.sh [--projects N] [--seed S] [--reps R] [--jobs J]
#   bash bench/run.sh --rss-scaling [--seed S] [--reps R]
#   bash bench/run.sh --instructions [--projects N] [--seed S]
#
# From a clean clone it installs the build dependencies (tools/install-deps.sh),
# builds jixiao and the bench tools (Release, in build-bench/), generates a synthetic
# year of N projects (default 20,000; cached in build-bench/data-N-S/) and measures, in
# the same run, each R times (default 3; all but the html, xlsx and --keep rows take turns), reporting
# the median:
#
#   cat             reading every input file (the floor: I/O and page cache)
#   parse-baseline  loading the same YAML with yaml-cpp's node API, nothing else
#   libyaml events  the libyaml C parser (PyYAML's) reading the same YAML files, events
#                   only, each file read whole first: what a fast C parser costs
#   libyaml events (progress)  the same on monitor's inputs (targets and progress)
#   yaml-cpp events only  the same files through YAML::Parser with a no-op handler:
#                   the floor for any reader built on yaml-cpp's event API
#   eval -j1        jixiao eval, one thread, text report to /dev/null
#   eval -jJ        jixiao eval, J threads (default: nproc)
#   monitor -j1     jixiao monitor, one thread, on the year's progress files as of
#                   2024-07-31 (jixiao-gen --progress): the same targets as eval
#   monitor -jJ     the same on J threads
#   eval -j1 -f json, eval -jJ -f json  the JSON report instead of text
#   eval -j1 -f html  once: the page
#   eval -j1 -f xlsx=DIR/  once: the official forms, a workbook per department
#   eval -jJ -f xlsx=DIR/  once: the same, the department workbooks filled on J threads
#   parse-baseline --keep  once: every tree held until the end (up to 50,000 projects)
#
# with wall time, CPU time, projects/s, MB/s (10^6 bytes of input per second of wall
# time), peak RSS (ru_maxrss, MiB) and the ratios to the baseline; then the targets,
# and the ratios of -jJ to -j1 and of monitor to eval turn by turn. --rss-scaling
# instead measures the peak RSS of `eval -j1` at 10,000 and 100,000 projects and
# prints the ratio, and that of `eval -jJ` at 100,000 projects. --instructions counts the instructions (user space) of
# parse-baseline and `eval -j1` under valgrind's callgrind, on N projects (default
# then 2,000): a measure a busy machine does not disturb, unlike wall time. See
# docs/performance.md for the targets and the results.
set -euo pipefail

projects=20000
seed=1
reps=3
jobs=$(nproc)
rss_scaling=0
instructions=0
projects_given=0
usage() {
  sed -n '2,/^set -e/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//' >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --projects) projects=${2:?}; projects_given=1; shift 2 ;;
    --seed) seed=${2:?}; shift 2 ;;
    --reps) reps=${2:?}; shift 2 ;;
    --jobs) jobs=${2:?}; shift 2 ;;
    --rss-scaling) rss_scaling=1; shift ;;
    --instructions) instructions=1; shift ;;
    -h|--help) usage ;;
    *) echo "run.sh: unknown argument: $1" >&2; usage ;;
  esac
done
for v in "$projects" "$seed" "$reps" "$jobs"; do
  [[ "$v" =~ ^[0-9]+$ ]] && [ "$v" -ge 1 ] || { echo "run.sh: not a positive number: $v" >&2; exit 2; }
done

root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-bench"
mkdir -p "$build"
log="$build/bench.log"
: >"$log"
rm -f "$build"/*.load  # no row has run yet

# --- build -------------------------------------------------------------------
bash "$root/tools/install-deps.sh"
# The libyaml baseline row only: a benchmark tool, not a dependency of jixiao.
if ! dpkg -s libyaml-dev >/dev/null 2>&1; then
  apt-get install -y --no-install-recommends libyaml-dev >>"$log" 2>&1 ||
    echo "run.sh: could not install libyaml-dev: no libyaml row" >&2
fi
echo "building (Release, $build) ..." >&2
if ! { cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release &&
       cmake --build "$build" -j"$(nproc)" --target jixiao jixiao-gen jixiao-parse-baseline jixiao-measure; } \
       >>"$log" 2>&1; then
  tail -40 "$log" >&2
  echo "run.sh: build failed (log: $log)" >&2
  exit 2
fi
jixiao="$build/jixiao"
gen="$build/bench/jixiao-gen"
baseline="$build/bench/jixiao-parse-baseline"
libyaml="$build/bench/jixiao-libyaml-events"
cmake --build "$build" --target jixiao-libyaml-events >>"$log" 2>&1 || true  # only with libyaml-dev
measure="$build/bench/jixiao-measure"

# --- data --------------------------------------------------------------------
# Generates (or reuses) the year of $1 projects; prints its directory. The stamp
# records the generator's source, so a changed generator regenerates.
year() {
  local n=$1 dir="$build/data-$1-$seed"
  local stamp
  stamp="n=$n seed=$seed gen=$(sha256sum "$root/bench/gen.cc" | cut -c1-16)"
  if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "generating $n projects (seed $seed) in $dir ..." >&2
    rm -rf "$dir"
    mkdir -p "$dir"
    "$gen" --projects "$n" --seed "$seed" --out "$dir" --progress
    (cd "$dir" && find targets actuals -type f -print0 | sort -z >files.list)
    # A benchmark of invalid data would measure error paths: the year must check clean.
    if ! "$jixiao" check "$dir/targets" >"$build/check.out" 2>&1; then
      tail -20 "$build/check.out" >&2
      echo "run.sh: jixiao check failed on the generated year $dir" >&2
      exit 2
    fi
    echo "$stamp" >"$dir/.stamp"
  fi
  echo "$dir"
}

# --- measuring -----------------------------------------------------------------
# run_n R NAME OK_EXITS CMD...: runs CMD R times under jixiao-measure (stdout to
# /dev/null, stderr to build-bench/NAME.stderr) and appends the reports to
# build-bench/NAME.runs. Stops the benchmark when an exit status is not in OK_EXITS.
run_n() {
  local r=$1 name=$2 ok=$3
  shift 3
  local runs="$build/$name.runs"
  # A row's first call empties its file and records the load; later calls
  # (the turns below) append.
  [ -f "$build/$name.load" ] || : >"$runs"
  [ -f "$build/$name.load" ] || cut -d' ' -f1 /proc/loadavg >"$build/$name.load"
  for ((k = 0; k < r; k++)); do
    "$measure" --stdout /dev/null --stderr "$build/$name.stderr" --report "$runs" -- "$@" || true
    local code
    code=$(tail -1 "$runs" | sed 's/.*exit=//')
    if [[ " $ok " != *" $code "* ]]; then
      echo "run.sh: '$*' exited with $code (expected $ok); its stderr:" >&2
      tail -20 "$build/$name.stderr" >&2
      exit 2
    fi
  done
}

# median NAME FIELD: the median of FIELD over NAME's runs.
median() {
  sed -n "s/.*$2=\([0-9.]*\).*/\1/p" "$build/$1.runs" | middle
}
# middle: the median of the numbers on standard input, one a line.
middle() {
  sort -g |
    awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# cpu NAME: median of user+sys.
cpu() {
  awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] } print f["user_s"] + f["sys_s"] }' \
    "$build/$1.runs" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
# turns A B: A's wall time over B's, turn by turn (line k of each file is
# turn k, since the rows take turns): "median (lowest-highest)". On a
# machine whose speed moves, the spread says how far to trust one median.
turns() {
  local ratios
  ratios=$(paste -d' ' <(sed -n 's/.*wall_s=\([0-9.]*\).*/\1/p' "$build/$1.runs") \
    <(sed -n 's/.*wall_s=\([0-9.]*\).*/\1/p' "$build/$2.runs") |
    awk '$2 > 0 { print $1 / $2 }' | sort -g)
  [ -n "$ratios" ] || return 0
  awk -v m="$(middle <<<"$ratios")" -v lo="$(head -1 <<<"$ratios")" -v hi="$(tail -1 <<<"$ratios")" \
    'BEGIN { printf "%.2fx (%.2f-%.2fx)", m, lo, hi }'
}

machine() {
  local cpu_model mem
  cpu_model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
  mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  echo "machine: nproc $(nproc), ${cpu_model:-unknown CPU}, $mem RAM, $(uname -sr)"
  echo "jixiao: $("$jixiao" --version 2>/dev/null | head -1), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet HEAD -- src 2>/dev/null || echo ' + uncommitted src/ changes'); yaml-cpp $(pkg-config --modversion yaml-cpp 2>/dev/null || echo '?')"
}

if [ "$instructions" = 1 ]; then
  command -v valgrind >/dev/null || { echo "run.sh: --instructions needs valgrind (apt-get install valgrind)" >&2; exit 2; }
  [ "$projects_given" = 1 ] || projects=2000
  data=$(year "$projects")
  machine
  # callgrind's "Collected : N" line: the instructions the program ran.
  count() {
    local name=$1
    shift
    (cd "$data" && valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@") \
      >/dev/null 2>"$build/$name.callgrind" || true
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$build/$name.callgrind"
  }
  echo "counting instructions under callgrind ($projects projects; about a minute each) ..." >&2
  b=$(count baseline "$baseline" targets actuals)
  e=$(count eval-j1 "$jixiao" eval -j1 targets -a actuals)
  [ -n "$b" ] && [ -n "$e" ] || { echo "run.sh: callgrind gave no count (see $build/*.callgrind)" >&2; exit 2; }
  awk -v b="$b" -v e="$e" -v n="$projects" 'BEGIN {
    printf "instructions, %d projects: parse-baseline %.0f M, eval -j1 %.0f M: %.3fx the baseline\n", n, b / 1e6, e / 1e6, e / b
  }'
  exit 0
fi

if [ "$rss_scaling" = 1 ]; then
  small=$(year 10000)
  large=$(year 100000)
  machine
  echo "load average before: $(loadavg)"
  run_n "$reps" rss-10k "0 1" "$jixiao" eval -j1 "$small/targets" -a "$small/actuals"
  run_n "$reps" rss-100k "0 1" "$jixiao" eval -j1 "$large/targets" -a "$large/actuals"
  run_n "$reps" rss-100k-jN "0 1" "$jixiao" eval -j"$jobs" "$large/targets" -a "$large/actuals"
  echo "load average after:  $(loadavg)"
  s=$(median rss-10k maxrss_kb)
  l=$(median rss-100k maxrss_kb)
  awk -v s="$s" -v l="$l" -v r="$reps" -v ws="$(median rss-10k wall_s)" -v wl="$(median rss-100k wall_s)" \
      -v cs="$(cpu rss-10k)" -v cl="$(cpu rss-100k)" 'BEGIN {
    printf "eval -j1 (median of %d): 10,000 projects %.2f s wall, %.2f s cpu; 100,000 projects %.2f s wall, %.2f s cpu\n", r, ws, cs, wl, cl
    printf "peak RSS of eval -j1: 10,000 projects %.1f MiB; 100,000 projects %.1f MiB\n", s / 1024, l / 1024
    printf "ratio 100k/10k: %.2f (target < 1.5: %s); 100k under 200 MB: %s\n", l / s,
      (l / s < 1.5 ? "met" : "MISSED"), (l * 1024 < 200e6 ? "met" : "MISSED")
  }'
  awk -v l="$(median rss-100k-jN maxrss_kb)" -v w="$(median rss-100k-jN wall_s)" -v n="$jobs" 'BEGIN {
    printf "eval -j%d, 100,000 projects: %.2f s wall, peak RSS %.1f MiB (target < 50 MB: %s)\n", n, w,
      l / 1024, (l * 1024 < 50e6 ? "met" : "MISSED")
  }'
  exit 0
fi

data=$(year "$projects")
cd "$data"
files=$(tr -cd '\0' <files.list | wc -c)
# Also warms the page cache, so that every measurement reads from memory.
bytes=$(xargs -0 -a files.list -- cat | wc -c)

machine
echo "input: $projects projects (seed $seed), $files files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }') in $data"
echo "each row: median of $reps runs (html, xlsx and --keep: 1 run); stdout to /dev/null"
echo "load average before: $(loadavg)"
# The compared rows take turns, rep by rep, so that a machine that speeds up or
# slows down during the run (other work, frequency) affects them alike.
for ((rep = 0; rep < reps; rep++)); do
  run_n 1 cat "0" xargs -0 -a files.list -- cat
  run_n 1 baseline "0" "$baseline" targets actuals
  run_n 1 events "0" "$baseline" --events targets actuals
  [ -x "$libyaml" ] && run_n 1 libyaml "0" "$libyaml" targets actuals
  [ -x "$libyaml" ] && run_n 1 libyaml-progress "0" "$libyaml" targets progress
  run_n 1 eval-j1 "0 1" "$jixiao" eval -j1 targets -a actuals
  run_n 1 eval-jN "0 1" "$jixiao" eval -j"$jobs" targets -a actuals
  run_n 1 monitor-j1 "0 1" "$jixiao" monitor -j1 targets -a progress
  run_n 1 eval-json "0 1" "$jixiao" eval -j1 -f json targets -a actuals
  run_n 1 eval-json-jN "0 1" "$jixiao" eval -j"$jobs" -f json targets -a actuals
  run_n 1 monitor-jN "0 1" "$jixiao" monitor -j"$jobs" targets -a progress
done
run_n 1 eval-html "0 1" "$jixiao" eval -j1 -f html="$build/page.html" targets -a actuals
rm -rf "$build/xlsx-out"
run_n 1 eval-xlsx "0 1" "$jixiao" eval -j1 -f xlsx="$build/xlsx-out/" targets -a actuals
rm -rf "$build/xlsx-out"
run_n 1 eval-xlsx-jN "0 1" "$jixiao" eval -j"$jobs" -f xlsx="$build/xlsx-out/" targets -a actuals
# The node trees of a whole year held at once, as a program that keeps its documents would
# (about 30 bytes of memory per byte of input: skipped above 50,000 projects).
keep=0
if [ "$projects" -le 50000 ]; then
  keep=1
  run_n 1 baseline-keep "0" "$baseline" --keep targets actuals
fi
echo "load average after:  $(loadavg)"
echo

base_wall=$(median baseline wall_s)
base_cpu=$(cpu baseline)
printf '%-24s %8s %8s %11s %7s %10s %10s %9s %6s\n' \
  "what" "wall s" "cpu s" "projects/s" "MB/s" "peak RSS" "wall/base" "cpu/base" "load"
row() {
  local name=$1 label=$2
  local wall cpu_s rss
  wall=$(median "$name" wall_s)
  cpu_s=$(cpu "$name")
  rss=$(median "$name" maxrss_kb)
  awk -v l="$label" -v w="$wall" -v c="$cpu_s" -v r="$rss" -v p="$projects" -v b="$bytes" \
      -v bw="$base_wall" -v bc="$base_cpu" -v load="$(cat "$build/$name.load")" 'BEGIN {
    printf "%-24s %8.3f %8.3f %11.0f %7.2f %6.1f MiB %9.2fx %8.2fx %6.2f\n",
      l, w, c, p / w, b / 1e6 / w, r / 1024, w / bw, c / bc, load
  }'
}
row cat "cat"
row baseline "parse-baseline"
row events "yaml-cpp events only"
[ -x "$libyaml" ] && row libyaml "libyaml events"
[ -x "$libyaml" ] && row libyaml-progress "libyaml events (progress)"
row eval-j1 "eval -j1"
row eval-jN "eval -j$jobs"
row eval-json "eval -j1 -f json"
row eval-json-jN "eval -j$jobs -f json"
row eval-html "eval -j1 -f html"
row eval-xlsx "eval -j1 -f xlsx=DIR/"
row eval-xlsx-jN "eval -j$jobs -f xlsx=DIR/"
row monitor-j1 "monitor -j1"
row monitor-jN "monitor -j$jobs"
[ "$keep" = 1 ] && row baseline-keep "parse-baseline --keep"
echo "(cpu s = user + system time; load = 1-minute load average when the row started;"
echo " ratios are to parse-baseline, which frees each document's tree after loading it)"
echo
awk -v j1="$(median eval-j1 wall_s)" -v jn="$(median eval-jN wall_s)" -v b="$base_wall" -v n="$jobs" 'BEGIN {
  printf "targets: eval -j1 <= 1.0x baseline: %.2fx %s", j1 / b, (j1 / b <= 1.0 ? "met" : "MISSED")
  if (n == 2) printf "; eval -j2 <= 0.6x baseline: %.2fx %s", jn / b, (jn / b <= 0.6 ? "met" : "MISSED")
  printf "; speed-up -j%d over -j1: %.2fx\n", n, j1 / jn
}'
awk -v j="$(cpu eval-json)" -v x="$(cpu eval-xlsx)" -v r="$(median eval-xlsx maxrss_kb)" 'BEGIN {
  printf "targets: xlsx adds <= 1.5x the json run (cpu): %.2fx %s; xlsx peak RSS < 100 MB: %.1f MiB %s\n",
    (x - j) / j, ((x - j) / j <= 1.5 ? "met" : "MISSED"), r / 1024, (r * 1024 < 100e6 ? "met" : "MISSED")
}'
awk -v m="$(median monitor-j1 wall_s)" -v e="$(median eval-j1 wall_s)" \
    -v mr="$(median monitor-j1 maxrss_kb)" -v er="$(median eval-j1 maxrss_kb)" 'BEGIN {
  printf "targets: monitor -j1 <= 1.1x eval -j1: %.2fx %s; peak RSS %.1f MiB against %.1f MiB\n",
    m / e, (m / e <= 1.1 ? "met" : "MISSED"), mr / 1024, er / 1024
}'
awk -v j1="$(median eval-j1 wall_s)" -v jn="$(median eval-jN wall_s)" \
    -v k1="$(median eval-json wall_s)" -v kn="$(median eval-json-jN wall_s)" \
    -v mn="$(median monitor-jN wall_s)" -v n="$jobs" \
    -v y="$( [ -x "$libyaml" ] && median libyaml wall_s || echo 0)" \
    -v yp="$( [ -x "$libyaml" ] && median libyaml-progress wall_s || echo 0)" 'BEGIN {
  printf "targets: -j%d >= 1.8x -j1: text %.2fx %s, json %.2fx %s", n, j1 / jn, (j1 / jn >= 1.8 ? "met" : "MISSED"),
    k1 / kn, (k1 / kn >= 1.8 ? "met" : "MISSED")
  if (y > 0) printf "; eval -j%d <= 1.5x libyaml: %.2fx %s; monitor -j%d: %.2fx %s", n, jn / y,
    (jn / y <= 1.5 ? "met" : "MISSED"), n, mn / yp, (mn / yp <= 1.5 ? "met" : "MISSED")
  printf "\n"
}'
if [ "$reps" -gt 1 ]; then
  echo "turn by turn, median (lowest-highest): -j$jobs over -j1, text $(turns eval-j1 eval-jN)," \
    "json $(turns eval-json eval-json-jN); monitor -j1 over eval -j1 $(turns monitor-j1 eval-j1)"
fi
awk -v j="$(median eval-json wall_s)" -v x="$(median eval-xlsx wall_s)" -v h="$(median eval-html wall_s)" \
    -v jn="$(median eval-json-jN wall_s)" -v xn="$(median eval-xlsx-jN wall_s)" -v n="$jobs" 'BEGIN {
  printf "targets: xlsx <= 1.5x json (wall): -j1 %.2fx %s, -j%d %.2fx %s; html <= 1.5x json: %.2fx %s\n",
    x / j, (x / j <= 1.5 ? "met" : "MISSED"), n, xn / jn, (xn / jn <= 1.5 ? "met" : "MISSED"),
    h / j, (h / j <= 1.5 ? "met" : "MISSED")
}'
