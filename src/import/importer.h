// The importer of `jixiao import` (internal to import/): a state machine
// that walks a document's paragraphs and table rows, fills in one project
// (a Draft) at a time, and checks each finished draft into an
// ImportedProject. Reading is in import.cc, finishing in import_finish.cc.
#ifndef JIXIAO_IMPORT_IMPORTER_H_
#define JIXIAO_IMPORT_IMPORTER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "import/import.h"
#include "import/import_doc.h"
#include "import/import_labels.h"
#include "model/rules.h"

namespace jixiao::importer {

// The label recognisers, by their names alone.
using labels::Column;
using labels::ColumnRole;
using labels::Contains;
using labels::ContinuedHeading;
using labels::DepartmentCell;
using labels::FiscalPartLabel;
using labels::HeadingName;
using labels::IndicatorCaption;
using labels::LabelKey;
using labels::LabelRole;
using labels::OneLine;
using labels::OverallGoalsLabel;
using labels::OpensTitleBlock;
using labels::Quote;
using labels::Role;
using labels::Squeeze;
using labels::TitleLine;
using labels::UnitCell;
using labels::YearOnly;
using labels::YearsIn;

// Warnings reported per input file; the rest are counted in one line.
inline constexpr size_t kMaxWarningsPerFile = 200;

enum class Section { kTitle, kBudget, kGoals, kIndicators };

struct Field {
  std::string text;
  DocPlace at;
  bool given = false;
};

struct Draft {
  ImportedProject p;
  std::optional<Field> heading;  // the name in the heading paragraph
  Field name_row, total, fiscal, carryover, other, unit, department, supervisor, purpose;
  // 中央财政资金, 地方财政资金, …: parts of the fiscal funds, added up when no
  // label gives the fiscal funds as a whole.
  struct FiscalPart {
    DocCell label;
    Field value;
  };
  std::vector<FiscalPart> fiscal_parts;
  // A second unit of money, other than `unit`, written elsewhere for the same
  // project (单位：元 above the table, 项目资金（万元） in it).
  std::optional<Field> other_unit;
  std::vector<DocCell> goal_cells;
  // Under a 总体目标 label (the goals of several years): the goals only when
  // no 年度目标 is given, else kept as comments.
  std::vector<DocCell> overall_goal_cells;
  bool goals_overall = false;  // the goals label last read is a 总体目标
  int title_year = 0;
  size_t rows = 0;
  Section section = Section::kTitle;
  std::vector<Column> columns;  // the indicator header, once seen
  DocPlace header_at;
  DocPlace weight_at;  // the header's 分值 cell, if it has one
  std::string last_level1, last_level2;
  std::vector<std::string> weights_seen;  // raw weight cells, to report them when dropped
};

class Importer {
 public:
  Importer(const ImportDoc& doc, const ImportOptions& opts, Diagnostics* diags)
      : doc_(doc), opts_(opts), diags_(diags),
        rules_(opts.rules ? *opts.rules : default_rules_) {}

  std::vector<ImportedProject> Run();

 private:
  // ---- diagnostics

  void Error(Draft* d, const DocPlace& at, Message message);

  void Warn(Draft* d, const DocPlace& at, Message message);

  // A guess: a warning, and a comment before `field` in the YAML.
  void Guess(Draft* d, const DocPlace& at, const std::string& field, const std::string& note,
             Message message);

  // A cell or paragraph that is no field: a warning and a comment. `why`
  // is a text of the catalogue (kUnread...), `arg` its argument if any.
  void Unread(Draft* d, const DocCell& c, MsgId why, const std::string& arg = {});

  // ---- document structure

  Draft& Current(const DocPlace& at);

  void StartNew(const DocPlace& at);

  void Paragraph(const DocCell& c);
  // A line naming the department and the unit (TitleLine) fills them in
  // the project it stands above.
  void ApplyTitleLine(Draft* d, const DocCell& c, const std::string& department,
                      const std::string& unit);

  bool IsHeader(const std::vector<DocCell>& cells) const;

  void Row(const std::vector<DocCell>& cells);

  void Set(Draft* d, Field* f, const DocCell* value, const DocCell& label);

  void TitleRow(Draft* d, const std::vector<DocCell>& cells);

  // The unit of money `unit` written in `value` (under or beside `label`):
  // the project's unit, or a second one that disagrees with it
  // (other_unit), or the same again ("given twice").
  void SetUnit(Draft* d, const std::string& unit, const DocCell& value, const DocCell& label);

  static std::optional<std::string> UnitInLabel(std::string_view label);

  // ---- indicator rows

  void IndicatorRow(const std::vector<DocCell>& row);

  // Where a row that is not as wide as the header starts: the index of its first
  // non-blank cell and the column that cell belongs in, kLevel1 for a 一级指标
  // name and kLevel2 for a 二级指标 name (either also without its 指标 suffix).
  // nullopt when that cell is neither: the row is no indicator.
  struct Lead {
    size_t index;
    Column column;
  };
  std::optional<Lead> LeadOf(const std::vector<DocCell>& row) const;

  // After a row is rejected: the 一级/二级指标 its leading cells name become the
  // ones the rows below continue, so that one bad row is one error.
  void RememberLevels(Draft* d, const std::vector<DocCell>& row, const Lead& lead) const;

  // Checks level1/level2 against the taxonomy; "数量" for "数量指标" is a guess.
  bool CheckTaxonomy(Draft* d, const DocPlace& at1, const DocPlace& at2, ImportedIndicator* ind);

  // The 指标值, with the 指标性质 (comparator) and 度量单位 columns of the
  // 2021 form added when the table has them.
  bool ComposeTarget(Draft* d, const DocCell* target, const DocCell* nature, const DocCell* unit,
                     ImportedIndicator* ind);

  // ---- a finished project

  void Finish();

  void ReadName(Draft* d);

  void ReadYear(Draft* d);

  void ReadDepartment(Draft* d);
  // 主管部门: the supervisor, and the department when nothing else names one.
  void ReadSupervisor(Draft* d);

  void ReadBudget(Draft* d);
  // 中央财政资金 + 地方财政资金 + …: the fiscal funds, unless given as a whole.
  void ReadFiscalParts(Draft* d);

  // Weights are written only when every indicator has one and they add up
  // to the rules' indicator weight; otherwise they are left out, said so.
  void CheckWeights(Draft* d);

  // A name the table repeats gets an id, so that each indicator has a key.
  void TellApartNames(Draft* d);

  // Runs the target loader on the YAML written for the project, so that an
  // ok project is one `jixiao check` accepts, and reports the warnings
  // `check` would give at the place in the document they concern.
  void SelfCheck(Draft* d);

  const ImportDoc& doc_;
  const ImportOptions& opts_;
  Diagnostics* diags_;
  Rules default_rules_ = Rules::Default();
  const Rules& rules_;
  std::optional<Draft> draft_;
  std::vector<DocCell> preamble_;  // paragraphs before any project
  std::vector<ImportedProject> projects_;
  int number_ = 0;
  int pending_year_ = 0;
  // A title line (TitleLine) read before the project it belongs to starts.
  struct PendingTitle {
    DocCell line;
    std::string department, unit;
  };
  std::optional<PendingTitle> pending_title_;
  size_t warnings_ = 0;
  size_t suppressed_warnings_ = 0;
  bool reported_not_table_ = false;
};

}  // namespace jixiao::importer

#endif  // JIXIAO_IMPORT_IMPORTER_H_
