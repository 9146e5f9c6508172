#!/usr/bin/env bash
# The command line itself: help, version, usage errors (exit 2, never CLI11's 100+).
source "$(dirname "$0")/lib.sh"

case_ "--version"
run --version
expect_status 0
expect_out_re "^jixiao [0-9]+\.[0-9]+\.[0-9]+( \(git [0-9a-f]{7,}(-dirty)?\))?$"

case_ "--help lists the commands"
run --help
expect_status 0
for c in check eval template merge rules import explain; do expect_out "  $c  "; done

for c in check eval template merge rules import explain; do
  case_ "$c --help"
  run $c --help
  expect_status 0
  expect_out "Usage: jixiao $c"
  run $c --help --lang zh
  expect_status 0
  expect_out "用法：jixiao $c [选项]"
  expect_no_out "Options"
  expect_no_out "REQUIRED"
done

case_ "--help in both languages (golden)"
env -u JIXIAO_LANG "$JIXIAO" --help >"$OUT" 2>"$ERR"
STATUS=$?
expect_status 0
expect_golden tests/golden/help.txt
run --help --lang en
expect_golden tests/golden/help-en.txt
env -u JIXIAO_LANG "$JIXIAO" eval --help >"$OUT" 2>"$ERR"
expect_golden tests/golden/help-eval.txt
run eval --help --lang en
expect_golden tests/golden/help-eval-en.txt

case_ "each command's help lists its own formats"
run eval --help
expect_out "Report format: text, json, jsonl, csv, markdown, junit, github, xlsx, html (default text)"
run check --help
expect_out "Report format: text, json (default text)"
run template --help
expect_out "Report format: yaml, csv (default yaml)"
run rules --help
expect_out "Report format: yaml (default yaml)"
run merge --help
expect_out "Report format: json, jsonl, text, csv, markdown, junit, github, xlsx, html (default json)"
run import --help
expect_no_out "--format"

case_ "no arguments: usage on stderr, exit 2"
run
expect_status 2
expect_err "Usage:"

case_ "an unknown command: exit 2, the commands listed"
run frobnicate
expect_status 2
expect_err "jixiao: error[JX0702]: no command 'frobnicate': the commands are check, eval, template, monitor, merge, rules, import, explain"
expect_err "Run 'jixiao --help' for usage."

case_ "a misspelt command: did you mean, in both languages"
run evl examples/targets
expect_status 2
expect_err "jixiao: error[JX0702]: no command 'evl': did you mean 'eval'?"
run evl examples/targets --lang zh
expect_status 2
expect_err "jixiao: 错误[JX0702]: 没有命令“evl”；您是不是要用“eval”？"
expect_err "运行 jixiao --help 查看用法。"
run tempalte --lang en
expect_err "did you mean 'template'?"

case_ "no command: exit 2"
run --lang en
expect_status 2
expect_err "jixiao: error[JX0702]: no command given: write one of check, eval,"

case_ "an unknown flag: exit 2, not CLI11's 109"
run check --bogus examples/targets
expect_status 2
expect_err "jixiao: error[JX0703]: jixiao check has no option '--bogus' (see 'jixiao check --help')"
expect_err "Run 'jixiao check --help' for usage."

case_ "an unknown flag before any command: the flag is named, not a missing command"
run --bogus
expect_status 2
expect_err "jixiao: error[JX0703]: jixiao has no option '--bogus' (see 'jixiao --help')"
run --bogus=1 --lang zh
expect_err "jixiao: 错误[JX0703]: jixiao 没有选项“--bogus”（jixiao --help 列出全部选项）"

case_ "an unknown flag and no arguments: the flag is named, not the missing TARGETS"
run eval --bogus
expect_status 2
expect_err "jixiao: error[JX0703]: jixiao eval has no option '--bogus' (see 'jixiao eval --help')"
expect_no_err "JX0704"
run monitor --stirct
expect_status 2
expect_err "jixiao: error[JX0703]: jixiao monitor has no option '--stirct': did you mean '--strict'?"
run eval
expect_status 2
expect_err "error[JX0704]"

case_ "a misspelt flag: did you mean"
run check --stirct examples/targets
expect_status 2
expect_err "jixiao: error[JX0703]: jixiao check has no option '--stirct': did you mean '--strict'?"
run eval examples/targets -a examples/actuals --fail-undr=80 --lang zh
expect_status 2
expect_err "jixiao: 错误[JX0703]: jixiao eval 没有选项“--fail-undr”；您是不是要用“--fail-under”？"

