#include "score/score.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "base/text.h"

namespace jixiao {

namespace {

struct Outcome {
  Rational ratio;
  bool met = false;
  DeviationKind deviation = DeviationKind::kNone;
  RatioFormula formula = RatioFormula::kMet;  // how `ratio` was found
  bool upper = false;  // the formula's A is a range's upper bound
  bool far_over = false;  // PercentFarOver or QuantityFarOver warned of the actual
};

// The formula of an unmet positive or reverse target A.
RatioFormula PositiveFormula(const Rational& a) {
  return a.sign() <= 0 ? RatioFormula::kZeroTarget : RatioFormula::kPositive;
}
RatioFormula ReverseFormulaOf(const Rational& a, ReverseFormula formula) {
  if (a.sign() <= 0) return RatioFormula::kZeroTarget;
  return formula == ReverseFormula::kLinear ? RatioFormula::kReverseLinear : RatioFormula::kReverse;
}

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
    if (!o.met) {
      o.deviation = DeviationKind::kUnmet;
      o.upper = b > a;
      o.formula = b < a ? PositiveFormula(a) : ReverseFormulaOf(*upper, rules.reverse);
    }
    return o;
  }
  switch (t.cmp) {
    case Comparator::kEq:
      if (a.is_zero()) {  // "=0起": met only by 0, and never over-achieved
        o.met = b.is_zero();
        o.ratio = o.met ? 1 : 0;
        if (!o.met) {
          o.deviation = DeviationKind::kUnmet;
          o.formula = RatioFormula::kZeroTarget;
        }
        return o;
      }
      [[fallthrough]];
    case Comparator::kGe:
    case Comparator::kGt:
      o.met = t.cmp == Comparator::kGt ? b > a : b >= a;
      o.ratio = o.met ? Rational(1) : PositiveRatio(b, a);
      if (!o.met) {
        o.deviation = DeviationKind::kUnmet;
        o.formula = PositiveFormula(a);
      } else if (a.sign() > 0 && (rules.deviation_inclusive ? b >= a * over : b > a * over)) {
        o.deviation = DeviationKind::kOverAchieved;
      }
      break;
    case Comparator::kLe:
    case Comparator::kLt:
      o.met = t.cmp == Comparator::kLt ? b < a : b <= a;
      o.ratio = o.met ? Rational(1) : ReverseRatio(b, a, rules.reverse);
      if (!o.met) {
        o.deviation = DeviationKind::kUnmet;
        o.formula = ReverseFormulaOf(a, rules.reverse);
      }
      break;
  }
  if (o.deviation == DeviationKind::kNone && cost && a.sign() > 0 &&
      (rules.deviation_inclusive ? b <= a * under : b < a * under)) {
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
  if (!o.met) {
    o.deviation = DeviationKind::kUnmet;
    o.formula = RatioFormula::kLate;
  }
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

// What an indicator's deviation is, worded to follow its name in a message.
// (A low execution rate is the budget's, never an indicator's.)
std::string_view DeviationWord(DeviationKind k) {
  switch (k) {
    case DeviationKind::kUnmet: return Text(MsgId::kDeviationUnmetWord);
    case DeviationKind::kOverAchieved: return Text(MsgId::kDeviationOverWord);
    case DeviationKind::kCostUnderRun: return Text(MsgId::kDeviationCostWord);
    case DeviationKind::kLowExecution:
    case DeviationKind::kNone: break;
  }
  return "";
}

// `id` in the words of what the actual judged is (ActualRole).
MsgId About(MsgId id, ActualRole role) {
  switch (role) {
    case ActualRole::kValueToDate: return ValueToDateWording(id);
    case ActualRole::kForecast: return ForecastWording(id);
    case ActualRole::kActual: break;
  }
  return id;
}

class ProjectScorer {
 public:
  ProjectScorer(const ProjectActuals& actuals, const Rules& rules, Diagnostics* diags,
                const ScoreOptions& options = {})
      : actuals_(actuals), rules_(rules), diags_(diags), options_(options) {}

  // What scoring and monitoring (MatchProject) share: the year checked,
  // spent and the budget in the project's unit (s->spent, s->budget, ...),
  // and the actual of each indicator of s->project (nullptr: none, reported).
  std::vector<const IndicatorActual*> Prepare(ProjectScore* s) {
    const Project& proj = s->project;
    if (actuals_.year && *actuals_.year != proj.year) {
      diags_->Error(actuals_.loc, Say(MsgId::kActualsYearMismatch), *actuals_.year, proj.project,
                    proj.year);
    }
    if (actuals_.has_spent) ReadFunding(s);
    CheckShownBudget(*s);
    CheckShownGoals(proj);
    // A score's band is the rules' (not the file's to know when it was
    // read): checked for every indicator of the entry, whatever else is wrong.
    for (const IndicatorActual& a : actuals_.indicators)
      if (a.grade && a.score) CheckBand(a);
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
    // With rows unread, the actuals not matched may be on them: not 不适用.
    if (diags_->error_count() == errors_before && remaining.is_zero() && !actuals_.rows_unread) {
      diags_->Error(actuals_.loc, MsgId::kAllNotApplicable, proj.project);
    }
    if (diags_->error_count() != errors_before || actuals_.has_errors) return std::nullopt;
    Rational rescale = all / remaining;
    std::shared_ptr<ScoreWork> work;
    if (options_.show_work) work = StartWork(proj, nominal, all, remaining);
    s.indicators.reserve(proj.indicators.size());
    for (size_t i = 0; i < proj.indicators.size(); ++i) {
      const IndicatorActual& a = *matched[i];
      if (a.value.kind == ActualKind::kDate && proj.year > 0 && a.value.date.year < proj.year) {
        // Last year's file, copied: a date that cannot be this year's.
        diags_->Warning(a.value_loc(), MsgId::kDateBeforeYear, proj.indicators[i].name,
                        FormatDate(a.value.date), proj.year);
      }
      IndicatorScore is = ScoreIndicator(proj.indicators[i], *matched[i], nominal[i] * rescale,
                                         work ? &work->indicators[i] : nullptr);
      is.index = i;
      s.indicators.push_back(std::move(is));
    }
    if (diags_->error_count() != errors_before) return std::nullopt;
    s.work = std::move(work);
    ScoreBudget(&s);
    Finish(&s);
    return s;
  }

 private:
  // The actual of each indicator, by id first and then by name; reports
  // indicators without an actual and actuals naming no indicator.
  std::vector<const IndicatorActual*> Match(const Project& p) {
    const std::vector<IndicatorActual>& actuals = actuals_.indicators;
    constexpr size_t kNone = static_cast<size_t>(-1);
    // The first actual keyed `key`, or kNone. A project's dozen are searched
    // in turn; from kHashed on they are hashed (a table may hold up to
    // YamlLimits::max_indicators).
    constexpr size_t kHashed = 32;
    std::unordered_map<std::string_view, size_t> by_key;
    if (actuals.size() >= kHashed) {
      for (size_t j = 0; j < actuals.size(); ++j) by_key.emplace(actuals[j].key, j);
    }
    auto find = [&](std::string_view key) {
      if (actuals.size() >= kHashed) {
        auto it = by_key.find(key);
        return it == by_key.end() ? kNone : it->second;
      }
      for (size_t j = 0; j < actuals.size(); ++j)
        if (actuals[j].key == key) return j;
      return kNone;
    };
    std::vector<bool> used(actuals.size(), false);
    std::vector<const IndicatorActual*> matched(p.indicators.size(), nullptr);
    for (size_t i = 0; i < p.indicators.size(); ++i) {
      const Indicator& ind = p.indicators[i];
      size_t j = ind.id.empty() ? kNone : find(ind.id);
      if (j == kNone) j = find(ind.name);
      if (j == kNone || used[j]) {
        if (!actuals_.rows_unread) {
          diags_->Error(actuals_.loc, Say(MsgId::kNoActualForIndicator), ind.key(), p.project,
                        ind.target_text, ind.loc.file, ind.loc.line);
        }
        continue;
      }
      used[j] = true;
      matched[i] = &actuals[j];
      CheckWrittenTarget(p, ind, *matched[i]);
    }
    std::vector<std::string> names;  // the indicators', once an actual names none
    for (size_t j = 0; j < actuals_.indicators.size(); ++j) {
      if (used[j]) continue;
      const IndicatorActual& a = actuals_.indicators[j];
      // The name of an indicator that took, by its id, an actual meant for
      // another indicator of that name (an id that is another's name).
      bool taken = false;
      for (size_t k = 0; k < p.indicators.size() && !taken; ++k) {
        const Indicator& ind = p.indicators[k];
        if (ind.name == a.key && !ind.id.empty() && matched[k] != nullptr &&
            matched[k]->key == ind.id) {
          // Its id is another indicator's name, or the same indicator is
          // given twice, by id and by name.
          diags_->Error(a.loc,
                        IndicatorNamedById(p, ind) ? MsgId::kNotAnIndicatorNameOfId
                                                   : MsgId::kIndicatorByIdAndName,
                        a.key, p.project, ind.id);
          taken = true;
        }
      }
      if (taken) continue;
      if (names.empty()) {
        for (const Indicator& ind : p.indicators) names.push_back(ind.key());
      }
      std::string hint = ClosestMatch(a.key, names);
      if (hint.empty()) {
        diags_->Error(a.loc, MsgId::kNotAnIndicator, a.key, p.project);
      } else {
        diags_->Error(a.loc, MsgId::kNotAnIndicatorDidYouMean, a.key, p.project, hint);
      }
    }
    return matched;
  }

  // A budget a spreadsheet's spending row shows (ProjectActuals::budget_shown)
  // that is neither the target file's nor the adjusted budget given: said,
  // as the target file's (or the 全年预算数 row's) is the one used.
  void CheckShownBudget(const ProjectScore& s) {
    if (!actuals_.budget_shown) return;
    const Project& p = s.project;
    Parsed<Rational> v = AmountInUnit(*actuals_.budget_shown, p.unit);
    if (!v || *v == p.total || (s.adjusted && *v == s.adjusted->total)) return;
    diags_->Warning(actuals_.budget_shown->loc, MsgId::kShownBudgetDiffers, p.project,
                    actuals_.budget_shown->text, p.total.ToDecimalString(), p.unit, p.loc.file,
                    p.loc.line);
  }

  // The goals a spreadsheet's 实际完成情况 row shows in its 指标值 cell
  // (ProjectActuals::goals_shown) that are not the target's: said, as that
  // cell is not read. Most often what was achieved, written over the goals
  // (the template shows them there) instead of in the value cell, so that
  // the forms' 实际完成情况 would stay blank without a word.
  void CheckShownGoals(const Project& p) {
    if (actuals_.goals_shown.empty() || SameGoals(actuals_.goals_shown, p.goals)) return;
    std::string goals;
    for (const std::string& g : p.goals) goals += (goals.empty() ? "" : "；") + g;
    diags_->Warning(actuals_.goals_shown_loc,
                    actuals_.achieved.empty() ? MsgId::kShownGoalsDiffersNoAchieved
                                              : MsgId::kShownGoalsDiffers,
                    p.project, TruncateToWidth(actuals_.goals_shown, 40),
                    goals.empty() ? Tr(MsgId::kNoGoalsInFile)
                                  : Tr(MsgId::kGoalsInFile, TruncateToWidth(goals, 40)),
                    p.loc.file, p.loc.line);
  }

  // Whether `shown` is `goals` as `template -f csv` writes them (joined by
  // "；"), or joined otherwise: compared without blanks, line breaks and
  // semicolons (a cell Excel rewrapped, a goal per line).
  static bool SameGoals(std::string_view shown, const std::vector<std::string>& goals) {
    auto squeeze = [](std::string_view s, std::string* out) {
      for (size_t i = 0; i < s.size();) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == ';') {
          ++i;
        } else if (s.substr(i, 3) == "；" || s.substr(i, 3) == "\xE3\x80\x80"  /* U+3000 */) {
          i += 3;
        } else {
          out->push_back(s[i++]);
        }
      }
    };
    std::string a, b;
    squeeze(shown, &a);
    for (const std::string& g : goals) squeeze(g, &b);
    return a == b;
  }

