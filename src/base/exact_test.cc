// Tests for exact.h. Expected values of big results were computed
// independently (Python integers and fractions.Fraction).
#include "base/exact.h"

#include <doctest/doctest.h>

#include <atomic>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

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

namespace doctest {
template <>
struct StringMaker<jixiao::BigInt> {
  static String convert(const jixiao::BigInt& v) { return v.ToString().c_str(); }
};
template <>
struct StringMaker<jixiao::Rational> {
  static String convert(const jixiao::Rational& v) {
    return (v.num().ToString() + "/" + v.den().ToString()).c_str();
  }
};
}  // namespace doctest

namespace jixiao {
namespace {

constexpr int64_t kMin = INT64_MIN;
constexpr int64_t kMax = INT64_MAX;
const char* const kTwoTo63 = "9223372036854775808";
const char* const kTwoTo64 = "18446744073709551616";
const char* const kTwoTo100 = "1267650600228229401496703205376";

BigInt B(const std::string& text) {
  std::optional<BigInt> v = BigInt::Parse(text);
  REQUIRE_MESSAGE(v.has_value(), "bad test literal " << text);
  return *v;
}

// "n" or "n/d" (d may be negative; the result is normalised).
Rational Q(const std::string& text) {
  const size_t slash = text.find('/');
  if (slash == std::string::npos) return Rational(B(text), 1);
  return Rational(B(text.substr(0, slash)), B(text.substr(slash + 1)));
}

// "n" when the value is an integer, else "n/d": the form Python's Fraction
// prints, which also shows whether the value is in lowest terms.
std::string Str(const Rational& r) {
  if (r.den() == 1) return r.num().ToString();
  return r.num().ToString() + "/" + r.den().ToString();
}

// Checks the canonical form: ToInt64 succeeds exactly when the decimal
// value fits in int64_t, and then yields that value.
void CheckCanonical(const BigInt& v) {
  const std::string text = v.ToString();
  int64_t expected = 0;
  const auto res = std::from_chars(text.data(), text.data() + text.size(), expected);
  const bool fits = res.ec == std::errc() && res.ptr == text.data() + text.size();
  int64_t got = 0;
  INFO("value " << text);
  CHECK(v.ToInt64(&got) == fits);
  if (fits) CHECK(got == expected);
}

void CheckLowestTerms(const Rational& r) {
  CHECK(r.den().sign() == 1);
  CHECK(BigInt::Gcd(r.num(), r.den()) == 1);
  CheckCanonical(r.num());
  CheckCanonical(r.den());
}

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

// ---------------------------------------------------------------------------
// BigInt

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

// ---------------------------------------------------------------------------
// Rational

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
