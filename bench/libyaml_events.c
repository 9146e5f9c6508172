/* jixiao-libyaml-events: the libyaml C parser (the parser behind PyYAML)
 * reading every *.yaml / *.yml file below the given directories, events only,
 * each file read whole into memory first. A baseline row of bench/run.sh: what
 * reading the same YAML costs a fast C parser that builds nothing. Built only
 * for the benchmark (libyaml-dev); jixiao itself reads YAML with yaml-cpp.
 *
 *   jixiao-libyaml-events DIR...      prints "files events" on stdout
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static unsigned long long files, events;

static int has_suffix(const char* s, const char* suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int visit(const char* path, const struct stat* st, int type, struct FTW* ftw) {
  (void)ftw;
  if (type != FTW_F || !(has_suffix(path, ".yaml") || has_suffix(path, ".yml"))) return 0;
  FILE* f = fopen(path, "rb");
  if (!f) { perror(path); exit(2); }
  size_t size = (size_t)st->st_size;
  unsigned char* buf = malloc(size ? size : 1);
  if (!buf || fread(buf, 1, size, f) != size) { perror(path); exit(2); }
  fclose(f);
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, buf, size);
  for (;;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      fprintf(stderr, "%s: %s\n", path, parser.problem ? parser.problem : "parse error");
      exit(2);
    }
    int done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    ++events;
    if (done) break;
  }
  yaml_parser_delete(&parser);
  free(buf);
  ++files;
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: jixiao-libyaml-events DIR...\n");
    return 2;
  }
  for (int i = 1; i < argc; ++i) {
    if (nftw(argv[i], visit, 32, FTW_PHYS) != 0) { perror(argv[i]); return 2; }
  }
  printf("%llu files, %llu events\n", files, events);
  return 0;
}
