/* kgx: command-line front end. The only place that turns statuses into exit
 * codes and the only place that decides what goes to stdout. */
#define _GNU_SOURCE
#include "hash.h"
#include "common.h"
#include "out.h"
#include "pipe.h"
#include "rules.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <pthread.h>
#include <time.h>

enum {
	EXIT_INPUT = 1,   /* some input could not be read; the rest was processed */
	EXIT_USAGE = 2,   /* bad options or invalid rules: nothing was processed */
	EXIT_OUTPUT = 3   /* the output could not be written */
};

#define DEFAULT_MAX_SIZE (64u * 1024u * 1024u)

static const char usage[] =
	"usage: kgx [OPTIONS] PATH...\n"
	"Extract a knowledge graph from Dutch government letters as RDF.\n"
	"PATH is a file, a directory (read recursively, sorted) or - for stdin.\n"
	"\n"
	"  -f, --format FMT     turtle (default), ntriples, nquads, or dot (the entity\n"
	"                       graph for Graphviz)\n"
	"  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
	"      --base IRI       base for minted IRIs (default https://w3id.org/kgx/)\n"
	"      --rules DIR      also load the rules in DIR (repeatable)\n"
	"      --no-default-rules  load only the --rules directories\n"
	"      --check-rules    compile all rules, run their examples, and exit\n"
	"      --list-rules     list rules and knowledge-base sizes, and exit\n"
	"      --max-size BYTES skip documents larger than this (default 64M)\n"
	"      --mentions       also write NIF 2.0 annotations of every mention\n"
	"      --ontology       write the kgx ontology in the chosen format, and exit\n"
	"      --explain[=FILE] show each document with its mentions marked, and each\n"
	"                       relation with its sentence, the rule that fired and the\n"
	"                       rules that lost, on stderr (or relations as TSV in FILE)\n"
	"  -j, --jobs N         documents processed in parallel (default: all CPUs);\n"
	"                       the output is the same for every N\n"
	"      --stats[=json]   a summary on stderr at the end (or as JSON)\n"
	"  -q, --quiet          no warnings and no progress display, only errors\n"
	"  -h, --help           show this help\n"
	"  -V, --version        show the version\n"
	"\n"
	"Exit status: 0 success, 1 some input was skipped (the rest is written),\n"
	"2 usage or rule error, 3 output error. See kgx(1).\n";

typedef struct {
	kgx_format fmt;
	const char *output;
	const char *base;
	const char *rule_dirs[32];
	size_t n_rule_dirs;
	int default_rules;
	int check_rules, list_rules, quiet;
	size_t max_size;
	int explain;
	const char *explain_file;
	int jobs;
	int mentions, ontology;
	int stats, stats_json;
	int explain_colour;  /* --explain on a terminal without NO_COLOR */
	int progress;  /* stderr is a terminal and not --quiet */
} options;

/* An entity as counted for --stats. */
typedef struct {
	char *id, *label;
	int cls;
	unsigned long mentions, docs;
} counted;

/* One input, in command-line order: a path, or standard input's bytes. */
typedef struct {
	char *path;
	char *data;      /* standard input, read up front; NULL for files */
	size_t len;      /* its length, or the file's size when listed */
	/* filled by a worker */
	kgx_buf rdf, explain;
	int input_failed, output_failed, done;
	unsigned long relations[KGX_NPREDICATES];
	kgx_vec entities;  /* counted, when --stats or progress wants them */
} job;

/* Totals over the run, kept by the writer (main) thread. */
typedef struct {
	size_t bytes, docs, failed;
	unsigned long relations[KGX_NPREDICATES], n_relations, n_mentions;
	counted *table;  /* open addressing by id */
	size_t cap, n;
	double start;
} totals;

typedef struct {
	const options *opt;
	kgx_rules *rules;
	FILE *sink;
	FILE *explain;
	int input_failed;
	int output_failed;
	/* jobs live in a ring of `window` slots, numbered in input order:
	 * queued have been read from the command line, next is the next for a
	 * worker, written have gone to the output. The walk of the inputs waits
	 * (writing finished jobs) while the ring is full, so memory does not
	 * grow with the number of documents. */
	job *ring;
	size_t queued;
	int closed;           /* the walk is over */
	int counting;         /* a first walk that only counts, for the progress line */
	size_t total_docs;
	/* directories on the current path, to break symlink loops */
	struct { dev_t dev; ino_t ino; } stack[256];
	size_t depth;
	/* the window of jobs in flight: workers take jobs in order and may run
	 * at most `window` ahead of the writer, which bounds memory */
	pthread_mutex_t lock;
	pthread_cond_t cond;
	size_t next, written, window;
	totals tot;
	size_t total_bytes;
} run_ctx;

/* ------------------------------------------------------------ rules */

/* The built-in rules: $KGX_RULES, else next to the installed binary
 * (PREFIX/share/kgx/rules), else the source tree this binary was built from. */
