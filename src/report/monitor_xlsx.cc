// The xlsx report of monitor (docs/monitor.md, "xlsx"): the 汇总 sheet, then
// one 项目支出绩效目标执行监控表 sheet per project (monitor_form.h draws the
// layout), written through FormWorkbooks (xlsx_workbook.h) as eval's
// workbook is: one workbook for -f xlsx=FILE, 汇总.xlsx and one workbook per
// department for -f xlsx=DIR/, the same --xlsx-max-sheets.
#include <memory>
#include <string>
#include <vector>

#include "base/lang.h"
#include "base/messages.h"
#include "base/text.h"
#include "report/monitor_common.h"
#include "report/monitor_form.h"
#include "report/monitor_report.h"
#include "report/report_common.h"
#include "report/form_grid.h"
#include "report/xlsx_workbook.h"

namespace jixiao {

namespace {

// The notes of a project's yellow and red items, for the 汇总 sheet's
// 偏差说明: "name：reasons，note" each; then the forecast spending's flag.
std::string FlaggedNotes(const ProjectMonitor& m, const MonitorRules& rules) {
  std::string out;
  auto add = [&](const std::string& what, unsigned reasons, const std::string& note) {
    if (!out.empty()) out += Tr(MsgId::kSumSeparator);
    std::string detail = ReasonsText(reasons);
    std::string n(Trim(note));
    if (!n.empty()) detail += (detail.empty() ? "" : Tr(MsgId::kSumListSeparator)) + n;
    out += Tr(MsgId::kSumNoteItem, what, detail.empty() ? Tr(MsgId::kSumNoNote) : detail);
  };
  if (m.budget_light != Light::kGreen) add(Tr(MsgId::kMonLabelBudget), 0, m.note);
  for (const IndicatorMonitor& im : m.indicators) {
    if (im.not_applicable || im.light == Light::kGreen) continue;
    add(m.project.indicators[im.index].name, im.reasons, im.note);
  }
  if (m.forecast_spent_low) {
    if (!out.empty()) out += Tr(MsgId::kSumSeparator);
    out += Tr(MsgId::kSumNoteItem, Tr(MsgId::kMonLabelForecastSpent), ForecastSpentLowText(rules));
  }
  return out;
}

// The 汇总 sheet: a row per project as it comes, then the totals and the
// run's diagnostics, in row order (a constant_memory sheet takes nothing
// else).
class MonitorSummarySheet {
 public:
  static constexpr int kColumns = 17;  // A–Q
  static constexpr size_t kNoteLineWidth = 46;
  static constexpr size_t kMaxNoteLines = 30;

  MonitorSummarySheet(Workbook* book, lxw_worksheet* ws, const MonitorRun& run,
                      const MonitorRules& rules)
      : book_(book), ws_(ws), run_(run), rules_(rules) {
    const int month = run.as_of.date.month;
    std::vector<std::string> headers = {
        Tr(MsgId::kSumId),          Tr(MsgId::kFormProjectName),
        Tr(MsgId::kFormSupervisor), Tr(MsgId::kFormImplementer),
        Tr(MsgId::kMonFormProjectLight), Tr(MsgId::kMonSumBudget),
        Tr(MsgId::kMonSumSpentTo, MonthsTo(month)), Tr(MsgId::kFormRate),
        Tr(MsgId::kMonFormTimeProgress), Tr(MsgId::kMonFormPace),
        Tr(MsgId::kMonFormBudgetLight), Tr(MsgId::kMonSumRed),
        Tr(MsgId::kMonSumYellow),   Tr(MsgId::kMonSumGreen),
        Tr(MsgId::kSumNotApplicable), Tr(MsgId::kMonSumForecastSpent),
        Tr(MsgId::kSumNotes)};
    SetUpSummarySheet(book_, ws_, headers,
                      {20, 36, 24, 24, 8, 12, 12, 10, 10, 8, 8, 7, 7, 7, 7, 12, 48});
    row_ = 1;
  }

