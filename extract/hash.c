/* FNV-1a and a chained hash index. */
#include "hash.h"

#include <stdlib.h>

struct kgx_index_link {
	uint64_t hash;
	uint32_t item, next;
};

uint64_t kgx_hash(uint64_t h, const void *s, size_t n)
{
	const unsigned char *u = s;
	for (size_t i = 0; i < n; i++)
		h = (h ^ u[i]) * 1099511628211ull;
	return h;
}

uint64_t kgx_hash_word(uint64_t h, uint64_t v)
{
	/* splitmix64's finaliser: pointers differ only in a few middle bits */
	v ^= h;
	v = (v ^ (v >> 30)) * 0xbf58476d1ce4e5b9ull;
	v = (v ^ (v >> 27)) * 0x94d049bb133111ebull;
	return v ^ (v >> 31);
}

void kgx_index_init(kgx_index *ix)
{
	ix->heads = NULL;
	ix->links = NULL;
	ix->nheads = ix->len = ix->cap = 0;
}

static int rehash(kgx_index *ix, size_t nheads)
{
	uint32_t *heads = malloc(nheads * sizeof *heads);
	if (!heads)
		return -1;
	for (size_t i = 0; i < nheads; i++)
		heads[i] = KGX_INDEX_END;
	for (size_t i = 0; i < ix->len; i++) {
		size_t b = ix->links[i].hash & (nheads - 1);
		ix->links[i].next = heads[b];
		heads[b] = (uint32_t)i;
	}
	free(ix->heads);
	ix->heads = heads;
	ix->nheads = nheads;
	return 0;
}

int kgx_index_add(kgx_index *ix, uint64_t hash, uint32_t item)
{
	if (ix->len >= KGX_INDEX_END - 1)
		return -1;
	if (ix->len == ix->cap) {
		size_t cap = ix->cap ? 2 * ix->cap : 64;
		struct kgx_index_link *l = realloc(ix->links, cap * sizeof *l);
		if (!l)
			return -1;
		ix->links = l;
		ix->cap = cap;
	}
	if (ix->len >= ix->nheads && rehash(ix, ix->nheads ? 2 * ix->nheads : 64))
		return -1;
	size_t b = hash & (ix->nheads - 1);
	struct kgx_index_link *l = &ix->links[ix->len];
	l->hash = hash;
	l->item = item;
	l->next = ix->heads[b];
	ix->heads[b] = (uint32_t)ix->len++;
	return 0;
}

static uint32_t scan(const kgx_index *ix, uint64_t hash, uint32_t link, uint32_t *cursor)
{
	for (; link != KGX_INDEX_END; link = ix->links[link].next) {
		if (ix->links[link].hash == hash) {
			*cursor = ix->links[link].next;
			return ix->links[link].item;
		}
	}
	*cursor = KGX_INDEX_END;
	return KGX_INDEX_END;
}

uint32_t kgx_index_find(const kgx_index *ix, uint64_t hash, uint32_t *cursor)
{
	if (!ix->nheads) {
		*cursor = KGX_INDEX_END;
		return KGX_INDEX_END;
	}
	return scan(ix, hash, ix->heads[hash & (ix->nheads - 1)], cursor);
}

uint32_t kgx_index_again(const kgx_index *ix, uint64_t hash, uint32_t *cursor)
{
	return scan(ix, hash, *cursor, cursor);
}

void kgx_index_free(kgx_index *ix)
{
	free(ix->heads);
	free(ix->links);
	kgx_index_init(ix);
}

void kgx_ptrset_init(kgx_ptrset *set)
{
	kgx_vec_init(&set->items, sizeof(const void *));
	kgx_index_init(&set->index);
}

uint32_t kgx_ptrset_find(const kgx_ptrset *set, const void *p)
{
	uint64_t h = kgx_hash_word(0, (uintptr_t)p);
	for (uint32_t cur, i = kgx_index_find(&set->index, h, &cur); i != KGX_INDEX_END;
	     i = kgx_index_again(&set->index, h, &cur))
		if (KGX_VEC_AT(&set->items, const void *, i) == p)
			return i;
	return KGX_INDEX_END;
}

int kgx_ptrset_add(kgx_ptrset *set, const void *p)
{
	if (kgx_ptrset_find(set, p) != KGX_INDEX_END)
		return 0;
	const void **slot = kgx_vec_push(&set->items);
	if (!slot)
		return -1;
	*slot = p;
	if (kgx_index_add(&set->index, kgx_hash_word(0, (uintptr_t)p), (uint32_t)(set->items.len - 1))) {
		set->items.len--;
		return -1;
	}
	return 1;
}

void kgx_ptrset_free(kgx_ptrset *set)
{
	kgx_vec_free(&set->items);
	kgx_index_free(&set->index);
}
