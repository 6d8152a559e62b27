/* Knowledge base: entries from rules/kb/ (*.kb files) and the trie of their names. */
#include "kb.h"
#include "hash.h"
#include "stanza.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	kgx_vec offices;        /* kgx_office */
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
	if (c->offices.len) {
		kgx_office *o = kgx_arena_alloc(&kb->arena, c->offices.len * sizeof *o);
		if (!o)
			return KGX_ERR_NOMEM;
		memcpy(o, c->offices.data, c->offices.len * sizeof *o);
		e->offices = o;
		e->n_offices = c->offices.len;
		c->offices.len = 0;
	}
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

const char *kgx_kb_identifier_check(kgx_id_kind kind, const char *v)
{
	size_t n = strlen(v);
	switch (kind) {
	case KGX_ID_WIKIDATA:
		/* Q and a number without leading zeros */
		if (n < 2 || v[0] != 'Q' || v[1] == '0' || n > 12 || strspn(v + 1, "0123456789") != n - 1)
			return "a Q-id such as Q1065";
		return NULL;
	case KGX_ID_ISO3166:
		if (n != 2 || v[0] < 'A' || v[0] > 'Z' || v[1] < 'A' || v[1] > 'Z')
			return "an ISO 3166-1 alpha-2 code such as NL";
		return NULL;
	case KGX_ID_CRS:
		/* the channel codes are five digits (41147); the OECD's donor codes,
		 * a different list, are shorter */
		if (n != 5 || v[0] == '0' || strspn(v, "0123456789") != 5)
			return "a five-digit OECD CRS channel code such as 41147";
		return NULL;
	case KGX_ID_TOOI:
		if (strncmp(v, "https://identifier.overheid.nl/tooi/", 36) || kgx_iri_bad(v) != n)
			return "an IRI under https://identifier.overheid.nl/tooi/";
		return NULL;
	}
	return "a known kind of identifier";
}

static const char *const months[] = {"januari", "februari", "maart", "april", "mei", "juni", "juli",
                                     "augustus", "september", "oktober", "november", "december"};

static int days_in(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return d[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0));
}

static int digits(const char *s, size_t len, size_t *i, size_t min, size_t max, int *out)
{
	size_t k = 0;
	int v = 0;
	while (*i < len && k < max && s[*i] >= '0' && s[*i] <= '9') {
		v = v * 10 + (s[(*i)++] - '0');
		k++;
	}
	*out = v;
	return k >= min && !(*i < len && s[*i] >= '0' && s[*i] <= '9');
}

int kgx_kb_date_parse(const char *s, size_t len, int32_t *ymd)
{
	size_t i = 0;
	int y, m = 0, d;
	if (len == 10 && s[4] == '-' && s[7] == '-') {
		if (!digits(s, len, &i, 4, 4, &y) || s[i++] != '-' || !digits(s, len, &i, 2, 2, &m) ||
		    s[i++] != '-' || !digits(s, len, &i, 2, 2, &d))
			return -1;
	} else if (len == 10 && s[2] == '-' && s[5] == '-') {
		/* "03-04-2024", day first, as ministries' pages write it */
		if (!digits(s, len, &i, 2, 2, &d) || s[i++] != '-' || !digits(s, len, &i, 2, 2, &m) ||
		    s[i++] != '-' || !digits(s, len, &i, 4, 4, &y))
			return -1;
	} else {
		/* "3 april 2024", any run of spaces between the parts */
		if (!digits(s, len, &i, 1, 2, &d))
			return -1;
		size_t b = i;
		while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
			i++;
		if (i == b)
			return -1;
		for (int k = 0; k < 12 && !m; k++) {
			size_t ml = strlen(months[k]);
			if (len - i > ml && !strncasecmp(s + i, months[k], ml) && (s[i + ml] == ' ' || s[i + ml] == '\t' || s[i + ml] == '\n')) {
				m = k + 1;
				i += ml;
			}
		}
		if (!m)
			return -1;
		while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
			i++;
		if (!digits(s, len, &i, 4, 4, &y))
			return -1;
	}
	if (i != len || y < 1000 || m < 1 || m > 12 || d < 1 || d > days_in(y, m))
		return -1;
	*ymd = (int32_t)(y * 10000 + m * 100 + d);
	return 0;
}

/* "min-defence-nl [from [until]]": a portfolio, and the dates in office
 * (yyyy-mm-dd; the end day is the first day out of office, as cabinets
 * hand over on one day). */
