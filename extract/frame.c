/* Frames: the generic matcher behind rules of kind `frame` (see frame.h).
 *
 * A sentence becomes a row of tokens: words (compared lower-cased), names
 * (the entity pass's mentions) and punctuation. A trigger word opens a
 * frame; its other words ("draagt … bij") must follow in the same clause.
 * Each slot is then filled by the nearest name of a wanted class in one of
 * the positions the frame allows, and a name that heads a list ("X, Y en Z")
 * brings the rest of the list. Amounts go to the object they are stated
 * for, never to every relation of the sentence. */
#include "frame.h"
#include "hash.h"
#include "kb.h"
#include "office.h"
#include "rel.h"
#include "rules.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where a slot may stand, besides after one of its prepositions. */
enum {
	AT_SUBJECT = 1,    /* the clause's subject */
	AT_DIRECT = 2,     /* the first name after the trigger, not after a preposition */
	AT_ADJECTIVE = 4,  /* an adjective just before a noun trigger */
	AT_COMPOUND = 8,   /* a name glued to the trigger: "UNIFIL-militairen" */
	AT_RECENT = 16,    /* with nothing else: the last name of its class, this
	                    * sentence or the two before */
	AT_APPOSITION = 32, /* after the object and a comma: "de voorzitter van X, Y" */
	AT_LIST = 64,      /* the items of the list a colon opens: "bestaat uit: – 5 miljoen via X;" */
	AT_TABLE = 128     /* the rows of the table a heading opens: a name, then its figures */
};

enum { MONEY_ANY, MONEY_REQUIRED, MONEY_FORBIDDEN };

/* What the [@frames] settings say a word is; each word is looked up once. */
enum {
	W_PREP = 1,
	W_PRONOMINAL = 2,
	W_RELATIVE = 4,
	W_BREAK = 8,
	W_AUX = 16,
	W_TITLE = 32,
	W_MEET = 64,
	W_MONEY = 128,
	W_INCLUDING = 256,
	W_SUM_NOUN = 512,
	W_EACH = 1024,
	W_SUBORD = 2048,
	W_ARTICLE = 4096,
	W_POINTER = 8192,
	W_RELADV = 16384,
	W_ADDRESSEE = 32768,
	W_COPULA = 65536,
	W_INFINITIVE = 131072,
	W_AND = 262144,
	W_BUT = 524288,
	W_DEFINITE = 1048576,
	W_VOICE = 2097152,
	W_TO = 4194304,
	W_OF = 8388608,
	W_SPLIT = 16777216,
	W_SLOT = 33554432,  /* a preposition some frame's slot names: tok_in need not look for others */
	W_TIME = 67108864,
	W_HONORIFIC = 134217728,
	W_LISTED = 268435456, /* a word some frame's `with` or `without` names: listed() need not look for others */
	W_ANAPHOR = 536870912, /* a noun of an `anaphor` line: anaphor_classes() need not look for others */
};
/* the kinds of a function word, which no adjective is */
#define W_FUNCTION (W_PREP | W_PRONOMINAL | W_RELATIVE | W_BREAK | W_AUX | W_TITLE)
enum { VOICE_NONE, VOICE_PRONOUN, VOICE_ANY };

typedef struct {
	unsigned classes, adjectives;
	unsigned at;
	char **preps;
	size_t n_preps;
	char **through;  /* "in": from an unnamed noun of the phrase on to its place ("voor noodhulp in X") */
	size_t n_through;
} slot;

typedef struct {
	char **words;  /* the trigger word, then the words that must follow it */
	unsigned char *gap;  /* gap[i]: words[i] may stand anywhere later ("…") */
	size_t n_words;
	int noun;
} form;

/* A frame's "lemma = vrij+maken|beschikbaar stellen": made into word forms
 * by kgx_frames_compile, once every file's paradigms are loaded. */
typedef struct {
	char *text;
	kgx_loc loc;
} lemma;

struct kgx_frame {
	struct kgx_rule *rule;
	int predicate;
	kgx_vec forms;   /* form */
	kgx_vec lemmas;  /* lemma, until expanded */
	slot agent, object;
	int agent_set, object_set;
	int begins;  /* "years = start": the clause's year is when the relation began */
	char **unless;  /* words that, beside the trigger, make it another verb ("zich") */
	size_t n_with;
	char **with;    /* words one of which the clause must hold ("eenheden") */
	size_t n_unless;
	char **without; /* words none of which the clause may hold ("verklaring") */
	size_t n_without;
	char **others;  /* words before a noun trigger that make it others' ("andere donoren") */
	size_t n_others;
	int money;
	int voice;
	int named_elsewhere;  /* the object may be named outside its sentence: see kgx_frames_compile */
};

struct kgx_frames {
	kgx_vec frames;          /* kgx_frame * */
	kgx_index triggers;      /* hash of a trigger word -> trigger number */
	kgx_vec trigger_list;    /* {frame, form} */
	const char *voice_id;
	const kgx_entry *voice;
	char **voice_words;      /* "ik", "het kabinet": words that speak for the voice */
	size_t n_voice_words;
	char **breaks;           /* words after a comma that open a new clause */
	size_t n_breaks;
	char **auxiliaries;      /* finite verbs that split a subject from what follows */
	size_t n_auxiliaries;
	char **relatives;        /* "die", "dat": a relative clause's subject is the name before it */
	size_t n_relatives;
	char **preps;            /* every preposition: a name after one is not a subject */
	size_t n_preps;
	char **voice_bodies;     /* ids (fnmatch patterns) of bodies that act for the voice entity */
	size_t n_voice_bodies;
	char **pronominals;      /* "hieraan", "daarvoor": a preposition with "it" */
	size_t n_pronominals;
	char **titles;           /* "minister", "premier": a title before a person's name */
	size_t n_titles;
	char **including;        /* "waaronder", "o.a.": names after a noun that are its instances */
	size_t n_including;
	char **co_agents;        /* "samen met", "net als": names after them act with the agent */
	size_t n_co_agents;
	char **meeting_verbs;    /* "vond plaats", "kwam bijeen": their clause's first name is a meeting */
	size_t n_meeting_verbs;
	char **money_sources;    /* "ten laste van": the name after is the budget, not the topic */
	size_t n_money_sources;
	char **date_ahead, **date_back;  /* "a.s.", "jl." after a day and a month */
	size_t n_date_ahead, n_date_back;
	char **other_words;      /* "volgende", "andere": before a noun, it names another one */
	size_t n_other_words;
	char **givers;           /* "donoren", "lidstaten": a giver named by a noun, not a name */
	size_t n_givers;
	char **money_words;      /* "geld", "bedrag": money, where no sum is stated */
	size_t n_money_words;
	char **sum_nouns;        /* "middelen": a bare sum before one is money */
	size_t n_sum_nouns;
	char **each_words;       /* "elk": a sum after one is every object's */
	size_t n_each_words;
	char **subordinators;    /* "dat", "omdat": their clause ends in its verb */
	size_t n_subordinators;
	char **articles;         /* "de", "een", "zijn": a noun follows */
	size_t n_articles;
	char **pointers;         /* "de", "deze": the noun after them was named before */
	size_t n_pointers;
	char **relative_adverbs; /* "waarmee", "waartoe": they open a relative clause */
	size_t n_relative_adverbs;
	char **addressees;       /* "uw": the name after it is spoken to ("uw Kamer"), not of */
	size_t n_addressees;
	char **copulas;          /* "is", "als": a noun after one is said of the clause's subject */
	size_t n_copulas;
	char **infinitives;      /* "om": opens an infinitive clause, whose object stands before its verb */
	size_t n_infinitives;
	char **to_words;         /* "te": marks an infinitive */
	size_t n_to_words;
	char **of_words;         /* "van": a name after it owns the noun before */
	size_t n_of_words;
	char **split_pronouns;   /* "er", "daar": "it" apart from its preposition */
	size_t n_split_pronouns;
	char **and_words;        /* "en": joins a list's last item, or two clauses */
	size_t n_and_words;
	char **but_words;        /* "maar": joins two clauses, the second sharing the subject */
	size_t n_but_words;
	char **definites;        /* "de", "het": the definite articles */
	size_t n_definites;
	char **honorifics;       /* "de heer", "mevrouw": before a name, no office */
	size_t n_honorifics;
	char **time_nouns;       /* "jaar": a phrase up to one is a time ("voor drie jaar"), not a slot's */
	size_t n_time_nouns;
	char **umbrellas;        /* "un", "eu": ids no sum goes to from the sentences before */
	size_t n_umbrellas;
	char **budget_words;     /* "middelen", "begroting": a letter's opening about its year's money */
	size_t n_budget_words;
	kgx_vec anaphors;        /* anaphor_noun: "fonds" stands for a Fund named before */
	kgx_vec phrase_preps;    /* phrase_prep: "ten behoeve van" reads as "voor" */
	kgx_vec paradigms;       /* paradigm: a verb's principal parts */
	kgx_index words;         /* hash of a settings word -> its W_* flags (word_kinds) */
	kgx_vec word_kinds;      /* {word, flags} */
	const char *debate_src;
	pcre2_code *debate;
	kgx_arena arena;
};

typedef struct {
	const kgx_frame *frame;
	const form *form;
} trigger;

typedef struct {
	const char *noun;
	size_t len;
	unsigned classes;
} anaphor_noun;

typedef struct {
	const char *word;
	unsigned kinds;
} word_kind;

/* A preposition of several words, read as one of the slots' single ones. */
typedef struct {
	char **words;
	size_t n_words;
	const char *as;
} phrase_prep;

/* A verb's principal parts, from "paradigm = maken maakt maakte maakten
 * gemaakt": the infinitive (also the plural present), then the present
 * singular, the past singular and plural and the participle; a part may
 * hold alternatives split by '/' ("zegde/zei"). */
enum { PART_INF, PART_PRES, PART_PAST, PART_PAST_PL, PART_PARTICIPLE, N_PARTS };
typedef struct {
	char *part[N_PARTS];
} paradigm;

/* ------------------------------------------------------------ loading */

kgx_frames *kgx_frames_new(void)
{
	kgx_frames *fs = calloc(1, sizeof *fs);
	if (!fs)
		return NULL;
	kgx_vec_init(&fs->frames, sizeof(kgx_frame *));
	kgx_vec_init(&fs->trigger_list, sizeof(trigger));
	kgx_vec_init(&fs->anaphors, sizeof(anaphor_noun));
	kgx_vec_init(&fs->phrase_preps, sizeof(phrase_prep));
	kgx_vec_init(&fs->paradigms, sizeof(paradigm));
	kgx_vec_init(&fs->word_kinds, sizeof(word_kind));
	kgx_index_init(&fs->words);
	kgx_index_init(&fs->triggers);
	kgx_arena_init(&fs->arena);
	return fs;
}

void kgx_frames_free(kgx_frames *fs)
{
	if (!fs)
		return;
	for (size_t i = 0; i < fs->frames.len; i++) {
		kgx_vec_free(&KGX_VEC_AT(&fs->frames, kgx_frame *, i)->forms);
		kgx_vec_free(&KGX_VEC_AT(&fs->frames, kgx_frame *, i)->lemmas);
	}
	kgx_vec_free(&fs->frames);
	kgx_vec_free(&fs->trigger_list);
	kgx_vec_free(&fs->anaphors);
	kgx_vec_free(&fs->phrase_preps);
	kgx_vec_free(&fs->paradigms);
	kgx_vec_free(&fs->word_kinds);
	kgx_index_free(&fs->words);
	kgx_index_free(&fs->triggers);
	pcre2_code_free(fs->debate);
	kgx_arena_release(&fs->arena);
	free(fs);
}

size_t kgx_frames_count(const kgx_frames *fs)
{
	return fs ? fs->frames.len : 0;
}

const kgx_entry *kgx_frames_voice(const kgx_frames *fs)
{
	return fs ? fs->voice : NULL;
}

kgx_frame *kgx_frames_add(kgx_frames *fs, struct kgx_rule *ru)
{
	kgx_frame *f = kgx_arena_alloc(&fs->arena, sizeof *f);
	kgx_frame **slotp = kgx_vec_push(&fs->frames);
	if (!f || !slotp)
		return NULL;
	*slotp = f;
	f->rule = ru;
	f->predicate = -1;
	f->voice = VOICE_PRONOUN;
	kgx_vec_init(&f->forms, sizeof(form));
	kgx_vec_init(&f->lemmas, sizeof(lemma));
	return f;
}

/* Split "a|b c|d" at its bars into words, lower-cased; spaces stay. */
static kgx_status split_list(kgx_frames *fs, char *v, char ***out, size_t *n)
{
	size_t cap = 1;
	for (const char *p = v; *p; p++)
		cap += *p == '|';
	char **w = kgx_arena_alloc(&fs->arena, cap * sizeof *w);
	if (!w)
		return KGX_ERR_NOMEM;
	size_t k = 0;
	for (char *p = v;;) {
		char *bar = strchr(p, '|');
		if (bar)
			*bar = '\0';
		while (*p == ' ')
			p++;
		size_t len = strlen(p);
		while (len && p[len - 1] == ' ')
			p[--len] = '\0';
		if (len) {
			kgx_ascii_lower(p, len);
			w[k++] = p;
		}
		if (!bar)
			break;
		p = bar + 1;
	}
	*out = w;
	*n = k;
	return k ? KGX_OK : KGX_ERR_SYNTAX;
}

static kgx_status add_forms(kgx_frames *fs, kgx_frame *f, char *v, int noun, const kgx_loc *loc)
{
	char **alts;
	size_t n;
	if (split_list(fs, v, &alts, &n) != KGX_OK) {
		kgx_diag(loc, "expected word forms separated by '|'");
		return KGX_ERR_SYNTAX;
	}
	for (size_t i = 0; i < n; i++) {
		form *fo = kgx_vec_push(&f->forms);
		if (!fo)
			return KGX_ERR_NOMEM;
		fo->noun = noun;
		size_t words = 1;
		for (const char *p = alts[i]; *p; p++)
			words += *p == ' ' && p[1] != ' ';
		fo->words = kgx_arena_alloc(&fs->arena, words * sizeof *fo->words);
		fo->gap = kgx_arena_alloc(&fs->arena, words);
		if (!fo->words || !fo->gap)
			return KGX_ERR_NOMEM;
		fo->n_words = 0;
		int gap = 0;
		for (char *w = strtok(alts[i], " "); w; w = strtok(NULL, " ")) {
			/* "stelt … beschikbaar": a separable part, anywhere later in the clause */
			if (!strcmp(w, "\xE2\x80\xA6") || !strcmp(w, "...")) {
				gap = 1;
				continue;
			}
			fo->gap[fo->n_words] = (unsigned char)gap;
			fo->words[fo->n_words++] = w;
			gap = 0;
		}
		if (!fo->n_words || gap) {
			kgx_diag(loc, "a word form cannot begin or end with '…'");
			return KGX_ERR_SYNTAX;
		}
	}
	return KGX_OK;
}

static kgx_status parse_slot(kgx_frames *fs, slot *s, int classes_key, char *v, const kgx_loc *loc)
{
	if (classes_key) {
		s->classes = s->adjectives = 0;
		for (char *w = strtok(v, "| "); w; w = strtok(NULL, "| ")) {
			int tilde = w[0] == '~';
			unsigned c = kgx_class_parse(w + tilde, strlen(w + tilde));
			if (!c) {
				kgx_diag(loc, "unknown class '%s'", w + tilde);
				return KGX_ERR_RULE;
			}
			if (tilde)
				s->adjectives |= c;
			else
				s->classes |= kgx_class_closure(c);
		}
		return KGX_OK;
	}
	char **words;
	size_t n;
	if (split_list(fs, v, &words, &n) != KGX_OK) {
		kgx_diag(loc, "expected positions separated by '|': subject, direct, adjective or a preposition");
		return KGX_ERR_SYNTAX;
	}
	s->at = 0;
	s->n_preps = 0;
	s->preps = words;
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(words[i], "subject"))
			s->at |= AT_SUBJECT;
		else if (!strcmp(words[i], "direct"))
			s->at |= AT_DIRECT;
		else if (!strcmp(words[i], "adjective"))
			s->at |= AT_ADJECTIVE;
		else if (!strcmp(words[i], "compound"))
			s->at |= AT_COMPOUND;
		else if (!strcmp(words[i], "recent"))
			s->at |= AT_RECENT;
		else if (!strcmp(words[i], "apposition"))
			s->at |= AT_APPOSITION;
		else if (!strcmp(words[i], "list"))
			s->at |= AT_LIST;
		else if (!strcmp(words[i], "table"))
			s->at |= AT_TABLE;
		else
			s->preps[s->n_preps++] = words[i];
	}
	return KGX_OK;
}

kgx_status kgx_frame_key(kgx_frames *fs, kgx_frame *f, const kgx_stanza_line *l, char *v)
{
	kgx_loc vloc = l->loc;
	vloc.col = l->value_col;
#define KEY(k) (l->key_len == sizeof(k) - 1 && !memcmp(l->key, k, sizeof(k) - 1))
	if (KEY("predicate")) {
		f->predicate = kgx_predicate_parse(v, strlen(v));
		if (f->predicate < 0) {
			kgx_diag(&vloc, "unknown predicate '%s'", v);
			return KGX_ERR_SYNTAX;
		}
		return KGX_OK;
	}
	if (KEY("verb") || KEY("noun"))
		return add_forms(fs, f, v, KEY("noun"), &vloc);
	if (KEY("lemma")) {
		char **alts;
		size_t n;
		if (split_list(fs, v, &alts, &n) != KGX_OK) {
			kgx_diag(&vloc, "expected infinitives separated by '|'");
			return KGX_ERR_SYNTAX;
		}
		for (size_t i = 0; i < n; i++) {
			lemma *le = kgx_vec_push(&f->lemmas);
			if (!le)
				return KGX_ERR_NOMEM;
			le->text = alts[i];
			le->loc = vloc;
		}
		return KGX_OK;
	}
	if (KEY("agent") || KEY("object")) {
		int *set = KEY("agent") ? &f->agent_set : &f->object_set;
		*set = 1;
		return parse_slot(fs, KEY("agent") ? &f->agent : &f->object, 1, v, &vloc);
	}
	if (KEY("agent-at") || KEY("object-at"))
		return parse_slot(fs, KEY("agent-at") ? &f->agent : &f->object, 0, v, &vloc);
	if (KEY("object-through")) {
		kgx_status st = split_list(fs, v, &f->object.through, &f->object.n_through);
		if (st == KGX_ERR_SYNTAX)
			kgx_diag(&vloc, "expected prepositions separated by '|'");
		return st;
	}
	if (KEY("money")) {
		if (!strcmp(v, "any"))
			f->money = MONEY_ANY;
		else if (!strcmp(v, "required"))
			f->money = MONEY_REQUIRED;
		else if (!strcmp(v, "forbidden"))
			f->money = MONEY_FORBIDDEN;
		else {
			kgx_diag(&vloc, "money is 'any', 'required' or 'forbidden'");
			return KGX_ERR_SYNTAX;
		}
		return KGX_OK;
	}
	if (KEY("with")) {
		kgx_status st = split_list(fs, v, &f->with, &f->n_with);
		if (st == KGX_ERR_SYNTAX)
			kgx_diag(&vloc, "expected words separated by '|'");
		return st;
	}
	if (KEY("without")) {
		kgx_status st = split_list(fs, v, &f->without, &f->n_without);
		if (st == KGX_ERR_SYNTAX)
			kgx_diag(&vloc, "expected words separated by '|'");
		return st;
	}
	if (KEY("unless-before")) {
		kgx_status st = split_list(fs, v, &f->others, &f->n_others);
		if (st == KGX_ERR_SYNTAX)
			kgx_diag(&vloc, "expected words separated by '|'");
		return st;
	}
	if (KEY("unless")) {
		kgx_status st = split_list(fs, v, &f->unless, &f->n_unless);
		if (st == KGX_ERR_SYNTAX)
			kgx_diag(&vloc, "expected words separated by '|'");
		return st;
	}
	if (KEY("years")) {
		if (!strcmp(v, "start"))
			f->begins = 1;
		else if (!strcmp(v, "as-stated"))
			f->begins = 0;
		else {
			kgx_diag(&vloc, "years is 'as-stated' or 'start'");
			return KGX_ERR_SYNTAX;
		}
		return KGX_OK;
	}
	if (KEY("voice")) {
		if (!strcmp(v, "none"))
			f->voice = VOICE_NONE;
		else if (!strcmp(v, "pronoun"))
			f->voice = VOICE_PRONOUN;
		else if (!strcmp(v, "any"))
			f->voice = VOICE_ANY;
		else {
			kgx_diag(&vloc, "voice is 'none', 'pronoun' or 'any'");
			return KGX_ERR_SYNTAX;
		}
		return KGX_OK;
	}
#undef KEY
	kgx_diag(&l->loc, "unknown key '%.*s' in frame", (int)l->key_len, l->key);
	return KGX_ERR_SYNTAX;
}

kgx_status kgx_frame_finish(const kgx_frame *f, const kgx_loc *loc)
{
	const char *missing = f->predicate < 0 ? "predicate"
	                      : !f->forms.len && !f->lemmas.len ? "verb, lemma or noun"
	                      : !f->agent_set  ? "agent"
	                      : !f->object_set ? "object"
	                                       : NULL;
	if (missing) {
		kgx_diag(loc, "frame needs '%s = …'", missing);
		return KGX_ERR_RULE;
	}
	if (!f->agent.at && !f->agent.n_preps) {
		kgx_diag(loc, "frame needs 'agent-at = …': where the agent stands");
		return KGX_ERR_RULE;
	}
	if (!f->object.at && !f->object.n_preps) {
		kgx_diag(loc, "frame needs 'object-at = …': where the object stands");
		return KGX_ERR_RULE;
	}
	return KGX_OK;
}

kgx_status kgx_frames_setting(kgx_frames *fs, const kgx_stanza_line *l, char *v)
{
	kgx_loc vloc = l->loc;
	vloc.col = l->value_col;
#define KEY(k) (l->key_len == sizeof(k) - 1 && !memcmp(l->key, k, sizeof(k) - 1))
	kgx_status st = KGX_OK;
	if (KEY("voice"))
		fs->voice_id = v;
	else if (KEY("voice-words"))
		st = split_list(fs, v, &fs->voice_words, &fs->n_voice_words);
	else if (KEY("clause-breaks"))
		st = split_list(fs, v, &fs->breaks, &fs->n_breaks);
	else if (KEY("auxiliaries"))
		st = split_list(fs, v, &fs->auxiliaries, &fs->n_auxiliaries);
	else if (KEY("relatives"))
		st = split_list(fs, v, &fs->relatives, &fs->n_relatives);
	else if (KEY("prepositions"))
		st = split_list(fs, v, &fs->preps, &fs->n_preps);
	else if (KEY("voice-bodies"))
		st = split_list(fs, v, &fs->voice_bodies, &fs->n_voice_bodies);
	else if (KEY("pronominals"))
		st = split_list(fs, v, &fs->pronominals, &fs->n_pronominals);
	else if (KEY("titles"))
		st = split_list(fs, v, &fs->titles, &fs->n_titles);
	else if (KEY("including"))
		st = split_list(fs, v, &fs->including, &fs->n_including);
	else if (KEY("co-agents"))
		st = split_list(fs, v, &fs->co_agents, &fs->n_co_agents);
	else if (KEY("meeting-verbs"))
		st = split_list(fs, v, &fs->meeting_verbs, &fs->n_meeting_verbs);
	else if (KEY("money-sources"))
		st = split_list(fs, v, &fs->money_sources, &fs->n_money_sources);
	else if (KEY("other-words"))
		st = split_list(fs, v, &fs->other_words, &fs->n_other_words);
	else if (KEY("givers"))
		st = split_list(fs, v, &fs->givers, &fs->n_givers);
	else if (KEY("money-words"))
		st = split_list(fs, v, &fs->money_words, &fs->n_money_words);
	else if (KEY("sum-nouns"))
		st = split_list(fs, v, &fs->sum_nouns, &fs->n_sum_nouns);
	else if (KEY("each-words"))
		st = split_list(fs, v, &fs->each_words, &fs->n_each_words);
	else if (KEY("addressees"))
		st = split_list(fs, v, &fs->addressees, &fs->n_addressees);
	else if (KEY("copulas"))
		st = split_list(fs, v, &fs->copulas, &fs->n_copulas);
	else if (KEY("infinitive-openers"))
		st = split_list(fs, v, &fs->infinitives, &fs->n_infinitives);
	else if (KEY("infinitive-markers"))
		st = split_list(fs, v, &fs->to_words, &fs->n_to_words);
	else if (KEY("of-words"))
		st = split_list(fs, v, &fs->of_words, &fs->n_of_words);
	else if (KEY("split-pronouns"))
		st = split_list(fs, v, &fs->split_pronouns, &fs->n_split_pronouns);
	else if (KEY("and-words"))
		st = split_list(fs, v, &fs->and_words, &fs->n_and_words);
	else if (KEY("but-words"))
		st = split_list(fs, v, &fs->but_words, &fs->n_but_words);
	else if (KEY("definite-articles"))
		st = split_list(fs, v, &fs->definites, &fs->n_definites);
	else if (KEY("honorifics"))
		st = split_list(fs, v, &fs->honorifics, &fs->n_honorifics);
	else if (KEY("time-nouns"))
		st = split_list(fs, v, &fs->time_nouns, &fs->n_time_nouns);
	else if (KEY("subordinators"))
		st = split_list(fs, v, &fs->subordinators, &fs->n_subordinators);
	else if (KEY("articles"))
		st = split_list(fs, v, &fs->articles, &fs->n_articles);
	else if (KEY("pointers"))
		st = split_list(fs, v, &fs->pointers, &fs->n_pointers);
	else if (KEY("relative-adverbs"))
		st = split_list(fs, v, &fs->relative_adverbs, &fs->n_relative_adverbs);
	else if (KEY("umbrellas"))
		st = split_list(fs, v, &fs->umbrellas, &fs->n_umbrellas);
	else if (KEY("budget-words"))
		st = split_list(fs, v, &fs->budget_words, &fs->n_budget_words);
	else if (KEY("date-ahead"))
		st = split_list(fs, v, &fs->date_ahead, &fs->n_date_ahead);
	else if (KEY("date-back"))
		st = split_list(fs, v, &fs->date_back, &fs->n_date_back);
	else if (KEY("debate"))
		fs->debate_src = v;
	else if (KEY("paradigm")) {
		paradigm pa = {0};
		size_t n = 0;
		kgx_ascii_lower(v, strlen(v));
		for (char *w = strtok(v, " "); w; w = strtok(NULL, " "))
			if (n++ < N_PARTS)
				pa.part[n - 1] = w;
		if (n != N_PARTS) {
			kgx_diag(&vloc, "expected 'paradigm = INFINITIVE PRESENT PAST PAST-PLURAL PARTICIPLE'");
			return KGX_ERR_SYNTAX;
		}
		paradigm *slotp = kgx_vec_push(&fs->paradigms);
		if (!slotp)
			return KGX_ERR_NOMEM;
		*slotp = pa;
	}
	else if (KEY("anaphor")) {
		/* "fonds Fund": the noun, then the classes it may stand for */
		char *sp = strchr(v, ' ');
		anaphor_noun *an = kgx_vec_push(&fs->anaphors);
		if (!an)
			return KGX_ERR_NOMEM;
		an->classes = 0;
		if (sp) {
			*sp = '\0';
			for (char *w = strtok(sp + 1, "| "); w; w = strtok(NULL, "| ")) {
				unsigned c = kgx_class_parse(w, strlen(w));
				if (!c) {
					kgx_diag(&vloc, "unknown class '%s'", w);
					return KGX_ERR_RULE;
				}
				an->classes |= kgx_class_closure(c);
			}
		}
		if (!an->classes) {
			kgx_diag(&vloc, "expected 'anaphor = NOUN Class|Class'");
			return KGX_ERR_SYNTAX;
		}
		an->len = strlen(v);
		kgx_ascii_lower(v, an->len);
		an->noun = v;
	}
	else if (KEY("phrase-preposition")) {
		/* "ten behoeve van = voor": the words, then the preposition they read as */
		char *eq = strchr(v, '=');
		phrase_prep parsed = {0}, *pp = &parsed;
		int one_word = 0;
		if (eq) {
			*eq = '\0';
			kgx_ascii_lower(v, strlen(v));
			kgx_ascii_lower(eq + 1, strlen(eq + 1));
			pp->as = strtok(eq + 1, " ");
			one_word = pp->as && !strtok(NULL, " ");
			size_t n = 1;
			for (const char *c = v; *c; c++)
				n += *c == ' ';
			pp->words = kgx_arena_alloc(&fs->arena, n * sizeof *pp->words);
			if (!pp->words)
				return KGX_ERR_NOMEM;
			for (char *w = strtok(v, " "); w; w = strtok(NULL, " "))
				pp->words[pp->n_words++] = w;
		}
		if (!eq || pp->n_words < 2 || !one_word) {
			kgx_diag(&vloc, "expected 'phrase-preposition = WORD WORD … = PREPOSITION'");
			return KGX_ERR_SYNTAX;
		}
		phrase_prep *slotp = kgx_vec_push(&fs->phrase_preps);
		if (!slotp)
			return KGX_ERR_NOMEM;
		*slotp = parsed;
	}
	else {
		kgx_diag(&l->loc, "unknown frame setting '%.*s'", (int)l->key_len, l->key);
		return KGX_ERR_SYNTAX;
	}
#undef KEY
	if (st == KGX_ERR_SYNTAX)
		kgx_diag(&vloc, "expected words separated by '|'");
	return st;
}

static uint64_t word_hash(const char *s, size_t n)
{
	return kgx_hash(KGX_HASH_INIT, s, n);
}

/* Give the settings word w the flag `kind`; nonzero when out of memory. */
static int add_word_kind(kgx_frames *fs, const char *w, unsigned kind)
{
	word_kind *found = NULL;
	uint64_t h = word_hash(w, strlen(w));
	for (uint32_t cur, x = kgx_index_find(&fs->words, h, &cur); x != KGX_INDEX_END && !found;
	     x = kgx_index_again(&fs->words, h, &cur))
		if (!strcmp(KGX_VEC_AT(&fs->word_kinds, word_kind, x).word, w))
			found = &KGX_VEC_AT(&fs->word_kinds, word_kind, x);
	if (!found) {
		if (!(found = kgx_vec_push(&fs->word_kinds)) || kgx_index_add(&fs->words, h, (uint32_t)(fs->word_kinds.len - 1)))
			return 1;
		found->word = w;
		found->kinds = 0;
	}
	found->kinds |= kind;
	return 0;
}

/* Whether the form reads "w1 … w2 w3" as written in s. */
static int form_is(const form *fo, const char *s)
{
	size_t i = 0;
	int gap = 0;
	for (const char *p = s; *p;) {
		const char *e = strchr(p, ' ');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n == 3 && !memcmp(p, "\xE2\x80\xA6", 3))
			gap = 1;
		else {
			if (i >= fo->n_words || fo->gap[i] != gap || strlen(fo->words[i]) != n ||
			    memcmp(fo->words[i], p, n))
				return 0;
			i++;
			gap = 0;
		}
		p += n;
		while (*p == ' ')
			p++;
	}
	return i == fo->n_words;
}

