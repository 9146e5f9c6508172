// A small YAML document model built from yaml-cpp's event API.
//
// yaml-cpp's own node trees cost about 40x their input, accept duplicate keys
// (first wins), hang in LoadAll on input such as ",", and report marks
// without code-point columns. This module parses one document at a time with
// YAML::Parser and a handler of its own, and gives each document to the
// caller as a compact tree in which every node knows where it came from.
// Duplicate keys, unsupported tags, over-long scalars, deep nesting and alias
// expansion beyond the limits are reported as located diagnostics.
#ifndef JIXIAO_YAML_YAML_DOC_H_
#define JIXIAO_YAML_YAML_DOC_H_

#include <cstddef>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostic.h"

namespace jixiao {

// Default of YamlLimits::max_indicators.
inline constexpr size_t kDefaultMaxIndicators = 1000;

// Limits that keep hostile input from exhausting time or memory. Every limit
// is checked before the work it guards; exceeding one is a located error
// that names the command-line option raising it (docs/robustness.md).
struct YamlLimits {
  // Largest input file accepted, in bytes.
  size_t max_file_bytes = 64u << 20;
  // Longest scalar accepted, in bytes.
  size_t max_scalar_bytes = 1u << 20;
  // Deepest nesting of maps and sequences accepted.
  int max_depth = 64;
  // Most nodes one document may hold, counting each alias as the size of
  // the node it refers to (defeats "billion laughs" alias bombs).
  size_t max_nodes = 1000000;
  // Most documents one file may hold.
  size_t max_documents = 1000000;
  // Most indicators one target project may hold (checked by the target
  // reader, not the YAML layer; real tables have a few dozen).
  size_t max_indicators = kDefaultMaxIndicators;
};

// One node of a document. Nodes are owned by their YamlDocument; an alias
// is a pointer to the node its anchor names, never a copy.
struct YamlNode {
  enum class Kind { kNull, kScalar, kSequence, kMap };
  // The YAML 1.2 core-schema type of a scalar.
  enum class Type { kNull, kBool, kInt, kFloat, kString };

  Kind kind = Kind::kNull;
  bool plain = true;        // a plain (unquoted, non-block) scalar
  std::string value;        // scalar text as parsed
  size_t offset = 0;        // byte offset in the source text
  int line = 0;             // 1-based line
  size_t weight = 1;        // nodes in its expansion (itself included)
  std::vector<const YamlNode*> items;  // kSequence
  std::vector<std::pair<const YamlNode*, const YamlNode*>> entries;  // kMap, in order

  bool is_null() const { return kind == Kind::kNull; }
  bool is_scalar() const { return kind == Kind::kScalar; }
  bool is_map() const { return kind == Kind::kMap; }
  bool is_sequence() const { return kind == Kind::kSequence; }

  // The core-schema type: quoted scalars are strings; plain ones resolve as
  // YAML 1.2 says ("010" is the int ten, "yes" and "2024-11-20" strings,
  // ".nan" and ".inf" floats).
  Type type() const;
  // The value of key `key` in a map, or nullptr.
  const YamlNode* Find(std::string_view key) const;
};

// One document of a stream. Nodes live as long as the document.
class YamlDocument {
 public:
  YamlDocument() = default;
  YamlDocument(const YamlDocument&) = delete;
  YamlDocument& operator=(const YamlDocument&) = delete;

  const YamlNode* root() const { return root_; }
  size_t index() const { return index_; }  // 0-based position in its file
  size_t offset() const { return offset_; }  // where the document starts
  int line() const { return line_; }
  // True when parsing the document reported an error (e.g. a duplicate key);
  // the tree is complete but must not be trusted as valid input.
  bool has_errors() const { return has_errors_; }

 private:
  friend class DocumentBuilder;
  std::deque<YamlNode> nodes_;
  const YamlNode* root_ = nullptr;
  size_t index_ = 0;
  size_t offset_ = 0;
  int line_ = 1;
  bool has_errors_ = false;
};

// Parses every document of `src` (valid UTF-8: see CheckInputText) in order
// and calls `on_document` for each complete one. Problems go to `diags` with
// their location. A syntax error loses its document: reading goes on at the
// next "---" line after it (or the one it is at), unless a "..." or a
// directive line comes first; the documents after keep their index. An
// exceeded limit ends the file there. Returns the number of documents
// delivered.
size_t ParseYamlStream(const Source& src, const YamlLimits& limits, Diagnostics* diags,
                       const std::function<void(const YamlDocument&)>& on_document);

// Checks the raw bytes of an input file before any parsing: size limit,
// valid UTF-8, no NUL or other control characters but tab, CR and LF.
// Reports the first problem located and returns false.
bool CheckInputText(const Source& src, size_t max_bytes, Diagnostics* diags);

// What a file given as text is when it is an Office file (an Excel workbook
// or a Word document, of either format) or a ZIP archive, said for the
// whole file with what to do (JX0137); nothing when it is not one.
std::optional<Message> OfficeFileMessage(std::string_view text);

// The text of a file with its leading UTF-8 BOM removed.
std::string_view StripBom(std::string_view text);

}  // namespace jixiao

#endif  // JIXIAO_YAML_YAML_DOC_H_
