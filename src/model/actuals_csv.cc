// Reading CSV actuals: one row per indicator, grouped by project. See
// actuals.h.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "base/csv.h"
#include "base/text.h"
#include "model/actuals.h"
#include "model/actuals_read.h"
#include "yaml/yaml_fields.h"

namespace jixiao {

namespace actuals_read {

namespace {

const std::vector<std::string> kCsvColumns = {"project", "indicator", "value", "note", "score"};

constexpr size_t kNone = SIZE_MAX;

// Reads CSV actuals: one row per indicator, grouped by project.
class CsvReader {
 public:
  CsvReader(const Source& src, const YamlLimits& limits, const EntrySink& add,
            Diagnostics* diags)
      : src_(src), text_(StripBom(src.text)), add_(add), diags_(diags) {
    // The YAML limits hold for CSV too: a field is a value, a field a node.
    limits_.max_field_bytes = limits.max_scalar_bytes;
    limits_.max_fields = limits.max_nodes;
  }

  void Read() {
    // Rows are read one at a time, twice: a syntax error anywhere is the
    // file's one error, found before any row is taken. The first pass also
    // counts each project's rows, so that its entry is made the right size
    // (a file's entries are held until its end: rows of a project need not
    // be adjacent).
    CsvPosition at;
    size_t project_column = kNone;
    bool first = true;
    Parsed<size_t> syntax = ForEachCsvRow(
        text_,
        [&](CsvRow&& row) {
          if (first) {
            first = false;
            for (size_t i = 0; i < row.fields.size(); ++i) {
              if (Trim(row.fields[i]) == "project") project_column = i;
            }
          } else if (project_column < row.fields.size()) {
            ++rows_of_[std::string(Trim(row.fields[project_column]))];
          }
          return true;
        },
        &at, limits_);
    if (!syntax) {
      Error(at.line, at.column, syntax.error());
      return;
    }
    if (syntax.value() == 0) {
      diags_->Error({src_.path, 0, 0}, "the CSV file is empty: expected a header row "
                                       "'project,indicator,value,note' and one row per "
                                       "indicator");
      return;
    }
    bool header = true, header_ok = false;
    int header_line = 0;
    size_t data_rows = 0;
    ForEachCsvRow(text_, [&](CsvRow&& row) {
      if (header) {
        header = false;
        header_line = row.line;
        header_ok = ReadHeader(row);
        return header_ok;
      }
      if (IsBlankRow(row)) return true;
      ++data_rows;
      ReadRow(row);
      return true;
    });
    if (!header_ok) return;
    if (data_rows == 0) {
      Error(header_line, 1, "the CSV file has a header but no rows: expected one row per "
                            "indicator and a 'spent' row for each project");
      return;
    }
    for (const std::string& name : bad_row_projects_) {
      auto it = group_of_.find(name);
      if (it != group_of_.end()) groups_[it->second].entry.has_errors = true;
    }
    for (Group& g : groups_) {
      if (g.spent_line == 0) {
        Error(g.entry.loc.line, g.entry.loc.column,
              fmt::format("project '{}' has no 'spent' row: add a row with the indicator "
                          "'spent' (or 全年执行数) and the amount spent in the year as its value",
                          g.entry.key));
        g.entry.has_errors = true;
      }
      add_(std::move(g.entry));
    }
  }

 private:
  struct Group {
    ProjectActuals entry;
    std::unordered_map<std::string, int> indicator_lines;  // key -> line first given
    int spent_line = 0;                                    // 0: no spent row yet
  };

  static bool IsBlankRow(const CsvRow& row) {
    return std::all_of(row.fields.begin(), row.fields.end(),
                       [](const std::string& f) { return Trim(f).empty(); });
  }

  void Error(int line, int column, std::string message) {
    if (!lines_) lines_.emplace(text_);  // one scan of the text for every error
    diags_->Error({src_.path, line, column}, std::move(message), std::string(lines_->Line(line)));
  }
  void ErrorAt(const CsvRow& row, size_t field, std::string message) {
    Error(row.lines[field], row.columns[field], std::move(message));
  }
  Location LocOf(const CsvRow& row, size_t field) const {
    return {src_.path, row.lines[field], row.columns[field]};
  }

