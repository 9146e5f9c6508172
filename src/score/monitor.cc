// Mid-year monitoring: the lights (monitor.h).
#include "score/monitor.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "base/text.h"
#include "score/score.h"

namespace jixiao {

namespace {

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Judged by pace when no forecast is given: a cumulative 二级指标 with a
// positive quantity target above 0 that is not a percentage.
bool IsPaced(const Indicator& ind, const MonitorRules& m) {
  const Target& t = ind.target;
  return m.IsCumulative(ind.level2) && t.kind == TargetKind::kQuantity && !IsReverse(t.cmp) &&
         t.value.value.sign() > 0 && t.value.unit.dim != Dimension::kPercent;
}

Light GradeLight(Grade g) {
  switch (g) {
    case Grade::kAchieved: return Light::kGreen;
    case Grade::kPartial: return Light::kYellow;
    case Grade::kNotAchieved: return Light::kRed;
  }
  return Light::kRed;
}

// The comparator that says a comparison failed: < for ≥, ≤ for >, ...
const char* Negated(Comparator c) {
  switch (c) {
    case Comparator::kGe:
    case Comparator::kEq: return "<";
    case Comparator::kGt: return "≤";
    case Comparator::kLe: return ">";
    case Comparator::kLt: return "≥";
  }
  return "";
}

// The comparator of a met target, as shown: = (a planned amount) is ≥.
const char* Held(Comparator c) { return c == Comparator::kEq ? "≥" : ComparatorSymbol(c); }

std::string WithUnit(const Rational& r, const std::string& unit) { return r.ToDecimalString() + unit; }

// The value judged, in the target's unit unless it is not exact there.
std::string ValueText(const Figures& f) {
  return f.b_text.empty() ? WithUnit(f.b, f.unit) : f.b_text;
}

bool ExactToSixPlaces(const Rational& r) { return (r * Rational(1000000)).is_integer(); }

// `written` as text, if b (`written` in the target's unit) is not exact to
// 6 places; "" otherwise.
std::string KeepWritten(const Quantity& written, const Figures& f) {
  if (written.unit.name == f.unit || ExactToSixPlaces(f.b)) return "";
  return WithUnit(written.value, written.unit.name);
}

// 未完成 of a date target, as of as_of: "未完成，截至 2024-07-31 ≤ 2024-10-31";
// for a "not before" target (≥, >), "未完成，截至 2024-07-31；目标 ≥2024-08-01".
std::string NotDoneDateText(const Figures& f, bool met) {
  if (f.cmp == Comparator::kGe || f.cmp == Comparator::kGt) {
    return Tr(MsgId::kFiguresNotDoneNotBefore, FormatDate(f.date), ComparatorSymbol(f.cmp),
              FormatDate(f.deadline));
  }
  // = reads as ≤ here: not done yet, but the day is still to come.
  const Comparator cmp = f.cmp == Comparator::kEq ? Comparator::kLe : f.cmp;
  return Tr(MsgId::kFiguresNotDoneDate, FormatDate(f.date), met ? Held(cmp) : Negated(cmp),
            FormatDate(f.deadline));
}

std::string Percent(const Rational& r) { return (r * 100).FormatFixed(2) + "%"; }

class Monitor {
 public:
  Monitor(const ProjectActuals& actuals, const Rules& rules, const MonitorRun& run,
          Diagnostics* diags)
      : actuals_(actuals), rules_(rules), m_(rules.monitor), run_(run), diags_(diags) {}

  std::optional<ProjectMonitor> Run(Project p) {
    const size_t errors_before = diags_->error_count();
    if (run_.as_of.date.year != p.year) {
      diags_->Error(run_.as_of.loc, MsgId::kAsOfOutsideYear, FormatDate(run_.as_of.date),
                    p.project, p.year);
      return std::nullopt;
    }
    ScoreOptions to_date;
    to_date.to_date = true;
    std::optional<MatchedProject> matched =
        MatchProject(std::move(p), actuals_, rules_, diags_, to_date);
    if (!matched) return std::nullopt;
    ProjectMonitor out;
    out.project = std::move(matched->base.project);
    const Project& proj = out.project;
    out.spent = std::move(matched->base.spent);
    out.spent_text = std::move(matched->base.spent_text);
    out.spent_parts = std::move(matched->base.spent_parts);
    out.budget = std::move(matched->base.budget);
    out.adjusted = std::move(matched->base.adjusted);
    out.note = std::move(matched->base.note);
    out.achieved = std::move(matched->base.achieved);
    out.actuals_loc = std::move(matched->base.actuals_loc);
    ReadForecastSpent(&out);
    out.indicators.reserve(proj.indicators.size());
    for (size_t i = 0; i < proj.indicators.size(); ++i) {
      // Judged in its place in the list (it is large), and taken out again
      // when it cannot be judged.
      IndicatorMonitor& im = out.indicators.emplace_back();
      if (!Judge(proj.indicators[i], *matched->actuals[i], &im)) {
        out.indicators.pop_back();
        continue;
      }
      im.index = i;
    }
    // As in eval: with every indicator 不适用 there is no target to watch.
    if (diags_->error_count() == errors_before &&
        std::all_of(out.indicators.begin(), out.indicators.end(),
                    [](const IndicatorMonitor& im) { return im.not_applicable; })) {
      diags_->Error(actuals_.loc, MsgId::kAllNotApplicableMonitor, proj.project);
    }
    if (diags_->error_count() != errors_before) return std::nullopt;
    Budget(&out);
    Finish(&out);
    return out;
  }

