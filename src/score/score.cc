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

  // What scoring and monitoring (MatchProject) share: the year checked,
  // spent and the budget in the project's unit (s->spent, s->budget, ...),
  // and the actual of each indicator of s->project (nullptr: none, reported).
  std::vector<const IndicatorActual*> Prepare(ProjectScore* s) {
    const Project& proj = s->project;
    if (actuals_.year && *actuals_.year != proj.year) {
      Error(actuals_.loc, fmt::format("the actuals are for {} but project '{}' is a {} project",
                                      *actuals_.year, proj.project, proj.year));
    }
    if (actuals_.has_spent) ReadFunding(s);
    return Match(proj);
  }

  // An actual judged against its indicator's target (JudgeActual).
  std::optional<Judgement> Judge(const Indicator& ind, const IndicatorActual& a) {
    std::optional<Outcome> o = Evaluate(ind, a);
    if (!o) return std::nullopt;
    return Judgement{o->met, o->ratio};
  }

  std::optional<ProjectScore> Score(Project p) {
    ProjectScore s;
    s.project = std::move(p);
    const Project& proj = s.project;
    size_t errors_before = diags_->error_count();
    std::vector<const IndicatorActual*> matched = Prepare(&s);
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
    if (std::string slip = PercentSlip(ind, a); !slip.empty()) {
      Error(a.loc, std::move(slip));
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

  // A unit-less actual in (0, 1] against a percent target: 0.992 is how a
  // spreadsheet writes 99.2%, and read as 0.992% it would score near 0.
  static std::string PercentSlip(const Indicator& ind, const IndicatorActual& a) {
    const Quantity& q = a.value.value;
    if (q.unit.dim != Dimension::kNone || ind.target.value.unit.dim != Dimension::kPercent ||
        q.value.sign() <= 0 || q.value > 1) {
      return "";
    }
    return fmt::format("actual '{}' of indicator '{}' has no unit and its target '{}' is a "
                       "percentage: write '{}%' (or '{}{}' if that is meant)",
                       a.text, ind.name, ind.target_text, (q.value * 100).ToDecimalString(),
                       a.text, ind.target.value.unit.name);
  }

  // spent and the adjusted budget in the project's unit, their parts
  // checked, and spent checked against the budget (a unit slip must not
  // become a silent score). Problems are reported.
  void ReadFunding(ProjectScore* s) {
    const Project& p = s->project;
    std::optional<FundingFigures> spent = Convert(actuals_.spent, "spent", p);
    std::optional<FundingFigures> budget;
    if (actuals_.budget) budget = Convert(*actuals_.budget, "budget", p);
    if (!spent || (actuals_.budget && !budget)) return;
    s->spent = spent->total;
    s->spent_text = actuals_.spent.total.text;
    s->spent_parts = std::move(*spent);
    s->adjusted = std::move(budget);
    s->budget = s->adjusted ? s->adjusted->total : p.total;
    s->achieved = actuals_.achieved;
    CheckSpent(*s);
  }

  // `f` in the project's unit; nullopt after reporting what is wrong.
  std::optional<FundingFigures> Convert(const Funding& f, const char* field, const Project& p) {
    bool ok = true;
    auto one = [&](const Amount& a, const char* part) {
      Parsed<Rational> v = AmountInUnit(a, p.unit);
      if (v) return *v;
      Error(a.loc.line > 0 ? a.loc : actuals_.loc,
            fmt::format("'{}{}{}' of project '{}': {}", field, *part ? " " : "", part, p.project,
                        v.error()));
      ok = false;
      return Rational();
    };
    FundingFigures out;
    out.total = one(f.total, "");
    const std::optional<Amount>* parts[3] = {&f.fiscal, &f.carryover, &f.other};
    std::optional<Rational>* values[3] = {&out.fiscal, &out.carryover, &out.other};
    const char* names[3] = {"fiscal", "carryover", "other"};
    int given = 0;
    Rational sum;
    std::vector<std::string> terms;
    const Amount* first = nullptr;
    for (int i = 0; i < 3; ++i) {
      if (!*parts[i]) continue;
      *values[i] = one(**parts[i], names[i]);
      ++given;
      sum += **values[i];
      terms.push_back(fmt::format("{} ({})", names[i], (*parts[i])->text));
      if (first == nullptr) first = &**parts[i];
    }
    if (!ok) return std::nullopt;
    if (given >= 2 && sum != out.total) {
      Error(first->loc, fmt::format("'{}' of project '{}': {} = {} {}, but total is {} {}: they "
                                    "must add up (an absent part counts as 0)",
                                    field, p.project, fmt::join(terms, " + "),
                                    sum.ToDecimalString(), p.unit, out.total.ToDecimalString(),
                                    p.unit));
      return std::nullopt;
    }
    if (given == 1 && sum > out.total) {
      Error(first->loc, fmt::format("'{}' of project '{}': {} is larger than total ({} {})", field,
                                    p.project, terms[0], out.total.ToDecimalString(), p.unit));
      return std::nullopt;
    }
    return out;
  }

  // Spending above the budget is a warning (超预算); ten times the budget or
  // more is an error that names the likely slip of unit. So is an adjusted
  // budget ten times the target's total, as a warning.
  void CheckSpent(const ProjectScore& s) {
    const Project& p = s.project;
    const Amount& spent = actuals_.spent.total;
    const Location at = spent.loc.line > 0 ? spent.loc : actuals_.loc;
    const std::string budget_name = s.adjusted ? "adjusted budget (全年预算数)" : "budget";
    if (s.spent >= s.budget * 10) {
      Error(at, SlipMessage("spent", spent, s.spent, s.budget, budget_name, p.unit));
    } else if (s.spent > s.budget) {
      diags_->Warning(at, fmt::format("project '{}' spent {} {}, more than its {} of {} {} "
                                      "({}%): 超预算 (over budget); check the amount{}",
                                      p.project, s.spent.ToDecimalString(), p.unit, budget_name,
                                      s.budget.FormatFixed(2), p.unit,
                                      (s.spent / s.budget * 100).FormatFixed(2),
                                      s.adjusted ? ""
                                                 : ", or give the budget after adjustment "
                                                   "(全年预算数) as 'budget:' in the actuals entry"));
    }
    if (s.adjusted && s.adjusted->total >= p.total * 10) {
      const Amount& b = actuals_.budget->total;
      diags_->Warning(b.loc.line > 0 ? b.loc : actuals_.loc,
                      SlipMessage("the adjusted budget", b, s.adjusted->total, p.total,
                                  "target's total", p.unit));
    }
  }

  // "spent 9624000 is 9624 times the budget of 1000.00 万元: was it written in
  // 元? 9624000元 = 962.4万元; write 962.4 or 9624000元".
  // `value` is `written` in the project's `unit`.
  static std::string SlipMessage(const char* what, const Amount& written, const Rational& value,
                                 const Rational& budget, const std::string& budget_name,
                                 const std::string& unit) {
    std::string m = fmt::format("{} {} is {} times the {} of {} {}", what, written.text,
                                (value / budget).FormatShort(1), budget_name,
                                budget.FormatFixed(2), unit);
    const Unit project_unit = LookupUnit(unit);
    if (written.unit.dim != Dimension::kNone || project_unit.factor == 1) {
      return m + ": check the amount and its unit";
    }
    // The smaller money unit it was most likely written in: the one that
    // brings it nearest the budget (by ratio), 元 among equals.
    std::string slip;
    Rational best;
    for (const char* smaller : {"元", "千元", "万元"}) {
      Unit u = LookupUnit(smaller);
      if (u.factor >= project_unit.factor) continue;
      Rational ratio = written.value * u.factor / project_unit.factor / budget;
      Rational distance = ratio >= 1 ? ratio : (ratio.is_zero() ? Rational(0) : Rational(1) / ratio);
      if (slip.empty() || (!distance.is_zero() && distance < best)) {
        slip = smaller;
        best = distance;
      }
    }
    const Rational converted = written.value * LookupUnit(slip).factor / project_unit.factor;
    return m + fmt::format(": was it written in {}? {}{} = {}{}; write {} or {}{}", slip,
                           written.text, slip, converted.ToDecimalString(), unit,
                           converted.ToDecimalString(), written.text, slip);
  }

  void ScoreBudget(ProjectScore* s) {
    s->note = actuals_.note;
    s->actuals_loc = actuals_.loc;
    s->rate = s->spent / s->budget;
    s->budget_weight = rules_.execution_weight;
    s->budget_score = Min(s->rate, 1) * rules_.execution_weight;
    s->low_execution = s->rate < rules_.execution_threshold;
    const Amount& spent = actuals_.spent.total;
    if (s->low_execution && Trim(s->note).empty()) {
      // As written, and in the project's unit when written in another.
      std::string spent_text = spent.unit.name.empty()
                                   ? spent.text
                                   : fmt::format("{} ({} {})", spent.text,
                                                 s->spent.ToDecimalString(), s->project.unit);
      diags_->Warning(spent.loc.line > 0 ? spent.loc : actuals_.loc,
                      fmt::format("project '{}' spent {} of {} ({}%), below {}% of its budget, but "
                                  "the entry has no note: explain the low execution rate",
                                  s->project.project, spent_text, s->budget.ToDecimalString(),
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

std::optional<MatchedProject> MatchProject(Project p, const ProjectActuals& actuals,
                                           const Rules& rules, Diagnostics* diags) {
  const size_t errors_before = diags->error_count();
  MatchedProject m;
  m.base.project = std::move(p);
  m.actuals = ProjectScorer(actuals, rules, diags).Prepare(&m.base);
  if (diags->error_count() != errors_before || actuals.has_errors) return std::nullopt;
  m.base.note = actuals.note;
  m.base.actuals_loc = actuals.loc;
  return m;
}

std::optional<Judgement> JudgeActual(const Indicator& ind, const IndicatorActual& actual,
                                     const Rules& rules, Diagnostics* diags) {
  static const ProjectActuals kNoEntry;
  return ProjectScorer(kNoEntry, rules, diags).Judge(ind, actual);
}

}  // namespace jixiao
