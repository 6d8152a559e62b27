/* Entity pass. Entity rules run first over plain text and define names the
 * knowledge base may not know (acronym definitions, persons after titles,
 * signature blocks); then the knowledge base and those names are looked up
 * word by word; overlaps are settled by priority, length, then position. */
#include "ent.h"
#include "hash.h"
#include "meta.h"
#include "utf8.h"

#include <utf8proc.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define KB_PRIORITY 50

/* What a `create.G = none` group names: a mention of it takes its span from
 * every other name and is then dropped (resolve_overlaps). */
static const kgx_entry nothing = {.id = "", .label = ""};

typedef struct {
	kgx_doc *doc;
	const kgx_rules *rules;
	kgx_lex *local;        /* names defined in this document */
	kgx_ptrset seen;       /* entries strongly mentioned so far */
	kgx_vec seen_last;     /* seen_mark by seen number: how often and when last mentioned */
	uint32_t clock;
	kgx_index by_label;    /* hash of a discovered entry's label -> doc->discovered */
	kgx_index by_id;       /* hash of its id -> doc->discovered */
	kgx_vec tokens;
	kgx_buf keys;
	kgx_buf name;          /* a created name spelt out from its template */
	kgx_buf id;            /* a created id spelt out from its template */
	kgx_needs needs;       /* needs words found in the current text */
	pcre2_match_data *md, *md_classify;
	unsigned want;         /* class filter for lookups, 0 = any */
	const kgx_entry *outer;  /* nested scan: the name being looked into */
	int whole;             /* lookups must cover all tokens */
	size_t ntok;
} ent_ctx;

typedef struct {
	uint32_t count, last;  /* mentions so far; the clock at the last one */
} seen_mark;

/* How e stands among the names seen so far: 0 if never named; else more
 * for the one named more often, and of two named as often, the later. */
static uint64_t salience(const ent_ctx *c, const kgx_entry *e)
{
	uint32_t k = kgx_ptrset_find(&c->seen, e);
	if (k == KGX_INDEX_END || k >= c->seen_last.len)
		return 0;
	const seen_mark *m = &KGX_VEC_AT(&c->seen_last, seen_mark, k);
	return (uint64_t)m->count << 32 | m->last;
}

static kgx_status mark_seen(ent_ctx *c, const kgx_entry *e)
{
	int added = kgx_ptrset_add(&c->seen, e);
	if (added < 0)
		return KGX_ERR_NOMEM;
	/* a new entry's number is the set's size before it */
	uint32_t k = added ? (uint32_t)(c->seen.items.len - 1) : kgx_ptrset_find(&c->seen, e);
	while (c->seen_last.len <= k) {
		seen_mark *slot = kgx_vec_push(&c->seen_last);
		if (!slot)
			return KGX_ERR_NOMEM;
		slot->count = slot->last = 0;
	}
	seen_mark *m = &KGX_VEC_AT(&c->seen_last, seen_mark, k);
	m->count++;
	m->last = ++c->clock;
	return KGX_OK;
}

static int accept(void *ctx, const kgx_alias *al, const kgx_token *first, size_t n)
{
	ent_ctx *c = ctx;
	if (c->outer) {
		/* inside a name: a country, or the body it belongs to ("… van de VN") */
		int parent = 0;
		for (const kgx_entry *const *p = c->outer->part_of; p && *p && !parent; p++)
			parent = *p == al->entry;
		if (!parent && !(al->entry->classes & KGX_C_COUNTRY))
			return 0;
	} else if (c->want && !(al->entry->classes & c->want)) {
		return 0;
	}
	if (c->whole && n != c->ntok)
		return 0;
	if (al->exact && !kgx_lex_exact_matches(al->exact, first, n, c->keys.s))
		return 0;
	/* a rule that creates a body, a mission or a fund has read the name
	 * after its kind or a title: "operatie Sophia" is the known "Operatie
	 * Sophia", "minister voor Ontwikkelingssamenwerking" the portfolio.
	 * Documents, persons and events share short names too often for it. */
	int ruled = c->whole && (c->want & (KGX_C_MISSION | KGX_C_GOVBODY | KGX_C_UNBODY | KGX_C_FUND | KGX_C_ORGANISATION)) &&
	            !(c->want & (KGX_C_DOCUMENT | KGX_C_PERSON | KGX_C_EVENT));
	if (al->capital && n > 1 && !ruled) {
		int32_t cp;
		kgx_utf8_decode(c->keys.s + first[0].exact, first[0].exact_len, &cp);
		if (utf8proc_category(cp) == UTF8PROC_CATEGORY_LL)
			return 0;
	}
	/* a short name stands for its entry once the full one was named, or
	 * where a rule's context names its class ("minister voor
	 * Ontwikkelingssamenwerking") */
	if (al->kind == KGX_ALIAS_SHORT && !ruled) {
		uint64_t mine = salience(c, al->entry);
		if (!mine)
			return 0;
		/* a short name entries share ("de Raad") is the one the letter has
		 * named most, and of those the one named last */
		const kgx_lex *kb = kgx_kb_lex(kgx_rules_kb((kgx_rules *)c->rules));
		for (const kgx_alias *o = kgx_lex_next_alias(kb, al); o; o = kgx_lex_next_alias(kb, o))
			if (o->kind == KGX_ALIAS_SHORT && o->entry != al->entry && salience(c, o->entry) > mine)
				return 0;
	}
	return 1;
}

static kgx_status add_mention(kgx_doc *doc, uint32_t b, uint32_t e, const kgx_entry *entry,
                              int prio, kgx_mention_kind kind, const char *rule)
{
	kgx_mention *m = kgx_vec_push(&doc->mentions);
	if (!m)
		return KGX_ERR_NOMEM;
	m->span.begin = b;
	m->span.end = e;
	m->entry = entry;
	m->priority = prio;
	m->kind = kind;
	m->rule = rule;
	m->nested = 0;
	return KGX_OK;
}

/* An IRI slug from a label: lower-case ASCII letters and digits joined by
 * '-', diacritics dropped; other scripts are kept as hex so that the slug is
 * never empty. A label without words ("***") is spelt out in hex, and a
 * slug cut short ends in a hash of the whole label, so that different
 * labels do not meet in one IRI. */
static char *slugify(kgx_arena *a, const char *prefix, const char *s, size_t len)
{
	kgx_vec toks;
	kgx_buf keys = {0}, out = {0};
	kgx_vec_init(&toks, sizeof(kgx_token));
	char *res = NULL;
	if (kgx_fold_tokens(s, len, &toks, &keys) != KGX_OK)
		goto done;
	kgx_buf_add(&out, prefix, strlen(prefix));
	size_t i = 0;
	for (; i < toks.len && out.len < 120; i++) {
		const kgx_token *t = &KGX_VEC_AT(&toks, kgx_token, i);
		if (out.len && out.s[out.len - 1] != '-')
			kgx_buf_addc(&out, '-');
		for (uint32_t k = 0; k < t->key_len; k++) {
			unsigned char ch = (unsigned char)keys.s[t->key + k];
			if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
				kgx_buf_addc(&out, (char)ch);
			else
				kgx_buf_printf(&out, "%02x", ch);
		}
	}
	if (!toks.len) {
		kgx_buf_addc(&out, 'x');
		for (size_t k = 0; k < len && k < 32; k++)
			kgx_buf_printf(&out, "%02x", (unsigned char)s[k]);
	}
	if (i < toks.len || (!toks.len && len > 32))
		kgx_buf_printf(&out, "-%08llx", (unsigned long long)(kgx_hash(KGX_HASH_INIT, s, len) & 0xffffffffu));
	else if (!out.len || out.s[out.len - 1] == '-')
		kgx_buf_addc(&out, 'x');
	res = kgx_arena_strndup(a, out.s, out.len);
done:
	kgx_vec_free(&toks);
	kgx_buf_free(&keys);
	kgx_buf_free(&out);
	return res;
}

