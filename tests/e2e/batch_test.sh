#!/usr/bin/env bash
# Batch runs: many files, -j N byte-identical to -j 1, path lists.
source "$(dirname "$0")/lib.sh"

# A year of 120 small projects in 24 files (some with several documents),
# and their actuals, some met, some not, one with an error.
mkdir -p "$WORK/year/targets/a" "$WORK/year/targets/b" "$WORK/year/actuals"
for f in $(seq 1 24); do
  dir=a; [ $((f % 2)) -eq 0 ] && dir=b
  out="$WORK/year/targets/$dir/f$(printf %02d $f).yaml"
  : > "$out"
  for d in 1 2 3 4 5; do
    n=$(( (f - 1) * 5 + d ))
    printf -- '---\nproject: 项目%s\nid: P-%03d\nyear: 2024\ndepartment: {code: "1%02d", name: 部门%s}\nbudget: {total: %s.00}\nindicators:\n' $n $n $((f % 3)) $((f % 3)) $((n + 5)) >> "$out"
    printf '  - {level1: 产出指标, level2: 数量指标, name: 设备数量, target: %s台}\n' $((n % 7 + 1)) >> "$out"
    printf '  - {level1: 产出指标, level2: 时效指标, name: 完成时间, target: ≤12个月}\n' >> "$out"
    printf '  - {level1: 效益指标, level2: 社会效益指标, name: 覆盖率, target: ≥90%%}\n' >> "$out"
    printf '  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 满意度, target: ≥85%%}\n' >> "$out"
  done
done
# Actuals per department directory, as evaluators receive them.
for dir in a b; do echo "projects:" > "$WORK/year/actuals/$dir.yaml"; done
for n in $(seq 1 120); do
  f=$(( (n - 1) / 5 + 1 )); dir=a; [ $((f % 2)) -eq 0 ] && dir=b
  {
    printf '  - id: P-%03d\n    spent: %s\n    note: 说明\n    indicators:\n' $n $((n + 5 - n % 3))
    printf '      设备数量: {value: %s台, note: 说明}\n' $(( (n % 7 + 1) - (n % 5 == 0 ? 1 : 0) ))
    printf '      完成时间: %s个月\n' $(( 10 + n % 4 ))
    printf '      覆盖率: {value: %s%%, note: 说明}\n' $(( 85 + n % 10 ))
    printf '      满意度: 9%s%%\n' $(( n % 10 ))
  } >> "$WORK/year/actuals/$dir.yaml"
done
# One project with an incompatible unit, so errors are part of the comparison.
sed -i '0,/完成时间: 13个月/s//完成时间: 400天/' "$WORK/year/actuals/a.yaml"

case_ "a year: -j 2 and -j 4 give byte-identical text, JSON and diagnostics"
run eval -j 1 "$WORK/year/targets" -a "$WORK/year/actuals" -f json
expect_status 2
cp "$OUT" "$WORK/j1.json"; cp "$ERR" "$WORK/j1.err"
grep -q '"id": "P-120"' "$WORK/j1.json" || fail "the last project is missing"
[ "$(grep -c '"median":' "$WORK/j1.json")" -eq 3 ] || fail "expected a year summary of 3 departments"
grep -q '"lowest": \[' "$WORK/j1.json" || fail "the year summary lacks the lowest projects"
for j in 2 4; do
  run eval -j $j "$WORK/year/targets" -a "$WORK/year/actuals" -f json
  cmp -s "$OUT" "$WORK/j1.json" || fail "-j $j JSON differs from -j 1"
  cmp -s "$ERR" "$WORK/j1.err" || fail "-j $j diagnostics differ from -j 1"
done
run eval -j 1 "$WORK/year/targets" -a "$WORK/year/actuals"
cp "$OUT" "$WORK/j1.txt"
run eval -j 3 "$WORK/year/targets" -a "$WORK/year/actuals"
cmp -s "$OUT" "$WORK/j1.txt" || fail "-j 3 text differs from -j 1"

case_ "merge of per-department JSON reports equals the single run"
run eval "$WORK/year/targets/a" -a "$WORK/year/actuals/a.yaml" -f json="$WORK/a.json"
expect_status 2
run eval "$WORK/year/targets/b" -a "$WORK/year/actuals/b.yaml" -f json="$WORK/b.json"
expect_status 1
run merge "$WORK/a.json" "$WORK/b.json"
expect_status 2
expect_same "$WORK/j1.json"

