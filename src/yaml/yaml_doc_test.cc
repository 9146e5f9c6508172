#include "yaml/yaml_doc.h"

#include <doctest/doctest.h>

#include <string>

#include "base/lang.h"
#include "base/text.h"
#include "yaml/yaml_doc_testing.h"

namespace jixiao {

namespace {

struct Parsed {
  Diagnostics diags;
  std::vector<std::string> roots;  // a summary of each document's root
  size_t delivered = 0;
};

Parsed Parse(const std::string& text, YamlLimits limits = {}) {
  Parsed p;
  Source src{"t.yaml", text};
  p.delivered = ParseYamlStream(src, limits, &p.diags, [&](const YamlDocument& doc) {
    const YamlNode* r = doc.root();
    if (r == nullptr || r->is_null()) {
      p.roots.push_back("null");
    } else if (r->is_scalar()) {
      p.roots.push_back("scalar:" + r->value);
    } else if (r->is_map()) {
      p.roots.push_back("map:" + std::to_string(r->entries.size()));
    } else {
      p.roots.push_back("seq:" + std::to_string(r->items.size()));
    }
  });
  return p;
}

YamlNode::Type TypeOf(const std::string& yaml_value) {
  YamlNode::Type t = YamlNode::Type::kNull;
  Source src{"t.yaml", "v: " + yaml_value + "\n"};
  Diagnostics d;
  ParseYamlStream(src, {}, &d, [&](const YamlDocument& doc) { t = doc.root()->Find("v")->type(); });
  return t;
}

}  // namespace

TEST_CASE("documents are delivered in order with their trees") {
  Parsed p = Parse("a: 1\nb: [1, 2]\n---\n- x\n- y\n- z\n--- plain\n");
  CHECK(p.diags.empty());
  REQUIRE(p.roots.size() == 3);
  CHECK(p.roots[0] == "map:2");
  CHECK(p.roots[1] == "seq:3");
  CHECK(p.roots[2] == "scalar:plain");
}

TEST_CASE("nodes carry 1-based lines and byte offsets") {
  Source src{"t.yaml", "a: 1\nname: 名字\n"};
  Diagnostics d;
  ParseYamlStream(src, {}, &d, [&](const YamlDocument& doc) {
    const YamlNode* v = doc.root()->Find("name");
    REQUIRE(v != nullptr);
    CHECK(v->line == 2);
    CHECK(v->offset == 11);
    CHECK(src.At(v->offset, v->line).column == 7);
  });
}

TEST_CASE("scalars resolve by the YAML 1.2 core schema") {
  CHECK(TypeOf("010") == YamlNode::Type::kInt);
  CHECK(TypeOf("0o17") == YamlNode::Type::kInt);
  CHECK(TypeOf("0x1F") == YamlNode::Type::kInt);
  CHECK(TypeOf("-5") == YamlNode::Type::kInt);
  CHECK(TypeOf("5.86") == YamlNode::Type::kFloat);
  CHECK(TypeOf("1e5") == YamlNode::Type::kFloat);
  CHECK(TypeOf(".nan") == YamlNode::Type::kFloat);
  CHECK(TypeOf("-.inf") == YamlNode::Type::kFloat);
  CHECK(TypeOf("true") == YamlNode::Type::kBool);
  CHECK(TypeOf("yes") == YamlNode::Type::kString);
  CHECK(TypeOf("no") == YamlNode::Type::kString);
  CHECK(TypeOf("2024-11-20") == YamlNode::Type::kString);
  CHECK(TypeOf("\"12\"") == YamlNode::Type::kString);
  CHECK(TypeOf("'010'") == YamlNode::Type::kString);
  CHECK(TypeOf("!!str 12") == YamlNode::Type::kString);
  CHECK(TypeOf("~") == YamlNode::Type::kNull);
  CHECK(TypeOf("null") == YamlNode::Type::kNull);
  CHECK(TypeOf("4台") == YamlNode::Type::kString);
  CHECK(TypeOf("1,200") == YamlNode::Type::kString);
}

TEST_CASE("a duplicate key is an error at the second key; the first value wins") {
  Source src{"t.yaml", "name: a\nyear: 2024\nname: b\n"};
  Diagnostics d;
  std::string value;
  bool has_errors = false;
  ParseYamlStream(src, {}, &d, [&](const YamlDocument& doc) {
    value = doc.root()->Find("name")->value;
    has_errors = doc.has_errors();
  });
  REQUIRE(d.error_count() == 1);
  CHECK(d.all()[0].loc.line == 3);
  CHECK(d.all()[0].loc.column == 1);
  CHECK(d.all()[0].message.find("duplicate key 'name' (first given on line 1)") != std::string::npos);
  CHECK(d.all()[0].code == 202);
  CHECK(value == "a");
  CHECK(has_errors);
}

TEST_CASE("duplicate keys are found in large maps too") {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "k" + std::to_string(i) + ": 1\n";
  text += "k7: 2\n";
  Parsed p = Parse(text);
  REQUIRE(p.diags.error_count() == 1);
  CHECK(p.diags.all()[0].loc.line == 41);
}

TEST_CASE("a stray ',' is an error, not an endless loop") {
  for (const char* text : {",", "--- 5\n--- ,\n", "a: 1\n---\n,\n", "]", "}"}) {
    CAPTURE(text);
    Parsed p = Parse(text);
    CHECK(p.diags.has_errors());
    CHECK(p.delivered < 5);
  }
}

TEST_CASE("a '{' or '[' left open is said where it opens, not where yaml-cpp gives up") {
  auto where = [](const std::string& text) {
    Parsed p = Parse(text);
    REQUIRE(p.diags.size() >= 1);
    const Diagnostic& d = p.diags.all()[0];
    CHECK(d.code == 117);
    return std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column);
  };
  // yaml-cpp stops at the next line (2:1, 4:11): the bracket is on the line above.
  CHECK(where("project: [1, 2\n") == "1:10");
  CHECK(where("a: 1\nbudget: {total: 6\nindicators:\n  - x\n") == "2:9");
  // The nearest line that leaves one open; a bracket in quotes or in a
  // comment is none, nor is one closed on its line.
  CHECK(where("a: {b: 1}\nc: \"{\" # {\nd: {e: 1\n\nf: 2\n") == "3:4");
  // Stopped at the "---" that ends the document: in the document above,
  // and no further up than the "---" that starts it.
  CHECK(where("- a\n- {b: 1\n---\nc: 1\n") == "2:3");
  CHECK(where("x: {a: 1}\n---\nc: 1\nd: [e\n---\nf: 1\n") == "4:4");
  // Closed on its line, yet yaml-cpp stops inside it: there, as it says.
  CHECK(where("- {a: 4台: x}\n") == "1:9");
}

