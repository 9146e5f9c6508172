// Hand-computed cases for every scoring rule of docs/reference.md §4. The arithmetic is
// written beside each expectation.
#include "score/score.h"

#include <doctest/doctest.h>

#include <string>

#include "model/target_loader.h"

namespace jixiao {

namespace {

// A target project from YAML text; fails the test when it does not load.
Project LoadProject(const std::string& yaml) {
  Source src{"t.yaml", yaml};
  Diagnostics diags;
  std::optional<Project> p;
  Rules rules = Rules::Default();
  ParseYamlStream(src, {}, &diags, [&](const YamlDocument& doc) {
    p = ReadTargetDocument(src, doc, rules, &diags);
  });
  for (const Diagnostic& d : diags.all()) MESSAGE(d.message);
  REQUIRE(p.has_value());
  return *p;
}

// A one-line indicator for LoadProject.
std::string Ind(const std::string& level1, const std::string& level2, const std::string& name,
                const std::string& target, const std::string& weight = "") {
  std::string w = weight.empty() ? "" : ", weight: " + weight;
  return "  - {level1: " + level1 + ", level2: " + level2 + ", name: " + name + ", target: \"" +
         target + "\"" + w + "}\n";
}

std::string ProjectYaml(const std::string& indicators, const std::string& total = "6.00") {
  return "project: 测试项目\nyear: 2024\nbudget: {total: " + total + "}\nindicators:\n" +
         indicators;
}

// An amount as written in actuals ("5.86", "58600元").
Amount AmountOf(const std::string& text) {
  Amount m;
  Parsed<Actual> v = ParseActual(text);
  REQUIRE(v.ok());
  REQUIRE(v->kind == ActualKind::kQuantity);
  m.value = v->value.value;
  m.unit = v->value.unit;
  m.text = text;
  m.loc = {"a.yaml", 3, 12};
  return m;
}

struct ActualsBuilder {
  ProjectActuals a;
  explicit ActualsBuilder(const std::string& spent) {
    a.key = "测试项目";
    a.spent.total = AmountOf(spent);
    a.has_spent = true;
    a.note = "说明";
  }
  // The parts of spent: fiscal, carryover, other ("" = not given).
  ActualsBuilder& SpentParts(const std::string& fiscal, const std::string& carryover,
                             const std::string& other) {
    a.spent.map = true;
    if (!fiscal.empty()) a.spent.fiscal = AmountOf(fiscal);
    if (!carryover.empty()) a.spent.carryover = AmountOf(carryover);
    if (!other.empty()) a.spent.other = AmountOf(other);
    return *this;
  }
  ActualsBuilder& Budget(const std::string& total) {
    a.budget = Funding{};
    a.budget->total = AmountOf(total);
    a.budget->total.loc.line = 4;
    return *this;
  }
  ActualsBuilder& Value(const std::string& key, const std::string& text,
                        const std::string& note = "说明") {
    IndicatorActual ia;
    ia.key = key;
    ia.text = text;
    Parsed<Actual> v = ParseActual(text);
    REQUIRE(v.ok());
    ia.value = *v;
    ia.note = note;
    a.indicators.push_back(ia);
    return *this;
  }
  ActualsBuilder& GradeOf(const std::string& key, Grade g, std::optional<Rational> score = {}) {
    IndicatorActual ia;
    ia.key = key;
    ia.grade = g;
    ia.score = score;
    ia.note = "说明";
    a.indicators.push_back(ia);
    return *this;
  }
};

struct Scored {
  std::optional<ProjectScore> score;
  Diagnostics diags;
};

Scored Score(const std::string& yaml, const ProjectActuals& actuals,
             const Rules& rules = Rules::Default(), const ScoreOptions& options = {}) {
  Scored s;
  s.score = ScoreProject(LoadProject(yaml), actuals, rules, &s.diags, options);
  return s;
}

// Scored with --show-work.
Scored ScoreWithWork(const std::string& yaml, const ProjectActuals& actuals,
                     const Rules& rules = Rules::Default()) {
  return Score(yaml, actuals, rules, ScoreOptions{true});
}

Rational R(const std::string& decimal) { return *Rational::ParseDecimal(decimal); }

const IndicatorScore& At(const Scored& s, size_t i) { return s.score->indicators.at(i); }

bool HasMessage(const Diagnostics& d, const std::string& part) {
  for (const Diagnostic& x : d.all())
    if (x.message.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("all met: 10 for the budget + 90 for the indicators = 100") {
  Scored s = Score(ProjectYaml(Ind("产出指标", "数量指标", "甲", "4台") +
                               Ind("效益指标", "社会效益指标", "乙", "≥90%") +
                               Ind("满意度指标", "服务对象满意度指标", "丙", "≥90%")),
                   ActualsBuilder("6.00").Value("甲", "4台").Value("乙", "95%").Value("丙", "90%").a);
  REQUIRE(s.score);
  CHECK(s.score->total == 100);
  CHECK(s.score->total_rounded.FormatFixed(2) == "100.00");
  CHECK(s.score->grade == "优");
  CHECK(s.score->met == 3);
  CHECK(At(s, 0).weight == 50);
  CHECK(At(s, 1).weight == 30);
  CHECK(At(s, 2).weight == 10);
}

TEST_CASE("50 split three ways and all met totals exactly 100") {
  // 产出 50 / 3 = 16.666…, shown 16.67; three of them sum to exactly 50.
  Scored s = Score(ProjectYaml(Ind("产出指标", "数量指标", "甲", "4台") +
                               Ind("产出指标", "质量指标", "乙", "100%") +
                               Ind("产出指标", "时效指标", "丙", "≤12个月") +
                               Ind("效益指标", "社会效益指标", "丁", "≥90%") +
                               Ind("满意度指标", "服务对象满意度指标", "戊", "≥90%")),
                   ActualsBuilder("6")
                       .Value("甲", "4台").Value("乙", "100%").Value("丙", "12个月")
                       .Value("丁", "90%").Value("戊", "91%").a);
  REQUIRE(s.score);
  CHECK(At(s, 0).weight == Rational(50) / 3);
  CHECK(At(s, 0).weight.FormatFixed(2) == "16.67");
  CHECK(s.score->total == 100);
  CHECK(s.score->total_rounded.FormatFixed(2) == "100.00");
}

TEST_CASE("scores round like a spreadsheet: 5.35 x 0.5 = 2.675 -> 2.68") {
  Scored s = Score(ProjectYaml(Ind("产出指标", "数量指标", "甲", "≥10个", "5.35") +
                               Ind("效益指标", "社会效益指标", "乙", "≥90%", "84.65")),
                   ActualsBuilder("6").Value("甲", "5个").Value("乙", "90%").a);
  REQUIRE(s.score);
  CHECK(At(s, 0).score == R("2.675"));
  CHECK(At(s, 0).score.FormatFixed(2) == "2.68");
  // 10 + 2.675 + 84.65 = 97.325 -> 97.33
  CHECK(s.score->total_rounded.FormatFixed(2) == "97.33");
}

TEST_CASE("an empty level-1 group gives its weight to the others in proportion") {
  // No 效益指标: 产出 50 and 满意度 10 share 90 -> x 90/60 = 1.5: 75 and 15.
  Scored s = Score(ProjectYaml(Ind("产出指标", "数量指标", "甲", "4台") +
                               Ind("产出指标", "质量指标", "乙", "100%") +
                               Ind("满意度指标", "服务对象满意度指标", "丙", "≥90%")),
                   ActualsBuilder("6").Value("甲", "4台").Value("乙", "100%").Value("丙", "95%").a);
  REQUIRE(s.score);
  CHECK(At(s, 0).weight == R("37.5"));
  CHECK(At(s, 1).weight == R("37.5"));
  CHECK(At(s, 2).weight == 15);
  CHECK(s.score->total == 100);
}

TEST_CASE("不适用 is dropped and the rest rescaled by S/R across groups") {
  // Nominal: 产出 4 x 12.5, 效益 30, 满意度 10; S = 90. 乙 不适用: R = 77.5.
  // Each remaining weight x 90/77.5: 12.5 -> 14.5161…, 30 -> 34.8387…, 10 -> 11.6129….
  Scored s = Score(ProjectYaml(Ind("产出指标", "数量指标", "甲", "4台") +
                               Ind("产出指标", "质量指标", "乙", "100%") +
                               Ind("产出指标", "时效指标", "丙", "≤12个月") +
                               Ind("产出指标", "成本指标", "丁", "≤6万元") +
                               Ind("效益指标", "社会效益指标", "戊", "≥90%") +
                               Ind("满意度指标", "服务对象满意度指标", "己", "≥90%")),
                   ActualsBuilder("6")
                       .Value("甲", "4台").Value("乙", "不适用").Value("丙", "12个月")
                       .Value("丁", "5.5万元").Value("戊", "90%").Value("己", "90%").a);
  REQUIRE(s.score);
  CHECK(At(s, 1).status == Status::kNotApplicable);
  CHECK(At(s, 1).weight == 0);
  CHECK(At(s, 1).score == 0);
  CHECK(At(s, 0).weight == R("12.5") * 90 / R("77.5"));
  CHECK(At(s, 0).weight.FormatFixed(2) == "14.52");
  CHECK(At(s, 4).weight.FormatFixed(2) == "34.84");
  CHECK(At(s, 5).weight.FormatFixed(2) == "11.61");
  CHECK(s.score->total == 100);
  CHECK(s.score->not_applicable == 1);
  CHECK(s.score->met == 5);
}

TEST_CASE("every indicator 不适用 is an error") {
  Scored s = Score(ProjectYaml(Ind("产出指标", "数量指标", "甲", "4台")),
                   ActualsBuilder("6").Value("甲", "不适用").a);
  CHECK(!s.score);
  CHECK(HasMessage(s.diags, "is 不适用"));
}

TEST_CASE("budget execution: min(B/A, 1) x 10, low rate flagged below 90%") {
  std::string yaml = ProjectYaml(Ind("产出指标", "数量指标", "甲", "4台"));
  // 5.86 / 6 = 0.97666… -> 9.7666… shown 9.77.
  Scored a = Score(yaml, ActualsBuilder("5.86").Value("甲", "4台").a);
  REQUIRE(a.score);
  CHECK(a.score->rate == R("5.86") / 6);
  CHECK(a.score->rate.FormatFixed(4) == "0.9767");
  CHECK(a.score->budget_score.FormatFixed(2) == "9.77");
  CHECK(!a.score->low_execution);
  // 6.5 / 6 > 1: capped at 10, not flagged.
  Scored b = Score(yaml, ActualsBuilder("6.5").Value("甲", "4台").a);
  CHECK(b.score->budget_score == 10);
  CHECK(!b.score->low_execution);
  // 5.39 / 6 = 0.8983 < 0.9: flagged; without a note it is a warning.
  ActualsBuilder low("5.39");
  low.Value("甲", "4台").a.note = "";
  Scored c = Score(yaml, low.a);
  CHECK(c.score->low_execution);
  CHECK(c.diags.warning_count() == 1);
  CHECK(HasMessage(c.diags, "explain the low execution rate"));
  // 5.4 / 6 = 0.9 exactly: not below 90%.
  Scored d = Score(yaml, ActualsBuilder("5.4").Value("甲", "4台").a);
  CHECK(!d.score->low_execution);
}

TEST_CASE("positive unmet scores weight x B/A") {
  // ≥300天 with 296天: 50 x 296/300 = 49.333… -> 49.33.
  Scored s = Score(ProjectYaml(Ind("产出指标", "质量指标", "甲", "≥300天")),
                   ActualsBuilder("6").Value("甲", "296天").a);
  REQUIRE(s.score);
  CHECK(At(s, 0).weight == 90);  // only 产出: 50 x 90/50
  CHECK(At(s, 0).status == Status::kUnmet);
  CHECK(At(s, 0).ratio == Rational(296) / 300);
  CHECK(At(s, 0).score == Rational(90 * 296) / 300);
  CHECK(At(s, 0).deviation == DeviationKind::kUnmet);
}

TEST_CASE("reverse unmet scores weight x A/B, or linear under the rules") {
  std::string yaml = ProjectYaml(Ind("产出指标", "时效指标", "甲", "≤12个月"));
  ProjectActuals a = ActualsBuilder("6").Value("甲", "15个月").a;
  Scored ratio = Score(yaml, a);
  CHECK(At(ratio, 0).ratio == Rational(12) / 15);  // 0.8
  CHECK(At(ratio, 0).score == 72);                 // 90 x 0.8
  Rules linear = Rules::Default();
  linear.reverse = ReverseFormula::kLinear;
  Scored lin = Score(yaml, a, linear);
  CHECK(At(lin, 0).ratio == R("0.75"));  // 1 - (15-12)/12
  // Linear reaches 0 at B >= 2A.
  Scored zero = Score(yaml, ActualsBuilder("6").Value("甲", "30个月").a, linear);
  CHECK(At(zero, 0).ratio == 0);
}

TEST_CASE("strict comparators: B = A is unmet with ratio 1") {
  Scored s = Score(ProjectYaml(Ind("效益指标", "可持续影响指标", "甲", "<20mSv") +
                               Ind("产出指标", "数量指标", "乙", ">5个")),
                   ActualsBuilder("6").Value("甲", "20mSv").Value("乙", "5个").a);
  REQUIRE(s.score);
  CHECK(At(s, 0).status == Status::kUnmet);
  CHECK(At(s, 0).ratio == 1);
  CHECK(At(s, 0).score == At(s, 0).weight);
  CHECK(At(s, 1).status == Status::kUnmet);
  CHECK(At(s, 1).ratio == 1);
  CHECK(s.score->unmet == 2);
}

TEST_CASE("=0 is met only by 0; a reverse target of 0 unmet scores 0") {
  std::string yaml = ProjectYaml(Ind("产出指标", "质量指标", "事故", "0起") +
                                 Ind("产出指标", "质量指标", "投诉", "≤0起"));
  Scored met = Score(yaml, ActualsBuilder("6").Value("事故", "0起").Value("投诉", "0起").a);
  CHECK(At(met, 0).status == Status::kMet);
  CHECK(At(met, 1).status == Status::kMet);
  Scored unmet = Score(yaml, ActualsBuilder("6").Value("事故", "1起").Value("投诉", "2起").a);
  CHECK(At(unmet, 0).status == Status::kUnmet);
  CHECK(At(unmet, 0).score == 0);
  CHECK(At(unmet, 1).score == 0);
}

TEST_CASE("ranges: met inside, positive below, reverse above") {
  std::string yaml = ProjectYaml(Ind("产出指标", "质量指标", "甲", "80%-95%"));
  Scored in = Score(yaml, ActualsBuilder("6").Value("甲", "85%").a);
  CHECK(At(in, 0).status == Status::kMet);
  CHECK(At(in, 0).deviation == DeviationKind::kNone);
  Scored below = Score(yaml, ActualsBuilder("6").Value("甲", "70%").a);
  CHECK(At(below, 0).ratio == Rational(70) / 80);  // 0.875
  CHECK(At(below, 0).deviation == DeviationKind::kUnmet);
  Scored above = Score(yaml, ActualsBuilder("6").Value("甲", "100%").a);
  CHECK(At(above, 0).ratio == Rational(95) / 100);
}

TEST_CASE("dates: met scores full, missed scores 0") {
  std::string yaml = ProjectYaml(Ind("产出指标", "时效指标", "甲", "2024年12月31日前"));
  Scored met = Score(yaml, ActualsBuilder("6").Value("甲", "2024-11-20").a);
  CHECK(At(met, 0).status == Status::kMet);
  CHECK(At(met, 0).score == 90);
  Scored missed = Score(yaml, ActualsBuilder("6").Value("甲", "2025年1月5日").a);
  CHECK(At(missed, 0).status == Status::kUnmet);
  CHECK(At(missed, 0).score == 0);
  Scored wrong = Score(yaml, ActualsBuilder("6").Value("甲", "12个月").a);
  CHECK(!wrong.score);
  CHECK(HasMessage(wrong.diags, "must be a date"));
}

TEST_CASE("qualitative: weight x grade ratio, only 达成 is met") {
  std::string yaml = ProjectYaml(Ind("效益指标", "社会效益指标", "甲", "显著提升") +
                                 Ind("产出指标", "数量指标", "乙", "4台") +
                                 Ind("满意度指标", "服务对象满意度指标", "丙", "≥90%"));
  // 效益 30 x 0.6 = 18 (default 部分达成 ratio).
  Scored partial = Score(yaml, ActualsBuilder("6").GradeOf("甲", Grade::kPartial).Value("乙", "4台").Value("丙", "90%").a);
  REQUIRE(partial.score);
  CHECK(At(partial, 0).score == 18);
  CHECK(At(partial, 0).status == Status::kUnmet);
  // An explicit score inside the band: 30 x 0.7 = 21.
  Scored scored = Score(yaml, ActualsBuilder("6").GradeOf("甲", Grade::kPartial, R("0.7")).Value("乙", "4台").Value("丙", "90%").a);
  CHECK(At(scored, 0).score == 21);
  Scored achieved = Score(yaml, ActualsBuilder("6").GradeOf("甲", Grade::kAchieved).Value("乙", "4台").Value("丙", "90%").a);
  CHECK(At(achieved, 0).status == Status::kMet);
  CHECK(At(achieved, 0).score == 30);
  Scored none = Score(yaml, ActualsBuilder("6").GradeOf("甲", Grade::kNotAchieved).Value("乙", "4台").Value("丙", "90%").a);
  CHECK(At(none, 0).score == 0);
  Scored number = Score(yaml, ActualsBuilder("6").Value("甲", "5个").Value("乙", "4台").Value("丙", "90%").a);
  CHECK(!number.score);
  CHECK(HasMessage(number.diags, "must be a grade"));
  CHECK_FALSE(HasMessage(number.diags, "did you mean"));  // 5个 is no grade misspelt
  // A grade with a space in it, or a character miswritten: the grade it
  // is most likely meant for.
  Scored spaced = Score(yaml, ActualsBuilder("6").Value("甲", "部分 达成").Value("乙", "4台").Value("丙", "90%").a);
  CHECK(!spaced.score);
  CHECK(HasMessage(spaced.diags, "not '部分 达成'; did you mean '部分达成'?"));
  Scored miswritten = Score(yaml, ActualsBuilder("6").Value("甲", "部份达成").Value("乙", "4台").Value("丙", "90%").a);
  CHECK(HasMessage(miswritten.diags, "did you mean '部分达成'?"));
}

TEST_CASE("qualitative: an explicit score must lie in its grade's band under the rules") {
  std::string yaml = ProjectYaml(Ind("效益指标", "社会效益指标", "甲", "显著提升") +
                                 Ind("产出指标", "数量指标", "乙", "4台") +
                                 Ind("满意度指标", "服务对象满意度指标", "丙", "≥90%"));
  auto with = [&](Grade g, const char* score, const Rules& rules) {
    ActualsBuilder b("6");
    b.GradeOf("甲", g, R(score)).Value("乙", "4台").Value("丙", "90%");
    b.a.indicators[0].loc = {"a.yaml", 7, 7};
    b.a.indicators[0].score_line = 8;
    b.a.indicators[0].score_column = 14;
    return Score(yaml, b.a, rules);
  };
  // mof-2020: 达成 [0.8, 1], 部分达成 [0.6, 0.8), 未达成 [0, 0.6).
  Rules mof = Rules::Default();
  CHECK(with(Grade::kAchieved, "0.8", mof).score);
  CHECK(with(Grade::kPartial, "0.6", mof).score);
  CHECK(with(Grade::kNotAchieved, "0.59", mof).score);
  Scored low = with(Grade::kPartial, "0.5", mof);
  CHECK(!low.score);
  REQUIRE(low.diags.error_count() == 1);
  Diagnostic d = low.diags.all().front();
  CHECK(d.code == 585);
  CHECK(d.message == "indicator '甲': score 0.5 does not fit the grade 部分达成, whose band is "
                     "[0.6, 0.8): expected a score from 0.6 to below 0.8, or another grade");
  CHECK(d.loc.file == "a.yaml");
  CHECK(d.loc.line == 8);  // at the score, not at the indicator
  CHECK(d.loc.column == 14);
  CHECK(!with(Grade::kPartial, "0.8", mof).score);
  CHECK(!with(Grade::kAchieved, "0.79", mof).score);
  CHECK(!with(Grade::kNotAchieved, "0.6", mof).score);
  // Bands of 80 / 50: 部分达成 [0.5, 0.8), 未达成 [0, 0.5). 30 x 0.5 = 15.
  Rules hubei = Rules::Default();
  hubei.partial_min = R("0.5");
  Scored half = with(Grade::kPartial, "0.5", hubei);
  REQUIRE(half.score);
  CHECK(At(half, 0).score == 15);
  CHECK(!with(Grade::kPartial, "0.49", hubei).score);
  CHECK(with(Grade::kNotAchieved, "0.49", hubei).score);
  Scored not_achieved = with(Grade::kNotAchieved, "0.55", hubei);
  CHECK(!not_achieved.score);
  CHECK(HasMessage(not_achieved.diags, "whose band is [0, 0.5): expected a score from 0 to below 0.5"));
  // Reported with the entry's other problems, not hidden behind them.
  ActualsBuilder missing("6");
  missing.GradeOf("甲", Grade::kPartial, R("0.9")).Value("丙", "90%");  // no actual for 乙
  Scored both = Score(yaml, missing.a);
  CHECK(!both.score);
  CHECK(both.diags.error_count() == 2);
  CHECK(HasMessage(both.diags, "score 0.9 does not fit the grade 部分达成"));
  CHECK(HasMessage(both.diags, "no actual for indicator '乙'"));
}

TEST_CASE("deviation: at or beyond the threshold when deviation_inclusive") {
  std::string yaml = ProjectYaml(Ind("产出指标", "数量指标", "甲", "≥100家次") +
                                 Ind("产出指标", "成本指标", "乙", "≤10万元"));
  Rules guangxi = Rules::Default();
  guangxi.deviation_threshold = R("0.3");
  guangxi.deviation_inclusive = true;
  // 100 x 1.3 = 130: 130 is over (at), 129 is not. 10 x 0.7 = 7: 7 is under (at), 7.01 is not.
  Scored at = Score(yaml, ActualsBuilder("6").Value("甲", "130家次", "").Value("乙", "7万元", "").a,
                    guangxi);
  CHECK(At(at, 0).deviation == DeviationKind::kOverAchieved);
  CHECK(At(at, 1).deviation == DeviationKind::kCostUnderRun);
  CHECK(at.diags.warning_count() == 2);
  Scored below = Score(yaml, ActualsBuilder("6").Value("甲", "129家次", "").Value("乙", "7.01万元", "").a,
                       guangxi);
  CHECK(At(below, 0).deviation == DeviationKind::kNone);
  CHECK(At(below, 1).deviation == DeviationKind::kNone);
  // The same threshold, not inclusive: exactly at it is no deviation.
  guangxi.deviation_inclusive = false;
  Scored strict = Score(yaml, ActualsBuilder("6").Value("甲", "130家次", "").Value("乙", "7万元", "").a,
                        guangxi);
  CHECK(At(strict, 0).deviation == DeviationKind::kNone);
  CHECK(At(strict, 1).deviation == DeviationKind::kNone);
  CHECK(At(strict, 0).score == At(at, 0).score);  // a flag never changes the score
}

TEST_CASE("deviation: positive over +20%, cost under -20%, thresholds exclusive") {
  std::string yaml = ProjectYaml(Ind("产出指标", "数量指标", "甲", "85家次") +
                                 Ind("产出指标", "成本指标", "乙", "≤6万元"));
  // 85 x 1.2 = 102: 112 is over, 102 is not. 6 x 0.8 = 4.8: 4.6 is under, 4.8 is not.
  Scored over = Score(yaml, ActualsBuilder("6").Value("甲", "112家次", "").Value("乙", "4.6万元", "").a);
  CHECK(At(over, 0).deviation == DeviationKind::kOverAchieved);
  CHECK(At(over, 0).status == Status::kMet);
  CHECK(At(over, 1).deviation == DeviationKind::kCostUnderRun);
  CHECK(At(over, 1).status == Status::kMet);
  CHECK(over.diags.warning_count() == 2);  // flagged without a note
  Scored edge = Score(yaml, ActualsBuilder("6").Value("甲", "102家次", "").Value("乙", "4.8万元", "").a);
  CHECK(At(edge, 0).deviation == DeviationKind::kNone);
  CHECK(At(edge, 1).deviation == DeviationKind::kNone);
  CHECK(edge.diags.warning_count() == 0);
}

TEST_CASE("a flagged indicator with a note raises no warning") {
  Scored s = Score(ProjectYaml(Ind("产出指标", "质量指标", "甲", "≥300天")),
                   ActualsBuilder("6").Value("甲", "296天", "线路割接停机 4 天").a);
  CHECK(s.diags.warning_count() == 0);
  CHECK(At(s, 0).note == "线路割接停机 4 天");
}

TEST_CASE("units convert within a dimension; 天 vs 个月 and counters are refused") {
  // 46000元 = 4.6万元 against ≤6万元: met.
  Scored money = Score(ProjectYaml(Ind("产出指标", "成本指标", "甲", "≤6万元")),
                       ActualsBuilder("6").Value("甲", "46000元").a);
  REQUIRE(money.score);
  CHECK(At(money, 0).status == Status::kMet);
  // 1年 = 12个月 against ≤12个月: met.
  Scored year = Score(ProjectYaml(Ind("产出指标", "时效指标", "甲", "≤12个月")),
                      ActualsBuilder("6").Value("甲", "1年").a);
  CHECK(At(year, 0).status == Status::kMet);
  // A bare number takes the target's unit.
  Scored bare = Score(ProjectYaml(Ind("产出指标", "数量指标", "甲", "4台")),
                      ActualsBuilder("6").Value("甲", "4").a);
  CHECK(At(bare, 0).status == Status::kMet);
  Scored days = Score(ProjectYaml(Ind("产出指标", "时效指标", "甲", "≤12个月")),
                      ActualsBuilder("6").Value("甲", "300天").a);
  CHECK(!days.score);
  CHECK(HasMessage(days.diags, "cannot be compared"));
  Scored counter = Score(ProjectYaml(Ind("产出指标", "数量指标", "甲", "4台")),
                         ActualsBuilder("6").Value("甲", "4个").a);
  CHECK(!counter.score);
}

TEST_CASE("matching: every indicator needs an actual, every actual an indicator") {
  std::string yaml = ProjectYaml(Ind("产出指标", "数量指标", "购置设备数量", "4台") +
                                 Ind("产出指标", "质量指标", "验收合格率", "100%"));
  Scored missing = Score(yaml, ActualsBuilder("6").Value("购置设备数量", "4台").a);
  CHECK(!missing.score);
  CHECK(HasMessage(missing.diags, "no actual for indicator '验收合格率'"));
  Scored extra = Score(yaml, ActualsBuilder("6")
                                 .Value("购置设备数量", "4台").Value("验收合格率", "100%")
                                 .Value("验收合格", "100%").a);
  CHECK(!extra.score);
  CHECK(HasMessage(extra.diags, "'验收合格' is not an indicator of project '测试项目': did you mean '验收合格率'?"));
  ActualsBuilder year("6");
  year.Value("购置设备数量", "4台").Value("验收合格率", "100%").a.year = 2023;
  Scored wrong_year = Score(yaml, year.a);
  CHECK(!wrong_year.score);
  CHECK(HasMessage(wrong_year.diags, "the actuals are for 2023"));
}

TEST_CASE("matching finds each actual by its name however many there are") {
  // 31 actuals are searched one by one, 32 and more through a hash table:
  // both match in any order, and both name the misnamed one's indicator.
  for (int n : {31, 32, 40}) {
    CAPTURE(n);
    std::string indicators;
    for (int i = 1; i <= n; ++i)
      indicators += Ind("产出指标", "数量指标", "指标" + std::to_string(i), "4台");
    const std::string yaml = ProjectYaml(indicators);
    ActualsBuilder reversed("6");
    for (int i = n; i >= 1; --i) reversed.Value("指标" + std::to_string(i), "4台");
    Scored all = Score(yaml, reversed.a);
    REQUIRE(all.score);
    // 10 for the budget + 90 for n indicators all met.
    CHECK(all.score->total == 100);
    ActualsBuilder misnamed("6");
    for (int i = 1; i < n; ++i) misnamed.Value("指标" + std::to_string(i), "4台");
    misnamed.Value("指标" + std::to_string(n) + "号", "4台");
    Scored one_off = Score(yaml, misnamed.a);
    CHECK(!one_off.score);
    CHECK(HasMessage(one_off.diags, "no actual for indicator '指标" + std::to_string(n) + "'"));
    CHECK(HasMessage(one_off.diags, "did you mean '指标" + std::to_string(n) + "'?"));
  }
}

TEST_CASE("explicit weights are used as given: 89.99 is not normalised") {
  Scored s = Score(ProjectYaml(Ind("产出指标", "数量指标", "甲", "4台", "49.99") +
                               Ind("效益指标", "社会效益指标", "乙", "≥90%", "40")),
                   ActualsBuilder("6").Value("甲", "4台").Value("乙", "90%").a);
  REQUIRE(s.score);
  CHECK(s.score->total == R("99.99"));
}

TEST_CASE("grade and policy use the rounded total: 89.995 shows 90.00 and is 优") {
  // 10 + 80 x 15999/16000 (= 79.995) + 10 x 0 = 89.995 -> 90.00.
  Scored s = Score(ProjectYaml(Ind("产出指标", "数量指标", "甲", "≥16000个", "80") +
                               Ind("效益指标", "社会效益指标", "乙", "≥1个", "10")),
                   ActualsBuilder("6").Value("甲", "15999个").Value("乙", "0个").a);
  REQUIRE(s.score);
  CHECK(s.score->total == R("89.995"));
  CHECK(s.score->total_rounded.FormatFixed(2) == "90.00");
  CHECK(s.score->grade == "优");
}

TEST_CASE("grade bands") {
  Rules r = Rules::Default();
  CHECK(r.GradeOf(R("90")) == "优");
  CHECK(r.GradeOf(R("89.99")) == "良");
  CHECK(r.GradeOf(R("80")) == "良");
  CHECK(r.GradeOf(R("79.99")) == "中");
  CHECK(r.GradeOf(R("60")) == "中");
  CHECK(r.GradeOf(R("59.99")) == "差");
  CHECK(r.GradeOf(R("0")) == "差");
}

TEST_CASE("the 2021-form 成本指标 shares the 产出指标 pool of 50") {
  // 产出 2 + 成本 1 = one pool of 3: 50/3 each.
  Scored s = Score(ProjectYaml(Ind("产出指标", "数量指标", "甲", "4台") +
                               Ind("产出指标", "质量指标", "乙", "100%") +
                               Ind("成本指标", "经济成本指标", "丙", "≤6万元") +
                               Ind("效益指标", "社会效益指标", "丁", "≥90%") +
                               Ind("满意度指标", "服务对象满意度指标", "戊", "≥90%")),
                   ActualsBuilder("6")
                       .Value("甲", "4台").Value("乙", "100%").Value("丙", "5.9万元")
                       .Value("丁", "90%").Value("戊", "90%").a);
  REQUIRE(s.score);
  CHECK(At(s, 2).weight == Rational(50) / 3);
  CHECK(At(s, 3).weight == 30);
  CHECK(s.score->total == 100);
}

TEST_CASE("policy: --fail-on unmet and --fail-under apply independently") {
  ProjectScore s;
  s.unmet = 1;
  s.total_rounded = R("85");
  Policy unmet;  // default: fail on unmet
  CHECK(!unmet.Complies(s));
  Policy none;
  none.fail_on_unmet = false;
  CHECK(none.Complies(s));
  none.has_fail_under = true;
  none.fail_under = 80;
  CHECK(none.Complies(s));
  none.fail_under = R("85.01");
  CHECK(!none.Complies(s));
}

TEST_CASE("the exact total of many indicators with unrelated ratios is their exact sum") {
  // Added one by one, n exact ratios with unrelated denominators cost n^3
  // (1000 such indicators took 12 s to score); summed in pairs, the total
  // is the same exact number.
  std::string indicators;
  ActualsBuilder actuals("6.999999");
  uint32_t x = 12345;
  auto next = [&x] { return x = x * 1103515245u + 12345u; };
  auto decimal = [&next] {
    return std::to_string(1000000 + next() % 9000000) + "." +
           std::to_string(100000 + next() % 900000);
  };
  for (int i = 0; i < 300; ++i) {  // the sequential sum below costs n^3
    const std::string name = "指标" + std::to_string(i);
    indicators += Ind("产出指标", "数量指标", name, "≥" + decimal() + "台");
    actuals.Value(name, decimal() + "台");
  }
  Scored s = Score(ProjectYaml(indicators, "7"), actuals.a);
  REQUIRE(s.score.has_value());
  Rational sequential = s.score->budget_score;
  for (const IndicatorScore& is : s.score->indicators) sequential += is.score;
  CHECK(s.score->total == sequential);
  CHECK(s.score->total_rounded == s.score->total.Round(2));
  CHECK(s.score->total >= 0);
  CHECK(s.score->total <= 100);
  // min(6.999999 / 7, 1) x 10 = 6999999 / 700000, not a terminating decimal.
  CHECK(s.score->budget_score == Rational(BigInt(6999999), BigInt(700000)));
}

// One indicator met, for the budget tests: 90 points, so the total is 90 +
// the execution score.
const std::string kOneIndicator = Ind("产出指标", "数量指标", "甲", "4台");

std::string Messages(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d.all()) {
    out += (x.severity == Severity::kError ? "error " : "warning ") + std::to_string(x.loc.line) +
           ":" + std::to_string(x.loc.column) + ": " + x.message + "\n";
  }
  return out;
}

TEST_CASE("spent above the budget is a warning (超预算), ten times or more an error") {
  // 6.5 / 6 = 1.08333…: over budget, capped at 10 points.
  Scored over = Score(ProjectYaml(kOneIndicator), ActualsBuilder("6.5").Value("甲", "4台").a);
  REQUIRE(over.score);
  CHECK(over.score->rate == Rational(13) / 12);
  CHECK(over.score->budget_score == 10);
  CHECK(Messages(over.diags) ==
        "warning 3:12: project '测试项目' spent 6.5 万元, more than its budget of 6.00 万元 "
        "(108.33%): 超预算 (over budget); check the amount, or give the budget after adjustment "
        "(全年预算数): 'budget:' in a YAML entry, a row 'budget' (or 全年预算数) in a CSV file\n");
  // 59.99 < 10 x 6 = 60: still a warning; 60 is an error.
  Scored under_ten = Score(ProjectYaml(kOneIndicator), ActualsBuilder("59.99").Value("甲", "4台").a);
  CHECK(under_ten.score);
  CHECK(under_ten.diags.error_count() == 0);
  Scored ten = Score(ProjectYaml(kOneIndicator), ActualsBuilder("60").Value("甲", "4台").a);
  CHECK_FALSE(ten.score);
  // 60 / 6 = 10 times. The slip named brings spent nearest the budget:
  // 60千元 = 60 x 1000 / 10000 = 6万元 (rate 1), where 60元 = 0.006万元 (0.001).
  CHECK(Messages(ten.diags) ==
        "error 3:12: spent 60 is 10 times the budget of 6.00 万元: was it written in 千元? 60千元 "
        "= 6万元; write 6 or 60千元\n");
  // The issue's slip: 9624000 in a 1000 万元 project, 9624000 / 1000 = 9624
  // times; 9624000元 = 962.4万元 (a rate of 96.24%).
  Scored slip = Score(ProjectYaml(kOneIndicator, "1000"),
                      ActualsBuilder("9624000").Value("甲", "4台").a);
  CHECK_FALSE(slip.score);
  CHECK(Messages(slip.diags) ==
        "error 3:12: spent 9624000 is 9624 times the budget of 1000.00 万元: was it written in "
        "元? 9624000元 = 962.4万元; write 962.4 or 9624000元\n");
  // Not a unit in which it would still be ten times the budget: 25000 in a
  // 100 万元 project is 25000千元 = 2500万元 (25 times, nearer by ratio than
  // 25000元 = 2.5万元, 40 times below) and 2500万元 is this error again; so
  // 元.
  Scored still = Score(ProjectYaml(kOneIndicator, "100"),
                       ActualsBuilder("25000").Value("甲", "4台").a);
  CHECK(Messages(still.diags) ==
        "error 3:12: spent 25000 is 250 times the budget of 100.00 万元: was it written in 元? "
        "25000元 = 2.5万元; write 2.5 or 25000元\n");
  // Where every reading is ten times or more, the nearest: 900000000 in a
  // 100 万元 project is 90000万元 in 元 (900 times) and 9000000万元 in 千元.
  Scored all = Score(ProjectYaml(kOneIndicator, "100"),
                     ActualsBuilder("900000000").Value("甲", "4台").a);
  CHECK(Messages(all.diags).find("was it written in 元? 900000000元 = 90000万元") !=
        std::string::npos);
}

TEST_CASE("the slip named is the money unit that brings spent under ten times the budget") {
  // A 亿元 project of 2: 15000 in 万元 is 15000 x 10^4 / 10^8 = 1.5亿元 < 20.
  Scored wan = Score("project: 测试项目\nyear: 2024\nunit: 亿元\nbudget: {total: 2}\n"
                     "indicators:\n" + kOneIndicator,
                     ActualsBuilder("15000").Value("甲", "4台").a);
  CHECK(Messages(wan.diags) ==
        "error 3:12: spent 15000 is 7500 times the budget of 2.00 亿元: was it written in 万元? "
        "15000万元 = 1.5亿元; write 1.5 or 15000万元\n");
  // Written with its unit, or in a 元 project: no unit to suggest.
  Scored with_unit = Score(ProjectYaml(kOneIndicator), ActualsBuilder("600万元").Value("甲", "4台").a);
  CHECK(Messages(with_unit.diags) ==
        "error 3:12: spent 600万元 is 100 times the budget of 6.00 万元: check the amount and its "
        "unit\n");
  Scored yuan = Score("project: 测试项目\nyear: 2024\nunit: 元\nbudget: {total: 6}\n"
                      "indicators:\n" + kOneIndicator,
                      ActualsBuilder("60").Value("甲", "4台").a);
  CHECK(Messages(yuan.diags) ==
        "error 3:12: spent 60 is 10 times the budget of 6.00 元: check the amount and its unit\n");
}

TEST_CASE("spent with a money unit converts exactly into the project's unit") {
  // 58600元 = 58600 / 10000 = 5.86万元; rate 5.86 / 6 = 0.97666…
  Scored yuan = Score(ProjectYaml(kOneIndicator), ActualsBuilder("58600元").Value("甲", "4台").a);
  REQUIRE(yuan.score);
  CHECK(yuan.score->spent == R("5.86"));
  CHECK(yuan.score->spent_text == "58600元");
  CHECK(yuan.score->rate == R("5.86") / 6);
  // 5.86万 of 万元 is 5.86万元.
  Scored wan = Score(ProjectYaml(kOneIndicator), ActualsBuilder("5.86万").Value("甲", "4台").a);
  REQUIRE(wan.score);
  CHECK(wan.score->spent == R("5.86"));
  // 0.000586亿元 = 0.000586 x 10^8 / 10^4 = 5.86万元.
  Scored yi = Score(ProjectYaml(kOneIndicator), ActualsBuilder("0.000586亿元").Value("甲", "4台").a);
  REQUIRE(yi.score);
  CHECK(yi.score->spent == R("5.86"));
  // 50000元 = 5万元; 5 / 6 = 83.33% < 90%: the warning gives both.
  ActualsBuilder low("50000元");
  low.a.note = "";
  Scored low_rate = Score(ProjectYaml(kOneIndicator), low.Value("甲", "4台").a);
  CHECK(Messages(low_rate.diags) ==
        "warning 3:12: project '测试项目' spent 50000元 (5 万元) of 6 万元 (83.33%), below 90% of its "
        "budget, but the entry has no note: explain the low execution rate\n");
  Scored bad = Score(ProjectYaml(kOneIndicator), ActualsBuilder("5.86%").Value("甲", "4台").a);
  CHECK_FALSE(bad.score);
  CHECK(Messages(bad.diags) ==
        "error 3:12: 'spent' of project '测试项目': '5.86%' is not an amount of money ('%' is a "
        "percentage): write it in 万元, the project's budget unit (such as 5.86), or with 元, 千元, "
        "万元 or 亿元\n");
}

TEST_CASE("the parts of spent add up to its total, in the project's unit") {
  // 5 + 0.86 = 5.86 (other absent).
  Scored ok = Score(ProjectYaml(kOneIndicator),
                    ActualsBuilder("5.86").SpentParts("5", "0.86", "").Value("甲", "4台").a);
  REQUIRE(ok.score);
  CHECK(ok.score->spent_parts.fiscal == 5);
  CHECK(ok.score->spent_parts.carryover == R("0.86"));
  CHECK_FALSE(ok.score->spent_parts.other);
  // 50000元 = 5万元, + 0.86 = 5.86: parts in their own units.
  Scored mixed = Score(ProjectYaml(kOneIndicator),
                       ActualsBuilder("5.86万元").SpentParts("50000元", "", "0.86").Value("甲", "4台").a);
  REQUIRE(mixed.score);
  CHECK(mixed.score->spent_parts.fiscal == 5);
  // 5 + 1 = 6, not 5.86.
  Scored bad = Score(ProjectYaml(kOneIndicator),
                     ActualsBuilder("5.86").SpentParts("5", "", "1").Value("甲", "4台").a);
  CHECK_FALSE(bad.score);
  CHECK(Messages(bad.diags) ==
        "error 3:12: 'spent' of project '测试项目': fiscal (5) + other (1) = 6 万元, but total is "
        "5.86 万元: they must add up (an absent part counts as 0)\n");
  Scored alone = Score(ProjectYaml(kOneIndicator),
                       ActualsBuilder("5.86").SpentParts("", "6", "").Value("甲", "4台").a);
  CHECK(Messages(alone.diags) ==
        "error 3:12: 'spent' of project '测试项目': carryover (6) is larger than total (5.86 "
        "万元)\n");
}

TEST_CASE("the actuals' budget (全年预算数) replaces the total in the execution rate") {
  // 4.6 / 5 = 0.92 (not 4.6 / 6): 9.2 points.
  Scored s = Score(ProjectYaml(kOneIndicator),
                   ActualsBuilder("4.6").Budget("5").Value("甲", "4台").a);
  REQUIRE(s.score);
  CHECK(s.score->budget == 5);
  REQUIRE(s.score->adjusted);
  CHECK(s.score->adjusted->total == 5);
  CHECK(s.score->project.total == 6);
  CHECK(s.score->rate == R("0.92"));
  CHECK(s.score->budget_score == R("9.2"));
  CHECK(s.score->total == R("99.2"));
  // 50000元 = 5万元.
  Scored yuan = Score(ProjectYaml(kOneIndicator),
                      ActualsBuilder("4.6").Budget("50000元").Value("甲", "4台").a);
  REQUIRE(yuan.score);
  CHECK(yuan.score->budget == 5);
  // Above the adjusted budget: the warning names it.
  Scored over = Score(ProjectYaml(kOneIndicator),
                      ActualsBuilder("5.5").Budget("5").Value("甲", "4台").a);
  CHECK(Messages(over.diags) ==
        "warning 3:12: project '测试项目' spent 5.5 万元, more than its adjusted budget (全年预算数) "
        "of 5.00 万元 (110.00%): 超预算 (over budget); check the amount\n");
  // An adjusted budget ten times the target's total: a warning with the slip
  // (60000元 = 6万元, the total; 60000千元 = 6000万元).
  Scored slip = Score(ProjectYaml(kOneIndicator),
                      ActualsBuilder("55000").Budget("60000").Value("甲", "4台").a);
  REQUIRE(slip.score);
  CHECK(Messages(slip.diags) ==
        "warning 4:12: the adjusted budget 60000 is 10000 times the target's total of 6.00 万元: "
        "was it written in 元? 60000元 = 6万元; write 6 or 60000元\n");
  // Only the budget in 元, spent 5.5 in 万元 as the target: an error at the
  // budget, and spent is not blamed.
  Scored alone = Score(ProjectYaml(kOneIndicator),
                       ActualsBuilder("5.5").Budget("60000").Value("甲", "4台").a);
  CHECK_FALSE(alone.score);
  CHECK(Messages(alone.diags) ==
        "error 4:12: the adjusted budget 60000 is 10000 times the target's total of 6.00 万元: "
        "was it written in 元? 60000元 = 6万元; write 6 or 60000元\n");
  // Without a budget, A is the target's total.
  Scored plain = Score(ProjectYaml(kOneIndicator), ActualsBuilder("4.6").Value("甲", "4台").a);
  CHECK(plain.score->budget == 6);
  CHECK_FALSE(plain.score->adjusted);
}

TEST_CASE("a unit-less actual in (0, 1] against a percent target is an error") {
  auto score = [](const std::string& target, const std::string& actual) {
    return Score(ProjectYaml(Ind("产出指标", "质量指标", "乙", target)),
                 ActualsBuilder("6").Value("乙", actual).a);
  };
  Scored slip = score("100%", "0.992");
  CHECK_FALSE(slip.score);
  // 0.992 x 100 = 99.2.
  CHECK(Messages(slip.diags) ==
        "error 0:0: actual '0.992' of indicator '乙' has no unit and its target '100%' is a "
        "percentage: write '99.2%' (or '0.992%' if that is meant)\n");
  CHECK(HasMessage(score("不低于90%", "0.935").diags, "write '93.5%' (or '0.935%'"));
  CHECK(HasMessage(score("≥90%", "1").diags, "write '100%' (or '1%'"));
  CHECK(HasMessage(score("80%-95%", "0.9").diags, "write '90%' (or '0.9%'"));
  CHECK(HasMessage(score("≤1‰", "0.5").diags, "write '50%' (or '0.5‰'"));
  // 0, above 1, or with its unit: as written.
  for (const char* ok : {"0", "1.5", "0.992%", "99.2%"}) {
    CAPTURE(ok);
    Scored s = score("≥0%", ok);
    CHECK(s.score);
    CHECK(s.diags.error_count() == 0);
  }
  CHECK(score("≥90%", "95").score->indicators[0].status == Status::kMet);
}

TEST_CASE("a percentage over 100% and five times its target, without a note, is a warning") {
  // 960% is 96.0% with a digit added: against ≥97% it would pass unmet.
  auto score = [](const std::string& target, const std::string& actual,
                  const std::string& note = "") {
    return Score(ProjectYaml(Ind("满意度指标", "服务对象满意度指标", "乙", target)),
                 ActualsBuilder("6").Value("乙", actual, note).a);
  };
  Scored slip = score("≥97%", "960%");
  REQUIRE(slip.score);  // scored as written: a warning, not an error
  CHECK(slip.score->indicators[0].status == Status::kMet);
  // 960 / 97 = 9.897..., shown 9.9; JX0805 (over its target, no note) is not said as well.
  CHECK(Messages(slip.diags) ==
        "warning 0:0: actual 960% of indicator '乙' is over 100% and 9.9 times its target "
        "'≥97%': was a digit added (960% for 96.0%)? check it; if it is right, give the reason "
        "in the note\n");
  // The bound: 450 = 5 x 90 is one, 449 is not (but is over its target, JX0805).
  CHECK(HasMessage(score("≥90%", "450%").diags, "is over 100% and 5 times its target"));
  Scored below = score("≥90%", "449%");
  CHECK_FALSE(HasMessage(below.diags, "over 100%"));
  CHECK(HasMessage(below.diags, "exceeds its target"));
  // A range: five times its upper bound (5 x 95 = 475).
  CHECK(HasMessage(score("80%-95%", "475%").diags, "5 times its target '80%-95%'"));
  CHECK_FALSE(HasMessage(score("80%-95%", "474%").diags, "over 100%"));
  // A target in ‰ against an actual in %: 1‰ = 0.1%, 101% = 1010‰.
  CHECK(HasMessage(score("≥1‰", "101%").diags, "1010 times its target"));
  // Not one: 100% itself, a target over 100%, an actual without %, a note.
  for (const auto& [target, actual] :
       {std::pair{"≥10%", "100%"}, std::pair{"≥120%", "960%"}, std::pair{"≥20", "960"}}) {
    CAPTURE(target);
    CHECK_FALSE(HasMessage(score(target, actual).diags, "over 100%"));
  }
  CHECK(score("≥97%", "960%", "上年基数小").diags.warning_count() == 0);
}

TEST_CASE("a quantity ten times its target or more, without a note, is a warning") {
  // 12000人次 against ≥1000人次: most often 1200 with a zero added.
  auto score = [](const std::string& target, const std::string& actual,
                  const std::string& note = "") {
    return Score(ProjectYaml(Ind("产出指标", "数量指标", "乙", target)),
                 ActualsBuilder("6").Value("乙", actual, note).a);
  };
  Scored slip = score("≥1000人次", "12000人次");
  REQUIRE(slip.score);  // scored as written: a warning, not an error
  CHECK(slip.score->indicators[0].status == Status::kMet);
  // 12000 / 1000 = 12; JX0805 (over its target, no note) is not said as well.
  CHECK(Messages(slip.diags) ==
        "warning 0:0: actual 12000人次 of indicator '乙' is 12 times its target '≥1000人次': was "
        "a digit or a zero added (12000 for 1200)? check it; if it is right, give the reason in "
        "the note\n");
  // The bound: 10 x 4 = 40 is one; 39 is not (but is over its target, JX0805).
  CHECK(HasMessage(score("≥4台", "40台").diags, "is 10 times its target"));
  Scored below = score("≥4台", "39台");
  CHECK_FALSE(HasMessage(below.diags, "times its target"));
  CHECK(HasMessage(below.diags, "exceeds its target"));
  // In the target's unit: 2万人次 = 20000人次 against ≥2000人次, 10 times.
  CHECK(HasMessage(score("≥2000人次", "2万人次").diags, "is 10 times its target"));
  // A range: ten times its upper end (10 x 5 = 50).
  CHECK(HasMessage(score("3-5次", "50次").diags, "is 10 times its target '3-5次'"));
  // Not one: a cap (≤), a percentage (JX0456's), a note.
  CHECK_FALSE(HasMessage(score("≤2次", "40次").diags, "times its target"));
  CHECK_FALSE(HasMessage(score("≥9%", "95%").diags, "times its target"));
  CHECK(score("≥1000人次", "12000人次", "改为线上培训").diags.warning_count() == 0);
}

TEST_CASE("a unit-less actual in (1, 2) a tenth of a percent target or less is an error") {
  // A spreadsheet keeps 102% as 1.02: read as 1.02% against ≥90% it would
  // score 1.02 / 90 of the weight.
  auto score = [](const std::string& target, const std::string& actual) {
    return Score(ProjectYaml(Ind("产出指标", "质量指标", "乙", target)),
                 ActualsBuilder("6").Value("乙", actual).a);
  };
  Scored slip = score("≥90%", "1.02");
  CHECK_FALSE(slip.score);
  // 1.02 x 100 = 102.
  CHECK(Messages(slip.diags) ==
        "error 0:0: actual '1.02' of indicator '乙' has no unit and its target '≥90%' is a "
        "percentage: write '102%' (or '1.02%' if that is meant)\n");
  CHECK(HasMessage(score("100%", "1.5").diags, "write '150%' (or '1.5%'"));
  // The bound: 1.5 x 10 = 15, a tenth of 15% exactly, is a slip; of 14.9% not.
  CHECK(HasMessage(score("≥15%", "1.5").diags, "write '150%' (or '1.5%'"));
  CHECK(score("≥14.9%", "1.5").diags.error_count() == 0);
  // A range: its lower bound. 1.2 x 10 = 12 <= 80.
  CHECK(HasMessage(score("80%-95%", "1.2").diags, "write '120%' (or '1.2%'"));
  // Near a small target, or 2 and above: as written.
  for (const auto& [target, actual] : {std::pair{"≤5%", "1.5"}, std::pair{"≤2%", "1.02"},
                                       std::pair{"≥90%", "2"}, std::pair{"≥90%", "1.02%"},
                                       std::pair{"≥90%", "102%"}}) {
    CAPTURE(target);
    CAPTURE(actual);
    Scored s = score(target, actual);
    CHECK(s.score);
    CHECK(s.diags.error_count() == 0);
  }
}

TEST_CASE("a unit-less actual a hundred times a target in a larger unit names the smaller one") {
  auto score = [](const std::string& target, const std::string& actual) {
    return Score(ProjectYaml(Ind("成本指标", "经济成本指标", "丙", target)),
                 ActualsBuilder("6").Value("丙", actual).a);
  };
  Scored slip = score("≤50万元", "480000");
  CHECK_FALSE(slip.score);
  // 480000 / 50 = 9600; 480000元 = 480000 / 10000 = 48万元.
  CHECK(Messages(slip.diags) ==
        "error 0:0: actual '480000' of indicator '丙' has no unit and is 9600 times its target "
        "'≤50万元': was it written in 元? 480000元 = 48万元; write '48万元' or '480000元'\n");
  // 5000 against ≤50万元: 100 times, the bound; 5000元 = 0.5万元.
  CHECK(HasMessage(score("≤50万元", "5000").diags, "is 100 times"));
  // Against 亿元 the nearest smaller unit: 3000 / 2 = 1500 times; 3000万元
  // = 0.3亿元 is nearer 2 than 3000元 or 3000千元.
  CHECK(HasMessage(score("≤2亿元", "3000").diags, "written in 万元? 3000万元 = 0.3亿元"));
  // The unit without its number word: 9000 / 1.2 = 7500 times; 9000平方米 =
  // 0.9万平方米. 800 / 1 = 800 times 1千户: 800户 = 0.8千户.
  CHECK(HasMessage(score("≥1.2万平方米", "9000").diags,
                   "is 7500 times its target '≥1.2万平方米': was it written in 平方米? 9000平方米 "
                   "= 0.9万平方米"));
  CHECK(HasMessage(score("≥1千户", "800").diags, "800户 = 0.8千户"));
  // A smaller unit of the dimension: 8000 / 10 = 800 times; 8000米 = 8公里.
  // 450000 / 500 = 900 times; 450000公斤 = 450吨, nearer 500 than 0.45吨.
  CHECK(HasMessage(score("≥10公里", "8000").diags, "written in 米? 8000米 = 8公里"));
  CHECK(HasMessage(score("≥500吨", "450000").diags, "written in 公斤? 450000公斤 = 450吨"));
  // Below a hundred times, with a unit, or against a unit with nothing
  // smaller (元, 台, %): as written.
  for (auto [target, actual] :
       {std::pair{"≤50万元", "4999"}, std::pair{"≤50万元", "480000元"},
        std::pair{"≤500元", "480000"}, std::pair{"≥4台", "5000"}, std::pair{"≥1%", "150"},
        std::pair{"≥1.2万平方米", "1.1"}, std::pair{"≥10公里", "999"}}) {
    CAPTURE(target);
    CAPTURE(actual);
    Scored s = score(target, actual);
    CHECK(s.score);
    CHECK(s.diags.error_count() == 0);
  }
}

TEST_CASE("a unit-less amount below a thousandth of its target in 元 names the larger unit") {
  // A project kept in 元, its figures written in 万元 without the unit.
  const std::string yuan_project =
      "project: 元项目\nyear: 2024\nunit: 元\nbudget: {total: 60000}\nindicators:\n" +
      Ind("产出指标", "数量指标", "甲", "4台") + Ind("成本指标", "经济成本指标", "丙", "≤50000元");
  // spent 5.8 of 60000: 5.8 / 60000 = 0.0097%; 5.8万元 = 58000元.
  Scored spent = Score(yuan_project, ActualsBuilder("5.8").Value("甲", "4台").Value("丙", "48000").a);
  CHECK_FALSE(spent.score);
  CHECK(Messages(spent.diags) ==
        "error 3:12: spent 5.8 is only 0.0097% of the budget of 60000.00 元: was it written in 万元? "
        "5.8万元 = 58000元; write 58000 or 5.8万元\n");
  // The cost 4.8 against ≤50000元: 4.8 / 50000 = 0.0096%; 4.8万元 = 48000元.
  Scored cost = Score(yuan_project, ActualsBuilder("58000").Value("甲", "4台").Value("丙", "4.8").a);
  CHECK_FALSE(cost.score);
  CHECK(HasMessage(cost.diags, "actual '4.8' of indicator '丙' has no unit and is only 0.0096% of "
                               "its target '≤50000元': was it written in 万元? 4.8万元 = 48000元"));
  // A thousandth or more, with a unit, or no larger unit within ten times:
  // as written (a low rate is then a warning of its own).
  for (const char* ok : {"60", "5.8万元", "58000"}) {
    CAPTURE(ok);
    Scored s = Score(yuan_project, ActualsBuilder(ok).Value("甲", "4台").Value("丙", "48000").a);
    CHECK(s.score);
    CHECK(s.diags.error_count() == 0);
  }
  // 0.5 of 60000: 0.5万元 = 5000元 is 12 times less than the budget, beyond
  // ten: no unit brings it near, so it is taken as written.
  Scored far = Score(yuan_project, ActualsBuilder("0.5").Value("甲", "4台").Value("丙", "48000").a);
  CHECK(far.score);
  CHECK(far.diags.error_count() == 0);
  // In a project kept in 万元, budget 10: spent 0.005 (0.05%) in 亿元 would
  // be 50万元, five times the budget — above twice it, so no slip is named.
  const std::string wan_project =
      "project: 万元项目\nyear: 2024\nunit: 万元\nbudget: {total: 10}\nindicators:\n" +
      Ind("产出指标", "数量指标", "甲", "4台");
  Scored five = Score(wan_project, ActualsBuilder("0.005").Value("甲", "4台").a);
  CHECK(five.score);
  CHECK(five.diags.error_count() == 0);
  // 0.001 in 亿元 is 10万元, the budget itself: named.
  Scored one = Score(wan_project, ActualsBuilder("0.001").Value("甲", "4台").a);
  CHECK_FALSE(one.score);
  CHECK(HasMessage(one.diags, "was it written in 亿元? 0.001亿元 = 10万元"));
}

TEST_CASE("a plain number against a number word alone is a plain number") {
  // ≥1万 is the plain number 10000: 9000 is 9000, unmet, ratio 9000 / 10000.
  const std::string project =
      ProjectYaml(Ind("产出指标", "数量指标", "甲", "≥1万") + Ind("产出指标", "数量指标", "乙", "4台"));
  Scored s = Score(project, ActualsBuilder("6").Value("甲", "9000").Value("乙", "4台").a);
  REQUIRE(s.score);
  CHECK(At(s, 0).ratio == R("0.9"));
  // 12000 = 1.2万 ≥ 1万: met; 1.2万 written so, the same.
  for (const char* met : {"12000", "1.2万"}) {
    CAPTURE(met);
    Scored m = Score(project, ActualsBuilder("6").Value("甲", met).Value("乙", "4台").a);
    REQUIRE(m.score);
    CHECK(At(m, 0).ratio == 1);
  }
  // 1.2 is 0.012% of 10000, and 1.2万 would be near it: written without its 万.
  Scored slip = Score(project, ActualsBuilder("6").Value("甲", "1.2").Value("乙", "4台").a);
  CHECK_FALSE(slip.score);
  CHECK(HasMessage(slip.diags, "actual '1.2' of indicator '甲' has no unit and is only 0.012% of "
                               "its target '≥1万': was it written in 万? 1.2万 = 12000"));
  // ≤1.2万 (12000) with 11000: met.
  Scored le = Score(ProjectYaml(Ind("产出指标", "数量指标", "甲", "≤1.2万") +
                                Ind("产出指标", "数量指标", "乙", "4台")),
                    ActualsBuilder("6").Value("甲", "11000").Value("乙", "4台").a);
  REQUIRE(le.score);
  CHECK(At(le, 0).ratio == 1);
}

TEST_CASE("不适用 with its reason in the value, and a date before the project's year") {
  auto score = [](const std::string& target, const std::string& actual) {
    return Score(ProjectYaml(Ind("产出指标", "数量指标", "甲", "4台") +
                             Ind("产出指标", "时效指标", "乙", target)),
                 ActualsBuilder("6").Value("甲", "4台").Value("乙", actual).a);
  };
  for (const char* text : {"不适用（本年未开展）", "不适用,本年未开展", "不涉及"}) {
    CAPTURE(text);
    Scored s = score("2024年12月31日前", text);
    CHECK_FALSE(s.score);
    CHECK(HasMessage(s.diags, "is '" + std::string(text) + "': for an indicator that does not "
                              "apply, write just 不适用 and give the reason in its note"));
  }
  // 2023-11-20 in a 2024 project: scored (it is before the deadline), warned of.
  Scored copied = score("2024年12月31日前", "2023-11-20");
  REQUIRE(copied.score);
  CHECK(Messages(copied.diags) ==
        "warning 0:0: indicator '乙' was completed on 2023-11-20, before the project's year 2024: "
        "was last year's file copied? give this year's date of completion\n");
  CHECK(score("2024年12月31日前", "2024-01-01").diags.empty());
}

TEST_CASE("a target or budget a spreadsheet shows beside the values: warned of when not the file's") {
  ActualsBuilder b("6");
  b.Value("甲", "4台").Value("乙", "95%");
  b.a.indicators[0].target_text = "5台";  // edited from 4台
  b.a.indicators[0].target_line = 3;
  b.a.indicators[0].target_column = 19;
  b.a.indicators[0].loc = {"a.csv", 3, 14};
  b.a.indicators[1].target_text = "≥ 90.0%";  // the file's ≥90%, as Excel may show it
  b.a.budget_shown = AmountOf("80000元");      // 8万元 against the file's 6.00万元
  b.a.budget_shown->loc = {"a.csv", 2, 12};
  const std::string two = Ind("产出指标", "数量指标", "甲", "4台") +
                          Ind("满意度指标", "服务对象满意度指标", "乙", "≥90%");
  Scored s = Score(ProjectYaml(two), b.a);
  REQUIRE(s.score);  // scored against the file's 4台: 4台 / 4台 = 1
  CHECK(At(s, 0).ratio == 1);
  CHECK(Messages(s.diags) ==
        "warning 2:12: the spending row of project '测试项目' gives the budget as '80000元', but "
        "the target file has 6 万元 (t.yaml:1): only the target file's is used; give a budget "
        "adjusted mid-year in a row of its own, 全年预算数, and correct a wrong budget in the "
        "target file (this column is for reference only)\n"
        "warning 3:19: the row of indicator '甲' of project '测试项目' gives its target as '5台', "
        "but the target file has '4台' (t.yaml:5): only the target file's is used; to change the "
        "target, change the target file (this column is for reference only)\n");
  // 60000元 is the budget (6万元); 8万元 is the 全年预算数 row's: neither is said.
  b.a.indicators[0].target_text = "4台";
  b.a.budget_shown = AmountOf("60000元");
  CHECK(Score(ProjectYaml(two), b.a).diags.empty());
  b.a.budget_shown = AmountOf("8");
  b.Budget("8");
  CHECK(Score(ProjectYaml(two), b.a).diags.empty());
}

TEST_CASE("the goals a spreadsheet's 实际完成情况 row shows: warned of when not the file's") {
  const std::string yaml = "project: 测试项目\nyear: 2024\nbudget: {total: 6.00}\n"
                           "goals: [完成设备购置, 保障系统稳定运行]\nindicators:\n" +
                           Ind("产出指标", "数量指标", "甲", "4台");
  ActualsBuilder b("6");
  b.Value("甲", "4台");
  b.a.goals_shown_loc = {"a.csv", 3, 15};
  // What the template shows, or the goals joined otherwise: silent.
  for (const char* same : {"完成设备购置；保障系统稳定运行", "完成设备购置\n保障系统稳定运行",
                           "完成设备购置; 保障系统稳定运行"}) {
    CAPTURE(same);
    b.a.goals_shown = same;
    CHECK(Score(yaml, b.a).diags.empty());
  }
  // What was achieved, typed over the goals with the value cell left empty:
  // the form's 实际完成情况 would be blank.
  b.a.goals_shown = "全年系统可用率99.8%";
  Scored s = Score(yaml, b.a);
  REQUIRE(s.score);  // a warning: scored
  CHECK(Messages(s.diags) ==
        "warning 3:15: the 实际完成情况 row of project '测试项目' has '全年系统可用率99.8%' in its "
        "指标值 column, but the target file's overall goals are '完成设备购置；保障系统稳定运行' "
        "(t.yaml:1): the column is for reference only and is not read, and the row's value "
        "column is empty, so the forms' 实际完成情况 stays blank: write what was achieved in the "
        "row's value column (实际值), and put the goals back in 指标值 or empty it\n");
  CHECK(s.diags.all()[0].code == 455);
  // With the value cell filled in: the goals edited, said as such.
  b.a.achieved = "全年无重大故障";
  CHECK(Messages(Score(yaml, b.a).diags) ==
        "warning 3:15: the 实际完成情况 row of project '测试项目' has '全年系统可用率99.8%' in its "
        "指标值 column, but the target file's overall goals are '完成设备购置；保障系统稳定运行' "
        "(t.yaml:1): the column is for reference only and is not read; to change the goals, "
        "change the target file\n");
  // A target without goals: anything shown differs.
  CHECK(HasMessage(Score(ProjectYaml(Ind("产出指标", "数量指标", "甲", "4台")), b.a).diags,
                   "指标值 column, but the target file gives no overall goals (goals) (t.yaml:1)"));
}

TEST_CASE("an entry with an unread row says no indicator lacks its actual: it may be in that row") {
  const std::string two = Ind("产出指标", "数量指标", "甲", "4台") +
                          Ind("满意度指标", "服务对象满意度指标", "乙", "≥90%");
  ActualsBuilder b("6");
  b.Value("甲", "4台");  // 乙's row was the unread one
  b.a.has_errors = true;
  Scored missing = Score(ProjectYaml(two), b.a);
  CHECK_FALSE(missing.score);
  CHECK(HasMessage(missing.diags, "no actual for indicator '乙'"));
  b.a.rows_unread = true;
  Scored unread = Score(ProjectYaml(two), b.a);
  CHECK_FALSE(unread.score);  // never scored
  // Every indicator's row unread (a merged project cell): none lacks its
  // actual, and nor are they all 不适用 (JX0443).
  ActualsBuilder none("6");
  none.a.has_errors = none.a.rows_unread = true;
  Scored all_unread = Score(ProjectYaml(two), none.a);
  CHECK_FALSE(all_unread.score);
  CHECK(all_unread.diags.empty());
  CHECK_MESSAGE(unread.diags.empty(), Messages(unread.diags));
}

// The code of each diagnostic, and its Chinese text (the default language):
// the forms' words, Chinese punctuation, input quoted with “”.
std::string Codes(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d.all()) out += FormatCode(x.code) + " " + x.message + "\n";
  return out;
}

TEST_CASE("matching diagnostics carry their codes, and read in Chinese") {
  ScopedLang zh(Lang::kZh);
  const std::string two = Ind("产出指标", "数量指标", "甲", "4台") +
                          Ind("满意度指标", "服务对象满意度指标", "乙", "≥90%");
  // 乙 has no actual; 丙 is no indicator, 甲 is near enough to be suggested.
  Scored s = Score(ProjectYaml(two), ActualsBuilder("6").Value("甲", "4台").Value("乙乙乙乙", "95%").a);
  CHECK(Codes(s.diags) ==
        "JX0444 项目“测试项目”的指标“乙”没有实际完成值（指标值“≥90%”，见 t.yaml:6）：请填写实际完成值，"
        "或写“不适用”\n"
        "JX0445 “乙乙乙乙”不是项目“测试项目”的指标：请按绩效目标表写三级指标的名称或 id\n");
  // 甲's id is 乙, the name of the other (id B2): 甲 takes the entry 乙 by its
  // id, and the entry 甲 is left over: said so, not "no indicator".
  Scored by_name = Score(ProjectYaml("  - {id: 乙, level1: 产出指标, level2: 数量指标, name: 甲, "
                                     "target: 4台}\n"
                                     "  - {id: B2, level1: 满意度指标, level2: 服务对象满意度指标, "
                                     "name: 乙, target: ≥90%}\n"),
                         ActualsBuilder("6").Value("甲", "4台").Value("乙", "95%").a);
  CHECK(Codes(by_name.diags).find("JX0445 “甲”是项目“测试项目”中一个指标的名称，但这个指标已按它的 id "
                                  "取了“乙”那一项") != std::string::npos);
  Scored typo = Score(ProjectYaml(two), ActualsBuilder("6").Value("甲", "4台").Value("乙", "95%").Value("甲甲", "1台").a);
  CHECK(Codes(typo.diags) == "JX0445 “甲甲”不是项目“测试项目”的指标：是不是“甲”？\n");
  Scored na = Score(ProjectYaml(Ind("产出指标", "数量指标", "甲", "4台")),
                    ActualsBuilder("6").Value("甲", "不适用").a);
  CHECK(Codes(na.diags) == "JX0443 项目“测试项目”的所有指标都填了不适用：至少要有一个指标参与评分\n");
  Scored grade = Score(ProjectYaml(Ind("产出指标", "数量指标", "甲", "4台")),
                       ActualsBuilder("6").GradeOf("甲", Grade::kAchieved).a);
  CHECK(Codes(grade.diags) ==
        "JX0447 指标“甲”是定量指标（指标值“4台”）：实际完成值应为数值，而不是等级“达成”\n");
  Scored unit = Score(ProjectYaml(Ind("产出指标", "数量指标", "甲", "4台")),
                      ActualsBuilder("6").Value("甲", "4个").a);
  REQUIRE(unit.diags.size() == 1);
  CHECK(unit.diags.all()[0].code == 450);
  CHECK(unit.diags.all()[0].message.rfind("指标“甲”的实际完成值“4个”无法与指标值“4台”比较：", 0) == 0);
  Scored percent = Score(ProjectYaml(Ind("产出指标", "质量指标", "乙", "100%")),
                         ActualsBuilder("6").Value("乙", "0.992").a);
  CHECK(Codes(percent.diags) ==
        "JX0451 指标“乙”的实际完成值“0.992”没有单位，而指标值“100%”是百分比：请写“99.2%”（如果确实是"
        "“0.992%”，请写“0.992%”）\n");
}

TEST_CASE("amounts and deviations: codes, and the forms' words in Chinese") {
  ScopedLang zh(Lang::kZh);
  // 6.5 > 6: 超预算, a warning.
  Scored over = Score(ProjectYaml(kOneIndicator), ActualsBuilder("6.5").Value("甲", "4台").a);
  CHECK(Codes(over.diags) ==
        "JX0804 项目“测试项目”全年执行数 6.5 万元，超过年初预算数 6.00 万元（108.33%）：超预算；请核对金额；"
        "预算调整过的，请填写调整后的全年预算数（YAML 条目中写“budget:”，CSV 文件中加一行“全年预算数”）\n");
  // Against the adjusted budget the hint to give one is left out.
  Scored adjusted = Score(ProjectYaml(kOneIndicator),
                          ActualsBuilder("5.5").Budget("5").Value("甲", "4台").a);
  CHECK(Codes(adjusted.diags) ==
        "JX0804 项目“测试项目”全年执行数 5.5 万元，超过调整后的全年预算数 5.00 万元（110.00%）：超预算；"
        "请核对金额\n");
  // 9624000 / 1000 = 9624 times: written in 元.
  Scored slip = Score(ProjectYaml(kOneIndicator, "1000"),
                      ActualsBuilder("9624000").Value("甲", "4台").a);
  CHECK(Codes(slip.diags) ==
        "JX0803 全年执行数 9624000 是年初预算数 1000.00 万元的 9624 倍：是否按“元”填写了？"
        "9624000元 = 962.4万元；请写 962.4 或 9624000元\n");
  Scored with_unit = Score(ProjectYaml(kOneIndicator), ActualsBuilder("600万元").Value("甲", "4台").a);
  CHECK(Codes(with_unit.diags) ==
        "JX0803 全年执行数 600万元 是年初预算数 6.00 万元的 100 倍：请核对金额及其单位\n");
  // The parts: 5 + 1 = 6, not 5.86; one part above the total.
  Scored parts = Score(ProjectYaml(kOneIndicator),
                       ActualsBuilder("5.86").SpentParts("5", "", "1").Value("甲", "4台").a);
  CHECK(Codes(parts.diags) ==
        "JX0802 项目“测试项目”的全年执行数（spent）：当年财政拨款（5） + 其他资金（1） = 6 万元，但合计"
        "（total）为 5.86 万元：各部分之和须等于合计（未填的部分按 0 计）\n");
  Scored part = Score(ProjectYaml(kOneIndicator),
                      ActualsBuilder("5.86").SpentParts("", "6", "").Value("甲", "4台").a);
  CHECK(Codes(part.diags) ==
        "JX0802 项目“测试项目”的全年执行数（spent）：上年结转资金（6）大于合计（total，5.86 万元）\n");
  Scored money = Score(ProjectYaml(kOneIndicator), ActualsBuilder("5.86%").Value("甲", "4台").a);
  REQUIRE(money.diags.size() == 1);
  CHECK(money.diags.all()[0].code == 801);
  CHECK(money.diags.all()[0].message.rfind("项目“测试项目”的全年执行数（spent）：", 0) == 0);
  // 3 of 4: unmet, no note; 5 of 6 = 83.33% < 90%, no note.
  ActualsBuilder low("5");
  low.a.note = "";
  Scored unmet = Score(ProjectYaml(kOneIndicator), low.Value("甲", "3台", "").a);
  CHECK(Codes(unmet.diags) ==
        "JX0805 指标“甲”未达成（实际完成值 3台，指标值 4台），但没有填写偏差原因：请在说明（note）中写明"
        "偏差原因分析及改进措施\n"
        "JX0806 项目“测试项目”全年执行数 5 万元，全年预算数 6 万元（预算执行率 83.33%），低于 90%，但没有填写说明："
        "请在项目的说明（note）中写明预算执行率偏低的原因\n");
  // 6 > 4 x 1.2: over-achieved.
  Scored high = Score(ProjectYaml(kOneIndicator), ActualsBuilder("6").Value("甲", "6台", "").a);
  CHECK(Codes(high.diags) ==
        "JX0805 指标“甲”超出指标值过多，指标值可能定得过低（实际完成值 6台，指标值 4台），但没有填写偏差"
        "原因：请在说明（note）中写明偏差原因分析及改进措施\n");
}

TEST_CASE("the year and the kinds of actuals: codes in English too") {
  Scored year = Score(ProjectYaml(kOneIndicator), [] {
    ActualsBuilder b("6");
    b.Value("甲", "4台");
    b.a.year = 2023;
    return b.a;
  }());
  REQUIRE(year.diags.size() == 1);
  CHECK(year.diags.all()[0].code == 442);
  Scored date = Score(ProjectYaml(Ind("产出指标", "时效指标", "甲", "≤2024-11-30")),
                      ActualsBuilder("6").Value("甲", "5个月").a);
  REQUIRE(date.diags.size() == 1);
  CHECK(date.diags.all()[0].code == 448);
  Scored qual = Score(ProjectYaml(Ind("产出指标", "质量指标", "甲", "显著提升")),
                      ActualsBuilder("6").Value("甲", "95%").a);
  REQUIRE(qual.diags.size() == 1);
  CHECK(qual.diags.all()[0].code == 446);
}

TEST_CASE("show-work: no work is recorded unless asked") {
  std::string yaml = ProjectYaml(Ind("产出指标", "数量指标", "甲", "4台"));
  Scored s = Score(yaml, ActualsBuilder("6").Value("甲", "4台").a);
  REQUIRE(s.score);
  CHECK(!s.score->work);
}

TEST_CASE("show-work: the split, empty pools and 不适用 rescaling S/R") {
  // No 效益指标 (30): 产出 50 and 满意度 10 share 90 -> x 90/60.
  // 产出 has 3 indicators: 50 x 90/60 / 3 = 25 each; 满意度 10 x 90/60 = 15.
  // 乙 不适用: S = 90, R = 65; 甲 25 x 90/65 = 450/13 = 34.6153….
  Scored s = ScoreWithWork(ProjectYaml(Ind("产出指标", "数量指标", "甲", "4台") +
                                       Ind("产出指标", "质量指标", "乙", "100%") +
                                       Ind("产出指标", "时效指标", "丙", "≤12个月") +
                                       Ind("满意度指标", "服务对象满意度指标", "丁", "≥90%")),
                           ActualsBuilder("6")
                               .Value("甲", "4台").Value("乙", "不适用").Value("丙", "12个月")
                               .Value("丁", "88%").a);
  REQUIRE(s.score);
  REQUIRE(static_cast<bool>(s.score->work));
  const ScoreWork& w = *s.score->work;
  CHECK(!w.explicit_weights);
  CHECK(w.indicator_weight == 90);
  CHECK(w.used == 60);
  CHECK(w.redistribution == R("1.5"));
  REQUIRE(w.empty_pools.size() == 1);
  CHECK(w.empty_pools[0] == "效益指标");
  CHECK(w.all == 90);
  CHECK(w.remaining == 65);  // 90 - 25
  REQUIRE(w.indicators.size() == 4);
  const IndicatorScoreWork& jia = w.indicators[0];
  CHECK(jia.pool == "产出指标");
  CHECK(jia.pool_weight == 50);
  CHECK(jia.pool_indicators == 3);
  CHECK(jia.nominal == 25);
  CHECK(jia.formula == RatioFormula::kMet);
  CHECK(At(s, 0).weight == Rational(450) / 13);  // 25 x 90/65
  CHECK(w.indicators[1].formula == RatioFormula::kNotApplicable);
  CHECK(w.indicators[1].nominal == 25);
  // 丁: 88% against ≥90%: B / A = 88 / 90 = 44/45 = 0.9778; 15 x 90/65 = 270/13;
  // score 270/13 x 44/45 = 264/13 = 20.3076… -> 20.31.
  const IndicatorScoreWork& ding = w.indicators[3];
  CHECK(ding.pool == "满意度指标");
  CHECK(ding.nominal == 15);
  CHECK(ding.formula == RatioFormula::kPositive);
  CHECK(ding.a == 90);
  CHECK(ding.b == 88);
  CHECK(ding.raw == Rational(44) / 45);
  CHECK(At(s, 3).score == Rational(264) / 13);
  CHECK(At(s, 3).score.FormatFixed(2) == "20.31");
}

TEST_CASE("show-work: a reverse target records A, B and the formula") {
  std::string yaml = ProjectYaml(Ind("产出指标", "时效指标", "甲", "≤12个月"));
  ProjectActuals a = ActualsBuilder("6").Value("甲", "15个月").a;
  // A / B = 12 / 15 = 0.8; 90 x 0.8 = 72.
  Scored ratio = ScoreWithWork(yaml, a);
  REQUIRE(ratio.score);
  const IndicatorScoreWork& w = ratio.score->work->indicators[0];
  CHECK(w.formula == RatioFormula::kReverse);
  CHECK(w.a == 12);
  CHECK(w.b == 15);
  CHECK(w.raw == R("0.8"));
  // Linear, 30个月: 1 - (30 - 12) / 12 = -0.5, held to 0.
  Rules linear = Rules::Default();
  linear.reverse = ReverseFormula::kLinear;
  Scored lin = ScoreWithWork(yaml, ActualsBuilder("6").Value("甲", "30个月").a, linear);
  const IndicatorScoreWork& l = lin.score->work->indicators[0];
  CHECK(l.formula == RatioFormula::kReverseLinear);
  CHECK(l.raw == R("-0.5"));
  CHECK(At(lin, 0).ratio == 0);
  // A range exceeded scores as reverse against its upper bound: 10-20人 with 25人:
  // 20 / 25 = 0.8.
  Scored range = ScoreWithWork(ProjectYaml(Ind("产出指标", "数量指标", "甲", "10-20人")),
                               ActualsBuilder("6").Value("甲", "25人").a);
  REQUIRE(range.score);
  const IndicatorScoreWork& r = range.score->work->indicators[0];
  CHECK(r.formula == RatioFormula::kReverse);
  CHECK(r.a == 20);
  CHECK(r.b == 25);
  CHECK(At(range, 0).ratio == R("0.8"));
}

TEST_CASE("show-work: a qualitative grade, by the rules or as given") {
  std::string yaml = ProjectYaml(Ind("效益指标", "社会效益指标", "甲", "显著提升") +
                                 Ind("产出指标", "数量指标", "乙", "4台") +
                                 Ind("满意度指标", "服务对象满意度指标", "丙", "≥90%"));
  // 效益 30 / 1 indicator = 30; 部分达成 -> 0.6 (the rules'): 30 x 0.6 = 18.
  Scored partial = ScoreWithWork(
      yaml, ActualsBuilder("6").GradeOf("甲", Grade::kPartial).Value("乙", "4台").Value("丙", "90%").a);
  REQUIRE(partial.score);
  const IndicatorScoreWork& w = partial.score->work->indicators[0];
  CHECK(w.formula == RatioFormula::kGrade);
  CHECK(!w.grade_score_given);
  CHECK(w.nominal == 30);
  CHECK(w.pool_indicators == 1);
  CHECK(w.raw == R("0.6"));
  CHECK(At(partial, 0).score == 18);
  // Given 0.7: 30 x 0.7 = 21.
  Scored given = ScoreWithWork(yaml, ActualsBuilder("6")
                                         .GradeOf("甲", Grade::kPartial, R("0.7"))
                                         .Value("乙", "4台").Value("丙", "90%").a);
  CHECK(given.score->work->indicators[0].grade_score_given);
  CHECK(At(given, 0).score == 21);
}

TEST_CASE("show-work: explicit weights are recorded as given") {
  // 56.25 + 33.75 = S = 90; both met.
  Scored s = ScoreWithWork(ProjectYaml(Ind("产出指标", "数量指标", "甲", "4台", "56.25") +
                                       Ind("效益指标", "社会效益指标", "乙", "≥90%", "33.75")),
                           ActualsBuilder("6").Value("甲", "4台").Value("乙", "95%").a);
  REQUIRE(s.score);
  CHECK(s.score->work->explicit_weights);
  CHECK(s.score->work->indicators[0].explicit_weight);
  CHECK(s.score->work->indicators[0].nominal == R("56.25"));
  CHECK(s.score->work->indicators[0].pool.empty());
}

}  // namespace jixiao
