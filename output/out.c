/* RDF writer. Documents go through serd, which streams: every statement is
 * written as it is made, where raptor2's Turtle serialiser built each
 * document's graph in AVL trees and sorted it at the end (a quarter of kgx's
 * time). A new SerdWriter per document, so each chunk starts with its own
 * @prefix lines, ends complete and the chunks concatenate into one valid
 * file. kgx_out_file (the ontology, read once per run) still parses and
 * writes with raptor2: its blank nodes and lists need a real graph. */
#include "out.h"
#include "dot.h"
#include "hash.h"

#include <raptor2.h>
#include <serd/serd.h>
#ifdef KGX_RAPTOR_SONAME
#include <dlfcn.h>
#endif
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NS_KGX "https://w3id.org/kgx/ontology#"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define NS_OWL "http://www.w3.org/2002/07/owl#"
#define NS_XSD "http://www.w3.org/2001/XMLSchema#"
#define NS_SKOS "http://www.w3.org/2004/02/skos/core#"
#define NS_SCHEMA "https://schema.org/"
#define NS_DCT "http://purl.org/dc/terms/"
#define NS_PROV "http://www.w3.org/ns/prov#"
#define NS_NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define NS_ITSRDF "http://www.w3.org/2005/11/its/rdf#"

static const struct {
	const char *prefix, *iri;
} namespaces[] = {
	{"kgx", NS_KGX}, {"rdf", NS_RDF}, {"rdfs", NS_RDFS}, {"owl", NS_OWL},
	{"xsd", NS_XSD}, {"skos", NS_SKOS}, {"schema", NS_SCHEMA}, {"dcterms", NS_DCT},
	{"prov", NS_PROV}, {"nif", NS_NIF}, {"itsrdf", NS_ITSRDF},
};
#define N_NAMESPACES (sizeof namespaces / sizeof namespaces[0])

struct kgx_out {
	kgx_format fmt;
	char *base;
	SerdEnv *env;    /* the prefixes, for Turtle's CURIEs */
	kgx_buf *dest;   /* where the serd sink appends, during kgx_out_doc */
	kgx_out_sink_fn sink_fn;  /* or where pieces go, during kgx_out_doc_stream */
	void *sink_ctx;
	int failed;
	int mentions;
};

/* What one statement costs against the document's budget beyond its
 * evidence: enough that a sentence with thousands of relations (every pair
 * of two long lists) is capped too, little enough that short sentences each
 * stating a relation never are. */
#define STATEMENT_COST 256u

/* The relations of doc (in the order found) whose statements fit the
 * budget of KGX_OUT_EVIDENCE_FACTOR times the document's size plus
 * KGX_OUT_EVIDENCE_BASE: each statement repeats its whole sentence, so a
 * long sentence dense with relations would otherwise cost its length once
 * per relation. The rest are dropped, with a warning. */
static size_t relations_within_budget(const kgx_doc *doc)
{
	uint64_t budget = (uint64_t)KGX_OUT_EVIDENCE_FACTOR * doc->raw_len + KGX_OUT_EVIDENCE_BASE, spent = 0;
	size_t n = doc->relations.len;
	for (size_t i = 0; i < n; i++) {
		const kgx_relation *r = &KGX_VEC_AT(&doc->relations, kgx_relation, i);
		const kgx_sentence *sent = &KGX_VEC_AT(&doc->sentences, kgx_sentence, r->sentence);
		spent += (uint64_t)(sent->span.end - sent->span.begin) + STATEMENT_COST;
		if (spent > budget) {
			kgx_loc loc = {doc->path, 0, 0};
			kgx_diag(&loc, "warning: output capped: %zu of %zu relations written (their statements' "
			         "evidence would exceed %llu bytes, %u times the document's size plus %u MiB)",
			         i, n, (unsigned long long)budget, (unsigned)KGX_OUT_EVIDENCE_FACTOR,
			         (unsigned)(KGX_OUT_EVIDENCE_BASE >> 20));
			return i;
		}
	}
	return n;
}

/* State while one document is written. The buffers hold the IRIs the nodes
 * point into; serd copies what it keeps (the subject and predicate it
 * abbreviates against), so a buffer can be reused after each statement. */
typedef struct {
	kgx_out *out;
	SerdWriter *sw;
	const SerdNode *graph;  /* nquads: the document's graph */
	kgx_buf doc;            /* the document's IRI, for the whole document */
	kgx_buf subj;           /* the subject of the current block */
	kgx_buf obj;            /* an object IRI */
	kgx_buf pred;           /* a kgx: predicate or class */
	kgx_buf lit;            /* a literal cut from the text */
} writer;

int kgx_out_format_parse(const char *name)
{
	if (!strcmp(name, "turtle") || !strcmp(name, "ttl"))
		return KGX_FMT_TURTLE;
	if (!strcmp(name, "ntriples") || !strcmp(name, "nt"))
		return KGX_FMT_NTRIPLES;
	if (!strcmp(name, "nquads") || !strcmp(name, "nq"))
		return KGX_FMT_NQUADS;
	if (!strcmp(name, "dot"))
		return KGX_FMT_DOT;
	return -1;
}

int kgx_out_base_ok(const char *base)
{
	return *base && kgx_iri_bad(base) == strlen(base);
}

