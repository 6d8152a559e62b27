/* kgx_walk: the directory walk and the choice of inputs. */
#include "walk.h"
#include "read.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	char *pattern;  /* without a leading or a trailing "/" */
	int exclude, dir_only, anchored;
} glob_rule;

struct kgx_walk {
	glob_rule *globs;
	size_t n_globs, n_include;
	struct {
		dev_t dev;
		ino_t ino;
	} skip[8], stack[256];  /* stack: directories on the current path */
	size_t n_skip, depth;
	const char *top;  /* the command-line path being walked */
	int skipped;
	kgx_walk_found found;
	void *ctx;
	int stopped;
};

kgx_walk *kgx_walk_new(void)
{
	return calloc(1, sizeof(kgx_walk));
}

void kgx_walk_free(kgx_walk *w)
{
	if (!w)
		return;
	for (size_t i = 0; i < w->n_globs; i++)
		free(w->globs[i].pattern);
	free(w->globs);
	free(w);
}

kgx_status kgx_walk_glob(kgx_walk *w, const char *glob, int exclude)
{
	glob_rule g = {0};
	g.exclude = exclude;
	if (*glob == '/') {
		g.anchored = 1;
		glob++;
	}
	size_t len = strlen(glob);
	if (len && glob[len - 1] == '/') {
		g.dir_only = 1;
		len--;
	}
	if (!len)
		return KGX_ERR_USAGE;
	glob_rule *ng = realloc(w->globs, (w->n_globs + 1) * sizeof *ng);
	if (!ng)
		return KGX_ERR_NOMEM;
	w->globs = ng;
	if (!(g.pattern = strndup(glob, len)))
		return KGX_ERR_NOMEM;
	g.anchored |= strchr(g.pattern, '/') != NULL;
	w->globs[w->n_globs++] = g;
	w->n_include += !g.exclude;
	return KGX_OK;
}

kgx_status kgx_walk_skip(kgx_walk *w, dev_t dev, ino_t ino)
{
	if (w->n_skip == sizeof w->skip / sizeof w->skip[0])
		return KGX_ERR_LIMIT;
	w->skip[w->n_skip].dev = dev;
	w->skip[w->n_skip].ino = ino;
	w->n_skip++;
	return KGX_OK;
}

/* Whether the '/'-separated pattern matches the '/'-separated path, one
 * component at a time with fnmatch, "**" standing for any number of
 * components. */
static int match_parts(const char *pat, const char *path)
{
	if (pat[0] == '*' && pat[1] == '*' && (pat[2] == '/' || !pat[2])) {
		if (!pat[2])
			return 1;
		for (const char *p = path;; p++) {
			if (match_parts(pat + 3, p))
				return 1;
			if (!(p = strchr(p, '/')))
				return 0;
		}
	}
	const char *pe = strchr(pat, '/'), *se = strchr(path, '/');
	size_t pl = pe ? (size_t)(pe - pat) : strlen(pat), sl = se ? (size_t)(se - path) : strlen(path);
	char pc[1024], sc[1024];
	if (pl >= sizeof pc || sl >= sizeof sc)
		return 0;
	memcpy(pc, pat, pl);
	pc[pl] = '\0';
	memcpy(sc, path, sl);
	sc[sl] = '\0';
	if (fnmatch(pc, sc, 0))
		return 0;
	if (!pe)
		return !se;
	return se && match_parts(pe + 1, se + 1);
}

/* Whether to take (1) or leave out (0) what is at rel, the path below the
 * command-line directory. */
