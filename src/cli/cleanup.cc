#include "cli/cleanup.h"

#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>

namespace jixiao {

namespace {

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT};
constexpr size_t kMaxPath = 4096;

// A slot is free (0), being filled (1), or holds a file (2) or a directory
// (3) to remove, or a directory to remove if it is empty (4).
enum SlotState : int { kFree = 0, kFilling = 1, kFile = 2, kDirectory = 3, kIfEmpty = 4 };
struct Slot {
  std::atomic<int> state{0};
  char path[kMaxPath];
};

Slot g_slots[kMaxTemporaries];
static_assert(std::atomic<int>::is_always_lock_free, "the handler reads the slots' state");

// Set by the handler before it removes the files; the threads creating a
// temporary (CreatingTemporary) at that moment, which it waits for.
std::atomic<bool> g_ending{false};
std::atomic<int> g_creating{0};

// Removes the files in the directory open as `fd`, with system calls alone
// (getdents64 and unlinkat: no allocation), as the handler may.
void RemoveFilesIn(int fd) {
  lseek(fd, 0, SEEK_SET);
  alignas(8) char buf[4096];
  for (;;) {
    const ssize_t n = getdents64(fd, buf, sizeof buf);
    if (n <= 0) break;
    for (ssize_t off = 0; off < n;) {
      const auto* d = reinterpret_cast<const struct dirent64*>(buf + off);
      const char* name = d->d_name;
      if (!(name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0')))) {
        unlinkat(fd, name, 0);
      }
      off += d->d_reclen;
    }
  }
}

// Removes the files in `path` (no subdirectories: a staging directory holds
// none), then the directory. A worker thread still running may create a
// file there meanwhile (libxlsxwriter opens a workbook's file by name when
// it closes it, and the signals do not stop the workers), so the files are
// removed again until the directory goes, for up to about a second.
void RemoveDirectoryNow(const char* path) {
  const int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  for (int attempt = 0; attempt < 1000; ++attempt) {
    RemoveFilesIn(fd);
    if (rmdir(path) == 0 || errno != ENOTEMPTY) break;
    struct timespec pause = {0, 1000000};  // 1 ms
    nanosleep(&pause, nullptr);
  }
  close(fd);
}

extern "C" void RemoveTemporariesAndDie(int sig) {
  const int saved_errno = errno;
  // Sequentially consistent with CreatingTemporary: either the creator sees
  // g_ending and creates nothing, or this sees it in g_creating and waits
  // until its file is registered. The creator is another thread (it blocks
  // the signals while it creates), so the wait ends.
  g_ending.store(true);
  while (g_creating.load() > 0) {
    struct timespec pause = {0, 100000};  // 0.1 ms
    nanosleep(&pause, nullptr);
  }
  for (Slot& s : g_slots) {
    if (s.state.load(std::memory_order_acquire) == kFile) unlink(s.path);
  }
  for (Slot& s : g_slots) {
    if (s.state.load(std::memory_order_acquire) == kDirectory) RemoveDirectoryNow(s.path);
  }
  for (Slot& s : g_slots) {
    if (s.state.load(std::memory_order_acquire) == kIfEmpty) rmdir(s.path);
  }
  // The signal's action is made the default again, here rather than by
  // SA_RESETHAND: the kernel resets a SA_RESETHAND action before it blocks
  // the signals of sa_mask, so a second Ctrl-C in between ended the process
  // before the files were removed. Raised now, the signal is delivered when
  // the handler returns and ends the process as if no handler had been
  // installed; a second one waiting (blocked by sa_mask) does the same.
  struct sigaction dfl;
  std::memset(&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  sigaction(sig, &dfl, nullptr);
  raise(sig);
  errno = saved_errno;
}

}  // namespace

void InstallTemporaryHandlers() {
  for (int sig : kSignals) {
    struct sigaction old;
    if (sigaction(sig, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_handler = RemoveTemporariesAndDie;
    sigfillset(&sa.sa_mask);  // no other of them while one removes the files
    sa.sa_flags = 0;
    sigaction(sig, &sa, nullptr);
  }
}

namespace {

int Register(const std::string& path, SlotState what) {
  static std::once_flag installed;
  std::call_once(installed, InstallTemporaryHandlers);
  if (path.size() >= kMaxPath) return -1;
  for (int i = 0; i < kMaxTemporaries; ++i) {
    int expected = kFree;
    if (!g_slots[i].state.compare_exchange_strong(expected, kFilling, std::memory_order_acquire)) {
      continue;
    }
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    g_slots[i].state.store(what, std::memory_order_release);
    return i;
  }
  return -1;
}

}  // namespace

int RegisterTemporary(const std::string& path) { return Register(path, kFile); }

int RegisterTemporaryDirectory(const std::string& path) { return Register(path, kDirectory); }

int RegisterCreatedDirectory(const std::string& path) { return Register(path, kIfEmpty); }

void UnregisterTemporary(int slot) {
  if (slot < 0 || slot >= kMaxTemporaries) return;
  g_slots[slot].state.store(kFree, std::memory_order_release);
}

SignalBlock::SignalBlock() {
  sigset_t block;
  sigemptyset(&block);
  for (int sig : kSignals) sigaddset(&block, sig);
  pthread_sigmask(SIG_BLOCK, &block, &saved_);
}

SignalBlock::~SignalBlock() { pthread_sigmask(SIG_SETMASK, &saved_, nullptr); }

CreatingTemporary::CreatingTemporary() {
  g_creating.fetch_add(1);
  ok_ = !g_ending.load();
}

CreatingTemporary::~CreatingTemporary() { g_creating.fetch_sub(1); }

}  // namespace jixiao
