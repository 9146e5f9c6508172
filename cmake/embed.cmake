# Writes OUT, a C++ file defining `std::string_view NAME()` that returns the
# bytes of IN: how docs/errors.md becomes what `jixiao explain` prints.
#   cmake -DIN=docs/errors.md -DOUT=errors_doc.cc -DNAME=ErrorsDoc -P cmake/embed.cmake
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
# One line of 16 bytes at a time keeps the file readable by a compiler's
# diagnostics and by diff.
string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){16})" "\\1\n  " bytes "${bytes}")
file(WRITE "${OUT}.tmp"
  "// Generated from ${IN} by cmake/embed.cmake: do not edit.\n"
  "#include <string_view>\n\n"
  "namespace jixiao {\n\n"
  "namespace {\n"
  "const char kBytes[] = {\n  ${bytes}'\\0'};\n"
  "}  // namespace\n\n"
  "std::string_view ${NAME}() { return std::string_view(kBytes, ${size}); }\n\n"
  "}  // namespace jixiao\n")
file(RENAME "${OUT}.tmp" "${OUT}")
