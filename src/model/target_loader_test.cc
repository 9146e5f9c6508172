#include "model/target_loader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "base/text.h"

namespace jixiao {

namespace {

// What TargetLoader::LoadSource delivered for one text.
struct Loaded {
  Diagnostics diags;
  std::vector<Project> projects;
  std::vector<std::pair<std::string, std::string>> rejected;  // id, name
  LoadStats stats;
};

Loaded Load(const std::string& text, const YamlLimits& limits = {}) {
  static const Rules rules = Rules::Default();
  Loaded l;
  TargetLoader loader(rules, limits, &l.diags);
  loader.LoadSource(
      Source{"t.yaml", text},
      [&](Project&& p, const Source& src) {
        CHECK(src.path == "t.yaml");
        l.projects.push_back(std::move(p));
      },
      [&](const std::string& id, const std::string& name) { l.rejected.emplace_back(id, name); });
  l.stats = loader.stats();
  return l;
}

// Every error as a line "line:column: message", in order.
std::string Errors(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d.all()) {
    if (x.severity == Severity::kError)
      out +=
          std::to_string(x.loc.line) + ":" + std::to_string(x.loc.column) + ": " + x.message + "\n";
  }
  return out;
}

std::string ErrorsOf(const std::string& text, const YamlLimits& limits = {}) {
  return Errors(Load(text, limits).diags);
}

// The one error of `d`; fails the test when there is not exactly one.
Diagnostic OnlyError(const Diagnostics& d) {
  REQUIRE(d.error_count() == 1);
  for (Diagnostic x : d.all())
    if (x.severity == Severity::kError) return x;
  return {};
}

// A project with `indicators` (lines of "  - {...}") and budget `budget`.
std::string ProjectYaml(const std::string& indicators, const std::string& budget = "{total: 6}") {
  return "project: 项目\nyear: 2024\nbudget: " + budget + "\nindicators:\n" + indicators;
}

std::string Ind(const std::string& name, const std::string& target = "4台",
                const std::string& extra = "") {
  return "  - {level1: 产出指标, level2: 数量指标, name: " + name + ", target: \"" + target + "\"" +
         extra + "}\n";
}

const char kValidProject[] =
    "project: 项目\n"
    "year: 2024\n"
    "budget: {total: 6}\n"
    "indicators:\n"
    "  - {level1: 产出指标, level2: 数量指标, name: 数量, target: 4台}\n";

}  // namespace

TEST_CASE("a valid project: every field read, the id defaults to the name") {
  Loaded l = Load(
      "project: 辐射安全项目\n"
      "year: 2024\n"
      "department: {code: \"362303\", name: 执法总队}\n"
      "unit: 千元\n"
      "budget: {total: 6.00, fiscal: 5.5, other: 0.5}\n"
      "purpose: 配备设备\n"
      "goals: [提高能力, 强化效能]\n"
      "indicators:\n"
      "  - {level1: 产出指标, level2: 数量指标, name: 购置设备数量, target: 4台}\n"
      "  - level1: 满意度指标\n"
      "    level2: 服务对象满意度指标\n"
      "    name: 满意度\n"
      "    description: 执法人员满意度\n"
      "    target: ≥90%\n");
  CHECK(l.diags.empty());
  REQUIRE(l.projects.size() == 1);
  const Project& p = l.projects[0];
  CHECK(p.project == "辐射安全项目");
  CHECK(p.id == "辐射安全项目");
  CHECK(p.year == 2024);
  CHECK(p.department_code == "362303");
  CHECK(p.department_name == "执法总队");
  CHECK(p.unit == "千元");
  CHECK(p.total == Rational(6));
  CHECK(p.fiscal == Rational(BigInt(11), BigInt(2)));
  CHECK(p.other == Rational(BigInt(1), BigInt(2)));
  CHECK(p.purpose == "配备设备");
  CHECK(p.goals == std::vector<std::string>{"提高能力", "强化效能"});
  CHECK(p.loc.line == 1);
  CHECK(p.id_loc.line == 1);
  CHECK(p.id_loc.column == 10);  // the name, which is the id
  REQUIRE(p.indicators.size() == 2);
  const Indicator& a = p.indicators[0];
  CHECK(a.level1 == "产出指标");
  CHECK(a.level2 == "数量指标");
  CHECK(a.name == "购置设备数量");
  CHECK(a.key() == "购置设备数量");
  CHECK(a.target_text == "4台");
  CHECK(a.target.kind == TargetKind::kQuantity);
  CHECK_FALSE(a.weight.has_value());
  CHECK(a.loc.line == 9);
  CHECK(a.target_loc.line == 9);
  const Indicator& b = p.indicators[1];
  CHECK(b.description == "执法人员满意度");
  CHECK(b.target.cmp == Comparator::kGe);
  CHECK(b.loc.line == 10);
  CHECK(b.loc.column == 5);
  CHECK(b.target_loc.line == 14);
  CHECK(b.target_loc.column == 13);
  CHECK(l.stats.documents == 1);
  CHECK(l.stats.projects == 1);
  CHECK(l.stats.indicators == 2);
}