kgx_out *kgx_out_new(kgx_format fmt, const char *base)
{
	kgx_out *out = calloc(1, sizeof *out);
	if (!out)
		return NULL;
	out->fmt = fmt;
	if (!base)
		base = "https://w3id.org/kgx/";
	size_t n = strlen(base);
	out->base = malloc(n + 2);
	out->env = serd_env_new(NULL);
	if (!out->base || !out->env) {
		kgx_out_free(out);
		return NULL;
	}
	memcpy(out->base, base, n + 1);
	if (n && base[n - 1] != '/' && base[n - 1] != '#')
		strcat(out->base, "/");
	for (size_t i = 0; i < N_NAMESPACES; i++)
		if (serd_env_set_prefix_from_strings(out->env, (const uint8_t *)namespaces[i].prefix,
		                                     (const uint8_t *)namespaces[i].iri)) {
			kgx_out_free(out);
			return NULL;
		}
	return out;
}

void kgx_out_free(kgx_out *out)
{
	if (!out)
		return;
	if (out->env)
		serd_env_free(out->env);
	free(out->base);
	free(out);
}

/* ------------------------------------------------------------ nodes */

/* Nodes never carry SERD_HAS_NEWLINE or SERD_HAS_QUOTE: serd then writes
 * every literal as a short string with \n, \r, \", \\ and \uXXXX escapes
 * instead of a """long string""" with the raw bytes. The writer goes by
 * n_bytes; n_chars is only filled in. Every string must end in a NUL all
 * the same: serd reads some nodes as C strings (it compares predicates with
 * strcmp and copies the subject and predicate with their NUL). */
static SerdNode node(SerdType type, const char *s, size_t n)
{
	return (SerdNode){(const uint8_t *)s, n, n, 0, type};
}

/* A constant IRI, without a strlen per statement. */
#define IRI(s) node(SERD_URI, "" s, sizeof(s) - 1)

static SerdNode buf_iri(const kgx_buf *b)
{
	return node(SERD_URI, b->s, b->len);
}

static SerdNode lit(const char *s)
{
	return node(SERD_LITERAL, s, strlen(s));
}

/* Write s p o; a literal o may have a datatype or a language. After a
 * failure nothing more is written: the document is dropped anyway, and a
 * buffer that could not grow may hold no string at all. */
static void put_full(writer *w, const SerdNode *s, const SerdNode *p, const SerdNode *o,
                     const SerdNode *dt, const SerdNode *lang)
{
	if (w->out->failed)
		return;
	if (serd_writer_write_statement(w->sw, 0, w->graph, s, p, o, dt, lang))
		w->out->failed = 1;
}

static void put(writer *w, const SerdNode *s, const SerdNode p, const SerdNode o)
{
	put_full(w, s, &p, &o, NULL, NULL);
}

static void put_typed(writer *w, const SerdNode *s, const SerdNode p, const char *v, const SerdNode dt)
{
	SerdNode o = lit(v);
	put_full(w, s, &p, &o, &dt, NULL);
}

static void put_lang(writer *w, const SerdNode *s, const SerdNode p, const char *v, const char *lang)
{
	SerdNode o = lit(v), l = lit(lang);
	put_full(w, s, &p, &o, NULL, &l);
}

/* A literal cut from the text, copied to end in a NUL (see node()). */
static void put_text(writer *w, const SerdNode *s, const SerdNode p, const char *t, size_t n)
{
	w->lit.len = 0;
	if (kgx_buf_add(&w->lit, t, n)) {
		w->out->failed = 1;
		return;
	}
	put(w, s, p, node(SERD_LITERAL, w->lit.s, w->lit.len));
}

/* b := a b; records a failure. */
static SerdNode iri2(writer *w, kgx_buf *b, const char *a, const char *c)
{
	b->len = 0;
	if (kgx_buf_add(b, a, strlen(a)) || kgx_buf_add(b, c, strlen(c)))
		w->out->failed = 1;
	return buf_iri(b);
}

/* Percent-encode what is not safe in an IRI path segment; '/' is kept so a
 * document path reads as one, but ".." segments are encoded so no IRI
 * resolver can shorten them. Non-zero when out of memory. */
static int add_path(kgx_buf *b, const char *s)
{
	int err = 0;
	for (size_t i = 0; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		int dotdot = c == '.' && (i == 0 || s[i - 1] == '/') && s[i + 1] == '.' &&
		             (s[i + 2] == '/' || !s[i + 2]);
		if (dotdot) {
			err |= kgx_buf_add(b, "%2E%2E", 6);
			i++;
			continue;
		}
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
			err |= kgx_buf_addc(b, (char)c);
		else
			err |= kgx_buf_printf(b, "%%%02X", c);
	}
	return err;
}

/* The path that names a document: "./x" and "x" are one document. */
static const char *doc_path(const kgx_doc *doc)
{
	const char *p = doc->path;
	for (;;) {
		if (p[0] == '.' && p[1] == '/')
			p += 2;
		else if (*p == '/')
			p++;
		else
			break;
	}
	return *p ? p : "stdin";
}

/* b := <base><kind><path, encoded>; records a failure. */
static SerdNode minted(writer *w, kgx_buf *b, const char *kind, const char *path)
{
	b->len = 0;
	if (kgx_buf_add(b, w->out->base, strlen(w->out->base)) || kgx_buf_add(b, kind, strlen(kind)) ||
	    add_path(b, path))
		w->out->failed = 1;
	return buf_iri(b);
}

static SerdNode entity_iri(writer *w, kgx_buf *b, const kgx_entry *e)
{
	return minted(w, b, "id/", e->id);
}

