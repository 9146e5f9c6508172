// The summary of a whole year: by department, by level-1 group, and the
// lowest-scoring projects.
//
// It is computed from ProjectDigests, which hold only what a JSON report
// shows (its rounded totals, and each indicator's exact weight and score:
// the report carries them when they are not exact at 2 decimals), so that
// `jixiao merge` can rebuild exactly the summary a single run over all
// inputs would have printed. Sums are of exact values, rounded once where
// they are shown.
#ifndef JIXIAO_SCORE_YEAR_SUMMARY_H_
#define JIXIAO_SCORE_YEAR_SUMMARY_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/exact.h"
#include "base/exact_sum.h"
#include "model/rules.h"
#include "score/score.h"

namespace jixiao {

// What the year summary needs of one scored project.
struct ProjectDigest {
  std::string id;
  std::string project;
  std::string department_code;
  std::string department_name;
  Rational score;  // rounded to 2 decimals
  std::string grade;
  bool complies = false;
  struct IndicatorDigest {
    std::string level1;
    std::string status;  // met, unmet, not_applicable
    Rational weight;     // exact
    Rational score;      // exact
  };
  std::vector<IndicatorDigest> indicators;

  static ProjectDigest Of(const ProjectScore& s, bool complies);
};

struct DepartmentSummary {
  std::string code;
  std::string name;
  size_t projects = 0;
  size_t complies = 0;
  size_t unmet = 0;             // unmet indicators
  // Rounded totals x 100, for mean and median: those from 0 to 655.35 (every
  // total under the MoF rules) in 2 bytes each, any others apart.
  std::vector<uint16_t> cents;
  std::vector<int64_t> other_cents;
  void AddCents(int64_t c);
  std::map<std::string, size_t> grades;
  Rational Mean() const;
  Rational Median() const;
};

struct Level1Summary {
  std::string name;
  size_t projects = 0;  // projects with an indicator in this group
  size_t indicators = 0;
  size_t met = 0;
  size_t unmet = 0;
  size_t not_applicable = 0;
  // Sums of the exact weights and scores (base/exact_sum.h: should their
  // denominators' common multiple exceed 32,768 bits, which only hostile
  // input makes, they are rounded to 40 decimals, keeping every 2-decimal
  // figure exact).
  Rational weight;
  Rational score;
  // score / weight, or 0 without weight.
  Rational Attainment() const;
};

class YearSummary {
 public:
  // How many lowest-scoring projects to keep.
  static constexpr size_t kLowest = 10;

  void Add(const ProjectDigest& d);

  // Departments in order of first appearance, keyed by code and name.
  const std::vector<DepartmentSummary>& departments() const { return departments_; }
  // Level-1 groups in order of first appearance.
  const std::vector<Level1Summary>& level1() const;
  // The lowest-scoring projects, lowest first; ties keep input order.
  const std::vector<ProjectDigest>& lowest() const { return lowest_; }

 private:
  std::vector<DepartmentSummary> departments_;
  std::map<std::string, size_t> department_index_;
  // The weights and scores of each group are added as ExactSums, cheap to
  // add to, and written into level1_ when it is read.
  mutable std::vector<Level1Summary> level1_;
  std::vector<std::pair<ExactSum, ExactSum>> level1_sums_;  // weight, score
  mutable bool level1_settled_ = true;
  std::map<std::string, size_t> level1_index_;
  std::vector<ProjectDigest> lowest_;
};

}  // namespace jixiao

#endif  // JIXIAO_SCORE_YEAR_SUMMARY_H_