  bool ReadHeader(const CsvRow& header) {
    bool any_known = false;
    for (const std::string& f : header.fields) {
      any_known = any_known || std::find(kCsvColumns.begin(), kCsvColumns.end(), Trim(f)) !=
                                   kCsvColumns.end();
    }
    if (!any_known) {
      Error(header.line, 1,
            fmt::format("the first row must be the header naming the columns, such as "
                        "'project,indicator,value,note', not '{}'",
                        Shorten(LineOf(text_, header.line))));
      return false;
    }
    bool ok = true;
    ncolumns_ = header.fields.size();
    for (size_t i = 0; i < header.fields.size(); ++i) {
      const std::string name(Trim(header.fields[i]));
      size_t* slot = name == "project"     ? &project_
                     : name == "indicator" ? &indicator_
                     : name == "value"     ? &value_
                     : name == "note"      ? &note_
                     : name == "score"     ? &score_
                                           : nullptr;
      if (slot == nullptr) {
        ok = false;
        std::string hint = name.empty() ? "" : ClosestMatch(name, kCsvColumns);
        if (name.empty()) {
          ErrorAt(header, i, fmt::format("column {} of the header has no name: expected project, "
                                         "indicator, value, note or score",
                                         i + 1));
        } else if (!hint.empty()) {
          ErrorAt(header, i, fmt::format("unknown column '{}': did you mean '{}'?",
                                         Shorten(name), hint));
        } else {
          ErrorAt(header, i, fmt::format("unknown column '{}': expected project, indicator, "
                                         "value, note or score",
                                         Shorten(name)));
        }
        continue;
      }
      if (*slot != kNone) {
        ok = false;
        ErrorAt(header, i, fmt::format("column '{}' is given twice in the header (first as "
                                       "column {})",
                                       name, *slot + 1));
        continue;
      }
      *slot = i;
    }
    for (auto [slot, name] : {std::pair{project_, "project"}, std::pair{indicator_, "indicator"},
                              std::pair{value_, "value"}}) {
      if (slot != kNone) continue;
      ok = false;
      Error(header.line, 1, fmt::format("the header has no '{}' column: expected the columns "
                                        "project, indicator and value, and optionally note "
                                        "and score",
                                        name));
    }
    return ok;
  }

  void ReadRow(const CsvRow& row) {
    if (row.fields.size() != ncolumns_) {
      Error(row.line, row.columns[0],
            fmt::format("this row has {} fields, but the header has {} columns{}",
                        row.fields.size(), ncolumns_,
                        row.fields.size() > ncolumns_
                            ? ": a value holding a comma must be in double quotes, such as "
                              "\"1,165,200元\""
                            : ""));
      if (project_ < row.fields.size()) {
        bad_row_projects_.emplace_back(Trim(row.fields[project_]));
      }
      return;
    }
    const std::string project(Trim(row.fields[project_]));
    if (project.empty()) {
      ErrorAt(row, project_, "the 'project' cell is empty: expected the id or name of a target "
                             "project");
      return;
    }
    auto [it, inserted] = group_of_.emplace(project, groups_.size());
    if (inserted) {
      groups_.emplace_back();
      if (auto rows = rows_of_.find(project); rows != rows_of_.end()) {
        groups_.back().entry.indicators.reserve(rows->second);  // the spent row's slot spare
      }
      groups_.back().entry.key = project;
      groups_.back().entry.loc = LocOf(row, project_);
    }
    Group& g = groups_[it->second];
    const size_t errors_before = diags_->error_count();
    const std::string indicator(Trim(row.fields[indicator_]));
    if (indicator.empty()) {
      ErrorAt(row, indicator_, "the 'indicator' cell is empty: expected an indicator's name or "
                               "id, or 'spent' for the project's spending");
    } else if (indicator == "spent" || indicator == "全年执行数") {
      ReadSpent(row, &g);
    } else {
      ReadIndicator(row, indicator, &g);
    }
    if (diags_->error_count() > errors_before) g.entry.has_errors = true;
  }

  std::string_view Cell(const CsvRow& row, size_t column) const {
    return column == kNone ? std::string_view() : Trim(row.fields[column]);
  }

