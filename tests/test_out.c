/* kgx_out: RDF for a processed document, checked by parsing it back. */
#include "kgx_test.h"
#include "doc.h"
#include "out.h"

#include <raptor2.h>

static const char kb[] =
	"[netherlands]\nclass = Country\nnl = Nederland\nen = the Netherlands\nwikidata = Q29999\niso3166 = NL\n\n"
	"[un]\nclass = UNBody\nnl = Verenigde Naties\nalias = VN\nwikidata = Q1065\ncrs = 41305\n\n"
	"[un-peacebuilding-fund]\nclass = Fund\nnl = Vredesopbouwfonds\nalias = PBF\ncrs = 41141\n"
	"tooi = https://identifier.overheid.nl/tooi/id/x/y\n\n"
	"[person-veldkamp]\nclass = Minister\nnl = Caspar Veldkamp\nalias = Veldkamp\n";

static const char patterns[] =
	"[@amount]\n"
	"pattern = (?<num>\\d+(?:,\\d+)?)\\s*(?<mult>miljoen)?\\s*(?<cur>euro)\n"
	"multiplier = miljoen 1000000\n"
	"currency = euro EUR\n"
	"\n"
	"[country-funds]\n"
	"kind = relation\n"
	"pattern = {s:Country}\\s+draagt\\b[^.\\x{E000}]{0,80}?\\bbij\\s+aan\\s+(?:het\\s+)?{o:Fund}\n"
	"emit = funds s o\n";

/* Quotes, a backslash, a tab and non-ASCII in the evidence literal. */
static const char letter[] =
	"Nederland draagt in 2024 \"5 miljoen euro\" \\ extra\tbij aan het Vredesopbouwfonds "
	"van de Verenigde Naties \xE2\x80\x93 d\xC3\xA9j\xC3\xA0 vu \xF0\x9F\x98\x80.\n\n"
	"Ook de VN en het PBF werken samen met minister Veldkamp.\n";

static kgx_rules *rules;
static kgx_doc doc, doc2;

static int setup(void **state)
{
	(void)state;
	kgx_diag_quiet(1);
	rules = t_rules(kb, patterns);
	t_run(&doc, rules, "letters/brief 1.txt", letter);
	t_run(&doc2, rules, "../other.txt", "Veldkamp sprak over Nederland.\n");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	kgx_doc_release(&doc);
	kgx_doc_release(&doc2);
	kgx_rules_free(rules);
	return 0;
}

/* ------------------------------------------------------------ parsing back */

typedef struct {
	size_t triples, blank, errors, quads;
	int amount_decimal, amount_other;  /* datatypes of kgx:amount literals */
	kgx_buf *terms;  /* if set: each triple as "s p o\n", N-Triples terms */
} parsed;

static void add_term(kgx_buf *b, raptor_term *t, char sep)
{
	unsigned char *s = raptor_term_to_string(t);
	assert_non_null(s);
	assert_int_equal(kgx_buf_add(b, (const char *)s, strlen((const char *)s)), 0);
	assert_int_equal(kgx_buf_addc(b, sep), 0);
	raptor_free_memory(s);
}

static void on_statement(void *user, raptor_statement *st)
{
	parsed *p = user;
	p->triples++;
	if (p->terms) {
		add_term(p->terms, st->subject, ' ');
		add_term(p->terms, st->predicate, ' ');
		add_term(p->terms, st->object, '\n');
	}
	if (st->subject->type == RAPTOR_TERM_TYPE_BLANK || st->object->type == RAPTOR_TERM_TYPE_BLANK)
		p->blank++;
	const char *pred = (const char *)raptor_uri_as_string(st->predicate->value.uri);
	if (!strcmp(pred, "https://w3id.org/kgx/ontology#amount")) {
		raptor_uri *dt = st->object->type == RAPTOR_TERM_TYPE_LITERAL ? st->object->value.literal.datatype : NULL;
		if (dt && !strcmp((const char *)raptor_uri_as_string(dt), "http://www.w3.org/2001/XMLSchema#decimal"))
			p->amount_decimal++;
		else
			p->amount_other++;
	}
}

