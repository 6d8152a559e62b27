/* RDF writer over raptor2. A new serialiser per document: raptor2's Turtle
 * serialiser buffers the whole graph until serialize_end and cannot be
 * restarted cleanly, so per-document serialisers into one stream keep memory
 * flat and the concatenation valid (see shared/spec/FACTS.md). */
#include "out.h"
#include "dot.h"
#include "hash.h"

#include <raptor2.h>
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

struct kgx_out {
	raptor_world *world;
	kgx_format fmt;
	char *base;
	raptor_uri *ns_uris[sizeof namespaces / sizeof namespaces[0]];
	raptor_uri *xsd_decimal, *xsd_integer, *xsd_nonneg;
	int failed;
	int mentions;
};

/* State while one document is written. */
typedef struct {
	kgx_out *out;
	raptor_serializer *ser;
	raptor_term *graph;  /* nquads: the document's graph */
	kgx_buf iri;         /* scratch */
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

static void log_handler(void *data, raptor_log_message *msg)
{
	kgx_out *out = data;
	if (msg->level >= RAPTOR_LOG_LEVEL_ERROR) {
		out->failed = 1;
		kgx_diag(NULL, "raptor: %s", msg->text);
	}
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
	out->world = raptor_new_world();
	if (!out->base || !out->world || raptor_world_open(out->world)) {
		kgx_out_free(out);
		return NULL;
	}
	memcpy(out->base, base, n + 1);
	if (n && base[n - 1] != '/' && base[n - 1] != '#')
		strcat(out->base, "/");
	raptor_world_set_log_handler(out->world, out, log_handler);
	for (size_t i = 0; i < sizeof namespaces / sizeof namespaces[0]; i++)
		out->ns_uris[i] = raptor_new_uri(out->world, (const unsigned char *)namespaces[i].iri);
	out->xsd_decimal = raptor_new_uri(out->world, (const unsigned char *)NS_XSD "decimal");
	out->xsd_integer = raptor_new_uri(out->world, (const unsigned char *)NS_XSD "integer");
	out->xsd_nonneg = raptor_new_uri(out->world, (const unsigned char *)NS_XSD "nonNegativeInteger");
	return out;
}

void kgx_out_free(kgx_out *out)
{
	if (!out)
		return;
	if (out->world) {
		for (size_t i = 0; i < sizeof namespaces / sizeof namespaces[0]; i++)
			if (out->ns_uris[i])
				raptor_free_uri(out->ns_uris[i]);
		if (out->xsd_decimal)
			raptor_free_uri(out->xsd_decimal);
		if (out->xsd_integer)
			raptor_free_uri(out->xsd_integer);
		if (out->xsd_nonneg)
			raptor_free_uri(out->xsd_nonneg);
		raptor_free_world(out->world);
	}
	free(out->base);
	free(out);
}

/* ------------------------------------------------------------ terms */

static raptor_term *iri(writer *w, const char *s)
{
	return raptor_new_term_from_uri_string(w->out->world, (const unsigned char *)s);
}

static raptor_term *iri2(writer *w, const char *a, const char *b)
{
	w->iri.len = 0;
	kgx_buf_add(&w->iri, a, strlen(a));
	kgx_buf_add(&w->iri, b, strlen(b));
	return iri(w, w->iri.s);
}

/* Percent-encode what is not safe in an IRI path segment; '/' is kept so a
 * document path reads as one, but ".." segments are encoded so no IRI
 * resolver can shorten them. */
static void add_path(kgx_buf *b, const char *s)
{
	for (size_t i = 0; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		int dotdot = c == '.' && (i == 0 || s[i - 1] == '/') && s[i + 1] == '.' &&
		             (s[i + 2] == '/' || !s[i + 2]);
		if (dotdot) {
			kgx_buf_add(b, "%2E%2E", 6);
			i++;
			continue;
		}
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
			kgx_buf_addc(b, (char)c);
		else
			kgx_buf_printf(b, "%%%02X", c);
	}
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

static raptor_term *doc_iri(writer *w, const kgx_doc *doc)
{
	w->iri.len = 0;
	kgx_buf_printf(&w->iri, "%sdoc/", w->out->base);
	add_path(&w->iri, doc_path(doc));
	return iri(w, w->iri.s);
}

static raptor_term *entity_iri(writer *w, const kgx_entry *e)
{
	w->iri.len = 0;
	kgx_buf_printf(&w->iri, "%sid/", w->out->base);
	add_path(&w->iri, e->id);
	return iri(w, w->iri.s);
}

static raptor_term *literal(writer *w, const char *s, size_t n, raptor_uri *dt, const char *lang)
{
	return raptor_new_term_from_counted_literal(w->out->world, (const unsigned char *)s, n, dt,
	                                            (const unsigned char *)lang,
	                                            lang ? (unsigned char)strlen(lang) : 0);
}

/* Write s p o; takes ownership of the three terms. */
static void put(writer *w, raptor_term *s, raptor_term *p, raptor_term *o)
{
	if (!s || !p || !o) {
		w->out->failed = 1;
		if (s) raptor_free_term(s);
		if (p) raptor_free_term(p);
		if (o) raptor_free_term(o);
		return;
	}
	raptor_term *g = w->graph ? raptor_term_copy(w->graph) : NULL;
	raptor_statement *st = raptor_new_statement_from_nodes(w->out->world, s, p, o, g);
	if (!st) {
		w->out->failed = 1;
		return;
	}
	if (raptor_serializer_serialize_statement(w->ser, st))
		w->out->failed = 1;
	raptor_free_statement(st);
}

static void put_lit(writer *w, raptor_term *s, const char *p, const char *v, const char *lang)
{
	put(w, s, iri(w, p), literal(w, v, strlen(v), NULL, lang));
}

/* ------------------------------------------------------------ document */

/* Entities written for a document, with the surface forms seen. */
typedef struct {
	const kgx_entry *e;
	kgx_vec forms;  /* kgx_span into doc->text */
} written;

static int cmp_written(const void *a, const void *b)
{
	return strcmp(((const written *)a)->e->id, ((const written *)b)->e->id);
}

/* The entry of e in v, added if new; ix indexes v by entry pointer. */
static written *find_or_add(kgx_vec *v, kgx_index *ix, const kgx_entry *e)
{
	uint64_t h = kgx_hash_word(0, (uintptr_t)e);
	for (uint32_t cur, i = kgx_index_find(ix, h, &cur); i != KGX_INDEX_END; i = kgx_index_again(ix, h, &cur))
		if (KGX_VEC_AT(v, written, i).e == e)
			return &KGX_VEC_AT(v, written, i);
	written *w = kgx_vec_push(v);
	if (!w || kgx_index_add(ix, h, (uint32_t)(v->len - 1)))
		return NULL;
	w->e = e;
	kgx_vec_init(&w->forms, sizeof(kgx_span));
	return w;
}

/* Whether an earlier relation of the document has r's subject, predicate and
 * object; ix indexes the relations before r by those three. */
static int stated_before(const kgx_doc *doc, kgx_index *ix, size_t i, int *nomem)
{
	const kgx_relation *r = &KGX_VEC_AT(&doc->relations, kgx_relation, i);
	uint64_t h = kgx_hash_word(kgx_hash_word(kgx_hash_word(0, (uintptr_t)r->s), (uintptr_t)r->o), (uint64_t)r->predicate);
	for (uint32_t cur, k = kgx_index_find(ix, h, &cur); k != KGX_INDEX_END; k = kgx_index_again(ix, h, &cur)) {
		const kgx_relation *q = &KGX_VEC_AT(&doc->relations, kgx_relation, k);
		if (q->s == r->s && q->o == r->o && q->predicate == r->predicate)
			return 1;
	}
	if (kgx_index_add(ix, h, (uint32_t)i))
		*nomem = 1;
	return 0;
}

static void write_entity(writer *w, const kgx_doc *doc, const written *wr)
{
	const kgx_entry *e = wr->e;
	raptor_term *s = entity_iri(w, e);
	for (int i = 0; i < KGX_NCLASSES; i++)
		if (e->classes & (1u << i))
			put(w, raptor_term_copy(s), iri(w, NS_RDF "type"), iri2(w, NS_KGX, kgx_class_name(i)));
	put_lit(w, raptor_term_copy(s), NS_RDFS "label", e->label, NULL);
	if (e->label_nl)
		put_lit(w, raptor_term_copy(s), NS_SKOS "prefLabel", e->label_nl, "nl");
	if (e->label_en)
		put_lit(w, raptor_term_copy(s), NS_SKOS "prefLabel", e->label_en, "en");
	kgx_buf form = {0}, prev = {0};
	/* forms were sorted by text; equal ones are written once */
	for (size_t i = 0; i < wr->forms.len; i++) {
		const kgx_span *sp = &KGX_VEC_AT(&wr->forms, kgx_span, i);
		kgx_buf_set_collapsed(&form, doc->text + sp->begin, sp->end - sp->begin);
		if (i && prev.len == form.len && !memcmp(prev.s, form.s, form.len))
			continue;
		put(w, raptor_term_copy(s), iri(w, NS_SKOS "altLabel"), literal(w, form.s, form.len, NULL, NULL));
		prev.len = 0;
		kgx_buf_add(&prev, form.s, form.len);
	}
	kgx_buf_free(&form);
	kgx_buf_free(&prev);
	if (e->wikidata)
		put(w, raptor_term_copy(s), iri(w, NS_OWL "sameAs"),
		    iri2(w, "http://www.wikidata.org/entity/", e->wikidata));
	if (e->tooi)
		put(w, raptor_term_copy(s), iri(w, NS_OWL "sameAs"), iri(w, e->tooi));
	raptor_free_term(s);
}

/* One field of a statement's identity, then a separator byte no UTF-8
 * text contains. */
static uint64_t field(uint64_t h, const char *s)
{
	static const unsigned char sep = 0xff;
	return kgx_hash(kgx_hash(h, s, strlen(s)), &sep, 1);
}

static void write_relation(writer *w, const kgx_doc *doc, raptor_term *d, const kgx_relation *r,
                           int direct)
{
	const kgx_sentence *sent = &KGX_VEC_AT(&doc->sentences, kgx_sentence, r->sentence);
	raptor_term *s = r->s ? entity_iri(w, r->s) : raptor_term_copy(d);
	raptor_term *o = entity_iri(w, r->o);
	const char *pred = kgx_predicate_name(r->predicate);
	/* the direct triple once, however many sentences state it: every
	 * format then carries the same number of triples */
	if (direct)
		put(w, raptor_term_copy(s), iri2(w, NS_KGX, pred), raptor_term_copy(o));

	/* The statement's IRI hashes what identifies it, so two runs agree. */
	char num[64];
	/* a seed of its own: changing it would change every published IRI */
	uint64_t h = 1469598103934665603ull;
	h = field(h, r->s ? r->s->id : "");
	h = field(h, pred);
	h = field(h, r->o->id);
	h = field(h, doc_path(doc));
	snprintf(num, sizeof num, "%u-%u", sent->cp_begin, sent->cp_end);
	h = field(h, num);
	h = field(h, r->rule);
	w->iri.len = 0;
	kgx_buf_printf(&w->iri, "%sstmt/%016llx", w->out->base, (unsigned long long)h);
	raptor_term *st = iri(w, w->iri.s);

	put(w, raptor_term_copy(st), iri(w, NS_RDF "type"), iri(w, NS_RDF "Statement"));
	put(w, raptor_term_copy(st), iri(w, NS_RDF "subject"), s);
	put(w, raptor_term_copy(st), iri(w, NS_RDF "predicate"), iri2(w, NS_KGX, pred));
	put(w, raptor_term_copy(st), iri(w, NS_RDF "object"), o);
	put(w, raptor_term_copy(st), iri(w, NS_PROV "wasDerivedFrom"), raptor_term_copy(d));
	put(w, raptor_term_copy(st), iri(w, NS_KGX "evidence"),
	    literal(w, doc->text + sent->span.begin, sent->span.end - sent->span.begin, NULL, NULL));
	snprintf(num, sizeof num, "%u", sent->cp_begin);
	put(w, raptor_term_copy(st), iri(w, NS_KGX "beginIndex"), literal(w, num, strlen(num), w->out->xsd_integer, NULL));
	snprintf(num, sizeof num, "%u", sent->cp_end);
	put(w, raptor_term_copy(st), iri(w, NS_KGX "endIndex"), literal(w, num, strlen(num), w->out->xsd_integer, NULL));
	put_lit(w, raptor_term_copy(st), NS_KGX "rule", r->rule, NULL);
	if (r->amount) {
		put(w, raptor_term_copy(st), iri(w, NS_KGX "amount"),
		    literal(w, r->amount, strlen(r->amount), w->out->xsd_decimal, NULL));
		if (r->currency)
			put_lit(w, raptor_term_copy(st), NS_KGX "currency", r->currency, NULL);
	}
	const struct {
		const char *p;
		int v;
	} years[] = {{"year", r->year}, {"startYear", r->start_year}, {"endYear", r->end_year}};
	for (size_t i = 0; i < 3; i++)
		if (years[i].v > 0) {
			snprintf(num, sizeof num, "%d", years[i].v);
			put(w, raptor_term_copy(st), iri2(w, NS_KGX, years[i].p),
			    literal(w, num, strlen(num), w->out->xsd_integer, NULL));
		}
	raptor_free_term(st);
}

/* NIF 2.0: the normalised text as a nif:Context and each mention as a
 * nif:Phrase, addressed by RFC 5147 code-point offsets (#char=b,e). */
static void write_mentions(writer *w, const kgx_doc *doc, raptor_term *d)
{
	char num[48];
	uint32_t total = 0;
	for (size_t i = 0; i < doc->text_len; i++)
		total += ((unsigned char)doc->text[i] & 0xC0) != 0x80;
	/* its own buffer: iri2() and entity_iri() reuse w->iri */
	kgx_buf at = {0};
	kgx_buf_printf(&at, "%sdoc/", w->out->base);
	add_path(&at, doc_path(doc));
	size_t doc_len = at.len;
	kgx_buf_printf(&at, "#char=0,%u", total);
	raptor_term *ctx = iri(w, at.s);
	put(w, raptor_term_copy(ctx), iri(w, NS_RDF "type"), iri(w, NS_NIF "Context"));
	put(w, raptor_term_copy(ctx), iri(w, NS_RDF "type"), iri(w, NS_NIF "RFC5147String"));
	put(w, raptor_term_copy(ctx), iri(w, NS_NIF "isString"), literal(w, doc->text, doc->text_len, NULL, NULL));
	put(w, raptor_term_copy(ctx), iri(w, NS_NIF "beginIndex"), literal(w, "0", 1, w->out->xsd_nonneg, NULL));
	snprintf(num, sizeof num, "%u", total);
	put(w, raptor_term_copy(ctx), iri(w, NS_NIF "endIndex"), literal(w, num, strlen(num), w->out->xsd_nonneg, NULL));
	put(w, raptor_term_copy(ctx), iri(w, NS_NIF "sourceUrl"), raptor_term_copy(d));

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
		at.len = doc_len;
		at.s[doc_len] = '\0';
		kgx_buf_printf(&at, "#char=%u,%u", b, e);
		raptor_term *ph = iri(w, at.s);
		put(w, raptor_term_copy(ph), iri(w, NS_RDF "type"), iri(w, NS_NIF "Phrase"));
		put(w, raptor_term_copy(ph), iri(w, NS_RDF "type"), iri(w, NS_NIF "RFC5147String"));
		put(w, raptor_term_copy(ph), iri(w, NS_NIF "referenceContext"), raptor_term_copy(ctx));
		put(w, raptor_term_copy(ph), iri(w, NS_NIF "anchorOf"),
		    literal(w, doc->text + m->span.begin, m->span.end - m->span.begin, NULL, NULL));
		snprintf(num, sizeof num, "%u", b);
		put(w, raptor_term_copy(ph), iri(w, NS_NIF "beginIndex"), literal(w, num, strlen(num), w->out->xsd_nonneg, NULL));
		snprintf(num, sizeof num, "%u", e);
		put(w, raptor_term_copy(ph), iri(w, NS_NIF "endIndex"), literal(w, num, strlen(num), w->out->xsd_nonneg, NULL));
		put(w, raptor_term_copy(ph), iri(w, NS_ITSRDF "taIdentRef"), entity_iri(w, m->entry));
		int c = kgx_class_primary(m->entry->classes);
		put(w, raptor_term_copy(ph), iri(w, NS_ITSRDF "taClassRef"), iri2(w, NS_KGX, kgx_class_name(c)));
		raptor_free_term(ph);
	}
	raptor_free_term(ctx);
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

/* An iostream into a kgx_buf: raptor's own string stream appends byte by
 * byte to a string buffer, which made it the most expensive part of kgx. */
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

kgx_status kgx_out_doc(kgx_out *out, const kgx_doc *doc, kgx_buf *dest)
{
	static const char *names[] = {"turtle", "ntriples", "nquads"};
	if (out->fmt == KGX_FMT_DOT)
		return kgx_dot_doc(doc, out->base, dest);
	writer w = {0};
	w.out = out;
	out->failed = 0;
	size_t start = dest->len;
	raptor_iostream *io = raptor_new_iostream_from_handler(out->world, dest, &buf_handler);
	w.ser = raptor_new_serializer(out->world, names[out->fmt]);
	if (!io || !w.ser) {
		if (io)
			raptor_free_iostream(io);
		if (w.ser)
			raptor_free_serializer(w.ser);
		return KGX_ERR_OUTPUT;
	}
	if (out->fmt == KGX_FMT_TURTLE)
		for (size_t i = 0; i < sizeof namespaces / sizeof namespaces[0]; i++)
			raptor_serializer_set_namespace(w.ser, out->ns_uris[i], (const unsigned char *)namespaces[i].prefix);
	raptor_serializer_start_to_iostream(w.ser, NULL, io);

	raptor_term *d = doc_iri(&w, doc);
	if (out->fmt == KGX_FMT_NQUADS)
		w.graph = raptor_term_copy(d);

	/* which entities this document names or relates */
	kgx_vec ents;
	kgx_index ents_index;
	kgx_vec_init(&ents, sizeof(written));
	kgx_index_init(&ents_index);
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
	for (size_t i = 0; i < doc->relations.len; i++) {
		const kgx_relation *r = &KGX_VEC_AT(&doc->relations, kgx_relation, i);
		if ((r->s && !find_or_add(&ents, &ents_index, r->s)) || !find_or_add(&ents, &ents_index, r->o))
			out->failed = 1;
	}
	kgx_index_free(&ents_index);
	if (ents.len)
		qsort(ents.data, ents.len, sizeof(written), cmp_written);

	put(&w, raptor_term_copy(d), iri(&w, NS_RDF "type"), iri(&w, NS_KGX "Document"));
	put_lit(&w, raptor_term_copy(d), NS_DCT "source", doc->source, NULL);
	if (doc->date)
		put_lit(&w, raptor_term_copy(d), NS_DCT "date", doc->date, NULL);
	if (doc->kamerstuk)
		put_lit(&w, raptor_term_copy(d), NS_DCT "identifier", doc->kamerstuk, NULL);
	sort_text = doc->text;
	for (size_t i = 0; i < ents.len; i++) {
		written *wr = &KGX_VEC_AT(&ents, written, i);
		if (wr->forms.len)
			qsort(wr->forms.data, wr->forms.len, sizeof(kgx_span), cmp_span);
		put(&w, raptor_term_copy(d), iri(&w, NS_SCHEMA "mentions"), entity_iri(&w, wr->e));
		write_entity(&w, doc, wr);
		kgx_vec_free(&wr->forms);
	}
	kgx_vec_free(&ents);
	kgx_index stated;
	kgx_index_init(&stated);
	for (size_t i = 0; i < doc->relations.len; i++) {
		int nomem = 0;
		int first = !stated_before(doc, &stated, i, &nomem);
		if (nomem)
			out->failed = 1;
		write_relation(&w, doc, d, &KGX_VEC_AT(&doc->relations, kgx_relation, i), first);
	}
	kgx_index_free(&stated);

	if (out->mentions)
		write_mentions(&w, doc, d);
	raptor_free_term(d);
	if (w.graph)
		raptor_free_term(w.graph);
	raptor_serializer_serialize_end(w.ser);
	raptor_free_serializer(w.ser);
	raptor_free_iostream(io);
	kgx_buf_free(&w.iri);
	if (out->failed) {
		dest->len = start;  /* never a half document */
		return KGX_ERR_OUTPUT;
	}
	return KGX_OK;
}

void kgx_out_set_mentions(kgx_out *out, int on)
{
	out->mentions = on;
}

/* Statements parsed from a file go straight to the serialiser. */
static void copy_statement(void *data, raptor_statement *st)
{
	writer *w = data;
	if (raptor_serializer_serialize_statement(w->ser, st))
		w->out->failed = 1;
}

const char *kgx_out_header(kgx_format fmt)
{
	return fmt == KGX_FMT_DOT ? kgx_dot_header : "";
}

const char *kgx_out_footer(kgx_format fmt)
{
	return fmt == KGX_FMT_DOT ? "}\n" : "";
}

kgx_status kgx_out_file(kgx_out *out, const char *path, kgx_buf *dest)
{
	static const char *names[] = {"turtle", "ntriples", "nquads", "ntriples"};
	writer w = {0};
	w.out = out;
	out->failed = 0;
	size_t start = dest->len;
	unsigned char *file_uri = raptor_uri_filename_to_uri_string(path);
	raptor_uri *uri = file_uri ? raptor_new_uri(out->world, file_uri) : NULL;
	raptor_parser *p = raptor_new_parser(out->world, "turtle");
	raptor_iostream *io = raptor_new_iostream_from_handler(out->world, dest, &buf_handler);
	w.ser = raptor_new_serializer(out->world, names[out->fmt]);
	kgx_status st = KGX_ERR_OUTPUT;
	if (uri && p && io && w.ser) {
		if (out->fmt == KGX_FMT_TURTLE)
			for (size_t i = 0; i < sizeof namespaces / sizeof namespaces[0]; i++)
				raptor_serializer_set_namespace(w.ser, out->ns_uris[i], (const unsigned char *)namespaces[i].prefix);
		raptor_serializer_start_to_iostream(w.ser, NULL, io);
		raptor_parser_set_statement_handler(p, &w, copy_statement);
		if (raptor_parser_parse_file(p, uri, NULL))
			out->failed = 1;
		raptor_serializer_serialize_end(w.ser);
		st = out->failed ? KGX_ERR_OUTPUT : KGX_OK;
	}
	if (w.ser)
		raptor_free_serializer(w.ser);
	if (io)
		raptor_free_iostream(io);
	if (p)
		raptor_free_parser(p);
	if (uri)
		raptor_free_uri(uri);
	if (file_uri)
		raptor_free_memory(file_uri);
	if (st != KGX_OK)
		dest->len = start;
	return st;
}
