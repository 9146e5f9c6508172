#include "base/exact_sum.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <vector>


namespace jixiao {

namespace {

Rational Q(int64_t n, int64_t d) { return Rational(BigInt(n), BigInt(d)); }

}  // namespace

TEST_CASE("ExactSum: nothing added is 0") { CHECK(ExactSum().Value() == Rational(0)); }

TEST_CASE("ExactSum: the exact sum, as Rationals added one by one give it") {
  // 25/2 + 1/3 + 7/300 + 1/2 = (3750 + 100 + 7 + 150) / 300 = 4007/300.
  ExactSum s;
  s.Add(Q(25, 2));
  s.Add(Q(1, 3));
  s.Add(Q(7, 300));
  s.Add(Q(1, 2));
  CHECK(s.Value() == Q(4007, 300));
  // 10 x 116.52/116.60 = 11652/1166 = 5826/583, plus 90: 58296/583.
  ExactSum t;
  t.Add(Rational(90));
  t.Add(Q(11652, 1166));
  CHECK(t.Value() == Q(58296, 583));
  CHECK(t.Value().FormatFixed(2) == "99.99");
}

TEST_CASE("ExactSum: many values of one denominator do not overflow 64 bits") {
  // 4 x 10^6 times (2^62 - 1)/7: the numerators' sum is far beyond 2^63.
  ExactSum s;
  const int64_t big = (int64_t{1} << 62) - 1;
  for (int i = 0; i < 4000000; ++i) s.Add(Q(big, 7));
  CHECK(s.Value() == Rational(BigInt(big) * BigInt(4000000), BigInt(7)));
}

TEST_CASE("ExactSum: negative values and values beyond 64 bits") {
  ExactSum s;
  s.Add(Q(-1, 3));
  const Rational huge(*BigInt::Parse("123456789012345678901234567890"), BigInt(7));
  s.Add(huge);
  s.Add(Q(1, 3));
  CHECK(s.Value() == huge);
}

TEST_CASE("ExactSum: the order of additions does not change the sum") {
  ExactSum a, b;
  for (int i = 1; i <= 50; ++i) a.Add(Q(i, i + 1));
  for (int i = 50; i >= 1; --i) b.Add(Q(i, i + 1));
  CHECK(a.Value() == b.Value());
  Rational one_by_one;
  for (int i = 1; i <= 50; ++i) one_by_one = one_by_one + Q(i, i + 1);
  CHECK(a.Value() == one_by_one);
}

TEST_CASE("ExactSum: the same sum whether the denominators' multiple fits 63 bits or not") {
  auto one_by_one = [](const std::vector<Rational>& v) {
    Rational sum;
    for (const Rational& r : v) sum = sum + r;
    return sum;
  };
  auto summed = [](const std::vector<Rational>& v) {
    ExactSum s;
    for (const Rational& r : v) s.Add(r);
    return s.Value();
  };
  // lcm(2..40) = 5,342,931,457,063,200 < 2^63: added over one denominator.
  std::vector<Rational> fits;
  for (int i = 1; i <= 39; ++i) fits.push_back(Q(i, i + 1));
  CHECK(summed(fits) == one_by_one(fits));
  // Three primes near 2^31: their multiple is near 2^93, added group by group.
  std::vector<Rational> wide = {Q(1, 2147483647), Q(-5, 2147483629), Q(7, 2147483587)};
  CHECK(summed(wide) == one_by_one(wide));
  // A multiple that fits (7 x (2^59 - 1), about 4 x 10^18) but numerators that
  // scaled overflow 127 bits: 1000 x (2^62 - 1) x (2^59 - 1), about 2.7 x 10^39.
  const int64_t big = (int64_t{1} << 62) - 1;
  std::vector<Rational> heavy;
  for (int i = 0; i < 1000; ++i) heavy.push_back(Q(big, 7));
  heavy.push_back(Q(1, (int64_t{1} << 59) - 1));
  CHECK(summed(heavy) == one_by_one(heavy));
}

TEST_CASE("ExactSum: exact over a multiple of thousands of bits; bounded beyond kExactBits") {
  // The first n primes below 2^31, each the denominator of a value 1/p.
  auto primes = [](size_t n) {
    std::vector<int64_t> out;
    for (int64_t c = 2147483647; out.size() < n; c -= 2) {
      bool prime = true;
      for (int64_t d = 3; d * d <= c && prime; d += 2) prime = c % d != 0;
      if (prime) out.push_back(c);
    }
    return out;
  };
  // 100 of them: a common multiple of about 3,100 bits (930 digits), as a
  // year's level-1 sums have. The sum is exact: no rounding at 60 digits.
  ExactSum s;
  Rational exact;
  for (int64_t p : primes(100)) {
    s.Add(Q(1, p));
    exact = exact + Q(1, p);
  }
  CHECK(exact.den().ToString().size() > 900);
  CHECK(s.Value() == exact);
  // 1,100: about 34,000 bits, beyond kExactBits (32,768). Formed value by
  // value in order of denominator, rounded to 40 decimals past 60 digits.
  std::vector<int64_t> many = primes(1100);
  ExactSum t;
  for (int64_t p : many) t.Add(Q(1, p));
  std::sort(many.begin(), many.end());
  Rational bounded;
  for (int64_t p : many) bounded = ExactSum::Bounded(bounded + Q(1, p));
  CHECK(t.Value() == bounded);
  CHECK(t.Value().den().ToString().size() <= 60);
}

TEST_CASE("BigInt::BitLength") {
  CHECK(BigInt(0).BitLength() == 0);
  CHECK(BigInt(1).BitLength() == 1);
  CHECK(BigInt(-1).BitLength() == 1);
  CHECK(BigInt(8).BitLength() == 4);
  CHECK(BigInt(INT64_MIN).BitLength() == 64);
  CHECK(BigInt(INT64_MAX).BitLength() == 63);
  CHECK((BigInt(INT64_MAX) + BigInt(1)).BitLength() == 64);  // 2^63, stored big
  CHECK((BigInt(INT64_MAX) * BigInt(4)).BitLength() == 65);
  CHECK((-(BigInt(INT64_MAX) * BigInt(INT64_MAX))).BitLength() == 126);
}

}  // namespace jixiao
