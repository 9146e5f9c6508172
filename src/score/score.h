// Scoring a project against its actuals (docs/reference.md §4, 财预〔2020〕10号).
//
// Pure: no I/O. Every amount is exact (Rational); rounding happens only
// where a figure is shown, half away from zero on the decimal value.
#ifndef JIXIAO_SCORE_SCORE_H_
#define JIXIAO_SCORE_SCORE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/actuals.h"
#include "base/diagnostic.h"
#include "base/exact.h"
#include "model/model.h"
#include "model/rules.h"

namespace jixiao {

enum class Status { kMet, kUnmet, kNotApplicable };
const char* StatusName(Status s);  // "met", "unmet", "not_applicable"

// Why an indicator (or the budget) is flagged as a deviation (偏差).
enum class DeviationKind {
  kNone,
  kUnmet,            // the target was not met
  kOverAchieved,     // a positive target exceeded by more than the threshold
  kCostUnderRun,     // a cost fell short of its target by more than the threshold
  kLowExecution,     // budget execution rate below the threshold
};

struct IndicatorScore {
  size_t index = 0;          // of the indicator in ProjectScore::project.indicators
  std::string actual_text;   // the actual as written ("不适用", "4台", a grade)
  Rational weight;           // effective weight (after redistribution and rescaling)
  Rational ratio;            // achievement ratio in [0, 1]
  Rational score;            // weight x ratio, exact
  Status status = Status::kMet;
  DeviationKind deviation = DeviationKind::kNone;
  std::string note;
  Location actual_loc;       // where the actual is
};

// --show-work: the figures behind an indicator's weight and ratio, as
// ScoreProject used them (recorded only when asked: ScoreOptions).
enum class RatioFormula {
  kNotApplicable,  // 不适用: weight 0, score 0
  kMet,            // the target met: 1
  kPositive,       // unmet positive: B / A
  kReverse,        // unmet reverse: A / B
  kReverseLinear,  // unmet reverse under `reverse: linear`: 1 - (B - A) / A
  kZeroTarget,     // unmet against A <= 0 (or "=0起"): 0
  kLate,           // a date target missed: 0
  kGrade,          // a qualitative grade: the rules' ratio of it, or the actual's score
};
const char* RatioFormulaName(RatioFormula f);  // "positive", "reverse_linear", ...

struct IndicatorScoreWork {
  Rational nominal;         // the weight before 不适用 rescaling
  bool explicit_weight = false;  // the targets gave the weights
  // The split that made `nominal` when not explicit: the pool's weight,
  // scaled for empty pools (ScoreWork::redistribution), over the number of
  // its indicators: nominal = pool_weight x redistribution / pool_indicators.
  std::string pool;
  Rational pool_weight;
  int pool_indicators = 0;
  RatioFormula formula = RatioFormula::kMet;
  // The formula's figures: A (the bound it used: the upper one of a range
  // exceeded) and B in the target's unit. Zero for dates and grades.
  Rational a, b;
  // The formula's value before it was held to [0, 1] (== ratio unless clamped).
  Rational raw;
  bool grade_score_given = false;  // kGrade: the actual gave its score
};

struct ScoreWork {
  bool explicit_weights = false;
  Rational indicator_weight;  // the rules' weight of all indicators (90)
  Rational used;              // the weight of the pools that have indicators
  std::vector<std::string> empty_pools;  // pools without indicators, in rules order
  Rational redistribution;    // indicator_weight / used (1 when no pool is empty)
  Rational all;               // S: the nominal weights of all indicators
  Rational remaining;         // R: those of the indicators not 不适用
  std::vector<IndicatorScoreWork> indicators;  // as ProjectScore::indicators
};

// What an actual judged alone (JudgeActual) is, which its messages name: a
// year-end actual, a progress file's value to date, or its forecast.
enum class ActualRole { kActual, kValueToDate, kForecast };

struct ScoreOptions {
  bool show_work = false;  // fill ProjectScore::work
  bool to_date = false;    // a progress entry (monitor): spent is to date, messages say 执行数
                           // (not 全年执行数) and 进度 (ProgressWording)
  ActualRole role = ActualRole::kActual;  // of the actual judged (JudgeActual): messages
                                         // say 执行情况 or 全年预计 (ValueToDateWording,
                                         // ForecastWording)
};

struct ProjectScore {
  Project project;
  Rational spent;            // B, in the project's unit
  std::string spent_text;    // as written
  FundingFigures spent_parts;  // B and its parts (total == spent)
  Rational budget;           // A: the 全年预算数 the rate is computed against, the actuals'
                             // `budget` when given, else the target's total
  std::optional<FundingFigures> adjusted;  // the actuals' `budget`, when given
  std::string achieved;      // 年度总体目标 实际完成情况 (actuals), may be ""
  Rational rate;             // B / A, exact and uncapped
  Rational budget_weight;    // execution weight (10)
  Rational budget_score;     // min(rate, 1) x weight
  bool low_execution = false;  // rate below the execution threshold
  std::string note;          // the project entry's note
  Location actuals_loc;
  std::vector<IndicatorScore> indicators;
  Rational total;            // exact sum
  Rational total_rounded;    // total rounded to 2 decimals
  std::string grade;         // of total_rounded
  int met = 0;
  int unmet = 0;
  int not_applicable = 0;
  std::shared_ptr<const ScoreWork> work;  // with ScoreOptions::show_work, else null
};

// What decides whether a project complies (docs/reference.md §6).
struct Policy {
  bool fail_on_unmet = true;     // --fail-on unmet (default) / none
  bool has_fail_under = false;   // --fail-under given
  Rational fail_under;           // compared with the rounded total

