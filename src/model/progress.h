// Progress files (docs/monitor.md): the actuals format (actuals.h) with what
// mid-year monitoring (绩效运行监控) adds to it —
//
//   as_of: 2024-07-31                 the date the figures are for (a document's, or a
//                                     CSV file's `as_of` row)
//   forecast_spent: 5.90              a project's 全年预计执行数 (CSV: the `forecast`
//                                     cell of its spending row)
//   forecast, likelihood, reasons     an indicator's 全年预计完成情况, 完成目标可能性
//                                     and 偏差原因 (CSV: columns after `note`)
//
// The actuals readers read these where they read an entry when they are
// given a ProgressReading (actuals_read.h); the pure pieces are here.
#ifndef JIXIAO_MODEL_PROGRESS_H_
#define JIXIAO_MODEL_PROGRESS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "model/value.h"

namespace jixiao {

class RecordReader;
class RecordWriter;
struct IndicatorActual;
struct ProjectActuals;

// 完成目标可能性: how likely the year's target is to be met.
enum class Likelihood : uint8_t { kCertain, kLikely, kImpossible };

// 确定能 / certain, 有可能 / likely, 完全不可能 / impossible (blanks around
// ignored, the English in any case); nullopt for anything else.
std::optional<Likelihood> ParseLikelihood(std::string_view text);
// "确定能", "有可能", "完全不可能": the word of the form.
const char* LikelihoodWord(Likelihood l);
// "certain", "likely", "impossible": the stable name of machine formats.
const char* LikelihoodKey(Likelihood l);
// The word in the run's language: "确定能" (zh) or "certain" (en).
std::string LikelihoodText(Likelihood l);

// 偏差原因: the five reasons of the form, as bits of a set.
enum Reason : unsigned {
  kReasonFunding = 1,    // 经费保障 / funding
  kReasonPolicy = 2,     // 制度保障 / policy
  kReasonStaff = 4,      // 人员保障 / staff
  kReasonHardware = 8,   // 硬件条件保障 / hardware
  kReasonOther = 16,     // 其他 / other
};
inline constexpr unsigned kReasonCount = 5;
// The reasons in the form's order.
inline constexpr Reason kReasons[kReasonCount] = {kReasonFunding, kReasonPolicy, kReasonStaff,
                                                  kReasonHardware, kReasonOther};
// The reason written as `text` (the form's word, or the English name in any
// case); 0 for anything else.
unsigned ParseReason(std::string_view text);
const char* ReasonWord(Reason r);  // "经费保障", ...
const char* ReasonKey(Reason r);   // "funding", ...
// A list of reasons written as one text, separated by 、 ; ； , or ，
// ("经费保障、人员保障"): their set, or the first word that is not a reason
// in *bad (and 0). Blank items are skipped.
unsigned ParseReasonList(std::string_view text, std::string* bad);

// What an indicator's progress adds to its actual (all empty in an actuals
// file).
struct IndicatorProgress {
  std::string forecast;               // 全年预计完成情况 as written, trimmed; "" = none
  Actual forecast_value;              // `forecast` parsed
  std::optional<Grade> forecast_grade;  // when `forecast` is a grade word
  // Where `forecast` and `likelihood` are written, in the file of their
  // entry (IndicatorActual::forecast_loc, likelihood_loc); 0: not known.
  // Only line and column: a year's progress has a forecast on most of its
  // lines, and the file's name is the entry's.
  int forecast_line = 0;
  int forecast_column = 0;
  std::optional<Likelihood> likelihood;
  int likelihood_line = 0;
  int likelihood_column = 0;
  unsigned reasons = 0;               // Reason bits
  bool empty() const { return forecast.empty() && !likelihood && reasons == 0; }
};

// The date a progress document is for, and where it is written.
struct AsOf {
  Date date;
  Location loc;  // file only (line 0) for a date given with --as-of
};

// How a progress file is read.
struct ProgressReading {
  // as_of must be in the file (no --as-of was given): a document without one
  // is an error.
  bool as_of_required = true;
};

// Sets the forecast of `a` from `text` (its location `loc`, in a->loc.file):
// a value, a date or a grade, as an actual is written. A Message with a code
// when it is not one (a malformed number, 不适用, which belongs in `value`).
std::optional<Message> ParseForecastInto(std::string_view text, const Location& loc,
                                         IndicatorActual* a);

// The date of `as_of` written as `text` ("2024-07-31" or "2024年7月31日"); a
// Message when it is not a calendar date.
std::optional<Message> ParseAsOf(std::string_view text, Date* out);
// The same for `--as-of TEXT`, its messages naming the option: a date as
// Excel numbers it (45504) says which date it is.
std::optional<Message> ParseAsOfOption(std::string_view text, Date* out);

// The progress of an entry in its compact record (actuals.cc), after the
// actuals fields: nothing at all for an entry without progress, so that
// actuals records are as they were.
void PackProgress(const ProjectActuals& e, RecordWriter* w);
// Reads back what PackProgress wrote (nothing: no progress). `file` is the
// entry's file, for the locations.
void UnpackProgress(RecordReader* r, const std::string& file, ProjectActuals* e);

}  // namespace jixiao

#endif  // JIXIAO_MODEL_PROGRESS_H_
