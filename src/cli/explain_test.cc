#include "cli/explain.h"

#include <doctest/doctest.h>

#include <set>

#include "base/messages.h"

namespace jixiao {
namespace {

TEST_CASE("docs/errors.md has one complete section for every code of the catalogue, and no other") {
  std::vector<CodeEntry> entries = ParseErrorsDoc(ErrorsDoc());
  std::set<uint16_t> documented;
  for (const CodeEntry& e : entries) {
    CAPTURE(FormatCode(e.code));
    CHECK(documented.insert(e.code).second);  // one section per code
    CHECK(e.title_zh != "");
    CHECK(e.title_en != "");
    CHECK(e.cause_zh != "");
    CHECK(e.fix_zh != "");
    CHECK(e.cause_en != "");
    CHECK(e.fix_en != "");
    CHECK(e.command.rfind("jixiao ", 0) == 0);  // an example to run
  }
  std::set<uint16_t> used;
  for (size_t i = 0; i < kCatalogueSize; ++i) {
    if (Catalogue()[i].code != 0) used.insert(Catalogue()[i].code);
  }
  for (uint16_t code : used) {
    CAPTURE(FormatCode(code));
    CHECK(documented.count(code) == 1);
  }
  for (uint16_t code : documented) {
    CAPTURE(FormatCode(code));
    CHECK(used.count(code) == 1);
  }
}

TEST_CASE("docs/errors.md: sections in code order, each between its area's markers") {
  const std::string_view doc = ErrorsDoc();
  uint16_t previous = 0;
  int area = -1;  // the hundreds of the markers the section is under
  size_t pos = 0;
  while (pos < doc.size()) {
    size_t end = doc.find('\n', pos);
    if (end == std::string_view::npos) end = doc.size();
    const std::string_view line = doc.substr(pos, end - pos);
    pos = end + 1;
    if (line.rfind("<!-- JX0", 0) == 0 && line.size() > 9) {
      area = line[8] - '0';  // "<!-- JX0601–JX0699: ..." opens area 6
    } else if (line.rfind("<!-- end of", 0) == 0) {
      area = -1;
    } else if (line.rfind("## JX", 0) == 0) {
      std::optional<uint16_t> code = ParseCode(line.substr(3, 6));
      REQUIRE(code);
      CAPTURE(FormatCode(*code));
      CHECK(*code > previous);
      CHECK(*code / 100 == area);
      previous = *code;
    }
  }
  CHECK(previous > 900);  // all read
}

constexpr std::string_view kDoc = R"(# Codes

An introduction, with a table and a fence that are not a section:

```yaml x.yaml
ignored: true
```

## JX0301 单位不一致 / Incompatible unit

原因：实际完成值的单位
与指标值的单位不在同一量纲。
修正：写成同一量纲的单位。

Cause: the actual's unit is not
of the target's dimension.
Fix: use a unit of the same dimension.

```yaml targets.yaml
project: 甲
```

```yaml actuals.yaml
projects: []
```

```console
$ jixiao eval targets.yaml -a actuals.yaml
targets.yaml:1:1: error[JX0301]: what it prints
```

## See also

Cause: not a section of a code.
)";

TEST_CASE("ParseErrorsDoc reads a section's titles, paragraphs, files and command") {
  std::vector<CodeEntry> entries = ParseErrorsDoc(kDoc);
  REQUIRE(entries.size() == 1);
  const CodeEntry& e = entries[0];
  CHECK(e.code == 301);
  CHECK(e.title_zh == "单位不一致");
  CHECK(e.title_en == "Incompatible unit");
  CHECK(e.cause_zh == "实际完成值的单位与指标值的单位不在同一量纲。");
  CHECK(e.fix_zh == "写成同一量纲的单位。");
  CHECK(e.cause_en == "the actual's unit is not of the target's dimension.");
  CHECK(e.fix_en == "use a unit of the same dimension.");
  REQUIRE(e.files.size() == 2);
  CHECK(e.files[0].name == "targets.yaml");
  CHECK(e.files[0].text == "project: 甲\n");
  CHECK(e.files[1].name == "actuals.yaml");
  CHECK(e.command == "jixiao eval targets.yaml -a actuals.yaml");
}

TEST_CASE("FormatCodeEntry prints one language: title, cause, fix, then the example") {
  CodeEntry e = ParseErrorsDoc(kDoc)[0];
  CHECK(FormatCodeEntry(e, Lang::kZh) ==
        "JX0301 单位不一致\n\n"
        "原因：实际完成值的单位与指标值的单位不在同一量纲。\n"
        "修正：写成同一量纲的单位。\n\n"
        "示例：\n\n"
        "  targets.yaml:\n"
        "    project: 甲\n\n"
        "  actuals.yaml:\n"
        "    projects: []\n\n"
        "  $ jixiao eval targets.yaml -a actuals.yaml\n");
  std::string en = FormatCodeEntry(e, Lang::kEn);
  CHECK(en.rfind("JX0301 Incompatible unit\n\nCause: the actual's unit is not of the target's "
                 "dimension.\nFix: use a unit of the same dimension.\n\nExample:\n",
                 0) == 0);
}

TEST_CASE("FormatCodeEntry names a binary example file and shows a link's target, not their bytes") {
  CodeEntry e = ParseErrorsDoc(
      "## JX0616 沿用 / Continued\n\n原因：甲。\n修正：乙。\n\nCause: a.\nFix: b.\n\n"
      "```base64 目标表.docx\nUEsDBBQAAAAI\n```\n\n```symlink report.json\nreports/report.json\n```\n\n"
      "```console\n$ jixiao import 目标表.docx\n```\n")[0];
  REQUIRE(e.files.size() == 2);
  CHECK(e.files[0].kind == "base64");
  CHECK(e.files[1].kind == "symlink");
  std::string zh = FormatCodeEntry(e, Lang::kZh);
  CHECK(zh.find("UEsDBBQAAAAI") == std::string::npos);
  CHECK(zh.find("  目标表.docx：二进制文件（内容见 docs/errors.md）\n") != std::string::npos);
  CHECK(zh.find("  report.json -> reports/report.json\n") != std::string::npos);
  CHECK(FormatCodeEntry(e, Lang::kEn).find("目标表.docx: a binary file") != std::string::npos);
}

}  // namespace
}  // namespace jixiao
