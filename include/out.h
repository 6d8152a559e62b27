/* kgx_out: writes a processed document as RDF. Only this module and its
 * siblings in output/ know about RDF syntax: documents are written with
 * serd, which streams, and the ontology file is read with raptor2. */
#ifndef KGX_OUT_H
#define KGX_OUT_H

#include "doc.h"

typedef enum { KGX_FMT_TURTLE, KGX_FMT_NTRIPLES, KGX_FMT_NQUADS, KGX_FMT_DOT } kgx_format;

/* Format for a name ("turtle", "ntriples", "nquads", "dot"); -1 if unknown.
 * "dot" is the entity graph for Graphviz: entities as nodes coloured by
 * class, relations as labelled edges, no provenance. */
int kgx_out_format_parse(const char *name);

typedef struct kgx_out kgx_out;

/* A writer for one thread; base is the IRI minted resources go under
 * (default https://w3id.org/kgx/). Free with kgx_out_free. */
kgx_out *kgx_out_new(kgx_format fmt, const char *base);
void kgx_out_free(kgx_out *out);

/* Serialise doc into dest (appended). Each document is a complete chunk:
 * Turtle chunks repeat their @prefix lines, so chunks concatenate into one
 * valid file and nothing accumulates between documents. Each subject's
 * triples are written together (the document; each entity, then the
 * relations it is the subject of; the statements; the NIF annotations),
 * which is what lets Turtle abbreviate them. Nothing is sorted or merged
 * beyond that: what a document makes twice (a statement node) is written
 * twice, in every format. On failure nothing is appended and
 * KGX_ERR_OUTPUT is returned. */
kgx_status kgx_out_doc(kgx_out *out, const kgx_doc *doc, kgx_buf *dest);

/* What one document may emit: its statements (each repeats its sentence as
 * evidence) are written while their evidence and 256 bytes per statement
 * stay within KGX_OUT_EVIDENCE_FACTOR times the document's size plus
 * KGX_OUT_EVIDENCE_BASE bytes; the relations after that are dropped (direct
 * triple and statement alike, so every relation written has its provenance),
 * with a warning naming the document. No corpus letter comes near it. */
#define KGX_OUT_EVIDENCE_FACTOR 16u
#define KGX_OUT_EVIDENCE_BASE (1u << 20)

/* Pieces of output for kgx_out_doc_stream: 0 on success. */
typedef int (*kgx_out_sink_fn)(void *ctx, const char *s, size_t n);
#define KGX_OUT_PIECE (256u << 10)

/* As kgx_out_doc, but the document goes to fn in pieces of about
 * KGX_OUT_PIECE bytes as it is written, so that it is never held whole. A
 * failure (KGX_ERR_OUTPUT, also when fn fails) may come after some pieces
 * were handed on. */
kgx_status kgx_out_doc_stream(kgx_out *out, const kgx_doc *doc, kgx_out_sink_fn fn, void *ctx);

/* Also write NIF 2.0 annotations: a nif:Context per document and a
 * nif:Phrase per mention, with code-point offsets. */
void kgx_out_set_mentions(kgx_out *out, int on);

/* Read the RDF file at path (Turtle) and write it again in the writer's
 * format into dest: the ontology for --ontology. Parsed and written with
 * raptor2 (its blank nodes and lists need a whole graph), in a raptor world
 * of its own: call it from one thread at a time. */
kgx_status kgx_out_file(kgx_out *out, const char *path, kgx_buf *dest);

/* What comes before the first and after the last document in this format
 * (the "digraph {" of dot); empty strings for RDF. */
const char *kgx_out_header(kgx_format fmt);
const char *kgx_out_footer(kgx_format fmt);

/* Whether base is an absolute IRI kgx can mint under. */
int kgx_out_base_ok(const char *base);

#endif
