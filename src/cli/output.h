// Where reports go: formats, files, atomic writes.
#ifndef JIXIAO_CLI_OUTPUT_H_
#define JIXIAO_CLI_OUTPUT_H_

#include <fstream>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "cli/options.h"

namespace jixiao {

// One requested report: a format and a file ("" = standard output).
struct OutputSpec {
  std::string format;
  std::string path;
};

// The outputs requested by -f FORMAT[=FILE] (repeatable) and -o FILE.
// Without -f the format is text. -o names the file of the one -f given
// without a file. Errors (an unknown format, two reports on standard
// output, -o with several formats) go to `diags`.
std::vector<OutputSpec> ParseOutputSpecs(const Options& opts,
                                         const std::vector<std::string>& formats,
                                         Diagnostics* diags);

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

// Where one report is written: standard output, or a temporary file beside
// the destination that Commit renames over it, so that a failed or
// interrupted run never leaves half a report behind.
class OutputSink {
 public:
  // Opens the destination of `spec`; nullptr and `*error` set when the
  // temporary file cannot be created.
  static std::unique_ptr<OutputSink> Open(const OutputSpec& spec, std::ostream& out,
                                          std::string* error);
  ~OutputSink();  // removes the temporary file unless committed

  std::ostream& stream() { return *stream_; }
  // Flushes and, for a file, renames the temporary file over the
  // destination. Returns "" on success, else the reason.
  std::string Commit();

 private:
  OutputSink() = default;
  std::ostream* out_ = nullptr;
  std::unique_ptr<std::ofstream> file_;
  std::unique_ptr<BlockBuf> buf_;        // in front of file_ or out_
  std::unique_ptr<std::ostream> stream_;  // writes to buf_
  std::string path_, tmp_;
  bool committed_ = false;
};

// Writes `text` to standard output (`out`) or, for a file, atomically: to a
// temporary file beside it, then renamed over it, so that a failed run never
// leaves half a report. Returns false and reports on `err` when it cannot.
bool WriteOutput(const OutputSpec& spec, const std::string& text, std::ostream& out,
                 std::ostream& err);

}  // namespace jixiao

#endif  // JIXIAO_CLI_OUTPUT_H_
