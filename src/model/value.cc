// The value grammar of docs/reference.md §3. See value.h for the contracts.
//
// Every parser works on the text after FoldFullWidth and Trim, scanning bytes
// (UTF-8 spellings are matched as byte strings). Messages quote the text as
// normalised, say what was found and what was expected.
#include "model/value.h"

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/text.h"

namespace jixiao {
namespace {

using std::string_view;

// `s` in quotes, cut to 60 columns so that a hostile megabyte of text is
// not repeated in a message.
std::string Quote(string_view s) { return "'" + TruncateToWidth(s, 60) + "'"; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAscii(char c) { return static_cast<unsigned char>(c) < 0x80; }

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
    {"至少", Comparator::kGe}, {"不小于", Comparator::kGe},

    {">", Comparator::kGt}, {"＞", Comparator::kGt}, {"大于", Comparator::kGt},
    {"高于", Comparator::kGt}, {"超过", Comparator::kGt}, {"多于", Comparator::kGt},

    {"≤", Comparator::kLe}, {"<=", Comparator::kLe}, {"≦", Comparator::kLe},
    {"小于等于", Comparator::kLe}, {"不高于", Comparator::kLe}, {"不超过", Comparator::kLe},
    {"不多于", Comparator::kLe}, {"不大于", Comparator::kLe},

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
                 std::string* error) {
  if (!t->explicit_comparator) {
    t->cmp = suffix.cmp;
    t->explicit_comparator = true;
    return true;
  }
  if (t->cmp != Comparator::kEq && IsReverse(t->cmp) == IsReverse(suffix.cmp)) return true;
  *error = "conflicting comparators " + Quote(lead) + " and " + Quote(suffix.text) + " in " +
           Quote(whole) + "; write one of them";
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
// Numbers.

struct NumberScan {
  enum Status { kNone, kOk, kBadGrouping, kTooLong } status = kNone;
  Rational value;
  size_t len = 0;  // bytes of `s` consumed (kOk), or the bad span (kBadGrouping, kTooLong)
};

size_t SkipDigits(string_view s, size_t i) {
  while (i < s.size() && IsDigit(s[i])) ++i;
  return i;
}

// Scans the number at the start of `s`: optional sign, digits with optional
// thousands separators in groups of exactly 3 ("1,234,567"), optional '.'
// and fraction digits. A '.' or ',' not followed by a digit is not part of
// the number. Leading zeros are decimal ("010" is ten).
NumberScan ScanNumber(string_view s) {
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

std::string TooLongMessage(string_view number) {
  return Quote(TruncateToWidth(number, 24)) + " has more than " +
         std::to_string(kMaxDecimalDigits) + " digits: write it with fewer digits";
}

std::string BadGroupingMessage(string_view number) {
  return Quote(number) +
         " is not a valid number: ',' must separate groups of 3 digits, as in '1,200' "
         "(use '.' for decimals)";
}

// ---------------------------------------------------------------------------
// Units.

struct UnitSpelling {
  string_view text;
  string_view canonical;
  Dimension dim;
  int64_t num, den;  // factor in the dimension's base unit
};

constexpr UnitSpelling kUnits[] = {
    {"元", "元", Dimension::kMoney, 1, 1},
    {"千元", "千元", Dimension::kMoney, 1000, 1},
    {"万元", "万元", Dimension::kMoney, 10000, 1},
    {"亿元", "亿元", Dimension::kMoney, 100000000, 1},
    {"%", "%", Dimension::kPercent, 1, 1},
    {"百分比", "%", Dimension::kPercent, 1, 1},
    {"‰", "‰", Dimension::kPercent, 1, 10},
    {"个月", "个月", Dimension::kMonths, 1, 1},
    {"月", "个月", Dimension::kMonths, 1, 1},
    {"年", "年", Dimension::kMonths, 12, 1},
    {"天", "天", Dimension::kDays, 1, 1},
    {"日", "天", Dimension::kDays, 1, 1},
    {"小时", "小时", Dimension::kDays, 1, 24},
    {"分钟", "分钟", Dimension::kDays, 1, 1440},
    {"Sv", "Sv", Dimension::kDose, 1, 1},
    {"mSv", "mSv", Dimension::kDose, 1, 1000},
    {"μSv", "μSv", Dimension::kDose, 1, 1000000},  // U+03BC GREEK SMALL LETTER MU
    {"µSv", "μSv", Dimension::kDose, 1, 1000000},  // U+00B5 MICRO SIGN
    {"uSv", "μSv", Dimension::kDose, 1, 1000000},
    {"克", "克", Dimension::kMass, 1, 1},
    {"g", "克", Dimension::kMass, 1, 1},
    {"公斤", "公斤", Dimension::kMass, 1000, 1},
    {"kg", "公斤", Dimension::kMass, 1000, 1},
    {"吨", "吨", Dimension::kMass, 1000000, 1},
    {"t", "吨", Dimension::kMass, 1000000, 1},
    {"米", "米", Dimension::kLength, 1, 1},
    {"m", "米", Dimension::kLength, 1, 1},
    {"公里", "公里", Dimension::kLength, 1000, 1},
    {"km", "公里", Dimension::kLength, 1000, 1},
    {"千米", "公里", Dimension::kLength, 1000, 1},
    {"平方米", "平方米", Dimension::kArea, 1, 1},
    {"㎡", "平方米", Dimension::kArea, 1, 1},
    {"m²", "平方米", Dimension::kArea, 1, 1},
    {"亩", "亩", Dimension::kArea, 2000, 3},  // 1 公顷 = 15 亩
    {"公顷", "公顷", Dimension::kArea, 10000, 1},
    {"平方公里", "平方公里", Dimension::kArea, 1000000, 1},
    {"平方千米", "平方公里", Dimension::kArea, 1000000, 1},
    {"km²", "平方公里", Dimension::kArea, 1000000, 1},
};

// The known unit spelled `text` (not empty), or nullptr.
const UnitSpelling* FindUnit(string_view text) {
  for (const UnitSpelling& u : kUnits) {
    if (u.text[0] == text[0] && u.text == text) return &u;
  }
  return nullptr;
}

// The longest known unit that is a proper prefix of `text`, or nullptr.
const UnitSpelling* FindUnitPrefix(string_view text) {
  const UnitSpelling* best = nullptr;
  for (const UnitSpelling& u : kUnits) {
    if (u.text.size() < text.size() && u.text[0] == text[0] && StartsWith(text, u.text) &&
        (best == nullptr || u.text.size() > best->text.size())) {
      best = &u;
    }
  }
  return best;
}

// Why `text` (trimmed, not empty, not a known unit) cannot be a counter
// written after a number, or "" when it can. A counter has no digits, no
// ASCII punctuation or spaces but '/', no '%' or '‰', and does not extend
// a known unit ("年度", "万元整"), except as a rate ("元/人") or an ASCII word
// ("min").
std::string CounterProblem(string_view text) {
  auto bad = [text](string_view hint) {
    return Quote(text) + " is not a unit" + std::string(hint);
  };
  for (char c : text) {
    if (IsAscii(c) && !IsAsciiLetter(c) && c != '/' && c != '%') return bad("");  // digits too
  }
  // A range separator in a unit would make the text read differently once
  // written back ("4-8个〜" is not the range "4个〜-8个〜").
  for (string_view sep : {"—", "–", "〜", "至"}) {
    if (text.find(sep) != string_view::npos)
      return bad(" (it holds the range separator " + Quote(sep) + ")");
  }
  // Nor a suffix comparator at its end: "8个及以下-30" is not a range of
  // the unit '个及以下' (written back, the comparator would be read as one).
  for (const ComparatorSpelling& c : kQuantitySuffixes) {
    if (EndsWith(text, c.text)) return bad(" (it ends with the comparator " + Quote(c.text) + ")");
  }
  // Nor an approximation: "5台左右-6台" is as approximate as "5台左右".
  for (string_view approx : kApproximations) {
    if (EndsWith(text, approx)) return bad(" (it ends with the approximation " + Quote(approx) + ")");
  }
  if (text.find('%') != string_view::npos || text.find("‰") != string_view::npos) {
    bool o = text[0] == 'O' || text[0] == 'o';
    return bad(o ? " (the letter 'O' typed for the digit 0?)" : "");
  }
  if (const UnitSpelling* known = FindUnitPrefix(text)) {
    char next = text[known->text.size()];
    bool ascii_word = IsAsciiLetter(known->text.back()) && IsAsciiLetter(next);
    if (next != '/' && !ascii_word) return bad(" (did you mean " + Quote(known->text) + "?)");
  }
  if ((text[0] == 'O' || text[0] == 'o' || text[0] == 'l' || text[0] == 'I') && text.size() > 1 &&
      !IsAscii(text[1])) {
    return bad(" (a letter typed for a digit?)");
  }
  return "";
}

std::string UnitLabel(const Unit& u) { return u.name.empty() ? "no unit" : Quote(u.name); }

// ---------------------------------------------------------------------------
// Quantities and ranges.

// "expected a number and a unit after '≥', got '9O%': 'O%' is not a unit".
std::string ExpectedQuantity(string_view lead, string_view got, const std::string& detail) {
  std::string m = "expected a number and a unit";
  if (!lead.empty()) m += " after " + Quote(lead);
  m += ", got " + Quote(got);
  if (!detail.empty()) m += ": " + detail;
  return m;
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
    std::string m = "expected a number";
    if (!lead.empty()) m += " after " + Quote(lead);
    return Parsed<Quantity>::Error(m + ", got " + (s.empty() ? "nothing" : Quote(s)));
  }
  string_view unit = Trim(s.substr(num.len));
  Quantity q;
  q.value = num.value;
  q.unit = LookupUnit(unit);
  if (q.unit.dim == Dimension::kCounter) {
    std::string problem = CounterProblem(unit);
    if (!problem.empty()) return Parsed<Quantity>::Error(ExpectedQuantity(lead, s, problem));
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
  Parsed<Rational> up = ConvertTo(upper, lower.unit);
  if (!up) {
    return Parsed<Body>::Error("the bounds of the range " + Quote(whole) +
                               " cannot be compared: " + up.error());
  }
  upper.value = *up;
  upper.unit = lower.unit;
  if (upper.value < lower.value) {
    return Parsed<Body>::Error("the range " + Quote(whole) +
                               " has its lower bound above its upper bound; write the smaller "
                               "number first");
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
    if (!q) return Parsed<Body>::Error(q.error());
    Body b;
    b.lower = std::move(q.value());
    return b;
  }
  Parsed<Quantity> lower = ParseQuantity(Trim(s.substr(0, sep.pos)), lead);
  if (!lower) return Parsed<Body>::Error(lower.error());
  string_view sep_text = s.substr(sep.pos, sep.len);
  Parsed<Quantity> upper = ParseQuantity(Trim(s.substr(sep.pos + sep.len)), sep_text);
  if (!upper) return Parsed<Body>::Error(upper.error() + " in the range " + Quote(s));
  return MakeRange(std::move(lower.value()), std::move(upper.value()), s);
}

// ---------------------------------------------------------------------------
// Dates.

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

int ParseSmallInt(string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

bool HasYear(string_view s) {
  return s.size() >= 4 && IsDigit(s[0]) && IsDigit(s[1]) && IsDigit(s[2]) && IsDigit(s[3]);
}

// True when `s` starts like a date rather than a number: "YYYY-M-D",
// "YYYY/M/D", "YYYY.M.D" (the same separator twice), or "YYYY年" followed by
// a digit, 底 or 末. "2024.5" is a number; "2024年" is not a date (see
// IsCalendarYear).
bool LooksLikeDate(string_view s) {
  if (!HasYear(s) || s.size() < 6) return false;
  string_view rest = s.substr(4);
  if (StartsWith(rest, "年")) {
    rest = rest.substr(std::string_view("年").size());
    return !rest.empty() && (IsDigit(rest[0]) || StartsWith(rest, "底") || StartsWith(rest, "末"));
  }
  char sep = rest[0];
  if (sep != '-' && sep != '/' && sep != '.') return false;
  size_t end = SkipDigits(s, 5);
  return end > 5 && end + 1 < s.size() && s[end] == sep && IsDigit(s[end + 1]);
}

struct DateScan {
  enum Status { kOk, kMalformed, kImpossible } status = kMalformed;
  Date date;
  size_t len = 0;     // bytes of the date in `s` (kOk)
  std::string error;  // kMalformed, kImpossible
};

std::string DateExamples() {
  return "write a date such as '2024-12-31', '2024年12月31日', '2024年12月底' or '2024年底'";
}

DateScan Malformed(string_view s, string_view detail) {
  DateScan d;
  d.status = DateScan::kMalformed;
  d.error = Quote(s) + " is not a date" + std::string(detail) + "; " + DateExamples();
  return d;
}

// Checks the calendar; `written` is the date as written, for messages.
DateScan Validate(int y, int m, int d, string_view written, size_t len) {
  DateScan r;
  std::string head = Quote(written) + " is not a calendar date: ";
  if (m < 1 || m > 12) {
    r.status = DateScan::kImpossible;
    r.error = head + "there is no month " + std::to_string(m);
  } else if (d < 1 || d > DaysInMonth(y, m)) {
    r.status = DateScan::kImpossible;
    r.error = head + std::to_string(y) + "年" + std::to_string(m) + "月 has " +
              std::to_string(DaysInMonth(y, m)) + " days";
  } else {
    r.status = DateScan::kOk;
    r.date = Date{y, m, d};
    r.len = len;
  }
  return r;
}

// "YYYY-M-D" with `sep` one of - / . at s[4].
DateScan ScanNumericDate(string_view s) {
  size_t month_end = SkipDigits(s, 5);
  size_t day_end = SkipDigits(s, month_end + 1);
  if (month_end - 5 > 2 || day_end - month_end - 1 > 2) {
    return Malformed(s.substr(0, day_end), " (month and day have one or two digits)");
  }
  return Validate(ParseSmallInt(s.substr(0, 4)), ParseSmallInt(s.substr(5, month_end - 5)),
                  ParseSmallInt(s.substr(month_end + 1, day_end - month_end - 1)),
                  s.substr(0, day_end), day_end);
}

// Consumes "底" or "末" at s[*i]; true if found.
bool ConsumeEnd(string_view s, size_t* i) {
  for (string_view w : {string_view("底"), string_view("末")}) {
    if (s.compare(*i, w.size(), w) == 0) {
      *i += w.size();
      return true;
    }
  }
  return false;
}

bool Consume(string_view s, size_t* i, string_view word) {
  if (s.compare(*i, word.size(), word) != 0) return false;
  *i += word.size();
  return true;
}

// "YYYY年底", "YYYY年末", "YYYY年M月底", "YYYY年M月末", "YYYY年M月D日" (日 or 号
// optional).
DateScan ScanChineseDate(string_view s) {
  const int year = ParseSmallInt(s.substr(0, 4));
  size_t i = 4;
  Consume(s, &i, "年");
  if (ConsumeEnd(s, &i)) return Validate(year, 12, 31, s.substr(0, i), i);
  size_t month_end = SkipDigits(s, i);
  if (month_end - i > 2)
    return Malformed(s.substr(0, month_end), " (a month has one or two digits)");
  const int month = ParseSmallInt(s.substr(i, month_end - i));
  i = month_end;
  if (!Consume(s, &i, "月")) return Malformed(s.substr(0, i), " (expected '月' after the month)");
  if (ConsumeEnd(s, &i)) {
    int day = month >= 1 && month <= 12 ? DaysInMonth(year, month) : 1;
    return Validate(year, month, day, s.substr(0, i), i);
  }
  size_t day_end = SkipDigits(s, i);
  if (day_end == i) {
    return Malformed(s.substr(0, i), " (it has no day: write '" + std::string(s.substr(0, i)) +
                                         "31日' or '" + std::string(s.substr(0, i)) + "底')");
  }
  if (day_end - i > 2) return Malformed(s.substr(0, day_end), " (a day has one or two digits)");
  const int day = ParseSmallInt(s.substr(i, day_end - i));
  i = day_end;
  if (!Consume(s, &i, "日")) Consume(s, &i, "号");
  return Validate(year, month, day, s.substr(0, i), i);
}

// Requires LooksLikeDate(s).
DateScan ScanDate(string_view s) {
  return StartsWith(s.substr(4), "年") ? ScanChineseDate(s) : ScanNumericDate(s);
}

// [comparator] date [前|以前|之前], with the comparator already in `t`.
Parsed<Target> ParseDateTarget(string_view s, string_view lead, string_view whole, Target t) {
  DateScan d = ScanDate(s);
  if (d.status != DateScan::kOk) return Parsed<Target>::Error(d.error);
  t.kind = TargetKind::kDate;
  t.date = d.date;
  string_view rest = Trim(s.substr(d.len));
  if (!rest.empty()) {
    const ComparatorSpelling* suffix = MatchSuffix(rest, kDateSuffixes);
    if (suffix != nullptr && suffix->text == rest) {
      std::string error;
      if (!ApplySuffix(*suffix, lead, whole, &t, &error)) return Parsed<Target>::Error(error);
    } else if (RangeSeparator sep = FindRangeSeparator(rest);
               sep.pos == 0 && LooksLikeDate(Trim(rest.substr(sep.len)))) {
      DateScan end = ScanDate(Trim(rest.substr(sep.len)));
      const Date& deadline = end.status == DateScan::kOk ? end.date : d.date;
      return Parsed<Target>::Error("a date range such as " + Quote(whole) +
                                   " cannot be scored; write a deadline such as '≤" +
                                   FormatDate(deadline) + "'");
    } else {
      return Parsed<Target>::Error("unexpected " + Quote(rest) + " after the date " +
                                   Quote(s.substr(0, d.len)) + "; expected nothing or '前'");
    }
  }
  if (!t.explicit_comparator) t.cmp = Comparator::kLe;
  return t;
}

// True for "2024年": a whole number of 年 from 1000 to 9999 is a calendar year
// written without a day, never a duration.
bool IsCalendarYear(const Quantity& q) {
  return q.unit.name == "年" && q.value.is_integer() && q.value >= 1000 && q.value <= 9999;
}

// Why `s` (a quantity, `whole` as written) cannot be scored when it ends
// with an approximation word such as 左右, else "".
std::string ApproximationProblem(string_view s, string_view whole) {
  for (string_view approx : kApproximations) {
    if (EndsWith(s, approx)) {
      string_view value = Trim(s.substr(0, s.size() - approx.size()));
      return Quote(whole) + " is approximate and cannot be scored: instead of " + Quote(approx) +
             " write a comparator such as '≥" + std::string(value) + "' or '≤" +
             std::string(value) + "', or a range";
    }
  }
  return "";
}

// [comparator] body [suffix], with the comparator already in `t`.
Parsed<Target> ParseQuantityTarget(string_view s, string_view lead, string_view whole, Target t) {
  std::string approximate = ApproximationProblem(s, whole);
  if (!approximate.empty()) return Parsed<Target>::Error(approximate);
  if (const ComparatorSpelling* suffix = MatchSuffix(s, kQuantitySuffixes)) {
    std::string error;
    if (!ApplySuffix(*suffix, lead, whole, &t, &error)) return Parsed<Target>::Error(error);
    s = Trim(s.substr(0, s.size() - suffix->text.size()));
    // "5个以内以下": a second suffix would be read as part of the unit.
    if (const ComparatorSpelling* second = MatchSuffix(s, kQuantitySuffixes)) {
      return Parsed<Target>::Error(Quote(whole) + " has two comparators after the number, " +
                                   Quote(second->text) + " and " + Quote(suffix->text) +
                                   "; write one of them");
    }
    // "21个左右以下" is as approximate as "21个左右".
    approximate = ApproximationProblem(s, whole);
    if (!approximate.empty()) return Parsed<Target>::Error(approximate);
  }
  Parsed<Body> body = ParseBody(s, lead);
  if (!body) return Parsed<Target>::Error(body.error());
  if (body->is_range) {
    if (t.explicit_comparator) {
      return Parsed<Target>::Error("a range takes no comparator: " + Quote(whole) +
                                   " should be a range alone, as in '80%-90%', or a single "
                                   "bound, as in '≥80%'");
    }
    t.kind = TargetKind::kRange;
    t.value = std::move(body.value().lower);
    t.upper = std::move(body.value().upper);
    return t;
  }
  if (IsCalendarYear(body->lower)) {
    return Parsed<Target>::Error(Quote(whole) +
                                 " is a year, not a duration or a date: write a "
                                 "deadline such as '" +
                                 body->lower.value.num().ToString() + "年底前' or '" +
                                 body->lower.value.num().ToString() + "年12月31日'");
  }
  t.kind = TargetKind::kQuantity;
  t.value = std::move(body.value().lower);
  return t;
}

// ---------------------------------------------------------------------------
// Actual values.

std::string NoComparatorMessage(string_view s) {
  return "an actual value takes no comparator: write the value achieved (such as '92%' or "
         "'2024-11-20'), not a target such as " +
         Quote(s);
}

// True when `unit` may follow a number: none, a known unit or a counter.
bool IsValidUnit(string_view unit) {
  return unit.empty() || FindUnit(unit) != nullptr || CounterProblem(unit).empty();
}

// `s` starts like a date; `a` holds the text as written.
Parsed<Actual> ParseDateActual(string_view s, Actual a) {
  DateScan d = ScanDate(s);
  if (d.status == DateScan::kImpossible) return Parsed<Actual>::Error(d.error);
  if (d.status != DateScan::kOk) return a;
  string_view rest = Trim(s.substr(d.len));
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
  if (const ComparatorSpelling* suffix = MatchSuffix(unit, kQuantitySuffixes)) {
    if (IsValidUnit(Trim(unit.substr(0, unit.size() - suffix->text.size())))) {
      return Parsed<Actual>::Error(NoComparatorMessage(s));
    }
  }
  if (!IsValidUnit(unit)) return a;
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
    {"partial", Grade::kPartial},
    {"未达成", Grade::kNotAchieved},
    {"未达成年度指标且效果较差", Grade::kNotAchieved},
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

const char* DimensionName(Dimension d) {
  switch (d) {
    case Dimension::kNone:
      return "no unit";
    case Dimension::kMoney:
      return "money";
    case Dimension::kPercent:
      return "percent";
    case Dimension::kMonths:
      return "months";
    case Dimension::kDays:
      return "days";
    case Dimension::kDose:
      return "dose";
    case Dimension::kMass:
      return "mass";
    case Dimension::kLength:
      return "length";
    case Dimension::kArea:
      return "area";
    case Dimension::kCounter:
      return "counter";
  }
  return "no unit";
}

Unit LookupUnit(std::string_view text) {
  Unit u;
  if (text.empty()) return u;
  if (const UnitSpelling* known = FindUnit(text)) {
    u.name = std::string(known->canonical);
    u.dim = known->dim;
    u.factor = Rational(BigInt(known->num), BigInt(known->den));
    return u;
  }
  u.name = std::string(text);
  u.dim = Dimension::kCounter;
  return u;
}

Parsed<Rational> ConvertTo(const Quantity& q, const Unit& to) {
  const Unit& from = q.unit;
  if (from.dim == Dimension::kNone) return q.value;
  if (to.dim == Dimension::kNone) {
    return Parsed<Rational>::Error("the value has unit " + Quote(from.name) +
                                   " but the target has no unit; write the value as a plain "
                                   "number or give the target a unit");
  }
  if (from.dim == Dimension::kCounter && to.dim == Dimension::kCounter) {
    if (from.name == to.name) return q.value;
    return Parsed<Rational>::Error(Quote(from.name) + " cannot be compared with " + Quote(to.name) +
                                   ": counted units must match exactly");
  }
  if (from.dim != to.dim) {
    std::string m = Quote(from.name) + " cannot be compared with " + Quote(to.name);
    bool days_months = (from.dim == Dimension::kDays && to.dim == Dimension::kMonths) ||
                       (from.dim == Dimension::kMonths && to.dim == Dimension::kDays);
    if (days_months) {
      return Parsed<Rational>::Error(
          m +
          ": a month is not a fixed number of days, so days and months do not convert; "
          "write both in days or both in months");
    }
    return Parsed<Rational>::Error(m + ": " + UnitLabel(from) + " measures " +
                                   DimensionName(from.dim) + ", " + UnitLabel(to) + " measures " +
                                   DimensionName(to.dim));
  }
  if (from.name == to.name) return q.value;
  return q.value * from.factor / to.factor;
}

int Compare(const Date& a, const Date& b) {
  if (a.year != b.year) return a.year < b.year ? -1 : 1;
  if (a.month != b.month) return a.month < b.month ? -1 : 1;
  if (a.day != b.day) return a.day < b.day ? -1 : 1;
  return 0;
}

std::string FormatDate(const Date& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

Parsed<Target> ParseTarget(std::string_view text) {
  const std::string folded = FoldFullWidth(text);
  const string_view whole = Trim(folded);
  if (whole.empty()) {
    return Parsed<Target>::Error(
        "the target is empty; expected a value such as '≥90%', '4台' or '≤2024-12-31', or a "
        "qualitative target such as '显著提升'");
  }
  Target t;
  string_view s = whole;
  string_view lead;
  if (size_t n = MatchPrefixComparator(s, &t.cmp)) {
    lead = s.substr(0, n);
    t.explicit_comparator = true;
    s = Trim(s.substr(n));
    if (s.empty()) {
      return Parsed<Target>::Error("expected a number or a date after " + Quote(lead) +
                                   ", got nothing");
    }
    if (!StartsNumeric(s)) {
      // "不低于上年水平", "高于全国平均水平": a comparator word before words
      // without a figure is a qualitative target, which real tables have.
      bool word = static_cast<unsigned char>(lead[0]) >= 0xE4;
      if (word && s.find_first_of("0123456789") == string_view::npos) {
        Target q;
        q.kind = TargetKind::kQualitative;
        return q;
      }
      return Parsed<Target>::Error("expected a number or a date after " + Quote(lead) + ", got " +
                                   Quote(s));
    }
  } else if (!StartsNumeric(s)) {
    t.kind = TargetKind::kQualitative;
    return t;
  }
  if (LooksLikeDate(s)) return ParseDateTarget(s, lead, whole, std::move(t));
  return ParseQuantityTarget(s, lead, whole, std::move(t));
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
  if (LooksLikeDate(s)) return ParseDateActual(s, std::move(a));
  if (StartsNumeric(s)) return ParseQuantityActual(s, std::move(a));
  return a;
}

Parsed<Grade> ParseGrade(std::string_view text) {
  const std::string folded = AsciiLower(Trim(FoldFullWidth(text)));
  std::vector<std::string> spellings;
  for (const GradeSpelling& g : kGrades) {
    if (g.text == folded) return g.grade;
    spellings.emplace_back(g.text);
  }
  std::string m =
      folded.empty() ? std::string("the grade is empty") : Quote(folded) + " is not a grade";
  std::string closest = folded.empty() ? "" : ClosestMatch(folded, spellings);
  if (!closest.empty()) m += " (did you mean " + Quote(closest) + "?)";
  m += "; expected one of";
  for (size_t i = 0; i < spellings.size(); ++i) m += (i == 0 ? " " : ", ") + Quote(spellings[i]);
  return Parsed<Grade>::Error(m);
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
