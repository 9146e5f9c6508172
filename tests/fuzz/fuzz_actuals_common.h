// Invariants of an ActualsIndex read by a fuzz harness, shared by the YAML
// and CSV actuals harnesses.
#ifndef JIXIAO_TESTS_FUZZ_FUZZ_ACTUALS_COMMON_H_
#define JIXIAO_TESTS_FUZZ_FUZZ_ACTUALS_COMMON_H_

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/actuals.h"
#include "model/progress.h"
#include "model/value.h"
#include "fuzz_common.h"

namespace jixiao::fuzz {

// Checks one amount of an entry read from `path`.
inline void CheckAmount(const Amount& a, const std::string& path, const char* what) {
  FUZZ_CHECK(a.value.sign() >= 0, std::string("negative amount accepted: ") + what);
  CheckFormats(a.value);
  if (!a.unit.name.empty()) CheckUnit(a.unit);
  CheckLocated(a.loc, path, what);
}

inline void CheckFunding(const Funding& f, const std::string& path, const char* what) {
  CheckAmount(f.total, path, what);
  for (const std::optional<Amount>* part : {&f.fiscal, &f.carryover, &f.other}) {
    if (*part) CheckAmount(**part, path, what);
  }
}

inline std::string DescribeAmount(const Amount& a) {
  return a.value.ToDecimalString(40) + a.unit.name + "/" + a.text + "@" +
         std::to_string(a.loc.line) + ":" + std::to_string(a.loc.column);
}

inline std::string DescribeFunding(const Funding& f) {
  std::string o = DescribeAmount(f.total) + (f.map ? "{" : "(");
  for (const std::optional<Amount>* part : {&f.fiscal, &f.carryover, &f.other}) {
    o += *part ? DescribeAmount(**part) + ";" : "-;";
  }
  return o;
}

// Checks one entry read from `path`.
inline void CheckEntry(const ProjectActuals& e, const std::string& path) {
  FUZZ_CHECK(!e.key.empty(), "entry without a key");
  FUZZ_CHECK(Trim(e.key) == e.key, "entry key not trimmed: '" + e.key + "'");
  FUZZ_CHECK(ValidUtf8(e.key) && ValidUtf8(e.note) && ValidUtf8(e.spent.total.text) &&
                 ValidUtf8(e.achieved),
             "entry text is not valid UTF-8");
  CheckLocated(e.loc, path, "an actuals entry");
  if (e.has_spent) CheckFunding(e.spent, path, "'spent'");
  if (e.budget) {
    CheckFunding(*e.budget, path, "'budget'");
    FUZZ_CHECK(e.budget->total.value.sign() > 0, "an adjusted budget of 0 accepted");
  }
  if (!e.has_spent) FUZZ_CHECK(e.has_errors, "an entry without spending but without errors");
  if (e.as_of) FUZZ_CHECK(ValidDate(e.as_of->date), "an as_of that is no date");
  if (e.forecast_spent) CheckAmount(*e.forecast_spent, path, "'forecast_spent'");
  std::set<std::string> keys;
  for (const IndicatorActual& a : e.indicators) {
    FUZZ_CHECK(!a.key.empty(), "indicator actual without a key");
    FUZZ_CHECK(ValidUtf8(a.key) && ValidUtf8(a.text) && ValidUtf8(a.note),
               "indicator actual text is not valid UTF-8");
    CheckLocated(a.loc, path, "an indicator actual");
    if (a.score) {
      FUZZ_CHECK(a.grade.has_value(), "a score without a grade");
      FUZZ_CHECK(*a.score >= 0 && *a.score <= 1, "score outside [0, 1]");
    }
    if (a.value.kind == ActualKind::kQuantity) {
      CheckUnit(a.value.value.unit);
      CheckFormats(a.value.value.value);
    }
    if (a.value.kind == ActualKind::kNotApplicable) FUZZ_CHECK(!a.grade, "不适用 with a grade");
    if (a.value.kind == ActualKind::kDate) FUZZ_CHECK(ValidDate(a.value.date), "bad date");
    // A progress file's fields (empty in an actuals file).
    const IndicatorProgress& p = a.progress;
    FUZZ_CHECK(p.reasons < (1u << kReasonCount), "a reason bit that is no reason");
    FUZZ_CHECK(Trim(p.forecast) == p.forecast && ValidUtf8(p.forecast), "forecast not trimmed UTF-8");
    if (!p.forecast.empty()) {
      FUZZ_CHECK(p.forecast_line > 0, "a forecast without its line");
      CheckLocated(a.forecast_loc(), path, "a forecast");
    }
    if (p.likelihood) {
      FUZZ_CHECK(p.likelihood_line > 0, "a likelihood without its line");
      CheckLocated(a.likelihood_loc(), path, "a likelihood");
    }
    if (p.forecast_value.kind == ActualKind::kQuantity) {
      CheckUnit(p.forecast_value.value.unit);
      CheckFormats(p.forecast_value.value.value);
    }
    if (p.forecast_value.kind == ActualKind::kDate) {
      FUZZ_CHECK(ValidDate(p.forecast_value.date), "bad forecast date");
    }
    if (!e.has_errors) {
      FUZZ_CHECK(keys.insert(a.key).second, "indicator given twice, entry without errors: " +
                                                a.key);
      // (A progress file's indicator may give only its forecast.)
      FUZZ_CHECK(!a.text.empty() || a.grade.has_value() || !a.progress.forecast.empty(),
                 "an actual with neither value, grade nor forecast");
    }
  }
}

// Store options that send every record to the temporary file.
inline RecordStoreOptions SpillEverything() {
  RecordStoreOptions o;
  o.memory_budget = 0;
  return o;
}

// Every field of an entry, as text, to compare two indexes.
inline std::string Describe(const ProjectActuals& e) {
  std::string o = e.key + (e.by_id ? "|id|" : "|name|") + (e.has_errors ? "E|" : "|") +
                  std::to_string(e.loc.line) + ":" + std::to_string(e.loc.column) + "|" +
                  (e.year ? std::to_string(*e.year) : "-") + "|" +
                  (e.has_spent ? DescribeFunding(e.spent) : "-") + "|" +
                  (e.budget ? DescribeFunding(*e.budget) : "-") + "|" + e.achieved + "|" + e.note +
                  "|" + (e.as_of ? FormatDate(e.as_of->date) : "-") + "|" +
                  (e.forecast_spent ? DescribeAmount(*e.forecast_spent) : "-");
  for (const IndicatorActual& a : e.indicators) {
    o += "\n" + a.key + "|" + a.text + "|" +
         (a.grade ? std::to_string(static_cast<int>(*a.grade)) : "-") + "|" +
         (a.score ? a.score->ToDecimalString(40) : "-") + "|" + a.note + "|" +
         std::to_string(a.loc.line) + ":" + std::to_string(a.loc.column) + "|" +
         a.progress.forecast + "|" +
         (a.progress.forecast_grade ? std::to_string(static_cast<int>(*a.progress.forecast_grade))
                                    : "-") +
         "|" + (a.progress.likelihood ? LikelihoodKey(*a.progress.likelihood) : "-") + "|" +
         std::to_string(a.progress.reasons) + "|" + std::to_string(a.progress.forecast_line) +
         ":" + std::to_string(a.progress.forecast_column);
  }
  return o;
}

// Two indexes read from the same input, one in memory and one in its
// temporary file, hold the same entries.
inline void CheckSameEntries(const ActualsIndex& memory, const ActualsIndex& spilled) {
  FUZZ_CHECK(memory.size() == spilled.size(), "a spilled index holds a different number of entries");
  for (size_t i = 0; i < memory.size(); ++i) {
    FUZZ_CHECK(Describe(*memory.Get(i)) == Describe(*spilled.Get(i)),
               "entry " + std::to_string(i) + " reads back differently from the temporary file");
  }
}

// Claims every entry of `index` by its key (`keys`: the keys the input
// gives, in order, duplicates included), checking each; then checks that
// what is left unclaimed is reported. Returns the number of entries found.
inline size_t ClaimAll(ActualsIndex* index, const std::vector<std::string>& keys,
                       const std::string& path, Diagnostics* diags) {
  size_t found = 0;
  std::set<std::string> tried;
  for (const std::string& k : keys) {
    if (!tried.insert(k).second) continue;
    auto e = index->Claim(k, k);
    if (e == nullptr) continue;
    ++found;
    FUZZ_CHECK(e->key == k, "Claim('" + k + "') returned entry '" + e->key + "'");
    CheckEntry(*e, path);
    FUZZ_CHECK(index->Claim(k, k) == nullptr, "an entry claimed twice: " + k);
  }
  FUZZ_CHECK(found == index->size(), "entries not reachable by their keys: " +
                                         std::to_string(index->size() - found));
  const size_t before = diags->all().size();
  index->ReportUnclaimed(diags);
  FUZZ_CHECK(diags->all().size() == before, "claimed entries reported as unclaimed");
  return found;
}

// An index nobody claims from must report each of its entries.
inline void CheckUnclaimedReported(const ActualsIndex& index, const std::string& path,
                                   const std::string& text) {
  Diagnostics diags;
  index.ReportUnclaimed(&diags);
  FUZZ_CHECK(diags.error_count() == index.size(),
             "unclaimed entries: " + std::to_string(index.size()) + ", errors: " +
                 std::to_string(diags.error_count()));
  CheckDiagnostics(diags, 0, path, &text);
}

}  // namespace jixiao::fuzz

#endif  // JIXIAO_TESTS_FUZZ_FUZZ_ACTUALS_COMMON_H_