TEST_CASE("an alias bomb stops at the node limit") {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  std::string prev = "a";
  for (int i = 0; i < 9; ++i) {
    std::string name = "b" + std::to_string(i);
    text += name + ": &" + name + " [";
    for (int j = 0; j < 10; ++j) text += (j ? ", *" : "*") + prev;
    text += "]\n";
    prev = name;
  }
  Parsed p = Parse(text);
  REQUIRE(p.diags.error_count() == 1);
  CHECK(p.diags.all()[0].message.find("expands to more than") != std::string::npos);
  CHECK(p.diags.all()[0].code == 131);
  CHECK(p.diags.all()[0].loc.line >= 6);
}

TEST_CASE("small aliases are allowed and shared") {
  Parsed p = Parse("base: &b {x: 1}\nuse: *b\n");
  CHECK(p.diags.empty());
  CHECK(p.roots == std::vector<std::string>{"map:2"});
}

TEST_CASE("nesting beyond the limit is a located error") {
  std::string deep(100, '[');
  Parsed p = Parse(deep);
  REQUIRE(p.diags.error_count() == 1);
  CHECK(p.diags.all()[0].message.find("nesting deeper than 64 levels") != std::string::npos);
  CHECK(p.diags.all()[0].code == 132);
  CHECK(p.diags.all()[0].loc.line == 1);
  // Deeper than yaml-cpp's own guard (500) too.
  Parsed q = Parse(std::string(5000, '['));
  CHECK(q.diags.error_count() == 1);
  CHECK(q.diags.all()[0].code == 132);
}

TEST_CASE("an over-long scalar is an error") {
  YamlLimits limits;
  limits.max_scalar_bytes = 100;
  Parsed p = Parse("a: " + std::string(200, 'x') + "\n", limits);
  REQUIRE(p.diags.error_count() == 1);
  CHECK(p.diags.all()[0].message.find("longer than the limit of 100 bytes") != std::string::npos);
  CHECK(p.diags.all()[0].code == 130);
}

TEST_CASE("tags other than !!str are errors") {
  Parsed p = Parse("a: !!int 5\nb: !custom x\n");
  CHECK(p.diags.error_count() == 2);
  CHECK(p.diags.all()[0].code == 122);
}

TEST_CASE("syntax errors are located 1-based") {
  Parsed p = Parse("a: 1\nb: [1, 2\n");
  REQUIRE(p.diags.error_count() == 1);
  CHECK(p.diags.all()[0].message.find("YAML syntax error") == 0);
  CHECK(p.diags.all()[0].loc.line >= 2);
}


