/* kgx_stanza: the [id] / key = value reader shared by rules and knowledge. */
#include "kgx_test.h"
#include "stanza.h"

#include <sys/stat.h>
#include <unistd.h>

#define MAX_LINES 32

typedef struct {
	char key[64];    /* "" for a header */
	char value[256];
	unsigned line, col, value_col;
} seen_line;

typedef struct {
	seen_line lines[MAX_LINES];
	size_t n;
	size_t stop_after;   /* return KGX_ERR_RULE on this call (1-based), 0 = never */
} collector;

static kgx_status collect(void *ctx, const kgx_stanza_line *l)
{
	collector *c = ctx;
	assert_true(c->n < MAX_LINES);
	seen_line *s = &c->lines[c->n++];
	assert_true(l->value_len < sizeof s->value);
	snprintf(s->key, sizeof s->key, "%.*s", l->key ? (int)l->key_len : 0, l->key ? l->key : "");
	memcpy(s->value, l->value, l->value_len);
	s->value[l->value_len] = '\0';
	s->line = l->loc.line;
	s->col = l->loc.col;
	s->value_col = l->value_col;
	assert_string_equal(l->loc.file, "t.rules");
	if (c->stop_after && c->n == c->stop_after)
		return KGX_ERR_RULE;
	return KGX_OK;
}

static kgx_status read_text(const char *text, size_t max_line, collector *c)
{
	memset(c, 0, sizeof *c);
	return kgx_stanza_read("t.rules", text, strlen(text), max_line, collect, c);
}

static void assert_line(const collector *c, size_t i, const char *key, const char *value,
                        unsigned line)
{
	assert_true(i < c->n);
	assert_string_equal(c->lines[i].key, key);
	assert_string_equal(c->lines[i].value, value);
	assert_int_equal(c->lines[i].line, line);
}

static int quiet(void **state)
{
	(void)state;
	kgx_diag_quiet(1);
	return 0;
}

static void test_good(void **state)
{
	(void)state;
	collector c;
	static const char text[] =
		"# a comment before anything\n"          /* 1 */
		"\n"                                      /* 2 */
		"[first-id]\n"                            /* 3 */
		"key = value  \n"                         /* 4 */
		"pattern = part one\n"                    /* 5 */
		"  (?:part two)\n"                        /* 6 */
		"\t|part three\n"                         /* 7 */
		"# a comment keeps the value open\n"      /* 8 */
		"\n"                                      /* 9 */
		"    and four\n"                          /* 10 */
		"[second.id@x]\n"                         /* 11 */
		"k_2=v2\n"                                /* 12 */
		"create.name   =   auto\n";               /* 13 */
	assert_int_equal(read_text(text, 100, &c), KGX_OK);
	assert_int_equal(c.n, 6);
	assert_line(&c, 0, "", "first-id", 3);
	assert_int_equal(c.lines[0].col, 2);
	assert_line(&c, 1, "key", "value", 4);
	assert_int_equal(c.lines[1].col, 1);
	assert_int_equal(c.lines[1].value_col, 7);
	/* continuation lines: newline and indentation dropped, the rest appended */
	assert_line(&c, 2, "pattern", "part one(?:part two)|part threeand four", 5);
	assert_line(&c, 3, "", "second.id@x", 11);
	assert_line(&c, 4, "k_2", "v2", 12);
	assert_int_equal(c.lines[4].value_col, 5);
	assert_line(&c, 5, "create.name", "auto", 13);
	assert_int_equal(c.lines[5].value_col, 19);
}

static void test_good_crlf_no_final_newline(void **state)
{
	(void)state;
	collector c;
	assert_int_equal(read_text("[a]\r\nx = 1\r\n  2\r\ny = \r\n[b]", 100, &c), KGX_OK);
	assert_int_equal(c.n, 4);
	assert_line(&c, 0, "", "a", 1);
	assert_line(&c, 1, "x", "12", 2);
	assert_line(&c, 2, "y", "", 4);
	assert_line(&c, 3, "", "b", 5);
}

static void test_empty(void **state)
{
	(void)state;
	collector c;
	assert_int_equal(read_text("", 100, &c), KGX_OK);
	assert_int_equal(c.n, 0);
	assert_int_equal(read_text("# only a comment\n\n", 100, &c), KGX_OK);
	assert_int_equal(c.n, 0);
}

static void test_missing_equals(void **state)
{
	(void)state;
	collector c;
	assert_int_equal(read_text("[a]\nkey value\n", 100, &c), KGX_ERR_SYNTAX);
	assert_int_equal(read_text("[a]\nkey\n", 100, &c), KGX_ERR_SYNTAX);
	assert_int_equal(read_text("[a]\n= value\n", 100, &c), KGX_ERR_SYNTAX);
	assert_int_equal(read_text("[a]\nthis is not valid\n", 100, &c), KGX_ERR_SYNTAX);
	/* nothing after the error is reported */
	assert_int_equal(read_text("[a]\nkey value\n[b]\n", 100, &c), KGX_ERR_SYNTAX);
	assert_int_equal(c.n, 1);
}