TEST_CASE("an explicit id is the project's id, located where it is written") {
  const std::string rest = "year: 2024\nbudget: {total: 6}\nindicators:\n" + Ind("数量");
  Loaded l = Load("project: 项目\nid: P-01\n" + rest);
  REQUIRE(l.projects.size() == 1);
  CHECK(l.projects[0].id == "P-01");
  CHECK(l.projects[0].id_loc.line == 2);
  CHECK(l.projects[0].id_loc.column == 5);
  Loaded blank = Load("project: 项目\nid: \" \"\n" + rest);
  CHECK(Errors(blank.diags) == "2:5: 'id' must not be blank\n");
}

TEST_CASE("every problem of a document is reported, and its id and name go to the caller") {
  Loaded l = Load(
      "project: 乙项目\n"
      "id: B-01\n"
      "budget: {total: 6}\n"
      "indicators:\n"
      "  - {level1: 产出指标, level2: 数量指标, name: 数量, target: \"≥5台〜\"}\n"
      "  - {level1: 产出指, level2: 质量指标, name: 质量, target: 100%}\n");
  CHECK(l.projects.empty());
  CHECK(Errors(l.diags) ==
        "1:1: missing required key 'year' in a target project\n"
        "5:52: bad target '≥5台〜': " +
            ParseTarget("≥5台〜").error() +
            "\n"
            "6:14: unknown 一级指标 (level1) '产出指': did you mean '产出指标'?\n");
  CHECK(l.rejected == std::vector<std::pair<std::string, std::string>>{{"B-01", "乙项目"}});
  CHECK(l.stats.documents == 1);
  CHECK(l.stats.projects == 0);
  CHECK(l.stats.indicators == 0);
}

TEST_CASE("a warning does not reject a project") {
  // A cost target without a comparator means "more is better": likely a
  // mistake, but a valid target.
  Loaded l =
      Load(ProjectYaml("  - {level1: 产出指标, level2: 成本指标, name: 总投资, target: 6万元}\n"));
  CHECK(l.diags.error_count() == 0);
  REQUIRE(l.diags.warning_count() == 1);
  CHECK(l.diags.all()[0].message ==
        "target '6万元' of 成本指标 '总投资' has no comparator, so more is better; did you mean "
        "'≤6万元'?");
  CHECK(l.projects.size() == 1);
  CHECK(l.rejected.empty());
}

TEST_CASE("fiscal and other must add up to the total, and neither exceed it") {
  CHECK(Load(ProjectYaml(Ind("数量"), "{total: 6, fiscal: 4.5, other: 1.5}")).diags.empty());
  CHECK(ErrorsOf(ProjectYaml(Ind("数量"), "{total: 6, fiscal: 4.5, other: 1}")) ==
        "3:28: fiscal (4.5) + other (1) = 5.5, but total is 6: they must add up (an absent part "
        "counts as 0)\n");
  CHECK(ErrorsOf(ProjectYaml(Ind("数量"), "{total: 6, fiscal: 7}")) ==
        "3:28: fiscal (7) is larger than total (6)\n");
  CHECK(ErrorsOf(ProjectYaml(Ind("数量"), "{total: 6, other: 6.01}")) ==
        "3:27: other (6.01) is larger than total (6)\n");
  CHECK(ErrorsOf(ProjectYaml(Ind("数量"), "{total: 0}")) ==
        "3:17: budget 'total' (全年预算数) must be greater than 0, not 0\n");
  CHECK(ErrorsOf(ProjectYaml(Ind("数量"), "{total: 6, fiscal: -1}")) ==
        "3:28: budget 'fiscal' must not be negative\n");
}