 private:
  void ReadForecastSpent(ProjectMonitor* out) {
    if (!actuals_.forecast_spent) return;
    const Amount& a = *actuals_.forecast_spent;
    Parsed<Rational> v = AmountInUnit(a, out->project.unit);
    if (!v) {
      diags_->Error(a.loc.line > 0 ? a.loc : actuals_.loc, MsgId::kBadForecastSpent,
                    TruncateToWidth(a.text, 40), v.error());
      return;
    }
    const Location at = a.loc.line > 0 ? a.loc : actuals_.loc;
    const MsgId budget_name = out->adjusted ? MsgId::kWordAdjustedBudget : MsgId::kWordBudget;
    if (std::optional<Message> slip = AmountSlip(MsgId::kWordForecastSpent, a, *v, out->budget,
                                                 budget_name, out->project.unit)) {
      diags_->Error(at, std::move(*slip));
      return;
    }
    if (*v > out->budget) {
      diags_->Warning(at, MsgId::kForecastSpentOverBudget, out->project.project,
                      v->ToDecimalString(), out->project.unit, out->budget.FormatFixed(2),
                      (*v / out->budget * 100).FormatFixed(2));
    }
    if (*v < out->spent) {
      diags_->Warning(at, MsgId::kForecastSpentBelowSpent, out->project.project,
                      v->ToDecimalString(), out->spent.ToDecimalString(), out->project.unit);
    }
    out->forecast_spent = *v;
    out->forecast_spent_text = a.text;
  }

  void Budget(ProjectMonitor* out) {
    out->rate = out->spent / out->budget;
    out->pace = out->rate / run_.progress.value;
    out->budget_light = LightOf(out->pace, m_.budget_green, m_.budget_yellow);
    out->pace_places = PlacesApart(out->pace, {m_.budget_green, m_.budget_yellow});
    const Amount& spent = actuals_.spent.total;
    out->spent_loc = spent.loc.line > 0 ? spent.loc : actuals_.loc;
    if (out->budget_light != Light::kGreen && Trim(out->note).empty()) {
      diags_->Warning(out->spent_loc, MsgId::kBudgetLightNeedsNote, out->project.project,
                      LightWord(out->budget_light), Percent(out->rate),
                      Percent(run_.progress.value));
    }
    if (out->forecast_spent) {
      out->forecast_spent_low = *out->forecast_spent < m_.forecast_spent_threshold * out->budget;
      if (out->forecast_spent_low && Trim(out->note).empty()) {
        const Amount& a = *actuals_.forecast_spent;
        diags_->Warning(a.loc.line > 0 ? a.loc : actuals_.loc, MsgId::kForecastSpentLow,
                        out->project.project, out->forecast_spent->ToDecimalString(),
                        out->project.unit, out->budget.ToDecimalString(),
                        (m_.forecast_spent_threshold * 100).ToDecimalString());
      }
    }
  }

  void Finish(ProjectMonitor* out) {
    out->light = out->budget_light;
    for (const IndicatorMonitor& im : out->indicators) {
      if (im.not_applicable) {
        ++out->not_applicable;
        continue;
      }
      ++out->lights[static_cast<int>(im.light)];
      out->light = Worse(out->light, im.light);
    }
  }

