#include "model/rules.h"

namespace jixiao {

Rules Rules::Default() {
  Rules r;
  r.pools = {{"产出指标", 50}, {"效益指标", 30}, {"满意度指标", 10}};
  r.taxonomy = {
      {"产出指标", "产出指标", {"数量指标", "质量指标", "时效指标", "成本指标"}},
      {"效益指标", "效益指标", {"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"}},
      {"满意度指标", "满意度指标", {"服务对象满意度指标", "社会公众或服务对象满意度指标"}},
      {"成本指标", "产出指标", {"经济成本指标", "社会成本指标", "生态环境成本指标"}},
  };
  r.grades = {{"优", 90}, {"良", 80}, {"中", 60}, {"差", 0}};
  return r;
}

const Level1Group* Rules::FindLevel1(std::string_view level1) const {
  for (const Level1Group& g : taxonomy)
    if (g.name == level1) return &g;
  return nullptr;
}

const std::string* Rules::FindLevel2(const Level1Group& group, std::string_view level2) const {
  for (const std::string& s : group.level2)
    if (s == level2) return &s;
  return nullptr;
}

const Pool* Rules::FindPool(std::string_view name) const {
  for (const Pool& p : pools)
    if (p.name == name) return &p;
  return nullptr;
}

const std::string& Rules::GradeOf(const Rational& rounded_total) const {
  for (const GradeBand& b : grades)
    if (rounded_total >= b.min) return b.name;
  return grades.back().name;
}

ScoreBand Rules::BandOf(Grade g) const {
  switch (g) {
    case Grade::kAchieved: return {achieved_min, 1, true};
    case Grade::kPartial: return {partial_min, achieved_min, false};
    case Grade::kNotAchieved: break;
  }
  return {0, partial_min, false};
}

Rational Rules::IndicatorWeight() const {
  Rational sum;
  for (const Pool& p : pools) sum += p.weight;
  return sum;
}

bool IsCostIndicator(std::string_view level1, std::string_view level2) {
  return level1 == "成本指标" || level2 == "成本指标";
}

}  // namespace jixiao
