// Fuzzes scoring end to end in memory: a target file and an actuals file
// are loaded, matched and scored (docs/reference.md §1, §2, §4) as `jixiao eval` does.
//
// Input: the target YAML, a line "#actuals", then the actuals YAML.
//
// Invariants checked, beyond "does not crash, hang or leak":
//   - every diagnostic is well formed and located in its file;
//   - a project is scored only when its target and its actuals have no
//     error, and a project that is not scored always has an error;
//   - a score keeps docs/reference.md §4's arithmetic: every ratio in [0, 1], score =
//     weight x ratio, a 不适用 indicator has weight 0 and score 0, the
//     effective weights add up to the nominal ones, the budget score is
//     min(rate, 1) x its weight, the total is the exact sum and lies in
//     [0, 100], the rounded total and the grade follow from it, and met +
//     unmet + 不适用 counts every indicator.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "model/actuals.h"
#include "fuzz_common.h"
#include "model/rules.h"
#include "score/score.h"
#include "model/target_loader.h"
#include "yaml/yaml_doc.h"

using namespace jixiao;
using jixiao::fuzz::CheckDiagnostics;
using jixiao::fuzz::CheckFormats;
using jixiao::fuzz::ErrorsSince;

namespace {

void CheckScore(const ProjectScore& s, const Rules& rules) {
  const Project& p = s.project;
  FUZZ_CHECK(s.indicators.size() == p.indicators.size(), "indicator count");
  std::vector<Rational> nominal = NominalWeights(p, rules);
  Rational nominal_sum, effective_sum, total = s.budget_score;
  int met = 0, unmet = 0, na = 0;
  for (size_t i = 0; i < s.indicators.size(); ++i) {
    const IndicatorScore& is = s.indicators[i];
    FUZZ_CHECK(is.index == i, "indicator index");
    nominal_sum += nominal[i];
    FUZZ_CHECK(is.ratio >= 0 && is.ratio <= 1, "ratio outside [0, 1]: " + is.ratio.ToDecimalString());
    FUZZ_CHECK(is.score == is.weight * is.ratio, "score is not weight x ratio");
    FUZZ_CHECK(is.weight >= 0, "negative weight");
    if (is.status == Status::kNotApplicable) {
      ++na;
      FUZZ_CHECK(is.weight.is_zero() && is.score.is_zero(), "不适用 with a weight or a score");
    } else {
      is.status == Status::kMet ? ++met : ++unmet;
      effective_sum += is.weight;
    }
    if (is.status == Status::kMet && p.indicators[i].target.kind == TargetKind::kQuantity)
      FUZZ_CHECK(is.ratio == 1, "met with a ratio below 1");
    total += is.score;
    CheckFormats(is.score);
  }
  FUZZ_CHECK(met == s.met && unmet == s.unmet && na == s.not_applicable, "met/unmet counts");
  FUZZ_CHECK(effective_sum == nominal_sum, "effective weights " + effective_sum.ToDecimalString() +
                                               " vs nominal " + nominal_sum.ToDecimalString());
  bool explicit_weights = !p.indicators.empty() && p.indicators[0].weight.has_value();
  if (!explicit_weights) {
    FUZZ_CHECK(nominal_sum == rules.IndicatorWeight(), "equal-split weights do not add up");
  }
  FUZZ_CHECK(s.rate.sign() >= 0 && s.rate == s.spent / s.budget, "rate");
  FUZZ_CHECK(s.budget_score == Min(s.rate, 1) * s.budget_weight, "budget score");
  FUZZ_CHECK(s.total == total, "total is not the exact sum");
  FUZZ_CHECK(s.total >= 0 && s.total <= 100, "total outside [0, 100]: " + s.total.ToDecimalString());
  FUZZ_CHECK(s.total_rounded == s.total.Round(2), "rounded total");
  FUZZ_CHECK(s.grade == rules.GradeOf(s.total_rounded), "grade");
  CheckFormats(s.total);
  CheckFormats(s.rate);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Rules rules = Rules::Default();
  static const YamlLimits limits = fuzz::FuzzLimits(16);
  std::string_view input(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view kSeparator = "\n#actuals\n";
  size_t sep = input.find(kSeparator);
  if (sep == std::string_view::npos) return 0;
  Source targets{"targets.yaml", std::string(input.substr(0, sep))};
  Source actuals{"actuals.yaml", std::string(input.substr(sep + kSeparator.size()))};

  Diagnostics diags;
  RecordStoreOptions spill;
  spill.memory_budget = 0;  // every entry read back from the temporary file
  ActualsIndex index(spill);
  if (!CheckInputText(actuals, limits.max_file_bytes, &diags)) return 0;
  ParseYamlStream(actuals, limits, &diags, [&](const YamlDocument& doc) {
    ReadActualsDocument(actuals, doc, &index, &diags);
  });
  CheckDiagnostics(diags, 0, actuals.path, &actuals.text);
  const size_t actuals_errors = diags.error_count();

  Diagnostics tdiags;
  if (!CheckInputText(targets, limits.max_file_bytes, &tdiags)) return 0;
  std::vector<Project> projects;
  ParseYamlStream(targets, limits, &tdiags, [&](const YamlDocument& doc) {
    if (IsActualsDocument(doc)) return;
    if (std::optional<Project> p = ReadTargetDocument(targets, doc, rules, &tdiags))
      projects.push_back(std::move(*p));
  });
  CheckDiagnostics(tdiags, 0, targets.path, &targets.text);

  for (Project& p : projects) {
    auto a = index.Claim(p.id, p.project);
    if (a == nullptr) continue;
    const size_t before = diags.all().size();
    const bool actuals_bad = a->has_errors;
    std::optional<ProjectScore> s = ScoreProject(std::move(p), *a, rules, &diags);
    const size_t errors = ErrorsSince(diags, before);
    if (s) {
      FUZZ_CHECK(errors == 0 && !actuals_bad, "scored despite an error");
      CheckScore(*s, rules);
    } else {
      FUZZ_CHECK(errors > 0 || (actuals_bad && actuals_errors > 0),
                 "a project not scored without an error");
    }
    CheckDiagnostics(diags, before, actuals.path, &actuals.text);
  }
  return 0;
}
