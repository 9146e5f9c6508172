#include "base/key_index.h"

#include <algorithm>
#include <cmath>

namespace jixiao {

uint64_t HashText(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  // FNV-1a mixes its high bits poorly for short keys; finish as MurmurHash3 does.
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

namespace {

// Slots that hold `keys` keys at most 4/5 full.
size_t SlotsFor(size_t keys) { return keys + keys / 4 + 1; }

}  // namespace

void KeyIndex::Reserve(size_t keys) {
  // A shard's share is binomial: its mean and two deviations more. The few
  // shards that get more grow on their own, which costs little.
  const double mean = static_cast<double>(keys) / kShards;
  const size_t share = static_cast<size_t>(mean + 2 * std::sqrt(mean) + 1);
  for (Shard& shard : shards_) {
    if (SlotsFor(share) > shard.slots.size()) Resize(&shard, SlotsFor(share));
  }
}

void KeyIndex::ShrinkToFit() {
  for (Shard& shard : shards_) {
    const size_t want = shard.size == 0 ? 0 : SlotsFor(shard.size);
    if (want < shard.slots.size()) Resize(&shard, want);
  }
}

size_t KeyIndex::capacity() const {
  size_t n = 0;
  for (const Shard& shard : shards_) n += shard.slots.size();
  return n;
}

void KeyIndex::Insert(std::string_view key, uint32_t record) {
  const uint32_t fp = Fingerprint(key);
  Shard& shard = shards_[fp >> kShardShift];
  if (SlotsFor(shard.size + 1) > shard.slots.size()) {
    Resize(&shard, std::max<size_t>({16, SlotsFor(shard.size + 1),
                                      shard.slots.size() + shard.slots.size() / 2}));
  }
  Place(&shard, static_cast<uint64_t>(fp) << 32 | (static_cast<uint64_t>(record) + 1));
  ++shard.size;
  ++size_;
}

void KeyIndex::Resize(Shard* shard, size_t slots) {
  std::vector<uint64_t> old;
  old.swap(shard->slots);
  shard->slots.assign(slots, 0);
  for (uint64_t s : old) {
    if (s != 0) Place(shard, s);
  }
}

void KeyIndex::Place(Shard* shard, uint64_t slot) {
  const size_t n = shard->slots.size();
  size_t i = Home(static_cast<uint32_t>(slot >> 32), n);
  while (shard->slots[i] != 0) i = i + 1 == n ? 0 : i + 1;
  shard->slots[i] = slot;
}

}  // namespace jixiao
