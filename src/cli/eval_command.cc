// `jixiao eval`: score every project against its actuals and report.
#include <fmt/format.h>

#include "base/lang.h"
#include "model/actuals.h"
#include "score/batch.h"
#include "cli/commands.h"
#include "report/diagnostic_format.h"
#include "cli/named_output.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "cli/run_common.h"
#include "report/report.h"
#include "score/score.h"
#include "model/target_loader.h"

namespace jixiao {

namespace {

Policy ParsePolicy(const Options& opts, Diagnostics* diags) {
  Policy p;
  p.fail_on_unmet = opts.fail_on != "none";
  if (!opts.fail_under.empty()) {
    std::optional<Rational> v = Rational::ParseDecimal(opts.fail_under);
    if (!v || *v < 0 || *v > 100) {
      diags->Error({}, MsgId::kBadFailUnder, opts.fail_under);
    } else {
      p.has_fail_under = true;
      p.fail_under = *v;
    }
  }
  return p;
}

struct Output {
  OutputSpec spec;
  std::unique_ptr<OutputSink> sink;  // nullptr for a report that writes its own files (xlsx)
  std::unique_ptr<Reporter> reporter;
  std::ostream* stream;              // the sink's, or one nobody reads
  std::unique_ptr<StagedDirectory> stage;  // -f xlsx=DIR/: its files until published
};

}  // namespace

int RunEval(const Options& opts, const Terminal& term, std::ostream& out, std::ostream& err) {
  Diagnostics diags;
  diags.SpillToDisk();  // a year's warnings: bytes of memory each
  std::vector<OutputSpec> specs = ParseOutputSpecs(opts, FormatsOf("eval"), &diags);
  Policy policy = ParsePolicy(opts, &diags);
  if (diags.has_errors()) {
    PrintDiagnostics(diags, term, err);
    return kExitError;
  }
  BatchInputs in;
  if (!FindBatchInputs(opts, specs, term, err, &diags, &in)) return kExitError;
  const Rules& rules = in.rules;
  const PathList& files = in.targets;

  // An actuals input that cannot be found or read leaves the index
  // incomplete: the targets without an entry are then named once.
  ActualsIndex actuals;
  size_t projects = 0;
  for (const std::string& path : in.unread_entries) actuals.MarkIncomplete(path);
  LoadActualsFiles(in.entries, opts.limits, &actuals, &diags, ResolveJobs(opts.jobs));
  // Reading the actuals built and freed a tree per document.
  GiveBackFreeMemory();
  actuals.ShrinkToFit();  // the room its tables kept to grow in

  std::vector<Output> outputs;
  std::ostream unwritten(nullptr);  // the stream of a report that writes its own files
  for (const OutputSpec& spec : specs) {
    ReportContext ctx;
    std::unique_ptr<OutputSink> sink;
    std::unique_ptr<StagedDirectory> stage;
    // A workbook holds at most --xlsx-max-sheets projects: as many as the
    // actuals have entries, in a run without errors.
    if (!OpenReportOutput(spec, opts, actuals.size(), MsgId::kXlsxTooManyEntries, term, out, err,
                          &ctx, &sink, &stage)) {
      return kExitError;
    }
    ctx.rules = &rules;
    ctx.policy = &policy;
    ctx.color = IsStandardOutput(spec.path) && term.color_stdout();
    ctx.quiet = term.quiet();
    ctx.csv_bom = !opts.csv_no_bom;
    ctx.list_errors = !IsStandardOutput(spec.path);
    std::ostream* stream = sink ? &sink->stream() : &unwritten;
    outputs.push_back({spec, std::move(sink), MakeReporter(spec.format, ctx), stream, std::move(stage)});
  }
  for (Output& o : outputs) {
    o.reporter->Begin(*o.stream);
    if (!ReportFailure(*o.reporter, term, err)) return kExitError;
  }

  // Whether every report formats ahead (Reporter::FormatsAhead).
  bool formats_ahead = true;
  for (const Output& o : outputs) formats_ahead = formats_ahead && o.reporter->FormatsAhead();
  RunSummary summary(rules);
  ProjectIdRegistry ids;
  ProjectsWithoutEntry without_entry;
  Progress progress(term, err);
  // On the workers: score each project against its actuals entry (read-only).
  ProjectWork score = [&](Project&& p, LoadedItem* item, Diagnostics* /*loading*/) {
    Diagnostics* d = &item->entry_diags;
    item->match = actuals.Locate(p.id, p.project);
    item->actuals = actuals.Lookup(*item->match);
    if (item->actuals == ActualsIndex::kNone) return;
    std::optional<ProjectScore> scored = ScoreProject(
        std::move(p), *actuals.Get(item->actuals), rules, d, ScoreOptions{opts.show_work});
    if (!scored) return;  // its errors are in d
    const ProjectScore& s = *scored;
    item->scored = true;
    item->complies = policy.Complies(s);
    // What can be done here is done here, so that the calling thread only
    // writes bytes in order, and the project is freed where it was made.
    if (!formats_ahead) {
      item->score = std::make_unique<ProjectScore>(std::move(*scored));
      return;
    }
    item->digest = ProjectDigest::Of(s, item->complies);
    item->formatted.resize(outputs.size());
    for (size_t i = 0; i < outputs.size(); ++i) {
      outputs[i].reporter->Format(s, item->complies, &item->formatted[i]);
    }
  };
  // In input order: unique ids, claiming actuals, reporting.
  auto consume = [&](LoadedItem&& item) {
    NoteUnreadTargets(item, &actuals);
    diags.Append(std::move(item.diags));
    switch (item.kind) {
      case LoadedItem::Kind::kFileEnd:
        progress.FileDone();
        return;
      case LoadedItem::Kind::kRejected:
        // The actuals of a project that failed to load are its own, not strays.
        actuals.ClaimIndex(item.id, item.name);
        return;
      case LoadedItem::Kind::kProject:
        break;
    }
    if (!ids.Register(item, &diags)) return;
    ++projects;
    if (!ClaimEntry(item, &actuals, &without_entry, &diags)) return;
    diags.Append(std::move(item.entry_diags));
    if (!item.scored) return;  // not scored: its errors are in diags
    if (item.digest) {
      summary.Add(*item.digest);
      for (size_t i = 0; i < outputs.size(); ++i) {
        outputs[i].reporter->WriteFormatted(item.formatted[i], *outputs[i].stream);
      }
    } else {
      summary.Add(*item.score, item.complies);
      for (Output& o : outputs) o.reporter->Project(*item.score, item.complies, *o.stream);
    }
    progress.ProjectDone();
  };
  ids.Reserve(actuals.size());  // about one project an entry
  progress.Start(files.size());
  ReadTargetsInOrder(files, rules, opts.limits, ResolveJobs(opts.jobs), score, consume);
  progress.Finish();
  GiveBackFreeMemory();  // what reading the documents left, before the end-of-run work
  without_entry.Report(actuals, &diags);
  actuals.ReportUnclaimed(&diags);
  EndRunDiagnostics(projects, opts.strict, ResolveJobs(opts.jobs), &diags, term, err);
  int status = kExitOk;
  for (Output& o : outputs) {
    o.reporter->End(summary, diags, *o.stream);
    if (!ReportFailure(*o.reporter, term, err) || !PublishStaged(o.stage.get(), term, err)) {
      status = kExitError;
    }
    ReportWarning(o.reporter->warning(), term, err);
    if (std::optional<Message> why = o.sink ? o.sink->Commit() : std::nullopt) {
      err << WriteErrorLine(o.spec, *why);
      status = kExitError;
    }
  }
  if (diags.has_errors()) return kExitError;
  if (status != kExitOk) return status;
  return summary.complies < summary.projects ? kExitPolicy : kExitOk;
}

}  // namespace jixiao
