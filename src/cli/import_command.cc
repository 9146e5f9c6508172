// `jixiao import`: 绩效目标表 documents (.docx or extracted text) to target YAML.
#include <filesystem>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "cli/commands.h"
#include "report/diagnostic_format.h"
#include "import/docx.h"
#include "import/import.h"
#include "import/import_text.h"
#include "yaml/inputs.h"
#include "cli/output.h"
#include "model/rules_file.h"
#include "base/lang.h"
#include "base/text.h"

namespace jixiao {

namespace {

namespace fs = std::filesystem;

// Reads one input, as a .docx when its bytes are a ZIP archive, else as
// extracted text. Appends its projects to `*out`.
void ImportFile(const std::string& path, const ImportOptions& iopts, const YamlLimits& limits,
                std::vector<ImportedProject>* out, Diagnostics* diags) {
  std::optional<Source> src = ReadSource(path, limits.max_file_bytes, diags);
  if (!src) return;
  std::optional<ImportDoc> doc;
  if (LooksLikeZip(src->text)) {
    doc = ReadDocx(src->text, path, limits.max_file_bytes, diags);
  } else if (LooksLikeOle(src->text)) {
    Diagnostic d;
    d.loc.file = path;
    d.message =
        "a Word 97-2003 .doc file: save it as .docx (or as text) in Word or LibreOffice first";
    diags->Add(std::move(d));
    return;
  } else {
    doc = ReadExtractedText(*src, diags);
  }
  if (!doc) return;
  std::vector<ImportedProject> projects = ImportTables(*doc, iopts, diags);
  for (ImportedProject& p : projects) out->push_back(std::move(p));
}

bool IsYamlFileName(const std::string& path) {
  return EndsWith(path, ".yaml") || EndsWith(path, ".yml");
}

}  // namespace

int RunImport(const Options& opts, const Terminal& term, std::ostream& out, std::ostream& err) {
  Diagnostics diags;
  Rules rules = LoadRules(opts.rules_file, opts.limits, &diags);
  ImportOptions iopts;
  iopts.year = opts.import_year;
  iopts.id_prefix = opts.id_prefix;
  iopts.unit = opts.import_unit;
  iopts.rules = &rules;
  iopts.max_cell_bytes = opts.limits.max_scalar_bytes;
  std::vector<ImportedProject> projects;
  if (!diags.has_errors()) {
    PathList files = ExpandInputs(opts.documents, {".docx", ".txt"}, &diags);
    for (size_t i = 0; i < files.size(); ++i) {
      ImportFile(files[i], iopts, opts.limits, &projects, &diags);
    }
  }
  AssignIds(&projects, iopts);
  if (opts.strict) {
    diags.PromoteWarnings();
    for (ImportedProject& p : projects) {
      if (p.warnings > 0) p.ok = false;
    }
  }
  PrintDiagnostics(diags, term, err);

  size_t written = 0, indicators = 0;
  bool failed = false;
  auto count = [&](const ImportedProject& p) {
    ++written;
    indicators += p.indicators.size();
  };
  const std::string& dest = opts.output;
  std::error_code ec;
  if (dest.empty() || (IsYamlFileName(dest) && !fs::is_directory(dest, ec))) {
    // All documents in one stream: standard output or one file.
    std::string text;
    for (const ImportedProject& p : projects) {
      if (!p.ok) continue;
      text += "---\n" + ProjectYaml(p);
      count(p);
    }
    if (written > 0 && !WriteOutput(OutputSpec{"yaml", dest}, text, out, err)) failed = true;
  } else {
    fs::create_directories(dest, ec);
    if (!fs::is_directory(dest, ec)) {
      err << fmt::format("jixiao: error: cannot create the directory '{}'{}\n", dest,
                         ec ? ": " + ec.message() : std::string());
      return kExitError;
    }
    std::set<std::string> names;
    for (const ImportedProject& p : projects) {
      if (!p.ok) continue;
      std::string name = ProjectFileName(p);
      for (int k = 2; !names.insert(name).second; ++k) {
        std::string stem = name.substr(0, name.size() - std::string_view(".yaml").size());
        size_t dash = stem.rfind('~');
        if (dash != std::string::npos) stem.erase(dash);
        name = fmt::format("{}~{}.yaml", stem, k);
      }
      std::string path = (fs::path(dest) / name).string();
      if (!WriteOutput(OutputSpec{"yaml", path}, ProjectYaml(p), out, err)) {
        failed = true;
        continue;
      }
      count(p);
    }
  }
  bool zh = !English();
  if (!term.quiet() || diags.has_errors()) {
    std::string where = dest.empty() ? (zh ? "标准输出" : "standard output") : dest;
    err << (zh ? fmt::format("导入了 {} 个项目（{} 个指标）到 {}；{} 个错误，{} 个警告\n", written,
                             indicators, where, diags.error_count(), diags.warning_count())
               : fmt::format("imported {} project{} ({} indicators) to {}; {} error{}, {} "
                             "warning{}\n",
                             written, written == 1 ? "" : "s", indicators, where,
                             diags.error_count(), diags.error_count() == 1 ? "" : "s",
                             diags.warning_count(), diags.warning_count() == 1 ? "" : "s"));
  }
  if (failed || diags.has_errors()) return kExitError;
  if (written == 0) {
    err << "jixiao: error: no project imported\n";
    return kExitError;
  }
  return kExitOk;
}

}  // namespace jixiao
