#include "cli/cli.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "base/exact.h"
#include "base/lang.h"
#include "base/messages.h"
#include "base/record_store.h"
#include "base/terminal.h"
#include "base/text.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "model/progress.h"
#include "report/diagnostic_format.h"
#include "report/monitor_report.h"
#include "report/report.h"

namespace jixiao {

namespace {

// Which groups of options a subcommand takes.
enum OptionSet : unsigned {
  kTargets = 1 << 0,         // positional TARGETS...
  kActuals = 1 << 1,         // -a ACTUALS...
  kReportOptions = 1 << 2,   // -f, -o, --color, --quiet
  kStrict = 1 << 3,          // --strict
  kPolicy = 1 << 7,          // --fail-under, --fail-on
  kRules = 1 << 4,           // -r
  kJobs = 1 << 5,            // -j
  kLimits = 1 << 6,          // --max-file-size and friends
  kImport = 1 << 8,          // import: positional DOCUMENTS..., -o DIR, --year, --id-prefix
  kMergeInputs = 1 << 9,     // merge: positional REPORTS...
  kMergeOutput = 1 << 10,    // merge: -f (one), -o
  kForce = 1 << 11,          // template, rules: --force
  kExplain = 1 << 12,        // explain: positional [CODE]
  kMonitor = 1 << 13,        // monitor: --as-of, --fail-on red|yellow|none
  kShowWork = 1 << 15,       // eval, monitor: --show-work
  kProgressTemplate = 1 << 14,  // template: --progress
};

using RunFn = int (*)(const Options&, const Terminal&, std::ostream&, std::ostream&);

// A subcommand: its name, its help (a summary for `jixiao --help`, a footer
// for `jixiao NAME --help`), its options and what runs it. The report
// formats it writes are in FormatTable, below.
struct CommandSpec {
  const char* name;
  MsgId summary;
  MsgId footer;
  unsigned options;
  RunFn run;
};

const CommandSpec kCommands[] = {
    {"check", MsgId::kHelpCheck, MsgId::kHelpCheckFooter,
     kTargets | kReportOptions | kStrict | kRules | kJobs | kLimits, RunCheck},
    {"eval", MsgId::kHelpEval, MsgId::kHelpEvalFooter,
     kTargets | kActuals | kReportOptions | kStrict | kPolicy | kRules | kJobs | kLimits |
         kShowWork,
     RunEval},
    {"template", MsgId::kHelpTemplate, MsgId::kHelpTemplateFooter,
     kTargets | kReportOptions | kStrict | kRules | kJobs | kLimits | kForce | kProgressTemplate,
     RunTemplate},
    {"monitor", MsgId::kMonHelpSummary, MsgId::kMonHelpFooter,
     kTargets | kActuals | kReportOptions | kStrict | kRules | kJobs | kLimits | kMonitor |
         kShowWork,
     RunMonitor},
    {"merge", MsgId::kHelpMerge, MsgId::kHelpMergeFooter, kMergeInputs | kMergeOutput, RunMerge},
    {"rules", MsgId::kHelpRules, MsgId::kHelpRulesFooter, kRules | kReportOptions | kLimits | kForce,
     RunRules},
    {"import", MsgId::kHelpImport, MsgId::kHelpImportFooter, kImport | kStrict | kRules | kLimits,
     RunImport},
    {"explain", MsgId::kHelpExplain, MsgId::kHelpExplainFooter, kExplain, RunExplain},
};

// The report formats of each command that writes reports, its default
// first. The help of -f, the check of its value and the messages about it
// all read them here; a command without a row takes no -f.
struct CommandFormats {
  std::string_view command;
  std::vector<std::string> formats;
};

const std::vector<CommandFormats>& FormatTable() {
  static const std::vector<CommandFormats> table = [] {
    std::vector<std::string> merge = {"json", "jsonl"};
    for (const std::string& f : ReportFormats())
      if (std::find(merge.begin(), merge.end(), f) == merge.end()) merge.push_back(f);
    return std::vector<CommandFormats>{
        {"check", {"text", "json"}},
        {"eval", ReportFormats()},
        {"template", {"yaml", "csv"}},
        {"rules", {"yaml"}},
        {"monitor", MonitorReportFormats()},
        {"merge", merge},
    };
  }();
  return table;
}

// The help's layout in the run's language: Chinese labels with full-width
// colons, and options aligned by display width (a Chinese character is two
// columns wide, three bytes long).
class HelpFormatter : public CLI::Formatter {
 public:
  HelpFormatter() {
    label("Usage", std::string(Text(MsgId::kHelpUsage)));
    label("OPTIONS", std::string(Text(MsgId::kHelpOptionsWord)));
    label("SUBCOMMAND", std::string(Text(MsgId::kHelpCommandWord)));
    label("SUBCOMMANDS", std::string(Text(MsgId::kHelpCommandWord)));
    label("Positionals", std::string(Text(MsgId::kHelpPositionals)));
    label("REQUIRED", std::string(Text(MsgId::kHelpRequired)));
  }

