// The html page (docs/reference.md §8): one self-contained file to look at
// and print. The run's figures, four charts drawn as inline SVG (each with
// a table of the same figures), the lowest projects, every deviation with
// its note, the errors and warnings, then each project as its 自评表
// (self_eval_form.h) under <details>.
//
// Nothing on the page makes a request: no URL, no script, CSS inline, and a
// Content-Security-Policy meta tag that forbids every fetch. Every piece of
// input text is escaped (HtmlText).
//
// Streamed: the summary comes first but needs every project, so what each
// project contributes (its deviations, its form, its compact row) is
// written as it is reported to temporary files (spools) and copied out
// after the summary at End. Memory holds only the run's summary, a count of
// the flagged projects by total, and the forms of the few lowest projects.
// Up to kAllForms projects every project has its form; above, the kMaxForms
// flagged projects (a deviation, an unmet indicator, not complying) of
// lowest total and the lowest of all have forms, and the others a row each
// in one table, which keeps a year of 20,000 projects to about 15 MB
// (docs/performance.md).
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "base/lang.h"
#include "base/messages.h"
#include "base/text.h"
#include "report/diagnostic_format.h"
#include "report/html_common.h"
#include "report/report.h"
#include "report/report_common.h"
#include "report/self_eval_form.h"

namespace jixiao {

namespace {

// Every project has its form up to this many projects.
constexpr size_t kAllForms = 500;
// Above kAllForms projects, at most this many flagged projects have their
// forms (those of lowest total): a browser builds every element of a
// closed <details> too, and thousands of forms take it seconds.
constexpr size_t kMaxForms = 1000;
// Forms are shown open up to this many projects.
constexpr size_t kOpenForms = 10;
// Departments drawn in the departments chart (the table lists all).
constexpr size_t kChartDepartments = 30;
// Errors, and warnings, listed at most.
constexpr size_t kMaxDiagnostics = 2000;

std::string T(MsgId id) { return HtmlText(Text(id)); }

// An element id for a project: "p" and the id's bytes in hex, so any id
// makes a valid, unique fragment.
std::string Anchor(std::string_view id) {
  static const char kHex[] = "0123456789abcdef";
  std::string a = "p";
  for (unsigned char c : id) {
    a.push_back(kHex[c >> 4]);
    a.push_back(kHex[c & 15]);
  }
  return a;
}

// What a project put in a spool, ahead of its bytes (no padding: written
// as it is).
struct RecordHead {
  int64_t cents = 0;     // the rounded total x 100
  uint64_t seq = 0;      // the project's place in the run
  uint32_t size = 0;     // bytes that follow
  uint32_t flagged = 0;  // a deviation, an unmet indicator, or not complying
};
static_assert(sizeof(RecordHead) == 24, "RecordHead has padding");

// An unlinked temporary file in $TMPDIR (or /tmp), as the run's other
// temporary files (base/record_store.h); nullptr when none can be made.
std::FILE* OpenTemporary() {
  const char* dir = std::getenv("TMPDIR");
  std::string path =
      fmt::format("{}/jixiao-html-XXXXXX", dir != nullptr && *dir != '\0' ? dir : "/tmp");
  int fd = mkstemp(path.data());
  if (fd < 0) return nullptr;
  unlink(path.c_str());
  std::FILE* f = fdopen(fd, "w+b");
  if (f == nullptr) close(fd);
  return f;
}

// Records written to a temporary file and read back once, in order; in
// memory if no temporary file can be made.
class Spool {
 public:
  Spool() : file_(OpenTemporary()) {}
  ~Spool() {
    if (file_) std::fclose(file_);
  }
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;

  void Write(const RecordHead& head, std::string_view body) {
    RecordHead h = head;
    h.size = static_cast<uint32_t>(body.size());
    pending_.append(reinterpret_cast<const char*>(&h), sizeof h);
    pending_ += body;
    ++records_;
    if (file_ && pending_.size() >= 256 * 1024) Flush();
  }
  size_t records() const { return records_; }

  enum class Take { kSkip, kCopy, kCopyOpen };

