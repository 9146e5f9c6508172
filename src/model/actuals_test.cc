#include "model/actuals.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>


namespace jixiao {
namespace {

struct Loaded {
  Diagnostics diags;
  ActualsIndex index;
};

Loaded LoadYaml(const std::string& text, RecordStoreOptions store = {}) {
  Loaded l{Diagnostics(), ActualsIndex(store)};
  Source src{"a.yaml", text};
  ParseYamlStream(src, {}, &l.diags, [&](const YamlDocument& doc) {
    ReadActualsDocument(src, doc, &l.index, &l.diags);
  });
  return l;
}

Loaded LoadCsv(const std::string& text) {
  Loaded l;
  ReadActualsCsv(Source{"a.csv", text}, &l.index, &l.diags);
  return l;
}

std::string Dump(const Diagnostics& d) {
  std::ostringstream out;
  for (const Diagnostic& x : d.all()) {
    out << x.loc.file << ":" << x.loc.line << ":" << x.loc.column << ": " << x.message << "\n";
  }
  return out.str();
}

// True when `d` holds an error at line:column whose message contains `part`.
bool HasError(const Diagnostics& d, int line, int column, const std::string& part) {
  for (const Diagnostic& x : d.all()) {
    if (x.severity == Severity::kError && x.loc.line == line && x.loc.column == column &&
        x.message.find(part) != std::string::npos) {
      return true;
    }
  }
  return false;
}

const IndicatorActual* Find(const ProjectActuals& p, const std::string& key) {
  for (const IndicatorActual& a : p.indicators) {
    if (a.key == key) return &a;
  }
  return nullptr;
}

Rational Dec(const char* text) { return *Rational::ParseDecimal(text); }

}  // namespace

TEST_CASE("actuals YAML: short and long forms") {
  Loaded l = LoadYaml(
      "year: 2024\n"
      "projects:\n"
      "  - project: 项目甲\n"
      "    spent: 5.860\n"
      "    note: 集中采购\n"
      "    indicators:\n"
      "      购置设备数量: 4台\n"
      "      项目总投资: {value: 5.86万元, note: 集中采购节约资金}\n"
      "      验收合格率:\n"
      "        value: 100%\n"
      "      次数: 4\n"
      "      x-ignored: 1\n");
  CHECK_MESSAGE(l.diags.empty(), Dump(l.diags));
  REQUIRE(l.index.size() == 1);
  auto p = l.index.Claim("TJ-1", "项目甲");
  REQUIRE(p != nullptr);
  CHECK(p->key == "项目甲");
  CHECK_FALSE(p->by_id);
  CHECK(p->year == 2024);
  CHECK(p->has_spent);
  CHECK(p->spent.total.value == Dec("5.86"));
  CHECK(p->spent.total.text == "5.860");
  CHECK(p->spent.total.loc.line == 4);
  CHECK(p->spent.total.loc.column == 12);
  CHECK(p->note == "集中采购");
  CHECK(p->loc.line == 3);
  CHECK(p->loc.column == 5);
  CHECK_FALSE(p->has_errors);
  REQUIRE(p->indicators.size() == 4);

  const IndicatorActual* a = Find(*p, "购置设备数量");
  REQUIRE(a != nullptr);
  CHECK(a->text == "4台");
  CHECK(a->value.kind == ActualKind::kQuantity);
  CHECK(a->value.value.value == 4);
  CHECK(a->value.value.unit.name == "台");
  CHECK_FALSE(a->grade.has_value());
  CHECK(a->loc.line == 7);
  CHECK(a->loc.column == 7);

  a = Find(*p, "项目总投资");
  REQUIRE(a != nullptr);
  CHECK(a->text == "5.86万元");
  CHECK(a->value.value.unit.name == "万元");
  CHECK(a->note == "集中采购节约资金");

  a = Find(*p, "验收合格率");
  REQUIRE(a != nullptr);
  CHECK(a->value.value.value == 100);
  CHECK(a->value.value.unit.name == "%");

  a = Find(*p, "次数");
  REQUIRE(a != nullptr);
  CHECK(a->text == "4");
  CHECK(a->value.kind == ActualKind::kQuantity);
  CHECK(a->value.value.unit.name.empty());
}

TEST_CASE("actuals YAML: 不适用, grade words, grade with score") {
  Loaded l = LoadYaml(
      "projects:\n"
      "  - id: T1\n"
      "    spent: 0\n"
      "    indicators:\n"
      "      甲: 不适用\n"
      "      乙: {value: 不适用, note: 不涉及}\n"
      "      丙: 部分达成\n"
      "      丁: {grade: 部分达成, score: 0.7, note: 未达预期}\n"
      "      戊: {grade: achieved}\n"
      "      己: {grade: 达成, score: 1}\n"
      "      庚: {grade: 未达成, score: 0}\n");
  CHECK_MESSAGE(l.diags.empty(), Dump(l.diags));
  auto p = l.index.Claim("T1", "项目");
  REQUIRE(p != nullptr);
  CHECK(p->by_id);
  CHECK_FALSE(p->year.has_value());
  CHECK(p->spent.total.value == 0);
  CHECK(p->has_spent);

  CHECK(Find(*p, "甲")->value.kind == ActualKind::kNotApplicable);
  CHECK(Find(*p, "乙")->value.kind == ActualKind::kNotApplicable);
  CHECK(Find(*p, "乙")->note == "不涉及");

  const IndicatorActual* a = Find(*p, "丙");
  CHECK(a->text == "部分达成");
  CHECK(a->value.kind == ActualKind::kText);
  REQUIRE(a->grade.has_value());
  CHECK(*a->grade == Grade::kPartial);
  CHECK_FALSE(a->score.has_value());

  a = Find(*p, "丁");
  CHECK(a->text.empty());
  REQUIRE(a->grade.has_value());
  CHECK(*a->grade == Grade::kPartial);
  REQUIRE(a->score.has_value());
  CHECK(*a->score == Dec("0.7"));
  CHECK(a->note == "未达预期");

  CHECK(*Find(*p, "戊")->grade == Grade::kAchieved);
  CHECK(*Find(*p, "己")->score == 1);
  CHECK(*Find(*p, "庚")->score == 0);
}

TEST_CASE("actuals YAML: a score is a ratio, kept with where it is written") {
  // Whether a score fits its grade's band depends on the rules, and is
  // checked when it is scored (score_test.cc): any ratio loads.
  struct Row {
    const char* grade;
    const char* score;
    const char* part;  // expected in the message; "" means accepted
  };
  const Row rows[] = {
      {"达成", "0.8", ""},           {"达成", "0.79", ""},
      {"部分达成", "0.5", ""},       {"未达成", "1", ""},
      {"未达成", "0", ""},           {"达成", "70", "not a ratio"},
      {"未达成", "-0.1", "not a ratio"},
  };
  for (const Row& r : rows) {
    CAPTURE(std::string(r.grade) + " " + r.score);
    Loaded l = LoadYaml(std::string("projects:\n- id: T\n  spent: 1\n  indicators:\n    质量:\n"
                                    "      grade: ") +
                        r.grade + "\n      score: " + r.score + "\n");
    auto p = l.index.Claim("T", "T");
    REQUIRE(p != nullptr);
    if (std::string(r.part).empty()) {
      CHECK_MESSAGE(l.diags.empty(), Dump(l.diags));
      CHECK_FALSE(p->has_errors);
      CHECK(p->indicators[0].score.has_value());
      CHECK(p->indicators[0].score_line == 7);
      CHECK(p->indicators[0].score_column == 14);
    } else {
      CHECK_MESSAGE(HasError(l.diags, 7, 14, r.part), Dump(l.diags));
      CHECK(l.diags.error_count() == 1);
      CHECK(p->has_errors);
      CHECK_FALSE(p->indicators[0].score.has_value());
    }
  }
}

TEST_CASE("actuals YAML: value and grade together, neither, score without grade") {
  Loaded l = LoadYaml(
      "projects:\n"
      "- id: T\n"
      "  spent: 1\n"
      "  indicators:\n"
      "    甲: {value: 4台, grade: 达成}\n"
      "    乙: {note: 说明}\n"
      "    丙: {value: 4台, score: 0.9}\n"
      "    丁: {grade: 不适用}\n"
      "    戊: {grade: 大致达成}\n"
      "    己:\n"
      "    庚: [1, 2]\n"
      "    辛: '≥5台'\n"
      "    壬: {vale: 1}\n");
  CHECK_MESSAGE(HasError(l.diags, 5, 27, "both 'value' and 'grade'"), Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 6, 8, "needs 'value'"), Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 7, 27, "'score' without 'grade'"), Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 8, 16, "不适用 is not a grade"), Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 9, 16, "bad grade of indicator '戊'"), Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 10, 5, "indicator '己' has no actual"), Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 11, 8, "not a list"), Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 12, 8, "bad value '≥5台' of indicator '辛'"), Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 13, 9, "unknown key 'vale'"), Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 13, 9, "did you mean 'value'?"), Dump(l.diags));
  // The typo is the one problem reported for 壬.
  CHECK_MESSAGE(l.diags.error_count() == 9, Dump(l.diags));
  auto p = l.index.Claim("T", "T");
  REQUIRE(p != nullptr);
  CHECK(p->has_errors);
  // Every indicator with a key is kept, so none is also reported missing.
  CHECK(p->indicators.size() == 9);
}

TEST_CASE("actuals YAML: a value typed into the template's comment is said to be there") {
  Loaded l = LoadYaml(
      "year: 2024\n"
      "projects:\n"
      "  - id: P1\n"
      "    spent:    # 全年执行数，单位 万元 5.8\n"
      "    indicators:\n"
      "      满意度:    # 指标值 ≥90%（满意度指标 / 服务对象满意度指标）—— 带单位的数值 93%\n"
      "      完成时间:    # 指标值 ≤2024-12-31（产出指标 / 时效指标）—— 日期，如 2024-11-20\n"
      "      覆盖率:    # 带单位的数值\n");
  CHECK_MESSAGE(HasError(l.diags, 4, 5, "empty 'spent'"), Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 4, 5, "; the '5.8' after '#' on this line is in a comment, which "
                                        "is not read: write it after the colon, as 'spent: 5.8'"),
                Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 6, 7, "indicator '满意度' has no actual: expected the actual "
                                        "value (such as 4台 or 100%), 不适用, or a grade (达成, "
                                        "部分达成 or 未达成); the '93%' after '#' on this line is "
                                        "in a comment, which is not read: write it after the "
                                        "colon, as '满意度: 93%'"),
                Dump(l.diags));
  // The template's own words and example date are no value typed.
  for (int line : {7, 8}) {
    for (const Diagnostic& d : l.diags.all()) {
      if (d.loc.line != line) continue;
      CHECK_MESSAGE(d.message.find("comment") == std::string::npos, d.message);
    }
  }
  CHECK(l.diags.error_count() == 4);
}

