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
      : ctx_(ctx), lines_(lines), w_(&buf_, lines ? 0 : 2) {}

  void Begin(const MonitorRun* run, std::ostream& out) override {
    if (run != nullptr) run_ = *run;
    has_run_ = run != nullptr;
    if (lines_) return;
    Head();
    w_.Key("projects").BeginArray();
    Flush(out);
  }

  void Project(const ProjectMonitor& m, std::ostream& out) override {
    const jixiao::Project& p = m.project;
    const Rules& rules = *ctx_.report.rules;
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
    w_.Key("light").String(LightKey(m.light));
    w_.Key("budget").BeginObject();
    w_.Key("total").Number(p.total.ToDecimalString());
    if (m.adjusted) w_.Key("adjusted").Number(m.adjusted->total.ToDecimalString());
    w_.Key("spent").Number(m.spent.ToDecimalString());
    w_.Key("rate").Number(m.rate.FormatShort(4));
    w_.Key("pace").Number(m.pace.FormatShort(4));
    w_.Key("light").String(LightKey(m.budget_light));
    w_.Key("forecast_spent");
    if (m.forecast_spent) {
      w_.Number(m.forecast_spent->ToDecimalString());
    } else {
      w_.Null();
    }
    w_.Key("forecast_deviation").Bool(m.forecast_spent_low);
    w_.Key("note").String(m.note);
    if (ctx_.show_work) w_.Key("work").String(BudgetWork(m, run_, rules.monitor));
    w_.EndObject();
    w_.Key("indicators").BeginArray();
    for (const IndicatorMonitor& im : m.indicators) {
      const Indicator& ind = p.indicators[im.index];
      w_.BeginObject();
      w_.Key("id").String(ind.key());
      w_.Key("name").String(ind.name);
      w_.Key("level1").String(ind.level1);
      w_.Key("level2").String(ind.level2);
      w_.Key("target").String(ind.target_text);
      TextOrNull("value", im.value_text);
      TextOrNull("forecast", im.forecast_text);
      w_.Key("likelihood");
      if (im.likelihood) {
        w_.String(LikelihoodKey(*im.likelihood));
      } else {
        w_.Null();
      }
      w_.Key("reasons").BeginArray();
      for (Reason r : kReasons)
        if (im.reasons & r) w_.String(ReasonKey(r));
      w_.EndArray();
      if (im.not_applicable) {
        for (const char* key : {"basis", "ratio", "light", "judged", "figures"}) w_.Key(key).Null();
      } else {
        w_.Key("basis").String(BasisKey(im.basis));
        w_.Key("ratio").Number(im.ratio.FormatShort(4));
        w_.Key("light").String(LightKey(im.light));
        w_.Key("judged").String(LightKey(im.judged));
        w_.Key("figures").String(FiguresText(im, run_, rules.reverse));
      }
      w_.Key("note").String(im.note);
      w_.Key("line").Int(ind.loc.line);
      if (ctx_.show_work) w_.Key("work").String(IndicatorWork(im, run_, rules));
      w_.EndObject();
    }
    w_.EndArray();
    w_.Key("lights").BeginObject();
    for (int i = 0; i < kLightCount; ++i) w_.Key(LightKey(static_cast<Light>(i))).Int(m.lights[i]);
    w_.Key("not_applicable").Int(m.not_applicable);
    w_.EndObject();
    w_.EndObject();
    if (lines_) buf_.push_back('\n');
    Flush(out);
  }

  void End(const MonitorSummary& s, const Diagnostics& diags, std::ostream& out) override {
    if (lines_) {
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
    buf_.push_back('\n');
    Flush(out);
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

  void TextOrNull(const char* key, const std::string& text) {
    w_.Key(key);
    if (text.empty()) {
      w_.Null();
    } else {
      w_.String(text);
    }
  }

  void Flush(std::ostream& out) {
    out << buf_;
    buf_.clear();
  }

  MonitorReportContext ctx_;
  bool lines_;
  MonitorRun run_;
  bool has_run_ = false;
  std::string buf_;
  JsonWriter w_;
};

}  // namespace

std::unique_ptr<MonitorReporter> MakeMonitorJsonReporter(const MonitorReportContext& ctx) {
  return std::make_unique<MonitorJsonReporter>(ctx, false);
}

std::unique_ptr<MonitorReporter> MakeMonitorJsonlReporter(const MonitorReportContext& ctx) {
  return std::make_unique<MonitorJsonReporter>(ctx, true);
}

}  // namespace jixiao
