/* Graphviz writer: entities and relations, without provenance. Documents
 * write their nodes and edges again; dot merges nodes with the same id. */
#include "dot.h"
#include "hash.h"

#include <string.h>

const char kgx_dot_header[] =
	"digraph kgx {\n"
	"  graph [rankdir=LR, overlap=false, fontname=\"Helvetica\"];\n"
	"  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n"
	"  edge [fontname=\"Helvetica\", fontsize=8, color=\"#555555\"];\n";

/* One colour per class, in the order of kgx_class bits. */
static const char *const colours[KGX_NCLASSES] = {
	"#8ecae6", /* UNBody */
	"#ffb703", /* Mission */
	"#90be6d", /* Fund */
	"#f4a3a8", /* Minister */
	"#f9d5e5", /* Person */
	"#cdb4db", /* Organisation */
	"#bde0fe", /* GovernmentBody */
	"#e9edc9", /* Country */
	"#ffd6a5", /* Event */
	"#dddddd", /* Document */
};

/* A double-quoted dot string: quotes and backslashes escaped, line breaks
 * and other control characters turned into spaces. */
static int add_quoted(kgx_buf *b, const char *s)
{
	if (kgx_buf_addc(b, '"'))
		return -1;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			if (kgx_buf_addc(b, '\\') || kgx_buf_addc(b, (char)c))
				return -1;
		} else if (kgx_buf_addc(b, c < 0x20 ? ' ' : (char)c)) {
			return -1;
		}
	}
	return kgx_buf_addc(b, '"');
}

static int add_node_id(kgx_buf *b, const char *base, const kgx_entry *e)
{
	kgx_buf id = {0};
	int r = kgx_buf_printf(&id, "%sid/%s", base ? base : "https://w3id.org/kgx/", e->id) ||
	        add_quoted(b, id.s);
	kgx_buf_free(&id);
	return r;
}

static int add_node(kgx_buf *b, const char *base, const kgx_entry *e)
{
	int c = kgx_class_primary(e->classes);
	if (kgx_buf_add(b, "  ", 2) || add_node_id(b, base, e) || kgx_buf_add(b, " [label=", 8) ||
	    add_quoted(b, e->label) ||
	    kgx_buf_printf(b, ", fillcolor=\"%s\", tooltip=\"%s\"", colours[c < 0 ? 0 : c],
	                   kgx_class_name(c)))
		return -1;
	/* the Wikidata item as the node's link (wikidata is Q and digits, so
	 * it needs no quoting) */
	if (e->wikidata && kgx_buf_printf(b, ", URL=\"http://www.wikidata.org/entity/%s\"", e->wikidata))
		return -1;
	return kgx_buf_add(b, "];\n", 3) ? -1 : 0;
}

kgx_status kgx_dot_doc(const kgx_doc *doc, const char *base, kgx_buf *dest)
{
	size_t start = dest->len;
	int err = 0;
	/* a node for every entity named or related, once per document */
	kgx_ptrset seen;
	kgx_ptrset_init(&seen);
	for (size_t i = 0; i < doc->mentions.len + 2 * doc->relations.len && !err; i++) {
		const kgx_entry *e;
		if (i < doc->mentions.len) {
			const kgx_mention *m = &KGX_VEC_AT(&doc->mentions, kgx_mention, i);
			if (m->kind != KGX_M_STRONG)
				continue;
			e = m->entry;
		} else {
			size_t k = (i - doc->mentions.len) / 2;
			const kgx_relation *r = &KGX_VEC_AT(&doc->relations, kgx_relation, k);
			e = (i - doc->mentions.len) % 2 ? r->o : r->s;
			if (!e)
				continue;
		}
		int added = kgx_ptrset_add(&seen, e);
		err = added < 0 || (added && add_node(dest, base, e));
	}
	kgx_ptrset_free(&seen);
	kgx_index edges;  /* relations by subject, object and predicate */
	kgx_index_init(&edges);
	/* relations whose subject is the letter itself (signedBy) become a node
	 * for the letter */
	for (size_t i = 0; i < doc->relations.len && !err; i++) {
		const kgx_relation *r = &KGX_VEC_AT(&doc->relations, kgx_relation, i);
		int dup = 0;
		uint64_t h = kgx_hash_word(kgx_hash_word(kgx_hash_word(0, (uintptr_t)r->s), (uintptr_t)r->o),
		                           (uint64_t)r->predicate);
		for (uint32_t cur, k = kgx_index_find(&edges, h, &cur); k != KGX_INDEX_END && !dup;
		     k = kgx_index_again(&edges, h, &cur)) {
			const kgx_relation *q = &KGX_VEC_AT(&doc->relations, kgx_relation, k);
			dup = q->s == r->s && q->o == r->o && q->predicate == r->predicate;
		}
		if (dup)
			continue;
		if (kgx_index_add(&edges, h, (uint32_t)i)) {
			err = 1;
			break;
		}
		err = kgx_buf_add(dest, "  ", 2) != 0;
		if (!err && r->s) {
			err = add_node_id(dest, base, r->s);
		} else if (!err) {
			kgx_buf id = {0};
			err = kgx_buf_printf(&id, "%s", doc->source) || add_quoted(dest, id.s);
			kgx_buf_free(&id);
		}
		err = err || kgx_buf_add(dest, " -> ", 4) || add_node_id(dest, base, r->o) ||
		      kgx_buf_printf(dest, " [label=\"%s\"];\n", kgx_predicate_name(r->predicate));
	}
	kgx_index_free(&edges);
	if (err) {
		dest->len = start;
		return KGX_ERR_NOMEM;
	}
	return KGX_OK;
}
