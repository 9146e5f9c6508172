#include "base/diagnostic.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include <fmt/format.h>

namespace jixiao {

namespace {

std::string TempPath(const std::string& name) {
  const char* dir = std::getenv("TMPDIR");
  return fmt::format("{}/jixiao-diagnostic-test-{}", dir != nullptr && *dir ? dir : "/tmp", name);
}

// The i-th of a run's diagnostics: errors and warnings, with and without a
// source line, in two files (lines 1 to 30) and in none.
Diagnostic Nth(int i, const std::string& a, const std::string& b) {
  Diagnostic d;
  d.severity = i % 3 == 0 ? Severity::kError : Severity::kWarning;
  d.loc = {i % 5 == 0 ? "" : i % 2 == 0 ? a : b, i % 5 == 0 ? 0 : 1 + i % 30, 1 + i % 7};
  d.message = fmt::format("问题 {}: {}", i, std::string(static_cast<size_t>(i % 50), 'm'));
  if (i % 4 == 0) d.source_line = fmt::format("given line {}", i);
  return d;
}

void CheckSame(const Diagnostics& x, const Diagnostics& y) {
  REQUIRE(x.size() == y.size());
  CHECK(x.error_count() == y.error_count());
  CHECK(x.warning_count() == y.warning_count());
  size_t i = 0;
  for (const Diagnostic& d : y.all()) {
    Diagnostic e = x.all()[i++];
    if (e.severity != d.severity || e.loc.file != d.loc.file || e.loc.line != d.loc.line ||
        e.loc.column != d.loc.column || e.message != d.message || e.source_line != d.source_line) {
      FAIL("diagnostic ", i - 1, " differs: ", e.message, " / ", d.message);
    }
  }
}

}  // namespace

TEST_CASE("Diagnostics: a list kept in a temporary file reads back as one in memory") {
  const std::string a = TempPath("a.yaml"), b = TempPath("b.yaml");
  for (const std::string& path : {a, b}) {
    std::ofstream out(path, std::ios::binary);
    if (path == a) out << "\xEF\xBB\xBF";  // a BOM is not part of line 1
    for (int line = 1; line <= 30; ++line) out << path.substr(path.size() - 6) << " line " << line << "\n";
  }
  Diagnostics memory, spilled;
  spilled.SpillToDisk();
  for (int i = 0; i < 1000; ++i) {
    memory.Add(Nth(i, a, b));
    spilled.Add(Nth(i, a, b));
  }
  Diagnostics more;
  for (int i = 1000; i < 1010; ++i) more.Add(Nth(i, a, b));
  memory.Append(more);  // read one by one
  Diagnostics moved = more.Take();
  CHECK(more.empty());
  spilled.Append(std::move(moved));  // moved
  CHECK(spilled.size() == 1010);
  CheckSame(spilled, memory);
  CHECK(spilled.all().front().message == Nth(0, a, b).message);
  CHECK(spilled.all().back().message == Nth(1009, a, b).message);

  memory.FillSourceLines();
  spilled.FillSourceLines(3);  // the files read on three threads: the same lines
  CheckSame(spilled, memory);
  CHECK(spilled.all()[1].source_line == "b.yaml line 2");
  CHECK(spilled.all()[2].source_line == "a.yaml line 3");
  CHECK(spilled.all()[4].source_line == "given line 4");  // kept as given
  CHECK(spilled.all()[5].source_line.empty());            // no file
  // Added after filling: filled again, and the earlier lines stay.
  for (int i = 1010; i < 1100; ++i) {
    memory.Add(Nth(i, a, b));
    spilled.Add(Nth(i, a, b));
  }
  memory.FillSourceLines();
  spilled.FillSourceLines();
  CheckSame(spilled, memory);
  CHECK(spilled.all()[1099].source_line == "b.yaml line 20");

  memory.PromoteWarnings();
  spilled.PromoteWarnings();
  CheckSame(spilled, memory);
  CHECK(spilled.error_count() == 1100);
  CHECK(spilled.warning_count() == 0);

  // Moved whole, it is still the same list.
  Diagnostics taken = spilled.Take();
  CHECK(spilled.empty());
  CheckSame(taken, memory);
  std::remove(a.c_str());
  std::remove(b.c_str());
}

TEST_CASE("Diagnostics: appending a spilled list to an empty one takes it whole") {
  Diagnostics spilled;
  spilled.SpillToDisk();
  for (int i = 0; i < 200; ++i) spilled.Warning({"f", i + 1, 1}, Message{0, fmt::format("w{}", i)});
  Diagnostics run;
  run.Append(std::move(spilled));
  CHECK(spilled.empty());
  REQUIRE(run.size() == 200);
  CHECK(run.warning_count() == 200);
  CHECK(run.all()[150].message == "w150");
  Diagnostics copy;
  copy.Error({}, Message{0, "first"});
  copy.Append(run);  // const: read back one by one
  CHECK(copy.size() == 201);
  CHECK(copy.all()[200].message == "w199");
}

TEST_CASE("Diagnostics: an invisible character in a message is shown and named") {
  ScopedLang zh(Lang::kZh);
  Diagnostics diags;
  diags.Error({"a.yaml", 6, 7}, Message{402, "“合格率\u200B”不是项目“甲”的指标：是不是“合格率”？"},
              "      合格率\u200B: 96%");
  diags.Warning({"a.csv", 8, 1}, Message{256, "项目“\uFEFFP1”和“P1\u200B\uFEFF”"});
  diags.Error({"b.yaml", 1, 1}, Message{201, "未知的键“x”"});
  REQUIRE(diags.size() == 3);
  CHECK(diags.all()[0].message ==
        "“合格率<U+200B>”不是项目“甲”的指标：是不是“合格率”？（其中 <U+200B> 是看不见的字符：请在文件中删除它）");
  CHECK(diags.all()[0].source_line == "      合格率\u200B: 96%");  // the file's line as it is
  CHECK(diags.all()[1].message ==
        "项目“<U+FEFF>P1”和“P1<U+200B><U+FEFF>”（其中 <U+FEFF>、<U+200B> 是看不见的字符：请在文件中删除它）");
  CHECK(diags.all()[2].message == "未知的键“x”");
  ScopedLang en(Lang::kEn);
  diags.Error({"a.yaml", 6, 7}, Message{402, "'rate\u200B' is not an indicator"});
  CHECK(diags.all()[3].message ==
        "'rate<U+200B>' is not an indicator (<U+200B>: an invisible character in the text; delete "
        "it from the file)");
}

TEST_CASE("Source::At counts LF, CRLF and a lone CR as line breaks") {
  // As LineOf does, so that a location and the source line shown agree.
  Source src{"a.csv", "a,b\rc,d\r\nx\xff,y\n"};
  Location at = src.At(src.text.find('\xff'));
  CHECK(at.file == "a.csv");
  CHECK(at.line == 3);
  CHECK(at.column == 2);
  CHECK(src.LineAt(src.text.find('\xff')) == "x\xff,y");
  CHECK(src.At(src.text.find('c')).line == 2);
  CHECK(src.At(src.text.size()).line == 4);
  Diagnostic d = MakeDiagnostic(Severity::kError, src, src.text.find('d'), Message{0, "m"});
  CHECK(d.loc.line == 2);
  CHECK(d.loc.column == 3);
  CHECK(d.source_line == "c,d");
}

TEST_CASE("FillSourceLines shows a GB18030 CSV file's lines decoded, other files' as they are") {
  // "时间" in GB18030 is CA B1 BC E4; CA B1 alone is also valid UTF-8
  // (U+02B1): only the whole file tells the encoding.
  const std::string gb = "\xCA\xB1\xBC\xE4,1\n\xCA\xB1\n";
  const std::string csv = TempPath("gb.CSV"), yaml = TempPath("gb.yaml");
  for (const std::string& path : {csv, yaml}) std::ofstream(path, std::ios::binary) << gb;
  Diagnostics diags;
  for (const std::string& path : {csv, yaml}) {
    for (int line : {1, 2}) diags.Warning({path, line, 1}, Message{0, "m"});
  }
  diags.FillSourceLines();
  CHECK(diags.all()[0].source_line == "时间,1");
  CHECK(diags.all()[1].source_line == "时");
  // A YAML file is never read as GB18030: one that is not UTF-8 is an error
  // whose line comes with it. Its lines are shown as they are.
  CHECK(diags.all()[2].source_line == "\xCA\xB1\xBC\xE4,1");
  CHECK(diags.all()[3].source_line == "\xCA\xB1");
  std::remove(csv.c_str());
  std::remove(yaml.c_str());
}

}  // namespace jixiao
