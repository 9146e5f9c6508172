#!/usr/bin/env bash
# End-to-end tests of `jixiao monitor -f html` (docs/monitor.md): the
# examples' page shows each project's light (1 green, 2 and 3 yellow, 4 and
# 5 red) in the table of all projects and the red and yellow projects'
# details with each indicator's light and figures; it has its two SVG
# charts; it names no URL; hostile text is escaped; errors are listed with
# file:line:column and code; it is valid HTML. When chromium-headless-shell is installed the
# page is also loaded and its DOM checked.
source "$(dirname "$0")/lib.sh"
export JIXIAO_LANG=zh
EX=(examples/targets -a examples/progress)
CHROME=$(command -v chromium-headless-shell || true)

# page_check PAGE: the examples' lights, details, figures and charts, read
# from PAGE (the file, or the DOM Chromium rendered).
page_check() {
  python3 - "$1" <<'EOF'
import sys
from html.parser import HTMLParser

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack = []
        self.svgs = []          # per svg: its texts
        self.svg_rects = []     # per svg: classes of its rects
        self.all_rows = []      # rows of #all-projects: cell texts
        self.flagged = []       # (id, light) of section.proj in order
        self.ind_lights = {}    # project section id -> [data-light of indicator rows]
        self.cell = None
        self.row = None
        self.section = None
        self.text = ""
    def inside(self, tag, **attrs):
        return any(t == tag and all(a.get(k) == v for k, v in attrs.items()) for t, a in self.stack)
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k, _ in attrs:
            assert not k.startswith("on"), f"event handler attribute {k}"
        if tag == "rect" and self.svg_rects:
            self.svg_rects[-1].append(a.get("class", ""))
        if tag in ("br", "col", "meta", "line", "rect"):
            return
        if tag in ("td", "tr") and self.cell is not None and self.row is not None:
            self.row.append(self.cell.strip()); self.cell = None
        if tag == "tr" and self.row is not None and self.inside("table", id="all-projects"):
            self.all_rows.append(self.row); self.row = None
        self.stack.append((tag, a))
        if tag == "svg":
            self.svgs.append([]); self.svg_rects.append([])
        if tag == "section" and "proj" in (a.get("class") or ""):
            self.section = a["id"]
            self.flagged.append((a["id"], a.get("data-light")))
            self.ind_lights[a["id"]] = []
        if tag == "tr" and self.section and a.get("data-light"):
            self.ind_lights[self.section].append(a["data-light"])
        if tag == "tr" and self.inside("table", id="all-projects") and self.inside("tbody"):
            self.row = []
        if tag == "td" and self.row is not None:
            self.cell = ""
    def handle_endtag(self, tag):
        if tag in ("line", "rect"):
            return
        if tag in ("td", "tr", "tbody") and self.cell is not None and self.row is not None:
            self.row.append(self.cell.strip()); self.cell = None
        if tag in ("tr", "tbody") and self.row is not None:
            self.all_rows.append(self.row); self.row = None
        if tag == "section":
            self.section = None
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break
    def handle_data(self, data):
        self.text += data
        if self.inside("svg") and self.svgs:
            self.svgs[-1].append(data)
        if self.cell is not None:
            self.cell += data

p = Page()
p.feed(open(sys.argv[1], encoding="utf-8").read())
ok = True
def check(cond, what):
    global ok
    if not cond:
        print("missing:", what, file=sys.stderr)
        ok = False

want = {"TJ-362303-2024-01": "绿", "TJ-362303-2024-02": "黄", "TJ-362303-2024-03": "黄",
        "TJ-362303-2024-04": "红", "TJ-362303-2024-05": "红"}
got = {r[1]: r[0] for r in p.all_rows if len(r) >= 2}
check(got == want, f"the five projects' lights in the table of all projects: {got}")
# Red first, then yellow; the green project has no details.
hexid = lambda s: "p" + s.encode().hex()
order = [(hexid(i), l) for i, l in [("TJ-362303-2024-04", "red"), ("TJ-362303-2024-05", "red"),
                                     ("TJ-362303-2024-02", "yellow"), ("TJ-362303-2024-03", "yellow")]]
check(p.flagged == order, f"the red then yellow projects' details: {p.flagged}")
check(all(p.ind_lights.get(i) for i, _ in order), "each indicator's light in the details")
check("red" in p.ind_lights.get(hexid("TJ-362303-2024-04"), []), "project 4's red indicator")
check("1项 / (1项 × 213/366) = 1.72" in p.text, "the pace figures of project 2")
check("预计 298天 / 300天 = 0.99" in p.text, "the forecast figures of project 2")
check("24.4 / 61 万元 = 40.00% ÷ 213/366 = 0.69" in p.text, "the budget figures of project 2")
check("截至 2024-07-31" in p.text and "58.20%" in p.text and "213/366" in p.text,
      "as_of and time progress")
check("完全不可能" in p.text and "有可能" in p.text, "the likelihoods")
check("新版机动车排放检验标准推迟实施" in p.text, "a note")
# Two charts: projects by light (a bar of each light's class), departments stacked.
check(len(p.svgs) == 2, f"2 svg charts, got {len(p.svgs)}")
if len(p.svgs) == 2:
    check("各预警灯的项目数" in " ".join(p.svgs[0]), "the lights chart's title")
    check([c for c in p.svg_rects[0]] == ["green", "yellow", "red"], f"three bars: {p.svg_rects[0]}")
    check("各部门" in " ".join(p.svgs[1]), "the departments chart's title")
    check(set(p.svg_rects[1]) == {"green", "yellow", "red"}, f"stacked parts: {p.svg_rects[1]}")
sys.exit(0 if ok else 1)
EOF
}

