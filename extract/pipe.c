/* The pass table and the utf8 pass. */
#include "pipe.h"
#include "ent.h"
#include "meta.h"
#include "norm.h"
#include "office.h"
#include "read.h"
#include "rel.h"
#include "utf8.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

static kgx_status normalise(kgx_doc *doc, const kgx_rules *rules)
{
	(void)rules;
	return kgx_norm_run(doc);
}

static kgx_status sentences(kgx_doc *doc, const kgx_rules *rules)
{
	return kgx_sent_split(doc, kgx_rules_abbrevs(rules));
}

static const kgx_pass passes[] = {
	{"read", kgx_read_run},
	{"utf8", kgx_pipe_utf8},
	{"normalise", normalise},
	{"sentences", sentences},
	{"entities", kgx_ent_run},
	{"metadata", kgx_meta_run},
	{"relations", kgx_rel_run},
	{"offices", kgx_office_run},
};

const kgx_pass *kgx_pipe_passes(size_t *n)
{
	*n = sizeof passes / sizeof passes[0];
	return passes;
}

static size_t put_utf8(char *out, uint32_t u)
{
	if (u < 0x80) {
		out[0] = (char)u;
		return 1;
	}
	if (u < 0x800) {
		out[0] = (char)(0xC0 | u >> 6);
		out[1] = (char)(0x80 | (u & 0x3F));
		return 2;
	}
	if (u < 0x10000) {
		out[0] = (char)(0xE0 | u >> 12);
		out[1] = (char)(0x80 | ((u >> 6) & 0x3F));
		out[2] = (char)(0x80 | (u & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | u >> 18);
	out[1] = (char)(0x80 | ((u >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((u >> 6) & 0x3F));
	out[3] = (char)(0x80 | (u & 0x3F));
	return 4;
}

/* UTF-16 (with BOM) to UTF-8; unpaired surrogates become U+FFFD, and so
 * does an odd last byte (reported). */
static kgx_status from_utf16(kgx_doc *doc, int big_endian)
{
	const unsigned char *s = (const unsigned char *)doc->raw + 2;
	size_t n = (doc->raw_len - 2) / 2;
	char *out = kgx_arena_alloc(&doc->arena, n * 3 + 8);
	if (!out)
		return KGX_ERR_NOMEM;
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t u = big_endian ? (uint32_t)(s[2 * i] << 8 | s[2 * i + 1])
		                        : (uint32_t)(s[2 * i + 1] << 8 | s[2 * i]);
		if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n) {
			uint32_t l = big_endian ? (uint32_t)(s[2 * i + 2] << 8 | s[2 * i + 3])
			                        : (uint32_t)(s[2 * i + 3] << 8 | s[2 * i + 2]);
			if (l >= 0xDC00 && l <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) + (l - 0xDC00);
				i++;
			} else {
				u = 0xFFFD;
			}
		} else if (u >= 0xD800 && u <= 0xDFFF) {
			u = 0xFFFD;
		}
		o += put_utf8(out + o, u);
	}
	if ((doc->raw_len - 2) % 2) {
		kgx_loc loc = {doc->path, 0, 0};
		kgx_diag(&loc, "warning: UTF-16 with an odd number of bytes: the last byte (offset %zu) "
		         "replaced by U+FFFD", doc->raw_len - 1);
		o += put_utf8(out + o, 0xFFFD);
	}
	out[o] = '\0';
	doc->raw = out;
	doc->raw_len = o;
	return KGX_OK;
}

/* UTF-32 (with BOM) to UTF-8; what is not a Unicode scalar value becomes
 * U+FFFD, and so do 1-3 bytes left over at the end (reported). */
static kgx_status from_utf32(kgx_doc *doc, int big_endian)
{
	const unsigned char *s = (const unsigned char *)doc->raw + 4;
	size_t n = (doc->raw_len - 4) / 4;
	char *out = kgx_arena_alloc(&doc->arena, n * 4 + 8);
	if (!out)
		return KGX_ERR_NOMEM;
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		const unsigned char *c = s + 4 * i;
		uint32_t u = big_endian ? (uint32_t)c[0] << 24 | (uint32_t)c[1] << 16 | (uint32_t)c[2] << 8 | c[3]
		                        : (uint32_t)c[3] << 24 | (uint32_t)c[2] << 16 | (uint32_t)c[1] << 8 | c[0];
		if (u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF))
			u = 0xFFFD;
		o += put_utf8(out + o, u);
	}
	if ((doc->raw_len - 4) % 4) {
		kgx_loc loc = {doc->path, 0, 0};
		kgx_diag(&loc, "warning: UTF-32 whose length is not a multiple of 4: the last %zu byte%s "
		         "replaced by U+FFFD", (doc->raw_len - 4) % 4, (doc->raw_len - 4) % 4 == 1 ? "" : "s");
		o += put_utf8(out + o, 0xFFFD);
	}
	out[o] = '\0';
	doc->raw = out;
	doc->raw_len = o;
	return KGX_OK;
}

