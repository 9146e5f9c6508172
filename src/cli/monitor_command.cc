// `jixiao monitor`: the lights of every project's progress as of a date
// (docs/monitor.md). The same inputs, validation, threads, outputs and
// exit statuses as `eval`, whose machinery it shares (run_common.h).
#include <map>
#include <tuple>

#include "base/lang.h"
#include "base/messages.h"
#include "cli/commands.h"
#include "cli/named_output.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "cli/run_common.h"
#include "model/actuals.h"
#include "report/diagnostic_format.h"
#include "report/monitor_report.h"
#include "score/batch.h"
#include "score/monitor.h"

namespace jixiao {

namespace {

struct Output {
  OutputSpec spec;
  std::unique_ptr<OutputSink> sink;  // nullptr for a report that writes its own files (xlsx)
  std::unique_ptr<MonitorReporter> reporter;
  std::ostream* stream;              // the sink's, or one nobody reads
  std::unique_ptr<StagedDirectory> stage;  // -f xlsx=DIR/: its files until published
};

// The date of the run: --as-of, else the as_of of the first entry that has
// one (the files' as_of are checked against it project by project).
std::optional<AsOf> RunDate(const std::optional<AsOf>& option, const ActualsIndex& entries) {
  if (option) return option;
  for (size_t i = 0; i < entries.size(); ++i) {
    std::shared_ptr<const ProjectActuals> e = entries.Get(i);
    if (e->as_of) return e->as_of;
  }
  return std::nullopt;
}

// An error about the run's date (an as_of outside a project's year, or
// differing from the run's) is about every project of a file or a year:
// reported once where it is written, and counted for the others. So is the
// warning of a file's as_of that --as-of overrides, said once.
class DateErrors {
 public:
  // Moves `from` into `to`, keeping the first of each date error.
  void Append(Diagnostics&& from, Diagnostics* to) {
    if (from.empty()) return;
    if (!from.AnyCode(&IsDateError)) {
      to->Append(std::move(from));
      return;
    }
    for (const Diagnostic& d : from.all()) {
      if (IsDateError(d.code)) {
        auto [it, first] = seen_.emplace(Key(d), Seen{d.loc, d.code, d.severity, 0});
        if (!first) {
          ++it->second.more;
          continue;
        }
      }
      to->Add(d);
    }
  }

  // An error for each date error that stood for more projects.
  void Report(Diagnostics* diags) const {
    for (const auto& [key, s] : seen_) {
      // The code of the error it repeats (a warning is said once).
      if (s.more > 0 && s.severity == Severity::kError) {
        diags->Error(s.loc, Message{s.code, Tr(MsgId::kAsOfErrorMore, s.more)});
      }
    }
  }

