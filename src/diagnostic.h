// Diagnostics: the one error and warning type of jixiao.
//
// Errors are values. Loaders, validators and scorers append Diagnostics to a
// Diagnostics list and go on, so that one run reports every problem it can
// find; only reporters turn them into text.
#ifndef JIXIAO_DIAGNOSTIC_H_
#define JIXIAO_DIAGNOSTIC_H_

#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

// A place in an input file. `line` and `column` are 1-based; `column` counts
// code points. 0 means unknown (a whole-file problem, or no file at all).
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
};

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  Location loc;
  std::string message;      // what is wrong and what was expected
  std::string source_line;  // the text of loc.line, for a caret display; may be ""
};

// An ordered list of diagnostics.
class Diagnostics {
 public:
  void Add(Diagnostic d);
  void Error(Location loc, std::string message, std::string source_line = {});
  void Warning(Location loc, std::string message, std::string source_line = {});
  // Appends all of `other`, in order.
  void Append(const Diagnostics& other);
  void Append(Diagnostics&& other);
  // Moves every diagnostic out, leaving this list empty.
  Diagnostics Take();

  const std::vector<Diagnostic>& all() const { return list_; }
  size_t error_count() const { return errors_; }
  size_t warning_count() const { return list_.size() - errors_; }
  bool has_errors() const { return errors_ > 0; }
  bool empty() const { return list_.empty(); }

  // Turns every warning into an error (--strict).
  void PromoteWarnings();

  // Gives each diagnostic that has a line but no source text the text of
  // that line, read from its file (each file read once). Used before
  // printing, for diagnostics made where the text was not at hand.
  void FillSourceLines();

 private:
  std::vector<Diagnostic> list_;
  size_t errors_ = 0;
};

// An input file's name and text, with the leading UTF-8 BOM removed.
// Offsets are byte offsets into `text`.
struct Source {
  std::string path;
  std::string text;

  // Location of byte `offset` (clamped to the text). `line` is its 1-based
  // line when the caller knows it (a parser mark), which saves a scan of
  // the text before it; 0 means unknown.
  Location At(size_t offset, int line = 0) const;
  // The text of the line that holds byte `offset`, without its terminator.
  std::string_view LineAt(size_t offset) const;
};

// Builds a diagnostic at byte `offset` of `src` (on 1-based `line`, or 0 if
// unknown), with its source line for a caret display.
Diagnostic MakeDiagnostic(Severity severity, const Source& src, size_t offset,
                          std::string message, int line = 0);

}  // namespace jixiao

#endif  // JIXIAO_DIAGNOSTIC_H_