/* s[0..len) with runs of white space turned into one space, in the arena. */
static char *collapse(kgx_arena *a, const char *s, size_t len)
{
	kgx_buf b = {0};
	char *o = kgx_buf_set_collapsed(&b, s, len) ? NULL : kgx_arena_strndup(a, b.s, b.len);
	kgx_buf_free(&b);
	return o;
}

/* The entry a name refers to: the knowledge base's or this document's, when
 * the whole name is one of their names (and of a wanted class). */
static const kgx_entry *lookup(ent_ctx *c, const char *s, size_t len, unsigned want)
{
	kgx_vec toks;
	kgx_buf keys = {0};
	kgx_vec_init(&toks, sizeof(kgx_token));
	const kgx_entry *found = NULL;
	if (kgx_fold_tokens(s, len, &toks, &keys) == KGX_OK && toks.len) {
		/* the accept callback reads c->keys; lend it ours */
		kgx_buf saved = c->keys;
		c->keys = keys;
		c->want = want;
		c->whole = 1;
		c->ntok = toks.len;
		size_t n;
		const kgx_alias *al = kgx_lex_longest(kgx_kb_lex(kgx_rules_kb((kgx_rules *)c->rules)),
		                                      toks.data, toks.len, 0, keys.s, accept, c, &n);
		if (!al)
			al = kgx_lex_longest(c->local, toks.data, toks.len, 0, keys.s, accept, c, &n);
		if (al && al->kind != KGX_ALIAS_ADJECTIVE && al->kind != KGX_ALIAS_PLACE)
			found = al->entry;
		keys = c->keys;
		c->keys = saved;
		c->want = 0;
		c->whole = 0;
	}
	kgx_vec_free(&toks);
	kgx_buf_free(&keys);
	return found;
}

static unsigned classify(ent_ctx *c, const char *s, size_t len)
{
	/* its own match data: c->md holds the match being applied */
	pcre2_match_data *md = c->md_classify;
	const kgx_rule *best = NULL;
	for (size_t i = 0; i < kgx_rules_count(c->rules); i++) {
		const kgx_rule *ru = kgx_rules_get(c->rules, i);
		if (ru->kind != KGX_RULE_CLASSIFY || !ru->code)
			continue;
		if (best && ru->priority <= best->priority)
			continue;
		if (kgx_rules_match(c->rules, ru->code, s, len, 0, md, &c->doc->limits, ru->id) >= 0)
			best = ru;
	}
	return best ? best->classify_as : 0;
}

/* A parent named inside a name is introduced as one: "… van de VN",
 * "… der Verenigde Naties", "… of the UN". The old genitive of a
 * national institution's formal name ("Tweede Kamer der
 * Staten-Generaal") is part of that name, not a second one. */
static int genitive_before(const char *s, size_t at, const kgx_entry *parent)
{
	static const char *const words[] = {"van de ", "van het ", "of the ", "der "};
	for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
		if (!strcmp(words[k], "der ") && (parent->classes & KGX_C_GOVBODY))
			continue;
		size_t n = strlen(words[k]);
		if (kgx_ends_with(s, at, words[k]) && (at == n || !isalnum((unsigned char)s[at - n - 1])))
			return 1;
	}
	return 0;
}

/* The names inside the name of `outer` over tokens [b, e): a country, and
 * the body `outer` belongs to when introduced as one ("… van de VN", "…
 * of the UN"); that body's own parent inside it too, `depth` levels down
 * (an envoy of the Secretary-General of the UN: the Secretary-General
 * inside the envoy's name, the UN inside the Secretary-General's). Each
 * is a mention of its own, so the entity pass's facts see the chain. */
static kgx_status nested_names(ent_ctx *c, kgx_doc *doc, const kgx_lex *kb, const kgx_sentence *sent, const char *s,
                               const kgx_token *t, size_t b, size_t e, const kgx_entry *outer, int depth)
{
	kgx_status st = KGX_OK;
	const kgx_entry *saved = c->outer;
	for (size_t j = b + 1; j < e && st == KGX_OK;) {
		size_t ln = 0;
		c->outer = outer;
		const kgx_alias *in = kgx_lex_longest(kb, t, e, j, c->keys.s, accept, c, &ln);
		/* a parent must be introduced as one: "… van de VN", "… of the UN" */
		if (in && !(in->entry->classes & KGX_C_COUNTRY)) {
			if (!genitive_before(s, t[j].begin, in->entry))
				in = NULL;
		}
		if (in && in->kind == KGX_ALIAS_NAME) {
			/* nested: priority above anything, so overlap resolution keeps it */
			st = add_mention(doc, sent->span.begin + t[j].begin, sent->span.begin + t[j + ln - 1].end, in->entry,
			                 1000 + KB_PRIORITY, KGX_M_STRONG, "kb:nested");
			if (st == KGX_OK && depth > 1 && ln > 1 && !(in->entry->classes & KGX_C_COUNTRY))
				st = nested_names(c, doc, kb, sent, s, t, j, j + ln, in->entry, depth - 1);
			j += ln;
		} else {
			j++;
		}
	}
	c->outer = saved;
	return st;
}

static int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int word_start_at(const char *s, size_t i)
{
	return i == 0 || s[i - 1] == ' ' || s[i - 1] == '-';
}

/* The acronym's letters as the initials of words, read from the end: each
 * letter is the initial of the nearest word before the last one used, so
 * "Mission in South Sudan" gives MISS. Words after the last letter's word
 * are dropped when they start with "van" ("… Human Rights van de VN
 * (OHCHR)"): a Dutch qualifier of an English name, not part of it; "of",
 * "for" and "in" stay ("Inquiry Mission for the Moon (IMM)"). The
 * first letter prefers a capitalised word to the lower-case words just after
 * it ("Office of the …": Office, not of). Returns 0 when some letter is no
 * word's initial. */
static int acronym_initials(const char *lf, size_t ln, const char *sf, size_t sn, size_t *start,
                            size_t *end)
{
	size_t l = ln, last_end = 0;
	int matched_any = 0;
	for (size_t k = sn; k-- > 0;) {
		int c = ascii_lower((unsigned char)sf[k]);
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			continue;
		for (;;) {
			if (l == 0)
				return 0;
			l--;
			if (word_start_at(lf, l) && ascii_lower((unsigned char)lf[l]) == c)
				break;
		}
		if (!matched_any) {
			size_t e = l;
			while (e < ln && lf[e] != ' ' && lf[e] != '-')
				e++;
			last_end = e;
			matched_any = 1;
		}
	}
	if (!matched_any)
		return 0;
	/* l is the first letter's word; an earlier capitalised word with the
	 * same initial, with only lower-case words between, is the name's start */
	int initial = ascii_lower((unsigned char)lf[l]);
	if (!(lf[l] >= 'A' && lf[l] <= 'Z')) {
		for (size_t i = l; i-- > 0;) {
			if (!word_start_at(lf, i))
				continue;
			unsigned char d = (unsigned char)lf[i];
			if (d >= 'A' && d <= 'Z') {
				if (ascii_lower(d) == initial)
					l = i;
				break;
			}
		}
	}
	*start = l;
	*end = ln;
	if (ln - last_end > 5 && !memcmp(lf + last_end, " van ", 5))
		*end = last_end;
	return 1;
}

