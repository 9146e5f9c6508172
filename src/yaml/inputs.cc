#include "yaml/inputs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <system_error>

#include <fmt/format.h>

#include "base/key_index.h"
#include "base/text.h"
#include "yaml/yaml_doc.h"

namespace jixiao {

namespace fs = std::filesystem;

namespace {

bool HasExtension(const fs::path& p, const std::vector<std::string>& extensions) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
}

}  // namespace

namespace {

// Appends the paths listed in `in` to `out`, one per line.
void ReadPathList(std::istream& in, std::vector<std::string>* out) {
  std::string line;
  while (std::getline(in, line)) {
    std::string_view path = Trim(line);
    if (path.empty() || path[0] == '#') continue;
    out->emplace_back(path);
  }
}

// The paths with every "@LIST" and "-" replaced by the paths they list.
std::vector<std::string> ExpandLists(const std::vector<std::string>& paths, Diagnostics* diags) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    if (p == "-") {
      ReadPathList(std::cin, &out);
    } else if (p.size() > 1 && p[0] == '@') {
      std::ifstream list(p.substr(1));
      if (!list) {
        diags->Error({p.substr(1), 0, 0}, fmt::format("cannot open the list of paths: {}",
                                                      std::strerror(errno)));
        continue;
      }
      ReadPathList(list, &out);
    } else {
      out.push_back(p);
    }
  }
  return out;
}

}  // namespace

namespace {

// Calls add(path) for every regular file below `dir` (following no directory
// symlinks) whose extension is in `extensions`, in sorted path order, holding
// one directory's entries at a time. Sorting each directory's entries by
// name, with "/" after a directory's, gives the order of the whole paths.
void WalkSorted(const fs::path& dir, const std::vector<std::string>& extensions,
                const std::function<void(const std::string&)>& add, std::error_code* ec) {
  struct Entry {
    std::string key;  // the name, and "/" for a directory
    fs::path path;
    bool is_dir;
  };
  std::vector<Entry> entries;
  fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, *ec);
  for (; !*ec && it != fs::directory_iterator(); it.increment(*ec)) {
    std::error_code e;
    bool is_dir = it->is_directory(e) && !it->is_symlink(e);
    if (is_dir) {
      entries.push_back({it->path().filename().string() + "/", it->path(), true});
    } else if (it->is_regular_file(e) && HasExtension(it->path(), extensions)) {
      entries.push_back({it->path().filename().string(), it->path(), false});
    }
  }
  if (*ec) return;
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.key < b.key; });
  for (const Entry& e : entries) {
    if (!e.is_dir) {
      add(e.path.string());
      continue;
    }
    WalkSorted(e.path, extensions, add, ec);
    if (*ec) return;
  }
}

}  // namespace

PathList ExpandInputs(const std::vector<std::string>& given,
                      const std::vector<std::string>& extensions, Diagnostics* diags) {
  std::vector<std::string> paths = ExpandLists(given, diags);
  PathList files;
  // A file named twice is read once. One path names each file once (a
  // directory's walk meets each file once), so it needs no index of them.
  // Several (a list of a year's files, "@LIST") are indexed without their
  // text, which `files` holds compactly: 10 to 15 bytes a file, where a set
  // of the paths would hold each again.
  const bool may_repeat = paths.size() > 1;
  KeyIndex seen;
  auto add = [&](const std::string& f) {
    if (may_repeat) {
      if (seen.Find(f, [&](uint32_t i) { return files[i]; }) != KeyIndex::kNone) return;
      seen.Insert(f, static_cast<uint32_t>(files.size()));
    }
    files.push_back(f);
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      diags->Error({path, 0, 0}, "no such file or directory");
      continue;
    }
    if (!fs::is_directory(st)) {
      add(path);
      continue;
    }
    size_t found = 0;
    WalkSorted(
        path, extensions,
        [&](const std::string& f) {
          ++found;
          add(f);
        },
        &ec);
    if (ec) {
      diags->Error({path, 0, 0}, fmt::format("cannot read directory: {}", ec.message()));
      continue;
    }
    if (found == 0) {
      // "no .yaml or .yml files", "no .yaml, .yml or .csv files".
      std::string names = extensions.empty() ? "input" : extensions.back();
      if (extensions.size() > 1) {
        names = fmt::format("{} or {}", fmt::join(extensions.begin(), extensions.end() - 1, ", "),
                            extensions.back());
      }
      diags->Error({path, 0, 0}, fmt::format("no {} files in this directory", names));
      continue;
    }
  }
  return files;
}

std::optional<Source> ReadSource(const std::string& path, size_t max_bytes, Diagnostics* diags) {
  // POSIX calls rather than a stream: this runs for each of a year's files.
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    diags->Error({path, 0, 0}, fmt::format("cannot open file: {}", std::strerror(errno)));
    return std::nullopt;
  }
  struct Closer {
    int fd;
    ~Closer() { close(fd); }
  } closer{fd};
  struct stat st;
  if (fstat(fd, &st) != 0) {
    diags->Error({path, 0, 0}, fmt::format("cannot read file: {}", std::strerror(errno)));
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode)) {
    diags->Error({path, 0, 0}, "is a directory, expected a file");
    return std::nullopt;
  }
  const bool sized = S_ISREG(st.st_mode) && st.st_size > 0;
  if (sized && static_cast<uint64_t>(st.st_size) > max_bytes) {
    diags->Error({path, 0, 0}, fmt::format("file is {} bytes, larger than the limit of {} "
                                           "bytes (raise it with --max-file-size)",
                                           static_cast<long long>(st.st_size), max_bytes));
    return std::nullopt;
  }
  Source src;
  src.path = path;
  // A regular file is read in one go; a pipe (/dev/stdin, <(...)) or a file
  // that grows while read, in blocks up to the limit.
  size_t used = 0;
  src.text.resize(sized ? static_cast<size_t>(st.st_size) : size_t{1} << 16);
  for (;;) {
    if (used > max_bytes) break;
    ssize_t n;
    if (used == src.text.size()) {
      // Full: is there more (a pipe, or a file that grew)?
      char more[4096];
      n = read(fd, more, sizeof more);
      if (n > 0) {
        src.text.resize(std::max(used * 2, used + static_cast<size_t>(n)));
        std::memcpy(src.text.data() + used, more, static_cast<size_t>(n));
      }
    } else {
      n = read(fd, src.text.data() + used, src.text.size() - used);
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      diags->Error({path, 0, 0}, fmt::format("cannot read file: {}", std::strerror(errno)));
      return std::nullopt;
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  src.text.resize(used);
  if (used > max_bytes) {
    diags->Error({path, 0, 0}, fmt::format("file is larger than the limit of {} bytes (raise "
                                           "it with --max-file-size)",
                                           max_bytes));
    return std::nullopt;
  }
  std::string_view body = StripBom(src.text);
  if (body.size() != src.text.size()) src.text.erase(0, src.text.size() - body.size());
  return src;
}

}  // namespace jixiao
