// Hand-computed cases for every rule of mid-year monitoring (docs/monitor.md).
// The arithmetic is written beside each expectation; every boundary (v
// exactly 0.8 and 0.6, p on 31 December, a leap year, a deadline on as_of
// itself) has its case.
#include "score/monitor.h"

#include <doctest/doctest.h>

#include <string>

#include "model/actuals_read.h"
#include "model/target_loader.h"

namespace jixiao {

namespace {

Date D(int y, int m, int d) { return Date{y, m, d}; }

Project LoadProject(const std::string& yaml, const Rules& rules = Rules::Default()) {
  Source src{"t.yaml", yaml};
  Diagnostics diags;
  std::optional<Project> p;
  ParseYamlStream(src, {}, &diags, [&](const YamlDocument& doc) {
    p = ReadTargetDocument(src, doc, rules, &diags);
  });
  for (const Diagnostic& d : diags.all()) MESSAGE(d.message);
  REQUIRE(p.has_value());
  return *p;
}

// A project of one or more indicators ("level1, level2, name, target" lines).
std::string TargetYaml(const std::string& indicators, const std::string& total = "10") {
  return "project: 测试项目\nyear: 2024\nbudget: {total: " + total + "}\nindicators:\n" +
         indicators;
}

std::string Ind(const std::string& level1, const std::string& level2, const std::string& name,
                const std::string& target) {
  return "  - {level1: " + level1 + ", level2: " + level2 + ", name: " + name + ", target: \"" +
         target + "\"}\n";
}

// The one entry of a progress document (as_of 2024-07-31 unless given).
ProjectActuals LoadProgress(const std::string& entry_yaml, Diagnostics* diags,
                            const std::string& as_of = "2024-07-31") {
  Source src{"p.yaml", "as_of: " + as_of + "\nprojects:\n  - project: 测试项目\n" + entry_yaml};
  std::optional<ProjectActuals> out;
  ProgressReading reading;
  ParseYamlStream(src, {}, diags, [&](const YamlDocument& doc) {
    actuals_read::ReadYamlEntries(
        src, doc, [&](ProjectActuals&& e) { out = std::move(e); }, diags, &reading);
  });
  for (const Diagnostic& d : diags->all()) MESSAGE(d.message);
  REQUIRE(out.has_value());
  return *out;
}

struct Outcome {
  std::optional<ProjectMonitor> m;
  Diagnostics diags;
  const IndicatorMonitor& Only() const {
    REQUIRE(m.has_value());
    REQUIRE(m->indicators.size() == 1);
    return m->indicators[0];
  }
  bool Warned(uint16_t code) const {
    for (const Diagnostic& d : diags.all())
      if (d.code == code && d.severity == Severity::kWarning) return true;
    return false;
  }
  bool Failed(uint16_t code) const {
    for (const Diagnostic& d : diags.all())
      if (d.code == code && d.severity == Severity::kError) return true;
    return false;
  }
};

// Monitors the project `target` against the progress entry `entry` as of
// `as_of` under `rules`.
Outcome Run(const std::string& target, const std::string& entry,
            const Date& as_of = D(2024, 7, 31), const Rules& rules = Rules::Default()) {
  Outcome o;
  Project p = LoadProject(target, rules);
  ProjectActuals a = LoadProgress(entry, &o.diags);
  AsOf date;
  date.date = as_of;
  date.loc = {"p.yaml", 1, 8};
  o.m = MonitorProject(std::move(p), a, rules, MakeMonitorRun(date, rules), &o.diags);
  return o;
}

// One indicator of the given 二级指标 (under 产出指标, or 效益指标 for a
// benefit) and target, against `progress`
// (its actual as written after the name), the budget 10 and spent 10 (green).
Outcome One(const std::string& level2, const std::string& target, const std::string& progress,
            const Date& as_of = D(2024, 7, 31), const Rules& rules = Rules::Default()) {
  const bool benefit = level2.size() > 12 && level2.compare(level2.size() - 12, 12, "效益指标") == 0;
  return Run(TargetYaml(Ind(benefit ? "效益指标" : "产出指标", level2, "指标甲", target)),
             "    spent: 10\n    indicators:\n      指标甲: " + progress + "\n", as_of, rules);
}

constexpr uint16_t kNeedsReason = 920;
constexpr uint16_t kCertainOnRed = 921;
constexpr uint16_t kForecastSpentLow = 922;

}  // namespace

TEST_CASE("time progress counts days from 1 January to as_of, both included") {
  // 2024 is a leap year: 31+29+31+30+31+30+31 = 213 days to 31 July, of 366.
  TimeProgress p = TimeProgressOf(D(2024, 7, 31), TimeProgressMethod::kDays);
  CHECK(p.elapsed == 213);
  CHECK(p.total == 366);
  CHECK(p.value == Rational(213) / 366);
  // 2023 is not: 212 of 365.
  p = TimeProgressOf(D(2023, 7, 31), TimeProgressMethod::kDays);
  CHECK(p.elapsed == 212);
  CHECK(p.total == 365);
  // 1 January is day 1: p = 1/366.
  CHECK(TimeProgressOf(D(2024, 1, 1), TimeProgressMethod::kDays).value == Rational(1) / 366);
  // 29 February is day 31 + 29 = 60; 1 March of 2023 is day 31 + 28 + 1 = 60 too.
  CHECK(TimeProgressOf(D(2024, 2, 29), TimeProgressMethod::kDays).elapsed == 60);
  CHECK(TimeProgressOf(D(2023, 3, 1), TimeProgressMethod::kDays).elapsed == 60);
  CHECK(TimeProgressOf(D(2024, 3, 1), TimeProgressMethod::kDays).elapsed == 61);
  // 31 December: p = 366/366 = 1 in a leap year, 365/365 = 1 otherwise.
  CHECK(TimeProgressOf(D(2024, 12, 31), TimeProgressMethod::kDays).value == 1);
  CHECK(TimeProgressOf(D(2023, 12, 31), TimeProgressMethod::kDays).value == 1);
  CHECK(TimeProgressOf(D(2000, 12, 31), TimeProgressMethod::kDays).total == 366);  // /400
  CHECK(TimeProgressOf(D(1900, 12, 31), TimeProgressMethod::kDays).total == 365);  // /100
}

TEST_CASE("time progress by months is the month of as_of over 12") {
  // 2024-07-31 and 2024-07-01 alike: 7/12.
  CHECK(TimeProgressOf(D(2024, 7, 31), TimeProgressMethod::kMonths).value == Rational(7) / 12);
  CHECK(TimeProgressOf(D(2024, 7, 1), TimeProgressMethod::kMonths).value == Rational(7) / 12);
  CHECK(TimeProgressOf(D(2024, 12, 31), TimeProgressMethod::kMonths).value == 1);
}

TEST_CASE("a light from a ratio: green at 0.8 and above, yellow at 0.6 and above, else red") {
  const Rational g = Rational(8) / 10, y = Rational(6) / 10;
  CHECK(LightOf(Rational(8) / 10, g, y) == Light::kGreen);  // exactly 0.8
  CHECK(LightOf(Rational(6) / 10, g, y) == Light::kYellow);  // exactly 0.6
  CHECK(LightOf(Rational(8) / 10 - Rational(1, 1000000000), g, y) == Light::kYellow);
  CHECK(LightOf(Rational(6) / 10 - Rational(1, 1000000000), g, y) == Light::kRed);
  CHECK(LightOf(Rational(3), g, y) == Light::kGreen);
  CHECK(Worse(Light::kGreen, Light::kRed) == Light::kRed);
  CHECK(Worse(Light::kYellow, Light::kGreen) == Light::kYellow);
}

TEST_CASE("budget light: v = (spent / budget) / time progress") {
  // Budget 366, as of 2024-07-31 (p = 213/366): v = (B / 366) / (213/366) = B / 213.
  const std::string target = TargetYaml(Ind("产出指标", "质量指标", "合格率", "≥90%"), "366");
  auto budget = [&](const std::string& spent) {
    return Run(target, "    spent: " + spent + "\n    indicators:\n      合格率: 95%\n");
  };
  // B = 170.4: v = 170.4 / 213 = 0.8 exactly → green.
  Outcome o = budget("170.4");
  REQUIRE(o.m);
  CHECK(o.m->rate == Rational(1704, 3660));
  CHECK(o.m->pace == Rational(8) / 10);
  CHECK(o.m->budget_light == Light::kGreen);
  CHECK(o.m->light == Light::kGreen);
  // B = 170.39: v = 170.39 / 213 = 0.799953... → yellow. At 2 decimals that
  // is "0.80", the green threshold: it is shown to 5, "0.79995".
  o = budget("170.39");
  CHECK(o.m->pace.FormatFixed(2) == "0.80");
  CHECK(o.m->budget_light == Light::kYellow);
  CHECK(o.m->pace_places == 5);
  CHECK(o.m->pace.FormatFixed(o.m->pace_places) == "0.79995");
  // B = 170.41: v = 0.800046... → green, and "0.80" says nothing wrong.
  o = budget("170.41");
  CHECK(o.m->budget_light == Light::kGreen);
  CHECK(o.m->pace_places == 2);
  // B = 127.8: v = 127.8 / 213 = 0.6 exactly → yellow; without a note, a warning.
  o = budget("127.8");
  CHECK(o.m->pace == Rational(6) / 10);
  CHECK(o.m->budget_light == Light::kYellow);
  CHECK(o.m->light == Light::kYellow);
  CHECK(o.Warned(kNeedsReason));
  // B = 127.79: v < 0.6 → red, and the project is red.
  o = budget("127.79");
  CHECK(o.m->budget_light == Light::kRed);
  CHECK(o.m->light == Light::kRed);
  // On 31 December p = 1: v is the execution rate, 292.8 / 366 = 0.8 → green.
  o = Run(target, "    spent: 292.8\n    indicators:\n      合格率: 95%\n", D(2024, 12, 31));
  CHECK(o.m->pace == Rational(8) / 10);
  CHECK(o.m->budget_light == Light::kGreen);
}

TEST_CASE("a ratio just short of the threshold that decided its light is not shown as it") {
  const Rational green(8, 10), yellow(6, 10);
  // 0.79995 rounds to 0.80 at 2 decimals, 0.8000 at 4: apart at 5.
  CHECK(PlacesApart(Rational(79995, 100000), {green, yellow}) == 5);
  // 0.7949 is "0.79" at 2 decimals: apart already.
  CHECK(PlacesApart(Rational(7949, 10000), {green, yellow}) == 2);
  // At or above a bound: 2, as the light is decided by ≥.
  CHECK(PlacesApart(Rational(8, 10), {green, yellow}) == 2);
  CHECK(PlacesApart(Rational(80004, 100000), {green, yellow}) == 2);
  // 0.599999 below yellow: "0.60" → "0.600" → ... → "0.599999", 6 decimals.
  CHECK(PlacesApart(Rational(599999, 1000000), {green, yellow}) == 6);
  // At 4 decimals (--show-work): 0.79995 is "0.8000", apart at 5; 0.7999
  // and 0.8 are apart already; 0.999996 below 1 is "1.0000", apart at 6.
  CHECK(PlacesApart(Rational(79995, 100000), {green, yellow}, 4) == 5);
  CHECK(PlacesApart(Rational(7999, 10000), {green, yellow}, 4) == 4);
  CHECK(PlacesApart(Rational(8, 10), {green, yellow}, 4) == 4);
  CHECK(PlacesApart(Rational(999996, 1000000), {Rational(1), yellow}, 4) == 6);

  // A forecast of 89.995% against ≥90%: 89.995 / 90 = 0.99994... unmet,
  // yellow (≥ 0.8). At 2 decimals "1.00", the ratio of a target met; at 4
  // "0.9999".
  const std::string target = TargetYaml(Ind("满意度指标", "服务对象满意度指标", "满意度", "≥90%"));
  Outcome o = Run(target, "    spent: 5\n    indicators:\n      满意度: {forecast: 89.995%}\n");
  REQUIRE(o.m);
  CHECK(o.Only().light == Light::kYellow);
  CHECK(o.Only().ratio_places == 4);
  CHECK(FiguresText(o.Only(), MakeMonitorRun(AsOf{D(2024, 7, 31), {}}, Rules::Default()),
                    ReverseFormula::kRatio) == "forecast 89.995% / 90% = 0.9999");
}

TEST_CASE("budget light counts time progress by months when the rules say so") {
  Rules rules = Rules::Default();
  rules.monitor.time_progress = TimeProgressMethod::kMonths;
  // Budget 12, p = 7/12: v = (B / 12) / (7/12) = B / 7; B = 5.6 gives 0.8.
  Outcome o = Run(TargetYaml(Ind("产出指标", "质量指标", "合格率", "≥90%"), "12"),
                  "    spent: 5.6\n    indicators:\n      合格率: 95%\n", D(2024, 7, 31), rules);
  REQUIRE(o.m);
  CHECK(o.m->pace == Rational(8) / 10);
  CHECK(o.m->budget_light == Light::kGreen);
}

TEST_CASE("a forecast of the year's spending under 90% of the budget needs a note") {
  const std::string target = TargetYaml(Ind("产出指标", "质量指标", "合格率", "≥90%"), "10");
  // 8.99 < 0.9 × 10 = 9: a deviation; without a note, a warning.
  Outcome o = Run(target, "    spent: 6\n    forecast_spent: 8.99\n    indicators:\n"
                          "      合格率: 95%\n");
  REQUIRE(o.m);
  CHECK(o.m->forecast_spent == Rational(899, 100));
  CHECK(o.m->forecast_spent_low);
  CHECK(o.Warned(kForecastSpentLow));
  // Exactly 9: not below.
  o = Run(target, "    spent: 6\n    forecast_spent: 9\n    indicators:\n      合格率: 95%\n");
  CHECK_FALSE(o.m->forecast_spent_low);
  CHECK_FALSE(o.Warned(kForecastSpentLow));
  // With a note, no warning; in another money unit, converted: 89900元 = 8.99万元.
  o = Run(target, "    spent: 6\n    forecast_spent: 89900元\n    note: 集中采购节约\n"
                  "    indicators:\n      合格率: 95%\n");
  CHECK(o.m->forecast_spent == Rational(899, 100));
  CHECK(o.m->forecast_spent_low);
  CHECK_FALSE(o.Warned(kForecastSpentLow));
}

TEST_CASE("forecast_spent gets the checks spent gets: a slip of unit, over budget, below spent") {
  const std::string target = TargetYaml(Ind("产出指标", "质量指标", "合格率", "≥90%"), "6");
  auto entry = [](const std::string& forecast) {
    return "    spent: 3.5\n    forecast_spent: " + forecast +
           "\n    note: 说明\n    indicators:\n      合格率: 95%\n";
  };
  // 59000 ≥ 10 × 6: written in 元 (59000元 = 5.9万元), an error.
  Outcome o = Run(target, entry("59000"));
  CHECK_FALSE(o.m.has_value());
  CHECK(o.Failed(803));
  // 7 > 6 (116.67%): an expected overspend, warned of.
  o = Run(target, entry("7"));
  REQUIRE(o.m);
  CHECK(o.Warned(804));
  CHECK_FALSE(o.Warned(923));
  // 2 < 3.5 already spent: the year's total cannot be less, warned of.
  o = Run(target, entry("2"));
  REQUIRE(o.m);
  CHECK(o.Warned(923));
  // 6, the budget itself, and 3.5, what is spent: neither.
  for (const char* f : {"6", "3.5"}) {
    o = Run(target, entry(f));
    REQUIRE(o.m);
    CHECK_FALSE(o.Warned(804));
    CHECK_FALSE(o.Warned(923));
  }
}

TEST_CASE("a cumulative forecast below the value to date is warned of, with the sum (JX0923)") {
  auto message = [](const Outcome& o) {
    for (const Diagnostic& d : o.diags.all())
      if (d.code == 923) return d.message;
    return std::string();
  };
  // 6台 done, forecast 4台 (what is still to come): the year's 10台.
  Outcome o = One("数量指标", "10台", "{value: 6台, forecast: 4台, note: 说明}");
  CHECK(message(o).find("such as 10台;") != std::string::npos);
  // 1公顷 done, forecast 10亩: 1 + 10/15 = 1.666…公顷 is no finite decimal,
  // so the sum is in the forecast's unit: 15亩 + 10亩 = 25亩.
  o = One("数量指标", "1.5公顷", "{value: 1公顷, forecast: 10亩, note: 说明}");
  CHECK(message(o).find("such as 25亩;") != std::string::npos);
  // 0.5公顷 done, forecast 1亩: 0.5 + 1/15 公顷 is not finite either, and
  // 7.5亩 + 1亩 = 8.5亩 is.
  o = One("数量指标", "1.5公顷", "{value: 0.5公顷, forecast: 1亩, note: 说明}");
  CHECK(message(o).find("such as 8.5亩;") != std::string::npos);
  // 1亩 done, forecast 1平方米 (1亩 = 2000/3平方米): the sum is no finite
  // decimal in 公顷 or 平方米, and in 亩 it is 1 + 0.0015 = 1.0015亩.
  o = One("数量指标", "1.5公顷", "{value: 1亩, forecast: 1平方米, note: 说明}");
  CHECK(message(o).find("such as 1.0015亩;") != std::string::npos);
}

TEST_CASE("a cumulative indicator is judged by its pace: v = value / (target × p)") {
  // Target 1830台, p = 213/366: v = B / (1830 × 213/366) = B / 1065.
  auto pace = [](const std::string& value) { return One("数量指标", "1830台", value); };
  // 852台: v = 852 / 1065 = 0.8 exactly → green.
  Outcome o = pace("852台");
  CHECK(o.Only().basis == Basis::kPace);
  CHECK(o.Only().ratio == Rational(8) / 10);
  CHECK(o.Only().light == Light::kGreen);
  // 639台: v = 639 / 1065 = 0.6 exactly → yellow (and needs reasons or a note).
  o = pace("639台");
  CHECK(o.Only().ratio == Rational(6) / 10);
  CHECK(o.Only().light == Light::kYellow);
  CHECK(o.Warned(kNeedsReason));
  // 638台: v = 638 / 1065 < 0.6 → red.
  o = pace("638台");
  CHECK(o.Only().light == Light::kRed);
  // The example of the docs: 2台 of 4台 on 2024-07-31, v = 2 / (4 × 213/366) = 183/213 = 0.86.
  o = One("数量指标", "4台", "2台");
  CHECK(o.Only().ratio == Rational(183, 213));
  CHECK(FiguresText(o.Only(), MakeMonitorRun(AsOf{D(2024, 7, 31), {}}, Rules::Default()),
                    ReverseFormula::kRatio) == "2台 / (4台 × 213/366) = 0.86");
  // On 31 December nothing is left to pace: 8台 of 10台 is the year's, judged
  // as at year end, 8/10 = 0.8 unmet → yellow (by pace, v = 0.8, green).
  o = One("数量指标", "10台", "8台", D(2024, 12, 31));
  CHECK(o.Only().basis == Basis::kValue);
  CHECK(o.Only().light == Light::kYellow);
  // The day before, p = 365/366: v = 8 / (10 × 365/366) = 0.802 → green.
  o = One("数量指标", "10台", "8台", D(2024, 12, 30));
  CHECK(o.Only().basis == Basis::kPace);
  CHECK(o.Only().ratio == Rational(8 * 366, 10 * 365));
  CHECK(o.Only().light == Light::kGreen);
}

TEST_CASE("only a positive quantity that is not a percentage accumulates") {
  // A percentage of a 数量指标 is judged as at year end: 72% of ≥90% is 0.8 → yellow.
  Outcome o = One("数量指标", "≥90%", "72%");
  CHECK(o.Only().basis == Basis::kValue);
  CHECK(o.Only().ratio == Rational(8) / 10);
  CHECK(o.Only().light == Light::kYellow);
  // A reverse 数量指标 too: 3次 against ≤4次 is met → green.
  o = One("数量指标", "≤4次", "3次");
  CHECK(o.Only().basis == Basis::kValue);
  CHECK(o.Only().light == Light::kGreen);
  // A 质量指标 is not cumulative unless the rules list it: 2台 of 4台 is 0.5 → red.
  o = One("质量指标", "4台", "2台");
  CHECK(o.Only().basis == Basis::kValue);
  CHECK(o.Only().ratio == Rational(1, 2));
  CHECK(o.Only().light == Light::kRed);
  Rules rules = Rules::Default();
  rules.monitor.cumulative.push_back("质量指标");
  o = One("质量指标", "4台", "2台", D(2024, 7, 31), rules);
  CHECK(o.Only().basis == Basis::kPace);
  CHECK(o.Only().light == Light::kGreen);  // 183/213 = 0.86
}

TEST_CASE("a forecast is judged as a year-end actual: met green, ratio 0.8 yellow, else red") {
  // ≥10个: 10个 met → green.
  Outcome o = One("质量指标", "≥10个", "{forecast: 10个}");
  CHECK(o.Only().basis == Basis::kForecast);
  CHECK(o.Only().met);
  CHECK(o.Only().light == Light::kGreen);
  // 8个: ratio 8/10 = 0.8 exactly → yellow.
  o = One("质量指标", "≥10个", "{forecast: 8个, reasons: [经费保障]}");
  CHECK(o.Only().ratio == Rational(8) / 10);
  CHECK(o.Only().light == Light::kYellow);
  CHECK_FALSE(o.Warned(kNeedsReason));  // it has reasons
  // 7.99个: ratio 0.799 → red.
  o = One("质量指标", "≥10个", "{forecast: 7.99个, note: 说明}");
  CHECK(o.Only().light == Light::kRed);
  // A forecast decides even for a cumulative indicator with a value: the
  // pace of 1台 of 4台 (v = 0.43, red) does not count when 4台 is forecast.
  o = One("数量指标", "4台", "{value: 1台, forecast: 4台}");
  CHECK(o.Only().basis == Basis::kForecast);
  CHECK(o.Only().light == Light::kGreen);
  // Reverse: ≤10天 forecast 12.5天 → ratio 10 / 12.5 = 0.8 → yellow.
  o = One("时效指标", "≤10天", "{forecast: 12.5天, note: 说明}");
  CHECK(o.Only().ratio == Rational(8) / 10);
  CHECK(o.Only().light == Light::kYellow);
  // Reverse under the linear formula: 1 − (12.5 − 10)/10 = 0.75 → red.
  Rules linear = Rules::Default();
  linear.reverse = ReverseFormula::kLinear;
  o = One("时效指标", "≤10天", "{forecast: 12.5天, note: 说明}", D(2024, 7, 31), linear);
  CHECK(o.Only().ratio == Rational(3, 4));
  CHECK(o.Only().light == Light::kRed);
  // Units convert as in scoring: 0.8万元 of ≥10000元 is 8000 / 10000 = 0.8 → yellow.
  o = Run(TargetYaml(Ind("效益指标", "经济效益指标", "收入", "≥10000元")),
          "    spent: 10\n    indicators:\n      收入: {forecast: 0.8万元, note: 说明}\n");
  CHECK(o.Only().ratio == Rational(8) / 10);
  CHECK(o.Only().light == Light::kYellow);
}

TEST_CASE("a value without a forecast is judged as at year end") {
  // ≥90%: 95% met → green; 72% → 72/90 = 0.8 → yellow; 71.9% → red.
  CHECK(One("质量指标", "≥90%", "95%").Only().light == Light::kGreen);
  CHECK(One("质量指标", "≥90%", "{value: 72%, note: 说明}").Only().light == Light::kYellow);
  CHECK(One("质量指标", "≥90%", "{value: 71.9%, note: 说明}").Only().light == Light::kRed);
  // A range 80%-95%: 96% is above it, ratio 95/96 ≥ 0.8 → yellow.
  Outcome o = One("质量指标", "80%-95%", "{value: 96%, note: 说明}");
  CHECK(o.Only().ratio == Rational(95, 96));
  CHECK(o.Only().light == Light::kYellow);
}

TEST_CASE("a percentage forecast or value far over its target is warned of as in eval (JX0456)") {
  // 920% against ≥90%: 920 / 90 = 10.2 times, most often 92.0%. Still judged as written.
  Outcome o = One("质量指标", "≥90%", "{forecast: 920%}");
  CHECK(o.Only().light == Light::kGreen);
  REQUIRE(o.Warned(456));
  CHECK(o.diags.all()[0].message ==
        "the forecast 920% of indicator '指标甲' is over 100% and 10.2 times its target '≥90%': "
        "was a digit added (960% for 96.0%)? check it; if it is right, give the reason in the note");
  // The value to date, in its own words.
  o = One("质量指标", "≥90%", "950%");
  REQUIRE(o.Warned(456));
  CHECK(o.diags.all()[0].message.rfind("the value to date 950% of indicator '指标甲' is over 100%", 0) == 0);
  // The indicator's note silences it, for the forecast too.
  CHECK_FALSE(One("质量指标", "≥90%", "{forecast: 920%, note: 说明}").Warned(456));
  CHECK_FALSE(One("质量指标", "≥90%", "{value: 950%, note: 说明}").Warned(456));
}

TEST_CASE("a value to date or forecast ten times its full-year target is warned of (JX0457)") {
  // 12000人次 by July against ≥1000人次 for the year: 12 times, most often
  // 1200. Still paced as written: 12000 / (1000 × 213/366) = 20.62, green.
  Outcome o = One("数量指标", "≥1000人次", "12000人次");
  CHECK(o.Only().light == Light::kGreen);
  REQUIRE(o.Warned(457));
  CHECK(o.diags.all()[0].message ==
        "the value to date 12000人次 of indicator '指标甲' is already 12 times its full-year "
        "target '≥1000人次': was a digit or a zero added (12000 for 1200)? check it; if it is "
        "right, give the reason in the note");
  // The forecast, in its own words.
  o = One("数量指标", "≥1000人次", "{forecast: 10000人次}");
  REQUIRE(o.Warned(457));
  CHECK(o.diags.all()[0].message.rfind("the forecast 10000人次 of indicator '指标甲' is 10 times", 0) == 0);
  // 9999人次 is not; a note silences it.
  CHECK_FALSE(One("数量指标", "≥1000人次", "{forecast: 9999人次}").Warned(457));
  CHECK_FALSE(One("数量指标", "≥1000人次", "{value: 12000人次, note: 说明}").Warned(457));
}

TEST_CASE("a date: completed by the deadline green, after it red") {
  const std::string deadline = "≤2024-10-31";
  CHECK(One("时效指标", deadline, "2024-06-30").Only().light == Light::kGreen);
  CHECK(One("时效指标", deadline, "2024-10-31").Only().light == Light::kGreen);  // on the day
  CHECK(One("时效指标", deadline, "{value: 2024-11-01, note: 说明}").Only().light == Light::kRed);
  // A forecast date after the deadline is red too (a date's ratio is 0).
  CHECK(One("时效指标", deadline, "{forecast: 2024-11-15, note: 说明}").Only().light ==
        Light::kRed);
}

TEST_CASE("未完成: green while as_of is on or before the deadline, red after it") {
  // Due on as_of itself (2024-07-31 ≤ 2024-07-31): still green.
  Outcome o = One("时效指标", "≤2024-07-31", "未完成");
  CHECK(o.Only().figures.kind == Figures::Kind::kNotDone);
  CHECK(o.Only().light == Light::kGreen);
  // Due the day before: overdue, red.
  o = One("时效指标", "≤2024-07-30", "{value: 未完成, note: 说明}");
  CHECK(o.Only().light == Light::kRed);
  CHECK(One("时效指标", "2024年底前", "未完成").Only().light == Light::kGreen);
}

TEST_CASE("未完成 of a \"not before\" date (≥, >) is on plan; of = reads as ≤") {
  // ≥2024-08-01 not done on 2024-07-31: not due before 1 August, green.
  Outcome o = One("时效指标", "≥2024-08-01", "未完成");
  CHECK(o.Only().light == Light::kGreen);
  CHECK(FiguresText(o.Only(), MakeMonitorRun(AsOf{D(2024, 7, 31), {}}, Rules::Default()),
                    ReverseFormula::kRatio) == "not done, 2024-07-31; target ≥2024-08-01");
  // ... nor after the date: it may still be done on any later day.
  CHECK(One("时效指标", "≥2024-03-01", "未完成").Only().light == Light::kGreen);
  CHECK(One("时效指标", ">2024-03-01", "未完成").Only().light == Light::kGreen);
  // =2024-09-01 not done on 2024-07-31: the day is to come, green; =2024-07-30 passed, red.
  o = One("时效指标", "=2024-09-01", "未完成");
  CHECK(o.Only().light == Light::kGreen);
  CHECK(FiguresText(o.Only(), MakeMonitorRun(AsOf{D(2024, 7, 31), {}}, Rules::Default()),
                    ReverseFormula::kRatio) == "not done, 2024-07-31 ≤ 2024-09-01");
  CHECK(One("时效指标", "=2024-07-30", "{value: 未完成, note: 说明}").Only().light == Light::kRed);
  // <2024-07-31 not done on 2024-07-31 itself: too late, red; <2024-08-01 green.
  CHECK(One("时效指标", "<2024-07-31", "{value: 未完成, note: 说明}").Only().light == Light::kRed);
  CHECK(One("时效指标", "<2024-08-01", "未完成").Only().light == Light::kGreen);
}

TEST_CASE("what the value to date decides, a forecast does not undo (warned: JX0926)") {
  // 未完成 with the deadline 2024-06-30 passed on 2024-07-31: red, whatever
  // the forecast; a forecast date before as_of is warned of too (JX0927).
  Outcome o = One("时效指标", "≤2024-06-30", "{value: 未完成, forecast: 2024-06-15, note: 说明}");
  CHECK(o.Only().light == Light::kRed);
  CHECK(o.Only().basis == Basis::kValue);
  CHECK(o.Only().figures.kind == Figures::Kind::kNotDone);
  CHECK(o.Warned(926));
  CHECK(o.Warned(927));
  // Done late (2024-07-15 > 2024-06-30): red, though the forecast says 06-20.
  o = One("时效指标", "≤2024-06-30", "{value: 2024-07-15, forecast: 2024-06-20, note: 说明}");
  CHECK(o.Only().light == Light::kRed);
  CHECK(o.Warned(926));
  // Done on time, with a forecast that agrees: green, no warning.
  o = One("时效指标", "≤2024-06-30", "{value: 2024-06-15, forecast: 2024-06-15}");
  CHECK(o.Only().light == Light::kGreen);
  CHECK_FALSE(o.Warned(926));
  // A time limit ≤6个月 with 7 months elapsed and not done: red, though the
  // forecast says 5个月 (shorter than the 7 elapsed: JX0927).
  o = One("时效指标", "≤6个月", "{value: 未完成, forecast: 5个月, note: 说明}");
  CHECK(o.Only().light == Light::kRed);
  CHECK(o.Warned(926));
  CHECK(o.Warned(927));
  // Not done, still in time (≤2024-10-31): the forecast decides, 11-15 late → red.
  o = One("时效指标", "≤2024-10-31", "{value: 未完成, forecast: 2024-11-15, note: 说明}");
  CHECK(o.Only().light == Light::kRed);
  CHECK(o.Only().basis == Basis::kForecast);
  CHECK_FALSE(o.Warned(926));
  CHECK_FALSE(o.Warned(927));
  // ... and 09-30, by the deadline → green, as forecast.
  o = One("时效指标", "≤2024-10-31", "{value: 未完成, forecast: 2024-09-30}");
  CHECK(o.Only().light == Light::kGreen);
  CHECK(o.Only().basis == Basis::kForecast);
}

TEST_CASE("a count over its cap by as_of decides the year: it only grows") {
  // 安全事故 ≤2起, 3起 by 2024-07-31: a forecast of 0起 (what is still to
  // come) cannot be the year's, which ends at 3起 or more: the value is
  // judged as at year end, unmet, ratio A/B = 2/3 = 0.67 < 0.8: red; the
  // forecast below the value to date is warned of (JX0923, not JX0926 too).
  Outcome o = One("数量指标", "≤2起", "{value: 3起, forecast: 0起, note: 说明}");
  CHECK(o.Only().light == Light::kRed);
  CHECK(o.Only().basis == Basis::kValue);
  CHECK(o.Only().ratio == Rational(2, 3));
  CHECK(o.Warned(923));
  CHECK_FALSE(o.Warned(926));
  // ≤5起 with 6起: ratio 5/6 = 0.83 ≥ 0.8: yellow, still decided.
  o = One("数量指标", "≤5起", "{value: 6起, forecast: 4起, note: 说明}");
  CHECK(o.Only().light == Light::kYellow);
  CHECK(o.Only().basis == Basis::kValue);
  CHECK(o.Warned(923));
  // 有可能 leaves the decided red as it is.
  o = One("数量指标", "≤2起", "{value: 3起, likelihood: 有可能, note: 说明}");
  CHECK(o.Only().light == Light::kRed);
  // Within the cap, a forecast below the value to date is warned of too:
  // 1起 done, forecast 0起, such as 1起.
  o = One("数量指标", "≤2起", "{value: 1起, forecast: 0起}");
  CHECK(o.Only().light == Light::kGreen);
  CHECK(o.Warned(923));
  // 0起 (exactly none) with 1起: red; 确定能 cannot change it (JX0921 on red).
  o = One("数量指标", "0起", "{value: 1起, likelihood: 确定能, note: 说明}");
  CHECK(o.Only().light == Light::kRed);
  CHECK(o.Warned(921));
  // Over the cap with a forecast of more (11起 done, 14起 expected, ≤10起):
  // the forecast is the year's end, 10/14 = 0.71 → red, not the 10/11 =
  // 0.91 (yellow) of the value; nothing to warn of.
  o = One("数量指标", "≤10起", "{value: 11起, forecast: 14起, note: 说明}");
  CHECK(o.Only().basis == Basis::kForecast);
  CHECK(o.Only().ratio == Rational(10, 14));
  CHECK(o.Only().light == Light::kRed);
  CHECK_FALSE(o.Warned(926));
  // ... and one of exactly the value: the same figure either way, by the forecast.
  o = One("数量指标", "≤10起", "{value: 11起, forecast: 11起, note: 说明}");
  CHECK(o.Only().basis == Basis::kForecast);
  CHECK(o.Only().light == Light::kYellow);  // 10/11 = 0.91
  // Within the cap so far (1起 ≤ 2起): the forecast decides, as ever.
  o = One("数量指标", "≤2起", "{value: 1起, forecast: 3起, note: 说明}");
  CHECK(o.Only().basis == Basis::kForecast);
  CHECK(o.Only().light == Light::kRed);  // 2/3 = 0.67 < 0.8
  CHECK_FALSE(o.Warned(926));
  // Not a count: a rate (≤5% in 数量指标) may fall again. The forecast decides.
  o = One("数量指标", "≤5%", "{value: 6%, forecast: 4%}");
  CHECK(o.Only().basis == Basis::kForecast);
  CHECK(o.Only().light == Light::kGreen);
  // A cost capped in money is spent and only grows, as a count does: 120万元
  // by 31 July against ≤100万元, forecast 95万元 → by the value,
  // 100 / 120 = 0.83 ≥ 0.8 → yellow; the forecast below the value is JX0923.
  o = One("成本指标", "≤100万元", "{value: 120万元, forecast: 95万元}");
  CHECK(o.Only().basis == Basis::kValue);
  CHECK(o.Only().light == Light::kYellow);
  CHECK(o.Warned(923));
  // 2021's 一级 成本指标 too: 130万元 → 100 / 130 = 0.77 < 0.8 → red.
  o = Run(TargetYaml(Ind("成本指标", "经济成本指标", "指标甲", "≤100万元")),
          "    spent: 10\n    indicators:\n      指标甲: {value: 130万元, forecast: 95万元}\n");
  CHECK(o.Only().basis == Basis::kValue);
  CHECK(o.Only().light == Light::kRed);
  // A cost per unit may fall again: 520元/人 by July, forecast 480元/人 → the
  // forecast decides, 480 ≤ 500 → green.
  o = One("成本指标", "≤500元/人", "{value: 520元/人, forecast: 480元/人}");
  CHECK(o.Only().basis == Basis::kForecast);
  CHECK(o.Only().light == Light::kGreen);
}

TEST_CASE("a time limit's time taken decides it too; so does a likelihood not") {
  // 5个月 taken of ≤12个月 by 2024-07-31 (7 elapsed): done, green, whatever
  // the forecast 14个月 says (JX0926).
  Outcome o = One("时效指标", "≤12个月", "{value: 5个月, forecast: 14个月, note: 说明}");
  CHECK(o.Only().light == Light::kGreen);
  CHECK(o.Only().basis == Basis::kValue);
  CHECK(o.Warned(926));
  // 8个月 of ≤6个月: longer than the 7 elapsed (JX0924), so not done, and 7 > 6
  // has passed the limit: red, though the forecast says 5个月.
  o = One("时效指标", "≤6个月", "{value: 8个月, forecast: 5个月, note: 说明}");
  CHECK(o.Only().light == Light::kRed);
  CHECK(o.Only().figures.kind == Figures::Kind::kNotDone);
  CHECK(o.Warned(924));
  CHECK(o.Warned(926));
  // 10个月 of ≤12个月: not done yet (JX0924), the limit still to come: the
  // forecast decides, 11个月 ≤ 12个月 green.
  o = One("时效指标", "≤12个月", "{value: 10个月, forecast: 11个月}");
  CHECK(o.Only().light == Light::kGreen);
  CHECK(o.Only().basis == Basis::kForecast);
  CHECK_FALSE(o.Warned(926));
  // Done on time (2024-06-10 ≤ 2024-06-15): 有可能 does not make it yellow (JX0926).
  o = One("时效指标", "≤2024-06-15", "{value: 2024-06-10, likelihood: 有可能}");
  CHECK(o.Only().light == Light::kGreen);
  CHECK(o.Only().adjustment == Adjustment::kNone);
  CHECK(o.Warned(926));
  // Still to come, 有可能 applies as ever: green → yellow.
  o = One("时效指标", "≤2024-10-31", "{value: 未完成, likelihood: 有可能, note: 说明}");
  CHECK(o.Only().light == Light::kYellow);
  CHECK_FALSE(o.Warned(926));
}

TEST_CASE("JX0927 compares a time forecast with the time elapsed to the day") {
  // On 2024-07-01, 6 months and 1/31 have passed: 6.5个月 is still possible,
  // 6个月 is not.
  CHECK_FALSE(One("时效指标", "≤12个月", "{value: 未完成, forecast: 6.5个月}", D(2024, 7, 1))
                  .Warned(927));
  CHECK(One("时效指标", "≤12个月", "{value: 未完成, forecast: 6个月}", D(2024, 7, 1)).Warned(927));
  // On 2024-07-31, 7 months: 7个月 possible (done today), 6.9个月 not.
  CHECK_FALSE(One("时效指标", "≤12个月", "{value: 未完成, forecast: 7个月}").Warned(927));
  CHECK(One("时效指标", "≤12个月", "{value: 未完成, forecast: 6.9个月}").Warned(927));
}

TEST_CASE("an = date reads as its deadline (≤) in the figures") {
  Outcome o = One("时效指标", "=2024-09-01", "2024-07-01");
  CHECK(o.Only().light == Light::kGreen);
  CHECK(FiguresText(o.Only(), MakeMonitorRun(AsOf{D(2024, 7, 31), {}}, Rules::Default()),
                    ReverseFormula::kRatio) == "2024-07-01 ≤ 2024-09-01");
}

TEST_CASE("a value not exact in the target's unit is shown as written") {
  const MonitorRun run = MakeMonitorRun(AsOf{D(2024, 7, 31), {}}, Rules::Default());
  // 10个月 = 10/12年 = 0.8333…年: shown as 10个月, judged exactly (10/12 ≤ 1).
  Outcome o = One("时效指标", "≤1年", "{value: 未完成, forecast: 10个月}");
  CHECK(o.Only().light == Light::kGreen);
  CHECK(FiguresText(o.Only(), run, ReverseFormula::kRatio) == "forecast 10个月 ≤ 1年");
  // 7 months elapsed = 7/12年 against ≤0.5年: shown as 7个月, red.
  o = One("时效指标", "≤0.5年", "{value: 未完成, note: 说明}");
  CHECK(o.Only().light == Light::kRed);
  CHECK(FiguresText(o.Only(), run, ReverseFormula::kRatio) == "not done, 7个月 elapsed > 0.5年");
  // 6个月 = 0.5年 exactly: in the target's unit, as before.
  o = One("时效指标", "≤1年", "{value: 未完成, forecast: 6个月}");
  CHECK(FiguresText(o.Only(), run, ReverseFormula::kRatio) == "forecast 0.5年 ≤ 1年");
}

TEST_CASE("a time limit's time elapsed is counted to the day") {
  // On 2024-07-10: 6 + 10/31 = 6.32 months (not 7): ≤6.6个月 未完成 is green,
  // ≤6.3个月 red (6.32 > 6.3).
  const Date july10 = D(2024, 7, 10);
  Outcome o = One("时效指标", "≤6.6个月", "未完成", july10);
  CHECK(o.Only().light == Light::kGreen);
  CHECK(FiguresText(o.Only(), MakeMonitorRun(AsOf{july10, {}}, Rules::Default()),
                    ReverseFormula::kRatio) == "not done, 6个月10天 elapsed ≤ 6.6个月");
  CHECK(One("时效指标", "≤6.3个月", "{value: 未完成, note: 说明}", july10).Only().light ==
        Light::kRed);
  // A time taken of 6.9个月 is more than the 6.32 elapsed: JX0924 (it was
  // compared with 7 months and passed).
  CHECK(One("时效指标", "≤12个月", "6.9个月", july10).Warned(924));
  CHECK_FALSE(One("时效指标", "≤12个月", "6.3个月", july10).Warned(924));
  // In days, 10 July is day 192 of 2024.
  CHECK(One("时效指标", "≤200天", "未完成").Only().light == Light::kRed);  // 213 > 200
  CHECK(One("时效指标", "≤200天", "未完成", july10).Only().light == Light::kGreen);
}

TEST_CASE("a time taken beyond the time elapsed, within the limit, reads as expected") {
  const MonitorRun run = MakeMonitorRun(AsOf{D(2024, 7, 31), {}}, Rules::Default());
  // 13个月 as of 31 July (7 elapsed ≤ 12): not done, expected to take 13
  // months — 12 / 13 = 0.92, yellow, by forecast.
  Outcome o = One("时效指标", "≤12个月", "{value: 13个月, note: 预计工期}");
  CHECK(o.Warned(924));
  CHECK(o.Only().light == Light::kYellow);
  CHECK(o.Only().basis == Basis::kForecast);
  CHECK(FiguresText(o.Only(), run, ReverseFormula::kRatio) == "forecast 12个月 / 13个月 = 0.92");
  // Appended after what a line holds already, the template's text around
  // the figures ("forecast {0}") and all.
  std::string line = "完成时限：";
  AppendFiguresText(o.Only(), run, ReverseFormula::kRatio, &line);
  CHECK(line == "完成时限：forecast 12个月 / 13个月 = 0.92");
  // 9个月 against ≤6个月: the limit has passed (7 > 6): not done, red.
  o = One("时效指标", "≤6个月", "{value: 9个月, note: 预计工期}");
  CHECK(o.Only().light == Light::kRed);
  CHECK(FiguresText(o.Only(), run, ReverseFormula::kRatio) == "not done, 7个月 elapsed > 6个月");
  // With a forecast, the forecast decides: 11个月 ≤ 12个月, green.
  o = One("时效指标", "≤12个月", "{value: 13个月, forecast: 11个月}");
  CHECK(o.Only().light == Light::kGreen);
}

TEST_CASE("a time limit's time taken longer than the time elapsed is warned of (JX0924)") {
  // 10个月 on 2024-07-31, 7 months in: not done yet, written as done.
  CHECK(One("时效指标", "≤12个月", "10个月").Warned(924));
  CHECK(One("时效指标", "≤12个月", "1年").Warned(924));  // 1年 = 12个月
  // 7个月 is the time elapsed itself: possible.
  CHECK_FALSE(One("时效指标", "≤12个月", "7个月").Warned(924));
  // In days: 214天 > 213 (day of 31 July 2024), 213天 not.
  CHECK(One("时效指标", "≤300天", "214天").Warned(924));
  CHECK_FALSE(One("时效指标", "≤300天", "213天").Warned(924));
}

TEST_CASE("不适用 with a forecast or a likelihood is an error (JX0908)") {
  Outcome o = One("数量指标", "4台", "{value: 不适用, likelihood: 完全不可能, reasons: [经费保障]}");
  CHECK_FALSE(o.m.has_value());
  CHECK(o.Failed(908));
  o = One("数量指标", "4台", "{value: 不适用, forecast: 3台}");
  CHECK_FALSE(o.m.has_value());
  CHECK(o.Failed(908));
  // With reasons and a note only, it stands (the note says why).
  o = Run(TargetYaml(Ind("产出指标", "数量指标", "甲", "4台") + Ind("产出指标", "数量指标", "乙", "4台")),
          "    spent: 10\n    indicators:\n      甲: {value: 不适用, reasons: [其他], note: 本年未开展}\n"
          "      乙: 4台\n");
  REQUIRE(o.m.has_value());
  CHECK(o.m->indicators[0].not_applicable);
}

TEST_CASE("JX0920 on a light the likelihood gave says so") {
  // 95% ≥ 90% is green by the figures; 有可能 makes it yellow.
  Outcome o = One("质量指标", "≥90%", "{value: 95%, likelihood: 有可能}");
  REQUIRE(o.Only().light == Light::kYellow);
  bool said = false;
  for (const Diagnostic& d : o.diags.all()) {
    if (d.code == kNeedsReason) {
      CHECK(d.message.find("95% ≥ 90%; likely: green → yellow") != std::string::npos);
      said = true;
    }
  }
  CHECK(said);
}

TEST_CASE("an exact amount missed upward shows >: 1起 against 0起") {
  Outcome o = One("社会效益指标", "0起", "{value: 1起, note: 说明}");
  CHECK(o.Only().light == Light::kRed);
  CHECK(FiguresText(o.Only(), MakeMonitorRun(AsOf{D(2024, 7, 31), {}}, Rules::Default()),
                    ReverseFormula::kRatio) == "1起 > 0起");
}

TEST_CASE("未完成 against a time limit counts the time elapsed since 1 January") {
  // As of 2024-07-31, 7 months have elapsed: ≤7个月 green, ≤6个月 red.
  CHECK(One("时效指标", "≤7个月", "未完成").Only().light == Light::kGreen);
  CHECK(One("时效指标", "≤12个月", "未完成").Only().light == Light::kGreen);
  CHECK(One("时效指标", "≤1年", "未完成").Only().light == Light::kGreen);  // 1年 = 12个月
  CHECK(One("时效指标", "≤6个月", "{value: 未完成, note: 说明}").Only().light == Light::kRed);
  // ≤213天: day 213 → green; ≤212天 → red.
  CHECK(One("时效指标", "≤213天", "未完成").Only().light == Light::kGreen);
  CHECK(One("时效指标", "≤212天", "{value: 未完成, note: 说明}").Only().light == Light::kRed);
}

TEST_CASE("未完成 for an indicator that is neither a date nor a time limit is an error") {
  Outcome o = One("数量指标", "4台", "未完成");
  CHECK_FALSE(o.m.has_value());
  CHECK(o.Failed(909));
}

TEST_CASE("a grade: 达成 green, 部分达成 yellow, 未达成 red, as value or forecast") {
  const std::string t = "显著提升";
  CHECK(One("社会效益指标", t, "达成").Only().light == Light::kGreen);
  CHECK(One("社会效益指标", t, "{grade: 部分达成, note: 说明}").Only().light == Light::kYellow);
  CHECK(One("社会效益指标", t, "{grade: 未达成, note: 说明}").Only().light == Light::kRed);
  CHECK(One("社会效益指标", t, "{forecast: 部分达成, note: 说明}").Only().light ==
        Light::kYellow);
}

TEST_CASE("likelihood: 完全不可能 makes red, 有可能 makes green yellow, 确定能 changes nothing") {
  Adjustment a;
  CHECK(AdjustForLikelihood(Light::kGreen, Likelihood::kImpossible, &a) == Light::kRed);
  CHECK(a == Adjustment::kImpossible);
  CHECK(AdjustForLikelihood(Light::kYellow, Likelihood::kImpossible, &a) == Light::kRed);
  CHECK(AdjustForLikelihood(Light::kRed, Likelihood::kImpossible, &a) == Light::kRed);
  CHECK(a == Adjustment::kNone);
  CHECK(AdjustForLikelihood(Light::kGreen, Likelihood::kLikely, &a) == Light::kYellow);
  CHECK(a == Adjustment::kLikely);
  CHECK(AdjustForLikelihood(Light::kYellow, Likelihood::kLikely, &a) == Light::kYellow);
  CHECK(a == Adjustment::kNone);
  CHECK(AdjustForLikelihood(Light::kRed, Likelihood::kLikely, &a) == Light::kRed);
  CHECK(AdjustForLikelihood(Light::kGreen, Likelihood::kCertain, &a) == Light::kGreen);
  CHECK(AdjustForLikelihood(Light::kRed, Likelihood::kCertain, &a) == Light::kRed);
  CHECK(a == Adjustment::kCertainOnRed);
  CHECK(AdjustForLikelihood(Light::kYellow, std::nullopt, &a) == Light::kYellow);
}

TEST_CASE("likelihood applies after the figures, and 确定能 on red is warned about") {
  // Met, but 有可能: yellow.
  Outcome o = One("质量指标", "≥90%", "{value: 95%, likelihood: 有可能, reasons: 人员保障}");
  CHECK(o.Only().judged == Light::kGreen);
  CHECK(o.Only().light == Light::kYellow);
  // Met, but 完全不可能 (also written 'impossible'): red.
  o = One("质量指标", "≥90%", "{value: 95%, likelihood: impossible, reasons: [其他]}");
  CHECK(o.Only().light == Light::kRed);
  CHECK(o.m->light == Light::kRed);
  // 50% of ≥90% is 0.56 → red, and 确定能 does not make it better: a warning.
  o = One("质量指标", "≥90%", "{value: 50%, likelihood: 确定能, note: 说明}");
  CHECK(o.Only().light == Light::kRed);
  CHECK(o.Only().adjustment == Adjustment::kCertainOnRed);
  CHECK(o.Warned(kCertainOnRed));
}

TEST_CASE("every yellow or red item needs reasons or a note") {
  CHECK(One("质量指标", "≥90%", "72%").Warned(kNeedsReason));
  CHECK_FALSE(One("质量指标", "≥90%", "{value: 72%, reasons: 经费保障}").Warned(kNeedsReason));
  CHECK_FALSE(One("质量指标", "≥90%", "{value: 72%, note: 说明}").Warned(kNeedsReason));
  CHECK_FALSE(One("质量指标", "≥90%", "95%").Warned(kNeedsReason));
}

TEST_CASE("the project's light is the worst of its budget's and its indicators'; 不适用 has none") {
  Outcome o = Run(TargetYaml(Ind("产出指标", "质量指标", "甲", "≥90%") +
                         Ind("产出指标", "质量指标", "乙", "≥90%") +
                         Ind("产出指标", "质量指标", "丙", "≥90%")),
                  "    spent: 10\n    indicators:\n      甲: 95%\n"
                  "      乙: {value: 72%, note: 说明}\n      丙: 不适用\n");
  REQUIRE(o.m);
  CHECK(o.m->budget_light == Light::kGreen);  // (10/10) / (213/366) = 1.72
  CHECK(o.m->lights[0] == 1);
  CHECK(o.m->lights[1] == 1);
  CHECK(o.m->lights[2] == 0);
  CHECK(o.m->not_applicable == 1);
  CHECK(o.m->indicators[2].not_applicable);
  CHECK(o.m->light == Light::kYellow);
  // Every indicator 不适用 is an error, as in eval (JX0443): no light at all,
  // not the budget's alone.
  o = Run(TargetYaml(Ind("产出指标", "质量指标", "甲", "≥90%") +
                     Ind("产出指标", "质量指标", "乙", "≥90%")),
          "    spent: 10\n    indicators:\n      甲: 不适用\n      乙: 不适用\n");
  CHECK_FALSE(o.m.has_value());
  CHECK(o.Failed(443));
  CHECK(o.diags.error_count() == 1);
}

TEST_CASE("as_of outside the project's year is an error; the project is not monitored") {
  Outcome o = One("质量指标", "≥90%", "95%", D(2025, 7, 31));
  CHECK_FALSE(o.m.has_value());
  CHECK(o.Failed(903));
}

TEST_CASE("a value or forecast that cannot be judged against its target is an error") {
  // 4个 against 4台: a different counter.
  Outcome o = One("数量指标", "4台", "{forecast: 4个}");
  CHECK_FALSE(o.m.has_value());
  CHECK(o.diags.error_count() == 1);
  CHECK(o.diags.all()[0].loc.line == 6);  // at the forecast
  // A grade as the value of a quantity.
  CHECK_FALSE(One("数量指标", "4台", "达成").m.has_value());
}

TEST_CASE("the summary counts projects by light and by department") {
  MonitorSummary s;
  ProjectMonitor a, b, c;
  a.project.department_code = "1";
  a.light = Light::kRed;
  a.lights[0] = 3;
  a.lights[2] = 1;
  b.project.department_code = "2";
  b.light = Light::kGreen;
  b.lights[0] = 2;
  b.not_applicable = 1;
  c.project.department_code = "1";
  c.light = Light::kYellow;
  for (const ProjectMonitor* m : {&a, &b, &c}) s.Add(*m);
  CHECK(s.projects == 3);
  CHECK(s.lights[0] == 1);
  CHECK(s.lights[1] == 1);
  CHECK(s.lights[2] == 1);
  CHECK(s.indicator_lights[0] == 5);
  CHECK(s.indicator_lights[2] == 1);
  CHECK(s.not_applicable == 1);
  REQUIRE(s.departments.size() == 2);
  CHECK(s.departments[0].code == "1");
  CHECK(s.departments[0].projects == 2);
  CHECK(s.departments[0].lights[1] == 1);
  CHECK(s.departments[0].lights[2] == 1);
}

}  // namespace jixiao