  // A target a spreadsheet row shows beside the value (a template's copy
  // the officer edited, or last year's) that is not the target file's: said,
  // as the target file's is the one used.
  void CheckWrittenTarget(const Project& p, const Indicator& ind, const IndicatorActual& a) {
    if (a.target_text.empty() || SameTarget(a.target_text, ind.target, ind.target_text, p.year))
      return;
    diags_->Warning(Location{a.loc.file, a.target_line, a.target_column},
                    MsgId::kWrittenTargetDiffers, ind.key(), p.project, a.target_text,
                    ind.target_text, ind.loc.file, ind.loc.line);
  }

  // --show-work: how the nominal weights were split, and S and R.
  std::shared_ptr<ScoreWork> StartWork(const Project& p, const std::vector<Rational>& nominal,
                                       const Rational& all, const Rational& remaining) {
    auto w = std::make_shared<ScoreWork>();
    w->explicit_weights = !p.indicators.empty() && p.indicators.front().weight.has_value();
    w->indicator_weight = rules_.IndicatorWeight();
    w->all = all;
    w->remaining = remaining;
    w->indicators.resize(p.indicators.size());
    std::unordered_map<std::string, int> count;
    std::vector<const Pool*> pool_of(p.indicators.size(), nullptr);
    for (size_t i = 0; i < p.indicators.size(); ++i) {
      const Level1Group* g = rules_.FindLevel1(p.indicators[i].level1);
      pool_of[i] = rules_.FindPool(g ? g->pool : p.indicators[i].level1);
      if (pool_of[i] != nullptr) ++count[pool_of[i]->name];
    }
    for (const Pool& pool : rules_.pools) {
      if (count.count(pool.name)) {
        w->used += pool.weight;
      } else {
        w->empty_pools.push_back(pool.name);
      }
    }
    w->redistribution = w->used.is_zero() ? Rational(1) : w->indicator_weight / w->used;
    for (size_t i = 0; i < p.indicators.size(); ++i) {
      IndicatorScoreWork& iw = w->indicators[i];
      iw.nominal = nominal[i];
      iw.explicit_weight = w->explicit_weights;
      if (!iw.explicit_weight && pool_of[i] != nullptr) {
        iw.pool = pool_of[i]->name;
        iw.pool_weight = pool_of[i]->weight;
        iw.pool_indicators = count[iw.pool];
      }
    }
    return w;
  }

