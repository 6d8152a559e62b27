/* kgx_norm: turns PDF-extracted text into clean running text. */
#ifndef KGX_NORM_H
#define KGX_NORM_H

#include "doc.h"

/* Build doc->text and doc->map from doc->raw: line ends unified, end-of-line
 * hyphenation undone, footnote markers glued to words removed, footnote
 * blocks moved behind the body, page-break debris dropped, lines joined into
 * paragraphs separated by "\n\n". Short lines that do not end a sentence
 * (headings, signature lines) keep their "\n". */
kgx_status kgx_norm_run(kgx_doc *doc);

#endif
