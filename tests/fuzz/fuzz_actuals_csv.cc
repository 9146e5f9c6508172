// Fuzzes the CSV reader (csv.h ParseCsv, AppendCsvField, AppendCsvCell)
// and the CSV actuals loader (ReadActualsCsv, docs/reference.md §2).
//
// Invariants checked, beyond "does not crash, hang or leak":
//   - ParseCsv: a failure has a message and a position inside the text;
//     every row has as many field lines and columns as fields, rows and
//     fields start in order, at lines and columns inside the text; no field
//     holds CR; writing the rows back with AppendCsvField and parsing that
//     gives the same rows (RFC 4180 round trip); AppendCsvCell never starts
//     a cell with a formula character unless it is a plain number;
//   - CheckActualsCsvText: a text it refuses has one error; one it accepts
//     is UTF-8 (a GB18030 text decoded);
//   - ReadActualsCsv: diagnostics well formed and located; the same entry
//     invariants as the YAML loader (fuzz_actuals_common.h); every project
//     of a well-formed file becomes an entry; what nobody claims is reported.
//     A text that mentions as_of is read as a progress file (monitor's), its
//     forecast, likelihood and reasons columns checked and read back too.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "model/actuals.h"
#include "model/actuals_read.h"
#include "model/progress.h"
#include "base/csv.h"
#include "fuzz_actuals_common.h"
#include "fuzz_common.h"
#include "yaml/yaml_doc.h"

using namespace jixiao;
using jixiao::fuzz::CheckDiagnostics;
using jixiao::fuzz::LineCount;

