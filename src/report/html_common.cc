// What the html pages share (html_common.h).
#include "report/html_common.h"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

#include "base/messages.h"
#include "base/text.h"
#include "report/diagnostic_format.h"
#include "report/report_common.h"

namespace jixiao {

namespace {

constexpr const char* kStyle =
    ":root{--ink:#1b1f23;--muted:#57606a;--line:#8c959f;--bar:#3b6ea8;--bad:#b42318;--band:#f3f5f7}"
    "*{box-sizing:border-box}"
    "body{margin:0 auto;max-width:1180px;padding:16px 24px;color:var(--ink);background:#fff;"
    "font:14px/1.5 \"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\","
    "\"WenQuanYi Micro Hei\",sans-serif}"
    "h1{font-size:22px;margin:8px 0 4px}h2{font-size:18px;margin:28px 0 8px;"
    "border-bottom:2px solid var(--ink);padding-bottom:2px}h3{font-size:15px;margin:12px 0 6px}"
    ".made{color:var(--muted);margin:0 0 8px}"
    "nav a{margin-right:14px}a{color:#0b57a3}"
    ".alert{border:2px solid var(--bad);color:var(--bad);padding:6px 10px;font-weight:bold}"
    ".figs{display:flex;flex-wrap:wrap;gap:8px;margin:0;padding:0}"
    ".figs div{border:1px solid var(--line);padding:6px 12px;min-width:120px}"
    ".figs dt{color:var(--muted);font-size:12px}.figs dd{margin:0;font-size:20px;font-weight:bold}"
    ".charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:16px}.wide{overflow-x:auto}.wide th[scope=row]{white-space:nowrap}"
    "figure{margin:0;border:1px solid var(--line);padding:8px}"
    "figcaption{font-weight:bold;margin-bottom:4px}"
    "svg{display:block;max-width:100%;height:auto}svg text{font-size:12px;fill:var(--ink)}"
    "svg .bar{fill:var(--bar)}svg .axis{stroke:var(--ink);stroke-width:1}"
    "svg .grid{stroke:#d0d7de;stroke-width:1}svg .warn{fill:var(--bad)}"
    "table{border-collapse:collapse;margin:6px 0}"
    "th,td{border:1px solid var(--line);padding:2px 6px;vertical-align:top}"
    "th{background:var(--band);font-weight:bold}"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}"
    ".data{font-size:13px}.unmet td{color:var(--bad)}.none{color:var(--muted)}"
    "details.proj{margin:6px 0;border:1px solid var(--line)}"
    "details.proj>summary{padding:4px 8px;background:var(--band);cursor:pointer}"
    "details.proj[open]>summary{border-bottom:1px solid var(--line)}"
    ".flag{color:var(--bad);font-weight:bold}"
    ".work{font-size:12px;width:100%}.work caption{text-align:left;font-weight:bold;padding:2px 0}"
    ".work th{text-align:left;width:24%;font-weight:normal}"
    ".form{table-layout:fixed;width:100%;margin:0}"
    ".form td,.form th{border:1px solid #000;padding:3px 4px;overflow-wrap:anywhere;background:none}"
    ".form th{text-align:center}.form .c{text-align:center}.form .n{text-align:right}"
    ".form .t{font-size:18px;padding:8px}.form .nb{border:none;text-align:left}"
    ".compact{table-layout:fixed;width:100%;font-size:12px}"
    ".compact td{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}"
    "section{content-visibility:auto;contain-intrinsic-size:auto 600px}"
    "@page{size:A4;margin:12mm}"
    "@media print{body{max-width:none;padding:0;font-size:11px}nav{display:none}"
    "a{color:inherit;text-decoration:none}section{content-visibility:visible}"
    "figure,tr{break-inside:avoid}.charts{display:block}figure{margin-bottom:8px}"
    "svg .bar{fill:#555}details.proj{border:none;break-before:page}"
    "details.proj>summary{background:none;list-style:none;font-weight:bold}"
    "details.proj::details-content{content-visibility:visible;display:block}"
    ".form td,.form th{font-size:10px}}";

// The opening of a chart: an <svg> of `width` × `height` whose accessible
// name and tooltip are `title`, written as it is (the callers pass fixed
// message texts).
std::string SvgStart(const std::string& title, double width, double height) {
  return fmt::format(
      "<svg viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\" "
      "aria-label=\"{2}\"><title>{2}</title>",
      Px(width), Px(height), title);
}

}  // namespace

