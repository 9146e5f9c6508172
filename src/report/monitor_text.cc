// The text report of `jixiao monitor`: per project its light, its budget
// execution against the time elapsed, and a table of its indicators with
// the light of each and the figures that decided it; then the run's counts
// by light and by department. Colour on a terminal only: the word of a
// light (绿/黄/红) is always written.
#include <algorithm>

#include <array>

#include <fmt/format.h>

#include "base/messages.h"
#include "base/terminal.h"
#include "base/text.h"
#include "report/diagnostic_format.h"
#include "report/monitor_common.h"
#include "report/monitor_report.h"
#include "report/report_common.h"

namespace jixiao {

namespace {

Style LightStyle(Light l) {
  switch (l) {
    case Light::kGreen: return Style::kGood;
    case Light::kYellow: return Style::kWarning;
    case Light::kRed: return Style::kBad;
  }
  return Style::kBold;
}

// Text with its display width, measured once.
struct MeasuredText {
  std::string text;
  size_t width = 0;
};

MeasuredText Measured(std::string text) {
  const size_t width = DisplayWidth(text);
  return {std::move(text), width};
}

constexpr size_t kColumns = 8;  // of the indicator table

class MonitorTextReporter : public MonitorReporter {
 public:
  explicit MonitorTextReporter(const MonitorReportContext& ctx) : ctx_(ctx) {}

  void Begin(const MonitorRun* run, std::ostream& out) override {
    if (run != nullptr) run_ = *run;
    has_run_ = run != nullptr;
    // What every project's text repeats is made once a run.
    const std::string header[kColumns] = {
        Tr(MsgId::kMonLabelIndicator), Tr(MsgId::kMonLabelTarget), ValueLabel(&run_),
        Tr(MsgId::kMonLabelForecast), Tr(MsgId::kMonLabelLight), Tr(MsgId::kMonLabelFigures),
        Tr(MsgId::kMonLabelLikelihood) + " / " + Tr(MsgId::kMonLabelReasons),
        Tr(MsgId::kMonLabelNote)};
    for (size_t c = 0; c < kColumns; ++c) header_[c] = Measured(OneLine(header[c]));
    for (Light l : {Light::kGreen, Light::kYellow, Light::kRed}) {
      light_cell_[static_cast<int>(l)] = Measured("● " + LightWord(l));
    }
    not_applicable_ = Measured(Tr(MsgId::kMonLabelNotApplicable));
    label_id_ = Tr(MsgId::kMonLabelId);
    label_department_ = " · " + Tr(MsgId::kMonLabelDepartment) + " ";
    label_note_ = Tr(MsgId::kMonLabelNote) + ": ";
    label_budget_ = Tr(MsgId::kMonLabelBudget) + " ";
    label_adjusted_ = Tr(MsgId::kMonLabelAdjusted);
    time_progress_ = fmt::format(" · {} {}/{} = {} · {} ", Tr(MsgId::kMonLabelTimeProgress),
                                 run_.progress.elapsed, run_.progress.total,
                                 PercentText(run_.progress.value), Tr(MsgId::kMonLabelPace));
    label_forecast_spent_ = " · " + Tr(MsgId::kMonLabelForecastSpent) + " ";
    reasons_separator_ = English() ? "; " : "；";
    if (ctx_.report.quiet || !ctx_.show_work || run == nullptr) return;
    out << Paint(Tr(MsgId::kMonLabelWork), Style::kDim) << "\n  " << TimeProgressWork(*run)
        << "\n\n";
  }

  void Project(const ProjectMonitor& m, std::ostream& out) override {
    std::string o;
    Format(m, &o);
    out << o;
  }

  bool FormatsAhead() const override { return true; }

  void Format(const ProjectMonitor& m, std::string* out) const override {
    if (ctx_.report.quiet) return;
    const jixiao::Project& p = m.project;
    std::string& o = *out;
    o.reserve(o.size() + 256 + 192 * m.indicators.size());
    AppendDot(m.light, &o);
    o += "  ";
    AppendPainted(OneLine(p.project), Style::kBold, &o);
    o += "\n  ";
    o += label_id_;
    o += ' ';
    o += OneLine(p.id);
    const std::string dept = DepartmentText(p);
    if (!dept.empty()) {
      o += label_department_;
      o += OneLine(dept);
    }
    o += " · ";
    o += p.loc.file;
    o += ':';
    o += std::to_string(p.loc.line);
    o += "\n  ";
    AppendBudgetLine(m, &o);
    o += '\n';
    if (!m.note.empty()) {
      o += "  ";
      o += label_note_;
      o += OneLine(m.note);
      o += '\n';
    }
    o += '\n';
    AppendTable(m, &o);
    if (ctx_.show_work) {
      o += "\n  " + Paint(Tr(MsgId::kMonLabelWork), Style::kDim) + "\n";
      o += "    " + BudgetWork(m, run_, ctx_.report.rules->monitor) + "\n";
      for (const IndicatorMonitor& im : m.indicators) {
        o += "    " +
             Tr(MsgId::kMonWorkIndicator, OneLine(p.indicators[im.index].name),
                IndicatorWork(im, run_, *ctx_.report.rules)) +
             "\n";
      }
    }
    if (m.light == Light::kRed) o += "\n  " + Paint(RedAdvice(), Style::kBad) + "\n";
    o += "\n";
  }

