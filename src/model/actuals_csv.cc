// Reading CSV actuals: one row per indicator, grouped by project. See
// actuals.h.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/csv.h"
#include "base/encoding.h"
#include "base/text.h"
#include "model/actuals.h"
#include "model/actuals_read.h"
#include "model/progress_read.h"
#include "model/value_scan.h"
#include "yaml/yaml_doc.h"
#include "yaml/yaml_fields.h"

namespace jixiao {

namespace actuals_read {

namespace {

// The headers a column may have (docs/reference.md §2.2): its English name
// (in any case) or the Chinese an Excel user writes.
struct ColumnNames {
  const char* column;
  std::vector<std::string_view> chinese;
};
const ColumnNames kColumnNames[] = {
    {"project", {"项目", "项目名称", "项目编号"}},
    {"indicator", {"指标", "指标名称", "三级指标"}},
    {"value", {"实际值", "实际完成值", "完成值"}},
    // 偏差原因分析及改进措施 is the 自评表's column, 偏差原因分析 a short form
    // of it: a note, in a progress file too (only 偏差原因 may be the
    // reasons there, DeviationIsReasons).
    {"note", {"说明", "备注", "偏差原因", "偏差原因分析", "偏差原因分析及改进措施"}},
    {"score", {}},
    // What `jixiao template -f csv` writes beside them, for the person who
    // fills it in: read and ignored (the target compared). 年度指标值 is the
    // target's header on the forms jixiao writes (自评表, 监控表).
    {"target", {"指标值", "年度指标值"}},
    {"level1", {"一级指标"}},
    {"level2", {"二级指标"}},
};

constexpr size_t kNone = SIZE_MAX;

// The headers an unknown one may be suggested as (ClosestMatch): each
// column's name and its Chinese headers, a progress file's own with
// `progress` (and then no score).
const std::vector<std::string>& SuggestedHeaders(bool progress) {
  static const auto make = [](bool with_progress) {
    std::vector<std::string> out;
    for (const ColumnNames& c : kColumnNames) {
      if (with_progress && std::string_view(c.column) == "score") continue;
      out.emplace_back(c.column);
      for (std::string_view name : c.chinese) out.emplace_back(name);
    }
    if (with_progress) {
      for (std::string& name : progress_read::CsvHeaders()) out.push_back(std::move(name));
    }
    return out;
  };
  static const std::vector<std::string> kActuals = make(false), kProgress = make(true);
  return progress ? kProgress : kActuals;
}

// The number of a cell written as a percentage ("70%", " 70 % "), or nullopt.
std::optional<Rational> PercentCell(std::string_view cell) {
  cell = Trim(cell);
  if (!EndsWith(cell, "%")) return std::nullopt;
  return Rational::ParseDecimal(Trim(cell.substr(0, cell.size() - 1)));
}

// 序号, the row numbers a Chinese sheet's first column so often holds: no
// column of the file, passed over.
bool IsRowNumberHeader(std::string_view name) { return Trim(name) == "序号"; }

// The paper 监控表's column of reasons, 偏差原因: in actuals a name of the
// note; in a progress file the reasons column beside another note column
// (DeviationIsReasons), else a note whose cells that name reasons only give
// the reasons (CsvReader::ReasonsInNote).
constexpr std::string_view kDeviationHeader = "偏差原因";

// Whether a progress file's header (its named columns, trimmed) makes its
// column 偏差原因 the reasons column: the note has a column of its own
// (说明, 备注, note, 偏差原因分析…) and no column is the reasons' (偏差原因类别,
// reasons).
bool DeviationIsReasons(const std::vector<std::string>& names) {
  bool deviation = false, other_note = false, reasons = false;
  for (const std::string& name : names) {
    if (name == kDeviationHeader) {
      deviation = true;
    } else if (ActualsCsvColumn(name) == "note") {
      other_note = true;
    } else if (progress_read::CsvColumn(name) == "reasons") {
      reasons = true;
    }
  }
  return deviation && other_note && !reasons;
}

bool IsBlank(std::string_view f) { return Trim(f).empty(); }

// A header written with a separator other than ',' (Excel's CSV in a locale
// whose list separator is ';', a sheet saved as tab-separated text, a
// full-width comma typed with a Chinese input method): where its first
// separator is and what it is.
struct Separator {
  size_t at = 0;  // byte offset in the line
  MsgId name;
};

std::optional<Separator> WrongSeparator(std::string_view line) {
  static const struct {
    std::string_view text;
    MsgId name;
  } kSeparators[] = {
      {";", MsgId::kCsvSeparatorSemicolon},
      {"\t", MsgId::kCsvSeparatorTab},
      {"\xEF\xBC\x8C", MsgId::kCsvSeparatorFullWidthComma},  // '，' U+FF0C
  };
  for (const auto& sep : kSeparators) {
    const size_t first = line.find(sep.text);
    if (first == std::string_view::npos) continue;
    // A header when split so: at least two columns named as a header names
    // them.
    size_t known = 0;
    for (size_t pos = 0; pos <= line.size();) {
      size_t end = line.find(sep.text, pos);
      if (end == std::string_view::npos) end = line.size();
      std::string_view cell = Trim(line.substr(pos, end - pos));
      if (!ActualsCsvColumn(cell).empty() || !progress_read::CsvColumn(cell).empty()) ++known;
      pos = end + sep.text.size();
    }
    if (known >= 2) return Separator{first, sep.name};
  }
  return std::nullopt;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Whether `cell` and the unquoted cell after it look like one number split
// in two by a thousands comma that was not quoted: `P1,培训人次,1,100人次,`
// reads as the value "1" and the note "100人次". `cell` is one to three
// digits; `next` is exactly three digits, then perhaps a decimal part, then
// nothing, a known unit or a short word that may be one (at most three
// characters: 人次, 份). A note that only starts so ("120份问卷调查结果",
// "100%完成", "365天内完成") is a note.
bool LooksSplitByThousandsComma(std::string_view written, std::string_view written_next) {
  // Full-width digits (１００人次) are digits, as the value reader takes them.
  const bool wide = written.find('\xEF') != std::string_view::npos ||
                    written_next.find('\xEF') != std::string_view::npos;
  const std::string folded = wide ? FoldFullWidth(written) : std::string();
  const std::string folded_next = wide ? FoldFullWidth(written_next) : std::string();
  const std::string_view cell = wide ? std::string_view(folded) : written;
  const std::string_view next = wide ? std::string_view(folded_next) : written_next;
  if (cell.empty() || cell.size() > 3 || !std::all_of(cell.begin(), cell.end(), IsAsciiDigit)) {
    return false;
  }
  if (next.size() < 3 || !std::all_of(next.begin(), next.begin() + 3, IsAsciiDigit)) return false;
  std::string_view rest = next.substr(3);
  if (!rest.empty() && rest[0] == '.') {
    size_t digits = 1;
    while (digits < rest.size() && IsAsciiDigit(rest[digits])) ++digits;
    if (digits == 1) return false;  // "100." is not a number's end
    rest = rest.substr(digits);
  }
  rest = Trim(rest);
  if (rest.empty()) return true;
  if (IsAsciiDigit(rest[0]) || rest[0] == '%') return false;
  if (value_scan::IsKnownUnit(rest) || CodePointCount(rest) <= 3) return true;
  for (std::string_view word : {"万", "千", "亿"}) {  // 万平方米
    if (StartsWith(rest, word) && value_scan::IsKnownUnit(rest.substr(word.size()))) return true;
  }
  return false;
}

// Reads CSV actuals: one row per indicator, grouped by project.
class CsvReader {
 public:
  CsvReader(const Source& src, const YamlLimits& limits, const EntrySink& add,
            Diagnostics* diags, const ProgressReading* progress)
      : src_(src), text_(StripBom(src.text)), add_(add), diags_(diags), progress_(progress) {
    // The YAML limits hold for CSV too: a field is a value, a field a node.
    limits_.max_field_bytes = limits.max_scalar_bytes;
    limits_.max_fields = limits.max_nodes;
  }

  // False when some of the file could not become entries.
  bool Read() {
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
          UnguardCsvCells(&row);  // a template's '=名称 is =名称
          if (first) {
            if (IsBlankRow(row) || IsNoteRow(row)) return true;  // as the second pass
            first = false;
            for (size_t i = 0; i < row.fields.size(); ++i) {
              if (ActualsCsvColumn(row.fields[i]) == "project") project_column = i;
            }
          } else if (project_column < row.fields.size()) {
            ++rows_of_[std::string(Trim(row.fields[project_column]))];
          }
          return true;
        },
        &at, limits_);
    if (!syntax) {
      // The CSV parser's message keeps its code (JX0130, JX0131, JX0134, JX0135).
      if (!lines_) lines_.emplace(text_);
      diags_->Error({src_.path, at.line, at.column}, syntax.message(),
                    std::string(lines_->Line(at.line)));
      return false;
    }
    if (syntax.value() == 0) {
      diags_->Error({src_.path, 0, 0}, MsgId::kCsvEmpty);
      return false;
    }
    groups_.reserve(rows_of_.size());  // an entry each (never moved: 4 KB each)
    bool header = true, header_ok = false;
    int header_line = 0;
    size_t data_rows = 0;
    std::vector<CsvRow> titles;  // "2024年度绩效自评表" above the header
    ForEachCsvRow(text_, [&](CsvRow&& row) {
      UnguardCsvCells(&row);
      if (header) {
        // Blank rows and a title (one cell; not a header written with
        // another separator, which ReadHeader names) above the header.
        if (IsBlankRow(row)) return true;
        if (IsNoteRow(row) && !WrongSeparator(LineOf(text_, row.line))) {
          titles.push_back(std::move(row));
          return true;
        }
        header = false;
        header_line = row.line;
        header_ok = ReadHeader(row);
        if (header_ok) {
          for (const CsvRow& t : titles) NoteRow(t);
        }
        return header_ok;
      }
      if (IsBlankRow(row)) return true;
      ++data_rows;
      ReadRow(row);
      return true;
    });
    if (header) {
      // No header at all: one-cell rows only (data written with another
      // separator, say), or blank ones.
      if (titles.empty()) {
        diags_->Error({src_.path, 0, 0}, MsgId::kCsvEmpty);
      } else {
        Error(titles.front().line, 1,
              Msg(MsgId::kCsvNoHeader, Shorten(LineOf(text_, titles.front().line))));
      }
      return false;
    }
    if (!header_ok) return false;
    FlushEmptyProjects();
    if (data_rows == 0) {
      Error(header_line, 1, Msg(MsgId::kCsvNoRows));
      return false;
    }
    if (progress_ && !as_of_row_ && progress_->as_of_required) {
      // No date: an as_of row left empty (the template's, for targets of
      // several years) is no as_of row, as YAML's `as_of:` left empty.
      if (empty_as_of_) {
        Error(empty_as_of_->line, empty_as_of_->column,
              Msg(MsgId::kNoAsOfCsvEmpty, empty_as_of_label_, header_names_[value_]));
      } else {
        Error(header_line, 1, Msg(MsgId::kNoAsOfCsv));
      }
      for (Group& g : groups_) g.entry.has_errors = true;
    }
    for (const std::string& name : bad_row_projects_) {
      auto it = group_of_.find(name);
      if (it != group_of_.end()) {
        groups_[it->second].entry.has_errors = true;
        groups_[it->second].entry.rows_unread = true;
      }
    }
    for (Group& g : groups_) {
      // (With an amount split by its comma, the value cell is no budget to
      // name: JX0164 is said, and this once the file is read again.)
      if (g.budget_target && g.budget_target->text != g.spent_target && !g.money_unread) {
        const Group::ShownOnBudgetRow& t = *g.budget_target;
        Warning(t.line, t.column,
                t.value.empty() ? Msg(MsgId::kCsvBudgetRowTargetNoValue, t.row_name,
                                      header_names_[target_], Shorten(t.text),
                                      header_names_[value_])
                                : Msg(MsgId::kCsvBudgetRowTarget, t.row_name,
                                      header_names_[target_], Shorten(t.text),
                                      header_names_[value_], Shorten(t.value)));
      }
      if (g.spent_line == 0 && !g.entry.rows_unread) {  // else it may be the unread row
        Error(g.entry.loc.line, g.entry.loc.column,
              Msg(progress_ ? MsgId::kProgCsvNoSpentRow : MsgId::kCsvNoSpentRow, g.entry.key));
        g.entry.has_errors = true;
      }
      if (g.money_unread) {
        // The project is not scored (JX0164 is an error), and the digits
        // before the comma, compared with the budget, would give advice on
        // a unit slip (JX0803) or an adjusted budget that is wrong: the fix
        // is the quotes the error asks for.
        g.entry.has_spent = false;
        g.entry.budget.reset();
        g.entry.forecast_spent.reset();
      }
      if (progress_) g.entry.as_of = as_of_;
      add_(std::move(g.entry));
    }
    return complete_;
  }

