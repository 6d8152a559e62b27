/* Shared helpers for the cmocka tests (header only). */
#ifndef KGX_TEST_H
#define KGX_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "pipe.h"
#include "rules.h"

/* A compiled rule set from knowledge text and pattern text (either may be
 * NULL); fails the test if anything does not load. */
static inline kgx_rules *t_rules(const char *kb, const char *patterns)
{
	kgx_rules *r = kgx_rules_new();
	assert_non_null(r);
	if (kb)
		assert_int_equal(kgx_kb_load_text(kgx_rules_kb(r), "test.kb", kb, strlen(kb)), KGX_OK);
	if (patterns)
		assert_int_equal(kgx_rules_load_patterns(r, "test.rules", patterns, strlen(patterns)), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_OK);
	return r;
}

/* Run the whole pipeline over text; fails the test unless it succeeds. */
static inline void t_run(kgx_doc *doc, const kgx_rules *r, const char *path, const char *text)
{
	assert_int_equal(kgx_doc_init(doc, path, text, strlen(text)), KGX_OK);
	assert_int_equal(kgx_pipe_run(doc, r), KGX_OK);
}

/* Number of strong mentions of the entry with this id. */
static inline size_t t_mentions(const kgx_doc *doc, const char *id)
{
	size_t n = 0;
	for (size_t i = 0; i < doc->mentions.len; i++) {
		const kgx_mention *m = &KGX_VEC_AT(&doc->mentions, kgx_mention, i);
		if (m->kind == KGX_M_STRONG && !strcmp(m->entry->id, id))
			n++;
	}
	return n;
}

/* The relation s -pred-> o (s NULL: the document), or NULL. */
static inline const kgx_relation *t_relation(const kgx_doc *doc, const char *s, int pred,
                                             const char *o)
{
	for (size_t i = 0; i < doc->relations.len; i++) {
		const kgx_relation *r = &KGX_VEC_AT(&doc->relations, kgx_relation, i);
		if (r->predicate == pred && !strcmp(r->o->id, o) &&
		    (s ? (r->s && !strcmp(r->s->id, s)) : !r->s))
			return r;
	}
	return NULL;
}

/* Count of relations with this predicate. */
static inline size_t t_count_pred(const kgx_doc *doc, int pred)
{
	size_t n = 0;
	for (size_t i = 0; i < doc->relations.len; i++)
		n += KGX_VEC_AT(&doc->relations, kgx_relation, i).predicate == pred;
	return n;
}

/* Whether hay[0..n) contains needle. */
static inline int t_contains(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (!memcmp(hay + i, needle, k))
			return 1;
	return 0;
}

#endif