/* ------------------------------------------------------------ document */

#define KGX_OFFICIAL_PAGE "https://zoek.officielebekendmakingen.nl/"

/* The letter's own metadata (docs/ontology.md, "The letter"). A Kamerstuk
 * whose id is known is the same resource as <base>id/kst-…, the IRI a
 * citation of it resolves to, so that letters that cite letters join. */
static void write_meta(writer *w, const kgx_doc *doc, const SerdNode *d)
{
	if (doc->issued[0])
		put_typed(w, d, IRI(NS_DCT "issued"), doc->issued, IRI(NS_XSD "date"));
	else if (doc->mentioned)
		put_typed(w, d, IRI(NS_KGX "latestDate"), doc->mentioned, IRI(NS_XSD "date"));
	if (doc->kst) {
		put(w, d, IRI(NS_DCT "identifier"), lit(doc->kst));
		put(w, d, IRI(NS_OWL "sameAs"), minted(w, &w->obj, "id/", doc->kst));
		w->obj.len = 0;
		if (kgx_buf_add(&w->obj, KGX_OFFICIAL_PAGE, sizeof KGX_OFFICIAL_PAGE - 1) ||
		    kgx_buf_add(&w->obj, doc->kst, strlen(doc->kst)) || kgx_buf_add(&w->obj, ".html", 5))
			w->out->failed = 1;
		put(w, d, IRI(NS_RDFS "seeAlso"), buf_iri(&w->obj));
		/* kst-DOSSIER-NR: the dossier is what lies between */
		const char *first = doc->kst + 4, *last = strrchr(doc->kst, '-');
		w->lit.len = 0;
		for (const char *p = first; p < last; p++)
			if (kgx_buf_addc(&w->lit, (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p)))
				w->out->failed = 1;
		if (!w->out->failed)
			put(w, d, IRI(NS_KGX "dossierNumber"), node(SERD_LITERAL, w->lit.s, w->lit.len));
		put(w, d, IRI(NS_KGX "itemNumber"), lit(last + 1));
	} else {
		if (doc->ident)
			put(w, d, IRI(NS_DCT "identifier"), lit(doc->ident));
		if (doc->kamerstuk)
			put(w, d, IRI(NS_KGX "itemNumber"), lit(doc->kamerstuk));
	}
	if (doc->kenmerk)
		put(w, d, IRI(NS_KGX "senderReference"), lit(doc->kenmerk));
	if (doc->title)
		put(w, d, IRI(NS_DCT "title"), lit(doc->title));
	for (size_t i = 0; i < sizeof doc->creators / sizeof doc->creators[0] && doc->creators[i]; i++)
		put(w, d, IRI(NS_DCT "creator"), entity_iri(w, &w->obj, doc->creators[i]));
}

/* Entities written for a document, with the surface forms seen. */
typedef struct {
	const kgx_entry *e;
	kgx_vec forms;  /* kgx_span into doc->text */
} written;

static int cmp_written(const void *a, const void *b)
{
	return strcmp(((const written *)a)->e->id, ((const written *)b)->e->id);
}

/* The entry of e in v, added if new; known numbers the entries of v. */
static written *find_or_add(kgx_vec *v, kgx_ptrset *known, const kgx_entry *e)
{
	uint32_t i = kgx_ptrset_find(known, e);
	if (i != KGX_INDEX_END)
		return &KGX_VEC_AT(v, written, i);
	written *w = kgx_vec_push(v);
	if (!w || kgx_ptrset_add(known, e) < 0)
		return NULL;
	w->e = e;
	kgx_vec_init(&w->forms, sizeof(kgx_span));
	return w;
}

/* Direct triples in the order of their subjects' blocks: the document's
 * own (no subject entry) first, then by subject id as the entities are,
 * predicate and object id. Equal triples end up next to each other. */
static int cmp_direct(const void *a, const void *b)
{
	const kgx_relation *x = *(const kgx_relation *const *)a, *y = *(const kgx_relation *const *)b;
	int c = x->s ? (y->s ? strcmp(x->s->id, y->s->id) : 1) : (y->s ? -1 : 0);
	if (!c)
		c = (x->predicate > y->predicate) - (x->predicate < y->predicate);
	return c ? c : strcmp(x->o->id, y->o->id);
}

/* The direct triples of sorted[*j...] whose subject is e (NULL: the
 * document), s being its IRI; each triple once, however many sentences
 * state it, so every format carries the same triples. */
static void write_direct(writer *w, const kgx_relation *const *sorted, size_t n, size_t *j,
                         const kgx_entry *e, const SerdNode *s)
{
	for (; *j < n; ++*j) {
		const kgx_relation *r = sorted[*j];
		if (e ? !r->s || strcmp(r->s->id, e->id) : r->s != NULL)
			break;
		if (*j && !cmp_direct(&sorted[*j - 1], &sorted[*j]))
			continue;
		put(w, s, iri2(w, &w->pred, NS_KGX, kgx_predicate_name(r->predicate)), entity_iri(w, &w->obj, r->o));
	}
}

/* e's external identifiers: the Wikidata item is the same thing (sameAs);
 * a TOOI organisation is matched, not merged, as TOOI describes the
 * organisation's registration (exactMatch); codes are typed literals. */
