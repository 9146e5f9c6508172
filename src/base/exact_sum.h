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
// and adds the groups to each other only when the value is asked for, over
// the least common multiple of their denominators, normalised once. The
// result is the exact sum, as a Rational sum would give, whatever the order of
// the additions — except that when that multiple exceeds kExactBits (only
// hostile input makes one: the level-1 sums of bench/'s generated years need
// 3,000 bits at 20,000 projects, 8,000 at 100,000), or a value does not fit
// in 64 bits, the sum is formed value by value and rounded to 40 decimals
// whenever its denominator grows beyond 60 digits, which keeps the work
// bounded and every 2-decimal figure exact.
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

  // The largest common multiple of the denominators summed exactly: 32,768
  // bits, about 9,900 digits. Each group then costs a division of numbers
  // that size, and the result one GCD of them: 1 ms for the 303 groups of a
  // 2,800-bit multiple, 90 ms for the 2,262 of a 28,574-bit one.
  static constexpr size_t kExactBits = 32768;

 private:
  // The sum over the least common multiple of the denominators: in 64 and
  // 128 bits when it fits (SmallValue), else in BigInts when the multiple
  // has at most kExactBits (CommonMultipleValue). nullopt otherwise.
  std::optional<Rational> SmallValue() const;
  std::optional<Rational> CommonMultipleValue() const;

  // Denominator -> the sum of the numerators of the small values with it.
  // At most 2^63 additions of numerators below 2^63: no overflow.
  std::unordered_map<int64_t, __int128> small_;
  Rational rest_;  // the values that do not fit, added as Rationals
};

}  // namespace jixiao

#endif  // JIXIAO_BASE_EXACT_SUM_H_
