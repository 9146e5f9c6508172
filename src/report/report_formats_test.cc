// The csv, markdown, junit and github reports on hand-built scores with
// hostile text: quotes, commas, line breaks, <&>, a leading =, |, %, @ and
// control characters in names and notes.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "base/csv.h"
#include "base/text.h"
#include "base/random_testing.h"
#include "base/text_testing.h"
#include "report/report.h"
#include "report/report_common.h"

namespace jixiao {

namespace {

// Every hostile character the reports must carry safely.
const std::string kHostile = "=1+2, \"q\"\n<&> | 50% @all\x01";

Indicator MakeIndicator(const std::string& name, const std::string& target, int line) {
  Indicator ind;
  ind.level1 = "产出指标";
  ind.level2 = "数量指标";
  ind.name = name;
  ind.target_text = target;
  ind.loc = {"t,1:x.yaml", line, 5};
  return ind;
}

// A project of two indicators: one met, one unmet with a hostile note.
// `total` is its rounded total; `complies` follows from the unmet one.
ProjectScore MakeScore(const std::string& id, const std::string& name, int total) {
  ProjectScore s;
  Project& p = s.project;
  p.project = name;
  p.id = id;
  p.year = 2024;
  p.department_code = "362303";
  p.department_name = "执法总队";
  p.total = 10;
  p.loc = {"t,1:x.yaml", 1, 1};
  p.indicators.push_back(MakeIndicator("数量", "4台", 5));
  p.indicators.push_back(MakeIndicator(kHostile, "≥90%", 6));
  IndicatorScore met;
  met.index = 0;
  met.actual_text = "4台";
  met.weight = 45;
  met.score = 45;
  met.status = Status::kMet;
  IndicatorScore unmet;
  unmet.index = 1;
  unmet.actual_text = "-85%";
  unmet.weight = 45;
  unmet.score = Rational(85) / 2;  // 42.5
  unmet.status = Status::kUnmet;
  unmet.deviation = DeviationKind::kUnmet;
  unmet.note = "@SUM(A1)\r\n::warning::x %0A </details>";
  s.indicators = {met, unmet};
  s.spent = 8;
  s.budget = 10;  // the target's total: no adjusted budget
  s.rate = Rational(8) / 10;
  s.budget_weight = 10;
  s.budget_score = 8;
  s.low_execution = true;
  s.note = "+\"执行\", 偏低";
  s.total = total;
  s.total_rounded = total;
  s.grade = total >= 90 ? "优" : "良";
  s.met = 1;
  s.unmet = 1;
  return s;
}

// A run of reports in `lang` (Chinese unless a test says otherwise: the
// reports' default).
struct Run {
  ScopedLang lang;
  Rules rules = Rules::Default();
  ReportContext ctx;
  Diagnostics diags;
  std::vector<ProjectScore> projects;

  explicit Run(Lang l = Lang::kZh) : lang(l) { ctx.rules = &rules; }

