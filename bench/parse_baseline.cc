// jixiao-parse-baseline: the parse-only baseline that bench/run.sh compares eval with.
//
//   jixiao-parse-baseline [--keep | --events] PATH...
//
// Loads every *.yaml / *.yml file below the PATHs (files or directories, in sorted
// path order like jixiao) with yaml-cpp's node API and does nothing else: each document
// becomes a YAML::Node tree whose root is touched (its size is summed), then freed. *.csv files are read into memory (the
// same bytes jixiao reads for CSV actuals), not parsed. Single-threaded.
//
// Documents are split on lines that are exactly `---` and each is given to
// YAML::Load: YAML::LoadAll is not used because it can hang on malformed input (fine
// for the generated files, which have no `---` inside a scalar). --keep holds every
// tree until the end, to show what building a whole year's node trees costs in memory.
// --events parses with YAML::Parser and an EventHandler that does nothing, building no
// tree: the floor of any program that reads these files with yaml-cpp.
//
// Prints one line: files, documents, bytes, top-level keys.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

namespace fs = std::filesystem;

namespace {

bool HasExtension(const fs::path& p, std::initializer_list<const char*> exts) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* x : exts)
    if (e == x) return true;
  return false;
}

std::vector<std::string> Expand(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    if (!fs::is_directory(path)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& e : fs::recursive_directory_iterator(path))
      if (e.is_regular_file() && HasExtension(e.path(), {".yaml", ".yml", ".csv"})) found.push_back(e.path().string());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "jixiao-parse-baseline: cannot open %s\n", path.c_str());
    std::exit(2);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Counts events and nothing else.
class NullHandler : public YAML::EventHandler {
 public:
  size_t events = 0;
  void OnDocumentStart(const YAML::Mark&) override { ++events; }
  void OnDocumentEnd() override { ++events; }
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override { ++events; }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnSequenceEnd() override { ++events; }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnMapEnd() override { ++events; }
};

}  // namespace

int main(int argc, char** argv) {
  bool keep = false, events = false;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--keep") == 0) {
      keep = true;
    } else if (std::strcmp(argv[i], "--events") == 0) {
      events = true;
    } else if (std::strcmp(argv[i], "-h") == 0 || std::strcmp(argv[i], "--help") == 0) {
      std::printf("usage: jixiao-parse-baseline [--keep | --events] PATH...\n");
      return 0;
    } else {
      paths.push_back(argv[i]);
    }
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: jixiao-parse-baseline [--keep | --events] PATH...\n");
    return 2;
  }
  std::vector<YAML::Node> kept;
  NullHandler handler;
  size_t files = 0, documents = 0, bytes = 0, keys = 0;
  try {
    for (const std::string& file : Expand(paths)) {
      std::string text = ReadAll(file);
      ++files;
      bytes += text.size();
      if (HasExtension(file, {".csv"})) continue;
      // Split into documents on lines that are exactly "---".
      size_t start = 0;
      auto load = [&](size_t from, size_t to) {
        if (events) {
          std::istringstream in(text.substr(from, to - from));
          YAML::Parser parser(in);
          while (parser.HandleNextDocument(handler)) ++documents;
          return;
        }
        YAML::Node doc = YAML::Load(text.substr(from, to - from));
        if (doc.IsNull()) return;  // comments only, before the first ---
        ++documents;
        keys += doc.size();  // touch the root
        if (keep) kept.push_back(doc);
      };
      size_t pos = 0;
      while (pos < text.size()) {
        size_t eol = text.find('\n', pos);
        size_t end = eol == std::string::npos ? text.size() : eol;
        std::string_view line(text.data() + pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line == "---") {
          load(start, pos);
          start = end == text.size() ? end : end + 1;
        }
        pos = end + 1;
      }
      load(start, text.size());
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "jixiao-parse-baseline: %s\n", e.what());
    return 2;
  }
  std::printf("files=%zu documents=%zu bytes=%zu top_level_keys=%zu kept=%zu events=%zu\n", files, documents, bytes,
              keys, kept.size(), handler.events);
  return 0;
}
