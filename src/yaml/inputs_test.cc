#include "yaml/inputs.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace jixiao {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> ToVector(const PathList& list) {
  std::vector<std::string> out;
  for (size_t i = 0; i < list.size(); ++i) out.push_back(list[i]);
  return out;
}

}  // namespace

TEST_CASE("ExpandInputs: a directory's files in sorted order of their whole paths") {
  fs::path root = fs::temp_directory_path() / ("jixiao-inputs-test-" + std::to_string(getpid()));
  fs::remove_all(root);
  // Names where sorting each directory by name alone would differ from
  // sorting the whole paths: '-' and '.' sort before '/', ' ' before both.
  std::vector<std::string> files = {"a/b.yaml", "a/b/c.yaml", "a-c/x.yaml", "a.yaml",   "ab.yaml",
                                    "a b.yaml", "a/z.YML",    "z/y/x.yml",  "a.b/c.yaml"};
  for (const std::string& f : files) {
    fs::create_directories((root / f).parent_path());
    std::ofstream(root / f) << "x: 1\n";
  }
  std::ofstream(root / "a" / "notes.txt") << "not yaml\n";
  fs::create_directory_symlink(root / "a", root / "link");  // not followed
  Diagnostics d;
  std::vector<std::string> got = ToVector(ExpandInputs({root.string()}, {".yaml", ".yml"}, &d));
  CHECK(d.empty());
  std::vector<std::string> want;
  for (const std::string& f : files) want.push_back((root / f).string());
  std::sort(want.begin(), want.end());
  CHECK(got == want);

  // A file named twice, or again through its directory, is read once.
  std::string ab = (root / "ab.yaml").string();
  got = ToVector(ExpandInputs({ab, root.string(), ab}, {".yaml", ".yml"}, &d));
  CHECK(got.size() == files.size());
  CHECK(got[0] == ab);
  fs::remove_all(root);
}

TEST_CASE("ExpandInputs: a missing path and a directory without inputs are errors") {
  fs::path root = fs::temp_directory_path() / ("jixiao-inputs-empty-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "sub");
  std::ofstream(root / "sub" / "a.txt") << "x\n";
  Diagnostics d;
  PathList got = ExpandInputs({root.string(), (root / "nope.yaml").string()}, {".yaml", ".yml"}, &d);
  CHECK(got.empty());
  REQUIRE(d.error_count() == 2);
  CHECK(d.all()[0].message == "no .yaml or .yml files in this directory");
  CHECK(d.all()[1].message == "no such file or directory");
  fs::remove_all(root);
}

}  // namespace jixiao