  // Fills *out, a new IndicatorMonitor, with the light of indicator `ind`
  // from its progress `a`; false after an error (reported in diags_).
  bool Judge(const Indicator& ind, const IndicatorActual& a, IndicatorMonitor* out) {
    IndicatorMonitor& im = *out;
    im.value_text = a.text.empty() && a.grade ? GradeName(*a.grade) : a.text;
    im.forecast_text = a.progress.forecast;
    im.likelihood = a.progress.likelihood;
    im.reasons = a.progress.reasons;
    im.note = a.note;
    im.loc = a.loc;
    if (a.value.kind == ActualKind::kNotApplicable) {
      // 不适用 has no light: a forecast or a likelihood beside it would be
      // dropped unseen (a 完全不可能 among them).
      if (!a.progress.forecast.empty() || a.progress.likelihood) {
        const bool forecast = !a.progress.forecast.empty();
        diags_->Error(forecast ? a.forecast_loc() : a.likelihood_loc(),
                      MsgId::kNotApplicableWithProgress, ind.name,
                      forecast ? "forecast" : "likelihood");
        return false;
      }
      im.not_applicable = true;
      return true;
    }
    const bool has_value = !im.value_text.empty();
    const bool not_done = has_value && a.value.kind == ActualKind::kText && !a.grade &&
                          Trim(a.text) == "未完成";
    const Target& t = ind.target;
    // The value is checked against the target even when a forecast decides.
    std::optional<Judgement> value;
    if (not_done) {
      if (t.kind != TargetKind::kDate && !IsTimeLimit(t)) {
        diags_->Error(a.value_loc(), MsgId::kNotDoneNotDeadline, ind.name, ind.target_text);
        return false;
      }
    } else if (has_value && t.kind == TargetKind::kDate && a.value.kind == ActualKind::kText &&
               !a.grade && !IsPlaceholderText(a.text) && !IsNotApplicableWithReason(a.text)) {
      // 进行中, 已完成: at mid-year a date target takes 未完成 too, which
      // eval's message for a date does not say.
      diags_->Error(a.value_loc(), MsgId::kMonDateNeedsDate, ind.name, ind.target_text, a.text);
      return false;
    } else if (has_value) {
      value = JudgeActual(ind, a, rules_, diags_, ActualRole::kValueToDate);
      if (!value) return false;
      if (a.value.kind == ActualKind::kDate && Compare(a.value.date, run_.as_of.date) > 0) {
        // A date still to come: the planned date, written as done.
        diags_->Warning(a.value_loc(), MsgId::kDateAfterAsOf, ind.name, FormatDate(a.value.date),
                        FormatDate(run_.as_of.date));
      }
    }
    // What the value to date already decides, neither a forecast nor a
    // likelihood undoes: a date target done (on time or late) by as_of, a
    // time limit's time taken within the time elapsed, or either still not
    // done when its deadline or time limit has passed.
    bool decided = false;
    bool judged_not_done = not_done;  // im holds NotDone's judgement
    bool value_is_forecast = false;   // a time taken longer than the time elapsed
    if (not_done) {
      NotDone(ind, &im);
      decided = !im.met;
    } else if (value && t.kind == TargetKind::kDate && a.value.kind == ActualKind::kDate &&
               Compare(a.value.date, run_.as_of.date) <= 0) {
      decided = true;
    } else if (value && CapPassed(ind, a, *value)) {
      decided = true;
    } else if (value && IsTimeLimit(t) && a.value.kind == ActualKind::kQuantity) {
      // The time it took, within the time elapsed: done. Longer: not done
      // yet, its planned time written as done (JX0924), and decided as
      // 未完成 is once the limit has passed.
      const Quantity elapsed = Elapsed(t);
      Parsed<Rational> used = ConvertTo(a.value.value, elapsed.unit);
      if (used && *used <= elapsed.value) {
        decided = true;
      } else if (used) {
        diags_->Warning(a.value_loc(), MsgId::kTimeUsedAfterAsOf, ind.name, a.text,
                        FormatDate(run_.as_of.date), ElapsedText(t));
        NotDone(ind, &im);
        decided = judged_not_done = !im.met;
        // Within the limit so far: judged below by the forecast if one is
        // given, else by the value read as the time it is expected to take
        // (13个月 written against ≤12个月 says it will overrun).
        if (!decided) {
          im.figures = Figures{};
          value_is_forecast = true;
        }
      }
    }
    if (!a.progress.forecast.empty()) {
      // The forecast, judged as a value is (forecast_ keeps its strings'
      // room from one indicator to the next).
      IndicatorActual& f = forecast_;
      f.key = a.key;
      f.note = a.note;  // a note that explains the figures (PercentFarOver)
      f.text = a.progress.forecast;
      f.value = a.progress.forecast_value;
      f.grade = a.progress.forecast_grade;
      f.loc = a.forecast_loc();
      std::optional<Judgement> forecast = JudgeActual(ind, f, rules_, diags_, ActualRole::kForecast);
      if (!forecast) return false;
      const bool below_to_date = CheckForecastAgainstValue(ind, a, f);
      if (not_done) CheckForecastStillToCome(ind, a, f);
      if (decided) {
        // Judged by the value (below); the forecast is warned of when it
        // would have given another light.
        IndicatorMonitor by_forecast;
        Settle(ind, f, *forecast, &by_forecast);
        if (!judged_not_done) Settle(ind, a, *value, &im);
        // (JX0923 has said what is wrong with a forecast below the value.)
        if (by_forecast.judged != im.judged && !below_to_date) {
          diags_->Warning(f.loc, MsgId::kForecastAfterFact, ind.name, a.text,
                          FiguresText(im, run_, rules_.reverse), f.text);
        }
        im.basis = Basis::kValue;
      } else {
        im.figures = Figures{};
        im.basis = Basis::kForecast;
        Settle(ind, f, *forecast, &im);
      }
    } else if (judged_not_done) {
      im.basis = Basis::kValue;
    } else if (IsPaced(ind, m_) && a.value.kind == ActualKind::kQuantity && !YearOver()) {
      im.basis = Basis::kPace;
      Pace(ind, a, &im);
    } else {
      im.basis = value_is_forecast ? Basis::kForecast : Basis::kValue;
      Settle(ind, a, *value, &im);
    }
    im.light = AdjustForLikelihood(im.judged, im.likelihood, &im.adjustment);
    if (decided && im.light != im.judged) {
      diags_->Warning(a.likelihood_loc(), MsgId::kLikelihoodAfterFact, ind.name, a.text,
                      FiguresText(im, run_, rules_.reverse), LikelihoodText(*im.likelihood));
      im.light = im.judged;
      im.adjustment = Adjustment::kNone;
    }
    Warn(ind, a, im);
    return true;
  }