static const char *default_rules_dir(char *buf, size_t size)
{
	const char *env = getenv("KGX_RULES");
	if (env && *env)
		return env;
	char exe[PATH_MAX - 32];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			struct stat sb;
			snprintf(buf, size, "%s/../share/kgx/rules", exe);
			if (!stat(buf, &sb) && S_ISDIR(sb.st_mode))
				return buf;
		}
	}
#ifdef KGX_SOURCE_RULES
	return KGX_SOURCE_RULES;
#else
	return "rules";
#endif
}

static kgx_rules *load_rules(const options *opt, int strict, kgx_status *st)
{
	kgx_rules *r = kgx_rules_new();
	if (!r) {
		*st = KGX_ERR_NOMEM;
		return NULL;
	}
	char buf[PATH_MAX];
	*st = KGX_OK;
	if (opt->default_rules)
		*st = kgx_rules_load_dir(r, default_rules_dir(buf, sizeof buf));
	for (size_t i = 0; *st == KGX_OK && i < opt->n_rule_dirs; i++)
		*st = kgx_rules_load_dir(r, opt->rule_dirs[i]);
	if (*st == KGX_OK)
		*st = kgx_rules_compile(r, strict);
	if (*st != KGX_OK) {
		kgx_rules_free(r);
		return NULL;
	}
	return r;
}

/* Whether id is an element of the comma-separated list. */
static int in_list(const char *list, const char *id)
{
	size_t n = strlen(id);
	for (const char *p = list; p && *p;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && !strncmp(p, id, n))
			return 1;
		p = e ? e + 1 : NULL;
	}
	return 0;
}

/* Run every rule's examples through the whole pipeline. */
static int check_examples(kgx_rules *r)
{
	int failed = 0;
	size_t n_ex = 0;
	for (size_t i = 0; i < kgx_rules_count(r); i++) {
		const kgx_rule *ru = kgx_rules_get(r, i);
		for (int want = 1; want >= 0; want--) {
			char **ex = want ? ru->fires : ru->silent;
			size_t n = want ? ru->n_fires : ru->n_silent;
			for (size_t k = 0; k < n; k++) {
				kgx_doc doc;
				n_ex++;
				if (kgx_doc_init(&doc, "example", ex[k], strlen(ex[k])) != KGX_OK ||
				    kgx_pipe_run(&doc, r) != KGX_OK) {
					kgx_doc_release(&doc);
					return -1;
				}
				int fired = 0;
				if (ru->kind == KGX_RULE_CLASSIFY) {
					/* a classify rule looks at a name: try it on the example itself */
					pcre2_match_data *md = pcre2_match_data_create(8, NULL);
					fired = md && kgx_rules_match(r, ru->code, ex[k], strlen(ex[k]), 0, md, NULL, ru->id) >= 0;
					pcre2_match_data_free(md);
					fired += 2;  /* checked; the loops below must not change it */
				}
				if (ru->kind == KGX_RULE_META)
					fired = 2 + (!strcmp(ru->meta_field, "date") ? doc.date != NULL : doc.kamerstuk != NULL);
				/* a rule fires when it matched, whether it won or lost */
				for (size_t m = 0; m < doc.relations.len && !fired; m++) {
					const kgx_relation *rel = &KGX_VEC_AT(&doc.relations, kgx_relation, m);
					fired = !strcmp(rel->rule, ru->id) || (rel->lost && in_list(rel->lost, ru->id));
				}
				for (size_t m = 0; m < doc.mentions.len && !fired; m++)
					fired = !strcmp(KGX_VEC_AT(&doc.mentions, kgx_mention, m).rule, ru->id);
				for (size_t m = 0; m < doc.silenced.len && !fired; m++)
					fired = !strcmp(KGX_VEC_AT(&doc.silenced, const char *, m), ru->id);
				if (fired >= 2)
					fired -= 2;
				if (fired != want) {
					kgx_diag(&ru->loc, "rule '%s' %s on its example: %s", ru->id,
					         want ? "does not fire" : "fires", ex[k]);
					failed++;
				}
				kgx_doc_release(&doc);
			}
		}
	}
	fprintf(stderr, "kgx: %zu rules, %zu examples, %d failed\n", kgx_rules_count(r), n_ex, failed);
	return failed;
}

static void list_rules(kgx_rules *r)
{
	static const char *kinds[] = {"relation", "entity", "classify", "meta"};
	for (size_t i = 0; i < kgx_rules_count(r); i++) {
		const kgx_rule *ru = kgx_rules_get(r, i);
		printf("%s\t%s\t%d\t%s:%u\n", ru->id, kinds[ru->kind], ru->priority, ru->loc.file, ru->loc.line);
	}
	size_t per[KGX_NCLASSES], aliases;
	size_t n = kgx_kb_count(kgx_rules_kb(r), per, &aliases);
	printf("# knowledge base: %zu entries, %zu names\n", n, aliases);
	for (int c = 0; c < KGX_NCLASSES; c++)
		printf("# %s\t%zu\n", kgx_class_name(c), per[c]);
}

/* ------------------------------------------------------------ input */

/* ANSI colours per class, for a terminal. */
static const char *const class_colour[KGX_NCLASSES] = {
	"34", "33", "32", "35", "35", "36", "94", "92", "93", "37",
};

