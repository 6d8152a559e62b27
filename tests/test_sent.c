/* kgx_sent: the Dutch sentence splitter. */
#include "kgx_test.h"
#include "doc.h"
#include "sent.h"

static kgx_doc doc;
static kgx_abbrevs *ab;

static int setup(void **state)
{
	(void)state;
	ab = kgx_abbrevs_new();
	if (!ab)
		return -1;
	static const char *words[] = {"nr.", "o.a.", "d.d.", "bijv.", "mw."};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (kgx_abbrevs_add(ab, words[i], strlen(words[i])) != KGX_OK)
			return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	kgx_abbrevs_free(ab);
	return 0;
}

static int release(void **state)
{
	(void)state;
	kgx_doc_release(&doc);
	return 0;
}

static const kgx_sentence *sent(size_t i)
{
	assert_true(i < doc.sentences.len);
	return &KGX_VEC_AT(&doc.sentences, kgx_sentence, i);
}

/* Split `text` (taken as already normalised) and check the invariants every
 * split must keep: spans in order, inside the text, not overlapping,
 * trimmed, and code-point offsets that agree with the byte spans. */
static size_t split(const char *text, const kgx_abbrevs *abbrevs)
{
	size_t len = strlen(text);
	assert_int_equal(kgx_doc_init(&doc, "sent.txt", text, len), KGX_OK);
	doc.text = (char *)doc.raw;  /* kgx_doc_init copies and NUL-terminates */
	doc.text_len = len;
	assert_int_equal(kgx_sent_split(&doc, abbrevs), KGX_OK);
	uint32_t prev_end = 0;
	for (size_t i = 0; i < doc.sentences.len; i++) {
		const kgx_sentence *s = sent(i);
		assert_true(s->span.begin < s->span.end);
		assert_true(s->span.end <= len);
		assert_true(s->span.begin >= prev_end);
		assert_false(strchr(" \n\t", text[s->span.begin]));
		assert_false(strchr(" \n\t", text[s->span.end - 1]));
		uint32_t cp = 0;
		for (uint32_t k = 0; k < s->span.begin; k++)
			cp += ((unsigned char)text[k] & 0xC0) != 0x80;
		assert_int_equal(s->cp_begin, cp);
		for (uint32_t k = s->span.begin; k < s->span.end; k++)
			cp += ((unsigned char)text[k] & 0xC0) != 0x80;
		assert_int_equal(s->cp_end, cp);
		prev_end = s->span.end;
	}
	return doc.sentences.len;
}

static void assert_sentence(size_t i, const char *want)
{
	const kgx_sentence *s = sent(i);
	size_t n = s->span.end - s->span.begin;
	if (n != strlen(want) || memcmp(doc.text + s->span.begin, want, n))
		fail_msg("sentence %zu is '%.*s', want '%s'", i, (int)n, doc.text + s->span.begin, want);
}

static const char abbrev_text[] =
	"Zie nr. 5 van de reeks en o.a. de brief d.d. 12 maart, bijv. over Mali. "
	"Mw. Jansen en mw. De Vries waren er. Dat was alles.";

static void test_abbreviations(void **state)
{
	(void)state;
	assert_int_equal(split(abbrev_text, ab), 3);
	assert_sentence(0, "Zie nr. 5 van de reeks en o.a. de brief d.d. 12 maart, bijv. over Mali.");
	assert_sentence(1, "Mw. Jansen en mw. De Vries waren er.");
	assert_sentence(2, "Dat was alles.");
}

static void test_without_abbreviations(void **state)
{
	(void)state;
	/* the same text without the set: "nr. 5", "d.d. 12", "mw. De" now split */
	assert_true(split(abbrev_text, NULL) > 3);
}

static void test_initials(void **state)
{
	(void)state;
	assert_int_equal(split("De minister van Buitenlandse Zaken, C.C.J. Veldkamp, sprak met "
	                       "A.Th.B. Bijleveld-Schouten over de missie. Daarna volgde het debat.", ab), 2);
	assert_sentence(0, "De minister van Buitenlandse Zaken, C.C.J. Veldkamp, sprak met "
	                   "A.Th.B. Bijleveld-Schouten over de missie.");
	assert_sentence(1, "Daarna volgde het debat.");
}

