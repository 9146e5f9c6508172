// Reports: one Reporter per output format, fed the scored projects in input
// order as they are ready, then the run's summary and diagnostics.
#ifndef JIXIAO_REPORT_REPORT_H_
#define JIXIAO_REPORT_REPORT_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "model/rules.h"
#include "score/score.h"
#include "score/year_summary.h"

namespace jixiao {

// Counts of a whole run, accumulated as projects are reported.
struct RunSummary {
  size_t projects = 0;
  size_t complies = 0;
  std::vector<std::pair<std::string, size_t>> grades;  // in the rules' band order
  size_t indicators = 0;
  size_t met = 0;
  size_t unmet = 0;
  size_t not_applicable = 0;
  YearSummary year;  // by department, by level-1 group, lowest scores

  explicit RunSummary(const Rules& rules);
  void Add(const ProjectScore& s, bool complies);
  // The same from what a JSON report shows of a project (for merge).
  void Add(const ProjectDigest& d);
};

// Settings every reporter may read. The language of the words is the
// process's (base/lang.h), read when a reporter is made.
struct ReportContext {
  const Rules* rules = nullptr;
  bool color = false;    // the output is a terminal that takes colour
  bool quiet = false;    // text: only the summary line
  bool csv_bom = true;   // csv: start with a UTF-8 byte order mark (--csv-no-bom clears it)
  // text: list the run's errors before the summary line (a report written
  // to a file). On standard output it is off: the errors are on standard
  // error, and the summary line counts them.
  bool list_errors = false;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  // Called once before any project.
  virtual void Begin(std::ostream& /*out*/) {}
  // Called for each scored project, in input order.
  virtual void Project(const ProjectScore& s, bool complies, std::ostream& out) = 0;
  // Called once at the end with the whole run's summary and diagnostics.
  virtual void End(const RunSummary& summary, const Diagnostics& diags, std::ostream& out) = 0;
};

// The reporter for `format` (one of ReportFormats()), or nullptr when unknown.
std::unique_ptr<Reporter> MakeReporter(const std::string& format, const ReportContext& ctx);

// The report formats MakeReporter knows, for usage messages.
const std::vector<std::string>& ReportFormats();

}  // namespace jixiao

#endif  // JIXIAO_REPORT_REPORT_H_
