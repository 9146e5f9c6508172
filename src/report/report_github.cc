// The GitHub Actions report (docs/reference.md §6): workflow commands that GitHub shows
// as annotations on the files of a push or pull request.
//
//   ::error file=F,line=L,col=C,title=T::M    an input error, or an unmet
//                                             indicator at its line in its
//                                             target file
//   ::warning file=F,line=L,col=C,title=T::M  a warning (a deviation without
//                                             a note)
//   ::notice title=jixiao::…                  last: the run's counts and how
//                                             many annotations were left out
//
// GitHub shows at most 10 annotations of each type per step, so they are
// ordered by importance — input errors first, then unmet indicators of the
// lowest-scoring projects first (input order among equals), then warnings in
// the order found — and at most kMaxPerType of each type are written.
// Buffers: the order needs the whole run, so everything is written at End.
#include <algorithm>

#include <fmt/format.h>

#include "report/report.h"
#include "report/report_common.h"

namespace jixiao {

namespace {

constexpr size_t kMaxPerType = 10;

struct Annotation {
  Location loc;
  std::string title;
  std::string message;
};

struct UnmetIndicator {
  Rational project_total;  // rounded, for the order
  size_t order = 0;        // position in the run, for ties
  Annotation annotation;
};

class GithubReporter : public Reporter {
 public:
  explicit GithubReporter(const ReportContext& ctx) : ctx_(ctx), l_(ReportLabels::Current()) {}

  void Project(const ProjectScore& s, bool /*complies*/, std::ostream& /*out*/) override {
    const jixiao::Project& p = s.project;
    for (const IndicatorScore& is : s.indicators) {
      if (is.status != Status::kUnmet) continue;
      const Indicator& ind = p.indicators[is.index];
      UnmetIndicator u;
      u.project_total = s.total_rounded;
      u.order = unmet_seen_++;
      u.annotation.loc = ind.loc;
      u.annotation.title = Tr(MsgId::kGithubUnmetTitle, ind.name);
      u.annotation.message =
          Tr(MsgId::kGithubUnmet, p.project, p.id, s.total_rounded.FormatFixed(2), ind.name,
             ind.target_text, is.actual_text, is.score.FormatFixed(2), is.weight.FormatFixed(2));
      if (!is.note.empty()) u.annotation.message += Tr(MsgId::kGithubUnmetNote, l_.note, is.note);
      unmet_.push_back(std::move(u));
      // Only the lowest kMaxPerType can be shown: keep memory bounded.
      if (unmet_.size() >= 4 * kMaxPerType) KeepLowest();
    }
  }

  void End(const RunSummary& sum, const Diagnostics& diags, std::ostream& out) override {
    KeepLowest();
    std::string o;
    size_t errors = 0;
    size_t warnings = 0;
    size_t errors_left_out = 0;
    size_t warnings_left_out = 0;
    auto emit = [&](const char* type, const Location& loc, std::string_view title,
                    std::string_view message, size_t* count, size_t* left_out) {
      if (*count == kMaxPerType) {
        ++*left_out;
        return;
      }
      ++*count;
      o += GithubCommand(type, loc, title, message);
    };
    // A diagnostic's title: "jixiao：输入错误 [JX0301]", "jixiao: warning [JX0805]".
    auto title = [](const Diagnostic& d) {
      std::string t(Text(d.severity == Severity::kError ? MsgId::kGithubErrorTitle
                                                        : MsgId::kGithubWarningTitle));
      if (d.code != 0) t += " " + CodeTag(d);
      return t;
    };
    for (const Diagnostic& d : diags.all()) {
      if (d.severity == Severity::kError) {
        emit("error", d.loc, title(d), d.message, &errors, &errors_left_out);
      }
    }
    for (const UnmetIndicator& u : unmet_) {
      const Annotation& a = u.annotation;
      emit("error", a.loc, a.title, a.message, &errors, &errors_left_out);
    }
    errors_left_out += unmet_seen_ - unmet_.size();  // dropped by KeepLowest
    for (const Diagnostic& d : diags.all()) {
      if (d.severity == Severity::kWarning) {
        emit("warning", d.loc, title(d), d.message, &warnings, &warnings_left_out);
      }
    }
    std::string notice =
        RunSummaryLine(sum.projects, sum.complies, diags.error_count(), diags.warning_count());
    notice += Tr(errors_left_out + warnings_left_out == 1 ? MsgId::kGithubNoticeTailOne
                                                          : MsgId::kGithubNoticeTail,
                 Counted(sum.unmet, MsgId::kCountUnmetIndicatorsOne, MsgId::kCountUnmetIndicators),
                 errors_left_out, warnings_left_out, kMaxPerType);
    o += GithubCommand("notice", Location{}, "jixiao", notice);
    out << o;
  }

 private:
  ReportContext ctx_;
  const ReportLabels l_;
  // Sorts unmet_ by project total, then by order in the run, and keeps the
  // first kMaxPerType (the only ones End could show).
  void KeepLowest() {
    std::sort(unmet_.begin(), unmet_.end(), [](const UnmetIndicator& a, const UnmetIndicator& b) {
      if (a.project_total != b.project_total) return a.project_total < b.project_total;
      return a.order < b.order;
    });
    if (unmet_.size() > kMaxPerType) unmet_.resize(kMaxPerType);
  }

  std::vector<UnmetIndicator> unmet_;  // the lowest unmet indicators so far
  size_t unmet_seen_ = 0;              // unmet indicators reported to Project
};

}  // namespace

std::unique_ptr<Reporter> MakeGithubReporter(const ReportContext& ctx) {
  return std::make_unique<GithubReporter>(ctx);
}

}  // namespace jixiao
