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

}  // namespace jixiao