/* A lemma's forms, as strings, until they are sorted and made forms. */
typedef struct {
	kgx_vec strings;  /* char *, in fs->arena */
} made_forms;

static kgx_status add_made(kgx_frames *fs, made_forms *out, const char *s)
{
	char **slot = kgx_vec_push(&out->strings);
	if (!slot || !(*slot = kgx_arena_strndup(&fs->arena, s, strlen(s))))
		return KGX_ERR_NOMEM;
	return KGX_OK;
}

/* One part of a paradigm may hold alternatives: "zegde/zei". Each
 * alternative, with what goes before and after it, becomes a form. */
static kgx_status add_part(kgx_frames *fs, made_forms *out, const char *before, const char *part,
                           const char *after)
{
	kgx_buf b = {0};
	kgx_status st = KGX_OK;
	for (const char *p = part; *p && st == KGX_OK;) {
		size_t n = strcspn(p, "/");
		b.len = 0;  /* kgx_buf_printf writes from len and ends the string */
		if (kgx_buf_printf(&b, "%s%.*s%s", before, (int)n, p, after))
			st = KGX_ERR_NOMEM;
		else
			st = add_made(fs, out, b.s);
		p += n + (p[n] == '/');
	}
	kgx_buf_free(&b);
	return st;
}

/* Make every form of a lemma: "vrij+maken" (a particle written as one word
 * with the verb where they meet: "vrijmaakt", "vrijgemaakt"),
 * "beschikbaar stellen" (a particle of words of its own), "geven". A main
 * clause puts the particle anywhere after the finite verb ("maakt … vrij"),
 * a subordinate clause before it ("dat X 5 miljoen vrijmaakt"). */
static kgx_status expand_lemma(kgx_frames *fs, made_forms *out, const lemma *le)
{
	/* cut apart below; le->text (lower-cased by split_list) stays whole for
	 * the diagnostics */
	char *text = kgx_arena_strndup(&fs->arena, le->text, strlen(le->text));
	if (!text)
		return KGX_ERR_NOMEM;
	char *verb = strrchr(text, ' ');
	const char *sep = "";  /* the particle's words of their own */
	if (verb) {
		*verb++ = '\0';
		sep = text;
	}
	else
		verb = text;
	const char *fused = "";  /* the particle written with the verb */
	char *plus = strchr(verb, '+');
	if (plus) {
		*plus = '\0';
		fused = verb;
		verb = plus + 1;
	}
	const paradigm *pa = NULL;
	for (size_t k = 0; k < fs->paradigms.len && !pa; k++)
		if (!strcmp(KGX_VEC_AT(&fs->paradigms, paradigm, k).part[PART_INF], verb))
			pa = &KGX_VEC_AT(&fs->paradigms, paradigm, k);
	if (!pa || !*verb) {
		kgx_diag(&le->loc, "lemma '%s': no 'paradigm = %s …' among the frame settings", le->text, verb);
		return KGX_ERR_RULE;
	}
	char particle[128], lead[128], main_tail[132];
	int n1 = snprintf(particle, sizeof particle, "%s%s%s", sep, *sep && *fused ? " " : "", fused);
	int n2 = snprintf(lead, sizeof lead, "%s%s%s", sep, *sep ? " " : "", fused);
	int n3 = snprintf(main_tail, sizeof main_tail, "%s%s", *particle ? " \xE2\x80\xA6 " : "", particle);
	if (n1 < 0 || n2 < 0 || n3 < 0 || (size_t)n1 >= sizeof particle || (size_t)n2 >= sizeof lead ||
	    (size_t)n3 >= sizeof main_tail) {
		kgx_diag(&le->loc, "lemma '%s' is too long", le->text);
		return KGX_ERR_RULE;
	}
	static const int finite[] = {PART_INF, PART_PRES, PART_PAST, PART_PAST_PL};
	kgx_status st = KGX_OK;
	for (size_t k = 0; k < sizeof finite / sizeof *finite && st == KGX_OK; k++) {
		st = add_part(fs, out, "", pa->part[finite[k]], main_tail);
		if (st == KGX_OK && *particle)
			st = add_part(fs, out, lead, pa->part[finite[k]], "");
	}
	if (st == KGX_OK)
		st = add_part(fs, out, lead, pa->part[PART_PARTICIPLE], "");
	/* "ter beschikking worden gesteld", "beschikbaar is gesteld": a
	 * particle of words of its own, an auxiliary between it and the
	 * participle */
	if (st == KGX_OK && *sep) {
		char gap[140];
		snprintf(gap, sizeof gap, "%s \xE2\x80\xA6 ", sep);
		st = add_part(fs, out, gap, pa->part[PART_PARTICIPLE], "");
	}
	/* "bekend gemaakt", "vrij gemaakt": a fused particle written apart
	 * before the participle, as letters often do */
	if (st == KGX_OK && *fused) {
		char apart[132];
		snprintf(apart, sizeof apart, "%s ", lead);
		st = add_part(fs, out, apart, pa->part[PART_PARTICIPLE], "");
	}
	/* the participle as an adjective: "de toegezegde 5 miljoen" */
	for (const char *p = pa->part[PART_PARTICIPLE]; *p && st == KGX_OK;) {
		size_t n = strcspn(p, "/");
		if (n && (p[n - 1] == 'd' || p[n - 1] == 't')) {
			char one[96];
			snprintf(one, sizeof one, "%.*se", (int)n, p);
			st = add_part(fs, out, lead, one, "");
		}
		p += n + (p[n] == '/');
	}
	if (st == KGX_OK) {
		char te[140];
		snprintf(te, sizeof te, "%s%ste ", particle, *particle ? " " : "");
		st = add_part(fs, out, te, pa->part[PART_INF], "");
	}
	return st;
}

static int cmp_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Make f's lemmas forms: each once, and none that its `verb` lists. Sorted
 * first, so that finding the ones made twice costs no more than sorting. */
static kgx_status expand_lemmas(kgx_frames *fs, kgx_frame *f)
{
	made_forms made;
	kgx_vec_init(&made.strings, sizeof(char *));
	kgx_status st = KGX_OK;
	for (size_t k = 0; k < f->lemmas.len && st == KGX_OK; k++)
		st = expand_lemma(fs, &made, &KGX_VEC_AT(&f->lemmas, lemma, k));
	char **v = made.strings.data;
	if (st == KGX_OK && made.strings.len)
		qsort(v, made.strings.len, sizeof *v, cmp_strings);
	size_t listed = f->forms.len;  /* the forms `verb` gave */
	for (size_t k = 0; k < made.strings.len && st == KGX_OK; k++) {
		if (k && !strcmp(v[k], v[k - 1]))
			continue;
		int dup = 0;
		for (size_t j = 0; j < listed && !dup; j++)
			dup = form_is(&KGX_VEC_AT(&f->forms, form, j), v[k]);
		/* add_forms cuts its string into words; v[k] is compared again */
		char *copy = dup ? NULL : kgx_arena_strndup(&fs->arena, v[k], strlen(v[k]));
		if (!dup)
			st = copy ? add_forms(fs, f, copy, 0, &KGX_VEC_AT(&f->lemmas, lemma, 0).loc) : KGX_ERR_NOMEM;
	}
	kgx_vec_free(&made.strings);
	f->lemmas.len = 0;
	return st;
}

kgx_status kgx_frames_compile(kgx_frames *fs, const struct kgx_rules *r)
{
	for (size_t i = 0; i < fs->frames.len; i++) {
		kgx_frame *f = KGX_VEC_AT(&fs->frames, kgx_frame *, i);
		if (!f->lemmas.len)
			continue;
		kgx_status st = expand_lemmas(fs, f);
		if (st != KGX_OK)
			return st;
	}
	if (fs->voice_id) {
		fs->voice = kgx_kb_get(kgx_rules_kb((struct kgx_rules *)r), fs->voice_id);
		if (!fs->voice) {
			kgx_diag(NULL, "frame setting 'voice': no knowledge-base entry '%s'", fs->voice_id);
			return KGX_ERR_RULE;
		}
	}
	/* which frames' objects no sentence but their own can name: those are
	 * tried only where a name of the object's classes was lately seen */
	for (size_t i = 0; i < fs->frames.len; i++) {
		kgx_frame *f = KGX_VEC_AT(&fs->frames, kgx_frame *, i);
		/* a recent, list or table slot, a country's adjective, an anaphor
		 * noun of its classes, a meeting of another class that took place,
		 * or a ministry whose title names a person */
		f->named_elsewhere = (f->object.at & (AT_RECENT | AT_LIST | AT_TABLE)) || f->object.adjectives ||
		                     (f->object.classes & (KGX_C_EVENT | KGX_C_PERSON | KGX_C_MINISTER));
		for (size_t k = 0; k < fs->anaphors.len && !f->named_elsewhere; k++)
			f->named_elsewhere = (KGX_VEC_AT(&fs->anaphors, anaphor_noun, k).classes & f->object.classes) != 0;
	}
	/* a misspelt id would make the setting silently do nothing */
	for (size_t k = 0; k < fs->n_umbrellas; k++)
		if (!kgx_kb_get(kgx_rules_kb((struct kgx_rules *)r), fs->umbrellas[k])) {
			kgx_diag(NULL, "frame setting 'umbrellas': no knowledge-base entry '%s'", fs->umbrellas[k]);
			return KGX_ERR_RULE;
		}
	if (fs->debate_src && !fs->debate) {
		int err;
		PCRE2_SIZE off;
		/* PCRE2_USE_OFFSET_LIMIT: kgx_rules_match, which runs it, needs it */
		fs->debate = pcre2_compile((PCRE2_SPTR)fs->debate_src, PCRE2_ZERO_TERMINATED,
		                           PCRE2_UTF | PCRE2_UCP | PCRE2_MULTILINE | PCRE2_USE_OFFSET_LIMIT, &err,
		                           &off, NULL);
		if (!fs->debate) {
			PCRE2_UCHAR msg[160];
			pcre2_get_error_message(err, msg, sizeof msg);
			kgx_diag(NULL, "frame setting 'debate': %s at offset %zu", (char *)msg, (size_t)off);
			return KGX_ERR_RULE;
		}
		/* it runs over every whole document: interpreted, it cost 2% of a
		 * run's instructions */
		pcre2_jit_compile(fs->debate, PCRE2_JIT_COMPLETE);
	}
	fs->trigger_list.len = 0;
	kgx_index_free(&fs->triggers);
	kgx_index_init(&fs->triggers);
	fs->word_kinds.len = 0;
	kgx_index_free(&fs->words);
	kgx_index_init(&fs->words);
	const struct {
		char **list;
		size_t n;
		unsigned kind;
	} lists[] = {{fs->preps, fs->n_preps, W_PREP},
	             {fs->pronominals, fs->n_pronominals, W_PRONOMINAL},
	             {fs->titles, fs->n_titles, W_TITLE},
	             {fs->relatives, fs->n_relatives, W_RELATIVE},
	             {fs->breaks, fs->n_breaks, W_BREAK},
	             {fs->auxiliaries, fs->n_auxiliaries, W_AUX},
	             {fs->money_words, fs->n_money_words, W_MONEY},
	             {fs->sum_nouns, fs->n_sum_nouns, W_SUM_NOUN},
	             {fs->each_words, fs->n_each_words, W_EACH},
	             {fs->subordinators, fs->n_subordinators, W_SUBORD},
	             {fs->articles, fs->n_articles, W_ARTICLE},
	             {fs->pointers, fs->n_pointers, W_POINTER},
	             {fs->relative_adverbs, fs->n_relative_adverbs, W_RELADV},
	             {fs->addressees, fs->n_addressees, W_ADDRESSEE},
	             {fs->copulas, fs->n_copulas, W_COPULA},
	             {fs->infinitives, fs->n_infinitives, W_INFINITIVE},
	             {fs->to_words, fs->n_to_words, W_TO},
	             {fs->of_words, fs->n_of_words, W_OF},
	             {fs->split_pronouns, fs->n_split_pronouns, W_SPLIT},
	             {fs->and_words, fs->n_and_words, W_AND},
	             {fs->but_words, fs->n_but_words, W_BUT},
	             {fs->definites, fs->n_definites, W_DEFINITE},
	             {fs->time_nouns, fs->n_time_nouns, W_TIME},
	             {fs->honorifics, fs->n_honorifics, W_HONORIFIC}};
	for (size_t l = 0; l < sizeof lists / sizeof *lists; l++)
		for (size_t k = 0; k < lists[l].n; k++)
			if (add_word_kind(fs, lists[l].list[k], lists[l].kind))
				return KGX_ERR_NOMEM;
	for (size_t i = 0; i < fs->frames.len; i++) {
		const kgx_frame *f = KGX_VEC_AT(&fs->frames, kgx_frame *, i);
		const slot *slots[] = {&f->agent, &f->object};
		for (size_t s = 0; s < 2; s++)
			for (size_t k = 0; k < slots[s]->n_preps; k++)
				if (add_word_kind(fs, slots[s]->preps[k], W_SLOT))
					return KGX_ERR_NOMEM;
		for (size_t k = 0; k < f->n_with; k++)
			if (add_word_kind(fs, f->with[k], W_LISTED))
				return KGX_ERR_NOMEM;
		for (size_t k = 0; k < f->n_without; k++)
			if (add_word_kind(fs, f->without[k], W_LISTED))
				return KGX_ERR_NOMEM;
	}
	for (size_t k = 0; k < fs->anaphors.len; k++)
		if (add_word_kind(fs, KGX_VEC_AT(&fs->anaphors, anaphor_noun, k).noun, W_ANAPHOR))
			return KGX_ERR_NOMEM;
	/* an including phrase's last word: a colon after it opens its list,
	 * not a clause ("te weten: X, Y en Z") */
	for (size_t k = 0; k < fs->n_including; k++) {
		const char *sp = strrchr(fs->including[k], ' ');
		if (add_word_kind(fs, sp ? sp + 1 : fs->including[k], W_INCLUDING))
			return KGX_ERR_NOMEM;
	}
	/* a voice word's first word: voiced() looks no further at other tokens */
	for (size_t k = 0; k < fs->n_voice_words; k++) {
		const char *v = fs->voice_words[k];
		const char *first = kgx_arena_strndup(&fs->arena, v, strcspn(v, " "));
		if (!first || add_word_kind(fs, first, W_VOICE))
			return KGX_ERR_NOMEM;
	}
	/* a meeting verb's last word marks the sentences worth a closer look */
	for (size_t k = 0; k < fs->n_meeting_verbs; k++) {
		const char *sp = strrchr(fs->meeting_verbs[k], ' ');
		if (add_word_kind(fs, sp ? sp + 1 : fs->meeting_verbs[k], W_MEET))
			return KGX_ERR_NOMEM;
	}
	for (size_t i = 0; i < fs->frames.len; i++) {
		const kgx_frame *f = KGX_VEC_AT(&fs->frames, kgx_frame *, i);
		for (size_t k = 0; k < f->forms.len; k++) {
			const form *fo = &KGX_VEC_AT(&f->forms, form, k);
			trigger *t = kgx_vec_push(&fs->trigger_list);
			if (!t)
				return KGX_ERR_NOMEM;
			t->frame = f;
			t->form = fo;
			if (kgx_index_add(&fs->triggers, word_hash(fo->words[0], strlen(fo->words[0])),
			                  (uint32_t)(fs->trigger_list.len - 1)))
				return KGX_ERR_NOMEM;
		}
	}
	return KGX_OK;
}

/* ------------------------------------------------------------ matching */

enum { T_WORD, T_NAME, T_PUNCT };

#define MAX_LIST_WALK 32
#define SUBJECT_REACH 12  /* tokens between a verb and its subject, at most */
#define NOUN_REACH 6      /* between a noun and the subject of its support verb */
#define FRONTED_REACH 8   /* from a noun phrase put first to the subject after the verb */
#define PREP_REACH_NOUN 6 /* between a noun and its complement's preposition */
#define PREP_REACH_VERB 12
#define PHRASE_REACH 9    /* from a preposition to a name past an infinitive used as a noun */
#define WINDOW 48         /* tokens on either side of a trigger that it looks at */

typedef struct {
	uint32_t b, e;     /* in doc->text */
	uint32_t lb;       /* in the lower-cased copy */
	int kind;
	uint32_t mention;  /* T_NAME */
	int clause;
	uint32_t cb, ce;   /* the tokens of its clause: [cb, ce) */
	int amount;        /* the amount the token is part of, or -1 */
	unsigned kinds;    /* W_* flags of a word, looked up once */
	int titled;        /* a ministry after a minister's title: "de minister van X" */
	const kgx_entry *holder;  /* who held that title on the letter's date, if named */
	const char *as;    /* the last word of a phrase preposition: the one it reads as */
} token;

typedef struct {
	uint32_t b, e;
	char value[32];
	const char *currency;
} amount;

typedef struct {
	const kgx_entry *entry;
	uint32_t sentence;
	uint64_t seq;  /* order of mentions, to tell the latest of two classes */
} recent;

struct kgx_frame_state {
	const kgx_frames *fs;
	const kgx_rules *rules;
	int voice_on;
	kgx_vec toks;     /* token */
	kgx_vec amounts;  /* amount */
	kgx_buf lower;
	kgx_buf how;
	pcre2_match_data *md;
	recent last[KGX_NCLASSES];  /* the last strong mention of each class */
	recent meeting;             /* the last body or event that "vond plaats" */
	int topic_year;             /* the year whose money the letter's opening is about, or 0 */
	const kgx_entry *sole_fund; /* the one fund named so far, if only one was */
	int funds_named;            /* 0, 1, or 2 for more than one */
	uint32_t sole_fund_at;      /* the sentence that last named it or pointed back to it */
	uint64_t seq;
	const kgx_entry *defined;   /* the name the sentence opens by saying what it is, or NULL */
	int32_t date;               /* the letter's, as kgx_kb_date_parse gives it, or 0 */
	const char *last_currency;  /* of the last amount of the sentences before */
	uint32_t si;                /* the sentence being read */
	amount sole_sum;            /* the one sum of sentence sole_sum_si */
	uint32_t sole_sum_si;       /* UINT32_MAX: none */
	struct {
		const kgx_entry *body, *holder;
	} offices[16];              /* the holders looked up so far */
	size_t n_offices;
	struct {
		const kgx_frame *frame;   /* NULL: no list is open */
		const kgx_entry *agent;
		uint32_t intro, next;     /* the sentence that opened it, the item expected */
		int year, start_year, end_year;
		int bulleted;             /* the items so far had bullets */
	} list;                     /* "Het pakket bestaat uit:" and the items after it */
	struct {
		const kgx_frame *frame;   /* NULL: no table is open */
		const kgx_entry *agent;
		uint32_t heading;         /* the sentence of its heading */
		uint32_t label;           /* the sentence of the open row's names */
		const kgx_entry *names[4];
		size_t n_names;           /* 0: no row is open */
		size_t figures;           /* the open row's figures so far */
		char first[32];           /* the first of them, as written */
		const char *currency;     /* of the heading, or NULL */
		char scale[16];           /* "duizend", "mln": the heading's multiplier, or "" */
		int year, start_year, end_year;
	} table;                    /* "Bijdragen 2031 (x € 1.000)" and the rows under it */
};

#define OPENING 6         /* sentences of a letter's head and first paragraph */
#define SOLE_FUND_REACH 3 /* sentences back to the one fund a text names */

/* Whether byte c may be part of a word: an ASCII letter or any byte of a
 * multibyte character. */
static int letter(unsigned char c)
{
	return c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static int holds_word(const char *s, const char *w, size_t n, int tail);

/* "Betreft: Humanitaire middelen 2031", "In deze brief licht ik de
 * bijdragen voor 2031 toe": a sentence of the opening with a word of the
 * `budget-words` setting and one year, the letter's own or the one before
 * or after it, says which year's money the letter is about. */
static int topic_year(const kgx_frames *fs, const kgx_doc *doc, int32_t date)
{
	if (!date || !fs->n_budget_words)
		return 0;
	char text[512];
	for (size_t i = 0; i < doc->sentences.len && i < OPENING; i++) {
		const kgx_sentence *s = &KGX_VEC_AT(&doc->sentences, kgx_sentence, i);
		size_t n = s->span.end - s->span.begin;
		if (n >= sizeof text)
			n = sizeof text - 1;
		memcpy(text, doc->text + s->span.begin, n);
		text[n] = 0;  /* holds_word reads to the end of a string */
		kgx_ascii_lower(text, n);
		int said = 0;
		for (size_t w = 0; w < fs->n_budget_words && !said; w++)
			said = holds_word(text, fs->budget_words[w], strlen(fs->budget_words[w]), 0);
		if (!said)
			continue;
		int year, start, end;
		kgx_rel_years(text, n, &year, &start, &end);
		if (year && !start && !end && year >= date / 10000 - 1 && year <= date / 10000 + 1)
			return year;
	}
	return 0;
}

kgx_status kgx_frame_state_new(kgx_frame_state **out, const kgx_frames *fs,
                               const struct kgx_rules *r, const kgx_doc *doc)
{
	kgx_frame_state *st = calloc(1, sizeof *st);
	*out = st;
	if (!st)
		return KGX_ERR_NOMEM;
	st->fs = fs;
	st->rules = r;
	st->sole_sum_si = UINT32_MAX;
	kgx_vec_init(&st->toks, sizeof(token));
	kgx_vec_init(&st->amounts, sizeof(amount));
	st->md = pcre2_match_data_create(16, NULL);
	if (!st->md)
		return KGX_ERR_NOMEM;
	if (doc->date && kgx_kb_date_parse(doc->date, strlen(doc->date), &st->date))
		st->date = 0;
	if (fs)
		st->topic_year = topic_year(fs, doc, st->date);
	st->voice_on = fs && fs->voice;
	if (st->voice_on && fs->debate) {
		pcre2_match_data *md = pcre2_match_data_create_from_pattern(fs->debate, NULL);
		if (!md)
			return KGX_ERR_NOMEM;
		kgx_limits lim = {0};
		int rc = kgx_rules_match(r, fs->debate, doc->text, doc->text_len, 0, md, &lim, "frames-debate");
		st->voice_on = rc < 0;
		pcre2_match_data_free(md);
	}
	return KGX_OK;
}

const kgx_entry *kgx_frame_state_voice(const kgx_frame_state *st)
{
	return st && st->voice_on ? st->fs->voice : NULL;
}

void kgx_frame_state_free(kgx_frame_state *st)
{
	if (!st)
		return;
	kgx_vec_free(&st->toks);
	kgx_vec_free(&st->amounts);
	kgx_buf_free(&st->lower);
	kgx_buf_free(&st->how);
	pcre2_match_data_free(st->md);
	free(st);
}

static int is_word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '\'' || c == '/';
}

static int in_words(char *const *list, size_t n, const char *w, size_t len)
{
	/* the first byte before strlen: most words differ there, and this runs
	 * for every word of every sentence */
	char first = len ? w[0] : '\0';
	for (size_t i = 0; i < n; i++)
		if (list[i][0] == first && strlen(list[i]) == len && !memcmp(list[i], w, len))
			return 1;
	return 0;
}

static const char *low(const kgx_frame_state *st, const token *t)
{
	return st->lower.s + t->lb;
}

static int tok_is(const kgx_frame_state *st, const token *t, const char *w)
{
	if (t->as)
		return !strcmp(t->as, w);
	/* the first letter first: most tokens differ there, and spare the strlen */
	if (t->kind != T_WORD || low(st, t)[0] != w[0])
		return 0;
	size_t n = strlen(w);
	return t->e - t->b == n && !memcmp(low(st, t), w, n);
}

static int phrase_before(const kgx_frame_state *st, size_t n, char *const *list, size_t n_list);

static int tok_in(const kgx_frame_state *st, const token *t, char *const *list, size_t n)
{
	if (t->as)
		return in_words(list, n, t->as, strlen(t->as));
	return t->kind == T_WORD && in_words(list, n, low(st, t), t->e - t->b);
}

/* Whether t is one of the slot's prepositions; the W_SLOT flag turns
 * most words away before their letters are compared. */
static int slot_prep(const kgx_frame_state *st, const token *t, const slot *sl)
{
	return (t->as || (t->kinds & W_SLOT)) && tok_in(st, t, sl->preps, sl->n_preps);
}

/* Whether t is one of a frame's `with` or `without` words; the W_LISTED
 * flag turns most words away before their letters are compared. */
static int listed(const kgx_frame_state *st, const token *t, char *const *list, size_t n)
{
	return (t->as || (t->kinds & W_LISTED)) && tok_in(st, t, list, n);
}

/* Whether word t is of one of the settings' kinds: `definite-articles`
 * (W_DEFINITE), `of-words` (W_OF), `infinitive-markers` (W_TO),
 * `and-words` (W_AND), `but-words` (W_BUT)… A phrase preposition's last
 * word reads as its stand-in (tok_is) and is none of its own. */
static int word_is(const token *t, unsigned kind)
{
	return t->kind == T_WORD && !t->as && (t->kinds & kind);
}

static unsigned word_kinds_of(const kgx_frames *fs, const char *w, size_t n)
{
	uint64_t h = word_hash(w, n);
	for (uint32_t cur, x = kgx_index_find(&fs->words, h, &cur); x != KGX_INDEX_END;
	     x = kgx_index_again(&fs->words, h, &cur)) {
		const word_kind *k = &KGX_VEC_AT(&fs->word_kinds, word_kind, x);
		if (strlen(k->word) == n && !memcmp(k->word, w, n))
			return k->kinds;
	}
	return 0;
}

/* Tokens of the sentence; names are the top-level mentions, as the relation
 * rules see them. Clause numbers change at ';', ':' and at a comma before a
 * clause-break word. */
/* Who held the office a ministry's title names on the letter's date; each
 * body is looked up once per document, so a letter full of titles costs
 * one scan of its mentions per ministry. */
static const kgx_entry *office_holder(kgx_frame_state *st, const kgx_doc *doc, const kgx_entry *body)
{
	if (!st->date)
		return NULL;
	for (size_t i = 0; i < st->n_offices; i++)
		if (st->offices[i].body == body)
			return st->offices[i].holder;
	const kgx_entry *who = kgx_kb_office_holder(kgx_rules_kb((kgx_rules *)st->rules), body, st->date);
	if (who && !kgx_doc_names(doc, who))
		who = NULL;
	if (st->n_offices < sizeof st->offices / sizeof *st->offices) {
		st->offices[st->n_offices].body = body;
		st->offices[st->n_offices++].holder = who;
	}
	return who;
}

/* Whether s, of three bytes at least, opens with an en dash. */
static int en_dash(const char *s)
{
	return !memcmp(s, "\xe2\x80\x93", 3);
}

/* Whether s, of three bytes at least, opens with a curly quote mark. */
static int curly_quote(const char *s)
{
	static const char *const marks[] = {"\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98", "\xe2\x80\x99",
	                                    "\xe2\x80\x9e"};
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
		if (!memcmp(s, marks[k], 3))
			return 1;
	return 0;
}

/* Whether punctuation token p is a double or curly quote mark (a
 * straight apostrophe is a word's: "NGO's"). */
static int quote(const kgx_frame_state *st, const token *p)
{
	const char *x = st->lower.s + p->lb;
	return x[0] == '"' || (p->e - p->b == 3 && curly_quote(x));
}

static kgx_status tokenize(kgx_frame_state *st, const kgx_doc *doc, const kgx_sentence *s, size_t m0,
                           size_t m1)
{
	const kgx_mention *ms = doc->mentions.data;
	const kgx_frames *fs = st->fs;
	st->toks.len = 0;
	if (kgx_buf_set_lower(&st->lower, doc->text + s->span.begin, s->span.end - s->span.begin))
		return KGX_ERR_NOMEM;
	int clause = 0, after_comma = 0, relative = 0;
	unsigned seen = 0;  /* 1: a colon, 2: an and-word, for the passes below */
	uint32_t at = s->span.begin;
	size_t m = m0;
	while (at < s->span.end) {
		while (m < m1 && (ms[m].span.begin < at || ms[m].span.end > s->span.end))
			m++;
		token t = {0};
		t.amount = -1;
		if (m < m1 && ms[m].span.begin == at) {
			t.kind = T_NAME;
			t.b = at;
			t.e = ms[m].span.end;
			t.mention = (uint32_t)m;
			if (ms[m].kind == KGX_M_STRONG && !ms[m].entry->discovered &&
			    (ms[m].entry->classes & KGX_C_GOVBODY) && kgx_office_title_before(doc->text, at)) {
				t.titled = 1;
				t.holder = office_holder(st, doc, ms[m].entry);
			}
		} else {
			unsigned char c = (unsigned char)doc->text[at];
			if (c == ' ' || c == '\n' || c == '\t') {
				at++;
				continue;
			}
			uint32_t limit = m < m1 ? ms[m].span.begin : s->span.end;
			/* "UNIFIL-militairen": the word after a name's hyphen is a word of its own */
			if (c == '-' && st->toks.len && KGX_VEC_AT(&st->toks, token, st->toks.len - 1).kind == T_NAME &&
			    KGX_VEC_AT(&st->toks, token, st->toks.len - 1).e == at && at + 1 < limit &&
			    is_word_byte((unsigned char)doc->text[at + 1]) && doc->text[at + 1] != '-')
				at++;
			uint32_t e = at;
			while (e < limit && is_word_byte((unsigned char)doc->text[e]))
				e++;
			/* a word ends at a hyphen only where one trails it, but
			 * "noodhulp- en wederopbouwrespons" shares its tail: one word */
			if (!(e > at + 1 && doc->text[e - 1] == '-' && doc->text[e - 2] != '-' && e < limit &&
			      doc->text[e] == ' '))
				while (e > at + 1 && doc->text[e - 1] == '-')
					e--;
			/* " - " and " – " set an aside apart, and curly quotes stand
			 * around a name: punctuation, no word */
			if ((e == at + 1 && c == '-') || (e == at + 3 && (en_dash(doc->text + at) || curly_quote(doc->text + at))))
				e = at;
			t.kind = e > at ? T_WORD : T_PUNCT;
			t.b = at;
			t.e = e > at ? e : at + 1;
			while (t.e < limit && ((unsigned char)doc->text[t.e] & 0xC0) == 0x80)
				t.e++;
		}
		t.lb = t.b - s->span.begin;
		if (t.kind == T_WORD)
			t.kinds = word_kinds_of(fs, st->lower.s + t.lb, t.e - t.b);
		if (t.kind == T_PUNCT) {
			char c = doc->text[t.b];
			if (c == ';' || (c == ':' && !(st->toks.len && (KGX_VEC_AT(&st->toks, token, st->toks.len - 1).kinds & W_INCLUDING) &&
			                                phrase_before(st, st->toks.len, fs->including, fs->n_including))))
				clause++;
			after_comma = c == ',';
		} else {
			/* "X, dat door Y wordt beheerd, steunt Z": the comma that
			 * closes a relative clause opens the rest of the main one;
			 * one between two names is a list's ("door de VN, Zweden en Z") */
			int listed = after_comma && st->toks.len >= 2 &&
			             KGX_VEC_AT(&st->toks, token, st->toks.len - 2).kind == T_NAME &&
			             (t.kind == T_NAME || (word_is(&t, W_DEFINITE) && m < m1 &&
			                                   ms[m].span.begin == t.e + 1));
			if (after_comma && ((t.kinds & (W_BREAK | W_RELATIVE | W_RELADV)) || (relative > 2 && !listed)))
				clause++;
			/* a list's comma goes on inside the relative clause */
			if (after_comma && !listed)
				relative = (t.kinds & (W_RELATIVE | W_RELADV)) ? 1 : 0;
			else if (relative)
				relative++;
			after_comma = 0;
		}
		t.clause = clause;
		seen |= t.kind == T_PUNCT && doc->text[t.b] == ':' ? 1 : 0;
		seen |= word_is(&t, W_AND) ? 2 : 0;
		token *slotp = kgx_vec_push(&st->toks);
		if (!slotp)
			return KGX_ERR_NOMEM;
		*slotp = t;
		at = t.e;
	}
	/* "ten behoeve van X": the last word reads as the preposition the
	 * phrase stands for */
	token *tk = st->toks.data;
	for (size_t p = 0; p < fs->phrase_preps.len; p++) {
		const phrase_prep *pp = &KGX_VEC_AT(&fs->phrase_preps, phrase_prep, p);
		for (size_t i = 0; i + pp->n_words <= st->toks.len; i++) {
			size_t k = 0;
			while (k < pp->n_words && tok_is(st, &tk[i + k], pp->words[k]))
				k++;
			if (k == pp->n_words)
				tk[i + k - 1].as = pp->as;
		}
	}
	/* "heeft toegezegd: 20 miljoen euro aan X, 15 miljoen aan Y", "waren:
	 * X (20 miljoen), Y (15 miljoen)": a colon that opens a list of names
	 * or sums within the sentence goes on with the clause it closes */
	for (size_t k = 1; (seen & 1) && k + 1 < st->toks.len; k++) {
		if (tk[k].kind != T_PUNCT || st->lower.s[tk[k].lb] != ':' || tk[k - 1].clause == tk[k].clause)
			continue;
		unsigned char c1 = (unsigned char)st->lower.s[tk[k + 1].lb];
		int sum = (c1 >= '0' && c1 <= '9') || c1 == '$' || (c1 == 0xE2 && tk[k + 1].e - tk[k + 1].b >= 3);
		if (!(tk[k + 1].kind == T_NAME || sum) || k + 1 == st->toks.len - 1)
			continue;
		for (size_t q = k; q < st->toks.len; q++)
			tk[q].clause--;
	}
	/* "X is het orgaan van de VN en Nederland is er lid van": after a
	 * clause with its finite verb, "en", a name and another finite verb
	 * open a clause of their own, not a list of the names */
	for (size_t k = 1, verb = 0; (seen & 2) && k + 2 < st->toks.len; k++) {
		if (tk[k].clause != tk[k - 1].clause)
			verb = 0;
		if (tk[k].kind == T_WORD && (tk[k].kinds & (W_AUX | W_COPULA)))
			verb = 1;
		if (verb && word_is(&tk[k], W_AND) && tk[k + 1].kind == T_NAME && tk[k + 2].kind == T_WORD &&
		    (tk[k + 2].kinds & (W_AUX | W_COPULA))) {
			for (size_t q = k; q < st->toks.len; q++)
				tk[q].clause++;
			verb = 0;
		}
	}
	/* each token's clause, found once here rather than walked by
	 * try_frame for every trigger */
	for (size_t b = 0, e; b < st->toks.len; b = e) {
		for (e = b + 1; e < st->toks.len && tk[e].clause == tk[b].clause; e++)
			;
		for (size_t k = b; k < e; k++) {
			tk[k].cb = (uint32_t)b;
			tk[k].ce = (uint32_t)e;
		}
	}
	return KGX_OK;
}

