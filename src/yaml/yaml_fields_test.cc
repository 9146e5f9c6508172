#include "yaml/yaml_fields.h"

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "base/lang.h"

namespace jixiao {

namespace {

// Parses `text` (one YAML document, with `parse_errors` errors of the YAML
// layer) and runs `body` with a FieldReader over it and the document's root.
// Returns the reader's diagnostics, each as a line "severity line:column:
// [code] message" ("[code] " only for a message with a code).
std::string WithFields(const std::string& text,
                       const std::function<void(FieldReader&, const YamlNode& root)>& body,
                       size_t parse_errors = 0) {
  Source src{"f.yaml", text};
  Diagnostics parse, diags;
  size_t documents = ParseYamlStream(src, {}, &parse, [&](const YamlDocument& doc) {
    FieldReader r(src, &diags);
    body(r, *doc.root());
  });
  REQUIRE(parse.error_count() == parse_errors);
  REQUIRE(documents == 1);
  std::string out;
  for (const Diagnostic& d : diags.all()) {
    CHECK(d.loc.file == "f.yaml");
    out += std::string(d.severity == Severity::kError ? "error " : "warning ") +
           std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + ": " +
           (d.code != 0 ? "[" + FormatCode(d.code) + "] " : "") + d.message + "\n";
  }
  return out;
}

// The diagnostics of reading `key` of the one-key map "v: `value`" with `read`.
std::string ReadV(const std::string& value,
                  const std::function<void(FieldReader&, const YamlNode&)>& read) {
  return WithFields("v: " + value + "\n",
                    [&](FieldReader& r, const YamlNode& root) { read(r, *root.Find("v")); });
}

std::optional<int64_t> IntegerOf(const std::string& value, std::string* diags = nullptr) {
  std::optional<int64_t> out;
  std::string d = ReadV(
      value, [&](FieldReader& r, const YamlNode& v) { out = r.Integer(v, "year", -100, 3000); });
  if (diags) *diags = d;
  CHECK(out.has_value() == d.empty());  // a value, or an error: never both, never neither
  return out;
}

std::optional<Rational> DecimalOf(const std::string& value, std::string* diags = nullptr) {
  std::optional<Rational> out;
  std::string d =
      ReadV(value, [&](FieldReader& r, const YamlNode& v) { out = r.Decimal(v, "total"); });
  if (diags) *diags = d;
  CHECK(out.has_value() == d.empty());
  return out;
}

Rational Dec(const char* s) { return *Rational::ParseDecimal(s); }

}  // namespace

TEST_CASE("FieldReader::Loc, Error and Warning locate a node by line and code-point column") {
  std::string d =
      WithFields("名称: 值\nb:\n  - 甲乙: 丙\n", [](FieldReader& r, const YamlNode& root) {
        const YamlNode& value = *root.Find("名称");
        CHECK(r.Loc(value).file == "f.yaml");
        CHECK(r.Loc(value).line == 1);
        CHECK(r.Loc(value).column == 5);
        const YamlNode& inner = *root.Find("b")->items[0]->Find("甲乙");
        r.Warning(inner, Message{0, "a warning"});
        CHECK(r.errors() == 0);  // warnings are not counted
        r.Error(inner, Message{0, "an error"});
        r.Error(value, MsgId::kMustBeText, "名称", "x");
        CHECK(r.errors() == 2);
      });
  CHECK(d ==
        "warning 3:9: a warning\n"
        "error 3:9: an error\n"
        "error 1:5: [JX0205] '名称' must be text, not x\n");
}

TEST_CASE("FieldReader::LineColumnAfter: Loc's line and column, from a node before it") {
  WithFields("a:\n  满意度: 95%\n  质量: {value: 九十, note: 甲}\n  数量:\n    4台\n",
             [](FieldReader& r, const YamlNode& root) {
               const YamlNode& a = *root.Find("a");
               for (size_t i = 0; i < a.entries.size(); ++i) {
                 const YamlNode& key = *a.entries[i].first;
                 const YamlNode& value = *a.entries[i].second;
                 const YamlNode& at = value.is_map() ? *value.Find("value") : value;
                 const Location loc = r.Loc(at);
                 CAPTURE(key.value);
                 // 95% at 2:8 (2 spaces, 3 characters, ": "); 九十 at 3:15; 4台 on
                 // the line after its key, found as Loc finds it.
                 CHECK(r.LineColumnAfter(at, key, r.Loc(key)) == std::make_pair(loc.line, loc.column));
               }
               const YamlNode& first = *a.entries[0].second;
               CHECK(r.LineColumnAfter(first, *a.entries[0].first, r.Loc(*a.entries[0].first)) ==
                     std::make_pair(2, 8));
             });
}

TEST_CASE("FieldReader::CheckKeys: unknown keys, with the nearest known one; x- keys pass") {
  const std::vector<std::string> known = {"project", "year", "budget"};
  std::string d = WithFields("project: a\nyaer: 1\nx-note: ignored\nsomething_else: 2\nbudget: 3\n",
                             [&](FieldReader& r, const YamlNode& root) {
                               r.CheckKeys(root, known, "a target project");
                               CHECK(r.errors() == 2);
                             });
  CHECK(d ==
        "error 2:1: [JX0201] unknown key 'yaer' in a target project: did you mean 'year'?\n"
        "error 4:1: [JX0201] unknown key 'something_else' in a target project: expected one of "
        "project, year, budget (or a key starting with 'x-', which is ignored)\n");
  // A key that is not a scalar is the YAML layer's to report (once).
  CHECK(WithFields(
            "? [a, b]\n: 1\nyear: 2\n",
            [&](FieldReader& r, const YamlNode& root) { r.CheckKeys(root, known, "x"); }, 1) == "");
}

TEST_CASE("FieldReader::Get: a value, nothing, or a located error when required") {
  std::string d = WithFields("a: 1\nempty:\ntilde: ~\n", [](FieldReader& r, const YamlNode& root) {
    const YamlNode* a = r.Get(root, "a", true, "budget");
    REQUIRE(a != nullptr);
    CHECK(a->value == "1");
    CHECK(r.Get(root, "missing", false, "budget") == nullptr);
    CHECK(r.Get(root, "empty", false, "budget") == nullptr);
    CHECK(r.errors() == 0);
    CHECK(r.Get(root, "missing", true, "budget") == nullptr);
    CHECK(r.Get(root, "empty", true, "budget") == nullptr);
    CHECK(r.Get(root, "tilde", true, "budget") == nullptr);
    CHECK(r.errors() == 3);
  });
  // (An empty value is located where yaml-cpp puts it: at the next token.)
  CHECK(d.find("error 1:1: [JX0204] missing required key 'missing' in budget\n") == 0);
  CHECK(d.find(": [JX0204] 'empty' in budget is empty: a value is required\n") != std::string::npos);
  CHECK(d.find("error 3:8: [JX0204] 'tilde' in budget is empty: a value is required\n") !=
        std::string::npos);
}

TEST_CASE("FieldReader::Text: any scalar as written; a list or a map is an error") {
  std::optional<std::string> t;
  auto text = [&](const std::string& value) {
    return ReadV(value, [&](FieldReader& r, const YamlNode& v) { t = r.Text(v, "name"); });
  };
  CHECK(text("010") == "");
  CHECK(t == "010");  // numbers as written, not as read
  CHECK(text("'带引号'") == "");
  CHECK(t == "带引号");
  CHECK(text("true") == "");
  CHECK(t == "true");
  CHECK(text("[a, b]") == "error 1:4: [JX0205] 'name' must be text, not a list\n");
  CHECK_FALSE(t.has_value());
  CHECK(text("{a: 1}") == "error 1:4: [JX0205] 'name' must be text, not a map\n");
}

TEST_CASE("FieldReader::Integer: a YAML 1.2 whole number within its bounds") {
  CHECK(IntegerOf("2024") == 2024);
  CHECK(IntegerOf("010") == 10);  // not octal, unlike YAML 1.1 and yaml-cpp
  CHECK(IntegerOf("0o17") == 15);
  CHECK(IntegerOf("0x1F") == 31);
  CHECK(IntegerOf("-100") == -100);
  CHECK(IntegerOf("+3000") == 3000);
  std::string d;
  CHECK_FALSE(IntegerOf("3001", &d));
  CHECK(d == "error 1:4: [JX0207] 'year' must be a whole number from -100 to 3000, not the number 3001\n");
  CHECK_FALSE(IntegerOf("2024.0", &d));
  CHECK(d == "error 1:4: [JX0207] 'year' must be a whole number from -100 to 3000, not the number 2024.0\n");
  CHECK_FALSE(IntegerOf("'2024'", &d));
  CHECK(d == "error 1:4: [JX0207] 'year' must be a whole number from -100 to 3000, not the text '2024'\n");
  CHECK_FALSE(IntegerOf("99999999999999999999", &d));  // beyond int64: no overflow
  CHECK_FALSE(IntegerOf("0x", &d));
  CHECK_FALSE(IntegerOf("[1]", &d));
  CHECK(d == "error 1:4: [JX0207] 'year' must be a whole number from -100 to 3000, not a list\n");
}

TEST_CASE("FieldReader::Decimal: an exact decimal written as a YAML number") {
  CHECK(DecimalOf("6.00") == Dec("6"));
  CHECK(DecimalOf("0.1") == Dec("0.1"));  // exact: not the double nearest 0.1
  CHECK(DecimalOf("-2.5") == Dec("-2.5"));
  CHECK(DecimalOf("010") == Dec("10"));
  CHECK(DecimalOf("0x10") == Dec("16"));
  CHECK(DecimalOf("1000000000000000") == Dec("1000000000000000"));  // 10^15, the limit
  std::string d;
  CHECK_FALSE(DecimalOf("1000000000000000.01", &d));
  CHECK(d == "error 1:4: [JX0209] 'total' is too large: 1000000000000000.01 is beyond the limit of 10^15\n");
  CHECK_FALSE(DecimalOf("-1000000000000001", &d));
  CHECK_FALSE(DecimalOf("'6.00'", &d));
  CHECK(d == "error 1:4: [JX0206] 'total' must be a number, not the text '6.00' (remove the quotes)\n");
  // A score written as a percent: the ratio it means, 0.7.
  std::optional<Rational> score;
  d = ReadV("70%", [&](FieldReader& r, const YamlNode& v) { score = r.Decimal(v, "score"); });
  CHECK_FALSE(score);
  CHECK(d == "error 1:4: [JX0206] 'score' must be a ratio from 0 to 1, not the text '70%': write "
             "0.7\n");
  // ... and only a score: a total in % is no ratio.
  CHECK_FALSE(DecimalOf("70%", &d));
  CHECK(d == "error 1:4: [JX0206] 'total' must be a number, not the text '70%'\n");
  CHECK_FALSE(DecimalOf("1,200", &d));
  CHECK(d ==
        "error 1:4: [JX0206] 'total' must be a number, not the text '1,200' (write it without thousands "
        "separators)\n");
  // Full-width digits are the number they show: １２.５ = 12.5, as in actuals.
  CHECK(DecimalOf("１２.５") == Dec("12.5"));
  CHECK(DecimalOf("－３") == Dec("-3"));
  CHECK_FALSE(DecimalOf("'１２'", &d));  // quoted: text, as '6.00' is
  // A long one is text, as a long ASCII one is refused: 300,000 ９ are more
  // digits than an amount takes (kMaxDecimalDigits).
  std::string many_nines;
  for (int i = 0; i < 300000; ++i) many_nines += "９";
  CHECK_FALSE(DecimalOf(many_nines, &d));
  CHECK(d.find("[JX0206] 'total' must be a number") != std::string::npos);
  CHECK_FALSE(DecimalOf("１２元", &d));
  CHECK(d == "error 1:4: [JX0206] 'total' must be a number, not the text '１２元'\n");
  CHECK_FALSE(DecimalOf("六元", &d));
  CHECK(d == "error 1:4: [JX0206] 'total' must be a number, not the text '六元'\n");
  CHECK_FALSE(DecimalOf("1e3", &d));
  CHECK(d ==
        "error 1:4: [JX0208] 'total' must be an exact decimal number, not '1e3': write it as a plain "
        "decimal, without an exponent\n");
  CHECK_FALSE(DecimalOf(".nan", &d));
  CHECK(d ==
        "error 1:4: [JX0208] 'total' must be an exact decimal number, not '.nan': .nan and .inf are not "
        "amounts\n");
  CHECK_FALSE(DecimalOf("-.inf", &d));
  CHECK_FALSE(DecimalOf("{a: 1}", &d));
  CHECK(d == "error 1:4: [JX0206] 'total' must be a number, not a map\n");
  // Many digits are refused before any arithmetic, in a short message.
  CHECK_FALSE(DecimalOf(std::string(2000, '9'), &d));
  CHECK(d.find("[JX0209] 'total' is too large: 9999") != std::string::npos);
  CHECK(d.find("has more than 1000 digits") != std::string::npos);
  CHECK(d.size() < 200);
}

TEST_CASE("FieldReader::TextList: one text or a list of texts") {
  std::optional<std::vector<std::string>> list;
  auto read = [&](const std::string& value) {
    return ReadV(value, [&](FieldReader& r, const YamlNode& v) { list = r.TextList(v, "goals"); });
  };
  CHECK(read("一个目标") == "");
  CHECK(list == std::vector<std::string>{"一个目标"});
  CHECK(read("[甲, 2, '丙']") == "");
  CHECK(list == std::vector<std::string>{"甲", "2", "丙"});
  CHECK(read("[]") == "");
  CHECK(list == std::vector<std::string>{});
  // Every bad item is reported, and nothing is returned.
  CHECK(read("[甲, [乙], {丙: 1}]") ==
        "error 1:8: [JX0205] 'goals' must be text, not a list\n"
        "error 1:13: [JX0205] 'goals' must be text, not a map\n");
  CHECK_FALSE(list.has_value());
  CHECK(read("{a: 1}") == "error 1:4: [JX0205] 'goals' must be text or a list of texts, not a map\n");
  CHECK_FALSE(list.has_value());
}

TEST_CASE("Describe names what a node is, for messages") {
  std::vector<std::string> got;
  WithFields("a: ~\nb: [1]\nc: {x: 1}\nd: 12\ne: 1.5\nf: true\ng: abc\nh: '12'\ni: " +
                 std::string(60, 'x') + "\n",
             [&](FieldReader&, const YamlNode& root) {
               for (const auto& [key, value] : root.entries) got.push_back(Describe(*value));
             });
  CHECK(got == std::vector<std::string>{"nothing", "a list", "a map", "the number 12",
                                        "the number 1.5", "the boolean true", "the text 'abc'",
                                        "the text '12'",
                                        "the text '" + std::string(39, 'x') + "…'"});
}

TEST_CASE("FieldReader's messages in Chinese") {
  ScopedLang zh(Lang::kZh);
  const std::vector<std::string> known = {"project", "year", "budget"};
  std::string d = WithFields("project: a\nyaer: 1\nfoo: 2\n", [&](FieldReader& r, const YamlNode& root) {
    r.CheckKeys(root, known, "目标表项目");
    r.Get(root, "budget", true, "目标表项目");
  });
  CHECK(d ==
        "error 2:1: [JX0201] 目标表项目中有未知的键“yaer”：是不是要写“year”？\n"
        "error 3:1: [JX0201] 目标表项目中有未知的键“foo”：可用的键有 project、year、budget"
        "（以“x-”开头的键会被忽略）\n"
        "error 1:1: [JX0204] 目标表项目缺少必填的键“budget”\n");
  std::string e;
  CHECK_FALSE(DecimalOf("1,200", &e));
  CHECK(e == "error 1:4: [JX0206] “total”应当是数字，而不是文字“1,200”（请去掉千位分隔符“,”）\n");
  CHECK_FALSE(IntegerOf("[1]", &e));
  CHECK(e == "error 1:4: [JX0207] “year”应当是 -100 到 3000 之间的整数，而不是列表\n");
}

}  // namespace jixiao
