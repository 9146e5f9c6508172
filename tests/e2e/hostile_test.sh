#!/usr/bin/env bash
# Hostile input: each case must end in a clear located error and exit 2,
# never a crash, a hang or exhausted memory (see lib.sh: run is capped).
source "$(dirname "$0")/lib.sh"

case_ "billion laughs alias bomb"
{
  echo 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'
  prev=a
  for i in 1 2 3 4 5 6 7 8 9; do
    printf 'b%s: &b%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' $i $i $prev $prev $prev $prev $prev $prev $prev $prev $prev
    prev=b$i
  done
} > "$WORK/bomb.yaml"
run check "$WORK/bomb.yaml"
expect_status 2
expect_err_re "bomb.yaml:[0-9]+:[0-9]+: error\[JX0131\]: the document expands to more than 1000000 values"

case_ "deep flow nesting (beyond yaml-cpp's own 500 guard)"
head -c 100000 /dev/zero | tr '\0' '[' > "$WORK/deep.yaml"
run check "$WORK/deep.yaml"
expect_status 2
expect_err_re "deep.yaml:1:[0-9]+: error\[JX0132\]: nesting deeper than 64 levels"

case_ "deep block nesting"
for i in $(seq 0 99); do printf "%*sk:\n" $((i * 2)) ""; done > "$WORK/deep-block.yaml"
run check "$WORK/deep-block.yaml"
expect_status 2
expect_err_re "deep-block.yaml:6[0-9]:[0-9]+: error\[JX0132\]: nesting deeper than 64 levels"

case_ "--max-depth is overridable"
run check --max-depth 2 tests/fixtures/check/valid-minimal.yaml
expect_status 2
expect_err "valid-minimal.yaml:6:5: error[JX0132]: nesting deeper than 2 levels"
run check --lang zh --max-depth 2 tests/fixtures/check/valid-minimal.yaml
expect_status 2
expect_err "valid-minimal.yaml:6:5: 错误[JX0132]: 嵌套超过了 2 层（可用 --max-depth 调高）"

case_ "invalid UTF-8"
{ printf 'project: 名\n'; printf 'year: \xff\xfe 2024\n'; } > "$WORK/latin.yaml"
run check "$WORK/latin.yaml"
expect_status 2
expect_err "latin.yaml:2:7: error[JX0111]: invalid UTF-8 (byte 0xFF): save the file as UTF-8"
run check --lang zh "$WORK/latin.yaml"
expect_err "latin.yaml:2:7: 错误[JX0111]: 文件不是 UTF-8 编码（这里的字节 0xFF 无效）：请把文件另存为 UTF-8"

case_ "a GBK-encoded file is reported as not UTF-8, saying it looks like GBK"
printf 'project: \xcf\xee\xc4\xbf\n' > "$WORK/gbk.yaml"
run check "$WORK/gbk.yaml"
expect_status 2
expect_err "gbk.yaml:1:10: error[JX0111]: invalid UTF-8 (byte 0xCF): the file looks like GBK/GB18030, what Chinese Windows saves by default: save it as UTF-8"
run check --lang zh "$WORK/gbk.yaml"
expect_err "gbk.yaml:1:10: 错误[JX0111]: 文件不是 UTF-8 编码（这里的字节 0xCF 无效），看起来是 GBK/GB18030（中文 Windows 的默认编码）：请把文件另存为 UTF-8"

case_ "binary garbage"
printf '\x7fELF\x02\x01\x01\x00\x00\x00' > "$WORK/garbage.yaml"
head -c 4096 /dev/zero >> "$WORK/garbage.yaml"
run check "$WORK/garbage.yaml"
expect_status 2
expect_err "garbage.yaml:1:1: error[JX0112]: control character 0x7F in text: is this a binary file?"
run check --lang zh "$WORK/garbage.yaml"
expect_err "garbage.yaml:1:1: 错误[JX0112]: 文本中有控制字符 0x7F：这是二进制文件吗？jixiao 只读文本文件"

case_ "a UTF-16 file is named so"
printf '\xff\xfep\x00r\x00' > "$WORK/utf16.yaml"
run check "$WORK/utf16.yaml"
expect_status 2
expect_err "utf16.yaml:1:1: error[JX0111]: the file is UTF-16 (Excel's \"Unicode text\", Notepad's \"Unicode\"), not UTF-8: save it as UTF-8"

case_ "a 15 MB scalar"
{ printf 'project: '; head -c 15000000 /dev/zero | tr '\0' 'x'; printf '\n'; } > "$WORK/big-scalar.yaml"
run check "$WORK/big-scalar.yaml"
expect_status 2
expect_err "big-scalar.yaml:1:10: error[JX0130]: a value of 15000000 bytes is longer than the limit of 1048576 bytes"

case_ "a file over the size limit"
run check --max-file-size 1000 "$WORK/big-scalar.yaml"
expect_status 2
expect_err "big-scalar.yaml: error[JX0110]: file is 15000010 bytes, larger than the limit of 1000 bytes"
run check --lang zh --max-file-size 1000 "$WORK/big-scalar.yaml"
expect_err "big-scalar.yaml: 错误[JX0110]: 文件有 15000010 字节，超过了 1000 字节的上限（可用 --max-file-size 调高）"

case_ "many stray tokens"
printf ',\n,\n]\n}\n' > "$WORK/tokens.yaml"
run check "$WORK/tokens.yaml"
expect_status 2
expect_err "tokens.yaml:1:1: error[JX0120]: unexpected ',': expected a key, a value or a list item"

case_ "unclosed flow sequence"
printf 'project: [1, 2\n' > "$WORK/unclosed.yaml"
run check "$WORK/unclosed.yaml"
expect_status 2
expect_err "unclosed.yaml:1:10: error[JX0117]: YAML syntax error: end of sequence flow not found"
run check --lang zh "$WORK/unclosed.yaml"
expect_err "unclosed.yaml:1:10: 错误[JX0117]: YAML 语法错误：“[”没有配对的“]”：请补上“]”；如果值本来就以“[”开头，请给整个值加引号"

case_ "a recursive alias"
printf 'a: &x [1, *x]\n' > "$WORK/cycle.yaml"
run check "$WORK/cycle.yaml"
expect_status 2
expect_err_re "cycle.yaml:1:[0-9]+: error\[JX0124\]: an alias refers to a node that contains it \(a cycle\)"

case_ "many documents in one file are all checked"
for i in $(seq 1 300); do
  printf -- '---\nproject: 项目%s\nyear: 2024\nbudget: {total: 1}\nindicators:\n  - {level1: 产出指标, level2: 数量指标, name: 甲, target: 1个}\n' "$i"
done > "$WORK/many.yaml"
run check --lang en "$WORK/many.yaml"
expect_status 0
expect_out "300 projects"

finish