  // Whether as_of is 31 December: nothing is left to pace, the value to
  // date is the year's (judged as at year end, as a forecast would be).
  // Not p = 1: under time_progress: months every day of December gives it.
  bool YearOver() const { return run_.as_of.date.month == 12 && run_.as_of.date.day == 31; }

  // A cumulative indicator with a cap: ≤, <, or exactly 0 (安全事故 ≤2起),
  // not a time limit or a percentage (a rate may fall).
  bool IsCappedCount(const Indicator& ind) const {
    const Target& t = ind.target;
    if (t.kind != TargetKind::kQuantity || IsTimeLimit(t)) return false;
    const bool cap = IsReverse(t.cmp) || (t.cmp == Comparator::kEq && t.value.value.sign() == 0);
    if (!cap) return false;
    if (m_.IsCumulative(ind.level2)) return t.value.unit.dim != Dimension::kPercent;
    return IsSpendingCap(ind);
  }

  // A cost's cap in an amount of money (养护成本 ≤50万元): what has been
  // spent only grows, as a count does. Not a cost per unit (≤500元/人),
  // which may fall again.
  static bool IsSpendingCap(const Indicator& ind) {
    const Unit& u = ind.target.value.unit;
    return IsCostIndicator(ind.level1, ind.level2) && u.dim == Dimension::kMoney &&
           u.name.find('/') == std::string::npos;
  }

  // A capped count (IsCappedCount) whose value to date already breaks its
  // cap: the count only grows, so the year ends at the value or above (3起
  // by 31 July is over ≤2起 whatever the forecast). Decided by the value
  // unless a forecast of at least as much says more (14起 forecast beside
  // 11起 done: judged by the 14).
  bool CapPassed(const Indicator& ind, const IndicatorActual& a, const Judgement& value) const {
    const Target& t = ind.target;
    if (value.met || !IsCappedCount(ind) || a.value.kind != ActualKind::kQuantity) return false;
    const Actual& f = a.progress.forecast_value;
    if (a.progress.forecast.empty() || f.kind != ActualKind::kQuantity) return true;
    Parsed<Rational> done = ConvertTo(a.value.value, t.value.unit);
    Parsed<Rational> year = ConvertTo(f.value, t.value.unit);
    return !done || !year || *year < *done;
  }

