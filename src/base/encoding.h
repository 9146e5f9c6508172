// Text that is not UTF-8: what Excel on a Chinese Windows saves (GB18030).
#ifndef JIXIAO_BASE_ENCODING_H_
#define JIXIAO_BASE_ENCODING_H_

#include <optional>
#include <string>
#include <string_view>

namespace jixiao {

// `bytes` decoded from GB18030 (the superset of GBK and GB2312 that Excel
// writes as "CSV (逗号分隔)" on a Chinese Windows) to UTF-8, or nullopt
// when they are not clean GB18030 text: a byte sequence GB18030 does not
// define, a truncated character at the end, or a character no person's
// text holds (a C1 control, a private-use code point). Uses glibc's iconv.
// Every character of the result comes from one character of `bytes`, in
// order, and ASCII stays as it is: lines and code-point columns are the
// same in both.
std::optional<std::string> DecodeGb18030(std::string_view bytes);

}  // namespace jixiao

#endif  // JIXIAO_BASE_ENCODING_H_
