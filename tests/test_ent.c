/* kgx_ent with the shipped rules (rules/, KGX_SOURCE_RULES): every way of
 * citing a paper or a dated meeting gives one id, and names qualified by a
 * foreign adjective or by "commissie voor" are not the Dutch body; plus the
 * rule features behind them (id.G, [@maps], {G|year}, create = none) on a
 * small rule set; and names discovered in a document, one entity per IRI
 * and found by index, not by comparing each with every other. */
#include "kgx_test.h"
#include "doc.h"
#include "ent.h"

static kgx_rules *shipped;

static int load_shipped(void **state)
{
	(void)state;
	shipped = kgx_rules_new();
	if (!shipped || kgx_rules_load_dir(shipped, KGX_SOURCE_RULES) != KGX_OK ||
	    kgx_rules_compile(shipped, 1) != KGX_OK)
		return -1;
	return 0;
}

static int free_shipped(void **state)
{
	(void)state;
	kgx_rules_free(shipped);
	return 0;
}

/* Whether text, run as a document of its own, mentions the entity `id`. */
static int mentions(const char *text, const char *id)
{
	kgx_doc doc;
	t_run(&doc, shipped, "t.txt", text);
	size_t n = t_mentions(&doc, id);
	kgx_doc_release(&doc);
	return n > 0;
}

/* The class bits of the entity `id` as mentioned in text (0: not mentioned). */
static unsigned classes_of(const char *text, const char *id)
{
	kgx_doc doc;
	t_run(&doc, shipped, "t.txt", text);
	unsigned c = 0;
	for (size_t i = 0; i < doc.mentions.len; i++) {
		const kgx_mention *m = &KGX_VEC_AT(&doc.mentions, kgx_mention, i);
		if (!strcmp(m->entry->id, id))
			c |= m->entry->classes;
	}
	kgx_doc_release(&doc);
	return c;
}

static void test_kamerstuk_forms(void **state)
{
	(void)state;
	static const char *const forms[] = {
		"Zie Kamerstuk 29 521, nr. 349 over de stand van zaken.",
		"Zie Kamerstukken II 2017/18, 29 521, nr. 349 over de stand van zaken.",
		"Zie Kamerstuk 29521-349 over de stand van zaken.",
		"Zie TK 29 521, nr. 349 over de stand van zaken.",
		"Zie kst-29521-349 over de stand van zaken.",
		"Hiermee voer ik de motie uit (ref. 29 521, nr. 349).",
		"Dit vraagt de motie Jansen c.s. van 4 mei jl. (Kamerstuk 29 521, nr. 349).",
	};
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
		print_message("%s\n", forms[i]);
		assert_true(mentions(forms[i], "kst-29521-349"));
	}
	assert_true(mentions("Dit volgt uit Kamerstuk 33 000 V, nr. 18 van vorig jaar.", "kst-33000-v-18"));
	assert_true(mentions("Dit volgt uit kst-33000-V-18 van vorig jaar.", "kst-33000-v-18"));
	assert_true(mentions("Zie TK 21 501-02, nr. 88 voor het verslag.", "kst-21501-02-88"));
	/* a motion without number: its own id, and its signatory a person */
	assert_true(mentions("Hiermee voer ik de motie-Jansen uit.", "motie-jansen"));
	assert_true(mentions("Hiermee voer ik de motie-Jansen uit.", "person-jansen"));
	/* the document's own number on a line of its own, and its web address, cite nothing */
	assert_false(mentions("Kamerstuk 29521-349\n\nGeachte voorzitter,\n", "kst-29521-349"));
	assert_false(mentions("Bron: https://zoek.officielebekendmakingen.nl/kst-29521-349.html\n",
	                      "kst-29521-349"));
}

static void test_proceedings_and_resolutions(void **state)
{
	(void)state;
	assert_true(mentions("Zie Handelingen II 2017/18, nr. 20, item 5 voor het debat.", "h-tk-20172018-20-5"));
	assert_true(mentions("Zie Handelingen II 2017-2018, nr. 20, item 5 voor het debat.", "h-tk-20172018-20-5"));
	assert_true(mentions("De antwoorden staan in Aanhangsel Handelingen II 2018/19, nr. 1234.",
	                     "ah-tk-20182019-1234"));
	assert_true(mentions("De raad nam resolutie 2100 (2013) aan.", "unscr-2100"));
	assert_true(mentions("De uitvoering van VNVR-resolutie 2100 loopt.", "unscr-2100"));
	assert_true(mentions("De AVVN nam resolutie 70/262 aan.", "unga-res-70-262"));
	assert_true(mentions("Het besluit staat in Besluit (GBVB) 2021/509 van de Raad.", "eu-2021-509"));
	/* a UN document by its symbol, with the report's title before it */
	assert_true(mentions("Zie VN-rapport Vrede en Recht (2025), S/2025/123 voor de cijfers.", "un-s-2025-123"));
	assert_false(mentions("Zie https://example.org/stukken/S/2025/123 voor de tekst.", "un-s-2025-123"));
	assert_true(mentions("Dit volgt uit artikel 100 van de Grondwet en het beleid.", "constitution-nl"));
	/* another country's constitution in lower case is not the Dutch one */
	assert_false(mentions("Het land krijgt een nieuwe grondwet en verkiezingen.", "constitution-nl"));
}

