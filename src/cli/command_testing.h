// Files for the commands' unit tests (rules_command_test.cc,
// merge_command_test.cc): a path in the temporary directory, and a file's
// bytes written and read whole.
#ifndef JIXIAO_CLI_COMMAND_TESTING_H_
#define JIXIAO_CLI_COMMAND_TESTING_H_

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace jixiao::testing {

// "<tmp>/jixiao_<test>_<pid>_<name>": a path of test `test`'s own.
inline std::string TempPath(const std::string& test, const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("jixiao_" + test + "_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

inline void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace jixiao::testing

#endif  // JIXIAO_CLI_COMMAND_TESTING_H_
