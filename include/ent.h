/* kgx_ent: the entity pass: names from the knowledge base and from entity
 * rules, with overlaps resolved. */
#ifndef KGX_ENT_H
#define KGX_ENT_H

#include "rules.h"

/* Fill doc->mentions (sorted by position) and doc->discovered; relations
 * that entity rules state (signature blocks) go to doc->relations.
 * Requires doc->sentences. Each mention's outer is the name it lies in
 * (a country in a mission's name), or KGX_NO_MENTION. */
kgx_status kgx_ent_run(kgx_doc *doc, const kgx_rules *rules);

#endif
