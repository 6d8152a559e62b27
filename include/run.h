/* kgx_run: one extraction run of the command line: the inputs walked, the
 * documents processed on a pool of threads and written in input order, with
 * --explain and --stats beside. */
#ifndef KGX_RUN_H
#define KGX_RUN_H

#include "out.h"
#include "rules.h"

/* Exit statuses (docs/cli.md). */
enum {
	KGX_EXIT_INPUT = 1,   /* some input could not be read; the rest was processed */
	KGX_EXIT_USAGE = 2,   /* bad options or invalid rules: nothing was processed */
	KGX_EXIT_OUTPUT = 3   /* some output could not be written */
};

#define KGX_RUN_MAX_GLOBS 64

/* The output a document may hold while the documents before it are still
 * being written; beyond it, its thread waits for its turn and then writes
 * the rest as it is made (docs/cli.md, "Limits"). */
#define KGX_RUN_HOLD (1u << 20)

typedef struct {
	kgx_format fmt;
	const char *output;        /* -o FILE, or NULL for standard output */
	const char *base;          /* NULL: the default */
	size_t max_size;
	int jobs;
	int mentions;
	int quiet;
	int explain;               /* --explain */
	const char *explain_file;  /* --explain=FILE, else NULL */
	int stats, stats_json;
	const char *stdin_name;    /* --stdin-name, else NULL */
	kgx_read_format input_format;  /* --input-format; KGX_READ_AUTO: by content */
	const char *globs[KGX_RUN_MAX_GLOBS];  /* --glob and --exclude in order */
	int glob_exclude[KGX_RUN_MAX_GLOBS];
	size_t n_globs;
} kgx_run_opts;

/* Process paths[0..n) with rules and write the graph; returns the exit
 * status. */
int kgx_run(const kgx_run_opts *opt, const kgx_rules *rules, char *const *paths, int n);

#endif
