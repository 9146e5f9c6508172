#include "score/score.h"

#include <unordered_map>

#include <fmt/format.h>

#include "base/text.h"

namespace jixiao {

namespace {

struct Outcome {
  Rational ratio;
  bool met = false;
  DeviationKind deviation = DeviationKind::kNone;
};

// Positive scoring: B / A, with a target of 0 or less met by any B >= A.
Rational PositiveRatio(const Rational& b, const Rational& a) {
  if (a.sign() <= 0) return b >= a ? 1 : 0;
  return Clamp01(b / a);
}

// Reverse scoring of an unmet target (B > A): A / B, or 1 - (B - A) / A.
// A reverse target of 0 (or less) unmet scores 0.
Rational ReverseRatio(const Rational& b, const Rational& a, ReverseFormula formula) {
  if (a.sign() <= 0) return 0;
  if (formula == ReverseFormula::kLinear) return Clamp01(Rational(1) - (b - a) / a);
  if (b.sign() <= 0) return 1;
  return Clamp01(a / b);
}

Outcome ScoreQuantity(const Target& t, const Rational& b, const Rational* upper, bool cost,
                      const Rules& rules) {
  Outcome o;
  const Rational& a = t.value.value;
  Rational over = Rational(1) + rules.deviation_threshold;
  Rational under = Rational(1) - rules.deviation_threshold;
  if (t.kind == TargetKind::kRange) {
    o.met = b >= a && b <= *upper;
    o.ratio = o.met ? Rational(1)
                    : (b < a ? PositiveRatio(b, a) : ReverseRatio(b, *upper, rules.reverse));
    if (!o.met) o.deviation = DeviationKind::kUnmet;
    return o;
  }
  switch (t.cmp) {
    case Comparator::kEq:
      if (a.is_zero()) {  // "=0起": met only by 0, and never over-achieved
        o.met = b.is_zero();
        o.ratio = o.met ? 1 : 0;
        if (!o.met) o.deviation = DeviationKind::kUnmet;
        return o;
      }
      [[fallthrough]];
    case Comparator::kGe:
    case Comparator::kGt:
      o.met = t.cmp == Comparator::kGt ? b > a : b >= a;
      o.ratio = o.met ? Rational(1) : PositiveRatio(b, a);
      if (!o.met) {
        o.deviation = DeviationKind::kUnmet;
      } else if (a.sign() > 0 && b > a * over) {
        o.deviation = DeviationKind::kOverAchieved;
      }
      break;
    case Comparator::kLe:
    case Comparator::kLt:
      o.met = t.cmp == Comparator::kLt ? b < a : b <= a;
      o.ratio = o.met ? Rational(1) : ReverseRatio(b, a, rules.reverse);
      if (!o.met) o.deviation = DeviationKind::kUnmet;
      break;
  }
  if (o.deviation == DeviationKind::kNone && cost && a.sign() > 0 && b < a * under) {
    o.deviation = DeviationKind::kCostUnderRun;
  }
  return o;
}

Outcome ScoreDate(const Target& t, const Date& d) {
  int c = Compare(d, t.date);
  Outcome o;
  switch (t.cmp) {
    case Comparator::kGe: o.met = c >= 0; break;
    case Comparator::kGt: o.met = c > 0; break;
    case Comparator::kLt: o.met = c < 0; break;
    case Comparator::kLe:
    case Comparator::kEq: o.met = c <= 0; break;  // a date is a deadline
  }
  o.ratio = o.met ? 1 : 0;
  if (!o.met) o.deviation = DeviationKind::kUnmet;
  return o;
}

Rational DefaultGradeRatio(Grade g, const Rules& rules) {
  switch (g) {
    case Grade::kAchieved: return rules.achieved_ratio;
    case Grade::kPartial: return rules.partial_ratio;
    case Grade::kNotAchieved: return rules.not_achieved_ratio;
  }
  return 0;
}

const char* DeviationWord(DeviationKind k) {
  switch (k) {
    case DeviationKind::kUnmet: return "is unmet";
    case DeviationKind::kOverAchieved: return "exceeds its target by more than the threshold "
                                              "(target set too low?)";
    case DeviationKind::kCostUnderRun: return "falls below its cost target by more than the "
                                              "threshold (cost overestimated?)";
    case DeviationKind::kLowExecution: return "has a low execution rate";
    case DeviationKind::kNone: break;
  }
  return "";
}

class ProjectScorer {
 public:
  ProjectScorer(const ProjectActuals& actuals, const Rules& rules, Diagnostics* diags)
      : actuals_(actuals), rules_(rules), diags_(diags) {}

