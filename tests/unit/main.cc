// The doctest runner for every src/*_test.cc. Tests run in English unless a
// test says otherwise (ScopedLang, base/lang.h): most assert English
// messages, and the catalogue's own tests check both languages.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "base/lang.h"

int main(int argc, char** argv) {
  jixiao::SetLang(jixiao::Lang::kEn);
  doctest::Context context(argc, argv);
  return context.run();
}
