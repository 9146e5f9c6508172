// jixiao-measure: runs a command and reports its wall time and peak memory, so that
// the benchmark needs no `time` package.
//
//   jixiao-measure [--stdout FILE] [--stderr FILE] [--report FILE] -- COMMAND [ARG...]
//
// Forks, redirects the child's stdout/stderr when asked (e.g. to /dev/null), execs
// COMMAND (searched in PATH), waits with wait4 and prints one line
//
//   wall_s=1.234567 user_s=1.100000 sys_s=0.120000 maxrss_kb=45678 exit=0
//
// to stderr, or appended to the --report FILE. maxrss_kb is the child's ru_maxrss
// (peak resident set, in KiB, the largest of the child and its waited-for
// descendants). exit is the child's exit status, or 128+N when killed by signal N.
// jixiao-measure exits with the child's status.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

namespace {

[[noreturn]] void Usage() {
  std::fprintf(stderr,
               "usage: jixiao-measure [--stdout FILE] [--stderr FILE] [--report FILE] -- COMMAND [ARG...]\n");
  std::exit(2);
}

double Seconds(const timeval& tv) { return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6; }

// Opens `path` on descriptor `fd` in the child; exits 127 on failure.
void Redirect(const char* path, int fd) {
  int f = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (f < 0 || dup2(f, fd) < 0) {
    std::fprintf(stderr, "jixiao-measure: cannot open %s: %s\n", path, std::strerror(errno));
    _exit(127);
  }
  close(f);
}

}  // namespace

int main(int argc, char** argv) {
  const char* out = nullptr;
  const char* err = nullptr;
  const char* report = nullptr;
  int i = 1;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (i + 1 >= argc) Usage();
    if (a == "--stdout") {
      out = argv[++i];
    } else if (a == "--stderr") {
      err = argv[++i];
    } else if (a == "--report") {
      report = argv[++i];
    } else {
      Usage();
    }
  }
  if (i >= argc) Usage();

  timespec t0{}, t1{};
  clock_gettime(CLOCK_MONOTONIC, &t0);
  pid_t pid = fork();
  if (pid < 0) {
    std::fprintf(stderr, "jixiao-measure: fork: %s\n", std::strerror(errno));
    return 2;
  }
  if (pid == 0) {
    if (out) Redirect(out, STDOUT_FILENO);
    if (err) Redirect(err, STDERR_FILENO);
    execvp(argv[i], argv + i);
    std::fprintf(stderr, "jixiao-measure: cannot run %s: %s\n", argv[i], std::strerror(errno));
    _exit(127);
  }
  int status = 0;
  rusage ru{};
  while (wait4(pid, &status, 0, &ru) < 0) {
    if (errno != EINTR) {
      std::fprintf(stderr, "jixiao-measure: wait4: %s\n", std::strerror(errno));
      return 2;
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double wall = static_cast<double>(t1.tv_sec - t0.tv_sec) + static_cast<double>(t1.tv_nsec - t0.tv_nsec) / 1e9;
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 255;

  FILE* f = stderr;
  if (report) {
    f = std::fopen(report, "a");
    if (!f) {
      std::fprintf(stderr, "jixiao-measure: cannot open %s: %s\n", report, std::strerror(errno));
      return 2;
    }
  }
  std::fprintf(f, "wall_s=%.6f user_s=%.6f sys_s=%.6f maxrss_kb=%ld exit=%d\n", wall, Seconds(ru.ru_utime),
               Seconds(ru.ru_stime), ru.ru_maxrss, code);
  if (report) std::fclose(f);
  return code;
}