/* Schwartz & Hearst (2003): a short form defines a long form when the short
 * form's letters occur in order in the long form and its first letter starts
 * a word. Sets [*start, *end) to the part of `lf` the short form names and
 * returns 1, or returns 0 when `sf` is not an abbreviation of it. Initials
 * are tried first (acronym_initials), as they place the name's ends better. */
static int acronym_span(const char *lf, size_t ln, const char *sf, size_t sn, size_t *start,
                        size_t *end)
{
	if (acronym_initials(lf, ln, sf, sn, start, end))
		return 1;
	long l = (long)ln - 1;
	for (long k = (long)sn - 1; k >= 0; k--) {
		int c = ascii_lower((unsigned char)sf[k]);
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80))
			continue;
		for (;; l--) {
			if (l < 0)
				return 0;
			if (ascii_lower((unsigned char)lf[l]) == c && (k > 0 || word_start_at(lf, (size_t)l)))
				break;
		}
		l--;
	}
	long first = l + 1;
	while (first > 0 && lf[first - 1] != ' ')
		first--;
	*start = (size_t)first;
	*end = ln;
	return 1;
}

/* The position in doc->discovered of the entry whose label (by_id: id) is
 * key, or KGX_INDEX_END. */
static uint32_t find_discovered(const ent_ctx *c, const kgx_index *ix, uint64_t h, const char *key,
                                int by_id)
{
	for (uint32_t cur, k = kgx_index_find(ix, h, &cur); k != KGX_INDEX_END; k = kgx_index_again(ix, h, &cur)) {
		const kgx_entry *e = KGX_VEC_AT(&c->doc->discovered, kgx_entry *, k);
		if (!strcmp(by_id ? e->id : e->label, key))
			return k;
	}
	return KGX_INDEX_END;
}

static kgx_entry *discovered_at(const ent_ctx *c, uint32_t k)
{
	return k == KGX_INDEX_END ? NULL : KGX_VEC_AT(&c->doc->discovered, kgx_entry *, k);
}

/* A signature block may set the signer's name in capitals ("F.C.G.M.
 * TIMMERMANS"); the knowledge base and the rest of the letter spell it
 * "F.C.G.M. Timmermans". Returns a copy in mixed case, or NULL when the name
 * has a lower-case letter (and is left alone) or memory runs out. */
static char *uncapitalised(kgx_arena *a, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] >= 'a' && s[i] <= 'z')
			return NULL;
	char *out = kgx_arena_alloc(a, len + 1);
	if (!out)
		return NULL;
	static const char *const particles[] = {"DE", "VAN", "DER", "DEN", "TER", "TEN"};
	for (size_t i = 0; i < len;) {
		size_t w = i;
		while (w < len && s[w] != ' ' && s[w] != '-')
			w++;
		int particle = 0;
		for (size_t k = 0; i > 0 && k < sizeof particles / sizeof *particles; k++)
			particle |= strlen(particles[k]) == w - i && !memcmp(s + i, particles[k], w - i);
		for (size_t j = i; j < w; j++) {
			int after_letter = j > i && s[j - 1] >= 'A' && s[j - 1] <= 'Z';
			out[j] = (s[j] >= 'A' && s[j] <= 'Z' && (after_letter || particle)) ? (char)(s[j] - 'A' + 'a') : s[j];
		}
		if (w < len)
			out[w] = s[w];
		i = w + 1;
	}
	out[len] = '\0';
	return out;
}

/* Whether word w[0..n) opens a word of name s, in its first four letters
 * (ASCII case ignored): "Program" and "Programme", "Organisatie" and
 * "Organization". */
static int word_in_name(const char *w, size_t n, const char *s)
{
	size_t k = n < 4 ? n : 4;
	for (const char *p = s; *p; p++)
		if ((p == s || p[-1] == ' ' || p[-1] == '-') && !strncasecmp(p, w, k))
			return 1;
	return 0;
}

/* Whether a long form spells the known entry's name, word for word by their
 * first letters, in one of its languages: "World Food Program (WFP)" is the
 * World Food Programme, "Regional Stabilisation Facility (RSF)" is not the
 * Rapid Support Forces. At least two words of four letters or more, and
 * most of them, must match. */
static int spells(const char *text, size_t len, const kgx_entry *e)
{
	const char *names[] = {e->label, e->label_en, e->label_nl};
	for (size_t k = 0; k < 3; k++) {
		if (!names[k])
			continue;
		size_t words = 0, same = 0;
		for (size_t i = 0; i < len;) {
			size_t j = i;
			while (j < len && text[j] != ' ' && text[j] != '-')
				j++;
			if (j - i >= 4) {
				words++;
				same += word_in_name(text + i, j - i, names[k]);
			}
			i = j + 1;
		}
		if (same >= 2 && 2 * same > words)
			return 1;
	}
	return 0;
}

/* The length of an acronym's possessive that opens text[0..len) ("UN’s ",
 * "NATO's "), or 0. */
static size_t possessive_prefix(const char *text, size_t len)
{
	size_t k = 0;
	while (k < len && text[k] >= 'A' && text[k] <= 'Z')
		k++;
	if (k < 2)
		return 0;
	if (k + 2 < len && text[k] == '\'' && text[k + 1] == 's' && text[k + 2] == ' ')
		return k + 3;
	if (k + 4 < len && !memcmp(text + k, "\xe2\x80\x99s ", 5))
		return k + 5;
	return 0;
}

