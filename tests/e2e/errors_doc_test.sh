#!/usr/bin/env bash
# docs/errors.md is true: every section's example, run as written, gives
# its code, and `jixiao explain` prints a section in both languages. (That
# every code of the catalogue has a complete section is checked by the unit
# tests, src/cli/explain_test.cc.)
source "$(dirname "$0")/lib.sh"

DOC=docs/errors.md

# Splits docs/errors.md into one directory per code: its example files, a
# file `command` holding the command line (without "$ ") and, when the
# console block has other "$ " lines before it (making what markdown cannot
# hold: invalid UTF-8, a lone CR, a symbolic link, a FIFO, a file without
# read permission), a file `setup` holding them.
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
                open(path, 'w', encoding=encoding).write(''.join(buf))
            elif fence == 'base64':  # a binary file (a .docx)
                open(path, 'wb').write(base64.b64decode(''.join(buf)))
            elif fence == 'symlink':  # a symbolic link to the text
                os.symlink(''.join(buf).strip(), path)
            fence = None
        elif fence in ('file', 'base64', 'symlink'):
            buf.append(line + '\n')
        elif fence == 'console' and line.startswith('$ jixiao '):
            open(os.path.join(root, code, 'command'), 'w').write(line[len('$ jixiao '):] + '\n')
        elif fence == 'console' and line.startswith('$ '):
            open(os.path.join(root, code, 'setup'), 'a').write(line[2:] + '\n')
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
            fence, name, buf, encoding = kind, info[1], [], 'utf-8'
        elif len(info) == 3 and info[2].startswith('encoding='):
            # A file saved in another encoding, such as Excel's GB18030 CSV.
            fence, name, buf, encoding = 'file', info[1], [], info[2][len('encoding='):]
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
  jixiao=$JIXIAO
  if [ -f "$dir/setup" ]; then
    (cd "$dir" && bash -e setup) || fail "its setup commands fail"
    if [ "$(id -u)" = 0 ] && grep -q chmod "$dir/setup"; then
      # Root reads any file: an example about permissions runs as nobody.
      chmod 711 "$WORK" "$WORK/examples" "$dir"
      mkdir -p -m 755 "$WORK/bin" && cp "$JIXIAO" "$WORK/bin/jixiao"
      printf '#!/bin/sh\nexec setpriv --reuid=65534 --regid=65534 --clear-groups "%s" "$@"\n' \
        "$WORK/bin/jixiao" >"$WORK/bin/as-nobody"
      chmod 755 "$WORK/bin/as-nobody"
      jixiao=$WORK/bin/as-nobody
    fi
  fi
  (cd "$dir" && "$jixiao" "${args[@]}" >"$OUT" 2>"$ERR" </dev/null; echo $? >"$WORK/status")
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

case_ "explain of an empty code (an unset variable) is a usage error, not the list"
run explain ""
expect_status 2
expect_err "error[JX0707]: CODE: an empty value (an unset variable?)"
expect_no_out "JX0701"

case_ "explain without a code lists every code with its title"
run explain
expect_status 0
expect_out "JX0701  No such diagnostic code"

finish
