#include "yaml/inputs.h"

#include <dirent.h>
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
#include <set>
#include <system_error>
#include <tuple>

#include <fmt/format.h>

#include "base/key_index.h"
#include "base/sys_error.h"
#include "base/text.h"
#include "yaml/yaml_doc.h"

namespace jixiao {

namespace fs = std::filesystem;

namespace {

// Whether the file `name` ends in one of `extensions` (".yaml"), in any case.
// As std::filesystem reads a name: from its last ".", unless that is its
// first character (".yaml" is a name without an extension).
bool HasExtension(std::string_view name, const std::vector<std::string>& extensions) {
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  return std::any_of(extensions.begin(), extensions.end(), [&](const std::string& ext) {
    return EqualsIgnoringCase(name.substr(dot), ext);
  });
}

}  // namespace

const DocumentType* DocumentTypeOfName(std::string_view name) {
  static const DocumentType kDocuments[] = {
      {".xlsx", DocumentKind::kWorkbook, MsgId::kFormatXlsx},
      {".xlsm", DocumentKind::kWorkbook, MsgId::kFormatXlsm},
      {".xls", DocumentKind::kWorkbook, MsgId::kFormatXls},
      {".et", DocumentKind::kWorkbook, MsgId::kFormatEt},
      {".ods", DocumentKind::kSpreadsheet, MsgId::kFormatOds},
      {".docx", DocumentKind::kWordDocument, MsgId::kFormatDocx},
      {".doc", DocumentKind::kWordDocument, MsgId::kFormatWordDoc},
      {".docm", DocumentKind::kWordDocument, MsgId::kFormatDocm},
      {".dotx", DocumentKind::kWordDocument, MsgId::kFormatDot},
      {".dotm", DocumentKind::kWordDocument, MsgId::kFormatDot},
      {".dot", DocumentKind::kWordDocument, MsgId::kFormatDot},
      {".wps", DocumentKind::kWordDocument, MsgId::kFormatWps},
      {".rtf", DocumentKind::kWordDocument, MsgId::kFormatRtf},
      {".odt", DocumentKind::kWordDocument, MsgId::kFormatOdt},
      {".pdf", DocumentKind::kPdf, MsgId::kFormatPdf},
  };
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return nullptr;
  for (const DocumentType& d : kDocuments) {
    if (EqualsIgnoringCase(name.substr(dot), d.extension)) return &d;
  }
  return nullptr;
}

namespace {

// The last component of `path`: "._目标.yaml" of "dir/._目标.yaml".
std::string_view FileNameOf(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

bool IsAppleDoubleFile(const std::string& path) {
  if (!IsAppleDoubleName(FileNameOf(path))) return false;
  char head[4];
  std::ifstream in(path, std::ios::binary);
  return in.read(head, sizeof head) && LooksLikeAppleDouble(std::string_view(head, sizeof head));
}

bool IsOfficeLockFileOnDisk(const std::string& path) {
  if (!IsOfficeLockFile(FileNameOf(path))) return false;
  constexpr size_t kMaxLockFile = 4096;  // Excel's are 165 bytes
  char bytes[kMaxLockFile + 1];
  std::ifstream in(path, std::ios::binary);
  in.read(bytes, sizeof bytes);
  const auto n = static_cast<size_t>(in.gcount());
  // A small document (a .docx, an .xlsx) so named holds NUL bytes too, but
  // is a ZIP archive, which no lock file is.
  return n > 0 && n <= kMaxLockFile && std::memchr(bytes, '\0', n) != nullptr &&
         std::string_view(bytes, n).substr(0, 4) != std::string_view("PK\x03\x04", 4);
}

Message SkippedSheet(std::string_view name) {
  if (IsOfficeLockFile(name)) return {};
  if (IsWorkbookName(name)) return Msg(MsgId::kSkippedWorkbook);
  if (const DocumentType* d = DocumentTypeOfName(name);
      d != nullptr && d->kind == DocumentKind::kSpreadsheet) {
    return Msg(MsgId::kSkippedSheet, Tr(d->what));
  }
  if (EndsWithIgnoringCase(name, ".tsv")) {
    return Msg(MsgId::kSkippedSheet, Tr(MsgId::kFormatTsv));
  }
  return {};
}

bool IsWorkbookName(std::string_view name) {
  const DocumentType* d = DocumentTypeOfName(name);
  return d != nullptr && d->kind == DocumentKind::kWorkbook && !IsOfficeLockFile(name);
}

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
        diags->Error({p.substr(1), 0, 0}, MsgId::kCannotOpenPathList, SystemErrorText(errno));
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

// The messages of the walk, each in one place.
Message UnreadableDirectory(int err) {
  if (err == EACCES || err == EPERM) return Msg(MsgId::kDirectoryNoPermission);
  return Msg(MsgId::kCannotReadDirectory, SystemErrorText(err));
}
Message DanglingLink(const std::string& link) {
  std::error_code ec;
  fs::path target = fs::read_symlink(link, ec);
  return Msg(MsgId::kDanglingLink, target.string());
}
Message LinkLoop(const std::string& ancestor) { return Msg(MsgId::kLinkLoop, ancestor); }

using DirId = std::pair<uintmax_t, uintmax_t>;  // device, inode

// Walks the directories of one command-line path: the directories on the
// way down (to find a loop) and every directory entered (one reached again
// through a symbolic link is not read twice).
class Walker {
 public:
  Walker(const std::vector<std::string>& extensions, const NotReadRule& not_read,
         const std::function<void(const std::string&)>& add, Diagnostics* diags)
      : extensions_(extensions),
        takes_csv_(std::find(extensions.begin(), extensions.end(), ".csv") != extensions.end()),
        not_read_(not_read),
        add_(add),
        diags_(diags) {}

  // True once a file to read was reached through a symbolic link: it may be
  // a file the walk meets under another name as well.
  bool met_linked_file() const { return met_linked_file_; }

  // Calls add(path) for every regular file below `dir` whose extension is
  // in `extensions`, in sorted path order, holding one directory's entries
  // at a time. Sorting each directory's entries by name, with "/" after a
  // directory's, gives the order of the whole paths. Symbolic links are
  // followed; everything not read (an unreadable directory, a link to
  // nothing, a loop, a FIFO) is an error in `diags`, at its path.
  void Walk(const std::string& dir) {
    struct stat st;
    if (stat(dir.c_str(), &st) != 0) {
      Error(dir, UnreadableDirectory(errno));
      return;
    }
    const DirId id{static_cast<uintmax_t>(st.st_dev), static_cast<uintmax_t>(st.st_ino)};
    for (size_t i = 0; i < path_.size(); ++i) {
      if (path_[i].first == id) {
        Error(dir, LinkLoop(path_[i].second));
        return;
      }
    }
    if (!entered_.insert(id).second) return;
    struct Entry {
      std::string key;   // the name, and "/" for a directory
      std::string path;  // dir/name
      bool is_dir;
      Message error;  // why it cannot be read, if it cannot (code 0: it can)
      bool warning = false;  // `error` is a warning: a file not read, said so
    };
    std::vector<Entry> entries;
    // readdir, not std::filesystem: a year is thousands of files, and each
    // fs::path is split into its parts when it is made (with them, walking
    // 10,000 files took three times as long).
    DIR* d = opendir(dir.c_str());
    if (d == nullptr) {
      Error(dir, UnreadableDirectory(errno));
      return;
    }
    struct DirCloser {
      DIR* d;
      ~DirCloser() { closedir(d); }
    } closer{d};
    // dir/name as std::filesystem joins them: no second "/".
    const std::string prefix = dir.empty() || dir.back() == '/' ? dir : dir + '/';
    int read_error = 0;
    for (;;) {
      errno = 0;
      const dirent* e = readdir(d);
      if (e == nullptr) {
        read_error = errno;
        break;
      }
      std::string_view name = e->d_name;
      if (name == "." || name == "..") continue;
      std::string p = prefix;
      p += name;
      // The entry's type as readdir gave it: no system call for a file.
      unsigned char type = e->d_type;
      if (type == DT_UNKNOWN) {
        struct stat ls;
        if (lstat(p.c_str(), &ls) == 0) type = IFTODT(ls.st_mode);
      }
      if (type == DT_LNK) {
        struct stat target;
        if (stat(p.c_str(), &target) != 0) {
          // A link to nothing (or a link loop) is an error where it would be
          // read: named as an input, or leading to a directory.
          const int err = errno;
          if (HasExtension(name, extensions_)) {
            entries.push_back({std::string(name), p, false,
                               err == ELOOP ? Msg(MsgId::kLinkCycle) : DanglingLink(p)});
          }
          continue;
        }
        type = IFTODT(target.st_mode);
        if (type != DT_DIR && HasExtension(name, extensions_)) met_linked_file_ = true;
      }
      if (type == DT_DIR) {
        entries.push_back({std::string(name) + "/", std::move(p), true, {}});
      } else if (HasExtension(name, extensions_)) {
        // macOS's metadata beside a file copied from a Mac ("._目标.yaml"):
        // no input, passed over (its bytes are looked at only for "._").
        if (type == DT_REG && IsAppleDoubleName(name) && IsAppleDoubleFile(p)) continue;
        // Excel's or WPS's lock file beside a CSV open in it ("~$进度.csv").
        if (type == DT_REG && IsOfficeLockFile(name) && IsOfficeLockFileOnDisk(p)) continue;
        entries.push_back({std::string(name), std::move(p), false,
                           type == DT_REG ? Message{} : Msg(MsgId::kNotRegularFile)});
      } else if (type == DT_REG && !IsOfficeLockFile(name) && !IsAppleDoubleName(name)) {
        Message why = not_read_ ? not_read_(name) : takes_csv_ ? SkippedSheet(name) : Message{};
        if (why.code != 0) entries.push_back({std::string(name), std::move(p), false, why, true});
      }
    }
    if (read_error != 0) {
      Error(dir, UnreadableDirectory(read_error));
      return;
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.key < b.key; });
    path_.emplace_back(id, dir);
    for (const Entry& e : entries) {
      if (e.warning) {
        diags_->Warning({e.path, 0, 0}, e.error);
      } else if (e.error.code != 0) {
        Error(e.path, e.error);
      } else if (e.is_dir) {
        Walk(e.path);
      } else {
        add_(e.path);
      }
    }
    path_.pop_back();
  }

 private:
  void Error(const std::string& p, Message message) {
    diags_->Error({p, 0, 0}, std::move(message));
  }

  const std::vector<std::string>& extensions_;
  // Actuals or progress, which a spreadsheet holds: a workbook among them
  // is named in a warning (kept by Excel as it is, it is not read).
  const bool takes_csv_;
  // The caller's files not read but named, instead of the workbook rule.
  const NotReadRule& not_read_;
  const std::function<void(const std::string&)>& add_;
  Diagnostics* diags_;
  std::vector<std::pair<DirId, std::string>> path_;  // the directories walked down
  std::set<DirId> entered_;
  bool met_linked_file_ = false;
};

}  // namespace

namespace {

// Why a file cannot be opened (`err` of open) or read (of read, fstat): the
// common reasons, each a problem of its own, else the system's words.
Message CannotOpen(int err) {
  switch (err) {
    case ENOENT:
      return Msg(MsgId::kNoSuchFile);
    case EACCES:
    case EPERM:
      return Msg(MsgId::kFileNoPermission);
    case EISDIR:
      return Msg(MsgId::kIsDirectory);
    case ELOOP:
      return Msg(MsgId::kLinkCycle);
    default:
      return Msg(MsgId::kCannotOpenFile, SystemErrorText(err));
  }
}
Message CannotRead(int err) {
  if (err == EISDIR) return Msg(MsgId::kIsDirectory);
  return Msg(MsgId::kCannotReadFile, SystemErrorText(err));
}

}  // namespace

PathList WithoutRepeats(const PathList& files) {
  struct Id {
    uintmax_t dev, ino;
    uint32_t index;
  };
  std::vector<Id> ids;
  ids.reserve(files.size());
  std::vector<bool> repeat(files.size());
  KeyIndex unknown;  // the paths stat cannot follow, by their text
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string f = files[i];
    struct stat st;
    if (stat(f.c_str(), &st) == 0) {
      ids.push_back({static_cast<uintmax_t>(st.st_dev), static_cast<uintmax_t>(st.st_ino),
                     static_cast<uint32_t>(i)});
    } else if (unknown.Find(f, [&](uint32_t k) { return files[k]; }) != KeyIndex::kNone) {
      repeat[i] = true;
    } else {
      unknown.Insert(f, static_cast<uint32_t>(i));
    }
  }
  std::sort(ids.begin(), ids.end(), [](const Id& a, const Id& b) {
    return std::tie(a.dev, a.ino, a.index) < std::tie(b.dev, b.ino, b.index);
  });
  bool any = std::any_of(repeat.begin(), repeat.end(), [](bool r) { return r; });
  for (size_t k = 1; k < ids.size(); ++k) {
    if (ids[k].dev == ids[k - 1].dev && ids[k].ino == ids[k - 1].ino) {
      repeat[ids[k].index] = true;  // the first, in the order given, is kept
      any = true;
    }
  }
  if (!any) return files;
  PathList kept;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!repeat[i]) kept.push_back(files[i]);
  }
  return kept;
}