# no_url_in PAGE: no attribute that loads a resource, no href but a
# fragment, no url( or @import in the CSS.
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

case_ "monitor html: listed among monitor's formats"
run monitor --help
expect_status 0
expect_out_re "html"

case_ "monitor html: the examples' page — lights, details, figures, charts; exit 1 (two red)"
run monitor "${EX[@]}" -f html="$WORK/examples.html"
expect_status 1
[ -s "$WORK/examples.html" ] || fail "no page written"
grep -q 'Content-Security-Policy' "$WORK/examples.html" || fail "no CSP meta tag"
page_check "$WORK/examples.html" || fail "the page lacks what it must show"
no_url_in "$WORK/examples.html"

case_ "monitor html: the page checks fail on a page that lacks the lights"
sed 's/<span class="light red">红<\/span>/<span class="light green">绿<\/span>/g' \
  "$WORK/examples.html" >"$WORK/wrong.html"
! page_check "$WORK/wrong.html" 2>/dev/null || fail "page_check passed a page with wrong lights"

case_ "monitor html: the page is valid HTML (xmllint), HTML5 and SVG elements aside"
xmllint --html --noout "$WORK/examples.html" 2>"$WORK/lint.err"
if grep -a 'HTML parser \(error\|warning\)' "$WORK/lint.err" |
  grep -avE 'Tag (svg|title|rect|line|text|g|header|nav|main|section|figure|figcaption) invalid' |
  grep -q .; then
  fail "xmllint: $(grep -a 'HTML parser' "$WORK/lint.err" | grep -avE 'Tag [a-z]+ invalid' | head -5)"
fi

case_ "monitor html: -f html needs a file, as xlsx does; -o gives it one"
run monitor "${EX[@]}" -f html
expect_status 2
expect_err "错误[JX0790]: “-f html”需要写到文件：写 -f html=报告.html"
expect_no_out "<html"
run monitor "${EX[@]}" -f html=-
expect_status 2
expect_err "错误[JX0790]"
run monitor "${EX[@]}" -f html -o "$WORK/by-o.html"
expect_status 1
cmp -s "$WORK/by-o.html" "$WORK/examples.html" || fail "-f html -o FILE differs from -f html=FILE"

case_ "monitor html: --show-work explains the lights of each project shown"
run monitor "${EX[@]}" -f html="$WORK/work.html" --show-work
expect_status 1
[ "$(grep -c '<table class="data work"><caption>计算过程</caption>' "$WORK/work.html")" = 4 ] ||
  fail "expected a 计算过程 table under each of the 4 projects shown"
