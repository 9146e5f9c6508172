// A deterministic source of numbers for tests that compare a fast path with
// the code it stands for over many inputs (header-only; not part of the
// library's interface).
#ifndef JIXIAO_BASE_RANDOM_TESTING_H_
#define JIXIAO_BASE_RANDOM_TESTING_H_

#include <cstdint>

namespace jixiao::random_testing {

// splitmix64: the same sequence for the same seed on every run and machine,
// so that a failing input can be found again.
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
  }

 private:
  uint64_t state_;
};

}  // namespace jixiao::random_testing

#endif  // JIXIAO_BASE_RANDOM_TESTING_H_