TEST_CASE("weights: all or none, adding up to the rules' indicator weight within 0.01") {
  // Default rules: the indicators share 90 points.
  Loaded ok =
      Load(ProjectYaml(Ind("甲", "4台", ", weight: 45") + Ind("乙", "4台", ", weight: 44.99")));
  CHECK(ok.diags.empty());
  REQUIRE(ok.projects.size() == 1);
  CHECK(ok.projects[0].indicators[1].weight == Rational(BigInt(4499), BigInt(100)));
  // 45 + 44.98 = 89.98: 0.02 short.
  const std::string short_by_002 =
      ProjectYaml(Ind("甲", "4台", ", weight: 45") + Ind("乙", "4台", ", weight: 44.98"));
  CHECK(ErrorsOf(short_by_002) ==
        "5:3: indicator weights add up to 89.98, but must add up to 90 (±0.01): 100 less "
        "the 10 of 预算执行率 (budget execution)\n");
  CHECK(ErrorsOf(ProjectYaml(Ind("甲", "4台", ", weight: 90") + Ind("乙"))) ==
        "6:5: indicator '乙' has no 'weight', but others do: give every indicator a weight "
        "or none\n");
  CHECK(ErrorsOf(ProjectYaml(Ind("甲", "4台", ", weight: 91"))) ==
        "5:65: 'weight' must be greater than 0 and at most 90, not 91\n"
        "5:3: indicator weights add up to 91, but must add up to 90 (±0.01): 100 less "
        "the 10 of 预算执行率 (budget execution)\n");
}

TEST_CASE("indicator names are unique within a project, unless ids tell them apart") {
  CHECK(ErrorsOf(ProjectYaml(Ind("数量") + Ind("数量", "5台"))) ==
        "6:5: indicator name '数量' is given twice in this project (first on line 5); rename "
        "one or give each an 'id'\n");
  CHECK(Load(ProjectYaml(Ind("数量", "4台", ", id: a") + Ind("数量", "5台", ", id: b")))
            .diags.empty());
  CHECK(ErrorsOf(ProjectYaml(Ind("甲", "4台", ", id: a") + Ind("乙", "5台", ", id: a"))) ==
        "6:5: indicator id 'a' is given twice in this project (first on line 5); indicator "
        "ids must be unique\n");
  // The same name in two projects is no concern of the loader.
  Loaded two = Load(ProjectYaml(Ind("数量")) + "---\n" + ProjectYaml(Ind("数量")));
  CHECK(two.diags.empty());
  CHECK(two.projects.size() == 2);
}

TEST_CASE("the taxonomy: level2 must belong to its level1") {
  CHECK(
      ErrorsOf(ProjectYaml("  - {level1: 效益指标, level2: 数量指标, name: 甲, target: 4台}\n")) ==
      "5:28: 二级指标 (level2) '数量指标' belongs to 产出指标, not to 效益指标\n");
  CHECK(
      ErrorsOf(ProjectYaml("  - {level1: 产出指标, level2: 数量, name: 甲, target: 4台}\n")) ==
      "5:28: unknown 二级指标 (level2) '数量' under 产出指标: expected one of 数量指标, 质量指标, "
      "时效指标, 成本指标\n");
}

TEST_CASE("a project over max_indicators is an error at the first indicator too many") {
  YamlLimits limits;
  limits.max_indicators = 2;
  CHECK(Load(ProjectYaml(Ind("甲") + Ind("乙")), limits).diags.empty());
  Loaded l = Load(ProjectYaml(Ind("甲") + Ind("乙") + Ind("丙")), limits);
  CHECK(Errors(l.diags) ==
        "7:5: a project may have at most 2 indicators, and this one has 3: split it, or raise "
        "the limit with --max-indicators\n");
  CHECK(l.rejected.size() == 1);
}

TEST_CASE("IsActualsDocument: a map with 'projects' and without 'project'") {
  auto is_actuals = [](const std::string& text) {
    bool result = false;
    Source src{"t.yaml", text};
    Diagnostics d;
    ParseYamlStream(src, {}, &d, [&](const YamlDocument& doc) { result = IsActualsDocument(doc); });
    REQUIRE(d.empty());
    return result;
  };
  CHECK(is_actuals("projects:\n  - {project: 甲, spent: 1}\n"));
  CHECK(is_actuals("projects: []\nx-note: 1\n"));
  CHECK_FALSE(is_actuals("project: 甲\nprojects: []\n"));
  CHECK_FALSE(is_actuals(kValidProject));
  CHECK_FALSE(is_actuals("- projects: []\n"));
  CHECK_FALSE(is_actuals("projects\n"));
}

