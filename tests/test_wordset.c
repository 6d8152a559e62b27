/* kgx_wordset: a set of words looked up whole. */
#include "kgx_test.h"
#include "wordset.h"

static void test_lookup(void **state)
{
	(void)state;
	kgx_wordset *s;
	size_t bad = 99;
	assert_int_equal(kgx_wordset_new(&s, "Anna|Jan|Willem-Alexander|Łukasz|Jan|Ö", &bad), KGX_OK);
	assert_int_equal(kgx_wordset_count(s), 5);  /* Jan twice is one word */
	assert_true(kgx_wordset_has(s, "Anna", 4));
	assert_true(kgx_wordset_has(s, "Jan", 3));
	assert_true(kgx_wordset_has(s, "Willem-Alexander", 16));
	assert_true(kgx_wordset_has(s, "Łukasz", strlen("Łukasz")));
	assert_true(kgx_wordset_has(s, "Ö", strlen("Ö")));
	/* whole words, byte for byte: no prefixes, no case folding */
	assert_false(kgx_wordset_has(s, "Ann", 3));
	assert_false(kgx_wordset_has(s, "Annabel", 7));
	assert_false(kgx_wordset_has(s, "anna", 4));
	assert_false(kgx_wordset_has(s, "Willem", 6));
	assert_false(kgx_wordset_has(s, "", 0));
	assert_false(kgx_wordset_has(s, "Anna|Jan", 8));
	kgx_wordset_free(s);
	kgx_wordset_free(NULL);
}

static void test_many(void **state)
{
	(void)state;
	/* enough words to fill a larger table; every one is found, no other */
	kgx_buf list = {0};
	for (int i = 0; i < 5000; i++)
		assert_int_equal(kgx_buf_printf(&list, "%sW%d", i ? "|" : "", i * 3), 0);
	kgx_wordset *s;
	size_t bad;
	assert_int_equal(kgx_wordset_new(&s, list.s, &bad), KGX_OK);
	assert_int_equal(kgx_wordset_count(s), 5000);
	for (int i = 0; i < 15000; i++) {
		char w[16];
		int n = snprintf(w, sizeof w, "W%d", i);
		assert_int_equal(kgx_wordset_has(s, w, (size_t)n), i % 3 == 0);
	}
	kgx_wordset_free(s);
	kgx_buf_free(&list);
}

static void test_bad_words(void **state)
{
	(void)state;
	static const struct {
		const char *list;
		size_t bad;
	} cases[] = {
		{"Anna||Jan", 5},      /* an empty word */
		{"Anna|Jan ", 5},      /* white space */
		{"Anna|Abu Bakr", 5},
		{"|Anna", 0},
		{"Anna|", 5},
		{"", 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		kgx_wordset *s = (kgx_wordset *)1;
		size_t bad = 99;
		assert_int_equal(kgx_wordset_new(&s, cases[i].list, &bad), KGX_ERR_RULE);
		assert_null(s);
		if (bad != cases[i].bad)
			fail_msg("'%s': bad word at %zu, want %zu", cases[i].list, bad, cases[i].bad);
	}
}

static void test_first_class(void **state)
{
	(void)state;
	kgx_wordset *s;
	size_t bad;
	assert_int_equal(kgx_wordset_new(&s, "Jan|Anna|Ank|Łukasz|-x|Ölof", &bad), KGX_OK);
	kgx_buf b = {0};
	assert_int_equal(kgx_wordset_first_class(s, &b), 0);
	/* sorted by code point, each once; what is not a letter or digit escaped */
	assert_string_equal(b.s, "[\\x{2D}AJ\\x{D6}\\x{141}]");
	kgx_buf_free(&b);
	kgx_wordset_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_many),
		cmocka_unit_test(test_bad_words),
		cmocka_unit_test(test_first_class),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
