#include "import/docx.h"


#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "base/lang.h"
#include "import/import.h"
#include "import/import_testing.h"
#include "import/import_text.h"

namespace jixiao {

namespace {

using testing::Cell;
using testing::Document;
using testing::Paragraph;

std::string Docx(const std::string& document_xml) {
  std::string error;
  std::string bytes = MakeDocx(document_xml, &error);
  REQUIRE_MESSAGE(!bytes.empty(), error);
  return bytes;
}

struct Read {
  std::optional<ImportDoc> doc;
  Diagnostics diags;
};

Read ReadBytes(const std::string& bytes, size_t max_part = 1u << 20) {
  Read r;
  r.doc = ReadDocx(bytes, "t.docx", max_part, &r.diags);
  return r;
}

std::vector<ImportedProject> ImportDocx(const std::string& bytes, Diagnostics* diags) {
  std::optional<ImportDoc> doc = ReadDocx(bytes, "t.docx", 64u << 20, diags);
  if (!doc) return {};
  ImportOptions opts;
  std::vector<ImportedProject> out = ImportTables(*doc, opts, diags);
  AssignIds(&out, opts);
  return out;
}

// The seed's five tables, imported from its text, laid out as Word does.
std::string SeedXml() {
  std::string text =
      testing::ReadFileBytes(testing::SourceDir() + "/tests/fixtures/import/seed-2024.txt");
  Diagnostics diags;
  std::optional<ImportDoc> doc = ReadExtractedText(Source{"seed.txt", text}, &diags);
  REQUIRE(doc);
  std::vector<ImportedProject> projects = ImportTables(*doc, ImportOptions{}, &diags);
  REQUIRE(projects.size() == 5);
  return testing::TargetTablesXml(projects);
}

std::string SeedDocx() { return Docx(SeedXml()); }

std::string TinyTable(const std::string& target = "4台") {
  return Paragraph("1.2024年度小项目绩效目标表") +
         "<w:tbl><w:tr>" + Cell("项目名称") + Cell("2024年度小项目", 2) + "</w:tr>" +
         "<w:tr>" + Cell("预算数") + Cell("6.00") + Cell("单位：万元") + "</w:tr>" +
         "<w:tr>" + Cell("一级指标") + Cell("二级指标") + Cell("三级指标") + Cell("指标值") +
         "</w:tr><w:tr>" + Cell("产出指标", 1, "restart") + Cell("数量指标") + Cell("设备") +
         Cell(target) + "</w:tr><w:tr>" + Cell("", 1, "continue") + Cell("质量指标") +
         Cell("合格率") + Cell("100%") + "</w:tr></w:tbl>";
}

}  // namespace

TEST_CASE("docx: the seed's tables as a .docx import exactly as examples/targets") {
  std::string bytes = SeedDocx();
  if (const char* dir = std::getenv("JIXIAO_WRITE_FIXTURES")) {
    std::ofstream(std::string(dir) + "/seed-2024.docx", std::ios::binary) << bytes;
  }
  Diagnostics diags;
  std::vector<ImportedProject> projects = ImportDocx(bytes, &diags);
  for (const Diagnostic& d : diags.all()) FAIL_CHECK(d.message);
  REQUIRE(projects.size() == 5);
  testing::CheckSameProjects(testing::ReadBack(projects), testing::LoadExamples());
  CHECK(projects[0].at.paragraph == 1);
}

TEST_CASE("docx: the checked-in fixture imports exactly as examples/targets") {
  std::string bytes = testing::ReadFileBytes(testing::SourceDir() +
                                             "/tests/fixtures/import/seed-2024.docx");
  REQUIRE(LooksLikeZip(bytes));
  Diagnostics diags;
  std::vector<ImportedProject> projects = ImportDocx(bytes, &diags);
  CHECK(diags.empty());
  testing::CheckSameProjects(testing::ReadBack(projects), testing::LoadExamples());
}

namespace {

// A project laid out as most Word documents are: the heading, a paragraph
// with the department (code and name) and the unit, then the tables, the
// amounts in 元. With `unit` false, the paragraph names no unit.
std::string TitleLineXml(bool unit) {
  return Document(
      Paragraph("1.2024年度青山区中小学教育信息化设备购置项目绩效目标表") +
      Paragraph(unit ? "207001青山区教育局　　　　　　单位：元" : "207001青山区教育局") +
      "<w:tbl><w:tr>" + Cell("项目名称") + Cell("2024年度青山区中小学教育信息化设备购置项目", 4) +
      "</w:tr><w:tr>" + Cell("预算数") + Cell("1,260,000.00") + Cell("其中：财政资金") +
      Cell("1,260,000.00") + Cell("") + "</w:tr><w:tr>" + Cell("资金用途") +
      Cell("为辖区中小学购置交互式教学一体机。", 4) + "</w:tr></w:tbl>" +
      "<w:tbl><w:tr>" + Cell("一级指标") + Cell("二级指标") + Cell("三级指标") +
      Cell("绩效指标描述") + Cell("指标值") + "</w:tr><w:tr>" + Cell("产出指标", 1, "restart") +
      Cell("数量指标") + Cell("购置一体机数量") + Cell("交互式教学一体机") + Cell("≥120台") +
      "</w:tr><w:tr>" + Cell("", 1, "continue") + Cell("成本指标") + Cell("单台采购成本") +
      Cell("单台采购成本") + Cell("≤10500元") + "</w:tr><w:tr>" + Cell("满意度指标") +
      Cell("服务对象满意度指标") + Cell("师生满意度") + Cell("师生满意度") + Cell("≥90%") +
      "</w:tr></w:tbl>");
}

}  // namespace

TEST_CASE("docx: the department and the unit in a paragraph above the table") {
  const std::string bytes = Docx(TitleLineXml(true));
  const std::string no_unit = Docx(TitleLineXml(false));
  if (const char* dir = std::getenv("JIXIAO_WRITE_FIXTURES")) {
    std::ofstream(std::string(dir) + "/title-line.docx", std::ios::binary) << bytes;
    std::ofstream(std::string(dir) + "/title-line-no-unit.docx", std::ios::binary) << no_unit;
  }
  Diagnostics diags;
  std::vector<ImportedProject> ps = ImportDocx(bytes, &diags);
  REQUIRE(ps.size() == 1);
  CHECK_MESSAGE(diags.empty(), diags.all().front().message);
  CHECK(ps[0].ok);
  CHECK(ps[0].department_code == "207001");
  CHECK(ps[0].department_name == "青山区教育局");
  CHECK(ps[0].unit == "元");
  CHECK(ps[0].total == "1260000.00");
  // The checked-in fixtures are these documents.
  CHECK(testing::ReadFileBytes(testing::SourceDir() + "/tests/fixtures/import/title-line.docx") ==
        bytes);
  CHECK(testing::ReadFileBytes(testing::SourceDir() +
                               "/tests/fixtures/import/title-line-no-unit.docx") == no_unit);

  Diagnostics none;
  ps = ImportDocx(no_unit, &none);
  REQUIRE(ps.size() == 1);
  CHECK_FALSE(ps[0].ok);
  CHECK(ps[0].department_code == "207001");
  REQUIRE(none.error_count() == 1);
  CHECK(none.all().front().message ==
        "table 1, row 2, cell 2: the document does not say the unit of its amounts (单位：元 or "
        "单位：万元, above the table or in it): add it, or pass --unit 元 (or 千元, 万元, 亿元)");
}

TEST_CASE("docx: rows, spans, vertical merges and places") {
  Read r = ReadBytes(Docx(Document(TinyTable())));
  REQUIRE(r.doc);
  const std::vector<DocItem>& items = r.doc->items;
  REQUIRE(items.size() == 6);
  CHECK(items[0].kind == DocItem::Kind::kParagraph);
  CHECK(items[0].cells[0].text == "1.2024年度小项目绩效目标表");
  CHECK(items[0].cells[0].at.paragraph == 1);
  CHECK(items[1].cells.size() == 2);  // a spanned cell is one cell
  CHECK(items[1].cells[1].text == "2024年度小项目");
  const DocItem& last = items[5];
  REQUIRE(last.cells.size() == 4);
  CHECK(last.cells[0].merged);
  CHECK(last.cells[0].text.empty());
  CHECK_FALSE(items[4].cells[0].merged);  // "restart" begins a merge
  CHECK(last.cells[3].at.table == 1);
  CHECK(last.cells[3].at.row == 5);
  CHECK(last.cells[3].at.cell == 4);
  CHECK(DescribePlace(last.cells[3].at) == "table 1, row 5, cell 4");

  Diagnostics diags;
  std::vector<ImportedProject> ps = ImportDocx(Docx(Document(TinyTable())), &diags);
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].ok);
  CHECK(ps[0].indicators[1].level1 == "产出指标");
  CHECK(ps[0].year == 2024);
}

