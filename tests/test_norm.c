/* kgx_norm: PDF-extracted text into running text with an offset map. */
#include "kgx_test.h"
#include "doc.h"
#include "norm.h"

static kgx_doc doc;

static void norm(const char *raw)
{
	assert_int_equal(kgx_doc_init(&doc, "norm.txt", raw, strlen(raw)), KGX_OK);
	assert_int_equal(kgx_norm_run(&doc), KGX_OK);
	assert_non_null(doc.text);
	assert_non_null(doc.map);
	assert_int_equal(strlen(doc.text), doc.text_len);
}

static int teardown(void **state)
{
	(void)state;
	kgx_doc_release(&doc);
	return 0;
}

/* Every byte the normaliser copied (all but the spaces and line breaks it
 * writes itself) maps back to the same byte of the input, and the map has
 * one entry past the end pointing at the end of the input. */
static void assert_map_consistent(void)
{
	for (size_t i = 0; i < doc.text_len; i++) {
		assert_true(doc.map[i] < doc.raw_len);
		if (doc.text[i] != ' ' && doc.text[i] != '\n' && doc.raw[doc.map[i]] != doc.text[i])
			fail_msg("map[%zu] = %u: text has 0x%02x, raw has 0x%02x", i, doc.map[i],
			         (unsigned char)doc.text[i], (unsigned char)doc.raw[doc.map[i]]);
	}
	assert_int_equal(doc.map[doc.text_len], doc.raw_len);
}

/* Text offset of the first occurrence of s. */
static size_t text_at(const char *s)
{
	const char *p = strstr(doc.text, s);
	if (!p)
		fail_msg("'%s' not in normalised text: %s", s, doc.text);
	return (size_t)(p - doc.text);
}

static size_t raw_at(const char *s)
{
	const char *p = strstr(doc.raw, s);
	assert_non_null(p);
	return (size_t)(p - doc.raw);
}

static void test_hyphenation_undone(void **state)
{
	(void)state;
	norm("De samenwerking tussen de landen is internati-\n"
	     "onaal van aard en wordt breed gedragen.\n");
	assert_string_equal(doc.text, "De samenwerking tussen de landen is internationaal van aard en "
	                              "wordt breed gedragen.");
	assert_map_consistent();
	/* "onaal" maps to where it was written, after the dropped hyphen and newline */
	assert_int_equal(doc.map[text_at("onaal")], raw_at("onaal"));
	assert_int_equal(doc.map[text_at("internati")], raw_at("internati"));
}

static void test_real_hyphen_kept(void **state)
{
	(void)state;
	norm("De resolutie van de VN-\n"
	     "Veiligheidsraad werd na lang beraad unaniem aangenomen door de leden.\n"
	     "Het aantal besmettingen met COVID-\n"
	     "19 nam in die periode nog sterk toe in de regio.\n");
	assert_string_equal(doc.text,
	                    "De resolutie van de VN-Veiligheidsraad werd na lang beraad unaniem aangenomen "
	                    "door de leden. Het aantal besmettingen met COVID-19 nam in die periode nog "
	                    "sterk toe in de regio.");
	assert_map_consistent();
	assert_int_equal(doc.map[text_at("-Veiligheidsraad")], raw_at("-\nVeiligheidsraad"));
}

static void test_footnotes_moved_behind_body(void **state)
{
	(void)state;
	norm("Nederland investeert al jaren in conflictbemiddeling1. Die inzet wordt breed gedragen door\n"
	     "de partners en in 20182 stelde het kabinet hiervoor extra middelen beschikbaar voor de\n"
	     "komende jaren.\n"
	     "\n"
	     "1 Deze brief gaat in op de motie van het lid Dobbe.\n"
	     "2 Kamerstuk 29 237, nr. 209.\n"
	     "\n"
	     "Daarnaast draagt Nederland bij aan het Vredesopbouwfonds van de Verenigde Naties.\n");
	assert_string_equal(doc.text,
	                    "Nederland investeert al jaren in conflictbemiddeling. Die inzet wordt breed "
	                    "gedragen door de partners en in 2018 stelde het kabinet hiervoor extra middelen "
	                    "beschikbaar voor de komende jaren.\n\n"
	                    "Daarnaast draagt Nederland bij aan het Vredesopbouwfonds van de Verenigde Naties.\n\n"
	                    "Deze brief gaat in op de motie van het lid Dobbe.\n\n"
	                    "Kamerstuk 29 237, nr. 209.");
	assert_map_consistent();
	/* the footnote's text maps into the footnote block, after its number */
	assert_int_equal(doc.map[text_at("Deze brief")], raw_at("Deze brief"));
	assert_int_equal(doc.map[text_at("Kamerstuk")], raw_at("Kamerstuk"));
	/* "2018" is the year as written, its marker dropped */
	assert_int_equal(doc.map[text_at("2018 stelde")], raw_at("20182"));
}

