// Fuzzes the target loader (docs/reference.md §1): CheckInputText, ParseYamlStream and
// ReadTargetDocument on a target file held in memory, with tight limits so
// that the fuzzer explores instead of building huge documents.
//
// Invariants checked, beyond "does not crash, hang or leak":
//   - every diagnostic is well formed and located inside the input
//     (fuzz_common.h CheckDiagnostics);
//   - a document that is rejected has at least one error, and a document
//     that is accepted has none (no silent rejection, no silent acceptance);
//   - an accepted project keeps docs/reference.md §1's promises: a name, an id, a year
//     in 1950..2100, a money unit, total > 0, fiscal + other = total when
//     both are given, at least one indicator, each with level1 / level2 in
//     the taxonomy, a name, a target that ParseTarget accepts as loaded,
//     unique keys, weights all or none, each in (0, 90] and adding up to 90
//     ± 0.01; every location of the project points into the file;
//   - every text of an accepted project is valid UTF-8 (yaml-cpp's escapes
//     included);
//   - the documents come in order of their index, which skips only a
//     document lost to a syntax error (reported);
//   - the number of documents delivered never exceeds the limit.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "fuzz_common.h"
#include "model/rules.h"
#include "model/target_loader.h"
#include "yaml/yaml_doc.h"

using namespace jixiao;
using jixiao::fuzz::CheckDiagnostics;
using jixiao::fuzz::CheckFormats;
using jixiao::fuzz::CheckLocated;
using jixiao::fuzz::ErrorsSince;
using jixiao::fuzz::ValidUtf8;

namespace {

void CheckProject(const Project& p, const Rules& rules, const std::string& path) {
  FUZZ_CHECK(!p.project.empty() && !p.id.empty(), "project without a name or an id");
  for (const std::string* s : {&p.project, &p.id, &p.department_code, &p.department_name,
                               &p.unit, &p.purpose})
    FUZZ_CHECK(ValidUtf8(*s), "project text is not valid UTF-8: " + *s);
  for (const std::string& g : p.goals) FUZZ_CHECK(ValidUtf8(g), "goal is not valid UTF-8");
  for (const Indicator& ind : p.indicators) {
    for (const std::string* s : {&ind.id, &ind.level1, &ind.level2, &ind.name, &ind.description,
                                 &ind.target_text})
      FUZZ_CHECK(ValidUtf8(*s), "indicator text is not valid UTF-8: " + *s);
  }
  FUZZ_CHECK(p.year >= 1950 && p.year <= 2100, "year " + std::to_string(p.year));
  FUZZ_CHECK(LookupUnit(p.unit).dim == Dimension::kMoney, "budget unit " + p.unit);
  FUZZ_CHECK(p.total.sign() > 0, "total not positive");
  CheckFormats(p.total);
  if (p.fiscal) FUZZ_CHECK(p.fiscal->sign() >= 0 && *p.fiscal <= p.total, "fiscal");
  if (p.other) FUZZ_CHECK(p.other->sign() >= 0 && *p.other <= p.total, "other");
  if (p.fiscal && p.other) FUZZ_CHECK(*p.fiscal + *p.other == p.total, "fiscal + other");
  CheckLocated(p.loc, path, "the project");
  CheckLocated(p.id_loc, path, "the project id");
  FUZZ_CHECK(!p.indicators.empty(), "a valid project without indicators");
  std::set<std::string> keys;
  size_t weighted = 0;
  Rational sum;
  for (const Indicator& ind : p.indicators) {
    FUZZ_CHECK(!ind.name.empty() && !ind.level1.empty() && !ind.level2.empty(), ind.name);
    const Level1Group* g = rules.FindLevel1(ind.level1);
    FUZZ_CHECK(g != nullptr, "level1 outside the taxonomy: " + ind.level1);
    FUZZ_CHECK(rules.FindLevel2(*g, ind.level2) != nullptr,
               "level2 outside its level1: " + ind.level2);
    FUZZ_CHECK(keys.insert(ind.key()).second, "indicator key twice: " + ind.key());
    FUZZ_CHECK(!ind.target_text.empty(), "indicator without a target");
    Parsed<Target> t = ParseTarget(ind.target_text);
    FUZZ_CHECK(t.ok() && t->kind == ind.target.kind && t->cmp == ind.target.cmp,
               "target differs from ParseTarget: " + ind.target_text);
    CheckLocated(ind.loc, path, "an indicator");
    CheckLocated(ind.target_loc, path, "a target value");
    if (ind.weight) {
      ++weighted;
      FUZZ_CHECK(ind.weight->sign() > 0 && *ind.weight <= rules.IndicatorWeight(), "weight");
      sum += *ind.weight;
    }
  }
  FUZZ_CHECK(weighted == 0 || weighted == p.indicators.size(), "weights neither all nor none");
  if (weighted > 0) {
    Rational diff = sum - rules.IndicatorWeight();
    FUZZ_CHECK(diff <= Rational(1) / 100 && -diff <= Rational(1) / 100,
               "weights add up to " + sum.ToDecimalString());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Rules rules = Rules::Default();
  static const YamlLimits limits = fuzz::FuzzLimits(64);
  Source src;
  src.path = "fuzz.yaml";
  src.text.assign(reinterpret_cast<const char*>(data), size);
  src.text = std::string(StripBom(src.text));
  Diagnostics diags;
  if (!CheckInputText(src, limits.max_file_bytes, &diags)) {
    FUZZ_CHECK(diags.has_errors(), "CheckInputText failed without an error");
    CheckDiagnostics(diags, 0, src.path, &src.text);
    return 0;
  }
  FUZZ_CHECK(diags.empty(), "CheckInputText passed with diagnostics");
  size_t delivered = 0;
  size_t next_index = 0;  // the least index the next document may have
  size_t documents = ParseYamlStream(src, limits, &diags, [&](const YamlDocument& doc) {
    ++delivered;
    // In order; a document lost to a syntax error keeps its index, so the
    // ones after skip it, and only after an error.
    FUZZ_CHECK(doc.index() >= next_index, "document index out of order");
    FUZZ_CHECK(doc.index() == next_index || diags.has_errors(),
               "a document index skipped without an error");
    next_index = doc.index() + 1;
    if (doc.has_errors()) FUZZ_CHECK(diags.has_errors(), "document has errors, none reported");
    if (IsActualsDocument(doc)) return;
    const size_t before = diags.all().size();
    std::pair<std::string, std::string> rejected;
    std::optional<Project> p = ReadTargetDocument(src, doc, rules, &diags, &rejected);
    const size_t errors = ErrorsSince(diags, before);
    if (p) {
      FUZZ_CHECK(errors == 0, "project accepted with an error: " + diags.all()[before].message);
      FUZZ_CHECK(!doc.has_errors(), "project accepted from a document with errors");
      CheckProject(*p, rules, src.path);
    } else {
      FUZZ_CHECK(errors > 0 || doc.has_errors(), "document rejected without an error");
    }
    CheckDiagnostics(diags, before, src.path, &src.text);
  });
  FUZZ_CHECK(documents == delivered, "delivered count");
  FUZZ_CHECK(documents <= limits.max_documents, "more documents than the limit");
  CheckDiagnostics(diags, 0, src.path, &src.text);
  return 0;
}
