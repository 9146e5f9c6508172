// The value grammar of docs/reference.md §3. See value.h for the contracts.
//
// Every parser works on the text after FoldFullWidth and Trim, scanning bytes
// (UTF-8 spellings are matched as byte strings). Messages quote the text as
// normalised, say what was found and what was expected. Units are in
// value_unit.cc, dates in value_date.cc, figures in qualitative targets in
// value_figures.cc.
#include "model/value.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/text.h"
#include "model/value_scan.h"

namespace jixiao {
namespace {

using std::string_view;
using value_scan::DateScan;
using value_scan::IsCalendarYear;
using value_scan::NumberScan;
using value_scan::ScanNumber;
using value_scan::IsAscii;
using value_scan::IsAsciiLetter;
using value_scan::IsDigit;
using value_scan::IsKnownUnit;
using value_scan::KnownUnitPrefix;
using value_scan::LooksLikeDate;
using value_scan::Cut;
using value_scan::ScanDate;
using value_scan::SkipDigits;

// ---------------------------------------------------------------------------
// Comparators.

struct ComparatorSpelling {
  string_view text;
  Comparator cmp;
};

// Written before the value. The longest spelling that matches wins, so
// "大于等于" is not read as "大于". FoldFullWidth has already turned ＞＜＝
// into ASCII; the full-width spellings stay for callers that do not fold.
// clang-format off
constexpr ComparatorSpelling kPrefixComparators[] = {
    {"≥", Comparator::kGe}, {">=", Comparator::kGe}, {"≧", Comparator::kGe},
    {"大于等于", Comparator::kGe}, {"不低于", Comparator::kGe}, {"不少于", Comparator::kGe},
    {"至少", Comparator::kGe}, {"不小于", Comparator::kGe}, {"不早于", Comparator::kGe},

    {">", Comparator::kGt}, {"＞", Comparator::kGt}, {"大于", Comparator::kGt},
    {"高于", Comparator::kGt}, {"超过", Comparator::kGt}, {"多于", Comparator::kGt},

    {"≤", Comparator::kLe}, {"<=", Comparator::kLe}, {"≦", Comparator::kLe},
    {"小于等于", Comparator::kLe}, {"不高于", Comparator::kLe}, {"不超过", Comparator::kLe},
    {"不多于", Comparator::kLe}, {"不大于", Comparator::kLe},
    // A deadline: 不晚于2024年12月31日, 最迟2024-12-31.
    {"不晚于", Comparator::kLe}, {"不迟于", Comparator::kLe}, {"最迟", Comparator::kLe},
    {"最晚", Comparator::kLe},

    {"<", Comparator::kLt}, {"＜", Comparator::kLt}, {"小于", Comparator::kLt},
    {"低于", Comparator::kLt}, {"少于", Comparator::kLt},

    {"=", Comparator::kEq}, {"＝", Comparator::kEq}, {"等于", Comparator::kEq},
};
// clang-format on

// Written after a quantity. Longest first: "及以上" before "以上", "以内" before "内".
constexpr ComparatorSpelling kQuantitySuffixes[] = {
    {"及以上", Comparator::kGe}, {"及以下", Comparator::kLe}, {"以上", Comparator::kGe},
    {"以下", Comparator::kLe},   {"以内", Comparator::kLe},   {"内", Comparator::kLe},
};

// Written after a date. Longest first.
constexpr ComparatorSpelling kDateSuffixes[] = {
    {"以前", Comparator::kLe},
    {"之前", Comparator::kLe},
    {"前", Comparator::kLe},
};

// Words that make a quantity approximate, which no comparator expresses.
constexpr string_view kApproximations[] = {"左右", "上下", "前后"};
// The same, written before the number ("约7000人").
constexpr string_view kApproximationPrefixes[] = {"大约", "约为", "约"};

// Number words that multiply a unit (value_unit.cc reads them).
constexpr string_view kNumberWords[] = {"万", "千", "亿"};

// Written after a value that is to be reached: "100%完成", "2024年12月31日前完成".
constexpr string_view kDoneSuffix = "完成";

// Written after a bound: the bound is included (≥, ≤) or excluded (>, <).
constexpr string_view kIncluded = "(含)";
constexpr string_view kExcluded = "(不含)";

// Length in bytes of the longest comparator spelling `s` starts with (0 if
// none) and its comparator in *cmp.
size_t MatchPrefixComparator(string_view s, Comparator* cmp) {
  size_t best = 0;
  for (const ComparatorSpelling& c : kPrefixComparators) {
    if (c.text.size() > best && !s.empty() && s[0] == c.text[0] && StartsWith(s, c.text)) {
      best = c.text.size();
      *cmp = c.cmp;
    }
  }
  return best;
}

// The first spelling in `table` that `s` ends with, or nullptr.
template <size_t N>
const ComparatorSpelling* MatchSuffix(string_view s, const ComparatorSpelling (&table)[N]) {
  for (const ComparatorSpelling& c : table) {
    if (EndsWith(s, c.text)) return &c;
  }
  return nullptr;
}

// Folds a suffix comparator into `t`. A suffix alone sets the comparator; a
// suffix after a prefix must point the same way ("≥90%以上" is accepted,
// "≥90%以下" and "=5个以上" are errors).
bool ApplySuffix(const ComparatorSpelling& suffix, string_view lead, string_view whole, Target* t,
                 Message* error) {
  if (!t->explicit_comparator) {
    t->cmp = suffix.cmp;
    t->explicit_comparator = true;
    return true;
  }
  if (t->cmp != Comparator::kEq && IsReverse(t->cmp) == IsReverse(suffix.cmp)) return true;
  *error = Msg(MsgId::kValConflictingComparators, Cut(lead), suffix.text, Cut(whole));
  return false;
}

// True when `s` starts like a number: a digit, or a sign or '.' before one.
bool StartsNumeric(string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i < s.size() && s[i] == '.') ++i;
  return i < s.size() && IsDigit(s[i]);
}

// ---------------------------------------------------------------------------
// Numbers: the messages about them (ScanNumber, shared with
// value_figures.cc, is at the end of this file).

Message TooLongMessage(string_view number) {
  return Msg(MsgId::kValTooManyDigits, TruncateToWidth(number, 24), kMaxDecimalDigits);
}

Message BadGroupingMessage(string_view number) {
  return Msg(MsgId::kValBadGrouping, Cut(number));
}
// ---------------------------------------------------------------------------
// Counters.

// Why a text cannot be a counter: a catalogue text taking the text and
// `arg`; no id when it can be one. Made without formatting, since valid
// actuals ask too.
struct UnitProblem {
  std::optional<MsgId> id;
  std::string arg;
  explicit operator bool() const { return id.has_value(); }
};

// Why `text` (trimmed, not empty, not a known unit) cannot be a counter
// written after a number. A counter has no digits, no ASCII punctuation or
// spaces but '/', no '%' or '‰', and does not extend a known unit ("年度",
// "万元整"), except as a rate ("元/人") or an ASCII word ("min").
UnitProblem CounterProblem(string_view text) {
  auto bad = [](MsgId id, string_view arg = {}) { return UnitProblem{id, std::string(arg)}; };
  for (char c : text) {
    if (IsAscii(c) && !IsAsciiLetter(c) && c != '/' && c != '%') {
      return bad(MsgId::kValNotUnit);  // digits too
    }
  }
  // A range separator in a unit would make the text read differently once
  // written back ("4-8个〜" is not the range "4个〜-8个〜").
  for (string_view sep : {"—", "–", "〜", "至"}) {
    if (text.find(sep) != string_view::npos) return bad(MsgId::kValNotUnitRangeSeparator, sep);
  }
  // Nor a suffix comparator at its end: "8个及以下-30" is not a range of
  // the unit '个及以下' (written back, the comparator would be read as one).
  for (const ComparatorSpelling& c : kQuantitySuffixes) {
    if (EndsWith(text, c.text)) return bad(MsgId::kValNotUnitComparator, c.text);
  }
  // Nor an approximation: "5台左右-6台" is as approximate as "5台左右".
  for (string_view approx : kApproximations) {
    if (EndsWith(text, approx)) return bad(MsgId::kValNotUnitApproximation, approx);
  }
  // Nor 完成, which is taken off the end of a target ("1个完成-6" would be
  // written back as "1个完成-6个完成").
  if (EndsWith(text, kDoneSuffix)) return bad(MsgId::kValNotUnitEndsWith, kDoneSuffix);
  if (text.find('%') != string_view::npos || text.find("‰") != string_view::npos) {
    bool o = text[0] == 'O' || text[0] == 'o';
    return bad(o ? MsgId::kValNotUnitLetterO : MsgId::kValNotUnit);
  }
  // Letters that look like digits: "1OO" is 100 typed with the letter O,
  // no unit "OO"; "1OO台" and "1l台" are 100台 and 11台.
  const size_t look_alike = text.find_first_not_of("OolI");
  const size_t os = text.find_first_not_of("Oo");
  if (look_alike == string_view::npos && os == string_view::npos) {
    return bad(MsgId::kValNotUnitLetterO);
  }
  // "1OmSv" is 10mSv: O's before a known unit in ASCII letters make no
  // counter ("Ohm" is one: "hm" is no unit).
  if (os != 0 && os != string_view::npos && IsAsciiLetter(text[os]) &&
      IsKnownUnit(text.substr(os))) {
    return bad(MsgId::kValNotUnitLetterO);
  }
  if (string_view known = KnownUnitPrefix(text); !known.empty()) {
    char next = text[known.size()];
    bool ascii_word = IsAsciiLetter(known.back()) && IsAsciiLetter(next);
    if (next != '/' && !ascii_word) return bad(MsgId::kValNotUnitDidYouMean, known);
  }
  // After a number word: "万年度" extends 年 as "年度" does.
  for (string_view word : kNumberWords) {
    if (!StartsWith(text, word) || text.size() == word.size()) continue;
    string_view rest = text.substr(word.size());
    if (string_view known = KnownUnitPrefix(rest); !known.empty()) {
      char next = rest[known.size()];
      bool ascii_word = IsAsciiLetter(known.back()) && IsAsciiLetter(next);
      if (next != '/' && !ascii_word) {
        return bad(MsgId::kValNotUnitDidYouMean, std::string(word) + std::string(known));
      }
    }
  }
  if (look_alike != 0 && look_alike != string_view::npos && !IsAscii(text[look_alike])) {
    return bad(MsgId::kValNotUnitLetterForDigit);
  }
  return {};
}

// True when `unit` may follow a number: none, a known unit or a counter.
bool IsValidUnit(string_view unit) {
  return unit.empty() || IsKnownUnit(unit) || !CounterProblem(unit);
}

// True when `after`, the text right after a number's last digit, is the
// letter O typed for 0, then a space and a unit: "1O mSv", "1OO %", "1O 台".
// Only O's right after the digits count ("1 O 台" is not one). Without the
// space CounterProblem names the O's: "1OO", "1OO%", "1OmSv".
bool IsLetterOBeforeUnit(string_view after) {
  const size_t os = after.find_first_not_of("Oo");
  if (os == 0 || os == string_view::npos) return false;
  const string_view rest = after.substr(os);
  const string_view unit = Trim(rest);
  return unit.size() < rest.size() && !unit.empty() && IsValidUnit(unit);
}

// The problem of the letter O typed for 0 (IsLetterOBeforeUnit), if it is one.
UnitProblem LetterOProblem(string_view after) {
  if (!IsLetterOBeforeUnit(after)) return {};
  return UnitProblem{MsgId::kValNotUnitLetterO, {}};
}


// ---------------------------------------------------------------------------
// Quantities and ranges.

// "expected a number and a unit after '≥', got '9O%': 'O%' is not a unit",
// `unit` being the text after the number.
Message ExpectedQuantity(string_view lead, string_view got, string_view unit,
                         const UnitProblem& problem) {
  std::string detail = Tr(*problem.id, Cut(unit), problem.arg);
  if (lead.empty()) return Msg(MsgId::kValExpectedQuantity, Cut(got), detail);
  return Msg(MsgId::kValExpectedQuantityAfter, Cut(lead), Cut(got), detail);
}

struct RangeSeparator {
  size_t pos = string_view::npos;
  size_t len = 0;
};

// The first range separator in `s` (- ~ — – 〜 至, after full-width folding),
// a run of em dashes counting as one.
RangeSeparator FindRangeSeparator(string_view s) {
  static constexpr string_view kSeparators[] = {"-", "~", "—", "–", "〜", "至"};
  for (size_t i = 0; i < s.size(); ++i) {
    for (string_view sep : kSeparators) {
      if (s[i] != sep[0] || s.compare(i, sep.size(), sep) != 0) continue;
      size_t len = sep.size();
      if (sep == "—") {
        while (s.compare(i + len, sep.size(), sep) == 0) len += sep.size();
      }
      return {i, len};
    }
  }
  return {};
}

// number [unit] with `s` trimmed; `lead` names what came before, for messages.
Parsed<Quantity> ParseQuantity(string_view s, string_view lead) {
  NumberScan num = ScanNumber(s);
  if (num.status == NumberScan::kBadGrouping) {
    return Parsed<Quantity>::Error(BadGroupingMessage(s.substr(0, num.len)));
  }
  if (num.status == NumberScan::kTooLong) {
    return Parsed<Quantity>::Error(TooLongMessage(s.substr(0, num.len)));
  }
  if (num.status == NumberScan::kNone) {
    if (lead.empty()) {
      return Parsed<Quantity>::Error(s.empty() ? Msg(MsgId::kValExpectedNumberNothing)
                                               : Msg(MsgId::kValExpectedNumber, Cut(s)));
    }
    return Parsed<Quantity>::Error(s.empty()
                                       ? Msg(MsgId::kValExpectedNumberAfterNothing, Cut(lead))
                                       : Msg(MsgId::kValExpectedNumberAfter, Cut(lead), Cut(s)));
  }
  string_view unit = Trim(s.substr(num.len));
  if (UnitProblem problem = LetterOProblem(s.substr(num.len))) {
    return Parsed<Quantity>::Error(ExpectedQuantity(lead, s, unit, problem));
  }
  Quantity q;
  q.value = num.value;
  q.unit = LookupUnit(unit);
  if (q.unit.dim == Dimension::kCounter) {
    if (UnitProblem problem = CounterProblem(unit)) {
      return Parsed<Quantity>::Error(ExpectedQuantity(lead, s, unit, problem));
    }
  }
  return q;
}

struct Body {
  Quantity lower;
  bool is_range = false;
  Quantity upper;
};

// One bound of a range takes the other's unit when it has none; otherwise
// `upper` is converted into `lower`'s unit. lower <= upper.
Parsed<Body> MakeRange(Quantity lower, Quantity upper, string_view whole) {
  if (lower.unit.dim == Dimension::kNone) lower.unit = upper.unit;
  if (upper.unit.dim == Dimension::kNone) upper.unit = lower.unit;
  // "1万-2万人次": a bound with a number word alone takes the other's unit.
  if (lower.unit.dim == Dimension::kNumber && upper.unit.dim != Dimension::kNumber) {
    Parsed<Rational> low = ConvertTo(lower, upper.unit);
    if (low) {
      lower.value = *low;
      lower.unit = upper.unit;
    }
  }
  Parsed<Rational> up = ConvertTo(upper, lower.unit);
  if (!up) {
    return Parsed<Body>::Error(
        Message{up.message().code, Tr(MsgId::kValRangeBoundsWrap, Cut(whole), up.error())});
  }
  upper.value = *up;
  upper.unit = lower.unit;
  if (upper.value < lower.value) {
    return Parsed<Body>::Error(Msg(MsgId::kValRangeReversed, Cut(whole)));
  }
  Body b;
  b.lower = std::move(lower);
  b.is_range = true;
  b.upper = std::move(upper);
  return b;
}

// number[unit] or number[unit] SEP number[unit], `s` trimmed and not empty.
Parsed<Body> ParseBody(string_view s, string_view lead) {
  NumberScan first = ScanNumber(s);
  RangeSeparator sep;
  if (first.status == NumberScan::kOk) {
    sep = FindRangeSeparator(s.substr(first.len));
    if (sep.pos != string_view::npos) sep.pos += first.len;
  }
  if (sep.pos == string_view::npos) {
    Parsed<Quantity> q = ParseQuantity(s, lead);
    if (!q) return Parsed<Body>::Error(q.message());
    Body b;
    b.lower = std::move(q.value());
    return b;
  }
  Parsed<Quantity> lower = ParseQuantity(Trim(s.substr(0, sep.pos)), lead);
  if (!lower) return Parsed<Body>::Error(lower.message());
  string_view sep_text = s.substr(sep.pos, sep.len);
  Parsed<Quantity> upper = ParseQuantity(Trim(s.substr(sep.pos + sep.len)), sep_text);
  if (!upper) {
    return Parsed<Body>::Error(
        Message{upper.message().code, Tr(MsgId::kValInRangeWrap, upper.error(), Cut(s))});
  }
  // "5--10个": a doubled '-' reads as the separator and a negative upper
  // bound, below the lower; said as what it is when the range with one '-'
  // is one. ("-5--3" is -5 to -3; "5--3" is reversed either way.)
  const string_view after = Trim(s.substr(sep.pos + sep.len));
  if (sep_text == "-" && StartsWith(after, "-") && lower->value.sign() >= 0) {
    std::string one(s.substr(0, sep.pos + sep.len));
    one += after.substr(1);
    if (ParseBody(one, lead)) {
      return Parsed<Body>::Error(Msg(MsgId::kValRangeDoubleDash, Cut(s), Cut(one)));
    }
  }
  return MakeRange(std::move(lower.value()), std::move(upper.value()), s);
}
// ---------------------------------------------------------------------------
// Dates.

// [comparator] date [前|以前|之前], with the comparator already in `t`.
Parsed<Target> ParseDateTarget(string_view s, string_view lead, string_view whole, Target t) {
  DateScan d = ScanDate(s);
  if (d.status != DateScan::kOk) return Parsed<Target>::Error(std::move(d.error));
  t.kind = TargetKind::kDate;
  t.date = d.date;
  string_view rest = Trim(s.substr(d.len));
  if (!rest.empty()) {
    const ComparatorSpelling* suffix = MatchSuffix(rest, kDateSuffixes);
    if (suffix != nullptr && suffix->text == rest) {
      Message error;
      if (!ApplySuffix(*suffix, lead, whole, &t, &error)) return Parsed<Target>::Error(error);
    } else if (RangeSeparator sep = FindRangeSeparator(rest);
               sep.pos == 0 && LooksLikeDate(Trim(rest.substr(sep.len)))) {
      DateScan end = ScanDate(Trim(rest.substr(sep.len)));
      const Date& deadline = end.status == DateScan::kOk ? end.date : d.date;
      return Parsed<Target>::Error(Msg(MsgId::kValDateRange, Cut(whole), FormatDate(deadline)));
    } else {
      return Parsed<Target>::Error(Msg(MsgId::kValAfterDate, Cut(rest), Cut(s.substr(0, d.len))));
    }
  }
  if (!t.explicit_comparator) t.cmp = Comparator::kLe;
  return t;
}

// Why `s` (a quantity, `whole` as written) cannot be scored when it ends
// with an approximation word such as 左右, else nothing.
std::optional<Message> ApproximationProblem(string_view s, string_view whole) {
  for (string_view approx : kApproximations) {
    if (EndsWith(s, approx)) {
      string_view value = Trim(s.substr(0, s.size() - approx.size()));
      return Msg(MsgId::kValApproximate, Cut(whole), approx, Cut(value));
    }
  }
  return std::nullopt;
}

// [comparator] body [suffix], with the comparator already in `t`.
Parsed<Target> ParseQuantityTarget(string_view s, string_view lead, string_view whole, Target t) {
  if (std::optional<Message> approximate = ApproximationProblem(s, whole)) {
    return Parsed<Target>::Error(std::move(*approximate));
  }
  if (const ComparatorSpelling* suffix = MatchSuffix(s, kQuantitySuffixes)) {
    Message error;
    if (!ApplySuffix(*suffix, lead, whole, &t, &error)) return Parsed<Target>::Error(error);
    s = Trim(s.substr(0, s.size() - suffix->text.size()));
    // "5个以内以下": a second suffix would be read as part of the unit.
    if (const ComparatorSpelling* second = MatchSuffix(s, kQuantitySuffixes)) {
      return Parsed<Target>::Error(
          Msg(MsgId::kValTwoSuffixComparators, Cut(whole), second->text, suffix->text));
    }
    // "21个左右以下" is as approximate as "21个左右".
    if (std::optional<Message> approximate = ApproximationProblem(s, whole)) {
      return Parsed<Target>::Error(std::move(*approximate));
    }
  }
  Parsed<Body> body = ParseBody(s, lead);
  if (!body) return Parsed<Target>::Error(body.message());
  if (body->is_range) {
    if (t.explicit_comparator) {
      return Parsed<Target>::Error(Msg(MsgId::kValRangeWithComparator, Cut(whole)));
    }
    t.kind = TargetKind::kRange;
    t.value = std::move(body.value().lower);
    t.upper = std::move(body.value().upper);
    return t;
  }
  if (IsCalendarYear(body->lower)) {
    return Parsed<Target>::Error(
        Msg(MsgId::kValYearNotDeadline, Cut(whole), body->lower.value.num().ToString()));
  }
  t.kind = TargetKind::kQuantity;
  t.value = std::move(body.value().lower);
  return t;
}

// "约7000人" is as approximate as "7000人左右": the message, else nothing.
std::optional<Message> ApproximatePrefixProblem(string_view whole) {
  for (string_view approx : kApproximationPrefixes) {
    if (!StartsWith(whole, approx)) continue;
    string_view value = Trim(whole.substr(approx.size()));
    if (!StartsNumeric(value)) return std::nullopt;
    return Msg(MsgId::kValApproximate, Cut(whole), approx, Cut(value));
  }
  return std::nullopt;
}

// "12月底前": a date without its year. The message gives the target with
// the project's year (or YYYY when it is not known), or the error that
// target has ("2月30日" in 2024).
Parsed<Target> YearlessDateError(string_view whole, string_view lead, string_view s, int year) {
  std::string rewrite = std::string(lead) + (year > 0 ? std::to_string(year) : "YYYY") + "年" +
                        std::string(s);
  if (year > 0) {
    Parsed<Target> t = ParseTarget(rewrite, year);
    if (!t) return t;
    return Parsed<Target>::Error(Msg(MsgId::kValDateWithoutYear, Cut(whole), Cut(rewrite)));
  }
  return Parsed<Target>::Error(Msg(MsgId::kValDateWithoutYearUnknown, Cut(whole), Cut(rewrite)));
}

enum class Inclusion { kNone, kIncluded, kExcluded };

// Takes "(含)" or "(不含)" (from （含）) out of `body` when it ends the text or
// stands before a suffix comparator ("95%(含)以上", "2024年12月31日(含)前").
Inclusion TakeInclusion(std::string* body) {
  for (string_view marker : {kIncluded, kExcluded}) {
    size_t at = body->find(marker);
    if (at == std::string::npos) continue;
    string_view after = Trim(string_view(*body).substr(at + marker.size()));
    bool suffix = after.empty();
    for (const ComparatorSpelling& c : kQuantitySuffixes) suffix = suffix || after == c.text;
    for (const ComparatorSpelling& c : kDateSuffixes) suffix = suffix || after == c.text;
    if (!suffix) return Inclusion::kNone;
    *body = std::string(Trim(string_view(*body).substr(0, at))) + std::string(after);
    return marker == kIncluded ? Inclusion::kIncluded : Inclusion::kExcluded;
  }
  return Inclusion::kNone;
}

// Makes `t`'s bound included or excluded; nothing, or why it cannot be.
std::optional<Message> ApplyInclusion(Inclusion inclusion, string_view whole,
                                      const std::string& body, Target* t) {
  const bool included = inclusion == Inclusion::kIncluded;
  if (t->kind == TargetKind::kRange) {
    if (included) return std::nullopt;
    return Msg(MsgId::kValRangeExcluded, Cut(whole),
               Cut(body.substr(0, body.find_first_of("-~"))));
  }
  switch (t->cmp) {
    case Comparator::kGe:
    case Comparator::kGt:
      t->cmp = included ? Comparator::kGe : Comparator::kGt;
      return std::nullopt;
    case Comparator::kLe:
    case Comparator::kLt:
      if (t->kind == TargetKind::kDate && !t->explicit_comparator) t->explicit_comparator = true;
      t->cmp = included ? Comparator::kLe : Comparator::kLt;
      return std::nullopt;
    case Comparator::kEq:
      break;
  }
  return Msg(MsgId::kValInclusionWithoutComparator, Cut(whole), included ? "含" : "不含",
             included ? "≥" : ">", Cut(body), included ? "≤" : "<");
}

// ---------------------------------------------------------------------------
// Actual values.

Message NoComparatorMessage(string_view s) {
  return Msg(MsgId::kValActualWithComparator, Cut(s));
}

// `s` starts like a date; `a` holds the text as written.
Parsed<Actual> ParseDateActual(string_view s, Actual a) {
  DateScan d = ScanDate(s);
  if (d.status == DateScan::kImpossible) return Parsed<Actual>::Error(std::move(d.error));
  if (d.status != DateScan::kOk) return a;
  string_view rest = Trim(s.substr(d.len));
  // Midnight after the date ("2024-12-01 00:00:00", "2024/12/1 0:00"): how
  // a spreadsheet exports a date cell; the date alone.
  if (rest == "00:00:00" || rest == "0:00:00" || rest == "00:00" || rest == "0:00") rest = {};
  if (rest.empty()) {
    a.kind = ActualKind::kDate;
    a.date = d.date;
    return a;
  }
  const ComparatorSpelling* suffix = MatchSuffix(rest, kDateSuffixes);
  if (suffix != nullptr && suffix->text == rest)
    return Parsed<Actual>::Error(NoComparatorMessage(s));
  return a;
}

// `s` starts like a number; `a` holds the text as written.
Parsed<Actual> ParseQuantityActual(string_view s, Actual a) {
  NumberScan num = ScanNumber(s);
  if (num.status == NumberScan::kBadGrouping) {
    return Parsed<Actual>::Error(BadGroupingMessage(s.substr(0, num.len)));
  }
  if (num.status == NumberScan::kTooLong) {
    return Parsed<Actual>::Error(TooLongMessage(s.substr(0, num.len)));
  }
  if (num.status != NumberScan::kOk) return a;
  string_view unit = Trim(s.substr(num.len));
  // "1O mSv": said as for a target, before the text is taken for one that
  // is no value.
  if (UnitProblem problem = LetterOProblem(s.substr(num.len))) {
    return Parsed<Actual>::Error(ExpectedQuantity({}, s, unit, problem));
  }
  if (const ComparatorSpelling* suffix = MatchSuffix(unit, kQuantitySuffixes)) {
    if (IsValidUnit(Trim(unit.substr(0, unit.size() - suffix->text.size())))) {
      return Parsed<Actual>::Error(NoComparatorMessage(s));
    }
  }
  if (!IsValidUnit(unit)) {
    // A letter typed for a digit ("1OO%", "1OO"): said as for a target; any
    // other text is the caller's to judge.
    const UnitProblem problem = CounterProblem(unit);
    if (problem.id == MsgId::kValNotUnitLetterO || problem.id == MsgId::kValNotUnitLetterForDigit) {
      return Parsed<Actual>::Error(ExpectedQuantity({}, s, unit, problem));
    }
    return a;
  }
  Quantity q{num.value, LookupUnit(unit)};
  if (IsCalendarYear(q)) return a;
  a.kind = ActualKind::kQuantity;
  a.value = std::move(q);
  return a;
}

// ---------------------------------------------------------------------------
// Grades.

struct GradeSpelling {
  string_view text;
  Grade grade;
};

constexpr GradeSpelling kGrades[] = {
    {"达成", Grade::kAchieved},
    {"达成年度指标", Grade::kAchieved},
    {"achieved", Grade::kAchieved},
    {"部分达成", Grade::kPartial},
    {"部分达成年度指标并具有一定效果", Grade::kPartial},
    {"部分达成年度指标", Grade::kPartial},
    {"partial", Grade::kPartial},
    {"未达成", Grade::kNotAchieved},
    {"未达成年度指标且效果较差", Grade::kNotAchieved},
    {"未达成年度指标", Grade::kNotAchieved},
    {"not-achieved", Grade::kNotAchieved},
};

std::string AsciiLower(string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------
// Shared with value_figures.cc (value_scan.h).

namespace value_scan {

NumberScan ScanNumber(std::string_view s) {
  NumberScan r;
  std::string clean;
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    if (s[i] == '-') clean += '-';
    ++i;
  }
  const size_t int_begin = i;
  i = SkipDigits(s, i);
  const size_t lead_digits = i - int_begin;
  clean.append(s.substr(int_begin, lead_digits));
  while (i + 1 < s.size() && s[i] == ',' && IsDigit(s[i + 1])) {
    size_t end = SkipDigits(s, i + 1);
    if (lead_digits == 0 || lead_digits > 3 || s[int_begin] == '0' || end - i - 1 != 3) {
      r.status = NumberScan::kBadGrouping;
      r.len = end;
      return r;
    }
    clean.append(s.substr(i + 1, 3));
    i = end;
  }
  if (i + 1 < s.size() && s[i] == '.' && IsDigit(s[i + 1])) {
    size_t end = SkipDigits(s, i + 1);
    clean.append(s.substr(i, end - i));
    i = end;
  }
  if (lead_digits == 0 && clean.find('.') == std::string::npos) return r;
  if (clean.size() > kMaxDecimalDigits) {  // sign and '.' included: close enough
    r.status = NumberScan::kTooLong;
    r.len = i;
    return r;
  }
  std::optional<Rational> value = Rational::ParseDecimal(clean);
  if (!value) return r;
  r.status = NumberScan::kOk;
  r.value = *value;
  r.len = i;
  return r;
}

// True for "2024年": a whole number of 年 from 1000 to 9999 is a calendar year
// written without a day, never a duration.
bool IsCalendarYear(const Quantity& q) {
  return q.unit.name == "年" && q.value.is_integer() && q.value >= 1000 && q.value <= 9999;
}

bool IsQuantitySuffix(std::string_view s, Comparator* cmp) {
  for (const ComparatorSpelling& c : kQuantitySuffixes) {
    if (StartsWith(s, c.text)) {
      *cmp = c.cmp;
      return true;
    }
  }
  return false;
}

}  // namespace value_scan

// ---------------------------------------------------------------------------

const char* ComparatorSymbol(Comparator c) {
  switch (c) {
    case Comparator::kGe:
      return "≥";
    case Comparator::kGt:
      return ">";
    case Comparator::kLe:
      return "≤";
    case Comparator::kLt:
      return "<";
    case Comparator::kEq:
      return "=";
  }
  return "=";
}

Parsed<Target> ParseTarget(std::string_view text, int year) {
  const std::string folded = FoldFullWidth(text);
  const string_view whole = Trim(folded);
  if (whole.empty()) {
    return Parsed<Target>::Error(Msg(MsgId::kValTargetEmpty));
  }
  if (std::optional<Message> approximate = ApproximatePrefixProblem(whole)) {
    return Parsed<Target>::Error(std::move(*approximate));
  }
  Target t;
  string_view s = whole;
  string_view lead;
  if (size_t n = MatchPrefixComparator(s, &t.cmp)) {
    lead = s.substr(0, n);
    t.explicit_comparator = true;
    s = Trim(s.substr(n));
    if (s.empty()) {
      return Parsed<Target>::Error(Msg(MsgId::kValExpectedNumberOrDateNothing, Cut(lead)));
    }
  }
  if (std::optional<value_scan::PeriodScan> period = value_scan::ScanPeriod(s, year)) {
    // The deadline it means, with the comparator written before or after it.
    const std::string deadline = !lead.empty()          ? std::string(lead) + period->end
                                 : period->after > 0    ? "≥" + period->end
                                                        : period->end + "前";
    if (period->bare && (!lead.empty() || period->after != 0)) {
      // "≤1季度", "1季度以上": the first quarter, or a quarter's length of time.
      const std::string months = std::to_string(3 * period->quarter) + "个月";
      const std::string duration = !lead.empty()       ? std::string(lead) + months
                                   : period->after > 0 ? "≥" + months
                                                       : "≤" + months;
      return Parsed<Target>::Error(
          Msg(MsgId::kValQuarterOrDuration, Cut(whole), Cut(deadline), Cut(duration)));
    }
    return Parsed<Target>::Error(Msg(MsgId::kValPeriod, Cut(whole), Cut(deadline)));
  }
  if (!StartsNumeric(s)) {
    if (lead.empty()) {
      t.kind = TargetKind::kQualitative;
      return t;
    }
    // "不低于上年水平", "高于全国平均水平": a comparator word before words
    // without a figure is a qualitative target, which real tables have.
    bool word = static_cast<unsigned char>(lead[0]) >= 0xE4;
    if (word && s.find_first_of("0123456789") == string_view::npos) {
      Target q;
      q.kind = TargetKind::kQualitative;
      return q;
    }
    return Parsed<Target>::Error(Msg(MsgId::kValExpectedNumberOrDate, Cut(lead), Cut(s)));
  }
  if (value_scan::LooksLikeYearlessDate(s)) return YearlessDateError(whole, lead, s, year);
  // "100%完成", "2024年12月31日前完成": 完成 adds nothing to a value to reach.
  std::string body(s);
  if (EndsWith(body, kDoneSuffix) && body.size() > kDoneSuffix.size()) {
    body = std::string(Trim(string_view(body).substr(0, body.size() - kDoneSuffix.size())));
  }
  Inclusion inclusion = TakeInclusion(&body);
  Parsed<Target> parsed = LooksLikeDate(body) ? ParseDateTarget(body, lead, whole, std::move(t))
                                              : ParseQuantityTarget(body, lead, whole, std::move(t));
  if (!parsed || inclusion == Inclusion::kNone) return parsed;
  if (std::optional<Message> error = ApplyInclusion(inclusion, whole, body, &parsed.value())) {
    return Parsed<Target>::Error(std::move(*error));
  }
  return parsed;
}

namespace {

std::string WithoutBlanks(std::string_view text) {
  std::string out;
  for (char c : FoldFullWidth(text))
    if (c != ' ' && c != '\t') out.push_back(c);
  return out;
}

bool SameQuantity(const Quantity& a, const Quantity& b) {
  Parsed<Rational> v = ConvertTo(a, b.unit);
  return v && *v == b.value;
}

}  // namespace

bool SameTarget(std::string_view written, const Target& target, std::string_view target_text,
                int year) {
  if (WithoutBlanks(written) == WithoutBlanks(target_text)) return true;
  if (target.kind == TargetKind::kQualitative) return false;
  if (target.kind == TargetKind::kDate) {
    // A date cell Excel wrote back: "2024/12/31 0:00", "2024-12-31 00:00:00"
    // or its serial 45657, the 前 lost with the text.
    Parsed<Actual> a = ParseActual(written);
    if (a && a->kind == ActualKind::kDate && a->date == target.date) return true;
    if (std::optional<Date> d = a ? SerialDateOf(*a) : std::nullopt; d && *d == target.date)
      return true;
  }
  Parsed<Target> t = ParseTarget(written, year);
  if (!t || t->kind != target.kind || t->cmp != target.cmp) return false;
  switch (target.kind) {
    case TargetKind::kQuantity:
      return SameQuantity(t->value, target.value);
    case TargetKind::kRange:
      return SameQuantity(t->value, target.value) && SameQuantity(t->upper, target.upper);
    case TargetKind::kDate:
      return t->date == target.date;
    case TargetKind::kQualitative:
      break;
  }
  return false;
}

Parsed<Actual> ParseActual(std::string_view text) {
  Actual a;
  a.text = std::string(Trim(text));
  const std::string folded = FoldFullWidth(text);
  const string_view s = Trim(folded);
  if (s == "不适用") {
    a.kind = ActualKind::kNotApplicable;
    return a;
  }
  Comparator cmp;
  if (MatchPrefixComparator(s, &cmp) > 0) {
    Parsed<Target> t = ParseTarget(s);
    if (t.ok() && t->kind != TargetKind::kQualitative) {
      return Parsed<Actual>::Error(NoComparatorMessage(s));
    }
    return a;
  }
  // "2024年11月20日完成", "100%完成": 完成 after a value adds nothing.
  string_view body = s;
  if (EndsWith(body, kDoneSuffix)) {
    string_view rest = Trim(body.substr(0, body.size() - kDoneSuffix.size()));
    if (LooksLikeDate(rest) || StartsNumeric(rest)) body = rest;
  }
  if (LooksLikeDate(body)) return ParseDateActual(body, std::move(a));
  if (StartsNumeric(body)) return ParseQuantityActual(body, std::move(a));
  return a;
}

std::optional<Grade> GradeOf(std::string_view text) {
  const std::string folded = AsciiLower(Trim(FoldFullWidth(text)));
  for (const GradeSpelling& g : kGrades)
    if (g.text == folded) return g.grade;
  return std::nullopt;
}

std::string ClosestGrade(std::string_view text) {
  std::vector<std::string> spellings;
  for (const GradeSpelling& g : kGrades) spellings.emplace_back(g.text);
  return ClosestMatch(AsciiLower(Trim(FoldFullWidth(text))), spellings);
}

Parsed<Grade> ParseGrade(std::string_view text) {
  const std::string folded = AsciiLower(Trim(FoldFullWidth(text)));
  std::vector<std::string> spellings;
  for (const GradeSpelling& g : kGrades) {
    if (g.text == folded) return g.grade;
    spellings.emplace_back(g.text);
  }
  const std::string list = value_scan::QuotedList(spellings);
  if (folded.empty()) return Parsed<Grade>::Error(Msg(MsgId::kValGradeEmpty, list));
  std::string closest = ClosestGrade(text);
  if (closest.empty()) return Parsed<Grade>::Error(Msg(MsgId::kValNotGrade, Cut(folded), list));
  return Parsed<Grade>::Error(Msg(MsgId::kValNotGradeDidYouMean, Cut(folded), closest, list));
}

const char* GradeName(Grade g) {
  switch (g) {
    case Grade::kAchieved:
      return "达成";
    case Grade::kPartial:
      return "部分达成";
    case Grade::kNotAchieved:
      return "未达成";
  }
  return "未达成";
}

}  // namespace jixiao