  // Reads the records back in order, once, handing each head to `take`:
  // copies the bodies it takes to `out` and skips the others. kCopyOpen
  // writes a body that starts with "<details" as "<details open".
  template <typename Decide>
  void CopyTo(std::ostream& out, Decide take) {
    if (file_) {
      Flush();
      std::fflush(file_);
      std::rewind(file_);
    }
    size_t pos = 0;  // in pending_, without a file
    auto read = [&](char* to, size_t n) {
      if (!file_) {
        if (pos + n > pending_.size()) return false;
        std::memcpy(to, pending_.data() + pos, n);
        pos += n;
        return true;
      }
      return std::fread(to, 1, n, file_) == n;
    };
    std::vector<char> buf(256 * 1024);
    static constexpr std::string_view kDetails = "<details";
    for (size_t r = 0; r < records_; ++r) {
      RecordHead h;
      if (!read(reinterpret_cast<char*>(&h), sizeof h)) return;
      const Take t = take(h);
      size_t skip = 0;
      if (t == Take::kCopyOpen && h.size >= kDetails.size()) {
        out << "<details open";
        skip = kDetails.size();
      }
      size_t left = h.size;
      while (left > 0) {
        size_t n = std::min(left, buf.size());
        if (!read(buf.data(), n)) return;
        if (t != Take::kSkip)
          out.write(buf.data() + skip, static_cast<std::streamsize>(n - skip));
        skip = 0;
        left -= n;
      }
    }
  }

 private:
  void Flush() {
    if (!file_ || pending_.empty()) return;
    // A short write (a full disk) leaves the page short; the page is
    // still valid up to there.
    (void)std::fwrite(pending_.data(), 1, pending_.size(), file_);
    pending_.clear();
  }

  std::FILE* file_;
  std::string pending_;
  size_t records_ = 0;
};

// The widths of the form's columns (FormGrid::kColumnWidths) as CSS.
std::string FormColumnsCss() {
  double total = 0;
  for (double w : FormGrid::kColumnWidths) total += w;
  std::string css;
  for (int i = 0; i < FormGrid::kColumns; ++i)
    css += fmt::format(".form col:nth-child({}){{width:{:.1f}%}}", i + 1,
                       100 * FormGrid::kColumnWidths[i] / total);
  return css;
}

struct KeptForm {
  Rational total;
  size_t seq;
  std::string id;
  std::string html;
};

class HtmlReporter : public Reporter {
 public:
  explicit HtmlReporter(const ReportContext& ctx) : ctx_(ctx), l_(ReportLabels::Current()) {}

  void Project(const ProjectScore& s, bool complies, std::ostream& /*out*/) override {
    const size_t seq = projects_++;
    bool deviation = s.low_execution;
    for (const IndicatorScore& is : s.indicators)
      if (is.deviation != DeviationKind::kNone) deviation = true;
    const bool flagged = !complies || deviation || s.unmet > 0;
    const std::string anchor = Anchor(s.project.id);
    if (deviation) WriteDeviations(s, anchor);
    RecordHead head;
    // A rounded total has 2 decimals: exact in cents (as in YearSummary).
    (s.total_rounded * 100).num().ToInt64(&head.cents);
    head.seq = seq;
    head.flagged = flagged;
    if (flagged) ++flagged_cents_[head.cents];
    if (flagged || seq < kAllForms || IsLowCandidate(s)) {
      std::string form = Form(s, complies, flagged, anchor);
      if (flagged || seq < kAllForms) forms_.Write(head, form);
      if (!flagged) KeepLow(s, seq, std::move(form));
    }
    compact_.Write(head, CompactRow(s, complies, anchor));
  }

