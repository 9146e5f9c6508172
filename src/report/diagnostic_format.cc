#include "report/diagnostic_format.h"

#include <cstring>
#include <string>

#include "report/report_common.h"
#include "base/terminal.h"
#include "base/text.h"

namespace jixiao {

namespace {

// `text` in `style` when `color`.
void AppendPainted(const std::string& text, Style style, bool color, std::string* out) {
  if (color) {
    out->append(Terminal::Paint(text, style, true));
  } else {
    out->append(text);
  }
}

// FormatDiagnosticLine(d, color) appended to *out. Without colour (a
// year's warnings to a file) the pieces go straight into *out.
void AppendDiagnosticLine(const Diagnostic& d, bool color, std::string* out) {
  if (color) {
    if (std::string where = FormatLocation(d.loc); !where.empty()) {
      AppendPainted(where + ":", Style::kBold, true, out);
      out->push_back(' ');
    }
    AppendPainted(SeverityLabel(d) + ":",
                  d.severity == Severity::kError ? Style::kError : Style::kWarning, true, out);
  } else {
    if (!d.loc.file.empty()) {
      AppendLocation(d.loc, out);
      out->append(": ");
    }
    AppendSeverityLabel(d, out);
    out->push_back(':');
  }
  out->push_back(' ');
  // Text quoted from an input may hold control characters (YAML "\e", "\n"):
  // on a terminal they must neither act nor break the line.
  const size_t message = out->size();
  AppendPrintableText(d.message, out);
  char* const end = out->data() + out->size();
  for (char c : {'\n', '\r'}) {
    for (char* p = out->data() + message;
         (p = static_cast<char*>(std::memchr(p, c, static_cast<size_t>(end - p)))) != nullptr;
         ++p) {
      *p = ' ';
    }
  }
  out->push_back('\n');
}

// FormatDiagnostic(d, color) appended to *out.
void AppendDiagnostic(const Diagnostic& d, bool color, std::string* out) {
  AppendDiagnosticLine(d, color, out);
  if (d.loc.line <= 0 || d.source_line.empty()) return;
  // Long lines (minified or garbage input) are not worth echoing whole.
  constexpr size_t kMaxEcho = 400;
  if (d.source_line.size() > kMaxEcho) return;
  const std::string number = std::to_string(d.loc.line);
  out->push_back(' ');
  out->append(number);
  out->append(" | ");
  AppendPrintableText(d.source_line, out);
  out->push_back('\n');
  if (d.loc.column <= 0) return;
  out->push_back(' ');
  out->append(number.size(), ' ');
  out->append(" | ");
  // The caret sits under the column's code point: every code point before
  // it becomes as many spaces as it is wide, tabs stay tabs.
  size_t pos = 0;
  for (int col = 1; col < d.loc.column && pos < d.source_line.size(); ++col) {
    char32_t cp = DecodeUtf8(d.source_line, &pos);
    if (cp == '\t') {
      out->push_back('\t');
    } else {
      out->append(CodePointWidth(cp), ' ');
    }
  }
  AppendPainted("^", Style::kNote, color, out);
  out->push_back('\n');
}

}  // namespace

std::string SeverityLabel(const Diagnostic& d) {
  std::string label;
  AppendSeverityLabel(d, &label);
  return label;
}

void AppendSeverityLabel(const Diagnostic& d, std::string* out) {
  out->append(Text(d.severity == Severity::kError ? MsgId::kSeverityError
                                                  : MsgId::kSeverityWarning));
  if (d.code != 0) {
    out->push_back('[');
    out->append(FormatCode(d.code));
    out->push_back(']');
  }
}

std::string FormatDiagnosticLine(const Diagnostic& d, bool color) {
  std::string out;
  AppendDiagnosticLine(d, color, &out);
  return out;
}

std::string FormatDiagnostic(const Diagnostic& d, bool color) {
  std::string out;
  AppendDiagnostic(d, color, &out);
  return out;
}

void PrintDiagnostics(const Diagnostics& diags, const Terminal& term, std::ostream& err) {
  // std::cerr writes out what each << gives it at once: a year's warnings
  // go out in blocks, not a write each.
  constexpr size_t kBlock = 64 * 1024;
  std::string block;
  for (const Diagnostic& d : diags.all()) {
    if (term.quiet() && d.severity != Severity::kError) continue;
    AppendDiagnostic(d, term.color_stderr(), &block);
    if (block.size() >= kBlock) {
      err << block;
      block.clear();
    }
  }
  if (!block.empty()) err << block;
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