  // The report of `format` on `projects` and `diags`; every project fails
  // the default policy (it has an unmet indicator).
  std::string Report(const std::string& format) {
    std::unique_ptr<Reporter> r = MakeReporter(format, ctx);
    REQUIRE(r != nullptr);
    std::ostringstream out;
    RunSummary summary(rules);
    r->Begin(out);
    for (const ProjectScore& s : projects) {
      summary.Add(s, false);
      r->Project(s, false, out);
    }
    r->End(summary, diags, out);
    return out.str();
  }
};

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("labels follow the language, in the forms' words") {
  {
    ScopedLang zh(Lang::kZh);
    ReportLabels l = ReportLabels::Current();
    CHECK(l.target == "指标值");
    CHECK(l.actual == "实际完成值");
    CHECK(l.weight == "分值");
    CHECK(l.score == "得分");
    CHECK(l.budget == "全年预算数");
    CHECK(l.spent == "全年执行数");
    CHECK(l.rate == "预算执行率");
    CHECK(l.note == "偏差原因分析");
    CHECK(l.not_applicable == "不适用");
    CHECK(StatusLabel(Status::kUnmet, l) == "未达成");
    CHECK(DeviationLabel(DeviationKind::kOverAchieved, l) == "超出指标值");
  }
  ScopedLang en(Lang::kEn);
  ReportLabels l = ReportLabels::Current();
  CHECK(l.actual == "actual");
  CHECK(StatusLabel(Status::kNotApplicable, l) == "n/a");
  CHECK(DeviationLabel(DeviationKind::kNone, l) == "");
}

TEST_CASE("the run's summary line: Chinese, and English counting one and many") {
  {
    ScopedLang zh(Lang::kZh);
    CHECK(RunSummaryLine(5, 3, 0, 1) == "共 5 个项目，合规 3 个；错误 0 个，警告 1 个");
    CHECK(RunSummaryLine(5, 3, {"优 5", "良 0"}, 2, 0) ==
          "共 5 个项目，合规 3 个；等级：优 5，良 0；错误 2 个，警告 0 个");
  }
  ScopedLang en(Lang::kEn);
  CHECK(RunSummaryLine(1, 1, 1, 1) == "1 project, 1 complies; 1 error, 1 warning");
  CHECK(RunSummaryLine(0, 0, 2, 0) == "0 projects, 0 comply; 2 errors, 0 warnings");
  CHECK(RunSummaryLine(2, 1, {"优 1", "良 1"}, 0, 3) ==
        "2 projects, 1 complies; grades: 优 1, 良 1; 0 errors, 3 warnings");
}

TEST_CASE("text: a report written after errors lists them as on standard error") {
  for (Lang lang : {Lang::kZh, Lang::kEn}) {
    Run run(lang);
    run.ctx.list_errors = true;
    run.projects.push_back(MakeScore("P1", "项目", 96));
    run.diags.Error({"a.yaml", 3, 4}, Message{450, "bad unit"});
    run.diags.Error({}, Message{0, "no file"});
    std::string text = run.Report("text");
    if (lang == Lang::kZh) {
      CHECK(text.find("错误 2 个：\n  a.yaml:3:4: 错误[JX0450]: bad unit\n  错误: no file\n") !=
            std::string::npos);
      CHECK(text.find("  全年预算数 10.00 万元 · 全年执行数 8.00 万元 · 预算执行率 80.00% · ") !=
            std::string::npos);
    } else {
      CHECK(text.find("2 errors:\n  a.yaml:3:4: error[JX0450]: bad unit\n  error: no file\n") !=
            std::string::npos);
      CHECK(text.find("  budget 10.00 万元 · spent 8.00 万元 · rate 80.00% · ") != std::string::npos);
    }
  }
}

TEST_CASE("all six formats are registered") {
  for (const char* f : {"text", "json", "csv", "markdown", "junit", "github"}) {
    CHECK(std::find(ReportFormats().begin(), ReportFormats().end(), f) != ReportFormats().end());
  }
}

TEST_CASE("IsOneLine says when OneLine keeps the text as it is") {
  for (std::string_view s : {"", "数量指标", "≥90%", "a\u00A0b", "\xC2"}) {
    CAPTURE(s);
    CHECK(IsOneLine(s));
    CHECK(OneLine(s) == s);
  }
  for (std::string_view s : {"a\tb", "a\nb", "x\x7f", "\u0085y", "\u009B31m", "\x01"}) {
    CAPTURE(s);
    CHECK(!IsOneLine(s));
    CHECK(OneLine(s) != s);
  }
}

TEST_CASE("IsOneLine, eight bytes at a time, says what a byte at a time says") {
  // The bytes at the edges of what IsOneLine looks for, at every place in
  // strings of every length up to 40 (the same ones each run), against the
  // rule written out a byte at a time.
  const unsigned char alphabet[] = {'a', 0x00, 0x1F, 0x20, 0x7E, 0x7F, 0x80,
                                    0x9F, 0xA0, 0xC1, 0xC2, 0xC3, 0xE4, 0xB8};
  auto reference = [](std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
      const auto u = static_cast<unsigned char>(s[i]);
      if (u < 0x20 || u == 0x7F) return false;
      if (u == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
        return false;
      }
    }
    return true;
  };
  random_testing::SplitMix64 random(7);
  auto next = [&random] { return random.Next(); };
  for (int k = 0; k < 50000; ++k) {
    std::string s(next() % 41, 'a');
    // Mostly plain text, with one to three of the other bytes.
    for (uint64_t m = next() % 3 + 1; m > 0; --m) {
      if (s.empty()) break;
      s[next() % s.size()] = static_cast<char>(alphabet[next() % sizeof alphabet]);
    }
    CAPTURE(s);
    REQUIRE(IsOneLine(s) == reference(s));
  }
}

TEST_CASE("PrintableText drops control characters and repairs UTF-8") {
  CHECK(PrintableText("a\x01" "b\x7f\tc\r\n") == "ab\tc\r\n");
  CHECK(PrintableText("x\xffy") == "x\uFFFDy");
  CHECK(PrintableText("ab\x01" "cd\xff\xfe" "ef\uFFFDg\x7f") == "abcd\uFFFD\uFFFDef\uFFFDg");
  CHECK(PrintableText("\uFFFE\uFFFF中") == "中");
  // C1 controls, U+0080..U+009F (U+009B is an 8-bit CSI), and not U+00A0.
  CHECK(PrintableText("a\u0080b\u0085c\u009B31md\u009Fe\u00A0f") == "abc31mde\u00A0f");
  CHECK(MarkdownText("a\u009Bb") == "ab");
  CHECK(XmlText("a\u0085b", true) == "ab");
}

// PrintableText as it was first written, decoding every code point.
std::string PrintableByDecoding(std::string_view s) {
  const auto dropped = [](char32_t cp) {
    return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F) ||
           cp == 0xFFFE || cp == 0xFFFF;
  };
  std::string out;
  for (size_t pos = 0; pos < s.size();) {
    char32_t cp = DecodeUtf8(s, &pos);
    if (!dropped(cp)) AppendUtf8(cp, &out);
  }
  return out;
}

