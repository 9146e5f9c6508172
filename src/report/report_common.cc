#include "report/report_common.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

#include "base/lang.h"
#include "report/report_json.h"

#include "base/csv.h"
#include "base/terminal.h"
#include "base/text.h"

namespace jixiao {

namespace {

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

ReportLabels ReportLabels::Current() {
  ReportLabels l;
  l.title = Text(MsgId::kLabelReportTitle);
  l.project = Text(MsgId::kLabelProject);
  l.id = Text(MsgId::kLabelId);
  l.department = Text(MsgId::kLabelDepartment);
  l.score = Text(MsgId::kLabelScore);
  l.grade = Text(MsgId::kLabelGrade);
  l.met = Text(MsgId::kLabelMet);
  l.unmet = Text(MsgId::kLabelUnmet);
  l.not_applicable = Text(MsgId::kLabelNotApplicable);
  l.complies = Text(MsgId::kLabelComplies);
  l.yes = Text(MsgId::kLabelYes);
  l.no = Text(MsgId::kLabelNo);
  l.level1 = Text(MsgId::kLabelLevel1);
  l.level2 = Text(MsgId::kLabelLevel2);
  l.indicator = Text(MsgId::kLabelIndicator);
  l.target = Text(MsgId::kLabelTarget);
  l.actual = Text(MsgId::kLabelActual);
  l.weight = Text(MsgId::kLabelWeight);
  l.status = Text(MsgId::kLabelStatus);
  l.deviation = Text(MsgId::kLabelDeviation);
  l.note = Text(MsgId::kLabelNote);
  l.budget = Text(MsgId::kLabelBudget);
  l.spent = Text(MsgId::kLabelSpent);
  l.rate = Text(MsgId::kLabelRate);
  l.budget_score = Text(MsgId::kLabelBudgetScore);
  l.budget_execution = Text(MsgId::kLabelBudgetExecution);
  l.project_total = Text(MsgId::kLabelProjectTotal);
  l.total = Text(MsgId::kLabelTotal);
  l.over_achieved = Text(MsgId::kLabelOverAchieved);
  l.cost_under_run = Text(MsgId::kLabelCostUnderRun);
  l.low_execution = Text(MsgId::kLabelLowExecution);
  l.errors = Text(MsgId::kLabelErrors);
  l.warnings = Text(MsgId::kLabelWarnings);
  l.details = Text(MsgId::kLabelDetails);
  l.input_errors = Text(MsgId::kLabelInputErrors);
  l.project_count = Text(MsgId::kLabelProjectCount);
  l.comply_count = Text(MsgId::kLabelComplyCount);
  l.mean = Text(MsgId::kLabelMean);
  l.median = Text(MsgId::kLabelMedian);
  l.unmet_indicators = Text(MsgId::kLabelUnmetIndicators);
  l.grade_counts = Text(MsgId::kLabelGradeCounts);
  l.indicator_count = Text(MsgId::kLabelIndicatorCount);
  l.attainment = Text(MsgId::kLabelAttainment);
  l.lowest = Text(MsgId::kLabelLowest);
  return l;
}

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

std::string_view StatusLabel(Status s, const ReportLabels& l) {
  switch (s) {
    case Status::kMet: return l.met;
    case Status::kUnmet: return l.unmet;
    case Status::kNotApplicable: return l.not_applicable;
  }
  return "";
}

std::string_view DeviationLabel(DeviationKind k, const ReportLabels& l) {
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

std::string DepartmentLabel(const std::string& code, const std::string& name) {
  std::string label(Trim(code + " " + name));
  return label.empty() ? Tr(MsgId::kWorkbookNoDepartment) : label;
}

std::string DepartmentText(const Project& p) {
  return std::string(Trim(p.department_code + " " + p.department_name));
}

std::string Counted(size_t n, MsgId one, MsgId many) { return Tr(n == 1 ? one : many, n); }

std::string CodeTag(const Diagnostic& d) {
  return d.code == 0 ? std::string() : "[" + FormatCode(d.code) + "]";
}

std::string RunSummaryLine(size_t projects, size_t complies, size_t errors, size_t warnings) {
  return Tr(MsgId::kRunSummary, Counted(projects, MsgId::kCountProjectsOne, MsgId::kCountProjects),
            Counted(complies, MsgId::kCountComplyOne, MsgId::kCountComply),
            Counted(errors, MsgId::kCountErrorsOne, MsgId::kCountErrors),
            Counted(warnings, MsgId::kCountWarningsOne, MsgId::kCountWarnings));
}

std::string RunSummaryLine(size_t projects, size_t complies, const std::vector<std::string>& grades,
                           size_t errors, size_t warnings) {
  return Tr(MsgId::kRunSummaryGrades,
            Counted(projects, MsgId::kCountProjectsOne, MsgId::kCountProjects),
            Counted(complies, MsgId::kCountComplyOne, MsgId::kCountComply),
            fmt::format("{}", fmt::join(grades, Text(MsgId::kListSeparator))),
            Counted(errors, MsgId::kCountErrorsOne, MsgId::kCountErrors),
            Counted(warnings, MsgId::kCountWarningsOne, MsgId::kCountWarnings));
}

void AppendPrintableText(std::string_view s, std::string* out) {
  // Runs of kept characters are copied as they are; a dropped one ends a
  // run, and so do invalid bytes, each written as U+FFFD. Printable ASCII,
  // tab, LF and CR, and the three-byte characters led by E1-EC or EE
  // (U+1000..U+CFFF, U+E000..U+EFFF: all of CJK) are kept without decoding.
  const size_t n = s.size();
  size_t pos = 0;
  size_t run = 0;  // s[run, pos) is kept as it is
  while (pos < n) {
    const auto c = static_cast<unsigned char>(s[pos]);
    if (c >= 0x20 ? c < 0x7F : (c == '\t' || c == '\n' || c == '\r')) {
      ++pos;
      continue;
    }
    if (((c >= 0xE1 && c <= 0xEC) || c == 0xEE) && ValidUtf8Length(s, pos) == 3) {
      pos += 3;
      continue;
    }
    const size_t start = pos;
    char32_t cp = DecodeUtf8(s, &pos);
    if (cp != 0xFFFD && !IsDropped(cp)) continue;
    out->append(s, run, start - run);
    if (!IsDropped(cp)) AppendUtf8(cp, out);
    run = pos;
  }
  out->append(s, run, n - run);
}

std::string PrintableText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendPrintableText(s, &out);
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
      default: AppendUtf8(cp, &out);
    }
  });
  return out;
}

