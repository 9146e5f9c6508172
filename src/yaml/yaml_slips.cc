#include "yaml/yaml_slips.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <vector>

#include "base/text.h"

namespace jixiao {

namespace {

constexpr std::string_view kFullWidthColon = "\xEF\xBC\x9A";  // '：' U+FF1A
constexpr std::string_view kFullWidthComma = "\xEF\xBC\x8C";  // '，' U+FF0C
constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";         // U+00A0

// The full-width brackets of a Chinese input method, and what YAML needs.
struct FullWidthBracket {
  std::string_view full;
  std::string_view ascii;
};
constexpr FullWidthBracket kFullWidthBrackets[] = {
    {"\xEF\xBD\x9B", "{"},  // U+FF5B
    {"\xEF\xBD\x9D", "}"},  // U+FF5D
    {"\xEF\xBC\xBB", "["},  // U+FF3B
    {"\xEF\xBC\xBD", "]"},  // U+FF3D
};

// The length of the full-width or no-break space at s[i], or 0.
size_t WideSpaceAt(std::string_view s, size_t i) {
  const std::string_view rest = s.substr(i);
  if (rest.substr(0, 3) == kIdeographicSpace) return 3;
  if (rest.substr(0, 2) == kNoBreakSpace) return 2;
  return 0;
}

// The full-width bracket at the start of `s`, or nullptr.
const FullWidthBracket* FullWidthBracketAt(std::string_view s) {
  for (const FullWidthBracket& b : kFullWidthBrackets)
    if (s.substr(0, b.full.size()) == b.full) return &b;
  return nullptr;
}

std::string Short(std::string_view s) { return TruncateToWidth(s, 40); }

// The messages, each built here alone.

Message FullWidthColonMessage(std::string_view key, std::string_view value) {
  return Msg(MsgId::kSlipFullWidthColon, Short(key), Short(value));
}

Message NoSpaceMessage(std::string_view key, std::string_view value) {
  return Msg(MsgId::kSlipNoSpace, Short(key), Short(value));
}

Message TabMessage() { return Msg(MsgId::kSlipTab); }

Message WideSpaceMessage(size_t length) {
  return Msg(MsgId::kSlipWideSpace,
             Tr(length == kIdeographicSpace.size() ? MsgId::kSlipFullWidthSpace
                                                   : MsgId::kSlipNoBreakSpace));
}

Message FullWidthBracketMessage(const FullWidthBracket& b) {
  return Msg(MsgId::kSlipFullWidthBracket, b.full, b.ascii);
}

Message IndicatorMessage(std::string_view key, std::string_view value) {
  const char c = value.empty() ? '>' : value[0];
  const char quote = value.find('"') == std::string_view::npos ? '"' : '\'';
  const std::string quoted = quote + Short(value) + quote;
  if (c == '>') return Msg(MsgId::kSlipFolded, Short(key), quoted);
  if (c == '|') return Msg(MsgId::kSlipLiteral, Short(key), quoted);
  return Msg(MsgId::kSlipReserved, std::string(1, c), Short(key), quoted);
}

// A line's first token, for messages: a key's text or "-".
struct Level {
  int column = 0;  // where its keys (or its '-') start, 0-based
  bool seq = false;
  int line = 0;       // the last line seen at this level
  std::string token;  // that line's key, or "-"
};

Message IndentMessage(bool seq, std::string_view token, int column, const Level& ref) {
  std::string what = seq ? std::string(Text(MsgId::kSlipThisDash)) : Tr(MsgId::kSlipKey, Short(token));
  std::string other =
      ref.seq ? std::string(Text(MsgId::kSlipTheDash)) : Tr(MsgId::kSlipKey, Short(ref.token));
  std::string spaces = column == 1 ? std::string(Text(MsgId::kOneSpace)) : Tr(MsgId::kSpaces, column);
  return Msg(seq ? MsgId::kSlipIndentItems : MsgId::kSlipIndentKeys, what, spaces, ref.line, other,
             ref.column);
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// `s` without a trailing comment (" #…") and blanks.
std::string_view WithoutComment(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '#' && (i == 0 || IsBlank(s[i - 1]))) {
      s = s.substr(0, i);
      break;
    }
  }
  return Trim(s);
}

bool HasBlank(std::string_view s) {
  for (char c : s)
    if (IsBlank(c)) return true;
  return false;
}

// Where a quoted scalar starting at s[pos] ends (just after its closing
// quote), or npos when it goes on past the line.
size_t QuotedEnd(std::string_view s, size_t pos) {
  const char q = s[pos];
  for (size_t i = pos + 1; i < s.size(); ++i) {
    if (q == '"' && s[i] == '\\') {
      ++i;
    } else if (s[i] == q) {
      if (q == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
        ++i;
      } else {
        return i + 1;
      }
    }
  }
  return std::string_view::npos;
}

// Whether `s` (what follows a comma in a flow collection) starts like an
// entry "key: value": a ':' followed by a blank or the end, or a full-width
// colon, before the next ',', '}' or ']'.
bool StartsLikeEntry(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ',' || c == '}' || c == ']' || c == '{' || c == '[' || c == '"' || c == '\'') {
      return false;
    }
    if (c == ':' && (i + 1 == s.size() || IsBlank(s[i + 1]))) return true;
    if (s.substr(i, kFullWidthColon.size()) == kFullWidthColon) return true;
  }
  return false;
}

