// The html page of `jixiao monitor` (docs/monitor.md): one self-contained
// file in the style of eval's page (report_html.cc, html_common.h). The
// run's figures (as_of, time progress, projects by light), a chart of the
// projects by light and one of the departments by red, yellow and green
// projects, each with a table of its figures; then the red projects and
// the yellow ones, each with its budget execution and its indicators —
// light, figures that decided it, likelihood, reasons and note; a compact
// table of every project; the errors and warnings with file:line:column
// and code.
//
// Nothing on the page makes a request (html_common.h) and every piece of
// input text is escaped. Buffered, as the Markdown report: the summary
// comes first but needs every project. A project costs a row of the table
// (a few hundred bytes); the details of at most kMaxDetails red and yellow
// projects are kept (red first), the others counted.
#include <fmt/format.h>

#include "base/lang.h"
#include "base/messages.h"
#include "base/record_store.h"
#include "base/text.h"
#include "report/diagnostic_format.h"
#include "report/html_common.h"
#include "report/monitor_common.h"
#include "report/monitor_report.h"
#include "report/report_common.h"

namespace jixiao {

namespace {

// Red and yellow projects shown with their details, at most.
constexpr size_t kMaxDetails = 1000;
// Errors, and warnings, listed at most.
constexpr size_t kMaxDiagnostics = 2000;

constexpr const char* kMonitorCss =
    ".light{display:inline-block;min-width:2.6em;padding:0 6px;border-radius:3px;"
    "color:#fff;font-weight:bold;text-align:center}"
    ".light.green{background:#1a7f37}.light.yellow{background:#9a6700}.light.red{background:#b42318}"
    "svg .green{fill:#1a7f37}svg .yellow{fill:#d4a72c}svg .red{fill:#b42318}"
    "section.proj{border:1px solid var(--line);margin:8px 0;padding:4px 10px}"
    "section.proj h3{margin:4px 0}.advice{color:var(--bad)}"
    "@media print{.light{color:#000;border:1px solid #000;background:none}"
    "svg .green{fill:#bbb}svg .yellow{fill:#777}svg .red{fill:#333}}";

std::string T(MsgId id) { return HtmlText(Text(id)); }

// An element id for a project: "p" and the id's bytes in hex.
std::string Anchor(std::string_view id) {
  static const char kHex[] = "0123456789abcdef";
  std::string a = "p";
  for (unsigned char c : id) {
    a.push_back(kHex[c >> 4]);
    a.push_back(kHex[c & 15]);
  }
  return a;
}

// <span class="light red">红</span>: the word always, the colour as well.
std::string Badge(Light l) {
  return fmt::format("<span class=\"light {}\">{}</span>", LightKey(l), HtmlText(LightWord(l)));
}

class MonitorHtmlReporter : public MonitorReporter {
 public:
  explicit MonitorHtmlReporter(const MonitorReportContext& ctx) : ctx_(ctx) {}

  void Begin(const MonitorRun* run, std::ostream& /*out*/) override {
    if (run != nullptr) run_ = *run;
    has_run_ = run != nullptr;
  }

  void Project(const ProjectMonitor& m, std::ostream& /*out*/) override {
    const jixiao::Project& p = m.project;
    const std::string anchor = Anchor(p.id);
    const bool details = m.light != Light::kGreen && shown_ < kMaxDetails;
    rows_.Append(fmt::format(
        "<tr><td>{}<td>{}<td>{}<td>{}<td>{}<td class=n>{}<td class=n>{}<td class=n>{}\n",
        Badge(m.light),
        details ? fmt::format("<a href=\"#{}\">{}</a>", anchor, HtmlText(p.id)) : HtmlText(p.id),
        HtmlText(p.project), HtmlText(DepartmentText(p)), Badge(m.budget_light), m.lights[2],
        m.lights[1], m.lights[0]));
    if (m.light == Light::kGreen) return;
    if (!details) {
      ++left_out_;
      return;
    }
    ++shown_;
    (m.light == Light::kRed ? red_ : yellow_) += Details(m, anchor);
  }

