// The subcommands. Each takes parsed options and the output streams and
// returns the process exit status (docs/reference.md §6): 0 valid and compliant,
// 1 valid but failing the policy, 2 any input or usage error.
#ifndef JIXIAO_CLI_COMMANDS_H_
#define JIXIAO_CLI_COMMANDS_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/options.h"
#include "base/terminal.h"

namespace jixiao {

inline constexpr int kExitOk = 0;
inline constexpr int kExitPolicy = 1;
inline constexpr int kExitError = 2;

// The report formats `command` writes (-f), its default first; none for a
// command that writes no report. The table is in cli.cc, beside the
// commands: help, the check of -f and the messages about it read it.
const std::vector<std::string>& FormatsOf(std::string_view command);

int RunCheck(const Options& opts, const Terminal& term, std::ostream& out, std::ostream& err);
int RunEval(const Options& opts, const Terminal& term, std::ostream& out, std::ostream& err);
int RunTemplate(const Options& opts, const Terminal& term, std::ostream& out, std::ostream& err);
int RunMerge(const Options& opts, const Terminal& term, std::ostream& out, std::ostream& err);
int RunRules(const Options& opts, const Terminal& term, std::ostream& out, std::ostream& err);
int RunImport(const Options& opts, const Terminal& term, std::ostream& out, std::ostream& err);
int RunExplain(const Options& opts, const Terminal& term, std::ostream& out, std::ostream& err);
int RunMonitor(const Options& opts, const Terminal& term, std::ostream& out, std::ostream& err);

}  // namespace jixiao

#endif  // JIXIAO_CLI_COMMANDS_H_