PathList ExpandInputs(const std::vector<std::string>& given,
                      const std::vector<std::string>& extensions, Diagnostics* diags,
                      const NotReadRule& not_read) {
  std::vector<std::string> paths = ExpandLists(given, diags);
  PathList files;
  // A file reached twice is read once (WithoutRepeats). One path gives each
  // file once, unless its walk went through a link to a file: a directory's
  // walk enters each directory once and meets each name once. So the files
  // are looked up (a stat each) only when they may repeat.
  bool may_repeat = paths.size() > 1;
  auto add = [&](const std::string& f) { files.push_back(f); };
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec && ec.value() != ENOENT && ec.value() != ENOTDIR) {
      // A name too long, a loop of links, a directory on the way that may
      // not be searched: the reason, not "no such file".
      diags->Error({path, 0, 0}, CannotOpen(ec.value()));
      continue;
    }
    if (ec || !fs::exists(st)) {
      diags->Error({path, 0, 0}, MsgId::kNoSuchFile);
      continue;
    }
    if (!fs::is_directory(st)) {
      add(path);
      continue;
    }
    size_t found = 0;
    const size_t errors = diags->error_count();
    std::function<void(const std::string&)> count_and_add = [&](const std::string& f) {
      ++found;
      add(f);
    };
    Walker walker(extensions, not_read, count_and_add, diags);
    walker.Walk(path);
    may_repeat = may_repeat || walker.met_linked_file();
    if (found == 0 && diags->error_count() == errors) {
      // "no .yaml or .yml files", "no .yaml, .yml or .csv files".
      std::string names =
          extensions.empty() ? std::string(Text(MsgId::kInputFilesAny)) : extensions.back();
      if (extensions.size() > 1) {
        names = fmt::format("{}{}{}",
                            fmt::join(extensions.begin(), extensions.end() - 1,
                                      Text(MsgId::kListComma)),
                            Text(MsgId::kListOr), extensions.back());
      }
      diags->Error({path, 0, 0}, MsgId::kNoInputFiles, names);
      continue;
    }
  }
  return may_repeat ? WithoutRepeats(files) : files;
}


