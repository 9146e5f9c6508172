// The command line: a table of subcommands and their flags.
#ifndef JIXIAO_CLI_CLI_H_
#define JIXIAO_CLI_CLI_H_

#include <ostream>

namespace jixiao {

// Parses `argv` and runs the chosen subcommand, writing to `out` and `err`.
// Returns the exit status; usage errors are 2, --help and --version 0.
// Exceptions from libraries are caught here, once, and reported.
int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace jixiao

#endif  // JIXIAO_CLI_CLI_H_
