// The label recognisers of `jixiao import`. See import_labels.h.
#include "import/import_labels.h"

#include <algorithm>
#include <initializer_list>

#include <fmt/format.h>

#include "base/messages.h"
#include "base/text.h"
#include "import/import.h"

namespace jixiao {

namespace labels {

namespace {

// Longest text quoted in a YAML comment or a message, in display columns.
constexpr size_t kQuoteWidth = 120;

bool OneOf(std::string_view s, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), s) != list.end();
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

}  // namespace

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0x3000 || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B);
}

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

std::string Quote(std::string_view s) {
  std::string flat;
  for (char c : s) flat.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  return TruncateToWidth(flat, kQuoteWidth);
}


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

Role LabelRole(std::string_view k) {
  if (k.empty()) return Role::kNone;
  if (k == "项目名称") return Role::kName;
  if (OneOf(k, {"主管部门", "主管部门及代码", "主管单位"})) return Role::kSupervisor;
  if (OneOf(k, {"部门名称", "预算部门", "单位名称", "预算单位", "部门(单位)名称", "单位"}))
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
  if (OneOf(rest, {"上年结转资金", "上年结转", "结转资金", "上年结转结余资金", "结转结余资金",
                   "上年结余结转资金", "上年结转资金数"}))
    return Role::kCarryover;
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

std::optional<LabelledAmount> SplitLabelledAmount(std::string_view text) {
  // Longer than any label of LabelRole with a remark: "其中：上年结转结余资金（万元）".
  constexpr size_t kMaxLabelBytes = 96;
  const std::string_view s = Trim(text);
  // Each run of separators, from the first: the label before it, the amount
  // after ("其中：财政资金：6.00" is tried at "其中：" first, then read at its
  // second colon).
  size_t pos = 0;
  while (pos < s.size()) {
    size_t run = pos;
    char32_t cp = DecodeUtf8(s, &pos);
    if (cp != ':' && cp != U'：' && !IsSpace(cp)) continue;
    size_t end = pos;
    while (end < s.size()) {
      size_t next = end;
      char32_t c = DecodeUtf8(s, &next);
      if (c != ':' && c != U'：' && !IsSpace(c)) break;
      end = next;
    }
    pos = end;
    // A label is a few words: past them, no run starts one (and a long cell
    // is not looked up at each of its spaces).
    if (run > kMaxLabelBytes) break;
    if (run == 0 || end >= s.size()) continue;
    const std::string_view label = s.substr(0, run);
    const std::string_view amount = s.substr(end);
    Role role = LabelRole(LabelKey(label));
    if (role != Role::kTotal && role != Role::kFiscal && role != Role::kCarryover &&
        role != Role::kOther)
      continue;
    if (!ParseAmount(amount, "")) continue;
    return LabelledAmount{std::string(label), std::string(amount)};
  }
  return std::nullopt;
}

bool FiscalPartLabel(std::string_view k) {
  if (LabelRole(k) != Role::kFiscal) return false;
  std::string_view rest = k;
  for (std::string_view of_which : {"其中:", "其中"}) {
    if (StartsWith(rest, of_which)) {
      rest.remove_prefix(of_which.size());
      break;
    }
  }
  for (std::string_view level : {"中央", "地方", "省", "市", "县", "区", "乡", "镇", "本级", "上级"}) {
    if (StartsWith(rest, level)) return true;
  }
  return false;
}

bool OverallGoalsLabel(std::string_view k) {
  return OneOf(k, {"总体目标", "总体绩效目标", "绩效总目标"});
}

bool IndicatorCaption(std::string_view k) {
  return OneOf(k, {"绩效指标", "年度绩效指标", "项目绩效指标", "项目年度绩效指标", "绩效指标表",
                   "年度绩效指标表", "绩效目标指标", "年度绩效目标指标", "绩效指标情况"});
}

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

std::optional<std::string> UnitCell(std::string_view text) {
  std::string k = Squeeze(text);
  if (!k.empty() && k.front() == '(' && k.back() == ')') k = k.substr(1, k.size() - 2);
  for (std::string_view prefix : {"单位:", "金额单位:", "资金单位:", "预算单位:"}) {
    if (StartsWith(k, prefix)) return k.substr(prefix.size());
  }
  return std::nullopt;
}

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

namespace {

// The name of a form's own title, which names no project: "项目" of
// 项目支出绩效目标表, "2024年度项目" of 2024年度项目支出绩效目标表, and the
// like with a year left blank to fill in (____年度). Compared squeezed.
bool GenericTitleName(std::string_view name) {
  std::string k = Squeeze(name);
  size_t i = 0;
  while (i < k.size() && k[i] == '_') ++i;
  bool paren = i < k.size() && k[i] == '(';
  if (paren) ++i;
  while (i < k.size() && (isdigit(static_cast<unsigned char>(k[i])) || k[i] == '_')) ++i;
  std::string_view rest = std::string_view(k).substr(i);
  for (std::string_view year : {"年度", "年"}) {
    if (StartsWith(rest, year)) {
      rest.remove_prefix(year.size());
      break;
    }
  }
  if (paren && StartsWith(rest, ")")) rest.remove_prefix(1);
  return OneOf(rest, {"", "项目", "预算项目", "部门项目", "部门预算项目", "单位项目"});
}

}  // namespace

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
  // The form's own title (项目支出绩效目标表, 2024年度项目支出绩效目标表).
  if (GenericTitleName(name)) return std::string();
  return std::string(Trim(name));
}

