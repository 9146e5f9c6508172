// The names the xlsx report gives its sheets and workbooks
// (docs/reference.md §8): valid for Excel and for every file system, unique.
#include "report/xlsx_workbook.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

namespace jixiao {

TEST_CASE("QuotedSheetName: always quoted, an inner quote doubled") {
  CHECK(QuotedSheetName("TJ2024") == "'TJ2024'");      // a cell reference when bare
  CHECK(QuotedSheetName("12010024") == "'12010024'");  // a leading digit
  CHECK(QuotedSheetName("汇总") == "'汇总'");
  CHECK(QuotedSheetName("it's") == "'it''s'");
  CHECK(QuotedSheetName("''") == "''''''");  // two quotes: each doubled, then quoted
}

TEST_CASE("ExcelSheetName: Excel's forbidden characters become '_'") {
  std::set<std::string> used;
  CHECK(ExcelSheetName("a/b:c*d?e[f]g\\h", &used) == "a_b_c_d_e_f_g_h");
  CHECK(ExcelSheetName("TJ-362303-2024-01", &used) == "TJ-362303-2024-01");
  // Control characters (a tab, a line break) are dropped, blanks trimmed.
  CHECK(ExcelSheetName(" P\t-\n1 ", &used) == "P-1");
}

TEST_CASE("ExcelSheetName: at most 31 UTF-16 units, cut at a character") {
  std::set<std::string> used;
  // 40 CJK characters (one unit each) keep 31.
  std::string id;
  for (int k = 0; k < 40; ++k) id += "项";
  std::string name = ExcelSheetName(id, &used);
  CHECK(name.size() == 31 * 3);
  // A character outside the BMP counts two units: 15 of them (30) and one
  // more would be 32, so 15 stay and the 16th goes whole.
  std::string wide;
  for (int k = 0; k < 16; ++k) wide += "\U00020000";
  CHECK(ExcelSheetName(wide, &used).size() == 15 * 4);
}

TEST_CASE("ExcelSheetName: unique as Excel compares (ASCII case), ~2 within 31") {
  std::set<std::string> used;
  CHECK(ExcelSheetName("汇总", &used) == "汇总");
  CHECK(ExcelSheetName("汇总", &used) == "汇总~2");
  CHECK(ExcelSheetName("P-1", &used) == "P-1");
  CHECK(ExcelSheetName("p-1", &used) == "p-1~2");
  CHECK(ExcelSheetName("P-1", &used) == "P-1~3");
  // A suffix on a name of 31 units shortens the name: 29 + "~2" = 31.
  std::string id(31, 'x');
  CHECK(ExcelSheetName(id, &used) == id);
  CHECK(ExcelSheetName(id, &used) == std::string(29, 'x') + "~2");
}

TEST_CASE("ExcelSheetName: no apostrophe at either end, not History, never empty") {
  std::set<std::string> used;
  CHECK(ExcelSheetName("'引号'", &used) == "_引号_");
  CHECK(ExcelSheetName("History", &used) == "History_");
  CHECK(ExcelSheetName("", &used) == "_");
  CHECK(ExcelSheetName("\x01", &used) == "_~2");
}

TEST_CASE("WorkbookFileName: a file name every system takes, unique") {
  std::set<std::string> used;
  CHECK(WorkbookFileName("362303 天津市生态环境保护综合行政执法总队", &used) ==
        "362303 天津市生态环境保护综合行政执法总队");
  CHECK(WorkbookFileName("a/b\\c:d*e?f\"g<h>i|j", &used) == "a_b_c_d_e_f_g_h_i_j");
  CHECK(WorkbookFileName("..hidden. ", &used) == "hidden");
  CHECK(WorkbookFileName("..", &used) == "_");
  // Unique ignoring ASCII case: " (2)", " (3)".
  CHECK(WorkbookFileName("Dept", &used) == "Dept");
  CHECK(WorkbookFileName("DEPT", &used) == "DEPT (2)");
  CHECK(WorkbookFileName("dept", &used) == "dept (3)");
  // At most 200 bytes, cut at a character (3 bytes each: 66 fit).
  std::string long_name;
  for (int k = 0; k < 100; ++k) long_name += "部";
  CHECK(WorkbookFileName(long_name, &used).size() == 66 * 3);
}

}  // namespace jixiao