TEST_CASE("IsRulesDocument: a rules-only key and no key of a target project") {
  auto is_rules = [](const std::string& text) {
    bool result = false;
    Source src{"t.yaml", text};
    Diagnostics d;
    ParseYamlStream(src, {}, &d, [&](const YamlDocument& doc) { result = IsRulesDocument(doc); });
    REQUIRE(d.empty());
    return result;
  };
  CHECK(is_rules("name: hubei\nexecution_weight: 20\n"));
  CHECK(is_rules("grades: {优: 80, 差: 0}\n"));
  CHECK(is_rules("reverse: lineer\nx-note: 1\n"));  // a bad rules file is still one
  CHECK_FALSE(is_rules("name: 甲\n"));  // `name` alone: not enough to tell
  CHECK_FALSE(is_rules("name: 甲\ngrades: {优: 90}\nindicators: []\n"));  // a target's key
  CHECK_FALSE(is_rules(kValidProject));
  CHECK_FALSE(is_rules("projects: []\nreverse: linear\n"));
  CHECK_FALSE(is_rules("- reverse: linear\n"));
}

TEST_CASE("TargetLoader: a rules file beside the targets is validated, not delivered") {
  Loaded l = Load("name: hubei\nexecution_weight: 20\npools: {产出指标: 40, 效益指标: 30, "
                  "满意度指标: 10}\n---\n" + ProjectYaml(Ind("甲")));
  CHECK(l.diags.empty());
  CHECK(l.stats.rules_documents == 1);
  REQUIRE(l.projects.size() == 1);  // scored under the loader's rules, not the file's
  Loaded bad = Load("execution_weight: 20\n");  // 20 + 90 != 100
  CHECK(bad.diags.error_count() == 1);
  CHECK(Errors(bad.diags).find("must be exactly 100") != std::string::npos);
  CHECK(bad.projects.empty());
  CHECK(bad.rejected.empty());
}

TEST_CASE("TargetLoader: projects in input order; actuals validated, not delivered") {
  Loaded l = Load(ProjectYaml(Ind("甲")) +
                  "---\nproject: 乙\nyear: 1900\nbudget: {total: 6}\nindicators:\n" + Ind("乙") +
                  "---\nprojects:\n  - {project: 甲, spent: 5}\n" +
                  "---\nproject: 丙\nid: C\nyear: 2024\nbudget: {total: 6}\nindicators:\n" +
                  Ind("丙") + Ind("丁"));
  CHECK(Errors(l.diags) ==
        "8:7: 'year' must be a whole number from 1950 to 2100, not "
        "the number 1900\n");
  REQUIRE(l.projects.size() == 2);
  CHECK(l.projects[0].project == "项目");
  CHECK(l.projects[1].id == "C");
  CHECK(l.projects[1].loc.line == 16);
  CHECK(l.rejected == std::vector<std::pair<std::string, std::string>>{{"乙", "乙"}});
  CHECK(l.stats.files == 0);  // LoadSource reads no file
  CHECK(l.stats.documents == 4);
  CHECK(l.stats.actuals_documents == 1);
  CHECK(l.stats.projects == 2);
  CHECK(l.stats.indicators == 3);
  // An actuals document with errors is reported as such.
  Loaded bad = Load("projects:\n  - {project: 甲}\n");
  CHECK(bad.diags.error_count() == 1);
  CHECK(bad.projects.empty());
  CHECK(bad.rejected.empty());
}

TEST_CASE("TargetLoader: a file without a document is an error; input limits apply") {
  Loaded empty = Load("# only a comment\n");
  const Diagnostic d = OnlyError(empty.diags);
  CHECK(d.loc.file == "t.yaml");
  CHECK(d.loc.line == 0);
  CHECK(d.message == "the file holds no YAML document: expected at least one target project");
  YamlLimits small;
  small.max_file_bytes = 10;
  Loaded big = Load(kValidProject, small);
  CHECK(big.diags.error_count() == 1);
  CHECK(big.projects.empty());
  CHECK(big.stats.documents == 0);
  Loaded binary = Load(std::string("project: \0", 10));
  CHECK(binary.diags.error_count() == 1);
  CHECK(binary.stats.documents == 0);
}

