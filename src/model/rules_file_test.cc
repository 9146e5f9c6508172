#include "model/rules_file.h"

#include <doctest/doctest.h>

#include <string>

#include "base/lang.h"

namespace jixiao {

namespace {

// Field-by-field equality of two rule sets, reported through CHECK so a
// difference names the field.
void CheckSameRules(const Rules& a, const Rules& b) {
  CHECK(a.name == b.name);
  CHECK(a.execution_weight == b.execution_weight);
  REQUIRE(a.pools.size() == b.pools.size());
  for (size_t i = 0; i < a.pools.size(); ++i) {
    CHECK(a.pools[i].name == b.pools[i].name);
    CHECK(a.pools[i].weight == b.pools[i].weight);
  }
  REQUIRE(a.taxonomy.size() == b.taxonomy.size());
  for (size_t i = 0; i < a.taxonomy.size(); ++i) {
    CHECK(a.taxonomy[i].name == b.taxonomy[i].name);
    CHECK(a.taxonomy[i].pool == b.taxonomy[i].pool);
    CHECK(a.taxonomy[i].level2 == b.taxonomy[i].level2);
  }
  REQUIRE(a.grades.size() == b.grades.size());
  for (size_t i = 0; i < a.grades.size(); ++i) {
    CHECK(a.grades[i].name == b.grades[i].name);
    CHECK(a.grades[i].min == b.grades[i].min);
  }
  CHECK(a.reverse == b.reverse);
  CHECK(a.achieved_ratio == b.achieved_ratio);
  CHECK(a.partial_ratio == b.partial_ratio);
  CHECK(a.not_achieved_ratio == b.not_achieved_ratio);
  CHECK(a.achieved_min == b.achieved_min);
  CHECK(a.partial_min == b.partial_min);
  CHECK(a.deviation_threshold == b.deviation_threshold);
  CHECK(a.deviation_inclusive == b.deviation_inclusive);
  CHECK(a.execution_threshold == b.execution_threshold);
}

Rules Parse(const std::string& text, Diagnostics* diags, const Rules& base = Rules::Default()) {
  return ParseRules(Source{"rules.yaml", text}, base, YamlLimits{}, diags);
}

// The one error of `d`, which must hold exactly one.
Diagnostic OnlyError(const Diagnostics& d) {
  REQUIRE(d.error_count() == 1);
  return d.all().front();
}

bool Mentions(const Diagnostic& d, const std::string& text) {
  return d.message.find(text) != std::string::npos;
}

const char kDefaultYaml[] =
    "# jixiao 评分规则 / scoring rules — 财预〔2020〕10号\n"
    "name: mof-2020\n"
    "execution_weight: 10        # 预算执行率 budget execution\n"
    "pools:                      # 一级指标分值 level-1 weights; with execution_weight they add "
    "up to 100\n"
    "  产出指标: 50\n"
    "  效益指标: 30\n"
    "  满意度指标: 10\n"
    "taxonomy:                   # 一级指标 → 二级指标; entries are added to the built-in ones\n"
    "  产出指标: [数量指标, 质量指标, 时效指标, 成本指标]\n"
    "  效益指标: [经济效益指标, 社会效益指标, 生态效益指标, 可持续影响指标]\n"
    "  满意度指标: [服务对象满意度指标, 社会公众或服务对象满意度指标]\n"
    "  成本指标: {pool: 产出指标, level2: [经济成本指标, 社会成本指标, 生态环境成本指标]}\n"
    "grades:                     # 等级 lowest rounded total, best first\n"
    "  优: 90\n"
    "  良: 80\n"
    "  中: 60\n"
    "  差: 0\n"
    "reverse: ratio              # 反向指标 unmet: ratio = A/B, or linear = 1-(B-A)/A (0 at B "
    ">= 2A)\n"
    "qualitative:                # 定性指标 default ratio per grade\n"
    "  达成: 1\n"
    "  部分达成: 0.6\n"
    "  未达成: 0\n"
    "qualitative_bands:          # 定性指标 each grade's lowest score; 达成 up to 1\n"
    "  达成: 0.8\n"
    "  部分达成: 0.6\n"
    "  未达成: 0\n"
    "deviation_threshold: 0.2    # 偏差 over-achievement / cost under-run beyond this fraction\n"
    "deviation_inclusive: false  # true: an actual exactly at the threshold is a deviation too\n"
    "execution_threshold: 0.9    # 执行率 below this is a deviation\n"
    "monitor:                    # 运行监控 mid-year monitoring (jixiao monitor)\n"
    "  time_progress: days       # 时间进度 days: day of year / days in year; months: month / 12\n"
    "  budget_green: 0.8         # 预算 v = (执行数/预算数)/时间进度 >= this: green\n"
    "  budget_yellow: 0.6        # v >= this: yellow; below: red\n"
    "  pace_green: 0.8           # 累计指标 v = 完成值/(指标值×时间进度) >= this: green\n"
    "  pace_yellow: 0.6          # v >= this: yellow; below: red\n"
    "  ratio_yellow: 0.8         # 预计值未达标 ratio >= this: yellow; below: red\n"
    "  forecast_spent_threshold: 0.9  # 全年预计执行数 below this × 预算数 needs a note\n"
    "  cumulative: [数量指标]    # 二级指标 judged by pace\n";

}  // namespace

TEST_CASE("the default rules print in the documented shape") {
  CHECK(FormatRulesYaml(Rules::Default()) == kDefaultYaml);
}

TEST_CASE("jixiao rules' comments are in the reader's language; the digest's text never changes") {
  // The text RulesDigest hashes is kDigest's, in any language: the digest of
  // the built-in rules is the one every report written so far carries.
  for (Lang lang : {Lang::kZh, Lang::kEn}) {
    ScopedLang in(lang);
    CHECK(FormatRulesYaml(Rules::Default(), RulesComments::kDigest) == kDefaultYaml);
    CHECK(RulesDigest(Rules::Default()) == "93067c3e38d08634");
  }
  std::string zh, en;
  {
    ScopedLang in(Lang::kZh);
    zh = FormatRulesYaml(Rules::Default(), RulesComments::kReader);
  }
  {
    ScopedLang in(Lang::kEn);
    en = FormatRulesYaml(Rules::Default(), RulesComments::kReader);
  }
  CHECK(zh.rfind("# jixiao 评分规则 — 财预〔2020〕10号\nname: mof-2020\n", 0) == 0);
  CHECK(zh.find("execution_weight: 10        # 预算执行率的分值\n") != std::string::npos);
  CHECK(zh.find("  budget_yellow: 0.6        # v 不低于此值为黄，低于为红\n") != std::string::npos);
  CHECK(zh.find("below") == std::string::npos);
  CHECK(en.find("execution_weight: 10        # weight of budget execution\n") != std::string::npos);
  CHECK(en.find("  budget_yellow: 0.6        # v >= this: yellow; below: red\n") != std::string::npos);
  // Both read back as the rules they print.
  Diagnostics d;
  CHECK(FormatRulesYaml(Parse(zh, &d)) == kDefaultYaml);
  CHECK(FormatRulesYaml(Parse(en, &d)) == kDefaultYaml);
  CHECK(d.empty());
}

TEST_CASE("the printed default rules parse back equal") {
  // Parsed over a base that differs in every replaceable field, the printed
  // defaults must restore each of them.
  Rules base = Rules::Default();
  base.name = "other";
  base.execution_weight = 20;
  base.pools = {{"产出指标", 40}, {"效益指标", 30}, {"满意度指标", 10}};
  base.grades = {{"好", 50}, {"坏", 0}};
  base.reverse = ReverseFormula::kLinear;
  base.partial_ratio = Rational(7) / 10;
  base.achieved_min = Rational(9) / 10;
  base.partial_min = Rational(5) / 10;
  base.deviation_threshold = Rational(3) / 10;
  base.deviation_inclusive = true;
  base.execution_threshold = Rational(1) / 2;
  Diagnostics d;
  Rules back = Parse(FormatRulesYaml(Rules::Default()), &d, base);
  CHECK(d.empty());
  CheckSameRules(back, Rules::Default());
}

TEST_CASE("custom rules round-trip, odd names quoted") {
  Rules r = Rules::Default();
  r.name = "tianjin: 2024";
  r.execution_weight = Rational(125) / 10;
  r.pools = {{"产出指标", Rational(475) / 10}, {"效益指标", 30}, {"满意度指标", 10}};
  r.taxonomy.push_back({"管理指标", "产出指标", {"资金管理", "null", "a, b", "#1", "\"q\""}});
  r.taxonomy[0].level2.push_back("投入指标");
  r.grades = {{"A", Rational(855) / 10}, {"true", 70}, {"C", 0}};
  r.reverse = ReverseFormula::kLinear;
  r.achieved_ratio = Rational(95) / 100;
  r.partial_ratio = Rational(65) / 100;
  r.not_achieved_ratio = Rational(1) / 10;
  r.achieved_min = Rational(85) / 100;
  r.partial_min = Rational(45) / 100;
  r.deviation_threshold = Rational(15) / 100;
  r.deviation_inclusive = true;
  r.execution_threshold = Rational(85) / 100;
  std::string text = FormatRulesYaml(r);
  CHECK(text.find("execution_weight: 12.5 ") != std::string::npos);
  CHECK(text.find("  未达成: 0.1\n") != std::string::npos);
  Diagnostics d;
  Rules back = Parse(text, &d);
  CHECK(d.empty());
  for (const Diagnostic& x : d.all()) MESSAGE(x.message);
  CheckSameRules(back, r);
}

TEST_CASE("a built-in 一级指标 moved to a pool of its own prints its pool and reads back") {
  // The 2021 form: 成本指标 scores in a pool of its own, not in 产出指标's.
  Diagnostics d;
  Rules r = Parse("name: 2021式\npools: {产出指标: 40, 成本指标: 10, 效益指标: 30, 满意度指标: 10}\n"
                  "taxonomy:\n  成本指标: {pool: 成本指标}\n",
                  &d);
  REQUIRE(d.empty());
  const std::string text = FormatRulesYaml(r);
  CHECK(text.find("  成本指标: {pool: 成本指标, level2: [经济成本指标, 社会成本指标, "
                  "生态环境成本指标]}\n") != std::string::npos);
  // The built-in ones in their own pools keep the short form.
  CHECK(text.find("  产出指标: [数量指标, 质量指标, 时效指标, 成本指标]\n") != std::string::npos);
  Rules back = Parse(text, &d);
  for (const Diagnostic& x : d.all()) MESSAGE(x.message);
  CHECK(d.empty());
  CheckSameRules(back, r);
}

TEST_CASE("a colon YAML did not take after a pool's or a grade's name is that slip (JX0125)") {
  // On the last line yaml-cpp reads `满意度指标：10` as a key with no value:
  // the full-width colon is what to correct, not an empty number.
  Diagnostics d;
  Parse("pools:\n  产出指标: 50\n  效益指标: 30\n  满意度指标：10\n", &d);
  Diagnostic e = OnlyError(d);
  CHECK(e.code == 125);
  CHECK(e.loc.line == 4);
  CHECK(e.loc.column == 8);  // the colon: 2 spaces and 5 characters before it
  CHECK(e.message ==
        "full-width colon '：' after '满意度指标': YAML needs an ASCII colon and a space: write "
        "'满意度指标: 10'");
  Diagnostics g;
  Parse("grades:\n  优: 90\n  良: 80\n  中: 60\n  差：0\n", &g);
  CHECK(OnlyError(g).code == 125);
  CHECK(OnlyError(g).loc.line == 5);
  // An empty value without such a colon is still an empty number.
  Diagnostics n;
  Parse("pools:\n  产出指标: 50\n  效益指标: 30\n  满意度指标:\n", &n);
  CHECK(OnlyError(n).code == 206);
}

TEST_CASE("overriding one key keeps the rest") {
  Diagnostics d;
  Rules r = Parse("reverse: linear\n", &d);
  CHECK(d.empty());
  CHECK(r.reverse == ReverseFormula::kLinear);
  Rules expected = Rules::Default();
  expected.reverse = ReverseFormula::kLinear;
  expected.name = "mof-2020+custom";  // changed rules without a name of their own
  CheckSameRules(r, expected);

  Diagnostics d2;
  Rules r2 = Parse("qualitative: {部分达成: 0.7}\n", &d2);
  CHECK(d2.empty());
  CHECK(r2.partial_ratio == Rational(7) / 10);
  CHECK(r2.achieved_ratio == 1);
  CHECK(r2.not_achieved_ratio == 0);
  CHECK(r2.pools.size() == 3);
}

TEST_CASE("a rules file without a name is named after the rules it changes") {
  Diagnostics d;
  CHECK(Parse("reverse: linear\n", &d).name == "mof-2020+custom");
  CHECK(Parse("name: 天津市2024\nreverse: linear\n", &d).name == "天津市2024");
  // Changing nothing (the default value, written out) keeps the name.
  CHECK(Parse("reverse: ratio\ngrades: {优: 90, 良: 80, 中: 60, 差: 0}\n", &d).name == "mof-2020");
  CHECK(Parse("name: mof-2020\nreverse: linear\n", &d).name == "mof-2020");
  CHECK(d.empty());
}

TEST_CASE("RulesDigest: the same settings the same digest; another grade band another") {
  Diagnostics d;
  const std::string builtin = RulesDigest(Rules::Default());
  CHECK(builtin.size() == 16);
  CHECK(builtin.find_first_not_of("0123456789abcdef") == std::string::npos);
  // Two files without a name, one name, other bands (优 85 against 优 90).
  Rules a = Parse("grades: {优: 85, 良: 75, 中: 60, 差: 0}\n", &d);
  Rules b = Parse("grades: {优: 90, 良: 75, 中: 60, 差: 0}\n", &d);
  REQUIRE(a.name == b.name);
  CHECK(RulesDigest(a) != RulesDigest(b));
  CHECK(RulesDigest(a) != builtin);
  // The same settings written another way, and in another language.
  CHECK(RulesDigest(Parse("grades:\n  优: 85.0\n  良: 75\n  中: 60\n  差: 0\n", &d)) ==
        RulesDigest(a));
  {
    ScopedLang en(Lang::kEn);
    CHECK(RulesDigest(a) == RulesDigest(Parse("grades: {优: 85, 良: 75, 中: 60, 差: 0}\n", &d)));
  }
  // The monitor's thresholds score nothing in eval.
  Rules m = Rules::Default();
  m.monitor.budget_green = Rational(7) / 10;
  CHECK(RulesDigest(m) == builtin);
  CHECK(d.empty());
}

TEST_CASE("pools and execution weight must add up to exactly 100") {
  Diagnostics d;
  Rules r = Parse("name: x\npools:\n  产出指标: 50\n  效益指标: 30\n  满意度指标: 15\n", &d);
  const Diagnostic& e = OnlyError(d);
  CHECK(e.loc.file == "rules.yaml");
  CHECK(e.loc.line == 2);
  CHECK(e.loc.column == 1);
  CHECK(Mentions(e, "105"));
  CHECK(Mentions(e, "100"));
  CheckSameRules(r, Rules::Default());  // base unchanged on error

  Diagnostics d2;
  Parse("execution_weight: 10.01\n", &d2);
  const Diagnostic& e2 = OnlyError(d2);
  CHECK(e2.loc.line == 1);
  CHECK(Mentions(e2, "100.01"));

  Diagnostics d3;  // moving weight from execution to a pool is fine
  Rules r3 =
      Parse("execution_weight: 5\npools: {产出指标: 55, 效益指标: 30, 满意度指标: 10}\n", &d3);
  CHECK(d3.empty());
  CHECK(r3.execution_weight == 5);
  CHECK(r3.FindPool("产出指标")->weight == 55);
}

TEST_CASE("weights must be positive numbers") {
  Diagnostics d;
  Parse("pools: {产出指标: 90, 效益指标: 0, 满意度指标: 0}\n", &d);
  CHECK(d.error_count() == 2);
  CHECK(Mentions(d.all()[0], "greater than 0"));
  CHECK(d.all()[0].loc.column == 25);

  Diagnostics d2;
  Parse("execution_weight: \"10\"\n", &d2);
  CHECK(Mentions(OnlyError(d2), "must be a number"));
}

TEST_CASE("unknown keys are located, with a suggestion") {
  Diagnostics d;
  Parse("name: x\ndeviaton_threshold: 0.3\n", &d);
  const Diagnostic& e = OnlyError(d);
  CHECK(e.loc.line == 2);
  CHECK(e.loc.column == 1);
  CHECK(Mentions(e, "did you mean 'deviation_threshold'?"));

  Diagnostics d2;
  Parse("qualitative: {部份达成: 0.7}\n", &d2);
  CHECK(Mentions(OnlyError(d2), "did you mean '部分达成'?"));

  Diagnostics d3;
  Parse("x-note: ignored\n", &d3);
  CHECK(d3.empty());
}

TEST_CASE("reverse must be ratio or linear") {
  Diagnostics d;
  Rules r = Parse("reverse: lineer\n", &d);
  const Diagnostic& e = OnlyError(d);
  CHECK(e.loc.line == 1);
  CHECK(e.loc.column == 10);
  CHECK(Mentions(e, "ratio"));
  CHECK(Mentions(e, "did you mean 'linear'?"));
  CHECK(r.reverse == ReverseFormula::kRatio);
}

TEST_CASE("qualitative ratios must lie in their grade's band") {
  Diagnostics d;
  Parse("qualitative:\n  达成: 0.7\n", &d);
  const Diagnostic& e = OnlyError(d);
  CHECK(e.loc.line == 2);
  CHECK(Mentions(e, "[0.8, 1]"));

  Diagnostics d2;  // the band of 部分达成 excludes 0.8
  Parse("qualitative: {部分达成: 0.8}\n", &d2);
  CHECK(Mentions(OnlyError(d2), "[0.6, 0.8)"));

  Diagnostics d3;
  Parse("qualitative: {未达成: -0.1}\n", &d3);
  CHECK(d3.error_count() == 1);

  Diagnostics d4;
  Rules r = Parse("qualitative: {达成: 0.8, 部分达成: 0.6, 未达成: 0.59}\n", &d4);
  CHECK(d4.empty());
  CHECK(r.not_achieved_ratio == Rational(59) / 100);
}

TEST_CASE("qualitative_bands move the bands, and the ratios must fit them") {
  // Bands of 80 / 50: 达成 [0.8, 1], 部分达成 [0.5, 0.8), 未达成 [0, 0.5).
  Diagnostics d;
  Rules r = Parse("qualitative_bands: {达成: 0.8, 部分达成: 0.5, 未达成: 0}\n", &d);
  CHECK(d.empty());
  CHECK(r.partial_min == Rational(1) / 2);
  CHECK(r.achieved_min == Rational(4) / 5);
  CHECK(r.BandOf(Grade::kPartial).low == Rational(1) / 2);
  CHECK(r.BandOf(Grade::kNotAchieved).high == Rational(1) / 2);
  CHECK(r.partial_ratio == Rational(3) / 5);  // the default ratio still fits
  CHECK(r.name == "mof-2020+custom");

  Diagnostics d2;  // a ratio given with the bands is checked against the new bands
  Rules r2 = Parse("qualitative: {部分达成: 0.5}\nqualitative_bands: {部分达成: 0.5}\n", &d2);
  CHECK(d2.empty());
  CHECK(r2.partial_ratio == Rational(1) / 2);

  Diagnostics d3;
  Parse("qualitative: {部分达成: 0.5}\n", &d3);  // outside the default bands
  CHECK(Mentions(OnlyError(d3), "[0.6, 0.8)"));
}

TEST_CASE("qualitative_bands: 未达成 from 0, each in (0, 1], in order, holding the ratios") {
  Diagnostics d;
  Rules r = Parse("qualitative_bands:\n  未达成: 0.1\n", &d);
  Diagnostic e = OnlyError(d);
  CHECK(e.code == 580);
  CHECK(e.loc.line == 2);
  CHECK(e.loc.column == 8);
  CHECK(e.message == "the band of 未达成 starts at 0 (every score below 部分达成's band is 未达成), "
                     "not at 0.1");
  CheckSameRules(r, Rules::Default());

  Diagnostics d2;
  Parse("qualitative_bands: {达成: 1.2}\n", &d2);
  e = OnlyError(d2);
  CHECK(e.code == 581);
  CHECK(e.loc.column == 25);
  CHECK(e.message == "the band of 达成 must start above 0 and at most at 1 (0.5 means 50%), not "
                     "at 1.2");
  Diagnostics d2b;
  Parse("qualitative_bands: {部分达成: 0}\n", &d2b);
  CHECK(OnlyError(d2b).code == 581);

  Diagnostics d3;
  Parse("qualitative_bands:\n  达成: 0.6\n  部分达成: 0.7\n", &d3);
  e = OnlyError(d3);
  CHECK(e.code == 582);
  CHECK(e.loc.line == 2);
  CHECK(Mentions(e, "not at 0.6 against 0.7"));
  Diagnostics d3b;  // 达成 at the default 部分达成 lowest score
  Parse("qualitative_bands: {达成: 0.6}\n", &d3b);
  CHECK(OnlyError(d3b).code == 582);

  Diagnostics d4;  // the default 部分达成 ratio 0.6 falls below a band from 0.7
  Rules r4 = Parse("qualitative_bands: {部分达成: 0.7}\n", &d4);
  e = OnlyError(d4);
  CHECK(e.code == 583);
  CHECK(e.loc.line == 1);
  CHECK(e.loc.column == 1);
  CHECK(e.message == "the default ratio of 部分达成 (0.6) lies outside its new band [0.7, 0.8): "
                     "give one within it under qualitative, such as '部分达成: 0.7'");
  CheckSameRules(r4, Rules::Default());
  Diagnostics d4b;  // ... and given with it, it is fine
  Parse("qualitative_bands: {部分达成: 0.7}\nqualitative: {部分达成: 0.7}\n", &d4b);
  CHECK(d4b.empty());

  Diagnostics d5;
  Parse("qualitative_bands: {达成: 0.8, 部份达成: 0.5}\n", &d5);
  CHECK(Mentions(OnlyError(d5), "did you mean '部分达成'?"));
  Diagnostics d6;
  Parse("qualitative_bands: [0.8, 0.5]\n", &d6);
  CHECK(Mentions(OnlyError(d6), "must be a map"));
}

TEST_CASE("deviation_inclusive is true or false") {
  Diagnostics d;
  Rules r = Parse("deviation_inclusive: true\n", &d);
  CHECK(d.empty());
  CHECK(r.deviation_inclusive);
  CHECK(r.name == "mof-2020+custom");
  CHECK_FALSE(Parse("deviation_inclusive: false\n", &d).deviation_inclusive);
  CHECK(d.empty());
  Diagnostics d2;
  Parse("deviation_inclusive: yes\n", &d2);
  Diagnostic e = OnlyError(d2);
  CHECK(e.code == 584);
  CHECK(e.loc.column == 22);
  CHECK(e.message == "'deviation_inclusive' must be true or false, not 'yes'");
}

TEST_CASE("taxonomy entries merge into the built-in ones") {
  Diagnostics d;
  Rules r = Parse(
      "taxonomy:\n"
      "  管理指标: {pool: 产出指标, level2: [资金管理, 项目管理]}\n"
      "  公益指标: [社会公益]\n"
      "  产出指标: [数量指标, 投入指标]\n",
      &d, [] {
        Rules b = Rules::Default();
        b.pools.push_back({"公益指标", 10});
        b.execution_weight = 0;  // not re-checked: the file gives no weights
        return b;
      }());
  CHECK(d.empty());
  const Level1Group* g = r.FindLevel1("管理指标");
  REQUIRE(g != nullptr);
  CHECK(g->pool == "产出指标");
  CHECK(g->level2 == std::vector<std::string>{"资金管理", "项目管理"});
  const Level1Group* own = r.FindLevel1("公益指标");
  REQUIRE(own != nullptr);
  CHECK(own->pool == "公益指标");  // a new level1 scores in its own pool
  const Level1Group* out = r.FindLevel1("产出指标");
  REQUIRE(out != nullptr);
  CHECK(out->level2 ==
        std::vector<std::string>{"数量指标", "质量指标", "时效指标", "成本指标", "投入指标"});
  CHECK(r.taxonomy.size() == 6);
  CHECK(r.FindLevel1("效益指标") != nullptr);
}

TEST_CASE("taxonomy pools must exist, and every pool needs a level1") {
  Diagnostics d;
  Parse("taxonomy:\n  管理指标: {pool: 产出指标s, level2: [资金管理]}\n", &d);
  const Diagnostic& e = OnlyError(d);
  CHECK(e.loc.line == 2);
  CHECK(e.loc.column == 16);
  CHECK(Mentions(e, "did you mean '产出指标'?"));

  Diagnostics d2;  // a new level1 without a pool scores in its own, which does not exist
  Parse("taxonomy: {管理指标: [资金管理]}\n", &d2);
  CHECK(Mentions(OnlyError(d2), "not in pools"));

  // Replacing the pools drops the built-in level1s whose pool is gone.
  Diagnostics d3;
  Rules r = Parse("pools: {产出指标: 60, 效益指标: 30}\n", &d3);
  CHECK(d3.empty());
  CHECK(r.FindLevel1("满意度指标") == nullptr);
  CHECK(r.FindLevel1("成本指标") != nullptr);

  Diagnostics d4;
  Parse("pools: {产出指标: 60, 效益指标: 20, 管理指标: 10}\n", &d4);
  const Diagnostic& e4 = OnlyError(d4);
  CHECK(e4.loc.line == 1);
  CHECK(e4.loc.column == 29);
  CHECK(Mentions(e4, "no 一级指标"));
}

TEST_CASE("grades must decrease and end at 0") {
  Diagnostics d;
  Rules r = Parse("grades:\n  优: 90\n  良: 95\n  差: 0\n", &d);
  const Diagnostic& e = OnlyError(d);
  CHECK(e.loc.line == 3);
  CHECK(e.loc.column == 6);
  CHECK(Mentions(e, "best first"));
  CHECK(r.grades.size() == 4);

  Diagnostics d2;
  Parse("grades: {优: 90, 良: 80, 差: 60}\n", &d2);
  CHECK(Mentions(OnlyError(d2), "must start at 0"));

  Diagnostics d3;
  Rules r3 = Parse("grades: {合格: 60, 不合格: 0}\n", &d3);
  CHECK(d3.empty());
  CHECK(r3.grades.size() == 2);
  CHECK(r3.GradeOf(59) == "不合格");
}

TEST_CASE("thresholds are fractions in [0, 1]") {
  Diagnostics d;
  Parse("deviation_threshold: 20\n", &d);
  CHECK(Mentions(OnlyError(d), "[0, 1]"));
  Diagnostics d2;
  Rules r = Parse("execution_threshold: 0.85\n", &d2);
  CHECK(d2.empty());
  CHECK(r.execution_threshold == Rational(85) / 100);
}

TEST_CASE("a rules file is one YAML map") {
  Diagnostics d;
  Parse("- pools\n- grades\n", &d);
  const Diagnostic& e = OnlyError(d);
  CHECK(e.loc.line == 1);
  CHECK(Mentions(e, "a list"));

  Diagnostics d2;
  Parse("reverse: linear\n---\nreverse: ratio\n", &d2);
  const Diagnostic& e2 = OnlyError(d2);
  CHECK(e2.loc.line == 2);
  CHECK(Mentions(e2, "one YAML document"));

  Diagnostics d3;
  Parse("# nothing\n", &d3);
  CHECK(Mentions(OnlyError(d3), "empty"));

  Diagnostics d4;
  Parse("reverse: linear\nreverse: ratio\n", &d4);  // duplicate key
  CHECK(d4.has_errors());
}

TEST_CASE("a stray ',' is an error, not a hang") {
  Diagnostics d;
  Rules r = Parse(",", &d);
  CHECK(d.error_count() >= 1);
  CHECK(d.all().front().loc.line == 1);
  CheckSameRules(r, Rules::Default());

  Diagnostics d2;
  Parse("reverse: linear\n,\n", &d2);
  CHECK(d2.has_errors());
}

TEST_CASE("binary garbage is rejected before parsing") {
  Diagnostics d;
  Parse(std::string("reverse: \0linear\n", 17), &d);
  CHECK(d.has_errors());
}

}  // namespace jixiao