 private:
  struct Group {
    ProjectActuals entry;
    std::unordered_map<std::string, int> indicator_lines;  // key -> line first given
    int spent_line = 0;                                    // 0: no spent row yet
    int budget_line = 0;                                   // 0: no budget row yet
    int achieved_line = 0;                                 // 0: no achieved row yet
    int forecast_spent_line = 0;  // 0: no forecast spending given yet (either way)
    // A row of its money (spent, budget, forecast spending) had a number
    // split by its thousands comma: none of its amounts is judged (Read).
    bool money_unread = false;
    // The 指标值 cells of the spending and budget rows: the budget row's is
    // read nowhere, which is said (Read) unless it is a copy of the
    // spending row's (the template's reference to the target's budget).
    std::string spent_target;
    struct ShownOnBudgetRow {
      std::string text, row_name, value;  // the cell, the row's name, its value cell
      int line = 0, column = 0;
    };
    std::optional<ShownOnBudgetRow> budget_target;
  };

  // "填表说明：……" or a title in column A, the rest of the row empty: a note
  // (a row of data has an indicator and a value; a header three columns).
  static bool IsNoteRow(const CsvRow& row) {
    return !row.fields.empty() && !IsBlank(row.fields[0]) &&
           std::all_of(row.fields.begin() + 1, row.fields.end(),
                       [](const std::string& f) { return IsBlank(f); });
  }
  // Says that a note row is not read (JX0165).
  void NoteRow(const CsvRow& row) {
    Warning(row.lines[0], row.columns[0],
            Msg(MsgId::kCsvNoteRow, Shorten(std::string(Trim(row.fields[0])))));
  }

