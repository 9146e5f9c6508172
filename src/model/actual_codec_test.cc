// Parsed values packed and read back: every field as ParseActual made it.
#include "model/actual_codec.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "base/record_codec.h"

namespace jixiao {
namespace {

void CheckSameUnit(const Unit& got, const Unit& want) {
  CHECK(got.name == want.name);
  CHECK(got.dim == want.dim);
  CHECK(got.factor == want.factor);
  CHECK(got.multiplier == want.multiplier);
  CHECK(got.root == want.root);
}

// Packs what ParseActual makes of `text` and reads it back.
void CheckRoundTrip(const std::string& text) {
  CAPTURE(text);
  Parsed<Actual> parsed = ParseActual(text);
  REQUIRE(parsed.ok());
  const Actual& want = parsed.value();
  RecordWriter w;
  PackActual(want, &w);
  w.Int(7);  // what follows must be left where it is
  RecordReader r(w.bytes());
  Actual got = UnpackActual(&r, want.text);
  CHECK(r.Int() == 7);
  CHECK(got.kind == want.kind);
  CHECK(got.text == want.text);
  CHECK(got.value.value == want.value.value);
  CheckSameUnit(got.value.unit, want.value.unit);
  CHECK(got.date == want.date);
}

TEST_CASE("a parsed value reads back as parsed, without parsing its text again") {
  for (const char* text :
       {"4台", "100%", "5.86万元", "4", "0.5", "-3", "1,200人次", "３台", "１２个月", "85家次",
        "2024-11-20", "2024年11月20日", "2024年11月20日完成", "100%完成", "不适用", "达成",
        "部分达成", "按期完成", "", "12.5万平米", "3千m", "850万", "2亿", "1.5亿元", "20mSv",
        "8小时", "3.75亩", "2万万元", "10 万 台", "7‰", "0.000000000000000000000000000001吨",
        "123456789012345678901234567890", "99999999999999999999.5公里"}) {
    CheckRoundTrip(text);
  }
}

TEST_CASE("a value left out or in error reads back as Actual{}") {
  RecordWriter w;
  PackActual(Actual{}, &w);
  RecordReader r(w.bytes());
  Actual got = UnpackActual(&r, "1,20台");
  CHECK(got.kind == ActualKind::kText);
  CHECK(got.text.empty());
}

TEST_CASE("rationals of any size read back exactly") {
  const int64_t kMin = std::numeric_limits<int64_t>::min();
  const int64_t kMax = std::numeric_limits<int64_t>::max();
  for (const Rational& v :
       {Rational(0), Rational(1), Rational(-1), Rational(BigInt(1), BigInt(3)),
        Rational(BigInt(-22), BigInt(7)), Rational(kMax), Rational(kMin), Rational(kMin + 1),
        Rational(BigInt(kMax), BigInt(kMax - 1)), Rational(kMax) * Rational(kMax),
        Rational(BigInt(1), BigInt(kMax) * BigInt(3)), -(Rational(kMax) * 10)}) {
    CAPTURE(v.ToDecimalString(40));
    RecordWriter w;
    PackRational(v, &w);
    RecordReader r(w.bytes());
    CHECK(UnpackRational(&r) == v);
    CHECK(r.Rest().empty());
  }
}

}  // namespace
}  // namespace jixiao
