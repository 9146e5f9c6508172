#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "base/lang.h"
#include "report/report.h"
#include "report/report_testing.h"

namespace jixiao {

namespace {

// The page of `scores` (each complying unless it has an unmet indicator).
std::string Page(const std::vector<ProjectScore>& scores, const Diagnostics& diags = {}) {
  Rules rules = Rules::Default();
  ReportContext ctx;
  ctx.rules = &rules;
  std::unique_ptr<Reporter> r = MakeReporter("html", ctx);
  REQUIRE(r);
  std::ostringstream out;
  RunSummary sum(rules);
  r->Begin(out);
  for (const ProjectScore& s : scores) {
    sum.Add(s, s.unmet == 0);
    r->Project(s, s.unmet == 0, out);
  }
  r->End(sum, diags, out);
  return out.str();
}

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("html: the examples' page: figures, four charts, the unmet with notes, five open forms") {
  ScopedLang zh(Lang::kZh);
  std::vector<ProjectScore> ex = ScoreExamples();
  std::string page = Page(ex);
  CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">", 0) == 0);
  CHECK(page.find("Content-Security-Policy\" content=\"default-src 'none';") != std::string::npos);
  // Mean of 97.67, 99.83, 98.94, 99.80, 99.99 = 496.23 / 5 = 99.246 -> 99.25; the median is 99.80.
  CHECK(page.find("<dt>平均总分</dt><dd>99.25</dd>") != std::string::npos);
  CHECK(page.find("<dt>总分中位数</dt><dd>99.80</dd>") != std::string::npos);
  CHECK(Count(page, "<svg ") == 4);
  // 5 projects: every form is there and open.
  CHECK(Count(page, "<details open class=\"proj\"") == 5);
  CHECK(Count(page, "<tr class=\"unmet\">") == 2);
  CHECK(page.find("（未说明）") == std::string::npos);  // both unmet have notes
  // Histogram: totals 97.67, 98.94 and three of 99.xx in bins of 1 from 90.
  CHECK(page.find("<th scope=\"col\">[97, 98)</th>") != std::string::npos);
  CHECK(page.find("<td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\">3</td></tr>") !=
        std::string::npos);
  CHECK(page.find("href=\"http") == std::string::npos);
  CHECK(page.find("src=") == std::string::npos);
  CHECK(page.find("<script") == std::string::npos);
}

TEST_CASE("html: input text is escaped everywhere") {
  ScopedLang en(Lang::kEn);
  std::vector<ProjectScore> ex = ScoreExamples();
  ProjectScore& s = ex[1];
  s.project.project = "<script>alert(1)</script>";
  s.project.id = "\"><img src=x onerror=alert(1)>";
  s.project.department_name = "</details></table>";
  for (IndicatorScore& is : s.indicators)
    if (!is.note.empty()) is.note = "</td><b>note</b>\nline 2 & more";
  Diagnostics diags;
  diags.Warning({"a<b>.yaml", 3, 4}, Message{0, "message <i>x</i>"});
  std::string page = Page(ex, diags);
  CHECK(page.find("<script>") == std::string::npos);
  CHECK(page.find("<img") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(page.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(page.find("&lt;/td&gt;&lt;b&gt;note&lt;/b&gt;<br>line 2 &amp; more") != std::string::npos);
  CHECK(page.find("a&lt;b&gt;.yaml:3:4") != std::string::npos);
  CHECK(page.find("message &lt;i&gt;x&lt;/i&gt;") != std::string::npos);
  // The id's anchor is its bytes in hex: the link and the form agree.
  std::string id_hex = "p223e3c696d67";  // "\"><img"
  CHECK(page.find("<a href=\"#" + id_hex) != std::string::npos);
  CHECK(page.find("id=\"" + id_hex) != std::string::npos);
  CHECK(page.find("<html lang=\"en\">") != std::string::npos);
}

TEST_CASE("html: above 500 projects the flagged have forms, the others a row each") {
  ScopedLang zh(Lang::kZh);
  std::vector<ProjectScore> ex = ScoreExamples();
  std::vector<ProjectScore> many;
  for (int i = 0; i < 120; ++i) {
    for (const ProjectScore& s : ex) {
      many.push_back(s);
      many.back().project.id = s.project.id + "-" + std::to_string(i);
    }
  }
  // One total far below the others: 9 in 10 are 90 or more, so the
  // histogram has bins of 1 point from 90 and one bin below.
  many[0].total_rounded = Rational(4550) / 100;
  std::string page = Page(many);  // 600 projects
  CHECK(page.find("<th scope=\"col\">&lt; 90</th><th scope=\"col\">[90, 91)</th>") !=
        std::string::npos);
  CHECK(page.find("<th scope=\"row\">项目数</th><td class=\"n\">1</td><td class=\"n\">0</td>") !=
        std::string::npos);
  // Flagged: the two with an unmet indicator, and the two with other
  // deviations (low execution, a cost under-run; an over-achievement) ...
  size_t forms = Count(page, "<details class=\"proj\"");
  size_t rows = Count(page, "\n<tr id=\"p");
  CHECK(forms + rows == 600);
  CHECK(forms >= 240);  // at least the 2 x 120 with an unmet indicator
  CHECK(page.find("id=\"others\"") != std::string::npos);
  CHECK(Count(page, "<details open") == 0);
}

}  // namespace jixiao
