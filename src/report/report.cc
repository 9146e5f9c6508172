#include "report/report.h"

namespace jixiao {

RunSummary::RunSummary(const Rules& rules) {
  for (const GradeBand& b : rules.grades) grades.emplace_back(b.name, 0);
}

void RunSummary::Add(const ProjectScore& s, bool project_complies) {
  Add(ProjectDigest::Of(s, project_complies));
}

void RunSummary::Add(const ProjectDigest& d) {
  ++projects;
  if (d.complies) ++complies;
  for (auto& [name, count] : grades)
    if (name == d.grade) ++count;
  indicators += d.indicators.size();
  for (const ProjectDigest::IndicatorDigest& ind : d.indicators) {
    if (ind.status == "met") ++met;
    if (ind.status == "unmet") ++unmet;
    if (ind.status == "not_applicable") ++not_applicable;
  }
  year.Add(d);
}

std::unique_ptr<Reporter> MakeTextReporter(const ReportContext& ctx);
std::unique_ptr<Reporter> MakeJsonReporter(const ReportContext& ctx);
std::unique_ptr<Reporter> MakeJsonlReporter(const ReportContext& ctx);
std::unique_ptr<Reporter> MakeCsvReporter(const ReportContext& ctx);
std::unique_ptr<Reporter> MakeMarkdownReporter(const ReportContext& ctx);
std::unique_ptr<Reporter> MakeJunitReporter(const ReportContext& ctx);
std::unique_ptr<Reporter> MakeGithubReporter(const ReportContext& ctx);
std::unique_ptr<Reporter> MakeXlsxReporter(const ReportContext& ctx);
std::unique_ptr<Reporter> MakeHtmlReporter(const ReportContext& ctx);

const std::vector<std::string>& ReportFormats() {
  static const std::vector<std::string> formats = {"text", "json", "jsonl", "csv", "markdown", "junit",
                                                   "github", "xlsx", "html"};
  return formats;
}

std::unique_ptr<Reporter> MakeReporter(const std::string& format, const ReportContext& ctx) {
  if (format == "text") return MakeTextReporter(ctx);
  if (format == "json") return MakeJsonReporter(ctx);
  if (format == "jsonl") return MakeJsonlReporter(ctx);
  if (format == "csv") return MakeCsvReporter(ctx);
  if (format == "markdown") return MakeMarkdownReporter(ctx);
  if (format == "junit") return MakeJunitReporter(ctx);
  if (format == "github") return MakeGithubReporter(ctx);
  if (format == "xlsx") return MakeXlsxReporter(ctx);
  if (format == "html") return MakeHtmlReporter(ctx);
  return nullptr;
}

}  // namespace jixiao
