/* kgx_arena: bump allocator; everything a document allocates is freed at once. */
#ifndef KGX_ARENA_H
#define KGX_ARENA_H

#include <stddef.h>

typedef struct kgx_arena_block kgx_arena_block;

typedef struct {
	kgx_arena_block *head;
	size_t used;  /* bytes handed out, for statistics */
} kgx_arena;

void kgx_arena_init(kgx_arena *a);
/* Zeroed memory valid until kgx_arena_release; NULL when out of memory. */
void *kgx_arena_alloc(kgx_arena *a, size_t size);
/* A NUL-terminated copy of s[0..len) in the arena. */
char *kgx_arena_strndup(kgx_arena *a, const char *s, size_t len);
void kgx_arena_release(kgx_arena *a);

/* A growable array of fixed-size items; memory from malloc, not the arena,
 * because it moves when it grows. Free with kgx_vec_free. */
typedef struct {
	void *data;
	size_t len, cap, size;
} kgx_vec;

void kgx_vec_init(kgx_vec *v, size_t item_size);
/* Append a zeroed item and return it, or NULL when out of memory. */
void *kgx_vec_push(kgx_vec *v);
/* Append n zeroed items and return the first, or NULL when out of memory. */
void *kgx_vec_push_n(kgx_vec *v, size_t n);
#define KGX_VEC_AT(v, type, i) (((type *)(v)->data)[i])
void kgx_vec_free(kgx_vec *v);

/* A growable byte string, always NUL-terminated. */
typedef struct {
	char *s;
	size_t len, cap;
} kgx_buf;

int kgx_buf_add(kgx_buf *b, const char *s, size_t len);  /* 0 on success */
int kgx_buf_grow_addc(kgx_buf *b, char c);

/* One byte: inline, since writers and folders append byte by byte. */
static inline int kgx_buf_addc(kgx_buf *b, char c)
{
	if (b->len + 2 <= b->cap) {
		b->s[b->len++] = c;
		b->s[b->len] = '\0';
		return 0;
	}
	return kgx_buf_grow_addc(b, c);
}
int kgx_buf_printf(kgx_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
void kgx_buf_free(kgx_buf *b);

/* Replace b's contents with s[0..n): runs of white space become one space,
 * leading and trailing white space go. 0 on success. */
int kgx_buf_set_collapsed(kgx_buf *b, const char *s, size_t n);
/* Replace b's contents with s[0..n), ASCII letters in lower case. */
int kgx_buf_set_lower(kgx_buf *b, const char *s, size_t n);
/* ASCII letters of s[0..n) to lower case, in place. */
void kgx_ascii_lower(char *s, size_t n);

/* Replace b's contents with the whole file at path (NUL-terminated).
 * Returns 0, or -1 with errno set; the caller reports. */
int kgx_buf_read_file(kgx_buf *b, const char *path);

#endif
