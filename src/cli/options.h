// Options shared by the subcommands, with their documented defaults.
#ifndef JIXIAO_CLI_OPTIONS_H_
#define JIXIAO_CLI_OPTIONS_H_

#include <string>
#include <vector>

#include "yaml/yaml_doc.h"

namespace jixiao {

struct Options {
  // The positional arguments, in the field of the subcommand that takes them:
  // target files and directories (check, eval, template),
  std::vector<std::string> targets;
  // the JSON or JSONL reports to combine (merge),
  std::vector<std::string> reports;
  // the 绩效目标表 documents and directories to import (import).
  std::vector<std::string> documents;
  // Actuals files and directories (-a).
  std::vector<std::string> actuals;
  // Rules file (-r); "" means the built-in mof-2020 rules.
  std::string rules_file;
  // Report formats, each FORMAT or FORMAT=FILE (-f); empty means text.
  std::vector<std::string> formats;
  // Output file for the single-format case (-o); "" means stdout.
  std::string output;
  // --fail-under SCORE as written; "" means no score policy.
  std::string fail_under;
  // --fail-on: "unmet" (default) or "none".
  std::string fail_on = "unmet";
  // monitor --fail-on: "red" (default), "yellow" or "none".
  std::string monitor_fail_on = "red";
  // monitor --as-of: the date of the figures, overriding the files'; "" = theirs.
  std::string as_of;
  // --show-work: eval explains each score, monitor each light, with its arithmetic.
  bool show_work = false;
  // template --progress: a progress skeleton (for monitor) rather than actuals.
  bool template_progress = false;
  // template --force: replace an existing output file.
  bool force = false;
  // --strict: warnings count as errors.
  bool strict = false;
  // --quiet: print only errors and the summary line.
  bool quiet = false;
  // -j: worker threads; 0 means the number of cores.
  int jobs = 0;
  // --color: auto, always or never.
  std::string color = "auto";
  // explain: the diagnostic code asked about; "" lists every code.
  std::string code;
  // --lang: the language of every word for a person, zh or en (base/lang.h).
  std::string lang = "zh";
  // --xlsx-max-sheets: most project sheets in one xlsx workbook; above it
  // -f xlsx=DIR/ writes one workbook per department.
  size_t xlsx_max_sheets = 500;
  // --csv-no-bom: the csv report starts without a UTF-8 byte order mark.
  bool csv_no_bom = false;
  // Input limits (file size, scalar length, nesting, aliases, documents).
  YamlLimits limits;
  // import --year: the year of projects whose name has none; 0 = none.
  int import_year = 0;
  // import --unit: the unit of amounts of documents that give none; "" = none.
  std::string import_unit;
  // import --id-prefix: "auto" (from the department's province), "" or a prefix.
  std::string id_prefix = "auto";
};

}  // namespace jixiao

#endif  // JIXIAO_CLI_OPTIONS_H_