std::string HtmlPageStart(bool english, const std::string& title, std::string_view extra_css) {
  std::string o = "<!DOCTYPE html>\n<html lang=\"";
  o += english ? "en" : "zh-CN";
  o += "\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
       "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  o += title;
  o += "</title>\n<style>";
  o += kStyle;
  o += extra_css;
  o += "</style>\n</head>\n<body>\n";
  return o;
}

// Text that may hold line breaks: each line escaped, joined with <br>.
std::string HtmlLines(std::string_view s) {
  std::string out;
  size_t start = 0;
  while (true) {
    size_t end = s.find('\n', start);
    std::string_view line = s.substr(start, end == std::string_view::npos ? end : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out += HtmlText(line);
    if (end == std::string_view::npos) break;
    out += "<br>";
    start = end + 1;
  }
  return out;
}

std::string Px(double v) { return fmt::format("{:.1f}", v); }

// A label cut to `width` display columns, with "…" when cut.
std::string Short(std::string_view s, size_t width) {
  if (DisplayWidth(s) <= width) return std::string(s);
  return TruncateToWidth(s, width - 1) + "…";
}

// A vertical bar chart of counts.
std::string VBars(const std::string& title, const std::vector<std::pair<std::string, size_t>>& bars,
                  const std::vector<std::string>& bar_classes) {
  const double left = 40, top = 20, plot_h = 160, width = 560;
  const double slot = bars.empty() ? width : (width - left - 10) / static_cast<double>(bars.size());
  size_t max = 1;
  for (const auto& b : bars) max = std::max(max, b.second);
  std::string o = SvgStart(title, width, top + plot_h + 40);
  o += fmt::format("<line class=\"axis\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/>", Px(left),
                   Px(top + plot_h), Px(width - 5));
  o += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", Px(left - 4),
                   Px(top + 4), max);
  o += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">0</text>", Px(left - 4),
                   Px(top + plot_h));
  const size_t label_width = slot < 40 ? 4 : 10;
  for (size_t i = 0; i < bars.size(); ++i) {
    double h = plot_h * static_cast<double>(bars[i].second) / static_cast<double>(max);
    double x = left + slot * static_cast<double>(i);
    double w = std::max(2.0, slot * 0.7);
    o += fmt::format("<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                     i < bar_classes.size() ? bar_classes[i] : std::string("bar"),
                     Px(x + slot * 0.15), Px(top + plot_h - h), Px(w), Px(h));
    if (bars[i].second > 0 || slot >= 24)
      o += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                       Px(x + slot / 2), Px(top + plot_h - h - 4), bars[i].second);
    if (slot >= 24 || i % 2 == 0)
      o += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                       Px(x + slot / 2), Px(top + plot_h + 16),
                       HtmlText(Short(bars[i].first, label_width)));
  }
  o += "</svg>\n";
  return o;
}

// A horizontal bar chart, one bar a row.
std::string HBars(const std::string& title, const std::vector<HBar>& bars, double max) {
  const double left = 170, right = 150, row = 22, width = 600;
  const double plot_w = width - left - right;
  const double height = row * static_cast<double>(bars.size()) + 10;
  std::string o = SvgStart(title, width, height);
  o += fmt::format("<line class=\"axis\" x1=\"{0}\" y1=\"0\" x2=\"{0}\" y2=\"{1}\"/>", Px(left),
                   Px(height - 5));
  for (size_t i = 0; i < bars.size(); ++i) {
    double y = row * static_cast<double>(i) + 4;
    double w = max > 0 ? plot_w * std::clamp(bars[i].value / max, 0.0, 1.0) : 0;
    o += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", Px(left - 6),
                     Px(y + 14), HtmlText(Short(bars[i].label, 24)));
    o += fmt::format("<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                     Px(left), Px(y + 2), Px(w), Px(row - 6));
    o += fmt::format("<text x=\"{}\" y=\"{}\"{}>{}</text>", Px(left + w + 6), Px(y + 14),
                     bars[i].warn ? " class=\"warn\"" : "", HtmlText(bars[i].shown));
  }
  o += "</svg>\n";
  return o;
}

