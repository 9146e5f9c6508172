// Reading the fields a progress file adds to actuals (progress.h), for the
// actuals readers (internal to model/): each reader calls these where it
// reads the field's place (a document, an entry, an indicator; a CSV row).
#ifndef JIXIAO_MODEL_PROGRESS_READ_H_
#define JIXIAO_MODEL_PROGRESS_READ_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/actuals.h"
#include "model/progress.h"
#include "yaml/yaml_doc.h"
#include "yaml/yaml_fields.h"

namespace jixiao::progress_read {

// The keys a progress file has beside those of an actuals file: a
// document's, an entry's, an indicator's long form's.
std::vector<std::string> DocumentKeys(const std::vector<std::string>& actuals_keys);
std::vector<std::string> EntryKeys(const std::vector<std::string>& actuals_keys);
std::vector<std::string> IndicatorKeys(const std::vector<std::string>& actuals_keys);

// A progress document's `as_of` (`root` is its map; `year` the document's
// `year` when given): a calendar date within that year. Missing when
// `reading` requires it, not a date, or outside `year`: reported at it (or
// at the map), and nullopt.
std::optional<AsOf> ReadAsOf(const YamlNode& root, std::optional<int> year,
                             const ProgressReading& reading, FieldReader* r);

// Reads `forecast`, `likelihood` and `reasons` of an indicator's long form
// `map` into `a`, reporting what is wrong at it. True when the map has a
// `forecast` (even a bad one: the indicator then needs no `value`).
bool ReadIndicator(const YamlNode& map, FieldReader* r, IndicatorActual* a);

// Reports an indicator's long form `map` that has neither `value` (nor
// `grade`) nor `forecast`.
void ReportNoValue(const YamlNode& map, FieldReader* r, const IndicatorActual& a);

// CSV: the column a header names among those of a progress file beside
// the actuals columns: "forecast" (全年预计完成情况, 全年预计, 预计完成值),
// "likelihood" (完成目标可能性, 可能性), "reasons" (偏差原因类别, 原因类别), in any
// case; "value" for the header of the monitor's form and reports,
// 1-N月执行情况 (N from 2 to 12; 1月执行情况 for January), which names the
// actuals column `value` in a progress file only; "" for anything else.
std::string_view CsvColumn(std::string_view header);
// Every header CsvColumn knows, English and Chinese (not the 1-X月执行情况
// of the value): what an unknown header may be suggested as.
std::vector<std::string> CsvHeaders();

// CSV: whether the `indicator` cell names a project's spending to date in
// a progress file (执行数, beside the actuals' spent and 全年执行数).
bool IsSpentRow(std::string_view indicator);

// CSV: whether the `indicator` cell names a row of its own for the
// year's expected spending (forecast_spent in any case, 全年预计执行数),
// which may stand instead of the spent row's forecast cell.
bool IsForecastSpentRow(std::string_view indicator);

// CSV: whether the `indicator` cell names the row of a file's `as_of`
// (as_of in any case, 截至日期 or 截止日期).
bool IsAsOfRow(std::string_view indicator);

// CSV: what the cells of a progress row say, each problem as a Message for
// the reader to place at its cell. `forecast`, `likelihood` and `reasons`
// are the cells ("" when the column is absent).
struct CellProblem {
  enum Column { kValue, kForecast, kLikelihood, kReasons } column;
  Message message;
};
// The progress cells of an indicator's row into `a` (the row's value cell
// is `value`; with `value` blank, `forecast` is required).
std::vector<CellProblem> ReadIndicatorCells(std::string_view value, std::string_view forecast,
                                            const Location& forecast_loc,
                                            std::string_view likelihood,
                                            const Location& likelihood_loc,
                                            std::string_view reasons, IndicatorActual* a);
// Rows that are not an indicator's (spending, budget, achieved) take no
// likelihood nor reasons, and only the spending row a forecast (the
// project's forecast_spent): the problems of those cells. `row` names the
// row in messages ("spent").
std::vector<CellProblem> CheckOtherRowCells(std::string_view row, bool forecast_allowed,
                                            std::string_view forecast,
                                            std::string_view likelihood,
                                            std::string_view reasons);

}  // namespace jixiao::progress_read

#endif  // JIXIAO_MODEL_PROGRESS_READ_H_
