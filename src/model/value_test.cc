#include "model/value.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace jixiao {
namespace {

Rational R(int64_t num, int64_t den = 1) { return Rational(BigInt(num), BigInt(den)); }

std::string Show(const Rational& r) {
  return r.den() == BigInt(1) ? r.num().ToString() : r.num().ToString() + "/" + r.den().ToString();
}

bool Contains(const std::string& haystack, const char* needle) {
  return haystack.find(needle) != std::string::npos;
}

// Checks a parsed quantity against the expected value and unit.
void CheckQuantity(const Quantity& q, const Rational& value, const char* unit, const char* dim) {
  CHECK_MESSAGE(q.value == value, "value " << Show(q.value) << ", expected " << Show(value));
  CHECK(q.unit.name == unit);
  CHECK(std::string(DimensionName(q.unit.dim)) == dim);
}

struct QuantityRow {
  const char* text;
  const char* cmp;  // ComparatorSymbol
  bool explicit_cmp;
  Rational value;
  const char* unit;
  const char* dim;
};

void CheckQuantityRows(const std::vector<QuantityRow>& rows) {
  for (const QuantityRow& row : rows) {
    CAPTURE(std::string(row.text));
    Parsed<Target> t = ParseTarget(row.text);
    REQUIRE_MESSAGE(t.ok(), t.error());
    CHECK(t->kind == TargetKind::kQuantity);
    CHECK(std::string(ComparatorSymbol(t->cmp)) == row.cmp);
    CHECK(t->explicit_comparator == row.explicit_cmp);
    CheckQuantity(t->value, row.value, row.unit, row.dim);
  }
}

struct ErrorRow {
  const char* text;
  const char* message;  // a part of the expected error
};

template <typename F>
void CheckErrorRows(const std::vector<ErrorRow>& rows, F parse) {
  for (const ErrorRow& row : rows) {
    CAPTURE(std::string(row.text));
    auto p = parse(row.text);
    REQUIRE_FALSE(p.ok());
    CAPTURE(p.error());
    CHECK(Contains(p.error(), row.message));
  }
}

TEST_CASE("every target value of the seed tables parses") {
  // tests/fixtures/import/seed-2024.txt, five 2024 projects, in order.
  CheckQuantityRows({
      // 1. 辐射环境执法安全防护能力提升项目
      {"4台", "=", false, 4, "台", "counter"},
      {"100%", "=", false, 100, "%", "percent"},
      {"≤12个月", "≤", true, 12, "个月", "months"},
      {"≤6万元", "≤", true, 6, "万元", "money"},
      {"<20mSv", "<", true, 20, "mSv", "dose"},
      {"≥90%", "≥", true, 90, "%", "percent"},
      // 2. 移动执法能力提升与服务项目
      {"≥300天", "≥", true, 300, "天", "days"},
      {"≥300天", "≥", true, 300, "天", "days"},
      {"≤61万元", "≤", true, 61, "万元", "money"},
      {"1项", "=", false, 1, "项", "counter"},
      {"1项", "=", false, 1, "项", "counter"},
      {"100%", "=", false, 100, "%", "percent"},
      {"≥90%", "≥", true, 90, "%", "percent"},
      // 3. 有奖举报项目
      {"≥7个", "≥", true, 7, "个", "counter"},
      {"≥2个", "≥", true, 2, "个", "counter"},
      {"≤12个月", "≤", true, 12, "个月", "months"},
      {"≤10万元", "≤", true, 10, "万元", "money"},
      {"≥3个", "≥", true, 3, "个", "counter"},
      {"≥3个", "≥", true, 3, "个", "counter"},
      {"≥90%", "≥", true, 90, "%", "percent"},
      // 4. 移动污染源第三方辅助执法项目
      {"≥4份", "≥", true, 4, "份", "counter"},
      {"85家次", "=", false, 85, "家次", "counter"},
      {"≥90%", "≥", true, 90, "%", "percent"},
      {"≤12个月", "≤", true, 12, "个月", "months"},
      {"≤45万元", "≤", true, 45, "万元", "money"},
      {"≥90%", "≥", true, 90, "%", "percent"},
      {"≥40辆", "≥", true, 40, "辆", "counter"},
      {"≥145次", "≥", true, 145, "次", "counter"},
      {"≥90%", "≥", true, 90, "%", "percent"},
      // 5. 执法总队管理服务项目
      {"≥5人", "≥", true, 5, "人", "counter"},
      {"100%", "=", false, 100, "%", "percent"},
      {"≥8小时", "≥", true, 8, "小时", "days"},
      {"≤117万元", "≤", true, 117, "万元", "money"},
      {"100%", "=", false, 100, "%", "percent"},
      {"≥90%", "≥", true, 90, "%", "percent"},
  });
}

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

TEST_CASE("every comparator spelling") {
  CheckQuantityRows({
      {"≥90%", "≥", true, 90, "%", "percent"},
      {">=90%", "≥", true, 90, "%", "percent"},
      {"≧90%", "≥", true, 90, "%", "percent"},
      {"大于等于90%", "≥", true, 90, "%", "percent"},
      {"不低于90%", "≥", true, 90, "%", "percent"},
      {"不少于90%", "≥", true, 90, "%", "percent"},
      {"至少90%", "≥", true, 90, "%", "percent"},
      {"不小于90%", "≥", true, 90, "%", "percent"},
      {">90%", ">", true, 90, "%", "percent"},
      {"＞90%", ">", true, 90, "%", "percent"},
      {"大于90%", ">", true, 90, "%", "percent"},
      {"高于90%", ">", true, 90, "%", "percent"},
      {"超过90%", ">", true, 90, "%", "percent"},
      {"多于90%", ">", true, 90, "%", "percent"},
      {"≤12个月", "≤", true, 12, "个月", "months"},
      {"<=12个月", "≤", true, 12, "个月", "months"},
      {"≦12个月", "≤", true, 12, "个月", "months"},
      {"小于等于12个月", "≤", true, 12, "个月", "months"},
      {"不高于12个月", "≤", true, 12, "个月", "months"},
      {"不超过12个月", "≤", true, 12, "个月", "months"},
      {"不多于12个月", "≤", true, 12, "个月", "months"},
      {"不大于12个月", "≤", true, 12, "个月", "months"},
      {"<20mSv", "<", true, 20, "mSv", "dose"},
      {"＜20mSv", "<", true, 20, "mSv", "dose"},
      {"小于20mSv", "<", true, 20, "mSv", "dose"},
      {"低于20mSv", "<", true, 20, "mSv", "dose"},
      {"少于20mSv", "<", true, 20, "mSv", "dose"},
      {"=0起", "=", true, 0, "起", "counter"},
      {"＝0起", "=", true, 0, "起", "counter"},
      {"等于0起", "=", true, 0, "起", "counter"},
      {"0起", "=", false, 0, "起", "counter"},
      // Suffixes.
      {"12个月以内", "≤", true, 12, "个月", "months"},
      {"3个工作日内", "≤", true, 3, "个工作日", "counter"},
      {"1年内", "≤", true, 1, "年", "months"},
      {"90%以上", "≥", true, 90, "%", "percent"},
      {"90%及以上", "≥", true, 90, "%", "percent"},
      {"5人以下", "≤", true, 5, "人", "counter"},
      {"3个及以下", "≤", true, 3, "个", "counter"},
      {"≥90%以上", "≥", true, 90, "%", "percent"},
      {">90%以上", ">", true, 90, "%", "percent"},
      {"≤12个月以内", "≤", true, 12, "个月", "months"},
      {"<5人以下", "<", true, 5, "人", "counter"},
      // White space between the parts.
      {"≥ 90 %", "≥", true, 90, "%", "percent"},
      {"大于等于 90%", "≥", true, 90, "%", "percent"},
      {"  ≤ 6 万元 以内 ", "≤", true, 6, "万元", "money"},
      {"\u3000≥90%\u3000", "≥", true, 90, "%", "percent"},
      // Full-width forms.
      {"≥９０％", "≥", true, 90, "%", "percent"},
      {"＜２０ｍＳｖ", "<", true, 20, "mSv", "dose"},
      {"＞＝９０％", "≥", true, 90, "%", "percent"},
      {"＜＝１２个月", "≤", true, 12, "个月", "months"},
      {"≤１，２００元", "≤", true, 1200, "元", "money"},
      {"４台", "=", false, 4, "台", "counter"},
  });
}

TEST_CASE("numbers: signs, fractions, leading zeros and thousands separators") {
  CheckQuantityRows({
      {"1,200元", "=", false, 1200, "元", "money"},
      {"1,234,567.5元", "=", false, R(2469135, 2), "元", "money"},
      {"≥1,000", "≥", true, 1000, "", "no unit"},
      {"999,999,999台", "=", false, 999999999, "台", "counter"},
      {"010个", "=", false, 10, "个", "counter"},
      {"5.86万元", "=", false, R(293, 50), "万元", "money"},
      {"0.5万元", "=", false, R(1, 2), "万元", "money"},
      {".5万元", "=", false, R(1, 2), "万元", "money"},
      {"-.5%", "=", false, R(-1, 2), "%", "percent"},
      {"-5%", "=", false, -5, "%", "percent"},
      {"+5%", "=", false, 5, "%", "percent"},
      {"≥-5%", "≥", true, -5, "%", "percent"},
      {"0", "=", false, 0, "", "no unit"},
      {"12", "=", false, 12, "", "no unit"},
      {"999年", "=", false, 999, "年", "months"},
      {"2024.5", "=", false, R(4049, 2), "", "no unit"},
      {"123456789012345678901234567890元", "=", false,
       Rational(*BigInt::Parse("123456789012345678901234567890"), BigInt(1)), "元", "money"},
  });
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
      {"万元", "%",
       "'万元' cannot be compared with '%': '万元' measures money, '%' measures percent"},
      {"台", "万元", "'台' measures counter, '万元' measures money"},
      {"mSv", "米", "'mSv' measures dose, '米' measures length"},
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

TEST_CASE("ranges") {
  struct Row {
    const char* text;
    Rational lower;
    Rational upper;
    const char* unit;
  } rows[] = {
      {"80%-90%", 80, 90, "%"},
      {"80-90%", 80, 90, "%"},
      {"80%-90", 80, 90, "%"},
      {"1-5个", 1, 5, "个"},
      {"80%~90%", 80, 90, "%"},
      {"80%～90%", 80, 90, "%"},
      {"80%－90%", 80, 90, "%"},
      {"80%—90%", 80, 90, "%"},
      {"80%——90%", 80, 90, "%"},
      {"80%–90%", 80, 90, "%"},
      {"80%〜90%", 80, 90, "%"},
      {"80%至90%", 80, 90, "%"},
      {"５－１０万元", 5, 10, "万元"},
      {" 5 万元 - 10 万元 ", 5, 10, "万元"},
      {"1年-18个月", 1, R(3, 2), "年"},
      {"6个月-1年", 6, 12, "个月"},
      {"5000元-1万元", 5000, 10000, "元"},
      {"1,000-2,000元", 1000, 2000, "元"},
      {"-5-5%", -5, 5, "%"},
      {"-5--1", -5, -1, ""},
      {"90%-90%", 90, 90, "%"},
      {"0.5-1.5小时", R(1, 2), R(3, 2), "小时"},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.text));
    Parsed<Target> t = ParseTarget(row.text);
    REQUIRE_MESSAGE(t.ok(), t.error());
    CHECK(t->kind == TargetKind::kRange);
    CHECK(t->cmp == Comparator::kEq);
    CHECK_FALSE(t->explicit_comparator);
    CHECK_MESSAGE(t->value.value == row.lower, Show(t->value.value));
    CHECK_MESSAGE(t->upper.value == row.upper, Show(t->upper.value));
    CHECK(t->value.unit.name == row.unit);
    CHECK(t->upper.unit.name == row.unit);
  }
}

