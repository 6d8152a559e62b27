/* kgx_meta: typed dates, canonical Kamerstuk ids, the metadata pass. */
#include "kgx_test.h"
#include "doc.h"
#include "meta.h"

static void test_dates(void **state)
{
	(void)state;
	char d[11];
	assert_true(kgx_meta_date("23 maart 2018", d));
	assert_string_equal(d, "2018-03-23");
	assert_true(kgx_meta_date("1 Mei 2031", d));
	assert_string_equal(d, "2031-05-01");
	assert_true(kgx_meta_date("3 March 2031", d));
	assert_string_equal(d, "2031-03-03");
	assert_true(kgx_meta_date("14 okt. 2031", d));
	assert_string_equal(d, "2031-10-14");
	assert_true(kgx_meta_date("3\xC2\xA0" "juni\xC2\xA0" "2031", d));  /* no-break spaces */
	/* a lead byte of one at the string's end is no blank to step over */
	assert_false(kgx_meta_date("3\xC2", d));
	assert_false(kgx_meta_date("3 juni\xC2", d));
	assert_string_equal(d, "2031-06-03");
	assert_true(kgx_meta_date("2031-06-03", d));
	assert_string_equal(d, "2031-06-03");
	assert_true(kgx_meta_date(" 2031-06-03T10:00:00+02:00", d));
	assert_string_equal(d, "2031-06-03");
	assert_true(kgx_meta_date("03-06-2031", d));
	assert_string_equal(d, "2031-06-03");
	assert_true(kgx_meta_date("29 februari 2024", d));
	assert_false(kgx_meta_date("29 februari 2023", d));
	assert_false(kgx_meta_date("31 april 2031", d));
	assert_false(kgx_meta_date("0 mei 2031", d));
	assert_false(kgx_meta_date("3 mai 2031", d));
	assert_false(kgx_meta_date("3 mei 20311", d));
	assert_false(kgx_meta_date("3 mei 31", d));
	assert_false(kgx_meta_date("2031-13-01", d));
	assert_false(kgx_meta_date("mei 2031", d));
	assert_false(kgx_meta_date("", d));
}

static void test_kst(void **state)
{
	(void)state;
	char k[64];
	assert_true(kgx_meta_kst("29 521", "352", k, sizeof k));
	assert_string_equal(k, "kst-29521-352");
	assert_true(kgx_meta_kst("33 000 V", "18", k, sizeof k));
	assert_string_equal(k, "kst-33000-v-18");
	assert_true(kgx_meta_kst("33000-V", "Nr. 121", k, sizeof k));
	assert_string_equal(k, "kst-33000-v-121");
	assert_true(kgx_meta_kst("21 501-02", "2822", k, sizeof k));
	assert_string_equal(k, "kst-21501-02-2822");
	assert_true(kgx_meta_kst("36\xC2\xA0" "111", "7", k, sizeof k));
	assert_string_equal(k, "kst-36111-7");
	assert_false(kgx_meta_kst("V", "7", k, sizeof k));
	assert_false(kgx_meta_kst("36111", "zeven", k, sizeof k));
	assert_false(kgx_meta_kst(NULL, "7", k, sizeof k));
	assert_false(kgx_meta_kst("36111", "7", k, 8));  /* does not fit */

	assert_true(kgx_meta_kst_id("KST-29521-352", k, sizeof k));
	assert_string_equal(k, "kst-29521-352");
	assert_true(kgx_meta_kst_id("26150-164", k, sizeof k));
	assert_string_equal(k, "kst-26150-164");
	assert_false(kgx_meta_kst_id("blg-1014762", k, sizeof k));
	assert_false(kgx_meta_kst_id("kst-29521 352", k, sizeof k));
	assert_false(kgx_meta_kst_id("kst-<x>", k, sizeof k));
	assert_false(kgx_meta_kst_id("2018", k, sizeof k));
	assert_false(kgx_meta_kst_id(NULL, k, sizeof k));
}

static void test_fields(void **state)
{
	(void)state;
	kgx_doc doc = {0};
	assert_ptr_equal(kgx_meta_field(&doc, "date"), &doc.date);
	assert_ptr_equal(kgx_meta_field(&doc, "kenmerk"), &doc.kenmerk);
	assert_ptr_equal(kgx_meta_field(&doc, "mentioned"), &doc.mentioned);
	assert_null(kgx_meta_field(&doc, "colour"));
}

static const char kb[] =
	"[min-defence-nl]\nclass = GovernmentBody\nnl = Ministerie van Defensie\nalias = Defensie\n\n"
	"[min-foreign-affairs-nl]\nclass = GovernmentBody\nnl = Ministerie van Buitenlandse Zaken\n"
	"alias = Buitenlandse Zaken\n";

static const char patterns[] =
	"[date]\nkind = meta\nscope = document\nfield = date\n"
	"pattern = (?m)^Den Haag, (?<value>\\d+ \\w+ \\d{4})\n\n"
	"[creator]\nkind = meta\nscope = document\nfield = creator\n"
	"pattern = (?-i)(?<value>BRIEF VAN DE MINISTERS? [A-Z ]+)\n\n"
	"[dates]\nkind = meta\nscope = document\nfield = mentioned\n"
	"pattern = (?<value>\\d{1,2} (?:mei|juni) \\d{4})\n\n"
	"[number]\nkind = meta\nscope = document\nfield = kamerstuk\n"
	"pattern = Nr\\. (?<value>\\d+)\n\n"
	"[dossier]\nkind = meta\nscope = document\nfield = dossier\n"
	"pattern = \\A(?<value>\\d\\d \\d{3})\n";

static void test_pass(void **state)
{
	(void)state;
	kgx_rules *r = t_rules(kb, patterns);
	kgx_doc doc;
	t_run(&doc, r, "a.txt",
	      "36 111 Een dossier\n\nNr. 7 BRIEF VAN DE MINISTERS VAN DEFENSIE EN BUITENLANDSE ZAKEN\n\n"
	      "Den Haag, 3 juni 2031\n\nHet overleg van 9 juni 2031 en 2 mei 2031.\n");
	assert_string_equal(doc.issued, "2031-06-03");
	assert_string_equal(doc.mentioned, "2031-06-09");
	assert_string_equal(doc.kst, "kst-36111-7");
	assert_ptr_equal(doc.creators[0], kgx_kb_get(kgx_rules_kb(r), "min-defence-nl"));
	assert_ptr_equal(doc.creators[1], kgx_kb_get(kgx_rules_kb(r), "min-foreign-affairs-nl"));
	assert_null(doc.creators[2]);
	kgx_doc_release(&doc);

	/* a date the calendar does not have is no date; the creator by name */
	assert_int_equal(kgx_doc_init(&doc, "b.txt", "Den Haag, 31 juni 2031\n", 23), KGX_OK);
	doc.creator = "Ministerie van Defensie";
	assert_int_equal(kgx_pipe_run(&doc, r), KGX_OK);
	assert_string_equal(doc.issued, "");
	assert_null(doc.kst);
	assert_ptr_equal(doc.creators[0], kgx_kb_get(kgx_rules_kb(r), "min-defence-nl"));
	kgx_doc_release(&doc);
	kgx_rules_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_kst),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_pass),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