TEST_CASE("docx: text of runs, tabs, breaks, deletions, fields and legacy merges") {
  std::string body =
      "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\"/></w:tabs></w:pPr>"
      "<w:r><w:t>甲</w:t></w:r><w:r><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r>"
      "<w:del><w:r><w:delText>删掉</w:delText></w:r></w:del>"
      "<w:ins><w:r><w:t>加上</w:t></w:r></w:ins>"
      "<w:r><w:instrText>PAGEREF _Toc1</w:instrText></w:r>"
      "<mc:AlternateContent xmlns:mc=\"m\"><mc:Choice><w:r><w:t>选</w:t></w:r></mc:Choice>"
      "<mc:Fallback><w:r><w:t>备</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>"
      "<w:p/>"
      "<w:tbl><w:tr><w:tc><w:tcPr><w:hMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>合并</w:t>"
      "</w:r></w:p></w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>" +
      Cell("二段\n第二段") +
      "<w:tc><w:tbl><w:tr>" + Cell("内") + Cell("表") + "</w:tr></w:tbl><w:p/></w:tc>" +
      "</w:tr></w:tbl>";
  Read r = ReadBytes(Docx(Document(body)));
  REQUIRE(r.doc);
  REQUIRE(r.doc->items.size() == 2);  // the blank paragraph is left out
  CHECK(r.doc->items[0].cells[0].text == "甲 乙\n丙加上选");
  const std::vector<DocCell>& cells = r.doc->items[1].cells;
  REQUIRE(cells.size() == 3);  // the hMerge continuation belongs to the cell before it
  CHECK(cells[0].text == "合并");
  CHECK(cells[1].text == "二段\n第二段");
  CHECK(cells[2].text == "内\n表");
}

