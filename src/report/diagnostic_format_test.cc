#include "report/diagnostic_format.h"

#include <sstream>

#include <doctest/doctest.h>

#include "base/lang.h"

namespace jixiao {

TEST_CASE("a diagnostic prints its place, code, message, line and caret") {
  ScopedLang zh(Lang::kZh);
  Diagnostic d{Severity::kWarning, {"a.yaml", 12, 7}, "没有偏差原因", "      服务天数: 3",
               920};
  CHECK(FormatDiagnostic(d, false) ==
        "a.yaml:12:7: 警告[JX0920]: 没有偏差原因\n"
        " 12 |       服务天数: 3\n"
        "    |       ^\n");
  // A wide character before the column takes two spaces under it.
  Diagnostic wide{Severity::kError, {"b.yaml", 2, 7}, "坏", "  指标: x", 301};
  CHECK(FormatDiagnostic(wide, false) ==
        "b.yaml:2:7: 错误[JX0301]: 坏\n"
        " 2 |   指标: x\n"
        "   |         ^\n");
}

TEST_CASE("a diagnostic's first line with as much place as is known, with and without colour") {
  ScopedLang en(Lang::kEn);
  struct Row {
    Location loc;
    uint16_t code;
    const char* line;
  };
  const Row rows[] = {
      {{"a.yaml", 3, 9}, 301, "a.yaml:3:9: error[JX0301]: bad\n"},
      {{"a.yaml", 3, 0}, 301, "a.yaml:3: error[JX0301]: bad\n"},
      {{"a.yaml", 0, 0}, 301, "a.yaml: error[JX0301]: bad\n"},
      {{"", 0, 0}, 301, "error[JX0301]: bad\n"},
      {{"a.yaml", 3, 9}, 0, "a.yaml:3:9: error: bad\n"},
  };
  for (const Row& r : rows) {
    Diagnostic d{Severity::kError, r.loc, "bad", "", r.code};
    CHECK(FormatDiagnosticLine(d, false) == r.line);
    // Coloured, the same text once the escape sequences are taken out.
    std::string painted = FormatDiagnosticLine(d, true), plain;
    for (size_t i = 0; i < painted.size(); ++i) {
      if (painted[i] == '\x1b') {
        i = painted.find('m', i);
        continue;
      }
      plain += painted[i];
    }
    CHECK(plain == r.line);
  }
  // A line break or a carriage return quoted in the message becomes a space.
  Diagnostic d{Severity::kWarning, {"a.yaml", 1, 1}, "x\ny\rz", "", 920};
  CHECK(FormatDiagnosticLine(d, false) == "a.yaml:1:1: warning[JX0920]: x y z\n");
}

TEST_CASE("PrintDiagnostics writes every diagnostic, or under --quiet the errors only") {
  ScopedLang zh(Lang::kZh);
  Diagnostics d;
  d.Error({"a.yaml", 3, 1}, Message{301, "甲"});
  d.Warning({"a.yaml", 4, 1}, Message{920, "乙"});
  std::ostringstream all, quiet;
  PrintDiagnostics(d, Terminal(ColorMode::kNever, false, TerminalEnv{}), all);
  PrintDiagnostics(d, Terminal(ColorMode::kNever, true, TerminalEnv{}), quiet);
  CHECK(all.str() == "a.yaml:3:1: 错误[JX0301]: 甲\na.yaml:4:1: 警告[JX0920]: 乙\n");
  CHECK(quiet.str() == "a.yaml:3:1: 错误[JX0301]: 甲\n");
}

}  // namespace jixiao
