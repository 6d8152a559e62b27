/* The shipped knowledge and rules (rules/, KGX_TEST_RULES) on how letters
 * name people and what they say about them by apposition: a party after a
 * member's name, a full name after a title, a place that is no person, a
 * portfolio in brackets. Names are invented; the parties and ministries are
 * the knowledge base's. */
#include "kgx_test.h"
#include "doc.h"

static kgx_rules *rules;
static kgx_doc doc;

static int setup(void **state)
{
	(void)state;
	kgx_diag_quiet(1);
	rules = kgx_rules_new();
	if (!rules || kgx_rules_load_dir(rules, KGX_TEST_RULES) != KGX_OK ||
	    kgx_rules_compile(rules, 1) != KGX_OK)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	kgx_rules_free(rules);
	return 0;
}

static int release(void **state)
{
	(void)state;
	kgx_doc_release(&doc);
	return 0;
}

/* The entity of the strong mention that covers exactly `name`, or NULL. */
static const kgx_entry *mention_of(const char *name)
{
	size_t n = strlen(name);
	for (size_t i = 0; i < doc.mentions.len; i++) {
		const kgx_mention *m = &KGX_VEC_AT(&doc.mentions, kgx_mention, i);
		if (m->kind == KGX_M_STRONG && m->span.end - m->span.begin == n &&
		    !memcmp(doc.text + m->span.begin, name, n))
			return m->entry;
	}
	return NULL;
}

/* "de leden A en B (beiden VVD)": both are persons, members of the party and
 * of the Tweede Kamer; "(SP)" after a name is the party, which the two
 * capitals in a document that never names it are not. */
static void test_party_after_name(void **state)
{
	(void)state;
	t_run(&doc, rules, "party.txt",
	      "Vragen van de leden Wiersema en Van der Gracht (beiden VVD) over de missie.\n\n"
	      "Antwoord op vragen van het lid Hakkert (SP) over de missie.\n");
	const kgx_entry *a = mention_of("Wiersema");
	const kgx_entry *b = mention_of("Van der Gracht");
	const kgx_entry *c = mention_of("Hakkert");
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	assert_true(a->classes & KGX_C_PERSON);
	assert_non_null(t_relation(&doc, a->id, KGX_P_MEMBEROF, "vvd"));
	assert_non_null(t_relation(&doc, b->id, KGX_P_MEMBEROF, "vvd"));
	assert_non_null(t_relation(&doc, b->id, KGX_P_MEMBEROF, "tweede-kamer"));
	assert_non_null(t_relation(&doc, c->id, KGX_P_MEMBEROF, "sp"));
	assert_int_equal(t_mentions(&doc, "sp"), 1);
	kgx_doc_release(&doc);
	t_run(&doc, rules, "sp.txt", "De SP van het programma staat in bijlage 2.\n");
	assert_int_equal(t_mentions(&doc, "sp"), 0);
}

/* "minister Ysolde Hakkert" is the minister Ysolde Hakkert, not "Ysolde";
 * "Hakkert" later in the letter is the same person. */
static void test_full_name_after_title(void **state)
{
	(void)state;
	t_run(&doc, rules, "title.txt",
	      "Tijdens het debat zegde minister Ysolde Hakkert toe de Kamer te informeren. "
	      "Volgens minister Hakkert is dat binnen een maand mogelijk.\n");
	const kgx_entry *e = mention_of("Ysolde Hakkert");
	assert_non_null(e);
	assert_true(e->classes & KGX_C_MINISTER);
	assert_string_equal(e->label, "Ysolde Hakkert");
	assert_ptr_equal(mention_of("Hakkert"), e);
	assert_null(mention_of("Ysolde"));
}

/* The address line of a letter: the role noun at the end of
 * "Staten-Generaal" does not make the city after it a person; nor does "de
 * leden" make countries members of parliament. */
static void test_den_haag_not_a_person(void **state)
{
	(void)state;
	t_run(&doc, rules, "address.txt",
	      "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal Den Haag, 3 mei 2024\n\n"
	      "Hierbij zend ik u de brief. De leden Frankrijk en Duitsland stemden tegen.\n");
	for (size_t i = 0; i < doc.mentions.len; i++) {
		const kgx_mention *m = &KGX_VEC_AT(&doc.mentions, kgx_mention, i);
		assert_false(m->entry->classes & KGX_C_PERSON);
	}
}

