#include "base/keyed_store.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "base/record_codec.h"

namespace jixiao {

namespace {

// The fields of record i: its number and a text of 0 to 99 bytes.
std::string FieldsOf(size_t i) {
  RecordWriter w;
  w.Int(i);
  w.Str(std::string(i % 100, static_cast<char>('a' + i % 26)));
  return w.bytes();
}

}  // namespace

TEST_CASE("keyed store: every record found by its key, in memory and in the temporary file") {
  RecordStoreOptions all_in_file;
  all_in_file.memory_budget = 0;
  for (RecordStoreOptions options : {RecordStoreOptions{}, all_in_file}) {
    KeyedStore store(options);
    std::vector<std::string> keys;
    for (size_t i = 0; i < 5000; ++i) keys.push_back(fmt::format("TJ-362303-2024-{:04}", i));
    for (size_t i = 0; i < keys.size(); ++i) {
      REQUIRE(store.Find(keys[i]) == KeyedStore::kNone);
      // Every other record is given in two parts, split anywhere: the same
      // record is stored.
      const std::string fields = FieldsOf(i);
      const std::string_view view = fields;
      const size_t split = i % (fields.size() + 1);
      CHECK((i % 2 == 0 ? store.Add(keys[i], fields)
                        : store.Add(keys[i], view.substr(0, split), view.substr(split))) == i);
    }
    REQUIRE(store.size() == keys.size());
    for (uint32_t i = 0; i < keys.size(); ++i) {
      if (store.Find(keys[i]) != i) FAIL("key ", keys[i], " not found");
      CHECK(store.Key(i) == keys[i]);
      std::string key;
      CHECK(store.Fields(i, &key) == FieldsOf(i));
      CHECK(key == keys[i]);
    }
    // Only whole keys match: not a key's start, nor a key extended.
    CHECK(store.Find("TJ-362303-2024-000") == KeyedStore::kNone);
    CHECK(store.Find("TJ-362303-2024-00000") == KeyedStore::kNone);
    CHECK(store.Find("") == KeyedStore::kNone);
  }
}

TEST_CASE("keyed store: an empty key and empty fields are records too") {
  KeyedStore store;
  CHECK(store.Add("", "") == 0);
  CHECK(store.Add("a", "") == 1);
  CHECK(store.Find("") == 0);
  CHECK(store.Find("a") == 1);
  CHECK(store.Key(0).empty());
  CHECK(store.Fields(1).empty());
}

}  // namespace jixiao