 private:
  static bool IsDateError(uint16_t code) {
    return code == CodeOf(MsgId::kAsOfOutsideYear) || code == CodeOf(MsgId::kAsOfDiffers) ||
           code == CodeOf(MsgId::kAsOfOptionDiffers);
  }
  using KeyType = std::tuple<uint16_t, std::string, int, int>;
  static KeyType Key(const Diagnostic& d) { return {d.code, d.loc.file, d.loc.line, d.loc.column}; }
  struct Seen {
    Location loc;
    uint16_t code;
    Severity severity;
    size_t more;
  };
  std::map<KeyType, Seen> seen_;
};

}  // namespace

int RunMonitor(const Options& opts, const Terminal& term, std::ostream& out, std::ostream& err) {
  Diagnostics diags;
  diags.SpillToDisk();  // a year's warnings: bytes of memory each
  std::vector<OutputSpec> specs = ParseOutputSpecs(opts, FormatsOf("monitor"), &diags);
  std::optional<AsOf> as_of_option;
  if (!opts.as_of.empty()) {
    AsOf a;
    if (std::optional<Message> bad = ParseAsOfOption(opts.as_of, &a.date)) {
      diags.Error({}, std::move(*bad));
    } else {
      as_of_option = a;
    }
  }
  if (diags.has_errors()) {
    PrintDiagnostics(diags, term, err);
    return kExitError;
  }
  BatchInputs in;
  if (!FindBatchInputs(opts, specs, term, err, &diags, &in)) return kExitError;
  const Rules& rules = in.rules;
  const PathList& files = in.targets;

  // Progress inputs that cannot be found or read leave the index
  // incomplete: the targets without an entry are then named once.
  ActualsIndex entries;
  for (const std::string& path : in.unread_entries) entries.MarkIncomplete(path);
  ProgressReading reading;
  reading.as_of_required = !as_of_option;
  LoadActualsFiles(in.entries, opts.limits, &entries, &diags, ResolveJobs(opts.jobs),
                   &reading);
  GiveBackFreeMemory();
  entries.ShrinkToFit();
  const std::optional<AsOf> date = RunDate(as_of_option, entries);
  std::optional<MonitorRun> run;
  if (date) run = MakeMonitorRun(*date, rules);

  std::vector<Output> outputs;
  std::ostream unwritten(nullptr);  // the stream of a report that writes its own files
  for (const OutputSpec& spec : specs) {
    MonitorReportContext ctx;
    std::unique_ptr<OutputSink> sink;
    std::unique_ptr<StagedDirectory> stage;
    // A workbook holds at most --xlsx-max-sheets projects: as many as the
    // progress files have entries, in a run without errors.
    if (!OpenReportOutput(spec, opts, entries.size(), MsgId::kXlsxTooManyProgressEntries, term,
                          out, err, &ctx.report, &sink, &stage)) {
      return kExitError;
    }
    ctx.report.rules = &rules;
    ctx.report.color = IsStandardOutput(spec.path) && term.color_stdout();
    ctx.report.quiet = term.quiet();
    ctx.report.csv_bom = !opts.csv_no_bom;
    ctx.report.list_errors = !IsStandardOutput(spec.path);
    ctx.show_work = opts.show_work;
    std::ostream* stream = sink ? &sink->stream() : &unwritten;
    outputs.push_back(
        {spec, std::move(sink), MakeMonitorReporter(spec.format, ctx), stream, std::move(stage)});
  }
  for (Output& o : outputs) {
    o.reporter->Begin(run ? &*run : nullptr, *o.stream);
    if (!ReportFailure(o.reporter->failure(), term, err)) return kExitError;
  }

  const Light fail_at = opts.monitor_fail_on == "yellow" ? Light::kYellow : Light::kRed;
  const bool fail_on = opts.monitor_fail_on != "none";
  bool failing = false;
  // Whether every report formats ahead (MonitorReporter::FormatsAhead).
  bool formats_ahead = true;
  for (const Output& o : outputs) formats_ahead = formats_ahead && o.reporter->FormatsAhead();
  MonitorSummary summary;
  ProjectIdRegistry ids;
  ProjectsWithoutEntry without_entry;
  DateErrors date_errors;
  size_t projects = 0;
  Progress progress(term, err);
  // On the workers: the lights of each project against its entry (read-only).
  ProjectWork work = [&](Project&& p, LoadedItem* item, Diagnostics* /*loading*/) {
    Diagnostics* d = &item->entry_diags;
    item->match = entries.Locate(p.id, p.project);
    item->actuals = entries.Lookup(*item->match);
    if (item->actuals == ActualsIndex::kNone || !run) return;
    std::shared_ptr<const ProjectActuals> e = entries.Get(item->actuals);
    if (!as_of_option && e->as_of && Compare(e->as_of->date, run->as_of.date) != 0) {
      d->Error(e->as_of->loc, MsgId::kAsOfDiffers, FormatDate(e->as_of->date),
               FormatLocation(run->as_of.loc), FormatDate(run->as_of.date));
      return;
    }
    if (as_of_option && e->as_of && Compare(e->as_of->date, as_of_option->date) != 0) {
      // The option wins, but the file's figures may be as of its own date.
      d->Warning(e->as_of->loc, MsgId::kAsOfOptionDiffers, FormatDate(e->as_of->date),
                 FormatDate(as_of_option->date));
    }
    if (!e->as_of && !as_of_option) return;  // its file's missing as_of is reported
    std::optional<ProjectMonitor> m = MonitorProject(std::move(p), *e, rules, *run, d);
    if (!m) return;  // its errors are in d
    item->monitored = true;
    // As in eval: the reports' bytes are made here, the lights freed here.
    if (!formats_ahead) {
      item->monitor = std::make_unique<ProjectMonitor>(std::move(*m));
      return;
    }
    item->monitor_digest = MonitorDigest::Of(*m);
    item->formatted.resize(outputs.size());
    for (size_t i = 0; i < outputs.size(); ++i) outputs[i].reporter->Format(*m, &item->formatted[i]);
  };
  // In input order: unique ids, claiming entries, reporting.
  auto consume = [&](LoadedItem&& item) {
    NoteUnreadTargets(item, &entries);
    date_errors.Append(std::move(item.diags), &diags);
    switch (item.kind) {
      case LoadedItem::Kind::kFileEnd:
        progress.FileDone();
        return;
      case LoadedItem::Kind::kRejected:
        entries.ClaimIndex(item.id, item.name);  // its entry is its own, not a stray
        return;
      case LoadedItem::Kind::kProject:
        break;
    }
    if (!ids.Register(item, &diags)) return;
    ++projects;
    if (!ClaimEntry(item, &entries, &without_entry, &diags)) return;
    date_errors.Append(std::move(item.entry_diags), &diags);
    if (!item.monitored) return;  // not monitored: its errors are in diags
    if (item.monitor_digest) {
      summary.Add(*item.monitor_digest);
      if (fail_on && item.monitor_digest->light >= fail_at) failing = true;
      for (size_t i = 0; i < outputs.size(); ++i) {
        outputs[i].reporter->WriteFormatted(item.formatted[i], *outputs[i].stream);
      }
    } else {
      summary.Add(*item.monitor);
      if (fail_on && item.monitor->light >= fail_at) failing = true;
      for (Output& o : outputs) o.reporter->Project(*item.monitor, *o.stream);
    }
    progress.ProjectDone();
  };
  ids.Reserve(entries.size());
  progress.Start(files.size());
  ReadTargetsInOrder(files, rules, opts.limits, ResolveJobs(opts.jobs), work, consume);
  progress.Finish();
  GiveBackFreeMemory();
  date_errors.Report(&diags);
  without_entry.Report(entries, &diags);
  entries.ReportUnclaimed(&diags);
  EndRunDiagnostics(projects, opts.strict, ResolveJobs(opts.jobs), &diags, term, err);
  int status = kExitOk;
  for (Output& o : outputs) {
    o.reporter->End(summary, diags, *o.stream);
    if (!ReportFailure(o.reporter->failure(), term, err) ||
        !PublishStaged(o.stage.get(), term, err)) {
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
  return failing ? kExitPolicy : kExitOk;
}

}  // namespace jixiao
