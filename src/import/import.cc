// Reading a 绩效目标表: the importer's walk over paragraphs and rows, and the
// title and indicator rows it fills a draft from. See importer.h.
#include "import/import.h"

#include <algorithm>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "base/text.h"
#include "import/importer.h"
#include "model/value.h"
#include "yaml/inputs.h"

namespace jixiao {

namespace importer {

namespace {

// Names for a person: "产出指标, 效益指标" / "产出指标、效益指标".
std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += Text(MsgId::kCliListSeparator);
    out += names[i];
  }
  return out;
}

// The value parser's reason for refusing a target, with its code.
Message TargetError(const Parsed<Target>& parsed) { return parsed.message(); }

// The year of a title that names no project (2024年度项目支出绩效目标表), or 0
// when it gives none, or several.
int TitleYear(std::string_view text) {
  std::vector<int> years = YearsIn(text);
  return years.size() == 1 ? years.front() : 0;
}

}  // namespace

std::vector<ImportedProject> Importer::Run() {
  const std::vector<DocItem>& items = doc_.items;
  for (size_t i = 0; i < items.size(); ++i) {
    const DocItem& item = items[i];
    if (item.kind == DocItem::Kind::kParagraph) {
      if (!item.cells.empty()) Paragraph(item.cells.front());
      continue;
    }
    if (item.cells.empty()) continue;
    std::vector<DocCell> cells = item.cells;
    if (draft_ && draft_->section == Section::kIndicators && !IsHeader(cells) &&
        !OpensTitleBlock(cells)) {
      // A cell with stray blank lines splits its row in extracted text:
      // join the pieces while they add up to the header's width.
      size_t width = draft_->columns.size();
      if (doc_.rows_may_split && cells.size() < width) {
        size_t j = i + 1;
        size_t n = cells.size();
        while (j < items.size() && n < width && items[j].kind == DocItem::Kind::kRow &&
               !OpensTitleBlock(items[j].cells) && !IsHeader(items[j].cells)) {
          n += items[j].cells.size();
          ++j;
        }
        if (n == width) {
          for (size_t k = i + 1; k < j; ++k)
            cells.insert(cells.end(), items[k].cells.begin(), items[k].cells.end());
          i = j - 1;
        }
      }
      IndicatorRow(cells);
      continue;
    }
    Row(cells);
  }
  Finish();
  if (projects_.empty() && !reported_not_table_) {
    DocPlace at;
    if (!items.empty() && !items.front().cells.empty()) at = items.front().cells.front().at;
    Error(nullptr, at, Msg(MsgId::kImportNotATable));
  }
  if (suppressed_warnings_ > 0) {
    diags_->Warning({doc_.file, 0, 0}, MsgId::kImportMoreWarnings, suppressed_warnings_);
  }
  return std::move(projects_);
}

void Importer::Error(Draft* d, const DocPlace& at, Message message) {
  diags_->Add(MakeDocDiagnostic(doc_, Severity::kError, at, std::move(message)));
  if (d) d->p.ok = false;
}

void Importer::Warn(Draft* d, const DocPlace& at, Message message) {
  if (d) ++d->p.warnings;
  if (warnings_ >= kMaxWarningsPerFile) {
    ++suppressed_warnings_;
    return;
  }
  ++warnings_;
  diags_->Add(MakeDocDiagnostic(doc_, Severity::kWarning, at, std::move(message)));
}

void Importer::Guess(Draft* d, const DocPlace& at, const std::string& field,
                     const std::string& note, Message message) {
  Warn(d, at, std::move(message));
  if (d) d->p.field_notes[field].push_back(note);
}

void Importer::Unread(Draft* d, const DocCell& c, MsgId why, const std::string& arg) {
  std::string reason = arg.empty() ? std::string(Text(why)) : Tr(why, arg);
  Warn(d, c.at, Msg(MsgId::kImportNotImported, Quote(c.text), reason));
  if (d) d->p.unread.push_back(fmt::format("{}: {}", DescribePlace(c.at, Lang::kEn), Quote(c.text)));
}

