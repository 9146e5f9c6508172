// Tests of BigInt (exact.h). Expected values of big results were computed
// independently (Python integers).
#include "base/exact.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "base/exact_testing.h"

namespace jixiao {
namespace {

using testing::B;
using testing::CheckCanonical;
using testing::kMax;
using testing::kMin;
using testing::kTwoTo100;
using testing::kTwoTo63;
using testing::kTwoTo64;

// A deterministic 64-bit generator (splitmix64).
struct Rng {
  uint64_t state;
  uint64_t Next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
};

// A random BigInt of up to max_limbs 32-bit limbs, with limbs biased towards
// the patterns that stress carries and division (0, 1, 0x80000000, ~0).
BigInt RandomBig(Rng* rng, int max_limbs) {
  static const uint32_t kPatterns[] = {0, 1, 0x7fffffffu, 0x80000000u, 0xffffffffu};
  const int limbs = 1 + static_cast<int>(rng->Next() % static_cast<uint64_t>(max_limbs));
  const BigInt base = BigInt(int64_t{1} << 32);
  BigInt v;
  for (int i = 0; i < limbs; ++i) {
    const uint64_t r = rng->Next();
    const uint32_t limb = (r & 3) == 0 ? kPatterns[(r >> 8) % 5] : static_cast<uint32_t>(r >> 32);
    v = v * base + BigInt(static_cast<int64_t>(limb));
  }
  return (rng->Next() & 1) ? -v : v;
}

TEST_CASE("BigInt arithmetic matches known values, small and big") {
  struct Row {
    const char *a, *b, *sum, *diff, *prod, *quot, *rem;
  };
  const Row rows[] = {
      {"7", "2", "9", "5", "14", "3", "1"},
      {"-7", "2", "-5", "-9", "-14", "-3", "-1"},
      {"7", "-2", "5", "9", "-14", "-3", "1"},
      {"-7", "-2", "-9", "-5", "14", "3", "-1"},
      {"9223372036854775807", "1", "9223372036854775808", "9223372036854775806",
       "9223372036854775807", "9223372036854775807", "0"},
      {"-9223372036854775808", "-1", "-9223372036854775809", "-9223372036854775807",
       "9223372036854775808", "9223372036854775808", "0"},
      {"-9223372036854775808", "1", "-9223372036854775807", "-9223372036854775809",
       "-9223372036854775808", "-9223372036854775808", "0"},
      {"9223372036854775807", "9223372036854775807", "18446744073709551614", "0",
       "85070591730234615847396907784232501249", "1", "0"},
      {"4294967296", "4294967296", "8589934592", "0", "18446744073709551616", "1", "0"},
      {"18446744073709551616", "-3", "18446744073709551613", "18446744073709551619",
       "-55340232221128654848", "-6148914691236517205", "1"},
      {"1267650600228229401496703205376", "1125899906842624", "1267650600228230527396610048000",
       "1267650600228228275596796362752", "1427247692705959881058285969449495136382746624",
       "1125899906842624", "0"},
      {"1000000000000000000000000000007", "1000000000000000", "1000000000000001000000000000007",
       "999999999999999000000000000007", "1000000000000000000000000000007000000000000000",
       "1000000000000000", "7"},
      {"-1000000000000000000000000000007", "1000000000000000", "-999999999999999000000000000007",
       "-1000000000000001000000000000007", "-1000000000000000000000000000007000000000000000",
       "-1000000000000000", "-7"},
      {"9223372036854775808", "-9223372036854775808", "0", "18446744073709551616",
       "-85070591730234615865843651857942052864", "-1", "0"},
      {"9223372036854775808", "1", "9223372036854775809", "9223372036854775807",
       "9223372036854775808", "9223372036854775808", "0"},
      {"-9223372036854775809", "1", "-9223372036854775808", "-9223372036854775810",
       "-9223372036854775809", "-9223372036854775809", "0"},
      {"340282366920938463463374607431768211455", "18446744073709551615",
       "340282366920938463481821351505477763070", "340282366920938463444927863358058659840",
       "6277101735386680763495507056286727952620534092958556749825", "18446744073709551617", "0"},
      {"1234567890123456789012345678901234567890", "9876543210987654321012345",
       "1234567890123466665555556666555555580235", "1234567890123446912469134691246913555545",
       "12193263113702179522511811382853231138284103787517162093430602050", "124999998860937",
       "4938423033047756519300625"},
      {"123456789012345678901234567890", "-987654321098765432109876543210",
       "-864197532086419753208641975320", "1111111110111111111011111111100",
       "-121932631137021795226185032733622923332237463801111263526900", "0",
       "123456789012345678901234567890"},
      // Limbs 0x7fffffff 80000000 0 0 over 0x80000000 0 1: Algorithm D must
      // correct its quotient estimate by adding back.
      {"170141183420855150474555134919112130560", "39614081257132168796771975169",
       "170141183460469231731687303715884105729", "170141183381241069217422966122340155391",
       "6739986665218384514820083580966101496028224652084109394079006064640", "4294967294",
       "39614081257132168792477007874"},
      {"-9223372036854775808", "9223372036854775807", "-1", "-18446744073709551615",
       "-85070591730234615856620279821087277056", "-1", "-1"},
      {"0", "-1180591620717411303424", "-1180591620717411303424", "1180591620717411303424", "0",
       "0", "0"},
      {"18446744073709551615", "4294967297", "18446744078004518912", "18446744069414584318",
       "79228162532711081662958534655", "4294967295", "0"},
  };
  for (const Row& row : rows) {
    INFO("a = " << row.a << ", b = " << row.b);
    const BigInt a = B(row.a), b = B(row.b);
    CHECK((a + b).ToString() == row.sum);
    CHECK((a - b).ToString() == row.diff);
    CHECK((a * b).ToString() == row.prod);
    BigInt q, r;
    BigInt::DivMod(a, b, &q, &r);
    CHECK(q.ToString() == row.quot);
    CHECK(r.ToString() == row.rem);
    for (const BigInt& v : {a + b, a - b, a * b, q, r}) CheckCanonical(v);
  }
}

TEST_CASE("BigInt results that fit int64 return to the small form") {
  const BigInt two62 = BigInt(int64_t{1} << 62);
  const BigInt big = two62 * 4;  // 2^64
  CHECK(big.ToString() == kTwoTo64);
  int64_t v = 0;
  CHECK_FALSE(big.ToInt64(&v));
  BigInt q;
  BigInt::DivMod(big, 4, &q, nullptr);
  CHECK(q.ToInt64(&v));
  CHECK(v == int64_t{1} << 62);
  CHECK(q == two62);
  CHECK(Compare(q, two62) == 0);

  CHECK((big - big).ToInt64(&v));
  CHECK(v == 0);
  CHECK((big - B("18446744073709551611")).ToInt64(&v));
  CHECK(v == 5);
  CHECK((B(kTwoTo63) - 1).ToInt64(&v));
  CHECK(v == kMax);
  CHECK((-B(kTwoTo63)).ToInt64(&v));
  CHECK(v == kMin);
  CHECK((B("-9223372036854775809") + 1).ToInt64(&v));
  CHECK(v == kMin);
  CHECK(BigInt::Gcd(B(kTwoTo100), 6).ToInt64(&v));
  CHECK(v == 2);
  BigInt r;
  BigInt::DivMod(B(kTwoTo100) + 12345, B(kTwoTo100), nullptr, &r);
  CHECK(r.ToInt64(&v));
  CHECK(v == 12345);
  CHECK(B("-00000000000000000000000000000042").ToInt64(&v));
  CHECK(v == -42);
}

TEST_CASE("BigInt INT64_MIN edge cases") {
  const BigInt min = kMin;
  CHECK((-min).ToString() == kTwoTo63);
  CHECK(min.Abs().ToString() == kTwoTo63);
  CHECK((-(-min)) == min);
  CHECK((min * -1).ToString() == kTwoTo63);
  CHECK((min - 1).ToString() == "-9223372036854775809");
  CHECK((min + min).ToString() == "-18446744073709551616");
  CHECK((min * min).ToString() == "85070591730234615865843651857942052864");
  BigInt q, r;
  BigInt::DivMod(min, -1, &q, &r);
  CHECK(q.ToString() == kTwoTo63);
  CHECK(r.is_zero());
  BigInt::DivMod(min, 1, &q, &r);
  CHECK(q == min);
  CHECK(r.is_zero());
  BigInt::DivMod(min, min, &q, &r);
  CHECK(q == 1);
  CHECK(r.is_zero());
  BigInt::DivMod(min, kMax, &q, &r);
  CHECK(q == -1);
  CHECK(r == -1);
  BigInt::DivMod(min, 10, &q, &r);
  CHECK(q == -922337203685477580);
  CHECK(r == -8);
  CHECK(BigInt::Gcd(min, min).ToString() == kTwoTo63);
  CHECK(BigInt::Gcd(min, 0).ToString() == kTwoTo63);
  CHECK(BigInt::Gcd(0, min).ToString() == kTwoTo63);
  CHECK(min.is_negative());
  CHECK(min.sign() == -1);
  CHECK(min.ToString() == "-9223372036854775808");
  CHECK(BigInt(kMax).Abs() == kMax);
  CHECK((-BigInt(kMax)).Abs() == kMax);
}

TEST_CASE("BigInt DivMod accepts aliased and null outputs") {
  BigInt a = B("1000000000000000000000000000007");
  BigInt b = B("1000000000000000");
  BigInt::DivMod(a, b, &a, &b);
  CHECK(a == B("1000000000000000"));
  CHECK(b == 7);
  BigInt c = 17;
  BigInt::DivMod(c, 5, nullptr, &c);
  CHECK(c == 2);
  BigInt d = 17;
  BigInt::DivMod(d, d, &d, nullptr);
  CHECK(d == 1);
}

TEST_CASE("BigInt powers of two and ten") {
  BigInt p = 1;
  for (int i = 0; i < 100; ++i) p = p * 2;
  CHECK(p.ToString() == kTwoTo100);
  const BigInt two50 = int64_t{1} << 50;
  CHECK(two50 * two50 == p);
  CHECK(B(kTwoTo100) == p);
  // Halving back down crosses into the small form at 2^62.
  for (int i = 100; i > 63; --i) BigInt::DivMod(p, 2, &p, nullptr);
  CHECK(p.ToString() == kTwoTo63);
  int64_t v = 0;
  CHECK_FALSE(p.ToInt64(&v));
  BigInt::DivMod(p, 2, &p, nullptr);
  CHECK(p.ToInt64(&v));
  CHECK(v == int64_t{1} << 62);

  BigInt ten30 = 1;
  for (int i = 0; i < 30; ++i) ten30 = ten30 * 10;
  CHECK(ten30.ToString() == "1" + std::string(30, '0'));
  BigInt q, r;
  BigInt::DivMod(ten30 + 7, BigInt(1000000000000000), &q, &r);
  CHECK(q == 1000000000000000);
  CHECK(r == 7);
  BigInt::DivMod(-(ten30 + 7), BigInt(1000000000000000), &q, &r);
  CHECK(q == -1000000000000000);
  CHECK(r == -7);
}

TEST_CASE("BigInt DivMod: a == q * b + r with |r| < |b| and r of a's sign") {
  Rng rng{42};
  for (int i = 0; i < 3000; ++i) {
    const BigInt a = RandomBig(&rng, 8);
    BigInt b = RandomBig(&rng, 5);
    if (b.is_zero()) b = 3;
    BigInt q, r;
    BigInt::DivMod(a, b, &q, &r);
    INFO("a = " << a.ToString() << ", b = " << b.ToString());
    CHECK(q * b + r == a);
    CHECK(r.Abs() < b.Abs());
    CHECK((r.is_zero() || r.sign() == a.sign()));
    CheckCanonical(q);
    CheckCanonical(r);
    CHECK(BigInt::Parse(a.ToString()) == a);
    CHECK((a + b) - b == a);
    CHECK((a * b == b * a));
  }
}

TEST_CASE("BigInt Gcd") {
  struct Row {
    const char *a, *b, *gcd;
  };
  const Row rows[] = {
      {"0", "0", "0"},
      {"0", "5", "5"},
      {"-12", "18", "6"},
      {"12", "-18", "6"},
      {"-9223372036854775808", "-9223372036854775808", "9223372036854775808"},
      {"-9223372036854775808", "0", "9223372036854775808"},
      {"-9223372036854775808", "6", "2"},
      {"1000000", "-10", "10"},
      {"1000000007", "3", "1"},
      {"7", "7", "7"},
      {"1", "9223372036854775807", "1"},
      {"4611686018427387904", "9223372036854775807", "1"},
      {"9223372036854775806", "6148914691236517204", "3074457345618258602"},
      {"1267650600228229401496703205376", "55340232221128654848", "18446744073709551616"},
      // Consecutive Fibonacci numbers: the slowest case for Euclid.
      {"354224848179261915075", "218922995834555169026", "1"},
      {"308039095855459744563698878906368", "162663094094065646797062144",
       "286883763834330946732032"},
      {"1000000000000000000000000000007", "1000000000000007", "1"},
      {"-10000000000000000000000000000000000000000", "3500000000000000000000",
       "500000000000000000000"},
  };
  for (const Row& row : rows) {
    INFO("a = " << row.a << ", b = " << row.b);
    const BigInt g = BigInt::Gcd(B(row.a), B(row.b));
    CHECK(g.ToString() == row.gcd);
    CHECK(BigInt::Gcd(B(row.b), B(row.a)) == g);
    CheckCanonical(g);
  }
}

TEST_CASE("BigInt Compare orders values across representations") {
  // Ascending, mixing big negatives, small values and big positives.
  const std::vector<BigInt> ascending = {
      -B(kTwoTo100), -B(kTwoTo64), B("-9223372036854775809"), kMin, kMin + 1, -1, 0, 1,
      kMax - 1,      kMax,         B(kTwoTo63),             B(kTwoTo64), B(kTwoTo100),
  };
  for (size_t i = 0; i < ascending.size(); ++i) {
    for (size_t j = 0; j < ascending.size(); ++j) {
      INFO("i = " << i << ", j = " << j);
      const BigInt &a = ascending[i], &b = ascending[j];
      const int expected = (i > j) - (i < j);
      CHECK(Compare(a, b) == expected);
      CHECK((a == b) == (i == j));
      CHECK((a != b) == (i != j));
      CHECK((a < b) == (i < j));
      CHECK((a <= b) == (i <= j));
      CHECK((a > b) == (i > j));
      CHECK((a >= b) == (i >= j));
    }
    CHECK(ascending[i].sign() == (i < 6 ? -1 : i == 6 ? 0 : 1));
    CHECK(ascending[i].is_negative() == (i < 6));
    CHECK(ascending[i].is_zero() == (i == 6));
  }
}

TEST_CASE("BigInt Parse and ToString") {
  struct Row {
    const char *text, *canonical;
  };
  const Row accepted[] = {
      {"0", "0"},
      {"-0", "0"},
      {"007", "7"},
      {"-42", "-42"},
      {"9223372036854775807", "9223372036854775807"},
      {"-9223372036854775808", "-9223372036854775808"},
      {"9223372036854775808", "9223372036854775808"},
      {"-9223372036854775809", "-9223372036854775809"},
      {"000000000000000000000000000000", "0"},
      {"1000000000", "1000000000"},
      {"1000000000000000000000000000", "1000000000000000000000000000"},
      {"-123456789012345678901234567890123456789", "-123456789012345678901234567890123456789"},
  };
  for (const Row& row : accepted) {
    INFO("text = " << row.text);
    const std::optional<BigInt> v = BigInt::Parse(row.text);
    REQUIRE(v.has_value());
    CHECK(v->ToString() == row.canonical);
    CheckCanonical(*v);
  }
  const char* const rejected[] = {"", "-", "+1", "--1", " 1", "1 ", "1a", "1.0", "1e5", "0x10",
                                  "1,000", "- 1", "١", "１"};
  for (const char* text : rejected) {
    INFO("text = " << text);
    CHECK_FALSE(BigInt::Parse(text).has_value());
  }
  CHECK_FALSE(BigInt::Parse(std::string_view("12\0" "3", 4)).has_value());
}

TEST_CASE("BigInt ToDouble approximates") {
  CHECK(BigInt(0).ToDouble() == 0.0);
  CHECK(BigInt(-5).ToDouble() == -5.0);
  CHECK(BigInt(kMin).ToDouble() == -9223372036854775808.0);
  CHECK(B(kTwoTo64).ToDouble() == 18446744073709551616.0);
  CHECK(B(kTwoTo100).ToDouble() == doctest::Approx(1.2676506002282294e30));
  CHECK((-B(kTwoTo100)).ToDouble() == doctest::Approx(-1.2676506002282294e30));
  CHECK(B("1" + std::string(300, '0')).ToDouble() == doctest::Approx(1e300));
}

}  // namespace
}  // namespace jixiao
