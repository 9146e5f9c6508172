// Temporary files removed when the process is interrupted.
//
// A report is written to a temporary file beside its destination and renamed
// over it at the end (output.h). SIGINT (Ctrl-C), SIGTERM (a CI cancel,
// `timeout`), SIGHUP (a closed terminal) and SIGPIPE (a closed pipe) would
// leave those files behind; the handlers installed here remove every
// registered one, then let the signal end the process as it would have
// (exit status 128 + the signal: 130, 143, 129, 141). A signal that was
// ignored when jixiao started (nohup, a background job) stays ignored.
//
// The handler only reads a fixed table of paths (no allocation, no lock),
// so it is async-signal-safe.
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

// Forgets slot `slot` (-1: nothing), once its file was renamed or removed.
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

}  // namespace jixiao

#endif  // JIXIAO_CLI_CLEANUP_H_
