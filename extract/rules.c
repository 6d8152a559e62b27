/* Rule set: loads pattern files, expands placeholders and macros, compiles
 * every pattern once with PCRE2 (JIT where available). */
#define _GNU_SOURCE  /* memmem */
#include "rules.h"
#include "frame.h"
#include "meta.h"
#include "stanza.h"
#include "wordset.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_RULE_LINE 16384

/* halvings of KGX_MATCH_LIMIT down to KGX_MATCH_LIMIT_MIN */
#define KGX_MATCH_LEVELS 8

typedef struct {
	char *name;
	char *value;  /* as a pattern uses it */
	char *words;  /* a word list as written (value is then its trie), or NULL */
	kgx_loc loc;
} macro;

/* A [@wordsets] entry: {NAME} in a pattern is one word of the set, asked of
 * the set by the callout words_callout, so that the list is compiled into
 * no pattern. */
typedef struct {
	char *name;
	kgx_wordset *set;
	kgx_loc loc;
} wordset;

/* A needs word. */
typedef struct {
	const char *word;
	size_t len;
} need_word;

/* An Aho-Corasick automaton of words, as a full transition table over byte
 * classes (the bytes the words use; every other byte is class 0, which leads
 * back to the root). State q's row starts at next[q * n_cls]; an entry is the
 * row of the state it leads to, with DFA_OUT set where a word ends there or at
 * one of its suffixes, so that the scan tests one bit per byte. */
#define DFA_OUT UINT32_C(0x80000000)
typedef struct {
	uint8_t cls[256];   /* a text byte's class, ASCII case folded */
	size_t n_cls, n_states;
	uint32_t *next;
	uint32_t *word;     /* per state: 1 + the word ending here, or 0 */
	uint32_t *out;      /* per state: the nearest shorter suffix state with a word, or 0 */
	uint32_t *len;      /* per word: its bytes */
	size_t empty;       /* 1 + an empty word (in every text), or 0 */
	size_t longest;     /* bytes of the longest word */
} needs_dfa;

static void dfa_free(needs_dfa *d)
{
	free(d->next);
	free(d->word);
	free(d->out);
	free(d->len);
	memset(d, 0, sizeof *d);
}


typedef struct {
	char *word;
	char *lower;       /* word, ASCII letters lower-cased */
	double value;      /* multiplier */
	char cur[8];       /* currency */
} unit;

/* One entry of a [@maps] map: "month = maart 03". */
typedef struct {
	char *map, *word, *value;
} map_entry;

struct kgx_rules {
	kgx_kb *kb;
	kgx_abbrevs *abbrevs;
	kgx_vec rules;    /* kgx_rule * */
	kgx_vec macros;   /* macro */
	kgx_vec wordsets; /* wordset; set k is callout number k + 1 */
	kgx_vec mults, curs;  /* unit */
	kgx_vec maps;     /* map_entry */
	kgx_vec words;    /* need_word: every distinct needs word of every rule */
	size_t n_need_rules;      /* rules with needs words */
	uint32_t *word_rules_at;  /* per word w, word_rules[word_rules_at[w] ..
	                           * word_rules_at[w + 1]): the rules (need_set)
	                           * that need it */
	uint32_t *word_rules;
	needs_dfa dfa;    /* finds them all in one pass */
	needs_dfa cur_dfa;  /* the currency words */
	size_t n_cur_words;
	char *negation_src, *amount_src, *qualifier_src;
	kgx_loc negation_loc, amount_loc, qualifier_loc;
	pcre2_code *negation, *amount, *qualifier;
	/* mctx[k]: the match limit KGX_MATCH_LIMIT >> k */
	pcre2_match_context *mctx[KGX_MATCH_LEVELS];
	kgx_frames *frames;
	kgx_arena arena;
};

kgx_rules *kgx_rules_new(void)
{
	kgx_rules *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	kgx_arena_init(&r->arena);
	kgx_vec_init(&r->rules, sizeof(kgx_rule *));
	kgx_vec_init(&r->macros, sizeof(macro));
	kgx_vec_init(&r->wordsets, sizeof(wordset));
	kgx_vec_init(&r->mults, sizeof(unit));
	kgx_vec_init(&r->curs, sizeof(unit));
	kgx_vec_init(&r->maps, sizeof(map_entry));
	kgx_vec_init(&r->words, sizeof(need_word));
	r->kb = kgx_kb_new();
	r->abbrevs = kgx_abbrevs_new();
	int ok = r->kb && r->abbrevs && (r->frames = kgx_frames_new()) != NULL;
	for (int k = 0; k < KGX_MATCH_LEVELS && ok; k++) {
		r->mctx[k] = pcre2_match_context_create(NULL);
		ok = r->mctx[k] != NULL;
		if (ok) {
			pcre2_set_match_limit(r->mctx[k], KGX_MATCH_LIMIT >> k);
			pcre2_set_depth_limit(r->mctx[k], KGX_DEPTH_LIMIT);
		}
	}
	if (!ok) {
		kgx_rules_free(r);
		return NULL;
	}
	return r;
}

void kgx_rules_free(kgx_rules *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->rules.len; i++)
		pcre2_code_free(KGX_VEC_AT(&r->rules, kgx_rule *, i)->code);
	pcre2_code_free(r->negation);
	pcre2_code_free(r->qualifier);
	pcre2_code_free(r->amount);
	for (int k = 0; k < KGX_MATCH_LEVELS; k++)
		pcre2_match_context_free(r->mctx[k]);
	kgx_frames_free(r->frames);
	kgx_vec_free(&r->rules);
	kgx_vec_free(&r->macros);
	for (size_t i = 0; i < r->wordsets.len; i++)
		kgx_wordset_free(KGX_VEC_AT(&r->wordsets, wordset, i).set);
	kgx_vec_free(&r->wordsets);
	kgx_vec_free(&r->mults);
	kgx_vec_free(&r->curs);
	kgx_vec_free(&r->maps);
	kgx_vec_free(&r->words);
	dfa_free(&r->dfa);
	dfa_free(&r->cur_dfa);
	free(r->word_rules_at);
	free(r->word_rules);
	kgx_kb_free(r->kb);
	kgx_abbrevs_free(r->abbrevs);
	kgx_arena_release(&r->arena);
	free(r);
}

/* ------------------------------------------------------------ loading */

typedef struct {
	kgx_rules *r;
	kgx_rule *cur;
	enum { S_NONE, S_RULE, S_ABBREV, S_MACROS, S_AMOUNT, S_SETTINGS, S_MAPS, S_FRAMES, S_WORDSETS } section;
	const char *file;
	kgx_vec fires, silent;  /* char * */
} load_ctx;

static int is_upper_name(const char *s, size_t n)
{
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_' || (i && s[i] >= '0' && s[i] <= '9')))
			return 0;
	return 1;
}

static int is_name(const char *s, size_t n)
{
	if (!n || n >= 32 || !(s[0] >= 'a' && s[0] <= 'z'))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

static char **finish_examples(kgx_rules *r, kgx_vec *v, size_t *n)
{
	*n = v->len;
	char **a = kgx_arena_alloc(&r->arena, (v->len + 1) * sizeof *a);
	if (a && v->len)
		memcpy(a, v->data, v->len * sizeof *a);
	v->len = 0;
	return a;
}

static kgx_status finish_rule(load_ctx *c)
{
	kgx_rule *ru = c->cur;
	if (!ru)
		return KGX_OK;
	c->cur = NULL;
	ru->fires = finish_examples(c->r, &c->fires, &ru->n_fires);
	ru->silent = finish_examples(c->r, &c->silent, &ru->n_silent);
	if (!ru->fires || !ru->silent)
		return KGX_ERR_NOMEM;
	if (ru->kind == KGX_RULE_FRAME) {
		if (ru->source) {
			kgx_diag(&ru->pattern_loc, "frame '%s' has no pattern: its words and slots say what it finds", ru->id);
			return KGX_ERR_RULE;
		}
		return kgx_frame_finish(ru->frame, &ru->loc);
	}
	if (!ru->source) {
		kgx_diag(&ru->loc, "rule '%s' has no pattern", ru->id);
		return KGX_ERR_RULE;
	}
	if (ru->kind == KGX_RULE_RELATION && ru->document_scope) {
		kgx_diag(&ru->loc, "relation rule '%s' cannot have 'scope = document': relations are read from "
		         "one sentence; use an entity rule with create.X groups for document-wide patterns", ru->id);
		return KGX_ERR_RULE;
	}
	if (ru->kind == KGX_RULE_RELATION && !ru->n_emits) {
		kgx_diag(&ru->loc, "relation rule '%s' emits nothing: add 'emit = predicate subject object'", ru->id);
		return KGX_ERR_RULE;
	}
	if (ru->kind == KGX_RULE_CLASSIFY && !ru->classify_as) {
		kgx_diag(&ru->loc, "classify rule '%s' needs 'class = …'", ru->id);
		return KGX_ERR_RULE;
	}
	if (ru->kind == KGX_RULE_META && !ru->meta_field[0]) {
		kgx_diag(&ru->loc, "meta rule '%s' needs 'field = …' (date, kamerstuk, dossier, ident, kenmerk, title, creator, mentioned)", ru->id);
		return KGX_ERR_RULE;
	}
	return KGX_OK;
}

/* Parse "Class|~Class" into flags, adjectives ("~Country") into *adj. */
static unsigned parse_classes_adj(const char *s, size_t n, int *ok, unsigned *adj)
{
	unsigned cls = 0;
	*adj = 0;
	*ok = 1;
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && s[j] != '|' && s[j] != ' ')
			j++;
		int tilde = s[i] == '~';
		unsigned c = kgx_class_parse(s + i + tilde, j - i - tilde);
		if (!c) {
			*ok = 0;
			return 0;
		}
		if (tilde)
			*adj |= c;
		else
			cls |= c;
		i = j;
		while (i < n && (s[i] == '|' || s[i] == ' '))
			i++;
	}
	*ok = (cls | *adj) != 0;
	return cls;
}

/* Parse "Class|Class" into flags; "auto" gives 0 with *ok set. */
static unsigned parse_classes(const char *s, size_t n, int *ok)
{
	unsigned cls = 0;
	*ok = 1;
	if (n == 4 && !memcmp(s, "auto", 4))
		return 0;
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && s[j] != '|' && s[j] != ' ')
			j++;
		unsigned c = kgx_class_parse(s + i, j - i);
		if (!c) {
			*ok = 0;
			return 0;
		}
		cls |= c;
		i = j;
		while (i < n && (s[i] == '|' || s[i] == ' '))
			i++;
	}
	*ok = cls != 0;
	return cls;
}

/* How many words a list "a|b|c" can hold: one more than its bars. */
static size_t list_size(const char *list)
{
	size_t n = 1;
	for (const char *p = list; *p; p++)
		n += *p == '|';
	return n;
}

/* Split a list "a|b|c" in place at its bars into out, which has room for
 * list_size(list) words; empty words are left out. Returns how many. */
static size_t list_split(char *list, char **out)
{
	size_t n = 0;
	for (char *p = list;;) {
		char *bar = strchr(p, '|');
		if (bar)
			*bar = '\0';
		if (*p)
			out[n++] = p;
		if (!bar)
			return n;
		p = bar + 1;
	}
}

