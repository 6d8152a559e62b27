/* Status messages, class and predicate names, diagnostics. */
#include "common.h"
#include "utf8.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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
	if (loc && loc->file && loc->line)
		fprintf(stderr, "kgx: %s:%u:%u: %s\n", loc->file, loc->line, loc->col, msg);
	else if (loc && loc->file)
		fprintf(stderr, "kgx: %s: %s\n", loc->file, msg);
	else
		fprintf(stderr, "kgx: %s\n", msg);
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
