/* kgx_pipe: the whole pipeline on one document with a small rule set, the
 * utf8 pass, and the free functions. */
#include "kgx_test.h"
#include "doc.h"
#include "out.h"
#include "rel.h"
#include "sent.h"

static const char kb[] =
	"[netherlands]\nclass = Country\nnl = Nederland\nadjective = Nederlandse\n\n"
	"[mali]\nclass = Country\nnl = Mali\n\n"
	"[un]\nclass = UNBody\nnl = Verenigde Naties\nalias = VN\n\n"
	"[un-peacebuilding-fund]\nclass = Fund\nnl = Vredesopbouwfonds\nen = Peacebuilding Fund\n"
	"alias = PBF\npart-of = un\n\n"
	"[cerf]\nclass = Fund\nen = Central Emergency Response Fund\nalias = CERF\n\n"
	"[minusma]\nclass = Mission\nen = MINUSMA\nlocated-in = mali\npart-of = un\n\n"
	"[sahelforce]\nclass = Mission\nen = SAHELFORCE\nlocated-in = mali\nlocated-in = belgium\n"
	"located-in = ukraine\nlocated-in = guinea-bissau\n\n"
	"[belgium]\nclass = Country\nnl = Belgi\xC3\xAB\n\n"
	"[ukraine]\nclass = Country\nnl = Oekra\xC3\xAF" "ne\n\n"
	"[guinea-bissau]\nclass = Country\nnl = Guinee-Bissau\n\n"
	"[person-veldkamp]\nclass = Minister\nnl = Caspar Veldkamp\nalias = C.C.J. Veldkamp\n";

static const char patterns[] =
	"[@abbreviations]\n"
	"abbr = nr. o.a. mw.\n"
	"\n"
	"[@amount]\n"
	/* unique group names; the shipped pattern's duplicates: test_amount_shipped_pattern */
	"pattern = (?:(?<cur>EUR|€)\\s*)?(?<num>\\d+(?:,\\d+)?)(?:\\s*(?<mult>miljoen|miljard))?"
	"(?(<cur>)|\\s*(?<cur2>euro|dollar))\n"
	"multiplier = miljoen 1000000\n"
	"multiplier = miljard 1000000000\n"
	"currency = euro EUR\n"
	"currency = EUR EUR\n"
	"currency = € EUR\n"
	"currency = dollar USD\n"
	"\n"
	"[@settings]\n"
	"negation = \\b(?:geen|niet|nooit)\\b\n"
	"\n"
	"[country-funds]\n"
	"kind = relation\n"
	"pattern = {s:Country}\\s+(?:draagt|droeg)\\b[^.\\x{E000}]{0,80}?\\bbij\\s+aan\\s+(?:het\\s+)?{o:Fund}\n"
	"emit = funds s o\n"
	"\n"
	"[country-supports]\n"
	"kind = relation\n"
	"pattern = {s:Country}\\s+steunt\\s+(?:het\\s+|de\\s+)?{o+:Fund|UNBody}\n"
	"emit = supports s o\n"
	"\n"
	"[adjective-contribution]\n"
	"kind = relation\n"
	"priority = 40\n"
	"pattern = {s:~Country}\\s+bijdrage\\s+aan\\s+(?:het\\s+)?{o:Fund}\n"
	"emit = funds s o\n"
	"\n"
	"[acronym]\n"
	"kind = entity\n"
	"pattern = (?-i)(?<long>(?:\\p{Lu}\\p{Ll}+ ){1,3}\\p{Lu}\\p{Ll}+)\\s*\\((?<short>\\p{Lu}{2,})\\)\n"
	"create.long = Organisation\n"
	"alias.long = short\n"
	"\n"
	"[signature]\n"
	"kind = entity\n"
	"scope = document\n"
	"pattern = ^De minister van (?<portfolio>[^,\\n]+),\\s*(?-i)(?<name>(?:\\p{Lu}\\.)+ \\p{Lu}\\p{Ll}+)$\n"
	"create.portfolio = GovernmentBody\n"
	"create.name = Minister\n"
	"emit = ministerOf name portfolio\n"
	"emit = signedBy doc name\n";

static kgx_rules *rules;
static kgx_doc doc;

