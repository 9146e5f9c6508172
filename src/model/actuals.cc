#include "model/actuals.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <functional>

#include <fmt/format.h>

#include "base/csv.h"
#include "yaml/inputs.h"
#include "base/ordered_pipeline.h"
#include "base/text.h"
#include "yaml/yaml_fields.h"

namespace jixiao {

namespace {

const std::vector<std::string> kDocumentKeys = {"year", "projects"};
const std::vector<std::string> kEntryKeys = {"project", "id", "spent", "note", "indicators"};
const std::vector<std::string> kLongFormKeys = {"value", "grade", "score", "note"};
const std::vector<std::string> kCsvColumns = {"project", "indicator", "value", "note", "score"};

constexpr std::string_view kValueHint =
    "the actual value (such as 4台 or 100%), 不适用, or a grade (达成, 部分达成 or 未达成)";
constexpr size_t kNone = SIZE_MAX;

std::string Shorten(std::string_view s) { return TruncateToWidth(s, 40); }

// "" when `score` (written as `written`) is allowed with grade `g` (docs/reference.md
// §3.4); otherwise what is wrong.
std::string CheckScore(Grade g, const Rational& score, std::string_view written) {
  if (score < 0 || score > 1) {
    return fmt::format("score {} is not a ratio: expected a number from 0 to 1, such as 0.7 "
                       "for 70%",
                       Shorten(written));
  }
  const Rational low = g == Grade::kAchieved ? Rational(4) / 5
                       : g == Grade::kPartial ? Rational(3) / 5
                                              : Rational(0);
  const Rational high = g == Grade::kAchieved ? Rational(1)
                        : g == Grade::kPartial ? Rational(4) / 5
                                               : Rational(3) / 5;
  const bool inclusive = g == Grade::kAchieved;
  if (score >= low && (inclusive ? score <= high : score < high)) return "";
  return fmt::format("score {} does not fit the grade {}, whose band is [{}, {}{}: expected a "
                     "score from {} to {}{}, or another grade",
                     Shorten(written), GradeName(g), low.ToDecimalString(),
                     high.ToDecimalString(), inclusive ? "]" : ")", low.ToDecimalString(),
                     inclusive ? "" : "below ", high.ToDecimalString());
}

// Where a reader hands each entry it has read.
using EntrySink = std::function<void(ProjectActuals&&)>;

// Sets a->text, a->value and (for a grade word) a->grade from `text`.
// Returns "" or what is wrong with the value.
std::string ParseValueInto(std::string_view text, IndicatorActual* a) {
  a->text = std::string(Trim(text));
  if (a->text.empty()) {
    return fmt::format("the actual of indicator '{}' is empty: expected {}", a->key, kValueHint);
  }
  Parsed<Actual> parsed = ParseActual(a->text);
  if (!parsed) {
    return fmt::format("bad value '{}' of indicator '{}': {}", Shorten(a->text), a->key,
                       parsed.error());
  }
  a->value = parsed.value();
  if (a->value.kind == ActualKind::kText) {
    if (Parsed<Grade> g = ParseGrade(a->text)) a->grade = g.value();
  }
  return "";
}

// Reads the documents of one YAML actuals file.
class DocumentReader {
 public:
  DocumentReader(const Source& src, const EntrySink& add, Diagnostics* diags)
      : add_(add), r_(src, diags) {}