TEST_CASE("an empty document is reported at its ---, not past the end of the file") {
  const std::string project = ProjectYaml(Ind("甲"));
  const int lines = static_cast<int>(std::count(project.begin(), project.end(), '\n'));
  const std::string after = std::to_string(lines + 1) + ":1: empty document";
  // A --- at the end, with or without its line end or a comment after it.
  CHECK(ErrorsOf(project + "---\n").rfind(after, 0) == 0);
  CHECK(ErrorsOf(project + "---").rfind(after, 0) == 0);
  CHECK(ErrorsOf(project + "---\n# 备注\n").rfind(after, 0) == 0);
  // Two in a row: each at its own.
  CHECK(ErrorsOf("---\n---\n").rfind("1:1: empty document", 0) == 0);
  CHECK(ErrorsOf("---\n---\n").find("\n2:1: empty document") != std::string::npos);
  // A null written out stays where it is written.
  CHECK(ErrorsOf("---\n~\n").rfind("2:1: empty document", 0) == 0);
}

TEST_CASE("TargetLoader::LoadFile counts every file, read or not") {
  static const Rules rules = Rules::Default();
  YamlLimits limits;
  Diagnostics diags;
  TargetLoader loader(rules, limits, &diags);
  std::vector<std::string> names;
  auto collect = [&](Project&& p, const Source& src) {
    names.push_back(p.id);
    CHECK(src.path ==
          std::string(JIXIAO_SOURCE_DIR) + "/examples/targets/01-radiation-safety.yaml");
  };
  loader.LoadFile(std::string(JIXIAO_SOURCE_DIR) + "/examples/targets/01-radiation-safety.yaml",
                  collect);
  CHECK(diags.empty());
  CHECK(names == std::vector<std::string>{"TJ-362303-2024-01"});
  loader.LoadFile(std::string(JIXIAO_SOURCE_DIR) + "/tests/fixtures/no-such-file.yaml", collect);
  CHECK(diags.error_count() == 1);
  CHECK(loader.stats().files == 2);
  CHECK(loader.stats().projects == 1);
  CHECK(loader.stats().indicators == 6);
}

TEST_CASE("an unknown key is quoted whole, whatever its characters") {
  Loaded l = Load(std::string(kValidProject) + "、,: 1\n");
  CHECK(Errors(l.diags) ==
        "6:1: unknown key '、,' in a target project: expected one of project, id, year, "
        "department, supervisor, unit, budget, purpose, goals, indicators (or a key starting with 'x-', "
        "which is ignored)\n");
}

TEST_CASE("a key written with the escape \\_ is valid UTF-8 in its message") {
  // yaml-cpp 0.7 reads \_ as the single byte 0xA0: the message would not
  // have been UTF-8.
  Loaded l = Load(std::string(kValidProject) + "\"x\\_y\": 1\n");
  const Diagnostic e = OnlyError(l.diags);
  CHECK(FindInvalidUtf8(e.message) == std::string::npos);
  CHECK(e.message.find("unknown key 'x\u00a0y'") != std::string::npos);
  CHECK(e.loc.line == 6);
}

TEST_CASE("a budget amount of more than 1000 digits is too large, in a short message") {
  const std::string huge(1000000, '9');
  Loaded l = Load(ProjectYaml(Ind("数量"), "{total: " + huge + "}"));
  const Diagnostic d = OnlyError(l.diags);
  CHECK(d.message.find("'total' is too large") != std::string::npos);
  CHECK(d.message.size() < 400);
  CHECK(d.loc.line == 3);
  CHECK(d.loc.column == 17);
}

TEST_CASE("locations after leading byte order marks point at their key") {
  // yaml-cpp skips a BOM it is given and counts positions after it: every
  // location in the file was 3 bytes early.
  const std::string bom = "\xEF\xBB\xBF";
  for (const std::string& lead : {std::string(), bom, bom + bom}) {
    CAPTURE(lead.size());
    Loaded l = Load(lead + kValidProject + "x-note: 1\nprojec: 2\n");
    const Diagnostic e = OnlyError(l.diags);
    CHECK(e.message == "unknown key 'projec' in a target project: did you mean 'project'?");
    CHECK(e.loc.line == 7);
    CHECK(e.loc.column == 1);
    CHECK(e.source_line == "projec: 2");
  }
}

// Every warning as a line "line:column: message", in order.
std::string WarningsOf(const std::string& text) {
  Loaded l = Load(text);
  std::string out;
  for (const Diagnostic& x : l.diags.all()) {
    if (x.severity == Severity::kWarning)
      out +=
          std::to_string(x.loc.line) + ":" + std::to_string(x.loc.column) + ": " + x.message + "\n";
  }
  return out;
}

