/* kgx_read: choosing a reader by content, the PDF, HTML and XML readers,
 * and their metadata, on files made here. */
#include "kgx_test.h"
#include "doc.h"
#include "meta.h"
#include "read.h"

static kgx_doc doc;
static kgx_rules *rules;

static int setup(void **state)
{
	(void)state;
	rules = t_rules("[netherlands]\nclass = Country\nnl = Nederland\n\n"
	                "[un]\nclass = UNBody\nnl = Verenigde Naties\nalias = VN\n\n"
	                "[min-defence-nl]\nclass = GovernmentBody\nnl = Ministerie van Defensie\n"
	                "alias = Defensie\n",
	                "[supports]\nkind = relation\npattern = {s:Country}\\s+steunt\\s+de\\s+{o:UNBody}\n"
	                "emit = supports s o\n\n"
	                "[date]\nkind = meta\nscope = document\nfield = date\n"
	                "pattern = (?m)^Den Haag, (?<value>\\d+ \\w+ \\d{4})\n");
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

/* The text the read pass leaves for the others, over bytes forced or not. */
static kgx_status read_as(const char *path, const char *raw, size_t len, kgx_read_format f)
{
	assert_int_equal(kgx_doc_init(&doc, path, raw, len), KGX_OK);
	doc.format = f;
	return kgx_read_run(&doc, rules);
}

static int has_text(const char *needle)
{
	return t_contains(doc.raw, doc.raw_len, needle);
}

/* A one-page PDF whose page draws `content` (a content stream), with its
 * cross-reference table right, as a PDF writer makes it. */
static size_t make_pdf(char *out, size_t cap, const char *content)
{
	char objs[5][512];
	snprintf(objs[0], sizeof objs[0], "<< /Type /Catalog /Pages 2 0 R >>");
	snprintf(objs[1], sizeof objs[1], "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
	snprintf(objs[2], sizeof objs[2],
	         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R "
	         "/Resources << /Font << /F1 5 0 R >> >> >>");
	snprintf(objs[3], sizeof objs[3], "<< /Length %zu >>\nstream\n%s\nendstream", strlen(content),
	         content);
	snprintf(objs[4], sizeof objs[4], "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
	size_t off[5], n = (size_t)snprintf(out, cap, "%%PDF-1.4\n");
	for (int i = 0; i < 5; i++) {
		off[i] = n;
		n += (size_t)snprintf(out + n, cap - n, "%d 0 obj\n%s\nendobj\n", i + 1, objs[i]);
	}
	size_t xref = n;
	n += (size_t)snprintf(out + n, cap - n, "xref\n0 6\n0000000000 65535 f \n");
	for (int i = 0; i < 5; i++)
		n += (size_t)snprintf(out + n, cap - n, "%010zu 00000 n \n", off[i]);
	n += (size_t)snprintf(out + n, cap - n, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
	                      xref);
	assert_true(n < cap);
	return n;
}

static void test_format_names(void **state)
{
	(void)state;
	assert_int_equal(kgx_read_format_parse("auto"), KGX_READ_AUTO);
	assert_int_equal(kgx_read_format_parse("text"), KGX_READ_TEXT);
	assert_int_equal(kgx_read_format_parse("txt"), KGX_READ_TEXT);
	assert_int_equal(kgx_read_format_parse("pdf"), KGX_READ_PDF);
	assert_int_equal(kgx_read_format_parse("html"), KGX_READ_HTML);
	assert_int_equal(kgx_read_format_parse("xhtml"), KGX_READ_HTML);
	assert_int_equal(kgx_read_format_parse("xml"), KGX_READ_XML);
	assert_int_equal(kgx_read_format_parse("docx"), -1);
	assert_int_equal(kgx_read_format_parse(""), -1);
	assert_string_equal(kgx_read_format_name(KGX_READ_PDF), "pdf");
	size_t n;
	const kgx_reader *const *r = kgx_read_readers(&n);
	assert_int_equal(n, 4);
	assert_int_equal(r[n - 1]->format, KGX_READ_TEXT);
}

static void test_detect_by_content(void **state)
{
	(void)state;
#define DETECT(s) kgx_read_detect(s, sizeof(s) - 1)
	assert_int_equal(DETECT("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), KGX_READ_PDF);
	assert_int_equal(DETECT("\r\n\r\n%PDF-1.4\n"), KGX_READ_PDF);  /* junk before the header */
	assert_int_equal(DETECT("<?xml version=\"1.0\"?><officiele-publicatie/>"), KGX_READ_XML);
	assert_int_equal(DETECT("\xEF\xBB\xBF<kamerstuk><al>x</al></kamerstuk>"), KGX_READ_XML);
	assert_int_equal(DETECT("<?xml version=\"1.0\"?>\n<!-- c -->\n<html xmlns=\"x\"><body/></html>"),
	                 KGX_READ_HTML);
	assert_int_equal(DETECT("<!DOCTYPE html>\n<p>x</p>"), KGX_READ_HTML);
	assert_int_equal(DETECT("  <!doctype HTML><title>t</title>"), KGX_READ_HTML);
	assert_int_equal(DETECT("<!-- a page -->\n<HTML><BODY>x</BODY></HTML>"), KGX_READ_HTML);
	assert_int_equal(DETECT("Den Haag, 3 mei 2031\n\nGeachte voorzitter,"), KGX_READ_TEXT);
	assert_int_equal(DETECT("< 5 miljoen euro"), KGX_READ_TEXT);
	assert_int_equal(DETECT("Zie %PDF-bestand"), KGX_READ_TEXT);
	assert_int_equal(DETECT(""), KGX_READ_TEXT);
#undef DETECT
}

static void test_unsupported_named(void **state)
{
	(void)state;
#define WHAT(s) kgx_read_unsupported(s, sizeof(s) - 1)
	assert_string_equal(WHAT("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), "PNG image");
	assert_string_equal(WHAT("\xFF\xD8\xFF\xE0\0\x10JFIF"), "JPEG image");
	assert_non_null(strstr(WHAT("PK\x03\x04\x14\0\0\0[Content_Types].xml"), ".docx"));
	assert_non_null(strstr(WHAT("PK\x03\x04\x14\0\0\0mimetypeapplication/vnd.oasis.opendocument.text"),
	                       "OpenDocument"));
	assert_string_equal(WHAT("PK\x03\x04\x14\0\0\0notes.txt"), "ZIP archive");
	assert_string_equal(WHAT("\x1F\x8B\x08\0"), "gzip archive");
	assert_non_null(strstr(WHAT("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0"), ".doc"));
	assert_string_equal(WHAT("{\\rtf1\\ansi"), "RTF document");
	assert_null(WHAT("%PDF-1.4\n"));
	assert_null(WHAT("Geachte voorzitter,"));
	assert_null(WHAT("PK"));
#undef WHAT
	static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
	kgx_diag_quiet(2);
	assert_int_equal(read_as("a.png", png, sizeof png - 1, KGX_READ_AUTO), KGX_ERR_INPUT);
	kgx_diag_quiet(0);
}

static void test_text_unchanged(void **state)
{
	(void)state;
	static const char t[] = "Nederland steunt de VN.\n";
	assert_int_equal(read_as("a.txt", t, sizeof t - 1, KGX_READ_AUTO), KGX_OK);
	assert_int_equal(doc.raw_len, sizeof t - 1);
	assert_memory_equal(doc.raw, t, sizeof t - 1);
	kgx_doc_release(&doc);
	/* forced: a page of HTML read as the text it is */
	static const char h[] = "<html><body><p>a &amp; b</p></body></html>";
	assert_int_equal(read_as("a.html", h, sizeof h - 1, KGX_READ_TEXT), KGX_OK);
	assert_true(has_text("<p>a &amp; b</p>"));
}

static const char page[] =
	"<!DOCTYPE html>\n<html lang=\"nl\"><head>\n"
	"<meta charset=\"utf-8\">\n"
	"<title>Een pagina</title>\n"
	"<meta name=\"DC.identifier\" content=\"kst-36111-7\">\n"
	"<meta name=\"DCTERMS.issued\" content=\"2031-05-03\">\n"
	"<meta name=\"OVERHEIDop.documenttitel\" content=\"Plannen voor de haven\">\n"
	"<meta name=\"DC.title\" content=\"Een dossier; Brief regering; Plannen\">\n"
	"<meta name=\"DC.creator\" content=\"Tweede Kamer der Staten-Generaal\">\n"
	"<style>p { color: red }</style>\n"
	"<script>var s = 'Nederland steunt de VN';</script>\n"
	"</head><body>\n"
	"<header><a href=\"/\">Home</a> Zoeken</header>\n"
	"<nav><ul><li>Menu Verenigde Naties</li></ul></nav>\n"
	"<div role=\"navigation\">Kruimelpad</div>\n"
	"<div class=\"menu\">Regelgeving en adressen</div>\n"
	"<main><h1>Brief</h1>\n"
	"<p>Nederland&nbsp;steunt de <b>Verenigde\n  Naties</b>. Caf&eacute; Tour&#233; en Tour\xC3\xA9!</p>\n"
	"<p>De minister van Defensie,<br>A.B. Iemand</p>\n"
	"<script>document.write('Nederland steunt de VN')</script>\n"
	"</main>\n"
	"<footer>Copyright Verenigde Naties</footer>\n"
	"</body></html>\n";

static void test_html_body_text(void **state)
{
	(void)state;
	assert_int_equal(read_as("p.html", page, sizeof page - 1, KGX_READ_AUTO), KGX_OK);
	assert_true(has_text("Brief\n\nNederland\xC2\xA0steunt de Verenigde Naties. Caf\xC3\xA9 Tour\xC3\xA9 en "
	                     "Tour\xC3\xA9!\n\nDe minister van Defensie,\nA.B. Iemand"));
	assert_false(has_text("<"));
	assert_false(has_text("&"));
	assert_false(has_text("color"));
	assert_false(has_text("var s"));
	assert_false(has_text("document.write"));
	assert_false(has_text("Menu"));
	assert_false(has_text("Kruimelpad"));
	assert_false(has_text("Regelgeving"));  /* outside <main> */
	assert_false(has_text("Home"));
	assert_false(has_text("Copyright"));
	assert_false(has_text("Een pagina"));
	/* the head's Dublin Core; the chamber that published it is no sender */
	assert_string_equal(doc.ident, "kst-36111-7");
	assert_string_equal(doc.date, "2031-05-03");
	assert_string_equal(doc.title, "Plannen voor de haven");
	assert_null(doc.creator);
}

static void test_html_pipeline(void **state)
{
	(void)state;
	t_run(&doc, rules, "p.html", page);
	assert_non_null(t_relation(&doc, "netherlands", KGX_P_SUPPORTS, "un"));
	assert_int_equal(t_count_pred(&doc, KGX_P_SUPPORTS), 1);  /* none from a script */
	assert_string_equal(doc.issued, "2031-05-03");
	assert_string_equal(doc.kst, "kst-36111-7");
}

static void test_html_encodings(void **state)
{
	(void)state;
	/* no charset, UTF-8 bytes: read as UTF-8, not as Latin-1 */
	static const char u[] = "<html><body><p>Tour\xC3\xA9 en Ren\xC3\xA9</p></body></html>";
	assert_int_equal(read_as("u.html", u, sizeof u - 1, KGX_READ_AUTO), KGX_OK);
	assert_true(has_text("Tour\xC3\xA9 en Ren\xC3\xA9"));
	kgx_doc_release(&doc);
	/* no charset, Windows-1252 bytes */
	static const char w[] = "<html><body><p>Tour\xE9</p></body></html>";
	assert_int_equal(read_as("w.html", w, sizeof w - 1, KGX_READ_AUTO), KGX_OK);
	assert_true(has_text("Tour\xC3\xA9"));
	kgx_doc_release(&doc);
	/* no <main>, one <article>: the article; two: the whole body */
	static const char a1[] = "<html><body><div>Menu</div><article><p>Een</p></article></body></html>";
	assert_int_equal(read_as("a.html", a1, sizeof a1 - 1, KGX_READ_AUTO), KGX_OK);
	assert_false(has_text("Menu"));
	assert_true(has_text("Een"));
	kgx_doc_release(&doc);
	static const char a2[] = "<html><body><div>Menu</div><article><p>Een</p></article>"
	                         "<article><p>Twee</p></article></body></html>";
	assert_int_equal(read_as("a.html", a2, sizeof a2 - 1, KGX_READ_AUTO), KGX_OK);
	assert_true(has_text("Menu\n\nEen\n\nTwee"));
	kgx_doc_release(&doc);
	/* a fragment without <html> or <body>, forced */
	static const char f[] = "<p>Een</p><p>Twee<br/>Drie</p>";
	assert_int_equal(read_as("f.html", f, sizeof f - 1, KGX_READ_HTML), KGX_OK);
	assert_true(has_text("Een\n\nTwee\nDrie"));
}

static const char publication[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<officiele-publicatie>\n"
	"<metadata>\n"
	"<meta name=\"DC.identifier\" scheme=\"OVERHEIDop.ParlID\" content=\"kst-36111-7\"/>\n"
	"<meta name=\"OVERHEIDop.dossiernummer\" content=\"36111\"/>\n"
	"<meta name=\"OVERHEIDop.ondernummer\" content=\"7\"/>\n"
	"<meta name=\"DCTERMS.issued\" scheme=\"DCTERMS.W3CDTF\" content=\"2031-05-03\"/>\n"
	"<meta name=\"OVERHEIDop.documenttitel\" content=\"Plannen voor de haven\"/>\n"
	"<meta name=\"DC.creator\" content=\"Tweede Kamer der Staten-Generaal\"/>\n"
	"</metadata>\n"
	"<kamerstuk>\n"
	"<dossier><dossiernummer><dossiernr>36 111</dossiernr></dossiernummer>"
	"<titel>Voorstellen over de zee</titel></dossier>\n"
	"<stuk><stuknr>Nr. <ondernummer>7</ondernummer></stuknr>"
	"<titel>BRIEF VAN DE MINISTER VAN DEFENSIE</titel>\n"
	"<algemeen><al>Den Haag, 2 mei 2031</al>\n"
	"<al>Nederland steunt de <nadruk type=\"cur\">Verenigde Naties</nadruk>.<noot id=\"n1\" "
	"type=\"voet\"><noot.nr>1</noot.nr><noot.al>Kamerstuk 36 111, nr. 3</noot.al></noot></al>\n"
	"</algemeen>\n"
	"<tekst-sluiting><ondertekening><functie>De minister van Defensie,</functie>"
	"<naam><voornaam>A.B.</voornaam><achternaam>Iemand</achternaam></naam></ondertekening>"
	"</tekst-sluiting>\n"
	"</stuk></kamerstuk></officiele-publicatie>\n";

static void test_xml_publication(void **state)
{
	(void)state;
	assert_int_equal(read_as("kst.xml", publication, sizeof publication - 1, KGX_READ_AUTO), KGX_OK);
	assert_true(has_text("36 111\n\nVoorstellen over de zee"));
	assert_true(has_text("Nr. 7\n\nBRIEF VAN DE MINISTER VAN DEFENSIE"));
	assert_true(has_text("Den Haag, 2 mei 2031\n\nNederland steunt de Verenigde Naties."));
	assert_true(has_text("De minister van Defensie,\nA.B. Iemand"));
	/* the footnote at the end, as printed, not inside the sentence */
	assert_true(has_text("Naties.\n"));
	assert_true(has_text("\n\n1 Kamerstuk 36 111, nr. 3"));
	assert_false(has_text("<"));
	assert_false(has_text("OVERHEIDop"));
	/* the metadata wins over the text's dateline */
	assert_string_equal(doc.ident, "kst-36111-7");
	assert_string_equal(doc.dossier, "36111");
	assert_string_equal(doc.kamerstuk, "7");
	assert_string_equal(doc.date, "2031-05-03");
	assert_string_equal(doc.title, "Plannen voor de haven");
	kgx_doc_release(&doc);

	t_run(&doc, rules, "kst.xml", publication);
	assert_non_null(t_relation(&doc, "netherlands", KGX_P_SUPPORTS, "un"));
	assert_string_equal(doc.issued, "2031-05-03");
	assert_string_equal(doc.kst, "kst-36111-7");
}

static void test_xml_numbers_without_metadata(void **state)
{
	(void)state;
	static const char x[] =
		"<kamerstuk><dossier><dossiernummer><dossiernr>33 000 V</dossiernr></dossiernummer></dossier>"
		"<stuk><stuknr><ondernummer>Nr. 18</ondernummer></stuknr>"
		"<al>Den Haag, 2 mei 2031</al></stuk></kamerstuk>";
	t_run(&doc, rules, "k.xml", x);
	assert_string_equal(doc.dossier, "33 000 V");
	assert_string_equal(doc.kamerstuk, "18");
	assert_string_equal(doc.kst, "kst-33000-v-18");
	assert_string_equal(doc.issued, "2031-05-02");  /* from the dateline, by the rule */
}

static void test_xml_metadata_file(void **state)
{
	(void)state;
	static const char m[] =
		"<?xml version=\"1.0\"?>\n<metadata_gegevens>\n"
		"<metadata name=\"DC.identifier\" content=\"kst-36111-7\" />\n"
		"<metadata name=\"DCTERMS.issued\" content=\"2031-05-03\" />\n"
		"</metadata_gegevens>\n";
	t_run(&doc, rules, "metadata.xml", m);
	assert_int_equal(doc.text_len, 0);
	assert_string_equal(doc.kst, "kst-36111-7");
	assert_string_equal(doc.issued, "2031-05-03");
}

static void test_xml_malformed(void **state)
{
	(void)state;
	kgx_diag_quiet(2);
	/* unclosed elements: recovered, the text that parsed is read */
	static const char a[] = "<?xml version=\"1.0\"?><kamerstuk><al>Nederland steunt de VN.</al><al>Meer";
	assert_int_equal(read_as("a.xml", a, sizeof a - 1, KGX_READ_AUTO), KGX_OK);
	assert_true(has_text("Nederland steunt de VN."));
	kgx_doc_release(&doc);
	/* nothing to recover */
	static const char b[] = "<?xml version=\"1.0\"?>";
	assert_int_equal(read_as("b.xml", b, sizeof b - 1, KGX_READ_AUTO), KGX_ERR_INPUT);
	kgx_doc_release(&doc);
	/* an external entity is never loaded */
	static const char c[] = "<?xml version=\"1.0\"?><!DOCTYPE k [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
	                        "<k><al>a &e; b</al></k>";
	assert_int_equal(read_as("c.xml", c, sizeof c - 1, KGX_READ_AUTO), KGX_OK);
	assert_false(has_text("root:"));
	kgx_diag_quiet(0);
}

static void test_pdf(void **state)
{
	(void)state;
	char pdf[4096];
	size_t n = make_pdf(pdf, sizeof pdf,
	                    "BT /F1 12 Tf 20 150 Td (Nederland steunt de) Tj 0 -14 Td (Verenigde Naties.) Tj ET");
	assert_int_equal(read_as("a.pdf", pdf, n, KGX_READ_AUTO), KGX_OK);
	assert_true(has_text("Nederland steunt de\nVerenigde Naties."));
	kgx_doc_release(&doc);
	assert_int_equal(kgx_doc_init(&doc, "a.pdf", pdf, n), KGX_OK);
	assert_int_equal(kgx_pipe_run(&doc, rules), KGX_OK);
	assert_non_null(t_relation(&doc, "netherlands", KGX_P_SUPPORTS, "un"));
}

static void test_pdf_bad(void **state)
{
	(void)state;
	char pdf[4096];
	kgx_diag_quiet(2);
	/* a page without text: a scan */
	size_t n = make_pdf(pdf, sizeof pdf, "0 0 m 100 100 l S");
	assert_int_equal(read_as("scan.pdf", pdf, n, KGX_READ_AUTO), KGX_ERR_INPUT);
	kgx_doc_release(&doc);
	/* truncated after the header */
	assert_int_equal(read_as("cut.pdf", pdf, 40, KGX_READ_AUTO), KGX_ERR_INPUT);
	kgx_doc_release(&doc);
	/* text forced as PDF */
	assert_int_equal(read_as("t.pdf", "Nederland", 9, KGX_READ_PDF), KGX_ERR_INPUT);
	kgx_diag_quiet(0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_names),
		cmocka_unit_test(test_detect_by_content),
		cmocka_unit_test_teardown(test_unsupported_named, release),
		cmocka_unit_test_teardown(test_text_unchanged, release),
		cmocka_unit_test_teardown(test_html_body_text, release),
		cmocka_unit_test_teardown(test_html_pipeline, release),
		cmocka_unit_test_teardown(test_html_encodings, release),
		cmocka_unit_test_teardown(test_xml_publication, release),
		cmocka_unit_test_teardown(test_xml_numbers_without_metadata, release),
		cmocka_unit_test_teardown(test_xml_metadata_file, release),
		cmocka_unit_test_teardown(test_xml_malformed, release),
		cmocka_unit_test_teardown(test_pdf, release),
		cmocka_unit_test_teardown(test_pdf_bad, release),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
