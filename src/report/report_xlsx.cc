// The xlsx report of eval (docs/reference.md §8): the 汇总 sheet, then one
// 项目支出绩效自评表 sheet per project (self_eval_form.h draws the layout),
// written through FormWorkbooks (xlsx_workbook.h): one workbook for
// -f xlsx=FILE, 汇总.xlsx and one workbook per department for -f xlsx=DIR/.
#include <algorithm>
#include <array>

#include "base/lang.h"
#include "base/messages.h"
#include "base/text.h"
#include "model/value.h"
#include "report/report.h"
#include "report/report_common.h"
#include "report/self_eval_form.h"
#include "report/xlsx_workbook.h"

namespace jixiao {

namespace {

// The notes of a project's flagged items, for the 汇总 sheet's 偏差说明.
std::string DeviationNotes(const ProjectScore& s) {
  std::string out;
  auto add = [&](const std::string& what, const std::string& note) {
    if (!out.empty()) out += Tr(MsgId::kSumSeparator);
    std::string n(Trim(note));
    out += Tr(MsgId::kSumNoteItem, what, n.empty() ? Tr(MsgId::kSumNoNote) : n);
  };
  if (s.low_execution) add(Tr(MsgId::kFormRate), s.note);
  for (const IndicatorScore& is : s.indicators) {
    if (is.deviation == DeviationKind::kNone) continue;
    add(s.project.indicators[is.index].name, is.note);
  }
  return out;
}

// The 汇总 sheet: a row per project as it comes, then the totals and the
// run's diagnostics. Rows are written in order (a constant_memory sheet
// takes nothing else).
class SummarySheet {
 public:
  static constexpr int kColumns = 15;  // A–O
  // The notes' column: display columns a line (its width less a margin), and
  // the most lines a row is made tall for.
  static constexpr size_t kNoteLineWidth = 46;
  static constexpr size_t kMaxNoteLines = 30;

  SummarySheet(Workbook* book, lxw_worksheet* ws) : book_(book), ws_(ws) {
    const MsgId headers[kColumns] = {
        MsgId::kSumId,       MsgId::kFormProjectName, MsgId::kFormSupervisor,
        MsgId::kFormImplementer, MsgId::kSumInitialBudget, MsgId::kSumYearBudget,
        MsgId::kSumSpent,    MsgId::kFormRate,        MsgId::kFormScore,
        MsgId::kSumGrade,    MsgId::kSumMet,          MsgId::kSumUnmet,
        MsgId::kSumNotApplicable, MsgId::kSumComplies, MsgId::kSumNotes};
    std::vector<std::string> texts;
    for (MsgId h : headers) texts.push_back(Tr(h));
    SetUpSummarySheet(book_, ws_, texts, {20, 36, 24, 24, 12, 12, 12, 10, 8, 6, 6, 7, 7, 6, 48});
    row_ = 1;
  }