static void test_meeting_with_date(void **state)
{
	(void)state;
	assert_true(mentions("Tijdens het algemeen overleg van 10 september 2015 vroeg de Kamer dit.",
	                     "ao-2015-09-10"));
	assert_true(mentions("Het Algemeen Overleg inzake Jemen van 10 september 2015 was kort.",
	                     "ao-2015-09-10"));
	/* without a year: the year of the letter's date */
	assert_true(mentions("Den Haag, 2 april 2025\n\nIn het commissiedebat van 25 maart jl. is dit toegezegd.\n",
	                     "cd-2025-03-25"));
	/* a Council configuration on a date is the council, no meeting of its own */
	static const char rbz[] = "Op de Raad Buitenlandse Zaken van 15 november 2021 is over Mali gesproken.";
	assert_false(mentions(rbz, "rbz-2021-11-15"));
	assert_true(mentions(rbz, "eu-foreign-affairs-council"));
	assert_true(mentions("Tijdens de 64e zitting van de Algemene Vergadering sprak de minister.", "unga-64"));
	assert_true(mentions("De inzet voor de 72ste AVVN is bekend.", "unga-72"));
	/* a meeting of two days is named by its first; an informal council is still the council's */
	assert_true(mentions("De Europese Raad van 26 en 27 juni 2025 sprak over Mali.", "er-2025-06-26"));
	assert_true(mentions("De informele Raad Buitenlandse Zaken (Gymnich) van 30 augustus 2023 sprak.",
	                     "eu-foreign-affairs-council"));
	assert_true(mentions("In het plenaire debat van 14 maart 2023 vroeg de Kamer dit.", "pd-2023-03-14"));
	/* a debate without date, by its subject */
	assert_true(mentions("In het VAO Qarvel vroeg de Kamer om een brief.", "vao-qarvel"));
	assert_true(mentions("Het algemeen overleg over de inzet in de regio werd kort gehouden.",
	                     "algemeen-overleg-over-de-inzet-in-de-regio"));
}

static void test_foreign_ministry_is_not_dutch(void **state)
{
	(void)state;
	assert_false(mentions("De Congolese minister van Defensie sprak met de missie.", "min-defence-nl"));
	assert_false(mentions("Hij sprak met de minister van Defensie van Mali over de missie.", "min-defence-nl"));
	assert_true(mentions("Hij sprak met de minister van Defensie van Mali over de missie.", "mali"));
	assert_true(mentions("De minister van Defensie sprak met de missie.", "min-defence-nl"));
	assert_false(mentions("Het Somalische ministerie van Binnenlandse Zaken kreeg steun.",
	                      "min-interior-kingdom-relations-nl"));
	assert_int_equal(classes_of("De Malinese regering werkte samen met de missie.", "malinese-regering") &
	                 KGX_C_GOVBODY, KGX_C_GOVBODY);
	assert_false(mentions("De Malinese regering werkte samen met de missie.", "cabinet-nl"));
}

static void test_committee_is_not_ministry(void **state)
{
	(void)state;
	static const char text[] = "De vaste commissie voor Binnenlandse Zaken heeft om een brief gevraagd.";
	assert_false(mentions(text, "min-interior-kingdom-relations-nl"));
	assert_true(mentions(text, "tk-committee-interior"));
	/* a committee the knowledge base does not list is a body of its own */
	static const char other[] = "De commissie voor Buitenlandse Zaken en Handel vergaderde.";
	assert_false(mentions(other, "min-foreign-affairs-nl"));
}

static void test_organisations(void **state)
{
	(void)state;
	assert_true(mentions("Volgens Reuters en de Volkskrant is de hulp gestopt.", "reuters"));
	assert_true(mentions("Volgens Reuters en de Volkskrant is de hulp gestopt.", "de-volkskrant"));
	assert_true(mentions("Het Rode Kruis en de Wereld Bank helpen.", "red-cross-movement"));
	assert_true(mentions("Het Rode Kruis en de Wereld Bank helpen.", "world-bank"));
	assert_true(mentions("Nederland sprak namens de G77 niet, maar wel in het GCTF.", "gctf"));
	/* a cased name matches only with its capital */
	assert_true(mentions("Dat meldde Trouw gisteren.", "trouw"));
	assert_false(mentions("Wij blijven trouw aan het Handvest.", "trouw"));
}

