// Diagnostics: the one error and warning type of jixiao.
//
// Errors are values. Loaders, validators and scorers append Diagnostics to a
// Diagnostics list and go on, so that one run reports every problem it can
// find; only reporters turn them into text.
#ifndef JIXIAO_BASE_DIAGNOSTIC_H_
#define JIXIAO_BASE_DIAGNOSTIC_H_

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/messages.h"

namespace jixiao {

// A place in an input file. `line` and `column` are 1-based; `column` counts
// code points. 0 means unknown (a whole-file problem, or no file at all).
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
};

// "file:line:column", "file:line" or "file", as much as is known; "" when
// there is no file.
std::string FormatLocation(const Location& loc);
// FormatLocation(loc) appended to *out, without a string of its own.
void AppendLocation(const Location& loc, std::string* out);

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  Location loc;
  std::string message;      // what is wrong and what was expected, in the run's language
  std::string source_line;  // the text of loc.line, for a caret display; may be ""
  uint16_t code = 0;        // the stable code (301 = JX0301, messages.h); 0 = none
};

class RecordStore;

// An ordered list of diagnostics, in memory. The list of a whole run (eval,
// check) is told to keep all but its newest few in a temporary file
// (SpillToDisk), since it is held until the reports end and a year may warn
// of every project: in memory a diagnostic takes about half a KiB (a warning
// on each of 100,000 projects: 50 MB, the whole run's budget), spilled a few
// bytes. Every other list (a worker's, a file's, a test's) stays in memory.
class Diagnostics {
 public:
  Diagnostics();
  ~Diagnostics();
  Diagnostics(Diagnostics&& other) noexcept;
  Diagnostics& operator=(Diagnostics&& other) noexcept;

  void Add(Diagnostic d);
  void Error(Location loc, Message message, std::string source_line = {});
  void Warning(Location loc, Message message, std::string source_line = {});
  // The catalogue's message `id` with `args` (messages.h), at `loc`.
  template <typename... Args>
  void Error(Location loc, MsgId id, const Args&... args) {
    Error(std::move(loc), Msg(id, args...));
  }
  template <typename... Args>
  void Warning(Location loc, MsgId id, const Args&... args) {
    Warning(std::move(loc), Msg(id, args...));
  }
  // Appends all of `other`, in order.
  void Append(const Diagnostics& other);
  void Append(Diagnostics&& other);
  // Whether any diagnostic's code satisfies `pred`.
  bool AnyCode(bool (*pred)(uint16_t code)) const;
  // Moves every diagnostic out, leaving this list empty (and in memory).
  Diagnostics Take();

  // From now on, diagnostics go to a RecordStore (see record_store.h) in
  // batches. Its temporary file failing throws TemporaryFileError.
  void SpillToDisk();

  // The diagnostics in order, each rebuilt when it is read: iterate, index,
  // front(), back(). Valid while the list is not changed.
  class List {
   public:
    class iterator {
     public:
      using iterator_category = std::input_iterator_tag;
      using value_type = Diagnostic;
      using difference_type = std::ptrdiff_t;
      using pointer = const Diagnostic*;
      using reference = Diagnostic;
      iterator(const Diagnostics* d, size_t i) : d_(d), i_(i) {}
      Diagnostic operator*() const { return d_->At(i_); }
      iterator& operator++() {
        ++i_;
        return *this;
      }
      bool operator==(const iterator& o) const { return i_ == o.i_; }
      bool operator!=(const iterator& o) const { return i_ != o.i_; }

     private:
      const Diagnostics* d_;
      size_t i_;
    };
    explicit List(const Diagnostics* d) : d_(d) {}
    iterator begin() const { return {d_, 0}; }
    iterator end() const { return {d_, size()}; }
    size_t size() const { return d_->size(); }
    bool empty() const { return size() == 0; }
    Diagnostic operator[](size_t i) const { return d_->At(i); }
    Diagnostic front() const { return d_->At(0); }
    Diagnostic back() const { return d_->At(size() - 1); }

   private:
    const Diagnostics* d_;
  };
  List all() const { return List(this); }

  size_t size() const;
  size_t error_count() const { return errors_; }
  size_t warning_count() const { return size() - errors_; }
  bool has_errors() const { return errors_ > 0; }
  bool empty() const { return size() == 0; }

  // Turns every warning into an error (--strict).
  void PromoteWarnings();

  // Gives each diagnostic that has a line but no source text the text of
  // that line, read from its file (each file read once). Used before
  // printing, for diagnostics made where the text was not at hand. The
  // files are read on `jobs` threads.
  void FillSourceLines(int jobs = 1);

 private:
  Diagnostic At(size_t i) const;
  // Marks invisible characters in d's message (a zero-width space in a
  // quoted name), as every diagnostic added is.
  static void ShowInvisibleIn(Diagnostic* d);
  // Appends d, already shown (from another list), counting errors.
  void Keep(Diagnostic&& d);
  // Moves list_ into the store.
  void Spill();
  void FillSpilledSourceLines(int jobs);

  // With a store: diagnostics [0, store_->size()) are there, the rest in
  // list_; without one, all are in list_.
  std::vector<Diagnostic> list_;
  std::unique_ptr<RecordStore> store_;
  // After FillSourceLines on a store: the record in lines_ of each stored
  // diagnostic's filled source line (UINT32_MAX: none filled).
  std::unique_ptr<RecordStore> lines_;
  std::vector<uint32_t> filled_;
  bool promoted_ = false;  // stored warnings read back as errors
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
                          Message message, int line = 0);

}  // namespace jixiao

#endif  // JIXIAO_BASE_DIAGNOSTIC_H_
