// For tests of the reports: the example projects (examples/), scored for
// real from their target and actuals files.
#ifndef JIXIAO_REPORT_REPORT_TESTING_H_
#define JIXIAO_REPORT_REPORT_TESTING_H_

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/actuals.h"
#include "model/rules.h"
#include "model/target_loader.h"
#include "score/score.h"
#include "yaml/inputs.h"
#include "yaml/yaml_doc.h"

namespace jixiao {

// The five projects of examples/targets scored against examples/actuals,
// in input order.
inline std::vector<ProjectScore> ScoreExamples() {
  const std::string dir = std::string(JIXIAO_SOURCE_DIR) + "/examples/";
  Diagnostics diags;
  Rules rules = Rules::Default();
  ActualsIndex actuals;
  {
    std::optional<Source> src = ReadSource(dir + "actuals/2024-actuals.yaml", 1 << 20, &diags);
    REQUIRE(src);
    ParseYamlStream(*src, {}, &diags,
                    [&](const YamlDocument& doc) { ReadActualsDocument(*src, doc, &actuals, &diags); });
    std::optional<Source> csv = ReadSource(dir + "actuals/05-management.csv", 1 << 20, &diags);
    REQUIRE(csv);
    ReadActualsCsv(*csv, &actuals, &diags);
  }
  std::vector<ProjectScore> out;
  for (const char* file : {"01-radiation-safety.yaml", "02-mobile-enforcement.yaml",
                           "03-reward-reporting.yaml", "04-05-more-projects.yaml"}) {
    std::optional<Source> src = ReadSource(dir + "targets/" + file, 1 << 20, &diags);
    REQUIRE(src);
    ParseYamlStream(*src, {}, &diags, [&](const YamlDocument& doc) {
      std::optional<Project> p = ReadTargetDocument(*src, doc, rules, &diags);
      REQUIRE(p);
      size_t entry = actuals.Lookup(p->id, p->project);
      REQUIRE(entry != ActualsIndex::kNone);
      std::optional<ProjectScore> s =
          ScoreProject(std::move(*p), *actuals.Get(entry), rules, &diags);
      REQUIRE(s);
      out.push_back(std::move(*s));
    });
  }
  for (const Diagnostic& d : diags.all()) {
    if (d.severity == Severity::kError) FAIL(d.message);
  }
  return out;
}

}  // namespace jixiao

#endif  // JIXIAO_REPORT_REPORT_TESTING_H_