TEST_CASE("PrintableText keeps ASCII and CJK without decoding, with the same result") {
  // Each edge of the undecoded ranges, its neighbours, what is dropped, and
  // the broken sequences that start like them.
  const std::vector<std::string> pieces = {
      "a",      "\t",     "\n",     "\x1f",      "\x7f",       "\u0085",   "\u0fff",
      "\u1000", "\ucfff", "\ud7ff", "\ue000",    "\uefff",     "\uf000",   "\uffff",
      "中",     "\xe1",   "\xee\x80", "\xed\xa0\x80", "\xe0\x80\x80", "\x80",     "\xff"};
  text_testing::ForEachOfThree(pieces, [](const std::string& s) {
    CAPTURE(s);
    CHECK(PrintableText(s) == PrintableByDecoding(s));
  });
  std::string appended = "x";
  AppendPrintableText("a\x01" "b", &appended);
  CHECK(appended == "xab");
}

TEST_CASE("MarkdownText and HtmlText") {
  CHECK(MarkdownText("a|b\\|c") == "a\\|b\\\\\\|c");
  CHECK(MarkdownText("<&>") == "&lt;&amp;&gt;");
  CHECK(MarkdownText("1\n2\r\n3\r4") == "1<br>2<br>3<br>4");
  CHECK(MarkdownText("*_`[]~") == "\\*\\_\\`\\[\\]\\~");
  CHECK(MarkdownText("@all") == "@\u200Ball");
  CHECK(MarkdownText("a\x01\tb") == "a b");
  CHECK(HtmlText("<b>\"x\" & y\n</summary>") == "&lt;b&gt;&quot;x&quot; &amp; y &lt;/summary&gt;");
  // A page shows '@' as written; a markdown comment's <summary> guards it.
  CHECK(HtmlText("@张三 @cmd") == "@张三 @cmd");
  CHECK(MarkdownHtmlText("<@张三>") == "&lt;@\u200B张三&gt;");
}

TEST_CASE("XmlText escapes markup and drops what XML 1.0 forbids") {
  CHECK(XmlText("<a href='x'>&\"</a>", false) == "&lt;a href=&apos;x&apos;&gt;&amp;&quot;&lt;/a&gt;");
  CHECK(XmlText("a\nb\tc\rd", true) == "a&#10;b&#9;c&#13;d");
  CHECK(XmlText("a\nb\tc\rd", false) == "a\nb\tc&#13;d");
  CHECK(XmlText("\x01\x1b[31m\x7f\uFFFE", false) == "[31m");
  CHECK(XmlText("\xc3\x28", false) == "\uFFFD(");
  CHECK(XmlText("]]>", false) == "]]&gt;");
}

