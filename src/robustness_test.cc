// Regression tests for the findings of the fuzz harnesses (tests/fuzz/) and
// the input limits (docs/robustness.md). Each test names its finding.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/actuals.h"
#include "base/csv.h"
#include "base/diagnostic.h"
#include "base/exact.h"
#include "import/import_text.h"
#include "model/rules.h"
#include "model/rules_file.h"
#include "score/score.h"
#include "model/target_loader.h"
#include "base/text.h"
#include "model/value.h"
#include "yaml/yaml_doc.h"

namespace jixiao {

namespace {

struct Loaded {
  Diagnostics diags;
  std::vector<Project> projects;
  size_t documents = 0;
};

// CheckInputText, ParseYamlStream and ReadTargetDocument, as the loader runs them.
Loaded LoadTargets(const std::string& text, YamlLimits limits = {}) {
  Loaded l;
  Source src{"t.yaml", text};
  static const Rules rules = Rules::Default();
  if (!CheckInputText(src, limits.max_file_bytes, &l.diags)) return l;
  l.documents = ParseYamlStream(src, limits, &l.diags, [&](const YamlDocument& doc) {
    if (auto p = ReadTargetDocument(src, doc, rules, &l.diags)) l.projects.push_back(std::move(*p));
  });
  return l;
}

// The one error of `d`; fails the test when there is not exactly one.
Diagnostic OnlyError(const Diagnostics& d) {
  REQUIRE(d.error_count() == 1);
  for (Diagnostic x : d.all())
    if (x.severity == Severity::kError) return x;
  return {};
}

const char kValidProject[] =
    "project: 项目\n"
    "year: 2024\n"
    "budget: {total: 6}\n"
    "indicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: 数量, target: 4台}\n";

}  // namespace

// ---- Finding 1 (fuzz_value): a unit holding a range separator ----

TEST_CASE("finding 1: a unit may not hold a range separator") {
  // "4-8个〜" was read as the range 4个〜-8个〜, which written back as
  // "4个〜-8个〜" splits at '〜' instead and no longer parses.
  for (const char* text : {"4-8个〜", "4-8个至", "4-8个—", "1-2台–"}) {
    CAPTURE(text);
    Parsed<Target> t = ParseTarget(text);
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().find("is not a unit") != std::string::npos);
    CHECK(t.error().find("range separator") != std::string::npos);
  }
  for (const char* text : {"5个–", "≥5台〜"}) CHECK_FALSE(ParseTarget(text).ok());
  // Ranges themselves are unchanged.
  for (const char* text : {"4-8个", "4个至8个", "80%〜90%", "1—5个", "1–5个"}) {
    CAPTURE(text);
    Parsed<Target> t = ParseTarget(text);
    REQUIRE(t.ok());
    CHECK(t->kind == TargetKind::kRange);
  }
  // An actual with such a unit is text, for the scorer to reject.
  Parsed<Actual> a = ParseActual("6个〜");
  REQUIRE(a.ok());
  CHECK(a->kind == ActualKind::kText);
}

// ---- Finding 2 (fuzz_target, fuzz_actuals_yaml, fuzz_rules): lone CR ----

TEST_CASE("finding 2: a lone CR in a YAML file is an error at its place") {
  // yaml-cpp counts lines at LF only and reads a lone CR as text, so the
  // line, the column and the source line shown were taken from different
  // lines. Now the file is rejected at the CR.
  Loaded l = LoadTargets("project: 项目\nyear: 2024\rbudget: {total: 6}\n");
  const Diagnostic& d = OnlyError(l.diags);
  CHECK(d.message.find("carriage return") != std::string::npos);
  CHECK(d.message.find("LF or CRLF") != std::string::npos);
  CHECK(d.loc.file == "t.yaml");
  CHECK(d.loc.line == 2);
  CHECK(d.loc.column == 11);
  CHECK(d.source_line == "year: 2024");
  CHECK(l.documents == 0);
  // CRLF files are fine.
  std::string crlf = kValidProject;
  for (size_t i = crlf.find('\n'); i != std::string::npos; i = crlf.find('\n', i + 2))
    crlf.replace(i, 1, "\r\n");
  Loaded ok = LoadTargets(crlf);
  CHECK(ok.diags.empty());
  CHECK(ok.projects.size() == 1);
}

