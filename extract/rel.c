/* Relation pass. Each sentence is rewritten with its mentions replaced by
 * tokens U+E000 Class U+E001 index U+E002, so that a rule's pattern can say
 * "{s:Country} draagt … bij aan {o:Fund}" and PCRE2 does the rest. */
#include "rel.h"
#include "ent.h"
#include "frame.h"
#include "hash.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
	kgx_relation r;
	int priority;
	int framed;  /* a frame stated it: its amount and years are bound already */
	kgx_buf lost;
} candidate;

typedef struct {
	kgx_doc *doc;
	const kgx_rules *rules;
	pcre2_match_data *md, *md_neg;
	kgx_buf masked;
	kgx_vec cands;  /* candidate, for the current sentence */
	candidate *last;  /* the candidate add_candidate made or met */
	uint32_t sentence;
	const kgx_entry *silenced;  /* the voice, in a debate: no rule may speak for it */
} rel_ctx;

/* Replace stray private-use marks in the text so no document can forge a
 * mention token. */
static int add_text(kgx_buf *b, const char *s, size_t n)
{
	/* the runs between 0xEE bytes in one copy each: byte by byte, this
	 * was 1% of a run */
	size_t from = 0;
	for (const char *p; (p = memchr(s + from, 0xEE, n - from)) != NULL;) {
		size_t i = (size_t)(p - s);
		if (i + 2 < n && (unsigned char)s[i + 1] == 0x80 && ((unsigned char)s[i + 2] & 0xFC) == 0x80) {
			if (kgx_buf_add(b, s + from, i - from) || kgx_buf_add(b, "\xEF\xBF\xBD", 3))
				return -1;
			from = i + 3;
		} else {
			if (kgx_buf_add(b, s + from, i + 1 - from))
				return -1;
			from = i + 1;
		}
	}
	return kgx_buf_add(b, s + from, n - from);
}

static kgx_status mask(rel_ctx *c, const kgx_sentence *s, size_t m0, size_t m1)
{
	const kgx_doc *doc = c->doc;
	const kgx_mention *ms = doc->mentions.data;
	kgx_buf *b = &c->masked;
	b->len = 0;
	kgx_buf_add(b, "", 0);
	uint32_t at = s->span.begin;
	for (size_t i = m0; i < m1; i++) {
		if (ms[i].span.begin < at)
			continue;  /* nested inside the previous mention */
		if (ms[i].span.end > s->span.end)
			continue;  /* a document-wide rule's name that runs past the sentence */
		if (add_text(b, doc->text + at, ms[i].span.begin - at))
			return KGX_ERR_NOMEM;
		/* U+E000 [~]Class U+E001 index U+E002, without printf: a mention
		 * of every sentence is masked */
		const char *name = kgx_class_name(kgx_class_primary(ms[i].entry->classes));
		char num[24];
		size_t nl = sizeof num;
		size_t v = i;
		do
			num[--nl] = (char)('0' + v % 10);
		while ((v /= 10) != 0);
		if (kgx_buf_add(b, "\xEE\x80\x80", 3) || (ms[i].kind == KGX_M_WEAK && kgx_buf_addc(b, '~')) ||
		    kgx_buf_add(b, name, strlen(name)) || kgx_buf_add(b, "\xEE\x80\x81", 3) ||
		    kgx_buf_add(b, num + nl, sizeof num - nl) || kgx_buf_add(b, "\xEE\x80\x82", 3))
			return KGX_ERR_NOMEM;
		at = ms[i].span.end;
	}
	if (add_text(b, doc->text + at, s->span.end - at))
		return KGX_ERR_NOMEM;
	return KGX_OK;
}

/* Mention indices of the tokens in masked[b..e) whose class is wanted. */
static size_t tokens_in(const rel_ctx *c, size_t b, size_t e, unsigned classes,
                        unsigned adjectives, size_t *out, size_t max)
{
	const char *s = c->masked.s;
	const pcre2_code *qualifier = max > 1 ? kgx_rules_list_qualifier(c->rules) : NULL;
	size_t n = 0, prev_end = b;
	for (size_t i = b; i + 3 <= e && n < max; i++) {
		if (memcmp(s + i, "\xEE\x80\x80", 3))
			continue;
		const char *sep = strstr(s + i + 3, "\xEE\x80\x81");
		if (!sep)
			break;
		char *close;
		size_t idx = strtoul(sep + 3, &close, 10);
		/* "de Referentie Groep van de IASC, de Hub": IASC qualifies an item */
		int qualifies = n > 0 && qualifier &&
		                kgx_rules_match(c->rules, qualifier, s + prev_end, i - prev_end, 0, c->md_neg,
		                                &c->doc->limits, "list-qualifier") >= 0;
		/* byte by byte: close may be the terminating NUL */
		int closed = close[0] == '\xEE' && close[1] == '\x80' && close[2] == '\x82';
		prev_end = (size_t)(close - s) + (closed ? 3 : 0);
		if (!qualifies && idx < c->doc->mentions.len) {
			const kgx_mention *m = &KGX_VEC_AT(&c->doc->mentions, kgx_mention, idx);
			unsigned want = m->kind == KGX_M_WEAK ? adjectives : classes;
			if ((!classes && !adjectives && m->kind != KGX_M_WEAK) || (m->entry->classes & want))
				out[n++] = idx;
		}
		i = prev_end - 1;
	}
	return n;
}

