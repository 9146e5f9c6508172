// The data model: target projects as loaded from target files.
#ifndef JIXIAO_MODEL_MODEL_H_
#define JIXIAO_MODEL_MODEL_H_

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/exact.h"
#include "model/value.h"

namespace jixiao {

// One 三级指标 with its target.
struct Indicator {
  std::string id;           // explicit `id`, or "" (then `name` identifies it)
  std::string level1;       // 一级指标
  std::string level2;       // 二级指标
  std::string name;         // 三级指标
  std::string description;  // 绩效指标描述, may be ""
  std::string target_text;  // 指标值 as written
  Target target;            // 指标值 parsed
  std::optional<Rational> weight;  // 分值, when given
  Location loc;             // where the indicator's entry starts
  Location target_loc;      // where its target value is

  // The key an actual uses for this indicator: `id` when given, else `name`.
  const std::string& key() const { return id.empty() ? name : id; }
};

// Amounts of a project's funding in its budget unit: a total and, when
// known, its parts (the 自评表's funding rows).
struct FundingFigures {
  Rational total;
  std::optional<Rational> fiscal;     // 其中：当年财政拨款
  std::optional<Rational> carryover;  // 上年结转资金
  std::optional<Rational> other;      // 其他资金
  bool has_parts() const { return fiscal || carryover || other; }
};

// One project of a target file (one YAML document).
struct Project {
  std::string project;      // 项目名称
  std::string id;           // explicit id, or the project name
  int year = 0;
  std::string department_code;   // 实施单位
  std::string department_name;
  std::string supervisor_code;   // 主管部门, when given (the form shows the department else)
  std::string supervisor_name;
  std::string unit = "万元";  // unit of the budget block
  Rational total;           // 预算数 / 年初预算数 (the execution rate's A unless the actuals adjust it)
  // Its parts, when given: when two or more are, they add up to total.
  std::optional<Rational> fiscal;     // 其中：当年财政拨款
  std::optional<Rational> carryover;  // 上年结转资金
  std::optional<Rational> other;      // 其他资金
  std::string purpose;
  std::vector<std::string> goals;
  std::vector<Indicator> indicators;
  Location loc;             // where the document starts
  Location id_loc;          // where the id (or the project name) is written
};

// The budget block of `p` (its total and the parts given) as the forms and
// reports show funding.
inline FundingFigures TargetFunding(const Project& p) {
  FundingFigures f;
  f.total = p.total;
  f.fiscal = p.fiscal;
  f.carryover = p.carryover;
  f.other = p.other;
  return f;
}

// The indicator of `p` other than `self` whose name is `self`'s id: an id
// that reads, in actuals, as that other indicator's name (check warns of
// it, JX0243). nullptr when `self` has no id or none is so named.
inline const Indicator* IndicatorNamedById(const Project& p, const Indicator& self) {
  if (self.id.empty()) return nullptr;
  for (const Indicator& other : p.indicators) {
    if (&other != &self && other.name == self.id) return &other;
  }
  return nullptr;
}

}  // namespace jixiao

#endif  // JIXIAO_MODEL_MODEL_H_
