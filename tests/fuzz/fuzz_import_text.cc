// Fuzzes `jixiao import` on text extracted from Word (import_text.h
// ReadExtractedText, then import.h ImportTables, AssignIds, ProjectYaml).
//
// Invariants: those of fuzz_import_common.h CheckImport, and a document the
// reader refuses comes with an error located in it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "fuzz_import_common.h"
#include "import/import_text.h"

using namespace jixiao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Source src;
  src.path = "doc.txt";
  src.text.assign(reinterpret_cast<const char*>(data), size);
  src.text = std::string(StripBom(src.text));
  Diagnostics diags;
  std::optional<ImportDoc> doc = ReadExtractedText(src, &diags);
  jixiao::fuzz::CheckDiagnostics(diags, 0, src.path, &src.text);
  if (!doc) {
    FUZZ_CHECK(diags.has_errors(), "text refused without an error");
    return 0;
  }
  jixiao::fuzz::CheckImport(*doc, &src.text, &diags);
  return 0;
}
