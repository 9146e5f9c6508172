// Every decision about the terminal, in one place: colour, quiet, progress.
#ifndef JIXIAO_BASE_TERMINAL_H_
#define JIXIAO_BASE_TERMINAL_H_

#include <string>
#include <string_view>

namespace jixiao {

enum class ColorMode { kAuto, kAlways, kNever };

// What the process knows about its environment, gathered once so that the
// policy below is a pure function that tests can call.
struct TerminalEnv {
  bool stdout_is_tty = false;
  bool stderr_is_tty = false;
  std::string term;            // $TERM
  bool no_color = false;       // $NO_COLOR set and non-empty
  bool force_color = false;    // $FORCE_COLOR or $CLICOLOR_FORCE set, non-empty, not "0"
  bool ci = false;             // $CI set and non-empty

  // Reads the real environment and file descriptors 1 and 2.
  static TerminalEnv Detect();
};

enum class Style { kBold, kError, kWarning, kNote, kGood, kBad, kDim };

class Terminal {
 public:
  // Colour: --color always/never wins; otherwise NO_COLOR turns it off,
  // FORCE_COLOR / CLICOLOR_FORCE turn it on, and auto means a terminal whose
  // TERM is not "dumb". `quiet` keeps only errors and summary lines.
  Terminal(ColorMode mode, bool quiet, const TerminalEnv& env);

  bool color_stdout() const { return color_stdout_; }
  bool color_stderr() const { return color_stderr_; }
  bool quiet() const { return quiet_; }
  // Whether a progress line may be drawn on stderr (a real terminal, not
  // CI, not quiet).
  bool progress() const { return progress_; }

  // `text` wrapped in the escape codes of `style` when `enabled`.
  static std::string Paint(std::string_view text, Style style, bool enabled);

 private:
  bool color_stdout_ = false;
  bool color_stderr_ = false;
  bool quiet_ = false;
  bool progress_ = false;
};

}  // namespace jixiao

#endif  // JIXIAO_BASE_TERMINAL_H_
