// Units: their spellings, their dimensions and the exact conversions between them.
#include "model/value.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/value_testing.h"

namespace jixiao {
namespace {

using namespace value_testing;

TEST_CASE("seed targets convert into their base units") {
  struct Row {
    const char* text;
    const char* base;
    Rational expected;
  } rows[] = {
      {"≤6万元", "元", 60000},    {"≤117万元", "元", 1170000}, {"<20mSv", "μSv", 20000},
      {"<20mSv", "Sv", R(1, 50)}, {"≥8小时", "天", R(1, 3)},   {"≥8小时", "分钟", 480},
      {"≤12个月", "年", 1},       {"≥300天", "小时", 7200},    {"85家次", "家次", 85},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.text));
    CAPTURE(std::string(row.base));
    Parsed<Target> t = ParseTarget(row.text);
    REQUIRE(t.ok());
    Parsed<Rational> v = ConvertTo(t->value, LookupUnit(row.base));
    REQUIRE_MESSAGE(v.ok(), v.error());
    CHECK_MESSAGE(*v == row.expected, Show(*v) << " != " << Show(row.expected));
  }
}

TEST_CASE("every unit and alias") {
  struct Row {
    const char* text;
    const char* name;
    const char* dim;
    Rational factor;
  } rows[] = {
      {"元", "元", "money", 1},
      {"千元", "千元", "money", 1000},
      {"万元", "万元", "money", 10000},
      {"亿元", "亿元", "money", 100000000},
      {"%", "%", "percent", 1},
      {"百分比", "%", "percent", 1},
      {"‰", "‰", "percent", R(1, 10)},
      {"个月", "个月", "months", 1},
      {"月", "个月", "months", 1},
      {"年", "年", "months", 12},
      {"天", "天", "days", 1},
      {"日", "天", "days", 1},
      {"小时", "小时", "days", R(1, 24)},
      {"分钟", "分钟", "days", R(1, 1440)},
      {"Sv", "Sv", "dose", 1},
      {"mSv", "mSv", "dose", R(1, 1000)},
      {"μSv", "μSv", "dose", R(1, 1000000)},
      {"\u00b5Sv", "μSv", "dose", R(1, 1000000)},
      {"uSv", "μSv", "dose", R(1, 1000000)},
      {"克", "克", "mass", 1},
      {"g", "克", "mass", 1},
      {"公斤", "公斤", "mass", 1000},
      {"kg", "公斤", "mass", 1000},
      {"吨", "吨", "mass", 1000000},
      {"t", "吨", "mass", 1000000},
      {"米", "米", "length", 1},
      {"m", "米", "length", 1},
      {"公里", "公里", "length", 1000},
      {"km", "公里", "length", 1000},
      {"千米", "公里", "length", 1000},
      {"平方米", "平方米", "area", 1},
      {"㎡", "平方米", "area", 1},
      {"m²", "平方米", "area", 1},
      {"亩", "亩", "area", R(2000, 3)},
      {"公顷", "公顷", "area", 10000},
      {"平方公里", "平方公里", "area", 1000000},
      {"平方千米", "平方公里", "area", 1000000},
      {"km²", "平方公里", "area", 1000000},
      {"", "", "no unit", 1},
      {"台", "台", "counter", 1},
      {"个", "个", "counter", 1},
      {"项", "项", "counter", 1},
      {"份", "份", "counter", 1},
      {"人", "人", "counter", 1},
      {"人次", "人次", "counter", 1},
      {"次", "次", "counter", 1},
      {"家", "家", "counter", 1},
      {"家次", "家次", "counter", 1},
      {"辆", "辆", "counter", 1},
      {"件", "件", "counter", 1},
      {"起", "起", "counter", 1},
      {"MSV", "MSV", "counter", 1},  // units are case-sensitive
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.text));
    Unit u = LookupUnit(row.text);
    CHECK(u.name == row.name);
    CHECK(std::string(DimensionName(u.dim)) == row.dim);
    CHECK_MESSAGE(u.factor == row.factor, Show(u.factor) << " != " << Show(row.factor));
  }
}

