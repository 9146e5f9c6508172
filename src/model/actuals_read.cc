// What the actuals readers share, and loading actuals files: each read by
// the reader its extension names, on several threads, into the index.
#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "base/ordered_pipeline.h"
#include "base/text.h"
#include "model/actuals.h"
#include "model/actuals_read.h"
#include "yaml/inputs.h"

namespace jixiao {

namespace actuals_read {

std::string Shorten(std::string_view s) { return TruncateToWidth(s, 40); }

std::string CheckScore(Grade g, const Rational& score, std::string_view written) {
  if (score < 0 || score > 1) {
    return fmt::format("score {} is not a ratio: expected a number from 0 to 1, such as 0.7 "
                       "for 70%",
                       Shorten(written));
  }
  const Rational low = g == Grade::kAchieved ? Rational(4) / 5
                       : g == Grade::kPartial ? Rational(3) / 5
                                              : Rational(0);
  const Rational high = g == Grade::kAchieved ? Rational(1)
                        : g == Grade::kPartial ? Rational(4) / 5
                                               : Rational(3) / 5;
  const bool inclusive = g == Grade::kAchieved;
  if (score >= low && (inclusive ? score <= high : score < high)) return "";
  return fmt::format("score {} does not fit the grade {}, whose band is [{}, {}{}: expected a "
                     "score from {} to {}{}, or another grade",
                     Shorten(written), GradeName(g), low.ToDecimalString(),
                     high.ToDecimalString(), inclusive ? "]" : ")", low.ToDecimalString(),
                     inclusive ? "" : "below ", high.ToDecimalString());
}

std::string ParseValueInto(std::string_view text, IndicatorActual* a) {
  a->text = std::string(Trim(text));
  if (a->text.empty()) {
    return fmt::format("the actual of indicator '{}' is empty: expected {}", a->key, kValueHint);
  }
  Parsed<Actual> parsed = ParseActual(a->text);
  if (!parsed) {
    return fmt::format("bad value '{}' of indicator '{}': {}", Shorten(a->text), a->key,
                       parsed.error());
  }
  a->value = parsed.value();
  if (a->value.kind == ActualKind::kText) {
    if (Parsed<Grade> g = ParseGrade(a->text)) a->grade = g.value();
  }
  return "";
}

}  // namespace actuals_read

using actuals_read::EntrySink;
using actuals_read::ReadCsvEntries;
using actuals_read::ReadYamlEntries;

namespace {

bool IsCsvPath(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".csv";
}

}  // namespace

namespace {

// Reads one actuals file, handing each entry to `add`.
void ReadActualsFile(const std::string& path, const YamlLimits& limits, const EntrySink& add,
                     Diagnostics* diags) {
  std::optional<Source> src = ReadSource(path, limits.max_file_bytes, diags);
  if (!src) return;
  if (!CheckInputText(*src, limits.max_file_bytes, diags)) return;
  if (IsCsvPath(path)) {
    ReadCsvEntries(*src, limits, add, diags);
    return;
  }
  const size_t errors_before = diags->error_count();
  size_t documents = ParseYamlStream(*src, limits, diags, [&](const YamlDocument& doc) {
    ReadYamlEntries(*src, doc, add, diags);
  });
  if (documents == 0 && diags->error_count() == errors_before) {
    diags->Error({path, 0, 0}, "the file holds no YAML document: expected actuals with a "
                               "'projects' list");
  }
}

// What a worker hands on: the diagnostics reported before an entry, and
// the entry (none at the end of a file).
struct ReadItem {
  Diagnostics diags;
  std::optional<ProjectActuals> entry;
};

}  // namespace

void LoadActualsFiles(const PathList& files, const YamlLimits& limits,
                      ActualsIndex* index, Diagnostics* diags, int jobs) {
  RunOrdered<ReadItem>(
      files.size(), jobs, PipelineLimits{},
      [&](size_t t, const std::function<void(ReadItem&&)>& emit) {
        Diagnostics local;
        EntrySink add = [&](ProjectActuals&& e) { emit({local.Take(), std::move(e)}); };
        ReadActualsFile(files[t], limits, add, &local);
        emit({local.Take(), std::nullopt});
      },
      [&](ReadItem&& item) {
        diags->Append(std::move(item.diags));
        if (item.entry) index->Add(std::move(*item.entry), diags);
      });
}

}  // namespace jixiao