TEST_CASE("finding 2: a location computed from an offset counts a lone CR as a line break") {
  // As LineOf, ColumnOfOffset and the CSV reader do: the invalid byte on
  // the third line (after a lone CR) is reported on line 3, column 2, with
  // that line shown.
  Source src{"a.csv", "a,b\rc,d\r\nx\xff,y\n"};
  Diagnostics d;
  CHECK_FALSE(CheckInputText(src, 1 << 20, &d));
  const Diagnostic& e = OnlyError(d);
  CHECK(e.loc.line == 3);
  CHECK(e.loc.column == 2);
  CHECK(e.source_line == std::string(LineOf(src.text, 3)));
  CHECK(src.At(src.text.size()).line == 4);
}

// ---- Finding 3 (fuzz_eval): yaml-cpp messages cut a character in two ----

TEST_CASE("finding 3: an unknown escape is quoted whole, at its backslash") {
  // yaml-cpp's "unknown escape character: " quoted one byte of 'é', which
  // made the message (and the JSON report) invalid UTF-8.
  Loaded l = LoadTargets("project: \"项目\\é\"\n");
  const Diagnostic& d = OnlyError(l.diags);
  CHECK(FindInvalidUtf8(d.message) == std::string::npos);
  CHECK(d.message == "YAML syntax error: unknown escape '\\é' in a double-quoted string: write "
                     "a backslash as '\\\\', or use single quotes");
  CHECK(d.loc.line == 1);
  CHECK(d.loc.column == 13);  // the backslash
  Loaded q = LoadTargets("project: \"a\\qb\"\n");
  CHECK(OnlyError(q.diags).message.find("unknown escape '\\q'") != std::string::npos);
  CHECK(OnlyError(q.diags).loc.column == 12);
}

TEST_CASE("finding 3: a stray character is quoted whole") {
  Loaded l = LoadTargets("a: 1\n、,\n");
  for (const Diagnostic& d : l.diags.all()) {
    CAPTURE(d.message);
    CHECK(FindInvalidUtf8(d.message) == std::string::npos);
  }
}

// ---- Finding 4 (fuzz_import_text): lone CR in extracted text ----

TEST_CASE("finding 4: extracted text breaks lines at a lone CR, as messages count them") {
  // The reader split lines at LF only and dropped CRs, while the line shown
  // under a message and its column break at CR too: a cell after a lone CR
  // was reported with the wrong source line.
  Source src{"doc.txt", "标题\r\t一级指标\r\t二级指标\r\n\t三级指标\n"};
  Diagnostics d;
  std::optional<ImportDoc> doc = ReadExtractedText(src, &d);
  REQUIRE(doc.has_value());
  CHECK(d.empty());
  REQUIRE(doc->items.size() == 2);
  CHECK(doc->items[0].kind == DocItem::Kind::kParagraph);
  CHECK(doc->items[0].cells[0].text == "标题");
  const std::vector<DocCell>& cells = doc->items[1].cells;
  REQUIRE(cells.size() == 3);
  for (int i = 0; i < 3; ++i) {
    CAPTURE(i);
    CHECK(cells[i].at.line == i + 2);
    Diagnostic m = MakeDocDiagnostic(*doc, Severity::kError, cells[i].at, "x");
    CHECK(m.loc.line == i + 2);
    CHECK(m.loc.column == 2);
    CHECK(m.source_line == "\t" + cells[i].text);
  }
}

// ---- Finding 5 (fuzz_value): an approximation before a suffix comparator ----

TEST_CASE("finding 5: '21个左右以下' is as approximate as '21个左右'") {
  // The approximation words were looked for only at the very end, so with
  // a suffix comparator after them '21个左右以下' was the target ≤21 of the
  // unit '个左右', whose canonical form '≤21个左右' is an error.
  for (const char* text : {"21个左右以下", "5个上下以上", "5台前后以内", "21左右及以下"}) {
    CAPTURE(text);
    Parsed<Target> t = ParseTarget(text);
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().find("is approximate and cannot be scored") != std::string::npos);
  }
  CHECK(ParseTarget("21个以下").ok());
  CHECK(ParseTarget("12个月以内").ok());
}

// ---- Finding 6 (fuzz_target, fuzz_actuals_yaml, fuzz_rules): \N and \_ ----

TEST_CASE("finding 6: the YAML escapes \\N and \\_ give valid UTF-8") {
  // yaml-cpp writes the escapes \N (U+0085) and \_ (U+00A0) as the single
  // bytes 0x85 and 0xA0: invalid UTF-8 reached names, messages and the JSON
  // report. They are now encoded as UTF-8.
  Source src{"t.yaml", "k: \"a\\_b\\Nc\\x41\\u00e9\"\nunknown\\_key: 1\n"};
  Diagnostics d;
  std::string value;
  ParseYamlStream(src, {}, &d, [&](const YamlDocument& doc) { value = doc.root()->Find("k")->value; });
  CHECK(d.empty());
  CHECK(value == "a\u00a0b\u0085cA\u00e9");
  CHECK(FindInvalidUtf8(value) == std::string::npos);
  // Through the target loader: a key with \_ in an error message.
  Loaded l = LoadTargets(std::string(kValidProject) + "\"x\\_y\": 1\n");
  const Diagnostic& e = OnlyError(l.diags);
  CHECK(FindInvalidUtf8(e.message) == std::string::npos);
  CHECK(e.message.find("unknown key 'x\u00a0y'") != std::string::npos);
}