TEST_CASE("LookupUnit gives each spelling its own unit, however many a run uses") {
  // More spellings than LookupUnit keeps (64), looked up in turn three times:
  // every answer must be the spelling's own, not one cached for another.
  std::vector<std::string> spellings = {"万元", "台", "万人次", "个月", "千m", "万"};
  for (int i = 0; i < 300; ++i) spellings.push_back("单位" + std::to_string(i));
  spellings.push_back(std::string(49, 'x'));  // longer than any kept
  const size_t n = spellings.size();  // 307, a prime: k * 7 visits each once
  for (size_t round = 0; round < 3; ++round) {
    for (size_t k = 0; k < n; ++k) {
      const std::string& text = spellings[(k * 7 + round * 13) % n];
      CAPTURE(text);
      const Unit u = LookupUnit(text);
      if (text == "万元") {
        CHECK(u.name == "万元");
        CHECK(std::string(DimensionName(u.dim)) == "money");
        CHECK(u.factor == 10000);
      } else if (text == "万人次") {
        CHECK(u.name == "万人次");
        CHECK(u.root == "人次");
        CHECK(u.multiplier == 10000);
      } else if (text == "个月") {
        CHECK(std::string(DimensionName(u.dim)) == "months");
      } else if (text == "千m") {
        CHECK(u.name == "公里");
      } else if (text == "万") {
        CHECK(std::string(DimensionName(u.dim)) == "number");
      } else {
        CHECK(u.name == text);
        CHECK(u.root == text);
        CHECK(std::string(DimensionName(u.dim)) == "counter");
      }
    }
  }
}

TEST_CASE("targets with unusual counters") {
  CheckQuantityRows({
      {"≥5个百分点", "≥", true, 5, "个百分点", "counter"},
      {"≤500元/人", "≤", true, 500, "元/人", "counter"},
      {"≤2万元/年", "≤", true, 2, "万元/年", "counter"},
      {"≤10min", "≤", true, 10, "min", "counter"},
      {"≥1万人次", "≥", true, 1, "万人次", "counter"},
      {"≥20000μSv", "≥", true, 20000, "μSv", "dose"},
      {"≥2uSv", "≥", true, 2, "μSv", "dose"},
      {"30亩", "=", false, 30, "亩", "area"},
  });
}

TEST_CASE("ConvertTo converts within a dimension, exactly") {
  struct Row {
    Rational value;
    const char* from;
    const char* to;
    Rational expected;
  } rows[] = {
      {R(3, 2), "年", "个月", 18},
      {2, "年", "月", 24},
      {3, "月", "个月", 3},
      {18, "个月", "年", R(3, 2)},
      {R(1, 2), "万元", "元", 5000},
      {1, "亿元", "万元", 10000},
      {3, "千元", "万元", R(3, 10)},
      {R(293, 50), "万元", "千元", R(293, 5)},
      {30, "亩", "公顷", 2},
      {1, "公顷", "亩", 15},
      {1000, "㎡", "亩", R(3, 2)},
      {1, "平方公里", "公顷", 100},
      {1, "km²", "平方米", 1000000},
      {20000, "μSv", "mSv", 20},
      {20, "mSv", "μSv", 20000},
      {1, "uSv", "\u00b5Sv", 1},
      {1, "Sv", "mSv", 1000},
      {8, "小时", "天", R(1, 3)},
      {1, "天", "小时", 24},
      {90, "分钟", "小时", R(3, 2)},
      {7, "日", "天", 7},
      {5, "‰", "%", R(1, 2)},
      {50, "百分比", "%", 50},
      {2, "吨", "kg", 2000},
      {500, "g", "公斤", R(1, 2)},
      {1, "t", "克", 1000000},
      {R(3, 2), "km", "米", 1500},
      {300, "m", "公里", R(3, 10)},
      {4, "", "台", 4},    // no unit takes the target's unit
      {4, "", "万元", 4},  // as is, without conversion
      {4, "", "", 4},
      {4, "台", "台", 4},
      {85, "家次", "家次", 85},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.from));
    CAPTURE(std::string(row.to));
    Quantity q{row.value, LookupUnit(row.from)};
    Parsed<Rational> v = ConvertTo(q, LookupUnit(row.to));
    REQUIRE_MESSAGE(v.ok(), v.error());
    CHECK_MESSAGE(*v == row.expected, Show(*v) << " != " << Show(row.expected));
  }
  // 20mSv and 20000μSv are the same dose.
  Quantity a{20, LookupUnit("mSv")};
  Quantity b{20000, LookupUnit("μSv")};
  CHECK(*ConvertTo(a, LookupUnit("Sv")) == *ConvertTo(b, LookupUnit("Sv")));
}

