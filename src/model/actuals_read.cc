// What the actuals readers share, and loading actuals files: each read by
// the reader its extension names, on several threads, into the index.
#include <memory>
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "base/ordered_pipeline.h"
#include "base/text.h"
#include "model/actuals.h"
#include "model/actuals_read.h"
#include "yaml/inputs.h"
#include "yaml/yaml_fields.h"

namespace jixiao {

namespace actuals_read {

std::string Shorten(std::string_view s) { return TruncateToWidth(s, 40); }

std::optional<Message> CheckScore(const Rational& score, std::string_view written) {
  if (score >= 0 && score <= 1) return std::nullopt;
  return Msg(MsgId::kValScoreNotRatio, Shorten(written));
}

std::optional<Message> ParseValueInto(std::string_view text, IndicatorActual* a) {
  a->text = std::string(Trim(text));
  if (a->text.empty()) {
    return Msg(MsgId::kValActualEmpty, a->key, Tr(MsgId::kValValueHint));
  }
  Parsed<Actual> parsed = ParseActual(a->text);
  if (!parsed) {
    // The code is the reason's: it says what is wrong with the value.
    return Message{parsed.message().code,
                   Tr(MsgId::kValBadActualWrap, Shorten(a->text), a->key, parsed.error())};
  }
  a->value = std::move(parsed.value());
  if (a->value.kind == ActualKind::kText) {
    if (std::optional<Grade> g = GradeOf(a->text)) a->grade = g;
  }
  return std::nullopt;
}

std::optional<Message> ParseAmountInto(std::string_view text, std::string_view what, Amount* a) {
  a->text = std::string(Trim(text));
  // "¥116.52": a cell in Excel's currency format, saved as shown.
  for (std::string_view sign : {"¥", "￥"}) {
    if (!StartsWith(a->text, sign)) continue;
    const std::string rest(Trim(std::string_view(a->text).substr(sign.size())));
    if (Rational::ParseDecimal(rest)) {
      return Msg(MsgId::kValAmountCurrencySign, what, Shorten(a->text),
                 Tr(MsgId::kValAmountCurrencyPlain, rest));
    }
    Parsed<Actual> money = ParseActual(rest);
    if (money && money->kind == ActualKind::kQuantity &&
        money->value.unit.dim == Dimension::kMoney) {
      return Msg(MsgId::kValAmountCurrencySign, what, Shorten(a->text), rest);  // ￥5.8万元
    }
  }
  Parsed<Actual> parsed = ParseActual(a->text);
  if (!parsed) {
    return Message{parsed.message().code,
                   Tr(MsgId::kValBadAmountWrap, what, Shorten(a->text), parsed.error())};
  }
  if (parsed->kind != ActualKind::kQuantity) {
    if (std::optional<std::string> decimal = ScientificAsDecimal(a->text)) {
      return Msg(MsgId::kValAmountScientific, what, Shorten(a->text), *decimal);
    }
    if (std::optional<SpacedDigits> spaced = DigitsGroupedBySpaces(a->text)) {
      return Msg(MsgId::kValAmountSpacedDigits, what, Shorten(a->text), SpaceName(spaced->space),
                 spaced->joined);
    }
    return Msg(MsgId::kValNotAnAmount, what, Shorten(a->text));
  }
  const Quantity& q = parsed->value;
  if (q.value.sign() < 0) return Msg(MsgId::kValNegativeAmount, what, Shorten(a->text));
  if (q.value > Rational(kMaxAmount)) {
    return Msg(MsgId::kValAmountTooLarge, what, Shorten(a->text));
  }
  a->value = q.value;
  a->unit = q.unit;
  return std::nullopt;
}

}  // namespace actuals_read

Parsed<Rational> AmountInUnit(const Amount& a, const std::string& unit) {
  const Unit to = LookupUnit(unit);
  const Unit& from = a.unit;
  if (from.dim != Dimension::kNone && from.dim != Dimension::kMoney &&
      from.dim != Dimension::kNumber) {
    return Parsed<Rational>::Error(Msg(MsgId::kValNotMoney, actuals_read::Shorten(a.text),
                                       DescribeUnit(from), unit, a.value.ToDecimalString()));
  }
  return ConvertTo(Quantity{a.value, from}, to);
}

using actuals_read::EntrySink;
using actuals_read::ReadCsvEntries;
using actuals_read::ReadYamlEntries;

namespace {

bool IsCsvPath(const std::string& path) { return EndsWithIgnoringCase(path, ".csv"); }

}  // namespace

namespace {

// Reads one actuals file, handing each entry to `add`. Returns false when
// some of it could not become entries: the file cannot be read, is not
// text, has a syntax error, or holds a document or a row that is not an
// entry (a target project may then lack the entry meant for it).
bool ReadActualsFile(const std::string& path, const YamlLimits& limits, const EntrySink& add,
                     Diagnostics* diags, const ProgressReading* progress) {
  std::optional<Source> src = ReadSource(path, limits.max_file_bytes, diags);
  if (!src) return false;
  if (IsCsvPath(path)) {
    if (!CheckActualsCsvText(&*src, limits.max_file_bytes, diags)) return false;
    return ReadCsvEntries(*src, limits, add, diags, progress);
  }
  if (!CheckInputText(*src, limits.max_file_bytes, diags)) return false;
  // Errors reported while no document is being read (a syntax error, a
  // limit) lost a document or stopped the file there; those reported
  // before a document (a duplicate key in it) are its own, and a lost one
  // shows in the next one's index.
  const size_t errors_before = diags->error_count();
  size_t errors_seen = errors_before;
  bool complete = true;
  size_t next_index = 0;  // a document's index past it: a document was lost
  size_t documents = ParseYamlStream(*src, limits, diags, [&](const YamlDocument& doc) {
    if (doc.index() != next_index) complete = false;
    next_index = doc.index() + 1;
    complete = ReadYamlEntries(*src, doc, add, diags, progress) && complete;
    errors_seen = diags->error_count();
  });
  if (diags->error_count() > errors_seen) complete = false;
  if (documents == 0 && diags->error_count() == errors_before) {
    diags->Error({path, 0, 0}, MsgId::kActNoDocument);
  }
  return complete && documents > 0;
}

// What a worker hands on: the diagnostics reported before an entry, and
// the entry as the index stores it (none at the end of a file). The entry
// itself is freed on the worker that read it, at once.
struct ReadItem {
  Diagnostics diags;
  std::unique_ptr<ActualsIndex::Packed> entry;  // on the heap: items are moved
  std::string incomplete;  // at the end of a file not read in full: its path
};

// A department's actuals file holds dozens to hundreds of entries, each an
// item. A worker whose file is not yet the head may hold this many before it
// waits; at the default (64) the worker of a -j2 run waited for room in 31
// of 500 files of the generated year while the calling thread read a file
// of its own: a core idle for 15% of the phase. The entries are packed (a
// few hundred bytes each), so the window holds at most a few MiB.
constexpr PipelineLimits kActualsLimits{16, 256};

}  // namespace

void LoadActualsFiles(const PathList& files, const YamlLimits& limits,
                      ActualsIndex* index, Diagnostics* diags, int jobs,
                      const ProgressReading* progress) {
  if (progress != nullptr) index->MarkProgress();
  RunOrdered<ReadItem>(
      files.size(), jobs, kActualsLimits,
      [&](size_t t, const std::function<void(ReadItem&&)>& emit) {
        Diagnostics local;
        EntrySink add = [&](ProjectActuals&& e) {
          // Packed here, not on the calling thread.
          emit({local.Take(), std::make_unique<ActualsIndex::Packed>(ActualsIndex::Pack(e)), {}});
        };
        const bool complete = ReadActualsFile(files[t], limits, add, &local, progress);
        emit({local.Take(), nullptr, complete ? std::string() : files[t]});
      },
      [&](ReadItem&& item) {
        diags->Append(std::move(item.diags));
        if (item.entry) index->Add(*item.entry, diags);
        if (!item.incomplete.empty()) index->MarkIncomplete(item.incomplete);
      });
}

}  // namespace jixiao