  std::optional<ProjectScore> Score(Project p) {
    ProjectScore s;
    s.project = std::move(p);
    const Project& proj = s.project;
    size_t errors_before = diags_->error_count();
    if (actuals_.year && *actuals_.year != proj.year) {
      Error(actuals_.loc, fmt::format("the actuals are for {} but project '{}' is a {} project",
                                      *actuals_.year, proj.project, proj.year));
    }
    std::vector<const IndicatorActual*> matched = Match(proj);
    std::vector<Rational> nominal = NominalWeights(proj, rules_);
    Rational all, remaining;
    for (size_t i = 0; i < proj.indicators.size(); ++i) {
      all += nominal[i];
      if (matched[i] && matched[i]->value.kind != ActualKind::kNotApplicable) remaining += nominal[i];
    }
    if (diags_->error_count() == errors_before && remaining.is_zero()) {
      Error(actuals_.loc, fmt::format("every indicator of project '{}' is 不适用: at least one "
                                      "must be scored",
                                      proj.project));
    }
    if (diags_->error_count() != errors_before || actuals_.has_errors) return std::nullopt;
    Rational rescale = all / remaining;
    s.indicators.reserve(proj.indicators.size());
    for (size_t i = 0; i < proj.indicators.size(); ++i) {
      IndicatorScore is = ScoreIndicator(proj.indicators[i], *matched[i], nominal[i] * rescale);
      is.index = i;
      s.indicators.push_back(std::move(is));
    }
    if (diags_->error_count() != errors_before) return std::nullopt;
    ScoreBudget(&s);
    Finish(&s);
    return s;
  }

 private:
  void Error(const Location& loc, std::string message) {
    diags_->Error(loc, std::move(message));
  }

  // The actual of each indicator, by id first and then by name; reports
  // indicators without an actual and actuals naming no indicator.
  std::vector<const IndicatorActual*> Match(const Project& p) {
    std::unordered_map<std::string, size_t> by_key;
    for (size_t i = 0; i < actuals_.indicators.size(); ++i) by_key.emplace(actuals_.indicators[i].key, i);
    std::vector<bool> used(actuals_.indicators.size(), false);
    std::vector<const IndicatorActual*> matched(p.indicators.size(), nullptr);
    for (size_t i = 0; i < p.indicators.size(); ++i) {
      const Indicator& ind = p.indicators[i];
      auto it = ind.id.empty() ? by_key.end() : by_key.find(ind.id);
      if (it == by_key.end()) it = by_key.find(ind.name);
      if (it == by_key.end() || used[it->second]) {
        Error(actuals_.loc,
              fmt::format("no actual for indicator '{}' of project '{}' (target '{}' at {}:{}): "
                          "give its value, or 不适用",
                          ind.key(), p.project, ind.target_text, ind.loc.file, ind.loc.line));
        continue;
      }
      used[it->second] = true;
      matched[i] = &actuals_.indicators[it->second];
    }
    std::vector<std::string> names;
    for (const Indicator& ind : p.indicators) names.push_back(ind.key());
    for (size_t j = 0; j < actuals_.indicators.size(); ++j) {
      if (used[j]) continue;
      const IndicatorActual& a = actuals_.indicators[j];
      std::string hint = ClosestMatch(a.key, names);
      Error(a.loc, hint.empty()
                       ? fmt::format("'{}' is not an indicator of project '{}'", a.key, p.project)
                       : fmt::format("'{}' is not an indicator of project '{}': did you mean "
                                     "'{}'?",
                                     a.key, p.project, hint));
    }
    return matched;
  }