  void Read(const YamlDocument& doc) {
    const YamlNode* root = doc.root();
    if (root == nullptr || root->is_null()) {
      placeholder_.offset = doc.offset();
      placeholder_.line = doc.line();
      r_.Error(root ? *root : placeholder_,
               "empty document: expected actuals (a map with a 'projects' list)");
      return;
    }
    if (!root->is_map()) {
      r_.Error(*root, fmt::format("expected actuals (a map with an optional 'year' and a "
                                  "'projects' list), not {}",
                                  Describe(*root)));
      return;
    }
    if (root->Find("project") != nullptr && root->Find("projects") == nullptr) {
      r_.Error(*root, "this document is a target project (it has 'project:'), not actuals: an "
                      "actuals file holds a 'projects' list with each project's spending and "
                      "indicator values");
      return;
    }
    r_.CheckKeys(*root, kDocumentKeys, "an actuals file");
    std::optional<int> year;
    if (const YamlNode* y = r_.Get(*root, "year", false, "an actuals file")) {
      if (auto v = r_.Integer(*y, "year", 1950, 2100)) year = static_cast<int>(*v);
    }
    const YamlNode* list = r_.Get(*root, "projects", true, "an actuals file");
    // A problem outside the entries (a bad year, a duplicate key anywhere)
    // may concern any of them.
    const bool document_errors = r_.errors() > 0 || doc.has_errors();
    if (list == nullptr) return;
    if (!list->is_sequence()) {
      r_.Error(*list, fmt::format("'projects' must be a list of project entries (each starting "
                                  "with '- project:' or '- id:'), not {}",
                                  Describe(*list)));
      return;
    }
    if (list->items.empty()) {
      r_.Error(*list, "'projects' is empty: expected at least one project entry with its "
                      "spending and indicator values");
      return;
    }
    for (const YamlNode* item : list->items) ReadEntry(*item, year, document_errors);
  }

 private:
  void ReadEntry(const YamlNode& n, std::optional<int> year, bool document_errors) {
    if (!n.is_map()) {
      r_.Error(n, fmt::format("a project entry must be a map with 'project' (or 'id'), 'spent' "
                              "and 'indicators', not {}",
                              Describe(n)));
      return;
    }
    const size_t errors_before = r_.errors();
    ProjectActuals e;
    e.loc = r_.Loc(n);
    e.year = year;
    r_.CheckKeys(n, kEntryKeys, "a project entry");
    const bool key_known = ReadKey(n, &e);
    ReadSpent(n, &e);
    if (const YamlNode* note = r_.Get(n, "note", false, "a project entry")) {
      if (auto t = r_.Text(*note, "note")) e.note = std::string(Trim(*t));
    }
    if (const YamlNode* inds = r_.Get(n, "indicators", false, "a project entry")) {
      if (!inds->is_map()) {
        r_.Error(*inds, fmt::format("'indicators' must be a map from each indicator's name (or "
                                    "id) to its actual, such as '购置设备数量: 4台', not {}",
                                    Describe(*inds)));
      } else {
        for (const auto& [key, value] : inds->entries) ReadIndicator(*key, *value, &e);
      }
    }
    e.has_errors = document_errors || r_.errors() > errors_before;
    if (key_known) add_(std::move(e));
  }

  // Reads `project:` or `id:`; true when the entry's key is known.
  bool ReadKey(const YamlNode& n, ProjectActuals* e) {
    const YamlNode* name = n.Find("project");
    const YamlNode* id = n.Find("id");
    if (name == nullptr && id == nullptr) {
      r_.Error(n, "missing 'project' (the project name) or 'id': expected one of them, to say "
                  "which target project these actuals belong to");
      return false;
    }
    if (name != nullptr && id != nullptr) {
      r_.Error(*id, "give either 'project' (the project name) or 'id', not both");
    }
    const YamlNode& key = id != nullptr ? *id : *name;
    const char* field = id != nullptr ? "id" : "project";
    e->by_id = id != nullptr;
    if (key.is_null()) {
      r_.Error(key, fmt::format("'{}' is empty: expected the {} of a target project", field,
                                e->by_id ? "id" : "name"));
      return false;
    }
    std::optional<std::string> text = r_.Text(key, field);
    if (!text) return false;
    e->key = std::string(Trim(*text));
    if (e->key.empty()) {
      r_.Error(key, fmt::format("'{}' must not be blank", field));
      return false;
    }
    return true;
  }

  void ReadSpent(const YamlNode& n, ProjectActuals* e) {
    const YamlNode* s = n.Find("spent");
    if (s == nullptr || s->is_null()) {
      r_.Error(s != nullptr ? *s : n,
               fmt::format("{} 'spent' (全年执行数): expected the amount spent in the year, in "
                           "the project's budget unit, such as 5.86",
                           s != nullptr ? "empty" : "missing"));
      return;
    }
    e->spent_loc = r_.Loc(*s);
    if (s->is_scalar()) {
      e->spent_text = s->value;
      if (s->type() == YamlNode::Type::kString) {
        Parsed<Actual> a = ParseActual(s->value);
        if (a && a->kind == ActualKind::kQuantity && !a->value.unit.name.empty()) {
          r_.Error(*s, fmt::format("'spent' must be a plain number in the project's budget unit "
                                   "(such as 5.86), not '{}': leave out the unit",
                                   Shorten(s->value)));
          return;
        }
      }
    }
    std::optional<Rational> v = r_.Decimal(*s, "spent");
    if (!v) return;
    if (v->sign() < 0) {
      r_.Error(*s, fmt::format("'spent' (全年执行数) must not be negative, not {}", s->value));
      return;
    }
    e->spent = *v;
    e->has_spent = true;
  }

