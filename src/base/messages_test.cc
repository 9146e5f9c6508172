#include "base/messages.h"

#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

#include <fmt/format.h>

namespace jixiao {
namespace {

// The placeholders of a template: the numbers of its {N}. Anything else
// between braces (a name, a format spec, an unclosed brace) is reported in
// `*bad`; {{ and }} are literal braces.
std::multiset<int> Placeholders(std::string_view t, std::string* bad) {
  std::multiset<int> out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '}') {
      if (i + 1 < t.size() && t[i + 1] == '}') {
        ++i;
        continue;
      }
      *bad = "a lone '}'";
      return out;
    }
    if (t[i] != '{') continue;
    if (i + 1 < t.size() && t[i + 1] == '{') {
      ++i;
      continue;
    }
    size_t close = t.find('}', i);
    std::string_view inside =
        close == std::string_view::npos ? t.substr(i + 1) : t.substr(i + 1, close - i - 1);
    if (close == std::string_view::npos || inside.empty() || inside.size() > 2 ||
        inside.find_first_not_of("0123456789") != std::string_view::npos) {
      *bad = "'{" + std::string(inside) + "' is not a placeholder {N}";
      return out;
    }
    out.insert(std::stoi(std::string(inside)));
    i = close;
  }
  return out;
}

TEST_CASE("every catalogue entry has both texts with the same placeholders {0}..{n-1}") {
  for (size_t i = 0; i < kCatalogueSize; ++i) {
    const MessageDef& d = Catalogue()[i];
    CAPTURE(d.name);
    CHECK(std::string_view(d.zh) != "");
    CHECK(std::string_view(d.en) != "");
    std::string bad_zh, bad_en;
    std::multiset<int> zh = Placeholders(d.zh, &bad_zh);
    std::multiset<int> en = Placeholders(d.en, &bad_en);
    CHECK(bad_zh == "");
    CHECK(bad_en == "");
    // The same numbers, each at least once in each language (a language may
    // repeat one), and no gap: {0} to {n-1}.
    std::set<int> zh_set(zh.begin(), zh.end()), en_set(en.begin(), en.end());
    CHECK(zh_set == en_set);
    int n = 0;
    for (int k : zh_set) CHECK(k == n++);
  }
}

// An entry's `name` is its MsgId's: the variant of "kX" is "kXProgress",
// "kXForecast" or "kXValueToDate", beside it in the catalogue.
TEST_CASE("the wordings of monitor: a variant has its message's code and placeholders") {
  struct Wording {
    MsgId (*of)(MsgId);
    std::string_view suffix;
    std::string_view word;  // in each English variant
    int count = 0;
  };
  Wording wordings[] = {{ProgressWording, "Progress", "progress"},
                        {ForecastWording, "Forecast", "forecast"},
                        {ValueToDateWording, "ValueToDate", "value to date"}};
  for (size_t i = 0; i < kCatalogueSize; ++i) {
    const auto id = static_cast<MsgId>(i);
    for (Wording& w : wordings) {
      const MsgId v = w.of(id);
      if (v == id) continue;
      ++w.count;
      const MessageDef& d = Def(id);
      const MessageDef& def = Def(v);
      CAPTURE(d.name);
      CHECK(std::string(def.name) == std::string(d.name) + std::string(w.suffix));
      CHECK(def.code == d.code);
      CHECK(def.code != 0);
      std::string bad;
      CHECK(Placeholders(def.zh, &bad) == Placeholders(d.zh, &bad));
      CHECK(Placeholders(def.en, &bad) == Placeholders(d.en, &bad));
      // Its words are monitoring's.
      CHECK(std::string_view(def.zh).find("实际完成值") == std::string_view::npos);
      CHECK(std::string_view(def.en).find(w.word) != std::string_view::npos);
    }
  }
  // Every diagnostic named as a variant of another is its variant (none
  // left out of the switches).
  std::map<std::string_view, MsgId> by_name;
  for (size_t i = 0; i < kCatalogueSize; ++i) by_name.emplace(Catalogue()[i].name, static_cast<MsgId>(i));
  for (const auto& [name, v] : by_name) {
    for (const Wording& w : wordings) {
      if (name.size() <= w.suffix.size() || name.substr(name.size() - w.suffix.size()) != w.suffix) {
        continue;
      }
      auto base = by_name.find(name.substr(0, name.size() - w.suffix.size()));
      if (base == by_name.end() || Def(base->second).code == 0) continue;  // diagnostics only
      CAPTURE(name);
      CHECK(w.of(base->second) == v);
    }
  }
  CHECK(wordings[0].count == 22);
  CHECK(wordings[1].count == 17);
  CHECK(wordings[2].count == 15);
}

