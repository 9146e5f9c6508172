// The value grammar of docs/reference.md §3: targets (指标值) and actual values.
//
// Pure functions of their text: no I/O, no locale. Every spelling in the
// spec is accepted; anything else is an error that says what was expected.
#ifndef JIXIAO_MODEL_VALUE_H_
#define JIXIAO_MODEL_VALUE_H_

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
  kCounter,   // any other unit (台, 个, 项, 人次 ...): must match exactly
};
// English name of a dimension for messages: "money", "percent", "months",
// "days", "dose", "mass", "length", "area", "counter", "no unit".
const char* DimensionName(Dimension d);

struct Unit {
  std::string name;        // canonical spelling: "万元", "个月", "天", "μSv", "%", "台"; "" = none
  Dimension dim = Dimension::kNone;
  Rational factor = 1;     // one of this unit in the dimension's base unit
};

// The unit written as `text` (already trimmed). Aliases map to their
// canonical name: "月" -> "个月", "日" -> "天", "uSv" -> "μSv", "t" -> "吨",
// "kg" -> "公斤", "g" -> "克", "km" -> "公里", "m" -> "米", "㎡" -> "平方米",
// "百分比" -> "%". "" is no unit; any other text is a counter named as written.
Unit LookupUnit(std::string_view text);

struct Quantity {
  Rational value;
  Unit unit;
};

// Converts `q` into `to`'s unit. A quantity with no unit takes `to`'s unit
// as is. Errors: different dimensions ("'天' cannot be compared with '个月'"),
// different counters ("'台' cannot be compared with '个'"), a unit where
// `to` has none.
Parsed<Rational> ConvertTo(const Quantity& q, const Unit& to);

struct Date {
  int year = 0, month = 0, day = 0;  // a valid Gregorian date
};
inline bool operator==(const Date& a, const Date& b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}
int Compare(const Date& a, const Date& b);  // -1, 0, 1
std::string FormatDate(const Date& d);      // "2024-12-31"

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

// Parses a target as written (docs/reference.md §3.1, §3.3, §3.4):
//   [comparator] number [unit]        "4台", "≥90%", "<20mSv", "≤6万元", "12个月以内"
//   number[unit] - number[unit]       "80%-90%", "1-5个" (one unit serves both)
//   [comparator] date | date 前        "≤2024-12-31", "2024年12月31日前", "2024年底前"
//   anything else without a leading comparator or digit: qualitative ("显著提升")
// Numbers may have thousands separators ("1,200") and full-width digits.
// Text that starts with a comparator or a digit but does not parse is an
// error, so a typo such as "≥9O%" is never taken for a qualitative target.
Parsed<Target> ParseTarget(std::string_view text);

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

// Parses an actual value. Never fails on text: what is not a quantity, a
// date or 不适用 is kText, for the caller to judge against its target. Fails
// only on malformed numbers ("1,20台") and impossible dates ("2024-02-30").
Parsed<Actual> ParseActual(std::string_view text);

// Qualitative grades (docs/reference.md §3.4).
enum class Grade { kAchieved, kPartial, kNotAchieved };
// "达成", "达成年度指标", "achieved"; "部分达成", "部分达成年度指标并具有一定效果",
// "partial"; "未达成", "未达成年度指标且效果较差", "not-achieved".
Parsed<Grade> ParseGrade(std::string_view text);
const char* GradeName(Grade g);  // "达成", "部分达成", "未达成"

}  // namespace jixiao

#endif  // JIXIAO_MODEL_VALUE_H_
