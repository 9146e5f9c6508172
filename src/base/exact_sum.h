// A sum of many exact values that stays cheap.
//
// Adding Rationals one by one normalises after every step: the running sum's
// denominator becomes the least common multiple of every denominator seen,
// and each step pays a GCD of numbers that size. A year's summary adds a few
// hundred thousand indicator weights and scores (denominators such as 2, 3,
// 7, 300, 11660), so one sum of Rationals cost a third of `eval`'s time.
//
// ExactSum adds each value whose numerator and denominator fit in 64 bits to
// the running numerator of its own denominator, in a 128-bit integer (no GCD),
// and adds the groups to each other only when the value is asked for. The
// result is the exact sum, as a Rational sum would give, whatever the order of
// the additions — except that a sum whose denominator grows beyond 60 digits
// (only hostile input makes one) is rounded to 40 decimals as it is formed,
// which keeps the work bounded and every 2-decimal figure exact.
#ifndef JIXIAO_BASE_EXACT_SUM_H_
#define JIXIAO_BASE_EXACT_SUM_H_

#include <cstdint>
#include <optional>
#include <unordered_map>

#include "base/exact.h"

namespace jixiao {

class ExactSum {
 public:
  void Add(const Rational& r);
  // The sum of everything added (0 when nothing was).
  Rational Value() const;

  // `r`, rounded to 40 decimals when its denominator has more than 60 digits.
  static Rational Bounded(const Rational& r);

 private:
  std::optional<Rational> SmallValue() const;

  // Denominator -> the sum of the numerators of the small values with it.
  // At most 2^63 additions of numerators below 2^63: no overflow.
  std::unordered_map<int64_t, __int128> small_;
  Rational rest_;  // the values that do not fit, added as Rationals
};

}  // namespace jixiao

#endif  // JIXIAO_BASE_EXACT_SUM_H_