TEST_CASE("actuals: Excel's currency and percentage formats are said, with the number to write") {
  Loaded csv = LoadCsv("project,indicator,value,note,score\nP1,spent,¥116.52,,\n"
                       "P1,执法效能,部分达成,,70%\nP1,甲,部分达成,, 65 % \n");
  CHECK_MESSAGE(HasError(csv.diags, 2, 10, "'¥116.52' has a currency sign in front (Excel's "
                                          "currency format): remove it, writing 116.52 (in the "
                                          "project's budget unit) or 116.52元"),
                Dump(csv.diags));
  CHECK_MESSAGE(HasError(csv.diags, 3, 15, "the score of indicator '执法效能' must be a number "
                                           "from 0 to 1, not the percentage '70%': write 0.7"),
                Dump(csv.diags));
  CHECK_MESSAGE(HasError(csv.diags, 4, 12, "not the percentage '65 %': write 0.65"), Dump(csv.diags));
  Loaded yaml = LoadYaml("projects:\n  - id: P1\n    spent: ￥5.8万元\n    indicators: {甲: 4台}\n");
  CHECK_MESSAGE(HasError(yaml.diags, 3, 12, "'￥5.8万元' has a currency sign in front (Excel's "
                                           "currency format): remove it, writing 5.8万元"),
                Dump(yaml.diags));
  // Not a plain number after the sign: the message for any amount.
  Loaded other = LoadCsv("project,indicator,value\nP1,spent,¥约5\n");
  CHECK_MESSAGE(HasError(other.diags, 2, 10, "must be an amount: a number"), Dump(other.diags));
}

TEST_CASE("actuals YAML: a tab-separated sheet named as actuals is said to be one") {
  Loaded tab = LoadYaml("项目名称\t指标\t实际值\t说明\r\nP1\t全年执行数\t9.5\t\r\n");
  CHECK_MESSAGE(HasError(tab.diags, 1, 1, "this is a sheet saved as tab-separated text (Excel's "
                                          "\"Text (Tab delimited)\"), not actuals in YAML"),
                Dump(tab.diags));
  // Text with tabs that names no column is the usual message.
  Loaded other = LoadYaml("甲\t乙\n");
  CHECK_MESSAGE(HasError(other.diags, 1, 1, "expected actuals (a map with an optional 'year'"),
                Dump(other.diags));
}

TEST_CASE("actuals YAML: project or id, exactly one") {
  Loaded l = LoadYaml(
      "projects:\n"
      "- project: 名称\n"
      "  id: T1\n"
      "  spent: 1\n"
      "- spent: 2\n"
      "- id: ''\n"
      "  spent: 3\n"
      "- id: T4\n"
      "  spent: 4\n");
  CHECK_MESSAGE(HasError(l.diags, 3, 7, "either 'project'"), Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 5, 3, "missing 'project' (the project name) or 'id'"),
                Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 6, 7, "must not be blank"), Dump(l.diags));
  CHECK(l.diags.error_count() == 3);
  // The entry with both keys is kept under its id, marked as having errors.
  CHECK(l.index.size() == 2);
  auto both = l.index.Claim("T1", "名称");
  REQUIRE(both != nullptr);
  CHECK(both->by_id);
  CHECK(both->has_errors);
  auto ok = l.index.Claim("T4", "x");
  REQUIRE(ok != nullptr);
  CHECK_FALSE(ok->has_errors);
}

TEST_CASE("actuals YAML: spent is required, an amount, not negative") {
  Loaded l = LoadYaml(
      "projects:\n"
      "- id: A\n"
      "  indicators: {甲: 1}\n"
      "- id: B\n"
      "  spent: -0.5\n"
      "- id: C\n"
      "  spent: 五万元\n"
      "- id: D\n"
      "  spent: [1]\n"
      "- id: E\n"
      "  spent:\n"
      "- id: F\n"
      "  spent: -5元\n"
      "- id: G\n"
      "  spent: {fiscal: 5}\n");
  CHECK_MESSAGE(HasError(l.diags, 2, 3, "missing 'spent'"), Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 5, 10, "must not be negative"), Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 7, 10,
                         "'spent' (全年执行数) must be an amount: a number in the project's budget "
                         "unit (such as 5.86) or with a unit of money (such as 5.86万元 or "
                         "58600元), not '五万元'"),
                Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 9, 10, "not a list"), Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 13, 10, "'spent' (全年执行数) must not be negative, not '-5元'"),
                Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 15, 10, "missing required key 'total' in spent"), Dump(l.diags));
  CHECK_MESSAGE(l.diags.error_count() == 7, Dump(l.diags));
  for (const char* id : {"A", "B", "C", "D", "E", "F", "G"}) {
    CAPTURE(id);
    auto p = l.index.Claim(id, id);
    REQUIRE(p != nullptr);
    CHECK(p->has_errors);
    CHECK_FALSE(p->has_spent);
  }
}

TEST_CASE("actuals YAML: spent and budget as amounts with units or maps; achieved") {
  Loaded l = LoadYaml(
      "projects:\n"
      "- id: A\n"
      "  spent: 314.85万元\n"
      "  budget: 3,500,000元\n"
      "  achieved: 全年完成设备购置\n"
      "- id: B\n"
      "  spent: {total: 5.86, fiscal: 5, carryover: 0.86}\n"
      "  budget: {total: 6.2万, other: 2000元}\n"
      "- id: C\n"
      "  spent: '5.86'\n"
      "- id: D\n"
      "  spent: 5.86台\n"   // not money: an error once the project's unit is known
      "- id: E\n"
      "  spent: 1\n"
      "  budget: 0\n");
  CHECK_MESSAGE(HasError(l.diags, 15, 11,
                         "'budget' (全年预算数) must be greater than 0: leave it out to use the "
                         "target's total"),
                Dump(l.diags));
  CHECK_MESSAGE(l.diags.error_count() == 1, Dump(l.diags));
  auto a = l.index.Claim("A", "A");
  REQUIRE(a != nullptr);
  CHECK_FALSE(a->has_errors);
  CHECK(a->spent.total.value == Dec("314.85"));
  CHECK(a->spent.total.unit.name == "万元");
  CHECK(a->spent.total.text == "314.85万元");
  CHECK(a->spent.total.loc.line == 3);
  CHECK_FALSE(a->spent.map);
  REQUIRE(a->budget.has_value());
  CHECK(a->budget->total.value == 3500000);
  CHECK(a->budget->total.unit.name == "元");
  CHECK(a->achieved == "全年完成设备购置");
  // 314.85万元 in 万元; 3,500,000元 = 350万元.
  CHECK(*AmountInUnit(a->spent.total, "万元") == Dec("314.85"));
  CHECK(*AmountInUnit(a->budget->total, "万元") == 350);
  CHECK(*AmountInUnit(a->spent.total, "元") == 3148500);
  auto b = l.index.Claim("B", "B");
  REQUIRE(b != nullptr);
  CHECK(b->spent.map);
  CHECK(b->spent.total.value == Dec("5.86"));
  REQUIRE(b->spent.fiscal.has_value());
  CHECK(b->spent.fiscal->value == 5);
  REQUIRE(b->spent.carryover.has_value());
  CHECK(b->spent.carryover->loc.line == 7);
  CHECK_FALSE(b->spent.other.has_value());
  // 6.2万 of 万元 is 6.2万元; 2000元 = 0.2万元.
  CHECK(*AmountInUnit(b->budget->total, "万元") == Dec("6.2"));
  CHECK(*AmountInUnit(*b->budget->other, "万元") == Dec("0.2"));
  auto c = l.index.Claim("C", "C");
  CHECK(c->spent.total.value == Dec("5.86"));
  CHECK(c->spent.total.unit.name.empty());
  auto d = l.index.Claim("D", "D");
  CHECK_FALSE(d->has_errors);
  Parsed<Rational> tai = AmountInUnit(d->spent.total, "万元");
  REQUIRE_FALSE(tai.ok());
  CHECK(tai.error() ==
        "'5.86台' is not an amount of money ('台' counts 台): write it in 万元, the project's "
        "budget unit (such as 5.86), or with 元, 千元, 万元 or 亿元");
}

TEST_CASE("actuals YAML: unknown keys with suggestions; x- keys ignored") {
  Loaded l = LoadYaml(
      "yeer: 2024\n"
      "x-source: 自评表\n"
      "projects:\n"
      "- id: A\n"
      "  spnet: 1\n"
      "  spent: 1\n"
      "  x-comment: ok\n"
      "  bugdet: 2\n");
  CHECK_MESSAGE(HasError(l.diags, 1, 1, "unknown key 'yeer' in an actuals file: did you mean "
                                        "'year'?"),
                Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 5, 3, "did you mean 'spent'?"), Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 8, 3, "unknown key 'bugdet' in a project entry: did you mean "
                                        "'budget'?"),
                Dump(l.diags));
  CHECK(l.diags.error_count() == 3);
  auto p = l.index.Claim("A", "A");
  REQUIRE(p != nullptr);
  CHECK(p->has_errors);
}

TEST_CASE("actuals YAML: a document-level error marks every entry") {
  Loaded l = LoadYaml("year: 1900\nprojects:\n- {id: A, spent: 1}\n");
  CHECK_MESSAGE(HasError(l.diags, 1, 7, "'year' must be a whole number from 1950 to 2100"),
                Dump(l.diags));
  auto p = l.index.Claim("A", "A");
  REQUIRE(p != nullptr);
  CHECK(p->has_errors);

  // A duplicate key anywhere in the document (reported by the YAML layer).
  Loaded d = LoadYaml("projects:\n- id: A\n  spent: 1\n  indicators: {甲: 1, 甲: 2}\n");
  CHECK(d.diags.error_count() == 1);
  p = d.index.Claim("A", "A");
  REQUIRE(p != nullptr);
  CHECK(p->has_errors);
  CHECK(p->indicators.size() == 1);
}

