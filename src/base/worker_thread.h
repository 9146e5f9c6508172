// Threads that leave the process's signals to the thread that started them.
#ifndef JIXIAO_BASE_WORKER_THREAD_H_
#define JIXIAO_BASE_WORKER_THREAD_H_

#include <functional>
#include <thread>

namespace jixiao {

// Starts a thread running `fn` with every asynchronous signal blocked in
// it (SIGINT, SIGTERM, SIGHUP, SIGPIPE and the rest; not the faults such
// as SIGSEGV, which belong to the thread that caused them). A signal sent
// to the process is then handled by a thread that does not block it, the
// one that started the workers: one handler at a time, which a second
// Ctrl-C cannot cut short by ending the process from a worker, and which
// cannot run on a worker while the starting thread is between creating a
// temporary file and registering it (cli/cleanup.h).
std::thread StartWorkerThread(std::function<void()> fn);

// Whether `sig` is blocked in the calling thread (for tests).
bool SignalBlockedHere(int sig);

}  // namespace jixiao

#endif  // JIXIAO_BASE_WORKER_THREAD_H_