TEST_CASE("csv: BOM, header, CRLF rows and hostile cells round-trip") {
  Run run;
  run.projects.push_back(MakeScore("P,1", kHostile, 96));
  std::string csv = run.Report("csv");
  REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(csv.find("\x01") == std::string::npos);

  auto parsed = ParseCsv(csv.substr(3));
  REQUIRE(parsed.ok());
  const std::vector<CsvRow>& rows = *parsed;
  REQUIRE(rows.size() == 5);  // header, 2 indicators, budget, project
  for (const CsvRow& r : rows) CHECK(r.fields.size() == 18);
  CHECK(rows[0].fields[0] == "row");
  CHECK(rows[0].fields[16] == "complies");
  CHECK(rows[0].fields[17] == "code");

  const std::vector<std::string>& unmet = rows[2].fields;
  CHECK(unmet[0] == "indicator");
  CHECK(unmet[1] == "P,1");
  CHECK(unmet[2] == "'=1+2, \"q\"\n<&> | 50% @all");  // neutralised, control char dropped
  CHECK(unmet[3] == "362303 执法总队");
  CHECK(unmet[6] == "'=1+2, \"q\"\n<&> | 50% @all");
  CHECK(unmet[7] == "≥90%");
  CHECK(unmet[8] == "'-85%");  // not a plain number: neutralised
  CHECK(unmet[9] == "45.00");
  CHECK(unmet[10] == "42.50");
  CHECK(unmet[11] == "unmet");
  CHECK(unmet[12] == "unmet");
  CHECK(unmet[13] == "'@SUM(A1)\n::warning::x %0A </details>");
  CHECK(unmet[14] == "");
  CHECK(unmet[15] == "优");
  CHECK(unmet[16] == "false");
  CHECK(unmet[17] == "");

  const std::vector<std::string>& budget = rows[3].fields;
  CHECK(budget[0] == "budget");
  CHECK(budget[6] == "预算执行率");
  CHECK(budget[7] == "10.00万元");
  CHECK(budget[8] == "8.00万元");
  CHECK(budget[9] == "10.00");
  CHECK(budget[10] == "8.00");
  CHECK(budget[12] == "low_execution");
  CHECK(budget[13] == "'+\"执行\", 偏低");
  CHECK(budget[14] == "0.8000");

  const std::vector<std::string>& total = rows[4].fields;
  CHECK(total[0] == "project");
  CHECK(total[9] == "100.00");
  CHECK(total[10] == "96.00");
  CHECK(total[15] == "优");

  // Every record ends with CRLF; the only bare LF are inside quoted fields.
  CHECK(csv.size() >= 2);
  CHECK(csv.substr(csv.size() - 2) == "\r\n");
  CHECK(Count(csv, "\r\n") == 5 + 1);  // five records and the CRLF inside the note
}

TEST_CASE("csv: an error row each, with its location, message and code; the same columns in English") {
  for (Lang lang : {Lang::kZh, Lang::kEn}) {
    Run run(lang);
    run.ctx.csv_bom = false;
    run.projects.push_back(MakeScore("P1", "项目", 96));
    run.diags.Error({"a.yaml", 3, 4}, Message{301, "bad value"});
    run.diags.Warning({"b.yaml", 5, 6}, Message{805, "no note"});  // not in the csv
    run.diags.Error({}, Message{0, "no code"});
    auto parsed = ParseCsv(run.Report("csv"));
    REQUIRE(parsed.ok());
    const std::vector<CsvRow>& rows = *parsed;
    REQUIRE(rows.size() == 1 + 4 + 2);
    CHECK(rows[0].fields[17] == "code");
    CHECK(rows[4].fields[6] == (lang == Lang::kZh ? "项目总分" : "project total"));
    CHECK(rows[2].fields[11] == "unmet");  // status and deviation are machine words
    CHECK(rows[2].fields[12] == "unmet");
    const std::vector<std::string>& error = rows[5].fields;
    CHECK(error[0] == "error");
    CHECK(error[6] == "a.yaml:3:4");
    CHECK(error[13] == "bad value");
    CHECK(error[17] == "JX0301");
    CHECK(rows[6].fields[13] == "no code");
    CHECK(rows[6].fields[17] == "");
  }
}

