/* kgx_kbstats: how many knowledge-base entries of each class carry each kind
 * of external identifier (kgx --kb-stats). */
#ifndef KGX_KBSTATS_H
#define KGX_KBSTATS_H

#include "kb.h"

#include <stdio.h>

/* Counts for one class; `linked` is entries with at least one identifier,
 * `iso_wikidata` entries with both an ISO 3166-1 code and a Wikidata item. */
typedef struct {
	size_t entries, wikidata, tooi, iso3166, crs, linked, iso_wikidata;
} kgx_kbstats_row;

/* Fill rows[KGX_NCLASSES] by each entry's primary class. */
void kgx_kbstats_count(const kgx_kb *kb, kgx_kbstats_row rows[KGX_NCLASSES]);

/* Write the table for the classes that have entries, a total line and,
 * when any entry has an ISO 3166-1 code, how many of those entries also have
 * a Wikidata item (the country target counts ISO entries only: historic
 * states and disputed territories have no code). Returns KGX_ERR_OUTPUT if
 * writing failed. */
kgx_status kgx_kbstats_print(const kgx_kb *kb, FILE *f);

#endif