  // A forecast of an indicator not done yet that is already past: a date
  // before as_of, or a time limit's time shorter than the time elapsed.
  void CheckForecastStillToCome(const Indicator& ind, const IndicatorActual& a,
                                const IndicatorActual& f) {
    const Location& at = f.loc.line > 0 ? f.loc : a.loc;
    if (f.value.kind == ActualKind::kDate && Compare(f.value.date, run_.as_of.date) < 0) {
      diags_->Warning(at, MsgId::kForecastBeforeAsOf, ind.name, f.text,
                      FormatDate(run_.as_of.date));
    } else if (IsTimeLimit(ind.target) && f.value.kind == ActualKind::kQuantity) {
      // Against the time elapsed to the day: on 1 July, 6 months and 1/31.
      const Quantity elapsed = Elapsed(ind.target);
      Parsed<Rational> total = ConvertTo(f.value.value, elapsed.unit);
      if (total && *total < elapsed.value) {
        diags_->Warning(at, MsgId::kForecastTimeBeforeAsOf, ind.name, f.text,
                        FormatDate(run_.as_of.date), ElapsedText(ind.target));
      }
    }
  }

  // The time elapsed from 1 January to the end of as_of, in months for a
  // time limit in months (years), to the day (31 July: 7 months; 10 July:
  // 6 + 10/31), else in days: as 未完成 and a time taken are judged.
  Quantity Elapsed(const Target& t) const {
    const Date& d = run_.as_of.date;
    if (t.value.unit.dim != Dimension::kMonths) {
      return Quantity{Rational(DayOfYear(d)), LookupUnit("天")};
    }
    return Quantity{Rational(d.month - 1) + Rational(d.day) / Rational(DaysInMonth(d)),
                    LookupUnit("个月")};
  }

  // Elapsed(t) as written: "7个月", "6个月10天" (months and the days of the
  // month begun), "213天".
  std::string ElapsedText(const Target& t) const {
    const Date& d = run_.as_of.date;
    if (t.value.unit.dim != Dimension::kMonths) return std::to_string(DayOfYear(d)) + "天";
    if (d.day == DaysInMonth(d)) return std::to_string(d.month) + "个月";
    return std::to_string(d.month - 1) + "个月" + std::to_string(d.day) + "天";
  }

  // A cumulative indicator's forecast below its value to date is most often
  // what is still to come, written for the year's total: "6台 done,
  // forecast 4台 (再采购4台)" means 10台. Warned of, with that sum.
  // True when it warned.
  bool CheckForecastAgainstValue(const Indicator& ind, const IndicatorActual& a,
                                 const IndicatorActual& f) {
    if (!(IsPaced(ind, m_) || IsCappedCount(ind)) || a.value.kind != ActualKind::kQuantity ||
        f.value.kind != ActualKind::kQuantity) {
      return false;
    }
    const Unit& unit = ind.target.value.unit;
    Parsed<Rational> done = ConvertTo(a.value.value, unit);
    Parsed<Rational> year = ConvertTo(f.value.value, unit);
    if (!done || !year || *year >= *done) return false;
    // The sum in the target's unit, or else the first of the forecast's and
    // the value's in which it is a finite decimal (1公顷 + 10亩 is 25亩, not
    // 1.666667公顷); in the target's, rounded, when in none.
    std::string sum = WithUnit(*done + *year, unit.name);
    if (!ExactToSixPlaces(*done + *year)) {
      for (const Unit* u : {&f.value.value.unit, &a.value.value.unit}) {
        Parsed<Rational> d = ConvertTo(a.value.value, *u);
        Parsed<Rational> y = ConvertTo(f.value.value, *u);
        if (d && y && ExactToSixPlaces(*d + *y)) {
          sum = WithUnit(*d + *y, u->name);
          break;
        }
      }
    }
    diags_->Warning(f.loc.line > 0 ? f.loc : a.loc, MsgId::kForecastBelowToDate, ind.name, f.text,
                    a.text, sum);
    return true;
  }

  // A forecast, or a value judged as at year end.
  void Settle(const Indicator& ind, const IndicatorActual& a, const Judgement& j,
              IndicatorMonitor* im) {
    const Target& t = ind.target;
    im->met = j.met;
    im->ratio = j.ratio;
    Figures& f = im->figures;
    if (t.kind == TargetKind::kQualitative) {
      f.kind = Figures::Kind::kGrade;
      f.grade = *a.grade;
      im->judged = GradeLight(*a.grade);
      return;
    }
    if (t.kind == TargetKind::kDate) {
      f.kind = Figures::Kind::kDate;
      f.date = a.value.date;
      f.deadline = t.date;
      f.cmp = t.cmp;
      im->judged = j.met ? Light::kGreen : Light::kRed;
      return;
    }
    SetQuantity(t, a, &f);
    im->judged = j.met                          ? Light::kGreen
                 : j.ratio >= m_.ratio_yellow ? Light::kYellow
                                                : Light::kRed;
    if (!j.met) im->ratio_places = PlacesApart(j.ratio, {Rational(1), m_.ratio_yellow});
  }