static void test_numbers(void **state)
{
	(void)state;
	assert_int_equal(split("Het budget steeg met 2.5 procent tot 1.250.000 euro. Dat is veel.", ab), 2);
	assert_sentence(0, "Het budget steeg met 2.5 procent tot 1.250.000 euro.");
	assert_sentence(1, "Dat is veel.");
}

static void test_period_capital(void **state)
{
	(void)state;
	assert_int_equal(split("Dit is zin een. Dit is zin twee. En drie!", ab), 3);
	assert_sentence(0, "Dit is zin een.");
	assert_sentence(1, "Dit is zin twee.");
	assert_sentence(2, "En drie!");
	release(NULL);
	/* a period followed by a lower-case word does not end a sentence */
	assert_int_equal(split("Zie www.rijksoverheid.nl voor meer. en dit hoort erbij.", ab), 1);
	release(NULL);
	/* a period followed by a digit or a quote does */
	assert_int_equal(split("Het eerste deel. 2024 was een goed jaar. \"Zo is het\", zei ze.", ab), 3);
	release(NULL);
	assert_int_equal(split("Werkt dit? Ja.", ab), 2);
}

static void test_paragraph_break(void **state)
{
	(void)state;
	assert_int_equal(split("Eerste alinea zonder punt\n\ntweede alinea zonder punt", ab), 2);
	assert_sentence(0, "Eerste alinea zonder punt");
	assert_sentence(1, "tweede alinea zonder punt");
	release(NULL);
	/* a paragraph break ends a sentence even after a comma */
	assert_int_equal(split("Met vriendelijke groet,\n\nDe minister", ab), 2);
}

static void test_line_break(void **state)
{
	(void)state;
	/* a hard line break ends a sentence, except after a comma */
	assert_int_equal(split("Inleiding\nNederland steunt de missie.", ab), 2);
	assert_sentence(0, "Inleiding");
	release(NULL);
	assert_int_equal(split("De minister van Buitenlandse Zaken,\nC.C.J. Veldkamp", ab), 1);
}

static void test_code_points(void **state)
{
	(void)state;
	/* é is 2 bytes, U+1F600 is 4 bytes and one code point (two UTF-16 units) */
	static const char t[] = "Caf\xC3\xA9 \xC3\xA9\xC3\xA9n. Lach \xF0\x9F\x98\x80 nu! Einde.";
	assert_int_equal(split(t, ab), 3);
	assert_sentence(0, "Caf\xC3\xA9 \xC3\xA9\xC3\xA9n.");
	assert_int_equal(sent(0)->span.begin, 0);
	assert_int_equal(sent(0)->span.end, 12);
	assert_int_equal(sent(0)->cp_begin, 0);
	assert_int_equal(sent(0)->cp_end, 9);
	assert_int_equal(sent(1)->span.begin, 13);
	assert_int_equal(sent(1)->span.end, 26);
	assert_int_equal(sent(1)->cp_begin, 10);
	assert_int_equal(sent(1)->cp_end, 20);
	assert_int_equal(sent(2)->span.begin, 27);
	assert_int_equal(sent(2)->cp_begin, 21);
	assert_int_equal(sent(2)->cp_end, 27);
}

static void test_quotes_ascii(void **state)
{
	(void)state;
	assert_int_equal(split("Hij zei: \"Dit is zo.\" Daarna ging hij weg.", ab), 2);
	assert_sentence(0, "Hij zei: \"Dit is zo.\"");
	assert_sentence(1, "Daarna ging hij weg.");
}

/* A typographic closing quote after the period belongs to the sentence it
 * closes, not to the next one ("” Daarna ging hij weg."). */
static void test_quotes_typographic(void **state)
{
	(void)state;
	assert_int_equal(split("Hij zei: \xE2\x80\x9C" "Dit is zo.\xE2\x80\x9D Daarna ging hij weg.", ab), 2);
	assert_sentence(0, "Hij zei: \xE2\x80\x9C" "Dit is zo.\xE2\x80\x9D");
	assert_sentence(1, "Daarna ging hij weg.");
	release(NULL);
	assert_int_equal(split("Zij noemde het \xE2\x80\x98" "goed nieuws.\xE2\x80\x99) Toen ging ze.", ab), 2);
	assert_sentence(0, "Zij noemde het \xE2\x80\x98" "goed nieuws.\xE2\x80\x99)");
}

