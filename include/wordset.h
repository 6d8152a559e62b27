/* kgx_wordset: a set of words looked up whole. A long list of words (the
 * given names of 05-names.rules) compiled into every pattern that uses it
 * costs PCRE2's JIT tens of milliseconds per pattern at start-up; as a set
 * it is built once, and a pattern asks it through a callout (rules.c). */
#ifndef KGX_WORDSET_H
#define KGX_WORDSET_H

#include "arena.h"
#include "common.h"

#include <stddef.h>

typedef struct kgx_wordset kgx_wordset;

/* A set of the words of list ("Aad|Aafke|…"). Each word must be non-empty
 * and hold no white space (a pattern asks for a run of characters up to
 * white space): KGX_ERR_RULE, with *bad set to the first bad word's place
 * in list (a word given twice is harmless). */
kgx_status kgx_wordset_new(kgx_wordset **out, const char *list, size_t *bad);
void kgx_wordset_free(kgx_wordset *s);

size_t kgx_wordset_count(const kgx_wordset *s);
/* Whether s[0..n) is one of the words, compared byte for byte. */
int kgx_wordset_has(const kgx_wordset *set, const char *s, size_t n);
/* Append to out a regex character class of the characters the words begin
 * with ("[AB\x{141}]"), which lets PCRE2 skip to where a word can start.
 * 0 on success, -1 when out of memory. */
int kgx_wordset_first_class(const kgx_wordset *s, kgx_buf *out);

#endif