case_ "merge reads a JSON report written on one line (jq -c) as the same report"
python3 -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1])), ensure_ascii=False, separators=(",", ":")))' \
  "$WORK/a.json" > "$WORK/a-one-line.json"
[ "$(wc -l < "$WORK/a-one-line.json")" -eq 1 ] || fail "the compacted report is not one line"
run merge "$WORK/a-one-line.json" "$WORK/b.json"
expect_status 2
expect_same "$WORK/j1.json"

case_ "merge of JSONL reports equals the single JSONL run, and JSONL merges into JSON"
run eval "$WORK/year/targets" -a "$WORK/year/actuals" -f jsonl
cp "$OUT" "$WORK/all.jsonl"
[ "$(wc -l < "$WORK/all.jsonl")" -eq 120 ] || fail "expected 119 scored projects (one has an error) and a summary line"
run eval "$WORK/year/targets/a" -a "$WORK/year/actuals/a.yaml" -f jsonl -o "$WORK/a.jsonl"
run eval "$WORK/year/targets/b" -a "$WORK/year/actuals/b.yaml" -f jsonl -o "$WORK/b.jsonl"
run merge -f jsonl "$WORK/a.jsonl" "$WORK/b.jsonl"
expect_same "$WORK/all.jsonl"
run merge "$WORK/a.jsonl" "$WORK/b.jsonl"
expect_same "$WORK/j1.json"

case_ "merge writes text, markdown, csv, junit and github as the single run does"
# A report gives an indicator's line, not its column: junit and github name
# the line only.
for f in text markdown csv junit github; do
  run eval -j 1 "$WORK/year/targets" -a "$WORK/year/actuals" -f $f
  if [ $f = junit ] || [ $f = github ]; then
    sed -E 's/(targets\/[ab]\/f[0-9]+\.yaml:[0-9]+):[0-9]+/\1/g; s/(targets\/[ab]\/f[0-9]+\.yaml,line=[0-9]+),col=[0-9]+/\1/g' "$OUT" > "$WORK/single.$f"
  else
    cp "$OUT" "$WORK/single.$f"
  fi
  run merge -f $f "$WORK/a.json" "$WORK/b.jsonl"
  expect_status 2
  cmp -s "$OUT" "$WORK/single.$f" || { fail "merge -f $f differs from the single run"; diff "$WORK/single.$f" "$OUT" | head -10 >&2; }
done
run merge -f csv -o "$WORK/merged.csv" --lang en "$WORK/a.json" "$WORK/b.json"
expect_status 2
run eval -j 1 "$WORK/year/targets" -a "$WORK/year/actuals" -f csv --lang en
cmp -s "$OUT" "$WORK/merged.csv" || fail "merge -f csv -o FILE --lang en differs from the single run"

case_ "merge refuses reports scored under two rules files of one name (mof-2020+custom), and keeps the digest"
echo 'grades: {优: 85, 良: 75, 中: 60, 差: 0}' > "$WORK/rules-a.yaml"
echo 'grades: {优: 90, 良: 75, 中: 60, 差: 0}' > "$WORK/rules-b.yaml"
run eval "$WORK/year/targets/a" -a "$WORK/year/actuals/a.yaml" -r "$WORK/rules-a.yaml" -f json="$WORK/ra.json"
expect_status 2
run eval "$WORK/year/targets/b" -a "$WORK/year/actuals/b.yaml" -r "$WORK/rules-b.yaml" -f json="$WORK/rb.json"
grep -q '"rules": "mof-2020+custom",' "$WORK/ra.json" && grep -q '"rules": "mof-2020+custom",' "$WORK/rb.json" ||
  fail "both reports should be under mof-2020+custom"
