#include "base/exact_sum.h"

#include <algorithm>
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

Rational ExactSum::Value() const {
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