static int cmp_amount(const void *x, const void *y)
{
	const amount *a = x, *b = y;
	return a->b < b->b ? -1 : a->b > b->b;
}

/* Add a sum found without the amount pattern, unless one it overlaps is known. */
static kgx_status add_sum(kgx_frame_state *st, const amount *a)
{
	for (size_t q = 0; q < st->amounts.len; q++)
		if (KGX_VEC_AT(&st->amounts, amount, q).b < a->e && a->b < KGX_VEC_AT(&st->amounts, amount, q).e)
			return KGX_OK;
	amount *slotp = kgx_vec_push(&st->amounts);
	if (!slotp)
		return KGX_ERR_NOMEM;
	*slotp = *a;
	return KGX_OK;
}

/* The end of the number that starts at low[b]: digits, grouped by "." or
 * "," between digits ("10,4", "1.500"). */
static size_t number_end(const char *low, size_t b, size_t len)
{
	size_t e = b;
	while (e < len && ((low[e] >= '0' && low[e] <= '9') || ((low[e] == ',' || low[e] == '.') && e > b &&
	                                                       e + 1 < len && low[e + 1] >= '0' && low[e + 1] <= '9')))
		e++;
	return e;
}

/* The currency of the last of the sentence's first n0 sums that ends by
 * byte `at` of the text, or `cur` when none does. */
static const char *currency_before(const kgx_frame_state *st, size_t n0, uint32_t at, const char *cur)
{
	for (size_t a = 0; a < n0; a++)
		if (KGX_VEC_AT(&st->amounts, amount, a).e <= at)
			cur = KGX_VEC_AT(&st->amounts, amount, a).currency;
	return cur;
}

/* "EUR 150 miljoen, waarvan 75 miljoen aan X en 75 miljoen aan Y": the
 * parts of a sum are written without their currency, which is the sum's.
 * Adds them to st->amounts in text order. */
static kgx_status breakdown_amounts(kgx_frame_state *st, const kgx_doc *doc, const kgx_sentence *s)
{
	const char *text = doc->text;
	const char *low = st->lower.s;
	size_t len = s->span.end - s->span.begin;
	size_t n0 = st->amounts.len;
	for (size_t i = 0; (n0 || st->last_currency) && i + 8 < len; i++) {
		/* "waarvan" refers to a sum of its sentence; "hiervan", "daarvan"
		 * may refer to one of the sentence before */
		if (i && low[i - 1] != ' ')
			continue;  /* first: the words are compared at word starts only */
		int here = !memcmp(low + i, "hiervan ", 8) || !memcmp(low + i, "daarvan ", 8);
		if (memcmp(low + i, "waarvan ", 8) && !here)
			continue;
		/* the currency of the last amount before it */
		const char *cur = currency_before(st, n0, s->span.begin + (uint32_t)i, here ? st->last_currency : NULL);
		if (!cur)
			continue;
		size_t k = i + 8;
		/* "hiervan gaat 4 miljoen naar X": the verb before the part */
		for (int w = 0; w < 2 && k < len && low[k] >= 'a' && low[k] <= 'z'; w++) {
			while (k < len && low[k] != ' ')
				k++;
			while (k < len && low[k] == ' ')
				k++;
		}
		for (int parts = 0; parts < 16; parts++) {
			size_t b = k, e = number_end(low, b, len);
			if (e == b || e + 1 >= len || low[e] != ' ')
				break;
			/* the part's multiplier ("miljoen"), one the rules know */
			size_t m = e + 1;
			while (m < len && low[m] != ' ' && low[m] != ',')
				m++;
			const char *part = text + s->span.begin;
			amount a = {0};
			if (!(kgx_rules_multiplier(st->rules, part + e + 1, m - e - 1) > 0) ||
			    !kgx_rel_amount_value(st->rules, part + b, e - b, part + e + 1, m - e - 1, a.value))
				break;
			a.b = s->span.begin + (uint32_t)b;
			a.e = s->span.begin + (uint32_t)m;
			a.currency = cur;
			if (add_sum(st, &a) != KGX_OK)
				return KGX_ERR_NOMEM;
			/* the next part: after its recipient, ", " or " en " */
			size_t next = m;
			while (next < len && next < m + 120 && low[next] != ',' && memcmp(low + next, " en ", 4) &&
			       low[next] != '.' && low[next] != ';')
				next++;
			if (next >= len || low[next] == '.' || low[next] == ';' || next >= m + 120)
				break;
			k = next + (low[next] == ',' ? 1 : 4);
			while (k < len && low[k] == ' ')
				k++;
			if (len - k >= 3 && !memcmp(low + k, "en ", 3))
				k += 3;
		}
	}
	if (st->amounts.len > n0)
		qsort(st->amounts.data, st->amounts.len, sizeof(amount), cmp_amount);
	return KGX_OK;
}

/* "geeft 7 miljoen euro aan X, en later nog 15 miljoen aan Y":
 * a bare sum after one with a currency is in that currency, unless a noun
 * follows it ("2 miljoen mensen"): a word ending in -en or -s. A sum in
 * the sentences before gives its currency too ("Er is 20 miljoen euro.
 * Hiervan gaat 12 miljoen naar X"), but only to a bare sum that a
 * preposition, a noun of money or the clause's end follows. */
static kgx_status gapped_sums(kgx_frame_state *st, const kgx_doc *doc, const kgx_sentence *s)
{
	const char *low = st->lower.s, *text = doc->text + s->span.begin;
	size_t len = s->span.end - s->span.begin, n0 = st->amounts.len;
	if (!n0 && !st->last_currency)
		return KGX_OK;
	if (!n0) {
		/* most sentences hold no figure at all: their words say so faster
		 * than their bytes */
		const token *t = st->toks.data;
		size_t k = 0;
		while (k < st->toks.len && !(t[k].kind == T_WORD && low[t[k].lb] >= '0' && low[t[k].lb] <= '9'))
			k++;
		if (k == st->toks.len)
			return KGX_OK;
	}
	for (size_t i = 0; i < len; i++) {
		if (!(low[i] >= '0' && low[i] <= '9') || (i && low[i - 1] != ' '))
			continue;
		const char *cur = currency_before(st, n0, s->span.begin + (uint32_t)i, NULL);
		int before = !cur;  /* in the currency of a sentence before */
		if (before)
			cur = st->last_currency;
		size_t e = number_end(low, i, len);
		if (!cur || e + 1 >= len || low[e] != ' ')
			continue;
		size_t m = e + 1;
		while (m < len && low[m] >= 'a' && low[m] <= 'z')
			m++;
		amount a = {0};
		if (!(kgx_rules_multiplier(st->rules, text + e + 1, m - e - 1) >= 1000) ||
		    !kgx_rel_amount_value(st->rules, text + i, e - i, text + e + 1, m - e - 1, a.value))
			continue;
		size_t w = m + (m < len && low[m] == '.'), we = w;
		/* past adjectives ("2 miljoen Syrische vluchtelingen") to the word they qualify */
		for (int adj = 0; adj < 3; adj++) {
			w = we;
			while (w < len && low[w] == ' ')
				w++;
			we = w;
			while (we < len && ((low[we] >= 'a' && low[we] <= 'z') || (unsigned char)low[we] >= 0x80))
				we++;
			if (!(we - w > 3 && low[we - 1] == 'e' && !(word_kinds_of(st->fs, low + w, we - w) & W_PREP)))
				break;
		}
		/* "3 miljoen aanvullende middelen" is money all the same */
		int money_noun = (word_kinds_of(st->fs, low + w, we - w) & W_SUM_NOUN) != 0;
		if (we > w && !money_noun && !(word_kinds_of(st->fs, low + w, we - w) & W_PREP) &&
		    ((we - w >= 2 && !memcmp(low + we - 2, "en", 2)) || low[we - 1] == 's'))
			continue;
		if (before && we > w && !money_noun && !(word_kinds_of(st->fs, low + w, we - w) & W_PREP))
			continue;
		a.b = s->span.begin + (uint32_t)i;
		a.e = s->span.begin + (uint32_t)m;
		a.currency = cur;
		if (add_sum(st, &a) != KGX_OK)
			return KGX_ERR_NOMEM;
		i = m;
	}
	if (st->amounts.len > n0)
		qsort(st->amounts.data, st->amounts.len, sizeof(amount), cmp_amount);
	return KGX_OK;
}

static kgx_status find_amounts(kgx_frame_state *st, const kgx_doc *doc, const kgx_sentence *s)
{
	kgx_status st_ok;
	st->amounts.len = 0;
	size_t start = 0, len = s->span.end - s->span.begin;
	const char *text = doc->text + s->span.begin;
	amount a;
	size_t b, e;
	if (!kgx_rules_names_currency(st->rules, st->lower.s, st->lower.len))
		start = len;  /* no currency, no amount: spare the pattern its search */
	while (start < len &&
	       kgx_rel_amount_next(st->rules, text, len, start, st->md, a.value, &a.currency, &b, &e)) {
		a.b = s->span.begin + (uint32_t)b;
		a.e = s->span.begin + (uint32_t)e;
		amount *slotp = kgx_vec_push(&st->amounts);
		if (!slotp)
			return KGX_ERR_NOMEM;
		*slotp = a;
		start = e > b ? e : b + 1;
	}
	TRY(st_ok, breakdown_amounts(st, doc, s));
	TRY(st_ok, gapped_sums(st, doc, s));
	if (st->amounts.len)
		st->last_currency = KGX_VEC_AT(&st->amounts, amount, st->amounts.len - 1).currency;
	/* each token knows its amount, so a trigger's look at amounts stays
	 * within its window */
	token *t = st->toks.data;
	size_t a_i = 0;
	for (size_t k = 0; k < st->toks.len; k++) {
		const amount *as = st->amounts.data;
		while (a_i < st->amounts.len && as[a_i].e <= t[k].b)
			a_i++;
		t[k].amount = a_i < st->amounts.len && t[k].b >= as[a_i].b && t[k].e <= as[a_i].e ? (int)a_i : -1;
	}
	return KGX_OK;
}

static const kgx_mention *mention_of(const kgx_doc *doc, const token *t)
{
	return &KGX_VEC_AT(&doc->mentions, kgx_mention, t->mention);
}

static int fits(const kgx_doc *doc, const token *t, const slot *sl)
{
	if (t->kind != T_NAME)
		return 0;
	const kgx_mention *m = mention_of(doc, t);
	if (m->kind == KGX_M_WEAK)
		return (m->entry->classes & sl->adjectives) != 0;
	if (t->holder && (sl->classes & (KGX_C_MINISTER | KGX_C_PERSON)))
		return 1;
	return (m->entry->classes & sl->classes) != 0;
}

static int determiner(const kgx_frame_state *st, const token *p)
{
	(void)st;
	return p->kind == T_WORD && (p->kinds & W_ARTICLE);
}

static int inflected(const kgx_frame_state *st, const token *w);

/* Whether token i stands after a preposition: "aan (de) X", also as a
 * later item of a list that one governs ("met X, Y en Z"). */
static int governed(const kgx_frame_state *st, size_t i)
{
	const token *t = st->toks.data;
	size_t lookback = 0, items = 0;
	/* "de minister van X" is a noun phrase of its own: its "van" governs
	 * the ministry inside the title, not the phrase */
	if (t[i].titled)
		return 0;
	while (i > 0 && lookback < 3) {
		const token *p = &t[i - 1];
		if (p->clause != t[i].clause)
			return 0;
		if ((p->kind == T_PUNCT && st->lower.s[p->lb] == ',') || word_is(p, W_AND)) {
			/* a list: what governs its first item governs this one */
			size_t k = i - 1;
			while (k > 0 && word_is(&t[k - 1], W_DEFINITE))
				k--;
			if (k == 0 || t[k - 1].kind != T_NAME || t[k - 1].clause != p->clause || ++items > MAX_LIST_WALK)
				return 0;
			i = k - 1;
			lookback = 0;
			continue;
		}
		/* "in de Vredesacademie (RPA)": an acronym in brackets stands where its name does */
		if (p->kind == T_PUNCT && st->lower.s[p->lb] == '(' && i >= 2 && t[i - 2].kind == T_NAME && !lookback) {
			i -= 2;
			continue;
		}
		if (p->kind != T_WORD)
			return 0;
		/* "in onder meer X": "onder meer" and "onder andere" mean "among others" */
		if (i >= 2 && (tok_is(st, p, "meer") || tok_is(st, p, "andere")) && tok_is(st, &t[i - 2], "onder")) {
			i -= 2;
			continue;
		}
		/* "stel ik uw Kamer op de hoogte": the one spoken to acts in no
		 * clause, as the object of a preposition does not */
		if ((p->kinds & (W_PREP | W_ADDRESSEE)))
			return 1;
		/* articles and possessives may stand between, and one noun after
		 * an article: "van het lid X", "aan de minister X"; before a noun
		 * that is no name, an adjective only ("sinds een jaar
		 * covoorzitter" is a time and a noun, not one phrase) */
		if (!determiner(st, p)) {
			if (lookback || i < 2 || !determiner(st, &t[i - 2]) || (t[i].kind != T_NAME && !inflected(st, p)))
				return 0;
		}
		i--;
		lookback++;
	}
	return 0;
}

/* The classes a noun can stand for as an anaphor ("fonds": Fund), from
 * the settings; 0 for any other word. */
static unsigned anaphor_classes(const kgx_frame_state *st, const token *w)
{
	unsigned classes = 0;
	if (!(w->kinds & W_ANAPHOR))
		return 0;
	for (size_t k = 0; w->kind == T_WORD && k < st->fs->anaphors.len; k++) {
		const anaphor_noun *an = &KGX_VEC_AT(&st->fs->anaphors, anaphor_noun, k);
		/* the first letter first, as tok_is: it spares most strlen calls */
		if (an->noun[0] == low(st, w)[0] && an->len == w->e - w->b && !memcmp(an->noun, low(st, w), an->len))
			classes |= an->classes;
	}
	return classes;
}

/* The class of a noun that stands for a fund or a mission and nothing
 * else ("fonds", "missie", and compounds that end in one: "vrouwenfonds";
 * not "programma"); 0 for any other word. */
static unsigned unnamed_kind(const kgx_frame_state *st, const token *w)
{
	unsigned classes = anaphor_classes(st, w);
	if (classes)
		return classes & ~(KGX_C_FUND | KGX_C_MISSION) ? 0 : classes;
	size_t n = w->e - w->b;
	const char *x = low(st, w);
	for (size_t k = 0; w->kind == T_WORD && n > 3 && k < st->fs->anaphors.len; k++) {
		const anaphor_noun *an = &KGX_VEC_AT(&st->fs->anaphors, anaphor_noun, k);
		/* the last letter first: most words end otherwise */
		if (n > an->len + 2 && x[n - 1] == an->noun[an->len - 1] && !(an->classes & ~(KGX_C_FUND | KGX_C_MISSION)) &&
		    !memcmp(x + n - an->len, an->noun, an->len))
			return an->classes;
	}
	return 0;
}

#define MAX_ITEMS 32
/* A list after a colon runs this many sentences at most. */
#define MAX_LIST_SENTENCES 24

/* The list a name heads: "X, (de) Y en (het) Z", names of the slot's class. */
/* Whether token j (before end) is Dutch "of" ("or"), which joins a list:
 * not English "X of the Y". */
static int or_word(const kgx_frame_state *st, size_t j, size_t end)
{
	const token *t = st->toks.data;
	return tok_is(st, &t[j], "of") && !(j + 1 < end && tok_is(st, &t[j + 1], "the"));
}

/* Whether token open is a "(" that holds one sum and nothing else before
 * its ")" ("X (1,6 miljard euro)"): the ")"'s token, or SIZE_MAX. */
static size_t sum_in_brackets(const kgx_frame_state *st, size_t open, size_t end)
{
	const token *t = st->toks.data;
	if (open + 2 >= end || t[open].kind != T_PUNCT || st->lower.s[t[open].lb] != '(' || t[open + 1].amount < 0)
		return SIZE_MAX;
	size_t q = open + 1;
	while (q < end && t[q].amount == t[open + 1].amount)
		q++;
	return q < end && t[q].kind == T_PUNCT && st->lower.s[t[q].lb] == ')' ? q : SIZE_MAX;
}

static int modifier(const kgx_doc *doc, const token *t);

static size_t list_from(const kgx_frame_state *st, const kgx_doc *doc, size_t i, size_t end,
                        const slot *sl, size_t *items)
{
	const token *t = st->toks.data;
	size_t n = 0;
	items[n++] = i;
	size_t k = i + 1;
	/* "van X (…) en van Y": the preposition of the first item, said again */
	const token *gov = i >= 1 && (t[i - 1].kinds & W_PREP) ? &t[i - 1]
	                   : i >= 2 && determiner(st, &t[i - 1]) && (t[i - 2].kinds & W_PREP) ? &t[i - 2]
	                                                                                    : NULL;
	while (k < end && n < MAX_ITEMS) {
		size_t j = k;
		int sep = 0;
		/* "het Wereldvoedselprogramma WFP": a second name of the item */
		if (t[j].kind == T_NAME && mention_of(doc, &t[j])->entry == mention_of(doc, &t[k - 1])->entry) {
			k++;
			continue;
		}
		/* "aan X met 3 miljoen euro en aan Y …": an item's own amount */
		if (j + 1 < end && tok_is(st, &t[j], "met") && t[j + 1].amount >= 0)
			for (j++; j < end && t[j].amount >= 0;)
				j++;
		if (t[j].kind == T_PUNCT && st->lower.s[t[j].lb] == ',') {
			sep = 1;
			j++;
		}
		if (j < end && (word_is(&t[j], W_AND) || or_word(st, j, end) ||
		                (tok_is(st, &t[j], "als") && i > 0 && tok_is(st, &t[i - 1], "zowel")))) {
			sep = 1;
			j++;
		}
		/* "X van de V, Y en Z": an item's own complement is no item */
		if (j + 1 < end && word_is(&t[j], W_OF)) {
			size_t v = j + 1;
			while (v < end && word_is(&t[v], W_DEFINITE))
				v++;
			if (v < end && t[v].kind == T_NAME && v + 1 < end &&
			    ((t[v + 1].kind == T_PUNCT && st->lower.s[t[v + 1].lb] == ',') || word_is(&t[v + 1], W_AND))) {
				k = v + 1;
				continue;
			}
		}
		/* "X (ABC), Y en Z": an acronym in brackets stands beside its name */
		if (!sep && j + 2 < end && t[j].kind == T_PUNCT && st->lower.s[t[j].lb] == '(' &&
		    t[j + 1].kind == T_NAME && t[j + 2].kind == T_PUNCT && st->lower.s[t[j + 2].lb] == ')') {
			k = j + 3;
			continue;
		}
		/* "X (1,6 miljard euro), Y (1,3 miljard euro) en Z": and so does
		 * an item's own sum */
		size_t close = sep ? SIZE_MAX : sum_in_brackets(st, j, end);
		if (close != SIZE_MAX) {
			k = close + 1;
			continue;
		}
		if (!sep)
			break;
		/* "X en 2 miljoen euro aan Y": each item may bring its own amount */
		while (j < end && (word_is(&t[j], W_DEFINITE) || tok_is(st, &t[j], "aan") ||
		                   tok_is(st, &t[j], "voor") || t[j].amount >= 0 ||
		                   (gov && t[j].kind == T_WORD && t[j].e - t[j].b == gov->e - gov->b &&
		                    !memcmp(low(st, &t[j]), low(st, gov), gov->e - gov->b))))
			j++;
		/* "en de VN-Vluchtelingenorganisatie UNHCR": a word that describes
		 * the item, written with a capital or a hyphen, before its name */
		if (j + 1 < end && t[j].kind == T_WORD && t[j + 1].kind == T_NAME && !(t[j].kinds & W_FUNCTION) &&
		    (doc->text[t[j].b] != low(st, &t[j])[0] || memchr(doc->text + t[j].b, '-', t[j].e - t[j].b)))
			j++;
		/* "X, minister-president Y en vicepremier Z": an item's title */
		while (j + 1 < end && t[j].kind == T_WORD && (t[j].kinds & W_TITLE))
			j++;
		/* "X en de Franse operatie Y": a country's adjective and the kind
		 * of the item before its name */
		if (j + 1 < end && t[j].kind == T_NAME && mention_of(doc, &t[j])->kind == KGX_M_WEAK && !fits(doc, &t[j], sl))
			j++;
		if (j + 1 < end && t[j].kind == T_WORD && (unnamed_kind(st, &t[j]) & sl->classes) && t[j + 1].kind == T_NAME)
			j++;
		/* "aan UNRWA, de VN-organisatie voor …": a name that only
		 * qualifies a noun describes the item before, and is none */
		if (j >= end || !fits(doc, &t[j], sl) || t[j].clause != t[i].clause || modifier(doc, &t[j]))
			break;
		items[n++] = j;
		k = j + 1;
	}
	return n;
}

/* Whether w has the form of an inflected adjective ("vaste", "nieuwe"): a
 * word of four letters or more that ends in -e. */
static int inflected(const kgx_frame_state *st, const token *w)
{
	size_t n = w->e - w->b;
	return w->kind == T_WORD && n >= 4 && low(st, w)[n - 1] == 'e';
}

/* Whether w is an inflected adjective ("vaste", "algemene") after the
 * article a: a word in lower case ending in -e, not a function word. */
static int adjective_after_article(const kgx_frame_state *st, const kgx_doc *doc, const token *w,
                                   const token *a)
{
	return inflected(st, w) && !(w->kinds & W_FUNCTION) && doc->text[w->b] == low(st, w)[0] &&
	       word_is(a, W_DEFINITE);
}

/* The same list read backwards, for a subject: "X, Y en Z zijn …". */
static size_t list_before(const kgx_frame_state *st, const kgx_doc *doc, size_t i, size_t begin,
                          const slot *sl, size_t *items)
{
	const token *t = st->toks.data;
	size_t n = 0;
	items[n++] = i;
	size_t k = i;
	while (k > begin && n < MAX_ITEMS) {
		size_t j = k - 1;
		/* "premier X, minister Y": an item's title */
		while (j > begin && (t[j].kinds & W_TITLE) && t[j].kind == T_WORD)
			j--;
		/* "X, de Chinese president Y": a country's adjective before it */
		if (j > begin + 1 && j < k - 1 && t[j].kind == T_NAME && mention_of(doc, &t[j])->kind == KGX_M_WEAK &&
		    !fits(doc, &t[j], sl))
			j--;
		/* "de vaste commissie X en de algemene commissie Y": an item's
		 * adjective after its article */
		if (j > begin + 1 && adjective_after_article(st, doc, &t[j], &t[j - 1]))
			j--;
		while (j > begin && word_is(&t[j], W_DEFINITE))
			j--;
		int sep = 0;
		/* "zowel X als Y": "als" joins the two like "en" */
		int both = tok_is(st, &t[j], "als") && j >= begin + 2 && t[j - 1].kind == T_NAME &&
		           tok_is(st, &t[j - 2], "zowel");
		if (both || word_is(&t[j], W_AND) || (t[j].kind == T_PUNCT && st->lower.s[t[j].lb] == ',')) {
			sep = 1;
			if (j == begin)
				break;
			j--;
		}
		/* the item before, with what trails it: its own sum in brackets
		 * ("X (20 miljoen euro) en Y (10 miljoen euro) dragen bij"), a
		 * footnote number glued to it ("commissie voor X1,"), a person's
		 * portfolio ("Y van X") */
		if (sep && j > begin + 2 && t[j - 1].amount >= 0) {
			size_t q = j - 1;
			while (q > begin && t[q - 1].amount == t[j - 1].amount)
				q--;
			if (q > begin + 1 && sum_in_brackets(st, q - 1, j + 1) == j)
				j = q - 2;
		}
		if (sep && j > begin && t[j].kind == T_WORD && t[j].b == t[j - 1].e && st->lower.s[t[j].lb] >= '0' &&
		    st->lower.s[t[j].lb] <= '9')
			j--;
		if (sep && j >= begin + 2 && t[j].kind == T_NAME && t[j].titled == 0 &&
		    (mention_of(doc, &t[j])->entry->classes & KGX_C_GOVBODY) &&
		    (word_is(&t[j - 1], W_OF) || tok_is(st, &t[j - 1], "voor")) && t[j - 2].kind == T_NAME &&
		    (mention_of(doc, &t[j - 2])->entry->classes & KGX_C_PERSON) && fits(doc, &t[j - 2], sl))
			j -= 2;
		while (j > begin && word_is(&t[j], W_DEFINITE))
			j--;
		if (!sep || !fits(doc, &t[j], sl) || t[j].clause != t[i].clause)
			break;
		items[n++] = j;
		k = j;
	}
	return n;
}

/* What fills a slot: a name of the sentence (tok), or an earlier name that
 * a noun phrase such as "het fonds" stands for (entry, back sentences ago,
 * at the noun tok). */
typedef struct {
	size_t tok;
	const kgx_entry *entry;
	uint32_t back;
} filler;

static const filler NO_FILLER = {SIZE_MAX, NULL, 0};

/* A name glued to a word by a hyphen qualifies that word ("de
 * EU-troepenmacht", "de anti-ISIS coalitie"): it is not the phrase's head. */
static int modifier_span(const kgx_doc *doc, uint32_t b, uint32_t e)
{
	const unsigned char *x = (const unsigned char *)doc->text;
	/* also a suspended hyphen: "EU-, VN- en NAVO-missies" */
	int after = x[e] == '-';
	int before = b >= 2 && x[b - 1] == '-' && letter(x[b - 2]);
	return after || before;
}

static int modifier(const kgx_doc *doc, const token *t)
{
	return modifier_span(doc, t->b, t->e);
}

static filler referent(const kgx_frame_state *st, const kgx_doc *doc, unsigned classes, size_t j, uint32_t si,
                       uint32_t reach);

/* Whether p is a word of the `pointers` setting ("de", "deze", "dat"),
 * which makes the noun after it point back. */
static int determiner_or_demonstrative(const kgx_frame_state *st, const token *p)
{
	(void)st;
	return p->kind == T_WORD && (p->kinds & W_POINTER);
}

/* Whether the name `s` holds the word w[0..n) (any case), or with `tail`
 * ends a word in it ("NAVO-top", "Vredesopbouwfonds" for "top", "fonds"). */
static int holds_word(const char *s, const char *w, size_t n, int tail)
{
	for (const char *p = s; n && p && *p; p++)
		if (!strncasecmp(p, w, n) && (tail || p == s || !letter((unsigned char)p[-1])) &&
		    !letter((unsigned char)p[n]))
			return 1;
	return 0;
}

/* The first mention (they are sorted by where they begin) that begins at
 * or after byte `after`: where a scan back from it starts. */
static size_t mention_after(const kgx_doc *doc, uint32_t after)
{
	const kgx_mention *ms = doc->mentions.data;
	size_t lo = 0, hi = doc->mentions.len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ms[mid].span.begin < after)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

#define PLACE_REACH 20  /* sentences back that "het fonds voor X" looks for X's fund */

/* The entity of `classes` named last before byte `before` that lies in
 * `place` or carries its name ("Ukraine Humanitarian Fund" for
 * "het fonds voor Oekraïne"). */