/* Find or define the entity a created group names. */
static kgx_status resolve(ent_ctx *c, const kgx_rule *ru, const kgx_create *cr,
                          const char *text, size_t len, const char *alt, size_t alt_len,
                          const kgx_entry **out)
{
	kgx_doc *doc = c->doc;
	if (cr->classes & KGX_C_PERSON) {
		char *mixed = uncapitalised(&doc->arena, text, len);
		if (mixed)
			text = mixed;
	}
	*out = lookup(c, text, len, cr->classes);
	/* "the UN’s Central Emergency Response Fund": an owner's possessive
	 * before a known name is no part of it */
	size_t own = possessive_prefix(text, len);
	if (!*out && own)
		*out = lookup(c, text + own, len - own, cr->classes);
	unsigned classes = cr->classes;
	if (!*out && alt) {
		*out = lookup(c, alt, alt_len, cr->classes);
		/* "Regional Stabilisation Facility (RSF)" is not the Rapid Support
		 * Forces: a known acronym counts only if the long name's head noun
		 * does not say otherwise */
		if (*out && !classes) {
			classes = classify(c, text, len);
			if (classes && !(classes & (*out)->classes) && !spells(text, len, *out))
				*out = NULL;
		}
	}
	if (*out && (*out)->discovered && (cr->classes & KGX_C_MINISTER) &&
	    !((*out)->classes & KGX_C_MINISTER)) {
		/* "minister X" after "X" alone: the person this document named is a
		 * minister (only entries of this document can change) */
		const char *id = (*out)->id;
		kgx_entry *e = discovered_at(c, find_discovered(c, &c->by_id, kgx_hash(KGX_HASH_INIT, id, strlen(id)), id, 1));
		if (e == *out)
			e->classes |= kgx_class_closure(KGX_C_MINISTER);
	}
	if (!*out && (cr->classes & KGX_C_PERSON)) {
		/* "Ank Bijleveld-Schouten" for the known "A.Th.B. Bijleveld-Schouten":
		 * a given name before a known person's surname, with the initial the
		 * knowledge base gives */
		const char *sp = memchr(text, ' ', len);
		if (sp && sp + 1 < text + len) {
			const kgx_entry *e = lookup(c, sp + 1, len - (size_t)(sp + 1 - text), KGX_C_PERSON);
			if (e && !e->discovered && e->label && ascii_lower((unsigned char)e->label[0]) ==
			                                           ascii_lower((unsigned char)text[0]))
				*out = e;
		}
	}
	if (*out && alt && !((*out)->classes & KGX_C_PERSON) && !lookup(c, alt, alt_len, 0)) {
		/* "het Koninkrijk der Nederlanden (KNL)": the acronym this letter
		 * defines for a known name stands for it in later sentences */
		kgx_status st = kgx_lex_add(c->local, alt, alt_len, *out, KGX_ALIAS_NAME);
		if (st != KGX_OK && st != KGX_ERR_RULE)
			return st;
	}
	if (*out)
		return KGX_OK;
	/* "de leden Frankrijk en Duitsland": a name the knowledge base or this
	 * document knows as a country or a body is no new person */
	if (cr->classes & KGX_C_PERSON) {
		const kgx_entry *other = lookup(c, text, len, 0);
		if (other && !(other->classes & KGX_C_PERSON))
			return KGX_OK;
	}
	/* a name already defined in this document, by label */
	if (!classes)
		classes = classify(c, text, len);
	if (!classes)
		return KGX_OK;
	char *label = collapse(&doc->arena, text, len);
	if (!label)
		return KGX_ERR_NOMEM;
	/* found through an index, not by comparing with every name defined
	 * before: a document of distinct names must not cost their square */
	uint64_t lh = kgx_hash(KGX_HASH_INIT, label, strlen(label));
	kgx_entry *e = discovered_at(c, find_discovered(c, &c->by_label, lh, label, 0));
	if (e) {
		e->classes |= classes;
		*out = e;
		return KGX_OK;
	}
	const char *prefix = (classes & KGX_C_PERSON) ? "person-" : "";
	char *id = slugify(&doc->arena, prefix, label, strlen(label));
	if (!id)
		return KGX_ERR_NOMEM;
	const kgx_entry *known = kgx_kb_get(kgx_rules_kb((kgx_rules *)c->rules), id);
	if (known && (classes & KGX_C_PERSON) && (known->classes & KGX_C_PERSON) && known->label) {
		/* "Hoge Commissaris Türk" for the known "Volker Türk", whose bare
		 * surname the knowledge base leaves out (it is also a word): a
		 * surname after a title is the person the id names */
		size_t ll = strlen(known->label), nl = strlen(label);
		if (ll > nl && !strcmp(known->label + ll - nl, label) && known->label[ll - nl - 1] == ' ') {
			*out = known;
			return KGX_OK;
		}
	}
	if (known) {
		/* never take over a knowledge-base IRI with a different meaning */
		char *alt_id = kgx_arena_alloc(&doc->arena, strlen(id) + 8);
		if (!alt_id)
			return KGX_ERR_NOMEM;
		sprintf(alt_id, "%s-named", id);
		id = alt_id;
	}
	/* Names that differ but make one IRI ("A.B. Jansen", "A. B. Jansen";
	 * "Foo Bar", "foo-bar") are one entity: an IRI has one rdfs:label, the
	 * first spelling's; the other spelling becomes a name of it. */
	uint64_t ih = kgx_hash(KGX_HASH_INIT, id, strlen(id));
	uint32_t k = find_discovered(c, &c->by_id, ih, id, 1);
	kgx_status st;
	if (k != KGX_INDEX_END) {
		e = discovered_at(c, k);
		e->classes |= kgx_class_closure(classes);
		if (kgx_index_add(&c->by_label, lh, k))
			return KGX_ERR_NOMEM;
		st = cr->name_template ? KGX_OK : kgx_lex_add(c->local, label, strlen(label), e, KGX_ALIAS_NAME);
		if (st == KGX_ERR_RULE)
			st = KGX_OK;
		*out = e;
		return st;
	}
	e = kgx_arena_alloc(&doc->arena, sizeof *e);
	if (!e)
		return KGX_ERR_NOMEM;
	e->id = id;
	e->label = label;
	e->classes = kgx_class_closure(classes);
	e->discovered = 1;
	e->loc = ru->loc;
	k = (uint32_t)doc->discovered.len;
	if (kgx_index_add(&c->by_label, lh, k) || kgx_index_add(&c->by_id, ih, k))
		return KGX_ERR_NOMEM;
	kgx_entry **slot = kgx_vec_push(&doc->discovered);
	if (!slot)
		return KGX_ERR_NOMEM;
	*slot = e;
	/* a name spelt out from a template is not the text: looked up in later
	 * sentences it would swallow the names inside it ("… bij het Statuut
	 * van Rome"), and the rule finds its own matches anyway */
	st = cr->name_template ? KGX_OK : kgx_lex_add(c->local, label, strlen(label), e, KGX_ALIAS_NAME);
	if (st == KGX_OK && alt)
		st = kgx_lex_add(c->local, alt, alt_len, e, KGX_ALIAS_NAME);
	if (st == KGX_ERR_RULE)
		st = KGX_OK;  /* a name of punctuation only: defined, never looked up */
	*out = e;
	return st;
}

/* Find or define the entity of a group with an id template (c->id): a
 * citation written in several ways ("Kamerstuk 29 521, nr. 3", "kst-29521-3")
 * is one entity, the knowledge base's when it has that id, else this
 * document's, labelled with the first name found for it. */
static kgx_status resolve_by_id(ent_ctx *c, const kgx_rule *ru, const kgx_create *cr,
                                const char *text, size_t len, const kgx_entry **out)
{
	kgx_doc *doc = c->doc;
	*out = NULL;
	unsigned classes = cr->classes ? cr->classes : classify(c, text, len);
	if (!classes)
		return KGX_OK;
	char *id = slugify(&doc->arena, "", c->id.s, c->id.len);
	if (!id)
		return KGX_ERR_NOMEM;
	const kgx_entry *known = kgx_kb_get(kgx_rules_kb((kgx_rules *)c->rules), id);
	if (known) {
		*out = known;
		return KGX_OK;
	}
	uint64_t ih = kgx_hash(KGX_HASH_INIT, id, strlen(id));
	kgx_entry *e = discovered_at(c, find_discovered(c, &c->by_id, ih, id, 1));
	if (e) {
		e->classes |= kgx_class_closure(classes);
		*out = e;
		return KGX_OK;
	}
	e = kgx_arena_alloc(&doc->arena, sizeof *e);
	if (!e || !(e->label = collapse(&doc->arena, text, len)))
		return KGX_ERR_NOMEM;
	e->id = id;
	e->classes = kgx_class_closure(classes);
	e->discovered = 1;
	e->loc = ru->loc;
	if (kgx_index_add(&c->by_id, ih, (uint32_t)doc->discovered.len))
		return KGX_ERR_NOMEM;
	kgx_entry **slot = kgx_vec_push(&doc->discovered);
	if (!slot)
		return KGX_ERR_NOMEM;
	*slot = e;
	*out = e;
	return KGX_OK;
}

static uint32_t sentence_of(const kgx_doc *doc, uint32_t off)
{
	const kgx_sentence *s = doc->sentences.data;
	size_t lo = 0, hi = doc->sentences.len;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (s[mid].span.end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (uint32_t)(lo < doc->sentences.len ? lo : (doc->sentences.len ? doc->sentences.len - 1 : 0));
}

static const kgx_entry *ref_entry(const kgx_rules *rules, const char *ref,
                                  const kgx_create *creates, const kgx_entry **created, size_t n,
                                  int *is_doc)
{
	*is_doc = !strcmp(ref, "doc");
	if (*is_doc)
		return NULL;
	if (ref[0] == '=')
		return kgx_kb_get(kgx_rules_kb((kgx_rules *)rules), ref + 1);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(creates[i].name, ref))
			return created[i];
	return NULL;
}