static void write_identifiers(writer *w, const SerdNode *s, const kgx_entry *e)
{
	if (e->wikidata)
		put(w, s, IRI(NS_OWL "sameAs"), iri2(w, &w->obj, "http://www.wikidata.org/entity/", e->wikidata));
	if (e->tooi)
		put(w, s, IRI(NS_SKOS "exactMatch"), node(SERD_URI, e->tooi, strlen(e->tooi)));
	if (e->iso3166)
		put_typed(w, s, IRI(NS_KGX "iso3166"), e->iso3166, IRI(NS_XSD "token"));
	if (e->crs)
		put_typed(w, s, IRI(NS_KGX "crsCode"), e->crs, IRI(NS_XSD "token"));
}

/* e's block: classes, labels, surface forms, identities. Leaves e's IRI in
 * w->subj for the direct triples that follow. */
static void write_entity(writer *w, const kgx_doc *doc, const written *wr)
{
	const kgx_entry *e = wr->e;
	SerdNode s = entity_iri(w, &w->subj, e);
	for (int i = 0; i < KGX_NCLASSES; i++)
		if (e->classes & (1u << i))
			put(w, &s, IRI(NS_RDF "type"), iri2(w, &w->obj, NS_KGX, kgx_class_name(i)));
	put(w, &s, IRI(NS_RDFS "label"), lit(e->label));
	if (e->label_nl)
		put_lang(w, &s, IRI(NS_SKOS "prefLabel"), e->label_nl, "nl");
	if (e->label_en)
		put_lang(w, &s, IRI(NS_SKOS "prefLabel"), e->label_en, "en");
	kgx_buf form = {0}, prev = {0};
	/* forms were sorted by text; equal ones are written once */
	for (size_t i = 0; i < wr->forms.len; i++) {
		const kgx_span *sp = &KGX_VEC_AT(&wr->forms, kgx_span, i);
		if (kgx_buf_set_collapsed(&form, doc->text + sp->begin, sp->end - sp->begin)) {
			w->out->failed = 1;
			break;
		}
		if (i && prev.len == form.len && !memcmp(prev.s, form.s, form.len))
			continue;
		put(w, &s, IRI(NS_SKOS "altLabel"), node(SERD_LITERAL, form.s, form.len));
		prev.len = 0;
		if (kgx_buf_add(&prev, form.s, form.len))
			w->out->failed = 1;
	}
	kgx_buf_free(&form);
	kgx_buf_free(&prev);
	write_identifiers(w, &s, e);
}

/* One field of a statement's identity, then a separator byte no UTF-8
 * text contains. */
static uint64_t field(uint64_t h, const char *s)
{
	static const unsigned char sep = 0xff;
	return kgx_hash(kgx_hash(h, s, strlen(s)), &sep, 1);
}

/* r's provenance node, d being the document's IRI. */
static void write_statement(writer *w, const kgx_doc *doc, const SerdNode *d, const kgx_relation *r)
{
	const kgx_sentence *sent = &KGX_VEC_AT(&doc->sentences, kgx_sentence, r->sentence);
	/* evidence across sentences: from the start of the first to the end of the last */
	const kgx_sentence *first = &KGX_VEC_AT(&doc->sentences, kgx_sentence, r->sentence - r->back);
	const char *pred = kgx_predicate_name(r->predicate);

	/* The statement's IRI hashes what identifies it, so two runs agree. */
	char num[64];
	/* a seed of its own: changing it would change every published IRI */
	uint64_t h = 1469598103934665603ull;
	h = field(h, r->s ? r->s->id : "");
	h = field(h, pred);
	h = field(h, r->o->id);
	h = field(h, doc_path(doc));
	snprintf(num, sizeof num, "%u-%u", first->cp_begin, sent->cp_end);
	h = field(h, num);
	h = field(h, r->rule);
	w->subj.len = 0;
	if (kgx_buf_printf(&w->subj, "%sstmt/%016llx", w->out->base, (unsigned long long)h))
		w->out->failed = 1;
	SerdNode st = buf_iri(&w->subj);

	put(w, &st, IRI(NS_RDF "type"), IRI(NS_RDF "Statement"));
	put(w, &st, IRI(NS_RDF "subject"), r->s ? entity_iri(w, &w->obj, r->s) : *d);
	put(w, &st, IRI(NS_RDF "predicate"), iri2(w, &w->pred, NS_KGX, pred));
	put(w, &st, IRI(NS_RDF "object"), entity_iri(w, &w->obj, r->o));
	put(w, &st, IRI(NS_PROV "wasDerivedFrom"), *d);
	put_text(w, &st, IRI(NS_KGX "evidence"), doc->text + first->span.begin, sent->span.end - first->span.begin);
	snprintf(num, sizeof num, "%u", first->cp_begin);
	put_typed(w, &st, IRI(NS_KGX "beginIndex"), num, IRI(NS_XSD "integer"));
	snprintf(num, sizeof num, "%u", sent->cp_end);
	put_typed(w, &st, IRI(NS_KGX "endIndex"), num, IRI(NS_XSD "integer"));
	put(w, &st, IRI(NS_KGX "rule"), lit(r->rule));
	if (r->amount) {
		/* always with a decimal point (kgx_rel_amount), so serd writes it
		 * as a bare Turtle decimal and it reads back as xsd:decimal */
		put_typed(w, &st, IRI(NS_KGX "amount"), r->amount, IRI(NS_XSD "decimal"));
		if (r->currency)
			put(w, &st, IRI(NS_KGX "currency"), lit(r->currency));
	}
	const struct {
		const char *p;
		int v;
	} years[] = {{"year", r->year}, {"startYear", r->start_year}, {"endYear", r->end_year}};
	for (size_t i = 0; i < 3; i++)
		if (years[i].v > 0) {
			snprintf(num, sizeof num, "%d", years[i].v);
			put_typed(w, &st, iri2(w, &w->pred, NS_KGX, years[i].p), num, IRI(NS_XSD "integer"));
		}
}