TEST_CASE("docx: the name from the 项目名称 row when there is no heading; several tables") {
  std::string no_heading = TinyTable();
  no_heading.erase(0, Paragraph("1.2024年度小项目绩效目标表").size());
  std::string second = no_heading;
  size_t at = second.find("2024年度小项目");
  second.replace(at, std::string("2024年度小项目").size(), "2024年度另一项目");
  Diagnostics diags;
  std::vector<ImportedProject> ps = ImportDocx(Docx(Document(no_heading + second)), &diags);
  REQUIRE(ps.size() == 2);
  CHECK(ps[0].project == "2024年度小项目");
  CHECK(ps[1].project == "2024年度另一项目");
  CHECK(ps[1].at.table == 2);
  CHECK(ps[0].ok);
  CHECK(ps[1].ok);
}

TEST_CASE("docx: errors name the table, row and cell") {
  Diagnostics diags;
  std::vector<ImportedProject> ps = ImportDocx(Docx(Document(TinyTable("≥9O%"))), &diags);
  REQUIRE(ps.size() == 1);
  CHECK_FALSE(ps[0].ok);
  REQUIRE(diags.error_count() >= 1);
  const Diagnostic& d = diags.all().front();
  CHECK(d.loc.file == "t.docx");
  CHECK(d.loc.line == 0);
  CHECK(d.message.rfind("table 1, row 4, cell 4: bad 指标值 '≥9O%'", 0) == 0);

  // A cell that is empty but not merged is a guess, said so.
  std::string unmerged = TinyTable();
  unmerged.replace(unmerged.find("<w:tcPr><w:vMerge/></w:tcPr>"),
                   std::string("<w:tcPr><w:vMerge/></w:tcPr>").size(), "");
  Diagnostics d2;
  ps = ImportDocx(Docx(Document(unmerged)), &d2);
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].ok);
  REQUIRE(d2.warning_count() == 1);
  CHECK(d2.all()[0].message ==
        "table 1, row 5, cell 1: 一级指标 is empty and not merged: using '产出指标' from the row "
        "above");

  Diagnostics d3;
  ps = ImportDocx(Docx(Document(Paragraph("会议纪要") + Paragraph("没有表格"))), &d3);
  CHECK(ps.empty());
  REQUIRE(d3.error_count() == 1);
  CHECK(d3.all()[0].message.rfind("paragraph 1: not a 绩效目标表", 0) == 0);
}