static void test_key_outside_stanza(void **state)
{
	(void)state;
	collector c;
	assert_int_equal(read_text("key = value\n[a]\n", 100, &c), KGX_ERR_SYNTAX);
	assert_int_equal(c.n, 0);
	/* a continuation line with nothing to continue */
	assert_int_equal(read_text("  indented\n", 100, &c), KGX_ERR_SYNTAX);
	assert_int_equal(read_text("[a]\n  indented\n", 100, &c), KGX_ERR_SYNTAX);
}

static void test_malformed_header(void **state)
{
	(void)state;
	collector c;
	static const char *bad[] = {
		"[]\n", "[a\n", "[a b]\n", "[a] junk\n", "[a]]\n", "[a/b]\n", "[a]x = 1\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		if (read_text(bad[i], 100, &c) != KGX_ERR_SYNTAX)
			fail_msg("header %s was accepted", bad[i]);
}

static void test_long_line(void **state)
{
	(void)state;
	collector c;
	/* max_line counts the bytes of a line without its newline */
	assert_int_equal(read_text("[a]\nk = 12345\n", 9, &c), KGX_OK);
	assert_int_equal(read_text("[a]\nk = 123456\n", 9, &c), KGX_ERR_SYNTAX);
	assert_int_equal(c.n, 1);
	/* also in a comment and on the last line */
	assert_int_equal(read_text("[a]\n# 234567890\n", 9, &c), KGX_ERR_SYNTAX);
	assert_int_equal(read_text("[a]\nk = 123456", 9, &c), KGX_ERR_SYNTAX);
}

static void test_nul_byte(void **state)
{
	(void)state;
	collector c;
	memset(&c, 0, sizeof c);
	static const char text[] = "[a]\nk = v\0w\n";
	assert_int_equal(kgx_stanza_read("t.rules", text, sizeof text - 1, 100, collect, &c),
	                 KGX_ERR_SYNTAX);
}

static void test_callback_stops(void **state)
{
	(void)state;
	collector c;
	memset(&c, 0, sizeof c);
	c.stop_after = 2;
	static const char text[] = "[a]\nk = v\n[b]\nl = w\n";
	assert_int_equal(kgx_stanza_read("t.rules", text, strlen(text), 100, collect, &c), KGX_ERR_RULE);
	assert_int_equal(c.n, 2);
}

static void test_read_file(void **state)
{
	(void)state;
	collector c;
	memset(&c, 0, sizeof c);
	assert_int_equal(kgx_stanza_read_file("/nonexistent/kgx-test.rules", 100, collect, &c), KGX_ERR_IO);
	assert_int_equal(c.n, 0);
}

/* A UTF-8 byte order mark is skipped; CR alone ends a line, as LF and CR LF do. */
static void test_bom_and_cr_line_ends(void **state)
{
	(void)state;
	collector c;
	assert_int_equal(read_text("\xEF\xBB\xBF[a]\rkind = entity\rpattern = x\r  y\r\r[b]\r\nk = v\n", 100, &c),
	                 KGX_OK);
	assert_int_equal(c.n, 5);
	assert_line(&c, 0, "", "a", 1);
	assert_line(&c, 1, "kind", "entity", 2);
	assert_line(&c, 2, "pattern", "xy", 3);
	assert_line(&c, 3, "", "b", 6);
	assert_line(&c, 4, "k", "v", 7);
	/* and the header's column counts from after the mark */
	assert_int_equal(c.lines[0].col, 2);
}

/* Rule and knowledge files must be regular files of bounded size: a FIFO
 * (which would block), a device (/dev/zero, which never ends) or a directory
 * is refused at once, naming it. */
static void test_slurp_refuses_special_files(void **state)
{
	(void)state;
	kgx_buf b = {0};
	char dir[] = "/tmp/kgx-stanza-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char fifo[64], file[64];
	snprintf(fifo, sizeof fifo, "%s/f.rules", dir);
	snprintf(file, sizeof file, "%s/r.rules", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(kgx_stanza_slurp(&b, fifo), KGX_ERR_IO);
	assert_int_equal(kgx_stanza_slurp(&b, "/dev/zero"), KGX_ERR_IO);
	assert_int_equal(kgx_stanza_slurp(&b, dir), KGX_ERR_IO);
	assert_int_equal(kgx_stanza_slurp(&b, "/nonexistent/kgx.rules"), KGX_ERR_IO);
	FILE *f = fopen(file, "w");
	assert_non_null(f);
	fputs("[a]\nk = v\n", f);
	fclose(f);
	assert_int_equal(kgx_stanza_slurp(&b, file), KGX_OK);
	assert_string_equal(b.s, "[a]\nk = v\n");
	/* one byte over the cap */
	assert_int_equal(truncate(file, (off_t)KGX_STANZA_MAX_FILE + 1), 0);
	assert_int_equal(kgx_stanza_slurp(&b, file), KGX_ERR_IO);
	unlink(file);
	unlink(fifo);
	rmdir(dir);
	kgx_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_good_crlf_no_final_newline),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_missing_equals),
		cmocka_unit_test(test_key_outside_stanza),
		cmocka_unit_test(test_malformed_header),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_callback_stops),
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_bom_and_cr_line_ends),
		cmocka_unit_test(test_slurp_refuses_special_files),
	};
	return cmocka_run_group_tests(tests, quiet, NULL);
}
