#include "cli/named_output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "base/sys_error.h"
#include "cli/cleanup.h"
#include "report/diagnostic_format.h"
#include "score/batch.h"

namespace jixiao {

namespace {

class SinkOutput : public NamedOutput {
 public:
  SinkOutput(std::unique_ptr<OutputSink> sink, std::string spare, int slot)
      : sink_(std::move(sink)), spare_(std::move(spare)), slot_(slot) {}

  ~SinkOutput() override { RemoveSpare(); }

  const std::string& name() const override {
    return spare_.empty() ? sink_->temporary() : spare_;
  }

  std::string Commit() override {
    if (!spare_.empty()) {
      // Written in place: copy the spare temporary into the destination.
      int fd = open(spare_.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) return SystemErrorText(errno);
      char buf[64 * 1024];
      ssize_t n;
      while ((n = read(fd, buf, sizeof buf)) > 0) sink_->stream().write(buf, n);
      int e = n < 0 ? errno : 0;
      close(fd);
      RemoveSpare();
      if (e != 0) return SystemErrorText(e);
    }
    if (std::optional<Message> failed = sink_->Commit()) return failed->text;
    return "";
  }

 private:
  void RemoveSpare() {
    if (spare_.empty()) return;
    SignalBlock block;
    unlink(spare_.c_str());
    UnregisterTemporary(slot_);
    spare_.clear();
  }

  std::unique_ptr<OutputSink> sink_;
  std::string spare_;  // the temporary in $TMPDIR, or ""
  int slot_ = -1;
};

// A file of a staging directory: committed (renamed into the staging
// directory) as one step to a signal's handler, which removes the
// directory's files once the files being created or committed are.
class StagedOutput : public NamedOutput {
 public:
  StagedOutput(std::unique_ptr<NamedOutput> file, std::function<void()> committed)
      : file_(std::move(file)), committed_(std::move(committed)) {}
  const std::string& name() const override { return file_->name(); }
  std::string Commit() override {
    CreatingTemporary committing;
    if (!committing.ok()) return SystemErrorText(EINTR);
    std::string why = file_->Commit();
    if (why.empty()) committed_();
    return why;
  }

