/* Knowledge base: entries from rules/kb/ (*.kb files) and the trie of their names. */
#include "kb.h"
#include "hash.h"
#include "stanza.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_KB_LINE 4096

struct kgx_kb {
	kgx_vec entries;  /* kgx_entry *, in load order */
	kgx_arena arena;
	kgx_lex *lex;
	/* open-addressing id -> entry index + 1 */
	uint32_t *ids;
	size_t cap_ids;
	/* names waiting for their stanza to be complete (class decides case) */
	kgx_vec pending;  /* struct pending_name */
	size_t aliases;
};

typedef struct {
	const char *name;
	size_t len;
	kgx_alias_kind kind;
	kgx_loc loc;
} pending_name;

typedef struct {
	kgx_kb *kb;
	kgx_entry *cur;
	const char *file;
	kgx_vec located, part;  /* const char * */
	kgx_status st;
} load_ctx;

static uint64_t hash_str(const char *s)
{
	return kgx_hash(KGX_HASH_INIT, s, strlen(s));
}

static uint32_t *id_slot(const kgx_kb *kb, const char *id)
{
	if (!kb->cap_ids)
		return NULL;
	size_t mask = kb->cap_ids - 1;
	for (size_t i = hash_str(id) & mask;; i = (i + 1) & mask) {
		uint32_t v = kb->ids[i];
		if (!v || !strcmp(KGX_VEC_AT(&kb->entries, kgx_entry *, v - 1)->id, id))
			return &kb->ids[i];
	}
}

static int index_grow(kgx_kb *kb)
{
	size_t cap = kb->cap_ids ? kb->cap_ids * 2 : 1024;
	uint32_t *ids = calloc(cap, sizeof *ids);
	if (!ids)
		return -1;
	uint32_t *old = kb->ids;
	size_t old_cap = kb->cap_ids;
	kb->ids = ids;
	kb->cap_ids = cap;
	for (size_t i = 0; i < old_cap; i++)
		if (old[i])
			*id_slot(kb, KGX_VEC_AT(&kb->entries, kgx_entry *, old[i] - 1)->id) = old[i];
	free(old);
	return 0;
}

kgx_kb *kgx_kb_new(void)
{
	kgx_kb *kb = calloc(1, sizeof *kb);
	if (!kb)
		return NULL;
	kgx_vec_init(&kb->entries, sizeof(kgx_entry *));
	kgx_vec_init(&kb->pending, sizeof(pending_name));
	kgx_arena_init(&kb->arena);
	kb->lex = kgx_lex_new();
	if (!kb->lex) {
		free(kb);
		return NULL;
	}
	return kb;
}

void kgx_kb_free(kgx_kb *kb)
{
	if (!kb)
		return;
	kgx_vec_free(&kb->entries);
	kgx_vec_free(&kb->pending);
	kgx_arena_release(&kb->arena);
	kgx_lex_free(kb->lex);
	free(kb->ids);
	free(kb);
}

static int valid_id(const char *s, size_t len)
{
	if (!len)
		return 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			return 0;
	}
	return 1;
}

static const char **finish_list(kgx_kb *kb, kgx_vec *v, size_t *n)
{
	*n = v->len;
	if (!v->len)
		return NULL;
	const char **a = kgx_arena_alloc(&kb->arena, (v->len + 1) * sizeof *a);
	if (a)
		memcpy(a, v->data, v->len * sizeof *a);
	v->len = 0;
	return a;
}

/* Complete the current stanza: check it, then add its names to the trie
 * (only now is its class known, which decides case-sensitivity). */
static kgx_status finish(load_ctx *c)
{
	kgx_entry *e = c->cur;
	kgx_kb *kb = c->kb;
	if (!e)
		return KGX_OK;
	c->cur = NULL;
	if (!e->classes) {
		kgx_diag(&e->loc, "entry '%s' has no class", e->id);
		return KGX_ERR_RULE;
	}
	if (!e->label_nl && !e->label_en) {
		kgx_diag(&e->loc, "entry '%s' has neither 'nl' nor 'en'", e->id);
		return KGX_ERR_RULE;
	}
	e->label = e->label_nl ? e->label_nl : e->label_en;
	e->located_in_ids = finish_list(kb, &c->located, &e->n_located_in);
	e->part_of_ids = finish_list(kb, &c->part, &e->n_part_of);
	for (size_t i = 0; i < kb->pending.len; i++) {
		pending_name *p = &KGX_VEC_AT(&kb->pending, pending_name, i);
		kgx_status st = kgx_lex_add(kb->lex, p->name, p->len, e, p->kind);
		if (st == KGX_ERR_RULE) {
			kgx_diag(&p->loc, "name '%.*s' has no letters or digits", (int)p->len, p->name);
			return st;
		}
		if (st != KGX_OK)
			return st;
		kb->aliases++;
	}
	kb->pending.len = 0;
	return KGX_OK;
}

