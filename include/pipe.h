/* kgx_pipe: the ordered passes a document flows through. */
#ifndef KGX_PIPE_H
#define KGX_PIPE_H

#include "rules.h"

typedef struct {
	const char *name;
	kgx_status (*run)(kgx_doc *doc, const kgx_rules *rules);
} kgx_pass;

/* The passes in order: read, utf8, normalise, sentences, entities, metadata,
 * relations. */
const kgx_pass *kgx_pipe_passes(size_t *n);

/* Run every pass over doc. A pass that fails reports with the document's
 * path and stops the document; KGX_ERR_INPUT means it was rejected. */
kgx_status kgx_pipe_run(kgx_doc *doc, const kgx_rules *rules);

/* The utf8 pass alone: strips a BOM, turns UTF-16 into UTF-8, rejects
 * binary data, repairs invalid sequences (reported with their offset). */
kgx_status kgx_pipe_utf8(kgx_doc *doc, const kgx_rules *rules);

#endif
