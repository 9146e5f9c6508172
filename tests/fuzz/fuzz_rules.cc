// Fuzzes the rules loader (docs/reference.md §5): ParseRules over the built-in rules,
// and FormatRulesYaml of what it returns.
//
// Invariants checked, beyond "does not crash, hang or leak":
//   - every diagnostic is well formed and located inside the input;
//   - on any error the base rules come back unchanged, and rules that differ
//     from the base come back only without errors;
//   - accepted rules are consistent: execution weight > 0, pools > 0 adding
//     up to 100 with it, unique pool names; every 一级指标 scores in an
//     existing pool and has a 二级指标, every pool has a 一级指标; grades best
//     first, strictly decreasing, from at most 100 to exactly 0; qualitative
//     bands in order within (0, 1], each ratio within its band; thresholds
//     in [0, 1];
//   - FormatRulesYaml prints rules that ParseRules reads back to the same
//     rules (what `jixiao rules` prints can be passed back with --rules),
//     and the printed text is valid UTF-8 when the input is.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "fuzz_common.h"
#include "model/rules.h"
#include "model/rules_file.h"
#include "yaml/yaml_doc.h"

using namespace jixiao;
using jixiao::fuzz::CheckDiagnostics;
using jixiao::fuzz::ValidUtf8;

namespace {

void CheckRules(const Rules& r) {
  FUZZ_CHECK(r.execution_weight.sign() > 0, "execution weight");
  FUZZ_CHECK(!r.pools.empty(), "no pools");
  std::set<std::string> pools;
  for (const Pool& p : r.pools) {
    FUZZ_CHECK(p.weight.sign() > 0, "pool weight " + p.name);
    FUZZ_CHECK(!p.name.empty() && pools.insert(p.name).second, "pool name " + p.name);
  }
  FUZZ_CHECK(r.execution_weight + r.IndicatorWeight() == 100, "weights do not add up to 100");
  std::set<std::string> level1s, used_pools;
  for (const Level1Group& g : r.taxonomy) {
    FUZZ_CHECK(!g.name.empty() && level1s.insert(g.name).second, "level1 " + g.name);
    FUZZ_CHECK(r.FindPool(g.pool) != nullptr, "level1 " + g.name + " in missing pool " + g.pool);
    FUZZ_CHECK(!g.level2.empty(), "level1 without level2: " + g.name);
    std::set<std::string> level2s;
    for (const std::string& l2 : g.level2)
      FUZZ_CHECK(!l2.empty() && level2s.insert(l2).second, "level2 " + l2);
    used_pools.insert(g.pool);
  }
  for (const Pool& p : r.pools) FUZZ_CHECK(used_pools.count(p.name), "pool unused: " + p.name);
  FUZZ_CHECK(!r.grades.empty(), "no grades");
  for (size_t i = 0; i < r.grades.size(); ++i) {
    FUZZ_CHECK(!r.grades[i].name.empty(), "grade without a name");
    FUZZ_CHECK(r.grades[i].min >= 0 && r.grades[i].min <= 100, "grade min");
    if (i > 0) FUZZ_CHECK(r.grades[i].min < r.grades[i - 1].min, "grades out of order");
  }
  FUZZ_CHECK(r.grades.back().min.is_zero(), "last grade not at 0");
  FUZZ_CHECK(r.partial_min.sign() > 0 && r.partial_min < r.achieved_min &&
                 r.achieved_min <= 1,
             "qualitative bands");
  FUZZ_CHECK(r.achieved_ratio >= r.achieved_min && r.achieved_ratio <= 1, "achieved ratio");
  FUZZ_CHECK(r.partial_ratio >= r.partial_min && r.partial_ratio < r.achieved_min,
             "partial ratio");
  FUZZ_CHECK(r.not_achieved_ratio >= 0 && r.not_achieved_ratio < r.partial_min,
             "not-achieved ratio");
  for (const Rational* t : {&r.deviation_threshold, &r.execution_threshold})
    FUZZ_CHECK(*t >= 0 && *t <= 1, "threshold");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Rules base = Rules::Default();
  static const std::string base_text = FormatRulesYaml(base);
  static const YamlLimits limits = fuzz::FuzzLimits(64);
  Source src;
  src.path = "rules.yaml";
  src.text.assign(reinterpret_cast<const char*>(data), size);
  src.text = std::string(StripBom(src.text));
  Diagnostics diags;
  Rules r = ParseRules(src, base, limits, &diags);
  CheckDiagnostics(diags, 0, src.path, &src.text);
  const std::string printed = FormatRulesYaml(r);
  if (diags.has_errors()) {
    FUZZ_CHECK(printed == base_text, "rules changed although the file has errors");
    return 0;
  }
  CheckRules(r);
  FUZZ_CHECK(ValidUtf8(printed), "printed rules are not valid UTF-8");
  Source again{"printed.yaml", printed};
  Diagnostics diags2;
  Rules r2 = ParseRules(again, base, YamlLimits(), &diags2);
  FUZZ_CHECK(!diags2.has_errors(), "printed rules do not read back: " +
                                       (diags2.empty() ? std::string() : diags2.all()[0].message) +
                                       "\n" + printed);
  FUZZ_CHECK(FormatRulesYaml(r2) == printed, "printed rules read back differently:\n" + printed +
                                                 "\n---- read back as ----\n" +
                                                 FormatRulesYaml(r2));
  return 0;
}
