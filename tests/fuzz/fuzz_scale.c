/* libFuzzer target: the whole pipeline on large documents (100-400 KB), so
 * that the fuzzer can find input whose cost grows faster than its size (the
 * other targets stay under 40 KB, where a quadratic pass still looks fast).
 * The input is a pattern: its first byte chooses the size (100, 200, 300 or
 * 400 KB), the rest is repeated up to it, each byte 0x01 in it becoming a
 * word spelt from the repetition's number, so that repeats can be distinct
 * names ("De Speciaal Vertegenwoordiger \x01 Jansen sprak."). libFuzzer's
 * -timeout (25 s in run.sh) catches what is not linear; the checks are that
 * the pipeline succeeds and that the statements written stay within the
 * budget out.h documents, and the N-Triples checks of fuzz_pipeline. Rules
 * as in fuzz_pipeline. */
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_pipeline_init("fuzz_scale");
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
	kgx_buf b = {0};
	if (fuzz_pipeline_run("fuzz-scale.txt", text, want, &b)) {
		size_t statements = 0;
		for (const char *p = b.s; p && (p = strstr(p, "22-rdf-syntax-ns#Statement>")); p++)
			statements++;
		FUZZ_CHECK(statements * 256 <= (size_t)KGX_OUT_EVIDENCE_FACTOR * want + KGX_OUT_EVIDENCE_BASE,
		           "%zu statements for %zu bytes: over the output budget", statements, want);
	}
	free(text);
	kgx_buf_free(&b);
	return 0;
}
