// Temporary files removed when the process is interrupted.
//
// A report is written to a temporary file beside its destination and renamed
// over it at the end (output.h). SIGINT (Ctrl-C), SIGTERM (a CI cancel,
// `timeout`), SIGHUP (a closed terminal), SIGPIPE (a closed pipe) and
// SIGQUIT (Ctrl-\) would leave those files behind; the handlers installed
// here remove every registered one, then let the signal end the process as
// it would have (exit status 128 + the signal: 130, 143, 129, 141, 131).
// A signal that was ignored when jixiao started (nohup, a background job)
// stays ignored. (SIGXFSZ is ignored from the start, main.cc: a write past
// `ulimit -f` fails, and the report's temporary is removed as on any error.)
//
// The handler only reads a fixed table of paths (no allocation, no lock),
// so it is async-signal-safe. Worker threads block these signals
// (base/worker_thread.h), so the handler runs on the thread that started
// them; a worker creating a temporary holds a CreatingTemporary, which the
// handler waits out, so that a file created at that moment is removed too.
#ifndef JIXIAO_CLI_CLEANUP_H_
#define JIXIAO_CLI_CLEANUP_H_

#include <signal.h>

#include <string>

namespace jixiao {

// Most temporaries registered at once (each report of a run holds one
// until it is committed).
inline constexpr int kMaxTemporaries = 64;

// Records `path` as a temporary to remove if a signal ends the process,
// installing the handlers the first time. Returns its slot, or -1 when the
// table is full or the path longer than it holds.
int RegisterTemporary(const std::string& path);

// Installs the handlers for the signals above whose action is not to
// ignore them (RegisterTemporary does it the first time; a test whose
// framework replaced them calls it again).
void InstallTemporaryHandlers();

// Records the directory `path` as a temporary: if a signal ends the
// process, the files in it are removed (after the temporary files above),
// then the directory. Returns its slot, as RegisterTemporary.
int RegisterTemporaryDirectory(const std::string& path);

// Records the directory `path`, which this run created, as one to remove if
// a signal ends the process and it is empty by then (after the files and
// directories above are removed): a run interrupted before it wrote
// anything there leaves no directory it made. Returns its slot, as
// RegisterTemporary.
int RegisterCreatedDirectory(const std::string& path);

// Forgets slot `slot` (-1: nothing), once its file was renamed or removed
// (or its directory emptied and removed).
void UnregisterTemporary(int slot);

// Blocks the signals above in the calling thread while it lives, so that
// creating a temporary and registering it (or renaming it and forgetting
// it) is one step to a handler.
class SignalBlock {
 public:
  SignalBlock();
  ~SignalBlock();
  SignalBlock(const SignalBlock&) = delete;
  SignalBlock& operator=(const SignalBlock&) = delete;

 private:
  sigset_t saved_;  // the mask before
};

// Held while a temporary file is created and registered, by any thread:
// blocks the signals in the calling thread (a SignalBlock), and makes a
// handler running on another thread wait until it is released before it
// removes the registered files. ok() is false when a signal is already
// ending the process: then create nothing (the caller reports EINTR).
class CreatingTemporary {
 public:
  CreatingTemporary();
  ~CreatingTemporary();
  CreatingTemporary(const CreatingTemporary&) = delete;
  CreatingTemporary& operator=(const CreatingTemporary&) = delete;
  bool ok() const { return ok_; }

 private:
  SignalBlock block_;
  bool ok_;
};

}  // namespace jixiao

#endif  // JIXIAO_CLI_CLEANUP_H_
