// Fuzzes `jixiao import` on .docx documents (docx.h ReadDocx, then import.h
// ImportTables, AssignIds, ProjectYaml).
//
// Input: bytes that start like a ZIP archive ("PK\3\4") are read as the
// .docx itself; anything else is taken as word/document.xml and packaged
// with MakeDocx first, so that the fuzzer explores the WordprocessingML
// walker rather than ZIP checksums.
//
// Invariants: those of fuzz_import_common.h CheckImport; a document that
// cannot be read comes with an error naming the file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "import/docx.h"
#include "fuzz_common.h"
#include "fuzz_import_common.h"

using namespace jixiao;
using jixiao::fuzz::ValidUtf8;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::string bytes;
  if (LooksLikeZip(input)) {
    bytes = input;
  } else {
    std::string error;
    bytes = MakeDocx(input, &error);
    FUZZ_CHECK(!bytes.empty() && error.empty(), "MakeDocx failed: " + error);
    FUZZ_CHECK(LooksLikeZip(bytes), "MakeDocx made no ZIP archive");
  }
  Diagnostics diags;
  std::optional<ImportDoc> doc = ReadDocx(bytes, "doc.docx", 1 << 20, &diags);
  jixiao::fuzz::CheckDiagnostics(diags, 0, "doc.docx", nullptr);
  if (!doc) {
    FUZZ_CHECK(diags.has_errors(), ".docx refused without an error");
    return 0;
  }
  FUZZ_CHECK(doc->file == "doc.docx", "document named " + doc->file);
  for (const DocItem& item : doc->items) {
    FUZZ_CHECK(!item.cells.empty(), "an item without cells");
    if (item.kind == DocItem::Kind::kParagraph) FUZZ_CHECK(item.cells.size() == 1, "paragraph");
    for (const DocCell& c : item.cells) {
      FUZZ_CHECK(ValidUtf8(c.text), "cell text is not valid UTF-8");
      if (c.merged) FUZZ_CHECK(c.text.empty(), "a merged cell with text");
    }
  }
  jixiao::fuzz::CheckImport(*doc, nullptr, &diags);
  return 0;
}
