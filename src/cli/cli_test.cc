#include "cli/cli.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "base/lang.h"

namespace jixiao {
namespace {

// `jixiao --version` run through RunCli with `revision`: its stdout.
std::string Version(std::string_view revision) {
  ScopedLang keep(CurrentLang());  // RunCli sets the language of the process
  const char* argv[] = {"jixiao", "--version"};
  std::ostringstream out, err;
  CHECK(RunCli(2, argv, out, err, revision) == 0);
  CHECK(err.str() == "");
  return out.str();
}

TEST_CASE("--version: the version, and the git revision when the build knows one") {
  CHECK(Version("") == std::string("jixiao ") + JIXIAO_VERSION + "\n");
  CHECK(Version("abc1234") == std::string("jixiao ") + JIXIAO_VERSION + " (git abc1234)\n");
  CHECK(Version("abc1234-dirty") ==
        std::string("jixiao ") + JIXIAO_VERSION + " (git abc1234-dirty)\n");
}

TEST_CASE("targets after -a and before another option: -a took them, and the error names them") {
  ScopedLang keep(CurrentLang());
  // -a takes a.yaml and t.yaml, up to -q: TARGETS is then missing.
  const char* argv[] = {"jixiao", "eval", "-a", "a.yaml", "t.yaml", "-q", "--lang", "en"};
  std::ostringstream out, err;
  CHECK(RunCli(8, argv, out, err, "") == 2);
  CHECK(err.str().rfind("jixiao: error[JX0704]: jixiao eval has no target files: 't.yaml' came "
                        "after -a and was taken as one of its files; put the targets before -a "
                        "(jixiao eval t.yaml -a …)",
                        0) == 0);
  // One file after -a: the plain message of a missing argument.
  const char* alone[] = {"jixiao", "eval", "-a", "a.yaml", "-q", "--lang", "en"};
  std::ostringstream out2, err2;
  CHECK(RunCli(7, alone, out2, err2, "") == 2);
  CHECK(err2.str().rfind("jixiao: error[JX0704]: jixiao eval needs TARGETS", 0) == 0);
}

}  // namespace
}  // namespace jixiao