  void Add(const ProjectScore& s, bool complies) {
    if (row_ >= kXlsxMaxRows - 8) return;  // Excel's last rows: the totals need room
    const Project& p = s.project;
    lxw_format* text = book_->Format(0, Num::kNone, true);
    lxw_format* centred = book_->Format(kStyleCentre, Num::kNone, true);
    lxw_format* amount = book_->Format(0, Num::kFixed2, true);
    lxw_format* percent = book_->Format(0, Num::kPercent2, true);
    lxw_format* count = book_->Format(0, Num::kInteger, true);
    const Rational initial = InWan(p.total, p.unit);
    const Rational budget = InWan(s.budget, p.unit);
    const Rational spent = InWan(s.spent, p.unit);
    initial_ += initial;
    budget_ += budget;
    spent_ += spent;
    met_ += s.met;
    unmet_ += s.unmet;
    not_applicable_ += s.not_applicable;
    if (complies) ++complies_;
    int64_t cents = 0;
    (s.total_rounded * 100).num().ToInt64(&cents);
    scores_.AddCents(cents);
    const uint32_t r = row_++;
    // The notes wrap in their column: the row is as tall as they need
    // (spreadsheets do not all grow a row for wrapped text by themselves).
    const std::string notes = DeviationNotes(s);
    const size_t lines = std::min<size_t>(kMaxNoteLines, 1 + DisplayWidth(notes) / kNoteLineWidth);
    if (lines > 1) worksheet_set_row(ws_, r, 15.0 * static_cast<double>(lines), nullptr);
    WriteString(ws_, r, 0, p.id, text);
    WriteString(ws_, r, 1, p.project, text);
    WriteString(ws_, r, 2, SupervisorText(p), text);
    WriteString(ws_, r, 3, ImplementerText(p), text);
    worksheet_write_number(ws_, r, 4, initial.ToDouble(), amount);
    worksheet_write_number(ws_, r, 5, budget.ToDouble(), amount);
    worksheet_write_number(ws_, r, 6, spent.ToDouble(), amount);
    worksheet_write_number(ws_, r, 7, s.rate.ToDouble(), percent);
    worksheet_write_number(ws_, r, 8, s.total_rounded.ToDouble(), amount);
    WriteString(ws_, r, 9, s.grade, centred);
    worksheet_write_number(ws_, r, 10, s.met, count);
    worksheet_write_number(ws_, r, 11, s.unmet, count);
    worksheet_write_number(ws_, r, 12, s.not_applicable, count);
    WriteString(ws_, r, 13, Tr(complies ? MsgId::kSumYes : MsgId::kSumNo), centred);
    WriteString(ws_, r, 14, notes, book_->Format(kStyleWrap, Num::kNone, true));
  }

  void Finish(const RunSummary& summary, const Diagnostics& diags) {
    const uint32_t last_project = row_ - 1;
    const size_t projects = row_ - 1;
    lxw_format* label = book_->Format(kStyleBold, Num::kNone, true);
    lxw_format* amount = book_->Format(kStyleBold, Num::kFixed2, true);
    lxw_format* percent = book_->Format(kStyleBold, Num::kPercent2, true);
    lxw_format* count = book_->Format(kStyleBold, Num::kInteger, true);
    lxw_format* blank = book_->Format(0, Num::kNone, true);
    // Totals: sums of the amounts, the overall rate, the mean score, the
    // counts by grade.
    uint32_t r = row_++;
    WriteString(ws_, r, 0, Tr(MsgId::kSumTotal), label);
    WriteString(ws_, r, 1, Tr(MsgId::kSumProjects, projects), label);
    worksheet_write_blank(ws_, r, 2, blank);
    worksheet_write_blank(ws_, r, 3, blank);
    worksheet_write_number(ws_, r, 4, initial_.ToDouble(), amount);
    worksheet_write_number(ws_, r, 5, budget_.ToDouble(), amount);
    worksheet_write_number(ws_, r, 6, spent_.ToDouble(), amount);
    if (budget_.sign() > 0) {
      worksheet_write_number(ws_, r, 7, (spent_ / budget_).ToDouble(), percent);
    } else {
      worksheet_write_blank(ws_, r, 7, blank);
    }
    worksheet_write_number(ws_, r, 8, scores_.Mean().Round(2).ToDouble(), amount);
    std::string grades;
    for (const auto& [grade, n] : summary.grades) {
      if (!grades.empty()) grades += Tr(MsgId::kSumListSeparator);
      grades += Tr(MsgId::kSumGradeCount, grade, n);
    }
    WriteString(ws_, r, 9, grades, label);
    worksheet_write_number(ws_, r, 10, static_cast<double>(met_), count);
    worksheet_write_number(ws_, r, 11, static_cast<double>(unmet_), count);
    worksheet_write_number(ws_, r, 12, static_cast<double>(not_applicable_), count);
    worksheet_write_number(ws_, r, 13, static_cast<double>(complies_), count);
    worksheet_write_blank(ws_, r, 14, blank);
    r = row_++;
    WriteString(ws_, r, 0, Tr(MsgId::kSumMedian), label);
    for (int c = 1; c < kColumns; ++c) {
      if (c == 8) {
        worksheet_write_number(ws_, r, 8, scores_.Median().Round(2).ToDouble(), amount);
      } else {
        worksheet_write_blank(ws_, r, static_cast<lxw_col_t>(c), blank);
      }
    }
    ExtendSummaryFilter(ws_, last_project);
    WriteSummaryDiagnostics(book_, ws_, &row_, diags, MsgId::kSumErrorsTitle);
  }

