/* libFuzzer target: the whole pipeline on one document with the shipped
 * rules (loaded once), then the document written as N-Triples. Checks that
 * the output is valid UTF-8 and made of lines "<…> <…> … .", so that no
 * input can break out of a term. The rules are $KGX_RULES, else the rules/
 * of the source tree the target was built from (KGX_FUZZ_RULES). */
#include "fuzz_common.h"

#include "out.h"
#include "pipe.h"
#include "rules.h"
#include "utf8.h"

static kgx_rules *rules;
static kgx_out *out;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *dir = getenv("KGX_RULES");
	if (!dir || !*dir)
		dir = KGX_FUZZ_RULES;
	rules = kgx_rules_new();
	if (!rules || kgx_rules_load_dir(rules, dir) != KGX_OK || kgx_rules_compile(rules, 0) != KGX_OK) {
		fprintf(stderr, "fuzz_pipeline: cannot load the rules in %s\n", dir);
		exit(1);
	}
	out = kgx_out_new(KGX_FMT_NTRIPLES, NULL);
	if (!out) {
		fprintf(stderr, "fuzz_pipeline: cannot make an N-Triples writer\n");
		exit(1);
	}
	fuzz_quiet();
	return 0;
}

static void check_ntriples(const kgx_buf *b)
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kgx_doc doc;
	kgx_status st = kgx_doc_init(&doc, "fuzz.txt", (const char *)data, size);
	if (st == KGX_OK)
		st = kgx_pipe_run(&doc, rules);
	if (st == KGX_OK) {
		kgx_buf b = {0};
		st = kgx_out_doc(out, &doc, &b);
		FUZZ_CHECK(st == KGX_OK, "kgx_out_doc failed: %s", kgx_strerror(st));
		check_ntriples(&b);
		kgx_buf_free(&b);
	}
	kgx_doc_release(&doc);
	return 0;
}