Draft& Importer::Current(const DocPlace& at) {
  if (!draft_) StartNew(at);
  return *draft_;
}

void Importer::StartNew(const DocPlace& at) {
  Finish();
  draft_.emplace();
  draft_->p.at = at;
  if (pending_year_) draft_->title_year = pending_year_;
  if (pending_title_) {
    ApplyTitleLine(&*draft_, pending_title_->line, pending_title_->department,
                   pending_title_->unit);
    pending_title_.reset();
  }
  for (const DocCell& c : preamble_) Unread(&*draft_, c, MsgId::kUnreadBeforeTable);
  preamble_.clear();
}

void Importer::Paragraph(const DocCell& c) {
  if (Trim(c.text).empty()) return;
  // "（续）1.…绩效目标表" above the rest of the indicator table on the next
  // page: the project goes on.
  if (draft_ && draft_->section == Section::kIndicators && ContinuedHeading(c.text)) return;
  if (std::optional<std::string> name = HeadingName(c.text)) {
    // The form's own title (2024年度项目支出绩效目标表) names no project; its
    // year is the project's when the name has none.
    const int year = name->empty() ? TitleYear(c.text) : 0;
    if (draft_ && draft_->rows == 0 && name->empty() && draft_->heading &&
        !draft_->heading->text.empty()) {
      // Below the project's own heading: that heading names it.
      if (year) draft_->title_year = year;
      return;
    }
    if (draft_ && draft_->rows == 0) {
      // Two headings in a row: the first was a document title.
      if (draft_->heading && !draft_->heading->text.empty()) {
        Warn(nullptr, draft_->heading->at,
             Msg(MsgId::kImportHeadingWithoutTable, Quote(draft_->heading->text)));
      }
      draft_->p.at = c.at;
    } else {
      StartNew(c.at);
    }
    draft_->heading = Field{*name, c.at, true};
    if (int y = YearOnly(c.text)) draft_->title_year = y;
    if (year) draft_->title_year = year;
    return;
  }
  if (int y = YearOnly(c.text)) {
    if (draft_ && draft_->rows == 0) {
      draft_->title_year = y;
    } else {
      pending_year_ = y;
    }
    return;
  }
  std::string department, unit;
  if (TitleLine(c.text, &department, &unit)) {
    // Above its project's tables (after its heading, or before them all),
    // or between its title table and its indicators; after an indicator
    // table it belongs to the next project.
    if (draft_ && (draft_->rows == 0 || draft_->section != Section::kIndicators)) {
      ApplyTitleLine(&*draft_, c, department, unit);
    } else {
      pending_title_ = PendingTitle{c, department, unit};
    }
    return;
  }
  if (draft_) {
    Unread(&*draft_, c, MsgId::kUnreadOutsideTable);
  } else if (preamble_.size() < kMaxWarningsPerFile) {
    preamble_.push_back(c);  // reported with the first project, if there is one
  }
}

void Importer::ApplyTitleLine(Draft* d, const DocCell& c, const std::string& department,
                              const std::string& unit) {
  DocCell part = c;
  if (!department.empty()) {
    part.text = department;
    Set(d, &d->department, &part, c);
  }
  if (!unit.empty()) {
    part.text = unit;
    SetUnit(d, unit, part, c);
  }
}

void Importer::SetUnit(Draft* d, const std::string& unit, const DocCell& value,
                       const DocCell& label) {
  if (d->unit.given && Squeeze(d->unit.text) != Squeeze(unit) &&
      LookupUnit(d->unit.text).dim == Dimension::kMoney &&
      LookupUnit(unit).dim == Dimension::kMoney) {
    if (!d->other_unit) d->other_unit = Field{unit, value.at, true};
    return;
  }
  bool first = !d->unit.given;
  Set(d, &d->unit, &value, label);
  if (first) d->unit.text = unit;
}