std::string MarkdownHtmlText(std::string_view s) {
  const std::string html = HtmlText(s);
  std::string out;
  out.reserve(html.size());
  for (char c : html) {
    out.push_back(c);
    if (c == '@') out += kZeroWidthSpace;
  }
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

// `s` on one line: line breaks and tabs become spaces, the other characters
// no report writes (PrintableText: C0 and C1 controls, DEL) are dropped, so
// that a multi-line note cannot break the table nor text act on a terminal.
bool IsOneLine(std::string_view s) {
  // One table look-up a byte: C0 controls, DEL, and 0xC2, which leads a C1
  // control when one of 0x80..0x9F follows.
  static constexpr auto kSuspect = [] {
    std::array<bool, 256> t{};
    for (int b = 0; b < 0x20; ++b) t[b] = true;
    t[0x7F] = true;
    t[0xC2] = true;
    return t;
  }();
  const size_t n = s.size();
  size_t i = 0;
  // Eight bytes at a time while none is suspect (a cell is mostly Chinese
  // text, in which none is): a byte below 0x20, 0x7F or 0xC2 makes the
  // word's test true, and the word is then looked at a byte at a time.
  constexpr uint64_t kOnes = 0x0101010101010101u, kHighs = 0x8080808080808080u;
  auto has_zero = [](uint64_t v) { return ((v - kOnes) & ~v & kHighs) != 0; };
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    const bool below_space = ((w - kOnes * 0x20) & ~w & kHighs) != 0;
    if (below_space || has_zero(w ^ (kOnes * 0x7F)) || has_zero(w ^ (kOnes * 0xC2))) break;
  }
  for (; i < n; ++i) {
    const unsigned char u = static_cast<unsigned char>(s[i]);
    if (!kSuspect[u]) continue;
    if (u != 0xC2 || (i + 1 < n && static_cast<unsigned char>(s[i + 1]) <= 0x9F)) {
      return false;
    }
  }
  return true;
}

