#include "import/import.h"

#include <algorithm>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "base/exact.h"
#include "model/target_loader.h"
#include "base/text.h"
#include "model/value.h"
#include "yaml/yaml_doc.h"
#include "yaml/yaml_emit.h"

namespace jixiao {

namespace {

// Warnings reported per input file; the rest are counted in one line.
constexpr size_t kMaxWarningsPerFile = 200;
// Longest text quoted in a YAML comment or a message, in display columns.
constexpr size_t kQuoteWidth = 120;

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0x3000 || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B);
}

// `s` folded to ASCII where full-width, with all white space removed: the
// form in which labels are compared ("其中：财政    资金" -> "其中:财政资金").
std::string Squeeze(std::string_view s) {
  std::string folded = FoldFullWidth(s);
  std::string out;
  out.reserve(folded.size());
  size_t pos = 0;
  while (pos < folded.size()) {
    size_t start = pos;
    char32_t cp = DecodeUtf8(folded, &pos);
    if (!IsSpace(cp)) out.append(folded, start, pos - start);
  }
  return out;
}

// A label as compared: squeezed, without trailing colons and without a
// trailing parenthesised remark ("全年预算数(A)" -> "全年预算数").
std::string LabelKey(std::string_view s) {
  std::string k = Squeeze(s);
  while (!k.empty() && (k.back() == ':' || k.back() == '*')) k.pop_back();
  if (!k.empty() && k.back() == ')') {
    size_t open = k.rfind('(');
    if (open != std::string::npos && open > 0) k.erase(open);
  }
  while (!k.empty() && k.back() == ':') k.pop_back();
  return k;
}

bool Contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

bool OneOf(std::string_view s, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// Lines of a multi-paragraph cell joined into one line: with a space between
// two ASCII letters or digits, else directly (Chinese text has no spaces).
std::string OneLine(std::string_view s) {
  std::string out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string_view::npos) end = s.size();
    std::string_view line = Trim(s.substr(start, end - start));
    if (!line.empty()) {
      if (!out.empty() && isalnum(static_cast<unsigned char>(out.back())) &&
          isalnum(static_cast<unsigned char>(line.front()))) {
        out.push_back(' ');
      }
      out.append(line);
    }
    start = end + 1;
  }
  return out;
}

// `s` for a one-line YAML comment or message: line breaks as spaces, cut to
// kQuoteWidth columns.
std::string Quote(std::string_view s) {
  std::string flat;
  for (char c : s) flat.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  return TruncateToWidth(flat, kQuoteWidth);
}

// ---- numbers and numbering -------------------------------------------------

// Value of a Chinese numeral from 一 to 九十九, or 0.
int ChineseNumber(std::u32string_view s) {
  auto digit = [](char32_t c) -> int {
    static const std::u32string_view kDigits = U"零一二三四五六七八九";
    size_t i = kDigits.find(c);
    return i == std::u32string_view::npos ? -1 : static_cast<int>(i);
  };
  if (s.empty() || s.size() > 3) return 0;
  size_t ten = s.find(U'十');
  if (ten == std::u32string_view::npos) return s.size() == 1 && digit(s[0]) > 0 ? digit(s[0]) : 0;
  int tens = 1, ones = 0;
  if (ten == 1) {
    tens = digit(s[0]);
    if (tens <= 0) return 0;
  } else if (ten != 0) {
    return 0;
  }
  if (ten + 1 < s.size()) {
    if (ten + 2 != s.size()) return 0;
    ones = digit(s[ten + 1]);
    if (ones <= 0) return 0;
  }
  return tens * 10 + ones;
}

std::u32string Decode(std::string_view s) {
  std::u32string out;
  size_t pos = 0;
  while (pos < s.size()) out.push_back(DecodeUtf8(s, &pos));
  return out;
}

std::string Encode(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) AppendUtf8(c, &out);
  return out;
}

bool IsDigit32(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }
int DigitValue(char32_t c) { return c <= '9' ? static_cast<int>(c - '0') : static_cast<int>(c - 0xFF10); }
bool IsChineseDigit(char32_t c) { return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos; }

// A list number at s[i]: "1." "1、" "1．" "1)" "1）" "(1)" "（一）" "一、"
// "目标1：". Returns the number and sets *end past the marker (and spaces
// after it), or returns 0.
int ParseMarker(const std::u32string& s, size_t i, size_t* end) {
  size_t j = i;
  if (j + 2 < s.size() && s[j] == U'目' && s[j + 1] == U'标') j += 2;
  bool labelled = j != i;
  bool paren = j < s.size() && (s[j] == '(' || s[j] == U'（');
  if (paren) ++j;
  size_t num_start = j;
  int value = 0;
  bool arabic = false;
  while (j < s.size() && j - num_start < 3 && IsDigit32(s[j])) {
    value = value * 10 + DigitValue(s[j]);
    ++j;
    arabic = true;
  }
  if (!arabic) {
    while (j < s.size() && j - num_start < 3 && IsChineseDigit(s[j])) ++j;
    value = ChineseNumber(std::u32string_view(s).substr(num_start, j - num_start));
  }
  if (value <= 0 || j >= s.size()) return 0;
  char32_t c = s[j];
  if (paren) {
    if (c != ')' && c != U'）') return 0;
  } else if (labelled) {
    if (c != ':' && c != U'：' && c != U'、' && c != '.' && c != U'．') return 0;
  } else if (arabic) {
    if (c == '.' || c == U'．') {
      // "1.5万元" is a number, not "1." before "5万元"; but "1.2024年度…" is
      // item 1 of a list of projects.
      if (j + 1 < s.size() && IsDigit32(s[j + 1])) {
        bool year = j + 5 < s.size() && s[j + 5] == U'年';
        for (size_t k = j + 1; year && k < j + 5; ++k) year = IsDigit32(s[k]);
        if (!year) return 0;
      }
    } else if (c != U'、' && c != ')' && c != U'）') {
      return 0;
    }
  } else if (c != U'、' && c != '.' && c != U'．') {
    return 0;
  }
  ++j;
  while (j < s.size() && IsSpace(s[j])) ++j;
  *end = j;
  return value;
}

// `s` without a leading list number.
std::string StripNumber(std::string_view s) {
  std::u32string u = Decode(Trim(s));
  size_t end = 0;
  if (ParseMarker(u, 0, &end) > 0 && end < u.size()) return Encode(std::u32string_view(u).substr(end));
  return std::string(Trim(s));
}