  void Add(const ProjectMonitor& m) {
    if (row_ >= kXlsxMaxRows - 8) return;  // Excel's last rows: the totals need room
    const Project& p = m.project;
    lxw_format* text = book_->Format(0, Num::kNone, true);
    lxw_format* amount = book_->Format(0, Num::kFixed2, true);
    lxw_format* percent = book_->Format(0, Num::kPercent2, true);
    lxw_format* count = book_->Format(0, Num::kInteger, true);
    const Rational budget = InWan(m.budget, p.unit);
    const Rational spent = InWan(m.spent, p.unit);
    budget_ += budget;
    spent_ += spent;
    ++lights_[static_cast<int>(m.light)];
    for (int l = 0; l < kLightCount; ++l) indicator_lights_[l] += m.lights[l];
    not_applicable_ += m.not_applicable;
    const uint32_t r = row_++;
    const std::string notes = FlaggedNotes(m, rules_);
    const size_t lines = std::min<size_t>(kMaxNoteLines, 1 + DisplayWidth(notes) / kNoteLineWidth);
    if (lines > 1) worksheet_set_row(ws_, r, 15.0 * static_cast<double>(lines), nullptr);
    WriteString(ws_, r, 0, p.id, text);
    WriteString(ws_, r, 1, p.project, text);
    WriteString(ws_, r, 2, SupervisorText(p), text);
    WriteString(ws_, r, 3, ImplementerText(p), text);
    WriteLight(r, 4, m.light);
    worksheet_write_number(ws_, r, 5, budget.ToDouble(), amount);
    worksheet_write_number(ws_, r, 6, spent.ToDouble(), amount);
    worksheet_write_number(ws_, r, 7, m.rate.ToDouble(), percent);
    worksheet_write_number(ws_, r, 8, run_.progress.value.ToDouble(), percent);
    worksheet_write_number(ws_, r, 9, m.pace.ToDouble(),
                           m.pace_places == 2 ? amount : book_->Format(0, Num::kFixed2, true, m.pace_places));
    WriteLight(r, 10, m.budget_light);
    worksheet_write_number(ws_, r, 11, m.lights[static_cast<int>(Light::kRed)], count);
    worksheet_write_number(ws_, r, 12, m.lights[static_cast<int>(Light::kYellow)], count);
    worksheet_write_number(ws_, r, 13, m.lights[static_cast<int>(Light::kGreen)], count);
    worksheet_write_number(ws_, r, 14, m.not_applicable, count);
    if (m.forecast_spent) {
      worksheet_write_number(ws_, r, 15, InWan(*m.forecast_spent, p.unit).ToDouble(), amount);
    } else {
      worksheet_write_blank(ws_, r, 15, text);
    }
    WriteString(ws_, r, 16, notes, book_->Format(kStyleWrap, Num::kNone, true));
  }

