#include "yaml/yaml_fields.h"

#include <fmt/format.h>

#include "base/text.h"
#include "yaml/yaml_slips.h"

namespace jixiao {

namespace {

// Parses a YAML 1.2 core int ("010", "-5", "0o17", "0x1F") within int64.
std::optional<int64_t> ParseCoreInt(std::string_view v) {
  int base = 10;
  bool negative = false;
  if (StartsWith(v, "0o")) {
    base = 8;
    v.remove_prefix(2);
  } else if (StartsWith(v, "0x")) {
    base = 16;
    v.remove_prefix(2);
  } else if (!v.empty() && (v[0] == '-' || v[0] == '+')) {
    negative = v[0] == '-';
    v.remove_prefix(1);
  }
  if (v.empty()) return std::nullopt;
  int64_t value = 0;
  for (char c : v) {
    int digit = isdigit(static_cast<unsigned char>(c)) ? c - '0' : (tolower(c) - 'a' + 10);
    if (digit < 0 || digit >= base) return std::nullopt;
    if (__builtin_mul_overflow(value, base, &value) || __builtin_add_overflow(value, digit, &value))
      return std::nullopt;
  }
  return negative ? -value : value;
}

std::string Shorten(std::string_view s) { return TruncateToWidth(s, 40); }

}  // namespace

std::string Describe(const YamlNode& n) {
  switch (n.kind) {
    case YamlNode::Kind::kNull:
      return std::string(Text(MsgId::kDescribeNull));
    case YamlNode::Kind::kSequence:
      return std::string(Text(MsgId::kDescribeList));
    case YamlNode::Kind::kMap:
      return std::string(Text(MsgId::kDescribeMap));
    case YamlNode::Kind::kScalar:
      break;
  }
  switch (n.type()) {
    case YamlNode::Type::kInt:
    case YamlNode::Type::kFloat:
      return Tr(MsgId::kDescribeNumber, Shorten(n.value));
    case YamlNode::Type::kBool:
      return Tr(MsgId::kDescribeBool, n.value);
    default:
      return Tr(MsgId::kDescribeText, Shorten(n.value));
  }
}

Location FieldReader::Loc(const YamlNode& n) const { return src_.At(n.offset, n.line); }

std::pair<int, int> FieldReader::LineColumnAfter(const YamlNode& n, const YamlNode& before,
                                                 const Location& before_loc) const {
  const std::string_view text = src_.text;
  if (n.line > 0 && n.line == before.line && before_loc.line == before.line &&
      before.offset <= n.offset && n.offset <= text.size()) {
    // ColumnOfOffset counts the code points from the line's start: those up
    // to `before`, then those between.
    return {n.line, before_loc.column + static_cast<int>(CodePointCount(
                                             text.substr(before.offset, n.offset - before.offset)))};
  }
  const Location loc = Loc(n);
  return {loc.line, loc.column};
}

void FieldReader::Error(const YamlNode& at, Message message) {
  diags_->Add(MakeDiagnostic(Severity::kError, src_, at.offset, std::move(message), at.line));
  ++errors_;
}

void FieldReader::Warning(const YamlNode& at, Message message) {
  diags_->Add(MakeDiagnostic(Severity::kWarning, src_, at.offset, std::move(message), at.line));
}

void FieldReader::CheckKeys(const YamlNode& map, const std::vector<std::string>& known,
                            std::string_view what) {
  for (const auto& [key, value] : map.entries) {
    (void)value;
    if (!key->is_scalar()) continue;  // reported by the YAML layer
    const std::string& k = key->value;
    if (StartsWith(k, "x-")) continue;
    bool found = false;
    for (const std::string& kn : known) found = found || kn == k;
    if (found) continue;
    if (ReportKeySlip(*key, known)) continue;
    std::string suggestion = ClosestMatch(k, known);
    if (!suggestion.empty()) {
      Error(*key, MsgId::kUnknownKeyDidYouMean, k, what, suggestion);
    } else {
      Error(*key, MsgId::kUnknownKey, Shorten(k), what,
            fmt::join(known, jixiao::Text(MsgId::kListComma)));
    }
  }
}

const YamlNode* FieldReader::Get(const YamlNode& map, std::string_view key, bool required,
                                 std::string_view what) {
  const YamlNode* n = map.Find(key);
  if (n != nullptr && !n->is_null()) return n;
  if (required && n == nullptr) {
    // A key meant to be this one, with a slip in its colon.
    for (const auto& [k, v] : map.entries) {
      (void)v;
      if (!k->is_scalar() || !StartsWith(k->value, key)) continue;
      if (slipped_keys_.count(k) != 0) return nullptr;  // reported
      if (ReportKeySlip(*k, {std::string(key)})) return nullptr;
    }
  }
  if (required) {
    const YamlNode& at = n != nullptr ? *n : map;
    if (n != nullptr) {
      Error(at, MsgId::kEmptyValue, key, what);
    } else {
      Error(at, MsgId::kMissingKey, key, what);
    }
  }
  return nullptr;
}

bool FieldReader::ReportKeySlip(const YamlNode& key, const std::vector<std::string>& known) {
  if (!key.is_scalar() || !key.plain) return false;
  std::optional<KeyColonSlipFound> slip = KeyColonSlip(key.value);
  if (!slip) return false;
  if (!known.empty()) {
    const std::string_view before = std::string_view(key.value).substr(0, slip->colon);
    bool listed = false;
    for (const std::string& k : known) listed = listed || k == before;
    if (!listed) return false;
  }
  if (!slipped_keys_.insert(&key).second) return true;
  diags_->Add(MakeDiagnostic(Severity::kError, src_, key.offset + slip->colon,
                             std::move(slip->message), key.line));
  ++errors_;
  return true;
}

std::optional<std::string> FieldReader::Text(const YamlNode& n, std::string_view key) {
  if (n.is_scalar() && !n.plain && Trim(n.value).empty() && n.offset < src_.text.size() &&
      (src_.text[n.offset] == '>' || src_.text[n.offset] == '|')) {
    // `target: >5` is a folded block scalar (5 its indentation) with no
    // text: the value was meant as written, and needed quotes.
    const std::string_view line = src_.LineAt(n.offset);
    const size_t in_line = n.offset - static_cast<size_t>(line.data() - src_.text.data());
    std::string_view written = line.substr(std::min(in_line, line.size()));
    if (size_t hash = written.find(" #"); hash != std::string_view::npos) {
      written = written.substr(0, hash);
    }
    written = Trim(written);
    if (written.size() > 1) {
      Error(n, BlockIndicatorSlipMessage(key, written));
      return std::nullopt;
    }
  }
  if (n.is_scalar()) return n.value;
  Error(n, MsgId::kMustBeText, key, Describe(n));
  return std::nullopt;
}

std::optional<int64_t> FieldReader::Integer(const YamlNode& n, std::string_view key, int64_t min,
                                            int64_t max) {
  std::optional<int64_t> v;
  if (n.is_scalar() && n.type() == YamlNode::Type::kInt) v = ParseCoreInt(n.value);
  if (!v || *v < min || *v > max) {
    Error(n, MsgId::kMustBeWholeNumber, key, min, max, Describe(n));
    return std::nullopt;
  }
  return v;
}

std::optional<Rational> FieldReader::Decimal(const YamlNode& n, std::string_view key) {
  // Full-width digits (`total: １２.５`, typed with a Chinese input method)
  // are the number they show, as in an actuals file's amounts.
  std::string folded;
  if (n.is_scalar() && n.plain && n.type() == YamlNode::Type::kString) {
    folded = FoldFullWidth(n.value);
    if (folded == n.value || !Rational::ParseDecimal(folded)) folded.clear();
  }
  if (folded.empty() &&
      (!n.is_scalar() || (n.type() != YamlNode::Type::kInt && n.type() != YamlNode::Type::kFloat))) {
    MsgId id = MsgId::kMustBeNumber;
    if (n.is_scalar() && n.value.find(',') != std::string::npos)
      id = MsgId::kMustBeNumberSeparators;
    else if (n.is_scalar() && !n.plain)
      id = MsgId::kMustBeNumberQuoted;
    // `score: 70%`: a score is a ratio, 0.7.
    if (key == "score" && n.is_scalar() && EndsWith(n.value, "%")) {
      const std::string_view number = Trim(std::string_view(n.value).substr(0, n.value.size() - 1));
      if (std::optional<Rational> pct = Rational::ParseDecimal(number)) {
        Error(n, MsgId::kMustBeNumberPercent, key, Describe(n), (*pct / 100).ToDecimalString());
        return std::nullopt;
      }
    }
    Error(n, id, key, Describe(n));
    return std::nullopt;
  }
  std::string_view v = folded.empty() ? std::string_view(n.value) : std::string_view(folded);
  if (v.size() > kMaxDecimalDigits + 2) {  // a sign and a '.' besides the digits
    Error(n, MsgId::kTooManyDigits, key, Shorten(v), kMaxDecimalDigits);
    return std::nullopt;
  }
  std::optional<Rational> r;
  if (StartsWith(v, "0o") || StartsWith(v, "0x")) {
    if (auto i = ParseCoreInt(v)) r = Rational(*i);
  } else {
    r = Rational::ParseDecimal(v);
  }
  if (!r) {
    bool exponent = v.find_first_of("eE") != std::string_view::npos &&
                    v.find_first_of("nN") == std::string_view::npos;
    Error(n, exponent ? MsgId::kNotDecimalExponent : MsgId::kNotDecimalNan, key, Shorten(v));
    return std::nullopt;
  }
  if (*r > Rational(kMaxAmount) || *r < Rational(-kMaxAmount)) {
    Error(n, MsgId::kTooLarge, key, Shorten(v));
    return std::nullopt;
  }
  return r;
}

std::optional<std::vector<std::string>> FieldReader::TextList(const YamlNode& n,
                                                              std::string_view key) {
  std::vector<std::string> out;
  if (n.is_scalar()) {
    out.push_back(n.value);
    return out;
  }
  if (!n.is_sequence()) {
    Error(n, MsgId::kMustBeTextOrList, key, Describe(n));
    return std::nullopt;
  }
  bool ok = true;
  for (const YamlNode* item : n.items) {
    if (auto t = Text(*item, key)) {
      out.push_back(*t);
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace jixiao
