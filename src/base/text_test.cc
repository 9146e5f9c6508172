#include "base/text.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/text_testing.h"

namespace jixiao {

TEST_CASE("FindInvalidUtf8 finds the first bad byte") {
  CHECK(FindInvalidUtf8("abc") == std::string_view::npos);
  CHECK(FindInvalidUtf8("产出指标≥90%") == std::string_view::npos);
  CHECK(FindInvalidUtf8("ab\xff") == 2);
  CHECK(FindInvalidUtf8("\xc0\xaf") == 0);           // overlong '/'
  CHECK(FindInvalidUtf8("x\xed\xa0\x80") == 1);      // surrogate
  CHECK(FindInvalidUtf8("\xf4\x90\x80\x80") == 0);   // above U+10FFFF
  CHECK(FindInvalidUtf8("\xe4\xb8") == 0);           // truncated
}

TEST_CASE("display width counts CJK as two columns") {
  CHECK(DisplayWidth("abc") == 3);
  CHECK(DisplayWidth("产出指标") == 8);
  CHECK(DisplayWidth("≥90%") == 4);
  CHECK(DisplayWidth("４台") == 4);
  CHECK(PadToWidth("数量", 6) == "数量  ");
  CHECK(PadToWidth("数量指标", 2) == "数量指标");
  CHECK(TruncateToWidth("产出指标", 5) == "产出…");
  CHECK(TruncateToWidth("产出指标", 8) == "产出指标");
  CHECK(DisplayWidth(TruncateToWidth("满意度指标abc", 7)) <= 7);
}

TEST_CASE("FoldFullWidth folds full-width ASCII only") {
  CHECK(FoldFullWidth("≥９０％") == "≥90%");
  CHECK(FoldFullWidth("＜２０ｍＳｖ") == "<20mSv");
  CHECK(FoldFullWidth("１，２００　台") == "1,200 台");
  CHECK(FoldFullWidth("达成") == "达成");
  CHECK(FoldFullWidth("4\u202f台") == "4 台");  // a narrow no-break space
  CHECK(FoldFullWidth("≥\u200990%") == "≥ 90%");
}

TEST_CASE("ShowInvisible writes zero-width characters and byte order marks as <U+XXXX>") {
  CHECK(ShowInvisible("合格率") == "合格率");
  CHECK(ShowInvisible("") == "");
  std::vector<std::string> found;
  CHECK(ShowInvisible("合格率\u200B", &found) == "合格率<U+200B>");
  CHECK(found == std::vector<std::string>{"<U+200B>"});
  found.clear();
  CHECK(ShowInvisible("\uFEFFP1\u200Cx\u200F\u2060\uFEFF", &found) ==
        "<U+FEFF>P1<U+200C>x<U+200F><U+2060><U+FEFF>");
  CHECK(found == std::vector<std::string>{"<U+FEFF>", "<U+200C>", "<U+200F>", "<U+2060>"});
  // Their neighbours are visible, or spaces: unchanged.
  CHECK(ShowInvisible("\u200A\u2010\u2061\uFEFE\u3000\u00A0“”") ==
        "\u200A\u2010\u2061\uFEFE\u3000\u00A0“”");
  CHECK(IsInvisible(0x200B));
  CHECK_FALSE(IsInvisible(0x3000));
  // HasInvisible says whether ShowInvisible would change anything, at the
  // start, the middle and the very end of a text.
  for (const char* s : {"\u200B", "a\u200Fb", "合格率“x”\u2060", "（\uFEFF）", "x\u200D"})
    CHECK(HasInvisible(s));
  for (const char* s : {"", "合格率", "“”（）：", "\u200A\u2010\u2061\uFEFE", "\xE2\x80", "\xEF\xBB"})
    CHECK_FALSE(HasInvisible(s));
}

TEST_CASE("IsOfficeLockFile knows Word's, Excel's and WPS's lock files by their names") {
  CHECK(IsOfficeLockFile("~$2024表.docx"));
  CHECK(IsOfficeLockFile("~$进度.xlsx"));
  CHECK(IsOfficeLockFile(".~2024表.docx"));
  CHECK_FALSE(IsOfficeLockFile("2024表.docx"));
  CHECK_FALSE(IsOfficeLockFile("~2024表.docx"));
  CHECK_FALSE(IsOfficeLockFile(".2024表.docx"));
  CHECK_FALSE(IsOfficeLockFile("a~$.xlsx"));
}

TEST_CASE("LooksLikeAppleDouble: the magic number 0x00051607") {
  // macOS's AppleDouble file ("._报告.docx"): its magic number, then its
  // version (2) and "Mac OS X" padded to 16 bytes.
  CHECK(LooksLikeAppleDouble(std::string("\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ", 24)));
  CHECK_FALSE(LooksLikeAppleDouble(std::string("\x00\x05\x16", 3)));
  CHECK_FALSE(LooksLikeAppleDouble(std::string("\x00\x05\x16\x00", 4)));  // AppleSingle's
  CHECK_FALSE(LooksLikeAppleDouble("project: 项目\n"));
  CHECK_FALSE(LooksLikeAppleDouble(""));
}

TEST_CASE("IsAppleDoubleName knows the names macOS gives its AppleDouble files") {
  CHECK(IsAppleDoubleName("._报告.docx"));
  CHECK(IsAppleDoubleName("._2024表.doc"));
  CHECK(IsAppleDoubleName("._"));
  CHECK_FALSE(IsAppleDoubleName("报告.docx"));
  CHECK_FALSE(IsAppleDoubleName(".报告.docx"));
  CHECK_FALSE(IsAppleDoubleName("_.报告.docx"));
  CHECK_FALSE(IsAppleDoubleName("a._报告.docx"));
}

TEST_CASE("Trim removes ASCII, ideographic, no-break and typographic spaces") {
  CHECK(Trim("  a b \t") == "a b");
  CHECK(Trim("\u2003购置设备数量\u2003") == "购置设备数量");  // em spaces, pasted from a PDF
  CHECK(Trim("\u202f4台\u205f") == "4台");
  CHECK(Trim("合格率\u200b") == "合格率\u200b");  // a zero-width space is shown, not trimmed
  CHECK(Trim("\u3000数量\u3000") == "数量");
  CHECK(Trim("\u00a0x\u00a0") == "x");
  CHECK(Trim("   ") == "");
  CHECK(Trim("") == "");
}

TEST_CASE("EditDistance and ClosestMatch suggest near misses") {
  CHECK(EditDistance("indicator", "indicators") == 1);
  CHECK(EditDistance("产出指标", "产出指示") == 1);
  CHECK(EditDistance("", "abc") == 3);
  std::vector<std::string> keys{"project", "id", "year", "budget", "indicators"};
  CHECK(ClosestMatch("indicator", keys) == "indicators");
  CHECK(ClosestMatch("yaer", keys) == "year");
  CHECK(ClosestMatch("zzzzzz", keys) == "");
}

TEST_CASE("LineOf and ColumnOfOffset locate text") {
  std::string_view text = "a: 1\r\nb: 中文\nc: 3";
  CHECK(LineOf(text, 1) == "a: 1");
  CHECK(LineOf(text, 2) == "b: 中文");
  CHECK(LineOf(text, 3) == "c: 3");
  CHECK(LineOf(text, 4) == "");
  CHECK(LineOf(text, 0) == "");
  CHECK(ColumnOfOffset(text, 0) == 1);
  CHECK(ColumnOfOffset(text, 3) == 4);
  // "b: 中文" starts at 6; the byte after 中 (3 bytes) is code point 5.
  CHECK(ColumnOfOffset(text, 6 + 3 + 3) == 5);
  CHECK(ColumnOfOffset(text, 6) == 1);
  // After ASCII only, a column a byte; invalid bytes count one each.
  CHECK(ColumnOfOffset("        forecast: 94%", 8) == 9);
  CHECK(ColumnOfOffset("x\n\x80\xe4\xb8:", 5) == 4);  // a truncated 中: two bytes
  CHECK(ColumnOfOffset("x\n\x80\xe4\xb8\xad:", 6) == 3);
}

TEST_CASE("AppendUtf8 round-trips through DecodeUtf8") {
  for (char32_t cp : {U'a', U'é', U'中', U'😀', U'\u3000'}) {
    std::string s;
    AppendUtf8(cp, &s);
    size_t pos = 0;
    CHECK(DecodeUtf8(s, &pos) == cp);
    CHECK(pos == s.size());
  }
}

TEST_CASE("LineIndex gives the lines LineOf gives") {
  // LineOf scans from the start of the text; LineIndex indexes the lines
  // once, for the CSV reader and Diagnostics::FillSourceLines (50,000 bad
  // CSV rows took minutes with a scan each).
  for (std::string_view text : {std::string_view(""), std::string_view("a"),
                                std::string_view("a\n"), std::string_view("a\nb"),
                                std::string_view("a\r\nb\rc\n\nd"), std::string_view("\r\r\n\n"),
                                std::string_view("项目\r甲\r\n乙")}) {
    LineIndex index(text);
    for (int line = -1; line <= 8; ++line) {
      CAPTURE(text);
      CAPTURE(line);
      CHECK(index.Line(line) == LineOf(text, line));
    }
  }
  LineIndex index("a\r\nb\rc\n\nd");
  CHECK(index.Line(2) == "b");
  CHECK(index.Line(3) == "c");
  CHECK(index.Line(4) == "");
  CHECK(index.Line(5) == "d");
}

TEST_CASE("DecodeUtf8 and CodePointWidth inline paths agree with the general ones") {
  // Every code point, encoded; then every three bytes led by E0..EF, valid or not.
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string s;
    AppendUtf8(cp, &s);
    size_t a = 0, b = 0;
    const char32_t x = DecodeUtf8(s, &a);
    const char32_t y = DecodeUtf8OfAny(s, &b);
    if (x != cp || y != cp || a != b || CodePointWidth(cp) != CodePointWidthOfAny(cp)) {
      FAIL("code point ", static_cast<uint32_t>(cp));
    }
  }
  for (int lead = 0xE0; lead <= 0xEF; ++lead) {
    for (int b1 = 0; b1 < 256; ++b1) {
      for (int b2 = 0; b2 < 256; ++b2) {
        const char bytes[] = {static_cast<char>(lead), static_cast<char>(b1),
                              static_cast<char>(b2)};
        const std::string_view s(bytes, 3);
        size_t a = 0, b = 0;
        if (DecodeUtf8(s, &a) != DecodeUtf8OfAny(s, &b) || a != b) {
          FAIL("bytes ", lead, " ", b1, " ", b2);
        }
      }
    }
  }
  size_t pos = 0;
  CHECK(DecodeUtf8("\xe4\xb8", &pos) == 0xFFFD);  // cut: one byte at a time
  CHECK(pos == 1);
}

