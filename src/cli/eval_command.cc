// `jixiao eval`: score every project against its actuals and report.
#include <algorithm>

#include <fmt/format.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "base/lang.h"
#include "model/actuals.h"
#include "score/batch.h"
#include "cli/commands.h"
#include "report/diagnostic_format.h"
#include "yaml/inputs.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "report/report.h"
#include "model/rules_file.h"
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

// Two settings of glibc's allocator for a run over a whole year, kept here
// (the command that reads one) rather than in the code they serve. Measured
// with `bash bench/run.sh --rss-scaling`: without them the peak RSS at
// 100,000 projects is about 1 MiB (7%) higher, 1.5 times the peak at 10,000
// instead of 1.4.

// Blocks of 128 KiB and more (the path list and other tables that grow with
// the year, a large file's text) are mapped and unmapped on their own, not
// left in the heap as holes: glibc would otherwise raise this threshold.
void KeepLargeBlocksOutOfTheHeap() {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

// Gives the memory a phase of the run left free back to the system, so that
// it does not count again, as resident, in the next phase's peak.
void GiveBackFreeMemory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

// "'a', 'b', 'c' and 2 more" ("“a”、“b”、“c”，另有 2 个"): the first few of
// `names`, of `total`.
std::string NameSome(const std::vector<std::string>& names, size_t total) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) {
      out += Text(i + 1 == names.size() && total == names.size() ? MsgId::kListLast
                                                                 : MsgId::kListSeparator);
    }
    out += Tr(MsgId::kListQuoted, names[i]);
  }
  if (total > names.size()) out = Tr(MsgId::kListMore, out, total - names.size());
  return out;
}

// The target projects left without an actuals entry in a run where some
// actuals input could not be read in full: their entries may well be
// there, so they are named in one error rather than one each.
class ProjectsWithoutEntry {
 public:
  static constexpr size_t kNamed = 3;

  void Add(const LoadedItem& item) {
    if (count_ == 0) {
      first_ = item.id_loc;
      first_line_ = item.id_line;
    }
    if (names_.size() < kNamed) names_.push_back(item.name);
    ++count_;
  }

  void Report(const std::vector<std::string>& unread, Diagnostics* diags) const {
    if (count_ == 0) return;
    std::vector<std::string> files;
    for (const std::string& f : unread) {
      if (std::find(files.begin(), files.end(), f) != files.end()) continue;
      if (files.size() == kNamed) break;
      files.push_back(f);
    }
    size_t distinct = 0;
    for (size_t i = 0; i < unread.size(); ++i) {
      if (std::find(unread.begin(), unread.begin() + static_cast<std::ptrdiff_t>(i),
                    unread[i]) == unread.begin() + static_cast<std::ptrdiff_t>(i)) {
        ++distinct;
      }
    }
    const std::string files_named = NameSome(files, distinct);
    Message m = count_ == 1 ? Msg(distinct == 1 ? MsgId::kNoEntryUnreadFile
                                                : MsgId::kNoEntryUnreadFiles,
                                  NameSome(names_, count_), files_named)
                            : Msg(distinct == 1 ? MsgId::kNoEntriesUnreadFile
                                                : MsgId::kNoEntriesUnreadFiles,
                                  count_, NameSome(names_, count_), files_named);
    diags->Error(first_, std::move(m), first_line_);
  }

 private:
  size_t count_ = 0;
  std::vector<std::string> names_;
  Location first_;
  std::string first_line_;
};

struct Output {
  OutputSpec spec;
  std::unique_ptr<OutputSink> sink;
  std::unique_ptr<Reporter> reporter;
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
  // Every input is found before any is read, to be checked against the
  // reports' files.
  KeepLargeBlocksOutOfTheHeap();
  // An actuals input that cannot be found or read leaves the index
  // incomplete: the targets without an entry are then named once.
  Diagnostics expanding;
  PathList actuals_files = ExpandInputs(opts.actuals, {".yaml", ".yml", ".csv"}, &expanding);
  std::vector<std::string> unread_actuals;
  for (const Diagnostic& d : expanding.all()) {
    if (d.severity == Severity::kError) unread_actuals.push_back(d.loc.file);
  }
  diags.Append(std::move(expanding));
  PathList files = ExpandInputs(opts.targets, {".yaml", ".yml"}, &diags);
  GiveBackFreeMemory();  // what walking the directories took and left free
  if (!CheckOutputsAgainstInputs(specs, opts, {&actuals_files, &files}, &diags)) {
    PrintDiagnostics(diags, term, err);
    return kExitError;
  }
  const size_t errors_before_rules = diags.error_count();
  Rules rules = LoadRules(opts.rules_file, opts.limits, &diags);
  if (diags.error_count() > errors_before_rules) {
    PrintDiagnostics(diags, term, err);
    return kExitError;
  }

