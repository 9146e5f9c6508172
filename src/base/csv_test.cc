#include "base/csv.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/lang.h"

namespace jixiao {
namespace {

using Fields = std::vector<std::string>;

std::vector<CsvRow> MustParse(std::string_view text) {
  Parsed<std::vector<CsvRow>> p = ParseCsv(text);
  REQUIRE_MESSAGE(p.ok(), p.error());
  return p.value();
}

std::string Field(std::string_view f) {
  std::string out;
  AppendCsvField(f, &out);
  return out;
}

std::string Cell(std::string_view f) {
  std::string out;
  AppendCsvCell(f, &out);
  return out;
}

}  // namespace

TEST_CASE("CSV: plain rows with field lines and code-point columns") {
  std::vector<CsvRow> rows = MustParse("project,indicator,value\n项目甲,数量,4台\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].fields == Fields{"project", "indicator", "value"});
  CHECK(rows[1].fields == Fields{"项目甲", "数量", "4台"});
  CHECK(rows[1].line == 2);
  CHECK(rows[1].lines == std::vector<int>{2, 2, 2});
  CHECK(rows[1].columns == std::vector<int>{1, 5, 8});
}

TEST_CASE("CSV: quoted fields hold commas, doubled quotes and line breaks") {
  std::vector<CsvRow> rows =
      MustParse("a,\"1,165,200元\",\"say \"\"hi\"\"\",\"line one\r\nline two\"\nnext,x,y,z");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].fields == Fields{"a", "1,165,200元", "say \"hi\"", "line one\nline two"});
  CHECK(rows[0].columns == std::vector<int>{1, 3, 16, 29});
  CHECK(rows[0].quoted == std::vector<bool>{false, true, true, true});
  CHECK(rows[1].line == 3);
  CHECK(rows[1].quoted == std::vector<bool>{false, false, false, false});
  CHECK(rows[1].fields == Fields{"next", "x", "y", "z"});
}

TEST_CASE("CSV: a field after a multi-line field is located on its own line") {
  std::vector<CsvRow> rows = MustParse("a,\"x\ny\",z\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields == Fields{"a", "x\ny", "z"});
  CHECK(rows[0].lines == std::vector<int>{1, 1, 2});
  CHECK(rows[0].columns == std::vector<int>{1, 3, 4});
}

TEST_CASE("CSV: CRLF, lone CR, empty lines, trailing comma, no final newline") {
  std::vector<CsvRow> rows = MustParse("a,b\r\nc,d\r\n\r\n\ne,\rf");
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].fields == Fields{"a", "b"});
  CHECK(rows[1].fields == Fields{"c", "d"});
  CHECK(rows[2].fields == Fields{"e", ""});
  CHECK(rows[2].line == 5);
  CHECK(rows[3].fields == Fields{"f"});
  CHECK(rows[3].line == 6);
  CHECK(MustParse("").empty());
  CHECK(MustParse("\n\r\n").empty());
  std::vector<CsvRow> quoted_empty = MustParse("\"\",\"\"\n");
  REQUIRE(quoted_empty.size() == 1);
  CHECK(quoted_empty[0].fields == Fields{"", ""});
}

TEST_CASE("CSV: a quote inside an unquoted field is an ordinary character") {
  std::vector<CsvRow> rows = MustParse("5\" screen,x\"y\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields == Fields{"5\" screen", "x\"y"});
  CHECK(rows[0].quoted == std::vector<bool>{false, false});
}