// Years written as "2024年" in `s`, in order, without repeats.
std::vector<int> YearsIn(std::string_view s) {
  std::vector<int> years;
  std::u32string u = Decode(s);
  for (size_t i = 0; i + 4 < u.size(); ++i) {
    if (i > 0 && IsDigit32(u[i - 1])) continue;
    int y = 0;
    bool digits = true;
    for (size_t k = 0; k < 4; ++k) {
      if (!IsDigit32(u[i + k])) {
        digits = false;
        break;
      }
      y = y * 10 + DigitValue(u[i + k]);
    }
    if (!digits || u[i + 4] != U'年') continue;
    if (y < 1950 || y > 2100) continue;
    if (std::find(years.begin(), years.end(), y) == years.end()) years.push_back(y);
  }
  return years;
}

// ---- labels ----------------------------------------------------------------

enum class Role {
  kNone,
  kName,
  kDepartment,
  kImplementer,
  kBudgetGroup,
  kTotal,
  kFiscal,
  kOther,
  kPurpose,
  kGoals,
};

Role LabelRole(std::string_view k) {
  if (k.empty()) return Role::kNone;
  if (k == "项目名称") return Role::kName;
  if (OneOf(k, {"主管部门", "主管部门及代码", "主管单位", "部门名称", "预算部门", "单位名称",
                "预算单位", "部门(单位)名称", "单位"}))
    return Role::kDepartment;
  if (OneOf(k, {"实施单位", "项目实施单位", "执行单位", "项目单位"})) return Role::kImplementer;
  if (OneOf(k, {"预算数", "全年预算数", "年度预算数", "预算金额", "预算资金", "资金总额",
                "年度资金总额", "预算总额", "年度预算", "全年预算",
                "项目资金总额", "申请预算数"}))
    return Role::kTotal;
  std::string_view rest = k;
  bool of_which = false;
  if (StartsWith(rest, "其中:")) {
    rest.remove_prefix(std::string_view("其中:").size());
    of_which = true;
  } else if (StartsWith(rest, "其中")) {
    rest.remove_prefix(std::string_view("其中").size());
    of_which = true;
  }
  if (Contains(rest, "财政") && (EndsWith(rest, "资金") || EndsWith(rest, "拨款") ||
                                 EndsWith(rest, "资金数") || EndsWith(rest, "拨款数")))
    return Role::kFiscal;
  if (OneOf(rest, {"其他资金", "其他来源资金", "其他资金数"}) || (of_which && rest == "其他"))
    return Role::kOther;
  if (StartsWith(k, "预算规模") || StartsWith(k, "项目资金") || StartsWith(k, "资金情况") ||
      k == "资金来源" || k == "年度资金")
    return Role::kBudgetGroup;
  if (OneOf(k, {"资金用途", "项目资金用途", "主要用途", "资金主要用途"})) return Role::kPurpose;
  if (OneOf(k, {"绩效目标", "年度绩效目标", "总体目标", "年度目标", "项目绩效目标", "年度总体目标",
                "总体绩效目标", "绩效总目标", "项目年度绩效目标", "年度绩效目标(总体目标)"}))
    return Role::kGoals;
  return Role::kNone;
}

enum class Column { kOther, kLevel1, kLevel2, kName, kDescription, kTarget, kWeight, kNature, kUnit };

Column ColumnRole(std::string_view k) {
  if (k == "一级指标") return Column::kLevel1;
  if (k == "二级指标") return Column::kLevel2;
  if (k == "三级指标") return Column::kName;
  if (Contains(k, "描述") || OneOf(k, {"指标内容", "指标说明", "指标解释"}))
    return Column::kDescription;
  if (StartsWith(k, "指标值") || OneOf(k, {"目标值", "年度指标值", "绩效指标值", "指标目标值",
                                           "年度目标值", "全年指标值"}))
    return Column::kTarget;
  if (StartsWith(k, "分值") || StartsWith(k, "权重")) return Column::kWeight;
  if (k == "指标性质") return Column::kNature;
  if (OneOf(k, {"度量单位", "计量单位", "单位"})) return Column::kUnit;
  return Column::kOther;
}

// "单位：万元", "金额单位：万元", "（单位：万元）": the unit written, else nullopt.
std::optional<std::string> UnitCell(std::string_view text) {
  std::string k = Squeeze(text);
  if (!k.empty() && k.front() == '(' && k.back() == ')') k = k.substr(1, k.size() - 2);
  for (std::string_view prefix : {"单位:", "金额单位:", "资金单位:", "预算单位:"}) {
    if (StartsWith(k, prefix)) return k.substr(prefix.size());
  }
  return std::nullopt;
}

// "362303天津市…", "[362303]天津市…", "天津市…（362303）": code and name.
bool DepartmentCell(std::string_view text, std::string* code, std::string* name) {
  std::u32string u = Decode(Trim(text));
  size_t i = 0;
  if (i < u.size() && (u[i] == '[' || u[i] == U'【' || u[i] == '(' || u[i] == U'（')) ++i;
  size_t start = i;
  while (i < u.size() && IsDigit32(u[i])) ++i;
  size_t digits = i - start;
  if (digits >= 3 && digits <= 12 && i < u.size()) {
    std::u32string_view rest = std::u32string_view(u).substr(i);
    size_t skip = 0;
    while (skip < rest.size() && (rest[skip] == ']' || rest[skip] == U'】' || rest[skip] == ')' ||
                                  rest[skip] == U'）' || rest[skip] == '-' || rest[skip] == ':' ||
                                  rest[skip] == U'：' || rest[skip] == '_' || IsSpace(rest[skip])))
      ++skip;
    rest = rest.substr(skip);
    std::u32string_view not_after = U"年月日号.．%％";
    if (!rest.empty() && !IsDigit32(rest[0]) && not_after.find(u[i]) == std::u32string_view::npos) {
      *code = FoldFullWidth(Encode(std::u32string_view(u).substr(start, digits)));
      *name = std::string(Trim(Encode(rest)));
      return !name->empty();
    }
    return false;
  }
  // Name first, code in brackets at the end.
  if (u.size() > 5 && (u.back() == ')' || u.back() == U'）' || u.back() == ']' || u.back() == U'】')) {
    size_t end = u.size() - 1;
    size_t j = end;
    while (j > 0 && IsDigit32(u[j - 1])) --j;
    size_t n = end - j;
    if (n >= 3 && n <= 12 && j > 1 &&
        (u[j - 1] == '(' || u[j - 1] == U'（' || u[j - 1] == '[' || u[j - 1] == U'【')) {
      *code = FoldFullWidth(Encode(std::u32string_view(u).substr(j, n)));
      *name = std::string(Trim(Encode(std::u32string_view(u).substr(0, j - 1))));
      return !name->empty();
    }
  }
  return false;
}

