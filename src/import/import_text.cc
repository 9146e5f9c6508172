#include "import/import_text.h"

#include <fmt/format.h>

#include "base/lang.h"
#include "base/messages.h"
#include "base/text.h"

namespace jixiao {

std::string DescribePlace(const DocPlace& at, Lang lang) {
  auto place = [lang](MsgId id, auto... n) {
    return fmt::format(fmt::runtime(Text(id, lang)), n...);
  };
  if (at.is_text()) return place(MsgId::kPlaceLine, at.line);
  if (at.table > 0) return place(MsgId::kPlaceCell, at.table, at.row, at.cell);
  if (at.paragraph > 0) return place(MsgId::kPlaceParagraph, at.paragraph);
  return {};
}

Diagnostic MakeDocDiagnostic(const ImportDoc& doc, Severity severity, const DocPlace& at,
                             Message message) {
  if (at.is_text() && !doc.text.empty()) {
    Source src{doc.file, doc.text};
    return MakeDiagnostic(severity, src, at.offset, std::move(message), at.line);
  }
  Diagnostic d;
  d.severity = severity;
  d.loc.file = doc.file;
  d.code = message.code;
  std::string where = DescribePlace(at);
  d.message = where.empty() ? std::move(message.text)
                            : Tr(MsgId::kPlacedMessage, where, message.text);
  return d;
}

namespace {

// Cell or paragraph text: \v becomes a line break, \f disappears, and the
// result is trimmed.
std::string CleanText(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    if (c == '\v') {
      out.push_back('\n');
    } else if (c != '\f' && c != '\r') {
      out.push_back(c);
    }
  }
  return std::string(Trim(out));
}

}  // namespace

std::optional<ImportDoc> ReadExtractedText(const Source& src, Diagnostics* diags) {
  const std::string& t = src.text;
  size_t bad = FindInvalidUtf8(t);
  if (bad != std::string_view::npos) {
    diags->Add(MakeDiagnostic(Severity::kError, src, bad, Msg(MsgId::kImportNotText)));
    return std::nullopt;
  }
  for (size_t i = 0; i < t.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f') ||
        c == 0x7F) {
      diags->Add(MakeDiagnostic(Severity::kError, src, i,
                                Msg(MsgId::kImportControlChar,
                                    fmt::format("{:04X}", static_cast<unsigned>(c)))));
      return std::nullopt;
    }
  }

  ImportDoc doc;
  doc.file = src.path;
  doc.text = t;
  doc.rows_may_split = true;
  DocItem row;
  enum class Last { kNone, kCell, kBlank, kParagraph } last = Last::kNone;
  auto flush = [&] {
    if (!row.cells.empty()) {
      doc.items.push_back(std::move(row));
      row = DocItem{};
    }
  };
  size_t pos = 0;
  int line = 0;
  while (pos < t.size()) {
    // Lines end at LF, CRLF or a lone CR, as LineOf counts them for messages.
    size_t end = t.find_first_of("\r\n", pos);
    if (end == std::string::npos) end = t.size();
    size_t next = end + (t.compare(end, 2, "\r\n") == 0 ? 2 : 1);
    ++line;
    std::string_view raw(t.data() + pos, end - pos);
    if (!raw.empty() && raw[0] == '\t') {
      DocCell cell;
      cell.text = CleanText(raw.substr(1));
      cell.at.line = line;
      cell.at.offset = pos + 1;
      row.cells.push_back(std::move(cell));
      last = Last::kCell;
    } else if (CleanText(raw).empty()) {
      flush();
      last = Last::kBlank;
    } else if (last == Last::kCell) {
      std::string more = CleanText(raw);
      std::string& text = row.cells.back().text;
      if (!text.empty()) text.push_back('\n');
      text += more;
    } else {
      flush();
      DocItem para;
      para.kind = DocItem::Kind::kParagraph;
      DocCell cell;
      cell.text = CleanText(raw);
      cell.at.line = line;
      std::string_view trimmed = Trim(raw);
      cell.at.offset = pos + static_cast<size_t>(trimmed.data() - raw.data());
      para.cells.push_back(std::move(cell));
      doc.items.push_back(std::move(para));
      last = Last::kParagraph;
    }
    pos = next;
  }
  flush();
  return doc;
}

}  // namespace jixiao