// A full-width comma or bracket in a flow collection ("{a: 1，b: 2}"): where
// in the text given to FlowDepthChange, and what to say.
struct FlowSlip {
  size_t at = 0;
  Message message;
};

// The change in flow nesting ('[', '{' against ']', '}') over `s`, outside
// quotes and comments; *open_quote is set to the quote left open, if any.
// When `slip` is given, the first full-width comma (before a "key:") or
// bracket inside a flow collection (`depth` deep at the start of `s`) is
// recorded there.
int FlowDepthChange(std::string_view s, char* open_quote, int depth_before = 0,
                    std::optional<FlowSlip>* slip = nullptr) {
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (slip != nullptr && !*slip && depth_before + depth > 0 &&
        static_cast<unsigned char>(c) == 0xEF) {
      if (s.substr(i, kFullWidthComma.size()) == kFullWidthComma &&
          StartsLikeEntry(s.substr(i + kFullWidthComma.size()))) {
        *slip = FlowSlip{i, Msg(MsgId::kSlipFullWidthComma)};
      } else if (const FullWidthBracket* b = FullWidthBracketAt(s.substr(i))) {
        *slip = FlowSlip{i, FullWidthBracketMessage(*b)};
      }
    }
    if (c == '"' || c == '\'') {
      size_t end = QuotedEnd(s, i);
      if (end == std::string_view::npos) {
        *open_quote = c;
        return depth;
      }
      i = end - 1;
    } else if (c == '#' && (i == 0 || IsBlank(s[i - 1]))) {
      break;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return depth;
}

// Whether `header` (what follows a '|' or '>' on its line, comment and
// blanks removed) makes the start of a block scalar: at most an
// indentation digit and a chomping sign, in either order.
bool IsBlockHeader(std::string_view header) {
  header = WithoutComment(header);
  size_t digits = 0, signs = 0;
  for (char h : header) {
    if (h >= '1' && h <= '9') {
      ++digits;
    } else if (h == '+' || h == '-') {
      ++signs;
    } else {
      return false;
    }
  }
  return digits <= 1 && signs <= 1;
}

// A key with the colon slipped: "key：value" or "key:value" (one plain
// scalar). Returns the colon's index, its length, and whether it is the
// full-width one.
struct SlippedColon {
  size_t at = 0;
  bool full_width = false;
};

std::optional<SlippedColon> FindSlippedColon(std::string_view s) {
  // The first colon of either kind decides.
  size_t full = s.find(kFullWidthColon);
  size_t ascii = s.find(':');
  if (full == std::string_view::npos && ascii == std::string_view::npos) return std::nullopt;
  SlippedColon c;
  c.full_width = full < ascii;
  c.at = c.full_width ? full : ascii;
  std::string_view key = s.substr(0, c.at);
  std::string_view value =
      Trim(s.substr(c.at + (c.full_width ? kFullWidthColon.size() : 1)));
  if (key.empty() || HasBlank(key) || key.size() > 200) return std::nullopt;
  if (c.full_width) {
    // "key：" alone is a key with nothing after it: a slip as well.
    return c;
  }
  // An ASCII colon: a slip only with something right after it, and not a
  // time (12:30), a URL (http://…) or a Windows path (C:\…).
  if (value.empty() || c.at + 1 >= s.size() || IsBlank(s[c.at + 1])) return std::nullopt;
  const char next = s[c.at + 1];
  if (next == '/' || next == '\\' || next == ':') return std::nullopt;
  bool numeric = true;
  for (char ch : key) numeric = numeric && ((ch >= '0' && ch <= '9') || ch == '.');
  if (numeric) return std::nullopt;
  return c;
}

Message ColonMessage(std::string_view s, const SlippedColon& c) {
  std::string_view key = s.substr(0, c.at);
  std::string_view value =
      Trim(s.substr(c.at + (c.full_width ? kFullWidthColon.size() : 1)));
  return c.full_width ? FullWidthColonMessage(key, value) : NoSpaceMessage(key, value);
}

// Follows the block structure of YAML lines (indentation levels of maps and
// lists, block scalars, flow collections and quoted scalars that span
// lines) as far as a person's file needs, and records each slip by line.
class SlipScanner {
 public:
  explicit SlipScanner(std::string_view text) : t_(text) {}

  std::optional<YamlSlip> Run(size_t from, int from_line, int error_line) {
    int line = from_line;
    int previous_content = 0;  // the last content line before error_line
    for (size_t pos = std::min(from, t_.size()); line <= error_line && pos <= t_.size(); ++line) {
      size_t end = t_.find('\n', pos);
      if (end == std::string_view::npos) end = t_.size();
      size_t stop = end;
      if (stop > pos && t_[stop - 1] == '\r') --stop;
      const bool content = ScanLine(pos, t_.substr(pos, stop - pos), line);
      if (content && line < error_line) previous_content = line;
      if (end == t_.size()) break;
      pos = end + 1;
    }
    if (found_line_ == error_line) return found_;
    // The line above, when it is in the same document.
    if (found_line_ != 0 && found_line_ == previous_content && previous_content >= doc_start_) {
      return found_;
    }
    return std::nullopt;
  }

 private:
  void Slip(size_t offset, int line, Message message) {
    // The last slip before the failure is the one that counts.
    found_line_ = line;
    found_ = YamlSlip{offset, line, std::move(message)};
  }

  // A document starts on `line` ("---" or "..."): nothing above it counts.
  void Reset(int line) {
    doc_start_ = line;
    found_line_ = 0;
    stack_.clear();
    opener_ = false;
    block_parent_ = -1;
    flow_depth_ = 0;
    quote_ = 0;
  }

  // Scans one line (without its terminator) starting at byte `begin`;
  // true when it has content (not blank, not a comment).
  bool ScanLine(size_t begin, std::string_view s, int line) {
    if (quote_ != 0) {  // inside a quoted scalar that spans lines
      if (s.size() >= 3 && (StartsWith(s, "---") || StartsWith(s, "...")) &&
          (s.size() == 3 || IsBlank(s[3]))) {
        Reset(line);
        return true;
      }
      for (size_t i = 0; i < s.size(); ++i) {
        if (quote_ == '"' && s[i] == '\\') {
          ++i;
        } else if (s[i] == quote_) {
          if (quote_ == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
            ++i;
            continue;
          }
          quote_ = 0;
          char q = 0;
          flow_depth_ += Flow(s.substr(i + 1), begin + i + 1, line, &q);
          quote_ = q;
          break;
        }
      }
      return true;
    }
    size_t indent = 0;
    while (indent < s.size() && s[indent] == ' ') ++indent;
    size_t first = indent;
    while (first < s.size() && IsBlank(s[first])) ++first;
    if (first == s.size()) return false;  // blank
    if (indent == 0 && s.size() >= 3 && (StartsWith(s, "---") || StartsWith(s, "...")) &&
        (s.size() == 3 || IsBlank(s[3]))) {
      Reset(line);
      return true;
    }
    if (block_parent_ >= 0) {
      if (static_cast<int>(indent) > block_parent_) return true;  // the block's text
      block_parent_ = -1;
    }
    if (flow_depth_ > 0) {
      char q = 0;
      flow_depth_ += Flow(s, begin, line, &q);
      if (flow_depth_ < 0) flow_depth_ = 0;
      quote_ = q;
      return s[first] != '#';
    }
    if (s[first] == '#') return false;  // a comment
    if (indent == 0 && s[0] == '%') return true;  // a directive
    if (first > indent) {  // a tab among the leading blanks
      Slip(begin + indent, line, TabMessage());
      opener_ = false;
      return true;
    }
    if (WideSpaceAt(s, indent) != 0 && WideIndentation(begin, s, indent, line)) return true;
    size_t pos = indent;
    const bool dash = s[pos] == '-' && (pos + 1 == s.size() || IsBlank(s[pos + 1]));
    if (dash) {
      Place(static_cast<int>(pos), true, "-", line, begin + pos);
      ++pos;
      while (pos < s.size() && s[pos] == ' ') ++pos;
      // Nested dashes ("- - a") each open a list.
      while (pos < s.size() && s[pos] == '-' && (pos + 1 == s.size() || IsBlank(s[pos + 1]))) {
        stack_.push_back({static_cast<int>(pos), true, line, "-"});
        ++pos;
        while (pos < s.size() && s[pos] == ' ') ++pos;
      }
      if (pos == s.size() || s[pos] == '#' || s[pos] == '\t') {
        opener_ = true;  // the item is on the lines below
        return true;
      }
    }
    Content(begin, s, pos, dash, line);
    return true;
  }

  // A line whose indentation, from s[indent], has a full-width or no-break
  // space (an input method's space) before a key, a '-' or a comment: the
  // slip (first_wide_ too), and true. Such spaces alone on a line are a slip
  // where the parser fails (YAML reads them as text), but not first_wide_:
  // they may be text going on from the line above. So may other text
  // starting so: false then.
  bool WideIndentation(size_t begin, std::string_view s, size_t indent, int line) {
    size_t pos = indent;
    size_t first_wide = std::string_view::npos, wide_size = 0;
    while (pos < s.size()) {
      if (IsBlank(s[pos])) {
        ++pos;
      } else if (size_t w = WideSpaceAt(s, pos)) {
        if (first_wide == std::string_view::npos) {
          first_wide = pos;
          wide_size = w;
        }
        pos += w;
      } else {
        break;
      }
    }
    if (pos == s.size()) {
      Slip(begin + first_wide, line, WideSpaceMessage(wide_size));
      return true;
    }
    std::string_view rest = WithoutComment(s.substr(pos));
    bool key = rest.empty() || (rest[0] == '-' && (rest.size() == 1 || IsBlank(rest[1])));
    if (!key) {
      size_t i = 0;
      if (rest[0] == '"' || rest[0] == '\'') i = std::min(QuotedEnd(rest, 0), rest.size());
      for (; i < rest.size() && !key; ++i) {
        key = (rest[i] == ':' && (i + 1 == rest.size() || IsBlank(rest[i + 1]))) ||
              rest.substr(i, kFullWidthColon.size()) == kFullWidthColon;
      }
    }
    if (!key) return false;
    Slip(begin + first_wide, line, WideSpaceMessage(wide_size));
    if (!first_wide_) first_wide_ = found_;
    opener_ = false;
    return true;
  }

  // The content of a line from s[pos] on (after a '-' when `after_dash`).
  void Content(size_t begin, std::string_view s, size_t pos, bool after_dash, int line) {
    const int column = static_cast<int>(pos);
    const char c = s[pos];
    size_t key_end = std::string_view::npos;  // the ':' of a key
    if (c == '"' || c == '\'') {
      size_t end = QuotedEnd(s, pos);
      if (end == std::string_view::npos) {  // a quoted scalar going on below
        quote_ = c;
        return;
      }
      size_t i = end;
      while (i < s.size() && IsBlank(s[i])) ++i;
      if (i < s.size() && s[i] == ':' && (i + 1 == s.size() || IsBlank(s[i + 1]))) key_end = i;
    } else if (c == '[' || c == '{') {
      char q = 0;
      flow_depth_ = std::max(0, Flow(s.substr(pos), begin + pos, line, &q));
      quote_ = q;
      opener_ = false;
      return;
    } else if (after_dash && (c == '|' || c == '>') && IsBlockHeader(s.substr(pos + 1))) {
      // "- |": a block scalar as a list item; its text is indented more than
      // the '-'.
      block_parent_ = stack_.empty() ? 0 : stack_.back().column;
      opener_ = false;
      return;
    } else if (const FullWidthBracket* b = FullWidthBracketAt(s.substr(pos))) {
      // "- ｛level1: 产出指标, …}": meant as a flow collection.
      Slip(begin + pos, line, FullWidthBracketMessage(*b));
      opener_ = false;
      return;
    } else {
      for (size_t i = pos; i < s.size(); ++i) {
        if (s[i] == '#' && i > pos && IsBlank(s[i - 1])) break;
        if (s[i] == ':' && (i + 1 == s.size() || IsBlank(s[i + 1]))) {
          key_end = i;
          break;
        }
      }
    }
    if (key_end != std::string_view::npos) {
      std::string key(Trim(s.substr(pos, key_end - pos)));
      Key(column, key, after_dash, line, begin + pos);
      const size_t value_at = key_end + 1;
      std::string_view value = WithoutComment(s.substr(value_at));
      AfterKey(begin, s, value_at, value, key, column, line);
      return;
    }
    // A plain scalar: a slipped key, a list item's value, or the text of a
    // value going on from the line above.
    std::string_view text = WithoutComment(s.substr(pos));
    std::optional<SlippedColon> slipped = FindSlippedColon(text);
    if (slipped && (after_dash || AtKeyColumn(column))) {
      std::string key(text.substr(0, slipped->at));
      Key(column, key, after_dash, line, begin + pos);
      Slip(begin + pos + slipped->at, line, ColonMessage(text, *slipped));
      const size_t colon_size = slipped->full_width ? kFullWidthColon.size() : 1;
      opener_ = Trim(text.substr(slipped->at + colon_size)).empty();
      return;
    }
    // Otherwise: a list item's value, or the text of a value below its key
    // or going on from the line above. Nothing to check.
    opener_ = false;
  }

  // What follows a key's ':' on its line.
  void AfterKey(size_t begin, std::string_view s, size_t value_at, std::string_view value,
                const std::string& key, int column, int line) {
    opener_ = value.empty();
    if (value.empty()) return;
    const char v = value[0];
    size_t value_offset = begin + value_at;
    while (value_offset < begin + s.size() && IsBlank(t_[value_offset])) ++value_offset;
    if (v == '|' || v == '>') {
      if (IsBlockHeader(value.substr(1))) {
        block_parent_ = column;
        return;
      }
      Slip(value_offset, line, IndicatorMessage(key, value));
      return;
    }
    if (v == '@' || v == '`') {
      Slip(value_offset, line, IndicatorMessage(key, value));
      return;
    }
    if (v == '"' || v == '\'' || v == '[' || v == '{') {
      char q = 0;
      flow_depth_ = std::max(0, Flow(s.substr(value_at), begin + value_at, line, &q));
      quote_ = q;
      return;
    }
    if (const FullWidthBracket* b = FullWidthBracketAt(value)) {
      // "budget: ｛total: 10}": meant as a flow collection.
      Slip(value_offset, line, FullWidthBracketMessage(*b));
    }
  }

  // FlowDepthChange over `part` of line `line` (at byte `offset` of the
  // text), recording a full-width comma or bracket in it as the slip.
  int Flow(std::string_view part, size_t offset, int line, char* open_quote) {
    std::optional<FlowSlip> slip;
    const int change = FlowDepthChange(part, open_quote, flow_depth_, &slip);
    if (slip) Slip(offset + slip->at, line, std::move(slip->message));
    return change;
  }

  // True when a key at `column` would be in place: below a line that opens
  // a block, or in the column of an open map.
  bool AtKeyColumn(int column) const {
    if (stack_.empty()) return true;
    if (opener_ && column > stack_.back().column) return true;
    for (const Level& l : stack_)
      if (l.column == column) return true;
    return false;
  }

  // A key at `column` (after a '-' when `after_dash`: the first key of a
  // map in a list item).
  void Key(int column, const std::string& key, bool after_dash, int line, size_t offset) {
    if (after_dash) {
      stack_.push_back({column, false, line, key});
    } else {
      Place(column, false, key, line, offset);
    }
  }

  // A key (or a '-' when `seq`) starting a line at `column`: checks that it
  // lines up with an open level, or starts a new one below a line that
  // opens a block.
  void Place(int column, bool seq, const std::string& token, int line, size_t offset) {
    const bool opener = opener_;
    opener_ = false;
    if (stack_.empty()) {
      stack_.push_back({column, seq, line, token});
      return;
    }
    const Level& top = stack_.back();
    if (opener && (column > top.column || (column == top.column && seq && !top.seq))) {
      // A new block; a list may start in the column of the key above it.
      stack_.push_back({column, seq, line, token});
      return;
    }
    // The open level in this column, preferring one of the same kind.
    int match = -1;
    for (int i = static_cast<int>(stack_.size()) - 1; i >= 0; --i) {
      if (stack_[i].column != column) continue;
      if (match < 0) match = i;
      if (stack_[i].seq == seq) {
        match = i;
        break;
      }
    }
    if (match < 0) {
      // Lines up with nothing open: name the nearest level of its kind.
      int ref = -1;
      for (int i = static_cast<int>(stack_.size()) - 1; i >= 0; --i) {
        const bool better =
            ref < 0 || (stack_[i].seq == seq && stack_[ref].seq != seq) ||
            (stack_[i].seq == stack_[ref].seq &&
             std::abs(stack_[i].column - column) < std::abs(stack_[ref].column - column));
        if (better) ref = i;
      }
      Slip(offset, line, IndentMessage(seq, token, column, stack_[ref]));
      match = ref;
    }
    stack_.resize(static_cast<size_t>(match) + 1);
    stack_.back().line = line;
    stack_.back().token = token;
  }

  std::string_view t_;
  std::vector<Level> stack_;
  bool opener_ = false;    // the last content line opens a block (a key or '-' alone)
  int block_parent_ = -1;  // in a block scalar: lines indented more than this are its text
  int flow_depth_ = 0;     // in a flow collection that spans lines
  char quote_ = 0;         // in a quoted scalar that spans lines
  int doc_start_ = 0;       // the line of the last "---" or "..."
  int found_line_ = 0;
  YamlSlip found_;

 public:
  // The first line indented with a full-width or no-break space, once Run.
  std::optional<YamlSlip> first_wide_;
};

}  // namespace

