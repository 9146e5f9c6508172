// Helpers shared by the import and docx tests (header-only; not part of the
// library's interface).
#ifndef JIXIAO_IMPORT_IMPORT_TESTING_H_
#define JIXIAO_IMPORT_IMPORT_TESTING_H_

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "import/import.h"
#include "model/model.h"
#include "model/rules.h"
#include "model/target_loader.h"
#include "base/text.h"
#include "yaml/yaml_doc.h"

namespace jixiao::testing {

inline std::string SourceDir() { return JIXIAO_SOURCE_DIR; }

inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The valid projects of YAML `text` as the target loader reads them; every
// error fails the test.
inline std::vector<Project> LoadProjects(const std::string& text, const std::string& name) {
  std::vector<Project> out;
  Source src{name, std::string(StripBom(text))};
  Diagnostics diags;
  Rules rules = Rules::Default();
  ParseYamlStream(src, YamlLimits{}, &diags, [&](const YamlDocument& doc) {
    if (auto p = ReadTargetDocument(src, doc, rules, &diags)) out.push_back(std::move(*p));
  });
  for (const Diagnostic& d : diags.all()) {
    if (d.severity == Severity::kError) FAIL_CHECK(name << ": " << d.message);
  }
  return out;
}

// Every project of examples/targets, in sorted file order.
inline std::vector<Project> LoadExamples() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(SourceDir() + "/examples/targets")) {
    if (e.path().extension() == ".yaml") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<Project> out;
  for (const std::string& f : files) {
    for (Project& p : LoadProjects(ReadFileBytes(f), f)) out.push_back(std::move(p));
  }
  return out;
}

// Projects written by the importer, as the target loader reads them back.
inline std::vector<Project> ReadBack(const std::vector<ImportedProject>& imported) {
  std::string text;
  for (const ImportedProject& p : imported) {
    if (p.ok) text += "---\n" + ProjectYaml(p);
  }
  return LoadProjects(text, "imported.yaml");
}

// Field-by-field equality, each difference a failed CHECK naming the field.
inline void CheckSameProjects(const std::vector<Project>& got, const std::vector<Project>& want) {
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    const Project& a = got[i];
    const Project& b = want[i];
    INFO("project " << i + 1 << " (" << b.project << ")");
    CHECK(a.project == b.project);
    CHECK(a.id == b.id);
    CHECK(a.year == b.year);
    CHECK(a.department_code == b.department_code);
    CHECK(a.department_name == b.department_name);
    CHECK(a.supervisor_code == b.supervisor_code);
    CHECK(a.supervisor_name == b.supervisor_name);
    CHECK(a.unit == b.unit);
    CHECK(a.total == b.total);
    CHECK(a.fiscal.has_value() == b.fiscal.has_value());
    if (a.fiscal && b.fiscal) CHECK(*a.fiscal == *b.fiscal);
    CHECK(a.other.has_value() == b.other.has_value());
    if (a.other && b.other) CHECK(*a.other == *b.other);
    CHECK(a.purpose == b.purpose);
    CHECK(a.goals == b.goals);
    REQUIRE(a.indicators.size() == b.indicators.size());
    for (size_t k = 0; k < a.indicators.size(); ++k) {
      const Indicator& x = a.indicators[k];
      const Indicator& y = b.indicators[k];
      INFO("indicator " << k + 1 << " (" << y.name << ")");
      CHECK(x.level1 == y.level1);
      CHECK(x.level2 == y.level2);
      CHECK(x.name == y.name);
      CHECK(x.description == y.description);
      CHECK(x.target_text == y.target_text);
      CHECK(x.weight.has_value() == y.weight.has_value());
      CHECK(x.id == y.id);
    }
  }
}

inline std::string XmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// A w:tc: `text` split into paragraphs at '\n'; span > 1 adds w:gridSpan;
// vmerge is "", "restart" or "continue".
inline std::string Cell(std::string_view text, int span = 1, std::string_view vmerge = "") {
  std::string pr;
  if (span > 1) pr += fmt::format("<w:gridSpan w:val=\"{}\"/>", span);
  if (vmerge == "restart") pr += "<w:vMerge w:val=\"restart\"/>";
  if (vmerge == "continue") pr += "<w:vMerge/>";
  std::string out = "<w:tc>";
  if (!pr.empty()) out += "<w:tcPr>" + pr + "</w:tcPr>";
  size_t start = 0;
  do {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view para = text.substr(start, end - start);
    out += para.empty() ? "<w:p/>"
                        : "<w:p><w:r><w:t xml:space=\"preserve\">" + XmlEscape(para) +
                              "</w:t></w:r></w:p>";
    start = end + 1;
  } while (start <= text.size());
  return out + "</w:tc>";
}