static kgx_status on_line(void *ctx, const kgx_stanza_line *l)
{
	load_ctx *c = ctx;
	kgx_kb *kb = c->kb;
	kgx_status st;
	if (!l->key) {
		TRY(st, finish(c));
		if (!valid_id(l->value, l->value_len)) {
			kgx_diag(&l->loc, "invalid id '%.*s': use lower-case letters, digits and '-'",
			         (int)l->value_len, l->value);
			return KGX_ERR_SYNTAX;
		}
		kgx_entry *e = kgx_arena_alloc(&kb->arena, sizeof *e);
		if (!e || !(e->id = kgx_arena_strndup(&kb->arena, l->value, l->value_len)))
			return KGX_ERR_NOMEM;
		e->loc = l->loc;
		e->loc.file = c->file;
		if ((kb->entries.len + 1) * 2 > kb->cap_ids && index_grow(kb))
			return KGX_ERR_NOMEM;
		uint32_t *slot = id_slot(kb, e->id);
		if (*slot) {
			const kgx_entry *prev = KGX_VEC_AT(&kb->entries, kgx_entry *, *slot - 1);
			kgx_diag(&l->loc, "duplicate id '%s' (first defined at %s:%u)", e->id,
			         prev->loc.file, prev->loc.line);
			return KGX_ERR_RULE;
		}
		kgx_entry **pe = kgx_vec_push(&kb->entries);
		if (!pe)
			return KGX_ERR_NOMEM;
		*pe = e;
		*slot = (uint32_t)kb->entries.len;
		c->cur = e;
		return KGX_OK;
	}
	kgx_entry *e = c->cur;
	kgx_loc vloc = l->loc;
	vloc.col = l->value_col;
	if (!l->value_len) {
		kgx_diag(&vloc, "empty value for '%.*s'", (int)l->key_len, l->key);
		return KGX_ERR_SYNTAX;
	}
#define KEY(k) (l->key_len == sizeof(k) - 1 && !memcmp(l->key, k, sizeof(k) - 1))
	char *v = kgx_arena_strndup(&kb->arena, l->value, l->value_len);
	if (!v)
		return KGX_ERR_NOMEM;
	pending_name *p = NULL;
	if (KEY("class")) {
		unsigned cls = kgx_class_parse(v, l->value_len);
		if (e->classes) {
			/* the second would silently replace the first */
			kgx_diag(&l->loc, "'class' given twice: an entry has one class (and those it implies)");
			return KGX_ERR_SYNTAX;
		}
		if (!cls) {
			kgx_diag(&vloc, "unknown class '%s'", v);
			return KGX_ERR_RULE;
		}
		e->classes = kgx_class_closure(cls);
	} else if (KEY("nl") || KEY("en") || KEY("alias") || KEY("short") || KEY("adjective")) {
		if (KEY("nl") && !e->label_nl)
			e->label_nl = v;
		else if (KEY("en") && !e->label_en)
			e->label_en = v;
		else if (KEY("nl") || KEY("en")) {
			kgx_diag(&l->loc, "'%.*s' given twice", (int)l->key_len, l->key);
			return KGX_ERR_SYNTAX;
		}
		if (!(p = kgx_vec_push(&kb->pending)))
			return KGX_ERR_NOMEM;
		p->name = v;
		p->len = l->value_len;
		p->kind = KEY("short") ? KGX_ALIAS_SHORT : KEY("adjective") ? KGX_ALIAS_ADJECTIVE
		                                                            : KGX_ALIAS_NAME;
		p->loc = vloc;
	} else if (KEY("wikidata")) {
		if (v[0] != 'Q' || l->value_len < 2 || strspn(v + 1, "0123456789") != l->value_len - 1) {
			kgx_diag(&vloc, "wikidata must be a Q-id such as Q1065, not '%s'", v);
			return KGX_ERR_RULE;
		}
		e->wikidata = v;
	} else if (KEY("tooi")) {
		if (strncmp(v, "https://identifier.overheid.nl/tooi/", 36)) {
			kgx_diag(&vloc, "tooi must be an IRI under https://identifier.overheid.nl/tooi/");
			return KGX_ERR_RULE;
		}
		size_t bad = kgx_iri_bad(v);
		if (bad != l->value_len) {
			kgx_loc at = vloc;
			at.col += (unsigned)bad;
			kgx_diag(&at, "byte 0x%02X cannot stand in a tooi IRI (no spaces, control characters "
			         "or <>\"{}|^`\\)", (unsigned char)v[bad]);
			return KGX_ERR_RULE;
		}
		e->tooi = v;
	} else if (KEY("located-in") || KEY("part-of")) {
		if (!valid_id(v, l->value_len)) {
			kgx_diag(&vloc, "'%s' is not an id", v);
			return KGX_ERR_SYNTAX;
		}
		const char **slot = kgx_vec_push(KEY("part-of") ? &c->part : &c->located);
		if (!slot)
			return KGX_ERR_NOMEM;
		*slot = v;
	} else if (KEY("minister-of") || KEY("note")) {
		/* knowledge for people; the relations themselves come from the text */
	} else {
		kgx_diag(&l->loc, "unknown key '%.*s' in knowledge file", (int)l->key_len, l->key);
		return KGX_ERR_SYNTAX;
	}
#undef KEY
	return KGX_OK;
}