static kgx_status rule_key(load_ctx *c, const kgx_stanza_line *l, char *v)
{
	kgx_rule *ru = c->cur;
	kgx_loc vloc = l->loc;
	vloc.col = l->value_col;
	size_t vn = l->value_len;
#define KEY(k) (l->key_len == sizeof(k) - 1 && !memcmp(l->key, k, sizeof(k) - 1))
#define PREFIX(k) (l->key_len > sizeof(k) - 1 && !memcmp(l->key, k, sizeof(k) - 1))
	if (KEY("kind")) {
		if (!strcmp(v, "relation"))
			ru->kind = KGX_RULE_RELATION;
		else if (!strcmp(v, "entity"))
			ru->kind = KGX_RULE_ENTITY;
		else if (!strcmp(v, "classify"))
			ru->kind = KGX_RULE_CLASSIFY;
		else if (!strcmp(v, "meta"))
			ru->kind = KGX_RULE_META;
		else if (!strcmp(v, "frame")) {
			ru->kind = KGX_RULE_FRAME;
			if (!ru->frame && !(ru->frame = kgx_frames_add(c->r->frames, ru)))
				return KGX_ERR_NOMEM;
		} else {
			kgx_diag(&vloc, "unknown kind '%s': relation, entity, classify, meta or frame", v);
			return KGX_ERR_SYNTAX;
		}
	} else if (KEY("scope")) {
		if (strcmp(v, "sentence") && strcmp(v, "document")) {
			kgx_diag(&vloc, "scope is 'sentence' or 'document', not '%s'", v);
			return KGX_ERR_SYNTAX;
		}
		ru->document_scope = !strcmp(v, "document");
	} else if (KEY("pattern")) {
		if (ru->source) {
			kgx_diag(&l->loc, "a rule has one pattern; use alternation or continuation lines");
			return KGX_ERR_SYNTAX;
		}
		ru->source = v;
		ru->pattern_loc = vloc;
	} else if (KEY("priority")) {
		char *end;
		long p = strtol(v, &end, 10);
		if (*end || p < 0 || p > 1000) {
			kgx_diag(&vloc, "priority must be a whole number from 0 to 1000");
			return KGX_ERR_SYNTAX;
		}
		ru->priority = (int)p;
	} else if (KEY("negation") || KEY("amounts")) {
		if (strcmp(v, "on") && strcmp(v, "off")) {
			kgx_diag(&vloc, "'%.*s' is 'on' or 'off'", (int)l->key_len, l->key);
			return KGX_ERR_SYNTAX;
		}
		if (KEY("negation"))
			ru->negation = !strcmp(v, "on");
		else
			ru->amounts = !strcmp(v, "on");
	} else if (KEY("emit")) {
		if (ru->n_emits == KGX_MAX_EMITS) {
			kgx_diag(&l->loc, "at most %d emit lines per rule", KGX_MAX_EMITS);
			return KGX_ERR_RULE;
		}
		/* the words are split in place: an "=id" may be as long as a
		 * knowledge-base id gets */
		char *w[4] = {0};
		int n = 0;
		for (char *q = v; *q && n < 4;) {
			while (*q == ' ' || *q == '\t')
				q++;
			if (!*q)
				break;
			w[n++] = q;
			while (*q && *q != ' ' && *q != '\t')
				q++;
			if (*q)
				*q++ = '\0';
		}
		int pred = n >= 1 ? kgx_predicate_parse(w[0], strlen(w[0])) : -1;
		if (n != 3 || pred < 0) {
			kgx_diag(&vloc, n == 3 ? "unknown predicate '%s'" : "expected 'emit = predicate subject object'%s",
			         n == 3 ? w[0] : "");
			return KGX_ERR_SYNTAX;
		}
		kgx_emit *e = &ru->emits[ru->n_emits];
		e->predicate = pred;
		e->s = kgx_arena_strndup(&c->r->arena, w[1], strlen(w[1]));
		e->o = kgx_arena_strndup(&c->r->arena, w[2], strlen(w[2]));
		if (!e->s || !e->o)
			return KGX_ERR_NOMEM;
		ru->n_emits++;
	} else if (PREFIX("create.") || PREFIX("alias.") || PREFIX("name.") || PREFIX("id.")) {
		int is_alias = PREFIX("alias."), is_id = PREFIX("id.");
		int is_template = PREFIX("name.") || is_id;
		size_t skip = is_alias ? 6 : is_id ? 3 : is_template ? 5 : 7;
		const char *g = l->key + skip;
		size_t gn = l->key_len - skip;
		if (!is_name(g, gn)) {
			kgx_diag(&l->loc, "group name must be lower-case letters, digits and '_'");
			return KGX_ERR_SYNTAX;
		}
		kgx_create *cr = NULL;
		for (size_t i = 0; i < ru->n_creates; i++)
			if (strlen(ru->creates[i].name) == gn && !memcmp(ru->creates[i].name, g, gn))
				cr = &ru->creates[i];
		if (!cr) {
			if (ru->n_creates == KGX_MAX_ROLES) {
				kgx_diag(&l->loc, "too many groups");
				return KGX_ERR_RULE;
			}
			cr = &ru->creates[ru->n_creates++];
			memcpy(cr->name, g, gn);
			cr->name[gn] = '\0';
		}
		if (is_template) {
			/* every {…} must hold a group name; the groups are checked
			 * against the pattern once it is compiled */
			for (const char *p = v; *p; p++) {
				if (*p != '{')
					continue;
				const char *q = strchr(p, '}');
				const char *colon = q ? memchr(p, ':', (size_t)(q - p)) : NULL;
				const char *bar = q ? memchr(p, '|', (size_t)(q - p)) : NULL;
				const char *gend = colon ? colon : bar ? bar : q;
				if (!q || !is_name(p + 1, (size_t)(gend - p - 1)) ||
				    (colon && !is_name(colon + 1, (size_t)(q - colon - 1))) ||
				    (bar && (colon || q - bar - 1 != 4 || memcmp(bar + 1, "year", 4)))) {
					kgx_loc at = vloc;
					at.col += (unsigned)(p - v);
					kgx_diag(&at, "%s.%s: '{' must open a group name (and ':map' or '|year') closed by '}'",
					         is_id ? "id" : "name", cr->name);
					return KGX_ERR_SYNTAX;
				}
				p = q;
			}
			if (is_id)
				cr->id_template = v;
			else
				cr->name_template = v;
		} else if (is_alias) {
			if (!is_name(v, vn)) {
				kgx_diag(&vloc, "alias.%s names another group", cr->name);
				return KGX_ERR_SYNTAX;
			}
			strcpy(cr->alias_of, v);
		} else if (!strcmp(v, "none")) {
			cr->none = 1;
		} else {
			int ok;
			cr->classes = kgx_class_closure(parse_classes(v, vn, &ok));
			if (!ok) {
				kgx_diag(&vloc, "unknown class in '%s'", v);
				return KGX_ERR_RULE;
			}
		}
	} else if (KEY("class")) {
		int ok;
		if (ru->classify_as) {
			kgx_diag(&l->loc, "'class' given twice: a classify rule gives one class");
			return KGX_ERR_SYNTAX;
		}
		ru->classify_as = kgx_class_closure(parse_classes(v, vn, &ok));
		if (!ok || !ru->classify_as) {
			kgx_diag(&vloc, "unknown class '%s'", v);
			return KGX_ERR_RULE;
		}
	} else if (KEY("field")) {
		kgx_doc probe = {0};
		if (!kgx_meta_field(&probe, v)) {
			kgx_diag(&vloc, "field is one of date, kamerstuk, dossier, ident, kenmerk, title, "
			         "creator, mentioned");
			return KGX_ERR_SYNTAX;
		}
		strcpy(ru->meta_field, v);
	} else if (KEY("fires") || KEY("silent")) {
		/* "\n" in an example stands for a line break (signature blocks) */
		char *w = v;
		for (char *p = v; *p; p++) {
			if (p[0] == '\\' && p[1] == 'n') {
				*w++ = '\n';
				p++;
			} else {
				*w++ = *p;
			}
		}
		*w = '\0';
		char **slot = kgx_vec_push(KEY("fires") ? &c->fires : &c->silent);
		if (!slot)
			return KGX_ERR_NOMEM;
		*slot = v;
	} else if (KEY("needs")) {
		/* "steun|financ|bijdra": stems, matched as lower-case substrings;
		 * "{ROLENOUN}", a word-list macro, is expanded by kgx_rules_compile */
		ru->needs = kgx_arena_alloc(&c->r->arena, list_size(v) * sizeof *ru->needs);
		if (!ru->needs)
			return KGX_ERR_NOMEM;
		ru->n_needs = list_split(v, ru->needs);
		for (size_t k = 0; k < ru->n_needs; k++)
			if (ru->needs[k][0] != '{')
				kgx_ascii_lower(ru->needs[k], strlen(ru->needs[k]));
		if (!ru->n_needs) {
			kgx_diag(&vloc, "needs takes words separated by '|'");
			return KGX_ERR_SYNTAX;
		}
	} else if (KEY("note")) {
	} else if (ru->kind == KGX_RULE_FRAME) {
		return kgx_frame_key(c->r->frames, ru->frame, l, v);
	} else {
		kgx_diag(&l->loc, "unknown key '%.*s' in rule", (int)l->key_len, l->key);
		return KGX_ERR_SYNTAX;
	}
#undef KEY
#undef PREFIX
	return KGX_OK;
}

static kgx_status add_unit(kgx_rules *r, kgx_vec *v, const kgx_stanza_line *l, char *val, int cur)
{
	char word[64], arg[32], extra[4];
	kgx_loc vloc = l->loc;
	vloc.col = l->value_col;
	if (sscanf(val, "%63s %31s %3s", word, arg, extra) != 2) {
		kgx_diag(&vloc, cur ? "expected 'currency = WORD ISO-CODE'" : "expected 'multiplier = WORD NUMBER'");
		return KGX_ERR_SYNTAX;
	}
	unit *u = kgx_vec_push(v);
	if (!u || !(u->word = kgx_arena_strndup(&r->arena, word, strlen(word))) ||
	    !(u->lower = kgx_arena_strndup(&r->arena, word, strlen(word))))
		return KGX_ERR_NOMEM;
	kgx_ascii_lower(u->lower, strlen(u->lower));
	if (cur) {
		if (strlen(arg) != 3) {
			kgx_diag(&vloc, "currency code must be ISO 4217 (three letters)");
			return KGX_ERR_SYNTAX;
		}
		strcpy(u->cur, arg);
	} else {
		char *end;
		u->value = strtod(arg, &end);
		if (*end || u->value <= 0) {
			kgx_diag(&vloc, "multiplier must be a positive number");
			return KGX_ERR_SYNTAX;
		}
	}
	return KGX_OK;
}

/* ------------------------------------------------------------ word lists */

/* A macro that is only a list of words ("Jan|Piet|Ana Maria") becomes a
 * regex shaped like a trie: PCRE2 tries the alternatives of an alternation
 * one after the other, so a list of thousands of names costs thousands of
 * comparisons per position; the trie costs one per character. */
static int is_word_list(const char *v)
{
	int words = 1;
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if (*p == '|')
			words++;
		else if (!(*p >= 0x80 || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		           *p == ' ' || *p == '-' || *p == '\''))
			return 0;
	}
	return words >= 8;
}

/* Bytes of the character at s, never past the end of the string. */
static size_t cp_bytes(const char *s)
{
	unsigned char c = (unsigned char)*s;
	size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	for (size_t i = 1; i < n; i++)
		if (!s[i])
			return i;
	return n;
}

static int cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Emit words[0..n) (sorted, all sharing their first `at` bytes). */
static int trie_emit(kgx_buf *out, char **w, size_t n, size_t at)
{
	int optional = 0;
	size_t i = 0;
	while (i < n && w[i][at] == '\0') {
		optional = 1;  /* a word ends here */
		i++;
	}
	if (i == n)
		return 0;
	size_t groups = 0;
	for (size_t k = i; k < n;) {
		size_t len = cp_bytes(w[k] + at), e = k + 1;
		while (e < n && !strncmp(w[e] + at, w[k] + at, len))
			e++;
		groups++;
		k = e;
	}
	int wrap = groups > 1 || optional;
	if (wrap && kgx_buf_add(out, "(?:", 3))
		return -1;
	for (size_t k = i, g = 0; k < n; g++) {
		size_t len = cp_bytes(w[k] + at), e = k + 1;
		while (e < n && !strncmp(w[e] + at, w[k] + at, len))
			e++;
		if ((g && kgx_buf_addc(out, '|')) || kgx_buf_add(out, w[k] + at, len) ||
		    trie_emit(out, w + k, e - k, at + len))
			return -1;
		k = e;
	}
	if (wrap && kgx_buf_add(out, optional ? ")?" : ")", optional ? 2 : 1))
		return -1;
	return 0;
}