/* An Eerste Kamer paper is numbered by letters within its dossier; a date
 * after the letters belongs to the citation. */
static void test_eerste_kamer_paper(void **state)
{
	(void)state;
	assert_true(mentions("Zie Kamerstuk 31 200, CD van 3 mei 2020 over de missie.", "kst-31200-cd"));
	assert_true(mentions("Dit staat in Kamerstukken I 2019/20, 31 200, CD.", "kst-31200-cd"));
	assert_false(mentions("Zie Kamerstuk 31 200, nr. 12 over de missie.", "kst-31200-cd"));
}

/* Funds and missions the knowledge base does not know, by the head of their
 * name; a known name stays the known entity. */
static void test_unnamed_fund_and_mission(void **state)
{
	(void)state;
	assert_true(classes_of("Nederland draagt bij aan het Qarvel Recovery Trust Fund van de bank.",
	                       "qarvel-recovery-trust-fund") & KGX_C_FUND);
	assert_true(classes_of("Het geld gaat naar het Fonds voor Lokale Vrede in de regio.",
	                       "fonds-voor-lokale-vrede") & KGX_C_FUND);
	assert_true(classes_of("Het geld gaat naar het Zeevaartfonds.", "zeevaartfonds") & KGX_C_FUND);
	/* an adjective of nationality qualifies a fund, it does not name one */
	assert_false(mentions("Het geld gaat naar het Franse Fonds voor de regio.", "franse-fonds"));
	assert_true(classes_of("De EU-missie EUCOP Qarvel helpt de politie.", "eucop-qarvel") & KGX_C_MISSION);
	assert_true(classes_of("De VN-vredesmissie UNMIQ werd opgericht.", "unmiq") & KGX_C_MISSION);
	assert_true(classes_of("Nederland neemt deel aan operatie Blauwe Horizon.", "operatie-blauwe-horizon") &
	            KGX_C_MISSION);
	assert_true(mentions("De EU-missie EUCAP Sahel Mali helpt de politie.", "eucap-sahel-mali"));
	assert_true(mentions("Nederland steunt het Peacebuilding Fund.", "un-peacebuilding-fund"));
	/* a paper in English by the head of its name */
	assert_true(classes_of("Dit staat in het Qarvel Implementation Plan on Coastal Security van 2020.",
	                       "qarvel-implementation-plan-on-coastal-security") & KGX_C_DOCUMENT);
	assert_true(classes_of("De VN gebruikt het bijzonder bruikbare Framework for Review of Coastal Crimes.",
	                       "framework-for-review-of-coastal-crimes") & KGX_C_DOCUMENT);
	/* a UN mission named by its country, in any of the words for it */
	assert_true(mentions("De VN-vredesmissie in Zuid-Soedan beschermt burgers.", "unmiss"));
	assert_true(mentions("De VN-vredesmissie in Zuid-Soedan beschermt burgers.", "south-sudan"));
	assert_true(mentions("De VN-vredesmacht in Libanon blijft.", "unifil"));
}

/* Lists completed from the real world: closed peace operations, coalitions,
 * committees of the General Assembly and the Security Council, regions. */
static void test_completed_lists(void **state)
{
	(void)state;
	assert_true(mentions("Nederlandse militairen dienden in UNPROFOR en UNTAC.", "unprofor"));
	assert_true(mentions("Nederlandse militairen dienden in UNPROFOR en UNTAC.", "untac"));
	assert_true(classes_of("De bijdrage aan de anti-ISIS coalitie loopt door.", "anti-isis-coalition") &
	            KGX_C_MISSION);
	assert_true(mentions("De resolutie werd in de Derde Commissie aangenomen.", "unga-third-committee"));
	assert_true(mentions("Het 1267-comité plaatste hem op de lijst.", "unsc-1267-committee"));
	assert_true(mentions("Steun voor de Koerdistan Autonome Regio blijft nodig.", "kurdistan-region-iraq"));
	assert_true(classes_of("Nederland steunt Gavi met 10 miljoen euro.", "gavi") & KGX_C_FUND);
}

/* Organisations recognisable by the form of their name: a Dutch kind
 * ("Stichting", "Instituut voor") before a capitalised name, even when the
 * name is a person's; an English kind closing the name or opening it before
 * "for"; a known name is still its entry, and a name that runs on in
 * capitals is another rule's. */