static void on_log(void *user, raptor_log_message *msg)
{
	parsed *p = user;
	if (msg->level >= RAPTOR_LOG_LEVEL_ERROR) {
		p->errors++;
		print_message("raptor: %s (line %d)\n", msg->text, msg->locator ? msg->locator->line : -1);
	}
}

/* Parse kgx output back. N-Triples is read with raptor's Turtle parser (it
 * is a subset of Turtle) and N-Quads as N-Triples once the graph of every
 * line is checked and cut off: raptor 2.0.15's own N-Triples parser leaks a
 * datatype URI per typed literal, which would drown kgx's leaks under
 * LeakSanitizer. The strict N-Triples and N-Quads grammars are checked with
 * rapper in tests/cli.sh. */
static parsed parse_terms(const char *syntax, const char *buf, size_t len, kgx_buf *terms)
{
	parsed p = {0};
	p.terms = terms;
	char *copy = NULL;
	if (!strcmp(syntax, "nquads")) {
		copy = malloc(len + 1);
		assert_non_null(copy);
		size_t o = 0;
		for (size_t i = 0; i < len;) {
			const char *nl = memchr(buf + i, '\n', len - i);
			size_t n = nl ? (size_t)(nl - (buf + i)) : len - i;
			const char *line = buf + i;
			/* "... <graph> ." */
			if (n < 4 || memcmp(line + n - 3, "> .", 3))
				fail_msg("not a quad: %.*s", (int)n, line);
			size_t g = n - 3;
			while (g > 0 && line[g] != '<')
				g--;
			assert_true(g > 0 && line[g - 1] == ' ');
			memcpy(copy + o, line, g - 1);
			o += g - 1;
			memcpy(copy + o, " .\n", 3);
			o += 3;
			p.quads++;
			i += n + 1;
		}
		buf = copy;
		len = o;
	}
	raptor_world *w = raptor_new_world();
	assert_non_null(w);
	raptor_world_set_log_handler(w, &p, on_log);
	assert_int_equal(raptor_world_open(w), 0);
	raptor_parser *rp = raptor_new_parser(w, "turtle");
	assert_non_null(rp);
	raptor_parser_set_statement_handler(rp, &p, on_statement);
	raptor_uri *base = raptor_new_uri(w, (const unsigned char *)"http://base.invalid/");
	assert_int_equal(raptor_parser_parse_start(rp, base), 0);
	int rc = raptor_parser_parse_chunk(rp, (const unsigned char *)buf, len, 1);
	raptor_free_uri(base);
	raptor_free_parser(rp);
	raptor_free_world(w);
	free(copy);
	assert_int_equal(rc, 0);
	assert_int_equal(p.errors, 0);
	return p;
}

static parsed parse(const char *syntax, const char *buf, size_t len)
{
	return parse_terms(syntax, buf, len, NULL);
}

static int cmp_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The lines of b sorted, in place: the triples as a comparable multiset. */
static char **sorted_lines(kgx_buf *b, size_t *n)
{
	*n = 0;
	for (size_t i = 0; i < b->len; i++)
		*n += b->s[i] == '\n';
	char **v = calloc(*n ? *n : 1, sizeof *v);
	assert_non_null(v);
	size_t k = 0;
	for (char *line = b->s, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
		*nl = '\0';
		v[k++] = line;
	}
	qsort(v, *n, sizeof *v, cmp_line);
	return v;
}

static kgx_buf serialise(kgx_format fmt, const char *base, const kgx_doc *d)
{
	kgx_out *out = kgx_out_new(fmt, base);
	assert_non_null(out);
	kgx_buf b = {0};
	assert_int_equal(kgx_out_doc(out, d, &b), KGX_OK);
	kgx_out_free(out);
	assert_non_null(b.s);
	assert_true(b.len > 0);
	return b;
}

static const char *const syntaxes[] = {"turtle", "ntriples", "nquads"};

/* ------------------------------------------------------------ tests */

