// What the value parsers share (internal to model/): the text quoted in
// messages, digits, and the lookups of units and dates that value.cc makes
// of value_unit.cc and value_date.cc.
#ifndef JIXIAO_MODEL_VALUE_SCAN_H_
#define JIXIAO_MODEL_VALUE_SCAN_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/exact.h"
#include "base/messages.h"
#include "base/text.h"
#include "model/value.h"

namespace jixiao::value_scan {

// `s` cut to 60 columns, for a message to quote (its template holds the
// quotes of its language), so that a hostile megabyte of text is not
// repeated in a message.
inline std::string Cut(std::string_view s) { return TruncateToWidth(s, 60); }

// `items` listed in the current language: "a, b" or "a、b".
inline std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += Tr(MsgId::kValListSeparator);
    out += item;
  }
  return out;
}

// `items` quoted and listed in the current language: "'a', 'b'" or "“a”、“b”".
inline std::string QuotedList(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += Tr(MsgId::kValListSeparator);
    out += Tr(MsgId::kValQuoted, item);
  }
  return out;
}

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAscii(char c) { return static_cast<unsigned char>(c) < 0x80; }

// The end of the run of ASCII digits at s[i].
inline size_t SkipDigits(std::string_view s, size_t i) {
  while (i < s.size() && IsDigit(s[i])) ++i;
  return i;
}

// Whether `text` (not empty) is a known unit's spelling ("万元", "km", ...).
bool IsKnownUnit(std::string_view text);
// The longest known unit's spelling that is a proper prefix of `text` (not
// empty), or "".
std::string_view KnownUnitPrefix(std::string_view text);

// A number read at the start of a text.
struct NumberScan {
  enum Status { kNone, kOk, kBadGrouping, kTooLong } status = kNone;
  Rational value;
  size_t len = 0;  // bytes of `s` consumed (kOk), or the bad span (kBadGrouping, kTooLong)
};

// Scans the number at the start of `s`: optional sign, digits with optional
// thousands separators in groups of exactly 3 ("1,234,567"), optional '.'
// and fraction digits. A '.' or ',' not followed by a digit is not part of
// the number. Leading zeros are decimal ("010" is ten).
NumberScan ScanNumber(std::string_view s);

// True for "2024年": a whole number of 年 from 1000 to 9999 is a calendar
// year written without a day, never a duration.
bool IsCalendarYear(const Quantity& q);

// True when `s` starts with a suffix comparator (以上, 以内, …), whose
// comparator is then in *cmp.
bool IsQuantitySuffix(std::string_view s, Comparator* cmp);

// True when `s` starts like a date rather than a number: "YYYY-M-D",
// "YYYY/M/D", "YYYY.M.D" (the same separator twice), or "YYYY年" followed by
// a digit, 底 or 末. "2024.5" is a number; "2024年" is not a date (see
// IsCalendarYear in value.cc).
bool LooksLikeDate(std::string_view s);

// A date read at the start of a text.
struct DateScan {
  enum Status { kOk, kMalformed, kImpossible } status = kMalformed;
  Date date;
  size_t len = 0;  // bytes of the date in `s` (kOk)
  Message error;   // kMalformed, kImpossible
};

// The date at the start of `s`, which LooksLikeDate.
DateScan ScanDate(std::string_view s);

// True when `s` starts like a date without its year: a month of one or two
// digits, 月, then a digit, 底 or 末 ("12月底前", "6月30日").
bool LooksLikeYearlessDate(std::string_view s);

// A quarter or a half year written where a deadline is expected, alone or
// with 末/底, 前/以前/之前 or a comparator word (内, 以下, 以上, 以后...) and
// 完成 after it: "2024年第三季度", "第3季度末前", "三季度", "2024年上半年",
// "1季度以内".
struct PeriodScan {
  std::string end;  // its last day, "2024年9月30日" (the year in `s`, else the
                    // one given, else "YYYY")
  int quarter = 0;  // 1 to 4 for a quarter, 0 for a half year
  // A quarter written as its number and 季度 alone ("1季度", "三季度"), which
  // with a comparator may also mean that many quarters of time.
  bool bare = false;
  int after = 0;  // the comparator word after it: -1 for ≤ (内, 以下), 1 for ≥ (以上, 以后)
};
// `s` read as such a period, or nullopt when it is not one.
std::optional<PeriodScan> ScanPeriod(std::string_view s, int year);

}  // namespace jixiao::value_scan

#endif  // JIXIAO_MODEL_VALUE_SCAN_H_
