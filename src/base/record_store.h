// Per-project state of a whole year, in memory that does not grow with it.
//
// A batch run must remember something of every project until the end (its
// actuals entry until its target arrives, its id to refuse a second use).
// RecordStore holds such records as bytes: the first `memory_budget` bytes
// in memory, the rest in an unlinked temporary file, so that each further
// record costs about 2 bytes of memory (its size). KeyIndex finds a record by
// a text key while holding no key text: 8 bytes a slot, at most 4/5 full.
#ifndef JIXIAO_BASE_RECORD_STORE_H_
#define JIXIAO_BASE_RECORD_STORE_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace jixiao {

// The temporary file of a RecordStore cannot be created, written or read
// (a full disk, say): the run cannot go on. what() says so for the user.
class TemporaryFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct RecordStoreOptions {
  // Bytes of records kept in memory; later records go to a temporary file in
  // $TMPDIR (default /tmp), deleted when the store is. When no temporary file
  // can be created, every record stays in memory.
  size_t memory_budget = 512u << 10;
};

// An append-only sequence of records, read back by number.
class RecordStore {
 public:
  explicit RecordStore(RecordStoreOptions options = {});
  ~RecordStore();
  RecordStore(RecordStore&& other) noexcept;
  RecordStore& operator=(RecordStore&& other) noexcept;

  // Appends a record; returns its number (0, 1, 2, ...). Throws
  // TemporaryFileError when the temporary file cannot be written.
  size_t Append(std::string_view record);

  // Record `n` (< size()), or its first `max_bytes` bytes. Safe to call from
  // several threads at once while nobody calls Append. Throws
  // TemporaryFileError when the temporary file cannot be read. Reads from
  // the file go through 64 KiB blocks (two per thread), so that reading
  // records in about the order they were appended costs a read per block.
  std::string Read(size_t n, size_t max_bytes = SIZE_MAX) const;

  size_t size() const { return sizes_.size(); }
  // Whether records have gone to a temporary file.
  bool spilled() const { return fd_ >= 0; }

 private:
  void Flush();
  // Reads `size` bytes at offset `at` of the temporary file.
  void ReadFully(char* out, size_t size, uint64_t at) const;
  // Records that the next record has `size` bytes; returns its number.
  size_t Note(uint64_t size);
  uint64_t SizeOf(size_t n) const;
  // Where record n starts in the sequence of all records' bytes.
  uint64_t Start(size_t n) const;

  // Records are numbered in blocks of this many; each block's start is kept,
  // each record's size, so an offset is a start plus fewer than kBlock sizes.
  static constexpr size_t kBlock = 32;
  static constexpr uint16_t kLongSize = UINT16_MAX;  // see long_sizes_

  RecordStoreOptions options_;
  uint64_t id_ = 0;  // unique to this store's records: see Read
  // Deques grow in blocks, never copying or leaving freed arrays behind as a
  // vector would.
  std::deque<uint64_t> block_starts_;  // start of records kBlock * i
  std::deque<uint16_t> sizes_;         // record n's size, or kLongSize
  std::unordered_map<size_t, uint64_t> long_sizes_;  // sizes of kLongSize and more
  uint64_t end_ = 0;                   // bytes of all records
  std::string memory_;                // bytes [0, memory_.size()) of the sequence
  int fd_ = -1;                       // the temporary file: bytes from memory_.size() on
  uint64_t flushed_ = 0;              // end of what the file holds (as a sequence offset)
  std::string pending_;               // bytes [flushed_, flushed_ + pending_.size())
  bool memory_only_ = false;          // no temporary file could be created
};

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

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

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

#endif  // JIXIAO_BASE_RECORD_STORE_H_
