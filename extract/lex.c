/* Word trie over folded names: a hash table of (node, word) -> child. */
#include "lex.h"
#include "hash.h"
#include "utf8.h"

#include <utf8proc.h>

#include <stdlib.h>
#include <string.h>

typedef struct {
	uint32_t alias;  /* first alias ending here, 0 = none (index 0 is unused) */
} node;

typedef struct {
	uint64_t hash;
	uint32_t parent, child;
	uint32_t str, str_len;  /* edge label in the string pool */
} edge;

/* Bits of a filter of the root's edges: most words of a text begin no name,
 * and the filter turns them away before the edge table (which outgrows the
 * cache) is read. */
#define ROOT_BITS 65536

struct kgx_lex {
	uint64_t root[ROOT_BITS / 64];  /* bit (hash >> 48) of each edge from the root */
	kgx_vec nodes;    /* node; 0 is the root */
	kgx_vec aliases;  /* kgx_alias; 0 is unused */
	edge *edges;
	size_t n_edges, cap_edges;  /* cap is a power of two */
	kgx_buf pool;     /* edge labels */
	kgx_arena strings;  /* exact forms */
	kgx_vec tokens;   /* scratch for kgx_lex_add */
	kgx_buf keys;
};

/* An edge's hash from its word's (kgx_token.key_hash, made by the folder),
 * so that a word is read once however many nodes and lexicons look it up. */
static uint64_t hash_edge(uint32_t parent, char sep, uint64_t key_hash)
{
	uint64_t h = kgx_hash_word(key_hash, (uint64_t)parent << 8 | (unsigned char)sep);
	return h ? h : 1;
}

kgx_lex *kgx_lex_new(void)
{
	kgx_lex *lex = calloc(1, sizeof *lex);
	if (!lex)
		return NULL;
	kgx_vec_init(&lex->nodes, sizeof(node));
	kgx_vec_init(&lex->aliases, sizeof(kgx_alias));
	kgx_vec_init(&lex->tokens, sizeof(kgx_token));
	kgx_arena_init(&lex->strings);
	if (!kgx_vec_push(&lex->nodes) || !kgx_vec_push(&lex->aliases)) {
		kgx_lex_free(lex);
		return NULL;
	}
	return lex;
}

void kgx_lex_free(kgx_lex *lex)
{
	if (!lex)
		return;
	kgx_vec_free(&lex->nodes);
	kgx_vec_free(&lex->aliases);
	kgx_vec_free(&lex->tokens);
	kgx_buf_free(&lex->pool);
	kgx_buf_free(&lex->keys);
	kgx_arena_release(&lex->strings);
	free(lex->edges);
	free(lex);
}

/* The edge label is the separator (if any) followed by the folded word. */
static edge *find_edge(const kgx_lex *lex, uint32_t parent, char sep, const char *s, size_t len,
                       uint64_t h)
{
	if (!lex->cap_edges)
		return NULL;
	size_t mask = lex->cap_edges - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		edge *e = &lex->edges[i];
		if (!e->hash)
			return e;
		if (e->hash == h && e->parent == parent && e->str_len == len + (sep ? 1 : 0)) {
			const char *p = lex->pool.s + e->str;
			if (sep ? (p[0] == sep && !memcmp(p + 1, s, len)) : !memcmp(p, s, len))
				return e;
		}
	}
}

static int grow(kgx_lex *lex)
{
	size_t cap = lex->cap_edges ? lex->cap_edges * 2 : 1024;
	edge *old = lex->edges;
	size_t old_cap = lex->cap_edges;
	lex->edges = calloc(cap, sizeof(edge));
	if (!lex->edges) {
		lex->edges = old;
		return -1;
	}
	lex->cap_edges = cap;
	for (size_t i = 0; i < old_cap; i++) {
		if (!old[i].hash)
			continue;
		size_t j = old[i].hash & (cap - 1);
		while (lex->edges[j].hash)
			j = (j + 1) & (cap - 1);
		lex->edges[j] = old[i];
	}
	free(old);
	return 0;
}