  static bool IsBlankRow(const CsvRow& row) {
    return std::all_of(row.fields.begin(), row.fields.end(),
                       [](const std::string& f) { return Trim(f).empty(); });
  }

  void Error(int line, int column, Message message) {
    if (!lines_) lines_.emplace(text_);  // one scan of the text for every error
    diags_->Error({src_.path, line, column}, std::move(message), std::string(lines_->Line(line)));
  }
  void Warning(int line, int column, Message message) {
    if (!lines_) lines_.emplace(text_);
    diags_->Warning({src_.path, line, column}, std::move(message), std::string(lines_->Line(line)));
  }
  void ErrorAt(const CsvRow& row, size_t field, Message message) {
    Error(row.lines[field], row.columns[field], std::move(message));
  }
  template <typename... Args>
  void ErrorAt(const CsvRow& row, size_t field, MsgId id, const Args&... args) {
    ErrorAt(row, field, Msg(id, args...));
  }
  Location LocOf(const CsvRow& row, size_t field) const {
    return {src_.path, row.lines[field], row.columns[field]};
  }

  bool ReadHeader(const CsvRow& header) {
    // Excel leaves empty columns after the last named one: they are not
    // columns of the file.
    size_t named = header.fields.size();
    while (named > 0 && IsBlank(header.fields[named - 1])) --named;
    bool any_known = false;
    for (size_t i = 0; i < named; ++i) {
      any_known = any_known || !ActualsCsvColumn(header.fields[i]).empty();
    }
    if (!any_known) {
      const std::string_view line = LineOf(text_, header.line);
      if (std::optional<Separator> sep = WrongSeparator(line)) {
        // "项目;指标;实际值;说明": a header, with another separator.
        Error(header.line, ColumnOfOffset(line, sep->at),
              Msg(MsgId::kCsvWrongSeparator, Tr(sep->name)));
      } else {
        Error(header.line, 1, Msg(MsgId::kCsvNoHeader, Shorten(line)));
      }
      return false;
    }
    bool ok = true;
    ncolumns_ = named;
    for (size_t i = 0; i < named; ++i) header_names_.emplace_back(Trim(header.fields[i]));
    header_fields_ = header.fields.size();
    deviation_is_reasons_ = progress_ != nullptr && DeviationIsReasons(header_names_);
    for (size_t i = 0; i < named; ++i) {
      const std::string& name = header_names_[i];
      if (IsRowNumberHeader(name)) continue;
      std::string_view column = ActualsCsvColumn(name);
      if (progress_ && column.empty()) column = progress_read::CsvColumn(name);  // progress.h
      if (deviation_is_reasons_ && name == kDeviationHeader) column = "reasons";
      size_t* slot = column == "project"      ? &project_
                     : column == "indicator"  ? &indicator_
                     : column == "value"      ? &value_
                     : column == "note"       ? &note_
                     : column == "score"      ? &score_
                     : column == "target"     ? &target_
                     : column == "level1"     ? &level1_
                     : column == "level2"     ? &level2_
                     : !progress_             ? nullptr
                     : column == "forecast"   ? &forecast_
                     : column == "likelihood" ? &likelihood_
                     : column == "reasons"    ? &reasons_
                                              : nullptr;
      if (slot == nullptr) {
        ok = false;
        std::string hint =
            name.empty() ? "" : ClosestMatch(name, SuggestedHeaders(progress_ != nullptr));
        const MsgId list = progress_ ? MsgId::kCsvColumnListProgress : MsgId::kCsvColumnList;
        if (name.empty()) {
          ErrorAt(header, i, MsgId::kCsvColumnUnnamed, i + 1, Tr(list));
        } else if (!hint.empty()) {
          ErrorAt(header, i, MsgId::kCsvColumnUnknownDidYouMean, Shorten(name), hint);
        } else {
          ErrorAt(header, i, MsgId::kCsvColumnUnknown, Shorten(name), Tr(list));
        }
        continue;
      }
      if (*slot != kNone) {
        ok = false;
        const std::string first(Trim(header.fields[*slot]));
        if (first == name) {
          ErrorAt(header, i, MsgId::kCsvColumnTwice, Shorten(name), *slot + 1);
        } else {
          ErrorAt(header, i, MsgId::kCsvColumnTwoNames, Shorten(first), *slot + 1, Shorten(name),
                  column);
        }
        continue;
      }
      *slot = i;
      if (slot == &project_) project_by_id_ = CsvColumnIsById(name);
    }
    note_holds_reasons_ = progress_ != nullptr && reasons_ == kNone && note_ != kNone &&
                          header_names_[note_] == kDeviationHeader;
    for (auto [slot, name] : {std::pair{project_, "project"}, std::pair{indicator_, "indicator"},
                              std::pair{value_, "value"}}) {
      if (slot != kNone) continue;
      ok = false;
      Error(header.line, 1, Msg(MsgId::kCsvColumnMissing, name));
    }
    return ok;
  }

