#include "output.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

namespace jixiao {

std::vector<OutputSpec> ParseOutputSpecs(const Options& opts,
                                         const std::vector<std::string>& formats,
                                         Diagnostics* diags) {
  std::vector<OutputSpec> specs;
  for (const std::string& f : opts.formats) {
    size_t eq = f.find('=');
    OutputSpec s{f.substr(0, eq), eq == std::string::npos ? "" : f.substr(eq + 1)};
    if (std::find(formats.begin(), formats.end(), s.format) == formats.end()) {
      diags->Error({}, fmt::format("unknown format '{}': expected one of {}", s.format,
                                   fmt::join(formats, ", ")));
      continue;
    }
    if (eq != std::string::npos && s.path.empty()) {
      diags->Error({}, fmt::format("'-f {}' names no file: write -f {}=FILE", f, s.format));
      continue;
    }
    specs.push_back(std::move(s));
  }
  if (opts.formats.empty()) specs.push_back({"text", ""});
  size_t to_stdout = std::count_if(specs.begin(), specs.end(),
                                   [](const OutputSpec& s) { return s.path.empty(); });
  if (!opts.output.empty()) {
    if (to_stdout != 1) {
      diags->Error({}, "-o FILE needs exactly one format without a file; with several formats "
                       "write -f FORMAT=FILE for each");
    } else {
      for (OutputSpec& s : specs)
        if (s.path.empty()) s.path = opts.output;
    }
  } else if (to_stdout > 1) {
    diags->Error({}, "only one report can go to standard output: write -f FORMAT=FILE for the "
                     "others");
  }
  return specs;
}

std::string WriteFileAtomically(const std::string& path, const std::string& text) {
  std::string tmp = fmt::format("{}.tmp.{}", path, static_cast<long>(getpid()));
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return std::strerror(errno);
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  int saved = errno;
  ok = (std::fflush(f) == 0) && ok;
  ok = (std::fclose(f) == 0) && ok;
  if (!ok) {
    std::remove(tmp.c_str());
    return std::strerror(saved ? saved : EIO);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    saved = errno;
    std::remove(tmp.c_str());
    return std::strerror(saved);
  }
  return "";
}

bool WriteOutput(const OutputSpec& spec, const std::string& text, std::ostream& out,
                 std::ostream& err) {
  if (spec.path.empty() || spec.path == "-") {
    out << text;
    out.flush();
    return static_cast<bool>(out);
  }
  std::string why = WriteFileAtomically(spec.path, text);
  if (why.empty()) return true;
  err << fmt::format("{}: error: cannot write the {} report: {}\n", spec.path, spec.format, why);
  return false;
}

}  // namespace jixiao
