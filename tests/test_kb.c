/* kgx_kb: loading knowledge files, lookup by id, linking references. */
#include "kgx_test.h"
#include "kb.h"

static const char knowledge[] =
	"# a small knowledge base\n"
	"[netherlands]\n"
	"class      = Country\n"
	"nl         = Nederland\n"
	"en         = the Netherlands\n"
	"alias      = NL\n"
	"adjective  = Nederlandse\n"
	"wikidata   = Q29999\n"
	"iso3166    = NL\n"
	"\n"
	"[un]\n"
	"class = UNBody\n"
	"nl    = Verenigde Naties\n"
	"en    = United Nations\n"
	"alias = VN\n"
	"\n"
	"[un-peacebuilding-fund]\n"
	"class   = Fund\n"
	"en      = Peacebuilding Fund\n"
	"alias   = PBF\n"
	"part-of = un\n"
	"note    = ignored\n"
	"\n"
	"[unmiss]\n"
	"class      = Mission\n"
	"en         = United Nations Mission in South Sudan\n"
	"located-in = south-sudan\n"
	"part-of    = un\n"
	"\n"
	"[south-sudan]\n"
	"class = Country\n"
	"nl    = Zuid-Soedan\n"
	"\n"
	"[person-veldkamp]\n"
	"class       = Minister\n"
	"nl          = Caspar Veldkamp\n"
	"alias       = C.C.J. Veldkamp\n"
	"minister-of = min-foreign-affairs-nl\n"
	"tooi        = https://identifier.overheid.nl/tooi/id/ministerie/mnre1000\n";

static kgx_kb *kb;

static int quiet(void **state)
{
	(void)state;
	kgx_diag_quiet(1);
	return 0;
}

static int fresh(void **state)
{
	(void)state;
	kb = kgx_kb_new();
	return kb ? 0 : -1;
}

static int release(void **state)
{
	(void)state;
	kgx_kb_free(kb);
	kb = NULL;
	return 0;
}

static kgx_status load(const char *text)
{
	return kgx_kb_load_text(kb, "test.kb", text, strlen(text));
}

static void test_load_and_get(void **state)
{
	(void)state;
	assert_int_equal(load(knowledge), KGX_OK);
	assert_int_equal(kgx_kb_link(kb, 1), KGX_OK);

	const kgx_entry *nl = kgx_kb_get(kb, "netherlands");
	assert_non_null(nl);
	assert_string_equal(nl->id, "netherlands");
	assert_int_equal(nl->classes, KGX_C_COUNTRY);
	assert_string_equal(nl->label, "Nederland");  /* nl before en */
	assert_string_equal(nl->label_nl, "Nederland");
	assert_string_equal(nl->label_en, "the Netherlands");
	assert_string_equal(nl->wikidata, "Q29999");
	assert_string_equal(nl->iso3166, "NL");
	assert_null(nl->crs);
	assert_null(nl->tooi);
	assert_string_equal(nl->loc.file, "test.kb");
	assert_int_equal(nl->loc.line, 2);

	const kgx_entry *fund = kgx_kb_get(kb, "un-peacebuilding-fund");
	assert_non_null(fund);
	assert_string_equal(fund->label, "Peacebuilding Fund");  /* no nl: en */
	assert_null(fund->label_nl);
	assert_int_equal(fund->n_part_of, 1);
	assert_ptr_equal(fund->part_of[0], kgx_kb_get(kb, "un"));
	assert_null(fund->part_of[1]);

	const kgx_entry *unmiss = kgx_kb_get(kb, "unmiss");
	assert_non_null(unmiss);
	assert_ptr_equal(unmiss->located_in[0], kgx_kb_get(kb, "south-sudan"));
	assert_null(unmiss->located_in[1]);

	/* a minister is also a person */
	const kgx_entry *p = kgx_kb_get(kb, "person-veldkamp");
	assert_non_null(p);
	assert_int_equal(p->classes, KGX_C_MINISTER | KGX_C_PERSON);
	assert_non_null(p->tooi);

	assert_null(kgx_kb_get(kb, "nowhere"));
	assert_null(kgx_kb_get(kb, "Netherlands"));

	size_t per[KGX_NCLASSES], aliases;
	assert_int_equal(kgx_kb_count(kb, per, &aliases), 6);
	assert_int_equal(per[7], 2);  /* Country */
	assert_int_equal(per[0], 1);  /* UNBody */
	assert_int_equal(per[3], 1);  /* Minister, counted under its primary class */
	assert_int_equal(per[4], 0);
	/* nl, en, alias, adjective: 4 + 3 + 2 + 1 + 1 + 2 */
	assert_int_equal(aliases, 13);
	assert_ptr_equal(kgx_kb_entry(kb, 0), nl);
	assert_null(kgx_kb_entry(kb, 6));
}