case_ "an argument a command does not take: exit 2"
run rules extra
expect_status 2
expect_err "jixiao: error[JX0703]: unexpected argument 'extra': jixiao rules does not take it"

case_ "a missing required argument: exit 2"
run check
expect_status 2
expect_err "jixiao: error[JX0704]: jixiao check needs TARGETS: Target files or directories"
run check --lang zh
expect_err "jixiao: 错误[JX0704]: jixiao check 缺少 目标表：目标表文件或目录"

case_ "targets after -a and before another option: -a took them, and the message says so"
printf 'project: P\nid: P-1\nyear: 2024\nbudget: {total: 1}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 数量, target: 4台}\n' >"$WORK/after-a.yaml"
printf 'projects:\n  - {id: P-1, spent: 1, indicators: {数量: 4台}}\n' >"$WORK/after-a-actuals.yaml"
run eval -a "$WORK/after-a-actuals.yaml" "$WORK/after-a.yaml" -q
expect_status 2
expect_err "jixiao: error[JX0704]: jixiao eval has no target files: '$WORK/after-a.yaml' came after -a and was taken as one of its files; put the targets before -a (jixiao eval $WORK/after-a.yaml -a …), or end -a's files with -- (jixiao eval … -a … -- $WORK/after-a.yaml)"
run eval -q -a "$WORK/after-a-actuals.yaml" -- "$WORK/after-a.yaml"
expect_status 0

case_ "'--' right after -a (to name a file starting with '-'): said, not read as a file named '--'"
cp "$WORK/after-a-actuals.yaml" "$WORK/-actuals.yaml"
run eval "$WORK/after-a.yaml" -q -a -- -actuals.yaml
expect_status 2
expect_err "jixiao: error[JX0705]: --actuals needs a value: the '--' right after it was taken as one; '--' ends --actuals's files when it follows them. Write a file name that starts with '-' as ./-NAME (./-progress.csv)"
expect_no_err "JX0101"
(cd "$WORK" && "$JIXIAO" eval after-a.yaml -q -a ./-actuals.yaml >/dev/null 2>&1) || fail "./-actuals.yaml is not read"

case_ "an option without its value: exit 2"
run check examples/targets --rules
expect_status 2
expect_err "jixiao: error[JX0705]: --rules needs a value: Rules file overriding the built-in mof-2020 rules"
run check --lang zh examples/targets -r
expect_err "jixiao: 错误[JX0705]: --rules 后面缺少值：规则文件，覆盖内置的 mof-2020 规则"
run check examples/targets -r --lang zh
expect_status 2
expect_err "jixiao: 错误[JX0705]: --rules 后面缺少值：规则文件，覆盖内置的 mof-2020 规则"
# Before any command, jixiao's own option: the same message, not CLI11's.
run --lang
expect_status 2
expect_err "jixiao: error[JX0705]: --lang needs a value: Language of every message and label: zh or en"
expect_no_err "required"

run eval examples/targets -a examples/actuals -o --quiet
expect_status 2
expect_err "jixiao: error[JX0705]: --output needs a value: Write the report to FILE instead of stdout"

case_ "a switch given a value: exit 2, in the run's language, the switch named"
run monitor --lang zh examples/targets -a examples/progress --show-work=banana
expect_status 2
expect_err "jixiao: 错误[JX0706]: --show-work 是开关，不带值：要打开就只写 --show-work（也可写 --show-work=true 或 --show-work=false），而不是 --show-work=banana"
expect_err "运行 jixiao monitor --help 查看用法。"
# An unset variable after '=': the switch is blamed, not the targets.
run monitor examples/targets -a examples/progress --strict=
expect_status 2
expect_err "jixiao: error[JX0706]: --strict is a switch and takes no value: write just --strict to turn it on (--strict=true or --strict=false also work), not --strict="
run eval examples/targets -a examples/actuals --quiet=2
expect_status 2
expect_err "error[JX0706]: --quiet is a switch"
run eval examples/targets -a examples/actuals -q=yes
expect_status 2
expect_err "jixiao: error[JX0706]: -q is a switch and takes no value: write just -q, not -q=yes"
# What CLI11 takes stays taken.
run eval examples/targets -a examples/actuals --quiet=true --strict=false
expect_status 1

case_ "an option given twice: exit 2, said so"
run monitor examples/targets -a examples/progress --as-of 2024-07-31 --as-of 2024-06-30
expect_status 2
expect_err "jixiao: error[JX0706]: --as-of is given more than once: keep one"

