// Figures in qualitative targets (docs/reference.md §1.3, §3.4): a target
// such as 控制在850万元以内 reads as qualitative, and FindFigures finds the
// figure it holds and the quantity target it most likely means. See value.h.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "base/text.h"
#include "model/value.h"
#include "model/value_scan.h"

namespace jixiao {
namespace {

using std::string_view;
using value_scan::IsAscii;
using value_scan::IsCalendarYear;
using value_scan::IsDigit;
using value_scan::IsQuantitySuffix;
using value_scan::NumberScan;
using value_scan::ScanNumber;
using value_scan::SkipDigits;

// Comparator words written before a figure in running text ("控制在850万元").
constexpr std::pair<string_view, const char*> kFigureComparators[] = {
    {"不低于", "≥"}, {"不少于", "≥"}, {"至少", "≥"}, {"达到", "≥"}, {"大于等于", "≥"},
    {"不小于", "≥"}, {"≥", "≥"},     {">=", "≥"},    {"控制在", "≤"}, {"不超过", "≤"},
    {"不高于", "≤"}, {"不多于", "≤"}, {"小于等于", "≤"}, {"不大于", "≤"}, {"≤", "≤"},
    {"<=", "≤"},
};

// Number words before a unit (LookupUnit reads them).
constexpr string_view kNumberWords[] = {"万", "千", "亿"};

// Counted units common in running text, besides the known units.
constexpr string_view kCommonCounters[] = {
    "人次", "家次", "个百分点", "人", "次", "个", "台", "套", "项", "份", "家", "户", "所", "名",
    "场", "期", "篇", "件", "辆", "条", "座", "处", "批", "本", "册", "间", "张", "棵", "株", "起"};

// The length of the unit at the start of `s`: the longest known unit (with
// or without a number word before it), else a common counter; 0 for none.
size_t UnitLengthAt(string_view s) {
  size_t best = 0;
  size_t limit = std::min<size_t>(s.size(), 24);
  for (size_t len = 1; len <= limit; ++len) {
    if (len < s.size() && (static_cast<unsigned char>(s[len]) & 0xC0) == 0x80) continue;
    Unit u = LookupUnit(s.substr(0, len));
    if (u.dim != Dimension::kCounter && u.dim != Dimension::kNone && u.dim != Dimension::kNumber)
      best = len;
  }
  if (best > 0) return best;
  string_view rest = s;
  size_t word = 0;
  for (string_view w : kNumberWords) {
    if (StartsWith(rest, w)) {
      word = w.size();
      rest = rest.substr(word);
      break;
    }
  }
  for (string_view c : kCommonCounters) {
    if (StartsWith(rest, c)) return word + c.size();
  }
  return 0;
}

}  // namespace

FigureHint FindFigures(std::string_view qualitative, bool cost) {
  const std::string folded = FoldFullWidth(qualitative);
  const string_view s = Trim(folded);
  FigureHint hint;
  size_t begin = 0, end = 0;  // of the first figure
  std::string unit;           // of the first figure
  // A qualitative target is a phrase: its first kilobyte is read, and the
  // count stops at a second figure.
  const size_t limit = std::min<size_t>(s.size(), 1024);
  for (size_t i = 0; i < limit && hint.figures < 2;) {
    bool starts = IsDigit(s[i]) && (i == 0 || (!IsDigit(s[i - 1]) && s[i - 1] != '.' &&
                                               s[i - 1] != ','));
    if (!starts) {
      ++i;
      continue;
    }
    NumberScan num = ScanNumber(s.substr(i));
    if (num.status != NumberScan::kOk) {
      i = SkipDigits(s, i);
      continue;
    }
    size_t after = i + num.len;
    size_t len = UnitLengthAt(s.substr(after));
    if (len == 0 || IsCalendarYear({num.value, LookupUnit(s.substr(after, len))})) {
      i = after;
      continue;
    }
    if (hint.figures++ == 0) {
      begin = i;
      end = after + len;
      unit = std::string(s.substr(after, len));
      hint.figure = std::string(s.substr(i, end - i));
    }
    i = after + len;
  }
  if (hint.figures != 1) return hint;
  const string_view before = Trim(s.substr(0, begin));
  const string_view after = Trim(s.substr(end));
  std::string cmp = cost ? "≤" : "";
  for (const auto& [word, symbol] : kFigureComparators) {
    if (EndsWith(before, word)) cmp = symbol;
  }
  if (Comparator suffix; IsQuantitySuffix(after, &suffix)) cmp = ComparatorSymbol(suffix);
  // "每生每天5元" is 5元/生/天.
  std::string per;
  for (size_t at = before.find("每"); at != string_view::npos; at = before.find("每", at + 1)) {
    size_t next = at + string_view("每").size();
    if (next >= before.size() || IsAscii(before[next])) continue;
    size_t len = 1;
    while (next + len < before.size() && (static_cast<unsigned char>(before[next + len]) & 0xC0) == 0x80) ++len;
    per += "/" + std::string(before.substr(next, len));
  }
  const std::string value(s.substr(begin, end - begin));
  for (const std::string& candidate : {cmp + value + per, cmp + value}) {
    Parsed<Target> t = ParseTarget(candidate);
    if (t && t->kind == TargetKind::kQuantity) {
      hint.rewrite = candidate;
      break;
    }
  }
  return hint;
}

bool IsPlaceholderText(std::string_view text) {
  static constexpr std::string_view kPlaceholders[] = {
      "/", "／", "\\", "-", "－", "--", "—", "——", "–", "无", "暂无", "空", "N/A", "n/a", "NA", "na",
  };
  text = Trim(text);
  for (std::string_view p : kPlaceholders)
    if (text == p) return true;
  return false;
}

bool IsNotApplicableWithReason(std::string_view text) {
  text = Trim(text);
  return (StartsWith(text, "不适用") && text != "不适用") || text == "不涉及";
}

std::optional<SpacedDigits> DigitsGroupedBySpaces(std::string_view text) {
  text = Trim(text);
  // The space at `pos`: its length in bytes, 0 when there is none.
  auto space_at = [&](size_t pos, char32_t* cp) -> size_t {
    static constexpr std::pair<std::string_view, char32_t> kSpaces[] = {
        {" ", U' '},
        {"\u00A0", U'\u00A0'},
        {"\u2009", U'\u2009'},
        {"\u202F", U'\u202F'},
        {"\u3000", U'\u3000'}};
    for (const auto& [bytes, c] : kSpaces) {
      if (text.substr(pos, bytes.size()) == bytes) {
        *cp = c;
        return bytes.size();
      }
    }
    return 0;
  };
  auto digits_at = [&](size_t pos) {
    size_t n = 0;
    while (pos + n < text.size() && text[pos + n] >= '0' && text[pos + n] <= '9') ++n;
    return n;
  };
  size_t pos = text.size() > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
  const size_t lead = digits_at(pos);
  if (lead == 0 || lead > 3) return std::nullopt;
  SpacedDigits out;
  out.joined = std::string(text.substr(0, pos + lead));
  pos += lead;
  bool found = false;
  for (;;) {
    char32_t cp = 0;
    const size_t gap = space_at(pos, &cp);
    if (gap == 0 || digits_at(pos + gap) != 3) break;
    if (!found) out.space = cp;
    found = true;
    out.joined.append(text.substr(pos + gap, 3));
    pos += gap + 3;
  }
  // (A group of more than three digits after a space, "1 0000", is no
  // thousands: the loop stops before it.)
  if (!found) return std::nullopt;
  out.joined.append(text.substr(pos));
  Parsed<Actual> joined = ParseActual(out.joined);
  if (!joined || joined->kind != ActualKind::kQuantity) return std::nullopt;
  return out;
}

std::string SpaceName(char32_t space) {
  switch (space) {
    case U'\u00A0': return Tr(MsgId::kSpaceNoBreak);
    case U'\u2009': return Tr(MsgId::kSpaceThin);
    case U'\u202F': return Tr(MsgId::kSpaceNarrowNoBreak);
    case U'\u3000': return Tr(MsgId::kSpaceIdeographic);
    default: return Tr(MsgId::kSpaceAscii);
  }
}

std::optional<std::string> ScientificAsDecimal(std::string_view text) {
  text = Trim(text);
  const size_t e = text.find_first_of("eE");
  if (e == string_view::npos || e == 0) return std::nullopt;
  string_view mantissa = text.substr(0, e), exponent = text.substr(e + 1);
  if (!exponent.empty() && (exponent[0] == '+' || exponent[0] == '-')) {
    if (exponent.size() == 1) return std::nullopt;
  }
  const bool negative_exponent = !exponent.empty() && exponent[0] == '-';
  if (!exponent.empty() && (exponent[0] == '+' || exponent[0] == '-')) exponent.remove_prefix(1);
  if (exponent.empty() || exponent.size() > 2 ||
      !std::all_of(exponent.begin(), exponent.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const int n = std::stoi(std::string(exponent));
  if (n > 30) return std::nullopt;
  // The mantissa: an optional sign, digits, an optional '.' and digits.
  string_view digits = mantissa;
  if (digits[0] == '+' || digits[0] == '-') digits.remove_prefix(1);
  const size_t dot = digits.find('.');
  const string_view whole = digits.substr(0, dot);
  const string_view fraction = dot == string_view::npos ? string_view() : digits.substr(dot + 1);
  auto all_digits = [](string_view d) {
    return std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (whole.empty() || !all_digits(whole) || !all_digits(fraction) ||
      (dot != string_view::npos && fraction.empty())) {
    return std::nullopt;
  }
  std::optional<Rational> m = Rational::ParseDecimal(mantissa);
  if (!m) return std::nullopt;
  Rational scale(1);
  for (int i = 0; i < n; ++i) scale = scale * Rational(10);
  const Rational value = negative_exponent ? *m / scale : *m * scale;
  return value.ToDecimalString(40);
}

}  // namespace jixiao
