// The rules of mid-year monitoring (docs/monitor.md): the thresholds of the
// lights, how time progress is counted, and which 二级指标 accumulate over
// the year. Part of the rules (rules.h) as its `monitor` key.
#ifndef JIXIAO_MODEL_MONITOR_RULES_H_
#define JIXIAO_MODEL_MONITOR_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/exact.h"
#include "base/messages.h"

namespace jixiao {

class FieldReader;
struct YamlNode;
struct Rules;

// 时间进度: days from 1 January to as_of (both included) / days in the year,
// or the month of as_of / 12.
enum class TimeProgressMethod { kDays, kMonths };
const char* TimeProgressMethodName(TimeProgressMethod m);  // "days", "months"

struct MonitorRules {
  TimeProgressMethod time_progress = TimeProgressMethod::kDays;
  // Budget light: v = (spent / budget) / time progress; green at v >= green,
  // yellow at v >= yellow, else red.
  Rational budget_green = Rational(8) / 10;
  Rational budget_yellow = Rational(6) / 10;
  // A cumulative indicator's pace: v = value / (target x time progress).
  Rational pace_green = Rational(8) / 10;
  Rational pace_yellow = Rational(6) / 10;
  // A forecast (or a value judged as at year end) that misses its target:
  // yellow when its ratio (as scored, §4) is at least this, else red.
  Rational ratio_yellow = Rational(8) / 10;
  // A forecast of the year's spending below this fraction of the budget is
  // a deviation needing a note.
  Rational forecast_spent_threshold = Rational(9) / 10;
  // 二级指标 whose values accumulate over the year (judged by pace).
  std::vector<std::string> cumulative = {"数量指标"};

  bool IsCumulative(std::string_view level2) const;
};

// Reads the `monitor` map of a rules file (`map`, already known to be a
// map) over `out`; `rules` gives the taxonomy the cumulative 二级指标 must
// be in. Problems are reported through `r`, located; `out` is then left as
// it was.
void ReadMonitorRules(const YamlNode& map, const Rules& rules, FieldReader* r,
                      MonitorRules* out);

// Who a printed rules file's comments are for: a person, in the run's
// language (`jixiao rules`), or RulesDigest, which hashes the text the
// digests have always been of (Chinese with English alongside): a change
// to those would change every report's digest, and `merge` would refuse to
// join reports of one rules file written by two versions.
enum class RulesComments { kDigest, kReader };

// `line` followed by its comment, aligned at column 28 (of display width):
// `reader` in the run's language for kReader, `digest` for kDigest.
std::string CommentedLine(std::string_view line, RulesComments who, MsgId reader,
                          std::string_view digest);

// The `monitor` key as FormatRulesYaml prints it (commented lines, ending
// with a newline).
std::string FormatMonitorRulesYaml(const MonitorRules& m,
                                   RulesComments who = RulesComments::kDigest);

}  // namespace jixiao

#endif  // JIXIAO_MODEL_MONITOR_RULES_H_
