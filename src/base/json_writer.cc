#include "base/json_writer.h"

#include <fmt/format.h>

#include "base/text.h"

namespace jixiao {

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (size_t pos = 0; pos < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c >= 0x80) {
      size_t start = pos;
      char32_t cp = DecodeUtf8(s, &pos);
      if (cp == 0xFFFD && pos == start + 1) {
        out->append("\\ufffd");
      } else if (cp == 0x2028 || cp == 0x2029 || (cp >= 0x80 && cp <= 0x9F)) {
        out->append(fmt::format("\\u{:04x}", static_cast<unsigned>(cp)));
      } else {
        out->append(s.substr(start, pos - start));
      }
      continue;
    }
    ++pos;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out->append(fmt::format("\\u{:04x}", c));
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

void JsonWriter::NewLine() {
  if (indent_ == 0) return;
  out_->push_back('\n');
  out_->append(has_element_.size() * indent_, ' ');
}

JsonWriter JsonWriter::Nested(std::string* out, int indent, size_t depth) {
  JsonWriter w(out, indent);
  w.has_element_.assign(depth, true);  // so its lines are indented as the outer writer's
  w.after_key_ = true;                 // and its value has no comma or line break before it
  return w;
}

JsonWriter& JsonWriter::Raw(std::string_view value) {
  BeforeValue();
  out_->append(value);
  return *this;
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_element_.empty()) return;
  if (has_element_.back()) out_->push_back(',');
  has_element_.back() = true;
  NewLine();
}

JsonWriter& JsonWriter::BeginObject() {
  BeforeValue();
  out_->push_back('{');
  has_element_.push_back(false);
  return *this;
}

void JsonWriter::Close(char bracket) {
  bool had = has_element_.back();
  has_element_.pop_back();
  if (had) NewLine();
  out_->push_back(bracket);
}

JsonWriter& JsonWriter::EndObject() {
  Close('}');
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  BeforeValue();
  out_->push_back('[');
  has_element_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  Close(']');
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  BeforeValue();
  AppendJsonString(key, out_);
  out_->append(indent_ == 0 ? ":" : ": ");
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(value, out_);
  return *this;
}

JsonWriter& JsonWriter::Number(std::string_view formatted) {
  BeforeValue();
  out_->append(formatted);
  return *this;
}

JsonWriter& JsonWriter::Int(long long value) { return Number(std::to_string(value)); }

JsonWriter& JsonWriter::Bool(bool value) { return Number(value ? "true" : "false"); }

JsonWriter& JsonWriter::Null() { return Number("null"); }

}  // namespace jixiao