TEST_CASE("range errors") {
  CheckErrorRows(
      {
          {"90%-80%", "the range '90%-80%' has its lower bound above its upper bound"},
          {"5--3", "lower bound above its upper bound"},
          {"2024-12", "lower bound above its upper bound"},
          {"1天-2个月", "a month is not a fixed number of days"},
          {"1台-2个", "'个' cannot be compared with '台': counted units must match exactly"},
          {"1万元-90%", "the bounds of the range '1万元-90%' cannot be compared"},
          {"≥80%-90%", "a range takes no comparator"},
          {"80%-90%以上", "a range takes no comparator"},
          {"80%-", "expected a number after '-', got nothing in the range '80%-'"},
          {"80%-abc", "expected a number after '-', got 'abc'"},
          {"80%至九十%", "expected a number after '至', got '九十%'"},
          {"1-2-3个", "'-3个' is not a unit"},
          {"1,20-300元", "'1,20' is not a valid number"},
      },
      ParseTarget);
}

TEST_CASE("dates") {
  struct Row {
    const char* text;
    const char* cmp;
    bool explicit_cmp;
    const char* date;  // FormatDate
  } rows[] = {
      {"2024-12-31", "≤", false, "2024-12-31"},
      {"2024/12/31", "≤", false, "2024-12-31"},
      {"2024.12.31", "≤", false, "2024-12-31"},
      {"2024-1-5", "≤", false, "2024-01-05"},
      {"２０２４－１２－３１", "≤", false, "2024-12-31"},
      {"2024年12月31日", "≤", false, "2024-12-31"},
      {"2024年1月5日", "≤", false, "2024-01-05"},
      {"2024年12月31号", "≤", false, "2024-12-31"},
      {"2024年12月31", "≤", false, "2024-12-31"},
      {"2024年12月底", "≤", false, "2024-12-31"},
      {"2024年12月末", "≤", false, "2024-12-31"},
      {"2024年2月底", "≤", false, "2024-02-29"},
      {"2023年2月底", "≤", false, "2023-02-28"},
      {"2100年2月底", "≤", false, "2100-02-28"},
      {"2000年2月底", "≤", false, "2000-02-29"},
      {"2024年4月底", "≤", false, "2024-04-30"},
      {"2024年底", "≤", false, "2024-12-31"},
      {"2024年末", "≤", false, "2024-12-31"},
      {"2024-02-29", "≤", false, "2024-02-29"},
      {"2000-02-29", "≤", false, "2000-02-29"},
      {"2024年12月31日前", "≤", true, "2024-12-31"},
      {"2024年12月31日以前", "≤", true, "2024-12-31"},
      {"2024年12月31日之前", "≤", true, "2024-12-31"},
      {"2024年底前", "≤", true, "2024-12-31"},
      {"2024年6月底前", "≤", true, "2024-06-30"},
      {"2024-12-31 前", "≤", true, "2024-12-31"},
      {"≤2024-12-31", "≤", true, "2024-12-31"},
      {"≤ 2024年底", "≤", true, "2024-12-31"},
      {"≤2024年底前", "≤", true, "2024-12-31"},
      {"不超过2024年12月31日", "≤", true, "2024-12-31"},
      {"<2024-12-31", "<", true, "2024-12-31"},
      {"≥2024-01-01", "≥", true, "2024-01-01"},
      {"=2024-06-30", "=", true, "2024-06-30"},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.text));
    Parsed<Target> t = ParseTarget(row.text);
    REQUIRE_MESSAGE(t.ok(), t.error());
    CHECK(t->kind == TargetKind::kDate);
    CHECK(std::string(ComparatorSymbol(t->cmp)) == row.cmp);
    CHECK(t->explicit_comparator == row.explicit_cmp);
    CHECK(FormatDate(t->date) == row.date);
  }
}

