/* libFuzzer target: the whole pipeline on one document with the shipped
 * rules (loaded once), then the document written as N-Triples. Checks that
 * the output is valid UTF-8 and made of lines "<…> <…> … .", so that no
 * input can break out of a term. The rules are $KGX_RULES, else the rules/
 * of the source tree the target was built from (KGX_FUZZ_RULES). */
#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_pipeline_init("fuzz_pipeline");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kgx_buf b = {0};
	fuzz_pipeline_run("fuzz.txt", (const char *)data, size, &b);
	kgx_buf_free(&b);
	return 0;
}