#define MAX_LIST 32

/* Entities a reference of an emit line stands for in this match. */
static size_t resolve_ref(rel_ctx *c, const kgx_rule *ru, const char *ref,
                          const kgx_entry **out, int *is_doc)
{
	*is_doc = 0;
	if (!strcmp(ref, "doc")) {
		*is_doc = 1;
		out[0] = NULL;
		return 1;
	}
	if (ref[0] == '=') {
		out[0] = kgx_kb_get(kgx_rules_kb((kgx_rules *)c->rules), ref + 1);
		/* "emit = … =netherlands o" speaks as the letter; a debate's
		 * speakers are members, not the state */
		if (out[0] && out[0] == c->silenced)
			return 0;
		return out[0] ? 1 : 0;
	}
	const kgx_role *role = NULL;
	for (size_t i = 0; i < ru->n_roles; i++)
		if (!strcmp(ru->roles[i].name, ref))
			role = &ru->roles[i];
	if (!role)
		return 0;
	size_t b, e;
	if (!kgx_rules_group(ru->code, c->md, ref, &b, &e))
		return 0;
	size_t idx[MAX_LIST];
	size_t n = tokens_in(c, b, e, role->classes, role->adjectives, idx, role->list ? MAX_LIST : 1);
	for (size_t k = 0; k < n; k++)
		out[k] = KGX_VEC_AT(&c->doc->mentions, kgx_mention, idx[k]).entry;
	return n;
}

static kgx_status add_candidate(rel_ctx *c, const kgx_rule *ru, const kgx_entry *s,
                                const kgx_entry *o, int pred, uint32_t sentence)
{
	c->last = NULL;
	for (size_t i = 0; i < c->cands.len; i++) {
		candidate *k = &KGX_VEC_AT(&c->cands, candidate, i);
		if (k->r.s != s || k->r.o != o || k->r.predicate != pred)
			continue;
		c->last = k;
		if (!strcmp(k->r.rule, ru->id))
			return KGX_OK;
		const char *loser = ru->id;
		if (ru->priority > k->priority) {
			loser = k->r.rule;
			k->r.rule = ru->id;
			k->priority = ru->priority;
			k->r.year = ru->amounts ? -1 : 0;
		}
		if ((k->lost.len && kgx_buf_addc(&k->lost, ',')) || kgx_buf_printf(&k->lost, "%s", loser))
			return KGX_ERR_NOMEM;
		return KGX_OK;
	}
	candidate *k = kgx_vec_push(&c->cands);
	if (!k)
		return KGX_ERR_NOMEM;
	memset(k, 0, sizeof *k);
	c->last = k;
	k->r.s = s;
	k->r.o = o;
	k->r.predicate = pred;
	k->r.sentence = sentence;
	k->r.rule = ru->id;
	k->priority = ru->priority;
	/* amounts and years are looked up once the winner is known */
	k->r.year = ru->amounts ? -1 : 0;
	return KGX_OK;
}

static int negated(rel_ctx *c, size_t b, size_t e)
{
	const pcre2_code *neg = kgx_rules_negation(c->rules);
	if (!neg)
		return 0;
	/* its own match data: c->md holds the relation match being applied */
	return kgx_rules_match(c->rules, neg, c->masked.s + b, e - b, 0, c->md_neg, &c->doc->limits,
	                       "negation") >= 0;
}