TEST_CASE("impossible and malformed dates") {
  CheckErrorRows(
      {
          {"2024-02-30", "'2024-02-30' is not a calendar date: 2024年2月 has 29 days"},
          {"2023-02-29", "2023年2月 has 28 days"},
          {"1900-02-29", "1900年2月 has 28 days"},
          {"2024-04-31", "2024年4月 has 30 days"},
          {"2024-13-01", "there is no month 13"},
          {"2024-00-10", "there is no month 0"},
          {"2024-01-00", "2024年1月 has 31 days"},
          {"2024/12/32", "2024年12月 has 31 days"},
          {"2024年12月32日", "2024年12月 has 31 days"},
          {"2024年2月30日前", "2024年2月 has 29 days"},
          {"2024年13月底", "there is no month 13"},
          {"≤2024-02-30", "2024年2月 has 29 days"},
          {"2024年12月", "'2024年12月' is not a date (it has no day: write '2024年12月31日'"},
          {"2024年12月前", "it has no day"},
          {"2024年1231日", "a month has one or two digits"},
          {"2024年12日", "expected '月' after the month"},
          {"2024-123-1", "month and day have one or two digits"},
          {"2024-12-31前完成", "unexpected '前完成' after the date '2024-12-31'"},
          {"2024年底完成", "unexpected '完成' after the date '2024年底'"},
          {"≥2024-12-31前", "conflicting comparators '≥' and '前'"},
          {"2024-01-01至2024-12-31",
           "a date range such as '2024-01-01至2024-12-31' cannot be scored; write a deadline such "
           "as '≤2024-12-31'"},
          {"2024年",
           "'2024年' is a year, not a duration or a date: write a deadline such as "
           "'2024年底前' or '2024年12月31日'"},
          {"2024年内", "'2024年内' is a year"},
          {"≤2024年", "'≤2024年' is a year"},
      },
      ParseTarget);
}

