// `jixiao explain [CODE]`: the section of docs/errors.md for a diagnostic
// code, in the run's language; without a code, every code with its title.
#include <algorithm>

#include <fmt/format.h>

#include "base/diagnostic.h"
#include "base/lang.h"
#include "base/messages.h"
#include "cli/commands.h"
#include "cli/explain.h"
#include "report/diagnostic_format.h"

namespace jixiao {

int RunExplain(const Options& opts, const Terminal& term, std::ostream& out, std::ostream& err) {
  std::vector<CodeEntry> entries = ParseErrorsDoc(ErrorsDoc());
  bool en = English();
  if (opts.code.empty()) {
    for (const CodeEntry& e : entries) {
      out << fmt::format("{}  {}\n", FormatCode(e.code), en ? e.title_en : e.title_zh);
    }
    return kExitOk;
  }
  std::optional<uint16_t> code = ParseCode(opts.code);
  auto it = std::find_if(entries.begin(), entries.end(),
                         [&](const CodeEntry& e) { return code && e.code == *code; });
  if (it == entries.end()) {
    Diagnostics diags;
    diags.Error({}, MsgId::kUnknownCode, opts.code);
    PrintDiagnostics(diags, term, err);
    return kExitError;
  }
  out << FormatCodeEntry(*it, CurrentLang());
  return kExitOk;
}

}  // namespace jixiao
