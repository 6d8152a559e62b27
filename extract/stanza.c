/* Reader for the stanza format shared by knowledge and pattern files. */
#include "stanza.h"
#include "arena.h"
#include "utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static int is_key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

static int is_id_char(char c)
{
	return is_key_char(c) || c == '@';
}

/* A pending key line, held back until its continuation lines are known. */
typedef struct {
	kgx_stanza_line line;
	kgx_buf value;
	int active;
} pending;

static kgx_status flush(pending *p, kgx_stanza_fn fn, void *ctx)
{
	if (!p->active)
		return KGX_OK;
	p->active = 0;
	p->line.value = p->value.s ? p->value.s : "";
	p->line.value_len = p->value.len;
	kgx_status st = fn(ctx, &p->line);
	p->value.len = 0;
	if (p->value.s)
		p->value.s[0] = '\0';
	return st;
}

kgx_status kgx_stanza_read(const char *name, const char *text, size_t len,
                           size_t max_line, kgx_stanza_fn fn, void *ctx)
{
	pending p = {0};
	kgx_status st = KGX_OK;
	unsigned lineno = 0;
	size_t pos = 0;
	int in_stanza = 0;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		pos = 3;  /* a byte order mark, as editors on Windows write */
	while (pos < len && st == KGX_OK) {
		const char *line = text + pos;
		size_t n = 0;
		while (pos + n < len && line[n] != '\n' && line[n] != '\r')
			n++;
		pos += n;
		if (pos < len)  /* LF, CR LF, or CR alone (classic Mac OS) */
			pos += text[pos] == '\r' && pos + 1 < len && text[pos + 1] == '\n' ? 2 : 1;
		lineno++;
		kgx_loc loc = {name, lineno, 1};
		if (n > max_line) {
			loc.col = (unsigned)max_line + 1;
			kgx_diag(&loc, "line longer than %zu bytes", max_line);
			st = KGX_ERR_SYNTAX;
			break;
		}
		if (memchr(line, '\0', n)) {
			kgx_diag(&loc, "NUL byte in rule file");
			st = KGX_ERR_SYNTAX;
			break;
		}
		size_t valid = kgx_utf8_valid_prefix(line, n);
		if (valid < n) {
			loc.col = (unsigned)valid + 1;
			kgx_diag(&loc, "invalid UTF-8 in rule file");
			st = KGX_ERR_SYNTAX;
			break;
		}
		while (n && is_space(line[n - 1]))
			n--;
		size_t i = 0;
		while (i < n && is_space(line[i]))
			i++;
		if (i == n || line[i] == '#')
			continue;  /* blank or comment: keeps a pending value open */
		if (i > 0) {
			if (!p.active) {
				loc.col = (unsigned)i + 1;
				kgx_diag(&loc, "continuation line without a key line before it");
				st = KGX_ERR_SYNTAX;
				break;
			}
			if (kgx_buf_add(&p.value, line + i, n - i)) {
				st = KGX_ERR_NOMEM;
				break;
			}
			continue;
		}
		if ((st = flush(&p, fn, ctx)) != KGX_OK)
			break;
		if (line[0] == '[') {
			size_t j = 1;
			while (j < n && is_id_char(line[j]))
				j++;
			if (j == 1 || j >= n || line[j] != ']' || j + 1 != n) {
				loc.col = (unsigned)(j < n ? j + 1 : n + 1);
				kgx_diag(&loc, "malformed stanza header: expected '[id]' with an id of letters, digits, '-', '_', '.' or '@'");
				st = KGX_ERR_SYNTAX;
				break;
			}
			kgx_stanza_line h = {0};
			h.value = line + 1;
			h.value_len = j - 1;
			h.loc = loc;
			h.loc.col = 2;
			st = fn(ctx, &h);
			in_stanza = 1;
			continue;
		}
		size_t k = 0;
		while (k < n && is_key_char(line[k]))
			k++;
		size_t e = k;
		while (e < n && is_space(line[e]))
			e++;
		if (k == 0 || e >= n || line[e] != '=') {
			loc.col = (unsigned)(k == 0 ? 1 : e + 1);
			kgx_diag(&loc, k == 0 ? "expected '[id]' or 'key = value'"
			                       : "expected '=' after the key");
			st = KGX_ERR_SYNTAX;
			break;
		}
		if (!in_stanza) {
			kgx_diag(&loc, "key outside a stanza: start one with '[id]'");
			st = KGX_ERR_SYNTAX;
			break;
		}
		e++;
		while (e < n && is_space(line[e]))
			e++;
		p.active = 1;
		p.line.key = line;
		p.line.key_len = k;
		p.line.loc = loc;
		p.line.value_col = (unsigned)e + 1;
		if (kgx_buf_add(&p.value, line + e, n - e))
			st = KGX_ERR_NOMEM;
	}
	if (st == KGX_OK)
		st = flush(&p, fn, ctx);
	kgx_buf_free(&p.value);
	return st;
}

kgx_status kgx_stanza_slurp(kgx_buf *b, const char *path)
{
	kgx_loc loc = {path, 0, 0};
	/* O_NONBLOCK: opening a FIFO must not wait for a writer */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		kgx_diag(&loc, "cannot read: %s", strerror(errno));
		return KGX_ERR_IO;
	}
	struct stat sb;
	kgx_status st = KGX_OK;
	if (fstat(fd, &sb)) {
		kgx_diag(&loc, "cannot read: %s", strerror(errno));
		st = KGX_ERR_IO;
	} else if (!S_ISREG(sb.st_mode)) {
		kgx_diag(&loc, "not a regular file (%s): rule and knowledge files must be",
		         S_ISDIR(sb.st_mode) ? "a directory" : S_ISFIFO(sb.st_mode) ? "a FIFO"
		         : S_ISCHR(sb.st_mode) || S_ISBLK(sb.st_mode) ? "a device" : "a socket or other");
		st = KGX_ERR_IO;
	} else if ((uintmax_t)sb.st_size > KGX_STANZA_MAX_FILE) {
		kgx_diag(&loc, "larger than %u MiB: not a rule or knowledge file", KGX_STANZA_MAX_FILE >> 20);
		st = KGX_ERR_IO;
	}
	b->len = 0;
	if (st == KGX_OK && kgx_buf_add(b, "", 0))
		st = KGX_ERR_NOMEM;
	char chunk[65536];
	while (st == KGX_OK) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			kgx_diag(&loc, "cannot read: %s", strerror(errno));
			st = KGX_ERR_IO;
		} else if (n == 0) {
			break;
		} else if (b->len + (size_t)n > KGX_STANZA_MAX_FILE) {
			kgx_diag(&loc, "larger than %u MiB: not a rule or knowledge file", KGX_STANZA_MAX_FILE >> 20);
			st = KGX_ERR_IO;  /* it grew while being read */
		} else if (kgx_buf_add(b, chunk, (size_t)n)) {
			st = KGX_ERR_NOMEM;
		}
	}
	close(fd);
	return st;
}

kgx_status kgx_stanza_read_file(const char *path, size_t max_line,
                                kgx_stanza_fn fn, void *ctx)
{
	kgx_buf b = {0};
	kgx_status st = kgx_stanza_slurp(&b, path);
	if (st == KGX_OK)
		st = kgx_stanza_read(path, b.s, b.len, max_line, fn, ctx);
	kgx_buf_free(&b);
	return st;
}
