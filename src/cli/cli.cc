#include "cli/cli.h"

#include <cerrno>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string_view>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "base/lang.h"
#include "base/record_store.h"
#include "base/terminal.h"

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
  kMergeOutput = 1 << 10,    // merge: -f json|jsonl, -o
  kForce = 1 << 11,          // template: --force
  kExplain = 1 << 12,        // explain: positional [CODE]
};

using RunFn = int (*)(const Options&, const Terminal&, std::ostream&, std::ostream&);

struct CommandSpec {
  const char* name;
  const char* summary;
  const char* footer;
  unsigned options;
  RunFn run;
};

const CommandSpec kCommands[] = {
    {"check", "Validate target files (绩效目标表 YAML)",
     "Reads every TARGET file, or every *.yaml/*.yml below a TARGET directory, and reports\n"
     "each problem as file:line:column. Exit status: 0 valid, 2 any error.",
     kTargets | kReportOptions | kStrict | kRules | kJobs | kLimits, RunCheck},
    {"eval", "Score projects against their actuals and report",
     "Scores every project of TARGETS against its entry in ACTUALS under the rules of\n"
     "财预〔2020〕10号 and prints a compliance report. Exit status: 0 every project complies,\n"
     "1 some project fails the policy (--fail-on, --fail-under), 2 any input error.",
     kTargets | kActuals | kReportOptions | kStrict | kPolicy | kRules | kJobs | kLimits, RunEval},
    {"template", "Write an actuals skeleton for TARGETS, ready to fill in",
     "Every project and indicator of TARGETS with its target in a comment (YAML), or one\n"
     "row per indicator with its target in its own column (-f csv, opens in Excel). Fill\n"
     "it in and pass it to 'jixiao eval -a'.",
     kTargets | kReportOptions | kStrict | kRules | kJobs | kLimits | kForce, RunTemplate},
    {"merge", "Combine JSON or JSONL reports of separate eval runs into one report",
     "Reads the REPORTs written by 'jixiao eval -f json' or '-f jsonl' (e.g. one per\n"
     "department) and writes one report of all their projects with the summary rebuilt, as\n"
     "one eval run over all their inputs would have: JSON by default, or any report format\n"
     "of eval (-f text, markdown, csv, ...). Exit status as for eval.",
     kMergeInputs | kMergeOutput, RunMerge},
    {"rules", "Print the scoring rules in force, as a YAML file you can edit",
     "Without --rules, prints the built-in mof-2020 rules (财预〔2020〕10号).",
     kRules | kReportOptions | kLimits, RunRules},
    {"import", "Turn 绩效目标表 documents (.docx, or text extracted from Word) into target YAML",
     "Reads every project of each DOCUMENT and writes it as a target file that 'jixiao check'\n"
     "accepts: one file per project under -o DIR, all in one file with -o FILE.yaml, or all to\n"
     "stdout. Guesses are warnings and YAML comments. Exit status: 0 all imported, 2 any error\n"
     "(projects without errors are still written). See docs/import.md.",
     kImport | kStrict | kRules | kLimits, RunImport},
    {"explain", "Say what a diagnostic code means and how to fix it",
     "Prints the entry of docs/errors.md for CODE (such as JX0301): the cause, the fix and an\n"
     "example. Without CODE, lists every code. Exit status: 0, or 2 for an unknown code.",
     kExplain, RunExplain},
};

