/* Tokeniser and folder for name matching (Unicode through utf8proc). */
#include "fold.h"
#include "hash.h"
#include "utf8.h"

#include <string.h>
#include <utf8proc.h>

static int is_word_cp(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
	utf8proc_category_t c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO);
}

/* ASCII letters and digits: is_word_cp of a byte below 0x80. */
static const unsigned char ascii_word[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1,
	['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1,
	['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1,
	['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

/* Separators that do not break a name: "VN-Veiligheidsraad", "C.C.J. Veldkamp",
 * "Rode Kruis/Rode Halve Maan", "‘Haagse’ Vredesconferenties". */
static int is_light(int32_t cp)
{
	switch (cp) {
	case ' ': case '\t': case '\n': case '\r': case '-': case '.': case '/':
	case '&': case '\'': case '"': case 0xA0: case 0xAD: case 0x2010: case 0x2011:
	case 0x2012: case 0x2013: case 0x2014: case 0x2018: case 0x2019: case 0x201C:
	case 0x201D: case 0xAB: case 0xBB:
		return 1;
	}
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

/* kgx_utf8_decode, without the call for ASCII. */
static inline int next_cp(const char *s, size_t len, int32_t *cp)
{
	if ((unsigned char)*s < 0x80) {
		*cp = (unsigned char)*s;
		return 1;
	}
	return kgx_utf8_decode(s, len, cp);
}

static int add_cp(kgx_buf *b, int32_t cp)
{
	utf8proc_uint8_t enc[4];
	utf8proc_ssize_t n = utf8proc_encode_char(cp, enc);
	return kgx_buf_add(b, (const char *)enc, (size_t)n);
}

/* Append the folded form of cp; with `fold_case` also case-folded. */
static int fold_cp(kgx_buf *b, int32_t cp, int fold_case)
{
	if (cp < 0x80) {
		char c = (char)cp;
		if (fold_case && c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		return kgx_buf_addc(b, c);
	}
	utf8proc_int32_t out[16];
	int bound = 0;
	utf8proc_option_t opt = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK;
	if (fold_case)
		opt |= UTF8PROC_CASEFOLD;
	utf8proc_ssize_t n = utf8proc_decompose_char(cp, out, 16, opt, &bound);
	if (n < 0 || n > 16)
		return add_cp(b, cp);
	for (utf8proc_ssize_t i = 0; i < n; i++)
		if (add_cp(b, out[i]))
			return -1;
	return 0;
}

kgx_status kgx_fold_tokens(const char *s, size_t len, kgx_vec *tokens, kgx_buf *keys)
{
	tokens->len = 0;
	keys->len = 0;
	if (kgx_buf_add(keys, "", 0))
		return KGX_ERR_NOMEM;
	size_t i = 0;
	char sep = 0;
	kgx_token *cur = NULL;
	/* Folded forms of the current token are built in two passes over it, so
	 * that keys holds key then exact contiguously. */
	while (i < len) {
		int32_t cp;
		int n = next_cp(s + i, len - i, &cp);
		if (n <= 0)
			n = 1;
		if (is_word_cp(cp)) {
			size_t b = i;
			int ascii = 1;
			/* ASCII letters and digits by table, without decoding: most
			 * words are all of them */
			while (i < len && ascii_word[(unsigned char)s[i]])
				i++;
			while (i < len) {
				n = next_cp(s + i, len - i, &cp);
				if (n <= 0 || !is_word_cp(cp))
					break;
				ascii &= cp < 0x80;
				i += (size_t)n;
			}
			cur = kgx_vec_push(tokens);
			if (!cur)
				return KGX_ERR_NOMEM;
			cur->begin = (uint32_t)b;
			cur->end = (uint32_t)i;
			cur->sep = sep;
			sep = 0;
			if (ascii) {
				/* most words: folding is lower-casing, and the exact form a copy */
				uint32_t start = (uint32_t)keys->len, tl = (uint32_t)(i - b);
				if (keys->len + 2 * (size_t)tl < keys->cap) {
					/* in place while there is room: a call per word cost more */
					char *k = keys->s + keys->len;
					uint64_t h = KGX_HASH_INIT;
					for (uint32_t x = 0; x < tl; x++) {
						char ch = s[b + x];
						k[x] = ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
						k[tl + x] = ch;
						h = kgx_hash_byte(h, (unsigned char)k[x]);
					}
					cur->key_hash = h;
					keys->len += 2 * (size_t)tl;
					keys->s[keys->len] = '\0';
				} else {
					if (kgx_buf_add(keys, s + b, tl) || kgx_buf_add(keys, s + b, tl))
						return KGX_ERR_NOMEM;
					kgx_ascii_lower(keys->s + start, tl);
					cur->key_hash = kgx_hash(KGX_HASH_INIT, keys->s + start, tl);
				}
				cur->key = start;
				cur->key_len = tl;
				cur->exact = start + tl;
				cur->exact_len = tl;
				continue;
			}
			for (int pass = 0; pass < 2; pass++) {
				uint32_t start = (uint32_t)keys->len;
				for (size_t k = b; k < i;) {
					int m = kgx_utf8_decode(s + k, i - k, &cp);
					if (m <= 0)
						m = 1;
					if (fold_cp(keys, cp, pass == 0))
						return KGX_ERR_NOMEM;
					k += (size_t)m;
				}
				if (pass == 0) {
					cur->key = start;
					cur->key_len = (uint32_t)keys->len - start;
					cur->key_hash = kgx_hash(KGX_HASH_INIT, keys->s + start, cur->key_len);
				} else {
					cur->exact = start;
					cur->exact_len = (uint32_t)keys->len - start;
				}
			}
			continue;
		}
		if (!is_light(cp) && !sep)
			sep = cp < 0x80 ? (char)cp : '#';
		i += (size_t)n;
	}
	return KGX_OK;
}

int kgx_fold_all_caps(const char *exact, size_t len)
{
	size_t letters = 0;
	for (size_t i = 0; i < len;) {
		int32_t cp;
		int n = kgx_utf8_decode(exact + i, len - i, &cp);
		if (n <= 0)
			return 0;
		utf8proc_category_t c = utf8proc_category(cp);
		if (c == UTF8PROC_CATEGORY_LL)
			return 0;
		if (c == UTF8PROC_CATEGORY_LU)
			letters++;
		i += (size_t)n;
	}
	return letters >= 2;
}
