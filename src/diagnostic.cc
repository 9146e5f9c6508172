#include "diagnostic.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "text.h"

namespace jixiao {

void Diagnostics::Add(Diagnostic d) {
  if (d.severity == Severity::kError) ++errors_;
  list_.push_back(std::move(d));
}

void Diagnostics::Error(Location loc, std::string message, std::string source_line) {
  Add({Severity::kError, std::move(loc), std::move(message), std::move(source_line)});
}

void Diagnostics::Warning(Location loc, std::string message, std::string source_line) {
  Add({Severity::kWarning, std::move(loc), std::move(message), std::move(source_line)});
}

void Diagnostics::Append(const Diagnostics& other) {
  for (const Diagnostic& d : other.list_) Add(d);
}

void Diagnostics::Append(Diagnostics&& other) {
  if (list_.empty()) {
    *this = std::move(other);
  } else {
    for (Diagnostic& d : other.list_) Add(std::move(d));
  }
  other = Diagnostics();
}

Diagnostics Diagnostics::Take() {
  Diagnostics out = std::move(*this);
  *this = Diagnostics();
  return out;
}

void Diagnostics::PromoteWarnings() {
  for (Diagnostic& d : list_) d.severity = Severity::kError;
  errors_ = list_.size();
}

void Diagnostics::FillSourceLines() {
  // Each file is read once and its lines indexed once (a run with an error on
  // every line of a large file must not rescan it for each), and only one
  // file is held at a time (a year's warnings may be spread over thousands).
  std::vector<size_t> wanted;
  for (size_t i = 0; i < list_.size(); ++i) {
    const Diagnostic& d = list_[i];
    if (d.loc.line > 0 && d.source_line.empty() && !d.loc.file.empty()) wanted.push_back(i);
  }
  std::stable_sort(wanted.begin(), wanted.end(),
                   [this](size_t a, size_t b) { return list_[a].loc.file < list_[b].loc.file; });
  for (size_t k = 0; k < wanted.size();) {
    const std::string& file = list_[wanted[k]].loc.file;
    std::ifstream in(file, std::ios::binary);
    std::ostringstream buffer;
    if (in) buffer << in.rdbuf();
    std::string text = buffer.str();
    std::string_view body = text;
    if (StartsWith(body, "\xEF\xBB\xBF")) body.remove_prefix(3);
    LineIndex lines(body);
    size_t end = k;
    while (end < wanted.size() && list_[wanted[end]].loc.file == file) ++end;
    for (; k < end; ++k) {
      Diagnostic& d = list_[wanted[k]];
      d.source_line = std::string(lines.Line(d.loc.line));
    }
  }
}

Location Source::At(size_t offset, int line) const {
  offset = std::min(offset, text.size());
  if (line <= 0) {
    // Lines end at LF, CRLF or a lone CR, as LineOf and ColumnOfOffset count them.
    line = 1;
    for (size_t i = 0; i < offset; ++i) {
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
        ++line;
    }
  }
  return {path, line, ColumnOfOffset(text, offset)};
}

std::string_view Source::LineAt(size_t offset) const {
  std::string_view t = text;
  offset = std::min(offset, t.size());
  size_t start = offset == 0 ? 0 : t.find_last_of("\r\n", offset - 1);
  start = (offset == 0 || start == std::string_view::npos) ? 0 : start + 1;
  size_t end = t.find_first_of("\r\n", offset);
  if (end == std::string_view::npos) end = t.size();
  return t.substr(start, end - start);
}

Diagnostic MakeDiagnostic(Severity severity, const Source& src, size_t offset,
                          std::string message, int line) {
  return {severity, src.At(offset, line), std::move(message), std::string(src.LineAt(offset))};
}

}  // namespace jixiao
