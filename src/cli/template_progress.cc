// The progress skeleton (template_progress.h).
#include "cli/template_progress.h"

#include <string_view>

#include <fmt/format.h>

#include "base/csv.h"
#include "base/messages.h"
#include "base/text.h"
#include "yaml/yaml_emit.h"

namespace jixiao {

namespace {

std::string AsOf(std::optional<int> year) {
  return year ? fmt::format("{}-07-31", *year) : "";
}

}  // namespace

std::string GoalsText(const Project& p) {
  std::string text;
  for (const std::string& g : p.goals) {
    // A goal that ends its sentence ("……显著提升。") takes no "；" after it.
    const bool ended = EndsWith(text, "。") || EndsWith(text, "；") || EndsWith(text, ";") ||
                       EndsWith(text, "！") || EndsWith(text, "？");
    if (!text.empty() && !ended) text += "；";
    text += g;
  }
  return text;
}

std::string ProgressTemplateHead(std::optional<int> year) {
  std::string o = Tr(MsgId::kMonTemplateHead);
  o += fmt::format("as_of: {}    # {}\n", year ? AsOf(year) : "", Tr(MsgId::kMonTemplateAsOf));
  if (year) o += fmt::format("year: {}\n", *year);
  return o + "projects:\n";
}

void AppendProgressProject(const Project& p, std::string* o) {
  *o += fmt::format("  - id: {}\n", YamlScalar(p.id));
  *o += fmt::format("    # {} — {} {} {} ({}:{})\n", p.project, Tr(MsgId::kMonTemplateBudget),
                    p.total.ToDecimalString(), p.unit, p.loc.file, p.loc.line);
  *o += fmt::format("    spent:    # {}\n", Tr(MsgId::kMonTemplateSpent, p.unit));
  *o += fmt::format("    forecast_spent:    # {}\n", Tr(MsgId::kMonTemplateForecastSpent));
  *o += fmt::format("    note: \"\"  # {}\n", Tr(MsgId::kMonTemplateNote));
  *o += fmt::format("    # budget:    # {}\n",
                    Tr(MsgId::kTemplateAdjusted, p.total.ToDecimalString(), p.unit));
  *o += fmt::format("    # achieved:  # {}\n", Tr(MsgId::kMonTemplateAchieved));
  *o += "    indicators:\n";
  for (const Indicator& ind : p.indicators) {
    *o += fmt::format("      {}:    # {}\n", YamlScalar(ind.key()),
                      Tr(MsgId::kMonTemplateIndicator, ind.target_text, ind.level1, ind.level2));
  }
}

std::string ProgressCsvHead(std::optional<int> year) {
  std::string o = "\xEF\xBB\xBF";  // Excel opens the sheet as UTF-8
  AppendCsvRow({"项目", "一级指标", "二级指标", "指标", "指标值", "实际值", "说明",
                "全年预计完成情况", "完成目标可能性", "偏差原因类别"},
               &o);
  AppendCsvRow({"", "", "", "截至日期", "", AsOf(year), "", "", "", ""}, &o);
  return o;
}

void AppendProgressProjectCsv(const Project& p, std::string* o) {
  AppendCsvRow({p.id, "", "", "执行数",
                fmt::format("{} {} {}（{}）", Tr(MsgId::kMonTemplateBudget),
                            p.total.ToDecimalString(), p.unit, p.project),
                "", "", "", "", ""},
               o);
  AppendCsvRow({p.id, "", "", "实际完成情况", GoalsText(p), "", "", "", "", ""}, o);
  for (const Indicator& ind : p.indicators) {
    AppendCsvRow({p.id, ind.level1, ind.level2, ind.key(), ind.target_text, "", "", "", "", ""},
                 o);
  }
}

}  // namespace jixiao