static void test_footnote_glue_single_note(void **state)
{
	(void)state;
	/* the brief's example: both markers refer to footnote 1 */
	norm("De regering zet in op conflictbemiddeling1. Zij doet dat al lang en in 20181 stelde de\n"
	     "minister hiervoor een bedrag beschikbaar voor de komende jaren in de regio.\n"
	     "\n"
	     "1 Deze brief gaat in op de motie van het lid Dobbe.\n");
	assert_string_equal(doc.text,
	                    "De regering zet in op conflictbemiddeling. Zij doet dat al lang en in 2018 "
	                    "stelde de minister hiervoor een bedrag beschikbaar voor de komende jaren in de "
	                    "regio.\n\nDeze brief gaat in op de motie van het lid Dobbe.");
	assert_map_consistent();
}

static void test_numbers_that_are_not_markers(void **state)
{
	(void)state;
	/* a numbered heading without a marker before it is not a footnote;
	 * "G7" and a year without a footnote keep their digits */
	norm("1 Inleiding\n"
	     "\n"
	     "De G7 en de VN1 spraken in 2019 en 20191 over de landen van de regio en de Sahel.\n"
	     "\n"
	     "1 Zie de verklaring van de top.\n");
	assert_string_equal(doc.text,
	                    "1 Inleiding\n\n"
	                    "De G7 en de VN spraken in 2019 en 2019 over de landen van de regio en de Sahel.\n\n"
	                    "Zie de verklaring van de top.");
	assert_map_consistent();
}

static void test_page_break_debris(void **state)
{
	(void)state;
	/* a sentence interrupted by a page break: the footnote, the link the PDF
	 * repeats under it and the page number are not part of it */
	norm("Het kabinet zet in op diplomatie1 en werkt met regionale partners samen om escalatie te voorkomen,\n"
	     "\n"
	     "1 Zie ook de beleidsnota Wereldwijd voor duurzame ontwikkeling.\n"
	     "\n"
	     "https://www.rijksoverheid.nl/documenten/beleidsnota-2022\n"
	     "\n"
	     "2\n"
	     "\n"
	     "vertrouwenwekkende maatregelen te bevorderen en de dialoog tussen de partijen te steunen.\n");
	assert_string_equal(doc.text,
	                    "Het kabinet zet in op diplomatie en werkt met regionale partners samen om escalatie "
	                    "te voorkomen, vertrouwenwekkende maatregelen te bevorderen en de dialoog tussen de "
	                    "partijen te steunen.\n\n"
	                    "Zie ook de beleidsnota Wereldwijd voor duurzame ontwikkeling.");
	assert_null(strstr(doc.text, "https://"));
	assert_map_consistent();
}

static void test_page_foot_dropped(void **state)
{
	(void)state;
	/* the running foot of an official publication's page is debris: it
	 * neither joins the signature above it nor stays in the text */
	norm("De Minister van Defensie,\n"
	     "\n"
	     "A.B. Jansen\n"
	     "\n"
	     "kst-12345-67-890 ISSN 0921 - 7371 's-Gravenhage 2021\n"
	     "\n"
	     "BIJLAGE\n");
	assert_null(strstr(doc.text, "ISSN"));
	assert_non_null(strstr(doc.text, "Jansen\n\nBIJLAGE"));
	assert_map_consistent();
	kgx_doc_release(&doc);
	/* a line that only starts like one is text */
	norm("kst-12345 is het nummer; ISSN is een ander nummer.\n");
	assert_non_null(strstr(doc.text, "ISSN"));
}

static void test_page_break_form_feed(void **state)
{
	(void)state;
	/* a form feed is a page break: a sentence that goes on continues */
	norm("Nederland werkt met de partners in de regio aan een duurzame oplossing voor het\f"
	     "conflict en blijft de gesprekken tussen de partijen ook in de toekomst steunen.\n");
	assert_string_equal(doc.text,
	                    "Nederland werkt met de partners in de regio aan een duurzame oplossing voor het "
	                    "conflict en blijft de gesprekken tussen de partijen ook in de toekomst steunen.");
	assert_map_consistent();
}