// A heading paragraph "[bookmark: _Toc…]1.<名称>绩效目标表": the project name
// in it ("" when it names none, as a document title may), else nullopt.
std::optional<std::string> HeadingName(std::string_view text) {
  std::string_view s = Trim(text);
  while (StartsWith(s, "[bookmark:")) {
    size_t close = s.find(']');
    if (close == std::string_view::npos) break;
    s = Trim(s.substr(close + 1));
  }
  std::string k = Squeeze(s);
  if (!EndsWith(k, "绩效目标表")) return std::nullopt;
  std::string_view marker = "绩效目标表";
  size_t pos = s.rfind(marker);
  if (pos == std::string_view::npos) return std::string();  // spaced out inside the marker
  std::string name(Trim(s.substr(0, pos)));
  // "…项目支出绩效目标表" names "…项目".
  if (EndsWith(name, "项目支出")) name.erase(name.size() - std::string_view("支出").size());
  name = StripNumber(name);
  return std::string(Trim(name));
}

// A paragraph or cell holding only a year, "（2024年度）" or "2024年".
int YearOnly(std::string_view text) {
  std::string k = Squeeze(text);
  if (!k.empty() && k.front() == '(' && k.back() == ')') k = k.substr(1, k.size() - 2);
  if (EndsWith(k, "年度")) k.erase(k.size() - std::string_view("度").size());
  if (k.size() != 4 + std::string_view("年").size() || !EndsWith(k, "年")) return 0;
  int y = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (!isdigit(static_cast<unsigned char>(k[i]))) return 0;
    y = y * 10 + (k[i] - '0');
  }
  return y >= 1950 && y <= 2100 ? y : 0;
}

// Whether the first non-blank cell of a row opens the title block of a
// project (department, unit, 项目名称, budget, goals).
bool OpensTitleBlock(const std::vector<DocCell>& cells) {
  for (const DocCell& c : cells) {
    if (Trim(c.text).empty()) continue;
    std::string code, name;
    if (UnitCell(c.text) || DepartmentCell(c.text, &code, &name)) return true;
    Role r = LabelRole(LabelKey(c.text));
    return r != Role::kNone && r != Role::kImplementer;
  }
  return false;
}

// ---- the importer ----------------------------------------------------------

enum class Section { kTitle, kBudget, kGoals, kIndicators };

struct Field {
  std::string text;
  DocPlace at;
  bool given = false;
};

struct Draft {
  ImportedProject p;
  std::optional<Field> heading;  // the name in the heading paragraph
  Field name_row, total, fiscal, other, unit, department, purpose;
  std::vector<DocCell> goal_cells;
  int title_year = 0;
  size_t rows = 0;
  Section section = Section::kTitle;
  std::vector<Column> columns;  // the indicator header, once seen
  DocPlace header_at;
  std::string last_level1, last_level2;
  std::vector<std::string> weights_seen;  // raw weight cells, to report them when dropped
};

class Importer {
 public:
  Importer(const ImportDoc& doc, const ImportOptions& opts, Diagnostics* diags)
      : doc_(doc), opts_(opts), diags_(diags),
        rules_(opts.rules ? *opts.rules : default_rules_) {}

