/* kgx_hash: the one string hash, and an index from hashes to item numbers
 * that keeps the passes linear in the number of mentions and relations. */
#ifndef KGX_HASH_H
#define KGX_HASH_H

#include "arena.h"

#include <stddef.h>
#include <stdint.h>

#define KGX_HASH_INIT 14695981039346656037ull

/* FNV-1a of s[0..n), continuing from h (start with KGX_HASH_INIT). */
uint64_t kgx_hash(uint64_t h, const void *s, size_t n);
/* One byte of kgx_hash, for loops that read the bytes anyway. */
static inline uint64_t kgx_hash_byte(uint64_t h, unsigned char c)
{
	return (h ^ c) * 1099511628211ull;
}
/* h combined with a word: a pointer, a number. */
uint64_t kgx_hash_word(uint64_t h, uint64_t v);

/* A multimap from 64-bit hashes to item numbers (positions in the caller's
 * array). Equal hashes do not mean equal items: the caller compares. */
typedef struct {
	uint32_t *heads;
	struct kgx_index_link *links;
	size_t nheads, len, cap;
} kgx_index;

#define KGX_INDEX_END UINT32_MAX

void kgx_index_init(kgx_index *ix);
/* 0 on success, -1 when out of memory. */
int kgx_index_add(kgx_index *ix, uint64_t hash, uint32_t item);
/* The items added under hash, most recent first:
 *   for (uint32_t cur, it = kgx_index_find(ix, h, &cur); it != KGX_INDEX_END;
 *        it = kgx_index_again(ix, h, &cur)) */
uint32_t kgx_index_find(const kgx_index *ix, uint64_t hash, uint32_t *cursor);
uint32_t kgx_index_again(const kgx_index *ix, uint64_t hash, uint32_t *cursor);
void kgx_index_free(kgx_index *ix);

/* A set of pointers, numbered in the order they were added. */
typedef struct {
	kgx_vec items;  /* const void * */
	kgx_index index;
} kgx_ptrset;

void kgx_ptrset_init(kgx_ptrset *set);
/* The number p was added under, or KGX_INDEX_END. */
uint32_t kgx_ptrset_find(const kgx_ptrset *set, const void *p);
/* 1 if p was added (its number is the set's size before), 0 if it was
 * there already, -1 when out of memory. */
int kgx_ptrset_add(kgx_ptrset *set, const void *p);
void kgx_ptrset_free(kgx_ptrset *set);

#endif
