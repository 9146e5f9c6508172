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