static filler of_place(const kgx_doc *doc, unsigned classes, const kgx_entry *place, size_t j, uint32_t before,
                       uint32_t si)
{
	const kgx_mention *ms = doc->mentions.data;
	filler f = NO_FILLER;
	/* back from the noun, the nearest first, a few paragraphs at most */
	for (size_t m = mention_after(doc, before); m > 0 && ms[m - 1].sentence + PLACE_REACH >= si; m--) {
		const kgx_entry *e = ms[m - 1].entry;
		if (ms[m - 1].kind != KGX_M_STRONG || !(e->classes & classes) || ms[m - 1].span.end > before)
			continue;
		int in = 0;
		for (const kgx_entry *const *l = e->located_in; l && *l && !in; l++)
			in = *l == place;
		const char *names[] = {place->label, place->label_nl, place->label_en};
		for (size_t k = 0; k < 3 && !in; k++) {
			size_t n = names[k] ? strlen(names[k]) : 0;
			in = holds_word(e->label, names[k], n, 0) || (e->label_nl && holds_word(e->label_nl, names[k], n, 0)) ||
			     (e->label_en && holds_word(e->label_en, names[k], n, 0));
		}
		if (in) {
			f.tok = j;
			f.entry = e;
			f.back = si - ms[m - 1].sentence <= 2 ? si - ms[m - 1].sentence : 0;
			break;
		}
	}
	return f;
}

/* "ten laste van het Stabiliteitsfonds": the budget money comes from is
 * not what a passage is about. */
static int source_of_money(const kgx_frames *fs, const kgx_doc *doc, uint32_t b)
{
	/* the phrase, then "het " or "de " or nothing, then the name */
	static const char *const articles[] = {"het ", "de ", ""};
	for (size_t a = 0; a < sizeof articles / sizeof *articles; a++) {
		size_t an = strlen(articles[a]);
		if (!kgx_ends_with(doc->text, b, articles[a]))
			continue;
		for (size_t k = 0; k < fs->n_money_sources; k++) {
			size_t n = strlen(fs->money_sources[k]);
			if (b >= an + n + 1 && doc->text[b - an - 1] == ' ' &&
			    kgx_ends_with(doc->text, b - an - 1, fs->money_sources[k]))
				return 1;
		}
	}
	return 0;
}

#define HEAD_REACH 5  /* sentences back that a noun finds a name ending in it */

/* The last strong mention of `classes` in this sentence before noun w, or
 * in the HEAD_REACH sentences before, whose name ends in the noun. */
static filler named_by(const kgx_frame_state *st, const kgx_doc *doc, unsigned classes, const token *w, uint32_t si)
{
	const kgx_mention *ms = doc->mentions.data;
	filler f = NO_FILLER;
	const char *noun = low(st, w);
	size_t n = w->e - w->b;
	for (size_t m = mention_after(doc, w->b); m > 0 && ms[m - 1].sentence + HEAD_REACH >= si; m--) {
		const kgx_mention *mm = &ms[m - 1];
		const kgx_entry *e = mm->entry;
		/* no name inside another, none that qualifies the word it is
		 * glued to ("EU-missie"; "VN-top X" is the top), no source of money */
		if (mm->kind != KGX_M_STRONG || !(e->classes & classes) || mm->outer != KGX_NO_MENTION ||
		    mm->span.end > w->b || doc->text[mm->span.end] == '-' || source_of_money(st->fs, doc, mm->span.begin))
			continue;
		if (holds_word(e->label, noun, n, 1) || (e->label_nl && holds_word(e->label_nl, noun, n, 1))) {
			f.tok = (size_t)(w - (const token *)st->toks.data);
			f.entry = e;
			f.back = si - mm->sentence <= 2 ? si - mm->sentence : 0;
			break;
		}
	}
	return f;
}

/* A head noun with a determiner before it that stands for an earlier name
 * ("het fonds", "deze missie"): the nearest strong mention of its classes,
 * earlier in this sentence or in the two before. */
static filler anaphor(const kgx_frame_state *st, const kgx_doc *doc, const slot *sl, size_t j, uint32_t si)
{
	const token *t = st->toks.data;
	filler none = NO_FILLER;
	if (j == 0 || t[j].kind != T_WORD)
		return none;
	/* "deze nieuwe missie", "het gezamenlijke fonds": one adjective may
	 * stand between for a mission or a fund (a "ministeriële bijeenkomst"
	 * is as often a new one) */
	size_t d = j - 1;
	if (d > 0 && (anaphor_classes(st, &t[j]) & (KGX_C_FUND | KGX_C_MISSION)) && !determiner_or_demonstrative(st, &t[d]) &&
	    determiner_or_demonstrative(st, &t[d - 1]) && inflected(st, &t[d]) && !tok_in(st, &t[d], st->fs->other_words, st->fs->n_other_words) &&
	    !(t[d].kinds & (W_PREP | W_AUX | W_RELATIVE)))
		d--;
	/* "de VN-missie", "de NAVO-operatie": a body's name glued to the
	 * noun says whose; it points back to one of that body's */
	const kgx_entry *owner = NULL;
	if (d > 0 && d == j - 1 && t[d].kind == T_NAME && t[d].e + 1 == t[j].b && doc->text[t[d].e] == '-' &&
	    determiner_or_demonstrative(st, &t[d - 1])) {
		owner = mention_of(doc, &t[d])->entry;
		d--;
	}
	if (!determiner_or_demonstrative(st, &t[d]))
		return none;
	unsigned classes = anaphor_classes(st, &t[j]) & sl->classes;
	if (!classes)
		return none;
	if (owner) {
		filler f = referent(st, doc, classes, j, si, UINT32_MAX);
		int owned = 0;
		for (const kgx_entry *const *p = f.entry ? f.entry->part_of : NULL; p && *p && !owned; p++)
			owned = *p == owner;
		return owned ? f : none;
	}
	/* "de missie UNIFIL" names its mission, and "de bijeenkomst van de
	 * Liga" a meeting of its own: neither points back */
	if (j + 1 < st->toks.len && t[j + 1].clause == t[j].clause &&
	    (t[j + 1].kind == T_NAME || word_is(&t[j + 1], W_OF)))
		return none;
	/* "het fonds voor Oekraïne", "de missie in Mali": the one of its
	 * place, or none */
	if (j + 2 < st->toks.len && (tok_is(st, &t[j + 1], "voor") || tok_is(st, &t[j + 1], "in")) &&
	    t[j + 2].kind == T_NAME && (mention_of(doc, &t[j + 2])->entry->classes & KGX_C_COUNTRY))
		return of_place(doc, classes, mention_of(doc, &t[j + 2])->entry, j, t[j].b, si);
	/* "de top" is the last summit named, before any later meeting of
	 * another name: a name that ends in the noun ("NAVO-top", "top over
	 * X") is what it stands for, within a few sentences */
	filler h = named_by(st, doc, classes, &t[j], si);
	if (h.entry)
		return h;
	/* a definite noun phrase may point far back: "de conferentie" in a letter about one */
	return referent(st, doc, classes, j, si, UINT32_MAX);
}

/* The nearest strong mention of one of the classes before token j: in this
 * sentence, else the last one in the document, at most `reach` sentences
 * back. Evidence reaches back with it, two sentences at most. */
static filler referent(const kgx_frame_state *st, const kgx_doc *doc, unsigned classes, size_t j, uint32_t si,
                       uint32_t reach)
{
	const token *t = st->toks.data;
	filler none = NO_FILLER;
	/* "X is het orgaan van de VN en Y is er lid van": the clause that says
	 * what X is is about X, not about the owner its noun names */
	const kgx_entry *def = st->defined;
	for (size_t k = j; k > 0 && j - k < WINDOW; k--)
		if (t[k - 1].kind == T_NAME && mention_of(doc, &t[k - 1])->kind == KGX_M_STRONG &&
		    !modifier(doc, &t[k - 1]) && (mention_of(doc, &t[k - 1])->entry->classes & classes)) {
			if (def && (def->classes & classes) && t[k - 1].clause == t[0].clause && k - 1 > 1) {
				filler f = {j, def, 0};
				return f;
			}
			/* "het Trust Fund van de NAVO": the phrase's head, not its complement */
			size_t h = k - 1, v = h;
			while (v > 0 && word_is(&t[v - 1], W_DEFINITE))
				v--;
			if (v >= 2 && word_is(&t[v - 1], W_OF) && t[v - 2].kind == T_NAME &&
			    mention_of(doc, &t[v - 2])->kind == KGX_M_STRONG && !modifier(doc, &t[v - 2]) &&
			    (mention_of(doc, &t[v - 2])->entry->classes & classes))
				h = v - 2;
			filler f = {j, mention_of(doc, &t[h])->entry, 0};
			return f;
		}
	const recent *best = NULL;
	for (int c = 0; c < KGX_NCLASSES; c++) {
		const recent *r = &st->last[c];
		if ((classes & (1u << c)) && r->entry && r->sentence < si && si - r->sentence <= reach &&
		    (!best || r->seq > best->seq))
			best = r;
	}
	/* a meeting named in the last sentences is what one takes part in,
	 * speaks at or chairs, before any body named since */
	int e = 0;
	while ((1u << e) != KGX_C_EVENT)
		e++;
	const recent *ev = &st->last[e];
	if ((classes & KGX_C_EVENT) && ev->entry && ev->sentence < si && si - ev->sentence <= 2)
		best = ev;
	/* and one that took place, before both: a body that met ("de Raad
	 * X vond plaats") is a meeting, whatever the slot's other classes */
	const recent *mt = &st->meeting;
	if ((classes & KGX_C_EVENT) && mt->entry && mt->sentence < si &&
	    si - mt->sentence <= 2 && (!ev->entry || ev->sentence <= mt->sentence))
		best = mt;
	if (!best)
		return none;
	filler f = {j, best->entry, si - best->sentence <= 2 ? si - best->sentence : 0};
	return f;
}

/* A slot filled after one of its prepositions: the first such preposition
 * after `from` (or before the trigger: "aan X draagt … bij") whose phrase
 * holds a fitting name within four words, a noun that stands for one, or a
 * name in apposition ("aan de missie in Kosovo, EULEX"). */
/* Whether the name before token i is glued to it by a hyphen. */
static int glued(const kgx_doc *doc, const token *t, size_t i)
{
	return i > 0 && t[i - 1].kind == T_NAME && t[i - 1].e + 1 == t[i].b && doc->text[t[i - 1].e] == '-';
}

/* The token after one of the phrases `list` written from token k on
 * ("onder andere", "o.a.", "samen met"), or SIZE_MAX. */
static size_t phrase_after(const kgx_frame_state *st, size_t k, size_t ce, char *const *list, size_t n_list)
{
	const token *t = st->toks.data;
	if (t[k].kind != T_WORD)
		return SIZE_MAX;
	const char *at = st->lower.s + t[k].lb;
	size_t left = st->lower.len - t[k].lb;
	for (size_t w = 0; w < n_list; w++) {
		size_t n = strlen(list[w]);
		if (n > left || memcmp(at, list[w], n) || (n < left && letter((unsigned char)at[n])))
			continue;
		size_t j = k;
		while (j < ce && t[j].lb < t[k].lb + n)
			j++;
		return j;
	}
	return SIZE_MAX;
}

/* Whether one of the phrases `list` ends right before token n ("te
 * weten"): phrase_after from each of the four tokens before it. */
static int phrase_before(const kgx_frame_state *st, size_t n, char *const *list, size_t n_list)
{
	for (size_t k = n >= 4 ? n - 4 : 0; k < n; k++)
		if (phrase_after(st, k, n, list, n_list) == n)
			return 1;
	return 0;
}

/* Whether the name at token i follows a co-agents phrase ("Net als X
 * steunt Nederland Y"): it acts beside the subject, it is not it. */
static int co_agent(const kgx_frame_state *st, size_t i)
{
	const token *t = st->toks.data;
	for (size_t k = i >= 4 ? i - 4 : 0; k < i; k++) {
		size_t at = phrase_after(st, k, i + 1, st->fs->co_agents, st->fs->n_co_agents);
		while (at < i && determiner(st, &t[at]))
			at++;
		if (at == i)
			return 1;
	}
	return 0;
}

/* "de landenfondsen, waaronder X en Y", "VN-organisaties (o.a. X)": the
 * first name fitting the slot right after an `including` word that follows
 * token k (a comma or a bracket), or SIZE_MAX. */
static size_t past_articles(const kgx_frame_state *st, size_t at, size_t ce);

/* Whether token w looks like a plural noun ("fondsen", "organisaties",
 * "agencies"): a guess by its ending, enough to tell a noun whose
 * instances a list names from one word of a time or a comparison. */
static int plural(const kgx_frame_state *st, const token *w)
{
	if (w->kind != T_WORD && w->kind != T_NAME)
		return 0;
	const char *s = low(st, w);
	size_t n = w->e - w->b;
	return n > 3 && (!memcmp(s + n - 2, "en", 2) || s[n - 1] == 's');
}

static size_t including(const kgx_frame_state *st, const kgx_doc *doc, const slot *sl, size_t k, size_t ce)
{
	const token *t = st->toks.data;
	/* instances are of a plural ("fondsen", "donoren", "organisaties", a
	 * compound's "VN-organisaties"); after "noodhulp, zoals X vroeg" the
	 * word compares, it does not list */
	size_t nb = k;
	if (nb >= 1 && t[nb - 1].kind == T_PUNCT && st->lower.s[t[nb - 1].lb] == ')') {
		while (nb >= 1 && !(t[nb - 1].kind == T_PUNCT && st->lower.s[t[nb - 1].lb] == '('))
			nb--;
		if (nb >= 1)
			nb--;
	}
	if (nb < 1 || (t[nb - 1].kind != T_WORD && t[nb - 1].kind != T_NAME))
		return SIZE_MAX;
	if (!plural(st, &t[nb - 1]))
		return SIZE_MAX;
	size_t j = k + 1 < ce ? phrase_after(st, k + 1, ce, st->fs->including, st->fs->n_including) : SIZE_MAX;
	/* "te weten: het X en de Y": past a colon and an article */
	if (j < ce && t[j].kind == T_PUNCT && st->lower.s[t[j].lb] == ':')
		j++;
	j = past_articles(st, j, ce);
	for (size_t q = j; q < ce && q <= j + 1; q++)
		if (t[q].kind == T_NAME)
			return fits(doc, &t[q], sl) && !modifier(doc, &t[q]) ? q : SIZE_MAX;
	return SIZE_MAX;
}

/* Whether a word flagged W_INCLUDING stands in the four tokens from k:
 * a cheap test before instances() reads the words. */
static int including_near(const token *t, size_t k, size_t stop)
{
	for (size_t m = k; m < stop && m < k + 4; m++)
		if (t[m].kinds & W_INCLUDING)
			return 1;
	return 0;
}

#define RELATIVE_REACH 14  /* tokens of a relative clause between a plural and its instances */

/* "aan VN-organisaties zoals X", "to UN agencies such as X", "aan
 * organisaties van de VN, zoals X": the name that opens the list of a
 * plural's instances, which an `including` word right after token j (or
 * after a comma or a bracket there, or past a relative clause on the
 * plural) begins; SIZE_MAX if none does. */
static size_t instances(const kgx_frame_state *st, const kgx_doc *doc, const slot *sl, size_t j, size_t stop)
{
	const token *t = st->toks.data;
	size_t k = j + 1;
	/* "aan organisaties die in X actief zijn (bijvoorbeeld Y en Z)": past a
	 * relative clause on the plural, to the bracket or comma that ends it */
	if (k < st->toks.len && t[k].kind == T_WORD && (t[k].kinds & W_RELATIVE)) {
		size_t m = k + 1;
		while (m < st->toks.len && m < k + RELATIVE_REACH &&
		       !(t[m].kind == T_PUNCT && strchr(",(.;:", st->lower.s[t[m].lb])))
			m++;
		if (m < st->toks.len && m < k + RELATIVE_REACH && (st->lower.s[t[m].lb] == ',' || st->lower.s[t[m].lb] == '(')) {
			k = m;
			stop = st->toks.len;
		}
	}
	if (k < stop && t[k].kind == T_PUNCT && (st->lower.s[t[k].lb] == ',' || st->lower.s[t[k].lb] == '('))
		k++;
	/* an including phrase (of three words at most) ends in a word flagged
	 * W_INCLUDING: without one, phrase_after need not read the words */
	if (!including_near(t, k, stop))
		return SIZE_MAX;
	size_t q = phrase_after(st, k, stop, st->fs->including, st->fs->n_including);
	if (q == SIZE_MAX)
		return SIZE_MAX;
	q = past_articles(st, q, stop);
	return q < stop && t[q].kind == T_NAME && fits(doc, &t[q], sl) && !modifier(doc, &t[q]) ? q : SIZE_MAX;
}

/* Which of the slot's prepositions token w is (for --explain), the first
 * when none. */
static const char *prep_named(const kgx_frame_state *st, const slot *sl, const token *w)
{
	for (size_t p = 0; p < sl->n_preps; p++)
		if (tok_is(st, w, sl->preps[p]))
			return sl->preps[p];
	return sl->preps[0];
}

/* The name right before token i, or before the comma or bracket there
 * ("UNICEF, waaraan"), or SIZE_MAX. */
static size_t name_before(const kgx_frame_state *st, size_t i)
{
	const token *t = st->toks.data;
	return i >= 1 && t[i - 1].kind == T_NAME                                 ? i - 1
	       : i >= 2 && t[i - 1].kind == T_PUNCT && t[i - 2].kind == T_NAME ? i - 2
	                                                                         : SIZE_MAX;
}

/* "de sanctielijst van de EU, waar X voorstander van is": a relative
 * after a phrase with "van" hangs on that phrase's head, not on the name
 * the phrase ends in. The head's token if it is a name, SIZE_MAX if it is
 * a noun, or the name ante itself when no such phrase ends in it. */
static size_t relative_head(const kgx_frame_state *st, size_t ante)
{
	const token *t = st->toks.data;
	size_t k = ante;
	if (k >= 1 && determiner(st, &t[k - 1]))
		k--;
	if (k < 2 || !word_is(&t[k - 1], W_OF))
		return ante;
	const token *h = &t[k - 2];
	if (h->kind == T_NAME)
		return k - 2;
	return h->kind == T_WORD && !(h->kinds & W_FUNCTION) ? SIZE_MAX : ante;
}

/* Whether punctuation token p is a dash set apart by spaces: " - ", " – ". */
static int dash(const kgx_frame_state *st, const token *p)
{
	const char *x = st->lower.s + p->lb;
	return p->kind == T_PUNCT && (x[0] == '-' || (p->e - p->b == 3 && en_dash(x))) && p->lb > 0 &&
	       st->lower.s[p->lb - 1] == ' ';
}

/* An aside between two dashes ("op de top in X - die Y had belegd -
 * opgeroepen") is no part of its clause. Walking tokens [b, e) in either
 * direction, aside_at(st, &as, k) says whether token k is a dash or stands
 * inside such an aside; a dash opens one only if another follows. */
typedef struct {
	size_t dashes;  /* the dashes not yet passed */
	int in;
} asides;

static asides asides_of(const kgx_frame_state *st, size_t b, size_t e)
{
	asides as = {0, 0};
	for (size_t q = b; q < e; q++)
		as.dashes += dash(st, &KGX_VEC_AT(&st->toks, token, q));
	return as;
}

static int aside_at(const kgx_frame_state *st, asides *as, size_t k)
{
	if (!dash(st, &KGX_VEC_AT(&st->toks, token, k)))
		return as->in;
	if (as->in || as->dashes >= 2)
		as->in = !as->in;
	as->dashes--;
	return 1;
}

/* How far token `to` stands from token `from` for a phrase to reach it: a
 * sum of money, punctuation (an acronym's brackets) and an aside count as
 * nothing. */
static size_t reach(const kgx_frame_state *st, size_t from, size_t to)
{
	const token *t = st->toks.data;
	asides as = asides_of(st, from, to);
	size_t n = 0;
	for (size_t k = from; k < to; k++)
		if (!aside_at(st, &as, k))
			n += t[k].amount < 0 && t[k].kind != T_PUNCT;
	return n;
}

#define LIST_ITEM_REACH 12  /* tokens from a list's comma to the name of a later item */

/* After the comma at `comma` in a phrase that named nothing the slot takes:
 * the first fitting name that opens a later item of the list, words and
 * commas between and no other phrase ("een groep NGO's, en de X"); SIZE_MAX
 * if there is none. */
static size_t later_item(const kgx_frame_state *st, const kgx_doc *doc, const slot *sl, size_t comma, size_t stop,
                         size_t skip)
{
	const token *t = st->toks.data;
	int open = 1;  /* at the start of an item */
	for (size_t q = comma + 1; q < stop && q <= comma + LIST_ITEM_REACH; q++) {
		if (t[q].kind == T_PUNCT) {
			if (st->lower.s[t[q].lb] != ',')
				return SIZE_MAX;
			open = 1;
			continue;
		}
		if (t[q].kind == T_NAME) {
			/* the item ends at the name: ", en de X steunt dat" is a clause */
			int ends = q + 1 >= stop || t[q + 1].kind == T_PUNCT || word_is(&t[q + 1], W_AND) ||
			           or_word(st, q + 1, stop);
			if (open && ends && q != skip && fits(doc, &t[q], sl) && !modifier(doc, &t[q]) &&
			    mention_of(doc, &t[q])->kind == KGX_M_STRONG)
				return q;
			open = 0;
			continue;
		}
		if (word_is(&t[q], W_AND) || or_word(st, q, stop)) {
			open = 1;
			continue;
		}
		if (t[q].kinds & (W_PREP | W_AUX | W_RELATIVE | W_BREAK | W_SUBORD | W_RELADV))
			return SIZE_MAX;
		/* an article or an adjective may open an item: "de X", "een groep" */
		if (!open || !(determiner(st, &t[q]) || inflected(st, &t[q])))
			open = 0;
	}
	return SIZE_MAX;
}

/* Whether an English possessive ends the name: "Syria's", "Syria’s". */
static int possessive(const kgx_doc *doc, const token *t)
{
	const char *p = doc->text + t->e;
	return (p[0] == '\'' || !strncmp(p, "\xe2\x80\x99", 3)) && (p[p[0] == '\'' ? 1 : 3] == 's');
}

static int acronym(const kgx_doc *doc, const token *t);

#define ACRONYM_REACH 8  /* tokens from a phrase's preposition to an acronym in brackets */

/* The fitting name in brackets, an acronym, that ends the words from
 * token j ("in X en Y (ABCD)"); SIZE_MAX if other punctuation comes first. */
static size_t acronym_ahead(const kgx_frame_state *st, const kgx_doc *doc, const slot *sl, size_t j, size_t stop,
                            size_t skip)
{
	const token *t = st->toks.data;
	for (size_t q = j; q + 2 < stop && q < j + ACRONYM_REACH; q++) {
		if (t[q].kind != T_PUNCT)
			continue;
		/* not the acronym of the name right before it: "door de
		 * Europese Unie (EU) geleide operatie" */
		if (st->lower.s[t[q].lb] == '(' && t[q + 1].kind == T_NAME && q + 1 != skip && fits(doc, &t[q + 1], sl) &&
		    acronym(doc, &t[q + 1]) && t[q + 2].kind == T_PUNCT && st->lower.s[t[q + 2].lb] == ')' &&
		    !(q > j && t[q - 1].kind == T_NAME &&
		      mention_of(doc, &t[q - 1])->entry == mention_of(doc, &t[q + 1])->entry))
			return q + 1;
		break;
	}
	return SIZE_MAX;
}

/* Whether token t opens a clause a preposition can point ahead at:
 * "dat", "om", "of" (whether). */
static int clause_ahead(const kgx_frame_state *st, const token *t)
{
	return tok_is(st, t, "dat") || tok_is(st, t, "om") || tok_is(st, t, "of");
}

/* "ervoor dat …", "eraan te …": a pronominal whose preposition, token
 * i, points ahead at a clause, past a verb's particle too ("zet zich
 * ervoor in dat …"). */
static int points_ahead(const kgx_frame_state *st, size_t i, size_t ce)
{
	const token *t = st->toks.data;
	for (size_t q = i + 1; q < ce && q <= i + 2; q++) {
		if (clause_ahead(st, &t[q]) || word_is(&t[q], W_TO))
			return 1;
		if (!(t[q].kinds & W_PREP))
			break;  /* only a verb's particle stands between */
	}
	return 0;
}

/* The preposition of the slot that stands alone after the split pronoun
 * or the relative "waar" at token i, right before the verb at token trig,
 * its particle, an auxiliary, a copula or the clause's end ("er 3 miljoen
 * aan bijdraagt", "er … aan bij.", "er … aan heeft bijgedragen", "waar X
 * lid van is"), or SIZE_MAX. A relative's preposition hangs on the name
 * before it; a pronoun's may point ahead at a clause instead. */
static size_t stranded(const kgx_frame_state *st, const slot *sl, size_t i, size_t trig, size_t ce, int relative)
{
	const token *t = st->toks.data;
	for (size_t q = i + 1; q < ce && q <= i + PREP_REACH_VERB; q++) {
		if (!slot_prep(st, &t[q], sl))
			continue;
		size_t n = q + 1;
		if (n < ce && n != trig && t[n].kind == T_WORD && (t[n].kinds & W_PREP))
			n++;  /* the verb's particle: "aan bij" */
		int alone = n >= ce || n == trig || t[n].kind == T_PUNCT ||
		            (t[n].kind == T_WORD && (t[n].kinds & (W_AUX | W_COPULA))) || word_is(&t[n], W_TO);
		if (!alone)
			continue;  /* "hier in 2018 lid van.": a phrase of its own comes first */
		/* "er mede toe leiden dat …", "er op toezien dat …": past the verb too */
		for (size_t a = q + 1; !relative && a < st->toks.len && a <= q + 3; a++)
			if (clause_ahead(st, &t[a]))
				return SIZE_MAX;
		return q;
	}
	return SIZE_MAX;
}

/* The next preposition of the slot after the one at token k, when the
 * words between name nothing and hold no punctuation, within a verb's
 * reach; else SIZE_MAX. */
static size_t bare_phrase(const kgx_frame_state *st, const slot *sl, size_t k, size_t ce)
{
	const token *t = st->toks.data;
	for (size_t q = k + 1; q < ce && q <= k + PREP_REACH_VERB; q++) {
		if (t[q].kind != T_WORD || t[q].amount >= 0)
			return SIZE_MAX;
		if (slot_prep(st, &t[q], sl))
			return q;
	}
	return SIZE_MAX;
}

static int complement(const kgx_frame_state *st, const slot *sl, size_t cb, size_t i, size_t last, size_t ce);

