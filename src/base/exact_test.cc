// Tests of Rational (exact.h), and of the small-value fast paths of both
// BigInt and Rational. Expected values of big results were computed
// independently (Python integers and fractions.Fraction).
#include "base/exact.h"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "base/exact_testing.h"
#include "base/random_testing.h"

// Counts heap allocations so that tests can check the small-value fast
// paths never allocate. Otherwise behaves as the default operator new.
namespace {
std::atomic<long> g_allocations{0};
}  // namespace

// Not inlined, so that the compiler does not pair new with free.
[[gnu::noinline]] void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  for (;;) {
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}
[[gnu::noinline]] void operator delete(void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept { std::free(p); }
// Every other unaligned form too, so that no allocation made by a sanitizer's
// operator new is freed by ours (std::stable_sort uses the nothrow form).
[[gnu::noinline]] void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return ::operator new(size);
  } catch (...) {
    return nullptr;
  }
}
[[gnu::noinline]] void* operator new[](std::size_t size) { return ::operator new(size); }
[[gnu::noinline]] void* operator new[](std::size_t size, const std::nothrow_t& t) noexcept {
  return ::operator new(size, t);
}
[[gnu::noinline]] void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace jixiao {
namespace {

using testing::B;
using testing::CheckLowestTerms;
using testing::kMax;
using testing::kMin;
using testing::kTwoTo100;
using testing::kTwoTo63;
using testing::kTwoTo64;
using testing::Q;
using testing::Str;

TEST_CASE("Rational normalises sign and lowest terms") {
  struct Row {
    const char *num, *den, *expected;
  };
  const Row rows[] = {
      {"6", "-4", "-3/2"},
      {"10", "4", "5/2"},
      {"-10", "-4", "5/2"},
      {"0", "-5", "0"},
      {"0", "1267650600228229401496703205376", "0"},
      {"-9223372036854775808", "-1", "9223372036854775808"},
      {"1", "-9223372036854775808", "-1/9223372036854775808"},
      {"-9223372036854775808", "-9223372036854775808", "1"},
      {"-9223372036854775808", "2", "-4611686018427387904"},
      {"-9223372036854775808", "-6", "4611686018427387904/3"},
      {"9223372036854775807", "-9223372036854775808", "-9223372036854775807/9223372036854775808"},
      {"1267650600228229401496703205376", "316912650057057350374175801344", "4"},
      {"-1000000000000000000000000000000", "-600000000000000000000000000000", "5/3"},
      {"18446744073709551616", "-18446744073709551616", "-1"},
      {"18446744073709551616", "3", "18446744073709551616/3"},
  };
  for (const Row& row : rows) {
    INFO("num = " << row.num << ", den = " << row.den);
    const Rational r(B(row.num), B(row.den));
    CHECK(Str(r) == row.expected);
    CheckLowestTerms(r);
  }
  CHECK(Str(Rational()) == "0");
  CHECK(Str(Rational(kMin)) == "-9223372036854775808");
}

TEST_CASE("Rational arithmetic matches known values") {
  struct Row {
    const char *a, *b, *sum, *diff, *prod, *quot;
  };
  const Row rows[] = {
      {"1/2", "1/3", "5/6", "1/6", "1/6", "3/2"},
      {"-5/6", "7/10", "-2/15", "-23/15", "-7/12", "-25/21"},
      {"50/3", "50/3", "100/3", "0", "2500/9", "1"},
      {"9223372036854775807", "1", "9223372036854775808", "9223372036854775806",
       "9223372036854775807", "9223372036854775807"},
      {"-9223372036854775808", "-1", "-9223372036854775809", "-9223372036854775807",
       "9223372036854775808", "9223372036854775808"},
      {"1/9223372036854775807", "1/9223372036854775806",
       "18446744073709551613/85070591730234615838173535747377725442",
       "-1/85070591730234615838173535747377725442", "1/85070591730234615838173535747377725442",
       "9223372036854775806/9223372036854775807"},
      {"9223372036854775807/2", "9223372036854775807/3", "46116860184273879035/6",
       "9223372036854775807/6", "85070591730234615847396907784232501249/6", "3/2"},
      {"1267650600228229401496703205376/3", "-18446744073709551616/5",
       "6338253001085806775262387372032/15", "6338253001196487239704644681728/15",
       "-23384026197294446691258957323460528314494920687616/15", "-343597383680/3"},
      {"3/4", "-3/4", "0", "3/2", "-9/16", "-1"},
      {"1/6", "1/10", "4/15", "1/15", "1/60", "5/3"},
      {"5/12", "1/12", "1/2", "1/3", "5/144", "5"},
      {"107/20", "1/2", "117/20", "97/20", "107/40", "107/10"},
      {"-9223372036854775808/9223372036854775807", "-9223372036854775807/9223372036854775808",
       "-170141183460469231713240559642174554113/85070591730234615856620279821087277056",
       "-18446744073709551615/85070591730234615856620279821087277056", "1",
       "85070591730234615865843651857942052864/85070591730234615847396907784232501249"},
      {"0", "7/9", "7/9", "-7/9", "0", "0"},
      {"-9223372036854775808", "-9223372036854775808", "-18446744073709551616", "0",
       "85070591730234615865843651857942052864", "1"},
      {"1/9223372036854775807", "9223372036854775807",
       "85070591730234615847396907784232501250/9223372036854775807",
       "-85070591730234615847396907784232501248/9223372036854775807", "1",
       "1/85070591730234615847396907784232501249"},
      {"-9223372036854775808/3", "-2/9223372036854775807",
       "-85070591730234615856620279821087277062/27670116110564327421",
       "-85070591730234615856620279821087277050/27670116110564327421",
       "18446744073709551616/27670116110564327421",
       "42535295865117307928310139910543638528/3"},
  };
  for (const Row& row : rows) {
    INFO("a = " << row.a << ", b = " << row.b);
    const Rational a = Q(row.a), b = Q(row.b);
    CHECK(Str(a + b) == row.sum);
    CHECK(Str(a - b) == row.diff);
    CHECK(Str(a * b) == row.prod);
    CHECK(Str(a / b) == row.quot);
    for (const Rational& r : {a + b, a - b, a * b, a / b}) CheckLowestTerms(r);
    Rational c = a;
    c += b;
    CHECK(c == a + b);
    c -= b;
    CHECK(c == a);
    c *= b;
    CHECK(c == a * b);
    c /= b;
    CHECK(c == a);
  }
}

TEST_CASE("Rational fast paths agree with the BigInt definition") {
  // Operands near the int64 limits exercise every overflow fallback.
  const int64_t nums[] = {0, 1, -1, 2, -3, 7, 50, -100, 1000000007, int64_t{1} << 32,
                          kMax, kMin, kMax - 1, kMin + 1, int64_t{3037000499}, -(int64_t{1} << 62)};
  const int64_t dens[] = {1, 2, 3, 6, 10, 40, 1000000007, int64_t{1} << 31, kMax, kMax - 1,
                          int64_t{3037000499}, int64_t{1} << 62};
  std::vector<Rational> values;
  for (int64_t n : nums) {
    for (int64_t d : dens) values.push_back(Rational(n, d));
  }
  for (const Rational& a : values) {
    for (const Rational& b : values) {
      INFO("a = " << Str(a) << ", b = " << Str(b));
      const BigInt &an = a.num(), &ad = a.den(), &bn = b.num(), &bd = b.den();
      const Rational sum = a + b, diff = a - b, prod = a * b;
      CHECK(sum == Rational(an * bd + bn * ad, ad * bd));
      CHECK(diff == Rational(an * bd - bn * ad, ad * bd));
      CHECK(prod == Rational(an * bn, ad * bd));
      // Equality of normalised values is equality of parts.
      CHECK(Str(sum) == Str(Rational(an * bd + bn * ad, ad * bd)));
      CHECK(Str(prod) == Str(Rational(an * bn, ad * bd)));
      CheckLowestTerms(sum);
      CheckLowestTerms(diff);
      CheckLowestTerms(prod);
      if (!b.is_zero()) {
        const Rational quot = a / b;
        CHECK(Str(quot) == Str(Rational(an * bd, ad * bn)));
        CheckLowestTerms(quot);
      }
      CHECK(Compare(a, b) == Compare(an * bd, bn * ad));
    }
  }
}

TEST_CASE("Rational splits exactly") {
  const Rational third = Rational(50) / 3;
  CHECK(Str(third) == "50/3");
  CHECK(third * 3 == 50);
  CHECK((third * 3).is_integer());
  const Rational total = third + third + third + 40 + 10;
  CHECK(total == 100);
  CHECK(Str(total) == "100");
  CHECK(total.is_integer());
  CHECK(total.FormatFixed(2) == "100.00");
  CHECK_FALSE(third.is_integer());
  Rational sum;
  for (int i = 0; i < 7; ++i) sum += Rational(1, 7);
  CHECK(sum == 1);
  CHECK(*Rational::ParseDecimal("5.35") * *Rational::ParseDecimal("0.5") == Q("107/40"));
}

TEST_CASE("Rational overflows into big parts and returns to small") {
  const Rational two62 = int64_t{1} << 62;
  const Rational big = two62 * 4;
  CHECK(Str(big) == kTwoTo64);
  int64_t v = 0;
  CHECK_FALSE(big.num().ToInt64(&v));
  const Rational back = big / 4;
  CHECK(back == two62);
  CHECK(back == Rational(int64_t{1} << 62));
  CHECK(back.num().ToInt64(&v));
  CHECK(v == int64_t{1} << 62);
  CHECK(back < Rational(kMax));
  CHECK(big > Rational(kMax));
  // Sums that overflow and cancel.
  const Rational s = Rational(kMax) + Rational(kMax) - Rational(kMax);
  CHECK(s == kMax);
  CHECK(s.num().ToInt64(&v));
  CHECK(v == kMax);
  // Denominators that overflow and cancel.
  const Rational tiny = Rational(1, kMax) * Rational(1, kMax);
  CHECK_FALSE(tiny.den().ToInt64(&v));
  const Rational one = tiny * kMax * kMax;
  CHECK(one == 1);
  CHECK(one.den().ToInt64(&v));
  CHECK(v == 1);
  CHECK(-Rational(kMin) == Q(kTwoTo63));
  CHECK(-(-Rational(kMin)) == kMin);
  CHECK((-(-Rational(kMin))).num().ToInt64(&v));
  CHECK(Rational(kMin) / -1 == Q(kTwoTo63));
  CHECK(Rational(1) / kMin == Q("-1/9223372036854775808"));
  CHECK(Rational(kMin) / kMin == 1);
}

TEST_CASE("Rational Compare orders values across representations") {
  const std::vector<Rational> ascending = {
      -Q(kTwoTo100),
      Q("-18446744073709551617/2"),
      kMin,
      Q("-9223372036854775807/2"),
      -1,
      Q("-1/3"),
      Q("-1/18446744073709551616"),
      0,
      Q("1/18446744073709551616"),
      Rational(1, kMax),
      Q("1/3"),
      Q("1/2"),
      Q("2/3"),
      1,
      Q("18446744073709551615/18446744073709551614"),
      kMax,
      Q("18446744073709551615/2"),
      Q(kTwoTo63),
      Q("1267650600228229401496703205376/3"),
  };
  for (size_t i = 0; i < ascending.size(); ++i) {
    for (size_t j = 0; j < ascending.size(); ++j) {
      INFO("i = " << i << ", j = " << j);
      const Rational &a = ascending[i], &b = ascending[j];
      CHECK(Compare(a, b) == (i > j) - (i < j));
      CHECK((a == b) == (i == j));
      CHECK((a != b) == (i != j));
      CHECK((a < b) == (i < j));
      CHECK((a <= b) == (i <= j));
      CHECK((a > b) == (i > j));
      CHECK((a >= b) == (i >= j));
    }
    CHECK(ascending[i].sign() == (i < 7 ? -1 : i == 7 ? 0 : 1));
    CHECK(ascending[i].is_zero() == (i == 7));
  }
}

TEST_CASE("Rational::ParseDecimal accepts plain decimals") {
  struct Row {
    const char *text, *expected;
  };
  const Row rows[] = {
      {"5.86", "293/50"},
      {"-0.5", "-1/2"},
      {"12", "12"},
      {".5", "1/2"},
      {"5.", "5"},
      {"+3", "3"},
      {"010", "10"},
      {"0", "0"},
      {"-0", "0"},
      {"-0.0", "0"},
      {"0.000", "0"},
      {"2.675", "107/40"},
      {"-.25", "-1/4"},
      {"+.5", "1/2"},
      {"99.990", "9999/100"},
      {"9223372036854775807", "9223372036854775807"},
      {"9223372036854775808", "9223372036854775808"},
      {"-9223372036854775808", "-9223372036854775808"},
      {"1.000000000000000001", "1000000000000000001/1000000000000000000"},
      {"123456789012345678901234.5", "246913578024691357802469/2"},
      {"0.0000000000000000000001", "1/10000000000000000000000"},
      {"00000000000000000000000000042", "42"},
      {"-00000000000000000000000000042.5000000000000000", "-85/2"},
  };
  for (const Row& row : rows) {
    INFO("text = " << row.text);
    const std::optional<Rational> r = Rational::ParseDecimal(row.text);
    REQUIRE(r.has_value());
    CHECK(Str(*r) == row.expected);
    CheckLowestTerms(*r);
  }
}

TEST_CASE("Rational::ParseDecimal rejects everything else") {
  const char* const rejected[] = {
      "",    ".",    "-",     "+",    "-.",   "+.",   "1e5",   "1E5",  "1,000", " 1",
      "1 ",  "\t1",  "1\n",   "0x10", "nan",  "NaN",  "inf",   "-inf", "1.2.3", "--1",
      "+-1", "-+1",  "1-",    "1+",   "1_000", "½",   "١",     "１",   "1..",   "..1",
      "1/2", "- 1",  "1.5e0", "0b1",  "1.-5", "١.٥",
  };
  for (const char* text : rejected) {
    INFO("text = \"" << text << "\"");
    CHECK_FALSE(Rational::ParseDecimal(text).has_value());
  }
  CHECK_FALSE(Rational::ParseDecimal(std::string_view("1\0", 2)).has_value());
  CHECK_FALSE(Rational::ParseDecimal(std::string_view("\0" "1", 2)).has_value());
}

TEST_CASE("Rational::Round rounds half away from zero on the exact value") {
  struct Row {
    Rational value;
    int places;
    const char* expected;  // the rounded value, exactly
  };
  const Row rows[] = {
      {Q("107/40"), 2, "2.68"},                          // 2.675
      {Q("-107/40"), 2, "-2.68"},                        // -2.675
      {Q("107/20") * Q("1/2"), 2, "2.68"},               // 5.35 * 0.5
      {Q("1/3"), 2, "0.33"},
      {Q("2/3"), 2, "0.67"},
      {Q("-2/3"), 2, "-0.67"},
      {Q("1/200"), 2, "0.01"},                           // 0.005
      {Q("-1/200"), 2, "-0.01"},
      {Q("49999/10000000"), 2, "0"},                     // 0.0049999
      {Q("-1/1000"), 2, "0"},
      {Q("1/2"), 0, "1"},
      {Q("-1/2"), 0, "-1"},
      {Q("3/2"), 0, "2"},
      {Q("5/2"), 0, "3"},                                // not to even
      {Q("1/8"), 2, "0.13"},
      {Q("19999/200"), 2, "100"},                        // 99.995
      {Q("1/7"), 6, "0.142857"},
      {Q("2/3"), 0, "1"},
      {100, 2, "100"},
      {Q("2469/2"), -2, "1200"},                         // 1234.5
      {-1250, -2, "-1300"},
      {1249, -2, "1200"},
      {Q("2000000000000000000000000000001/2"), 0, "1000000000000000000000000000001"},
      {Q("1/3"), 20, "0.33333333333333333333"},
      {Q("1267650600228229401496703205376/3"), 2, "422550200076076467165567735125.33"},
      {Q("9223372036854775807/2"), 2, "4611686018427387903.5"},
      {Q("-9223372036854775807/2"), 0, "-4611686018427387904"},
      {kMin, 2, "-9223372036854775808"},
  };
  for (const Row& row : rows) {
    INFO("value = " << Str(row.value) << ", places = " << row.places);
    const Rational r = row.value.Round(row.places);
    const std::optional<Rational> expected = Rational::ParseDecimal(row.expected);
    REQUIRE(expected.has_value());
    CHECK(r == *expected);
    CheckLowestTerms(r);
  }
}

TEST_CASE("Rational::FormatFixed and FormatShort") {
  struct Row {
    Rational value;
    int places;
    const char *fixed, *shortest;
  };
  const Row rows[] = {
      {Q("107/40"), 2, "2.68", "2.68"},
      {Q("-107/40"), 2, "-2.68", "-2.68"},
      {100, 2, "100.00", "100"},
      {Q("-1/1000"), 2, "0.00", "0"},
      {Q("-1/250"), 2, "0.00", "0"},         // -0.004
      {Q("-1/200"), 2, "-0.01", "-0.01"},
      {Q("963/10"), 2, "96.30", "96.3"},
      {10, 2, "10.00", "10"},
      {Q("9767/10000"), 4, "0.9767", "0.9767"},
      {Q("1/3"), 4, "0.3333", "0.3333"},
      {Q("-5/2"), 0, "-3", "-3"},
      {Q("1999/1000"), 2, "2.00", "2"},
      {0, 3, "0.000", "0"},
      {Q("1/20"), 1, "0.1", "0.1"},          // 0.05 rounds up
      {Q("-1/20"), 1, "-0.1", "-0.1"},
      {Q("1/100"), 1, "0.0", "0"},
      {Q("-123456789/100"), 3, "-1234567.890", "-1234567.89"},
      {Q(kTwoTo100), 2, "1267650600228229401496703205376.00", "1267650600228229401496703205376"},
      {Q("-1267650600228229401496703205376/3"), 2, "-422550200076076467165567735125.33",
       "-422550200076076467165567735125.33"},
      {Q("1/3"), 20, "0.33333333333333333333", "0.33333333333333333333"},
      {kMin, 1, "-9223372036854775808.0", "-9223372036854775808"},
      {1250, -2, "1300", "1300"},
  };
  for (const Row& row : rows) {
    INFO("value = " << Str(row.value) << ", places = " << row.places);
    CHECK(row.value.FormatFixed(row.places) == row.fixed);
    CHECK(row.value.FormatShort(row.places) == row.shortest);
  }
}

// FormatFixed's text rebuilt from Round, which takes the BigInt path: the
// digits of round(v * 10^places), the point inserted, no sign on zero.
std::string FixedByRound(const Rational& v, int places) {
  BigInt unit = 1;
  for (int i = 0; i < places; ++i) unit = unit * 10;
  const Rational scaled = v.Round(places) * Rational(unit, 1);
  REQUIRE(scaled.is_integer());
  std::string digits = scaled.num().Abs().ToString();
  const size_t p = static_cast<size_t>(places);
  if (p > 0) {
    if (digits.size() <= p) digits.insert(0, p + 1 - digits.size(), '0');
    digits.insert(digits.size() - p, 1, '.');
  }
  return scaled.num().is_negative() ? "-" + digits : digits;
}

TEST_CASE("Rational::FormatFixedApart: as many decimals as show the value is not the bound") {
  const Rational bound(90);
  // 5.39999 / 6 = 0.899998333...; × 100 = 89.9998333...: "90.00" at two
  // places, "89.9998" at four (89.9998 ≠ 90.0000).
  const Rational rate = *Rational::ParseDecimal("5.39999") / Rational(6) * Rational(100);
  CHECK(rate.FormatFixed(2) == "90.00");
  CHECK(rate.FormatFixedApart(bound, 2) == "89.9998");
  CHECK(Rational(90).FormatFixedApart(bound, 2) == "90.00");                     // equal
  CHECK(Rational(8995, 100).FormatFixedApart(bound, 2) == "89.95");             // apart at 2
  CHECK(Rational(8999, 100).FormatFixedApart(bound, 2) == "89.99");
  CHECK(Rational(899951, 10000).FormatFixedApart(bound, 2) == "89.995");        // 90.00 -> 89.995
  CHECK(Rational(900001, 10000).FormatFixedApart(bound, 2) == "90.0001");       // above, too
  // Closer than 10^-10: at most eight more places, then as it rounds there.
  const Rational tiny = Rational(90) - Rational(1) / Rational(int64_t{100000000000});
  CHECK(tiny.FormatFixedApart(bound, 2) == "90.0000000000");
}

TEST_CASE("Rational::FormatFixed in 64 bits gives the BigInt path's text") {
  // At the edges of the 64-bit path: |n| * 10^places just fits or just does
  // not (18446744073709551615 is 2^64 - 1), a denominator near 2^63 where 2r
  // would overflow, exact halves of both signs, INT64_MIN.
  const Rational rows[] = {
      Q("184467440737095516/1"),        Q("-184467440737095516/1"),
      Q("184467440737095517/1"),        Q("9223372036854775807/9223372036854775806"),
      Q("4611686018427387904/9223372036854775807"),
      Q("-4611686018427387904/9223372036854775807"),
      Q("1/9223372036854775807"),       Q("-9223372036854775807/2"),
      Q("-9223372036854775808/3"),      Q("5/1000"), Q("-5/1000"), Q("-4999/1000000"),
      Q("1/2"),                         Q("-1/2"), Q("999995/1000000"), Q("-999995/1000000"),
  };
  for (const Rational& v : rows) {
    for (int places = 0; places <= 20; ++places) {
      INFO("value = " << Str(v) << ", places = " << places);
      CHECK(v.FormatFixed(places) == FixedByRound(v, places));
    }
  }
  // And a spread of fractions of every size, the same each run.
  random_testing::SplitMix64 random(1);
  auto next = [&random] { return random.Next(); };
  for (int i = 0; i < 20000; ++i) {
    const int nbits = static_cast<int>(next() % 63) + 1, dbits = static_cast<int>(next() % 63) + 1;
    int64_t n = static_cast<int64_t>(next() >> (64 - nbits));
    const int64_t d = static_cast<int64_t>(next() >> (64 - dbits)) | 1;
    if (next() % 2) n = -n;
    const Rational v(n, d);
    const int places = static_cast<int>(next() % 19);
    INFO("value = " << n << "/" << d << ", places = " << places);
    REQUIRE(v.FormatFixed(places) == FixedByRound(v, places));
  }
}

TEST_CASE("Rational::ToDecimalString") {
  struct Row {
    Rational value;
    int max_places;
    const char* expected;
  };
  const Row rows[] = {
      {Q("293/50"), 6, "5.86"},
      {Q("1/2"), 6, "0.5"},
      {12, 6, "12"},
      {-12, 0, "-12"},  // an integer ignores max_places
      {Q("9223372036854775807"), 6, "9223372036854775807"},
      {Q("-9223372036854775808"), 6, "-9223372036854775808"},
      {Q("9223372036854775808"), 6, "9223372036854775808"},  // 2^63, a BigInt
      {Q("1/8"), 6, "0.125"},
      {Q("-7/2"), 6, "-3.5"},
      {0, 6, "0"},
      {Q("1/1024"), 6, "0.0009765625"},  // exact even beyond max_places
      {Q("1/3"), 6, "0.333333"},
      {Q("1/3"), 2, "0.33"},
      {Q("2/3"), 6, "0.666667"},
      {Q("-1/6"), 6, "-0.166667"},
      {Q("1/30"), 2, "0.03"},
      {Q("1/300"), 2, "0"},
      {Q("-1/300"), 2, "0"},
      {Q("1/10000000000000000000000000"), 6, "0.0000000000000000000000001"},
      {Q("1/1180591620717411303424"), 6,  // 2^-70
       "0.000000000000000000000847032947254300339068322500679641962051391601562"
       "5"},
      {Q(kTwoTo100), 6, "1267650600228229401496703205376"},
      {Q("-1267650600228229401496703205377/2"), 6, "-633825300114114700748351602688.5"},
      {Q("1/3541774862152233910272"), 6, "0"},  // 1 / (3 * 2^70)
      {Q("1267650600228229401496703205376/3"), 3, "422550200076076467165567735125.333"},
  };
  for (const Row& row : rows) {
    INFO("value = " << Str(row.value) << ", max_places = " << row.max_places);
    CHECK(row.value.ToDecimalString(row.max_places) == row.expected);
  }
  CHECK(Q("1/3").ToDecimalString() == "0.333333");
}

TEST_CASE("Rational::ToDouble approximates") {
  CHECK(Rational(0).ToDouble() == 0.0);
  CHECK(Q("1/2").ToDouble() == 0.5);
  CHECK(Q("-7/2").ToDouble() == -3.5);
  CHECK(Q("1/3").ToDouble() == doctest::Approx(1.0 / 3));
  CHECK(Q(kTwoTo100).ToDouble() == doctest::Approx(1.2676506002282294e30));
  CHECK(Q("-9223372036854775809/3").ToDouble() == doctest::Approx(-3.0744573456182584e18));
  // Parts beyond the double range, value within it.
  const BigInt ten400 = B("1" + std::string(400, '0'));
  const BigInt ten399 = B("1" + std::string(399, '0'));
  CHECK(Rational(ten400 + 1, ten399).ToDouble() == doctest::Approx(10.0));
  CHECK(Rational(-ten399, ten400 * 4).ToDouble() == doctest::Approx(-0.025));
}

TEST_CASE("Min, Max and Clamp01") {
  CHECK(Min(Q("1/3"), Q("1/2")) == Q("1/3"));
  CHECK(Max(Q("1/3"), Q("1/2")) == Q("1/2"));
  CHECK(Clamp01(Q("-1/2")) == 0);
  CHECK(Clamp01(Q("1/2")) == Q("1/2"));
  CHECK(Clamp01(Q("3/2")) == 1);
  CHECK(Clamp01(Q(kTwoTo100)) == 1);
  CHECK(Clamp01(-Q(kTwoTo100)) == 0);
}

TEST_CASE("Small-value fast paths do not allocate") {
  const Rational a = Q("107/20"), b = Q("-50/3");
  const BigInt x = 123456789, y = -987654321;
  int64_t sink = 0;
  const long before = g_allocations.load();
  for (int i = 0; i < 100; ++i) {
    const Rational r = a + b;
    const Rational s = a - b;
    const Rational t = a * b;
    const Rational u = a / b;
    const Rational v = Rational(BigInt(6 + i), BigInt(-4));
    const Rational w = (r * s + t / u - v).Round(2);
    sink += w.sign() + (Compare(a, b) > 0) + (-a).sign() + Clamp01(w).sign();
    sink += w.is_integer() + (a == b);
    const BigInt p = x * y + x - y;
    BigInt q, m;
    BigInt::DivMod(p, y, &q, &m);
    BigInt::DivMod(BigInt(kMin), kMax, &q, nullptr);
    const BigInt g = BigInt::Gcd(p, x);
    sink += g.sign() + (-x).Abs().sign() + (p < q) + m.sign() + q.sign();
    sink += (BigInt(kMax) + BigInt(kMin)).sign() + BigInt::Gcd(kMin, -kMax).sign();
  }
  CHECK(g_allocations.load() - before == 0);
  CHECK(sink != 0);
  const long before_big = g_allocations.load();
  const Rational big = Rational(kMax) * Rational(kMax);
  CHECK(g_allocations.load() > before_big);  // the counter does count
  CHECK(big > kMax);
}

TEST_CASE("ParseDecimal reads at most kMaxDecimalDigits digits") {
  // Parsing costs time quadratic in the digits: longer numbers are refused
  // before any work, whole part and fraction alike.
  const std::string max(kMaxDecimalDigits, '9');
  const std::string over(kMaxDecimalDigits + 1, '9');
  CHECK(Rational::ParseDecimal(max).has_value());
  CHECK(Rational::ParseDecimal("0." + std::string(kMaxDecimalDigits - 1, '9')).has_value());
  CHECK_FALSE(Rational::ParseDecimal(over).has_value());
  CHECK_FALSE(Rational::ParseDecimal("0." + over).has_value());
  CHECK_FALSE(Rational::ParseDecimal(std::string(1000000, '9')).has_value());
}

}  // namespace
}  // namespace jixiao
