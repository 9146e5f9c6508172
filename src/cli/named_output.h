// Files a reporter writes whole by name (report.h NamedOutput: an xlsx
// workbook), through the atomic output path of output.h.
#ifndef JIXIAO_CLI_NAMED_OUTPUT_H_
#define JIXIAO_CLI_NAMED_OUTPUT_H_

#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/terminal.h"
#include "cli/options.h"
#include "cli/output.h"
#include "report/report.h"

namespace jixiao {

// Opens a destination as OutputSink does (docs/reference.md §11): a regular
// file (or a new one) is written as a temporary beside it, renamed over it
// by Commit. A destination written in place (/dev/null, a FIFO) gets a
// temporary file in $TMPDIR, copied into it by Commit. Either temporary is
// removed if the run fails or is interrupted.
OpenNamedOutput NamedOutputOpener();

// The files of a report written into a directory (-f xlsx=DIR/: 汇总.xlsx
// and the departments' workbooks) are written into a directory of their own
// inside it, DIR/.jixiao-XXXXXX, and moved into DIR only once every one of
// them was written (Publish). A run that fails or is interrupted (a signal:
// cleanup.h removes the staging directory) leaves DIR as it was, rather
// than this run's 汇总.xlsx beside some of its workbooks and an earlier
// run's others. (SIGKILL, which no process can catch, leaves the staging
// directory behind; it is hidden, and never read.)
class StagedDirectory {
 public:
  // Makes the staging directory in `dir` (which exists); nullptr and `*why`
  // when it cannot. `created_slot` is the slot of `dir` when this run
  // created it (EnsureOutputDirectory), else -1: taken over here.
  static std::unique_ptr<StagedDirectory> Create(const std::string& dir, int created_slot,
                                                 std::string* why);
  // Removes the staging directory and what is in it, unless published; and
  // `dir` too, if this run created it and it is empty.
  ~StagedDirectory();
  StagedDirectory(const StagedDirectory&) = delete;
  StagedDirectory& operator=(const StagedDirectory&) = delete;

  // Opens `path`, a file in the directory, in the staging directory instead
  // (each file written as NamedOutputOpener writes it, there); safe to call
  // from several threads, as the workbooks are written.
  OpenNamedOutput Opener();

  // Moves every file written (committed) into the directory, in the reverse
  // order of their writing (the departments' workbooks, then 汇总.xlsx,
  // written first); "" or why not, with the file's name in `*file`.
  std::string Publish(std::string* file);

 private:
  StagedDirectory(std::string dir, std::string staging, int slot, int created_slot)
      : dir_(std::move(dir)), staging_(std::move(staging)), slot_(slot),
        created_slot_(created_slot) {}
  // Removes the staging directory; unless `published`, `dir` too if this run
  // created it and it is empty.
  void Remove(bool published);

  std::string dir_;       // ends in '/'
  std::string staging_;   // ends in '/'
  int slot_ = -1;         // cleanup.h
  int created_slot_ = -1;  // of dir_, if this run created it
  std::mutex mu_;
  std::vector<std::string> written_;  // names committed, in order
  bool done_ = false;
};

// Whether the report of `spec` is a directory of files (-f xlsx=DIR/): its
// path ends in '/' or names a directory.
bool WritesDirectory(const OutputSpec& spec);

// Opens where the report of `spec` goes: `*sink` for a format written as a
// stream, or, for one written by name, `ctx` set up by PrepareNamedOutput,
// a single workbook checked to hold `projects` (else the error `too_many`,
// given the count and the limit). A problem is printed to `err` (through
// `term`) and false returned, before anything is written. A directory's
// files are staged (`*stage`, StagedDirectory): the caller publishes them
// once the report's End succeeded (PublishStaged).
bool OpenReportOutput(const OutputSpec& spec, const Options& opts, size_t projects,
                      MsgId too_many, const Terminal& term, std::ostream& out,
                      std::ostream& err, ReportContext* ctx, std::unique_ptr<OutputSink>* sink,
                      std::unique_ptr<StagedDirectory>* stage);

// Sets `ctx` up for the report of `spec`, one that writes its files by name
// (FormatWritesByName): its path (ending in '/' for a directory, which is
// created when missing, its files staged in `*stage`), the opener,
// --xlsx-max-sheets, the threads. False, with the error in `diags`, when
// the directory (or its staging directory) cannot be made.
bool PrepareNamedOutput(const OutputSpec& spec, const Options& opts, ReportContext* ctx,
                        Diagnostics* diags, std::unique_ptr<StagedDirectory>* stage);

// Publishes `stage` (when there is one) after its report's End: false, with
// the error (JX0793) printed, when a file could not be moved into place.
bool PublishStaged(StagedDirectory* stage, const Terminal& term, std::ostream& err);

// Prints why reporter `r` could not write its files (Reporter::failure),
// if it could not: false then.
bool ReportFailure(const Reporter& r, const Terminal& term, std::ostream& err);
// The same for a failure given as a message (a monitoring reporter's).
bool ReportFailure(Message failure, const Terminal& term, std::ostream& err);

// Prints a reporter's warning (Reporter::warning) on `err`, if any. It
// comes after the run's summary and does not change the exit status.
void ReportWarning(Message warning, const Terminal& term, std::ostream& err);

// Makes `dir` a directory to write files into: creates it when it does not
// exist (its parent must), registering it (RegisterCreatedDirectory) in
// `*created_slot` (-1 when it existed). "" or why not.
std::string EnsureOutputDirectory(const std::string& dir, int* created_slot);

}  // namespace jixiao

#endif  // JIXIAO_CLI_NAMED_OUTPUT_H_
