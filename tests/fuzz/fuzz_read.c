/* libFuzzer target: arbitrary bytes through the HTML and XML readers (the
 * first byte picks HTML, XML or detection by content; PDF is left to
 * poppler's own fuzzing), then the utf8 pass, the normaliser and the
 * metadata pass. Checks that a reader leaves text without NUL bytes, that
 * a date it takes is a date, and that the passes after it accept its text. */
#include "fuzz_common.h"

#include "doc.h"
#include "meta.h"
#include "norm.h"
#include "pipe.h"
#include "read.h"
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
	if (size < 1)
		return 0;
	static const kgx_read_format pick[] = {KGX_READ_HTML, KGX_READ_XML, KGX_READ_AUTO};
	kgx_read_format f = pick[data[0] % 3];
	const char *raw = (const char *)data + 1;
	size--;
	kgx_read_format chosen = f == KGX_READ_AUTO ? kgx_read_detect(raw, size) : f;
	if (chosen == KGX_READ_PDF)
		return 0;
	kgx_doc doc;
	if (kgx_doc_init(&doc, "fuzz", raw, size) != KGX_OK) {
		kgx_doc_release(&doc);
		return 0;
	}
	doc.format = f;
	if (kgx_read_run(&doc, NULL) == KGX_OK) {
		FUZZ_CHECK(doc.raw != NULL, "no text");
		/* the text reader leaves the bytes as they are, for the utf8 pass */
		if (chosen != KGX_READ_TEXT)
			FUZZ_CHECK(memchr(doc.raw, '\0', doc.raw_len) == NULL, "a NUL byte in the text read");
		char iso[11];
		if (doc.date)
			FUZZ_CHECK(kgx_meta_date(doc.date, iso), "a date that is none: %s", doc.date);
		if (kgx_pipe_utf8(&doc, NULL) == KGX_OK && kgx_norm_run(&doc) == KGX_OK) {
			FUZZ_CHECK(kgx_utf8_valid_prefix(doc.text, doc.text_len) == doc.text_len,
			           "normalised text is not valid UTF-8");
			FUZZ_CHECK(kgx_meta_run(&doc, NULL) == KGX_OK, "the metadata pass failed");
			FUZZ_CHECK(!doc.issued[0] || strlen(doc.issued) == 10, "issued: %s", doc.issued);
			if (doc.kst)
				for (const char *p = doc.kst; *p; p++)
					FUZZ_CHECK((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-',
					           "kst id with '%c'", *p);
		}
	}
	kgx_doc_release(&doc);
	return 0;
}