  static void SetQuantity(const Target& t, const IndicatorActual& a, Figures* f) {
    f->kind = Figures::Kind::kQuantity;
    f->b = ConvertTo(a.value.value, t.value.unit).value();  // compatible: judged before
    f->a = t.value.value;
    f->unit = t.value.unit.name;
    f->b_text = KeepWritten(a.value.value, *f);
    f->cmp = t.cmp;
    f->range = t.kind == TargetKind::kRange;
    if (f->range) f->upper = t.upper.value;
  }

  // v = B_t / (A x p).
  void Pace(const Indicator& ind, const IndicatorActual& a, IndicatorMonitor* im) {
    SetQuantity(ind.target, a, &im->figures);
    im->ratio = im->figures.b / (im->figures.a * run_.progress.value);
    im->met = im->figures.b >= im->figures.a;
    im->judged = LightOf(im->ratio, m_.pace_green, m_.pace_yellow);
    im->ratio_places = PlacesApart(im->ratio, {m_.pace_green, m_.pace_yellow});
  }

  // 未完成: as if completed on as_of — by a date target's deadline, or within a
  // time limit counted from 1 January.
  void NotDone(const Indicator& ind, IndicatorMonitor* im) {
    const Target& t = ind.target;
    Figures& f = im->figures;
    f.kind = Figures::Kind::kNotDone;
    f.date = run_.as_of.date;
    f.cmp = t.cmp;
    if (t.kind == TargetKind::kDate) {
      // On plan while the deadline of a "by" target (≤, <, =) is still to
      // come; a "not before" target (≥, >) can be met on any later day.
      f.deadline = t.date;
      const int c = Compare(run_.as_of.date, t.date);
      im->met = t.cmp == Comparator::kGe || t.cmp == Comparator::kGt ||
                (t.cmp == Comparator::kLt ? c < 0 : c <= 0);
      im->ratio = im->met ? Rational(1) : Rational(0);
      im->judged = im->met ? Light::kGreen : Light::kRed;
      return;
    }
    f.time_limit = true;
    const Quantity elapsed = Elapsed(t);
    f.b = ConvertTo(elapsed, t.value.unit).value();
    f.a = t.value.value;
    f.unit = t.value.unit.name;
    if (!ExactToSixPlaces(f.b)) f.b_text = ElapsedText(t);
    IndicatorActual today;
    today.key = ind.key();
    today.value.kind = ActualKind::kQuantity;
    today.value.value = Quantity{f.b, t.value.unit};
    Diagnostics none;  // comparable by construction
    std::optional<Judgement> j = JudgeActual(ind, today, rules_, &none);
    im->met = j && j->met;
    im->ratio = im->met ? Rational(1) : Rational(0);
    im->judged = im->met ? Light::kGreen : Light::kRed;
  }

  void Warn(const Indicator& ind, const IndicatorActual& a, const IndicatorMonitor& im) {
    if (im.adjustment == Adjustment::kCertainOnRed) {
      diags_->Warning(a.likelihood_loc(), MsgId::kCertainOnRed, ind.name,
                      FiguresText(im, run_, rules_.reverse));
    }
    if (im.light != Light::kGreen && im.reasons == 0 && Trim(im.note).empty()) {
      std::string figures = FiguresText(im, run_, rules_.reverse);
      if (im.light != im.judged) {
        // The light the likelihood gave, not the figures: "预计 95% ≥ 90%；有可能：绿 → 黄".
        figures += Text(MsgId::kSumSeparator);
        figures += AdjustmentText(im);
      }
      diags_->Warning(a.loc, MsgId::kLightNeedsReason, ind.name, LightWord(im.light), figures);
    }
  }

