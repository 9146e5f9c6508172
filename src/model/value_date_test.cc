// Dates: the spellings of a deadline, impossible dates, comparison.
#include "model/value.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/value_testing.h"

namespace jixiao {
namespace {

using namespace value_testing;

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
      {"不晚于2024年12月31日", "≤", true, "2024-12-31"},  // a deadline's own words
      {"不迟于2024-11-30", "≤", true, "2024-11-30"},
      {"最迟2024年12月31日", "≤", true, "2024-12-31"},
      {"最晚2024年6月30日", "≤", true, "2024-06-30"},
      {"不早于2024年8月1日", "≥", true, "2024-08-01"},
      {"<2024-12-31", "<", true, "2024-12-31"},
      {"≥2024-01-01", "≥", true, "2024-01-01"},
      {"=2024-06-30", "=", true, "2024-06-30"},
      // 完成 after the date adds nothing; (含) and (不含) say whether the day counts.
      {"2024-12-31前完成", "≤", true, "2024-12-31"},
      {"2024年12月31日前完成", "≤", true, "2024-12-31"},
      {"2024年底完成", "≤", false, "2024-12-31"},
      {"2024年12月31日(含)前", "≤", true, "2024-12-31"},
      {"2024年12月31日（含）", "≤", true, "2024-12-31"},
      {"2024年12月31日前（不含）", "<", true, "2024-12-31"},
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
          {"2024-12-31前交付", "unexpected '前交付' after the date '2024-12-31'"},
          {"2024年底验收", "unexpected '验收' after the date '2024年底'"},
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
      ParseTargetText);
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

TEST_CASE("a spreadsheet's date serial number") {
  // Days from 1899-12-30: 36526 is 2000-01-01; 2024 has 366 days, so
  // 45292 (2024-01-01) + 59 = 45351 is 2024-02-29 and + 335 = 45627 is
  // 2024-12-01.
  const std::pair<int64_t, const char*> rows[] = {
      {36526, "2000-01-01"}, {45292, "2024-01-01"}, {45351, "2024-02-29"},
      {45352, "2024-03-01"}, {45627, "2024-12-01"}, {45657, "2024-12-31"},
      {45658, "2025-01-01"}, {73050, "2099-12-31"},
  };
  for (const auto& [serial, date] : rows) {
    CAPTURE(serial);
    REQUIRE(ExcelSerialDate(Rational(serial)));
    CHECK(FormatDate(*ExcelSerialDate(Rational(serial))) == date);
  }
  // Outside 2000-2099, or not a whole number: not one.
  CHECK_FALSE(ExcelSerialDate(Rational(36525)));
  CHECK_FALSE(ExcelSerialDate(Rational(73051)));
  CHECK_FALSE(ExcelSerialDate(Rational(1200)));
  CHECK_FALSE(ExcelSerialDate(Rational(BigInt(91255), BigInt(2))));
}

TEST_CASE("a date with midnight after it, as a spreadsheet exports a date cell") {
  for (const char* text : {"2024-12-01 00:00:00", "2024/12/1 0:00", "2024-12-01 00:00",
                           "2024-12-01 0:00:00"}) {
    CAPTURE(text);
    Parsed<Actual> a = ParseActual(text);
    REQUIRE(a);
    CHECK(a->kind == ActualKind::kDate);
    CHECK(FormatDate(a->date) == "2024-12-01");
  }
  // Another time of day is not a date alone.
  Parsed<Actual> noon = ParseActual("2024-12-01 12:30:00");
  CHECK((!noon || noon->kind != ActualKind::kDate));
}

}  // namespace
}  // namespace jixiao
