/* kgx_run: walk, pool, writers and sinks put together for one run. The only
 * place that decides what goes to the output streams. */
#include "run.h"
#include "explain.h"
#include "hash.h"
#include "pipe.h"
#include "pool.h"
#include "sink.h"
#include "stats.h"
#include "walk.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* One input, in command-line order: a path, or standard input's bytes. */
typedef struct {
	char *path;        /* as given or found; for standard input its name */
	char *data;        /* standard input, read up front; NULL for files */
	size_t len;        /* its length, or the file's size when listed */
	int named;         /* given on the command line */
	/* filled by a worker */
	kgx_buf rdf;       /* output held until its turn (at most KGX_RUN_HOLD) */
	kgx_buf explain;
	int streaming;     /* its turn came while it was written: the rest goes straight out */
	int input_failed, output_failed;
	const char *unreadable;  /* a file found in a directory, in this format */
	kgx_stats_doc counts;
} job;

typedef struct {
	const kgx_run_opts *opt;
	const kgx_rules *rules;
	kgx_out **outs;     /* a writer per worker */
	kgx_pool *pool;
	kgx_sink out, explain;
	int explaining;
	kgx_explain_mode mode;
	int counting;       /* a first walk that only counts, for the progress line */
	int progress;       /* standard error is a terminal and not --quiet */
	int input_failed, output_failed;
	int lost;           /* the graph's stream failed: no use reading on */
	size_t n_unreadable;
	char *first_unreadable;
	const char *first_format;
	kgx_stats tot;
} run_ctx;

static int read_stream(FILE *f, size_t max, kgx_buf *b, int *too_big)
{
	char chunk[65536];
	size_t n;
	*too_big = 0;
	b->len = 0;
	kgx_buf_add(b, "", 0);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b->len + n > max) {
			*too_big = 1;
			return 0;
		}
		if (kgx_buf_add(b, chunk, n))
			return -1;
	}
	return ferror(f) ? -1 : 0;
}

/* A piece of a document's output. Held while documents before it are still
 * being written; once it holds KGX_RUN_HOLD bytes, the worker waits for its
 * turn and then writes what it holds and every later piece itself. So a
 * document's output is never held whole, and the documents still come out
 * whole and in input order. */
typedef struct {
	run_ctx *c;
	job *j;
} piece_ctx;

static int put_piece(void *ctx, const char *s, size_t n)
{
	run_ctx *c = ((piece_ctx *)ctx)->c;
	job *j = ((piece_ctx *)ctx)->j;
	if (!j->streaming) {
		if (kgx_buf_add(&j->rdf, s, n))
			return -1;
		if (j->rdf.len < KGX_RUN_HOLD)
			return 0;
		kgx_pool_wait_turn(c->pool, j);
		j->streaming = 1;
		kgx_sink_write(&c->out, j->rdf.s, j->rdf.len);
		kgx_buf_free(&j->rdf);
	} else {
		kgx_sink_write(&c->out, s, n);
	}
	/* the stream reports its own failure, naming itself, when closed */
	return kgx_sink_failed(&c->out) ? -1 : 0;
}

static void process(run_ctx *c, kgx_out *out, job *j, const char *data, size_t len)
{
	kgx_doc doc;
	kgx_status st = kgx_doc_init(&doc, j->path, data, len);
	if (st == KGX_OK) {
		doc.format = c->opt->input_format;
		doc.explain = c->explaining;
		st = kgx_pipe_run(&doc, c->rules);
	}
	if (st == KGX_OK) {
		if (c->explaining)
			kgx_explain_doc(&doc, c->mode, &j->explain);
		if (c->opt->stats || c->progress)
			kgx_stats_count(&j->counts, &doc);
		piece_ctx pc = {c, j};
		st = kgx_out_doc_stream(out, &doc, put_piece, &pc);
		if (st != KGX_OK) {
			/* what was held is dropped; what went out already makes the
			 * output incomplete, which exit status 3 says, and an -o file
			 * is then left as it was */
			kgx_buf_free(&j->rdf);
			if (!j->streaming || !kgx_sink_failed(&c->out)) {
				kgx_loc loc = {j->path, 0, 0};
				kgx_diag(&loc, "cannot write the output: %s", kgx_strerror(st));
			}
			j->output_failed = 1;
		}
	} else {
		j->input_failed = 1;
	}
	if (doc.limits.hits && !c->opt->quiet) {
		kgx_loc loc = {j->path, 0, 0};
		kgx_diag(&loc, "warning: %lu pattern match%s stopped at the PCRE2 match or depth limit, "
		         "the first in rule '%s'",
		         doc.limits.hits, doc.limits.hits == 1 ? "" : "es", doc.limits.first_rule);
	}
	kgx_doc_release(&doc);
}