namespace {

void CheckRows(const std::vector<CsvRow>& rows, std::string_view text) {
  const int lines = LineCount(text);
  int last_line = 0;
  for (const CsvRow& row : rows) {
    FUZZ_CHECK(!row.fields.empty(), "a row without fields");
    FUZZ_CHECK(row.fields.size() == row.lines.size() && row.fields.size() == row.columns.size(),
               "row field positions");
    FUZZ_CHECK(row.line > last_line && row.line <= lines, "row line order");
    FUZZ_CHECK(row.lines[0] == row.line, "first field not on the row's line");
    for (size_t i = 0; i < row.fields.size(); ++i) {
      FUZZ_CHECK(row.lines[i] >= row.line && row.lines[i] <= lines, "field line");
      FUZZ_CHECK(row.columns[i] >= 1, "field column");
      FUZZ_CHECK(static_cast<size_t>(row.columns[i]) <= CodePointCount(LineOf(text, row.lines[i])) + 1,
                 "field column beyond its line");
      if (i > 0) {
        FUZZ_CHECK(row.lines[i] > row.lines[i - 1] ||
                       (row.lines[i] == row.lines[i - 1] && row.columns[i] > row.columns[i - 1]),
                   "fields out of order");
      }
      FUZZ_CHECK(row.fields[i].find('\r') == std::string::npos, "CR kept in a field");
    }
    last_line = row.lines.back();
  }
}

// The rows written back as CSV. A row of one empty field is written as ""
// so that it is not an empty line, which ParseCsv skips.
std::string Write(const std::vector<CsvRow>& rows) {
  std::string out;
  for (const CsvRow& row : rows) {
    if (row.fields.size() == 1 && row.fields[0].empty()) {
      out += "\"\"\n";
      continue;
    }
    for (size_t i = 0; i < row.fields.size(); ++i) {
      if (i > 0) out += ',';
      AppendCsvField(row.fields[i], &out);
    }
    out += '\n';
  }
  return out;
}

void CheckCells(const std::vector<CsvRow>& rows) {
  for (const CsvRow& row : rows) {
    for (const std::string& f : row.fields) {
      std::string cell;
      AppendCsvCell(f, &cell);
      std::string_view c = cell;
      if (!c.empty() && c[0] == '"') c.remove_prefix(1);
      if (!c.empty() && std::string_view("=+-@\t\r").find(c[0]) != std::string_view::npos) {
        FUZZ_CHECK(Rational::ParseDecimal(f).has_value(), "formula cell left as is: " + f);
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Source src;
  src.path = "actuals.csv";
  src.text.assign(reinterpret_cast<const char*>(data), size);

  // The CSV layer alone, on any bytes.
  std::string_view text = StripBom(src.text);
  CsvPosition at;
  Parsed<std::vector<CsvRow>> parsed = ParseCsv(text, &at);
  if (!parsed) {
    FUZZ_CHECK(!parsed.error().empty(), "CSV error without a message");
    FUZZ_CHECK(at.line >= 1 && at.line <= LineCount(text) && at.column >= 1, "CSV error position");
  } else {
    CheckRows(*parsed, text);
    std::string written = Write(*parsed);
    Parsed<std::vector<CsvRow>> again = ParseCsv(written);
    FUZZ_CHECK(again.ok(), "written CSV does not parse: " + again.error());
    FUZZ_CHECK(again->size() == parsed->size(), "row count changes in a round trip");
    for (size_t i = 0; i < again->size(); ++i) {
      FUZZ_CHECK((*again)[i].fields == (*parsed)[i].fields, "fields change in a round trip");
    }
    CheckCells(*parsed);
  }

  // The actuals loader, on text that passed the input check as in the
  // program. ReadActualsCsv removes a BOM itself (a second one, here, as
  // ReadSource removed the first), and locates everything in the text
  // without it: check the diagnostics against that text.
  // A text that is not UTF-8 but clean GB18030 is decoded: the rest checks
  // the decoded text, where the diagnostics are located.
  Diagnostics diags;
  if (!CheckActualsCsvText(&src, 1 << 20, &diags)) {
    FUZZ_CHECK(diags.error_count() == 1, "a text refused with other than one error");
    return 0;
  }
  FUZZ_CHECK(FindInvalidUtf8(src.text) == std::string::npos, "accepted text is not UTF-8");
  src.text = std::string(StripBom(src.text));
  const std::string seen(StripBom(src.text));
  // `unclaimed` holds every entry in its temporary file (a memory budget of
  // 0), `index` in memory: the two must agree (CheckSameEntries).
  ActualsIndex index, unclaimed(jixiao::fuzz::SpillEverything());
  static const ProgressReading kProgress;
  const bool progress = seen.find("as_of") != std::string::npos;
  auto read = [&](ActualsIndex* into, Diagnostics* d) {
    if (!progress) return ReadActualsCsv(src, into, d);
    actuals_read::EntrySink add = [&](ProjectActuals&& e) { into->Add(std::move(e), d); };
    actuals_read::ReadCsvEntries(src, YamlLimits{}, add, d, &kProgress);
  };
  read(&index, &diags);
  CheckDiagnostics(diags, 0, src.path, &seen);
  Diagnostics scratch;
  read(&unclaimed, &scratch);

  std::vector<std::string> keys;
  parsed = ParseCsv(seen);
  if (parsed && !parsed->empty()) {
    // As the reader: blank rows and notes (text in the first cell only) are
    // no rows of data, above the header or below it.
    auto blank = [](const std::string& f) { return Trim(f).empty(); };
    auto skipped = [&](const CsvRow& row) {
      return std::all_of(row.fields.begin() + (row.fields.empty() ? 0 : 1), row.fields.end(),
                         blank);
    };
    size_t h = 0;
    while (h < parsed->size() && skipped((*parsed)[h])) ++h;
    size_t project = SIZE_MAX;
    if (h < parsed->size()) {
      const CsvRow& header = (*parsed)[h];
      for (size_t i = 0; i < header.fields.size(); ++i)
        if (ActualsCsvColumn(header.fields[i]) == "project") project = i;
    }
    for (size_t r = h + 1; r < parsed->size() && project != SIZE_MAX; ++r) {
      const CsvRow& row = (*parsed)[r];
      if (skipped(row)) continue;
      if (project < row.fields.size()) keys.emplace_back(Trim(row.fields[project]));
    }
  }
  if (!diags.has_errors() && parsed) {
    std::set<std::string> distinct(keys.begin(), keys.end());
    distinct.erase("");
    FUZZ_CHECK(index.size() == distinct.size(), "a CSV without errors: " +
                                                    std::to_string(distinct.size()) +
                                                    " projects, " + std::to_string(index.size()) +
                                                    " entries");
  }
  const size_t before = diags.all().size();
  jixiao::fuzz::ClaimAll(&index, keys, src.path, &diags);
  CheckDiagnostics(diags, before, src.path, &seen);
  jixiao::fuzz::CheckSameEntries(index, unclaimed);
  jixiao::fuzz::CheckUnclaimedReported(unclaimed, src.path, seen);
  return 0;
}
