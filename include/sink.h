/* kgx_sink: where output goes, and what happens to it when writing fails or
 * kgx is stopped: standard output, a file replaced atomically (-o), or a
 * file written directly (--explain=FILE). Every failure is reported naming
 * the stream. */
#ifndef KGX_SINK_H
#define KGX_SINK_H

#include "common.h"

#include <stdio.h>
#include <sys/types.h>

typedef struct {
	dev_t dev;
	ino_t ino;
} kgx_file_id;

typedef struct {
	FILE *f;
	const char *name;  /* for messages: the path as given, or "standard output" */
	char *target;      /* -o: the file that the commit replaces, links followed */
	char *tmp;         /* -o: the temporary file, NULL when writing through */
	int std;           /* f is a standard stream: never closed */
	int err;           /* errno of the first failure; -1 failed without one */
	/* the files this sink writes or replaces, which no input may be */
	kgx_file_id ids[2];
	int n_ids;
} kgx_sink;

/* A standard stream, named for messages ("standard output"). */
void kgx_sink_std(kgx_sink *s, FILE *f, const char *name);
/* -o PATH. A regular file (or one that does not exist yet) is written as
 * PATH.kgx-XXXXXX beside it and renamed over it at commit, keeping an
 * existing file's mode (and owner and group where allowed); a symbolic link
 * is followed and its target replaced; anything else that exists (a device,
 * a FIFO) is written through and never replaced; a directory is refused.
 * The temporary file is removed if SIGINT, SIGTERM, SIGHUP or SIGPIPE ends
 * kgx. Reports a failure; KGX_ERR_OUTPUT then. */
kgx_status kgx_sink_replace(kgx_sink *s, const char *path);
/* PATH written directly, truncated first (--explain=FILE). */
kgx_status kgx_sink_direct(kgx_sink *s, const char *path);
/* Write data; after a failure, nothing more is written. */
void kgx_sink_write(kgx_sink *s, const void *data, size_t len);
int kgx_sink_failed(const kgx_sink *s);
/* Flush and close. With commit, an -o file is renamed into place; without
 * (or when the sink failed), its temporary file is removed and the file
 * left as it was. Reports a failure naming the stream: KGX_ERR_OUTPUT. */
kgx_status kgx_sink_close(kgx_sink *s, int commit);
/* Whether the file sb describes is one this sink writes or replaces. */
int kgx_sink_owns(const kgx_sink *s, dev_t dev, ino_t ino);

#endif
