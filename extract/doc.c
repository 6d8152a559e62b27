/* Document lifecycle and offset helpers. */
#include "doc.h"
#include "utf8.h"

#include <string.h>

kgx_status kgx_doc_init(kgx_doc *doc, const char *path, const char *raw, size_t len)
{
	memset(doc, 0, sizeof *doc);
	kgx_arena_init(&doc->arena);
	kgx_vec_init(&doc->sentences, sizeof(kgx_sentence));
	kgx_vec_init(&doc->mentions, sizeof(kgx_mention));
	kgx_vec_init(&doc->relations, sizeof(kgx_relation));
	kgx_vec_init(&doc->discovered, sizeof(kgx_entry *));
	kgx_vec_init(&doc->frame_misses, sizeof(kgx_frame_miss));
	kgx_vec_init(&doc->silenced, sizeof(const char *));
	size_t path_len = strlen(path);
	doc->path = kgx_arena_strndup(&doc->arena, path, path_len);
	doc->source = doc->path;
	if (doc->path && kgx_utf8_valid_prefix(path, path_len) != path_len) {
		char *source = kgx_arena_alloc(&doc->arena, 3 * path_len + 1);
		size_t first, n_bad;
		if (source)
			kgx_utf8_repair(path, path_len, source, &first, &n_bad);
		doc->source = source;
	}
	/* U+FFFE and U+FFFF stop RDF writers and readers as they do in text */
	if (doc->source && kgx_utf8_find_nonchar(doc->source, strlen(doc->source)) != strlen(doc->source)) {
		size_t n = strlen(doc->source), n_bad;
		char *source = kgx_arena_alloc(&doc->arena, n + 1);
		if (source)
			kgx_utf8_replace_nonchars(doc->source, n, source, &n_bad);
		doc->source = source;
	}
	char *copy = kgx_arena_alloc(&doc->arena, len + 1);
	if (!doc->path || !doc->source || !copy)
		return KGX_ERR_NOMEM;
	memcpy(copy, raw, len);
	doc->raw = copy;
	doc->raw_len = len;
	return KGX_OK;
}

void kgx_doc_release(kgx_doc *doc)
{
	kgx_vec_free(&doc->sentences);
	kgx_vec_free(&doc->mentions);
	kgx_vec_free(&doc->relations);
	kgx_vec_free(&doc->discovered);
	kgx_vec_free(&doc->frame_misses);
	kgx_vec_free(&doc->silenced);
	kgx_arena_release(&doc->arena);
	doc->text = NULL;
	doc->map = NULL;
}

int kgx_doc_names(const kgx_doc *doc, const kgx_entry *e)
{
	for (size_t i = 0; i < doc->mentions.len; i++) {
		const kgx_mention *m = &KGX_VEC_AT(&doc->mentions, kgx_mention, i);
		if (m->entry == e && m->kind == KGX_M_STRONG)
			return 1;
	}
	return 0;
}
