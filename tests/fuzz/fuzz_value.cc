// Fuzzes the value grammar (docs/reference.md §3): ParseTarget, ParseActual, ParseGrade
// and ConvertTo between the quantities they produce.
//
// Input: a target and an actual separated by the first line break
// ("≥90%\n92%"); without one, both are the whole input.
//
// Invariants checked, beyond "does not crash":
//   - a failed parse has a message, valid UTF-8 when the input is;
//   - a range has lower <= upper, both in the same canonical unit;
//   - a date is a calendar date; a date target without comparator is ≤;
//   - every unit is canonical (LookupUnit of its own name);
//   - every number formats (ToDecimalString, FormatFixed, FormatShort) and a
//     terminating decimal reads back as itself;
//   - a parsed target written back canonically ("≥" + number + unit) parses
//     to the same target;
//   - ParseActual keeps the text as written (trimmed); 不适用 is n/a;
//   - ParseGrade of a grade's own name gives that grade;
//   - ConvertTo a quantity's own unit is the identity, and converting there
//     and back is exact (a bare number word aside: it reads in the other's
//     unit);
//   - FindFigures of any text does not crash, and its rewrite parses as a
//     quantity target.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.h"
#include "model/value.h"

using namespace jixiao;
using jixiao::fuzz::CheckFormats;
using jixiao::fuzz::CheckUnit;
using jixiao::fuzz::IsTerminating;
using jixiao::fuzz::ValidDate;
using jixiao::fuzz::ValidUtf8;