// ---- Finding 7 (limits review): numbers of a million digits ----

TEST_CASE("finding 7: a number has at most kMaxDecimalDigits digits") {
  // Parsing a decimal costs time quadratic in its digits: a target of a
  // million digits (within the 1 MiB value limit) took 15 s to load, and
  // scoring with it far longer; the message quoted the whole megabyte.
  const std::string max(kMaxDecimalDigits, '9');
  const std::string over(kMaxDecimalDigits + 1, '9');
  CHECK(Rational::ParseDecimal(max).has_value());
  CHECK_FALSE(Rational::ParseDecimal(over).has_value());
  CHECK_FALSE(Rational::ParseDecimal("0." + over).has_value());
  CHECK(ParseTarget("≥" + max + "台").ok());
  const std::string huge(1000000, '9');
  for (const std::string& text : {"≥" + huge + "台", huge + "台", "1-" + huge + "台"}) {
    Parsed<Target> t = ParseTarget(text);
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().find("has more than 1000 digits") != std::string::npos);
    CHECK(t.error().size() < 400);
  }
  Parsed<Actual> a = ParseActual(huge + "台");
  REQUIRE_FALSE(a.ok());
  CHECK(a.error().find("has more than 1000 digits") != std::string::npos);
  // Amounts read from YAML.
  Loaded l = LoadTargets("project: 项目\nyear: 2024\nbudget: {total: " + huge +
                         "}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 数量, "
                         "target: 4台}\n");
  const Diagnostic& d = OnlyError(l.diags);
  CHECK(d.message.find("'total' is too large") != std::string::npos);
  CHECK(d.message.size() < 400);
  CHECK(d.loc.line == 3);
  // Any quoted text in a value message is cut.
  Parsed<Target> words = ParseTarget("≥5" + std::string(3000, 'x') + "1");
  REQUIRE_FALSE(words.ok());
  CHECK(words.error().size() < 400);
}

// ---- Finding 8 (limits review): the exact total of many indicators ----

TEST_CASE("finding 8: a project's exact total is summed in pairs, to the same value") {
  // Adding n exact ratios with unrelated denominators one by one costs n^3:
  // 1000 indicators with hostile values took 12 s to score (0.2 s now).
  // Summed in pairs the total is the same exact number.
  std::string targets = "project: 大项目\nid: BIG\nyear: 2024\nbudget: {total: 7}\nindicators:\n";
  std::string actuals = "projects:\n  - id: BIG\n    spent: 6.999999\n    indicators:\n";
  uint32_t x = 12345;
  auto next = [&x] { return x = x * 1103515245u + 12345u; };
  for (int i = 0; i < 300; ++i) {  // the sequential sum below costs n^3
    targets += "  - {level1: 产出指标, level2: 数量指标, name: 指标" + std::to_string(i) +
               ", target: \"≥" + std::to_string(1000000 + next() % 9000000) + "." +
               std::to_string(100000 + next() % 900000) + "台\"}\n";
    actuals += "      指标" + std::to_string(i) + ": " + std::to_string(1000000 + next() % 9000000) +
               "." + std::to_string(100000 + next() % 900000) + "台\n";
  }
  Loaded l = LoadTargets(targets);
  REQUIRE(l.projects.size() == 1);
  Source src{"a.yaml", actuals};
  Diagnostics d;
  ActualsIndex index;
  ParseYamlStream(src, {}, &d, [&](const YamlDocument& doc) { ReadActualsDocument(src, doc, &index, &d); });
  REQUIRE(d.empty());
  auto a = index.Claim("BIG", "大项目");
  REQUIRE(a.get() != nullptr);
  std::optional<ProjectScore> s = ScoreProject(std::move(l.projects[0]), *a, Rules::Default(), &d);
  REQUIRE(s.has_value());
  Rational sequential = s->budget_score;
  for (const IndicatorScore& is : s->indicators) sequential += is.score;
  CHECK(s->total == sequential);
  CHECK(s->total_rounded == s->total.Round(2));
  CHECK(s->total >= 0);
  CHECK(s->total <= 100);
}

// ---- Finding 9 (limits review): a source line per diagnostic ----

