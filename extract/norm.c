/* Normaliser: PDF-extracted letters into running text with an offset map.
 *
 * Works on lines: first every line is classified (body, footnote, debris),
 * because whether a number glued to a word is a footnote marker depends on the
 * footnotes the document has; then the body is joined into paragraphs and the
 * footnotes are appended behind it, each as a paragraph of its own, so that a
 * sentence interrupted by a page break and its footnotes reads as one. */
#include "norm.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

typedef enum { L_BLANK, L_BODY, L_FOOT_START, L_FOOT_CONT, L_DEBRIS } line_kind;

typedef struct {
	uint32_t begin, end;  /* raw offsets, without the line end and trailing blanks */
	line_kind kind;
	int footnote;         /* number, for L_FOOT_START */
} line;

typedef struct {
	kgx_doc *doc;
	kgx_buf text;
	kgx_vec map;  /* uint32_t */
	unsigned char footnotes[1000];  /* footnote numbers the document has */
	uint32_t marker[1000];  /* where each footnote marker first occurs */
} builder;

static int32_t cp_at(const char *s, size_t len, size_t i, int *n)
{
	int32_t cp;
	*n = kgx_utf8_decode(s + i, len - i, &cp);
	return cp;
}

/* The code point ending just before raw offset i. */
static int32_t cp_before(const char *s, size_t i)
{
	if (i == 0)
		return 0;
	size_t j = i - 1;
	while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	int32_t cp;
	kgx_utf8_decode(s + j, i - j, &cp);
	return cp;
}

