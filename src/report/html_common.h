// What the html pages share (eval's, report_html.cc; monitor's,
// monitor_html.cc): the page's head with its CSS and the
// Content-Security-Policy that forbids every fetch, text with line breaks,
// and the inline SVG bar charts. Every label handed to a chart is escaped
// here; titles are taken as they are (already escaped).
#ifndef JIXIAO_REPORT_HTML_COMMON_H_
#define JIXIAO_REPORT_HTML_COMMON_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostic.h"

namespace jixiao {

// From <!DOCTYPE html> to <body>: the language of the run, the CSP meta tag,
// `title` (escaped) and the shared CSS followed by `extra_css`.
std::string HtmlPageStart(bool english, const std::string& title, std::string_view extra_css);

// Text that may hold line breaks: each line escaped, joined with <br>.
std::string HtmlLines(std::string_view s);

// A figure for SVG coordinates: one decimal.
std::string Px(double v);

// A label cut to `width` display columns, with "…" when cut.
std::string Short(std::string_view s, size_t width);

// A vertical bar chart of counts; `bar_classes`, when given, names each
// bar's CSS class (else "bar").
std::string VBars(const std::string& title, const std::vector<std::pair<std::string, size_t>>& bars,
                  const std::vector<std::string>& bar_classes = {});

struct HBar {
  std::string label;
  double value;       // 0 .. max
  std::string shown;  // the value as written beside the bar
  bool warn = false;  // shown in the warning colour
};

// A horizontal bar chart, one bar a row.
std::string HBars(const std::string& title, const std::vector<HBar>& bars, double max);

struct StackedBar {
  std::string label;
  std::vector<size_t> parts;  // one count per class of StackedHBars
};

// A horizontal bar chart of parts, one bar a row, each part of `classes`'
// CSS class, bars scaled to the largest sum; the sum written beside.
std::string StackedHBars(const std::string& title, const std::vector<StackedBar>& bars,
                         const std::vector<std::string>& classes);

// --show-work on a page: the lines of a project's arithmetic, each under the
// name of what it explains (a budget, an indicator). Written as a table of
// those rows under `caption`; every text is escaped here.
struct WorkRows {
  std::string label;
  std::vector<std::string> lines;
};
std::string HtmlWork(const std::string& caption, const std::vector<WorkRows>& rows);

// The section "errors and warnings" of a page: each diagnostic with its
// file:line:column, severity and code, at most `most` of each severity and
// a line saying how many more.
std::string HtmlDiagnostics(const Diagnostics& diags, size_t most);

}  // namespace jixiao

#endif  // JIXIAO_REPORT_HTML_COMMON_H_
