// The commonest slips of YAML written by hand (docs/reference.md §10), named
// where they are rather than where a YAML parser gives up.
//
// An indentation of full-width or no-break spaces is found before parsing
// (FindWideIndentation): YAML may well read it, wrongly.
//
// A full-width colon (`level2：数量指标`) or a colon without a space after it
// (`unit:万元`) makes a key and its value one plain scalar; yaml-cpp then
// fails a line lower ("illegal map value"). A tab used for indentation, a
// value starting with '>' or '|' (a block scalar's indicator) and an
// indentation that does not line up with the keys around it fail with
// parser words, and so does a full-width comma or bracket in a flow
// collection ("{a: 1，b: 2}"). When the parser fails, FindYamlSlip looks at
// the source lines up to the failure and names the slip at its own line and
// column, with the fix. KeyColonSlip names the first two slips when they do not
// fail the parse (a key with nothing after it, then read as an unknown key).
#ifndef JIXIAO_YAML_YAML_SLIPS_H_
#define JIXIAO_YAML_YAML_SLIPS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "base/messages.h"

namespace jixiao {

// A slip: where it is in the text and what to say about it (in the run's
// language, with its code).
struct YamlSlip {
  size_t offset = 0;  // byte offset of the slip in the text
  int line = 0;       // its 1-based line
  Message message;
};

// Looks for a slip in the lines of `text` from byte `from` (the start of
// 1-based line `from_line`) to line `error_line`, where a YAML parser
// failed. Returns the slip found on line `error_line`, else on the last line
// with content (not blank, not a comment) before it; nullopt when there is
// none there. Reads every line once; never fails.
std::optional<YamlSlip> FindYamlSlip(std::string_view text, size_t from, int from_line,
                                     int error_line);

// The first line of `text` indented with a full-width space (U+3000) or a
// no-break space (U+00A0), the spaces of a Chinese input method or of a
// word processor, before a key or a '-': YAML reads such a space as text,
// so `　total: 10` is a key "　total" and the map above it is empty, or the
// parser fails a line or more below. Lines inside block scalars, quoted
// scalars and flow collections, and text going on from the line above, do
// not count. nullopt when there is none.
std::optional<YamlSlip> FindWideIndentation(std::string_view text);

// A key read as one plain scalar because of a slip in its colon: `key` is
// the scalar ("target：≥90%", "unit:万元"). Returns the byte index in `key`
// of the colon and the message; nullopt when `key` does not look like such
// a slip (no such colon, or nothing before or after it).
struct KeyColonSlipFound {
  size_t colon = 0;
  Message message;
};
std::optional<KeyColonSlipFound> KeyColonSlip(std::string_view key);

// A value in a flow map that starts with a block scalar's indicator or a
// reserved character ("{name: 乙, target: >=90%}"), where a YAML parser
// stopped at byte `at` (that character) of `text`, on 1-based line `line`:
// the slip, at `at`, with the key before the ':' and the value up to the
// next ',' or '}' on the line; nullopt when `at` is not such a value (the
// character after a ':' and blanks, with a '{' before it on the line).
std::optional<YamlSlip> FlowIndicatorSlip(std::string_view text, size_t at, int line);

// The '{' or '[' (`open`) of the flow collection a YAML parser found
// unclosed, before byte `at` of `text` where it gave up (often at the token
// after the line that opened it, or at the "---" that ends the document):
// on the nearest line up to `at`'s, 50 lines at most and not past another
// "---" line, that opens one before `at` and does not close it (`close`) on
// the line, outside quoted scalars and comments. npos when there is none:
// then what the parser stopped at is the slip ("{a: 4台: x}").
size_t UnclosedBracketBefore(std::string_view text, size_t at, char open, char close);

// The message for a value written after a key that starts with a block
// scalar's indicator ('>' or '|') or a reserved character ('@', '`') and so
// needs quotes: `value` is the value as written (">5").
Message BlockIndicatorSlipMessage(std::string_view key, std::string_view value);

}  // namespace jixiao

#endif  // JIXIAO_YAML_YAML_SLIPS_H_