std::optional<YamlSlip> FindYamlSlip(std::string_view text, size_t from, int from_line,
                                     int error_line) {
  if (from_line < 1 || error_line < from_line) return std::nullopt;
  return SlipScanner(text).Run(from, from_line, error_line);
}

std::optional<YamlSlip> FindWideIndentation(std::string_view text) {
  // Only a text with such a space at the start of a line (after spaces and
  // tabs) is scanned. The test runs over every byte of a year, so it looks
  // only at the bytes that can lead one (E3, C2), found with memchr: in
  // Chinese text E3 also leads 、 and 。, a few a line at most.
  bool any = false;
  const char* begin = text.data();
  const char* end = begin + text.size();
  for (const char lead : {'\xE3', '\xC2'}) {
    for (const char* p = begin; !any && p < end; ++p) {
      p = static_cast<const char*>(std::memchr(p, lead, static_cast<size_t>(end - p)));
      if (p == nullptr) break;
      if (WideSpaceAt(text, static_cast<size_t>(p - begin)) == 0) continue;
      const char* q = p;
      while (q > begin && IsBlank(q[-1])) --q;
      any = q == begin || q[-1] == '\n';
    }
  }
  if (!any) return std::nullopt;
  SlipScanner scanner(text);
  scanner.Run(0, 1, std::numeric_limits<int>::max());
  return scanner.first_wide_;
}

