/* kgx_office: the office-holder pass. A ministry named by a minister's title
 * ("de minister van Defensie") in a dated letter becomes a ministerOf fact
 * for whoever held that office on the letter's date, by the dated
 * minister-of lines of the knowledge base (see docs/knowledge.md), if the
 * letter names that person somewhere. */
#ifndef KGX_OFFICE_H
#define KGX_OFFICE_H

#include "rules.h"

/* Append kb:in-office ministerOf relations to doc->relations. Does nothing
 * without a parsable doc->date, for an office holder the letter does not
 * name, or for a ministry the rules already gave a minister in this
 * document. Requires the relation pass. */
kgx_status kgx_office_run(kgx_doc *doc, const kgx_rules *rules);

/* The title right before text[at], if it is one that names the office
 * holder: "minister van " or "minister voor " (any case), not after "oud-",
 * "voormalig" or "toenmalig" and not "ministers". 1 if so. */
int kgx_office_title_before(const char *text, size_t at);

#endif