  void End(const MonitorSummary& s, const Diagnostics& diags, std::ostream& out) override {
    std::string o = HtmlPageStart(English(), T(MsgId::kMonHtmlTitle), kMonitorCss);
    o += "<header>\n<h1>" + T(MsgId::kMonHtmlTitle) + "</h1>\n<p class=\"made\">" +
         HtmlText(Tr(MsgId::kHtmlMadeBy, JIXIAO_VERSION,
                     ctx_.report.rules ? ctx_.report.rules->name : std::string())) +
         "</p>\n<nav aria-label=\"" + T(MsgId::kHtmlContents) + "\">" + "<a href=\"#summary\">" +
         T(MsgId::kHtmlSummary) + "</a><a href=\"#charts\">" + T(MsgId::kHtmlCharts) +
         "</a><a href=\"#flagged\">" + T(MsgId::kMonHtmlFlagged) + "</a><a href=\"#all\">" +
         T(MsgId::kMonHtmlAll) + "</a><a href=\"#diagnostics\">" + T(MsgId::kHtmlDiagnostics) +
         "</a></nav>\n</header>\n<main>\n";
    AppendSummary(s, diags, &o);
    AppendCharts(s, &o);
    o += "<section id=\"flagged\">\n<h2>" + T(MsgId::kMonHtmlFlagged) + "</h2>\n";
    if (red_.empty() && yellow_.empty() && left_out_ == 0)
      o += "<p>" + T(MsgId::kMonHtmlNoFlagged) + "</p>\n";
    o += red_;
    o += yellow_;
    if (left_out_ > 0)
      o += "<p>" + HtmlText(Tr(MsgId::kMonHtmlFlaggedLeftOut, left_out_)) + "</p>\n";
    o += "</section>\n";
    o += "<section id=\"all\">\n<h2>" + T(MsgId::kMonHtmlAll) + "</h2>\n";
    if (rows_.size() == 0) {
      o += "<p>" + HtmlText(Tr(MsgId::kMonNoProjects)) + "</p>\n";
    } else {
      o += "<table class=\"data\" id=\"all-projects\"><thead><tr><th>" +
           HtmlText(Tr(MsgId::kMonLabelLight)) + "</th><th>" + HtmlText(Tr(MsgId::kMonLabelId)) +
           "</th><th>" + HtmlText(Tr(MsgId::kMonLabelProject)) + "</th><th>" +
           HtmlText(Tr(MsgId::kMonLabelDepartment)) + "</th><th>" +
           HtmlText(Tr(MsgId::kMonLabelBudget)) + "</th><th>" + HtmlText(LightWord(Light::kRed)) +
           "</th><th>" + HtmlText(LightWord(Light::kYellow)) + "</th><th>" +
           HtmlText(LightWord(Light::kGreen)) + "</th></tr></thead>\n<tbody>\n";
      out << o;
      o.clear();
      for (size_t i = 0; i < rows_.size(); ++i) out << rows_.Read(i);
      o += "</tbody></table>\n";
    }
    o += "</section>\n";
    out << o;
    o.clear();
    WriteDiagnostics(diags, out);
    out << "</main>\n</body>\n</html>\n";
  }

 private:
  static void Figure(std::string* o, const std::string& label, const std::string& value) {
    *o += "<div><dt>" + label + "</dt><dd>" + value + "</dd></div>";
  }

  void AppendSummary(const MonitorSummary& s, const Diagnostics& diags, std::string* o) const {
    *o += "<section id=\"summary\">\n<h2>" + T(MsgId::kHtmlSummary) + "</h2>\n";
    if (diags.has_errors()) *o += "<p class=\"alert\">" + T(MsgId::kMonHtmlAfterErrors) + "</p>\n";
    *o += "<p>" +
          HtmlText(MonitorSummaryLine(s, has_run_ ? &run_ : nullptr, diags.error_count(),
                                      diags.warning_count())) +
          "</p>\n<dl class=\"figs\">";
    if (has_run_) {
      Figure(o, T(MsgId::kMonHtmlAsOf), HtmlText(FormatDate(run_.as_of.date)));
      Figure(o, T(MsgId::kMonHtmlTimeProgress),
             HtmlText(PercentText(run_.progress.value)) +
                 fmt::format(" <small>{}/{}</small>", run_.progress.elapsed, run_.progress.total));
    }
    Figure(o, T(MsgId::kHtmlProjects), std::to_string(s.projects));
    for (Light l : {Light::kRed, Light::kYellow, Light::kGreen})
      Figure(o, Badge(l), std::to_string(s.lights[static_cast<int>(l)]));
    Figure(o, T(MsgId::kHtmlIndicators),
           std::to_string(s.indicator_lights[0] + s.indicator_lights[1] + s.indicator_lights[2] +
                          s.not_applicable));
    Figure(o, T(MsgId::kHtmlErrors), std::to_string(diags.error_count()));
    Figure(o, T(MsgId::kHtmlWarnings), std::to_string(diags.warning_count()));
    *o += "</dl>\n</section>\n";
  }

