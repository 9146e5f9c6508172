// What eval and monitor share (run_common.h).
#include "cli/run_common.h"

#include <algorithm>

#include <fmt/format.h>

#include "model/rules_file.h"
#include "report/diagnostic_format.h"
#include "yaml/inputs.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace jixiao {

// Two settings of the allocator for a run over a whole year, kept with
// the commands that read one rather than in the code they serve. With
// glibc's malloc (a build with -DJIXIAO_JEMALLOC=OFF), measured with `bash
// bench/run.sh --rss-scaling`: without them the peak RSS at 100,000
// projects is about 1 MiB (7%) higher, 1.5 times the peak at 10,000 instead
// of 1.4. jemalloc places large blocks itself; its arenas are purged.

// Blocks of 128 KiB and more (the path list and other tables that grow with
// the year, a large file's text) are mapped and unmapped on their own, not
// left in the heap as holes: glibc would otherwise raise this threshold.
void KeepLargeBlocksOutOfTheHeap() {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

// jemalloc's control call, when the binary is linked with jemalloc (see
// CMakeLists.txt): a weak reference, null otherwise.
extern "C" int mallctl(const char* name, void* oldp, size_t* oldlenp, void* newp,
                       size_t newlen) __attribute__((weak));

// Gives the memory a phase of the run left free back to the system, so that
// it does not count again, as resident, in the next phase's peak.
void GiveBackFreeMemory() {
  if (mallctl != nullptr) {
    // Every arena ("arena.<MALLCTL_ARENAS_ALL>.purge"), at once.
    mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);
    return;
  }
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

void ProjectsWithoutEntry::Add(const LoadedItem& item) {
  if (count_ == 0) {
    first_ = item.id_loc;
    first_line_ = item.id_line;
  }
  if (names_.size() < kNamed) names_.push_back(item.name);
  ++count_;
}

void ProjectsWithoutEntry::Report(const ActualsIndex& entries, Diagnostics* diags) const {
  if (count_ == 0) return;
  const std::vector<std::string>& unread = entries.incomplete();  // each once
  const size_t distinct = unread.size();
  const std::string files_named = NameFirst(unread, kNamed);
  Message m = count_ == 1 ? Msg(entries.Say(distinct == 1 ? MsgId::kNoEntryUnreadFile
                                                          : MsgId::kNoEntryUnreadFiles),
                                NameSome(names_, count_), files_named)
                          : Msg(entries.Say(distinct == 1 ? MsgId::kNoEntriesUnreadFile
                                                          : MsgId::kNoEntriesUnreadFiles),
                                count_, NameSome(names_, count_), files_named);
  diags->Error(first_, std::move(m), first_line_);
}

void NoteUnreadTargets(const LoadedItem& item, ActualsIndex* actuals) {
  if (!item.lost_before.empty()) actuals->MarkTargetsIncomplete(item.lost_before);
  if (item.kind != LoadedItem::Kind::kFileEnd || !item.diags.has_errors()) return;
  for (const Diagnostic& d : item.diags.all()) {
    if (d.severity == Severity::kError && !d.loc.file.empty()) {
      actuals->MarkTargetsIncomplete(d.loc.file);
    }
  }
}

bool ClaimEntry(const LoadedItem& item, ActualsIndex* actuals, ProjectsWithoutEntry* without,
                Diagnostics* diags) {
  bool ambiguous = false;
  const ActualsIndex::Match match =
      item.match ? *item.match : actuals->Locate(item.id, item.name);
  size_t claimed = actuals->ClaimIndex(item.id, item.name, match, &ambiguous);
  // Its entry could be another project's: reported at the entry, not scored.
  if (ambiguous) return false;
  if (claimed == ActualsIndex::kNone && !actuals->incomplete().empty()) {
    without->Add(item);
    return false;
  }
  if (const size_t taken = actuals->TakenByName(match);
      claimed == ActualsIndex::kNone && taken != ActualsIndex::kNone) {
    // Two target projects of one name: the entry by name went to the first.
    diags->Error(item.id_loc,
                 Msg(actuals->Say(MsgId::kNoActualsEntryNameTaken), item.name, item.id,
                     FormatLocation(actuals->EntryLocation(taken))),
                 item.id_line);
    return false;
  }
  if (claimed == ActualsIndex::kNone || claimed != item.actuals) {
    diags->Error(item.id_loc, Msg(actuals->Say(MsgId::kNoActualsEntry), item.name, item.id), item.id_line);
    return false;
  }
  return true;
}

bool FindBatchInputs(const Options& opts, const std::vector<OutputSpec>& specs,
                     const Terminal& term, std::ostream& err, Diagnostics* diags,
                     BatchInputs* in) {
  KeepLargeBlocksOutOfTheHeap();
  Diagnostics expanding;
  in->entries = ExpandInputs(opts.actuals, {".yaml", ".yml", ".csv"}, &expanding);
  for (const Diagnostic& d : expanding.all()) {
    if (d.severity == Severity::kError) in->unread_entries.push_back(d.loc.file);
  }
  diags->Append(std::move(expanding));
  in->targets = ExpandInputs(opts.targets, {".yaml", ".yml"}, diags);
  GiveBackFreeMemory();  // what walking the directories took and left free
  if (!CheckOutputsAgainstInputs(specs, opts, {&in->entries, &in->targets}, diags)) {
    PrintDiagnostics(*diags, term, err);
    return false;
  }
  const size_t errors_before_rules = diags->error_count();
  in->rules = LoadRules(opts.rules_file, opts.limits, diags);
  if (diags->error_count() > errors_before_rules) {
    PrintDiagnostics(*diags, term, err);
    return false;
  }
  return true;
}

void EndRunDiagnostics(size_t projects, bool strict, int jobs, Diagnostics* diags,
                       const Terminal& term, std::ostream& err) {
  if (projects == 0 && !diags->has_errors()) diags->Error({}, MsgId::kNoProjects);
  if (strict) diags->PromoteWarnings();
  diags->FillSourceLines(jobs);
  PrintDiagnostics(*diags, term, err);
}

}  // namespace jixiao
