// Finding records by a text key with an index that holds no key text.
#ifndef JIXIAO_BASE_KEY_INDEX_H_
#define JIXIAO_BASE_KEY_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace jixiao {

// 64-bit hash of a text (FNV-1a, then mixed): stable across runs.
uint64_t HashText(std::string_view s);

// An index from text keys to record numbers that holds no key text: 8 bytes
// a slot, with linear probing at most 4/5 full, growing by half (so 10 to 15
// bytes a key once grown, 10 after Reserve or ShrinkToFit). The slots are
// split in kShards tables by fingerprint, each grown on its own, so that
// growing never holds two copies of the whole index. The caller compares
// keys: `key_of(record)` gives a record's key, and is only called for
// records whose 32-bit fingerprint matches.
class KeyIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // Makes room for `keys` keys in all (spread over the shards as a hash
  // spreads them), so that none of them grows the index but by chance.
  void Reserve(size_t keys);
  // Rebuilds each table as small as its keys allow, when that is smaller:
  // for an index that is complete.
  void ShrinkToFit();

  // Adds `key` -> `record` (< kNone). The caller has checked that `key` is
  // not present.
  void Insert(std::string_view key, uint32_t record);

  // The record of `key`, or kNone.
  template <typename KeyOf>
  uint32_t Find(std::string_view key, const KeyOf& key_of) const {
    const uint32_t fp = Fingerprint(key);
    const Shard& shard = shards_[fp >> kShardShift];
    const size_t n = shard.slots.size();
    if (n == 0) return kNone;
    for (size_t i = Home(fp, n); ; i = i + 1 == n ? 0 : i + 1) {
      uint64_t s = shard.slots[i];
      if (s == 0) return kNone;
      uint32_t record = static_cast<uint32_t>(s) - 1;
      if (static_cast<uint32_t>(s >> 32) == fp && key_of(record) == key) return record;
    }
  }

  size_t size() const { return size_; }
  // Slots in all tables (for tests).
  size_t capacity() const;

  static constexpr int kShardBits = 6;
  static constexpr size_t kShards = size_t{1} << kShardBits;

 private:
  static constexpr int kShardShift = 32 - kShardBits;
  struct Shard {
    std::vector<uint64_t> slots;  // each: fingerprint << 32 | (record + 1); 0 is empty
    size_t size = 0;
  };
  static uint32_t Fingerprint(std::string_view key) {
    return static_cast<uint32_t>(HashText(key) >> 32);
  }
  // The first slot to probe in a table of `n` slots: the fingerprint's bits
  // below the shard's, scaled to the table, so that a table grows from
  // fingerprints alone, to any size.
  static size_t Home(uint32_t fp, size_t n) {
    constexpr uint32_t kLow = (uint32_t{1} << kShardShift) - 1;
    return static_cast<size_t>((static_cast<uint64_t>(fp & kLow) * n) >> kShardShift);
  }
  static void Resize(Shard* shard, size_t slots);
  static void Place(Shard* shard, uint64_t slot);

  Shard shards_[kShards];
  size_t size_ = 0;
};

}  // namespace jixiao

#endif  // JIXIAO_BASE_KEY_INDEX_H_