TEST_CASE("a syntax error loses its document only: reading goes on at the next ---") {
  struct Run {
    Diagnostics diags;
    std::vector<std::string> docs;  // "index@line" of each document delivered
  };
  auto run = [](const std::string& text) {
    Run r;
    Source src{"t.yaml", text};
    ParseYamlStream(src, {}, &r.diags, [&](const YamlDocument& doc) {
      r.docs.push_back(std::to_string(doc.index()) + "@" + std::to_string(doc.line()));
    });
    return r;
  };
  // Documents 0 and 2 have errors (lines 1 and 6); 1 and 3 are read and
  // keep their places in the file.
  Run r = run("a: 1: 2\nb: 3\n---\nc: 4\n---\nd: [5\n---\ne: 6\n");
  REQUIRE(r.diags.error_count() == 2);
  CHECK(r.diags.all()[0].loc.line == 1);
  // The '[' runs on to the "---" line, where yaml-cpp stops; said at itself.
  CHECK(r.diags.all()[1].loc.line == 6);
  CHECK(r.docs == std::vector<std::string>{"1@3", "3@7"});
  // A quote left open runs on to a "---" line: the error is there, and the
  // document it starts is read.
  r = run("a: \"x\n---\nb: 2\n");
  REQUIRE(r.diags.error_count() == 1);
  CHECK(r.diags.all()[0].loc.line == 2);
  CHECK(r.docs == std::vector<std::string>{"1@2"});
  // "---x" is no document marker; a "..." or a directive line ends the
  // reading (what follows may depend on it).
  r = run("---\na: 1: 2\n---x\nb: 2\n---\nc: 3\n");
  CHECK(r.diags.error_count() == 1);
  CHECK(r.docs == std::vector<std::string>{"1@5"});
  for (const char* text : {"a: 1: 2\n...\n---\nb: 2\n", "a: 1: 2\n%YAML 1.2\n---\nb: 2\n"}) {
    CAPTURE(text);
    r = run(text);
    CHECK(r.diags.error_count() == 1);
    CHECK(r.docs.empty());
  }
  // A bracket left open runs on across "---" in yaml-cpp, which fails in
  // the next document's lines: said at the "---" that ends its document,
  // and the next document is read from there.
  r = run("a: [1,\n  2\n---\nb: 2\nc:\n  - x\n---\nd: 4\n");
  REQUIRE(r.diags.error_count() == 1);
  CHECK(r.diags.all()[0].code == 117);
  CHECK(r.diags.all()[0].loc.line == 3);
  CHECK(r.docs == std::vector<std::string>{"1@3", "2@7"});
  // A quote left open that runs on to a "..." line: not read past it.
  r = run("a: \"x\n...\n---\nb: 2\n");
  CHECK(r.diags.error_count() == 1);
  CHECK(r.docs.empty());
  // Lost documents count towards the document limit: the third document
  // (line 4) is one too many after two lost.
  YamlLimits limit2;
  limit2.max_documents = 2;
  Diagnostics d3;
  Source lost{"t.yaml", "a: 1: 2\n---\nb: 1: 2\n---\nc: 1: 2\n---\nd: 1\n"};
  CHECK(ParseYamlStream(lost, limit2, &d3, [](const YamlDocument&) {}) == 0);
  REQUIRE(d3.error_count() == 3);
  CHECK(d3.all()[2].code == 133);
  CHECK(d3.all()[2].loc.line == 4);
  // A limit still ends the file; the document limit counts a lost document.
  YamlLimits two;
  two.max_documents = 2;
  Diagnostics d2;
  Source three{"t.yaml", "a: 1: 2\n---\nb: 1\n---\nc: 1\n"};
  CHECK(ParseYamlStream(three, two, &d2, [](const YamlDocument&) {}) == 1);
  REQUIRE(d2.error_count() == 2);
  CHECK(d2.all()[1].loc.line == 4);  // at the third document's "---"
  YamlLimits one;
  one.max_nodes = 3;
  Diagnostics d;
  Source src{"t.yaml", "a: [1, 2, 3]\n---\nb: 1\n"};
  CHECK(ParseYamlStream(src, one, &d, [](const YamlDocument&) {}) == 0);
  CHECK(d.error_count() == 1);
}

