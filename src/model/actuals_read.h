// Reading actuals entries (internal to model/): what the YAML and the CSV
// reader share, and each reader handing the entries it reads to a sink.
#ifndef JIXIAO_MODEL_ACTUALS_READ_H_
#define JIXIAO_MODEL_ACTUALS_READ_H_

#include <functional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "base/exact.h"
#include "model/actuals.h"
#include "model/value.h"
#include "yaml/yaml_doc.h"

namespace jixiao::actuals_read {

// Where a reader hands each entry it has read.
using EntrySink = std::function<void(ProjectActuals&&)>;

// What an indicator's actual may be, for messages.
inline constexpr std::string_view kValueHint =
    "the actual value (such as 4台 or 100%), 不适用, or a grade (达成, 部分达成 or 未达成)";

// `s` cut to 40 display columns, for messages.
std::string Shorten(std::string_view s);

// "" when `score` (written as `written`) is allowed with grade `g` (docs/reference.md
// §3.4); otherwise what is wrong.
std::string CheckScore(Grade g, const Rational& score, std::string_view written);

// Sets a->text, a->value and (for a grade word) a->grade from `text`.
// Returns "" or what is wrong with the value.
std::string ParseValueInto(std::string_view text, IndicatorActual* a);

// Reads one YAML actuals document (see ReadActualsDocument), handing each
// entry to `add`.
void ReadYamlEntries(const Source& src, const YamlDocument& doc, const EntrySink& add,
                     Diagnostics* diags);

// Reads CSV actuals (see ReadActualsCsv), handing each entry to `add`.
void ReadCsvEntries(const Source& src, const YamlLimits& limits, const EntrySink& add,
                    Diagnostics* diags);

}  // namespace jixiao::actuals_read

#endif  // JIXIAO_MODEL_ACTUALS_READ_H_