bool Importer::IsHeader(const std::vector<DocCell>& cells) const {
  bool l1 = false, l2 = false, name = false, target = false;
  for (const DocCell& c : cells) {
    switch (ColumnRole(LabelKey(c.text))) {
      case Column::kLevel1: l1 = true; break;
      case Column::kLevel2: l2 = true; break;
      case Column::kName: name = true; break;
      case Column::kTarget: target = true; break;
      default: break;
    }
  }
  return l1 && l2 && name && target;
}

void Importer::Row(const std::vector<DocCell>& cells) {
  const DocPlace& first = cells.front().at;
  if (IsHeader(cells)) {
    std::vector<Column> columns;
    bool target_seen = false;
    DocPlace weight_at;
    for (const DocCell& c : cells) {
      Column col = ColumnRole(LabelKey(c.text));
      // Only the first target column is the target (a 中期指标值 next to
      // it is not).
      if (col == Column::kTarget && target_seen) col = Column::kOther;
      if (col == Column::kTarget) target_seen = true;
      if (col == Column::kWeight && weight_at.line == 0 && weight_at.table == 0) weight_at = c.at;
      columns.push_back(col);
    }
    if (draft_ && draft_->section == Section::kIndicators) {
      // The header again under the project's indicators, with no title rows
      // between: the table continued on the next page (Word repeats the
      // header row, or the rest is a second table). The rows below are
      // this project's, and a 一级指标 merged across the break goes on.
      Draft& d = *draft_;
      ++d.rows;
      if (columns != d.columns) {
        // Other columns: the next project with its title rows missing, or
        // the same table? Not guessed; the project is not written.
        Error(&d, first, Msg(MsgId::kImportHeaderChanged, DescribePlace(d.header_at)));
        d.columns = std::move(columns);
        d.header_at = first;
        d.weight_at = weight_at;
      }
      return;
    }
    Draft& d = Current(first);
    ++d.rows;
    d.section = Section::kIndicators;
    d.header_at = first;
    d.weight_at = weight_at;
    d.columns = std::move(columns);
    return;
  }
  // A second 项目名称, or a title row after an indicator table, starts the
  // next project.
  bool names_project = false;
  for (const DocCell& c : cells) {
    if (LabelRole(LabelKey(c.text)) == Role::kName) names_project = true;
  }
  if (draft_ && draft_->rows > 0 &&
      ((names_project && draft_->name_row.given) ||
       (draft_->section == Section::kIndicators && OpensTitleBlock(cells)))) {
    StartNew(first);
  }
  Draft& d = Current(first);
  ++d.rows;
  TitleRow(&d, cells);
}

void Importer::Set(Draft* d, Field* f, const DocCell* value, const DocCell& label) {
  if (f->given) {
    if (value && !Trim(value->text).empty()) {
      Unread(d, *value, MsgId::kUnreadGivenTwice, Quote(label.text));
    }
    return;
  }
  f->given = true;
  f->at = value ? value->at : label.at;
  f->text = value ? value->text : std::string();
}

