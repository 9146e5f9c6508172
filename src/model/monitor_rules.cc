// The `monitor` key of a rules file (monitor_rules.h).
#include "model/monitor_rules.h"

#include <optional>

#include <fmt/format.h>

#include "base/text.h"
#include "model/rules.h"
#include "yaml/yaml_emit.h"
#include "yaml/yaml_fields.h"

namespace jixiao {

namespace {

const std::vector<std::string> kMonitorKeys = {
    "time_progress", "budget_green", "budget_yellow",           "pace_green",
    "pace_yellow",   "ratio_yellow", "forecast_spent_threshold", "cumulative"};

struct Threshold {
  const char* key;
  Rational MonitorRules::*field;
};
constexpr Threshold kThresholds[] = {
    {"budget_green", &MonitorRules::budget_green},
    {"budget_yellow", &MonitorRules::budget_yellow},
    {"pace_green", &MonitorRules::pace_green},
    {"pace_yellow", &MonitorRules::pace_yellow},
    {"ratio_yellow", &MonitorRules::ratio_yellow},
    {"forecast_spent_threshold", &MonitorRules::forecast_spent_threshold},
};


bool InTaxonomy(const Rules& rules, std::string_view level2) {
  for (const Level1Group& g : rules.taxonomy)
    if (rules.FindLevel2(g, level2) != nullptr) return true;
  return false;
}

std::vector<std::string> AllLevel2(const Rules& rules) {
  std::vector<std::string> out;
  for (const Level1Group& g : rules.taxonomy) out.insert(out.end(), g.level2.begin(), g.level2.end());
  return out;
}

}  // namespace

const char* TimeProgressMethodName(TimeProgressMethod m) {
  return m == TimeProgressMethod::kMonths ? "months" : "days";
}

bool MonitorRules::IsCumulative(std::string_view level2) const {
  for (const std::string& s : cumulative)
    if (s == level2) return true;
  return false;
}

void ReadMonitorRules(const YamlNode& map, const Rules& rules, FieldReader* r,
                      MonitorRules* out) {
  const size_t errors_before = r->errors();
  MonitorRules m = *out;
  r->CheckKeys(map, kMonitorKeys, "monitor");
  if (const YamlNode* n = map.Find("time_progress"); n != nullptr) {
    const std::string v = n->is_scalar() ? std::string(Trim(n->value)) : "";
    if (v == "days") {
      m.time_progress = TimeProgressMethod::kDays;
    } else if (v == "months") {
      m.time_progress = TimeProgressMethod::kMonths;
    } else {
      r->Error(*n, Msg(MsgId::kMonitorTimeProgress, Describe(*n)));
    }
  }
  for (const Threshold& t : kThresholds) {
    const YamlNode* n = map.Find(t.key);
    if (n == nullptr) continue;
    std::optional<Rational> v = r->Decimal(*n, t.key);
    if (!v) continue;
    if (*v < 0 || *v > 1) {
      r->Error(*n, Msg(MsgId::kMonitorThreshold, t.key, n->value));
      continue;
    }
    m.*t.field = *v;
  }
  struct Pair {
    const char* green;
    const char* yellow;
    Rational MonitorRules::*green_field;
    Rational MonitorRules::*yellow_field;
  };
  for (const Pair& p : {Pair{"budget_green", "budget_yellow", &MonitorRules::budget_green,
                             &MonitorRules::budget_yellow},
                        Pair{"pace_green", "pace_yellow", &MonitorRules::pace_green,
                             &MonitorRules::pace_yellow}}) {
    const Rational& g = m.*p.green_field;
    const Rational& y = m.*p.yellow_field;
    if (r->errors() > errors_before || y <= g) continue;
    const YamlNode* at = map.Find(p.yellow) ? map.Find(p.yellow) : map.Find(p.green);
    r->Error(at ? *at : map, Msg(MsgId::kMonitorYellowAboveGreen, p.yellow, y.ToDecimalString(),
                                 p.green, g.ToDecimalString()));
  }
  if (const YamlNode* n = map.Find("cumulative"); n != nullptr) {
    std::vector<const YamlNode*> items;
    if (n->is_sequence()) {
      items = n->items;
    } else if (n->is_scalar()) {
      items = {n};
    } else if (!n->is_null()) {
      r->Error(*n, Msg(MsgId::kMonitorCumulativeNotList, Describe(*n)));
    }
    std::vector<std::string> list;
    for (const YamlNode* item : items) {
      if (!item->is_scalar() || Trim(item->value).empty()) {
        r->Error(*item, Msg(MsgId::kMonitorCumulativeNotList, Describe(*item)));
        continue;
      }
      const std::string name(Trim(item->value));
      if (!InTaxonomy(rules, name)) {
        const std::string hint = ClosestMatch(name, AllLevel2(rules));
        if (hint.empty()) {
          r->Error(*item, Msg(MsgId::kMonitorCumulativeUnknown, name));
        } else {
          r->Error(*item, Msg(MsgId::kMonitorCumulativeUnknownHint, name, hint));
        }
        continue;
      }
      bool repeated = false;
      for (const std::string& s : list) repeated = repeated || s == name;
      if (!repeated) list.push_back(name);
    }
    m.cumulative = std::move(list);
  }
  if (r->errors() == errors_before) *out = std::move(m);
}

std::string CommentedLine(std::string_view line, RulesComments who, MsgId reader,
                          std::string_view digest) {
  const size_t width = DisplayWidth(line);
  size_t pad = width + 2 <= 28 ? 28 - width : 2;
  return fmt::format("{}{}# {}\n", line, std::string(pad, ' '),
                     who == RulesComments::kReader ? Text(reader) : digest);
}

std::string FormatMonitorRulesYaml(const MonitorRules& m, RulesComments who) {
  auto line = [who](std::string_view text, MsgId reader, std::string_view digest) {
    return CommentedLine(text, who, reader, digest);
  };
  std::string out = line("monitor:", MsgId::kRulesCommentMonitor,
                         "运行监控 mid-year monitoring (jixiao monitor)");
  out += line(fmt::format("  time_progress: {}", TimeProgressMethodName(m.time_progress)),
              MsgId::kRulesCommentTimeProgress,
              "时间进度 days: day of year / days in year; months: month / 12");
  out += line(fmt::format("  budget_green: {}", m.budget_green.ToDecimalString()),
              MsgId::kRulesCommentBudgetGreen, "预算 v = (执行数/预算数)/时间进度 >= this: green");
  out += line(fmt::format("  budget_yellow: {}", m.budget_yellow.ToDecimalString()),
              MsgId::kRulesCommentYellow, "v >= this: yellow; below: red");
  out += line(fmt::format("  pace_green: {}", m.pace_green.ToDecimalString()),
              MsgId::kRulesCommentPaceGreen, "累计指标 v = 完成值/(指标值×时间进度) >= this: green");
  out += line(fmt::format("  pace_yellow: {}", m.pace_yellow.ToDecimalString()),
              MsgId::kRulesCommentYellow, "v >= this: yellow; below: red");
  out += line(fmt::format("  ratio_yellow: {}", m.ratio_yellow.ToDecimalString()),
              MsgId::kRulesCommentRatioYellow, "预计值未达标 ratio >= this: yellow; below: red");
  out += line(fmt::format("  forecast_spent_threshold: {}",
                          m.forecast_spent_threshold.ToDecimalString()),
              MsgId::kRulesCommentForecastSpent, "全年预计执行数 below this × 预算数 needs a note");
  std::vector<std::string> names;
  for (const std::string& s : m.cumulative) names.push_back(YamlScalar(s));
  out += line(fmt::format("  cumulative: [{}]", fmt::join(names, ", ")),
              MsgId::kRulesCommentCumulative, "二级指标 judged by pace");
  return out;
}

}  // namespace jixiao
