#include "yaml/yaml_emit.h"

#include <fmt/format.h>

#include "base/text.h"

namespace jixiao {

namespace {

// True when a plain scalar `s` would not read back as the string `s`.
bool NeedsQuotes(std::string_view s) {
  if (s.empty() || Trim(s).size() != s.size()) return true;
  // Indicators that start a different construct.
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`<=~").find(s[0]) != std::string_view::npos) return true;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos ||
      EndsWith(s, ":"))
    return true;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) return true;
    // A C1 control (U+0085 is a line break to YAML 1.1 readers).
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return true;
  }
  // Values the core schema resolves to something other than a string, or
  // that a reader might: numbers, booleans, null.
  std::string_view lower_forms[] = {"null", "Null", "NULL", "true", "True", "TRUE",
                                    "false", "False", "FALSE", "~"};
  for (std::string_view f : lower_forms)
    if (s == f) return true;
  bool numeric = true;
  for (char c : s) {
    if (!(isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-' ||
          c == 'e' || c == 'E' || c == 'x' || c == 'o' || c == '_'))
      numeric = false;
  }
  if (numeric) return true;
  if (s[0] == '.' ) return true;  // .inf, .nan
  return false;
}

}  // namespace

std::string YamlScalar(std::string_view s) {
  if (!NeedsQuotes(s)) return std::string(s);
  std::string out = "\"";
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(s[++i]));  // a C1 control
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += fmt::format("\\x{:02x}", c);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out += "\"";
  return out;
}

}  // namespace jixiao
