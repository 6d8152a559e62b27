/* kgx_rules: loading, expanding and compiling pattern rules. */
#include "kgx_test.h"
#include "rules.h"

#include <time.h>

static const char kb[] =
	"[netherlands]\nclass = Country\nnl = Nederland\n\n"
	"[un-peacebuilding-fund]\nclass = Fund\nen = Peacebuilding Fund\n";

static const char good[] =
	"[@macros]\n"
	"GAP = [^.]{0,40}?\n"
	"\n"
	"[@abbreviations]\n"
	"abbr = nr. o.a.\n"
	"\n"
	"[@amount]\n"
	"pattern = (?<num>\\d+(?:,\\d+)?)\\s*(?<mult>miljoen)?\\s*(?<cur>euro)\n"
	"multiplier = miljoen 1000000\n"
	"currency = euro EUR\n"
	"\n"
	"[@settings]\n"
	"negation = \\bniet\\b\n"
	"\n"
	"[country-funds]\n"
	"kind = relation\n"
	"priority = 70\n"
	"note = a country pays into a fund\n"
	"pattern = {s:Country}{GAP}\\bfinanciert\\b{GAP}\n"
	"  {o:Fund|UNBody}\n"
	"emit = funds s o\n"
	"fires = Nederland financiert het Peacebuilding Fund.\n"
	"silent = Nederland financiert het Peacebuilding Fund niet meer.\n"
	"\n"
	"[fund-list]\n"
	"kind = relation\n"
	"negation = off\n"
	"amounts = off\n"
	"pattern = {s:Country} steunt {o+:Fund}\n"
	"emit = supports s o\n"
	"emit = funds s =un-peacebuilding-fund\n"
	"\n"
	"[acronym]\n"
	"kind = entity\n"
	"scope = document\n"
	"pattern = (?<long>[A-Z][a-z]+ [A-Z][a-z]+) \\((?<short>[A-Z]{2,})\\)\n"
	"create.long = auto\n"
	"alias.long = short\n"
	"\n"
	"[is-fund]\n"
	"kind = classify\n"
	"class = Fund\n"
	"pattern = \\bfund\\b\n"
	"\n"
	"[date]\n"
	"kind = meta\n"
	"field = date\n"
	"pattern = (?<value>\\d{1,2} (?:januari|februari) \\d{4})\n";

static kgx_rules *r;

static int quiet(void **state)
{
	(void)state;
	kgx_diag_quiet(1);
	return 0;
}

static int release(void **state)
{
	(void)state;
	kgx_rules_free(r);
	r = NULL;
	return 0;
}

/* Load kb and patterns into a fresh rule set; the load status. */
static kgx_status load(const char *patterns)
{
	r = kgx_rules_new();
	assert_non_null(r);
	assert_int_equal(kgx_kb_load_text(kgx_rules_kb(r), "t.kb", kb, strlen(kb)), KGX_OK);
	return kgx_rules_load_patterns(r, "t.rules", patterns, strlen(patterns));
}

static const kgx_rule *rule(const char *id)
{
	for (size_t i = 0; i < kgx_rules_count(r); i++)
		if (!strcmp(kgx_rules_get(r, i)->id, id))
			return kgx_rules_get(r, i);
	fail_msg("no rule '%s'", id);
	return NULL;
}

static void test_good_rules(void **state)
{
	(void)state;
	assert_int_equal(load(good), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_OK);
	assert_int_equal(kgx_rules_count(r), 5);
	assert_null(kgx_rules_get(r, 5));

	const kgx_rule *cf = rule("country-funds");
	assert_int_equal(cf->kind, KGX_RULE_RELATION);
	assert_int_equal(cf->priority, 70);
	assert_true(cf->negation);
	assert_true(cf->amounts);
	assert_non_null(cf->code);
	assert_int_equal(cf->n_roles, 2);
	assert_string_equal(cf->roles[0].name, "s");
	assert_int_equal(cf->roles[0].classes, KGX_C_COUNTRY);
	assert_string_equal(cf->roles[1].name, "o");
	assert_int_equal(cf->roles[1].classes, KGX_C_FUND | KGX_C_UNBODY);
	assert_int_equal(cf->n_emits, 1);
	assert_int_equal(cf->emits[0].predicate, KGX_P_FUNDS);
	assert_int_equal(cf->n_fires, 1);
	assert_int_equal(cf->n_silent, 1);
	/* continuation line joined, macro and placeholders expanded */
	assert_non_null(strstr(cf->source, "{GAP}\\bfinanciert\\b{GAP}{o:Fund|UNBody}"));
	assert_non_null(strstr(cf->expanded, "(?<s>"));
	assert_non_null(strstr(cf->expanded, "(?:[^.]{0,40}?)"));
	assert_null(strstr(cf->expanded, "{GAP}"));
	assert_string_equal(cf->loc.file, "t.rules");
	assert_int_equal(cf->loc.line, 15);

	const kgx_rule *fl = rule("fund-list");
	assert_false(fl->negation);
	assert_false(fl->amounts);
	assert_int_equal(fl->priority, 50);  /* the default */
	assert_true(fl->roles[1].list);
	assert_int_equal(fl->n_emits, 2);
	assert_string_equal(fl->emits[1].o, "=un-peacebuilding-fund");

	const kgx_rule *ac = rule("acronym");
	assert_int_equal(ac->kind, KGX_RULE_ENTITY);
	assert_true(ac->document_scope);
	assert_int_equal(ac->n_creates, 1);
	assert_string_equal(ac->creates[0].name, "long");
	assert_int_equal(ac->creates[0].classes, 0);  /* auto */
	assert_string_equal(ac->creates[0].alias_of, "short");

	assert_int_equal(rule("is-fund")->classify_as, KGX_C_FUND);
	assert_string_equal(rule("date")->meta_field, "date");

	/* settings */
	assert_non_null(kgx_rules_negation(r));
	assert_non_null(kgx_rules_amount(r));
	assert_true(kgx_rules_multiplier(r, "miljoen", 7) == 1e6);
	assert_true(kgx_rules_multiplier(r, "MILJOEN", 7) == 1e6);
	assert_true(kgx_rules_multiplier(r, "miljard", 7) == 0);
	assert_string_equal(kgx_rules_currency(r, "euro", 4), "EUR");
	assert_null(kgx_rules_currency(r, "yen", 3));
	assert_non_null(kgx_rules_abbrevs(r));
}

