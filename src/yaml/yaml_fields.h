// Typed, located access to the fields of a YamlDocument.
//
// Every loader (targets, actuals, rules) reads its maps through a
// FieldReader, so that unknown keys, wrong types and bad numbers are
// reported the same way everywhere: located, and saying what was expected.
#ifndef JIXIAO_YAML_YAML_FIELDS_H_
#define JIXIAO_YAML_YAML_FIELDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "base/exact.h"
#include "yaml/yaml_doc.h"

namespace jixiao {

// Largest magnitude accepted for an amount, a weight or a ratio.
inline constexpr int64_t kMaxAmount = 1000000000000000;  // 10^15

class FieldReader {
 public:
  FieldReader(const Source& src, Diagnostics* diags) : src_(src), diags_(diags) {}

  Location Loc(const YamlNode& n) const;
  // The line and column of `n` (Loc's), found from those of `before`
  // (`before_loc`, its Loc) when `n` is later on the same line: without
  // scanning the line from its start again (a value after its key).
  std::pair<int, int> LineColumnAfter(const YamlNode& n, const YamlNode& before,
                                      const Location& before_loc) const;
  void Error(const YamlNode& at, Message message);
  void Warning(const YamlNode& at, Message message);
  // The catalogue's message `id` with `args` (messages.h), at `at`.
  template <typename... Args>
  void Error(const YamlNode& at, MsgId id, const Args&... args) {
    Error(at, Msg(id, args...));
  }
  template <typename... Args>
  void Warning(const YamlNode& at, MsgId id, const Args&... args) {
    Warning(at, Msg(id, args...));
  }
  // Errors reported through this reader so far.
  size_t errors() const { return errors_; }

  // Reports every key of `map` that is not in `known` and does not start
  // with "x-", suggesting the nearest known key. `what` names the map in
  // messages, in the run's language: a text of the catalogue, such as
  // Text(MsgId::kX) ("目标表项目" / "a target project"), or a key. It is
  // read only when a message is made.
  void CheckKeys(const YamlNode& map, const std::vector<std::string>& known,
                 std::string_view what);

  // The value of `key` in `map`; when absent (or null) and `required`,
  // reports "missing required key" at the map, or the slip of a key that
  // was meant to be `key` ("target：≥90%", see ReportKeySlip).
  const YamlNode* Get(const YamlNode& map, std::string_view key, bool required,
                      std::string_view what);

  // When the plain key `key` is a key and its value run together by a slip
  // in the colon (`target：≥90%`, `unit:万元`: a key with nothing after it),
  // reports the slip at the colon, once, and returns true. `known` (when
  // not empty) holds the keys that may stand before the colon.
  bool ReportKeySlip(const YamlNode& key, const std::vector<std::string>& known = {});

  // A scalar as text (numbers as written). Reports lists and maps, and a
  // value that is a block scalar's header only (`target: >5`, a value that
  // needed quotes).
  std::optional<std::string> Text(const YamlNode& n, std::string_view key);
  // A whole number in [min, max]. 010 is ten; 0o and 0x forms are accepted.
  std::optional<int64_t> Integer(const YamlNode& n, std::string_view key, int64_t min,
                                 int64_t max);
  // An exact decimal number written as a YAML number; rejects text, .nan,
  // .inf, exponents and magnitudes above kMaxAmount.
  std::optional<Rational> Decimal(const YamlNode& n, std::string_view key);

  // Text of a scalar node or a list of scalar nodes ("goals").
  std::optional<std::vector<std::string>> TextList(const YamlNode& n, std::string_view key);

 private:
  const Source& src_;
  Diagnostics* diags_;
  size_t errors_ = 0;
  std::unordered_set<const YamlNode*> slipped_keys_;  // reported by ReportKeySlip
};

// What kind of thing a YAML node is, for messages, in the run's language:
// "a map", "a list", "the text 'abc'", "the number 12", "nothing".
std::string Describe(const YamlNode& n);

}  // namespace jixiao

#endif  // JIXIAO_YAML_YAML_FIELDS_H_