/* NIF 2.0: the normalised text as a nif:Context and each mention as a
 * nif:Phrase, addressed by RFC 5147 code-point offsets (#char=b,e). */
static void write_mentions(writer *w, const kgx_doc *doc, const SerdNode *d)
{
	char num[48];
	uint32_t total = 0;
	for (size_t i = 0; i < doc->text_len; i++)
		total += ((unsigned char)doc->text[i] & 0xC0) != 0x80;
	/* its own buffer: the phrases refer to it while w->subj names them */
	kgx_buf at = {0};
	if (kgx_buf_add(&at, w->doc.s, w->doc.len) || kgx_buf_printf(&at, "#char=0,%u", total))
		w->out->failed = 1;
	SerdNode ctx = buf_iri(&at);
	put(w, &ctx, IRI(NS_RDF "type"), IRI(NS_NIF "Context"));
	put(w, &ctx, IRI(NS_RDF "type"), IRI(NS_NIF "RFC5147String"));
	/* the text is NUL-terminated at text_len */
	put(w, &ctx, IRI(NS_NIF "isString"), node(SERD_LITERAL, doc->text, doc->text_len));
	put_typed(w, &ctx, IRI(NS_NIF "beginIndex"), "0", IRI(NS_XSD "nonNegativeInteger"));
	snprintf(num, sizeof num, "%u", total);
	put_typed(w, &ctx, IRI(NS_NIF "endIndex"), num, IRI(NS_XSD "nonNegativeInteger"));
	put(w, &ctx, IRI(NS_NIF "sourceUrl"), *d);

	/* mentions are sorted by position: count code points as we go */
	uint32_t pos = 0, cp = 0;
	for (size_t i = 0; i < doc->mentions.len; i++) {
		const kgx_mention *m = &KGX_VEC_AT(&doc->mentions, kgx_mention, i);
		if (m->kind != KGX_M_STRONG)
			continue;
		if (m->span.begin < pos) {  /* nested: count again from the start */
			pos = 0;
			cp = 0;
		}
		for (; pos < m->span.begin; pos++)
			cp += ((unsigned char)doc->text[pos] & 0xC0) != 0x80;
		uint32_t b = cp, e = cp;
		for (uint32_t k = m->span.begin; k < m->span.end; k++)
			e += ((unsigned char)doc->text[k] & 0xC0) != 0x80;
		w->subj.len = 0;
		if (kgx_buf_add(&w->subj, w->doc.s, w->doc.len) || kgx_buf_printf(&w->subj, "#char=%u,%u", b, e))
			w->out->failed = 1;
		SerdNode ph = buf_iri(&w->subj);
		put(w, &ph, IRI(NS_RDF "type"), IRI(NS_NIF "Phrase"));
		put(w, &ph, IRI(NS_RDF "type"), IRI(NS_NIF "RFC5147String"));
		put(w, &ph, IRI(NS_NIF "referenceContext"), ctx);
		put_text(w, &ph, IRI(NS_NIF "anchorOf"), doc->text + m->span.begin, m->span.end - m->span.begin);
		snprintf(num, sizeof num, "%u", b);
		put_typed(w, &ph, IRI(NS_NIF "beginIndex"), num, IRI(NS_XSD "nonNegativeInteger"));
		snprintf(num, sizeof num, "%u", e);
		put_typed(w, &ph, IRI(NS_NIF "endIndex"), num, IRI(NS_XSD "nonNegativeInteger"));
		put(w, &ph, IRI(NS_ITSRDF "taIdentRef"), entity_iri(w, &w->obj, m->entry));
		int c = kgx_class_primary(m->entry->classes);
		put(w, &ph, IRI(NS_ITSRDF "taClassRef"), iri2(w, &w->pred, NS_KGX, kgx_class_name(c)));
	}
	kgx_buf_free(&at);
}

static int cmp_span_text(const void *a, const void *b, void *text)
{
	const kgx_span *x = a, *y = b;
	const char *t = text;
	size_t lx = x->end - x->begin, ly = y->end - y->begin;
	int c = memcmp(t + x->begin, t + y->begin, lx < ly ? lx : ly);
	return c ? c : (lx < ly ? -1 : lx > ly);
}

/* qsort with a context, portable: the text pointer goes through a static
 * only within this call chain, so threads each use their own copy. */
static _Thread_local const char *sort_text;
static int cmp_span(const void *a, const void *b)
{
	return cmp_span_text(a, b, (void *)sort_text);
}

/* serd's output goes straight into the document buffer; with
 * SERD_STYLE_BULK it comes in pages, not token by token. */
static size_t sink(const void *buf, size_t len, void *stream)
{
	kgx_out *out = stream;
	if (out->failed)
		return 0;
	if (out->dest && kgx_buf_add(out->dest, buf, len)) {
		out->failed = 1;
		return 0;
	}
	if (out->dest && out->sink_fn && out->dest->len >= KGX_OUT_PIECE) {
		/* a piece is full: hand it on and start the next */
		if (out->sink_fn(out->sink_ctx, out->dest->s, out->dest->len))
			out->failed = 1;
		out->dest->len = 0;
	}
	return out->failed ? 0 : len;
}

