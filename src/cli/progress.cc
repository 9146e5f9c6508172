#include "cli/progress.h"

#include <fmt/format.h>

#include "base/messages.h"

namespace jixiao {

void Progress::Start(size_t files) {
  files_ = files;
  start_ = last_draw_ = Clock::now();
}

void Progress::FileDone() {
  ++files_done_;
  MaybeDraw();
}

void Progress::ProjectDone() {
  ++projects_;
  if (projects_ % 64 == 0) MaybeDraw();
}

void Progress::MaybeDraw() {
  if (!enabled_) return;
  Clock::time_point now = Clock::now();
  double elapsed = std::chrono::duration<double>(now - start_).count();
  if (elapsed < 1.0 || now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  std::string line = Tr(MsgId::kProgressLine, projects_, fmt::format("{:.0f}", projects_ / elapsed),
                        files_done_, files_);
  if (files_done_ > 0 && files_done_ < files_) {
    double remaining = elapsed * static_cast<double>(files_ - files_done_) / files_done_;
    line += Tr(MsgId::kProgressLeft, fmt::format("{:.0f}", remaining));
  }
  err_ << "\r\x1b[K" << line << std::flush;
  drawn_ = true;
}

void Progress::Finish() {
  if (!drawn_) return;
  err_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

}  // namespace jixiao