TEST_CASE("actuals YAML: documents that are not actuals") {
  Loaded seq = LoadYaml("- a\n- b\n");
  CHECK_MESSAGE(HasError(seq.diags, 1, 1, "expected actuals"), Dump(seq.diags));
  CHECK(HasError(seq.diags, 1, 1, "not a list"));

  Loaded scalar = LoadYaml("hello\n");
  CHECK(HasError(scalar.diags, 1, 1, "not the text 'hello'"));

  Loaded empty = LoadYaml("---\n...\n");  // at its ---, where the document starts
  CHECK_MESSAGE(HasError(empty.diags, 1, 1, "empty document"), Dump(empty.diags));

  Loaded target = LoadYaml("project: 项目甲\nyear: 2024\nbudget: {total: 6}\n");
  CHECK_MESSAGE(HasError(target.diags, 1, 1, "is a target project"), Dump(target.diags));
  CHECK(target.diags.error_count() == 1);

  Loaded missing = LoadYaml("year: 2024\n");
  CHECK_MESSAGE(HasError(missing.diags, 1, 1, "missing required key 'projects'"),
                Dump(missing.diags));

  Loaded empty_list = LoadYaml("year: 2024\nprojects: []\n");
  CHECK_MESSAGE(HasError(empty_list.diags, 2, 11, "'projects' is empty"), Dump(empty_list.diags));

  Loaded not_list = LoadYaml("projects: {id: A}\n");
  CHECK_MESSAGE(HasError(not_list.diags, 1, 11, "must be a list"), Dump(not_list.diags));

  Loaded bad_item = LoadYaml("projects:\n- A\n- {id: B, spent: 1}\n");
  CHECK_MESSAGE(HasError(bad_item.diags, 2, 3, "a project entry must be a map"),
                Dump(bad_item.diags));
  CHECK(bad_item.index.size() == 1);

  Loaded bad_inds = LoadYaml("projects:\n- id: A\n  spent: 1\n  indicators:\n  - 甲: 1\n");
  CHECK_MESSAGE(HasError(bad_inds.diags, 5, 3, "'indicators' must be a map"),
                Dump(bad_inds.diags));

  for (const Loaded* l : {&seq, &scalar, &empty, &target, &missing, &empty_list, &not_list}) {
    CHECK(l->index.size() == 0);
  }
}

TEST_CASE("actuals YAML: a second entry for the same key, across documents") {
  Loaded l = LoadYaml(
      "projects:\n"
      "- {id: X, spent: 1}\n"
      "---\n"
      "projects:\n"
      "- {project: X, spent: 2}\n");
  CHECK_MESSAGE(HasError(l.diags, 5, 3, "a second actuals entry for 'X' (the first is at "
                                        "a.yaml:2:3)"),
                Dump(l.diags));
  CHECK(l.diags.error_count() == 1);
  CHECK(l.index.size() == 1);
  auto p = l.index.Claim("X", "X");
  REQUIRE(p != nullptr);
  CHECK(p->spent.total.value == 1);
  CHECK(p->has_errors);
}

TEST_CASE("ActualsIndex: Claim by id, by name, and never twice") {
  Loaded l = LoadYaml(
      "projects:\n"
      "- {id: T1, spent: 1}\n"
      "- {project: 项目乙, spent: 2}\n"
      "- {project: T3, spent: 3}\n"
      "- {id: 项目丁, spent: 4}\n");
  REQUIRE_MESSAGE(l.diags.empty(), Dump(l.diags));
  auto p = l.index.Claim("T1", "项目甲");
  REQUIRE(p != nullptr);
  CHECK(p->spent.total.value == 1);
  p = l.index.Claim("T2", "项目乙");
  REQUIRE(p != nullptr);
  CHECK(p->spent.total.value == 2);
  p = l.index.Claim("T3", "项目丙");  // a `project:` key that is the target's id
  REQUIRE(p != nullptr);
  CHECK(p->spent.total.value == 3);
  // An `id:` entry matches ids only.
  CHECK(l.index.Claim("T4", "项目丁") == nullptr);
  CHECK(l.index.Claim("T1", "项目甲") == nullptr);
  CHECK(l.index.Claim("T9", "项目壬") == nullptr);

  Diagnostics unclaimed;
  l.index.ReportUnclaimed(&unclaimed);
  CHECK(unclaimed.error_count() == 1);
  CHECK_MESSAGE(HasError(unclaimed, 5, 3, "'项目丁' is the name of the target project with id "
                                          "'T4'; write 'project: 项目丁' or 'id: T4'"),
                Dump(unclaimed));
}

// Every field of an entry, as text.
std::string Describe(const ProjectActuals& p) {
  std::string o = p.key + (p.by_id ? " id" : " name") + (p.has_errors ? " errors" : "") + " @" +
                  FormatLocation(p.loc) + " year=" + (p.year ? std::to_string(*p.year) : "-") +
                  " spent=" + (p.has_spent ? p.spent.total.value.ToDecimalString(10) : "-") + "/" +
                  p.spent.total.text + "@" + FormatLocation(p.spent.total.loc) + " note=" + p.note;
  for (const IndicatorActual& a : p.indicators) {
    o += "\n  " + a.key + "=" + a.text + " grade=" +
         (a.grade ? std::to_string(static_cast<int>(*a.grade)) : "-") +
         " score=" + (a.score ? a.score->ToDecimalString(10) : "-") + " note=" + a.note + " @" +
         FormatLocation(a.loc) + " value@" + FormatLocation(a.value_loc());
  }
  return o;
}

TEST_CASE("ActualsIndex: entries held in a temporary file read back and match the same") {
  const std::string yaml =
      "year: 2024\n"
      "projects:\n"
      "- id: T1\n"
      "  spent: 5.39\n"
      "  note: 结余资金已收回\n"
      "  indicators:\n"
      "    设备数量: 4台\n"
      "    满意度: {value: 96%, note: 问卷}\n"
      "    执法效能: {grade: 部分达成, score: 0.7}\n"
      "- {project: 项目乙, spent: 2, indicators: {完成时间: 2024-11-30}}\n"
      "- {id: T1, spent: 9}\n"
      "- {project: 项目丙, spent: 3}\n"
      "- {id: 项目丁, spent: 4}\n"
      "- {project: 项目戊, spent: 1}\n";
  Loaded memory = LoadYaml(yaml);
  RecordStoreOptions tiny;
  tiny.memory_budget = 0;  // every entry goes to the temporary file
  Loaded spilled = LoadYaml(yaml, tiny);
  CHECK(Dump(memory.diags) == Dump(spilled.diags));
  REQUIRE(memory.index.size() == 5);
  REQUIRE(spilled.index.size() == 5);
  for (size_t i = 0; i < 5; ++i) {
    CHECK(Describe(*memory.index.Get(i)) == Describe(*spilled.index.Get(i)));
  }
  // The value's place: the scalar, or the long form's value or grade.
  CHECK(Describe(*spilled.index.Get(0)).find("设备数量=4台 grade=- score=- note= @a.yaml:7:5 value@a.yaml:7:11") !=
        std::string::npos);
  CHECK(Describe(*spilled.index.Get(0)).find("满意度=96% grade=- score=- note=问卷 @a.yaml:8:5 value@a.yaml:8:18") !=
        std::string::npos);
  CHECK(Describe(*spilled.index.Get(0)).find("@a.yaml:9:5 value@a.yaml:9:19") != std::string::npos);
  for (Loaded* l : {&memory, &spilled}) {
    CHECK(l->index.Lookup("T1", "项目甲") == 0);
    CHECK(l->index.Lookup("T2", "项目乙") == 1);
    CHECK(l->index.Lookup("T4", "项目丁") == ActualsIndex::kNone);
    CHECK(l->index.ClaimIndex("T1", "项目甲") == 0);
    CHECK(l->index.ClaimIndex("T3", "项目丙") == 2);
    CHECK(l->index.ClaimIndex("T3", "项目丙") == ActualsIndex::kNone);
    CHECK(l->index.ClaimIndex("项目戊", "项目己") == 4);  // a `project:` key that is an id
  }
  Diagnostics a, b;
  memory.index.ReportUnclaimed(&a);
  spilled.index.ReportUnclaimed(&b);
  CHECK(a.error_count() == 2);
  CHECK(Dump(a) == Dump(b));
}

TEST_CASE("ActualsIndex: ReportUnclaimed names typos, duplicates and strangers") {
  Loaded l = LoadYaml(
      "projects:\n"
      "- {id: TJ-2024-01, spent: 1}\n"
      "- {project: 辐射环境执法安全防护能力提升项目, spent: 2}\n"
      "- {project: 移动执法能力提升工程, spent: 3}\n"
      "- {id: TJ-2024-2, spent: 4}\n"
      "- {project: 完全无关, spent: 5}\n"
      "- {project: 辐射环境执法安全防护能力提升工程, spent: 6}\n");
  REQUIRE_MESSAGE(l.diags.empty(), Dump(l.diags));
  auto p = l.index.Claim("TJ-2024-01", "辐射环境执法安全防护能力提升项目");
  REQUIRE(p != nullptr);
  CHECK(p->spent.total.value == 1);
  CHECK(l.index.Claim("TJ-2024-02", "移动执法能力提升项目") == nullptr);

  Diagnostics d;
  l.index.ReportUnclaimed(&d);
  CHECK_MESSAGE(d.error_count() == 5, Dump(d));
  CHECK_MESSAGE(HasError(d, 3, 3, "a second actuals entry for target project 'TJ-2024-01': its "
                                  "actuals are already given at a.yaml:2:3"),
                Dump(d));
  CHECK_MESSAGE(HasError(d, 4, 3, "actuals for '移动执法能力提升工程' match no target project: "
                                  "did you mean '移动执法能力提升项目'?"),
                Dump(d));
  CHECK_MESSAGE(HasError(d, 5, 3, "actuals for id 'TJ-2024-2' match no target project: did you "
                                  "mean 'TJ-2024-02'?"),
                Dump(d));
  CHECK_MESSAGE(HasError(d, 6, 3, "actuals for '完全无关' match no target project: expected"),
                Dump(d));
  // A target that has its actuals is not suggested for another entry.
  CHECK_MESSAGE(HasError(d, 7, 3, "actuals for '辐射环境执法安全防护能力提升工程' match no target "
                                  "project: expected"),
                Dump(d));
}

// ---------------------------------------------------------------- CSV

const char kManagementCsv[] =
    "project,indicator,value,note\n"
    "TJ-05,spent,116.52,结余已上缴\n"
    "TJ-05,管理服务工作人员数量,5人,\n"
    "TJ-05,管理服务支出成本,\"1,165,200元\",\"按合同据实结算，\n结余0.48万元已上缴财政。\"\n"
    "TJ-05,执法总队满意度,98%,\n";

