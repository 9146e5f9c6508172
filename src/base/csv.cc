#include "base/csv.h"

#include <functional>

#include "base/exact.h"
#include "base/messages.h"
#include "base/text.h"

namespace jixiao {

namespace {

// What a spreadsheet runs as a formula when a cell starts with it
// (AppendCsvCell neutralises it, UnguardCsvCells reads it back).
constexpr std::string_view kFormulaStarts = "=+-@\t\r";

// Reads CSV text byte by byte, keeping the line and code-point column of the
// next byte.
class CsvScanner {
 public:
  CsvScanner(std::string_view text, const CsvLimits& limits) : text_(text), limits_(limits) {}

  Parsed<size_t> Scan(const std::function<bool(CsvRow&&)>& on_row, CsvPosition* error_at) {
    error_at_ = error_at;
    size_t rows = 0;
    size_t fields = 0;
    while (!AtEnd()) {
      if (AtLineEnd()) {
        SkipLineEnd();
        continue;
      }
      CsvRow row;
      row.line = line_;
      while (true) {
        if (++fields > limits_.max_fields) {
          return Fail(line_, column_, Msg(MsgId::kCsvTooManyFields, limits_.max_fields));
        }
        row.lines.push_back(line_);
        row.columns.push_back(column_);
        std::string field;
        row.quoted.push_back(Peek() == '"');
        if (Peek() == '"') {
          if (!ReadQuoted(&field)) return Parsed<size_t>::Error(error_);
        } else {
          ReadPlain(&field);
        }
        if (field.size() > limits_.max_field_bytes) {
          return Fail(row.lines.back(), row.columns.back(),
                      Msg(MsgId::kCsvFieldTooLong, field.size(), limits_.max_field_bytes));
        }
        row.fields.push_back(std::move(field));
        if (!AtEnd() && Peek() == ',') {
          Advance();
          continue;
        }
        break;
      }
      if (!AtEnd()) SkipLineEnd();
      ++rows;
      if (!on_row(std::move(row))) break;
    }
    return rows;
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return text_[pos_]; }
  bool AtLineEnd() const { return !AtEnd() && (Peek() == '\n' || Peek() == '\r'); }

  // Consumes one byte that is not a line break.
  void Advance() {
    // A byte that is not a UTF-8 continuation byte starts a code point.
    if ((static_cast<unsigned char>(text_[pos_]) & 0xC0) != 0x80) ++column_;
    ++pos_;
  }

  // Consumes LF, CRLF or a lone CR.
  void SkipLineEnd() {
    if (Peek() == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
    column_ = 1;
  }

  void ReadPlain(std::string* field) {
    size_t start = pos_;
    while (!AtEnd() && Peek() != ',' && !AtLineEnd()) Advance();
    field->assign(text_.substr(start, pos_ - start));
  }

  // Reads a quoted field starting at its opening quote; false on error.
  bool ReadQuoted(std::string* field) {
    const int open_line = line_;
    const int open_column = column_;
    int close_line = 0, close_column = 0;
    size_t close_at = 0;
    Advance();
    while (true) {
      if (AtEnd()) {
        SetError(open_line, open_column, Msg(MsgId::kCsvUnclosedQuote));
        return false;
      }
      char c = Peek();
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field->push_back('"');
          Advance();
          Advance();
          continue;
        }
        close_line = line_;
        close_column = column_;
        close_at = pos_;
        Advance();
        break;
      }
      if (c == '\n' || c == '\r') {
        field->push_back('\n');
        SkipLineEnd();
        continue;
      }
      field->push_back(c);
      Advance();
    }
    if (AtEnd() || Peek() == ',' || AtLineEnd()) return true;
    size_t end = text_.find_first_of(",\r\n", pos_);
    std::string_view rest =
        text_.substr(pos_, end == std::string_view::npos ? std::string_view::npos : end - pos_);
    const std::string after = TruncateToWidth(rest, 20);
    if (close_line == open_line) {
      SetError(line_, column_, Msg(MsgId::kCsvTextAfterQuote, after));
    } else if (OpensCell(close_at)) {
      // `…,"按合同验收` with no closing quote, then `…,"问卷300份, …"` on a
      // later line: the quote that "closes" the field opens a cell of its
      // own. The slip is the quote left open, above.
      SetError(open_line, open_column,
               Msg(MsgId::kCsvQuoteRunsOn, close_line, close_column, after));
    } else {
      SetError(line_, column_,
               Msg(MsgId::kCsvTextAfterQuoteOpenedAt, after, open_line, open_column));
    }
    return false;
  }

  // Whether the quote at byte `at` starts a cell: only blanks between it
  // and the comma or line start before it.
  bool OpensCell(size_t at) const {
    while (at > 0 && (text_[at - 1] == ' ' || text_[at - 1] == '\t')) --at;
    return at == 0 || text_[at - 1] == ',' || text_[at - 1] == '\n' || text_[at - 1] == '\r';
  }

  void SetError(int line, int column, Message message) {
    if (error_at_ != nullptr) {
      error_at_->line = line;
      error_at_->column = column;
      error_ = std::move(message);
    } else {
      error_ = {message.code, Tr(MsgId::kCsvAt, line, column, message.text)};
    }
  }

  Parsed<size_t> Fail(int line, int column, Message message) {
    SetError(line, column, std::move(message));
    return Parsed<size_t>::Error(error_);
  }

  std::string_view text_;
  const CsvLimits& limits_;
  size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
  CsvPosition* error_at_ = nullptr;
  Message error_;
};

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

Parsed<size_t> ForEachCsvRow(std::string_view text, const std::function<bool(CsvRow&&)>& on_row,
                             CsvPosition* error_at, const CsvLimits& limits) {
  return CsvScanner(text, limits).Scan(on_row, error_at);
}

Parsed<std::vector<CsvRow>> ParseCsv(std::string_view text, CsvPosition* error_at,
                                     const CsvLimits& limits) {
  std::vector<CsvRow> rows;
  Parsed<size_t> n = ForEachCsvRow(
      text,
      [&rows](CsvRow&& row) {
        rows.push_back(std::move(row));
        return true;
      },
      error_at, limits);
  if (!n) return Parsed<std::vector<CsvRow>>::Error(n.message());
  return rows;
}

void AppendCsvField(std::string_view field, std::string* out) {
  bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!field.empty() && (IsBlank(field.front()) || IsBlank(field.back())));
  if (!quote) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendCsvCell(std::string_view field, std::string* out) {
  if (!field.empty() && kFormulaStarts.find(field.front()) != std::string_view::npos &&
      !Rational::ParseDecimal(field)) {
    std::string neutral = "'";
    neutral.append(field);
    AppendCsvField(neutral, out);
    return;
  }
  AppendCsvField(field, out);
}

void UnguardCsvCells(CsvRow* row) {
  for (std::string& f : row->fields) {
    if (f.size() >= 2 && f[0] == '\'' && kFormulaStarts.find(f[1]) != std::string_view::npos) {
      f.erase(0, 1);
    }
  }
}

void AppendCsvRow(std::initializer_list<std::string_view> cells, std::string* out) {
  bool first = true;
  for (std::string_view c : cells) {
    if (!first) out->push_back(',');
    first = false;
    AppendCsvCell(c, out);
  }
  out->append("\r\n");
}

}  // namespace jixiao
