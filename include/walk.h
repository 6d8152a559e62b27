/* kgx_walk: input selection. The paths of the command line in order, each
 * directory read recursively in sorted order, filtered by --glob and
 * --exclude as ripgrep filters, never a file kgx itself writes. */
#ifndef KGX_WALK_H
#define KGX_WALK_H

#include "common.h"

#include <stddef.h>
#include <sys/stat.h>

typedef struct kgx_walk kgx_walk;

/* Called for each input chosen: sb is NULL for standard input ("-"); named
 * is 1 for a path given on the command line, 0 for one found in a
 * directory. A non-zero return stops the walk. */
typedef int (*kgx_walk_found)(void *ctx, const char *path, const struct stat *sb, int named);

kgx_walk *kgx_walk_new(void);
void kgx_walk_free(kgx_walk *w);
/* A glob as ripgrep's -g takes it: files found in a directory are read
 * only if they match one (when there is any); with exclude (ripgrep's
 * "!GLOB"), the files and directories that match are left out. A glob
 * with no "/" is matched against the name, else against the path below the
 * directory given (a leading "/" anchors it there); "**" spans directories;
 * a trailing "/" matches directories only; the last glob that matches
 * decides. Paths named on the command line are read whatever the globs
 * say. KGX_ERR_USAGE for an empty glob. */
kgx_status kgx_walk_glob(kgx_walk *w, const char *glob, int exclude);
/* Never choose this file (kgx's own output, its temporary file). */
kgx_status kgx_walk_skip(kgx_walk *w, dev_t dev, ino_t ino);
/* Walk one path of the command line. Returns 1 when an input had to be
 * skipped (a missing file, a directory loop, a dangling link: each
 * reported), -1 when found stopped the walk, else 0. */
int kgx_walk_path(kgx_walk *w, const char *path, kgx_walk_found found, void *ctx);

/* The name of a format kgx has no reader for (kgx_read_unsupported), or
 * "binary data" for what would be read as text but has a NUL byte; NULL
 * for what kgx reads. */
const char *kgx_walk_unreadable(const char *data, size_t len);

#endif
