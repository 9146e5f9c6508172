// The value grammar of docs/reference.md §3: targets (指标值) and actual values.
//
// Pure functions of their text: no I/O, no locale. Every spelling in the
// spec is accepted; anything else is an error that says what was expected.
#ifndef JIXIAO_MODEL_VALUE_H_
#define JIXIAO_MODEL_VALUE_H_

#include <optional>
#include <string>
#include <string_view>

#include "base/exact.h"
#include "base/parsed.h"

namespace jixiao {

enum class Comparator {
  kGe,  // ≥  positive: more is better
  kGt,  // >  positive, strict
  kLe,  // ≤  reverse: less is better
  kLt,  // <  reverse, strict
  kEq,  // =  a planned amount, met when actual >= target, scored as positive
};
// "≥", ">", "≤", "<", "=".
const char* ComparatorSymbol(Comparator c);
inline bool IsReverse(Comparator c) { return c == Comparator::kLe || c == Comparator::kLt; }
inline bool IsStrict(Comparator c) { return c == Comparator::kGt || c == Comparator::kLt; }

// Units compare and convert within a dimension (docs/reference.md §3.2). Months and days
// are different dimensions on purpose: a month is not a fixed number of days.
enum class Dimension {
  kNone,      // no unit written
  kMoney,     // base 元
  kPercent,   // base %  (‰ = 0.1 %)
  kMonths,    // base 个月 (年 = 12 个月)
  kDays,      // base 天  (小时 = 1/24 天, 分钟 = 1/1440 天)
  kDose,      // base Sv
  kMass,      // base 克
  kLength,    // base 米
  kArea,      // base 平方米
  kCounter,   // any other unit (台, 个, 项, 人次 ...): what is counted must match exactly
  kNumber,    // a bare multiplier 万, 千 or 亿: a plain number written with a number word
};
// English name of a dimension for tests and internal checks: "money",
// "percent", "months", "days", "dose", "mass", "length", "area", "counter",
// "number", "no unit". Messages describe units with DescribeUnit instead.
const char* DimensionName(Dimension d);

struct Unit {
  std::string name;        // canonical spelling: "万元", "个月", "天", "μSv", "%", "台",
                           // "万人次", "万平方米", "万"; "" = none
  Dimension dim = Dimension::kNone;
  Rational factor = 1;     // one of this unit in the dimension's base unit; for a counter, in
                           // what it counts (万人次: 10000); for kNumber, the multiplier
  Rational multiplier = 1; // the 万/千/亿 it is written with (万元 and 万人次: 10000, 千元: 1000)
  std::string root;        // the unit without its multiplier: "元" for 万元, "人次" for 万人次
                           // (a counter counts its root), "平方米" for 万平方米; "" for none
                           // and kNumber
};

// The unit written as `text` (already trimmed). Aliases map to their
// canonical name: "月" -> "个月", "日" -> "天", "uSv" -> "μSv", "t" -> "吨",
// "kg" -> "公斤", "g" -> "克", "km" -> "公里", "m" -> "米", "㎡" and "平米" ->
// "平方米", "百分比" -> "%". A number word 万, 千 or 亿 before a unit multiplies
// it ("万人次" is 10000 人次, "万平米" is "万平方米", 10000 平方米), except in the
// units that are spelled with one (千元, 万元, 亿元, 千米); alone it is kNumber.
// "" is no unit; any other text is a counter named as written.
Unit LookupUnit(std::string_view text);

// What `u` is, for messages, in plain words: "'万元' is money", "'万人次' is
// 10,000 人次", "'台' counts 台", "'万' is the number 10,000".
std::string DescribeUnit(const Unit& u);

// The money units a budget is kept in: 元, 千元, 万元 and 亿元.
bool IsBudgetUnit(const Unit& u);

struct Quantity {
  Rational value;
  Unit unit;
};

// Converts `q` into `to`'s unit. A quantity with no unit takes `to`'s unit
// as is, unless `to` is a bare multiplier: 9000 against 万 is 0.9 (a number
// word alone is a plain number). A bare multiplier is a number word, read
// in `to`'s unit without its own multiplier (850万 in 万元 is 850; 1.2万 in
// 人次 is 12000; against no unit, 850万 is 8500000). Counters convert when
// they count the same thing
// (12000人次 in 万人次 is 1.2). Errors: different dimensions ("'天' cannot be
// compared with '个月'"), different counters ("'台' cannot be compared with
// '个'"), a unit where `to` has none or is a bare multiplier.
Parsed<Rational> ConvertTo(const Quantity& q, const Unit& to);

struct Date {
  int year = 0, month = 0, day = 0;  // a valid Gregorian date
};
inline bool operator==(const Date& a, const Date& b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}
int Compare(const Date& a, const Date& b);  // -1, 0, 1
std::string FormatDate(const Date& d);      // "2024-12-31"
// The date a spreadsheet numbers `serial` (Excel and WPS: 45627 is
// 2024-12-01, counting days from 1899-12-30), for a whole number from 36526
// (2000-01-01) to 73050 (2099-12-31); nullopt for anything else.
std::optional<Date> ExcelSerialDate(const Rational& serial);

enum class TargetKind { kQuantity, kRange, kDate, kQualitative };

// A parsed 指标值.
struct Target {
  TargetKind kind = TargetKind::kQualitative;
  Comparator cmp = Comparator::kEq;  // kQuantity, kDate (a date defaults to kLe)
  bool explicit_comparator = false;  // a comparator (or 以内/前 suffix) was written
  Quantity value;                    // kQuantity: the number; kRange: lower bound
  Quantity upper;                    // kRange: upper bound (same unit as `value`)
  Date date;                         // kDate
};

// A time limit counted from 1 January (时效 "≤12个月", "≤300天"): a reverse
// quantity in months or days. monitor judges 未完成 against it as "if
// completed on as_of"; at year end eval asks for the time it took.
inline bool IsTimeLimit(const Target& t) {
  return t.kind == TargetKind::kQuantity && IsReverse(t.cmp) &&
         (t.value.unit.dim == Dimension::kMonths || t.value.unit.dim == Dimension::kDays);
}

// Parses a target as written (docs/reference.md §3.1, §3.3, §3.4):
//   [comparator] number [unit]        "4台", "≥90%", "<20mSv", "≤6万元", "12个月以内"
//   number[unit] - number[unit]       "80%-90%", "1-5个" (one unit serves both)
//   [comparator] date | date 前        "≤2024-12-31", "2024年12月31日前", "2024年底前"
//   anything else without a leading comparator or digit: qualitative ("显著提升")
// A quantity or a date may end with 完成 ("100%完成") and its bound with
// (含) or (不含) ("≥95%（含）" is ≥95%, "95%以上(不含)" is >95%).
// Numbers may have thousands separators ("1,200") and full-width digits.
// Text that starts with a comparator or a digit but does not parse is an
// error, so a typo such as "≥9O%" is never taken for a qualitative target;
// so are "约7000人" (approximate), a date without its year ("12月底前") and a
// period ("2024年第三季度"), whose messages give the target to write, using
// `year` (the project's; 0 when unknown) where the text has none.
Parsed<Target> ParseTarget(std::string_view text, int year = 0);

// Whether `written` (a target as a spreadsheet row shows it beside the
// value) says what the target file's `target` (written `target_text`)
// says: the same text once full-width forms are folded and blanks dropped
// ("≥ ９０ ％" is "≥90%"), or the same parsed target ("≥90.0%", "0.5" for
// "0.50", 6万元 for 60000元). A qualitative target is the same only as text.
bool SameTarget(std::string_view written, const Target& target, std::string_view target_text,
                int year);

// What a qualitative target that holds a figure with a unit most likely
// means as a quantity target (docs/reference.md §3.2).
struct FigureHint {
  size_t figures = 0;   // figures with a unit in the text's first kilobyte, counted up to 2:
                        // "控制在850万元以内" has one
  std::string figure;   // the first, as written: "850万元"
  std::string rewrite;  // with one figure, the quantity target it most likely means:
                        // "≤850万元", "5元/生/天" for 每生每天5元; else ""
};
// `cost`: the target is a 成本指标's, for which less is better.
FigureHint FindFigures(std::string_view qualitative, bool cost);

enum class ActualKind {
  kQuantity,       // "4台", "100%", "5.86万元", "4"
  kDate,           // "2024-11-20", "2024年11月20日"
  kNotApplicable,  // "不适用"
  kText,           // any other text (a qualitative grade, or an error for the caller)
};

struct Actual {
  ActualKind kind = ActualKind::kText;
  Quantity value;    // kQuantity
  Date date;         // kDate
  std::string text;  // the text as written, trimmed
};

// The date of `a` read as a spreadsheet's date serial (ExcelSerialDate): a
// number written without a unit; nullopt for anything else. What a date
// cell in Excel's General format gives (45627 for 2024-12-01).
std::optional<Date> SerialDateOf(const Actual& a);

// Parses an actual value. Never fails on text: what is not a quantity, a
// date or 不适用 is kText, for the caller to judge against its target. Fails
// only on malformed numbers ("1,20台"), letters typed for digits after a
// number ("1OO%", "1OO", "1O台"), as a target does, and impossible dates
// ("2024-02-30").
Parsed<Actual> ParseActual(std::string_view text);

// Whether `text` is what a form holds where nothing was written: "/", "-",
// "—", "无", "暂无", "N/A" and the like (after trimming). Not 不适用, which
// is a value of its own.
bool IsPlaceholderText(std::string_view text);

// Whether `text` is 不适用 with its reason written after it ("不适用（本年未
// 开展）"), or 不涉及: meant as 不适用, the reason belonging in the note.
bool IsNotApplicableWithReason(std::string_view text);

// When `text` is a number in scientific notation, as Excel shows a long
// number in a General cell ("1.25E+01", "3.1E-2", "6.0E+05元" is not: only
// the number): its exact decimal ("12.5", "0.031"). Exponents beyond ±30
// are not taken for one.
std::optional<std::string> ScientificAsDecimal(std::string_view text);

// A number whose digits are grouped in threes by spaces, as some systems
// write thousands ("1 000台", "12 345.5万元"), with a space, a no-break
// space (U+00A0), a thin space (U+2009), a narrow no-break space (U+202F)
// or a full-width one (U+3000), that reads as a quantity without them:
// `joined` is the text without them ("1000台"), `space` the first one found.
struct SpacedDigits {
  std::string joined;
  char32_t space = U' ';
};
std::optional<SpacedDigits> DigitsGroupedBySpaces(std::string_view text);
// The name of `space` (one DigitsGroupedBySpaces finds) in the run's
// language, with its code point unless it is U+0020: "不换行空格（U+00A0）".
std::string SpaceName(char32_t space);

// Qualitative grades (docs/reference.md §3.4).
enum class Grade { kAchieved, kPartial, kNotAchieved };
// "达成", "达成年度指标", "achieved"; "部分达成", "部分达成年度指标并具有一定效果",
// "partial"; "未达成", "未达成年度指标且效果较差", "not-achieved".
// The message of a text that is none names the nearest spelling.
Parsed<Grade> ParseGrade(std::string_view text);
// The grade `text` spells, or nullopt: ParseGrade without the message, for
// a text that may be a grade or not (a value, a forecast).
std::optional<Grade> GradeOf(std::string_view text);
// The grade's spelling `text` is most likely a slip for ("部分 达成", "部份达成":
// "部分达成"), as ParseGrade suggests one; "" when none is close.
std::string ClosestGrade(std::string_view text);
const char* GradeName(Grade g);  // "达成", "部分达成", "未达成"

}  // namespace jixiao

#endif  // JIXIAO_MODEL_VALUE_H_
