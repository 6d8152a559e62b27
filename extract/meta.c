/* The metadata pass: typed dates, the canonical Kamerstuk id, the sender. */
#include "meta.h"

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* The calendar, not knowledge about letters: Dutch and English month names
 * and their usual abbreviations. */
static const char *const months[12][4] = {
	{"januari", "january", "jan", NULL},   {"februari", "february", "feb", NULL},
	{"maart", "march", "mrt", "mar"},      {"april", "apr", NULL, NULL},
	{"mei", "may", NULL, NULL},            {"juni", "june", "jun", NULL},
	{"juli", "july", "jul", NULL},         {"augustus", "august", "aug", NULL},
	{"september", "sep", "sept", NULL},    {"oktober", "october", "okt", "oct"},
	{"november", "nov", NULL, NULL},       {"december", "dec", NULL, NULL},
};

static int month_of(const char *s, size_t n)
{
	for (int m = 0; m < 12; m++)
		for (int k = 0; k < 4 && months[m][k]; k++)
			if (strlen(months[m][k]) == n && !strncasecmp(s, months[m][k], n))
				return m + 1;
	return 0;
}

static int valid(int y, int m, int d)
{
	static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return !(m == 2 && d == 29 && !leap);
}

/* The bytes of blanks at q: spaces, tabs, line breaks and no-break spaces
 * (C2 A0; a lone C2 before the string's end is none). */
static size_t blanks(const char *q)
{
	size_t n = 0;
	for (;;) {
		if (q[n] == ' ' || q[n] == '\t' || q[n] == '\n')
			n++;
		else if ((unsigned char)q[n] == 0xC2 && (unsigned char)q[n + 1] == 0xA0)
			n += 2;
		else
			return n;
	}
}

/* Digits at *p (at most max), advancing; -1 if none. */
static int number(const char **p, int max)
{
	int v = 0, n = 0;
	while (n < max && isdigit((unsigned char)**p)) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n ? v : -1;
}

int kgx_meta_date(const char *s, char out[11])
{
	const char *p = s;
	while (*p && isspace((unsigned char)*p))
		p++;
	int y = -1, m = -1, d = -1;
	const char *q = p;
	int a = number(&q, 4);
	if (a >= 0 && q - p == 4 && *q == '-') {  /* 2018-03-23 */
		q++;
		y = a;
		m = number(&q, 2);
		if (*q++ != '-')
			return 0;
		d = number(&q, 2);
	} else if (a >= 0 && q - p <= 2 && (*q == '-' || *q == '/')) {  /* 23-03-2018 */
		char sep = *q++;
		d = a;
		m = number(&q, 2);
		if (*q++ != sep)
			return 0;
		const char *ys = q;
		y = number(&q, 4);
		if (q - ys != 4)
			return 0;
	} else if (a >= 0 && q - p <= 2) {  /* 23 maart 2018 */
		d = a;
		q += blanks(q);
		const char *w = q;
		while (isalpha((unsigned char)*q))
			q++;
		m = month_of(w, (size_t)(q - w));
		if (*q == '.')
			q++;
		q += blanks(q);
		const char *ys = q;
		y = number(&q, 4);
		if (q - ys != 4)
			return 0;
	} else {
		return 0;
	}
	if (isdigit((unsigned char)*q) || !valid(y, m, d))
		return 0;
	const int v[8] = {y / 1000, y / 100 % 10, y / 10 % 10, y % 10, m / 10, m % 10, d / 10, d % 10};
	for (int i = 0, o = 0; i < 8; i++) {
		out[o++] = (char)('0' + v[i]);
		if (i == 3 || i == 5)
			out[o++] = '-';
	}
	out[10] = '\0';
	return 1;
}

/* Append the lower-cased alphanumeric runs of s, each after a '-'. */
static int add_parts(const char *s, char *out, size_t *o, size_t cap, int digits_first)
{
	const unsigned char *p = (const unsigned char *)s;
	int any = 0;
	/* the dossier number proper: its digits, spaces between groups dropped */
	if (digits_first) {
		while (*p == ' ')
			p++;
		if (!isdigit(*p))
			return 0;
		if (*o + 1 >= cap)
			return 0;
		out[(*o)++] = '-';
		while (isdigit(*p) || (*p == ' ' && isdigit(p[1])) || (p[0] == 0xC2 && p[1] == 0xA0 && isdigit(p[2]))) {
			if (isdigit(*p)) {
				if (*o + 1 >= cap)
					return 0;
				out[(*o)++] = (char)*p;
			}
			p += p[0] == 0xC2 ? 2 : 1;
		}
		any = 1;
	}
	while (*p) {
		while (*p && !isalnum(*p)) {
			if (*p >= 0x80 && !(p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x93) && !(p[0] == 0xC2 && p[1] == 0xA0))
				return 0;  /* a letter kgx does not put in ids */
			p += p[0] == 0xE2 ? 3 : p[0] == 0xC2 ? 2 : 1;
		}
		if (!*p)
			break;
		if (*o + 1 >= cap)
			return 0;
		out[(*o)++] = '-';
		while (isalnum(*p)) {
			if (*o + 1 >= cap)
				return 0;
			out[(*o)++] = (char)tolower(*p++);
		}
		any = 1;
	}
	return any;
}

