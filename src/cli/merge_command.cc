// `jixiao merge`: combine JSON / JSONL reports of separate runs into one.
//
// Each project object is copied as it was written; the summary is rebuilt
// from the projects, so merging the reports of per-department runs gives the
// report a single run over all their inputs would have given (diagnostics
// are concatenated in report order).
#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "cli/commands.h"
#include "report/diagnostic_format.h"
#include "yaml/inputs.h"
#include "base/json_writer.h"
#include "base/lang.h"
#include "cli/named_output.h"
#include "cli/output.h"
#include "report/report.h"
#include "report/report_json.h"
#include "base/text.h"
#include "yaml/yaml_fields.h"

namespace jixiao {

namespace {

// Whether `text` ends inside a UTF-8 character: its last lead byte wants
// more continuation bytes than follow it (a file cut short).
bool EndsInCutCharacter(std::string_view text) {
  for (size_t back = 1; back <= 3 && back <= text.size(); ++back) {
    const auto c = static_cast<unsigned char>(text[text.size() - back]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte
    const size_t wants = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return back < wants;
  }
  return false;
}

// Writes a JSON value parsed as YAML back as JSON: quoted scalars are
// strings, plain ones numbers, booleans or null, as the report wrote them.
void WriteNodeAsJson(const YamlNode& n, JsonWriter* w) {
  switch (n.kind) {
    case YamlNode::Kind::kNull:
      w->Null();
      return;
    case YamlNode::Kind::kScalar:
      if (n.plain) {
        w->Number(n.value);
      } else {
        w->String(n.value);
      }
      return;
    case YamlNode::Kind::kSequence:
      w->BeginArray();
      for (const YamlNode* item : n.items) WriteNodeAsJson(*item, w);
      w->EndArray();
      return;
    case YamlNode::Kind::kMap:
      w->BeginObject();
      for (const auto& [k, v] : n.entries) {
        w->Key(k->value);
        WriteNodeAsJson(*v, w);
      }
      w->EndObject();
      return;
  }
}

std::string Str(const YamlNode* n) { return n && n->is_scalar() ? n->value : ""; }

Rational Num(const YamlNode* n) {
  if (!n || !n->is_scalar()) return 0;
  std::optional<Rational> r = Rational::ParseDecimal(n->value);
  return r ? *r : Rational(0);
}

// An indicator's `key`: exact from `key_exact` when the report wrote it
// (the rounded figure is not exact), else the number written.
Rational Exact(const YamlNode* indicator, const std::string& key) {
  if (const YamlNode* exact = indicator->Find(key + "_exact"); exact && exact->is_scalar()) {
    if (std::optional<Rational> r = ParseExactText(exact->value)) return *r;
  }
  return Num(indicator->Find(key));
}

const YamlNode* Path(const YamlNode* n, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    if (n == nullptr || !n->is_map()) return nullptr;
    n = n->Find(k);
  }
  return n;
}

// Whether `p` looks like a project object of a jixiao report.
bool IsProject(const YamlNode& p) {
  for (const char* key : {"id", "project", "budget", "indicators", "score", "grade", "complies"})
    if (p.Find(key) == nullptr) return false;
  return true;
}

ProjectDigest DigestOf(const YamlNode& p) {
  ProjectDigest d;
  d.id = Str(p.Find("id"));
  d.project = Str(p.Find("project"));
  d.department_code = Str(Path(&p, {"department", "code"}));
  d.department_name = Str(Path(&p, {"department", "name"}));
  d.score = Num(p.Find("score"));
  d.grade = Str(p.Find("grade"));
  d.complies = Str(p.Find("complies")) == "true";
  if (const YamlNode* list = p.Find("indicators"); list && list->is_sequence()) {
    for (const YamlNode* i : list->items) {
      d.indicators.push_back({Str(i->Find("level1")), Str(i->Find("status")),
                              Exact(i, "weight"), Exact(i, "score")});
    }
  }
  return d;
}

// Merges reports into `w` (the projects) and the summary state.
class Merger {
 public:
  Merger(const Options& opts, Diagnostics* diags, Diagnostics* merged)
      : opts_(opts), diags_(diags), merged_(merged) {}