/* A byte Windows-1252 leaves undefined. */
static int cp1252_undefined(unsigned char c)
{
	return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
}

/* A Windows-1252 byte that text has next to another one: a letter ("één",
 * "vóór", "Š"), a curly quote, a dash, a no-break space, guillemets. */
static int cp1252_in_run(unsigned char c)
{
	return (c >= 0xC0 && c != 0xD7 && c != 0xF7) || c == 0x8A || c == 0x8C || c == 0x8E || c == 0x9A ||
	       c == 0x9C || c == 0x9E || c == 0x9F || (c >= 0x91 && c <= 0x97) || c == 0x80 || c == 0x85 ||
	       c == 0xA0 || c == 0xAB || c == 0xBB;
}

/* Windows-1252 rather than broken UTF-8: every byte above 0x7F is defined
 * in Windows-1252, bytes side by side are letters or typographic marks
 * ("één", "vóór", "”."), and those runs seldom happen to be valid UTF-8.
 * Damaged UTF-8 is mostly valid sequences with a few broken ones, or runs of
 * bytes no Windows text has side by side. */
static int looks_cp1252(const char *s, size_t len, size_t *first_high)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t valid = 0, invalid = 0;
	for (size_t i = 0; i < len;) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < len && u[j] >= 0x80)
			j++;
		if (!valid && !invalid)
			*first_high = i;
		if (kgx_utf8_valid_prefix(s + i, j - i) == j - i) {
			valid++;  /* "Ã©" is cp1252 too, but far likelier UTF-8 */
		} else {
			for (size_t k = i; k < j; k++)
				if (cp1252_undefined(u[k]) || (j - i > 1 && !cp1252_in_run(u[k])))
					return 0;
			invalid++;
		}
		i = j;
	}
	return invalid > 4 * valid;
}

static kgx_status from_cp1252(kgx_doc *doc)
{
	size_t cap = doc->raw_len * 3 + 1;
	char *out = kgx_arena_alloc(&doc->arena, cap);
	if (!out)
		return KGX_ERR_NOMEM;
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
	if (cd == (iconv_t)-1)
		return KGX_ERR_INPUT;
	char *in = (char *)doc->raw, *o = out;
	size_t in_left = doc->raw_len, out_left = cap - 1;
	size_t rc = iconv(cd, &in, &in_left, &o, &out_left);
	iconv_close(cd);
	if (rc == (size_t)-1)
		return KGX_ERR_INPUT;
	*o = '\0';
	doc->raw = out;
	doc->raw_len = (size_t)(o - out);
	return KGX_OK;
}

