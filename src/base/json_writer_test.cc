#include "base/json_writer.h"

#include <functional>

#include <doctest/doctest.h>

#include <string>

#include "base/text.h"

namespace jixiao {

namespace {

std::string Quoted(std::string_view s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

// A report-like value written with `indent`.
std::string Sample(int indent) {
  std::string out;
  JsonWriter w(&out, indent);
  w.BeginObject()
      .Key("tool").String("jixiao")
      .Key("score").Number("9.77")
      .Key("count").Int(-3)
      .Key("items").BeginArray()
          .String("a")
          .Bool(true)
          .Null()
          .BeginObject().Key("k").Bool(false).EndObject()
      .EndArray()
      .Key("empty_map").BeginObject().EndObject()
      .Key("empty_list").BeginArray().EndArray()
      .EndObject();
  return out;
}

}  // namespace

TEST_CASE("AppendJsonString quotes and escapes what JSON requires") {
  CHECK(Quoted("") == R"("")");
  CHECK(Quoted("数量 ≥90%") == "\"数量 ≥90%\"");  // UTF-8 as it is
  CHECK(Quoted("a\"b\\c/d") == R"("a\"b\\c/d")");
  CHECK(Quoted("\n\r\t\b\f") == R"("\n\r\t\b\f")");
  CHECK(Quoted(std::string("\x01\x1f\x7f", 3)) == R"("\u0001\u001f\u007f")");
  CHECK(Quoted(std::string("a\0b", 3)) == R"("a\u0000b")");
  // U+2028 and U+2029 end lines in JavaScript: escaped so the report can be
  // embedded in a script.
  CHECK(Quoted("a\u2028b\u2029") == R"("a\u2028b\u2029")");
  // Appends: what `out` held stays.
  std::string out = "[";
  AppendJsonString("x", &out);
  CHECK(out == "[\"x\"");
}

TEST_CASE("AppendJsonString escapes C1 controls, keeping them") {
  std::string out;
  AppendJsonString("a\u0085b\u009B31m\u00A0", &out);
  CHECK(out == "\"a\\u0085b\\u009b31m\u00A0\"");
}

TEST_CASE("AppendJsonString replaces each invalid UTF-8 byte by U+FFFD") {
  CHECK(Quoted("ab\xff") == R"("ab\ufffd")");
  CHECK(Quoted("\xe4\xb8") == R"("\ufffd\ufffd")");      // a cut character
  CHECK(Quoted("\xc0\xaf") == R"("\ufffd\ufffd")");      // an overlong '/'
  CHECK(Quoted("\xed\xa0\x80") == R"("\ufffd\ufffd\ufffd")");  // a surrogate
  CHECK(Quoted("x\xe4\xb8\xad\xff") == "\"x中\\ufffd\"");
  // A U+FFFD written in the text is kept as it is.
  CHECK(Quoted("\uFFFD") == "\"\uFFFD\"");
  for (const char* s : {"\xff\xfe", "a\xe4", "\xf4\x90\x80\x80"}) {
    CAPTURE(s);
    CHECK(FindInvalidUtf8(Quoted(s)) == std::string::npos);
  }
}

TEST_CASE("JsonWriter indents nested values by `indent` spaces, commas between elements") {
  CHECK(Sample(2) ==
        "{\n"
        "  \"tool\": \"jixiao\",\n"
        "  \"score\": 9.77,\n"
        "  \"count\": -3,\n"
        "  \"items\": [\n"
        "    \"a\",\n"
        "    true,\n"
        "    null,\n"
        "    {\n"
        "      \"k\": false\n"
        "    }\n"
        "  ],\n"
        "  \"empty_map\": {},\n"
        "  \"empty_list\": []\n"
        "}");
  std::string four = Sample(4);
  CHECK(four.find("\n    \"tool\": \"jixiao\",\n") != std::string::npos);
  CHECK(four.find("\n            \"k\": false\n        }\n    ],") != std::string::npos);
}

TEST_CASE("JsonWriter with indent 0 writes one line (JSONL)") {
  CHECK(Sample(0) ==
        R"({"tool":"jixiao","score":9.77,"count":-3,"items":["a",true,null,{"k":false}],)"
        R"("empty_map":{},"empty_list":[]})");
  // Values at the top level are not separated: the caller ends each line.
  std::string out;
  JsonWriter w(&out, 0);
  w.BeginObject().Key("id").Int(1).EndObject();
  out += "\n";
  w.BeginObject().Key("id").Int(2).EndObject();
  out += "\n";
  CHECK(out == "{\"id\":1}\n{\"id\":2}\n");
}

// Writes into `w` an array of two objects, the second with a nested array.
void TwoElements(JsonWriter& w, const std::function<void(JsonWriter&, int)>& element) {
  w.BeginObject().Key("projects").BeginArray();
  element(w, 1);
  element(w, 2);
  w.EndArray().EndObject();
}

void Element(JsonWriter& w, int n) {
  w.BeginObject().Key("id").Int(n).Key("list").BeginArray().Int(n).Int(n + 1).EndArray().EndObject();
}

TEST_CASE("JsonWriter::Nested formats a value that Raw writes as the outer writer would") {
  for (int indent : {0, 2, 4}) {
    CAPTURE(indent);
    std::string direct;
    JsonWriter d(&direct, indent);
    TwoElements(d, Element);
    std::string composed;
    JsonWriter c(&composed, indent);
    TwoElements(c, [&](JsonWriter& outer, int n) {
      std::string value;
      JsonWriter inner = JsonWriter::Nested(&value, indent, outer.depth());
      Element(inner, n);
      outer.Raw(value);
    });
    CHECK(composed == direct);
  }
  // At depth 2 with indent 2, the value's own lines are indented by 6 and 4.
  std::string value;
  JsonWriter inner = JsonWriter::Nested(&value, 2, 2);
  inner.BeginObject().Key("id").Int(1).EndObject();
  CHECK(value == "{\n      \"id\": 1\n    }");
}

TEST_CASE("JsonWriter escapes keys and strings, and writes numbers as given") {
  std::string out;
  JsonWriter w(&out, 0);
  w.BeginObject()
      .Key("名称\"").String("a\nb\xff")
      .Key("n").Number("100")
      .Key("big").Int(-9223372036854775807LL - 1)
      .EndObject();
  CHECK(out == R"({"名称\"":"a\nb\ufffd","n":100,"big":-9223372036854775808})");
}

}  // namespace jixiao
