// A progress line on stderr for long runs: projects done, rate, time left.
#ifndef JIXIAO_CLI_PROGRESS_H_
#define JIXIAO_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <ostream>

#include "base/terminal.h"

namespace jixiao {

// Draws "\r已处理 1234 个项目 · 每秒 2468 个 · 文件 56/400 · 约剩 12 秒" ("1234
// projects · 2468/s · 56/400 files · ~12 s left" under --lang en) on a
// terminal's stderr, at most five times a second and only once a run has
// taken a second, so short runs and CI logs (Terminal::progress() false)
// never see it. Finish() erases the line.
class Progress {
 public:
  Progress(const Terminal& term, std::ostream& err) : enabled_(term.progress()), err_(err) {}
  ~Progress() { Finish(); }

  void Start(size_t files);
  void FileDone();
  void ProjectDone();
  void Finish();

 private:
  using Clock = std::chrono::steady_clock;
  void MaybeDraw();

  bool enabled_;
  std::ostream& err_;
  size_t files_ = 0, files_done_ = 0, projects_ = 0;
  Clock::time_point start_, last_draw_;
  bool drawn_ = false;
};

}  // namespace jixiao

#endif  // JIXIAO_CLI_PROGRESS_H_
