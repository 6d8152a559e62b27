/* kgx_utf8: validation, repair and decoding of untrusted bytes. */
#include "kgx_test.h"
#include "utf8.h"

#define FFFD "\xEF\xBF\xBD"

typedef struct {
	char out[256];
	size_t len, first_bad, n_bad;
} repaired;

static repaired repair(const char *s, size_t len)
{
	repaired r;
	assert_true(3 * len + 1 <= sizeof r.out);
	memset(r.out, 'x', sizeof r.out);
	r.len = kgx_utf8_repair(s, len, r.out, &r.first_bad, &r.n_bad);
	return r;
}

/* The repaired text must itself be valid UTF-8 and NUL-terminated. */
static void assert_clean(const repaired *r)
{
	assert_int_equal(r->out[r->len], '\0');
	assert_int_equal(kgx_utf8_valid_prefix(r->out, r->len), r->len);
}

static void test_valid(void **state)
{
	(void)state;
	/* ASCII, 2-, 3- and 4-byte forms, the extremes U+0080, U+07FF, U+FFFF, U+10FFFF */
	static const char s[] = "caf\xC3\xA9 \xE2\x82\xAC 1 \xF0\x9F\x98\x80 \xC2\x80\xDF\xBF\xEF\xBF\xBF\xF4\x8F\xBF\xBF";
	size_t len = sizeof s - 1;
	assert_int_equal(kgx_utf8_valid_prefix(s, len), len);
	repaired r = repair(s, len);
	assert_int_equal(r.len, len);
	assert_memory_equal(r.out, s, len);
	assert_int_equal(r.first_bad, (size_t)-1);
	assert_int_equal(r.n_bad, 0);
	assert_clean(&r);
	/* the empty string is valid */
	assert_int_equal(kgx_utf8_valid_prefix("", 0), 0);
	r = repair("", 0);
	assert_int_equal(r.len, 0);
	assert_int_equal(r.first_bad, (size_t)-1);
}

static void test_lone_continuation(void **state)
{
	(void)state;
	static const char s[] = "ab\x80" "cd";
	assert_int_equal(kgx_utf8_valid_prefix(s, 5), 2);
	repaired r = repair(s, 5);
	assert_string_equal(r.out, "ab" FFFD "cd");
	assert_int_equal(r.len, 7);
	assert_int_equal(r.first_bad, 2);
	assert_int_equal(r.n_bad, 1);
	assert_clean(&r);
}

static void test_overlong(void **state)
{
	(void)state;
	/* "\xC0\xAF" is an overlong '/': C0 can never start a sequence, AF is a
	 * stray continuation byte, so each is replaced */
	static const char s[] = "x\xC0\xAFy";
	assert_int_equal(kgx_utf8_valid_prefix(s, 4), 1);
	repaired r = repair(s, 4);
	assert_string_equal(r.out, "x" FFFD FFFD "y");
	assert_int_equal(r.first_bad, 1);
	assert_int_equal(r.n_bad, 2);
	assert_clean(&r);
	/* three-byte overlong of '/' too */
	assert_int_equal(kgx_utf8_valid_prefix("\xE0\x80\xAF", 3), 0);
	/* four-byte overlong */
	assert_int_equal(kgx_utf8_valid_prefix("\xF0\x80\x80\xAF", 4), 0);
}

static void test_surrogate(void **state)
{
	(void)state;
	/* U+D800 encoded as UTF-8 is not a character */
	static const char s[] = "ok \xED\xA0\x80!";
	assert_int_equal(kgx_utf8_valid_prefix(s, 7), 3);
	repaired r = repair(s, 7);
	assert_int_equal(r.first_bad, 3);
	assert_int_equal(r.n_bad, 3);
	assert_string_equal(r.out, "ok " FFFD FFFD FFFD "!");
	assert_clean(&r);
	/* U+D7FF, just below the surrogates, is fine */
	assert_int_equal(kgx_utf8_valid_prefix("\xED\x9F\xBF", 3), 3);
}

static void test_truncated_at_end(void **state)
{
	(void)state;
	/* the first two bytes of U+20AC (euro sign) and nothing after */
	static const char s[] = "prijs \xE2\x82";
	size_t len = sizeof s - 1;
	assert_int_equal(kgx_utf8_valid_prefix(s, len), 6);
	repaired r = repair(s, len);
	assert_int_equal(r.first_bad, 6);
	assert_true(r.n_bad >= 1);
	assert_memory_equal(r.out, "prijs " FFFD, 9);
	assert_clean(&r);
	/* a truncated four-byte sequence */
	assert_int_equal(kgx_utf8_valid_prefix("\xF0\x9F\x98", 3), 0);
	/* the truncated sequence followed by ASCII: the ASCII survives */
	r = repair("\xE2\x82" "a", 3);
	assert_int_equal(r.first_bad, 0);
	assert_int_equal(r.out[r.len - 1], 'a');
	assert_clean(&r);
}