TEST_CASE("documents read by the fast reader and by yaml-cpp give the same trees and errors") {
  // A first line with a tab makes the fast reader decline the whole file,
  // so yaml-cpp reads it all: the results must be the same, a line later.
  YamlLimits small;
  small.max_depth = 3;
  small.max_documents = 2;
  small.max_scalar_bytes = 8;
  small.max_nodes = 40;
  for (const char* text : {
           "project: 项目\nid: X-1\nbudget:\n  total: 1.5\nindicators:\n- name: 甲\n  target: "
           "≥90%\n  weight:\n- name: 'b'\n  target: \"4台\"\n",
           "a: 1\na: 2\nb:\n  c: ~\n  c: null\n",
           "a: 1\n---\nb: [1, 2\n",
           "a: 1\n---\n- x\n---\nb: {c: 1, c: 2}\n---\nd: 4\n",
           "a: 1\n---\n,\n",
           "a: 1\n---\nb: 2\n---\nc: &a [3]\n",
           "a: 1\n---\nb: {c: 1, c: 2}\n---\nd: *x\n",
           "a: 1\n---\nb: 2\n---\nc: 3\n",
           "a:\n  b:\n    c:\n      d: 1\n",
           "a: 1\n---\nb: !!int 2\n",
           "k: 123456789\n---\nk: '123456789'\n",
           "a: 1\n---\nb:\n  c: x\n   d: y\n",
           "a: 1\n...\n",
           "a: 1\n---\nb: &x 2\nc: *x\nc: 3\n---\nd: 4\nd: 5\n---\ne: [6]\n",
           "a: 1\n---\nb: \"x\n---\nc: 3\n",
           "a: 1\n---\nb: 'x\n---\n' \n---\nc: 3\n",
           "a: 1\n---\nb: |+\n  x\n\n---\nc: 3\n",
           "a: 1\n---\nb: >-\n  x\n  y\n---\nc: 3\n",
           "---\n# only a comment\n---\na: 1\n---\n---\nb: 2\n",
           "a: 1\n---\nb: one\n  two\n---\nc: ,\n---\nd: 4\n",
           "a: 1\n---\n,\n---\nb: 2\n",
           "a: 1\n---\nb: [1,\n  2]\n--- c\n---\nd: 4\n",
           "- a\n---\n%YAML 1.2\n---\nb: 1\n",
           "# c\n--- ~\n--- just text\n---\na: 1\n---\nb: 2\n",
           // yaml-cpp starts documents without "---" after a root list.
           "- a: 1\nplain text\n# c\nproject: x\n---\nb: 2\n",
           "a: !!int 1\n---\nb: !!str 2\n---\nc: 3\n",
           "- a\n- b\n- c\n- d\n- e\n- f\n- g\n- h\n- i\n- j\n- k\n- l\n- m\n- n\n- o\n- p\n- q\n"
           "- r\n- s\n- t\n- u\n- v\n- w\n- x\n- y\n- z\n- A\n- B\n- C\n- D\n- E\n- F\n- G\n- H\n"
           "- I\n- J\n- K\n- L\n- M\n- N\n- O\n- P\n",
           "a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]\n"
           "b: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]\n",
           // At and around the limits of `small`: scalars of 8 and 9 bytes,
           // 3 and 4 levels, 2 and 3 documents.
           "a: 12345678\n---\nb: '12345678'\n",
           "a: 123456789\n",
           "a: \"123456789\"\n",
           "a:\n  b:\n    c: 1\n",
           "a:\n  b: [c]\n",
           "a: {b: {c: {d: 1}}}\n",
           "- 1\n---\n- 2\n",
           "- 1\n---\n- 2\n---\n- 3\n",
           // After a syntax error reading goes on at the next "---" line,
           // or the one the error is at; not past a "..." or a directive.
           "a: 1: 2\nb: 3\n---\nc: 4\n---\nd: [5\n---\ne: 6\n",
           "a: [1\n---\nb: 2\n---\nc: {\n---\nd: 4\n",
           "a: \"x\n---\nb: 2\n",
           "a: 1: 2\n...\n---\nb: 2\n",
           "a: 1: 2\n%YAML 1.2\n---\nb: 2\n",
           "---\na: 1: 2\n---x\nb: 2\n---\nc: 3\n",
           "a: 1\n...\n---\nb: 1: 2\n---\nc: 3\n",
           "a: [1,\n  2\n---\nb: 2\nc:\n  - x\n---\nd: 4\n",
           "--- [abc\n--- x\n---\nb: 1\n",
           "a: \"x\n...\n---\nb: 2\n",
           "a: 1: 2\n---\nb: 1: 2\n---\nc: 1: 2\n---\nd: 1\n",
       }) {
    for (const YamlLimits& limits : {YamlLimits{}, small}) {
      CAPTURE(text);
      CAPTURE(limits.max_depth);
      std::string fast = testing::DumpYaml(text, limits, 0, 0);
      std::string slow = testing::DumpYaml(std::string("#\t\n") + text, limits, 1, 3);
      CHECK(fast == slow);
    }
  }
}