  void ReadIndicator(const YamlNode& key, const YamlNode& v, ProjectActuals* e) {
    // A non-scalar key is reported by the YAML layer; x- keys are ignored
    // here as everywhere.
    if (!key.is_scalar() || StartsWith(key.value, "x-")) return;
    IndicatorActual a;
    a.key = std::string(Trim(key.value));
    a.loc = r_.Loc(key);
    if (a.key.empty()) {
      r_.Error(key, "an indicator name must not be blank");
      return;
    }
    if (v.is_null()) {
      r_.Error(key, fmt::format("indicator '{}' has no actual: expected {}", a.key, kValueHint));
    } else if (v.is_sequence()) {
      r_.Error(v, fmt::format("the actual of indicator '{}' must be a value or a map with "
                              "'value' or 'grade', not a list",
                              a.key));
    } else if (v.is_scalar()) {
      std::string problem = ParseValueInto(v.value, &a);
      if (!problem.empty()) r_.Error(v, std::move(problem));
    } else {
      ReadLongForm(v, &a);
    }
    e->indicators.push_back(std::move(a));
  }

  // {value: …, note: …} or {grade: …, score: …, note: …}.
  void ReadLongForm(const YamlNode& map, IndicatorActual* a) {
    const size_t errors_before = r_.errors();
    r_.CheckKeys(map, kLongFormKeys, "an indicator's actual");
    const bool unknown_keys = r_.errors() > errors_before;
    if (const YamlNode* note = r_.Get(map, "note", false, "an indicator's actual")) {
      if (auto t = r_.Text(*note, "note")) a->note = std::string(Trim(*t));
    }
    const YamlNode* value = map.Find("value");
    const YamlNode* grade = map.Find("grade");
    const YamlNode* score = map.Find("score");
    if (value != nullptr && grade != nullptr) {
      r_.Error(*grade, fmt::format("indicator '{}' has both 'value' and 'grade': give 'value' "
                                   "for a measured result, or 'grade' (with an optional "
                                   "'score') for a qualitative one",
                                   a->key));
      return;
    }
    if (value == nullptr && grade == nullptr) {
      if (unknown_keys) return;  // most likely a misspelt 'value' or 'grade'
      r_.Error(map, fmt::format("indicator '{}' needs 'value' (the actual value, such as 4台, "
                                "or 不适用) or 'grade' (达成, 部分达成 or 未达成)",
                                a->key));
      return;
    }
    if (value != nullptr) {
      if (value->is_null()) {
        r_.Error(*value, fmt::format("'value' of indicator '{}' is empty: expected {}", a->key,
                                     kValueHint));
      } else if (auto t = r_.Text(*value, "value")) {
        std::string problem = ParseValueInto(*t, a);
        if (!problem.empty()) r_.Error(*value, std::move(problem));
      }
      if (score != nullptr) {
        r_.Error(*score, fmt::format("indicator '{}' has 'score' without 'grade': a score "
                                     "refines a grade, so write 'grade: 部分达成' (or 达成, 未达成) "
                                     "and 'score: 0.7'",
                                     a->key));
      }
      return;
    }
    if (grade->is_null()) {
      r_.Error(*grade, fmt::format("'grade' of indicator '{}' is empty: expected 达成, 部分达成 "
                                   "or 未达成",
                                   a->key));
      return;
    }
    std::optional<std::string> g = r_.Text(*grade, "grade");
    if (!g) return;
    Parsed<Grade> parsed = ParseGrade(*g);
    if (!parsed) {
      if (Trim(*g) == "不适用") {
        r_.Error(*grade, fmt::format("不适用 is not a grade: write it as the actual of indicator "
                                     "'{}' ('{}: 不适用' or 'value: 不适用')",
                                     a->key, a->key));
      } else {
        r_.Error(*grade, fmt::format("bad grade of indicator '{}': {}", a->key, parsed.error()));
      }
      return;
    }
    a->grade = parsed.value();
    if (score == nullptr) return;
    std::optional<Rational> s = r_.Decimal(*score, "score");
    if (!s) return;
    std::string problem = CheckScore(*a->grade, *s, score->value);
    if (!problem.empty()) {
      r_.Error(*score, fmt::format("indicator '{}': {}", a->key, problem));
      return;
    }
    a->score = *s;
  }