  void AppendCharts(const MonitorSummary& s, std::string* o) const {
    *o += "<section id=\"charts\">\n<h2>" + T(MsgId::kHtmlCharts) + "</h2>\n<div class=\"charts\">\n";
    const Light order[] = {Light::kGreen, Light::kYellow, Light::kRed};
    {
      const std::string title = T(MsgId::kMonHtmlChartLights);
      std::vector<std::pair<std::string, size_t>> bars;
      std::vector<std::string> classes;
      for (Light l : order) {
        bars.emplace_back(LightWord(l), s.lights[static_cast<int>(l)]);
        classes.push_back(LightKey(l));
      }
      *o += "<figure id=\"chart-lights\"><figcaption>" + title + "</figcaption>\n" +
            VBars(title, bars, classes);
      *o += "<table class=\"data\"><tbody><tr><th scope=\"row\">" +
            HtmlText(Tr(MsgId::kMonLabelLight)) + "</th>";
      for (Light l : order) *o += "<th scope=\"col\">" + Badge(l) + "</th>";
      *o += "</tr><tr><th scope=\"row\">" + T(MsgId::kHtmlProjects) + "</th>";
      for (Light l : order)
        *o += fmt::format("<td class=\"n\">{}</td>", s.lights[static_cast<int>(l)]);
      *o += "</tr></tbody></table></figure>\n";
    }
    {
      const std::string title = T(MsgId::kMonHtmlChartDepartments);
      std::vector<StackedBar> bars;
      for (const MonitorSummary::Department& d : s.departments)
        bars.push_back({DepartmentLabel(d.code, d.name), {d.lights[2], d.lights[1], d.lights[0]}});
      *o += "<figure id=\"chart-departments\"><figcaption>" + title + "</figcaption>\n" +
            StackedHBars(title, bars, {"red", "yellow", "green"});
      *o += "<table class=\"data\"><thead><tr><th>" + T(MsgId::kHtmlDepartment) + "</th><th>" +
            T(MsgId::kHtmlProjects) + "</th><th>" + HtmlText(LightWord(Light::kRed)) +
            "</th><th>" + HtmlText(LightWord(Light::kYellow)) + "</th><th>" +
            HtmlText(LightWord(Light::kGreen)) + "</th></tr></thead><tbody>";
      for (const MonitorSummary::Department& d : s.departments) {
        *o += fmt::format(
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
            "<td class=\"n\">{}</td></tr>",
            HtmlText(DepartmentLabel(d.code, d.name)), d.projects, d.lights[2], d.lights[1],
            d.lights[0]);
      }
      *o += "</tbody></table></figure>\n";
    }
    *o += "</div>\n</section>\n";
  }

