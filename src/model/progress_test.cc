// Progress files (progress.h): the words of the form, reading YAML and CSV
// progress, each problem located with its code, and the compact record.
#include "model/progress.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "model/actuals.h"
#include "model/actuals_read.h"
#include "model/progress_read.h"

namespace jixiao {

namespace {

struct Read {
  std::vector<ProjectActuals> entries;
  Diagnostics diags;
  // The one error, which must be the only diagnostic.
  const Diagnostic Only() const {
    REQUIRE(diags.size() == 1);
    return diags.all().front();
  }
};

Read Yaml(const std::string& text, bool as_of_required = true) {
  Read r;
  Source src{"p.yaml", text};
  ProgressReading reading;
  reading.as_of_required = as_of_required;
  ParseYamlStream(src, {}, &r.diags, [&](const YamlDocument& doc) {
    actuals_read::ReadYamlEntries(
        src, doc, [&](ProjectActuals&& e) { r.entries.push_back(std::move(e)); }, &r.diags,
        &reading);
  });
  return r;
}

Read Csv(const std::string& text, bool as_of_required = true) {
  Read r;
  Source src{"p.csv", text};
  ProgressReading reading;
  reading.as_of_required = as_of_required;
  actuals_read::ReadCsvEntries(
      src, {}, [&](ProjectActuals&& e) { r.entries.push_back(std::move(e)); }, &r.diags,
      &reading);
  return r;
}

const char kEntry[] =
    "as_of: 2024-07-31\n"                                                     // 1
    "projects:\n"                                                             // 2
    "  - id: P1\n"                                                            // 3
    "    spent: 3.10\n"                                                       // 4
    "    forecast_spent: 5.90万元\n"                                          // 5
    "    indicators:\n"                                                       // 6
    "      购置设备数量: {value: 2台, forecast: 4台, likelihood: 确定能}\n"   // 7
    "      验收合格率: 100%\n"                                                // 8
    "      项目完成时间: {value: 未完成}\n"                                   // 9
    "      满意度: {forecast: 92%}\n"                                         // 10
    "      定性: {grade: 部分达成, likelihood: likely, reasons: [人员保障, funding], note: 说明}\n";

}  // namespace

TEST_CASE("likelihood and reasons: the form's words, or their English names") {
  CHECK(ParseLikelihood("确定能") == Likelihood::kCertain);
  CHECK(ParseLikelihood(" 有可能 ") == Likelihood::kLikely);
  CHECK(ParseLikelihood("完全不可能") == Likelihood::kImpossible);
  CHECK(ParseLikelihood("Impossible") == Likelihood::kImpossible);
  CHECK_FALSE(ParseLikelihood("可能").has_value());
  CHECK(std::string(LikelihoodWord(Likelihood::kLikely)) == "有可能");
  CHECK(std::string(LikelihoodKey(Likelihood::kLikely)) == "likely");
  CHECK(ParseReason("硬件条件保障") == kReasonHardware);
  CHECK(ParseReason("STAFF") == kReasonStaff);
  CHECK(ParseReason("经费") == 0);
  std::string bad;
  CHECK(ParseReasonList("经费保障、人员保障", &bad) == (kReasonFunding | kReasonStaff));
  CHECK(ParseReasonList("制度保障; 其他；funding", &bad) ==
        (kReasonPolicy | kReasonOther | kReasonFunding));
  CHECK(ParseReasonList("", &bad) == 0);
  CHECK(bad.empty());
  CHECK(ParseReasonList("经费保障、天气", &bad) == 0);
  CHECK(bad == "天气");
}

TEST_CASE("a YAML progress entry: as_of, forecast_spent, forecast, likelihood, reasons") {
  Read r = Yaml(kEntry);
  CHECK(r.diags.empty());
  REQUIRE(r.entries.size() == 1);
  const ProjectActuals& e = r.entries[0];
  CHECK_FALSE(e.has_errors);
  REQUIRE(e.as_of.has_value());
  CHECK(e.as_of->date == Date{2024, 7, 31});
  CHECK(e.as_of->loc.line == 1);
  REQUIRE(e.forecast_spent.has_value());
  CHECK(e.forecast_spent->text == "5.90万元");
  CHECK(e.forecast_spent->loc.line == 5);
  REQUIRE(e.indicators.size() == 5);
  const IndicatorActual& a = e.indicators[0];
  CHECK(a.text == "2台");
  CHECK(a.progress.forecast == "4台");
  CHECK(a.progress.forecast_value.kind == ActualKind::kQuantity);
  CHECK(a.progress.forecast_line == 7);
  CHECK(a.progress.likelihood == Likelihood::kCertain);
  CHECK(e.indicators[1].progress.empty());
  CHECK(e.indicators[2].text == "未完成");
  CHECK(e.indicators[3].text.empty());  // only a forecast
  CHECK(e.indicators[3].progress.forecast == "92%");
  CHECK(e.indicators[4].grade == Grade::kPartial);
  CHECK(e.indicators[4].progress.likelihood == Likelihood::kLikely);
  CHECK(e.indicators[4].progress.reasons == (kReasonStaff | kReasonFunding));
}

TEST_CASE("a progress entry survives the compact record of the index") {
  Read r = Yaml(kEntry);
  REQUIRE(r.entries.size() == 1);
  ActualsIndex index;
  Diagnostics d;
  index.Add(r.entries[0], &d);
  std::shared_ptr<const ProjectActuals> back = index.Get(0);
  REQUIRE(back->as_of.has_value());
  CHECK(back->as_of->date == Date{2024, 7, 31});
  CHECK(back->as_of->loc.file == "p.yaml");
  REQUIRE(back->forecast_spent.has_value());
  CHECK(back->forecast_spent->value == Rational(59, 10));
  CHECK(back->forecast_spent->unit.name == "万元");
  CHECK(back->forecast_spent->loc.line == 5);
  REQUIRE(back->indicators.size() == 5);
  CHECK(back->indicators[0].progress.forecast_value.value.value == 4);
  CHECK(back->indicators[0].progress.likelihood_line == 7);
  CHECK(back->indicators[3].progress.forecast == "92%");
  CHECK(back->indicators[4].progress.reasons == (kReasonStaff | kReasonFunding));
  // An actuals entry packs nothing more than it did: no progress, no bytes.
  ProjectActuals plain;
  plain.key = "P2";
  plain.loc = {"a.yaml", 1, 1};
  index.Add(plain, &d);
  CHECK_FALSE(index.Get(1)->as_of.has_value());
  CHECK_FALSE(index.Get(1)->forecast_spent.has_value());
}

TEST_CASE("a progress document without as_of is an error, unless --as-of gives it") {
  const std::string text = "projects:\n  - id: P1\n    spent: 1\n    indicators: {甲: 1台}\n";
  Read r = Yaml(text);
  CHECK(r.Only().code == 901);
  CHECK(r.Only().loc.line == 1);
  REQUIRE(r.entries.size() == 1);
  CHECK(r.entries[0].has_errors);
  CHECK(Yaml(text, false).diags.empty());
}

TEST_CASE("as_of must be a calendar date within the file's year") {
  Read r = Yaml("as_of: 2024-02-30\nprojects:\n  - id: P1\n    spent: 1\n    indicators: {甲: 1}\n");
  CHECK(r.Only().code == 902);
  CHECK(r.Only().loc.line == 1);
  CHECK(r.Only().loc.column == 8);
  r = Yaml("year: 2024\nas_of: 2023-07-31\nprojects:\n  - id: P1\n    spent: 1\n"
           "    indicators: {甲: 1}\n");
  CHECK(r.Only().code == 903);
  CHECK(r.Only().loc.line == 2);
  // Written the Chinese way.
  r = Yaml("as_of: 2024年7月31日\nprojects:\n  - id: P1\n    spent: 1\n    indicators: {甲: 1}\n");
  CHECK(r.diags.empty());
  CHECK(r.entries[0].as_of->date == Date{2024, 7, 31});
  // A spreadsheet's date serial: 45504 days after 1899-12-30 is 2024-07-31,
  // said in the error; a number that is no serial is just not a date.
  r = Yaml("as_of: 45504\nprojects:\n  - id: P1\n    spent: 1\n    indicators: {甲: 1}\n");
  CHECK(r.Only().code == 902);
  CHECK(r.Only().message ==
        "as_of '45504' is a date as Excel numbers it (45504 is 2024-07-31): format the cell as "
        "a date, or write 2024-07-31");
  r = Yaml("as_of: 7\nprojects:\n  - id: P1\n    spent: 1\n    indicators: {甲: 1}\n");
  CHECK(r.Only().message.rfind("as_of '7' is not a date", 0) == 0);
}

TEST_CASE("ParseAsOfOption: --as-of's date, its messages naming the option") {
  Date d;
  CHECK_FALSE(ParseAsOfOption(" 2024-07-31 ", &d));
  CHECK(d == Date{2024, 7, 31});
  std::optional<Message> serial = ParseAsOfOption("45504", &d);  // 1899-12-30 + 45504 days
  REQUIRE(serial);
  CHECK(serial->code == 902);
  CHECK(serial->text == "--as-of 45504 is a date as Excel numbers it (45504 is 2024-07-31): "
                        "write --as-of 2024-07-31");
  std::optional<Message> bad = ParseAsOfOption("7月底", &d);
  REQUIRE(bad);
  CHECK(bad->text == "--as-of takes a date such as 2024-07-31, not '7月底'");
  // A date in form that the calendar does not have: what is wrong with it.
  bad = ParseAsOfOption("2023-02-29", &d);
  REQUIRE(bad);
  CHECK(bad->code == 902);
  CHECK(bad->text == "--as-of '2023-02-29' is not a calendar date: 2023年2月 has 28 days; give a "
                     "date the calendar has");
  bad = ParseAsOfOption("2024-13-01", &d);
  REQUIRE(bad);
  CHECK(bad->text == "--as-of '2024-13-01' is not a calendar date: there is no month 13; give a "
                     "date the calendar has");
  // 2024 is a leap year.
  CHECK_FALSE(ParseAsOfOption("2024-02-29", &d));
  std::optional<Message> file = ParseAsOf("2025年2月29日", &d);
  REQUIRE(file);
  CHECK(file->text == "as_of '2025年2月29日' is not a calendar date: 2025年2月 has 28 days; give a "
                      "date the calendar has");
}

TEST_CASE("an unknown likelihood or reason is an error at it") {
  Read r = Yaml("as_of: 2024-07-31\nprojects:\n  - id: P1\n    spent: 1\n    indicators:\n"
                "      甲: {value: 1台, likelihood: 大概}\n");
  CHECK(r.Only().code == 905);
  CHECK(r.Only().loc.line == 6);
  CHECK(r.Only().loc.column == 34);
  CHECK(r.entries[0].has_errors);
  r = Yaml("as_of: 2024-07-31\nprojects:\n  - id: P1\n    spent: 1\n    indicators:\n"
           "      甲: {value: 1台, reasons: [人员保障, 天气]}\n");
  CHECK(r.Only().code == 906);
  CHECK(r.Only().loc.line == 6);
  CHECK(r.Only().loc.column == 38);
  r = Yaml("as_of: 2024-07-31\nprojects:\n  - id: P1\n    spent: 1\n    indicators:\n"
           "      甲: {value: 1台, reasons: {a: b}}\n");
  CHECK(r.Only().code == 906);
}

TEST_CASE("an indicator with neither value nor forecast is an error") {
  Read r = Yaml("as_of: 2024-07-31\nprojects:\n  - id: P1\n    spent: 1\n    indicators:\n"
                "      甲: {likelihood: 确定能}\n");
  CHECK(r.Only().code == 907);
  CHECK(r.Only().loc.line == 6);
  CHECK(r.Only().loc.column == 10);
}

TEST_CASE("a forecast that is not a value is an error at it") {
  Read r = Yaml("as_of: 2024-07-31\nprojects:\n  - id: P1\n    spent: 1\n    indicators:\n"
                "      甲: {forecast: 不适用}\n");
  CHECK(r.Only().code == 908);
  r = Yaml("as_of: 2024-07-31\nprojects:\n  - id: P1\n    spent: 1\n    indicators:\n"
           "      甲: {forecast: }\n");
  CHECK(r.Only().code == 908);
  r = Yaml("as_of: 2024-07-31\nprojects:\n  - id: P1\n    spent: 1\n    indicators:\n"
           "      甲: {forecast: 2024-02-30}\n");
  CHECK(r.Only().code == 908);
}

TEST_CASE("an actuals file is read as before: no progress keys") {
  Source src{"a.yaml", "projects:\n  - id: P1\n    spent: 1\n    indicators:\n"
                       "      甲: {value: 1台, forecast: 2台}\n"};
  Diagnostics d;
  ParseYamlStream(src, {}, &d, [&](const YamlDocument& doc) {
    actuals_read::ReadYamlEntries(src, doc, [](ProjectActuals&&) {}, &d);
  });
  REQUIRE(d.error_count() == 1);
  CHECK(d.all()[0].message.find("forecast") != std::string::npos);  // an unknown key
}

TEST_CASE("CSV progress: the as_of row, forecast columns and the spending row's forecast") {
  Read r = Csv(
      "project,indicator,value,note,forecast,likelihood,reasons\n"  // 1
      ",as_of,2024-07-31,,,,\n"                                      // 2
      "P1,spent,3.10,说明,5.90,,\n"                                  // 3
      "P1,购置设备数量,2台,,4台,确定能,\n"                           // 4
      "P1,满意度,,,92%,有可能,经费保障、人员保障\n"                  // 5
      "P1,项目完成时间,未完成,,,,\n");                               // 6
  CHECK(r.diags.empty());
  REQUIRE(r.entries.size() == 1);
  const ProjectActuals& e = r.entries[0];
  REQUIRE(e.as_of.has_value());
  CHECK(e.as_of->date == Date{2024, 7, 31});
  CHECK(e.as_of->loc.line == 2);
  REQUIRE(e.forecast_spent.has_value());
  CHECK(e.forecast_spent->value == Rational(59, 10));
  REQUIRE(e.indicators.size() == 3);
  CHECK(e.indicators[0].progress.forecast == "4台");
  CHECK(e.indicators[0].progress.likelihood == Likelihood::kCertain);
  CHECK(e.indicators[1].text.empty());
  CHECK(e.indicators[1].progress.forecast == "92%");
  CHECK(e.indicators[1].progress.reasons == (kReasonFunding | kReasonStaff));
  CHECK(e.indicators[2].text == "未完成");
}

TEST_CASE("CSV progress: the Chinese headers of the progress columns") {
  Read r = Csv("项目,指标,实际值,说明,全年预计完成情况,完成目标可能性,偏差原因类别\n"
               ",截至日期,2024年7月31日,,,,\n"
               "P1,全年执行数,1,,,,\n"
               "P1,甲,,,3个,完全不可能,其他\n");
  CHECK(r.diags.empty());
  REQUIRE(r.entries.size() == 1);
  CHECK(r.entries[0].indicators[0].progress.likelihood == Likelihood::kImpossible);
}

TEST_CASE("CSV progress: the forecast spending in a row of its own, once") {
  // A row 全年预计执行数 (or forecast_spent, any case) holds it in its value
  // cell, instead of the forecast cell of the spending row.
  for (const char* label : {"全年预计执行数", "forecast_spent", "Forecast_Spent"}) {
    CAPTURE(label);
    Read r = Csv(std::string("project,indicator,value,note,forecast\n,as_of,2024-07-31,,\n"
                             "P1,执行数,3.10,,\nP1,") +
                 label + ",5.90,,\nP1,甲,1台,,\n");
    CHECK(r.diags.empty());
    REQUIRE(r.entries.size() == 1);
    REQUIRE(r.entries[0].forecast_spent.has_value());
    CHECK(r.entries[0].forecast_spent->value == Rational(59, 10));
    CHECK(r.entries[0].forecast_spent->loc.line == 4);
    CHECK(r.entries[0].indicators.size() == 1);  // not an indicator
  }
  // Both ways: an error at the second (line 4); empty: an error at its
  // cell; a forecast in the row: the row takes none.
  Read r = Csv("project,indicator,value,note,forecast\n,as_of,2024-07-31,,\n"
               "P1,执行数,3.10,,5.90\nP1,全年预计执行数,6,,\n");
  REQUIRE(r.diags.error_count() == 1);
  CHECK(r.diags.all()[0].code == 161);
  CHECK(r.diags.all()[0].loc.line == 4);
  r = Csv("project,indicator,value,note,forecast\n,as_of,2024-07-31,,\n"
          "P1,执行数,3.10,,\nP1,全年预计执行数,,,\n");
  REQUIRE(r.diags.error_count() == 1);
  CHECK(r.diags.all()[0].code == 256);
  CHECK(r.diags.all()[0].loc.line == 4);
  r = Csv("project,indicator,value,note,forecast\n,as_of,2024-07-31,,\n"
          "P1,执行数,3.10,,\nP1,全年预计执行数,6,,7\n");
  CHECK(r.diags.has_errors());
}

TEST_CASE("CSV progress: notes of the budget, forecast and achieved rows") {
  // As in eval: the budget row's note and a forecast row's join the
  // project's note; the achieved row's is read nowhere, said at it.
  Read r = Csv(
      "项目,指标,指标值,实际值,说明\n,截至日期,,2024-07-31,\n"       // 1, 2
      "P1,执行数,预算 6 万元（P1）,3.10,进度正常\n"                 // 3
      "P1,全年预算数,,5,年中调减1万元\n"                            // 4
      "P1,全年预计执行数,,4.8,按合同付款\n"                         // 5
      "P1,实际完成情况,完成设备采购,已采购,见附件\n"                // 6
      "P1,甲,4台,2台,\n");
  REQUIRE(r.diags.size() == 1);
  const Diagnostic& w = r.diags.all()[0];
  CHECK(w.severity == Severity::kWarning);
  CHECK(w.code == 167);
  CHECK(w.loc.line == 6);
  CHECK(w.loc.column == 22);
  CHECK(w.message ==
        "the '说明' cell of the '实际完成情况' row is not read, so '见附件' appears in no "
        "report: what has come of the overall goals so far goes in this row's '实际值' cell (it "
        "fills the 监控表's 1-N月执行情况); the project's note goes in the '说明' cell of its "
        "执行数 row");
  REQUIRE(r.entries.size() == 1);
  CHECK(r.entries[0].note == "进度正常；年中调减1万元；按合同付款");
  CHECK(r.entries[0].achieved == "已采购");
  CHECK(r.entries[0].goals_shown == "完成设备采购");
  CHECK(r.entries[0].goals_shown_loc.line == 6);
  CHECK(r.entries[0].goals_shown_loc.column == 11);
}

TEST_CASE("CSV progress: a column 偏差原因 without 偏差原因类别 gives the reasons it names") {
  Read r = Csv("项目,指标,实际值,偏差原因,全年预计完成情况\n,截至日期,2024-07-31,,\n"
               "P1,执行数,1,,\nP1,甲,1台,经费保障、人员保障,4台\nP1,乙,2台,受天气影响,5台\n");
  CHECK(r.diags.empty());
  REQUIRE(r.entries.size() == 1);
  REQUIRE(r.entries[0].indicators.size() == 2);
  CHECK(r.entries[0].indicators[0].progress.reasons == (kReasonFunding | kReasonStaff));
  CHECK(r.entries[0].indicators[0].note.empty());
  CHECK(r.entries[0].indicators[1].progress.reasons == 0);  // words of its own: the note
  CHECK(r.entries[0].indicators[1].note == "受天气影响");
  // With a reasons column, 偏差原因 is the note whatever it says.
  r = Csv("项目,指标,实际值,偏差原因,偏差原因类别\n,截至日期,2024-07-31,,\n"
          "P1,执行数,1,,\nP1,甲,1台,经费保障,\n");
  REQUIRE(r.entries.size() == 1);
  CHECK(r.entries[0].indicators[0].note == "经费保障");
  CHECK(r.entries[0].indicators[0].progress.reasons == 0);
  // So is a column headed 说明.
  r = Csv("项目,指标,实际值,说明\n,截至日期,2024-07-31,\nP1,执行数,1,\nP1,甲,1台,经费保障\n");
  REQUIRE(r.entries.size() == 1);
  CHECK(r.entries[0].indicators[0].note == "经费保障");
}

TEST_CASE("CSV progress: 偏差原因 beside a note column (the paper form's headers) is the reasons") {
  // 备注 (or 说明, note) is the note; 偏差原因 the reasons, not a second note.
  const std::string head = "项目,指标,实际值,全年预计完成情况,完成目标可能性,偏差原因,备注\r\n"
                           ",截至日期,2024/7/31,,,,\r\nP-1,执行数,60,,,,\r\n";
  Read r = Csv(head + "P-1,工作人员数量,4人,4人,有可能,人员保障,招聘中\r\n"
                      "P-1,乙,2台,,,经费保障、其他,\r\n");
  CHECK_MESSAGE(r.diags.empty(), (r.diags.empty() ? "" : r.diags.all()[0].message));
  REQUIRE(r.entries.size() == 1);
  REQUIRE(r.entries[0].indicators.size() == 2);
  CHECK(r.entries[0].indicators[0].progress.reasons == kReasonStaff);
  CHECK(r.entries[0].indicators[0].note == "招聘中");
  CHECK(r.entries[0].indicators[0].progress.likelihood == Likelihood::kLikely);
  CHECK(r.entries[0].indicators[1].progress.reasons == (kReasonFunding | kReasonOther));
  CHECK(r.entries[0].indicators[1].note.empty());
  // Other text in it is not dropped: JX0906 at the cell, naming the note column.
  r = Csv(head + "P-1,工作人员数量,4人,4人,有可能,招聘进度慢,\r\n");
  CHECK(r.Only().code == 906);
  CHECK(r.Only().loc.line == 4);
  CHECK(r.Only().loc.column == 22);
  CHECK(r.Only().message.find("招聘进度慢") != std::string::npos);
  CHECK(r.Only().message.find("备注") != std::string::npos);
  REQUIRE(r.entries.size() == 1);
  CHECK(r.entries[0].has_errors);
  // So with 说明 or note; a spending row takes no reasons there (JX0910).
  for (const char* note : {"说明", "note", "Note"}) {
    CAPTURE(note);
    r = Csv(std::string("project,indicator,value,偏差原因,") + note +
            "\n,as_of,2024-07-31,,\nP1,spent,1,,慢\nP1,甲,1台,制度保障,x\n");
    CHECK(r.diags.empty());
    REQUIRE(r.entries.size() == 1);
    CHECK(r.entries[0].note == "慢");
    REQUIRE(r.entries[0].indicators.size() == 1);
    CHECK(r.entries[0].indicators[0].progress.reasons == kReasonPolicy);
    CHECK(r.entries[0].indicators[0].note == "x");
  }
  r = Csv("project,indicator,value,偏差原因,备注\n,as_of,2024-07-31,,\nP1,spent,1,经费保障,\n"
          "P1,甲,1台,,\n");
  CHECK(r.Only().code == 910);
  CHECK(r.Only().loc.column == 12);
  // Beside 偏差原因类别 it stays the note, and two note columns are one too many.
  r = Csv("project,indicator,value,偏差原因,偏差原因类别,备注\n,as_of,2024-07-31,,,\n"
          "P1,spent,1,,,\nP1,甲,1台,,,\n");
  CHECK(r.Only().code == 156);
  // 偏差原因分析及改进措施 and 偏差原因分析 are note columns: beside them
  // 偏差原因 is the reasons, as beside 备注.
  for (const char* note : {"偏差原因分析及改进措施", "偏差原因分析"}) {
    CAPTURE(note);
    r = Csv(std::string("project,indicator,value,偏差原因,") + note +
            "\n,as_of,2024-07-31,,\nP1,spent,1,,慢\nP1,甲,1台,制度保障,x\n");
    CHECK_MESSAGE(r.diags.empty(), (r.diags.empty() ? "" : r.diags.all()[0].message));
    REQUIRE(r.entries.size() == 1);
    CHECK(r.entries[0].note == "慢");
    REQUIRE(r.entries[0].indicators.size() == 1);
    CHECK(r.entries[0].indicators[0].progress.reasons == kReasonPolicy);
    CHECK(r.entries[0].indicators[0].note == "x");
    // Alone it is the note, whatever it says: only 偏差原因 gives reasons so.
    r = Csv(std::string("project,indicator,value,") + note +
            "\n,as_of,2024-07-31,\nP1,spent,1,\nP1,甲,1台,经费保障\n");
    CHECK(r.diags.empty());
    REQUIRE(r.entries.size() == 1);
    CHECK(r.entries[0].indicators[0].note == "经费保障");
    CHECK(r.entries[0].indicators[0].progress.reasons == 0);
  }
  // In actuals (eval) 偏差原因 is the note, as before: beside 备注, one too many.
  Read a;
  Source src{"a.csv", "project,indicator,value,偏差原因,备注\nP1,spent,1,,\n"};
  actuals_read::ReadCsvEntries(src, {}, [](ProjectActuals&&) {}, &a.diags);
  CHECK(a.Only().code == 156);
}

TEST_CASE("CSV progress: the headers of the monitor's own form, saved as CSV") {
  // 年度指标值 is the target (指标值), 1-N月执行情况 the value (实际值).
  CHECK(progress_read::CsvColumn("1-7月执行情况") == "value");
  CHECK(progress_read::CsvColumn(" 1-12月执行情况 ") == "value");
  CHECK(progress_read::CsvColumn("1月执行情况") == "value");
  for (const char* other : {"1-1月执行情况", "1-13月执行情况", "7月执行情况", "1-7月", "执行情况"}) {
    CAPTURE(other);
    CHECK(progress_read::CsvColumn(other).empty());
  }
  Read r = Csv("项目,指标,年度指标值,1-7月执行情况,全年预计完成情况,完成目标可能性,偏差原因,备注\n"
               ",截至日期,,2024-07-31,,,,\nP1,执行数,,3,,,,\n"
               "P1,甲,5台,2台,4台,有可能,人员保障,招聘中\n");
  CHECK_MESSAGE(r.diags.empty(), (r.diags.empty() ? "" : r.diags.all()[0].message));
  REQUIRE(r.entries.size() == 1);
  REQUIRE(r.entries[0].as_of.has_value());
  CHECK(r.entries[0].spent.total.value == 3);
  REQUIRE(r.entries[0].indicators.size() == 1);
  const IndicatorActual& a = r.entries[0].indicators[0];
  CHECK(a.target_text == "5台");
  CHECK(a.text == "2台");
  CHECK(a.value_column == 9);
  CHECK(a.progress.forecast == "4台");
  CHECK(a.progress.reasons == kReasonStaff);
  CHECK(a.note == "招聘中");
  // Beside 实际值 it is one value column too many, the column named.
  r = Csv("项目,指标,实际值,1-7月执行情况\n,截至日期,2024-07-31,\n");
  CHECK(r.Only().code == 156);
  CHECK(r.Only().loc.column == 11);
  CHECK(r.Only().message.find("value") != std::string::npos);
  r = Csv("project,indicator,value,forecast,全年预计\n,as_of,2024-07-31,,\n");
  CHECK(r.Only().code == 156);
  CHECK(r.Only().message.find("forecast") != std::string::npos);
}

TEST_CASE("CSV progress: the as_of row is as_of in any case, 截至日期 or 截止日期") {
  for (const char* label : {"as_of", "AS_OF", "As_Of", "截至日期", "截止日期", " 截止日期 "}) {
    CAPTURE(label);
    Read r = Csv(std::string("project,indicator,value,note\n,") + label +
                 ",2024-07-31,\nP1,执行数,1,\nP1,甲,1台,\n");
    CHECK(r.diags.empty());
    REQUIRE(r.entries.size() == 1);
    REQUIRE(r.entries[0].as_of.has_value());
    CHECK(r.entries[0].as_of->date == Date{2024, 7, 31});
    CHECK(r.entries[0].indicators.size() == 1);
  }
  CHECK_FALSE(progress_read::IsAsOfRow("截止"));
  CHECK_FALSE(progress_read::IsAsOfRow("as of"));
}

TEST_CASE("CSV progress: a header near one of a progress file's columns is asked about") {
  Read r = Csv("项目,指标,实际值,偏差原因类型\n,as_of,2024-07-31\nP1,执行数,60\n");
  CHECK(r.Only().code == 155);
  CHECK(r.Only().loc.line == 1);
  CHECK(r.Only().loc.column == 11);
  CHECK(r.Only().message == "unknown column '偏差原因类型': did you mean '偏差原因类别'?");
}

TEST_CASE("CSV progress: an as_of row left empty is no as_of, as YAML's `as_of:` left empty") {
  // What `template --progress -f csv` writes for targets of several years.
  const std::string text = "项目,指标,实际值\r\n,截至日期,\r\nP1,执行数,60\r\nP1,甲,5人\r\n";
  // With --as-of: no error, and no date of the file's own.
  Read r = Csv(text, false);
  CHECK_MESSAGE(r.diags.empty(), r.diags.size());
  REQUIRE(r.entries.size() == 1);
  CHECK_FALSE(r.entries[0].as_of.has_value());
  CHECK_FALSE(r.entries[0].has_errors);
  // Without: JX0901 (as a file without as_of), at the empty cell.
  r = Csv(text);
  CHECK(r.Only().code == 901);
  CHECK(r.Only().loc.line == 2);
  CHECK(r.Only().loc.column == 7);
  CHECK(r.Only().message.find("截至日期") != std::string::npos);
  REQUIRE(r.entries.size() == 1);
  CHECK(r.entries[0].has_errors);
  // Another as_of row with a date gives it.
  r = Csv("项目,指标,实际值\n,截至日期,\n,as_of,2024-07-31\nP1,执行数,60\nP1,甲,5人\n");
  CHECK(r.diags.empty());
  REQUIRE(r.entries.size() == 1);
  REQUIRE(r.entries[0].as_of.has_value());
  CHECK(r.entries[0].as_of->date == Date{2024, 7, 31});
}

TEST_CASE("CSV progress: text in the as_of row's note or 指标值 cell is said, not dropped") {
  // The template's sheet, a note typed on its 截至日期 row: read nowhere
  // (the row is the file's, no project's), so a warning at the cell says so
  // and where a note goes. The date is read as usual.
  Read r = Csv(
      "项目,一级指标,二级指标,指标,指标值,实际值,说明,全年预计完成情况,完成目标可能性,偏差原因类别\n"
      ",,,截至日期,,2024-07-31,数据来自财务系统,,,\n"  // 2
      "P1,,,执行数,,60,,,,\n"
      "P1,产出指标,数量指标,甲,4台,2台,,,,\n");
  const Diagnostic w = r.Only();
  CHECK(w.severity == Severity::kWarning);
  CHECK(w.code == 168);
  CHECK(w.loc.line == 2);
  CHECK(w.loc.column == 21);
  CHECK(w.message ==
        "the '说明' cell of the '截至日期' row is not read, so '数据来自财务系统' appears in no "
        "report: the row gives the date of the figures only, in its '实际值' cell; a project's "
        "note (why its spending is behind, say) goes in the '说明' cell of the project's 执行数 "
        "row, and why an indicator lags in the '说明' cell of its row");
  REQUIRE(r.entries.size() == 1);
  REQUIRE(r.entries[0].as_of.has_value());
  CHECK(r.entries[0].as_of->date == Date{2024, 7, 31});
  CHECK(r.entries[0].note.empty());
  CHECK_FALSE(r.entries[0].has_errors);

  // The 指标值 cell too; with the date left empty and --as-of giving it,
  // the same; English headers name the cells.
  r = Csv("project,indicator,target,value,note\n,as_of,7月底,,截至7月底\nP1,spent,,60,\n"
          "P1,甲,,2台,\n",
          false);
  REQUIRE(r.diags.size() == 2);
  CHECK(r.diags.warning_count() == 2);
  CHECK(r.diags.all()[0].code == 168);
  CHECK(r.diags.all()[0].loc.line == 2);
  CHECK(r.diags.all()[0].loc.column == 8);
  CHECK(r.diags.all()[0].message.find("the 'target' cell of the 'as_of' row is not read, so "
                                      "'7月底' appears in no report") == 0);
  CHECK(r.diags.all()[1].loc.column == 13);
  CHECK(r.diags.all()[1].message.find("in its 'value' cell; a project's note (why its spending "
                                      "is behind, say) goes in the 'note' cell") !=
        std::string::npos);
  // A sheet without a note column: the note column is named in the run's
  // language, as the template heads it.
  r = Csv("project,indicator,target,value\n,as_of,7月底,2024-07-31\nP1,spent,,60\nP1,甲,,2台\n");
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags.all()[0].code == 168);
  CHECK(r.diags.all()[0].message.find("goes in the 'note' cell of the project's") !=
        std::string::npos);
}