namespace {

void CheckError(const std::string& error, std::string_view input) {
  FUZZ_CHECK(!error.empty(), "parse failed without a message");
  if (ValidUtf8(input)) FUZZ_CHECK(ValidUtf8(error), "message not UTF-8: " + error);
}

void CheckQuantity(const Quantity& q) {
  CheckUnit(q.unit);
  CheckFormats(q.value);
}

// `t` written back in canonical form, or "" when it cannot be written
// exactly (a converted bound that is not a terminating decimal).
std::string Canonical(const Target& t) {
  switch (t.kind) {
    case TargetKind::kQuantity:
      // 1 to 4 季度 reads as a quarter of the year (ParseTarget's JX0323),
      // however "1.0季度以上" was written: no form to round-trip.
      if (t.value.unit.name == "季度" && t.value.value.is_integer() && t.value.value >= 1 &&
          t.value.value <= 4) {
        return "";
      }
      return std::string(ComparatorSymbol(t.cmp)) + t.value.value.ToDecimalString() +
             t.value.unit.name;
    case TargetKind::kRange:
      if (!IsTerminating(t.upper.value)) return "";
      return t.value.value.ToDecimalString() + t.value.unit.name + "-" +
             t.upper.value.ToDecimalString() + t.upper.unit.name;
    case TargetKind::kDate:
      return std::string(ComparatorSymbol(t.cmp)) + FormatDate(t.date);
    case TargetKind::kQualitative:
      return "";
  }
  return "";
}

void CheckTarget(std::string_view text) {
  Parsed<Target> t = ParseTarget(text);
  if (!t) {
    CheckError(t.error(), text);
    return;
  }
  switch (t->kind) {
    case TargetKind::kQuantity:
      CheckQuantity(t->value);
      break;
    case TargetKind::kRange:
      CheckQuantity(t->value);
      CheckQuantity(t->upper);
      FUZZ_CHECK(t->value.unit.name == t->upper.unit.name, "range bounds in different units");
      FUZZ_CHECK(t->value.value <= t->upper.value, "range lower > upper: " + std::string(text));
      FUZZ_CHECK(!t->explicit_comparator, "range with a comparator");
      break;
    case TargetKind::kDate:
      FUZZ_CHECK(ValidDate(t->date), "invalid date " + FormatDate(t->date));
      if (!t->explicit_comparator) FUZZ_CHECK(t->cmp == Comparator::kLe, "date default not ≤");
      break;
    case TargetKind::kQualitative:
      break;
  }
  std::string canonical = Canonical(*t);
  if (canonical.empty()) return;
  Parsed<Target> again = ParseTarget(canonical);
  FUZZ_CHECK(again.ok(), "canonical form '" + canonical + "' of '" + std::string(text) +
                             "' does not parse: " + again.error());
  FUZZ_CHECK(again->kind == t->kind, "canonical form changes the kind: " + canonical);
  if (t->kind == TargetKind::kQuantity || t->kind == TargetKind::kDate)
    FUZZ_CHECK(again->cmp == t->cmp, "canonical form changes the comparator: " + canonical);
  if (t->kind == TargetKind::kDate) {
    FUZZ_CHECK(again->date == t->date, "canonical form changes the date: " + canonical);
    return;
  }
  FUZZ_CHECK(again->value.value == t->value.value && again->value.unit.name == t->value.unit.name,
             "canonical form changes the value: " + canonical);
  if (t->kind == TargetKind::kRange) {
    FUZZ_CHECK(again->upper.value == t->upper.value, "canonical form changes the upper bound");
  }
}

void CheckActual(std::string_view text) {
  Parsed<Actual> a = ParseActual(text);
  if (!a) {
    CheckError(a.error(), text);
    return;
  }
  FUZZ_CHECK(a->text == Trim(text), "actual text is not the input trimmed");
  switch (a->kind) {
    case ActualKind::kQuantity:
      CheckQuantity(a->value);
      break;
    case ActualKind::kDate:
      FUZZ_CHECK(ValidDate(a->date), "invalid date " + FormatDate(a->date));
      break;
    case ActualKind::kNotApplicable:
      FUZZ_CHECK(Trim(FoldFullWidth(text)) == "不适用", "n/a from other text");
      break;
    case ActualKind::kText:
      break;
  }
}

void CheckFigures(std::string_view text) {
  for (bool cost : {false, true}) {
    FigureHint h = FindFigures(text, cost);
    FUZZ_CHECK(h.figures <= 2, "more than 2 figures counted");
    FUZZ_CHECK(h.figures > 0 || h.figure.empty(), "a figure without a count");
    if (h.rewrite.empty()) continue;
    FUZZ_CHECK(h.figures == 1, "a rewrite from several figures");
    Parsed<Target> t = ParseTarget(h.rewrite);
    FUZZ_CHECK(t.ok() && t->kind == TargetKind::kQuantity,
               "the rewrite '" + h.rewrite + "' is not a quantity target");
  }
}

void CheckGrade(std::string_view text) {
  Parsed<Grade> g = ParseGrade(text);
  if (!g) {
    CheckError(g.error(), text);
    return;
  }
  Parsed<Grade> again = ParseGrade(GradeName(*g));
  FUZZ_CHECK(again.ok() && *again == *g, "grade name does not parse back");
}

void CheckConversion(std::string_view target_text, std::string_view actual_text) {
  Parsed<Target> t = ParseTarget(target_text);
  Parsed<Actual> a = ParseActual(actual_text);
  if (!t || !a || a->kind != ActualKind::kQuantity) return;
  if (t->kind != TargetKind::kQuantity && t->kind != TargetKind::kRange) return;
  const Unit& to = t->value.unit;
  Parsed<Rational> v = ConvertTo(a->value, to);
  if (!v) {
    CheckError(v.error(), std::string(target_text) + std::string(actual_text));
    return;
  }
  CheckFormats(*v);
  // Identity and round trip.
  Parsed<Rational> self = ConvertTo(a->value, a->value.unit);
  FUZZ_CHECK(self.ok() && *self == a->value.value, "conversion to its own unit changes it");
  // A bare number word (850万) reads in the target's unit, which does not
  // read back as a number word: no round trip for it.
  if (a->value.unit.dim != Dimension::kNone && to.dim != Dimension::kNone &&
      a->value.unit.dim != Dimension::kNumber && to.dim != Dimension::kNumber) {
    Parsed<Rational> back = ConvertTo(Quantity{*v, to}, a->value.unit);
    FUZZ_CHECK(back.ok() && *back == a->value.value, "conversion there and back is not exact");
  }
  // The comparisons scoring makes must not throw or divide by zero.
  if (!t->value.value.is_zero()) (void)(*v / t->value.value);
  if (!v->is_zero()) (void)(t->value.value / *v);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t nl = input.find('\n');
  std::string_view target = nl == std::string_view::npos ? input : input.substr(0, nl);
  std::string_view actual = nl == std::string_view::npos ? input : input.substr(nl + 1);
  CheckTarget(target);
  CheckFigures(target);
  CheckActual(actual);
  CheckGrade(actual);
  CheckConversion(target, actual);
  if (nl != std::string_view::npos) {
    CheckTarget(actual);
    CheckActual(target);
  }
  return 0;
}
