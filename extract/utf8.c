/* UTF-8 validation and repair: untrusted bytes never reach the passes. */
#include "utf8.h"

#include <stdint.h>
#include <string.h>

/* Length of the valid sequence at s, or 0 if it is invalid. */
static size_t valid_seq(const unsigned char *s, size_t len)
{
	unsigned char c = s[0];
	if (c < 0x80)
		return 1;
	if (c < 0xC2 || c > 0xF4)
		return 0;  /* continuation byte, overlong lead, or beyond U+10FFFF */
	size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if (c == 0xE0 && s[1] < 0xA0)
		return 0;  /* overlong */
	if (c == 0xED && s[1] >= 0xA0)
		return 0;  /* surrogate */
	if (c == 0xF0 && s[1] < 0x90)
		return 0;  /* overlong */
	if (c == 0xF4 && s[1] >= 0x90)
		return 0;  /* above U+10FFFF */
	return n;
}

/* Bytes in the maximal subpart of an ill-formed sequence at s: the longest
 * prefix of a well-formed sequence, or 1 (Unicode 15, section 3.9): one
 * U+FFFD replaces "\xE2\x82", as in the WHATWG decoder. */
static size_t maximal_subpart(const unsigned char *s, size_t len)
{
	unsigned char c = s[0];
	if (c < 0xC2 || c > 0xF4)
		return 1;
	size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	unsigned char lo = 0x80, hi = 0xBF;
	if (c == 0xE0) lo = 0xA0;
	else if (c == 0xED) hi = 0x9F;
	else if (c == 0xF0) lo = 0x90;
	else if (c == 0xF4) hi = 0x8F;
	size_t k = 1;
	while (k < n && k < len) {
		unsigned char b = s[k];
		if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF))
			break;
		k++;
	}
	return k;
}

size_t kgx_utf8_valid_prefix(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = valid_seq(u + i, len - i);
		if (!n)
			return i;
		i += n;
	}
	return len;
}

size_t kgx_utf8_repair(const char *s, size_t len, char *out,
                       size_t *first_bad, size_t *n_bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0;
	*first_bad = (size_t)-1;
	*n_bad = 0;
	while (i < len) {
		size_t n = valid_seq(u + i, len - i);
		if (n) {
			memcpy(out + o, s + i, n);
			o += n;
			i += n;
			continue;
		}
		if (*first_bad == (size_t)-1)
			*first_bad = i;
		(*n_bad)++;
		memcpy(out + o, "\xEF\xBF\xBD", 3);
		o += 3;
		i += maximal_subpart(u + i, len - i);
	}
	out[o] = '\0';
	return o;
}

int kgx_utf8_decode(const char *s, size_t len, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (!len) {
		*cp = 0;
		return 0;
	}
	if (u[0] < 0x80 || len < 2) {
		*cp = u[0];
		return 1;
	}
	if (u[0] < 0xE0) {
		*cp = ((u[0] & 0x1F) << 6) | (u[1] & 0x3F);
		return 2;
	}
	if (u[0] < 0xF0 && len >= 3) {
		*cp = ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
		return 3;
	}
	if (len >= 4) {
		*cp = ((u[0] & 0x07) << 18) | ((u[1] & 0x3F) << 12) |
		      ((u[2] & 0x3F) << 6) | (u[3] & 0x3F);
		return 4;
	}
	*cp = u[0];
	return 1;
}

/* EF BF BE and EF BF BF; in valid UTF-8 an EF byte always leads. */
size_t kgx_utf8_find_nonchar(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	while ((p = memchr(p, '\xEF', (size_t)(end - p))) && end - p >= 3) {
		if ((unsigned char)p[1] == 0xBF && ((unsigned char)p[2] & 0xFE) == 0xBE)
			return (size_t)(p - s);
		p++;
	}
	return len;
}

size_t kgx_utf8_replace_nonchars(const char *s, size_t len, char *out, size_t *n_bad)
{
	*n_bad = 0;
	memcpy(out, s, len);
	out[len] = '\0';
	for (size_t i = kgx_utf8_find_nonchar(out, len); i < len; i += 3) {
		size_t next = i + kgx_utf8_find_nonchar(out + i, len - i);
		if (next == len)
			break;
		out[next + 2] = '\xBD';
		(*n_bad)++;
		i = next;
	}
	return len;
}