TEST_CASE("CSV progress errors, each at its cell with its code") {
  const std::string head = "project,indicator,value,note,forecast,likelihood,reasons\n";
  // No as_of row (line 1: the header).
  Read r = Csv(head + "P1,spent,1,,,,\nP1,甲,1台,,,,\n");
  CHECK(r.Only().code == 901);
  CHECK(r.Only().loc.line == 1);
  REQUIRE(r.entries.size() == 1);
  CHECK(r.entries[0].has_errors);
  CHECK(Csv(head + "P1,spent,1,,,,\nP1,甲,1台,,,,\n", false).diags.empty());
  // A bad as_of.
  r = Csv(head + ",as_of,7月底,,,,\nP1,spent,1,,,,\nP1,甲,1台,,,,\n");
  CHECK(r.Only().code == 902);
  CHECK(r.Only().loc.line == 2);
  CHECK(r.Only().loc.column == 8);
  // Two different as_of rows.
  r = Csv(head + ",as_of,2024-07-31,,,,\n,as_of,2024-06-30,,,,\nP1,spent,1,,,,\nP1,甲,1台,,,,\n");
  CHECK(r.Only().code == 904);
  CHECK(r.Only().loc.line == 3);
  // Unknown likelihood, unknown reason, neither value nor forecast.
  r = Csv(head + ",as_of,2024-07-31,,,,\nP1,spent,1,,,,\nP1,甲,1台,,,大概,\n");
  CHECK(r.Only().code == 905);
  CHECK(r.Only().loc.line == 4);
  CHECK(r.Only().loc.column == 11);
  r = Csv(head + ",as_of,2024-07-31,,,,\nP1,spent,1,,,,\nP1,甲,1台,,,,天气\n");
  CHECK(r.Only().code == 906);
  CHECK(r.Only().loc.column == 12);
  r = Csv(head + ",as_of,2024-07-31,,,,\nP1,spent,1,,,,\nP1,甲,,,,确定能,\n");
  CHECK(r.Only().code == 907);
  CHECK(r.Only().loc.line == 4);
  CHECK(r.Only().loc.column == 6);
  CHECK(r.entries[0].has_errors);
  // A likelihood on the spending row.
  r = Csv(head + ",as_of,2024-07-31,,,,\nP1,spent,1,,,确定能,\nP1,甲,1台,,,,\n");
  CHECK(r.Only().code == 910);
}