TEST_CASE("no entry's English text is a copy of its Chinese text") {
  for (size_t i = 0; i < kCatalogueSize; ++i) {
    const MessageDef& d = Catalogue()[i];
    CAPTURE(d.name);
    CHECK(std::string_view(d.zh) != std::string_view(d.en));
  }
}

TEST_CASE("a diagnostic code is JX0101 to JX0999, never an area's xx00") {
  for (size_t i = 0; i < kCatalogueSize; ++i) {
    const MessageDef& d = Catalogue()[i];
    if (d.code == 0) continue;
    CAPTURE(d.name);
    CHECK(d.code >= 101);
    CHECK(d.code <= 999);
    CHECK(d.code % 100 != 0);  // xx00 is the area's name, not a code
  }
}

TEST_CASE("codes are written JX and four digits, and read back in any common spelling") {
  CHECK(FormatCode(301) == "JX0301");
  CHECK(FormatCode(0) == "");
  // Every code as fmt's "JX{:04d}" writes it.
  for (uint32_t code = 1; code <= 0xFFFF; ++code) {
    if (FormatCode(static_cast<uint16_t>(code)) != fmt::format("JX{:04d}", code)) {
      FAIL("code ", code, ": ", FormatCode(static_cast<uint16_t>(code)));
    }
  }
  CHECK(ParseCode("JX0301") == uint16_t{301});
  CHECK(ParseCode("jx0301") == uint16_t{301});
  CHECK(ParseCode("0301") == uint16_t{301});
  CHECK(ParseCode("301") == uint16_t{301});
  CHECK_FALSE(ParseCode("JX"));
  CHECK_FALSE(ParseCode("JX03011"));
  CHECK_FALSE(ParseCode("JX03a1"));
  CHECK_FALSE(ParseCode("JX0000"));
}

TEST_CASE("Tr fills the placeholders in the current language") {
  {
    ScopedLang zh(Lang::kZh);
    CHECK(Tr(MsgId::kUnknownCode, "JX9999") ==
          "没有诊断代码“JX9999”：代码形如 JX0301；不带参数运行 jixiao explain 列出全部代码");
    CHECK(Text(MsgId::kSeverityError) == "错误");
  }
  {
    ScopedLang en(Lang::kEn);
    Message m = Msg(MsgId::kUnknownCode, "X");
    CHECK(m.code == 701);
    CHECK(m.text == "no diagnostic code 'X': codes look like JX0301; 'jixiao explain' without a code lists them all");
    CHECK(Text(MsgId::kSeverityError) == "error");
  }
}

TEST_CASE("ParseLang takes zh and en, also as locale names") {
  CHECK(ParseLang("zh") == Lang::kZh);
  CHECK(ParseLang("zh_CN.UTF-8") == Lang::kZh);
  CHECK(ParseLang("en") == Lang::kEn);
  CHECK(ParseLang("en-US") == Lang::kEn);
  CHECK_FALSE(ParseLang("C"));
  CHECK_FALSE(ParseLang("fr"));
  CHECK_FALSE(ParseLang(""));
}

}  // namespace
}  // namespace jixiao
