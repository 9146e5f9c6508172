#include "base/keyed_store.h"

#include "base/record_codec.h"

namespace jixiao {

uint32_t KeyedStore::Add(std::string_view key, std::string_view head, std::string_view fields) {
  RecordWriter size;
  size.Int(key.size());  // the key as RecordWriter::Str writes it: its size, then its bytes
  const auto n = static_cast<uint32_t>(records_.Append({size.bytes(), key, head, fields}));
  index_.Insert(key, n);
  return n;
}

uint32_t KeyedStore::Find(std::string_view key) const {
  return index_.Find(key, [this, key](uint32_t n) {
    // Only the key's bytes are needed: its length as a varint, then the key.
    return std::string(RecordReader(records_.Read(n, key.size() + 10)).Str());
  });
}

std::string KeyedStore::Key(uint32_t n) const {
  return std::string(RecordReader(records_.Read(n)).Str());
}

std::string KeyedStore::Fields(uint32_t n, std::string* key) const {
  const std::string record = records_.Read(n);
  RecordReader r(record);
  std::string_view k = r.Str();
  if (key != nullptr) *key = std::string(k);
  return std::string(r.Rest());
}

}  // namespace jixiao