TEST_CASE("actuals CSV: quoted values, spent row, notes") {
  Loaded l = LoadCsv(kManagementCsv);
  REQUIRE_MESSAGE(l.diags.empty(), Dump(l.diags));
  REQUIRE(l.index.size() == 1);
  auto p = l.index.Claim("TJ-05", "执法总队管理服务");
  REQUIRE(p != nullptr);
  CHECK_FALSE(p->by_id);
  CHECK_FALSE(p->has_errors);
  CHECK(p->has_spent);
  CHECK(p->spent.total.value == Dec("116.52"));
  CHECK(p->spent.total.text == "116.52");
  CHECK(p->spent.total.loc.line == 2);
  CHECK(p->spent.total.loc.column == 13);
  CHECK(p->note == "结余已上缴");
  CHECK(p->loc.file == "a.csv");
  CHECK(p->loc.line == 2);
  CHECK(p->loc.column == 1);
  REQUIRE(p->indicators.size() == 3);
  const IndicatorActual* a = Find(*p, "管理服务支出成本");
  REQUIRE(a != nullptr);
  CHECK(a->text == "1,165,200元");
  CHECK(a->value.value.value == 1165200);
  CHECK(a->value.value.unit.name == "元");
  CHECK(a->note == "按合同据实结算，\n结余0.48万元已上缴财政。");
  CHECK(a->loc.line == 4);
  CHECK(a->loc.column == 7);
  CHECK(Find(*p, "管理服务工作人员数量")->note.empty());
}

TEST_CASE("actuals CSV: CRLF, BOM, columns in any order, 全年执行数, score column") {
  Loaded l = LoadCsv(
      "\xEF\xBB\xBFvalue,score,indicator,project,note\r\n"
      "6.5,,全年执行数,P1,执行率偏低\r\n"
      "部分达成,0.7,执法效能,P1,\r\n"
      "不适用,,某指标,P1,不涉及\r\n"
      "部分达成,０．６,另一指标,P1,\r\n");  // full-width, as values may be
  REQUIRE_MESSAGE(l.diags.empty(), Dump(l.diags));
  auto p = l.index.Claim("P1", "P1");
  REQUIRE(p != nullptr);
  CHECK(p->spent.total.value == Dec("6.5"));
  CHECK(p->note == "执行率偏低");
  const IndicatorActual* a = Find(*p, "执法效能");
  REQUIRE(a != nullptr);
  CHECK(*a->grade == Grade::kPartial);
  CHECK(*a->score == Dec("0.7"));
  REQUIRE(Find(*p, "另一指标") != nullptr);
  CHECK(*Find(*p, "另一指标")->score == Dec("0.6"));
  CHECK(Find(*p, "某指标")->value.kind == ActualKind::kNotApplicable);
  CHECK(Find(*p, "某指标")->note == "不涉及");
}

TEST_CASE("actuals CSV: the template's 指标值 column is kept, located, for comparison only") {
  // The columns `template -f csv` writes; 一级指标 and 二级指标 are ignored.
  Loaded l = LoadCsv(
      "项目,一级指标,二级指标,指标,指标值,实际值,说明\r\n"
      "P1,,,全年执行数,预算 8 万元（某项目（一期））,5.5,\r\n"
      "P1,产出指标,数量指标,设备数量,5台,4台,\r\n"
      "P1,产出指标,质量指标,合格率,,100%,\r\n");
  REQUIRE_MESSAGE(l.diags.empty(), Dump(l.diags));
  auto p = l.index.Claim("P1", "P1");
  REQUIRE(p != nullptr);
  // The spending row's cell without 预算 and from the first bracket on.
  REQUIRE(p->budget_shown.has_value());
  CHECK(p->budget_shown->value == Dec("8"));
  CHECK(p->budget_shown->unit.name == "万元");
  CHECK(p->budget_shown->loc.line == 2);
  CHECK(p->budget_shown->loc.column == 12);  // the cell's, counted in characters
  CHECK(p->spent.total.value == Dec("5.5"));  // the value is the 实际值 column's
  const IndicatorActual* a = Find(*p, "设备数量");
  REQUIRE(a != nullptr);
  CHECK(a->target_text == "5台");  // kept through the index (Pack, Get)
  CHECK(a->target_line == 3);
  CHECK(a->target_column == 19);
  CHECK(a->text == "4台");
  CHECK(Find(*p, "合格率")->target_text.empty());
  CHECK(Find(*p, "合格率")->target_line == 0);
}

TEST_CASE("actuals CSV: a spending row's 指标值 that is not an amount shows no budget") {
  for (const char* cell : {"预算（见附表）", "budget to follow", "预算 八万元"}) {
    CAPTURE(cell);
    Loaded l = LoadCsv(std::string("项目,指标,指标值,实际值\nP1,执行数,") + cell + ",5\n");
    REQUIRE_MESSAGE(l.diags.empty(), Dump(l.diags));
    auto p = l.index.Claim("P1", "P1");
    REQUIRE(p != nullptr);
    CHECK_FALSE(p->budget_shown.has_value());
  }
  Loaded en = LoadCsv("项目,指标,指标值,实际值\nP1,执行数,budget 60000元 (P),5\n");
  auto p = en.index.Claim("P1", "P1");
  REQUIRE(p->budget_shown.has_value());
  CHECK(p->budget_shown->value == Dec("60000"));
  CHECK(p->budget_shown->unit.name == "元");
}

TEST_CASE("actuals CSV: rows of one project need not be adjacent") {
  Loaded l = LoadCsv(
      "project,indicator,value\n"
      "A,spent,1\n"
      "B,spent,2\n"
      "A,甲,4台\n"
      "B,甲,5台\n"
      "A,乙,90%\n");
  REQUIRE_MESSAGE(l.diags.empty(), Dump(l.diags));
  CHECK(l.index.size() == 2);
  // Order of first appearance: A before B.
  Diagnostics d;
  l.index.ReportUnclaimed(&d);
  REQUIRE(d.all().size() == 2);
  CHECK(d.all()[0].loc.line == 2);
  CHECK(d.all()[1].loc.line == 3);
  auto a = l.index.Claim("A", "A");
  REQUIRE(a != nullptr);
  CHECK(a->indicators.size() == 2);
  CHECK(Find(*a, "乙")->text == "90%");
  auto b = l.index.Claim("B", "B");
  REQUIRE(b != nullptr);
  CHECK(b->indicators.size() == 1);
}

TEST_CASE("actuals CSV: a project without a spent row") {
  Loaded l = LoadCsv(
      "project,indicator,value\n"
      "A,spent,1\n"
      "B,甲,1\n"
      "A,甲,1\n"
      "B,乙,2\n");
  CHECK_MESSAGE(HasError(l.diags, 3, 1, "project 'B' has no 'spent' row"), Dump(l.diags));
  CHECK(l.diags.error_count() == 1);
  auto b = l.index.Claim("B", "B");
  REQUIRE(b != nullptr);
  CHECK(b->has_errors);
  CHECK_FALSE(b->has_spent);
  CHECK_FALSE(l.index.Claim("A", "A")->has_errors);
}

TEST_CASE("actuals CSV: bad cells are located at the cell") {
  Loaded l = LoadCsv(
      "project,indicator,value,note,score\n"
      "项目甲,spent,5.86万元,,\n"         // 2
      "项目甲,全年执行数,5,,\n"          // 3: a second spending row
      "项目甲,数量,4台,,\n"              // 4
      "项目甲,数量,5台,,\n"              // 5: twice
      "项目甲,合格率,,,\n"               // 6: empty value
      "项目甲,效能,达成,,0.7\n"          // 7: any ratio loads (the band is the rules')
      "项目甲,时限,12个月,,0.9\n"        // 8: score without grade
      "项目甲,效果,部分达成,,七成\n"     // 9: score not a number
      "项目甲,,1,,\n"                    // 10: no indicator
      ",甲,1,,\n"                        // 11: no project
      "项目乙,spent,-1,,\n"              // 12
      "项目丙,spent,1,,0.5\n"            // 13: score on spent
      "项目丙,金额,≥5万元,,\n"           // 14
      "项目丁,spent,\"1,0000\",,\n");    // 15
  const Diagnostics& d = l.diags;
  CHECK_MESSAGE(HasError(d, 3, 5, "second spending row (the first is on line 2)"), Dump(d));
  CHECK_MESSAGE(HasError(d, 5, 5, "indicator '数量' of project '项目甲' is given twice (first on "
                                  "line 4)"),
                Dump(d));
  CHECK_MESSAGE(HasError(d, 6, 9, "the actual of indicator '合格率' is empty"), Dump(d));
  CHECK_MESSAGE(HasError(d, 8, 14, "is not a grade"), Dump(d));
  CHECK_MESSAGE(HasError(d, 9, 14, "must be a number from 0 to 1"), Dump(d));
  CHECK_MESSAGE(HasError(d, 10, 5, "the 'indicator' cell is empty"), Dump(d));
  CHECK_MESSAGE(HasError(d, 11, 1, "the 'project' cell is empty"), Dump(d));
  CHECK_MESSAGE(HasError(d, 12, 11, "must not be negative"), Dump(d));
  CHECK_MESSAGE(HasError(d, 13, 14, "takes no score"), Dump(d));
  CHECK_MESSAGE(HasError(d, 14, 8, "bad value '≥5万元'"), Dump(d));
  CHECK_MESSAGE(HasError(d, 15, 11, "'1,0000' is not a valid number"), Dump(d));
  CHECK_MESSAGE(d.error_count() == 11, Dump(d));
  CHECK(d.all()[0].source_line == "项目甲,全年执行数,5,,");
  for (const char* key : {"项目甲", "项目乙", "项目丙", "项目丁"}) {
    CAPTURE(key);
    auto p = l.index.Claim(key, key);
    REQUIRE(p != nullptr);
    CHECK(p->has_errors);
    for (const IndicatorActual& a : p->indicators) {
      if (a.key != "效能") continue;
      CHECK(*a.score == Rational(7) / 10);
      CHECK(a.score_line == 7);  // the score's cell, for the band check when scored
      CHECK(a.score_column == 12);
    }
  }
  CHECK(l.index.size() == 4);
}