TEST_CASE("qualitative targets") {
  const char* rows[] = {
      "显著提升", "有效保障", "达到预期", "完成率达到95%", "稳步提高", "持续改善", "较上年有所提高",
      "良好",     "约95%",    "—",        "按时完成",
      // A comparator word before words without a figure.
      "不低于上年水平", "高于全国平均水平", "不少于往年",
  };
  for (const char* text : rows) {
    CAPTURE(std::string(text));
    Parsed<Target> t = ParseTarget(text);
    REQUIRE_MESSAGE(t.ok(), t.error());
    CHECK(t->kind == TargetKind::kQualitative);
    CHECK_FALSE(t->explicit_comparator);
  }
}

TEST_CASE("target errors say what was expected") {
  CheckErrorRows(
      {
          {"", "the target is empty"},
          {"   ", "the target is empty"},
          {"\u3000", "the target is empty"},
          {"≥", "expected a number or a date after '≥', got nothing"},
          {"≥abc", "expected a number or a date after '≥', got 'abc'"},
          {"≥≥90%", "expected a number or a date after '≥', got '≥90%'"},
          {"≥上年水平", "expected a number or a date after '≥', got '上年水平'"},
          {"≥9O%",
           "expected a number and a unit after '≥', got '9O%': 'O%' is not a unit (the letter 'O' "
           "typed for the digit 0?)"},
          {"1O个", "'O个' is not a unit (a letter typed for a digit?)"},
          {"95%左右",
           "'95%左右' is approximate and cannot be scored: instead of '左右' write a "
           "comparator such as '≥95%' or '≤95%', or a range"},
          {"5个上下", "is approximate"},
          {"1,20台", "'1,20' is not a valid number: ',' must separate groups of 3 digits"},
          {"1,2345元", "'1,2345' is not a valid number"},
          {"1234,567元", "'1234,567' is not a valid number"},
          {"0,5", "'0,5' is not a valid number"},
          {"0,500元", "'0,500' is not a valid number"},
          {"1,200,00元", "'1,200,00' is not a valid number"},
          {"≥1,20%", "'1,20' is not a valid number"},
          {"12个月3天", "expected a number and a unit, got '12个月3天': '个月3天' is not a unit"},
          {"1年度", "'年度' is not a unit (did you mean '年'?)"},
          {"5万元整", "'万元整' is not a unit (did you mean '万元'?)"},
          {"100%完成", "'%完成' is not a unit"},
          {"12个月前", "'个月前' is not a unit (did you mean '个月'?)"},
          {"5.万元", "'.万元' is not a unit"},
          {"5万 元", "'万 元' is not a unit"},
          {"4台(已验收)", "'台(已验收)' is not a unit"},
          {"≥90%以下", "conflicting comparators '≥' and '以下'"},
          {"=5个以上", "conflicting comparators '=' and '以上'"},
          {"<5人以上", "conflicting comparators '<' and '以上'"},
      },
      ParseTarget);
}