TEST_CASE("ConvertTo refuses incompatible units") {
  struct Row {
    const char* from;
    const char* to;
    const char* message;
  } rows[] = {
      {"天", "个月", "'天' cannot be compared with '个月': a month is not a fixed number of days"},
      {"个月", "天", "'个月' cannot be compared with '天': a month is not a fixed number of days"},
      {"日", "月", "'天' cannot be compared with '个月': a month is not a fixed number of days"},
      {"年", "小时", "a month is not a fixed number of days"},
      {"台", "个", "'台' cannot be compared with '个': counted units must match exactly"},
      {"人", "人次", "'人' cannot be compared with '人次'"},
      {"台", "", "the value has unit '台' but the target has no unit"},
      {"%", "", "the value has unit '%' but the target has no unit"},
      {"万元", "%", "'万元' cannot be compared with '%': '万元' is money, '%' is a percentage"},
      {"台", "万元", "'台' counts 台, '万元' is money"},
      {"mSv", "米", "'mSv' is a radiation dose, '米' is a length"},
      {"平方米", "吨", "'平方米' is an area, '吨' is a mass"},
      {"天", "%", "'天' is a number of days, '%' is a percentage"},
      {"个月", "元", "'个月' is a number of months, '元' is money"},
      {"人", "万人次", "'人' cannot be compared with '万人次': '人' counts 人 and '万人次' is 10,000 人次"},
      {"万平方米", "吨", "'万平方米' is 10,000 平方米, an area, '吨' is a mass"},
      {"万元", "万", "the value has unit '万元' but the target's '万' is the number 10,000, not a unit: "
                    "give the target its unit (万元)"},
      {"人次", "千", "give the target its unit (千人次)"},
      {"吨", "平方米", "'吨' cannot be compared with '平方米'"},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.from));
    CAPTURE(std::string(row.to));
    Parsed<Rational> v = ConvertTo(Quantity{1, LookupUnit(row.from)}, LookupUnit(row.to));
    REQUIRE_FALSE(v.ok());
    CAPTURE(v.error());
    CHECK(Contains(v.error(), row.message));
  }
}

TEST_CASE("a unit may not hold a range separator; ranges are read as before") {
  // Read as the range 4个〜-8个〜, "4-8个〜" would be written back as
  // "4个〜-8个〜", which splits at '〜' instead and no longer parses.
  for (const char* text : {"4-8个〜", "4-8个至", "4-8个—", "1-2台–"}) {
    CAPTURE(text);
    Parsed<Target> t = ParseTarget(text);
    REQUIRE_FALSE(t.ok());
    CHECK(Contains(t.error(), "is not a unit"));
    CHECK(Contains(t.error(), "range separator"));
  }
  for (const char* text : {"5个–", "≥5台〜"}) CHECK_FALSE(ParseTarget(text).ok());
  for (const char* text : {"4-8个", "4个至8个", "80%〜90%", "1—5个", "1–5个"}) {
    CAPTURE(text);
    Parsed<Target> t = ParseTarget(text);
    REQUIRE(t.ok());
    CHECK(t->kind == TargetKind::kRange);
  }
  // An actual with such a unit is text, for the scorer to reject.
  Parsed<Actual> a = ParseActual("6个〜");
  REQUIRE(a.ok());
  CHECK(a->kind == ActualKind::kText);
}