// Trim as it was first written, decoding every code point at both ends.
std::string_view TrimByDecoding(std::string_view s) {
  const auto space = [](char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0x3000 || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
           cp == 0x205F;
  };
  size_t begin = 0;
  while (begin < s.size()) {
    size_t pos = begin;
    if (!space(DecodeUtf8(s, &pos))) break;
    begin = pos;
  }
  size_t end = s.size();
  while (end > begin) {
    size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    size_t pos = start;
    char32_t cp = DecodeUtf8(s, &pos);
    if (pos != end || !space(cp)) break;
    end = start;
  }
  return s.substr(begin, end - begin);
}

TEST_CASE("Trim skips decoding where no space can be, with the same result") {
  const std::vector<std::string> pieces = {" ", "\t", "\u3000", "\u00a0", "a", "中", "\x80",
                                           "\xa0", "\xc2", "\xe3", "\xe3\x80", "\xff",
                                           "\u3001", "\u00a1", "\xe3\x81\x80",
                                           // typographic spaces, their neighbours, and
                                           // characters ending in the same last bytes
                                           "\u2000", "\u200a", "\u200b", "\u1fff", "\u202f",
                                           "\u205f", "\u2060", "\u2264", "\u4e8a", "\xe2",
                                           "\xe2\x80"};
  text_testing::ForEachOfThree(pieces, [](const std::string& s) {
    CAPTURE(s);
    CHECK(Trim(s) == TrimByDecoding(s));
  });
}