static void test_formats_parse_and_agree(void **state)
{
	(void)state;
	assert_non_null(t_relation(&doc, "netherlands", KGX_P_FUNDS, "un-peacebuilding-fund"));
	size_t counts[3];
	for (int f = 0; f < 3; f++) {
		kgx_buf b = serialise((kgx_format)f, NULL, &doc);
		parsed p = parse(syntaxes[f], b.s, b.len);
		counts[f] = p.triples;
		if (f != KGX_FMT_TURTLE) {
			/* one relation with an amount, typed xsd:decimal */
			assert_int_equal(p.amount_decimal, 1);
			assert_int_equal(p.amount_other, 0);
		}
		assert_int_equal(p.blank, 0);
		assert_null(strstr(b.s, "_:"));
		if (f == KGX_FMT_NQUADS)
			assert_int_equal(p.quads, p.triples);
		kgx_buf_free(&b);
	}
	assert_true(counts[0] > 30);
	assert_int_equal(counts[0], counts[1]);
	assert_int_equal(counts[1], counts[2]);
}

/* serd (as raptor2's Turtle serialiser before it) writes an xsd:decimal
 * literal with a '.' as a bare number, and a bare number without '.' reads
 * back as an xsd:integer: the amount must stay a decimal in the default
 * format too (shared/spec/OUTPUT.md). */
static void test_turtle_amount_is_decimal(void **state)
{
	(void)state;
	kgx_buf b = serialise(KGX_FMT_TURTLE, NULL, &doc);
	parsed p = parse("turtle", b.s, b.len);
	kgx_buf_free(&b);
	assert_int_equal(p.amount_decimal, 1);
	assert_int_equal(p.amount_other, 0);
}

/* Turtle is abbreviated and escaped by serd: it must read back as exactly
 * the triples of N-Triples, literal by literal (the evidence has quotes, a
 * backslash, a tab, non-ASCII and a character outside the BMP), with
 * --mentions too (the whole text as nif:isString). */
static void test_turtle_same_triples_as_ntriples(void **state)
{
	(void)state;
	for (int mentions = 0; mentions < 2; mentions++) {
		kgx_buf text[2] = {{0}, {0}}, terms[2] = {{0}, {0}};
		for (int f = 0; f < 2; f++) {
			kgx_out *out = kgx_out_new((kgx_format)f, NULL);
			assert_non_null(out);
			kgx_out_set_mentions(out, mentions);
			assert_int_equal(kgx_out_doc(out, &doc, &text[f]), KGX_OK);
			assert_int_equal(kgx_out_doc(out, &doc2, &text[f]), KGX_OK);
			kgx_out_free(out);
			parse_terms(syntaxes[f], text[f].s, text[f].len, &terms[f]);
		}
		/* abbreviated: one subject block per entity, not one per triple */
		assert_non_null(strstr(text[0].s, " ;\n"));
		size_t n0, n1;
		char **a = sorted_lines(&terms[0], &n0), **b = sorted_lines(&terms[1], &n1);
		assert_int_equal(n0, n1);
		assert_true(n0 > 30);
		for (size_t i = 0; i < n0; i++)
			if (strcmp(a[i], b[i]))
				fail_msg("Turtle and N-Triples differ:\n  %s\n  %s", a[i], b[i]);
		free(a);
		free(b);
		for (int f = 0; f < 2; f++) {
			kgx_buf_free(&text[f]);
			kgx_buf_free(&terms[f]);
		}
	}
}

static void test_deterministic(void **state)
{
	(void)state;
	for (int f = 0; f < 3; f++) {
		/* the same writer twice, and a second writer */
		kgx_out *out = kgx_out_new((kgx_format)f, NULL);
		assert_non_null(out);
		kgx_buf a = {0}, b = {0};
		assert_int_equal(kgx_out_doc(out, &doc, &a), KGX_OK);
		assert_int_equal(kgx_out_doc(out, &doc, &b), KGX_OK);
		kgx_out_free(out);
		kgx_buf c = serialise((kgx_format)f, NULL, &doc);
		assert_int_equal(a.len, b.len);
		assert_memory_equal(a.s, b.s, a.len);
		assert_int_equal(a.len, c.len);
		assert_memory_equal(a.s, c.s, a.len);
		kgx_buf_free(&a);
		kgx_buf_free(&b);
		kgx_buf_free(&c);
	}
}