void AddColorOption(CLI::App* sub, Options* o) {
  sub->add_option("--color", o->color, "Colour: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

// An option's value as written, checked before CLI11 converts it: CLI11
// reads "-1" as 2^64 - 1 for an unsigned option, "0x10" as 16 and " 4" as 4,
// and takes a number too large for its type without a word.
CLI::Validator WholeNumber(unsigned long long min, unsigned long long max) {
  std::string expected = max == ~0ULL ? "a whole number (0 or more)"
                                      : fmt::format("a whole number from {} to {}", min, max);
  return CLI::Validator(
      [=](std::string& s) -> std::string {
        errno = 0;
        char* end = nullptr;
        unsigned long long v = s.empty() ? 0 : std::strtoull(s.c_str(), &end, 10);
        bool digits = !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
        if (digits && errno == 0 && *end == '\0' && v >= min && v <= max) return "";
        if (digits && errno == ERANGE) {
          return fmt::format("expected {}, not '{}': at most {}", expected, s, max);
        }
        return fmt::format("expected {}, not '{}'", expected, s);
      },
      max == ~0ULL ? "COUNT" : fmt::format("{}-{}", min, max));
}

// An empty value (an unset variable in a CI script, `--fail-under "$X"`)
// would otherwise mean "not given" or "standard output": a usage error.
CLI::Validator NonEmpty(const std::string& expected) {
  return CLI::Validator(
      [=](std::string& s) -> std::string {
        if (!s.empty()) return "";
        return "an empty value (an unset variable?): give " + expected;
      },
      "");
}

void AddOptions(CLI::App* sub, unsigned set, Options* o) {
  sub->add_option("--lang", o->lang,
                  "Language of every message and label: zh or en (default: $JIXIAO_LANG, else zh)")
      ->check(CLI::IsMember({"zh", "en"}));
  if (set & kTargets) {
    sub->add_option("TARGETS", o->targets, "Target files or directories")
        ->required()
        ->check(NonEmpty("a target file or directory"));
  }
  if (set & kActuals) {
    sub->add_option("-a,--actuals", o->actuals, "Actuals files or directories (YAML or CSV)")
        ->required()
        ->check(NonEmpty("an actuals file or directory"));
  }
  if (set & kMergeInputs) {
    sub->add_option("REPORTS", o->reports, "JSON or JSONL reports of 'jixiao eval'")
        ->required()
        ->check(NonEmpty("a report file"));
  }
  if (set & kMergeOutput) {
    sub->add_option("-f,--format", o->formats,
                    "Format of the merged report: json (default), jsonl, text, markdown, csv, "
                    "junit or github")
        ->allow_extra_args(false)
        ->check(NonEmpty("a format, such as json or csv=FILE"));
    sub->add_option("-o,--output", o->output, "Write the merged report to FILE instead of stdout")
        ->check(NonEmpty("a file, or leave -o out for standard output"));
    AddColorOption(sub, o);
    sub->add_flag("-q,--quiet", o->quiet, "Print only errors and the summary line");
    sub->add_flag("--csv-no-bom", o->csv_no_bom,
                  "csv report: omit the UTF-8 byte order mark (Excel needs it for Chinese)");
  }
  if (set & kRules) {
    sub->add_option("-r,--rules", o->rules_file, "Rules file overriding the built-in mof-2020 rules")
        ->check(NonEmpty("a rules file, or leave -r out for the built-in rules"));
  }
  if (set & kReportOptions) {
    sub->add_option("-f,--format", o->formats,
                    "Report format, FORMAT or FORMAT=FILE; may be repeated (eval: text, json, "
                    "csv, markdown, junit, github, html; check: text, json; template: yaml, csv)")
        ->allow_extra_args(false)
        ->check(NonEmpty("a format, such as json or json=FILE"));
    sub->add_option("-o,--output", o->output, "Write the report to FILE instead of stdout")
        ->check(NonEmpty("a file, or leave -o out for standard output"));
    AddColorOption(sub, o);
    sub->add_flag("-q,--quiet", o->quiet, "Print only errors and the summary line");
  }
  if ((set & kReportOptions) && (set & kActuals)) {  // eval: the only command with a csv report
    sub->add_flag("--csv-no-bom", o->csv_no_bom,
                  "csv report: omit the UTF-8 byte order mark (Excel needs it for Chinese)");
  }
  if (set & kExplain) {
    sub->add_option("CODE", o->code, "A diagnostic code, such as JX0301");
  }
  if (set & kImport) {
    sub->add_option("DOCUMENTS", o->documents,
                    "绩效目标表 documents: .docx files, text extracted from Word, or directories "
                    "of them")
        ->required()
        ->check(NonEmpty("a document or directory"));
    sub->add_option("-o,--output", o->output,
                    "Directory for one YAML file per project (created if missing), or FILE.yaml "
                    "for all in one file; default: standard output")
        ->check(NonEmpty("a directory or FILE.yaml, or leave -o out for standard output"));
    sub->add_option("--year", o->import_year,
                    "Year of projects whose name has none (such as 2024年度…)")
        ->check(WholeNumber(1950, 2100));
    sub->add_option("--unit", o->import_unit,
                    "Unit of the amounts of documents that do not say (单位：…): 元, 千元, 万元 "
                    "or 亿元")
        ->check(CLI::IsMember({"元", "千元", "万元", "亿元"}));
    sub->add_option("--id-prefix", o->id_prefix,
                    "Project ids are PREFIX-CODE-YEAR-NN; 'auto' takes the province of the "
                    "department (天津市… -> TJ), '' none")
        ->capture_default_str();
    AddColorOption(sub, o);
    sub->add_flag("-q,--quiet", o->quiet, "Print only errors");
  }
  if (set & kForce) {
    sub->add_flag("--force", o->force,
                  "Replace an existing file given with -o (it may hold filled-in actuals)");
  }
  if (set & kStrict) {
    sub->add_flag("--strict", o->strict, "Treat warnings as errors");
  }
  if (set & kPolicy) {
    sub->add_option("--fail-under", o->fail_under,
                    "Fail (exit 1) when a project's total is below SCORE")
        ->check(NonEmpty("a score from 0 to 100, or leave --fail-under out"));
    sub->add_option("--fail-on", o->fail_on, "Fail (exit 1) on: unmet (any unmet indicator) or none")
        ->check(CLI::IsMember({"unmet", "none"}))
        ->capture_default_str();
  }
  if (set & kJobs) {
    sub->add_option("-j,--jobs", o->jobs, "Worker threads (default: the number of cores)")
        ->check(WholeNumber(1, 256));
  }
  if (set & kLimits) {
    sub->add_option("--max-file-size", o->limits.max_file_bytes, "Largest input file, in bytes")
        ->check(WholeNumber(0, ~0ULL))
        ->capture_default_str();
    sub->add_option("--max-scalar-size", o->limits.max_scalar_bytes,
                    "Longest single value, in bytes")
        ->check(WholeNumber(0, ~0ULL))
        ->capture_default_str();
    sub->add_option("--max-depth", o->limits.max_depth, "Deepest YAML nesting")
        ->check(WholeNumber(1, 400))
        ->capture_default_str();
    sub->add_option("--max-nodes", o->limits.max_nodes,
                    "Most values in one document, aliases counted in full")
        ->check(WholeNumber(0, ~0ULL))
        ->capture_default_str();
    sub->add_option("--max-documents", o->limits.max_documents,
                    "Most YAML documents in one file")
        ->check(WholeNumber(0, ~0ULL))
        ->capture_default_str();
    if (set & kTargets) {
      sub->add_option("--max-indicators", o->limits.max_indicators,
                      "Most indicators in one target project")
          ->check(WholeNumber(0, ~0ULL))
          ->capture_default_str();
    }
  }
}

ColorMode ParseColorMode(const std::string& s) {
  if (s == "always") return ColorMode::kAlways;
  if (s == "never") return ColorMode::kNever;
  return ColorMode::kAuto;
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
    err << "jixiao: warning: JIXIAO_LANG='" << env << "' is neither zh nor en; using zh\n";
  }
  return Lang::kZh;
}

}  // namespace