  std::string Details(const ProjectMonitor& m, const std::string& anchor) const {
    const jixiao::Project& p = m.project;
    std::string o = fmt::format("<section class=\"proj\" id=\"{}\" data-light=\"{}\">\n<h3>{} ",
                                anchor, LightKey(m.light), Badge(m.light));
    o += HtmlText(p.id) + " · " + HtmlText(p.project) + "</h3>\n<p>";
    const std::string dept = DepartmentText(p);
    if (!dept.empty()) o += HtmlText(Tr(MsgId::kMonLabelDepartment)) + " " + HtmlText(dept) + " · ";
    o += HtmlText(fmt::format("{}:{}", p.loc.file, p.loc.line)) + "</p>\n<p>";
    o += HtmlText(Tr(MsgId::kMonLabelBudget)) + " " + Badge(m.budget_light) + " " +
         HtmlText(BudgetFigures(m, run_));
    if (m.forecast_spent) {
      o += " · " + HtmlText(Tr(MsgId::kMonLabelForecastSpent)) + " " +
           HtmlText(AmountText(*m.forecast_spent) + " " + p.unit +
                    ForecastShareText(m, ctx_.report.rules->monitor));
      if (m.forecast_spent_low) {
        o += " <strong>" + HtmlText(ForecastSpentLowText(ctx_.report.rules->monitor)) + "</strong>";
      }
    }
    o += "</p>\n";
    if (!m.note.empty())
      o += "<p>" + HtmlText(Tr(MsgId::kMonLabelNote)) + ": " + HtmlLines(m.note) + "</p>\n";
    o += "<div class=\"wide\"><table class=\"data\"><thead><tr>";
    for (const std::string& h :
         {Tr(MsgId::kMonLabelIndicator), Tr(MsgId::kMonLabelTarget), ValueLabel(&run_),
          Tr(MsgId::kMonLabelForecast), Tr(MsgId::kMonLabelLight), Tr(MsgId::kMonLabelFigures),
          Tr(MsgId::kMonLabelLikelihood), Tr(MsgId::kMonLabelReasons), Tr(MsgId::kMonLabelNote)})
      o += "<th>" + HtmlText(h) + "</th>";
    o += "</tr></thead><tbody>\n";
    for (const IndicatorMonitor& im : m.indicators) {
      const Indicator& ind = p.indicators[im.index];
      std::string likelihood;
      if (im.likelihood) {
        const std::string adjusted = AdjustmentText(im);
        likelihood = adjusted.empty() ? LikelihoodText(*im.likelihood) : adjusted;
      }
      o += fmt::format(
          "<tr data-light=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
          "<td>{}</td><td>{}</td><td>{}</td></tr>\n",
          im.not_applicable ? "none" : LightKey(im.light), HtmlText(ind.name),
          HtmlText(ind.target_text), HtmlText(im.value_text), HtmlText(im.forecast_text),
          im.not_applicable ? std::string("—") : Badge(im.light),
          im.not_applicable ? HtmlText(Tr(MsgId::kMonLabelNotApplicable))
                            : HtmlText(FiguresText(im, run_, ctx_.report.rules->reverse)),
          HtmlText(likelihood), HtmlText(ReasonsText(im.reasons)), HtmlLines(im.note));
    }
    o += "</tbody></table></div>\n";
    if (ctx_.show_work) {
      std::vector<WorkRows> rows{
          {Tr(MsgId::kMonHtmlTimeProgress), {TimeProgressWork(run_)}},
          {Tr(MsgId::kMonLabelBudget), {BudgetWork(m, run_, ctx_.report.rules->monitor)}}};
      for (const IndicatorMonitor& im : m.indicators)
        rows.push_back({p.indicators[im.index].name, {IndicatorWork(im, run_, *ctx_.report.rules)}});
      o += HtmlWork(Tr(MsgId::kMonLabelWork), rows);
    }
    if (m.light == Light::kRed) o += "<p class=\"advice\">" + HtmlText(RedAdvice()) + "</p>\n";
    o += "</section>\n";
    return o;
  }

  void WriteDiagnostics(const Diagnostics& diags, std::ostream& out) const {
    out << HtmlDiagnostics(diags, kMaxDiagnostics);
  }

  MonitorReportContext ctx_;
  MonitorRun run_;
  bool has_run_ = false;
  // Every project's row of the table of all projects: kept in a store (a
  // temporary file past 512 KiB), so that a year's page is written in
  // bounded memory.
  RecordStore rows_;
  std::string red_;     // details of the red projects shown
  std::string yellow_;  // details of the yellow projects shown
  size_t shown_ = 0;
  size_t left_out_ = 0;
};

}  // namespace

std::unique_ptr<MonitorReporter> MakeMonitorHtmlReporter(const MonitorReportContext& ctx) {
  return std::make_unique<MonitorHtmlReporter>(ctx);
}

}  // namespace jixiao
