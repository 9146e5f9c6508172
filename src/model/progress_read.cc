// Reading the fields of a progress file (progress_read.h).
#include "model/progress_read.h"

#include <string>

#include "base/text.h"

namespace jixiao::progress_read {

namespace {

std::vector<std::string> Plus(const std::vector<std::string>& keys,
                              std::initializer_list<const char*> more) {
  std::vector<std::string> out = keys;
  out.insert(out.end(), more.begin(), more.end());
  return out;
}

std::string Short(std::string_view s) { return TruncateToWidth(s, 40); }

// The reasons of `node`: a list of reason words, or one text of them
// separated by 、 or ;. Reports what is not a reason.
unsigned ReadReasons(const YamlNode& node, const IndicatorActual& a, FieldReader* r) {
  if (node.is_null()) return 0;  // `reasons:` left empty: none
  if (node.is_map()) {
    r->Error(node, Msg(MsgId::kReasonsNotList, a.key));
    return 0;
  }
  std::vector<const YamlNode*> items =
      node.is_sequence() ? node.items : std::vector<const YamlNode*>{&node};
  unsigned set = 0;
  for (const YamlNode* item : items) {
    if (!item->is_scalar()) {
      r->Error(*item, Msg(MsgId::kReasonsNotList, a.key));
      continue;
    }
    std::string bad;
    unsigned some = ParseReasonList(item->value, &bad);
    if (!bad.empty()) {
      r->Error(*item, Msg(MsgId::kUnknownReason, Short(bad), a.key));
      continue;
    }
    set |= some;
  }
  return set;
}

}  // namespace

std::vector<std::string> DocumentKeys(const std::vector<std::string>& actuals_keys) {
  return Plus(actuals_keys, {"as_of"});
}
std::vector<std::string> EntryKeys(const std::vector<std::string>& actuals_keys) {
  return Plus(actuals_keys, {"forecast_spent"});
}
std::vector<std::string> IndicatorKeys(const std::vector<std::string>& actuals_keys) {
  return Plus(actuals_keys, {"forecast", "likelihood", "reasons"});
}

std::optional<AsOf> ReadAsOf(const YamlNode& root, std::optional<int> year,
                             const ProgressReading& reading, FieldReader* r) {
  const YamlNode* n = root.Find("as_of");
  if (n == nullptr || n->is_null()) {
    // The example date is in the file's year when it gives one.
    if (reading.as_of_required) r->Error(n ? *n : root, Msg(MsgId::kNoAsOf, year.value_or(2024)));
    return std::nullopt;
  }
  if (!n->is_scalar()) {
    r->Error(*n, Msg(MsgId::kBadAsOf, Describe(*n)));
    return std::nullopt;
  }
  AsOf out;
  out.loc = r->Loc(*n);
  if (std::optional<Message> bad = ParseAsOf(n->value, &out.date)) {
    r->Error(*n, std::move(*bad));
    return std::nullopt;
  }
  if (year && out.date.year != *year) {
    r->Error(*n, Msg(MsgId::kAsOfOutsideFileYear, FormatDate(out.date), *year));
    return std::nullopt;
  }
  return out;
}

bool ReadIndicator(const YamlNode& map, FieldReader* r, IndicatorActual* a) {
  const YamlNode* forecast = map.Find("forecast");
  if (forecast != nullptr) {
    if (forecast->is_null()) {
      r->Error(*forecast, Msg(MsgId::kForecastEmpty, a->key));
    } else if (!forecast->is_scalar()) {
      r->Error(*forecast, Msg(MsgId::kBadForecast, Describe(*forecast), a->key,
                              Tr(MsgId::kForecastNotAValue)));
    } else if (std::optional<Message> bad =
                   ParseForecastInto(forecast->value, r->Loc(*forecast), a)) {
      r->Error(*forecast, std::move(*bad));
    }
  }
  if (const YamlNode* l = map.Find("likelihood"); l != nullptr && !l->is_null()) {
    std::optional<Likelihood> likelihood =
        l->is_scalar() ? ParseLikelihood(l->value) : std::nullopt;
    if (!likelihood) {
      r->Error(*l, Msg(MsgId::kUnknownLikelihood, l->is_scalar() ? Short(l->value) : Describe(*l),
                       a->key));
    } else {
      a->progress.likelihood = likelihood;
      const Location at = r->Loc(*l);
      a->progress.likelihood_line = at.line;
      a->progress.likelihood_column = at.column;
    }
  }
  if (const YamlNode* reasons = map.Find("reasons")) {
    a->progress.reasons = ReadReasons(*reasons, *a, r);
  }
  return forecast != nullptr;
}

void ReportNoValue(const YamlNode& map, FieldReader* r, const IndicatorActual& a) {
  r->Error(map, Msg(MsgId::kNoValueNorForecast, a.key));
}

namespace {

// 1-7月执行情况: the value column's header on the monitor's form and reports
// (1月执行情况 for January, 1-N月执行情况 to month N).
bool IsValueToDateHeader(std::string_view header) {
  if (header == "1月执行情况") return true;
  if (!StartsWith(header, "1-")) return false;
  header.remove_prefix(2);
  for (int month = 2; month <= 12; ++month) {
    if (header == std::to_string(month) + "月执行情况") return true;
  }
  return false;
}

}  // namespace

namespace {

// A progress file's own columns: the name and the Chinese headers of each.
struct Names {
  const char* column;
  std::vector<std::string_view> chinese;
};
const Names kNames[] = {
    {"forecast", {"全年预计完成情况", "全年预计", "预计完成值"}},
    {"likelihood", {"完成目标可能性", "可能性"}},
    {"reasons", {"偏差原因类别", "原因类别"}},
};

}  // namespace

std::vector<std::string> CsvHeaders() {
  std::vector<std::string> out;
  for (const Names& n : kNames) {
    out.emplace_back(n.column);
    for (std::string_view c : n.chinese) out.emplace_back(c);
  }
  return out;
}

std::string_view CsvColumn(std::string_view header) {
  header = Trim(header);
  if (IsValueToDateHeader(header)) return "value";
  for (const Names& n : kNames) {
    if (EqualsIgnoringCase(header, n.column)) return n.column;
    for (std::string_view c : n.chinese)
      if (header == c) return n.column;
  }
  return {};
}

bool IsSpentRow(std::string_view indicator) { return Trim(indicator) == "执行数"; }

bool IsForecastSpentRow(std::string_view indicator) {
  indicator = Trim(indicator);
  return EqualsIgnoringCase(indicator, "forecast_spent") || indicator == "全年预计执行数";
}

bool IsAsOfRow(std::string_view indicator) {
  indicator = Trim(indicator);
  // 截止日期 is a common way of writing 截至日期 (the date the figures are up to).
  return EqualsIgnoringCase(indicator, "as_of") || indicator == "截至日期" ||
         indicator == "截止日期";
}

std::vector<CellProblem> ReadIndicatorCells(std::string_view value, std::string_view forecast,
                                            const Location& forecast_loc,
                                            std::string_view likelihood,
                                            const Location& likelihood_loc,
                                            std::string_view reasons, IndicatorActual* a) {
  std::vector<CellProblem> problems;
  value = Trim(value);
  forecast = Trim(forecast);
  if (!forecast.empty()) {
    if (std::optional<Message> bad = ParseForecastInto(forecast, forecast_loc, a)) {
      problems.push_back({CellProblem::kForecast, std::move(*bad)});
    }
  } else if (value.empty()) {
    problems.push_back({CellProblem::kValue, Msg(MsgId::kNoValueNorForecast, a->key)});
  }
  likelihood = Trim(likelihood);
  if (!likelihood.empty()) {
    if (std::optional<Likelihood> l = ParseLikelihood(likelihood)) {
      a->progress.likelihood = l;
      a->progress.likelihood_line = likelihood_loc.line;
      a->progress.likelihood_column = likelihood_loc.column;
    } else {
      problems.push_back(
          {CellProblem::kLikelihood, Msg(MsgId::kUnknownLikelihood, Short(likelihood), a->key)});
    }
  }
  std::string bad;
  unsigned set = ParseReasonList(reasons, &bad);
  if (!bad.empty()) {
    problems.push_back({CellProblem::kReasons, Msg(MsgId::kUnknownReason, Short(bad), a->key)});
  } else {
    a->progress.reasons = set;
  }
  return problems;
}

std::vector<CellProblem> CheckOtherRowCells(std::string_view row, bool forecast_allowed,
                                            std::string_view forecast,
                                            std::string_view likelihood,
                                            std::string_view reasons) {
  std::vector<CellProblem> problems;
  if (!forecast_allowed && !Trim(forecast).empty()) {
    problems.push_back({CellProblem::kForecast, Msg(MsgId::kRowTakesNoProgress, row, "forecast")});
  }
  if (!Trim(likelihood).empty()) {
    problems.push_back(
        {CellProblem::kLikelihood, Msg(MsgId::kRowTakesNoProgress, row, "likelihood")});
  }
  if (!Trim(reasons).empty()) {
    problems.push_back({CellProblem::kReasons, Msg(MsgId::kRowTakesNoProgress, row, "reasons")});
  }
  return problems;
}

}  // namespace jixiao::progress_read
