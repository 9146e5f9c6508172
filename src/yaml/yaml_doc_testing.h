// For tests and the fuzz_yaml_doc harness: everything ParseYamlStream gives
// for a text (documents, trees with their locations, diagnostics) in one
// printable form, so that two ways of reading it can be compared.
#ifndef JIXIAO_YAML_YAML_DOC_TESTING_H_
#define JIXIAO_YAML_YAML_DOC_TESTING_H_

#include <regex>
#include <string>

#include "base/diagnostic.h"
#include "yaml/yaml_doc.h"

namespace jixiao::testing {

inline void DumpNode(const YamlNode* n, int line_shift, size_t offset_shift, std::string* out) {
  if (n == nullptr) {
    *out += "(none)";
    return;
  }
  *out += std::to_string(static_cast<int>(n->kind)) + "@" + std::to_string(n->line - line_shift) +
          ":" + std::to_string(n->offset - offset_shift) + ":" + std::to_string(n->weight);
  if (n->is_scalar()) *out += (n->plain ? "'" : "\"") + n->value;
  for (const YamlNode* item : n->items) {
    *out += " [";
    DumpNode(item, line_shift, offset_shift, out);
    *out += "]";
  }
  for (const auto& [k, v] : n->entries) {
    *out += " {";
    DumpNode(k, line_shift, offset_shift, out);
    *out += ": ";
    DumpNode(v, line_shift, offset_shift, out);
    *out += "}";
  }
}

// Every document and diagnostic of ParseYamlStream on `text`, in the order
// the caller sees them (the diagnostics found before each document, then
// it), with lines and offsets counted `line_shift` lines and `offset_shift`
// bytes earlier.
inline std::string DumpYaml(const std::string& text, const YamlLimits& limits, int line_shift,
                            size_t offset_shift) {
  std::string out;
  Source src{"t.yaml", text};
  Diagnostics d;
  size_t shown = 0;
  auto show_diagnostics = [&] {
    for (; shown < d.size(); ++shown) {
      Diagnostic diag = d.all()[shown];
      std::string message = diag.message;
      if (line_shift != 0) {  // "first given on line N", "第 N 行已经写过"
        std::smatch m;
        if (std::regex_search(message, m, std::regex("(line |第 )([0-9]+)"))) {
          message = m.prefix().str() + m[1].str() +
                    std::to_string(std::stoi(m[2]) - line_shift) + m.suffix().str();
        }
      }
      out += std::to_string(diag.loc.line - line_shift) + ":" + std::to_string(diag.loc.column) +
             " " + message + "\n";
    }
  };
  ParseYamlStream(src, limits, &d, [&](const YamlDocument& doc) {
    show_diagnostics();
    out += "doc " + std::to_string(doc.index()) + "@" + std::to_string(doc.line() - line_shift) +
           ":" + std::to_string(doc.offset() - offset_shift) + (doc.has_errors() ? " !" : "") +
           " ";
    DumpNode(doc.root(), line_shift, offset_shift, &out);
    out += "\n";
  });
  show_diagnostics();
  return out;
}

}  // namespace jixiao::testing

#endif  // JIXIAO_YAML_YAML_DOC_TESTING_H_