  void End(const RunSummary& sum, const Diagnostics& diags, std::ostream& out) override {
    const bool en = English();
    out << HtmlPageStart(en, T(MsgId::kHtmlTitle), FormColumnsCss())
        << "<header>\n<h1>" << T(MsgId::kHtmlTitle) << "</h1>\n"
        << "<p class=\"made\">"
        << HtmlText(Tr(MsgId::kHtmlMadeBy, JIXIAO_VERSION,
                       ctx_.rules ? ctx_.rules->name : std::string()))
        << "</p>\n<nav aria-label=\"" << T(MsgId::kHtmlContents) << "\">"
        << "<a href=\"#summary\">" << T(MsgId::kHtmlSummary) << "</a>"
        << "<a href=\"#charts\">" << T(MsgId::kHtmlCharts) << "</a>"
        << "<a href=\"#lowest\">" << T(MsgId::kHtmlLowest) << "</a>"
        << "<a href=\"#deviations\">" << T(MsgId::kHtmlDeviations) << "</a>"
        << "<a href=\"#diagnostics\">" << T(MsgId::kHtmlDiagnostics) << "</a>"
        << "<a href=\"#forms\">" << T(MsgId::kHtmlForms) << "</a></nav>\n</header>\n<main>\n";
    WriteSummary(sum, diags, out);
    WriteCharts(sum, out);
    WriteLowest(sum, out);
    out << "<section id=\"deviations\">\n<h2>" << T(MsgId::kHtmlDeviations) << "</h2>\n";
    if (deviations_.records() == 0) {
      out << "<p>" << T(MsgId::kHtmlNoDeviations) << "</p>\n";
    } else {
      out << "<table class=\"data\">\n<thead><tr><th>" << T(MsgId::kHtmlId) << "</th><th>"
          << T(MsgId::kHtmlProject) << "</th><th>" << T(MsgId::kHtmlIndicator) << "</th><th>"
          << T(MsgId::kHtmlDeviation) << "</th><th>" << T(MsgId::kHtmlTarget) << "</th><th>"
          << T(MsgId::kHtmlActual) << "</th><th>" << T(MsgId::kHtmlNote)
          << "</th></tr></thead>\n<tbody>\n";
      deviations_.CopyTo(out, [](const RecordHead&) { return Spool::Take::kCopy; });
      out << "</tbody>\n</table>\n";
    }
    out << "</section>\n";
    WriteDiagnostics(diags, out);
    WriteForms(sum, out);
    out << "</main>\n</body>\n</html>\n";
  }

 private:
  // Whether `s` may be among the lowest projects (YearSummary::kLowest).
  bool IsLowCandidate(const ProjectScore& s) const {
    return low_.size() < YearSummary::kLowest || s.total_rounded < low_.back().total;
  }

  // Keeps the form of an unflagged project while it is among the lowest.
  void KeepLow(const ProjectScore& s, size_t seq, std::string html) {
    if (!IsLowCandidate(s)) return;
    KeptForm k{s.total_rounded, seq, s.project.id, std::move(html)};
    auto at = std::upper_bound(low_.begin(), low_.end(), k, [](const KeptForm& a, const KeptForm& b) {
      return a.total < b.total;
    });
    low_.insert(at, std::move(k));
    if (low_.size() > YearSummary::kLowest) low_.pop_back();
  }

  std::string ProjectLink(const ProjectScore& s, const std::string& anchor) const {
    return fmt::format("<a href=\"#{}\">{}</a>", anchor, HtmlText(s.project.id));
  }

  void WriteDeviations(const ProjectScore& s, const std::string& anchor) {
    std::string o;
    auto row = [&](bool unmet, const std::string& indicator, std::string_view kind,
                   const std::string& target, const std::string& actual, const std::string& note) {
      o += unmet ? "<tr class=\"unmet\">" : "<tr>";
      o += "<td>" + ProjectLink(s, anchor) + "</td><td>" + HtmlText(s.project.project) +
           "</td><td>" + indicator + "</td><td>" + HtmlText(kind) + "</td><td>" + target +
           "</td><td>" + actual + "</td><td>";
      o += note.empty() ? "<span class=\"none\">" + T(MsgId::kHtmlNoNote) + "</span>"
                        : HtmlLines(note);
      o += "</td></tr>\n";
    };
    if (s.low_execution) {
      row(false, T(MsgId::kHtmlBudgetLine), DeviationLabel(DeviationKind::kLowExecution, l_),
          AmountText(s.budget) + " " + HtmlText(s.project.unit),
          AmountText(s.spent) + " " + HtmlText(s.project.unit) + " (" +
              (s.rate * 100).FormatFixed(2) + "%)",
          s.note);
    }
    for (const IndicatorScore& is : s.indicators) {
      if (is.deviation == DeviationKind::kNone) continue;
      const Indicator& ind = s.project.indicators[is.index];
      row(is.status == Status::kUnmet, HtmlText(ind.level1) + " · " + HtmlText(ind.name),
          DeviationLabel(is.deviation, l_), HtmlText(ind.target_text), HtmlText(is.actual_text),
          is.note);
    }
    deviations_.Write({}, o);
  }

