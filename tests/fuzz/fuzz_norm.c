/* libFuzzer target: arbitrary bytes through the utf8 pass (BOM, UTF-16,
 * NUL, repair) and the normaliser (line joining, hyphenation, footnotes,
 * page debris). Checks that the normalised text is NUL-terminated, valid
 * UTF-8 and that its offset map stays inside the raw text. */
#include "fuzz_common.h"

#include "doc.h"
#include "norm.h"
#include "pipe.h"
#include "utf8.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kgx_doc doc;
	if (kgx_doc_init(&doc, "fuzz.txt", (const char *)data, size) != KGX_OK) {
		kgx_doc_release(&doc);
		return 0;
	}
	if (kgx_pipe_utf8(&doc, NULL) == KGX_OK) {
		FUZZ_CHECK(kgx_utf8_valid_prefix(doc.raw, doc.raw_len) == doc.raw_len,
		           "the utf8 pass left invalid UTF-8");
		if (kgx_norm_run(&doc) == KGX_OK) {
			FUZZ_CHECK(doc.text != NULL, "no text");
			FUZZ_CHECK(doc.text[doc.text_len] == '\0', "text not NUL-terminated");
			FUZZ_CHECK(strlen(doc.text) == doc.text_len, "NUL inside the text");
			FUZZ_CHECK(kgx_utf8_valid_prefix(doc.text, doc.text_len) == doc.text_len,
			           "normalised text is not valid UTF-8");
			if (doc.map)
				for (size_t i = 0; i <= doc.text_len; i++)
					FUZZ_CHECK(doc.map[i] <= doc.raw_len, "map[%zu] = %u > raw_len %zu", i,
					           (unsigned)doc.map[i], doc.raw_len);
		}
	}
	kgx_doc_release(&doc);
	return 0;
}