  std::string make_group(std::string group, bool is_positional,
                         std::vector<const CLI::Option*> opts) const override {
    std::string out = "\n" + group + Colon() + "\n";
    for (const CLI::Option* opt : opts) out += make_option(opt, is_positional);
    return out;
  }

  std::string make_usage(const CLI::App* app, std::string name) const override {
    std::string out = CLI::Formatter::make_usage(app, name);
    std::string plain = get_label("Usage") + ": ";
    if (!English() && out.compare(0, plain.size(), plain) == 0) {
      out.replace(0, plain.size(), get_label("Usage") + Colon());
    }
    return out;
  }

  std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override {
    std::string out = CLI::Formatter::make_subcommands(app, mode);
    std::string plain = "\n" + std::string(Text(MsgId::kHelpCommandsGroup)) + ":\n";
    if (size_t at = out.find(plain); at != std::string::npos && !English()) {
      out.replace(at, plain.size(), "\n" + std::string(Text(MsgId::kHelpCommandsGroup)) + Colon() +
                                        "\n");
    }
    return out;
  }

  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    std::string desc = make_option_desc(opt);
    std::string out = name;
    if (!desc.empty()) {
      size_t width = DisplayWidth(name);
      if (width >= column_width_) {
        out += "\n" + std::string(column_width_, ' ');
      } else {
        out += std::string(column_width_ - width, ' ');
      }
      for (char c : desc) {
        out.push_back(c);
        if (c == '\n') out += std::string(column_width_, ' ');
      }
    }
    return out + "\n";
  }

