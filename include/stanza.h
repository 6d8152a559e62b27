/* kgx_stanza: reader for the `[id]` / `key = value` format of rules/. */
#ifndef KGX_STANZA_H
#define KGX_STANZA_H

#include "arena.h"
#include "common.h"

typedef struct {
	const char *key;     /* NULL for a stanza header */
	size_t key_len;
	const char *value;   /* header: the id; else the value, trimmed */
	size_t value_len;
	kgx_loc loc;         /* of the key (or of the header's id) */
	unsigned value_col;  /* column of the value's first byte */
} kgx_stanza_line;

/* Called once per header and per key line; a non-OK return stops reading. */
typedef kgx_status (*kgx_stanza_fn)(void *ctx, const kgx_stanza_line *line);

/* Read `path` and call fn for each line. Lines may not exceed max_line bytes.
 * A value continues on following lines that start with whitespace: the
 * newline and the indentation are dropped and the rest is appended, so long
 * patterns can be split anywhere. Reports syntax errors as file:line:col. */
kgx_status kgx_stanza_read_file(const char *path, size_t max_line,
                                kgx_stanza_fn fn, void *ctx);
/* The same over a buffer; `name` is used in diagnostics. A UTF-8 byte
 * order mark at the start is skipped; lines end in LF, CR LF or CR. */
kgx_status kgx_stanza_read(const char *name, const char *text, size_t len,
                           size_t max_line, kgx_stanza_fn fn, void *ctx);

/* Largest rule or knowledge file kgx reads. */
#define KGX_STANZA_MAX_FILE (64u << 20)

/* Replace b's contents with the file at path, which must be a regular file
 * of at most KGX_STANZA_MAX_FILE bytes: a FIFO, a device (/dev/zero) or a
 * directory is refused without blocking or reading it. Reports what went
 * wrong, naming the file; KGX_ERR_IO then. */
kgx_status kgx_stanza_slurp(kgx_buf *b, const char *path);

#endif
