// For the value tests: checks of parsed quantities and of error messages,
// shared by value_test.cc, value_unit_test.cc and value_date_test.cc.
#ifndef JIXIAO_MODEL_VALUE_TESTING_H_
#define JIXIAO_MODEL_VALUE_TESTING_H_

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "model/value.h"

namespace jixiao::value_testing {

inline Rational R(int64_t num, int64_t den = 1) { return Rational(BigInt(num), BigInt(den)); }

inline std::string Show(const Rational& r) {
  return r.den() == BigInt(1) ? r.num().ToString() : r.num().ToString() + "/" + r.den().ToString();
}

inline bool Contains(const std::string& haystack, const char* needle) {
  return haystack.find(needle) != std::string::npos;
}

// Checks a parsed quantity against the expected value and unit.
inline void CheckQuantity(const Quantity& q, const Rational& value, const char* unit,
                          const char* dim) {
  CHECK_MESSAGE(q.value == value, "value " << Show(q.value) << ", expected " << Show(value));
  CHECK(q.unit.name == unit);
  CHECK(std::string(DimensionName(q.unit.dim)) == dim);
}

struct QuantityRow {
  const char* text;
  const char* cmp;  // ComparatorSymbol
  bool explicit_cmp;
  Rational value;
  const char* unit;
  const char* dim;
};

inline void CheckQuantityRows(const std::vector<QuantityRow>& rows) {
  for (const QuantityRow& row : rows) {
    CAPTURE(std::string(row.text));
    Parsed<Target> t = ParseTarget(row.text);
    REQUIRE_MESSAGE(t.ok(), t.error());
    CHECK(t->kind == TargetKind::kQuantity);
    CHECK(std::string(ComparatorSymbol(t->cmp)) == row.cmp);
    CHECK(t->explicit_comparator == row.explicit_cmp);
    CheckQuantity(t->value, row.value, row.unit, row.dim);
  }
}

// ParseTarget without a project year, as a function to pass.
inline Parsed<Target> ParseTargetText(std::string_view text) { return ParseTarget(text); }

struct ErrorRow {
  const char* text;
  const char* message;  // a part of the expected error
};

template <typename F>
inline void CheckErrorRows(const std::vector<ErrorRow>& rows, F parse) {
  for (const ErrorRow& row : rows) {
    CAPTURE(std::string(row.text));
    auto p = parse(row.text);
    REQUIRE_FALSE(p.ok());
    CAPTURE(p.error());
    CHECK(Contains(p.error(), row.message));
  }
}

}  // namespace jixiao::value_testing

#endif  // JIXIAO_MODEL_VALUE_TESTING_H_
