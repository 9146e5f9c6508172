// The layout of an imported 绩效目标表 document, before its fields are read:
// paragraphs and table rows in document order, each cell with its place.
//
// Two readers produce it: ReadExtractedText (text extracted from Word, one
// cell per line behind a tab) and ReadDocx (the .docx itself). The importer
// (import.h) reads projects from it without knowing which reader ran.
#ifndef JIXIAO_IMPORT_IMPORT_DOC_H_
#define JIXIAO_IMPORT_IMPORT_DOC_H_

#include <cstddef>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/lang.h"

namespace jixiao {

// Where a paragraph or cell is in its input. Text input sets `line` (and
// `offset`); .docx input sets `table`, `row` and `cell`, or `paragraph` for
// text outside tables. All numbers are 1-based; 0 means not set.
struct DocPlace {
  int line = 0;
  size_t offset = 0;  // text input: byte offset of the cell's first character
  int table = 0, row = 0, cell = 0;
  int paragraph = 0;

  bool is_text() const { return line > 0; }
};

struct DocCell {
  std::string text;     // the cell's text; paragraphs inside a cell joined by '\n'
  DocPlace at;
  bool merged = false;  // a continued vertical merge (w:vMerge without "restart"); text is ""
  int span = 1;         // .docx: the grid columns the cell spans (w:gridSpan, w:hMerge)
};

struct DocItem {
  enum class Kind { kParagraph, kRow };
  Kind kind = Kind::kRow;
  // kRow: the row's cells, one per cell of the document (a spanned cell is
  // one cell). kParagraph: exactly one cell holding the paragraph.
  std::vector<DocCell> cells;
};

struct ImportDoc {
  // The input as named on the command line, for locations.
  std::string file;
  // Text input: the whole text, so that diagnostics can show the source
  // line; "" for .docx input.
  std::string text;
  // True for text input, whose extraction may split one table row across
  // blank lines (a cell with stray blank lines inside): the importer then
  // joins short rows of an indicator table.
  bool rows_may_split = false;
  std::vector<DocItem> items;
};

// "line 12", "table 2, row 3, cell 4", "paragraph 5" (in `lang`: "第 12 行",
// "第 2 个表格第 3 行第 4 格", "第 5 段"), or "" when unknown.
std::string DescribePlace(const DocPlace& at, Lang lang = CurrentLang());

// A diagnostic at `at` of `doc`: file:line:column with the source line for
// text input; for .docx, the file with "table T, row R, cell C: " before
// the message.
Diagnostic MakeDocDiagnostic(const ImportDoc& doc, Severity severity, const DocPlace& at,
                             Message message);

}  // namespace jixiao

#endif  // JIXIAO_IMPORT_IMPORT_DOC_H_
