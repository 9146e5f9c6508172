#include "rules_file.h"

#include <fmt/format.h>

#include "inputs.h"

namespace jixiao {

Rules LoadRules(const std::string& path, const YamlLimits& limits, Diagnostics* diags) {
  Rules base = Rules::Default();
  if (path.empty()) return base;
  std::optional<Source> src = ReadSource(path, limits.max_file_bytes, diags);
  if (!src) return base;
  return ParseRules(*src, base, limits, diags);
}

}  // namespace jixiao
