// Reading target documents (docs/reference.md §1) into Projects.
#ifndef JIXIAO_MODEL_TARGET_LOADER_H_
#define JIXIAO_MODEL_TARGET_LOADER_H_

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>

#include "base/diagnostic.h"
#include "model/model.h"
#include "model/rules.h"
#include "yaml/yaml_doc.h"

namespace jixiao {

// Validates one YAML document as a target project against docs/reference.md §1 and §3:
// required and optional fields with their types, unknown keys (with a
// suggestion for near misses), the indicator taxonomy of `rules`, unique
// indicator names (or ids) within the project, fiscal + other = total,
// weights all-or-none adding up to the rules' indicator weight, and every
// target value's grammar. Appends every problem found to `diags` and returns
// the project only when it has no error (warnings allowed). Checks that
// span documents (unique project ids) are the caller's. When the document
// has errors and `rejected` is given, it receives the id and the name the
// document declares (either may be ""), so its actuals can be recognised.
// A project with more than `max_indicators` indicators is an error.
std::optional<Project> ReadTargetDocument(const Source& src, const YamlDocument& doc,
                                          const Rules& rules, Diagnostics* diags,
                                          std::pair<std::string, std::string>* rejected = nullptr,
                                          size_t max_indicators = kDefaultMaxIndicators);

// True when `doc` looks like an actuals document (a map with `projects`
// and without `project`), so that `check` can route it.
bool IsActualsDocument(const YamlDocument& doc);

// True when `doc` looks like a rules file (a map with a key only rules
// files have, such as grades, and none of a target project's keys), so
// that `check` can route it: examples/ holds rules files beside targets.
bool IsRulesDocument(const YamlDocument& doc);

// Counts of what a TargetLoader has read.
struct LoadStats {
  size_t files = 0;       // files read (even when invalid)
  size_t documents = 0;   // YAML documents parsed
  size_t projects = 0;    // valid projects (with unique ids, where the caller checks)
  size_t indicators = 0;  // indicators of those projects
  size_t actuals_documents = 0;  // documents recognised as actuals (validated as such)
  size_t rules_documents = 0;    // documents recognised as rules files (validated as such)
  // Documents a YAML syntax error lost before a later one was read (their
  // index skipped): counted as the later one is delivered.
  size_t lost_documents = 0;
};

// Reads target files one document at a time and delivers each valid project
// in input order, with the source it came from. Checks that span files
// (unique project ids) are the caller's: see ProjectIdRegistry in batch.h.
class TargetLoader {
 public:
  using ProjectCallback = std::function<void(Project&&, const Source&)>;
  // Called with the id and name of a project document that has errors.
  using RejectedCallback = std::function<void(const std::string& id, const std::string& name)>;

  TargetLoader(const Rules& rules, const YamlLimits& limits, Diagnostics* diags)
      : rules_(rules), limits_(limits), diags_(diags) {}

  // Reads and validates every document of the file at `path`.
  void LoadFile(const std::string& path, const ProjectCallback& on_project,
                const RejectedCallback& on_rejected = nullptr);
  // The same for text already in memory (used by tests and stdin).
  void LoadSource(const Source& src, const ProjectCallback& on_project,
                  const RejectedCallback& on_rejected = nullptr);

  const LoadStats& stats() const { return stats_; }

 private:
  const Rules& rules_;
  const YamlLimits& limits_;
  Diagnostics* diags_;
  LoadStats stats_;
};

}  // namespace jixiao

#endif  // JIXIAO_MODEL_TARGET_LOADER_H_
