/* Identifier coverage of the knowledge base, per class. */
#include "kbstats.h"

#include <string.h>

void kgx_kbstats_count(const kgx_kb *kb, kgx_kbstats_row rows[KGX_NCLASSES])
{
	memset(rows, 0, KGX_NCLASSES * sizeof *rows);
	const kgx_entry *e;
	for (size_t i = 0; (e = kgx_kb_entry(kb, i)); i++) {
		int c = kgx_class_primary(e->classes);
		if (c < 0)
			continue;
		kgx_kbstats_row *r = &rows[c];
		r->entries++;
		r->wikidata += e->wikidata != NULL;
		r->tooi += e->tooi != NULL;
		r->iso3166 += e->iso3166 != NULL;
		r->crs += e->crs != NULL;
		r->linked += e->wikidata || e->tooi || e->iso3166 || e->crs;
		r->iso_wikidata += e->iso3166 && e->wikidata;
	}
}

static void line(FILE *f, const char *name, const kgx_kbstats_row *r)
{
	fprintf(f, "%-15s %7zu %8zu %5zu %7zu %5zu %7zu %6.1f%%\n", name, r->entries, r->wikidata,
	        r->tooi, r->iso3166, r->crs, r->linked,
	        r->entries ? 100.0 * (double)r->linked / (double)r->entries : 0.0);
}

kgx_status kgx_kbstats_print(const kgx_kb *kb, FILE *f)
{
	kgx_kbstats_row rows[KGX_NCLASSES], total = {0};
	kgx_kbstats_count(kb, rows);
	fprintf(f, "%-15s %7s %8s %5s %7s %5s %7s %7s\n", "class", "entries", "wikidata", "tooi",
	        "iso3166", "crs", "linked", "share");
	for (int c = 0; c < KGX_NCLASSES; c++) {
		if (!rows[c].entries)
			continue;
		line(f, kgx_class_name(c), &rows[c]);
		total.entries += rows[c].entries;
		total.wikidata += rows[c].wikidata;
		total.tooi += rows[c].tooi;
		total.iso3166 += rows[c].iso3166;
		total.crs += rows[c].crs;
		total.linked += rows[c].linked;
		total.iso_wikidata += rows[c].iso_wikidata;
	}
	line(f, "total", &total);
	if (total.iso3166)
		fprintf(f, "ISO 3166-1 entries %zu, with a Wikidata item %zu (%.1f%%)\n", total.iso3166,
		        total.iso_wikidata, 100.0 * (double)total.iso_wikidata / (double)total.iso3166);
	return fflush(f) || ferror(f) ? KGX_ERR_OUTPUT : KGX_OK;
}