static void test_compiled_pattern_matches(void **state)
{
	(void)state;
	assert_int_equal(load(good), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_OK);
	const kgx_rule *cf = rule("country-funds");
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(cf->code, NULL);
	assert_non_null(md);
	/* a masked sentence, as the relation pass builds it */
	static const char masked[] = "\xEE\x80\x80" "Country\xEE\x80\x81" "0\xEE\x80\x82 financiert het "
	                             "\xEE\x80\x80" "Fund\xEE\x80\x81" "1\xEE\x80\x82.";
	kgx_limits hits = {0};
	assert_true(kgx_rules_match(r, cf->code, masked, strlen(masked), 0, md, &hits, "test") > 0);
	/* a class the placeholder does not take */
	static const char wrong[] = "\xEE\x80\x80" "Person\xEE\x80\x81" "0\xEE\x80\x82 financiert het "
	                            "\xEE\x80\x80" "Fund\xEE\x80\x81" "1\xEE\x80\x82.";
	assert_int_equal(kgx_rules_match(r, cf->code, wrong, strlen(wrong), 0, md, &hits, "test"), PCRE2_ERROR_NOMATCH);
	assert_int_equal(hits.hits, 0);
	pcre2_match_data_free(md);
}

static void test_pattern_does_not_compile(void **state)
{
	(void)state;
	assert_int_equal(load("[broken]\nkind = entity\npattern = (?<x>unclosed\ncreate.x = Person\n"), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_ERR_RULE);
	release(NULL);
	/* also after placeholder expansion, and in the settings */
	assert_int_equal(load("[b2]\nkind = relation\npattern = {s:Country} [z-a] {o:Fund}\nemit = funds s o\n"), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_ERR_RULE);
	release(NULL);
	assert_int_equal(load("[@settings]\nnegation = (niet\n"), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_ERR_RULE);
	release(NULL);
	assert_int_equal(load("[@amount]\npattern = \\d+(\n"), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_ERR_RULE);
}

static void test_unknown_key(void **state)
{
	(void)state;
	assert_int_equal(load("[r]\nkind = entity\npatern = x\n"), KGX_ERR_SYNTAX);
	release(NULL);
	assert_int_equal(load("[@settings]\nnegatoin = niet\n"), KGX_ERR_SYNTAX);
	release(NULL);
	assert_int_equal(load("[@bogus]\n"), KGX_ERR_SYNTAX);
}

static void test_emit_unknown_role(void **state)
{
	(void)state;
	assert_int_equal(load("[r]\nkind = relation\npattern = {s:Country} financiert {o:Fund}\n"
	                      "emit = funds s x\n"), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_ERR_RULE);
	release(NULL);
	/* "=id" must name a knowledge-base entry */
	assert_int_equal(load("[r]\nkind = relation\npattern = {s:Country} financiert\n"
	                      "emit = funds s =no-such-fund\n"), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_ERR_RULE);
	release(NULL);
	/* 'doc' is always known */
	assert_int_equal(load("[r]\nkind = relation\npattern = {o:Country}\nemit = supports doc o\n"), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_OK);
}