/* An English job title after a rank is not a name either. */
static void test_job_title_not_a_person(void **state)
{
	(void)state;
	t_run(&doc, rules, "job.txt", "Sinds maart is een kolonel Chief Liaison in de hoofdstad.\n");
	for (size_t i = 0; i < doc.mentions.len; i++) {
		const kgx_mention *m = &KGX_VEC_AT(&doc.mentions, kgx_mention, i);
		assert_false(m->entry->classes & KGX_C_PERSON);
	}
}

/* Appositions: the portfolio in brackets, the title before the name without a
 * comma, and the name before the title. A foreign minister is not the Dutch
 * ministry's: three relations, not four. */
static void test_apposition_minister_of(void **state)
{
	(void)state;
	t_run(&doc, rules, "minister.txt",
	      "Minister Hakkert (Infrastructuur en Waterstaat) opende de bijeenkomst.\n\n"
	      "Daarna sprak de minister van Defensie Pronk.\n\n"
	      "Het overleg werd gevoerd met mevrouw Wiersema, minister van Buitenlandse Zaken.\n\n"
	      "Zij sprak met de heer Bakkum, minister van Buitenlandse Zaken van Mali.\n");
	const kgx_entry *a = mention_of("Hakkert");
	const kgx_entry *b = mention_of("Pronk");
	const kgx_entry *c = mention_of("Wiersema");
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	assert_non_null(t_relation(&doc, a->id, KGX_P_MINISTEROF, "min-infrastructure-water-nl"));
	assert_non_null(t_relation(&doc, b->id, KGX_P_MINISTEROF, "min-defence-nl"));
	assert_non_null(t_relation(&doc, c->id, KGX_P_MINISTEROF, "min-foreign-affairs-nl"));
	assert_int_equal(t_count_pred(&doc, KGX_P_MINISTEROF), 3);
}

/* The portfolio alone in brackets and in lower case after a minister's
 * name, as news items list them. */
static void test_portfolio_in_brackets_lower_case(void **state)
{
	(void)state;
	t_run(&doc, rules, "news.txt",
	      "Den Haag, 1 mei 2023\n\nHierover berichtten de ministers Hoekstra (buitenlandse zaken) en "
	      "Ollongren (defensie) gisteren.\n");
	assert_non_null(t_relation(&doc, "person-hoekstra", KGX_P_MINISTEROF, "min-foreign-affairs-nl"));
	assert_non_null(t_relation(&doc, "person-ollongren", KGX_P_MINISTEROF, "min-defence-nl"));
}

/* Sums as letters write them: a number in words ("vijftien", "Eén" at the
 * start of a sentence, "anderhalf"), and a sum raised "van A naar B" or
 * "met A tot (een totaal van) B", which is B. */
static void test_amounts_in_words(void **state)
{
	(void)state;
	t_run(&doc, rules, "sums.txt",
	      "Den Haag, 3 maart 2015\n\n"
	      "Eén miljoen euro gaat dit jaar naar UNICEF.\n\n"
	      "Nederland stelt vijftien miljoen euro beschikbaar voor UNHCR.\n\n"
	      "Nederland stelt anderhalf miljoen euro beschikbaar voor OCHA.\n\n"
	      "Onze bijdrage aan UNFPA stijgt van EUR 21 mln. naar EUR 26 mln.\n\n"
	      "De bijdrage aan het CERF is met EUR 4 miljoen verhoogd tot EUR 60 miljoen.\n\n"
	      "Een ophoging van onze bijdrage aan het WFP met 3 miljoen euro naar een totaal van 30 miljoen euro.\n");
	const char *want[][2] = {{"unicef", "1000000.0"}, {"unhcr", "15000000.0"}, {"ocha", "1500000.0"},
	                         {"unfpa", "26000000.0"}, {"cerf", "60000000.0"}, {"wfp", "30000000.0"}};
	for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
		const kgx_relation *r = t_relation(&doc, "netherlands", KGX_P_FUNDS, want[k][0]);
		assert_non_null(r);
		assert_non_null(r->amount);
		assert_string_equal(r->amount, want[k][1]);
	}
}

/* The shipped frames on how letters and news items state money given:
 * verbs of sending and dividing, plural past forms, a sum in pounds, the
 * voice as "de Nederlandse overheid", a bare sum in the currency of the
 * sentence before. A sum two givers pledge together is neither's own. */