  const ProjectActuals& actuals_;
  const Rules& rules_;
  const MonitorRules& m_;
  const MonitorRun& run_;
  Diagnostics* diags_;
  IndicatorActual forecast_;  // Judge's, for each forecast in turn
};

}  // namespace

const char* LightKey(Light l) {
  switch (l) {
    case Light::kGreen: return "green";
    case Light::kYellow: return "yellow";
    case Light::kRed: return "red";
  }
  return "";
}

Light LightOf(const Rational& v, const Rational& green, const Rational& yellow) {
  if (v >= green) return Light::kGreen;
  if (v >= yellow) return Light::kYellow;
  return Light::kRed;
}

int DaysInYear(int year) { return IsLeapYear(year) ? 366 : 365; }

int DaysInMonth(const Date& d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return d.month == 2 && IsLeapYear(d.year) ? 29 : kDays[d.month - 1];
}

int DayOfYear(const Date& d) {
  static constexpr int kBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  int day = kBefore[d.month - 1] + d.day;
  if (d.month > 2 && IsLeapYear(d.year)) ++day;
  return day;
}

TimeProgress TimeProgressOf(const Date& as_of, TimeProgressMethod method) {
  TimeProgress p;
  if (method == TimeProgressMethod::kMonths) {
    p.elapsed = as_of.month;
    p.total = 12;
  } else {
    p.elapsed = DayOfYear(as_of);
    p.total = DaysInYear(as_of.year);
  }
  p.value = Rational(p.elapsed) / Rational(p.total);
  return p;
}

MonitorRun MakeMonitorRun(const AsOf& as_of, const Rules& rules) {
  MonitorRun run;
  run.as_of = as_of;
  run.method = rules.monitor.time_progress;
  run.progress = TimeProgressOf(as_of.date, run.method);
  return run;
}

std::string LightWord(Light l) {
  switch (l) {
    case Light::kGreen: return Tr(MsgId::kLightGreen);
    case Light::kYellow: return Tr(MsgId::kLightYellow);
    case Light::kRed: return Tr(MsgId::kLightRed);
  }
  return "";
}

std::string AdjustmentText(const IndicatorMonitor& im) {
  if (!im.likelihood) return "";
  switch (im.adjustment) {
    case Adjustment::kNone: return "";
    case Adjustment::kImpossible:
    case Adjustment::kLikely:
      return Tr(MsgId::kMonAdjusted, LikelihoodText(*im.likelihood), LightWord(im.judged),
                LightWord(im.light));
    case Adjustment::kCertainOnRed:
      return Tr(MsgId::kMonContradicted, LikelihoodText(*im.likelihood));
  }
  return "";
}

namespace {

// "a op b" appended to *out: the figures of a light, written as fmt's
// "{} {} {}" would.
void AppendSpaced(const std::string& a, std::string_view op, const std::string& b,
                  std::string* out) {
  out->append(a).append(" ").append(op).append(" ").append(b);
}

// A quantity's figures (Figures::Kind::kQuantity) appended to *out: what
// FiguresText says of one, made in place (a year's text report has one a
// line).
void AppendQuantityFigures(const IndicatorMonitor& im, const MonitorRun& run,
                           ReverseFormula reverse, std::string* out) {
  const Figures& f = im.figures;
  const std::string b = ValueText(f), a = WithUnit(f.a, f.unit);
  if (im.basis == Basis::kPace) {
    out->append(b).append(" / (").append(a).append(" × ");
    out->append(std::to_string(run.progress.elapsed)).push_back('/');
    out->append(std::to_string(run.progress.total)).append(") = ");
    out->append(im.ratio.FormatFixed(im.ratio_places));
    return;
  }
  if (im.met) {
    if (f.range) {
      AppendSpaced(a, "≤", b, out);
      out->append(" ≤ ").append(WithUnit(*f.upper, f.unit));
    } else {
      AppendSpaced(b, Held(f.cmp), a, out);
    }
    return;
  }
  // Below a positive target (or a range), or above a reverse one. An exact
  // amount (0起) missed either way: by where the value is.
  const bool below = f.range || f.cmp == Comparator::kEq ? f.b < f.a : !IsReverse(f.cmp);
  const Rational& bound = f.range && !below ? *f.upper : f.a;
  const std::string bound_text = WithUnit(bound, f.unit);
  if (bound.sign() <= 0 || f.b.sign() <= 0) {
    AppendSpaced(b, below ? "<" : ">", bound_text, out);
    return;
  }
  const std::string ratio = im.ratio.FormatFixed(im.ratio_places);
  if (below) {
    out->append(b).append(" / ").append(bound_text).append(" = ").append(ratio);
  } else if (reverse == ReverseFormula::kLinear) {
    out->append("1 − (").append(b).append(" − ").append(bound_text).append(") / ");
    out->append(bound_text).append(" = ").append(ratio);
  } else {
    out->append(bound_text).append(" / ").append(b).append(" = ").append(ratio);
  }
}

}  // namespace

void AppendFiguresText(const IndicatorMonitor& im, const MonitorRun& run, ReverseFormula reverse,
                       std::string* out) {
  // A forecast's figures go inside kFiguresForecast ("预计 {0}"): its text
  // before {0}, the figures, its text after.
  std::string_view after;
  if (im.basis == Basis::kForecast) {
    const std::string_view frame = Text(MsgId::kFiguresForecast);
    const size_t at = frame.find("{0}");
    out->append(frame.substr(0, at));
    after = at == std::string_view::npos ? std::string_view() : frame.substr(at + 3);
  }
  const Figures& f = im.figures;
  switch (f.kind) {
    case Figures::Kind::kGrade:
      out->append(GradeName(f.grade));
      break;
    case Figures::Kind::kDate: {
      // = of a date is its deadline, as ≤ (targets.md).
      const Comparator cmp = f.cmp == Comparator::kEq ? Comparator::kLe : f.cmp;
      AppendSpaced(FormatDate(f.date), im.met ? Held(cmp) : Negated(cmp), FormatDate(f.deadline),
                   out);
      break;
    }
    case Figures::Kind::kNotDone:
      out->append(f.time_limit
                      ? Tr(MsgId::kFiguresNotDoneLimit, ValueText(f),
                           im.met ? Held(f.cmp) : Negated(f.cmp), WithUnit(f.a, f.unit))
                      : NotDoneDateText(f, im.met));
      break;
    case Figures::Kind::kQuantity:
      AppendQuantityFigures(im, run, reverse, out);
      break;
  }
  out->append(after);
}

std::string FiguresText(const IndicatorMonitor& im, const MonitorRun& run,
                        ReverseFormula reverse) {
  std::string out;
  AppendFiguresText(im, run, reverse, &out);
  return out;
}

int PlacesApart(const Rational& v, std::initializer_list<Rational> bounds, int places) {
  const int at_least = places;
  double step = 1;  // 10^-places: 0.01 at 2 decimals
  for (int i = 0; i < at_least; ++i) step /= 10;
  const double near = v.ToDouble();
  for (const Rational& b : bounds) {
    // Values a step or more apart are apart at that many decimals: most
    // are, and are told by a double. A value at or above a bound (≥ decides
    // every light) written as the bound says nothing wrong.
    if (std::abs(near - b.ToDouble()) >= step || v >= b) continue;
    const std::string text = v.FormatFixedApart(b, at_least);
    const size_t dot = text.find('.');
    if (dot != std::string::npos) places = std::max(places, static_cast<int>(text.size() - dot - 1));
  }
  return places;
}

const char* BasisKey(Basis b) {
  switch (b) {
    case Basis::kForecast: return "forecast";
    case Basis::kPace: return "pace";
    case Basis::kValue: return "value";
  }
  return "";
}

Light AdjustForLikelihood(Light judged, std::optional<Likelihood> likelihood,
                          Adjustment* adjustment) {
  *adjustment = Adjustment::kNone;
  if (!likelihood) return judged;
  switch (*likelihood) {
    case Likelihood::kImpossible:
      if (judged != Light::kRed) *adjustment = Adjustment::kImpossible;
      return Light::kRed;
    case Likelihood::kLikely:
      if (judged != Light::kGreen) return judged;
      *adjustment = Adjustment::kLikely;
      return Light::kYellow;
    case Likelihood::kCertain:
      if (judged == Light::kRed) *adjustment = Adjustment::kCertainOnRed;
      return judged;
  }
  return judged;
}

std::optional<ProjectMonitor> MonitorProject(Project p, const ProjectActuals& actuals,
                                             const Rules& rules, const MonitorRun& run,
                                             Diagnostics* diags) {
  return Monitor(actuals, rules, run, diags).Run(std::move(p));
}

MonitorDigest MonitorDigest::Of(const ProjectMonitor& m) {
  MonitorDigest d;
  d.light = m.light;
  for (int i = 0; i < kLightCount; ++i) d.lights[i] = m.lights[i];
  d.not_applicable = m.not_applicable;
  d.department_code = m.project.department_code;
  d.department_name = m.project.department_name;
  return d;
}

void MonitorSummary::Add(const MonitorDigest& m) {
  ++projects;
  ++lights[static_cast<int>(m.light)];
  for (int i = 0; i < kLightCount; ++i) indicator_lights[i] += static_cast<size_t>(m.lights[i]);
  not_applicable += static_cast<size_t>(m.not_applicable);
  const std::string key = m.department_code + '\n' + m.department_name;
  auto [it, added] = department_index_.emplace(key, departments.size());
  if (added) departments.push_back({m.department_code, m.department_name, 0, {}});
  Department& d = departments[it->second];
  ++d.projects;
  ++d.lights[static_cast<int>(m.light)];
}

}  // namespace jixiao