static void test_organisation_by_form(void **state)
{
	(void)state;
	assert_true(classes_of("Subsidie ging naar de Stichting Piet de Boer voor haar scholen.",
	                       "stichting-piet-de-boer") & KGX_C_ORGANISATION);
	assert_false(mentions("Subsidie ging naar de Stichting Piet de Boer voor haar scholen.",
	                      "person-piet-de-boer"));
	assert_true(classes_of("Het Nederlands Instituut voor Zeerecht publiceerde een studie.",
	                       "nederlands-instituut-voor-zeerecht") & KGX_C_ORGANISATION);
	assert_true(classes_of("Wij spraken met de Regional Network for Mine Clearance over de regio.",
	                       "regional-network-for-mine-clearance") & KGX_C_ORGANISATION);
	/* where the name runs on after a small word, its end is unsure: no name */
	assert_false(mentions("Nederland steunt het Qarvel Initiative for Women in Coastal Operations.",
	                      "qarvel-initiative-for-women"));
	assert_true(classes_of("Het Institute for Maritime Security gaf een training.",
	                       "institute-for-maritime-security") & KGX_C_ORGANISATION);
	assert_true(classes_of("Zij werkt samen met de Coastal Peace Coalition in de regio.",
	                       "coastal-peace-coalition") & KGX_C_ORGANISATION);
	/* a known name stays the known entry; "X Trust Fund" is a fund */
	assert_true(mentions("De Stichting Vluchteling helpt in de regio.", "stichting-vluchteling"));
	assert_false(mentions("Nederland draagt bij aan het Qarvel Recovery Trust Fund.", "qarvel-recovery-trust"));
	assert_false(mentions("De stichting werkt in drie provincies.", "stichting"));
	/* universities by their kind, in Dutch and English */
	assert_true(classes_of("Een studie van de Rijksuniversiteit Qarvelstad verscheen.",
	                       "rijksuniversiteit-qarvelstad") & KGX_C_ORGANISATION);
	assert_true(classes_of("Onderzoekers van de University of Qarvel schreven het.", "university-of-qarvel") &
	            KGX_C_ORGANISATION);
	/* parties and movements abroad */
	assert_true(mentions("De Moslimbroederschap en het ANC werden genoemd.", "muslim-brotherhood"));
	assert_true(mentions("De Syrische Nationale Coalitie sprak in Doha.", "syrian-national-coalition"));
	/* parliaments and offices abroad are government bodies of their own */
	assert_true(classes_of("Het Witte Huis en het Kremlin spraken elkaar.", "kremlin") & KGX_C_GOVBODY);
	assert_true(mentions("De Duitse Bondsdag stemde in met de missie.", "bundestag"));
	/* a titled opinion piece cited in a question is a document */
	assert_true(classes_of("Wat vindt u van het opiniestuk «Wapens voor Vrede» in de krant?", "wapens-voor-vrede") &
	            KGX_C_DOCUMENT);
}

/* Conferences and summits named by a place or a country, Council meetings
 * by their month (the year from the letter when the text leaves it out),
 * and the question hour and a budget debate with their date. */
static void test_meeting_by_place_or_month(void **state)
{
	(void)state;
	assert_true(classes_of("Nederland zegde op de Kaapstad-conferentie steun toe.", "kaapstad-conferentie") &
	            KGX_C_EVENT);
	assert_true(classes_of("Tijdens de Conferentie van Kaapstad over Soedan werd veel toegezegd.",
	                       "conferentie-van-kaapstad-over-soedan") & KGX_C_EVENT);
	assert_false(mentions("De top van Europese leiders sprak over migratie.", "top-van-europese"));
	assert_true(mentions("Op de Europese Raad van oktober 2014 werden doelen vastgesteld.", "er-2014-10"));
	/* a Council configuration's meeting by its month is the council */
	assert_false(mentions("Den Haag, 2 april 2025\n\nVoor de RBZ van mei sprak ik met collega's.\n",
	                      "rbz-2025-05"));
	assert_true(mentions("Den Haag, 2 april 2025\n\nVoor de RBZ van mei sprak ik met collega's.\n",
	                     "eu-foreign-affairs-council"));
	/* the report of such a meeting is a document, not the meeting */
	assert_false(mentions("In het verslag van de RBZ van maart 2019 staat dit.", "rbz-2019-03"));
	assert_true(mentions("In het mondelinge vragenuur van 4 juni 2019 ging het over Irak.", "vu-2019-06-04"));
	assert_true(mentions("Bij de begrotingsbehandeling van Defensie op 6 november 2014 was dit een punt.",
	                     "bb-2014-11-06"));
	assert_true(mentions("Het rondetafelgesprek over de kustwacht van 9 mei 2022 ging over havens.",
	                     "rtg-2022-05-09"));
	/* a finite verb ends the subject: the meeting is not dated by the clause after it */
	assert_false(mentions("Het notaoverleg over de wet werd gehouden op 3 mei 2022.", "no-2022-05-03"));
	assert_true(classes_of("De Somaliëconferentie voor Puntland bracht veel op.",
	                       "somalieconferentie-voor-puntland") & KGX_C_EVENT);
	/* a known name followed by its place stays the known name */
	assert_true(mentions("De Cyberconferentie in Den Haag trok veel bezoekers.", "gccs-2015"));
	assert_true(mentions("De OVSE-Ministerraad in Wenen sprak over de grens.", "osce-ministerial-council"));
	/* the report of a committee meeting: its heading is the dated meeting */
	assert_true(mentions("Verslag van een algemeen overleg\n\nDe vaste commissie voor Defensie heeft op 3 mei "
	                     "2018 overleg gevoerd met de minister over de marine.\n", "ao-2018-05-03"));
	/* summits of the real world, all NATO summits since 2002 */
	assert_true(mentions("Op de NAVO-top in Boekarest werd over uitbreiding gesproken.", "nato-summit-2008"));
	assert_true(mentions("De NAVO-top van Lissabon nam een nieuw concept aan.", "nato-summit-2010"));
	assert_true(mentions("Nederland was gastheer van de Afghanistan-conferentie in Den Haag.",
	                     "hague-conference-afghanistan-2009"));
}

