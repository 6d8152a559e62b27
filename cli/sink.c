/* kgx_sink: output streams and the atomic -o file. */
#include "sink.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temporary file, for the signal handler: a fixed buffer, since the
 * handler may neither allocate nor follow a pointer that is being freed. */
static char sig_tmp[PATH_MAX + 32];
static volatile sig_atomic_t sig_have_tmp;

static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};

static void on_signal(int sig)
{
	if (sig_have_tmp)
		unlink(sig_tmp);
	/* die of the signal, so that the caller sees how kgx ended */
	signal(sig, SIG_DFL);
	raise(sig);
}

/* A signal ignored when kgx started (nohup, a shell's background job) stays
 * ignored. */
static void catch_signals(void)
{
	static int done;
	if (done)
		return;
	done = 1;
	for (size_t i = 0; i < sizeof cleanup_signals / sizeof cleanup_signals[0]; i++) {
		struct sigaction old, sa;
		if (sigaction(cleanup_signals[i], NULL, &old) || old.sa_handler == SIG_IGN)
			continue;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(cleanup_signals[i], &sa, NULL);
	}
}

/* Block the cleanup signals while the temporary file comes and goes, so
 * that the handler never sees it half registered. */
static void block_signals(sigset_t *old)
{
	sigset_t set;
	sigemptyset(&set);
	for (size_t i = 0; i < sizeof cleanup_signals / sizeof cleanup_signals[0]; i++)
		sigaddset(&set, cleanup_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

static void fail(kgx_sink *s, int err)
{
	if (!s->err)
		s->err = err ? err : -1;
}

static void report(const kgx_sink *s)
{
	const char *why = s->err > 0 ? strerror(s->err) : "write error";
	if (s->std) {
		kgx_diag(NULL, "cannot write %s: %s", s->name, why);
	} else {
		kgx_loc loc = {s->name, 0, 0};
		kgx_diag(&loc, "cannot write: %s", why);
	}
}

static void add_id(kgx_sink *s, const struct stat *sb)
{
	if (s->n_ids < 2) {
		s->ids[s->n_ids].dev = sb->st_dev;
		s->ids[s->n_ids].ino = sb->st_ino;
		s->n_ids++;
	}
}

void kgx_sink_std(kgx_sink *s, FILE *f, const char *name)
{
	memset(s, 0, sizeof *s);
	s->f = f;
	s->name = name;
	s->std = 1;
	struct stat sb;
	if (!fstat(fileno(f), &sb) && S_ISREG(sb.st_mode))
		add_id(s, &sb);  /* kgx dir/ >dir/out.ttl */
}

/* path with symbolic links followed to the file they end at, which need
 * not exist; NULL (errno set) for a loop or no memory. */
static char *follow_links(const char *path)
{
	char *p = strdup(path);
	for (int hops = 0; p && hops < 40; hops++) {
		struct stat sb;
		char link[PATH_MAX];
		ssize_t n;
		if (lstat(p, &sb) || !S_ISLNK(sb.st_mode) || (n = readlink(p, link, sizeof link - 1)) < 0)
			return p;
		link[n] = '\0';
		const char *slash = strrchr(p, '/');
		size_t dir = link[0] == '/' || !slash ? 0 : (size_t)(slash - p) + 1;
		char *next = malloc(dir + (size_t)n + 1);
		if (next) {
			memcpy(next, p, dir);
			memcpy(next + dir, link, (size_t)n + 1);
		}
		free(p);
		p = next;
	}
	if (p)
		errno = ELOOP;
	free(p);
	return NULL;
}

kgx_status kgx_sink_replace(kgx_sink *s, const char *path)
{
	memset(s, 0, sizeof *s);
	s->name = path;
	struct stat sb;
	int exists = !stat(path, &sb);
	if (exists && S_ISDIR(sb.st_mode)) {
		fail(s, EISDIR);
	} else if (exists && !S_ISREG(sb.st_mode)) {
		/* a device or a FIFO: written through, as sort -o does */
		int fd = open(path, O_WRONLY | O_CLOEXEC);
		if (fd < 0 || !(s->f = fdopen(fd, "wb"))) {
			fail(s, errno);
			if (fd >= 0)
				close(fd);
		} else {
			add_id(s, &sb);
		}
	} else if (!(s->target = follow_links(path))) {
		fail(s, errno);
	} else if (!(s->tmp = malloc(strlen(s->target) + 16))) {
		fail(s, ENOMEM);
	} else {
		sprintf(s->tmp, "%s.kgx-XXXXXX", s->target);
		catch_signals();
		sigset_t old;
		block_signals(&old);
		int fd = mkstemp(s->tmp);
		if (fd >= 0 && strlen(s->tmp) < sizeof sig_tmp) {
			memcpy(sig_tmp, s->tmp, strlen(s->tmp) + 1);
			sig_have_tmp = 1;
		}
		sigprocmask(SIG_SETMASK, &old, NULL);
		if (fd < 0) {
			fail(s, errno);
			free(s->tmp);
			s->tmp = NULL;
		} else {
			if (exists) {
				/* the file stays what it was, but for its contents; owner
				 * and group only where allowed (root, or one's own group) */
				if (fchown(fd, sb.st_uid, sb.st_gid))
					(void)!fchown(fd, (uid_t)-1, sb.st_gid);
				fchmod(fd, sb.st_mode & 01777);
				add_id(s, &sb);
			} else {
				/* mkstemp makes 0600; a new file gets the usual mode */
				mode_t um = umask(0);
				umask(um);
				fchmod(fd, 0666 & ~um);
			}
			struct stat tsb;
			if (!fstat(fd, &tsb))
				add_id(s, &tsb);
			if (!(s->f = fdopen(fd, "wb"))) {
				fail(s, errno);
				close(fd);
			}
		}
	}
	if (!s->err)
		return KGX_OK;
	report(s);
	kgx_sink_close(s, 0);
	return KGX_ERR_OUTPUT;
}

kgx_status kgx_sink_direct(kgx_sink *s, const char *path)
{
	memset(s, 0, sizeof *s);
	s->name = path;
	s->f = fopen(path, "wb");
	struct stat sb;
	if (s->f && !fstat(fileno(s->f), &sb))
		add_id(s, &sb);
	if (s->f)
		return KGX_OK;
	fail(s, errno);
	report(s);
	return KGX_ERR_OUTPUT;
}

void kgx_sink_write(kgx_sink *s, const void *data, size_t len)
{
	if (s->err || !s->f || !len)
		return;
	errno = 0;
	if (fwrite(data, 1, len, s->f) != len)
		fail(s, errno);
}

int kgx_sink_failed(const kgx_sink *s)
{
	return s->err != 0;
}

int kgx_sink_owns(const kgx_sink *s, dev_t dev, ino_t ino)
{
	for (int i = 0; i < s->n_ids; i++)
		if (s->ids[i].dev == dev && s->ids[i].ino == ino)
			return 1;
	return 0;
}

kgx_status kgx_sink_close(kgx_sink *s, int commit)
{
	int reported = s->err != 0 && !s->f;  /* reported when opening */
	if (s->f) {
		errno = 0;
		if (fflush(s->f) || ferror(s->f))
			fail(s, errno);
		if (!s->std && fclose(s->f))
			fail(s, errno);
		s->f = NULL;
	}
	if (s->tmp) {
		sigset_t old;
		block_signals(&old);
		if (commit && !s->err && rename(s->tmp, s->target))
			fail(s, errno);
		if (!commit || s->err)
			unlink(s->tmp);
		sig_have_tmp = 0;
		sigprocmask(SIG_SETMASK, &old, NULL);
	}
	free(s->tmp);
	free(s->target);
	s->tmp = s->target = NULL;
	if (!s->err)
		return KGX_OK;
	if (!reported)
		report(s);
	return KGX_ERR_OUTPUT;
}