  IndicatorScore ScoreIndicator(const Indicator& ind, const IndicatorActual& a,
                                const Rational& weight) {
    IndicatorScore is;
    is.actual_text = a.text.empty() && a.grade ? GradeName(*a.grade) : a.text;
    is.note = a.note;
    is.actual_loc = a.loc;
    if (a.value.kind == ActualKind::kNotApplicable) {
      is.status = Status::kNotApplicable;
      return is;  // weight 0, score 0
    }
    is.weight = weight;
    std::optional<Outcome> o = Evaluate(ind, a);
    if (!o) return is;
    is.ratio = o->ratio;
    is.score = weight * o->ratio;
    is.status = o->met ? Status::kMet : Status::kUnmet;
    is.deviation = o->deviation;
    if (is.deviation != DeviationKind::kNone && Trim(is.note).empty()) {
      diags_->Warning(a.loc, fmt::format("indicator '{}' {} ({} against {}) but has no note: "
                                         "explain the deviation (偏差原因分析及改进措施)",
                                         ind.name, DeviationWord(is.deviation), is.actual_text,
                                         ind.target_text));
    }
    return is;
  }

  // The outcome of actual `a` against the target of `ind`, or nullopt after
  // reporting why they cannot be compared.
  std::optional<Outcome> Evaluate(const Indicator& ind, const IndicatorActual& a) {
    const Target& t = ind.target;
    if (t.kind == TargetKind::kQualitative) {
      if (!a.grade) {
        Error(a.loc, fmt::format("indicator '{}' has a qualitative target ('{}'): its actual "
                                 "must be a grade — 达成, 部分达成 or 未达成 — not '{}'",
                                 ind.name, ind.target_text, a.text));
        return std::nullopt;
      }
      Outcome o;
      o.ratio = a.score ? *a.score : DefaultGradeRatio(*a.grade, rules_);
      o.met = *a.grade == Grade::kAchieved;
      if (!o.met) o.deviation = DeviationKind::kUnmet;
      return o;
    }
    if (a.grade && a.value.kind != ActualKind::kQuantity && a.value.kind != ActualKind::kDate) {
      Error(a.loc, fmt::format("indicator '{}' has a quantitative target ('{}'): its actual must "
                               "be a value, not the grade '{}'",
                               ind.name, ind.target_text, GradeName(*a.grade)));
      return std::nullopt;
    }
    if (t.kind == TargetKind::kDate) {
      if (a.value.kind != ActualKind::kDate) {
        Error(a.loc, fmt::format("indicator '{}' has a date target ('{}'): its actual must be a "
                                 "date such as 2024-11-20 or 2024年11月20日, not '{}'",
                                 ind.name, ind.target_text, a.text));
        return std::nullopt;
      }
      return ScoreDate(t, a.value.date);
    }
    if (a.value.kind != ActualKind::kQuantity) {
      Error(a.loc, fmt::format("indicator '{}' has the target '{}': its actual must be a number "
                               "with a compatible unit, not '{}'",
                               ind.name, ind.target_text, a.text));
      return std::nullopt;
    }
    Parsed<Rational> b = ConvertTo(a.value.value, t.value.unit);
    if (!b) {
      Error(a.loc, fmt::format("actual '{}' of indicator '{}' cannot be compared with its "
                               "target '{}': {}",
                               a.text, ind.name, ind.target_text, b.error()));
      return std::nullopt;
    }
    std::optional<Rational> upper;
    if (t.kind == TargetKind::kRange) upper = t.upper.value;
    return ScoreQuantity(t, *b, upper ? &*upper : nullptr, IsCostIndicator(ind.level1, ind.level2),
                         rules_);
  }

