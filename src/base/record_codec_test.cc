#include "base/record_codec.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

namespace jixiao {

TEST_CASE("record codec: varints and strings read back in order; zeros past the end") {
  RecordWriter w;
  w.Int(0);
  w.Int(127);
  w.Int(128);  // the first value of two bytes
  w.Int(UINT64_MAX);
  w.Str("");
  w.Str("全年执行数");
  CHECK(w.bytes().size() == 1 + 1 + 2 + 10 + 1 + 1 + 15);
  RecordReader r(w.bytes());
  CHECK(r.Int() == 0);
  CHECK(r.Int() == 127);
  CHECK(r.Int() == 128);
  CHECK(r.Int() == UINT64_MAX);
  CHECK(r.Str().empty());
  CHECK(r.Rest() == std::string("\x0F") + "全年执行数");
  CHECK(r.Str() == "全年执行数");
  CHECK(r.Rest().empty());
  CHECK(r.Int() == 0);
  CHECK(r.Str().empty());
}

TEST_CASE("record codec: a string longer than what is left is cut to it") {
  RecordWriter w;
  w.Int(50);  // claims 50 bytes
  std::string bytes = w.bytes() + "abc";
  RecordReader r(bytes);
  CHECK(r.Str() == "abc");
}

}  // namespace jixiao
