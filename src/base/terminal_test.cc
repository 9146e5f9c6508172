#include "base/terminal.h"

#include <doctest/doctest.h>

namespace jixiao {

namespace {
TerminalEnv Tty(const char* term = "xterm") {
  TerminalEnv env;
  env.stdout_is_tty = env.stderr_is_tty = true;
  env.term = term;
  return env;
}
}  // namespace

TEST_CASE("colour policy") {
  CHECK(Terminal(ColorMode::kAuto, false, Tty()).color_stdout());
  CHECK(!Terminal(ColorMode::kAuto, false, Tty("dumb")).color_stdout());
  CHECK(!Terminal(ColorMode::kAuto, false, TerminalEnv{}).color_stdout());  // not a terminal
  TerminalEnv no = Tty();
  no.no_color = true;
  CHECK(!Terminal(ColorMode::kAuto, false, no).color_stdout());
  CHECK(Terminal(ColorMode::kAlways, false, no).color_stdout());  // the flag wins
  TerminalEnv force;
  force.force_color = true;
  CHECK(Terminal(ColorMode::kAuto, false, force).color_stderr());
  CHECK(!Terminal(ColorMode::kNever, false, force).color_stderr());
  TerminalEnv split = Tty();
  split.stdout_is_tty = false;  // piped stdout, terminal stderr
  Terminal t(ColorMode::kAuto, false, split);
  CHECK(!t.color_stdout());
  CHECK(t.color_stderr());
}

TEST_CASE("progress only on a real terminal, not in CI, not quiet") {
  CHECK(Terminal(ColorMode::kAuto, false, Tty()).progress());
  CHECK(!Terminal(ColorMode::kAuto, true, Tty()).progress());
  TerminalEnv ci = Tty();
  ci.ci = true;
  CHECK(!Terminal(ColorMode::kAuto, false, ci).progress());
  CHECK(!Terminal(ColorMode::kAuto, false, TerminalEnv{}).progress());
}

TEST_CASE("Paint wraps only when enabled") {
  CHECK(Terminal::Paint("x", Style::kError, false) == "x");
  CHECK(Terminal::Paint("x", Style::kError, true) == "\x1b[1;31mx\x1b[0m");
}

}  // namespace jixiao