static kgx_status parse_office(load_ctx *c, char *v, const char *line, size_t len, const kgx_loc *vloc)
{
	kgx_office *o = kgx_vec_push(&c->offices);
	if (!o)
		return KGX_ERR_NOMEM;
	memset(o, 0, sizeof *o);
	char *f[4] = {0};
	int n = 0;
	for (char *p = v; *p && n < 4;) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p)
			break;
		f[n++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	if (!n || n > 3 || !valid_id(f[0], strlen(f[0]))) {
		kgx_diag(vloc, "minister-of takes an id and up to two dates (yyyy-mm-dd), not '%.*s'",
		         (int)len, line);
		return KGX_ERR_SYNTAX;
	}
	o->body_id = f[0];
	int32_t *when[2] = {&o->from, &o->until};
	for (int k = 1; k < n; k++)
		if (kgx_kb_date_parse(f[k], strlen(f[k]), when[k - 1]) || strlen(f[k]) != 10) {
			kgx_diag(vloc, "minister-of: '%s' is not a date yyyy-mm-dd", f[k]);
			return KGX_ERR_SYNTAX;
		}
	if (o->from && o->until && o->until <= o->from) {
		kgx_diag(vloc, "minister-of: the end %s is not after the start %s", f[2], f[1]);
		return KGX_ERR_RULE;
	}
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
	} else if (KEY("nl") || KEY("en") || KEY("alias") || KEY("short") || KEY("adjective") ||
	           KEY("place") || KEY("cased")) {
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
		/* a place stands for its country in relations, as an adjective
		 * does: "in Den Haag gevestigd" */
		p->kind = KEY("short") ? KGX_ALIAS_SHORT : KEY("adjective") ? KGX_ALIAS_ADJECTIVE
		          : KEY("place") ? KGX_ALIAS_PLACE
		          : KEY("cased") ? KGX_ALIAS_CASED : KGX_ALIAS_NAME;
		p->loc = vloc;
	} else if (KEY("wikidata") || KEY("iso3166") || KEY("crs")) {
		const char **field = KEY("wikidata") ? &e->wikidata : KEY("iso3166") ? &e->iso3166 : &e->crs;
		const char *why = kgx_kb_identifier_check(KEY("wikidata") ? KGX_ID_WIKIDATA
		                                          : KEY("iso3166") ? KGX_ID_ISO3166 : KGX_ID_CRS, v);
		if (why) {
			kgx_diag(&vloc, "%.*s must be %s, not '%s'", (int)l->key_len, l->key, why, v);
			return KGX_ERR_RULE;
		}
		if (*field) {
			kgx_diag(&l->loc, "'%.*s' given twice", (int)l->key_len, l->key);
			return KGX_ERR_SYNTAX;
		}
		*field = v;
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
		if (e->tooi) {
			kgx_diag(&l->loc, "'tooi' given twice");
			return KGX_ERR_SYNTAX;
		}
		e->tooi = v;
	} else if (KEY("minister-of")) {
		TRY(st, parse_office(c, v, l->value, l->value_len, &vloc));
	} else if (KEY("located-in") || KEY("part-of")) {
		if (!valid_id(v, l->value_len)) {
			kgx_diag(&vloc, "'%s' is not an id", v);
			return KGX_ERR_SYNTAX;
		}
		const char **slot = kgx_vec_push(KEY("part-of") ? &c->part : &c->located);
		if (!slot)
			return KGX_ERR_NOMEM;
		*slot = v;
	} else if (KEY("note")) {
		/* for maintainers */
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
	kgx_vec_init(&c.offices, sizeof(kgx_office));
	kb->pending.len = 0;
	kgx_status st = c.file ? kgx_stanza_read(c.file, text, len, MAX_KB_LINE, on_line, &c)
	                       : KGX_ERR_NOMEM;
	if (st == KGX_OK)
		st = finish(&c);
	kgx_vec_free(&c.located);
	kgx_vec_free(&c.part);
	kgx_vec_free(&c.offices);
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
		for (size_t k = 0; st == KGX_OK && k < e->n_offices; k++) {
			kgx_office *o = (kgx_office *)&e->offices[k];
			/* an undated line is a note on the person; a dated one is what
			 * kgx_kb_office_holder reads, so a typo in it must not pass */
			if (!(o->body = kgx_kb_get(kb, o->body_id)) && strict && o->from) {
				kgx_diag(&e->loc, "entry '%s': minister-of '%s' is not defined", e->id, o->body_id);
				st = KGX_ERR_RULE;
			}
		}
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

int kgx_kb_office_held(const kgx_office *o, int32_t ymd)
{
	return o->from && ymd >= o->from && (!o->until || ymd < o->until);
}

const kgx_entry *kgx_kb_office_holder(const kgx_kb *kb, const kgx_entry *body, int32_t ymd)
{
	const kgx_entry *found = NULL;
	for (size_t i = 0; i < kb->entries.len; i++) {
		const kgx_entry *e = KGX_VEC_AT(&kb->entries, kgx_entry *, i);
		for (size_t k = 0; k < e->n_offices; k++) {
			const kgx_office *o = &e->offices[k];
			if (o->body != body || !kgx_kb_office_held(o, ymd))
				continue;
			if (found && found != e)
				return NULL;
			found = e;
		}
	}
	return found;
}