/* The year of the letter's date (its last four-digit number), or NULL. */
static const char *letter_year(const kgx_doc *doc)
{
	const char *found = NULL;
	for (const char *p = doc->date; p && *p; p++)
		if (p[0] >= '0' && p[0] <= '9' && (p == doc->date || p[-1] < '0' || p[-1] > '9') &&
		    strspn(p, "0123456789") == 4)
			found = p;
	return found;
}

/* *out becomes the template with each {G} replaced by the text of group
 * G in the current match (nothing if G took no part), each {G:map} by
 * that text's value in the map, and {G|year} by the letter's year when G
 * took no part. 0 on success. */
static int expand_name(ent_ctx *c, const kgx_rule *ru, const char *tmpl, const char *subject,
                       kgx_buf *out)
{
	out->len = 0;
	int err = kgx_buf_add(out, "", 0);
	for (const char *p = tmpl; *p && !err; p++) {
		const char *q = *p == '{' ? strchr(p, '}') : NULL;
		if (!q) {
			err = kgx_buf_addc(out, *p);
			continue;
		}
		char g[64];
		size_t gb, ge;
		const char *colon = memchr(p, ':', (size_t)(q - p));
		const char *bar = memchr(p, '|', (size_t)(q - p));
		snprintf(g, sizeof g, "%.*s", (int)((colon ? colon : bar ? bar : q) - p - 1), p + 1);
		if (bar && !(kgx_rules_group(ru->code, c->md, g, &gb, &ge) && ge > gb)) {
			/* {G|year}: without G, the year of the letter's date */
			const char *y = letter_year(c->doc);
			if (y)
				err = kgx_buf_add(out, y, 4);
		} else if (kgx_rules_group(ru->code, c->md, g, &gb, &ge)) {
			/* {G:map}: the group's text looked up in a [@maps] map, else as written */
			const char *v = colon && ge > gb ? kgx_rules_map(c->rules, colon + 1, (size_t)(q - colon - 1),
			                                                 subject + gb, ge - gb) : NULL;
			err = v ? kgx_buf_add(out, v, strlen(v)) : kgx_buf_add(out, subject + gb, ge - gb);
		}
		p = q;
	}
	return err;
}

/* Names the knowledge base knows inside a new event's or fund's name ("de
 * top van de NAVO in Vilnius", "Raad Buitenlandse Zaken van 3 mei", "een
 * trustfonds van de Wereldbank") are mentions of
 * their own, kept beside the event's as a country inside a mission's name
 * is: the organisation whose meeting it is stays in the graph and visible to
 * relation rules. Inside a new government body's name only countries count
 * (`want`): "minister van Defensie van Mali" names Mali, not the Dutch
 * ministry of defence. */
static kgx_status nest_known(ent_ctx *c, const char *s, size_t b, size_t e, uint32_t base,
                             unsigned want)
{
	kgx_vec toks;
	kgx_buf keys = {0};
	kgx_vec_init(&toks, sizeof(kgx_token));
	kgx_status st = kgx_fold_tokens(s + b, e - b, &toks, &keys);
	if (st == KGX_OK) {
		/* the accept callback reads c->keys; lend it ours */
		kgx_buf saved = c->keys;
		c->keys = keys;
		c->want = want;
		const kgx_lex *kb = kgx_kb_lex(kgx_rules_kb((kgx_rules *)c->rules));
		const kgx_token *t = toks.data;
		for (size_t i = 0; i < toks.len && st == KGX_OK;) {
			size_t l = 0;
			const kgx_alias *a = kgx_lex_longest(kb, t, toks.len, i, c->keys.s, accept, c, &l);
			if (!a || a->kind == KGX_ALIAS_ADJECTIVE || a->kind == KGX_ALIAS_PLACE || l == toks.len) {
				i++;
				continue;
			}
			st = add_mention(c->doc, base + (uint32_t)(b + t[i].begin), base + (uint32_t)(b + t[i + l - 1].end),
			                 a->entry, 1000 + KB_PRIORITY, KGX_M_STRONG, "kb:nested");
			if (st == KGX_OK)
				st = mark_seen(c, a->entry);
			/* and the body it belongs to, named inside it after "van de" as scan() finds it */
			c->outer = a->entry;
			for (size_t j = i + 1; j < i + l && st == KGX_OK; j++) {
				size_t ln = 0;
				const kgx_alias *in = kgx_lex_longest(kb, t, i + l, j, c->keys.s, accept, c, &ln);
				size_t at = b + t[j].begin;
				if (!in || in->kind != KGX_ALIAS_NAME || (in->entry->classes & KGX_C_COUNTRY) ||
				    !genitive_before(s, at, in->entry))
					continue;
				st = add_mention(c->doc, base + (uint32_t)at, base + (uint32_t)(b + t[j + ln - 1].end),
				                 in->entry, 1000 + KB_PRIORITY, KGX_M_STRONG, "kb:nested");
				j += ln - 1;
			}
			c->outer = NULL;
			i += l;
		}
		keys = c->keys;
		c->keys = saved;
		c->want = 0;
	}
	kgx_vec_free(&toks);
	kgx_buf_free(&keys);
	return st;
}