int kgx_meta_kst(const char *dossier, const char *nr, char *out, size_t cap)
{
	if (!dossier || !nr || cap < 5)
		return 0;
	size_t o = 3;
	memcpy(out, "kst", 3);
	while (*nr && !isdigit((unsigned char)*nr))  /* "Nr. 12" */
		nr++;
	if (!add_parts(dossier, out, &o, cap, 1) || !isdigit((unsigned char)*nr) ||
	    !add_parts(nr, out, &o, cap, 0))
		return 0;
	out[o] = '\0';
	return 1;
}

int kgx_meta_kst_id(const char *ident, char *out, size_t cap)
{
	size_t n = ident ? strlen(ident) : 0;
	/* "36111-7" as a publication page writes it stands for "kst-36111-7" */
	size_t skip = n > 4 && !strncasecmp(ident, "kst-", 4) ? 4 : 0;
	if (n < 3 || n - skip + 4 >= cap || !isdigit((unsigned char)ident[skip]) || !strchr(ident + skip, '-'))
		return 0;
	memcpy(out, "kst-", 4);
	for (size_t i = skip; i < n; i++) {
		unsigned char c = (unsigned char)ident[i];
		if (!isalnum(c) && c != '-')
			return 0;
		out[4 + i - skip] = (char)tolower(c);
	}
	out[4 + n - skip] = '\0';
	return 1;
}

const char **kgx_meta_field(kgx_doc *doc, const char *name)
{
	static const struct {
		const char *name;
		size_t off;
	} fields[] = {
		{"date", offsetof(kgx_doc, date)},       {"kamerstuk", offsetof(kgx_doc, kamerstuk)},
		{"dossier", offsetof(kgx_doc, dossier)}, {"ident", offsetof(kgx_doc, ident)},
		{"kenmerk", offsetof(kgx_doc, kenmerk)}, {"title", offsetof(kgx_doc, title)},
		{"creator", offsetof(kgx_doc, creator)}, {"mentioned", offsetof(kgx_doc, mentioned)},
	};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (!strcmp(name, fields[i].name))
			return (const char **)((char *)doc + fields[i].off);
	return NULL;
}

static void add_creator(kgx_doc *doc, const kgx_entry *e)
{
	size_t i = 0;
	while (i < 3 && doc->creators[i] && doc->creators[i] != e)
		i++;
	if (i < 3 && !doc->creators[i])
		doc->creators[i] = e;
}

static int same_name(const char *a, const char *b)
{
	return a && b && !strcasecmp(a, b);
}

kgx_status kgx_meta_run(kgx_doc *doc, const kgx_rules *rules)
{
	char buf[128];
	if (doc->date && !kgx_meta_date(doc->date, doc->issued))
		doc->issued[0] = '\0';
	/* "36111 nr. 7", as a publication page's table gives it */
	const char *nr = NULL;
	for (const char *p = doc->ident; p && *p && !nr; p++)
		if (p[0] == ' ' && (p[1] == 'n' || p[1] == 'N') && (p[2] == 'r' || p[2] == 'R'))
			nr = p;
	char dossier[64];
	int split = nr && (size_t)(nr - doc->ident) < sizeof dossier;
	if (split) {
		memcpy(dossier, doc->ident, (size_t)(nr - doc->ident));
		dossier[nr - doc->ident] = '\0';
	}
	if (kgx_meta_kst_id(doc->ident, buf, sizeof buf) ||
	    (split && kgx_meta_kst(dossier, nr + 3, buf, sizeof buf)) ||
	    kgx_meta_kst(doc->dossier, doc->kamerstuk, buf, sizeof buf))
		if (!(doc->kst = kgx_arena_strndup(&doc->arena, buf, strlen(buf))))
			return KGX_ERR_NOMEM;

	/* the sender: the ministries the text names where a rule found it
	 * (a letterhead, "BRIEF VAN DE MINISTER VAN …"), else the one the
	 * metadata names */
	const kgx_span *cs = &doc->creator_span;
	for (size_t i = 0; i < doc->mentions.len && cs->end > cs->begin; i++) {
		const kgx_mention *m = &KGX_VEC_AT(&doc->mentions, kgx_mention, i);
		if (m->kind == KGX_M_STRONG && m->span.begin >= cs->begin && m->span.end <= cs->end &&
		    (m->entry->classes & KGX_C_GOVBODY))
			add_creator(doc, m->entry);
	}
	if (!doc->creators[0] && doc->creator && rules) {
		const kgx_kb *kb = kgx_rules_kb((kgx_rules *)rules);
		size_t per_class[KGX_NCLASSES], aliases;
		size_t n = kgx_kb_count(kb, per_class, &aliases);
		for (size_t i = 0; i < n; i++) {
			const kgx_entry *e = kgx_kb_entry(kb, i);
			if ((e->classes & KGX_C_GOVBODY) && (same_name(e->label, doc->creator) ||
			                                     same_name(e->label_nl, doc->creator) ||
			                                     same_name(e->label_en, doc->creator))) {
				add_creator(doc, e);
				break;
			}
		}
	}
	return KGX_OK;
}
