#include "cli/cleanup.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

#include <doctest/doctest.h>

#include "base/worker_thread.h"

namespace jixiao {
namespace {

std::string TempPath(const char* name) {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir && *dir ? dir : "/tmp") + "/jixiao-cleanup-test-" +
         std::to_string(getpid()) + "-" + name;
}

bool Exists(const std::string& path) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0;
}

// In a child process: the handlers of jixiao, not those of the test
// framework (doctest installs its own around each test case).
void InstallForChild() {
  for (int sig : {SIGINT, SIGTERM}) signal(sig, SIG_DFL);
  InstallTemporaryHandlers();
}

void Touch(const std::string& path) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd >= 0) close(fd);
}

TEST_CASE("the handler stays installed while it runs and blocks every other signal") {
  const std::string path = TempPath("flags");
  Touch(path);
  const int slot = RegisterTemporary(path);
  REQUIRE(slot >= 0);
  struct sigaction now;
  REQUIRE(sigaction(SIGINT, nullptr, &now) == 0);
  // SA_RESETHAND resets the action before sa_mask takes effect: a second
  // Ctrl-C in between would end the process with the files still there.
  CHECK((now.sa_flags & SA_RESETHAND) == 0);
  const bool installed = now.sa_handler != SIG_DFL;
  CHECK(installed);
  CHECK(sigismember(&now.sa_mask, SIGINT) == 1);
  CHECK(sigismember(&now.sa_mask, SIGTERM) == 1);
  UnregisterTemporary(slot);
  unlink(path.c_str());
}

TEST_CASE("a signal removes the registered files and ends the process as the signal does") {
  const std::string path = TempPath("removed");
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    InstallForChild();
    Touch(path);
    if (RegisterTemporary(path) < 0) _exit(3);
    kill(getpid(), SIGINT);
    kill(getpid(), SIGINT);
    _exit(4);  // not reached
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGINT);
  CHECK_FALSE(Exists(path));
  unlink(path.c_str());
}

TEST_CASE("a signal empties and removes a registered directory, after the files") {
  const std::string dir = TempPath("staging");
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    InstallForChild();
    if (mkdir(dir.c_str(), 0700) != 0) _exit(3);
    Touch(dir + "/汇总.xlsx");
    Touch(dir + "/101 部门.xlsx");
    const std::string tmp = dir + "/102 部门.xlsx.jixiao-x.tmp";
    Touch(tmp);
    if (RegisterTemporaryDirectory(dir) < 0 || RegisterTemporary(tmp) < 0) _exit(3);
    kill(getpid(), SIGTERM);
    _exit(4);  // not reached
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGTERM);
  CHECK_FALSE(Exists(dir + "/汇总.xlsx"));
  CHECK_FALSE(Exists(dir));
}

TEST_CASE("a signal removes a directory the run created once it is empty, and only then") {
  // DIR of -f xlsx=DIR/, made by the run: its staging directory inside it is
  // removed first, then DIR, which is empty by then; one that holds a file
  // (another program's, or this run's once published) stays.
  const std::string made = TempPath("made");
  const std::string kept = TempPath("kept");
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    InstallForChild();
    if (mkdir(made.c_str(), 0700) != 0 || mkdir(kept.c_str(), 0700) != 0) _exit(3);
    const std::string staging = made + "/.jixiao-x";
    if (mkdir(staging.c_str(), 0700) != 0) _exit(3);
    Touch(staging + "/汇总.xlsx");
    Touch(kept + "/汇总.xlsx");
    // Registered before the staging directory, as the run does.
    if (RegisterCreatedDirectory(made) < 0 || RegisterCreatedDirectory(kept) < 0 ||
        RegisterTemporaryDirectory(staging) < 0) {
      _exit(3);
    }
    kill(getpid(), SIGINT);
    _exit(4);  // not reached
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  CHECK(WIFSIGNALED(status));
  CHECK_FALSE(Exists(made));
  CHECK(Exists(kept + "/汇总.xlsx"));
  unlink((kept + "/汇总.xlsx").c_str());
  rmdir(kept.c_str());
}

TEST_CASE("a file a worker is creating when the signal comes is removed too") {
  // The worker holds a CreatingTemporary while it creates its file and,
  // slowly, registers it; the signal reaches the main thread meanwhile. The
  // handler waits for the worker, then removes the file.
  const std::string path = TempPath("creating");
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    InstallForChild();
    std::atomic<bool> holding{false};
    std::thread worker = StartWorkerThread([&] {
      CreatingTemporary creating;
      if (!creating.ok()) _exit(5);
      Touch(path);
      holding.store(true);
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      RegisterTemporary(path);
    });
    while (!holding.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    kill(getpid(), SIGTERM);
    worker.join();
    _exit(4);  // not reached: the handler ends the process
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  CHECK(WIFSIGNALED(status));
  if (WIFSIGNALED(status)) CHECK(WTERMSIG(status) == SIGTERM);
  CHECK_FALSE(Exists(path));
  unlink(path.c_str());
}

}  // namespace
}  // namespace jixiao