  IndicatorScore ScoreIndicator(const Indicator& ind, const IndicatorActual& a,
                                const Rational& weight, IndicatorScoreWork* work) {
    IndicatorScore is;
    is.actual_text = a.text.empty() && a.grade ? GradeName(*a.grade) : a.text;
    is.note = a.note;
    is.actual_loc = a.loc;
    if (a.value.kind == ActualKind::kNotApplicable) {
      is.status = Status::kNotApplicable;
      if (work != nullptr) work->formula = RatioFormula::kNotApplicable;
      return is;  // weight 0, score 0
    }
    is.weight = weight;
    std::optional<Outcome> o = Evaluate(ind, a, work);
    if (!o) return is;
    is.ratio = o->ratio;
    is.score = weight * o->ratio;
    is.status = o->met ? Status::kMet : Status::kUnmet;
    is.deviation = o->deviation;
    if (work != nullptr) {
      work->formula = o->formula;
      if (o->formula == RatioFormula::kMet || o->formula == RatioFormula::kZeroTarget ||
          o->formula == RatioFormula::kLate || o->formula == RatioFormula::kGrade) {
        work->raw = o->ratio;
      }
    }
    // (A percentage far over its target has been warned of as a slip.)
    if (is.deviation != DeviationKind::kNone && Trim(is.note).empty() && !o->far_over) {
      diags_->Warning(a.loc, MsgId::kDeviationWithoutNote, ind.name, DeviationWord(is.deviation),
                      is.actual_text, ind.target_text);
    }
    return is;
  }

