// What the commands that read a year of targets against their entries
// (eval, monitor) share: finding their inputs, the allocator's settings for
// a long run, and claiming each project's entry in input order.
#ifndef JIXIAO_CLI_RUN_COMMON_H_
#define JIXIAO_CLI_RUN_COMMON_H_

#include <ostream>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/path_list.h"
#include "base/terminal.h"
#include "cli/options.h"
#include "cli/output.h"
#include "model/actuals.h"
#include "model/rules.h"
#include "score/batch.h"

namespace jixiao {

// The inputs of a batch run, all found before any is read.
struct BatchInputs {
  PathList entries;  // actuals (eval) or progress (monitor) files
  // Entries' inputs that could not be found or read: an index without them
  // is incomplete (ActualsIndex::MarkIncomplete).
  std::vector<std::string> unread_entries;
  PathList targets;
  Rules rules;
};

// Finds the entries' and the targets' files of `opts`, checks the reports'
// files `specs` against them (docs/reference.md §11), and loads the rules.
// What goes wrong goes to `diags`; false, after printing them, when the run
// cannot go on. Sets the allocator up for a long run first.
bool FindBatchInputs(const Options& opts, const std::vector<OutputSpec>& specs,
                     const Terminal& term, std::ostream& err, Diagnostics* diags,
                     BatchInputs* in);

// Two settings of the allocator for a run over a whole year (see
// run_common.cc): large blocks mapped on their own (glibc's malloc), and the
// memory a phase of the run left free given back before the next.
// The end of a batch run's diagnostics (eval, monitor): "no target
// projects" when none was read and nothing else is wrong, warnings made
// errors under --strict, each one's source line filled in (files read on
// `jobs` threads), all printed.
void EndRunDiagnostics(size_t projects, bool strict, int jobs, Diagnostics* diags,
                       const Terminal& term, std::ostream& err);

void KeepLargeBlocksOutOfTheHeap();
void GiveBackFreeMemory();

// The target projects left without an entry in a run where some input of
// entries could not be read in full: their entries may well be there, so
// they are named in one error rather than one each.
class ProjectsWithoutEntry {
 public:
  static constexpr size_t kNamed = 3;

  void Add(const LoadedItem& item);
  // The error, if any project was added, about the inputs of `entries` not
  // read in full (ActualsIndex::incomplete).
  void Report(const ActualsIndex& entries, Diagnostics* diags) const;

 private:
  size_t count_ = 0;
  std::vector<std::string> names_;
  Location first_;
  std::string first_line_;
};

// Claims the entry of the project `item` (a registered kProject, in input
// order) in `actuals`. True when its entry is the one the per-project work
// used (item.actuals): the work's result may be reported. False otherwise,
// after reporting why — no entry (or one in a file not read in full:
// `without`), or an entry that could be another project's (reported at the
// entry).
bool ClaimEntry(const LoadedItem& item, ActualsIndex* actuals, ProjectsWithoutEntry* without,
                Diagnostics* diags);

// For each item of the targets, before its diagnostics are moved on: at the
// end of a file (kFileEnd) an error left there (a syntax error, an
// unreadable file, a document without its id), or before a project a
// document lost to a syntax error (LoadedItem::lost_before), means some
// project of the file may not have been read, so an entry matching no
// project may be its (ActualsIndex::MarkTargetsIncomplete).
void NoteUnreadTargets(const LoadedItem& item, ActualsIndex* actuals);

}  // namespace jixiao

#endif  // JIXIAO_CLI_RUN_COMMON_H_