static void test_ways_of_giving(void **state)
{
	(void)state;
	t_run(&doc, rules, "gifts.txt",
	      "Den Haag, 3 maart 2015\n\n"
	      "Nederland maakt 10 miljoen euro vrij. Het geld wordt verdeeld over UNRWA en het Wereldvoedselprogramma.\n\n"
	      "Het kabinet stuurt 6 miljoen euro naar UNICEF.\n\n"
	      "De Nederlandse overheid investeert 2 miljoen euro in OCHA.\n\n"
	      "Ook Noorwegen en Zweden zegden 3 miljoen euro toe aan het CERF.\n\n"
	      "Het Verenigd Koninkrijk gaf 100 miljoen pond aan UNHCR.\n\n"
	      "Er is 20 miljoen euro over. Daarvan gaat 12 miljoen naar UNFPA.\n\n"
	      "Behalve Denemarken hebben Finland en Japan geld beloofd aan UNAIDS.\n");
	const char *want[][4] = {{"netherlands", "unicef", "6000000.0", "EUR"}, {"netherlands", "ocha", "2000000.0", "EUR"},
	                         {"norway", "cerf", NULL, NULL},                {"sweden", "cerf", NULL, NULL},
	                         {"united-kingdom", "unhcr", "100000000.0", "GBP"}, {"netherlands", "unfpa", "12000000.0", "EUR"},
	                         {"netherlands", "unrwa", NULL, NULL},          {"netherlands", "wfp", NULL, NULL},
	                         {"finland", "unaids", NULL, NULL},             {"japan", "unaids", NULL, NULL}};
	for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
		const kgx_relation *r = t_relation(&doc, want[k][0], KGX_P_FUNDS, want[k][1]);
		assert_non_null(r);
		if (want[k][2]) {
			assert_non_null(r->amount);
			assert_string_equal(r->amount, want[k][2]);
			assert_string_equal(r->currency, want[k][3]);
		}
	}
	/* "behalve X" is not the subject, but gives beside it */
	assert_non_null(t_relation(&doc, "denmark", KGX_P_FUNDS, "unaids"));
}

/* A rule that reads a name from its context finds the known entry by a
 * short name or with a lower-case first word: "operatie Sophia" is the
 * known mission, "minister X voor Ontwikkelingssamenwerking" the known
 * portfolio, though neither was named in full before. */
static void test_known_name_in_context(void **state)
{
	(void)state;
	t_run(&doc, rules, "context.txt",
	      "Den Haag, 3 maart 2009\n\n"
	      "Nederland nam deel aan operatie Sophia.\n\n"
	      "Het overleg was met minister Koenders voor Ontwikkelingssamenwerking.\n");
	const kgx_entry *op = mention_of("Sophia");
	const kgx_entry *pf = mention_of("Ontwikkelingssamenwerking");
	assert_non_null(op);
	assert_non_null(pf);
	assert_string_equal(op->id, "eunavfor-med-sophia");
	assert_string_equal(pf->id, "min-development-cooperation-nl");
	assert_non_null(t_relation(&doc, "person-koenders", KGX_P_MINISTEROF, "min-development-cooperation-nl"));
}

/* A list of subjects, each with its title and portfolio, and committees
 * with footnote numbers glued to their names: every item takes part. */
static void test_list_of_titled_subjects(void **state)
{
	(void)state;
	t_run(&doc, rules, "subjects.txt",
	      "Den Haag, 3 maart 2023\n\n"
	      "Premier Rutte, minister Hoekstra van Buitenlandse Zaken en minister Schreinemacher voor "
	      "Buitenlandse Handel en Ontwikkelingssamenwerking nemen in mei deel aan de Algemene Vergadering.\n\n"
	      "VERSLAG VAN EEN ALGEMEEN OVERLEG\n\n"
	      "De commissie voor Defensie4 en de commissie voor Buitenlandse Zaken5 hebben op 3 mei 2021 "
	      "overleg gevoerd met minister Bijleveld.\n");
	assert_non_null(t_relation(&doc, "person-rutte", KGX_P_PARTICIPATESIN, "un-general-assembly"));
	assert_non_null(t_relation(&doc, "person-hoekstra", KGX_P_PARTICIPATESIN, "un-general-assembly"));
	assert_non_null(t_relation(&doc, "person-schreinemacher", KGX_P_PARTICIPATESIN, "un-general-assembly"));
	assert_non_null(t_relation(&doc, "tk-committee-defence", KGX_P_PARTICIPATESIN, "ao-2021-05-03"));
	assert_non_null(t_relation(&doc, "tk-committee-foreign-affairs", KGX_P_PARTICIPATESIN, "ao-2021-05-03"));
}

/* "waarvan 3 miljoen" is a part of a sum, not "of whom"; a comma between
 * two names in a relative clause is a list's, not the clause's end. */
