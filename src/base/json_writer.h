// A small streaming JSON writer for reports.
#ifndef JIXIAO_BASE_JSON_WRITER_H_
#define JIXIAO_BASE_JSON_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

// Appends `s` to `out` as a JSON string literal (quoted, escaped). Invalid
// UTF-8 bytes are replaced by U+FFFD so the output is always valid JSON.
// Control characters (C0, DEL, C1), U+2028 and U+2029 are written as \uXXXX
// escapes: kept, yet never raw on a terminal.
void AppendJsonString(std::string_view s, std::string* out);

// Writes JSON into a string. Keys and values are written in call order;
// commas and indentation are the writer's. With indent 0 the output is one
// line (JSONL); otherwise nested values are indented by `indent` spaces.
class JsonWriter {
 public:
  explicit JsonWriter(std::string* out, int indent = 2) : out_(out), indent_(indent) {}

  // A writer for one value that another writer (of the same indent) will
  // take with Raw at nesting depth `depth`: it writes the value as that
  // writer would, without the comma and line break before it. So a value can
  // be formatted on another thread, ahead of the values before it.
  static JsonWriter Nested(std::string* out, int indent, size_t depth);
  // Writes a value made by Nested(…, depth()) where a value goes.
  JsonWriter& Raw(std::string_view value);
  // The number of containers open.
  size_t depth() const { return has_element_.size(); }

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  // A number already formatted as JSON ("9.77", "100", "-1").
  JsonWriter& Number(std::string_view formatted);
  JsonWriter& Int(long long value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();

 private:
  void BeforeValue();
  void NewLine();
  void Close(char bracket);
  std::string* out_;
  int indent_;
  // Per open container: whether it already has an element.
  std::vector<bool> has_element_;
  bool after_key_ = false;
};

}  // namespace jixiao

#endif  // JIXIAO_BASE_JSON_WRITER_H_
