// The `monitor` key of a rules file (monitor_rules.h).
#include "model/monitor_rules.h"

#include <doctest/doctest.h>

#include <string>

#include "model/rules.h"
#include "model/rules_file.h"

namespace jixiao {

namespace {

Rules Parse(const std::string& text, Diagnostics* diags) {
  return ParseRules(Source{"rules.yaml", text}, Rules::Default(), YamlLimits{}, diags);
}

Diagnostic OnlyError(const Diagnostics& d) {
  REQUIRE(d.error_count() == 1);
  return d.all().front();
}

}  // namespace

TEST_CASE("monitoring's defaults: days, 0.8 and 0.6, 0.8, 0.9, 数量指标") {
  const MonitorRules m = Rules::Default().monitor;
  CHECK(m.time_progress == TimeProgressMethod::kDays);
  CHECK(m.budget_green == Rational(8) / 10);
  CHECK(m.budget_yellow == Rational(6) / 10);
  CHECK(m.pace_green == Rational(8) / 10);
  CHECK(m.pace_yellow == Rational(6) / 10);
  CHECK(m.ratio_yellow == Rational(8) / 10);
  CHECK(m.forecast_spent_threshold == Rational(9) / 10);
  CHECK(m.IsCumulative("数量指标"));
  CHECK_FALSE(m.IsCumulative("质量指标"));
}

TEST_CASE("every key of monitor is read, and the rules print it back") {
  Diagnostics d;
  Rules r = Parse("monitor:\n  time_progress: months\n  budget_green: 0.75\n"
                  "  budget_yellow: 0.5\n  pace_green: 0.9\n  pace_yellow: 0.7\n"
                  "  ratio_yellow: 0.85\n  forecast_spent_threshold: 0.95\n"
                  "  cumulative: [数量指标, 质量指标]\n",
                  &d);
  CHECK(d.empty());
  const MonitorRules& m = r.monitor;
  CHECK(m.time_progress == TimeProgressMethod::kMonths);
  CHECK(m.budget_green == Rational(3, 4));
  CHECK(m.budget_yellow == Rational(1, 2));
  CHECK(m.pace_green == Rational(9, 10));
  CHECK(m.pace_yellow == Rational(7, 10));
  CHECK(m.ratio_yellow == Rational(17, 20));
  CHECK(m.forecast_spent_threshold == Rational(19, 20));
  CHECK(m.IsCumulative("质量指标"));
  CHECK(r.name == "mof-2020+custom");  // rules that differ say so
  // What `jixiao rules` prints reads back the same.
  Diagnostics d2;
  Rules back = Parse(FormatRulesYaml(r), &d2);
  CHECK(d2.empty());
  CHECK(FormatMonitorRulesYaml(back.monitor) == FormatMonitorRulesYaml(m));
  CHECK(FormatMonitorRulesYaml(m).find("  cumulative: [数量指标, 质量指标]") != std::string::npos);
}

TEST_CASE("monitor's errors, each located with its code") {
  Diagnostics d;
  Parse("monitor:\n  time_progress: weeks\n", &d);
  CHECK(OnlyError(d).code == 590);
  CHECK(OnlyError(d).loc.line == 2);
  d = Diagnostics();
  Parse("monitor:\n  pace_green: 80\n", &d);
  CHECK(OnlyError(d).code == 591);
  CHECK(OnlyError(d).loc.column == 15);
  d = Diagnostics();
  Parse("monitor:\n  budget_green: 0.5\n", &d);  // below the default yellow 0.6
  CHECK(OnlyError(d).code == 592);
  d = Diagnostics();
  Parse("monitor:\n  pace_yellow: 0.9\n", &d);  // above the default green 0.8
  CHECK(OnlyError(d).code == 592);
  CHECK(OnlyError(d).loc.line == 2);
  d = Diagnostics();
  Parse("monitor:\n  cumulative: [数量指木]\n", &d);
  CHECK(OnlyError(d).code == 593);
  CHECK(OnlyError(d).message.find("数量指标") != std::string::npos);  // the hint
  d = Diagnostics();
  Parse("monitor:\n  cumulative: {a: b}\n", &d);
  CHECK(OnlyError(d).code == 593);
  // An error leaves the base rules as they were.
  d = Diagnostics();
  Rules r = Parse("monitor:\n  pace_green: 0.9\n  time_progress: weeks\n", &d);
  CHECK(r.monitor.pace_green == Rational(8) / 10);
}

TEST_CASE("a taxonomy added by the same file holds the cumulative 二级指标") {
  Diagnostics d;
  Rules r = Parse("taxonomy:\n  产出指标: [数量指标, 进度指标]\nmonitor:\n  cumulative: [进度指标]\n",
                  &d);
  CHECK(d.empty());
  CHECK(r.monitor.IsCumulative("进度指标"));
}

}  // namespace jixiao