std::optional<YamlSlip> FlowIndicatorSlip(std::string_view text, size_t at, int line) {
  if (at >= text.size()) return std::nullopt;
  const char c = text[at];
  if (c != '>' && c != '|' && c != '@' && c != '`') return std::nullopt;
  const size_t newline = text.rfind('\n', at);
  const size_t start = newline == std::string_view::npos ? 0 : newline + 1;
  const std::string_view before = text.substr(start, at - start);
  const size_t colon = before.find_last_not_of(" \t");
  if (colon == std::string_view::npos || before[colon] != ':') return std::nullopt;
  const size_t open = before.rfind('{', colon);
  if (open == std::string_view::npos) return std::nullopt;
  const size_t key_start = before.find_last_of("{,", colon) + 1;  // at or after `open`
  const std::string_view key = Trim(before.substr(key_start, colon - key_start));
  if (key.empty()) return std::nullopt;
  std::string_view rest = text.substr(at);
  rest = rest.substr(0, rest.find('\n'));
  const std::string_view value = Trim(rest.substr(0, rest.find_first_of(",}")));
  return YamlSlip{at, line, IndicatorMessage(key, value)};
}

Message BlockIndicatorSlipMessage(std::string_view key, std::string_view value) {
  return IndicatorMessage(key, value);
}