static kgx_status apply(rel_ctx *c, const kgx_rule *ru, uint32_t sentence)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
	/* a negation may also follow the object: "steunt Y niet langer" */
	size_t clause_end = ov[1];
	while (clause_end < c->masked.len && c->masked.s[clause_end] != ',' &&
	       c->masked.s[clause_end] != ';' && c->masked.s[clause_end] != '.')
		clause_end++;
	if (ru->negation && negated(c, ov[0], clause_end))
		return KGX_OK;
	const kgx_frames *fs = kgx_rules_frames(c->rules);
	for (size_t k = 0; k < ru->n_emits; k++) {
		const kgx_emit *em = &ru->emits[k];
		const kgx_entry *ss[MAX_LIST], *os[MAX_LIST];
		int sdoc, odoc;
		size_t ns = resolve_ref(c, ru, em->s, ss, &sdoc);
		size_t no = resolve_ref(c, ru, em->o, os, &odoc);
		for (size_t i = 0; i < ns; i++)
			for (size_t j = 0; j < no; j++) {
				if (odoc || (!ss[i] && !sdoc) || !os[j] || ss[i] == os[j])
					continue;
				/* "het kabinet heeft via X … beschikbaar gesteld": the cabinet
				 * and the ministries give, take part and support for the
				 * state, as in frames */
				const kgx_entry *s = ss[i];
				if (s && fs && (em->predicate == KGX_P_FUNDS || em->predicate == KGX_P_PARTICIPATESIN ||
				                em->predicate == KGX_P_SUPPORTS))
					s = kgx_frames_acting_for(fs, s);
				if (s == os[j])
					continue;
				kgx_status st = add_candidate(c, ru, s, os[j], em->predicate, sentence);
				if (st != KGX_OK)
					return st;
			}
	}
	return KGX_OK;
}

/* The number s[0..len) as strtod reads it, in num (capacity cap); returns
 * its length. The separator that comes last and once is the decimal one
 * when both occur ("1.234,56", "1,234.56"); one kind only, more than once,
 * groups thousands ("12.345.678", "12,345,678"); once, it is Dutch: '.'
 * before three digits groups ("1.500"), else it is a decimal point or
 * comma ("2,5", "2.5", "1,500"). */
static size_t amount_number(const char *s, size_t len, char *num, size_t cap)
{
	size_t dots = 0, commas = 0, last = len;
	for (size_t i = 0; i < len; i++)
		if (s[i] == '.' || s[i] == ',') {
			dots += s[i] == '.';
			commas += s[i] == ',';
			last = i;
		}
	char decimal = 0;
	if (dots && commas)
		decimal = s[last];
	else if (dots + commas == 1)
		decimal = s[last] == ',' || len - last - 1 != 3 ? s[last] : 0;
	if (decimal && (s[last] != decimal || (decimal == '.' ? dots : commas) > 1))
		decimal = 0;  /* "1.234.5,6,7": no decimal part makes sense; read digits */
	size_t n = 0;
	for (size_t i = 0; i < len && n < cap - 1; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			num[n++] = s[i];
		else if (decimal && i == last)
			num[n++] = '.';
	}
	num[n] = '\0';
	return n;
}

int kgx_rel_amount_value(const kgx_rules *rules, const char *num_s, size_t num_len, const char *mult_s,
                         size_t mult_len, char *out)
{
	char num[64];
	size_t n = amount_number(num_s, num_len, num, sizeof num);
	if (!n && num_len) {
		/* a number in words ("twee miljoen"): the word is a multiplier */
		double w = kgx_rules_multiplier(rules, num_s, num_len);
		if (w > 0)
			n = (size_t)snprintf(num, sizeof num, "%g", w);
	}
	double mult = 1;
	if (mult_s) {
		double m = kgx_rules_multiplier(rules, mult_s, mult_len);
		/* or a figure: a table's unit "x 1.000" */
		char unit[32];
		if (!(m > 0) && amount_number(mult_s, mult_len, unit, sizeof unit))
			m = strtod(unit, NULL);
		if (m > 0)
			mult = m;
	}
	double v = strtod(num, NULL) * mult;
	if (!n || !(v > 0) || v >= 1e15)
		return 0;
	/* whole units; cents survive as two decimals, always with a decimal
	 * point: in Turtle a bare 5500000 would read back as xsd:integer */
	long long cents = (long long)(v * 100 + 0.5);
	if (cents % 100)
		snprintf(out, 32, "%lld.%02lld", cents / 100, cents % 100);
	else
		snprintf(out, 32, "%lld.0", cents / 100);
	return 1;
}

/* The value of the amount the last match of the amount pattern found. */
static int amount_value(const kgx_rules *rules, const pcre2_code *re, pcre2_match_data *md, const char *s,
                        char *out, const char **currency)
{
	size_t nb = 0, ne = 0, mb = 0, me = 0, cb = 0, ce = 0;
	if (!kgx_rules_group(re, md, "num", &nb, &ne))
		return 0;
	int has_mult = kgx_rules_group(re, md, "mult", &mb, &me);
	const char *cur = NULL;
	if (kgx_rules_group(re, md, "cur", &cb, &ce))
		cur = kgx_rules_currency(rules, s + cb, ce - cb);
	if (!cur && kgx_rules_group(re, md, "cur2", &cb, &ce))
		cur = kgx_rules_currency(rules, s + cb, ce - cb);
	if (!cur && ce > cb) {
		/* "Amerikaanse dollar": the currency is the last word */
		size_t w = ce;
		while (w > cb && s[w - 1] != ' ')
			w--;
		cur = kgx_rules_currency(rules, s + w, ce - w);
	}
	if (!cur || !kgx_rel_amount_value(rules, s + nb, ne - nb, has_mult ? s + mb : NULL, me - mb, out))
		return 0;
	*currency = cur;
	return 1;
}