static void test_ntriples_content(void **state)
{
	(void)state;
	kgx_buf b = serialise(KGX_FMT_NTRIPLES, NULL, &doc);
	const char *s = b.s;
#define K "<https://w3id.org/kgx/"
#define O "<https://w3id.org/kgx/ontology#"
#define RDF "<http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	/* the input document, its path percent-encoded */
	assert_non_null(strstr(s, K "doc/letters/brief%201.txt> " RDF "type> " O "Document> .\n"));
	assert_non_null(strstr(s, K "doc/letters/brief%201.txt> <http://purl.org/dc/terms/source> \"letters/brief 1.txt\" .\n"));
	assert_non_null(strstr(s, K "doc/letters/brief%201.txt> <https://schema.org/mentions> " K "id/netherlands> .\n"));
	/* entities */
	assert_non_null(strstr(s, K "id/netherlands> " RDF "type> " O "Country> .\n"));
	assert_non_null(strstr(s, K "id/netherlands> <http://www.w3.org/2000/01/rdf-schema#label> \"Nederland\" .\n"));
	assert_non_null(strstr(s, K "id/netherlands> <http://www.w3.org/2004/02/skos/core#prefLabel> \"Nederland\"@nl .\n"));
	assert_non_null(strstr(s, K "id/netherlands> <http://www.w3.org/2004/02/skos/core#prefLabel> \"the Netherlands\"@en .\n"));
	assert_non_null(strstr(s, K "id/netherlands> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q29999> .\n"));
	assert_non_null(strstr(s, K "id/un-peacebuilding-fund> " O "crsCode> \"41141\"^^<http://www.w3.org/2001/XMLSchema#token> .\n"));
	assert_non_null(strstr(s, K "id/un-peacebuilding-fund> <http://www.w3.org/2004/02/skos/core#exactMatch> <https://identifier.overheid.nl/tooi/id/x/y> .\n"));
	assert_null(strstr(s, K "id/un-peacebuilding-fund> <http://www.w3.org/2002/07/owl#sameAs>"));
	assert_non_null(strstr(s, K "id/netherlands> " O "iso3166> \"NL\"^^<http://www.w3.org/2001/XMLSchema#token> .\n"));
	/* every surface form, once each */
	assert_non_null(strstr(s, K "id/un> <http://www.w3.org/2004/02/skos/core#altLabel> \"VN\" .\n"));
	assert_non_null(strstr(s, K "id/un> <http://www.w3.org/2004/02/skos/core#altLabel> \"Verenigde Naties\" .\n"));
	assert_non_null(strstr(s, K "id/un-peacebuilding-fund> <http://www.w3.org/2004/02/skos/core#altLabel> \"PBF\" .\n"));
	/* a minister is also a person */
	assert_non_null(strstr(s, K "id/person-veldkamp> " RDF "type> " O "Minister> .\n"));
	assert_non_null(strstr(s, K "id/person-veldkamp> " RDF "type> " O "Person> .\n"));
	/* the relation, direct and as a statement */
	assert_non_null(strstr(s, K "id/netherlands> " O "funds> " K "id/un-peacebuilding-fund> .\n"));
	const char *stmt = strstr(s, K "stmt/");
	assert_non_null(stmt);
	char node[128];
	size_t n = strcspn(stmt, ">") + 1;
	assert_true(n < sizeof node);
	memcpy(node, stmt, n);
	node[n] = '\0';
	char want[512];
	snprintf(want, sizeof want, "%s " RDF "type> " RDF "Statement> .\n", node);
	assert_non_null(strstr(s, want));
	snprintf(want, sizeof want, "%s " RDF "predicate> " O "funds> .\n", node);
	assert_non_null(strstr(s, want));
	snprintf(want, sizeof want, "%s <http://www.w3.org/ns/prov#wasDerivedFrom> " K "doc/letters/brief%%201.txt> .\n", node);
	assert_non_null(strstr(s, want));
	snprintf(want, sizeof want, "%s " O "beginIndex> \"0\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n", node);
	assert_non_null(strstr(s, want));
	snprintf(want, sizeof want, "%s " O "rule> \"country-funds\" .\n", node);
	assert_non_null(strstr(s, want));
	snprintf(want, sizeof want, "%s " O "amount> \"5000000.0\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n", node);
	assert_non_null(strstr(s, want));
	snprintf(want, sizeof want, "%s " O "currency> \"EUR\" .\n", node);
	assert_non_null(strstr(s, want));
	snprintf(want, sizeof want, "%s " O "year> \"2024\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n", node);
	assert_non_null(strstr(s, want));
	/* endIndex: the sentence's length in code points (the emoji is one) */
	const kgx_sentence *s0 = &KGX_VEC_AT(&doc.sentences, kgx_sentence, 0);
	snprintf(want, sizeof want, "%s " O "endIndex> \"%u\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n",
	         node, s0->cp_end);
	assert_non_null(strstr(s, want));
	assert_int_equal(s0->cp_end, 116);
	/* each line is one triple */
	size_t lines = 0;
	for (const char *p = s; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, parse("ntriples", b.s, b.len).triples);
	kgx_buf_free(&b);
#undef K
#undef O
#undef RDF
}