TEST_CASE("CSV: the caller removes a BOM; ParseCsv keeps it in the first field") {
  std::vector<CsvRow> rows = MustParse("\xEF\xBB\xBFproject,x\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields[0] == "\xEF\xBB\xBFproject");
}

TEST_CASE("CSV: an unterminated quote is located at the opening quote") {
  CsvPosition at;
  Parsed<std::vector<CsvRow>> p = ParseCsv("a,b\n项目,\"never closed\nmore\n", &at);
  REQUIRE_FALSE(p.ok());
  CHECK(at.line == 2);
  CHECK(at.column == 4);
  CHECK(p.error().find("never closed") != std::string::npos);
  CHECK(p.error().find("line") == std::string::npos);
  CHECK(p.message().code == 134);

  Parsed<std::vector<CsvRow>> q = ParseCsv("a,b\n项目,\"never closed\nmore\n");
  REQUIRE_FALSE(q.ok());
  CHECK(q.error().rfind("line 2, column 4: ", 0) == 0);
  CHECK(q.message().code == 134);
  ScopedLang zh(Lang::kZh);
  Parsed<std::vector<CsvRow>> r = ParseCsv("a,b\n项目,\"never closed\nmore\n");
  CHECK(r.error() == "第 2 行第 4 列：带引号的字段没有闭合：文件结束前缺少收尾的“\"”"
                     "（字段里的引号要写成两个：\"\"）");
}

TEST_CASE("CSV: text after a closing quote is located where it starts") {
  CsvPosition at;
  Parsed<std::vector<CsvRow>> p = ParseCsv("x\n\"ab\"c,d\n", &at);
  REQUIRE_FALSE(p.ok());
  CHECK(at.line == 2);
  CHECK(at.column == 5);
  CHECK(p.error().find("'c'") != std::string::npos);
  CHECK(p.message().code == 135);
}

TEST_CASE("CSV: a quote left open runs on to a later cell's quote: said at the open quote") {
  // Line 3's note has no closing quote; line 4's quoted note is valid, but
  // its opening quote reads as the end of line 3's field, followed by text.
  const std::string text =
      "项目,指标,实际值,说明\n"
      "P1,全年执行数,\"796,500\",结余上缴\n"
      "P1,运维系统数量,3,\"按合同验收\n"
      "P1,预算单位满意度,96.5%,\"问卷300份, 回收率98%\"\n";
  CsvPosition at;
  Parsed<std::vector<CsvRow>> p = ParseCsv(text, &at);
  REQUIRE_FALSE(p.ok());
  CHECK(at.line == 3);
  CHECK(at.column == 13);
  CHECK(p.message().code == 134);
  CHECK(p.error() ==
        "the field this quote opens is not closed on its line: it runs on to the quote on line "
        "4, column 18, after which comes '问卷300份': most likely a closing '\"' is missing "
        "here; add it (write a quote inside a quoted field as \"\")");
  // Blanks before the later quote: it still opens a cell.
  Parsed<std::vector<CsvRow>> blanks = ParseCsv("a,b\n1,\"x\n2, \"y\"\n", &at);
  REQUIRE_FALSE(blanks.ok());
  CHECK(at.line == 2);
  CHECK(at.column == 3);
  CHECK(blanks.message().code == 134);
  {
    ScopedLang zh(Lang::kZh);
    Parsed<std::vector<CsvRow>> z = ParseCsv(text);
    CHECK(z.error() ==
          "第 3 行第 13 列：这个引号开始的字段在这一行没有收尾的“\"”，一直读到第 4 行第 18 列的引号才结束，"
          "后面又多了“问卷300份”：多半是这里漏写了收尾的“\"”，请补上（字段里的引号要写成两个：\"\"）");
  }

  // A field of several lines whose quote is closed inside a cell, then
  // text: an inner quote not doubled, most likely. Said at the text, as on
  // one line, naming where the field began.
  p = ParseCsv("a,b\n1,\"第一行\n第二行 \"引文\" 完\"\n", &at);
  REQUIRE_FALSE(p.ok());
  CHECK(at.line == 3);
  CHECK(at.column == 6);
  CHECK(p.message().code == 135);
  CHECK(p.error() ==
        "unexpected text '引文\" 完\"' after the closing quote of a field: expected a comma or "
        "the end of the line (the field opens with the quote on line 2, column 3; write a quote "
        "inside a quoted field as \"\")");
  // On one line: as before.
  p = ParseCsv("x\n\"ab\"c,d\n", &at);
  CHECK(p.error() ==
        "unexpected text 'c' after the closing quote of a field: expected a comma or the end of "
        "the line (write a quote inside a quoted field as \"\")");
}

TEST_CASE("CSV: more than kMaxCsvFields fields is an error") {
  std::string text(kMaxCsvFields, ',');
  CsvPosition at;
  Parsed<std::vector<CsvRow>> p = ParseCsv(text, &at);
  REQUIRE_FALSE(p.ok());
  CHECK(at.line == 1);
  CHECK(p.error().find("too large") != std::string::npos);
  CHECK(p.message().code == 131);
  CHECK(ParseCsv(std::string(kMaxCsvFields - 1, ',')).ok());
}

TEST_CASE("CSV: a field longer than the limit is an error at its start") {
  CsvLimits limits;
  limits.max_field_bytes = 5;
  CHECK(ParseCsv("a,b\n12345,\"1\"\"345\"\n", nullptr, limits).ok());  // 5 bytes each, unquoted
  CsvPosition at;
  Parsed<std::vector<CsvRow>> p = ParseCsv("a,b\n项,123456\n", &at, limits);
  REQUIRE_FALSE(p.ok());
  CHECK(at.line == 2);
  CHECK(at.column == 3);
  CHECK(p.error() == "a field of 6 bytes is longer than the limit of 5 bytes (raise it with "
                     "--max-scalar-size)");
  CHECK(p.message().code == 130);
  // Bytes, not characters: 项目 is 6 bytes; a quoted field over lines too.
  CHECK_FALSE(ParseCsv("项目\n", &at, limits).ok());
  CHECK_FALSE(ParseCsv("x\n\"ab\ncd\ne\"\n", &at, limits).ok());
  CHECK(at.line == 2);
  CHECK(at.column == 1);
}

TEST_CASE("CSV: the most fields is a limit the caller sets") {
  CsvLimits limits;
  limits.max_fields = 4;
  CHECK(ParseCsv("a,b\nc,d\n", nullptr, limits).ok());
  CsvPosition at;
  Parsed<std::vector<CsvRow>> p = ParseCsv("a,b\nc,d\ne\n", &at, limits);
  REQUIRE_FALSE(p.ok());
  CHECK(at.line == 3);
  CHECK(p.error() == "more than 4 fields: the file is too large for actuals (raise the limit "
                     "with --max-nodes)");
}

TEST_CASE("CSV writer: quoting") {
  struct Row {
    const char* in;
    const char* out;
  };
  const Row rows[] = {
      {"", ""},
      {"abc", "abc"},
      {"4台", "4台"},
      {"1,165,200元", "\"1,165,200元\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\rhere", "\"cr\rhere\""},
      {" lead", "\" lead\""},
      {"trail ", "\"trail \""},
      {"tab\t", "\"tab\t\""},
      {"in side", "in side"},
      {"-5", "-5"},
      {"=1+2", "=1+2"},
  };
  for (const Row& r : rows) {
    CAPTURE(std::string(r.in));
    CHECK(Field(r.in) == r.out);
  }
  std::string line;
  AppendCsvField("a", &line);
  AppendCsvField("b", &line);
  CHECK(line == "ab");  // appends; the caller writes the separators
}

TEST_CASE("CSV reader: a cell the writer neutralised reads back as it was") {
  for (const char* cell : {"=SUM(A1)", "- 完成: 年底 #1", "+1 项", "@user", "\tx"}) {
    CAPTURE(cell);
    std::vector<CsvRow> rows = MustParse("a\n" + Cell(cell) + "\n");
    REQUIRE(rows.size() == 2);
    UnguardCsvCells(&rows[1]);
    CHECK(rows[1].fields[0] == cell);
  }
  // A quote before anything else, or alone, stays.
  CsvRow row;
  row.fields = {"'abc", "'", "''=x", "-5"};
  UnguardCsvCells(&row);
  CHECK(row.fields == Fields{"'abc", "'", "''=x", "-5"});
}

TEST_CASE("CSV writer: a row is its cells as AppendCsvCell writes them, comma-separated, CRLF") {
  std::string out;
  AppendCsvRow({"T-1", "", "满意度", "≥90%", "=1+1", "a,b"}, &out);
  CHECK(out == "T-1,,满意度,≥90%,'=1+1,\"a,b\"\r\n");
  AppendCsvRow({""}, &out);  // one empty cell: an empty line, appended
  CHECK(out == "T-1,,满意度,≥90%,'=1+1,\"a,b\"\r\n\r\n");
}

TEST_CASE("CSV writer: formula neutralisation") {
  struct Row {
    const char* in;
    const char* out;
  };
  const Row rows[] = {
      {"=SUM(A1:A3)", "'=SUM(A1:A3)"},
      {"+1+2", "'+1+2"},
      {"-1+2", "'-1+2"},
      {"@cmd", "'@cmd"},
      {"\tx", "'\tx"},
      {"\rx", "\"'\rx\""},
      {"=a,b", "\"'=a,b\""},
      {"-", "'-"},
      {"-5%", "'-5%"},
      {"-5", "-5"},
      {"+3.2", "+3.2"},
      {"-0.25", "-0.25"},
      {"12", "12"},
      {"达成", "达成"},
      {"", ""},
      {"a=b", "a=b"},
  };
  for (const Row& r : rows) {
    CAPTURE(std::string(r.in));
    CHECK(Cell(r.in) == r.out);
  }
}

TEST_CASE("CSV writer output parses back to the same fields") {
  const Fields fields = {"plain", "", "a,b", "q\"q", "multi\nline", " sp ", "项目,甲"};
  std::string text;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) text += ',';
    AppendCsvField(fields[i], &text);
  }
  text += "\r\n";
  std::vector<CsvRow> rows = MustParse(text);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields == fields);
}

}  // namespace jixiao