  const EntrySink& add_;
  FieldReader r_;
  YamlNode placeholder_;
};

// Reads CSV actuals: one row per indicator, grouped by project.
class CsvReader {
 public:
  CsvReader(const Source& src, const EntrySink& add, Diagnostics* diags)
      : src_(src), text_(StripBom(src.text)), add_(add), diags_(diags) {}

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
        &at);
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
  std::unordered_map<std::string, uint32_t> rows_of_;  // project -> its rows
  std::vector<std::string> bad_row_projects_;  // projects of rows with a wrong field count
};

bool IsCsvPath(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".csv";
}

}  // namespace

namespace {

// An entry as a record: its key and location first (read alone by KeyOf and
// LocationOf), then its fields. Rationals are written as exact decimals.
std::string Pack(const ProjectActuals& e, uint32_t file) {
  RecordWriter p;
  p.Str(e.key);
  p.Int(file);
  p.Int(static_cast<uint64_t>(e.loc.line));
  p.Int(static_cast<uint64_t>(e.loc.column));
  p.Int((e.has_spent ? 1 : 0) | (e.year ? 2 : 0));
  if (e.year) p.Int(static_cast<uint64_t>(*e.year));
  p.Str(e.has_spent ? e.spent.ToDecimalString(30) : "");
  p.Str(e.spent_text);
  p.Str(e.note);
  p.Int(static_cast<uint64_t>(e.spent_loc.line));
  p.Int(static_cast<uint64_t>(e.spent_loc.column));
  p.Int(e.indicators.size());
  for (const IndicatorActual& a : e.indicators) {
    p.Str(a.key);
    p.Str(a.text);
    p.Int(a.grade ? static_cast<uint64_t>(*a.grade) + 1 : 0);
    p.Str(a.score ? a.score->ToDecimalString(30) : "");
    p.Str(a.note);
    p.Int(static_cast<uint64_t>(a.loc.line));
    p.Int(static_cast<uint64_t>(a.loc.column));
  }
  return p.bytes();
}

}  // namespace

std::string ActualsIndex::KeyOf(uint32_t i) const {
  return std::string(RecordReader(records_.Read(i)).Str());
}

Location ActualsIndex::LocationOf(uint32_t i) const {
  std::string record = records_.Read(i);
  RecordReader r(record);
  r.Str();
  Location loc;
  loc.file = files_[static_cast<size_t>(r.Int())];
  loc.line = static_cast<int>(r.Int());
  loc.column = static_cast<int>(r.Int());
  return loc;
}

size_t ActualsIndex::Find(const std::string& key) const {
  uint32_t i = by_key_.Find(key, [this, &key](uint32_t r) {
    // Only the key's bytes are needed: its length as a varint, then the key.
    return std::string(RecordReader(records_.Read(r, key.size() + 10)).Str());
  });
  return i == KeyIndex::kNone ? kNone : i;
}

void ActualsIndex::Add(ProjectActuals entry, Diagnostics* diags) {
  if (size_t first = Find(entry.key); first != kNone) {
    flags_[first] |= kHasErrors;
    diags->Error(entry.loc, fmt::format("a second actuals entry for '{}' (the first is at {}): "
                                        "give each project exactly one entry",
                                        entry.key, FormatLocation(LocationOf(static_cast<uint32_t>(first)))));
    return;
  }
  auto [file, added] = file_index_.emplace(entry.loc.file, static_cast<uint32_t>(files_.size()));
  if (added) files_.push_back(entry.loc.file);
  size_t i = records_.Append(Pack(entry, file->second));
  flags_.push_back(static_cast<uint8_t>((entry.by_id ? kById : 0) |
                                        (entry.has_errors ? kHasErrors : 0)));
  claimed_.push_back(false);
  by_key_.Insert(entry.key, static_cast<uint32_t>(i));
}