TEST_CASE("ParseActual") {
  SUBCASE("quantities") {
    struct Row {
      const char* text;
      Rational value;
      const char* unit;
      const char* dim;
      const char* as_written;
    } rows[] = {
        {"4台", 4, "台", "counter", "4台"},
        {"100%", 100, "%", "percent", "100%"},
        {"5.86万元", R(293, 50), "万元", "money", "5.86万元"},
        {"4", 4, "", "no unit", "4"},
        {"１００％", 100, "%", "percent", "１００％"},
        {"1,200元", 1200, "元", "money", "1,200元"},
        {"  4台  ", 4, "台", "counter", "4台"},
        {"18mSv", 18, "mSv", "dose", "18mSv"},
        {"320 天", 320, "天", "days", "320 天"},
        {"11个月", 11, "个月", "months", "11个月"},
        {"-1", -1, "", "no unit", "-1"},
        {"0起", 0, "起", "counter", "0起"},
        {"20000μSv", 20000, "μSv", "dose", "20000μSv"},
        {"85家次", 85, "家次", "counter", "85家次"},
    };
    for (const Row& row : rows) {
      CAPTURE(std::string(row.text));
      Parsed<Actual> a = ParseActual(row.text);
      REQUIRE_MESSAGE(a.ok(), a.error());
      CHECK(a->kind == ActualKind::kQuantity);
      CheckQuantity(a->value, row.value, row.unit, row.dim);
      CHECK(a->text == row.as_written);
    }
  }
  SUBCASE("dates") {
    struct Row {
      const char* text;
      const char* date;
    } rows[] = {
        {"2024-11-20", "2024-11-20"}, {"2024年11月20日", "2024-11-20"},
        {"2024/11/20", "2024-11-20"}, {"2024.11.20", "2024-11-20"},
        {"2024年底", "2024-12-31"},   {"2024年11月底", "2024-11-30"},
    };
    for (const Row& row : rows) {
      CAPTURE(std::string(row.text));
      Parsed<Actual> a = ParseActual(row.text);
      REQUIRE_MESSAGE(a.ok(), a.error());
      CHECK(a->kind == ActualKind::kDate);
      CHECK(FormatDate(a->date) == row.date);
    }
  }
  SUBCASE("not applicable") {
    for (const char* text : {"不适用", " 不适用 "}) {
      CAPTURE(std::string(text));
      Parsed<Actual> a = ParseActual(text);
      REQUIRE(a.ok());
      CHECK(a->kind == ActualKind::kNotApplicable);
    }
  }
  SUBCASE("text") {
    const char* rows[] = {
        "达成",        "部分达成",   "显著提升",           "",         "约95%",      "90%-95%",
        "4台(已验收)", "2024年12月", "2024年11月20日完成", "高于去年", "不低于上年", "95%左右",
        "1年度",       "2024年"};
    for (const char* text : rows) {
      CAPTURE(std::string(text));
      Parsed<Actual> a = ParseActual(text);
      REQUIRE_MESSAGE(a.ok(), a.error());
      CHECK(a->kind == ActualKind::kText);
      CHECK(a->text == text);
    }
  }
  SUBCASE("errors") {
    CheckErrorRows(
        {
            {"1,20台", "'1,20' is not a valid number"},
            {"12,3456元", "'12,3456' is not a valid number"},
            {"2024-02-30", "2024年2月 has 29 days"},
            {"2024年2月30日", "2024年2月 has 29 days"},
            {"2024-13-01", "there is no month 13"},
            {"≥90%", "an actual value takes no comparator"},
            {"＜２０ｍＳｖ", "an actual value takes no comparator"},
            {"不超过6万元", "an actual value takes no comparator"},
            {"≤2024-12-31", "an actual value takes no comparator"},
            {"2024年12月31日前", "an actual value takes no comparator"},
            {"90%以上", "an actual value takes no comparator"},
            {"12个月以内", "an actual value takes no comparator"},
        },
        ParseActual);
  }
}

