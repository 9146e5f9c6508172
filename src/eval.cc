// `jixiao eval`: score every project against its actuals and report.
#include <fmt/format.h>

#include "actuals.h"
#include "commands.h"
#include "diagnostic_format.h"
#include "inputs.h"
#include "output.h"
#include "report.h"
#include "rules_file.h"
#include "score.h"
#include "target_loader.h"

namespace jixiao {

namespace {

Policy ParsePolicy(const Options& opts, Diagnostics* diags) {
  Policy p;
  p.fail_on_unmet = opts.fail_on != "none";
  if (!opts.fail_under.empty()) {
    std::optional<Rational> v = Rational::ParseDecimal(opts.fail_under);
    if (!v || *v < 0 || *v > 100) {
      diags->Error({}, fmt::format("--fail-under takes a score from 0 to 100, not '{}'",
                                   opts.fail_under));
    } else {
      p.has_fail_under = true;
      p.fail_under = *v;
    }
  }
  return p;
}

void PrintDiagnostics(const Diagnostics& diags, const Terminal& term, std::ostream& err) {
  for (const Diagnostic& d : diags.all()) {
    if (term.quiet() && d.severity != Severity::kError) continue;
    err << FormatDiagnostic(d, term.color_stderr());
  }
}

struct Output {
  OutputSpec spec;
  std::unique_ptr<OutputSink> sink;
  std::unique_ptr<Reporter> reporter;
};

}  // namespace

int RunEval(const Options& opts, const Terminal& term, std::ostream& out, std::ostream& err) {
  Diagnostics diags;
  std::vector<OutputSpec> specs = ParseOutputSpecs(opts, ReportFormats(), &diags);
  Policy policy = ParsePolicy(opts, &diags);
  Rules rules = LoadRules(opts.rules_file, opts.limits, &diags);
  if (diags.has_errors()) {
    PrintDiagnostics(diags, term, err);
    return kExitError;
  }

  ActualsIndex actuals;
  std::vector<std::string> actuals_files =
      ExpandInputs(opts.actuals, {".yaml", ".yml", ".csv"}, &diags);
  LoadActualsFiles(actuals_files, opts.limits, &actuals, &diags);

  std::vector<Output> outputs;
  for (const OutputSpec& spec : specs) {
    std::string why;
    std::unique_ptr<OutputSink> sink = OutputSink::Open(spec, out, &why);
    if (!sink) {
      err << fmt::format("{}: error: cannot write the {} report: {}\n", spec.path, spec.format, why);
      return kExitError;
    }
    ReportContext ctx;
    ctx.rules = &rules;
    ctx.english = opts.lang == "en";
    ctx.color = spec.path.empty() && term.color_stdout();
    ctx.quiet = term.quiet();
    outputs.push_back({spec, std::move(sink), MakeReporter(spec.format, ctx)});
  }
  for (Output& o : outputs) o.reporter->Begin(o.sink->stream());

  RunSummary summary(rules);
  TargetLoader loader(rules, opts.limits, &diags);
  auto on_project = [&](Project&& p) {
    const ProjectActuals* a = actuals.Claim(p.id, p.project);
    if (a == nullptr) {
      diags.Error(p.id_loc, fmt::format("project '{}' has no actuals entry: add one with "
                                        "`id: {}` or `project: {}` to an actuals file",
                                        p.project, p.id, p.project));
      return;
    }
    std::optional<ProjectScore> s = ScoreProject(std::move(p), *a, rules, &diags);
    if (!s) return;
    bool complies = policy.Complies(*s);
    summary.Add(*s, complies);
    for (Output& o : outputs) o.reporter->Project(*s, complies, o.sink->stream());
  };
  for (const std::string& f : ExpandInputs(opts.targets, {".yaml", ".yml"}, &diags)) {
    // The actuals of a project that failed to load are its own, not strays.
    loader.LoadFile(f, on_project, [&](const std::string& id, const std::string& name) {
      actuals.Claim(id, name);
    });
  }
  actuals.ReportUnclaimed(&diags);
  if (loader.stats().projects == 0 && !diags.has_errors()) {
    diags.Error({}, "no target projects found in the input");
  }
  if (opts.strict) diags.PromoteWarnings();
  diags.FillSourceLines();
  PrintDiagnostics(diags, term, err);
  int status = kExitOk;
  for (Output& o : outputs) {
    o.reporter->End(summary, diags, o.sink->stream());
    std::string why = o.sink->Commit();
    if (!why.empty()) {
      err << fmt::format("{}: error: cannot write the {} report: {}\n",
                         o.spec.path.empty() ? "<stdout>" : o.spec.path, o.spec.format, why);
      status = kExitError;
    }
  }
  if (diags.has_errors()) return kExitError;
  if (status != kExitOk) return status;
  return summary.complies < summary.projects ? kExitPolicy : kExitOk;
}

}  // namespace jixiao
