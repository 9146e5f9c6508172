#!/usr/bin/env bash
# docs/errors.md is true: every section's example, run as written, gives
# its code, and `jixiao explain` prints a section in both languages. (That
# every code of the catalogue has a complete section is checked by the unit
# tests, src/cli/explain_test.cc.)
source "$(dirname "$0")/lib.sh"

DOC=docs/errors.md

# Splits docs/errors.md into one directory per code: its example files and
# a file `command` holding the command line (without "$ ").
python3 - "$DOC" "$WORK/examples" <<'PY'
import base64, os, re, sys
doc, root = sys.argv[1], sys.argv[2]
code = None; fence = None; name = None; buf = []
for line in open(doc, encoding='utf-8'):
    line = line.rstrip('\n')
    if fence is not None:
        if line.startswith('```'):
            path = os.path.join(root, code, name or '')
            if fence == 'file':
                open(path, 'w', encoding='utf-8').write(''.join(buf))
            elif fence == 'base64':  # a binary file (a .docx)
                open(path, 'wb').write(base64.b64decode(''.join(buf)))
            elif fence == 'symlink':  # a symbolic link to the text
                os.symlink(''.join(buf).strip(), path)
            fence = None
        elif fence in ('file', 'base64', 'symlink'):
            buf.append(line + '\n')
        elif fence == 'console' and line.startswith('$ jixiao '):
            open(os.path.join(root, code, 'command'), 'w').write(line[len('$ jixiao '):] + '\n')
        continue
    m = re.match(r'## (JX\d{4})\b', line)
    if m:
        code = m.group(1); os.makedirs(os.path.join(root, code), exist_ok=True); continue
    if line.startswith('```') and code:
        info = line[3:].strip().split()
        if info == ['console']:
            fence = 'console'
        elif len(info) == 2:
            kind = info[0] if info[0] in ('base64', 'symlink') else 'file'
            fence, name, buf = kind, info[1], []
        else:
            fence = 'other'
PY

for dir in "$WORK"/examples/JX*; do
  code=$(basename "$dir")
  case_ "$code: its example gives $code"
  if [ ! -f "$dir/command" ]; then
    fail "the section has no example command (a \`\`\`console block with '\$ jixiao …')"
    continue
  fi
  read -r -a args <"$dir/command"
  (cd "$dir" && "$JIXIAO" "${args[@]}" >"$OUT" 2>"$ERR" </dev/null; echo $? >"$WORK/status")
  STATUS=$(cat "$WORK/status")
  LAST_ARGS="${args[*]} (in $dir)"
  grep -q "\[$code\]\|\"code\": *\"$code\"" "$OUT" "$ERR" || fail "the example does not give [$code]"
done

case_ "explain prints a section in Chinese by default and in English with --lang en"
env -u JIXIAO_LANG "$JIXIAO" explain JX0701 >"$OUT" 2>"$ERR"
STATUS=$?
expect_status 0
expect_out "JX0701 没有这个诊断代码"
expect_out "原因：\`jixiao explain\` 的参数不是本页列出的代码。"
expect_out "$ jixiao explain JX9999"
run explain jx701 --lang en
expect_status 0
expect_out "JX0701 No such diagnostic code"
expect_out "Fix: codes look like \`JX0301\` (any case, or just the number \`301\`); run \`jixiao explain\` without an argument to list them all."

case_ "explain of an unknown code: exit 2 with JX0701"
run explain JX9999
expect_status 2
expect_err "error[JX0701]: no diagnostic code 'JX9999'"

case_ "explain without a code lists every code with its title"
run explain
expect_status 0
expect_out "JX0701  No such diagnostic code"

finish