TEST_CASE("ParseGrade accepts every spelling of the three grades") {
  struct Row {
    const char* text;
    Grade grade;
  } rows[] = {
      {"达成", Grade::kAchieved},
      {"达成年度指标", Grade::kAchieved},
      {"achieved", Grade::kAchieved},
      {"ACHIEVED", Grade::kAchieved},
      {"ａｃｈｉｅｖｅｄ", Grade::kAchieved},
      {" 达成 ", Grade::kAchieved},
      {"部分达成", Grade::kPartial},
      {"部分达成年度指标并具有一定效果", Grade::kPartial},
      {"partial", Grade::kPartial},
      {"Partial", Grade::kPartial},
      {"未达成", Grade::kNotAchieved},
      {"未达成年度指标且效果较差", Grade::kNotAchieved},
      {"not-achieved", Grade::kNotAchieved},
      {"Not-Achieved", Grade::kNotAchieved},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.text));
    Parsed<Grade> g = ParseGrade(row.text);
    REQUIRE_MESSAGE(g.ok(), g.error());
    CHECK(g.value() == row.grade);
  }
  CheckErrorRows(
      {
          {"完成", "'完成' is not a grade (did you mean '达成'?)"},
          {"优",
           "'优' is not a grade; expected one of '达成', '达成年度指标', 'achieved', "
           "'部分达成', '部分达成年度指标并具有一定效果', 'partial', '未达成', "
           "'未达成年度指标且效果较差', 'not-achieved'"},
          {"部分达成了", "(did you mean '部分达成'?)"},
          {"not achieved", "(did you mean 'not-achieved'?)"},
          {"", "the grade is empty; expected one of '达成'"},
      },
      ParseGrade);
}