TEST_CASE("docx: files that are not a readable .docx are one error naming the file") {
  auto one_error = [](const std::string& bytes, const std::string& text) {
    Read r = ReadBytes(bytes);
    CHECK_FALSE(r.doc);
    REQUIRE(r.diags.error_count() == 1);
    CHECK(r.diags.all()[0].loc.file == "t.docx");
    CHECK_MESSAGE(r.diags.all()[0].message.find(text) != std::string::npos,
                  r.diags.all()[0].message);
  };
  one_error("", "not a .docx file");
  one_error("PK\3\4 truncated", "not a .docx file");
  std::string good = Docx(Document(TinyTable()));
  one_error(good.substr(0, good.size() / 2), ".docx file");
  one_error(Docx("<w:document><w:body>"), "not well-formed XML");
  one_error(Docx("<html><body/></html>"), "no w:document/w:body");
  one_error(Docx(std::string(2u << 20, ' ')), "larger than 1048576 bytes");
  CHECK(LooksLikeOle("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest"));
  CHECK_FALSE(LooksLikeOle(good));
  // (macOS's AppleDouble file: base/text_test.cc.)
  CHECK_FALSE(LooksLikeAppleDouble(good));
}

TEST_CASE("docx: in Chinese, why a .docx cannot be read is said in Chinese") {
  auto reason = [](const std::string& bytes) {
    Read r = ReadBytes(bytes);
    REQUIRE(r.diags.error_count() == 1);
    return r.diags.all()[0].message;
  };
  std::string good = Docx(Document(TinyTable()));
  std::string damaged = good;
  size_t at = damaged.find("word/document.xml") + 60;
  damaged[at] = static_cast<char>(damaged[at] ^ 0xff);
  {
    ScopedLang zh(Lang::kZh);
    std::string cut = reason(good.substr(0, 1000));
    CHECK(cut.find("找不到 ZIP 压缩包的目录") != std::string::npos);
    CHECK(cut.find("Not a zip") == std::string::npos);
    std::string bad_xml = reason(Docx("<w:document><w:body></w:document>"));
    CHECK(bad_xml.find("不是格式正确的 XML（开始标签与结束标签不匹配，第 ") != std::string::npos);
    std::string data = reason(damaged);
    CHECK(data.find("压缩的数据已损坏，无法解压") != std::string::npos);
    CHECK(data.find("Zlib") == std::string::npos);
  }
  // In English, the library's own words.
  CHECK(reason(good.substr(0, 1000)).find("(Not a zip archive)") != std::string::npos);
  CHECK(reason(Docx("<w:document><w:body></w:document>")).find("Start-end tags mismatch") !=
        std::string::npos);
}