static void test_one_label(void **state)
{
	(void)state;
	kgx_buf b = serialise(KGX_FMT_NTRIPLES, NULL, &doc);
	static const char *ids[] = {"netherlands", "un", "un-peacebuilding-fund", "person-veldkamp"};
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		char pfx[256];
		snprintf(pfx, sizeof pfx, "<https://w3id.org/kgx/id/%s> <http://www.w3.org/2000/01/rdf-schema#label> ", ids[i]);
		size_t n = 0;
		for (const char *p = b.s; (p = strstr(p, pfx)); p++)
			n++;
		if (n != 1)
			fail_msg("%s has %zu rdfs:label", ids[i], n);
	}
	kgx_buf_free(&b);
}

static void test_turtle_chunks_concatenate(void **state)
{
	(void)state;
	kgx_out *out = kgx_out_new(KGX_FMT_TURTLE, NULL);
	assert_non_null(out);
	kgx_buf all = {0}, one = {0}, two = {0};
	assert_int_equal(kgx_out_doc(out, &doc, &all), KGX_OK);
	assert_int_equal(kgx_out_doc(out, &doc2, &all), KGX_OK);
	assert_int_equal(kgx_out_doc(out, &doc, &one), KGX_OK);
	assert_int_equal(kgx_out_doc(out, &doc2, &two), KGX_OK);
	kgx_out_free(out);
	/* appended, not replaced */
	assert_int_equal(all.len, one.len + two.len);
	assert_non_null(strstr(all.s, "@prefix kgx: <https://w3id.org/kgx/ontology#> ."));
	assert_non_null(strstr(two.s, "@prefix kgx: <https://w3id.org/kgx/ontology#> ."));
	parsed p = parse("turtle", all.s, all.len);
	assert_int_equal(p.triples, parse("turtle", one.s, one.len).triples + parse("turtle", two.s, two.len).triples);
	/* ".." in a path is encoded, so no resolver shortens it */
	assert_non_null(strstr(two.s, "%2E%2E/other.txt"));
	kgx_buf_free(&all);
	kgx_buf_free(&one);
	kgx_buf_free(&two);
}

static void test_nquads_graph(void **state)
{
	(void)state;
	kgx_buf b = serialise(KGX_FMT_NQUADS, NULL, &doc);
	/* every line ends with the document's graph */
	static const char g[] = " <https://w3id.org/kgx/doc/letters/brief%201.txt> .";
	size_t lines = 0;
	for (char *line = b.s, *nl; (nl = strchr(line, '\n')); line = nl + 1) {
		lines++;
		size_t n = (size_t)(nl - line);
		if (n < sizeof g - 1 || memcmp(nl - (sizeof g - 1), g, sizeof g - 1))
			fail_msg("quad without the document graph: %.*s", (int)n, line);
	}
	assert_true(lines > 30);
	kgx_buf_free(&b);
}

static void test_base(void **state)
{
	(void)state;
	kgx_buf b = serialise(KGX_FMT_NTRIPLES, "http://example.org/kg", &doc);
	assert_non_null(strstr(b.s, "<http://example.org/kg/id/netherlands> "));
	assert_non_null(strstr(b.s, "<http://example.org/kg/doc/letters/brief%201.txt> "));
	assert_non_null(strstr(b.s, "<http://example.org/kg/stmt/"));
	assert_null(strstr(b.s, "<https://w3id.org/kgx/id/"));
	/* the ontology does not move */
	assert_non_null(strstr(b.s, "<https://w3id.org/kgx/ontology#Country>"));
	parse("ntriples", b.s, b.len);
	kgx_buf_free(&b);
	b = serialise(KGX_FMT_NTRIPLES, "urn:kgx:", &doc);
	/* a base that does not end in '/' or '#' gets a '/' */
	assert_non_null(strstr(b.s, "<urn:kgx:/id/netherlands> "));
	kgx_buf_free(&b);
}