std::shared_ptr<const ProjectActuals> ActualsIndex::Get(size_t index) const {
  auto out = std::make_shared<ProjectActuals>();
  std::string record = records_.Read(index);
  RecordReader u(record);
  out->key = std::string(u.Str());
  out->loc.file = files_[static_cast<size_t>(u.Int())];
  out->loc.line = static_cast<int>(u.Int());
  out->loc.column = static_cast<int>(u.Int());
  out->by_id = flags_[index] & kById;
  out->has_errors = flags_[index] & kHasErrors;
  uint64_t flags = u.Int();
  out->has_spent = flags & 1;
  if (flags & 2) out->year = static_cast<int>(u.Int());
  std::string_view spent = u.Str();
  if (out->has_spent) out->spent = Rational::ParseDecimal(spent).value_or(Rational());
  out->spent_text = std::string(u.Str());
  out->note = std::string(u.Str());
  out->spent_loc.line = static_cast<int>(u.Int());
  out->spent_loc.column = static_cast<int>(u.Int());
  if (out->spent_loc.line > 0) out->spent_loc.file = out->loc.file;
  size_t n = static_cast<size_t>(u.Int());
  out->indicators.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    IndicatorActual a;
    a.key = std::string(u.Str());
    a.text = std::string(u.Str());
    if (!a.text.empty()) {
      Parsed<Actual> v = ParseActual(a.text);  // valid: checked when read
      if (v) a.value = v.value();
    }
    if (uint64_t g = u.Int()) a.grade = static_cast<Grade>(g - 1);
    std::string_view score = u.Str();
    if (!score.empty()) a.score = Rational::ParseDecimal(score);
    a.note = std::string(u.Str());
    a.loc.file = out->loc.file;
    a.loc.line = static_cast<int>(u.Int());
    a.loc.column = static_cast<int>(u.Int());
    out->indicators.push_back(std::move(a));
  }
  return out;
}

ActualsIndex::Match ActualsIndex::Locate(const std::string& id,
                                        const std::string& project) const {
  Match m;
  m.by_id = Find(id);
  if (project != id) m.by_name = Find(project);
  return m;
}

size_t ActualsIndex::Lookup(const Match& m) const {
  if (m.by_id != kNone) return m.by_id;
  if (m.by_name != kNone && !(flags_[m.by_name] & kById)) return m.by_name;
  return kNone;
}

size_t ActualsIndex::ClaimIndex(const std::string& id, const std::string& project,
                                const Match& m) {
  size_t found = m.by_id;
  bool by_id = found != kNone && !claimed_[found];
  if (!by_id) {
    found = kNone;
    size_t i = m.by_name;
    if (i != kNone && !claimed_[i] && !(flags_[i] & kById)) found = i;
  }
  if (found == kNone) {
    unmatched_.emplace_back(id, project);
    return kNone;
  }
  claimed_[found] = true;
  if (by_id) {
    // An entry for this target's name is a second entry for it (a `project:`
    // entry), or an `id:` entry that names it where its id was meant.
    size_t other = m.by_name;
    if (other != kNone && other != found && !claimed_[other]) {
      auto o = static_cast<uint32_t>(other);
      if (!(flags_[other] & kById)) {
        shadowed_by_.emplace(o, static_cast<uint32_t>(found));
      } else if (flags_[found] & kById) {
        named_.emplace(o, id);
      }
    }
  }
  return found;
}

std::shared_ptr<const ProjectActuals> ActualsIndex::Claim(const std::string& id,
                                                          const std::string& project) {
  size_t i = ClaimIndex(id, project);
  return i == kNone ? nullptr : Get(i);
}