  // Reads one report and hands each project object to `on_project`, with
  // the line of the report it starts on.
  void Read(const std::string& path,
            const std::function<void(const YamlNode&, int line)>& on_project) {
    std::optional<Source> src = ReadSource(path, opts_.limits.max_file_bytes, diags_);
    if (!src) return;
    if (Trim(src->text).substr(0, 1) == "{" && EndsInCutCharacter(src->text)) {
      // A report cut inside a character (a partial copy): incomplete, not
      // "save it as UTF-8".
      diags_->Error(src->At(src->text.size(), 0), MsgId::kMergeJsonDamaged);
      return;
    }
    if (!CheckInputText(*src, opts_.limits.max_file_bytes, diags_)) return;
    YamlLimits limits = opts_.limits;
    limits.max_depth = std::max(limits.max_depth, 16);
    limits.max_nodes = std::max<size_t>(limits.max_nodes, src->text.size());
    // JSONL has one complete object per line; a JSON report spans lines.
    std::string_view first = LineOf(src->text, 1);
    bool lines = !Trim(first).empty() && Trim(first).back() == '}';
    size_t errors = diags_->error_count();
    size_t documents = 0;
    bool ends_with_summary = false;  // the last object read is a summary line
    int last_line = 0;
    size_t read = 0;  // the project objects read from this report
    int line_no = 0;  // JSONL: the line being read, each parsed alone as line 1
    bool monitor_said = false;
    auto at = [&](int line) { return lines ? line_no : line; };
    // JSONL: the line being parsed, and the blanks trimmed before it.
    const Source* one_line = nullptr;
    size_t lead = 0;
    // Where `node` of the object being read is in the report.
    auto locate = [&](const YamlNode& node) -> Location {
      if (!lines || one_line == nullptr) return src->At(node.offset, node.line);
      Location loc = one_line->At(node.offset, 1);
      return {path, line_no, loc.column + static_cast<int>(lead)};
    };
    auto on_document = [&](const YamlDocument& doc) {
      ++documents;
      ends_with_summary = false;
      const YamlNode* root = doc.root();
      const int line = at(doc.line());
      if (doc.has_errors() || root == nullptr || !root->is_map()) {
        diags_->Error({path, line, 1}, MsgId::kMergeNotObject);
        return;
      }
      bool ours = Str(root->Find("tool")) == "jixiao";
      // A monitor report (its head, or a JSONL line of its lights): said once.
      if (ours ? Str(root->Find("command")) == "monitor" : root->Find("light") != nullptr) {
        if (!monitor_said) diags_->Error({path, line, 1}, MsgId::kMergeMonitorReport);
        monitor_said = true;
        return;
      }
      if (!ours && !IsProject(*root)) {
        diags_->Error({path, line, 1}, MsgId::kMergeNotReport);
        return;
      }
      // An eval report's head (JSON) or last line (JSONL) names its rules
      // and holds its summary, and a JSON report's projects are a list: a
      // check report ("projects": 5) or another object saying it is
      // jixiao's is not one, and merged as one it would pass with nothing.
      if (ours) {
        const YamlNode* rules = root->Find("rules");
        const YamlNode* summary = root->Find("summary");
        const YamlNode* projects = root->Find("projects");
        if (rules == nullptr || !rules->is_scalar() || summary == nullptr || !summary->is_map() ||
            (projects != nullptr && !projects->is_sequence())) {
          diags_->Error({path, line, 1}, MsgId::kMergeNotEvalReport);
          return;
        }
      }
      if (const YamlNode* projects = ours ? root->Find("projects") : nullptr) {  // a JSON report
        CheckRules(*root, path, line);
        CheckPolicy(*root, path, line, locate);
        for (const YamlNode* p : projects->items) {  // a list: checked above
          if (IsProject(*p)) {
            ++read;
            on_project(*p, at(p->line));
          } else {
            diags_->Error({path, at(p->line), 1}, MsgId::kMergeNotProject);
          }
        }
        Tail(*root, path, line);
        CheckCount(*root, read, path, line);
        // Complete in itself, summary and all: also a JSON report written
        // on one line (`jq -c`), which is read line by line as JSONL is.
        ends_with_summary = true;
      } else if (ours) {  // the last line of a JSONL report
        CheckRules(*root, path, line);
        CheckPolicy(*root, path, line, locate);
        Tail(*root, path, line);
        CheckCount(*root, read, path, line);
        ends_with_summary = true;
      } else {
        ++read;
        on_project(*root, line);
      }
    };
    if (!lines && Trim(src->text).substr(0, 1) == "{") {
      // A JSON report: one that does not parse was cut short or damaged
      // (a run stopped while writing it, a partial copy); the YAML reader's
      // advice ("close the quote") would not help.
      Diagnostics local;
      ParseYamlStream(*src, limits, &local, on_document);
      for (const Diagnostic& d : local.all()) {
        if (d.severity != Severity::kError) continue;
        diags_->Error(d.loc, MsgId::kMergeJsonDamaged);
        break;
      }
    } else if (!lines) {
      ParseYamlStream(*src, limits, diags_, on_document);
    } else {
      size_t pos = 0;
      while (pos < src->text.size()) {
        size_t end = src->text.find('\n', pos);
        if (end == std::string::npos) end = src->text.size();
        ++line_no;
        const std::string_view raw = std::string_view(src->text).substr(pos, end - pos);
        std::string_view line = Trim(raw);
        if (!line.empty()) {
          last_line = line_no;
          Source one{path, std::string(line)};
          one_line = &one;
          lead = static_cast<size_t>(line.data() - raw.data());
          Diagnostics local;
          ParseYamlStream(one, limits, &local, on_document);
          one_line = nullptr;
          if (local.has_errors() && end == src->text.size()) {
            // The last line, without its line break, that does not parse:
            // the report breaks off there (a run stopped while writing).
            diags_->Error({path, line_no, 1}, MsgId::kMergeJsonDamaged);
            local = Diagnostics();
          }
          for (const Diagnostic& d : local.all())
            diags_->Error({path, line_no, d.loc.column}, Message{d.code, d.message});
        }
        pos = end + 1;
      }
    }
    if (documents == 0 && diags_->error_count() == errors)
      diags_->Error({path, 0, 0}, MsgId::kMergeNoObject);
    // A JSONL report ends with its summary line, which holds the run's
    // errors: without it the report is incomplete (a run stopped midway).
    if (lines && documents > 0 && !ends_with_summary && diags_->error_count() == errors) {
      diags_->Error({path, last_line, 1}, MsgId::kMergeIncomplete);
    }
  }