 private:
  static std::string Colon() { return English() ? ":" : "："; }
};

// What the command line got wrong, found by a check of an option's value
// (CLI11 reports only that a check failed, in its own words).
struct ParseProblem {
  std::optional<Message> message;
};

// A check of an option's value: `test` returns the problem, or nullopt.
// The problem's text is also what CLI11 is told, so that it stops.
template <typename Test>
CLI::Validator Check(ParseProblem* problem, Test test) {
  return CLI::Validator(
      [problem, test](std::string& s) -> std::string {
        std::optional<Message> m = test(s);
        if (!m) return "";
        problem->message = *m;
        return m->text.empty() ? std::string("?") : m->text;
      },
      "");
}

// One of `values`, as written.
CLI::Validator OneOf(ParseProblem* problem, std::string option, std::vector<std::string> values) {
  return Check(problem, [option, values](const std::string& s) -> std::optional<Message> {
    if (std::find(values.begin(), values.end(), s) != values.end()) return std::nullopt;
    if (s.empty()) {  // as every other option's empty value is (NonEmpty)
      return Msg(MsgId::kEmptyOptionValue, option, Tr(MsgId::kOneOfValues, JoinList(values)));
    }
    return Msg(MsgId::kBadValueOneOf, option, s, JoinList(values));
  });
}

// An option's value as written, checked before CLI11 converts it: CLI11
// reads "-1" as 2^64 - 1 for an unsigned option, "0x10" as 16 and " 4" as 4,
// and takes a number too large for its type without a word.
CLI::Validator WholeNumber(ParseProblem* problem, std::string option, unsigned long long min,
                           unsigned long long max) {
  return Check(problem, [=](const std::string& s) -> std::optional<Message> {
    errno = 0;
    char* end = nullptr;
    unsigned long long v = s.empty() ? 0 : std::strtoull(s.c_str(), &end, 10);
    bool digits = !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
    if (digits && errno == 0 && *end == '\0' && v >= min && v <= max) return std::nullopt;
    std::string expected = max == ~0ULL
                               ? std::string(Text(MsgId::kWholeNumberAny))
                               : Tr(MsgId::kWholeNumberRange, std::to_string(min), std::to_string(max));
    // Empty as every other option's empty value is (NonEmpty): JX0707.
    if (s.empty()) return Msg(MsgId::kEmptyOptionValue, option, expected);
    if (digits && errno == ERANGE) {
      return Msg(MsgId::kWholeNumberTooLarge, option, expected, s, std::to_string(max));
    }
    return Msg(MsgId::kBadWholeNumber, option, expected, s);
  });
}

// An empty value (an unset variable in a CI script, `--fail-under "$X"`)
// would otherwise mean "not given" or "standard output": a usage error.
CLI::Validator NonEmpty(ParseProblem* problem, std::string option, MsgId give) {
  return Check(problem, [option, give](const std::string& s) -> std::optional<Message> {
    if (!s.empty()) return std::nullopt;
    return Msg(MsgId::kEmptyOptionValue, option, Text(give));
  });
}

// -f FORMAT[=FILE]: FORMAT one of the command's formats.
CLI::Validator FormatOf(ParseProblem* problem, std::string command) {
  return Check(problem, [command](const std::string& s) -> std::optional<Message> {
    if (s.empty()) return Msg(MsgId::kEmptyOptionValue, "--format", Text(MsgId::kGiveFormat));
    const std::vector<std::string>& formats = FormatsOf(command);
    size_t eq = s.find('=');
    std::string format = s.substr(0, eq);
    if (std::find(formats.begin(), formats.end(), format) == formats.end()) {
      return Msg(MsgId::kUnknownFormatOf, format, command, JoinList(formats));
    }
    if (eq + 1 == s.size()) return Msg(MsgId::kFormatNoFile, s, format);
    return std::nullopt;
  });
}

// --fail-under SCORE: a decimal from 0 to 100. One in (0, 1] is a share
// written for a score (0.8 for 80): as a score it fails almost nothing, so a
// CI with it would pass what it meant to stop.
CLI::Validator Score(ParseProblem* problem) {
  return Check(problem, [](const std::string& s) -> std::optional<Message> {
    if (s.empty()) return Msg(MsgId::kEmptyOptionValue, "--fail-under", Text(MsgId::kGiveFailUnder));
    std::optional<Rational> v = Rational::ParseDecimal(s);
    if (v && v->sign() > 0 && *v <= 1) {
      return Msg(MsgId::kFailUnderFraction, s, (*v * 100).ToDecimalString());
    }
    if (v && *v >= 0 && *v <= 100) return std::nullopt;
    return Msg(MsgId::kBadFailUnder, s);
  });
}

// --lang zh|en, or a locale name for either ("zh_CN.UTF-8").
CLI::Validator Language(ParseProblem* problem) {
  return Check(problem, [](const std::string& s) -> std::optional<Message> {
    if (ParseLang(s)) return std::nullopt;
    return Msg(MsgId::kUnknownLang, s);
  });
}

std::string Meta(MsgId id) { return std::string(Text(id)); }

void AddColorOption(CLI::App* sub, Options* o, ParseProblem* p) {
  sub->add_option("--color", o->color, Meta(MsgId::kHelpColor))
      ->type_name("{auto,always,never}")
      ->check(OneOf(p, "--color", {"auto", "always", "never"}))
      ->capture_default_str();
}

void AddOptions(CLI::App* sub, const CommandSpec& spec, Options* o, ParseProblem* p) {
  const unsigned set = spec.options;
  sub->add_option("--lang", o->lang, Meta(MsgId::kHelpLang))
      ->type_name("{zh,en}")
      ->check(Language(p));
  if (set & kTargets) {
    std::string name = Meta(MsgId::kArgTargets);
    sub->add_option(name, o->targets, Meta(MsgId::kHelpTargets))
        ->type_name("")
        ->required()
        ->check(NonEmpty(p, name, MsgId::kGiveTarget));
  }
  if (set & kActuals) {
    sub->add_option("-a,--actuals", o->actuals,
                    Meta((set & kMonitor) ? MsgId::kMonHelpProgress : MsgId::kHelpActuals))
        ->type_name(Meta(MsgId::kMetaPaths))
        ->required()
        ->check(NonEmpty(p, "--actuals", MsgId::kGiveActuals));
  }
  if (set & kMonitor) {
    sub->add_option("--as-of", o->as_of, Tr(MsgId::kMonHelpAsOf))
        ->type_name(Meta(MsgId::kMetaDate))
        ->check(NonEmpty(p, "--as-of", MsgId::kGiveAsOf))
        ->check(Check(p, [](const std::string& s) -> std::optional<Message> {
          // A usage error, said as the others are (JX0902 keeps its code).
          Date d;
          return ParseAsOfOption(s, &d);
        }));
    sub->add_option("--fail-on", o->monitor_fail_on, Tr(MsgId::kMonHelpFailOn))
        ->type_name("{red,yellow,none}")
        ->check(OneOf(p, "--fail-on", {"red", "yellow", "none"}))
        ->capture_default_str();
  }
  if (set & kShowWork) {
    sub->add_flag("--show-work", o->show_work,
                  Tr((set & kMonitor) ? MsgId::kMonHelpShowWork : MsgId::kHelpShowWork));
  }
  if (set & kProgressTemplate) {
    sub->add_flag("--progress", o->template_progress, Tr(MsgId::kMonHelpTemplateProgress));
  }
  if (set & kMergeInputs) {
    std::string name = Meta(MsgId::kArgReports);
    sub->add_option(name, o->reports, Meta(MsgId::kHelpReports))
        ->type_name("")
        ->required()
        ->check(NonEmpty(p, name, MsgId::kGiveReport));
  }
  if (set & (kMergeOutput | kReportOptions)) {
    const std::vector<std::string>& formats = FormatsOf(spec.name);
    const bool one = (set & kMergeOutput) || formats.size() == 1;
    sub->add_option("-f,--format", o->formats,
                    Tr(one ? MsgId::kHelpFormatOne : MsgId::kHelpFormats, JoinList(formats),
                       formats.front()))
        ->type_name(Meta(MsgId::kMetaFormat))
        ->allow_extra_args(false)
        ->check(FormatOf(p, spec.name));
    sub->add_option("-o,--output", o->output, Meta(MsgId::kHelpOutput))
        ->type_name(Meta(MsgId::kMetaFile))
        ->check(NonEmpty(p, "--output", MsgId::kGiveOutput));
    AddColorOption(sub, o, p);
    sub->add_flag("-q,--quiet", o->quiet, Meta(MsgId::kHelpQuiet));
  }
  // The commands with a csv report: eval and merge.
  if ((set & kMergeOutput) || ((set & kReportOptions) && (set & kActuals))) {
    sub->add_flag("--csv-no-bom", o->csv_no_bom, Meta(MsgId::kHelpCsvNoBom));
  }
  if (set & kRules) {
    sub->add_option("-r,--rules", o->rules_file, Meta(MsgId::kHelpRulesFile))
        ->type_name(Meta(MsgId::kMetaFile))
        ->check(NonEmpty(p, "--rules", MsgId::kGiveRules));
  }
  if (((set & kReportOptions) && (set & kActuals)) || (set & kMergeOutput)) {
    sub->add_option("--xlsx-max-sheets", o->xlsx_max_sheets, Meta(MsgId::kHelpXlsxMaxSheets))
        ->type_name("N")
        ->check(WholeNumber(p, "--xlsx-max-sheets", 1, 100000))
        ->capture_default_str();
  }
  if (set & kExplain) {
    // `explain ""` (an unset variable) is refused, not taken as no code.
    sub->add_option(Meta(MsgId::kArgCode), o->code, Meta(MsgId::kHelpCode))
        ->type_name("")
        ->check(NonEmpty(p, Meta(MsgId::kArgCode), MsgId::kGiveCode));
  }
  if (set & kImport) {
    std::string name = Meta(MsgId::kArgDocuments);
    sub->add_option(name, o->documents, Meta(MsgId::kHelpDocuments))
        ->type_name("")
        ->required()
        ->check(NonEmpty(p, name, MsgId::kGiveDocument));
    sub->add_option("-o,--output", o->output, Meta(MsgId::kHelpImportOutput))
        ->type_name(Meta(MsgId::kMetaImportOutput))
        ->check(NonEmpty(p, "--output", MsgId::kGiveImportOutput));
    sub->add_option("--year", o->import_year, Meta(MsgId::kHelpYear))
        ->type_name(Meta(MsgId::kMetaYear))
        ->check(WholeNumber(p, "--year", 1950, 2100));
    sub->add_option("--unit", o->import_unit, Meta(MsgId::kHelpUnit))
        ->type_name("{元,千元,万元,亿元}")
        ->check(OneOf(p, "--unit", {"元", "千元", "万元", "亿元"}));
    sub->add_option("--id-prefix", o->id_prefix, Meta(MsgId::kHelpIdPrefix))
        ->type_name(Meta(MsgId::kMetaPrefix))
        ->capture_default_str();
    AddColorOption(sub, o, p);
    sub->add_flag("-q,--quiet", o->quiet, Meta(MsgId::kHelpQuietImport));
  }
  if (set & kForce) {
    sub->add_flag("--force", o->force,
                  Meta(std::string_view(spec.name) == "rules" ? MsgId::kHelpForceRules
                                                              : MsgId::kHelpForce));
  }
  if (set & kStrict) {
    sub->add_flag("--strict", o->strict, Meta(MsgId::kHelpStrict));
  }
  if (set & kPolicy) {
    sub->add_option("--fail-under", o->fail_under, Meta(MsgId::kHelpFailUnder))
        ->type_name(Meta(MsgId::kMetaScore))
        ->check(NonEmpty(p, "--fail-under", MsgId::kGiveFailUnder))
        ->check(Score(p));
    sub->add_option("--fail-on", o->fail_on, Meta(MsgId::kHelpFailOn))
        ->type_name("{unmet,none}")
        ->check(OneOf(p, "--fail-on", {"unmet", "none"}))
        ->capture_default_str();
  }
  if (set & kJobs) {
    sub->add_option("-j,--jobs", o->jobs, Meta(MsgId::kHelpJobs))
        ->type_name(Meta(MsgId::kMetaCount))
        ->check(WholeNumber(p, "--jobs", 1, 256));
  }
  if (set & kLimits) {
    struct Limit {
      const char* name;
      MsgId help;
      MsgId meta;
      unsigned long long min, max;
    };
    auto add = [&](const Limit& l, auto* field) {
      sub->add_option(l.name, *field, Meta(l.help))
          ->type_name(Meta(l.meta))
          ->check(WholeNumber(p, l.name, l.min, l.max))
          ->capture_default_str();
    };
    add({"--max-file-size", MsgId::kHelpMaxFileSize, MsgId::kMetaBytes, 0, ~0ULL},
        &o->limits.max_file_bytes);
    add({"--max-scalar-size", MsgId::kHelpMaxScalarSize, MsgId::kMetaBytes, 0, ~0ULL},
        &o->limits.max_scalar_bytes);
    add({"--max-depth", MsgId::kHelpMaxDepth, MsgId::kMetaCount, 1, 400}, &o->limits.max_depth);
    add({"--max-nodes", MsgId::kHelpMaxNodes, MsgId::kMetaCount, 0, ~0ULL},
        &o->limits.max_nodes);
    add({"--max-documents", MsgId::kHelpMaxDocuments, MsgId::kMetaCount, 0, ~0ULL},
        &o->limits.max_documents);
    if (set & (kTargets | kImport)) {
      add({"--max-indicators", MsgId::kHelpMaxIndicators, MsgId::kMetaCount, 0, ~0ULL},
          &o->limits.max_indicators);
    }
  }
}

ColorMode ParseColorMode(const std::string& s) {
  if (s == "always") return ColorMode::kAlways;
  if (s == "never") return ColorMode::kNever;
  return ColorMode::kAuto;
}

// "jixiao: 错误[JX0702]: …" on stderr: a problem of the command line itself,
// found before any input is read.
void PrintProblem(std::ostream& err, Severity severity, const Message& m) {
  Diagnostic d;
  d.severity = severity;
  d.loc.file = "jixiao";
  d.message = m.text;
  d.code = m.code;
  err << FormatDiagnosticLine(d, false);
}

// The language before the command line is parsed (so that --help is in it):
// --lang X or --lang=X anywhere on the command line, else $JIXIAO_LANG, else
// Chinese. An unknown JIXIAO_LANG is reported and ignored; an unknown --lang
// is left for the parser to refuse.
Lang InitialLang(int argc, const char* const* argv, std::ostream& err) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--") break;
    std::optional<Lang> l;
    if (a == "--lang" && i + 1 < argc) l = ParseLang(argv[i + 1]);
    if (a.substr(0, 7) == "--lang=") l = ParseLang(a.substr(7));
    if (l) return *l;
  }
  if (const char* env = std::getenv("JIXIAO_LANG"); env && *env) {
    if (std::optional<Lang> l = ParseLang(env)) return *l;
    SetLang(Lang::kZh);
    PrintProblem(err, Severity::kWarning, Msg(MsgId::kUnknownLangEnv, env));
  }
  return Lang::kZh;
}