TEST_CASE("an empty value stands on the line of its key, in both readers") {
  // yaml-cpp marks the empty value of `spent:` at the next token (`note`, a
  // line lower); the tree places it at its key, whichever reader read it.
  const std::string text = "spent:    # 全年执行数\nnote: x\nlast:\n";
  const std::string fast = testing::DumpYaml(text, {}, 0, 0);
  const std::string slow = testing::DumpYaml("#\t\n" + text, {}, 1, 3);
  CHECK(fast == slow);
  CHECK(fast == "doc 0@1:0 3@1:0:7 {1@1:0:1'spent: 0@1:0:1} {1@2:28:1'note: 1@2:34:1'x} "
                "{1@3:36:1'last: 0@3:36:1}\n");
  // A value on the key's own line, or in a flow map, keeps its own place.
  CHECK(testing::DumpYaml("a: ~\nb: {c: }\n", {}, 0, 0) ==
        "doc 0@1:0 3@1:0:7 {1@1:0:1'a: 0@1:3:1} {1@2:5:1'b: 3@2:8:3 {1@2:9:1'c: 0@2:12:1}}\n");
}

TEST_CASE("keys at and around yaml-cpp's 1024 bytes read the same by either reader") {
  // yaml-cpp refuses a map key whose ':' is more than 1024 bytes after its
  // start; the fast reader declines it, so either way it is that error.
  for (size_t length : {1023u, 1024u, 1025u, 1026u}) {
    std::string key(length, 'k');
    for (const std::string& text :
         {key + ": 1\n", "a:\n  " + key + ": 1\n", "- x: 1\n  " + key + ": 2\n",
          "a: {" + key + ": 1}\n", "'" + key.substr(2) + "': 1\n",
          "a: 1\n---\n" + key + ": 1\n---\nb: 2\n"}) {
      CAPTURE(length);
      CAPTURE(text.substr(0, 8));
      for (const YamlLimits& limits : {YamlLimits{}}) {
        std::string fast = testing::DumpYaml(text, limits, 0, 0);
        std::string slow = testing::DumpYaml(std::string("#\t\n") + text, limits, 1, 3);
        CHECK(fast == slow);
        CHECK((fast.find("YAML syntax error") != std::string::npos) == (length > 1024));
      }
    }
  }
}

TEST_CASE("a key longer than yaml-cpp takes is an error that says so, at the key") {
  std::string name;
  for (int i = 0; i < 342; ++i) name += "指";  // 1026 bytes
  Parsed p = Parse("projects:\n  - id: A\n    indicators:\n      " + name + ": 4台\n");
  REQUIRE(p.diags.error_count() == 1);
  const Diagnostic& d = p.diags.all()[0];
  CHECK(d.message == "YAML syntax error: a map key of 1026 bytes, longer than the 1024 bytes "
                     "YAML allows: shorten it (an indicator can be named by its id)");
  CHECK(d.code == 121);
  CHECK(d.loc.line == 4);
  CHECK(d.loc.column == 7);
  // Short keys keep the message of what is really wrong.
  Parsed q = Parse("a: 1\n b: 2\n");
  REQUIRE(q.diags.error_count() == 1);
  CHECK(q.diags.all()[0].message ==
        "'b' is indented by 1 space, but 'a' on line 1 by 0: the keys of one map must start in "
        "the same column");
}

TEST_CASE("CheckInputText names an Office file for what it is, for the whole file") {
  // A workbook and a document are ZIP files, told apart by their parts'
  // names; an old .xls/.doc by its signature. No line: its bytes are no text.
  const std::string zip = std::string("PK\x03\x04\x14\x00\x00\x00\x08\x00", 10);
  const struct {
    std::string text;
    const char* starts;
  } cases[] = {
      {zip + "[Content_Types].xml\xff\x01xl/workbook.xml", "this is an Excel workbook (.xlsx)"},
      {zip + "word/document.xml\xff", "this is a Word document (.docx)"},
      {zip + "a.txt\xff", "this is a ZIP archive"},
      {std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x01", 10),
       "this is an Office file of the old format"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.starts);
    Diagnostics d;
    CHECK_FALSE(CheckInputText({"f", c.text}, 1000, &d));
    REQUIRE(d.error_count() == 1);
    CHECK(d.all()[0].code == 137);
    CHECK(d.all()[0].loc.line == 0);
    CHECK(d.all()[0].message.rfind(c.starts, 0) == 0);
  }
  // Text that merely starts with "PK" is text.
  Diagnostics ok;
  CHECK(CheckInputText({"f", "PK: 1\n"}, 1000, &ok));
}