case_ "a bad --color value: exit 2"
run check --color sometimes examples/targets
expect_status 2
expect_err "jixiao: error[JX0706]: --color: 'sometimes' is not one of auto, always, never"
run check --color sometimes examples/targets --lang zh
expect_err "jixiao: 错误[JX0706]: --color 的值“sometimes”不对：应为 auto、always、never 之一"

case_ "a bad -j value: exit 2"
run eval -j 0 examples/targets -a examples/actuals
expect_status 2
expect_err "jixiao: error[JX0706]: --jobs: expected a whole number from 1 to 256, not '0'"

case_ "an unknown language: exit 2; an unknown JIXIAO_LANG: a warning, in Chinese"
run rules --lang fr
expect_status 2
expect_err "jixiao: error[JX0708]: unknown language 'fr': write zh (Chinese) or en (English)"
JIXIAO_LANG=fr run rules
expect_status 0
expect_err "jixiao: 警告[JX0708]: 环境变量 JIXIAO_LANG 的值“fr”既不是 zh 也不是 en：使用中文"

case_ "an unknown format: exit 2, the command's formats listed"
run check -f yaml examples/targets
expect_status 2
expect_err "jixiao: error[JX0709]: unknown format 'yaml': jixiao check writes text, json"
run rules -f json
expect_status 2
expect_err "jixiao: error[JX0709]: unknown format 'json': jixiao rules writes yaml"
run eval examples/targets -a examples/actuals -f xml --lang zh
expect_err "jixiao: 错误[JX0709]: 没有“xml”格式：jixiao eval 可写的格式为 text、json、jsonl、csv、markdown、junit、github"

case_ "eval -f jsonl is listed and taken; rules -f yaml is the rules"
run eval examples/targets -a examples/actuals -f jsonl --fail-on none
expect_status 0
run rules -f yaml
expect_status 0
expect_out "name: mof-2020"

case_ "two reports on standard output: exit 2"
run eval -f text -f json examples/targets -a examples/actuals
expect_status 2
expect_err "error[JX0712]: only one report can go to standard output"

case_ "--color always colours, NO_COLOR does not override the flag"
NO_COLOR=1 run check --color always tests/fixtures/check/bare-cost.yaml
expect_status 0
grep -q $'\x1b\[' "$ERR" || fail "expected colour codes on stderr"

case_ "auto colour: not a terminal, no colour codes even with TERM set"
TERM=xterm run check tests/fixtures/check/bare-cost.yaml
grep -q $'\x1b\[' "$ERR" && fail "unexpected colour codes"

case_ "FORCE_COLOR turns colour on for auto"
FORCE_COLOR=1 run check tests/fixtures/check/bare-cost.yaml
grep -q $'\x1b\[' "$ERR" || fail "expected colour codes with FORCE_COLOR"

case_ "NO_COLOR wins over FORCE_COLOR in auto mode"
NO_COLOR=1 FORCE_COLOR=1 run check tests/fixtures/check/bare-cost.yaml
grep -q $'\x1b\[' "$ERR" && fail "unexpected colour codes with NO_COLOR"

case_ "rules prints the built-in rules"
run rules
expect_status 0
expect_out "name: mof-2020"
expect_out "execution_weight: 10"

case_ "rules prints a file with 成本指标 in a pool of its own so that it reads back as the same rules"
printf 'name: 2021式\npools: {产出指标: 40, 成本指标: 10, 效益指标: 30, 满意度指标: 10}\ntaxonomy:\n  成本指标: {pool: 成本指标}\n' > "$WORK/r2021.yaml"
run rules -r "$WORK/r2021.yaml"
expect_status 0
expect_out "  成本指标: {pool: 成本指标, level2: [经济成本指标, 社会成本指标, 生态环境成本指标]}"
cp "$OUT" "$WORK/r2021-printed.yaml"
run rules -r "$WORK/r2021-printed.yaml"
expect_status 0
expect_same "$WORK/r2021-printed.yaml"

case_ "a full-width colon on a rules file's last line: JX0125 at the colon, not an empty number"
printf 'name: 本局规则\npools:\n  产出指标: 50\n  效益指标: 30\n  满意度指标：10\n' >"$WORK/r-colon.yaml"
run rules -r "$WORK/r-colon.yaml" --lang zh
expect_status 2
expect_err "$WORK/r-colon.yaml:5:8: 错误[JX0125]: “满意度指标”后面是全角冒号“：”：YAML 要用半角冒号加一个空格，请写成“满意度指标: 10”"
expect_no_err "JX0206"

finish
