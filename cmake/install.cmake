# What `cmake --install BUILD [--prefix P]` puts where (GNU directories under
# P, /usr/local by default; README.md, "Install"). Of the targets only the
# jixiao binary is installed: no test, fuzz or benchmark one.
#
#   bin/jixiao
#   share/doc/jixiao/      README.md, LICENSE, docs/*.md (CHANGELOG.md among
#                          them), examples/ (rules/ included)
#   share/jixiao/rules/    the rules files of examples/rules/, for --rules
#   share/man/…, share/bash-completion/…, share/zsh/…
#                          the man pages and shell completions, once the
#                          source has man/ and completion/ (see below)
include(GNUInstallDirs)

install(TARGETS jixiao RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES README.md LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs FILES_MATCHING PATTERN "*.md")
install(DIRECTORY examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
install(DIRECTORY examples/rules/ DESTINATION ${CMAKE_INSTALL_DATADIR}/jixiao/rules
        FILES_MATCHING PATTERN "*.yaml")

# Man pages: man/man1/jixiao.1 (English) and man/zh_CN/man1/jixiao.1
# (Chinese) land in share/man/man1 and share/man/zh_CN/man1. Completions:
# completion/jixiao.bash for bash-completion, completion/_jixiao for zsh.
# Each is installed when the source has it.
if(IS_DIRECTORY ${PROJECT_SOURCE_DIR}/man)
  install(DIRECTORY man/ DESTINATION ${CMAKE_INSTALL_MANDIR} FILES_MATCHING PATTERN "*.1")
endif()
if(EXISTS ${PROJECT_SOURCE_DIR}/completion/jixiao.bash)
  install(FILES completion/jixiao.bash RENAME jixiao
          DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
endif()
if(EXISTS ${PROJECT_SOURCE_DIR}/completion/_jixiao)
  install(FILES completion/_jixiao DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
endif()