TEST_CASE("names and symbols") {
  CHECK(std::string(ComparatorSymbol(Comparator::kGe)) == "≥");
  CHECK(std::string(ComparatorSymbol(Comparator::kGt)) == ">");
  CHECK(std::string(ComparatorSymbol(Comparator::kLe)) == "≤");
  CHECK(std::string(ComparatorSymbol(Comparator::kLt)) == "<");
  CHECK(std::string(ComparatorSymbol(Comparator::kEq)) == "=");
  struct {
    Dimension dim;
    const char* name;
  } dims[] = {
      {Dimension::kNone, "no unit"},    {Dimension::kMoney, "money"},
      {Dimension::kPercent, "percent"}, {Dimension::kMonths, "months"},
      {Dimension::kDays, "days"},       {Dimension::kDose, "dose"},
      {Dimension::kMass, "mass"},       {Dimension::kLength, "length"},
      {Dimension::kArea, "area"},       {Dimension::kCounter, "counter"},
  };
  for (const auto& d : dims) CHECK(std::string(DimensionName(d.dim)) == d.name);
  CHECK(std::string(GradeName(Grade::kAchieved)) == "达成");
  CHECK(std::string(GradeName(Grade::kPartial)) == "部分达成");
  CHECK(std::string(GradeName(Grade::kNotAchieved)) == "未达成");
}

TEST_CASE("dates compare and format") {
  struct Row {
    Date a, b;
    int expected;
  } rows[] = {
      {{2024, 11, 20}, {2024, 12, 31}, -1}, {{2024, 12, 31}, {2024, 11, 20}, 1},
      {{2024, 12, 31}, {2024, 12, 31}, 0},  {{2023, 12, 31}, {2024, 1, 1}, -1},
      {{2024, 2, 1}, {2024, 1, 31}, 1},     {{2024, 1, 2}, {2024, 1, 1}, 1},
  };
  for (const Row& row : rows) {
    CAPTURE(FormatDate(row.a));
    CAPTURE(FormatDate(row.b));
    CHECK(Compare(row.a, row.b) == row.expected);
  }
  CHECK(FormatDate({2024, 1, 5}) == "2024-01-05");
  CHECK(FormatDate({2024, 12, 31}) == "2024-12-31");
}

}  // namespace
}  // namespace jixiao