TEST_CASE("csv: without a BOM when asked, and in English") {
  Run run(Lang::kEn);
  run.ctx.csv_bom = false;
  run.projects.push_back(MakeScore("P1", "项目", 96));
  std::string csv = run.Report("csv");
  CHECK(csv.rfind("row,id,project,", 0) == 0);
  CHECK(csv.find("budget execution rate") != std::string::npos);
  CHECK(csv.find("project total") != std::string::npos);
}

TEST_CASE("markdown: escaped cells keep every table row's column count") {
  Run run;
  run.projects.push_back(MakeScore("P|1", kHostile, 96));
  run.diags.Error({"a.yaml", 3, 4}, Message{301, "bad | value <x>"});
  run.diags.Warning({"b.yaml", 5, 6}, Message{805, "no note @someone"});
  std::string md = run.Report("markdown");
  CHECK(md.find("\x01") == std::string::npos);
  CHECK(md.find("@all") == std::string::npos);
  CHECK(md.find("@\u200Ball") != std::string::npos);
  CHECK(md.find("</details> |") == std::string::npos);  // the note's </details> is escaped
  CHECK(md.find("&lt;/details&gt;") != std::string::npos);
  CHECK(Count(md, "<details>") == 1);
  CHECK(Count(md, "</details>") == 1);
  for (const std::string& line : Lines(md)) {
    if (line.empty() || line[0] != '|') continue;
    size_t pipes = 0;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\') {
        ++i;
        continue;
      }
      if (line[i] == '|') ++pipes;
    }
    bool summary_table = pipes == 8;
    bool indicator_table = pipes == 11;
    CHECK_MESSAGE((summary_table || indicator_table), line);
  }
  CHECK(md.find("| =1+2, \"q\"<br>&lt;&amp;&gt; \\| 50% @\u200Ball | P\\|1 | 96.00 | 优 | 1 | 1 | ❌ 否 |") !=
        std::string::npos);
  // The summary line of <details> is HTML, on one line.
  CHECK(md.find("<summary>❌ =1+2, &quot;q&quot; &lt;&amp;&gt; | 50% @\u200Ball — ") !=
        std::string::npos);
  // Errors and warnings come last.
  size_t errors = md.find("### 错误 (1)");
  size_t warnings = md.find("### 警告 (1)");
  REQUIRE(errors != std::string::npos);
  REQUIRE(warnings != std::string::npos);
  CHECK(errors > md.find("</details>"));
  CHECK(warnings > errors);
  // Each as on standard error, with its code.
  CHECK(md.find("- a.yaml:3:4: 错误[JX0301]: bad \\| value &lt;x&gt;\n") != std::string::npos);
  CHECK(md.find("- b.yaml:5:6: 警告[JX0805]: no note @\u200Bsomeone\n") != std::string::npos);
}

TEST_CASE("markdown: details are capped, those of failing projects first") {
  Run run;
  std::string long_note(3000, 'x');
  for (int i = 0; i < 40; ++i) {
    ProjectScore s = MakeScore(fmt::format("P{}", i), fmt::format("项目{}", i), 96);
    s.indicators[1].note = long_note;
    run.projects.push_back(std::move(s));
  }
  std::unique_ptr<Reporter> r = MakeReporter("markdown", run.ctx);
  std::ostringstream out;
  RunSummary summary(run.rules);
  r->Begin(out);
  for (size_t i = 0; i < run.projects.size(); ++i) {
    bool complies = i != 39;  // only the last one fails
    summary.Add(run.projects[i], complies);
    r->Project(run.projects[i], complies, out);
  }
  r->End(summary, run.diags, out);
  std::string md = out.str();
  CHECK(md.size() < 64 * 1024);
  // Every project in the summary table (its last cell is the compliance mark).
  CHECK(Count(md, "| ✅ 是 |") + Count(md, "| ❌ 否 |") == 40);
  CHECK(Count(md, "| P") == 40 + YearSummary::kLowest);  // and the lowest ten again
  CHECK(md.find("<summary>❌ 项目39 ") != std::string::npos);
  CHECK(md.find("<summary>✅ 项目0 ") != std::string::npos);
  size_t shown = Count(md, "<details>");
  CHECK(shown < 40);
  CHECK(md.find(fmt::format("另有 {} 个项目的明细未列出", 40 - shown)) != std::string::npos);
}

