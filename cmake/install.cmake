# What `cmake --install BUILD [--prefix P]` puts where (GNU directories under
# P, /usr/local by default), and the Debian package `cpack -G DEB` makes of
# the same files (README.md, "Install"). Of the targets only the jixiao binary
# is installed: no test, fuzz or benchmark one.
#
#   bin/jixiao
#   share/doc/jixiao/      README.md, LICENSE, docs/*.md (CHANGELOG.md among
#                          them), examples/ (rules/ included)
#   share/jixiao/rules/    the rules files of examples/rules/, for --rules
#   share/man/man1/jixiao.1, share/man/zh_CN/man1/jixiao.1
#                          the man page, English and Chinese
#   share/bash-completion/completions/jixiao
#                          the bash completion
include(GNUInstallDirs)

install(TARGETS jixiao RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES README.md LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs FILES_MATCHING PATTERN "*.md")
install(DIRECTORY examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
install(DIRECTORY examples/rules/ DESTINATION ${CMAKE_INSTALL_DATADIR}/jixiao/rules
        FILES_MATCHING PATTERN "*.yaml")

# The man page, written in roff beside the code: man/man1/jixiao.1 (English)
# and man/zh_CN/man1/jixiao.1 (Chinese, which man shows under a zh_CN locale).
install(DIRECTORY man/ DESTINATION ${CMAKE_INSTALL_MANDIR} FILES_MATCHING PATTERN "*.1")
# The bash completion, where bash-completion loads it on demand.
install(FILES completion/jixiao.bash RENAME jixiao
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)

# ---- the Debian package: cpack -G DEB in the build directory ----
# jixiao_<version>_<arch>.deb, installing under /usr. Its Depends are what
# dpkg-shlibdeps finds the binary linked against (dpkg-dev must be
# installed), never a list kept by hand. The binary is stripped in the
# package.
set(JIXIAO_PACKAGE_MAINTAINER "jixiao maintainers <maintainers@users.noreply.r-seed-a412999d.example>"
    CACHE STRING "The Maintainer of the Debian package: a name and <email>")
set(JIXIAO_PACKAGE_HOMEPAGE "" CACHE STRING "The Homepage of the Debian package, if any")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME jixiao)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The jixiao authors")
set(CPACK_PACKAGE_CONTACT "${JIXIAO_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "check and score budget projects against their performance targets (绩效)")
set(CPACK_PACKAGE_DESCRIPTION
"jixiao checks and scores Chinese public-budget projects against their
performance targets (绩效目标表) under the Ministry of Finance's rules
(财预〔2020〕10号). It reads target files and year-end actuals (YAML, CSV, Word
documents), reports every problem at its file:line:column, scores each
project out of 100 and exits with a status that scripts and CI act on.
Rules files for provincial practice are in /usr/share/jixiao/rules.

jixiao 读取项目绩效目标表和年终实际完成情况，逐项校验并按《项目支出绩效评价管理办法》
（财预〔2020〕10号）评分，输出合规报告，并以退出码告知脚本结果。各省做法的规则文件
见 /usr/share/jixiao/rules。")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${JIXIAO_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
if(JIXIAO_PACKAGE_HOMEPAGE)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${JIXIAO_PACKAGE_HOMEPAGE}")
endif()
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
