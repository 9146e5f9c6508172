// Pieces of the JSON report (docs/reference.md §7) shared with `jixiao merge`.
#ifndef JIXIAO_REPORT_REPORT_JSON_H_
#define JIXIAO_REPORT_REPORT_JSON_H_

#include "base/json_writer.h"
#include "report/report.h"

namespace jixiao {

// Writes the "summary" object: counts, grades, and the year summary
// (departments, level1, lowest).
void WriteRunSummaryJson(const RunSummary& sum, JsonWriter* w);
// Writes the "errors" and "warnings" keys and their arrays.
void WriteDiagnosticsJson(const Diagnostics& diags, JsonWriter* w);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_REPORT_JSON_H_
