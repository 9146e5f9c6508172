// Helpers shared by the tests of exact.h (header-only; not part of the
// library's interface): literals of big values, and checks of the canonical
// forms. Expected values of big results were computed independently
// (Python integers and fractions.Fraction).
#ifndef JIXIAO_BASE_EXACT_TESTING_H_
#define JIXIAO_BASE_EXACT_TESTING_H_

#include <doctest/doctest.h>

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>

#include "base/exact.h"

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

namespace jixiao::testing {

inline constexpr int64_t kMin = INT64_MIN;
inline constexpr int64_t kMax = INT64_MAX;
inline const char* const kTwoTo63 = "9223372036854775808";
inline const char* const kTwoTo64 = "18446744073709551616";
inline const char* const kTwoTo100 = "1267650600228229401496703205376";

inline BigInt B(const std::string& text) {
  std::optional<BigInt> v = BigInt::Parse(text);
  REQUIRE_MESSAGE(v.has_value(), "bad test literal " << text);
  return *v;
}

// "n" or "n/d" (d may be negative; the result is normalised).
inline Rational Q(const std::string& text) {
  const size_t slash = text.find('/');
  if (slash == std::string::npos) return Rational(B(text), 1);
  return Rational(B(text.substr(0, slash)), B(text.substr(slash + 1)));
}

// "n" when the value is an integer, else "n/d": the form Python's Fraction
// prints, which also shows whether the value is in lowest terms.
inline std::string Str(const Rational& r) {
  if (r.den() == 1) return r.num().ToString();
  return r.num().ToString() + "/" + r.den().ToString();
}

// Checks the canonical form: ToInt64 succeeds exactly when the decimal
// value fits in int64_t, and then yields that value.
inline void CheckCanonical(const BigInt& v) {
  const std::string text = v.ToString();
  int64_t expected = 0;
  const auto res = std::from_chars(text.data(), text.data() + text.size(), expected);
  const bool fits = res.ec == std::errc() && res.ptr == text.data() + text.size();
  int64_t got = 0;
  INFO("value " << text);
  CHECK(v.ToInt64(&got) == fits);
  if (fits) CHECK(got == expected);
}

inline void CheckLowestTerms(const Rational& r) {
  CHECK(r.den().sign() == 1);
  CHECK(BigInt::Gcd(r.num(), r.den()) == 1);
  CheckCanonical(r.num());
  CheckCanonical(r.den());
}

}  // namespace jixiao::testing

#endif  // JIXIAO_BASE_EXACT_TESTING_H_
