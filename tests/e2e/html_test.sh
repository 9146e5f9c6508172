#!/usr/bin/env bash
# End-to-end tests of the html page, opened in a real browser (headless
# Chromium): the rendered DOM shows the examples' totals, the four charts and
# the unmet indicators with their notes; a screenshot is not blank; the page
# logs no console message and makes no network request; hostile text renders
# as text; the page is valid HTML. Without chromium-headless-shell
# (tools/install-deps.sh) the browser cases fail rather than pass silently.
source "$(dirname "$0")/lib.sh"
# The page is checked in Chinese (the default); the English case says --lang en.
export JIXIAO_LANG=zh
EX=(examples/targets -a examples/actuals)
CHROME=$(command -v chromium-headless-shell || true)

# browse PAGE: loads PAGE in Chromium; its DOM in $WORK/dom.html, the
# console and log lines in $WORK/chrome.err, the network log in
# $WORK/net.json. Returns non-zero when the browser is missing or fails.
browse() {
  [ -n "$CHROME" ] || { fail "chromium-headless-shell is not installed (tools/install-deps.sh)"; return 1; }
  rm -f "$WORK/dom.html" "$WORK/net.json"
  timeout 60 "$CHROME" --no-sandbox --disable-gpu --no-first-run --user-data-dir="$WORK/profile" \
    --enable-logging=stderr --v=0 --log-net-log="$WORK/net.json" \
    --dump-dom "file://$1" >"$WORK/dom.html" 2>"$WORK/chrome.err" ||
    { fail "chromium failed on $1"; return 1; }
}

