/* libFuzzer target: the whole pipeline on large documents (100-400 KB), so
 * that the fuzzer can find input whose cost grows faster than its size (the
 * other targets stay under 40 KB, where a quadratic pass still looks fast).
 * The input is a pattern: its first byte chooses the size (100, 200, 300 or
 * 400 KB), the rest is repeated up to it, each byte 0x01 in it becoming a
 * word spelt from the repetition's number, so that repeats can be distinct
 * names ("De Speciaal Vertegenwoordiger \x01 Jansen sprak."). libFuzzer's
 * -timeout (25 s in run.sh) catches what is not linear; the checks are that
 * the pipeline succeeds and that the statements written stay within the
 * budget out.h documents. Rules as in fuzz_pipeline. */
#include "fuzz_common.h"

#include "out.h"
#include "pipe.h"
#include "rules.h"

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
		fprintf(stderr, "fuzz_scale: cannot load the rules in %s\n", dir);
		exit(1);
	}
	out = kgx_out_new(KGX_FMT_NTRIPLES, NULL);
	if (!out) {
		fprintf(stderr, "fuzz_scale: cannot make an N-Triples writer\n");
		exit(1);
	}
	fuzz_quiet();
	return 0;
}

/* The document: pattern repeated up to size bytes. */
static char *expand(const uint8_t *pat, size_t n, size_t size)
{
	char *doc = malloc(size + 16);
	if (!doc)
		return NULL;
	size_t len = 0;
	for (unsigned long rep = 0; len < size; rep++)
		for (size_t i = 0; i < n && len < size; i++) {
			if (pat[i] != 0x01) {
				doc[len++] = (char)pat[i];
				continue;
			}
			/* a capitalised word of consonant-vowel pairs from rep */
			unsigned long v = rep;
			doc[len++] = (char)('B' + v % 20);
			do {
				doc[len++] = "aeiou"[v % 5];
				v /= 5;
				if (len < size + 8 && v)
					doc[len++] = "bdfgklmnprstvz"[v % 14];
				v /= 14;
			} while (v && len < size + 8);
		}
	return doc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	size_t want = (size_t)(data[0] % 4 + 1) * 100 * 1024;
	char *text = expand(data + 1, size - 1, want);
	if (!text)
		return 0;
	kgx_doc doc;
	kgx_status st = kgx_doc_init(&doc, "fuzz-scale.txt", text, want);
	free(text);
	if (st == KGX_OK)
		st = kgx_pipe_run(&doc, rules);
	if (st == KGX_OK) {
		kgx_buf b = {0};
		st = kgx_out_doc(out, &doc, &b);
		FUZZ_CHECK(st == KGX_OK, "kgx_out_doc failed: %s", kgx_strerror(st));
		size_t statements = 0;
		for (const char *p = b.s; p && (p = strstr(p, "22-rdf-syntax-ns#Statement>")); p++)
			statements++;
		FUZZ_CHECK(statements * 256 <= (size_t)KGX_OUT_EVIDENCE_FACTOR * doc.raw_len + KGX_OUT_EVIDENCE_BASE,
		           "%zu statements for %zu bytes: over the output budget", statements, doc.raw_len);
		kgx_buf_free(&b);
	}
	kgx_doc_release(&doc);
	return 0;
}