/* Documents named after a person or a place by a hyphen, and treaties and
 * agreements of the real world under their Dutch names, inflected too. */
static void test_document_by_form(void **state)
{
	(void)state;
	assert_true(classes_of("Het Verhoeven-rapport beschreef de fouten.", "verhoeven-rapport") & KGX_C_DOCUMENT);
	assert_false(mentions("Het VN-rapport over de regio verscheen in mei.", "vn-rapport"));
	assert_true(mentions("Het Chemische Wapenverdrag verbiedt deze middelen.", "cwc"));
	assert_true(mentions("Het Gezamenlijk Alomvattend Actieplan beperkt de verrijking.", "jcpoa"));
	assert_true(mentions("Het Protocol van Kyoto bond de industrielanden.", "kyoto-protocol"));
	assert_true(mentions("Het NAVO Strategisch Concept noemt dit.", "nato-strategic-concept"));
	assert_true(mentions("Het Verdrag van Pelindaba maakt Afrika kernwapenvrij.", "treaty-of-pelindaba"));
	/* the official gazettes by publication id, in every spelling */
	assert_true(mentions("De wet is bekendgemaakt in Stb. 2016, 88 en geldt nu.", "stb-2016-88"));
	assert_true(mentions("De wet staat in Staatsblad 2016, nr. 88.", "stb-2016-88"));
	assert_true(mentions("Het verdrag is gepubliceerd in Trb. 2012, 7 en geldt nu.", "trb-2012-7"));
	assert_true(mentions("De regeling staat in de Staatscourant 2021, 4567.", "stcrt-2021-4567"));
	/* yearly papers with their year; laws by their titles */
	assert_true(mentions("De cijfers staan in de HGIS-nota 2018.", "hgis-nota-2018"));
	assert_true(mentions("Dit valt onder de Sanctiewet 1977 en de Wet internationale misdrijven.", "sanctiewet-1977"));
	/* a title ends before its author; "de Raad" after an EU act is the Council of the EU */
	assert_true(mentions("Het rapport Sterk en Veilig van het Qarvel Instituut verscheen.", "sterk-en-veilig"));
	assert_true(classes_of("Het rapport Sterk en Veilig van het Qarvel Instituut verscheen.", "qarvel-instituut") &
	            KGX_C_ORGANISATION);
	assert_true(mentions("De VN-Veiligheidsraad sprak. Besluit (GBVB) 2019/797 van de Raad is verlengd.",
	                     "council-of-the-eu"));
}