TEST_CASE("finding 9: LineIndex gives the lines LineOf gives") {
  // Each CSV error and each diagnostic filled in before printing looked up
  // its source line with LineOf, which scans from the start of the file:
  // 50 000 bad rows of a 1.7 MB CSV took 126 s. LineIndex scans once.
  for (std::string_view text : {std::string_view(""), std::string_view("a"),
                                std::string_view("a\n"), std::string_view("a\nb"),
                                std::string_view("a\r\nb\rc\n\nd"), std::string_view("\r\r\n\n"),
                                std::string_view("项目\r甲\r\n乙")}) {
    LineIndex index(text);
    for (int line = -1; line <= 8; ++line) {
      CAPTURE(text);
      CAPTURE(line);
      CHECK(index.Line(line) == LineOf(text, line));
    }
  }
}

// ---- Finding 11 (fuzz_value): two suffix comparators ----

TEST_CASE("finding 11: two suffix comparators are an error") {
  // '2024嗥及以内以下' was ≤2024 of the unit '嗥及以内': only the last suffix
  // was taken off, and the canonical form '≤2024嗥及以内' read as the unit
  // '嗥及'.
  for (const char* text : {"2024嗥及以内以下", "5个以内以下", "5个以上及以上", "5个内以下"}) {
    CAPTURE(text);
    Parsed<Target> t = ParseTarget(text);
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().find("has two comparators after the number") != std::string::npos);
  }
  CHECK(ParseTarget("5个以内").ok());
  CHECK(ParseTarget("≥5个以上").ok());
}

// ---- Finding 12 (fuzz_target): a syntax error inside a character ----

TEST_CASE("finding 12: a YAML syntax error inside a character points at the character") {
  // yaml-cpp counts bytes: after "\\x" it read two bytes of '个' and
  // stopped inside it, so the column counted the character's bytes as
  // characters, past the end of the line.
  Loaded l = LoadTargets("a:\n  \"x \\x个\":\n    v: 1\n");
  const Diagnostic& d = OnlyError(l.diags);
  CHECK(d.message == "YAML syntax error: bad character found while scanning hex number");
  CHECK(d.loc.line == 2);
  CHECK(d.loc.column == 8);
  CHECK(d.source_line == "  \"x \\x个\":");
}

// ---- Finding 13 (fuzz_value): a unit ending with a suffix comparator ----

TEST_CASE("finding 13: a unit may not end with a suffix comparator or an approximation") {
  // '8个及以下–30' was the range 8–30 of the unit '个及以下'; written back as
  // '8个及以下-30个及以下' the last '及以下' was read as a comparator.
  for (const char* text : {"8个及以下–30", "8个以内-30个以内", "1个以上-3"}) {
    CAPTURE(text);
    Parsed<Target> t = ParseTarget(text);
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().find("ends with the comparator") != std::string::npos);
  }
  // The same holds for the approximation words of finding 5.
  for (const char* text : {"5台左右-6", "5台上下-6", "1个前后-2"}) {
    CAPTURE(text);
    Parsed<Target> t = ParseTarget(text);
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().find("ends with the approximation") != std::string::npos);
  }
  // The suffix comparators themselves are unchanged.
  CHECK(ParseTarget("8个及以下")->cmp == Comparator::kLe);
  CHECK(ParseTarget("12个月以内")->cmp == Comparator::kLe);
  CHECK(ParseTarget("1-3个")->kind == TargetKind::kRange);
  CHECK(ParseActual("8个以下").ok() == false);  // a comparator in an actual
}

// ---- Finding 14 (fuzz_eval): a file starting with two byte order marks ----

TEST_CASE("finding 14: locations after a byte order mark that reaches yaml-cpp") {
  // ReadSource removes a file's BOM; a second one reached yaml-cpp, which
  // skipped it and counted positions after it: every location was 3 bytes
  // early (a syntax error on line 2 was shown at the end of line 1).
  const std::string bom = "\xEF\xBB\xBF";
  for (const std::string& lead : {std::string(), bom, bom + bom}) {
    CAPTURE(lead.size());
    Loaded l = LoadTargets(lead + "a: b\n  c: d\n");
    const Diagnostic& d = OnlyError(l.diags);
    CHECK(d.message == "YAML syntax error: illegal map value");
    CHECK(d.loc.line == 2);
    CHECK(d.loc.column == 4);
    // Values are located at their own characters too.
    Loaded ok = LoadTargets(lead + kValidProject + std::string("x-note: 1\nprojec: 2\n"));
    const Diagnostic& e = OnlyError(ok.diags);
    CHECK(e.loc.line == 7);
    CHECK(e.loc.column == 1);
  }
}

}  // namespace jixiao