void Importer::TitleRow(Draft* d, const std::vector<DocCell>& cells) {
  size_t non_blank = 0;
  for (const DocCell& c : cells) non_blank += Trim(c.text).empty() ? 0 : 1;
  // Below the goals, a row that starts with a label of its own (备注 | 无,
  // 项目负责人 | 张三 | 联系电话 | …) or a caption (年度绩效指标) ends them:
  // goals go on only in rows under the merged 绩效目标 cell, or in a row of
  // one cell.
  if (d->section == Section::kGoals && !cells.front().merged && !Trim(cells.front().text).empty()) {
    std::string key = LabelKey(cells.front().text);
    if (LabelRole(key) == Role::kNone && !UnitCell(cells.front().text) &&
        (non_blank >= 2 || IndicatorCaption(key))) {
      d->section = Section::kTitle;
    }
  }
  for (size_t i = 0; i < cells.size(); ++i) {
    const DocCell& c = cells[i];
    if (Trim(c.text).empty()) continue;
    std::string key = LabelKey(c.text);
    Role role = LabelRole(key);
    // A budget label and its amount in one cell ("预算数：850,000.00"): read
    // as the label's cell and the amount's next to it.
    std::optional<DocCell> own_label, own_value;
    if (role == Role::kNone) {
      if (std::optional<labels::LabelledAmount> la = labels::SplitLabelledAmount(c.text)) {
        own_label = DocCell{la->label, c.at, false, c.span};
        own_value = DocCell{la->amount, c.at, false, c.span};
        key = LabelKey(la->label);
        role = LabelRole(key);
      }
    }
    const DocCell& label = own_label ? *own_label : c;
    std::string code, name;
    if (role == Role::kNone) {
      if (std::optional<std::string> unit = UnitCell(c.text)) {
        SetUnit(d, *unit, c, c);
        continue;
      }
      if (!d->department.given && d->section == Section::kTitle &&
          DepartmentCell(c.text, &code, &name)) {
        Set(d, &d->department, &c, c);
        continue;
      }
      if (std::optional<std::string> heading = HeadingName(c.text)) {
        // The form's own title (项目支出绩效目标表) in its first row names no
        // project: only its year is read, if it gives one.
        if (heading->empty()) {
          if (int y = TitleYear(c.text)) d->title_year = y;
          if (!d->heading) d->heading = Field{*heading, c.at, true};
          continue;
        }
        if (!d->heading) {
          d->heading = Field{*heading, c.at, true};
          continue;
        }
      }
      if (int y = YearOnly(c.text)) {
        d->title_year = y;
        continue;
      }
      if (d->section == Section::kBudget && !d->purpose.given && non_blank == 1) {
        Set(d, &d->purpose, &c, c);  // the 资金用途 row under a merged label
        continue;
      }
      if (d->section == Section::kGoals) {
        (d->goals_overall ? d->overall_goal_cells : d->goal_cells).push_back(c);
        continue;
      }
      Unread(d, c, MsgId::kUnreadNoField);
      continue;
    }
    // A label: its value is the next cell, unless that is a label too (or
    // one with its amount), or the value is in the label's own cell.
    const DocCell* value = nullptr;
    auto take_value = [&] {
      if (own_value) {
        value = &*own_value;
        return;
      }
      if (i + 1 < cells.size()) {
        const DocCell& next = cells[i + 1];
        std::string nk = LabelKey(next.text);
        if (LabelRole(nk) == Role::kNone && !UnitCell(next.text) &&
            !labels::SplitLabelledAmount(next.text)) {
          value = &next;
          ++i;
        }
      }
    };
    switch (role) {
      case Role::kBudgetGroup:
        d->section = Section::kBudget;
        if (std::optional<std::string> unit = UnitInLabel(c.text)) {
          if (!d->unit.given) {
            d->unit = Field{*unit, c.at, true};
          } else if (!d->other_unit && Squeeze(d->unit.text) != *unit &&
                     LookupUnit(d->unit.text).dim == Dimension::kMoney) {
            d->other_unit = Field{*unit, c.at, true};
          }
        }
        break;
      case Role::kName:
        take_value();
        Set(d, &d->name_row, value, c);
        break;
      case Role::kDepartment:
        take_value();
        Set(d, &d->department, value, c);
        break;
      case Role::kSupervisor:
        take_value();
        Set(d, &d->supervisor, value, c);
        break;
      case Role::kImplementer:
        // 实施单位 is the department; beside another department label it is
        // not read.
        take_value();
        if (!d->department.given) {
          Set(d, &d->department, value, c);
        } else if (value && !Trim(value->text).empty()) {
          Unread(d, *value, MsgId::kUnreadDepartmentGiven, Quote(c.text));
        }
        break;
      case Role::kTotal:
      case Role::kFiscal:
      case Role::kCarryover:
      case Role::kOther:
        d->section = Section::kBudget;
        take_value();
        if (role == Role::kFiscal && FiscalPartLabel(key)) {
          Draft::FiscalPart part{label, Field{}};
          Set(d, &part.value, value, label);
          d->fiscal_parts.push_back(std::move(part));
          break;
        }
        Set(d,
            role == Role::kTotal       ? &d->total
            : role == Role::kFiscal    ? &d->fiscal
            : role == Role::kCarryover ? &d->carryover
                                       : &d->other,
            value, label);
        break;
      case Role::kPurpose:
        take_value();
        Set(d, &d->purpose, value, c);
        break;
      case Role::kGoals: {
        d->section = Section::kGoals;
        d->goals_overall = OverallGoalsLabel(key);
        size_t k = i + 1;
        while (k < cells.size() && Trim(cells[k].text).empty()) ++k;
        // 绩效目标 | 年度目标 | …: the label is a group, the next one says
        // which goals follow.
        if (k < cells.size() && LabelRole(LabelKey(cells[k].text)) == Role::kGoals) {
          i = k - 1;
          break;
        }
        for (; k < cells.size(); ++k) {
          if (Trim(cells[k].text).empty()) continue;
          (d->goals_overall ? d->overall_goal_cells : d->goal_cells).push_back(cells[k]);
        }
        i = cells.size();
        break;
      }
      case Role::kNone:
        break;
    }
  }
}

