// Units of the value grammar (docs/reference.md §3.2): the known units and
// their aliases, and conversion within a dimension. See value.h.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/text.h"
#include "model/value.h"
#include "model/value_scan.h"

namespace jixiao {
namespace {

using std::string_view;
using value_scan::Cut;

struct UnitSpelling {
  string_view text;
  string_view canonical;
  Dimension dim;
  int64_t num, den;    // factor in the dimension's base unit
  int64_t multiplier;  // the 千/万/亿 the unit is spelled with (千元, 万元, 亿元)
};

constexpr UnitSpelling kUnits[] = {
    {"元", "元", Dimension::kMoney, 1, 1, 1},
    {"千元", "千元", Dimension::kMoney, 1000, 1, 1000},
    {"万元", "万元", Dimension::kMoney, 10000, 1, 10000},
    {"亿元", "亿元", Dimension::kMoney, 100000000, 1, 100000000},
    {"%", "%", Dimension::kPercent, 1, 1, 1},
    {"百分比", "%", Dimension::kPercent, 1, 1, 1},
    {"‰", "‰", Dimension::kPercent, 1, 10, 1},
    {"个月", "个月", Dimension::kMonths, 1, 1, 1},
    {"月", "个月", Dimension::kMonths, 1, 1, 1},
    {"年", "年", Dimension::kMonths, 12, 1, 1},
    {"天", "天", Dimension::kDays, 1, 1, 1},
    {"日", "天", Dimension::kDays, 1, 1, 1},
    {"小时", "小时", Dimension::kDays, 1, 24, 1},
    {"分钟", "分钟", Dimension::kDays, 1, 1440, 1},
    {"Sv", "Sv", Dimension::kDose, 1, 1, 1},
    {"mSv", "mSv", Dimension::kDose, 1, 1000, 1},
    {"μSv", "μSv", Dimension::kDose, 1, 1000000, 1},  // U+03BC GREEK SMALL LETTER MU
    {"µSv", "μSv", Dimension::kDose, 1, 1000000, 1},  // U+00B5 MICRO SIGN
    {"uSv", "μSv", Dimension::kDose, 1, 1000000, 1},
    {"克", "克", Dimension::kMass, 1, 1, 1},
    {"g", "克", Dimension::kMass, 1, 1, 1},
    {"公斤", "公斤", Dimension::kMass, 1000, 1, 1},
    {"kg", "公斤", Dimension::kMass, 1000, 1, 1},
    {"吨", "吨", Dimension::kMass, 1000000, 1, 1},
    {"t", "吨", Dimension::kMass, 1000000, 1, 1},
    {"米", "米", Dimension::kLength, 1, 1, 1},
    {"m", "米", Dimension::kLength, 1, 1, 1},
    {"公里", "公里", Dimension::kLength, 1000, 1, 1},
    {"km", "公里", Dimension::kLength, 1000, 1, 1},
    {"千米", "公里", Dimension::kLength, 1000, 1, 1},
    {"平方米", "平方米", Dimension::kArea, 1, 1, 1},
    {"平米", "平方米", Dimension::kArea, 1, 1, 1},
    {"㎡", "平方米", Dimension::kArea, 1, 1, 1},
    {"m²", "平方米", Dimension::kArea, 1, 1, 1},
    {"亩", "亩", Dimension::kArea, 2000, 3, 1},  // 1 公顷 = 15 亩
    {"公顷", "公顷", Dimension::kArea, 10000, 1, 1},
    {"平方公里", "平方公里", Dimension::kArea, 1000000, 1, 1},
    {"平方千米", "平方公里", Dimension::kArea, 1000000, 1, 1},
    {"km²", "平方公里", Dimension::kArea, 1000000, 1, 1},
};

// Number words that multiply the unit after them (docs/reference.md §3.2).
struct Multiplier {
  string_view text;
  int64_t value;
};
constexpr Multiplier kMultipliers[] = {{"万", 10000}, {"千", 1000}, {"亿", 100000000}};

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

Unit KnownUnit(const UnitSpelling& known) {
  Unit u;
  u.name = std::string(known.canonical);
  u.dim = known.dim;
  // In lowest terms already: a whole factor needs no division.
  u.factor = known.den == 1 ? Rational(known.num) : Rational(BigInt(known.num), BigInt(known.den));
  u.multiplier = known.multiplier;
  u.root = known.dim == Dimension::kMoney ? "元" : u.name;
  return u;
}

// 10000 -> "10,000".
std::string Grouped(const Rational& r) {
  std::string digits = r.ToDecimalString();
  size_t end = digits.find('.');
  if (end == std::string::npos) end = digits.size();
  for (size_t i = end; i > 3; i -= 3) digits.insert(i - 3, ",");
  return digits;
}

// "money", "a percentage", ... : what a unit of dimension `d` measures.
std::string Measures(Dimension d) {
  switch (d) {
    case Dimension::kMoney: return Tr(MsgId::kValMeasureMoney);
    case Dimension::kPercent: return Tr(MsgId::kValMeasurePercent);
    case Dimension::kMonths: return Tr(MsgId::kValMeasureMonths);
    case Dimension::kDays: return Tr(MsgId::kValMeasureDays);
    case Dimension::kDose: return Tr(MsgId::kValMeasureDose);
    case Dimension::kMass: return Tr(MsgId::kValMeasureMass);
    case Dimension::kLength: return Tr(MsgId::kValMeasureLength);
    case Dimension::kArea: return Tr(MsgId::kValMeasureArea);
    case Dimension::kNone:
    case Dimension::kCounter:
    case Dimension::kNumber: break;
  }
  return "";
}

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
    case Dimension::kNumber:
      return "number";
  }
  return "no unit";
}

