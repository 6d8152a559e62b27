/* libFuzzer target: arbitrary bytes as rule text. The input is loaded as a
 * pattern file and, separately, as a knowledge file; when it contains a
 * line "----", the part before it is a knowledge file and the part after it
 * a pattern file of one rule set. Whatever loads is compiled (strict or not,
 * by the input's length) and, when it compiles, run over a short letter, so
 * that rules of every shape reach the entity and relation passes. */
#include "fuzz_common.h"

#include "pipe.h"
#include "rules.h"

static const char letter[] =
	"Geachte voorzitter,\n\n"
	"In 2021 heeft Noorwegen 3 miljoen euro bijgedragen aan het Peacebuilding Fund. "
	"Nederland steunt UNICEF en de Stichting Vrede (SV). Minister Veldkamp sprak met "
	"VN-gezant Jansen over UNMISS in Zuid-Soedan.\n\n"
	"De minister van Buitenlandse Zaken,\nC.C.J. Veldkamp\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_quiet();
	return 0;
}

/* A NUL-terminated copy, as kgx_rules_load_dir passes a file's bytes. */
static char *copy(const uint8_t *p, size_t n)
{
	char *c = malloc(n + 1);
	if (c) {
		memcpy(c, p, n);
		c[n] = '\0';
	}
	return c;
}

static void try_rules(kgx_rules *r, int strict)
{
	if (kgx_rules_compile(r, strict) != KGX_OK)
		return;
	kgx_doc doc;
	if (kgx_doc_init(&doc, "fuzz.txt", letter, sizeof letter - 1) == KGX_OK)
		(void)kgx_pipe_run(&doc, r);
	kgx_doc_release(&doc);
	/* and the rules' own examples, as --check-rules runs them */
	for (size_t i = 0; i < kgx_rules_count(r) && i < 8; i++) {
		const kgx_rule *ru = kgx_rules_get(r, i);
		for (size_t k = 0; k < ru->n_fires && k < 4; k++) {
			if (kgx_doc_init(&doc, "example", ru->fires[k], strlen(ru->fires[k])) == KGX_OK)
				(void)kgx_pipe_run(&doc, r);
			kgx_doc_release(&doc);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int strict = size & 1;
	const uint8_t *sep = NULL;
	for (size_t i = 0; i + 6 <= size; i++)
		if (!memcmp(data + i, "\n----\n", 6)) {
			sep = data + i;
			break;
		}
	if (sep) {
		size_t kb_len = (size_t)(sep - data) + 1, pat_off = kb_len + 5;
		char *kb = copy(data, kb_len), *pat = copy(data + pat_off, size - pat_off);
		kgx_rules *r = kgx_rules_new();
		if (r && kb && pat && kgx_kb_load_text(kgx_rules_kb(r), "fuzz.kb", kb, kb_len) == KGX_OK &&
		    kgx_rules_load_patterns(r, "fuzz.rules", pat, size - pat_off) == KGX_OK)
			try_rules(r, strict);
		kgx_rules_free(r);
		free(kb);
		free(pat);
		return 0;
	}
	char *text = copy(data, size);
	if (!text)
		return 0;
	kgx_rules *r = kgx_rules_new();
	if (r && kgx_rules_load_patterns(r, "fuzz.rules", text, size) == KGX_OK)
		try_rules(r, strict);
	kgx_rules_free(r);
	r = kgx_rules_new();
	if (r && kgx_kb_load_text(kgx_rules_kb(r), "fuzz.kb", text, size) == KGX_OK)
		try_rules(r, strict);
	kgx_rules_free(r);
	free(text);
	return 0;
}
