// CSV (RFC 4180) reading and writing.
#ifndef JIXIAO_BASE_CSV_H_
#define JIXIAO_BASE_CSV_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "base/parsed.h"

namespace jixiao {

struct CsvRow {
  std::vector<std::string> fields;
  int line = 0;                 // 1-based line where the row starts
  std::vector<int> lines;       // 1-based line where each field starts
  std::vector<int> columns;     // 1-based code-point column where each field starts
  std::vector<bool> quoted;     // whether each field was in double quotes
};

// A place in CSV text: 1-based line and code-point column.
struct CsvPosition {
  int line = 0;
  int column = 0;
};

// Most fields ParseCsv accepts in one text, so that hostile input cannot
// exhaust memory (a megabyte of commas is a million fields).
inline constexpr size_t kMaxCsvFields = 1000000;

// Limits a reader sets on CSV text (its caller's --max-scalar-size and
// --max-nodes, as for YAML).
struct CsvLimits {
  size_t max_field_bytes = SIZE_MAX;  // the longest field, unquoted
  size_t max_fields = kMaxCsvFields;  // the most fields in the text
};

// Splits `text` (BOM already removed) into rows: fields separated by commas,
// rows by LF, CRLF or a lone CR; a field in double quotes may hold commas,
// line breaks (each kept as LF) and doubled quotes (""). A quote inside an
// unquoted field is an ordinary character. Empty lines are skipped. An
// unterminated quote, text after a closing quote, a field longer than
// limits.max_field_bytes or more than limits.max_fields fields is an error
// (a field's at its start): its position goes to *error_at when given, else
// the message names the line and column.
Parsed<std::vector<CsvRow>> ParseCsv(std::string_view text, CsvPosition* error_at = nullptr,
                                     const CsvLimits& limits = {});

// ParseCsv one row at a time: calls `on_row` for each row in order until it
// returns false, holding no other row. On a syntax error the rows before it
// have been delivered. Returns the number of rows delivered.
Parsed<size_t> ForEachCsvRow(std::string_view text, const std::function<bool(CsvRow&&)>& on_row,
                             CsvPosition* error_at = nullptr, const CsvLimits& limits = {});

// Appends `field` to `out` quoted when it holds a comma, a quote, CR or LF
// (or a leading or trailing space or tab), doubling inner quotes.
void AppendCsvField(std::string_view field, std::string* out);

// Like AppendCsvField, but first neutralises a cell a spreadsheet would run
// as a formula (one starting with =, +, -, @, tab or CR) by prefixing a
// single quote. Plain decimal numbers such as "-5" and "+3.2" are left alone.
void AppendCsvCell(std::string_view field, std::string* out);

// Reads back what AppendCsvCell neutralised: a field that is a single quote
// followed by =, +, -, @, tab or CR loses the quote ("'=SUM(A1)" is
// "=SUM(A1)"), as a spreadsheet shows it. Every other field is left alone.
void UnguardCsvCells(CsvRow* row);

// Appends one row of `cells`, each as AppendCsvCell writes it, separated by
// commas and ended by CRLF (the line end Excel writes).
void AppendCsvRow(std::initializer_list<std::string_view> cells, std::string* out);

}  // namespace jixiao

#endif  // JIXIAO_BASE_CSV_H_
