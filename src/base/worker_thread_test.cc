#include "base/worker_thread.h"

#include <signal.h>

#include <doctest/doctest.h>

namespace jixiao {
namespace {

TEST_CASE("a worker thread blocks the process's signals, not the faults; its starter is unchanged") {
  REQUIRE_FALSE(SignalBlockedHere(SIGINT));
  bool interrupt = false, terminate = false, hangup = false, pipe = false, segv = true;
  std::thread t = StartWorkerThread([&] {
    interrupt = SignalBlockedHere(SIGINT);
    terminate = SignalBlockedHere(SIGTERM);
    hangup = SignalBlockedHere(SIGHUP);
    pipe = SignalBlockedHere(SIGPIPE);
    segv = SignalBlockedHere(SIGSEGV);
  });
  t.join();
  CHECK(interrupt);
  CHECK(terminate);
  CHECK(hangup);
  CHECK(pipe);
  CHECK_FALSE(segv);
  CHECK_FALSE(SignalBlockedHere(SIGINT));
  CHECK_FALSE(SignalBlockedHere(SIGTERM));
}

}  // namespace
}  // namespace jixiao
