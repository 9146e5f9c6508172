// Scoring rules (docs/reference.md §4, §5): the built-in `mof-2020` set and overrides.
#ifndef JIXIAO_MODEL_RULES_H_
#define JIXIAO_MODEL_RULES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/exact.h"
#include "model/monitor_rules.h"
#include "model/value.h"

namespace jixiao {

// A 一级指标 and the 二级指标 that belong to it.
struct Level1Group {
  std::string name;                 // 一级指标
  std::string pool;                 // the weight pool it scores in (its own name,
                                    // or 产出指标 for the 2021-form 成本指标)
  std::vector<std::string> level2;  // accepted 二级指标, first spelling canonical
};

// A level-1 weight pool: 产出指标 50, 效益指标 30, 满意度指标 10 by default.
struct Pool {
  std::string name;
  Rational weight;
};

enum class ReverseFormula {
  kRatio,   // unmet: weight x A / B
  kLinear,  // unmet: weight x (1 - (B - A) / A), 0 at B >= 2A
};

// The scores (ratios) a qualitative grade may be given: [low, high], or
// [low, high) when !high_inclusive.
struct ScoreBand {
  Rational low;
  Rational high;
  bool high_inclusive = false;

  bool Holds(const Rational& v) const {
    return v >= low && (high_inclusive ? v <= high : v < high);
  }
};

struct GradeBand {
  std::string name;  // 优, 良, 中, 差
  Rational min;      // lowest rounded total of the band
};

// Everything that decides a score. Defaults are the `mof-2020` rules.
struct Rules {
  std::string name = "mof-2020";
  // Weight of budget execution (预算执行率).
  Rational execution_weight = 10;
  // Level-1 weight pools; their weights plus execution_weight add up to 100.
  std::vector<Pool> pools;
  // The taxonomy of 一级 / 二级指标 accepted.
  std::vector<Level1Group> taxonomy;
  // Grade bands, best first; the last has min 0.
  std::vector<GradeBand> grades;
  ReverseFormula reverse = ReverseFormula::kRatio;
  // Default score ratio of each qualitative grade.
  Rational achieved_ratio = 1;
  Rational partial_ratio = Rational(6) / 10;
  Rational not_achieved_ratio = 0;
  // The qualitative bands: 达成 [achieved_min, 1], 部分达成 [partial_min,
  // achieved_min), 未达成 [0, partial_min). 0 < partial_min < achieved_min <= 1.
  Rational achieved_min = Rational(8) / 10;
  Rational partial_min = Rational(6) / 10;
  // An over-achievement (or a cost under-run) beyond this fraction is a deviation.
  Rational deviation_threshold = Rational(2) / 10;
  // Whether an actual exactly at that threshold is a deviation too: B >= (1 + t) A
  // rather than B > (1 + t) A, and B <= (1 - t) A rather than B < (1 - t) A.
  bool deviation_inclusive = false;
  // A budget execution rate below this is a deviation.
  Rational execution_threshold = Rational(9) / 10;
  // Mid-year monitoring (jixiao monitor): its thresholds and counting.
  MonitorRules monitor;

  // The built-in `mof-2020` rules.
  static Rules Default();

  // The group of `level1`, or nullptr when it is not in the taxonomy.
  const Level1Group* FindLevel1(std::string_view level1) const;
  // The canonical spelling of `level2` within `group`, or nullptr.
  const std::string* FindLevel2(const Level1Group& group, std::string_view level2) const;
  // Weight of pool `name`, or nullptr.
  const Pool* FindPool(std::string_view name) const;
  // The grade of a rounded total.
  const std::string& GradeOf(const Rational& rounded_total) const;
  // The scores grade `g` may be given (its band).
  ScoreBand BandOf(Grade g) const;
  // Sum of all pool weights (90 by default).
  Rational IndicatorWeight() const;
};

// Whether an indicator is a cost indicator (成本指标 as 二级 or 一级指标),
// whose under-run beyond the threshold is a deviation.
bool IsCostIndicator(std::string_view level1, std::string_view level2);

}  // namespace jixiao

#endif  // JIXIAO_MODEL_RULES_H_