  const std::string& rules_name() const { return rules_; }
  // The reports' rules_digest, when every report gave the same; else "".
  std::string rules_digest() const { return without_digest_.empty() ? digest_ : ""; }

  // Once every report is read: when some reports gave a rules_digest, each
  // that gave none (an older version's, or edited) is said, since its
  // rules' settings could not be compared with theirs.
  void WarnWithoutDigest() {
    if (digest_.empty()) return;
    for (const Location& at : without_digest_) {
      diags_->Warning(at, MsgId::kMergeNoRulesDigest, rules_, digest_);
    }
  }
  const std::vector<std::string>& grades() const { return grades_; }

  // The reports' policy, when every report gave the same; else nullopt.
  std::optional<Policy> policy() const {
    return without_policy_.empty() ? policy_ : std::nullopt;
  }

  // Once every report is read: when some reports gave a policy, each that
  // gave none (an older version's, or edited) is said, since whether its
  // projects were judged as theirs could not be told.
  void WarnWithoutPolicy() {
    if (!policy_) return;
    for (const Location& at : without_policy_) {
      diags_->Warning(at, MsgId::kMergeNoPolicy, policy_path_, PolicyOptions(*policy_));
    }
  }

 private:
  // Whether a project complies is decided by the options of the eval run
  // (--fail-on, --fail-under), which its report gives as "policy": reports
  // under two policies hold verdicts that do not compare, and their merge
  // would be no one eval run's. A report without one (an older version's,
  // or edited) is compared with none.
  void CheckPolicy(const YamlNode& root, const std::string& path, int line,
                   const std::function<Location(const YamlNode&)>& locate) {
    const YamlNode* key = nullptr;
    const YamlNode* value = nullptr;
    for (const auto& [k, v] : root.entries) {
      if (k->is_scalar() && k->value == "policy") {
        key = k;
        value = v;
        break;
      }
    }
    std::optional<Policy> policy = PolicyFromJson(value);
    if (!policy) {
      without_policy_.push_back(key ? locate(*key) : Location{path, line, 1});
      return;
    }
    if (!policy_) {
      policy_ = policy;
      policy_path_ = path;
    } else if (*policy != *policy_) {
      diags_->Error(locate(*key), MsgId::kMergePolicyDiffers, PolicyOptions(*policy), policy_path_,
                    PolicyOptions(*policy_));
    }
  }