  std::string Form(const ProjectScore& s, bool complies, bool flagged,
                   const std::string& anchor) const {
    std::string o = fmt::format("<details class=\"proj\" id=\"{}\"><summary>", anchor);
    o += HtmlText(s.project.id) + " · " + HtmlText(s.project.project) + " — " +
         T(MsgId::kHtmlTotal) + " <b>" + s.total_rounded.FormatFixed(2) + "</b> " +
         HtmlText(s.grade);
    if (s.unmet > 0)
      o += " · <span class=\"flag\">" + T(MsgId::kHtmlUnmet) + " " + std::to_string(s.unmet) +
           "</span>";
    if (flagged && !complies)
      o += " · <span class=\"flag\">" + T(MsgId::kHtmlNotComplies) + "</span>";
    o += "</summary>\n";
    o += FormTable(BuildSelfEvalForm(s, *ctx_.rules));
    if (s.work) {
      std::vector<WorkRows> rows{{Tr(MsgId::kFormRate), {BudgetWorkLine(s)}}};
      for (size_t i = 0; i < s.indicators.size(); ++i)
        rows.push_back({s.project.indicators[s.indicators[i].index].name, IndicatorWorkLines(s, i)});
      o += HtmlWork(Tr(MsgId::kSheetWork), rows);
    }
    o += "</details>\n";
    return o;
  }

  // The grid as a table. Written tight, as a year may hold thousands:
  // labels are <th>, column widths come from the CSS (.form col), and the
  // end tags HTML lets a cell and a row leave out are left out.
  static std::string FormTable(const FormGrid& g) {
    std::string o = "<table class=\"form\"><colgroup><col><col><col><col><col><col><col><col><col><col>"
                    "</colgroup><tbody>\n";
    size_t i = 0;
    for (uint16_t r = 0; r < g.rows; ++r) {
      o += "<tr>";
      for (; i < g.cells.size() && g.cells[i].row == r; ++i) {
        const FormCell& c = g.cells[i];
        const bool label = (c.style & kStyleBold) != 0;
        const char* cls = nullptr;
        if (c.style & kStyleTitle) {
          cls = "t";
        } else if ((c.style & kStyleNoBorder) || r >= g.form_rows) {
          cls = "nb";
        } else if (!label && (c.style & kStyleCentre)) {
          cls = "c";
        } else if (!label && c.kind == FormCell::Kind::kNumber) {
          cls = "n";
        }
        o += label ? "<th" : "<td";
        if (c.rows > 1) o += fmt::format(" rowspan={}", c.rows);
        if (c.cols > 1) o += fmt::format(" colspan={}", c.cols);
        if (cls) o += fmt::format(" class={}", cls);
        o += '>';
        o += HtmlLines(c.Shown());
      }
      o += '\n';
    }
    o += "</tbody></table>\n";
    return o;
  }

  std::string CompactRow(const ProjectScore& s, bool complies, const std::string& anchor) const {
    return fmt::format(
        "<tr id=\"{}\"><td>{}<td>{}<td>{}<td class=n>{}<td>{}<td class=n>{}<td class=n>{}"
        "<td class=n>{}<td class=n>{}%<td>{}\n",
        anchor, HtmlText(s.project.id), HtmlText(s.project.project),
        HtmlText(DepartmentText(s.project)), s.total_rounded.FormatFixed(2), HtmlText(s.grade),
        s.met, s.unmet, s.not_applicable, (s.rate * 100).FormatFixed(2),
        complies ? T(MsgId::kHtmlComplies) : T(MsgId::kHtmlNotComplies));
  }

  static void Figure(std::ostream& out, MsgId label, const std::string& value) {
    out << "<div><dt>" << T(label) << "</dt><dd>" << value << "</dd></div>";
  }

