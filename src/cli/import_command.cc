// `jixiao import`: 绩效目标表 documents (.docx or extracted text) to target YAML.
#include <sys/stat.h>

#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "cli/commands.h"
#include "report/report_common.h"
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
// extracted text; a Word 97-2003 file (or one named .doc) and a file named
// .docx that is no ZIP archive are errors. Appends its projects to `*out`.
void ImportFile(const std::string& path, const ImportOptions& iopts, const YamlLimits& limits,
                std::vector<ImportedProject>* out, Diagnostics* diags) {
  std::optional<Source> src = ReadSource(path, limits.max_file_bytes, diags);
  if (!src) return;
  std::optional<ImportDoc> doc;
  if (LooksLikeZip(src->text)) {
    doc = ReadDocx(src->text, path, limits.max_file_bytes, diags);
  } else if (LooksLikeOle(src->text) || EndsWithIgnoringCase(path, ".doc")) {
    diags->Error({path, 0, 0}, MsgId::kImportWordDoc);
    return;
  } else if (EndsWithIgnoringCase(path, ".docx")) {
    diags->Error({path, 0, 0}, MsgId::kImportNotDocx, Text(MsgId::kDocxNotZip));
    return;
  } else {
    doc = ReadExtractedText(*src, diags);
  }
  if (!doc) return;
  std::vector<ImportedProject> projects = ImportTables(*doc, iopts, diags);
  for (ImportedProject& p : projects) out->push_back(std::move(p));
}

// The device and inode of an existing file; {0, 0} for none.
std::pair<uintmax_t, uintmax_t> IdentityOf(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return {0, 0};
  return {static_cast<uintmax_t>(st.st_dev), static_cast<uintmax_t>(st.st_ino)};
}

bool IsYamlFileName(const std::string& path) {
  return EndsWithIgnoringCase(path, ".yaml") || EndsWithIgnoringCase(path, ".yml");
}

}  // namespace