static void test_invalid_rules(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		kgx_status load, compile;  /* compile is checked only when load is OK */
	} cases[] = {
		{"[r]\nkind = relation\npattern = {s:Country}\n", KGX_ERR_RULE, 0},           /* no emit */
		{"[r]\nkind = entity\n", KGX_ERR_RULE, 0},                                    /* no pattern */
		{"[r]\nkind = classify\npattern = x\n", KGX_ERR_RULE, 0},                     /* no class */
		{"[r]\nkind = meta\npattern = x\n", KGX_ERR_RULE, 0},                         /* no field */
		{"[r]\nkind = sometimes\npattern = x\n", KGX_ERR_SYNTAX, 0},
		{"[r]\nkind = entity\nscope = page\npattern = x\n", KGX_ERR_SYNTAX, 0},
		{"[r]\nkind = entity\npriority = high\npattern = x\n", KGX_ERR_SYNTAX, 0},
		{"[r]\nkind = entity\npriority = 1001\npattern = x\n", KGX_ERR_SYNTAX, 0},
		{"[r]\nkind = entity\nnegation = maybe\npattern = x\n", KGX_ERR_SYNTAX, 0},
		{"[r]\nkind = entity\npattern = x\npattern = y\n", KGX_ERR_SYNTAX, 0},
		{"[r]\nkind = relation\npattern = x\nemit = pays s o\n", KGX_ERR_SYNTAX, 0},  /* predicate */
		{"[r]\nkind = relation\npattern = x\nemit = funds s\n", KGX_ERR_SYNTAX, 0},
		{"[r]\nkind = classify\nclass = Planet\npattern = x\n", KGX_ERR_RULE, 0},
		{"[r]\nkind = entity\npattern = (?<x>y)\ncreate.x = Planet\n", KGX_ERR_RULE, 0},
		{"[r]\nkind = entity\npattern = x\n\n[r]\nkind = entity\npattern = y\n", KGX_ERR_RULE, 0},
		{"[@macros]\nlower = x\n", KGX_ERR_SYNTAX, 0},
		{"[@amount]\nmultiplier = miljoen\n", KGX_ERR_SYNTAX, 0},
		{"[@amount]\ncurrency = euro EURO\n", KGX_ERR_SYNTAX, 0},
		{"[@settings]\nlist-qualifier = (van\n", KGX_OK, KGX_ERR_RULE},
		{"[@settings]\nlist-qualifiers = van\n", KGX_ERR_SYNTAX, 0},
		/* well formed, invalid at compile time */
		{"[r]\nkind = relation\npattern = {s:Planet} x {o}\nemit = funds s o\n", KGX_OK, KGX_ERR_RULE},
		{"[r]\nkind = relation\npattern = {s:Country} {NOSUCHMACRO} {o}\nemit = funds s o\n", KGX_OK,
		 KGX_ERR_RULE},
		{"[@macros]\nLOOP = a{LOOP}\n\n[r]\nkind = entity\npattern = {LOOP}\n", KGX_OK, KGX_ERR_RULE},
		{"[r]\nkind = entity\npattern = (?<x>y)\ncreate.z = Person\n", KGX_OK, KGX_ERR_RULE},
		/* name templates: braces must hold a group name, and the group must exist */
		{"[r]\nkind = entity\npattern = (?<x>y)\nname.x = a {x\ncreate.x = Person\n", KGX_ERR_SYNTAX, 0},
		{"[r]\nkind = entity\npattern = (?<x>y)\nname.x = a {X}\ncreate.x = Person\n", KGX_ERR_SYNTAX, 0},
		{"[r]\nkind = entity\npattern = (?<x>y)\nname.x = a {z}\ncreate.x = Person\n", KGX_OK, KGX_ERR_RULE},
		{"[r]\nkind = entity\npattern = (?<x>y)(?<z>w)?\nname.x = a {z} {x}\ncreate.x = Person\n", KGX_OK,
		 KGX_OK},
		/* a frame's lemma needs its verb's paradigm, which has five parts */
		{"[@frames]\nparadigm = geven geeft gaf gaven gegeven\n\n[f]\nkind = frame\npredicate = funds\n"
		 "lemma = vrij+maken\nagent = Country\nagent-at = subject\nobject = Fund\nobject-at = aan\n",
		 KGX_OK, KGX_ERR_RULE},
		{"[@frames]\nparadigm = geven geeft gaf gegeven\n", KGX_ERR_SYNTAX, 0},
		{"[@frames]\nparadigm = geven geeft gaf gaven gegeven\n\n[f]\nkind = frame\npredicate = funds\n"
		 "lemma = door+geven\nagent = Country\nagent-at = subject\nobject = Fund\nobject-at = aan\n",
		 KGX_OK, KGX_OK},
		/* needs = {MACRO}: a word-list macro */
		{"[r]\nkind = entity\nneeds = {ROLE}\npattern = (?<x>y)\ncreate.x = Person\n", KGX_OK, KGX_ERR_RULE},
		{"[@macros]\nROLE = (?:a|b)\n\n[r]\nkind = entity\nneeds = {ROLE}\npattern = (?<x>y)\ncreate.x = Person\n",
		 KGX_OK, KGX_ERR_RULE},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		kgx_status st = load(cases[i].text);
		if (st != cases[i].load)
			fail_msg("case %zu: load gave %s, want %s:\n%s", i, kgx_strerror(st),
			         kgx_strerror(cases[i].load), cases[i].text);
		if (st == KGX_OK && (st = kgx_rules_compile(r, 1)) != cases[i].compile)
			fail_msg("case %zu: compile gave %s, want %s:\n%s", i, kgx_strerror(st),
			         kgx_strerror(cases[i].compile), cases[i].text);
		release(NULL);
	}
}

