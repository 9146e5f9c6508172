// Fuzzes ParseYamlStream's two readers against each other: a differential
// harness for the hand-over between FastYamlReader and yaml-cpp.
//
// Input: a YAML text, given to ParseYamlStream twice: as it is (read by the
// fast reader, with yaml-cpp for each document it declines) and after a first
// line "#\t" (a tab makes the fast reader decline the whole file, so yaml-cpp
// reads all of it). Leading byte order marks are removed first, and the
// limits are tight (as in the other harnesses) so that they are met too.
//
// Invariant checked, beyond "does not crash, hang or leak": the documents
// (index, place, tree with every node's line, offset and weight, errors
// flag) and the diagnostics, in the order the caller sees them, are the
// same, one line later.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "yaml/yaml_doc.h"
#include "yaml/yaml_doc_testing.h"

using namespace jixiao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  while (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  Source src{"f.yaml", text};
  Diagnostics diags;
  if (!CheckInputText(src, 1 << 20, &diags)) return 0;
  YamlLimits limits;
  limits.max_scalar_bytes = 4096;
  limits.max_depth = 24;
  limits.max_nodes = 2000;
  limits.max_documents = 50;
  std::string both = testing::DumpYaml(text, limits, 0, 0);
  std::string yaml_cpp = testing::DumpYaml("#\t\n" + text, limits, 1, 3);
  FUZZ_CHECK(both == yaml_cpp, "fast + yaml-cpp:\n" + both + "yaml-cpp alone:\n" + yaml_cpp);
  return 0;
}
