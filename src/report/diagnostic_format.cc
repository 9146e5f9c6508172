#include "report/diagnostic_format.h"

#include <fmt/format.h>

#include "report/report_common.h"
#include "base/terminal.h"
#include "base/text.h"

namespace jixiao {

namespace {

// Text quoted from an input may hold control characters (YAML "\e", "\n"):
// on a terminal they must neither act nor break the line.
std::string OneLineText(std::string_view s) {
  std::string out = PrintableText(s);
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return out;
}

}  // namespace

std::string SeverityLabel(const Diagnostic& d) {
  std::string label(Text(d.severity == Severity::kError ? MsgId::kSeverityError
                                                        : MsgId::kSeverityWarning));
  if (d.code != 0) label += "[" + FormatCode(d.code) + "]";
  return label;
}

std::string FormatDiagnosticLine(const Diagnostic& d, bool color) {
  std::string out;
  std::string where = FormatLocation(d.loc);
  if (!where.empty()) out += Terminal::Paint(where + ":", Style::kBold, color) + " ";
  bool error = d.severity == Severity::kError;
  out += Terminal::Paint(SeverityLabel(d) + ":", error ? Style::kError : Style::kWarning, color);
  out += " ";
  out += OneLineText(d.message);
  out += "\n";
  return out;
}

std::string FormatDiagnostic(const Diagnostic& d, bool color) {
  std::string out = FormatDiagnosticLine(d, color);
  if (d.loc.line <= 0 || d.source_line.empty()) return out;
  // Long lines (minified or garbage input) are not worth echoing whole.
  constexpr size_t kMaxEcho = 400;
  if (d.source_line.size() > kMaxEcho) return out;
  std::string number = std::to_string(d.loc.line);
  std::string gutter(number.size(), ' ');
  out += fmt::format(" {} | {}\n", number, PrintableText(d.source_line));
  if (d.loc.column <= 0) return out;
  // The caret sits under the column's code point: every code point before
  // it becomes as many spaces as it is wide, tabs stay tabs.
  std::string pad;
  size_t pos = 0;
  for (int col = 1; col < d.loc.column && pos < d.source_line.size(); ++col) {
    char32_t cp = DecodeUtf8(d.source_line, &pos);
    if (cp == '\t') {
      pad.push_back('\t');
    } else {
      pad.append(CodePointWidth(cp), ' ');
    }
  }
  out += fmt::format(" {} | {}{}\n", gutter, pad, Terminal::Paint("^", Style::kNote, color));
  return out;
}

void PrintDiagnostics(const Diagnostics& diags, const Terminal& term, std::ostream& err) {
  for (const Diagnostic& d : diags.all()) {
    if (term.quiet() && d.severity != Severity::kError) continue;
    err << FormatDiagnostic(d, term.color_stderr());
  }
}

void WriteDiagnosticJson(const Diagnostic& d, JsonWriter* w) {
  w->BeginObject();
  w->Key("file").String(d.loc.file);
  w->Key("line").Int(d.loc.line);
  w->Key("column").Int(d.loc.column);
  if (d.code != 0) w->Key("code").String(FormatCode(d.code));
  w->Key("message").String(d.message);
  w->EndObject();
}

}  // namespace jixiao
