// The 项目支出绩效自评表 (project expenditure performance self-evaluation
// form) of one scored project, laid out as a grid of cells (form_grid.h):
// what goes in which cell, which cells are merged, how each figure is shown.
// Renderers (the xlsx sheet, the html page) only draw the grid; the layout
// is decided here once (docs/reference.md §8).
//
// Ten columns A–J, rows from 0:
//   0      title, merged A:J
//   1      （2024年度）, merged A:J
//   2      项目名称 | the name (B:J)
//   3      主管部门 | supervisor, else the department (B:E) | 实施单位 | department (G:J)
//   4–8    项目资金（万元） (A4:A8) and the funding block: headers, 年度资金总额,
//          其中：当年财政拨款, 上年结转资金, 其他资金
//   9–10   年度总体目标 (A9:A10): 预期目标 (B:E) | 实际完成情况 (F:J), then the texts
//   11     绩效指标 (A11 down to the last indicator row) and the indicator headers
//   12…    one row per 三级指标 in taxonomy order, 一级 and 二级 merged down
//   last   总分 (A:F) | the weights' sum | the total | the grade (I:J)
// then, outside the form (no borders), the budget execution note when there
// is one, and the lines to sign.
#ifndef JIXIAO_REPORT_SELF_EVAL_FORM_H_
#define JIXIAO_REPORT_SELF_EVAL_FORM_H_

#include <string>
#include <vector>

#include "model/rules.h"
#include "report/form_grid.h"
#include "score/score.h"

namespace jixiao {

// The 自评表 of `s` in the current language (base/lang.h). The indicators
// are grouped 一级 by 一级 and 二级 by 二级 in the order of the taxonomy of
// `rules` (the 2021 form's 成本指标 right after 产出指标; groups the taxonomy
// lacks after, in order of first appearance), each group's indicators in
// input order.
FormGrid BuildSelfEvalForm(const ProjectScore& s, const Rules& rules);

// The order BuildSelfEvalForm lists the indicators of `s` in: indexes into
// s.indicators.
std::vector<size_t> FormIndicatorOrder(const ProjectScore& s, const Rules& rules);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_SELF_EVAL_FORM_H_
