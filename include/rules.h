/* kgx_rules: the rule set: knowledge base, pattern rules and settings,
 * compiled once and shared read-only by every document and thread. */
#ifndef KGX_RULES_H
#define KGX_RULES_H

#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "kb.h"
#include "sent.h"

typedef enum {
	KGX_RULE_RELATION,  /* over a sentence with its mentions masked */
	KGX_RULE_ENTITY,    /* finds names in plain text */
	KGX_RULE_CLASSIFY,  /* gives a class to a name found by an entity rule */
	KGX_RULE_META,      /* letter metadata: date, kamerstuk */
	KGX_RULE_FRAME      /* a frame: trigger words and typed slots (frame.h) */
} kgx_rule_kind;

#define KGX_MAX_ROLES 8
#define KGX_MAX_EMITS 8
#define KGX_MAX_REQ 3

/* A placeholder {name:Class|Class} or {name+:…} of a relation pattern. */
typedef struct {
	char name[32];
	unsigned classes;  /* 0: any */
	unsigned adjectives;  /* ~Class: adjectives that stand for an entity */
	int list;          /* {name+:…}: a coordinated list, one relation each */
} kgx_role;

/* A group (?<name>…) that creates or resolves an entity. */
typedef struct {
	char name[32];
	unsigned classes;  /* 0: "auto", classified by the classify rules */
	char alias_of[32]; /* alias.NAME = OTHER: OTHER's text is a second name */
	const char *name_template;  /* name.NAME = "resolutie {NAME}": the name the
	                             * group stands for, {G} the text of group G;
	                             * NULL: the group's own text */
	int none;          /* create.NAME = none: the group names nothing, and no
	                    * name inside it is a mention */
	const char *id_template;    /* id.NAME = "kst-{dossier}-{nr}": the entity's id,
	                             * spelt out like name_template and made a slug;
	                             * names in other forms then meet in one entity */
} kgx_create;

typedef struct {
	int predicate;
	const char *s, *o;  /* role or create names, "doc", or "=id" */
} kgx_emit;

typedef struct kgx_rule {
	char *id;
	kgx_rule_kind kind;
	int document_scope;
	int priority;
	int negation;     /* apply the negation filter (default on) */
	int amounts;      /* attach amounts and years (default on) */
	char *source;     /* the pattern as written */
	char *expanded;   /* after placeholders and macros */
	pcre2_code *code;
	kgx_role roles[KGX_MAX_ROLES];
	size_t n_roles;
	kgx_create creates[KGX_MAX_ROLES];
	size_t n_creates;
	kgx_emit emits[KGX_MAX_EMITS];
	size_t n_emits;
	char **needs;          /* lower-case words one of which the text must
	                        * contain before the pattern is tried; NULL: none */
	size_t n_needs;
	size_t *need_ids;      /* their numbers among all rules' needs words */
	size_t need_set;       /* its number among the rules with needs words:
	                        * kgx_needs says per rule whether one is there */
	size_t n_req;          /* groups of words the pattern cannot match without,
	                        * read off it by kgx_rules_compile: each group is a
	                        * need set of its own, and all must be there */
	size_t req_set[KGX_MAX_REQ];
	size_t *req_ids[KGX_MAX_REQ];  /* the words of each, as need_ids */
	size_t req_n[KGX_MAX_REQ];
	size_t min_mentions;   /* relation rules: placeholders its emits use */
	unsigned classify_as;  /* KGX_RULE_CLASSIFY */
	char meta_field[16];   /* KGX_RULE_META: "date" or "kamerstuk" */
	struct kgx_frame *frame;  /* KGX_RULE_FRAME, owned by the rule set */
	char **fires, **silent;  /* examples */
	size_t n_fires, n_silent;
	kgx_loc loc;          /* of the [id] line */
	kgx_loc pattern_loc;  /* of the pattern's first character */
} kgx_rule;

typedef struct kgx_rules kgx_rules;

/* Limits set on every PCRE2 match. PCRE2's match limit counts per start
 * position, so one search over a subject of n bytes may cost n times the
 * limit; kgx_rules_match lowers the limit per position (in halvings, down to
 * KGX_MATCH_LIMIT_MIN) so that one rule's search over one subject costs at
 * most about KGX_MATCH_BUDGET. */
#define KGX_MATCH_LIMIT 1000000u
#define KGX_MATCH_LIMIT_MIN 7500u
#define KGX_MATCH_BUDGET 33554432u
#define KGX_DEPTH_LIMIT 10000u

kgx_rules *kgx_rules_new(void);
void kgx_rules_free(kgx_rules *r);

/* Load every *.kb under DIR/kb and every *.rules under DIR/patterns, in
 * sorted order. Errors are reported as file:line:col. */
kgx_status kgx_rules_load_dir(kgx_rules *r, const char *dir);
/* Load one pattern file or buffer (tests). */
kgx_status kgx_rules_load_patterns(kgx_rules *r, const char *name, const char *text, size_t len);
/* Compile all patterns and link the knowledge base; call after loading.
 * `strict` also reports dangling knowledge-base references. */
kgx_status kgx_rules_compile(kgx_rules *r, int strict);

