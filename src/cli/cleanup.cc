#include "cli/cleanup.h"

#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>

namespace jixiao {

namespace {

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
constexpr size_t kMaxPath = 4096;

// A slot is free (0), being filled (1) or holds a path to remove (2).
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
    if (s.state.load(std::memory_order_acquire) == 2) unlink(s.path);
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

int RegisterTemporary(const std::string& path) {
  static std::once_flag installed;
  std::call_once(installed, InstallTemporaryHandlers);
  if (path.size() >= kMaxPath) return -1;
  for (int i = 0; i < kMaxTemporaries; ++i) {
    int expected = 0;
    if (!g_slots[i].state.compare_exchange_strong(expected, 1, std::memory_order_acquire)) {
      continue;
    }
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    g_slots[i].state.store(2, std::memory_order_release);
    return i;
  }
  return -1;
}

void UnregisterTemporary(int slot) {
  if (slot < 0 || slot >= kMaxTemporaries) return;
  g_slots[slot].state.store(0, std::memory_order_release);
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