static void test_names_in_lexicon(void **state)
{
	(void)state;
	assert_int_equal(load(knowledge), KGX_OK);
	size_t nodes;
	assert_true(kgx_lex_size(kgx_kb_lex(kb), &nodes) >= 12);
	assert_true(nodes > 1);
}

static void test_empty_kb(void **state)
{
	(void)state;
	assert_null(kgx_kb_get(kb, "netherlands"));
	assert_int_equal(kgx_kb_count(kb, NULL, NULL), 0);
	assert_int_equal(kgx_kb_link(kb, 1), KGX_OK);
}

/* A second class line would replace the first without a word. */
static void test_second_class(void **state)
{
	(void)state;
	assert_int_equal(load("[x]\nclass = Fund\nclass = Mission\nnl = Iks\n"), KGX_ERR_SYNTAX);
}

static void test_many_entries(void **state)
{
	(void)state;
	/* enough entries to grow the id index several times */
	char buf[128];
	for (int i = 0; i < 3000; i++) {
		snprintf(buf, sizeof buf, "[e-%d]\nclass = Organisation\nen = Organisatie nummer %d\n", i, i);
		assert_int_equal(load(buf), KGX_OK);
	}
	for (int i = 0; i < 3000; i += 7) {
		snprintf(buf, sizeof buf, "e-%d", i);
		const kgx_entry *e = kgx_kb_get(kb, buf);
		assert_non_null(e);
		assert_string_equal(e->id, buf);
	}
	assert_int_equal(kgx_kb_count(kb, NULL, NULL), 3000);
}

static void test_unknown_class(void **state)
{
	(void)state;
	assert_int_equal(load("[x]\nclass = Planet\nnl = Mars\n"), KGX_ERR_RULE);
	/* class names are case-sensitive, as in the contract */
	release(NULL);
	fresh(NULL);
	assert_int_equal(load("[x]\nclass = country\nnl = Mars\n"), KGX_ERR_RULE);
}

static void test_duplicate_id(void **state)
{
	(void)state;
	assert_int_equal(load("[x]\nclass = Country\nnl = X\n\n[x]\nclass = Country\nnl = Y\n"), KGX_ERR_RULE);
	/* also across files */
	release(NULL);
	fresh(NULL);
	assert_int_equal(load("[x]\nclass = Country\nnl = X\n"), KGX_OK);
	static const char other[] = "[x]\nclass = Fund\nen = Y\n";
	assert_int_equal(kgx_kb_load_text(kb, "other.kb", other, strlen(other)), KGX_ERR_RULE);
	assert_string_equal(kgx_kb_get(kb, "x")->label, "X");
}

static void test_dangling_reference(void **state)
{
	(void)state;
	static const char text[] = "[f]\nclass = Fund\nen = F\npart-of = nowhere\npart-of = g\n\n"
	                           "[g]\nclass = UNBody\nen = G\n";
	assert_int_equal(load(text), KGX_OK);
	assert_int_equal(kgx_kb_link(kb, 1), KGX_ERR_RULE);
	/* without strict, the unknown id is dropped and the rest linked */
	release(NULL);
	fresh(NULL);
	assert_int_equal(load(text), KGX_OK);
	assert_int_equal(kgx_kb_link(kb, 0), KGX_OK);
	const kgx_entry *f = kgx_kb_get(kb, "f");
	assert_ptr_equal(f->part_of[0], kgx_kb_get(kb, "g"));
	assert_null(f->part_of[1]);
	/* a dangling located-in too */
	release(NULL);
	fresh(NULL);
	assert_int_equal(load("[m]\nclass = Mission\nen = M\nlocated-in = atlantis\n"), KGX_OK);
	assert_int_equal(kgx_kb_link(kb, 1), KGX_ERR_RULE);
}

