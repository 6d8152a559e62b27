/* kgx_check: loading, checking and listing the rules. */
#define _GNU_SOURCE
#include "check.h"
#include "meta.h"
#include "pipe.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *kgx_check_default_dir(char *buf, size_t size)
{
	const char *env = getenv("KGX_RULES");
	if (env && *env)
		return env;
	char exe[PATH_MAX - 32];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			struct stat sb;
			snprintf(buf, size, "%s/../share/kgx/rules", exe);
			if (!stat(buf, &sb) && S_ISDIR(sb.st_mode))
				return buf;
		}
	}
#ifdef KGX_SOURCE_RULES
	return KGX_SOURCE_RULES;
#else
	return "rules";
#endif
}

kgx_rules *kgx_check_load(int with_default, const char *const *dirs, size_t n, int strict, kgx_status *st)
{
	kgx_rules *r = kgx_rules_new();
	if (!r) {
		*st = KGX_ERR_NOMEM;
		kgx_diag(NULL, "%s", kgx_strerror(*st));
		return NULL;
	}
	char buf[PATH_MAX];
	const char *def = with_default ? kgx_check_default_dir(buf, sizeof buf) : NULL;
	*st = KGX_OK;
	if (def)
		*st = kgx_rules_load_dir(r, def);
	for (size_t i = 0; *st == KGX_OK && i < n; i++)
		*st = kgx_rules_load_dir(r, dirs[i]);
	/* before compiling, which refuses an empty rule set without naming where
	 * it looked */
	if (*st == KGX_OK && !kgx_rules_count(r) && !kgx_kb_count(kgx_rules_kb(r), NULL, NULL)) {
		/* a run with nothing to find in it is a mistake, not a result */
		kgx_loc loc = {def ? def : n ? dirs[0] : NULL, 0, 0};
		kgx_diag(loc.file ? &loc : NULL, "no rules and no knowledge: %s", def || n
		         ? "a rule directory needs kb/*.kb or patterns/*.rules"
		         : "--no-default-rules needs a --rules DIR");
		*st = KGX_ERR_USAGE;
	}
	if (*st == KGX_OK)
		*st = kgx_rules_compile(r, strict);
	if (*st != KGX_OK) {
		kgx_rules_free(r);
		return NULL;
	}
	return r;
}

/* Whether id is an element of the comma-separated list. */
static int in_list(const char *list, const char *id)
{
	size_t n = strlen(id);
	for (const char *p = list; p && *p;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && !strncmp(p, id, n))
			return 1;
		p = e ? e + 1 : NULL;
	}
	return 0;
}

int kgx_check_examples(kgx_rules *r)
{
	int failed = 0;
	size_t n_ex = 0;
	for (size_t i = 0; i < kgx_rules_count(r); i++) {
		const kgx_rule *ru = kgx_rules_get(r, i);
		for (int want = 1; want >= 0; want--) {
			char **ex = want ? ru->fires : ru->silent;
			size_t n = want ? ru->n_fires : ru->n_silent;
			for (size_t k = 0; k < n; k++) {
				kgx_doc doc;
				n_ex++;
				if (kgx_doc_init(&doc, "example", ex[k], strlen(ex[k])) != KGX_OK ||
				    kgx_pipe_run(&doc, r) != KGX_OK) {
					kgx_doc_release(&doc);
					return -1;
				}
				int fired = 0;
				if (ru->kind == KGX_RULE_CLASSIFY) {
					/* a classify rule looks at a name: try it on the example itself */
					pcre2_match_data *md = pcre2_match_data_create(8, NULL);
					fired = md && kgx_rules_match(r, ru->code, ex[k], strlen(ex[k]), 0, md, NULL, ru->id) >= 0;
					pcre2_match_data_free(md);
					fired += 2;  /* checked; the loops below must not change it */
				}
				if (ru->kind == KGX_RULE_META)
					fired = 2 + (*kgx_meta_field(&doc, ru->meta_field) != NULL);
				/* a rule fires when it matched, whether it won or lost */
				for (size_t m = 0; m < doc.relations.len && !fired; m++) {
					const kgx_relation *rel = &KGX_VEC_AT(&doc.relations, kgx_relation, m);
					fired = !strcmp(rel->rule, ru->id) || (rel->lost && in_list(rel->lost, ru->id));
				}
				for (size_t m = 0; m < doc.mentions.len && !fired; m++)
					fired = !strcmp(KGX_VEC_AT(&doc.mentions, kgx_mention, m).rule, ru->id);
				for (size_t m = 0; m < doc.silenced.len && !fired; m++)
					fired = !strcmp(KGX_VEC_AT(&doc.silenced, const char *, m), ru->id);
				if (fired >= 2)
					fired -= 2;
				if (fired != want) {
					kgx_diag(&ru->loc, "rule '%s' %s on its example: %s", ru->id,
					         want ? "does not fire" : "fires", ex[k]);
					failed++;
				}
				kgx_doc_release(&doc);
			}
		}
	}
	fprintf(stderr, "kgx: %zu rules, %zu examples, %d failed\n", kgx_rules_count(r), n_ex, failed);
	return failed;
}

void kgx_check_list(kgx_rules *r, FILE *f)
{
	static const char *kinds[] = {"relation", "entity", "classify", "meta", "frame"};
	for (size_t i = 0; i < kgx_rules_count(r); i++) {
		const kgx_rule *ru = kgx_rules_get(r, i);
		fprintf(f, "%s\t%s\t%d\t%s:%u\n", ru->id, kinds[ru->kind], ru->priority, ru->loc.file, ru->loc.line);
	}
	size_t per[KGX_NCLASSES], aliases;
	size_t n = kgx_kb_count(kgx_rules_kb(r), per, &aliases);
	fprintf(f, "# knowledge base: %zu entries, %zu names\n", n, aliases);
	for (int c = 0; c < KGX_NCLASSES; c++)
		fprintf(f, "# %s\t%zu\n", kgx_class_name(c), per[c]);
}