static void test_backtracking_limit(void **state)
{
	(void)state;
	assert_int_equal(load("[evil]\nkind = entity\npattern = (a+)+$\n"), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_OK);
	const kgx_rule *ru = rule("evil");
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(ru->code, NULL);
	assert_non_null(md);
	static const char s[] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaab";
	kgx_limits hits = {0};
	time_t t0 = time(NULL);
	assert_int_equal(kgx_rules_match(r, ru->code, s, strlen(s), 0, md, &hits, ru->id), PCRE2_ERROR_NOMATCH);
	assert_int_equal(hits.hits, 1);
	assert_string_equal(hits.first_rule, "evil");
	assert_true(time(NULL) - t0 < 10);
	/* the counter is optional */
	assert_int_equal(kgx_rules_match(r, ru->code, s, strlen(s), 0, md, NULL, "test"), PCRE2_ERROR_NOMATCH);
	/* a plain no-match is not a limit hit */
	assert_int_equal(kgx_rules_match(r, ru->code, "bbb", 3, 0, md, &hits, "test"), PCRE2_ERROR_NOMATCH);
	assert_int_equal(hits.hits, 1);
	assert_true(kgx_rules_match(r, ru->code, "xaaa", 4, 0, md, &hits, "test") > 0);
	pcre2_match_data_free(md);
}

/* A position that hits the limit is passed over, not the whole subject: the
 * match after it is still found. */
static void test_limit_keeps_later_matches(void **state)
{
	(void)state;
	assert_int_equal(load("[evil]\nkind = entity\npattern = (a+)+$|(?<z>zz)\n"), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_OK);
	const kgx_rule *ru = rule("evil");
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(ru->code, NULL);
	assert_non_null(md);
	static const char s[] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaab en dan zz";
	kgx_limits hits = {0};
	assert_true(kgx_rules_match(r, ru->code, s, strlen(s), 0, md, &hits, ru->id) > 0);
	assert_int_equal(pcre2_get_ovector_pointer(md)[0], strlen(s) - 2);
	assert_int_equal(hits.hits, 1);
	assert_string_equal(hits.first_rule, "evil");
	pcre2_match_data_free(md);
}

/* The limit per position falls with the subject's length, so a pattern that
 * stays under the full limit at every one of 4000 positions (costing
 * thousands of times the limit, with no warning) is stopped and reported. */



#define RUN 17  /* a's and a space: (a+)+$ costs JIT about 2^RUN steps at a run's start */
static void test_limit_per_subject(void **state)
{
	(void)state;
	assert_int_equal(load("[slow]\nkind = entity\npattern = (a+)+$\n"), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_OK);
	const kgx_rule *ru = rule("slow");
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(ru->code, NULL);
	assert_non_null(md);
	char s[4001];
	for (size_t i = 0; i < 4000; i++)
		s[i] = i % RUN == RUN - 1 ? ' ' : 'a';
	s[3999] = ' ';
	s[4000] = '\0';
	kgx_limits hits = {0};
	assert_int_equal(kgx_rules_match(r, ru->code, s, 4000, 0, md, &hits, ru->id), PCRE2_ERROR_NOMATCH);
	assert_int_equal(hits.hits, 1);
	/* one run alone is under the full limit */
	hits.hits = 0;
	assert_int_equal(kgx_rules_match(r, ru->code, s, RUN, 0, md, &hits, ru->id), PCRE2_ERROR_NOMATCH);
	assert_int_equal(hits.hits, 0);
	pcre2_match_data_free(md);
}

/* An emit may name a knowledge-base id of any length ("=" then the id): 35
 * shipped ids have 32 bytes or more. */
static void test_emit_long_id(void **state)
{
	(void)state;
	static const char id[] = "office-of-the-special-envoy-for-the-great-lakes-region";
	kgx_rules *lr = kgx_rules_new();
	assert_non_null(lr);
	kgx_buf b = {0};
	kgx_buf_printf(&b, "[netherlands]\nclass = Country\nnl = Nederland\n\n[%s]\nclass = UNBody\nnl = Bureau\n", id);
	assert_int_equal(kgx_kb_load_text(kgx_rules_kb(lr), "t.kb", b.s, b.len), KGX_OK);
	b.len = 0;
	kgx_buf_printf(&b, "[r]\nkind = relation\npattern = {s:Country} steunt\nemit = supports s =%s\n", id);
	assert_int_equal(kgx_rules_load_patterns(lr, "t.rules", b.s, b.len), KGX_OK);
	kgx_buf_free(&b);
	assert_int_equal(kgx_rules_compile(lr, 1), KGX_OK);
	kgx_doc doc;
	t_run(&doc, lr, "long.txt", "Nederland steunt dat.\n");
	assert_non_null(t_relation(&doc, "netherlands", KGX_P_SUPPORTS, id));
	kgx_doc_release(&doc);
	kgx_rules_free(lr);
}

