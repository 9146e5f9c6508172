// The JUnit XML report (docs/reference.md §6), as GitLab, Jenkins and most CI servers
// read it: <testsuites> holding one <testsuite> per scored project (name =
// project name) with one <testcase> per indicator (classname = project id,
// name = indicator name); an unmet indicator is a <failure> whose message
// gives target, actual and score, a 不适用 one is <skipped>. Input errors
// form a last <testsuite name="输入错误"> ("input errors"), one <testcase> with an
// <error> each, its message "file:line:column: 错误[JX0301]: …" (as on standard
// error) and its type the code. Names and messages are in the run's language.
//
// Streams: each project's suite is written as it is reported, so the root
// element carries no totals (they are optional in JUnit XML).
#include <fmt/format.h>

#include "report/diagnostic_format.h"
#include "report/report.h"
#include "report/report_common.h"

namespace jixiao {

namespace {

std::string Attr(std::string_view s) { return XmlText(s, true); }
std::string XmlBody(std::string_view s) { return XmlText(s, false); }

class JunitReporter : public Reporter {
 public:
  explicit JunitReporter(const ReportContext& ctx) : ctx_(ctx), l_(ReportLabels::Current()) {}

  void Begin(std::ostream& out) override {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"jixiao\">\n";
  }

  void Project(const ProjectScore& s, bool complies, std::ostream& out) override {
    const jixiao::Project& p = s.project;
    std::string o = fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" "
        "file=\"{}\">\n",
        Attr(p.project), s.indicators.size(), s.unmet, s.not_applicable, Attr(p.loc.file));
    o += "    <properties>\n";
    auto property = [&](std::string_view name, std::string_view value) {
      o += fmt::format("      <property name=\"{}\" value=\"{}\"/>\n", Attr(name), Attr(value));
    };
    property("id", p.id);
    property("department", DepartmentText(p));
    property("score", s.total_rounded.FormatFixed(2));
    property("grade", s.grade);
    property("met", std::to_string(s.met));
    property("unmet", std::to_string(s.unmet));
    property("not_applicable", std::to_string(s.not_applicable));
    property("complies", complies ? "true" : "false");
    property("budget_total", AmountText(p.total));
    if (s.adjusted) property("budget_adjusted", AmountText(s.adjusted->total));
    property("budget_spent", AmountText(s.spent));
    property("budget_rate", s.rate.FormatFixed(4));
    property("budget_score", s.budget_score.FormatFixed(2));
    o += "    </properties>\n";
    for (const IndicatorScore& is : s.indicators) {
      const Indicator& ind = p.indicators[is.index];
      o += fmt::format("    <testcase classname=\"{}\" name=\"{}\" file=\"{}\"", Attr(p.id),
                       Attr(ind.name), Attr(ind.loc.file));
      if (is.status == Status::kMet) {
        o += "/>\n";
        continue;
      }
      o += ">\n";
      if (is.status == Status::kNotApplicable) {
        o += fmt::format("      <skipped message=\"{}\"/>\n", Attr(l_.not_applicable));
      } else {
        o += fmt::format("      <failure message=\"{}\" type=\"unmet\">{}</failure>\n",
                         Attr(FailureMessage(ind, is)), XmlBody(FailureBody(ind, is)));
      }
      o += "    </testcase>\n";
    }
    o += fmt::format("    <system-out>{}</system-out>\n", XmlBody(BudgetLine(s)));
    o += "  </testsuite>\n";
    out << o;
  }

  void End(const RunSummary& /*summary*/, const Diagnostics& diags, std::ostream& out) override {
    std::string o;
    if (diags.has_errors()) {
      o += fmt::format(
          "  <testsuite name=\"{}\" tests=\"{}\" failures=\"0\" errors=\"{}\" skipped=\"0\">\n",
          Attr(l_.input_errors), diags.error_count(), diags.error_count());
      for (const Diagnostic& d : diags.all()) {
        if (d.severity != Severity::kError) continue;
        std::string where = FormatLocation(d.loc);
        std::string message = SeverityLabel(d) + ": " + d.message;
        if (!where.empty()) message = where + ": " + message;
        o += fmt::format("    <testcase classname=\"{}\" name=\"{}\"", Attr(l_.input_errors),
                         Attr(where.empty() ? "jixiao" : where));
        if (!d.loc.file.empty()) o += fmt::format(" file=\"{}\"", Attr(d.loc.file));
        o += fmt::format(">\n      <error message=\"{}\" type=\"{}\">{}</error>\n    </testcase>\n",
                         Attr(message), d.code != 0 ? FormatCode(d.code) : "input",
                         XmlBody(message));
      }
      o += "  </testsuite>\n";
    }
    o += "</testsuites>\n";
    out << o;
  }

 private:
  std::string FailureMessage(const Indicator& ind, const IndicatorScore& is) const {
    return Tr(MsgId::kJunitUnmet, ind.target_text, is.actual_text, is.score.FormatFixed(2),
              is.weight.FormatFixed(2));
  }

  // "label：value" lines (the labels of an unmet indicator, which are few).
  std::string FailureBody(const Indicator& ind, const IndicatorScore& is) const {
    auto field = [](std::string_view label, const std::string& value) {
      return Tr(MsgId::kReportField, label, value) + "\n";
    };
    std::string body =
        field(l_.indicator, fmt::format("{} / {} / {}", ind.level1, ind.level2, ind.name));
    body += field(l_.target, ind.target_text);
    body += field(l_.actual, is.actual_text);
    body += field(l_.score,
                  fmt::format("{} / {}", is.score.FormatFixed(2), is.weight.FormatFixed(2)));
    if (!is.note.empty()) body += field(l_.note, is.note);
    body += FormatLocation(ind.loc);
    body += "\n";
    return body;
  }

  std::string BudgetLine(const ProjectScore& s) const {
    const jixiao::Project& p = s.project;
    std::string line = fmt::format(
        "{} {} {} · {} {} {} · {} {}% · {} {} / {}", l_.budget, AmountText(s.budget), p.unit,
        l_.spent, AmountText(s.spent), p.unit, l_.rate, (s.rate * 100).FormatFixed(2), l_.score,
        s.budget_score.FormatFixed(2), s.budget_weight.FormatFixed(2));
    if (s.low_execution) {
      line += fmt::format(" · {}", l_.low_execution);
      if (!s.note.empty()) line += Tr(MsgId::kReportLabelledNote, l_.note, s.note);
    }
    line += fmt::format("\n{} {} · {} {}\n", l_.project_total, s.total_rounded.FormatFixed(2),
                        l_.grade, s.grade);
    return line;
  }

  ReportContext ctx_;
  const ReportLabels l_;
};

}  // namespace

std::unique_ptr<Reporter> MakeJunitReporter(const ReportContext& ctx) {
  return std::make_unique<JunitReporter>(ctx);
}

}  // namespace jixiao
