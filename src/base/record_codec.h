// Records as bytes: unsigned varints and length-prefixed strings, written
// and read back in the same order. The compact form of what a run keeps per
// project (record_store.h, keyed_store.h) and of a list of paths
// (path_list.h).
#ifndef JIXIAO_BASE_RECORD_CODEC_H_
#define JIXIAO_BASE_RECORD_CODEC_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace jixiao {

// Builds a record from varints and length-prefixed strings.
class RecordWriter {
 public:
  void Int(uint64_t v) {
    while (v >= 0x80) {
      bytes_.push_back(static_cast<char>(v | 0x80));
      v >>= 7;
    }
    bytes_.push_back(static_cast<char>(v));
  }
  void Str(std::string_view s) {
    Int(s.size());
    bytes_.append(s);
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

// Reads what RecordWriter wrote, in the same order. Past the end of the
// record it reads zeros and empty strings.
class RecordReader {
 public:
  explicit RecordReader(std::string_view record) : in_(record) {}
  uint64_t Int() {
    uint64_t v = 0;
    for (int shift = 0; pos_ < in_.size() && shift < 64; shift += 7) {
      unsigned char b = static_cast<unsigned char>(in_[pos_++]);
      v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (b < 0x80) break;
    }
    return v;
  }
  std::string_view Str() {
    size_t n = static_cast<size_t>(std::min<uint64_t>(Int(), in_.size() - pos_));
    std::string_view s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  // What is left of the record.
  std::string_view Rest() const { return in_.substr(pos_); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

}  // namespace jixiao

#endif  // JIXIAO_BASE_RECORD_CODEC_H_
