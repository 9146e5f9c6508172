// Exact arithmetic for amounts, ratios and scores.
//
// Scores must round like a spreadsheet's ROUND on the decimal value
// (5.35 x 0.5 = 2.675 -> 2.68) and a project meeting every target must total
// exactly 100 even when 50 is split three ways. Binary doubles get both
// wrong, so every amount, weight, ratio and score is a Rational: a fraction of
// two integers of unbounded size, always kept in lowest terms with a positive
// denominator. Values that fit in 64 bits (the common case) never allocate.
#ifndef JIXIAO_BASE_EXACT_H_
#define JIXIAO_BASE_EXACT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

// A signed integer of unbounded size. Small values are stored inline.
class BigInt {
 public:
  BigInt() = default;
  BigInt(int64_t v);  // NOLINT: implicit on purpose, like a built-in integer.

  // Parses an optional '-' then ASCII decimal digits; nullopt otherwise.
  static std::optional<BigInt> Parse(std::string_view digits);

  bool is_zero() const;
  bool is_negative() const;
  int sign() const;  // -1, 0 or 1
  // True and sets *out when the value fits in int64_t.
  bool ToInt64(int64_t* out) const;
  std::string ToString() const;  // decimal, '-' for negatives
  // Approximate value, for display of huge numbers only.
  double ToDouble() const;
  // Bits of the magnitude: 0 for 0, 1 for 1 and -1, 4 for 8.
  size_t BitLength() const;

  friend BigInt operator+(const BigInt& a, const BigInt& b);
  friend BigInt operator-(const BigInt& a, const BigInt& b);
  friend BigInt operator*(const BigInt& a, const BigInt& b);
  BigInt operator-() const;
  // Truncating division and remainder (like C++ on int); b must not be zero.
  static void DivMod(const BigInt& a, const BigInt& b, BigInt* quot, BigInt* rem);
  static BigInt Gcd(const BigInt& a, const BigInt& b);  // >= 0
  BigInt Abs() const;

  friend int Compare(const BigInt& a, const BigInt& b);  // -1, 0, 1
  friend bool operator==(const BigInt& a, const BigInt& b) { return Compare(a, b) == 0; }
  friend bool operator!=(const BigInt& a, const BigInt& b) { return Compare(a, b) != 0; }
  friend bool operator<(const BigInt& a, const BigInt& b) { return Compare(a, b) < 0; }
  friend bool operator<=(const BigInt& a, const BigInt& b) { return Compare(a, b) <= 0; }
  friend bool operator>(const BigInt& a, const BigInt& b) { return Compare(a, b) > 0; }
  friend bool operator>=(const BigInt& a, const BigInt& b) { return Compare(a, b) >= 0; }

 private:
  // When big_ is empty the value is small_. Otherwise the value is
  // (negative_ ? -1 : 1) * magnitude, magnitude in base 2^32, least
  // significant limb first, without leading zero limbs; a value that fits in
  // int64_t is always stored small (canonical form).
  int64_t small_ = 0;
  bool negative_ = false;
  std::vector<uint32_t> big_;
  friend struct BigIntAccess;
};

// Most digits Rational::ParseDecimal reads. Parsing and normalising a
// decimal cost time quadratic in its digits, so text from hostile input is
// bounded: a million digits would take seconds, and every sum, product and
// division of it more.
inline constexpr size_t kMaxDecimalDigits = 1000;

// An exact fraction num/den in lowest terms, den > 0.
class Rational {
 public:
  Rational() : num_(0), den_(1) {}
  Rational(int64_t v) : num_(v), den_(1) {}  // NOLINT: implicit on purpose.
  Rational(BigInt num, BigInt den);          // den != 0; normalises.

  // Parses a plain decimal as written in a file: optional sign, ASCII digits,
  // optional '.' and fraction digits ("5.86", "-0.5", "12", ".5" and "5."
  // are accepted; no exponent, no separators, no spaces), with at most
  // kMaxDecimalDigits digits. nullopt otherwise.
  static std::optional<Rational> ParseDecimal(std::string_view text);

  const BigInt& num() const { return num_; }
  const BigInt& den() const { return den_; }
  bool is_zero() const { return num_.is_zero(); }
  int sign() const { return num_.sign(); }
  bool is_integer() const;

  friend Rational operator+(const Rational& a, const Rational& b);
  friend Rational operator-(const Rational& a, const Rational& b);
  friend Rational operator*(const Rational& a, const Rational& b);
  friend Rational operator/(const Rational& a, const Rational& b);  // b != 0
  Rational operator-() const;
  Rational& operator+=(const Rational& b) { return *this = *this + b; }
  Rational& operator-=(const Rational& b) { return *this = *this - b; }
  Rational& operator*=(const Rational& b) { return *this = *this * b; }
  Rational& operator/=(const Rational& b) { return *this = *this / b; }

  friend int Compare(const Rational& a, const Rational& b);
  friend bool operator==(const Rational& a, const Rational& b) { return Compare(a, b) == 0; }
  friend bool operator!=(const Rational& a, const Rational& b) { return Compare(a, b) != 0; }
  friend bool operator<(const Rational& a, const Rational& b) { return Compare(a, b) < 0; }
  friend bool operator<=(const Rational& a, const Rational& b) { return Compare(a, b) <= 0; }
  friend bool operator>(const Rational& a, const Rational& b) { return Compare(a, b) > 0; }
  friend bool operator>=(const Rational& a, const Rational& b) { return Compare(a, b) >= 0; }

  // Rounds half away from zero to `places` decimals, as a spreadsheet's
  // ROUND does on the exact value: 2.675 -> 2.68, -2.675 -> -2.68.
  Rational Round(int places) const;

  // The value rounded as Round(places) and written with exactly `places`
  // decimals: FormatFixed(2) of 2.675 is "2.68", of 100 is "100.00".
  std::string FormatFixed(int places) const;
  // As FormatFixed(places), with more decimals (up to places + 8) when that
  // writes the same text as `bound` while the values differ: 89.9998 beside
  // a bound of 90 is "89.9998", not "90.00", so that "90.00%, below 90%" is
  // never said. Equal values, and values apart at `places`, as FormatFixed.
  std::string FormatFixedApart(const Rational& bound, int places) const;
  // As FormatFixed, then trailing fractional zeros and a trailing '.' removed:
  // 96.30 -> "96.3", 10.00 -> "10", 0.9767 -> "0.9767". Used for JSON numbers.
  std::string FormatShort(int places) const;
  // The exact value as a decimal when its denominator has only factors 2 and
  // 5 ("5.86", "0.5", "12"); otherwise FormatShort(max_places).
  std::string ToDecimalString(int max_places = 6) const;

  double ToDouble() const;  // approximate, for progress displays only

 private:
  BigInt num_, den_;
};

inline Rational Min(const Rational& a, const Rational& b) { return b < a ? b : a; }
inline Rational Max(const Rational& a, const Rational& b) { return a < b ? b : a; }
// Clamps to [0, 1].
inline Rational Clamp01(const Rational& r) { return Min(Max(r, 0), 1); }

}  // namespace jixiao

#endif  // JIXIAO_BASE_EXACT_H_