/* One match of an entity or meta rule in text[base..]: define, mention, emit. */
static kgx_status apply_match(ent_ctx *c, const kgx_rule *ru, const char *subject, uint32_t base)
{
	kgx_doc *doc = c->doc;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
	if (ru->kind == KGX_RULE_META) {
		size_t b = ov[0], e = ov[1];
		kgx_rules_group(ru->code, c->md, "value", &b, &e);
		const char **field = kgx_meta_field(doc, ru->meta_field);
		if (!strcmp(ru->meta_field, "mentioned")) {
			/* every date the text gives; the latest is kept */
			char iso[11];
			char *v = collapse(&doc->arena, subject + b, e - b);
			if (!v)
				return KGX_ERR_NOMEM;
			if (kgx_meta_date(v, iso) && (!*field || strcmp(iso, *field) > 0) &&
			    !(*field = kgx_arena_strndup(&doc->arena, iso, 10)))
				return KGX_ERR_NOMEM;
			return KGX_OK;
		}
		if (!field || *field)
			return KGX_OK;
		if (!(*field = collapse(&doc->arena, subject + b, e - b)))
			return KGX_ERR_NOMEM;
		if (!strcmp(ru->meta_field, "creator"))
			doc->creator_span = (kgx_span){base + (uint32_t)b, base + (uint32_t)e};
		return KGX_OK;
	}
	const kgx_entry *created[KGX_MAX_ROLES] = {0};
	kgx_status st0;
	for (size_t k = 0; k < ru->n_creates; k++) {
		const kgx_create *cr = &ru->creates[k];
		size_t b, e;
		if (!kgx_rules_group(ru->code, c->md, cr->name, &b, &e) || b == e)
			continue;
		size_t ab = 0, ae = 0;
		if (cr->alias_of[0]) {
			if (kgx_rules_group(ru->code, c->md, cr->alias_of, &ab, &ae)) {
				/* "Volgens Karim Khan (ICC)" defines nothing; "… Fact-Finding
				 * Mission (FFM)" defines the words the letters come from */
				size_t from, to;
				if (!acronym_span(subject + b, e - b, subject + ab, ae - ab, &from, &to))
					continue;
				e = b + to;
				b += from;
			}
		}
		if (cr->none) {
			/* wins its span in overlap resolution, then goes */
			TRY(st0, add_mention(doc, base + (uint32_t)b, base + (uint32_t)e, &nothing, ru->priority,
			                     KGX_M_STRONG, ru->id));
			continue;
		}
		const char *name = subject + b;
		size_t name_len = e - b;
		if (cr->name_template) {
			if (expand_name(c, ru, cr->name_template, subject, &c->name))
				return KGX_ERR_NOMEM;
			name = c->name.s;
			name_len = c->name.len;
		}
		kgx_status st;
		if (cr->id_template) {
			if (expand_name(c, ru, cr->id_template, subject, &c->id))
				return KGX_ERR_NOMEM;
			st = resolve_by_id(c, ru, cr, name, name_len, &created[k]);
		} else {
			st = resolve(c, ru, cr, name, name_len, ae > ab ? subject + ab : NULL, ae - ab,
			             &created[k]);
		}
		if (st != KGX_OK)
			return st;
		if (!created[k])
			continue;
		/* a group inside another group of this match is a name of its own */
		int inner = 0;
		for (size_t j = 0; j < ru->n_creates && !inner; j++) {
			size_t ob, oe;
			inner = j != k && kgx_rules_group(ru->code, c->md, ru->creates[j].name, &ob, &oe) &&
			        ob <= b && e <= oe && oe - ob > e - b;
		}
		TRY(st, add_mention(doc, base + (uint32_t)b, base + (uint32_t)e, created[k],
		                    inner ? 1000 + ru->priority : ru->priority, KGX_M_STRONG, ru->id));
		if (inner)
			KGX_VEC_AT(&doc->mentions, kgx_mention, doc->mentions.len - 1).nested = 1;
		else if ((created[k]->classes & (KGX_C_EVENT | KGX_C_FUND)) && created[k]->discovered)
			TRY(st, nest_known(c, subject, b, e, base, 0));
		else if ((created[k]->classes & KGX_C_GOVBODY) && created[k]->discovered)
			TRY(st, nest_known(c, subject, b, e, base, KGX_C_COUNTRY));
		if (ae > ab)
			TRY(st, add_mention(doc, base + (uint32_t)ab, base + (uint32_t)ae, created[k],
			                    ru->priority, KGX_M_STRONG, ru->id));
		TRY(st, mark_seen(c, created[k]));
	}
	for (size_t k = 0; k < ru->n_emits; k++) {
		const kgx_emit *em = &ru->emits[k];
		int sdoc, odoc;
		const kgx_entry *s = ref_entry(c->rules, em->s, ru->creates, created, ru->n_creates, &sdoc);
		const kgx_entry *o = ref_entry(c->rules, em->o, ru->creates, created, ru->n_creates, &odoc);
		if ((!s && !sdoc) || !o || s == o)
			continue;
		kgx_relation *r = kgx_vec_push(&doc->relations);
		if (!r)
			return KGX_ERR_NOMEM;
		r->s = s;
		r->o = o;
		r->predicate = em->predicate;
		r->sentence = sentence_of(doc, base + (uint32_t)ov[0]);
		r->rule = ru->id;
	}
	return KGX_OK;
}

/* Run an entity or meta rule over s; c->needs must be looking at s. */
static kgx_status run_rule(ent_ctx *c, const kgx_rule *ru, const char *s, size_t len, uint32_t base)
{
	if (!kgx_rules_may_match(c->rules, ru, &c->needs))
		return KGX_OK;
	size_t start = 0;
	while (start <= len) {
		int rc = kgx_rules_match(c->rules, ru->code, s, len, start, c->md, &c->doc->limits, ru->id);
		if (rc < 0)
			break;
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
		size_t mb = ov[0], me = ov[1];  /* before apply_match runs other matches */
		kgx_status st = apply_match(c, ru, s, base);
		if (st != KGX_OK)
			return st;
		/* a field takes the first value; "mentioned" looks at every date */
		if (ru->kind == KGX_RULE_META && strcmp(ru->meta_field, "mentioned"))
			break;
		start = me > mb ? me : mb + 1;
		/* never restart inside a UTF-8 sequence */
		while (start < len && ((unsigned char)s[start] & 0xC0) == 0x80)
			start++;
	}
	return KGX_OK;
}

static int cmp_resolve(const void *a, const void *b)
{
	const kgx_mention *x = a, *y = b;
	if (x->priority != y->priority)
		return y->priority - x->priority;
	uint32_t lx = x->span.end - x->span.begin, ly = y->span.end - y->span.begin;
	if (lx != ly)
		return lx > ly ? -1 : 1;
	if (x->span.begin != y->span.begin)
		return x->span.begin < y->span.begin ? -1 : 1;
	return strcmp(x->entry->id, y->entry->id);
}

static int cmp_position(const void *a, const void *b)
{
	const kgx_mention *x = a, *y = b;
	if (x->span.begin != y->span.begin)
		return x->span.begin < y->span.begin ? -1 : 1;
	if (x->span.end != y->span.end)
		return x->span.end > y->span.end ? -1 : 1;
	return 0;
}

/* Scan one sentence with both lexicons; countries named inside a longer name
 * ("EUCAP Sahel Mali") are added as mentions of their own. */
static kgx_status scan(ent_ctx *c, const kgx_sentence *sent)
{
	kgx_doc *doc = c->doc;
	const char *s = doc->text + sent->span.begin;
	size_t len = sent->span.end - sent->span.begin;
	kgx_status st;
	TRY(st, kgx_fold_tokens(s, len, &c->tokens, &c->keys));
	const kgx_token *t = c->tokens.data;
	size_t n = c->tokens.len;
	const kgx_lex *kb = kgx_kb_lex(kgx_rules_kb((kgx_rules *)c->rules));
	for (size_t i = 0; i < n;) {
		size_t l1 = 0, l2 = 0;
		const kgx_alias *a1 = kgx_lex_longest(kb, t, n, i, c->keys.s, accept, c, &l1);
		const kgx_alias *a2 = kgx_lex_longest(c->local, t, n, i, c->keys.s, accept, c, &l2);
		const kgx_alias *a = a1;
		size_t l = l1;
		if (a2 && (!a1 || l2 > l1)) {
			a = a2;
			l = l2;
		}
		if (!a) {
			i++;
			continue;
		}
		int weak = a->kind == KGX_ALIAS_ADJECTIVE || a->kind == KGX_ALIAS_PLACE;
		kgx_mention_kind kind = weak ? KGX_M_WEAK : KGX_M_STRONG;
		TRY(st, add_mention(doc, sent->span.begin + t[i].begin, sent->span.begin + t[i + l - 1].end,
		                    a->entry, KB_PRIORITY, kind, a->kind == KGX_ALIAS_PLACE ? KGX_RULE_PLACE : "kb"));
		if (kind == KGX_M_STRONG)
			TRY(st, mark_seen(c, a->entry));
		if (l > 1 && !(a->entry->classes & KGX_C_COUNTRY))
			TRY(st, nested_names(c, doc, kb, sent, s, t, i, i + l, a->entry, 2));
		i += l;
	}
	return KGX_OK;
}

/* Overlaps: the best mention wins its span. Only a name nested inside
 * another ("Mali" in "EUCAP Sahel Mali") may share it, so what is kept is
 * properly nested. Kept mentions are filed under every 64-byte block they
 * cover, so each mention is checked against its neighbours only, not
 * against everything kept so far. */
#define BLOCK_SHIFT 6

