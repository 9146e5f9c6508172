// Reading Word .docx documents (Office Open XML) into an ImportDoc, and
// writing minimal ones for tests.
//
// A .docx is a ZIP archive (read with libzip) whose main part,
// word/document.xml, is WordprocessingML (read with pugixml, which expands
// no DTD entities and fetches nothing, so no entity bomb or external entity
// reaches it). Every size is bounded before it is read.
#ifndef JIXIAO_IMPORT_DOCX_H_
#define JIXIAO_IMPORT_DOCX_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "import/import_doc.h"

namespace jixiao {

// True when `bytes` start like a ZIP archive (a .docx), "PK\3\4".
bool LooksLikeZip(std::string_view bytes);
// True when `bytes` start like an OLE compound file (a Word 97-2003 .doc).
bool LooksLikeOle(std::string_view bytes);

// Reads the .docx held in `bytes` (`file` names it in messages). The main
// part is found through _rels/.rels (word/document.xml when it names none)
// and may be at most `max_part_bytes` once uncompressed. Body paragraphs
// become kParagraph items (blank ones are left out) and every table row a
// kRow item, in document order, including those inside content controls
// (w:sdt) and custom XML. A cell spanning columns (w:gridSpan) is one cell;
// a cell continuing a vertical merge (w:vMerge without "restart") is an
// empty cell marked `merged`; a cell continuing a legacy horizontal merge
// (w:hMerge) is left out, as it is part of the cell before it. A nested
// table's text becomes lines of its cell. Deleted text (tracked changes) and
// the fallback copies of mc:AlternateContent are not read. Fails (nullopt,
// with an error naming the file) when `bytes` is not a readable .docx.
std::optional<ImportDoc> ReadDocx(std::string_view bytes, const std::string& file,
                                  size_t max_part_bytes, Diagnostics* diags);

// A minimal .docx package ([Content_Types].xml, _rels/.rels and
// word/document.xml = `document_xml`), for tests and fixtures. "" and
// `*error` set when libzip fails.
std::string MakeDocx(std::string_view document_xml, std::string* error);

}  // namespace jixiao

#endif  // JIXIAO_IMPORT_DOCX_H_