std::optional<std::string> Importer::UnitInLabel(std::string_view label) {
  std::string k = Squeeze(label);
  for (std::string_view u : {"(亿元)", "(万元)", "(千元)", "(元)"}) {
    if (Contains(k, u)) return std::string(u.substr(1, u.size() - 2));
  }
  return std::nullopt;
}

void Importer::IndicatorRow(const std::vector<DocCell>& row) {
  Draft& d = *draft_;
  ++d.rows;
  bool blank = true;
  for (const DocCell& c : row) blank = blank && Trim(c.text).empty();
  if (blank) return;
  size_t width = d.columns.size();
  std::vector<DocCell> cells = row;
  std::optional<Lead> lead;
  if (cells.size() != width) {
    lead = LeadOf(row);
    if (!lead) {
      // Not an indicator (a 备注 or 填报人 row under the table): kept as comments.
      for (const DocCell& c : row) {
        if (!Trim(c.text).empty()) Unread(&d, c, MsgId::kUnreadNoIndicator);
      }
      return;
    }
  }
  if (cells.size() > width) {
    Error(&d, cells[width].at,
          Msg(MsgId::kImportRowTooWide, cells.size(), DescribePlace(d.header_at), width));
    RememberLevels(&d, row, *lead);
    return;
  }
  if (cells.size() < width) {
    // Leading merged columns missing: the cells move right, as far as puts the
    // row's first name under its own header. A shorter move would leave a cell
    // missing further on, which nothing here can place.
    size_t missing = width - cells.size();
    if (d.columns[lead->index + missing] != lead->column) {
      // A cell spanning columns (三级指标 and 绩效指标描述 merged): which of
      // them its text is for is not guessed.
      for (const DocCell& c : row) {
        if (c.span <= 1) continue;
        Error(&d, c.at, Msg(MsgId::kImportRowSpannedCell, c.span, DescribePlace(d.header_at)));
        RememberLevels(&d, row, *lead);
        return;
      }
      Error(&d, row.front().at,
            Msg(MsgId::kImportRowMissingCell, row.size(), DescribePlace(d.header_at), width));
      RememberLevels(&d, row, *lead);
      return;
    }
    std::vector<DocCell> aligned(missing);
    for (DocCell& c : aligned) {
      c.at = row.front().at;
      c.merged = true;
    }
    aligned.insert(aligned.end(), cells.begin(), cells.end());
    cells = std::move(aligned);
    Warn(&d, row.front().at, Msg(MsgId::kImportRowShort, row.size(), width, missing));
  }
  ImportedIndicator ind;
  ind.at = cells.front().at;
  const DocCell* l1 = nullptr;
  const DocCell* l2 = nullptr;
  const DocCell* name = nullptr;
  const DocCell* desc = nullptr;
  const DocCell* target = nullptr;
  const DocCell* weight = nullptr;
  const DocCell* nature = nullptr;
  const DocCell* unit = nullptr;
  for (size_t i = 0; i < width; ++i) {
    const DocCell& c = cells[i];
    if (c.text.size() > opts_.max_cell_bytes) {
      Error(&d, c.at, Msg(MsgId::kImportCellTooLong, c.text.size(), opts_.max_cell_bytes));
      return;
    }
    switch (d.columns[i]) {
      case Column::kLevel1: l1 = &c; break;
      case Column::kLevel2: l2 = &c; break;
      case Column::kName: name = &c; break;
      case Column::kDescription: desc = &c; break;
      case Column::kTarget: target = &c; break;
      case Column::kWeight: weight = &c; break;
      case Column::kNature: nature = &c; break;
      case Column::kUnit: unit = &c; break;
      case Column::kOther:
        if (!Trim(c.text).empty()) {
          ind.notes.push_back(fmt::format("未导入 / not imported ({}): {}",
                                          DescribePlace(c.at, Lang::kEn), Quote(c.text)));
          Warn(&d, c.at,
               Msg(MsgId::kImportNotImported, Quote(c.text), Text(MsgId::kUnreadOtherColumn)));
        }
        break;
    }
  }
  // 一级 / 二级指标: an empty cell continues the merged cell above it.
  ind.level1 = Squeeze(l1 ? l1->text : "");
  ind.level2 = Squeeze(l2 ? l2->text : "");
  bool same_level1 = ind.level1.empty() || ind.level1 == d.last_level1;
  if (ind.level1.empty()) {
    if (d.last_level1.empty()) {
      Error(&d, l1 ? l1->at : ind.at, Msg(MsgId::kImportLevel1Empty));
      return;
    }
    ind.level1 = d.last_level1;
    if (l1 && !l1->merged && !l1->at.is_text()) {
      ind.notes.push_back(fmt::format("猜测 / guessed: 一级指标为空，沿用上一行的 {} / 一级指标 is "
                                      "empty, the row above's is used",
                                      ind.level1));
      Warn(&d, l1->at, Msg(MsgId::kImportLevel1Continued, ind.level1));
    }
  }
  if (ind.level2.empty()) {
    if (d.last_level2.empty() || !same_level1) {
      Error(&d, l2 ? l2->at : ind.at, Msg(MsgId::kImportLevel2Empty));
      return;
    }
    ind.level2 = d.last_level2;
    if (l2 && !l2->merged && !l2->at.is_text()) {
      ind.notes.push_back(fmt::format("猜测 / guessed: 二级指标为空，沿用上一行的 {} / 二级指标 is "
                                      "empty, the row above's is used",
                                      ind.level2));
      Warn(&d, l2->at, Msg(MsgId::kImportLevel2Continued, ind.level2));
    }
  }
  d.last_level1 = ind.level1;
  d.last_level2 = ind.level2;
  if (!CheckTaxonomy(&d, l1 ? l1->at : ind.at, l2 ? l2->at : ind.at, &ind)) return;

  ind.name = name ? OneLine(name->text) : std::string();
  if (ind.name.empty()) {
    Error(&d, name ? name->at : ind.at, Msg(MsgId::kImportNameEmpty));
    return;
  }
  if (desc) ind.description = std::string(Trim(desc->text));
  ind.target_at = target ? target->at : ind.at;
  if (!ComposeTarget(&d, target, nature, unit, &ind)) return;
  if (weight) {
    d.weights_seen.push_back(weight->text);
    std::string w = Squeeze(weight->text);
    if (!w.empty()) {
      Parsed<std::string> amount = ParseAmount(w, "");
      if (!amount || amount->empty()) {
        Error(&d, weight->at, Msg(MsgId::kImportBadWeight, Quote(weight->text)));
        return;
      }
      ind.weight = *amount;
    }
  }
  d.p.indicators.push_back(std::move(ind));
}