  void ReadRow(const CsvRow& row) {
    if (IsNoteRow(row)) {
      NoteRow(row);
      return;
    }
    // Empty cells in the columns Excel leaves after the last named one
    // (the header has them too).
    size_t fields = row.fields.size();
    if (fields <= header_fields_) {
      while (fields > ncolumns_ && IsBlank(row.fields[fields - 1])) --fields;
    }
    if (fields != ncolumns_) {
      complete_ = false;
      // A row longer than the header line, which has empty fields after its
      // named columns (Excel's): both counted as the file shows them.
      std::string header = Tr(MsgId::kCsvHeaderColumns, ncolumns_);
      if (row.fields.size() > header_fields_ && header_fields_ > ncolumns_) {
        fields = row.fields.size();
        header = Tr(MsgId::kCsvHeaderWithBlanks, header_fields_, ncolumns_,
                    header_fields_ - ncolumns_);
      }
      Error(row.line, row.columns[0],
            Msg(fields > ncolumns_ ? MsgId::kCsvFieldCountComma : MsgId::kCsvFieldCount, fields,
                header));
      if (project_ < row.fields.size()) {
        bad_row_projects_.emplace_back(Trim(row.fields[project_]));
      }
      return;
    }
    if (progress_ && progress_read::IsAsOfRow(row.fields[indicator_])) {
      ReadAsOfRow(row);  // the file's as_of: no project's
      return;
    }
    const std::string project(Trim(row.fields[project_]));
    if (project.empty()) {
      complete_ = false;
      // Said once for the run of such rows (FlushEmptyProjects).
      if (!empty_run_) empty_run_ = EmptyRun{row.lines[project_], row.columns[project_], 0};
      empty_run_->last_line = row.line;
      return;
    }
    FlushEmptyProjects();
    above_ = project;
    above_line_ = row.line;
    auto [it, inserted] = group_of_.emplace(project, groups_.size());
    if (inserted) {
      groups_.emplace_back();
      if (auto rows = rows_of_.find(project); rows != rows_of_.end()) {
        groups_.back().entry.indicators.reserve(rows->second);  // the spent row's slot spare
      }
      groups_.back().entry.key = project;
      groups_.back().entry.by_id = project_by_id_;
      groups_.back().entry.loc = LocOf(row, project_);
    }
    Group& g = groups_[it->second];
    const size_t errors_before = diags_->error_count();
    // A number split by its thousands comma (JX0164): the cell after it is
    // the rest of the number, read as no column's (not as a note, nor a
    // likelihood on a row that takes none). What is left of an amount of
    // money is not judged either (Group::money_unread): "816" of "816,500"
    // is no unit slip to give advice about.
    std::optional<CsvRow> mended;
    bool split = false;
    for (size_t column : {value_, forecast_}) {
      if (!CheckThousandsSplit(row, column)) continue;
      split = true;
      if (!mended) mended = row;
      mended->fields[column + 1].clear();
    }
    ReadProjectRow(mended ? *mended : row, split, &g);
    if (diags_->error_count() > errors_before) g.entry.has_errors = true;
  }

  // A row of project `g`, its cells as read. `split`: a number in it was
  // split by its thousands comma (the error said).
  void ReadProjectRow(const CsvRow& row, bool split, Group* pg) {
    Group& g = *pg;
    const std::string indicator(Trim(row.fields[indicator_]));
    if (indicator.empty()) {
      ErrorAt(row, indicator_, MsgId::kCsvIndicatorCellEmpty, header_names_[indicator_]);
      return;
    }
    if (EqualsIgnoringCase(indicator, "spent") || indicator == "全年执行数" ||
        progress_read::IsSpentRow(indicator)) {
      ReadSpent(row, &g);
      if (progress_) ReadForecastSpent(row, indicator, forecast_, &g);
    } else if (progress_ && progress_read::IsForecastSpentRow(indicator)) {
      // A row of its own (全年预计执行数): its amount in the value column.
      if (!Cell(row, score_).empty()) {
        ErrorAt(row, score_, MsgId::kCsvRowTakesNoScore, indicator);
      }
      CheckProgressCells(row, indicator, false);
      AddProjectNote(row, &g.entry);
      ReadForecastSpent(row, indicator, value_, &g);
    } else if (EqualsIgnoringCase(indicator, "budget") || indicator == "全年预算数") {
      ReadBudget(row, &g);
      if (progress_) CheckProgressCells(row, indicator, false);
    } else if (EqualsIgnoringCase(indicator, "achieved") || indicator == "实际完成情况") {
      ReadAchieved(row, indicator, &g);
      if (progress_) CheckProgressCells(row, indicator, false);
      return;
    } else {
      ReadIndicator(row, indicator, &g);
      return;
    }
    if (split) g.money_unread = true;  // a row of the project's money
  }