  // The outcome of actual `a` against the target of `ind`, or nullopt after
  // reporting why they cannot be compared.
  // With `work`, records the figures of the formula in it.
  std::optional<Outcome> Evaluate(const Indicator& ind, const IndicatorActual& a,
                                  IndicatorScoreWork* work = nullptr) {
    const Target& t = ind.target;
    const ActualRole role = options_.role;  // what the messages call the actual
    if (a.value.kind == ActualKind::kText && IsPlaceholderText(a.text)) {
      // "/" or "无" copied from a form's empty cell: 不适用, zero, or not filled in?
      diags_->Error(a.value_loc(), About(MsgId::kActualPlaceholder, role), ind.name, a.text, ind.target_text);
      return std::nullopt;
    }
    if (a.value.kind == ActualKind::kText && IsNotApplicableWithReason(a.text)) {
      // "不适用（本年未开展）": 不适用 with its reason, which goes in the note.
      diags_->Error(a.value_loc(), About(MsgId::kNotApplicableWithText, role), ind.name, a.text);
      return std::nullopt;
    }
    if (t.kind == TargetKind::kQualitative) {
      if (!a.grade) {
        Message m = Msg(About(MsgId::kQualitativeNeedsGrade, role), ind.name, ind.target_text, a.text);
        // "部分 达成", "部份达成": the grade it is most likely a slip for.
        if (const std::string hint = ClosestGrade(a.text); !hint.empty()) {
          m.text += Tr(MsgId::kGradeDidYouMean, hint);
        }
        diags_->Error(a.value_loc(), std::move(m));
        return std::nullopt;
      }
      Outcome o;
      o.ratio = a.score ? *a.score : DefaultGradeRatio(*a.grade, rules_);
      o.met = *a.grade == Grade::kAchieved;
      o.formula = RatioFormula::kGrade;
      if (!o.met) o.deviation = DeviationKind::kUnmet;
      if (work != nullptr) work->grade_score_given = a.score.has_value();
      return o;
    }
    if (a.grade && a.value.kind != ActualKind::kQuantity && a.value.kind != ActualKind::kDate) {
      diags_->Error(a.value_loc(), About(MsgId::kQuantitativeGotGrade, role), ind.name, ind.target_text,
                    GradeName(*a.grade));
      return std::nullopt;
    }
    // 未完成 is monitor's word for what is not done yet; at year end the
    // date or the time, expected if need be, is what is scored.
    const bool not_done = a.value.kind == ActualKind::kText && !a.grade && Trim(a.text) == "未完成";
    if (t.kind == TargetKind::kDate) {
      if (a.value.kind != ActualKind::kDate) {
        // 45627: a date cell Excel shows in the General format.
        const std::optional<Date> serial = SerialDateOf(a.value);
        diags_->Error(a.value_loc(),
                      not_done ? Msg(About(MsgId::kDateNotDoneAtYearEnd, role), ind.name,
                                     ind.target_text)
                      : serial ? Msg(About(MsgId::kDateExcelSerial, role), ind.name,
                                     ind.target_text, a.text, FormatDate(*serial))
                               : Msg(About(MsgId::kDateNeedsDate, role), ind.name,
                                     ind.target_text, a.text));
        return std::nullopt;
      }
      return ScoreDate(t, a.value.date);
    }
    if (a.value.kind != ActualKind::kQuantity) {
      if (std::optional<std::string> decimal = ScientificAsDecimal(a.text)) {
        diags_->Error(a.value_loc(), About(MsgId::kNeedsNumberScientific, role), ind.name, a.text, *decimal);
      } else if (std::optional<SpacedDigits> spaced = DigitsGroupedBySpaces(a.text)) {
        // "1 000台": thousands grouped by a space, often a no-break one
        // that looks like any other.
        diags_->Error(a.value_loc(), About(MsgId::kNeedsNumberSpaced, role), ind.name, a.text,
                      SpaceName(spaced->space), spaced->joined);
      } else if (not_done && IsTimeLimit(t)) {
        diags_->Error(a.value_loc(), About(MsgId::kTimeNotDoneAtYearEnd, role), ind.name, ind.target_text);
      } else {
        diags_->Error(a.value_loc(), About(MsgId::kNeedsNumber, role), ind.name, ind.target_text, a.text);
      }
      return std::nullopt;
    }
    if (PercentSlip(ind, a, role, diags_) || ScaleSlip(ind, a, role, diags_)) {
      return std::nullopt;
    }
    Parsed<Rational> b = ConvertTo(a.value.value, t.value.unit);
    if (!b) {
      diags_->Error(a.value_loc(), About(MsgId::kActualUnitMismatch, role), a.text, ind.name, ind.target_text,
                    b.error());
      return std::nullopt;
    }
    std::optional<Rational> upper;
    if (t.kind == TargetKind::kRange) upper = t.upper.value;
    Outcome o = ScoreQuantity(t, *b, upper ? &*upper : nullptr,
                              IsCostIndicator(ind.level1, ind.level2), rules_);
    o.far_over = PercentFarOver(ind, a, *b, role, diags_) || QuantityFarOver(ind, a, *b, role, diags_);
    if (work != nullptr) {
      work->a = o.upper ? *upper : t.value.value;
      work->b = *b;
      switch (o.formula) {
        case RatioFormula::kPositive: work->raw = work->b / work->a; break;
        case RatioFormula::kReverse: work->raw = work->a / work->b; break;
        case RatioFormula::kReverseLinear:
          work->raw = Rational(1) - (work->b - work->a) / work->a;
          break;
        default: work->raw = o.ratio; break;
      }
    }
    return o;
  }