  void ReadSpent(const CsvRow& row, Group* g) {
    ProjectActuals& e = g->entry;
    if (g->spent_line != 0) {
      ErrorAt(row, indicator_, fmt::format("project '{}' has a second spending row (the first "
                                           "is on line {}): give 'spent' once",
                                           e.key, g->spent_line));
      return;
    }
    g->spent_line = row.lines[indicator_];
    e.note = std::string(Cell(row, note_));
    if (!Cell(row, score_).empty()) {
      ErrorAt(row, score_, "the 'spent' row takes no score: a score goes with a grade (达成, "
                           "部分达成 or 未达成)");
    }
    const std::string_view text = Cell(row, value_);
    e.spent_loc = LocOf(row, value_);
    e.spent_text = std::string(text);
    if (text.empty()) {
      ErrorAt(row, value_, fmt::format("the 'spent' row of project '{}' has no amount: expected "
                                        "the amount spent in the year (全年执行数), such as 5.86",
                                        e.key));
      return;
    }
    std::optional<Rational> v = Rational::ParseDecimal(text);
    if (!v) {
      ErrorAt(row, value_,
              fmt::format("the amount spent must be a plain number in the project's budget "
                          "unit, such as 5.86, not '{}'{}",
                          Shorten(text),
                          text.find(',') != std::string_view::npos
                              ? " (write it without thousands separators)"
                              : ""));
      return;
    }
    if (*v > Rational(kMaxAmount)) {
      ErrorAt(row, value_, fmt::format("the amount spent is too large: {} is beyond the limit "
                                       "of 10^15",
                                       Shorten(text)));
      return;
    }
    if (v->sign() < 0) {
      ErrorAt(row, value_, fmt::format("the amount spent (全年执行数) must not be negative, not "
                                       "{}",
                                       Shorten(text)));
      return;
    }
    e.spent = *v;
    e.has_spent = true;
  }

  void ReadIndicator(const CsvRow& row, const std::string& key, Group* g) {
    auto [it, inserted] = g->indicator_lines.emplace(key, row.lines[indicator_]);
    if (!inserted) {
      ErrorAt(row, indicator_, fmt::format("indicator '{}' of project '{}' is given twice (first "
                                           "on line {}): give one row per indicator",
                                           key, g->entry.key, it->second));
      return;
    }
    IndicatorActual a;
    a.key = key;
    a.loc = LocOf(row, indicator_);
    a.note = std::string(Cell(row, note_));
    std::string problem = ParseValueInto(Cell(row, value_), &a);
    if (!problem.empty()) ErrorAt(row, value_, std::move(problem));
    const std::string_view score = Cell(row, score_);
    if (!score.empty()) {
      if (!a.grade) {
        ErrorAt(row, score_, fmt::format("indicator '{}' has a score but its value '{}' is not a "
                                         "grade: a score goes with 达成, 部分达成 or 未达成",
                                         key, Shorten(a.text)));
      } else if (std::optional<Rational> s = Rational::ParseDecimal(score)) {
        std::string bad = CheckScore(*a.grade, *s, score);
        if (bad.empty()) {
          a.score = *s;
        } else {
          ErrorAt(row, score_, fmt::format("indicator '{}': {}", key, bad));
        }
      } else {
        ErrorAt(row, score_, fmt::format("the score of indicator '{}' must be a number from 0 "
                                         "to 1, such as 0.7, not '{}'",
                                         key, Shorten(score)));
      }
    }
    g->entry.indicators.push_back(std::move(a));
  }

  const Source& src_;
  std::string_view text_;
  std::optional<LineIndex> lines_;  // made at the first error
  const EntrySink& add_;
  Diagnostics* diags_;
  size_t ncolumns_ = 0;
  size_t project_ = kNone, indicator_ = kNone, value_ = kNone, note_ = kNone, score_ = kNone;
  std::vector<Group> groups_;
  std::unordered_map<std::string, size_t> group_of_;
  CsvLimits limits_;
  std::unordered_map<std::string, uint32_t> rows_of_;  // project -> its rows
  std::vector<std::string> bad_row_projects_;  // projects of rows with a wrong field count
};

}  // namespace

void ReadCsvEntries(const Source& src, const YamlLimits& limits, const EntrySink& add,
                    Diagnostics* diags) {
  CsvReader(src, limits, add, diags).Read();
}

}  // namespace actuals_read

void ReadActualsCsv(const Source& src, ActualsIndex* index, Diagnostics* diags,
                    const YamlLimits& limits) {
  actuals_read::EntrySink add = [&](ProjectActuals&& e) { index->Add(std::move(e), diags); };
  actuals_read::ReadCsvEntries(src, limits, add, diags);
}

}  // namespace jixiao