# quiet_and_offline: the last page browsed logged nothing to its console
# (a script error, a blocked request) and requested nothing but its file.
quiet_and_offline() {
  if grep -q ':CONSOLE' "$WORK/chrome.err"; then
    fail "the page logged to the console: $(grep ':CONSOLE' "$WORK/chrome.err" | head -3)"
    return 1
  fi
  if grep -o '"url":"[^"]*"' "$WORK/net.json" | grep -qv '"url":"file://'; then
    fail "the page made a request: $(grep -o '"url":"[^"]*"' "$WORK/net.json" | grep -v file:// | head -3)"
    return 1
  fi
}

# no_url_in PAGE: the page's markup names no resource: no attribute that
# loads one (src=, srcset=, action=, poster=, data=, background=, xlink:href=),
# no href= but a fragment (#…), no url( or @import in its CSS. Escaped text
# that reads like markup is text, and is not looked at.
no_url_in() {
  python3 - "$1" <<'EOF' || { fail "the page references a URL"; return 1; }
import sys
from html.parser import HTMLParser
bad = []
class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.in_style = False
    def handle_starttag(self, tag, attrs):
        self.in_style = tag == "style"
        for k, v in attrs:
            v = v or ""
            if k in ("src", "srcset", "action", "formaction", "poster", "data", "background",
                     "xlink:href", "ping", "manifest", "cite", "longdesc", "codebase"):
                bad.append(f"<{tag} {k}={v}>")
            elif k == "href" and not v.startswith("#"):
                bad.append(f"<{tag} href={v}>")
            elif k == "style" and ("url(" in v or "@import" in v):
                bad.append(f"<{tag} style={v}>")
            elif k == "content" and "url=" in v.lower():
                bad.append(f"<{tag} content={v}>")
    def handle_endtag(self, tag):
        self.in_style = False
    def handle_data(self, data):
        if self.in_style and ("url(" in data or "@import" in data):
            bad.append("url( in CSS")
P().feed(open(sys.argv[1], encoding="utf-8").read())
if bad:
    print("the page references:", bad[:3], file=sys.stderr)
    sys.exit(1)
EOF
}

# lint PAGE: xmllint --html finds nothing of substance. libxml2's HTML parser
# knows HTML 4: it names the HTML5 and SVG elements it does not know; anything
# else it reports (a stray end tag, a tag left open in a way it must fix, a bad
# attribute, an encoding error) fails.
lint() {
  xmllint --html --noout "$1" 2>"$WORK/lint.err"
  if grep -a 'HTML parser \(error\|warning\)' "$WORK/lint.err" |
    grep -avE 'Tag (svg|title|rect|line|text|g|header|nav|main|section|figure|figcaption|details|summary) invalid' |
    grep -q .; then
    return 1
  fi
}

case_ "html: the examples' page in Chromium shows the totals, the charts and the unmet notes"
run eval "${EX[@]}" -f html="$WORK/examples.html"
expect_status 1
[ -s "$WORK/examples.html" ] || fail "no page written"
if browse "$WORK/examples.html"; then
  python3 - "$WORK/dom.html" <<'EOF' || fail "the rendered DOM lacks what the page must show"
import sys
from html.parser import HTMLParser

class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack = []        # (tag, attrs) of open elements
        self.svgs = []         # per svg: its texts
        self.summaries = []    # texts of <summary> of each project
        self.deviation_rows = []  # per row of #deviations: (class, cells)
        self.cell = None
        self.row = None
    def inside(self, tag, **attrs):
        for t, a in self.stack:
            if t == tag and all(a.get(k) == v for k, v in attrs.items()):
                return True
        return False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("br", "col", "meta", "line", "rect", "img", "input"):
            return
        self.stack.append((tag, a))
        if tag == "svg":
            self.svgs.append([])
        if tag == "summary":
            self.summaries.append("")
        if tag == "tr" and self.inside("section", id="deviations"):
            self.row = (a.get("class", ""), [])
        if tag == "td" and self.row is not None:
            self.cell = ""
    def handle_endtag(self, tag):
        if tag in ("line", "rect"):
            return
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break
        if tag == "td" and self.row is not None and self.cell is not None:
            self.row[1].append(self.cell.strip())
            self.cell = None
        if tag == "tr" and self.row is not None:
            self.deviation_rows.append(self.row)
            self.row = None
    def handle_data(self, data):
        if self.inside("svg") and self.svgs:
            self.svgs[-1].append(data)
        if self.inside("summary") and self.summaries:
            self.summaries[-1] += data
        if self.cell is not None:
            self.cell += data

d = Dom()
d.feed(open(sys.argv[1], encoding="utf-8").read())
ok = True
def check(cond, what):
    global ok
    if not cond:
        print("missing:", what, file=sys.stderr)
        ok = False

# The five projects' totals, each in its form's heading.
for total in ["97.67", "99.83", "98.94", "99.80", "99.99"]:
    check(any(total in s for s in d.summaries), f"a project with total {total}")
check(len(d.summaries) == 5, f"5 project forms, got {len(d.summaries)}")
# Four charts, each an svg with its title and labels.
check(len(d.svgs) == 4, f"4 svg charts, got {len(d.svgs)}")
texts = [" ".join(t) for t in d.svgs]
for i, label in enumerate(["等级分布", "总分分布", "一级指标得分率", "各部门平均总分"]):
    check(i < len(texts) and label in texts[i], f"chart {i + 1} titled {label}")
check(len(texts) == 4 and "优" in texts[0] and "良" in texts[0], "the grades' names on the grade chart")
check(len(texts) == 4 and "99–100" in texts[1], "the bins on the histogram")
check(len(texts) == 4 and "产出指标" in texts[2] and "满意度指标" in texts[2] and "%" in texts[2],
      "the level-1 groups and their rates on the level-1 chart")
check(len(texts) == 4 and "未达成" in texts[3], "the unmet counts on the departments chart")
# The two unmet indicators, each with its note.
unmet = [cells for cls, cells in d.deviation_rows if "unmet" in cls]
check(len(unmet) == 2, f"2 unmet indicators in the deviations, got {len(unmet)}")
for cells in unmet:
    check(len(cells) == 7 and cells[6] and cells[6] != "（未说明）", f"a note for {cells[:3]}")
sys.exit(0 if ok else 1)
EOF
  quiet_and_offline
fi
no_url_in "$WORK/examples.html"

case_ "html: the page is valid HTML (xmllint), HTML5 elements aside"
lint "$WORK/examples.html" ||
  fail "xmllint: $(grep -a 'HTML parser' "$WORK/lint.err" | grep -avE 'Tag [a-z]+ invalid' | head -5)"
# The check can fail: a stray end tag and a bad entity are errors of substance.
printf '<!DOCTYPE html><html><head><title>x</title></head><body><p>a</td> &bogus b</p></body></html>\n' >"$WORK/broken.html"
! lint "$WORK/broken.html" || fail "xmllint's check passed a broken page"

case_ "html: a screenshot of the page is not blank"
if [ -n "$CHROME" ]; then
  timeout 60 "$CHROME" --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1500 \
    --user-data-dir="$WORK/profile" --screenshot="$WORK/shot.png" "file://$WORK/examples.html" \
    >/dev/null 2>&1 || fail "chromium could not take a screenshot"
  python3 - "$WORK/shot.png" <<'EOF' || fail "the screenshot is blank"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, w = 8, b"", 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
        assert depth == 8 and ctype in (2, 6), (depth, ctype)
        bpp = 3 if ctype == 2 else 4
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
stride = w * bpp
prev = bytearray(stride)
dark = colours = 0
seen = set()
for y in range(h):
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b = prev[x]
        c = prev[x - bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, stride, bpp * 4):
        px = tuple(line[x:x + 3])
        seen.add(px)
        if sum(px) < 600:
            dark += 1
    prev = line
# Text, bars and borders: more than 1% of the sampled pixels are not near
# white, in more than a few colours.
sampled = h * ((w + 3) // 4)
assert dark > sampled // 100 and len(seen) > 8, (dark, sampled, len(seen))
EOF
else
  fail "chromium-headless-shell is not installed (tools/install-deps.sh)"
fi

case_ "html: printed, each form is on a page of its own, collapsed ones expanded"
# The examples' forms collapsed, as on a page of more than 10 projects.
sed 's/<details open/<details/' "$WORK/examples.html" >"$WORK/closed.html"
if [ -n "$CHROME" ] && command -v pdftotext >/dev/null; then
  timeout 60 "$CHROME" --no-sandbox --disable-gpu --user-data-dir="$WORK/profile" --no-pdf-header-footer \
    --print-to-pdf="$WORK/closed.pdf" "file://$WORK/closed.html" >/dev/null 2>&1 ||
    fail "chromium could not print the page"
  pages=$(pdfinfo "$WORK/closed.pdf" | sed -n 's/^Pages: *//p')
  forms=$(pdftotext "$WORK/closed.pdf" - | grep -c '三级指标')
  [ "$forms" = 5 ] || fail "5 forms expected in print, got $forms"
  # The summary's pages, then one page a form (each fits an A4 page).
  last_forms=$(for ((p = pages - 4; p <= pages; p++)); do
    pdftotext -f $p -l $p "$WORK/closed.pdf" - | grep -c '项目支出绩效自评表'; done | tr '\n' ' ')
  [ "$last_forms" = "1 1 1 1 1 " ] || fail "not one form a page on the last 5 of $pages pages: $last_forms"
else
  fail "chromium-headless-shell or pdftotext (poppler-utils) is not installed (tools/install-deps.sh)"
fi

case_ "html: the checks fail on a page that references a URL or logs an error"
# The checks above must be able to fail: a page loading an image from the
# network, and one whose script logs an error.
printf '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><img src="http://127.0.0.1:9/x.png" alt=""></body></html>\n' >"$WORK/remote.html"
printf '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><script>console.error("boom")</script></body></html>\n' >"$WORK/script.html"
saved_failed=$case_failed
(
  case_failed=0
  fail() { :; }
  browse "$WORK/remote.html" && quiet_and_offline && exit 1
  no_url_in "$WORK/remote.html" 2>/dev/null && exit 1
  browse "$WORK/script.html" && quiet_and_offline && exit 1
  exit 0
) || fail "a page that requests a URL or logs to the console passed the checks"
case_failed=$saved_failed

case_ "html: hostile names, notes and file paths render as text"
H="$WORK/a<b>&\"x"
mkdir -p "$H"
cat >"$H/t.yaml" <<'EOF'
project: "名称 <script>alert(1)</script> </details></summary></table>"
id: "X\"><img src=x onerror=alert(1)>"
year: 2024
department: {code: "9<9", name: "部门 </td></tr></tbody></table><b>粗</b>"}
budget: {total: 10}
indicators:
  - {level1: 产出指标, level2: 数量指标, name: "数量 <svg onload=alert(1)>", target: 4台}
  - {level1: 效益指标, level2: 社会效益指标, name: "效益 <style>body{display:none}</style>", target: "≥3个"}
  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 满意度, target: "≥90%"}
EOF
cat >"$H/a.yaml" <<'EOF'
year: 2024
projects:
  - id: "X\"><img src=x onerror=alert(1)>"
    spent: 3
    note: "执行率低 </details><script>alert(2)</script>"
    indicators:
      "数量 <svg onload=alert(1)>":
        value: 2台
        note: "\"><img src=x onerror=alert(3)> & <!-- </summary>"
      "效益 <style>body{display:none}</style>": 2个
      满意度: 95%
EOF
run eval "$H/t.yaml" -a "$H/a.yaml" -f html="$WORK/hostile.html"
expect_status 1
if grep -qE '<(script|img|svg onload|style>body)' "$WORK/hostile.html"; then
  fail "input text reached the page as markup: $(grep -oE '<(script|img|svg onload|style>body)[^>]*>' "$WORK/hostile.html" | head -3)"
fi
no_url_in "$WORK/hostile.html"
if browse "$WORK/hostile.html"; then
  quiet_and_offline
  python3 - "$WORK/dom.html" <<'EOF' || fail "hostile text did not render as text"
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []
        self.text = ""
        self.details = 0
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "details":
            self.details += 1
        for k, v in attrs:
            assert not k.startswith("on"), f"event handler attribute {k}"
    def handle_data(self, data):
        self.text += data
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
assert "script" not in p.tags and "img" not in p.tags and "style" in p.tags, p.tags
assert p.tags.count("style") == 1, "a second <style>"
assert p.details == 1, f"one project form, got {p.details}"
for t in ['<script>alert(1)</script>', 'X"><img src=x onerror=alert(1)>',
          '"><img src=x onerror=alert(3)> & <!-- </summary>', '</details><script>alert(2)</script>',
          '<b>粗</b>', 'a<b>&"x/']:
    assert t in p.text, f"not shown as text: {t}"
EOF
fi

case_ "html: '@' in a note is shown as written (only markdown guards it)"
sed 's/    note: "执行率低 /    note: "@张三 ＠李四 执行率低 /' "$H/a.yaml" >"$H/at.yaml"
run eval "$H/t.yaml" -a "$H/at.yaml" -f html="$WORK/at.html" -f markdown="$WORK/at.md"
grep -q '@张三 ＠李四 执行率低' "$WORK/at.html" || fail "the note's @ is not as written on the page"
if grep -q $'@\u200b' "$WORK/at.html" || grep -qP '@\x{200B}' "$WORK/at.html"; then
  fail "a zero-width space follows @ on the page"
fi
grep -qP '@\x{200B}张三' "$WORK/at.md" || fail "markdown no longer guards @"

case_ "html: merge writes the same page from the JSON reports"
run eval "${EX[@]}" -f json="$WORK/ex.json"
run merge "$WORK/ex.json" -f html="$WORK/merged.html"
expect_status 1
for total in 97.67 99.83 98.94 99.80 99.99; do
  grep -q "<b>$total</b>" "$WORK/merged.html" || fail "merged page lacks the total $total"
done
[ "$(grep -o '<svg' "$WORK/merged.html" | wc -l)" = 4 ] || fail "merged page lacks its 4 charts"
no_url_in "$WORK/merged.html"

case_ "html: --lang en labels the page in English"
run eval "${EX[@]}" -f html="$WORK/en.html" --lang en
expect_status 1
grep -q '<html lang="en">' "$WORK/en.html" || fail "not lang=en"
grep -q 'Grade distribution' "$WORK/en.html" || fail "no English chart title"
! grep -q '等级分布' "$WORK/en.html" || fail "a Chinese label on the English page"

case_ "html: --show-work puts the arithmetic under each form"
run eval "${EX[@]}" -f html="$WORK/work.html" --show-work
expect_status 1
[ "$(grep -c '<table class="data work"><caption>计算过程</caption>' "$WORK/work.html")" = 5 ] ||
  fail "expected a 计算过程 table under each of the 5 forms"
# Project 1: 4.6 of a budget of 6 spent; 产出指标's 50 split over 4 indicators.
grep -qF '<tr><th scope=row>执行率<td>执行率 = 全年执行数 / 全年预算数 = 4.6 / 6 = 0.7667（精确值 23/30）' \
  "$WORK/work.html" || fail "no budget line for project 1"
grep -qF '<tr><th scope=row rowspan=3>购置设备数量<td>权重：产出指标 50 ÷ 4 个指标 = 12.5' \
  "$WORK/work.html" || fail "no weight line for 购置设备数量"
! grep -q 'class="data work"' "$WORK/en.html" || fail "a page without --show-work has the arithmetic"
browse "$WORK/work.html" && quiet_and_offline

case_ "html: many projects: forms for the flagged of lowest total, a row for each other"
# 1,600 projects, 1,066 of them with an unmet indicator (i % 3 != 0), whose
# totals vary with what was spent: above 500 projects the 1,000 flagged
# projects of lowest total have their forms and the 600 others a row.
python3 - "$WORK" <<'EOF'
import sys
w = sys.argv[1]
with open(f"{w}/many.yaml", "w") as t, open(f"{w}/many-a.yaml", "w") as a:
    a.write("year: 2024\nprojects:\n")
    for i in range(1600):
        t.write(f"---\nproject: 项目{i}\nid: M-{i:04d}\nyear: 2024\n"
                f"department: {{code: '{i % 7}', name: 部门{i % 7}}}\nbudget: {{total: 100}}\n"
                "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 数量, target: 10台}\n"
                "  - {level1: 效益指标, level2: 社会效益指标, name: 效益, target: ≥3个}\n"
                "  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 满意度, target: ≥90%}\n")
        n = 9 if i % 3 else 10
        note = "\n        note: 设备延期" if n < 10 else ""
        a.write(f"  - id: M-{i:04d}\n    spent: {90 + i % 11}\n    indicators:\n"
                f"      数量:\n        value: {n}台{note}\n      效益: 3个\n      满意度: 95%\n")
EOF
run eval "$WORK/many.yaml" -a "$WORK/many-a.yaml" -f html="$WORK/many.html"
expect_status 1
python3 - "$WORK/many.html" <<'EOF' || fail "not the forms and rows expected"
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
forms = re.findall(r'<details class="proj" id="p[0-9a-f]+"><summary>(M-\d+) .*? <b>([\d.]+)</b>', page)
rows = re.findall(r'^<tr id="p[0-9a-f]+"><td>(M-\d+)<td>[^<]*<td>[^<]*<td class=n>([\d.]+)<td>[^<]*<td class=n>\d+<td class=n>(\d+)', page, re.M)
assert len(forms) == 1000, f"{len(forms)} forms"
assert len(rows) == 600, f"{len(rows)} rows"
ids = {f[0] for f in forms} | {r[0] for r in rows}
assert len(ids) == 1600, f"{len(ids)} distinct projects"
highest_form = max(float(f[1]) for f in forms)
flagged_rows = [float(r[1]) for r in rows if r[2] != "0"]
assert len(flagged_rows) == 66, len(flagged_rows)
assert min(flagged_rows) >= highest_form, (min(flagged_rows), highest_form)
assert 'id="others"' in page
EOF

finish