static filler by_prep(const kgx_frame_state *st, const kgx_doc *doc, const slot *sl, size_t cb, size_t ce,
                      size_t from, size_t until, size_t skip, int noun, uint32_t si, const char **via)
{
	const token *t = st->toks.data;
	for (size_t pass = 0; pass < 2; pass++) {
		size_t b = pass ? cb : from, e = pass ? from : until < ce ? until : ce;
		/* "Naast de bijdrage aan X heeft Y ook 10 miljoen aan Z gegeven": a
		 * phrase that another preposition opens the clause with, before its
		 * auxiliary, is that phrase's, not the verb's */
		if (pass && cb + 1 < from && t[cb].kind == T_WORD && (t[cb].kinds & W_PREP) && !slot_prep(st, &t[cb], sl))
			for (size_t k = cb + 1; k < from; k++)
				if (t[k].kind == T_WORD && (t[k].kinds & W_AUX)) {
					b = k;
					break;
				}
		for (size_t i = b; i < e; i++) {
			/* "draagt hieraan bij": a preposition with "it" in one word;
			 * before the trigger, within a verb's reach ("informeren wij u
			 * hierbij, …, deel te nemen": the letter's "herewith") */
			if (t[i].kind == T_WORD && (t[i].kinds & W_PRONOMINAL)) {
				if (pass && reach(st, i, from) > PREP_REACH_VERB)
					continue;
				/* "waarvan 3 miljoen": a part of a sum, not "of whom" */
				if (tok_is(st, &t[i], "waarvan") && i + 1 < ce && t[i + 1].amount >= 0)
					continue;
				if (points_ahead(st, i, ce))
					continue;
				/* "de missies waaraan": a relative one hangs on the name just before */
				int relative = !memcmp(low(st, &t[i]), "waar", 4);
				size_t before = name_before(st, i);
				size_t head = relative && before != SIZE_MAX ? relative_head(st, before) : before;
				if (relative && before != SIZE_MAX && head == SIZE_MAX)
					continue;
				for (size_t p = 0; p < sl->n_preps; p++) {
					size_t pl = strlen(sl->preps[p]), wl = t[i].e - t[i].b;
					if (wl > pl && !memcmp(low(st, &t[i]) + wl - pl, sl->preps[p], pl)) {
						filler f = NO_FILLER;
						if (!relative)
							f = referent(st, doc, sl->classes, i, si, 2);
						else if (head != SIZE_MAX && fits(doc, &t[head], sl) && !modifier(doc, &t[head]))
							f.entry = mention_of(doc, &t[head])->entry, f.tok = i;
						/* "het fonds, waaraan …": the noun's referent */
						else if (i >= 2 && t[i - 1].kind == T_PUNCT && st->lower.s[t[i - 1].lb] == ',' &&
						         t[i - 2].kind == T_WORD)
							f = anaphor(st, doc, sl, i - 2, si);
						if (f.entry) {
							*via = sl->preps[p];
							return f;
						}
					}
				}
				continue;
			}
			/* "UNICEF, waar X aan bijdraagt": the relative split from its
			 * preposition, which stands alone before the verb */
			if (tok_is(st, &t[i], "waar")) {
				size_t ante = name_before(st, i);
				if (ante != SIZE_MAX)
					ante = relative_head(st, ante);
				filler f = NO_FILLER;
				if (ante != SIZE_MAX && fits(doc, &t[ante], sl) && !modifier(doc, &t[ante])) {
					f.entry = mention_of(doc, &t[ante])->entry;
					f.tok = i;
				} else if (ante == SIZE_MAX && i >= 1 && t[i - 1].kind == T_WORD) {
					f = anaphor(st, doc, sl, i - 1, si);  /* "de bijeenkomst waar X aan deelneemt" */
					f.tok = i;
				}
				size_t q = f.entry ? stranded(st, sl, i, from - 1, ce, 1) : SIZE_MAX;
				/* "de bijeenkomst waar X aanschuift": where one takes part
				 * is the meeting a slot of the sentences before would be */
				if (q == SIZE_MAX && f.entry && (sl->at & AT_RECENT) && pass && i + 1 < from &&
				    !complement(st, sl, i, from - 1, from - 1, ce)) {
					*via = "waar";
					return f;
				}
				if (q == SIZE_MAX)
					continue;
				*via = prep_named(st, sl, &t[q]);
				return f;
			}
			/* "Nederland draagt er 3 miljoen aan bij": "it" split from its
			 * preposition, which stands alone before the verb */
			if (word_is(&t[i], W_SPLIT)) {
				if (pass && reach(st, i, from) > PREP_REACH_VERB)
					continue;
				size_t q = stranded(st, sl, i, from - 1, ce, 0);
				if (q == SIZE_MAX)
					continue;
				filler f = referent(st, doc, sl->classes, i, si, 2);
				if (f.entry) {
					*via = prep_named(st, sl, &t[q]);
					return f;
				}
				continue;
			}
			if (!slot_prep(st, &t[i], sl))
				continue;
			/* "de door X gefaciliteerde Y": an article before "door" opens
			 * an attribute, whose agent is not the clause's */
			if (i > 0 && tok_is(st, &t[i], "door") && determiner(st, &t[i - 1]))
				continue;
			/* "onder voorbehoud van goedkeuring door uw Kamer": the one
			 * spoken to neither gives nor receives */
			if (i + 1 < ce && word_is(&t[i + 1], W_ADDRESSEE))
				continue;
			/* before the trigger, a phrase within reach of it: "Aan UNICEF
			 * draagt Nederland … bij", "heeft voor X 5 miljoen bijgedragen" */
			if (pass && (noun || reach(st, i, from) > PREP_REACH_VERB))
				continue;
			/* "in haar capaciteit als X", "in zijn rol van X": a possessive
			 * opens a property of the subject, not the slot's phrase */
			if (i + 1 < ce && (tok_is(st, &t[i + 1], "haar") || tok_is(st, &t[i + 1], "zijn") ||
			                   tok_is(st, &t[i + 1], "hun")))
				continue;
			*via = prep_named(st, sl, &t[i]);
			int named = 0, fitted = 0, of_seen = 0, through = 0;
			/* a phrase before the trigger ends there */
			size_t stop = pass ? from - 1 : ce;
			/* "aan het versterken van de capaciteit van X": an infinitive as
			 * a noun reaches further than a noun does */
			size_t reach_to = i + 6;
			if (i + 2 < stop && tok_is(st, &t[i + 1], "het") && t[i + 2].kind == T_WORD &&
			    t[i + 2].e - t[i + 2].b > 4 && !memcmp(low(st, &t[i + 2]) + (t[i + 2].e - t[i + 2].b) - 2, "en", 2))
				reach_to = i + PHRASE_REACH;
			for (size_t j = i + 1; j < stop && j <= reach_to; j++) {
				/* "van de Hoge Vertegenwoordiger (HV) X": a title's acronym
				 * in brackets is an aside within the phrase */
				if (t[j].kind == T_PUNCT && st->lower.s[t[j].lb] == '(' && j + 2 < stop && t[j + 1].kind == T_WORD &&
				    t[j + 2].kind == T_PUNCT && st->lower.s[t[j + 2].lb] == ')') {
					j += 2;
					reach_to += 2;
					continue;
				}
				/* "aan operatie \"Althea\"": quotes around a name */
				if (t[j].kind == T_PUNCT && quote(st, &t[j]))
					continue;
				/* "via twee VN-organisaties (UNICEF en UNDP)": the names in
				 * brackets after a noun are those it means */
				if (!fitted && t[j].kind == T_PUNCT && st->lower.s[t[j].lb] == '(' && j > i + 1 &&
				    t[j - 1].kind == T_WORD && j + 1 < stop && t[j + 1].kind == T_NAME && j + 1 != skip &&
				    fits(doc, &t[j + 1], sl) && !modifier(doc, &t[j + 1])) {
					filler f = {j + 1, NULL, 0};
					return f;
				}
				if (t[j].kind == T_PUNCT) {
					/* "voor VN-organisaties, een groep NGO's en de X": a list
					 * of nouns whose later items name what the slot takes */
					if (!fitted && st->lower.s[t[j].lb] == ',') {
						size_t q = later_item(st, doc, sl, j, stop, skip);
						if (q != SIZE_MAX) {
							filler f = {q, NULL, 0};
							return f;
						}
					}
					/* "aan VN-organisaties, de X en de Y": a list whose first
					 * item is a noun a name qualifies goes on to the names */
					if (named && !fitted && st->lower.s[t[j].lb] == ',' && j + 1 < stop &&
					    t[j - 1].kind == T_WORD && glued(doc, t, j - 1))
						continue;
					/* "aan VN-organisaties, waaronder X": the noun's instances */
					if (!named) {
						size_t q = including(st, doc, sl, j, stop);
						if (q != SIZE_MAX && q != skip) {
							filler f = {q, NULL, 0};
							return f;
						}
					}
					/* an apposition closes the phrase: ", NAME" and then the end,
					 * also after a noun of its kind (", operatie NAME,") where
					 * the phrase named nothing the slot takes */
					size_t ap = j + 1 < ce && t[j + 1].kind == T_WORD && j + 2 < ce && t[j + 2].kind == T_NAME &&
					            (anaphor_classes(st, &t[j + 1]) & mention_of(doc, &t[j + 2])->entry->classes) ? j + 2 : j + 1;
					if ((!named || (!fitted && ap == j + 2)) && st->lower.s[t[j].lb] == ',' && ap < ce &&
					    t[ap].kind == T_NAME && ap != skip && fits(doc, &t[ap], sl) && !modifier(doc, &t[ap]) &&
					    (ap + 1 >= ce || t[ap + 1].kind == T_PUNCT)) {
						filler f = {ap, NULL, 0};
						return f;
					}
					break;
				}
				/* "aan de door X geleide Y": past the attribute to its noun */
				if (tok_is(st, &t[j], "door") && determiner(st, &t[j - 1]) && j + 2 < stop &&
				    t[j + 1].kind == T_NAME && t[j + 2].kind == T_WORD) {
					j += 2;
					continue;
				}
				/* "van de Commissaris voor X Jozef Y": a title's portfolio
				 * is no phrase of its own */
				if (t[j].kind == T_WORD && j > i + 1 && (t[j - 1].kinds & W_TITLE) &&
				    (word_is(&t[j], W_OF) || tok_is(st, &t[j], "voor")) && j + 1 < stop &&
				    t[j + 1].kind == T_WORD && doc->text[t[j + 1].b] >= 'A' && doc->text[t[j + 1].b] <= 'Z') {
					reach_to += 3;
					continue;
				}
				/* "voor noodhulp in X": a noun that names no one yet goes on
				 * to the place it is in */
				if (t[j].kind == T_WORD && j > i + 1 && !named && sl->n_through &&
				    tok_in(st, &t[j], sl->through, sl->n_through)) {
					if (reach_to < j + 3)
						reach_to = j + 3;
					through = 1;
					continue;
				}
				if (t[j].kind == T_WORD && j > i + 1 && (t[j].kinds & W_PREP) &&
				    !word_is(&t[j], W_OF)) {
					/* "aan de VN-vredesmacht in X en Y (ABCD)": a phrase
					 * that named nothing it takes is named by the acronym
					 * in brackets at its end */
					size_t q = fitted ? SIZE_MAX : acronym_ahead(st, doc, sl, j, stop, skip);
					if (q != SIZE_MAX) {
						filler f = {q, NULL, 0};
						return f;
					}
					break;
				}
				/* "aan trainingsmissie Somalië": a noun of a kind the name
				 * after it is not, which that name only qualifies */
				if (t[j].kind == T_WORD && !named && j + 1 < stop && t[j + 1].kind == T_NAME) {
					unsigned kc = anaphor_classes(st, &t[j]);
					if (kc && !(mention_of(doc, &t[j + 1])->entry->classes & kc))
						break;
				}
				/* "aan een fonds van de VN", "aan de missie van de AU": a fund
				 * or a mission left unnamed, and the body it belongs to */
				if (t[j].kind == T_WORD && j + 1 < stop && word_is(&t[j + 1], W_OF) && unnamed_kind(st, &t[j]))
					break;
				/* "aan de noodhulprespons van X": the phrase goes on to whose */
				if (word_is(&t[j], W_OF) && !of_seen && !named && j + 1 < stop &&
				    (determiner(st, &t[j + 1]) || t[j + 1].kind == T_NAME) && reach_to < j + 3)
					reach_to = j + 3;
				of_seen |= word_is(&t[j], W_OF);
				/* "the dismantling of Syria's arsenal": the place owns a
				 * noun of its own, which the phrase is about */
				if (t[j].kind == T_NAME && through && possessive(doc, &t[j]))
					break;
				/* "via de VN organisatie X": a body's name, a noun of its
				 * kind and the name it describes, written apart */
				if (t[j].kind == T_NAME && j + 2 < stop && t[j + 1].kind == T_WORD && t[j + 2].kind == T_NAME &&
				    (anaphor_classes(st, &t[j + 1]) & mention_of(doc, &t[j + 2])->entry->classes)) {
					named = 1;  /* "aan de EU operatie X": X, whether the slot takes it or not */
					continue;
				}
				/* a plural the list after it names, or a name that only
				 * qualifies such a plural, before or after it */
				if (!fitted && j > i && j + 1 <= stop && j + 1 < st->toks.len &&
				    (including_near(t, j + 1, st->toks.len) || (t[j + 1].kinds & W_RELATIVE))) {
					size_t h = t[j].kind == T_NAME && plural(st, &t[j + 1]) && !(t[j + 1].kinds & W_FUNCTION) ? j + 1 : j;
					int qualified = h == j && t[j].kind == T_NAME && j >= i + 3 && word_is(&t[j - 2], W_OF) &&
					                plural(st, &t[j - 3]);
					size_t q = (h > j || qualified || (t[j].kind == T_WORD && plural(st, &t[j]))) ? instances(st, doc, sl, h, stop) : SIZE_MAX;
					if (q != SIZE_MAX && q != skip) {
						filler f = {q, NULL, 0};
						return f;
					}
				}
				/* "to the UN's X Fund": an owner before the name or the
				 * noun it owns, which the phrase is about */
				if (t[j].kind == T_NAME && !through && possessive(doc, &t[j]) && j + 1 < stop &&
				    (t[j + 1].kind == T_NAME || t[j + 1].kind == T_WORD)) {
					named = 1;
					continue;
				}
				/* a name of another class may qualify the one wanted:
				 * "aan de EU-operatie X", "aan het VN-fonds X" */
				if (t[j].kind == T_NAME) {
					named = 1;
					fitted |= fits(doc, &t[j], sl) && !modifier(doc, &t[j]);
					if (j != skip && fits(doc, &t[j], sl) && !modifier(doc, &t[j])) {
						filler f = {j, NULL, 0};
						return f;
					}
				}
				/* "voor versterking van deze missie": an anaphor a "van" hangs on */
				if (t[j].kind == T_WORD && (j <= i + 3 || (j >= 2 && word_is(&t[j - 2], W_OF)))) {
					filler f = anaphor(st, doc, sl, j, si);
					if (f.entry)
						return f;
				}
			}
		}
	}
	return NO_FILLER;
}

static size_t list_end(const kgx_frame_state *st, size_t k, size_t ce);

/* A phrase put first, before the finite verb: "Aan X (ABC) draagt Y … bij".
 * Dutch puts one phrase before the verb, so a phrase of the slot's
 * preposition that opens the clause and ends at the trigger is its filler,
 * whatever phrases of that preposition follow. */
static filler fronted(const kgx_frame_state *st, const kgx_doc *doc, const slot *sl, size_t cb, size_t trig,
                      size_t skip, const char **via)
{
	const token *t = st->toks.data;
	size_t p = cb;
	if (p + 1 < trig && t[p].kind == T_WORD && (word_is(&t[p], W_AND) || word_is(&t[p], W_BUT)))
		p++;
	if (p >= trig || !slot_prep(st, &t[p], sl))
		return NO_FILLER;
	size_t j = p + 1;
	while (j < trig && determiner(st, &t[j]))
		j++;
	if (j >= trig || j == skip || !fits(doc, &t[j], sl) || modifier(doc, &t[j]))
		return NO_FILLER;
	size_t end = list_end(st, j, trig) + 1;
	if (end + 3 <= trig && t[end].kind == T_PUNCT && st->lower.s[t[end].lb] == '(' && t[end + 1].kind == T_NAME &&
	    t[end + 2].kind == T_PUNCT && st->lower.s[t[end + 2].lb] == ')')
		end += 3;
	if (end != trig)
		return NO_FILLER;
	*via = prep_named(st, sl, &t[p]);
	filler f = {j, NULL, 0};
	return f;
}

/* A month, or "jl." (of this year), in a date. */
static int month(const kgx_frame_state *st, const token *p)
{
	return p->kind == T_WORD && (kgx_rel_month(low(st, p), p->e - p->b) || tok_is(st, p, "jl"));
}

/* Whether token t is written in capitals and digits only ("EPF", "G5"). */
static int capitals(const kgx_doc *doc, const token *t)
{
	for (uint32_t b = t->b; b < t->e; b++)
		if (!((doc->text[b] >= 'A' && doc->text[b] <= 'Z') || (doc->text[b] >= '0' && doc->text[b] <= '9')))
			return 0;
	return t->e > t->b;
}

/* Whether a name is written as an acronym: two to nine capitals ("VN",
 * "EU", "MINUSMA", "EUNAVFOR"). */
static int acronym(const kgx_doc *doc, const token *t)
{
	size_t n = t->e - t->b;
	if (n < 2 || n > 9)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (doc->text[t->b + k] < 'A' || doc->text[t->b + k] > 'Z')
			return 0;
	return 1;
}

/* The name a relative clause opened at token cb, by a word of the kinds
 * `opener`, stands for: the nearest fitting name before its comma, a few
 * words back at most ("de conferentie van 4 juni, die …"). */
static size_t antecedent(const kgx_frame_state *st, const kgx_doc *doc, const slot *sl, size_t cb,
                         unsigned opener)
{
	const token *t = st->toks.data;
	if (cb < 2 || !(t[cb].kinds & opener) || t[cb - 1].kind != T_PUNCT || t[cb - 1].clause == t[cb].clause)
		return SIZE_MAX;
	for (size_t k = cb - 1; k > 0 && cb - k <= 8; k--) {
		const token *p = &t[k - 1];
		/* "op 4 juni jl., die": the stop of an abbreviation */
		if (p->kind == T_PUNCT && !(st->lower.s[p->lb] == '.' && k >= 2 && tok_is(st, &t[k - 2], "jl")))
			break;
		/* "het VN noodhulpverzoek, die": an acronym before the noun that
		 * ends the phrase qualifies it, and the noun is what the clause is
		 * about ("de top afgesloten, die": a name before a verb is not) */
		if (p->kind == T_NAME && k + 1 == cb - 1 && t[k].kind == T_WORD && acronym(doc, p))
			return SIZE_MAX;
		if (p->kind == T_NAME && fits(doc, p, sl) && !modifier(doc, p))
			return k - 1;
		/* only a date, a place or the clause's last verb may follow it:
		 * "de top van 4 juni in Rome, die", "de top afgesloten, die" */
		if (p->kind == T_WORD && k < cb - 1 && !(p->kinds & W_PREP) && !determiner(st, p) && !month(st, p) &&
		    !(st->lower.s[p->lb] >= '0' && st->lower.s[p->lb] <= '9'))
			break;
	}
	return SIZE_MAX;
}

/* The copula a predicative noun follows ("was dit jaar covoorzitter", "als
 * co-host"), at most four words before it with no preposition, relative,
 * clause break or subordinator between; SIZE_MAX if there is none. A time
 * the clause states costs nothing: "was van 2015 tot en met 2017 drie
 * jaar lid". */
static size_t copula_before(const kgx_frame_state *st, size_t cb, size_t trig)
{
	const token *t = st->toks.data;
	size_t words = 0;
	int timed = 0;  /* the token after this one belongs to a time */
	for (size_t k = trig; k > cb && words < 4; k--) {
		const token *p = &t[k - 1];
		if (p->kind == T_WORD && (p->kinds & W_COPULA))
			return k - 1;
		int digit = p->kind == T_WORD && st->lower.s[p->lb] >= '0' && st->lower.s[p->lb] <= '9';
		if (digit || (timed && p->kind == T_WORD && ((p->kinds & W_PREP) || word_is(p, W_AND)))) {
			timed = 1;
			continue;
		}
		timed = 0;
		/* "X is na Y en Z de derde donor": a phrase of names that a
		 * preposition governs stands aside */
		if (p->kind == T_NAME && governed(st, k - 1)) {
			size_t q = k - 1;
			while (q > cb && !(t[q - 1].kind == T_WORD && (t[q - 1].kinds & W_PREP)))
				q--;
			if (q > cb) {
				k = q;  /* the loop steps on to the word before the preposition */
				continue;
			}
		}
		if (p->kind != T_WORD || (p->kinds & (W_PREP | W_RELATIVE | W_BREAK | W_SUBORD)))
			break;
		words++;
	}
	return SIZE_MAX;
}

/* Whether the name at token k is glued by a hyphen to the noun after it
 * ("EU-troepenmacht"), which it only qualifies. */
static int noun_modifier(const kgx_frame_state *st, const kgx_doc *doc, size_t k)
{
	const token *t = st->toks.data;
	return k + 1 < st->toks.len && t[k + 1].kind == T_WORD && t[k + 1].b == t[k].e + 1 && doc->text[t[k].e] == '-' &&
	       !(t[k + 1].kinds & W_FUNCTION);
}

static int voiced(const kgx_frame_state *st, const kgx_doc *doc, size_t cb, size_t trig, int before);

/* Whether the verb at token i is an infinitive with "te" ("te geven", "toe
 * te kennen"), whose subject is the clause's and whose object stands
 * before it. */
static int te_infinitive(const kgx_frame_state *st, size_t i, size_t ce)
{
	const token *t = st->toks.data;
	return word_is(&t[i], W_TO) || (i >= 1 && word_is(&t[i - 1], W_TO)) || (i + 1 < ce && word_is(&t[i + 1], W_TO));
}

/* The subject: the nearest name before the trigger that no preposition
 * governs; in a relative clause the name the clause hangs on; else a name
 * right after a finite verb ("draagt Nederland bij"). */
static size_t subject(const kgx_frame_state *st, const kgx_doc *doc, const slot *sl, size_t cb, size_t ce,
                      size_t trig, int noun, size_t skip, int *head)
{
	const token *t = st->toks.data;
	if (head)
		*head = 0;
	/* a noun after a preposition is no predicate: "aan de voorzitter van X";
	 * but "X is een van de oprichters" is one of a kind */
	/* (only a noun is one of a kind: a verb's test is not made) */
	size_t adj = noun && trig >= 4 && inflected(st, &t[trig - 1]) && !(t[trig - 1].kinds & W_FUNCTION);  /* "een van de grootste donoren" */
	int one_of = noun && trig >= 3 + adj && tok_is(st, &t[trig - 3 - adj], "een") && word_is(&t[trig - 2 - adj], W_OF) &&
	             tok_is(st, &t[trig - 1 - adj], "de");
	/* "X behoort tot (hoort bij) de grootste donoren": one of a kind too */
	for (size_t k = trig; noun && k >= 2 && k + 4 > trig && !one_of; k--) {
		if (!(t[k - 1].kinds & W_PREP) || (!tok_is(st, &t[k - 1], "tot") && !tok_is(st, &t[k - 1], "bij")))
			continue;
		/* the verb right before "tot", or before its subject ("behoort X tot") */
		for (size_t v = k - 1; v > 0 && v + 3 > k && !one_of; v--)
			one_of = tok_is(st, &t[v - 1], "behoort") || tok_is(st, &t[v - 1], "behoren") ||
			         tok_is(st, &t[v - 1], "behoorde") || tok_is(st, &t[v - 1], "behoorden") ||
			         tok_is(st, &t[v - 1], "hoort") || tok_is(st, &t[v - 1], "horen");
	}
	/* "X is gekozen tot voorzitter": a bare noun after "tot" is a role */
	int role = noun && trig >= 1 && tok_is(st, &t[trig - 1], "tot");
	if (noun && !(t[trig].kinds & W_PREP) && governed(st, trig) && !one_of && !role)
		return SIZE_MAX;
	/* "Andere donoren, zoals X en Y, verhoogden …": the names a plural
	 * subject opens with an `including` word */
	for (size_t i = trig; i > cb + 1; i--) {
		const token *p = &t[i - 1];
		if (p->kind != T_PUNCT || (st->lower.s[p->lb] != ',' && st->lower.s[p->lb] != '(') ||
		    t[i - 2].kind != T_WORD || governed(st, i - 2))
			continue;
		/* the noun must open the clause, with an article or an adjective
		 * before it at most: not a phrase in it ("via organisaties (o.a.
		 * X) steunt Y"), nor a verb ("heeft, zoals X eerder deed,") */
		/* an article or an adjective before it: "Sindsdien, zoals X meldde" is no noun */
		if (i - 2 > cb + 2 || i - 2 == cb ||
		    !(determiner(st, &t[i - 3]) || inflected(st, &t[i - 3])))
			continue;
		int opens = 1;
		for (size_t k = cb; k < i - 2 && opens; k++)
			opens = t[k].kind == T_WORD && !(t[k].kinds & (W_PREP | W_AUX));
		size_t q = opens ? including(st, doc, sl, i - 1, trig) : SIZE_MAX;
		if (q != SIZE_MAX && q != skip && mention_of(doc, &t[q])->kind == KGX_M_STRONG)
			return list_end(st, q, trig);
	}
	/* the reach counts words and names: punctuation and quotes are free, and
	 * a sum, however many words it takes, counts as none */
	/* "X is met een bijdrage van 5 miljoen een van de grootste donoren":
	 * one of a kind is said of the clause's subject, as a verb is */
	size_t cop = noun ? copula_before(st, cb, trig) : SIZE_MAX;
	size_t reach = noun && !one_of && cop == SIZE_MAX ? NOUN_REACH : SUBJECT_REACH, words = 0;
	/* "X is gerenommeerd en was covoorzitter van Y": a copula right after
	 * "en" or "maar" shares the name that opens the clause */
	if (cop != SIZE_MAX && cop > cb + 1 && (word_is(&t[cop - 1], W_AND) || word_is(&t[cop - 1], W_BUT))) {
		size_t pb = past_articles(st, cb, cop - 1);
		if (pb < cop - 1 && pb != skip && t[pb].kind == T_NAME && fits(doc, &t[pb], sl) &&
		    mention_of(doc, &t[pb])->kind == KGX_M_STRONG)
			return pb;
	}
	/* "X vond plaats in Y onder voorzitterschap van Z, en in aanwezigheid
	 * van W": a phrase that opens with a preposition says something of the
	 * whole clause, whose subject may stand far before it */
	if (noun && (t[trig].kinds & W_PREP)) {
		reach = WINDOW;
		/* "het Panel onder leiding van Y": the phrase hangs on the name
		 * right before it, even one a preposition governs */
		size_t h = trig;
		if (h >= 3 && t[h - 1].kind == T_PUNCT && st->lower.s[t[h - 1].lb] == ')' &&
		    t[h - 3].kind == T_PUNCT && st->lower.s[t[h - 3].lb] == '(')
			h -= 3;
		if (h >= 1 && h - 1 >= cb && h - 1 != skip && t[h - 1].kind == T_NAME && fits(doc, &t[h - 1], sl) &&
		    !modifier(doc, &t[h - 1]) && mention_of(doc, &t[h - 1])->kind == KGX_M_STRONG)
			return h - 1;
	}
	size_t from = trig;
	asides as = asides_of(st, cb, trig);
	while (from > cb && words < reach) {
		from--;
		if (!aside_at(st, &as, from))
			words += t[from].kind != T_PUNCT && t[from].amount < 0;
	}
	size_t clause_b = cb;
	cb = from;
	int bracketed = 0;  /* inside "( … )" before the trigger: an aside, no subject */
	as = asides_of(st, cb, trig);  /* inside " - … - ": the same */
	for (size_t i = trig; i > cb; i--) {
		const token *p = &t[i - 1];
		if (aside_at(st, &as, i - 1))
			continue;
		/* "de militairen in X die deelnemen aan Y": a relative pronoun with
		 * no comma before it is its clause's subject; only a name right
		 * before it is what it stands for */
		if (p->kind == T_WORD && (p->kinds & W_RELATIVE) && i - 1 > cb && !(t[i - 2].kinds & (W_PREP | W_AUX)) &&
		    t[i - 2].kind != T_PUNCT) {
			/* ("voor dat laatste": after a preposition it is a determiner;
			 * "X heeft dat bekendgemaakt": after a verb, an object) */
			const token *q = &t[i - 2];
			if (q->kind == T_NAME && i - 2 != skip && !governed(st, i - 2) && fits(doc, q, sl) &&
			    mention_of(doc, q)->kind == KGX_M_STRONG)
				return i - 2;
			cb = i - 1;  /* nothing before it is the subject; one after the verb may be */
			break;
		}
		if (p->kind == T_PUNCT && st->lower.s[p->lb] == ')')
			bracketed++;
		else if (p->kind == T_PUNCT && st->lower.s[p->lb] == '(' && bracketed)
			bracketed--;
		/* a name inside a sum is its currency's: "145.000 US dollar" */
		/* ("X is een EU-vlootverband ter ondersteuning": a name that
		 * only qualifies a noun is not the clause's subject) */
		if (p->kind == T_NAME && !bracketed && i - 1 != skip && p->amount < 0 && !governed(st, i - 1) &&
		    fits(doc, p, sl) && mention_of(doc, p)->kind == KGX_M_STRONG && !co_agent(st, i - 1) &&
		    !(noun_modifier(st, doc, i - 1))) {
			/* "X besloot Y 5 miljoen toe te kennen", "Ik heb besloten Y …
			 * te geven": the subject of an infinitive with "te" is the
			 * clause's first name, or the voice; the one before the verb
			 * is its object */
			if (!noun && te_infinitive(st, trig, ce)) {
				for (size_t k = cb; k + 1 < i; k++)
					if (t[k].kind == T_NAME && k != skip && !governed(st, k) && fits(doc, &t[k], sl) &&
					    mention_of(doc, &t[k])->kind == KGX_M_STRONG && !co_agent(st, k))
						return k;
				if (voiced(st, doc, cb, i - 1, 1))
					return SIZE_MAX;
			}
			/* "X zal Y … toespreken": a name after the finite verb is its
			 * object when an earlier name stands before that verb */
			for (size_t a = i - 1; a > cb; a--) {
				if (!(t[a - 1].kinds & W_AUX) || t[a - 1].kind != T_WORD)
					continue;
				for (size_t k = a - 1; k > cb; k--) {
					const token *q = &t[k - 1];
					if (q->kind == T_NAME && k - 1 != skip && !governed(st, k - 1) && fits(doc, q, sl) &&
					    mention_of(doc, q)->kind == KGX_M_STRONG && !co_agent(st, k - 1))
						return k - 1;
				}
				break;
			}
			/* "dat X Y steunt": a subordinate clause ends in its verb,
			 * and its subject is the name that opens it */
			for (size_t a = i - 1; a > cb && !noun; a--) {
				if (!(t[a - 1].kinds & W_SUBORD) || t[a - 1].kind != T_WORD)
					continue;
				for (size_t k = a; k < i - 1; k++) {
					const token *q = &t[k];
					if (q->kind == T_NAME && k != skip && !governed(st, k) && q->amount < 0 && fits(doc, q, sl) &&
					    mention_of(doc, q)->kind == KGX_M_STRONG && !co_agent(st, k))
						return list_end(st, k, i);  /* "dat X en Y deelnemen": the list runs back from Y */
				}
				break;
			}
			return i - 1;
		}
	}
	/* "X heeft het werk van Y van meet af aan … ondersteund": a verb at the
	 * end of a long clause has the name that opens it, before its
	 * auxiliary, for subject however far back */
	if (!noun && clause_b < cb && clause_b + 1 < trig && t[clause_b].kind == T_NAME && clause_b != skip &&
	    t[clause_b + 1].kind == T_WORD && (t[clause_b + 1].kinds & W_AUX) && fits(doc, &t[clause_b], sl) &&
	    mention_of(doc, &t[clause_b])->kind == KGX_M_STRONG)
		return clause_b;
	/* "het werk van X wordt gefinancierd", "delegaties uit X, Y en Z zijn
	 * aanwezig": X heads the subject's phrase, and a list it opens runs
	 * forward from it */
	for (size_t i = trig; i > cb; i--) {
		const token *p = &t[i - 1];
		/* (not when a preposition governs the head: "via de fondsen van X
		 * stelt Y … beschikbaar") */
		if (p->kind == T_NAME && i - 1 != skip && i >= 2 &&
		    (word_is(&t[i - 2], W_OF) || tok_is(st, &t[i - 2], "uit")) && fits(doc, p, sl) &&
		    mention_of(doc, p)->kind == KGX_M_STRONG && !(i >= 3 && t[i - 3].kind != T_PUNCT && governed(st, i - 3))) {
			size_t k = i - 1;
			/* the first of a list the name closes: "van X, Y en Z" */
			while (k >= 2 && (word_is(&t[k - 1], W_AND) ||
			                  (t[k - 1].kind == T_PUNCT && st->lower.s[t[k - 1].lb] == ',')) &&
			       t[k - 2].kind == T_NAME && fits(doc, &t[k - 2], sl) && k - 2 > cb)
				k -= 2;
			if (k >= 1 && (word_is(&t[k - 1], W_OF) || tok_is(st, &t[k - 1], "uit")) && head)
				*head = 1;
			return k;
		}
	}
	/* "X, die … bijdraagt": the clause opened at the relative */
	cb = trig;
	while (cb > 0 && t[cb - 1].clause == t[trig].clause)
		cb--;
	size_t ante = antecedent(st, doc, sl, cb, W_RELATIVE);
	if (ante != SIZE_MAX)
		return ante;
	if (!noun)
		for (size_t i = trig + 1; i < ce && i <= trig + 6; i++) {
			/* "namen (ook) de ministers van X en Y deel": the inverted
			 * subject's phrase, headed by a name after "van" or "uit" */
			if (t[i].kind == T_NAME && i != skip && i >= 3 && fits(doc, &t[i], sl) &&
			    (word_is(&t[i - 1], W_OF) || tok_is(st, &t[i - 1], "uit")) && t[i - 2].kind == T_WORD &&
			    !(t[i - 2].kinds & W_PREP) && !t[i].titled &&
			    /* a bare plural right after the verb: "nemen militairen uit X deel" */
			    (determiner(st, &t[i - 3]) || (i == trig + 3 && !(t[i - 2].kinds & W_FUNCTION))) &&
			    mention_of(doc, &t[i])->kind == KGX_M_STRONG) {
				if (head)
					*head = 1;
				return i;
			}
			if (i > trig + 4)
				continue;
			if (t[i].kind == T_NAME && (i <= trig + 2 || t[i].titled) && i != skip && fits(doc, &t[i], sl) &&
			    !governed(st, i) &&
			    mention_of(doc, &t[i])->kind == KGX_M_STRONG)
				return i;
		}
	/* "Met steun van X heeft Y …": a noun phrase put first, before the
	 * finite verb; the first free name after that verb is the subject */
	/* ("Als voorzitter van X zal Y …": a role put first, the same) */
	if (noun && (trig == cb || (trig == cb + 1 && t[cb].kind == T_WORD && (t[cb].kinds & (W_PREP | W_COPULA)))))
		for (size_t i = trig + 1; i < ce && i <= trig + FRONTED_REACH; i++)
			if (t[i].kind == T_NAME && i != skip && !governed(st, i) && t[i - 1].kind == T_WORD &&
			    !(t[i - 1].kinds & W_PREP) && fits(doc, &t[i], sl) && mention_of(doc, &t[i])->kind == KGX_M_STRONG)
				return i;
	/* "X, waartoe ook Y behoort, is voorzitter": the rest of a main clause
	 * after a relative one has the name that clause hangs on for subject */
	if (cb >= 2 && t[cb - 1].kind == T_PUNCT && st->lower.s[t[cb - 1].lb] == ',' &&
	    t[cb - 2].clause != t[cb].clause) {
		size_t rc = cb - 2;
		while (rc > 0 && t[rc - 1].clause == t[cb - 2].clause)
			rc--;
		if (t[rc].kind == T_WORD && (t[rc].kinds & (W_RELATIVE | W_RELADV)))
			return antecedent(st, doc, sl, rc, W_RELATIVE | W_RELADV);
	}
	return SIZE_MAX;
}

