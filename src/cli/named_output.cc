#include "cli/named_output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
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

}  // namespace

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
                        Diagnostics* diags) {
  ctx->path = spec.path;
  if (WritesDirectory(spec)) {
    if (ctx->path.back() != '/') ctx->path += '/';
    std::string why = EnsureOutputDirectory(ctx->path);
    if (!why.empty()) {
      diags->Error({}, MsgId::kXlsxDirectory, spec.path, why);
      return false;
    }
  }
  ctx->open_file = NamedOutputOpener();
  ctx->max_sheets = opts.xlsx_max_sheets;
  ctx->jobs = ResolveJobs(opts.jobs);
  return true;
}

bool OpenReportOutput(const OutputSpec& spec, const Options& opts, size_t projects,
                      MsgId too_many, const Terminal& term, std::ostream& out,
                      std::ostream& err, ReportContext* ctx, std::unique_ptr<OutputSink>* sink) {
  if (!FormatWritesByName(spec.format)) {
    Message why;
    *sink = OutputSink::Open(spec, out, &why);
    if (*sink) return true;
    err << WriteErrorLine(spec, why);
    return false;
  }
  Diagnostics usage;
  if (PrepareNamedOutput(spec, opts, ctx, &usage) && !WritesDirectory(spec) &&
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

std::string EnsureOutputDirectory(const std::string& dir) {
  std::string d = dir;
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  struct stat st;
  if (stat(d.c_str(), &st) == 0) return S_ISDIR(st.st_mode) ? "" : SystemErrorText(ENOTDIR);
  if (mkdir(d.c_str(), 0777) == 0) return "";
  return SystemErrorText(errno);
}

}  // namespace jixiao