  void ScoreBudget(ProjectScore* s) {
    s->spent = actuals_.spent;
    s->spent_text = actuals_.spent_text;
    s->note = actuals_.note;
    s->actuals_loc = actuals_.loc;
    s->rate = actuals_.spent / s->project.total;
    s->budget_weight = rules_.execution_weight;
    s->budget_score = Min(s->rate, 1) * rules_.execution_weight;
    s->low_execution = s->rate < rules_.execution_threshold;
    if (s->low_execution && Trim(s->note).empty()) {
      diags_->Warning(actuals_.spent_loc.line > 0 ? actuals_.spent_loc : actuals_.loc,
                      fmt::format("project '{}' spent {} of {} ({}%), below {}% of its budget, but "
                                  "the entry has no note: explain the low execution rate",
                                  s->project.project, actuals_.spent_text,
                                  s->project.total.ToDecimalString(),
                                  (s->rate * 100).FormatFixed(2),
                                  (rules_.execution_threshold * 100).ToDecimalString()));
    }
  }

  void Finish(ProjectScore* s) {
    // The exact sum of n ratios with unrelated denominators has a
    // denominator n times their size: added one by one (a GCD each time)
    // that costs n^3, so 1000 hostile indicators took seconds. Summed in
    // pairs it costs about the last addition alone.
    std::vector<Rational> terms{s->budget_score};
    for (const IndicatorScore& is : s->indicators) terms.push_back(is.score);
    while (terms.size() > 1) {
      size_t half = (terms.size() + 1) / 2;
      for (size_t i = 0; i < terms.size() / 2; ++i) terms[i] = terms[2 * i] + terms[2 * i + 1];
      if (terms.size() % 2 == 1) terms[half - 1] = std::move(terms.back());
      terms.resize(half);
    }
    s->total = std::move(terms[0]);
    for (const IndicatorScore& is : s->indicators) {
      switch (is.status) {
        case Status::kMet: ++s->met; break;
        case Status::kUnmet: ++s->unmet; break;
        case Status::kNotApplicable: ++s->not_applicable; break;
      }
    }
    s->total_rounded = s->total.Round(2);
    s->grade = rules_.GradeOf(s->total_rounded);
  }

  const ProjectActuals& actuals_;
  const Rules& rules_;
  Diagnostics* diags_;
};

}  // namespace

const char* StatusName(Status s) {
  switch (s) {
    case Status::kMet: return "met";
    case Status::kUnmet: return "unmet";
    case Status::kNotApplicable: return "not_applicable";
  }
  return "";
}

std::vector<Rational> NominalWeights(const Project& p, const Rules& rules) {
  std::vector<Rational> w(p.indicators.size());
  bool explicit_weights = !p.indicators.empty() && p.indicators.front().weight.has_value();
  if (explicit_weights) {
    for (size_t i = 0; i < w.size(); ++i) w[i] = p.indicators[i].weight.value_or(0);
    return w;
  }
  // Indicators per pool; a level-1 group scores in its pool (the 2021-form
  // 成本指标 in 产出指标's).
  std::vector<std::string> pool_of(p.indicators.size());
  std::unordered_map<std::string, int> count;
  for (size_t i = 0; i < p.indicators.size(); ++i) {
    const Level1Group* g = rules.FindLevel1(p.indicators[i].level1);
    pool_of[i] = g ? g->pool : p.indicators[i].level1;
    ++count[pool_of[i]];
  }
  Rational used;  // weight of the pools that have indicators
  for (const Pool& pool : rules.pools)
    if (count.count(pool.name)) used += pool.weight;
  if (used.is_zero()) return w;
  Rational scale = rules.IndicatorWeight() / used;
  for (size_t i = 0; i < p.indicators.size(); ++i) {
    const Pool* pool = rules.FindPool(pool_of[i]);
    if (pool == nullptr) continue;
    w[i] = pool->weight * scale / Rational(count[pool_of[i]]);
  }
  return w;
}

std::optional<ProjectScore> ScoreProject(Project p, const ProjectActuals& actuals,
                                         const Rules& rules, Diagnostics* diags) {
  return ProjectScorer(actuals, rules, diags).Score(std::move(p));
}

}  // namespace jixiao
