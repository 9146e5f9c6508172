// `jixiao rules`: print the rules in force as a rules file.
#include "cli/commands.h"
#include "report/diagnostic_format.h"
#include "cli/output.h"
#include "model/rules_file.h"

namespace jixiao {

// Loads the built-in rules with --rules applied over them and writes them,
// as the YAML that FormatRulesYaml prints, to standard output or -o FILE.
// Diagnostics go to `err`; any error (a bad rules file, a bad -f/-o) prints
// nothing on `out` and returns kExitError.
int RunRules(const Options& opts, const Terminal& term, std::ostream& out, std::ostream& err) {
  Diagnostics diags;
  std::vector<OutputSpec> outputs = ParseOutputSpecs(opts, FormatsOf("rules"), &diags);
  if (diags.has_errors() || !CheckOutputsAgainstInputs(outputs, opts, {}, &diags)) {
    PrintDiagnostics(diags, term, err);
    return kExitError;
  }
  // A rules file someone edited is not replaced without --force.
  if (!opts.force) RefuseExistingFiles(outputs, MsgId::kRulesFileExists, &diags);
  if (diags.has_errors()) {
    PrintDiagnostics(diags, term, err);
    return kExitError;
  }
  Rules rules = LoadRules(opts.rules_file, opts.limits, &diags);
  if (opts.strict) diags.PromoteWarnings();
  PrintDiagnostics(diags, term, err);
  if (diags.has_errors()) return kExitError;
  std::string text = FormatRulesYaml(rules, RulesComments::kReader);
  for (const OutputSpec& o : outputs)
    if (!WriteOutput(o, text, out, err)) return kExitError;
  return kExitOk;
}

}  // namespace jixiao
