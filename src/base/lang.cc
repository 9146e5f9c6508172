#include "base/lang.h"

#include <atomic>

namespace jixiao {

namespace {
// Relaxed is enough: the language is set before the threads that read it
// are started, and thread creation orders the write before their reads.
std::atomic<Lang> g_lang{Lang::kZh};
}  // namespace

Lang CurrentLang() { return g_lang.load(std::memory_order_relaxed); }

void SetLang(Lang lang) { g_lang.store(lang, std::memory_order_relaxed); }

std::optional<Lang> ParseLang(std::string_view s) {
  // A locale name: the language is what comes before '_', '-' or '.'.
  size_t end = s.find_first_of("_-.");
  std::string_view head = s.substr(0, end);
  if (head == "zh" || head == "ZH") return Lang::kZh;
  if (head == "en" || head == "EN") return Lang::kEn;
  return std::nullopt;
}

}  // namespace jixiao