static kgx_status child(kgx_lex *lex, uint32_t parent, char sep, const char *s, size_t len,
                        uint64_t key_hash, uint32_t *out)
{
	if ((lex->n_edges + 1) * 2 > lex->cap_edges && grow(lex))
		return KGX_ERR_NOMEM;
	uint64_t h = hash_edge(parent, sep, key_hash);
	edge *e = find_edge(lex, parent, sep, s, len, h);
	if (e->hash) {
		*out = e->child;
		return KGX_OK;
	}
	uint32_t str = (uint32_t)lex->pool.len;
	if ((sep && kgx_buf_addc(&lex->pool, sep)) || kgx_buf_add(&lex->pool, s, len))
		return KGX_ERR_NOMEM;
	if (!kgx_vec_push(&lex->nodes))
		return KGX_ERR_NOMEM;
	e->hash = h;
	if (parent == 0)
		lex->root[h >> 48 >> 6] |= UINT64_C(1) << (h >> 48 & 63);
	e->parent = parent;
	e->child = (uint32_t)lex->nodes.len - 1;
	e->str = str;
	e->str_len = (uint32_t)(lex->pool.len - str);
	lex->n_edges++;
	*out = e->child;
	return KGX_OK;
}

kgx_status kgx_lex_add(kgx_lex *lex, const char *name, size_t len,
                       const kgx_entry *entry, kgx_alias_kind kind)
{
	kgx_status st;
	TRY(st, kgx_fold_tokens(name, len, &lex->tokens, &lex->keys));
	size_t n = lex->tokens.len;
	if (!n)
		return KGX_ERR_RULE;
	const kgx_token *t = lex->tokens.data;
	uint32_t at = 0;
	for (size_t i = 0; i < n; i++)
		TRY(st, child(lex, at, i ? t[i].sep : 0, lex->keys.s + t[i].key, t[i].key_len, t[i].key_hash,
		              &at));

	/* Persons' names and acronyms in capitals must match as written. */
	int exact = kind == KGX_ALIAS_CASED || (entry->classes & (KGX_C_PERSON | KGX_C_MINISTER)) != 0;
	if (kind == KGX_ALIAS_CASED)
		kind = KGX_ALIAS_NAME;
	if (!exact && n == 1)
		exact = kgx_fold_all_caps(lex->keys.s + t[0].exact, t[0].exact_len);
	const char *ex = NULL;
	if (exact) {
		kgx_buf b = {0};
		for (size_t i = 0; i < n; i++)
			if ((i && kgx_buf_addc(&b, ' ')) ||
			    kgx_buf_add(&b, lex->keys.s + t[i].exact, t[i].exact_len)) {
				kgx_buf_free(&b);
				return KGX_ERR_NOMEM;
			}
		ex = kgx_arena_strndup(&lex->strings, b.s, b.len);
		kgx_buf_free(&b);
		if (!ex)
			return KGX_ERR_NOMEM;
	}
	int capital;
	{
		const char *first = lex->keys.s + t[0].exact;
		int32_t cp;
		kgx_utf8_decode(first, t[0].exact_len, &cp);
		capital = n > 1 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
	}
	node *nd = &KGX_VEC_AT(&lex->nodes, node, at);
	/* the same name for the same entity twice (nl = en) is one alias; one
	 * written in lower case ("anti-X coalitie" beside "Anti-X-coalitie")
	 * lets the text write it so */
	for (uint32_t a = nd->alias; a; a = KGX_VEC_AT(&lex->aliases, kgx_alias, a).next) {
		kgx_alias *al = &KGX_VEC_AT(&lex->aliases, kgx_alias, a);
		if (al->entry == entry && al->kind == kind &&
		    ((!al->exact && !ex) || (al->exact && ex && !strcmp(al->exact, ex)))) {
			al->capital &= capital;
			return KGX_OK;
		}
	}
	kgx_alias *al = kgx_vec_push(&lex->aliases);
	if (!al)
		return KGX_ERR_NOMEM;
	al->entry = entry;
	al->kind = kind;
	al->exact = ex;
	al->capital = capital;
	/* append, so that the first file to name it stays first */
	uint32_t idx = (uint32_t)lex->aliases.len - 1;
	nd = &KGX_VEC_AT(&lex->nodes, node, at);
	if (!nd->alias) {
		nd->alias = idx;
	} else {
		uint32_t a = nd->alias;
		while (KGX_VEC_AT(&lex->aliases, kgx_alias, a).next)
			a = KGX_VEC_AT(&lex->aliases, kgx_alias, a).next;
		KGX_VEC_AT(&lex->aliases, kgx_alias, a).next = idx;
	}
	return KGX_OK;
}

