// Mid-year monitoring (绩效运行监控, 财预〔2019〕136号; docs/monitor.md): the
// lights of a project's progress — its budget execution against the time
// elapsed, and each indicator's forecast, pace or value — as of a date.
//
// Pure: no I/O. Every figure is exact (Rational): a threshold of 0.8 is a
// threshold on the exact ratio, never on a rounded one.
#ifndef JIXIAO_SCORE_MONITOR_H_
#define JIXIAO_SCORE_MONITOR_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/exact.h"
#include "model/actuals.h"
#include "model/model.h"
#include "model/progress.h"
#include "model/rules.h"
#include "model/value.h"

namespace jixiao {

// Green < yellow < red: a worse light is a larger one.
enum class Light : uint8_t { kGreen = 0, kYellow = 1, kRed = 2 };
inline constexpr int kLightCount = 3;
// "green", "yellow", "red": the stable names of machine formats.
const char* LightKey(Light l);
inline Light Worse(Light a, Light b) { return a < b ? b : a; }
// "绿", "黄", "红" (green, yellow, red in English): the word of a report.
std::string LightWord(Light l);

// The light of a ratio `v`: green when v >= green, yellow when v >= yellow,
// red below.
Light LightOf(const Rational& v, const Rational& green, const Rational& yellow);

// Days of `year` (365 or 366), and the day of the year of `d` (1 January is 1).
int DaysInYear(int year);
// Days in the month of `d` (29 in February of a leap year).
int DaysInMonth(const Date& d);
int DayOfYear(const Date& d);

// 时间进度 p as of a date: elapsed / total, with the figures shown.
struct TimeProgress {
  int elapsed = 0;  // days from 1 January to as_of, both included; or the month of as_of
  int total = 0;    // days in the year; or 12
  Rational value;   // elapsed / total
};
TimeProgress TimeProgressOf(const Date& as_of, TimeProgressMethod method);

// What one monitoring run is for.
struct MonitorRun {
  AsOf as_of;               // the date (and where it is written; no file for --as-of)
  TimeProgressMethod method = TimeProgressMethod::kDays;
  TimeProgress progress;    // TimeProgressOf(as_of.date, method)
};
MonitorRun MakeMonitorRun(const AsOf& as_of, const Rules& rules);

// What decided an indicator's light.
enum class Basis : uint8_t {
  kForecast,  // its forecast for the year, judged as a year-end actual
  kPace,      // a cumulative indicator's value to date against the time elapsed
  kValue,     // its value to date judged as at year end
};
const char* BasisKey(Basis b);  // "forecast", "pace", "value"

// What the likelihood did to the light the figures gave.
enum class Adjustment : uint8_t {
  kNone,
  kImpossible,    // 完全不可能: red
  kLikely,        // 有可能: green made yellow
  kCertainOnRed,  // 确定能 on red: kept red (and warned about)
};

// The figures judged, for the reports (as_of, the target's unit and
// comparator are the run's and the indicator's).
struct Figures {
  enum class Kind : uint8_t {
    kQuantity,  // b against the target a (a range: [a, upper]), in the target's unit
    kDate,      // a completion date against the deadline
    kNotDone,   // 未完成: as_of (a date target), or the time elapsed (a time limit), against it
    kGrade,     // a qualitative grade
  };
  Kind kind = Kind::kQuantity;
  Rational b;                    // kQuantity: the value judged; kNotDone (a time limit): elapsed
  Rational a;                    // the target's figure (its lower bound for a range)
  std::optional<Rational> upper; // a range's upper bound
  std::string unit;              // the target's unit ("" none)
  // b as written (a time limit's time elapsed: "7个月", "6个月10天", "213天"),
  // kept when b in the target's unit is not a decimal of at most 6 places:
  // the figures then show "10个月 ≤ 1年", not "0.833333年 ≤ 1年". "" none.
  std::string b_text;
  Comparator cmp = Comparator::kGe;
  bool range = false;
  Date date;                     // kDate: the date judged; kNotDone: as_of
  Date deadline;                 // kDate, kNotDone of a date target
  bool time_limit = false;       // kNotDone: against a time limit (≤12个月) rather than a date
  Grade grade = Grade::kAchieved;  // kGrade
};

struct IndicatorMonitor {
  size_t index = 0;              // of the indicator in ProjectMonitor::project.indicators
  std::string value_text;        // 1-X月执行情况 as written (a grade given as grade:), "" none
  std::string forecast_text;     // 全年预计完成情况 as written, "" none
  std::optional<Likelihood> likelihood;
  unsigned reasons = 0;          // Reason bits (progress.h)
  std::string note;
  Location loc;                  // the indicator's place in the progress file
  bool not_applicable = false;   // 不适用: no light
  Basis basis = Basis::kValue;
  Figures figures;
  bool met = false;              // kForecast, kValue: the figure judged meets the target
  Rational ratio;                // kPace: v; otherwise the ratio as scored (1 when met)
  int ratio_places = 2;          // the decimals ratio is shown with (PlacesApart)
  Light judged = Light::kGreen;  // the light of the figures
  Adjustment adjustment = Adjustment::kNone;
  Light light = Light::kGreen;   // after the likelihood (meaningless when not_applicable)
};

// The light after the likelihood (完成目标可能性) of `judged`, the light of the
// figures: 完全不可能 makes any light red; 有可能 makes green yellow; 确定能
// changes nothing (on red it is a claim the figures contradict:
// kCertainOnRed). *adjustment says what was done.
Light AdjustForLikelihood(Light judged, std::optional<Likelihood> likelihood,
                          Adjustment* adjustment);

// What the likelihood did to the light of `im`: "有可能：绿 → 黄",
// "完全不可能：黄 → 红", "确定能：与数字不符"; "" when it changed nothing.
std::string AdjustmentText(const IndicatorMonitor& im);

// The figures that decided the light of `im`, in the run's language:
// "2台 / (4台 × 213/366) = 0.86" (pace), "预计 3台 / 4台 = 0.75" (a forecast
// short of its target), "100% ≥ 100%", "2024-06-30 ≤ 2024-12-31", "未完成，
// 截至 2024-07-31 ≤ 2024-12-31", "部分达成". Ratios are shown to
// im.ratio_places decimals;
// `reverse` is the rules' formula of an unmet reverse target.
std::string FiguresText(const IndicatorMonitor& im, const MonitorRun& run,
                        ReverseFormula reverse);
// FiguresText(im, run, reverse) appended to *out.
void AppendFiguresText(const IndicatorMonitor& im, const MonitorRun& run, ReverseFormula reverse,
                       std::string* out);

// The decimals, `places` or more, at which `v` is written apart from each
// of `bounds` it is below (Rational::FormatFixedApart): a ratio just short
// of the threshold that decided its light is never written as it. 0.79995
// below a green threshold of 0.8 is "0.79995", not "0.80"; 0.99996 of a
// target missed is not "1.00". Above a bound, `places` (0.80004 is "0.80").
// Reports write ratios to 2 places, --show-work to 4.
int PlacesApart(const Rational& v, std::initializer_list<Rational> bounds, int places = 2);

struct ProjectMonitor {
  Project project;
  Rational spent;                // 执行数 to date B_t, in the project's unit
  std::string spent_text;        // as written
  FundingFigures spent_parts;    // B_t and its parts
  Rational budget;               // A: the entry's adjusted budget, else the target's total
  std::optional<FundingFigures> adjusted;
  Rational rate;                 // B_t / A
  Rational pace;                 // rate / p
  int pace_places = 2;           // the decimals pace is shown with (PlacesApart)
  Light budget_light = Light::kGreen;
  std::optional<Rational> forecast_spent;  // 全年预计执行数, in the project's unit
  std::string forecast_spent_text;
  bool forecast_spent_low = false;  // below forecast_spent_threshold x A
  std::string note;              // the entry's
  std::string achieved;          // the entry's 1-X月执行情况 of the goals (achieved), may be ""
  Location actuals_loc;          // where the entry starts
  Location spent_loc;            // where its spending is (the entry, when not known)
  std::vector<IndicatorMonitor> indicators;
  Light light = Light::kGreen;   // the worst of the budget's and the indicators'
  int lights[kLightCount] = {};  // indicators by light
  int not_applicable = 0;
};

// The lights of `p` against its progress entry `actuals` as of `run`.
// Matching problems are errors as for scoring (MatchProject), and so is an
// as_of outside the project's year, a value or forecast that cannot be
// judged against its target, and 未完成 for an indicator that is neither a
// date nor a time limit: the project is then not monitored (nullopt).
// Items that are yellow or red without reasons or a note, 确定能 on a red
// light, and a forecast of spending below the threshold without a note are
// warnings.
std::optional<ProjectMonitor> MonitorProject(Project p, const ProjectActuals& actuals,
                                             const Rules& rules, const MonitorRun& run,
                                             Diagnostics* diags);

// What a run's counts take of a project: its lights and its department.
struct MonitorDigest {
  Light light = Light::kGreen;
  int lights[kLightCount] = {};
  int not_applicable = 0;
  std::string department_code;
  std::string department_name;

  static MonitorDigest Of(const ProjectMonitor& m);
};

// A run's counts: projects and indicators by light, and by department.
struct MonitorSummary {
  struct Department {
    std::string code;
    std::string name;
    size_t projects = 0;
    size_t lights[kLightCount] = {};
  };
  size_t projects = 0;
  size_t lights[kLightCount] = {};            // projects by light
  size_t indicator_lights[kLightCount] = {};  // indicators by light
  size_t not_applicable = 0;                  // indicators 不适用
  std::vector<Department> departments;        // in order of first appearance

  void Add(const ProjectMonitor& m) { Add(MonitorDigest::Of(m)); }
  void Add(const MonitorDigest& m);

 private:
  std::map<std::string, size_t> department_index_;
};

}  // namespace jixiao

#endif  // JIXIAO_SCORE_MONITOR_H_