/* A classify rule has one class; no rules at all is an error, not a run
 * that finds nothing. */
static void test_second_class_and_no_rules(void **state)
{
	(void)state;
	assert_int_equal(load("[c]\nkind = classify\nclass = Fund\nclass = Mission\npattern = x\n"), KGX_ERR_SYNTAX);
	release(NULL);
	kgx_rules *empty = kgx_rules_new();
	assert_non_null(empty);
	assert_int_equal(kgx_rules_compile(empty, 1), KGX_ERR_RULE);
	/* macros and settings alone are no rules either */
	assert_int_equal(kgx_rules_load_patterns(empty, "t.rules", "[@macros]\nX = y\n", 15), KGX_OK);
	assert_int_equal(kgx_rules_compile(empty, 1), KGX_ERR_RULE);
	kgx_rules_free(empty);
}

static void test_strict_link(void **state)
{
	(void)state;
	r = kgx_rules_new();
	assert_non_null(r);
	static const char dangling[] = "[f]\nclass = Fund\nen = F\npart-of = nowhere\n";
	assert_int_equal(kgx_kb_load_text(kgx_rules_kb(r), "t.kb", dangling, strlen(dangling)), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_ERR_RULE);
	release(NULL);
	r = kgx_rules_new();
	assert_int_equal(kgx_kb_load_text(kgx_rules_kb(r), "t.kb", dangling, strlen(dangling)), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 0), KGX_OK);
}

/* The needs test: a rule runs when its text holds one of its words, as a
 * substring of the lower-cased text; the byte-pair filter only skips the
 * search when a pair is missing. */
static void test_needs(void **state)
{
	(void)state;
	static const char rules[] =
		"[steun]\nkind = entity\nneeds = steun|bijdra\npattern = (?<n>\\w+)\ncreate.n = Organisation\n\n"
		"[paren]\nkind = entity\nneeds = (\npattern = \\((?<n>[A-Z]+)\\)\ncreate.n = Organisation\n\n"
		"[always]\nkind = entity\npattern = (?<n>X\\w+)\ncreate.n = Organisation\n\n"
		"[role]\nkind = entity\nneeds = eerst|{ROLE}\npattern = (?<n>X\\w+)\ncreate.n = Organisation\n\n"
		"[@macros]\nROLE = Gezant|voorzitter|president|premier|minister|rapporteur|aanklager|\n  kolonel\n";
	assert_int_equal(load(rules), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_OK);
	const kgx_rule *steun = rule("steun"), *paren = rule("paren"), *always = rule("always");
	kgx_needs n;
	assert_int_equal(kgx_needs_init(&n, r), KGX_OK);
	static const struct {
		const char *text;
		int steun, paren;
	} cases[] = {
		{"nederland ondersteunt het fonds.", 1, 0},  /* inside a word */
		{"een bijdrage (zie bijlage).", 1, 1},        /* the second word; one byte */
		{"de stenen tuin en unie.", 0, 0},           /* every pair of "steun" but "eu" */
		{"een steu n en teun en eun.", 0, 0},         /* every pair of "steun", not the word */
		{"", 0, 0},
		{"steun", 1, 0},                              /* the whole text */
	};
	/* the macro's words, lower-cased, after the rule's own */
	const kgx_rule *role = rule("role");
	assert_int_equal(role->n_needs, 9);
	assert_string_equal(role->needs[0], "eerst");
	assert_string_equal(role->needs[1], "gezant");
	assert_string_equal(role->needs[8], "kolonel");
	assert_int_equal(kgx_needs_set(&n, "De VN-gezant", 12), KGX_OK);  /* ASCII case ignored */
	assert_true(kgx_rules_may_match(r, role, &n));
	assert_int_equal(kgx_needs_set(&n, "de gezanten", 11), KGX_OK);
	assert_true(kgx_rules_may_match(r, role, &n));
	assert_int_equal(kgx_needs_set(&n, "de generaal", 11), KGX_OK);
	assert_false(kgx_rules_may_match(r, role, &n));
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_int_equal(kgx_needs_set(&n, cases[i].text, strlen(cases[i].text)), KGX_OK);
		/* asked twice: the second answer comes from the memo */
		for (int k = 0; k < 2; k++) {
			if (kgx_rules_may_match(r, steun, &n) != cases[i].steun)
				fail_msg("'%s': steun %d", cases[i].text, !cases[i].steun);
			if (kgx_rules_may_match(r, paren, &n) != cases[i].paren)
				fail_msg("'%s': ( %d", cases[i].text, !cases[i].paren);
			assert_true(kgx_rules_may_match(r, always, &n));
		}
	}
	kgx_needs_free(&n);
	kgx_needs_free(&n);  /* twice is harmless */
}

