// The CSV report of `jixiao monitor`: one row per indicator, then each
// project's budget row and its own row, for spreadsheets and pipelines. As
// eval's (report_csv.cc): RFC 4180, CRLF, a UTF-8 byte order mark unless
// --csv-no-bom, cells a spreadsheet would run as a formula neutralised,
// streamed project by project, and an `error` row for each input error.
// Column names and the values of basis, light, likelihood and reasons are
// stable whatever --lang; the figures are in the run's language.
#include <fmt/format.h>

#include "base/csv.h"
#include "base/messages.h"
#include "report/monitor_common.h"
#include "report/monitor_report.h"
#include "report/report_common.h"

namespace jixiao {

namespace {

constexpr const char* kColumns[] = {
    "row",    "id",    "project", "department", "level1",     "level2",  "name",    "target",
    "value",  "forecast", "basis", "ratio",     "light",      "likelihood", "reasons", "figures",
    "note",   "code",
};

class MonitorCsvReporter : public MonitorReporter {
 public:
  explicit MonitorCsvReporter(const MonitorReportContext& ctx) : ctx_(ctx) {}

  void Begin(const MonitorRun* run, std::ostream& out) override {
    if (run != nullptr) run_ = *run;
    out << CsvReportRow::Header(kColumns, ctx_.report.csv_bom);
  }

  void Project(const ProjectMonitor& m, std::ostream& out) override {
    std::string o;
    Format(m, &o);
    out << o;
  }

  bool FormatsAhead() const override { return true; }

  void Format(const ProjectMonitor& m, std::string* out) const override {
    const jixiao::Project& p = m.project;
    std::string& o = *out;
    for (const IndicatorMonitor& im : m.indicators) {
      const Indicator& ind = p.indicators[im.index];
      CsvReportRow r = ProjectRow("indicator", m);
      r.Set("level1", ind.level1);
      r.Set("level2", ind.level2);
      r.Set("name", ind.name);
      r.Set("target", ind.target_text);
      r.Set("value", im.value_text);
      r.Set("forecast", im.forecast_text);
      if (!im.not_applicable) {
        r.Set("basis", BasisKey(im.basis));
        r.Set("ratio", im.ratio.FormatFixed(4));
        r.Set("light", LightKey(im.light));
        r.Set("figures", FiguresText(im, run_, ctx_.report.rules->reverse));
      }
      if (im.likelihood) r.Set("likelihood", LikelihoodKey(*im.likelihood));
      r.Set("reasons", ReasonKeys(im.reasons, ";"));
      r.Set("note", im.note);
      r.AppendTo(&o);
    }
    CsvReportRow budget = ProjectRow("budget", m);
    budget.Set("name", Tr(MsgId::kMonLabelBudget));
    budget.Set("target", AmountText(m.budget) + p.unit);
    budget.Set("value", AmountText(m.spent) + p.unit);
    if (m.forecast_spent) budget.Set("forecast", AmountText(*m.forecast_spent) + p.unit);
    budget.Set("basis", "pace");
    budget.Set("ratio", m.pace.FormatFixed(4));
    budget.Set("light", LightKey(m.budget_light));
    budget.Set("figures", BudgetFiguresFlagged(m, run_, ctx_.report.rules->monitor));
    budget.Set("note", m.note);
    budget.AppendTo(&o);
    CsvReportRow total = ProjectRow("project", m);
    total.Set("name", Tr(MsgId::kMonLabelProject));
    total.Set("light", LightKey(m.light));
    total.AppendTo(&o);
  }

  // A run that ended with errors says so: an `error` row each, its
  // location in `name`, its message in `note`, its code in `code`.
  void End(const MonitorSummary& /*summary*/, const Diagnostics& diags,
           std::ostream& out) override {
    if (!diags.has_errors()) return;
    std::string o;
    for (const Diagnostic& d : diags.all()) {
      if (d.severity != Severity::kError) continue;
      CsvReportRow r(kColumns);
      r.Set("row", "error");
      r.Set("name", FormatLocation(d.loc));
      r.Set("note", d.message);
      if (d.code != 0) r.Set("code", FormatCode(d.code));
      r.AppendTo(&o);
      if (o.size() >= 64 * 1024) {
        out << o;
        o.clear();
      }
    }
    out << o;
  }

 private:
  static CsvReportRow ProjectRow(const char* kind, const ProjectMonitor& m) {
    CsvReportRow r(kColumns);
    r.Set("row", kind);
    r.Set("id", m.project.id);
    r.Set("project", m.project.project);
    r.Set("department", DepartmentText(m.project));
    return r;
  }

  MonitorReportContext ctx_;
  MonitorRun run_;
};

}  // namespace

std::unique_ptr<MonitorReporter> MakeMonitorCsvReporter(const MonitorReportContext& ctx) {
  return std::make_unique<MonitorCsvReporter>(ctx);
}

}  // namespace jixiao