TEST_CASE("CSV progress: a forecast split by an unquoted thousands comma is an error at it") {
  // "1,200人次" in the forecast column, unquoted: "1" and "200人次" in the
  // likelihood column.
  Read r = Csv(
      "project,indicator,value,note,forecast,likelihood,reasons\n"
      ",as_of,2024-07-31,,,,\n"
      "P1,spent,1,,,,\n"
      "P1,培训人次,600人次,,1,200人次,\n");
  std::optional<Diagnostic> split;
  for (const Diagnostic& d : r.diags.all())
    if (d.code == 164) split = d;
  REQUIRE(split.has_value());
  CHECK(split->loc.line == 4);
  CHECK(split->loc.column == 16);
  REQUIRE(r.entries.size() == 1);
  CHECK(r.entries[0].has_errors);
}

TEST_CASE("CSV progress: the forecast spending split by a thousands comma is not judged") {
  // The spending row's forecast "800,000" unquoted: "800" and, in the
  // likelihood column, "000". The rest of the number is no likelihood
  // (JX0910 on a row that takes none), and 800 is no forecast to compare
  // with the budget (a unit slip): JX0164 alone.
  Read r = Csv(
      "项目,一级指标,二级指标,指标,指标值,实际值,说明,全年预计完成情况,完成目标可能性,偏差原因类别\n"
      ",,,截至日期,,2024-07-31,,,,\n"
      "CZ-01,,,执行数,,\"416,500\",,800,000,\n"  // 3
      "CZ-01,产出指标,数量指标,运维系统数量,≥3个,3,,,,\n");
  CHECK(r.Only().code == 164);
  CHECK(r.Only().loc.line == 3);
  CHECK(r.Only().loc.column == 25);
  REQUIRE(r.entries.size() == 1);
  CHECK(r.entries[0].has_errors);
  CHECK_FALSE(r.entries[0].has_spent);
  CHECK_FALSE(r.entries[0].forecast_spent.has_value());
  // In a row of its own, the same.
  r = Csv("project,indicator,value,note\n,as_of,2024-07-31,\nP1,执行数,3,\n"
          "P1,全年预计执行数,5,800\nP1,甲,1台,\n");
  CHECK(r.Only().code == 164);
  REQUIRE(r.entries.size() == 1);
  CHECK_FALSE(r.entries[0].forecast_spent.has_value());
  CHECK(r.entries[0].note.empty());
}

TEST_CASE("an actuals CSV file knows no progress columns") {
  Read r;
  Source src{"a.csv", "project,indicator,value,forecast\nP1,spent,1,\n"};
  actuals_read::ReadCsvEntries(src, {}, [](ProjectActuals&&) {}, &r.diags);
  REQUIRE(r.diags.error_count() == 1);
  CHECK(r.diags.all()[0].loc.column == 25);
  // Nor the value to date of the monitor's form: the year's value is no 1-7月's.
  Read m;
  Source form{"a.csv", "project,indicator,1-7月执行情况\nP1,spent,1\n"};
  actuals_read::ReadCsvEntries(form, {}, [](ProjectActuals&&) {}, &m.diags);
  CHECK(m.diags.has_errors());
  CHECK(m.diags.all()[0].code == 155);
}

}  // namespace jixiao