/* Read and process one job (on a worker thread). */
static void work(void *ctx, int worker, void *item)
{
	run_ctx *c = ctx;
	job *j = item;
	kgx_out *out = c->outs[worker];
	if (j->output_failed)
		return;  /* no memory for its path when it was listed */
	if (!out) {
		j->output_failed = 1;
		return;
	}
	if (j->data) {
		process(c, out, j, j->data, j->len);
		return;
	}
	kgx_loc loc = {j->path, 0, 0};
	FILE *f = fopen(j->path, "rb");
	if (!f) {
		kgx_diag(&loc, "cannot open: %s", strerror(errno));
		j->input_failed = 1;
		return;
	}
	kgx_buf b = {0};
	int too_big;
	if (read_stream(f, c->opt->max_size, &b, &too_big)) {
		kgx_diag(&loc, "cannot read: %s", strerror(errno));
		j->input_failed = 1;
	} else if (too_big) {
		kgx_diag(&loc, "skipped: larger than --max-size (%zu bytes)", c->opt->max_size);
		j->input_failed = 1;
	} else if (!j->named && !c->opt->input_format && (j->unreadable = kgx_walk_unreadable(b.s, b.len))) {
		/* counted, not reported one by one: a directory of letters may
		 * hold images and archives beside them */
	} else {
		process(c, out, j, b.s, b.len);
	}
	fclose(f);
	kgx_buf_free(&b);
}

/* Write a finished job and fold it into the totals (on the thread that
 * walks). */
static void done(void *ctx, void *item)
{
	run_ctx *c = ctx;
	job *j = item;
	kgx_sink_write(&c->out, j->rdf.s, j->rdf.len);
	c->lost = kgx_sink_failed(&c->out);
	if (c->explaining)
		kgx_sink_write(&c->explain, j->explain.s, j->explain.len);
	if (j->unreadable && !c->n_unreadable++) {
		c->first_unreadable = j->path;
		c->first_format = j->unreadable;
		j->path = NULL;
	}
	c->input_failed |= j->input_failed;
	c->output_failed |= j->output_failed;
	kgx_stats_add(&c->tot, &j->counts, j->len, j->input_failed || j->unreadable);
	if (c->progress)
		kgx_stats_progress(&c->tot, 0);
	kgx_buf_free(&j->rdf);
	kgx_buf_free(&j->explain);
	free(j->data);
	free(j->path);
}

/* Standard input, read whole, named by --stdin-name or by its contents. */
static int add_stdin(run_ctx *c)
{
	kgx_loc loc = {"-", 0, 0};
	kgx_buf b = {0};
	int too_big;
	if (read_stream(stdin, c->opt->max_size, &b, &too_big) || too_big) {
		if (too_big)
			kgx_diag(&loc, "skipped: standard input larger than --max-size");
		else
			kgx_diag(&loc, "cannot read standard input: %s", strerror(errno));
		c->input_failed = 1;
		kgx_buf_free(&b);
		return 0;
	}
	char name[32];
	if (!c->opt->stdin_name) {
		/* the same letter piped twice is one document, two letters two */
		snprintf(name, sizeof name, "stdin-%016llx",
		         (unsigned long long)kgx_hash(KGX_HASH_INIT, b.s ? b.s : "", b.len));
	}
	job *j = kgx_pool_slot(c->pool);
	j->path = strdup(c->opt->stdin_name ? c->opt->stdin_name : name);
	j->data = b.s ? b.s : strdup("");
	j->len = b.len;
	j->named = 1;
	if (!j->path || !j->data) {
		free(j->path);
		free(j->data);
		j->path = j->data = NULL;
		j->output_failed = 1;
	}
	kgx_pool_submit(c->pool);
	return 0;
}