/* The trie regex for a word list; the caller frees the result. */
static char *word_list_regex(const char *v)
{
	char *copy = strdup(v);
	char **w = malloc(list_size(v) * sizeof *w);
	if (!copy || !w) {
		free(copy);
		free(w);
		return NULL;
	}
	size_t k = list_split(copy, w);
	qsort(w, k, sizeof *w, cmp_cstr);
	/* duplicates would make empty alternatives */
	size_t u = 0;
	for (size_t i = 0; i < k; i++)
		if (!u || strcmp(w[u - 1], w[i]))
			w[u++] = w[i];
	kgx_buf out = {0};
	kgx_buf_add(&out, "", 0);
	char *res = NULL;
	if (!trie_emit(&out, w, u, 0))
		res = out.s;
	else
		kgx_buf_free(&out);
	free(w);
	free(copy);
	return res;
}

static int map_defined(const kgx_rules *r, const char *map, size_t n)
{
	for (size_t i = 0; i < r->maps.len; i++) {
		const map_entry *e = &KGX_VEC_AT(&r->maps, map_entry, i);
		if (strlen(e->map) == n && !memcmp(e->map, map, n))
			return 1;
	}
	return 0;
}

static const macro *find_macro(const kgx_rules *r, const char *name, size_t n)
{
	for (size_t i = 0; i < r->macros.len; i++) {
		const macro *m = &KGX_VEC_AT(&r->macros, macro, i);
		if (strlen(m->name) == n && !memcmp(m->name, name, n))
			return m;
	}
	return NULL;
}

static const wordset *find_wordset(const kgx_rules *r, const char *name, size_t n)
{
	for (size_t i = 0; i < r->wordsets.len; i++) {
		const wordset *w = &KGX_VEC_AT(&r->wordsets, wordset, i);
		if (strlen(w->name) == n && !memcmp(w->name, name, n))
			return w;
	}
	return NULL;
}

/* A macro or word set of this name defined before, or NULL. */
static const kgx_loc *name_taken(const kgx_rules *r, const char *name, size_t n)
{
	const macro *m = find_macro(r, name, n);
	const wordset *w = find_wordset(r, name, n);
	return m ? &m->loc : w ? &w->loc : NULL;
}

static kgx_status add_wordset(kgx_rules *r, const kgx_stanza_line *l, const kgx_loc *vloc, const char *v)
{
	if (!is_upper_name(l->key, l->key_len)) {
		kgx_diag(&l->loc, "word set names are upper-case: A-Z, 0-9, '_'");
		return KGX_ERR_SYNTAX;
	}
	const kgx_loc *old = name_taken(r, l->key, l->key_len);
	if (old) {
		kgx_diag(&l->loc, "%.*s is defined twice (first at %s:%u)", (int)l->key_len, l->key, old->file,
		         old->line);
		return KGX_ERR_RULE;
	}
	if (r->wordsets.len == 255) {
		kgx_diag(&l->loc, "more than 255 word sets");
		return KGX_ERR_RULE;
	}
	size_t bad = 0;
	kgx_wordset *set;
	kgx_status st = kgx_wordset_new(&set, v, &bad);
	if (st == KGX_ERR_RULE) {
		kgx_loc at = *vloc;
		at.col += (unsigned)bad;
		kgx_diag(&at, "a word set is words separated by '|', each without white space");
		return st;
	}
	if (st != KGX_OK)
		return st;
	wordset *w = kgx_vec_push(&r->wordsets);
	if (!w || !(w->name = kgx_arena_strndup(&r->arena, l->key, l->key_len))) {
		kgx_wordset_free(set);
		return KGX_ERR_NOMEM;
	}
	w->set = set;
	w->loc = *vloc;
	return KGX_OK;
}

static kgx_status on_line(void *ctx, const kgx_stanza_line *l)
{
	load_ctx *c = ctx;
	kgx_rules *r = c->r;
	kgx_status st;
	if (!l->key) {
		TRY(st, finish_rule(c));
		const char *id = l->value;
		size_t n = l->value_len;
		if (id[0] == '@') {
#define SEC(k) (n == sizeof(k) - 1 && !memcmp(id, k, n))
			if (SEC("@abbreviations"))
				c->section = S_ABBREV;
			else if (SEC("@macros"))
				c->section = S_MACROS;
			else if (SEC("@amount"))
				c->section = S_AMOUNT;
			else if (SEC("@settings"))
				c->section = S_SETTINGS;
			else if (SEC("@maps"))
				c->section = S_MAPS;
			else if (SEC("@frames"))
				c->section = S_FRAMES;
			else if (SEC("@wordsets"))
				c->section = S_WORDSETS;
			else {
				kgx_diag(&l->loc, "unknown section '%.*s'", (int)n, id);
				return KGX_ERR_SYNTAX;
			}
#undef SEC
			return KGX_OK;
		}
		for (size_t i = 0; i < r->rules.len; i++) {
			const kgx_rule *o = KGX_VEC_AT(&r->rules, kgx_rule *, i);
			if (strlen(o->id) == n && !memcmp(o->id, id, n)) {
				kgx_diag(&l->loc, "duplicate rule id '%.*s' (first at %s:%u)", (int)n, id,
				         o->loc.file, o->loc.line);
				return KGX_ERR_RULE;
			}
		}
		kgx_rule *ru = kgx_arena_alloc(&r->arena, sizeof *ru);
		kgx_rule **slot = kgx_vec_push(&r->rules);
		if (!ru || !slot || !(ru->id = kgx_arena_strndup(&r->arena, id, n)))
			return KGX_ERR_NOMEM;
		*slot = ru;
		ru->priority = 50;
		ru->negation = 1;
		ru->amounts = 1;
		ru->loc = l->loc;
		c->cur = ru;
		c->section = S_RULE;
		return KGX_OK;
	}
	char *v = kgx_arena_strndup(&r->arena, l->value, l->value_len);
	if (!v)
		return KGX_ERR_NOMEM;
	kgx_loc vloc = l->loc;
	vloc.col = l->value_col;
#define KEY(k) (l->key_len == sizeof(k) - 1 && !memcmp(l->key, k, sizeof(k) - 1))
	switch (c->section) {
	case S_RULE:
		return rule_key(c, l, v);
	case S_ABBREV:
		if (!KEY("abbr")) {
			kgx_diag(&l->loc, "expected 'abbr = word. word.'");
			return KGX_ERR_SYNTAX;
		}
		for (char *w = strtok(v, " \t"); w; w = strtok(NULL, " \t"))
			TRY(st, kgx_abbrevs_add(r->abbrevs, w, strlen(w)));
		return KGX_OK;
	case S_MACROS: {
		if (!is_upper_name(l->key, l->key_len)) {
			kgx_diag(&l->loc, "macro names are upper-case: A-Z, 0-9, '_'");
			return KGX_ERR_SYNTAX;
		}
		const kgx_loc *old = name_taken(r, l->key, l->key_len);
		if (old) {
			kgx_diag(&l->loc, "macro %.*s is defined twice (first at %s:%u)", (int)l->key_len, l->key,
			         old->file, old->line);
			return KGX_ERR_RULE;
		}
		macro *m = kgx_vec_push(&r->macros);
		if (!m || !(m->name = kgx_arena_strndup(&r->arena, l->key, l->key_len)))
			return KGX_ERR_NOMEM;
		m->value = v;
		m->loc = vloc;
		if (is_word_list(v)) {
			m->words = v;
			char *t = word_list_regex(v);
			if (!t || !(m->value = kgx_arena_strndup(&r->arena, t, strlen(t)))) {
				free(t);
				return KGX_ERR_NOMEM;
			}
			free(t);
		}
		return KGX_OK;
	}
	case S_MAPS: {
		/* the value is the last word; the words before it, the key */
		char *sp = strrchr(v, ' ');
		char *tab = strrchr(v, '\t');
		if (tab > sp)
			sp = tab;
		if (!is_name(l->key, l->key_len) || !sp || sp == v || !sp[1]) {
			kgx_diag(&vloc, "expected 'map = WORDS VALUE' (a map name is lower-case letters, "
			         "digits and '_')");
			return KGX_ERR_SYNTAX;
		}
		map_entry *e = kgx_vec_push(&r->maps);
		if (!e || !(e->map = kgx_arena_strndup(&r->arena, l->key, l->key_len)) ||
		    !(e->value = kgx_arena_strndup(&r->arena, sp + 1, strlen(sp + 1))))
			return KGX_ERR_NOMEM;
		*sp = '\0';
		e->word = v;
		return KGX_OK;
	}
	case S_AMOUNT:
		if (KEY("pattern")) {
			r->amount_src = v;
			r->amount_loc = vloc;
			return KGX_OK;
		}
		if (KEY("multiplier"))
			return add_unit(r, &r->mults, l, v, 0);
		if (KEY("currency"))
			return add_unit(r, &r->curs, l, v, 1);
		kgx_diag(&l->loc, "expected pattern, multiplier or currency");
		return KGX_ERR_SYNTAX;
	case S_SETTINGS:
		if (KEY("negation")) {
			r->negation_src = v;
			r->negation_loc = vloc;
			return KGX_OK;
		}
		if (KEY("list-qualifier")) {
			r->qualifier_src = v;
			r->qualifier_loc = vloc;
			return KGX_OK;
		}
		kgx_diag(&l->loc, "unknown setting '%.*s'", (int)l->key_len, l->key);
		return KGX_ERR_SYNTAX;
	case S_FRAMES:
		return kgx_frames_setting(r->frames, l, v);
	case S_WORDSETS:
		return add_wordset(r, l, &vloc, v);
	case S_NONE:
		break;
	}
#undef KEY
	kgx_diag(&l->loc, "key outside a rule");
	return KGX_ERR_SYNTAX;
}

kgx_status kgx_rules_load_patterns(kgx_rules *r, const char *name, const char *text, size_t len)
{
	load_ctx c = {0};
	c.r = r;
	c.file = kgx_arena_strndup(&r->arena, name, strlen(name));
	kgx_vec_init(&c.fires, sizeof(char *));
	kgx_vec_init(&c.silent, sizeof(char *));
	kgx_status st = c.file ? kgx_stanza_read(c.file, text, len, MAX_RULE_LINE, on_line, &c)
	                       : KGX_ERR_NOMEM;
	if (st == KGX_OK)
		st = finish_rule(&c);
	kgx_vec_free(&c.fires);
	kgx_vec_free(&c.silent);
	return st;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted paths of the regular files in dir ending in `ext`; caller frees. */
static kgx_status list_files(const char *dir, const char *ext, char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	DIR *d = opendir(dir);
	if (!d)
		return errno == ENOENT ? KGX_OK : KGX_ERR_IO;
	struct dirent *de;
	size_t cap = 0, el = strlen(ext);
	kgx_status st = KGX_OK;
	while ((de = readdir(d))) {
		size_t nl = strlen(de->d_name);
		if (de->d_name[0] == '.' || nl <= el || strcmp(de->d_name + nl - el, ext))
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			char **a = realloc(*out, cap * sizeof *a);
			if (!a) {
				st = KGX_ERR_NOMEM;
				break;
			}
			*out = a;
		}
		size_t len = strlen(dir) + 1 + nl + 1;
		char *p = malloc(len);
		if (!p) {
			st = KGX_ERR_NOMEM;
			break;
		}
		snprintf(p, len, "%s/%s", dir, de->d_name);
		(*out)[(*n)++] = p;
	}
	closedir(d);
	if (*n)
		qsort(*out, *n, sizeof **out, cmp_str);
	return st;
}

static void free_list(char **a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(a[i]);
	free(a);
}

