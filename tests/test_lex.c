/* kgx_lex + kgx_fold: name lookup over folded word tokens. */
#include "kgx_test.h"
#include "fold.h"
#include "lex.h"

static kgx_entry ukraine = {.id = "ukraine", .classes = KGX_C_COUNTRY};
static kgx_entry un = {.id = "un", .classes = KGX_C_UNBODY};
static kgx_entry unsc = {.id = "unsc", .classes = KGX_C_UNBODY};
static kgx_entry usa = {.id = "usa", .classes = KGX_C_COUNTRY};
static kgx_entry its = {.id = "its", .classes = KGX_C_ORGANISATION};
static kgx_entry nato = {.id = "nato", .classes = KGX_C_ORGANISATION};
static kgx_entry un_nations = {.id = "united-nations", .classes = KGX_C_UNBODY};
static kgx_entry bes = {.id = "bes", .classes = KGX_C_COUNTRY};
static kgx_entry veldkamp = {.id = "person-veldkamp", .classes = KGX_C_MINISTER | KGX_C_PERSON};
static kgx_entry cote = {.id = "cote-d-ivoire", .classes = KGX_C_COUNTRY};

static kgx_lex *lex;
static kgx_vec toks;
static kgx_buf keys;
static const kgx_entry *reject;  /* the accept callback refuses this entry */

/* What the entity pass accepts: names stored case-sensitively must match
 * as written. */
static int accept(void *ctx, const kgx_alias *al, const kgx_token *first, size_t n)
{
	(void)ctx;
	if (al->entry == reject)
		return 0;
	if (al->exact && !kgx_lex_exact_matches(al->exact, first, n, keys.s))
		return 0;
	return 1;
}

static void add(const char *name, const kgx_entry *e)
{
	assert_int_equal(kgx_lex_add(lex, name, strlen(name), e, KGX_ALIAS_NAME), KGX_OK);
}

static int setup(void **state)
{
	(void)state;
	lex = kgx_lex_new();
	if (!lex)
		return -1;
	kgx_vec_init(&toks, sizeof(kgx_token));
	add("Oekraïne", &ukraine);
	add("VN", &un);
	add("VN-Veiligheidsraad", &unsc);
	add("Veiligheidsraad van de Verenigde Naties", &unsc);
	add("Verenigde Naties", &un_nations);
	add("VS", &usa);
	add("Verenigde Staten", &usa);
	add("ITS", &its);
	add("NAVO", &nato);
	add("Bonaire, Sint Eustatius en Saba", &bes);
	add("C.C.J. Veldkamp", &veldkamp);
	add("Côte d'Ivoire", &cote);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	kgx_lex_free(lex);
	kgx_vec_free(&toks);
	kgx_buf_free(&keys);
	return 0;
}

/* The entry of the longest name at word `word` of `text`, and its length
 * in words. */
static const kgx_entry *at(const char *text, size_t word, size_t *len)
{
	assert_int_equal(kgx_fold_tokens(text, strlen(text), &toks, &keys), KGX_OK);
	assert_true(word < toks.len);
	size_t n = 0;
	const kgx_alias *a = kgx_lex_longest(lex, toks.data, toks.len, word, keys.s, accept, NULL, &n);
	if (len)
		*len = a ? n : 0;
	return a ? a->entry : NULL;
}

static void test_tokens(void **state)
{
	(void)state;
	static const char s[] = "De VN-Veiligheidsraad, in Genève.";
	assert_int_equal(kgx_fold_tokens(s, strlen(s), &toks, &keys), KGX_OK);
	assert_int_equal(toks.len, 5);
	const kgx_token *t = toks.data;
	assert_int_equal(t[1].begin, 3);
	assert_int_equal(t[1].end, 5);
	assert_memory_equal(keys.s + t[1].key, "vn", 2);
	assert_memory_equal(keys.s + t[1].exact, "VN", 2);
	assert_int_equal(t[2].sep, 0);    /* a hyphen is light */
	assert_int_equal(t[3].sep, ',');  /* a comma is not */
	assert_int_equal(t[4].key_len, 6);
	assert_memory_equal(keys.s + t[4].key, "geneve", 6);
	assert_memory_equal(keys.s + t[4].exact, "Geneve", 6);
	assert_true(kgx_fold_all_caps("VN", 2));
	assert_false(kgx_fold_all_caps("Vn", 2));
	assert_false(kgx_fold_all_caps("V", 1));
}

static void test_case_and_diacritics(void **state)
{
	(void)state;
	size_t n;
	assert_ptr_equal(at("De steun aan Oekraïne blijft.", 3, &n), &ukraine);
	assert_int_equal(n, 1);
	assert_ptr_equal(at("steun aan oekraine", 2, &n), &ukraine);
	assert_ptr_equal(at("STEUN AAN OEKRAÏNE", 2, &n), &ukraine);
	assert_ptr_equal(at("in Cote d’Ivoire", 1, &n), &cote);
	assert_int_equal(n, 3);
	assert_ptr_equal(at("in côte d'ivoire", 1, &n), &cote);
	assert_null(at("steun aan Oekraïners", 2, &n));  /* whole words only */
}

