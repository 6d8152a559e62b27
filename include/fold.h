/* kgx_fold: word tokens of text in the folded form that names are matched in. */
#ifndef KGX_FOLD_H
#define KGX_FOLD_H

#include "arena.h"
#include "common.h"

/* One word: a run of letters, marks and digits. */
typedef struct {
	uint32_t begin, end;    /* byte offsets in the tokenised text */
	uint32_t key, key_len;  /* folded (case, diacritics, compatibility) form in keys */
	uint32_t exact, exact_len;  /* the same without case folding */
	uint64_t key_hash;      /* kgx_hash of the key from KGX_HASH_INIT: the lexicon
	                         * looks a word up once per trie level and lexicon,
	                         * and hashing it each time was a tenth of the scan */
	char sep;  /* punctuation that separates it from the previous word, 0 if
	            * only spaces, hyphens, dashes, periods, slashes, quotes */
} kgx_token;

/* Tokenise s[0..len) into `tokens` (kgx_token), appending the folded forms
 * to `keys`. Both are the caller's; they are cleared first. */
kgx_status kgx_fold_tokens(const char *s, size_t len, kgx_vec *tokens, kgx_buf *keys);

/* Whether token t (of `keys`) is written entirely in capitals and has at
 * least two letters: such names match case-sensitively. */
int kgx_fold_all_caps(const char *exact, size_t len);

#endif
