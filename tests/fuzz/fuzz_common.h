/* Shared by the libFuzzer targets in tests/fuzz (header only). */
#ifndef KGX_FUZZ_COMMON_H
#define KGX_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

/* kgx reports every problem in an input on stderr; a fuzzer feeds it
 * millions of broken inputs. Quiet unless KGX_FUZZ_VERBOSE is set. */
static inline void fuzz_quiet(void)
{
	const char *v = getenv("KGX_FUZZ_VERBOSE");
	if (!v || !*v)
		kgx_diag_quiet(2);
}

/* Stop with a message: the fuzzer reports it as a crash, with the input. */
#define FUZZ_CHECK(cond, ...)                                              \
	do {                                                                   \
		if (!(cond)) {                                                     \
			fprintf(stderr, "fuzz check failed: %s: ", #cond);             \
			fprintf(stderr, __VA_ARGS__);                                  \
			fputc('\n', stderr);                                           \
			abort();                                                       \
		}                                                                  \
	} while (0)

#ifdef KGX_FUZZ_RULES
/* The whole-pipeline targets (fuzz_pipeline, fuzz_scale): the shipped rules
 * and an N-Triples writer, made once per process. */
#include "out.h"
#include "pipe.h"
#include "rules.h"
#include "utf8.h"

static kgx_rules *fuzz_rules;
static kgx_out *fuzz_out;

/* Load $KGX_RULES, else the rules/ of the source tree the target was built
 * from (KGX_FUZZ_RULES); exit naming target when they do not load. */
static inline void fuzz_pipeline_init(const char *target)
{
	const char *dir = getenv("KGX_RULES");
	if (!dir || !*dir)
		dir = KGX_FUZZ_RULES;
	fuzz_rules = kgx_rules_new();
	if (!fuzz_rules || kgx_rules_load_dir(fuzz_rules, dir) != KGX_OK ||
	    kgx_rules_compile(fuzz_rules, 0) != KGX_OK) {
		fprintf(stderr, "%s: cannot load the rules in %s\n", target, dir);
		exit(1);
	}
	fuzz_out = kgx_out_new(KGX_FMT_NTRIPLES, NULL);
	if (!fuzz_out) {
		fprintf(stderr, "%s: cannot make an N-Triples writer\n", target);
		exit(1);
	}
	fuzz_quiet();
}

/* The N-Triples in b are valid UTF-8 and made of lines "<…> <…> … .", so
 * that no input broke out of a term. */
static inline void fuzz_check_ntriples(const kgx_buf *b)
{
	FUZZ_CHECK(kgx_utf8_valid_prefix(b->s, b->len) == b->len, "N-Triples output is not valid UTF-8");
	size_t line = 0;
	for (size_t at = 0; at < b->len; line++) {
		const char *s = b->s + at;
		const char *nl = memchr(s, '\n', b->len - at);
		FUZZ_CHECK(nl != NULL, "line %zu does not end", line);
		size_t n = (size_t)(nl - s);
		FUZZ_CHECK(n >= 4 && s[0] == '<' && !memcmp(nl - 2, " .", 2),
		           "line %zu is not '<…> … .': %.*s", line, (int)(n > 200 ? 200 : n), s);
		for (size_t i = 0; i < n; i++)
			FUZZ_CHECK((unsigned char)s[i] >= 0x20 && s[i] != 0x7F,
			           "line %zu has control character 0x%02x", line, (unsigned char)s[i]);
		at += n + 1;
	}
}

/* data[0..size) as the document name through the pipeline, written as
 * N-Triples into b (the caller frees it) and checked: 1 when written, 0 when
 * the pipeline turned the document down. The writer may not fail. */
static inline int fuzz_pipeline_run(const char *name, const char *data, size_t size, kgx_buf *b)
{
	kgx_doc doc;
	kgx_status st = kgx_doc_init(&doc, name, data, size);
	if (st == KGX_OK)
		st = kgx_pipe_run(&doc, fuzz_rules);
	if (st == KGX_OK) {
		st = kgx_out_doc(fuzz_out, &doc, b);
		FUZZ_CHECK(st == KGX_OK, "kgx_out_doc failed: %s", kgx_strerror(st));
		fuzz_check_ntriples(b);
	}
	kgx_doc_release(&doc);
	return st == KGX_OK;
}
#endif

#endif
