/* kgx_ent: the entity pass: names from the knowledge base and from entity
 * rules, with overlaps resolved. */
#ifndef KGX_ENT_H
#define KGX_ENT_H

#include "rules.h"

/* Fill doc->mentions (sorted by position) and doc->discovered; relations
 * that entity rules state (signature blocks) go to doc->relations.
 * Requires doc->sentences. */
kgx_status kgx_ent_run(kgx_doc *doc, const kgx_rules *rules);

/* Whether mention m lies inside another mention of the document (a country
 * in a mission's name). */
int kgx_ent_nested(const kgx_doc *doc, size_t m, size_t *outer);

#endif
