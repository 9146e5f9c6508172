// The JSON report's "policy": written by eval, read back by merge.
#include <doctest/doctest.h>

#include <optional>
#include <sstream>
#include <string>

#include "report/report.h"
#include "report/report_json.h"
#include "yaml/yaml_doc.h"

namespace jixiao {

namespace {

// The policy `json` (a report's "policy" value) gives, read as merge reads it.
std::optional<Policy> Read(const std::string& json) {
  Source src{"r.json", "{\"policy\": " + json + "}"};
  Diagnostics d;
  std::optional<Policy> p;
  ParseYamlStream(src, {}, &d, [&](const YamlDocument& doc) {
    p = PolicyFromJson(doc.root()->Find("policy"));
  });
  CHECK(d.empty());
  return p;
}

// The JSON (or JSONL) report of no project under `policy`.
std::string Report(const std::string& format, const Policy* policy) {
  Rules rules = Rules::Default();
  ReportContext ctx;
  ctx.rules = &rules;
  ctx.policy = policy;
  std::unique_ptr<Reporter> r = MakeReporter(format, ctx);
  std::ostringstream out;
  r->Begin(out);
  r->End(RunSummary(rules), Diagnostics(), out);
  return out.str();
}

}  // namespace

TEST_CASE("eval's JSON and JSONL reports give the policy after rules_digest") {
  Policy policy;  // --fail-on unmet, no --fail-under: eval's default
  std::string json = Report("json", &policy);
  CHECK(json.find("  \"policy\": {\n    \"fail_on\": \"unmet\"\n  },\n  \"projects\": [") !=
        std::string::npos);
  CHECK(json.find("\"rules_digest\"") < json.find("\"policy\""));
  policy.fail_on_unmet = false;
  policy.has_fail_under = true;
  policy.fail_under = Rational(1595) / 20;  // --fail-under 79.75
  std::string jsonl = Report("jsonl", &policy);
  CHECK(jsonl.find(",\"policy\":{\"fail_on\":\"none\",\"fail_under\":79.75},\"summary\":") !=
        std::string::npos);
  // A report no policy made (monitor's use of the writer) gives none.
  CHECK(Report("json", nullptr).find("\"policy\"") == std::string::npos);
}

TEST_CASE("PolicyFromJson reads what WritePolicyJson writes, and nothing else") {
  std::optional<Policy> p = Read("{\"fail_on\": \"unmet\"}");
  REQUIRE(p);
  CHECK(p->fail_on_unmet);
  CHECK_FALSE(p->has_fail_under);
  CHECK(PolicyOptions(*p) == "--fail-on unmet");
  p = Read("{\"fail_on\": \"none\", \"fail_under\": 80.50}");
  REQUIRE(p);
  CHECK_FALSE(p->fail_on_unmet);
  CHECK(p->fail_under == Rational(161) / 2);
  CHECK(PolicyOptions(*p) == "--fail-on none --fail-under 80.5");
  // Equal options, however the number is written.
  CHECK(*p == *Read("{\"fail_on\": \"none\", \"fail_under\": 80.5}"));
  CHECK(*p != *Read("{\"fail_on\": \"unmet\", \"fail_under\": 80.5}"));
  CHECK(*p != *Read("{\"fail_on\": \"none\"}"));
  // An edited or foreign value is no policy: merge treats it as unknown.
  for (const char* bad : {"\"unmet\"", "{}", "{\"fail_under\": 80}", "{\"fail_on\": \"red\"}",
                          "{\"fail_on\": \"unmet\", \"fail_under\": \"80\"}",
                          "{\"fail_on\": \"unmet\", \"fail_under\": 120}",
                          "{\"fail_on\": \"unmet\", \"strict\": true}", "null"}) {
    CAPTURE(bad);
    CHECK_FALSE(Read(bad));
  }
  CHECK_FALSE(PolicyFromJson(nullptr));
}

}  // namespace jixiao