/* The normalised text with every mention marked with its class and the id
 * of its entity, "[Nederland]{Country netherlands}", so that a wrong link
 * shows; in colour with the class and id dimmed when `colour` is set. */
static void explain_text(const kgx_doc *doc, kgx_buf *b, int colour)
{
	kgx_buf_printf(b, "%s%s%s\n", colour ? "\x1b[1m" : "== ", doc->path, colour ? "\x1b[0m" : "");
	uint32_t at = 0;
	for (size_t i = 0; i < doc->mentions.len; i++) {
		const kgx_mention *m = &KGX_VEC_AT(&doc->mentions, kgx_mention, i);
		if (m->span.begin < at)
			continue;  /* nested inside the previous mention */
		kgx_buf_add(b, doc->text + at, m->span.begin - at);
		int c = kgx_class_primary(m->entry->classes);
		const char *cls = kgx_class_name(c);
		const char *weak = m->kind == KGX_M_WEAK ? "~" : "";
		if (colour)
			kgx_buf_printf(b, "\x1b[1;%sm%.*s\x1b[0m\x1b[2m{%s%s %s}\x1b[0m", class_colour[c < 0 ? 0 : c],
			               (int)(m->span.end - m->span.begin), doc->text + m->span.begin, weak, cls,
			               m->entry->id);
		else
			kgx_buf_printf(b, "[%.*s]{%s%s %s}", (int)(m->span.end - m->span.begin),
			               doc->text + m->span.begin, weak, cls, m->entry->id);
		at = m->span.end;
	}
	kgx_buf_add(b, doc->text + at, doc->text_len - at);
	kgx_buf_add(b, "\n\n", 2);
}

static void explain(const options *opt, const kgx_doc *doc, kgx_buf *b)
{
	int tsv = opt->explain_file != NULL;
	if (!tsv)
		explain_text(doc, b, opt->explain_colour);
	kgx_buf sentence = {0};
	for (size_t i = 0; i < doc->relations.len; i++) {
		const kgx_relation *r = &KGX_VEC_AT(&doc->relations, kgx_relation, i);
		const kgx_sentence *s = &KGX_VEC_AT(&doc->sentences, kgx_sentence, r->sentence);
		const char *subj = r->s ? r->s->id : "(this document)";
		/* tabs and line breaks in the sentence become spaces */
		sentence.len = 0;
		kgx_buf_add(&sentence, "", 0);
		for (uint32_t k = s->span.begin; k < s->span.end; k++) {
			char ch = doc->text[k];
			kgx_buf_addc(&sentence, ch == '\t' || ch == '\n' || ch == '\r' ? ' ' : ch);
		}
		if (tsv)
			kgx_buf_printf(b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", doc->path, subj,
			               kgx_predicate_name(r->predicate), r->o->id, r->rule, r->lost ? r->lost : "",
			               r->amount ? r->amount : "", r->currency ? r->currency : "", sentence.s);
		else
			kgx_buf_printf(b, "%s: %s %s %s [%s%s%s]%s%s%s%s\n    %s\n", doc->path, subj,
			               kgx_predicate_name(r->predicate), r->o->id, r->rule,
			               r->lost ? "; lost: " : "", r->lost ? r->lost : "",
			               r->amount ? " amount " : "", r->amount ? r->amount : "",
			               r->currency ? " " : "", r->currency ? r->currency : "", sentence.s);
	}
	kgx_buf_free(&sentence);
}

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

