// Import's output: project ids, file names and the target YAML of each
// imported project. See import.h.
#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "base/text.h"
#include "import/import.h"
#include "import/import_labels.h"
#include "yaml/yaml_emit.h"

namespace jixiao {

namespace {

using labels::IsSpace;

void AppendComment(std::string_view indent, std::string_view text, std::string* out) {
  *out += indent;
  *out += "# ";
  for (char c : text) out->push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  while (!out->empty() && out->back() == ' ') out->pop_back();
  *out += '\n';
}

void AppendNotes(const ImportedProject& p, const std::string& field, std::string_view indent,
                 std::string* out) {
  auto it = p.field_notes.find(field);
  if (it == p.field_notes.end()) return;
  for (const std::string& n : it->second) AppendComment(indent, n, out);
}

}  // namespace

std::string ProvinceCode(std::string_view name) {
  static const std::pair<std::string_view, std::string_view> kRegions[] = {
      {"北京", "BJ"}, {"天津", "TJ"}, {"河北", "HE"}, {"山西", "SX"}, {"内蒙古", "NM"},
      {"辽宁", "LN"}, {"吉林", "JL"}, {"黑龙江", "HL"}, {"上海", "SH"}, {"江苏", "JS"},
      {"浙江", "ZJ"}, {"安徽", "AH"}, {"福建", "FJ"}, {"江西", "JX"}, {"山东", "SD"},
      {"河南", "HA"}, {"湖北", "HB"}, {"湖南", "HN"}, {"广东", "GD"}, {"广西", "GX"},
      {"海南", "HI"}, {"重庆", "CQ"}, {"四川", "SC"}, {"贵州", "GZ"}, {"云南", "YN"},
      {"西藏", "XZ"}, {"陕西", "SN"}, {"甘肃", "GS"}, {"青海", "QH"}, {"宁夏", "NX"},
      {"新疆", "XJ"}, {"台湾", "TW"}, {"香港", "HK"}, {"澳门", "MO"},
  };
  std::string_view s = Trim(name);
  for (const auto& [region, code] : kRegions) {
    if (StartsWith(s, region)) return std::string(code);
  }
  return {};
}

void AssignIds(std::vector<ImportedProject>* projects, const ImportOptions& opts) {
  std::map<std::string, int> sequence;
  for (ImportedProject& p : *projects) {
    std::string prefix =
        opts.id_prefix == "auto" ? ProvinceCode(p.department_name) : opts.id_prefix;
    std::string base;
    for (const std::string& part : {prefix, p.department_code, std::to_string(p.year)}) {
      if (part.empty()) continue;
      if (!base.empty()) base += '-';
      base += part;
    }
    int n = ++sequence[base];
    p.id = fmt::format("{}-{:02d}", base, n);
  }
}

std::string ProjectYaml(const ImportedProject& p, ProjectYamlLines* lines) {
  std::string o;
  AppendComment("", fmt::format("绩效目标表：{}", p.project), &o);
  AppendComment("",
                fmt::format("由 jixiao import 导入 / imported by jixiao import from {} ({}, "
                            "第 {} 个项目 / project {} of the document)",
                            p.file, DescribePlace(p.at, Lang::kEn), p.number, p.number),
                &o);
  for (const std::string& n : p.notes) AppendComment("", n, &o);
  AppendNotes(p, "project", "", &o);
  o += fmt::format("project: {}\n", YamlScalar(p.project));
  if (!p.id.empty()) o += fmt::format("id: {}\n", YamlScalar(p.id));
  AppendNotes(p, "year", "", &o);
  o += fmt::format("year: {}\n", p.year);
  if (!p.department_code.empty() || !p.department_name.empty()) {
    o += "department:\n";
    if (!p.department_code.empty()) o += fmt::format("  code: {}\n", YamlScalar(p.department_code));
    if (!p.department_name.empty()) o += fmt::format("  name: {}\n", YamlScalar(p.department_name));
  }
  if (!p.supervisor_code.empty() || !p.supervisor_name.empty()) {
    o += "supervisor:\n";
    if (!p.supervisor_code.empty()) o += fmt::format("  code: {}\n", YamlScalar(p.supervisor_code));
    if (!p.supervisor_name.empty()) o += fmt::format("  name: {}\n", YamlScalar(p.supervisor_name));
  }
  AppendNotes(p, "unit", "", &o);
  o += fmt::format("unit: {}\n", YamlScalar(p.unit));
  o += "budget:\n";
  AppendNotes(p, "budget.total", "  ", &o);
  o += fmt::format("  total: {}\n", p.total.empty() ? "0" : p.total);
  AppendNotes(p, "budget.fiscal", "  ", &o);
  if (!p.fiscal.empty()) o += fmt::format("  fiscal: {}\n", p.fiscal);
  AppendNotes(p, "budget.carryover", "  ", &o);
  if (!p.carryover.empty()) o += fmt::format("  carryover: {}\n", p.carryover);
  AppendNotes(p, "budget.other", "  ", &o);
  if (!p.other.empty()) o += fmt::format("  other: {}\n", p.other);
  if (!p.purpose.empty()) o += fmt::format("purpose: {}\n", YamlScalar(p.purpose));
  AppendNotes(p, "goals", "", &o);
  if (!p.goals.empty()) {
    o += "goals:\n";
    for (const std::string& g : p.goals) o += fmt::format("  - {}\n", YamlScalar(g));
  }
  AppendNotes(p, "indicators", "", &o);
  o += "indicators:\n";
  // The line the next text appended starts: lines so far, plus one.
  size_t line = 0;
  size_t counted = 0;  // the bytes of `o` counted into `line`
  auto next_line = [&] {
    line += static_cast<size_t>(std::count(o.begin() + static_cast<std::ptrdiff_t>(counted), o.end(), '\n'));
    counted = o.size();
    return line + 1;
  };
  if (lines) *lines = ProjectYamlLines{};
  for (const ImportedIndicator& ind : p.indicators) {
    for (const std::string& n : ind.notes) AppendComment("  ", n, &o);
    if (lines) lines->indicator.push_back(next_line());
    o += fmt::format("  - level1: {}\n", YamlScalar(ind.level1));
    o += fmt::format("    level2: {}\n", YamlScalar(ind.level2));
    o += fmt::format("    name: {}\n", YamlScalar(ind.name));
    if (!ind.description.empty()) o += fmt::format("    description: {}\n", YamlScalar(ind.description));
    if (lines) lines->target.push_back(next_line());
    o += fmt::format("    target: {}\n", YamlScalar(ind.target));
    if (!ind.weight.empty()) o += fmt::format("    weight: {}\n", ind.weight);
    if (!ind.id.empty()) o += fmt::format("    id: {}\n", YamlScalar(ind.id));
  }
  if (!p.unread.empty()) {
    o += "# 未导入的单元格 / not imported (no field of a target file holds them):\n";
    for (const std::string& u : p.unread) AppendComment("", u, &o);
  }
  return o;
}

std::string ProjectFileName(const ImportedProject& p) {
  std::string base = p.id.empty() ? p.project : p.id;
  std::string out;
  size_t pos = 0;
  while (pos < base.size()) {
    size_t start = pos;
    char32_t cp = DecodeUtf8(base, &pos);
    bool unsafe = cp < 0x20 || cp == 0x7F || cp == 0xFFFD || IsSpace(cp) ||
                  std::u32string_view(U"/\\:*?\"<>|").find(cp) != std::u32string_view::npos;
    if (out.size() + (pos - start) > 120) break;
    if (unsafe) {
      out.push_back('_');
    } else {
      out.append(base, start, pos - start);
    }
  }
  while (!out.empty() && out.front() == '.') out.front() = '_';
  if (out.empty()) out = "project";
  return out + ".yaml";
}

}  // namespace jixiao
