/*
 * floor.c — the benchmark's floor: a bare libcmark-gfm parse of every file listed, in one process.
 *
 *     floor -l LIST_FILE      (one path a line)
 *     floor FILE...
 *
 * For each file: read its bytes, make a parser with the table, tasklist, strikethrough and autolink
 * extensions (as speckit does), feed, finish, free. No rendering, no model, no rules: this is what
 * parsing alone costs, so `speckit validate` can be compared with it. Prints files, bytes, seconds.
 * Built by scripts/bench.sh:
 *     cc -O2 floor.c $(pkg-config --cflags --libs libcmark-gfm) -lcmark-gfm-extensions
 */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *extensions[] = {"table", "tasklist", "strikethrough", "autolink"};

/* Reads the whole file into *buffer (grown as needed); returns its length, or -1. */
static long read_file(const char *path, char **buffer, size_t *capacity) {
    FILE *file = fopen(path, "rb");
    if (!file) return -1;
    size_t length = 0, got;
    for (;;) {
        if (length == *capacity) {
            *capacity = *capacity ? *capacity * 2 : 1 << 16;
            *buffer = realloc(*buffer, *capacity);
            if (!*buffer) { fclose(file); return -1; }
        }
        got = fread(*buffer + length, 1, *capacity - length, file);
        if (got == 0) break;
        length += got;
    }
    int failed = ferror(file);
    fclose(file);
    return failed ? -1 : (long)length;
}

static int parse_one(const char *path, char **buffer, size_t *capacity, long long *bytes) {
    long length = read_file(path, buffer, capacity);
    if (length < 0) { fprintf(stderr, "floor: cannot read %s\n", path); return 1; }
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++) {
        cmark_syntax_extension *extension = cmark_find_syntax_extension(extensions[i]);
        if (!extension) { fprintf(stderr, "floor: no cmark-gfm extension %s\n", extensions[i]); return 1; }
        cmark_parser_attach_syntax_extension(parser, extension);
    }
    cmark_parser_feed(parser, *buffer, (size_t)length);
    cmark_node *root = cmark_parser_finish(parser);
    if (root) cmark_node_free(root);
    cmark_parser_free(parser);
    *bytes += length;
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
        fprintf(stderr, "usage: floor -l LIST_FILE | floor FILE...\n");
        return 2;
    }
    cmark_gfm_core_extensions_ensure_registered();
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    char *buffer = NULL, line[4096];
    size_t capacity = 0;
    long long files = 0, bytes = 0;
    if (strcmp(argv[1], "-l") == 0) {
        FILE *list = argc == 3 ? fopen(argv[2], "r") : NULL;
        if (!list) { fprintf(stderr, "floor: cannot read the list %s\n", argc == 3 ? argv[2] : "(missing)"); return 2; }
        while (fgets(line, sizeof line, list)) {
            line[strcspn(line, "\r\n")] = '\0';
            if (!*line) continue;
            if (parse_one(line, &buffer, &capacity, &bytes)) return 1;
            files++;
        }
        fclose(list);
    } else {
        for (int i = 1; i < argc; i++, files++)
            if (parse_one(argv[i], &buffer, &capacity, &bytes)) return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (double)(end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
    printf("floor: %lld files, %lld bytes, %.3f s, %.1f MB/s\n", files, bytes, seconds, bytes / 1e6 / seconds);
    free(buffer);
    return 0;
}
