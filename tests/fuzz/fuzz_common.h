// Shared invariant checks for the jixiao fuzz harnesses (tests/fuzz/*.cc).
//
// A harness aborts (FUZZ_CHECK) when an invariant fails, so that libFuzzer
// records the input as a crash even when nothing crashed by itself: these
// invariants catch silent wrongness, such as an error without a message, a
// location outside the file, or a value that passed validation but breaks
// the rules that validation promises.
#ifndef JIXIAO_TESTS_FUZZ_FUZZ_COMMON_H_
#define JIXIAO_TESTS_FUZZ_FUZZ_COMMON_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "report/diagnostic_format.h"
#include "base/exact.h"
#include "base/json_writer.h"
#include "base/text.h"
#include "model/value.h"
#include "yaml/yaml_doc.h"

// Aborts with the failed condition and a detail when `cond` is false.
#define FUZZ_CHECK(cond, detail)                                                     \
  do {                                                                               \
    if (!(cond)) {                                                                   \
      std::fprintf(stderr, "\nINVARIANT FAILED at %s:%d: %s\n  detail: %s\n", __FILE__, \
                   __LINE__, #cond, std::string(detail).c_str());                    \
      std::abort();                                                                  \
    }                                                                                \
  } while (0)

namespace jixiao::fuzz {

// The limits the YAML harnesses parse under: small enough that one input
// runs fast, `max_documents` as the harness needs.
inline YamlLimits FuzzLimits(size_t max_documents) {
  YamlLimits l;
  l.max_file_bytes = 64 << 10;
  l.max_scalar_bytes = 4096;
  l.max_depth = 24;
  l.max_nodes = 20000;
  l.max_documents = max_documents;
  return l;
}

inline bool ValidUtf8(std::string_view s) { return FindInvalidUtf8(s) == std::string_view::npos; }

// Number of lines of `text` as LineOf counts them (LF, CRLF or a lone CR
// end a line); a final line break does not start a new line, but a line
// number one past the last is allowed for "at the end of the file".
inline int LineCount(std::string_view text) {
  int lines = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
      ++lines;
  }
  return lines;
}

// Checks every diagnostic of `diags` from index `from` on, for an input
// named `path` holding `text` (text == nullptr when the input is not text,
// such as a .docx): a message that is not empty and, when the input is
// valid UTF-8, valid UTF-8 itself; a location in that file (or none), with
// line and column >= 0; when a line is given, that line exists in the text,
// the column lies within it (a code-point column, 1 past its end at most),
// and the source line shown under the message is that line. Every
// diagnostic is also formatted as text and JSON, the way the reports do.
inline void CheckDiagnostics(const Diagnostics& diags, size_t from, const std::string& path,
                             const std::string* text) {
  const bool text_valid = text == nullptr || ValidUtf8(*text);
  const int lines = text ? LineCount(*text) : 0;
  const auto& all = diags.all();
  for (size_t i = from; i < all.size(); ++i) {
    const Diagnostic& d = all[i];
    FUZZ_CHECK(!d.message.empty(), "diagnostic without a message");
    if (text_valid) FUZZ_CHECK(ValidUtf8(d.message), "message is not valid UTF-8: " + d.message);
    FUZZ_CHECK(d.loc.line >= 0 && d.loc.column >= 0, d.message);
    if (d.loc.file.empty()) {
      FUZZ_CHECK(d.loc.line == 0 && d.loc.column == 0, "a line without a file: " + d.message);
      continue;
    }
    FUZZ_CHECK(d.loc.file == path, "diagnostic names another file: " + d.loc.file);
    if (d.loc.line == 0) {
      FUZZ_CHECK(d.loc.column == 0, "a column without a line: " + d.message);
      continue;
    }
    FUZZ_CHECK(d.loc.column >= 1, "a line without a column: " + d.message);
    if (text != nullptr) {
      FUZZ_CHECK(d.loc.line <= lines, "line " + std::to_string(d.loc.line) + " of " +
                                          std::to_string(lines) + ": " + d.message);
      std::string_view line = LineOf(*text, d.loc.line);
      FUZZ_CHECK(static_cast<size_t>(d.loc.column) <= CodePointCount(line) + 1,
                 "column " + std::to_string(d.loc.column) + " beyond line " +
                     std::to_string(d.loc.line) + ": " + d.message);
      if (!d.source_line.empty()) {
        FUZZ_CHECK(d.source_line == line, "source line shown is not line " +
                                              std::to_string(d.loc.line) + ": '" + d.source_line +
                                              "' vs '" + std::string(line) + "'");
      }
    }
  }
  for (size_t i = from; i < all.size(); ++i) {
    std::string formatted = FormatDiagnostic(all[i], false);
    FUZZ_CHECK(!formatted.empty() && formatted.back() == '\n', formatted);
    std::string json;
    JsonWriter w(&json);
    WriteDiagnosticJson(all[i], &w);
    if (text_valid) FUZZ_CHECK(ValidUtf8(json), "JSON diagnostic is not valid UTF-8");
  }
}

// Number of errors among diagnostics [from, end).
inline size_t ErrorsSince(const Diagnostics& diags, size_t from) {
  size_t n = 0;
  for (size_t i = from; i < diags.all().size(); ++i)
    if (diags.all()[i].severity == Severity::kError) ++n;
  return n;
}

// A location inside input `path`: its file, line >= 1 and column >= 1.
inline void CheckLocated(const Location& loc, const std::string& path, const char* what) {
  FUZZ_CHECK(loc.file == path && loc.line >= 1 && loc.column >= 1,
             std::string(what) + " is not located: " + loc.file + ":" +
                 std::to_string(loc.line) + ":" + std::to_string(loc.column));
}

// Whether `r` is a terminating decimal (its denominator has only the prime
// factors 2 and 5), so that ToDecimalString writes it exactly.
inline bool IsTerminating(const Rational& r) {
  BigInt d = r.den();
  BigInt q, rem;
  for (int p : {2, 5}) {
    while (true) {
      BigInt::DivMod(d, p, &q, &rem);
      if (!rem.is_zero()) break;
      d = q;
    }
  }
  return d == BigInt(1);
}

// Formats `r` every way the reports do, checking the results are sane.
inline void CheckFormats(const Rational& r) {
  std::string dec = r.ToDecimalString();
  FUZZ_CHECK(!dec.empty(), "empty decimal");
  std::string fixed = r.FormatFixed(2);
  FUZZ_CHECK(fixed.size() >= 4 && fixed[fixed.size() - 3] == '.', "FormatFixed(2): " + fixed);
  std::string short4 = r.FormatShort(4);
  FUZZ_CHECK(!short4.empty() && short4.back() != '.', "FormatShort(4): " + short4);
  if (IsTerminating(r)) {
    std::optional<Rational> back = Rational::ParseDecimal(dec);
    FUZZ_CHECK(back && *back == r, "ToDecimalString does not read back: " + dec);
  }
  std::optional<Rational> rounded = Rational::ParseDecimal(fixed);
  FUZZ_CHECK(rounded && *rounded == r.Round(2), "FormatFixed differs from Round: " + fixed);
  (void)r.ToDouble();
}

// True for a valid Gregorian date.
inline bool ValidDate(const Date& d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  int days = d.month == 2 && leap ? 29 : kDays[d.month - 1];
  return d.day <= days;
}

// A unit is what LookupUnit makes of its own canonical name, with a
// positive factor; "" exactly when it has no dimension.
inline void CheckUnit(const Unit& u) {
  FUZZ_CHECK(u.name.empty() == (u.dim == Dimension::kNone), "unit '" + u.name + "'");
  FUZZ_CHECK(u.factor.sign() > 0, "unit factor not positive: " + u.name);
  Unit again = LookupUnit(u.name);
  FUZZ_CHECK(again.name == u.name && again.dim == u.dim && again.factor == u.factor,
             "unit is not canonical: '" + u.name + "'");
}

}  // namespace jixiao::fuzz

#endif  // JIXIAO_TESTS_FUZZ_FUZZ_COMMON_H_