  // Reports scored under other rules cannot be merged: another name, or
  // the same name with other settings (two rules files without a `name`
  // are both "mof-2020+custom"), which the reports' rules_digest tells
  // when both give it (an older version's report gives none).
  void CheckRules(const YamlNode& root, const std::string& path, int line) {
    std::string rules = Str(root.Find("rules"));
    // 16 hex digits, as reports write it; anything else is no digest.
    std::string digest = Str(root.Find("rules_digest"));
    if (digest.size() != 16 || digest.find_first_not_of("0123456789abcdef") != std::string::npos) {
      digest.clear();
      without_digest_.push_back({path, line, 1});
    }
    if (!read_rules_) {
      read_rules_ = true;
      rules_ = rules;
      digest_ = digest;
    } else if (rules != rules_) {
      diags_->Error({path, line, 1}, MsgId::kMergeRulesDiffer, rules, rules_);
    } else if (!digest.empty() && !digest_.empty() && digest != digest_) {
      diags_->Error({path, line, 1}, MsgId::kMergeRulesSettingsDiffer, rules, digest, digest_);
    } else if (digest_.empty()) {
      digest_ = digest;
    }
    if (grades_.empty()) {
      if (const YamlNode* g = Path(&root, {"summary", "grades"}); g && g->is_map())
        for (const auto& [k, v] : g->entries) grades_.push_back(k->value);
    }
  }

  // A report's summary counts the projects it holds: another number read
  // (a JSONL line deleted, or one added by hand) is a report not as written.
  void CheckCount(const YamlNode& root, size_t read, const std::string& path, int line) {
    const YamlNode* n = Path(&root, {"summary", "projects"});
    if (n == nullptr || !n->is_scalar()) return;
    const Rational counted = Num(n);
    if (counted == Rational(static_cast<int64_t>(read))) return;
    diags_->Error({path, line, 1}, MsgId::kMergeCountDiffers, counted.ToDecimalString(), read);
  }

  // The report's own errors and warnings become the merged report's, with
  // their codes.
  void Tail(const YamlNode& root, const std::string&, int) {
    for (const char* key : {"errors", "warnings"}) {
      const YamlNode* list = root.Find(key);
      if (list == nullptr || !list->is_sequence()) continue;
      for (const YamlNode* d : list->items) {
        Location loc{Str(d->Find("file")), static_cast<int>(Num(d->Find("line")).ToDouble()),
                     static_cast<int>(Num(d->Find("column")).ToDouble())};
        // Its code as the report gives it ("JX0301"; none when absent).
        Message m{ParseCode(Str(d->Find("code"))).value_or(0), Str(d->Find("message"))};
        if (std::string(key) == "errors") {
          merged_->Error(loc, std::move(m));
        } else {
          merged_->Warning(loc, std::move(m));
        }
      }
    }
  }

