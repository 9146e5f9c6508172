#include "base/messages.h"

#include <cctype>

namespace jixiao {

namespace {

constexpr MessageDef kDefs[] = {
#define JX_DIAG(id, code, zh, en) {#id, code, zh, en},
#define JX_TEXT(id, zh, en) {#id, 0, zh, en},
#include "base/catalog/all.inc"
#undef JX_DIAG
#undef JX_TEXT
};
static_assert(sizeof(kDefs) / sizeof(kDefs[0]) == kCatalogueSize);

}  // namespace

const MessageDef* Catalogue() { return kDefs; }

const MessageDef& Def(MsgId id) { return kDefs[static_cast<size_t>(id)]; }

std::string_view Text(MsgId id, Lang lang) {
  const MessageDef& d = Def(id);
  return lang == Lang::kEn ? d.en : d.zh;
}

std::string FormatCode(uint16_t code) {
  if (code == 0) return "";
  // "JX" and the code in at least four digits, as fmt's "JX{:04d}" writes it.
  const std::string digits = std::to_string(code);
  return "JX" + std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits;
}

std::optional<uint16_t> ParseCode(std::string_view s) {
  if (s.size() >= 2 && (s[0] == 'J' || s[0] == 'j') && (s[1] == 'X' || s[1] == 'x')) {
    s.remove_prefix(2);
  }
  if (s.empty() || s.size() > 4) return std::nullopt;
  unsigned v = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  if (v == 0) return std::nullopt;
  return static_cast<uint16_t>(v);
}

}  // namespace jixiao
