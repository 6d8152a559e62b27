/* Sentence splitter for Dutch officialese. */
#include "sent.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Sentences longer than this are cut at a space: it bounds the work of every
 * pattern rule on text without punctuation (tables, dumps). Text without a
 * space is cut at twice the length, between two characters: the passes hold
 * a sentence's tokens at once, and 8 MB of "a,a,a," as one sentence took
 * 45 times its size in memory. */
#define MAX_SENTENCE 4000

struct kgx_abbrevs {
	char **words;  /* lower-case, with the final period */
	size_t n, cap;
	size_t longest;  /* bytes of the longest word */
};

kgx_abbrevs *kgx_abbrevs_new(void)
{
	return calloc(1, sizeof(kgx_abbrevs));
}

kgx_status kgx_abbrevs_add(kgx_abbrevs *ab, const char *word, size_t len)
{
	if (ab->n == ab->cap) {
		size_t cap = ab->cap ? ab->cap * 2 : 64;
		char **w = realloc(ab->words, cap * sizeof *w);
		if (!w)
			return KGX_ERR_NOMEM;
		ab->words = w;
		ab->cap = cap;
	}
	char *c = malloc(len + 1);
	if (!c)
		return KGX_ERR_NOMEM;
	memcpy(c, word, len);
	c[len] = '\0';
	kgx_ascii_lower(c, len);
	ab->words[ab->n++] = c;
	if (len > ab->longest)
		ab->longest = len;
	return KGX_OK;
}

void kgx_abbrevs_free(kgx_abbrevs *ab)
{
	if (!ab)
		return;
	for (size_t i = 0; i < ab->n; i++)
		free(ab->words[i]);
	free(ab->words);
	free(ab);
}

static int is_abbrev(const kgx_abbrevs *ab, const char *w, size_t len)
{
	if (!ab)
		return 0;
	for (size_t i = 0; i < ab->n; i++) {
		const char *a = ab->words[i];
		size_t k = 0;
		while (k < len && a[k] && (a[k] == w[k] || (w[k] >= 'A' && w[k] <= 'Z' && a[k] == w[k] + 32)))
			k++;
		if (k == len && a[k] == '\0')
			return 1;
	}
	return 0;
}

static int is_ws(char c)
{
	return c == ' ' || c == '\n' || c == '\t';
}

static int32_t cp_at(const kgx_doc *doc, size_t i)
{
	int32_t cp;
	kgx_utf8_decode(doc->text + i, doc->text_len - i, &cp);
	return cp;
}