  // A run of rows whose project cell is empty, as one error at its first
  // cell naming its first and last line (not one per row). Two or more
  // under a row with a project: most often a merged cell, which Excel
  // saves as CSV with its text in the first row only (JX0166; the
  // template writes at least three rows a project). Under a project, the
  // rows are most likely its: its rows are then taken as unread, so that
  // none of its indicators is said to lack an actual that is in fact on
  // those rows.
  void FlushEmptyProjects() {
    if (!empty_run_) return;
    const EmptyRun run = *empty_run_;
    empty_run_.reset();
    const std::string& header = header_names_[project_];
    const bool one = run.first_line == run.last_line;
    if (above_.empty()) {
      Error(run.first_line, run.first_column,
            one ? Msg(MsgId::kCsvProjectCellEmpty, header)
                : Msg(MsgId::kCsvProjectCellsEmpty, header, run.first_line, run.last_line));
      return;
    }
    Error(run.first_line, run.first_column,
          one ? Msg(MsgId::kCsvProjectCellEmptyUnder, header, above_line_, Shorten(above_))
              : Msg(MsgId::kCsvProjectCellsMerged, header, above_line_, Shorten(above_),
                    run.first_line, run.last_line));
    bad_row_projects_.push_back(above_);
  }

  // A number of the column split in two by its unquoted thousands comma
  // (LooksSplitByThousandsComma) is an error: read as it stands, it would
  // be scored as the digits before the comma.
  // True when it is.
  bool CheckThousandsSplit(const CsvRow& row, size_t column) {
    if (column == kNone || column + 1 >= row.fields.size() || row.quoted[column] ||
        row.quoted[column + 1]) {
      return false;
    }
    const std::string_view cell = Trim(row.fields[column]);
    const std::string_view next = Trim(row.fields[column + 1]);
    if (!LooksSplitByThousandsComma(cell, next)) return false;
    const std::string joined = std::string(cell) + "," + std::string(next);
    ErrorAt(row, column, MsgId::kCsvNumberSplitByComma, header_names_[column], cell,
            Shorten(next), Shorten(joined), Shorten(std::string(cell) + std::string(next)));
    return true;
  }

  std::string_view Cell(const CsvRow& row, size_t column) const {
    return column == kNone ? std::string_view() : Trim(row.fields[column]);
  }

  // The amount in a spending row's 指标值 cell as `template -f csv` writes
  // it, "预算 6 万元（项目名）" ("budget 6 万元（…）" in English): the cell
  // without the word and from the first bracket on; nullopt when what is left
  // is not an amount (then there is nothing to compare).
  static std::optional<Amount> BudgetShown(std::string_view cell) {
    std::string_view s = cell;
    for (std::string_view word : {std::string_view("预算"), std::string_view("budget")}) {
      if (s.size() >= word.size() && EqualsIgnoringCase(s.substr(0, word.size()), word)) {
        s = Trim(s.substr(word.size()));
        break;
      }
    }
    s = s.substr(0, std::min(s.find("（"), s.find('(')));
    Amount a;
    if (Trim(s).empty() || ParseAmountInto(Trim(s), "", &a)) return std::nullopt;
    return a;
  }

  void ReadSpent(const CsvRow& row, Group* g) {
    ProjectActuals& e = g->entry;
    if (g->spent_line != 0) {
      ErrorAt(row, indicator_, MsgId::kCsvSecondSpentRow, e.key, g->spent_line);
      return;
    }
    g->spent_line = row.lines[indicator_];
    AddProjectNote(row, &e);
    if (const std::string_view shown = Cell(row, target_); !shown.empty()) {
      g->spent_target = std::string(shown);
      e.budget_shown = BudgetShown(shown);
      if (e.budget_shown) e.budget_shown->loc = LocOf(row, target_);
    }
    if (!Cell(row, score_).empty()) {
      ErrorAt(row, score_, MsgId::kCsvRowTakesNoScore, Trim(row.fields[indicator_]));
    }
    const std::string_view text = Cell(row, value_);
    e.spent.total.loc = LocOf(row, value_);
    e.spent.total.text = std::string(text);
    if (text.empty()) {
      ErrorAt(row, value_, progress_ ? MsgId::kProgCsvSpentRowEmpty : MsgId::kCsvSpentRowEmpty,
              e.key, Trim(row.fields[indicator_]));
      return;
    }
    if (std::optional<Message> problem =
            ParseAmountInto(text,
                            Tr(progress_ ? MsgId::kValAmountSpentToDate : MsgId::kValAmountSpent),
                            &e.spent.total)) {
      ErrorAt(row, value_, std::move(*problem));
      return;
    }
    e.has_spent = true;
  }

  // The row `budget` (全年预算数): the budget after mid-year adjustment.
  void ReadBudget(const CsvRow& row, Group* g) {
    ProjectActuals& e = g->entry;
    if (g->budget_line != 0) {
      ErrorAt(row, indicator_, MsgId::kCsvSecondBudgetRow, e.key, g->budget_line);
      return;
    }
    g->budget_line = row.lines[indicator_];
    AddProjectNote(row, &e);  // why the budget was adjusted: the project's note too
    if (const std::string_view shown = Cell(row, target_); !shown.empty()) {
      // Not the budget, which is the value cell's: said at the end of the
      // file, when the spending row's 指标值 is known (Read).
      g->budget_target = Group::ShownOnBudgetRow{
          std::string(shown), std::string(Trim(row.fields[indicator_])),
          std::string(Cell(row, value_)), row.lines[target_], row.columns[target_]};
    }
    if (!Cell(row, score_).empty()) {
      ErrorAt(row, score_, MsgId::kCsvRowTakesNoScore, Trim(row.fields[indicator_]));
    }
    Amount a;
    a.loc = LocOf(row, value_);
    const std::string_view text = Cell(row, value_);
    std::optional<Message> problem =
        text.empty() ? Msg(MsgId::kCsvBudgetRowEmpty, e.key)
                     : ParseAmountInto(text, Tr(MsgId::kValAmountBudget), &a);
    if (!problem && a.value.sign() == 0) problem = Msg(MsgId::kValAdjustedBudgetRowZero);
    if (problem) {
      ErrorAt(row, value_, std::move(*problem));
      return;
    }
    e.budget = Funding{};
    e.budget->total = std::move(a);
  }

  // The note of a row about the project's money (spent, budget, forecast
  // spending): the project's note, those of several rows joined in the
  // order of the file.
  void AddProjectNote(const CsvRow& row, ProjectActuals* e) {
    const std::string_view note = Cell(row, note_);
    if (note.empty()) return;
    if (!e->note.empty()) e->note += "；";
    e->note += note;
  }