kgx_kb *kgx_rules_kb(kgx_rules *r);
const kgx_abbrevs *kgx_rules_abbrevs(const kgx_rules *r);
size_t kgx_rules_count(const kgx_rules *r);
const kgx_rule *kgx_rules_get(const kgx_rules *r, size_t i);
/* The negation filter, or NULL. */
const pcre2_code *kgx_rules_negation(const kgx_rules *r);
/* The list-qualifier setting, or NULL: the text between two names of a list
 * that makes the second qualify the first ("X van de Y") rather than be an
 * item of its own. */
const pcre2_code *kgx_rules_list_qualifier(const kgx_rules *r);
/* The frames (rules of kind frame) and their settings. */
const struct kgx_frames *kgx_rules_frames(const kgx_rules *r);
/* The amount pattern (groups num, mult, cur), or NULL. */
const pcre2_code *kgx_rules_amount(const kgx_rules *r);
/* Whether lower[0..len), ASCII letters lower-cased, holds one of the
 * currency words: without one the amount pattern cannot match. */
int kgx_rules_names_currency(const kgx_rules *r, const char *lower, size_t len);
/* Multiplier for a word ("miljoen" -> 1e6) and ISO currency for a word; 0 / NULL. */
double kgx_rules_multiplier(const kgx_rules *r, const char *word, size_t len);
const char *kgx_rules_currency(const kgx_rules *r, const char *word, size_t len);
/* The value of `word` (ASCII case ignored) in the [@maps] map `map`, or NULL. */
const char *kgx_rules_map(const kgx_rules *r, const char *map, size_t map_len, const char *word,
                          size_t len);

/* The rules' needs words that one text holds (ASCII case ignored), all
 * found in one pass over the text by an Aho-Corasick automaton of every
 * rule's words, built by kgx_rules_compile: a rule's test is then a look-up
 * per word, and the text is read once whatever the number of words. */
typedef struct kgx_need_hit {
	uint32_t begin, end;  /* where a word was found: text[begin..end) */
	uint32_t word;
} kgx_need_hit;

typedef struct kgx_needs {
	const kgx_rules *rules;
	unsigned char *memo;  /* per word: 1 present in the current text, else 0 */
	size_t n_words;
	unsigned char *per_rule;  /* per rule with needs words (kgx_rule.need_set):
	                           * 1 one of its words is present, else 0 */
	size_t n_rules;
	kgx_need_hit *hits;   /* kgx_needs_set_all: every word found, by end */
	size_t n_hits, cap_hits;
} kgx_needs;

kgx_status kgx_needs_init(kgx_needs *n, const kgx_rules *r);
/* Look at a new text (n keeps no reference to it). */
kgx_status kgx_needs_set(kgx_needs *n, const char *text, size_t len);
/* kgx_needs_set, which also keeps where every word was found, so that
 * kgx_needs_within can look at any piece of the text without reading it
 * again (a document, then each of its sentences). */
kgx_status kgx_needs_set_all(kgx_needs *n, const char *text, size_t len);
/* Look at text[begin..end) of the text of the last kgx_needs_set_all: the
 * same words as kgx_needs_set on that piece, for a word found in the piece
 * is a word found in the whole that lies inside it. */
void kgx_needs_within(kgx_needs *n, size_t begin, size_t end);
/* Also harmless on a kgx_needs zeroed or already freed. */
void kgx_needs_free(kgx_needs *n);

/* Whether the text of `n` contains one of the rule's needs words, or the
 * rule has none, and a word of each group its pattern requires: a cheap
 * test before the pattern runs. */
static inline int kgx_rules_may_match(const kgx_rules *r, const kgx_rule *ru, kgx_needs *n)
{
	/* inline: it is asked for every rule on every sentence; one byte, set
	 * when the text was looked at, rather than a look at each of the rule's
	 * words (a {ROLENOUN} rule has a hundred) */
	(void)r;
	if (ru->n_needs && !n->per_rule[ru->need_set])
		return 0;
	for (size_t k = 0; k < ru->n_req; k++)
		if (!n->per_rule[ru->req_set[k]])
			return 0;
	return 1;
}

/* The span of the first group called `name` that took part in the last
 * match (names may repeat across alternatives). Returns 0 if none did. */
int kgx_rules_group(const pcre2_code *code, pcre2_match_data *md, const char *name,
                    size_t *begin, size_t *end);

/* Match with the limits set; returns pcre2_match's result. A search in which
 * a limit is hit is counted once in *limits (if not NULL) against rule_id,
 * and the start position that hit it is passed over: the search goes on
 * from the next position, so one pathological position does not lose the
 * matches after it. A subject with many such positions is given up after
 * 16 + KGX_MATCH_BUDGET / 8 / (the limit per position) of them, which keeps
 * one search within about twice the budget. The per-position limit depends
 * on len (see KGX_MATCH_BUDGET), not on start, so callers that search one
 * subject from successive starts stay within the budget. Patterns must be
 * compiled with PCRE2_USE_OFFSET_LIMIT (kgx_rules_compile does). */
int kgx_rules_match(const kgx_rules *r, const pcre2_code *code, const char *s, size_t len,
                    size_t start, pcre2_match_data *md, kgx_limits *limits, const char *rule_id);

#endif