/* Words a pattern cannot match without, read off it: each group is tested
 * as needs words are; optional parts, lookarounds and branches that end in
 * (*FAIL) require nothing, 'k' and 's' end a word (caseless UTF matching
 * takes U+212A and U+017F for them), and a pattern the reader does not
 * know (a back reference) requires nothing. */
static void test_required_words(void **state)
{
	(void)state;
	static const char rules[] =
		"[two]\nkind = entity\npattern = \\b(?:helpt|geeft)\\s+(?<n>\\w+)(?:[ ]extra)?\\s+(?:via|door) het fonds\ncreate.n = Organisation\n\n"
		"[fail]\nkind = entity\npattern = (?:\\b(?<n>Unicef)\\b|\\w++(*SKIP)(*FAIL))\ncreate.n = Organisation\n\n"
		"[look]\nkind = entity\npattern = (?<=bij )(?<n>\\w+)(?= zelf)\ncreate.n = Organisation\n\n"
		"[ks]\nkind = entity\npattern = (?<n>kastelein)\ncreate.n = Organisation\n\n"
		"[backref]\nkind = entity\npattern = (?<n>abc)\\s+\\1xyz\ncreate.n = Organisation\n";
	assert_int_equal(load(rules), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_OK);
	const kgx_rule *two = rule("two"), *fail = rule("fail"), *look = rule("look"), *ks = rule("ks"),
	               *backref = rule("backref");
	assert_int_equal(two->n_req, 3);  /* helpt|geeft, via|door, " het fond" */
	assert_int_equal(fail->n_req, 1);
	assert_int_equal(look->n_req, 0);
	assert_int_equal(ks->n_req, 1);   /* "telein" */
	assert_int_equal(backref->n_req, 0);
	static const struct {
		const char *text;
		int two, fail, ks;
	} cases[] = {
		{"Zij helpt X via het fonds.", 1, 0, 0},
		{"Zij geeft X extra door HET FONDS.", 1, 0, 0},
		{"Zij helpt X via het plan.", 0, 0, 0},
		{"Zij helpt X met het fonds.", 0, 0, 0},
		{"Unicef en een kastelein", 0, 1, 1},
		{"een \xE2\x84\xAA" "a\xC5\xBFtelein", 0, 0, 1},  /* Kelvin sign, long s */
	};
	kgx_needs n;
	assert_int_equal(kgx_needs_init(&n, r), KGX_OK);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_int_equal(kgx_needs_set(&n, cases[i].text, strlen(cases[i].text)), KGX_OK);
		if (kgx_rules_may_match(r, two, &n) != cases[i].two)
			fail_msg("'%s': two %d", cases[i].text, !cases[i].two);
		if (kgx_rules_may_match(r, fail, &n) != cases[i].fail)
			fail_msg("'%s': fail %d", cases[i].text, !cases[i].fail);
		if (kgx_rules_may_match(r, ks, &n) != cases[i].ks)
			fail_msg("'%s': ks %d", cases[i].text, !cases[i].ks);
		assert_true(kgx_rules_may_match(r, look, &n));
		assert_true(kgx_rules_may_match(r, backref, &n));
	}
	kgx_needs_free(&n);
}

/* Needs words inside one another, found in one pass: a word that ends
 * where a longer one ends ("eun" in "steun"), one that ends before the
 * longer one fails ("ste" in "stes"), words longer than the automaton's
 * heads whose rest does or does not follow, and a word met a second time. */