TEST_CASE("markdown: a run without projects") {
  Run run;
  run.diags.Error({}, Message{0, "no target projects found in the input"});
  std::string md = run.Report("markdown");
  CHECK(md.find("没有可评分的项目。") != std::string::npos);
  CHECK(md.find("- 错误: no target projects found in the input") != std::string::npos);
}

TEST_CASE("junit: suites, cases, failures and input errors, XML-escaped") {
  Run run;
  run.projects.push_back(MakeScore("P\"1'", kHostile, 96));
  run.diags.Error({"in<put>.yaml", 3, 4}, Message{301, "bad & \"worse\"\n\x02"});
  run.diags.Error({}, Message{0, "no file"});
  run.diags.Warning({"w.yaml", 1, 1}, Message{805, "a warning"});
  std::string xml = run.Report("junit");
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"jixiao\">\n", 0) == 0);
  CHECK(xml.find("\x01") == std::string::npos);
  CHECK(xml.find("\x02") == std::string::npos);
  CHECK(xml.find("<testsuite name=\"=1+2, &quot;q&quot;&#10;&lt;&amp;&gt; | 50% @all\" tests=\"2\" "
                 "failures=\"1\" errors=\"0\" skipped=\"0\"") != std::string::npos);
  CHECK(xml.find("<testcase classname=\"P&quot;1&apos;\" name=\"数量\" file=\"t,1:x.yaml\"/>") !=
        std::string::npos);
  CHECK(xml.find("<failure message=\"指标值 ≥90%，实际完成值 -85%，得分 42.50 / 45.00\" "
                 "type=\"unmet\">三级指标：产出指标 / 数量指标 / =1+2") != std::string::npos);
  CHECK(xml.find("@SUM(A1)&#13;\n::warning::x %0A &lt;/details&gt;") != std::string::npos);
  CHECK(xml.find("<testsuite name=\"输入错误\" tests=\"2\" failures=\"0\" errors=\"2\"") !=
        std::string::npos);
  // An error's message as on standard error, its code also as its type.
  CHECK(xml.find("<error message=\"in&lt;put&gt;.yaml:3:4: 错误[JX0301]: bad &amp; &quot;worse&quot;&#10;\" "
                 "type=\"JX0301\">") != std::string::npos);
  CHECK(xml.find("name=\"jixiao\">\n      <error message=\"错误: no file\" type=\"input\">") !=
        std::string::npos);
  CHECK(xml.find("a warning") == std::string::npos);
  CHECK(xml.substr(xml.size() - 14) == "</testsuites>\n");
  // Tags balance.
  CHECK(Count(xml, "<testsuite ") == Count(xml, "</testsuite>"));
  CHECK(Count(xml, "<failure ") == Count(xml, "</failure>"));
  CHECK(Count(xml, "<error ") == Count(xml, "</error>"));
}

TEST_CASE("junit: English failure messages and skipped 不适用") {
  Run run(Lang::kEn);
  ProjectScore s = MakeScore("P1", "项目", 96);
  s.indicators[0].status = Status::kNotApplicable;
  s.indicators[0].weight = 0;
  s.indicators[0].score = 0;
  s.not_applicable = 1;
  s.met = 0;
  run.projects.push_back(s);
  std::string xml = run.Report("junit");
  CHECK(xml.find("<skipped message=\"n/a\"/>") != std::string::npos);
  CHECK(xml.find("skipped=\"1\"") != std::string::npos);
  CHECK(xml.find("message=\"target ≥90%, actual -85%, score 42.50 of 45.00\"") !=
        std::string::npos);
  CHECK(xml.find("<testsuite name=\"input errors\"") == std::string::npos);
  CHECK(xml.find("三级指标") == std::string::npos);
  CHECK(xml.find("indicator: 产出指标 / 数量指标 / =1+2") != std::string::npos);
}