TEST_CASE("an id that is another indicator's name is warned of") {
  CHECK(WarningsOf(ProjectYaml(Ind("验收合格率", "≥95%", ", id: 合格率") +
                               Ind("合格率", "≥50%", ", id: Q2"))) ==
        "5:5: indicator id '合格率' is the name of another indicator (line 6): an actual written "
        "'合格率' goes to the indicator whose id it is, which is easily mistaken; choose another "
        "id\n");
  CHECK(WarningsOf(ProjectYaml(Ind("验收合格率", "≥95%", ", id: A1") +
                               Ind("合格率", "≥50%", ", id: Q2")))
            .empty());
}

TEST_CASE("supervisor (主管部门) is read like department") {
  Loaded l = Load(
      "project: 项目\nyear: 2024\n"
      "department: {code: \"362303\", name: 天津市生态环境保护综合行政执法总队}\n"
      "supervisor: {code: \"362\", name: 天津市生态环境局}\n"
      "budget: {total: 6}\nindicators:\n" +
      Ind("数量"));
  REQUIRE(l.projects.size() == 1);
  CHECK(l.projects[0].supervisor_code == "362");
  CHECK(l.projects[0].supervisor_name == "天津市生态环境局");
  CHECK(l.projects[0].department_code == "362303");
  CHECK(ErrorsOf("project: 项目\nyear: 2024\nsupervisor: 天津市生态环境局\nbudget: {total: 6}\n"
                 "indicators:\n" +
                 Ind("数量")) ==
        "3:13: 'supervisor' must be a map such as {code: \"362303\", name: 天津市…}, not the text "
        "'天津市生态环境局'\n");
  CHECK(ErrorsOf("project: 项目\nyear: 2024\nsupervisor: {code: \"362\", nmae: 局}\n"
                 "budget: {total: 6}\nindicators:\n" +
                 Ind("数量")) ==
        "3:27: unknown key 'nmae' in supervisor: did you mean 'name'?\n");
}

TEST_CASE("budget parts: two or more add up to the total, an absent one is 0") {
  Loaded ok = Load(ProjectYaml(Ind("数量"), "{total: 6, fiscal: 4, carryover: 1.5, other: 0.5}"));
  CHECK(ok.diags.empty());
  REQUIRE(ok.projects.size() == 1);
  CHECK(ok.projects[0].carryover == Rational(3) / 2);
  // 4 + 2 = 6, other absent.
  CHECK(Load(ProjectYaml(Ind("数量"), "{total: 6, fiscal: 4, carryover: 2}")).diags.empty());
  // 4 + 1 = 5, not 6.
  CHECK(ErrorsOf(ProjectYaml(Ind("数量"), "{total: 6, fiscal: 4, carryover: 1}")) ==
        "3:28: fiscal (4) + carryover (1) = 5, but total is 6: they must add up (an absent part "
        "counts as 0)\n");
  // 4 + 1.5 + 1 = 6.5, not 6.
  CHECK(ErrorsOf(ProjectYaml(Ind("数量"), "{total: 6, fiscal: 4, carryover: 1.5, other: 1}")) ==
        "3:28: fiscal (4) + carryover (1.5) + other (1) = 6.5, but total is 6: they must add up "
        "(an absent part counts as 0)\n");
  CHECK(ErrorsOf(ProjectYaml(Ind("数量"), "{total: 6, carryover: 7}")) ==
        "3:31: carryover (7) is larger than total (6)\n");
  CHECK(ErrorsOf(ProjectYaml(Ind("数量"), "{total: 6, carryover: -1}")) ==
        "3:31: budget 'carryover' must not be negative\n");
}

TEST_CASE("the budget unit is one of 元, 千元, 万元, 亿元") {
  for (const char* unit : {"万", "千万元", "百分比", "万人次"}) {
    CAPTURE(unit);
    CHECK(ErrorsOf(std::string("project: 项目\nyear: 2024\nunit: ") + unit +
                   "\nbudget: {total: 6}\nindicators:\n" + Ind("数量")) ==
          std::string("3:7: 'unit' must be a unit of money (元, 千元, 万元 or 亿元), not '") + unit +
              "'\n");
  }
}