std::string StackedHBars(const std::string& title, const std::vector<StackedBar>& bars,
                         const std::vector<std::string>& classes) {
  const double left = 170, right = 60, row = 22, width = 600;
  const double plot_w = width - left - right;
  const double height = row * static_cast<double>(bars.size()) + 10;
  size_t max = 1;
  for (const StackedBar& b : bars) {
    size_t sum = 0;
    for (size_t p : b.parts) sum += p;
    max = std::max(max, sum);
  }
  std::string o = SvgStart(title, width, height);
  o += fmt::format("<line class=\"axis\" x1=\"{0}\" y1=\"0\" x2=\"{0}\" y2=\"{1}\"/>", Px(left),
                   Px(height - 5));
  for (size_t i = 0; i < bars.size(); ++i) {
    const double y = row * static_cast<double>(i) + 4;
    o += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", Px(left - 6),
                     Px(y + 14), HtmlText(Short(bars[i].label, 24)));
    double x = left;
    size_t sum = 0;
    for (size_t k = 0; k < bars[i].parts.size() && k < classes.size(); ++k) {
      const size_t n = bars[i].parts[k];
      sum += n;
      if (n == 0) continue;
      const double w = plot_w * static_cast<double>(n) / static_cast<double>(max);
      o += fmt::format("<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                       classes[k], Px(x), Px(y + 2), Px(w), Px(row - 6));
      x += w;
    }
    o += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>", Px(x + 6), Px(y + 14), sum);
  }
  o += "</svg>\n";
  return o;
}

std::string HtmlWork(const std::string& caption, const std::vector<WorkRows>& rows) {
  std::string o = "<table class=\"data work\"><caption>" + HtmlText(caption) + "</caption><tbody>\n";
  for (const WorkRows& r : rows) {
    if (r.lines.empty()) continue;
    o += "<tr><th scope=row";
    if (r.lines.size() > 1) o += fmt::format(" rowspan={}", r.lines.size());
    o += ">" + HtmlText(r.label);
    for (size_t i = 0; i < r.lines.size(); ++i) {
      if (i > 0) o += "<tr>";
      o += "<td>" + HtmlText(r.lines[i]) + "\n";
    }
  }
  o += "</tbody></table>\n";
  return o;
}

std::string HtmlDiagnostics(const Diagnostics& diags, size_t most) {
  std::ostringstream out;
  out << "<section id=\"diagnostics\">\n<h2>" << HtmlText(Text(MsgId::kHtmlDiagnostics))
      << "</h2>\n";
  if (diags.empty()) {
    out << "<p>" << HtmlText(Text(MsgId::kHtmlNoDiagnostics)) << "</p>\n</section>\n";
    return out.str();
  }
  out << "<table class=\"data\"><thead><tr><th>" << HtmlText(Text(MsgId::kHtmlWhere))
      << "</th><th>" << HtmlText(Text(MsgId::kHtmlSeverity)) << "</th><th>"
      << HtmlText(Text(MsgId::kHtmlMessage)) << "</th></tr></thead><tbody>\n";
  size_t listed[2] = {0, 0};
  for (const Diagnostic& d : diags.all()) {
    size_t& n = listed[d.severity == Severity::kError ? 0 : 1];
    if (n++ >= most) continue;
    out << (d.severity == Severity::kError ? "<tr class=\"unmet\"><td>" : "<tr><td>")
        << HtmlText(FormatLocation(d.loc)) << "</td><td>" << HtmlText(SeverityLabel(d))
        << "</td><td>" << HtmlLines(d.message) << "</td></tr>\n";
  }
  out << "</tbody></table>\n";
  size_t more = (listed[0] > most ? listed[0] - most : 0) +
                (listed[1] > most ? listed[1] - most : 0);
  if (more > 0) out << "<p>" << HtmlText(Tr(MsgId::kHtmlMoreDiagnostics, more)) << "</p>\n";
  out << "</section>\n";
  return out.str();
}

}  // namespace jixiao
