#include "base/encoding.h"

#include <iconv.h>

#include <cerrno>

#include "base/text.h"

namespace jixiao {

namespace {

// Owns an iconv descriptor.
class Converter {
 public:
  Converter(const char* to, const char* from) : cd_(iconv_open(to, from)) {}
  ~Converter() {
    if (ok()) iconv_close(cd_);
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

// Characters that clean text does not hold, though GB18030 can encode them.
bool IsUnlikely(char32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) ||       // C1 controls
         (cp >= 0xE000 && cp <= 0xF8FF) ||   // private use (GB18030's user-defined areas)
         cp >= 0xF0000;                      // supplementary private use
}

}  // namespace

std::optional<std::string> DecodeGb18030(std::string_view bytes) {
  Converter conv("UTF-8", "GB18030");
  if (!conv.ok()) return std::nullopt;
  std::string out;
  out.resize(bytes.size() * 2 + 16);  // a GB18030 character is at most 2x as long in UTF-8
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  char* o = out.data();
  size_t out_left = out.size();
  while (in_left > 0) {
    if (iconv(conv.get(), &in, &in_left, &o, &out_left) == static_cast<size_t>(-1)) {
      if (errno != E2BIG) return std::nullopt;  // EILSEQ, EINVAL: not GB18030
      const size_t used = out.size() - out_left;
      out.resize(out.size() * 2);
      o = out.data() + used;
      out_left = out.size() - used;
    }
  }
  out.resize(out.size() - out_left);
  for (size_t pos = 0; pos < out.size();) {
    if (IsUnlikely(DecodeUtf8(out, &pos))) return std::nullopt;
  }
  return out;
}

}  // namespace jixiao
