// What the xlsx reports share (eval's 自评表 workbook, report_xlsx.cc, and
// monitor's 监控表 workbook, monitor_xlsx.cc; docs/reference.md §8): valid
// sheet and file names, a libxlsxwriter workbook with its formats, a form
// grid (form_grid.h) drawn on a sheet with the paper form's print
// setup, the 汇总 sheet's frame and diagnostics, and FormWorkbooks, which
// decides where the forms go: one workbook (-f xlsx=FILE, at most
// ReportContext::max_sheets forms) or a directory (-f xlsx=DIR/: 汇总.xlsx
// and one workbook per department).
#ifndef JIXIAO_REPORT_XLSX_WORKBOOK_H_
#define JIXIAO_REPORT_XLSX_WORKBOOK_H_

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <xlsxwriter.h>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "base/record_store.h"
#include "report/report.h"
#include "report/form_grid.h"

namespace jixiao {

// A sheet name Excel accepts for `wanted` (a project id): at most 31
// characters (UTF-16 units, as Excel counts), none of []:*?/\ (each becomes
// '_'), no line breaks, no apostrophe first or last, not "History"; made
// unique among `used` (compared as Excel does, ignoring ASCII case) with a
// suffix ~2, ~3 ...; recorded in `used`.
std::string ExcelSheetName(std::string_view wanted, std::set<std::string>* used);

// `name` as a formula or defined name refers to its sheet: in single quotes,
// an inner quote doubled ("it's" -> "'it''s'"). Always quoted: a bare name
// that looks like a cell reference ("TJ2024") or starts with a digit is read
// by Excel as something else.
std::string QuotedSheetName(std::string_view name);

// A file name for a workbook (without .xlsx) from `wanted` (a department's
// code and name) that every system takes: none of /\:*?"<>| (each becomes
// '_'), no control character, no leading dot or blank, at most 200 bytes;
// made unique among `used` (ignoring ASCII case) with " (2)", " (3)" ...;
// recorded in `used`.
std::string WorkbookFileName(std::string_view wanted, std::set<std::string>* used);

// Excel's last row (1,048,576 rows; 0-based here).
inline constexpr uint32_t kXlsxMaxRows = 1048576;

// How a number is written: none (text), 0.00, 0.00%, a whole number.
enum class Num : uint8_t { kNone, kFixed2, kPercent2, kInteger };

// A libxlsxwriter workbook with its formats and the sheet names it used.
class Workbook {
 public:
  // `font`: the font of every cell ("" for Excel's default).
  Workbook(const std::string& file, bool constant_memory, std::string font);
  ~Workbook();
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  bool ok() const { return wb_ != nullptr; }

  // A new sheet named after `wanted`, made valid and unique; nullptr when
  // libxlsxwriter cannot add it.
  lxw_worksheet* AddSheet(std::string_view wanted);

  // The format of a cell of `style` (FormStyle bits: bold, centred, wrapped,
  // a title, filled with a light's colour) showing `num`, with a thin
  // border or none.
  // `places`: the decimals of kFixed2 (2 to 15).
  lxw_format* Format(uint8_t style, Num num, bool border, int places = 2);

  // Writes the file and frees the workbook; "" or why it failed. Safe on
  // several threads at once (see gmtime in xlsx_workbook.cc).
  std::string Close();

