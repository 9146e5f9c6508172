// Reports: one Reporter per output format, fed the scored projects in input
// order as they are ready, then the run's summary and diagnostics.
#ifndef JIXIAO_REPORT_REPORT_H_
#define JIXIAO_REPORT_REPORT_H_

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
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

// A file a reporter writes whole by its name, as libxlsxwriter writes a
// workbook: `name()` is a temporary file beside the destination (the run's
// atomic output path, docs/reference.md §11), which Commit puts in place. One
// never committed is removed, so a failed run leaves no half file.
class NamedOutput {
 public:
  virtual ~NamedOutput() = default;
  virtual const std::string& name() const = 0;
  // "" when the file is in place, else why not.
  virtual std::string Commit() = 0;
};

// Opens destination `path` for writing by name; nullptr and `*why` set when
// it cannot.
using OpenNamedOutput =
    std::function<std::unique_ptr<NamedOutput>(const std::string& path, std::string* why)>;

// Settings every reporter may read. The language of the words is the
// process's (base/lang.h), read when a reporter is made.
struct ReportContext {
  const Rules* rules = nullptr;
  // json, jsonl: the policy that decided each project's `complies`, written
  // as the report's "policy" (eval's); none when null.
  const Policy* policy = nullptr;
  bool color = false;    // the output is a terminal that takes colour
  bool quiet = false;    // text: only the summary line
  bool csv_bom = true;   // csv: start with a UTF-8 byte order mark (--csv-no-bom clears it)
  // text: list the run's errors before the summary line (a report written
  // to a file). On standard output it is off: the errors are on standard
  // error, and the summary line counts them.
  bool list_errors = false;
  // xlsx: the destination as given, a file or a directory (ending in '/', or
  // an existing one), opened with `open_file`; at most `max_sheets` project
  // sheets in one workbook (--xlsx-max-sheets); `jobs` threads may write the
  // workbooks of a directory.
  std::string path;
  OpenNamedOutput open_file;
  size_t max_sheets = 500;
  int jobs = 1;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  // Called once before any project.
  virtual void Begin(std::ostream& /*out*/) {}
  // Called for each scored project, in input order.
  virtual void Project(const ProjectScore& s, bool complies, std::ostream& out) = 0;
  // Whether this format can format a project ahead (Format). Then a batch
  // run may call Format on its worker threads and hand the bytes to
  // WriteFormatted in input order, instead of calling Project.
  virtual bool FormatsAhead() const { return false; }
  // Appends to `out` what Project would write for `s`. Reads nothing that
  // Project, WriteFormatted or End change: safe on any thread, at any time
  // between Begin and End.
  virtual void Format(const ProjectScore& /*s*/, bool /*complies*/, std::string* /*out*/) const {}
  // Writes a project Format made, in input order.
  virtual void WriteFormatted(std::string_view bytes, std::ostream& out) { out << bytes; }
  // Called once at the end with the whole run's summary and diagnostics.
  virtual void End(const RunSummary& summary, const Diagnostics& diags, std::ostream& out) = 0;
  // After End: why a reporter that writes its own files (xlsx) could not
  // write them, with the problem's code; an empty text when it could.
  virtual Message failure() const { return {}; }
  // After End: something about the files it wrote that the user should
  // know (xlsx: other workbooks in its directory, JX0794); an empty text
  // when nothing.
  virtual Message warning() const { return {}; }
};

// The reporter for `format` (one of ReportFormats()), or nullptr when unknown.
std::unique_ptr<Reporter> MakeReporter(const std::string& format, const ReportContext& ctx);

// The report formats MakeReporter knows, for usage messages.
const std::vector<std::string>& ReportFormats();

}  // namespace jixiao

#endif  // JIXIAO_REPORT_REPORT_H_
