// The value grammar: targets, comparators, numbers, ranges, qualitative targets, actuals, grades.
#include "model/value.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/lang.h"
#include "model/value_testing.h"

namespace jixiao {
namespace {

using namespace value_testing;

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

TEST_CASE("a value's reason carries its code, in either language") {
  // The code says what is wrong whatever the language; the loader places
  // the reason and keeps the code (target_loader_test.cc).
  Parsed<Target> t = ParseTarget("12月底前", 2024);
  REQUIRE(!t.ok());
  CHECK(t.message().code == 322);
  CHECK(t.error() == "'12月底前' has no year: write '2024年12月底前'");
  {
    ScopedLang zh(Lang::kZh);
    Parsed<Target> z = ParseTarget("12月底前", 2024);
    REQUIRE(!z.ok());
    CHECK(z.message().code == 322);
    CHECK(z.error() == "“12月底前”没有年份：请写“2024年12月底前”");
  }
  Parsed<Target> r = ParseTarget("90%-80%");
  REQUIRE(!r.ok());
  CHECK(r.message().code == 316);
  Parsed<Actual> a = ParseActual("≥95%");
  REQUIRE(!a.ok());
  CHECK(a.message().code == 330);
  Parsed<Grade> g = ParseGrade("优秀");
  REQUIRE(!g.ok());
  CHECK(g.message().code == 340);
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
          {"5--10个", "the range '5--10个' has two '-' between its bounds, and the second reads "
                     "as a minus sign (an upper bound below the lower): write one, as in '5-10个'"},
          {"80%- -95%", "write one, as in '80%-95%'"},
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
      ParseTargetText);
}

TEST_CASE("qualitative targets") {
  const char* rows[] = {
      "显著提升", "有效保障", "达到预期", "完成率达到95%", "稳步提高", "持续改善", "较上年有所提高",
      "良好",     "—",        "按时完成",
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
          // Letters for digits with no other unit, or before one.
          {"1OO", "expected a number and a unit, got '1OO': 'OO' is not a unit (the letter 'O' "
                  "typed for the digit 0?)"},
          {"≥10o", "'o' is not a unit (the letter 'O' typed for the digit 0?)"},
          {"1OO台", "'OO台' is not a unit (a letter typed for a digit?)"},
          {"1lO万元", "'lO万元' is not a unit (a letter typed for a digit?)"},
          // O's right after the digits, then a space and a unit, or a unit
          // in ASCII letters.
          {"1O mSv", "expected a number and a unit, got '1O mSv': 'O mSv' is not a unit (the "
                     "letter 'O' typed for the digit 0?)"},
          {"1OO %", "'OO %' is not a unit (the letter 'O' typed for the digit 0?)"},
          {"1O 台", "'O 台' is not a unit (the letter 'O' typed for the digit 0?)"},
          {"1o　km", "'o km' is not a unit (the letter 'O' typed for the digit 0?)"},
          {"1OmSv", "'OmSv' is not a unit (the letter 'O' typed for the digit 0?)"},
          {"≥9O %", "after '≥', got '9O %': 'O %' is not a unit (the letter 'O' typed"},
          // Not a counter wherever it stands, so that "5Om" written back from
          // "5 Om" reads as it did.
          {"5 Om", "'Om' is not a unit (the letter 'O' typed for the digit 0?)"},
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
          {"100%完毕", "'%完毕' is not a unit"},
          {"12个月前", "'个月前' is not a unit (did you mean '个月'?)"},
          {"5.万元", "'.万元' is not a unit"},
          {"5万 元", "'万 元' is not a unit"},
          {"4台(已验收)", "'台(已验收)' is not a unit"},
          {"≥90%以下", "conflicting comparators '≥' and '以下'"},
          {"=5个以上", "conflicting comparators '=' and '以上'"},
          {"<5人以上", "conflicting comparators '<' and '以上'"},
      },
      ParseTargetText);
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
        "4台(已验收)", "2024年12月", "2024年11月20日验收", "高于去年", "不低于上年", "95%左右",
        "1年度",       "2024年",     "l00"};
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
            // A letter typed for a digit is named, as in a target.
            {"1OO", "expected a number and a unit, got '1OO': 'OO' is not a unit (the letter 'O' "
                    "typed for the digit 0?)"},
            {"1OO%", "expected a number and a unit, got '1OO%': 'OO%' is not a unit (the letter "
                     "'O' typed for the digit 0?)"},
            {"9O％", "'O%' is not a unit (the letter 'O' typed for the digit 0?)"},
            {"1OO%完成", "'OO%' is not a unit (the letter 'O' typed for the digit 0?)"},
            {"1O台", "'O台' is not a unit (a letter typed for a digit?)"},
            {"1l台", "'l台' is not a unit (a letter typed for a digit?)"},
            {"1O mSv", "expected a number and a unit, got '1O mSv': 'O mSv' is not a unit (the "
                       "letter 'O' typed for the digit 0?)"},
            {"1OO %", "'OO %' is not a unit (the letter 'O' typed for the digit 0?)"},
            {"1O 台", "'O 台' is not a unit (the letter 'O' typed for the digit 0?)"},
            {"1OmSv", "'OmSv' is not a unit (the letter 'O' typed for the digit 0?)"},
            {"2.5Okg", "'Okg' is not a unit (the letter 'O' typed for the digit 0?)"},
            {"1OO %完成", "'OO %' is not a unit (the letter 'O' typed for the digit 0?)"},
        },
        ParseActual);
    // The code is that of the same slip in a target (JX0304).
    CHECK(ParseActual("1OO%").message().code == 304);
    CHECK(ParseActual("1O mSv").message().code == 304);
  }
  SUBCASE("a unit starting with an O is no letter O typed for 0") {
    // A counter that only starts with O, an O after a space, an O not
    // before a known unit: read as before.
    for (const char* text : {"1Ohm", "5 OD", "3Om3", "1 O 台", "1O-台"}) {
      CAPTURE(std::string(text));
      Parsed<Actual> a = ParseActual(text);
      CHECK((a.ok() || a.message().code != 304 ||
             a.error().find("letter 'O'") == std::string::npos));
    }
    Parsed<Actual> ohm = ParseActual("1Ohm");
    REQUIRE(ohm.ok());
    CHECK(ohm->kind == ActualKind::kQuantity);
    CHECK(ohm->value.unit.name == "Ohm");
    Parsed<Target> t = ParseTarget("≥1Ohm");
    REQUIRE(t.ok());
    CHECK(t->value.unit.name == "Ohm");
    // An O after a space is not right after the digits.
    Parsed<Target> spaced = ParseTarget("1 O 台");
    REQUIRE_FALSE(spaced.ok());
    CHECK(spaced.error() == "expected a number and a unit, got '1 O 台': 'O 台' is not a unit");
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
      {"部分达成年度指标", Grade::kPartial},  // the short forms, as 达成年度指标 is
      {"partial", Grade::kPartial},
      {"Partial", Grade::kPartial},
      {"未达成", Grade::kNotAchieved},
      {"未达成年度指标且效果较差", Grade::kNotAchieved},
      {"未达成年度指标", Grade::kNotAchieved},
      {"not-achieved", Grade::kNotAchieved},
      {"Not-Achieved", Grade::kNotAchieved},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.text));
    Parsed<Grade> g = ParseGrade(row.text);
    REQUIRE_MESSAGE(g.ok(), g.error());
    CHECK(g.value() == row.grade);
    CHECK(GradeOf(row.text) == row.grade);  // the same grade, without a message
  }
  for (const char* none : {"完成", "优", "部分达成了", "", "95%"}) {
    CAPTURE(std::string(none));
    CHECK_FALSE(GradeOf(none));
    CHECK_FALSE(ParseGrade(none).ok());
  }
  CheckErrorRows(
      {
          {"完成", "'完成' is not a grade (did you mean '达成'?)"},
          {"优",
           "'优' is not a grade; expected one of '达成', '达成年度指标', 'achieved', "
           "'部分达成', '部分达成年度指标并具有一定效果', '部分达成年度指标', 'partial', '未达成', "
           "'未达成年度指标且效果较差', '未达成年度指标', 'not-achieved'"},
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

TEST_CASE("an approximation word before a suffix comparator is approximate too") {
  // '21个左右以下' is not ≤21 of the unit '个左右': the approximation words
  // are looked for again once the suffix comparator is taken off.
  for (const char* text : {"21个左右以下", "5个上下以上", "5台前后以内", "21左右及以下"}) {
    CAPTURE(text);
    Parsed<Target> t = ParseTarget(text);
    REQUIRE_FALSE(t.ok());
    CHECK(Contains(t.error(), "is approximate and cannot be scored"));
  }
  CHECK(ParseTarget("21个以下").ok());
  CHECK(ParseTarget("12个月以内").ok());
}

TEST_CASE("a number of more than kMaxDecimalDigits digits is an error with a short message") {
  // Decimal parsing is quadratic in the digits: a million-digit target
  // took 15 s to load, and the message quoted all of it.
  const std::string max(kMaxDecimalDigits, '9');
  CHECK(ParseTarget("≥" + max + "台").ok());
  const std::string huge(1000000, '9');
  for (const std::string& text : {"≥" + huge + "台", huge + "台", "1-" + huge + "台"}) {
    Parsed<Target> t = ParseTarget(text);
    REQUIRE_FALSE(t.ok());
    CHECK(Contains(t.error(), "has more than 1000 digits"));
    CHECK(t.error().size() < 400);
  }
  Parsed<Actual> a = ParseActual(huge + "台");
  REQUIRE_FALSE(a.ok());
  CHECK(Contains(a.error(), "has more than 1000 digits"));
  // Any text quoted in a value message is cut.
  Parsed<Target> words = ParseTarget("≥5" + std::string(3000, 'x') + "1");
  REQUIRE_FALSE(words.ok());
  CHECK(words.error().size() < 400);
}

TEST_CASE("two comparators after the number are an error") {
  // '2024嗥及以内以下' is not ≤2024 of the unit '嗥及以内' (whose canonical
  // form '≤2024嗥及以内' would read as the unit '嗥及').
  for (const char* text : {"2024嗥及以内以下", "5个以内以下", "5个以上及以上", "5个内以下"}) {
    CAPTURE(text);
    Parsed<Target> t = ParseTarget(text);
    REQUIRE_FALSE(t.ok());
    CHECK(Contains(t.error(), "has two comparators after the number"));
  }
  CHECK(ParseTarget("5个以内").ok());
  CHECK(ParseTarget("≥5个以上").ok());
}

TEST_CASE("accepted spellings: 完成 after a value, (含) and (不含) after a bound") {
  CheckQuantityRows({
      {"100%完成", "=", false, 100, "%", "percent"},
      {"≥95%完成", "≥", true, 95, "%", "percent"},
      {"≥95%（含）", "≥", true, 95, "%", "percent"},
      {"≥95%(含)", "≥", true, 95, "%", "percent"},
      {">95%（含）", "≥", true, 95, "%", "percent"},   // 含: the bound counts
      {"95%（含）以上", "≥", true, 95, "%", "percent"},
      {"95%以上（含）", "≥", true, 95, "%", "percent"},
      {"≤12个月（含）", "≤", true, 12, "个月", "months"},
      {"<12个月(含)", "≤", true, 12, "个月", "months"},
      {"95%以上（不含）", ">", true, 95, "%", "percent"},
      {"≥95%（不含）", ">", true, 95, "%", "percent"},
      {"12个月以内(不含)", "<", true, 12, "个月", "months"},
  });
  Parsed<Target> range = ParseTarget("80%-90%（含）");
  REQUIRE(range.ok());
  CHECK(range->kind == TargetKind::kRange);
  Parsed<Actual> done = ParseActual("100%完成");
  REQUIRE(done.ok());
  CHECK(done->kind == ActualKind::kQuantity);
  CHECK(done->value.value == 100);
  CHECK(done->text == "100%完成");
  Parsed<Actual> date = ParseActual("2024年11月20日完成");
  REQUIRE(date.ok());
  CHECK(date->kind == ActualKind::kDate);
  CHECK(FormatDate(date->date) == "2024-11-20");
  CheckErrorRows(
      {
          {"95%（含）",
           "'95%(含)' says whether its bound is included (含) but not which way it is judged: "
           "write a comparator, such as '≥95%' or '≤95%'"},
          {"=95%(不含)", "such as '>95%' or '<95%'"},
          {"80%-90%(不含)", "a range includes its bounds"},
          {"≥95%(含)完成以上", "is not a unit"},
          {"1个完成-6", "'个完成' is not a unit (it ends with '完成')"},
      },
      ParseTargetText);
}

TEST_CASE("约 before a number is approximate, like 左右 after it") {
  CheckErrorRows(
      {
          {"约7000人",
           "'约7000人' is approximate and cannot be scored: instead of '约' write a comparator "
           "such as '≥7000人' or '≤7000人', or a range"},
          {"约95%", "instead of '约' write a comparator such as '≥95%' or '≤95%'"},
          {"大约30天", "instead of '大约'"},
          {"7000人左右", "instead of '左右'"},
      },
      ParseTargetText);
  // Without a figure after it, 约 starts a qualitative target.
  Parsed<Target> t = ParseTarget("约束机制健全");
  REQUIRE(t.ok());
  CHECK(t->kind == TargetKind::kQualitative);
}

TEST_CASE("a date without its year, a quarter, a half year: the message gives the target") {
  struct Row {
    const char* text;
    int year;
    const char* message;
  } rows[] = {
      {"12月底前", 2024, "'12月底前' has no year: write '2024年12月底前'"},
      {"6月30日前完成", 2025, "'6月30日前完成' has no year: write '2025年6月30日前完成'"},
      {"≤12月31日", 2024, "'≤12月31日' has no year: write '≤2024年12月31日'"},
      {"12月底前", 0, "'12月底前' has no year: write it with the year, such as 'YYYY年12月底前'"},
      {"2月30日前", 2024, "'2024年2月30日' is not a calendar date: 2024年2月 has 29 days"},
      {"2024年第三季度", 2030,
       "'2024年第三季度' names a period, not a date: write the deadline it means, "
       "'2024年9月30日前'"},
      {"第三季度", 2024, "write the deadline it means, '2024年9月30日前'"},
      {"2024年第3季度末前", 0, "'2024年9月30日前'"},
      {"三季度末", 2024, "'2024年9月30日前'"},
      {"第一季度", 2024, "'2024年3月31日前'"},
      {"第四季度完成", 2024, "'2024年12月31日前'"},
      {"≤2024年第二季度", 0, "'≤2024年6月30日'"},
      {"2024年上半年", 0, "'2024年6月30日前'"},
      {"下半年", 2024, "'2024年12月31日前'"},
      {"第二季度", 0, "'YYYY年6月30日前'"},
      // A comparator word after the period reads as after a quantity.
      {"第一季度以内", 2024, "names a period, not a date: write the deadline it means, "
                              "'2024年3月31日前'"},
      {"2024年第三季度以后", 0, "'≥2024年9月30日'"},
      // A quarter's number and 季度 alone, with a comparator: the quarter, or
      // that many quarters of time; both are offered.
      {"≤1季度", 2024,
       "'≤1季度' may mean a quarter of the year or that many quarters of time: for a "
       "deadline write '≤2024年3月31日', for a length of time '≤3个月'"},
      {"1季度以内", 2024, "write '2024年3月31日前', for a length of time '≤3个月'"},
      {"一季度内", 2024, "write '2024年3月31日前', for a length of time '≤3个月'"},
      {"三季度以上", 2024, "write '≥2024年9月30日', for a length of time '≥9个月'"},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.text));
    Parsed<Target> t = ParseTarget(row.text, row.year);
    REQUIRE_FALSE(t.ok());
    CAPTURE(t.error());
    CHECK(Contains(t.error(), row.message));
    // The target the message gives (in its last quotes) parses.
    const std::string message = t.error();
    const size_t close = message.rfind('\'');
    const size_t open = close == std::string::npos || close == 0 ? std::string::npos
                                                                 : message.rfind('\'', close - 1);
    REQUIRE(open != std::string::npos);
    const std::string rewrite = message.substr(open + 1, close - open - 1);
    if (row.year > 0 && rewrite.find("YYYY") == std::string::npos &&
        !Contains(message, "calendar")) {
      CAPTURE(rewrite);
      CHECK(ParseTarget(rewrite).ok());
    }
  }
  // Months as a duration are not dates, nor is a count of quarters.
  CHECK(ParseTarget("≤12月", 2024)->kind == TargetKind::kQuantity);
  CHECK(ParseTarget("≥1个季度", 2024)->kind == TargetKind::kQuantity);
  CHECK(ParseTarget("1.5季度以上", 2024)->kind == TargetKind::kQuantity);
  CHECK(ParseTarget("12个月内", 2024)->kind == TargetKind::kQuantity);
  // A quarter inside running text stays qualitative.
  CHECK(ParseTarget("第三季度完成主体工程", 2024)->kind == TargetKind::kQualitative);
}