  // The row `achieved` (实际完成情况): what the year's overall goals came to,
  // in its value cell. Its 指标值 cell, where `template -f csv` shows the
  // goals, is kept to be compared with them (CheckShownGoals, score.cc);
  // its note has no place in any report, which is said at it.
  void ReadAchieved(const CsvRow& row, std::string_view name, Group* g) {
    ProjectActuals& e = g->entry;
    if (g->achieved_line != 0) {
      ErrorAt(row, indicator_, MsgId::kCsvSecondAchievedRow, e.key, g->achieved_line, name);
      return;
    }
    g->achieved_line = row.lines[indicator_];
    e.achieved = std::string(Cell(row, value_));
    if (const std::string_view shown = Cell(row, target_); !shown.empty()) {
      e.goals_shown = std::string(shown);
      e.goals_shown_loc = LocOf(row, target_);
    }
    if (!Cell(row, score_).empty()) ErrorAt(row, score_, MsgId::kCsvRowTakesNoScore, name);
    if (const std::string_view note = Cell(row, note_); !note.empty()) {
      Warning(row.lines[note_], row.columns[note_],
              Msg(progress_ ? MsgId::kProgCsvAchievedRowNote : MsgId::kCsvAchievedRowNote, name,
                  header_names_[note_], Shorten(note), header_names_[value_]));
    }
  }

  void ReadIndicator(const CsvRow& row, const std::string& key, Group* g) {
    auto [it, inserted] = g->indicator_lines.emplace(key, row.lines[indicator_]);
    if (!inserted) {
      ErrorAt(row, indicator_, MsgId::kCsvIndicatorTwice, key, g->entry.key, it->second);
      return;
    }
    IndicatorActual a;
    a.key = key;
    a.loc = LocOf(row, indicator_);
    const Location value_at = LocOf(row, value_);
    a.value_line = value_at.line;
    a.value_column = value_at.column;
    a.note = std::string(Cell(row, note_));
    if (const std::string_view target = Cell(row, target_); !target.empty()) {
      a.target_text = std::string(target);
      const Location at = LocOf(row, target_);
      a.target_line = at.line;
      a.target_column = at.column;
    }
    // In a progress file a forecast may stand without a value.
    if (progress_) {
      ReadProgressCells(row, &a);
      if (note_holds_reasons_) ReasonsInNote(&a);
    }
    if (!progress_ || !Cell(row, value_).empty()) {
      if (std::optional<Message> problem = ParseValueInto(Cell(row, value_), &a))
        ErrorAt(row, value_, std::move(*problem));
    }
    const std::string_view score = Cell(row, score_);
    if (!score.empty()) {
      if (!a.grade) {
        ErrorAt(row, score_, MsgId::kCsvScoreWithoutGrade, key, Shorten(a.text));
      } else if (std::optional<Rational> s = Rational::ParseDecimal(FoldFullWidth(score))) {
        if (std::optional<Message> bad = CheckScore(*s, score)) {
          ErrorAt(row, score_, Message{bad->code, Tr(MsgId::kValIndicatorWrap, key, bad->text)});
        } else {
          a.score = *s;
          Location at = LocOf(row, score_);
          a.score_line = at.line;
          a.score_column = at.column;
        }
      } else if (std::optional<Rational> pct = PercentCell(score)) {
        // 70%: a column in Excel's percentage format, saved as shown.
        ErrorAt(row, score_, MsgId::kValScorePercent, key, Shorten(score),
                (*pct / 100).ToDecimalString());
      } else {
        ErrorAt(row, score_, MsgId::kValScoreNotNumber, key, Shorten(score));
      }
    }
    g->entry.indicators.push_back(std::move(a));
  }

  // A progress file's fields (progress.h): the file's as_of row, the
  // forecast of a spending row, the progress cells of an indicator's row.
  void ReadAsOfRow(const CsvRow& row) {
    CheckProgressCells(row, Trim(row.fields[indicator_]), false);
    // Its note and 指标值 cells are the file's, no project's: read nowhere,
    // which is said at each (a note typed there would vanish).
    for (size_t column : {target_, note_}) {
      const std::string_view text = Cell(row, column);
      if (text.empty()) continue;
      Warning(row.lines[column], row.columns[column],
              Msg(MsgId::kProgCsvAsOfRowCell, Trim(row.fields[indicator_]), header_names_[column],
                  Shorten(text), header_names_[value_],
                  note_ == kNone ? Tr(MsgId::kMonLabelNote) : header_names_[note_]));
    }
    const std::string_view text = Cell(row, value_);
    AsOf as_of;
    as_of.loc = LocOf(row, value_);
    if (text.empty()) {  // no date: --as-of gives it, else an error at the end (Read)
      if (!empty_as_of_) {
        empty_as_of_ = as_of.loc;
        empty_as_of_label_ = std::string(Trim(row.fields[indicator_]));
      }
      return;
    }
    as_of_row_ = true;
    std::optional<Message> bad = ParseAsOf(text, &as_of.date);
    if (bad) {
      complete_ = false;
      Error(as_of.loc.line, as_of.loc.column, std::move(*bad));
    } else if (as_of_ && Compare(as_of_->date, as_of.date) != 0) {
      complete_ = false;
      Error(as_of.loc.line, as_of.loc.column,
            Msg(MsgId::kAsOfDiffers, FormatDate(as_of.date), FormatLocation(as_of_->loc),
                FormatDate(as_of_->date)));
    } else if (!as_of_) {
      as_of_ = as_of;
    }
  }

  // The year's expected spending in `column` of `row`: the forecast cell of
  // the spending row (`name`, whose other progress cells are checked here)
  // or the value cell of a row 全年预计执行数. Given both ways, an error.
  void ReadForecastSpent(const CsvRow& row, std::string_view name, size_t column, Group* g) {
    if (column == forecast_) CheckProgressCells(row, name, true);
    const std::string_view text = Cell(row, column);
    if (text.empty()) {
      if (column == value_) {
        ErrorAt(row, value_, MsgId::kActAmountEmpty, "forecast_spent", "全年预计执行数");
      }
      return;
    }
    if (g->forecast_spent_line != 0) {
      ErrorAt(row, column, MsgId::kCsvSecondForecastSpent, g->entry.key, g->forecast_spent_line);
      return;
    }
    g->forecast_spent_line = row.lines[column];
    Amount a;
    a.loc = LocOf(row, column);
    if (std::optional<Message> problem = ParseAmountInto(
            text, Tr(MsgId::kValAmountField, "forecast_spent", "全年预计执行数"), &a)) {
      ErrorAt(row, column, std::move(*problem));
      return;
    }
    g->entry.forecast_spent = std::move(a);
  }

