// A main for the fuzz harnesses without libFuzzer: calls
// LLVMFuzzerTestOneInput once on every file named on the command line, and
// on every file under each directory named (recursively, in name order).
// The normal build links each harness with it and runs it as a ctest over
// the harness's seeds and past findings (tests/fuzz/replay.sh), so that
// every harness compiles with g++ and its invariants hold on those inputs.
//
//   fuzz_HARNESS PATH...
//
// Each input is named on stderr before it runs: a failed invariant (or a
// sanitizer's report) ends the process, as under libFuzzer, and the last
// name is the input to reproduce it with. Exits 1 when no input was found
// (an empty corpus would test nothing), 2 on a path it cannot read, 0 when
// every input ran.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

// Appends the regular files at `path` (itself, or those under it) to `out`,
// sorted; false when `path` does not exist or cannot be listed.
bool CollectFiles(const fs::path& path, std::vector<fs::path>* out) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) {
    out->push_back(path);
    return true;
  }
  if (!fs::is_directory(path, ec)) return false;
  std::vector<fs::path> found;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) found.push_back(it->path());
  }
  if (ec) return false;
  std::sort(found.begin(), found.end());
  out->insert(out->end(), found.begin(), found.end());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (!CollectFiles(arg, &files)) {
      std::fprintf(stderr, "%s: cannot read %s\n", argv[0], arg.c_str());
      return 2;
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "%s: no inputs (usage: %s FILE_OR_DIRECTORY...)\n", argv[0], argv[0]);
    return 1;
  }
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      std::fprintf(stderr, "%s: cannot read %s\n", argv[0], f.c_str());
      return 2;
    }
    std::fprintf(stderr, "running %s\n", f.c_str());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("%s: %zu inputs, every invariant held\n", argv[0], files.size());
  return 0;
}
