#include "yaml/yaml_fast.h"

#include <doctest/doctest.h>

#include <string>

#include "yaml/yaml_fast_testing.h"

namespace jixiao {

namespace {

// How far FastYamlReader reads `text`: the documents it read, and whether it
// then declined; fails the test when the events differ from yaml-cpp's.
struct Reading {
  size_t documents = 0;
  bool declined = false;
};

Reading Read(const std::string& text) {
  Reading r;
  r.documents = testing::FastEvents(text, &r.declined).size();
  CHECK_MESSAGE(testing::CompareWithYamlCpp(text) == "", text);
  return r;
}

// True when the reader reads all of `text` itself, as yaml-cpp does.
bool ReadsAll(const std::string& text) { return !Read(text).declined; }

// True when the reader leaves the first document to yaml-cpp.
bool Declines(const std::string& text) {
  Reading r = Read(text);
  return r.declined && r.documents == 0;
}

}  // namespace

TEST_CASE("the fast reader reads block maps and lists as yaml-cpp does") {
  CHECK(ReadsAll("a: 1\nb: 二\n"));
  CHECK(ReadsAll("a:\n  b: 1\n  c:\n    d: x\ne: 2\n"));
  CHECK(ReadsAll("- a\n- b\n-\n- c\n"));
  CHECK(ReadsAll("items:\n  - 1\n  - 2\nnext: 3\n"));
  CHECK(ReadsAll("items:\n- 1\n- 2\nnext: 3\n"));  // an indentless list
  CHECK(ReadsAll("- a: 1\n  b: 2\n- c: 3\n"));     // compact maps in a list
  CHECK(ReadsAll("-   a: 1\n    b:\n      - x\n"));
  CHECK(ReadsAll("- a:\n  - x\n  - y\n  b: 1\n"));
  CHECK(ReadsAll("-\n  a: 1\n-\n  - x\n"));
  CHECK(ReadsAll("key:\n  value on its own line\nnext: 1\n"));
  CHECK(ReadsAll("  a: 1\n  b: 2\n"));  // an indented root
  CHECK(ReadsAll("plain text\n"));
  CHECK(ReadsAll("url: http://x.y:8080/z\nratio: a:b\n"));
  CHECK(ReadsAll("a : 1\n"));
  CHECK(ReadsAll("-5: x\nk: -5\n"));
}

TEST_CASE("the fast reader places empty values where yaml-cpp does") {
  CHECK(ReadsAll("a:\nb:\n"));
  CHECK(ReadsAll("a:"));
  CHECK(ReadsAll("a:   "));
  CHECK(ReadsAll("a: # c"));
  CHECK(ReadsAll("a:\n# c\n"));
  CHECK(ReadsAll("a:\n\n\n"));
  CHECK(ReadsAll("x: 1\na:\n  # c\n  "));
  CHECK(ReadsAll("a:\n  b:\nc: 1\n"));
  CHECK(ReadsAll("- \n- x\n-"));
  CHECK(ReadsAll("a:\n---\nb: 1\n"));
  CHECK(ReadsAll("a: ~\nb: null\nc: Null\nd: NULL\ne: nULL\nf: '~'\ng: null # c\n"));
  CHECK(ReadsAll("- ~\n- null \n- Null\n"));
  CHECK(ReadsAll("~: 1\nnull:\n"));
  CHECK(ReadsAll("~\n"));
}

TEST_CASE("the fast reader reads comments, quotes and documents as yaml-cpp does") {
  CHECK(ReadsAll("# head\n\n  # indented\na: 1 # tail\nb: x#y\n"));
  CHECK(ReadsAll("a: 'one two'\nb: \"三 四\"\n'c': 1\n\"d\" : 2\n"));
  CHECK(ReadsAll("a: ''\nb: \"\"\nc: '#x'\n"));
  CHECK(ReadsAll("---\na: 1\n---\n# x\n\n b: \"q\"\n---\n- 's'\n"));
  CHECK(ReadsAll("# only a comment\n"));
  CHECK(ReadsAll(""));
  CHECK(ReadsAll("--- # a comment\na: 1\n"));
  CHECK(ReadsAll("---a: 1\n...b: 2\n"));  // not markers
}

TEST_CASE("the fast reader reads one-line flow collections as yaml-cpp does") {
  CHECK(ReadsAll("budget: {total: 10, fiscal: 8}\n"));
  CHECK(ReadsAll("indicators:\n  - {level1: 产出指标, name: '甲', target: ≥90%}\n  - {a: x}\n"));
  CHECK(ReadsAll("a: [1, 'two', \"三\", [4, {b: c}], {}]\nb: []\nc: {}\n"));
  CHECK(ReadsAll("a: { b : 1 ,c: x:y, d: a#b } # comment\n"));
  CHECK(ReadsAll("- [a, b]\n- {k: v}\n"));
  CHECK(ReadsAll("[a, b]\n"));
  CHECK(ReadsAll("{a: 1}\n"));
  CHECK(ReadsAll("a:\n  {b: 1}\nc: [~, null, -5]\n"));
  CHECK(ReadsAll("a: {'b': 1, \"c\" : 2}\n"));
  // A line of a jsonl report.
  CHECK(ReadsAll("{\"id\":\"TJ-1\",\"year\":2024,\"rate\":0.7667,\"ok\":true,\"note\":null,"
                 "\"budget\":{\"total\":6,\"spent\":4.6},\"tags\":[\"a\",\"b\"],\"e\":[]}\n"));
}

TEST_CASE("the fast reader reads CRLF line ends as yaml-cpp does") {
  CHECK(ReadsAll("a: 1\r\nb: 2 \r\n"));
  CHECK(ReadsAll("# c\r\n\r\n  \r\na: 'x' # y\r\nb:\r\n  - x\r\n  -\r\n  - k: v\r\nc:\r\n"));
  CHECK(ReadsAll("---\r\na: 1\r\n--- # c\r\n- x\r\n-\r\n"));
  CHECK(ReadsAll("a:\r\n- x\r\nb: ~\r\nc: 'q'\r\n"));
}

TEST_CASE("the fast reader declines what it does not read, leaving it to yaml-cpp") {
  for (const char* text :
       {"a: [1,\n  2]\n", "a: {b: 1\n  }\n", "a: {b: }\n", "a: {b}\n", "a: [1, 2,]\n",
        "a: [b: 1]\n", "a: {\"b\" :1}\n", "a: [b # c\n]\n", "a: [b?c]\n", "a: [b{c]\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: |\n  x\n",
        "a: >\n  x\n", "? a\n: b\n", "a: 'it''s'\n", "a: \"\\n\"\n", "a: one\n  two\n",
        "a: 'x\n  y'\n", "%YAML 1.2\n---\na: 1\n", "a: 1\n...\n", "- - x\n", "a:\tb\n",
        "a: 1\rb: 2\n", "a: b: c\n", "a: - x\n", "a: 1\n  b: 2\n", "- a\nb: 1\n",
        "a: 1\n- b\n", "a\nb\n", "a: 'x' y\n", "a: 'x'#c\n", "@a: 1\n", "a: `x`\n",
        "a: \xC2\x85x\n", "a: x\xEF\xBB\xBFy\n", "---\n", "--- x\n", "a: ,\n", "? \n", ",\n"}) {
    CAPTURE(text);
    CHECK(Declines(text));
  }
}

TEST_CASE("the fast reader hands over at the document it declines") {
  std::string text = "a: 1\n---\nb: &x 2\n---\nc: 3\n";
  bool declined = false;
  CHECK(testing::FastEvents(text, &declined).size() == 1);
  CHECK(declined);
  CHECK(testing::CompareWithYamlCpp(text) == "");
  FastYamlReader reader(text);
  std::vector<FastYamlEvent> events;
  size_t pos = 0;
  int line = 0;
  CHECK(reader.Next(&events, &pos, &line) == FastYamlReader::Result::kDocument);
  CHECK(reader.Next(&events, &pos, &line) == FastYamlReader::Result::kDecline);
  CHECK(reader.resume_pos() == 5);  // the "---" before b
  CHECK(reader.resume_line() == 1);
  CHECK(reader.Next(&events, &pos, &line) == FastYamlReader::Result::kDecline);
}

TEST_CASE("the fast reader declines a document of more nodes than its limit") {
  std::vector<FastYamlEvent> events;
  size_t pos = 0;
  int line = 0;
  FastYamlReader four("- a\n- b\n-\n---\n[x, y, z]\n---\n[x, {y: z}]\n", 4);
  CHECK(four.Next(&events, &pos, &line) == FastYamlReader::Result::kDocument);  // 4 nodes
  CHECK(events.size() == 5);
  CHECK(four.Next(&events, &pos, &line) == FastYamlReader::Result::kDocument);  // counted anew
  CHECK(events.size() == 5);
  CHECK(four.Next(&events, &pos, &line) == FastYamlReader::Result::kDecline);  // 5 nodes
  FastYamlReader three("- a\n- b\n-\n", 3);
  CHECK(three.Next(&events, &pos, &line) == FastYamlReader::Result::kDecline);
  CHECK(three.resume_pos() == 0);
}

TEST_CASE("DocumentEnd finds the next '---' line, and gives up at '...' or a directive") {
  std::string_view text = "a: 1\n---\nb: |\n  ---x\n--- # c\nc: 3\n";
  CHECK(FastYamlReader::DocumentEnd(text, 0) == 5);
  CHECK(FastYamlReader::DocumentEnd(text, 5) == 21);  // "  ---x" is not a marker
  CHECK(FastYamlReader::DocumentEnd(text, 21) == text.size());
  CHECK(FastYamlReader::DocumentEnd("---\n---x\n ---\n---", 0) == 14);
  CHECK(FastYamlReader::DocumentEnd("a: 1\n...\n---\nb: 2\n", 0) == std::string_view::npos);
  CHECK(FastYamlReader::DocumentEnd("a: 1\n%YAML 1.2\n---\n", 0) == std::string_view::npos);
  // Comments before the first document's own "---".
  CHECK(FastYamlReader::DocumentEnd("# c\n\n  # d\n--- ~\n--- x\n", 0) == 17);
  CHECK(FastYamlReader::DocumentEnd("# c\n---\n", 0) == 8);
}

TEST_CASE("the fast reader goes on after a document yaml-cpp read") {
  std::string text = "a: &x 1\n---\nb: 2\n";
  FastYamlReader reader(text);
  std::vector<FastYamlEvent> events;
  size_t pos = 0;
  int line = 0;
  CHECK(reader.Next(&events, &pos, &line) == FastYamlReader::Result::kDecline);
  reader.ResumeAt(8, 1);
  REQUIRE(reader.Next(&events, &pos, &line) == FastYamlReader::Result::kDocument);
  CHECK(pos == 8);
  CHECK(line == 1);
  REQUIRE(events.size() == 4);
  CHECK(events[1].value == "b");
  CHECK(events[1].line == 2);
  CHECK(reader.Next(&events, &pos, &line) == FastYamlReader::Result::kEnd);
}

TEST_CASE("the fast reader leaves deep nesting to yaml-cpp") {
  std::string deep;
  for (int i = 0; i < 150; ++i) deep += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  CHECK(Declines(deep));
  std::string shallow;
  for (int i = 0; i < 50; ++i) shallow += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  CHECK(ReadsAll(shallow));
}

// yaml-cpp takes a scalar as a map key only when its ':' is at most 1024
// bytes after the key's first byte (its quote, if quoted); a longer key is
// a syntax error. Each form of key, at and around that boundary.
TEST_CASE("the fast reader reads keys up to yaml-cpp's 1024 bytes and declines longer ones") {
  struct Form {
    const char* before;  // up to the key
    const char* open;    // the key's quote, if any
    const char* close;   // its closing quote and what comes before ':'
    const char* after;   // from ':' on
    size_t start;        // where the key starts in the text
  };
  const Form forms[] = {
      {"", "", "", ": v\n", 0},                 // a plain key
      {"", "", "  ", ": v\n", 0},               // blanks before ':' count
      {"", "'", "'", ": v\n", 0},               // quotes count
      {"", "\"", "\"", ": v\n", 0},
      {"", "\"", "\" ", ": v\n", 0},
      {"top:\n  ", "", "", ": v\n", 7},       // a nested key: the distance is what counts
      {"- ", "", "", ": v\n", 2},               // a key in a list item
      {"x: 1\n", "", "", ":\n  - a\n", 5},    // a second key, its value on the next lines
      {"{", "", "", ": v}\n", 1},               // a flow map
      {"a: {b: 1, ", "", "", ": v}\n", 10},
      {"{", "\"", "\"", ":1}\n", 1},           // JSON: ':' right after the quote
      {"{", "'", "' ", ": 1}\n", 1},
  };
  for (const Form& f : forms) {
    const size_t quotes = std::string(f.open).size() + std::string(f.close).size();
    for (size_t length = 1016; length <= 1030; ++length) {
      // The distance from the key's start to its ':' is `length`.
      if (length < quotes) continue;
      std::string text = std::string(f.before) + f.open + std::string(length - quotes, 'k') +
                         f.close + f.after;
      CAPTURE(text.substr(0, 12));
      CAPTURE(length);
      REQUIRE(text.find(':', f.start) == f.start + length);
      if (length <= 1024) {
        CHECK(ReadsAll(text));
      } else {
        CHECK(Declines(text));
      }
    }
  }
  // Bytes, not characters: 341 CJK characters are 1023 bytes, 342 are 1026.
  std::string name;
  for (int i = 0; i < 341; ++i) name += "指";
  CHECK(ReadsAll(name + ": 4台\n"));
  CHECK(Declines(name + "标: 4台\n"));
  // An actuals file whose indicator is named so: declined at that document.
  std::string actuals = "projects:\n  - id: A\n    indicators:\n      " + name + "标: 4台\n";
  CHECK(Declines(actuals));
  // A long value is no key: read, whatever its length.
  CHECK(ReadsAll("a: " + std::string(1025, 'v') + "\n"));
  CHECK(ReadsAll("a: {b: " + std::string(5000, 'v') + "}\n"));
  CHECK(ReadsAll("- " + std::string(1025, 'v') + "\n"));
  CHECK(ReadsAll("a: '" + std::string(1025, 'v') + "'\n"));
}

// Sizes around every limit of either reader: nesting (the fast reader's 100
// levels; yaml-cpp's 500 is beyond it), long lines and scalars, many
// entries. Each is read as yaml-cpp reads it, or declined.
TEST_CASE("the fast reader agrees with yaml-cpp at and around every size limit") {
  for (int depth : {99, 100, 101}) {
    CAPTURE(depth);
    // `depth` levels of block maps, of lists, of flow maps and of flow
    // lists (the root map counts as a level).
    std::string block, list;
    for (int i = 0; i < depth; ++i) {
      block += std::string(static_cast<size_t>(i), ' ') + "k:\n";
      list += std::string(static_cast<size_t>(2 * i), ' ') + "-\n";
    }
    list += std::string(static_cast<size_t>(2 * depth), ' ') + "x\n";
    std::string m = "a: ";
    for (int i = 1; i < depth; ++i) m += "{b: ";
    m += "x" + std::string(static_cast<size_t>(depth - 1), '}') + "\n";
    std::string flow_seq = "a: " + std::string(static_cast<size_t>(depth - 1), '[') + "x" +
               std::string(static_cast<size_t>(depth - 1), ']') + "\n";
    if (depth <= 100) {
      CHECK(ReadsAll(block));
      CHECK(ReadsAll(m));
      CHECK(ReadsAll(flow_seq));
    } else {
      CHECK(Declines(block));
      CHECK(Declines(m));
      CHECK(Declines(flow_seq));
    }
    Read(list);  // the same events or declined
  }
  // yaml-cpp's own depth guard (500) and deeper: declined, never compared.
  CHECK(Declines("a: " + std::string(600, '[') + std::string(600, ']') + "\n"));
  // Long lines and scalars: no limit in either reader.
  for (size_t n : {4095u, 4096u, 4097u, 65535u, 65536u, 65537u, 1u << 20}) {
    CAPTURE(n);
    CHECK(ReadsAll("a: " + std::string(n, 'x') + "\nb: 1\n"));
    CHECK(ReadsAll("- \"" + std::string(n, 'x') + "\"\n"));
  }
  // Many entries in one map, one list, one line.
  std::string map, seq, line = "a: [";
  for (int i = 0; i < 5000; ++i) {
    map += "k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
    seq += "- " + std::to_string(i) + "\n";
    line += (i ? ", " : "") + std::to_string(i);
  }
  CHECK(ReadsAll(map));
  CHECK(ReadsAll(seq));
  CHECK(ReadsAll(line + "]\n"));
}

}  // namespace jixiao
