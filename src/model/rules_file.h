// Rules files (docs/reference.md §5): reading overrides and printing the rules in force.
#ifndef JIXIAO_MODEL_RULES_FILE_H_
#define JIXIAO_MODEL_RULES_FILE_H_

#include <string>

#include "base/diagnostic.h"
#include "model/rules.h"
#include "yaml/yaml_doc.h"

namespace jixiao {

// Applies the overrides in rules-file text `src` to `base` and returns the
// result. Every key is optional; what is not given keeps its value in
// `base`. Problems (unknown keys, wrong types, weights that do not add up to
// 100 with the execution weight, bands out of order, ratios outside [0, 1])
// go to `diags` located, and `base` is returned unchanged.
//
// The format is exactly what FormatRulesYaml prints, so a user can copy the
// output of `jixiao rules`, edit it and pass it back with --rules.
Rules ParseRules(const Source& src, const Rules& base, const YamlLimits& limits,
                 Diagnostics* diags);

// The overrides of one parsed rules document `root` (as ParseRules reads
// it) applied to `base`; on any error, reported to `diags`, `base`.
Rules ReadRulesDocument(const Source& src, const YamlNode& root, const Rules& base,
                        Diagnostics* diags);

// Whether `key` is a key only a rules file has (execution_weight, pools,
// grades, ...; not `name`, which other files use too).
bool IsRulesOnlyKey(std::string_view key);

// The built-in rules when `path` is "", else the rules file at `path`
// applied over them.
Rules LoadRules(const std::string& path, const YamlLimits& limits, Diagnostics* diags);

// The rules as a commented YAML rules file: the comments in the run's
// language for a person (kReader), or as RulesDigest hashes them (kDigest).
std::string FormatRulesYaml(const Rules& rules, RulesComments who = RulesComments::kDigest);

// What an eval report says of the rules it was scored under besides their
// name, so that `merge` can tell two rules files of one name apart (every
// file without a `name` is "mof-2020+custom"): 16 hex digits of a hash of
// the settings as FormatRulesYaml prints them, but the `monitor` ones,
// which no score depends on. Equal rules give equal digests, in any
// language and on any machine.
std::string RulesDigest(const Rules& rules);

}  // namespace jixiao

#endif  // JIXIAO_MODEL_RULES_FILE_H_
