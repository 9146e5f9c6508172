// The xlsx report's naming rules (report_xlsx.cc), for its tests.
#ifndef JIXIAO_REPORT_REPORT_XLSX_H_
#define JIXIAO_REPORT_REPORT_XLSX_H_

#include <set>
#include <string>
#include <string_view>

namespace jixiao {

// A sheet name Excel accepts for `wanted` (a project id): at most 31
// characters (UTF-16 units, as Excel counts), none of []:*?/\ (each becomes
// '_'), no line breaks, no apostrophe first or last, not "History"; made
// unique among `used` (compared as Excel does, ignoring ASCII case) with a
// suffix ~2, ~3 ...; recorded in `used`.
std::string ExcelSheetName(std::string_view wanted, std::set<std::string>* used);

// A file name for a workbook (without .xlsx) from `wanted` (a department's
// code and name) that every system takes: none of /\:*?"<>| (each becomes
// '_'), no control character, no leading dot or blank, at most 200 bytes;
// made unique among `used` (ignoring ASCII case) with " (2)", " (3)" ...;
// recorded in `used`.
std::string WorkbookFileName(std::string_view wanted, std::set<std::string>* used);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_REPORT_XLSX_H_
