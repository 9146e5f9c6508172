// `jixiao check`: validate target files.
#include <fmt/format.h>

#include "cli/commands.h"
#include "report/report_common.h"
#include "report/diagnostic_format.h"
#include "yaml/inputs.h"
#include "base/lang.h"
#include "base/json_writer.h"
#include "cli/output.h"
#include "model/rules_file.h"
#include "score/batch.h"
#include "model/target_loader.h"

namespace jixiao {

namespace {

std::string SummaryLine(const LoadStats& s, const Diagnostics& d) {
  return Tr(MsgId::kCheckSummary, Counted(s.files, MsgId::kCountFile, MsgId::kCountFiles),
            Counted(s.projects, MsgId::kCountProject, MsgId::kCliCountProjects),
            Counted(s.indicators, MsgId::kCountIndicator, MsgId::kCountIndicators),
            Counted(d.error_count(), MsgId::kCountError, MsgId::kCliCountErrors),
            Counted(d.warning_count(), MsgId::kCountWarning, MsgId::kCliCountWarnings)) +
         "\n";
}

std::string CheckJson(const LoadStats& s, const Diagnostics& diags) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("tool").String("jixiao");
  w.Key("version").String(JIXIAO_VERSION);
  w.Key("files").Int(static_cast<long long>(s.files));
  w.Key("projects").Int(static_cast<long long>(s.projects));
  w.Key("indicators").Int(static_cast<long long>(s.indicators));
  for (Severity sev : {Severity::kError, Severity::kWarning}) {
    w.Key(sev == Severity::kError ? "errors" : "warnings").BeginArray();
    for (const Diagnostic& d : diags.all())
      if (d.severity == sev) WriteDiagnosticJson(d, &w);
    w.EndArray();
  }
  w.EndObject();
  out.push_back('\n');
  return out;
}

}  // namespace

int RunCheck(const Options& opts, const Terminal& term, std::ostream& out, std::ostream& err) {
  Diagnostics diags;
  diags.SpillToDisk();  // a year's warnings: bytes of memory each
  std::vector<OutputSpec> outputs = ParseOutputSpecs(opts, FormatsOf("check"), &diags);
  if (diags.has_errors()) {
    PrintDiagnostics(diags, term, err);
    return kExitError;
  }
  PathList files = ExpandInputs(opts.targets, {".yaml", ".yml"}, &diags);
  if (!CheckOutputsAgainstInputs(outputs, opts, {&files}, &diags)) {
    PrintDiagnostics(diags, term, err);
    return kExitError;
  }
  const size_t errors_before_rules = diags.error_count();
  Rules rules = LoadRules(opts.rules_file, opts.limits, &diags);
  LoadStats stats;
  if (diags.error_count() == errors_before_rules) {
    ProjectIdRegistry ids;
    ReadTargetsInOrder(
        files, rules, opts.limits, ResolveJobs(opts.jobs), [](Project&&, LoadedItem*, Diagnostics*) {},
        [&](LoadedItem&& item) {
          diags.Append(std::move(item.diags));
          if (item.kind == LoadedItem::Kind::kFileEnd) {
            stats.files += item.stats.files;
            stats.documents += item.stats.documents;
          } else if (item.kind == LoadedItem::Kind::kProject && ids.Register(item, &diags)) {
            ++stats.projects;
            stats.indicators += item.indicators;
          }
        });
    if (stats.projects == 0 && !diags.has_errors()) {
      diags.Error({}, MsgId::kNoProjects);
    }
  }
  if (opts.strict) diags.PromoteWarnings();
  PrintDiagnostics(diags, term, err);
  for (const OutputSpec& o : outputs) {
    std::string text = o.format == "json" ? CheckJson(stats, diags) : SummaryLine(stats, diags);
    if (!WriteOutput(o, text, out, err)) return kExitError;
  }
  return diags.has_errors() ? kExitError : kExitOk;
}

}  // namespace jixiao
