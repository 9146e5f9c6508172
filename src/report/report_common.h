// What the csv, markdown, junit and github reports share: labels in the
// run's language, figures shown the same way everywhere, and the text
// escapes of Markdown, HTML and XML.
#ifndef JIXIAO_REPORT_REPORT_COMMON_H_
#define JIXIAO_REPORT_REPORT_COMMON_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/messages.h"

#include "base/exact.h"
#include "model/model.h"
#include "score/score.h"

namespace jixiao {

// The labels of the reports in the run's language (base/lang.h), looked up
// once: a reporter keeps a ReportLabels made when it is built, and its
// views point into the catalogue (messages.h), valid for the whole process.
struct ReportLabels {
  std::string_view title;           // heading of a whole report
  std::string_view project;
  std::string_view id;
  std::string_view department;
  std::string_view score;
  std::string_view grade;
  std::string_view met;
  std::string_view unmet;
  std::string_view not_applicable;
  std::string_view complies;
  std::string_view yes;
  std::string_view no;
  std::string_view level1;
  std::string_view level2;
  std::string_view indicator;
  std::string_view target;          // 指标值
  std::string_view actual;          // 实际完成值
  std::string_view weight;          // 分值
  std::string_view status;
  std::string_view deviation;
  std::string_view note;            // 偏差原因分析
  std::string_view budget;          // 全年预算数
  std::string_view spent;           // 全年执行数
  std::string_view rate;            // 预算执行率
  std::string_view budget_score;    // the budget execution line's score
  std::string_view budget_execution;  // the name of the budget execution line
  std::string_view project_total;   // the name of a project's total line
  std::string_view total;           // a project's total score
  std::string_view over_achieved;
  std::string_view cost_under_run;
  std::string_view low_execution;
  std::string_view errors;
  std::string_view warnings;
  std::string_view details;
  std::string_view input_errors;
  // The year summary's tables.
  std::string_view project_count;
  std::string_view comply_count;
  std::string_view mean;
  std::string_view median;
  std::string_view unmet_indicators;
  std::string_view grade_counts;
  std::string_view indicator_count;
  std::string_view attainment;
  std::string_view lowest;

  // The labels in the current language.
  static ReportLabels Current();
};

// The stable machine name of a deviation: "unmet", "over_achieved",
// "cost_under_run", "low_execution"; "" for none (as in the JSON report).
const char* DeviationKindName(DeviationKind k);

// The label of a status or a deviation ("" for none).
std::string_view StatusLabel(Status s, const ReportLabels& l);
std::string_view DeviationLabel(DeviationKind k, const ReportLabels& l);

// `n` counted in the current language: the catalogue's text `one` when n is
// 1, else `many` ("1 error", "2 errors"; "错误 2 个"), with n for {0}.
std::string Counted(size_t n, MsgId one, MsgId many);

// "[JX0301]" for a diagnostic with a code, "" for one without.
std::string CodeTag(const Diagnostic& d);

// An amount exact, with at least two decimals: 6 -> "6.00", 5.865 -> "5.865".
std::string AmountText(const Rational& r);

// "code name" of the project's department, trimmed; "" when neither is given.
std::string DepartmentText(const Project& p);
// A department of a summary table: "362303 天津市…", or "未注明部门" for the
// projects that name none.
std::string DepartmentLabel(const std::string& code, const std::string& name);

// The summary line of a run in the current language ("共 5 个项目，合规 3 个；
// 错误 0 个，警告 0 个"). `errors` and `warnings` are the diagnostics counts.
std::string RunSummaryLine(size_t projects, size_t complies, size_t errors, size_t warnings);
// The same with the count of each grade: "共 5 个项目，合规 3 个；等级：优 5，良 0；
// 错误 0 个，警告 0 个"; each of `grades` is written as given.
std::string RunSummaryLine(size_t projects, size_t complies, const std::vector<std::string>& grades,
                           size_t errors, size_t warnings);

// `s` without the characters no report writes — C0 controls other than tab,
// LF and CR, DEL, C1 controls (U+0080..U+009F), U+FFFE and U+FFFF — and with
// invalid UTF-8 replaced by U+FFFD. The escapes below drop the same
// characters.
std::string PrintableText(std::string_view s);
// PrintableText(s) appended to *out.
void AppendPrintableText(std::string_view s, std::string* out);

// Rows of a text report's table, each cell padded to its column's display
// width, lines ending without spaces; the first row is the header, dimmed
// when `color`.
std::string AlignedRows(const std::vector<std::vector<std::string>>& rows, bool color);

// One row of a CSV report (eval's, monitor's) under construction. Its
// columns are the report's, in order, with names that stay the same whatever
// --lang; cells are given by column name, so that a row kind fills only the
// columns it has.
class CsvReportRow {
 public:
  template <size_t N>
  explicit CsvReportRow(const char* const (&columns)[N]) : columns_(columns), cells_(N) {}

