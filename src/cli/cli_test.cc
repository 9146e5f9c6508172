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

}  // namespace
}  // namespace jixiao