std::optional<KeyColonSlipFound> KeyColonSlip(std::string_view key) {
  if (key.find('\n') != std::string_view::npos) return std::nullopt;
  std::optional<SlippedColon> c = FindSlippedColon(key);
  if (!c) return std::nullopt;
  return KeyColonSlipFound{c->at, ColonMessage(key, *c)};
}

size_t UnclosedBracketBefore(std::string_view text, size_t at, char open, char close) {
  constexpr size_t kNone = std::string_view::npos;
  at = std::min(at, text.size());
  size_t start = at == 0 ? kNone : text.rfind('\n', at - 1);
  start = start == kNone ? 0 : start + 1;
  for (int lines = 0; lines < 50; ++lines) {
    size_t end = text.find('\n', start);
    if (end == kNone) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (StartsWith(line, "---") && lines > 0) return kNone;
    std::vector<size_t> opened;
    char before = ' ';  // the last character outside blanks: a quote starts a scalar after these
    for (size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if ((c == '"' || c == '\'') && std::string_view(" :-,{[").find(before) != kNone) {
        const size_t quoted_end = QuotedEnd(line, i);
        if (quoted_end == kNone) break;  // a quote left open to the line's end
        i = quoted_end - 1;
      } else if (c == '#' && (i == 0 || IsBlank(line[i - 1]))) {
        break;
      } else if (c == open && start + i < at) {
        opened.push_back(start + i);
      } else if (c == close && !opened.empty()) {
        opened.pop_back();
      }
      if (!IsBlank(c)) before = c;
    }
    if (!opened.empty()) return opened.back();
    if (start == 0) return kNone;
    // The line above, which ends at the line break before `start`.
    const size_t newline = start - 1;
    const size_t above = newline == 0 ? kNone : text.rfind('\n', newline - 1);
    start = above == kNone ? 0 : above + 1;
  }
  return kNone;
}

}  // namespace jixiao
