// `jixiao explain`: what a diagnostic code means and how to fix it, read
// from docs/errors.md, which is compiled into the binary (ErrorsDoc).
//
// docs/errors.md has one section per code:
//
//   ## JX0301 单位不一致 / Incompatible unit
//
//   原因：……          (the cause, in Chinese; may run on over several lines)
//   修正：……          (the fix)
//
//   Cause: ……         (the same in English)
//   Fix: ……
//
//   ```yaml targets.yaml      (example input files: a fence with a language
//   ……                         and the file's name)
//   ```
//
//   (```base64 NAME holds a binary file, ```symlink NAME a link to its text)
//
//   ```console
//   $ jixiao eval targets.yaml -a actuals.yaml     (the command that shows it)
//   ```
//
// tests/e2e/errors_doc_test.sh runs every example and checks that it
// produces its code, and that every code of the catalogue has a section.
#ifndef JIXIAO_CLI_EXPLAIN_H_
#define JIXIAO_CLI_EXPLAIN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/lang.h"

namespace jixiao {

// The text of docs/errors.md as built into the binary.
std::string_view ErrorsDoc();

// One code's section of an errors document.
struct CodeEntry {
  uint16_t code = 0;
  std::string title_zh, title_en;
  std::string cause_zh, fix_zh, cause_en, fix_en;
  struct File {
    std::string name;
    std::string text;
    std::string kind;  // "" a text file, "base64" a binary file, "symlink" a link to `text`
  };
  std::vector<File> files;  // the example's input files, in order
  std::string command;      // the example's command line, without "$ "
};

// Every section of `doc`, in order. Text outside "## JXnnnn" sections (the
// page's introduction) is skipped.
std::vector<CodeEntry> ParseErrorsDoc(std::string_view doc);

// The entry as `jixiao explain` prints it, in `lang`: title, cause, fix,
// then the example (its files indented, then the command).
std::string FormatCodeEntry(const CodeEntry& e, Lang lang);

}  // namespace jixiao

#endif  // JIXIAO_CLI_EXPLAIN_H_
