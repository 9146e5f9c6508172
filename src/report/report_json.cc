// The JSON report (docs/reference.md §7).
#include <fmt/format.h>

#include "model/rules_file.h"
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


// Writes `f`'s part `part` under `key` when known.
void PartNumber(JsonWriter* w, const char* key, const FundingFigures* f,
                std::optional<Rational> FundingFigures::*part) {
  if (f != nullptr && f->*part) w->Key(key).Number((*(f->*part)).ToDecimalString());
}

}  // namespace

std::string ExactText(const Rational& r) {
  BigInt den = r.den();
  for (int p : {2, 5}) {
    BigInt q, rem;
    for (;;) {
      BigInt::DivMod(den, BigInt(p), &q, &rem);
      if (!rem.is_zero()) break;
      den = q;
    }
  }
  if (den == BigInt(1)) return r.ToDecimalString();
  return r.num().ToString() + "/" + r.den().ToString();
}

std::optional<Rational> ParseExactText(std::string_view text) {
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return Rational::ParseDecimal(text);
  std::optional<BigInt> num = BigInt::Parse(text.substr(0, slash));
  std::optional<BigInt> den = BigInt::Parse(text.substr(slash + 1));
  if (!num || !den || den->sign() <= 0) return std::nullopt;
  return Rational(*num, *den);
}

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

void JsonReportStream::Flush(std::ostream& out) {
  out << buf_;
  buf_.clear();
}

void JsonReportStream::FlushLine(std::ostream& out) {
  buf_.push_back('\n');
  Flush(out);
}

void JsonReportStream::WriteProject(std::string_view bytes, std::ostream& out) {
  if (lines_) {
    out << bytes;
    return;
  }
  w_.Raw({});  // the comma and line break before it
  Flush(out);
  out << bytes;
}

