#include "base/sys_error.h"

#include <doctest/doctest.h>

#include <cerrno>

#include "base/lang.h"

namespace jixiao {
namespace {

TEST_CASE("SystemErrorText says the common reasons in the run's language") {
  CHECK(SystemErrorText(EACCES) == "Permission denied");
  CHECK(SystemErrorText(ENOSPC) == "No space left on device");
  ScopedLang zh(Lang::kZh);
  CHECK(SystemErrorText(EACCES) == "没有权限");
  CHECK(SystemErrorText(ENOENT) == "没有这个文件或目录");
  CHECK(SystemErrorText(EFBIG) == "文件太大");
}

TEST_CASE("SystemErrorText gives any other reason with its number") {
  ScopedLang zh(Lang::kZh);
  CHECK(SystemErrorText(EPIPE).rfind("系统错误 32（", 0) == 0);
}

}  // namespace
}  // namespace jixiao