int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  SetLang(InitialLang(argc, argv, err));
  CLI::App app{"jixiao — check and score budget projects against their performance targets "
               "(绩效目标表, 财预〔2020〕10号)",
               "jixiao"};
  app.set_version_flag("--version", std::string("jixiao ") + JIXIAO_VERSION);
  app.require_subcommand(1);
  app.footer("Run 'jixiao COMMAND --help' for the options of a command.\n"
             "Exit status: 0 valid and compliant, 1 some project fails the policy, 2 any error.");
  Options opts;
  opts.lang = English() ? "en" : "zh";
  std::vector<std::pair<CLI::App*, const CommandSpec*>> subs;
  for (const CommandSpec& spec : kCommands) {
    CLI::App* sub = app.add_subcommand(spec.name, spec.summary);
    sub->footer(spec.footer);
    AddOptions(sub, spec.options, &opts);
    subs.emplace_back(sub, &spec);
  }
  if (argc <= 1) {
    err << app.help();
    return kExitError;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help, --version
      app.exit(e, out, err);
      return kExitOk;
    }
    err << "jixiao: error: " << e.what() << "\n"
        << "Run 'jixiao --help' for usage.\n";
    return kExitError;
  }
  if (std::optional<Lang> l = ParseLang(opts.lang)) SetLang(*l);
  Terminal term(ParseColorMode(opts.color), opts.quiet, TerminalEnv::Detect());
  for (const auto& [sub, spec] : subs) {
    if (!sub->parsed()) continue;
    try {
      return spec->run(opts, term, out, err);
    } catch (const std::bad_alloc&) {
      err << "jixiao: error: out of memory\n";
      return kExitError;
    } catch (const TemporaryFileError& e) {
      err << "jixiao: error: " << e.what() << "\n";
      return kExitError;
    } catch (const std::exception& e) {
      err << "jixiao: internal error: " << e.what() << "\n";
      return kExitError;
    }
  }
  return kExitError;
}

}  // namespace jixiao
