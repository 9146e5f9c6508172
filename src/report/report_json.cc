// The JSON report (docs/reference.md §7).
#include <fmt/format.h>

#include "report/diagnostic_format.h"
#include "base/json_writer.h"
#include "report/report.h"
#include "report/report_common.h"
#include "report/report_json.h"

namespace jixiao {

namespace {

const char* KindName(TargetKind k) {
  switch (k) {
    case TargetKind::kQualitative: return "qualitative";
    case TargetKind::kDate: return "date";
    default: return "quantitative";
  }
}


}  // namespace

void WriteYearSummaryJson(const YearSummary& y, JsonWriter* w) {
  w->Key("departments").BeginArray();
  for (const DepartmentSummary& d : y.departments()) {
    w->BeginObject();
    w->Key("code").String(d.code);
    w->Key("name").String(d.name);
    w->Key("projects").Int(static_cast<long long>(d.projects));
    w->Key("complies").Int(static_cast<long long>(d.complies));
    w->Key("mean").Number(d.Mean().FormatShort(2));
    w->Key("median").Number(d.Median().FormatShort(2));
    w->Key("unmet").Int(static_cast<long long>(d.unmet));
    w->Key("grades").BeginObject();
    for (const auto& [grade, count] : d.grades) w->Key(grade).Int(static_cast<long long>(count));
    w->EndObject();
    w->EndObject();
  }
  w->EndArray();
  w->Key("level1").BeginArray();
  for (const Level1Summary& g : y.level1()) {
    w->BeginObject();
    w->Key("name").String(g.name);
    w->Key("projects").Int(static_cast<long long>(g.projects));
    w->Key("indicators").Int(static_cast<long long>(g.indicators));
    w->Key("met").Int(static_cast<long long>(g.met));
    w->Key("unmet").Int(static_cast<long long>(g.unmet));
    w->Key("not_applicable").Int(static_cast<long long>(g.not_applicable));
    w->Key("weight").Number(g.weight.FormatShort(2));
    w->Key("score").Number(g.score.FormatShort(2));
    w->Key("attainment").Number(g.Attainment().FormatShort(4));
    w->EndObject();
  }
  w->EndArray();
  w->Key("lowest").BeginArray();
  for (const ProjectDigest& p : y.lowest()) {
    w->BeginObject();
    w->Key("id").String(p.id);
    w->Key("project").String(p.project);
    w->Key("score").Number(p.score.FormatShort(2));
    w->Key("grade").String(p.grade);
    w->EndObject();
  }
  w->EndArray();
}

void WriteRunSummaryJson(const RunSummary& sum, JsonWriter* w) {
  w->BeginObject();
  w->Key("projects").Int(static_cast<long long>(sum.projects));
  w->Key("complies").Int(static_cast<long long>(sum.complies));
  w->Key("grades").BeginObject();
  for (const auto& [name, count] : sum.grades) w->Key(name).Int(static_cast<long long>(count));
  w->EndObject();
  w->Key("indicators").Int(static_cast<long long>(sum.indicators));
  w->Key("met").Int(static_cast<long long>(sum.met));
  w->Key("unmet").Int(static_cast<long long>(sum.unmet));
  w->Key("not_applicable").Int(static_cast<long long>(sum.not_applicable));
  WriteYearSummaryJson(sum.year, w);
  w->EndObject();
}

void WriteDiagnosticsJson(const Diagnostics& diags, JsonWriter* w) {
  for (Severity sev : {Severity::kError, Severity::kWarning}) {
    w->Key(sev == Severity::kError ? "errors" : "warnings").BeginArray();
    for (const Diagnostic& d : diags.all())
      if (d.severity == sev) WriteDiagnosticJson(d, w);
    w->EndArray();
  }
}

namespace {

std::string JsonText(const YamlNode* n) { return n != nullptr && n->is_scalar() ? n->value : ""; }

Rational JsonNumber(const YamlNode* n) {
  if (n == nullptr || !n->is_scalar()) return Rational(0);
  return Rational::ParseDecimal(n->value).value_or(Rational(0));
}

int JsonInt(const YamlNode* n) {
  std::string v = JsonText(n);
  int out = 0;
  for (char c : v) {
    if (c < '0' || c > '9' || out > 100000000) return out;
    out = out * 10 + (c - '0');
  }
  return out;
}

const YamlNode* JsonField(const YamlNode* n, const char* a, const char* b = nullptr) {
  if (n == nullptr || !n->is_map()) return nullptr;
  n = n->Find(a);
  if (b == nullptr) return n;
  return n != nullptr && n->is_map() ? n->Find(b) : nullptr;
}

}  // namespace

ProjectScore ProjectScoreFromJson(const YamlNode& p, bool* complies) {
  ProjectScore s;
  Project& proj = s.project;
  proj.id = JsonText(JsonField(&p, "id"));
  proj.project = JsonText(JsonField(&p, "project"));
  proj.year = JsonInt(JsonField(&p, "year"));
  proj.loc.file = JsonText(JsonField(&p, "file"));
  proj.loc.line = JsonInt(JsonField(&p, "line"));
  proj.department_code = JsonText(JsonField(&p, "department", "code"));
  proj.department_name = JsonText(JsonField(&p, "department", "name"));
  proj.unit = JsonText(JsonField(&p, "unit"));
  proj.total = JsonNumber(JsonField(&p, "budget", "total"));
  s.spent = JsonNumber(JsonField(&p, "budget", "spent"));
  s.spent_text = JsonText(JsonField(&p, "budget", "spent"));
  s.rate = JsonNumber(JsonField(&p, "budget", "rate"));
  s.budget_weight = JsonNumber(JsonField(&p, "budget", "weight"));
  s.budget_score = JsonNumber(JsonField(&p, "budget", "score"));
  s.low_execution = JsonText(JsonField(&p, "budget", "deviation")) == "true";
  s.note = JsonText(JsonField(&p, "budget", "note"));
  if (const YamlNode* list = JsonField(&p, "indicators"); list != nullptr && list->is_sequence()) {
    for (const YamlNode* i : list->items) {
      Indicator ind;
      ind.name = JsonText(JsonField(i, "name"));
      const std::string key = JsonText(JsonField(i, "id"));
      if (key != ind.name) ind.id = key;
      ind.level1 = JsonText(JsonField(i, "level1"));
      ind.level2 = JsonText(JsonField(i, "level2"));
      ind.target_text = JsonText(JsonField(i, "target"));
      const std::string kind = JsonText(JsonField(i, "kind"));
      ind.target.kind = kind == "qualitative" ? TargetKind::kQualitative
                        : kind == "date"      ? TargetKind::kDate
                                              : TargetKind::kQuantity;
      ind.loc = {proj.loc.file, JsonInt(JsonField(i, "line")), 0};
      IndicatorScore is;
      is.index = proj.indicators.size();
      is.actual_text = JsonText(JsonField(i, "actual"));
      is.weight = JsonNumber(JsonField(i, "weight"));
      is.score = JsonNumber(JsonField(i, "score"));
      if (is.weight.sign() > 0) is.ratio = is.score / is.weight;
      const std::string status = JsonText(JsonField(i, "status"));
      is.status = status == "unmet"            ? Status::kUnmet
                  : status == "not_applicable" ? Status::kNotApplicable
                                               : Status::kMet;
      is.deviation = DeviationKind::kNone;
      if (JsonText(JsonField(i, "deviation")) == "true") {
        const std::string why = JsonText(JsonField(i, "deviation_kind"));
        for (DeviationKind k : {DeviationKind::kUnmet, DeviationKind::kOverAchieved,
                                DeviationKind::kCostUnderRun, DeviationKind::kLowExecution}) {
          if (why == DeviationKindName(k)) is.deviation = k;
        }
        if (is.deviation == DeviationKind::kNone) is.deviation = DeviationKind::kUnmet;
      }
      is.note = JsonText(JsonField(i, "note"));
      proj.indicators.push_back(std::move(ind));
      s.indicators.push_back(std::move(is));
    }
  }
  s.total_rounded = JsonNumber(JsonField(&p, "score"));
  s.total = s.total_rounded;
  s.grade = JsonText(JsonField(&p, "grade"));
  s.met = JsonInt(JsonField(&p, "met"));
  s.unmet = JsonInt(JsonField(&p, "unmet"));
  s.not_applicable = JsonInt(JsonField(&p, "not_applicable"));
  if (complies != nullptr) *complies = JsonText(JsonField(&p, "complies")) == "true";
  return s;
}

namespace {

class JsonReporter : public Reporter {
 public:
  // With `lines`, JSONL: one project per line, then one line with the
  // summary and diagnostics.
  JsonReporter(const ReportContext& ctx, bool lines)
      : ctx_(ctx), lines_(lines), w_(&buf_, lines ? 0 : 2) {}

  void Begin(std::ostream& out) override {
    if (lines_) return;
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
        w_.Key("deviation_kind").String(DeviationKindName(is.deviation));
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
    if (lines_) buf_.push_back('\n');
    Flush(out);
  }

  void End(const RunSummary& sum, const Diagnostics& diags, std::ostream& out) override {
    if (lines_) {
      w_.BeginObject();
      w_.Key("tool").String("jixiao");
      w_.Key("version").String(JIXIAO_VERSION);
      w_.Key("rules").String(ctx_.rules->name);
    } else {
      w_.EndArray();
    }
    w_.Key("summary");
    WriteRunSummaryJson(sum, &w_);
    WriteDiagnosticsJson(diags, &w_);
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
  bool lines_;
  std::string buf_;
  JsonWriter w_;
};

}  // namespace

std::unique_ptr<Reporter> MakeJsonReporter(const ReportContext& ctx) {
  return std::make_unique<JsonReporter>(ctx, false);
}

std::unique_ptr<Reporter> MakeJsonlReporter(const ReportContext& ctx) {
  return std::make_unique<JsonReporter>(ctx, true);
}

}  // namespace jixiao