static SerdStatus on_error(void *handle, const SerdError *e)
{
	kgx_out *out = handle;
	char msg[256];
	va_list ap;
	va_copy(ap, *e->args);
	vsnprintf(msg, sizeof msg, e->fmt, ap);
	va_end(ap);
	msg[strcspn(msg, "\n")] = '\0';
	out->failed = 1;
	kgx_diag(NULL, "serd: %s", msg);
	return SERD_SUCCESS;
}

kgx_status kgx_out_doc(kgx_out *out, const kgx_doc *doc, kgx_buf *dest)
{
	if (out->fmt == KGX_FMT_DOT)
		return kgx_dot_doc(doc, out->base, dest);
	static const SerdSyntax syntax[] = {SERD_TURTLE, SERD_NTRIPLES, SERD_NQUADS};
	/* Turtle abbreviates and keeps UTF-8 as it is; N-Triples and N-Quads
	 * escape what is not ASCII as \uXXXX: both as raptor2 wrote them. */
	SerdStyle style = out->fmt == KGX_FMT_TURTLE
		? (SerdStyle)(SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED | SERD_STYLE_BULK)
		: (SerdStyle)(SERD_STYLE_ASCII | SERD_STYLE_BULK);
	writer w = {0};
	w.out = out;
	out->failed = 0;
	out->dest = dest;
	size_t start = dest->len;
	w.sw = serd_writer_new(syntax[out->fmt], style, out->env, NULL, sink, out);
	if (!w.sw) {
		out->dest = NULL;
		return KGX_ERR_OUTPUT;
	}
	serd_writer_set_error_sink(w.sw, on_error, out);
	if (out->fmt == KGX_FMT_TURTLE)
		for (size_t i = 0; i < N_NAMESPACES; i++) {
			SerdNode name = lit(namespaces[i].prefix);
			SerdNode uri = node(SERD_URI, namespaces[i].iri, strlen(namespaces[i].iri));
			if (serd_writer_set_prefix(w.sw, &name, &uri))
				out->failed = 1;
		}

	SerdNode d = minted(&w, &w.doc, "doc/", doc_path(doc));
	if (out->fmt == KGX_FMT_NQUADS)
		w.graph = &d;

	/* which entities this document names or relates */
	kgx_vec ents;
	kgx_ptrset ents_index;
	kgx_vec_init(&ents, sizeof(written));
	kgx_ptrset_init(&ents_index);
	for (size_t i = 0; i < doc->mentions.len; i++) {
		const kgx_mention *m = &KGX_VEC_AT(&doc->mentions, kgx_mention, i);
		if (m->kind != KGX_M_STRONG)
			continue;
		written *wr = find_or_add(&ents, &ents_index, m->entry);
		kgx_span *sp = wr ? kgx_vec_push(&wr->forms) : NULL;
		if (!sp) {
			out->failed = 1;
			break;
		}
		*sp = m->span;
	}
	size_t kept = relations_within_budget(doc);
	for (size_t i = 0; i < kept; i++) {
		const kgx_relation *r = &KGX_VEC_AT(&doc->relations, kgx_relation, i);
		if ((r->s && !find_or_add(&ents, &ents_index, r->s)) || !find_or_add(&ents, &ents_index, r->o))
			out->failed = 1;
	}
	for (size_t i = 0; i < sizeof doc->creators / sizeof doc->creators[0] && doc->creators[i]; i++)
		if (!find_or_add(&ents, &ents_index, doc->creators[i]))
			out->failed = 1;
	kgx_ptrset_free(&ents_index);
	if (ents.len)
		qsort(ents.data, ents.len, sizeof(written), cmp_written);

	/* Each subject's triples one after the other, so that Turtle writes
	 * every subject once, its predicates joined by ';' and objects by ','.
	 * The direct triples are sorted to follow their subject's block. */
	size_t nrel = kept, j = 0;
	const kgx_relation **direct = nrel ? malloc(nrel * sizeof *direct) : NULL;
	if (nrel && !direct) {
		out->failed = 1;
		nrel = 0;
	}
	for (size_t i = 0; i < nrel; i++)
		direct[i] = &KGX_VEC_AT(&doc->relations, kgx_relation, i);
	if (nrel > 1)
		qsort(direct, nrel, sizeof *direct, cmp_direct);

	put(&w, &d, IRI(NS_RDF "type"), IRI(NS_KGX "Document"));
	put(&w, &d, IRI(NS_DCT "source"), lit(doc->source));
	write_meta(&w, doc, &d);
	for (size_t i = 0; i < ents.len; i++)
		put(&w, &d, IRI(NS_SCHEMA "mentions"), entity_iri(&w, &w.obj, KGX_VEC_AT(&ents, written, i).e));
	write_direct(&w, direct, nrel, &j, NULL, &d);
	sort_text = doc->text;
	for (size_t i = 0; i < ents.len; i++) {
		written *wr = &KGX_VEC_AT(&ents, written, i);
		if (wr->forms.len)
			qsort(wr->forms.data, wr->forms.len, sizeof(kgx_span), cmp_span);
		write_entity(&w, doc, wr);
		SerdNode s = buf_iri(&w.subj);
		write_direct(&w, direct, nrel, &j, wr->e, &s);
		kgx_vec_free(&wr->forms);
	}
	kgx_vec_free(&ents);
	/* not reached unless a subject could not be listed (out of memory) */
	while (j < nrel) {
		const kgx_relation *r = direct[j];
		SerdNode s = r->s ? entity_iri(&w, &w.subj, r->s) : d;
		write_direct(&w, direct, nrel, &j, r->s, &s);
	}
	free(direct);
	for (size_t i = 0; i < kept; i++)
		write_statement(&w, doc, &d, &KGX_VEC_AT(&doc->relations, kgx_relation, i));

	if (out->mentions)
		write_mentions(&w, doc, &d);
	if (serd_writer_finish(w.sw))
		out->failed = 1;
	serd_writer_free(w.sw);
	out->dest = NULL;
	kgx_buf_free(&w.doc);
	kgx_buf_free(&w.subj);
	kgx_buf_free(&w.obj);
	kgx_buf_free(&w.pred);
	kgx_buf_free(&w.lit);
	if (out->failed) {
		dest->len = start;  /* never a half document */
		if (dest->s)
			dest->s[start] = '\0';
		return KGX_ERR_OUTPUT;
	}
	return KGX_OK;
}

