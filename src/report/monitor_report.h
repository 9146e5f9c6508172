// Reports of `jixiao monitor` (docs/monitor.md): one MonitorReporter per
// output format, fed the monitored projects in input order as they are
// ready, then the run's summary and diagnostics — as eval's Reporters are
// (report.h). A format is one more MonitorReporter and one more line in
// MakeMonitorReporter and MonitorReportFormats.
//
// xlsx (monitor_xlsx.cc) writes files of its own by name, as eval's does:
// its context's `report` carries the path, the opener and --xlsx-max-sheets,
// and failure() says why it could not.
#ifndef JIXIAO_REPORT_MONITOR_REPORT_H_
#define JIXIAO_REPORT_MONITOR_REPORT_H_

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "report/report.h"
#include "score/monitor.h"

namespace jixiao {

// Settings every monitoring reporter may read: eval's, and --show-work.
struct MonitorReportContext {
  ReportContext report;    // rules, colour, quiet, csv_bom, list_errors; xlsx: its files
  bool show_work = false;  // text, json and html: explain each light with its arithmetic
};

class MonitorReporter {
 public:
  virtual ~MonitorReporter() = default;
  // Called once before any project with the run's date and time progress;
  // nullptr when the run has no date (its progress files gave none, and
  // there was no --as-of): no project follows.
  virtual void Begin(const MonitorRun* /*run*/, std::ostream& /*out*/) {}
  // Called for each monitored project, in input order.
  virtual void Project(const ProjectMonitor& m, std::ostream& out) = 0;
  // As Reporter's (report/report.h): whether this format can format a
  // project ahead, on any thread between Begin and End, reading nothing
  // Project, WriteFormatted or End change; the bytes are then written in
  // input order by WriteFormatted instead of Project.
  virtual bool FormatsAhead() const { return false; }
  virtual void Format(const ProjectMonitor& /*m*/, std::string* /*out*/) const {}
  virtual void WriteFormatted(std::string_view bytes, std::ostream& out) { out << bytes; }
  // Called once at the end with the run's summary and diagnostics.
  virtual void End(const MonitorSummary& summary, const Diagnostics& diags,
                   std::ostream& out) = 0;
  // After Begin and after End: why a reporter that writes its own files
  // (xlsx) could not write them, with the problem's code; an empty text
  // when it could.
  virtual Message failure() const { return {}; }
  // After End: something about the files it wrote that the user should
  // know (xlsx: other workbooks in its directory, JX0794); an empty text
  // when nothing.
  virtual Message warning() const { return {}; }
};

// The reporter for `format` (one of MonitorReportFormats()), or nullptr.
std::unique_ptr<MonitorReporter> MakeMonitorReporter(const std::string& format,
                                                     const MonitorReportContext& ctx);

// The formats of `jixiao monitor`, for usage messages.
const std::vector<std::string>& MonitorReportFormats();

}  // namespace jixiao

#endif  // JIXIAO_REPORT_MONITOR_REPORT_H_