TEST_CASE("docx: a cell spanning indicator columns is an error at that cell") {
  // 三级指标 and 绩效指标描述 merged (w:gridSpan=2) in a row of 4 cells under
  // a header of 5.
  std::string xml = Paragraph("1.2024年度小项目绩效目标表") + "<w:tbl><w:tr>" + Cell("项目名称") +
                    Cell("2024年度小项目", 2) + "</w:tr><w:tr>" + Cell("预算数") + Cell("6.00") +
                    Cell("单位：万元") + "</w:tr></w:tbl><w:tbl><w:tr>" + Cell("一级指标") +
                    Cell("二级指标") + Cell("三级指标") + Cell("绩效指标描述") + Cell("指标值") +
                    "</w:tr><w:tr>" + Cell("产出指标") + Cell("数量指标") + Cell("购置设备数量", 2) +
                    Cell("4台") + "</w:tr></w:tbl>";
  Read r = ReadBytes(Docx(Document(xml)));
  REQUIRE(r.doc);
  CHECK(r.doc->items.back().cells[2].span == 2);
  Diagnostics diags;
  std::vector<ImportedProject> ps = ImportDocx(Docx(Document(xml)), &diags);
  REQUIRE(ps.size() == 1);
  CHECK_FALSE(ps[0].ok);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].code == 613);
  CHECK(diags.all()[0].message ==
        "table 2, row 2, cell 3: this cell spans 2 columns (merged cells), so it cannot be told "
        "which column of the indicator header (table 2, row 1, cell 1) its text belongs to: "
        "split the cell in Word (Layout › Split Cells) so that each column has its own");
}

TEST_CASE("docx: hostile documents never crash") {
  // Deep nesting, in the body and inside one cell.
  std::string deep_body;
  for (int i = 0; i < 5000; ++i) deep_body += "<w:sdt><w:sdtContent>";
  deep_body += Paragraph("深");
  for (int i = 0; i < 5000; ++i) deep_body += "</w:sdtContent></w:sdt>";
  Read r = ReadBytes(Docx(Document(deep_body)));
  REQUIRE(r.doc);
  CHECK(r.diags.warning_count() == 1);

  std::string deep_cell = "<w:tbl><w:tr><w:tc>";
  for (int i = 0; i < 100000; ++i) deep_cell += "<w:r>";
  deep_cell += "<w:t>x</w:t>";
  for (int i = 0; i < 100000; ++i) deep_cell += "</w:r>";
  deep_cell += "</w:tc></w:tr></w:tbl>";
  Read deep = ReadBytes(Docx(Document(deep_cell)), 8u << 20);
  REQUIRE(deep.doc);
  CHECK(deep.doc->items.at(0).cells.at(0).text == "x");

  std::string odd = "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"999999999999\"/>"
                    "<w:vMerge w:val=\"\"/></w:tcPr><w:p><w:r><w:t>&#1;&#x7F;&amp;</w:t></w:r>"
                    "</w:p></w:tc></w:tr><w:tr/></w:tbl>";
  Read o = ReadBytes(Docx(Document(odd)));
  REQUIRE(o.doc);

  // Random cuts, copies and renamed elements in the XML of a real document.
  std::string xml = SeedXml();
  std::mt19937 xrng(11);
  const char* names[] = {"w:tr", "w:tc", "w:tbl", "w:p", "w:vMerge", "w:gridSpan", "w:sdt", "w:t"};
  for (int round = 0; round < 300; ++round) {
    std::string x = xml;
    for (int k = 0; k < 4; ++k) {
      size_t a = xrng() % x.size();
      size_t len = xrng() % 200;
      switch (xrng() % 3) {
        case 0: x.erase(a, len); break;
        case 1: x.insert(a, x.substr(xrng() % x.size(), len)); break;
        default: {
          size_t lt = x.find('<', a);
          if (lt != std::string::npos && lt + 1 < x.size()) {
            size_t end = x.find_first_of(" />", lt + 1);
            if (end != std::string::npos) x.replace(lt + 1, end - lt - 1, names[xrng() % 8]);
          }
        }
      }
    }
    Diagnostics diags;
    ImportDocx(Docx(x), &diags);
  }

  // Random byte changes to a real document.
  std::string seed = SeedDocx();
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string bytes = seed;
    int flips = 1 + static_cast<int>(rng() % 8);
    for (int k = 0; k < flips; ++k) bytes[rng() % bytes.size()] = static_cast<char>(rng());
    Diagnostics diags;
    ImportDocx(bytes, &diags);
  }
}

}  // namespace jixiao
