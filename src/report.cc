#include "report.h"

namespace jixiao {

RunSummary::RunSummary(const Rules& rules) {
  for (const GradeBand& b : rules.grades) grades.emplace_back(b.name, 0);
}

void RunSummary::Add(const ProjectScore& s, bool project_complies) {
  ++projects;
  if (project_complies) ++complies;
  for (auto& [name, count] : grades)
    if (name == s.grade) ++count;
  indicators += s.indicators.size();
  met += s.met;
  unmet += s.unmet;
  not_applicable += s.not_applicable;
}

std::unique_ptr<Reporter> MakeTextReporter(const ReportContext& ctx);
std::unique_ptr<Reporter> MakeJsonReporter(const ReportContext& ctx);
std::unique_ptr<Reporter> MakeCsvReporter(const ReportContext& ctx);
std::unique_ptr<Reporter> MakeMarkdownReporter(const ReportContext& ctx);
std::unique_ptr<Reporter> MakeJunitReporter(const ReportContext& ctx);
std::unique_ptr<Reporter> MakeGithubReporter(const ReportContext& ctx);

const std::vector<std::string>& ReportFormats() {
  static const std::vector<std::string> formats = {"text", "json", "csv", "markdown", "junit",
                                                   "github"};
  return formats;
}

std::unique_ptr<Reporter> MakeReporter(const std::string& format, const ReportContext& ctx) {
  if (format == "text") return MakeTextReporter(ctx);
  if (format == "json") return MakeJsonReporter(ctx);
  if (format == "csv") return MakeCsvReporter(ctx);
  if (format == "markdown") return MakeMarkdownReporter(ctx);
  if (format == "junit") return MakeJunitReporter(ctx);
  if (format == "github") return MakeGithubReporter(ctx);
  return nullptr;
}

}  // namespace jixiao
