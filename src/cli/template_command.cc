// `jixiao template`: an actuals skeleton to fill in.
#include <algorithm>
#include <string_view>
#include <sys/stat.h>

#include <fmt/format.h>

#include "base/csv.h"
#include "base/text.h"

#include "cli/commands.h"
#include "report/diagnostic_format.h"
#include "report/report_common.h"
#include "yaml/inputs.h"
#include "cli/output.h"
#include "cli/template_progress.h"
#include "model/rules_file.h"
#include "score/batch.h"
#include "model/target_loader.h"
#include "yaml/yaml_emit.h"

namespace jixiao {

namespace {

// Appends one project's entry of the skeleton, its comments in the
// current language.
void AppendProject(const Project& p, std::string* o) {
  const std::string total = p.total.ToDecimalString();
  *o += fmt::format("  - id: {}\n", YamlScalar(p.id));
  *o += fmt::format("    # {} — {} {} {} ({}:{})\n", p.project, Tr(MsgId::kTemplateBudget), total,
                    p.unit, p.loc.file, p.loc.line);
  *o += fmt::format("    spent:    # {}\n", Tr(MsgId::kTemplateSpent, p.unit));
  *o += fmt::format("    note: \"\"  # {}\n", Tr(MsgId::kTemplateNote));
  *o += fmt::format("    # budget:    # {}\n", Tr(MsgId::kTemplateAdjusted, total, p.unit));
  *o += fmt::format("    # achieved:  # {}\n", Tr(MsgId::kTemplateAchieved));
  *o += "    indicators:\n";
  for (const Indicator& ind : p.indicators) {
    std::string_view hint = Text(MsgId::kTemplateHintValue);
    if (ind.target.kind == TargetKind::kDate) hint = Text(MsgId::kTemplateHintDate);
    // A grade is shown as it is written, in either language.
    if (ind.target.kind == TargetKind::kQualitative) hint = "{grade: 达成|部分达成|未达成, note: …}";
    *o += fmt::format("      {}:    # {}\n", YamlScalar(ind.key()),
                      Tr(MsgId::kTemplateIndicator, ind.target_text, ind.level1, ind.level2, hint));
  }
}

// The header of the CSV skeleton: the columns the CSV actuals reader takes
// (项目, 指标, 实际值, 说明), and between them the indicator's place and its
// target, which it reads and ignores (docs/reference.md §2.2).
constexpr char kCsvHeader[] = "项目,一级指标,二级指标,指标,指标值,实际值,说明\r\n";

// Appends one project's rows of the CSV skeleton: its spending (全年执行数),
// a row for what its overall goals came to (实际完成情况, the goals in its
// 指标值 cell), then one row per indicator, each with its target in its own
// column.
void AppendProjectCsv(const Project& p, std::string* o) {
  AppendCsvRow({p.id, "", "", "全年执行数",
                fmt::format("{} {} {}（{}）", Tr(MsgId::kTemplateBudget),
                            p.total.ToDecimalString(), p.unit, p.project),
                "",
                ""},
               o);
  AppendCsvRow({p.id, "", "", "实际完成情况", GoalsText(p), "", ""}, o);
  for (const Indicator& ind : p.indicators) {
    AppendCsvRow({p.id, ind.level1, ind.level2, ind.key(), ind.target_text, "", ""}, o);
  }
}

}  // namespace

int RunTemplate(const Options& opts, const Terminal& term, std::ostream& out, std::ostream& err) {
  Diagnostics diags;
  // `-o actuals.csv` (or `ACTUALS.CSV`) alone asks for the CSV skeleton
  // (ParseOutputSpecs), as the readers take such a name for CSV.
  std::vector<OutputSpec> specs = ParseOutputSpecs(opts, FormatsOf("template"), &diags);
  if (diags.has_errors()) {
    PrintDiagnostics(diags, term, err);
    return kExitError;
  }
  PathList files = ExpandInputs(opts.targets, {".yaml", ".yml"}, &diags);
  // An input is refused whatever --force says (JX0714), so that is said
  // first: "add --force" would only lead to it.
  if (!CheckOutputsAgainstInputs(specs, opts, {&files}, &diags)) {
    PrintDiagnostics(diags, term, err);
    return kExitError;
  }
  if (!opts.force) {
    const size_t before = diags.error_count();
    RefuseExistingFiles(specs, MsgId::kTemplateExists, &diags);
    if (diags.error_count() != before) {
      PrintDiagnostics(diags, term, err);
      return kExitError;
    }
  }
  const size_t errors_before_rules = diags.error_count();
  Rules rules = LoadRules(opts.rules_file, opts.limits, &diags);
  std::string body, csv_body;
  const bool want_csv = std::any_of(specs.begin(), specs.end(),
                                    [](const OutputSpec& s) { return s.format == "csv"; });
  const bool want_yaml = std::any_of(specs.begin(), specs.end(),
                                     [](const OutputSpec& s) { return s.format != "csv"; });
  std::optional<int> year;
  bool one_year = true;
  size_t projects = 0;
  if (diags.error_count() == errors_before_rules) {
    ProjectIdRegistry ids;
    ReadTargetsInOrder(
        files, rules, opts.limits, ResolveJobs(opts.jobs),
        [](Project&& p, LoadedItem* item, Diagnostics*) { item->project = std::make_unique<Project>(std::move(p)); },
        [&](LoadedItem&& item) {
          diags.Append(std::move(item.diags));
          if (item.kind != LoadedItem::Kind::kProject || !ids.Register(item, &diags)) return;
          ++projects;
          if (year && *year != item.project->year) one_year = false;
          year = item.project->year;
          if (want_yaml) {
            (opts.template_progress ? AppendProgressProject : AppendProject)(*item.project, &body);
          }
          if (want_csv) {
            (opts.template_progress ? AppendProgressProjectCsv : AppendProjectCsv)(*item.project,
                                                                                   &csv_body);
          }
        });
    if (projects == 0 && !diags.has_errors()) {
      diags.Error({}, MsgId::kNoProjects);
    }
  }
  if (opts.strict) diags.PromoteWarnings();
  PrintDiagnostics(diags, term, err);
  if (diags.has_errors()) {
    // Said in words: no file appears, and a run of many files may scroll
    // the errors away.
    err << Tr(MsgId::kTemplateNotWritten,
              Counted(diags.error_count(), MsgId::kCountError, MsgId::kCliCountErrors))
        << "\n";
    return kExitError;
  }
  std::string text = Tr(MsgId::kTemplateHead);
  if (year && one_year) text += fmt::format("year: {}\n", *year);
  text += "projects:\n" + body;
  // The CSV skeleton opens in Excel as it is: a UTF-8 byte order mark and
  // CRLF line ends.
  if (opts.template_progress) text = ProgressTemplateHead(one_year ? year : std::nullopt) + body;
  const std::string csv = opts.template_progress
                              ? ProgressCsvHead(one_year ? year : std::nullopt) + csv_body
                              : "\xEF\xBB\xBF" + std::string(kCsvHeader) + csv_body;
  for (const OutputSpec& s : specs)
    if (!WriteOutput(s, s.format == "csv" ? csv : text, out, err)) return kExitError;
  return kExitOk;
}

}  // namespace jixiao
