// The JSON report (SPEC §7).
#include <fmt/format.h>

#include "diagnostic_format.h"
#include "json_writer.h"
#include "report.h"

namespace jixiao {

namespace {

const char* KindName(TargetKind k) {
  switch (k) {
    case TargetKind::kQualitative: return "qualitative";
    case TargetKind::kDate: return "date";
    default: return "quantitative";
  }
}

const char* DeviationName(DeviationKind k) {
  switch (k) {
    case DeviationKind::kUnmet: return "unmet";
    case DeviationKind::kOverAchieved: return "over_achieved";
    case DeviationKind::kCostUnderRun: return "cost_under_run";
    case DeviationKind::kLowExecution: return "low_execution";
    case DeviationKind::kNone: break;
  }
  return "";
}

class JsonReporter : public Reporter {
 public:
  explicit JsonReporter(const ReportContext& ctx) : ctx_(ctx), w_(&buf_) {}

  void Begin(std::ostream& out) override {
    w_.BeginObject();
    w_.Key("tool").String("jixiao");
    w_.Key("version").String(JIXIAO_VERSION);
    w_.Key("rules").String(ctx_.rules->name);
    w_.Key("projects").BeginArray();
    Flush(out);
  }

  void Project(const ProjectScore& s, bool complies, std::ostream& out) override {
    const jixiao::Project& p = s.project;
    w_.BeginObject();
    w_.Key("id").String(p.id);
    w_.Key("project").String(p.project);
    w_.Key("year").Int(p.year);
    w_.Key("file").String(p.loc.file);
    w_.Key("line").Int(p.loc.line);
    w_.Key("department").BeginObject();
    w_.Key("code").String(p.department_code);
    w_.Key("name").String(p.department_name);
    w_.EndObject();
    w_.Key("unit").String(p.unit);
    w_.Key("budget").BeginObject();
    w_.Key("total").Number(p.total.ToDecimalString());
    w_.Key("spent").Number(s.spent.ToDecimalString());
    w_.Key("rate").Number(s.rate.FormatShort(4));
    w_.Key("weight").Number(s.budget_weight.FormatShort(2));
    w_.Key("score").Number(s.budget_score.FormatShort(2));
    w_.Key("deviation").Bool(s.low_execution);
    w_.Key("note").String(s.note);
    w_.EndObject();
    w_.Key("indicators").BeginArray();
    for (const IndicatorScore& is : s.indicators) {
      const Indicator& ind = p.indicators[is.index];
      w_.BeginObject();
      w_.Key("id").String(ind.key());
      w_.Key("name").String(ind.name);
      w_.Key("level1").String(ind.level1);
      w_.Key("level2").String(ind.level2);
      w_.Key("target").String(ind.target_text);
      w_.Key("actual").String(is.actual_text);
      w_.Key("kind").String(KindName(ind.target.kind));
      w_.Key("weight").Number(is.weight.FormatShort(2));
      w_.Key("score").Number(is.score.FormatShort(2));
      w_.Key("status").String(StatusName(is.status));
      w_.Key("deviation").Bool(is.deviation != DeviationKind::kNone);
      if (is.deviation != DeviationKind::kNone) {
        w_.Key("deviation_kind").String(DeviationName(is.deviation));
      }
      w_.Key("note").String(is.note);
      w_.Key("line").Int(ind.loc.line);
      w_.EndObject();
    }
    w_.EndArray();
    w_.Key("score").Number(s.total_rounded.FormatShort(2));
    w_.Key("grade").String(s.grade);
    w_.Key("met").Int(s.met);
    w_.Key("unmet").Int(s.unmet);
    w_.Key("not_applicable").Int(s.not_applicable);
    w_.Key("complies").Bool(complies);
    w_.EndObject();
    Flush(out);
  }

  void End(const RunSummary& sum, const Diagnostics& diags, std::ostream& out) override {
    w_.EndArray();
    w_.Key("summary").BeginObject();
    w_.Key("projects").Int(static_cast<long long>(sum.projects));
    w_.Key("complies").Int(static_cast<long long>(sum.complies));
    w_.Key("grades").BeginObject();
    for (const auto& [name, count] : sum.grades) w_.Key(name).Int(static_cast<long long>(count));
    w_.EndObject();
    w_.Key("indicators").Int(static_cast<long long>(sum.indicators));
    w_.Key("met").Int(static_cast<long long>(sum.met));
    w_.Key("unmet").Int(static_cast<long long>(sum.unmet));
    w_.Key("not_applicable").Int(static_cast<long long>(sum.not_applicable));
    w_.EndObject();
    for (Severity sev : {Severity::kError, Severity::kWarning}) {
      w_.Key(sev == Severity::kError ? "errors" : "warnings").BeginArray();
      for (const Diagnostic& d : diags.all())
        if (d.severity == sev) WriteDiagnosticJson(d, &w_);
      w_.EndArray();
    }
    w_.EndObject();
    buf_.push_back('\n');
    Flush(out);
  }

 private:
  void Flush(std::ostream& out) {
    out << buf_;
    buf_.clear();
  }

  ReportContext ctx_;
  std::string buf_;
  JsonWriter w_;
};

}  // namespace

std::unique_ptr<Reporter> MakeJsonReporter(const ReportContext& ctx) {
  return std::make_unique<JsonReporter>(ctx);
}

}  // namespace jixiao
