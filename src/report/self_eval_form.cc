#include "report/self_eval_form.h"

#include <optional>

#include "base/messages.h"
#include "base/text.h"

namespace jixiao {

std::vector<size_t> FormIndicatorOrder(const ProjectScore& s, const Rules& rules) {
  std::vector<size_t> indexes;
  indexes.reserve(s.indicators.size());
  for (const IndicatorScore& is : s.indicators) indexes.push_back(is.index);
  return TaxonomyOrder(s.project, indexes, rules);
}

FormGrid BuildSelfEvalForm(const ProjectScore& s, const Rules& rules) {
  const Project& p = s.project;
  GridBuilder b({FormGrid::kColumnWidths, FormGrid::kColumnWidths + FormGrid::kColumns});
  const NumberFormat kFixed = NumberFormat::kFixed2;
  const NumberFormat kPercent = NumberFormat::kPercent2;

  // Title, year, name, departments.
  b.Text(0, 0, Tr(MsgId::kFormTitle), kStyleBold | kStyleCentre | kStyleTitle, 1, 10);
  b.Text(1, 0, Tr(MsgId::kFormYear, p.year), kStyleCentre, 1, 10);
  b.Text(2, 0, Tr(MsgId::kFormProjectName), kFormLabel);
  b.Text(2, 1, p.project, kFormValue, 1, 9);
  b.Text(3, 0, Tr(MsgId::kFormSupervisor), kFormLabel);
  b.Text(3, 1, SupervisorText(p), kFormValue, 1, 4);
  b.Text(3, 5, Tr(MsgId::kFormImplementer), kFormLabel);
  b.Text(3, 6, ImplementerText(p), kFormValue, 1, 4);

  // The funding block.
  b.Text(4, 0, Tr(MsgId::kFormFunds, p.unit), kFormLabel, 5, 1);
  b.Blank(4, 1, 1, 2);
  b.Text(4, 3, Tr(MsgId::kFormInitialBudget), kFormLabel);
  b.Text(4, 4, Tr(MsgId::kFormYearBudget), kFormLabel);
  b.Text(4, 5, Tr(MsgId::kFormSpent), kFormLabel);
  b.Text(4, 6, Tr(MsgId::kFormWeight), kFormLabel);
  b.Text(4, 7, Tr(MsgId::kFormRate), kFormLabel);
  b.Text(4, 8, Tr(MsgId::kFormScore), kFormLabel, 1, 2);
  b.Text(5, 1, Tr(MsgId::kFormTotalFunds), kFormLabel, 1, 2);
  b.Number(5, 3, p.total, kFixed);
  b.Number(5, 4, s.budget, kFixed);
  b.Number(5, 5, s.spent, kFixed);
  b.Number(5, 6, s.budget_weight, kFixed);
  b.Number(5, 7, s.rate, kPercent);
  b.Number(5, 8, s.budget_score, kFixed, 1, 2);
  using Part = std::optional<Rational> FundingFigures::*;
  const std::pair<MsgId, Part> parts[] = {{MsgId::kFormFiscal, &FundingFigures::fiscal},
                                          {MsgId::kFormCarryover, &FundingFigures::carryover},
                                          {MsgId::kFormOther, &FundingFigures::other}};
  const FundingFigures target = TargetFunding(p);
  // 全年预算数 is the adjusted budget when the actuals give one, else the target's.
  const FundingFigures& year_budget = s.adjusted ? *s.adjusted : target;
  for (int i = 0; i < 3; ++i) {
    const int row = 6 + i;
    const Part part = parts[i].second;
    b.Text(row, 1, Tr(parts[i].first), kFormLabel, 1, 2);
    b.MaybeNumber(row, 3, target.*part, kFixed);
    b.MaybeNumber(row, 4, year_budget.*part, kFixed);
    b.MaybeNumber(row, 5, s.spent_parts.*part, kFixed);
    b.Text(row, 6, kFormDash, kFormCentred);
    const std::optional<Rational>& budget = year_budget.*part;
    const std::optional<Rational>& spent = s.spent_parts.*part;
    if (budget && spent && budget->sign() > 0) {
      b.Number(row, 7, *spent / *budget, kPercent);
    } else {
      b.Blank(row, 7);
    }
    b.Text(row, 8, kFormDash, kFormCentred, 1, 2);
  }

  // Goals and what was achieved.
  b.Text(9, 0, Tr(MsgId::kFormGoals), kFormLabel, 2, 1);
  b.Text(9, 1, Tr(MsgId::kFormExpected), kFormLabel, 1, 4);
  b.Text(9, 5, Tr(MsgId::kFormAchieved), kFormLabel, 1, 5);
  b.Text(10, 1, NumberedLines(p.goals), kFormValue, 1, 4);
  b.Text(10, 5, s.achieved, kFormValue, 1, 5);

  // The indicators, grouped: 一级 merged down over its rows, 二级 likewise.
  const std::vector<size_t> order = FormIndicatorOrder(s, rules);
  const int first = 12;
  const int n = static_cast<int>(order.size());
  const int total_row = first + n;
  b.Text(11, 0, Tr(MsgId::kFormIndicators), kFormLabel, 1 + n, 1);
  b.Text(11, 1, Tr(MsgId::kFormLevel1), kFormLabel);
  b.Text(11, 2, Tr(MsgId::kFormLevel2), kFormLabel);
  b.Text(11, 3, Tr(MsgId::kFormLevel3), kFormLabel);
  b.Text(11, 4, Tr(MsgId::kFormTarget), kFormLabel);
  b.Text(11, 5, Tr(MsgId::kFormActual), kFormLabel);
  b.Text(11, 6, Tr(MsgId::kFormWeight), kFormLabel);
  b.Text(11, 7, Tr(MsgId::kFormScore), kFormLabel);
  b.Text(11, 8, Tr(MsgId::kFormDeviationNote), kFormLabel, 1, 2);
  Rational weights = s.budget_weight;
  auto indicator = [&](int k) -> const Indicator& {
    return p.indicators[s.indicators[order[k]].index];
  };
  for (int k = 0; k < n;) {
    // The run of rows of one 一级指标, and its weight.
    int end = k;
    Rational group_weight;
    while (end < n && indicator(end).level1 == indicator(k).level1) {
      group_weight += s.indicators[order[end]].weight;
      ++end;
    }
    b.Text(first + k, 1,
           Tr(MsgId::kFormLevel1Points, indicator(k).level1, group_weight.FormatShort(2)), kFormLabel,
           end - k, 1);
    for (int j = k; j < end;) {
      int end2 = j;
      while (end2 < end && indicator(end2).level2 == indicator(j).level2) ++end2;
      b.Text(first + j, 2, indicator(j).level2, kFormLabel, end2 - j, 1);
      j = end2;
    }
    k = end;
  }
  for (int k = 0; k < n; ++k) {
    const IndicatorScore& is = s.indicators[order[k]];
    const Indicator& ind = indicator(k);
    const int row = first + k;
    b.Text(row, 3, ind.name, kFormValue);
    b.Text(row, 4, ind.target_text, kFormCentred);
    b.Text(row, 5, is.actual_text, kFormCentred);
    b.Number(row, 6, is.weight, kFixed);
    b.Number(row, 7, is.score, kFixed);
    b.Text(row, 8, is.note, kFormValue, 1, 2);
    weights += is.weight;
  }
  b.Text(total_row, 0, Tr(MsgId::kFormTotal), kFormLabel, 1, 6);
  b.Number(total_row, 6, weights, kFixed, 1, 1, kStyleBold);
  b.Number(total_row, 7, s.total_rounded, kFixed, 1, 1, kStyleBold);
  b.Text(total_row, 8, s.grade, kFormLabel, 1, 2);

  // Below the form: the reason for the execution rate, the lines to sign.
  int row = total_row + 1;
  if (!Trim(s.note).empty()) {
    b.Text(row++, 0, Tr(MsgId::kFormExecutionNote, s.note), kStyleWrap | kStyleNoBorder, 1, 10);
  }
  b.Text(row++, 0, Tr(MsgId::kFormSignature), kStyleNoBorder, 1, 10);

  FormGrid& g = b.grid();
  g.form_rows = static_cast<uint16_t>(total_row + 1);
  g.total_row = static_cast<uint16_t>(total_row);
  g.first_indicator_row = static_cast<uint16_t>(first);
  g.header_rows = 12;
  return b.Finish(static_cast<uint16_t>(row));
}

}  // namespace jixiao
