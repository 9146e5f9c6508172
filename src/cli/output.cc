#include "cli/output.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string_view>

#include <fmt/format.h>

#include "base/lang.h"
#include "base/messages.h"
#include "base/text.h"
#include "cli/cleanup.h"
#include "report/diagnostic_format.h"
#include "yaml/inputs.h"

namespace jixiao {

bool FormatNeedsFile(const std::string& format) { return format == "xlsx" || format == "html"; }

bool FormatWritesByName(const std::string& format) { return format == "xlsx"; }

bool FormatTakesDirectory(const std::string& format) { return format == "xlsx"; }

namespace {

// The formats named by an extension, the one each format is written under
// first.
const std::pair<const char*, const char*> kByExtension[] = {
    {".xlsx", "xlsx"}, {".html", "html"},         {".htm", "html"},   {".json", "json"},
    {".jsonl", "jsonl"}, {".csv", "csv"},         {".md", "markdown"}, {".markdown", "markdown"},
    {".xml", "junit"}, {".yaml", "yaml"},         {".yml", "yaml"},
};

// The extension a file of `format` is named with: its first in
// kByExtension, ".txt" for text and github (annotations are text).
std::string ExtensionOfFormat(const std::string& format) {
  for (const auto& [extension, f] : kByExtension)
    if (format == f) return extension;
  return ".txt";
}

}  // namespace

std::string FormatOfName(const std::string& path, const std::vector<std::string>& formats) {
  for (const auto& [extension, format] : kByExtension) {
    if (EndsWithIgnoringCase(path, extension) &&
        std::find(formats.begin(), formats.end(), format) != formats.end()) {
      return format;
    }
  }
  return "";
}

std::vector<OutputSpec> ParseOutputSpecs(const Options& opts,
                                         const std::vector<std::string>& formats,
                                         Diagnostics* diags) {
  std::vector<OutputSpec> specs;
  for (const std::string& f : opts.formats) {
    size_t eq = f.find('=');
    OutputSpec s{f.substr(0, eq), eq == std::string::npos ? "" : f.substr(eq + 1)};
    if (std::find(formats.begin(), formats.end(), s.format) == formats.end()) {
      diags->Error({}, MsgId::kUnknownFormat, s.format, JoinList(formats));
      continue;
    }
    if (eq != std::string::npos && s.path.empty()) {
      diags->Error({}, MsgId::kFormatNoFile, f, s.format);
      continue;
    }
    specs.push_back(std::move(s));
  }
  if (opts.formats.empty()) {
    // `-o 自评表.xlsx` alone asks for a workbook, `-o report.json` for JSON.
    std::string named = FormatOfName(opts.output, formats);
    if (named.empty()) named = formats.empty() ? "text" : formats.front();
    specs.push_back({named, ""});
  }
  size_t to_stdout = std::count_if(specs.begin(), specs.end(),
                                   [](const OutputSpec& s) { return s.path.empty(); });
  static const std::vector<std::string> kEvery = {"xlsx", "html", "json", "jsonl", "csv",
                                                  "markdown", "junit", "yaml"};
  // A name that says another format than the report's: a file its reader
  // (Excel, a JUnit parser) refuses, and, when it exists, most often a file
  // of that format the report would destroy (-f xlsx=2023实际.csv); or the
  // name of a document no format is (-o 6月监控表.xls). Not said for
  // import, whose -o is a directory or FILE.yaml, nor for any other name.
  // `by_o`: the name is -o's, else -f FORMAT=FILE's.
  auto misnamed = [&](const OutputSpec& s, bool by_o) -> std::optional<Message> {
    if (formats.empty()) return std::nullopt;
    const std::string named = FormatOfName(s.path, kEvery);
    if (named.empty()) {
      // A spreadsheet's, a word processor's or a PDF's name (6月监控表.xls):
      // jixiao writes none of them, and the file there, most often the
      // document itself, would be replaced by the report. Its extension as
      // the input side reads it (DocumentTypeOfName).
      const size_t slash = s.path.rfind('/');
      const std::string_view name = std::string_view(s.path).substr(slash + 1);
      const DocumentType* doc = DocumentTypeOfName(name);
      if (doc == nullptr) return std::nullopt;
      const std::string extension = ExtensionOfFormat(s.format);
      const std::string fitting = s.path.substr(0, s.path.size() - doc->extension.size()) + extension;
      return Msg(by_o ? MsgId::kOutputNamesDocument : MsgId::kFormatFileNamesDocument, s.path,
                 Text(doc->what), s.format, extension, fitting);
    }
    if (named == s.format) return std::nullopt;
    const bool writable = std::find(formats.begin(), formats.end(), named) != formats.end();
    if (!writable) {
      return Msg(by_o ? MsgId::kOutputNameUnwritable : MsgId::kFormatFileUnwritable, s.path,
                 named, s.format, JoinList(formats));
    }
    if (named == "xlsx") {
      return by_o ? Msg(MsgId::kOutputNamesWorkbook, s.path, s.format)
                  : Msg(MsgId::kFormatFileNamesWorkbook, s.path, named, s.format);
    }
    return Msg(by_o ? MsgId::kOutputNameOtherFormat : MsgId::kFormatFileOtherFormat, s.path,
               named, s.format);
  };
  for (OutputSpec& s : specs) {
    if (!s.path.empty()) s.misnamed = misnamed(s, false);
  }
  if (!opts.output.empty()) {
    if (to_stdout != 1) {
      diags->Error({}, MsgId::kOutputNeedsOneFormat);
      return specs;
    }
    for (OutputSpec& s : specs) {
      if (!s.path.empty()) continue;
      s.path = opts.output;
      if (std::optional<Message> m = misnamed(s, true)) diags->Error({}, std::move(*m));
    }
  }
  for (const OutputSpec& s : specs) {
    if (FormatNeedsFile(s.format) && IsStandardOutput(s.path))
      diags->Error({}, FormatWritesByName(s.format) ? MsgId::kXlsxNeedsFile : MsgId::kHtmlNeedsFile,
                   s.format);
  }
  to_stdout = std::count_if(specs.begin(), specs.end(), [](const OutputSpec& s) {
    return IsStandardOutput(s.path) && !FormatNeedsFile(s.format);
  });
  if (to_stdout > 1) {
    diags->Error({}, MsgId::kTwoToStdout);
  }
  return specs;
}

BlockBuf::BlockBuf(std::streambuf* target, size_t size) : target_(target), buf_(size) {
  setp(buf_.data(), buf_.data() + buf_.size());
}

bool BlockBuf::Drain() {
  std::streamsize n = pptr() - pbase();
  if (n > 0 && target_->sputn(pbase(), n) != n) failed_ = true;
  setp(buf_.data(), buf_.data() + buf_.size());
  return !failed_;
}

BlockBuf::int_type BlockBuf::overflow(int_type c) {
  if (!Drain()) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

std::streamsize BlockBuf::xsputn(const char* s, std::streamsize n) {
  std::streamsize done = 0;
  while (done < n) {
    std::streamsize room = epptr() - pptr();
    if (room == 0) {
      if (!Drain()) return done;
      continue;
    }
    std::streamsize k = std::min(room, n - done);
    std::memcpy(pptr(), s + done, static_cast<size_t>(k));
    pbump(static_cast<int>(k));
    done += k;
  }
  return n;
}

int BlockBuf::sync() { return Drain() && target_->pubsync() == 0 ? 0 : -1; }

namespace {

// The message of a report that cannot be written, `why` being the reason
// (whose code it keeps).
Message CannotWrite(const std::string& format, const Message& why) {
  return {why.code, Tr(MsgId::kCannotWrite, format, why.text)};
}

// A reason the system gave (errno), as a message with its code.
Message SystemError(int errnum) { return Msg(MsgId::kSystemError, SystemReason(errnum)); }

// The descriptor a path such as /dev/stderr or /dev/fd/3 names, or -1.
int DescriptorPath(const std::string& path) {
  if (path == "/dev/stdin") return 0;
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0) {
      std::string_view n = std::string_view(path).substr(prefix.size());
      if (n.size() > 6 || n.find_first_not_of("0123456789") != std::string_view::npos) return -1;
      return std::stoi(std::string(n));
    }
  }
  return -1;
}

std::string Dirname(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string Basename(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Letters and digits from the system's random source (the time and the
// process otherwise): the name of a temporary file must not be guessable.
std::string RandomName(size_t n) {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  unsigned char bytes[32];
  n = std::min(n, sizeof bytes);
  ssize_t got = getrandom(bytes, n, GRND_NONBLOCK);
  if (got != static_cast<ssize_t>(n)) {
    static std::atomic<unsigned long long> counter{0};
    std::mt19937_64 gen(static_cast<unsigned long long>(
                            std::chrono::steady_clock::now().time_since_epoch().count()) ^
                        (static_cast<unsigned long long>(getpid()) << 32) ^ counter++);
    for (size_t i = 0; i < n; ++i) bytes[i] = static_cast<unsigned char>(gen());
  }
  std::string out;
  for (size_t i = 0; i < n; ++i) out.push_back(kAlphabet[bytes[i] % (sizeof kAlphabet - 1)]);
  return out;
}

// What a destination path leads to.
struct Destination {
  std::string path;  // the file to write or replace: `path`, or the file a link names
  bool exists = false;
  struct stat st {};
};

// Follows a symbolic link at `path` (see OutputSink); nullopt, or why not.
std::optional<Message> FollowLink(const std::string& path, const struct stat& link,
                                  Destination* d) {
  struct stat dir;
  if (stat(Dirname(path).c_str(), &dir) == 0 && (dir.st_mode & S_ISVTX) &&
      (dir.st_mode & S_IWOTH) && link.st_uid != geteuid() && link.st_uid != dir.st_uid) {
    return Msg(MsgId::kLinkInSharedDir);
  }
  char* resolved = realpath(path.c_str(), nullptr);
  if (resolved == nullptr) {
    if (errno != ENOENT) return SystemError(errno);
    char target[4096];
    ssize_t n = readlink(path.c_str(), target, sizeof target - 1);
    target[n < 0 ? 0 : n] = '\0';
    return Msg(MsgId::kLinkToNothing, target);
  }
  d->path = resolved;
  free(resolved);
  if (stat(d->path.c_str(), &d->st) != 0) return SystemError(errno);
  d->exists = true;
  return std::nullopt;
}

// Where the report of `path` goes; nullopt, or why it cannot go there.
std::optional<Message> Resolve(const std::string& path, Destination* d) {
  struct stat st;
  if (lstat(path.c_str(), &st) != 0) {
    if (errno != ENOENT && errno != ENOTDIR) return SystemError(errno);
    if (!path.empty() && path.back() == '/') return Msg(MsgId::kNoSuchDirectory);
    d->path = path;
    d->exists = false;
    return std::nullopt;
  }
  if (S_ISLNK(st.st_mode)) {
    if (std::optional<Message> why = FollowLink(path, st, d)) return why;
  } else {
    d->path = path;
    d->exists = true;
    d->st = st;
  }
  if (S_ISDIR(d->st.st_mode)) return Msg(MsgId::kReportIsDirectory);
  return std::nullopt;
}

// Creates a temporary file beside `dest`: exclusively (O_EXCL, which also
// refuses a symbolic link), under a name nobody can guess. Its mode is that
// of `dest` when it exists, else what a new file gets (0666 less the umask).
// Returns the descriptor (and the name in *tmp, registered for removal on a
// signal), or -1 with errno set.
int CreateTemporary(const Destination& dest, std::string* tmp, int* slot) {
  std::string dir = Dirname(dest.path);
  std::string base = Basename(dest.path);
  // NAME_MAX is 255: room for ".jixiao-XXXXXXXXXX.tmp".
  if (base.size() > 200) base.resize(200);
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string name = fmt::format("{}/{}.jixiao-{}.tmp", dir, base, RandomName(10));
    CreatingTemporary creating;  // created and registered as one step to a signal
    if (!creating.ok()) {
      errno = EINTR;
      return -1;
    }
    int fd = open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                  dest.exists ? 0600 : 0666);
    if (fd < 0) {
      if (errno == EEXIST) continue;
      return -1;
    }
    *slot = RegisterTemporary(name);
    if (*slot < 0) {
      unlink(name.c_str());
      close(fd);
      errno = ENAMETOOLONG;
      return -1;
    }
    *tmp = name;
    if (dest.exists) {
      // The owner first: changing it may clear the set-id bits.
      if (dest.st.st_uid != geteuid() || dest.st.st_gid != getegid()) {
        if (fchown(fd, dest.st.st_uid, dest.st.st_gid) != 0) {
          // Not allowed: the report is then the caller's, as a new file is.
        }
      }
      fchmod(fd, dest.st.st_mode & 07777);
    }
    return fd;
  }
  errno = EEXIST;
  return -1;
}

}  // namespace