  void End(const MonitorSummary& s, const Diagnostics& diags, std::ostream& out) override {
    if (!ctx_.report.quiet && s.projects > 1) out << Departments(s) << "\n";
    if (ctx_.report.list_errors && diags.has_errors()) out << ErrorList(diags);
    out << MonitorSummaryLine(s, has_run_ ? &run_ : nullptr, diags.error_count(),
                              diags.warning_count())
        << "\n";
  }

 private:
  std::string Paint(std::string_view text, Style style) const {
    return Terminal::Paint(text, style, ctx_.report.color);
  }

  // `text` as Paint writes it, appended to *o.
  void AppendPainted(std::string_view text, Style style, std::string* o) const {
    if (ctx_.report.color) {
      *o += Paint(text, style);
    } else {
      o->append(text);
    }
  }

  // "● 绿": the dot and the word, coloured on a terminal.
  void AppendDot(Light l, std::string* o) const {
    AppendPainted(light_cell_[static_cast<int>(l)].text, LightStyle(l), o);
  }

  // 预算执行 3.10 / 6.00 万元 = 51.67% · 时间进度 213/366 = 58.20% · 进度比 0.89 ● 绿 · 全年预计执行 5.90 万元
  void AppendBudgetLine(const ProjectMonitor& m, std::string* out) const {
    const jixiao::Project& p = m.project;
    std::string& o = *out;
    o += label_budget_;
    o += AmountText(m.spent);
    o += " / ";
    o += AmountText(m.budget);
    if (m.adjusted) o += label_adjusted_;
    o += ' ';
    o += p.unit;
    o += " = ";
    o += PercentText(m.rate);
    o += time_progress_;
    o += m.pace.FormatFixed(m.pace_places);
    o += ' ';
    AppendDot(m.budget_light, &o);
    if (m.forecast_spent) {
      o += label_forecast_spent_;
      o += AmountText(*m.forecast_spent);
      o += ' ';
      o += p.unit;
      o += ForecastShareText(m, ctx_.report.rules->monitor);
      if (m.forecast_spent_low) {
        o += ' ';
        AppendPainted(ForecastSpentLowText(ctx_.report.rules->monitor), Style::kWarning, &o);
      }
    }
  }