/* In the sanitizer build this reaches the known qsort(NULL, 0) bug (see
 * tests/CMakeLists.txt). */
static void test_empty_document(void **state)
{
	(void)state;
	kgx_doc e;
	t_run(&e, rules, "empty.txt", "");
	for (int f = 0; f < 3; f++) {
		kgx_buf b = serialise((kgx_format)f, NULL, &e);
		assert_int_equal(parse(syntaxes[f], b.s, b.len).triples, 2);  /* type and source */
		kgx_buf_free(&b);
	}
	kgx_doc_release(&e);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

static int to_buf(void *ctx, const char *s, size_t n)
{
	kgx_buf *b = ctx;
	assert_true(n <= KGX_OUT_PIECE + 65536);  /* pieces, not the whole */
	((size_t *)((char *)ctx + sizeof(kgx_buf)))[0]++;
	return kgx_buf_add(b, s, n);
}

/* A long sentence dense with relations repeats itself as evidence once per
 * relation: what a document emits is capped (16 times its size plus 1 MiB of
 * evidence), every relation written keeps its provenance, and the
 * streamed output is the same as the whole, handed on in pieces. */
static void test_output_capped_and_streamed(void **state)
{
	(void)state;
	/* 26 countries and 5 funds: 130 different relations a sentence */
	kgx_buf k = {0}, text = {0};
	for (char c = 'a'; c <= 'z'; c++)
		kgx_buf_printf(&k, "[land-%c]\nclass = Country\nnl = Land%c\n\n", c, c);
	for (char c = 'a'; c <= 'e'; c++)
		kgx_buf_printf(&k, "[fonds-%c]\nclass = Fund\nnl = Fonds%c\n\n", c, c);
	kgx_rules *r = t_rules(k.s, "[supports]\nkind = relation\npattern = {s:Country} steunt {o:Fund}\n"
	                            "emit = supports s o\n");
	kgx_buf_free(&k);
	/* no sentence end: cut every 4000 bytes */
	for (size_t i = 0; text.len < 600000; i++)
		kgx_buf_printf(&text, "Land%c steunt Fonds%c en ", (char)('a' + i % 26), (char)('a' + (i / 26) % 5));
	kgx_doc big;
	t_run(&big, r, "dense.txt", text.s);
	assert_true(big.relations.len > 15000);
	kgx_out *o = kgx_out_new(KGX_FMT_NTRIPLES, "https://w3id.org/kgx/");
	assert_non_null(o);
	kgx_buf whole = {0};
	assert_int_equal(kgx_out_doc(o, &big, &whole), KGX_OK);
	/* evidence within the budget, the rest of each statement small */
	size_t budget = 16 * big.raw_len + (1u << 20);
	assert_true(whole.len < 2 * budget);
	size_t statements = count(whole.s, "22-rdf-syntax-ns#Statement>");
	assert_true(statements > 100);
	assert_true(statements < big.relations.len);
	assert_true(statements * 4000 <= budget);
	/* every direct triple written has its statement */
	size_t direct = count(whole.s, "ontology#supports> <https://w3id.org/kgx/id/fonds-");
	assert_true(direct > 0 && direct <= statements);
	assert_int_equal(count(whole.s, "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> "), statements);
	parsed p = parse("ntriples", whole.s, whole.len);
	assert_int_equal(p.errors, 0);
	struct {
		kgx_buf b;
		size_t pieces;
	} streamed = {{0}, 0};
	assert_int_equal(kgx_out_doc_stream(o, &big, to_buf, &streamed), KGX_OK);
	assert_true(streamed.pieces > 1);
	assert_int_equal(streamed.b.len, whole.len);
	assert_memory_equal(streamed.b.s, whole.s, whole.len);
	kgx_buf_free(&streamed.b);
	kgx_buf_free(&whole);
	kgx_buf_free(&text);
	kgx_out_free(o);
	kgx_doc_release(&big);
	kgx_rules_free(r);
}

static void test_format_names(void **state)
{
	(void)state;
	assert_int_equal(kgx_out_format_parse("turtle"), KGX_FMT_TURTLE);
	assert_int_equal(kgx_out_format_parse("ttl"), KGX_FMT_TURTLE);
	assert_int_equal(kgx_out_format_parse("ntriples"), KGX_FMT_NTRIPLES);
	assert_int_equal(kgx_out_format_parse("nt"), KGX_FMT_NTRIPLES);
	assert_int_equal(kgx_out_format_parse("nquads"), KGX_FMT_NQUADS);
	assert_int_equal(kgx_out_format_parse("nq"), KGX_FMT_NQUADS);
	assert_int_equal(kgx_out_format_parse("bogus"), -1);
	assert_int_equal(kgx_out_format_parse(""), -1);
	assert_int_equal(kgx_out_format_parse("Turtle"), -1);

	assert_true(kgx_out_base_ok("https://w3id.org/kgx/"));
	assert_true(kgx_out_base_ok("http://example.org/kg#"));
	assert_true(kgx_out_base_ok("urn:x:"));
	assert_false(kgx_out_base_ok("w3id.org/kgx/"));
	assert_false(kgx_out_base_ok(":x"));
	assert_false(kgx_out_base_ok("1http://x/"));
	assert_false(kgx_out_base_ok("http://a b/"));
	assert_false(kgx_out_base_ok("http://a/<b>"));
	assert_false(kgx_out_base_ok(""));
	assert_false(kgx_out_base_ok("x"));
	assert_false(kgx_out_base_ok("http://x/\x7f"));
	assert_false(kgx_out_base_ok("http://x/\x01"));
	assert_false(kgx_out_base_ok("http://x/\xe9/"));       /* Latin-1, not UTF-8 */
	assert_false(kgx_out_base_ok("http://x/\xef\xbf"));   /* truncated */
	assert_true(kgx_out_base_ok("http://x/\xc3\xa9/"));   /* é */
	assert_true(kgx_out_base_ok("http://x/\xf0\x9f\x98\x80/"));
	/* the offset names the first byte that cannot stand */
	assert_int_equal(kgx_iri_bad("http://a/<b>"), 9);
	assert_int_equal(kgx_iri_bad("http://x/\xc3\xa9\x7f"), 11);
	assert_int_equal(kgx_iri_bad("nope"), 0);
	/* noncharacters are no IRI characters (RFC 3987), nor is a second '#'
	 * or a '%' that starts no escape */
	assert_false(kgx_out_base_ok("http://x/\xef\xbf\xbe/"));      /* U+FFFE */
	assert_false(kgx_out_base_ok("http://x/\xef\xbf\xbf/"));      /* U+FFFF */
	assert_false(kgx_out_base_ok("http://x/\xef\xb7\x90/"));      /* U+FDD0 */
	assert_false(kgx_out_base_ok("http://x/\xf0\x9f\xbf\xbe/"));  /* U+1FFFE */
	assert_false(kgx_out_base_ok("http://x/kg#a#"));
	assert_false(kgx_out_base_ok("http://x/100%/"));
	assert_false(kgx_out_base_ok("http://x/%4"));
	assert_true(kgx_out_base_ok("http://x/%C3%A9/"));
	assert_true(kgx_out_base_ok("http://x/\xef\xbf\xbd/"));       /* U+FFFD is a character */
	assert_int_equal(kgx_iri_bad("http://x/kg#a#"), 13);
	assert_int_equal(kgx_iri_bad("http://x/\xef\xbf\xbe"), 9);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_formats_parse_and_agree),
		cmocka_unit_test(test_output_capped_and_streamed),
		cmocka_unit_test(test_turtle_amount_is_decimal),
		cmocka_unit_test(test_turtle_same_triples_as_ntriples),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_ntriples_content),
		cmocka_unit_test(test_one_label),
		cmocka_unit_test(test_turtle_chunks_concatenate),
		cmocka_unit_test(test_nquads_graph),
		cmocka_unit_test(test_base),
		cmocka_unit_test(test_empty_document),
		cmocka_unit_test(test_format_names),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
