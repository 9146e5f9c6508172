// The GitHub Actions report of `jixiao monitor`: workflow commands shown as
// annotations on the progress files.
//
//   ::error …     an input error, or an item with a red light (at its line in
//                 the progress file)
//   ::warning …   an item with a yellow light, or a warning (a red or yellow
//                 item without reasons, ...)
//   ::notice …    last: the run's counts and how many annotations were left out
//
// GitHub shows at most 10 annotations of each type per step: input errors
// come first, then red items in input order; yellow items, then warnings.
// At most kMaxPerType of each type are written; the first of each kind are
// kept as the run goes, so memory stays bounded.
#include <fmt/format.h>

#include "base/messages.h"
#include "report/monitor_common.h"
#include "report/monitor_report.h"
#include "report/report_common.h"

namespace jixiao {

namespace {

constexpr size_t kMaxPerType = 10;

struct Annotation {
  Location loc;
  std::string title;
  std::string message;
};

class MonitorGithubReporter : public MonitorReporter {
 public:
  explicit MonitorGithubReporter(const MonitorReportContext& ctx) : ctx_(ctx) {}

  void Begin(const MonitorRun* run, std::ostream& /*out*/) override {
    if (run != nullptr) run_ = *run;
    has_run_ = run != nullptr;
  }

  void Project(const ProjectMonitor& m, std::ostream& /*out*/) override {
    const jixiao::Project& p = m.project;
    if (m.budget_light != Light::kGreen) {
      Keep(m.budget_light, m.spent_loc, Tr(MsgId::kMonLabelBudget),
           Tr(MsgId::kMonGithubBudget, p.project, p.id, LightWord(m.budget_light),
              BudgetFiguresFlagged(m, run_, ctx_.report.rules->monitor)),
           m.note);
    } else if (m.forecast_spent_low) {
      // A green budget whose forecast leaves money over (财预〔2019〕136号):
      // a warning annotation, as the other reports flag it.
      Keep(Light::kYellow, m.spent_loc, Tr(MsgId::kMonLabelBudget),
           Tr(MsgId::kMonGithubForecastLow, p.project, p.id,
              AmountText(*m.forecast_spent) + " " + p.unit,
              ForecastSpentLowText(ctx_.report.rules->monitor)),
           m.note,
           Tr(MsgId::kMonLabelForecastSpent) + " " +
               ForecastSpentLowText(ctx_.report.rules->monitor));
    }
    for (const IndicatorMonitor& im : m.indicators) {
      if (im.not_applicable || im.light == Light::kGreen) continue;
      const Indicator& ind = p.indicators[im.index];
      Keep(im.light, im.loc, ind.name,
           Tr(MsgId::kMonGithubIndicator, p.project, p.id, ind.name, LightWord(im.light),
              ind.target_text, FiguresAndAdjustment(im, run_, ctx_.report.rules->reverse)),
           im.note);
    }
  }

  void End(const MonitorSummary& s, const Diagnostics& diags, std::ostream& out) override {
    std::string o;
    size_t errors = 0, warnings = 0, errors_left_out = 0, warnings_left_out = 0;
    auto emit = [&](const char* type, const Location& loc, std::string_view title,
                    std::string_view message, size_t* count, size_t* left_out) {
      if (*count == kMaxPerType) {
        ++*left_out;
        return;
      }
      ++*count;
      o += GithubCommand(type, loc, title, message);
    };
    // A diagnostic's title, with its code as eval's: "jixiao: input error [JX0401]".
    auto title = [](const Diagnostic& d) {
      std::string t = Tr(d.severity == Severity::kError ? MsgId::kMonGithubInputError
                                                        : MsgId::kMonGithubWarning);
      if (d.code != 0) t += " " + CodeTag(d);
      return t;
    };
    for (const Diagnostic& d : diags.all()) {
      if (d.severity == Severity::kError) {
        emit("error", d.loc, title(d), d.message, &errors, &errors_left_out);
      }
    }
    for (const Annotation& a : red_) emit("error", a.loc, a.title, a.message, &errors, &errors_left_out);
    errors_left_out += red_seen_ - red_.size();
    for (const Annotation& a : yellow_) {
      emit("warning", a.loc, a.title, a.message, &warnings, &warnings_left_out);
    }
    warnings_left_out += yellow_seen_ - yellow_.size();
    for (const Diagnostic& d : diags.all()) {
      if (d.severity == Severity::kWarning) {
        emit("warning", d.loc, title(d), d.message, &warnings, &warnings_left_out);
      }
    }
    std::string notice = MonitorSummaryLine(s, has_run_ ? &run_ : nullptr, diags.error_count(),
                                            diags.warning_count());
    notice += Tr(MsgId::kMonGithubLeftOut, errors_left_out, warnings_left_out, kMaxPerType);
    o += GithubCommand("notice", Location{}, "jixiao", notice);
    out << o;
  }

 private:
  // An annotation of a red (error) or yellow (warning) light, titled
  // "红: name", or, with `title`, a warning so titled.
  void Keep(Light light, const Location& loc, const std::string& name, std::string message,
            const std::string& note, const std::string& title = "") {
    std::vector<Annotation>& list = light == Light::kRed ? red_ : yellow_;
    size_t& seen = light == Light::kRed ? red_seen_ : yellow_seen_;
    ++seen;
    if (list.size() == kMaxPerType) return;  // only the first can be shown
    if (!note.empty()) message += Tr(MsgId::kMonGithubNote, note);
    list.push_back({loc, title.empty() ? fmt::format("{}: {}", LightWord(light), name) : title,
                    std::move(message)});
  }

  MonitorReportContext ctx_;
  MonitorRun run_;
  bool has_run_ = false;
  std::vector<Annotation> red_, yellow_;  // the first kMaxPerType of each
  size_t red_seen_ = 0, yellow_seen_ = 0;
};

}  // namespace

std::unique_ptr<MonitorReporter> MakeMonitorGithubReporter(const MonitorReportContext& ctx) {
  return std::make_unique<MonitorGithubReporter>(ctx);
}

}  // namespace jixiao
