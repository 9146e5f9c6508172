#include "base/text.h"

#include <algorithm>
#include <cstring>

namespace jixiao {

namespace {

// Length of the UTF-8 sequence led by `b`, or 0 when `b` cannot lead one.
int SequenceLength(unsigned char b) {
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return 2;
  if (b >= 0xE0 && b <= 0xEF) return 3;
  if (b >= 0xF0 && b <= 0xF4) return 4;
  return 0;
}

bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Decodes a valid sequence at s[pos]; returns its length or 0 when invalid.
int DecodeValid(std::string_view s, size_t pos, char32_t* cp) {
  unsigned char b0 = static_cast<unsigned char>(s[pos]);
  int len = SequenceLength(b0);
  if (len == 0 || pos + len > s.size()) return 0;
  if (len == 1) {
    *cp = b0;
    return 1;
  }
  char32_t v = b0 & (0x7F >> len);
  for (int i = 1; i < len; ++i) {
    unsigned char b = static_cast<unsigned char>(s[pos + i]);
    if (!IsContinuation(b)) return 0;
    v = (v << 6) | (b & 0x3F);
  }
  static const char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (v < kMin[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return len;
}

// The typographic spaces text pasted from a PDF or a web page carries: the
// en and em spaces and their kin U+2000..U+200A, the narrow no-break space
// U+202F and the medium mathematical space U+205F. They look like ' '.
bool IsTypographicSpace(char32_t cp) {
  return (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F;
}


}  // namespace

// The general case of ValidUtf8Length.
int ValidUtf8LengthOfAny(std::string_view s, size_t pos) {
  char32_t cp;
  return DecodeValid(s, pos, &cp);
}

size_t FindInvalidUtf8(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    int len = ValidUtf8Length(s, pos);
    if (len == 0) return pos;
    pos += len;
  }
  return std::string_view::npos;
}

char32_t DecodeUtf8OfAny(std::string_view s, size_t* pos) {
  char32_t cp;
  int len = DecodeValid(s, *pos, &cp);
  if (len == 0) {
    ++*pos;
    return 0xFFFD;
  }
  *pos += len;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (size_t pos = 0; pos < s.size(); ++n) DecodeUtf8(s, &pos);
  return n;
}

int CodePointWidthOfAny(char32_t cp) {
  if (cp == 0) return 0;
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0;
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
      (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF)
    return 0;
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
      (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
      (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
      (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
    return 2;
  return 1;
}

size_t DisplayWidth(std::string_view s) {
  size_t width = 0;
  for (size_t pos = 0; pos < s.size();) width += CodePointWidth(DecodeUtf8(s, &pos));
  return width;
}

std::string TruncateToWidth(std::string_view s, size_t width) {
  if (DisplayWidth(s) <= width) return std::string(s);
  if (width == 0) return "";
  std::string out;
  size_t used = 0;
  for (size_t pos = 0; pos < s.size();) {
    size_t start = pos;
    int w = CodePointWidth(DecodeUtf8(s, &pos));
    if (used + w + 1 > width) break;  // keep one column for the ellipsis
    out.append(s.substr(start, pos - start));
    used += w;
  }
  out += "…";
  return out;
}

std::string PadToWidth(std::string_view s, size_t width) {
  std::string out(s);
  size_t w = DisplayWidth(s);
  if (w < width) out.append(width - w, ' ');
  return out;
}

namespace {

// The invisible character (IsInvisible) at byte `i` of `s`, or 0. In UTF-8:
// U+200B..U+200F are E2 80 8B..8F, U+2060 is E2 81 A0 and U+FEFF is EF BB BF.
char32_t InvisibleAt(std::string_view s, size_t i) {
  if (i + 2 >= s.size()) return 0;
  const auto b0 = static_cast<unsigned char>(s[i]);
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  const auto b2 = static_cast<unsigned char>(s[i + 2]);
  if (b0 == 0xE2 && b1 == 0x80 && b2 >= 0x8B && b2 <= 0x8F) return 0x2000 + (b2 - 0x80);
  if (b0 == 0xE2 && b1 == 0x81 && b2 == 0xA0) return 0x2060;
  if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) return 0xFEFF;
  return 0;
}

}  // namespace

bool HasInvisible(std::string_view s) {
  // Only at an E2 or EF byte, found with memchr: most texts have few.
  for (char lead : {'\xE2', '\xEF'}) {
    for (size_t i = 0; i + 2 < s.size(); ++i) {
      const void* p = std::memchr(s.data() + i, lead, s.size() - 2 - i);
      if (p == nullptr) break;
      i = static_cast<size_t>(static_cast<const char*>(p) - s.data());
      if (InvisibleAt(s, i) != 0) return true;
    }
  }
  return false;
}

std::string ShowInvisible(std::string_view s, std::vector<std::string>* found) {
  std::string out;
  size_t copied = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char32_t cp = InvisibleAt(s, i);
    if (cp == 0) continue;
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string shown = "<U+";
    for (int shift = 12; shift >= 0; shift -= 4) shown += kHex[(cp >> shift) & 0xF];
    shown += '>';
    out.append(s.substr(copied, i - copied));
    out += shown;
    if (found && std::find(found->begin(), found->end(), shown) == found->end()) {
      found->push_back(shown);
    }
    i += 2;
    copied = i + 1;
  }
  if (copied == 0) return std::string(s);
  out.append(s.substr(copied));
  return out;
}

std::string FoldFullWidth(std::string_view s) {
  // U+FF01..U+FF5E are EF BC 81..EF BD 9E, U+3000 is E3 80 80, the
  // typographic spaces E2 80 80..E2 81 9F: only a character led by EF, E3
  // or E2 can fold (a continuation byte is never one), and the runs between
  // are copied as they are.
  std::string out;
  out.reserve(s.size());
  size_t run = 0;  // the start of the bytes not yet copied
  for (size_t pos = 0; pos < s.size(); ++pos) {
    const auto c = static_cast<unsigned char>(s[pos]);
    if (c != 0xEF && c != 0xE3 && c != 0xE2) continue;
    // E2 leads ≥, ≤, — and the like too: only E2 80 and E2 81 can fold.
    if (c == 0xE2 && (pos + 1 >= s.size() || (static_cast<unsigned char>(s[pos + 1]) != 0x80 &&
                                               static_cast<unsigned char>(s[pos + 1]) != 0x81))) {
      continue;
    }
    size_t end = pos;
    const char32_t cp = DecodeUtf8(s, &end);
    char folded;
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      folded = static_cast<char>(cp - 0xFF01 + 0x21);
    } else if (cp == 0x3000 || IsTypographicSpace(cp)) {
      folded = ' ';
    } else {
      continue;
    }
    out.append(s, run, pos - run);
    out.push_back(folded);
    run = end;
    pos = end - 1;
  }
  out.append(s, run, s.size() - run);
  return out;
}

namespace {

// The bytes of the non-ASCII space (U+00A0, U+3000 or a typographic space,
// IsTypographicSpace) that the two or three bytes b0 b1 [b2] spell, by
// their UTF-8 encodings: C2 A0; E3 80 80; E2 80 80..8A, E2 80 AF, E2 81 9F.
// 0 when they spell something else.
size_t SpaceBytes2(unsigned char b0, unsigned char b1) { return b0 == 0xC2 && b1 == 0xA0 ? 2 : 0; }
size_t SpaceBytes3(unsigned char b0, unsigned char b1, unsigned char b2) {
  if (b0 == 0xE3) return b1 == 0x80 && b2 == 0x80 ? 3 : 0;
  if (b0 != 0xE2) return 0;
  if (b1 == 0x80) return (b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xAF ? 3 : 0;
  return b1 == 0x81 && b2 == 0x9F ? 3 : 0;
}

}  // namespace

std::string_view Trim(std::string_view s) {
  // A space is ASCII, U+00A0, U+3000 or a typographic space, matched by its
  // bytes (SpaceBytes2, SpaceBytes3) without decoding: a lead byte fixes a
  // sequence's length, so the bytes at either end spell one code point.
  const auto ascii_space = [](unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  const auto at = [&s](size_t i) { return static_cast<unsigned char>(s[i]); };
  size_t begin = 0;
  while (begin < s.size()) {
    const unsigned char c = at(begin);
    if (c < 0x80) {
      if (!ascii_space(c)) break;
      ++begin;
      continue;
    }
    size_t n = 0;
    if (c == 0xC2 && begin + 2 <= s.size()) n = SpaceBytes2(c, at(begin + 1));
    if ((c == 0xE2 || c == 0xE3) && begin + 3 <= s.size())
      n = SpaceBytes3(c, at(begin + 1), at(begin + 2));
    if (n == 0) break;
    begin += n;
  }
  size_t end = s.size();
  while (end > begin) {
    const unsigned char c = at(end - 1);
    if (c < 0x80) {
      if (!ascii_space(c)) break;
      --end;
      continue;
    }
    size_t n = 0;
    if (end - begin >= 2 && c == 0xA0) n = SpaceBytes2(at(end - 2), c);
    if (n == 0 && end - begin >= 3) n = SpaceBytes3(at(end - 3), at(end - 2), c);
    if (n == 0) break;
    end -= n;
  }
  return s.substr(begin, end - begin);
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool IsOfficeLockFile(std::string_view file_name) {
  return StartsWith(file_name, "~$") || StartsWith(file_name, ".~");
}

bool IsAppleDoubleName(std::string_view file_name) { return StartsWith(file_name, "._"); }

bool LooksLikeAppleDouble(std::string_view bytes) {
  return StartsWith(bytes, std::string_view("\x00\x05\x16\x07", 4));
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) {
           return lower(x) == lower(y);
         });
}

bool EndsWithIgnoringCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         EqualsIgnoringCase(s.substr(s.size() - suffix.size()), suffix);
}

namespace {
std::u32string Decode(std::string_view s) {
  std::u32string out;
  for (size_t pos = 0; pos < s.size();) out.push_back(DecodeUtf8(s, &pos));
  return out;
}
}  // namespace

size_t EditDistance(std::string_view a, std::string_view b) {
  // Optimal string alignment: Levenshtein plus adjacent transpositions.
  std::u32string x = Decode(a), y = Decode(b);
  std::vector<std::vector<size_t>> d(x.size() + 1, std::vector<size_t>(y.size() + 1));
  for (size_t i = 0; i <= x.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= y.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    for (size_t j = 1; j <= y.size(); ++j) {
      size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.size()][y.size()];
}

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  size_t limit = std::max<size_t>(1, CodePointCount(word) / 3);
  std::string best;
  size_t best_distance = limit + 1;
  for (const std::string& c : candidates) {
    size_t d = EditDistance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string_view LineOf(std::string_view text, int line) {
  if (line < 1) return {};
  size_t pos = 0;
  for (int current = 1; current < line; ++current) {
    size_t nl = text.find_first_of("\r\n", pos);
    if (nl == std::string_view::npos) return {};
    pos = nl + ((text[nl] == '\r' && nl + 1 < text.size() && text[nl + 1] == '\n') ? 2 : 1);
  }
  size_t end = text.find_first_of("\r\n", pos);
  if (end == std::string_view::npos) end = text.size();
  return text.substr(pos, end - pos);
}

void LineIndex::Assign(std::string_view text) {
  text_ = text;
  starts_.clear();
  starts_.push_back(0);
  if (text.find('\r') == std::string_view::npos) {  // LF only: memchr from line to line
    for (size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
      starts_.push_back(i + 1);
    }
    return;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
      starts_.push_back(i + 1);
  }
}

std::string_view LineIndex::Line(int line) const {
  if (line < 1 || static_cast<size_t>(line) > starts_.size()) return {};
  size_t begin = starts_[line - 1];
  size_t end = text_.find_first_of("\r\n", begin);
  if (end == std::string_view::npos) end = text_.size();
  return text_.substr(begin, end - begin);
}

int ColumnOfOffset(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t line_start = offset;
  while (line_start > 0 && text[line_start - 1] != '\n' && text[line_start - 1] != '\r') {
    --line_start;
  }
  return static_cast<int>(CodePointCount(text.substr(line_start, offset - line_start))) + 1;
}

}  // namespace jixiao
