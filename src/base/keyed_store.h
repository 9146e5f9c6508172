// The state a run keeps for each project of a year, in memory that does not
// grow with the year.
//
// A batch run must remember something of every project until its end: the
// actuals entry until its target arrives (model/actuals.h), the id to refuse
// a second use (score/batch.h). Each is a record in a KeyedStore, found by
// its key: records beyond a memory budget go to a temporary file
// (record_store.h) and the index holds no key text (key_index.h), so that a
// record costs about 12 bytes of memory whatever its size. These two are the
// store's only users; the rest of jixiao holds what it reads in memory.
#ifndef JIXIAO_BASE_KEYED_STORE_H_
#define JIXIAO_BASE_KEYED_STORE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/key_index.h"
#include "base/record_store.h"

namespace jixiao {

class KeyedStore {
 public:
  static constexpr uint32_t kNone = KeyIndex::kNone;

  explicit KeyedStore(RecordStoreOptions options = {}) : records_(options) {}

  // Appends the record of `key`, which Find does not know, with `fields`
  // (bytes of a RecordWriter, record_codec.h); returns its number (0, 1, 2,
  // ...). Throws TemporaryFileError when the temporary file cannot be
  // written.
  uint32_t Add(std::string_view key, std::string_view fields) { return Add(key, {}, fields); }
  // The same with the fields in two parts, `head` then `fields`, written one
  // after the other (not joined first).
  uint32_t Add(std::string_view key, std::string_view head, std::string_view fields);

  // The number of the record of `key`, or kNone. A hash collision never
  // mistakes one key for another: keys are compared.
  uint32_t Find(std::string_view key) const;

  // Record `n`'s key, and its fields (and key, when `key` is not null).
  std::string Key(uint32_t n) const;
  std::string Fields(uint32_t n, std::string* key = nullptr) const;

  size_t size() const { return records_.size(); }

  // Makes room in the index for `keys` keys in all (a hint).
  void Reserve(size_t keys) { index_.Reserve(keys); }
  // Gives back the room the index kept to grow in: for a complete store.
  void ShrinkToFit() { index_.ShrinkToFit(); }

  // Find, Key and Fields are safe to call from several threads at once
  // while nobody calls Add; they throw TemporaryFileError when the temporary
  // file cannot be read.

 private:
  RecordStore records_;  // each record: the key (length-prefixed), then the fields
  KeyIndex index_;
};

}  // namespace jixiao

#endif  // JIXIAO_BASE_KEYED_STORE_H_