std::vector<std::string> CommandNames() {
  std::vector<std::string> names;
  for (const CommandSpec& c : kCommands) names.push_back(c.name);
  return names;
}

// The first word of the command line when it names no command: the
// command's place, so the problem is the command (CLI11 would report a
// missing one). "" when the command line has no such word.
std::string UnknownCommand(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--lang") {
      ++i;
      continue;
    }
    if (a.empty() || a[0] == '-') continue;
    for (const CommandSpec& c : kCommands)
      if (a == c.name) return "";
    return std::string(a);
  }
  return "";
}

Message UnknownCommandMessage(const std::string& word) {
  std::vector<std::string> names = CommandNames();
  std::string hint = ClosestMatch(word, names);
  if (!hint.empty()) return Msg(MsgId::kUnknownCommandHint, word, hint);
  return Msg(MsgId::kUnknownCommand, word, JoinList(names));
}

// The catalogue's message for CLI11's error `e` on the command `sub` (nullptr:
// none was given), keeping what CLI11 said that helps.
// `option` (an argument starting with '-') that `sub` does not take, with
// the nearest of its options when one is near.
Message UnknownOptionMessage(const CLI::App& sub, const std::string& extra) {
  std::string option = extra.substr(0, extra.find('='));
  std::vector<std::string> names;
  for (const CLI::Option* opt : sub.get_options()) {
    for (const std::string& l : opt->get_lnames()) names.push_back("--" + l);
  }
  std::string hint = option.size() > 2 ? ClosestMatch(option, names) : std::string();
  if (!hint.empty()) return Msg(MsgId::kUnknownOptionHint, sub.get_name(), option, hint);
  return Msg(MsgId::kUnknownOption, sub.get_name(), option);
}

