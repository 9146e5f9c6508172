#include "yaml/yaml_slips.h"

#include <doctest/doctest.h>

#include <string>

#include "base/lang.h"
#include "yaml/yaml_doc.h"

namespace jixiao {

namespace {

// The one error ParseYamlStream reports for `text`, as "line:column [code] message".
std::string ErrorOf(const std::string& text) {
  Source src{"t.yaml", text};
  Diagnostics d;
  ParseYamlStream(src, {}, &d, [](const YamlDocument&) {});
  if (d.error_count() != 1) return "errors: " + std::to_string(d.error_count());
  const Diagnostic e = d.all().front();
  return std::to_string(e.loc.line) + ":" + std::to_string(e.loc.column) + " [" +
         FormatCode(e.code) + "] " + e.message;
}

const char kIndicator[] =
    "indicators:\n"
    "  - level1: 产出指标\n"
    "    level2: 数量指标\n"
    "    name: 购置设备数量\n"
    "    target: 4台\n"
    "  - level1: 产出指标\n"
    "    level2: 质量指标\n";

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a full-width colon is named at its line, not where yaml-cpp fails") {
  // yaml-cpp says "illegal map value" on line 4; the slip is on line 3.
  CHECK(ErrorOf(Replace(kIndicator, "level2: 数量指标", "level2：数量指标")) ==
        "3:11 [JX0125] full-width colon '：' after 'level2': YAML needs an ASCII colon and a space: "
        "write 'level2: 数量指标'");
  // The first key of a list item.
  CHECK(ErrorOf(Replace(kIndicator, "- level1: 产出指标", "- level1：产出指标")) ==
        "2:11 [JX0125] full-width colon '：' after 'level1': YAML needs an ASCII colon and a space: "
        "write 'level1: 产出指标'");
  // The last key of an item, with a comment and a blank line after it.
  CHECK(ErrorOf(Replace(kIndicator, "target: 4台\n", "target：4台\n\n    # 下一个\n")) ==
        "5:11 [JX0125] full-width colon '：' after 'target': YAML needs an ASCII colon and a space: "
        "write 'target: 4台'");
}

TEST_CASE("a colon without a space after it is named at its line") {
  CHECK(ErrorOf("year: 2024\nunit:万元\nbudget:\n  total: 6\n") ==
        "2:5 [JX0126] no space after the colon of 'unit': YAML needs a space after ':': write "
        "'unit: 万元'");
}

TEST_CASE("a tab used for indentation is named") {
  CHECK(ErrorOf(Replace(kIndicator, "    level2: 质量指标", "\tlevel2: 质量指标")) ==
        "7:1 [JX0127] a tab is used for indentation: YAML indents with spaces only; replace the tab "
        "with spaces");
}

TEST_CASE("a full-width or no-break space in the indentation is named, parsed or not") {
  const std::string space = "\u3000", nbsp = "\u00A0";
  const std::string wide =
      "a full-width space (U+3000) in the indentation: YAML indents with ASCII spaces only; "
      "replace it with spaces";
  const std::string no_break =
      "a no-break space (U+00A0) in the indentation: YAML indents with ASCII spaces only; replace "
      "it with spaces";
  // YAML reads "　total" as a key of the top map, and budget as empty.
  CHECK(ErrorOf("project: 甲\nbudget:\n" + space + "total: 10\n") == "3:1 [JX0127] " + wide);
  // yaml-cpp fails on this line ("end of map not found").
  CHECK(ErrorOf(Replace(kIndicator, "    level2: 数量指标", "  " + space + "level2: 数量指标")) ==
        "3:3 [JX0127] " + wide);
  // yaml-cpp fails a line below; the slip is on this one.
  CHECK(ErrorOf(Replace(kIndicator, "    level2: 数量指标",
                        nbsp + " " + nbsp + " " + nbsp + " " + nbsp + " level2: 数量指标")) ==
        "3:1 [JX0127] " + no_break);
  // Before a '-', a quoted key, or a key with a full-width colon.
  CHECK(ErrorOf(Replace(kIndicator, "  - level1: 产出指标\n    level2: 质量指标",
                        space + " - level1: 产出指标\n    level2: 质量指标")) ==
        "6:1 [JX0127] " + wide);
  CHECK(ErrorOf("a:\n  " + nbsp + "\"b\": 1\n") == "2:3 [JX0127] " + no_break);
  CHECK(ErrorOf("a:\n" + space + "b：1\n") == "2:1 [JX0127] " + wide);
  // Before a comment (YAML reads it as text), and alone on a line where
  // the parse fails below it.
  CHECK(ErrorOf("a: 1\n  " + space + "# 说明\nb: 1\n") == "2:3 [JX0127] " + wide);
  CHECK(ErrorOf("a:\n  b: 1\n  " + space + "\n  c: 1\n") == "3:3 [JX0127] " + wide);
  // In the text of a block scalar, a quoted scalar or a flow collection, in
  // text going on from the line above and inside a line: no slip (the paragraph indentation of Chinese text is two full-width spaces).
  CHECK(ErrorOf("purpose: |\n  " + space + space + "本项目: 用于…\nb: 1\n") == "errors: 0");
  CHECK(ErrorOf("goals:\n  - |\n    " + space + space + "目标: 一\nb: 1\n") == "errors: 0");
  CHECK(ErrorOf("purpose: \"本项目\n  " + space + "用于: …\"\nb: 1\n") == "errors: 0");
  CHECK(ErrorOf("a: {b: 1,\n  " + space + "c: 2}\n") == "errors: 0");
  CHECK(ErrorOf("purpose: 本项目\n  " + space + space + "用于培训\nb: 1\n") == "errors: 0");
  CHECK(ErrorOf("a: 1" + space + "\nb: " + nbsp + "1\n") == "errors: 0");
  // The first of several, in a later document.
  CHECK(ErrorOf("a: 1\n---\nb:\n" + nbsp + "c: 1\n" + space + "d: 2\n") ==
        "4:1 [JX0127] " + no_break);
  CHECK_FALSE(FindWideIndentation("a: 1\nb: 2\n"));
  CHECK(FindWideIndentation("a:\n  " + space + "b: 1\n")->offset == 5);
}

TEST_CASE("a full-width comma or bracket in a flow collection is named") {
  const std::string comma =
      "a full-width comma '，' in a '{…}' or '[…]': YAML separates the items with an ASCII comma: "
      "write ',' for '，'";
  CHECK(ErrorOf("indicators:\n  - {level1: 产出指标, name: a, target: 1台，weight: 90}\n") ==
        "2:39 [JX0136] " + comma);
  CHECK(ErrorOf("projects:\n  - project: 甲\n    indicators:\n      a: {value: 1台， note: 见附件}\n") ==
        "4:20 [JX0136] " + comma);
  CHECK(ErrorOf("a: [b，c]\nd: {e: 1,\n  f: 2，g: 3}\n") == "3:7 [JX0136] " + comma);
  CHECK(ErrorOf("a: {value: 1台, note: 见附件｝\n") ==
        "1:25 [JX0136] a full-width '｝': YAML's '{…}' and '[…]' need ASCII brackets: write '}' for "
        "'｝'");
  CHECK(ErrorOf("a: ｛value: 1台, note: 见附件}\n") ==
        "1:4 [JX0136] a full-width '｛': YAML's '{…}' and '[…]' need ASCII brackets: write '{' for "
        "'｛'");
  CHECK(ErrorOf("a:\n  - ｛level1: 产出指标, name: a}\n") ==
        "2:5 [JX0136] a full-width '｛': YAML's '{…}' and '[…]' need ASCII brackets: write '{' for "
        "'｛'");
  // Text with a full-width comma, in quotes or not: no slip.
  CHECK(ErrorOf("a: {note: 见附件，第二页, b: \"1，c: 2\"}\nd: [甲，乙]\n") ==
        "errors: 0");
  ScopedLang zh(Lang::kZh);
  CHECK(ErrorOf("a: {value: 1台，note: 见附件}\n") ==
        "1:14 [JX0136] “{…}”或“[…]”里用了全角逗号“，”：YAML 要用半角逗号“,”分隔各项，请把“，”改成“,”");
  CHECK(ErrorOf("a: {b: 1］\n") ==
        "1:9 [JX0136] 这里是全角的“］”：YAML 的“{…}”和“[…]”要用半角括号，请把“］”改成“]”");
  CHECK(ErrorOf("a:\n" + std::string("\u3000") + "b: 1\n") ==
        "2:1 [JX0127] 缩进里有全角空格（U+3000）：YAML 只能用半角空格缩进，请把它换成半角空格");
}

TEST_CASE("a value starting with a block scalar's indicator needs quotes") {
  CHECK(ErrorOf(Replace(kIndicator, "target: 4台", "target: >=4台")) ==
        "5:13 [JX0128] a value starting with '>' must be in quotes: YAML reads '>' as the start of a "
        "folded block of text; write 'target: \">=4台\"'");
  CHECK(ErrorOf(Replace(kIndicator, "target: 4台", "target: |4台|")) ==
        "5:13 [JX0128] a value starting with '|' must be in quotes: YAML reads '|' as the start of a "
        "literal block of text; write 'target: \"|4台|\"'");
  CHECK(ErrorOf("a: @x\n") ==
        "1:4 [JX0128] a value starting with '@' must be in quotes: YAML reserves '@'; write 'a: \"@x\"'");
  // `>5` is a valid header: yaml-cpp reads an empty block (see FieldReader::Text).
  CHECK(ErrorOf("a: >5\nb: 1\n") == "errors: 0");
}

TEST_CASE("a value in a flow map starting with a block scalar's indicator needs quotes") {
  // yaml-cpp stops at the '>' ("unknown token"): the slip is named there,
  // with the value up to the ',' or '}' after it.
  CHECK(ErrorOf("- {name: 乙, target: >=90%}\n") ==
        "1:21 [JX0128] a value starting with '>' must be in quotes: YAML reads '>' as the start of a "
        "folded block of text; write 'target: \">=90%\"'");
  CHECK(ErrorOf("x: [{name: 乙, target: |5, note: y}]\n") ==
        "1:23 [JX0128] a value starting with '|' must be in quotes: YAML reads '|' as the start of a "
        "literal block of text; write 'target: \"|5\"'");
  // Where the parser stopped at something else, or at a '>' not after a key
  // in a flow map: its own words.
  std::string_view text = "a: [x, >y]\n";
  CHECK_FALSE(FlowIndicatorSlip(text, text.find('>'), 1));
  text = "a: {b: >y}\n";
  CHECK_FALSE(FlowIndicatorSlip(text, text.find('b'), 1));
  CHECK_FALSE(FlowIndicatorSlip(text, text.size(), 1));
  CHECK(FlowIndicatorSlip(text, text.find('>'), 1)->offset == text.find('>'));
  text = "b: >y}\n";  // no '{' before it on the line
  CHECK_FALSE(FlowIndicatorSlip(text, text.find('>'), 1));
}

TEST_CASE("an indentation that does not line up names the key it should line up with") {
  CHECK(ErrorOf(Replace(kIndicator, "    name: 购置设备数量", "     name: 购置设备数量")) ==
        "4:6 [JX0129] 'name' is indented by 5 spaces, but 'level2' on line 3 by 4: the keys of one map "
        "must start in the same column");
  CHECK(ErrorOf(Replace(kIndicator, "    name: 购置设备数量", "   name: 购置设备数量")) ==
        "4:4 [JX0129] 'name' is indented by 3 spaces, but 'level2' on line 3 by 4: the keys of one map "
        "must start in the same column");
  CHECK(ErrorOf(Replace(kIndicator, "  - level1: 产出指标\n    level2: 质量指标",
                        "   - level1: 产出指标\n    level2: 质量指标")) ==
        "6:4 [JX0129] this '-' is indented by 3 spaces, but the '-' on line 2 by 2: the items of one list "
        "must start in the same column");
  CHECK(ErrorOf("budget:\n   total: 6\n  fiscal: 6\n") ==
        "3:3 [JX0129] 'fiscal' is indented by 2 spaces, but 'total' on line 2 by 3: the keys of one map "
        "must start in the same column");
  CHECK(ErrorOf("unit: 万元\n budget: 1\n") ==
        "2:2 [JX0129] 'budget' is indented by 1 space, but 'unit' on line 1 by 0: the keys of one map "
        "must start in the same column");
}

TEST_CASE("the slips in Chinese") {
  ScopedLang zh(Lang::kZh);
  CHECK(ErrorOf(Replace(kIndicator, "level2: 数量指标", "level2：数量指标")) ==
        "3:11 [JX0125] “level2”后面是全角冒号“：”：YAML 要用半角冒号加一个空格，请写成“level2: 数量指标”");
  CHECK(ErrorOf("year: 2024\nunit:万元\nbudget:\n  total: 6\n") ==
        "2:5 [JX0126] “unit”的冒号后面缺少空格：YAML 的冒号后面要有一个空格，请写成“unit: 万元”");
  CHECK(ErrorOf(Replace(kIndicator, "    level2: 质量指标", "\tlevel2: 质量指标")) ==
        "7:1 [JX0127] 缩进用了制表符（Tab）：YAML 只能用空格缩进，请把制表符换成空格");
  CHECK(ErrorOf(Replace(kIndicator, "target: 4台", "target: >=4台")) ==
        "5:13 [JX0128] 以“>”开头的值要加引号：YAML 把“>”当作折叠文本块的开始；请写成“target: \">=4台\"”");
  CHECK(ErrorOf(Replace(kIndicator, "    name: 购置设备数量", "     name: 购置设备数量")) ==
        "4:6 [JX0129] “name”缩进了 5 个空格，但第 3 行的“level2”缩进了 4 个：同一层的键必须从同一列开始");
  CHECK(ErrorOf(Replace(kIndicator, "  - level1: 产出指标\n    level2: 质量指标",
                        "   - level1: 产出指标\n    level2: 质量指标")) ==
        "6:4 [JX0129] 这个“-”缩进了 3 个空格，但第 2 行的“-”缩进了 2 个：同一个列表的各项必须从同一列开始");
  CHECK(ErrorOf("unit: 万元\n budget: 1\n") ==
        "2:2 [JX0129] “budget”缩进了 1 个空格，但第 1 行的“unit”缩进了 0 个：同一层的键必须从同一列开始");
}

TEST_CASE("what is not a slip keeps the parser's message") {
  // An unclosed flow list: no slip on the failing line or the one above;
  // said where the list opens.
  CHECK(ErrorOf("a: [b, c\nd: e\n") == "1:4 [JX0117] YAML syntax error: end of sequence flow not found (a '[' without its ']': "
        "close it, or put a value starting with '[' in quotes)");
  // A colon in a value, a time, a URL, and block scalars are no slips.
  CHECK(ErrorOf("a: 12:30\nb: http://x\nc: |\n  a:b\n   x：y\nd: 1\n") == "errors: 0");
  // A slip far above the failure is not the failure's cause.
  CHECK(ErrorOf("a:\n  - x:y\n  - z\nb: [\n") ==
        "4:4 [JX0117] YAML syntax error: end of sequence flow not found (a '[' without its ']': "
        "close it, or put a value starting with '[' in quotes)");
}

TEST_CASE("FindYamlSlip looks at the failing line and the content line above it only") {
  const std::string text = "a: 1\nb:万元\n\n# note\nc: 2\nd: 3\n";
  CHECK(FindYamlSlip(text, 0, 1, 5)->line == 2);
  CHECK(FindYamlSlip(text, 0, 1, 5)->offset == 6);
  CHECK(FindYamlSlip(text, 0, 1, 2)->line == 2);
  CHECK_FALSE(FindYamlSlip(text, 0, 1, 6));
  CHECK_FALSE(FindYamlSlip(text, 0, 1, 1));
  // From a later document on: the lines before `from` are not read.
  CHECK_FALSE(FindYamlSlip("a:b\n---\nc: 1\n", 4, 2, 3));
  // Nor, from the start, those of the documents before: a failure on a
  // "---" line with content is not blamed on the document above it (as the
  // fast reader, handing yaml-cpp that document alone, would not).
  CHECK_FALSE(FindYamlSlip("- x\n-\":--\n--- a:--b: 2\n", 0, 1, 3));
  CHECK(FindYamlSlip("- x\n---\nunit:元\nb: 1\n", 0, 1, 4)->line == 3);
  CHECK_FALSE(FindYamlSlip("", 0, 1, 1));
  CHECK_FALSE(FindYamlSlip("x", 5, 1, 1));
}

TEST_CASE("KeyColonSlip: a key and its value run together") {
  auto full = KeyColonSlip("target：≥90%");
  REQUIRE(full);
  CHECK(full->colon == 6);
  CHECK(full->message.code == 125);
  CHECK(full->message.text ==
        "full-width colon '：' after 'target': YAML needs an ASCII colon and a space: write "
        "'target: ≥90%'");
  auto ascii = KeyColonSlip("购置设备数量:4台");
  REQUIRE(ascii);
  CHECK(ascii->colon == 18);
  CHECK(ascii->message.code == 126);
  CHECK(ascii->message.text == "no space after the colon of '购置设备数量': YAML needs a space after "
                          "':': write '购置设备数量: 4台'");
  CHECK(KeyColonSlip("name：")->colon == 4);
  CHECK_FALSE(KeyColonSlip("12:30"));
  CHECK_FALSE(KeyColonSlip("http://x"));
  CHECK_FALSE(KeyColonSlip("name"));
  CHECK_FALSE(KeyColonSlip("a b:c"));
  CHECK_FALSE(KeyColonSlip("：x"));
}

}  // namespace jixiao