/* Whether a voice word ("wij", "het kabinet") stands in the trigger's
 * clause between token cb and the third token after the trigger ("steunen
 * wij"), or, with `before`, before the trigger only. */
static int voiced(const kgx_frame_state *st, const kgx_doc *doc, size_t cb, size_t trig, int before)
{
	const token *t = st->toks.data;
	const kgx_frames *fs = st->fs;
	for (size_t i = cb; i < (before ? trig : trig + 3) && i < st->toks.len && t[i].clause == t[trig].clause; i++) {
		if (t[i].kind != T_WORD || !(t[i].kinds & W_VOICE))
			continue;
		for (size_t w = 0; w < fs->n_voice_words; w++) {
			const char *v = fs->voice_words[w];
			size_t k = i;
			const char *p = v;
			while (*p && k < st->toks.len) {
				const char *sp = strchr(p, ' ');
				size_t n = sp ? (size_t)(sp - p) : strlen(p);
				/* a word of the phrase may be an adjective of a name ("de
				 * Nederlandse overheid"); a name itself is a subject */
				if (t[k].kind == T_PUNCT ||
				    (t[k].kind == T_NAME && mention_of(doc, &t[k])->kind == KGX_M_STRONG) ||
				    t[k].e - t[k].b != n || memcmp(low(st, &t[k]), p, n))
					break;
				p += n;
				while (*p == ' ')
					p++;
				k++;
			}
			if (!*p)
				return 1;
		}
	}
	/* "Het Koninkrijk, waartoe ook X behoort, is voorzitter": after a
	 * relative clause the main clause goes on with the words before it */
	if (cb >= 2 && t[cb - 1].kind == T_PUNCT && st->lower.s[t[cb - 1].lb] == ',' && t[cb - 2].clause != t[cb].clause) {
		size_t rc = t[cb - 2].cb;
		if (rc >= 2 && rc < cb - 1 && t[rc].kind == T_WORD && (t[rc].kinds & (W_RELATIVE | W_RELADV)) &&
		    t[rc - 1].kind == T_PUNCT && st->lower.s[t[rc - 1].lb] == ',')
			return voiced(st, doc, t[rc - 1].cb, rc - 1, 1);
	}
	return 0;
}

static int negated(kgx_frame_state *st, const kgx_doc *doc, uint32_t b, uint32_t e)
{
	const pcre2_code *neg = kgx_rules_negation(st->rules);
	return neg && e > b &&
	       kgx_rules_match(st->rules, neg, doc->text + b, e - b, 0, st->md, NULL, "negation") >= 0;
}

/* Which object item each amount of the clause is stated for: an amount
 * that a preposition of the object follows ("5 miljoen aan X") goes to the
 * next item, unless "met" introduces it; any other ("aan X met 5 miljoen",
 * "X (5 miljoen)") to the item before it, or to the next when none is before. */
static void bind_amounts(const kgx_frame_state *st, const slot *sl, const size_t *items, size_t n,
                         size_t cb, size_t ce, int *which)
{
	const token *t = st->toks.data;
	for (size_t k = 0; k < n; k++)
		which[k] = -1;
	for (size_t i = cb; i < ce; i++) {
		if (t[i].amount < 0 || (i > cb && t[i - 1].amount == t[i].amount))
			continue;  /* not the first token of an amount */
		int a = t[i].amount;
		size_t end = i;
		while (end < ce && t[end].amount == a)
			end++;
		/* "verhoogd van 33 naar 40 miljoen", "met 8 miljoen tot (een totaal
		 * van) 87 miljoen": the sum it became */
		size_t to_word = end + (end < ce && t[end].kind == T_PUNCT && st->lower.s[t[end].lb] == '.');
		/* "met 10 miljoen verhoogd tot 100 miljoen": past the verb */
		if (to_word + 1 < ce && t[to_word].kind == T_WORD && !tok_is(st, &t[to_word], "tot") &&
		    !tok_is(st, &t[to_word], "naar") && (tok_is(st, &t[to_word + 1], "tot") || tok_is(st, &t[to_word + 1], "naar")))
			to_word++;
		size_t then = to_word + 1;
		if (then + 3 < ce && tok_is(st, &t[then], "een") && tok_is(st, &t[then + 1], "totaal") &&
		    word_is(&t[then + 2], W_OF))
			then += 3;
		if (i > cb && (word_is(&t[i - 1], W_OF) || tok_is(st, &t[i - 1], "met")) && then < ce &&
		    (tok_is(st, &t[to_word], "naar") || tok_is(st, &t[to_word], "tot")) && t[then].amount >= 0)
			continue;
		size_t next = n, prev = n;
		for (size_t k = 0; k < n; k++) {
			if (items[k] >= end && next == n)
				next = k;
			if (items[k] < i)
				prev = k;
		}
		/* "met 3 miljoen euro" is said of what came before, and so is a
		 * sum right after its recipient: "aan X 3 miljoen, aan Y …",
		 * "aan X (2 miljoen) en Y (1 miljoen)" */
		int adjacent = prev < n && (items[prev] + 1 == i ||
		                            (items[prev] + 2 == i && t[i - 1].kind == T_PUNCT && st->lower.s[t[i - 1].lb] == '('));
		int with = adjacent || (i > cb && tok_is(st, &t[i - 1], "met"));
		int forward = 0;
		if (next < n && !(with && prev < n))
			for (size_t k = end; k < ce && k < end + 4 && k < items[next] &&
			                     !(t[k].kind == T_PUNCT && st->lower.s[t[k].lb] == ','); k++)
				if (slot_prep(st, &t[k], sl)) {
					forward = 1;
					break;
				}
		size_t to = forward ? next : prev < n ? prev : next;
		/* "X en Y ontvangen elk 3 miljoen euro": every item's */
		if (i > cb && (t[i - 1].kinds & W_EACH) && t[i - 1].kind == T_WORD) {
			for (size_t k = 0; k < n; k++)
				which[k] = a;
			continue;
		}
		/* "via X en Y … in totaal 3 miljoen euro": one sum after a whole
		 * list is theirs together, not the last one's */
		if (!forward && !with && next == n && n > 1)
			continue;
		/* of two sums stated forward for one item, the nearer is its own:
		 * "7 miljoen voor …, waarvan 4 miljoen voor X" */
		if (to < n && (which[to] < 0 || forward || adjacent))
			which[to] = a;
	}
}

/* The cabinet and the ministries act for the state they govern. */
static const kgx_entry *acting_for(const kgx_frames *fs, const kgx_entry *e)
{
	for (size_t i = 0; fs->voice && i < fs->n_voice_bodies; i++)
		if (!fnmatch(fs->voice_bodies[i], e->id, 0))
			return fs->voice;
	return e;
}

const kgx_entry *kgx_frames_acting_for(const kgx_frames *fs, const kgx_entry *e)
{
	return acting_for(fs, e);
}

#define VOICE_ANY_DATE (-1) /* for voice_minister: in office at any time */

/* Whether e is a minister of the government the letter speaks for on its
 * date: one whose dated office then is a body that acts for the voice. */
static int voice_minister(const kgx_frames *fs, const kgx_entry *e, int32_t date)
{
	if (!fs->voice || !(e->classes & KGX_C_MINISTER) || !date)
		return 0;
	/* in office on the letter's date: a former minister speaks for no one */
	for (size_t k = 0; k < e->n_offices; k++) {
		const kgx_office *o = &e->offices[k];
		if (o->body && (date == VOICE_ANY_DATE || kgx_kb_office_held(o, date)) && acting_for(fs, o->body) == fs->voice)
			return 1;
	}
	return 0;
}

/* The date a minister at token `who` must hold office on to speak for the
 * voice: the letter's; in an undated text, any, where a title calls the
 * person minister now. */
static int32_t voice_date(const kgx_frame_state *st, size_t who)
{
	const token *t = st->toks.data;
	if (st->date)
		return st->date;
	return who != SIZE_MAX && who > 0 && (t[who - 1].kinds & W_TITLE) ? VOICE_ANY_DATE : 0;
}

/* The entity a filler stands for in a slot: the office holder where a
 * title names a person and the slot takes one ("de minister van X nam deel
 * aan …"), else the name's own entity. */
static const kgx_entry *filled(const kgx_doc *doc, const token *t, const filler *f, const slot *sl)
{
	if (f->entry)
		return f->entry;
	if (t[f->tok].holder && (sl->classes & (KGX_C_MINISTER | KGX_C_PERSON)))
		return t[f->tok].holder;
	return mention_of(doc, &t[f->tok])->entry;
}

/* Hand one relation to the sink, with its amount (if any), years and
 * evidence reaching `back` sentences; st->how says how it was read. */
static kgx_status send_fact(kgx_frame_state *st, kgx_doc *doc, const kgx_frame *f, const kgx_entry *s,
                            const kgx_entry *o, const amount *am, int year, int start_year, int end_year,
                            uint32_t back, kgx_frame_sink sink, void *ctx)
{
	kgx_frame_fact fact = {0};
	fact.rule = f->rule;
	fact.s = s;
	fact.o = o;
	fact.predicate = f->predicate;
	fact.back = back;
	if (f->rule->amounts) {
		if (am) {
			if (!(fact.amount = kgx_arena_strndup(&doc->arena, am->value, strlen(am->value))))
				return KGX_ERR_NOMEM;
			fact.currency = am->currency;
		}
		fact.year = year;
		fact.start_year = start_year;
		fact.end_year = end_year;
	}
	if (doc->explain && !(fact.how = kgx_arena_strndup(&doc->arena, st->how.s, st->how.len)))
		return KGX_ERR_NOMEM;
	return sink(ctx, &fact);
}

/* "dit jaar", "vorig jaar", "volgend jaar" in tokens [tb, te): the year
 * they name counted from the letter's date, or 0. */
static int relative_year(const kgx_frame_state *st, size_t tb, size_t te)
{
	static const struct {
		const char *first, *second;
		int delta;
	} words[] = {{"dit", "jaar", 0},      {"dit", "begrotingsjaar", 0}, {"lopende", "jaar", 0},
	             {"huidige", "jaar", 0},  {"vorig", "jaar", -1},        {"afgelopen", "jaar", -1},
	             {"volgend", "jaar", 1},  {"komend", "jaar", 1},        {"komende", "jaar", 1}};
	const token *t = st->toks.data;
	for (size_t k = tb; k + 1 < te; k++)
		for (size_t w = 0; w < sizeof words / sizeof *words; w++)
			if (tok_is(st, &t[k], words[w].first) && tok_is(st, &t[k + 1], words[w].second))
				return st->date / 10000 + words[w].delta;
	return 0;
}

/* "op 8 december a.s.", "op 3 mei jl.", "op 12 maart": a day and a month
 * without a year in tokens [tb, te) are of the letter's year (as the ids
 * of dated meetings are), or of the nearest on or after the letter's date
 * with a date-ahead word after them, or on or before it with a date-back
 * word; 0 without them. */
static int dated_year(const kgx_frame_state *st, size_t tb, size_t te)
{
	const token *t = st->toks.data;
	int year = st->date / 10000;
	long now = (long)year * 372 + (st->date / 100 % 100) * 31 + st->date % 100;
	for (size_t k = tb; k + 1 < te; k++) {
		const char *w = low(st, &t[k]);
		if (t[k].kind != T_WORD || t[k].e - t[k].b > 2 || w[0] < '0' || w[0] > '9')
			continue;
		int m = kgx_rel_month(low(st, &t[k + 1]), t[k + 1].e - t[k + 1].b);
		if (!m || t[k + 1].kind != T_WORD)
			continue;
		int day = w[0] - '0';
		if (t[k].e - t[k].b == 2)
			day = day * 10 + (w[1] - '0');
		size_t a = k + 2;
		int ahead = a < te && phrase_after(st, a, te, st->fs->date_ahead, st->fs->n_date_ahead) != SIZE_MAX;
		int back = a < te && phrase_after(st, a, te, st->fs->date_back, st->fs->n_date_back) != SIZE_MAX;
		int best = 0;
		long best_gap = 0;
		if (!ahead && !back)
			return year;  /* as the ids of dated meetings take it */
		for (int y = year - 1; y <= year + 1; y++) {
			long when = (long)y * 372 + m * 31 + day, gap = when > now ? when - now : now - when;
			if ((ahead && when < now) || (back && when > now))
				continue;
			if (!best || gap < best_gap)
				best = y, best_gap = gap;
		}
		return best;
	}
	return 0;
}

/* The sum in brackets right after token k ("Frankrijk (1,6 miljard euro)"),
 * or -1: what that one gave. */
static int bracketed_sum(const kgx_frame_state *st, size_t k, size_t te)
{
	return k != SIZE_MAX && sum_in_brackets(st, k + 1, te) != SIZE_MAX ? KGX_VEC_AT(&st->toks, token, k + 2).amount : -1;
}

/* agents[0, n_main) were found in their slot, the rest added as co-agents
 * ("gevolgd door X"): a sum the clause states is the first ones'. */
static kgx_status emit(kgx_frame_state *st, kgx_doc *doc, const kgx_frame *f, const form *fo, size_t trig,
                       const filler *agents, size_t na, size_t n_main, size_t gap, const char *agent_how,
                       const filler *objs, size_t no,
                       const char *object_how, size_t tb, size_t te, kgx_frame_sink sink, void *ctx)
{
	uint32_t cb = st->toks.len ? KGX_VEC_AT(&st->toks, token, tb).b : 0;
	uint32_t ce = te > tb ? KGX_VEC_AT(&st->toks, token, te - 1).e : cb;
	const token *t = st->toks.data;
	int which[MAX_ITEMS];
	size_t at[MAX_ITEMS];
	for (size_t o = 0; o < no; o++)
		at[o] = objs[o].tok;
	bind_amounts(st, &f->object, at, no, tb, te, which);
	int year = 0, sy = 0, ey = 0;
	kgx_rel_years(doc->text + cb, ce - cb, &year, &sy, &ey);
	if (!year && !sy && !ey && st->date)
		year = relative_year(st, tb, te);
	if (!year && !sy && !ey && st->date)
		year = dated_year(st, tb, te);
	/* money the letter's opening says is of one year */
	if (!year && !sy && !ey && f->predicate == KGX_P_FUNDS)
		year = st->topic_year;
	/* "trad in 2014 toe", "richtten in 2014 op": the year it began */
	if (f->begins && year && !sy) {
		sy = year;
		year = 0;
	}
	int money_pred = f->predicate == KGX_P_FUNDS || f->predicate == KGX_P_PARTICIPATESIN;
	/* "X en Y droegen samen 7 miljoen bij": one sum of several givers is
	 * theirs together, unless each gave it ("elk", "ieder") */
	int shared = money_pred;
	/* "X geeft samen met Y 10 miljoen": a sum stated once for an agent and
	 * its co-agents is theirs together; only where each co-agent has a sum
	 * of its own in brackets (a ranking) is the clause's the first ones' */
	for (size_t a = n_main; a < na && shared; a++)
		if (bracketed_sum(st, agents[a].tok, te) < 0)
			shared = 0;
	if (n_main > 1) {
		int each = 0;
		for (size_t k = tb; k < te && !each; k++)
			each = t[k].kind == T_WORD && (t[k].kinds & W_EACH);
		if (!each)
			shared = 0;
	}
	/* "X stelt 5 miljoen beschikbaar. Het geld gaat naar Y": with no sum
	 * of its own, a noun of money that points back is the one sum of the
	 * sentence before */
	const amount *borrowed = NULL;
	if (money_pred && no == 1 && st->sole_sum_si != UINT32_MAX && st->sole_sum_si < st->si &&
	    st->si - st->sole_sum_si <= 2) {
		int sum = 0;
		for (size_t k = tb; k < te && !sum; k++)
			sum = t[k].amount >= 0;
		/* "De bijdrage wordt via X ingezet": a funds noun that points back
		 * is that sum too */
		for (size_t k = tb + 1; k < te && !sum && !borrowed; k++)
			if (t[k].kind == T_WORD &&
			    ((t[k].kinds & W_MONEY) || (k == trig && fo->noun && f->predicate == KGX_P_FUNDS)) &&
			    (determiner(st, &t[k - 1]) || determiner_or_demonstrative(st, &t[k - 1]) ||
			     /* "de Nederlandse bijdrage", "het extra geld" */
			     (k >= 2 && (t[k - 1].kind == T_NAME || inflected(st, &t[k - 1])) &&
			      !tok_in(st, &t[k - 1], st->fs->other_words, st->fs->n_other_words) &&
			      determiner_or_demonstrative(st, &t[k - 2]))))
				borrowed = &st->sole_sum;
	}
	for (size_t a = 0; a < na; a++) {
		const kgx_entry *s = acting_for(st->fs, filled(doc, t, &agents[a], &f->agent));
		const token *ta = agents[a].tok == SIZE_MAX ? NULL : &t[agents[a].tok];
		for (size_t o = 0; o < no; o++) {
			const kgx_entry *ob = filled(doc, t, &objs[o], &f->object);
			const token *to = &t[objs[o].tok];
			if (s == ob)
				continue;
			/* how it was read is for --explain only: no text to build otherwise */
			st->how.len = 0;
			if (doc->explain && kgx_buf_printf(&st->how, "frame %s: %s '%.*s'; agent %s '%.*s'; object %s '%.*s'%s%s",
			                   f->rule->id, fo->noun ? "noun" : "verb", (int)(t[trig].e - t[trig].b),
			                   doc->text + t[trig].b, agent_how,
			                   ta ? (int)(ta->e - ta->b) : (int)strlen(s->label), ta ? doc->text + ta->b : s->label,
			                   object_how, (int)(to->e - to->b), doc->text + to->b,
			                   objs[o].entry ? " = " : "", objs[o].entry ? ob->label : ""))
				return KGX_ERR_NOMEM;
			int own = money_pred && no == 1 ? bracketed_sum(st, agents[a].tok, te) : -1;
			/* a clause said again for other givers: each its own sum, the
			 * first giver the one between the verb and them */
			if (gap != SIZE_MAX && money_pred) {
				own = -1;
				if (a >= n_main && agents[a].tok != SIZE_MAX && agents[a].tok + 1 < te)
					own = t[agents[a].tok + 1].amount;
				size_t from = agents[a].tok != SIZE_MAX && agents[a].tok < trig ? agents[a].tok + 1 : trig + 1;
				for (size_t k = from; a < n_main && k < gap && own < 0; k++)
					own = t[k].amount;
			}
			const amount *am = own >= 0 ? &KGX_VEC_AT(&st->amounts, amount, (size_t)own) :
			                   shared && a < n_main && which[o] >= 0 ? &KGX_VEC_AT(&st->amounts, amount, which[o]) :
			                   a < n_main ? borrowed : NULL;
			uint32_t back = objs[o].back > agents[a].back ? objs[o].back : agents[a].back;
			if (am && am == borrowed && back < st->si - st->sole_sum_si)
				back = st->si - st->sole_sum_si;  /* the evidence holds the sum */
			kgx_status rc = send_fact(st, doc, f, s, ob, am, year, sy, ey, back, sink, ctx);
			if (rc != KGX_OK)
				return rc;
		}
	}
	return KGX_OK;
}

/* Append the tokens items[0..n) to out[0..len) as fillers, up to
 * MAX_ITEMS; the new length. */
static size_t add_items(filler *out, size_t len, const size_t *items, size_t n)
{
	for (size_t k = 0; k < n && len < MAX_ITEMS; k++) {
		out[len] = NO_FILLER;
		out[len++].tok = items[k];
	}
	return len;
}

/* A name's list as fillers. */
static size_t fill_list(const kgx_frame_state *st, const kgx_doc *doc, filler first, size_t cb, size_t ce,
                        const slot *sl, int backwards, filler *out)
{
	if (first.entry) {
		out[0] = first;
		return 1;
	}
	size_t items[MAX_ITEMS];
	size_t n = backwards ? list_before(st, doc, first.tok, cb, sl, items) : list_from(st, doc, first.tok, ce, sl, items);
	return add_items(out, 0, items, n);
}

/* The last name of the list name k opens: "X, (de) Y en Z". */
static size_t list_end(const kgx_frame_state *st, size_t k, size_t ce)
{
	const token *t = st->toks.data;
	for (size_t n = 0; n < MAX_ITEMS; n++) {
		size_t j = k + 1;
		if (j < ce && t[j].kind == T_PUNCT && st->lower.s[t[j].lb] == ',')
			j++;
		if (j < ce && (word_is(&t[j], W_AND) || or_word(st, j, ce)))
			j++;
		if (j == k + 1)
			break;  /* no separator: the list has ended */
		while (j < ce && word_is(&t[j], W_DEFINITE))
			j++;
		if (j >= ce || t[j].kind != T_NAME || t[j].clause != t[k].clause)
			break;
		k = j;
	}
	return k;
}

/* Whether tokens [a, k) are a noun phrase whose last "van" governs k:
 * "deze uitbreiding van het mandaat van X", "het werk van X". */
static int of_phrase(const kgx_frame_state *st, size_t a, size_t k)
{
	const token *t = st->toks.data;
	if (k < a + 3 || !(determiner(st, &t[a]) || determiner_or_demonstrative(st, &t[a])))
		return 0;
	int van = 0;
	for (size_t j = a + 1; j < k; j++) {
		if (t[j].kind != T_WORD)
			return 0;
		if (t[j].kinds & W_PREP) {
			if (!word_is(&t[j], W_OF))
				return 0;
			van = 1;
		}
	}
	return van;
}

/* "met 3 miljoen euro", "met een bijdrage van 3 miljoen euro": after the
 * verb, a phrase that says how much, on which no object hangs. The token
 * after it, or k when no such phrase starts at k. */
static size_t past_sum_phrase(const kgx_frame_state *st, size_t k, size_t ce)
{
	const token *t = st->toks.data;
	if (!tok_is(st, &t[k], "met"))
		return k;
	for (size_t j = k + 1; j < ce && j <= k + 4; j++) {
		if (t[j].amount >= 0) {
			int a = t[j].amount;
			while (j < ce && t[j].amount == a)
				j++;
			return j;
		}
		if (t[j].kind != T_WORD)
			break;
	}
	return k;
}

/* The direct object: the first name after the trigger (between a separable
 * verb and its particle, or just after it) that no preposition governs, or
 * the name a head noun hangs on ("steunt het werk van X"), or a noun that
 * stands for a name. A subject right after the verb ("steunt Nederland X")
 * is passed over. */
static filler direct(const kgx_frame_state *st, const kgx_doc *doc, const kgx_frame *f, size_t i, size_t last,
                     size_t ce, size_t skip, uint32_t si)
{
	const token *t = st->toks.data;
	filler obj = NO_FILLER;
	int words = 0, other_prep = 0;
	/* with no subject before the verb, a name right after it is the subject */
	size_t cb = i;
	while (cb > 0 && t[cb - 1].clause == t[i].clause)
		cb--;
	size_t sj = subject(st, doc, &f->agent, cb, ce, i, 0, SIZE_MAX, NULL);
	/* "Wij steunen X": a pronoun of the voice is the subject */
	int inverted = (sj == SIZE_MAX || sj > i) && !voiced(st, doc, cb, i, 1);
	size_t seen = 0;  /* words and names after the particle: punctuation is free */
	for (size_t k = i + 1; k < ce && seen <= 8; k++) {
		size_t past = past_sum_phrase(st, k, ce);
		if (past != k) {
			k = past - 1;
			continue;
		}
		seen += k > last && t[k].kind != T_PUNCT;
		/* "financiert de landenfondsen, waaronder X en Y": the noun's instances */
		if (t[k].kind == T_PUNCT && words && strchr(",(", st->lower.s[t[k].lb])) {
			size_t q = including(st, doc, &f->object, k, ce);
			if (q != SIZE_MAX && q != skip) {
				obj.tok = q;
				break;
			}
		}
		/* a comma or a stop ends the object's phrase; quotes, brackets do not */
		if (t[k].kind == T_PUNCT && strchr(",.?!", st->lower.s[t[k].lb]))
			break;
		if (t[k].kind == T_NAME) {
			int gov = governed(st, k);
			/* "spreekt minister X de Y toe": a title before a person right after the verb */
			int titled = words == 1 && k == i + 2 && (t[i + 1].kinds & W_TITLE) &&
			             (mention_of(doc, &t[k])->entry->classes & KGX_C_PERSON);
			if (k == skip || (inverted && k <= i + 2 && !gov && (!words || titled) && fits(doc, &t[k], &f->agent) &&
			                  mention_of(doc, &t[k])->kind == KGX_M_STRONG)) {
				k = list_end(st, k, ce);
				continue;  /* the subject, inverted, or the agent: with its list */
			}
			int after_van = word_is(&t[k - 1], W_OF) ||
			                (k >= 2 && word_is(&t[k - 2], W_OF) &&
			                 word_is(&t[k - 1], W_DEFINITE));
			/* "steunt het werk van X", not "steunt iets onder de hoede van X" */
			if (gov && !(words > 1 && after_van && !other_prep)) {
				k = list_end(st, k, ce);
				continue;  /* a phrase of its own: "samen met X", "in Y" */
			}
			if (fits(doc, &t[k], &f->object) && !modifier(doc, &t[k])) {
				obj.tok = k;
			} else if (gov) {
				/* "richtten de leiders van X, Y en Z de W op": past the list */
				k = list_end(st, k, ce);
				continue;
			}
			break;
		}
		if (t[k].kind == T_WORD) {
			/* "steunt de missie", and as with a name "steunt de uitbreiding van de missie" */
			int of_head = words > 1 && !other_prep && k >= 2 &&
			              (word_is(&t[k - 1], W_OF) || (determiner(st, &t[k - 1]) && word_is(&t[k - 2], W_OF)));
			if ((!governed(st, k) || of_head) && (obj = anaphor(st, doc, &f->object, k, si)).entry)
				break;
			words++;
			/* "sinds 2019", "in 2024": a time, not a phrase a "van" could hang on */
			int dated = k + 1 < ce && st->lower.s[t[k + 1].lb] >= '0' && st->lower.s[t[k + 1].lb] <= '9';
			/* the verb's own particle is no preposition: "zit de top voor van X" */
			other_prep |= (t[k].kinds & W_PREP) && k != last && !word_is(&t[k], W_OF) && !dated &&
			              !(k + 1 < ce && tok_is(st, &t[k], "onder") && tok_is(st, &t[k + 1], "meer"));
		}
	}
	if (obj.tok != SIZE_MAX || obj.entry)
		return obj;
	/* "X besloot Y 5 miljoen toe te kennen": between the subject (or the
	 * voice) and an infinitive with "te" */
	if (te_infinitive(st, i, ce))
		for (size_t k = sj != SIZE_MAX && sj < i ? sj + 1 : cb; k < i; k++)
			if (t[k].kind == T_NAME && k != skip && !governed(st, k) && fits(doc, &t[k], &f->object) &&
			    !modifier(doc, &t[k]) && mention_of(doc, &t[k])->kind == KGX_M_STRONG) {
				obj.tok = k;
				return obj;
			}
	/* "X heeft Y gesteund", "dat X Y steunt": in a clause that ends in the
	 * verb, the object stands between the finite verb, or the subject
	 * after a subordinator, and it */
	for (size_t a = i; a > cb; a--) {
		if (t[a - 1].kind != T_WORD || !(t[a - 1].kinds & (W_AUX | W_SUBORD | W_INFINITIVE)))
			continue;
		size_t from = a;
		if (t[a - 1].kinds & W_INFINITIVE) {
			/* "om X te steunen": the object stands between "om" and the verb */
			if (!(i > a && word_is(&t[i - 1], W_TO)) && !word_is(&t[i], W_TO))
				continue;
		} else if (t[a - 1].kinds & W_SUBORD) {
			if (sj == SIZE_MAX || sj < a || sj >= i)
				break;
			from = sj + 1;
		} else {
			/* "Daarom zal X Y steunen": with no name before the finite
			 * verb, the first one after it is the subject */
			/* ("Wij blijven X steunen": the voice's pronoun is the subject) */
			int named_before = voiced(st, doc, cb, a - 1, 1);
			for (size_t k = cb; k + 1 < a && !named_before; k++)
				named_before = (t[k].kind == T_NAME && !governed(st, k)) ||
				               /* "De missie zal Y steunen": a noun's article
				                * opens the subject, not one after "met" */
				               (determiner_or_demonstrative(st, &t[k]) && !(k > cb && (t[k - 1].kinds & W_PREP)));
			for (size_t k = a; k < i && !named_before; k++)
				if (t[k].kind == T_NAME && !governed(st, k)) {
					from = k + 1;
					break;
				}
		}
		int inf = (t[a - 1].kinds & W_INFINITIVE) != 0;
		for (size_t k = from; k < i; k++)
			if (t[k].kind == T_NAME && k != skip &&
			    (!governed(st, k) || of_phrase(st, a, k) || (inf && past_articles(st, a, k) == k)) &&
			    fits(doc, &t[k], &f->object) &&
			    !modifier(doc, &t[k]) && mention_of(doc, &t[k])->kind == KGX_M_STRONG) {
				obj.tok = k;
				break;
			}
		/* "X heeft de commissie gesteund": a noun that points back, the
		 * first word after the auxiliary's articles */
		if (obj.tok == SIZE_MAX && !(t[a - 1].kinds & W_SUBORD)) {
			size_t k = past_articles(st, from, i);
			if (k < i && k > from && t[k].kind == T_WORD && !governed(st, k) &&
			    (obj = anaphor(st, doc, &f->object, k, si)).entry)
				return obj;
		}
		/* "dat X Y heeft gesteund": an auxiliary with no name between it
		 * and the verb (as at the end of a subordinate clause) looks on
		 * back, to an earlier auxiliary or the subordinator */
		if (obj.tok == SIZE_MAX && (t[a - 1].kinds & W_AUX) && !(t[a - 1].kinds & W_SUBORD))
			continue;
		break;
	}
	/* "X, dat in Y de Z leidt": a relative clause ends in its verb, and
	 * its object stands before it; a name right after the relative is
	 * the clause's subject ("Z, dat X leidt") */
	if (obj.tok == SIZE_MAX && (t[cb].kinds & W_RELATIVE) && cb + 1 < i && t[cb + 1].kind != T_NAME)
		for (size_t k = cb + 1; k < i; k++)
			if (t[k].kind == T_NAME && k != skip && !governed(st, k) && fits(doc, &t[k], &f->object) &&
			    !modifier(doc, &t[k]) && mention_of(doc, &t[k])->kind == KGX_M_STRONG) {
				obj.tok = k;
				break;
			}
	return obj;
}

/* Whether the phrase the preposition at k opens is a time, a noun of the
 * `time-nouns` setting within four words and before any name: "met 5
 * miljoen voor drie jaar", "voor de komende periode". */