static void test_needs_overlap(void **state)
{
	(void)state;
	static const char rules[] =
		"[a]\nkind = entity\nneeds = steun\npattern = (?<n>X\\w+)\ncreate.n = Organisation\n\n"
		"[b]\nkind = entity\nneeds = eun\npattern = (?<n>X\\w+)\ncreate.n = Organisation\n\n"
		"[c]\nkind = entity\nneeds = ste\npattern = (?<n>X\\w+)\ncreate.n = Organisation\n\n"
		"[d]\nkind = entity\nneeds = stes|ondersteunen\npattern = (?<n>X\\w+)\ncreate.n = Organisation\n\n"
		"[e]\nkind = entity\nneeds = «|n\xC3\xA9\npattern = (?<n>X\\w+)\ncreate.n = Organisation\n";
	assert_int_equal(load(rules), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_OK);
	const kgx_rule *ru[5] = {rule("a"), rule("b"), rule("c"), rule("d"), rule("e")};
	static const struct {
		const char *text;
		int want[5];
	} cases[] = {
		{"Wij STEUNEN dit.", {1, 1, 1, 0, 0}},
		{"een eun", {0, 1, 0, 0, 0}},
		{"de stestes", {0, 0, 1, 1, 0}},
		{"ondersteune", {1, 1, 1, 0, 0}},
		{"ondersteunen en steun", {1, 1, 1, 1, 0}},
		{"st eu n", {0, 0, 0, 0, 0}},
		{"ondersteu", {0, 0, 1, 0, 0}},               /* a head at the end of the text */
		{"ondersteuning", {1, 1, 1, 0, 0}},
		{"\xC2\xABn\xC3\x89", {0, 0, 0, 0, 1}},   /* only ASCII letters are folded */
		{"N\xC3\xA9", {0, 0, 0, 0, 1}},
		{"\xC3\xA9n", {0, 0, 0, 0, 0}},
	};
	kgx_needs n;
	assert_int_equal(kgx_needs_init(&n, r), KGX_OK);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_int_equal(kgx_needs_set(&n, cases[i].text, strlen(cases[i].text)), KGX_OK);
		for (int k = 0; k < 5; k++)
			if (kgx_rules_may_match(r, ru[k], &n) != cases[i].want[k])
				fail_msg("'%s': rule %c %d", cases[i].text, 'a' + k, !cases[i].want[k]);
	}
	/* a long text is scanned in pieces side by side (two from 48 bytes
	 * here, four from 96: the longest word has 12): a word at every
	 * offset, across every cut */
	char text[301];
	static const size_t lens[] = {40, 47, 48, 60, 95, 96, 150, 300};
	for (size_t l = 0; l < sizeof lens / sizeof *lens; l++)
		for (size_t at = 0; at + 5 <= lens[l]; at++) {
			memset(text, 'x', 300);
			text[300] = '\0';
			memcpy(text + at, "sTeun", 5);
			assert_int_equal(kgx_needs_set(&n, text, lens[l]), KGX_OK);
			for (int k = 0; k < 4; k++)
				if (kgx_rules_may_match(r, ru[k], &n) != (k < 3))
					fail_msg("'steun' at %zu of %zu: rule %c %d", at, lens[l], 'a' + k, k >= 3);
		}
	memset(text, 'x', 300);
	assert_int_equal(kgx_needs_set(&n, text, 300), KGX_OK);
	for (int k = 0; k < 5; k++)
		assert_false(kgx_rules_may_match(r, ru[k], &n));
	kgx_needs_free(&n);
}

/* kgx_needs_within on a piece of a text looked at whole says what
 * kgx_needs_set says of the piece alone: every piece of a text long enough
 * to be scanned in side-by-side streams, its words overlapping one another,
 * the cuts between streams and the pieces' ends. */
static void test_needs_within(void **state)
{
	(void)state;
	static const char rules[] =
		"[a]\nkind = entity\nneeds = steun\npattern = (?<n>X\\w+)\ncreate.n = Organisation\n\n"
		"[b]\nkind = entity\nneeds = eun\npattern = (?<n>X\\w+)\ncreate.n = Organisation\n\n"
		"[c]\nkind = entity\nneeds = ste\npattern = (?<n>X\\w+)\ncreate.n = Organisation\n\n"
		"[d]\nkind = entity\nneeds = stes|ondersteunen\npattern = (?<n>X\\w+)\ncreate.n = Organisation\n\n"
		"[e]\nkind = entity\nneeds = «|n\xC3\xA9\npattern = (?<n>X\\w+)\ncreate.n = Organisation\n";
	assert_int_equal(load(rules), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_OK);
	const kgx_rule *ru[5] = {rule("a"), rule("b"), rule("c"), rule("d"), rule("e")};
	static const char *const parts[] = {"ondersteunen ", "STEUN", "stes", "x", "eun ", "\xC2\xAB", "N\xC3\xA9", " st"};
	char text[400];
	size_t len = 0;
	for (unsigned k = 0; len + 16 < sizeof text; k = (k * 5 + 3) % 8) {
		memcpy(text + len, parts[k], strlen(parts[k]));
		len += strlen(parts[k]);
	}
	kgx_needs whole, piece;
	assert_int_equal(kgx_needs_init(&whole, r), KGX_OK);
	assert_int_equal(kgx_needs_init(&piece, r), KGX_OK);
	assert_int_equal(kgx_needs_set_all(&whole, text, len), KGX_OK);
	for (size_t b = 0; b <= len; b++)
		for (size_t e = b; e <= len; e++) {
			kgx_needs_within(&whole, b, e);
			assert_int_equal(kgx_needs_set(&piece, text + b, e - b), KGX_OK);
			for (int k = 0; k < 5; k++)
				if (kgx_rules_may_match(r, ru[k], &whole) != kgx_rules_may_match(r, ru[k], &piece))
					fail_msg("[%zu, %zu): rule %c", b, e, 'a' + k);
		}
	kgx_needs_free(&whole);
	kgx_needs_free(&piece);
}

static void test_load_dir_missing(void **state)
{
	(void)state;
	r = kgx_rules_new();
	assert_non_null(r);
	assert_int_equal(kgx_rules_load_dir(r, "/nonexistent/kgx-rules"), KGX_ERR_IO);
}

/* A word set: {NAME} is a whole word of the set up to white space, asked of
 * the set by a callout; the same matches as the list written as a trie
 * where white space follows, as in every shipped use. */
