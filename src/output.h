// Where reports go: formats, files, atomic writes.
#ifndef JIXIAO_OUTPUT_H_
#define JIXIAO_OUTPUT_H_

#include <ostream>
#include <string>
#include <vector>

#include "diagnostic.h"
#include "options.h"

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

// Writes `text` to standard output (`out`) or, for a file, atomically: to a
// temporary file beside it, then renamed over it, so that a failed run never
// leaves half a report. Returns false and reports on `err` when it cannot.
bool WriteOutput(const OutputSpec& spec, const std::string& text, std::ostream& out,
                 std::ostream& err);

// Writes `text` to `path` atomically; "" on success, else the reason.
std::string WriteFileAtomically(const std::string& path, const std::string& text);

}  // namespace jixiao

#endif  // JIXIAO_OUTPUT_H_
