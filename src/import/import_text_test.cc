#include "import/import_text.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

namespace jixiao {

TEST_CASE("extracted text breaks lines at LF, CRLF and a lone CR, as messages count them") {
  // A cell after a lone CR is on the next line, and the line shown under a
  // message about it is its own.
  Source src{"doc.txt", "标题\r\t一级指标\r\t二级指标\r\n\t三级指标\n"};
  Diagnostics d;
  std::optional<ImportDoc> doc = ReadExtractedText(src, &d);
  REQUIRE(doc.has_value());
  CHECK(d.empty());
  REQUIRE(doc->items.size() == 2);
  CHECK(doc->items[0].kind == DocItem::Kind::kParagraph);
  CHECK(doc->items[0].cells[0].text == "标题");
  CHECK(doc->items[1].kind == DocItem::Kind::kRow);
  const std::vector<DocCell>& cells = doc->items[1].cells;
  REQUIRE(cells.size() == 3);
  const char* texts[] = {"一级指标", "二级指标", "三级指标"};
  for (int i = 0; i < 3; ++i) {
    CAPTURE(i);
    CHECK(cells[i].text == texts[i]);
    CHECK(cells[i].at.line == i + 2);
    Diagnostic m = MakeDocDiagnostic(*doc, Severity::kError, cells[i].at, Message{601, "x"});
    CHECK(m.loc.file == "doc.txt");
    CHECK(m.loc.line == i + 2);
    CHECK(m.loc.column == 2);
    CHECK(m.source_line == "\t" + cells[i].text);
  }
}

}  // namespace jixiao
