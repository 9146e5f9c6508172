// Reading actuals entries (internal to model/): what the YAML and the CSV
// reader share, and each reader handing the entries it reads to a sink.
#ifndef JIXIAO_MODEL_ACTUALS_READ_H_
#define JIXIAO_MODEL_ACTUALS_READ_H_

#include <functional>
#include <optional>
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

// `s` cut to 40 display columns, for messages.
std::string Shorten(std::string_view s);

// Nothing when `score` (written as `written`) is a ratio, from 0 to 1;
// otherwise what is wrong. (Whether it fits its grade's band is checked when
// it is scored, under the rules in force: docs/reference.md §3.4.)
std::optional<Message> CheckScore(const Rational& score, std::string_view written);

// Sets a->text, a->value and (for a grade word) a->grade from `text`.
// Returns nothing, or what is wrong with the value.
std::optional<Message> ParseValueInto(std::string_view text, IndicatorActual* a);

// Sets a->text, a->value and a->unit from an amount written as text
// ("5.86", "314.85万元", "3,148,500元"); `what` names it in messages
// ("'spent' (全年执行数)", in the current language). Returns nothing, or
// what is wrong: not a number, a negative amount, one beyond 10^15. A unit
// other than money is accepted here and refused once the project (and its
// unit) is known.
std::optional<Message> ParseAmountInto(std::string_view text, std::string_view what, Amount* a);

// Reads one YAML actuals document (see ReadActualsDocument), handing each
// entry to `add`. Returns false when some of it could not become entries
// (a document that is not actuals, an entry without its project): a target
// project may then lack the entry meant for it.
// With `progress`, the document is a progress document (progress.h).
bool ReadYamlEntries(const Source& src, const YamlDocument& doc, const EntrySink& add,
                     Diagnostics* diags, const ProgressReading* progress = nullptr);

// The messages of CheckActualsCsvText: a file read as GB18030; a file that
// is neither UTF-8 nor GB18030 (UTF-16 when `utf16`; `byte` the first that
// is not UTF-8).
Message GbAssumedMessage();
Message NotUtf8Message(bool utf16, unsigned char byte);

// Reads CSV actuals (see ReadActualsCsv), handing each entry to `add`.
// Returns false when some of the file could not become entries (a syntax or
// header error, a row without its project).
// With `progress`, the file is a progress file (progress.h).
bool ReadCsvEntries(const Source& src, const YamlLimits& limits, const EntrySink& add,
                    Diagnostics* diags, const ProgressReading* progress = nullptr);

}  // namespace jixiao::actuals_read

#endif  // JIXIAO_MODEL_ACTUALS_READ_H_
