// The JUnit XML report of `jixiao monitor`: one <testsuite> per monitored
// project (name = project name) with a test case for its budget execution
// and one per indicator (classname = project id); a red light is a
// <failure>, a yellow one passes with its figures in <system-out>, a 不适用
// indicator is <skipped>. Input errors form a last suite, as in eval's
// report (report_junit.cc). Streams: each suite is written as its project
// is reported.
#include <fmt/format.h>

#include "base/messages.h"
#include "report/diagnostic_format.h"
#include "report/monitor_common.h"
#include "report/monitor_report.h"
#include "report/report_common.h"

namespace jixiao {

namespace {

std::string Attr(std::string_view s) { return XmlText(s, true); }
std::string Text(std::string_view s) { return XmlText(s, false); }

class MonitorJunitReporter : public MonitorReporter {
 public:
  explicit MonitorJunitReporter(const MonitorReportContext& ctx) : ctx_(ctx) {}

  void Begin(const MonitorRun* run, std::ostream& out) override {
    if (run != nullptr) run_ = *run;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"jixiao monitor\">\n";
  }

  void Project(const ProjectMonitor& m, std::ostream& out) override {
    const jixiao::Project& p = m.project;
    const int red = m.lights[2] + (m.budget_light == Light::kRed ? 1 : 0);
    std::string o = fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" "
        "file=\"{}\">\n",
        Attr(p.project), m.indicators.size() + 1, red, m.not_applicable, Attr(p.loc.file));
    o += "    <properties>\n";
    auto property = [&](std::string_view name, std::string_view value) {
      o += fmt::format("      <property name=\"{}\" value=\"{}\"/>\n", Attr(name), Attr(value));
    };
    property("id", p.id);
    property("department", DepartmentText(p));
    property("light", LightKey(m.light));
    property("as_of", FormatDate(run_.as_of.date));
    property("time_progress", run_.progress.value.FormatFixed(4));
    property("budget_rate", m.rate.FormatFixed(4));
    property("budget_pace", m.pace.FormatFixed(4));
    if (m.forecast_spent) property("forecast_spent", m.forecast_spent->ToDecimalString());
    property("forecast_deviation", m.forecast_spent_low ? "true" : "false");
    o += "    </properties>\n";
    o += Case(p.id, Tr(MsgId::kMonLabelBudget), m.actuals_loc.file, m.budget_light, false,
              BudgetFiguresFlagged(m, run_, ctx_.report.rules->monitor), m.note, "",
              m.forecast_spent_low);  // a green budget with its flag says so
    for (const IndicatorMonitor& im : m.indicators) {
      const Indicator& ind = p.indicators[im.index];
      std::string body = fmt::format("{}: {} / {} / {}\n{}: {}\n", Tr(MsgId::kMonLabelIndicator),
                                     ind.level1, ind.level2, ind.name,
                                     Tr(MsgId::kMonLabelTarget), ind.target_text);
      if (!im.value_text.empty()) body += fmt::format("{}: {}\n", ValueLabel(&run_), im.value_text);
      if (!im.forecast_text.empty()) {
        body += fmt::format("{}: {}\n", Tr(MsgId::kMonLabelForecast), im.forecast_text);
      }
      if (im.likelihood) {
        body += fmt::format("{}: {}\n", Tr(MsgId::kMonLabelLikelihood),
                            LikelihoodText(*im.likelihood));
      }
      if (im.reasons != 0) {
        body += fmt::format("{}: {}\n", Tr(MsgId::kMonLabelReasons), ReasonsText(im.reasons));
      }
      body += FormatLocation(im.loc);
      o += Case(p.id, ind.name, im.loc.file, im.light, im.not_applicable,
                im.not_applicable ? "" : FiguresAndAdjustment(im, run_, ctx_.report.rules->reverse),
                im.note, body);
    }
    if (m.light == Light::kRed) o += fmt::format("    <system-out>{}</system-out>\n", Text(RedAdvice()));
    o += "  </testsuite>\n";
    out << o;
  }

  void End(const MonitorSummary& /*summary*/, const Diagnostics& diags,
           std::ostream& out) override {
    std::string o;
    if (diags.has_errors()) {
      o += fmt::format(
          "  <testsuite name=\"{}\" tests=\"{}\" failures=\"0\" errors=\"{}\" skipped=\"0\">\n",
          Attr(Tr(MsgId::kLabelInputErrors)), diags.error_count(), diags.error_count());
      for (const Diagnostic& d : diags.all()) {
        if (d.severity != Severity::kError) continue;
        // As eval's: "file:line:column: error[JX0401]: ...", typed by its code.
        const std::string where = FormatLocation(d.loc);
        std::string message = SeverityLabel(d) + ": " + d.message;
        if (!where.empty()) message = where + ": " + message;
        o += fmt::format("    <testcase classname=\"{}\" name=\"{}\"",
                         Attr(Tr(MsgId::kLabelInputErrors)),
                         Attr(where.empty() ? "jixiao" : where));
        if (!d.loc.file.empty()) o += fmt::format(" file=\"{}\"", Attr(d.loc.file));
        o += fmt::format(">\n      <error message=\"{}\" type=\"{}\">{}</error>\n    </testcase>\n",
                         Attr(message), d.code != 0 ? FormatCode(d.code) : "input",
                         Text(message));
      }
      o += "  </testsuite>\n";
    }
    o += "</testsuites>\n";
    out << o;
  }

 private:
  // One test case: red fails, yellow passes with its figures shown, green
  // passes (with its figures shown when `flagged`), 不适用 is skipped.
  std::string Case(const std::string& classname, const std::string& name, const std::string& file,
                   Light light, bool not_applicable, const std::string& figures,
                   const std::string& note, const std::string& body = "",
                   bool flagged = false) const {
    std::string o = fmt::format("    <testcase classname=\"{}\" name=\"{}\"", Attr(classname),
                                Attr(name));
    if (!file.empty()) o += fmt::format(" file=\"{}\"", Attr(file));
    if (!not_applicable && light == Light::kGreen && !flagged) return o + "/>\n";
    o += ">\n";
    std::string message = fmt::format("{}: {}", LightWord(light), figures);
    if (!note.empty()) message += fmt::format(" ({}: {})", Tr(MsgId::kMonLabelNote), note);
    if (not_applicable) {
      o += fmt::format("      <skipped message=\"{}\"/>\n", Attr(Tr(MsgId::kMonLabelNotApplicable)));
    } else if (light == Light::kRed) {
      o += fmt::format("      <failure message=\"{}\" type=\"red\">{}</failure>\n", Attr(message),
                       Text(body.empty() ? message : body));
    } else {
      o += fmt::format("      <system-out>{}</system-out>\n", Text(message));
    }
    return o + "    </testcase>\n";
  }

  MonitorReportContext ctx_;
  MonitorRun run_;
};

}  // namespace

std::unique_ptr<MonitorReporter> MakeMonitorJunitReporter(const MonitorReportContext& ctx) {
  return std::make_unique<MonitorJunitReporter>(ctx);
}

}  // namespace jixiao