std::optional<Importer::Lead> Importer::LeadOf(const std::vector<DocCell>& row) const {
  for (size_t i = 0; i < row.size(); ++i) {
    std::string k = Squeeze(row[i].text);
    if (k.empty()) continue;
    if (rules_.FindLevel1(k) || rules_.FindLevel1(k + "指标")) return Lead{i, Column::kLevel1};
    for (const Level1Group& g : rules_.taxonomy) {
      if (rules_.FindLevel2(g, k) || rules_.FindLevel2(g, k + "指标")) {
        return Lead{i, Column::kLevel2};
      }
    }
    return std::nullopt;
  }
  return std::nullopt;
}

void Importer::RememberLevels(Draft* d, const std::vector<DocCell>& row, const Lead& lead) const {
  size_t i = lead.index;
  if (lead.column == Column::kLevel1) {
    std::string k = Squeeze(row[i].text);
    const Level1Group* g = rules_.FindLevel1(k);
    if (!g) g = rules_.FindLevel1(k + "指标");
    d->last_level1 = g->name;
    d->last_level2.clear();
    do {
      if (++i == row.size()) return;
    } while (Squeeze(row[i].text).empty());
  }
  std::string k = Squeeze(row[i].text);
  if (const Level1Group* g = rules_.FindLevel1(d->last_level1)) {
    const std::string* l2 = rules_.FindLevel2(*g, k);
    if (!l2) l2 = rules_.FindLevel2(*g, k + "指标");
    if (l2) d->last_level2 = *l2;
  }
}

