/* Arena, vector and string buffer: the only allocators the passes use. */
#include "arena.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct kgx_arena_block {
	kgx_arena_block *next;
	size_t size, used;
	max_align_t data[];
};

#define BLOCK_MIN (64u * 1024u)

void kgx_arena_init(kgx_arena *a)
{
	a->head = NULL;
	a->used = 0;
}

void *kgx_arena_alloc(kgx_arena *a, size_t size)
{
	const size_t align = sizeof(max_align_t);
	size = (size + align - 1) / align * align;
	kgx_arena_block *b = a->head;
	if (!b || b->size - b->used < size) {
		size_t want = size > BLOCK_MIN ? size : BLOCK_MIN;
		b = malloc(sizeof *b + want);
		if (!b)
			return NULL;
		b->size = want;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	void *p = (char *)b->data + b->used;
	b->used += size;
	a->used += size;
	memset(p, 0, size);
	return p;
}

char *kgx_arena_strndup(kgx_arena *a, const char *s, size_t len)
{
	char *p = kgx_arena_alloc(a, len + 1);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

void kgx_arena_release(kgx_arena *a)
{
	kgx_arena_block *b = a->head;
	while (b) {
		kgx_arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->used = 0;
}

void kgx_vec_init(kgx_vec *v, size_t item_size)
{
	v->data = NULL;
	v->len = v->cap = 0;
	v->size = item_size;
}

void *kgx_vec_push_n(kgx_vec *v, size_t n)
{
	if (v->len + n > v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 16;
		while (cap < v->len + n)
			cap *= 2;
		void *d = realloc(v->data, cap * v->size);
		if (!d)
			return NULL;
		v->data = d;
		v->cap = cap;
	}
	void *p = (char *)v->data + v->len * v->size;
	memset(p, 0, n * v->size);
	v->len += n;
	return p;
}

void *kgx_vec_push(kgx_vec *v)
{
	return kgx_vec_push_n(v, 1);
}

void kgx_vec_free(kgx_vec *v)
{
	free(v->data);
	v->data = NULL;
	v->len = v->cap = 0;
}

static int buf_reserve(kgx_buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + extra + 1)
		cap *= 2;
	char *s = realloc(b->s, cap);
	if (!s)
		return -1;
	b->s = s;
	b->cap = cap;
	return 0;
}

int kgx_buf_add(kgx_buf *b, const char *s, size_t len)
{
	if (buf_reserve(b, len))
		return -1;
	if (len)
		memcpy(b->s + b->len, s, len);
	b->len += len;
	b->s[b->len] = '\0';
	return 0;
}

int kgx_buf_grow_addc(kgx_buf *b, char c)
{
	return kgx_buf_add(b, &c, 1);
}

int kgx_buf_printf(kgx_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || buf_reserve(b, (size_t)n))
		return -1;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

void kgx_buf_free(kgx_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

int kgx_buf_set_collapsed(kgx_buf *b, const char *s, size_t n)
{
	b->len = 0;
	if (kgx_buf_add(b, "", 0))
		return -1;
	int sp = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
			sp = b->len > 0;
			continue;
		}
		if ((sp && kgx_buf_addc(b, ' ')) || kgx_buf_addc(b, s[i]))
			return -1;
		sp = 0;
	}
	return 0;
}

int kgx_buf_set_lower(kgx_buf *b, const char *s, size_t n)
{
	b->len = 0;
	if (kgx_buf_add(b, s, n))
		return -1;
	kgx_ascii_lower(b->s, n);
	return 0;
}

void kgx_ascii_lower(char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			s[i] = (char)(s[i] + 32);
}

int kgx_buf_read_file(kgx_buf *b, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char chunk[65536];
	size_t n;
	b->len = 0;
	int err = kgx_buf_add(b, "", 0);
	while (!err && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		err = kgx_buf_add(b, chunk, n);
	if (ferror(f))
		err = -1;
	int saved = errno;
	fclose(f);
	errno = saved;
	return err ? -1 : 0;
}
