// Dates of the value grammar (docs/reference.md §3.3): "2024-12-31",
// "2024年12月31日", "2024年12月底", "2024年底", checked against the calendar.
// See value.h.
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "base/text.h"
#include "model/value.h"
#include "model/value_scan.h"

namespace jixiao {

namespace value_scan {

namespace {

using std::string_view;

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

// `s` is not a date; `detail` (a catalogue text taking `arg`) says why.
DateScan Malformed(string_view s, MsgId detail, string_view arg = {}) {
  DateScan d;
  d.status = DateScan::kMalformed;
  d.error = Msg(MsgId::kValNotDate, Cut(s), Tr(detail, arg));
  return d;
}

// Checks the calendar; `written` is the date as written, for messages.
DateScan Validate(int y, int m, int d, string_view written, size_t len) {
  DateScan r;
  if (m < 1 || m > 12) {
    r.status = DateScan::kImpossible;
    r.error = Msg(MsgId::kValNoSuchMonth, Cut(written), m);
  } else if (d < 1 || d > DaysInMonth(y, m)) {
    r.status = DateScan::kImpossible;
    r.error = Msg(MsgId::kValNoSuchDay, Cut(written), y, m, DaysInMonth(y, m));
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
    return Malformed(s.substr(0, day_end), MsgId::kValDateMonthDayDigits);
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
    return Malformed(s.substr(0, month_end), MsgId::kValDateMonthDigits);
  const int month = ParseSmallInt(s.substr(i, month_end - i));
  i = month_end;
  if (!Consume(s, &i, "月")) return Malformed(s.substr(0, i), MsgId::kValDateExpectedMonth);
  if (ConsumeEnd(s, &i)) {
    int day = month >= 1 && month <= 12 ? DaysInMonth(year, month) : 1;
    return Validate(year, month, day, s.substr(0, i), i);
  }
  size_t day_end = SkipDigits(s, i);
  if (day_end == i) {
    return Malformed(s.substr(0, i), MsgId::kValDateNoDay, s.substr(0, i));
  }
  if (day_end - i > 2) return Malformed(s.substr(0, day_end), MsgId::kValDateDayDigits);
  const int day = ParseSmallInt(s.substr(i, day_end - i));
  i = day_end;
  if (!Consume(s, &i, "日")) Consume(s, &i, "号");
  return Validate(year, month, day, s.substr(0, i), i);
}


// "一" to "四" or "1" to "4" at s[*i]: the quarter, or 0.
int ConsumeQuarterNumber(string_view s, size_t* i) {
  static constexpr string_view kNumbers[] = {"一", "二", "三", "四"};
  for (int q = 0; q < 4; ++q) {
    if (Consume(s, i, kNumbers[q])) return q + 1;
  }
  if (*i < s.size() && s[*i] >= '1' && s[*i] <= '4') return s[(*i)++] - '0';
  return 0;
}

}  // namespace

bool LooksLikeYearlessDate(std::string_view s) {
  size_t month_end = SkipDigits(s, 0);
  if (month_end == 0 || month_end > 2) return false;
  size_t i = month_end;
  if (!Consume(s, &i, "月")) return false;
  return i < s.size() && (IsDigit(s[i]) || StartsWith(s.substr(i), "底") ||
                          StartsWith(s.substr(i), "末"));
}

std::optional<PeriodScan> ScanPeriod(std::string_view s, int year) {
  size_t i = 0;
  PeriodScan out;
  bool bare = true;  // a quarter's number and 季度 and nothing else that fixes the reading
  if (HasYear(s) && StartsWith(s.substr(4), "年")) {
    year = ParseSmallInt(s.substr(0, 4));
    i = 4 + string_view("年").size();
    bare = false;
  }
  int month = 0;
  if (Consume(s, &i, "上半年")) {
    month = 6;
  } else if (Consume(s, &i, "下半年")) {
    month = 12;
  } else {
    if (Consume(s, &i, "第")) bare = false;
    out.quarter = ConsumeQuarterNumber(s, &i);
    if (out.quarter == 0 || !Consume(s, &i, "季度")) return std::nullopt;
    month = out.quarter * 3;
  }
  if (Consume(s, &i, "末") || Consume(s, &i, "底")) bare = false;
  bool before = false;
  for (string_view word : {"以前", "之前", "前"}) {
    if (Consume(s, &i, word)) {
      before = true;
      break;
    }
  }
  if (!before) {
    // Comparator words, as after a quantity: 内 reads ≤, 以上 ≥.
    for (string_view word : {"以内", "之内", "内", "及以下", "以下"}) {
      if (Consume(s, &i, word)) {
        out.after = -1;
        break;
      }
    }
    for (string_view word : {"及以上", "以上", "以后", "之后", "后"}) {
      if (out.after == 0 && Consume(s, &i, word)) out.after = 1;
    }
  }
  Consume(s, &i, "完成");
  if (!Trim(s.substr(i)).empty()) return std::nullopt;
  out.bare = bare && out.quarter > 0;
  std::string y = year > 0 ? std::to_string(year) : "YYYY";
  int day = year > 0 ? DaysInMonth(year, month) : DaysInMonth(2001, month);
  out.end = y + "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
  return out;
}

bool LooksLikeDate(std::string_view s) {
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

DateScan ScanDate(std::string_view s) {
  return StartsWith(s.substr(4), "年") ? ScanChineseDate(s) : ScanNumericDate(s);
}

}  // namespace value_scan

int Compare(const Date& a, const Date& b) {
  if (a.year != b.year) return a.year < b.year ? -1 : 1;
  if (a.month != b.month) return a.month < b.month ? -1 : 1;
  if (a.day != b.day) return a.day < b.day ? -1 : 1;
  return 0;
}

std::optional<Date> SerialDateOf(const Actual& a) {
  if (a.kind != ActualKind::kQuantity || a.value.unit.dim != Dimension::kNone) return std::nullopt;
  return ExcelSerialDate(a.value.value);
}

std::optional<Date> ExcelSerialDate(const Rational& serial) {
  int64_t n;
  if (!serial.is_integer() || !serial.num().ToInt64(&n) || n < 36526 || n > 73050) {
    return std::nullopt;
  }
  // Days from 1970-01-01 (serial 25569), then the civil date (H. Hinnant's
  // days_from_civil inverse); the range keeps clear of 1900's false 29 February.
  int64_t z = n - 25569 + 719468;
  const int64_t era = z / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  Date d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2 ? 1 : 0));
  return d;
}

std::string FormatDate(const Date& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

}  // namespace jixiao