 private:
  lxw_workbook* wb_ = nullptr;
  std::string font_;
  std::set<std::string> used_;  // sheet names, as Excel compares them
  std::map<unsigned, lxw_format*> formats_;
};

// Writes `text` (made a cell's text: what no report writes dropped, cut to
// Excel's limit) at (row, col); a blank cell for "".
void WriteString(lxw_worksheet* ws, uint32_t row, uint16_t col, std::string_view text,
                 lxw_format* f);

// Draws `g` on `ws`, with the print setup of the paper form: A4 (portrait,
// or landscape for a grid whose `landscape` is set), one page wide, the
// header rows repeated on every page.
void WriteForm(Workbook* book, lxw_worksheet* ws, const FormGrid& g);

// The frame of a 汇总 sheet: its columns' widths and header row (bold,
// wrapped, bordered), the header row and the first two columns frozen,
// printed on A4 landscape one page wide with the header on every page, and
// an autofilter on the header row, which ExtendSummaryFilter extends over
// the project rows once they are written.
void SetUpSummarySheet(Workbook* book, lxw_worksheet* ws, const std::vector<std::string>& headers,
                       const std::vector<double>& widths);

// Extends the autofilter SetUpSummarySheet set over rows 1 to `last_row`.
// (In a constant_memory workbook, as the 汇总 of a directory is,
// libxlsxwriter refuses an autofilter over rows already written out; the
// filter is only written when the workbook closes, so the range set on the
// header row is widened in place.)
void ExtendSummaryFilter(lxw_worksheet* ws, lxw_row_t last_row);

// The run's errors and warnings at *row (advanced past them), after a
// blank row: "none" (kSumNoDiagnostics), or a title (`errors_title`, given
// the count of errors, when there are errors), a header, then one row each
// (severity, code, file:line:column, message), at most 100,000 and within
// Excel's rows.
void WriteSummaryDiagnostics(Workbook* book, lxw_worksheet* ws, uint32_t* row,
                             const Diagnostics& diags, MsgId errors_title);

// An amount `v` in `unit` (a project's) in 万元, as the 汇总 sheets add them
// up; `v` itself when `unit` is not an amount of money.
Rational InWan(const Rational& v, const std::string& unit);

// Where a report's forms go, and the writing of them (docs/reference.md §8).
//
// -f xlsx=FILE: one workbook, the 汇总 sheet then the forms, held in memory
// until End (libxlsxwriter keeps every cell until it closes a workbook; its
// constant_memory mode drops cells of merged ranges that span rows, so no
// form sheet uses it). Past ctx.max_sheets forms the workbook is dropped at
// once and End fails with JX0791.
// -f xlsx=DIR/: DIR/汇总.xlsx holds the 汇总 sheet (constant_memory: rows
// are written in order and it merges nothing), and each department's forms
// go into a workbook of their own (in parts of max_sheets). The forms are
// kept as records (a RecordStore: memory that does not grow with the year)
// and the departments' workbooks written at End, up to ctx.jobs at a time.
class FormWorkbooks {
 public:
  explicit FormWorkbooks(const ReportContext& ctx);
  ~FormWorkbooks();

  // Opens the summary workbook with its first sheet, `summary_sheet`;
  // nullptr (and failure() set) when it cannot.
  lxw_worksheet* Begin(const std::string& summary_sheet);

  // Called once per project before anything of it is written: whether it
  // is to be (false after a failure, and once one workbook would hold more
  // than max_sheets forms — it is dropped then).
  bool Accept();

  // The project's form `grid`, on a sheet named after `id`, for the
  // department `department` ("code name", "" none).
  void AddForm(const std::string& id, const std::string& department, const FormGrid& grid);

  // The summary workbook, for sheets of its own (valid between a Begin
  // that succeeded and End).
  Workbook* summary_book() { return summary_book_.get(); }

  // Closes the summary workbook, then writes the departments' workbooks.
  void End();

  // Why the workbooks could not be written (JX0791, JX0793), or an empty text.
  const Message& failure() const { return failure_; }
  // After an End that wrote a directory's workbooks: the other workbooks
  // (*.xlsx) found in the directory, which this run did not write
  // (JX0794), or an empty text.
  const Message& warning() const { return warning_; }
  // Whether nothing has failed and no form was dropped: the 汇总 sheet may
  // be finished.
  bool writing() const { return failure_.text.empty() && !too_many_ && summary_book_; }

 private:
  struct Department {
    std::string name;               // "code name": the workbook's file name before it is made safe
    std::vector<uint32_t> records;  // in the RecordStore, in input order
  };
  struct Book {
    std::string file;  // the destination
    const std::vector<uint32_t>* records;
    size_t begin, end;
  };
  std::string Font() const;
  std::string SummaryPath() const;
  void WriteDepartments();
  void FindOtherWorkbooks();
  std::string WriteBook(const std::string& file, const Book& b);

  ReportContext ctx_;
  bool directory_;
  std::string dir_;  // directory_: the directory, ending in '/'
  std::unique_ptr<NamedOutput> summary_out_;
  std::unique_ptr<Workbook> summary_book_;
  size_t projects_ = 0;
  bool too_many_ = false;
  Message failure_;
  Message warning_;
  std::set<std::string> written_;  // directory_: the workbooks' file names
  RecordStore forms_;
  std::vector<Department> departments_;
  std::map<std::string, size_t> department_index_;
};

}  // namespace jixiao

#endif  // JIXIAO_REPORT_XLSX_WORKBOOK_H_