std::optional<Source> ReadSource(const std::string& path, size_t max_bytes, Diagnostics* diags) {
  // POSIX calls rather than a stream: this runs for each of a year's files.
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    diags->Error({path, 0, 0}, CannotOpen(errno));
    return std::nullopt;
  }
  struct Closer {
    int fd;
    ~Closer() { close(fd); }
  } closer{fd};
  struct stat st;
  if (fstat(fd, &st) != 0) {
    diags->Error({path, 0, 0}, CannotRead(errno));
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode)) {
    diags->Error({path, 0, 0}, MsgId::kIsDirectory);
    return std::nullopt;
  }
  const bool sized = S_ISREG(st.st_mode) && st.st_size > 0;
  if (sized && static_cast<uint64_t>(st.st_size) > max_bytes) {
    diags->Error({path, 0, 0}, MsgId::kFileTooLarge, static_cast<long long>(st.st_size),
                 max_bytes);
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
      diags->Error({path, 0, 0}, CannotRead(errno));
      return std::nullopt;
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  src.text.resize(used);
  if (used > max_bytes) {
    diags->Error({path, 0, 0}, MsgId::kFileTooLargeRead, max_bytes);
    return std::nullopt;
  }
  std::string_view body = StripBom(src.text);
  if (body.size() != src.text.size()) src.text.erase(0, src.text.size() - body.size());
  return src;
}

}  // namespace jixiao