Message DescribeParseError(const CLI::ParseError& e, const CLI::App& app, const CLI::App* sub) {
  const std::string what = e.what();
  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
    if (sub == nullptr) {
      // `jixiao --bogus`: the word to correct is the option, not a command.
      for (const std::string& extra : app.remaining(true)) {
        if (extra.size() > 1 && extra[0] == '-') {
          return Msg(MsgId::kUnknownTopOption, extra.substr(0, extra.find('=')));
        }
      }
      return Msg(MsgId::kNoCommand, JoinList(CommandNames()));
    }
    // `eval --bogus`: CLI11 finds the missing TARGETS before the unknown
    // option, which is what to correct first.
    for (const std::string& extra : app.remaining(true)) {
      if (extra.size() > 1 && extra[0] == '-') return UnknownOptionMessage(*sub, extra);
    }
    // `eval -a a.yaml t.yaml -q`: -a takes every path up to the next
    // option, the targets with them.
    const CLI::Option* actuals = sub->get_option_no_throw("--actuals");
    for (const CLI::Option* opt : sub->get_options()) {
      if (opt->get_required() && opt->count() == 0 && opt->get_lnames().empty() &&
          opt->get_snames().empty() && actuals != nullptr && actuals->count() >= 2) {
        return Msg(MsgId::kTargetsTakenByActuals, sub->get_name(), actuals->results().back());
      }
    }
    for (const CLI::Option* opt : sub->get_options()) {
      if (opt->get_required() && opt->count() == 0) {
        return Msg(MsgId::kMissingArgument, sub->get_name(), opt->get_name(false, true),
                   opt->get_description());
      }
    }
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    std::vector<std::string> extras = app.remaining(true);
    if (!extras.empty()) {
      const std::string& extra = extras.front();
      if (sub == nullptr) return UnknownCommandMessage(extra);
      if (extra.size() > 1 && extra[0] == '-') return UnknownOptionMessage(*sub, extra);
      return Msg(MsgId::kUnexpectedArgument, sub->get_name(), extra);
    }
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
    // "--rules: 1 required FILE missing": the option named first, the
    // command's or, before any command (`jixiao --lang`), jixiao's own.
    const CLI::App* owner = sub != nullptr ? sub : &app;
    const CLI::Option* named = nullptr;
    size_t at = std::string::npos;
    for (const CLI::Option* opt : owner->get_options()) {
      for (const std::string& l : opt->get_lnames()) {
        std::string flag = "--" + l;
        size_t pos = what.find(flag);
        bool whole = pos != std::string::npos &&
                     (pos + flag.size() == what.size() || what[pos + flag.size()] == ':' ||
                      what[pos + flag.size()] == ' ' || what[pos + flag.size()] == ',');
        if (whole && (at == std::string::npos || pos < at)) {
          at = pos;
          named = opt;
        }
      }
    }
    if (named != nullptr) {
      // "--as-of: At Most 1 required but received 2": given twice.
      if (what.find("At Most") != std::string::npos) {
        return Msg(MsgId::kOptionRepeated, named->get_name());
      }
      return Msg(MsgId::kMissingValue, named->get_name(), named->get_description());
    }
  }
  return Msg(MsgId::kBadUsage, what);
}

