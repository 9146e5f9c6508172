// The command line: a table of subcommands and their flags.
#ifndef JIXIAO_CLI_CLI_H_
#define JIXIAO_CLI_CLI_H_

#include <ostream>
#include <string_view>

namespace jixiao {

// Parses `argv` and runs the chosen subcommand, writing to `out` and `err`.
// Returns the exit status; usage errors are 2, --help and --version 0.
// Exceptions from libraries are caught here, once, and reported.
// `revision` is the git revision the binary was built from ("abc1234",
// "abc1234-dirty"), shown by --version after the version; "" for none.
int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
           std::string_view revision = {});

}  // namespace jixiao

#endif  // JIXIAO_CLI_CLI_H_