void ActualsIndex::ReportUnclaimed(Diagnostics* diags) const {
  // An unmatched entry is most likely meant for a target left without one.
  // Suggestions compare every pair, so they are only offered when few
  // targets are left without actuals.
  constexpr size_t kMaxSuggestionCandidates = 2000;
  std::vector<std::string> ids, ids_and_names;
  std::unordered_map<std::string, std::string> unmatched_by_name;  // name -> id
  for (const auto& [id, project] : unmatched_) {
    ids.push_back(id);
    ids_and_names.push_back(id);
    if (project != id) ids_and_names.push_back(project);
    unmatched_by_name.emplace(project, id);
  }
  bool suggest = ids_and_names.size() <= kMaxSuggestionCandidates;
  for (uint32_t i = 0; i < flags_.size(); ++i) {
    if (claimed_[i]) continue;
    const bool by_id = flags_[i] & kById;
    const std::string key = KeyOf(i);
    std::string message;
    const std::string* named = nullptr;  // a target without actuals whose name is this id
    if (by_id) {
      if (auto it = unmatched_by_name.find(key); it != unmatched_by_name.end()) {
        named = &it->second;
      } else if (auto nt = named_.find(i); nt != named_.end()) {
        named = &nt->second;
      }
    }
    if (auto st = shadowed_by_.find(i); st != shadowed_by_.end()) {
      message = fmt::format("a second actuals entry for target project '{}': its actuals are "
                            "already given at {}; give each project exactly one entry",
                            KeyOf(st->second), FormatLocation(LocationOf(st->second)));
    } else if (named != nullptr) {
      message = fmt::format("actuals for id '{}' match no target project id: '{}' is the name of "
                            "the target project with id '{}'; write 'project: {}' or 'id: {}'",
                            key, key, *named, key, *named);
    } else {
      std::string hint = suggest ? ClosestMatch(key, by_id ? ids : ids_and_names) : "";
      message = fmt::format("actuals for {}'{}' match no target project{}", by_id ? "id " : "",
                            key,
                            hint.empty() ? ": expected the id or name of a target project of "
                                           "this run"
                                         : fmt::format(": did you mean '{}'?", hint));
    }
    diags->Error(LocationOf(i), std::move(message));
  }
}

void ReadActualsDocument(const Source& src, const YamlDocument& doc, ActualsIndex* index,
                         Diagnostics* diags) {
  EntrySink add = [&](ProjectActuals&& e) { index->Add(std::move(e), diags); };
  DocumentReader(src, add, diags).Read(doc);
}

void ReadActualsCsv(const Source& src, ActualsIndex* index, Diagnostics* diags) {
  EntrySink add = [&](ProjectActuals&& e) { index->Add(std::move(e), diags); };
  CsvReader(src, add, diags).Read();
}

namespace {

// Reads one actuals file, handing each entry to `add`.
void ReadActualsFile(const std::string& path, const YamlLimits& limits, const EntrySink& add,
                     Diagnostics* diags) {
  std::optional<Source> src = ReadSource(path, limits.max_file_bytes, diags);
  if (!src) return;
  if (!CheckInputText(*src, limits.max_file_bytes, diags)) return;
  if (IsCsvPath(path)) {
    CsvReader(*src, add, diags).Read();
    return;
  }
  const size_t errors_before = diags->error_count();
  size_t documents = ParseYamlStream(*src, limits, diags, [&](const YamlDocument& doc) {
    DocumentReader(*src, add, diags).Read(doc);
  });
  if (documents == 0 && diags->error_count() == errors_before) {
    diags->Error({path, 0, 0}, "the file holds no YAML document: expected actuals with a "
                               "'projects' list");
  }
}

// What a worker hands on: the diagnostics reported before an entry, and
// the entry (none at the end of a file).
struct ReadItem {
  Diagnostics diags;
  std::optional<ProjectActuals> entry;
};

}  // namespace

void LoadActualsFiles(const PathList& files, const YamlLimits& limits,
                      ActualsIndex* index, Diagnostics* diags, int jobs) {
  RunOrdered<ReadItem>(
      files.size(), jobs, PipelineLimits{},
      [&](size_t t, const std::function<void(ReadItem&&)>& emit) {
        Diagnostics local;
        EntrySink add = [&](ProjectActuals&& e) { emit({local.Take(), std::move(e)}); };
        ReadActualsFile(files[t], limits, add, &local);
        emit({local.Take(), std::nullopt});
      },
      [&](ReadItem&& item) {
        diags->Append(std::move(item.diags));
        if (item.entry) index->Add(std::move(*item.entry), diags);
      });
}

}  // namespace jixiao