int RunImport(const Options& opts, const Terminal& term, std::ostream& out, std::ostream& err) {
  Diagnostics diags;
  const std::string& dest = opts.output;
  std::error_code ec;
  // All documents in one stream (standard output, one file, or a device or
  // FIFO such as /dev/stderr, written in place as reports are), or a file
  // per project in a directory.
  const bool one_stream =
      dest.empty() || IsStandardOutput(dest) || IsDescriptorPath(dest) ||
      (IsYamlFileName(dest) && !fs::is_directory(dest, ec)) ||
      (fs::exists(dest, ec) && !fs::is_directory(dest, ec) && !fs::is_regular_file(dest, ec));
  // Found in a directory, Office's and WPS's lock files and macOS's
  // AppleDouble files are skipped by ExpandInputs (by their names and their
  // bytes, as for eval: a document merely so named is read); named, one is
  // read (and refused as no .docx). A .doc, a .docm, a PDF, a workbook in a
  // directory is named in a warning (NotImportedFile): most likely the file
  // meant, it is not skipped in silence.
  PathList files = ExpandInputs(opts.documents, {".docx", ".txt"}, &diags, NotImportedFile);
  if (!one_stream && fs::exists(dest, ec) && !fs::is_directory(dest, ec)) {
    // `-o notes.txt` or `-o 绩效目标表.docx`: neither a directory nor YAML.
    diags.Error({dest, 0, 0}, MsgId::kImportOutputIsFile);
    PrintDiagnostics(diags, term, err);
    return kExitError;
  }
  std::vector<OutputSpec> stream_spec;
  if (one_stream) stream_spec.push_back(OutputSpec{"yaml", dest});
  if (!CheckOutputsAgainstInputs(stream_spec, opts, {&files}, &diags)) {
    PrintDiagnostics(diags, term, err);
    return kExitError;
  }
  const size_t errors_before_rules = diags.error_count();
  Rules rules = LoadRules(opts.rules_file, opts.limits, &diags);
  ImportOptions iopts;
  iopts.year = opts.import_year;
  iopts.id_prefix = opts.id_prefix;
  iopts.unit = opts.import_unit;
  iopts.rules = &rules;
  iopts.max_cell_bytes = opts.limits.max_scalar_bytes;
  iopts.max_indicators = opts.limits.max_indicators;
  std::vector<ImportedProject> projects;
  if (diags.error_count() == errors_before_rules) {
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
  // A file per project: each one's name, and none that is an input (a
  // document given by name may be in the directory, named as a project's
  // file would be): then nothing is written.
  std::vector<std::string> paths(projects.size());
  bool output_is_input = false;
  if (!one_stream) {
    std::set<std::pair<uintmax_t, uintmax_t>> inputs;
    for (size_t i = 0; i < files.size(); ++i) inputs.insert(IdentityOf(files[i]));
    inputs.erase({0, 0});
    std::set<std::string> names;
    for (size_t i = 0; i < projects.size(); ++i) {
      const ImportedProject& p = projects[i];
      if (!p.ok) continue;
      std::string name = ProjectFileName(p);
      for (int k = 2; !names.insert(name).second; ++k) {
        std::string stem = name.substr(0, name.size() - std::string_view(".yaml").size());
        size_t dash = stem.rfind('~');
        if (dash != std::string::npos) stem.erase(dash);
        name = fmt::format("{}~{}.yaml", stem, k);
      }
      paths[i] = (fs::path(dest) / name).string();
      if (inputs.count(IdentityOf(paths[i])) > 0) {
        diags.Error({paths[i], 0, 0}, MsgId::kImportProjectFileIsInput, p.id);
        output_is_input = true;
      }
    }
  }
  PrintDiagnostics(diags, term, err);

  size_t written = 0, indicators = 0, write_errors = 0;
  bool failed = false;
  auto count = [&](const ImportedProject& p) {
    ++written;
    indicators += p.indicators.size();
  };
  if (one_stream) {
    // All documents in one stream: standard output or one file.
    std::string text;
    for (const ImportedProject& p : projects) {
      if (!p.ok) continue;
      text += "---\n" + ProjectYaml(p);
      count(p);
    }
    if (written > 0 && !WriteOutput(OutputSpec{"yaml", dest}, text, out, err)) {
      failed = true;
      ++write_errors;
      written = indicators = 0;  // nothing was imported: the summary must not say so
    }
  } else if (!output_is_input) {
    fs::create_directories(dest, ec);
    if (!fs::is_directory(dest, ec)) {
      Diagnostics cannot;
      cannot.Error({dest, 0, 0}, MsgId::kImportCannotCreateDir,
                   SystemReason(ec ? ec.value() : ENOTDIR));
      PrintDiagnostics(cannot, term, err);
      return kExitError;
    }
    for (size_t i = 0; i < projects.size(); ++i) {
      const ImportedProject& p = projects[i];
      if (!p.ok) continue;
      if (!WriteOutput(OutputSpec{"yaml", paths[i]}, ProjectYaml(p), out, err)) {
        failed = true;
        ++write_errors;
        continue;
      }
      count(p);
    }
  }
  if (!term.quiet() || diags.has_errors()) {
    std::string where = dest.empty() ? std::string(Text(MsgId::kStandardOutput)) : dest;
    err << Tr(MsgId::kImportSummary,
              Counted(written, MsgId::kCountProject, MsgId::kCliCountProjects),
              Counted(indicators, MsgId::kCountIndicator, MsgId::kCountIndicators), where,
              Counted(diags.error_count() + write_errors, MsgId::kCountError,
                      MsgId::kCliCountErrors),
              Counted(diags.warning_count(), MsgId::kCountWarning, MsgId::kCliCountWarnings))
        << "\n";
  }
  if (failed || diags.has_errors()) return kExitError;
  if (written == 0) {
    Diagnostics nothing;
    nothing.Error({}, MsgId::kNoProjects);
    PrintDiagnostics(nothing, term, err);
    return kExitError;
  }
  return kExitOk;
}

}  // namespace jixiao
