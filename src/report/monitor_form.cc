#include "report/monitor_form.h"

#include <string>
#include <vector>

#include "base/messages.h"
#include "base/text.h"
#include "report/monitor_common.h"
#include "report/report_common.h"

namespace jixiao {

namespace {

// A–P: 一级, 二级, 三级, 年度指标值, 1-7月执行情况, 全年预计完成情况, the five
// reasons, the three likelihoods, 备注, 预警.
const std::vector<double> kWidths = {11, 12, 22, 13, 13, 13, 8, 8, 8, 13, 7, 7, 7, 10, 22, 7};
constexpr int kColumns = 16;
constexpr int kLightColumn = 15;  // P

// 主管部门及代码: "code name" of the supervisor, else of the department.
std::string SupervisorWithCode(const Project& p) {
  std::string s(Trim(p.supervisor_code + " " + p.supervisor_name));
  return s.empty() ? DepartmentText(p) : s;
}

// The light's word in its colour.
void LightCell(GridBuilder* b, int row, Light l) {
  b->Text(row, kLightColumn, LightWord(l), kStyleBold | kStyleCentre | LightFill(l));
}

}  // namespace

uint8_t LightFill(Light l) {
  switch (l) {
    case Light::kGreen: return kStyleFillGreen;
    case Light::kYellow: return kStyleFillYellow;
    case Light::kRed: return kStyleFillRed;
  }
  return 0;
}

FormGrid BuildMonitorForm(const ProjectMonitor& m, const MonitorRun& run, const Rules& rules) {
  const Project& p = m.project;
  const int month = run.as_of.date.month;
  GridBuilder b(kWidths);
  const NumberFormat kFixed = NumberFormat::kFixed2;
  const NumberFormat kPercent = NumberFormat::kPercent2;

  // Title, year, name and the project's light, departments.
  b.Text(0, 0, Tr(MsgId::kMonFormTitle), kStyleBold | kStyleCentre | kStyleTitle, 1, kColumns);
  b.Text(1, 0, Tr(MsgId::kFormYear, p.year), kStyleCentre, 1, kColumns);
  b.Text(2, 0, Tr(MsgId::kFormProjectName), kFormLabel, 1, 2);
  b.Text(2, 2, p.project, kFormValue, 1, 12);
  b.Text(2, 14, Tr(MsgId::kMonFormProjectLight), kFormLabel);
  LightCell(&b, 2, m.light);
  b.Text(3, 0, Tr(MsgId::kMonFormSupervisorCode), kFormLabel, 1, 2);
  b.Text(3, 2, SupervisorWithCode(p), kFormValue, 1, 6);
  b.Text(3, 8, Tr(MsgId::kFormImplementer), kFormLabel, 1, 3);
  b.Text(3, 11, ImplementerText(p), kFormValue, 1, 5);

  // The funding block: the 年初预算数 (the target file's, with its parts),
  // spent to date, the rate, the forecast; then the budget's light. The
  // rates are of the budget in force: the adjusted one when the entry gives
  // one, which the 情况说明 then states before the note (the official form
  // has no column for it). The form has the rows 年度资金总额, 其中：财政拨款,
  // 其他资金; a project with 上年结转资金 (in its budget or its spending) gets
  // a row for it after 财政拨款, and every row below moves down one.
  const FundingFigures target = TargetFunding(p);
  const FundingFigures& budget = m.adjusted ? *m.adjusted : target;
  const bool carryover = target.carryover || budget.carryover || m.spent_parts.carryover;
  using Part = std::optional<Rational> FundingFigures::*;
  std::vector<std::pair<MsgId, Part>> parts = {{MsgId::kMonFormFiscal, &FundingFigures::fiscal}};
  if (carryover) parts.push_back({MsgId::kFormCarryover, &FundingFigures::carryover});
  parts.push_back({MsgId::kFormOther, &FundingFigures::other});
  const int light_row = 6 + static_cast<int>(parts.size());
  b.Text(4, 0, Tr(MsgId::kFormFunds, p.unit), kFormLabel, light_row - 3, 2);
  b.Blank(4, 2);
  b.Text(4, 3, Tr(MsgId::kFormInitialBudget), kFormLabel);
  b.Text(4, 4, Tr(MsgId::kMonFormSpentTo, MonthsTo(month)), kFormLabel);
  b.Text(4, 5, Tr(MsgId::kMonFormRateTo, MonthsTo(month)), kFormLabel);
  b.Text(4, 6, Tr(MsgId::kMonFormForecastSpent), kFormLabel, 1, 3);
  b.Text(4, 9, Tr(MsgId::kMonFormExplanation), kFormLabel, 1, 7);
  b.Text(5, 2, Tr(MsgId::kFormTotalFunds), kFormLabel);
  b.Number(5, 3, p.total, kFixed);
  b.Number(5, 4, m.spent, kFixed);
  b.Number(5, 5, m.rate, kPercent);
  b.MaybeNumber(5, 6, m.forecast_spent, kFixed, 3);
  std::string explanation = m.note;
  if (m.adjusted) {
    explanation = Tr(MsgId::kMonFormAdjustedBudget, m.budget.FormatFixed(2), p.unit) +
                  (m.note.empty() ? "" : "\n" + m.note);
  }
  b.Text(5, 9, explanation, kFormValue, light_row - 5, 7);
  for (size_t i = 0; i < parts.size(); ++i) {
    const int row = 6 + static_cast<int>(i);
    const Part part = parts[i].second;
    b.Text(row, 2, Tr(parts[i].first), kFormLabel);
    b.MaybeNumber(row, 3, target.*part, kFixed);
    b.MaybeNumber(row, 4, m.spent_parts.*part, kFixed);
    const std::optional<Rational>& a = budget.*part;
    const std::optional<Rational>& spent = m.spent_parts.*part;
    if (a && spent && a->sign() > 0) {
      b.Number(row, 5, *spent / *a, kPercent);
    } else {
      b.Blank(row, 5);
    }
    b.Text(row, 6, kFormDash, kFormCentred, 1, 3);
  }
  // The figures, with the forecast spending's flag when it is low (as the
  // text report's budget line and the 汇总 sheet have it).
  int row = light_row;
  b.Text(row, 2, Tr(MsgId::kMonFormBudgetLight), kFormLabel);
  b.Text(row, 3, Tr(MsgId::kMonFormTimeProgress), kFormLabel);
  b.Number(row, 4, run.progress.value, kPercent);
  b.Text(row, 5, Tr(MsgId::kMonFormPace), kFormLabel);
  b.Number(row, 6, m.pace, kFixed, 1, 3).places = static_cast<uint8_t>(m.pace_places);
  b.Text(row, 9, BudgetFiguresFlagged(m, run, rules.monitor), kFormValue, 1, 6);
  LightCell(&b, row, m.budget_light);
  ++row;

  // Goals and what has been achieved so far.
  b.Text(row, 0, Tr(MsgId::kFormGoals), kFormLabel, 1, 8);
  b.Text(row, 8, Tr(MsgId::kMonFormProgressTo, MonthsTo(month)), kFormLabel, 1, 8);
  ++row;
  b.Text(row, 0, NumberedLines(p.goals), kFormValue, 1, 8);
  b.Text(row, 8, m.achieved, kFormValue, 1, 8);
  ++row;

  // The indicators' two-row header.
  const int header = row;
  const MsgId single[] = {MsgId::kFormLevel1, MsgId::kFormLevel2, MsgId::kFormLevel3,
                          MsgId::kFormTarget};
  for (int c = 0; c < 4; ++c) b.Text(header, c, Tr(single[c]), kFormLabel, 2, 1);
  b.Text(header, 4, Tr(MsgId::kMonFormProgressTo, MonthsTo(month)), kFormLabel, 2, 1);
  b.Text(header, 5, Tr(MsgId::kMonFormForecast), kFormLabel, 2, 1);
  b.Text(header, 6, Tr(MsgId::kMonFormReasons), kFormLabel, 1, 5);
  for (unsigned k = 0; k < kReasonCount; ++k)
    b.Text(header + 1, 6 + static_cast<int>(k), ReasonsText(kReasons[k]), kFormLabel);
  b.Text(header, 11, Tr(MsgId::kMonFormLikelihood), kFormLabel, 1, 3);
  const Likelihood likelihoods[] = {Likelihood::kCertain, Likelihood::kLikely,
                                    Likelihood::kImpossible};
  for (int k = 0; k < 3; ++k) b.Text(header + 1, 11 + k, LikelihoodText(likelihoods[k]), kFormLabel);
  b.Text(header, 14, Tr(MsgId::kMonFormRemarks), kFormLabel, 2, 1);
  b.Text(header, kLightColumn, Tr(MsgId::kMonFormLight), kFormLabel, 2, 1);

  // One row per indicator, grouped: 一级 merged down over its rows, 二级 likewise.
  std::vector<size_t> indexes;
  indexes.reserve(m.indicators.size());
  for (const IndicatorMonitor& im : m.indicators) indexes.push_back(im.index);
  const std::vector<size_t> order = TaxonomyOrder(p, indexes, rules);
  const int first = header + 2;
  const int n = static_cast<int>(order.size());
  auto indicator = [&](int k) -> const Indicator& { return p.indicators[indexes[order[k]]]; };
  for (int k = 0; k < n;) {
    int end = k;
    while (end < n && indicator(end).level1 == indicator(k).level1) ++end;
    b.Text(first + k, 0, indicator(k).level1, kFormLabel, end - k, 1);
    for (int j = k; j < end;) {
      int end2 = j;
      while (end2 < end && indicator(end2).level2 == indicator(j).level2) ++end2;
      b.Text(first + j, 1, indicator(j).level2, kFormLabel, end2 - j, 1);
      j = end2;
    }
    k = end;
  }
  for (int k = 0; k < n; ++k) {
    const IndicatorMonitor& im = m.indicators[order[k]];
    const Indicator& ind = indicator(k);
    const int row = first + k;
    b.Text(row, 2, ind.name, kFormValue);
    b.Text(row, 3, ind.target_text, kFormCentred);
    b.Text(row, 4, im.value_text, kFormCentred);
    b.Text(row, 5, im.forecast_text, kFormCentred);
    for (unsigned r = 0; r < kReasonCount; ++r) {
      if (im.reasons & kReasons[r]) {
        b.Text(row, 6 + static_cast<int>(r), kMonitorFormMark, kFormCentred);
      } else {
        b.Blank(row, 6 + static_cast<int>(r));
      }
    }
    for (int l = 0; l < 3; ++l) {
      if (im.likelihood && *im.likelihood == likelihoods[l]) {
        b.Text(row, 11 + l, kMonitorFormMark, kFormCentred);
      } else {
        b.Blank(row, 11 + l);
      }
    }
    b.Text(row, 14, im.note, kFormValue);
    if (im.not_applicable) {
      b.Text(row, kLightColumn, kFormDash, kFormCentred);
    } else {
      LightCell(&b, row, im.light);
    }
  }
  const int form_rows = first + n;

  // Below the form: what 136号 asks of a red project, the lines to sign.
  row = form_rows;
  if (m.light == Light::kRed) {
    b.Text(row++, 0, RedAdvice(), kStyleWrap | kStyleNoBorder, 1, kColumns);
  }
  b.Text(row++, 0, Tr(MsgId::kFormSignature), kStyleNoBorder, 1, kColumns);

  FormGrid& g = b.grid();
  g.landscape = true;
  g.form_rows = static_cast<uint16_t>(form_rows);
  g.first_indicator_row = static_cast<uint16_t>(first);
  g.total_row = static_cast<uint16_t>(form_rows - 1);
  g.header_rows = static_cast<uint16_t>(first);
  return b.Finish(static_cast<uint16_t>(row));
}

}  // namespace jixiao