TEST_CASE("actuals CSV: a row with the wrong number of fields") {
  Loaded l = LoadCsv(
      "project,indicator,value,note\n"
      "A,spent,1,\n"
      "A,成本,1,165,200元,说明\n"
      "B,spent,2\n"
      "C,spent,3,\n"
      "D,spent,4\n"       // 6: short; D's spending row is the unread one
      "D,数量,4台,\n");
  CHECK_MESSAGE(HasError(l.diags, 3, 1, "this row has 6 fields, but the header has 4 columns: "
                                        "a value holding a comma must be in double quotes"),
                Dump(l.diags));
  CHECK_MESSAGE(HasError(l.diags, 4, 1, "this row has 3 fields, but the header has 4 columns: "
                                        "add the missing cells (an empty cell at the end of a "
                                        "row keeps its comma)"),
                Dump(l.diags));
  // D's "no spending row" is not said: it may be (it is) the unread row.
  CHECK_MESSAGE(l.diags.error_count() == 3, Dump(l.diags));
  // A's row was dropped, so A must not be scored; B exists only in a bad row.
  auto a = l.index.Claim("A", "A");
  REQUIRE(a != nullptr);
  CHECK(a->has_errors);
  CHECK(a->rows_unread);  // kept through the index
  CHECK(l.index.Claim("B", "B") == nullptr);
  auto c = l.index.Claim("C", "C");
  REQUIRE(c != nullptr);
  CHECK_FALSE(c->has_errors);
  CHECK_FALSE(c->rows_unread);
  auto d = l.index.Claim("D", "D");
  REQUIRE(d != nullptr);
  CHECK(d->has_errors);
  CHECK(d->rows_unread);
}

TEST_CASE("actuals CSV: a number split in two by an unquoted thousands comma is an error") {
  // "1,100人次" unquoted reads as the value "1" and the note "100人次": scored
  // as 1 if read so. Flagged when the cell is 1-3 digits and the next cell
  // is exactly three digits, perhaps a decimal part, then nothing, a known
  // unit or a word of at most three characters; a longer note that only
  // starts with three digits is a note (Excel never quotes it).
  Loaded l = LoadCsv(
      "project,indicator,value,note\n"
      "A,spent,1,200\n"              // 2: spent 1,200
      "A,培训人次,1,100人次\n"       // 3
      "A,金额,12,345.5万元\n"        // 4
      "A,覆盖率,5,100%完成\n"        // 5: a note: '%' after the digits
      "A,数量,12,\"100人参加\"\n"    // 6: the next cell quoted: a note
      "A,件数,\"1\",100人\n"          // 7: the value quoted
      "A,人数,1,1000人\n"            // 8: four digits
      "A,天数,1234,567\n"            // 9: four digits before
      "A,次数,1,10次\n"             // 10: two digits
      "A,满意度,96,120份问卷调查结果\n"  // 11: a note after a value
      "A,完成时间,11,365天内完成\n"     // 12: the same
      "A,面积,2,500.25万平方米\n"      // 13: 2,500.25万平方米
      "A,里程,3,100.公里\n"            // 14: "100." ends no number: a note
      "A,人次,１,１００人次\n");         // 15: full-width digits are digits
  const Diagnostics& d = l.diags;
  CHECK_MESSAGE(HasError(d, 2, 9, "'1' in the column 'value' and the next cell '200' look like "
                                  "one number, '1,200', split in two by its thousands comma: "
                                  "put the value in double quotes, \"1,200\", or write it "
                                  "without the comma, 1200"),
                Dump(d));
  CHECK_MESSAGE(HasError(d, 3, 8, "one number, '1,100人次'"), Dump(d));
  CHECK_MESSAGE(HasError(d, 4, 6, "one number, '12,345.5万元'"), Dump(d));
  CHECK_MESSAGE(HasError(d, 13, 6, "one number, '2,500.25万平方米'"), Dump(d));
  CHECK_MESSAGE(HasError(d, 15, 6, "'１' in the column 'value' and the next cell '１００人次'"), Dump(d));
  CHECK_MESSAGE(d.error_count() == 5, Dump(d));
  for (const Diagnostic& diag : d.all()) CHECK(diag.code == 164);
  auto a = l.index.Claim("A", "A");
  REQUIRE(a != nullptr);
  CHECK(a->has_errors);  // never scored as 1

  // The Chinese header's name is the column's name in the message.
  Loaded zh = LoadCsv("项目,指标,实际值,说明\nA,执行数,3,000\n");
  CHECK_MESSAGE(HasError(zh.diags, 2, 7, "'3' in the column '实际值'"), Dump(zh.diags));
}

TEST_CASE("actuals CSV: the 指标值 cell of the 全年预算数 row is said not to be read") {
  // The template writes no 全年预算数 row: a finance officer adds one, and
  // its budget is read from the value cell. Text in its 指标值 cell is read
  // nowhere, which is said at the cell, naming where the budget is read.
  const std::string header = "项目,一级指标,二级指标,指标,指标值,实际值,说明\n";
  Loaded l = LoadCsv(header +
                     "CZ-01,,,全年执行数,预算 850000 元（运维项目）,796500,\n"  // 2
                     "CZ-01,,,全年预算数,调整后 800000 元,800000,年中调减\n"    // 3
                     "CZ-01,产出指标,数量指标,运维系统数量,≥3个,3,\n");
  REQUIRE(l.diags.size() == 1);
  const Diagnostic& w = l.diags.all()[0];
  CHECK(w.severity == Severity::kWarning);
  CHECK(w.code == 169);
  CHECK(w.loc.line == 3);
  CHECK(w.loc.column == 15);
  CHECK(w.message ==
        "the '指标值' cell of the '全年预算数' row is not read, so '调整后 800000 元' is taken as "
        "no budget: the budget after adjustment is read from this row's '实际值' cell "
        "('800000'), the budget at the start of the year from the target file: to change "
        "either, change it there, and empty this cell");
  auto p = l.index.Claim("CZ-01", "CZ-01");
  REQUIRE(p != nullptr);
  REQUIRE(p->budget.has_value());
  CHECK(p->budget->total.text == "800000");
  CHECK_FALSE(p->has_errors);

  // The budget typed in 指标值 instead, the value cell left empty: the
  // error at the value cell (JX0256), and the warning saying why.
  Loaded e = LoadCsv("项目,指标,指标值,实际值,说明\nP1,全年预算数,80,,\nP1,全年执行数,,79,\n");
  CHECK(HasError(e.diags, 2, 13, "has no amount"));
  REQUIRE(e.diags.size() == 2);
  CHECK(e.diags.all()[1].code == 169);
  CHECK(e.diags.all()[1].loc.line == 2);
  CHECK(e.diags.all()[1].loc.column == 10);
  CHECK(e.diags.all()[1].message.find("from this row's '实际值' cell, which is empty: write it "
                                      "there") != std::string::npos);

  // The spending row copied to make the budget row, its 指标值 (the
  // template's reference to the target's budget) kept: that is no budget
  // typed in the wrong cell, and is passed over, whichever row comes first.
  for (const std::string& rows :
       {std::string("P1,全年执行数,预算 85 万元（项目）,79,\nP1,全年预算数,预算 85 万元（项目）,80,\n"),
        std::string("P1,全年预算数,预算 85 万元（项目）,80,\nP1,全年执行数,预算 85 万元（项目）,79,\n")}) {
    Loaded c = LoadCsv("项目,指标,指标值,实际值,说明\n" + rows);
    CHECK_MESSAGE(c.diags.empty(), Dump(c.diags));
  }
}

TEST_CASE("actuals CSV: an amount of money split by its thousands comma is not judged") {
  // "816,500" unquoted on the 全年执行数 row reads as 816 and a note "500".
  // JX0164 says so; 816 compared with a budget of 850000 元 would then be a
  // unit slip (JX0803: "write 816000 or 816千元"), advice that is wrong:
  // the fix is the quotes. So the project's amounts are taken as unread.
  const std::string header = "项目,一级指标,二级指标,指标,指标值,实际值,说明\n";
  Loaded l = LoadCsv(header +
                     "CZ-01,,,全年执行数,预算 850000 元（运维项目）,816,500\n"  // 2
                     "CZ-01,产出指标,数量指标,运维系统数量,≥3个,3,\n");        // 3
  REQUIRE(l.diags.size() == 1);
  CHECK(l.diags.all()[0].code == 164);
  CHECK(l.diags.all()[0].loc.line == 2);
  CHECK(l.diags.all()[0].loc.column == 33);
  auto p = l.index.Claim("CZ-01", "CZ-01");
  REQUIRE(p != nullptr);
  CHECK(p->has_errors);
  CHECK_FALSE(p->has_spent);  // no amount spent to judge
  CHECK(p->note.empty());     // "500" is the rest of the number, not the project's note
  REQUIRE(p->budget_shown.has_value());  // the reference cell is another cell: kept

  // Split on the 全年预算数 row: the budget is not taken, and the amount
  // spent, quoted as it should be, is not judged against the 900 left.
  Loaded b = LoadCsv(header +
                     "CZ-01,,,全年执行数,,\"816,500\",\n"  // 2
                     "CZ-01,,,全年预算数,,900,000\n"        // 3
                     "CZ-01,产出指标,数量指标,运维系统数量,≥3个,3,\n");
  REQUIRE(b.diags.size() == 1);
  CHECK(b.diags.all()[0].code == 164);
  CHECK(b.diags.all()[0].loc.line == 3);
  auto pb = b.index.Claim("CZ-01", "CZ-01");
  REQUIRE(pb != nullptr);
  CHECK(pb->has_errors);
  CHECK_FALSE(pb->has_spent);
  CHECK_FALSE(pb->budget.has_value());

  // An indicator's value split so is read as before: its project is not
  // scored, and its amounts stay for the checks of the money.
  Loaded i = LoadCsv("project,indicator,value,note\nA,spent,5,\nA,培训人次,1,100人次\n");
  REQUIRE(i.diags.size() == 1);
  auto pi = i.index.Claim("A", "A");
  REQUIRE(pi != nullptr);
  CHECK(pi->has_errors);
  CHECK(pi->has_spent);
}

TEST_CASE("actuals CSV: a row with text in its first cell only is a note, said and not read") {
  Loaded l = LoadCsv(
      "项目,指标,实际值,说明,,\n"
      "P1,全年执行数,5,,,\n"
      "P1,数量,4台,,,\n"
      ",,,,,\n"                                // 4: blank, skipped in silence
      "填表说明：实际值请按指标值单位填写。,,,,,\n"  // 5: as Excel saves it
      "注：金额单位万元\n"                       // 6: one field only
      "P2,,,,,\n"                               // 7: the same shape: never data
      "P3,,,说明,,\n");                          // 8: more than the first cell: an error
  CHECK_MESSAGE(l.diags.warning_count() == 3, Dump(l.diags));
  CHECK_MESSAGE(l.diags.error_count() == 2, Dump(l.diags));  // P3's, and P3 has no spent row
  CHECK_MESSAGE(HasError(l.diags, 8, 4, "the '指标' cell is empty"), Dump(l.diags));
  const Diagnostic& w = l.diags.all()[0];
  CHECK(w.severity == Severity::kWarning);
  CHECK(w.code == 165);
  CHECK(w.loc.line == 5);
  CHECK(w.loc.column == 1);
  CHECK(w.message.find("'填表说明：实际值请按指标值单位填写。'") != std::string::npos);
  CHECK(l.diags.all()[1].loc.line == 6);
  CHECK(l.diags.all()[2].loc.line == 7);
  CHECK(l.index.size() == 2);  // P1 and P3 (with its error); no entry for a note
  CHECK(l.index.Claim("P1", "P1")->indicators.size() == 1);
}

