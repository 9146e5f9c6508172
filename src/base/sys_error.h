// Why a system call failed, in words for a person.
#ifndef JIXIAO_BASE_SYS_ERROR_H_
#define JIXIAO_BASE_SYS_ERROR_H_

#include <string>

namespace jixiao {

// The reason `err` (an errno value) in the current language (messages.h):
// the common ones from the catalogue ("没有权限" / "Permission denied"),
// any other as the C library's text with its number. std::strerror alone
// would be English whatever the language, and depends on the locale.
std::string SystemErrorText(int err);

}  // namespace jixiao

#endif  // JIXIAO_BASE_SYS_ERROR_H_
