/* kgx_walk: the directory walk, --glob and --exclude, kgx's own files, and
 * the formats a walk leaves out. */
#include "kgx_test.h"
#include "walk.h"

#include <sys/stat.h>
#include <unistd.h>

static char root[64];

static void touch(const char *rel)
{
	char p[256];
	snprintf(p, sizeof p, "%s/%s", root, rel);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs("tekst\n", f);
	fclose(f);
}

static int setup(void **state)
{
	(void)state;
	snprintf(root, sizeof root, "/tmp/kgx-test-walk.XXXXXX");
	if (!mkdtemp(root))
		return -1;
	char p[256];
	const char *dirs[] = {"sub", "sub/deep", "drafts", ".git"};
	for (size_t i = 0; i < 4; i++) {
		snprintf(p, sizeof p, "%s/%s", root, dirs[i]);
		mkdir(p, 0755);
	}
	const char *files[] = {"a.txt", "b.md", "sub/c.txt", "sub/deep/d.txt", "drafts/e.txt", ".hidden.txt",
	                       ".git/f.txt"};
	for (size_t i = 0; i < 7; i++)
		touch(files[i]);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd) ? -1 : 0;
}

/* The paths found, below root, separated by spaces. */
typedef struct {
	char list[1024];
} seen;

static int collect(void *ctx, const char *path, const struct stat *sb, int named)
{
	seen *s = ctx;
	assert_non_null(sb);
	(void)named;
	const char *rel = path + strlen(root) + 1;
	strcat(s->list, rel);
	strcat(s->list, " ");
	return 0;
}

/* Walk root with the globs ("!x" excludes) and compare what was found. */
static void expect(const char *const *globs, size_t n, const char *want)
{
	kgx_walk *w = kgx_walk_new();
	assert_non_null(w);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(kgx_walk_glob(w, globs[i][0] == '!' ? globs[i] + 1 : globs[i], globs[i][0] == '!'),
		                 KGX_OK);
	seen s = {{0}};
	assert_int_equal(kgx_walk_path(w, root, collect, &s), 0);
	assert_string_equal(s.list, want);
	kgx_walk_free(w);
}

static void test_sorted_without_hidden(void **state)
{
	(void)state;
	expect(NULL, 0, "a.txt b.md drafts/e.txt sub/c.txt sub/deep/d.txt ");
}

static void test_globs(void **state)
{
	(void)state;
	const char *txt[] = {"*.txt"};
	expect(txt, 1, "a.txt drafts/e.txt sub/c.txt sub/deep/d.txt ");
	const char *excl[] = {"*.txt", "!drafts"};
	expect(excl, 2, "a.txt sub/c.txt sub/deep/d.txt ");
	const char *dir_only[] = {"!sub/"};
	expect(dir_only, 1, "a.txt b.md drafts/e.txt ");
	const char *file_not_dir[] = {"!c.txt/"};  /* a trailing slash: directories only */
	expect(file_not_dir, 1, "a.txt b.md drafts/e.txt sub/c.txt sub/deep/d.txt ");
	const char *path[] = {"sub/*.txt"};  /* '*' does not cross '/' */
	expect(path, 1, "sub/c.txt ");
	const char *globstar[] = {"sub/**/*.txt"};
	expect(globstar, 1, "sub/c.txt sub/deep/d.txt ");
	const char *lead[] = {"**/d.txt"};
	expect(lead, 1, "sub/deep/d.txt ");
	const char *anchored[] = {"/a.txt", "/c.txt"};  /* anchored: no c.txt at the top */
	expect(anchored, 2, "a.txt ");
	const char *last[] = {"*.txt", "!c.txt", "c.*"};  /* the last match decides */
	expect(last, 3, "a.txt drafts/e.txt sub/c.txt sub/deep/d.txt ");
	kgx_walk *w = kgx_walk_new();
	assert_int_equal(kgx_walk_glob(w, "", 0), KGX_ERR_USAGE);
	assert_int_equal(kgx_walk_glob(w, "/", 1), KGX_ERR_USAGE);
	kgx_walk_free(w);
}

static void test_named_file_ignores_globs(void **state)
{
	(void)state;
	kgx_walk *w = kgx_walk_new();
	kgx_walk_glob(w, "*.txt", 0);
	char p[256];
	snprintf(p, sizeof p, "%s/b.md", root);
	seen s = {{0}};
	assert_int_equal(kgx_walk_path(w, p, collect, &s), 0);
	assert_string_equal(s.list, "b.md ");
	kgx_walk_free(w);
}

static void test_skip_own_files(void **state)
{
	(void)state;
	char p[256];
	struct stat sb;
	snprintf(p, sizeof p, "%s/sub/c.txt", root);
	assert_int_equal(stat(p, &sb), 0);
	kgx_walk *w = kgx_walk_new();
	assert_int_equal(kgx_walk_skip(w, sb.st_dev, sb.st_ino), KGX_OK);
	seen s = {{0}};
	kgx_walk_path(w, root, collect, &s);
	assert_string_equal(s.list, "a.txt b.md drafts/e.txt sub/deep/d.txt ");
	kgx_walk_free(w);
}

static void test_missing(void **state)
{
	(void)state;
	kgx_diag_quiet(2);
	kgx_walk *w = kgx_walk_new();
	seen s = {{0}};
	assert_int_equal(kgx_walk_path(w, "/nonexistent/kgx-test", collect, &s), 1);
	assert_string_equal(s.list, "");
	kgx_walk_free(w);
	kgx_diag_quiet(0);
}

static void test_unreadable(void **state)
{
	(void)state;
	assert_null(kgx_walk_unreadable("Een brief.\n", 11));
	assert_null(kgx_walk_unreadable("", 0));
	assert_null(kgx_walk_unreadable("\xFF\xFEN\0L\0", 6));  /* UTF-16 with a BOM */
	assert_string_equal(kgx_walk_unreadable("tekst\0meer", 10), "binary data");
	assert_string_equal(kgx_walk_unreadable("\x89PNG\r\n\x1a\n", 8), "PNG image");
	assert_string_equal(kgx_walk_unreadable("GIF89a", 6), "GIF image");
	assert_non_null(kgx_walk_unreadable("PK\x03\x04", 4));  /* the name depends on the readers present */
	assert_non_null(kgx_walk_unreadable("\x1F\x8B\x08", 3));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sorted_without_hidden),
		cmocka_unit_test(test_globs),
		cmocka_unit_test(test_named_file_ignores_globs),
		cmocka_unit_test(test_skip_own_files),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_unreadable),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
