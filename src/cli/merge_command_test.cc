// `jixiao merge`: the pass policy ("policy") the reports were made under.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "base/lang.h"
#include "cli/command_testing.h"
#include "cli/commands.h"

namespace jixiao {

namespace {

std::string TempPath(const std::string& name) { return testing::TempPath("merge_test", name); }
using testing::ReadFile;
using testing::WriteFile;

// An eval report of one project, 55.00 and 差 with an unmet indicator, as
// eval writes it; `policy` is the value of its "policy" key (line 5), or ""
// for a report without one (an older version's).
std::string Report(const std::string& id, bool complies, const std::string& policy) {
  std::string text =
      "{\n"
      "  \"tool\": \"jixiao\",\n"
      "  \"version\": \"0.2.0\",\n"
      "  \"rules\": \"mof-2020\",\n";
  if (!policy.empty()) text += "  \"policy\": " + policy + ",\n";
  text += "  \"projects\": [\n"
          "    {\"id\": \"" + id + "\", \"project\": \"" + id + "项目\", \"budget\": {\"total\": 100},"
          " \"indicators\": [{\"level1\": \"产出指标\", \"status\": \"unmet\", \"weight\": 90,"
          " \"score\": 45}], \"score\": 55, \"grade\": \"差\", \"met\": 0, \"unmet\": 1,"
          " \"not_applicable\": 0, \"complies\": " + (complies ? "true" : "false") + "}\n"
          "  ],\n"
          "  \"summary\": {\"projects\": 1, \"grades\": {\"优\": 0, \"良\": 0, \"中\": 0, \"差\": 1}},\n"
          "  \"errors\": [],\n"
          "  \"warnings\": []\n"
          "}\n";
  return text;
}

struct Merged {
  int status;
  std::string out, err;
};

Merged Merge(const std::vector<std::string>& reports, const std::string& output = "") {
  ScopedLang lang(Lang::kEn);
  Terminal term(ColorMode::kNever, false, TerminalEnv{});
  Options opts;
  opts.reports = reports;
  opts.output = output;
  std::ostringstream out, err;
  int status = RunMerge(opts, term, out, err);
  return {status, out.str(), err.str()};
}

}  // namespace

TEST_CASE("merge refuses reports made under two pass policies, at the second one's \"policy\"") {
  const std::string a = TempPath("甲局.json"), b = TempPath("乙局.json");
  // The tester's two departments: one project each, 55.00, 差, an unmet
  // indicator; eval's default policy failed one, --fail-on none passed the
  // other.
  WriteFile(a, Report("A-01", false, "{\"fail_on\": \"unmet\"}"));
  WriteFile(b, Report("B-01", true, "{\"fail_on\": \"none\"}"));
  Merged m = Merge({a, b});
  CHECK(m.status == kExitError);
  CHECK(m.out.empty());
  CHECK(m.err.find(b + ":5:3: error[JX0729]: this report's projects were judged under --fail-on "
                   "none, those of " + a + " under --fail-on unmet: ") != std::string::npos);
  CHECK(m.err.find("run eval again for these reports with the same --fail-on and --fail-under, "
                   "then merge") != std::string::npos);

  // --fail-under is part of it, compared as a number (80 and 80.0 are one).
  WriteFile(a, Report("A-01", false, "{\"fail_on\": \"none\", \"fail_under\": 80}"));
  WriteFile(b, Report("B-01", false, "{\"fail_on\": \"none\"}"));
  m = Merge({a, b});
  CHECK(m.status == kExitError);
  CHECK(m.err.find("judged under --fail-on none, those of " + a +
                   " under --fail-on none --fail-under 80:") != std::string::npos);
  WriteFile(b, Report("B-01", false, "{\"fail_on\": \"none\", \"fail_under\": 80.0}"));
  const std::string merged = TempPath("merged.json");
  m = Merge({a, b}, merged);
  CHECK(m.status == kExitPolicy);
  CHECK(m.err.empty());
  // The merged report gives the policy, as one eval run would.
  CHECK(ReadFile(merged).find("  \"rules\": \"mof-2020\",\n  \"policy\": {\n    \"fail_on\": "
                              "\"none\",\n    \"fail_under\": 80\n  },\n  \"projects\": [") !=
        std::string::npos);
  std::filesystem::remove(a);
  std::filesystem::remove(b);
  std::filesystem::remove(merged);
}

TEST_CASE("merge warns of a report without a policy among reports with one, and gives none") {
  const std::string a = TempPath("new.json"), b = TempPath("old.json"), c = TempPath("edited.json");
  WriteFile(a, Report("A-01", false, "{\"fail_on\": \"unmet\"}"));
  WriteFile(b, Report("B-01", false, ""));
  // A value jixiao does not write is no policy either.
  WriteFile(c, Report("C-01", false, "{\"fail_on\": \"sometimes\"}"));
  const std::string merged = TempPath("merged-old.json");
  Merged m = Merge({a, b, c}, merged);
  CHECK(m.status == kExitPolicy);
  CHECK(m.err.find(b + ":1:1: warning[JX0730]: this report gives no policy (an older jixiao wrote "
                   "it, or it was edited): whether its projects were judged as those of " + a +
                   ", under --fail-on unmet, cannot be told") != std::string::npos);
  CHECK(m.err.find(c + ":5:3: warning[JX0730]:") != std::string::npos);
  CHECK(ReadFile(merged).find("\"policy\"") == std::string::npos);
  // Reports that all lack one (an older version's) are merged as before.
  m = Merge({b, c});
  CHECK(m.status == kExitPolicy);
  CHECK(m.err.empty());
  std::filesystem::remove(a);
  std::filesystem::remove(b);
  std::filesystem::remove(c);
  std::filesystem::remove(merged);
}

TEST_CASE("merge reads a JSONL report's policy on its summary line, located on that line") {
  const std::string a = TempPath("a.json"), b = TempPath("b.jsonl");
  WriteFile(a, Report("A-01", false, "{\"fail_on\": \"unmet\"}"));
  WriteFile(b,
            "{\"id\": \"B-01\", \"project\": \"B\", \"budget\": {}, \"indicators\": [], \"score\": "
            "55, \"grade\": \"差\", \"complies\": true}\n"
            "{\"tool\":\"jixiao\",\"version\":\"0.2.0\",\"rules\":\"mof-2020\",\"policy\":{\"fail_on\":"
            "\"none\"},\"summary\":{\"projects\":1},\"errors\":[],\"warnings\":[]}\n");
  Merged m = Merge({a, b});
  CHECK(m.status == kExitError);
  CHECK(m.err.find(b + ":2:55: error[JX0729]: this report's projects were judged under --fail-on "
                   "none, those of " + a + " under --fail-on unmet") != std::string::npos);
  std::filesystem::remove(a);
  std::filesystem::remove(b);
}

}  // namespace jixiao