bool IsDescriptorPath(const std::string& path) { return DescriptorPath(path) >= 0; }

void RefuseExistingFiles(const std::vector<OutputSpec>& specs, MsgId message, Diagnostics* diags) {
  for (const OutputSpec& s : specs) {
    struct stat st;
    if (IsStandardOutput(s.path) || stat(s.path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
      continue;
    }
    diags->Error({s.path, 0, 0}, message);
  }
}

bool IsStandardOutput(const std::string& path) {
  return path.empty() || path == "-" || DescriptorPath(path) == 1;
}

// Writes straight to a descriptor (a BlockBuf in front gathers the pieces).
class OutputSink::FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd) {}
  int error() const { return error_; }

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    std::streamsize done = 0;
    while (done < n) {
      ssize_t w = write(fd_, s + done, static_cast<size_t>(n - done));
      if (w < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
        break;
      }
      done += w;
    }
    return done;
  }
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    char ch = traits_type::to_char_type(c);
    return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
  }

 private:
  int fd_;
  int error_ = 0;
};

std::unique_ptr<OutputSink> OutputSink::Open(const OutputSpec& spec, std::ostream& out,
                                             Message* error) {
  std::unique_ptr<OutputSink> sink(new OutputSink());
  if (IsStandardOutput(spec.path)) {
    sink->out_ = &out;
    sink->buf_ = std::make_unique<BlockBuf>(out.rdbuf());
    sink->stream_ = std::make_unique<std::ostream>(sink->buf_.get());
    return sink;
  }
  if (int n = DescriptorPath(spec.path); n >= 0) {
    // /dev/stderr, /dev/fd/N: the descriptor the caller opened, as it is.
    sink->fd_ = fcntl(n, F_DUPFD_CLOEXEC, 3);
    if (sink->fd_ < 0) {
      *error = Msg(MsgId::kDescriptorNotOpen, n);
      return nullptr;
    }
    sink->path_ = spec.path;
  } else {
    Destination dest;
    if (std::optional<Message> why = Resolve(spec.path, &dest)) {
      *error = *why;
      return nullptr;
    }
    sink->path_ = dest.path;
    if (dest.exists && !S_ISREG(dest.st.st_mode)) {
      // A FIFO, /dev/null, a terminal: written in place, never replaced.
      sink->fd_ = open(dest.path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
      struct stat now;
      if (sink->fd_ >= 0 && fstat(sink->fd_, &now) == 0 && S_ISREG(now.st_mode)) {
        *error = Msg(MsgId::kBecameRegular);
        return nullptr;  // the destructor closes it, untouched
      }
    } else {
      sink->fd_ = CreateTemporary(dest, &sink->tmp_, &sink->slot_);
      if (sink->fd_ < 0) {
        *error = Msg(MsgId::kCannotCreateIn, Dirname(dest.path), SystemReason(errno));
        return nullptr;
      }
    }
    if (sink->fd_ < 0) {
      *error = SystemError(errno);
      return nullptr;
    }
  }
  sink->file_ = std::make_unique<FdBuf>(sink->fd_);
  sink->buf_ = std::make_unique<BlockBuf>(sink->file_.get());
  sink->stream_ = std::make_unique<std::ostream>(sink->buf_.get());
  return sink;
}

OutputSink::~OutputSink() {
  // Standard output gets what was written, committed or not, as it would
  // without the block buffer.
  if (out_ != nullptr && stream_ && !committed_) stream_->flush();
  if (fd_ >= 0) close(fd_);
  if (!tmp_.empty() && !committed_) {
    SignalBlock block;
    unlink(tmp_.c_str());
    UnregisterTemporary(slot_);
  }
}

std::optional<Message> OutputSink::Commit() {
  committed_ = true;
  stream_->flush();
  const bool handed_on = !buf_->failed() && static_cast<bool>(*stream_);
  if (out_ != nullptr) {
    out_->flush();
    if (handed_on && *out_) return std::nullopt;
    return Msg(MsgId::kCannotWriteStdout);
  }
  std::optional<Message> why;
  if (!handed_on) {
    int e = file_->error();
    why = e == 0 ? Msg(MsgId::kWriteFailed) : Msg(MsgId::kWriteFailedWhy, SystemReason(e));
  }
  int fd = fd_;
  fd_ = -1;
  if (close(fd) != 0 && !why) why = Msg(MsgId::kWriteFailedWhy, SystemReason(errno));
  if (tmp_.empty()) return why;
  SignalBlock block;  // renamed (or removed) and forgotten as one step
  if (!why && rename(tmp_.c_str(), path_.c_str()) != 0) why = SystemError(errno);
  if (why) unlink(tmp_.c_str());
  UnregisterTemporary(slot_);
  return why;
}

namespace {

using Identity = OutputGuard::Identity;

// The identity of an existing file.
Identity IdentityOf(const struct stat& st) {
  Identity id;
  id.dev = static_cast<unsigned long long>(st.st_dev);
  id.ino = static_cast<unsigned long long>(st.st_ino);
  return id;
}

// Character devices (/dev/null, a terminal) are exempt from the checks.
bool Exempt(const struct stat& st) { return S_ISCHR(st.st_mode); }

std::string Shown(const std::string& path) {
  return path.empty() ? std::string(Text(MsgId::kStandardOutput)) : path;
}

}  // namespace

OutputGuard::OutputGuard(const std::vector<OutputSpec>& specs, Diagnostics* diags) {
  // Two workbook directories that are one (`d/` and `./d/` or `d/.`, a link
  // to it, a directory yet to be made named twice, or once as a workbook
  // file `d`): told apart by the directory, or, before it is made, by its
  // parent and name (a link to a directory yet to be made, by its target's).
  struct WorkbookDir {
    const OutputSpec* spec;
    Identity id;
    bool directory;  // written as a directory (`d/`, an existing one), not a file `d`
  };
  std::vector<WorkbookDir> workbook_dirs;
  for (const OutputSpec& spec : specs) {
    if (!FormatTakesDirectory(spec.format) || spec.path.empty()) continue;
    std::string path = std::filesystem::path(spec.path).lexically_normal().string();
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    Identity id;
    bool directory = spec.path.back() == '/';
    struct stat st;
    if (stat(path.c_str(), &st) == 0) {
      if (!S_ISDIR(st.st_mode)) continue;  // an existing workbook file: the checks below
      id = IdentityOf(st);
      directory = true;
    } else {
      char target[4096];
      if (lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
        const ssize_t n = readlink(path.c_str(), target, sizeof target - 1);
        if (n > 0) {
          target[n] = '\0';
          std::string to = target[0] == '/' ? std::string(target) : Dirname(path) + "/" + target;
          path = std::filesystem::path(to).lexically_normal().string();
          while (path.size() > 1 && path.back() == '/') path.pop_back();
        }
      }
      const std::string name = Basename(path);
      if (name.empty() || name == "." || name == ".." || stat(Dirname(path).c_str(), &st) != 0) continue;
      id = IdentityOf(st);
      id.name = name;
    }
    for (const WorkbookDir& other : workbook_dirs) {
      // Two workbook files yet to be written are two reports to one file,
      // said below (Add).
      if (other.id == id && (directory || other.directory)) {
        diags->Error({}, MsgId::kWorkbookDirectoriesSame, other.spec->format, spec.format,
                     other.spec->path,
                     other.spec->path == spec.path ? std::string()
                                                   : Tr(MsgId::kSameFileAlso, spec.path));
      }
    }
    workbook_dirs.push_back({&spec, id, directory});
  }
  for (const OutputSpec& spec : specs) {
    Output o;
    o.format = spec.format;
    struct stat st;
    if (IsStandardOutput(spec.path)) {
      // Standard output redirected to a file or a pipe is that file.
      if (fstat(STDOUT_FILENO, &st) != 0 || Exempt(st)) continue;
      o.path = "";
    } else {
      o.path = spec.path;
      int fd = DescriptorPath(spec.path);
      int r = fd >= 0 ? fstat(fd, &st) : stat(spec.path.c_str(), &st);
      if (r == 0 && S_ISDIR(st.st_mode)) {
        if (FormatTakesDirectory(spec.format)) {
          AddWorkbookDirectory(spec, IdentityOf(st), diags);
          continue;
        }
        diags->Error({spec.path, 0, 0}, CannotWrite(spec.format, Msg(MsgId::kReportIsDirectory)));
        continue;
      }
      if (r == 0 && Exempt(st)) continue;
      if (r != 0) {
        // Not there yet: the same name in the same directory is the same file.
        struct stat dir;
        if (stat(Dirname(spec.path).c_str(), &dir) != 0) {
          // A workbook directory yet to be made holds no file but may
          // come to hold this one: the same check by name.
          for (const OutputSpec& d : specs) {
            if (&d == &spec || !FormatTakesDirectory(d.format) || d.path.empty() ||
                d.path.back() != '/' || !EndsWithIgnoringCase(spec.path, ".xlsx"))
              continue;
            std::string dir_path = d.path;
            while (dir_path.size() > 1 && dir_path.back() == '/') dir_path.pop_back();
            if (Dirname(spec.path) == dir_path)
              diags->Error({}, MsgId::kReportInWorkbookDirectory, spec.format, spec.path, d.path);
          }
          continue;  // else Open says why
        }
        o.id = IdentityOf(dir);
        o.id.name = Basename(spec.path);
        if (o.id.name.empty()) continue;
      }
    }
    if (o.id.name.empty()) {
      o.id = IdentityOf(st);
      o.exists = true;
    }
    Add(std::move(o), diags);
  }
  // A new file named *.xlsx in a workbook directory may be the name of one
  // of its workbooks, which are only named as the departments are met.
  for (const Output& o : outputs_) {
    if (o.id.name.empty() || !EndsWithIgnoringCase(o.id.name, ".xlsx")) continue;
    for (const WorkbookDirectory& d : directories_) {
      if (d.id.dev == o.id.dev && d.id.ino == o.id.ino)
        diags->Error({}, MsgId::kReportInWorkbookDirectory, o.format, Shown(o.path), d.path);
    }
  }
}

void OutputGuard::Add(Output o, Diagnostics* diags) {
  for (const Output& other : outputs_) {
    if (other.id == o.id) {
      diags->Error({}, MsgId::kReportsSameFile, other.format, o.format, Shown(other.path),
                   other.path == o.path ? std::string()
                                        : Tr(MsgId::kSameFileAlso, Shown(o.path)));
      return;
    }
  }
  outputs_.push_back(std::move(o));
}

void OutputGuard::AddWorkbookDirectory(const OutputSpec& spec, const Identity& dir,
                                       Diagnostics* diags) {
  directories_.push_back({spec.path, dir});
  // The workbooks already there (or the files their links lead to) are
  // files the report may replace: an input among them, or another report,
  // is caught as for a file named outright.
  DIR* d = opendir(spec.path.c_str());
  if (d == nullptr) return;  // the report's opening says why
  std::string base = spec.path;
  if (base.back() != '/') base += '/';
  while (const dirent* e = readdir(d)) {
    if (!EndsWithIgnoringCase(e->d_name, ".xlsx")) continue;
    struct stat st;
    std::string path = base + e->d_name;
    if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    Output o;
    o.format = spec.format;
    o.path = path;
    o.id = IdentityOf(st);
    o.exists = true;
    Add(std::move(o), diags);
  }
  closedir(d);
}

void OutputGuard::CheckInput(const std::string& input, Diagnostics* diags) const {
  if (input.empty() || input == "-") return;
  bool any = false;
  for (const Output& o : outputs_) any = any || o.exists;
  if (!any) return;  // nothing written exists yet: no input can be it
  struct stat st;
  if (stat(input.c_str(), &st) != 0 || Exempt(st)) return;
  Identity id = IdentityOf(st);
  for (const Output& o : outputs_) {
    if (!o.exists || !(o.id == id)) continue;
    diags->Error({}, MsgId::kReportOverInput, o.format, input,
                 o.path == input ? std::string() : Tr(MsgId::kAsPath, Shown(o.path)));
    return;
  }
}

void OutputGuard::CheckInputs(const PathList& inputs, Diagnostics* diags) const {
  bool any = false;
  for (const Output& o : outputs_) any = any || o.exists;
  if (!any) return;
  for (size_t i = 0; i < inputs.size(); ++i) CheckInput(inputs[i], diags);
}

bool CheckOutputsAgainstInputs(const std::vector<OutputSpec>& specs, const Options& opts,
                               std::initializer_list<const PathList*> inputs,
                               Diagnostics* diags) {
  const size_t before = diags->error_count();
  OutputGuard guard(specs, diags);
  if (!opts.rules_file.empty()) guard.CheckInput(opts.rules_file, diags);
  for (const std::vector<std::string>* given :
       {&opts.targets, &opts.actuals, &opts.reports, &opts.documents}) {
    for (const std::string& p : *given)
      if (p.size() > 1 && p[0] == '@') guard.CheckInput(p.substr(1), diags);
  }
  for (const PathList* list : inputs) guard.CheckInputs(*list, diags);
  // A name that says another format, when nothing above said more.
  if (diags->error_count() == before) {
    for (const OutputSpec& s : specs)
      if (s.misnamed) diags->Error({}, *s.misnamed);
  }
  return diags->error_count() == before;
}

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += Text(MsgId::kCliListSeparator);
    out += items[i];
  }
  return out;
}