/* The features the shipped rules use, on a rule set of their own. */
static void test_id_templates(void **state)
{
	(void)state;
	static const char patterns[] =
		"[@maps]\n"
		"month = mei 05\n"
		"month = juni 06\n"
		"\n"
		"[dated]\n"
		"kind = entity\n"
		"pattern = \\b(?<e>borrel\\s+(?:van|op)\\s+(?<d>\\d+)\\s+(?<m>mei|juni)(?:\\s+(?<y>\\d{4}))?)\n"
		"id.e = borrel-{y|year}-{m:month}-{d}\n"
		"create.e = Event\n"
		"\n"
		"[nothing]\n"
		"kind = entity\n"
		"priority = 60\n"
		"pattern = \\b(?<n>Franse\\s+Vredesfonds)\n"
		"create.n = none\n"
		"\n"
		"[date]\n"
		"kind = meta\n"
		"scope = document\n"
		"field = date\n"
		"pattern = (?m)^Datum\\s+(?<value>\\d+\\s+\\w+\\s+\\d{4})\n";
	static const char kb[] = "[pf]\nclass = Fund\nnl = Vredesfonds\n";
	kgx_rules *r = t_rules(kb, patterns);
	kgx_doc doc;
	t_run(&doc, r, "a.txt", "De borrel op 3 mei 2024 was fijn. Ook de borrel van 3 mei 2024 dus.");
	assert_int_equal(t_mentions(&doc, "borrel-2024-05-3"), 2);
	assert_int_equal(doc.discovered.len, 1);  /* two forms, one entity */
	kgx_doc_release(&doc);
	t_run(&doc, r, "b.txt", "Datum 9 juni 2023\n\nDe borrel op 3 juni was fijn.\n");
	assert_int_equal(t_mentions(&doc, "borrel-2023-06-3"), 1);
	kgx_doc_release(&doc);
	t_run(&doc, r, "c.txt", "Het Franse Vredesfonds en het Vredesfonds.");
	assert_int_equal(t_mentions(&doc, "pf"), 1);  /* only the second */
	assert_int_equal(doc.silenced.len, 1);
	kgx_doc_release(&doc);
	kgx_rules_free(r);
}

static void test_map_errors(void **state)
{
	(void)state;
	static const char bad_map[] =
		"[r]\nkind = entity\npattern = (?<e>x(?<m>y))\nid.e = a-{m:nomap}\ncreate.e = Event\n";
	kgx_rules *r = kgx_rules_new();
	assert_non_null(r);
	assert_int_equal(kgx_rules_load_patterns(r, "t.rules", bad_map, strlen(bad_map)), KGX_OK);
	assert_int_not_equal(kgx_rules_compile(r, 1), KGX_OK);
	kgx_rules_free(r);
	static const char bad_fallback[] =
		"[r]\nkind = entity\npattern = (?<e>x(?<m>y))\nid.e = a-{m|month}\ncreate.e = Event\n";
	r = kgx_rules_new();
	assert_non_null(r);
	assert_int_not_equal(kgx_rules_load_patterns(r, "t.rules", bad_fallback, strlen(bad_fallback)), KGX_OK);
	kgx_rules_free(r);
}

/* ---------------------------------------------------- discovered names */

static kgx_doc idoc;

static int release(void **state)
{
	(void)state;
	kgx_doc_release(&idoc);
	return 0;
}

static const char bracketed[] = "[bracketed]\nkind = entity\npattern = \\[(?<name>[^\\]]+)\\]\n"
                                "create.name = Organisation\n";

static size_t discovered_with_id(const char *id, const char **label)
{
	size_t n = 0;
	for (size_t i = 0; i < idoc.discovered.len; i++) {
		const kgx_entry *e = KGX_VEC_AT(&idoc.discovered, kgx_entry *, i);
		if (!strcmp(e->id, id)) {
			n++;
			*label = e->label;
		}
	}
	return n;
}

/* Names that differ in spelling but make one slug are one entity with one
 * label, the first spelling's: an IRI has one rdfs:label. */
static void test_one_entity_per_iri(void **state)
{
	(void)state;
	kgx_rules *r = t_rules(NULL, bracketed);
	t_run(&idoc, r, "slug.txt",
	      "Zie [Fonds A.B. Jansen] en [Fonds A. B. Jansen].\n\nOok [Foo Bar] en [foo-bar] en [FOO  BAR].\n");
	const char *label = NULL;
	assert_int_equal(discovered_with_id("fonds-a-b-jansen", &label), 1);
	assert_string_equal(label, "Fonds A.B. Jansen");
	assert_int_equal(discovered_with_id("foo-bar", &label), 1);
	assert_string_equal(label, "Foo Bar");
	assert_int_equal(idoc.discovered.len, 2);
	/* every spelling is a mention of it */
	assert_int_equal(t_mentions(&idoc, "foo-bar"), 3);
	assert_int_equal(t_mentions(&idoc, "fonds-a-b-jansen"), 2);
	kgx_rules_free(r);
}

/* Each new name is looked up in an index, not compared with every name
 * defined before it in the document: 300 000 distinct names (about 4 MB)
 * took minutes, one comparison each with all earlier ones. */