bool Importer::CheckTaxonomy(Draft* d, const DocPlace& at1, const DocPlace& at2,
                             ImportedIndicator* ind) {
  const Level1Group* group = rules_.FindLevel1(ind->level1);
  if (!group) {
    if (const Level1Group* g = rules_.FindLevel1(ind->level1 + "指标")) {
      ind->notes.push_back(fmt::format("猜测 / guessed: 一级指标“{}”按“{}”导入 / read as {}",
                                       ind->level1, g->name, g->name));
      Warn(d, at1, Msg(MsgId::kImportLevel1ReadAs, ind->level1, g->name));
      ind->level1 = g->name;
      d->last_level1 = g->name;
      group = g;
    } else {
      std::vector<std::string> names;
      for (const Level1Group& lg : rules_.taxonomy) names.push_back(lg.name);
      std::string hint = ClosestMatch(ind->level1, names);
      Error(d, at1,
            hint.empty() ? Msg(MsgId::kImportUnknownLevel1, ind->level1, JoinNames(names))
                         : Msg(MsgId::kImportUnknownLevel1Hint, ind->level1, hint));
      return false;
    }
  }
  if (rules_.FindLevel2(*group, ind->level2)) return true;
  if (const std::string* l2 = rules_.FindLevel2(*group, ind->level2 + "指标")) {
    ind->notes.push_back(fmt::format("猜测 / guessed: 二级指标“{}”按“{}”导入 / read as {}",
                                     ind->level2, *l2, *l2));
    Warn(d, at2, Msg(MsgId::kImportLevel2ReadAs, ind->level2, *l2));
    ind->level2 = *l2;
    d->last_level2 = *l2;
    return true;
  }
  for (const Level1Group& g : rules_.taxonomy) {
    if (rules_.FindLevel2(g, ind->level2)) {
      Error(d, at2, Msg(MsgId::kImportLevel2Elsewhere, ind->level2, g.name, ind->level1));
      return false;
    }
  }
  std::string hint = ClosestMatch(ind->level2, group->level2);
  Error(d, at2,
        hint.empty()
            ? Msg(MsgId::kImportUnknownLevel2, ind->level2, ind->level1, JoinNames(group->level2))
            : Msg(MsgId::kImportUnknownLevel2Hint, ind->level2, ind->level1, hint));
  return false;
}