static void test_wordsets(void **state)
{
	(void)state;
	assert_int_equal(load("[@wordsets]\nGIVEN = Anna|Jan|Jan-Peter|Łukasz|Ann\n\n"
	                      "[@macros]\nFULL = {GIVEN}\\s+(?<sur>\\p{Lu}\\p{Ll}+)\n\n"
	                      "[given]\nkind = entity\npattern = (?-i)(?<name>{FULL})\ncreate.name = Person\n"),
	                 KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_OK);
	const kgx_rule *g = rule("given");
	pcre2_match_data *md = pcre2_match_data_create(16, NULL);
	static const struct {
		const char *text, *name;  /* name NULL: no match */
	} cases[] = {
		{"met Anna Pronk over", "Anna Pronk"},
		{"met Jan-Peter Balkenende", "Jan-Peter Balkenende"},
		{"met Łukasz Nowak", "Łukasz Nowak"},
		{"met Annabel Pronk", NULL},       /* a longer word */
		{"met Jan-Willem Pronk", NULL},    /* not Jan: up to white space */
		{"met anna Pronk", NULL},          /* case-sensitive */
		{"met ANNA Pronk", NULL},
		{"Anna, Pronk en Jan Pronk", "Jan Pronk"},
		{"met Anna", NULL},                /* at the end */
		{"Pieter Anna Pronk", "Anna Pronk"},
		{"(Ann Pronk)", "Ann Pronk"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *t = cases[i].text;
		int rc = kgx_rules_match(r, g->code, t, strlen(t), 0, md, NULL, "given");
		size_t b, e;
		if (!cases[i].name ? rc >= 0
		                   : rc < 0 || !kgx_rules_group(g->code, md, "name", &b, &e) ||
		                         e - b != strlen(cases[i].name) || memcmp(t + b, cases[i].name, e - b))
			fail_msg("'%s': rc %d, want %s", t, rc, cases[i].name ? cases[i].name : "no match");
	}
	/* the group after the set's own keeps its name */
	const char *t = "met Jan Pronk";
	size_t b, e;
	assert_true(kgx_rules_match(r, g->code, t, strlen(t), 0, md, NULL, "given") >= 0);
	assert_true(kgx_rules_group(g->code, md, "sur", &b, &e));
	assert_int_equal(b, 8);
	assert_int_equal(e, 13);
	pcre2_match_data_free(md);
	release(NULL);

	static const char *const bad[] = {
		"[@wordsets]\nGIVEN = Anna||Jan\n",
		"[@wordsets]\nGIVEN = Anna|Abu Bakr\n",
		"[@wordsets]\ngiven = Anna|Jan\n",
		"[@wordsets]\nGIVEN = Anna\n\n[@macros]\nGIVEN = x\n",
		"[@macros]\nGIVEN = x\n\n[@wordsets]\nGIVEN = Anna\n",
		"[@wordsets]\nGIVEN = Anna\nGIVEN = Jan\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		kgx_status st = load(bad[i]);
		if (st == KGX_OK)
			fail_msg("loads: %s", bad[i]);
		release(NULL);
	}
	/* a pattern's own callouts, and needs with a word set, are errors */
	assert_int_equal(load("[r]\nkind = entity\npattern = (?<x>a(?C1))\ncreate.x = Person\n"), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_ERR_RULE);
	release(NULL);
	assert_int_equal(load("[@wordsets]\nGIVEN = Anna\n\n"
	                      "[r]\nkind = entity\nneeds = {GIVEN}\npattern = (?<x>{GIVEN})\ncreate.x = Person\n"),
	                 KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_ERR_RULE);
	release(NULL);
	/* an escaped bracket before ?C is no callout */
	assert_int_equal(load("[r]\nkind = entity\npattern = \\(?C(?<x>a)\ncreate.x = Person\n"), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_good_rules, release),
		cmocka_unit_test_teardown(test_compiled_pattern_matches, release),
		cmocka_unit_test_teardown(test_pattern_does_not_compile, release),
		cmocka_unit_test_teardown(test_unknown_key, release),
		cmocka_unit_test_teardown(test_emit_unknown_role, release),
		cmocka_unit_test_teardown(test_invalid_rules, release),
		cmocka_unit_test_teardown(test_backtracking_limit, release),
		cmocka_unit_test_teardown(test_limit_keeps_later_matches, release),
		cmocka_unit_test_teardown(test_limit_per_subject, release),
		cmocka_unit_test(test_emit_long_id),
		cmocka_unit_test_teardown(test_second_class_and_no_rules, release),
		cmocka_unit_test_teardown(test_strict_link, release),
		cmocka_unit_test_teardown(test_load_dir_missing, release),
		cmocka_unit_test_teardown(test_needs, release),
		cmocka_unit_test_teardown(test_needs_overlap, release),
		cmocka_unit_test_teardown(test_required_words, release),
		cmocka_unit_test_teardown(test_needs_within, release),
		cmocka_unit_test_teardown(test_wordsets, release),
	};
	return cmocka_run_group_tests(tests, quiet, NULL);
}