 private:
  std::unique_ptr<NamedOutput> file_;
  std::function<void()> committed_;
};

}  // namespace

namespace {

// Removes the directory `dir` this run created (slot `created_slot`, -1:
// none) if it is empty, and forgets it.
void RemoveCreatedIfEmpty(const std::string& dir, int created_slot) {
  if (created_slot < 0) return;
  SignalBlock block;  // removed and forgotten as one step
  rmdir(dir.c_str());
  UnregisterTemporary(created_slot);
}

}  // namespace

std::unique_ptr<StagedDirectory> StagedDirectory::Create(const std::string& dir,
                                                         int created_slot, std::string* why) {
  std::string d = dir;
  if (d.empty() || d.back() != '/') d += '/';
  std::string staging = d + ".jixiao-XXXXXX";
  CreatingTemporary creating;  // made and registered as one step to a signal
  int e = 0;
  if (!creating.ok()) {
    e = EINTR;
  } else if (mkdtemp(staging.data()) == nullptr) {
    e = errno;
  } else if (const int slot = RegisterTemporaryDirectory(staging); slot < 0) {
    rmdir(staging.c_str());
    e = ENAMETOOLONG;
  } else {
    return std::unique_ptr<StagedDirectory>(
        new StagedDirectory(d, staging + "/", slot, created_slot));
  }
  *why = SystemErrorText(e);
  RemoveCreatedIfEmpty(dir, created_slot);
  return nullptr;
}

StagedDirectory::~StagedDirectory() {
  if (!done_) Remove(false);
}

void StagedDirectory::Remove(bool published) {
  {
    std::error_code ec;
    SignalBlock block;  // removed and forgotten as one step
    std::filesystem::remove_all(staging_, ec);
    UnregisterTemporary(slot_);
  }
  if (published) {
    UnregisterTemporary(created_slot_);  // it holds this run's files
  } else {
    RemoveCreatedIfEmpty(dir_, created_slot_);
  }
  created_slot_ = -1;
  done_ = true;
}

OpenNamedOutput StagedDirectory::Opener() {
  OpenNamedOutput open = NamedOutputOpener();
  return [this, open](const std::string& path, std::string* why) -> std::unique_ptr<NamedOutput> {
    if (path.compare(0, dir_.size(), dir_) != 0) return open(path, why);  // not in the directory
    const std::string name = path.substr(dir_.size());
    std::unique_ptr<NamedOutput> file = open(staging_ + name, why);
    if (!file) return nullptr;
    return std::make_unique<StagedOutput>(std::move(file), [this, name] {
      std::lock_guard<std::mutex> lock(mu_);
      written_.push_back(name);
    });
  };
}

std::string StagedDirectory::Publish(std::string* file) {
  std::lock_guard<std::mutex> lock(mu_);
  // The files move as one step to a signal: one that comes meanwhile ends
  // the run once all are in place (the workers block the signals too), so
  // that DIR never holds some of this run's workbooks beside older ones.
  SignalBlock block;
  // What would stop a file from taking its place (a directory of its name)
  // is found before any is moved, so that the directory keeps its files.
  for (const std::string& name : written_) {
    struct stat st;
    if (lstat((dir_ + name).c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      *file = dir_ + name;
      Remove(false);
      return SystemErrorText(EISDIR);
    }
  }
  for (auto it = written_.rbegin(); it != written_.rend(); ++it) {
    if (rename((staging_ + *it).c_str(), (dir_ + *it).c_str()) != 0) {
      const int e = errno;
      *file = dir_ + *it;
      Remove(false);  // DIR holds the files moved before: it stays
      return SystemErrorText(e);
    }
  }
  Remove(true);
  return "";
}

bool PublishStaged(StagedDirectory* stage, const Terminal& term, std::ostream& err) {
  if (stage == nullptr) return true;
  std::string file;
  std::string why = stage->Publish(&file);
  if (why.empty()) return true;
  return ReportFailure(Msg(MsgId::kXlsxWriteFailed, file, why), term, err);
}

OpenNamedOutput NamedOutputOpener() {
  return [](const std::string& path, std::string* why) -> std::unique_ptr<NamedOutput> {
    static std::ostringstream no_stdout;  // FormatWritesByName: never standard output
    Message failed;
    std::unique_ptr<OutputSink> sink = OutputSink::Open({"xlsx", path}, no_stdout, &failed);
    if (!sink) {
      *why = failed.text;
      return nullptr;
    }
    if (!sink->temporary().empty()) return std::make_unique<SinkOutput>(std::move(sink), "", -1);
    const char* tmpdir = std::getenv("TMPDIR");
    std::string spare = std::string(tmpdir && *tmpdir ? tmpdir : "/tmp") + "/jixiao-XXXXXX";
    CreatingTemporary creating;  // created and registered as one step to a signal
    if (!creating.ok()) {
      *why = SystemErrorText(EINTR);
      return nullptr;
    }
    int fd = mkstemp(spare.data());
    if (fd < 0) {
      *why = SystemErrorText(errno);
      return nullptr;
    }
    close(fd);
    int slot = RegisterTemporary(spare);
    return std::make_unique<SinkOutput>(std::move(sink), spare, slot);
  };
}

bool WritesDirectory(const OutputSpec& spec) {
  if (!FormatTakesDirectory(spec.format)) return false;
  if (!spec.path.empty() && spec.path.back() == '/') return true;
  struct stat st;
  return stat(spec.path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool PrepareNamedOutput(const OutputSpec& spec, const Options& opts, ReportContext* ctx,
                        Diagnostics* diags, std::unique_ptr<StagedDirectory>* stage) {
  ctx->path = spec.path;
  ctx->open_file = NamedOutputOpener();
  if (WritesDirectory(spec)) {
    if (ctx->path.back() != '/') ctx->path += '/';
    int created_slot = -1;
    std::string why = EnsureOutputDirectory(ctx->path, &created_slot);
    if (why.empty()) *stage = StagedDirectory::Create(ctx->path, created_slot, &why);
    if (!why.empty()) {
      diags->Error({}, MsgId::kXlsxDirectory, spec.path, why);
      return false;
    }
    ctx->open_file = (*stage)->Opener();
  }
  ctx->max_sheets = opts.xlsx_max_sheets;
  ctx->jobs = ResolveJobs(opts.jobs);
  return true;
}

bool OpenReportOutput(const OutputSpec& spec, const Options& opts, size_t projects,
                      MsgId too_many, const Terminal& term, std::ostream& out,
                      std::ostream& err, ReportContext* ctx, std::unique_ptr<OutputSink>* sink,
                      std::unique_ptr<StagedDirectory>* stage) {
  if (!FormatWritesByName(spec.format)) {
    Message why;
    *sink = OutputSink::Open(spec, out, &why);
    if (*sink) return true;
    err << WriteErrorLine(spec, why);
    return false;
  }
  Diagnostics usage;
  if (PrepareNamedOutput(spec, opts, ctx, &usage, stage) && !WritesDirectory(spec) &&
      projects > opts.xlsx_max_sheets) {
    usage.Error({}, too_many, projects, opts.xlsx_max_sheets);
  }
  if (!usage.has_errors()) return true;
  PrintDiagnostics(usage, term, err);
  return false;
}

bool ReportFailure(const Reporter& r, const Terminal& term, std::ostream& err) {
  return ReportFailure(r.failure(), term, err);
}

bool ReportFailure(Message m, const Terminal& term, std::ostream& err) {
  if (m.text.empty()) return true;
  Diagnostics d;
  d.Error({}, std::move(m));
  PrintDiagnostics(d, term, err);
  return false;
}

void ReportWarning(Message m, const Terminal& term, std::ostream& err) {
  if (m.text.empty()) return;
  Diagnostics d;
  d.Warning({}, std::move(m));
  PrintDiagnostics(d, term, err);
}

std::string EnsureOutputDirectory(const std::string& dir, int* created_slot) {
  *created_slot = -1;
  std::string d = dir;
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  struct stat st;
  if (stat(d.c_str(), &st) == 0) return S_ISDIR(st.st_mode) ? "" : SystemErrorText(ENOTDIR);
  CreatingTemporary creating;  // made and registered as one step to a signal
  if (!creating.ok()) return SystemErrorText(EINTR);
  if (mkdir(d.c_str(), 0777) != 0) return SystemErrorText(errno);
  // -1 when the table is full: then DIR is left as it was before, made.
  *created_slot = RegisterCreatedDirectory(d);
  return "";
}

}  // namespace jixiao