std::string OneLine(std::string_view s) {
  if (IsOneLine(s)) return std::string(s);  // most cells: copied whole
  std::string out;
  for (char c : PrintableText(s)) {
    if (c == '\n' || c == '\r' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// The message of a workflow command: PrintableText with % CR LF escaped as
// %25 %0D %0A.
static std::string EscapeData(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : PrintableText(s)) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// A property value of a workflow command: as EscapeData, and : , as %3A %2C.
static std::string EscapeProperty(std::string_view s) {
  std::string out;
  for (char c : EscapeData(s)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// "::TYPE file=…,line=…,col=…,title=…::message\n", with as much of the
// location as is known.
std::string GithubCommand(const char* type, const Location& loc, std::string_view title,
                    std::string_view message) {
  std::vector<std::string> props;
  if (!loc.file.empty()) {
    props.push_back("file=" + EscapeProperty(loc.file));
    if (loc.line > 0) {
      props.push_back(fmt::format("line={}", loc.line));
      if (loc.column > 0) props.push_back(fmt::format("col={}", loc.column));
    }
  }
  if (!title.empty()) props.push_back("title=" + EscapeProperty(title));
  std::string o = fmt::format("::{}", type);
  if (!props.empty()) o += " " + fmt::format("{}", fmt::join(props, ","));
  o += "::" + EscapeData(message) + "\n";
  return o;
}

}  // namespace jixiao

namespace jixiao {

std::string WorkFigure(const Rational& r) {
  if (r.Round(4) == r) return r.FormatShort(4);
  std::string exact = ExactText(r);
  if (exact.find('/') == std::string::npos) return exact;
  return Tr(MsgId::kWorkExact, r.FormatFixed(4), exact);
}

std::vector<std::string> IndicatorWorkLines(const ProjectScore& s, size_t i) {
  std::vector<std::string> lines;
  if (!s.work || i >= s.work->indicators.size()) return lines;
  const ScoreWork& w = *s.work;
  const IndicatorScoreWork& iw = w.indicators[i];
  const IndicatorScore& is = s.indicators[i];
  if (iw.formula == RatioFormula::kNotApplicable) {
    lines.push_back(Tr(MsgId::kWorkNotApplicable, WorkFigure(iw.nominal), WorkFigure(w.all),
                       WorkFigure(w.remaining)));
    return lines;
  }
  std::string weight;
  if (iw.explicit_weight || iw.pool.empty()) {
    weight = Tr(MsgId::kWorkWeightExplicit, WorkFigure(iw.nominal));
  } else if (w.redistribution == 1) {
    weight = Tr(MsgId::kWorkWeightPool, iw.pool, WorkFigure(iw.pool_weight), iw.pool_indicators,
                WorkFigure(iw.nominal));
  } else {
    std::string empty = fmt::format("{}", fmt::join(w.empty_pools, English() ? ", " : "、"));
    weight = Tr(MsgId::kWorkWeightPoolRedistributed, iw.pool, WorkFigure(iw.pool_weight),
                iw.pool_indicators, WorkFigure(iw.nominal), WorkFigure(w.indicator_weight),
                WorkFigure(w.used), empty);
  }
  if (w.remaining != w.all) {
    weight += Tr(MsgId::kWorkRescale, WorkFigure(w.all), WorkFigure(w.remaining),
                 WorkFigure(is.weight));
  }
  lines.push_back(std::move(weight));
  const std::string b = WorkFigure(iw.b), a = WorkFigure(iw.a);
  std::string ratio;
  switch (iw.formula) {
    case RatioFormula::kNotApplicable:
    case RatioFormula::kMet: ratio = Tr(MsgId::kWorkRatioMet); break;
    case RatioFormula::kPositive:
      ratio = Tr(MsgId::kWorkRatioPositive, b, a, WorkFigure(iw.raw));
      break;
    case RatioFormula::kReverse: ratio = Tr(MsgId::kWorkRatioReverse, b, a, WorkFigure(iw.raw)); break;
    case RatioFormula::kReverseLinear:
      ratio = Tr(MsgId::kWorkRatioReverseLinear, b, a, WorkFigure(iw.raw));
      break;
    case RatioFormula::kZeroTarget: ratio = Tr(MsgId::kWorkRatioZeroTarget, b, a); break;
    case RatioFormula::kLate:
      ratio = Tr(MsgId::kWorkRatioLate, is.actual_text, s.project.indicators[is.index].target_text);
      break;
    case RatioFormula::kGrade:
      ratio = Tr(iw.grade_score_given ? MsgId::kWorkRatioGradeGiven : MsgId::kWorkRatioGrade,
                 is.actual_text, WorkFigure(is.ratio));
      break;
  }
  if (iw.raw != is.ratio) ratio += Tr(MsgId::kWorkClamped, WorkFigure(is.ratio));
  lines.push_back(std::move(ratio));
  lines.push_back(Tr(MsgId::kWorkScore, WorkFigure(is.weight), WorkFigure(is.ratio),
                     WorkFigure(is.score), is.score.FormatFixed(2)));
  return lines;
}

std::string BudgetWorkLine(const ProjectScore& s) {
  return Tr(MsgId::kWorkBudget, WorkFigure(s.spent), WorkFigure(s.budget), WorkFigure(s.rate),
            WorkFigure(s.budget_weight), WorkFigure(s.budget_score), s.budget_score.FormatFixed(2));
}

void CsvReportRow::Set(std::string_view column, std::string value) {
  for (size_t i = 0; i < cells_.size(); ++i) {
    if (column == columns_[i]) {
      cells_[i] = std::move(value);
      return;
    }
  }
}

void CsvReportRow::AppendTo(std::string* out) const {
  for (size_t i = 0; i < cells_.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendCsvCell(PrintableText(cells_[i]), out);
  }
  out->append("\r\n");
}

std::string CsvReportRow::Header(const char* const* columns, size_t count, bool bom) {
  std::string o;
  if (bom) o.append("\xEF\xBB\xBF");
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) o.push_back(',');
    AppendCsvField(columns[i], &o);
  }
  o.append("\r\n");
  return o;
}

std::string AlignedRows(const std::vector<std::vector<std::string>>& rows, bool color) {
  std::vector<size_t> width;
  for (const auto& row : rows) {
    width.resize(std::max(width.size(), row.size()));
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], DisplayWidth(row[c]));
  }
  std::string o;
  for (size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (size_t c = 0; c < rows[r].size(); ++c) line += "  " + PadToWidth(rows[r][c], width[c]);
    line.resize(line.find_last_not_of(' ') + 1);  // npos + 1 == 0
    o += (r == 0 ? Terminal::Paint(line, Style::kDim, color) : line) + "\n";
  }
  return o;
}

}  // namespace jixiao