kgx_status kgx_out_doc_stream(kgx_out *out, const kgx_doc *doc, kgx_out_sink_fn fn, void *ctx)
{
	kgx_buf piece = {0};
	out->sink_fn = fn;
	out->sink_ctx = ctx;
	kgx_status st = kgx_out_doc(out, doc, &piece);
	if (st == KGX_OK && piece.len && fn(ctx, piece.s, piece.len))
		st = KGX_ERR_OUTPUT;
	out->sink_fn = NULL;
	out->sink_ctx = NULL;
	kgx_buf_free(&piece);
	return st;
}

void kgx_out_set_mentions(kgx_out *out, int on)
{
	out->mentions = on;
}

const char *kgx_out_header(kgx_format fmt)
{
	return fmt == KGX_FMT_DOT ? kgx_dot_header : "";
}

const char *kgx_out_footer(kgx_format fmt)
{
	return fmt == KGX_FMT_DOT ? "}\n" : "";
}

/* ------------------------------------------------------------ files (raptor2) */

#ifdef KGX_RAPTOR_SONAME
/* raptor2 is opened by kgx_out_file, not linked: with what it brings (curl,
 * GnuTLS, Kerberos, LDAP, ICU: some 40 libraries) it cost 20 ms at every
 * start, for --ontology alone. */
static struct {
	int tried, ok;
	raptor_world *(*raptor_new_world_internal)(unsigned int);
	int (*raptor_world_open)(raptor_world *);
	void (*raptor_free_world)(raptor_world *);
	int (*raptor_world_set_log_handler)(raptor_world *, void *, raptor_log_handler);
	unsigned char *(*raptor_uri_filename_to_uri_string)(const char *);
	raptor_uri *(*raptor_new_uri)(raptor_world *, const unsigned char *);
	void (*raptor_free_uri)(raptor_uri *);
	raptor_parser *(*raptor_new_parser)(raptor_world *, const char *);
	void (*raptor_parser_set_statement_handler)(raptor_parser *, void *, raptor_statement_handler);
	int (*raptor_parser_parse_file)(raptor_parser *, raptor_uri *, raptor_uri *);
	void (*raptor_free_parser)(raptor_parser *);
	raptor_iostream *(*raptor_new_iostream_from_handler)(raptor_world *, void *, const raptor_iostream_handler *const);
	void (*raptor_free_iostream)(raptor_iostream *);
	raptor_serializer *(*raptor_new_serializer)(raptor_world *, const char *);
	int (*raptor_serializer_set_namespace)(raptor_serializer *, raptor_uri *, const unsigned char *);
	int (*raptor_serializer_start_to_iostream)(raptor_serializer *, raptor_uri *, raptor_iostream *);
	int (*raptor_serializer_serialize_statement)(raptor_serializer *, raptor_statement *);
	int (*raptor_serializer_serialize_end)(raptor_serializer *);
	void (*raptor_free_serializer)(raptor_serializer *);
	void (*raptor_free_memory)(void *);
} lib;