static size_t cp_len(int32_t cp)
{
	return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

static int is_letter(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static int is_lower(int32_t cp)
{
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static int is_upper(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_hspace(const char *s, size_t len, size_t i, int *n)
{
	*n = 1;
	if (s[i] == ' ' || s[i] == '\t' || s[i] == '\v')
		return 1;
	if (i + 1 < len && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
		*n = 2;  /* no-break space */
		return 1;
	}
	return 0;
}

/* Bytes of an invisible format character at s[i] that text extraction
 * leaves inside words: soft hyphen U+00AD, zero width space, non-joiner and
 * joiner U+200B-U+200D, word joiner U+2060, U+FEFF; 0 for anything else.
 * They are dropped, so that a name with one inside is the name. */
static int invisible_at(const char *s, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *)s + i;
	size_t n = len - i;
	if (u[0] == 0xC2)
		return n >= 2 && u[1] == 0xAD ? 2 : 0;
	if (u[0] == 0xE2 && n >= 3)
		return (u[1] == 0x80 && u[2] >= 0x8B && u[2] <= 0x8D) || (u[1] == 0x81 && u[2] == 0xA0) ? 3 : 0;
	if (u[0] == 0xEF && n >= 3)
		return u[1] == 0xBB && u[2] == 0xBF ? 3 : 0;
	return 0;
}

/* Bytes of a Unicode hyphen U+2010 or non-breaking hyphen U+2011 at s[i],
 * which are read as '-': the knowledge base spells names with that. */
static int hyphen_at(const char *s, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *)s + i;
	return len - i >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x90 || u[2] == 0x91) ? 3 : 0;
}

static int emit(builder *b, uint32_t raw_off, const char *s, size_t n, int synthetic)
{
	/* A word or a space at a time, so the calls (and the map's zeroing by
	 * kgx_vec_push_n) cost more than the copying: while both have room,
	 * write in place. */
	if (b->text.len + n < b->text.cap && b->map.len + n <= b->map.cap) {
		memcpy(b->text.s + b->text.len, s, n);
		b->text.len += n;
		b->text.s[b->text.len] = '\0';
		uint32_t *m = (uint32_t *)b->map.data + b->map.len;
		b->map.len += n;
		for (size_t i = 0; i < n; i++)
			m[i] = synthetic ? raw_off : raw_off + (uint32_t)i;
		return 0;
	}
	if (kgx_buf_add(&b->text, s, n))
		return -1;
	uint32_t *m = n ? kgx_vec_push_n(&b->map, n) : NULL;
	if (n && !m)
		return -1;
	for (size_t i = 0; i < n; i++)
		m[i] = synthetic ? raw_off : raw_off + (uint32_t)i;
	return 0;
}

/* Split the raw text into trimmed lines. A form feed is a page break, which
 * reads as a blank line. */
static kgx_status split_lines(const kgx_doc *doc, kgx_vec *lines)
{
	const char *s = doc->raw;
	size_t len = doc->raw_len, i = 0;
	while (i < len) {
		size_t start = i;
		while (i < len && s[i] != '\n' && s[i] != '\r' && s[i] != '\f')
			i++;
		size_t end = i;
		int n;
		size_t b = start;
		int k;
		for (;;) {
			if (b < end && is_hspace(s, len, b, &n))
				b += (size_t)n;
			else if (b < end && (k = invisible_at(s, end, b)) && (size_t)k != 2)
				b += (size_t)k;  /* but a soft hyphen stays a line's last */
			else
				break;
		}
		while (end > b) {
			if (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\v')
				end--;
			else if (end - b >= 2 && (unsigned char)s[end - 2] == 0xC2 &&
			         (unsigned char)s[end - 1] == 0xA0)
				end -= 2;
			else if (end - b >= 3 && invisible_at(s, end, end - 3) == 3)
				end -= 3;
			else
				break;
		}
		line *l = kgx_vec_push(lines);
		if (!l)
			return KGX_ERR_NOMEM;
		l->begin = (uint32_t)b;
		l->end = (uint32_t)end;
		l->kind = b == end ? L_BLANK : L_BODY;
		if (i < len && s[i] == '\f') {
			line *pb = kgx_vec_push(lines);
			if (!pb)
				return KGX_ERR_NOMEM;
			pb->begin = pb->end = (uint32_t)i;
			pb->kind = L_BLANK;
			i++;
		} else if (i < len && s[i] == '\r') {
			i++;
			if (i < len && s[i] == '\n')
				i++;
		} else if (i < len) {
			i++;
		}
	}
	return KGX_OK;
}

static int32_t first_cp_raw(const char *s, size_t len, const line *l)
{
	int n;
	return cp_at(s, len, l->begin, &n);
}

/* The footnote number a line starts with ("12 Kamerstuk…"), or -1. */
static int leading_number(const char *s, const line *l)
{
	uint32_t i = l->begin;
	int v = 0, nd = 0;
	while (i < l->end && is_digit(s[i]) && nd < 4) {
		v = v * 10 + (s[i] - '0');
		i++;
		nd++;
	}
	if (nd == 0 || nd > 3 || i >= l->end || (s[i] != ' ' && s[i] != '\t'))
		return -1;
	while (i < l->end && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i < l->end ? v : -1;
}

static int is_url_line(const char *s, const line *l)
{
	size_t n = l->end - l->begin;
	const char *p = s + l->begin;
	if (!((n > 7 && !memcmp(p, "http://", 7)) || (n > 8 && !memcmp(p, "https://", 8)) ||
	      (n > 4 && !memcmp(p, "www.", 4))))
		return 0;
	return memchr(p, ' ', n) == NULL;
}

/* The running foot of a page of the official publications: "kst-21501-
 * 02-1956 ISSN 0921 - 7371 's-Gravenhage 2019", the publication's id and
 * the series' ISSN. Between a signature and the next page it would join
 * them, as a paragraph a page break interrupted. */
static int is_page_foot(const char *s, const line *l)
{
	size_t n = l->end - l->begin, k = 0;
	const char *p = s + l->begin;
	while (k < n && k < 6 && p[k] >= 'a' && p[k] <= 'z')
		k++;
	if (k < 2 || k >= n || p[k] != '-' || k + 1 >= n || !is_digit(p[k + 1]) || n > 120)
		return 0;
	for (size_t i = k; i + 7 <= n; i++)
		if (!memcmp(p + i, " ISSN ", 6) && is_digit(p[i + 6]))
			return 1;
	return 0;
}

static int is_number_line(const char *s, const line *l)
{
	for (uint32_t i = l->begin; i < l->end; i++)
		if (!is_digit(s[i]))
			return 0;
	return l->end - l->begin <= 3;
}

/* Whether a line could be a cell of a table flattened to a line a cell:
 * figures ("1.200"), or a short line that ends in no punctuation ("UNICEF",
 * "Bedrag"). */
static int cell_line(const char *s, const line *l)
{
	if (l->end - l->begin > 40 || l->end == l->begin)
		return 0;
	return !strchr(".!?:;,", s[l->end - 1]);
}

/* The last line before line i that is not blank, or NULL. */
static const line *line_before(const line *ls, size_t i)
{
	while (i > 0 && ls[i - 1].kind == L_BLANK)
		i--;
	return i > 0 ? &ls[i - 1] : NULL;
}

/* Where each footnote marker 1-999 first occurs glued to the text before it
 * ("conflictbemiddeling1", "(IMF)8", "stabiliteit.4", "20181"): a footnote
 * needs its marker first, which keeps numbered headings out. A marker is the
 * last one to three digits of a run of digits that does not follow white
 * space; one pass over the document finds them all, so that a line that
 * starts like a footnote costs nothing more. */
static void find_markers(const char *s, size_t len, uint32_t *first, size_t n)
{
	for (size_t i = 0; i < n; i++)
		first[i] = UINT32_MAX;
	for (size_t i = 0; i < len;) {
		if (!is_digit(s[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < len && is_digit(s[j]))
			j++;
		/* a marker may start anywhere in the run's last three digits, not
		 * with a zero, and not right after white space */
		for (size_t k = j - (j - i < 3 ? j - i : 3); k < j; k++) {
			if (s[k] == '0' || k == 0 || s[k - 1] == ' ' || s[k - 1] == '\n' || s[k - 1] == '\t')
				continue;
			unsigned v = 0;
			for (size_t d = k; d < j; d++)
				v = v * 10 + (unsigned)(s[d] - '0');
			if (v < n && first[v] == UINT32_MAX)
				first[v] = (uint32_t)k;
		}
		i = j;
	}
}

/* Whether marker `num` occurs before raw offset `limit`. */
static int marker_seen(const builder *b, size_t limit, int num)
{
	size_t digits = num < 10 ? 1 : num < 100 ? 2 : 3;
	return b->marker[num] != UINT32_MAX && b->marker[num] + digits <= limit;
}

static void classify(kgx_doc *doc, line *ls, size_t n, builder *b)
{
	const char *s = doc->raw;
	enum { BODY, FOOT, FOOT_GAP } state = BODY;
	int next = 1;
	find_markers(s, doc->raw_len, b->marker, sizeof b->marker / sizeof b->marker[0]);
	for (size_t i = 0; i < n; i++) {
		line *l = &ls[i];
		if (l->kind == L_BLANK) {
			if (state == FOOT)
				state = FOOT_GAP;
			continue;
		}
		int prev_blank = i == 0 || ls[i - 1].kind == L_BLANK;
		int num = leading_number(s, l);
		/* the next footnote in sequence whose marker came before starts a
		 * note, even straight after body text (a page foot with no gap) */
		if (num > 0 && num < (int)sizeof b->footnotes &&
		    (num == next || (num == next + 1 && (prev_blank || state != BODY))) &&
		    marker_seen(b, l->begin, num)) {
			l->kind = L_FOOT_START;
			l->footnote = num;
			b->footnotes[num] = 1;
			next = num + 1;
			state = FOOT;
			continue;
		}
		if (state == FOOT) {
			/* body text resumes below a finished note without a blank line:
			 * indented, or lower case after a note that ended a sentence */
			const line *p = &ls[i - 1];
			char last = s[p->end - 1];
			int indented = l->begin > 0 && (s[l->begin - 1] == ' ' || s[l->begin - 1] == '\t');
			int lower = is_lower(first_cp_raw(s, doc->raw_len, l));
			int resumes = (indented && lower) ||
			              ((last == '.' || last == '!' || last == '?') && (indented || lower));
			if (!resumes) {
				l->kind = L_FOOT_CONT;
				continue;
			}
		}
		if (is_page_foot(s, l)) {
			l->kind = L_DEBRIS;
			continue;
		}
		if (is_url_line(s, l) && (state == FOOT_GAP || prev_blank)) {
			l->kind = L_DEBRIS;  /* link annotations a PDF repeats below its notes */
			continue;
		}
		/* a page number, not a figure among the cells of a table: a page
		 * ends in prose, a cell follows two cells */
		if (is_number_line(s, l) && prev_blank && (i + 1 == n || ls[i + 1].kind == L_BLANK)) {
			const line *p1 = line_before(ls, i), *p2 = p1 ? line_before(ls, (size_t)(p1 - ls)) : NULL;
			if (!(p1 && p2 && cell_line(s, p1) && cell_line(s, p2))) {
				l->kind = L_DEBRIS;  /* page number */
				continue;
			}
		}
		state = BODY;
	}
}

/* Copy one line into the text, collapsing inner blanks and dropping footnote
 * markers glued to words. */
static int emit_line(builder *b, const line *l, int drop_markers)
{
	const char *s = b->doc->raw;
	size_t len = b->doc->raw_len;
	uint32_t i = l->begin;
	while (i < l->end) {
		int n;
		if ((n = invisible_at(s, l->end, i))) {
			i += (uint32_t)n;
			continue;
		}
		if ((n = hyphen_at(s, l->end, i))) {
			if (emit(b, i, "-", 1, 1))
				return -1;
			i += (uint32_t)n;
			continue;
		}
		if (is_hspace(s, len, i, &n)) {
			uint32_t j = i;
			/* invisible characters between blanks go with them */
			while (j < l->end && (is_hspace(s, len, j, &n) || (n = invisible_at(s, l->end, j)) > 0))
				j += (uint32_t)n;
			if (emit(b, i, " ", 1, 1))
				return -1;
			i = j;
			continue;
		}
		if (drop_markers && is_digit(s[i]) && !(i > l->begin && is_digit(s[i - 1]))) {
			uint32_t j = i;
			while (j < l->end && is_digit(s[j]))
				j++;
			int32_t after = j < l->end ? cp_at(s, len, j, &n) : ' ';
			int ends_word = !is_letter(after) && !(after >= '0' && after <= '9');
			int32_t before = cp_before(s, i);
			size_t nd = j - i;
			uint32_t mark = i;  /* where a marker starts, if there is one */
			int glued = 0;
			if (ends_word && i > l->begin) {
				size_t k = i;
				int32_t b1 = before;
				if (b1 == '.' || b1 == ',' || b1 == ')' || b1 == 0x2019 || b1 == 0x201D || b1 == '"') {
					/* "stabiliteit.4": the word before the stop must be a word, not "nr" */
					k = i - cp_len(b1);
					int letters = 0;
					while (k > l->begin && letters < 4 && is_letter(cp_before(s, k))) {
						int32_t c = cp_before(s, k);
						k -= cp_len(c);
						letters++;
					}
					glued = letters >= 4 || (b1 == ')' && letters == 0);
					/* "(MENA).12": a stop after a closing bracket or quote */
					if (!glued && (b1 == '.' || b1 == ',') && k == i - 1 && k > l->begin &&
					    (s[k - 1] == ')' || s[k - 1] == '"' || cp_before(s, k) == 0x2019 ||
					     cp_before(s, k) == 0x201D))
						glued = 1;
					if (b1 == '.' && !(after == ' ' || j == l->end))
						glued = 0;
				} else if (is_letter(b1)) {
					/* "VN9", "Committee7"; but not "G7" */
					int32_t b2 = cp_before(s, i - cp_len(b1));
					glued = is_letter(b2);
				}
			}
			int value = 0;
			if (glued && nd <= 3) {
				for (uint32_t k = i; k < j; k++)
					value = value * 10 + (s[k] - '0');
				glued = value > 0 && b->footnotes[value];
			} else if (ends_word && nd >= 5 && nd <= 7 && (s[i] == '1' || s[i] == '2') &&
			           (!memcmp(s + i, "19", 2) || !memcmp(s + i, "20", 2))) {
				/* "20181": a year with its marker (not "Postbus 20701") */
				int year = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
				for (uint32_t k = i + 4; k < j; k++)
					value = value * 10 + (s[k] - '0');
				glued = year >= 1945 && year <= 2035 && value > 0 &&
				        value < (int)sizeof b->footnotes && b->footnotes[value];
				mark = i + 4;
			} else {
				glued = 0;
			}
			if (glued) {
				if (emit(b, i, s + i, mark - i, 0))
					return -1;
				i = j;
				continue;
			}
			if (emit(b, i, s + i, j - i, 0))
				return -1;
			i = j;
			continue;
		}
		/* the rest of the word at once: emitting byte by byte cost more
		 * than all the decisions above */
		uint32_t j = i + 1;
		while (j < l->end && !is_hspace(s, len, j, &n) && !(drop_markers && is_digit(s[j])) &&
		       !((unsigned char)s[j] >= 0xC2 && (invisible_at(s, l->end, j) || hyphen_at(s, l->end, j))))
			j++;
		if (emit(b, i, s + i, j - i, 0))
			return -1;
		i = j;
	}
	return 0;
}

static int ends_sentence(const char *s, const line *l)
{
	uint32_t e = l->end;
	/* look through closing quotes and brackets */
	while (e > l->begin) {
		int32_t c = cp_before(s, e);
		if (c == ')' || c == '"' || c == 0x2019 || c == 0x201D || c == 0xBB || c == '\'')
			e -= (uint32_t)cp_len(c);
		else
			break;
	}
	if (e == l->begin)
		return 0;
	char c = s[e - 1];
	return c == '.' || c == '!' || c == '?' || c == ':';
}

/* Whether a line holds a lower-case letter: one without (a figure, a
 * name in capitals) is a cell or a heading, not prose a page break cut. */
static int has_lower(const kgx_doc *doc, const line *l)
{
	for (uint32_t i = l->begin; i < l->end;) {
		int n;
		int32_t c = cp_at(doc->raw, doc->raw_len, i, &n);
		if (is_lower(c))
			return 1;
		i += n > 0 ? (uint32_t)n : 1;
	}
	return 0;
}

static int32_t first_cp(const kgx_doc *doc, const line *l)
{
	int n;
	return cp_at(doc->raw, doc->raw_len, l->begin, &n);
}

/* A line that ends in "en", "van", "voor" … goes on: no heading ends so. */
static int ends_in_function_word(const char *s, const line *l)
{
	static const char *const words[] = {
		"en", "van", "voor", "de", "het", "der", "den", "een", "of", "and", "the", "in",
		"op", "met", "aan", "bij", "tot", "te", "om", "over", "naar", "for", "to",
	};
	uint32_t b = l->end;
	while (b > l->begin && s[b - 1] != ' ')
		b--;
	size_t n = l->end - b;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i]) == n && !strncmp(s + b, words[i], n))
			return 1;
	return 0;
}

/* Whether line l ends in a figure of its own, after a blank ("UNHCR 20",
 * "WFP 4,5"), not a footnote marker glued to a word ("Multilateralisme.6"). */
static int row_figure(const char *s, const line *l)
{
	uint32_t k = l->end;
	while (k > l->begin && (is_digit(s[k - 1]) || s[k - 1] == '.' || s[k - 1] == ','))
		k--;
	return k < l->end && is_digit(s[l->end - 1]) && k > l->begin && (s[k - 1] == ' ' || s[k - 1] == '\t') &&
	       is_digit(s[k]);
}

/* Whether line l opens with a bullet and a blank: "- ", "– ", "• ", "* ". */
static int bullet_line(const kgx_doc *doc, const line *l)
{
	const char *s = doc->raw;
	if (l->begin >= l->end)
		return 0;
	unsigned char b0 = (unsigned char)s[l->begin];
	if (b0 != '-' && b0 != '*' && b0 != 0xC2 && b0 != 0xE2)
		return 0;  /* most lines open with a letter: no code point to decode */
	int n = 0;
	int32_t c = cp_at(s, doc->raw_len, l->begin, &n);
	int bullet = c == '-' || c == '*' || c == 0x2013 || c == 0x2014 || c == 0x2022 || c == 0x00B7 || c == 0x25AA ||
	             c == 0x25CF || c == 0x2023 || c == 0x25E6;
	return bullet && l->begin + (uint32_t)n < l->end && (s[l->begin + n] == ' ' || s[l->begin + n] == '\t');
}

/* How two consecutive lines of one paragraph join. */
typedef enum { J_SPACE, J_NONE, J_DROP_HYPHEN, J_NEWLINE } join_kind;

static join_kind join_lines(const kgx_doc *doc, const line *a, const line *b, size_t short_len,
                            int a_starts_block)
{
	const char *s = doc->raw;
	int32_t next = first_cp(doc, b);
	/* a soft hyphen marks where a word was broken: it goes, and so does
	 * the line break */
	if (a->end - a->begin >= 3 && invisible_at(s, a->end, a->end - 2) == 2)
		return J_NONE;
	uint32_t h = a->end - 1;  /* the hyphen: '-', U+2010 or U+2011 */
	if (a->end - a->begin >= 4 && hyphen_at(s, a->end, a->end - 3))
		h = a->end - 3;
	if (h > a->begin && (s[h] == '-' || h == a->end - 3) && is_letter(cp_before(s, h))) {
		if (is_lower(next))
			return J_DROP_HYPHEN;  /* "internati-" "onaal" */
		if (is_upper(next) || (next >= '0' && next <= '9'))
			return J_NONE;         /* "VN-" "Veiligheidsraad" */
	}
	/* "- UNHCR: 20 miljoen", "• WFP": an item of a list stands on a line of
	 * its own, so that it is a sentence of its own */
	if (bullet_line(doc, b))
		return J_NEWLINE;
	/* "UNHCR 20": a row of a table, a short line that opens with a name
	 * and ends in a figure, is not the end of the heading above it */
	if (cell_line(s, b) && is_upper(next) && row_figure(s, b) && !ends_sentence(s, a))
		return J_NEWLINE;
	char last = s[a->end - 1];
	if ((size_t)(a->end - a->begin) < short_len && !ends_sentence(s, a) &&
	    last != ',' && last != ';' && last != '-' && is_upper(next) && !ends_in_function_word(s, a))
		return J_NEWLINE;  /* a heading or a signature line */
	/* a heading over a paragraph may be nearly as wide as the text */
	if (a_starts_block && (size_t)(a->end - a->begin) < short_len * 3 / 2 && !ends_sentence(s, a) &&
	    last != ',' && last != ';' && last != '-' && is_upper(next) && !ends_in_function_word(s, a))
		return J_NEWLINE;
	return J_SPACE;
}

static size_t typical_length(const line *ls, size_t n)
{
	/* The longest lines of a page set its width; the 75th percentile of the
	 * body lines' lengths estimates it without sorting the whole document. */
	size_t hist[201] = {0}, total = 0;
	for (size_t i = 0; i < n; i++)
		if (ls[i].kind == L_BODY) {
			size_t len = ls[i].end - ls[i].begin;
			hist[len > 200 ? 200 : len]++;
			total++;
		}
	size_t want = total * 3 / 4, seen = 0;
	for (size_t len = 0; len <= 200; len++) {
		seen += hist[len];
		if (seen > want)
			return len;
	}
	return 80;
}

static int emit_joined(builder *b, const line *prev, const line *cur, size_t short_len,
                       int prev_starts_block)
{
	switch (join_lines(b->doc, prev, cur, short_len, prev_starts_block)) {
	case J_DROP_HYPHEN:
		b->text.len--;
		b->text.s[b->text.len] = '\0';
		b->map.len--;
		return 0;
	case J_NONE:
		return 0;
	case J_NEWLINE:
		return emit(b, prev->end, "\n", 1, 1);
	case J_SPACE:
		return emit(b, prev->end, " ", 1, 1);
	}
	return 0;
}

kgx_status kgx_norm_run(kgx_doc *doc)
{
	kgx_vec lines;
	kgx_vec_init(&lines, sizeof(line));
	builder b = {0};
	b.doc = doc;
	kgx_vec_init(&b.map, sizeof(uint32_t));
	kgx_status st = split_lines(doc, &lines);
	if (st != KGX_OK)
		goto done;
	line *ls = lines.data;
	size_t n = lines.len;
	classify(doc, ls, n, &b);
	size_t width = typical_length(ls, n);
	size_t short_len = width * 6 / 10;

	/* The body: blank runs end a paragraph unless the text plainly goes on
	 * (a page break in mid-sentence). */
	const line *prev = NULL;
	int gap = 0, block_first = 1;
	for (size_t i = 0; i < n; i++) {
		const line *l = &ls[i];
		if (l->kind != L_BODY) {
			if (l->kind == L_BLANK)
				gap++;
			else if (l->kind != L_DEBRIS)
				gap += 2;  /* notes in between: a page foot */
			continue;
		}
		if (prev) {
			int r;
			if (gap) {
				int32_t next = first_cp(doc, l);
				/* one blank line is a paragraph break; a page break (blank
				 * lines, notes) inside a sentence is not */
				int goes_on = !ends_sentence(doc->raw, prev) && doc->raw[prev->end - 1] != ':' &&
				              (is_lower(next) ||
				               (gap >= 2 && (size_t)(prev->end - prev->begin) >= short_len * 12 / 10 &&
				                has_lower(doc, prev)));
				r = goes_on ? emit_joined(&b, prev, l, 0, 0) : emit(&b, prev->end, "\n\n", 2, 1);
				block_first = !goes_on;
			} else {
				r = emit_joined(&b, prev, l, short_len, block_first);
				block_first = 0;
			}
			if (r) {
				st = KGX_ERR_NOMEM;
				goto done;
			}
		}
		if (emit_line(&b, l, 1)) {
			st = KGX_ERR_NOMEM;
			goto done;
		}
		prev = l;
		gap = 0;
	}

	/* The footnotes, each a paragraph, without their numbers. */
	prev = NULL;
	for (size_t i = 0; i < n; i++) {
		line l = ls[i];
		if (l.kind == L_FOOT_START) {
			while (l.begin < l.end && is_digit(doc->raw[l.begin]))
				l.begin++;
			while (l.begin < l.end && (doc->raw[l.begin] == ' ' || doc->raw[l.begin] == '\t'))
				l.begin++;
			if (b.text.len && emit(&b, l.begin, "\n\n", 2, 1)) {
				st = KGX_ERR_NOMEM;
				goto done;
			}
		} else if (l.kind == L_FOOT_CONT && prev) {
			if (emit_joined(&b, prev, &l, 0, 0)) {
				st = KGX_ERR_NOMEM;
				goto done;
			}
		} else {
			continue;
		}
		if (emit_line(&b, &l, 0)) {
			st = KGX_ERR_NOMEM;
			goto done;
		}
		ls[i] = l;
		prev = &ls[i];
	}

	uint32_t *end = kgx_vec_push(&b.map);
	if (!end) {
		st = KGX_ERR_NOMEM;
		goto done;
	}
	*end = (uint32_t)doc->raw_len;
	doc->text_len = b.text.len;
	doc->text = kgx_arena_strndup(&doc->arena, b.text.s ? b.text.s : "", b.text.len);
	doc->map = kgx_arena_alloc(&doc->arena, b.map.len * sizeof(uint32_t));
	if (!doc->text || !doc->map) {
		st = KGX_ERR_NOMEM;
		goto done;
	}
	memcpy(doc->map, b.map.data, b.map.len * sizeof(uint32_t));
done:
	kgx_vec_free(&lines);
	kgx_vec_free(&b.map);
	kgx_buf_free(&b.text);
	return st;
}
