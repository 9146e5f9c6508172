// Writing YAML text: scalars quoted only when they must be.
#ifndef JIXIAO_YAML_YAML_EMIT_H_
#define JIXIAO_YAML_YAML_EMIT_H_

#include <string>
#include <string_view>

namespace jixiao {

// `s` as a YAML scalar that reads back as the same string under the YAML
// 1.2 core schema: plain when that is safe, else double-quoted with escapes
// ("4台" stays plain; "<20mSv", "010", "yes: no", "" and "- x" are quoted).
std::string YamlScalar(std::string_view s);

}  // namespace jixiao

#endif  // JIXIAO_YAML_YAML_EMIT_H_