  // Every rounded total x 100, from the departments' lists.
  static std::vector<int64_t> AllCents(const YearSummary& y) {
    std::vector<int64_t> all;
    for (const DepartmentSummary& d : y.departments()) {
      all.insert(all.end(), d.cents.begin(), d.cents.end());
      all.insert(all.end(), d.other_cents.begin(), d.other_cents.end());
    }
    std::sort(all.begin(), all.end());
    return all;
  }

  void WriteSummary(const RunSummary& sum, const Diagnostics& diags, std::ostream& out) {
    out << "<section id=\"summary\">\n<h2>" << T(MsgId::kHtmlSummary) << "</h2>\n";
    if (diags.has_errors()) out << "<p class=\"alert\">" << T(MsgId::kHtmlAfterErrors) << "</p>\n";
    out << "<p>"
        << HtmlText(RunSummaryLine(sum.projects, sum.complies, diags.error_count(),
                                   diags.warning_count()))
        << "</p>\n";
    cents_ = AllCents(sum.year);
    Rational mean(0), median(0);
    if (!cents_.empty()) {
      Rational total(0);
      int64_t small = 0;
      for (int64_t c : cents_) small += c;
      total = Rational(small);
      mean = total / Rational(static_cast<int64_t>(cents_.size()) * 100);
      size_t n = cents_.size();
      median = n % 2 == 1 ? Rational(cents_[n / 2]) / 100
                          : (Rational(cents_[n / 2 - 1]) + Rational(cents_[n / 2])) / 200;
    }
    out << "<dl class=\"figs\">";
    Figure(out, MsgId::kHtmlProjects, std::to_string(sum.projects));
    Figure(out, MsgId::kHtmlComply, std::to_string(sum.complies));
    Figure(out, MsgId::kHtmlMeanTotal, mean.FormatFixed(2));
    Figure(out, MsgId::kHtmlMedianTotal, median.FormatFixed(2));
    Figure(out, MsgId::kHtmlIndicators, std::to_string(sum.indicators));
    Figure(out, MsgId::kHtmlMet, std::to_string(sum.met));
    Figure(out, MsgId::kHtmlUnmet, std::to_string(sum.unmet));
    Figure(out, MsgId::kHtmlNotApplicable, std::to_string(sum.not_applicable));
    Figure(out, MsgId::kHtmlErrors, std::to_string(diags.error_count()));
    Figure(out, MsgId::kHtmlWarnings, std::to_string(diags.warning_count()));
    out << "</dl>\n</section>\n";
  }

  // A table of counts laid on its side: a row of (escaped) labels under
  // `heading`, a row of projects.
  static std::string CountsTable(const std::string& heading,
                                 const std::vector<std::pair<std::string, size_t>>& counts) {
    std::string o = "<div class=\"wide\"><table class=\"data\"><tbody><tr><th scope=\"row\">" + heading + "</th>";
    for (const auto& c : counts) o += "<th scope=\"col\">" + c.first + "</th>";
    o += "</tr><tr><th scope=\"row\">" + T(MsgId::kHtmlProjects) + "</th>";
    for (const auto& c : counts) o += fmt::format("<td class=\"n\">{}</td>", c.second);
    o += "</tr></tbody></table></div>\n";
    return o;
  }

