#include "cli/explain.h"

#include <fmt/format.h>

#include "base/messages.h"
#include "base/text.h"

namespace jixiao {

namespace {

// The paragraph kinds of a section; a line that starts none continues the
// paragraph before it.
struct Lead {
  std::string_view prefix;
  std::string CodeEntry::*field;
};
const Lead kLeads[] = {
    {"原因：", &CodeEntry::cause_zh},
    {"修正：", &CodeEntry::fix_zh},
    {"Cause:", &CodeEntry::cause_en},
    {"Fix:", &CodeEntry::fix_en},
};

std::string_view TrimView(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

void ParseHeading(std::string_view rest, CodeEntry* e) {
  // "JX0301 单位不一致 / Incompatible unit"
  size_t space = rest.find(' ');
  std::optional<uint16_t> code = ParseCode(rest.substr(0, space));
  e->code = code.value_or(0);
  std::string_view titles = space == std::string_view::npos ? "" : TrimView(rest.substr(space));
  size_t slash = titles.find(" / ");
  e->title_zh = std::string(TrimView(titles.substr(0, slash)));
  if (slash != std::string_view::npos) e->title_en = std::string(TrimView(titles.substr(slash + 3)));
}

}  // namespace

std::vector<CodeEntry> ParseErrorsDoc(std::string_view doc) {
  std::vector<CodeEntry> out;
  CodeEntry* e = nullptr;
  std::string* para = nullptr;  // the paragraph a plain line continues
  bool in_fence = false;
  std::string fence_kind;  // "file", "console" or "" (any other fence)
  size_t pos = 0;
  while (pos < doc.size()) {
    size_t nl = doc.find('\n', pos);
    std::string_view line = doc.substr(pos, nl == std::string_view::npos ? doc.size() - pos : nl - pos);
    pos = nl == std::string_view::npos ? doc.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    if (in_fence) {
      if (StartsWith(line, "```")) {
        in_fence = false;
      } else if (e && fence_kind == "file") {
        e->files.back().text.append(line).push_back('\n');
      } else if (e && fence_kind == "console" && StartsWith(line, "$ ")) {
        e->command = std::string(line.substr(2));
      }
      continue;
    }
    if (StartsWith(line, "```")) {
      in_fence = true;
      para = nullptr;
      std::string_view info = TrimView(line.substr(3));
      size_t space = info.find(' ');
      fence_kind = "";
      if (info == "console") {
        fence_kind = "console";
      } else if (e && space != std::string_view::npos) {
        fence_kind = "file";
        std::string_view lang = info.substr(0, space);
        std::string kind = lang == "base64" || lang == "symlink" ? std::string(lang) : "";
        e->files.push_back({std::string(TrimView(info.substr(space))), "", kind});
      }
      continue;
    }
    if (StartsWith(line, "## ")) {
      para = nullptr;
      std::string_view rest = TrimView(line.substr(3));
      if (ParseCode(rest.substr(0, rest.find(' ')))) {
        out.emplace_back();
        e = &out.back();
        ParseHeading(rest, e);
      } else {
        e = nullptr;  // a section of the introduction
      }
      continue;
    }
    if (!e) continue;
    std::string_view text = TrimView(line);
    if (text.empty()) {
      para = nullptr;
      continue;
    }
    bool led = false;
    for (const Lead& lead : kLeads) {
      if (StartsWith(text, lead.prefix)) {
        para = &(e->*lead.field);
        *para = std::string(TrimView(text.substr(lead.prefix.size())));
        led = true;
        break;
      }
    }
    if (!led && para) {
      // Chinese runs on without a space; English takes one.
      if (para == &e->cause_en || para == &e->fix_en) para->push_back(' ');
      para->append(text);
    }
  }
  return out;
}

std::string FormatCodeEntry(const CodeEntry& e, Lang lang) {
  bool en = lang == Lang::kEn;
  std::string out = fmt::format("{} {}\n\n", FormatCode(e.code), en ? e.title_en : e.title_zh);
  out += fmt::format("{}{}\n", en ? "Cause: " : "原因：", en ? e.cause_en : e.cause_zh);
  out += fmt::format("{}{}\n", en ? "Fix: " : "修正：", en ? e.fix_en : e.fix_zh);
  if (!e.command.empty()) {
    out += en ? "\nExample:\n" : "\n示例：\n";
    for (const CodeEntry::File& f : e.files) {
      if (f.kind == "symlink") {
        std::string_view target = f.text;
        while (!target.empty() && target.back() == '\n') target.remove_suffix(1);
        out += fmt::format("\n  {} -> {}\n", f.name, TrimView(target));
        continue;
      }
      if (f.kind == "base64") {
        out += fmt::format("\n  {}{}\n", f.name,
                           en ? ": a binary file (its bytes are in docs/errors.md)"
                              : "：二进制文件（内容见 docs/errors.md）");
        continue;
      }
      out += fmt::format("\n  {}:\n", f.name);
      size_t p = 0;
      while (p < f.text.size()) {
        size_t nl = f.text.find('\n', p);
        if (nl == std::string::npos) nl = f.text.size();
        out += "    " + f.text.substr(p, nl - p) + "\n";
        p = nl + 1;
      }
    }
    out += fmt::format("\n  $ {}\n", e.command);
  }
  return out;
}

}  // namespace jixiao
