// Where reports go: formats, files, atomic writes.
#ifndef JIXIAO_CLI_OUTPUT_H_
#define JIXIAO_CLI_OUTPUT_H_

#include <initializer_list>
#include <memory>
#include <optional>
#include <ostream>
#include <streambuf>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "base/path_list.h"
#include "cli/options.h"

namespace jixiao {

// One requested report: a format and a file ("" = standard output).
struct OutputSpec {
  OutputSpec() = default;
  OutputSpec(std::string format_, std::string path_)
      : format(std::move(format_)), path(std::move(path_)) {}

  std::string format;
  std::string path;
  // -f FORMAT=FILE naming a file of another format by its extension
  // (-f xlsx=2023实际.csv), or a document jixiao does not write (-f
  // csv=6月监控表.xls): said by CheckOutputsAgainstInputs unless what it
  // finds (the file is an input, another report's) says more.
  std::optional<Message> misnamed;
};

// The format among `formats` a file so named holds, by its extension in
// any case (.xlsx, .html/.htm, .json, .jsonl, .csv, .md/.markdown, .xml for
// junit, .yaml/.yml); "" for another name or a format not among them.
std::string FormatOfName(const std::string& path, const std::vector<std::string>& formats);

// The outputs requested by -f FORMAT[=FILE] (repeatable) and -o FILE.
// Without -f the format is the one -o's name says (FormatOfName), else the
// command's first (text). -o names the file of the one -f given without a
// file. Errors (an unknown format, two reports on standard output, -o with
// several formats, -o naming a file of another format, or a spreadsheet,
// a word processor's document or a PDF, which no format is: JX0727) go to
// `diags`.
std::vector<OutputSpec> ParseOutputSpecs(const Options& opts,
                                         const std::vector<std::string>& formats,
                                         Diagnostics* diags);

// Whether `format` is never written to standard output (xlsx, html): a
// workbook is not text, and a year's page is no thing for a terminal.
bool FormatNeedsFile(const std::string& format);
// Whether `format` writes whole files by name (xlsx), rather than as a
// stream: a file, or a directory (FormatTakesDirectory).
bool FormatWritesByName(const std::string& format);
// Whether `format` may be given a directory (DIR/) for several files.
bool FormatTakesDirectory(const std::string& format);

// Collects what is written into blocks of `size` bytes before handing them
// on to `target`, so that a year's report costs one write a block rather
// than one a project (an ostream hands any piece of 1 KiB or more straight
// to the system). Flushing (sync) hands on what is held.
class BlockBuf : public std::streambuf {
 public:
  explicit BlockBuf(std::streambuf* target, size_t size = 64 * 1024);
  // Whether `target` took less than it was given.
  bool failed() const { return failed_; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool Drain();
  std::streambuf* target_;
  std::vector<char> buf_;
  bool failed_ = false;
};

// Whether `path` names standard output: "" or "-", or /dev/stdout (and
// /dev/fd/1, /proc/self/fd/1), which is written through `out` like "".
bool IsStandardOutput(const std::string& path);
// Whether `path` names an open descriptor (/dev/stdin, /dev/stdout,
// /dev/stderr, /dev/fd/N, /proc/self/fd/N), written in place.
bool IsDescriptorPath(const std::string& path);

// What a command writes for a person to fill in or edit (a template, a
// rules file) might replace their work: each spec whose file exists as a
// regular file is the error `message` (JX0719), unless --force. Standard
// output, a FIFO or a device destroys nothing.
void RefuseExistingFiles(const std::vector<OutputSpec>& specs, MsgId message, Diagnostics* diags);

// Where one report is written (docs/reference.md §11):
// - standard output (IsStandardOutput);
// - another open descriptor (/dev/stderr, /dev/fd/N): written in place;
// - a file that is not a regular file (a FIFO, /dev/null, a terminal):
//   written in place, never replaced;
// - a regular file, or a new one: written to a temporary file beside it,
//   created exclusively (O_EXCL, so never through a symbolic link) under an
//   unpredictable name, which Commit renames over the destination with the
//   destination's permission bits (and owner, when jixiao may set it). A
//   failed or interrupted run (cleanup.h) leaves the destination as it was
//   and no temporary file.
// A destination that is a symbolic link is written through it: the file it
// names is replaced, the link is kept. A link to no file is refused (an
// old link in a shared directory must not make jixiao create files
// elsewhere), and so is a link in a sticky world-writable directory (/tmp)
// owned by another user, as the kernel refuses to follow one there
// (fs.protected_symlinks). A directory is refused.
class OutputSink {
 public:
  // Opens the destination of `spec`; nullptr and `*error` set (the reason,
  // such as "is a directory", with its code) when it cannot.
  static std::unique_ptr<OutputSink> Open(const OutputSpec& spec, std::ostream& out,
                                          Message* error);
  ~OutputSink();  // removes the temporary file unless committed

