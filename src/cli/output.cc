#include "cli/output.h"

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

std::unique_ptr<OutputSink> OutputSink::Open(const OutputSpec& spec, std::ostream& out,
                                             std::string* error) {
  std::unique_ptr<OutputSink> sink(new OutputSink());
  if (spec.path.empty() || spec.path == "-") {
    sink->out_ = &out;
    sink->buf_ = std::make_unique<BlockBuf>(out.rdbuf());
    sink->stream_ = std::make_unique<std::ostream>(sink->buf_.get());
    return sink;
  }
  sink->path_ = spec.path;
  sink->tmp_ = fmt::format("{}.tmp.{}", spec.path, static_cast<long>(getpid()));
  sink->file_ = std::make_unique<std::ofstream>(sink->tmp_, std::ios::binary | std::ios::trunc);
  if (!*sink->file_) {
    *error = std::strerror(errno);
    sink->file_.reset();
    return nullptr;
  }
  sink->buf_ = std::make_unique<BlockBuf>(sink->file_->rdbuf());
  sink->stream_ = std::make_unique<std::ostream>(sink->buf_.get());
  return sink;
}

OutputSink::~OutputSink() {
  // Standard output gets what was written, committed or not, as it would
  // without the block buffer.
  if (!file_ && stream_ && !committed_) stream_->flush();
  if (file_ && !committed_) {
    file_.reset();
    std::remove(tmp_.c_str());
  }
}

std::string OutputSink::Commit() {
  committed_ = true;
  stream_->flush();
  const bool handed_on = !buf_->failed() && static_cast<bool>(*stream_);
  if (!file_) {
    out_->flush();
    return handed_on && *out_ ? "" : "cannot write to standard output";
  }
  file_->flush();
  bool ok = handed_on && static_cast<bool>(*file_);
  file_->close();
  ok = ok && !file_->fail();
  if (!ok) {
    std::remove(tmp_.c_str());
    return "write failed (disk full?)";
  }
  if (std::rename(tmp_.c_str(), path_.c_str()) != 0) {
    std::string why = std::strerror(errno);
    std::remove(tmp_.c_str());
    return why;
  }
  return "";
}

bool WriteOutput(const OutputSpec& spec, const std::string& text, std::ostream& out,
                 std::ostream& err) {
  std::string why;
  std::unique_ptr<OutputSink> sink = OutputSink::Open(spec, out, &why);
  if (sink) {
    sink->stream() << text;
    why = sink->Commit();
  }
  if (why.empty()) return true;
  err << fmt::format("{}: error: cannot write the {} report: {}\n",
                     spec.path.empty() ? "<stdout>" : spec.path, spec.format, why);
  return false;
}

}  // namespace jixiao
