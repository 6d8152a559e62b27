/* kgx_ent: the entity pass, on names that rules define. */
#include "kgx_test.h"
#include "doc.h"
#include "ent.h"

static kgx_doc doc;

static int release(void **state)
{
	(void)state;
	kgx_doc_release(&doc);
	return 0;
}

static const char bracketed[] = "[bracketed]\nkind = entity\npattern = \\[(?<name>[^\\]]+)\\]\n"
                                "create.name = Organisation\n";

static size_t discovered_with_id(const char *id, const char **label)
{
	size_t n = 0;
	for (size_t i = 0; i < doc.discovered.len; i++) {
		const kgx_entry *e = KGX_VEC_AT(&doc.discovered, kgx_entry *, i);
		if (!strcmp(e->id, id)) {
			n++;
			*label = e->label;
		}
	}
	return n;
}

/* Names that differ in spelling but make one slug are one entity with one
 * label, the first spelling's: an IRI has one rdfs:label. */
static void test_one_entity_per_iri(void **state)
{
	(void)state;
	kgx_rules *r = t_rules(NULL, bracketed);
	t_run(&doc, r, "slug.txt",
	      "Zie [Fonds A.B. Jansen] en [Fonds A. B. Jansen].\n\nOok [Foo Bar] en [foo-bar] en [FOO  BAR].\n");
	const char *label = NULL;
	assert_int_equal(discovered_with_id("fonds-a-b-jansen", &label), 1);
	assert_string_equal(label, "Fonds A.B. Jansen");
	assert_int_equal(discovered_with_id("foo-bar", &label), 1);
	assert_string_equal(label, "Foo Bar");
	assert_int_equal(doc.discovered.len, 2);
	/* every spelling is a mention of it */
	assert_int_equal(t_mentions(&doc, "foo-bar"), 3);
	assert_int_equal(t_mentions(&doc, "fonds-a-b-jansen"), 2);
	kgx_rules_free(r);
}

/* Each new name is looked up in an index, not compared with every name
 * defined before it in the document: 300 000 distinct names (about 4 MB)
 * took minutes, one comparison each with all earlier ones. */
static void test_many_distinct_names(void **state)
{
	(void)state;
	kgx_rules *r = t_rules(NULL, bracketed);
	size_t n = 300000;
	kgx_buf text = {0};
	for (size_t i = 0; i < n; i++) {
		char w[8];
		for (size_t k = 0, v = i; k < 4; k++, v /= 26)
			w[k] = (char)('a' + v % 26);
		assert_int_equal(kgx_buf_printf(&text, "[Naam %.4s]%s", w, i % 8 == 7 ? ".\n" : " "), 0);
	}
	t_run(&doc, r, "names.txt", text.s);
	kgx_buf_free(&text);
	assert_int_equal(doc.discovered.len, n);
	kgx_rules_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_one_entity_per_iri, release),
		cmocka_unit_test_teardown(test_many_distinct_names, release),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