  // The indicator table, aligned by display width; the note is never cut.
  void AppendTable(const ProjectMonitor& m, std::string* out) const {
    constexpr size_t kCaps[kColumns] = {24, 16, 16, 16, 0, 0, 0, 0};
    // A cell's text is borrowed (from the project, which outlives the
    // table, or from this reporter) when it is shown as it is, else owned.
    struct Cell {
      std::string own;
      std::string_view text;
      size_t width = 0;
      std::optional<Light> light;
    };
    const size_t n = m.indicators.size() + 1;
    std::vector<Cell> cells(n * kColumns);
    size_t width[kColumns] = {};
    for (size_t c = 0; c < kColumns; ++c) {
      cells[c].text = header_[c].text;
      cells[c].width = width[c] = header_[c].width;
    }
    auto fit = [&](size_t c, Cell& cell) {
      cell.width = DisplayWidth(cell.text);
      if (kCaps[c] > 0 && cell.width > kCaps[c]) {
        cell.own = TruncateToWidth(cell.text, kCaps[c]);
        cell.text = cell.own;
        cell.width = DisplayWidth(cell.text);
      }
      width[c] = std::max(width[c], cell.width);
    };
    auto set = [&](size_t r, size_t c, std::string text) {
      Cell& cell = cells[r * kColumns + c];
      cell.own = std::move(text);
      cell.text = cell.own;
      fit(c, cell);
    };
    auto set_line = [&](size_t r, size_t c, std::string_view text) {
      Cell& cell = cells[r * kColumns + c];
      if (IsOneLine(text)) {
        cell.text = text;
      } else {
        cell.own = OneLine(text);
        cell.text = cell.own;
      }
      fit(c, cell);
    };
    auto set_measured = [&](size_t r, size_t c, const MeasuredText& text) {
      Cell& cell = cells[r * kColumns + c];
      cell.text = text.text;
      cell.width = text.width;
      width[c] = std::max(width[c], cell.width);
    };
    static const MeasuredText kDash = Measured("—");
    for (size_t r = 1; r < n; ++r) {
      const IndicatorMonitor& im = m.indicators[r - 1];
      const Indicator& ind = m.project.indicators[im.index];
      set_line(r, 0, ind.name);
      set_line(r, 1, ind.target_text);
      set_line(r, 2, im.value_text);
      set_line(r, 3, im.forecast_text);
      if (im.not_applicable) {
        set_measured(r, 4, kDash);
        set_measured(r, 5, not_applicable_);
      } else {
        set_measured(r, 4, light_cell_[static_cast<int>(im.light)]);
        cells[r * kColumns + 4].light = im.light;
        Cell& figures = cells[r * kColumns + 5];
        AppendFiguresText(im, run_, ctx_.report.rules->reverse, &figures.own);
        figures.text = figures.own;
        fit(5, figures);
      }
      std::string why;
      if (im.likelihood) {
        why = AdjustmentText(im);
        if (why.empty()) why = LikelihoodText(*im.likelihood);
      }
      if (im.reasons != 0) {
        if (!why.empty()) why += reasons_separator_;
        why += ReasonsText(im.reasons);
      }
      if (!why.empty()) set(r, 6, IsOneLine(why) ? std::move(why) : OneLine(why));
      set_line(r, 7, im.note);
    }
    std::string& o = *out;
    for (size_t r = 0; r < n; ++r) {
      const size_t line_start = o.size();
      o += ' ';
      for (size_t c = 0; c < kColumns; ++c) {
        const Cell& cell = cells[r * kColumns + c];
        const bool last = c == kColumns - 1;
        if (last && cell.text.empty()) break;
        o += ' ';
        const size_t pad = last ? 0 : width[c] - cell.width;
        if (r == 0 && ctx_.report.color) {
          o += Paint(std::string(cell.text) + std::string(pad, ' '), Style::kDim);
        } else {
          if (cell.light) {
            AppendPainted(cell.text, LightStyle(*cell.light), &o);
          } else {
            o += cell.text;
          }
          o.append(pad, ' ');
        }
      }
      size_t end = o.size();
      while (end > line_start && o[end - 1] == ' ') --end;
      o.resize(end);
      o += '\n';
    }
  }

  // Projects by department and light.
  std::string Departments(const MonitorSummary& s) const {
    std::vector<std::vector<std::string>> rows{
        {Tr(MsgId::kMonLabelDepartment), Tr(MsgId::kMonLabelProjects), LightWord(Light::kGreen),
         LightWord(Light::kYellow), LightWord(Light::kRed)}};
    for (const MonitorSummary::Department& d : s.departments) {
      rows.push_back({TruncateToWidth(OneLine(DepartmentLabel(d.code, d.name)), 48),
                      std::to_string(d.projects), std::to_string(d.lights[0]),
                      std::to_string(d.lights[1]), std::to_string(d.lights[2])});
    }
    return AlignedRows(rows, ctx_.report.color);
  }

  // The run's errors, at most 50: a report written after errors says so.
  std::string ErrorList(const Diagnostics& diags) const {
    constexpr size_t kMaxListed = 50;
    std::string o = Tr(MsgId::kMonErrorsHeading, diags.error_count()) + "\n";
    size_t listed = 0;
    for (const Diagnostic& d : diags.all()) {
      if (d.severity != Severity::kError) continue;
      if (listed == kMaxListed) break;
      ++listed;
      const std::string where = FormatLocation(d.loc);
      o += fmt::format("  {}{}: {}\n", where.empty() ? "" : OneLine(where) + ": ",
                       SeverityLabel(d), OneLine(d.message));
    }
    if (listed < diags.error_count()) {
      o += "  " + Tr(MsgId::kMonMoreErrors, diags.error_count() - listed) + "\n";
    }
    return o + "\n";
  }

  MonitorReportContext ctx_;
  MonitorRun run_;
  bool has_run_ = false;
  // Set by Begin: the table's header, and the cells and labels every
  // project repeats.
  MeasuredText header_[kColumns];
  MeasuredText light_cell_[kLightCount];  // "● 绿", by Light
  MeasuredText not_applicable_;
  std::string label_id_, label_department_, label_note_, label_budget_, label_adjusted_;
  std::string time_progress_;  // " · 时间进度 213/366 = 58.20% · 进度比 "
  std::string label_forecast_spent_;
  std::string_view reasons_separator_;
};

}  // namespace

std::unique_ptr<MonitorReporter> MakeMonitorTextReporter(const MonitorReportContext& ctx) {
  return std::make_unique<MonitorTextReporter>(ctx);
}

}  // namespace jixiao