static void test_many_distinct_names(void **state)
{
	(void)state;
	kgx_rules *r = t_rules(NULL, bracketed);
	size_t n = 300000;
	kgx_buf text = {0};
	for (size_t i = 0; i < n; i++) {
		char w[8];
		for (size_t k = 0, v = i; k < 4; k++, v /= 26)
			w[k] = (char)('a' + v % 26);
		assert_int_equal(kgx_buf_printf(&text, "[Naam %.4s]%s", w, i % 8 == 7 ? ".\n" : " "), 0);
	}
	t_run(&idoc, r, "names.txt", text.s);
	kgx_buf_free(&text);
	assert_int_equal(idoc.discovered.len, n);
	kgx_rules_free(r);
}

static void test_given_name_before_known_surname(void **state)
{
	(void)state;
	/* a given name before a known minister's surname is that minister, not a
	 * new person; a different initial is someone else */
	kgx_doc doc;
	t_run(&doc, shipped, "t.txt", "Volgens de minister van Defensie, Ank Bijleveld-Schouten, is dat nodig.");
	assert_true(t_mentions(&doc, "person-bijleveld-schouten") > 0);
	assert_int_equal(doc.discovered.len, 0);
	kgx_doc_release(&doc);
	t_run(&doc, shipped, "t.txt", "Volgens de minister van Defensie, Piet Bijleveld-Schouten, is dat nodig.");
	assert_int_equal(t_mentions(&doc, "person-bijleveld-schouten"), 0);
	kgx_doc_release(&doc);
}

static void test_surname_after_high_office(void **state)
{
	(void)state;
	/* a lone surname after the title of a high office is a person ... */
	assert_true(mentions("Volgens commissaris-generaal Lazzarini is de nood hoog.", "person-lazzarini"));
	/* ... the known one, where the knowledge base's id names that surname */
	assert_true(mentions("Volgens Hoge Commissaris Türk is de nood hoog.", "person-turk"));
	/* not a country after "van" */
	assert_false(mentions("Volgens de president van Kenia is de nood hoog.", "person-van-kenia"));
}

static void test_party_glued_to_role(void **state)
{
	(void)state;
	/* "ABC-Kamerlid P": a person, and a member of the party */
	kgx_doc doc;
	t_run(&doc, shipped, "t.txt", "Volgens VVD-woordvoerder Hakkert is de missie nodig.");
	assert_true(t_mentions(&doc, "person-hakkert") > 0);
	assert_non_null(t_relation(&doc, "person-hakkert", KGX_P_MEMBEROF, "vvd"));
	kgx_doc_release(&doc);
}

/* A signature block in capitals names the person the knowledge base spells
 * in mixed case; a heading in capitals with no name after it signs nothing. */
static void test_signature_in_capitals(void **state)
{
	(void)state;
	kgx_doc doc;
	t_run(&doc, shipped, "t.txt", "Hoogachtend,\n\nDe minister van Defensie,\n\nJ.A. HENNIS-PLASSCHAERT\n");
	assert_true(t_mentions(&doc, "person-hennis-plasschaert") > 0);
	assert_non_null(t_relation(&doc, "person-hennis-plasschaert", KGX_P_MINISTEROF, "min-defence-nl"));
	kgx_doc_release(&doc);
	t_run(&doc, shipped, "t.txt", "DE MINISTER VAN DEFENSIE\n\nDe missie loopt af.\n");
	for (size_t i = 0; i < doc.relations.len; i++)
		assert_int_not_equal(KGX_VEC_AT(&doc.relations, kgx_relation, i).predicate, KGX_P_SIGNEDBY);
	kgx_doc_release(&doc);
}

/* A city stands for its country where a relation places something, and is
 * no entity, nor an adjective before a title. */
static void test_place_for_country(void **state)
{
	(void)state;
	kgx_doc doc;
	t_run(&doc, shipped, "t.txt", "Het Internationaal Strafhof is sinds 2002 gevestigd in Den Haag.");
	assert_non_null(t_relation(&doc, "netherlands", KGX_P_HOSTS, "icc"));
	for (size_t i = 0; i < doc.mentions.len; i++) {
		const kgx_mention *m = &KGX_VEC_AT(&doc.mentions, kgx_mention, i);
		if (!strcmp(m->entry->id, "netherlands"))
			assert_int_equal(m->kind, KGX_M_WEAK);
	}
	kgx_doc_release(&doc);
	t_run(&doc, shipped, "t.txt", "Het gaat om het in Genève gevestigde UNHCR.");
	assert_null(t_relation(&doc, "netherlands", KGX_P_HOSTS, "unhcr"));
	assert_non_null(t_relation(&doc, "switzerland", KGX_P_HOSTS, "unhcr"));
	kgx_doc_release(&doc);
	t_run(&doc, shipped, "t.txt", "Postbus 20061 Den Haag de Voorzitter van de Tweede Kamer der Staten-Generaal");
	assert_null(t_relation(&doc, "netherlands", KGX_P_CHAIRS, "tweede-kamer"));
	kgx_doc_release(&doc);
}