static int clashes(const kgx_mention *m, const kgx_mention *o)
{
	if (!(m->span.begin < o->span.end && o->span.begin < m->span.end))
		return 0;
	int same = o->span.begin == m->span.begin && o->span.end == m->span.end;
	int m_in_o = o->span.begin <= m->span.begin && m->span.end <= o->span.end;
	int o_in_m = m->span.begin <= o->span.begin && o->span.end <= m->span.end;
	/* a country nested in a name stands beside that name */
	if (!same && o_in_m && (o->nested || !strcmp(o->rule, "kb:nested")))
		return 0;
	if (!same && m_in_o && (m->nested || !strcmp(m->rule, "kb:nested")))
		return 0;
	return 1;
}

/* A name a rule guessed ("het Elsie Initiative Fund for Uniformed Women")
 * that lies inside a longer name the knowledge base knows ("… in Peace
 * Operations") is part of that name: it gives way, whatever its priority. */
static void yield_to_known(kgx_mention *ms, size_t n)
{
	qsort(ms, n, sizeof *ms, cmp_position);
	for (size_t i = 0; i < n; i++) {
		if (ms[i].kind != KGX_M_STRONG || strcmp(ms[i].rule, "kb") || ms[i].entry->discovered)
			continue;
		for (size_t j = i + 1; j < n && ms[j].span.begin < ms[i].span.end; j++)
			if (ms[j].span.end <= ms[i].span.end && ms[j].entry->discovered && ms[j].priority > KB_PRIORITY &&
			    ms[j].span.end - ms[j].span.begin < ms[i].span.end - ms[i].span.begin)
				ms[j].priority = KB_PRIORITY - 1;
	}
}

static kgx_status resolve_overlaps(kgx_doc *doc)
{
	kgx_mention *ms = doc->mentions.data;
	size_t n = doc->mentions.len, kept = 0;
	if (!n)
		return KGX_OK;  /* and qsort must not see the NULL of an empty vector */
	yield_to_known(ms, n);
	size_t nblocks = (doc->text_len >> BLOCK_SHIFT) + 1;
	kgx_index blocks;  /* block number -> kept mention */
	kgx_index_init(&blocks);
	qsort(ms, n, sizeof *ms, cmp_resolve);
	for (size_t i = 0; i < n; i++) {
		uint32_t first = ms[i].span.begin >> BLOCK_SHIFT;
		uint32_t last = ms[i].span.end > ms[i].span.begin ? (ms[i].span.end - 1) >> BLOCK_SHIFT : first;
		if (last >= nblocks)
			last = (uint32_t)nblocks - 1;
		int clash = 0;
		for (uint32_t b = first; b <= last && !clash; b++)
			for (uint32_t cur, k = kgx_index_find(&blocks, b, &cur); k != KGX_INDEX_END && !clash;
			     k = kgx_index_again(&blocks, b, &cur))
				clash = clashes(&ms[i], &ms[k]);
		if (clash)
			continue;
		ms[kept] = ms[i];
		for (uint32_t b = first; b <= last; b++) {
			if (kgx_index_add(&blocks, b, (uint32_t)kept)) {
				kgx_index_free(&blocks);
				return KGX_ERR_NOMEM;
			}
		}
		kept++;
	}
	kgx_index_free(&blocks);
	size_t real = 0;
	for (size_t i = 0; i < kept; i++) {
		if (ms[i].entry != &nothing) {
			ms[real++] = ms[i];
		} else {
			const char **slot = kgx_vec_push(&doc->silenced);
			if (!slot)
				return KGX_ERR_NOMEM;
			*slot = ms[i].rule;
		}
	}
	kept = real;
	doc->mentions.len = kept;
	qsort(ms, kept, sizeof *ms, cmp_position);

	/* position order puts an outer name right before what it contains */
	kgx_vec open;  /* uint32_t: the chain of names around the current one */
	kgx_vec_init(&open, sizeof(uint32_t));
	kgx_status st = KGX_OK;
	for (size_t i = 0; i < kept; i++) {
		ms[i].sentence = sentence_of(doc, ms[i].span.begin);
		ms[i].outer = KGX_NO_MENTION;
		while (open.len && ms[KGX_VEC_AT(&open, uint32_t, open.len - 1)].span.end <= ms[i].span.begin)
			open.len--;
		if (open.len) {
			uint32_t o = KGX_VEC_AT(&open, uint32_t, open.len - 1);
			if (ms[o].span.end >= ms[i].span.end &&
			    ms[o].span.end - ms[o].span.begin > ms[i].span.end - ms[i].span.begin)
				ms[i].outer = o;
		}
		uint32_t *p = kgx_vec_push(&open);
		if (!p) {
			st = KGX_ERR_NOMEM;
			break;
		}
		*p = (uint32_t)i;
	}
	kgx_vec_free(&open);
	return st;
}

/* Does `full` end in the name `sur` as words of its own ("Raymond de Roon"
 * and "De Roon", "M.J.M. Verhagen" and "Verhagen"), ignoring ASCII case? */
static int ends_in_name(const char *full, const char *sur)
{
	size_t fl = strlen(full), sl = strlen(sur);
	if (sl == 0 || fl <= sl + 1)
		return 0;
	char before = full[fl - sl - 1];
	return (before == ' ' || before == '.') && !strcasecmp(full + fl - sl, sur);
}

/* The hash of s as strcasecmp compares it (ASCII case folded). */
static uint64_t hash_nocase(const char *s)
{
	uint64_t h = KGX_HASH_INIT;
	for (; *s; s++) {
		char ch = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
		h = kgx_hash(h, &ch, 1);
	}
	return h;
}

/* The persons of merge_surnames, numbered in order of first mention. Once
 * one is merged into another, its number leads to the other's (parent), and
 * slots counts how many of the original numbers lead to each: the merges
 * are decided as if every mention of the merged person had been rewritten,
 * a person that two numbers lead to counting twice. */
typedef struct {
	kgx_ptrset set;   /* const kgx_entry *, their numbers */
	uint32_t *parent;
	uint32_t *slots;
	kgx_index suffixes;  /* hash of each word-final part of a label -> number */
} people_t;

static uint32_t person_root(const people_t *p, uint32_t k)
{
	while (p->parent[k] != k)
		k = p->parent[k];
	return k;
}

static const kgx_entry *person_at(const people_t *p, uint32_t k)
{
	return KGX_VEC_AT(&p->set.items, const kgx_entry *, k);
}

/* Each part of a label that ends_in_name can match, "de Roon" and "Roon" of
 * "Raymond de Roon": a surname is then found by its own hash, not by
 * comparison with every person of the document (a document of thousands of
 * distinct names would cost their square). */
static int index_suffixes(people_t *p, uint32_t k)
{
	const char *label = person_at(p, k)->label;
	for (size_t i = 2; label[i - 1]; i++)
		if ((label[i - 1] == ' ' || label[i - 1] == '.') && label[i] &&
		    kgx_index_add(&p->suffixes, hash_nocase(label + i), k))
			return -1;
	return 0;
}

/* The one person, other than the one numbered sur, whose name ends in its
 * name, or KGX_INDEX_END (none, or two or more). */
static uint32_t full_name_of(const people_t *p, uint32_t sur)
{
	const kgx_entry *s = person_at(p, sur);
	uint64_t h = hash_nocase(s->label);
	uint32_t full = KGX_INDEX_END, n = 0;
	for (uint32_t cur, k = kgx_index_find(&p->suffixes, h, &cur); k != KGX_INDEX_END && n < 2;
	     k = kgx_index_again(&p->suffixes, h, &cur)) {
		if (k == sur || !p->slots[k] || !ends_in_name(person_at(p, k)->label, s->label))
			continue;
		full = k;
		n += p->slots[k];
	}
	return n == 1 ? full : KGX_INDEX_END;
}