kgx_status kgx_rules_load_dir(kgx_rules *r, const char *dir)
{
	struct stat sb;
	kgx_loc loc = {dir, 0, 0};
	if (stat(dir, &sb) || !S_ISDIR(sb.st_mode)) {
		kgx_diag(&loc, "not a rule directory");
		return KGX_ERR_IO;
	}
	kgx_status st = KGX_OK;
	char sub[4096];
	char **files;
	size_t n;
	snprintf(sub, sizeof sub, "%s/kb", dir);
	if ((st = list_files(sub, ".kb", &files, &n)) != KGX_OK) {
		kgx_loc l = {sub, 0, 0};
		kgx_diag(&l, "cannot read the directory: %s", strerror(errno));
		return st;
	}
	for (size_t i = 0; i < n && st == KGX_OK; i++)
		st = kgx_kb_load_file(r->kb, files[i]);
	free_list(files, n);
	if (st != KGX_OK)
		return st;
	/* patterns, then frames: a frame is a rule like the others */
	static const char *const subdirs[] = {"patterns", "frames"};
	for (size_t d = 0; d < 2 && st == KGX_OK; d++) {
		snprintf(sub, sizeof sub, "%s/%s", dir, subdirs[d]);
		if ((st = list_files(sub, ".rules", &files, &n)) != KGX_OK) {
			kgx_loc l = {sub, 0, 0};
			kgx_diag(&l, "cannot read the directory: %s", strerror(errno));
			return st;
		}
		kgx_buf b = {0};
		for (size_t i = 0; i < n && st == KGX_OK; i++) {
			st = kgx_stanza_slurp(&b, files[i]);
			if (st == KGX_OK)
				st = kgx_rules_load_patterns(r, files[i], b.s, b.len);
		}
		kgx_buf_free(&b);
		free_list(files, n);
	}
	return st;
}

/* ------------------------------------------------------------ compiling */

/* A mention in a masked sentence: U+E000 Class U+E001 index U+E002. */
#define TOK_CLASSES_OPEN "\\x{E000}(?:"
#define TOK_CLOSE ")\\x{E001}\\d+\\x{E002}"
#define TOK_ANY "\\x{E000}[A-Za-z]+\\x{E001}\\d+\\x{E002}"  /* not adjectives */

/* A mention token of the given classes; adjectives are tokens whose class
 * name starts with '~', matched only where a rule asks for ~Class. A token
 * may carry a compound tail: "VN-organisaties", "EU-missies". */
static int add_token_re(kgx_buf *b, unsigned classes, unsigned adjectives)
{
	if (!classes && !adjectives) {
		if (kgx_buf_add(b, TOK_ANY, strlen(TOK_ANY)))
			return -1;
	} else {
		if (kgx_buf_add(b, TOK_CLASSES_OPEN, strlen(TOK_CLASSES_OPEN)))
			return -1;
		int first = 1;
		for (int pass = 0; pass < 2; pass++)
			for (int i = 0; i < KGX_NCLASSES; i++)
				if ((pass ? adjectives : classes) & (1u << i)) {
					if ((!first && kgx_buf_addc(b, '|')) ||
					    kgx_buf_printf(b, "%s%s", pass ? "~" : "", kgx_class_name(i)))
						return -1;
					first = 0;
				}
		if (kgx_buf_add(b, TOK_CLOSE, strlen(TOK_CLOSE)))
			return -1;
	}
	return kgx_buf_add(b, "(?:-\\p{L}+)?", strlen("(?:-\\p{L}+)?"));
}


/* Expand {role:Class|Class}, {role+:…}, {role} and {MACRO} in src. */
static kgx_status expand(kgx_rules *r, kgx_rule *ru, const char *src, kgx_buf *out, int depth,
                         const kgx_loc *loc)
{
	if (depth > 8) {
		kgx_diag(loc, "macros nested too deeply (a macro that uses itself?)");
		return KGX_ERR_RULE;
	}
	for (size_t i = 0; src[i];) {
		if (src[i] == '\\' && src[i + 1]) {
			size_t n = 2;
			if (src[i + 2] == '{' && strchr("pPxNogk", src[i + 1])) {
				/* \p{Lu}, \x{E000}, \N{U+…}: the braces belong to the escape */
				const char *close = strchr(src + i + 2, '}');
				if (close)
					n = (size_t)(close - (src + i)) + 1;
			}
			if (kgx_buf_add(out, src + i, n))
				return KGX_ERR_NOMEM;
			i += n;
			continue;
		}
		if (src[i] == '{' && ((src[i + 1] >= 'a' && src[i + 1] <= 'z') ||
		                      (src[i + 1] >= 'A' && src[i + 1] <= 'Z'))) {
			const char *close = strchr(src + i, '}');
			if (!close) {
				kgx_loc l = *loc;
				l.col += (unsigned)i;
				kgx_diag(&l, "'{' without '}'");
				return KGX_ERR_RULE;
			}
			const char *body = src + i + 1;
			size_t bn = (size_t)(close - body);
			const wordset *ws = is_upper_name(body, bn) ? find_wordset(r, body, bn) : NULL;
			if (ws) {
				/* a run of characters up to white space, which must begin
				 * as a word of the set can, and then be one (the callout) */
				if (kgx_buf_add(out, "(?:((?-i:", 9) || kgx_wordset_first_class(ws->set, out) ||
				    kgx_buf_printf(out, ")\\S*+)(?C%u))",
				                   (unsigned)(ws - (const wordset *)r->wordsets.data) + 1))
					return KGX_ERR_NOMEM;
			} else if (is_upper_name(body, bn)) {
				const macro *m = find_macro(r, body, bn);
				if (!m) {
					kgx_loc l = *loc;
					l.col += (unsigned)i;
					kgx_diag(&l, "unknown macro {%.*s}", (int)bn, body);
					return KGX_ERR_RULE;
				}
				if (kgx_buf_add(out, "(?:", 3))
					return KGX_ERR_NOMEM;
				kgx_status st = expand(r, ru, m->value, out, depth + 1, &m->loc);
				if (st != KGX_OK)
					return st;
				if (kgx_buf_addc(out, ')'))
					return KGX_ERR_NOMEM;
			} else {
				size_t nn = 0;
				while (nn < bn && body[nn] != ':' && body[nn] != '+')
					nn++;
				int list = nn < bn && body[nn] == '+';
				size_t cls_at = nn + (list ? 1 : 0);
				unsigned classes = 0, adjectives = 0;
				if (cls_at < bn) {
					int ok;
					if (body[cls_at] != ':' ||
					    (classes = parse_classes_adj(body + cls_at + 1, bn - cls_at - 1, &ok, &adjectives), !ok) ||
					    !is_name(body, nn)) {
						kgx_loc l = *loc;
						l.col += (unsigned)i;
						kgx_diag(&l, "bad placeholder {%.*s}: expected {name:Class|Class}", (int)bn, body);
						return KGX_ERR_RULE;
					}
				} else if (!is_name(body, nn)) {
					kgx_loc l = *loc;
					l.col += (unsigned)i;
					kgx_diag(&l, "bad placeholder {%.*s}", (int)bn, body);
					return KGX_ERR_RULE;
				}
				/* a minister is a person: {p:Person} takes ministers too,
				 * but {m:Minister} does not take every person */
				if (classes & KGX_C_PERSON)
					classes |= KGX_C_MINISTER;
				if (adjectives & KGX_C_PERSON)
					adjectives |= KGX_C_MINISTER;
				kgx_role *role = NULL;
				for (size_t k = 0; k < ru->n_roles; k++)
					if (strlen(ru->roles[k].name) == nn && !memcmp(ru->roles[k].name, body, nn))
						role = &ru->roles[k];
				if (!role) {
					if (ru->n_roles == KGX_MAX_ROLES) {
						kgx_diag(loc, "too many placeholders");
						return KGX_ERR_RULE;
					}
					role = &ru->roles[ru->n_roles++];
					memcpy(role->name, body, nn);
					role->name[nn] = '\0';
				}
				role->classes |= classes;
				role->adjectives |= adjectives;
				role->list |= list;
				if (kgx_buf_printf(out, "(?<%s>", role->name))
					return KGX_ERR_NOMEM;
				if (add_token_re(out, classes, adjectives))
					return KGX_ERR_NOMEM;
				if (list) {
					/* "X, Y en Z", "X en de Y", "X and Y" */
					const macro *sep = find_macro(r, "LISTSEP", 7);
					/* each item may carry its acronym: "X (XA), Y (YA) en Z" */
					static const char acr[] = "(?:\\s*\\(\\s*" TOK_ANY "\\s*\\))?";
					const char *sv = sep ? sep->value : "\\s*(?:,|\\ben\\b|\\band\\b)\\s*(?:(?:de|het|the)\\s+)?";
					if (kgx_buf_add(out, acr, strlen(acr)) || kgx_buf_add(out, "(?:", 3) ||
					    kgx_buf_add(out, sv, strlen(sv)) ||
					    add_token_re(out, classes, adjectives) || kgx_buf_add(out, acr, strlen(acr)) ||
					    kgx_buf_add(out, ")*", 2))
						return KGX_ERR_NOMEM;
				}
				if (kgx_buf_addc(out, ')'))
					return KGX_ERR_NOMEM;
			}
			i = (size_t)(close - src) + 1;
			continue;
		}
		if (src[i] == '(' && src[i + 1] == '?' && src[i + 2] == 'C') {
			kgx_loc l = *loc;
			l.col += (unsigned)i;
			kgx_diag(&l, "callouts (?C…) are reserved for word sets");
			return KGX_ERR_RULE;
		}
		if (kgx_buf_addc(out, src[i]))
			return KGX_ERR_NOMEM;
		i++;
	}
	return KGX_OK;
}

/* The callout after a word set's run of characters (see expand): the run is
 * the group closed last. 0 goes on matching, 1 backtracks. */
/* ------------------------------------------------------------ required words */

/* Words a pattern cannot match without, read off its expanded source, so
 * that a rule is not run on a text that holds none of them (the `needs`
 * test, with words no one had to write). A group is a list of words one of
 * which every match contains; a pattern may give several groups, all of
 * which must be there. The reading is conservative: whatever it does not
 * know (back references, recursion, conditions, \Q, extended mode) gives no
 * group at all, and words are compared ASCII case-insensitively, as needs
 * words are. Caseless UTF matching lets 'k' and 's' match U+212A and U+017F,
 * so a word stops at them; a word also stops at anything not ASCII. */
#define REQ_GROUPS KGX_MAX_REQ  /* groups kept per rule */
#define REQ_WORDS 24    /* words in one group */
#define REQ_LEN 24      /* bytes of a word kept (a prefix of a required word is one) */
#define REQ_MIN 3       /* shorter words are in most texts */

typedef enum { REQ_NONE, REQ_SET, REQ_NEVER } req_kind;

typedef struct {
	req_kind kind;
	size_t n;
	char w[REQ_WORDS][REQ_LEN + 1];
} req_set;

typedef struct {
	const char *p;
	int bad;                   /* something not understood: no groups */
	int repeat;                /* the last quantifier lets its atom repeat */
	req_set top[REQ_GROUPS];   /* the best groups of the top-level sequence */
	size_t n_top;
} req_ctx;

/* The shortest word of a set: the longer, the rarer the set in a text. */
static size_t req_score(const req_set *s)
{
	if (s->kind != REQ_SET || !s->n)
		return 0;
	size_t m = SIZE_MAX;
	for (size_t i = 0; i < s->n; i++) {
		size_t l = strlen(s->w[i]);
		m = l < m ? l : m;
	}
	return m;
}

/* Whether a is a better group than b. */
static int req_better(const req_set *a, const req_set *b)
{
	size_t sa = req_score(a), sb = req_score(b);
	return sa != sb ? sa > sb : a->kind == REQ_SET && a->n < b->n;
}