# 2 of 4 reports by 2024-07-31, day 213 of 366: v = 2 / (4 × 213/366) = 61/71.
grep -qF '<tr><th scope=row>工作总结报告<td>依据进度（累计指标）：v = 完成值 / (指标值 × p) = 2份 / (4份 × 213/366) = 0.8592（精确值 61/71）' \
  "$WORK/work.html" || fail "no arithmetic for 工作总结报告"
! grep -q 'class="data work"' "$WORK/examples.html" || fail "a page without --show-work has the arithmetic"

case_ "monitor html: hostile names and notes render as text"
H="$WORK/h<b>&\"x"
mkdir -p "$H"
cat >"$H/t.yaml" <<'EOF'
project: "名称 <script>alert(1)</script> </section></table>"
id: "X\"><img src=x onerror=alert(1)>"
year: 2024
department: {code: "9<9", name: "部门 </td></tr></tbody></table><b>粗</b>"}
budget: {total: 10}
indicators:
  - {level1: 产出指标, level2: 数量指标, name: "数量 <svg onload=alert(1)>", target: 4台}
  - {level1: 满意度指标, level2: 服务对象满意度指标, name: 满意度, target: "≥90%"}
EOF
cat >"$H/p.yaml" <<'EOF'
as_of: 2024-07-31
year: 2024
projects:
  - id: "X\"><img src=x onerror=alert(1)>"
    spent: 1
    note: "执行慢 </section><script>alert(2)</script>"
    indicators:
      "数量 <svg onload=alert(1)>":
        value: 0台
        likelihood: 完全不可能
        reasons: [经费保障]
        note: "\"><img src=x onerror=alert(3)> & <!-- </section>"
      满意度: {forecast: 95%}
EOF
run monitor "$H/t.yaml" -a "$H/p.yaml" -f html="$WORK/hostile.html"
expect_status 1
[ -s "$WORK/hostile.html" ] || fail "no page written"
if grep -qE '<(script|img|svg onload|b>)' "$WORK/hostile.html"; then
  fail "input text reached the page as markup: $(grep -oE '<(script|img|svg onload|b>)[^>]*>' "$WORK/hostile.html" | head -3)"
fi
grep -qF '&lt;img src=x onerror=alert(3)&gt; &amp; &lt;!-- &lt;/section&gt;' "$WORK/hostile.html" ||
  fail "the hostile note is not on the page, escaped"
no_url_in "$WORK/hostile.html"

case_ "monitor html: errors listed with file:line:column and code"
cat >"$WORK/bad.yaml" <<'EOF'
as_of: 2024-07-31
year: 2024
projects:
  - id: TJ-362303-2024-01
    spent: 3.10
    indicators:
      购置设备数量: {value: 2台, likelihood: 也许}
EOF
run monitor examples/targets/01-radiation-safety.yaml -a "$WORK/bad.yaml" -f html="$WORK/bad.html"
expect_status 2
grep -qF "$WORK/bad.yaml:7:" "$WORK/bad.html" || fail "no file:line of the error on the page"
grep -qF "JX0905" "$WORK/bad.html" || fail "no code of the error on the page"

case_ "monitor html: the examples' page in Chromium"
if [ -z "$CHROME" ]; then
  echo "  (chromium-headless-shell is not installed: the DOM is not checked)"
else
  timeout 60 "$CHROME" --no-sandbox --disable-gpu --no-first-run --user-data-dir="$WORK/profile" \
    --enable-logging=stderr --v=0 --log-net-log="$WORK/net.json" \
    --dump-dom "file://$WORK/examples.html" >"$WORK/dom.html" 2>"$WORK/chrome.err" ||
    fail "chromium failed on the page"
  page_check "$WORK/dom.html" || fail "the rendered DOM lacks what the page must show"
  ! grep -q ':CONSOLE' "$WORK/chrome.err" || fail "the page logged to the console"
  if grep -o '"url":"[^"]*"' "$WORK/net.json" | grep -qv '"url":"file://'; then
    fail "the page made a request"
  fi
fi

finish
