// The input files of a run, held compactly.
#ifndef JIXIAO_BASE_PATH_LIST_H_
#define JIXIAO_BASE_PATH_LIST_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace jixiao {

// A list of paths, front-coded: a path that shares its start with the one
// before (as sorted paths of one directory do) stores only the rest. A
// year of 50,000 target files takes well under a megabyte instead of seven.
// Reading a path decodes at most kBlock of them.
class PathList {
 public:
  PathList() = default;
  PathList(const std::vector<std::string>& paths) {  // NOLINT: a list of paths is one
    for (const std::string& p : paths) push_back(p);
  }

  void push_back(const std::string& path);
  // Path `i` (< size()).
  std::string operator[](size_t i) const;
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  static constexpr size_t kBlock = 32;
  std::string data_;                // per path: varint shared length, varint rest length, rest
  std::vector<uint64_t> blocks_;    // where each block of kBlock paths starts in data_
  std::string last_;                // the last path added
  size_t size_ = 0;
};

}  // namespace jixiao

#endif  // JIXIAO_BASE_PATH_LIST_H_