// A switch given a value (`--strict=`, `--show-work=banana`, `-q=yes`):
// CLI11 reads some as true, blames others on the next argument or says so
// in English. true/false, yes/no, on/off and 1/0 are taken, as CLI11 does.
// `*command` is the command's name. A short switch takes no '=' at all.
std::optional<Message> FlagValueProblem(
    int argc, const char* const* argv,
    const std::vector<std::pair<CLI::App*, const CommandSpec*>>& subs, std::string* command) {
  const CLI::App* sub = nullptr;
  int i = 1;
  for (; i < argc && sub == nullptr; ++i) {
    for (const auto& [s, spec] : subs)
      if (s->get_name() == argv[i]) sub = s;
  }
  if (sub == nullptr) return std::nullopt;
  *command = sub->get_name();
  for (; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--") break;
    const size_t eq = a.find('=');
    if (a.size() < 2 || a[0] != '-' || eq == std::string_view::npos) continue;
    const std::string name(a.substr(0, eq));
    const std::string value(a.substr(eq + 1));
    for (const CLI::Option* opt : sub->get_options()) {
      if (opt->get_expected_max() != 0 || opt->get_positional()) continue;  // takes a value
      bool named = false, short_name = false;
      for (const std::string& l : opt->get_lnames()) named = named || name == "--" + l;
      for (const std::string& n : opt->get_snames()) short_name = short_name || name == "-" + n;
      if (short_name) return Msg(MsgId::kShortSwitchValue, name, value);
      if (!named) continue;
      std::string v = value;
      std::transform(v.begin(), v.end(), v.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      static const char* const kTaken[] = {"true", "false", "yes", "no", "on", "off", "1", "0"};
      if (std::find(std::begin(kTaken), std::end(kTaken), v) != std::end(kTaken)) break;
      return Msg(MsgId::kSwitchValue, name, value);
    }
  }
  return std::nullopt;
}

// An option whose value is another option of the command (`-r --lang zh`,
// the value forgotten): CLI11 takes the option's name as the value (a rules
// file named "--lang") and what follows as an argument of its own. So it
// does with "--" (`-a -- -进度.csv`).
std::optional<Message> ValueIsAnOption(const CLI::App& sub) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : sub.get_options()) {
    for (const std::string& l : opt->get_lnames()) names.push_back("--" + l);
  }
  for (const CLI::Option* opt : sub.get_options()) {
    if (opt->get_type_size() == 0 || opt->get_positional()) continue;
    for (const std::string& v : opt->results()) {
      // `-a -- -进度.csv`: CLI11 gives -a the "--" as its first value.
      if (v == "--") return Msg(MsgId::kEndOfOptionsAsValue, opt->get_name());
      if (v.size() < 3 || v.compare(0, 2, "--") != 0) continue;
      if (std::find(names.begin(), names.end(), v.substr(0, v.find('='))) != names.end()) {
        return Msg(MsgId::kMissingValue, opt->get_name(), opt->get_description());
      }
    }
  }
  return std::nullopt;
}

}  // namespace