namespace {

// LookupUnit without the cache.
Unit LookupUnitUncached(std::string_view text) {
  Unit u;
  if (text.empty()) return u;
  if (const UnitSpelling* known = FindUnit(text)) return KnownUnit(*known);
  for (const Multiplier& m : kMultipliers) {
    if (!StartsWith(text, m.text)) continue;
    Unit rest = LookupUnitUncached(text.substr(m.text.size()));
    if (rest.dim == Dimension::kNone) {  // 万 alone
      u.name = std::string(m.text);
      u.dim = Dimension::kNumber;
      u.factor = m.value;
      u.multiplier = m.value;
      return u;
    }
    u.name = std::string(m.text) + rest.name;
    // "千m" is 千米, which is spelled 公里.
    if (const UnitSpelling* known = FindUnit(u.name)) return KnownUnit(*known);
    u.dim = rest.dim;
    u.factor = rest.factor * m.value;
    u.multiplier = rest.multiplier * m.value;
    u.root = std::move(rest.root);
    return u;
  }
  u.name = std::string(text);
  u.dim = Dimension::kCounter;
  u.root = u.name;
  return u;
}

// The units a thread looked up last, by spelling: a year's files spell a few
// dozen units hundreds of thousands of times, and building a Unit (two
// strings, two Rationals, the table searched) costs several hundred
// instructions where copying one costs about a hundred. Direct-mapped by a
// hash of the spelling; a slot holds the whole spelling, so two spellings
// never share a unit. Spellings longer than kMaxCachedUnit are not kept.
constexpr size_t kUnitCacheSlots = 64;
constexpr size_t kMaxCachedUnit = 48;

struct UnitCacheSlot {
  std::string text;
  Unit unit;
  bool used = false;
};

}  // namespace

Unit LookupUnit(std::string_view text) {
  if (text.empty() || text.size() > kMaxCachedUnit) return LookupUnitUncached(text);
  thread_local std::array<UnitCacheSlot, kUnitCacheSlots> cache;
  uint32_t h = 2166136261u;  // FNV-1a
  for (const char c : text) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  UnitCacheSlot& slot = cache[h % kUnitCacheSlots];
  if (!slot.used || slot.text != text) {
    slot.unit = LookupUnitUncached(text);
    slot.text.assign(text);
    slot.used = true;
  }
  return slot.unit;
}

std::string DescribeUnit(const Unit& u) {
  switch (u.dim) {
    case Dimension::kNone:
      return Tr(MsgId::kValUnitNone);
    case Dimension::kNumber:
      return Tr(MsgId::kValUnitIsNumber, Cut(u.name), Grouped(u.factor));
    case Dimension::kCounter:
      if (u.multiplier == 1) return Tr(MsgId::kValUnitCounts, Cut(u.name));  // its root
      return Tr(MsgId::kValUnitIsMultiple, Cut(u.name), Grouped(u.multiplier), u.root);
    default:
      break;
  }
  if (u.multiplier != 1 && !IsBudgetUnit(u)) {
    return Tr(MsgId::kValUnitIsMultipleMeasure, Cut(u.name), Grouped(u.multiplier), u.root,
              Measures(u.dim));
  }
  return Tr(MsgId::kValUnitIsMeasure, Cut(u.name), Measures(u.dim));
}

bool IsBudgetUnit(const Unit& u) {
  return u.dim == Dimension::kMoney &&
         (u.name == "元" || u.name == "千元" || u.name == "万元" || u.name == "亿元");
}

Parsed<Rational> ConvertTo(const Quantity& q, const Unit& to) {
  const Unit& from = q.unit;
  // A plain number against a number word (9000 against ≥1万) is that number:
  // 0.9 in 万, not 9000万.
  if (from.dim == Dimension::kNone) {
    return to.dim == Dimension::kNumber ? q.value / to.factor : q.value;
  }
  if (from.dim == Dimension::kNumber) {
    // A number word: 850万 against 万元 is 850万元, against no unit 8500000.
    if (to.dim == Dimension::kNone) return q.value * from.factor;
    return q.value * from.factor / to.multiplier;
  }
  if (to.dim == Dimension::kNone) {
    return Parsed<Rational>::Error(Msg(MsgId::kValUnitTargetHasNone, Cut(from.name)));
  }
  if (to.dim == Dimension::kNumber) {
    return Parsed<Rational>::Error(
        Msg(MsgId::kValUnitTargetIsNumber, Cut(from.name), DescribeUnit(to), to.name + from.root));
  }
  if (from.dim == Dimension::kCounter && to.dim == Dimension::kCounter) {
    if (from.root == to.root) {
      if (from.name == to.name) return q.value;
      return q.value * from.factor / to.factor;
    }
    if (from.multiplier == 1 && to.multiplier == 1)
      return Parsed<Rational>::Error(Msg(MsgId::kValUnitsCounted, Cut(from.name), Cut(to.name)));
    return Parsed<Rational>::Error(Msg(MsgId::kValUnitsCountedDescribed, Cut(from.name),
                                       Cut(to.name), DescribeUnit(from), DescribeUnit(to)));
  }
  if (from.dim != to.dim) {
    bool days_months = (from.dim == Dimension::kDays && to.dim == Dimension::kMonths) ||
                       (from.dim == Dimension::kMonths && to.dim == Dimension::kDays);
    if (days_months) {
      return Parsed<Rational>::Error(
          Msg(MsgId::kValUnitsDaysMonths, Cut(from.name), Cut(to.name)));
    }
    return Parsed<Rational>::Error(Msg(MsgId::kValUnitsDiffer, Cut(from.name), Cut(to.name),
                                       DescribeUnit(from), DescribeUnit(to)));
  }
  if (from.name == to.name) return q.value;
  return q.value * from.factor / to.factor;
}

}  // namespace jixiao
