#include "base/exact_sum.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <vector>

namespace jixiao {

namespace {

BigInt FromInt128(__int128 v) {
  if (v >= INT64_MIN && v <= INT64_MAX) return BigInt(static_cast<int64_t>(v));
  const bool negative = v < 0;
  unsigned __int128 u = negative ? -static_cast<unsigned __int128>(v) : v;
  const BigInt two32(int64_t{1} << 32);
  BigInt out(0);
  for (int shift = 96; shift >= 0; shift -= 32) {
    out = out * two32 + BigInt(static_cast<int64_t>((u >> shift) & 0xffffffffu));
  }
  return negative ? -out : out;
}

}  // namespace

Rational ExactSum::Bounded(const Rational& r) {
  int64_t small;
  if (r.den().ToInt64(&small) || r.den().ToDouble() < 1e60) return r;
  return r.Round(40);
}

void ExactSum::Add(const Rational& r) {
  int64_t n, d;
  if (r.num().ToInt64(&n) && r.den().ToInt64(&d)) {
    small_[d] += n;
    return;
  }
  rest_ = Bounded(rest_ + r);
}

// The sum of every group over the least common multiple of their
// denominators, when that multiple fits in 63 bits and the sum of the scaled
// numerators in 127: one Rational, normalised once. nullopt otherwise.
std::optional<Rational> ExactSum::SmallValue() const {
  int64_t lcm = 1;
  for (const auto& [den, num] : small_) {
    const int64_t g = std::gcd(lcm, den);
    if (__builtin_mul_overflow(lcm / g, den, &lcm)) return std::nullopt;
  }
  __int128 total = 0;
  for (const auto& [den, num] : small_) {
    __int128 scaled;
    if (__builtin_mul_overflow(num, static_cast<__int128>(lcm / den), &scaled) ||
        __builtin_add_overflow(total, scaled, &total)) {
      return std::nullopt;
    }
  }
  return Rational(FromInt128(total), BigInt(lcm));
}

std::optional<Rational> ExactSum::CommonMultipleValue() const {
  BigInt lcm(1);
  BigInt quot, rem;
  for (const auto& [den, num] : small_) {
    // gcd(lcm, den) = gcd(den, lcm mod den): a division by a 64-bit number.
    BigInt::DivMod(lcm, BigInt(den), &quot, &rem);
    int64_t r = 0;
    rem.ToInt64(&r);
    lcm = lcm * BigInt(den / std::gcd(den, r));
    if (lcm.BitLength() > kExactBits) return std::nullopt;
  }
  BigInt total(0);
  for (const auto& [den, num] : small_) {
    BigInt::DivMod(lcm, BigInt(den), &quot, &rem);
    total = total + FromInt128(num) * quot;
  }
  return Rational(std::move(total), std::move(lcm));
}

Rational ExactSum::Value() const {
  // Most sums: their denominators share a small multiple (a year's weights
  // and scores have a few hundred denominators made of small primes); the
  // sums of a year's level-1 groups, a multiple of hundreds of digits.
  if (rest_.sign() == 0) {
    if (std::optional<Rational> v = SmallValue()) return *v;
    if (std::optional<Rational> v = CommonMultipleValue()) return *v;
  }
  // In order of denominator, so that the result (rounded, should it ever be)
  // does not depend on the hash table's order.
  std::vector<std::pair<int64_t, __int128>> groups(small_.begin(), small_.end());
  std::sort(groups.begin(), groups.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  Rational sum = rest_;
  for (const auto& [den, num] : groups) {
    sum = Bounded(sum + Rational(FromInt128(num), BigInt(den)));
  }
  return sum;
}

}  // namespace jixiao
