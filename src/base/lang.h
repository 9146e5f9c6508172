// The language of every word jixiao prints for a person: messages, hints,
// report labels, summaries, progress and help (docs/reference.md §10).
//
// One language holds for the whole process. The command line sets it once,
// from --lang or the JIXIAO_LANG environment variable, before any worker
// thread starts; everything after only reads it. Nothing depends on the
// system's locales: the texts are compiled in (messages.h).
#ifndef JIXIAO_BASE_LANG_H_
#define JIXIAO_BASE_LANG_H_

#include <optional>
#include <string_view>

namespace jixiao {

enum class Lang : unsigned char { kZh, kEn };

// The language in force; Chinese until SetLang says otherwise.
Lang CurrentLang();
inline bool English() { return CurrentLang() == Lang::kEn; }

// Sets the language of the process. Call before any thread reads it.
void SetLang(Lang lang);

// "zh" or "en", also written as a locale name ("zh_CN.UTF-8", "en-US", "C"
// is not one); nullopt for anything else.
std::optional<Lang> ParseLang(std::string_view s);

// Switches the language for a scope and back (tests).
class ScopedLang {
 public:
  explicit ScopedLang(Lang lang) : saved_(CurrentLang()) { SetLang(lang); }
  ~ScopedLang() { SetLang(saved_); }
  ScopedLang(const ScopedLang&) = delete;
  ScopedLang& operator=(const ScopedLang&) = delete;

 private:
  Lang saved_;
};

}  // namespace jixiao

#endif  // JIXIAO_BASE_LANG_H_