  ActualsIndex actuals;
  size_t projects = 0;
  for (const std::string& path : unread_actuals) actuals.MarkIncomplete(path);
  LoadActualsFiles(actuals_files, opts.limits, &actuals, &diags, ResolveJobs(opts.jobs));
  // Reading the actuals built and freed a tree per document.
  GiveBackFreeMemory();
  actuals.ShrinkToFit();  // the room its tables kept to grow in

  std::vector<Output> outputs;
  for (const OutputSpec& spec : specs) {
    Message why;
    std::unique_ptr<OutputSink> sink = OutputSink::Open(spec, out, &why);
    if (!sink) {
      err << WriteErrorLine(spec, why);
      return kExitError;
    }
    ReportContext ctx;
    ctx.rules = &rules;
    ctx.english = English();
    ctx.color = IsStandardOutput(spec.path) && term.color_stdout();
    ctx.quiet = term.quiet();
    ctx.csv_bom = !opts.csv_no_bom;
    ctx.list_errors = !IsStandardOutput(spec.path);
    outputs.push_back({spec, std::move(sink), MakeReporter(spec.format, ctx)});
  }
  for (Output& o : outputs) o.reporter->Begin(o.sink->stream());

  RunSummary summary(rules);
  ProjectIdRegistry ids;
  ProjectsWithoutEntry without_entry;
  Progress progress(term, err);
  // On the workers: score each project against its actuals entry (read-only).
  ProjectWork score = [&](Project&& p, LoadedItem* item, Diagnostics* d) {
    item->match = actuals.Locate(p.id, p.project);
    item->actuals = actuals.Lookup(*item->match);
    if (item->actuals != ActualsIndex::kNone) {
      item->score = ScoreProject(std::move(p), *actuals.Get(item->actuals), rules, d);
    }
  };
  // In input order: unique ids, claiming actuals, reporting.
  auto consume = [&](LoadedItem&& item) {
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
    bool ambiguous = false;
    size_t claimed = actuals.ClaimIndex(
        item.id, item.name, item.match ? *item.match : actuals.Locate(item.id, item.name),
        &ambiguous);
    // Its entry could be another project's: reported at the entry, not scored.
    if (ambiguous) return;
    if (claimed == ActualsIndex::kNone && !actuals.incomplete().empty()) {
      without_entry.Add(item);
      return;
    }
    if (claimed == ActualsIndex::kNone || claimed != item.actuals) {
      diags.Error(item.id_loc, Msg(MsgId::kNoActualsEntry, item.name, item.id), item.id_line);
      return;
    }
    if (!item.score) return;  // not scored: its errors are in diags
    bool complies = policy.Complies(*item.score);
    summary.Add(*item.score, complies);
    for (Output& o : outputs) o.reporter->Project(*item.score, complies, o.sink->stream());
    progress.ProjectDone();
  };
  ids.Reserve(actuals.size());  // about one project an entry
  progress.Start(files.size());
  ReadTargetsInOrder(files, rules, opts.limits, ResolveJobs(opts.jobs), score, consume);
  progress.Finish();
  GiveBackFreeMemory();  // what reading the documents left, before the end-of-run work
  without_entry.Report(actuals.incomplete(), &diags);
  actuals.ReportUnclaimed(&diags);
  if (projects == 0 && !diags.has_errors()) {
    diags.Error({}, MsgId::kNoProjects);
  }
  if (opts.strict) diags.PromoteWarnings();
  diags.FillSourceLines();
  PrintDiagnostics(diags, term, err);
  int status = kExitOk;
  for (Output& o : outputs) {
    o.reporter->End(summary, diags, o.sink->stream());
    if (std::optional<Message> why = o.sink->Commit()) {
      err << WriteErrorLine(o.spec, *why);
      status = kExitError;
    }
  }
  if (diags.has_errors()) return kExitError;
  if (status != kExitOk) return status;
  return summary.complies < summary.projects ? kExitPolicy : kExitOk;
}

}  // namespace jixiao
