// An append-only sequence of records in memory that does not grow with it.
//
// RecordStore holds records as bytes: the first `memory_budget` bytes in
// memory, the rest in an unlinked temporary file, so that each further
// record costs about 2 bytes of memory (its size). A run's per-project state
// lives in one through KeyedStore (keyed_store.h); a run's diagnostics
// through Diagnostics::SpillToDisk (diagnostic.h).
#ifndef JIXIAO_BASE_RECORD_STORE_H_
#define JIXIAO_BASE_RECORD_STORE_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace jixiao {

// The temporary file of a RecordStore cannot be created, written or read
// (a full disk, say): the run cannot go on. what() says so for the user, in
// the run's language. (It has no diagnostic code: it is no fault of an
// input, and a full disk cannot be shown by an example in docs/errors.md.)
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
  // Appends one record made of `parts` one after another, as Append of their
  // concatenation would, without making it first.
  size_t Append(std::initializer_list<std::string_view> parts);

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

}  // namespace jixiao

#endif  // JIXIAO_BASE_RECORD_STORE_H_