run merge "$WORK/ra.json" "$WORK/rb.json" --lang en
expect_status 2
expect_err "$WORK/rb.json:1:1: error[JX0726]: this report and the others were scored under rules named 'mof-2020+custom' but with other settings"
# Under the same file the digest passes to the merged report, JSON and JSONL.
run eval "$WORK/year/targets/b" -a "$WORK/year/actuals/b.yaml" -r "$WORK/rules-a.yaml" -f jsonl="$WORK/ra-b.jsonl"
digest=$(sed -n 's/^  "rules_digest": "\([0-9a-f]\{16\}\)",$/\1/p' "$WORK/ra.json")
[ -n "$digest" ] || fail "no rules_digest in the JSON report's head"
grep -q "\"rules_digest\":\"$digest\"" "$WORK/ra-b.jsonl" || fail "the JSONL summary line lacks the same digest"
run merge "$WORK/ra.json" "$WORK/ra-b.jsonl" -f json="$WORK/merged-ra.json"
expect_status 2
run merge "$WORK/ra.json" "$WORK/ra-b.jsonl" -f jsonl="$WORK/merged-ra.jsonl"
expect_status 2
sed -n 4,5p "$WORK/merged-ra.json" | grep -qx '  "rules_digest": "'"$digest"'",' || fail "the merged JSON lacks the digest after rules"
tail -1 "$WORK/merged-ra.jsonl" | grep -q "\"rules\":\"mof-2020+custom\",\"rules_digest\":\"$digest\"" ||
  fail "the merged JSONL lacks the digest"
# A report without the digest (an older version's) among reports with one
# is said, and the merged report gives none.
sed '/"rules_digest"/d' "$WORK/rb.json" > "$WORK/rb-old.json"
run merge "$WORK/ra.json" "$WORK/rb-old.json" -f json="$WORK/merged-old.json" --lang en
expect_status 2
expect_err "$WORK/rb-old.json:1:1: warning[JX0728]: this report gives no rules_digest (an older jixiao wrote it, or it was edited)"
grep -q '"rules_digest"' "$WORK/merged-old.json" && fail "the merged report gives a digest not every report gave"

case_ "merge refuses reports made under two pass policies (--fail-on, --fail-under), at the second one's policy"
# Two departments, one project each: 55.00, 差, an unmet indicator. 甲局 ran
# eval with the default --fail-on unmet (not complying), 乙局 with --fail-on
# none (complying): no one eval run gives both verdicts.
mkdir -p "$WORK/mg"
printf '%s\n' 'project: 甲局项目' 'id: A-01' 'year: 2024' 'department: {code: "001", name: 甲局}' \
  'budget: {total: 100}' 'indicators:' '  - {level1: 产出指标, level2: 数量指标, name: 培训人次, target: ≥1000人次}' \
  > "$WORK/mg/a.yaml"
sed 's/甲局/乙局/g; s/A-01/B-01/; s/"001"/"002"/' "$WORK/mg/a.yaml" > "$WORK/mg/b.yaml"
printf 'projects:\n  - {id: A-01, spent: 100, indicators: {培训人次: {value: 500人次, note: 场地受限}}}\n' > "$WORK/mg/aa.yaml"
sed 's/A-01/B-01/' "$WORK/mg/aa.yaml" > "$WORK/mg/ba.yaml"
run eval "$WORK/mg/a.yaml" -a "$WORK/mg/aa.yaml" -q -f json="$WORK/mg/甲局.json"
expect_status 1
run eval "$WORK/mg/b.yaml" -a "$WORK/mg/ba.yaml" -q --fail-on none -f json="$WORK/mg/乙局.json"
expect_status 0
sed -n 6,8p "$WORK/mg/乙局.json" | tr -d '\n' | grep -qx '  "policy": {    "fail_on": "none"  },' ||
  fail "乙局.json gives no policy after rules_digest"
for f in text json; do
  run merge "$WORK/mg/甲局.json" "$WORK/mg/乙局.json" -f $f
  expect_status 2
  expect_err "$WORK/mg/乙局.json:6:3: error[JX0729]: this report's projects were judged under --fail-on none, those of $WORK/mg/甲局.json under --fail-on unmet: 'complies' means something else in each, so they cannot be merged (one eval run has one policy); run eval again for these reports with the same --fail-on and --fail-under, then merge"
  [ ! -s "$OUT" ] || fail "merge -f $f wrote a report"
done
# --fail-under is part of the policy, compared as a number; the JSONL
# summary line gives it too, and an error there is located on that line.
run eval "$WORK/mg/a.yaml" -a "$WORK/mg/aa.yaml" --fail-on none --fail-under 80 -f json="$WORK/mg/a80.json"
expect_status 1
run eval "$WORK/mg/b.yaml" -a "$WORK/mg/ba.yaml" --fail-on none -f jsonl="$WORK/mg/b.jsonl"
expect_status 0
tail -1 "$WORK/mg/b.jsonl" | grep -q '"rules_digest":"[0-9a-f]*","policy":{"fail_on":"none"},"summary":' ||
  fail "the JSONL summary line gives no policy"
