// The message catalogue: every text jixiao shows a person, in Chinese and
// English, compiled in and keyed by a MsgId (docs/reference.md §10).
//
// The texts live in src/base/catalog/*.inc, one file per part of src/, as
//
//   JX_DIAG(kUnitMismatch, 301, "中文模板 {0}", "English template {0}")
//   JX_TEXT(kLabelTotal, "总分", "total")
//
// JX_DIAG is a diagnostic's message with its stable code (JX0301; several
// messages may share a code when they are one problem said in different
// places); JX_TEXT is any other text (labels, help, summaries). Templates
// take {0}, {1}, ... in any order and nothing else between braces ({{ and }}
// are literal braces); both languages use the same placeholders. Adding a
// message is one entry with both texts: messages_test.cc fails on a missing
// or empty text, a placeholder one language lacks, or a code outside its
// area, and docs/errors.md must explain every code (errors_doc_test).
//
// Codes never change meaning once released. Areas (the hundreds digit):
//   01 syntax (reading a file, encodings, YAML and CSV syntax, input limits)
//   02 schema (keys, types, required fields)
//   03 values and units
//   04 matching (actuals to targets, ids)
//   05 rules files
//   06 import
//   07 output and usage (options, output files)
//   08 scoring (deviations, plausibility of what was spent)
//   09 monitoring
#ifndef JIXIAO_BASE_MESSAGES_H_
#define JIXIAO_BASE_MESSAGES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "base/lang.h"

namespace jixiao {

enum class MsgId : uint16_t {
#define JX_DIAG(id, code, zh, en) id,
#define JX_TEXT(id, zh, en) id,
#include "base/catalog/all.inc"
#undef JX_DIAG
#undef JX_TEXT
  kCount
};

struct MessageDef {
  const char* name;  // the id's name, "kUnitMismatch"
  uint16_t code;     // 301 for JX0301; 0 for a text that is not a diagnostic
  const char* zh;
  const char* en;
};

// Every entry of the catalogue, in MsgId order (tests, docs).
const MessageDef* Catalogue();
inline constexpr size_t kCatalogueSize = static_cast<size_t>(MsgId::kCount);

const MessageDef& Def(MsgId id);
inline uint16_t CodeOf(MsgId id) { return Def(id).code; }

// The template of `id` in `lang` (the current language by default).
std::string_view Text(MsgId id, Lang lang);
inline std::string_view Text(MsgId id) { return Text(id, CurrentLang()); }

// "'a', 'b', 'c' and 2 more" (“a”、“b”、“c”，另有 2 个): the first few of
// `names`, of `total` in all, quoted, in the run's language.
std::string NameSome(const std::vector<std::string>& names, size_t total);
// NameSome of the first `shown` of `all`, of all.size().
std::string NameFirst(const std::vector<std::string>& all, size_t shown);

// The message an entry of a progress file (monitor) gets in place of `id`, an
// actuals entry's message about matching it to its project: the same code,
// in monitoring's words (进度条目, 进度文件, "progress entry"). `id` itself
// when it has no such variant.
MsgId ProgressWording(MsgId id);
// The message about a forecast (monitor's `forecast`: the year's expected
// value) in place of `id`, the message about an actual it is judged as: the
// same code, saying 全年预计 (forecast). `id` itself when it has no such
// variant.
MsgId ForecastWording(MsgId id);
// The message about a progress file's value to date (monitor's `value`, the
// 1-X月执行情况) in place of `id`, the message about an actual: the same
// code, saying 执行情况 / "value to date". `id` itself when it has no such
// variant.
MsgId ValueToDateWording(MsgId id);

// "JX0301" for 301; "" for 0.
std::string FormatCode(uint16_t code);
// 301 from "JX0301" (any case, also "0301" or "301"); nullopt otherwise.
std::optional<uint16_t> ParseCode(std::string_view s);

// The template of `id` in the current language with {0}, {1}, ... replaced
// by `args` (anything fmt formats; numbers are best passed already written
// the way the message shows them).
template <typename... Args>
std::string Tr(MsgId id, const Args&... args) {
  if constexpr (sizeof...(Args) == 0) {
    // A text without braces is its own formatting (most are: labels, words).
    const std::string_view text = Text(id);
    for (char c : text) {
      if (c == '{' || c == '}') return fmt::format(fmt::runtime(text));
    }
    return std::string(text);
  } else {
    return fmt::vformat(Text(id), fmt::make_format_args(args...));
  }
}

// A message for a person with the code of the problem it reports: what a
// function that finds a problem returns for its caller to place (a value's
// parser returns one; the loader puts it at the value's line and column,
// possibly inside a message of its own, keeping the inner code).
struct Message {
  uint16_t code = 0;
  std::string text;
};

template <typename... Args>
Message Msg(MsgId id, const Args&... args) {
  return {CodeOf(id), Tr(id, args...)};
}

}  // namespace jixiao

#endif  // JIXIAO_BASE_MESSAGES_H_
