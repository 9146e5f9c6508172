// Turning diagnostics into text for people and annotations for machines.
#ifndef JIXIAO_REPORT_DIAGNOSTIC_FORMAT_H_
#define JIXIAO_REPORT_DIAGNOSTIC_FORMAT_H_

#include <ostream>
#include <string>

#include "base/diagnostic.h"
#include "base/json_writer.h"
#include "base/terminal.h"

namespace jixiao {

// "错误[JX0301]" / "error[JX0301]" (or "警告…" / "warning…"): the severity in
// the run's language and the code, if the diagnostic has one.
std::string SeverityLabel(const Diagnostic& d);
// SeverityLabel(d) appended to *out.
void AppendSeverityLabel(const Diagnostic& d, std::string* out);

// The compiler-style form: "file:line:column: 错误[JX0301]: message" (or
// "error[JX0301]: " under --lang en), then, when
// the source line is known, the line and a caret under the column:
//     12 |     nmae: 购置设备数量
//        |     ^
// Every line ends with '\n'. `color` adds terminal colours.
std::string FormatDiagnostic(const Diagnostic& d, bool color);

// The one-line form only, without the source excerpt.
std::string FormatDiagnosticLine(const Diagnostic& d, bool color);

// Prints every diagnostic to `err` in the compiler-style form, in colour
// when the terminal takes it; under --quiet only the errors.
void PrintDiagnostics(const Diagnostics& diags, const Terminal& term, std::ostream& err);

// Writes {"file": …, "line": …, "column": …, "code": "JX0301", "message": …}
// (docs/reference.md §7); "code" only when the diagnostic has one.
void WriteDiagnosticJson(const Diagnostic& d, JsonWriter* w);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_DIAGNOSTIC_FORMAT_H_
