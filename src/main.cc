// jixiao: checks and scores budget projects against their performance targets.
#include <csignal>
#include <iostream>

#include "cli/cli.h"
#include "cli/revision.h"  // generated in the build tree (cmake/revision.cmake): JIXIAO_GIT_REVISION

#ifdef JIXIAO_JEMALLOC
// jemalloc's settings, read when it starts: memory a run no longer uses goes
// back to the system within a second (not ten), unused pages at once. At no
// cost in speed, that keeps the peak at 100,000 projects and -j2 about 5 MiB
// lower (docs/performance.md).
extern "C" const char* malloc_conf;
const char* malloc_conf = "dirty_decay_ms:1000,muzzy_decay_ms:0";
#endif

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // A report larger than the file size limit (`ulimit -f`) is a write that
  // fails (EFBIG), reported and cleaned up as a full disk is, rather than
  // SIGXFSZ ending the process with the report's temporary file left behind.
  std::signal(SIGXFSZ, SIG_IGN);
  return jixiao::RunCli(argc, argv, std::cout, std::cerr, JIXIAO_GIT_REVISION);
}