  const Options& opts_;
  Diagnostics* diags_;   // problems with the reports themselves
  Diagnostics* merged_;  // the diagnostics the reports carry
  bool read_rules_ = false;
  std::string rules_;
  std::string digest_;  // the first report's that gave one
  std::vector<Location> without_digest_;  // the reports that gave none
  std::vector<std::string> grades_;
  std::optional<Policy> policy_;  // the first report's that gave one
  std::string policy_path_;       // that report
  std::vector<Location> without_policy_;  // the reports that gave none
};

// The projects of the reports to merge, read once to check them and build
// the summary: what every format of the merged report needs before the
// first project is written.
struct MergeInputs {
  Diagnostics diags;   // problems with the reports themselves
  Diagnostics merged;  // the diagnostics the reports carry
  std::vector<ProjectDigest> digests;
  Rules rules;         // the name and grade names of the reports' rules
  std::string rules_digest;  // theirs, when every report gave the same; else ""
  std::optional<Policy> policy;  // theirs, when every report gave the same
};

// Reads every report of `opts`, handing each project object (once, in
// report order) to `on_project` when given.
void ReadReports(const Options& opts, MergeInputs* in,
                 const std::function<void(const YamlNode&)>& on_project) {
  std::unordered_map<std::string, std::string> ids;
  Merger merger(opts, &in->diags, &in->merged);
  for (const std::string& path : opts.reports) {
    merger.Read(path, [&](const YamlNode& p, int line) {
      ProjectDigest d = DigestOf(p);
      auto [it, inserted] = ids.emplace(d.id, path);
      if (!inserted) {
        in->diags.Error({path, line, 1}, MsgId::kMergeDuplicate, d.id, it->second);
        return;
      }
      in->digests.push_back(std::move(d));
      if (on_project) on_project(p);
    });
  }
  merger.WarnWithoutDigest();
  merger.WarnWithoutPolicy();
  in->rules.name = merger.rules_name();
  in->rules_digest = merger.rules_digest();
  in->policy = merger.policy();
  for (const std::string& g : merger.grades()) in->rules.grades.push_back({g, 0});
}

// `merge` into one of the eval reporters' formats (text, markdown, csv,
// junit, github): the reports are read twice, to build the summary and then
// to hand each project, made back into a ProjectScore, to the reporter.
int MergeWithReporter(const Options& opts, const OutputSpec& spec, const Terminal& term,
                      std::ostream& out, std::ostream& err) {
  MergeInputs in;
  ReadReports(opts, &in, nullptr);
  PrintDiagnostics(in.diags, term, err);
  if (in.diags.has_errors()) return kExitError;
  // A grade's lowest score is known from the projects only (the reports
  // give the names): enough for the text report's colours.
  for (GradeBand& band : in.rules.grades) {
    std::optional<Rational> lowest;
    for (const ProjectDigest& d : in.digests)
      if (d.grade == band.name && (!lowest || d.score < *lowest)) lowest = d.score;
    band.min = lowest.value_or(Rational(1000));
  }
  RunSummary summary(in.rules);
  for (const ProjectDigest& d : in.digests) summary.Add(d);

  ReportContext ctx;
  ctx.rules = &in.rules;
  ctx.color = spec.path.empty() && term.color_stdout();
  ctx.quiet = term.quiet();
  ctx.csv_bom = !opts.csv_no_bom;
  std::unique_ptr<OutputSink> sink;
  std::unique_ptr<StagedDirectory> stage;  // -f xlsx=DIR/: its files until published
  std::ostream unwritten(nullptr);  // the stream of a report that writes its own files
  if (!OpenReportOutput(spec, opts, in.digests.size(), MsgId::kXlsxTooManyProjects, term, out,
                        err, &ctx, &sink, &stage)) {
    return kExitError;
  }
  std::ostream& stream = sink ? sink->stream() : unwritten;
  std::unique_ptr<Reporter> reporter = MakeReporter(spec.format, ctx);
  reporter->Begin(stream);
  if (!ReportFailure(*reporter, term, err)) return kExitError;
  MergeInputs again;
  ReadReports(opts, &again, [&](const YamlNode& p) {
    bool complies = false;
    ProjectScore s = ProjectScoreFromJson(p, &complies);
    reporter->Project(s, complies, stream);
  });
  reporter->End(summary, in.merged, stream);
  if (!ReportFailure(*reporter, term, err) || !PublishStaged(stage.get(), term, err)) {
    return kExitError;
  }
  ReportWarning(reporter->warning(), term, err);
  if (std::optional<Message> failed = sink ? sink->Commit() : std::nullopt) {
    err << WriteErrorLine(spec, *failed);
    return kExitError;
  }
  if (in.merged.has_errors()) return kExitError;
  return summary.complies < summary.projects ? kExitPolicy : kExitOk;
}

}  // namespace

int RunMerge(const Options& given, const Terminal& term, std::ostream& out, std::ostream& err) {
  // A report named twice (by any path: "a.json", "./a.json", a link) is
  // read once, as every input is.
  Options opts = given;
  const PathList distinct = WithoutRepeats(PathList(given.reports));
  if (distinct.size() != given.reports.size()) {
    opts.reports.clear();
    for (size_t i = 0; i < distinct.size(); ++i) opts.reports.push_back(distinct[i]);
  }
  Diagnostics diags;
  const std::vector<std::string>& formats = FormatsOf("merge");
  // Without -f: JSON (the first of merge's formats), or what -o's name says.
  std::vector<OutputSpec> specs = ParseOutputSpecs(opts, formats, &diags);
  if (specs.size() != 1) {
    diags.Error({}, MsgId::kMergeOneFormat, JoinList(formats));
  }
  const PathList reports(opts.reports);
  if (diags.has_errors() || !CheckOutputsAgainstInputs(specs, opts, {&reports}, &diags)) {
    PrintDiagnostics(diags, term, err);
    return kExitError;
  }
  if (specs[0].format != "json" && specs[0].format != "jsonl") {
    return MergeWithReporter(opts, specs[0], term, out, err);
  }
  bool lines = specs[0].format == "jsonl";
  // The rules' name (and the digest and policy after it) is known only once
  // the reports are read: its place in the header holds a placeholder until
  // then (written first, so found first).
  const std::string kRulesPlaceholder = "@@RULES@@";
  std::string text;
  JsonWriter doc(&text, lines ? 0 : 2);
  if (!lines) {
    doc.BeginObject();
    doc.Key("tool").String("jixiao");
    doc.Key("version").String(JIXIAO_VERSION);
    doc.Key("rules").Number(kRulesPlaceholder);
    doc.Key("projects").BeginArray();
  }
  MergeInputs in;
  ReadReports(opts, &in, [&](const YamlNode& p) {
    if (lines) {
      JsonWriter one(&text, 0);
      WriteNodeAsJson(p, &one);
      text.push_back('\n');
    } else {
      WriteNodeAsJson(p, &doc);
    }
  });
  PrintDiagnostics(in.diags, term, err);
  if (in.diags.has_errors()) return kExitError;

  const Rules& rules = in.rules;
  const Diagnostics& merged = in.merged;
  RunSummary summary(rules);
  for (const ProjectDigest& d : in.digests) summary.Add(d);
  if (lines) {
    JsonWriter tail(&text, 0);
    tail.BeginObject();
    tail.Key("tool").String("jixiao");
    tail.Key("version").String(JIXIAO_VERSION);
    tail.Key("rules").String(rules.name);
    if (!in.rules_digest.empty()) tail.Key("rules_digest").String(in.rules_digest);
    if (in.policy) WritePolicyJson(*in.policy, &tail.Key("policy"));
    tail.Key("summary");
    WriteRunSummaryJson(summary, &tail);
    WriteDiagnosticsJson(merged, &tail);
    tail.EndObject();
  } else {
    doc.EndArray();
    doc.Key("summary");
    WriteRunSummaryJson(summary, &doc);
    WriteDiagnosticsJson(merged, &doc);
    doc.EndObject();
    std::string rules_json;
    AppendJsonString(rules.name, &rules_json);
    if (!in.rules_digest.empty()) {  // the next key of the header, as the writer indents it
      rules_json += ",\n  \"rules_digest\": ";
      AppendJsonString(in.rules_digest, &rules_json);
    }
    if (in.policy) {  // likewise, its object as nested one deep
      rules_json += ",\n  \"policy\": ";
      JsonWriter policy = JsonWriter::Nested(&rules_json, 2, 1);
      WritePolicyJson(*in.policy, &policy);
    }
    text.replace(text.find(kRulesPlaceholder), kRulesPlaceholder.size(), rules_json);
  }
  text.push_back('\n');
  if (!WriteOutput(specs[0], text, out, err)) return kExitError;
  if (merged.has_errors()) return kExitError;
  return summary.complies < summary.projects ? kExitPolicy : kExitOk;
}

}  // namespace jixiao
