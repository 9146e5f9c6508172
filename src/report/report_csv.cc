// The CSV report (docs/reference.md §6): one row per indicator for spreadsheets and
// pipelines, with each project's budget execution line and total as rows of
// their own kinds. See docs/formats.md for the columns.
//
// RFC 4180: comma-separated, CRLF line ends, fields quoted as needed. UTF-8
// with a byte order mark unless ReportContext::csv_bom is false, so that
// Excel reads the Chinese text as UTF-8. Text cells that a spreadsheet would
// run as a formula are neutralised (AppendCsvCell); control characters are
// dropped (PrintableText). Streams: each project's
// rows are written as the project is reported. A run with input errors ends
// with an `error` row for each, its code in `code`.
//
// Column names and the values of `row`, `status`, `deviation` and `complies`
// are machine words, the same in every language (like JSON keys and enums),
// so that a script reads any run; the names of the budget and total rows
// and the error messages follow --lang.
#include <fmt/format.h>

#include "base/csv.h"
#include "report/report.h"
#include "report/report_common.h"

namespace jixiao {

namespace {

// The columns, in order. Names are stable (like JSON keys) whatever --lang;
// new columns are added at the end.
constexpr const char* kColumns[] = {
    "row",    "id",    "project", "department", "level1", "level2", "name",     "target", "actual",
    "weight", "score", "status",  "deviation",  "note",   "rate",   "grade",    "complies", "code",
};

class CsvReporter : public Reporter {
 public:
  explicit CsvReporter(const ReportContext& ctx) : ctx_(ctx), l_(ReportLabels::Current()) {}

  void Begin(std::ostream& out) override {
    out << CsvReportRow::Header(kColumns, ctx_.csv_bom);
  }

  void Project(const ProjectScore& s, bool complies, std::ostream& out) override {
    std::string o;
    Format(s, complies, &o);
    out << o;
  }

  bool FormatsAhead() const override { return true; }

  void Format(const ProjectScore& s, bool complies, std::string* out) const override {
    const jixiao::Project& p = s.project;
    std::string& o = *out;
    for (const IndicatorScore& is : s.indicators) {
      const Indicator& ind = p.indicators[is.index];
      CsvReportRow r = ProjectRow("indicator", s, complies);
      r.Set("level1", ind.level1);
      r.Set("level2", ind.level2);
      r.Set("name", ind.name);
      r.Set("target", ind.target_text);
      r.Set("actual", is.actual_text);
      r.Set("weight", is.weight.FormatFixed(2));
      r.Set("score", is.score.FormatFixed(2));
      r.Set("status", StatusName(is.status));
      r.Set("deviation", DeviationKindName(is.deviation));
      r.Set("note", is.note);
      r.AppendTo(&o);
    }
    CsvReportRow budget = ProjectRow("budget", s, complies);
    budget.Set("name", std::string(l_.budget_execution));
    budget.Set("target", AmountText(s.budget) + p.unit);  // the adjusted budget when given
    budget.Set("actual", AmountText(s.spent) + p.unit);
    budget.Set("weight", s.budget_weight.FormatFixed(2));
    budget.Set("score", s.budget_score.FormatFixed(2));
    budget.Set("deviation", s.low_execution ? DeviationKindName(DeviationKind::kLowExecution) : "");
    budget.Set("note", s.note);
    budget.Set("rate", s.rate.FormatFixed(4));
    budget.AppendTo(&o);
    CsvReportRow total = ProjectRow("project", s, complies);
    total.Set("name", std::string(l_.project_total));
    total.Set("weight", "100.00");
    total.Set("score", s.total_rounded.FormatFixed(2));
    total.AppendTo(&o);
  }

  // A run that ended with errors says so: an `error` row each, its
  // location in `name`, its message in `note`, its code in `code`.
  void End(const RunSummary& /*summary*/, const Diagnostics& diags, std::ostream& out) override {
    if (!diags.has_errors()) return;
    std::string o;
    for (const Diagnostic& d : diags.all()) {
      if (d.severity != Severity::kError) continue;
      CsvReportRow r(kColumns);
      r.Set("row", "error");
      r.Set("name", FormatLocation(d.loc));
      r.Set("note", d.message);
      r.Set("code", FormatCode(d.code));
      r.AppendTo(&o);
      if (o.size() >= 64 * 1024) {
        out << o;
        o.clear();
      }
    }
    out << o;
  }

 private:
  // A row of `kind` with the columns every row of project `s` repeats.
  static CsvReportRow ProjectRow(const char* kind, const ProjectScore& s, bool complies) {
    CsvReportRow r(kColumns);
    r.Set("row", kind);
    r.Set("id", s.project.id);
    r.Set("project", s.project.project);
    r.Set("department", DepartmentText(s.project));
    r.Set("grade", s.grade);
    r.Set("complies", complies ? "true" : "false");
    return r;
  }

  ReportContext ctx_;
  const ReportLabels l_;
};

}  // namespace

std::unique_ptr<Reporter> MakeCsvReporter(const ReportContext& ctx) {
  return std::make_unique<CsvReporter>(ctx);
}

}  // namespace jixiao