static void test_table_cells_stay_apart(void **state)
{
	(void)state;
	/* a table flattened to one cell a line, with lines of spaces between
	 * rows: a figure is no sentence a page break cut */
	norm("Uitgaven per organisatie\n\nZORG\n\n40.955.328\n\n       \n\nLIGA\n\n7.132.382\n");
	assert_string_equal(doc.text, "Uitgaven per organisatie\n\nZORG\n\n40.955.328\n\nLIGA\n\n7.132.382");
	assert_map_consistent();
	kgx_doc_release(&doc);
	/* a small figure among cells is no page number */
	norm("Uitgaven (x 1.000)\n\nZORG\n\n1.200\n\n300\n\nLIGA\n\n800\n");
	assert_string_equal(doc.text, "Uitgaven (x 1.000)\n\nZORG\n\n1.200\n\n300\n\nLIGA\n\n800");
	assert_map_consistent();
}

static void test_list_items_and_rows_keep_their_lines(void **state)
{
	(void)state;
	/* a bulleted item, and a table's row after its heading, stand on lines
	 * of their own, however long the lines around them are */
	norm("Het budget voor dit jaar is na lang overleg met alle betrokken partners als volgt over de organisaties verdeeld:\n"
	     "- ZORG: 20 miljoen\n"
	     "- LIGA: 15 miljoen\n");
	assert_non_null(strstr(doc.text, "verdeeld:\n- ZORG: 20 miljoen\n- LIGA"));
	assert_map_consistent();
	kgx_doc_release(&doc);
	norm("Het kabinet heeft in de afgelopen maanden op vele manieren bijgedragen aan de hulp in de hele regio en daarbuiten.\n"
	     "Uitgaven per organisatie (in miljoenen euro)\n"
	     "ZORG 20\n"
	     "LIGA 4,5\n"
	     "BOND 3\n"
	     "FONDS 2\n");
	assert_non_null(strstr(doc.text, "(in miljoenen euro)\nZORG 20\nLIGA 4,5"));
	kgx_doc_release(&doc);
	/* a footnote's marker glued to a word is no figure of a row */
	norm("Het kabinet verwijst hier naar de vele afspraken die eerder in het kader van het beleid zijn gemaakt in het\n"
	     "Beleidskader Multilateralisme.6\n");
	assert_null(strstr(doc.text, "het\nBeleidskader"));
}

static void test_crlf(void **state)
{
	(void)state;
	norm("Nederland steunt de Verenigde Naties al sinds de oprichting en blijft dat\r\n"
	     "ook in de komende jaren doen.\r\n"
	     "\r\n"
	     "De tweede alinea gaat over iets heel anders dan de eerste alinea.\r\n");
	assert_string_equal(doc.text,
	                    "Nederland steunt de Verenigde Naties al sinds de oprichting en blijft dat ook in de "
	                    "komende jaren doen.\n\nDe tweede alinea gaat over iets heel anders dan de eerste alinea.");
	assert_null(strchr(doc.text, '\r'));
	assert_map_consistent();
	assert_int_equal(doc.map[text_at("ook in")], raw_at("ook in"));
	assert_int_equal(doc.map[text_at("De tweede")], raw_at("De tweede"));
}

static void test_short_line_hard_break(void **state)
{
	(void)state;
	/* a heading: a short line that does not end a sentence keeps its "\n";
	 * the full-width lines after it are joined */
	norm("Inleiding\n"
	     "Nederland steunt de Verenigde Naties al sinds de oprichting en blijft dat\n"
	     "ook in de komende jaren doen, samen met de andere lidstaten van de unie.\n");
	assert_string_equal(doc.text,
	                    "Inleiding\nNederland steunt de Verenigde Naties al sinds de oprichting en blijft "
	                    "dat ook in de komende jaren doen, samen met de andere lidstaten van de unie.");
	assert_map_consistent();
}

static void test_blanks_collapsed(void **state)
{
	(void)state;
	/* runs of spaces, tabs and no-break spaces become one space; leading and
	 * trailing blanks of a line go */
	norm("  Nederland   steunt\tde \xC2\xA0 Verenigde Naties.  \n");
	assert_string_equal(doc.text, "Nederland steunt de Verenigde Naties.");
	assert_map_consistent();
	assert_int_equal(doc.map[0], 2);
}

static void test_paragraphs(void **state)
{
	(void)state;
	norm("Eerste alinea.\n\n\n\nTweede alinea.\n");
	assert_string_equal(doc.text, "Eerste alinea.\n\nTweede alinea.");
	assert_map_consistent();
}