/* The entry e stands for after the merges. */
static const kgx_entry *merged(const people_t *p, const kgx_entry *e)
{
	uint32_t k = e ? kgx_ptrset_find(&p->set, e) : KGX_INDEX_END;
	return k == KGX_INDEX_END ? e : person_at(p, person_root(p, k));
}

/* A person named by surname alone is the person the same document names in
 * full, when there is exactly one: "De Roon" after "Raymond de Roon (X)",
 * "de heer Verhagen" above the signature "M.J.M. Verhagen". The surname's
 * mentions and relations move to the full name, so that a document has one
 * resource per person. A name the knowledge base knows keeps its IRI: a
 * full name found by a rule moves to it instead. */
static kgx_status merge_surnames(kgx_doc *doc)
{
	people_t p = {0};
	kgx_ptrset_init(&p.set);
	kgx_index_init(&p.suffixes);
	kgx_ptrset discovered;  /* doc->discovered, to find the entry a merge adds classes to */
	kgx_ptrset_init(&discovered);
	kgx_status st = KGX_OK;
	for (size_t i = 0; i < doc->mentions.len && st == KGX_OK; i++) {
		const kgx_mention *m = &KGX_VEC_AT(&doc->mentions, kgx_mention, i);
		if (m->kind == KGX_M_STRONG && (m->entry->classes & KGX_C_PERSON) &&
		    kgx_ptrset_add(&p.set, m->entry) < 0)
			st = KGX_ERR_NOMEM;
	}
	size_t n = p.set.items.len;
	if (st == KGX_OK && n) {
		p.parent = malloc(n * sizeof *p.parent);
		p.slots = malloc(n * sizeof *p.slots);
		if (!p.parent || !p.slots)
			st = KGX_ERR_NOMEM;
	}
	for (uint32_t k = 0; st == KGX_OK && k < n; k++) {
		p.parent[k] = k;
		p.slots[k] = 1;
		if (index_suffixes(&p, k))
			st = KGX_ERR_NOMEM;
	}
	for (size_t k = 0; st == KGX_OK && n && k < doc->discovered.len; k++)
		if (kgx_ptrset_add(&discovered, KGX_VEC_AT(&doc->discovered, kgx_entry *, k)) < 0)
			st = KGX_ERR_NOMEM;
	int any = 0;
	for (uint32_t i = 0; i < n && st == KGX_OK; i++) {
		uint32_t sur = person_root(&p, i);
		uint32_t full = full_name_of(&p, sur);
		if (full == KGX_INDEX_END)
			continue;
		const kgx_entry *s = person_at(&p, sur), *f = person_at(&p, full);
		if (!s->discovered && !f->discovered)
			continue;
		uint32_t from = s->discovered ? sur : full;
		uint32_t to = s->discovered ? full : sur;
		uint32_t d = kgx_ptrset_find(&discovered, person_at(&p, to));
		if (d != KGX_INDEX_END)  /* "minister X" makes X a minister */
			KGX_VEC_AT(&doc->discovered, kgx_entry *, d)->classes |= person_at(&p, from)->classes;
		p.parent[from] = to;
		p.slots[to] += p.slots[from];
		p.slots[from] = 0;
		any = 1;
	}
	for (size_t k = 0; any && k < doc->mentions.len; k++) {
		kgx_mention *m = &KGX_VEC_AT(&doc->mentions, kgx_mention, k);
		m->entry = merged(&p, m->entry);
	}
	for (size_t k = 0; any && k < doc->relations.len; k++) {
		kgx_relation *r = &KGX_VEC_AT(&doc->relations, kgx_relation, k);
		r->s = merged(&p, r->s);
		r->o = merged(&p, r->o);
	}
	free(p.parent);
	free(p.slots);
	kgx_ptrset_free(&p.set);
	kgx_index_free(&p.suffixes);
	kgx_ptrset_free(&discovered);
	return st;
}

kgx_status kgx_ent_run(kgx_doc *doc, const kgx_rules *rules)
{
	ent_ctx c = {0};
	c.doc = doc;
	c.rules = rules;
	c.local = kgx_lex_new();
	c.md = pcre2_match_data_create(64, NULL);
	c.md_classify = pcre2_match_data_create(4, NULL);
	kgx_ptrset_init(&c.seen);
	kgx_vec_init(&c.seen_last, sizeof(seen_mark));
	kgx_index_init(&c.by_label);
	kgx_index_init(&c.by_id);
	kgx_vec_init(&c.tokens, sizeof(kgx_token));
	kgx_status st = c.local && c.md && c.md_classify ? KGX_OK : KGX_ERR_NOMEM;

	/* 1. entity and meta rules over plain text: the whole document, then
	 * each sentence (the document looked at once for all rules' needs
	 * words, and a sentence's words taken from what was found there) */
	if (st == KGX_OK)
		st = kgx_needs_init(&c.needs, rules);
	if (st == KGX_OK)
		st = kgx_needs_set_all(&c.needs, doc->text, doc->text_len);
	for (size_t i = 0; st == KGX_OK && i < kgx_rules_count(rules); i++) {
		const kgx_rule *ru = kgx_rules_get(rules, i);
		if ((ru->kind == KGX_RULE_ENTITY || ru->kind == KGX_RULE_META) && ru->code && ru->document_scope)
			st = run_rule(&c, ru, doc->text, doc->text_len, 0);
	}
	/* the rules for each sentence, picked out once rather than per sentence */
	kgx_vec per_sentence;
	kgx_vec_init(&per_sentence, sizeof(const kgx_rule *));
	for (size_t i = 0; st == KGX_OK && i < kgx_rules_count(rules); i++) {
		const kgx_rule *ru = kgx_rules_get(rules, i);
		const kgx_rule **slot;
		if ((ru->kind == KGX_RULE_ENTITY || ru->kind == KGX_RULE_META) && ru->code && !ru->document_scope)
			st = (slot = kgx_vec_push(&per_sentence)) ? (*slot = ru, KGX_OK) : KGX_ERR_NOMEM;
	}
	const kgx_rule **sentence_rules = per_sentence.data;
	for (size_t k = 0; st == KGX_OK && k < doc->sentences.len; k++) {
		const kgx_sentence *s = &KGX_VEC_AT(&doc->sentences, kgx_sentence, k);
		const char *text = doc->text + s->span.begin;
		size_t len = s->span.end - s->span.begin;
		kgx_needs_within(&c.needs, s->span.begin, s->span.end);
		for (size_t i = 0; st == KGX_OK && i < per_sentence.len; i++)
			st = run_rule(&c, sentence_rules[i], text, len, s->span.begin);
	}
	kgx_vec_free(&per_sentence);
	/* 2. the knowledge base and the names just defined */
	for (size_t k = 0; st == KGX_OK && k < doc->sentences.len; k++)
		st = scan(&c, &KGX_VEC_AT(&doc->sentences, kgx_sentence, k));

	/* 3. overlaps */
	if (st == KGX_OK)
		st = resolve_overlaps(doc);
	/* 4. one person per document */
	if (st == KGX_OK)
		st = merge_surnames(doc);
	pcre2_match_data_free(c.md);
	pcre2_match_data_free(c.md_classify);
	kgx_lex_free(c.local);
	kgx_ptrset_free(&c.seen);
	kgx_vec_free(&c.seen_last);
	kgx_index_free(&c.by_label);
	kgx_index_free(&c.by_id);
	kgx_vec_free(&c.tokens);
	kgx_buf_free(&c.keys);
	kgx_buf_free(&c.name);
	kgx_buf_free(&c.id);
	kgx_needs_free(&c.needs);
	return st;
}