  void Finish(const Diagnostics& diags) {
    const uint32_t last_project = row_ - 1;
    const size_t projects = row_ - 1;
    lxw_format* label = book_->Format(kStyleBold, Num::kNone, true);
    lxw_format* amount = book_->Format(kStyleBold, Num::kFixed2, true);
    lxw_format* percent = book_->Format(kStyleBold, Num::kPercent2, true);
    lxw_format* count = book_->Format(kStyleBold, Num::kInteger, true);
    lxw_format* blank = book_->Format(0, Num::kNone, true);
    // Totals: projects by light, sums of the amounts, the overall rate and
    // its pace, indicators by light.
    const uint32_t r = row_++;
    WriteString(ws_, r, 0, Tr(MsgId::kSumTotal), label);
    WriteString(ws_, r, 1, Tr(MsgId::kMonSumProjects, projects, lights_[0], lights_[1], lights_[2]),
                label);
    for (lxw_col_t c = 2; c <= 4; ++c) worksheet_write_blank(ws_, r, c, blank);
    worksheet_write_number(ws_, r, 5, budget_.ToDouble(), amount);
    worksheet_write_number(ws_, r, 6, spent_.ToDouble(), amount);
    if (budget_.sign() > 0 && run_.progress.value.sign() > 0) {
      const Rational rate = spent_ / budget_;
      worksheet_write_number(ws_, r, 7, rate.ToDouble(), percent);
      worksheet_write_number(ws_, r, 8, run_.progress.value.ToDouble(), percent);
      worksheet_write_number(ws_, r, 9, (rate / run_.progress.value).ToDouble(), amount);
    } else {
      for (lxw_col_t c = 7; c <= 9; ++c) worksheet_write_blank(ws_, r, c, blank);
    }
    worksheet_write_blank(ws_, r, 10, blank);
    worksheet_write_number(ws_, r, 11, static_cast<double>(indicator_lights_[2]), count);
    worksheet_write_number(ws_, r, 12, static_cast<double>(indicator_lights_[1]), count);
    worksheet_write_number(ws_, r, 13, static_cast<double>(indicator_lights_[0]), count);
    worksheet_write_number(ws_, r, 14, static_cast<double>(not_applicable_), count);
    worksheet_write_blank(ws_, r, 15, blank);
    worksheet_write_blank(ws_, r, 16, blank);
    ExtendSummaryFilter(ws_, last_project);
    WriteSummaryDiagnostics(book_, ws_, &row_, diags, MsgId::kMonSumErrorsTitle);
  }

 private:
  void WriteLight(uint32_t r, uint16_t c, Light l) {
    WriteString(ws_, r, c, LightWord(l), book_->Format(kStyleCentre | LightFill(l), Num::kNone, true));
  }

  Workbook* book_;
  lxw_worksheet* ws_;
  MonitorRun run_;
  const MonitorRules& rules_;  // the run's: outlives the sheet
  uint32_t row_ = 0;
  Rational budget_, spent_;
  size_t lights_[kLightCount] = {};
  size_t indicator_lights_[kLightCount] = {};
  size_t not_applicable_ = 0;
};

class MonitorXlsxReporter : public MonitorReporter {
 public:
  explicit MonitorXlsxReporter(const MonitorReportContext& ctx) : ctx_(ctx), books_(ctx.report) {}

  void Begin(const MonitorRun* run, std::ostream& /*out*/) override {
    lxw_worksheet* ws = books_.Begin(Tr(MsgId::kSheetSummary));
    if (ws == nullptr) return;
    // A run without a date monitors nothing: its 汇总 sheet lists the
    // errors that say why, under headers of the end of the year.
    MonitorRun none;
    none.as_of.date = Date{0, 12, 31};
    if (run != nullptr) run_ = *run;
    summary_ = std::make_unique<MonitorSummarySheet>(books_.summary_book(), ws,
                                                     run != nullptr ? *run : none,
                                                     ctx_.report.rules->monitor);
  }

  void Project(const ProjectMonitor& m, std::ostream& /*out*/) override {
    if (!books_.Accept()) {
      summary_.reset();  // a workbook dropped: nothing more is written
      return;
    }
    summary_->Add(m);
    books_.AddForm(m.project.id, DepartmentText(m.project),
                   BuildMonitorForm(m, run_, *ctx_.report.rules));
  }

  void End(const MonitorSummary& /*summary*/, const Diagnostics& diags,
           std::ostream& /*out*/) override {
    if (books_.writing() && summary_) {
      summary_->Finish(diags);
      summary_.reset();
    }
    books_.End();
  }

  Message failure() const override { return books_.failure(); }
  Message warning() const override { return books_.warning(); }

 private:
  MonitorReportContext ctx_;
  FormWorkbooks books_;
  MonitorRun run_;
  std::unique_ptr<MonitorSummarySheet> summary_;
};

}  // namespace

std::unique_ptr<MonitorReporter> MakeMonitorXlsxReporter(const MonitorReportContext& ctx) {
  return std::make_unique<MonitorXlsxReporter>(ctx);
}

}  // namespace jixiao