  // Reports the explicit score of `a` at the score when it lies outside its
  // grade's band under the rules.
  void CheckBand(const IndicatorActual& a) {
    const ScoreBand band = rules_.BandOf(*a.grade);
    const Rational& s = *a.score;
    if (band.Holds(s)) return;
    const std::string low = band.low.ToDecimalString();
    const std::string high = band.high.ToDecimalString();
    diags_->Error(a.score_line > 0 ? Location{a.loc.file, a.score_line, a.score_column} : a.loc,
                  MsgId::kScoreOutsideBand, a.key, s.ToDecimalString(), GradeName(*a.grade),
                  "[" + low + ", " + high + (band.high_inclusive ? "]" : ")"),
                  Tr(band.high_inclusive ? MsgId::kBandScoresUpTo : MsgId::kBandScoresBelow,
                     low, high));
  }

  // A unit-less actual in (0, 1] against a percent target: 0.992 is how a
  // spreadsheet writes 99.2%, and read as 0.992% it would score near 0. So
  // is one in (1, 2) that read as a percentage is a tenth of the target or
  // less: 1.02 against ≥90% is a spreadsheet's 102% (read as 1.02% it would
  // fail by far), while 1.5 against ≤5% is as written. Reports it and
  // returns true when `a` is one.
  static bool PercentSlip(const Indicator& ind, const IndicatorActual& a, ActualRole role,
                          Diagnostics* diags) {
    const Quantity& q = a.value.value;
    if (q.unit.dim != Dimension::kNone || ind.target.value.unit.dim != Dimension::kPercent ||
        q.value.sign() <= 0) {
      return false;
    }
    if (q.value > 1 && (q.value >= 2 || q.value * 10 > ind.target.value.value)) return false;
    diags->Error(a.value_loc(), About(MsgId::kPercentWithoutUnit, role), a.text, ind.name, ind.target_text,
                 (q.value * 100).ToDecimalString(), ind.target.value.unit.name);
    return true;
  }

  // What an actual far over its target is measured against: a range's
  // upper end, else the target's value.
  static const Rational& UpperBound(const Target& t) {
    return t.kind == TargetKind::kRange ? t.upper.value : t.value.value;
  }

  // A percentage over 100% and five times or more a target of at most
  // 100%, without a note: 960% against ≥90% is most often 96.0% with a
  // digit added, and would pass (against ≥97% too) with full marks. A
  // warning, not an error (a growth rate may be so); a note that explains
  // the figure silences it. `b` is the actual in the target's unit. Reports
  // it and returns true when `a` is one.
  static bool PercentFarOver(const Indicator& ind, const IndicatorActual& a, const Rational& b,
                             ActualRole role, Diagnostics* diags) {
    const Target& t = ind.target;
    if (t.value.unit.dim != Dimension::kPercent || a.value.value.unit.dim != Dimension::kPercent ||
        !Trim(a.note).empty()) {
      return false;
    }
    const Rational& bound = UpperBound(t);
    if (bound.sign() <= 0 || b < bound * 5) return false;  // most return here
    static const Unit percent = LookupUnit("%");
    Parsed<Rational> actual = ConvertTo(a.value.value, percent);
    Parsed<Rational> target = ConvertTo(Quantity{bound, t.value.unit}, percent);
    if (!actual || !target || *target > 100 || *actual <= 100) return false;
    diags->Warning(a.value_loc(), About(MsgId::kPercentFarOverTarget, role), a.text, ind.name,
                   ind.target_text, (b / bound).FormatShort(1));
    return true;
  }

  // A quantity (not a percentage) ten times or more a positive target that
  // it is to reach (≥, =, a range's upper end), without a note: 12000人次
  // against ≥1200人次 is most often a zero added. At mid-year a value to
  // date already ten times the full-year target would be lit green with no
  // word, and at year end it would be told only that the target may have
  // been set too low (JX0805). A warning: a low target may truly be beaten
  // so; a note that explains the figure silences it. `b` is the actual in
  // the target's unit. Reports it and returns true when `a` is one.
  static bool QuantityFarOver(const Indicator& ind, const IndicatorActual& a, const Rational& b,
                              ActualRole role, Diagnostics* diags) {
    const Target& t = ind.target;
    if (IsReverse(t.cmp) || t.value.unit.dim == Dimension::kPercent) return false;
    const Rational& bound = UpperBound(t);
    if (bound.sign() <= 0 || b < bound * 10 || !Trim(a.note).empty()) return false;  // most return here
    diags->Warning(a.value_loc(), About(MsgId::kQuantityFarOverTarget, role), a.text, ind.name,
                   ind.target_text, (b / bound).FormatShort(1));
    return true;
  }

  // A unit-less actual a hundred times or more a target in a unit that has
  // a smaller one: 480000 against ≤50万元 is 480000元, 9000 against
  // ≥1.2万平方米 is 9000平方米, 8000 against ≥10公里 is 8000米, written
  // without the unit; read in the target's unit they would pass or fail by
  // far. Reports it, with the smaller unit that brings it nearest the
  // target, and returns true when `a` is one.
  static bool ScaleSlip(const Indicator& ind, const IndicatorActual& a, ActualRole role,
                        Diagnostics* diags) {
    const Quantity& q = a.value.value;
    const Quantity& target = ind.target.value;
    if (q.unit.dim != Dimension::kNone || target.value.sign() <= 0) return false;
    if (target.unit.dim == Dimension::kNumber) return NumberWordSlip(ind, a, role, diags);
    if (q.value < target.value * 100) return LargerMoneySlip(ind, a, role, diags);
    std::optional<NearestUnit> slip = Nearest(q.value, SmallerUnits(target.unit), target, 0);
    if (!slip) return false;  // no smaller unit: 5000 against 4台 is as written
    diags->Error(a.value_loc(), About(MsgId::kUnitlessAtTargetScale, role), a.text, ind.name, ind.target_text,
                 (q.value / target.value).FormatShort(1), slip->unit,
                 slip->converted.ToDecimalString(), target.unit.name);
    return true;
  }