/* Per document: relations per predicate and mentions per entity. */
static void count_doc(const kgx_doc *doc, job *j)
{
	for (size_t i = 0; i < doc->relations.len; i++)
		j->relations[KGX_VEC_AT(&doc->relations, kgx_relation, i).predicate]++;
	kgx_vec_init(&j->entities, sizeof(counted));
	for (size_t i = 0; i < doc->mentions.len; i++) {
		const kgx_mention *m = &KGX_VEC_AT(&doc->mentions, kgx_mention, i);
		if (m->kind != KGX_M_STRONG)
			continue;
		counted *c = NULL;
		for (size_t k = 0; k < j->entities.len && !c; k++)
			if (!strcmp(KGX_VEC_AT(&j->entities, counted, k).id, m->entry->id))
				c = &KGX_VEC_AT(&j->entities, counted, k);
		if (!c && (c = kgx_vec_push(&j->entities))) {
			c->id = strdup(m->entry->id);
			c->label = strdup(m->entry->label);
			c->cls = kgx_class_primary(m->entry->classes);
			c->docs = 1;
		}
		if (c)
			c->mentions++;
	}
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t hash_id(const char *s)
{
	return kgx_hash(KGX_HASH_INIT, s, strlen(s));
}

/* Fold a finished job's counts into the run's totals (main thread). */
static void add_totals(totals *t, job *j)
{
	for (int p = 0; p < KGX_NPREDICATES; p++) {
		t->relations[p] += j->relations[p];
		t->n_relations += j->relations[p];
	}
	for (size_t i = 0; i < j->entities.len; i++) {
		counted *c = &KGX_VEC_AT(&j->entities, counted, i);
		t->n_mentions += c->mentions;
		if ((t->n + 1) * 2 > t->cap) {
			size_t cap = t->cap ? t->cap * 2 : 1024;
			counted *nt = calloc(cap, sizeof *nt);
			if (!nt)
				goto drop;
			for (size_t k = 0; k < t->cap; k++)
				if (t->table[k].id) {
					size_t h = hash_id(t->table[k].id) & (cap - 1);
					while (nt[h].id)
						h = (h + 1) & (cap - 1);
					nt[h] = t->table[k];
				}
			free(t->table);
			t->table = nt;
			t->cap = cap;
		}
		size_t h = hash_id(c->id) & (t->cap - 1);
		while (t->table[h].id && strcmp(t->table[h].id, c->id))
			h = (h + 1) & (t->cap - 1);
		if (t->table[h].id) {
			t->table[h].mentions += c->mentions;
			t->table[h].docs++;
			free(c->id);
			free(c->label);
		} else {
			t->table[h] = *c;
			t->n++;
		}
		continue;
	drop:
		free(c->id);
		free(c->label);
	}
	kgx_vec_free(&j->entities);
}

static int cmp_counted(const void *a, const void *b)
{
	const counted *x = a, *y = b;
	if (x->mentions != y->mentions)
		return x->mentions > y->mentions ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* A JSON string: the label as UTF-8 with quotes, backslashes and control
 * characters escaped. */
static void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void print_stats(const run_ctx *c)
{
	const totals *t = &c->tot;
	double secs = now() - t->start;
	unsigned long per_class[KGX_NCLASSES] = {0};
	counted *all = calloc(t->n ? t->n : 1, sizeof *all);
	size_t n = 0;
	for (size_t k = 0; k < t->cap; k++)
		if (t->table[k].id) {
			if (t->table[k].cls >= 0)
				per_class[t->table[k].cls]++;
			if (all)
				all[n++] = t->table[k];
		}
	if (all && n)
		qsort(all, n, sizeof *all, cmp_counted);
	size_t top = n < 10 ? n : 10;
	double mb = (double)t->bytes / 1048576.0;
	FILE *f = stderr;
	if (c->opt->stats_json) {
		fprintf(f, "{\"documents\": {\"read\": %zu, \"failed\": %zu}, ", t->docs, t->failed);
		fprintf(f, "\"bytes\": %zu, \"seconds\": %.3f, \"mb_per_second\": %.3f, ", t->bytes, secs,
		        secs > 0 ? mb / secs : 0.0);
		fprintf(f, "\"entities\": {\"distinct\": %zu, \"mentions\": %lu, \"per_class\": {", t->n, t->n_mentions);
		for (int i = 0; i < KGX_NCLASSES; i++)
			fprintf(f, "%s\"%s\": %lu", i ? ", " : "", kgx_class_name(i), per_class[i]);
		fprintf(f, "}}, \"relations\": {\"total\": %lu, \"per_predicate\": {", t->n_relations);
		for (int p = 0; p < KGX_NPREDICATES; p++)
			fprintf(f, "%s\"%s\": %lu", p ? ", " : "", kgx_predicate_name(p), t->relations[p]);
		fprintf(f, "}}, \"top_entities\": [");
		for (size_t i = 0; i < top; i++) {
			fprintf(f, "%s{\"id\": ", i ? ", " : "");
			json_string(f, all[i].id);
			fprintf(f, ", \"label\": ");
			json_string(f, all[i].label);
			fprintf(f, ", \"class\": \"%s\", \"mentions\": %lu, \"documents\": %lu}",
			        kgx_class_name(all[i].cls), all[i].mentions, all[i].docs);
		}
		fprintf(f, "]}\n");
	} else {
		fprintf(f, "kgx: %zu documents read, %zu skipped or failed, %.1f MB in %.2f s (%.2f MB/s)\n",
		        t->docs, t->failed, mb, secs, secs > 0 ? mb / secs : 0.0);
		fprintf(f, "kgx: %zu distinct entities, %lu mentions:", t->n, t->n_mentions);
		for (int i = 0; i < KGX_NCLASSES; i++)
			if (per_class[i])
				fprintf(f, " %s %lu", kgx_class_name(i), per_class[i]);
		fprintf(f, "\nkgx: %lu relations:", t->n_relations);
		for (int p = 0; p < KGX_NPREDICATES; p++)
			if (t->relations[p])
				fprintf(f, " %s %lu", kgx_predicate_name(p), t->relations[p]);
		fprintf(f, "\nkgx: most mentioned:");
		for (size_t i = 0; i < top; i++)
			fprintf(f, "%s %s (%lu)", i ? "," : "", all[i].label, all[i].mentions);
		fputc('\n', f);
	}
	free(all);
}

/* One line on a terminal, redrawn in place at most four times a second. */
static void show_progress(run_ctx *c, int last)
{
	static double shown;
	const totals *t = &c->tot;
	double at = now();
	if (!last && at - shown < 0.25)
		return;
	shown = at;
	if (last) {
		fputs("\r\x1b[K", stderr);
		return;
	}
	double secs = at - t->start;
	double rate = secs > 0 ? (double)t->bytes / secs : 0;
	double left = rate > 0 && c->total_bytes > t->bytes ? (double)(c->total_bytes - t->bytes) / rate : 0;
	fprintf(stderr, "\r\x1b[Kkgx: %zu/%zu documents, %.1f MB/s, %zu entities, %lu relations, %d:%02d left",
	        t->docs + t->failed, c->total_docs, rate / 1048576.0, t->n, t->n_relations,
	        (int)left / 60, (int)left % 60);
	fflush(stderr);
}

static void process(const options *opt, const kgx_rules *rules, kgx_out *out, job *j,
                    const char *data, size_t len)
{
	kgx_doc doc;
	kgx_status st = kgx_doc_init(&doc, j->path, data, len);
	if (st == KGX_OK)
		st = kgx_pipe_run(&doc, rules);
	if (st == KGX_OK) {
		if (opt->explain)
			explain(opt, &doc, &j->explain);
		if (opt->stats || opt->progress)
			count_doc(&doc, j);
		st = kgx_out_doc(out, &doc, &j->rdf);
		if (st != KGX_OK) {
			kgx_loc loc = {j->path, 0, 0};
			kgx_diag(&loc, "cannot write the output: %s", kgx_strerror(st));
			j->output_failed = 1;
		}
	} else {
		j->input_failed = 1;
	}
	if (doc.limits.hits && !opt->quiet) {
		kgx_loc loc = {j->path, 0, 0};
		kgx_diag(&loc, "warning: %lu pattern match%s stopped at the PCRE2 match or depth limit, "
		         "the first in rule '%s'",
		         doc.limits.hits, doc.limits.hits == 1 ? "" : "es", doc.limits.first_rule);
	}
	kgx_doc_release(&doc);
}

/* Read and process one job (in a worker thread). */
static void run_job(const options *opt, const kgx_rules *rules, kgx_out *out, job *j)
{
	if (j->data) {
		process(opt, rules, out, j, j->data, j->len);
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
	if (read_stream(f, opt->max_size, &b, &too_big)) {
		kgx_diag(&loc, "cannot read: %s", strerror(errno));
		j->input_failed = 1;
	} else if (too_big) {
		kgx_diag(&loc, "skipped: larger than --max-size (%zu bytes)", opt->max_size);
		j->input_failed = 1;
	} else {
		process(opt, rules, out, j, b.s, b.len);
	}
	fclose(f);
	kgx_buf_free(&b);
}

/* Write a finished job and fold it into the totals (main thread). */
static void write_job(run_ctx *c, job *j)
{
	if (j->rdf.len && fwrite(j->rdf.s, 1, j->rdf.len, c->sink) != j->rdf.len)
		c->output_failed = 1;
	if (j->explain.len && c->explain && fwrite(j->explain.s, 1, j->explain.len, c->explain) != j->explain.len)
		c->output_failed = 1;
	c->input_failed |= j->input_failed;
	c->output_failed |= j->output_failed;
	c->tot.bytes += j->len;
	if (j->input_failed)
		c->tot.failed++;
	else
		c->tot.docs++;
	add_totals(&c->tot, j);
	if (c->opt->progress)
		show_progress(c, 0);
	kgx_buf_free(&j->rdf);
	kgx_buf_free(&j->explain);
	free(j->data);
	free(j->path);
	memset(j, 0, sizeof *j);
}

/* Write the oldest job once a worker has finished it. Called with the lock
 * held; returns with it held. */
static void write_oldest(run_ctx *c)
{
	job *j = &c->ring[c->written % c->window];
	while (!j->done)
		pthread_cond_wait(&c->cond, &c->lock);
	pthread_mutex_unlock(&c->lock);
	write_job(c, j);
	pthread_mutex_lock(&c->lock);
	c->written++;
	pthread_cond_broadcast(&c->cond);
}

static int add_job(run_ctx *c, const char *path, char *data, size_t len)
{
	if (c->counting) {
		c->total_docs++;
		c->total_bytes += len;
		free(data);
		return 0;
	}
	char *p = strdup(path);
	if (!p) {
		free(data);
		return -1;
	}
	pthread_mutex_lock(&c->lock);
	while (c->queued - c->written >= c->window)
		write_oldest(c);
	job *j = &c->ring[c->queued % c->window];
	memset(j, 0, sizeof *j);
	j->path = p;
	j->data = data;
	j->len = len;
	c->queued++;
	pthread_cond_broadcast(&c->cond);
	pthread_mutex_unlock(&c->lock);
	return 0;
}

typedef struct {
	run_ctx *c;
	kgx_out *out;
} worker_arg;

static void *worker(void *arg)
{
	run_ctx *c = ((worker_arg *)arg)->c;
	kgx_out *out = ((worker_arg *)arg)->out;
	for (;;) {
		pthread_mutex_lock(&c->lock);
		while (c->next >= c->queued && !c->closed)
			pthread_cond_wait(&c->cond, &c->lock);
		if (c->next >= c->queued) {
			pthread_mutex_unlock(&c->lock);
			break;
		}
		job *j = &c->ring[c->next++ % c->window];
		pthread_mutex_unlock(&c->lock);
		if (out)
			run_job(c->opt, c->rules, out, j);
		else
			j->output_failed = 1;
		pthread_mutex_lock(&c->lock);
		j->done = 1;
		pthread_cond_broadcast(&c->cond);
		pthread_mutex_unlock(&c->lock);
	}
	return NULL;
}

typedef struct {
	pthread_t threads[256];
	worker_arg args[256];
	int jobs, started;
} pool;

/* Start `jobs` workers. Writers are made here and freed after the join,
 * one thread at a time: they hold no process-wide state now that documents
 * are written with serd, but a writer that did (a raptor2 world touches
 * libxml2's and libxslt's) could not be set up or torn down while other
 * threads run. */
static int pool_start(run_ctx *c, pool *p, int jobs)
{
	p->jobs = jobs > 256 ? 256 : jobs;
	p->started = 0;
	c->window = (size_t)p->jobs * 4;
	pthread_mutex_init(&c->lock, NULL);
	pthread_cond_init(&c->cond, NULL);
	c->ring = calloc(c->window, sizeof *c->ring);
	if (!c->ring)
		return -1;
	for (int i = 0; i < p->jobs; i++) {
		p->args[i].c = c;
		p->args[i].out = kgx_out_new(c->opt->fmt, c->opt->base);
		if (p->args[i].out)
			kgx_out_set_mentions(p->args[i].out, c->opt->mentions);
	}
	for (int i = 0; i < p->jobs; i++)
		if (!pthread_create(&p->threads[p->started], NULL, worker, &p->args[p->started]))
			p->started++;
	if (!p->started) {
		kgx_diag(NULL, "cannot start a worker thread");
		return -1;
	}
	return 0;
}

/* Write what is left in input order, then stop the workers. */
static void pool_finish(run_ctx *c, pool *p)
{
	pthread_mutex_lock(&c->lock);
	c->closed = 1;
	pthread_cond_broadcast(&c->cond);
	while (c->written < c->queued && p->started)
		write_oldest(c);
	pthread_mutex_unlock(&c->lock);
	for (int i = 0; i < p->started; i++)
		pthread_join(p->threads[i], NULL);
	if (c->opt->progress)
		show_progress(c, 1);
	for (int i = 0; i < p->jobs && c->ring; i++)
		kgx_out_free(p->args[i].out);
	pthread_mutex_destroy(&c->lock);
	pthread_cond_destroy(&c->cond);
	free(c->ring);
	c->ring = NULL;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(run_ctx *c, const char *path, int top);

static void walk_dir(run_ctx *c, const char *path, const struct stat *sb)
{
	kgx_loc loc = {path, 0, 0};
	for (size_t i = 0; i < c->depth; i++)
		if (c->stack[i].dev == sb->st_dev && c->stack[i].ino == sb->st_ino) {
			kgx_diag(&loc, "skipped: directory loop (a link back to a directory above it)");
			c->input_failed = 1;
			return;
		}
	if (c->depth == sizeof c->stack / sizeof c->stack[0]) {
		kgx_diag(&loc, "skipped: directories nested too deeply");
		c->input_failed = 1;
		return;
	}
	DIR *d = opendir(path);
	if (!d) {
		kgx_diag(&loc, "cannot open directory: %s", strerror(errno));
		c->input_failed = 1;
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;  /* hidden files and . .. */
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **nn = realloc(names, cap * sizeof *nn);
			if (!nn)
				break;
			names = nn;
		}
		if (!(names[n] = strdup(de->d_name)))
			break;
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_names);
	c->stack[c->depth].dev = sb->st_dev;
	c->stack[c->depth].ino = sb->st_ino;
	c->depth++;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(path) + strlen(names[i]) + 2;
		char *child = malloc(len);
		if (child) {
			snprintf(child, len, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
			walk(c, child, 0);
			free(child);
		}
		free(names[i]);
	}
	c->depth--;
	free(names);
}

static void walk(run_ctx *c, const char *path, int top)
{
	kgx_loc loc = {path, 0, 0};
	if (top && !strcmp(path, "-")) {
		if (c->counting) {
			c->total_docs++;
			return;
		}
		kgx_buf b = {0};
		int too_big;
		if (read_stream(stdin, c->opt->max_size, &b, &too_big) || too_big) {
			kgx_diag(&loc, too_big ? "skipped: standard input larger than --max-size" : "cannot read standard input");
			c->input_failed = 1;
			kgx_buf_free(&b);
		} else if (add_job(c, "-", b.s ? b.s : strdup(""), b.len)) {
			c->output_failed = 1;
		}
		return;
	}
	struct stat sb;
	if (stat(path, &sb)) {
		kgx_diag(&loc, errno == ENOENT && !lstat(path, &sb) ? "skipped: dangling symbolic link"
		                                                      : "cannot open: %s", strerror(errno));
		c->input_failed = 1;
		return;
	}
	if (S_ISDIR(sb.st_mode)) {
		walk_dir(c, path, &sb);
	} else if (S_ISREG(sb.st_mode) || (top && (S_ISFIFO(sb.st_mode) || S_ISCHR(sb.st_mode)))) {
		/* a pipe or device only when named explicitly */
		if (add_job(c, path, NULL, S_ISREG(sb.st_mode) ? (size_t)sb.st_size : 0))
			c->output_failed = 1;
	} else {
		kgx_diag(&loc, "skipped: not a regular file");
		c->input_failed = 1;
	}
}

/* ------------------------------------------------------------ main */

static int parse_size(const char *s, size_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s)
		return -1;
	if (*end == 'k' || *end == 'K')
		v <<= 10, end++;
	else if (*end == 'm' || *end == 'M')
		v <<= 20, end++;
	else if (*end == 'g' || *end == 'G')
		v <<= 30, end++;
	if (*end || v == 0 || v > (1ull << 32))
		return -1;
	*out = (size_t)v;
	return 0;
}

int main(int argc, char **argv)
{
	options opt = {0};
	opt.fmt = KGX_FMT_TURTLE;
	opt.default_rules = 1;
	opt.max_size = DEFAULT_MAX_SIZE;
	enum { O_BASE = 256, O_RULES, O_NODEF, O_CHECK, O_LIST, O_MAXSIZE, O_EXPLAIN, O_MENTIONS, O_ONTOLOGY,
	       O_STATS };
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	opt.jobs = ncpu > 0 ? (int)(ncpu > 64 ? 64 : ncpu) : 1;
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"base", required_argument, NULL, O_BASE},
		{"rules", required_argument, NULL, O_RULES},
		{"no-default-rules", no_argument, NULL, O_NODEF},
		{"check-rules", no_argument, NULL, O_CHECK},
		{"list-rules", no_argument, NULL, O_LIST},
		{"max-size", required_argument, NULL, O_MAXSIZE},
		{"explain", optional_argument, NULL, O_EXPLAIN},
		{"mentions", no_argument, NULL, O_MENTIONS},
		{"stats", optional_argument, NULL, O_STATS},
		{"ontology", no_argument, NULL, O_ONTOLOGY},
		{"jobs", required_argument, NULL, 'j'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	int ch;
	while ((ch = getopt_long(argc, argv, "f:o:j:qhV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f': {
			int f = kgx_out_format_parse(optarg);
			if (f < 0) {
				fprintf(stderr, "kgx: unknown format '%s' (turtle, ntriples, nquads, dot)\n", optarg);
				return EXIT_USAGE;
			}
			opt.fmt = (kgx_format)f;
			break;
		}
		case 'o': opt.output = optarg; break;
		case O_BASE:
			if (!kgx_out_base_ok(optarg)) {
				size_t bad = kgx_iri_bad(optarg);
				if (!bad)
					fprintf(stderr, "kgx: --base must be an absolute IRI such as https://example.org/kg/\n");
				else
					fprintf(stderr, "kgx: --base '%.*s...' is not an absolute IRI: byte %zu (0x%02X) "
					        "cannot stand there\n", (int)bad, optarg, bad + 1, (unsigned char)optarg[bad]);
				return EXIT_USAGE;
			}
			opt.base = optarg;
			break;
		case O_RULES:
			if (opt.n_rule_dirs == sizeof opt.rule_dirs / sizeof opt.rule_dirs[0]) {
				fprintf(stderr, "kgx: too many --rules directories\n");
				return EXIT_USAGE;
			}
			opt.rule_dirs[opt.n_rule_dirs++] = optarg;
			break;
		case O_NODEF: opt.default_rules = 0; break;
		case O_CHECK: opt.check_rules = 1; break;
		case O_LIST: opt.list_rules = 1; break;
		case O_MAXSIZE:
			if (parse_size(optarg, &opt.max_size)) {
				fprintf(stderr, "kgx: --max-size takes a size such as 64M\n");
				return EXIT_USAGE;
			}
			break;
		case O_MENTIONS: opt.mentions = 1; break;
		case O_STATS:
			if (optarg && strcmp(optarg, "json") && strcmp(optarg, "text")) {
				fprintf(stderr, "kgx: --stats takes 'text' or 'json'\n");
				return EXIT_USAGE;
			}
			opt.stats = 1;
			opt.stats_json = optarg && !strcmp(optarg, "json");
			break;
		case O_ONTOLOGY: opt.ontology = 1; break;
		case O_EXPLAIN:
			opt.explain = 1;
			opt.explain_file = optarg;
			break;
		case 'j': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end || n < 1 || n > 256) {
				fprintf(stderr, "kgx: --jobs takes a number from 1 to 256\n");
				return EXIT_USAGE;
			}
			opt.jobs = (int)n;
			break;
		}
		case 'q': opt.quiet = 1; break;
		case 'h': fputs(usage, stdout); return 0;
		case 'V': printf("kgx %s\n", KGX_VERSION); return 0;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (opt.check_rules) {
		/* --check-rules [DIR]: the directories after it are rule directories */
		for (int i = optind; i < argc && opt.n_rule_dirs < 32; i++)
			opt.rule_dirs[opt.n_rule_dirs++] = argv[i];
		kgx_status st;
		kgx_rules *r = load_rules(&opt, 1, &st);
		if (!r)
			return EXIT_USAGE;
		int failed = check_examples(r);
		kgx_rules_free(r);
		return failed ? EXIT_USAGE : 0;
	}
	if (opt.ontology) {
		char buf[PATH_MAX], path[PATH_MAX + 32];
		snprintf(path, sizeof path, "%s/ontology.ttl", default_rules_dir(buf, sizeof buf));
		kgx_out *o = kgx_out_new(opt.fmt, opt.base);
		kgx_buf b = {0};
		kgx_status ost = o ? kgx_out_file(o, path, &b) : KGX_ERR_NOMEM;
		if (ost != KGX_OK)
			fprintf(stderr, "kgx: %s: cannot read the ontology\n", path);
		else if (b.len && fwrite(b.s, 1, b.len, stdout) != b.len)
			ost = KGX_ERR_OUTPUT;
		kgx_buf_free(&b);
		kgx_out_free(o);
		return ost == KGX_OK ? 0 : EXIT_OUTPUT;
	}
	kgx_status st;
	kgx_rules *rules = load_rules(&opt, 0, &st);
	if (!rules)
		return EXIT_USAGE;
	if (opt.list_rules) {
		list_rules(rules);
		kgx_rules_free(rules);
		return 0;
	}
	if (optind >= argc) {
		fputs(usage, stderr);
		kgx_rules_free(rules);
		return EXIT_USAGE;
	}
	if (opt.quiet)
		kgx_diag_quiet(1);  /* errors still show */

	opt.progress = !opt.quiet && isatty(STDERR_FILENO) && !getenv("KGX_NO_PROGRESS");
	/* https://no-color.org: any non-empty NO_COLOR turns colours off */
	opt.explain_colour = isatty(STDERR_FILENO) && !(getenv("NO_COLOR") && *getenv("NO_COLOR"));
	run_ctx c = {0};
	c.opt = &opt;
	c.rules = rules;
	c.tot.start = now();
	char *tmp = NULL;
	if (opt.output) {
		size_t n = strlen(opt.output) + 16;
		tmp = malloc(n);
		if (tmp) {
			snprintf(tmp, n, "%s.kgx-XXXXXX", opt.output);
			int fd = mkstemp(tmp);
			if (fd >= 0) {
				/* mkstemp makes 0600; an output file gets the usual mode */
				mode_t um = umask(0);
				umask(um);
				fchmod(fd, 0666 & ~um);
			}
			c.sink = fd >= 0 ? fdopen(fd, "wb") : NULL;
		}
		if (!c.sink) {
			fprintf(stderr, "kgx: cannot write '%s': %s\n", opt.output, strerror(errno));
			free(tmp);
			kgx_rules_free(rules);
			return EXIT_OUTPUT;
		}
	} else {
		c.sink = stdout;
	}
	if (opt.explain) {
		c.explain = opt.explain_file ? fopen(opt.explain_file, "w") : stderr;
		if (!c.explain) {
			fprintf(stderr, "kgx: cannot write '%s': %s\n", opt.explain_file, strerror(errno));
			c.output_failed = 1;
		} else if (opt.explain_file) {
			fputs("document\tsubject\tpredicate\tobject\trule\tlost\tamount\tcurrency\tsentence\n", c.explain);
		}
	}
	if (opt.progress) {
		/* a first walk that only counts, so the progress line knows the total */
		c.counting = 1;
		kgx_diag_quiet(2);
		for (int i = optind; i < argc; i++)
			walk(&c, argv[i], 1);
		kgx_diag_quiet(opt.quiet);
		c.counting = 0;
		c.input_failed = 0;
	}
	const char *head = kgx_out_header(opt.fmt);
	if (*head && fputs(head, c.sink) == EOF)
		c.output_failed = 1;
	pool workers;
	if (pool_start(&c, &workers, opt.jobs)) {
		c.output_failed = 1;
	} else {
		for (int i = optind; i < argc; i++)
			walk(&c, argv[i], 1);
	}
	pool_finish(&c, &workers);
	const char *foot = kgx_out_footer(opt.fmt);
	if (*foot && fputs(foot, c.sink) == EOF)
		c.output_failed = 1;
	if (opt.stats)
		print_stats(&c);
	for (size_t k = 0; k < c.tot.cap; k++) {
		free(c.tot.table[k].id);
		free(c.tot.table[k].label);
	}
	free(c.tot.table);
	if (c.explain && c.explain != stderr && fclose(c.explain))
		c.output_failed = 1;

	if (fflush(c.sink) || ferror(c.sink))
		c.output_failed = 1;
	if (opt.output) {
		if (fclose(c.sink))
			c.output_failed = 1;
		if (c.output_failed || rename(tmp, opt.output)) {
			fprintf(stderr, "kgx: cannot write '%s': %s\n", opt.output, strerror(errno));
			unlink(tmp);
			c.output_failed = 1;
		}
		free(tmp);
	}
	kgx_rules_free(rules);
	if (c.output_failed)
		return EXIT_OUTPUT;
	return c.input_failed ? EXIT_INPUT : 0;
}