  void WriteCharts(const RunSummary& sum, std::ostream& out) {
    out << "<section id=\"charts\">\n<h2>" << T(MsgId::kHtmlCharts) << "</h2>\n<div class=\"charts\">\n";
    // Grades.
    {
      std::string title = T(MsgId::kHtmlChartGrades);
      out << "<figure id=\"chart-grades\"><figcaption>" << title << "</figcaption>\n"
          << VBars(title, sum.grades);
      std::vector<std::pair<std::string, size_t>> shown;
      for (const auto& [name, count] : sum.grades) shown.emplace_back(HtmlText(name), count);
      out << CountsTable(T(MsgId::kHtmlGrade), shown) << "</figure>\n";
    }
    // Histogram of totals, where most of them are: bins of 1 point from 90
    // when 9 totals in 10 are 90 or more, else of 5 points from 50 when 9 in
    // 10 are 50 or more, else of 10 points from 0; the totals below the
    // first bin in one bin of their own ("< 90"). Each bin holds its lower
    // bound, the last also 100 (and anything above).
    {
      const int64_t p10 = cents_.empty() ? 10000 : cents_[cents_.size() / 10];
      const int width = p10 >= 9000 ? 1 : p10 >= 5000 ? 5 : 10;
      const int from = p10 >= 9000 ? 90 : p10 >= 5000 ? 50 : 0;
      const bool below = !cents_.empty() && cents_.front() < from * 100;
      std::vector<std::pair<std::string, size_t>> bins;
      std::vector<std::string> ranges;
      if (below) {
        bins.emplace_back(fmt::format("<{}", from), 0);
        ranges.push_back(HtmlText(fmt::format("< {}", from)));
      }
      for (int b = from; b < 100; b += width) {
        bins.emplace_back(fmt::format("{}–{}", b, b + width), 0);
        ranges.push_back(fmt::format("[{}, {}{}", b, b + width, b + width >= 100 ? "]" : ")"));
      }
      const int64_t first = below ? 1 : 0;
      for (int64_t c : cents_) {
        int64_t i = c < from * 100 ? 0 : first + (c / 100 - from) / width;
        i = std::clamp<int64_t>(i, 0, static_cast<int64_t>(bins.size()) - 1);
        ++bins[static_cast<size_t>(i)].second;
      }
      std::string title = T(MsgId::kHtmlChartTotals);
      out << "<figure id=\"chart-totals\"><figcaption>" << title << "</figcaption>\n"
          << VBars(title, bins);
      std::vector<std::pair<std::string, size_t>> shown;
      for (size_t i = 0; i < bins.size(); ++i) shown.emplace_back(ranges[i], bins[i].second);
      out << CountsTable(T(MsgId::kHtmlTotalRange), shown) << "</figure>\n";
    }
    // Score rate by level-1 group.
    {
      std::vector<HBar> bars;
      for (const Level1Summary& g : sum.year.level1()) {
        Rational rate = g.Attainment() * 100;
        bars.push_back({g.name, rate.ToDouble(), rate.FormatFixed(2) + "%", false});
      }
      std::string title = T(MsgId::kHtmlChartLevel1);
      out << "<figure id=\"chart-level1\"><figcaption>" << title << "</figcaption>\n"
          << HBars(title, bars, 100);
      out << "<table class=\"data\"><thead><tr><th>" << T(MsgId::kHtmlLevel1) << "</th><th>"
          << T(MsgId::kHtmlIndicators) << "</th><th>" << T(MsgId::kHtmlMet) << "</th><th>"
          << T(MsgId::kHtmlUnmet) << "</th><th>" << T(MsgId::kHtmlNotApplicable) << "</th><th>"
          << T(MsgId::kHtmlWeight) << "</th><th>" << T(MsgId::kHtmlScoreSum) << "</th><th>"
          << T(MsgId::kHtmlScoreRate) << "</th></tr></thead><tbody>";
      for (const Level1Summary& g : sum.year.level1()) {
        out << "<tr><td>" << HtmlText(g.name) << "</td><td class=\"n\">" << g.indicators
            << "</td><td class=\"n\">" << g.met << "</td><td class=\"n\">" << g.unmet
            << "</td><td class=\"n\">" << g.not_applicable << "</td><td class=\"n\">"
            << g.weight.FormatFixed(2) << "</td><td class=\"n\">" << g.score.FormatFixed(2)
            << "</td><td class=\"n\">" << (g.Attainment() * 100).FormatFixed(2) << "%</td></tr>";
      }
      out << "</tbody></table></figure>\n";
    }
    // Departments by mean total, lowest first.
    {
      std::vector<const DepartmentSummary*> ranked;
      for (const DepartmentSummary& d : sum.year.departments()) ranked.push_back(&d);
      std::vector<Rational> means;
      std::stable_sort(ranked.begin(), ranked.end(),
                       [](const DepartmentSummary* a, const DepartmentSummary* b) {
                         return a->Mean() < b->Mean();
                       });
      std::vector<HBar> bars;
      for (size_t i = 0; i < ranked.size() && i < kChartDepartments; ++i) {
        const DepartmentSummary& d = *ranked[i];
        Rational mean = d.Mean();
        std::string name = DepartmentLabel(d.code, d.name);
        bars.push_back({name, mean.ToDouble(),
                        mean.FormatFixed(2) + " · " + Tr(MsgId::kHtmlUnmetCount, d.unmet),
                        d.unmet > 0});
      }
      std::string title = T(MsgId::kHtmlChartDepartments);
      out << "<figure id=\"chart-departments\"><figcaption>" << title << "</figcaption>\n"
          << HBars(title, bars, 100);
      if (ranked.size() > kChartDepartments)
        out << "<p>" << HtmlText(Tr(MsgId::kHtmlChartSomeDepartments, kChartDepartments,
                                    ranked.size()))
            << "</p>";
      out << "<table class=\"data\"><thead><tr><th>" << T(MsgId::kHtmlDepartment) << "</th><th>"
          << T(MsgId::kHtmlProjects) << "</th><th>" << T(MsgId::kHtmlComply) << "</th><th>"
          << T(MsgId::kHtmlMean) << "</th><th>" << T(MsgId::kHtmlMedian) << "</th><th>"
          << T(MsgId::kHtmlUnmet) << "</th></tr></thead><tbody>";
      for (const DepartmentSummary* d : ranked) {
        out << "<tr><td>" << HtmlText(DepartmentLabel(d->code, d->name)) << "</td><td class=\"n\">"
            << d->projects << "</td><td class=\"n\">" << d->complies << "</td><td class=\"n\">"
            << d->Mean().FormatFixed(2) << "</td><td class=\"n\">" << d->Median().FormatFixed(2)
            << "</td><td class=\"n\">" << d->unmet << "</td></tr>";
      }
      out << "</tbody></table></figure>\n";
    }
    out << "</div>\n</section>\n";
  }

