/* A set of words: open addressing over the words' FNV-1a hashes. */
#include "wordset.h"
#include "hash.h"
#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	uint32_t at, len;  /* the word: chars[at..at+len); len 0: an empty slot */
} slot;

struct kgx_wordset {
	char *chars;       /* the list, each word NUL-terminated in place */
	slot *slots;
	size_t mask;       /* slots - 1, a power of two minus one */
	size_t n;
	int32_t *firsts;   /* the distinct first code points, sorted */
	size_t n_firsts;
};

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int cmp_cp(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

/* The slot where s[0..n) is, or the empty slot where it would go. */
static slot *find(const kgx_wordset *set, const char *s, size_t n)
{
	size_t i = (size_t)kgx_hash(KGX_HASH_INIT, s, n) & set->mask;
	for (;; i = (i + 1) & set->mask) {
		slot *e = &set->slots[i];
		if (!e->len || (e->len == n && !memcmp(set->chars + e->at, s, n)))
			return e;
	}
}

kgx_status kgx_wordset_new(kgx_wordset **out, const char *list, size_t *bad)
{
	*out = NULL;
	size_t len = strlen(list), words = 1;
	for (size_t i = 0; i < len; i++)
		words += list[i] == '|';
	if (len > UINT32_MAX)
		return KGX_ERR_RULE;
	kgx_wordset *set = calloc(1, sizeof *set);
	size_t cap = 16;
	while (cap < 2 * words)
		cap *= 2;  /* at most half full: short probes */
	if (!set || !(set->chars = malloc(len + 1)) || !(set->slots = calloc(cap, sizeof *set->slots)) ||
	    !(set->firsts = malloc(words * sizeof *set->firsts))) {
		kgx_wordset_free(set);
		return KGX_ERR_NOMEM;
	}
	memcpy(set->chars, list, len + 1);
	set->mask = cap - 1;
	for (size_t b = 0; b <= len;) {
		size_t e = b;
		while (e < len && list[e] != '|')
			e++;
		int ok = e > b;
		for (size_t i = b; ok && i < e; i++)
			ok = !is_space((unsigned char)list[i]);
		if (!ok) {
			*bad = b;
			kgx_wordset_free(set);
			return KGX_ERR_RULE;
		}
		set->chars[e] = '\0';
		slot *sl = find(set, list + b, e - b);
		if (!sl->len) {
			sl->at = (uint32_t)b;
			sl->len = (uint32_t)(e - b);
			set->n++;
			kgx_utf8_decode(list + b, e - b, &set->firsts[set->n_firsts++]);
		}
		b = e + 1;
	}
	qsort(set->firsts, set->n_firsts, sizeof *set->firsts, cmp_cp);
	size_t u = 0;
	for (size_t i = 0; i < set->n_firsts; i++)
		if (!u || set->firsts[u - 1] != set->firsts[i])
			set->firsts[u++] = set->firsts[i];
	set->n_firsts = u;
	*out = set;
	return KGX_OK;
}

void kgx_wordset_free(kgx_wordset *s)
{
	if (!s)
		return;
	free(s->chars);
	free(s->slots);
	free(s->firsts);
	free(s);
}

size_t kgx_wordset_count(const kgx_wordset *s)
{
	return s->n;
}

int kgx_wordset_has(const kgx_wordset *set, const char *s, size_t n)
{
	return n && find(set, s, n)->len;
}

int kgx_wordset_first_class(const kgx_wordset *s, kgx_buf *out)
{
	if (kgx_buf_addc(out, '['))
		return -1;
	for (size_t i = 0; i < s->n_firsts; i++) {
		int32_t c = s->firsts[i];
		int plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		if (plain ? kgx_buf_addc(out, (char)c) : kgx_buf_printf(out, "\\x{%lX}", (unsigned long)c))
			return -1;
	}
	return kgx_buf_addc(out, ']');
}
