/* kgx_stats: what --stats and the progress line report: documents, bytes,
 * entities per class, relations per predicate, the most mentioned entities. */
#ifndef KGX_STATS_H
#define KGX_STATS_H

#include "doc.h"

#include <stdio.h>

/* One document's counts, made on the worker thread that processed it. */
typedef struct {
	unsigned long relations[KGX_NPREDICATES];
	kgx_vec entities;  /* private: distinct strongly mentioned entities */
} kgx_stats_doc;

/* The run's totals, kept on the writing thread. */
typedef struct {
	size_t bytes, docs, failed;
	unsigned long relations[KGX_NPREDICATES], n_relations, n_mentions;
	struct kgx_stats_entity *table;  /* open addressing by id */
	size_t cap, n;
	double start;
	/* for the progress line: what the walk found, 0 when unknown */
	size_t total_docs, total_bytes;
} kgx_stats;

void kgx_stats_init(kgx_stats *t);
void kgx_stats_free(kgx_stats *t);
/* Count a processed document into d (zeroed by the caller). */
void kgx_stats_count(kgx_stats_doc *d, const kgx_doc *doc);
/* Fold a document of `bytes` bytes into the totals and free d's memory;
 * failed: it was skipped or failed. */
void kgx_stats_add(kgx_stats *t, kgx_stats_doc *d, size_t bytes, int failed);
/* The summary of --stats (json: as one JSON object) on f. */
void kgx_stats_print(const kgx_stats *t, int json, FILE *f);
/* Redraw the progress line on standard error, at most four times a
 * second; last: erase it. */
void kgx_stats_progress(const kgx_stats *t, int last);

#endif