kgx_status kgx_kb_load_text(kgx_kb *kb, const char *name, const char *text, size_t len)
{
	load_ctx c = {0};
	c.kb = kb;
	c.file = kgx_arena_strndup(&kb->arena, name, strlen(name));
	kgx_vec_init(&c.located, sizeof(const char *));
	kgx_vec_init(&c.part, sizeof(const char *));
	kb->pending.len = 0;
	kgx_status st = c.file ? kgx_stanza_read(c.file, text, len, MAX_KB_LINE, on_line, &c)
	                       : KGX_ERR_NOMEM;
	if (st == KGX_OK)
		st = finish(&c);
	kgx_vec_free(&c.located);
	kgx_vec_free(&c.part);
	return st;
}

kgx_status kgx_kb_load_file(kgx_kb *kb, const char *path)
{
	kgx_buf b = {0};
	kgx_status st = kgx_stanza_slurp(&b, path);
	if (st == KGX_OK)
		st = kgx_kb_load_text(kb, path, b.s, b.len);
	kgx_buf_free(&b);
	return st;
}

static kgx_status link_list(kgx_kb *kb, kgx_entry *e, const char **ids, size_t n,
                            const struct kgx_entry ***out, const char *what, int strict)
{
	if (!n)
		return KGX_OK;
	const kgx_entry **res = kgx_arena_alloc(&kb->arena, (n + 1) * sizeof *res);
	if (!res)
		return KGX_ERR_NOMEM;
	size_t k = 0;
	kgx_status st = KGX_OK;
	for (size_t i = 0; i < n; i++) {
		const kgx_entry *t = kgx_kb_get(kb, ids[i]);
		if (t)
			res[k++] = t;
		else if (strict) {
			kgx_diag(&e->loc, "entry '%s': %s '%s' is not defined", e->id, what, ids[i]);
			st = KGX_ERR_RULE;
		}
	}
	res[k] = NULL;
	*out = res;
	return st;
}

kgx_status kgx_kb_link(kgx_kb *kb, int strict)
{
	kgx_status result = KGX_OK;
	for (size_t i = 0; i < kb->entries.len; i++) {
		kgx_entry *e = KGX_VEC_AT(&kb->entries, kgx_entry *, i);
		kgx_status st = link_list(kb, e, e->located_in_ids, e->n_located_in, &e->located_in,
		                          "located-in", strict);
		if (st == KGX_OK)
			st = link_list(kb, e, e->part_of_ids, e->n_part_of, &e->part_of, "part-of", strict);
		if (st == KGX_ERR_NOMEM)
			return st;
		if (st != KGX_OK)
			result = st;
	}
	return result;
}

const kgx_entry *kgx_kb_get(const kgx_kb *kb, const char *id)
{
	uint32_t *slot = id_slot(kb, id);
	return slot && *slot ? KGX_VEC_AT(&kb->entries, kgx_entry *, *slot - 1) : NULL;
}

const kgx_lex *kgx_kb_lex(const kgx_kb *kb)
{
	return kb->lex;
}

size_t kgx_kb_count(const kgx_kb *kb, size_t per_class[KGX_NCLASSES], size_t *aliases)
{
	if (per_class) {
		memset(per_class, 0, KGX_NCLASSES * sizeof *per_class);
		for (size_t i = 0; i < kb->entries.len; i++) {
			int c = kgx_class_primary(KGX_VEC_AT(&kb->entries, kgx_entry *, i)->classes);
			if (c >= 0)
				per_class[c]++;
		}
	}
	if (aliases)
		*aliases = kb->aliases;
	return kb->entries.len;
}

const kgx_entry *kgx_kb_entry(const kgx_kb *kb, size_t i)
{
	return i < kb->entries.len ? KGX_VEC_AT(&kb->entries, kgx_entry *, i) : NULL;
}
