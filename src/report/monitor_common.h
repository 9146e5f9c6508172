// What the monitoring reports share (monitor_report.h): the words of
// lights, likelihoods and reasons in the run's language, the figures of the
// budget, the advice of 136号 for a red light, and the arithmetic behind each
// light (--show-work).
#ifndef JIXIAO_REPORT_MONITOR_COMMON_H_
#define JIXIAO_REPORT_MONITOR_COMMON_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/progress.h"
#include "model/rules.h"
#include "score/monitor.h"

namespace jixiao {

// "低于预算的 90%" (zh) / "below 90% of the budget" (en): the flag of a
// forecast_spent under the rules' threshold.
std::string ForecastSpentLowText(const MonitorRules& rules);
// The reasons of `reasons` (Reason bits) in the form's order: "经费保障、人员保障"
// (zh) or "funding, staff" (en); "" for none.
std::string ReasonsText(unsigned reasons);
// Their stable names joined by `sep`: "funding;staff".
std::string ReasonKeys(unsigned reasons, std::string_view sep);
// FiguresText, then the likelihood that changed the light (or contradicts
// it), if any: "90% ≥ 90%；完全不可能：绿 → 红". For the reports that give
// an indicator one line (github, junit), so that a light the figures do
// not explain says why.
std::string FiguresAndAdjustment(const IndicatorMonitor& im, const MonitorRun& run,
                                 ReverseFormula reverse);
// The label of a value to date: "1-7月执行情况" for an as_of in July.
std::string ValueLabel(const MonitorRun* run);
// The months from January to `month` as a label writes them: "1-7", and
// "1" for January alone ("1月执行数", not "1-1月").
std::string MonthsTo(int month);
// The figures of the budget light: "3.1 / 6 万元 = 51.67% ÷ 213/366 = 0.89"
// (spent / budget = rate, ÷ time progress = pace, to 2 decimals).
std::string BudgetFigures(const ProjectMonitor& m, const MonitorRun& run);
// The same, then, when forecast_spent is under the threshold, its flag:
// "…；全年预计执行数 低于预算的 90%". For the reports that give the budget one
// line of figures (csv, junit, github).
std::string BudgetFiguresFlagged(const ProjectMonitor& m, const MonitorRun& run,
                                 const MonitorRules& rules);
// "（占预算 89.50%）": the forecast spending's share of the budget, with
// more places when two would round a share under the threshold up to it
// (89.9973%, not 90.00% beside "低于预算的 90%"). m.forecast_spent is set.
std::string ForecastShareText(const ProjectMonitor& m, const MonitorRules& rules);
// What 136号 asks of a project with a red light.
std::string RedAdvice();
// "58.20%": a fraction as a percentage with 2 decimals.
std::string PercentText(const Rational& r);
// The summary line of a run: "截至 2024-07-31（时间进度 58.20%）：共 5 个项目，
// 绿 1 个，黄 2 个，红 2 个；错误 0 个，警告 3 个".
std::string MonitorSummaryLine(const MonitorSummary& s, const MonitorRun* run, size_t errors,
                               size_t warnings);

// --show-work: the arithmetic behind the lights, one line each, in the run's
// language. Ratios are exact: shown to 4 decimals, and as a fraction when
// 4 decimals do not hold them.
std::string TimeProgressWork(const MonitorRun& run);
std::string BudgetWork(const ProjectMonitor& m, const MonitorRun& run, const MonitorRules& rules);
std::string IndicatorWork(const IndicatorMonitor& im, const MonitorRun& run, const Rules& rules);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_MONITOR_COMMON_H_