static void test_invalid_entries(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		kgx_status want;
	} cases[] = {
		{"[Bad_Id]\nclass = Country\nnl = X\n", KGX_ERR_SYNTAX},       /* id characters */
		{"[x]\nnl = X\n", KGX_ERR_RULE},                              /* no class */
		{"[x]\nclass = Country\n", KGX_ERR_RULE},                     /* neither nl nor en */
		{"[x]\nclass = Country\nnl = X\nnl = Y\n", KGX_ERR_SYNTAX},   /* nl twice */
		{"[x]\nclass = Country\nnl = X\ncolour = red\n", KGX_ERR_SYNTAX},  /* unknown key */
		{"[x]\nclass = Country\nnl = X\nwikidata = 55\n", KGX_ERR_RULE},
		{"[x]\nclass = Country\nnl = X\nwikidata = Q5x\n", KGX_ERR_RULE},
		{"[x]\nclass = Country\nnl = X\ntooi = http://example.org/\n", KGX_ERR_RULE},
		{"[x]\nclass = Country\nnl = X\nwikidata = Q0123\n", KGX_ERR_RULE},     /* leading zero */
		{"[x]\nclass = Country\nnl = X\nwikidata = Q1\nwikidata = Q2\n", KGX_ERR_SYNTAX},
		{"[x]\nclass = Country\nnl = X\niso3166 = nl\n", KGX_ERR_RULE},
		{"[x]\nclass = Country\nnl = X\niso3166 = NLD\n", KGX_ERR_RULE},     /* alpha-3 */
		{"[x]\nclass = Country\nnl = X\niso3166 = NL\niso3166 = BE\n", KGX_ERR_SYNTAX},
		{"[x]\nclass = Fund\nnl = X\ncrs = 1020\n", KGX_ERR_RULE},           /* a donor code */
		{"[x]\nclass = Fund\nnl = X\ncrs = 4114a\n", KGX_ERR_RULE},
		{"[x]\nclass = Fund\nnl = X\ncrs = 411470\n", KGX_ERR_RULE},
		{"[x]\nclass = Fund\nnl = X\ncrs = 41147\ncrs = 41141\n", KGX_ERR_SYNTAX},
		{"[x]\nclass = Fund\nnl = X\ntooi = https://identifier.overheid.nl/tooi/a\n"
		 "tooi = https://identifier.overheid.nl/tooi/b\n", KGX_ERR_SYNTAX},
		{"[x]\nclass = Minister\nnl = X\nminister-of = min-x 2022-13-01\n", KGX_ERR_SYNTAX},
		{"[x]\nclass = Minister\nnl = X\nminister-of = min-x 3 april 2024\n", KGX_ERR_SYNTAX},
		{"[x]\nclass = Minister\nnl = X\nminister-of = min-x 2022-01-10 2021-01-10\n", KGX_ERR_RULE},
		{"[x]\nclass = Minister\nnl = X\nminister-of = Min_X 2022-01-10\n", KGX_ERR_SYNTAX},
		{"[x]\nclass = Country\nnl = X\npart-of = Not An Id\n", KGX_ERR_SYNTAX},
		{"[x]\nclass = Country\nnl = --\n", KGX_ERR_RULE},            /* a name without words */
		{"[x]\nclass = Country\nnl =\n", KGX_ERR_SYNTAX},             /* empty value */
		{"class = Country\n", KGX_ERR_SYNTAX},                        /* outside a stanza */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		kgx_kb *k = kgx_kb_new();
		assert_non_null(k);
		kgx_status st = kgx_kb_load_text(k, "bad.kb", cases[i].text, strlen(cases[i].text));
		kgx_kb_free(k);
		if (st != cases[i].want)
			fail_msg("case %zu: got %s, want %s for:\n%s", i, kgx_strerror(st),
			         kgx_strerror(cases[i].want), cases[i].text);
	}
}

static void test_identifier_check(void **state)
{
	(void)state;
	assert_null(kgx_kb_identifier_check(KGX_ID_WIKIDATA, "Q1065"));
	assert_null(kgx_kb_identifier_check(KGX_ID_ISO3166, "NL"));
	assert_null(kgx_kb_identifier_check(KGX_ID_CRS, "41147"));
	assert_null(kgx_kb_identifier_check(KGX_ID_TOOI,
	                                    "https://identifier.overheid.nl/tooi/id/ministerie/mnre1013"));
	const char *bad_q[] = {"", "Q", "q1065", "Q01", "Q12a", "Q1234567890123", "P31"};
	for (size_t i = 0; i < sizeof bad_q / sizeof *bad_q; i++)
		assert_non_null(kgx_kb_identifier_check(KGX_ID_WIKIDATA, bad_q[i]));
	assert_non_null(kgx_kb_identifier_check(KGX_ID_ISO3166, "N"));
	assert_non_null(kgx_kb_identifier_check(KGX_ID_ISO3166, "N1"));
	assert_non_null(kgx_kb_identifier_check(KGX_ID_CRS, "923"));
	assert_non_null(kgx_kb_identifier_check(KGX_ID_CRS, "01147"));
	assert_non_null(kgx_kb_identifier_check(KGX_ID_TOOI, "https://identifier.overheid.nl/tooi/a b"));
}