static void test_long_sentence_cut(void **state)
{
	(void)state;
	/* text without punctuation is cut into pieces of bounded length */
	size_t n = 3000;
	char *t = malloc(6 * n + 1);
	assert_non_null(t);
	for (size_t i = 0; i < n; i++)
		memcpy(t + 6 * i, "woord ", 6);
	t[6 * n - 1] = '\0';
	size_t k = split(t, ab);
	assert_true(k >= 4);
	size_t covered = 0;
	for (size_t i = 0; i < k; i++) {
		assert_true(sent(i)->span.end - sent(i)->span.begin <= 4001);
		covered += sent(i)->span.end - sent(i)->span.begin + 1;
	}
	assert_int_equal(covered, 6 * n);  /* every word, each space between */
	free(t);
}

/* Text without a space is cut too, at twice the length and between two
 * characters: a sentence's tokens are held at once (8 MB of "a,a," as one
 * sentence took 45 times its size in memory). */
static void test_no_space_cut(void **state)
{
	(void)state;
	size_t n = 10000;
	char *t = malloc(3 * n + 1);
	assert_non_null(t);
	for (size_t i = 0; i < n; i++)
		memcpy(t + 3 * i, "a\xc3\xa9", 3);  /* "aé": a cut may fall inside the é */
	t[3 * n] = '\0';
	size_t k = split(t, ab);
	assert_true(k >= 4);
	size_t covered = 0;
	for (size_t i = 0; i < k; i++) {
		const kgx_sentence *s = sent(i);
		assert_true(s->span.end - s->span.begin <= 8002);
		assert_true(((unsigned char)t[s->span.begin] & 0xC0) != 0x80);  /* whole characters */
		assert_int_equal(s->span.begin, covered);
		covered = s->span.end;
	}
	assert_int_equal(covered, 3 * n);
	free(t);
}

/* A run of periods without a space is one word: each period looks back a
 * bounded distance for an abbreviation or an initial, not to the word's
 * start (which made 2 MB of "Ab." take hours). */
static void test_period_run(void **state)
{
	(void)state;
	size_t n = 700000;
	char *t = malloc(3 * n + 32);
	assert_non_null(t);
	for (size_t i = 0; i < n; i++)
		memcpy(t + 3 * i, "Ab.", 3);
	strcpy(t + 3 * n, " Nr. 5 volgt.");
	/* cut every 8001 bytes (text without a space), then the last sentence */
	size_t k = split(t, ab);
	assert_int_equal(k, (3 * n + 8000) / 8001 + 1);
	assert_int_equal(sent(k - 1)->span.end - sent(k - 1)->span.begin, strlen("Nr. 5 volgt."));
	free(t);
	release(NULL);
	/* a long word before an initial or an abbreviation changes nothing */
	assert_int_equal(split("Xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.o.a. Nu. Zie A. Jansen.", ab), 3);
}

static void test_empty(void **state)
{
	(void)state;
	assert_int_equal(split("", ab), 0);
	release(NULL);
	assert_int_equal(split(" \n\n ", ab), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_abbreviations, release),
		cmocka_unit_test_teardown(test_without_abbreviations, release),
		cmocka_unit_test_teardown(test_initials, release),
		cmocka_unit_test_teardown(test_numbers, release),
		cmocka_unit_test_teardown(test_period_capital, release),
		cmocka_unit_test_teardown(test_paragraph_break, release),
		cmocka_unit_test_teardown(test_line_break, release),
		cmocka_unit_test_teardown(test_code_points, release),
		cmocka_unit_test_teardown(test_quotes_ascii, release),
		cmocka_unit_test_teardown(test_quotes_typographic, release),
		cmocka_unit_test_teardown(test_long_sentence_cut, release),
		cmocka_unit_test_teardown(test_no_space_cut, release),
		cmocka_unit_test_teardown(test_period_run, release),
		cmocka_unit_test_teardown(test_empty, release),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