static void req_word(req_set *s, const char *w, size_t n)
{
	s->kind = REQ_SET;
	s->n = 1;
	if (n > REQ_LEN)
		n = REQ_LEN;
	for (size_t i = 0; i < n; i++)
		s->w[0][i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
	s->w[0][n] = '\0';
}

/* Keep e among the top-level groups if it is one of the best. */
static void req_keep(req_ctx *c, const req_set *e)
{
	if (req_score(e) < REQ_MIN)
		return;
	size_t i = c->n_top;
	if (i == REQ_GROUPS) {
		i = 0;
		for (size_t k = 1; k < REQ_GROUPS; k++)
			if (req_better(&c->top[i], &c->top[k]))
				i = k;  /* the worst */
		if (!req_better(e, &c->top[i]))
			return;
	} else {
		c->n_top++;
	}
	c->top[i] = *e;
}

static req_set req_alt(req_ctx *c, int top);

/* Skip a character class; c->p is past its '['. */
static void req_class(req_ctx *c)
{
	const char *p = c->p;
	if (*p == '^')
		p++;
	if (*p == ']')
		p++;
	for (; *p && *p != ']'; p++) {
		if (*p == '\\' && p[1])
			p++;
		else if (p[0] == '[' && p[1] == ':') {
			const char *e = strstr(p, ":]");
			if (!e) {
				c->bad = 1;
				return;
			}
			p = e + 1;
		}
	}
	if (!*p)
		c->bad = 1;
	c->p = *p ? p + 1 : p;
}

/* A quantifier at c->p, if any: its minimum, or 1 without one. */
static unsigned long req_quant(req_ctx *c)
{
	unsigned long min = 1;
	const char *p = c->p;
	c->repeat = 1;
	if (*p == '?' || *p == '*') {
		min = 0;
		p++;
	} else if (*p == '+') {
		p++;
	} else if (*p == '{') {
		char *e;
		if (p[1] < '0' || p[1] > '9') {
			c->bad = 1;  /* a literal '{', or "{,n}" */
			return 0;
		}
		min = strtoul(p + 1, &e, 10);
		if (*e == ',')
			for (e++; *e >= '0' && *e <= '9'; e++)
				;
		if (*e != '}') {
			c->bad = 1;
			return 0;
		}
		p = e + 1;
	} else {
		c->repeat = 0;
		return 1;
	}
	if (*p == '?' || *p == '+')
		p++;
	c->p = p;
	return min;
}

/* A sequence up to '|', ')' or the end: its best group, REQ_NEVER if it
 * cannot match ((*FAIL)). With `top`, each element's group is offered to
 * c->top. */
static req_set req_seq(req_ctx *c, int top)
{
	req_set best = {REQ_NONE, 0, {{0}}}, e;
	char run[REQ_LEN + 1];
	size_t run_n = 0;
	int never = 0;
#define REQ_FLUSH()                                                  \
	do {                                                         \
		if (run_n >= REQ_MIN) {                              \
			req_set f;                                   \
			req_word(&f, run, run_n);                    \
			if (top)                                     \
				req_keep(c, &f);                     \
			if (req_better(&f, &best))                   \
				best = f;                            \
		}                                                    \
		run_n = 0;                                           \
	} while (0)
	while (!c->bad && *c->p && *c->p != '|' && *c->p != ')') {
		const char *p = c->p;
		unsigned char ch = (unsigned char)*p;
		int literal = -1;  /* an ASCII byte the text must hold here */
		e.kind = REQ_NONE;
		if (ch == '(') {
			if (p[1] == '*') {
				/* a verb: (*FAIL) cannot match, (*ACCEPT) ends the match early */
				if ((p[2] >= 'a' && p[2] <= 'z') || !strncmp(p + 2, "ACCEPT", 6)) {
					c->bad = 1;
					break;
				}
				if (!strncmp(p + 2, "FAIL)", 5) || !strncmp(p + 2, "F)", 2))
					never = 1;
				const char *q = strchr(p, ')');
				if (!q) {
					c->bad = 1;
					break;
				}
				c->p = q + 1;
				REQ_FLUSH();
				continue;
			}
			int look = 0;
			if (p[1] == '?') {
				const char *q = p + 2;
				if (*q == '#' || *q == 'C') {
					const char *r = strchr(q, ')');
					if (!r || (*q == 'C' && r[-1] != 'C' && (r[-1] < '0' || r[-1] > '9'))) {
						c->bad = 1;
						break;
					}
					c->p = r + 1;
					REQ_FLUSH();
					continue;
				}
				if (*q == ':' || *q == '>' || *q == '|') {
					c->p = q + 1;
				} else if (*q == '=' || *q == '!') {
					look = 1;
					c->p = q + 1;
				} else if (q[0] == '<' && (q[1] == '=' || q[1] == '!')) {
					look = 1;
					c->p = q + 2;
				} else if (*q == '<' || *q == '\'' || (q[0] == 'P' && q[1] == '<')) {
					const char *r = *q == '\'' ? strchr(q + 1, '\'') : strchr(q, '>');
					if (!r) {
						c->bad = 1;
						break;
					}
					c->p = r + 1;
				} else {
					/* options: (?i) (?-i) (?i:...) */
					while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || *q == '-' || *q == '^') {
						if (*q == 'x') {
							c->bad = 1;
							break;
						}
						q++;
					}
					if (c->bad)
						break;
					if (*q == ')') {
						c->p = q + 1;
						continue;  /* zero-width: the run goes on */
					}
					if (*q != ':' || q == p + 2) {
						c->bad = 1;  /* recursion, conditions, named calls */
						break;
					}
					c->p = q + 1;
				}
			} else {
				c->p = p + 1;
			}
			e = req_alt(c, 0);
			if (c->bad || *c->p != ')') {
				c->bad = 1;
				break;
			}
			c->p++;
			if (look)
				e.kind = REQ_NONE;
		} else if (ch == '[') {
			c->p = p + 1;
			req_class(c);
		} else if (ch == '\\') {
			unsigned char x = (unsigned char)p[1];
			c->p = p + 2;
			if (!x) {
				c->bad = 1;
				break;
			}
			/* "\p{Lu}", "\x{E000}": past the braces */
			if ((x == 'p' || x == 'P' || x == 'x') && *c->p == '{') {
				const char *r = strchr(c->p, '}');
				if (!r) {
					c->bad = 1;
					break;
				}
				c->p = r + 1;
			} else if (x == 'p' || x == 'P') {
				if (*c->p)
					c->p++;
			} else if (x == 'x') {
				for (int k = 0; k < 2 && ((*c->p >= '0' && *c->p <= '9') || (*c->p >= 'a' && *c->p <= 'f') ||
				                          (*c->p >= 'A' && *c->p <= 'F')); k++)
					c->p++;
			} else if (strchr("dDsSwWhHvVNRXbBAZzGKtnrfea", (int)x)) {
				/* a class, an assertion or a control character */
			} else if (x < 0x80 && !(x >= '0' && x <= '9') && !(x >= 'a' && x <= 'z') &&
			           !(x >= 'A' && x <= 'Z')) {
				literal = x;  /* escaped punctuation */
			} else {
				c->bad = 1;  /* back references, \Q, \c, \o, ... */
				break;
			}
		} else if (ch == '.' || ch == '^' || ch == '$') {
			c->p = p + 1;
		} else if (ch == '{' || ch == '*' || ch == '+' || ch == '?') {
			c->bad = 1;
			break;
		} else if (ch >= 0x80) {
			c->p = p + 1;
			while ((*c->p & 0xC0) == 0x80)
				c->p++;
		} else {
			c->p = p + 1;
			literal = ch;
		}
		unsigned long min = req_quant(c);
		if (c->bad)
			break;
		if (literal >= 0 && !strchr("kKsS", literal)) {
			if (!min) {
				REQ_FLUSH();
				continue;
			}
			if (run_n < REQ_LEN)
				run[run_n++] = (char)literal;
			if (c->repeat)
				REQ_FLUSH();  /* repeated: the next byte need not follow this one */
			continue;
		}
		REQ_FLUSH();
		if (!min)
			continue;
		if (e.kind == REQ_NEVER) {
			never = 1;
			continue;
		}
		if (top)
			req_keep(c, &e);
		if (req_better(&e, &best))
			best = e;
	}
	REQ_FLUSH();
#undef REQ_FLUSH
	if (never)
		best.kind = REQ_NEVER;
	return best;
}

/* Alternatives up to ')' or the end: the union of their best groups. */
static req_set req_alt(req_ctx *c, int top)
{
	req_set all = {REQ_NEVER, 0, {{0}}};
	size_t branches = 0;
	for (;;) {
		req_set b = req_seq(c, top && !branches);
		if (branches++ == 1 && top)
			c->n_top = 0;  /* alternatives at the top: only their union holds */
		if (c->bad)
			break;
		if (b.kind == REQ_NONE || (b.kind == REQ_SET && req_score(&b) < REQ_MIN) ||
		    (b.kind == REQ_SET && all.n + b.n > REQ_WORDS)) {
			all.kind = REQ_NONE;
		} else if (b.kind == REQ_SET && all.kind != REQ_NONE) {
			all.kind = REQ_SET;
			for (size_t i = 0; i < b.n; i++)
				memcpy(all.w[all.n++], b.w[i], REQ_LEN + 1);
		}
		if (*c->p != '|')
			break;
		c->p++;
	}
	return all;
}

/* The groups of words the pattern `src` cannot match without: up to
 * REQ_GROUPS, written to out; returns their number. */
static size_t required_words(const char *src, req_set *out)
{
	req_ctx c = {0};
	c.p = src;
	req_set all = req_alt(&c, 1);
	if (c.bad || *c.p)
		return 0;
	if (c.n_top) {
		memcpy(out, c.top, c.n_top * sizeof *out);
		return c.n_top;
	}
	if (all.kind == REQ_SET && req_score(&all) >= REQ_MIN) {
		out[0] = all;
		return 1;
	}
	return 0;
}

static int words_callout(pcre2_callout_block *cb, void *data)
{
	const kgx_rules *r = data;
	if (cb->callout_number < 1 || cb->callout_number > r->wordsets.len)
		return 0;
	const kgx_wordset *set = KGX_VEC_AT(&r->wordsets, wordset, cb->callout_number - 1).set;
	PCRE2_SIZE b = cb->offset_vector[2 * cb->capture_last];
	return !kgx_wordset_has(set, (const char *)cb->subject + b, cb->current_position - b);
}

static kgx_status compile(const char *what, const char *src, const kgx_loc *loc, uint32_t opts,
                          pcre2_code **out)
{
	int err;
	PCRE2_SIZE off;
	/* PCRE2_USE_OFFSET_LIMIT: kgx_rules_match finds where a limit was hit */
	*out = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
	                     PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES | PCRE2_USE_OFFSET_LIMIT | opts, &err, &off,
	                     NULL);
	if (!*out) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof msg);
		kgx_diag(loc, "%s does not compile: %s at offset %zu in: %s", what, (char *)msg, (size_t)off, src);
		return KGX_ERR_RULE;
	}
	pcre2_jit_compile(*out, PCRE2_JIT_COMPLETE);  /* falls back to the interpreter */
	return KGX_OK;
}

static int known_ref(const kgx_rule *ru, const char *name)
{
	if (!strcmp(name, "doc") || name[0] == '=')
		return 1;
	for (size_t i = 0; i < ru->n_roles; i++)
		if (!strcmp(ru->roles[i].name, name))
			return 1;
	for (size_t i = 0; i < ru->n_creates; i++)
		if (!strcmp(ru->creates[i].name, name))
			return 1;
	return 0;
}

/* The number of a needs word among all rules' words, added if new;
 * SIZE_MAX when out of memory. */
static size_t number_word(kgx_rules *r, const char *word)
{
	need_word *ws = r->words.data;
	for (size_t w = 0; w < r->words.len; w++)
		if (!strcmp(ws[w].word, word))
			return w;
	need_word *nw = kgx_vec_push(&r->words);
	if (!nw)
		return SIZE_MAX;
	nw->word = word;
	nw->len = strlen(word);
	return r->words.len - 1;
}

/* Build d from words[0..n) (distinct): a trie of the words, then (breadth
 * first) each state's failure link, folded into the table, and its output
 * link. */