TEST_CASE("warnings: a figure in a qualitative target, a cost without a unit") {
  auto cost = [](const std::string& target) {
    return ProjectYaml("  - {level1: 产出指标, level2: 成本指标, name: 成本, target: \"" + target +
                       "\"}\n");
  };
  CHECK(WarningsOf(cost("控制在850万元以内")) ==
        "5:52: target '控制在850万元以内' of 成本指标 '成本' holds the figure 850万元 but reads as "
        "qualitative, so its actual must be a grade (达成, 部分达成 or 未达成); to score it "
        "against the figure, write '≤850万元'\n");
  CHECK(WarningsOf(cost("每生每天5元")) ==
        "5:52: target '每生每天5元' of 成本指标 '成本' holds the figure 5元 but reads as "
        "qualitative, so its actual must be a grade (达成, 部分达成 or 未达成); to score it "
        "against the figure, write '≤5元/生/天'\n");
  CHECK(WarningsOf(ProjectYaml(Ind("率", "从80%提高到90%"))) ==
        "5:51: target '从80%提高到90%' of 数量指标 '率' holds the figure 80% but reads as "
        "qualitative, so its actual must be a grade (达成, 部分达成 or 未达成); to score it "
        "against a figure, write a value with a comparator, such as '≥80%'\n");
  CHECK(WarningsOf(ProjectYaml(Ind("效果", "显著提升"))).empty());
  CHECK(WarningsOf(cost("≤850万")) ==
        "5:52: target '≤850万' of 成本指标 '成本' has no unit: '万' is the number 10,000; if it "
        "is money, write '≤850万元'\n");
  CHECK(WarningsOf(cost("≤850万元")).empty());
  // 约 is an error, as 左右 is.
  CHECK(ErrorsOf(ProjectYaml(Ind("人数", "约7000人"))) ==
        "5:52: bad target '约7000人': '约7000人' is approximate and cannot be scored: instead of "
        "'约' write a comparator such as '≥7000人' or '≤7000人', or a range\n");
  // The project's year completes a date written without one.
  CHECK(ErrorsOf(ProjectYaml(Ind("时间", "12月底前"))) ==
        "5:52: bad target '12月底前': '12月底前' has no year: write '2024年12月底前'\n");
}

TEST_CASE("explicit weights whose level-1 sums differ from the rules' pools: a warning") {
  auto ind = [](const char* level1, const char* level2, const char* name, const char* weight,
                const char* target = "4台") {
    return std::string("  - {level1: ") + level1 + ", level2: " + level2 + ", name: " + name +
           ", target: " + target + ", weight: " + weight + "}\n";
  };
  // 50 / 30 / 10: as the rules say.
  CHECK(WarningsOf(ProjectYaml(ind("产出指标", "数量指标", "甲", "25") +
                               ind("成本指标", "经济成本指标", "乙", "25", "≤4台") +
                               ind("效益指标", "社会效益指标", "丙", "30") +
                               ind("满意度指标", "服务对象满意度指标", "丁", "10")))
            .empty());
  CHECK(WarningsOf(ProjectYaml(ind("产出指标", "数量指标", "甲", "60") +
                               ind("效益指标", "社会效益指标", "丙", "20") +
                               ind("满意度指标", "服务对象满意度指标", "丁", "10"))) ==
        "5:3: the indicator weights give 产出指标 60, 效益指标 20, 满意度指标 10, but the rules "
        "give 产出指标 50, 效益指标 30, 满意度指标 10: check them (another split is for special "
        "cases)\n");
  // Without 满意度指标 the rules give 50 and 30 x 90/80: 56.25 and 33.75.
  CHECK(WarningsOf(ProjectYaml(ind("产出指标", "数量指标", "甲", "56.25") +
                               ind("效益指标", "社会效益指标", "丙", "33.75")))
            .empty());
  CHECK(WarningsOf(ProjectYaml(ind("产出指标", "数量指标", "甲", "50") +
                               ind("效益指标", "社会效益指标", "丙", "40"))) ==
        "5:3: the indicator weights give 产出指标 50, 效益指标 40, but the rules give 产出指标 "
        "56.25, 效益指标 33.75: check them (another split is for special cases)\n");
}

}  // namespace jixiao