static void test_partitive_and_relative_list(void **state)
{
	(void)state;
	t_run(&doc, rules, "parts.txt",
	      "Den Haag, 1 mei 2020\n\n"
	      "De humanitaire bijdrage aan Jemen, waarvan 3 miljoen euro voor UNICEF, is verhoogd.\n\n"
	      "Het gaat om UNICEF, dat door Zweden, Noorwegen en Denemarken wordt gefinancierd.\n");
	assert_null(t_relation(&doc, "yemen", KGX_P_FUNDS, "unicef"));
	assert_non_null(t_relation(&doc, "netherlands", KGX_P_FUNDS, "unicef"));
	assert_non_null(t_relation(&doc, "sweden", KGX_P_FUNDS, "unicef"));
	assert_non_null(t_relation(&doc, "denmark", KGX_P_FUNDS, "unicef"));
}

/* The budget money comes from ("ten laste van X") is not what a passage
 * is about; a role after "aan" is whom a letter addresses; the old genitive
 * "der" names a parent, except in a national institution's formal name. */
static void test_source_addressee_genitive(void **state)
{
	(void)state;
	t_run(&doc, rules, "misc.txt",
	      "Den Haag, 1 mei 2020\n\n"
	      "Het Peacebuilding Fund start in mei. Wij leveren een bijdrage van 5 miljoen euro, ten laste van het "
	      "Stabiliteitsfonds. Ook Zweden heeft een ruime toezegging gedaan.\n\n"
	      "Ik verwijs naar mijn schrijven aan de Voorzitter van het Europees Parlement.\n\n"
	      "De Algemene Vergadering der Verenigde Naties besloot dit, en de Tweede Kamer der Staten-Generaal ook.\n");
	assert_non_null(t_relation(&doc, "sweden", KGX_P_FUNDS, "un-peacebuilding-fund"));
	assert_null(t_relation(&doc, "sweden", KGX_P_FUNDS, "stability-fund-nl"));
	assert_null(t_relation(&doc, "netherlands", KGX_P_CHAIRS, "european-parliament"));
	assert_non_null(t_relation(&doc, "un-general-assembly", KGX_P_PARTOF, "un"));
	assert_null(mention_of("Staten-Generaal"));
}

/* "niet-permanent lid" is a kind of member, not a negation; an aside in
 * brackets before the verb is no subject. */
static void test_hyphenated_niet_and_asides(void **state)
{
	(void)state;
	t_run(&doc, rules, "aside.txt",
	      "Den Haag, 1 mei 2020\n\n"
	      "Ierland is sinds januari niet-permanent lid van de VN-Veiligheidsraad.\n\n"
	      "Via vele partners (onder meer de EU en UNICEF) steunt Nederland het programma.\n");
	assert_non_null(t_relation(&doc, "ireland", KGX_P_MEMBEROF, "un-security-council"));
	assert_null(t_relation(&doc, "unicef", KGX_P_SUPPORTS, "netherlands"));
}

/* A short name bodies share is the one the letter names most: after two
 * mentions of the Security Council and one of the Foreign Affairs Council,
 * "de Raad" is the Security Council. */
static void test_shared_short_name(void **state)
{
	(void)state;
	t_run(&doc, rules, "raad.txt",
	      "Den Haag, 1 mei 2020\n\n"
	      "De Veiligheidsraad van de VN sprak over Mali. Ook de Raad Buitenlandse Zaken sprak erover. De "
	      "VN-Veiligheidsraad nam een besluit. De Raad steunde de inspanningen van de OVSE.\n");
	assert_non_null(t_relation(&doc, "un-security-council", KGX_P_SUPPORTS, "osce"));
	assert_null(t_relation(&doc, "eu-foreign-affairs-council", KGX_P_SUPPORTS, "osce"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_party_after_name, release),
		cmocka_unit_test_teardown(test_full_name_after_title, release),
		cmocka_unit_test_teardown(test_den_haag_not_a_person, release),
		cmocka_unit_test_teardown(test_job_title_not_a_person, release),
		cmocka_unit_test_teardown(test_apposition_minister_of, release),
		cmocka_unit_test_teardown(test_portfolio_in_brackets_lower_case, release),
		cmocka_unit_test_teardown(test_amounts_in_words, release),
		cmocka_unit_test_teardown(test_known_name_in_context, release),
		cmocka_unit_test_teardown(test_list_of_titled_subjects, release),
		cmocka_unit_test_teardown(test_partitive_and_relative_list, release),
		cmocka_unit_test_teardown(test_source_addressee_genitive, release),
		cmocka_unit_test_teardown(test_hyphenated_niet_and_asides, release),
		cmocka_unit_test_teardown(test_shared_short_name, release),
		cmocka_unit_test_teardown(test_ways_of_giving, release),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