  // Sets the cell of `column` (one of the columns).
  void Set(std::string_view column, std::string value);
  // Appends the row, its cells made printable and quoted as CSV needs,
  // and a CRLF line end.
  void AppendTo(std::string* out) const;

  // The header row of `columns`, after a UTF-8 byte order mark when `bom`
  // (--csv-no-bom clears it).
  template <size_t N>
  static std::string Header(const char* const (&columns)[N], bool bom) {
    return Header(columns, N, bom);
  }

 private:
  static std::string Header(const char* const* columns, size_t count, bool bom);
  const char* const* columns_;
  std::vector<std::string> cells_;
};

// `s` as literal text of a Markdown table cell or list item: \ ` * _ [ ] ~ |
// are backslash-escaped, & < > become entities, each line break (LF, CR,
// CRLF) becomes <br>, a tab a space, what PrintableText drops is dropped,
// invalid UTF-8 becomes U+FFFD, and '@' is followed by a
// zero-width space so that no text can mention (notify) a user or group.
std::string MarkdownText(std::string_view s);

// `s` as literal text inside an HTML element of a page: & < > " as
// entities, line breaks and tabs as spaces, everything else as written.
std::string HtmlText(std::string_view s);
// HtmlText inside a markdown comment (a <summary>): '@' is also followed by
// a zero-width space, as in MarkdownText, so that it mentions nobody.
std::string MarkdownHtmlText(std::string_view s);

// `s` as XML 1.0 text: & < > " ' as entities; CR as &#13; and, in an
// attribute value (`attribute`), tab and LF as &#9; and &#10; too, so that
// they survive attribute value normalisation; what PrintableText drops
// (which covers every character XML 1.0 forbids) dropped; invalid UTF-8
// replaced by U+FFFD.
std::string XmlText(std::string_view s, bool attribute);

// `s` on one line: line breaks and tabs become spaces, the other characters
// no report writes (PrintableText) are dropped, so that a multi-line note
// cannot break a table nor text act on a terminal.
std::string OneLine(std::string_view s);
// True when OneLine(s) is `s` as it is: it holds no control character.
bool IsOneLine(std::string_view s);

// A GitHub Actions workflow command, "::TYPE file=…,line=…,col=…,title=…::message\n",
// with as much of the location as is known, its message and properties escaped.
std::string GithubCommand(const char* type, const Location& loc, std::string_view title,
                          std::string_view message);

// --show-work (eval). A figure of the arithmetic: as a decimal when exact
// ("0.95", "2.675"), else 4 decimals and the fraction ("0.9778（精确值 44/45）").
std::string WorkFigure(const Rational& r);
// The arithmetic behind indicator `i` of `s` (its weight, ratio and score,
// one line each, in the run's language); none when `s.work` is null.
std::vector<std::string> IndicatorWorkLines(const ProjectScore& s, size_t i);
// The budget's: rate = spent / budget, score = min(rate, 1) x weight.
std::string BudgetWorkLine(const ProjectScore& s);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_REPORT_COMMON_H_
