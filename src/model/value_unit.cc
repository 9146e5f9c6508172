// Units of the value grammar (docs/reference.md §3.2): the known units and
// their aliases, and conversion within a dimension. See value.h.
#include <cstdint>
#include <string>
#include <string_view>

#include "base/text.h"
#include "model/value.h"
#include "model/value_scan.h"

namespace jixiao {
namespace {

using std::string_view;
using value_scan::Quote;

struct UnitSpelling {
  string_view text;
  string_view canonical;
  Dimension dim;
  int64_t num, den;  // factor in the dimension's base unit
};

constexpr UnitSpelling kUnits[] = {
    {"元", "元", Dimension::kMoney, 1, 1},
    {"千元", "千元", Dimension::kMoney, 1000, 1},
    {"万元", "万元", Dimension::kMoney, 10000, 1},
    {"亿元", "亿元", Dimension::kMoney, 100000000, 1},
    {"%", "%", Dimension::kPercent, 1, 1},
    {"百分比", "%", Dimension::kPercent, 1, 1},
    {"‰", "‰", Dimension::kPercent, 1, 10},
    {"个月", "个月", Dimension::kMonths, 1, 1},
    {"月", "个月", Dimension::kMonths, 1, 1},
    {"年", "年", Dimension::kMonths, 12, 1},
    {"天", "天", Dimension::kDays, 1, 1},
    {"日", "天", Dimension::kDays, 1, 1},
    {"小时", "小时", Dimension::kDays, 1, 24},
    {"分钟", "分钟", Dimension::kDays, 1, 1440},
    {"Sv", "Sv", Dimension::kDose, 1, 1},
    {"mSv", "mSv", Dimension::kDose, 1, 1000},
    {"μSv", "μSv", Dimension::kDose, 1, 1000000},  // U+03BC GREEK SMALL LETTER MU
    {"µSv", "μSv", Dimension::kDose, 1, 1000000},  // U+00B5 MICRO SIGN
    {"uSv", "μSv", Dimension::kDose, 1, 1000000},
    {"克", "克", Dimension::kMass, 1, 1},
    {"g", "克", Dimension::kMass, 1, 1},
    {"公斤", "公斤", Dimension::kMass, 1000, 1},
    {"kg", "公斤", Dimension::kMass, 1000, 1},
    {"吨", "吨", Dimension::kMass, 1000000, 1},
    {"t", "吨", Dimension::kMass, 1000000, 1},
    {"米", "米", Dimension::kLength, 1, 1},
    {"m", "米", Dimension::kLength, 1, 1},
    {"公里", "公里", Dimension::kLength, 1000, 1},
    {"km", "公里", Dimension::kLength, 1000, 1},
    {"千米", "公里", Dimension::kLength, 1000, 1},
    {"平方米", "平方米", Dimension::kArea, 1, 1},
    {"㎡", "平方米", Dimension::kArea, 1, 1},
    {"m²", "平方米", Dimension::kArea, 1, 1},
    {"亩", "亩", Dimension::kArea, 2000, 3},  // 1 公顷 = 15 亩
    {"公顷", "公顷", Dimension::kArea, 10000, 1},
    {"平方公里", "平方公里", Dimension::kArea, 1000000, 1},
    {"平方千米", "平方公里", Dimension::kArea, 1000000, 1},
    {"km²", "平方公里", Dimension::kArea, 1000000, 1},
};

// The known unit spelled `text` (not empty), or nullptr.
const UnitSpelling* FindUnit(string_view text) {
  for (const UnitSpelling& u : kUnits) {
    if (u.text[0] == text[0] && u.text == text) return &u;
  }
  return nullptr;
}

// The longest known unit that is a proper prefix of `text`, or nullptr.
const UnitSpelling* FindUnitPrefix(string_view text) {
  const UnitSpelling* best = nullptr;
  for (const UnitSpelling& u : kUnits) {
    if (u.text.size() < text.size() && u.text[0] == text[0] && StartsWith(text, u.text) &&
        (best == nullptr || u.text.size() > best->text.size())) {
      best = &u;
    }
  }
  return best;
}

std::string UnitLabel(const Unit& u) { return u.name.empty() ? "no unit" : Quote(u.name); }

}  // namespace

namespace value_scan {

bool IsKnownUnit(std::string_view text) { return FindUnit(text) != nullptr; }

std::string_view KnownUnitPrefix(std::string_view text) {
  const UnitSpelling* known = FindUnitPrefix(text);
  return known == nullptr ? std::string_view() : known->text;
}

}  // namespace value_scan

const char* DimensionName(Dimension d) {
  switch (d) {
    case Dimension::kNone:
      return "no unit";
    case Dimension::kMoney:
      return "money";
    case Dimension::kPercent:
      return "percent";
    case Dimension::kMonths:
      return "months";
    case Dimension::kDays:
      return "days";
    case Dimension::kDose:
      return "dose";
    case Dimension::kMass:
      return "mass";
    case Dimension::kLength:
      return "length";
    case Dimension::kArea:
      return "area";
    case Dimension::kCounter:
      return "counter";
  }
  return "no unit";
}

Unit LookupUnit(std::string_view text) {
  Unit u;
  if (text.empty()) return u;
  if (const UnitSpelling* known = FindUnit(text)) {
    u.name = std::string(known->canonical);
    u.dim = known->dim;
    u.factor = Rational(BigInt(known->num), BigInt(known->den));
    return u;
  }
  u.name = std::string(text);
  u.dim = Dimension::kCounter;
  return u;
}

Parsed<Rational> ConvertTo(const Quantity& q, const Unit& to) {
  const Unit& from = q.unit;
  if (from.dim == Dimension::kNone) return q.value;
  if (to.dim == Dimension::kNone) {
    return Parsed<Rational>::Error("the value has unit " + Quote(from.name) +
                                   " but the target has no unit; write the value as a plain "
                                   "number or give the target a unit");
  }
  if (from.dim == Dimension::kCounter && to.dim == Dimension::kCounter) {
    if (from.name == to.name) return q.value;
    return Parsed<Rational>::Error(Quote(from.name) + " cannot be compared with " + Quote(to.name) +
                                   ": counted units must match exactly");
  }
  if (from.dim != to.dim) {
    std::string m = Quote(from.name) + " cannot be compared with " + Quote(to.name);
    bool days_months = (from.dim == Dimension::kDays && to.dim == Dimension::kMonths) ||
                       (from.dim == Dimension::kMonths && to.dim == Dimension::kDays);
    if (days_months) {
      return Parsed<Rational>::Error(
          m +
          ": a month is not a fixed number of days, so days and months do not convert; "
          "write both in days or both in months");
    }
    return Parsed<Rational>::Error(m + ": " + UnitLabel(from) + " measures " +
                                   DimensionName(from.dim) + ", " + UnitLabel(to) + " measures " +
                                   DimensionName(to.dim));
  }
  if (from.name == to.name) return q.value;
  return q.value * from.factor / to.factor;
}

}  // namespace jixiao
