// Reading text extracted from Word into an ImportDoc.
#ifndef JIXIAO_IMPORT_IMPORT_TEXT_H_
#define JIXIAO_IMPORT_IMPORT_TEXT_H_

#include <optional>

#include "base/diagnostic.h"
#include "import/import_doc.h"

namespace jixiao {

// Splits text extracted from a Word document into paragraphs and table rows:
//   - a line that starts with a tab is one cell (its text after the tab);
//   - consecutive cell lines form a row; a blank (or white-space-only) line
//     ends it;
//   - a line without a tab directly below a cell line continues that cell
//     (a second paragraph inside it); elsewhere it is a paragraph;
//   - a vertical tab (Word's manual line break) is a line break inside the
//     cell or paragraph, a form feed (page break) is ignored.
// Cell and paragraph texts are trimmed. Fails (nullopt, with a located error)
// on invalid UTF-8 or on control characters that no text extraction
// produces (a binary file).
std::optional<ImportDoc> ReadExtractedText(const Source& src, Diagnostics* diags);

}  // namespace jixiao

#endif  // JIXIAO_IMPORT_IMPORT_TEXT_H_
