/* Status messages, class and predicate names, diagnostics. */
#include "common.h"
#include "utf8.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static int diag_quiet;

const char *kgx_strerror(kgx_status st)
{
	switch (st) {
	case KGX_OK: return "success";
	case KGX_ERR_IO: return "input/output error";
	case KGX_ERR_NOMEM: return "out of memory";
	case KGX_ERR_SYNTAX: return "syntax error";
	case KGX_ERR_RULE: return "invalid rule";
	case KGX_ERR_INPUT: return "input rejected";
	case KGX_ERR_LIMIT: return "limit exceeded";
	case KGX_ERR_OUTPUT: return "output error";
	case KGX_ERR_USAGE: return "usage error";
	}
	return "unknown error";
}

/* Order is the order of the bits, and also the scorer's order of
 * specificity: Minister before Person. */
static const char *const class_names[KGX_NCLASSES] = {
	"UNBody", "Mission", "Fund", "Minister", "Person",
	"Organisation", "GovernmentBody", "Country", "Event", "Document",
};

const char *kgx_class_name(int i)
{
	return (i >= 0 && i < KGX_NCLASSES) ? class_names[i] : "?";
}

unsigned kgx_class_parse(const char *name, size_t len)
{
	for (int i = 0; i < KGX_NCLASSES; i++)
		if (strlen(class_names[i]) == len && !memcmp(class_names[i], name, len))
			return 1u << i;
	return 0;
}

unsigned kgx_class_closure(unsigned classes)
{
	if (classes & KGX_C_MINISTER)
		classes |= KGX_C_PERSON;
	return classes;
}

int kgx_class_primary(unsigned classes)
{
	for (int i = 0; i < KGX_NCLASSES; i++)
		if (classes & (1u << i))
			return i;
	return -1;
}

static const char *const predicate_names[KGX_NPREDICATES] = {
	"funds", "chairs", "supports", "memberOf", "partOf",
	"hosts", "participatesIn", "ministerOf", "signedBy", "locatedIn",
};

const char *kgx_predicate_name(int p)
{
	return (p >= 0 && p < KGX_NPREDICATES) ? predicate_names[p] : "?";
}

int kgx_predicate_parse(const char *name, size_t len)
{
	for (int i = 0; i < KGX_NPREDICATES; i++)
		if (strlen(predicate_names[i]) == len && !memcmp(predicate_names[i], name, len))
			return i;
	return -1;
}

void kgx_diag_quiet(int quiet)
{
	diag_quiet = quiet;
}

void kgx_diag(const kgx_loc *loc, const char *fmt, ...)
{
	if (diag_quiet > 1)
		return;
	va_list ap;
	/* One fprintf per message keeps lines whole when threads report. */
	char msg[1024];
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (diag_quiet == 1 && (!strncmp(msg, "warning", 7) || !strncmp(msg, "note", 4)))
		return;
	/* a file name or a quoted text with control characters must not
	 * drive the terminal, nor a line break forge a message of kgx's own */
	char file[4 * 512 + 1], text[4 * sizeof msg + 1];
	kgx_escape(text, msg, strlen(msg), 0);
	if (loc && loc->file) {
		size_t n = strlen(loc->file);
		kgx_escape(file, loc->file, n < 512 ? n : 512, 0);
	}
	if (loc && loc->file && loc->line)
		fprintf(stderr, "kgx: %s:%u:%u: %s\n", file, loc->line, loc->col, text);
	else if (loc && loc->file)
		fprintf(stderr, "kgx: %s: %s\n", file, text);
	else
		fprintf(stderr, "kgx: %s\n", text);
}

size_t kgx_escape(char *out, const char *s, size_t len, int keep_lines)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		int32_t cp = 0;
		size_t avail = len - i < 4 ? len - i : 4;
		int n = kgx_utf8_valid_prefix(s + i, avail) ? kgx_utf8_decode(s + i, avail, &cp) : 0;
		unsigned char c = (unsigned char)s[i];
		if (n <= 0) {
			/* not UTF-8: the byte in hex (0x9B alone is CSI to some terminals) */
			out[o++] = '\\', out[o++] = 'x', out[o++] = hex[c >> 4], out[o++] = hex[c & 15];
			i++;
		} else if ((cp < 0x20 && !(keep_lines && (cp == '\n' || cp == '\t'))) || cp == 0x7F) {
			out[o++] = '\\';
			if (cp == '\n' || cp == '\t' || cp == '\r')
				out[o++] = cp == '\n' ? 'n' : cp == '\t' ? 't' : 'r';
			else
				out[o++] = 'x', out[o++] = hex[c >> 4], out[o++] = hex[c & 15];
			i++;
		} else if (cp >= 0x80 && cp <= 0x9F) {
			memcpy(out + o, "\\u00", 4);
			o += 4;
			out[o++] = hex[cp >> 4], out[o++] = hex[cp & 15];
			i += (size_t)n;
		} else {
			memcpy(out + o, s + i, (size_t)n);
			o += (size_t)n;
			i += (size_t)n;
		}
	}
	out[o] = '\0';
	return o;
}

size_t kgx_iri_bad(const char *s)
{
	size_t i = 0;
	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return 0;
	while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
	       s[i] == '+' || s[i] == '-' || s[i] == '.')
		i++;
	if (s[i] != ':')
		return 0;  /* no scheme: the IRI is wrong from its start */
	/* bytes above 0x7F are fine inside valid UTF-8, which ends at valid,
	 * except noncharacters (RFC 3987's ucschar leaves them out) */
	size_t valid = kgx_utf8_valid_prefix(s, strlen(s));
	int fragment = 0;
	for (; i < valid; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= 0x20 || c == 0x7F || strchr("<>\"{}|^`\\", c))
			return i;
		if (c == '%' && !(isxdigit((unsigned char)s[i + 1]) && isxdigit((unsigned char)s[i + 2])))
			return i;  /* a percent sign starts an escape */
		if (c == '#' && fragment++)
			return i;  /* a fragment has no '#' */
		if (c >= 0xC0) {
			int32_t cp;
			kgx_utf8_decode(s + i, valid - i, &cp);
			if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
				return i;
		}
	}
	return valid;
}

int kgx_ends_with(const char *text, size_t at, const char *word)
{
	size_t n = strlen(word);
	return at >= n && !strncasecmp(text + at - n, word, n);
}