TEST_CASE("actuals CSV: a title and blank rows above the header are skipped, the title said") {
  Loaded l = LoadCsv(
      "\n"                                  // 1: blank
      "2024年度绩效自评表,,,\n"              // 2: a title in column A
      "项目,指标,实际值,说明\n"              // 3: the header
      "P1,全年执行数,5,\n"
      "P1,数量,4台,\n");
  REQUIRE_MESSAGE(l.diags.error_count() == 0, Dump(l.diags));
  REQUIRE(l.diags.size() == 1);
  CHECK(l.diags.all()[0].code == 165);
  CHECK(l.diags.all()[0].loc.line == 2);
  auto p = l.index.Claim("P1", "P1");
  REQUIRE(p != nullptr);
  CHECK(p->indicators.size() == 1);
  CHECK(p->spent.total.value == Dec("5"));
  // A header written with semicolons is one cell too: named as such, not a title.
  Loaded sep = LoadCsv("2024年度绩效自评表\n项目;指标;实际值;说明\nP1;执行数;5;\n");
  CHECK_MESSAGE(sep.diags.error_count() == 1, Dump(sep.diags));
  CHECK(sep.diags.all()[0].code == 163);
  CHECK(sep.diags.all()[0].loc.line == 2);
}

TEST_CASE("actuals CSV: syntax errors are located") {
  Loaded l = LoadCsv("project,indicator,value,note\nA,spent,1,\"open\nA,甲,1,\n");
  CHECK_MESSAGE(HasError(l.diags, 2, 11, "a quoted field is never closed"), Dump(l.diags));
  CHECK(l.diags.error_count() == 1);
  CHECK(l.index.size() == 0);

  Loaded after = LoadCsv("project,indicator,value\nA,spent,\"1\"2\n");
  CHECK_MESSAGE(HasError(after.diags, 2, 12, "after the closing quote"), Dump(after.diags));
}

TEST_CASE("actuals CSV: header problems") {
  Loaded unknown = LoadCsv("projet,indicator,valeu,note,remark\nA,spent,1,,\n");
  CHECK_MESSAGE(HasError(unknown.diags, 1, 1, "unknown column 'projet': did you mean "
                                              "'project'?"),
                Dump(unknown.diags));
  CHECK_MESSAGE(HasError(unknown.diags, 1, 18, "unknown column 'valeu': did you mean 'value'?"),
                Dump(unknown.diags));
  CHECK_MESSAGE(HasError(unknown.diags, 1, 29, "unknown column 'remark': expected project, "
                                               "indicator, value, note or score"),
                Dump(unknown.diags));
  CHECK(HasError(unknown.diags, 1, 1, "the header has no 'project' column"));
  CHECK(HasError(unknown.diags, 1, 1, "the header has no 'value' column"));
  CHECK(unknown.index.size() == 0);

  // A Chinese header near a column's Chinese name is asked about; the
  // list of columns names the reference columns that may stay.
  Loaded near = LoadCsv("项目,指标,实际完成数,价格\nA,spent,1,\n");
  CHECK_MESSAGE(HasError(near.diags, 1, 7, "unknown column '实际完成数': did you mean '实际完成值'?"),
                Dump(near.diags));
  CHECK_MESSAGE(HasError(near.diags, 1, 13, "unknown column '价格': expected project, indicator, "
                                            "value, note or score (or 项目, 指标, 实际值, 说明); the "
                                            "reference columns 一级指标, 二级指标, 指标值 and 序号 "
                                            "may stay"),
                Dump(near.diags));

  // 序号, a sheet's row numbers, is passed over wherever it stands.
  Loaded numbered = LoadCsv("序号,项目,指标,实际值\n1,A,spent,5\n2,A,甲,4台\n");
  CHECK_MESSAGE(numbered.diags.empty(), Dump(numbered.diags));
  CHECK(numbered.index.size() == 1);
  Loaded numbered_last = LoadCsv("项目,指标,实际值, 序号 \nA,spent,5,1\nA,甲,4台,2\n");
  CHECK_MESSAGE(numbered_last.diags.empty(), Dump(numbered_last.diags));

  Loaded twice = LoadCsv("project,indicator,value,value\nA,spent,1,2\n");
  CHECK_MESSAGE(HasError(twice.diags, 1, 25, "column 'value' is given twice"), Dump(twice.diags));

  Loaded unnamed = LoadCsv("project,indicator,,value\nA,spent,,1\n");
  CHECK_MESSAGE(HasError(unnamed.diags, 1, 19, "column 3 of the header has no name"),
                Dump(unnamed.diags));

  Loaded no_header = LoadCsv("A,spent,1,\nA,甲,4台,\n");
  CHECK_MESSAGE(HasError(no_header.diags, 1, 1, "the first row must be the header"),
                Dump(no_header.diags));
  CHECK(no_header.diags.error_count() == 1);
}

TEST_CASE("actuals CSV: a header with another separator than ',' is an error naming it") {
  const struct {
    const char* text;
    int column;
    const char* separator;
  } kCases[] = {
      {"project;indicator;value;note\nA;spent;1;\n", 8, "a semicolon ';'"},
      {"project\tindicator\tvalue\tnote\nA\tspent\t1\t\n", 8, "a tab"},
      {"项目，指标，实际值，说明\nA，spent，1，\n", 3, "a full-width comma '，'"},
      {"项目; 指标; 实际值\n", 3, "a semicolon ';'"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.text);
    Loaded l = LoadCsv(c.text);
    CHECK_MESSAGE(HasError(l.diags, 1, c.column,
                           std::string("the columns of the header are separated by ") +
                               c.separator + ": a CSV file separates them with an ASCII comma"),
                  Dump(l.diags));
    CHECK(l.diags.error_count() == 1);
    CHECK(l.diags.all()[0].code == 163);
  }
  // Not a header however it is split: the first row is data.
  Loaded data = LoadCsv("A;spent;1;\nA;甲;4台;\n");
  CHECK(data.diags.all()[0].code == 154);
  Loaded one = LoadCsv("项目;其他\nA;1\n");
  CHECK(one.diags.all()[0].code == 154);
}

TEST_CASE("actuals CSV: empty file, header only, blank rows") {
  Loaded empty = LoadCsv("");
  REQUIRE(empty.diags.error_count() == 1);
  CHECK(empty.diags.all()[0].loc.file == "a.csv");
  CHECK(empty.diags.all()[0].message.find("the CSV file is empty") != std::string::npos);

  Loaded bom_only = LoadCsv("\xEF\xBB\xBF\r\n");
  CHECK(bom_only.diags.error_count() == 1);

  Loaded header = LoadCsv("project,indicator,value,note\n,,,\n");
  CHECK_MESSAGE(HasError(header.diags, 1, 1, "has a header but no rows"), Dump(header.diags));
  CHECK(header.index.size() == 0);

  Loaded blank_rows = LoadCsv("project,indicator,value,note\n,,,\nA,spent,1,\n , ,\n");
  CHECK_MESSAGE(blank_rows.diags.empty(), Dump(blank_rows.diags));
  CHECK(blank_rows.index.size() == 1);
}

TEST_CASE("an entry matched by one project's id and another's name is an error naming both") {
  // Project A: id A1, name B1; project B: id B1, name 项目乙. `project: B1`
  // is A's by its name and B's by its id.
  for (bool a_first : {true, false}) {
    CAPTURE(a_first);
    Loaded l = LoadYaml("projects:\n- project: B1\n  spent: 1\n- project: 项目乙\n  spent: 2\n");
    REQUIRE(l.diags.empty());
    bool ambiguous = true;
    auto claim = [&](const std::string& id, const std::string& name) {
      return l.index.ClaimIndex(id, name, l.index.Locate(id, name), &ambiguous);
    };
    Diagnostics d;
    if (a_first) {
      CHECK(claim("A1", "B1") == 0);
      CHECK_FALSE(ambiguous);
      claim("B1", "项目乙");
      CHECK(ambiguous);
      l.index.ReportUnclaimed(&d);
      CHECK(Dump(d) == "a.yaml:2:3: the actuals entry 'B1' could be for two target projects: "
                       "'项目乙' (id 'B1') by its id, and the project named 'B1' by its name: "
                       "key it by the id of the project it is for (YAML: `id:`; CSV: head "
                       "the project column `id` or 项目编号 and write ids in it), and give "
                       "the other project an entry of its own\n");
    } else {
      CHECK(claim("B1", "项目乙") == 0);
      CHECK_FALSE(ambiguous);
      claim("A1", "B1");
      CHECK(ambiguous);
      l.index.ReportUnclaimed(&d);
      CHECK(Dump(d) == "a.yaml:2:3: the actuals entry 'B1' could be for two target projects: "
                       "the project with id 'B1' by its id, and 'B1' (id 'A1') by its name: "
                       "key it by the id of the project it is for (YAML: `id:`; CSV: head "
                       "the project column `id` or 项目编号 and write ids in it), and give "
                       "the other project an entry of its own\n");
    }
  }
  // An `id:` entry matches ids only: no ambiguity.
  Loaded l = LoadYaml("projects:\n- id: B1\n  spent: 1\n");
  bool ambiguous = true;
  l.index.ClaimIndex("B1", "项目乙", l.index.Locate("B1", "项目乙"), &ambiguous);
  CHECK_FALSE(ambiguous);
  l.index.ClaimIndex("A1", "B1", l.index.Locate("A1", "B1"), &ambiguous);
  CHECK_FALSE(ambiguous);
  Diagnostics d;
  l.index.ReportUnclaimed(&d);
  CHECK(d.empty());
}

