// Parsed values as record bytes. See actual_codec.h.
#include "model/actual_codec.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include "base/record_codec.h"

namespace jixiao {

namespace {

// The first varint of a packed Actual: Actual{} (nothing parsed: a value
// left empty or in error), or its kind.
enum PackedKind : uint64_t { kNothing = 0, kText = 1, kNotApplicable = 2, kQuantity = 3, kDate = 4 };

// The first varint of a packed Rational.
enum PackedSign : uint64_t { kPositive = 0, kNegative = 1, kBig = 2 };

}  // namespace

void PackRational(const Rational& v, RecordWriter* w) {
  int64_t num = 0, den = 0;
  if (v.num().ToInt64(&num) && v.den().ToInt64(&den) &&
      num != std::numeric_limits<int64_t>::min()) {
    w->Int(num < 0 ? kNegative : kPositive);
    w->Int(static_cast<uint64_t>(num < 0 ? -num : num));
    w->Int(static_cast<uint64_t>(den));
    return;
  }
  w->Int(kBig);
  w->Str(v.num().ToString());
  w->Str(v.den().ToString());
}

Rational UnpackRational(RecordReader* r) {
  const uint64_t sign = r->Int();
  if (sign == kBig) {
    std::optional<BigInt> num = BigInt::Parse(r->Str());
    std::optional<BigInt> den = BigInt::Parse(r->Str());
    if (!num || !den || den->is_zero()) return Rational();
    return Rational(std::move(*num), std::move(*den));
  }
  const auto magnitude = static_cast<int64_t>(r->Int());
  const auto den = static_cast<int64_t>(r->Int());
  const int64_t num = sign == kNegative ? -magnitude : magnitude;
  if (den == 1) return Rational(num);  // in lowest terms already: no division
  if (den == 0) return Rational();
  return Rational(BigInt(num), BigInt(den));
}

void PackActual(const Actual& a, RecordWriter* w) {
  switch (a.kind) {
    case ActualKind::kText:
      w->Int(a.text.empty() ? kNothing : kText);
      return;
    case ActualKind::kNotApplicable:
      w->Int(kNotApplicable);
      return;
    case ActualKind::kQuantity:
      w->Int(kQuantity);
      PackRational(a.value.value, w);
      // The unit by its name: LookupUnit gives back the same unit for it.
      w->Str(a.value.unit.name);
      return;
    case ActualKind::kDate:
      w->Int(kDate);
      w->Int(static_cast<uint64_t>(a.date.year));
      w->Int(static_cast<uint64_t>(a.date.month));
      w->Int(static_cast<uint64_t>(a.date.day));
      return;
  }
}

Actual UnpackActual(RecordReader* r, std::string_view text) {
  Actual a;
  const uint64_t kind = r->Int();
  if (kind == kNothing) return a;
  a.text = std::string(text);
  switch (kind) {
    case kNotApplicable:
      a.kind = ActualKind::kNotApplicable;
      break;
    case kQuantity:
      a.kind = ActualKind::kQuantity;
      a.value.value = UnpackRational(r);
      a.value.unit = LookupUnit(r->Str());
      break;
    case kDate:
      a.kind = ActualKind::kDate;
      a.date.year = static_cast<int>(r->Int());
      a.date.month = static_cast<int>(r->Int());
      a.date.day = static_cast<int>(r->Int());
      break;
    default:
      break;  // kText
  }
  return a;
}

}  // namespace jixiao
