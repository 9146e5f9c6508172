#include "cli/cleanup.h"

#include <pthread.h>
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

extern "C" void RemoveTemporariesAndDie(int sig) {
  const int saved_errno = errno;
  for (Slot& s : g_slots) {
    if (s.state.load(std::memory_order_acquire) == 2) unlink(s.path);
  }
  // The handler was installed with SA_RESETHAND: the signal's action is the
  // default again. Raised here it is delivered when the handler returns,
  // and ends the process as if no handler had been installed.
  raise(sig);
  errno = saved_errno;
}

void InstallHandlers() {
  for (int sig : kSignals) {
    struct sigaction old;
    if (sigaction(sig, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_handler = RemoveTemporariesAndDie;
    sigfillset(&sa.sa_mask);  // no other of them while one removes the files
    sa.sa_flags = SA_RESETHAND;
    sigaction(sig, &sa, nullptr);
  }
}

}  // namespace

int RegisterTemporary(const std::string& path) {
  static std::once_flag installed;
  std::call_once(installed, InstallHandlers);
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

}  // namespace jixiao