static int chosen(const kgx_walk *w, const char *rel, int is_dir)
{
	const char *name = strrchr(rel, '/');
	name = name ? name + 1 : rel;
	for (size_t i = w->n_globs; i-- > 0;) {
		const glob_rule *g = &w->globs[i];
		if (g->dir_only && !is_dir)
			continue;
		if (!match_parts(g->pattern, g->anchored ? rel : name))
			continue;
		if (g->exclude)
			return 0;
		if (!is_dir)
			return 1;
	}
	/* a directory is entered unless left out; a file is taken unless
	 * only some files are wanted */
	return is_dir || !w->n_include;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(kgx_walk *w, const char *path, int top);

static void walk_dir(kgx_walk *w, const char *path, const struct stat *sb)
{
	kgx_loc loc = {path, 0, 0};
	for (size_t i = 0; i < w->depth; i++)
		if (w->stack[i].dev == sb->st_dev && w->stack[i].ino == sb->st_ino) {
			kgx_diag(&loc, "skipped: directory loop (a link back to a directory above it)");
			w->skipped = 1;
			return;
		}
	if (w->depth == sizeof w->stack / sizeof w->stack[0]) {
		kgx_diag(&loc, "skipped: directories nested too deeply");
		w->skipped = 1;
		return;
	}
	DIR *d = opendir(path);
	if (!d) {
		kgx_diag(&loc, "cannot open directory: %s", strerror(errno));
		w->skipped = 1;
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;  /* hidden files and . .. */
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **nn = realloc(names, cap * sizeof *nn);
			if (!nn)
				break;
			names = nn;
		}
		if (!(names[n] = strdup(de->d_name)))
			break;
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_names);
	w->stack[w->depth].dev = sb->st_dev;
	w->stack[w->depth].ino = sb->st_ino;
	w->depth++;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(path) + strlen(names[i]) + 2;
		char *child = malloc(len);
		if (child && !w->stopped) {
			snprintf(child, len, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
			walk(w, child, 0);
		}
		free(child);
		free(names[i]);
	}
	w->depth--;
	free(names);
}

static void walk(kgx_walk *w, const char *path, int top)
{
	kgx_loc loc = {path, 0, 0};
	if (top && !strcmp(path, "-")) {
		w->stopped = w->found(w->ctx, path, NULL, 1) != 0;
		return;
	}
	struct stat sb;
	if (stat(path, &sb)) {
		kgx_diag(&loc, errno == ENOENT && !lstat(path, &sb) ? "skipped: dangling symbolic link"
		                                                      : "cannot open: %s", strerror(errno));
		w->skipped = 1;
		return;
	}
	const char *rel = top ? "" : path + strlen(w->top) + (w->top[strlen(w->top) - 1] != '/');
	if (!top && !chosen(w, rel, S_ISDIR(sb.st_mode)))
		return;
	if (S_ISDIR(sb.st_mode)) {
		walk_dir(w, path, &sb);
	} else if (S_ISREG(sb.st_mode) || (top && (S_ISFIFO(sb.st_mode) || S_ISCHR(sb.st_mode)))) {
		/* a pipe or device only when named explicitly */
		for (size_t i = 0; !top && i < w->n_skip; i++)
			if (w->skip[i].dev == sb.st_dev && w->skip[i].ino == sb.st_ino)
				return;  /* kgx's own output */
		w->stopped = w->found(w->ctx, path, &sb, top) != 0;
	} else {
		kgx_diag(&loc, "skipped: not a regular file");
		w->skipped = 1;
	}
}

int kgx_walk_path(kgx_walk *w, const char *path, kgx_walk_found found, void *ctx)
{
	w->top = path;
	w->found = found;
	w->ctx = ctx;
	w->skipped = 0;
	w->stopped = 0;
	w->depth = 0;
	walk(w, path, 1);
	return w->stopped ? -1 : w->skipped;
}

const char *kgx_walk_unreadable(const char *data, size_t len)
{
	const char *what = kgx_read_unsupported(data, len);
	if (what)
		return what;
	/* a NUL byte means binary data only in what no reader claims (a PDF
	 * has them); UTF-16 with a byte order mark is text */
	const unsigned char *u = (const unsigned char *)data;
	if (kgx_read_detect(data, len) != KGX_READ_TEXT ||
	    (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))))
		return NULL;
	return memchr(data, '\0', len) ? "binary data" : NULL;
}
