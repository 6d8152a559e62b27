/* kgx_office: a minister's title resolved by the letter's date. */
#include "kgx_test.h"
#include "office.h"

static const char kb[] =
	"[min-d]\nclass = GovernmentBody\nnl = Ministerie van Dijken\nalias = Dijken\n\n"
	"[person-a]\nclass = Minister\nnl = A. Aalders\nalias = Aalders\n"
	"minister-of = min-d 2012-11-05 2017-10-26\n\n"
	"[person-b]\nclass = Minister\nnl = B. Bosma\nalias = Bosma\nminister-of = min-d 2017-10-26\n";

static const char patterns[] =
	"[meta-date]\nkind = meta\nscope = document\nfield = date\n"
	"pattern = (?m)^Datum (?<value>\\d{1,2} \\w+ \\d{4})\n";

static kgx_rules *rules;

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

/* the one relation the pass made, or NULL */
static const kgx_relation *in_office(const kgx_doc *doc)
{
	const kgx_relation *found = NULL;
	for (size_t i = 0; i < doc->relations.len; i++) {
		const kgx_relation *r = &KGX_VEC_AT(&doc->relations, kgx_relation, i);
		if (!strcmp(r->rule, "kb:in-office")) {
			assert_null(found);
			found = r;
		}
	}
	return found;
}

static const kgx_relation *run(kgx_doc *doc, const char *text)
{
	t_run(doc, rules, "t.txt", text);
	return in_office(doc);
}

static void test_by_date(void **state)
{
	(void)state;
	kgx_doc doc;
	const kgx_relation *r;
	/* 2013: A held the office; both are named, the title means A */
	r = run(&doc, "Datum 3 april 2013\n\nDe minister van Dijken sprak met Aalders en Bosma.\n");
	assert_non_null(r);
	assert_string_equal(r->s->id, "person-a");
	assert_string_equal(r->o->id, "min-d");
	assert_int_equal(r->predicate, KGX_P_MINISTEROF);
	kgx_doc_release(&doc);
	/* 2019: B */
	r = run(&doc, "Datum 3 april 2019\n\nDe minister van Dijken sprak met Aalders en Bosma.\n");
	assert_non_null(r);
	assert_string_equal(r->s->id, "person-b");
	kgx_doc_release(&doc);
	/* the title twice, in two sentences: one fact (in_office asserts it) */
	r = run(&doc, "Datum 3 april 2013\n\nDe minister van Dijken sprak met Aalders. "
	              "Daarna schreef de minister van Dijken aan Bosma.\n");
	assert_non_null(r);
	assert_string_equal(r->s->id, "person-a");
	kgx_doc_release(&doc);
	/* the hand-over day belongs to the new holder */
	r = run(&doc, "Datum 26 oktober 2017\n\nDe minister van Dijken sprak met Aalders en Bosma.\n");
	assert_non_null(r);
	assert_string_equal(r->s->id, "person-b");
	kgx_doc_release(&doc);
}

static void test_nothing_to_resolve(void **state)
{
	(void)state;
	kgx_doc doc;
	/* no date */
	assert_null(run(&doc, "De minister van Dijken sprak met Aalders.\n"));
	kgx_doc_release(&doc);
	/* a date no one held the office on */
	assert_null(run(&doc, "Datum 3 april 2001\n\nDe minister van Dijken sprak met Aalders.\n"));
	kgx_doc_release(&doc);
	/* the holder is not named in the letter: knowledge alone brings no one in */
	assert_null(run(&doc, "Datum 3 april 2013\n\nDe minister van Dijken sprak met Bosma.\n"));
	kgx_doc_release(&doc);
	/* a former minister, and the ministry without the title */
	assert_null(run(&doc, "Datum 3 april 2013\n\nDe oud-minister van Dijken en Aalders.\n"));
	kgx_doc_release(&doc);
	assert_null(run(&doc, "Datum 3 april 2013\n\nHet Ministerie van Dijken en Aalders.\n"));
	kgx_doc_release(&doc);
	assert_null(run(&doc, "Datum 3 april 2013\n\nDe toenmalige minister van Dijken en Aalders.\n"));
	kgx_doc_release(&doc);
	/* an impossible date */
	assert_null(run(&doc, "Datum 31 februari 2013\n\nDe minister van Dijken sprak met Aalders.\n"));
	kgx_doc_release(&doc);
}

static void test_title_before(void **state)
{
	(void)state;
	static const char t[] = "de minister van X, De Minister voor X, oud-minister van X, ministers van X, "
	                        "viceminister van X, toenmalig minister van X";
	const char *x = t;
	int want[] = {1, 1, 0, 0, 0, 0};
	for (size_t i = 0; i < 6; i++) {
		x = strchr(x, 'X');
		assert_non_null(x);
		if (kgx_office_title_before(t, (size_t)(x - t)) != want[i])
			fail_msg("title %zu: got %d", i, !want[i]);
		x++;
	}
	assert_int_equal(kgx_office_title_before("van X", 4), 0);
	assert_int_equal(kgx_office_title_before("", 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_by_date),
		cmocka_unit_test(test_nothing_to_resolve),
		cmocka_unit_test(test_title_before),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