/* Lines that start like footnote 1 with no marker anywhere: each looks up
 * the marker in a table made in one pass, instead of rescanning the text
 * above it (which made 2 MB of such lines take minutes). The marker must
 * still come before the note, glued to a word, in the last digits of a run. */
static void test_footnote_lines_linear(void **state)
{
	(void)state;
	size_t n = 150000, line_len = 14;
	char *t = malloc(n * line_len + 1);
	assert_non_null(t);
	for (size_t i = 0; i < n; i++)
		memcpy(t + i * line_len, "1 1 1 1 1 1 1\n", line_len);
	t[n * line_len] = '\0';
	norm(t);
	free(t);
	assert_int_equal(doc.text_len, n * line_len - 1);  /* all body, no notes */
	kgx_doc_release(&doc);
	norm("In het jaar 20181 viel het besluit.\n\n1 Kamerstuk een.\n");
	assert_string_equal(doc.text, "In het jaar 2018 viel het besluit.\n\nKamerstuk een.");
	kgx_doc_release(&doc);
	norm("Een zin met 1 getal erin.\n\n1 Geen noot.\n");
	assert_non_null(strstr(doc.text, "1 Geen noot."));
}

/* Invisible format characters inside words go (soft hyphen, zero-width
 * space, joiners, word joiner, U+FEFF); a soft hyphen or a Unicode hyphen at a
 * line end joins the lines as '-' does. */
static void test_invisible_characters(void **state)
{
	(void)state;
	norm("Het Peace\xC2\xAD" "building F\xE2\x80\x8Bund en de Veilig\xE2\x81\xA0heids\xEF\xBB\xBF" "raad "
	     "en de Wereld\xE2\x80\x8C\xE2\x80\x8D" "bank zijn er.\n");
	assert_string_equal(doc.text, "Het Peacebuilding Fund en de Veiligheidsraad en de Wereldbank zijn er.");
	assert_map_consistent();
	kgx_doc_release(&doc);
	norm("Een lange regel over de Veiligheids\xC2\xAD\nraad en de internati\xE2\x80\x90\nonale gemeenschap en\n"
	     "Noord\xE2\x80\x90\nMacedoni\xC3\xAB" " en Guinee\xE2\x80\x91" "Bissau\xE2\x80\x8B\n\xEF\xBB\xBF" "en de rest.\n");
	assert_string_equal(doc.text, "Een lange regel over de Veiligheidsraad en de internationale gemeenschap en "
	                              "Noord-Macedoni\xC3\xAB" " en Guinee-Bissau en de rest.");
	for (size_t i = 0; i < doc.text_len; i++)
		assert_true(doc.map[i] < doc.raw_len);
	kgx_doc_release(&doc);
	/* between blanks, one space remains */
	norm("Twee \xE2\x80\x8B woorden.\n");
	assert_string_equal(doc.text, "Twee woorden.");
}

static void test_empty(void **state)
{
	(void)state;
	norm("");
	assert_int_equal(doc.text_len, 0);
	assert_int_equal(doc.map[0], 0);
	kgx_doc_release(&doc);
	norm(" \n\n\t\n");
	assert_int_equal(doc.text_len, 0);
	assert_int_equal(doc.map[0], doc.raw_len);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_hyphenation_undone, teardown),
		cmocka_unit_test_teardown(test_real_hyphen_kept, teardown),
		cmocka_unit_test_teardown(test_footnotes_moved_behind_body, teardown),
		cmocka_unit_test_teardown(test_footnote_glue_single_note, teardown),
		cmocka_unit_test_teardown(test_numbers_that_are_not_markers, teardown),
		cmocka_unit_test_teardown(test_page_break_debris, teardown),
		cmocka_unit_test_teardown(test_page_foot_dropped, teardown),
		cmocka_unit_test_teardown(test_list_items_and_rows_keep_their_lines, teardown),
		cmocka_unit_test_teardown(test_page_break_form_feed, teardown),
		cmocka_unit_test_teardown(test_table_cells_stay_apart, teardown),
		cmocka_unit_test_teardown(test_crlf, teardown),
		cmocka_unit_test_teardown(test_short_line_hard_break, teardown),
		cmocka_unit_test_teardown(test_blanks_collapsed, teardown),
		cmocka_unit_test_teardown(test_paragraphs, teardown),
		cmocka_unit_test_teardown(test_footnote_lines_linear, teardown),
		cmocka_unit_test_teardown(test_invisible_characters, teardown),
		cmocka_unit_test_teardown(test_empty, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
