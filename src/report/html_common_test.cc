#include <doctest/doctest.h>

#include <string>

#include "report/html_common.h"

namespace jixiao {

TEST_CASE("HtmlPageStart: the CSP meta tag, the language, the title and both CSS parts") {
  const std::string zh = HtmlPageStart(false, "标题 &amp; x", ".extra{color:red}");
  CHECK(zh.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">", 0) == 0);
  CHECK(zh.find("content=\"default-src 'none'; style-src 'unsafe-inline'") != std::string::npos);
  CHECK(zh.find("<title>标题 &amp; x</title>") != std::string::npos);
  CHECK(zh.find(".extra{color:red}</style>\n</head>\n<body>\n") != std::string::npos);
  CHECK(HtmlPageStart(true, "t", "").find("<html lang=\"en\">") != std::string::npos);
}

TEST_CASE("HtmlLines: each line escaped, joined with <br>, CR dropped") {
  CHECK(HtmlLines("a<b\r\nc&d") == "a&lt;b<br>c&amp;d");
}

TEST_CASE("VBars: a class per bar when given; labels escaped") {
  const std::string svg = VBars("t", {{"<绿>", 1}, {"黄", 2}}, {"green", "yellow"});
  CHECK(svg.find("<rect class=\"green\"") != std::string::npos);
  CHECK(svg.find("<rect class=\"yellow\"") != std::string::npos);
  CHECK(svg.find("&lt;绿&gt;") != std::string::npos);
  CHECK(VBars("t", {{"a", 1}}).find("<rect class=\"bar\"") != std::string::npos);
}

TEST_CASE("StackedHBars: parts side by side, scaled to the largest sum") {
  // Plot width 600 - 170 - 60 = 370; the largest sum is 2 + 1 + 1 = 4, so a
  // count is 92.5 wide: red 2 -> 185 from x 170, yellow 1 -> 92.5 from 355,
  // green 1 -> 92.5 from 447.5; the sum 4 written at 540 + 6.
  const std::string svg =
      StackedHBars("t", {{"部门", {2, 1, 1}}, {"<b>", {0, 0, 2}}}, {"red", "yellow", "green"});
  CHECK(svg.find("<rect class=\"red\" x=\"170.0\" y=\"6.0\" width=\"185.0\"") != std::string::npos);
  CHECK(svg.find("<rect class=\"yellow\" x=\"355.0\" y=\"6.0\" width=\"92.5\"") != std::string::npos);
  CHECK(svg.find("<rect class=\"green\" x=\"447.5\" y=\"6.0\" width=\"92.5\"") != std::string::npos);
  CHECK(svg.find("<text x=\"546.0\" y=\"18.0\">4</text>") != std::string::npos);
  // The second bar: no rect for a zero part; green 2 -> 185 from 170.
  CHECK(svg.find("<rect class=\"green\" x=\"170.0\" y=\"28.0\" width=\"185.0\"") != std::string::npos);
  CHECK(svg.find("&lt;b&gt;") != std::string::npos);
  CHECK(svg.find("<b>") == std::string::npos);
}

}  // namespace jixiao