  void CheckProgressCells(const CsvRow& row, std::string_view name, bool forecast_allowed) {
    for (progress_read::CellProblem& p : progress_read::CheckOtherRowCells(
             name, forecast_allowed, Cell(row, forecast_), Cell(row, likelihood_),
             Cell(row, reasons_))) {
      PlaceProblem(row, std::move(p));
    }
  }

  // A progress file without a reasons column whose note column is headed
  // 偏差原因 (the form's column of 偏差原因分析, ticked by category): a cell
  // that names reasons only ("经费保障、其他") gives the reasons; any other
  // text stays the note.
  static void ReasonsInNote(IndicatorActual* a) {
    if (a->note.empty()) return;
    std::string bad;
    if (const unsigned reasons = ParseReasonList(a->note, &bad); reasons != 0) {
      a->progress.reasons = reasons;
      a->note.clear();
    }
  }

  // A progress file's column 偏差原因 beside a note column (DeviationIsReasons):
  // the reasons column, whose cell names reasons only; other text in it is an
  // error at it, saying that it belongs in the note column.
  void ReasonsBesideNote(const CsvRow& row, IndicatorActual* a) {
    std::string bad;
    const unsigned reasons = ParseReasonList(Cell(row, reasons_), &bad);
    if (!bad.empty()) {
      ErrorAt(row, reasons_, MsgId::kUnknownReasonBesideNote, Shorten(bad), a->key,
              header_names_[note_]);
      return;
    }
    a->progress.reasons = reasons;
  }

  void ReadProgressCells(const CsvRow& row, IndicatorActual* a) {
    for (progress_read::CellProblem& p : progress_read::ReadIndicatorCells(
             Cell(row, value_), Cell(row, forecast_),
             forecast_ == kNone ? Location{} : LocOf(row, forecast_), Cell(row, likelihood_),
             likelihood_ == kNone ? Location{} : LocOf(row, likelihood_),
             deviation_is_reasons_ ? std::string_view() : Cell(row, reasons_), a)) {
      PlaceProblem(row, std::move(p));
    }
    if (deviation_is_reasons_) ReasonsBesideNote(row, a);
  }

  void PlaceProblem(const CsvRow& row, progress_read::CellProblem&& p) {
    const size_t column = p.column == progress_read::CellProblem::kForecast     ? forecast_
                          : p.column == progress_read::CellProblem::kLikelihood ? likelihood_
                          : p.column == progress_read::CellProblem::kReasons    ? reasons_
                                                                                : value_;
    Error(row.lines[column], row.columns[column], std::move(p.message));
  }

  const Source& src_;
  std::string_view text_;
  std::optional<LineIndex> lines_;  // made at the first error
  const EntrySink& add_;
  Diagnostics* diags_;
  const ProgressReading* progress_;  // a progress file (progress.h), or nullptr
  size_t forecast_ = kNone, likelihood_ = kNone, reasons_ = kNone;  // its columns
  std::optional<AsOf> as_of_;        // its as_of row
  bool as_of_row_ = false;           // an as_of row with a date was seen (even a bad one)
  std::optional<Location> empty_as_of_;  // the first as_of row's empty value cell
  std::string empty_as_of_label_;        // and its indicator cell (截至日期)
  size_t ncolumns_ = 0;       // the named columns
  std::vector<std::string> header_names_;  // each named column's header, trimmed
  bool note_holds_reasons_ = false;         // ReasonsInNote
  bool deviation_is_reasons_ = false;       // ReasonsBesideNote
  size_t header_fields_ = 0;  // the header's fields, with the empty ones after them
  size_t project_ = kNone, indicator_ = kNone, value_ = kNone, note_ = kNone, score_ = kNone;
  size_t target_ = kNone;                 // kept beside the value (IndicatorActual::target_text)
  size_t level1_ = kNone, level2_ = kNone;  // read and ignored
  bool project_by_id_ = false;  // the project column is headed id or 项目编号
  std::vector<Group> groups_;
  std::unordered_map<std::string, size_t> group_of_;
  CsvLimits limits_;
  std::unordered_map<std::string, uint32_t> rows_of_;  // project -> its rows
  std::vector<std::string> bad_row_projects_;  // projects of rows with a wrong field count
  // The project cell of the last row that had one, and its line: what a
  // run of empty project cells below it most likely belongs to.
  std::string above_;
  int above_line_ = 0;
  struct EmptyRun {
    int first_line, first_column;  // its first empty project cell
    int last_line;                 // where its last row starts
  };
  std::optional<EmptyRun> empty_run_;  // rows with an empty project cell, not yet said
  bool complete_ = true;  // every row became part of an entry
};

}  // namespace

Message GbAssumedMessage() {
  return Msg(MsgId::kCsvGb18030Assumed, Tr(MsgId::kCsvSaveAsUtf8));
}

Message NotUtf8Message(bool utf16, unsigned char byte) {
  if (utf16) return Msg(MsgId::kCsvUtf16, Tr(MsgId::kCsvSaveAsUtf8));
  static constexpr char kHex[] = "0123456789ABCDEF";
  const char hex[3] = {kHex[byte >> 4], kHex[byte & 15], '\0'};
  return Msg(MsgId::kCsvNotUtf8, hex, Tr(MsgId::kCsvSaveAsUtf8));
}

bool ReadCsvEntries(const Source& src, const YamlLimits& limits, const EntrySink& add,
                    Diagnostics* diags, const ProgressReading* progress) {
  return CsvReader(src, limits, add, diags, progress).Read();
}

}  // namespace actuals_read

using actuals_read::GbAssumedMessage;
using actuals_read::NotUtf8Message;

std::string_view ActualsCsvColumn(std::string_view header) {
  header = Trim(header);
  if (CsvColumnIsById(header)) return "project";
  for (const actuals_read::ColumnNames& c : actuals_read::kColumnNames) {
    const std::string_view column = c.column;
    if (header.size() == column.size() &&
        std::equal(header.begin(), header.end(), column.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == b;
        })) {
      return column;
    }
    for (std::string_view name : c.chinese)
      if (header == name) return column;
  }
  return {};
}

