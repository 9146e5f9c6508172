// Fuzzes the YAML actuals loader (docs/reference.md §2): CheckInputText, ParseYamlStream
// and ReadActualsDocument into an ActualsIndex, then the matching step.
//
// Invariants checked, beyond "does not crash, hang or leak":
//   - every diagnostic is well formed and located inside the input;
//   - a document read without any error adds exactly one entry per item of
//     its 'projects' list (no entry dropped silently);
//   - every entry has a trimmed key and a location; spent >= 0 when given,
//     and an entry without spending is marked as having errors; a score goes
//     with a grade and lies in [0, 1]; a quantity has a canonical unit;
//     不适用 has no grade; an entry without errors names each indicator once;
//   - every entry can be claimed by its key, once; what nobody claims is
//     reported, one error per entry (an actuals file that matches nothing is
//     never silent).
// An input that mentions as_of is read as a progress file (monitor's), whose
// forecasts, likelihoods and reasons are checked and read back too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "model/actuals.h"
#include "model/actuals_read.h"
#include "model/progress.h"
#include "fuzz_actuals_common.h"
#include "fuzz_common.h"
#include "yaml/yaml_doc.h"

using namespace jixiao;
using jixiao::fuzz::CheckDiagnostics;
using jixiao::fuzz::ErrorsSince;

namespace {

// The key each item of the document's 'projects' list gives (its id, else
// its project name, trimmed), and the number of items.
size_t ItemKeys(const YamlDocument& doc, std::vector<std::string>* keys) {
  const YamlNode* root = doc.root();
  if (root == nullptr || !root->is_map()) return 0;
  const YamlNode* list = root->Find("projects");
  if (list == nullptr || !list->is_sequence()) return 0;
  for (const YamlNode* item : list->items) {
    if (!item->is_map()) continue;
    const YamlNode* k = item->Find("id");
    if (k == nullptr) k = item->Find("project");
    if (k != nullptr && k->is_scalar()) keys->emplace_back(Trim(k->value));
  }
  return list->items.size();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const YamlLimits limits = fuzz::FuzzLimits(64);
  Source src;
  src.path = "actuals.yaml";
  src.text.assign(reinterpret_cast<const char*>(data), size);
  src.text = std::string(StripBom(src.text));
  Diagnostics diags;
  if (!CheckInputText(src, limits.max_file_bytes, &diags)) {
    FUZZ_CHECK(diags.has_errors(), "CheckInputText failed without an error");
    CheckDiagnostics(diags, 0, src.path, &src.text);
    return 0;
  }
  // `unclaimed` holds every entry in its temporary file (a memory budget of
  // 0), `index` in memory: the two must agree (CheckSameEntries).
  ActualsIndex index, unclaimed(jixiao::fuzz::SpillEverything());
  std::vector<std::string> keys;
  static const ProgressReading kProgress;
  const bool progress = src.text.find("as_of") != std::string::npos;
  auto read = [&](const YamlDocument& doc, ActualsIndex* into, Diagnostics* d) {
    if (!progress) return ReadActualsDocument(src, doc, into, d);
    actuals_read::EntrySink add = [&](ProjectActuals&& e) { into->Add(std::move(e), d); };
    actuals_read::ReadYamlEntries(src, doc, add, d, &kProgress);
  };
  ParseYamlStream(src, limits, &diags, [&](const YamlDocument& doc) {
    const size_t before = diags.all().size();
    const size_t entries_before = index.size();
    read(doc, &index, &diags);
    Diagnostics scratch;
    read(doc, &unclaimed, &scratch);
    const size_t items = ItemKeys(doc, &keys);
    if (ErrorsSince(diags, before) == 0 && !doc.has_errors()) {
      FUZZ_CHECK(index.size() - entries_before == items,
                 "a document without errors: " + std::to_string(items) + " items, " +
                     std::to_string(index.size() - entries_before) + " entries");
    }
    CheckDiagnostics(diags, before, src.path, &src.text);
  });
  CheckDiagnostics(diags, 0, src.path, &src.text);
  const size_t before = diags.all().size();
  jixiao::fuzz::ClaimAll(&index, keys, src.path, &diags);
  CheckDiagnostics(diags, before, src.path, &src.text);
  jixiao::fuzz::CheckSameEntries(index, unclaimed);
  jixiao::fuzz::CheckUnclaimedReported(unclaimed, src.path, src.text);
  return 0;
}
