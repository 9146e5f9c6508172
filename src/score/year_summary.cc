#include "score/year_summary.h"

#include <algorithm>

namespace jixiao {

ProjectDigest ProjectDigest::Of(const ProjectScore& s, bool complies) {
  ProjectDigest d;
  d.id = s.project.id;
  d.project = s.project.project;
  d.department_code = s.project.department_code;
  d.department_name = s.project.department_name;
  d.score = s.total_rounded;
  d.grade = s.grade;
  d.complies = complies;
  for (const IndicatorScore& is : s.indicators) {
    d.indicators.push_back(
        {s.project.indicators[is.index].level1, StatusName(is.status), is.weight, is.score});
  }
  return d;
}

void DepartmentSummary::AddCents(int64_t c) {
  if (c >= 0 && c <= UINT16_MAX) {
    cents.push_back(static_cast<uint16_t>(c));
  } else {
    other_cents.push_back(c);
  }
}

Rational DepartmentSummary::Mean() const {
  size_t n = cents.size() + other_cents.size();
  if (n == 0) return 0;
  int64_t small = 0;  // at most 65535 x the number of projects: no overflow
  for (uint16_t c : cents) small += c;
  Rational sum(small);
  for (int64_t c : other_cents) sum += c;
  return sum / Rational(static_cast<int64_t>(n) * 100);
}

Rational DepartmentSummary::Median() const {
  if (cents.empty() && other_cents.empty()) return 0;
  std::vector<int64_t> sorted(cents.begin(), cents.end());
  sorted.insert(sorted.end(), other_cents.begin(), other_cents.end());
  std::sort(sorted.begin(), sorted.end());
  size_t n = sorted.size();
  if (n % 2 == 1) return Rational(sorted[n / 2]) / 100;
  return (Rational(sorted[n / 2 - 1]) + Rational(sorted[n / 2])) / 200;
}

Rational Level1Summary::Attainment() const {
  if (weight.is_zero()) return 0;
  return score / weight;
}

void YearSummary::Add(const ProjectDigest& d) {
  std::string key = d.department_code + "\n" + d.department_name;
  auto [it, inserted] = department_index_.emplace(key, departments_.size());
  if (inserted) {
    DepartmentSummary dept;
    dept.code = d.department_code;
    dept.name = d.department_name;
    departments_.push_back(std::move(dept));
  }
  DepartmentSummary& dept = departments_[it->second];
  ++dept.projects;
  if (d.complies) ++dept.complies;
  // A rounded total has 2 decimals and is at most 100: exact in cents.
  int64_t cents = 0;
  (d.score * 100).num().ToInt64(&cents);
  dept.AddCents(cents);
  ++dept.grades[d.grade];

  std::vector<bool> seen(level1_.size() + d.indicators.size(), false);
  for (const ProjectDigest::IndicatorDigest& ind : d.indicators) {
    auto [lit, added] = level1_index_.emplace(ind.level1, level1_.size());
    if (added) {
      Level1Summary g;
      g.name = ind.level1;
      level1_.push_back(std::move(g));
      level1_sums_.emplace_back();
    }
    Level1Summary& g = level1_[lit->second];
    if (!seen[lit->second]) {
      seen[lit->second] = true;
      ++g.projects;
    }
    ++g.indicators;
    if (ind.status == "met") ++g.met;
    if (ind.status == "unmet") {
      ++g.unmet;
      ++dept.unmet;
    }
    if (ind.status == "not_applicable") ++g.not_applicable;
    level1_sums_[lit->second].first.Add(ind.weight);
    level1_sums_[lit->second].second.Add(ind.score);
  }
  level1_settled_ = false;

  // Keep the kLowest lowest; a later project only displaces a strictly higher one.
  auto pos = std::upper_bound(lowest_.begin(), lowest_.end(), d.score,
                              [](const Rational& s, const ProjectDigest& p) { return s < p.score; });
  if (static_cast<size_t>(pos - lowest_.begin()) >= kLowest) return;
  ProjectDigest light = d;
  light.indicators.clear();
  lowest_.insert(pos, std::move(light));
  if (lowest_.size() > kLowest) lowest_.pop_back();
}

const std::vector<Level1Summary>& YearSummary::level1() const {
  if (!level1_settled_) {
    for (size_t i = 0; i < level1_.size(); ++i) {
      level1_[i].weight = level1_sums_[i].first.Value();
      level1_[i].score = level1_sums_[i].second.Value();
    }
    level1_settled_ = true;
  }
  return level1_;
}

}  // namespace jixiao