 private:
  Workbook* book_;
  lxw_worksheet* ws_;
  uint32_t row_ = 0;
  Rational initial_, budget_, spent_;
  size_t met_ = 0, unmet_ = 0, not_applicable_ = 0, complies_ = 0;
  DepartmentSummary scores_;  // the rounded totals, for mean and median
};

class XlsxReporter : public Reporter {
 public:
  explicit XlsxReporter(const ReportContext& ctx) : ctx_(ctx), books_(ctx) {}

  void Begin(std::ostream& /*out*/) override {
    lxw_worksheet* ws = books_.Begin(Tr(MsgId::kSheetSummary));
    if (ws != nullptr) summary_ = std::make_unique<SummarySheet>(books_.summary_book(), ws);
  }

  void Project(const ProjectScore& s, bool complies, std::ostream& /*out*/) override {
    if (!books_.Accept()) {
      summary_.reset();  // a workbook dropped: nothing more is written
      return;
    }
    summary_->Add(s, complies);
    if (s.work) KeepWork(s);
    books_.AddForm(s.project.id, DepartmentText(s.project), BuildSelfEvalForm(s, *ctx_.rules));
  }

  void End(const RunSummary& summary, const Diagnostics& diags, std::ostream& /*out*/) override {
    if (books_.writing()) {
      summary_->Finish(summary, diags);
      summary_.reset();
      if (!work_rows_.empty()) WriteWorkSheet();
    }
    books_.End();
  }

  Message failure() const override { return books_.failure(); }
  Message warning() const override { return books_.warning(); }

 private:
  // --show-work: the lines of the 计算过程 sheet of `s`, kept until the end
  // (the sheet comes after the projects').
  void KeepWork(const ProjectScore& s) {
    // Excel's last row: a year that needs more is cut there (the json
    // report has all of it).
    constexpr size_t kMaxRows = 1048575;
    if (work_rows_.size() + s.indicators.size() * 3 + 1 > kMaxRows) return;
    work_rows_.push_back({s.project.id, Tr(MsgId::kFormRate), BudgetWorkLine(s)});
    for (size_t i = 0; i < s.indicators.size(); ++i) {
      const std::string& name = s.project.indicators[s.indicators[i].index].name;
      for (std::string& line : IndicatorWorkLines(s, i))
        work_rows_.push_back({s.project.id, name, std::move(line)});
    }
  }

  // The 计算过程 sheet of the summary workbook: a row for each line of the
  // arithmetic, under a header of 编号, 三级指标, 计算过程.
  void WriteWorkSheet() {
    lxw_worksheet* ws = books_.summary_book()->AddSheet(Tr(MsgId::kSheetWork));
    if (ws == nullptr) return;
    const ReportLabels& l = ReportLabels::Current();
    worksheet_set_column(ws, 0, 0, 22, nullptr);
    worksheet_set_column(ws, 1, 1, 28, nullptr);
    worksheet_set_column(ws, 2, 2, 110, nullptr);
    lxw_format* head = books_.summary_book()->Format(kStyleBold, Num::kNone, true);
    lxw_format* cell = books_.summary_book()->Format(0, Num::kNone, true);
    WriteString(ws, 0, 0, l.id, head);
    WriteString(ws, 0, 1, l.indicator, head);
    WriteString(ws, 0, 2, Tr(MsgId::kWorkColumnStep), head);
    for (size_t r = 0; r < work_rows_.size(); ++r) {
      const lxw_row_t row = static_cast<lxw_row_t>(r + 1);
      for (uint16_t c = 0; c < 3; ++c) WriteString(ws, row, c, work_rows_[r][c], cell);
    }
    worksheet_freeze_panes(ws, 1, 0);
    work_rows_.clear();
    work_rows_.shrink_to_fit();
  }

  ReportContext ctx_;
  FormWorkbooks books_;
  std::unique_ptr<SummarySheet> summary_;
  std::vector<std::array<std::string, 3>> work_rows_;  // --show-work: id, indicator, line
};

}  // namespace

std::unique_ptr<Reporter> MakeXlsxReporter(const ReportContext& ctx) {
  return std::make_unique<XlsxReporter>(ctx);
}

}  // namespace jixiao