TEST_CASE("a unit may not end with a suffix comparator or an approximation word") {
  // '8个及以下–30' is not the range 8–30 of the unit '个及以下': written back
  // as '8个及以下-30个及以下', the last '及以下' would read as a comparator.
  for (const char* text : {"8个及以下–30", "8个以内-30个以内", "1个以上-3"}) {
    CAPTURE(text);
    Parsed<Target> t = ParseTarget(text);
    REQUIRE_FALSE(t.ok());
    CHECK(Contains(t.error(), "ends with the comparator"));
  }
  for (const char* text : {"5台左右-6", "5台上下-6", "1个前后-2"}) {
    CAPTURE(text);
    Parsed<Target> t = ParseTarget(text);
    REQUIRE_FALSE(t.ok());
    CHECK(Contains(t.error(), "ends with the approximation"));
  }
  // The suffix comparators themselves are unchanged.
  CHECK(ParseTarget("8个及以下")->cmp == Comparator::kLe);
  CHECK(ParseTarget("12个月以内")->cmp == Comparator::kLe);
  CHECK(ParseTarget("1-3个")->kind == TargetKind::kRange);
  CHECK_FALSE(ParseActual("8个以下").ok());  // a comparator in an actual
}

TEST_CASE("number words 万, 千 and 亿 multiply the unit after them") {
  struct Row {
    const char* text;
    const char* name;
    const char* dim;
    Rational factor;      // in the dimension's base unit (a counter: in what it counts)
    Rational multiplier;
    const char* root;
  } rows[] = {
      {"万人次", "万人次", "counter", 10000, 10000, "人次"},
      {"千人", "千人", "counter", 1000, 1000, "人"},
      {"亿人次", "亿人次", "counter", 100000000, 100000000, "人次"},
      {"万元/年", "万元/年", "counter", 10000, 10000, "元/年"},
      {"万平方米", "万平方米", "area", 10000, 10000, "平方米"},
      {"万平米", "万平方米", "area", 10000, 10000, "平方米"},  // 平米 = 平方米
      {"平米", "平方米", "area", 1, 1, "平方米"},
      {"万吨", "万吨", "mass", R(10000) * 1000000, 10000, "吨"},  // 10^4 吨 of 10^6 克
      {"千克", "千克", "mass", 1000, 1000, "克"},
      {"千m", "公里", "length", 1000, 1, "公里"},                  // spelled 公里
      {"千万元", "千万元", "money", 10000000, 10000000, "元"},      // 1000 x 万元
      {"万", "万", "number", 10000, 10000, ""},
      {"千", "千", "number", 1000, 1000, ""},
      {"亿", "亿", "number", 100000000, 100000000, ""},
      // The money units spelled with a number word are units of their own.
      {"千元", "千元", "money", 1000, 1000, "元"},
      {"万元", "万元", "money", 10000, 10000, "元"},
      {"亿元", "亿元", "money", 100000000, 100000000, "元"},
      {"千米", "公里", "length", 1000, 1, "公里"},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.text));
    Unit u = LookupUnit(row.text);
    CHECK(u.name == row.name);
    CHECK(std::string(DimensionName(u.dim)) == row.dim);
    CHECK_MESSAGE(u.factor == row.factor, Show(u.factor) << " != " << Show(row.factor));
    CHECK_MESSAGE(u.multiplier == row.multiplier, Show(u.multiplier));
    CHECK(u.root == row.root);
    // Canonical: the name reads back as the same unit.
    Unit again = LookupUnit(u.name);
    CHECK(again.name == u.name);
    CHECK(again.factor == u.factor);
  }
  CHECK(IsBudgetUnit(LookupUnit("万元")));
  CHECK(IsBudgetUnit(LookupUnit("元")));
  CHECK_FALSE(IsBudgetUnit(LookupUnit("千万元")));
  CHECK_FALSE(IsBudgetUnit(LookupUnit("万")));
}

