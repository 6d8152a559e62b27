/* libFuzzer target: arbitrary bytes through the utf8 pass, the normaliser
 * and the sentence splitter, with the shipped abbreviations' kind of list.
 * Checks that sentences are in order, inside the text, on UTF-8 character
 * boundaries, and that their code-point offsets agree with their bytes. */
#include "fuzz_common.h"

#include "doc.h"
#include "norm.h"
#include "pipe.h"
#include "sent.h"
#include "utf8.h"

static kgx_abbrevs *abbrevs;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet();
	static const char *const words[] = {"nr.", "o.a.", "d.d.", "bijv.", "mw.", "dhr.", "mr.", "dr.",
	                                    "i.p.v.", "m.b.t.", "t.a.v.", "ca.", "art.", "jan.", "feb.",
	                                    "e.g.", "i.e.", "t/m.", "z.s.m.", "p."};
	abbrevs = kgx_abbrevs_new();
	for (size_t i = 0; abbrevs && i < sizeof words / sizeof words[0]; i++)
		if (kgx_abbrevs_add(abbrevs, words[i], strlen(words[i])) != KGX_OK)
			abort();
	return abbrevs ? 0 : 1;
}

static int boundary(const char *s, uint32_t at)
{
	return ((unsigned char)s[at] & 0xC0) != 0x80;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kgx_doc doc;
	/* the first byte chooses with or without abbreviations */
	const kgx_abbrevs *ab = size && (data[0] & 1) ? abbrevs : NULL;
	if (kgx_doc_init(&doc, "fuzz.txt", (const char *)data, size) == KGX_OK &&
	    kgx_pipe_utf8(&doc, NULL) == KGX_OK && kgx_norm_run(&doc) == KGX_OK &&
	    kgx_sent_split(&doc, ab) == KGX_OK) {
		uint32_t prev_end = 0, at = 0, cp = 0;  /* cp: code points in text[0..at) */
		for (size_t i = 0; i < doc.sentences.len; i++) {
			const kgx_sentence *s = &KGX_VEC_AT(&doc.sentences, kgx_sentence, i);
			FUZZ_CHECK(s->span.begin < s->span.end, "sentence %zu is empty or reversed: [%u, %u)", i,
			           s->span.begin, s->span.end);
			FUZZ_CHECK(s->span.end <= doc.text_len, "sentence %zu ends at %u > %zu", i, s->span.end,
			           doc.text_len);
			FUZZ_CHECK(s->span.begin >= prev_end, "sentence %zu overlaps the one before", i);
			FUZZ_CHECK(boundary(doc.text, s->span.begin) && boundary(doc.text, s->span.end),
			           "sentence %zu [%u, %u) splits a UTF-8 character", i, s->span.begin, s->span.end);
			for (; at < s->span.begin; at++)
				cp += boundary(doc.text, at);
			FUZZ_CHECK(s->cp_begin == cp, "sentence %zu begins at code point %u, not %u", i,
			           s->cp_begin, cp);
			for (; at < s->span.end; at++)
				cp += boundary(doc.text, at);
			FUZZ_CHECK(s->cp_end == cp, "sentence %zu ends at code point %u, not %u", i, s->cp_end, cp);
			prev_end = s->span.end;
		}
	}
	kgx_doc_release(&doc);
	return 0;
}