// FoldFullWidth as it was first written, decoding every code point.
std::string FoldByDecoding(std::string_view s) {
  std::string out;
  for (size_t pos = 0; pos < s.size();) {
    size_t start = pos;
    char32_t cp = DecodeUtf8(s, &pos);
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      out.push_back(static_cast<char>(cp - 0xFF01 + 0x21));
    } else if (cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F) {
      out.push_back(' ');
    } else {
      out.append(s.substr(start, pos - start));
    }
  }
  return out;
}

TEST_CASE("FoldFullWidth decodes only what can fold, with the same result") {
  // Each end of the range, its neighbours, the ideographic space, and the
  // broken sequences that start like them.
  const std::vector<std::string> pieces = {
      "a",   "中",  "\uff01", "\uff5e", "\uff00", "\uff5f", "\u3000", "\u3001",
      "\xef", "\xef\xbc", "\xe3", "\xe3\x80", "\xbc\x81", "\x80", "\xff",
      "\u2000", "\u200a", "\u200b", "\u202f", "\u205f", "\u2264", "\xe2", "\xe2\x80"};
  text_testing::ForEachOfThree(pieces, [](const std::string& s) {
    CAPTURE(s);
    CHECK(FoldFullWidth(s) == FoldByDecoding(s));
  });
  CHECK(FoldFullWidth("\uff01\uff5e\u3000") == "!~ ");
}

TEST_CASE("EqualsIgnoringCase and EndsWithIgnoringCase fold ASCII letters only") {
  CHECK(EqualsIgnoringCase("Likely", "likely"));
  CHECK(EqualsIgnoringCase("AZ@[`{", "az@[`{"));
  CHECK_FALSE(EqualsIgnoringCase("@", "`"));  // 0x40 and 0x60: not letters
  CHECK_FALSE(EqualsIgnoringCase("[", "{"));
  CHECK_FALSE(EqualsIgnoringCase("\xC3\x89", "\xC3\xA9"));  // É and é: bytes as they are
  CHECK_FALSE(EqualsIgnoringCase("likely", "likel"));
  CHECK(EndsWithIgnoringCase("2024/A.CSV", ".csv"));
  CHECK(EndsWithIgnoringCase(".csv", ".csv"));
  CHECK_FALSE(EndsWithIgnoringCase("csv", ".csv"));
  CHECK_FALSE(EndsWithIgnoringCase("a.csvx", ".csv"));
}

}  // namespace jixiao