inline std::string Paragraph(std::string_view text) {
  return "<w:p><w:r><w:t xml:space=\"preserve\">" + XmlEscape(text) + "</w:t></w:r></w:p>";
}

inline std::string Document(std::string_view body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
         "<w:body>" +
         std::string(body) + "<w:sectPr/></w:body></w:document>";
}

// The WordprocessingML of a document laid out as the seed's Word original
// is: per project a numbered heading, a title table (department and unit
// spanning columns, the budget label merged down over the 资金用途 row) and
// an indicator table whose 一级指标 (and repeated 二级指标) cells are vertical
// merges. Project 2's tables sit in a content control; targets are split
// over two runs.
inline std::string TargetTablesXml(const std::vector<ImportedProject>& projects) {
  std::string body;
  int n = 0;
  for (const ImportedProject& p : projects) {
    ++n;
    body += fmt::format("<w:p><w:bookmarkStart w:id=\"{0}\" w:name=\"_Toc{0}\"/><w:r><w:t>{0}.{1}"
                        "绩效目标表</w:t></w:r><w:bookmarkEnd w:id=\"{0}\"/></w:p>",
                        n, XmlEscape(p.project));
    std::string tables;
    std::string title = "<w:tbl><w:tblGrid>";
    for (int i = 0; i < 7; ++i) title += "<w:gridCol w:w=\"1200\"/>";
    title += "</w:tblGrid>";
    title += "<w:tr>" + Cell(p.department_code + p.department_name, 5) + Cell("单位：万元", 2) +
             "</w:tr>";
    title += "<w:tr>" + Cell("项目名称") + Cell(p.project, 6) + "</w:tr>";
    title += "<w:tr>" + Cell("预算规模及资金用途", 1, "restart") + Cell("预算数") + Cell(p.total) +
             Cell("其中：财政    资金") + Cell(p.fiscal) + Cell("其他资金") + Cell(" ") + "</w:tr>";
    title += "<w:tr>" + Cell("", 1, "continue") + Cell(p.purpose, 6) + "</w:tr>";
    std::string goals;
    for (size_t g = 0; g < p.goals.size(); ++g) {
      goals += fmt::format("{}{}.{}", g ? "\n" : "", g + 1, p.goals[g]);
    }
    title += "<w:tr>" + Cell("绩效目标") + Cell(goals, 6) + "</w:tr></w:tbl>";
    tables += title + "<w:p><w:r><w:t xml:space=\"preserve\"> </w:t></w:r></w:p>";
    std::string ind = "<w:tbl><w:tr>" + Cell("一级指标") + Cell("二级指标") + Cell("三级指标") +
                      Cell("绩效指标描述") + Cell("指标值") + "</w:tr>";
    for (size_t k = 0; k < p.indicators.size(); ++k) {
      const ImportedIndicator& x = p.indicators[k];
      bool same1 = k > 0 && p.indicators[k - 1].level1 == x.level1;
      bool same2 = same1 && p.indicators[k - 1].level2 == x.level2;
      std::string_view t = x.target;
      size_t cut = 0;  // after the first code point
      if (!t.empty()) DecodeUtf8(t, &cut);
      std::string target_cell =
          "<w:tc><w:p><w:r><w:t>" + XmlEscape(t.substr(0, cut)) + "</w:t></w:r><w:r><w:t>" +
          XmlEscape(t.substr(cut)) + "</w:t></w:r></w:p></w:tc>";
      ind += "<w:tr>" + Cell(same1 ? "" : x.level1, 1, same1 ? "continue" : "restart") +
             Cell(same2 ? "" : x.level2, 1, same2 ? "continue" : "restart") + Cell(x.name) +
             Cell(x.description) + target_cell + "</w:tr>";
    }
    tables += ind + "</w:tbl>";
    body += n == 2 ? "<w:sdt><w:sdtContent>" + tables + "</w:sdtContent></w:sdt>" : tables;
  }
  return Document(body);
}

}  // namespace jixiao::testing

#endif  // JIXIAO_IMPORT_IMPORT_TESTING_H_