/* A frame's relation joins the sentence's candidates; a frame binds amounts
 * and years to one object, so its attributes replace a pattern rule's. */
static kgx_status frame_fact(void *ctx, const kgx_frame_fact *f)
{
	rel_ctx *c = ctx;
	kgx_status st = add_candidate(c, f->rule, f->s, f->o, f->predicate, c->sentence);
	candidate *k = c->last;
	if (st != KGX_OK || !k)
		return st;
	if (!k->framed || (!k->r.amount && f->amount)) {
		k->framed = 1;
		k->r.amount = f->amount;
		k->r.currency = f->currency;
		k->r.year = f->year;
		k->r.start_year = f->start_year;
		k->r.end_year = f->end_year;
		k->r.back = f->back;
	}
	if (!k->r.how || !strcmp(k->r.rule, f->rule->id))
		k->r.how = f->how;
	return KGX_OK;
}

int kgx_rel_amount_next(const kgx_rules *rules, const char *s, size_t len, size_t start,
                        pcre2_match_data *md, char *out, const char **currency, size_t *begin, size_t *end)
{
	const pcre2_code *re = kgx_rules_amount(rules);
	while (re && start <= len && kgx_rules_match(rules, re, s, len, start, md, NULL, "amount") >= 0) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		*begin = ov[0];
		*end = ov[1];
		if (amount_value(rules, re, md, s, out, currency))
			return 1;
		start = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
	return 0;
}

int kgx_rel_amount(const kgx_rules *rules, const char *s, size_t len, char *out,
                   const char **currency)
{
	pcre2_match_data *md = pcre2_match_data_create(16, NULL);
	size_t b, e;
	int found = md && kgx_rel_amount_next(rules, s, len, 0, md, out, currency, &b, &e);
	pcre2_match_data_free(md);
	return found;
}

/* Words that may stand between a joining word and a year: "tot eind
 * september 2021", "van begin 2015". */
int kgx_rel_month(const char *w, size_t n)
{
	static const char *const months[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
	                                     "juli",    "augustus", "september", "oktober", "november", "december"};
	for (size_t i = 0; i < sizeof months / sizeof *months; i++)
		if (strlen(months[i]) == n && !strncasecmp(months[i], w, n))
			return (int)i + 1;
	return 0;
}

static int date_word(const char *w, size_t n)
{
	static const char *const words[] = {
		"begin", "eind", "einde", "medio", "half", "halverwege", "het", "jaar", "de", "zomer", "najaar",
		"voorjaar", "winter", "kwartaal", "eerste", "tweede", "derde", "vierde"};
	if (n && n <= 2 && w[0] >= '0' && w[0] <= '9')
		return 1;  /* a day */
	if (kgx_rel_month(w, n))
		return 1;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strlen(words[i]) == n && !strncasecmp(words[i], w, n))
			return 1;
	return 0;
}

/* s[0..n) without the date words at its end (or, with from_start, at its start). */
static size_t strip_date_words(const char *s, size_t *n, int from_start)
{
	size_t off = 0;
	for (;;) {
		while (*n && s[off] == ' ')
			off++, (*n)--;
		while (*n && s[off + *n - 1] == ' ')
			(*n)--;
		size_t w = 0;
		if (from_start) {
			while (w < *n && s[off + w] != ' ')
				w++;
			if (!w || !date_word(s + off, w))
				return off;
			off += w;
			*n -= w;
		} else {
			while (w < *n && s[off + *n - 1 - w] != ' ')
				w++;
			if (!w || !date_word(s + off + *n - w, w))
				return off;
			*n -= w;
		}
	}
}

static int ends_with_word(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	return n >= k && !strncasecmp(s + n - k, w, k) && (n == k || s[n - k - 1] == ' ' || s[n - k - 1] == '(');
}

/* The years a sentence names: a period when two years are joined by a dash,
 * "tot (en met)", "t/m" or "en" ("2026–2030", "van mei 2024 tot en met mei
 * 2025"); else one year, which "tot" or "t/m" before it makes an end and
 * "sinds" or "vanaf" a start. */