/* A guessed name inside a longer known one gives way to it. */
static void test_known_name_outlasts_a_guess(void **state)
{
	(void)state;
	const char *text = "Wij maken geld vrij voor het Elsie Initiative Fund for Uniformed Women in Peace Operations.";
	assert_true(mentions(text, "elsie-initiative-fund"));
	assert_false(mentions(text, "elsie-initiative-fund-for-uniformed-women"));
}

static void test_long_form_of_a_known_acronym(void **state)
{
	(void)state;
	/* a long form that spells the known body's name another way is that
	 * body, whatever class its head noun would give a new name */
	const char *text = "Wij dragen bij aan het World Food Program (WFP) en de Food and Agriculture Organisatie (FAO).";
	assert_true(mentions(text, "wfp"));
	assert_true(mentions(text, "fao"));
	assert_false(mentions(text, "world-food-program"));
	/* an owner's possessive before a known name is no part of it */
	assert_true(mentions("The Netherlands gives more to the UN’s Central Emergency Response Fund.", "cerf"));
	assert_false(mentions("The Netherlands gives more to the UN’s Central Emergency Response Fund.",
	                      "un-s-central-emergency-response-fund"));
	/* one that spells another name is a name of its own */
	assert_false(mentions("Wij steunen de Regional Stabilisation Facility (RSF) in Irak.", "rsf"));
}

static void test_parent_of_a_nested_name(void **state)
{
	(void)state;
	/* a name inside a name has its own parent named inside it: the UN
	 * inside the Secretary-General inside the advocate's title */
	const char *text = "Zij is Speciaal Pleitbezorger van de Secretaris-Generaal van de Verenigde Naties voor "
	                   "Inclusieve Financiering voor Duurzame Ontwikkeling.";
	assert_true(mentions(text, "un-secretary-general"));
	assert_true(mentions(text, "un"));
}

static void test_committee_past_its_footnote(void **state)
{
	(void)state;
	/* "commissie voor Defensie2,": the footnote number is no part of the name */
	const char *text = "Vastgesteld 3 mei 2021\n\nDe vaste commissie voor Defensie2, belast met het onderzoek, heeft "
	                   "vragen gesteld.\n\nDe voorzitter van de commissie,\n\nVan der Berg\n";
	assert_true(mentions(text, "tk-committee-defence"));
	kgx_doc doc;
	t_run(&doc, shipped, "t.txt", text);
	int chair = 0;
	for (size_t i = 0; i < doc.relations.len; i++) {
		const kgx_relation *r = &KGX_VEC_AT(&doc.relations, kgx_relation, i);
		chair |= r->predicate == KGX_P_CHAIRS && r->o && !strcmp(r->o->id, "tk-committee-defence");
	}
	assert_true(chair);
	kgx_doc_release(&doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kamerstuk_forms),
		cmocka_unit_test(test_proceedings_and_resolutions),
		cmocka_unit_test(test_meeting_with_date),
		cmocka_unit_test(test_foreign_ministry_is_not_dutch),
		cmocka_unit_test(test_committee_is_not_ministry),
		cmocka_unit_test(test_organisations),
		cmocka_unit_test(test_eerste_kamer_paper),
		cmocka_unit_test(test_unnamed_fund_and_mission),
		cmocka_unit_test(test_completed_lists),
		cmocka_unit_test(test_organisation_by_form),
		cmocka_unit_test(test_meeting_by_place_or_month),
		cmocka_unit_test(test_document_by_form),
		cmocka_unit_test(test_id_templates),
		cmocka_unit_test(test_map_errors),
		cmocka_unit_test_teardown(test_one_entity_per_iri, release),
		cmocka_unit_test_teardown(test_many_distinct_names, release),
		cmocka_unit_test(test_given_name_before_known_surname),
		cmocka_unit_test(test_surname_after_high_office),
		cmocka_unit_test(test_party_glued_to_role),
		cmocka_unit_test(test_signature_in_capitals),
		cmocka_unit_test(test_place_for_country),
		cmocka_unit_test(test_known_name_outlasts_a_guess),
		cmocka_unit_test(test_committee_past_its_footnote),
		cmocka_unit_test(test_long_form_of_a_known_acronym),
		cmocka_unit_test(test_parent_of_a_nested_name),
	};
	return cmocka_run_group_tests(tests, load_shipped, free_shipped);
}
