// The monitoring reporters by format (monitor_report.h).
#include "report/monitor_report.h"

namespace jixiao {

std::unique_ptr<MonitorReporter> MakeMonitorTextReporter(const MonitorReportContext& ctx);
std::unique_ptr<MonitorReporter> MakeMonitorJsonReporter(const MonitorReportContext& ctx);
std::unique_ptr<MonitorReporter> MakeMonitorJsonlReporter(const MonitorReportContext& ctx);
std::unique_ptr<MonitorReporter> MakeMonitorCsvReporter(const MonitorReportContext& ctx);
std::unique_ptr<MonitorReporter> MakeMonitorMarkdownReporter(const MonitorReportContext& ctx);
std::unique_ptr<MonitorReporter> MakeMonitorJunitReporter(const MonitorReportContext& ctx);
std::unique_ptr<MonitorReporter> MakeMonitorGithubReporter(const MonitorReportContext& ctx);
std::unique_ptr<MonitorReporter> MakeMonitorXlsxReporter(const MonitorReportContext& ctx);
std::unique_ptr<MonitorReporter> MakeMonitorHtmlReporter(const MonitorReportContext& ctx);

const std::vector<std::string>& MonitorReportFormats() {
  static const std::vector<std::string> formats = {"text",  "json",   "jsonl", "csv", "markdown",
                                                   "junit", "github", "xlsx",  "html"};
  return formats;
}

std::unique_ptr<MonitorReporter> MakeMonitorReporter(const std::string& format,
                                                     const MonitorReportContext& ctx) {
  if (format == "text") return MakeMonitorTextReporter(ctx);
  if (format == "json") return MakeMonitorJsonReporter(ctx);
  if (format == "jsonl") return MakeMonitorJsonlReporter(ctx);
  if (format == "csv") return MakeMonitorCsvReporter(ctx);
  if (format == "markdown") return MakeMonitorMarkdownReporter(ctx);
  if (format == "junit") return MakeMonitorJunitReporter(ctx);
  if (format == "github") return MakeMonitorGithubReporter(ctx);
  if (format == "xlsx") return MakeMonitorXlsxReporter(ctx);
  if (format == "html") return MakeMonitorHtmlReporter(ctx);
  return nullptr;
}

}  // namespace jixiao