TEST_CASE("github: escaped workflow commands") {
  Run run;
  run.projects.push_back(MakeScore("P1", "项目 %", 96));
  run.diags.Warning({"dir,a:b.yaml", 7, 3}, Message{805, "line\nbreak 100%"});
  std::string gh = run.Report("github");
  std::vector<std::string> lines = Lines(gh);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] ==
        "::error file=t%2C1%3Ax.yaml,line=6,col=5,title=未达成：=1+2%2C \"q\"%0A<&> | 50%25 @all"
        "::项目“项目 %25”（P1，总分 96.00）的指标“=1+2, \"q\"%0A<&> | 50%25 @all”未达成：指标值 ≥90%25，"
        "实际完成值 -85%25，得分 42.50 / 45.00；偏差原因分析：@SUM(A1)%0D%0A::warning::x %250A </details>");
  // The code in the title (where GitHub shows it in bold).
  CHECK(lines[1] ==
        "::warning file=dir%2Ca%3Ab.yaml,line=7,col=3,title=jixiao：警告 [JX0805]::line%0Abreak 100%25");
  CHECK(lines[2].rfind("::notice title=jixiao::共 1 个项目，合规 0 个；错误 0 个，警告 1 个；未达成指标 1 个；"
                       "省略错误注释 0 条、警告注释 0 条",
                       0) == 0);
}

TEST_CASE("github: at most 10 per type, input errors first, then the lowest scores") {
  Run run(Lang::kEn);
  for (int i = 0; i < 6; ++i) {
    // Totals 96, 86, 76, ...: each project has one unmet indicator.
    run.projects.push_back(MakeScore(fmt::format("P{}", i), fmt::format("p{}", i), 96 - 10 * i));
  }
  for (int i = 0; i < 7; ++i) {
    run.diags.Error({"e.yaml", i + 1, 1}, Message{301, fmt::format("error {}", i)});
  }
  for (int i = 0; i < 12; ++i) {
    run.diags.Warning({"w.yaml", i + 1, 1}, Message{805, fmt::format("warning {}", i)});
  }
  std::vector<std::string> lines = Lines(run.Report("github"));
  REQUIRE(lines.size() == 21);
  for (int i = 0; i < 7; ++i) {
    CHECK(lines[i] == fmt::format("::error file=e.yaml,line={},col=1,title=jixiao%3A input error "
                                  "[JX0301]::error {}",
                                  i + 1, i));
  }
  // Then the unmet indicators of the three lowest-scoring projects.
  CHECK(lines[7].find("project 'p5' (P5, total 46.00)") != std::string::npos);
  CHECK(lines[8].find("project 'p4' (P4, total 56.00)") != std::string::npos);
  CHECK(lines[9].find("project 'p3' (P3, total 66.00)") != std::string::npos);
  for (int i = 10; i < 20; ++i) CHECK(lines[i].rfind("::warning ", 0) == 0);
  CHECK(lines[20] ==
        "::notice title=jixiao::6 projects, 0 comply; 7 errors, 12 warnings; 6 unmet indicators; 3 "
        "error and 2 warning annotations left out (GitHub shows 10 of each type per step)");
}

TEST_CASE("github: of many unmet indicators, the 10 lowest in run order among equal totals") {
  Run run(Lang::kEn);
  // 100 projects with totals 99, 98, ..., 50, 99, 98, ..., 50 (each total twice).
  for (int i = 0; i < 100; ++i) {
    run.projects.push_back(MakeScore(fmt::format("P{}", i), fmt::format("p{}", i), 99 - i % 50));
  }
  std::vector<std::string> lines = Lines(run.Report("github"));
  REQUIRE(lines.size() == 11);
  // Totals 50, 50, 51, 51, ... 54, 54; of two equal totals the earlier project first.
  for (int k = 0; k < 10; ++k) {
    int total = 50 + k / 2;
    int project = (99 - total) + (k % 2) * 50;
    CHECK(lines[k].find(fmt::format("project 'p{}' (P{}, total {}.00)", project, project, total)) !=
          std::string::npos);
  }
  CHECK(lines[10] ==
        "::notice title=jixiao::100 projects, 0 comply; 0 errors, 0 warnings; 100 unmet indicators; "
        "90 error and 0 warning annotations left out (GitHub shows 10 of each type per step)");
}

}  // namespace jixiao