TEST_CASE("ConvertTo with number words, exactly") {
  struct Row {
    Rational value;
    const char* from;
    const char* to;
    Rational expected;
  } rows[] = {
      {12000, "人次", "万人次", R(6, 5)},          // 12000 / 10000 = 1.2
      {R(12, 10), "万人次", "人次", 12000},        // 1.2 x 10000
      {R(1248, 1000), "万平方米", "平方米", 12480},  // 1.248 x 10000
      {100, "平米", "平方米", 100},
      {120, "平方米", "平米", 120},
      {3148500, "元", "万元", R(31485, 100)},      // 3148500 / 10000 = 314.85
      {R(31485, 100), "万元", "元", 3148500},
      {R(12, 10), "千万元", "万元", 1200},         // 1.2 x 10^7 / 10^4
      {15000, "元/年", "万元/年", R(3, 2)},
      // A bare number word: a plain number, read in the target's unit
      // without its own number word.
      {850, "万", "", 8500000},                    // 850 x 10000
      {850, "万", "万元", 850},                    // 850万 of 元 = 850 万元
      {850, "万", "元", 8500000},
      {R(12, 10), "万", "人次", 12000},
      {R(12, 10), "万", "万人次", R(12, 10)},
      {5, "万", "吨", 50000},                      // 5万吨
      {8500, "千", "万", 850},                     // 8500 x 1000 / 10000
      // No unit against a number word alone, itself a plain number (≥1万 is
      // 10000): a plain number, 9000 = 0.9万.
      {9000, "", "万", R(9, 10)},
      {900, "", "千", R(9, 10)},
  };
  for (const Row& row : rows) {
    CAPTURE(Show(row.value) + " " + row.from + " -> " + row.to);
    Parsed<Rational> v = ConvertTo(Quantity{row.value, LookupUnit(row.from)}, LookupUnit(row.to));
    REQUIRE_MESSAGE(v.ok(), v.error());
    CHECK_MESSAGE(*v == row.expected, Show(*v) << " != " << Show(row.expected));
  }
}

TEST_CASE("DescribeUnit says what a unit is in plain words") {
  struct Row {
    const char* unit;
    const char* text;
  } rows[] = {
      {"万元", "'万元' is money"},
      {"%", "'%' is a percentage"},
      {"台", "'台' counts 台"},
      {"万人次", "'万人次' is 10,000 人次"},
      {"亿人次", "'亿人次' is 100,000,000 人次"},
      {"万平米", "'万平方米' is 10,000 平方米, an area"},
      {"万", "'万' is the number 10,000"},
      {"个月", "'个月' is a number of months"},
      {"", "no unit"},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.unit));
    CHECK(DescribeUnit(LookupUnit(row.unit)) == row.text);
  }
}

TEST_CASE("targets and ranges with number words") {
  CheckQuantityRows({
      {"≥1.2万人次", "≥", true, R(12, 10), "万人次", "counter"},
      {"≤850万", "≤", true, 850, "万", "number"},
      {"1.248万平方米", "=", false, R(1248, 1000), "万平方米", "area"},
      {"≥100平米", "≥", true, 100, "平方米", "area"},
      {"≥1.2万平米", "≥", true, R(12, 10), "万平方米", "area"},
      {"≤5千克", "≤", true, 5, "千克", "mass"},
  });
  struct Row {
    const char* text;
    Rational lower, upper;
    const char* unit;
  } rows[] = {
      {"1-2万", 1, 2, "万"},
      {"1万-2万人次", 1, 2, "万人次"},
      {"5千-2万人次", R(1, 2), 2, "万人次"},  // 5千 = 0.5万
      {"8000人次-1.2万人次", 8000, 12000, "人次"},  // the upper bound in the lower's unit
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.text));
    Parsed<Target> t = ParseTarget(row.text);
    REQUIRE_MESSAGE(t.ok(), t.error());
    CHECK(t->kind == TargetKind::kRange);
    CHECK_MESSAGE(t->value.value == row.lower, Show(t->value.value));
    CHECK_MESSAGE(t->upper.value == row.upper, Show(t->upper.value));
    CHECK(t->value.unit.name == row.unit);
  }
  CheckErrorRows(
      {
          {"≥5万年度", "'万年度' is not a unit (did you mean '万年'?)"},
          {"≥5万元整", "(did you mean '万元'?)"},
          // One unit serves both bounds: 8000万人次 to 1.2万人次.
          {"8000-1.2万人次", "has its lower bound above its upper bound"},
      },
      ParseTargetText);
}

}  // namespace
}  // namespace jixiao
