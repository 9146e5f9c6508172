#include "base/worker_thread.h"

#include <pthread.h>
#include <signal.h>

#include <utility>

namespace jixiao {

std::thread StartWorkerThread(std::function<void()> fn) {
  sigset_t block, saved;
  sigfillset(&block);
  // Faults are delivered to the thread that caused them; blocked, they
  // would end the process without the sanitizers' reports.
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT, SIGSYS}) {
    sigdelset(&block, sig);
  }
  // A new thread starts with its creator's mask: block, start, restore.
  pthread_sigmask(SIG_BLOCK, &block, &saved);
  std::thread t(std::move(fn));
  pthread_sigmask(SIG_SETMASK, &saved, nullptr);
  return t;
}

bool SignalBlockedHere(int sig) {
  sigset_t now;
  pthread_sigmask(SIG_BLOCK, nullptr, &now);
  return sigismember(&now, sig) == 1;
}

}  // namespace jixiao