static int timed_phrase(const kgx_frame_state *st, size_t k, size_t ce)
{
	const token *t = st->toks.data;
	for (size_t j = k + 1; j < ce && j <= k + 4 && t[j].kind == T_WORD; j++)
		if (word_is(&t[j], W_TIME))
			return 1;
	return 0;
}

/* Whether the clause [cb, ce) has a phrase of the slot's prepositions
 * besides the trigger from i to last (whose particle, "schoof … aan", is
 * none), after it or before a final verb ("heeft 30 miljoen voor noodhulp
 * toegezegd"): then what it names is the slot's, and no earlier name is. A
 * number after the preposition ("voor 2024", "van 3 miljoen") is a time or
 * a sum, and a phrase that reaches a noun of time a time: no phrase of that
 * kind. */
static int complement(const kgx_frame_state *st, const slot *sl, size_t cb, size_t i, size_t last, size_t ce)
{
	const token *t = st->toks.data;
	for (size_t k = cb; k < ce; k++)
		if (k != i && k != last && slot_prep(st, &t[k], sl) &&
		    !(k + 1 < ce && st->lower.s[t[k + 1].lb] >= '0' && st->lower.s[t[k + 1].lb] <= '9') &&
		    !timed_phrase(st, k, ce))
			return 1;
	return 0;
}

/* Whether e is one of the `umbrellas` setting's ids. */
static int umbrella(const kgx_frames *fs, const kgx_entry *e)
{
	for (size_t k = 0; k < fs->n_umbrellas; k++)
		if (!strcmp(fs->umbrellas[k], e->id))
			return 1;
	return 0;
}

/* Whether tokens [cb, ce) hold a sum or a noun of money ("geld"). */
static int money_in(const kgx_frame_state *st, size_t cb, size_t ce)
{
	const token *t = st->toks.data;
	for (size_t k = cb; k < ce; k++)
		if (t[k].amount >= 0 || (t[k].kind == T_WORD && (t[k].kinds & W_MONEY)))
			return 1;
	return 0;
}

/* "de bijdragen van donoren aan X", "ontving 5 miljoen van andere
 * landen": the agent's preposition in [from, until) opens a noun of
 * givers (the `givers` setting), so someone the text does not name gave,
 * not the letter's voice. */
static int giver_noun(const kgx_frame_state *st, const slot *ag, size_t from, size_t until, size_t ce, int noun)
{
	const token *t = st->toks.data;
	for (size_t k = from; k < until && k + 1 < ce; k++) {
		/* after a noun, "van" or "door" right after it names its giver,
		 * whatever the slot says; a phrase further on is another noun's */
		if (noun && k > from)
			break;
		if (t[k].kind != T_WORD ||
		    !(slot_prep(st, &t[k], ag) || (noun && (word_is(&t[k], W_OF) || tok_is(st, &t[k], "door")))))
			continue;
		size_t q = k + 1;
		/* "van de vijf andere donoren" */
		while (q < ce && q < k + 4 && t[q].kind == T_WORD && !(t[q].kinds & W_PREP) &&
		       !tok_in(st, &t[q], st->fs->givers, st->fs->n_givers))
			q++;
		if (q < ce && tok_in(st, &t[q], st->fs->givers, st->fs->n_givers))
			return 1;
	}
	return 0;
}

/* The first token from `at` on that is no "de" or "het". */
static size_t past_articles(const kgx_frame_state *st, size_t at, size_t ce)
{
	const token *t = st->toks.data;
	while (at < ce && word_is(&t[at], W_DEFINITE))
		at++;
	return at;
}

/* Agents the text adds to those found: "X samen met Y" (and "in
 * samenwerking met"), and the country of a person or office: a premier "van
 * het Verenigd Koninkrijk", ministers "van A en B". */
/* "X gaf 10 miljoen, Y 5 miljoen en Z 2 miljoen aan W": after the verb,
 * a giver with its own sum and no verb of its own says the clause again;
 * one that could be the recipient is not taken for a giver.
 * Adds them to agents[0..na) and gives, in *gap, the first of them. */
static size_t gapped_agents(const kgx_frame_state *st, const kgx_doc *doc, const slot *ag, const slot *ob,
                            size_t trig, size_t ce, const filler *objs, size_t no, filler *agents, size_t na,
                            size_t *gap)
{
	const token *t = st->toks.data;
	*gap = SIZE_MAX;
	for (size_t k = trig + 1; k + 2 < ce && na < MAX_ITEMS; k++) {
		if (!((t[k].kind == T_PUNCT && st->lower.s[t[k].lb] == ',') || word_is(&t[k], W_AND)) ||
		    t[k + 1].kind != T_NAME || t[k + 2].amount < 0 || t[k + 1].amount >= 0 ||
		    mention_of(doc, &t[k + 1])->kind != KGX_M_STRONG || !fits(doc, &t[k + 1], ag) ||
		    fits(doc, &t[k + 1], ob))
			continue;  /* not a recipient with its sum: "aan X 3 miljoen, Y 2 miljoen" */
		int object = 0;
		for (size_t o = 0; o < no && !object; o++)
			object = objs[o].tok == k + 1;
		if (object)
			continue;
		agents[na] = NO_FILLER;
		agents[na++].tok = k + 1;
		if (*gap == SIZE_MAX)
			*gap = k + 1;
	}
	return na;
}

static size_t co_agents(const kgx_frame_state *st, const kgx_doc *doc, const slot *ag, size_t cb, size_t ce,
                        const filler *objs, size_t no, filler *agents, size_t na)
{
	const token *t = st->toks.data;
	slot countries = *ag;
	countries.classes &= KGX_C_COUNTRY;
	size_t n0 = na;
	for (size_t a = 0; a < n0 && na < MAX_ITEMS; a++) {
		if (agents[a].entry || agents[a].tok == SIZE_MAX)
			continue;
		size_t k = agents[a].tok + 1;
		const kgx_entry *e = mention_of(doc, &t[agents[a].tok])->entry;
		size_t at = SIZE_MAX;
		if ((e->classes & (KGX_C_PERSON | KGX_C_GOVBODY)) && countries.classes && k + 1 < ce &&
		    word_is(&t[k], W_OF)) {
			at = past_articles(st, k + 1, ce);
			if (at < ce && !fits(doc, &t[at], &countries))
				at = SIZE_MAX;
		}
		if (at == SIZE_MAX && k + 1 < ce &&
		    (at = phrase_after(st, k, ce, st->fs->co_agents, st->fs->n_co_agents)) != SIZE_MAX) {
			at = past_articles(st, at, ce);
			if (at < ce && !fits(doc, &t[at], ag))
				at = SIZE_MAX;
		}
		if (at == SIZE_MAX || at >= ce)
			continue;
		size_t items[MAX_ITEMS];
		size_t n = list_from(st, doc, at, ce, (e->classes & (KGX_C_PERSON | KGX_C_GOVBODY)) ? &countries : ag, items);
		na = add_items(agents, na, items, n);
	}
	/* "X organiseert samen met Y de top", "Net als Y steunt X …", "de
	 * grootste donor na Y": the phrase stands anywhere in the clause, not
	 * only after the agent */
	for (size_t k = cb; n0 && k + 1 < ce && na < MAX_ITEMS; k++) {
		size_t at = phrase_after(st, k, ce, st->fs->co_agents, st->fs->n_co_agents);
		if (at == SIZE_MAX)
			continue;
		at = past_articles(st, at, ce);
		/* "Na overleg", "Naast UNICEF": a co-agent is of the agent's kind */
		if (at >= ce || !fits(doc, &t[at], ag) ||
		    !(mention_of(doc, &t[at])->entry->classes & filled(doc, t, &agents[0], ag)->classes))
			continue;
		int known = 0;
		for (size_t a = 0; a < na; a++)
			known |= agents[a].tok == at;
		for (size_t o = 0; o < no; o++)
			known |= objs[o].tok == at;
		if (known)
			continue;
		size_t items[MAX_ITEMS];
		na = add_items(agents, na, items, list_from(st, doc, at, ce, ag, items));
		break;
	}
	return na;
}

/* A run of parts, each a recipient with its own sum, in either order:
 * "5 miljoen aan Y en 3 miljoen aan Z" or "aan Y 5 miljoen, aan Z 3
 * miljoen". Each recipient joins the objects; *te moves past the last
 * part, so that the amounts bind to them. */
static size_t parts(const kgx_frame_state *st, const kgx_doc *doc, const slot *sl, size_t k,
                    filler *objs, size_t no, size_t *te)
{
	const token *t = st->toks.data;
	size_t n = st->toks.len;
	while (k < n && no < MAX_ITEMS) {
		size_t j = k;
		int sum_first = t[j].amount >= 0;
		while (j < n && t[j].amount >= 0)
			j++;
		if (j >= n || !slot_prep(st, &t[j], sl))
			break;
		for (j++; j < n && determiner(st, &t[j]); j++)
			;
		if (j >= n || !fits(doc, &t[j], sl) || modifier(doc, &t[j]))
			break;
		size_t item = j++;
		if (!sum_first) {
			if (j >= n || t[j].amount < 0)
				break;  /* a gapped part names its own sum */
			while (j < n && t[j].amount >= 0)
				j++;
		}
		objs[no] = NO_FILLER;
		objs[no++].tok = item;
		*te = j;
		k = j;
		if (k < n && t[k].kind == T_PUNCT && st->lower.s[t[k].lb] == ',')
			k++;
		if (k < n && word_is(&t[k], W_AND))
			k++;
	}
	return no;
}

/* Recipients with sums of their own after the clause's last object:
 * "bijgedragen aan X, waarvan 5 miljoen aan Y en 3 miljoen aan Z", and
 * the verb left out after the first: "Aan X draagt Nederland 5 miljoen
 * bij, aan Y 3 miljoen en aan Z 2 miljoen". */
static size_t breakdown(const kgx_frame_state *st, const kgx_doc *doc, const slot *sl, size_t last,
                        filler *objs, size_t no, size_t *te)
{
	const token *t = st->toks.data;
	size_t n = st->toks.len, k = last + 1;
	/* past an apposition of the last object: "naar X, het door Y beheerde fonds, en …" */
	if (k + 2 < n && t[k].kind == T_PUNCT && st->lower.s[t[k].lb] == ',' && determiner(st, &t[k + 1]))
		for (size_t j = k + 2; j < n && j < k + 10; j++)
			if (t[j].kind == T_PUNCT) {
				if (st->lower.s[t[j].lb] == ',')
					k = j;
				break;
			}
	/* "4 miljoen naar X en 6 miljoen naar Y": the next part with no comma */
	if (k + 1 < n && word_is(&t[k], W_AND) && t[k + 1].amount >= 0)
		return parts(st, doc, sl, k + 1, objs, no, te);
	if (k + 2 >= n || t[k].kind != T_PUNCT || st->lower.s[t[k].lb] != ',')
		return no;
	if (tok_is(st, &t[k + 1], "waarvan"))
		return parts(st, doc, sl, k + 2, objs, no, te);
	return parts(st, doc, sl, k + 1 + word_is(&t[k + 1], W_AND), objs, no, te);
}

/* For --explain: a trigger that gave no relation, and why. */
static kgx_status missed(kgx_frame_state *st, kgx_doc *doc, uint32_t si, const kgx_frame *f, size_t i,
                         const char *why)
{
	if (!doc->explain)
		return KGX_OK;
	const token *t = &KGX_VEC_AT(&st->toks, token, i);
	kgx_frame_miss *m = kgx_vec_push(&doc->frame_misses);
	if (!m)
		return KGX_ERR_NOMEM;
	m->sentence = si;
	m->rule = f->rule->id;
	m->why = why;
	m->trigger = kgx_arena_strndup(&doc->arena, doc->text + t->b, t->e - t->b);
	return m->trigger ? KGX_OK : KGX_ERR_NOMEM;
}


/* Whether the clause names something of a class the slot does not take,
 * leaving out names of the `ignored` classes, the budget money comes from,
 * and, with `heads_only`, names that only qualify a noun ("de
 * EU-troepenmacht"). */
static int names_other(const kgx_frame_state *st, const kgx_doc *doc, const slot *sl, size_t cb, size_t ce,
                       unsigned ignored, int heads_only)
{
	const token *t = st->toks.data;
	for (size_t k = cb; k < ce; k++) {
		if (t[k].kind != T_NAME)
			continue;
		const kgx_mention *m = mention_of(doc, &t[k]);
		if (m->kind == KGX_M_STRONG && !fits(doc, &t[k], sl) && !(m->entry->classes & ignored) &&
		    !(heads_only && modifier(doc, &t[k])) && !source_of_money(st->fs, doc, m->span.begin))
			return 1;
	}
	return 0;
}

/* Whether sentence si ends in a colon: it announces a list. */
static int ends_in_colon(const kgx_doc *doc, uint32_t si)
{
	const kgx_sentence *s = &KGX_VEC_AT(&doc->sentences, kgx_sentence, si);
	uint32_t e = s->span.end;
	while (e > s->span.begin && strchr(" \t\n", doc->text[e - 1]))
		e--;
	return e > s->span.begin && doc->text[e - 1] == ':';
}

/* "Het steunpakket bestaat uit:", "Nederland draagt bij aan:": the items
 * that follow name the objects. The agent is the clause's subject, or the
 * letter's voice. */
static kgx_status open_list(kgx_frame_state *st, kgx_doc *doc, uint32_t si, const kgx_frame *f, size_t i,
                            size_t cb, size_t ce, int noun)
{
	const token *t = st->toks.data;
	const kgx_entry *agent = NULL;
	/* "het Deense pakket": an adjective of a country just before the noun */
	if ((f->agent.at & AT_ADJECTIVE) && noun && i > cb && t[i - 1].kind == T_NAME &&
	    mention_of(doc, &t[i - 1])->kind == KGX_M_WEAK && fits(doc, &t[i - 1], &f->agent))
		agent = mention_of(doc, &t[i - 1])->entry;
	if (!agent && (f->agent.at & AT_SUBJECT)) {
		size_t a = subject(st, doc, &f->agent, cb, ce, i, noun, SIZE_MAX, NULL);
		if (a != SIZE_MAX)
			agent = acting_for(st->fs, filled(doc, t, &(filler){a, NULL, 0}, &f->agent));
	}
	if (!agent && st->voice_on && f->voice != VOICE_NONE &&
	    (voiced(st, doc, cb, i, 0) || f->voice == VOICE_ANY || noun))
		agent = st->fs->voice;
	if (!agent)
		return missed(st, doc, si, f, i, "a list, but no agent");
	st->list.frame = f;
	st->list.agent = agent;
	st->list.intro = si;
	st->list.next = si + 1;
	st->list.year = st->list.start_year = st->list.end_year = 0;
	st->list.bulleted = 0;
	kgx_rel_years(doc->text + t[cb].b, t[ce - 1].e - t[cb].b, &st->list.year, &st->list.start_year,
	              &st->list.end_year);
	return KGX_OK;
}

/* Whether a token is a list's bullet: "-", "–", "•", "*", "·", "▪". */
static int bullet(const kgx_doc *doc, const token *t)
{
	static const char *const marks[] = {"-", "\u2013", "\u2014", "\u2022", "*", "\u00b7", "\u25aa", "\u25e6"};
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
		if (t->e - t->b == strlen(marks[k]) && !memcmp(doc->text + t->b, marks[k], t->e - t->b))
			return 1;
	return 0;
}

/* Whether the name at token k opens a list item by naming its sum next:
 * "X: 3 miljoen", "X (3 miljoen)", "X, 3 miljoen", "X 3 miljoen". */
static int names_its_sum(const kgx_frame_state *st, const token *t, size_t k, size_t e)
{
	return k + 1 < e && t[k].kind == T_NAME &&
	       ((t[k + 1].kind == T_PUNCT && strchr(":(,", st->lower.s[t[k + 1].lb]) &&
	         (st->lower.s[t[k + 1].lb] != ',' || (k + 2 < e && t[k + 2].amount >= 0))) ||
	        t[k + 1].amount >= 0);
}

/* The items of an open list in sentence si ("– 5 miljoen euro via X;",
 * "• X: 3 miljoen", one to a line or run together): each item's first sum
 * to the name it is for, the name it opens with or one after the object's
 * preposition. A sentence with no item closes the list. Finds the
 * sentence's amounts either way. */
static kgx_status list_items(kgx_frame_state *st, kgx_doc *doc, uint32_t si, kgx_frame_sink sink, void *ctx)
{
	const kgx_frame *f = st->list.frame;
	const kgx_sentence *s = &KGX_VEC_AT(&doc->sentences, kgx_sentence, si);
	const token *t = st->toks.data;
	size_t n = st->toks.len;
	kgx_status rc = find_amounts(st, doc, s);
	if (rc != KGX_OK)
		return rc;
	/* an item opens with a bullet, its sum, or its name and then a colon, a
	 * bracket or its sum; once items have bullets, all have */
	int bulleted = n && bullet(doc, &t[0]);
	int named = names_its_sum(st, t, 0, n);
	if (si != st->list.next || si - st->list.intro > MAX_LIST_SENTENCES || !n || !st->amounts.len ||
	    !(bulleted || t[0].amount >= 0 || named) || (st->list.bulleted && !bulleted)) {
		st->list.frame = NULL;
		return KGX_OK;
	}
	st->list.bulleted = bulleted;
	st->list.next = si + 1;
	for (size_t b = 0; b < n;) {
		/* the item: up to the next bullet or semicolon */
		size_t e = b + 1;
		while (e < n && !bullet(doc, &t[e]) && !(t[e].kind == T_PUNCT && st->lower.s[t[e].lb] == ';'))
			e++;
		size_t first = b + (bullet(doc, &t[b]) || t[b].kind == T_PUNCT);
		int sum = -1;
		size_t obj = SIZE_MAX;
		for (size_t k = first; k < e; k++) {
			if (sum < 0 && t[k].amount >= 0)
				sum = t[k].amount;
			if (obj != SIZE_MAX || t[k].kind != T_NAME || !fits(doc, &t[k], &f->object) || modifier(doc, &t[k]) ||
			    mention_of(doc, &t[k])->kind != KGX_M_STRONG)
				continue;
			int opens = k == first && names_its_sum(st, t, k, e);
			size_t p = k > first && determiner(st, &t[k - 1]) ? k - 1 : k;
			if (opens || (p > first && slot_prep(st, &t[p - 1], &f->object)))
				obj = k;
		}
		const kgx_entry *o = obj == SIZE_MAX ? NULL : mention_of(doc, &t[obj])->entry;
		if (o && o != st->list.agent && sum >= 0) {
			int money = f->predicate == KGX_P_FUNDS || f->predicate == KGX_P_PARTICIPATESIN;
			const amount *am = money ? &KGX_VEC_AT(&st->amounts, amount, (size_t)sum) : NULL;
			/* evidence reaches back to the sentence that opened the list while
			 * that is near; past that, the item alone, and `how` says whence */
			uint32_t back = si - st->list.intro <= 2 ? si - st->list.intro : 0;
			st->how.len = 0;
			if (doc->explain && kgx_buf_printf(&st->how, "frame %s: list item %u sentences after its opening; agent '%s'; object '%.*s'",
			                   f->rule->id, (unsigned)(si - st->list.intro), st->list.agent->label,
			                   (int)(t[obj].e - t[obj].b), doc->text + t[obj].b))
				return KGX_ERR_NOMEM;
			int year = 0, sy = 0, ey = 0;
			kgx_rel_years(doc->text + t[b].b, t[e - 1].e - t[b].b, &year, &sy, &ey);
			if (!year && !sy && !ey) {
				year = st->list.year;
				sy = st->list.start_year;
				ey = st->list.end_year;
			}
			if ((rc = send_fact(st, doc, f, st->list.agent, o, am, year, sy, ey, back, sink, ctx)) != KGX_OK)
				return rc;
		}
		b = e + (e < n && t[e].kind == T_PUNCT);
	}
	return KGX_OK;
}

#define MAX_TABLE_SENTENCES 240 /* a table's heading, rows and cells, at most */

/* Whether sentence si ends in no full stop: a heading, a cell of a table. */
static int unstopped(const kgx_doc *doc, uint32_t si)
{
	const kgx_sentence *s = &KGX_VEC_AT(&doc->sentences, kgx_sentence, si);
	uint32_t e = s->span.end;
	while (e > s->span.begin && strchr(" \t\n", doc->text[e - 1]))
		e--;
	return e > s->span.begin && !strchr(".!?;", doc->text[e - 1]);
}

/* The next word of s[*i, e) between the separators seps: its start, with
 * *i moved to its end; e when there is none. */
static size_t next_word(const char *s, size_t *i, size_t e, const char *seps)
{
	while (*i < e && strchr(seps, s[*i]))
		(*i)++;
	size_t w = *i;
	while (*i < e && !strchr(seps, s[*i]))
		(*i)++;
	return w < e ? w : e;
}

/* The figures in text[b, e) when it holds nothing else ("40.955.328",
 * "12.102", a dash for an empty cell; bars between cells): how many, and the first's span in
 * *fb, *fe; -1 when it holds anything else. */
static int figures_in(const char *text, uint32_t b, uint32_t e, uint32_t *fb, uint32_t *fe)
{
	int n = 0;
	for (size_t i = b, w; (w = next_word(text, &i, e, " \t\n|")) < e;) {
		size_t len = i - w;
		if ((len == 1 && text[w] == '-') || (len == 3 && (!memcmp(text + w, "\u2013", 3) || !memcmp(text + w, "\u2014", 3))) ||
		    (len == 4 && !memcmp(text + w, "p.m.", 4)))
			continue;
		if (!(text[w] >= '0' && text[w] <= '9'))
			return -1;
		for (size_t k = w; k < i; k++)
			if (!((text[k] >= '0' && text[k] <= '9') || text[k] == '.' || text[k] == ','))
				return -1;
		if (n++ == 0) {
			*fb = (uint32_t)w;
			*fe = (uint32_t)i;
		}
	}
	return n;
}

static int sentence_figures(const kgx_doc *doc, uint32_t si, uint32_t *fb, uint32_t *fe)
{
	const kgx_sentence *s = &KGX_VEC_AT(&doc->sentences, kgx_sentence, si);
	return figures_in(doc->text, s->span.begin, s->span.end, fb, fe);
}

/* The currency and the unit a table's heading gives its figures: "(in
 * euro's)", "(x € 1.000)", "(bedragen x EUR 1 mln)", "in duizenden euro".
 * Words are the [@amount] section's: its currencies, and its multipliers
 * of a thousand or more. */
static void table_unit(kgx_frame_state *st, size_t len)
{
	const char *low = st->lower.s;
	st->table.currency = NULL;
	st->table.scale[0] = '\0';
	int times = 0;  /* after "x": the unit's figure */
	for (size_t i = 0, w; (w = next_word(low, &i, len, " \t\n(),:/")) < len;) {
		size_t n = i - w;
		/* "euro's", "euro’s" */
		if (n > 2 && !memcmp(low + i - 2, "'s", 2))
			n -= 2;
		else if (n > 4 && !memcmp(low + i - 4, "\u2019s", 4))
			n -= 4;
		const char *cur = kgx_rules_currency(st->rules, low + w, n);
		if (cur && !st->table.currency)
			st->table.currency = cur;
		if ((n == 1 && low[w] == 'x') || (n == 2 && !memcmp(low + w, "\xc3\x97", 2))) {
			times = 1;
			continue;
		}
		/* "x 1.000" (the unit as a figure after "x"), or a multiplier of a
		 * thousand or more ("mln", "duizenden") */
		if (n < sizeof st->table.scale && ((times && low[w] == '1' && n > 1) ||
		                                   kgx_rules_multiplier(st->rules, low + w, n) >= 1000)) {
			memcpy(st->table.scale, low + w, n);
			st->table.scale[n] = '\0';
		}
		if (!cur && !(n == 1 && low[w] == '1'))
			times = 0;
	}
}

/* "Uitgaven 2031 aan VN-organisaties (in euro's)": a heading, a line that
 * ends in no full stop, opens a table whose rows name a body and give its
 * figures. The agent is a country the heading names by an adjective, or
 * the letter's voice. */
static kgx_status open_table(kgx_frame_state *st, kgx_doc *doc, uint32_t si, const kgx_frame *f, size_t i)
{
	const token *t = st->toks.data;
	const kgx_sentence *s = &KGX_VEC_AT(&doc->sentences, kgx_sentence, si);
	if (!unstopped(doc, si) || st->table.frame)
		return KGX_OK;
	const kgx_entry *agent = NULL;
	for (size_t k = 0; (f->agent.at & AT_ADJECTIVE) && k < st->toks.len && !agent; k++)
		if (t[k].kind == T_NAME && mention_of(doc, &t[k])->kind == KGX_M_WEAK && fits(doc, &t[k], &f->agent))
			agent = mention_of(doc, &t[k])->entry;
	if (!agent && st->voice_on && f->voice != VOICE_NONE)
		agent = st->fs->voice;
	if (!agent)
		return missed(st, doc, si, f, i, "a table, but no agent");
	st->table.frame = f;
	st->table.agent = agent;
	st->table.heading = si;
	st->table.n_names = 0;
	st->table.figures = 0;
	st->table.year = st->table.start_year = st->table.end_year = 0;
	table_unit(st, s->span.end - s->span.begin);
	kgx_rel_years(doc->text + s->span.begin, s->span.end - s->span.begin, &st->table.year, &st->table.start_year,
	              &st->table.end_year);
	return KGX_OK;
}

/* The open row's relations, at the sentence of its last figure: a body
 * with one figure and a currency gets it as its amount; one with several
 * (voluntary and mandatory, two years) or a row of several bodies none. */
static kgx_status table_row(kgx_frame_state *st, kgx_doc *doc, uint32_t si, kgx_frame_sink sink, void *ctx)
{
	const kgx_frame *f = st->table.frame;
	amount am = {0};
	int sum = st->table.figures == 1 && st->table.n_names == 1 && st->table.currency &&
	          kgx_rel_amount_value(st->rules, st->table.first, strlen(st->table.first),
	                               st->table.scale[0] ? st->table.scale : NULL, strlen(st->table.scale), am.value);
	am.currency = st->table.currency;
	kgx_status rc = KGX_OK;
	for (size_t k = 0; rc == KGX_OK && k < st->table.n_names; k++) {
		const kgx_entry *o = st->table.names[k];
		if (o == st->table.agent)
			continue;
		st->how.len = 0;
		if (doc->explain && kgx_buf_printf(&st->how, "frame %s: table row %u sentences after its heading; agent '%s'; object '%s'",
		                   f->rule->id, (unsigned)(st->table.label - st->table.heading), st->table.agent->label,
		                   o->label))
			return KGX_ERR_NOMEM;
		rc = send_fact(st, doc, f, st->table.agent, o, sum && f->predicate == KGX_P_FUNDS ? &am : NULL,
		               st->table.year, st->table.start_year, st->table.end_year, si - st->table.label, sink, ctx);
	}
	st->table.n_names = 0;
	st->table.figures = 0;
	return rc;
}

/* A sentence under an open table's heading: a cell of figures goes to the
 * open row, a line of names opens a row ("X", "X + Y", "X 1.234"), another
 * short line without a full stop is a column's heading or a row kgx cannot
 * name; anything else closes the table. */
static kgx_status table_rows(kgx_frame_state *st, kgx_doc *doc, uint32_t si, kgx_frame_sink sink, void *ctx)
{
	const token *t = st->toks.data;
	const kgx_sentence *s = &KGX_VEC_AT(&doc->sentences, kgx_sentence, si);
	uint32_t fb = 0, fe = 0;
	if (si - st->table.heading > MAX_TABLE_SENTENCES) {
		st->table.frame = NULL;
		return KGX_OK;
	}
	int n = sentence_figures(doc, si, &fb, &fe);
	if (n < 0) {
		st->table.n_names = 0;
		st->table.figures = 0;
		if (!unstopped(doc, si) || st->toks.len > 16) {
			st->table.frame = NULL;
			return KGX_OK;
		}
		/* the row's names, joined by "+", "/", "&", "," or "en" */
		size_t k = 0, names = 0;
		for (; k < st->toks.len; k++) {
			if (t[k].kind == T_NAME && mention_of(doc, &t[k])->kind == KGX_M_STRONG &&
			    fits(doc, &t[k], &st->table.frame->object) && !modifier(doc, &t[k])) {
				if (names < sizeof st->table.names / sizeof *st->table.names)
					st->table.names[names++] = mention_of(doc, &t[k])->entry;
			} else if (!(t[k].kind == T_PUNCT && strchr("+/&,|", st->lower.s[t[k].lb])) && !word_is(&t[k], W_AND)) {
				break;
			}
		}
		if (!names || k == 0)
			return KGX_OK;
		/* figures on the names' line: "X 40.955.328" */
		n = k < st->toks.len ? figures_in(doc->text, t[k].b, s->span.end, &fb, &fe) : 0;
		if (n < 0)
			return KGX_OK;
		st->table.n_names = names;
		st->table.label = si;
	} else if (!st->table.n_names) {
		return KGX_OK;
	}
	if (n > 0 && !st->table.figures) {
		size_t len = fe - fb < sizeof st->table.first ? fe - fb : sizeof st->table.first - 1;
		memcpy(st->table.first, doc->text + fb, len);
		st->table.first[len] = '\0';
	}
	st->table.figures += (size_t)n;
	/* the row ends where no cell of figures follows */
	if (st->table.figures && (si + 1 >= doc->sentences.len || sentence_figures(doc, si + 1, &fb, &fe) < 0))
		return table_row(st, doc, si, sink, ctx);
	return KGX_OK;
}

