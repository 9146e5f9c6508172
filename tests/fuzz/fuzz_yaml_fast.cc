// Fuzzes the fast YAML reader (src/yaml/yaml_fast.h) against yaml-cpp: a
// differential harness.
//
// Input: a YAML text. It is given to both readers only when ParseYamlStream
// would give it to them (CheckInputText passes, no lone carriage return;
// leading byte order marks removed).
//
// Invariant checked, beyond "does not crash, hang or leak": every document
// the fast reader reads has exactly yaml-cpp's events (kinds, marks, tags,
// values), and when the fast reader reads to the end, yaml-cpp finds no
// document more. A document the fast reader declines is not compared: yaml-cpp
// reads it in production.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "yaml/yaml_doc.h"
#include "yaml/yaml_fast_testing.h"

using namespace jixiao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Source src{"f.yaml", std::string(reinterpret_cast<const char*>(data), size)};
  Diagnostics diags;
  if (!CheckInputText(src, 1 << 20, &diags)) return 0;
  std::string_view text = src.text;
  for (size_t cr = text.find('\r'); cr != std::string_view::npos; cr = text.find('\r', cr + 1)) {
    if (cr + 1 >= text.size() || text[cr + 1] != '\n') return 0;
  }
  while (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::string difference = testing::CompareWithYamlCpp(text);
  FUZZ_CHECK(difference.empty(), difference);
  return 0;
}