  // A unit-less actual below a thousandth of a target that is a number word
  // alone (≥1万, the plain number 10000), that the number word brings within
  // ten times of it: 1.2 against ≥1万 is 1.2万 written without its 万 (a
  // plain 9000 is as written). As ScaleSlip.
  static bool NumberWordSlip(const Indicator& ind, const IndicatorActual& a, ActualRole role,
                             Diagnostics* diags) {
    const Quantity& q = a.value.value;
    const Rational plain = ind.target.value.value * ind.target.value.unit.factor;
    if (q.value.sign() <= 0 || q.value * 1000 >= plain) return false;
    const Rational converted = q.value * ind.target.value.unit.factor;
    if (converted * 10 < plain || converted > plain * 10) return false;
    diags->Error(a.value_loc(), About(MsgId::kUnitlessBelowTargetScale, role), a.text, ind.name, ind.target_text,
                 (q.value / plain * 100).FormatShort(4), ind.target.value.unit.name,
                 converted.ToDecimalString(), "");
    return true;
  }

  // A unit-less actual below a thousandth of a target in 元 or 千元 that a
  // larger unit of money brings within ten times of it: 5.8 against
  // ≤50000元 is 5.8万元 written without its unit. As ScaleSlip.
  static bool LargerMoneySlip(const Indicator& ind, const IndicatorActual& a, ActualRole role,
                              Diagnostics* diags) {
    const Quantity& q = a.value.value;
    const Quantity& target = ind.target.value;
    if (!IsBudgetUnit(target.unit) || q.value.sign() <= 0 || q.value * 1000 >= target.value) {
      return false;
    }
    std::optional<NearestUnit> slip = Nearest(q.value, LargerMoneyUnits(target.unit), target, 10);
    if (!slip) return false;
    diags->Error(a.value_loc(), About(MsgId::kUnitlessBelowTargetScale, role), a.text, ind.name, ind.target_text,
                 (q.value / target.value * 100).FormatShort(4), slip->unit,
                 slip->converted.ToDecimalString(), target.unit.name);
    return true;
  }

  // Among `units`, the one in which the unit-less `value` comes nearest to
  // `target` (by ratio; the first among equals), with `value` in it
  // converted to the target's unit; nullopt when none is within
  // `max_times` of the target (0: any).
  struct NearestUnit {
    std::string unit;
    Rational converted;
  };
  static std::optional<NearestUnit> Nearest(const Rational& value,
                                            const std::vector<std::string>& units,
                                            const Quantity& target, int max_times) {
    std::optional<NearestUnit> nearest;
    Rational best;
    for (const std::string& name : units) {
      Parsed<Rational> in_target = ConvertTo(Quantity{value, LookupUnit(name)}, target.unit);
      if (!in_target) continue;
      const Rational ratio = *in_target / target.value;
      if (ratio.sign() <= 0) continue;
      const Rational distance = ratio >= 1 ? ratio : Rational(1) / ratio;
      if (max_times > 0 && distance > max_times) continue;
      if (!nearest || distance < best) {
        nearest = NearestUnit{name, *in_target};
        best = distance;
      }
    }
    return nearest;
  }

  // The units of money larger than `u`, a unit of money.
  static std::vector<std::string> LargerMoneyUnits(const Unit& u) {
    std::vector<std::string> out;
    for (const char* m : {"千元", "万元", "亿元"}) {
      if (LookupUnit(m).factor > u.factor) out.emplace_back(m);
    }
    return out;
  }

  // The units smaller than `u` that a figure meant in `u` is often written
  // in: 元 and 千元 for 万元; the unit without its number word (平方米 for
  // 万平方米, 人次 for 万人次); 米 for 公里, 公斤 and 克 for 吨, 平方米 for 亩.
  static std::vector<std::string> SmallerUnits(const Unit& u) {
    std::vector<std::string> out;
    auto add_if_smaller = [&](const char* name) {
      if (LookupUnit(name).factor < u.factor) out.emplace_back(name);
    };
    if (IsBudgetUnit(u)) {
      for (const char* m : {"元", "千元", "万元"}) add_if_smaller(m);
    } else if (u.multiplier > 1 && !u.root.empty()) {
      out.push_back(u.root);
    } else if (u.dim == Dimension::kLength) {
      add_if_smaller("米");
    } else if (u.dim == Dimension::kMass) {
      for (const char* m : {"克", "公斤"}) add_if_smaller(m);
    } else if (u.dim == Dimension::kArea) {
      add_if_smaller("平方米");
    }
    return out;
  }