static kgx_status dfa_build(needs_dfa *d, const char *const *words, size_t n_words)
{
	uint8_t wcls[256] = {0};  /* a word byte's class */
	size_t n_cls = 1, max_states = 1;
	dfa_free(d);
	for (size_t w = 0; w < n_words; w++) {
		size_t len = 0;
		for (const unsigned char *p = (const unsigned char *)words[w]; *p; p++, max_states++, len++)
			if (!wcls[*p])
				wcls[*p] = (uint8_t)n_cls++;
		if (len > d->longest)
			d->longest = len;
	}
	if (n_cls > 255 || max_states * n_cls >= DFA_OUT)
		return KGX_ERR_NOMEM;  /* not with any real rules */
	/* the text is looked at with ASCII letters lower-cased, as the words are */
	for (int b = 0; b < 256; b++)
		d->cls[b] = wcls[b >= 'A' && b <= 'Z' ? b + 32 : b];
	d->n_cls = n_cls;
	d->next = calloc(max_states * n_cls, sizeof *d->next);
	d->word = calloc(max_states, sizeof *d->word);
	d->out = calloc(max_states, sizeof *d->out);
	d->len = calloc(n_words ? n_words : 1, sizeof *d->len);
	uint32_t *fail = calloc(max_states, sizeof *fail), *queue = calloc(max_states, sizeof *queue);
	if (!d->next || !d->word || !d->out || !d->len || !fail || !queue) {
		free(fail);
		free(queue);
		dfa_free(d);
		return KGX_ERR_NOMEM;
	}
	/* states by number first; rows and DFA_OUT at the end */
	size_t n = 1;
	for (size_t w = 0; w < n_words; w++) {
		uint32_t at = 0;
		for (const unsigned char *p = (const unsigned char *)words[w]; *p; p++) {
			uint32_t *e = &d->next[at * n_cls + wcls[*p]];
			if (!*e)
				*e = (uint32_t)n++;
			at = *e;
		}
		d->len[w] = (uint32_t)strlen(words[w]);
		if (at == 0)
			d->empty = w + 1;
		else
			d->word[at] = (uint32_t)w + 1;
	}
	d->n_states = n;
	/* no edge of the trie enters the root, so 0 in a row of the trie means
	 * "none" until it is filled with where the failure link leads */
	size_t head = 0, tail = 0;
	for (size_t c = 1; c < n_cls; c++)
		if (d->next[c])
			queue[tail++] = d->next[c];  /* fail = root, out = none */
	while (head < tail) {
		uint32_t q = queue[head++];
		for (size_t c = 1; c < n_cls; c++) {
			uint32_t *e = &d->next[q * n_cls + c];
			uint32_t f = d->next[fail[q] * n_cls + c];
			if (*e) {
				fail[*e] = f;
				d->out[*e] = d->word[f] ? f : d->out[f];
				queue[tail++] = *e;
			} else {
				*e = f;
			}
		}
	}
	for (size_t k = 0; k < n * n_cls; k++) {
		uint32_t q = d->next[k];
		d->next[k] = (uint32_t)(q * n_cls) | (d->word[q] || d->out[q] ? DFA_OUT : 0);
	}
	free(fail);
	free(queue);
	return KGX_OK;
}

/* Every word ending where the scan reached state row (DFA_OUT set); a
 * word seen before had its shorter suffixes marked then. */
static void dfa_found(const needs_dfa *d, uint32_t row, unsigned char *memo)
{
	uint32_t q = (uint32_t)((row & ~DFA_OUT) / d->n_cls);
	for (uint32_t o = d->word[q] ? q : d->out[q]; o && !memo[d->word[o] - 1]; o = d->out[o])
		memo[d->word[o] - 1] = 1;
}

/* Streams scanned side by side: each step waits on the load of the step
 * before, so one stream alone leaves the processor idle. */
#define DFA_STREAMS 4

/* How many streams dfa_scan cuts text of len bytes into: each but the
 * first reads longest - 1 bytes more, which pays while they are at most
 * half its piece (a sentence of 200 bytes took 4.9 ns a byte in one). */
static int dfa_streams(const needs_dfa *d, size_t len)
{
	if (!d->longest)
		return 1;
	if (len >= 2 * d->longest * DFA_STREAMS && len >= 16 * DFA_STREAMS)
		return DFA_STREAMS;
	return len >= 2 * d->longest * 2 && len >= 32 ? 2 : 1;
}

/* Cut text of len bytes into n pieces for n streams: piece k is
 * [begin[k], end[k]), and its stream starts reading at at[k], the longest
 * word less a byte early, so that no word across a cut is missed. */
static void dfa_cut(const needs_dfa *d, size_t len, int n, size_t *at, size_t *begin, size_t *end)
{
	for (int k = 0; k < n; k++) {
		begin[k] = len / (size_t)n * (size_t)k;
		at[k] = k ? begin[k] - (d->longest - 1) : 0;
		end[k] = k + 1 < n ? len / (size_t)n * (size_t)(k + 1) : len;
	}
}

/* The bytes the n streams read side by side: the shortest stream's. */
static size_t dfa_side_by_side(const size_t *at, const size_t *end, int n)
{
	size_t steps = end[0] - at[0];
	for (int k = 1; k < n; k++)
		if (end[k] - at[k] < steps)
			steps = end[k] - at[k];
	return steps;
}

/* Run d over text[0..len), setting memo[w] (one byte per word) to 1 for
 * each word w found. A long text is read in up to DFA_STREAMS pieces at
 * once (dfa_cut). */
static void dfa_scan(const needs_dfa *d, const char *text, size_t len, unsigned char *memo)
{
	if (d->empty)
		memo[d->empty - 1] = 1;
	if (!d->next)
		return;
	const unsigned char *t = (const unsigned char *)text;
	const uint32_t *next = d->next;
	const uint8_t *cls = d->cls;
	size_t at[DFA_STREAMS], begin[DFA_STREAMS], end[DFA_STREAMS];
	uint32_t row[DFA_STREAMS] = {0};
	const int n = dfa_streams(d, len);
	dfa_cut(d, len, n, at, begin, end);
	/* side by side as far as the shortest piece, then each to its end */
	size_t steps = 0;
	if (n == 2) {
		steps = dfa_side_by_side(at, end, 2);
		for (size_t x = 0; x < steps; x++) {
			row[0] = next[(row[0] & ~DFA_OUT) + cls[t[at[0] + x]]];
			row[1] = next[(row[1] & ~DFA_OUT) + cls[t[at[1] + x]]];
			if ((row[0] | row[1]) & DFA_OUT)
				for (int k = 0; k < 2; k++)
					if (row[k] & DFA_OUT)
						dfa_found(d, row[k], memo);
		}
	} else if (n == DFA_STREAMS) {
		steps = dfa_side_by_side(at, end, n);
		for (size_t x = 0; x < steps; x++) {
			uint32_t any = 0;
			for (int k = 0; k < DFA_STREAMS; k++) {
				row[k] = next[(row[k] & ~DFA_OUT) + cls[t[at[k] + x]]];
				any |= row[k];
			}
			if (any & DFA_OUT)
				for (int k = 0; k < DFA_STREAMS; k++)
					if (row[k] & DFA_OUT)
						dfa_found(d, row[k], memo);
		}
	}
	for (int k = 0; k < n; k++)
		for (size_t i = at[k] + steps; i < end[k]; i++) {
			row[k] = next[(row[k] & ~DFA_OUT) + cls[t[i]]];
			if (row[k] & DFA_OUT)
				dfa_found(d, row[k], memo);
		}
}

/* Every word ending at text[i] (row: the state the scan reached there, with
 * DFA_OUT set), kept in n->hits. The words are all kept, not only those new
 * to the memo, for a piece of the text may hold one that another piece
 * held first. */
static int dfa_hits(const needs_dfa *d, uint32_t row, size_t i, kgx_needs *n)
{
	uint32_t q = (uint32_t)((row & ~DFA_OUT) / d->n_cls);
	for (uint32_t o = d->word[q] ? q : d->out[q]; o; o = d->out[o]) {
		if (n->n_hits == n->cap_hits) {
			size_t cap = n->cap_hits ? 2 * n->cap_hits : 256;
			kgx_need_hit *h = realloc(n->hits, cap * sizeof *h);
			if (!h)
				return -1;
			n->hits = h;
			n->cap_hits = cap;
		}
		uint32_t w = d->word[o] - 1;
		n->memo[w] = 1;
		n->hits[n->n_hits++] = (kgx_need_hit){(uint32_t)(i + 1 - d->len[w]), (uint32_t)(i + 1), w};
	}
	return 0;
}

/* dfa_scan that keeps every word found in n->hits, in the order of their
 * ends (the streams' pieces follow each other, and a stream keeps only the
 * words that end in its own piece, not in the bytes it reads before it). */
static kgx_status dfa_scan_hits(const needs_dfa *d, const char *text, size_t len, kgx_needs *n)
{
	n->n_hits = 0;
	if (d->empty)
		n->memo[d->empty - 1] = 1;
	if (!d->next)
		return KGX_OK;
	const unsigned char *t = (const unsigned char *)text;
	const uint32_t *next = d->next;
	const uint8_t *cls = d->cls;
	size_t at[DFA_STREAMS], begin[DFA_STREAMS], end[DFA_STREAMS];
	uint32_t row[DFA_STREAMS] = {0};
	const int ns = d->longest && len >= 4 * d->longest * DFA_STREAMS && len >= 16 * DFA_STREAMS ? DFA_STREAMS : 1;
	dfa_cut(d, len, ns, at, begin, end);
	/* side by side as far as the shortest piece, then each to its end;
	 * each hit is tagged with its stream (in the word's top bits) for the
	 * sort at the end */
	size_t steps = 0;
	if (ns == DFA_STREAMS) {
		steps = dfa_side_by_side(at, end, ns);
		for (size_t x = 0; x < steps; x++) {
			uint32_t any = 0;
			for (int k = 0; k < DFA_STREAMS; k++) {
				row[k] = next[(row[k] & ~DFA_OUT) + cls[t[at[k] + x]]];
				any |= row[k];
			}
			if (any & DFA_OUT)
				for (int k = 0; k < DFA_STREAMS; k++)
					if ((row[k] & DFA_OUT) && at[k] + x >= begin[k]) {
						size_t h0 = n->n_hits;
						if (dfa_hits(d, row[k], at[k] + x, n))
							return KGX_ERR_NOMEM;
						for (size_t h = h0; h < n->n_hits; h++)
							n->hits[h].word |= (uint32_t)k << 30;
					}
		}
	}
	for (int k = 0; k < ns; k++) {
		for (size_t i = at[k] + steps; i < end[k]; i++) {
			row[k] = next[(row[k] & ~DFA_OUT) + cls[t[i]]];
			if ((row[k] & DFA_OUT) && i >= begin[k]) {
				size_t h0 = n->n_hits;
				if (dfa_hits(d, row[k], i, n))
					return KGX_ERR_NOMEM;
				for (size_t h = h0; h < n->n_hits; h++)
					n->hits[h].word |= (uint32_t)k << 30;
			}
		}
	}
	if (ns > 1) {
		/* by stream, stably: each stream's hits are in order already */
		size_t count[DFA_STREAMS + 1] = {0};
		for (size_t h = 0; h < n->n_hits; h++)
			count[(n->hits[h].word >> 30) + 1]++;
		for (int k = 1; k <= DFA_STREAMS; k++)
			count[k] += count[k - 1];
		kgx_need_hit *sorted = malloc((n->n_hits ? n->n_hits : 1) * sizeof *sorted);
		if (!sorted)
			return KGX_ERR_NOMEM;
		for (size_t h = 0; h < n->n_hits; h++) {
			kgx_need_hit x = n->hits[h];
			uint32_t k = x.word >> 30;
			x.word &= ~(UINT32_C(3) << 30);
			sorted[count[k]++] = x;
		}
		if (n->n_hits)  /* hits is NULL when there are none */
			memcpy(n->hits, sorted, n->n_hits * sizeof *sorted);
		free(sorted);
	} else {
		for (size_t h = 0; h < n->n_hits; h++)
			n->hits[h].word &= ~(UINT32_C(3) << 30);
	}
	return KGX_OK;
}