  bool Complies(const ProjectScore& s) const {
    if (fail_on_unmet && s.unmet > 0) return false;
    if (has_fail_under && s.total_rounded < fail_under) return false;
    return true;
  }
  // Whether `o` gives the same options (--fail-under compared as numbers).
  bool operator==(const Policy& o) const {
    return fail_on_unmet == o.fail_on_unmet && has_fail_under == o.has_fail_under &&
           (!has_fail_under || fail_under == o.fail_under);
  }
  bool operator!=(const Policy& o) const { return !(*this == o); }
};

// The nominal weight of each indicator of `p` (docs/reference.md §4): explicit weights as
// given; otherwise each level-1 pool's weight split equally among its
// indicators, after the weights of empty pools are given to the others in
// proportion to their weights.
std::vector<Rational> NominalWeights(const Project& p, const Rules& rules);

// Scores `p` against `actuals`. Matching problems (an indicator without an
// actual, an actual naming no indicator, an incompatible unit, a value of
// the wrong kind, all indicators 不适用, a year mismatch) are errors in
// `diags` located in the actuals file, and the project is not scored
// (nullopt). Deviations without a note are warnings.
// With `options.show_work`, the arithmetic is recorded in ProjectScore::work.
std::optional<ProjectScore> ScoreProject(Project p, const ProjectActuals& actuals,
                                         const Rules& rules, Diagnostics* diags,
                                         const ScoreOptions& options = {});

// What mid-year monitoring (monitor.h) shares with scoring.
//
// `p` with its entry `actuals` checked as ScoreProject checks it — the year,
// spent and the budget in the project's unit, every indicator with its
// actual and every actual with its indicator — and nothing scored: `base`
// has the project, spent, spent_text, spent_parts, budget, adjusted,
// achieved, note and actuals_loc of a ProjectScore; `actuals[i]` is the
// actual of indicator i. nullopt after an error (reported) or for an entry
// with errors.
struct MatchedProject {
  ProjectScore base;
  std::vector<const IndicatorActual*> actuals;
};
std::optional<MatchedProject> MatchProject(Project p, const ProjectActuals& actuals,
                                           const Rules& rules, Diagnostics* diags,
                                           const ScoreOptions& options = {});

// The likely slip of unit in an amount of money `written` (`value` in the
// project's `unit`) against `budget`: ten times it or more (written in 元
// in a project kept in 万元), or, unit-less, below a thousandth of it where
// a larger unit of money brings it within ten times. The message (JX0803)
// names `what` and `budget_name` (catalogue words); nullopt: no slip.
std::optional<Message> AmountSlip(MsgId what, const Amount& written, const Rational& value,
                                  const Rational& budget, MsgId budget_name,
                                  const std::string& unit);

// `actual` judged against the target of `ind` as at year end (§4): whether it
// meets it, and the ratio a score would take (1 when met). nullopt after
// reporting, at the actual, why they cannot be compared (a value of the wrong
// kind, an incompatible unit, a grade against a quantity).
struct Judgement {
  bool met = false;
  Rational ratio;
};
// `role`: what `actual` is (monitor's value to date, its forecast), which
// the messages say.
std::optional<Judgement> JudgeActual(const Indicator& ind, const IndicatorActual& actual,
                                     const Rules& rules, Diagnostics* diags,
                                     ActualRole role = ActualRole::kActual);

}  // namespace jixiao

#endif  // JIXIAO_SCORE_SCORE_H_
