// The JSON and JSONL reports of `jixiao monitor` (docs/reference.md §9).
#include <fmt/format.h>

#include "base/json_writer.h"
#include "report/monitor_common.h"
#include "report/monitor_report.h"
#include "report/report_json.h"

namespace jixiao {

namespace {

void LightCounts(const size_t (&lights)[kLightCount], JsonWriter* w) {
  for (int i = 0; i < kLightCount; ++i) {
    w->Key(LightKey(static_cast<Light>(i))).Int(static_cast<long long>(lights[i]));
  }
}

class MonitorJsonReporter : public MonitorReporter {
 public:
  // With `lines`, JSONL: one project a line, then one line with the
  // summary and diagnostics.
  MonitorJsonReporter(const MonitorReportContext& ctx, bool lines)
      : ctx_(ctx), json_(lines) {}

  void Begin(const MonitorRun* run, std::ostream& out) override {
    if (run != nullptr) run_ = *run;
    has_run_ = run != nullptr;
    if (json_.lines()) return;
    Head();
    w_.Key("projects").BeginArray();
    json_.Flush(out);
  }

  void Project(const ProjectMonitor& m, std::ostream& out) override {
    std::string o;
    Format(m, &o);
    WriteFormatted(o, out);
  }

  bool FormatsAhead() const override { return true; }

  // A project is an element of the "projects" array (two containers deep),
  // or a line of its own (JSONL).
  void Format(const ProjectMonitor& m, std::string* out) const override {
    JsonWriter w = json_.ProjectWriter(out);
    const jixiao::Project& p = m.project;
    const Rules& rules = *ctx_.report.rules;
    w.BeginObject();
    WriteProjectHeadJson(p, &w);
    w.Key("unit").String(p.unit);
    w.Key("light").String(LightKey(m.light));
    w.Key("budget").BeginObject();
    w.Key("total").Number(p.total.ToDecimalString());
    if (m.adjusted) w.Key("adjusted").Number(m.adjusted->total.ToDecimalString());
    w.Key("spent").Number(m.spent.ToDecimalString());
    w.Key("rate").Number(m.rate.FormatShort(4));
    w.Key("pace").Number(m.pace.FormatShort(4));
    w.Key("light").String(LightKey(m.budget_light));
    w.Key("forecast_spent");
    if (m.forecast_spent) {
      w.Number(m.forecast_spent->ToDecimalString());
    } else {
      w.Null();
    }
    w.Key("forecast_deviation").Bool(m.forecast_spent_low);
    w.Key("note").String(m.note);
    if (ctx_.show_work) w.Key("work").String(BudgetWork(m, run_, rules.monitor));
    w.EndObject();
    w.Key("indicators").BeginArray();
    for (const IndicatorMonitor& im : m.indicators) {
      const Indicator& ind = p.indicators[im.index];
      w.BeginObject();
      w.Key("id").String(ind.key());
      w.Key("name").String(ind.name);
      w.Key("level1").String(ind.level1);
      w.Key("level2").String(ind.level2);
      w.Key("target").String(ind.target_text);
      TextOrNull(w, "value", im.value_text);
      TextOrNull(w, "forecast", im.forecast_text);
      w.Key("likelihood");
      if (im.likelihood) {
        w.String(LikelihoodKey(*im.likelihood));
      } else {
        w.Null();
      }
      w.Key("reasons").BeginArray();
      for (Reason r : kReasons)
        if (im.reasons & r) w.String(ReasonKey(r));
      w.EndArray();
      if (im.not_applicable) {
        for (const char* key : {"basis", "ratio", "light", "judged", "figures"}) w.Key(key).Null();
      } else {
        w.Key("basis").String(BasisKey(im.basis));
        w.Key("ratio").Number(im.ratio.FormatShort(4));
        w.Key("light").String(LightKey(im.light));
        w.Key("judged").String(LightKey(im.judged));
        w.Key("figures").String(FiguresText(im, run_, rules.reverse));
      }
      w.Key("note").String(im.note);
      w.Key("line").Int(ind.loc.line);
      if (ctx_.show_work) w.Key("work").String(IndicatorWork(im, run_, rules));
      w.EndObject();
    }
    w.EndArray();
    w.Key("lights").BeginObject();
    for (int i = 0; i < kLightCount; ++i) w.Key(LightKey(static_cast<Light>(i))).Int(m.lights[i]);
    w.Key("not_applicable").Int(m.not_applicable);
    w.EndObject();
    w.EndObject();
    json_.EndProject(out);
  }

  void WriteFormatted(std::string_view bytes, std::ostream& out) override {
    json_.WriteProject(bytes, out);
  }

  void End(const MonitorSummary& s, const Diagnostics& diags, std::ostream& out) override {
    if (json_.lines()) {
      Head();
    } else {
      w_.EndArray();
    }
    w_.Key("summary").BeginObject();
    w_.Key("projects").Int(static_cast<long long>(s.projects));
    w_.Key("lights").BeginObject();
    LightCounts(s.lights, &w_);
    w_.EndObject();
    w_.Key("indicators").BeginObject();
    LightCounts(s.indicator_lights, &w_);
    w_.Key("not_applicable").Int(static_cast<long long>(s.not_applicable));
    w_.EndObject();
    w_.Key("departments").BeginArray();
    for (const MonitorSummary::Department& d : s.departments) {
      w_.BeginObject();
      w_.Key("code").String(d.code);
      w_.Key("name").String(d.name);
      w_.Key("projects").Int(static_cast<long long>(d.projects));
      w_.Key("lights").BeginObject();
      LightCounts(d.lights, &w_);
      w_.EndObject();
      w_.EndObject();
    }
    w_.EndArray();
    w_.EndObject();
    WriteDiagnosticsJson(diags, &w_);
    w_.EndObject();
    json_.FlushLine(out);
  }

 private:
  // The run's keys, before its projects (JSON) or its summary (JSONL).
  void Head() {
    w_.BeginObject();
    w_.Key("tool").String("jixiao");
    w_.Key("version").String(JIXIAO_VERSION);
    w_.Key("command").String("monitor");
    w_.Key("rules").String(ctx_.report.rules->name);
    if (has_run_) {
      w_.Key("as_of").String(FormatDate(run_.as_of.date));
      w_.Key("time_progress").Number(run_.progress.value.FormatShort(4));
      w_.Key("time_progress_method").String(TimeProgressMethodName(run_.method));
      if (ctx_.show_work) w_.Key("work").String(TimeProgressWork(run_));
    } else {
      w_.Key("as_of").Null();
      w_.Key("time_progress").Null();
    }
  }

  static void TextOrNull(JsonWriter& w, const char* key, const std::string& text) {
    w.Key(key);
    if (text.empty()) {
      w.Null();
    } else {
      w.String(text);
    }
  }

  MonitorReportContext ctx_;
  MonitorRun run_;
  bool has_run_ = false;
  JsonReportStream json_;
  JsonWriter& w_ = json_.writer();
};

}  // namespace

std::unique_ptr<MonitorReporter> MakeMonitorJsonReporter(const MonitorReportContext& ctx) {
  return std::make_unique<MonitorJsonReporter>(ctx, false);
}

std::unique_ptr<MonitorReporter> MakeMonitorJsonlReporter(const MonitorReportContext& ctx) {
  return std::make_unique<MonitorJsonReporter>(ctx, true);
}

}  // namespace jixiao