bool ContinuedHeading(std::string_view text) {
  std::string k = Squeeze(text);
  if (k == "续表" || k == "(续表)" || k == "(续)") return true;
  bool marked = false;
  for (std::string_view m : {"(续表)", "(续)", "续表:", "续表", "续:"}) {
    if (StartsWith(k, m)) {
      k.erase(0, m.size());
      marked = true;
      break;
    }
  }
  for (std::string_view m : {"(续表)", "(续)"}) {
    if (!marked && EndsWith(k, m)) {
      k.erase(k.size() - m.size());
      marked = true;
    }
  }
  return marked && EndsWith(k, "绩效目标表");
}

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

bool OpensTitleBlock(const std::vector<DocCell>& cells) {
  for (const DocCell& c : cells) {
    if (Trim(c.text).empty()) continue;
    std::string code, name;
    if (UnitCell(c.text) || DepartmentCell(c.text, &code, &name)) return true;
    // The form's title in its first row (项目支出绩效目标表), not a 续 heading.
    if (HeadingName(c.text) && !ContinuedHeading(c.text)) return true;
    if (SplitLabelledAmount(c.text)) return true;  // "预算数：6.00"
    Role r = LabelRole(LabelKey(c.text));
    return r != Role::kNone && r != Role::kImplementer;
  }
  return false;
}

bool TitleLine(std::string_view text, std::string* department, std::string* unit) {
  department->clear();
  unit->clear();
  // Found in the folded text ('：' as ':'), taken from the text as written:
  // folding keeps each code point in its place.
  const std::u32string written = Decode(Trim(text));
  const std::u32string u = Decode(FoldFullWidth(Trim(text)));
  // The last "单位:" followed by a unit of money.
  size_t label = std::u32string::npos;
  for (size_t i = 0; i + 2 < u.size(); ++i) {
    if (u[i] != U'单' || u[i + 1] != U'位') continue;
    size_t j = i + 2;
    while (j < u.size() && IsSpace(u[j])) ++j;
    if (j >= u.size() || u[j] != ':') continue;
    ++j;
    while (j < u.size() && IsSpace(u[j])) ++j;
    size_t end = j;
    while (end < u.size() && !IsSpace(u[end]) && u[end] != ')' && u[end] != ']') ++end;
    const std::string word = Encode(u.substr(j, end - j));
    if (OneOf(word, {"元", "千元", "万元", "亿元"})) {
      label = i;
      *unit = word;
    }
  }
  if (label == std::u32string::npos) {
    std::string code, name;
    if (!DepartmentCell(text, &code, &name)) return false;
    *department = std::string(Trim(text));
    return true;
  }
  // "金额单位", "资金单位", "预算单位", "计量单位"; "（单位：元）".
  size_t start = label;
  if (start >= 2) {
    const std::string before = Encode(u.substr(start - 2, 2));
    if (OneOf(before, {"金额", "资金", "预算", "计量"})) start -= 2;
  }
  if (start >= 1 && (u[start - 1] == '(' || u[start - 1] == '[')) --start;
  size_t from = 0;
  // "编制单位：…", "部门：…": the label before the department's name.
  if (size_t colon = u.find(U':'); colon < start) {
    const std::string key = Squeeze(Encode(u.substr(0, colon)));
    if (OneOf(key, {"编制单位", "填报单位", "单位名称", "单位", "部门", "部门名称", "主管部门",
                    "预算单位"})) {
      from = colon + 1;
    }
  }
  while (from < start && IsSpace(written[from])) ++from;
  while (start > from && IsSpace(written[start - 1])) --start;
  *department = Encode(written.substr(from, start - from));
  return true;
}

}  // namespace labels

using labels::Decode;
using labels::Encode;
using labels::IsSpace;
using labels::OneOf;
using labels::ParseMarker;
using labels::Squeeze;

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
    return Parsed<std::string>::Error(Message{0, std::string(Text(MsgId::kAmountExpected))});
  }
  // Only a number is in the wrong unit: '六元' is not an amount at all.
  if (!other_unit.empty()) {
    return Parsed<std::string>::Error(Message{0, Tr(MsgId::kAmountOtherUnit, other_unit, unit)});
  }
  size_t lead = 0;
  while (lead + 1 < digits.size() && digits[lead] == '0') ++lead;
  digits.erase(0, lead);
  if (digits.empty()) digits = "0";
  if (digits.size() > 15 || frac.size() > 12) {
    return Parsed<std::string>::Error(Message{0, std::string(Text(MsgId::kAmountTooLarge))});
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

}  // namespace jixiao