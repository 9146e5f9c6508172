#include "base/encoding.h"

#include <doctest/doctest.h>

#include <string>

namespace jixiao {

TEST_CASE("GB18030 text decodes to UTF-8, character for character") {
  // "项目,指标" as Excel on a Chinese Windows saves it: 项 CF EE, 目 C4 BF,
  // 指 D6 B8, 标 B1 EA.
  std::optional<std::string> s = DecodeGb18030("\xCF\xEE\xC4\xBF,\xD6\xB8\xB1\xEA\r\n");
  REQUIRE(s);
  CHECK(*s == "项目,指标\r\n");
  // Four-byte characters: U+015E (Ş) is 81 30 94 35, U+1F600 (😀) 94 39 FC 36.
  CHECK(DecodeGb18030("\x81\x30\x94\x35\x94\x39\xFC\x36") ==
        std::optional<std::string>("Ş😀"));
  CHECK(DecodeGb18030("plain ASCII") == std::optional<std::string>("plain ASCII"));
}

TEST_CASE("bytes that are not clean GB18030 do not decode") {
  CHECK(!DecodeGb18030("\xFF\xFE" "a\0b\0"));  // UTF-16 with its byte order mark
  CHECK(!DecodeGb18030("\xCF"));               // a character cut at the end
  CHECK(!DecodeGb18030("\xCF\x0A"));           // a lead byte before a line feed
  CHECK(!DecodeGb18030("\xAA\xA1"));           // a user-defined (private use) code
  CHECK(!DecodeGb18030("\x81\x30\x81\x30"));   // U+0080, a C1 control
}

}  // namespace jixiao