TEST_CASE("FindFigures: a qualitative target holding a figure and what it most likely means") {
  struct Row {
    const char* text;
    bool cost;
    size_t figures;
    const char* figure;
    const char* rewrite;
  } rows[] = {
      {"控制在850万元以内", true, 1, "850万元", "≤850万元"},
      {"控制在850万元以内", false, 1, "850万元", "≤850万元"},
      {"每生每天5元", true, 1, "5元", "≤5元/生/天"},
      {"每生每天5元", false, 1, "5元", "5元/生/天"},
      {"完成率达到95%", false, 1, "95%", "≥95%"},
      {"培训不少于3次", false, 1, "3次", "≥3次"},
      {"服务不超过1.2万人次", false, 1, "1.2万人次", "≤1.2万人次"},
      {"新增绿地1.248万平米以上", false, 1, "1.248万平米", "≥1.248万平米"},
      {"成本控制在预算的90%以内", true, 1, "90%", "≤90%"},
      {"从80%提高到90%", false, 2, "80%", ""},
      {"显著提升", false, 0, "", ""},
      {"2024年完成验收", false, 0, "", ""},    // a calendar year is not a figure
      {"12345热线接通率高", false, 0, "", ""},  // nor a number without a unit
      {"较2023年提高", false, 0, "", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(std::string(row.text));
    FigureHint h = FindFigures(row.text, row.cost);
    CHECK(h.figures == row.figures);
    CHECK(h.figure == row.figure);
    CHECK(h.rewrite == row.rewrite);
    if (!h.rewrite.empty()) CHECK(ParseTarget(h.rewrite)->kind == TargetKind::kQuantity);
  }
}

TEST_CASE("IsPlaceholderText: what a form holds where nothing was written") {
  for (const char* t : {"/", "／", " / ", "\\", "-", "－", "—", "——", "无", "暂无", "N/A", "NA"}) {
    CAPTURE(t);
    CHECK(IsPlaceholderText(t));
  }
  for (const char* t : {"不适用", "0", "0起", "无事故", "-1", "达成", "", "/年"}) {
    CAPTURE(t);
    CHECK_FALSE(IsPlaceholderText(t));
  }
}

TEST_CASE("IsNotApplicableWithReason: 不适用 with its reason, or 不涉及") {
  CHECK(IsNotApplicableWithReason("不适用（本年未开展）"));
  CHECK(IsNotApplicableWithReason(" 不适用,本年未开展"));
  CHECK(IsNotApplicableWithReason("不涉及"));
  CHECK_FALSE(IsNotApplicableWithReason("不适用"));  // a value of its own
  CHECK_FALSE(IsNotApplicableWithReason("/"));
}

TEST_CASE("SameTarget: a spreadsheet's copy of a target, as written or as meant") {
  auto same = [](const char* written, const char* target) {
    Parsed<Target> t = ParseTarget(target, 2024);
    REQUIRE(t.ok());
    return SameTarget(written, *t, target, 2024);
  };
  CHECK(same("4台", "4台"));
  CHECK(same(" ≥ ９０ ％ ", "≥90%"));        // full-width forms folded, blanks dropped
  CHECK(same("≥90.0%", "≥90%"));             // 90.0 = 90
  CHECK(same("≤60000元", "≤6万元"));          // 60000元 = 6 × 10000元
  CHECK(same("0.50", "0.5"));
  CHECK(same("80%-90.0%", "80%-90%"));
  CHECK(same("2024年12月31日前", "≤2024-12-31"));  // the same day, before it
  CHECK(same("2024-12-31 00:00:00", "2024年12月31日前"));  // a date cell written back
  CHECK(same("45657", "2024年12月31日前"));  // its serial: 1899-12-30 + 45657 days
  CHECK_FALSE(same("45656", "2024年12月31日前"));
  CHECK(same("显著提升", "显著提升"));
  CHECK_FALSE(same("5台", "4台"));
  CHECK_FALSE(same("≥4台", "4台"));          // another comparator
  CHECK_FALSE(same("4个", "4台"));           // another counter: not comparable
  CHECK_FALSE(same("≤11个月", "≤12个月"));
  CHECK_FALSE(same("80%-95%", "80%-90%"));
  CHECK_FALSE(same("≤2024-11-30", "≤2024-12-31"));
  CHECK_FALSE(same("明显提升", "显著提升"));  // a qualitative target only as text
  CHECK_FALSE(same("≥9O%", "≥90%"));         // not a target at all
}

TEST_CASE("DigitsGroupedBySpaces: thousands grouped by a space of any kind, joined") {
  auto joined = [](std::string_view text) {
    std::optional<SpacedDigits> d = DigitsGroupedBySpaces(text);
    return d ? d->joined : std::string("-");
  };
  CHECK(joined("1 000台") == "1000台");
  CHECK(joined("1\u00A0000台") == "1000台");                 // no-break: looks like a space
  CHECK(DigitsGroupedBySpaces("1\u00A0000台")->space == U'\u00A0');
  CHECK(joined("12\u2009345.5万元") == "12345.5万元");         // thin space, decimals kept
  CHECK(joined("1\u202F234\u202F567人次") == "1234567人次");  // two groups
  CHECK(joined("-1\u3000000") == "-1000");                  // full-width space, a sign
  CHECK(joined(" 5 800 ") == "5800");                       // trimmed first
  CHECK(DigitsGroupedBySpaces("5 800")->space == U' ');
  CHECK(joined("1 0000台") == "-");     // a group of four is no thousands
  CHECK(joined("1 00台") == "-");       // nor one of two
  CHECK(joined("1234 567") == "-");     // four digits before the first space
  CHECK(joined("1000台") == "-");       // no space at all
  CHECK(joined("3 台") == "-");         // a space before the unit is not between digits
  CHECK(joined("达成") == "-");
  CHECK(SpaceName(U'\u00A0') == Text(MsgId::kSpaceNoBreak, CurrentLang()));
}

TEST_CASE("ScientificAsDecimal: Excel's scientific notation as the exact decimal it shows") {
  CHECK(ScientificAsDecimal("1.25E+01") == "12.5");      // 1.25 × 10 = 12.5
  CHECK(ScientificAsDecimal("1.23457E+11") == "123457000000");
  CHECK(ScientificAsDecimal("3.1e-2") == "0.031");       // 3.1 / 100
  CHECK(ScientificAsDecimal(" -2E3 ") == "-2000");
  CHECK(ScientificAsDecimal("4.0E+00") == "4");
  CHECK(ScientificAsDecimal("1E+30") == "1000000000000000000000000000000");
  CHECK_FALSE(ScientificAsDecimal("1E+31"));             // beyond ±30: not taken for one
  CHECK_FALSE(ScientificAsDecimal("6.0E+05元"));
  CHECK_FALSE(ScientificAsDecimal("E5"));
  CHECK_FALSE(ScientificAsDecimal("1.E5"));
  CHECK_FALSE(ScientificAsDecimal("1.5E"));
  CHECK_FALSE(ScientificAsDecimal("1.5E+"));
  CHECK_FALSE(ScientificAsDecimal("达成"));
  CHECK_FALSE(ScientificAsDecimal("12.5"));
}

}  // namespace
}  // namespace jixiao