static int setup(void **state)
{
	(void)state;
	kgx_diag_quiet(1);
	rules = t_rules(kb, patterns);
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

static void test_passes(void **state)
{
	(void)state;
	size_t n;
	const kgx_pass *p = kgx_pipe_passes(&n);
	assert_int_equal(n, 8);
	static const char *names[] = {"read", "utf8", "normalise", "sentences", "entities",
	                              "metadata", "relations", "offices"};
	for (size_t i = 0; i < n; i++)
		assert_string_equal(p[i].name, names[i]);
	assert_ptr_equal(p[1].run, kgx_pipe_utf8);
}

static void test_entities_and_relation(void **state)
{
	(void)state;
	t_run(&doc, rules, "letter.txt",
	      "Nederland draagt in 2024 5,5 miljoen euro bij aan het Vredesopbouwfonds.\n\n"
	      "MINUSMA is een missie van de VN in Mali.\n");
	assert_int_equal(doc.sentences.len, 2);
	assert_int_equal(t_mentions(&doc, "netherlands"), 1);
	assert_int_equal(t_mentions(&doc, "un-peacebuilding-fund"), 1);
	assert_int_equal(t_mentions(&doc, "minusma"), 1);
	assert_int_equal(t_mentions(&doc, "un"), 1);
	assert_int_equal(t_mentions(&doc, "mali"), 1);
	assert_int_equal(t_mentions(&doc, "cerf"), 0);
	/* mentions are sorted by position and carry their sentence */
	for (size_t i = 1; i < doc.mentions.len; i++)
		assert_true(KGX_VEC_AT(&doc.mentions, kgx_mention, i - 1).span.begin <
		            KGX_VEC_AT(&doc.mentions, kgx_mention, i).span.begin);
	const kgx_mention *m0 = &KGX_VEC_AT(&doc.mentions, kgx_mention, 0);
	assert_string_equal(m0->entry->id, "netherlands");
	assert_int_equal(m0->span.begin, 0);
	assert_int_equal(m0->span.end, 9);
	assert_int_equal(m0->sentence, 0);
	assert_string_equal(m0->rule, "kb");

	const kgx_relation *r = t_relation(&doc, "netherlands", KGX_P_FUNDS, "un-peacebuilding-fund");
	assert_non_null(r);
	assert_string_equal(r->rule, "country-funds");
	assert_int_equal(r->sentence, 0);
	assert_non_null(r->amount);
	assert_string_equal(r->amount, "5500000.0");
	assert_string_equal(r->currency, "EUR");
	assert_int_equal(r->year, 2024);
	assert_int_equal(t_count_pred(&doc, KGX_P_FUNDS), 1);
	/* what the knowledge base knows, where the text names both ends */
	assert_non_null(t_relation(&doc, "minusma", KGX_P_LOCATEDIN, "mali"));
}

static void test_regional_mission(void **state)
{
	(void)state;
	/* a mission of a whole region is not in each of its countries the text names */
	t_run(&doc, rules, "sahel.txt", "De SAHELFORCE werkt vanuit Mali aan de veiligheid.\n");
	assert_int_equal(t_mentions(&doc, "sahelforce"), 1);
	assert_null(t_relation(&doc, "sahelforce", KGX_P_LOCATEDIN, "mali"));
	release(NULL);
	/* one of a single place is, where a sentence names both */
	t_run(&doc, rules, "minusma.txt", "MINUSMA werkt vanuit Mali aan de veiligheid.\n");
	assert_non_null(t_relation(&doc, "minusma", KGX_P_LOCATEDIN, "mali"));
	release(NULL);
	t_run(&doc, rules, "apart.txt", "MINUSMA werkt aan de veiligheid. De regering van Mali vroeg erom.\n");
	assert_null(t_relation(&doc, "minusma", KGX_P_LOCATEDIN, "mali"));
}

static void test_negated_sentence(void **state)
{
	(void)state;
	t_run(&doc, rules, "neg.txt", "Nederland draagt dit jaar niet bij aan het Vredesopbouwfonds.\n");
	assert_int_equal(t_mentions(&doc, "netherlands"), 1);
	assert_int_equal(t_mentions(&doc, "un-peacebuilding-fund"), 1);
	assert_int_equal(t_count_pred(&doc, KGX_P_FUNDS), 0);
	release(NULL);
	t_run(&doc, rules, "neg.txt", "Nederland draagt nooit bij aan het Vredesopbouwfonds.\n");
	assert_int_equal(t_count_pred(&doc, KGX_P_FUNDS), 0);
	release(NULL);
	/* the same without the negation fires */
	t_run(&doc, rules, "pos.txt", "Nederland draagt dit jaar bij aan het Vredesopbouwfonds.\n");
	assert_int_equal(t_count_pred(&doc, KGX_P_FUNDS), 1);
}

/* Dutch puts the negation after the object in a main clause; a negation
 * in the next clause does not count. */
static void test_trailing_negation(void **state)
{
	(void)state;
	t_run(&doc, rules, "neg.txt", "Nederland steunt het Vredesopbouwfonds niet.\n");
	assert_int_equal(t_count_pred(&doc, KGX_P_SUPPORTS), 0);
	release(NULL);
	t_run(&doc, rules, "neg.txt", "Nederland steunt het Vredesopbouwfonds niet langer.\n");
	assert_int_equal(t_count_pred(&doc, KGX_P_SUPPORTS), 0);
	release(NULL);
	t_run(&doc, rules, "pos.txt", "Nederland steunt het Vredesopbouwfonds, maar niet elk project.\n");
	assert_non_null(t_relation(&doc, "netherlands", KGX_P_SUPPORTS, "un-peacebuilding-fund"));
}

static void test_list_placeholder(void **state)
{
	(void)state;
	t_run(&doc, rules, "list.txt",
	      "Nederland steunt het Vredesopbouwfonds, CERF en de VN met kennis en geld.\n");
	assert_int_equal(t_count_pred(&doc, KGX_P_SUPPORTS), 3);
	assert_non_null(t_relation(&doc, "netherlands", KGX_P_SUPPORTS, "un-peacebuilding-fund"));
	assert_non_null(t_relation(&doc, "netherlands", KGX_P_SUPPORTS, "cerf"));
	assert_non_null(t_relation(&doc, "netherlands", KGX_P_SUPPORTS, "un"));
}

/* list-qualifier: in "het Vredesopbouwfonds van de VN, CERF en MINUSMA" the
 * VN qualifies the fund and is no item of the list; without the setting it
 * is one. */
static void test_list_qualifier(void **state)
{
	(void)state;
	static const char rule[] =
		"[@macros]\n"
		"LISTSEP = \\s*(?:van\\s+de\\s+\\x{E000}[A-Za-z]+\\x{E001}\\d+\\x{E002}\\s*)?(?:,|\\ben\\b)\\s*\n"
		"\n"
		"[supports]\nkind = relation\npattern = {s:Country}\\s+steunt\\s+het\\s+{o+:Fund|UNBody|Mission}\n"
		"emit = supports s o\n";
	static const char text[] = "Nederland steunt het Vredesopbouwfonds van de VN, CERF en MINUSMA.\n";
	for (int with = 0; with < 2; with++) {
		kgx_buf patterns = {0};
		kgx_buf_printf(&patterns, "%s%s", with ? "[@settings]\nlist-qualifier = ^\\s*van\\s+de\\s*$\n\n" : "",
		               rule);
		kgx_rules *r = t_rules(kb, patterns.s);
		t_run(&doc, r, "list.txt", text);
		assert_non_null(t_relation(&doc, "netherlands", KGX_P_SUPPORTS, "un-peacebuilding-fund"));
		assert_non_null(t_relation(&doc, "netherlands", KGX_P_SUPPORTS, "cerf"));
		assert_non_null(t_relation(&doc, "netherlands", KGX_P_SUPPORTS, "minusma"));
		if (with)
			assert_null(t_relation(&doc, "netherlands", KGX_P_SUPPORTS, "un"));
		else
			assert_non_null(t_relation(&doc, "netherlands", KGX_P_SUPPORTS, "un"));
		assert_int_equal(t_count_pred(&doc, KGX_P_SUPPORTS), 4 - with);
		kgx_doc_release(&doc);
		kgx_rules_free(r);
		kgx_buf_free(&patterns);
	}
}

static void test_adjective(void **state)
{
	(void)state;
	/* "Nederlandse" is a weak mention: not a mention of the country, but a
	 * relation rule can use it */
	t_run(&doc, rules, "adj.txt", "De Nederlandse bijdrage aan het Vredesopbouwfonds groeit.\n");
	assert_int_equal(t_mentions(&doc, "netherlands"), 0);
	int weak = 0;
	for (size_t i = 0; i < doc.mentions.len; i++) {
		const kgx_mention *m = &KGX_VEC_AT(&doc.mentions, kgx_mention, i);
		weak |= m->kind == KGX_M_WEAK && !strcmp(m->entry->id, "netherlands");
	}
	assert_true(weak);
	const kgx_relation *r = t_relation(&doc, "netherlands", KGX_P_FUNDS, "un-peacebuilding-fund");
	assert_non_null(r);
	assert_string_equal(r->rule, "adjective-contribution");
}

/* The entity a rule defined in doc with this label, in whatever order the
 * rules ran. */
static const kgx_entry *t_discovered(const kgx_doc *d, const char *label)
{
	for (size_t i = 0; i < d->discovered.len; i++) {
		const kgx_entry *e = KGX_VEC_AT(&d->discovered, kgx_entry *, i);
		if (!strcmp(e->label, label))
			return e;
	}
	return NULL;
}

static void test_entity_rules(void **state)
{
	(void)state;
	t_run(&doc, rules, "ent.txt",
	      "Het Internationaal Rode Kruis (IRK) helpt in Mali. Ook het IRK zelf is daar actief.\n\n"
	      "Met vriendelijke groet,\n\n"
	      "De minister van Buitenlandse Zaken,\n"
	      "C.C.J. Veldkamp\n");
	/* a name defined with its acronym, found again by the acronym */
	assert_int_equal(doc.discovered.len, 2);
	const kgx_entry *irk = t_discovered(&doc, "Internationaal Rode Kruis");
	assert_non_null(irk);
	assert_string_equal(irk->id, "internationaal-rode-kruis");
	assert_int_equal(irk->classes, KGX_C_ORGANISATION);
	assert_true(irk->discovered);
	assert_int_equal(t_mentions(&doc, "internationaal-rode-kruis"), 3);
	/* the signature block: the minister from the knowledge base, the
	 * portfolio defined by the rule */
	const kgx_entry *bz = t_discovered(&doc, "Buitenlandse Zaken");
	assert_non_null(bz);
	assert_int_equal(bz->classes, KGX_C_GOVBODY);
	const kgx_relation *r = t_relation(&doc, NULL, KGX_P_SIGNEDBY, "person-veldkamp");
	assert_non_null(r);
	assert_string_equal(r->rule, "signature");
	assert_non_null(t_relation(&doc, "person-veldkamp", KGX_P_MINISTEROF, bz->id));
}

static void test_amounts_and_years(void **state)
{
	(void)state;
	char out[32];
	const char *cur = NULL;
	/* in units, in the canonical xsd:decimal form: always with a '.', so that
	 * Turtle's bare-number abbreviation stays a decimal */
	static const struct {
		const char *text, *amount, *cur;
	} cases[] = {
		{"een bijdrage van 5,5 miljoen euro", "5500000.0", "EUR"},
		{"met EUR 500 miljoen", "500000000.0", "EUR"},
		{"ruim € 2 miljard", "2000000000.0", "EUR"},
		{"12 dollar", "12.0", "USD"},
		{"0,25 euro", "0.25", "EUR"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *t = cases[i].text;
		if (!kgx_rel_amount(rules, t, strlen(t), out, &cur))
			fail_msg("no amount in '%s'", t);
		assert_string_equal(out, cases[i].amount);
		assert_string_equal(cur, cases[i].cur);
	}
	assert_false(kgx_rel_amount(rules, "in 2024 en 2025", strlen("in 2024 en 2025"), out, &cur));

	int y, s, e;
	kgx_rel_years("in 2024", strlen("in 2024"), &y, &s, &e);
	assert_int_equal(y, 2024);
	assert_int_equal(s, 0);
	assert_int_equal(e, 0);
	kgx_rel_years("voor 2026\xE2\x80\x93" "2030", strlen("voor 2026\xE2\x80\x93" "2030"), &y, &s, &e);
	assert_int_equal(y, 0);
	assert_int_equal(s, 2026);
	assert_int_equal(e, 2030);
	kgx_rel_years("nr. 12345 en 1,2024 en 20245", strlen("nr. 12345 en 1,2024 en 20245"), &y, &s, &e);
	assert_int_equal(y + s + e, 0);
}

/* The shipped [@amount] pattern (rules/patterns/00-text.rules, copied here)
 * names <num> and <mult> in both alternatives: groups must be found by name
 * among duplicates (pcre2_substring_number_from_name() refuses those with
 * PCRE2_ERROR_NOUNIQUESUBSTRING). */
/* The shipped amount pattern (rules/patterns/00-text.rules) with
 * kgx_rel_amount: a number is read from its first digit, grouped the Dutch or
 * the English way. */
static void test_amount_shipped_pattern(void **state)
{
	(void)state;
	kgx_buf text = {0};
	assert_int_equal(kgx_buf_read_file(&text, KGX_SOURCE_DIR "/rules/patterns/00-text.rules"), 0);
	kgx_rules *r = kgx_rules_new();
	assert_non_null(r);
	assert_int_equal(kgx_rules_load_patterns(r, "00-text.rules", text.s, text.len), KGX_OK);
	kgx_buf_free(&text);
	assert_int_equal(kgx_kb_load_text(kgx_rules_kb(r), "t.kb", kb, strlen(kb)), KGX_OK);
	assert_int_equal(kgx_rules_compile(r, 1), KGX_OK);
	static const struct {
		const char *text, *amount, *currency;
	} cases[] = {
		{"5,5 miljoen euro", "5500000.0", "EUR"},
		{"EUR 500 miljoen", "500000000.0", "EUR"},
		{"2.5 miljoen euro", "2500000.0", "EUR"},       /* not 5 million */
		{"12,345,678 euro", "12345678.0", "EUR"},       /* not 345.68 */
		{"12.345.678 euro", "12345678.0", "EUR"},
		{"1.234,56 euro", "1234.56", "EUR"},
		{"1,234.56 euro", "1234.56", "EUR"},
		{"USD 1,250,000", "1250000.0", "USD"},
		{"1.500 euro", "1500.0", "EUR"},                /* Dutch: a thousands point */
		{"1,25 mln. euro", "1250000.0", "EUR"},
		{"€ 2 miljard", "2000000000.0", "EUR"},
		{"US$ 10 million", "10000000.0", "USD"},
		{"in 2024 0,75 miljoen euro", "750000.0", "EUR"},
		{"bedroeg in 2022 EUR 30 miljoen", "30000000.0", "EUR"}, /* not 2022 euro */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char out[32] = "";
		const char *cur = NULL;
		if (!kgx_rel_amount(r, cases[i].text, strlen(cases[i].text), out, &cur) ||
		    strcmp(out, cases[i].amount) || strcmp(cur, cases[i].currency))
			fail_msg("'%s': got %s %s, want %s %s", cases[i].text, out, cur ? cur : "(none)",
			         cases[i].amount, cases[i].currency);
	}
	kgx_rules_free(r);
}

/* UTF-16 code units for "Nederland é 😀." in little or big endian, with BOM. */
static size_t utf16(char *out, int big)
{
	static const uint16_t units[] = {0xFEFF, 'N', 'e', 'd', 'e', 'r', 'l', 'a', 'n', 'd', ' ',
	                                 0xE9, ' ', 0xD83D, 0xDE00, '.', '\n'};
	size_t n = sizeof units / sizeof *units;
	for (size_t i = 0; i < n; i++) {
		out[2 * i + (big ? 1 : 0)] = (char)(units[i] & 0xFF);
		out[2 * i + (big ? 0 : 1)] = (char)(units[i] >> 8);
	}
	return 2 * n;
}

static void test_utf16(void **state)
{
	(void)state;
	char raw[64];
	for (int big = 0; big <= 1; big++) {
		size_t n = utf16(raw, big);
		assert_int_equal(kgx_doc_init(&doc, "utf16.txt", raw, n), KGX_OK);
		assert_int_equal(kgx_pipe_utf8(&doc, rules), KGX_OK);
		static const char want[] = "Nederland \xC3\xA9 \xF0\x9F\x98\x80.\n";
		assert_int_equal(doc.raw_len, sizeof want - 1);
		assert_memory_equal(doc.raw, want, sizeof want - 1);
		release(NULL);
		/* and the whole pipeline over it */
		assert_int_equal(kgx_doc_init(&doc, "utf16.txt", raw, n), KGX_OK);
		assert_int_equal(kgx_pipe_run(&doc, rules), KGX_OK);
		assert_int_equal(t_mentions(&doc, "netherlands"), 1);
		release(NULL);
	}
	/* an unpaired surrogate becomes U+FFFD */
	static const char lone[] = "\xFF\xFE" "A\0\x3D\xD8" "B\0";
	assert_int_equal(kgx_doc_init(&doc, "lone.txt", lone, sizeof lone - 1), KGX_OK);
	assert_int_equal(kgx_pipe_utf8(&doc, rules), KGX_OK);
	assert_int_equal(doc.raw_len, 5);
	assert_memory_equal(doc.raw, "A\xEF\xBF\xBD" "B", 5);
}

static void test_utf8_bom_and_repair(void **state)
{
	(void)state;
	t_run(&doc, rules, "bom.txt", "\xEF\xBB\xBFNederland steunt de VN.\n");
	assert_int_equal(doc.text[0], 'N');
	assert_int_equal(t_mentions(&doc, "netherlands"), 1);
	release(NULL);
	/* invalid UTF-8 is repaired, not rejected */
	t_run(&doc, rules, "bad.txt", "Nederland \xC0\xAF steunt de VN.\n");
	assert_non_null(strstr(doc.text, "\xEF\xBF\xBD"));
	assert_int_equal(t_mentions(&doc, "netherlands"), 1);
}

/* Found names become IRIs: different names, different IRIs, even when they
 * have no words or share a long beginning. */
static void test_slugs(void **state)
{
	(void)state;
	kgx_rules *r = t_rules(NULL, "[bracketed]\nkind = entity\npattern = \\[(?<name>[^\\]]+)\\]\n"
	                             "create.name = Organisation\n");
	static const char words[] = "Een Heel Lang Comite Voor Vrede En Veiligheid In Alle Landen Van De Wereld "
	                            "Die Samen Werken Aan Een Betere Toekomst Voor Iedereen Overal";
	kgx_buf text = {0};
	kgx_buf_printf(&text, "Zie [***] en [+++] en [%s Noord] en [%s Zuid] en [Stichting \xC3\xA9\xC3\xA9n].\n",
	               words, words);
	t_run(&doc, r, "slugs.txt", text.s);
	assert_int_equal(doc.discovered.len, 5);
	assert_string_equal(t_discovered(&doc, "***")->id, "x2a2a2a");
	assert_string_equal(t_discovered(&doc, "+++")->id, "x2b2b2b");
	assert_string_equal(t_discovered(&doc, "Stichting \xC3\xA9\xC3\xA9n")->id, "stichting-een");
	for (size_t i = 0; i < doc.discovered.len; i++) {
		const char *id = KGX_VEC_AT(&doc.discovered, kgx_entry *, i)->id;
		assert_true(strlen(id) <= 140);
		assert_int_equal(strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789-"), strlen(id));
		for (size_t k = 0; k < i; k++)
			assert_string_not_equal(id, KGX_VEC_AT(&doc.discovered, kgx_entry *, k)->id);
	}
	kgx_buf_free(&text);
	kgx_doc_release(&doc);
	kgx_rules_free(r);
}

/* name.G spells out what a group stands for: here each number of a list */
static void test_name_template(void **state)
{
	(void)state;
	kgx_rules *r = t_rules("[unscr-1820]\nclass = Document\nnl = resolutie 1820\n",
	                       "[list]\nkind = entity\n"
	                       "pattern = (?:\\bresoluties\\s+|\\G\\s*(?:,|\\ben\\b)\\s*)(?<num>\\d{4})\n"
	                       "name.num = resolutie {num}\ncreate.num = Document\n");
	t_run(&doc, r, "list.txt", "Zie resoluties 1820, 1888 en 2106 van de Raad.\n");
	/* the known one is found, the others defined under their full names */
	assert_int_equal(t_mentions(&doc, "unscr-1820"), 1);
	assert_int_equal(doc.discovered.len, 2);
	assert_non_null(t_discovered(&doc, "resolutie 1888"));
	assert_non_null(t_discovered(&doc, "resolutie 2106"));
	/* each mention spans the number as written */
	const kgx_mention *m = &KGX_VEC_AT(&doc.mentions, kgx_mention, 1);
	assert_int_equal(m->span.end - m->span.begin, 4);
	assert_memory_equal(doc.text + m->span.begin, "1888", 4);
	kgx_doc_release(&doc);
	kgx_rules_free(r);
}

/* One resource per person in a document: a surname alone is the person the
 * document names in full, found by a rule or known to the knowledge base;
 * with two candidates it stays apart. */
static void test_surname_merges(void **state)
{
	(void)state;
	kgx_rules *r = t_rules("[person-veldkamp]\nclass = Minister\nnl = C.C.J. Veldkamp\n",
	                       "[full]\nkind = entity\n"
	                       "pattern = (?-i)\\b(?<name>(?:Anna|Eva) Pronk)\\b\ncreate.name = Person\n\n"
	                       "[member]\nkind = entity\n"
	                       "pattern = (?-i)\\blid\\s+(?<name>\\p{Lu}\\p{Ll}+)\ncreate.name = Person\n"
	                       "emit = memberOf name =person-veldkamp\n");
	t_run(&doc, r, "one.txt", "Anna Pronk sprak eerst. Daarna vroeg het lid Pronk om een brief.\n");
	const kgx_entry *full = t_discovered(&doc, "Anna Pronk");
	assert_non_null(full);
	assert_int_equal(t_mentions(&doc, full->id), 2);
	/* the relation the surname's rule made moves along */
	assert_non_null(t_relation(&doc, full->id, KGX_P_MEMBEROF, "person-veldkamp"));
	kgx_doc_release(&doc);

	/* the knowledge base's person keeps its IRI */
	t_run(&doc, r, "kb.txt", "Het lid Veldkamp sprak. C.C.J. Veldkamp was er ook.\n");
	assert_int_equal(t_mentions(&doc, "person-veldkamp"), 2);
	kgx_doc_release(&doc);

	/* two persons of that name: no guess */
	t_run(&doc, r, "two.txt", "Anna Pronk en Eva Pronk spraken. Het lid Pronk vroeg.\n");
	const kgx_entry *alone = t_discovered(&doc, "Pronk");
	assert_non_null(alone);
	assert_int_equal(t_mentions(&doc, alone->id), 1);
	kgx_doc_release(&doc);
	kgx_rules_free(r);
}

/* Which words an acronym defines: the words whose initials spell it, less a
 * Dutch "van de …" after them; else Schwartz & Hearst's letters in order. */
static void test_acronym_span(void **state)
{
	(void)state;
	kgx_rules *r = t_rules(NULL, "[acronym]\nkind = entity\n"
	                             "pattern = (?-i)(?<long>\\p{Lu}[\\p{L}-]*(?: (?:\\p{Lu}[\\p{L}-]*|of|for|the|in|van|de)){1,12})"
	                             " \\((?<short>\\p{Lu}{2,9})\\)\n"
	                             "create.long = UNBody\nalias.long = short\n");
	static const struct {
		const char *text, *label;
	} cases[] = {
		/* "Office", not "of"; "van de VN" qualifies the name */
		{"Het Office of the High Commissioner for Human Rights van de VN (OHCHR) helpt.",
		 "Office of the High Commissioner for Human Rights"},
		/* English prepositions belong to the name */
		{"Steun voor de Fact-Finding Mission for the Sudan (FFM) blijft.", "Fact-Finding Mission for the Sudan"},
		{"Zie de United Nations Mission in South Sudan (UNMISS) daar.", "United Nations Mission in South Sudan"},
		/* letters inside words: the first letter starts the name's first word */
		{"Met het Peacebuilding Fund (PBF) samen.", "Peacebuilding Fund"},
		/* words before the name that the initials do not reach are left out */
		{"Tijdens Overleg Met Department of Peace Operations (DPO) sprak men.",
		 "Department of Peace Operations"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		t_run(&doc, r, "acr.txt", cases[i].text);
		if (!t_discovered(&doc, cases[i].label)) {
			const char *got = doc.discovered.len ? KGX_VEC_AT(&doc.discovered, kgx_entry *, 0)->label : "nothing";
			fail_msg("'%s': expected '%s', got '%s'", cases[i].text, cases[i].label, got);
		}
		kgx_doc_release(&doc);
	}
	/* no alignment, no name: "(ICC)" after a person defines nothing */
	t_run(&doc, r, "acr.txt", "Volgens Karim Khan (ICC) is dit zo.");
	assert_int_equal(doc.discovered.len, 0);
	kgx_doc_release(&doc);
	kgx_rules_free(r);
}

static void test_windows_1252(void **state)
{
	(void)state;
	/* lone bytes above 0x7F between ASCII: Windows-1252 */
	t_run(&doc, rules, "cp.txt", "Belgi\xEB en Nederland steunen de co\xF6peratie \x93nu\x94 met \x80" "5.\n");
	assert_string_equal(doc.raw, "Belgi\xC3\xAB en Nederland steunen de co\xC3\xB6peratie \xE2\x80\x9Cnu\xE2\x80\x9D "
	                             "met \xE2\x82\xAC" "5.\n");
	assert_int_equal(t_mentions(&doc, "netherlands"), 1);
	release(NULL);
	/* runs of such bytes are damaged UTF-8, repaired */
	t_run(&doc, rules, "bad.txt", "Belgi\xC0\xAF steunt.\n");
	assert_memory_equal(doc.raw, "Belgi" "\xEF\xBF\xBD\xEF\xBF\xBD", 11);
	release(NULL);
	/* so is a byte Windows-1252 leaves undefined */
	t_run(&doc, rules, "bad.txt", "Belgi\x81 steunt.\n");
	assert_memory_equal(doc.raw, "Belgi" "\xEF\xBF\xBD", 8);
	release(NULL);
	/* and valid UTF-8 is left alone */
	t_run(&doc, rules, "ok.txt", "Belgi\xC3\xAB steunt.\n");
	assert_string_equal(doc.raw, "Belgi\xC3\xAB steunt.\n");
}

/* Accented letters side by side ("één", "vóór") are Windows-1252 too, and
 * then every accented letter is read, not replaced by U+FFFD. */
static void test_windows_1252_adjacent(void **state)
{
	(void)state;
	t_run(&doc, rules, "cp.txt", "Er is \xE9\xE9n fonds v\xF3\xF3r Belgi\xEB en Oekra\xEFne \x93samen\x94.\n");
	assert_string_equal(doc.raw, "Er is \xC3\xA9\xC3\xA9n fonds v\xC3\xB3\xC3\xB3r Belgi\xC3\xAB en Oekra\xC3\xAF"
	                             "ne \xE2\x80\x9Csamen\xE2\x80\x9D.\n");
	assert_int_equal(t_mentions(&doc, "belgium"), 1);
	assert_int_equal(t_mentions(&doc, "ukraine"), 1);
	release(NULL);
	/* a closing quote after a stop: typographic marks side by side */
	t_run(&doc, rules, "cp.txt", "Zij zei \x93klaar.\x94\x85 in Belgi\xEB.\n");
	assert_int_equal(t_mentions(&doc, "belgium"), 1);
	release(NULL);
	/* UTF-8 with one broken byte stays UTF-8, repaired */
	t_run(&doc, rules, "u.txt", "\xC3\xA9\xC3\xA9n en Belgi\xC3\xAB en \xE9 en Oekra\xC3\xAF" "ne.\n");
	assert_int_equal(t_mentions(&doc, "belgium"), 1);
	assert_int_equal(t_mentions(&doc, "ukraine"), 1);
}

/* UTF-32 with a byte order mark is read as UTF-32, not as UTF-16 with NULs
 * (skipped as binary); a length that is not a whole number of code units
 * ends in U+FFFD, for UTF-32 and UTF-16 alike. */
static void test_utf32_and_odd_lengths(void **state)
{
	(void)state;
	static const uint32_t units[] = {0xFEFF, 'B', 'e', 'l', 'g', 'i', 0xEB, ' ', 0x1F600, 0x110000, '.', '\n'};
	size_t n = sizeof units / sizeof *units;
	char raw[64];
	for (int big = 0; big <= 1; big++) {
		for (size_t i = 0; i < n; i++)
			for (int k = 0; k < 4; k++)
				raw[4 * i + (big ? 3 - k : k)] = (char)(units[i] >> (8 * k) & 0xFF);
		for (size_t extra = 0; extra < 4; extra++) {
			raw[4 * n] = 'x';
			raw[4 * n + 1] = raw[4 * n + 2] = 0;
			assert_int_equal(kgx_doc_init(&doc, "utf32.txt", raw, 4 * n + extra), KGX_OK);
			assert_int_equal(kgx_pipe_run(&doc, rules), KGX_OK);
			static const char want[] = "Belgi\xC3\xAB \xF0\x9F\x98\x80\xEF\xBF\xBD.\n";
			assert_int_equal(doc.raw_len, sizeof want - 1 + (extra ? 3 : 0));
			assert_memory_equal(doc.raw, want, sizeof want - 1);
			if (extra)
				assert_memory_equal(doc.raw + sizeof want - 1, "\xEF\xBF\xBD", 3);
			assert_int_equal(t_mentions(&doc, "belgium"), 1);
			release(NULL);
		}
	}
	/* UTF-16 with an odd last byte */
	n = utf16(raw, 0);
	raw[n] = 'x';
	assert_int_equal(kgx_doc_init(&doc, "odd.txt", raw, n + 1), KGX_OK);
	assert_int_equal(kgx_pipe_utf8(&doc, rules), KGX_OK);
	static const char want16[] = "Nederland \xC3\xA9 \xF0\x9F\x98\x80.\n\xEF\xBF\xBD";
	assert_int_equal(doc.raw_len, sizeof want16 - 1);
	assert_memory_equal(doc.raw, want16, sizeof want16 - 1);
}

/* Soft hyphens, zero-width characters, U+2060, U+FEFF and a Unicode hyphen
 * at a line's end inside a name: the name is still found. */
static void test_invisible_characters_in_names(void **state)
{
	(void)state;
	t_run(&doc, rules, "zw.txt",
	      "Neder\xC2\xADland en Bel\xE2\x80\x8Bgi\xC3\xAB en Oek\xE2\x81\xA0ra\xC3\xAF" "ne en "
	      "\xEF\xBB\xBFMali en Guinee\xE2\x80\x90\nBissau steunen het Peace\xE2\x80\x8D" "building Fund.\n");
	assert_int_equal(t_mentions(&doc, "netherlands"), 1);
	assert_int_equal(t_mentions(&doc, "belgium"), 1);
	assert_int_equal(t_mentions(&doc, "ukraine"), 1);
	assert_int_equal(t_mentions(&doc, "mali"), 1);
	assert_int_equal(t_mentions(&doc, "guinea-bissau"), 1);
	assert_int_equal(t_mentions(&doc, "un-peacebuilding-fund"), 1);
}

static void test_noncharacters_and_file_names(void **state)
{
	(void)state;
	t_run(&doc, rules, "caf\xE9.txt", "Nederland \xEF\xBF\xBE steunt de VN.\n");
	assert_string_equal(doc.raw, "Nederland \xEF\xBF\xBD steunt de VN.\n");
	assert_string_equal(doc.path, "caf\xE9.txt");
	assert_string_equal(doc.source, "caf\xEF\xBF\xBD.txt");
	assert_int_equal(t_mentions(&doc, "netherlands"), 1);
	release(NULL);
	/* valid UTF-8 with U+FFFE and U+FFFF: replaced before dcterms:source */
	t_run(&doc, rules, "a\xEF\xBF\xBE" "b\xEF\xBF\xBF.txt", "Nederland.\n");
	assert_string_equal(doc.source, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD.txt");
	assert_string_equal(doc.path, "a\xEF\xBF\xBE" "b\xEF\xBF\xBF.txt");
	release(NULL);
	/* and both at once */
	t_run(&doc, rules, "\xE9\xEF\xBF\xBF.txt", "Nederland.\n");
	assert_string_equal(doc.source, "\xEF\xBF\xBD\xEF\xBF\xBD.txt");
}

static void test_nul_byte_rejected(void **state)
{
	(void)state;
	static const char raw[] = "Nederland\0steunt de VN.\n";
	assert_int_equal(kgx_doc_init(&doc, "bin.txt", raw, sizeof raw - 1), KGX_OK);
	assert_int_equal(kgx_pipe_run(&doc, rules), KGX_ERR_INPUT);
	release(NULL);
	assert_int_equal(kgx_doc_init(&doc, "bin.txt", raw, sizeof raw - 1), KGX_OK);
	assert_int_equal(kgx_pipe_utf8(&doc, rules), KGX_ERR_INPUT);
	release(NULL);
	/* UTF-16 without a byte order mark looks like binary data */
	static const char nobom[] = "N\0e\0d\0";
	assert_int_equal(kgx_doc_init(&doc, "nobom.txt", nobom, sizeof nobom - 1), KGX_OK);
	assert_int_equal(kgx_pipe_run(&doc, rules), KGX_ERR_INPUT);
}

static void test_empty_document(void **state)
{
	(void)state;
	t_run(&doc, rules, "empty.txt", "");
	assert_int_equal(doc.text_len, 0);
	assert_int_equal(doc.sentences.len, 0);
	assert_int_equal(doc.mentions.len, 0);
	assert_int_equal(doc.relations.len, 0);
}

static void test_forged_mention_token(void **state)
{
	(void)state;
	/* private-use characters in the input cannot pose as mention tokens */
	t_run(&doc, rules, "forge.txt",
	      "\xEE\x80\x80" "Country\xEE\x80\x81" "0\xEE\x80\x82 draagt bij aan het Vredesopbouwfonds.\n");
	assert_int_equal(t_count_pred(&doc, KGX_P_FUNDS), 0);
}

static void test_free_null(void **state)
{
	(void)state;
	kgx_kb_free(NULL);
	kgx_lex_free(NULL);
	kgx_rules_free(NULL);
	kgx_out_free(NULL);
	kgx_abbrevs_free(NULL);
	/* and an object that was never used */
	kgx_kb_free(kgx_kb_new());
	kgx_lex_free(kgx_lex_new());
	kgx_rules_free(kgx_rules_new());
	kgx_out_free(kgx_out_new(KGX_FMT_TURTLE, NULL));
	kgx_abbrevs_free(kgx_abbrevs_new());
	/* releasing a document twice is harmless */
	assert_int_equal(kgx_doc_init(&doc, "x", "", 0), KGX_OK);
	kgx_doc_release(&doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_passes),
		cmocka_unit_test_teardown(test_entities_and_relation, release),
		cmocka_unit_test_teardown(test_regional_mission, release),
		cmocka_unit_test_teardown(test_negated_sentence, release),
		cmocka_unit_test_teardown(test_trailing_negation, release),
		cmocka_unit_test_teardown(test_list_placeholder, release),
		cmocka_unit_test(test_list_qualifier),
		cmocka_unit_test_teardown(test_adjective, release),
		cmocka_unit_test_teardown(test_entity_rules, release),
		cmocka_unit_test(test_amounts_and_years),
		cmocka_unit_test(test_amount_shipped_pattern),
		cmocka_unit_test_teardown(test_utf16, release),
		cmocka_unit_test_teardown(test_windows_1252, release),
		cmocka_unit_test_teardown(test_windows_1252_adjacent, release),
		cmocka_unit_test_teardown(test_utf32_and_odd_lengths, release),
		cmocka_unit_test_teardown(test_invisible_characters_in_names, release),
		cmocka_unit_test(test_slugs),
		cmocka_unit_test(test_name_template),
		cmocka_unit_test(test_surname_merges),
		cmocka_unit_test(test_acronym_span),
		cmocka_unit_test_teardown(test_noncharacters_and_file_names, release),
		cmocka_unit_test_teardown(test_utf8_bom_and_repair, release),
		cmocka_unit_test_teardown(test_nul_byte_rejected, release),
		cmocka_unit_test_teardown(test_empty_document, release),
		cmocka_unit_test_teardown(test_forged_mention_token, release),
		cmocka_unit_test_teardown(test_free_null, release),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
