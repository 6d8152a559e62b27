/* kgx_lex: a word trie of names; lookup cost depends on the name's length,
 * not on how many names there are. */
#ifndef KGX_LEX_H
#define KGX_LEX_H

#include "doc.h"
#include "fold.h"

typedef enum {
	KGX_ALIAS_NAME,       /* nl, en, alias */
	KGX_ALIAS_SHORT,      /* counts only after a full name in the document */
	KGX_ALIAS_ADJECTIVE,  /* weak: for relation rules only */
	KGX_ALIAS_PLACE,      /* weak, a city for its country; never in an adjective's place */
	KGX_ALIAS_CASED       /* a name that matches only as written ("Trouw", not
	                       * "trouw"); stored as KGX_ALIAS_NAME */
} kgx_alias_kind;

typedef struct kgx_alias {
	const kgx_entry *entry;
	kgx_alias_kind kind;
	const char *exact;  /* case-sensitive form (words joined by ' '), or NULL */
	int capital;        /* a proper name of several words written with a capital:
	                     * the text must capitalise it too ("mediation support
	                     * unit" is a generic phrase, "Mediation Support Unit" a body) */
	uint32_t next;      /* next alias on the same trie node, 0 = none */
} kgx_alias;

typedef struct kgx_lex kgx_lex;

kgx_lex *kgx_lex_new(void);
void kgx_lex_free(kgx_lex *lex);

/* Add a name for `entry`. The name is tokenised and folded; names of persons
 * and names in capitals are also stored case-sensitively. Strings are copied.
 * Returns KGX_ERR_RULE when the name has no word in it. */
kgx_status kgx_lex_add(kgx_lex *lex, const char *name, size_t len,
                       const kgx_entry *entry, kgx_alias_kind kind);

/* Number of names and of trie nodes, for statistics. */
size_t kgx_lex_size(const kgx_lex *lex, size_t *nodes);

/* Decides whether an alias may match here (short names, case). */
typedef int (*kgx_lex_accept)(void *ctx, const kgx_alias *alias,
                              const kgx_token *first, size_t ntok);

/* The longest name starting at toks[i] that `accept` takes: its alias and
 * number of tokens, or NULL. `keys` holds the tokens' folded forms. */
const kgx_alias *kgx_lex_longest(const kgx_lex *lex, const kgx_token *toks,
                                 size_t ntok, size_t i, const char *keys,
                                 kgx_lex_accept accept, void *ctx, size_t *len);

/* The alias after `al` on the same name (another entry's, or another kind),
 * NULL when none or when `al` is not one of lex's. */
const kgx_alias *kgx_lex_next_alias(const kgx_lex *lex, const kgx_alias *al);

/* Exact-case check helper: whether tokens toks[0..n) spell `exact`. */
int kgx_lex_exact_matches(const char *exact, const kgx_token *toks, size_t n,
                          const char *keys);

#endif