/* Open raptor2 once (kgx_out_file runs on the main thread). */
static int load_raptor(void)
{
	if (lib.tried)
		return lib.ok;
	lib.tried = 1;
	void *h = dlopen(KGX_RAPTOR_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		kgx_diag(NULL, "raptor2 (%s) cannot be opened: %s", KGX_RAPTOR_SONAME, dlerror());
		return 0;
	}
	int ok = 1;
#define SYM(name) ok &= (*(void **)&lib.name = dlsym(h, #name)) != NULL
	SYM(raptor_new_world_internal);
	SYM(raptor_world_open);
	SYM(raptor_free_world);
	SYM(raptor_world_set_log_handler);
	SYM(raptor_uri_filename_to_uri_string);
	SYM(raptor_new_uri);
	SYM(raptor_free_uri);
	SYM(raptor_new_parser);
	SYM(raptor_parser_set_statement_handler);
	SYM(raptor_parser_parse_file);
	SYM(raptor_free_parser);
	SYM(raptor_new_iostream_from_handler);
	SYM(raptor_free_iostream);
	SYM(raptor_new_serializer);
	SYM(raptor_serializer_set_namespace);
	SYM(raptor_serializer_start_to_iostream);
	SYM(raptor_serializer_serialize_statement);
	SYM(raptor_serializer_serialize_end);
	SYM(raptor_free_serializer);
	SYM(raptor_free_memory);
#undef SYM
	lib.ok = ok;
	return ok;
}
#define raptor_new_world_internal lib.raptor_new_world_internal
#define raptor_world_open lib.raptor_world_open
#define raptor_free_world lib.raptor_free_world
#define raptor_world_set_log_handler lib.raptor_world_set_log_handler
#define raptor_uri_filename_to_uri_string lib.raptor_uri_filename_to_uri_string
#define raptor_new_uri lib.raptor_new_uri
#define raptor_free_uri lib.raptor_free_uri
#define raptor_new_parser lib.raptor_new_parser
#define raptor_parser_set_statement_handler lib.raptor_parser_set_statement_handler
#define raptor_parser_parse_file lib.raptor_parser_parse_file
#define raptor_free_parser lib.raptor_free_parser
#define raptor_new_iostream_from_handler lib.raptor_new_iostream_from_handler
#define raptor_free_iostream lib.raptor_free_iostream
#define raptor_new_serializer lib.raptor_new_serializer
#define raptor_serializer_set_namespace lib.raptor_serializer_set_namespace
#define raptor_serializer_start_to_iostream lib.raptor_serializer_start_to_iostream
#define raptor_serializer_serialize_statement lib.raptor_serializer_serialize_statement
#define raptor_serializer_serialize_end lib.raptor_serializer_serialize_end
#define raptor_free_serializer lib.raptor_free_serializer
#define raptor_free_memory lib.raptor_free_memory
#else
static int load_raptor(void)
{
	return 1;  /* linked */
}
#endif

/* kgx_out_file's state: raptor reports through the world's log handler. */
typedef struct {
	raptor_serializer *ser;
	int failed;
} copier;

static void log_handler(void *data, raptor_log_message *msg)
{
	copier *c = data;
	if (msg->level >= RAPTOR_LOG_LEVEL_ERROR) {
		c->failed = 1;
		kgx_diag(NULL, "raptor: %s", msg->text);
	}
}

/* Statements parsed from a file go straight to the serialiser. */
static void copy_statement(void *data, raptor_statement *st)
{
	copier *c = data;
	if (raptor_serializer_serialize_statement(c->ser, st))
		c->failed = 1;
}

/* An iostream into a kgx_buf: raptor's own string stream appends byte by
 * byte to a string buffer. */
static int io_write_byte(void *ctx, const int byte)
{
	return kgx_buf_addc(ctx, (char)byte);
}

static int io_write_bytes(void *ctx, const void *ptr, size_t size, size_t nmemb)
{
	return kgx_buf_add(ctx, ptr, size * nmemb) ? -1 : (int)nmemb;
}

static const raptor_iostream_handler buf_handler = {
	.version = 2,
	.write_byte = io_write_byte,
	.write_bytes = io_write_bytes,
};

/* A world of its own, made and freed here: --ontology calls this once, on
 * the main thread, and the document writers need none. */
kgx_status kgx_out_file(kgx_out *out, const char *path, kgx_buf *dest)
{
	static const char *names[] = {"turtle", "ntriples", "nquads", "ntriples"};
	copier c = {0};
	size_t start = dest->len;
	if (!load_raptor())
		return KGX_ERR_OUTPUT;
	raptor_world *world = raptor_new_world();
	if (!world || raptor_world_open(world)) {
		if (world)
			raptor_free_world(world);
		return KGX_ERR_OUTPUT;
	}
	raptor_world_set_log_handler(world, &c, log_handler);
	unsigned char *file_uri = raptor_uri_filename_to_uri_string(path);
	raptor_uri *uri = file_uri ? raptor_new_uri(world, file_uri) : NULL;
	raptor_parser *p = raptor_new_parser(world, "turtle");
	raptor_iostream *io = raptor_new_iostream_from_handler(world, dest, &buf_handler);
	c.ser = raptor_new_serializer(world, names[out->fmt]);
	kgx_status st = KGX_ERR_OUTPUT;
	if (uri && p && io && c.ser) {
		/* prefixes only shorten the output: one that cannot be set (rdf:
		 * is built in) is no failure */
		if (out->fmt == KGX_FMT_TURTLE)
			for (size_t i = 0; i < N_NAMESPACES; i++) {
				raptor_uri *ns = raptor_new_uri(world, (const unsigned char *)namespaces[i].iri);
				if (ns) {
					raptor_serializer_set_namespace(c.ser, ns, (const unsigned char *)namespaces[i].prefix);
					raptor_free_uri(ns);
				}
			}
		raptor_serializer_start_to_iostream(c.ser, NULL, io);
		raptor_parser_set_statement_handler(p, &c, copy_statement);
		if (raptor_parser_parse_file(p, uri, NULL))
			c.failed = 1;
		raptor_serializer_serialize_end(c.ser);
		st = c.failed ? KGX_ERR_OUTPUT : KGX_OK;
	}
	if (c.ser)
		raptor_free_serializer(c.ser);
	if (io)
		raptor_free_iostream(io);
	if (p)
		raptor_free_parser(p);
	if (uri)
		raptor_free_uri(uri);
	if (file_uri)
		raptor_free_memory(file_uri);
	raptor_free_world(world);
	if (st != KGX_OK) {
		dest->len = start;
		if (dest->s)
			dest->s[start] = '\0';
	}
	return st;
}