std::string SystemReason(int errnum) {
  if (English()) return std::strerror(errnum);
  switch (errnum) {
    case ENOENT: return std::string(Text(MsgId::kErrNoEntry));
    case EACCES:
    case EPERM: return std::string(Text(MsgId::kErrAccess));
    case EROFS: return std::string(Text(MsgId::kErrReadOnly));
    case ENOSPC: return std::string(Text(MsgId::kErrNoSpace));
    case EDQUOT: return std::string(Text(MsgId::kErrQuota));
    case EFBIG: return std::string(Text(MsgId::kErrTooLarge));
    case ENOTDIR: return std::string(Text(MsgId::kErrNotDir));
    case ENAMETOOLONG: return std::string(Text(MsgId::kErrNameTooLong));
    case EIO: return std::string(Text(MsgId::kErrIo));
    default: return std::strerror(errnum);
  }
}

std::string WriteErrorLine(const OutputSpec& spec, const Message& why) {
  Diagnostic d;
  d.loc.file = spec.path.empty() ? std::string(Text(MsgId::kStandardOutput)) : spec.path;
  Message m = CannotWrite(spec.format, why);
  d.code = m.code;
  d.message = std::move(m.text);
  return FormatDiagnosticLine(d, false);
}

bool WriteOutput(const OutputSpec& spec, const std::string& text, std::ostream& out,
                 std::ostream& err) {
  Message why;
  std::unique_ptr<OutputSink> sink = OutputSink::Open(spec, out, &why);
  if (sink) {
    sink->stream() << text;
    std::optional<Message> failed = sink->Commit();
    if (!failed) return true;
    why = *failed;
  }
  err << WriteErrorLine(spec, why);
  return false;
}

}  // namespace jixiao