kgx_status kgx_pipe_utf8(kgx_doc *doc, const kgx_rules *rules)
{
	(void)rules;
	kgx_loc loc = {doc->path, 0, 0};
	const unsigned char *u = (const unsigned char *)doc->raw;
	if (doc->raw_len >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && !u[2] && !u[3]) ||
	                          (!u[0] && !u[1] && u[2] == 0xFE && u[3] == 0xFF))) {
		kgx_diag(&loc, "note: UTF-32 %s with byte order mark, read as UTF-32", u[0] ? "LE" : "BE");
		kgx_status st = from_utf32(doc, !u[0]);
		if (st != KGX_OK)
			return st;
		u = (const unsigned char *)doc->raw;
	} else if (doc->raw_len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		kgx_diag(&loc, "note: UTF-16 %s with byte order mark, read as UTF-16",
		         u[0] == 0xFE ? "BE" : "LE");
		kgx_status st = from_utf16(doc, u[0] == 0xFE);
		if (st != KGX_OK)
			return st;
		u = (const unsigned char *)doc->raw;
	}
	if (doc->raw_len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		doc->raw += 3;
		doc->raw_len -= 3;
	}
	/* NUL bytes in text files mean binary data (or UTF-16 without BOM) */
	const char *nul = memchr(doc->raw, '\0', doc->raw_len);
	if (nul) {
		kgx_diag(&loc, "skipped: binary data (NUL byte at offset %zu); kgx reads plain text, "
		         "PDF, HTML and XML",
		         (size_t)(nul - doc->raw));
		return KGX_ERR_INPUT;
	}
	if (doc->source != doc->path)
		kgx_diag(&loc, kgx_utf8_valid_prefix(doc->path, strlen(doc->path)) != strlen(doc->path)
		         ? "warning: the file name is not UTF-8; dcterms:source has U+FFFD in its place"
		         : "warning: the file name has U+FFFE or U+FFFF; dcterms:source has U+FFFD in its place");
	size_t first, n_bad;
	if (kgx_utf8_valid_prefix(doc->raw, doc->raw_len) != doc->raw_len) {
		if (looks_cp1252(doc->raw, doc->raw_len, &first) && from_cp1252(doc) == KGX_OK) {
			kgx_diag(&loc, "note: not UTF-8, read as Windows-1252 (first byte above 0x7F at offset %zu)",
			         first);
		} else {
			char *out = kgx_arena_alloc(&doc->arena, doc->raw_len * 3 + 1);
			if (!out)
				return KGX_ERR_NOMEM;
			size_t len = kgx_utf8_repair(doc->raw, doc->raw_len, out, &first, &n_bad);
			kgx_diag(&loc, "warning: invalid UTF-8 at byte offset %zu (%zu ill-formed sequence%s "
			         "replaced by U+FFFD)", first, n_bad, n_bad == 1 ? "" : "s");
			doc->raw = out;
			doc->raw_len = len;
		}
	}
	first = kgx_utf8_find_nonchar(doc->raw, doc->raw_len);
	if (first != doc->raw_len) {
		char *out = kgx_arena_alloc(&doc->arena, doc->raw_len + 1);
		if (!out)
			return KGX_ERR_NOMEM;
		doc->raw_len = kgx_utf8_replace_nonchars(doc->raw, doc->raw_len, out, &n_bad);
		doc->raw = out;
		kgx_diag(&loc, "warning: noncharacter at byte offset %zu (%zu replaced by U+FFFD)", first, n_bad);
	}
	return KGX_OK;
}

kgx_status kgx_pipe_run(kgx_doc *doc, const kgx_rules *rules)
{
	for (size_t i = 0; i < sizeof passes / sizeof passes[0]; i++) {
		kgx_status st = passes[i].run(doc, rules);
		if (st != KGX_OK) {
			if (st != KGX_ERR_INPUT) {
				kgx_loc loc = {doc->path, 0, 0};
				kgx_diag(&loc, "%s pass failed: %s", passes[i].name, kgx_strerror(st));
			}
			return st;
		}
	}
	return KGX_OK;
}