run merge "$WORK/mg/a80.json" "$WORK/mg/b.jsonl"
expect_status 2
expect_err "$WORK/mg/b.jsonl:2:89: error[JX0729]: this report's projects were judged under --fail-on none, those of $WORK/mg/a80.json under --fail-on none --fail-under 80:"
# Under one policy the merge is the one eval run over both, exit status too.
run eval "$WORK/mg/b.yaml" -a "$WORK/mg/ba.yaml" --fail-on none --fail-under 80.0 -f jsonl="$WORK/mg/b80.jsonl"
expect_status 1
run eval "$WORK/mg/a.yaml" "$WORK/mg/b.yaml" -a "$WORK/mg/aa.yaml" "$WORK/mg/ba.yaml" --fail-on none --fail-under 80 -f json
expect_status 1
cp "$OUT" "$WORK/mg/both.json"
grep -q '"fail_under": 80$' "$WORK/mg/both.json" || fail "the report gives no fail_under"
run merge "$WORK/mg/a80.json" "$WORK/mg/b80.jsonl"
expect_status 1
expect_err_empty
expect_same "$WORK/mg/both.json"
# A report without a policy (an older version's) among reports with one is
# a warning at its head, and the merged report gives none.
sed '/"policy"/,/^  },/d' "$WORK/mg/乙局.json" > "$WORK/mg/乙局-old.json"
run merge "$WORK/mg/甲局.json" "$WORK/mg/乙局-old.json"
expect_status 1
expect_err "$WORK/mg/乙局-old.json:1:1: warning[JX0730]: this report gives no policy (an older jixiao wrote it, or it was edited): whether its projects were judged as those of $WORK/mg/甲局.json, under --fail-on unmet, cannot be told"
expect_no_out '"policy"'

case_ "markdown of 3,000 projects fits a merge-request comment: the failing rows kept, the rest counted (eval and monitor)"
python3 - "$WORK/many" <<'EOF'
import os, sys
d = sys.argv[1]
os.makedirs(d, exist_ok=True)
t, a, p = [], [], []
for i in range(3000):
    t.append("project: 2024年度某某区教育局办公设备购置项目%d\nid: P-%04d\nyear: 2024\nbudget: {total: 100}\n"
             "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 设备数量, target: 4台}\n" % (i, i))
    short = i % 97 == 5  # 31 projects miss their target (and are red at mid-year)
    a.append("  - {id: P-%04d, spent: 100, indicators: {设备数量: {value: %s, note: 说明}}}" % (i, "3台" if short else "4台"))
    p.append("  - {id: P-%04d, spent: 60, indicators: {设备数量: %s}}" % (i, "0台" if short else "3台"))
open(os.path.join(d, "t.yaml"), "w").write("---\n".join(t))
open(os.path.join(d, "a.yaml"), "w").write("projects:\n" + "\n".join(a) + "\n")
open(os.path.join(d, "p.yaml"), "w").write("as_of: 2024-07-31\nprojects:\n" + "\n".join(p) + "\n")
EOF
run eval "$WORK/many/t.yaml" -a "$WORK/many/a.yaml" -f markdown="$WORK/many/eval.md" --lang en
expect_status 1
run monitor "$WORK/many/t.yaml" -a "$WORK/many/p.yaml" -f markdown="$WORK/many/monitor.md" --lang en
expect_status 1
python3 - "$WORK/many" <<'EOF' || fail "a markdown report is not within a comment, or lost a failing row"
import os, re, sys
d = sys.argv[1]
failing = ["P-%04d" % i for i in range(3000) if i % 97 == 5]
# The table's rows: eval's end with its ✅ / ❌ column, monitor's start with the light.
for name, marks, mark, said in (("eval.md", ("| ✅ ", "| ❌ "), "❌", "more projects are left out of the table above"),
                                ("monitor.md", ("| 🟢 ", "| 🟡 ", "| 🔴 "), "🔴", "more project(s) are left out of the table above")):
    text = open(os.path.join(d, name), encoding="utf-8").read()
    assert len(text) <= 65536, (name, len(text))
    rows = [l for l in text.split("\n") if "P-" in l and any(m in l for m in marks)]
    assert 100 < len(rows) < 3000, (name, len(rows))
    left = re.search(r"^(\d+) " + re.escape(said), text, re.M)
    assert left and int(left.group(1)) + len(rows) == 3000, (name, left and left.group(0))
    listed = {re.search(r"P-\d{4}", l).group(0) for l in rows if l.startswith("| " + mark) or ("| " + mark) in l}
    assert set(failing) <= listed, (name, sorted(set(failing) - listed)[:5])
