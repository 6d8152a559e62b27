/* kgx_kbstats: identifier coverage per class. */
#include "kgx_test.h"
#include "kbstats.h"

static const char kb[] =
	"[nl]\nclass = Country\nnl = Nederland\niso3166 = NL\nwikidata = Q29999\n\n"
	"[xx]\nclass = Country\nnl = Xland\n\n"
	"[yy]\nclass = Country\nnl = Yland\niso3166 = YY\n\n"
	"[zz]\nclass = Country\nnl = Zland\nwikidata = Q3\n\n"
	"[f]\nclass = Fund\nen = Fund F\ncrs = 41147\n\n"
	"[g]\nclass = GovernmentBody\nnl = G\ntooi = https://identifier.overheid.nl/tooi/id/x/1\n\n"
	"[m]\nclass = Minister\nnl = M. Mm\nwikidata = Q1\n";

static void test_count(void **state)
{
	(void)state;
	kgx_kb *k = kgx_kb_new();
	assert_non_null(k);
	assert_int_equal(kgx_kb_load_text(k, "t.kb", kb, strlen(kb)), KGX_OK);
	kgx_kbstats_row rows[KGX_NCLASSES];
	kgx_kbstats_count(k, rows);
	const kgx_kbstats_row *c = &rows[kgx_class_primary(KGX_C_COUNTRY)];
	assert_int_equal(c->entries, 4);
	assert_int_equal(c->iso3166, 2);
	assert_int_equal(c->wikidata, 2);
	assert_int_equal(c->linked, 3);
	/* only Nederland has both; Zland's item without a code does not count */
	assert_int_equal(c->iso_wikidata, 1);
	assert_int_equal(rows[kgx_class_primary(KGX_C_FUND)].crs, 1);
	assert_int_equal(rows[kgx_class_primary(KGX_C_GOVBODY)].tooi, 1);
	/* a Minister counts as a Minister, not also as a Person */
	assert_int_equal(rows[kgx_class_primary(KGX_C_MINISTER)].linked, 1);
	assert_int_equal(rows[kgx_class_primary(KGX_C_PERSON)].entries, 0);

	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(kgx_kbstats_print(k, f), KGX_OK);
	fclose(f);
	assert_non_null(strstr(buf, "Country               4        2     0       2     0       3   75.0%\n"));
	assert_non_null(strstr(buf, "total                 7        3     1       2     1       6   85.7%\n"));
	assert_non_null(strstr(buf, "\nISO 3166-1 entries 2, with a Wikidata item 1 (50.0%)\n"));
	assert_null(strstr(buf, "Event"));  /* classes without entries are left out */
	free(buf);
	kgx_kb_free(k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_count)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