  std::vector<ImportedProject> Run() {
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
      Error(nullptr, at,
            "not a 绩效目标表 (performance target table): no project heading (…绩效目标表) "
            "and no table with 项目名称 or an indicator header (一级指标, 二级指标, 三级指标, "
            "指标值) found");
    }
    if (suppressed_warnings_ > 0) {
      Diagnostic d;
      d.severity = Severity::kWarning;
      d.loc.file = doc_.file;
      d.message = fmt::format("{} more warnings not shown (each is a comment in the YAML written)",
                              suppressed_warnings_);
      diags_->Add(std::move(d));
    }
    return std::move(projects_);
  }

 private:
  // ---- diagnostics

  void Error(Draft* d, const DocPlace& at, std::string message) {
    diags_->Add(MakeDocDiagnostic(doc_, Severity::kError, at, std::move(message)));
    if (d) d->p.ok = false;
  }

  void Warn(Draft* d, const DocPlace& at, std::string message) {
    if (d) ++d->p.warnings;
    if (warnings_ >= kMaxWarningsPerFile) {
      ++suppressed_warnings_;
      return;
    }
    ++warnings_;
    diags_->Add(MakeDocDiagnostic(doc_, Severity::kWarning, at, std::move(message)));
  }

  // A guess: a warning, and a comment before `field` in the YAML.
  void Guess(Draft* d, const DocPlace& at, const std::string& field, const std::string& note,
             std::string message) {
    Warn(d, at, std::move(message));
    if (d) d->p.field_notes[field].push_back(note);
  }

  // A cell or paragraph that is no field: a warning and a comment.
  void Unread(Draft* d, const DocCell& c, std::string_view why) {
    std::string where = DescribePlace(c.at);
    Warn(d, c.at, fmt::format("not imported: '{}' ({})", Quote(c.text), why));
    if (d) d->p.unread.push_back(fmt::format("{}: {}", where, Quote(c.text)));
  }

  // ---- document structure

  Draft& Current(const DocPlace& at) {
    if (!draft_) StartNew(at);
    return *draft_;
  }

  void StartNew(const DocPlace& at) {
    Finish();
    draft_.emplace();
    draft_->p.at = at;
    if (pending_year_) draft_->title_year = pending_year_;
    for (const DocCell& c : preamble_) Unread(&*draft_, c, "text before the first table");
    preamble_.clear();
  }

  void Paragraph(const DocCell& c) {
    if (Trim(c.text).empty()) return;
    if (std::optional<std::string> name = HeadingName(c.text)) {
      if (draft_ && draft_->rows == 0) {
        // Two headings in a row: the first was a document title.
        if (draft_->heading && !draft_->heading->text.empty()) {
          Warn(nullptr, draft_->heading->at,
               fmt::format("not imported: heading '{}' has no table below it",
                           Quote(draft_->heading->text)));
        }
        draft_->p.at = c.at;
      } else {
        StartNew(c.at);
      }
      draft_->heading = Field{*name, c.at, true};
      if (int y = YearOnly(c.text)) draft_->title_year = y;
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
    if (draft_) {
      Unread(&*draft_, c, "text outside the table");
    } else if (preamble_.size() < kMaxWarningsPerFile) {
      preamble_.push_back(c);  // reported with the first project, if there is one
    }
  }

  bool IsHeader(const std::vector<DocCell>& cells) const {
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

  void Row(const std::vector<DocCell>& cells) {
    const DocPlace& first = cells.front().at;
    if (IsHeader(cells)) {
      if (draft_ && draft_->section == Section::kIndicators) StartNew(first);
      Draft& d = Current(first);
      ++d.rows;
      d.section = Section::kIndicators;
      d.header_at = first;
      d.columns.clear();
      bool target_seen = false;
      for (const DocCell& c : cells) {
        Column col = ColumnRole(LabelKey(c.text));
        // Only the first target column is the target (a 中期指标值 next to
        // it is not).
        if (col == Column::kTarget && target_seen) col = Column::kOther;
        if (col == Column::kTarget) target_seen = true;
        d.columns.push_back(col);
      }
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

  void Set(Draft* d, Field* f, const DocCell* value, const DocCell& label) {
    if (f->given) {
      if (value && !Trim(value->text).empty()) {
        Unread(d, *value, fmt::format("'{}' is given twice; the first is used", Quote(label.text)));
      }
      return;
    }
    f->given = true;
    f->at = value ? value->at : label.at;
    f->text = value ? value->text : std::string();
  }

  void TitleRow(Draft* d, const std::vector<DocCell>& cells) {
    size_t non_blank = 0;
    for (const DocCell& c : cells) non_blank += Trim(c.text).empty() ? 0 : 1;
    for (size_t i = 0; i < cells.size(); ++i) {
      const DocCell& c = cells[i];
      if (Trim(c.text).empty()) continue;
      std::string key = LabelKey(c.text);
      Role role = LabelRole(key);
      std::string code, name;
      if (role == Role::kNone) {
        if (std::optional<std::string> unit = UnitCell(c.text)) {
          Set(d, &d->unit, &c, c);
          d->unit.text = *unit;
          continue;
        }
        if (!d->department.given && d->section == Section::kTitle &&
            DepartmentCell(c.text, &code, &name)) {
          Set(d, &d->department, &c, c);
          continue;
        }
        if (std::optional<std::string> heading = HeadingName(c.text)) {
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
          d->goal_cells.push_back(c);
          continue;
        }
        Unread(d, c, "not a field of a target file");
        continue;
      }
      // A label: its value is the next cell, unless that is a label too.
      const DocCell* value = nullptr;
      auto take_value = [&] {
        if (i + 1 < cells.size()) {
          const DocCell& next = cells[i + 1];
          std::string nk = LabelKey(next.text);
          if (LabelRole(nk) == Role::kNone && !UnitCell(next.text)) {
            value = &next;
            ++i;
          }
        }
      };
      switch (role) {
        case Role::kBudgetGroup:
          d->section = Section::kBudget;
          if (std::optional<std::string> unit = UnitInLabel(c.text); unit && !d->unit.given) {
            d->unit = Field{*unit, c.at, true};
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
        case Role::kImplementer:
          take_value();
          if (value && !Trim(value->text).empty()) {
            Unread(d, *value, fmt::format("{}: a target file has no field for it", Quote(c.text)));
          }
          break;
        case Role::kTotal:
        case Role::kFiscal:
        case Role::kOther:
          d->section = Section::kBudget;
          take_value();
          Set(d, role == Role::kTotal ? &d->total : role == Role::kFiscal ? &d->fiscal : &d->other,
              value, c);
          break;
        case Role::kPurpose:
          take_value();
          Set(d, &d->purpose, value, c);
          break;
        case Role::kGoals:
          d->section = Section::kGoals;
          for (size_t k = i + 1; k < cells.size(); ++k) {
            if (!Trim(cells[k].text).empty()) d->goal_cells.push_back(cells[k]);
          }
          i = cells.size();
          break;
        case Role::kNone:
          break;
      }
    }
  }

  static std::optional<std::string> UnitInLabel(std::string_view label) {
    std::string k = Squeeze(label);
    for (std::string_view u : {"(亿元)", "(万元)", "(千元)", "(元)"}) {
      if (Contains(k, u)) return std::string(u.substr(1, u.size() - 2));
    }
    return std::nullopt;
  }

  // ---- indicator rows

  void IndicatorRow(const std::vector<DocCell>& row) {
    Draft& d = *draft_;
    ++d.rows;
    bool blank = true;
    for (const DocCell& c : row) blank = blank && Trim(c.text).empty();
    if (blank) return;
    size_t width = d.columns.size();
    std::vector<DocCell> cells = row;
    if (cells.size() != width && !StartsWithLevel1(row)) {
      // Not an indicator (a 备注 or 填报人 row under the table): kept as comments.
      for (const DocCell& c : row) {
        if (!Trim(c.text).empty()) Unread(&d, c, "a row of the indicator table that is no indicator");
      }
      return;
    }
    if (cells.size() > width) {
      Error(&d, cells[width].at,
            fmt::format("this indicator row has {} cells, but the indicator header ({}) has {}",
                        cells.size(), DescribePlace(d.header_at), width));
      return;
    }
    if (cells.size() < width) {
      // Leading merged columns missing: align the cells to the right.
      size_t missing = width - cells.size();
      std::vector<DocCell> aligned(missing);
      for (DocCell& c : aligned) {
        c.at = row.front().at;
        c.merged = true;
      }
      aligned.insert(aligned.end(), cells.begin(), cells.end());
      cells = std::move(aligned);
      Warn(&d, row.front().at,
           fmt::format("this indicator row has {} cells, the header {}: taking the first {} as "
                       "merged from the row above",
                       row.size(), width, missing));
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
        Error(&d, c.at, fmt::format("this cell is {} bytes long, more than the limit of {}",
                                    c.text.size(), opts_.max_cell_bytes));
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
            ind.notes.push_back(fmt::format("未导入 / not imported ({}): {}", DescribePlace(c.at),
                                            Quote(c.text)));
            Warn(&d, c.at,
                 fmt::format("not imported: '{}' (its column is not one of the indicator fields)",
                             Quote(c.text)));
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
        Error(&d, l1 ? l1->at : ind.at, "一级指标 is empty and no row above gives one");
        return;
      }
      ind.level1 = d.last_level1;
      if (l1 && !l1->merged && !l1->at.is_text()) {
        ind.notes.push_back(fmt::format("猜测 / guessed: 一级指标为空，沿用上一行的 {} / 一级指标 is "
                                        "empty, the row above's is used",
                                        ind.level1));
        Warn(&d, l1->at,
             fmt::format("一级指标 is empty and not merged: using '{}' from the row above",
                         ind.level1));
      }
    }
    if (ind.level2.empty()) {
      if (d.last_level2.empty() || !same_level1) {
        Error(&d, l2 ? l2->at : ind.at, "二级指标 is empty and the row above gives none to continue");
        return;
      }
      ind.level2 = d.last_level2;
      if (l2 && !l2->merged && !l2->at.is_text()) {
        ind.notes.push_back(fmt::format("猜测 / guessed: 二级指标为空，沿用上一行的 {} / 二级指标 is "
                                        "empty, the row above's is used",
                                        ind.level2));
        Warn(&d, l2->at,
             fmt::format("二级指标 is empty and not merged: using '{}' from the row above",
                         ind.level2));
      }
    }
    d.last_level1 = ind.level1;
    d.last_level2 = ind.level2;
    if (!CheckTaxonomy(&d, l1 ? l1->at : ind.at, l2 ? l2->at : ind.at, &ind)) return;

    ind.name = name ? OneLine(name->text) : std::string();
    if (ind.name.empty()) {
      Error(&d, name ? name->at : ind.at, "三级指标 (the indicator's name) is empty");
      return;
    }
    if (desc) ind.description = std::string(Trim(desc->text));
    if (!ComposeTarget(&d, target, nature, unit, &ind)) return;
    if (weight) {
      d.weights_seen.push_back(weight->text);
      std::string w = Squeeze(weight->text);
      if (!w.empty()) {
        Parsed<std::string> amount = ParseAmount(w, "");
        if (!amount || amount->empty()) {
          Error(&d, weight->at, fmt::format("分值 '{}' is not a number", Quote(weight->text)));
          return;
        }
        ind.weight = *amount;
      }
    }
    d.p.indicators.push_back(std::move(ind));
  }

  // Whether the first non-blank cell of `row` is a 一级指标 name (or one
  // without its 指标 suffix).
  bool StartsWithLevel1(const std::vector<DocCell>& row) const {
    for (const DocCell& c : row) {
      std::string k = Squeeze(c.text);
      if (k.empty()) continue;
      return rules_.FindLevel1(k) || rules_.FindLevel1(k + "指标");
    }
    return false;
  }

  // Checks level1/level2 against the taxonomy; "数量" for "数量指标" is a guess.
  bool CheckTaxonomy(Draft* d, const DocPlace& at1, const DocPlace& at2, ImportedIndicator* ind) {
    const Level1Group* group = rules_.FindLevel1(ind->level1);
    if (!group) {
      if (const Level1Group* g = rules_.FindLevel1(ind->level1 + "指标")) {
        ind->notes.push_back(fmt::format("猜测 / guessed: 一级指标“{}”按“{}”导入 / read as {}",
                                         ind->level1, g->name, g->name));
        Warn(d, at1, fmt::format("一级指标 '{}' is read as '{}'", ind->level1, g->name));
        ind->level1 = g->name;
        d->last_level1 = g->name;
        group = g;
      } else {
        std::vector<std::string> names;
        for (const Level1Group& lg : rules_.taxonomy) names.push_back(lg.name);
        std::string hint = ClosestMatch(ind->level1, names);
        Error(d, at1,
              hint.empty() ? fmt::format("unknown 一级指标 '{}': expected one of {}", ind->level1,
                                         fmt::join(names, ", "))
                           : fmt::format("unknown 一级指标 '{}': did you mean '{}'?", ind->level1,
                                         hint));
        return false;
      }
    }
    if (rules_.FindLevel2(*group, ind->level2)) return true;
    if (const std::string* l2 = rules_.FindLevel2(*group, ind->level2 + "指标")) {
      ind->notes.push_back(fmt::format("猜测 / guessed: 二级指标“{}”按“{}”导入 / read as {}",
                                       ind->level2, *l2, *l2));
      Warn(d, at2, fmt::format("二级指标 '{}' is read as '{}'", ind->level2, *l2));
      ind->level2 = *l2;
      d->last_level2 = *l2;
      return true;
    }
    for (const Level1Group& g : rules_.taxonomy) {
      if (rules_.FindLevel2(g, ind->level2)) {
        Error(d, at2, fmt::format("二级指标 '{}' belongs to {}, not to {}", ind->level2, g.name,
                                  ind->level1));
        return false;
      }
    }
    std::string hint = ClosestMatch(ind->level2, group->level2);
    Error(d, at2,
          hint.empty() ? fmt::format("unknown 二级指标 '{}' under {}: expected one of {}",
                                     ind->level2, ind->level1, fmt::join(group->level2, ", "))
                       : fmt::format("unknown 二级指标 '{}' under {}: did you mean '{}'?",
                                     ind->level2, ind->level1, hint));
    return false;
  }

  // The 指标值, with the 指标性质 (comparator) and 度量单位 columns of the
  // 2021 form added when the table has them.
  bool ComposeTarget(Draft* d, const DocCell* target, const DocCell* nature, const DocCell* unit,
                     ImportedIndicator* ind) {
    std::string value = target ? OneLine(target->text) : std::string();
    DocPlace at = target ? target->at : ind->at;
    if (value.empty()) {
      Error(d, at, fmt::format("指标值 of '{}' is empty", ind->name));
      return false;
    }
    std::string written = value;
    if (nature) {
      std::string n = Squeeze(nature->text);
      if (!n.empty() && n != "定性" && n != "定量") {
        Parsed<Target> bare = ParseTarget(value);
        if (!(bare && bare->explicit_comparator)) value = std::string(Trim(nature->text)) + value;
      }
    }
    if (unit) {
      std::string u(Trim(unit->text));
      if (!u.empty() && u != "/" && u != "-" && !EndsWith(value, u)) value += u;
    }
    if (value != written) {
      ind->notes.push_back(fmt::format("指标值由指标性质、指标值、度量单位合成 / target composed "
                                       "from 指标性质, 指标值 and 度量单位: {}",
                                       Quote(value)));
    }
    Parsed<Target> parsed = ParseTarget(value);
    if (!parsed) {
      Error(d, at, fmt::format("bad 指标值 '{}' of '{}': {}", Quote(value), ind->name,
                               parsed.error()));
      return false;
    }
    ind->target = value;
    return true;
  }

  // ---- a finished project

  void Finish() {
    if (!draft_) return;
    Draft d = std::move(*draft_);
    draft_.reset();
    ++number_;
    d.p.number = number_;
    d.p.file = doc_.file;
    if (d.rows == 0) {
      if (d.heading) {
        Error(&d, d.heading->at,
              fmt::format("not a 绩效目标表: no table below the heading '{}'",
                          Quote(d.heading->text)));
        reported_not_table_ = true;
      }
      --number_;
      return;
    }
    if (d.columns.empty()) {
      Error(&d, d.p.at,
            "not a 绩效目标表: no indicator table (a header row with 一级指标, 二级指标, 三级指标 "
            "and 指标值) for this project");
      reported_not_table_ = true;
    } else if (d.p.indicators.empty() && d.p.ok) {
      Error(&d, d.header_at, "the indicator table has no indicators");
    }
    ReadName(&d);
    ReadYear(&d);
    ReadDepartment(&d);
    ReadBudget(&d);
    d.p.purpose = std::string(Trim(d.purpose.text));
    for (const DocCell& c : d.goal_cells) {
      for (std::string& g : SplitGoals(c.text)) d.p.goals.push_back(std::move(g));
    }
    CheckWeights(&d);
    TellApartNames(&d);
    if (d.p.ok) SelfCheck(&d);
    projects_.push_back(std::move(d.p));
  }

  void ReadName(Draft* d) {
    std::string row = OneLine(d->name_row.text);
    std::string heading = d->heading ? d->heading->text : std::string();
    if (d->name_row.given && !row.empty()) {
      d->p.project = row;
      if (!heading.empty() && Squeeze(heading) != Squeeze(row)) {
        Guess(d, d->name_row.at, "project",
              fmt::format("标题为“{}”，与项目名称栏不同，采用项目名称栏 / the heading differs "
                          "from the 项目名称 row; the row is used",
                          Quote(heading)),
              fmt::format("the heading names '{}', the 项目名称 row '{}': using the row",
                          Quote(heading), Quote(row)));
      }
    } else if (!heading.empty()) {
      d->p.project = heading;
    } else {
      Error(d, d->name_row.given ? d->name_row.at : d->p.at,
            d->name_row.given ? "项目名称 is empty"
                              : "no project name: neither a heading (…绩效目标表) nor a 项目名称 row");
    }
    if (d->p.project.size() > opts_.max_cell_bytes) {
      Error(d, d->p.at, "the project name is too long");
    }
  }

  void ReadYear(Draft* d) {
    std::vector<int> years = YearsIn(d->p.project);
    if (years.empty() && d->heading) years = YearsIn(d->heading->text);
    DocPlace at = d->name_row.given ? d->name_row.at : d->heading ? d->heading->at : d->p.at;
    if (!years.empty()) {
      d->p.year = years.front();
      if (years.size() > 1) {
        Guess(d, at, "year",
              fmt::format("猜测 / guessed: 名称中有多个年份，取第一个 {} / the name has several "
                          "years, the first is used",
                          years.front()),
              fmt::format("the project name has several years; using {}", years.front()));
      }
    } else if (d->title_year) {
      d->p.year = d->title_year;
    } else if (opts_.year) {
      d->p.year = opts_.year;
      d->p.field_notes["year"].push_back(
          "年度取自 --year / the year is from --year (the name has none)");
      return;
    } else {
      Error(d, at,
            fmt::format("no year: the project name '{}' has none (such as 2024年度…); pass "
                        "--year",
                        Quote(d->p.project)));
      return;
    }
    if (opts_.year && opts_.year != d->p.year) {
      Guess(d, at, "year",
            fmt::format("--year {} 与文档中的年度 {} 不同，采用文档 / differs from the document's "
                        "year; the document's is used",
                        opts_.year, d->p.year),
            fmt::format("--year {} differs from the year {} in the document: using {}",
                        opts_.year, d->p.year, d->p.year));
    }
  }

  void ReadDepartment(Draft* d) {
    if (!d->department.given) return;
    std::string text = OneLine(d->department.text);
    std::string code, name;
    if (DepartmentCell(text, &code, &name)) {
      d->p.department_code = code;
      d->p.department_name = name;
    } else {
      d->p.department_name = text;
    }
  }

  void ReadBudget(Draft* d) {
    ImportedProject& p = d->p;
    if (d->unit.given) {
      Unit u = LookupUnit(d->unit.text);
      if (u.dim != Dimension::kMoney) {
        Error(d, d->unit.at,
              fmt::format("单位 '{}' is not a unit of money (元, 千元, 万元 or 亿元)",
                          Quote(d->unit.text)));
        return;
      }
      p.unit = u.name;
    } else if (d->total.given || d->fiscal.given) {
      Guess(d, d->total.given ? d->total.at : d->fiscal.at, "unit",
            "猜测 / guessed: 表中未写单位，按万元 / the table gives no unit; 万元 is assumed",
            "the table gives no unit (单位：万元): amounts are taken as 万元");
    }
    auto amount = [&](Field& f, std::string* out, const char* label) {
      if (!f.given) return;
      Parsed<std::string> a = ParseAmount(f.text, p.unit);
      if (!a) {
        Error(d, f.at, fmt::format("{} '{}': {}", label, Quote(f.text), a.error()));
        return;
      }
      *out = *a;
    };
    amount(d->total, &p.total, "预算数");
    amount(d->fiscal, &p.fiscal, "财政资金");
    amount(d->other, &p.other, "其他资金");
    if (!p.ok) return;
    if (d->other.given && p.other.empty()) {
      p.field_notes["budget.other"].push_back(
          "其他资金：原表该单元格为空，故不填 / \"other\" is empty in the document, so it is "
          "omitted.");
    }
    std::optional<Rational> total, fiscal, other;
    if (!p.total.empty()) total = Rational::ParseDecimal(p.total);
    if (!p.fiscal.empty()) fiscal = Rational::ParseDecimal(p.fiscal);
    if (!p.other.empty()) other = Rational::ParseDecimal(p.other);
    if (!total) {
      if (fiscal) {
        Rational sum = *fiscal + (other ? *other : Rational(0));
        p.total = other ? sum.ToDecimalString() : p.fiscal;
        total = sum;
        Guess(d, d->total.given ? d->total.at : d->fiscal.at, "budget.total",
              fmt::format("猜测 / guessed: 预算数为空，取财政资金{} = {} / 预算数 is empty: "
                          "fiscal{} is used",
                          other ? "+其他资金" : "", p.total, other ? " + other" : ""),
              fmt::format("预算数 is empty: using {} (财政资金{})", p.total,
                          other ? " + 其他资金" : ""));
      } else {
        Error(d, d->total.given ? d->total.at : d->p.at,
              d->total.given ? "预算数 is empty" : "no 预算数 (budget total) in this table");
        return;
      }
    }
    if (total->sign() <= 0) {
      Error(d, d->total.at, fmt::format("预算数 must be greater than 0, not {}", p.total));
      return;
    }
    if (fiscal && other && *fiscal + *other != *total) {
      Error(d, d->total.at,
            fmt::format("财政资金 ({}) + 其他资金 ({}) = {}, but 预算数 is {}", p.fiscal, p.other,
                        (*fiscal + *other).ToDecimalString(), p.total));
    } else if (fiscal && *fiscal > *total) {
      Error(d, d->fiscal.at,
            fmt::format("财政资金 ({}) is larger than 预算数 ({})", p.fiscal, p.total));
    } else if (other && *other > *total) {
      Error(d, d->other.at, fmt::format("其他资金 ({}) is larger than 预算数 ({})", p.other, p.total));
    }
  }

  // Weights are written only when every indicator has one and they add up
  // to the rules' indicator weight; otherwise they are left out, said so.
  void CheckWeights(Draft* d) {
    ImportedProject& p = d->p;
    size_t with = 0;
    Rational sum;
    for (const ImportedIndicator& ind : p.indicators) {
      if (ind.weight.empty()) continue;
      ++with;
      if (auto w = Rational::ParseDecimal(ind.weight)) sum += *w;
    }
    if (with == 0) return;
    Rational expected = rules_.IndicatorWeight();
    bool all = with == p.indicators.size();
    bool positive = true;
    for (const ImportedIndicator& ind : p.indicators) {
      if (auto w = Rational::ParseDecimal(ind.weight); w && w->sign() <= 0) positive = false;
    }
    if (all && sum == expected && positive) return;
    std::string why = !all ? fmt::format("only {} of {} indicators have one", with,
                                         p.indicators.size())
                           : fmt::format("they add up to {}, not {}", sum.ToDecimalString(),
                                         expected.ToDecimalString());
    std::vector<std::string> listed;
    for (ImportedIndicator& ind : p.indicators) {
      listed.push_back(fmt::format("{}={}", ind.name, ind.weight.empty() ? "-" : ind.weight));
      ind.weight.clear();
    }
    Guess(d, d->header_at, "indicators",
          fmt::format("分值未导入（{}）/ weights not imported ({}): {}", why, why,
                      Quote(fmt::format("{}", fmt::join(listed, ", ")))),
          fmt::format("分值 not imported: {}; the indicators share their level-1 weight instead",
                      why));
  }

  // A name the table repeats gets an id, so that each indicator has a key.
  void TellApartNames(Draft* d) {
    std::set<std::string> keys;
    for (const ImportedIndicator& ind : d->p.indicators) keys.insert(ind.name);
    std::unordered_map<std::string, int> seen;
    for (ImportedIndicator& ind : d->p.indicators) {
      int n = ++seen[ind.name];
      if (n == 1) continue;
      std::string id;
      for (int k = n;; ++k) {
        id = fmt::format("{}-{}", ind.name, k);
        if (keys.insert(id).second) break;
      }
      ind.id = id;
      ind.notes.push_back(fmt::format("三级指标“{}”在表中重复，加 id 区分 / the name is repeated "
                                      "in the table, so this one has an id",
                                      ind.name));
      Warn(d, ind.at,
           fmt::format("三级指标 '{}' is repeated in this table: this one gets id '{}'",
                       Quote(ind.name), id));
    }
  }

  // Runs the target loader on the YAML written for the project, so that an
  // ok project is one `jixiao check` accepts.
  void SelfCheck(Draft* d) {
    ImportedProject copy = d->p;
    if (copy.id.empty()) copy.id = "import-check";
    Source src{doc_.file + " (imported)", ProjectYaml(copy)};
    Diagnostics found;
    YamlLimits limits;
    limits.max_scalar_bytes = std::max(limits.max_scalar_bytes, opts_.max_cell_bytes + 64);
    limits.max_file_bytes = std::max(limits.max_file_bytes, src.text.size() + 1);
    ParseYamlStream(src, limits, &found, [&](const YamlDocument& ydoc) {
      ReadTargetDocument(src, ydoc, rules_, &found);
    });
    for (const Diagnostic& x : found.all()) {
      if (x.severity != Severity::kError) continue;
      Error(d, d->p.at,
            fmt::format("the project as imported does not pass check: {} (line {} of its YAML)",
                        x.message, x.loc.line));
    }
  }

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
  size_t warnings_ = 0;
  size_t suppressed_warnings_ = 0;
  bool reported_not_table_ = false;
};

void AppendComment(std::string_view indent, std::string_view text, std::string* out) {
  *out += indent;
  *out += "# ";
  for (char c : text) out->push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  while (!out->empty() && out->back() == ' ') out->pop_back();
  *out += '\n';
}

void AppendNotes(const ImportedProject& p, const std::string& field, std::string_view indent,
                 std::string* out) {
  auto it = p.field_notes.find(field);
  if (it == p.field_notes.end()) return;
  for (const std::string& n : it->second) AppendComment(indent, n, out);
}

}  // namespace

Parsed<std::string> ParseAmount(std::string_view text, std::string_view unit) {
  std::string s = Squeeze(text);
  std::string_view other_unit;  // a unit written that is not the table's
  for (std::string_view u : {"亿元", "千元", "万元", "元"}) {
    if (EndsWith(s, u) && s.size() > u.size()) {
      if (!unit.empty() && u != unit) other_unit = u;
      s.erase(s.size() - u.size());
      break;
    }
  }
  if (s.empty() || OneOf(s, {"-", "/", "无", "—", "——", "－", "0-"})) return std::string();
  // Digits, with thousands separators in groups of three or none at all.
  size_t dot = s.find('.');
  std::string whole = s.substr(0, dot);
  std::string frac = dot == std::string::npos ? std::string() : s.substr(dot + 1);
  bool ok = !whole.empty() || !frac.empty();
  std::string digits;
  size_t group = 0;  // digits since the last separator
  bool separated = false;
  for (char c : whole) {
    if (c == ',') {
      ok = ok && group >= 1 && (separated ? group == 3 : group <= 3);
      separated = true;
      group = 0;
    } else {
      digits.push_back(c);
      ++group;
    }
  }
  if (separated) ok = ok && group == 3;
  for (char c : digits) ok = ok && isdigit(static_cast<unsigned char>(c));
  for (char c : frac) ok = ok && isdigit(static_cast<unsigned char>(c));
  if (!ok) {
    return Parsed<std::string>::Error(
        "expected an amount such as 6.00 or 1,260.00 (digits, optional thousands separators "
        "and decimals)");
  }
  // Only a number is in the wrong unit: '六元' is not an amount at all.
  if (!other_unit.empty()) {
    return Parsed<std::string>::Error(
        fmt::format("the amount is in {}, but the table's unit is {}", other_unit, unit));
  }
  size_t lead = 0;
  while (lead + 1 < digits.size() && digits[lead] == '0') ++lead;
  digits.erase(0, lead);
  if (digits.empty()) digits = "0";
  if (digits.size() > 15 || frac.size() > 12) {
    return Parsed<std::string>::Error("the amount is too large or too precise");
  }
  return frac.empty() ? digits : digits + "." + frac;
}

std::vector<std::string> SplitGoals(std::string_view text) {
  std::vector<std::string> goals;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::u32string u = Decode(Trim(text.substr(start, end - start)));
    start = end + 1;
    if (u.empty()) continue;
    // Split at numbers that continue the paragraph's own numbering.
    size_t first_end = 0;
    int number = ParseMarker(u, 0, &first_end);
    std::vector<std::pair<size_t, size_t>> pieces;  // [from, to) of each goal's text
    size_t from = number > 0 ? first_end : 0;
    if (number > 0) {
      static const std::u32string_view kBefore = U"；;。，, ";
      for (size_t i = from; i < u.size(); ++i) {
        if (i == 0 || kBefore.find(u[i - 1]) == std::u32string_view::npos) continue;
        size_t marker_end = 0;
        if (ParseMarker(u, i, &marker_end) == number + 1) {
          pieces.emplace_back(from, i);
          from = marker_end;
          ++number;
          i = marker_end > 0 ? marker_end - 1 : i;
        }
      }
    }
    pieces.emplace_back(from, u.size());
    for (size_t k = 0; k < pieces.size(); ++k) {
      std::u32string_view piece = std::u32string_view(u).substr(
          pieces[k].first, pieces[k].second - pieces[k].first);
      // A separator that only divided two goals goes with the split.
      while (k + 1 < pieces.size() && !piece.empty() &&
             (piece.back() == U'；' || piece.back() == ';' || piece.back() == U'，' ||
              piece.back() == ',' || IsSpace(piece.back())))
        piece.remove_suffix(1);
      std::string g(Trim(Encode(piece)));
      if (!g.empty()) goals.push_back(std::move(g));
    }
  }
  return goals;
}

std::vector<ImportedProject> ImportTables(const ImportDoc& doc, const ImportOptions& opts,
                                          Diagnostics* diags) {
  Importer importer(doc, opts, diags);
  return importer.Run();
}

std::string ProvinceCode(std::string_view name) {
  static const std::pair<std::string_view, std::string_view> kRegions[] = {
      {"北京", "BJ"}, {"天津", "TJ"}, {"河北", "HE"}, {"山西", "SX"}, {"内蒙古", "NM"},
      {"辽宁", "LN"}, {"吉林", "JL"}, {"黑龙江", "HL"}, {"上海", "SH"}, {"江苏", "JS"},
      {"浙江", "ZJ"}, {"安徽", "AH"}, {"福建", "FJ"}, {"江西", "JX"}, {"山东", "SD"},
      {"河南", "HA"}, {"湖北", "HB"}, {"湖南", "HN"}, {"广东", "GD"}, {"广西", "GX"},
      {"海南", "HI"}, {"重庆", "CQ"}, {"四川", "SC"}, {"贵州", "GZ"}, {"云南", "YN"},
      {"西藏", "XZ"}, {"陕西", "SN"}, {"甘肃", "GS"}, {"青海", "QH"}, {"宁夏", "NX"},
      {"新疆", "XJ"}, {"台湾", "TW"}, {"香港", "HK"}, {"澳门", "MO"},
  };
  std::string_view s = Trim(name);
  for (const auto& [region, code] : kRegions) {
    if (StartsWith(s, region)) return std::string(code);
  }
  return {};
}

void AssignIds(std::vector<ImportedProject>* projects, const ImportOptions& opts) {
  std::map<std::string, int> sequence;
  for (ImportedProject& p : *projects) {
    std::string prefix =
        opts.id_prefix == "auto" ? ProvinceCode(p.department_name) : opts.id_prefix;
    std::string base;
    for (const std::string& part : {prefix, p.department_code, std::to_string(p.year)}) {
      if (part.empty()) continue;
      if (!base.empty()) base += '-';
      base += part;
    }
    int n = ++sequence[base];
    p.id = fmt::format("{}-{:02d}", base, n);
  }
}

std::string ProjectYaml(const ImportedProject& p) {
  std::string o;
  AppendComment("", fmt::format("绩效目标表：{}", p.project), &o);
  AppendComment("",
                fmt::format("由 jixiao import 导入 / imported by jixiao import from {} ({}, "
                            "第 {} 个项目 / project {} of the document)",
                            p.file, DescribePlace(p.at), p.number, p.number),
                &o);
  for (const std::string& n : p.notes) AppendComment("", n, &o);
  AppendNotes(p, "project", "", &o);
  o += fmt::format("project: {}\n", YamlScalar(p.project));
  if (!p.id.empty()) o += fmt::format("id: {}\n", YamlScalar(p.id));
  AppendNotes(p, "year", "", &o);
  o += fmt::format("year: {}\n", p.year);
  if (!p.department_code.empty() || !p.department_name.empty()) {
    o += "department:\n";
    if (!p.department_code.empty()) o += fmt::format("  code: {}\n", YamlScalar(p.department_code));
    if (!p.department_name.empty()) o += fmt::format("  name: {}\n", YamlScalar(p.department_name));
  }
  AppendNotes(p, "unit", "", &o);
  o += fmt::format("unit: {}\n", YamlScalar(p.unit));
  o += "budget:\n";
  AppendNotes(p, "budget.total", "  ", &o);
  o += fmt::format("  total: {}\n", p.total.empty() ? "0" : p.total);
  AppendNotes(p, "budget.fiscal", "  ", &o);
  if (!p.fiscal.empty()) o += fmt::format("  fiscal: {}\n", p.fiscal);
  AppendNotes(p, "budget.other", "  ", &o);
  if (!p.other.empty()) o += fmt::format("  other: {}\n", p.other);
  if (!p.purpose.empty()) o += fmt::format("purpose: {}\n", YamlScalar(p.purpose));
  AppendNotes(p, "goals", "", &o);
  if (!p.goals.empty()) {
    o += "goals:\n";
    for (const std::string& g : p.goals) o += fmt::format("  - {}\n", YamlScalar(g));
  }
  AppendNotes(p, "indicators", "", &o);
  o += "indicators:\n";
  for (const ImportedIndicator& ind : p.indicators) {
    for (const std::string& n : ind.notes) AppendComment("  ", n, &o);
    o += fmt::format("  - level1: {}\n", YamlScalar(ind.level1));
    o += fmt::format("    level2: {}\n", YamlScalar(ind.level2));
    o += fmt::format("    name: {}\n", YamlScalar(ind.name));
    if (!ind.description.empty()) o += fmt::format("    description: {}\n", YamlScalar(ind.description));
    o += fmt::format("    target: {}\n", YamlScalar(ind.target));
    if (!ind.weight.empty()) o += fmt::format("    weight: {}\n", ind.weight);
    if (!ind.id.empty()) o += fmt::format("    id: {}\n", YamlScalar(ind.id));
  }
  if (!p.unread.empty()) {
    o += "# 未导入的单元格 / not imported (no field of a target file holds them):\n";
    for (const std::string& u : p.unread) AppendComment("", u, &o);
  }
  return o;
}

std::string ProjectFileName(const ImportedProject& p) {
  std::string base = p.id.empty() ? p.project : p.id;
  std::string out;
  size_t pos = 0;
  while (pos < base.size()) {
    size_t start = pos;
    char32_t cp = DecodeUtf8(base, &pos);
    bool unsafe = cp < 0x20 || cp == 0x7F || cp == 0xFFFD || IsSpace(cp) ||
                  std::u32string_view(U"/\\:*?\"<>|").find(cp) != std::u32string_view::npos;
    if (out.size() + (pos - start) > 120) break;
    if (unsafe) {
      out.push_back('_');
    } else {
      out.append(base, start, pos - start);
    }
  }
  while (!out.empty() && out.front() == '.') out.front() = '_';
  if (out.empty()) out = "project";
  return out + ".yaml";
}

}  // namespace jixiao