namespace {

// A header line of a CSV sheet of actuals or progress, read as the CSV
// reader reads its header's names (blanks around each, unquoted).
struct SheetHeader {
  int known = 0;  // cells naming a column
  bool project = false, indicator = false;
  bool progress = false;  // a column only a progress file has
};

SheetHeader ReadSheetHeader(std::string_view line) {
  SheetHeader h;
  for (size_t pos = 0; pos <= line.size();) {
    size_t end = line.find(',', pos);
    if (end == std::string_view::npos) end = line.size();
    std::string_view cell = Trim(line.substr(pos, end - pos));
    if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') {
      cell = Trim(cell.substr(1, cell.size() - 2));
    }
    const std::string_view column = ActualsCsvColumn(cell);
    const std::string_view progress = progress_read::CsvColumn(cell);
    if (!column.empty() || !progress.empty()) ++h.known;
    h.project = h.project || column == "project";
    h.indicator = h.indicator || column == "indicator";
    h.progress = h.progress || (column.empty() && !progress.empty());
    pos = end + 1;
  }
  return h;
}

// Whether a CSV line has a cell naming the as_of row of a progress file.
bool HasAsOfCell(std::string_view line) {
  for (size_t pos = 0; pos <= line.size();) {
    size_t end = line.find(',', pos);
    if (end == std::string_view::npos) end = line.size();
    if (progress_read::IsAsOfRow(Trim(line.substr(pos, end - pos)))) return true;
    pos = end + 1;
  }
  return false;
}

}  // namespace

std::optional<CsvGivenAsTargets> CsvSheetAsTargets(const Source& src) {
  // A workbook saved or renamed as .csv is said as what it is (JX0137).
  if (OfficeFileMessage(src.text)) return std::nullopt;
  const bool by_name = EndsWithIgnoringCase(src.path, ".csv");
  std::string_view text = StripBom(src.text);
  // Any file may be a sheet saved under another name, but only its first
  // line is looked at (a target file's would be `project: …`); a .csv file
  // may have a title or two above its header.
  std::string decoded;
  if (by_name && FindInvalidUtf8(text) != std::string_view::npos) {
    std::optional<std::string> gb = DecodeGb18030(text);
    decoded = gb ? std::move(*gb) : std::string();
    text = decoded;
  }
  int line = 1, header_line = 0;
  std::string_view header;
  SheetHeader found;
  int looked = 0;
  for (size_t pos = 0; pos < text.size() && looked < (by_name ? 5 : 1);) {
    // (find_first_of looks each byte up in the set with a call of its own.)
    size_t end = pos;
    while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
    const std::string_view l = text.substr(pos, end - pos);
    if (header_line != 0) {  // the line after the header: an as_of row?
      if (!Trim(l).empty()) {
        found.progress = found.progress || HasAsOfCell(l);
        break;
      }
    } else if (!Trim(l).empty()) {
      // A header names two columns or more, so has a comma: a target file's
      // first line (looked at for every target file) has none most often.
      if (!by_name && l.find(',') == std::string_view::npos) break;
      ++looked;
      SheetHeader h = ReadSheetHeader(l);
      if (h.known >= 2 && (by_name ? h.project || h.indicator : h.project && h.indicator)) {
        found = h;
        header = l;
        header_line = line;
      }
    }
    if (end < text.size() && text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') {
      ++end;
    }
    pos = end + 1;
    ++line;
  }
  if (header_line == 0 && !by_name) return std::nullopt;
  // Filled in place: GCC 12 at -O3 took the temporaries of a braced
  // initialiser for uninitialised strings (-Wmaybe-uninitialized).
  std::optional<CsvGivenAsTargets> out(std::in_place);
  out->loc.file = src.path;
  if (header_line == 0) {
    out->message = Msg(MsgId::kTargetIsCsv, src.path);
    return out;
  }
  out->loc.line = header_line;
  out->loc.column = 1;
  out->message = Msg(found.progress ? MsgId::kTargetIsProgressCsv : MsgId::kTargetIsActualsCsv,
                     actuals_read::Shorten(Trim(header)), src.path);
  out->line = std::string(header);
  return out;
}

bool CsvColumnIsById(std::string_view header) {
  header = Trim(header);
  return header == "项目编号" || EqualsIgnoringCase(header, "id");
}

bool CheckActualsCsvText(Source* src, size_t max_bytes, Diagnostics* diags) {
  // A workbook saved or renamed as .csv: what it is, before any decoding.
  if (std::optional<Message> office = OfficeFileMessage(src->text)) {
    diags->Error({src->path, 0, 0}, std::move(*office));
    return false;
  }
  const size_t bad = FindInvalidUtf8(src->text);
  if (src->text.size() > max_bytes || bad == std::string::npos) {
    return CheckInputText(*src, max_bytes, diags);
  }
  if (std::optional<std::string> decoded = DecodeGb18030(src->text)) {
    Source utf8{src->path, std::move(*decoded)};
    // Sizes were checked on the file: its UTF-8 text may be half as long again.
    if (!CheckInputText(utf8, SIZE_MAX, diags)) return false;
    src->text = std::move(utf8.text);
    size_t shown = 0;  // the first character GB18030 gave: the decoding to look at
    while (shown < src->text.size() && static_cast<unsigned char>(src->text[shown]) < 0x80) {
      ++shown;
    }
    diags->Add(MakeDiagnostic(Severity::kWarning, *src, shown, GbAssumedMessage()));
    return true;
  }
  const bool utf16 = StartsWith(src->text, "\xFF\xFE") || StartsWith(src->text, "\xFE\xFF");
  Message message = NotUtf8Message(utf16, static_cast<unsigned char>(src->text[bad]));
  if (utf16) {
    diags->Error({src->path, 0, 0}, message);
  } else {
    diags->Add(MakeDiagnostic(Severity::kError, *src, bad, message));
  }
  return false;
}

void ReadActualsCsv(const Source& src, ActualsIndex* index, Diagnostics* diags,
                    const YamlLimits& limits) {
  actuals_read::EntrySink add = [&](ProjectActuals&& e) { index->Add(std::move(e), diags); };
  actuals_read::ReadCsvEntries(src, limits, add, diags);
}

}  // namespace jixiao