namespace jixiao {

TEST_CASE("CSV: ForEachCsvRow delivers ParseCsv's rows one at a time, and stops when told") {
  const std::string text = "a,b\n\n\"x,1\",2\r\n项目,\"多\n行\"\n";
  Parsed<std::vector<CsvRow>> all = ParseCsv(text);
  REQUIRE(all.ok());
  std::vector<CsvRow> seen;
  Parsed<size_t> n = ForEachCsvRow(text, [&](CsvRow&& row) {
    seen.push_back(std::move(row));
    return true;
  });
  REQUIRE(n.ok());
  CHECK(n.value() == 3);
  REQUIRE(seen.size() == all.value().size());
  for (size_t i = 0; i < seen.size(); ++i) {
    CHECK(seen[i].fields == all.value()[i].fields);
    CHECK(seen[i].line == all.value()[i].line);
    CHECK(seen[i].columns == all.value()[i].columns);
  }
  size_t calls = 0;
  CHECK(ForEachCsvRow(text, [&](CsvRow&&) { return ++calls < 2; }).value() == 2);
  CHECK(calls == 2);
  // Rows before a syntax error are delivered; the error is located.
  CsvPosition at;
  std::vector<std::string> firsts;
  Parsed<size_t> bad = ForEachCsvRow("a,b\nc,d\ne,\"open\n", [&](CsvRow&& row) {
    firsts.push_back(row.fields[0]);
    return true;
  }, &at);
  CHECK_FALSE(bad.ok());
  CHECK(firsts == std::vector<std::string>{"a", "c"});
  CHECK(at.line == 3);
  CHECK(at.column == 3);
}

}  // namespace jixiao