static void test_hyphen_space(void **state)
{
	(void)state;
	size_t n;
	assert_ptr_equal(at("de VN-Veiligheidsraad besloot", 1, &n), &unsc);
	assert_int_equal(n, 2);
	assert_ptr_equal(at("de VN Veiligheidsraad besloot", 1, &n), &unsc);
	assert_int_equal(n, 2);
	assert_ptr_equal(at("de VN\nVeiligheidsraad besloot", 1, &n), &unsc);
	assert_ptr_equal(at("de VN\xE2\x80\x93Veiligheidsraad besloot", 1, &n), &unsc);  /* en dash */
	assert_ptr_equal(at("de Verenigde-Naties", 1, &n), &un_nations);
}

static void test_longest_wins(void **state)
{
	(void)state;
	size_t n;
	assert_ptr_equal(at("de Veiligheidsraad van de Verenigde Naties", 1, &n), &unsc);
	assert_int_equal(n, 5);
	/* the longer name is not there: the shorter one is found */
	assert_ptr_equal(at("de VN besloot", 1, &n), &un);
	assert_int_equal(n, 1);
	assert_ptr_equal(at("de Verenigde Naties besloten", 1, &n), &un_nations);
	assert_int_equal(n, 2);
	/* a name that runs out before the text matches: none */
	assert_null(at("de Veiligheidsraad van de Verenigde", 1, &n));
	/* the longest that accept takes */
	reject = &unsc;
	assert_ptr_equal(at("de VN-Veiligheidsraad", 1, &n), &un);
	assert_int_equal(n, 1);
	reject = NULL;
}

static void test_all_caps_alias(void **state)
{
	(void)state;
	size_t n;
	assert_ptr_equal(at("de VS en Europa", 1, &n), &usa);
	assert_null(at("Nederland vs Frankrijk", 1, &n));
	assert_null(at("Nederland Vs Frankrijk", 1, &n));
	assert_ptr_equal(at("het ITS rapport", 1, &n), &its);
	assert_null(at("with its members", 1, &n));
	/* an acronym of four capitals or more, written as a word as Dutch
	 * newspapers write one: "de Navo"; not in lower case, nor a shorter one */
	assert_ptr_equal(at("de Navo vergadert", 1, &n), &nato);
	assert_ptr_equal(at("de NAVO vergadert", 1, &n), &nato);
	assert_null(at("de navo vergadert", 1, &n));
	assert_null(at("with Its members", 1, &n));
	/* names that are not in capitals match in any case */
	assert_ptr_equal(at("de verenigde staten", 1, &n), &usa);
	/* persons' names match as written, initials included */
	assert_ptr_equal(at("door C.C.J. Veldkamp", 1, &n), &veldkamp);
	assert_int_equal(n, 4);
	assert_null(at("door c.c.j. veldkamp", 1, &n));
}

static void test_comma_breaks_name(void **state)
{
	(void)state;
	size_t n;
	/* "Verenigde, Naties": the comma separates two words of a name without one */
	assert_null(at("de Verenigde, Naties", 1, &n));
	assert_ptr_equal(at("de Verenigde Staten, Naties", 1, &n), &usa);
	assert_int_equal(n, 2);
	/* a name with a comma needs the comma */
	assert_ptr_equal(at("op Bonaire, Sint Eustatius en Saba", 1, &n), &bes);
	assert_int_equal(n, 5);
	assert_null(at("op Bonaire Sint Eustatius en Saba", 1, &n));
	/* a comma after the name does not matter */
	assert_ptr_equal(at("Oekraïne, Moldavië", 0, &n), &ukraine);
}

static void test_add(void **state)
{
	(void)state;
	size_t nodes, before = kgx_lex_size(lex, &nodes);
	assert_int_equal(before, 12);
	/* the same name for the same entry is stored once */
	add("Oekraine", &ukraine);
	assert_int_equal(kgx_lex_size(lex, NULL), before);
	/* a name without a word is refused */
	assert_int_equal(kgx_lex_add(lex, " - ", 3, &ukraine, KGX_ALIAS_NAME), KGX_ERR_RULE);
	assert_int_equal(kgx_lex_add(lex, "", 0, &ukraine, KGX_ALIAS_NAME), KGX_ERR_RULE);
	/* a second entry with the same name comes after the first */
	static kgx_entry other = {.id = "other", .classes = KGX_C_COUNTRY};
	add("Oekraïne", &other);
	assert_int_equal(kgx_lex_size(lex, NULL), before + 1);
	assert_ptr_equal(at("Oekraïne", 0, NULL), &ukraine);
	reject = &ukraine;
	assert_ptr_equal(at("Oekraïne", 0, NULL), &other);
	reject = NULL;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_tokens, setup, teardown),
		cmocka_unit_test_setup_teardown(test_case_and_diacritics, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hyphen_space, setup, teardown),
		cmocka_unit_test_setup_teardown(test_longest_wins, setup, teardown),
		cmocka_unit_test_setup_teardown(test_all_caps_alias, setup, teardown),
		cmocka_unit_test_setup_teardown(test_comma_breaks_name, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
