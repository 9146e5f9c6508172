#include "report/report_common.h"

#include <fmt/format.h>

#include "base/text.h"

namespace jixiao {

namespace {

const ReportLabels kZh = {
    "jixiao 绩效评价报告", "项目", "编号", "得分", "等级", "达成", "未达成", "不适用", "合规",
    "是", "否", "一级指标", "二级指标", "三级指标", "指标值", "实际值", "分值", "状态", "偏差",
    "说明", "预算", "执行", "执行率", "预算执行率", "项目总分", "超出目标", "成本远低于目标",
    "执行率偏低", "错误", "警告", "项目明细", "没有可评分的项目。", "部门", "预算执行得分",
    "总分",
};

const ReportLabels kEn = {
    "jixiao performance report", "project", "id", "score", "grade", "met", "unmet", "n/a",
    "complies", "yes", "no", "level 1", "level 2", "indicator", "target", "actual", "weight",
    "status", "deviation", "note", "budget", "spent", "rate", "budget execution rate",
    "project total", "over target", "cost under-run", "low execution", "errors", "warnings",
    "project details", "No project could be scored.", "department", "execution score",
    "total",
};

bool IsLineBreak(char32_t cp) { return cp == '\n' || cp == '\r'; }

// Characters no report writes: C0 controls other than tab, LF and CR, DEL,
// C1 controls (U+0080..U+009F: U+009B is an 8-bit CSI to many terminals,
// U+0085 a line break to some readers), and the XML 1.0 non-characters
// U+FFFE and U+FFFF.
bool IsDropped(char32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F) ||
         cp == 0xFFFE || cp == 0xFFFF;
}

// Calls `f(cp, next)` for each code point of `s` after dropping IsDropped
// ones, with invalid bytes decoded as U+FFFD; CRLF is passed as one LF.
template <typename F>
void ForEachCodePoint(std::string_view s, F f) {
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = DecodeUtf8(s, &pos);
    if (cp == '\r' && pos < s.size() && s[pos] == '\n') {
      ++pos;
      cp = '\n';
    }
    if (IsDropped(cp)) continue;
    f(cp);
  }
}

constexpr std::string_view kZeroWidthSpace = "\u200B";

}  // namespace

const ReportLabels& LabelsFor(bool english) { return english ? kEn : kZh; }

const char* DeviationKindName(DeviationKind k) {
  switch (k) {
    case DeviationKind::kUnmet: return "unmet";
    case DeviationKind::kOverAchieved: return "over_achieved";
    case DeviationKind::kCostUnderRun: return "cost_under_run";
    case DeviationKind::kLowExecution: return "low_execution";
    case DeviationKind::kNone: break;
  }
  return "";
}

const char* StatusLabel(Status s, const ReportLabels& l) {
  switch (s) {
    case Status::kMet: return l.met;
    case Status::kUnmet: return l.unmet;
    case Status::kNotApplicable: return l.not_applicable;
  }
  return "";
}

const char* DeviationLabel(DeviationKind k, const ReportLabels& l) {
  switch (k) {
    case DeviationKind::kUnmet: return l.unmet;
    case DeviationKind::kOverAchieved: return l.over_achieved;
    case DeviationKind::kCostUnderRun: return l.cost_under_run;
    case DeviationKind::kLowExecution: return l.low_execution;
    case DeviationKind::kNone: break;
  }
  return "";
}

std::string AmountText(const Rational& r) {
  std::string exact = r.ToDecimalString();
  std::string fixed = r.FormatFixed(2);
  return exact.size() > fixed.size() ? exact : fixed;
}

std::string DepartmentText(const Project& p) {
  return std::string(Trim(p.department_code + " " + p.department_name));
}

std::string RunSummaryLine(size_t projects, size_t complies, size_t errors, size_t warnings,
                           bool english) {
  if (english) {
    return fmt::format("{} project{}, {} compl{}; {} error{}, {} warning{}", projects,
                       projects == 1 ? "" : "s", complies, complies == 1 ? "ies" : "y", errors,
                       errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
  }
  return fmt::format("共 {} 个项目，合规 {} 个；错误 {} 个，警告 {} 个", projects, complies,
                     errors, warnings);
}

std::string PrintableText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = DecodeUtf8(s, &pos);
    if (!IsDropped(cp)) AppendUtf8(cp, &out);
  }
  return out;
}

std::string MarkdownText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  ForEachCodePoint(s, [&](char32_t cp) {
    switch (cp) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '~': case '|':
        out.push_back('\\');
        out.push_back(static_cast<char>(cp));
        return;
      case '&': out += "&amp;"; return;
      case '<': out += "&lt;"; return;
      case '>': out += "&gt;"; return;
      case '\t': out.push_back(' '); return;
      case '@':
        out.push_back('@');
        out += kZeroWidthSpace;
        return;
      default: break;
    }
    if (IsLineBreak(cp)) {
      out += "<br>";
      return;
    }
    AppendUtf8(cp, &out);
  });
  return out;
}

std::string HtmlText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  ForEachCodePoint(s, [&](char32_t cp) {
    switch (cp) {
      case '&': out += "&amp;"; return;
      case '<': out += "&lt;"; return;
      case '>': out += "&gt;"; return;
      case '"': out += "&quot;"; return;
      case '\t': case '\n': case '\r': out.push_back(' '); return;
      case '@':
        out.push_back('@');
        out += kZeroWidthSpace;
        return;
      default: AppendUtf8(cp, &out);
    }
  });
  return out;
}

std::string XmlText(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = DecodeUtf8(s, &pos);
    if (IsDropped(cp)) continue;
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\r': out += "&#13;"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      default: AppendUtf8(cp, &out);
    }
  }
  return out;
}

}  // namespace jixiao
