// Pieces of the JSON report (docs/reference.md §7) shared with `jixiao merge`.
#ifndef JIXIAO_REPORT_REPORT_JSON_H_
#define JIXIAO_REPORT_REPORT_JSON_H_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "base/exact.h"
#include "base/json_writer.h"
#include "report/report.h"
#include "yaml/yaml_doc.h"

namespace jixiao {

// Writes the "summary" object: counts, grades, and the year summary
// (departments, level1, lowest).
void WriteRunSummaryJson(const RunSummary& sum, JsonWriter* w);
// A weight or a score written exactly, for `weight_exact` and `score_exact`:
// "2.675", "50/3".
std::string ExactText(const Rational& r);
// What ExactText wrote (or a plain decimal); nullopt for anything else.
std::optional<Rational> ParseExactText(std::string_view text);

// The output of a JSON report (eval's, monitor's): an object whose
// "projects" array holds each project's object, or with `lines` (JSONL) a
// line a project and a last line with the run's keys. Written out as it
// comes.
class JsonReportStream {
 public:
  explicit JsonReportStream(bool lines) : lines_(lines), w_(&buf_, lines ? 0 : 2) {}

  bool lines() const { return lines_; }
  // The writer of the run's own keys; Flush writes what it holds.
  JsonWriter& writer() { return w_; }
  void Flush(std::ostream& out);
  // Ends the last line, then Flush.
  void FlushLine(std::ostream& out);

  // A writer of one project's object into `out`, safe on any thread: an
  // element of the "projects" array, or (JSONL) a line of its own, which
  // EndProject ends.
  JsonWriter ProjectWriter(std::string* out) const {
    return JsonWriter::Nested(out, lines_ ? 0 : 2, lines_ ? 0 : 2);
  }
  void EndProject(std::string* out) const {
    if (lines_) out->push_back('\n');
  }
  // Writes a project made by ProjectWriter, in input order.
  void WriteProject(std::string_view bytes, std::ostream& out);

 private:
  bool lines_;
  std::string buf_;
  JsonWriter w_;
};

// Writes the "errors" and "warnings" keys and their arrays.
void WriteDiagnosticsJson(const Diagnostics& diags, JsonWriter* w);

// The keys that open a project's object in eval's and monitor's reports:
// id, project, year, file, line and department (docs/reference.md §7, §9).
void WriteProjectHeadJson(const Project& p, JsonWriter* w);

// Writes `p` as the value of the report's "policy" key: {"fail_on": "unmet"
// or "none", "fail_under": N only when given}.
void WritePolicyJson(const Policy& p, JsonWriter* w);
// The policy a report's "policy" value gives, as WritePolicyJson writes it;
// nullopt for none (nullptr) and for any other value.
std::optional<Policy> PolicyFromJson(const YamlNode* n);
// The options a policy is given by, for a person: "--fail-on unmet",
// "--fail-on none --fail-under 80".
std::string PolicyOptions(const Policy& p);

// A project object of a JSON report (as written by the json reporter, read
// as YAML) made back into a ProjectScore, so that the other reporters can
// show it (`jixiao merge -f text`). Its figures are the report's, rounded as
// it shows them (2 decimals, the rate 4): exact where the report was. A
// field the object lacks is left empty. *complies is the object's
// "complies".
ProjectScore ProjectScoreFromJson(const YamlNode& p, bool* complies);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_REPORT_JSON_H_
