/* kgx_explain: why kgx wrote what it wrote, per document: the text with
 * every mention marked, and each relation with its sentence, the rule that
 * made it and the rules that lost (--explain). */
#ifndef KGX_EXPLAIN_H
#define KGX_EXPLAIN_H

#include "doc.h"

typedef enum {
	KGX_EXPLAIN_TEXT,    /* readable, for standard error */
	KGX_EXPLAIN_COLOUR,  /* the same in ANSI colours, for a terminal */
	KGX_EXPLAIN_TSV      /* relations only, tab-separated (--explain=FILE) */
} kgx_explain_mode;

/* The first line of the TSV. */
extern const char kgx_explain_tsv_header[];

/* Append the explanation of a processed document to b. In the readable
 * modes, control characters of the path and the text are escaped
 * (kgx_escape); the TSV has the text as it is, tabs and line breaks of a
 * sentence made spaces. */
void kgx_explain_doc(const kgx_doc *doc, kgx_explain_mode mode, kgx_buf *b);

#endif