bool Importer::ComposeTarget(Draft* d, const DocCell* target, const DocCell* nature,
                             const DocCell* unit, ImportedIndicator* ind) {
  std::string value = target ? OneLine(target->text) : std::string();
  DocPlace at = target ? target->at : ind->at;
  if (value.empty()) {
    Error(d, at, Msg(MsgId::kImportTargetEmpty, ind->name));
    return false;
  }
  std::string written = value;
  bool clash = false;  // 指标性质 points the other way from the target's own comparator
  if (nature) {
    std::string n = Squeeze(nature->text);
    // Some forms write the direction in words: 正向 is "at least", 反向
    // "at most" (a cost, a time limit).
    if (n == "正向" || n == "正向指标") n = "≥";
    if (n == "反向" || n == "反向指标") n = "≤";
    if (!n.empty() && n != "定性" && n != "定量") {
      Parsed<Target> bare = ParseTarget(value);
      if (!(bare && bare->explicit_comparator)) {
        value = n + value;
      } else {
        // 正向 beside ≤1200: one of the two cells is wrong, and the one kept
        // decides which way the indicator is scored.
        Parsed<Target> way = ParseTarget(n + "1");
        clash = way && way->explicit_comparator && way->cmp != Comparator::kEq &&
                bare->cmp != Comparator::kEq && IsReverse(way->cmp) != IsReverse(bare->cmp);
      }
    }
  }
  if (unit) {
    std::string u(Trim(unit->text));
    if (!u.empty() && u != "/" && u != "-" && !EndsWith(value, u)) value += u;
  }
  if (clash) {
    Warn(d, nature->at,
         Msg(MsgId::kImportNatureDisagrees, ind->name, Squeeze(nature->text), written, value));
    ind->notes.push_back(fmt::format(
        "猜测 / guessed: 指标性质“{}”与指标值“{}”方向相反，按指标值 / 指标性质 and the "
        "target's comparator disagree; the target's is used",
        Squeeze(nature->text), written));
  }
  if (value != written) {
    ind->notes.push_back(fmt::format("指标值由指标性质、指标值、度量单位合成 / target composed "
                                     "from 指标性质, 指标值 and 度量单位: {}",
                                     Quote(value)));
  }
  Parsed<Target> parsed = ParseTarget(value, d->p.year);
  if (!parsed) {
    Message why = TargetError(parsed);
    Error(d, at, Message{why.code, Tr(MsgId::kImportBadTarget, Quote(value), ind->name, why.text)});
    return false;
  }
  ind->target = value;
  return true;
}

}  // namespace importer

std::vector<ImportedProject> ImportTables(const ImportDoc& doc, const ImportOptions& opts,
                                          Diagnostics* diags) {
  importer::Importer importer(doc, opts, diags);
  return importer.Run();
}

Message NotImportedFile(std::string_view file_name) {
  // macOS's AppleDouble file beside a document ("._报告.doc"), its
  // metadata: no document to name, whatever its name ends in.
  if (IsAppleDoubleName(file_name)) return {};
  const DocumentType* d = DocumentTypeOfName(file_name);
  if (d == nullptr) return {};
  switch (d->kind) {
    case DocumentKind::kWordDocument:  // but .docx, which import reads
      if (d->extension == ".docx") return {};
      return Msg(MsgId::kImportSkippedWordFormat, Text(d->what));
    case DocumentKind::kPdf:
      return Msg(MsgId::kImportSkippedPdf);
    case DocumentKind::kWorkbook:
      return IsWorkbookName(file_name) ? Msg(MsgId::kImportSkippedWorkbook) : Message{};
    case DocumentKind::kSpreadsheet:
      return {};
  }
  return {};
}

}  // namespace jixiao
