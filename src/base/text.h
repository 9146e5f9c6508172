// UTF-8 text utilities: validation, display width, normalisation.
//
// All text in jixiao is UTF-8. Columns in diagnostics count code points
// (1-based); alignment in reports counts terminal display width, where a
// CJK ideograph or full-width form is 2 columns wide.
#ifndef JIXIAO_BASE_TEXT_H_
#define JIXIAO_BASE_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

// ValidUtf8Length for any bytes: its out-of-line part.
int ValidUtf8LengthOfAny(std::string_view s, size_t pos);

// The length (1 to 4) of the valid UTF-8 character at byte `pos` (< size)
// of `s`, or 0 when the bytes there are not one (overlong, surrogate,
// truncated, ...). Inline for the common case: three bytes led by E1-EC or
// EE-EF (all of CJK) are valid whenever the two that follow are
// continuation bytes.
inline int ValidUtf8Length(std::string_view s, size_t pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = byte(pos);
  if (c >= 0xE1 && c <= 0xEF && c != 0xED && pos + 2 < s.size() &&
      (byte(pos + 1) & 0xC0) == 0x80 && (byte(pos + 2) & 0xC0) == 0x80) {
    return 3;
  }
  return ValidUtf8LengthOfAny(s, pos);
}

// Returns the byte offset of the first invalid UTF-8 sequence in `s`
// (overlong forms, surrogates and code points above U+10FFFF are invalid),
// or std::string_view::npos when `s` is valid.
size_t FindInvalidUtf8(std::string_view s);

// DecodeUtf8 for any bytes: its out-of-line part.
char32_t DecodeUtf8OfAny(std::string_view s, size_t* pos);

// Decodes the code point starting at s[*pos] (*pos < size) and advances
// *pos past it. Invalid bytes decode as U+FFFD and advance by one byte.
// Inline for ASCII and for the three-byte characters ValidUtf8Length
// takes inline (all of CJK).
inline char32_t DecodeUtf8(std::string_view s, size_t* pos) {
  const size_t p = *pos;
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = byte(p);
  if (c < 0x80) {
    *pos = p + 1;
    return c;
  }
  if (c >= 0xE1 && c <= 0xEF && c != 0xED && p + 2 < s.size() &&
      (byte(p + 1) & 0xC0) == 0x80 && (byte(p + 2) & 0xC0) == 0x80) {
    *pos = p + 3;
    return (static_cast<char32_t>(c & 0x0F) << 12) |
           (static_cast<char32_t>(byte(p + 1) & 0x3F) << 6) | (byte(p + 2) & 0x3F);
  }
  return DecodeUtf8OfAny(s, pos);
}
void AppendUtf8(char32_t cp, std::string* out);

// Number of code points in `s` (invalid bytes count one each).
size_t CodePointCount(std::string_view s);

// Terminal display width of one code point: 0 for combining marks and
// control characters, 2 for East Asian wide and full-width forms, else 1.
int CodePointWidthOfAny(char32_t cp);  // its out-of-line part
inline int CodePointWidth(char32_t cp) {
  if (cp >= 0x20 && cp < 0x7F) return 1;
  if (cp >= 0x4E00 && cp <= 0x9FFF) return 2;
  return CodePointWidthOfAny(cp);
}
// Display width of `s`.
size_t DisplayWidth(std::string_view s);
// The longest prefix of `s` whose display width is at most `width`; when `s`
// is cut, the prefix ends with "…" (counted in the width).
std::string TruncateToWidth(std::string_view s, size_t width);
// `s` followed by spaces up to display width `width` (never cut).
std::string PadToWidth(std::string_view s, size_t width);

// Folds full-width ASCII forms (U+FF01..U+FF5E) to ASCII, and the
// ideographic space U+3000 and the typographic spaces (U+2000..U+200A,
// U+202F, U+205F) to ' '. Other text is unchanged. "≥９０％" -> "≥90%".
std::string FoldFullWidth(std::string_view s);

// Whether `cp` is a character that shows nothing, yet makes two texts differ:
// the zero-width space, joiners and direction marks U+200B..U+200F, the word
// joiner U+2060 and the byte order mark (zero-width no-break space) U+FEFF.
inline bool IsInvisible(char32_t cp) {
  return (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF;
}
// Whether `s` has an invisible character (IsInvisible); cheap when it has not.
bool HasInvisible(std::string_view s);
// `s` with each invisible character (IsInvisible) written as "<U+200B>";
// `found` (when given) gets each one written so, once, in order of first
// appearance ("<U+200B>"). `s` itself when it has none.
std::string ShowInvisible(std::string_view s, std::vector<std::string>* found = nullptr);

// `s` without leading and trailing ASCII white space, ideographic spaces
// (U+3000), no-break spaces (U+00A0) and the typographic spaces text pasted
// from a PDF or a web page carries (U+2000..U+200A, U+202F, U+205F).
std::string_view Trim(std::string_view s);

bool StartsWith(std::string_view s, std::string_view prefix);
// Whether a file name is the lock file an office suite keeps beside a
// document open for editing: Word's and Excel's owner file ("~$2024表.docx",
// a few bytes naming the user) or WPS's (".~2024表.docx"). It is no document:
// a directory's listing passes over it.
bool IsOfficeLockFile(std::string_view file_name);
// Whether a file name is one macOS gives the AppleDouble file holding
// another file's metadata, "._" and that file's name ("._报告.docx"): left
// beside each file copied to a USB drive, a network share or a zip archive.
// Whether it is one is in its bytes (LooksLikeAppleDouble).
bool IsAppleDoubleName(std::string_view file_name);
// True when `bytes` start like an AppleDouble file: the magic number
// 0x00051607.
bool LooksLikeAppleDouble(std::string_view bytes);
bool EndsWith(std::string_view s, std::string_view suffix);
// The same, with ASCII letters compared without case ("A.CSV" ends with
// ".csv"); every other byte as it is.
bool EqualsIgnoringCase(std::string_view a, std::string_view b);
bool EndsWithIgnoringCase(std::string_view s, std::string_view suffix);

// Edit distance in code points: insert, delete, substitute and swap of two
// adjacent code points each cost 1.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` by EditDistance when it is near enough to
// be a likely typo (distance <= max(1, length/3)), else "".
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

// The text of 1-based line `line` of `text`, without its line terminator
// ("\n", "\r\n" or "\r"); "" when out of range.
std::string_view LineOf(std::string_view text, int line);

// LineOf for many lines of one text: LineOf scans from the start, so a
// diagnostic per line of a large file would cost the square of its size.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text = {}) { Assign(text); }
  // Indexes `text` instead, reusing the memory of the last index.
  void Assign(std::string_view text);
  // As LineOf(text, line).
  std::string_view Line(int line) const;

 private:
  std::string_view text_;
  std::vector<size_t> starts_;  // byte offset where each line starts
};

// The 1-based code-point column of byte offset `offset` within its line.
int ColumnOfOffset(std::string_view text, size_t offset);

}  // namespace jixiao

#endif  // JIXIAO_BASE_TEXT_H_