/* Number the rules with needs words, and list per word the rules that
 * need it. */
static kgx_status build_word_rules(kgx_rules *r)
{
	free(r->word_rules_at);
	free(r->word_rules);
	size_t n_words = r->words.len, total = 0;
	r->n_need_rules = 0;
	r->word_rules = NULL;
	r->word_rules_at = calloc(n_words + 1, sizeof *r->word_rules_at);
	if (!r->word_rules_at)
		return KGX_ERR_NOMEM;
	for (size_t i = 0; i < r->rules.len; i++) {
		kgx_rule *ru = KGX_VEC_AT(&r->rules, kgx_rule *, i);
		if (!ru->n_needs)
			continue;
		ru->need_set = r->n_need_rules++;
		for (size_t k = 0; k < ru->n_needs; k++)
			r->word_rules_at[ru->need_ids[k] + 1]++;
		total += ru->n_needs;
	}
	for (size_t i = 0; i < r->rules.len; i++) {
		kgx_rule *ru = KGX_VEC_AT(&r->rules, kgx_rule *, i);
		for (size_t g = 0; g < ru->n_req; g++) {
			ru->req_set[g] = r->n_need_rules++;
			for (size_t k = 0; k < ru->req_n[g]; k++)
				r->word_rules_at[ru->req_ids[g][k] + 1]++;
			total += ru->req_n[g];
		}
	}
	for (size_t w = 0; w < n_words; w++)
		r->word_rules_at[w + 1] += r->word_rules_at[w];
	r->word_rules = malloc((total ? total : 1) * sizeof *r->word_rules);
	uint32_t *fill = malloc((n_words ? n_words : 1) * sizeof *fill);
	if (!r->word_rules || !fill) {
		free(fill);
		return KGX_ERR_NOMEM;
	}
	memcpy(fill, r->word_rules_at, n_words * sizeof *fill);
	for (size_t i = 0; i < r->rules.len; i++) {
		const kgx_rule *ru = KGX_VEC_AT(&r->rules, kgx_rule *, i);
		for (size_t k = 0; k < ru->n_needs; k++)
			r->word_rules[fill[ru->need_ids[k]]++] = (uint32_t)ru->need_set;
		for (size_t g = 0; g < ru->n_req; g++)
			for (size_t k = 0; k < ru->req_n[g]; k++)
				r->word_rules[fill[ru->req_ids[g][k]]++] = (uint32_t)ru->req_set[g];
	}
	free(fill);
	return KGX_OK;
}

/* Build r->dfa from r->words and r->cur_dfa from the currency words. */
static kgx_status build_needs_dfa(kgx_rules *r)
{
	if (build_word_rules(r) != KGX_OK)
		return KGX_ERR_NOMEM;
	size_t n = r->words.len > r->curs.len ? r->words.len : r->curs.len;
	const char **w = malloc((n ? n : 1) * sizeof *w);
	if (!w)
		return KGX_ERR_NOMEM;
	for (size_t i = 0; i < r->words.len; i++)
		w[i] = KGX_VEC_AT(&r->words, need_word, i).word;
	kgx_status st = dfa_build(&r->dfa, w, r->words.len);
	size_t k = 0;
	for (size_t i = 0; i < r->curs.len; i++) {
		const char *c = KGX_VEC_AT(&r->curs, unit, i).lower;
		size_t j = 0;
		while (j < k && strcmp(w[j], c))
			j++;
		if (j == k)
			w[k++] = c;  /* distinct */
	}
	r->n_cur_words = k;
	if (st == KGX_OK)
		st = dfa_build(&r->cur_dfa, w, k);
	free(w);
	return st;
}

/* Replace each "{NAME}" among ru's needs words by the words of that
 * word-list macro, lower-cased. */
static kgx_status expand_needs(kgx_rules *r, kgx_rule *ru)
{
	size_t n = 0;
	for (size_t k = 0; k < ru->n_needs; k++) {
		const char *tok = ru->needs[k];
		size_t tn = strlen(tok);
		if (tok[0] != '{') {
			n++;
			continue;
		}
		const macro *m = tn > 2 && tok[tn - 1] == '}' ? find_macro(r, tok + 1, tn - 2) : NULL;
		if (!m || !m->words) {
			kgx_diag(&ru->loc, m ? "rule '%s': needs: macro %s is not a list of words (a|b|c, 8 or more)"
			                     : "rule '%s': needs: no macro %s",
			         ru->id, tok);
			return KGX_ERR_RULE;
		}
		n += list_size(m->words);
	}
	if (n == ru->n_needs)
		return KGX_OK;
	char **words = kgx_arena_alloc(&r->arena, n * sizeof *words);
	if (!words)
		return KGX_ERR_NOMEM;
	size_t w = 0;
	for (size_t k = 0; k < ru->n_needs; k++) {
		char *tok = ru->needs[k];
		if (tok[0] != '{') {
			words[w++] = tok;
			continue;
		}
		const macro *m = find_macro(r, tok + 1, strlen(tok) - 2);
		char *list = kgx_arena_strndup(&r->arena, m->words, strlen(m->words));
		if (!list)
			return KGX_ERR_NOMEM;
		kgx_ascii_lower(list, strlen(list));
		w += list_split(list, words + w);
	}
	ru->needs = words;
	ru->n_needs = w;
	return KGX_OK;
}

kgx_status kgx_rules_compile(kgx_rules *r, int strict)
{
	if (!r->rules.len && !kgx_kb_count(r->kb, NULL, NULL)) {
		/* kgx would run and find nothing, silently */
		kgx_diag(NULL, "no rules loaded: no pattern rules and no knowledge-base entries");
		return KGX_ERR_RULE;
	}
	kgx_status result = kgx_kb_link(r->kb, strict);
	for (int k = 0; k < KGX_MATCH_LEVELS; k++)
		pcre2_set_callout(r->mctx[k], words_callout, r);
	if (result == KGX_ERR_NOMEM)
		return result;
	kgx_buf b = {0};
	for (size_t i = 0; i < r->rules.len; i++) {
		kgx_rule *ru = KGX_VEC_AT(&r->rules, kgx_rule *, i);
		if (ru->kind == KGX_RULE_FRAME)
			continue;  /* no pattern: kgx_frames_compile indexes its words */
		b.len = 0;
		kgx_buf_add(&b, "", 0);
		kgx_loc loc = ru->pattern_loc;
		kgx_status st = expand(r, ru, ru->source, &b, 0, &loc);
		if (st == KGX_OK) {
			ru->expanded = kgx_arena_strndup(&r->arena, b.s, b.len);
			uint32_t opts = PCRE2_CASELESS;
			if (ru->document_scope)
				opts |= PCRE2_MULTILINE;
			char what[300];
			snprintf(what, sizeof what, "pattern of rule '%s'", ru->id);
			st = ru->expanded ? compile(what, ru->expanded, &loc, opts, &ru->code) : KGX_ERR_NOMEM;
		}
		if (st == KGX_OK)
			st = expand_needs(r, ru);
		if (st == KGX_ERR_NOMEM) {
			kgx_buf_free(&b);
			return st;
		}
		/* number the needs words, shared between rules */
		if (ru->n_needs && !(ru->need_ids = kgx_arena_alloc(&r->arena, ru->n_needs * sizeof *ru->need_ids))) {
			kgx_buf_free(&b);
			return KGX_ERR_NOMEM;
		}
		for (size_t k = 0; k < ru->n_needs; k++) {
			ru->need_ids[k] = number_word(r, ru->needs[k]);
			if (ru->need_ids[k] == SIZE_MAX) {
				kgx_buf_free(&b);
				return KGX_ERR_NOMEM;
			}
		}
		/* the words its pattern requires, for the rules that run where
		 * needs are tested */
		if (st == KGX_OK && ru->code && ru->kind != KGX_RULE_CLASSIFY) {
			req_set req[KGX_MAX_REQ];
			ru->n_req = required_words(ru->expanded, req);
			for (size_t g = 0; g < ru->n_req; g++) {
				ru->req_n[g] = req[g].n;
				ru->req_ids[g] = kgx_arena_alloc(&r->arena, req[g].n * sizeof *ru->req_ids[g]);
				for (size_t k = 0; ru->req_ids[g] && k < req[g].n; k++) {
					const char *w = kgx_arena_strndup(&r->arena, req[g].w[k], strlen(req[g].w[k]));
					ru->req_ids[g][k] = w ? number_word(r, w) : SIZE_MAX;
					if (ru->req_ids[g][k] == SIZE_MAX)
						ru->req_ids[g] = NULL;
				}
				if (!ru->req_ids[g]) {
					kgx_buf_free(&b);
					return KGX_ERR_NOMEM;
				}
			}
		}
		/* the fewest mentions a sentence needs for this rule to emit */
		ru->min_mentions = SIZE_MAX;
		for (size_t k = 0; k < ru->n_emits; k++) {
			size_t need = 0;
			const char *ends[2] = {ru->emits[k].s, ru->emits[k].o};
			for (int side = 0; side < 2; side++)
				need += strcmp(ends[side], "doc") && ends[side][0] != '=';
			if (need < ru->min_mentions)
				ru->min_mentions = need;
		}
		if (ru->min_mentions == SIZE_MAX)
			ru->min_mentions = 0;
		for (size_t k = 0; st == KGX_OK && k < ru->n_emits; k++) {
			const kgx_emit *e = &ru->emits[k];
			const char *bad = !known_ref(ru, e->s) ? e->s : !known_ref(ru, e->o) ? e->o : NULL;
			if (bad) {
				kgx_diag(&ru->loc, "rule '%s' emits with '%s', which is neither a placeholder, a created group, 'doc' nor '=id'",
				         ru->id, bad);
				st = KGX_ERR_RULE;
			}
			for (int side = 0; st == KGX_OK && side < 2; side++) {
				const char *ref = side ? e->o : e->s;
				if (ref[0] == '=' && !kgx_kb_get(r->kb, ref + 1)) {
					kgx_diag(&ru->loc, "rule '%s' refers to '%s', which no knowledge file defines", ru->id, ref + 1);
					st = KGX_ERR_RULE;
				}
			}
		}
		for (size_t k = 0; st == KGX_OK && k < ru->n_creates; k++) {
			PCRE2_SPTR first, last;
			{
				if (pcre2_substring_nametable_scan(ru->code, (PCRE2_SPTR)ru->creates[k].name, &first, &last) < 0) {
					kgx_diag(&ru->loc, "rule '%s': create.%s names no group (?<%s>…) of the pattern",
					         ru->id, ru->creates[k].name, ru->creates[k].name);
					st = KGX_ERR_RULE;
				}
				for (int t = 0; t < 2; t++) {
					const char *tmpl = t ? ru->creates[k].id_template : ru->creates[k].name_template;
					for (const char *p = tmpl; p && (p = strchr(p, '{')); p++) {
						char g[64];
						const char *q = strchr(p, '}');
						const char *colon = memchr(p, ':', (size_t)(q - p));
						const char *bar = memchr(p, '|', (size_t)(q - p));
						size_t gn = (size_t)((colon ? colon : bar ? bar : q) - p - 1);
						snprintf(g, sizeof g, "%.*s", (int)gn, p + 1);
						if (colon && !map_defined(r, colon + 1, (size_t)(q - colon - 1))) {
							kgx_diag(&ru->loc, "rule '%s': %s.%s uses the map '%.*s', which no [@maps] section defines",
							         ru->id, t ? "id" : "name", ru->creates[k].name, (int)(q - colon - 1), colon + 1);
							st = KGX_ERR_RULE;
						}
						if (pcre2_substring_nametable_scan(ru->code, (PCRE2_SPTR)g, &first, &last) < 0) {
							kgx_diag(&ru->loc, "rule '%s': %s.%s uses {%s}, which names no group of the pattern",
							         ru->id, t ? "id" : "name", ru->creates[k].name, g);
							st = KGX_ERR_RULE;
						}
					}
				}
			}
		}
		if (st == KGX_ERR_NOMEM) {
			kgx_buf_free(&b);
			return st;
		}
		if (st != KGX_OK)
			result = st;
	}
	kgx_buf_free(&b);
	if (r->negation_src && compile("negation setting", r->negation_src, &r->negation_loc,
	                               PCRE2_CASELESS, &r->negation) != KGX_OK)
		result = KGX_ERR_RULE;
	if (r->qualifier_src && compile("list-qualifier setting", r->qualifier_src, &r->qualifier_loc,
	                                PCRE2_CASELESS, &r->qualifier) != KGX_OK)
		result = KGX_ERR_RULE;
	if (r->amount_src) {
		kgx_buf e = {0};
		kgx_rule dummy = {0};
		kgx_status st = expand(r, &dummy, r->amount_src, &e, 0, &r->amount_loc);
		if (st == KGX_OK)
			st = compile("amount pattern", e.s, &r->amount_loc, PCRE2_CASELESS, &r->amount);
		if (st != KGX_OK)
			result = st == KGX_ERR_NOMEM ? st : KGX_ERR_RULE;
		kgx_buf_free(&e);
	}
	if (result != KGX_ERR_NOMEM && build_needs_dfa(r) != KGX_OK)
		result = KGX_ERR_NOMEM;
	if (result != KGX_ERR_NOMEM) {
		kgx_status st = kgx_frames_compile(r->frames, r);
		if (st != KGX_OK)
			result = st;
	}
	return result;
}