EOF

case_ "merge refuses a project that is in two reports"
cp "$WORK/a.json" "$WORK/a-copy.json"
run merge "$WORK/a.json" "$WORK/a-copy.json"
expect_status 2
expect_err "$WORK/a-copy.json:10:1: error[JX0725]: project 'P-001' is in two reports (first in $WORK/a.json)"

case_ "merge reads a report named twice, by any path, once"
run merge "$WORK/a.json"
cp "$OUT" "$WORK/a-once.json"
run merge "$WORK/a.json" "$WORK/./a.json" "$WORK/a.json"
expect_no_err "JX0725"
expect_same "$WORK/a-once.json"

case_ "merge of a JSONL report with a project line missing: JX0724 at its summary line"
head -n 1 "$WORK/a.jsonl" >"$WORK/cut.jsonl"
tail -n +3 "$WORK/a.jsonl" >>"$WORK/cut.jsonl"
lines=$(wc -l <"$WORK/cut.jsonl")
run merge "$WORK/cut.jsonl"
expect_status 2
expect_err_re "cut.jsonl:$lines:1: error\[JX0724\]: the report's summary counts [0-9]+ projects, but it holds [0-9]+"

case_ "merge locates a JSONL report's problems at their lines, and names a monitor report"
cp "$WORK/a.jsonl" "$WORK/a-copy.jsonl"
run merge "$WORK/a.jsonl" "$WORK/a-copy.jsonl"
expect_status 2
expect_err "$WORK/a-copy.jsonl:2:1: error[JX0725]: "
run monitor examples/targets -a examples/progress -f jsonl="$WORK/monitor.jsonl"
run merge "$WORK/monitor.jsonl"
expect_status 2
expect_err "$WORK/monitor.jsonl:1:1: error[JX0723]: a report of 'jixiao monitor'"
[ "$(grep -c 'JX0723' "$ERR")" -eq 1 ] || fail "the monitor report named more than once"

case_ "merge refuses something that is not a report"
run merge examples/targets/01-radiation-safety.yaml
expect_status 2

case_ "check: -j 1 and -j 2 agree"
run check -j 1 --lang en "$WORK/year/targets"
expect_status 0
expect_out "checked 24 files: 120 projects, 480 indicators"
cp "$OUT" "$WORK/c1"
run check -j 2 --lang en "$WORK/year/targets"
expect_same "$WORK/c1"

case_ "a duplicate id across files is reported the same with -j 2"
cp "$WORK/year/targets/a/f01.yaml" "$WORK/year/targets/b/zz-copy.yaml"
run check -j 2 "$WORK/year/targets"
expect_status 2
expect_err_re "zz-copy.yaml:3:5: error\[JX0441\]: project id 'P-001' is used twice in this run \(first at .*/a/f01.yaml:3:5\)"
expect_err " 14 | id: P-002"   # the source line of a later document of the file
rm "$WORK/year/targets/b/zz-copy.yaml"

case_ "@LIST reads target paths from a file"
find "$WORK/year/targets" -name '*.yaml' | sort > "$WORK/list.txt"
run check --lang en "@$WORK/list.txt"
expect_status 0
expect_out "checked 24 files: 120 projects"

case_ "- reads target paths from standard input"
LAST_ARGS="check --lang en - < list"
timeout 20 "$JIXIAO" check --lang en - < "$WORK/list.txt" > "$OUT" 2> "$ERR"; STATUS=$?
expect_status 0
expect_out "checked 24 files: 120 projects"

case_ "@LIST of a missing file is an error"
run check "@$WORK/no-such-list.txt"
expect_status 2
expect_err "no-such-list.txt: error[JX0105]: cannot open the list of paths"

case_ "an empty list is an error, not success"
: > "$WORK/empty-list.txt"
run check "@$WORK/empty-list.txt"
expect_status 2
expect_err "error[JX0720]: no target projects found"

finish
