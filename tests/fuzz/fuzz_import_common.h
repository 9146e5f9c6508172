// Invariants of `jixiao import` (import.h) on a document read by a fuzz
// harness, shared by the text and .docx harnesses.
#ifndef JIXIAO_TESTS_FUZZ_FUZZ_IMPORT_COMMON_H_
#define JIXIAO_TESTS_FUZZ_FUZZ_IMPORT_COMMON_H_

#include <string>
#include <vector>

#include "fuzz_common.h"
#include "import/import.h"
#include "import/import_doc.h"
#include "model/rules.h"
#include "model/target_loader.h"
#include "yaml/yaml_doc.h"

namespace jixiao::fuzz {

// Imports `doc` and checks what comes out:
//   - every diagnostic is well formed, located in the document (`text` is
//     its text for text input, nullptr for .docx);
//   - no project at all, or a project that is not ok, comes with an error
//     (never a silent empty import);
//   - every ok project's YAML (ProjectYaml) passes the whole of `jixiao
//     check` -- CheckInputText, ParseYamlStream, ReadTargetDocument -- as
//     exactly one project with the imported name, year, budget and
//     indicators (same count, names and targets), so that what import
//     writes, check accepts;
//   - ProjectFileName is a plain file name: valid UTF-8, no '/', no leading
//     '.', at most 120 bytes before ".yaml".
inline void CheckImport(const ImportDoc& doc, const std::string* text, Diagnostics* diags) {
  static const Rules rules = Rules::Default();
  ImportOptions opts;
  opts.max_cell_bytes = 4096;
  const size_t before = diags->all().size();
  std::vector<ImportedProject> projects = ImportTables(doc, opts, diags);
  AssignIds(&projects, opts);
  CheckDiagnostics(*diags, before, doc.file, text);
  bool all_ok = !projects.empty();
  for (const ImportedProject& p : projects) all_ok = all_ok && p.ok;
  if (!all_ok) {
    FUZZ_CHECK(ErrorsSince(*diags, before) > 0,
               projects.empty() ? "nothing imported, without an error"
                                : "a project not imported, without an error");
  }
  for (const ImportedProject& p : projects) {
    std::string name = ProjectFileName(p);
    FUZZ_CHECK(ValidUtf8(name), "file name is not valid UTF-8: " + name);
    FUZZ_CHECK(name.find('/') == std::string::npos && name[0] != '.' && name.size() <= 125,
               "unsafe file name: " + name);
    if (!p.ok) continue;
    Source src{"imported.yaml", ProjectYaml(p)};
    Diagnostics check;
    FUZZ_CHECK(CheckInputText(src, YamlLimits().max_file_bytes, &check),
               "imported YAML fails the input check: " + check.all()[0].message + "\n" +
                   src.text);
    std::vector<Project> loaded;
    ParseYamlStream(src, YamlLimits(), &check, [&](const YamlDocument& ydoc) {
      if (auto lp = ReadTargetDocument(src, ydoc, rules, &check)) loaded.push_back(std::move(*lp));
    });
    FUZZ_CHECK(!check.has_errors(), "imported YAML fails check: " + check.all()[0].message +
                                        "\n" + src.text);
    FUZZ_CHECK(loaded.size() == 1, "imported YAML holds " + std::to_string(loaded.size()) +
                                       " projects\n" + src.text);
    const Project& lp = loaded[0];
    FUZZ_CHECK(lp.project == p.project && lp.id == p.id && lp.year == p.year,
               "imported name, id or year read back differently\n" + src.text);
    FUZZ_CHECK(lp.total.ToDecimalString() == Rational::ParseDecimal(p.total)->ToDecimalString(),
               "imported total read back differently\n" + src.text);
    FUZZ_CHECK(lp.indicators.size() == p.indicators.size(), "indicator count\n" + src.text);
    for (size_t i = 0; i < lp.indicators.size(); ++i) {
      FUZZ_CHECK(lp.indicators[i].name == p.indicators[i].name &&
                     lp.indicators[i].target_text == p.indicators[i].target &&
                     lp.indicators[i].level1 == p.indicators[i].level1,
                 "indicator " + std::to_string(i) + " read back differently\n" + src.text);
    }
  }
}

}  // namespace jixiao::fuzz

#endif  // JIXIAO_TESTS_FUZZ_FUZZ_IMPORT_COMMON_H_