TEST_CASE("CheckInputText rejects invalid UTF-8, control characters and big files") {
  Diagnostics d;
  CHECK(CheckInputText({"f", "ok: 中文\n"}, 100, &d));
  CHECK(!CheckInputText({"f", "a: 1\nb: \xff\n"}, 100, &d));
  CHECK(d.all().back().loc.line == 2);
  CHECK(d.all().back().loc.column == 4);
  CHECK(!CheckInputText({"f", std::string("a\0b", 3)}, 100, &d));
  CHECK(!CheckInputText({"f", std::string(200, 'a')}, 100, &d));
  CHECK(d.error_count() == 3);
  // Invalid UTF-8 is the error even after a control character; an overlong
  // form, a surrogate and a cut character are invalid.
  Diagnostics e;
  CHECK(!CheckInputText({"f", "a\x01: 中\n\xC0\xAF\n"}, 100, &e));
  CHECK(e.all().back().message == "invalid UTF-8 (byte 0xC0): save the file as UTF-8");
  CHECK(e.all().back().code == 111);
  CHECK(e.all().back().loc.line == 2);
  CHECK(!CheckInputText({"f", "x: \xED\xA0\x80"}, 100, &e));
  CHECK(!CheckInputText({"f", "x: \xE4\xB8"}, 100, &e));
  CHECK(!CheckInputText({"f", "中\x7F"}, 100, &e));
  CHECK(e.all().back().message == "control character 0x7F in text: is this a binary file?");
  CHECK(e.all().back().code == 112);
  CHECK(e.all().back().loc.column == 2);
  CHECK(e.error_count() == 4);
  // Three-byte forms at every lead byte: E0 needs A0-BF after it, ED 80-9F;
  // the others take any continuation bytes, and a cut or broken one is invalid.
  Diagnostics f;
  CHECK(CheckInputText({"f", "\xE0\xA0\x80 \xEC\xBF\xBF \xED\x9F\xBF \xEE\x80\x80 \xEF\xBF\xBF"}, 100, &f));
  CHECK(!CheckInputText({"f", "\xE0\x9F\xBF"}, 100, &f));
  CHECK(!CheckInputText({"f", "\xE4\xB8\x41"}, 100, &f));
  CHECK(!CheckInputText({"f", "\xE4\x41\xB8"}, 100, &f));
  CHECK(!CheckInputText({"f", "\xEF\xBF"}, 100, &f));
  CHECK(!CheckInputText({"f", "中\xEF"}, 100, &f));
  CHECK(f.all().back().loc.column == 2);
  CHECK(f.error_count() == 5);
}

TEST_CASE("StripBom removes only a leading BOM") {
  CHECK(StripBom("\xEF\xBB\xBF" "a: 1") == "a: 1");
  CHECK(StripBom("a: 1") == "a: 1");
}

namespace {

// The one error of `d`; fails the test when there is not exactly one.
Diagnostic OnlyError(const Diagnostics& d) {
  REQUIRE(d.error_count() == 1);
  for (Diagnostic x : d.all())
    if (x.severity == Severity::kError) return x;
  return {};
}

}  // namespace

TEST_CASE("a lone CR is an error at the CR; CRLF line ends are read") {
  // yaml-cpp counts lines at LF only and reads a lone CR as text, so a
  // message's line, column and source line would come from different lines.
  Parsed p = Parse("project: 项目\nyear: 2024\rbudget: {total: 6}\n");
  const Diagnostic d = OnlyError(p.diags);
  CHECK(d.message ==
        "a carriage return (CR) without a line feed: save the file with LF or CRLF line endings");
  CHECK(d.code == 113);
  CHECK(d.loc.file == "t.yaml");
  CHECK(d.loc.line == 2);
  CHECK(d.loc.column == 11);
  CHECK(d.source_line == "year: 2024");
  CHECK(p.delivered == 0);
  Parsed crlf = Parse("project: 项目\r\nyear: 2024\r\nbudget: {total: 6}\r\n");
  CHECK(crlf.diags.empty());
  CHECK(crlf.roots == std::vector<std::string>{"map:3"});
}

TEST_CASE("CheckInputText locates a bad byte after lone CRs on its own line") {
  // A CSV file may end its lines with a lone CR: the line and column of a
  // problem count it as a line break, as the source line shown does.
  Source src{"a.csv", "a,b\rc,d\r\nx\xff,y\n"};
  Diagnostics d;
  CHECK_FALSE(CheckInputText(src, 1 << 20, &d));
  const Diagnostic e = OnlyError(d);
  CHECK(e.loc.line == 3);
  CHECK(e.loc.column == 2);
  CHECK(e.source_line == "x\xff,y");
  CHECK(e.source_line == std::string(LineOf(src.text, 3)));
}