  void WriteLowest(const RunSummary& sum, std::ostream& out) const {
    out << "<section id=\"lowest\">\n<h2>" << T(MsgId::kHtmlLowest) << "</h2>\n";
    if (sum.year.lowest().empty()) {
      out << "<p>" << T(MsgId::kHtmlNoProjects) << "</p>\n</section>\n";
      return;
    }
    out << "<table class=\"data\"><thead><tr><th>" << T(MsgId::kHtmlId) << "</th><th>"
        << T(MsgId::kHtmlProject) << "</th><th>" << T(MsgId::kHtmlDepartment) << "</th><th>"
        << T(MsgId::kHtmlTotal) << "</th><th>" << T(MsgId::kHtmlGrade) << "</th><th>"
        << T(MsgId::kHtmlComply) << "</th></tr></thead><tbody>\n";
    for (const ProjectDigest& p : sum.year.lowest()) {
      out << "<tr><td><a href=\"#" << Anchor(p.id) << "\">" << HtmlText(p.id) << "</a></td><td>"
          << HtmlText(p.project) << "</td><td>"
          << HtmlText(Trim(p.department_code + " " + p.department_name)) << "</td><td class=\"n\">"
          << p.score.FormatFixed(2) << "</td><td>" << HtmlText(p.grade) << "</td><td>"
          << (p.complies ? T(MsgId::kHtmlComplies) : T(MsgId::kHtmlNotComplies)) << "</td></tr>\n";
    }
    out << "</tbody></table>\n</section>\n";
  }

  void WriteDiagnostics(const Diagnostics& diags, std::ostream& out) const {
    out << HtmlDiagnostics(diags, kMaxDiagnostics);
  }

  // Which flagged projects have their forms in a large run: the kMaxForms
  // of lowest total, ties in input order. Called on the records in input
  // order, once a pass.
  class FormChoice {
   public:
    explicit FormChoice(const std::map<int64_t, size_t>& flagged_cents) {
      size_t before = 0;
      for (const auto& [cents, count] : flagged_cents) {
        if (before + count >= kMaxForms) {
          cutoff_ = cents;
          at_cutoff_ = kMaxForms - before;
          return;
        }
        before += count;
      }
    }
    bool Take(const RecordHead& h) {
      if (!h.flagged || h.cents > cutoff_) return false;
      if (h.cents < cutoff_) return true;
      if (at_cutoff_ == 0) return false;
      --at_cutoff_;
      return true;
    }

