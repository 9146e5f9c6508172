#include "base/path_list.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <fmt/format.h>

namespace jixiao {

TEST_CASE("PathList: every path reads back as added, in order") {
  std::vector<std::string> paths = {"", "a", "a", "ab", "b/c.yaml", "b/c.yml", "b", "/abs/路径/文件.yaml"};
  for (int d = 0; d < 40; ++d) {
    for (int f = 0; f < 7; ++f) {
      paths.push_back(fmt::format("data/targets/{:06}/{:06}-2024-{:03}.yaml", 362300 + d, 362300 + d, f));
    }
  }
  paths.push_back("data/targets/362300/362300-2024-000.yaml");  // a path again, far from its first
  PathList list(paths);
  REQUIRE(list.size() == paths.size());
  CHECK_FALSE(list.empty());
  for (size_t i = 0; i < paths.size(); ++i) CHECK(list[i] == paths[i]);
  CHECK(PathList().empty());
}

}  // namespace jixiao