static int found(void *ctx, const char *path, const struct stat *sb, int named)
{
	run_ctx *c = ctx;
	if (c->counting) {
		c->tot.total_docs++;
		c->tot.total_bytes += sb && S_ISREG(sb->st_mode) ? (size_t)sb->st_size : 0;
		return 0;
	}
	if (c->lost)
		return 1;  /* the output is lost: no use reading on */
	if (!sb)
		return add_stdin(c);
	job *j = kgx_pool_slot(c->pool);
	j->path = strdup(path);
	j->len = S_ISREG(sb->st_mode) ? (size_t)sb->st_size : 0;
	j->named = named;
	if (!j->path)
		j->output_failed = 1;
	kgx_pool_submit(c->pool);
	return 0;
}

/* Refuse an output file that is also an input named on the command line:
 * --explain=FILE would truncate it before it is read, and -o would read
 * its own previous output. */
static int clobbers_input(const char *out, const char *what, char *const *paths, int n)
{
	struct stat os, is;
	if (!out || stat(out, &os) || !S_ISREG(os.st_mode))
		return 0;
	for (int i = 0; i < n; i++)
		if (strcmp(paths[i], "-") && !stat(paths[i], &is) && is.st_dev == os.st_dev && is.st_ino == os.st_ino) {
			kgx_loc loc = {out, 0, 0};
			kgx_diag(&loc, "refused as %s: it is also an input (%s)", what, paths[i]);
			return 1;
		}
	return 0;
}

static int same_file(const char *a, const char *b)
{
	struct stat as, bs;
	if (stat(a, &as) || stat(b, &bs))
		return !strcmp(a, b);
	return as.st_dev == bs.st_dev && as.st_ino == bs.st_ino;
}

