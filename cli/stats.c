/* kgx_stats: counts for --stats and the progress line. */
#include "stats.h"
#include "hash.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* An entity as counted. */
struct kgx_stats_entity {
	char *id, *label;
	int cls;
	unsigned long mentions, docs;
};
typedef struct kgx_stats_entity counted;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void kgx_stats_init(kgx_stats *t)
{
	memset(t, 0, sizeof *t);
	t->start = now();
}

void kgx_stats_free(kgx_stats *t)
{
	for (size_t k = 0; k < t->cap; k++) {
		free(t->table[k].id);
		free(t->table[k].label);
	}
	free(t->table);
	t->table = NULL;
	t->cap = t->n = 0;
}

void kgx_stats_count(kgx_stats_doc *d, const kgx_doc *doc)
{
	for (size_t i = 0; i < doc->relations.len; i++)
		d->relations[KGX_VEC_AT(&doc->relations, kgx_relation, i).predicate]++;
	kgx_vec_init(&d->entities, sizeof(counted));
	for (size_t i = 0; i < doc->mentions.len; i++) {
		const kgx_mention *m = &KGX_VEC_AT(&doc->mentions, kgx_mention, i);
		if (m->kind != KGX_M_STRONG)
			continue;
		counted *c = NULL;
		for (size_t k = 0; k < d->entities.len && !c; k++)
			if (!strcmp(KGX_VEC_AT(&d->entities, counted, k).id, m->entry->id))
				c = &KGX_VEC_AT(&d->entities, counted, k);
		if (!c && (c = kgx_vec_push(&d->entities))) {
			c->id = strdup(m->entry->id);
			c->label = strdup(m->entry->label);
			c->cls = kgx_class_primary(m->entry->classes);
			c->docs = 1;
		}
		if (c)
			c->mentions++;
	}
}

static uint64_t hash_id(const char *s)
{
	return kgx_hash(KGX_HASH_INIT, s, strlen(s));
}

void kgx_stats_add(kgx_stats *t, kgx_stats_doc *d, size_t bytes, int failed)
{
	t->bytes += bytes;
	if (failed)
		t->failed++;
	else
		t->docs++;
	for (int p = 0; p < KGX_NPREDICATES; p++) {
		t->relations[p] += d->relations[p];
		t->n_relations += d->relations[p];
	}
	for (size_t i = 0; i < d->entities.len; i++) {
		counted *c = &KGX_VEC_AT(&d->entities, counted, i);
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
	kgx_vec_free(&d->entities);
}

static int cmp_counted(const void *a, const void *b)
{
	const counted *x = a, *y = b;
	if (x->mentions != y->mentions)
		return x->mentions > y->mentions ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* A JSON string: quotes, backslashes and every control character (C0, DEL,
 * C1) escaped, so that it is safe on a terminal too. */
static void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *u = (const unsigned char *)s; *u; u++) {
		if (*u == '"' || *u == '\\')
			fprintf(f, "\\%c", *u);
		else if (*u < 0x20 || *u == 0x7F)
			fprintf(f, "\\u%04x", *u);
		else if (*u == 0xC2 && u[1] >= 0x80 && u[1] <= 0x9F)
			fprintf(f, "\\u%04x", *++u);
		else
			fputc(*u, f);
	}
	fputc('"', f);
}

/* A label on a terminal: control characters escaped (kgx_escape). */
static void term_string(FILE *f, const char *s)
{
	size_t len = strlen(s);
	char *e = malloc(4 * len + 1);
	if (!e)
		return;
	kgx_escape(e, s, len, 0);
	fputs(e, f);
	free(e);
}

void kgx_stats_print(const kgx_stats *t, int json, FILE *f)
{
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
	if (json) {
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
		for (size_t i = 0; i < top; i++) {
			fprintf(f, "%s ", i ? "," : "");
			term_string(f, all[i].label);
			fprintf(f, " (%lu)", all[i].mentions);
		}
		fputc('\n', f);
	}
	free(all);
}

void kgx_stats_progress(const kgx_stats *t, int last)
{
	static double shown;
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
	double left = rate > 0 && t->total_bytes > t->bytes ? (double)(t->total_bytes - t->bytes) / rate : 0;
	fprintf(stderr, "\r\x1b[Kkgx: %zu/%zu documents, %.1f MB/s, %zu entities, %lu relations, %d:%02d left",
	        t->docs + t->failed, t->total_docs, rate / 1048576.0, t->n, t->n_relations,
	        (int)left / 60, (int)left % 60);
	fflush(stderr);
}