static void test_date_parse(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		int32_t want;  /* 0: not a date */
	} cases[] = {
		{"3 april 2024", 20240403},   {"03 april 2024", 20240403}, {"31 december 1999", 19991231},
		{"29 februari 2024", 20240229}, {"29 februari 2023", 0},   {"29 februari 1900", 0},
		{"29 februari 2000", 20000229}, {"31 juni 2024", 0},      {"3 April 2024", 20240403},
		{"3  mei\n2024", 20240503},    {"2024-04-03", 20240403},  {"2024-4-03", 0},
		{"3 aprill 2024", 0},          {"3 apri 2024", 0},        {"april 2024", 0},
		{"3 april 24", 0},             {"3 april 20245", 0},      {"3 april 2024 x", 0},
		{"123 april 2024", 0},         {"0 april 2024", 0},       {"", 0},
		{"03-04-2024", 20240403},      {"31-04-2024", 0},         {"3-04-2024", 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int32_t got = 0;
		int r = kgx_kb_date_parse(cases[i].s, strlen(cases[i].s), &got);
		if (cases[i].want ? r || got != cases[i].want : !r)
			fail_msg("'%s': got %d (%d), want %d", cases[i].s, (int)got, r, (int)cases[i].want);
	}
}

static void test_office_holder(void **state)
{
	(void)state;
	static const char text[] =
		"[min-d]\nclass = GovernmentBody\nnl = Ministerie van D\n\n"
		"[min-e]\nclass = GovernmentBody\nnl = Ministerie van E\n\n"
		"[person-a]\nclass = Minister\nnl = A. Aa\nminister-of = min-d 2017-10-26 2022-01-10\n"
		"minister-of = min-e\n\n"
		"[person-b]\nclass = Minister\nnl = B. Bb\nminister-of = min-d 2022-01-10\n"
		"minister-of = min-e 2022-01-10 2023-01-01\n\n"
		"[person-c]\nclass = Minister\nnl = C. Cc\nminister-of = min-e 2022-06-01 2023-01-01\n";
	assert_int_equal(kgx_kb_load_text(kb, "o.kb", text, strlen(text)), KGX_OK);
	assert_int_equal(kgx_kb_link(kb, 1), KGX_OK);
	const kgx_entry *d = kgx_kb_get(kb, "min-d"), *e = kgx_kb_get(kb, "min-e");
	const kgx_entry *a = kgx_kb_get(kb, "person-a"), *b = kgx_kb_get(kb, "person-b");
	assert_int_equal(a->n_offices, 2);
	assert_ptr_equal(a->offices[0].body, d);
	assert_int_equal(a->offices[0].from, 20171026);
	assert_int_equal(a->offices[0].until, 20220110);
	assert_null(kgx_kb_office_holder(kb, d, 20171025));   /* before anyone */
	assert_ptr_equal(kgx_kb_office_holder(kb, d, 20171026), a);
	assert_ptr_equal(kgx_kb_office_holder(kb, d, 20220109), a);
	assert_ptr_equal(kgx_kb_office_holder(kb, d, 20220110), b);  /* the hand-over day */
	assert_ptr_equal(kgx_kb_office_holder(kb, d, 20300101), b);  /* still in office */
	assert_null(kgx_kb_office_holder(kb, e, 20200101));   /* an undated line counts for nothing */
	assert_ptr_equal(kgx_kb_office_holder(kb, e, 20220301), b);
	assert_null(kgx_kb_office_holder(kb, e, 20220701));   /* two at once: no answer */
	assert_null(kgx_kb_office_holder(kb, e, 20230101));
}

static void test_office_dangling(void **state)
{
	(void)state;
	/* undated: a note, as before; dated: must name a defined body */
	assert_int_equal(load("[p]\nclass = Minister\nnl = P\nminister-of = min-nowhere\n"), KGX_OK);
	assert_int_equal(kgx_kb_link(kb, 1), KGX_OK);
	release(NULL);
	fresh(NULL);
	assert_int_equal(load("[p]\nclass = Minister\nnl = P\nminister-of = min-nowhere 2020-01-01\n"), KGX_OK);
	assert_int_equal(kgx_kb_link(kb, 1), KGX_ERR_RULE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_load_and_get, fresh, release),
		cmocka_unit_test_setup_teardown(test_names_in_lexicon, fresh, release),
		cmocka_unit_test_setup_teardown(test_empty_kb, fresh, release),
		cmocka_unit_test_setup_teardown(test_second_class, fresh, release),
		cmocka_unit_test_setup_teardown(test_many_entries, fresh, release),
		cmocka_unit_test_setup_teardown(test_unknown_class, fresh, release),
		cmocka_unit_test_setup_teardown(test_duplicate_id, fresh, release),
		cmocka_unit_test_setup_teardown(test_dangling_reference, fresh, release),
		cmocka_unit_test(test_invalid_entries),
		cmocka_unit_test(test_identifier_check),
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test_setup_teardown(test_office_holder, fresh, release),
		cmocka_unit_test_setup_teardown(test_office_dangling, fresh, release),
	};
	return cmocka_run_group_tests(tests, quiet, NULL);
}