void kgx_rel_years(const char *s, size_t len, int *year, int *start, int *end)
{
	int ys[8];
	size_t at[8], after[8];
	int n = 0;
	*year = *start = *end = 0;
	for (size_t i = 0; i + 4 <= len && n < 8; i++) {
		if (i && ((s[i - 1] >= '0' && s[i - 1] <= '9') || s[i - 1] == '/' || s[i - 1] == ',' ||
		          s[i - 1] == '.'))
			continue;
		if (!((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0')))
			continue;
		if (!(s[i + 2] >= '0' && s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9'))
			continue;
		if (i + 4 < len && ((s[i + 4] >= '0' && s[i + 4] <= '9') || s[i + 4] == '/'))
			continue;
		ys[n] = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
		at[n] = i;
		after[n] = i + 4;
		n++;
		i += 3;
	}
	if (!n)
		return;
	for (int k = 0; k + 1 < n; k++) {
		/* what joins year k and year k+1, less the dates around the years */
		size_t jn = at[k + 1] - after[k];
		const char *j = s + after[k];
		j += strip_date_words(j, &jn, 0);
		int joined = (jn == 1 && *j == '-') || (jn == 3 && !memcmp(j, "\xE2\x80\x93", 3)) ||
		             (jn == 3 && !memcmp(j, "tot", 3)) || (jn == 3 && !memcmp(j, "t/m", 3)) ||
		             (jn == 10 && !memcmp(j, "tot en met", 10)) || (jn == 2 && !memcmp(j, "en", 2)) ||
		             (jn == 5 && !memcmp(j, "until", 5));
		if (joined && ys[k + 1] > ys[k]) {
			*start = ys[k];
			*end = ys[k + 1];
			return;
		}
	}
	/* "in 2016 € 3 miljoen, in 2017 € 4 miljoen, in 2018 …": a sum
	 * per year, and the years they span */
	int series = n >= 2;
	for (int k = 0; k < n && series; k++) {
		const char *a = s + after[k];
		size_t an = len - after[k];
		while (an && *a == ' ')
			a++, an--;
		/* a number, a currency sign (€, $, ƒ) or a three-letter code */
		series = (k == 0 || ys[k] > ys[k - 1]) && an &&
		         ((*a >= '0' && *a <= '9') || *a == '$' || (an >= 3 && !memcmp(a, "\xE2\x82\xAC", 3)) ||
		          (an >= 2 && !memcmp(a, "\xC6\x92", 2)) ||
		          (an >= 3 && a[0] >= 'A' && a[0] <= 'Z' && a[1] >= 'A' && a[1] <= 'Z' && a[2] >= 'A' && a[2] <= 'Z' &&
		           (an == 3 || a[3] == ' ')));
	}
	if (series) {
		*start = ys[0];
		*end = ys[n - 1];
		return;
	}
	/* the words before the first year, less its day and month */
	size_t bn = at[0] > 40 ? 40 : at[0];
	const char *b = s + at[0] - bn;
	while (bn && b[bn - 1] == ' ')
		bn--;
	for (;;) {
		size_t w = 0;
		while (w < bn && b[bn - 1 - w] != ' ')
			w++;
		if (!w || !date_word(b + bn - w, w))
			break;
		bn -= w;
		while (bn && b[bn - 1] == ' ')
			bn--;
	}
	/* "van 12 tot 14 februari 2018" is days of one year */
	size_t dn = bn;
	if (ends_with_word(b, dn, "tot"))
		dn -= 3;
	while (dn && b[dn - 1] == ' ')
		dn--;
	int days = dn < bn && dn && b[dn - 1] >= '0' && b[dn - 1] <= '9' &&
	           (dn == 1 || b[dn - 2] == ' ' || (b[dn - 2] >= '0' && b[dn - 2] <= '9' && (dn == 2 || b[dn - 3] == ' ')));
	if (days)
		*year = ys[0];
	else if (ends_with_word(b, bn, "tot") || ends_with_word(b, bn, "t/m") || ends_with_word(b, bn, "met") ||
	         ends_with_word(b, bn, "until"))
		*end = ys[0];
	else if (ends_with_word(b, bn, "sinds") || ends_with_word(b, bn, "vanaf") || ends_with_word(b, bn, "since"))
		*start = ys[0];
	else
		*year = ys[0];
}

static kgx_status finish_sentence(rel_ctx *c, const kgx_sentence *s)
{
	kgx_doc *doc = c->doc;
	const char *text = doc->text + s->span.begin;
	size_t len = s->span.end - s->span.begin;
	for (size_t i = 0; i < c->cands.len; i++) {
		candidate *k = &KGX_VEC_AT(&c->cands, candidate, i);
		kgx_relation *r = kgx_vec_push(&doc->relations);
		if (!r)
			return KGX_ERR_NOMEM;
		*r = k->r;
		if (!k->framed)
			r->year = 0;
		if (k->lost.len && !(r->lost = kgx_arena_strndup(&doc->arena, k->lost.s, k->lost.len)))
			return KGX_ERR_NOMEM;
		if (!k->framed && k->r.year == -1) {
			char amount[32];
			const char *cur;
			/* an amount is stated for a recipient: funds and participatesIn
			 * carry one, partOf or supports never */
			int money = k->r.predicate == KGX_P_FUNDS || k->r.predicate == KGX_P_PARTICIPATESIN;
			if (money && kgx_rel_amount(c->rules, text, len, amount, &cur)) {
				r->amount = kgx_arena_strndup(&doc->arena, amount, strlen(amount));
				r->currency = cur;
			}
			kgx_rel_years(text, len, &r->year, &r->start_year, &r->end_year);
		}
		kgx_buf_free(&k->lost);
	}
	c->cands.len = 0;
	return KGX_OK;
}

static uint64_t fact_hash(const kgx_entry *s, const kgx_entry *o, int pred, uint32_t sentence)
{
	uint64_t h = kgx_hash_word(0, (uintptr_t)s);
	h = kgx_hash_word(h, (uintptr_t)o);
	return kgx_hash_word(h, (uint64_t)pred << 32 | sentence);
}

/* A relation unless the same one is already stated in that sentence;
 * `stated` indexes doc->relations by fact_hash. */
static kgx_status add_fact(kgx_doc *doc, kgx_index *stated, const kgx_entry *s, const kgx_entry *o,
                           int pred, uint32_t sentence, const char *rule)
{
	uint64_t h = fact_hash(s, o, pred, sentence);
	for (uint32_t cur, i = kgx_index_find(stated, h, &cur); i != KGX_INDEX_END;
	     i = kgx_index_again(stated, h, &cur)) {
		const kgx_relation *r = &KGX_VEC_AT(&doc->relations, kgx_relation, i);
		if (r->s == s && r->o == o && r->predicate == pred && r->sentence == sentence)
			return KGX_OK;
	}
	kgx_relation *r = kgx_vec_push(&doc->relations);
	if (!r || kgx_index_add(stated, h, (uint32_t)(doc->relations.len - 1)))
		return KGX_ERR_NOMEM;
	r->s = s;
	r->o = o;
	r->predicate = pred;
	r->sentence = sentence;
	r->rule = rule;
	return KGX_OK;
}

/* Whether s[0..n) is " van de ", " of the " and the like ("der" joins the
 * words of one name: "Tweede Kamer der Staten-Generaal"). */
static int joined_by_of(const char *s, size_t n)
{
	static const char *const joins[] = {" van de ", " van het ", " van ", " of the ", " of "};
	for (size_t i = 0; i < sizeof joins / sizeof *joins; i++)
		if (strlen(joins[i]) == n && !strncasecmp(s, joins[i], n))
			return 1;
	return 0;
}

/* "X, het kinderfonds van de Y": an apposition whose head noun hangs on Y */
static int joined_by_apposition(const char *s, size_t n)
{
	size_t i = 0;
	if (i >= n || s[i] != ',')
		return 0;
	for (i++; i < n && s[i] == ' '; i++)
		;
	if (n - i > 3 && !strncasecmp(s + i, "de ", 3))
		i += 3;
	else if (n - i > 4 && !strncasecmp(s + i, "het ", 4))
		i += 4;
	else
		return 0;
	size_t w = i;
	while (i < n && s[i] != ' ' && s[i] != ',' && s[i] != '.')
		i++;
	if (i == w || i >= n || s[i] != ' ')
		return 0;
	return joined_by_of(s + i, n - i);
}

static int listed(const kgx_entry *const *list, const kgx_entry *e)
{
	for (; list && *list; list++)
		if (*list == e)
			return 1;
	return 0;
}

/* The first mention of e, of any kind. */
static uint32_t first_mention(const kgx_doc *doc, const kgx_index *ix, const kgx_entry *e)
{
	const kgx_mention *ms = doc->mentions.data;
	uint64_t h = kgx_hash_word(0, (uintptr_t)e);
	for (uint32_t cur, i = kgx_index_find(ix, h, &cur); i != KGX_INDEX_END; i = kgx_index_again(ix, h, &cur))
		if (ms[i].entry == e)
			return i;
	return KGX_NO_MENTION;
}

typedef struct {
	const kgx_entry *place;
	uint32_t mention;  /* its first strong mention in a sentence that names the mission */
} place;

static int cmp_place(const void *a, const void *b)
{
	const place *x = a, *y = b;
	return x->mention < y->mention ? -1 : x->mention > y->mention;
}

#define REGIONAL_PLACES 3 /* a mission in more places than this works in a region */

/* The first strong mention of `place` in a sentence that also names
 * `with`, or KGX_NO_MENTION. */
static uint32_t beside(const kgx_doc *doc, const kgx_entry *place, const kgx_entry *with)
{
	const kgx_mention *ms = doc->mentions.data;
	size_t n = doc->mentions.len;
	for (size_t j = 0; j < n; j++) {
		if (ms[j].entry != place || ms[j].kind != KGX_M_STRONG)
			continue;
		for (size_t k = j; k > 0 && ms[k - 1].sentence == ms[j].sentence; k--)
			if (ms[k - 1].entry == with)
				return (uint32_t)j;
		for (size_t k = j + 1; k < n && ms[k].sentence == ms[j].sentence; k++)
			if (ms[k].entry == with)
				return (uint32_t)j;
	}
	return KGX_NO_MENTION;
}

/* What the knowledge base knows, stated where the text names both ends:
 * located-in within the document; a country named inside a mission's name
 * is where the mission operates, and a parent named inside a body's name
 * ("secretaris-generaal van de VN") is what it belongs to. Two bodies that
 * merely share a sentence are left to the rules. */
static kgx_status facts(kgx_doc *doc)
{
	const kgx_mention *ms = doc->mentions.data;
	size_t n = doc->mentions.len;
	kgx_index stated, firsts;  /* relations by fact_hash; first mentions by entry */
	kgx_vec places;
	kgx_index_init(&stated);
	kgx_index_init(&firsts);
	kgx_vec_init(&places, sizeof(place));
	kgx_status st = KGX_OK;
	for (size_t i = 0; i < doc->relations.len && st == KGX_OK; i++) {
		const kgx_relation *r = &KGX_VEC_AT(&doc->relations, kgx_relation, i);
		if (kgx_index_add(&stated, fact_hash(r->s, r->o, r->predicate, r->sentence), (uint32_t)i))
			st = KGX_ERR_NOMEM;
	}
	for (size_t i = 0; i < n && st == KGX_OK; i++)
		if (first_mention(doc, &firsts, ms[i].entry) == KGX_NO_MENTION &&
		    kgx_index_add(&firsts, kgx_hash_word(0, (uintptr_t)ms[i].entry), (uint32_t)i))
			st = KGX_ERR_NOMEM;
	for (size_t i = 0; i < n && st == KGX_OK; i++) {
		const kgx_mention *a = &ms[i];
		if (a->kind != KGX_M_STRONG)
			continue;
		/* "het Ontwikkelingsprogramma van de VN": a body and the one
		 * the knowledge base says it belongs to, joined by "van (de)" or by
		 * an apposition ("X, het kinderfonds van de Y") */
		if (i + 1 < n && ms[i + 1].kind == KGX_M_STRONG && ms[i + 1].sentence == a->sentence &&
		    ms[i + 1].span.begin > a->span.end && listed(a->entry->part_of, ms[i + 1].entry) &&
		    (joined_by_of(doc->text + a->span.end, ms[i + 1].span.begin - a->span.end) ||
		     joined_by_apposition(doc->text + a->span.end, ms[i + 1].span.begin - a->span.end)) &&
		    (st = add_fact(doc, &stated, a->entry, ms[i + 1].entry, KGX_P_PARTOF, a->sentence,
		                   "kb:part-of-named")) != KGX_OK)
			break;
		if (a->outer != KGX_NO_MENTION) {
			const kgx_entry *o = ms[a->outer].entry;
			if ((a->entry->classes & KGX_C_COUNTRY) && (o->classes & KGX_C_MISSION) &&
			    (st = add_fact(doc, &stated, o, a->entry, KGX_P_LOCATEDIN, a->sentence,
			                   "kb:nested-located-in")) != KGX_OK)
				break;
			if (listed(o->part_of, a->entry) &&
			    (st = add_fact(doc, &stated, o, a->entry, KGX_P_PARTOF, a->sentence,
			                   "kb:nested-part-of")) != KGX_OK)
				break;
		}
		/* located-in once per pair, looked for at the first mention of
		 * the mission, in the order the places are first named beside it */
		if (!a->entry->located_in || first_mention(doc, &firsts, a->entry) != i)
			continue;
		/* a force of a whole region ("de G5 Sahel-troepenmacht") is not
		 * said to be in each country of it the text names */
		size_t n_places = 0;
		while (a->entry->located_in[n_places])
			n_places++;
		if (n_places > REGIONAL_PLACES)
			continue;
		places.len = 0;
		for (const kgx_entry *const *l = a->entry->located_in; *l && st == KGX_OK; l++) {
			/* in a sentence that names the mission too: the text says it
			 * there, not only the knowledge base */
			uint32_t m = *l == a->entry ? KGX_NO_MENTION : beside(doc, *l, a->entry);
			place *p = m == KGX_NO_MENTION ? NULL : kgx_vec_push(&places);
			if (p) {
				p->place = *l;
				p->mention = m;
			} else if (m != KGX_NO_MENTION) {
				st = KGX_ERR_NOMEM;
			}
		}
		if (places.len)
			qsort(places.data, places.len, sizeof(place), cmp_place);
		for (size_t k = 0; k < places.len && st == KGX_OK; k++)
			st = add_fact(doc, &stated, a->entry, KGX_VEC_AT(&places, place, k).place, KGX_P_LOCATEDIN,
			              ms[KGX_VEC_AT(&places, place, k).mention].sentence, "kb:located-in");
	}
	kgx_index_free(&stated);
	kgx_index_free(&firsts);
	kgx_vec_free(&places);
	return st;
}

kgx_status kgx_rel_run(kgx_doc *doc, const kgx_rules *rules)
{
	rel_ctx c = {0};
	c.doc = doc;
	c.rules = rules;
	c.md = pcre2_match_data_create(64, NULL);
	c.md_neg = pcre2_match_data_create(4, NULL);
	kgx_vec_init(&c.cands, sizeof(candidate));
	kgx_status st = c.md && c.md_neg ? KGX_OK : KGX_ERR_NOMEM;
	size_t m = 0;
	const kgx_mention *ms = doc->mentions.data;
	kgx_needs needs = {0};
	kgx_frame_state *frames = NULL;
	if (st == KGX_OK)
		st = kgx_needs_init(&needs, rules);
	if (st == KGX_OK)
		st = kgx_frame_state_new(&frames, kgx_rules_frames(rules), rules, doc);
	if (st == KGX_OK && kgx_rules_frames(rules) && !kgx_frame_state_voice(frames))
		c.silenced = kgx_frames_voice(kgx_rules_frames(rules));
	/* the relation rules, picked out once rather than per sentence */
	kgx_vec relations;
	kgx_vec_init(&relations, sizeof(const kgx_rule *));
	for (size_t ri = 0; st == KGX_OK && ri < kgx_rules_count(rules); ri++) {
		const kgx_rule *ru = kgx_rules_get(rules, ri);
		const kgx_rule **slot;
		if (ru->kind == KGX_RULE_RELATION && ru->code && !ru->document_scope)
			st = (slot = kgx_vec_push(&relations)) ? (*slot = ru, KGX_OK) : KGX_ERR_NOMEM;
	}
	const kgx_rule **relation_rules = relations.data;
	size_t n_relation_rules = relations.len;
	for (size_t si = 0; st == KGX_OK && si < doc->sentences.len; si++) {
		const kgx_sentence *s = &KGX_VEC_AT(&doc->sentences, kgx_sentence, si);
		size_t m0 = m;
		while (m < doc->mentions.len && ms[m].span.begin < s->span.end)
			m++;
		c.sentence = (uint32_t)si;
		/* frames first: an anaphor may fill a slot in a sentence without names */
		if ((st = kgx_frames_sentence(frames, doc, (uint32_t)si, m0, m, frame_fact, &c)) != KGX_OK)
			break;
		if (m == m0) {
			st = finish_sentence(&c, s);
			continue;  /* every pattern rule needs at least one mention */
		}
		if ((st = mask(&c, s, m0, m)) != KGX_OK)
			break;
		if ((st = kgx_needs_set(&needs, c.masked.s, c.masked.len)) != KGX_OK)
			break;
		for (size_t ri = 0; st == KGX_OK && ri < n_relation_rules; ri++) {
			const kgx_rule *ru = relation_rules[ri];
			if (m - m0 < ru->min_mentions || !kgx_rules_may_match(rules, ru, &needs))
				continue;
			size_t start = 0, len = c.masked.len;
			while (st == KGX_OK && start <= len) {
				if (kgx_rules_match(rules, ru->code, c.masked.s, len, start, c.md, &doc->limits, ru->id) < 0)
					break;
				PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c.md);
				size_t mb = ov[0], me = ov[1];
				st = apply(&c, ru, (uint32_t)si);
				start = me > mb ? me : mb + 1;
				while (start < len && ((unsigned char)c.masked.s[start] & 0xC0) == 0x80)
					start++;
			}
		}
		if (st == KGX_OK)
			st = finish_sentence(&c, s);
	}
	if (st == KGX_OK)
		st = facts(doc);
	for (size_t i = 0; i < c.cands.len; i++)
		kgx_buf_free(&KGX_VEC_AT(&c.cands, candidate, i).lost);
	kgx_vec_free(&c.cands);
	kgx_buf_free(&c.masked);
	kgx_vec_free(&relations);
	kgx_needs_free(&needs);
	kgx_frame_state_free(frames);
	pcre2_match_data_free(c.md);
	pcre2_match_data_free(c.md_neg);
	return st;
}