TEST_CASE("an unknown escape is quoted whole, at its backslash") {
  // yaml-cpp's own message quoted one byte of 'é': invalid UTF-8 in the
  // message and the JSON report.
  Parsed p = Parse("project: \"项目\\é\"\n");
  const Diagnostic d = OnlyError(p.diags);
  CHECK(d.message == "YAML syntax error: unknown escape '\\é' in a double-quoted string: write "
                     "a backslash as '\\\\', or use single quotes");
  CHECK(d.code == 119);
  CHECK(d.loc.line == 1);
  CHECK(d.loc.column == 13);  // the backslash
  Parsed q = Parse("project: \"a\\qb\"\n");
  const Diagnostic e = OnlyError(q.diags);
  CHECK(e.message.find("unknown escape '\\q'") != std::string::npos);
  CHECK(e.loc.column == 12);
}

TEST_CASE("the escapes \\N and \\_ give valid UTF-8") {
  // yaml-cpp 0.7 writes \N (U+0085) and \_ (U+00A0) as the single bytes
  // 0x85 and 0xA0; every value is made valid UTF-8 again.
  Source src{"t.yaml", "k: \"a\\_b\\Nc\\x41\\u00e9\"\nunknown\\_key: 1\n\"x\\_y\": 2\n"};
  Diagnostics d;
  std::string value, key;
  ParseYamlStream(src, {}, &d, [&](const YamlDocument& doc) {
    value = doc.root()->Find("k")->value;
    key = doc.root()->entries.back().first->value;
  });
  CHECK(d.empty());
  CHECK(value == "a\u00a0b\u0085cA\u00e9");
  CHECK(key == "x\u00a0y");
}

TEST_CASE("a YAML syntax error inside a character points at the character") {
  // yaml-cpp counts bytes: after "\x" it stopped inside '个', which made the
  // column count bytes of the character as characters, past the line's end.
  Parsed p = Parse("a:\n  \"x \\x个\":\n    v: 1\n");
  const Diagnostic d = OnlyError(p.diags);
  CHECK(d.message == "YAML syntax error: a bad \\x, \\u or \\U escape in a double-quoted "
                     "string: write a backslash as '\\\\', or use single quotes");
  CHECK(d.code == 119);
  CHECK(d.loc.line == 2);
  CHECK(d.loc.column == 8);
  CHECK(d.source_line == "  \"x \\x个\":");
}

TEST_CASE("positions after leading byte order marks are counted from the file's start") {
  // ReadSource removes a file's BOM; yaml-cpp skips another one and counts
  // its positions after it, so every location would be 3 bytes early.
  const std::string bom = "\xEF\xBB\xBF";
  for (const std::string& lead : {std::string(), bom, bom + bom}) {
    CAPTURE(lead.size());
    Parsed p = Parse(lead + "a: b\nc: d: e\n");
    const Diagnostic d = OnlyError(p.diags);
    CHECK(d.code == 116);
    CHECK(d.loc.line == 2);
    CHECK(d.loc.column == 5);
    // An unclosed '[' is found in the text after the marks, where it opens.
    Parsed open = Parse(lead + "a: b\nc: [d, e\nf: g\n");
    const Diagnostic o = OnlyError(open.diags);
    CHECK(o.message.rfind("YAML syntax error: end of sequence flow not found (", 0) == 0);
    CHECK(o.loc.line == 2);
    CHECK(o.loc.column == 4);
    // A slip is found in the text after the marks too.
    Parsed slip = Parse(lead + "a: b\n  c: d\n");
    const Diagnostic s = OnlyError(slip.diags);
    CHECK(s.message == "'c' is indented by 2 spaces, but 'a' on line 1 by 0: the keys of one map "
                       "must start in the same column");
    CHECK(s.loc.line == 2);
    CHECK(s.loc.column == 3);
    size_t offset = 0;
    int line = 0;
    Source src{"t.yaml", lead + "a: 1\nbc: 2\n"};
    Diagnostics none;
    ParseYamlStream(src, {}, &none, [&](const YamlDocument& doc) {
      offset = doc.root()->entries[1].first->offset;
      line = doc.root()->entries[1].first->line;
    });
    CHECK(none.empty());
    CHECK(offset == lead.size() + 5);
    CHECK(line == 2);
  }
}