  // spent and the adjusted budget in the project's unit, their parts
  // checked, and spent checked against the budget (a unit slip must not
  // become a silent score). Problems are reported.
  void ReadFunding(ProjectScore* s) {
    const Project& p = s->project;
    std::optional<FundingFigures> spent = Convert(
        actuals_.spent, options_.to_date ? MsgId::kFieldSpentToDate : MsgId::kFieldSpent, p);
    std::optional<FundingFigures> budget;
    if (actuals_.budget) budget = Convert(*actuals_.budget, MsgId::kFieldBudget, p);
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
  // `field` names the amount (kFieldSpent, kFieldBudget).
  std::optional<FundingFigures> Convert(const Funding& f, MsgId field, const Project& p) {
    bool ok = true;
    auto one = [&](const Amount& a, std::optional<MsgId> part) {
      Parsed<Rational> v = AmountInUnit(a, p.unit);
      if (v) return *v;
      const std::string name = part ? Tr(MsgId::kFieldPart, Text(field), Text(*part))
                                    : std::string(Text(field));
      diags_->Error(a.loc.line > 0 ? a.loc : actuals_.loc, MsgId::kFundingAmount, name, p.project,
                    v.error());
      ok = false;
      return Rational();
    };
    FundingFigures out;
    out.total = one(f.total, std::nullopt);
    const std::optional<Amount>* parts[3] = {&f.fiscal, &f.carryover, &f.other};
    std::optional<Rational>* values[3] = {&out.fiscal, &out.carryover, &out.other};
    const MsgId names[3] = {MsgId::kFundingPartFiscal, MsgId::kFundingPartCarryover,
                            MsgId::kFundingPartOther};
    int given = 0;
    Rational sum;
    std::vector<std::string> terms;
    const Amount* first = nullptr;
    for (int i = 0; i < 3; ++i) {
      if (!*parts[i]) continue;
      *values[i] = one(**parts[i], names[i]);
      ++given;
      sum += **values[i];
      terms.push_back(Tr(MsgId::kFundingTerm, Text(names[i]), (*parts[i])->text));
      if (first == nullptr) first = &**parts[i];
    }
    if (!ok) return std::nullopt;
    if (given >= 2 && sum != out.total) {
      diags_->Error(first->loc, MsgId::kFundingPartsSum, Text(field), p.project,
                    fmt::format("{}", fmt::join(terms, " + ")), sum.ToDecimalString(), p.unit,
                    out.total.ToDecimalString());
      return std::nullopt;
    }
    if (given == 1 && sum > out.total) {
      diags_->Error(first->loc, MsgId::kFundingPartOverTotal, Text(field), p.project, terms[0],
                    out.total.ToDecimalString(), p.unit);
      return std::nullopt;
    }
    return out;
  }

  // Spending above the budget is a warning (超预算); ten times the budget or
  // more is an error that names the likely slip of unit. So is an adjusted
  // budget ten times the target's total: a warning, as spent may be written
  // in the same unit (the rate is then right); an error when, unit-less, it
  // is alone in it (budget 115000 for 11.5 万元, spent 11.5: spent would be
  // blamed against it), and spent is then not checked.
  void CheckSpent(const ProjectScore& s) {
    const Project& p = s.project;
    if (s.adjusted && s.adjusted->total >= p.total * 10) {
      const Amount& b = actuals_.budget->total;
      Message m = SlipMessage(MsgId::kWordTheAdjustedBudget, b, s.adjusted->total, p.total,
                              MsgId::kWordTargetTotal, p.unit);
      const Location at = b.loc.line > 0 ? b.loc : actuals_.loc;
      if (b.unit.dim == Dimension::kNone && s.spent < p.total * 10) {
        diags_->Error(at, std::move(m));
        return;
      }
      diags_->Warning(at, std::move(m));
    }
    const Amount& spent = actuals_.spent.total;
    const Location at = spent.loc.line > 0 ? spent.loc : actuals_.loc;
    const MsgId budget_name = s.adjusted ? MsgId::kWordAdjustedBudget : MsgId::kWordBudget;
    const MsgId spent_name = options_.to_date ? MsgId::kWordSpentToDate : MsgId::kWordSpent;
    if (std::optional<Message> slip =
            Slip(spent_name, spent, s.spent, s.budget, budget_name, p.unit)) {
      diags_->Error(at, std::move(*slip));
    } else if (s.spent > s.budget) {
      diags_->Warning(at, options_.to_date ? MsgId::kOverBudgetToDate : MsgId::kOverBudget,
                      p.project, s.spent.ToDecimalString(), p.unit,
                      Text(budget_name), s.budget.FormatFixed(2),
                      (s.spent / s.budget * 100).FormatFixed(2),
                      s.adjusted ? std::string_view() : Text(MsgId::kOverBudgetGiveAdjusted));
    }
  }

  // The slip of unit in an amount of money (AmountSlip, score.h).
 public:
  static std::optional<Message> Slip(MsgId what, const Amount& written, const Rational& value,
                                     const Rational& budget, MsgId budget_name,
                                     const std::string& unit) {
    if (value >= budget * 10) {
      return SlipMessage(what, written, value, budget, budget_name, unit);
    }
    return LargerUnitSlip(what, written, value, budget, budget_name, unit);
  }

 private:
  // "spent 9624000 is 9624 times the budget of 1000.00 万元: was it written in
  // 元? 9624000元 = 962.4万元; write 962.4 or 9624000元".
  // `value` is `written` in the project's `unit`.
  static Message SlipMessage(MsgId what, const Amount& written, const Rational& value,
                             const Rational& budget, MsgId budget_name, const std::string& unit) {
    const std::string times = (value / budget).FormatShort(1);
    const std::string budget_text = budget.FormatFixed(2);
    const Unit project_unit = LookupUnit(unit);
    if (written.unit.dim != Dimension::kNone || project_unit.factor == 1) {
      return Msg(MsgId::kAmountSlipCheckUnit, Text(what), written.text, Text(budget_name),
                 budget_text, unit, times);
    }
    // The smaller money unit it was most likely written in: the one that
    // brings it nearest the budget (by ratio), 元 among equals; but not one
    // in which it would still be ten times the budget or more (this same
    // error) when another brings it below that: 25000 against 100 万元 is
    // 25000元 = 2.5万元, not 25000千元 = 2500万元, nearer by ratio.
    std::string slip;
    Rational best;
    bool best_below = false;  // below ten times the budget
    for (const char* smaller : {"元", "千元", "万元"}) {
      Unit u = LookupUnit(smaller);
      if (u.factor >= project_unit.factor) continue;
      Rational ratio = written.value * u.factor / project_unit.factor / budget;
      Rational distance = ratio >= 1 ? ratio : (ratio.is_zero() ? Rational(0) : Rational(1) / ratio);
      const bool below = ratio < 10;
      if (slip.empty() || (below && !best_below) ||
          (below == best_below && !distance.is_zero() && distance < best)) {
        slip = smaller;
        best = distance;
        best_below = below;
      }
    }
    const Rational converted = written.value * LookupUnit(slip).factor / project_unit.factor;
    return Msg(MsgId::kAmountSlipWrittenIn, Text(what), written.text, Text(budget_name),
               budget_text, unit, times, slip, converted.ToDecimalString());
  }

  // "spent 5.8 is only 0.01% of the budget of 60000.00 元: was it written in
  // 万元? 5.8万元 = 58000元; write 58000 or 5.8万元": a unit-less amount below
  // a thousandth of the budget that a larger unit of money brings within
  // ten times of it, and no more than twice it (0.005 of a 10 万元 budget is
  // not 0.005亿元, five times the budget). nullopt otherwise.
  static std::optional<Message> LargerUnitSlip(MsgId what, const Amount& written,
                                               const Rational& value,
                                               const Rational& budget, MsgId budget_name,
                                               const std::string& unit) {
    const Unit project_unit = LookupUnit(unit);
    if (written.unit.dim != Dimension::kNone || value.sign() <= 0 || budget.sign() <= 0 ||
        value * 1000 >= budget) {
      return std::nullopt;
    }
    std::optional<NearestUnit> slip = Nearest(
        written.value, LargerMoneyUnits(project_unit), Quantity{budget, project_unit}, 10);
    if (!slip || slip->converted > budget * 2) return std::nullopt;
    return Msg(MsgId::kAmountSlipWrittenInLarger, Text(what), written.text,
               Text(budget_name), budget.FormatFixed(2), unit,
               (value / budget * 100).FormatShort(4), slip->unit,
               slip->converted.ToDecimalString());
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
      // A unit-less amount is in the project's unit, and says so.
      std::string spent_text = spent.unit.name.empty()
                                   ? spent.text + " " + s->project.unit
                                   : Tr(MsgId::kAmountInProjectUnit, spent.text,
                                        s->spent.ToDecimalString(), s->project.unit);
      diags_->Warning(spent.loc.line > 0 ? spent.loc : actuals_.loc,
                      MsgId::kLowExecutionWithoutNote, s->project.project, spent_text,
                      s->budget.ToDecimalString() + " " + s->project.unit,
                      (s->rate * 100).FormatFixedApart(rules_.execution_threshold * 100, 2),
                      (rules_.execution_threshold * 100).ToDecimalString());
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
  ScoreOptions options_;

  // `id`, or its wording for a progress entry (monitor: spent is to date).
  MsgId Say(MsgId id) const { return options_.to_date ? ProgressWording(id) : id; }
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

const char* RatioFormulaName(RatioFormula f) {
  switch (f) {
    case RatioFormula::kNotApplicable: return "not_applicable";
    case RatioFormula::kMet: return "met";
    case RatioFormula::kPositive: return "positive";
    case RatioFormula::kReverse: return "reverse";
    case RatioFormula::kReverseLinear: return "reverse_linear";
    case RatioFormula::kZeroTarget: return "zero_target";
    case RatioFormula::kLate: return "late";
    case RatioFormula::kGrade: return "grade";
  }
  return "";
}

std::optional<ProjectScore> ScoreProject(Project p, const ProjectActuals& actuals,
                                         const Rules& rules, Diagnostics* diags,
                                         const ScoreOptions& options) {
  return ProjectScorer(actuals, rules, diags, options).Score(std::move(p));
}

std::optional<MatchedProject> MatchProject(Project p, const ProjectActuals& actuals,
                                           const Rules& rules, Diagnostics* diags,
                                           const ScoreOptions& options) {
  const size_t errors_before = diags->error_count();
  MatchedProject m;
  m.base.project = std::move(p);
  m.actuals = ProjectScorer(actuals, rules, diags, options).Prepare(&m.base);
  if (diags->error_count() != errors_before || actuals.has_errors) return std::nullopt;
  m.base.note = actuals.note;
  m.base.actuals_loc = actuals.loc;
  return m;
}

std::optional<Judgement> JudgeActual(const Indicator& ind, const IndicatorActual& actual,
                                     const Rules& rules, Diagnostics* diags, ActualRole role) {
  static const ProjectActuals kNoEntry;
  ScoreOptions options;
  options.role = role;
  return ProjectScorer(kNoEntry, rules, diags, options).Judge(ind, actual);
}

std::optional<Message> AmountSlip(MsgId what, const Amount& written, const Rational& value,
                                  const Rational& budget, MsgId budget_name,
                                  const std::string& unit) {
  return ProjectScorer::Slip(what, written, value, budget, budget_name, unit);
}

}  // namespace jixiao