  std::ostream& stream() { return *stream_; }
  // The temporary file beside the destination that Commit renames over it,
  // for a writer that writes a whole file by name (libxlsxwriter); "" when
  // the destination is written in place (standard output, /dev/null, a FIFO).
  const std::string& temporary() const { return tmp_; }
  // Flushes and, for a temporary file, renames it over the destination.
  // Returns nullopt on success, else the reason.
  std::optional<Message> Commit();

 private:
  class FdBuf;
  OutputSink() = default;
  std::ostream* out_ = nullptr;           // standard output, or nullptr
  int fd_ = -1;                           // else the file written
  std::unique_ptr<FdBuf> file_;           // writes to fd_
  std::unique_ptr<BlockBuf> buf_;         // in front of file_ or out_
  std::unique_ptr<std::ostream> stream_;  // writes to buf_
  std::string path_;                      // the destination (a link resolved)
  std::string tmp_;                       // the temporary file, or "" (in place)
  int slot_ = -1;                         // tmp_'s slot in cleanup.h's table
  bool committed_ = false;
};

// The files a run writes, checked against each other and against the files
// it reads before anything is read or written (docs/reference.md §11). A
// file is the same as another when it has the same device and inode (so
// "a", "./a", a hard link and a symbolic link to it are all one), or, when
// it does not exist yet, the same name in the same directory. Terminals and
// other character devices (/dev/null) are exempt: writing two reports
// there, or reading from one, destroys nothing.
class OutputGuard {
 public:
  // Records the files of `specs`; an error in `diags` for a destination
  // that is a directory, and for two reports to the same file.
  OutputGuard(const std::vector<OutputSpec>& specs, Diagnostics* diags);

  // An error in `diags` for each of `inputs` that is a file a report
  // would be written to.
  void CheckInput(const std::string& input, Diagnostics* diags) const;
  void CheckInputs(const PathList& inputs, Diagnostics* diags) const;

  // The identity of a file: device and inode; or, for one that does not
  // exist, its directory's and its name.
  struct Identity {
    unsigned long long dev = 0, ino = 0;
    std::string name;  // "" for an existing file
    bool operator==(const Identity& o) const {
      return dev == o.dev && ino == o.ino && name == o.name;
    }
  };

 private:
  struct Output {
    std::string format;
    std::string path;  // "" for standard output
    Identity id;
    bool exists = false;
  };
  // A directory a report writes its workbooks into (-f xlsx=DIR/).
  struct WorkbookDirectory {
    std::string path;
    Identity id;
  };

  // Records `o`, or an error when another report goes to the same file.
  void Add(Output o, Diagnostics* diags);
  // Records the existing directory of `spec` and the workbooks in it.
  void AddWorkbookDirectory(const OutputSpec& spec, const Identity& dir, Diagnostics* diags);

  std::vector<Output> outputs_;
  std::vector<WorkbookDirectory> directories_;
};

// Checks the reports of `specs` against each other and against every input
// of the run (OutputGuard): the rules file and the lists of paths (@LIST)
// named in `opts`, and the files of `inputs`. False, with the errors in
// `diags`, when a report would be written over an input or another report:
// a usage error, found before anything is read or written.
bool CheckOutputsAgainstInputs(const std::vector<OutputSpec>& specs, const Options& opts,
                               std::initializer_list<const PathList*> inputs,
                               Diagnostics* diags);

// "FILE: 错误[JX0718]: 无法写入 FORMAT 报告：WHY\n" (or "error[JX0718]: cannot
// write the FORMAT report: WHY"), for stderr; the code is the reason's.
std::string WriteErrorLine(const OutputSpec& spec, const Message& why);

// Items for a person: "a, b, c" (English) or "a、b、c" (Chinese).
std::string JoinList(const std::vector<std::string>& items);

// The system's reason for `errnum` in the run's language: strerror's text
// in English, a Chinese one for the commonest errors.
std::string SystemReason(int errnum);

// Writes `text` to standard output (`out`) or, for a file, atomically: to a
// temporary file beside it, then renamed over it, so that a failed run never
// leaves half a report. Returns false and reports on `err` when it cannot.
bool WriteOutput(const OutputSpec& spec, const std::string& text, std::ostream& out,
                 std::ostream& err);

}  // namespace jixiao

#endif  // JIXIAO_CLI_OUTPUT_H_
