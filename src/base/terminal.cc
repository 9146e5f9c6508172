#include "base/terminal.h"

#include <unistd.h>

#include <cstdlib>

namespace jixiao {

namespace {

bool EnvSet(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0';
}

bool EnvForces(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' && std::string_view(v) != "0";
}

}  // namespace

TerminalEnv TerminalEnv::Detect() {
  TerminalEnv env;
  env.stdout_is_tty = isatty(1) == 1;
  env.stderr_is_tty = isatty(2) == 1;
  if (const char* t = std::getenv("TERM")) env.term = t;
  env.no_color = EnvSet("NO_COLOR");
  env.force_color = EnvForces("FORCE_COLOR") || EnvForces("CLICOLOR_FORCE");
  env.ci = EnvSet("CI");
  return env;
}

Terminal::Terminal(ColorMode mode, bool quiet, const TerminalEnv& env) : quiet_(quiet) {
  auto decide = [&](bool is_tty) {
    switch (mode) {
      case ColorMode::kAlways:
        return true;
      case ColorMode::kNever:
        return false;
      case ColorMode::kAuto:
        break;
    }
    if (env.no_color) return false;
    if (env.force_color) return true;
    return is_tty && env.term != "dumb";
  };
  color_stdout_ = decide(env.stdout_is_tty);
  color_stderr_ = decide(env.stderr_is_tty);
  progress_ = env.stderr_is_tty && !env.ci && !quiet && env.term != "dumb";
}

std::string Terminal::Paint(std::string_view text, Style style, bool enabled) {
  if (!enabled) return std::string(text);
  const char* code = "";
  switch (style) {
    case Style::kBold: code = "\x1b[1m"; break;
    case Style::kError: code = "\x1b[1;31m"; break;
    case Style::kWarning: code = "\x1b[1;35m"; break;
    case Style::kNote: code = "\x1b[1;36m"; break;
    case Style::kGood: code = "\x1b[32m"; break;
    case Style::kBad: code = "\x1b[31m"; break;
    case Style::kDim: code = "\x1b[2m"; break;
  }
  std::string out(code);
  out.append(text);
  out.append("\x1b[0m");
  return out;
}

}  // namespace jixiao
