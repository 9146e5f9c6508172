# bash completion for jixiao (installed as
# share/bash-completion/completions/jixiao; or `source` this file).
#
# Completes the commands (and --lang before them), each command's options
# (those of `jixiao COMMAND --help`), the values of --format (each command's
# own formats), --lang, --color, --fail-on (eval: unmet none; monitor: red
# yellow none) and --unit, diagnostic codes for `explain`, and file
# arguments filtered to what the argument reads (directories always):
#   targets, --rules        *.yaml *.yml
#   --actuals (eval)        *.yaml *.yml *.csv
#   --actuals (monitor)     *.yaml *.yml *.csv (progress files)
#   merge REPORTS           *.json *.jsonl
#   import DOCUMENTS        *.docx *.txt
# It needs only bash; bash-completion's helpers are not required.

# _jixiao_files EXT...: files of cur ending in one of EXT (either case),
# and directories, into COMPREPLY.
_jixiao_files() {
  local ext pattern="" IFS=$'\n'
  for ext in "$@"; do pattern+="${pattern:+|}$ext|${ext^^}"; done
  local restore
  restore=$(shopt -p extglob)
  shopt -s extglob
  COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X "!*.@($pattern)" -- "$cur"))
  eval "$restore"
  compopt -o filenames 2>/dev/null
}

_jixiao() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  local commands="check eval template monitor merge rules import explain"
  local cmd="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      --lang) ((i++)) ;;  # its value is no command
      check | eval | template | monitor | merge | rules | import | explain) cmd=${COMP_WORDS[i]}; break ;;
    esac
  done
  COMPREPLY=()

  if [[ -z $cmd ]]; then
    if [[ $prev == --lang ]]; then
      COMPREPLY=($(compgen -W "zh en" -- "$cur"))
    elif [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "-h --help --version --lang" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$commands" -- "$cur"))
    fi
    return 0
  fi

  # The value of the option before the cursor.
  case $prev in
    -f | --format)
      local formats
      case $cmd in
        check) formats="text json" ;;
        eval | merge) formats="text json jsonl csv markdown junit github xlsx html" ;;
        monitor) formats="text json jsonl csv markdown junit github xlsx html" ;;
        template) formats="yaml csv" ;;
        rules) formats="yaml" ;;
      esac
      COMPREPLY=($(compgen -W "$formats" -- "$cur"))
      return 0 ;;
    --lang) COMPREPLY=($(compgen -W "zh en" -- "$cur")); return 0 ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return 0 ;;
    --fail-on)
      if [[ $cmd == monitor ]]; then
        COMPREPLY=($(compgen -W "red yellow none" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "unmet none" -- "$cur"))
      fi
      return 0 ;;
    --unit) COMPREPLY=($(compgen -W "元 千元 万元 亿元" -- "$cur")); return 0 ;;
    -r | --rules) _jixiao_files yaml yml; return 0 ;;
    -a | --actuals) _jixiao_files yaml yml csv; return 0 ;;
    -o | --output)
      COMPREPLY=($(compgen -f -- "$cur"))
      compopt -o filenames 2>/dev/null
      return 0 ;;
    -j | --jobs | --fail-under | --as-of | --xlsx-max-sheets | --year | --id-prefix | --max-*) return 0 ;;
  esac

  if [[ $cur == -* ]]; then
    local common="-h --help --lang --color"
    local limits="--max-file-size --max-scalar-size --max-depth --max-nodes --max-documents"
    local opts
    case $cmd in
      check) opts="-f --format -o --output -q --quiet -r --rules --strict -j --jobs $limits --max-indicators" ;;
      eval) opts="-a --actuals -f --format -o --output -q --quiet --csv-no-bom -r --rules --xlsx-max-sheets --strict --fail-on --fail-under --show-work -j --jobs $limits --max-indicators" ;;
      template) opts="--progress -f --format -o --output -q --quiet -r --rules --strict --force -j --jobs $limits --max-indicators" ;;
      monitor) opts="-a --actuals --as-of --fail-on --show-work -f --format -o --output -q --quiet --csv-no-bom -r --rules --xlsx-max-sheets --strict -j --jobs $limits --max-indicators" ;;
      merge) opts="-f --format -o --output -q --quiet --csv-no-bom --xlsx-max-sheets" ;;
      rules) opts="-r --rules -f --format -o --output -q --quiet --force $limits" ;;
      import) opts="-o --output --year --unit --id-prefix -q --quiet -r --rules --strict $limits --max-indicators" ;;
      explain) opts="" common="-h --help --lang" ;;
    esac
    COMPREPLY=($(compgen -W "$common $opts" -- "$cur"))
    return 0
  fi

  case $cmd in
    check | eval | template | monitor) _jixiao_files yaml yml ;;
    merge) _jixiao_files json jsonl ;;
    import) _jixiao_files docx txt ;;
    explain)
      local codes
      codes=$("${COMP_WORDS[0]}" explain --lang en 2>/dev/null | awk '/^JX[0-9]+/ {print $1}')
      COMPREPLY=($(compgen -W "$codes" -- "${cur^^}")) ;;
  esac
  return 0
}

complete -F _jixiao jixiao