const std::vector<std::string>& FormatsOf(std::string_view command) {
  static const std::vector<std::string> none;
  for (const CommandFormats& c : FormatTable())
    if (c.command == command) return c.formats;
  return none;
}

namespace {

// RunCli but for the last check of standard output.
int ParseAndRun(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
                std::string_view revision) {
  SetLang(InitialLang(argc, argv, err));
  CLI::App app{Meta(MsgId::kHelpApp), "jixiao"};
  app.formatter(std::make_shared<HelpFormatter>());
  app.option_defaults()->group(Meta(MsgId::kHelpOptionsGroup));
  app.set_help_flag("-h,--help", Meta(MsgId::kHelpHelpFlag));
  std::string version = std::string("jixiao ") + JIXIAO_VERSION;
  if (!revision.empty()) version += " (git " + std::string(revision) + ")";
  app.set_version_flag("--version", version, Meta(MsgId::kHelpVersionFlag));
  app.require_subcommand(1);
  app.footer(Meta(MsgId::kHelpAppFooter));
  Options opts;
  opts.lang = English() ? "en" : "zh";
  ParseProblem problem;
  app.add_option("--lang", opts.lang, Meta(MsgId::kHelpLang))
      ->type_name("{zh,en}")
      ->check(Language(&problem));
  std::vector<std::pair<CLI::App*, const CommandSpec*>> subs;
  for (const CommandSpec& spec : kCommands) {
    CLI::App* sub = app.add_subcommand(spec.name, Meta(spec.summary));
    sub->group(Meta(MsgId::kHelpCommandsGroup));
    // Made before the parent's option defaults are copied: in "Options".
    if (CLI::Option* help = sub->get_help_ptr()) help->group(Meta(MsgId::kHelpOptionsGroup));
    sub->footer(Meta(spec.footer));
    AddOptions(sub, spec, &opts, &problem);
    subs.emplace_back(sub, &spec);
  }
  if (argc <= 1) {
    err << app.help();
    return kExitError;
  }
  if (std::string word = UnknownCommand(argc, argv); !word.empty()) {
    PrintProblem(err, Severity::kError, UnknownCommandMessage(word));
    err << Text(MsgId::kSeeHelp) << "\n";
    return kExitError;
  }
  if (std::string command; std::optional<Message> m = FlagValueProblem(argc, argv, subs, &command)) {
    PrintProblem(err, Severity::kError, *m);
    err << Tr(MsgId::kSeeCommandHelp, command) << "\n";
    return kExitError;
  }
  // `--fail-under=` (an unset variable after the '=') is an empty value:
  // CLI11 would take the next argument as the value instead.
  std::vector<std::string> words;
  for (int i = 0; i < argc; ++i) {
    std::string_view a = argv[i];
    bool end_of_options = a == "--";
    if (i > 0 && a.size() > 3 && a.substr(0, 2) == "--" && a.back() == '=' &&
        a.find('=') + 1 == a.size()) {
      words.emplace_back(a.substr(0, a.size() - 1));
      words.emplace_back();
    } else {
      words.emplace_back(a);
    }
    if (end_of_options) {
      for (++i; i < argc; ++i) words.emplace_back(argv[i]);
    }
  }
  std::vector<const char*> args;
  for (const std::string& w : words) args.push_back(w.c_str());
  try {
    app.parse(static_cast<int>(args.size()), args.data());
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help, --version
      if (dynamic_cast<const CLI::CallForHelp*>(&e) != nullptr) {
        out << app.help();
        return kExitOk;
      }
      app.exit(e, out, err);
      return kExitOk;
    }
    const CLI::App* sub = nullptr;
    for (const auto& [s, spec] : subs)
      if (s->parsed()) sub = s;
    Message m = problem.message ? *problem.message : DescribeParseError(e, app, sub);
    PrintProblem(err, Severity::kError, m);
    err << (sub ? Tr(MsgId::kSeeCommandHelp, sub->get_name()) : std::string(Text(MsgId::kSeeHelp)))
        << "\n";
    return kExitError;
  }
  if (std::optional<Lang> l = ParseLang(opts.lang)) SetLang(*l);
  for (const auto& [sub, spec] : subs) {
    if (!sub->parsed()) continue;
    if (std::optional<Message> m = ValueIsAnOption(*sub)) {
      PrintProblem(err, Severity::kError, *m);
      err << Tr(MsgId::kSeeCommandHelp, sub->get_name()) << "\n";
      return kExitError;
    }
  }
  Terminal term(ParseColorMode(opts.color), opts.quiet, TerminalEnv::Detect());
  for (const auto& [sub, spec] : subs) {
    if (!sub->parsed()) continue;
    try {
      return spec->run(opts, term, out, err);
    } catch (const std::bad_alloc&) {
      PrintProblem(err, Severity::kError, Message{0, std::string(Text(MsgId::kOutOfMemory))});
      return kExitError;
    } catch (const TemporaryFileError& e) {
      PrintProblem(err, Severity::kError, Message{0, e.what()});
      return kExitError;
    } catch (const std::exception& e) {
      PrintProblem(err, Severity::kError, Message{0, Tr(MsgId::kInternalError, e.what())});
      return kExitError;
    }
  }
  return kExitError;
}

}  // namespace

int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
           std::string_view revision) {
  const int status = ParseAndRun(argc, argv, out, err, revision);
  // What went to standard output directly (--help, --version, explain, a
  // report through `out`) must have got there: a full disk or a closed
  // descriptor is an error, not a success with nothing written. (A command
  // that failed has said why already.)
  out.flush();
  if (!out && status == kExitOk) {
    PrintProblem(err, Severity::kError, Msg(MsgId::kCannotWriteStdout));
    return kExitError;
  }
  return status;
}

}  // namespace jixiao
