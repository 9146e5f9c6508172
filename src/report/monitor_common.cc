// What the monitoring reports share (monitor_common.h).
#include "report/monitor_common.h"

#include <initializer_list>

#include <fmt/format.h>

#include "base/lang.h"
#include "base/messages.h"

namespace jixiao {

namespace {

// A ratio of --show-work: 4 decimals, more when 4 would write one of
// `bounds` it is below (0.79995 beside 0.8 is "0.79995", not "0.8000",
// which the band beside it says is short), and the exact fraction when the
// decimals do not hold it.
std::string Exact(const Rational& r, std::initializer_list<Rational> bounds = {}) {
  const std::string fixed = r.FormatFixed(PlacesApart(r, bounds, 4));
  if (r.Round(4) == r) return fixed;
  return Tr(MsgId::kMonWorkExact, fixed, r.num().ToString() + "/" + r.den().ToString());
}

// "v ≥ 0.8 → 绿", "0.6 ≤ v < 0.8 → 黄", "v < 0.6 → 红": which band `v`'s light is.
std::string Band(std::string_view v, Light light, const Rational& green, const Rational& yellow) {
  const std::string word = LightWord(light);
  switch (light) {
    case Light::kGreen: return fmt::format("{} ≥ {} → {}", v, green.ToDecimalString(), word);
    case Light::kYellow:
      return fmt::format("{} ≤ {} < {} → {}", yellow.ToDecimalString(), v,
                         green.ToDecimalString(), word);
    case Light::kRed: return fmt::format("{} < {} → {}", v, yellow.ToDecimalString(), word);
  }
  return "";
}

}  // namespace

std::string ForecastSpentLowText(const MonitorRules& rules) {
  return Tr(MsgId::kMonLabelLow, (rules.forecast_spent_threshold * 100).ToDecimalString());
}

std::string ReasonsText(unsigned reasons) {
  std::string out;
  for (Reason r : kReasons) {
    if (!(reasons & r)) continue;
    if (!out.empty()) out += English() ? ", " : "、";
    out += English() ? ReasonKey(r) : ReasonWord(r);
  }
  return out;
}

std::string ReasonKeys(unsigned reasons, std::string_view sep) {
  std::string out;
  for (Reason r : kReasons) {
    if (!(reasons & r)) continue;
    if (!out.empty()) out += sep;
    out += ReasonKey(r);
  }
  return out;
}

std::string FiguresAndAdjustment(const IndicatorMonitor& im, const MonitorRun& run,
                                 ReverseFormula reverse) {
  std::string out;
  AppendFiguresText(im, run, reverse, &out);
  const std::string adjusted = AdjustmentText(im);
  if (!adjusted.empty()) {
    out += Text(MsgId::kSumSeparator);
    out += adjusted;
  }
  return out;
}

std::string MonthsTo(int month) { return month == 1 ? "1" : "1-" + std::to_string(month); }

std::string ValueLabel(const MonitorRun* run) {
  return Tr(MsgId::kMonLabelValue, MonthsTo(run ? run->as_of.date.month : 12));
}

std::string BudgetFigures(const ProjectMonitor& m, const MonitorRun& run) {
  return fmt::format("{} / {} {} = {} ÷ {}/{} = {}", m.spent.ToDecimalString(),
                     m.budget.ToDecimalString(), m.project.unit, PercentText(m.rate),
                     run.progress.elapsed,
                     run.progress.total, m.pace.FormatFixed(m.pace_places));
}

std::string BudgetFiguresFlagged(const ProjectMonitor& m, const MonitorRun& run,
                                 const MonitorRules& rules) {
  std::string figures = BudgetFigures(m, run);
  if (m.forecast_spent_low) {
    figures += Text(MsgId::kSumSeparator);
    // As the 汇总 sheet's 偏差说明 says it: "全年预计执行：低于预算的 90%".
    figures += Tr(MsgId::kSumNoteItem, Tr(MsgId::kMonLabelForecastSpent), ForecastSpentLowText(rules));
  }
  return figures;
}

std::string ForecastShareText(const ProjectMonitor& m, const MonitorRules& rules) {
  const Rational share = *m.forecast_spent / m.budget;
  std::string text = PercentText(share);
  if (m.forecast_spent_low && share.Round(4) >= rules.forecast_spent_threshold) {
    text = (share * 100).FormatShort(6) + "%";
  }
  return Tr(MsgId::kMonForecastSpentShare, text);
}

std::string RedAdvice() { return Tr(MsgId::kMonRedAdvice); }

std::string PercentText(const Rational& r) { return (r * 100).FormatFixed(2) + "%"; }

std::string MonitorSummaryLine(const MonitorSummary& s, const MonitorRun* run, size_t errors,
                               size_t warnings) {
  std::string counts = Tr(MsgId::kMonSummaryCounts, s.projects, s.lights[0], s.lights[1],
                          s.lights[2], errors, warnings);
  if (run == nullptr) return counts;
  return Tr(MsgId::kMonSummaryAsOf, FormatDate(run->as_of.date),
            PercentText(run->progress.value), counts);
}

std::string TimeProgressWork(const MonitorRun& run) {
  const TimeProgress& p = run.progress;
  return Tr(run.method == TimeProgressMethod::kMonths ? MsgId::kMonWorkTimeMonths
                                                      : MsgId::kMonWorkTimeDays,
            p.elapsed, p.total, Exact(p.value), FormatDate(run.as_of.date));
}

std::string BudgetWork(const ProjectMonitor& m, const MonitorRun& run, const MonitorRules& rules) {
  return Tr(MsgId::kMonWorkBudget, m.spent.ToDecimalString(), m.budget.ToDecimalString(),
            run.progress.elapsed, run.progress.total, m.rate.FormatFixed(4),
            run.progress.value.FormatFixed(4),
            Exact(m.pace, {rules.budget_green, rules.budget_yellow}),
            Band("v", m.budget_light, rules.budget_green, rules.budget_yellow));
}

std::string IndicatorWork(const IndicatorMonitor& im, const MonitorRun& run, const Rules& rules) {
  const MonitorRules& m = rules.monitor;
  if (im.not_applicable) return Tr(MsgId::kMonWorkNotApplicable);
  const std::string figures = FiguresText(im, run, rules.reverse);
  std::string verdict;
  switch (im.figures.kind) {
    case Figures::Kind::kGrade:
      verdict = fmt::format("{} → {}", figures, LightWord(im.judged));
      break;
    case Figures::Kind::kDate:
      verdict = Tr(im.met ? MsgId::kMonWorkOnTime : MsgId::kMonWorkLate, figures,
                   LightWord(im.judged));
      break;
    case Figures::Kind::kNotDone:
      verdict = Tr(im.met ? MsgId::kMonWorkNotDue : MsgId::kMonWorkOverdue, figures,
                   LightWord(im.judged));
      break;
    case Figures::Kind::kQuantity:
      if (im.basis == Basis::kPace) {
        const Figures& f = im.figures;
        verdict = Tr(MsgId::kMonWorkPace,
                     fmt::format("{}{} / ({}{} × {}/{})", f.b.ToDecimalString(), f.unit,
                                 f.a.ToDecimalString(), f.unit, run.progress.elapsed,
                                 run.progress.total),
                     Exact(im.ratio, {m.pace_green, m.pace_yellow}),
                     Band("v", im.judged, m.pace_green, m.pace_yellow));
      } else if (im.met) {
        verdict = Tr(MsgId::kMonWorkMet, figures, LightWord(im.judged));
      } else {
        // Missed: below 1 however close, and told apart from the yellow line.
        const std::string r = Exact(im.ratio, {Rational(1), m.ratio_yellow});
        verdict = Tr(MsgId::kMonWorkUnmet, figures,
                     im.judged == Light::kYellow
                         ? fmt::format("{} ≥ {} → {}", r, m.ratio_yellow.ToDecimalString(),
                                       LightWord(im.judged))
                         : fmt::format("{} < {} → {}", r, m.ratio_yellow.ToDecimalString(),
                                       LightWord(im.judged)));
      }
      break;
  }
  std::string out = Tr(im.basis == Basis::kForecast ? MsgId::kMonWorkByForecast
                       : im.basis == Basis::kPace   ? MsgId::kMonWorkByPace
                                                    : MsgId::kMonWorkByValue,
                       verdict);
  if (im.likelihood) {
    switch (im.adjustment) {
      case Adjustment::kNone:
        out += Tr(MsgId::kMonWorkLikelihoodKept, LikelihoodText(*im.likelihood),
                  LightWord(im.light));
        break;
      case Adjustment::kImpossible:
      case Adjustment::kLikely:
        out += Tr(MsgId::kMonWorkLikelihood, LikelihoodText(*im.likelihood), LightWord(im.judged),
                  LightWord(im.light));
        break;
      case Adjustment::kCertainOnRed:
        out += Tr(MsgId::kMonWorkCertainOnRed, LikelihoodText(*im.likelihood),
                  LightWord(im.light));
        break;
    }
  }
  return out;
}

}  // namespace jixiao