namespace jixiao {

TEST_CASE("a CSV sheet given as targets: said as what it is, with how it is checked") {
  static const Rules rules = Rules::Default();
  static const YamlLimits limits;  // the loader keeps a reference
  auto load = [](const std::string& path, const std::string& text) {
    Loaded l;
    TargetLoader loader(rules, limits, &l.diags);
    loader.LoadSource(Source{path, text}, [&](Project&& p, const Source&) {
      l.projects.push_back(std::move(p));
    });
    return l;
  };
  const std::string sheet =
      "\xEF\xBB\xBF项目,指标,实际值,说明\n"
      "CZ-2024-01,全年执行数,\"796,500\",\n"
      "CZ-2024-01,运维系统数量,3,\n";
  // `jixiao check actuals.csv`: at the header, not JX0230 for YAML text.
  Loaded a = load("actuals.csv", sheet);
  Diagnostic d = OnlyError(a.diags);
  CHECK(d.code == 139);
  CHECK(d.loc.file == "actuals.csv");
  CHECK(d.loc.line == 1);
  CHECK(d.loc.column == 1);
  CHECK(d.message ==
        "this is a CSV file of actuals (header '项目,指标,实际值,说明'), not a target file: target "
        "files (YAML) are read here, and check checks target files only; actuals are checked "
        "against their targets: jixiao eval TARGETS.yaml -a actuals.csv (a progress file: jixiao "
        "monitor TARGETS.yaml -a actuals.csv)");
  CHECK(d.source_line == "项目,指标,实际值,说明");
  CHECK(a.projects.empty());
  {
    ScopedLang zh(Lang::kZh);
    CHECK(OnlyError(load("actuals.csv", sheet).diags).message ==
          "这是实际完成值的 CSV 文件（表头“项目,指标,实际值,说明”），不是目标表：这里读的是目标表（YAML 文件），"
          "check 只检查目标表；实际完成值要对照目标表检查：jixiao eval 目标表.yaml -a actuals.csv"
          "（运行监控的进度文件：jixiao monitor 目标表.yaml -a actuals.csv）");
  }
  // The same sheet under another name: by its header.
  d = OnlyError(load("data.txt", sheet).diags);
  CHECK(d.code == 139);
  CHECK(d.loc.line == 1);
  // A progress file: by a progress column, or by its as_of row; a title
  // and a blank line above the header of a .csv file; its name in any case.
  d = OnlyError(load("p.CSV", "2024年运行监控\n\nproject,indicator,value,forecast\nP1,spent,1,2\n").diags);
  CHECK(d.loc.line == 3);
  CHECK(d.message.rfind("this is a CSV progress file (header 'project,indicator,value,forecast'), "
                        "not a target file",
                        0) == 0);
  CHECK(d.message.find("jixiao monitor TARGETS.yaml -a p.CSV") != std::string::npos);
  d = OnlyError(load("p.csv", "项目,指标,实际值\r\n,截至日期,2024-07-31\r\n").diags);
  CHECK(d.message.rfind("this is a CSV progress file", 0) == 0);
  // Excel's GB18030 CSV: read as such for its header.
  d = OnlyError(load("gb.csv", "\xCF\xEE\xC4\xBF,\xD6\xB8\xB1\xEA,\xCA\xB5\xBC\xCA\xD6\xB5\n").diags);
  CHECK(d.loc.line == 1);
  CHECK(d.message.find("header '项目,指标,实际值'") != std::string::npos);
  // A .csv file without such a header: at the file.
  d = OnlyError(load("data.csv", "a,b\n1,2\n").diags);
  CHECK(d.code == 139);
  CHECK(d.loc.line == 0);
  CHECK(d.message ==
        "this is a CSV file, not a target file: target files (YAML) are read here, and check "
        "checks target files only; a CSV file holds actuals (jixiao eval TARGETS.yaml -a "
        "data.csv) or progress (jixiao monitor TARGETS.yaml -a data.csv), checked against their "
        "targets");
  // A workbook renamed .csv: what it is (JX0137), as before.
  CHECK(OnlyError(load("x.csv", std::string("PK\x03\x04xl/workbook.xml", 19)).diags).code == 137);
  // Not a sheet: a target file, or YAML text whose first line is not such a
  // header (one column named, or a column after a comment).
  CHECK(load("t.yaml", "project: 项目\nyear: 2024\nbudget: {total: 1}\nindicators:\n"
                       "  - {level1: 产出指标, level2: 数量指标, name: 甲, target: 4台}\n")
            .diags.empty());
  CHECK(OnlyError(load("t.yaml", "项目,备注\n").diags).code == 230);
  const Loaded comment = load("t.yaml", "# 项目,指标,实际值\nproject: x\n");
  CHECK(comment.diags.has_errors());
  for (const Diagnostic& x : comment.diags.all()) {
    CHECK(x.code != 139);  // errors of a target without year, budget, ...
  }
}

}  // namespace jixiao