TEST_CASE("entries matching no project while a target file was not read in full: one error") {
  Loaded l = LoadYaml(
      "projects:\n- id: X1\n  spent: 1\n- id: X2\n  spent: 1\n- id: X3\n  spent: 1\n"
      "- id: X4\n  spent: 1\n- project: 乙\n  spent: 1\n");
  REQUIRE(l.diags.empty());
  CHECK(l.index.ClaimIndex("Y", "乙") == 4);  // claimed by name
  l.index.MarkTargetsIncomplete("t.yaml");
  l.index.MarkTargetsIncomplete("t.yaml");  // once
  Diagnostics d;
  l.index.ReportUnclaimed(&d);
  // At the first of them, naming three of the four and the file.
  CHECK(Dump(d) == "a.yaml:2:3: 4 actuals entries ('X1', 'X2', 'X3' and 1 more) match no target "
                   "project, but the target file 't.yaml' could not be read in full (see the "
                   "errors above): fix it first; their projects may be there\n");
  // One entry, two files.
  Loaded one = LoadYaml("projects:\n- id: X1\n  spent: 1\n");
  one.index.MarkTargetsIncomplete("t.yaml");
  one.index.MarkTargetsIncomplete("u.yaml");
  Diagnostics d1;
  one.index.ReportUnclaimed(&d1);
  CHECK(Dump(d1) == "a.yaml:2:3: actuals for 'X1' match no target project, but the target files "
                    "'t.yaml' and 'u.yaml' could not be read in full (see the errors above): fix "
                    "them first; the project may be there\n");
  // A second entry, or an id that is a name, is said as such all the same.
  Loaded second = LoadYaml("projects:\n- id: B1\n  spent: 1\n- project: 项目乙\n  spent: 1\n");
  CHECK(second.index.ClaimIndex("B1", "项目乙") == 0);
  second.index.MarkTargetsIncomplete("t.yaml");
  Diagnostics d2;
  second.index.ReportUnclaimed(&d2);
  CHECK(Dump(d2).find("a second actuals entry for target project 'B1'") != std::string::npos);
}

TEST_CASE("ids Excel changed: scientific notation, and leading zeros dropped") {
  Loaded l = LoadCsv("项目,指标,实际值\n3.62303E+14,spent,1\n7,spent,1\n1E+15,spent,1\n"
                     "3.6E14,spent,1\n8,spent,1\n");
  REQUIRE_MESSAGE(l.diags.empty(), Dump(l.diags));
  // The targets left without an entry: 362303202401001, 007, 0800.
  for (const char* id : {"362303202401001", "007", "0800"}) {
    CHECK(l.index.ClaimIndex(id, std::string("项目") + id) == ActualsIndex::kNone);
  }
  Diagnostics d;
  l.index.ReportUnclaimed(&d);
  const std::string all = Dump(d);
  CHECK(all.find("a.csv:2:1: actuals for '3.62303E+14' match no target project: that is a long "
                 "numeric id as Excel shows it (scientific notation), its last digits lost: "
                 "format the column as Text and type the full ids again\n") != std::string::npos);
  CHECK(all.find("a.csv:3:1: actuals for '7' match no target project: did you mean '007'? Excel "
                 "drops the leading zeros of a numeric id: format the column as Text and type the "
                 "ids again\n") != std::string::npos);
  CHECK(all.find("a.csv:4:1: actuals for '1E+15' match no target project: that is a long numeric "
                 "id") != std::string::npos);
  // Not Excel's notation (no '+'), and 8 is not 0800 without its zeros.
  CHECK(all.find("'3.6E14' match no target project: that is") == std::string::npos);
  CHECK(all.find("'8' match no target project: did you mean '0800'? Excel") == std::string::npos);
}

TEST_CASE("a CSV project column headed id or 项目编号 holds ids, as `id:` does") {
  // Project A: id A1, name B1; project B: id B1, name 项目乙. Under `项目` the
  // row B1 is A's by its name and B's by its id; under 项目编号 or id, B's only.
  for (const char* header : {"项目编号", "id", " ID "}) {
    CAPTURE(header);
    CHECK(CsvColumnIsById(header));
    CHECK(ActualsCsvColumn(header) == "project");
    Loaded l = LoadCsv(std::string(header) + ",指标,实际值\nB1,spent,1\n");
    REQUIRE_MESSAGE(l.diags.empty(), Dump(l.diags));
    bool ambiguous = true;
    CHECK(l.index.ClaimIndex("A1", "B1", l.index.Locate("A1", "B1"), &ambiguous) ==
          ActualsIndex::kNone);  // not by A's name
    CHECK_FALSE(ambiguous);
    CHECK(l.index.ClaimIndex("B1", "项目乙", l.index.Locate("B1", "项目乙"), &ambiguous) == 0);
    CHECK_FALSE(ambiguous);
    Diagnostics d;
    l.index.ReportUnclaimed(&d);
    CHECK_MESSAGE(d.empty(), Dump(d));
  }
  for (const char* header : {"项目", "项目名称", "project", "ident"}) {
    CAPTURE(header);
    CHECK_FALSE(CsvColumnIsById(header));
  }
  // Under 项目: the same row is ambiguous (and the error says how to key by id).
  Loaded l = LoadCsv("项目,指标,实际值\nB1,spent,1\n");
  bool ambiguous = false;
  l.index.ClaimIndex("A1", "B1", l.index.Locate("A1", "B1"), &ambiguous);
  l.index.ClaimIndex("B1", "项目乙", l.index.Locate("B1", "项目乙"), &ambiguous);
  CHECK(ambiguous);
  // A name under 项目编号 matches no id, and the error names the project whose
  // name it is.
  Loaded named = LoadCsv("项目编号,指标,实际值\n项目乙,spent,1\n");
  CHECK(named.index.ClaimIndex("B1", "项目乙", named.index.Locate("B1", "项目乙"), nullptr) ==
        ActualsIndex::kNone);
  Diagnostics d;
  named.index.ReportUnclaimed(&d);
  CHECK_MESSAGE(Dump(d).find("actuals for id '项目乙' match no target project id: '项目乙' is "
                             "the name of the target project with id 'B1'") != std::string::npos,
                Dump(d));
}

}  // namespace jixiao