size_t kgx_lex_size(const kgx_lex *lex, size_t *nodes)
{
	if (nodes)
		*nodes = lex->nodes.len;
	return lex->aliases.len - 1;
}

/* Whether the word w[0..len) is the acronym `caps` (four capitals or more)
 * written as Dutch newspapers write one they pronounce as a word: "Unicef",
 * "Navo", "Unhcr". */
static int acronym_as_word(const char *caps, const char *w, size_t len)
{
	if (len < 4 || strlen(caps) != len || w[0] != caps[0])
		return 0;
	for (size_t i = 0; i < len; i++)
		if (caps[i] < 'A' || caps[i] > 'Z' || (i && w[i] != caps[i] + 32))
			return 0;
	return 1;
}

int kgx_lex_exact_matches(const char *exact, const kgx_token *toks, size_t n,
                          const char *keys)
{
	if (n == 1 && acronym_as_word(exact, keys + toks[0].exact, toks[0].exact_len))
		return 1;
	const char *p = exact;
	for (size_t i = 0; i < n; i++) {
		if (i) {
			if (*p != ' ')
				return 0;
			p++;
		}
		if (strncmp(p, keys + toks[i].exact, toks[i].exact_len))
			return 0;
		p += toks[i].exact_len;
	}
	return *p == '\0';
}

const kgx_alias *kgx_lex_longest(const kgx_lex *lex, const kgx_token *toks,
                                 size_t ntok, size_t i, const char *keys,
                                 kgx_lex_accept accept, void *ctx, size_t *len)
{
	const kgx_alias *best = NULL;
	uint32_t at = 0;
	for (size_t j = i; j < ntok; j++) {
		const char *s = keys + toks[j].key;
		char sep = j > i ? toks[j].sep : 0;
		uint64_t h = hash_edge(at, sep, toks[j].key_hash);
		if (at == 0 && !(lex->root[h >> 48 >> 6] & UINT64_C(1) << (h >> 48 & 63)))
			break;
		edge *e = find_edge(lex, at, sep, s, toks[j].key_len, h);
		if (!e || !e->hash)
			break;
		at = e->child;
		for (uint32_t a = KGX_VEC_AT(&lex->nodes, node, at).alias; a;
		     a = KGX_VEC_AT(&lex->aliases, kgx_alias, a).next) {
			const kgx_alias *al = &KGX_VEC_AT(&lex->aliases, kgx_alias, a);
			if (accept(ctx, al, toks + i, j - i + 1)) {
				best = al;
				*len = j - i + 1;
				break;
			}
		}
	}
	return best;
}

const kgx_alias *kgx_lex_next_alias(const kgx_lex *lex, const kgx_alias *al)
{
	const kgx_alias *first = lex->aliases.data;
	if (!al || al < first || al >= first + lex->aliases.len || !al->next)
		return NULL;
	return &KGX_VEC_AT(&lex->aliases, kgx_alias, al->next);
}
