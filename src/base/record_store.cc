#include "base/record_store.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <utility>

#include <fmt/format.h>

#include "base/messages.h"
#include "base/sys_error.h"

namespace jixiao {

namespace {

// Writes go to the temporary file in blocks of this size.
constexpr size_t kWriteBlock = 64 * 1024;

// An unlinked temporary file in $TMPDIR (or /tmp), or -1.
int OpenTemporaryFile() {
  const char* dir = std::getenv("TMPDIR");
  std::string path = fmt::format("{}/jixiao-XXXXXX", dir != nullptr && *dir != '\0' ? dir : "/tmp");
  int fd = mkstemp(path.data());
  if (fd < 0) return -1;
  unlink(path.c_str());
  return fd;
}

// `id`: kTemporaryFileWrite or kTemporaryFileRead.
[[noreturn]] void Fail(MsgId id) { throw TemporaryFileError(Tr(id, SystemErrorText(errno))); }

// Reads from a temporary file go through a block of this size, kept per
// thread: records are mostly read in about the order they were written, so
// one read serves many.
constexpr size_t kReadBlock = 64 * 1024;

// Each store's number, so that a thread's block is known to be its.
std::atomic<uint64_t> next_store_id{1};

struct ReadBlock {
  uint64_t store = 0;  // the id_ of the store it holds bytes of, 0 none
  uint64_t start = 0;  // file offset of bytes[0]
  uint64_t used = 0;   // when it last served a read (a per-thread clock)
  std::string bytes;
};
// Two blocks, so that two stores read in turn (a diagnostic and its source
// line) do not take each other's block at every read.
thread_local ReadBlock read_blocks[2];
thread_local uint64_t read_clock = 0;

}  // namespace

RecordStore::RecordStore(RecordStoreOptions options)
    : options_(options), id_(next_store_id.fetch_add(1)) {}

RecordStore::~RecordStore() {
  if (fd_ >= 0) close(fd_);
}

RecordStore::RecordStore(RecordStore&& other) noexcept { *this = std::move(other); }

RecordStore& RecordStore::operator=(RecordStore&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) close(fd_);
    options_ = other.options_;
    id_ = other.id_;
    other.id_ = next_store_id.fetch_add(1);  // its blocks, if any, are this one's now
    block_starts_ = std::move(other.block_starts_);
    sizes_ = std::move(other.sizes_);
    long_sizes_ = std::move(other.long_sizes_);
    end_ = other.end_;
    memory_ = std::move(other.memory_);
    fd_ = other.fd_;
    flushed_ = other.flushed_;
    pending_ = std::move(other.pending_);
    memory_only_ = other.memory_only_;
    other.block_starts_.clear();
    other.sizes_.clear();
    other.long_sizes_.clear();
    other.end_ = 0;
    other.memory_.clear();
    other.pending_.clear();
    other.fd_ = -1;
    other.flushed_ = 0;
  }
  return *this;
}

size_t RecordStore::Append(std::string_view record) { return Append({record}); }

size_t RecordStore::Append(std::initializer_list<std::string_view> parts) {
  size_t size = 0;
  for (std::string_view part : parts) size += part.size();
  const auto append_to = [&](std::string* out) {
    for (std::string_view part : parts) out->append(part);
  };
  if (fd_ < 0 && (memory_only_ || memory_.size() + size <= options_.memory_budget)) {
    // Reserved whole: growing by doubling would copy, and could reserve
    // twice the budget. Untouched pages cost no memory.
    if (memory_.empty() && !memory_only_) memory_.reserve(options_.memory_budget);
    append_to(&memory_);
  } else {
    if (fd_ < 0) {
      fd_ = OpenTemporaryFile();
      if (fd_ < 0) {
        memory_only_ = true;
        append_to(&memory_);
        return Note(size);
      }
      flushed_ = memory_.size();
    }
    append_to(&pending_);
    if (pending_.size() >= kWriteBlock) Flush();
  }
  return Note(size);
}

size_t RecordStore::Note(uint64_t size) {
  const size_t n = sizes_.size();
  if (n % kBlock == 0) block_starts_.push_back(end_);
  if (size >= kLongSize) {
    sizes_.push_back(kLongSize);
    long_sizes_.emplace(n, size);
  } else {
    sizes_.push_back(static_cast<uint16_t>(size));
  }
  end_ += size;
  return n;
}

uint64_t RecordStore::SizeOf(size_t n) const {
  uint16_t s = sizes_[n];
  return s == kLongSize ? long_sizes_.at(n) : s;
}

uint64_t RecordStore::Start(size_t n) const {
  uint64_t start = block_starts_[n / kBlock];
  for (size_t k = n - n % kBlock; k < n; ++k) start += SizeOf(k);
  return start;
}

void RecordStore::Flush() {
  size_t done = 0;
  while (done < pending_.size()) {
    ssize_t n = pwrite(fd_, pending_.data() + done, pending_.size() - done,
                       static_cast<off_t>(flushed_ - memory_.size() + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) Fail(MsgId::kTemporaryFileWrite);
    done += static_cast<size_t>(n);
  }
  flushed_ += pending_.size();
  pending_.clear();
}

std::string RecordStore::Read(size_t n, size_t max_bytes) const {
  uint64_t begin = Start(n);
  uint64_t size = std::min<uint64_t>(SizeOf(n), max_bytes);
  if (size == 0) return {};
  if (fd_ < 0 || begin < memory_.size()) return memory_.substr(begin, size);
  if (begin >= flushed_) return pending_.substr(begin - flushed_, size);
  // A record never straddles flushed_: Flush writes whole records, and the
  // file's bytes never change once written.
  const uint64_t at = begin - memory_.size();
  auto holds = [&](const ReadBlock& b) {
    return b.store == id_ && at >= b.start && at + size <= b.start + b.bytes.size();
  };
  ReadBlock* hit = holds(read_blocks[0]) ? &read_blocks[0]
                   : holds(read_blocks[1]) ? &read_blocks[1]
                                           : nullptr;
  if (hit == nullptr) {
    // The block used least recently is read anew.
    hit = read_blocks[0].used <= read_blocks[1].used ? &read_blocks[0] : &read_blocks[1];
    ReadBlock& b = *hit;
    const uint64_t file_end = flushed_ - memory_.size();
    b.store = 0;
    b.start = at;
    const uint64_t want = std::max<uint64_t>(size, kReadBlock);
    b.bytes.resize(static_cast<size_t>(std::min<uint64_t>(file_end - at, want)));
    ReadFully(b.bytes.data(), b.bytes.size(), at);
    b.store = id_;
  }
  hit->used = ++read_clock;
  return hit->bytes.substr(static_cast<size_t>(at - hit->start), static_cast<size_t>(size));
}

void RecordStore::ReadFully(char* out, size_t size, uint64_t at) const {
  size_t done = 0;
  while (done < size) {
    ssize_t r = pread(fd_, out + done, size - done, static_cast<off_t>(at + done));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) Fail(MsgId::kTemporaryFileRead);
    done += static_cast<size_t>(r);
  }
}

}  // namespace jixiao
