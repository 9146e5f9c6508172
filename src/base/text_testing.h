// Helpers shared by the tests of text functions that have a fast path
// (header-only; not part of the library's interface).
#ifndef JIXIAO_BASE_TEXT_TESTING_H_
#define JIXIAO_BASE_TEXT_TESTING_H_

#include <string>
#include <vector>

namespace jixiao::text_testing {

// Calls check(s) for every string s made of three of `pieces` in a row
// (pieces.size()³ strings): how a fast path is compared with the code it
// stands for, around the bytes where it switches.
template <typename Check>
void ForEachOfThree(const std::vector<std::string>& pieces, const Check& check) {
  for (const std::string& a : pieces) {
    for (const std::string& b : pieces) {
      for (const std::string& c : pieces) check(a + b + c);
    }
  }
}

}  // namespace jixiao::text_testing

#endif  // JIXIAO_BASE_TEXT_TESTING_H_
