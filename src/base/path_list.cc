#include "base/path_list.h"

#include <algorithm>

#include "base/record_codec.h"

namespace jixiao {

void PathList::push_back(const std::string& path) {
  size_t shared = 0;
  if (size_ % kBlock == 0) {
    blocks_.push_back(data_.size());  // a block starts with a whole path
  } else {
    while (shared < path.size() && shared < last_.size() && path[shared] == last_[shared]) ++shared;
  }
  RecordWriter w;
  w.Int(shared);
  w.Str(std::string_view(path).substr(shared));
  data_ += w.bytes();
  last_ = path;
  ++size_;
}

std::string PathList::operator[](size_t i) const {
  RecordReader r(std::string_view(data_).substr(static_cast<size_t>(blocks_[i / kBlock])));
  std::string path;
  for (size_t k = 0; k <= i % kBlock; ++k) {
    size_t shared = static_cast<size_t>(r.Int());
    path.resize(std::min(shared, path.size()));
    path += r.Str();
  }
  return path;
}

}  // namespace jixiao
