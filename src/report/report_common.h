// What the csv, markdown, junit and github reports share: labels in both
// report languages, figures shown the same way everywhere, and the text
// escapes of Markdown, HTML and XML.
#ifndef JIXIAO_REPORT_REPORT_COMMON_H_
#define JIXIAO_REPORT_REPORT_COMMON_H_

#include <string>
#include <string_view>

#include "base/exact.h"
#include "model/model.h"
#include "score/score.h"

namespace jixiao {

// Report labels of one language (--lang).
struct ReportLabels {
  const char* title;           // heading of a whole report
  const char* project;
  const char* id;
  const char* score;
  const char* grade;
  const char* met;
  const char* unmet;
  const char* not_applicable;
  const char* complies;
  const char* yes;
  const char* no;
  const char* level1;
  const char* level2;
  const char* indicator;
  const char* target;
  const char* actual;
  const char* weight;
  const char* status;
  const char* deviation;
  const char* note;
  const char* budget;
  const char* spent;
  const char* rate;
  const char* budget_execution;  // the name of the budget execution line
  const char* project_total;     // the name of a project's total line
  const char* over_achieved;
  const char* cost_under_run;
  const char* low_execution;
  const char* errors;
  const char* warnings;
  const char* details;
  const char* no_projects;
  const char* department;
  const char* budget_score;  // the budget execution line's score
  const char* total;         // a project's total score
};

const ReportLabels& LabelsFor(bool english);

// The stable machine name of a deviation: "unmet", "over_achieved",
// "cost_under_run", "low_execution"; "" for none (as in the JSON report).
const char* DeviationKindName(DeviationKind k);

// The label of a status or a deviation in `l`'s language ("" for none).
const char* StatusLabel(Status s, const ReportLabels& l);
const char* DeviationLabel(DeviationKind k, const ReportLabels& l);

// An amount exact, with at least two decimals: 6 -> "6.00", 5.865 -> "5.865".
std::string AmountText(const Rational& r);

// "code name" of the project's department, trimmed; "" when neither is given.
std::string DepartmentText(const Project& p);

// The summary line of a run, as the text report words it ("共 5 个项目，…").
// `errors` and `warnings` are the diagnostics counts.
std::string RunSummaryLine(size_t projects, size_t complies, size_t errors, size_t warnings,
                           bool english);

// `s` without the characters no report writes — C0 controls other than tab,
// LF and CR, DEL, C1 controls (U+0080..U+009F), U+FFFE and U+FFFF — and with
// invalid UTF-8 replaced by U+FFFD. The escapes below drop the same
// characters.
std::string PrintableText(std::string_view s);

// `s` as literal text of a Markdown table cell or list item: \ ` * _ [ ] ~ |
// are backslash-escaped, & < > become entities, each line break (LF, CR,
// CRLF) becomes <br>, a tab a space, what PrintableText drops is dropped,
// invalid UTF-8 becomes U+FFFD, and '@' is followed by a
// zero-width space so that no text can mention (notify) a user or group.
std::string MarkdownText(std::string_view s);

// `s` as literal text inside an HTML element (e.g. <summary>): & < > " as
// entities, line breaks and tabs as spaces, otherwise as MarkdownText.
std::string HtmlText(std::string_view s);

// `s` as XML 1.0 text: & < > " ' as entities; CR as &#13; and, in an
// attribute value (`attribute`), tab and LF as &#9; and &#10; too, so that
// they survive attribute value normalisation; what PrintableText drops
// (which covers every character XML 1.0 forbids) dropped; invalid UTF-8
// replaced by U+FFFD.
std::string XmlText(std::string_view s, bool attribute);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_REPORT_COMMON_H_
