// `jixiao rules`: the rules in force, printed as YAML.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "cli/command_testing.h"
#include "cli/commands.h"
#include "model/rules_file.h"

namespace jixiao {

namespace {

std::string TempPath(const std::string& name) { return testing::TempPath("rules_test", name); }
using testing::ReadFile;
using testing::WriteFile;

}  // namespace

TEST_CASE("jixiao rules prints the rules in force") {
  Terminal term(ColorMode::kNever, false, TerminalEnv{});
  Options opts;
  std::ostringstream out, err;
  CHECK(RunRules(opts, term, out, err) == kExitOk);
  CHECK(out.str() == FormatRulesYaml(Rules::Default(), RulesComments::kReader));
  CHECK(err.str().empty());

  std::string rules = TempPath("rules.yaml");
  std::string report = TempPath("out.yaml");
  WriteFile(rules, "reverse: linear\n");
  opts.rules_file = rules;
  opts.output = report;
  std::ostringstream out2, err2;
  CHECK(RunRules(opts, term, out2, err2) == kExitOk);
  CHECK(out2.str().empty());
  CHECK(ReadFile(report).find("\nreverse: linear ") != std::string::npos);

  WriteFile(rules, "name: x\nreverse: 1\n");
  opts.output.clear();
  std::ostringstream out3, err3;
  CHECK(RunRules(opts, term, out3, err3) == kExitError);
  CHECK(out3.str().empty());
  CHECK(err3.str().find(rules + ":2:10: error[JX0516]:") != std::string::npos);
  std::filesystem::remove(rules);
  std::filesystem::remove(report);
}

}  // namespace jixiao
