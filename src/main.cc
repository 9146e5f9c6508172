// jixiao: checks and scores budget projects against their performance targets.
#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return jixiao::RunCli(argc, argv, std::cout, std::cerr);
}
