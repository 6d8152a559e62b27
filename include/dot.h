/* kgx_dot: the entity graph of a document in Graphviz's dot language. */
#ifndef KGX_DOT_H
#define KGX_DOT_H

#include "doc.h"

/* Opens the graph and sets the default styles; written once before all
 * documents. The footer is "}". */
extern const char kgx_dot_header[];

/* Append doc's entities (nodes, filled with a colour per class) and
 * relations (labelled edges) to dest. Node ids are the entities' IRIs under
 * base, so the graphs of several documents merge. */
kgx_status kgx_dot_doc(const kgx_doc *doc, const char *base, kgx_buf *dest);

#endif
