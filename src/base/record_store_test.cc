#include "base/record_store.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace jixiao {

namespace {

std::string RecordText(size_t i) {
  // Sizes 0 to 300, contents that differ record to record.
  return std::string(i % 301, static_cast<char>('a' + i % 26)) + (i % 7 == 0 ? "" : fmt::format("#{}", i));
}

}  // namespace

TEST_CASE("record store: records under the memory budget stay in memory") {
  RecordStore store;
  for (size_t i = 0; i < 100; ++i) CHECK(store.Append(RecordText(i)) == i);
  CHECK_FALSE(store.spilled());
  REQUIRE(store.size() == 100);
  for (size_t i = 0; i < 100; ++i) CHECK(store.Read(i) == RecordText(i));
  CHECK(store.Read(5, 3) == RecordText(5).substr(0, 3));
  // An empty record, last: it starts where the stored bytes end.
  CHECK(store.Append("") == 100);
  CHECK(store.Read(100).empty());
  CHECK(store.Read(100, 5).empty());
}

TEST_CASE("record store: records over the budget go to a temporary file and read back") {
  RecordStoreOptions options;
  options.memory_budget = 1000;
  RecordStore store(options);
  // About 3 MB: many write blocks, the last still pending when read.
  const size_t n = 20000;
  for (size_t i = 0; i < n; ++i) REQUIRE(store.Append(RecordText(i)) == i);
  CHECK(store.spilled());
  for (size_t i = 0; i < n; ++i) {
    if (store.Read(i) != RecordText(i)) FAIL("record ", i, " reads back differently");
  }
  CHECK(store.Read(n - 2, 2) == RecordText(n - 2).substr(0, 2));
  CHECK(store.Read(n - 1).size() == RecordText(n - 1).size());
  // Appending after reading keeps both readable.
  store.Append("last");
  CHECK(store.Read(n) == "last");
  CHECK(store.Read(0) == RecordText(0));
}

TEST_CASE("record store: records of 64 KiB and more, across blocks, in memory and spilled") {
  // Sizes are kept in 2 bytes, longer ones apart; offsets are rebuilt from
  // block starts, so sizes around both limits and many blocks are checked.
  std::vector<std::string> records;
  for (size_t i = 0; i < 200; ++i) {
    size_t size = i % 9 == 0 ? 65535 + i % 3 : i % 9 == 1 ? 65534 : i % 9 == 2 ? 200000 : i % 50;
    records.push_back(std::string(size, static_cast<char>('A' + i % 26)) + std::to_string(i));
  }
  for (size_t budget : {size_t{0}, size_t{1} << 30}) {
    CAPTURE(budget);
    RecordStoreOptions options;
    options.memory_budget = budget;
    RecordStore store(options);
    for (size_t i = 0; i < records.size(); ++i) REQUIRE(store.Append(records[i]) == i);
    CHECK(store.spilled() == (budget == 0));
    for (size_t i = records.size(); i-- > 0;) {
      if (store.Read(i) != records[i]) FAIL("record ", i, " reads back differently");
    }
    CHECK(store.Read(2, 4) == records[2].substr(0, 4));
    RecordStore moved = std::move(store);
    CHECK(moved.size() == records.size());
    CHECK(moved.Read(199) == records[199]);
  }
}

TEST_CASE("record store: reads through the per-thread block, from two stores, in any order") {
  RecordStoreOptions options;
  options.memory_budget = 0;
  RecordStore a(options), b(options);
  const size_t n = 3000;  // about 450 KB each: several read blocks
  for (size_t i = 0; i < n; ++i) {
    a.Append(RecordText(i));
    b.Append(RecordText(i + 1));
  }
  for (size_t i = 0; i < n; ++i) {
    size_t j = (i * 7919) % n;  // jumping about
    if (a.Read(i) != RecordText(i) || b.Read(i) != RecordText(i + 1) ||
        a.Read(j) != RecordText(j) || b.Read(j) != RecordText(j + 1)) {
      FAIL("record ", i, " or ", j, " reads back differently");
    }
  }
  // Records appended after a block was read are read from the file again.
  for (size_t i = n; i < n + 1000; ++i) a.Append(RecordText(i));
  CHECK(a.Read(n - 1) == RecordText(n - 1));
  for (size_t i = n; i < n + 1000; ++i) {
    if (a.Read(i) != RecordText(i)) FAIL("record ", i, " reads back differently");
  }
  // A moved store keeps its records; a new store with the old one's place
  // does not see them.
  RecordStore c = std::move(a);
  CHECK(c.Read(5) == RecordText(5));
  a = RecordStore(options);
  a.Append("other");
  a.Append(std::string(70000, 'o'));
  CHECK(a.Read(0) == "other");
  CHECK(c.Read(0) == RecordText(0));
}

TEST_CASE("record store: without a usable TMPDIR, records stay in memory") {
  const char* old = std::getenv("TMPDIR");
  std::string saved = old != nullptr ? old : "";
  setenv("TMPDIR", "/nonexistent/jixiao-test", 1);
  RecordStoreOptions options;
  options.memory_budget = 10;
  RecordStore store(options);
  for (size_t i = 0; i < 1000; ++i) store.Append(RecordText(i));
  if (old != nullptr) {
    setenv("TMPDIR", saved.c_str(), 1);
  } else {
    unsetenv("TMPDIR");
  }
  CHECK_FALSE(store.spilled());
  for (size_t i = 0; i < 1000; ++i) CHECK(store.Read(i) == RecordText(i));
}

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