static int is_upper(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

/* Whether the period at text[i] ends a sentence. */
static int period_ends(const kgx_doc *doc, const kgx_abbrevs *ab, size_t i)
{
	const char *t = doc->text;
	/* back to the word's start, but no further than the longest
	 * abbreviation or an initial could reach: a run of periods without a
	 * space ("a.a.a.a…") must not cost the run's length at every period */
	size_t reach = (ab && ab->longest > 8 ? ab->longest : 8) + 1, w = i;
	while (w > 0 && i - w < reach && !is_ws(t[w - 1]) && t[w - 1] != '(')
		w--;
	int whole = w == 0 || is_ws(t[w - 1]) || t[w - 1] == '(';
	/* the word with its period: "bijv." or "o.a." or "C.C.J." */
	if (whole && is_abbrev(ab, t + w, i + 1 - w))
		return 0;
	/* an initial: one capital letter before the period */
	size_t k = i;
	if (k > w) {
		size_t j = k - 1;
		while (j > w && ((unsigned char)t[j] & 0xC0) == 0x80)
			j--;
		if (((j == w && whole) || (j > w && t[j - 1] == '.')) && is_upper(cp_at(doc, j)))
			return 0;
	}
	/* what follows: whitespace, then something that can start a sentence */
	size_t n = i + 1;
	while (n < doc->text_len && (t[n] == '"' || t[n] == ')' || (unsigned char)t[n] == 0xE2))
		n += ((unsigned char)t[n] == 0xE2) ? 3 : 1;  /* closing quotes */
	if (n >= doc->text_len)
		return 1;
	if (!is_ws(t[n]))
		return 0;  /* "2.5", "www.x.nl", "nr.11" */
	while (n < doc->text_len && t[n] == ' ')
		n++;
	if (n >= doc->text_len || t[n] == '\n')
		return 1;
	int32_t next = cp_at(doc, n);
	utf8proc_category_t c = utf8proc_category(next);
	return is_upper(next) || c == UTF8PROC_CATEGORY_ND || next == '(' || next == '"' ||
	       next == 0x2018 || next == 0x201C || next == 0xAB || next == '-' || next == 0x2013;
}

static kgx_status add(kgx_doc *doc, size_t b, size_t e, uint32_t *cp, size_t *cp_pos)
{
	while (b < e && is_ws(doc->text[b]))
		b++;
	while (e > b && is_ws(doc->text[e - 1]))
		e--;
	if (b == e)
		return KGX_OK;
	/* code-point offsets, counted incrementally over the whole document */
	for (; *cp_pos < b; (*cp_pos)++)
		if (((unsigned char)doc->text[*cp_pos] & 0xC0) != 0x80)
			(*cp)++;
	uint32_t cb = *cp;
	for (; *cp_pos < e; (*cp_pos)++)
		if (((unsigned char)doc->text[*cp_pos] & 0xC0) != 0x80)
			(*cp)++;
	kgx_sentence *s = kgx_vec_push(&doc->sentences);
	if (!s)
		return KGX_ERR_NOMEM;
	s->span.begin = (uint32_t)b;
	s->span.end = (uint32_t)e;
	s->cp_begin = cb;
	s->cp_end = *cp;
	return KGX_OK;
}

kgx_status kgx_sent_split(kgx_doc *doc, const kgx_abbrevs *ab)
{
	const char *t = doc->text;
	size_t len = doc->text_len, start = 0, cp_pos = 0;
	uint32_t cp = 0;
	kgx_status st;
	for (size_t i = 0; i < len; i++) {
		int cut = 0;
		size_t end = i + 1;
		char c = t[i];
		if (c == '\n') {
			/* a hard line break ends a sentence unless the line ended with a
			 * comma: "De minister van Buitenlandse Zaken,\nC.C.J. Veldkamp" */
			size_t k = i;
			while (k > start && t[k - 1] == ' ')
				k--;
			cut = !(k > start && t[k - 1] == ',') || (i + 1 < len && t[i + 1] == '\n');
			end = i;
		} else if (c == '!' || c == '?') {
			cut = i + 1 >= len || is_ws(t[i + 1]);
		} else if (c == '.') {
			cut = period_ends(doc, ab, i);
			/* closing quotes and brackets stay with the sentence they close */
			while (cut && end < len) {
				if (t[end] == '"' || t[end] == ')' || t[end] == '\'')
					end++;
				else if (end + 2 < len && (unsigned char)t[end] == 0xE2 && (unsigned char)t[end + 1] == 0x80 &&
				         ((unsigned char)t[end + 2] == 0x9D || (unsigned char)t[end + 2] == 0x99))
					end += 3;  /* ” ’ */
				else if (end + 1 < len && (unsigned char)t[end] == 0xC2 && (unsigned char)t[end + 1] == 0xBB)
					end += 2;  /* » */
				else
					break;
			}
		} else if (i - start >= MAX_SENTENCE && c == ' ') {
			cut = 1;
		} else if (i >= start && i - start >= 2 * MAX_SENTENCE && i + 1 < len &&
		           ((unsigned char)t[i + 1] & 0xC0) != 0x80) {
			/* (i is below start inside the closing quotes a cut took in) */
			cut = 1;
		}
		if (cut) {
			TRY(st, add(doc, start, end, &cp, &cp_pos));
			start = end;
		}
	}
	return add(doc, start, len, &cp, &cp_pos);
}
