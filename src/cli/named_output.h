// Files a reporter writes whole by name (report.h NamedOutput: an xlsx
// workbook), through the atomic output path of output.h.
#ifndef JIXIAO_CLI_NAMED_OUTPUT_H_
#define JIXIAO_CLI_NAMED_OUTPUT_H_

#include <ostream>
#include <string>

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

// Whether the report of `spec` is a directory of files (-f xlsx=DIR/): its
// path ends in '/' or names a directory.
bool WritesDirectory(const OutputSpec& spec);

// Sets `ctx` up for the report of `spec`, one that writes its files by name
// (FormatWritesByName): its path (ending in '/' for a directory, which is
// created when missing), the opener, --xlsx-max-sheets, the threads. False,
// with the error in `diags`, when the directory cannot be made.
// Opens where the report of `spec` goes: `*sink` for a format written as a
// stream, or, for one written by name, `ctx` set up by PrepareNamedOutput,
// a single workbook checked to hold `projects` (else the error `too_many`,
// given the count and the limit). A problem is printed to `err` (through
// `term`) and false returned, before anything is written.
bool OpenReportOutput(const OutputSpec& spec, const Options& opts, size_t projects,
                      MsgId too_many, const Terminal& term, std::ostream& out,
                      std::ostream& err, ReportContext* ctx, std::unique_ptr<OutputSink>* sink);

bool PrepareNamedOutput(const OutputSpec& spec, const Options& opts, ReportContext* ctx,
                        Diagnostics* diags);

// Prints why reporter `r` could not write its files (Reporter::failure),
// if it could not: false then.
bool ReportFailure(const Reporter& r, const Terminal& term, std::ostream& err);
// The same for a failure given as a message (a monitoring reporter's).
bool ReportFailure(Message failure, const Terminal& term, std::ostream& err);

// Prints a reporter's warning (Reporter::warning) on `err`, if any. It
// comes after the run's summary and does not change the exit status.
void ReportWarning(Message warning, const Terminal& term, std::ostream& err);

// Makes `dir` a directory to write files into: creates it when it does not
// exist (its parent must). "" or why not.
std::string EnsureOutputDirectory(const std::string& dir);

}  // namespace jixiao

#endif  // JIXIAO_CLI_NAMED_OUTPUT_H_