   private:
    int64_t cutoff_ = INT64_MAX;
    size_t at_cutoff_ = SIZE_MAX;
  };

  void WriteForms(const RunSummary& sum, std::ostream& out) {
    out << "<section id=\"forms\">\n<h2>" << T(MsgId::kHtmlForms) << "</h2>\n";
    if (projects_ <= kAllForms) {
      const Spool::Take take = projects_ <= kOpenForms ? Spool::Take::kCopyOpen : Spool::Take::kCopy;
      forms_.CopyTo(out, [&](const RecordHead&) { return take; });
      out << "</section>\n";
      return;
    }
    // The chosen flagged projects, then the lowest of the others, then a
    // row for each project without a form.
    std::vector<const KeptForm*> lowest;
    for (const KeptForm& k : low_) {
      for (const ProjectDigest& p : sum.year.lowest())
        if (p.id == k.id) lowest.push_back(&k);
    }
    std::sort(lowest.begin(), lowest.end(),
              [](const KeptForm* a, const KeptForm* b) { return a->seq < b->seq; });
    size_t flagged = 0;
    for (const auto& [cents, count] : flagged_cents_) flagged += count;
    const size_t forms = std::min(flagged, kMaxForms) + lowest.size();
    out << "<p>"
        << HtmlText(Tr(MsgId::kHtmlFormsSome, projects_, forms, flagged, std::min(flagged, kMaxForms),
                       projects_ - forms))
        << "</p>\n";
    FormChoice choice(flagged_cents_);
    forms_.CopyTo(out, [&](const RecordHead& h) {
      return choice.Take(h) ? Spool::Take::kCopy : Spool::Take::kSkip;
    });
    for (const KeptForm* k : lowest) out << k->html;
    out << "<h3 id=\"others\">" << T(MsgId::kHtmlOthers) << "</h3>\n"
        << "<table class=\"compact data\"><colgroup><col style=\"width:12%\"><col "
           "style=\"width:26%\"><col style=\"width:18%\"><col style=\"width:7%\"><col "
           "style=\"width:6%\"><col style=\"width:6%\"><col style=\"width:6%\"><col "
           "style=\"width:6%\"><col style=\"width:7%\"><col style=\"width:6%\"></colgroup>\n"
        << "<thead><tr><th>" << T(MsgId::kHtmlId) << "</th><th>" << T(MsgId::kHtmlProject)
        << "</th><th>" << T(MsgId::kHtmlDepartment) << "</th><th>" << T(MsgId::kHtmlTotal)
        << "</th><th>" << T(MsgId::kHtmlGrade) << "</th><th>" << T(MsgId::kHtmlMet) << "</th><th>"
        << T(MsgId::kHtmlUnmet) << "</th><th>" << T(MsgId::kHtmlNotApplicable) << "</th><th>"
        << T(MsgId::kHtmlExecution) << "</th><th>" << T(MsgId::kHtmlComply)
        << "</th></tr></thead>\n<tbody>\n";
    FormChoice again(flagged_cents_);
    compact_.CopyTo(out, [&](const RecordHead& h) {
      if (again.Take(h)) return Spool::Take::kSkip;
      for (const KeptForm* k : lowest)
        if (k->seq == h.seq) return Spool::Take::kSkip;
      return Spool::Take::kCopy;
    });
    out << "</tbody></table>\n</section>\n";
  }

  ReportContext ctx_;
  const ReportLabels l_;  // views into the catalogue, for the run
  size_t projects_ = 0;
  Spool deviations_;  // rows of the deviations table
  Spool forms_;       // forms: every flagged project's, and the first kAllForms projects'
  Spool compact_;     // every project's row of the other projects' table
  std::map<int64_t, size_t> flagged_cents_;  // flagged projects by rounded total x 100
  std::vector<KeptForm> low_;       // forms of the lowest unflagged projects, lowest first
  std::vector<int64_t> cents_;      // every rounded total x 100, sorted (at End)
};

}  // namespace

std::unique_ptr<Reporter> MakeHtmlReporter(const ReportContext& ctx) {
  return std::make_unique<HtmlReporter>(ctx);
}

}  // namespace jixiao