/* A truncated sequence is one maximal subpart and gets one U+FFFD, the
 * Unicode recommended practice (Unicode 15 §3.9, "U+FFFD Substitution of
 * Maximal Subparts"), as in the WHATWG decoder, Python and ICU. */
static void test_truncated_maximal_subpart(void **state)
{
	(void)state;
	repaired r = repair("prijs \xE2\x82", 8);
	assert_int_equal(r.n_bad, 1);
	assert_string_equal(r.out, "prijs " FFFD);
	r = repair("\xF0\x9F\x98" "a", 4);
	assert_int_equal(r.n_bad, 1);
	assert_string_equal(r.out, FFFD "a");
}

static void test_above_max(void **state)
{
	(void)state;
	/* "\xF4\x90\x80\x80" would be U+110000 */
	static const char s[] = "a\xF4\x90\x80\x80z";
	assert_int_equal(kgx_utf8_valid_prefix(s, 6), 1);
	repaired r = repair(s, 6);
	assert_int_equal(r.first_bad, 1);
	assert_int_equal(r.n_bad, 4);
	assert_string_equal(r.out, "a" FFFD FFFD FFFD FFFD "z");
	assert_clean(&r);
	/* F5..FF never start a sequence */
	assert_int_equal(kgx_utf8_valid_prefix("\xF5\x80\x80\x80", 4), 0);
	assert_int_equal(kgx_utf8_valid_prefix("\xFF", 1), 0);
}

static void test_first_bad_is_first(void **state)
{
	(void)state;
	/* several errors: first_bad is the earliest, n_bad counts them all */
	static const char s[] = "\xC3\xA9t\xE9 \x80\x80";
	repaired r = repair(s, sizeof s - 1);
	assert_int_equal(r.first_bad, 3);
	assert_int_equal(r.n_bad, 3);
	assert_string_equal(r.out, "\xC3\xA9t" FFFD " " FFFD FFFD);
}

static void test_nonchars(void **state)
{
	(void)state;
	/* U+FFFE, U+FFFF, twice in a row, and at the very end */
	static const char s[] = "a\xEF\xBF\xBE" "b\xEF\xBF\xBF\xEF\xBF\xBF" "c\xEF\xBF\xBE";
	assert_int_equal(kgx_utf8_find_nonchar(s, strlen(s)), 1);
	char out[64];  /* room for both strings below */
	size_t n_bad;
	size_t len = kgx_utf8_replace_nonchars(s, strlen(s), out, &n_bad);
	assert_int_equal(n_bad, 4);
	assert_string_equal(out, "a" FFFD "b" FFFD FFFD "c" FFFD);
	assert_int_equal(len, strlen(out));
	/* what raptor2 writes stays: U+FFFD, U+FDD0, U+1FFFE, U+10FFFF, U+E000,
	 * and an EF BF pair cut off by the end */
	static const char ok[] = FFFD "\xEF\xB7\x90\xF0\x9F\xBF\xBE\xF4\x8F\xBF\xBF\xEE\x80\x80 x\xEF\xBF";
	assert_int_equal(kgx_utf8_find_nonchar(ok, strlen(ok)), strlen(ok));
	assert_int_equal(kgx_utf8_replace_nonchars(ok, strlen(ok), out, &n_bad), strlen(ok));
	assert_int_equal(n_bad, 0);
	assert_string_equal(out, ok);
}

static void test_decode(void **state)
{
	(void)state;
	int32_t cp;
	assert_int_equal(kgx_utf8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(kgx_utf8_decode("\xC3\xA9", 2, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(kgx_utf8_decode("\xE2\x82\xAC", 3, &cp), 3);
	assert_int_equal(cp, 0x20AC);
	assert_int_equal(kgx_utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	assert_int_equal(kgx_utf8_decode("", 0, &cp), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_lone_continuation),
		cmocka_unit_test(test_overlong),
		cmocka_unit_test(test_surrogate),
		cmocka_unit_test(test_truncated_at_end),
		cmocka_unit_test(test_truncated_maximal_subpart),
		cmocka_unit_test(test_above_max),
		cmocka_unit_test(test_first_bad_is_first),
		cmocka_unit_test(test_nonchars),
		cmocka_unit_test(test_decode),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
