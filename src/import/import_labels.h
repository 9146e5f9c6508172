// The label recognisers of `jixiao import` (internal to import/): what a cell
// or paragraph of a 绩效目标表 says it is. Labels are compared in a squeezed
// form, so full-width forms and white space inside a label are accepted.
// Amounts and goals are read by ParseAmount and SplitGoals (import.h).
#ifndef JIXIAO_IMPORT_IMPORT_LABELS_H_
#define JIXIAO_IMPORT_IMPORT_LABELS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "import/import_doc.h"

namespace jixiao::labels {

// White space, ASCII or not (ideographic space, no-break space, the
// typographic spaces of U+2000 to U+200B).
bool IsSpace(char32_t cp);

// `s` folded to ASCII where full-width, with all white space removed: the
// form in which labels are compared ("其中：财政    资金" -> "其中:财政资金").
std::string Squeeze(std::string_view s);

// A label as compared: squeezed, without trailing colons and without a
// trailing parenthesised remark ("全年预算数(A)" -> "全年预算数").
std::string LabelKey(std::string_view s);

bool Contains(std::string_view s, std::string_view part);

// Lines of a multi-paragraph cell joined into one line: with a space between
// two ASCII letters or digits, else directly (Chinese text has no spaces).
std::string OneLine(std::string_view s);

// `s` for a one-line YAML comment or message: line breaks as spaces, cut to
// 120 display columns.
std::string Quote(std::string_view s);

// Years written as "2024年" in `s`, in order, without repeats.
std::vector<int> YearsIn(std::string_view s);

// What a label of the title block names.
enum class Role {
  kNone,
  kName,
  kDepartment,
  kSupervisor,
  kImplementer,
  kBudgetGroup,
  kTotal,
  kFiscal,
  kCarryover,
  kOther,
  kPurpose,
  kGoals,
};

// The role of the label whose LabelKey is `k` (项目名称, 主管部门, 预算数,
// 其中：财政资金, 绩效目标, and their variants).
Role LabelRole(std::string_view k);

// A budget label and its amount in one cell: "预算数：850,000.00",
// "其中：财政资金：6.00", "预算数 6.00" (a colon, full-width or not, or white
// space between). The label is one of 预算数, 财政资金, 上年结转资金 or 其他资金
// (LabelRole kTotal, kFiscal, kCarryover or kOther); the amount is what
// ParseAmount reads, or blank's "-", "/", "无". Both as written, trimmed.
struct LabelledAmount {
  std::string label, amount;
};
std::optional<LabelledAmount> SplitLabelledAmount(std::string_view text);

// A kFiscal label naming one level's part of the fiscal funds: 中央财政资金,
// 地方财政资金, 省级财政资金, 市级财政拨款, ….
bool FiscalPartLabel(std::string_view k);

// A goals label (LabelRole kGoals) naming the goals of several years:
// 总体目标, 总体绩效目标, 绩效总目标 (not 年度总体目标).
bool OverallGoalsLabel(std::string_view k);

// A caption row above the indicator header: 绩效指标, 年度绩效指标, ….
bool IndicatorCaption(std::string_view k);

// What a column of the indicator header holds.
enum class Column { kOther, kLevel1, kLevel2, kName, kDescription, kTarget, kWeight, kNature, kUnit };

// The column whose header's LabelKey is `k` (一级指标, 二级指标, 三级指标,
// 绩效指标描述, 指标值, 分值, 指标性质, 度量单位, and their variants).
Column ColumnRole(std::string_view k);

// "单位：万元", "金额单位：万元", "（单位：万元）": the unit written, else nullopt.
std::optional<std::string> UnitCell(std::string_view text);

// "362303天津市…", "[362303]天津市…", "天津市…（362303）": code and name.
bool DepartmentCell(std::string_view text, std::string* code, std::string* name);

// A line that names the department and the unit of the amounts, as Word
// documents put above a table: "207001青山区教育局　单位：元",
// "编制单位：青山区教育局　　金额单位：万元", "（单位：元）", or a department
// alone ("362303天津市…", with its code). Sets *department (the text naming
// it, "" when none) and *unit (a unit of money, "" when none); false when
// the line is neither.
bool TitleLine(std::string_view text, std::string* department, std::string* unit);

// A heading paragraph "[bookmark: _Toc…]1.<名称>绩效目标表": the project name
// in it ("" when it names none, as a document title or the form's own title
// does: 项目支出绩效目标表, 2024年度项目支出绩效目标表), else nullopt.
std::optional<std::string> HeadingName(std::string_view text);

// A heading that continues the table before it on a new page: "（续）1.…绩效目标表",
// "1.…绩效目标表（续）", "续表", "续表：…绩效目标表".
bool ContinuedHeading(std::string_view text);

// A paragraph or cell holding only a year, "（2024年度）" or "2024年".
int YearOnly(std::string_view text);

// Whether the first non-blank cell of a row opens the title block of a
// project (a title ending in 绩效目标表, department, unit, 项目名称, budget,
// goals).
bool OpensTitleBlock(const std::vector<DocCell>& cells);

}  // namespace jixiao::labels

#endif  // JIXIAO_IMPORT_IMPORT_LABELS_H_