int kgx_run(const kgx_run_opts *opt, const kgx_rules *rules, char *const *paths, int n)
{
	if (clobbers_input(opt->output, "the output file (-o)", paths, n) ||
	    clobbers_input(opt->explain_file, "the --explain file", paths, n))
		return KGX_EXIT_USAGE;
	if (opt->output && opt->explain_file && same_file(opt->output, opt->explain_file)) {
		kgx_loc loc = {opt->explain_file, 0, 0};
		kgx_diag(&loc, "refused as the --explain file: it is also the output file (-o)");
		return KGX_EXIT_USAGE;
	}
	run_ctx c = {0};
	c.opt = opt;
	c.rules = rules;
	c.progress = !opt->quiet && isatty(STDERR_FILENO) && !getenv("KGX_NO_PROGRESS");
	kgx_stats_init(&c.tot);

	/* the output files exist before any input is read, so that the walk
	 * knows them and a file that cannot be written costs no work */
	if (!opt->output)
		kgx_sink_std(&c.out, stdout, "standard output");
	else if (kgx_sink_replace(&c.out, opt->output) != KGX_OK)
		return KGX_EXIT_OUTPUT;
	if (opt->explain) {
		c.explaining = 1;
		if (opt->explain_file) {
			c.mode = KGX_EXPLAIN_TSV;
			if (kgx_sink_direct(&c.explain, opt->explain_file)) {
				kgx_sink_close(&c.out, 0);
				return KGX_EXIT_OUTPUT;
			}
			kgx_sink_write(&c.explain, kgx_explain_tsv_header, strlen(kgx_explain_tsv_header));
		} else {
			/* https://no-color.org: any non-empty NO_COLOR turns colours off */
			int colour = isatty(STDERR_FILENO) && !(getenv("NO_COLOR") && *getenv("NO_COLOR"));
			c.mode = colour ? KGX_EXPLAIN_COLOUR : KGX_EXPLAIN_TEXT;
			kgx_sink_std(&c.explain, stderr, "standard error");
		}
	}
	kgx_walk *walk = kgx_walk_new();
	if (!walk)
		c.output_failed = 1;
	for (size_t i = 0; walk && i < opt->n_globs; i++)
		if (kgx_walk_glob(walk, opt->globs[i], opt->glob_exclude[i]) != KGX_OK)
			c.output_failed = 1;
	for (int i = 0; walk && i < c.out.n_ids; i++)
		kgx_walk_skip(walk, c.out.ids[i].dev, c.out.ids[i].ino);
	for (int i = 0; walk && c.explaining && i < c.explain.n_ids; i++)
		kgx_walk_skip(walk, c.explain.ids[i].dev, c.explain.ids[i].ino);
	struct stat err;
	if (walk && !fstat(STDERR_FILENO, &err) && S_ISREG(err.st_mode))
		kgx_walk_skip(walk, err.st_dev, err.st_ino);  /* kgx dir/ 2>dir/log */

	if (c.progress && walk) {
		/* a first walk that only counts, so the progress line knows the total */
		c.counting = 1;
		kgx_diag_quiet(2);
		for (int i = 0; i < n; i++)
			kgx_walk_path(walk, paths[i], found, &c);
		kgx_diag_quiet(opt->quiet);
		c.counting = 0;
	}
	const char *head = kgx_out_header(opt->fmt);
	kgx_sink_write(&c.out, head, strlen(head));
	int jobs = opt->jobs < 1 ? 1 : opt->jobs > 256 ? 256 : opt->jobs;
	c.outs = calloc((size_t)jobs, sizeof *c.outs);
	/* writers are made here and freed after the join, one thread at a
	 * time: a writer that holds process-wide state (a raptor2 world
	 * touches libxml2's and libxslt's) cannot be set up or torn down while
	 * other threads run */
	for (int i = 0; c.outs && i < jobs; i++)
		if ((c.outs[i] = kgx_out_new(opt->fmt, opt->base)))
			kgx_out_set_mentions(c.outs[i], opt->mentions);
	if (!c.outs || !walk || kgx_pool_new(&c.pool, jobs, sizeof(job), work, done, &c) != KGX_OK) {
		c.output_failed = 1;
	} else {
		for (int i = 0; i < n; i++) {
			int r = kgx_walk_path(walk, paths[i], found, &c);
			c.input_failed |= r > 0;
			if (r < 0)
				break;
		}
		kgx_pool_finish(c.pool);
	}
	if (c.progress)
		kgx_stats_progress(&c.tot, 1);
	for (int i = 0; c.outs && i < jobs; i++)
		kgx_out_free(c.outs[i]);
	free(c.outs);
	kgx_walk_free(walk);
	const char *foot = kgx_out_footer(opt->fmt);
	kgx_sink_write(&c.out, foot, strlen(foot));
	if (c.n_unreadable)
		kgx_diag(NULL, "note: skipped %zu file%s in formats kgx does not read (the first: %s, %s)",
		         c.n_unreadable, c.n_unreadable == 1 ? "" : "s", c.first_unreadable, c.first_format);
	free(c.first_unreadable);
	if (opt->stats)
		kgx_stats_print(&c.tot, opt->stats_json, stderr);
	kgx_stats_free(&c.tot);
	/* each stream on its own: a failed --explain file does not cost the
	 * graph, nor a failed graph the --explain file */
	int failed = c.output_failed;
	if (c.explaining && kgx_sink_close(&c.explain, 1) != KGX_OK)
		failed = 1;
	if (c.output_failed && opt->output && !kgx_sink_failed(&c.out)) {
		kgx_loc loc = {opt->output, 0, 0};
		kgx_diag(&loc, "left as it was: the graph is incomplete");
	}
	if (kgx_sink_close(&c.out, !c.output_failed) != KGX_OK)
		failed = 1;
	if (failed)
		return KGX_EXIT_OUTPUT;
	return c.input_failed ? KGX_EXIT_INPUT : 0;
}