/* ------------------------------------------------------------ access */

kgx_kb *kgx_rules_kb(kgx_rules *r) { return r->kb; }
const kgx_abbrevs *kgx_rules_abbrevs(const kgx_rules *r) { return r->abbrevs; }
size_t kgx_rules_count(const kgx_rules *r) { return r->rules.len; }
const pcre2_code *kgx_rules_negation(const kgx_rules *r) { return r->negation; }
const pcre2_code *kgx_rules_list_qualifier(const kgx_rules *r) { return r->qualifier; }
const pcre2_code *kgx_rules_amount(const kgx_rules *r) { return r->amount; }
const kgx_frames *kgx_rules_frames(const kgx_rules *r) { return r->frames; }

const kgx_rule *kgx_rules_get(const kgx_rules *r, size_t i)
{
	return i < r->rules.len ? KGX_VEC_AT(&r->rules, kgx_rule *, i) : NULL;
}

static const unit *find_unit(const kgx_vec *v, const char *w, size_t n)
{
	for (size_t i = 0; i < v->len; i++) {
		const unit *u = &KGX_VEC_AT(v, unit, i);
		if (strlen(u->word) == n && !strncasecmp(u->word, w, n))
			return u;
	}
	return NULL;
}

double kgx_rules_multiplier(const kgx_rules *r, const char *word, size_t len)
{
	const unit *u = find_unit(&r->mults, word, len);
	return u ? u->value : 0;
}

const char *kgx_rules_map(const kgx_rules *r, const char *map, size_t map_len, const char *word,
                          size_t len)
{
	for (size_t i = 0; i < r->maps.len; i++) {
		const map_entry *e = &KGX_VEC_AT(&r->maps, map_entry, i);
		if (strlen(e->map) != map_len || memcmp(e->map, map, map_len))
			continue;
		/* ASCII case and the width of white space do not count: the text may
		 * break a line where the key has a space */
		const char *k = e->word, *w = word, *end = word + len;
		while (*k && w < end) {
			if (isspace((unsigned char)*k) && isspace((unsigned char)*w)) {
				while (isspace((unsigned char)*k))
					k++;
				while (w < end && isspace((unsigned char)*w))
					w++;
			} else if (tolower((unsigned char)*k) == tolower((unsigned char)*w)) {
				k++;
				w++;
			} else {
				break;
			}
		}
		while (*k && isspace((unsigned char)*k))
			k++;
		if (!*k && w == end)
			return e->value;
	}
	return NULL;
}

const char *kgx_rules_currency(const kgx_rules *r, const char *word, size_t len)
{
	const unit *u = find_unit(&r->curs, word, len);
	return u ? u->cur : NULL;
}

int kgx_rules_names_currency(const kgx_rules *r, const char *lower, size_t len)
{
	unsigned char memo[64];
	if (!r->cur_dfa.next || r->n_cur_words > sizeof memo) {
		/* not compiled (or more words than any rules have): look for each */
		for (size_t i = 0; i < r->curs.len; i++) {
			const unit *u = &KGX_VEC_AT(&r->curs, unit, i);
			if (memmem(lower, len, u->lower, strlen(u->lower)))
				return 1;
		}
		return 0;
	}
	memset(memo, 0, r->n_cur_words);
	dfa_scan(&r->cur_dfa, lower, len, memo);
	for (size_t i = 0; i < r->n_cur_words; i++)
		if (memo[i])
			return 1;
	return 0;
}

kgx_status kgx_needs_init(kgx_needs *n, const kgx_rules *r)
{
	memset(n, 0, sizeof *n);
	n->rules = r;
	n->n_words = r->words.len;
	n->memo = calloc(n->n_words ? n->n_words : 1, 1);
	n->n_rules = r->n_need_rules;
	n->per_rule = calloc(n->n_rules ? n->n_rules : 1, 1);
	return n->memo && n->per_rule ? KGX_OK : KGX_ERR_NOMEM;
}

/* n->per_rule from n->memo: the rules that need a word present. */
static void mark_rules(kgx_needs *n)
{
	const kgx_rules *r = n->rules;
	memset(n->per_rule, 0, n->n_rules);
	/* eight words at a time: a text holds few of them */
	for (size_t w0 = 0; w0 < n->n_words; w0 += 8) {
		uint64_t any = 0;
		if (w0 + 8 <= n->n_words)
			memcpy(&any, n->memo + w0, 8);
		else
			any = 1;
		if (!any)
			continue;
		for (size_t w = w0; w < w0 + 8 && w < n->n_words; w++)
			if (n->memo[w])
				for (uint32_t k = r->word_rules_at[w]; k < r->word_rules_at[w + 1]; k++)
					n->per_rule[r->word_rules[k]] = 1;
	}
}

kgx_status kgx_needs_set(kgx_needs *n, const char *text, size_t len)
{
	memset(n->memo, 0, n->n_words);
	dfa_scan(&n->rules->dfa, text, len, n->memo);
	mark_rules(n);
	return KGX_OK;
}

kgx_status kgx_needs_set_all(kgx_needs *n, const char *text, size_t len)
{
	memset(n->memo, 0, n->n_words);
	if (len > UINT32_MAX)
		return KGX_ERR_NOMEM;  /* spans are 32-bit; not with any --max-size */
	kgx_status st = dfa_scan_hits(&n->rules->dfa, text, len, n);
	mark_rules(n);
	return st;
}

void kgx_needs_within(kgx_needs *n, size_t begin, size_t end)
{
	const needs_dfa *d = &n->rules->dfa;
	memset(n->memo, 0, n->n_words);
	if (d->empty)
		n->memo[d->empty - 1] = 1;
	/* the first hit that ends after begin, then each that ends by end */
	size_t lo = 0, hi = n->n_hits;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (n->hits[mid].end <= begin)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* the rules of each word as it is first met: mark_rules would look
	 * at every word */
	const kgx_rules *r = n->rules;
	memset(n->per_rule, 0, n->n_rules);
	if (d->empty)
		for (uint32_t k = r->word_rules_at[d->empty - 1]; k < r->word_rules_at[d->empty]; k++)
			n->per_rule[r->word_rules[k]] = 1;
	for (size_t h = lo; h < n->n_hits && n->hits[h].end <= end; h++) {
		uint32_t w = n->hits[h].word;
		if (n->hits[h].begin < begin || n->memo[w])
			continue;
		n->memo[w] = 1;
		for (uint32_t k = r->word_rules_at[w]; k < r->word_rules_at[w + 1]; k++)
			n->per_rule[r->word_rules[k]] = 1;
	}
}

void kgx_needs_free(kgx_needs *n)
{
	free(n->memo);
	n->memo = NULL;
	free(n->per_rule);
	n->per_rule = NULL;
	free(n->hits);
	n->hits = NULL;
	n->n_hits = n->cap_hits = 0;
}

int kgx_rules_group(const pcre2_code *code, pcre2_match_data *md, const char *name,
                    size_t *begin, size_t *end)
{
	PCRE2_SPTR first, last;
	int size = pcre2_substring_nametable_scan(code, (PCRE2_SPTR)name, &first, &last);
	if (size < 0)
		return 0;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	uint32_t pairs = pcre2_get_ovector_count(md);
	for (PCRE2_SPTR e = first; e <= last; e += size) {
		uint32_t g = (uint32_t)((e[0] << 8) | e[1]);
		if (g < pairs && ov[2 * g] != PCRE2_UNSET) {
			*begin = ov[2 * g];
			*end = ov[2 * g + 1];
			return 1;
		}
	}
	return 0;
}

static int limit_hit(int rc)
{
	return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
	       rc == PCRE2_ERROR_JIT_STACKLIMIT;
}

int kgx_rules_match(const kgx_rules *r, const pcre2_code *code, const char *s, size_t len,
                    size_t start, pcre2_match_data *md, kgx_limits *limits, const char *rule_id)
{
	_Static_assert((KGX_MATCH_LIMIT >> (KGX_MATCH_LEVELS - 1)) >= KGX_MATCH_LIMIT_MIN,
	               "the lowest level is the floor");
	int k = 0;
	/* the budget is the limit times the start positions tried; an anchored
	 * pattern (\A: a letter's head) tries one, and keeps the whole limit */
	uint32_t opts = 0;
	pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS, &opts);
	while (!(opts & PCRE2_ANCHORED) && k + 1 < KGX_MATCH_LEVELS &&
	       (size_t)(KGX_MATCH_LIMIT >> k) * (len + 1) > KGX_MATCH_BUDGET)
		k++;
	int rc = pcre2_match(code, (PCRE2_SPTR)s, len, start, PCRE2_NO_UTF_CHECK, md, r->mctx[k]);
	if (!limit_hit(rc))
		return rc;
	/* Some start position q from start on hit the limit, and none before it
	 * matched. Find q, one position at a time (the offset limit at the
	 * start position: JIT tries that position only, at what it cost the
	 * first search), count the search once, and go on after q. A context of
	 * our own: the shared ones are read by every thread. */
	pcre2_match_context *mc = pcre2_match_context_copy(r->mctx[k]);
	if (!mc)
		return PCRE2_ERROR_NOMATCH;
	if (limits && !limits->hits++)
		limits->first_rule = rule_id;
	unsigned skipped = 0;
	while (limit_hit(rc) && ++skipped <= 16 + KGX_MATCH_BUDGET / 8 / (KGX_MATCH_LIMIT >> k)) {
		size_t q = start;
		for (; q <= len; q++) {
			if (q < len && ((unsigned char)s[q] & 0xC0) == 0x80)
				continue;  /* never inside a UTF-8 sequence */
			pcre2_set_offset_limit(mc, q);
			rc = pcre2_match(code, (PCRE2_SPTR)s, len, q, PCRE2_NO_UTF_CHECK, md, mc);
			if (rc >= 0 || limit_hit(rc))
				break;
		}
		if (rc >= 0 || q >= len)
			break;  /* a match (the first search stopped short of it), or the end */
		start = q + 1;
		while (start < len && ((unsigned char)s[start] & 0xC0) == 0x80)
			start++;
		pcre2_set_offset_limit(mc, PCRE2_UNSET);
		rc = pcre2_match(code, (PCRE2_SPTR)s, len, start, PCRE2_NO_UTF_CHECK, md, mc);
	}
	pcre2_match_context_free(mc);
	return limit_hit(rc) ? PCRE2_ERROR_NOMATCH : rc;
}
