// jixiao: checks and scores budget projects against their performance targets.
#include <iostream>

#include "cli/cli.h"
#include "cli/revision.h"  // generated in the build tree (cmake/revision.cmake): JIXIAO_GIT_REVISION

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return jixiao::RunCli(argc, argv, std::cout, std::cerr, JIXIAO_GIT_REVISION);
}