void WriteProjectHeadJson(const Project& p, JsonWriter* w) {
  w->Key("id").String(p.id);
  w->Key("project").String(p.project);
  w->Key("year").Int(p.year);
  w->Key("file").String(p.loc.file);
  w->Key("line").Int(p.loc.line);
  w->Key("department").BeginObject();
  w->Key("code").String(p.department_code);
  w->Key("name").String(p.department_name);
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

void WritePolicyJson(const Policy& p, JsonWriter* w) {
  w->BeginObject();
  w->Key("fail_on").String(p.fail_on_unmet ? "unmet" : "none");
  if (p.has_fail_under) w->Key("fail_under").Number(p.fail_under.ToDecimalString());
  w->EndObject();
}

std::optional<Policy> PolicyFromJson(const YamlNode* n) {
  if (n == nullptr || !n->is_map()) return std::nullopt;
  Policy p;
  bool fail_on = false;
  for (const auto& [key, value] : n->entries) {
    if (key->value == "fail_on" && value->is_scalar() && !value->plain &&
        (value->value == "unmet" || value->value == "none")) {
      fail_on = true;
      p.fail_on_unmet = value->value == "unmet";
    } else if (key->value == "fail_under" && value->is_scalar() && value->plain) {
      std::optional<Rational> v = Rational::ParseDecimal(value->value);
      if (!v || *v < 0 || *v > 100) return std::nullopt;
      p.has_fail_under = true;
      p.fail_under = *v;
    } else {
      return std::nullopt;  // a key or value jixiao does not write
    }
  }
  if (!fail_on) return std::nullopt;
  return p;
}

std::string PolicyOptions(const Policy& p) {
  std::string out = p.fail_on_unmet ? "--fail-on unmet" : "--fail-on none";
  if (p.has_fail_under) out += " --fail-under " + p.fail_under.ToDecimalString();
  return out;
}

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
  proj.supervisor_code = JsonText(JsonField(&p, "supervisor", "code"));
  proj.supervisor_name = JsonText(JsonField(&p, "supervisor", "name"));
  proj.total = JsonNumber(JsonField(&p, "budget", "total"));
  if (const YamlNode* adjusted = JsonField(&p, "budget", "adjusted")) {
    s.adjusted = FundingFigures{};
    s.adjusted->total = JsonNumber(adjusted);
  }
  s.budget = s.adjusted ? s.adjusted->total : proj.total;
  s.spent = JsonNumber(JsonField(&p, "budget", "spent"));
  s.spent_parts.total = s.spent;
  // "parts": {"fiscal": {"total": …, "adjusted": …, "spent": …}, …}
  const YamlNode* parts = JsonField(&p, "budget", "parts");
  for (const auto& [name, part] : {std::pair{"fiscal", &FundingFigures::fiscal},
                                   std::pair{"carryover", &FundingFigures::carryover},
                                   std::pair{"other", &FundingFigures::other}}) {
    const YamlNode* figures = JsonField(parts, name);
    if (figures == nullptr) continue;
    if (const YamlNode* n = JsonField(figures, "total")) {
      if (part == &FundingFigures::fiscal) proj.fiscal = JsonNumber(n);
      if (part == &FundingFigures::carryover) proj.carryover = JsonNumber(n);
      if (part == &FundingFigures::other) proj.other = JsonNumber(n);
    }
    if (const YamlNode* n = JsonField(figures, "adjusted"); n && s.adjusted) {
      (*s.adjusted).*part = JsonNumber(n);
    }
    if (const YamlNode* n = JsonField(figures, "spent")) s.spent_parts.*part = JsonNumber(n);
  }
  s.achieved = JsonText(JsonField(&p, "achieved"));
  if (const YamlNode* goals = JsonField(&p, "goals"); goals != nullptr && goals->is_sequence()) {
    for (const YamlNode* g : goals->items) proj.goals.push_back(JsonText(g));
  }
  s.spent_text = JsonText(JsonField(&p, "budget", "spent"));
  s.rate = JsonNumber(JsonField(&p, "budget", "rate"));
  s.budget_weight = JsonNumber(JsonField(&p, "budget", "weight"));
  s.budget_score = JsonNumber(JsonField(&p, "budget", "score"));
  // The rate and its score exactly, from the amounts (the report rounds them).
  if (s.budget.sign() > 0) {
    s.rate = s.spent / s.budget;
    s.budget_score = Min(s.rate, 1) * s.budget_weight;
  }
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
      // The exact figures when the report wrote them (weight_exact: "50/3").
      is.weight = JsonNumber(JsonField(i, "weight"));
      is.score = JsonNumber(JsonField(i, "score"));
      if (const YamlNode* n = JsonField(i, "weight_exact"); n && n->is_scalar()) {
        is.weight = ParseExactText(n->value).value_or(is.weight);
      }
      if (const YamlNode* n = JsonField(i, "score_exact"); n && n->is_scalar()) {
        is.score = ParseExactText(n->value).value_or(is.score);
      }
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
      : ctx_(ctx), json_(lines) {}

  void Begin(std::ostream& out) override {
    if (json_.lines()) return;
    w_.BeginObject();
    w_.Key("tool").String("jixiao");
    w_.Key("version").String(JIXIAO_VERSION);
    w_.Key("rules").String(ctx_.rules->name);
    w_.Key("rules_digest").String(RulesDigest(*ctx_.rules));
    if (ctx_.policy != nullptr) WritePolicyJson(*ctx_.policy, &w_.Key("policy"));
    w_.Key("projects").BeginArray();
    json_.Flush(out);
  }

  void Project(const ProjectScore& s, bool complies, std::ostream& out) override {
    std::string o;
    Format(s, complies, &o);
    WriteFormatted(o, out);
  }

  bool FormatsAhead() const override { return true; }

  // A project is an element of the "projects" array (two containers deep),
  // or a line of its own (JSONL).
  void Format(const ProjectScore& s, bool complies, std::string* out) const override {
    JsonWriter w = json_.ProjectWriter(out);
    const jixiao::Project& p = s.project;
    w.BeginObject();
    WriteProjectHeadJson(p, &w);
    if (!p.supervisor_code.empty() || !p.supervisor_name.empty()) {
      w.Key("supervisor").BeginObject();
      w.Key("code").String(p.supervisor_code);
      w.Key("name").String(p.supervisor_name);
      w.EndObject();
    }
    w.Key("unit").String(p.unit);
    w.Key("budget").BeginObject();
    w.Key("total").Number(p.total.ToDecimalString());
    if (s.adjusted) w.Key("adjusted").Number(s.adjusted->total.ToDecimalString());
    w.Key("spent").Number(s.spent.ToDecimalString());
    w.Key("rate").Number(s.rate.FormatShort(4));
    w.Key("weight").Number(s.budget_weight.FormatShort(2));
    w.Key("score").Number(s.budget_score.FormatShort(2));
    w.Key("deviation").Bool(s.low_execution);
    w.Key("note").String(s.note);
    WriteParts(w, s);
    if (s.work) {  // --show-work
      w.Key("work").BeginObject();
      w.Key("spent").String(ExactText(s.spent));
      w.Key("budget").String(ExactText(s.budget));
      w.Key("rate").String(ExactText(s.rate));
      w.Key("weight").String(ExactText(s.budget_weight));
      w.Key("score").String(ExactText(s.budget_score));
      w.Key("score_rounded").String(s.budget_score.FormatFixed(2));
      w.Key("text").String(BudgetWorkLine(s));
      w.EndObject();
    }
    w.EndObject();
    if (!p.goals.empty()) {
      w.Key("goals").BeginArray();
      for (const std::string& g : p.goals) w.String(g);
      w.EndArray();
    }
    if (!s.achieved.empty()) w.Key("achieved").String(s.achieved);
    w.Key("indicators").BeginArray();
    for (size_t i = 0; i < s.indicators.size(); ++i) {
      const IndicatorScore& is = s.indicators[i];
      const Indicator& ind = p.indicators[is.index];
      w.BeginObject();
      w.Key("id").String(ind.key());
      w.Key("name").String(ind.name);
      w.Key("level1").String(ind.level1);
      w.Key("level2").String(ind.level2);
      w.Key("target").String(ind.target_text);
      w.Key("actual").String(is.actual_text);
      w.Key("kind").String(KindName(ind.target.kind));
      w.Key("weight").Number(is.weight.FormatShort(2));
      w.Key("score").Number(is.score.FormatShort(2));
      // The exact figures the summary adds up, when 2 decimals do not hold them.
      if (is.weight.Round(2) != is.weight) w.Key("weight_exact").String(ExactText(is.weight));
      if (is.score.Round(2) != is.score) w.Key("score_exact").String(ExactText(is.score));
      w.Key("status").String(StatusName(is.status));
      w.Key("deviation").Bool(is.deviation != DeviationKind::kNone);
      if (is.deviation != DeviationKind::kNone) {
        w.Key("deviation_kind").String(DeviationKindName(is.deviation));
      }
      w.Key("note").String(is.note);
      w.Key("line").Int(ind.loc.line);
      if (s.work) WriteWork(w, s, i);
      w.EndObject();
    }
    w.EndArray();
    w.Key("score").Number(s.total_rounded.FormatShort(2));
    w.Key("grade").String(s.grade);
    w.Key("met").Int(s.met);
    w.Key("unmet").Int(s.unmet);
    w.Key("not_applicable").Int(s.not_applicable);
    w.Key("complies").Bool(complies);
    w.EndObject();
    json_.EndProject(out);
  }

  void WriteFormatted(std::string_view bytes, std::ostream& out) override {
    json_.WriteProject(bytes, out);
  }

  // --show-work: the "work" object of indicator `i` (docs/reference.md §7).
  static void WriteWork(JsonWriter& jw, const ProjectScore& s, size_t i) {
    const ScoreWork& w = *s.work;
    const IndicatorScoreWork& iw = w.indicators[i];
    const IndicatorScore& is = s.indicators[i];
    jw.Key("work").BeginObject();
    jw.Key("nominal_weight").String(ExactText(iw.nominal));
    jw.Key("split").String(iw.explicit_weight || iw.pool.empty() ? "explicit" : "pool");
    if (!iw.explicit_weight && !iw.pool.empty()) {
      jw.Key("pool").String(iw.pool);
      jw.Key("pool_weight").String(ExactText(iw.pool_weight));
      jw.Key("pool_indicators").Int(iw.pool_indicators);
      jw.Key("indicator_weight").String(ExactText(w.indicator_weight));
      jw.Key("used_weight").String(ExactText(w.used));
      jw.Key("redistribution").String(ExactText(w.redistribution));
      jw.Key("empty_pools").BeginArray();
      for (const std::string& e : w.empty_pools) jw.String(e);
      jw.EndArray();
    }
    jw.Key("rescale_s").String(ExactText(w.all));
    jw.Key("rescale_r").String(ExactText(w.remaining));
    jw.Key("weight").String(ExactText(is.weight));
    jw.Key("formula").String(RatioFormulaName(iw.formula));
    switch (iw.formula) {
      case RatioFormula::kPositive:
      case RatioFormula::kReverse:
      case RatioFormula::kReverseLinear:
      case RatioFormula::kZeroTarget:
        jw.Key("a").String(ExactText(iw.a));
        jw.Key("b").String(ExactText(iw.b));
        jw.Key("raw").String(ExactText(iw.raw));
        break;
      case RatioFormula::kGrade:
        jw.Key("grade").String(is.actual_text);
        jw.Key("ratio_given").Bool(iw.grade_score_given);
        break;
      default: break;
    }
    jw.Key("ratio").String(ExactText(is.ratio));
    jw.Key("score").String(ExactText(is.score));
    jw.Key("score_rounded").String(is.score.FormatFixed(2));
    jw.Key("text").BeginArray();
    for (const std::string& line : IndicatorWorkLines(s, i)) jw.String(line);
    jw.EndArray();
    jw.EndObject();
  }

  // "parts": for each of fiscal, carryover and other known in the target's
  // budget, the actuals' budget or spent, its total, adjusted and spent.
  static void WriteParts(JsonWriter& w, const ProjectScore& s) {
    const FundingFigures target = TargetFunding(s.project);
    const FundingFigures* adjusted = s.adjusted ? &*s.adjusted : nullptr;
    if (!target.has_parts() && !(adjusted && adjusted->has_parts()) && !s.spent_parts.has_parts())
      return;
    w.Key("parts").BeginObject();
    for (const auto& [name, part] : {std::pair{"fiscal", &FundingFigures::fiscal},
                                     std::pair{"carryover", &FundingFigures::carryover},
                                     std::pair{"other", &FundingFigures::other}}) {
      if (!(target.*part) && !(adjusted && adjusted->*part) && !(s.spent_parts.*part)) continue;
      w.Key(name).BeginObject();
      PartNumber(&w, "total", &target, part);
      PartNumber(&w, "adjusted", adjusted, part);
      PartNumber(&w, "spent", &s.spent_parts, part);
      w.EndObject();
    }
    w.EndObject();
  }

  void End(const RunSummary& sum, const Diagnostics& diags, std::ostream& out) override {
    if (json_.lines()) {
      w_.BeginObject();
      w_.Key("tool").String("jixiao");
      w_.Key("version").String(JIXIAO_VERSION);
      w_.Key("rules").String(ctx_.rules->name);
      w_.Key("rules_digest").String(RulesDigest(*ctx_.rules));
      if (ctx_.policy != nullptr) WritePolicyJson(*ctx_.policy, &w_.Key("policy"));
    } else {
      w_.EndArray();
    }
    w_.Key("summary");
    WriteRunSummaryJson(sum, &w_);
    WriteDiagnosticsJson(diags, &w_);
    w_.EndObject();
    json_.FlushLine(out);
  }

 private:
  ReportContext ctx_;
  JsonReportStream json_;
  JsonWriter& w_ = json_.writer();
};

}  // namespace

std::unique_ptr<Reporter> MakeJsonReporter(const ReportContext& ctx) {
  return std::make_unique<JsonReporter>(ctx, false);
}

std::unique_ptr<Reporter> MakeJsonlReporter(const ReportContext& ctx) {
  return std::make_unique<JsonReporter>(ctx, true);
}

}  // namespace jixiao