/* Try one trigger at token i of sentence si. */
static kgx_status try_frame(kgx_frame_state *st, kgx_doc *doc, uint32_t si, const kgx_frame *f, const form *fo,
                            size_t i, kgx_frame_sink sink, void *ctx)
{
	const token *t = st->toks.data;
	/* the clause, within a window around the trigger: the work per trigger
	 * is bounded however long a sentence runs without punctuation */
	size_t cb = i - t[i].cb > WINDOW ? i - WINDOW : t[i].cb;
	size_t ce = t[i].ce - i > WINDOW ? i + WINDOW : t[i].ce;
	/* "ter ondersteuning van", "ter beschikking": a noun after "ter" is
	 * part of a fixed phrase, which frames list as such */
	if (fo->noun && i > 0 && tok_is(st, &t[i - 1], "ter"))
		return KGX_OK;
	/* "het voorzitten van X": an infinitive with an article is a noun */
	int noun = fo->noun || (i > 0 && word_is(&t[i - 1], W_DEFINITE));
	/* the trigger's other words, in order, in the same clause */
	size_t last = i;
	for (size_t w = 1; w < fo->n_words; w++) {
		size_t k = last + 1;
		while (fo->gap[w] && k < ce && !tok_is(st, &t[k], fo->words[w]))
			k++;
		if (k >= ce || !tok_is(st, &t[k], fo->words[w]))
			return KGX_OK;
		last = k;
	}
	/* "Het kabinet spoort andere donoren aan": a noun that a word before it
	 * (past a number or an adjective) makes others' says nothing of the
	 * clause's names */
	if (noun && f->n_others) {
		size_t k = i;
		while (k > 0 && k + 3 > i && t[k - 1].kind == T_WORD && !tok_in(st, &t[k - 1], f->others, f->n_others) &&
		       (inflected(st, &t[k - 1]) || (st->lower.s[t[k - 1].lb] >= '0' && st->lower.s[t[k - 1].lb] <= '9')))
			k--;
		/* ("X is een van de andere donoren": said of X all the same) */
		int one_of = k >= 4 && tok_is(st, &t[k - 4], "een") && word_is(&t[k - 3], W_OF) && determiner(st, &t[k - 2]);
		if (k > 0 && tok_in(st, &t[k - 1], f->others, f->n_others) && !one_of &&
		    copula_before(st, cb, k - 1) == SIZE_MAX)
			return missed(st, doc, si, f, i, "a word before the noun that makes it others'");
	}
	/* "zet zich in voor": the reflexive is another verb than "zet in" */
	for (size_t k = i + 1; f->n_unless && k < ce && k <= last + 1; k++)
		if (tok_in(st, &t[k], f->unless, f->n_unless))
			return missed(st, doc, si, f, i, "a word that makes it another verb");
	/* "geeft aan dat …", "gaf aan te …": a particle right after a verb
	 * form of one word, before a clause, makes it another verb
	 * ("aangeven"); "draagt bij aan dat fonds" is the frame's own verb */
	if (!noun && fo->n_words == 1 && last + 3 < ce && (t[last + 1].kinds & W_PREP) &&
	    ((tok_is(st, &t[last + 2], "dat") && (t[last + 3].kind == T_NAME || determiner(st, &t[last + 3]) ||
	                                           tok_is(st, &t[last + 3], "er") || tok_is(st, &t[last + 3], "ze") ||
	                                           tok_is(st, &t[last + 3], "zij") || tok_is(st, &t[last + 3], "hij") ||
	                                           tok_is(st, &t[last + 3], "wij") || tok_is(st, &t[last + 3], "dit"))) ||
	     word_is(&t[last + 2], W_TO) || tok_is(st, &t[last + 2], "hoe") ||
	     (t[last + 2].kind == T_PUNCT && st->lower.s[t[last + 2].lb] == ',')))
		return missed(st, doc, si, f, i, "a particle before a clause that makes it another verb");
	/* "heeft eenheden toegezegd": a verb of many senses, in this one only
	 * beside one of the frame's words */
	if (f->n_with) {
		size_t k = cb;
		while (k < ce && !listed(st, &t[k], f->with, f->n_with))
			k++;
		if (k == ce)
			return KGX_OK;
	}
	/* "sluit zich aan bij de verklaring van X": joining what X said is
	 * not joining X */
	for (size_t k = cb; k < ce && f->n_without; k++)
		if (listed(st, &t[k], f->without, f->n_without))
			return missed(st, doc, si, f, i, "a word of its 'without' list in the clause");
	uint32_t cbyte = t[cb].b, cend = t[ce - 1].e;
	/* a frame of tables only opens one, at a heading */
	if (f->object.at & AT_TABLE)
		return open_table(st, doc, si, f, i);
	if (f->money != MONEY_ANY) {
		/* "heeft geld beloofd", "het bedrag wordt via X besteed": money
		 * all the same, though no sum says how much */
		int has = money_in(st, cb, ce);
		if (has != (f->money == MONEY_REQUIRED))
			return missed(st, doc, si, f, i, has ? "an amount, which this frame forbids" : "no amount, which this frame requires");
	}

	/* a frame of lists only opens one; its prepositions mark the name in an item */
	if (f->object.at & AT_LIST) {
		if (!ends_in_colon(doc, si))
			return KGX_OK;
		return st->list.frame ? KGX_OK : open_list(st, doc, si, f, i, cb, ce, noun);
	}
	size_t until = last + 1 + (noun ? PREP_REACH_NOUN : PREP_REACH_VERB), q;
	/* "samen met andere lidstaten, het werk van X": a noun a comma closes
	 * has no phrase after it */
	if (noun && last + 1 < ce && t[last + 1].kind == T_PUNCT && st->lower.s[t[last + 1].lb] == ',')
		until = last + 1;
	/* "een bijdrage van 5 miljoen euro te leveren aan X": the sum a noun
	 * names, and the infinitive that makes it a deed, do not use up its reach */
	for (size_t k = last + 1; noun && k < until && k < ce; k++)
		if (t[k].amount >= 0 || (word_is(&t[k], W_TO) && k + 1 < ce && t[k + 1].kind == T_WORD))
			until += word_is(&t[k], W_TO) ? 2 : 1;
		/* nor a phrase of the object's that names nothing, what the money
		 * is for, before the channel: "een bijdrage aan noodhulp en
		 * wederopbouw van dat land via X" */
		else if (slot_prep(st, &t[k], &f->object) && (q = bare_phrase(st, &f->object, k, ce)) != SIZE_MAX)
			until += q - k;
		/* nor does a name's own acronym in brackets: "uit de Europese
		 * Vredesfaciliteit (EPF) voor X"; another name there ("het lid X
		 * (D66) aan de minister") is an aside that does */
		else if (t[k].kind == T_PUNCT && st->lower.s[t[k].lb] == '(' && k + 2 < ce && t[k - 1].kind == T_NAME &&
		         t[k + 2].kind == T_PUNCT && st->lower.s[t[k + 2].lb] == ')' &&
		         ((t[k + 1].kind == T_WORD && capitals(doc, &t[k + 1])) ||
		          (t[k + 1].kind == T_NAME && mention_of(doc, &t[k + 1])->entry == mention_of(doc, &t[k - 1])->entry)))
			until += 3;
	const slot *ag = &f->agent;
	const char *ohow = NULL, *ahow = NULL, *via = NULL;

	/* an agent after its preposition first: "door X" makes the clause
	 * passive, and only then may the object be its subject */
	filler agent = NO_FILLER;
	if (ag->n_preps) {
		agent = by_prep(st, doc, ag, cb, ce, i + 1, until, SIZE_MAX, noun, si, &via);
		ahow = via;
	}
	int passive = agent.tok != SIZE_MAX;

	/* object */
	filler obj = NO_FILLER;
	int agent_head = 0;
	size_t skip = agent.entry ? SIZE_MAX : agent.tok;
	if (f->object.n_preps && !noun)
		obj = fronted(st, doc, &f->object, cb, i, skip, &ohow);
	if (f->object.n_preps && obj.tok == SIZE_MAX) {
		obj = by_prep(st, doc, &f->object, cb, ce, i + 1, until, skip, noun, si, &via);
		ohow = via;
	}
	if (obj.tok == SIZE_MAX && (f->object.at & AT_DIRECT)) {
		obj = direct(st, doc, f, i, last, ce, skip, si);
		ohow = "direct";
	}
	if (obj.tok == SIZE_MAX && (f->object.at & AT_SUBJECT) && (passive || !(ag->at & AT_SUBJECT))) {
		obj.tok = subject(st, doc, &f->object, cb, ce, i, noun, skip, NULL);
		ohow = "subject";
		/* "De top werd voorgezeten door X": a noun that stands for an
		 * earlier name, as the subject the clause opens with */
		if (obj.tok == SIZE_MAX && cb + 1 < i && determiner_or_demonstrative(st, &t[cb]))
			obj = anaphor(st, doc, &f->object, cb + 1, si);
	}
	/* "X, die Nederland organiseerde": in an active relative clause the
	 * relative is the object, and the name it stands for fills it */
	if (obj.tok == SIZE_MAX && (f->object.at & (AT_DIRECT | AT_SUBJECT)) && !passive && cb + 1 < i &&
	    t[cb + 1].kind == T_NAME && (obj.tok = antecedent(st, doc, &f->object, cb, W_RELATIVE)) != SIZE_MAX)
		ohow = "relative";
	/* "X, die werd gehost door Y": in a passive relative clause the
	 * relative is the subject, and the object */
	if (obj.tok == SIZE_MAX && (f->object.at & AT_SUBJECT) && passive &&
	    (obj.tok = antecedent(st, doc, &f->object, cb, W_RELATIVE)) != SIZE_MAX)
		ohow = "relative";
	if (obj.tok == SIZE_MAX && (f->object.at & AT_COMPOUND) && glued(doc, t, i) && fits(doc, &t[i - 1], &f->object)) {
		obj.tok = i - 1;
		ohow = "compound";
	}
	/* a clause that names a thing the agent cannot be is about that
	 * ("zegde 10 miljoen toe op de donorconferentie"): it takes no object
	 * from the sentences before; the people it names (who represented
	 * whom) do not count */
	if (obj.tok == SIZE_MAX && (f->object.at & AT_RECENT) && !complement(st, &f->object, cb, i, last, ce) &&
	    !names_other(st, doc, &f->agent, cb, ce, KGX_C_PERSON, 1)) {
		obj = referent(st, doc, f->object.classes, i, si, 2);
		ohow = "recent";
		/* "Egeland (VN) juicht de toezeggingen toe. Vijf landen beloofden
		 * geld.": a body named in passing whose parts are what money goes
		 * to is not what the sum was given to */
		if (obj.entry && f->predicate == KGX_P_FUNDS && umbrella(st->fs, obj.entry))
			obj = NO_FILLER;
		/* "De conferentie van het X Fund … . Japan zegde 5 miljoen toe": a
		 * sum given in a text that has named one fund, and only one, is
		 * given to it, if it was named (or pointed back to) a few sentences
		 * before */
		if (obj.tok == SIZE_MAX && !obj.entry && (f->object.classes & KGX_C_FUND) && st->funds_named == 1 &&
		    st->sole_fund_at < si && si - st->sole_fund_at <= SOLE_FUND_REACH && money_in(st, cb, ce)) {
			obj.tok = i;
			obj.entry = st->sole_fund;
			ohow = "the text's one fund";
		}
	}
	if (obj.tok == SIZE_MAX && !obj.entry)
		return missed(st, doc, si, f, i, names_other(st, doc, &f->object, cb, ce, 0, 0) ?
		              "no object: the names in its clause are of other classes" : "no object: no name where the object stands");
	filler objs[MAX_ITEMS];
	/* "X en Y ontvangen elk …": a subject's list runs back from the name nearest the verb */
	size_t no = fill_list(st, doc, obj, cb, ce, &f->object,
	                      ohow && !strcmp(ohow, "subject") && obj.tok != SIZE_MAX && obj.tok < i, objs);
	/* "de landenfondsen (…), waaronder X en Y": a plural name's instances
	 * are objects too */
	if (no && objs[no - 1].tok != SIZE_MAX && !objs[no - 1].entry && t[objs[no - 1].tok].kind == T_NAME) {
		size_t k = objs[no - 1].tok + 1;
		if (k < ce && t[k].kind == T_PUNCT && st->lower.s[t[k].lb] == '(')
			while (k < ce && !(t[k].kind == T_PUNCT && st->lower.s[t[k].lb] == ')'))
				k++;
		k += k < ce && t[k].kind == T_PUNCT && st->lower.s[t[k].lb] == ')';
		size_t q = k < ce && t[k].kind == T_PUNCT && st->lower.s[t[k].lb] == ',' ? including(st, doc, &f->object, k, ce) : SIZE_MAX;
		if (q != SIZE_MAX) {
			size_t items[MAX_ITEMS];
			no = add_items(objs, no, items, list_from(st, doc, q, ce, &f->object, items));
		}
	}
	size_t te = ce;
	if (f->money != MONEY_FORBIDDEN && no && objs[no - 1].tok != SIZE_MAX)
		no = breakdown(st, doc, &f->object, objs[no - 1].tok > last ? objs[no - 1].tok : last, objs, no, &te);

	/* agent, if no preposition named it */
	skip = obj.entry ? SIZE_MAX : obj.tok;
	if (agent.tok == SIZE_MAX && (ag->at & AT_ADJECTIVE) && noun) {
		/* "de Ierse UNIFIL-militairen": past the name the trigger is glued to */
		size_t from = glued(doc, t, i) ? i - 1 : i;
		for (size_t k = from; k > cb && k + 3 > from; k--) {
			const token *p = &t[k - 1];
			if (p->kind == T_NAME) {
				if (mention_of(doc, p)->kind == KGX_M_WEAK && strcmp(mention_of(doc, p)->rule, KGX_RULE_PLACE) &&
				    fits(doc, p, ag) && k - 1 != skip) {
					agent.tok = k - 1;
					ahow = "adjective";
				}
				break;
			}
			if (p->kind != T_WORD)
				break;
		}
	}
	if (agent.tok == SIZE_MAX && (ag->at & AT_APPOSITION) && !obj.entry) {
		/* "De voorzitter van de commissie, Jansen": the name that closes the clause */
		size_t k = objs[no - 1].tok + 1, n = k + 1;
		/* ", de heer X, woonde …": a title before the name closes the
		 * apposition on its own, so a comma may follow it */
		while (n < ce && n < k + 3 && t[n].kind == T_WORD &&
		       (determiner(st, &t[n]) || (t[n].kinds & (W_TITLE | W_HONORIFIC))))
			n++;
		int titled = n > k + 1 && (t[n - 1].kinds & (W_TITLE | W_HONORIFIC));
		if (n < ce && t[k].kind == T_PUNCT && st->lower.s[t[k].lb] == ',' && t[n].kind == T_NAME &&
		    fits(doc, &t[n], ag) && (n == k + 1 || titled) &&
		    (n + 1 >= ce || (t[n + 1].kind == T_PUNCT && (st->lower.s[t[n + 1].lb] != ',' || titled)))) {
			agent.tok = n;
			ahow = "apposition";
		}
	}
	if (agent.tok == SIZE_MAX && (ag->at & AT_SUBJECT)) {
		agent.tok = subject(st, doc, ag, cb, ce, i, noun, skip, &agent_head);
		ahow = "subject";
	}
	/* "X levert geen troepen, maar betaalt mee aan Y": a verb right after
	 * "maar" or "en" shares the subject that opens the clause before */
	if (agent.tok == SIZE_MAX && (ag->at & AT_SUBJECT) && !noun && i == cb + 1 && cb >= 2 &&
	    (word_is(&t[cb], W_BUT) || word_is(&t[cb], W_AND)) && t[cb - 1].kind == T_PUNCT) {
		size_t pb = past_articles(st, t[cb - 1].cb, cb - 1);
		if (pb < cb - 1 && t[pb].kind == T_NAME && pb != skip && fits(doc, &t[pb], ag) &&
		    mention_of(doc, &t[pb])->kind == KGX_M_STRONG) {
			agent.tok = pb;
			ahow = "subject of the clause before";
		}
	}
	for (size_t k = 0; k < no && agent.tok != SIZE_MAX; k++)
		if (!agent.entry && !objs[k].entry && objs[k].tok == agent.tok)
			agent = NO_FILLER;
	/* "De operatie zal X ondersteunen": with no subject, or one that is an
	 * object, a noun that stands for an earlier name as the subject the
	 * clause opens with */
	if (agent.tok == SIZE_MAX && !agent.entry && ahow && !strcmp(ahow, "subject") && !noun && !passive &&
	    cb + 1 < i && determiner_or_demonstrative(st, &t[cb]) && (agent = anaphor(st, doc, ag, cb + 1, si)).entry)
		ahow = "subject anaphor";
	filler agents[MAX_ITEMS];
	size_t na = 0, n_main = 1, gap = SIZE_MAX;
	if (agent.tok == SIZE_MAX && giver_noun(st, ag, last + 1, until, ce, noun))
		return missed(st, doc, si, f, i, "no agent: the giver is a noun, not a name");
	if (agent.tok == SIZE_MAX) {
		if (!st->voice_on || f->voice == VOICE_NONE)
			return missed(st, doc, si, f, i, st->voice_on ? "no agent" : "no agent, and a debate has no voice");
		/* "(ik verwijs naar) mijn brief aan de voorzitter van X": a role
		 * after "aan" is whom the letter addresses, not what it does */
		if (noun && i >= 2 && determiner(st, &t[i - 1]) && tok_is(st, &t[i - 2], "aan") &&
		    (f->predicate == KGX_P_CHAIRS || f->predicate == KGX_P_MEMBEROF))
			return missed(st, doc, si, f, i, "no agent: the noun is addressed");
		if (!voiced(st, doc, cb, i, 0)) {
			if (f->voice != VOICE_ANY) {
				/* "stelt staatssecretaris X … beschikbaar": a minister of
				 * the voice's government says "wij" in the third person */
				if (noun)
					return missed(st, doc, si, f, i, "no agent");
				slot anyone = *ag;
				anyone.classes = KGX_C_PERSON;
				size_t who = subject(st, doc, &anyone, cb, ce, i, noun, skip, NULL);
				if (who == SIZE_MAX || t[who].kind != T_NAME ||
				    !voice_minister(st->fs, mention_of(doc, &t[who])->entry, voice_date(st, who)))
					return missed(st, doc, si, f, i, "no agent");
			} else {
				/* a nominalisation or a passive with no one named in its
				 * clause: the letter's own act; not one whose subject is a
				 * name of another class ("de EU stelt … beschikbaar", "de EU
				 * heeft haar steun uitgesproken") */
				slot anyone = *ag;
				anyone.classes = ~0u;
				size_t other = subject(st, doc, &anyone, cb, ce, i, noun, skip, NULL);
				/* "X (ABC) ontvangt": the name beside the object's acronym is the object */
				for (size_t k = 0; k < no && other != SIZE_MAX; k++)
					if (t[other].kind == T_NAME && objs[k].tok != SIZE_MAX && t[objs[k].tok].kind == T_NAME &&
					    mention_of(doc, &t[other])->entry == mention_of(doc, &t[objs[k].tok])->entry)
						other = SIZE_MAX;
				/* "minister X (Buitenlandse Zaken) trekt … uit": a minister of
				 * the voice's government spends its money; in an undated text,
				 * one whom a title calls minister now */
				if (other != SIZE_MAX && other < i && !(t[other].kind == T_NAME && f->predicate == KGX_P_FUNDS &&
				                                       voice_minister(st->fs, mention_of(doc, &t[other])->entry,
				                                                      voice_date(st, other))))
					return missed(st, doc, si, f, i, "a subject of another class");
				/* "Het fonds stelt landen in staat steun te leveren aan X":
				 * a clause that opens with a noun pointing back to a name
				 * has that name for its subject, not the voice */
				int opened = cb + 2 < i && determiner_or_demonstrative(st, &t[cb]) && t[cb + 1].kind == T_WORD &&
				             anaphor_classes(st, &t[cb + 1]);
				/* unless that noun is the frame's own object ("Het fonds
				 * ontvangt dit jaar 5 miljoen euro") */
				for (size_t k = 0; k < no && opened; k++)
					opened = objs[k].tok != cb + 1;
				if (opened)
					return missed(st, doc, si, f, i, "a subject of another class");
				/* "Ook zegde X 10 miljoen toe": a person right after the
				 * verb, in an inverted clause, is its subject; one who has
				 * been a minister of the voice's government spends its money */
				if (!noun && i > cb && i + 1 < ce && t[i + 1].kind == T_NAME &&
				    (mention_of(doc, &t[i + 1])->entry->classes & KGX_C_PERSON) && !fits(doc, &t[i + 1], &f->object) &&
				    !voice_minister(st->fs, mention_of(doc, &t[i + 1])->entry, VOICE_ANY_DATE))
					return missed(st, doc, si, f, i, "a subject of another class");
			}
			for (size_t k = cb; k < ce; k++)
				if (t[k].kind == T_NAME && k != skip && mention_of(doc, &t[k])->kind == KGX_M_STRONG &&
				    fits(doc, &t[k], ag) && !governed(st, k) &&
				    acting_for(st->fs, mention_of(doc, &t[k])->entry) != st->fs->voice)
					return missed(st, doc, si, f, i, "no agent in its place, and a name in the clause that could be one");
		}
		agents[0] = NO_FILLER;
		agents[0].entry = st->fs->voice;
		na = 1;
		ahow = "voice";
	} else {
		/* "X en Y, die … gaven": a relative clause's antecedent is read
		 * back to the start of its own clause */
		size_t acb = agent.tok != SIZE_MAX && agent.tok < cb ? t[agent.tok].cb : cb;
		na = fill_list(st, doc, agent, acb, ce, ag, !strcmp(ahow, "subject") && agent.tok < i && !agent_head, agents);
		n_main = na;
		na = co_agents(st, doc, ag, cb, ce, objs, no, agents, na);
		if (!strcmp(ahow, "subject") && agent.tok < i && na == n_main && no == 1)
			na = gapped_agents(st, doc, ag, &f->object, i, ce, objs, no, agents, na, &gap);
	}
	/* the negation of this statement: up to a few words past its trigger and
	 * object ("steunt X niet meer"), not a clause joined after it ("levert X
	 * en zal bezien of meer kan") */
	size_t stated = last;
	for (size_t k = 0; k < no; k++)
		if (objs[k].tok != SIZE_MAX && objs[k].tok > stated && objs[k].tok < ce)
			stated = objs[k].tok;
	for (size_t k = stated + 1; k < ce && k <= stated + 3 && t[k].kind != T_PUNCT && !word_is(&t[k], W_AND) &&
	                            !word_is(&t[k], W_BUT) && !tok_is(st, &t[k], "of");
	     k++)
		stated = k;
	/* ("Naast niet geoormerkte steun aan X draagt Y bij aan Z": a phrase a
	 * preposition opens the clause with, before its finite verb, negates
	 * nothing of the verb's) */
	uint32_t nbyte = cbyte;
	if (!noun && t[cb].kind == T_WORD && (t[cb].kinds & W_PREP))
		for (size_t k = cb + 1; k <= i; k++)
			if (k == i || (t[k].kind == T_WORD && (t[k].kinds & W_AUX))) {
				nbyte = t[k].b;
				break;
			}
	if (f->rule->negation && negated(st, doc, nbyte, stated + 1 < ce ? t[stated].e : cend))
		return missed(st, doc, si, f, i, "negated");
	return emit(st, doc, f, fo, i, agents, na, n_main, gap, ahow, objs, no, ohow, cb, te, sink, ctx);
}

/* Where the sentence says `phrase` ("vond … plaats"): its words in order,
 * each within MEET_GAP tokens of the one before and no relative between
 * ("vond dat X een plaats …" is another verb); the clause of its first
 * word, or -1. */
#define MEET_GAP 10
static int says(const kgx_frame_state *st, const char *phrase)
{
	const token *t = st->toks.data;
	for (size_t k0 = 0; k0 < st->toks.len; k0++) {
		const char *p = phrase;
		size_t k = k0, last = k0;
		while (*p && k < st->toks.len && k <= last + MEET_GAP) {
			const char *sp = strchr(p, ' ');
			size_t n = sp ? (size_t)(sp - p) : strlen(p);
			if (t[k].kind == T_WORD && t[k].e - t[k].b == n && !memcmp(low(st, &t[k]), p, n)) {
				p += n;
				while (*p == ' ')
					p++;
				last = k;
			} else if (p == phrase || (t[k].kinds & W_RELATIVE)) {
				break;
			}
			k++;
		}
		if (!*p)
			return t[k0].clause;
	}
	return -1;
}

/* Remember the sentence's strong mentions for the anaphors of the next. */
static void remember(kgx_frame_state *st, const kgx_doc *doc, uint32_t si, size_t m0, size_t m1)
{
	const kgx_mention *ms = doc->mentions.data;
	/* "Op 3 mei vond de Raad X plaats in Brussel, in aanwezigheid van Y":
	 * what took place is the meeting the next sentences take part in,
	 * not the last name of its class (the tokens are this sentence's) */
	int met = 0, clause = -1;
	const token *t = st->toks.data;
	for (size_t k = 0; k < st->toks.len && !met; k++)
		met = (t[k].kinds & W_MEET) != 0;
	for (size_t w = 0; met && w < st->fs->n_meeting_verbs && clause < 0; w++)
		clause = says(st, st->fs->meeting_verbs[w]);
	/* the first body or event of the clause that says it: its subject */
	for (size_t k = 0; clause >= 0 && k < st->toks.len; k++) {
		const kgx_mention *mm = t[k].kind == T_NAME ? mention_of(doc, &t[k]) : NULL;
		if (mm && t[k].clause == clause && mm->kind == KGX_M_STRONG && mm->outer == KGX_NO_MENTION &&
		    !modifier(doc, &t[k]) && (mm->entry->classes & (KGX_C_EVENT | KGX_C_ORGANISATION | KGX_C_UNBODY))) {
			st->meeting.entry = mm->entry;
			st->meeting.sentence = si;
			break;
		}
	}
	for (size_t m = m0; m < m1; m++) {
		if (ms[m].kind != KGX_M_STRONG || ms[m].outer != KGX_NO_MENTION ||
		    modifier_span(doc, ms[m].span.begin, ms[m].span.end) || source_of_money(st->fs, doc, ms[m].span.begin))
			continue;
		st->seq++;
		if ((ms[m].entry->classes & KGX_C_FUND) && ms[m].entry != st->sole_fund) {
			st->funds_named += st->funds_named < 2;
			st->sole_fund = ms[m].entry;
		}
		if (ms[m].entry == st->sole_fund)
			st->sole_fund_at = si;
		for (int c = 0; c < KGX_NCLASSES; c++)
			if (ms[m].entry->classes & (1u << c)) {
				st->last[c].entry = ms[m].entry;
				st->last[c].sentence = si;
				st->last[c].seq = st->seq;
			}
	}
}

/* "De bijeenkomst vond online plaats": a noun that stands for a name keeps
 * that name as recent as this sentence, for the sentences after it. One
 * that opens the sentence is its topic, which outranks the names said
 * after it ("Het fonds, dat door X wordt beheerd, …"): the classes it
 * stands for are returned, for remember() to make the latest. */
static unsigned refresh(kgx_frame_state *st, uint32_t si)
{
	unsigned topic = 0;
	const token *t = st->toks.data;
	for (size_t j = 1; j < st->toks.len; j++) {
		if (t[j].kind != T_WORD || !determiner_or_demonstrative(st, &t[j - 1]) ||
		    (j + 1 < st->toks.len && (t[j + 1].kind == T_NAME || word_is(&t[j + 1], W_OF))))
			continue;
		unsigned classes = anaphor_classes(st, &t[j]);
		if ((classes & KGX_C_FUND) && st->funds_named == 1)
			st->sole_fund_at = si;
		for (int c = 0; classes && c < KGX_NCLASSES; c++)
			if ((classes & (1u << c)) && st->last[c].entry && st->last[c].sentence < si) {
				st->last[c].sentence = si;
				if (j == 1)
					topic |= 1u << c;
			}
	}
	return topic;
}

/* "Het CERF is een fonds van de VN": a sentence that opens by saying
 * what a name is, is about that name, not about the owner its noun
 * names. The name's entry, or NULL. */
static const kgx_entry *defined(const kgx_frame_state *st, const kgx_doc *doc)
{
	const token *t = st->toks.data;
	size_t k = 0;
	while (k < st->toks.len && word_is(&t[k], W_DEFINITE))
		k++;
	if (k + 1 >= st->toks.len || t[k].kind != T_NAME || !word_is(&t[k + 1], W_COPULA) ||
	    mention_of(doc, &t[k])->kind != KGX_M_STRONG || modifier(doc, &t[k]))
		return NULL;
	return mention_of(doc, &t[k])->entry;
}

/* Whether s[0..n) holds a digit. */
static int has_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	return 0;
}

kgx_status kgx_frames_sentence(kgx_frame_state *st, kgx_doc *doc, uint32_t si, size_t m0, size_t m1,
                               kgx_frame_sink sink, void *ctx)
{
	const kgx_frames *fs = st->fs;
	if (!fs || !fs->trigger_list.len)
		return KGX_OK;
	const kgx_sentence *s = &KGX_VEC_AT(&doc->sentences, kgx_sentence, si);
	st->si = si;
	kgx_status rc = tokenize(st, doc, s, m0, m1);
	st->defined = rc == KGX_OK ? defined(st, doc) : NULL;
	int amounts_done = 0;
	if (rc == KGX_OK && st->list.frame) {
		rc = list_items(st, doc, si, sink, ctx);
		amounts_done = 1;
	}
	if (rc == KGX_OK && st->table.frame && si > st->table.heading)
		rc = table_rows(st, doc, si, sink, ctx);
	/* the classes named in this sentence or the two before, which a
	 * pronominal adverb can still point to */
	unsigned near = 0;
	const kgx_mention *ms = doc->mentions.data;
	for (size_t m = m0; m < m1; m++)
		near |= ms[m].entry->classes;
	for (int c = 0; c < KGX_NCLASSES; c++)
		if (st->last[c].entry && st->last[c].sentence + 2 >= si)
			near |= 1u << c;
	for (size_t i = 0; rc == KGX_OK && i < st->toks.len; i++) {
		const token *t = &KGX_VEC_AT(&st->toks, token, i);
		if (t->kind != T_WORD)
			continue;
		const char *w = low(st, t);
		size_t wn = t->e - t->b;
		uint64_t h = word_hash(w, wn);
		for (uint32_t cur, k = kgx_index_find(&fs->triggers, h, &cur); rc == KGX_OK && k != KGX_INDEX_END;
		     k = kgx_index_again(&fs->triggers, h, &cur)) {
			const trigger *tr = &KGX_VEC_AT(&fs->trigger_list, trigger, k);
			const char *w0 = tr->form->words[0];
			if (strlen(w0) != wn || memcmp(w0, w, wn))
				continue;
			/* "te geven", "uit te trekken": most forms that open with a
			 * common word fail on the next one, which costs less to see
			 * here than in try_frame */
			if (tr->form->n_words > 1 && !tr->form->gap[1] &&
			    (i + 1 >= st->toks.len || !tok_is(st, &KGX_VEC_AT(&st->toks, token, i + 1), tr->form->words[1])))
				continue;
			/* (--explain still says why such a trigger gave nothing) */
			if (!tr->frame->named_elsewhere && !(tr->frame->object.classes & near) && !doc->explain)
				continue;
			if (!amounts_done) {
				if ((rc = find_amounts(st, doc, s)) != KGX_OK)
					break;
				amounts_done = 1;
			}
			rc = try_frame(st, doc, si, tr->frame, tr->form, i, sink, ctx);
		}
	}
	/* the next two sentences may point back to the one sum of this one;
	 * amounts are looked for only in sentences with a trigger, and one
	 * without a figure states none that could come between */
	if (amounts_done && st->amounts.len == 1) {
		st->sole_sum = KGX_VEC_AT(&st->amounts, amount, 0);
		st->sole_sum_si = si;
	} else if (amounts_done ? st->amounts.len > 1
	                        : has_digit(doc->text + s->span.begin, s->span.end - s->span.begin)) {
		st->sole_sum_si = UINT32_MAX;
	}
	unsigned topic = refresh(st, si);
	remember(st, doc, si, m0, m1);
	const kgx_entry *subject = st->defined;
	for (int c = 0; subject && c < KGX_NCLASSES; c++)
		if (subject->classes & (1u << c)) {
			st->last[c].entry = subject;
			st->last[c].sentence = si;
			topic |= 1u << c;
		}
	for (int c = 0; topic && c < KGX_NCLASSES; c++)
		if ((topic & (1u << c)) && st->last[c].sentence == si)
			st->last[c].seq = ++st->seq;
	return rc;
}
