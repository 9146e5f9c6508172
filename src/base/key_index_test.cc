#include "base/key_index.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <fmt/format.h>

namespace jixiao {

TEST_CASE("key index: finds every key, and nothing else") {
  std::vector<std::string> keys;
  for (int i = 0; i < 50000; ++i) keys.push_back(fmt::format("TJ-362303-2024-{:05}", i));
  KeyIndex index;
  size_t calls = 0;
  auto key_of = [&](uint32_t r) {
    ++calls;
    return keys[r];
  };
  for (uint32_t i = 0; i < keys.size(); ++i) {
    REQUIRE(index.Find(keys[i], key_of) == KeyIndex::kNone);
    index.Insert(keys[i], i);
  }
  CHECK(index.size() == keys.size());
  calls = 0;
  for (uint32_t i = 0; i < keys.size(); ++i) {
    if (index.Find(keys[i], key_of) != i) FAIL("key ", keys[i], " not found");
  }
  // Keys are only compared on a fingerprint match: about once a lookup.
  CHECK(calls < keys.size() + 10);
  CHECK(index.Find("TJ-362303-2024-50000", key_of) == KeyIndex::kNone);
  CHECK(index.Find("", key_of) == KeyIndex::kNone);
  // A fingerprint match alone is not a match: the key decides.
  CHECK(index.Find(keys[7], [](uint32_t) { return std::string("other"); }) == KeyIndex::kNone);
  // Grown by half at a time, at most 4/5 full.
  CHECK(index.capacity() * 4 >= index.size() * 5);
  CHECK(index.capacity() <= index.size() * 2);
}

TEST_CASE("key index: Reserve makes room, ShrinkToFit gives it back, keys stay found") {
  KeyIndex index;
  std::vector<std::string> keys;
  for (int i = 0; i < 100000; ++i) keys.push_back(fmt::format("项目{}", i));
  auto key_of = [&](uint32_t r) { return keys[r]; };
  for (uint32_t i = 0; i < 10; ++i) index.Insert(keys[i], i);
  index.Reserve(keys.size());
  const size_t capacity = index.capacity();
  CHECK(capacity >= keys.size() * 5 / 4);
  CHECK(capacity < keys.size() * 5 / 4 * 11 / 10);  // shares a little over the mean
  for (uint32_t i = 10; i < keys.size(); ++i) index.Insert(keys[i], i);
  CHECK(index.capacity() < capacity * 105 / 100);  // a few shards may have grown
  for (uint32_t i = 0; i < keys.size(); ++i) {
    if (index.Find(keys[i], key_of) != i) FAIL("key ", keys[i], " not found");
  }
  index.Reserve(10);  // never shrinks
  CHECK(index.capacity() >= capacity);
  // Grown by half at a time, the tables of a complete index can be smaller.
  KeyIndex grown;
  for (uint32_t i = 0; i < keys.size(); ++i) grown.Insert(keys[i], i);
  const size_t before = grown.capacity();
  grown.ShrinkToFit();
  CHECK(grown.capacity() < before);
  CHECK(grown.capacity() <= keys.size() * 5 / 4 + KeyIndex::kShards);  // 4/5 full
  for (uint32_t i = 0; i < keys.size(); ++i) {
    if (grown.Find(keys[i], key_of) != i) FAIL("key ", keys[i], " not found after shrinking");
  }
  CHECK(grown.Find("项目100000", key_of) == KeyIndex::kNone);
  // Keys of one shard whose home is the last of its 16 slots: the second
  // and third wrap around to its first slots.
  std::vector<std::string> last;
  uint32_t shard = 0;
  for (int i = 0; last.size() < 3; ++i) {
    std::string k = fmt::format("k{}", i);
    uint32_t fp = static_cast<uint32_t>(HashText(k) >> 32);
    uint32_t low = fp & ((uint32_t{1} << (32 - KeyIndex::kShardBits)) - 1);
    if (((uint64_t{low} * 16) >> (32 - KeyIndex::kShardBits)) != 15) continue;
    if (last.empty()) shard = fp >> (32 - KeyIndex::kShardBits);
    if (fp >> (32 - KeyIndex::kShardBits) == shard) last.push_back(k);
  }
  KeyIndex small;
  for (uint32_t i = 0; i < last.size(); ++i) small.Insert(last[i], i);
  REQUIRE(small.capacity() == 16);  // one shard's table
  for (uint32_t i = 0; i < last.size(); ++i) {
    CHECK(small.Find(last[i], [&](uint32_t r) { return last[r]; }) == i);
  }
  CHECK(small.Find("k-none", [&](uint32_t r) { return last[r]; }) == KeyIndex::kNone);
}

TEST_CASE("key index: texts that differ in one byte hash apart") {
  CHECK(HashText("2024年度A项目") != HashText("2024年度B项目"));
  CHECK(HashText("") != HashText(std::string(1, '\0')));
  CHECK(HashText("abc") == HashText("abc"));
}

}  // namespace jixiao