namespace jixiao {

TEST_CASE("actuals CSV: the rows spent, budget and achieved in any case; 执行数") {
  Loaded l = LoadCsv(
      "project,indicator,value\nP1,Spent,6.5\nP1,BUDGET,7\nP1,Achieved,完成\n"
      "P2,执行数,3\n");
  REQUIRE_MESSAGE(l.diags.empty(), Dump(l.diags));
  auto p1 = l.index.Claim("P1", "P1");
  REQUIRE(p1 != nullptr);
  CHECK(p1->spent.total.value == Dec("6.5"));
  REQUIRE(p1->budget);
  CHECK(p1->budget->total.value == 7);
  CHECK(p1->achieved == "完成");
  CHECK(p1->indicators.empty());
  auto p2 = l.index.Claim("P2", "P2");
  REQUIRE(p2 != nullptr);
  CHECK(p2->spent.total.value == 3);
}

TEST_CASE("actuals CSV: the notes of the budget and achieved rows, the goals they show") {
  // The template's sheet as a finance officer filled it in: a 全年预算数 row
  // added with its note, what was achieved typed over the goals in 指标值,
  // and a note on the 实际完成情况 row.
  const std::string header = "项目,一级指标,二级指标,指标,指标值,实际值,说明\n";
  Loaded l = LoadCsv(header +
                     "P1,,,全年执行数,预算 85 万元（运维项目）,79.65,\n"                    // 2
                     "P1,,,全年预算数,,80,年中预算调减5万元\n"                              // 3
                     "P1,,,实际完成情况,全年系统可用率99.8%,,另附运维报告\n"               // 4
                     "P1,产出指标,数量指标,运维系统数量,≥3个,3,\n");                       // 5
  // The budget row's note is the project's note (why the rate is what it
  // is); the achieved row's is read nowhere, which is said at it.
  REQUIRE(l.diags.size() == 1);
  const Diagnostic& w = l.diags.all()[0];
  CHECK(w.severity == Severity::kWarning);
  CHECK(w.code == 167);
  CHECK(w.loc.line == 4);
  CHECK(w.loc.column == 27);
  CHECK(w.message ==
        "the '说明' cell of the '实际完成情况' row is not read, so '另附运维报告' appears in no "
        "report: what the overall goals came to goes in this row's '实际值' cell (it fills the "
        "自评表's 实际完成情况); the project's note (why its execution rate is low, say) goes in "
        "the '说明' cell of its 全年执行数 row");
  auto p = l.index.Claim("P1", "P1");
  REQUIRE(p != nullptr);
  CHECK(p->note == "年中预算调减5万元");
  CHECK(p->achieved == "");
  // The 指标值 cell of the achieved row is kept, with its place, through the
  // index's compact record, to be compared with the target's goals.
  CHECK(p->goals_shown == "全年系统可用率99.8%");
  CHECK(p->goals_shown_loc.file == "a.csv");
  CHECK(p->goals_shown_loc.line == 4);
  CHECK(p->goals_shown_loc.column == 13);

  // Notes on the spending and the budget rows: joined, in the file's order.
  Loaded both = LoadCsv(header +
                        "P1,,,全年预算数,,80,年中调减\n"
                        "P1,,,全年执行数,,79.65,结余上缴\n"
                        "P1,,,实际完成情况,,完成,\n");
  CHECK_MESSAGE(both.diags.empty(), Dump(both.diags));
  auto b = both.index.Claim("P1", "P1");
  REQUIRE(b != nullptr);
  CHECK(b->note == "年中调减；结余上缴");
  CHECK(b->achieved == "完成");
  CHECK(b->goals_shown.empty());

  // A second achieved row is an error at it (the first was kept in silence
  // before); so is a score on it.
  Loaded twice = LoadCsv(
      "project,indicator,value,note,score\nP1,spent,1,,\nP1,achieved,甲,,\nP1,实际完成情况,乙,,\n"
      "P2,spent,1,,\nP2,achieved,甲,,0.5\n");
  CHECK(HasError(twice.diags, 4, 4,
                 "project 'P1' has a second '实际完成情况' row (the first is on line 3)"));
  CHECK(HasError(twice.diags, 6, 16, "the 'achieved' row takes no score"));
  CHECK(twice.diags.error_count() == 2);
}

TEST_CASE("actuals CSV: empty project cells, once per run; a run under a project, merged cells") {
  // The project column merged in Excel: saved as CSV, its text is in the
  // project's first row only. One error for the run, at its first cell,
  // naming its lines and the project above, and no "no actual" for that
  // project's indicators, which are on the rows not read.
  Loaded l = LoadCsv(
      "项目,一级指标,二级指标,指标,指标值,实际值,说明\n"                            // 1
      "CZ-01,,,全年执行数,预算 85 万元（运维项目）,79.65,\n"                        // 2
      ",,,实际完成情况,保障系统稳定运行,全年无重大故障,\n"                           // 3
      ",产出指标,数量指标,运维系统数量,≥3个,3,\n"                                   // 4
      "\n"                                                                          // 5
      ",满意度指标,服务对象满意度指标,预算单位满意度,≥90%,96.5%,\n"                 // 6
      "CZ-02,,,全年执行数,,10,\n"                                                   // 7
      ",,,设备数量,,4台,\n");                                                      // 8
  CHECK(l.diags.size() == 2);
  CHECK(HasError(l.diags, 3, 1,
                 "the '项目' cells of lines 3–6 are empty, under 'CZ-01' on line 2: most likely "
                 "the column's cells were merged in Excel (saved as CSV, only the first row keeps "
                 "the text): unmerge the cells, fill each project down to its rows and save as "
                 "CSV again (jixiao explain JX0166 says how); these rows were not read"));
  // One row under a project: as likely a cell left empty; its row too.
  CHECK(HasError(l.diags, 8, 1,
                 "the '项目' cell is empty: expected the id or name of a target project (line 7 "
                 "above has 'CZ-02': is this row one of its rows too?); this row was not read"));
  CHECK(l.diags.all()[0].code == 166);
  CHECK(l.diags.all()[1].code == 160);
  // Both projects' entries: with errors, and rows unread (so that no
  // indicator is said to have no actual).
  for (const char* key : {"CZ-01", "CZ-02"}) {
    CAPTURE(key);
    auto p = l.index.Claim(key, key);
    REQUIRE(p != nullptr);
    CHECK(p->has_errors);
    CHECK(p->rows_unread);
  }

  // No project above (the sheet's first rows): JX0160, once for the run.
  Loaded top = LoadCsv("project,indicator,value\n,spent,1\n,甲,2台\n,乙,3台\nP1,spent,1\n");
  REQUIRE(top.diags.size() == 1);
  CHECK(top.diags.all()[0].code == 160);
  CHECK(HasError(top.diags, 2, 1,
                 "the 'project' cells of lines 2–4 are empty: expected the id or name of a "
                 "target project"));
  Loaded one = LoadCsv("project,indicator,value\n,spent,1\nP1,spent,1\n");
  CHECK(Dump(one.diags) ==
        "a.csv:2:1: the 'project' cell is empty: expected the id or name of a target project\n");
  auto p1 = one.index.Claim("P1", "P1");
  REQUIRE(p1 != nullptr);
  CHECK_FALSE(p1->rows_unread);  // P1 is below the empty cell, not above it

  // A run at the end of the file, a cell quoted and blank.
  Loaded last = LoadCsv("project,indicator,value\nP1,spent,1\n\" \",甲,2台\n,乙,3台\n");
  CHECK(Dump(last.diags) ==
        "a.csv:3:1: the 'project' cells of lines 3–4 are empty, under 'P1' on line 2: most "
        "likely the column's cells were merged in Excel (saved as CSV, only the first row keeps "
        "the text): unmerge the cells, fill each project down to its rows and save as CSV again "
        "(jixiao explain JX0166 says how); these rows were not read\n");
}

TEST_CASE("actuals CSV: Chinese headers and the empty columns Excel leaves") {
  Loaded l = LoadCsv(
      "项目名称,三级指标,实际完成值,偏差原因,,,\r\n"
      "P1,全年执行数,6.5,执行率偏低,,,\r\n"
      "P1,购置设备数量,4台,,,,\r\n"
      ",,,,,,\r\n");
  REQUIRE_MESSAGE(l.diags.empty(), Dump(l.diags));
  auto p = l.index.Claim("P1", "P1");
  REQUIRE(p != nullptr);
  CHECK(p->spent.total.value == Dec("6.5"));
  CHECK(p->note == "执行率偏低");
  REQUIRE(Find(*p, "购置设备数量") != nullptr);
  CHECK(Find(*p, "购置设备数量")->text == "4台");

  for (const char* header : {"项目,指标,实际值,说明", "项目编号,指标名称,完成值,备注",
                             " Project , INDICATOR,Value,Note"}) {
    CAPTURE(header);
    Loaded h = LoadCsv(std::string(header) + "\nP1,spent,1,\n");
    CHECK_MESSAGE(h.diags.empty(), Dump(h.diags));
    CHECK(h.index.size() == 1);
  }
  CHECK(ActualsCsvColumn(" 实际值 ") == "value");
  CHECK(ActualsCsvColumn("实际") == "");
  // The 自评表's column of notes, and its short form, name the note.
  for (const char* header : {"偏差原因分析及改进措施", "偏差原因分析", " 偏差原因分析 "}) {
    CAPTURE(header);
    CHECK(ActualsCsvColumn(header) == "note");
    Loaded n = LoadCsv(std::string("项目,三级指标,实际完成值,") + header +
                       "\nP1,全年执行数,6.5,执行率偏低\nP1,购置设备数量,3台,供应商延期交货\n");
    REQUIRE_MESSAGE(n.diags.empty(), Dump(n.diags));
    auto np = n.index.Claim("P1", "P1");
    REQUIRE(np != nullptr);
    CHECK(np->note == "执行率偏低");
    REQUIRE(Find(*np, "购置设备数量") != nullptr);
    CHECK(Find(*np, "购置设备数量")->note == "供应商延期交货");
  }
  CHECK(ActualsCsvColumn("偏差原因分析及措施") == "");
  // Beside another note column, one too many, as 偏差原因 and 备注 are.
  Loaded two = LoadCsv("项目,指标,实际值,偏差原因分析及改进措施,备注\nP1,spent,1,,\n");
  CHECK_MESSAGE(HasError(two.diags, 1, 23, "both name the note column"), Dump(two.diags));
  // The forms' header of the target (自评表, 监控表) is the target column.
  CHECK(ActualsCsvColumn("年度指标值") == "target");
  Loaded form = LoadCsv("项目,指标,年度指标值,实际值\nP1,全年执行数,,1\nP1,甲,5台,4台\n");
  REQUIRE_MESSAGE(form.diags.empty(), Dump(form.diags));
  auto fp = form.index.Claim("P1", "P1");
  REQUIRE(fp != nullptr);
  REQUIRE(Find(*fp, "甲") != nullptr);
  CHECK(Find(*fp, "甲")->target_text == "5台");
  CHECK(Find(*fp, "甲")->text == "4台");

  // A trailing column with something in it is data beyond the header.
  Loaded extra = LoadCsv("项目,指标,实际值,说明,,\nP1,spent,1,,x,\n");
  CHECK_MESSAGE(HasError(extra.diags, 2, 1, "this row has 5 fields, but the header has 4 columns"),
                Dump(extra.diags));
  // A row longer than a header line with empty fields: both as the file
  // shows them.
  Loaded longer = LoadCsv("项目,指标,实际值,说明,,\nP1,spent,1,,,,x\n");
  CHECK_MESSAGE(HasError(longer.diags, 2, 1,
                         "this row has 7 fields, but the header has 6 columns (4 named, 2 empty "
                         "after them)"),
                Dump(longer.diags));
  // Two names of one column.
  Loaded both = LoadCsv("项目名称,项目编号,指标,实际值\nP1,X1,spent,1\n");
  CHECK_MESSAGE(HasError(both.diags, 1, 6, "columns '项目名称' (column 1) and '项目编号' both "
                                           "name the project column: keep one of them"),
                Dump(both.diags));
}

TEST_CASE("a CSV file saved as GB18030 is read as such, with a warning") {
  // "项目,指标,实际值\r\nP1,spent,6.5\r\nP1,数量,4台\r\n" in GB18030.
  Source src{"gb.csv",
             "\xCF\xEE\xC4\xBF,\xD6\xB8\xB1\xEA,\xCA\xB5\xBC\xCA\xD6\xB5\r\n"
             "P1,spent,6.5\r\nP1,\xCA\xFD\xC1\xBF,4\xCC\xA8\r\n"};
  Diagnostics d;
  REQUIRE(CheckActualsCsvText(&src, 1000, &d));
  CHECK(src.text == "项目,指标,实际值\r\nP1,spent,6.5\r\nP1,数量,4台\r\n");
  REQUIRE(d.size() == 1);
  CHECK(d.all()[0].severity == Severity::kWarning);
  CHECK(d.all()[0].loc.line == 1);
  CHECK(d.all()[0].loc.column == 1);
  CHECK(d.all()[0].source_line == "项目,指标,实际值");
  CHECK(d.all()[0].message.rfind("the file is not UTF-8: read as GB18030", 0) == 0);
  ActualsIndex index;
  ReadActualsCsv(src, &index, &d);
  CHECK(d.error_count() == 0);
  auto p = index.Claim("P1", "P1");
  REQUIRE(p != nullptr);
  CHECK(Find(*p, "数量")->text == "4台");
  CHECK(Find(*p, "数量")->loc.line == 3);
  CHECK(Find(*p, "数量")->loc.column == 4);
}

TEST_CASE("a CSV file neither UTF-8 nor GB18030 is an error telling how to save it") {
  Source latin1{"l.csv", "project,indicator,value\nP1,spent,1\nP1,caf\xE9\n"};
  Diagnostics d;
  CHECK_FALSE(CheckActualsCsvText(&latin1, 1000, &d));
  CHECK_MESSAGE(HasError(d, 3, 7, "the file is neither UTF-8 nor GB18030 (byte 0xE9 here): save "
                                  "it in Excel with 文件 → 另存为 (File → Save As), file type "
                                  "\"CSV UTF-8(逗号分隔)\""),
                Dump(d));
  Source utf16{"u.csv", std::string("\xFF\xFEp\0r\0", 6)};
  Diagnostics d16;
  CHECK_FALSE(CheckActualsCsvText(&utf16, 1000, &d16));
  REQUIRE(d16.error_count() == 1);
  CHECK(d16.all()[0].loc.line == 0);
  CHECK(d16.all()[0].message.rfind("the file is UTF-16 (Excel's \"Unicode 文本\"), not UTF-8", 0) ==
        0);
  // UTF-8 passes untouched, and a control character is still refused.
  Source ok{"ok.csv", "项目,指标,实际值\n"};
  Diagnostics none;
  CHECK(CheckActualsCsvText(&ok, 1000, &none));
  CHECK(none.empty());
  Source control{"c.csv", std::string("\xCF\xEE\x01\n")};
  CHECK_FALSE(CheckActualsCsvText(&control, 1000, &none));
}

}  // namespace jixiao