TEST_CASE("a file that is not UTF-8 says what it looks like") {
  Diagnostics d;
  // UTF-16, by its byte order mark (Excel's "Unicode text").
  CHECK_FALSE(CheckInputText({"f", std::string("\xFF\xFE" "a\0:\0", 6)}, 100, &d));
  CHECK(d.all().back().code == 111);
  CHECK(d.all().back().message.find("the file is UTF-16") == 0);
  // GB18030 (GBK), what Chinese Windows saves: "名称: 中文".
  CHECK_FALSE(CheckInputText({"f", "\xC3\xFB\xB3\xC6: \xD6\xD0\xCE\xC4\n"}, 100, &d));
  CHECK(d.all().back().code == 111);
  CHECK(d.all().back().message ==
        "invalid UTF-8 (byte 0xC3): the file looks like GBK/GB18030, what Chinese Windows saves "
        "by default: save it as UTF-8");
  ScopedLang zh(Lang::kZh);
  CHECK_FALSE(CheckInputText({"f", "a: \xFF\n"}, 100, &d));
  CHECK(d.all().back().message == "文件不是 UTF-8 编码（这里的字节 0xFF 无效）：请把文件另存为 UTF-8");
}

TEST_CASE("a byte order mark inside a file is named where it is") {
  // Two files joined: the second one's BOM stands before its "---".
  Parsed p = Parse("a: 1\n\xEF\xBB\xBF---\nb: 2\n");
  const Diagnostic d = OnlyError(p.diags);
  CHECK(d.code == 114);
  CHECK(d.loc.line == 2);
  CHECK(d.loc.column == 1);
}

TEST_CASE("a quote left open on the last line is an error, final newline or not") {
  // yaml-cpp 0.7.0 reads `b: "x` followed by a newline as the value "x "; with
  // lines after the quote, they all became the value.
  for (const char* text :
       {"a: 1\nb: \"x\n", "a: 1\nb: \"x", "a: 1\nb: 'x\n", "a: 1\nb: \"x\nc: 2\n\n",
        "a: 1\nb: 'it''s\n", "a: 1\nb: \"say \\\"hi\\\"\n"}) {
    CAPTURE(text);
    Parsed p = Parse(text);
    const Diagnostic d = OnlyError(p.diags);
    CHECK(d.code == 118);
    CHECK(d.loc.line == (std::string_view(text).find("c: 2") != std::string_view::npos ? 3 : 2));
  }
  // The end of the last line, not the empty line after it.
  const Diagnostic d = OnlyError(Parse("a: 1\nb: \"xy\n").diags);
  CHECK(d.loc.column == 7);  // after `b: "xy`
  // Closed quotes, with the quote written inside them, are read.
  for (const char* text : {"a: \"x\"\n", "a: 'it''s'\n", "a: \"say \\\"hi\\\"\"\n",
                           "{\"a\": 'b'}\n", "a: !!str \"x\"\n", "a: \"x\ny\"\n"}) {
    CAPTURE(text);
    Parsed p = Parse(text);
    CHECK(p.diags.error_count() == 0);
  }
}

TEST_CASE("yaml-cpp's errors are said in the run's language, with their codes") {
  struct Case {
    const char* text;
    uint16_t code;
    const char* zh;  // the start of the message
  } cases[] = {
      {"a: b: c\n", 116, "YAML 语法错误：这里不能出现“: ”"},
      {"a: 1\n- b\n", 116, "YAML 语法错误：这一行和上面的键对不上"},
      {"a: [1, 2\n", 117, "YAML 语法错误：“[”没有配对的“]”"},
      {"a: {x: 1\n", 117, "YAML 语法错误：“{”没有配对的“}”"},
      {"[a, b]]\n", 117, "YAML 语法错误：多了一个“]”或“}”"},
      {"a: \"abc", 118, "YAML 语法错误：引号没有闭合"},
      {"a: \"\\q\"\n", 119, "YAML 语法错误：双引号里的“\\q”不是有效的转义"},
      {"a: *\n", 128, "YAML 语法错误：“*”后面没有名字"},
      {"a: & b\n", 128, "YAML 语法错误：“&”后面没有名字"},
      {"a: 1\n\tb: 2\n", 127, "缩进用了制表符（Tab）"},
      {"a: *nope\n", 123, "YAML 语法错误：别名引用了没有定义的锚点"},
      {"%YAML 2.0\n---\na: 1\n", 115, "YAML 语法错误：YAML major version too large"},
      {",\n", 120, "这里不应出现“,”"},
  };
  ScopedLang zh(Lang::kZh);
  for (const Case& c : cases) {
    CAPTURE(c.text);
    Parsed p = Parse(c.text);
    const Diagnostic d = OnlyError(p.diags);
    CHECK(d.code == c.code);
    CHECK(d.message.rfind(c.zh, 0) == 0);
  }
}

}  // namespace jixiao
