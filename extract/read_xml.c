/* The XML reader, for the official publication XML in which Kamerstukken
 * are published (officielebekendmakingen.nl, the KOOP "op" schema; see
 * docs/cli.md, Input formats): the text of the document with its blocks on
 * lines of their own and footnotes gathered at the end, as in the printed
 * letter; its metadata from the <meta name=… content=…> elements it embeds
 * (or, in a metadata.xml, <metadata name=… content=…>) and from its own
 * <dossiernr> and <ondernummer>. Any other XML is read as text the same way.
 * External entities and DTDs are never loaded. */
#include "read.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int xml_recognise(const char *raw, size_t len)
{
	size_t i = kgx_read_skip_prolog(raw, len, 0);
	if (i + 5 <= len && !memcmp(raw + i, "<?xml", 5))
		return 8;
	if (i + 2 <= len && raw[i] == '<' &&
	    ((raw[i + 1] >= 'a' && raw[i + 1] <= 'z') || (raw[i + 1] >= 'A' && raw[i + 1] <= 'Z')))
		return 7;
	if ((i + 9 <= len && !memcmp(raw + i, "<!DOCTYPE", 9)) || (i + 4 <= len && !memcmp(raw + i, "<!--", 4)))
		return 7;
	return 0;
}

static int is(const xmlNode *n, const char *name)
{
	return !strcmp((const char *)n->name, name);
}

static int any(const xmlNode *n, const char *const *names)
{
	return kgx_read_name_in((const char *)n->name, names, 0);
}

/* Elements inside a line (the op schema's emphasis, references and name
 * parts); every other element starts a line of its own. */
static const char *const inline_elems[] = {
	"nadruk", "extref", "intref", "dossierref", "sup", "inf", "ondernummer", "dossiernr",
	"achternaam", "afkorting", "plaats", "datum", "begrotingshoofdstuk", "u", "i", "b", "em",
	"strong", "a", "span", NULL};
/* Name parts followed by a space ("S." "Dekker" is "S. Dekker"). */
static const char *const word_elems[] = {"voornaam", "voorletters", "initialen", "tussenvoegsel",
                                         "functie", NULL};
/* Paragraphs: a blank line before and after. */
static const char *const para_elems[] = {
	"al", "al-groep", "kop", "titel", "ondertekening", "divisie", "dossier", "stuk", "lijst",
	"tekst-sluiting", "slotformulering", "aanhef", "brief", "vraag", "antwoord", "table",
	"kamerstukkop", "bijlage", NULL};

typedef struct {
	kgx_doc *doc;
	kgx_read_text_buf text;
	const xmlNode *notes[256];  /* footnotes, in order, written at the end */
	size_t n_notes;
	int err;
} walk_ctx;

static char *text_of(const xmlNode *n)
{
	return (char *)xmlNodeGetContent(n);
}

static void meta_elem(walk_ctx *c, const xmlNode *n)
{
	xmlChar *name = xmlGetProp(n, (const xmlChar *)"name");
	xmlChar *content = xmlGetProp(n, (const xmlChar *)"content");
	if (name && content && kgx_read_meta(c->doc, (char *)name, (char *)content))
		c->err = 1;
	xmlFree(name);
	xmlFree(content);
}

/* The document's own numbers, where no metadata gave them. */
static void number_elem(walk_ctx *c, const xmlNode *n, const char **field)
{
	if (*field)
		return;
	char *t = text_of(n);
	if (!t)
		return;
	const char *p = t;
	/* <ondernummer>Nr. 4</ondernummer> in some years */
	while (*p && !(*p >= '0' && *p <= '9'))
		p++;
	size_t len = strlen(p);
	while (len && (p[len - 1] == ' ' || p[len - 1] == '\n' || p[len - 1] == '.'))
		len--;
	if (len && !(*field = kgx_arena_strndup(&c->doc->arena, p, len)))
		c->err = 1;
	xmlFree(t);
}

static void walk(walk_ctx *c, const xmlNode *n, unsigned depth, int pre)
{
	if (depth > 1024)
		return;
	for (; n && !c->err; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				c->err |= kgx_read_add_text(&c->text, (const char *)n->content,
				                            strlen((const char *)n->content), pre);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || !n->name)
			continue;
		/* xml:space="preserve": its line breaks are the text's */
		int keep = pre;
		if (n->properties) {
			xmlChar *sp = xmlGetNsProp(n, (const xmlChar *)"space", XML_XML_NAMESPACE);
			if (sp)
				keep = !strcmp((const char *)sp, "preserve");
			xmlFree(sp);
		}
		if (is(n, "meta") || is(n, "metadata")) {
			meta_elem(c, n);
			/* <metadata> holds <meta>s; its own text is not the letter's */
			for (const xmlNode *m = n->children; m; m = m->next)
				if (m->type == XML_ELEMENT_NODE && (is(m, "meta") || is(m, "metadata")))
					meta_elem(c, m);
			continue;
		}
		if (is(n, "noot")) {
			if (c->n_notes < sizeof c->notes / sizeof c->notes[0])
				c->notes[c->n_notes++] = n;
			continue;
		}
		if (is(n, "dossiernr"))
			number_elem(c, n, &c->doc->dossier);
		else if (is(n, "ondernummer"))
			number_elem(c, n, &c->doc->kamerstuk);
		if (any(n, word_elems)) {
			walk(c, n->children, depth + 1, keep);
			c->err |= kgx_read_add_text(&c->text, " ", 1, 0);
			continue;
		}
		int block = any(n, inline_elems) ? 0 : any(n, para_elems) ? 2 : 1;
		if (block)
			kgx_read_add_break(&c->text, block);
		walk(c, n->children, depth + 1, keep);
		if (block)
			kgx_read_add_break(&c->text, block);
	}
}

/* Footnotes as the printed letter has them: "1 Kamerstuk 29 237, nr. 209". */
static void notes(walk_ctx *c)
{
	for (size_t i = 0; i < c->n_notes && !c->err; i++) {
		kgx_read_add_break(&c->text, 2);
		for (const xmlNode *m = c->notes[i]->children; m && !c->err; m = m->next) {
			if (m->type == XML_ELEMENT_NODE && is(m, "noot.nr")) {
				walk(c, m->children, 0, 0);
				c->err |= kgx_read_add_text(&c->text, " ", 1, 0);
			} else if (m->type == XML_ELEMENT_NODE) {
				walk(c, m->children, 0, 0);
				kgx_read_add_break(&c->text, 1);
			} else if (m->type == XML_TEXT_NODE && m->content) {
				c->err |= kgx_read_add_text(&c->text, (const char *)m->content,
				                            strlen((const char *)m->content), 0);
			}
		}
	}
}

static kgx_status xml_read(kgx_doc *doc)
{
	kgx_read_xml_init();
	kgx_loc loc = {doc->path, 0, 0};
	if (doc->raw_len > INT32_MAX) {
		kgx_diag(&loc, "skipped: XML larger than 2 GB");
		return KGX_ERR_INPUT;
	}
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt)
		return KGX_ERR_NOMEM;
	int opts = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	           XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
	xmlDocPtr xd = xmlCtxtReadMemory(ctxt, doc->raw, (int)doc->raw_len, NULL, NULL, opts);
	if (xd && !xmlDocGetRootElement(xd)) {
		xmlFreeDoc(xd);
		xd = NULL;
	}
	if (!xd && ctxt->wellFormed)
		kgx_diag(&loc, "skipped: XML without a root element");
	if (!ctxt->wellFormed) {
		const xmlError *e = xmlCtxtGetLastError(ctxt);
		char msg[200] = "not well-formed";
		if (e && e->message) {
			snprintf(msg, sizeof msg, "%s", e->message);
			size_t n = strlen(msg);
			while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
				msg[--n] = '\0';
		}
		loc.line = e && e->line > 0 ? (unsigned)e->line : 0;
		loc.col = e && e->int2 > 0 ? (unsigned)e->int2 : 0;
		kgx_diag(&loc, xd ? "warning: malformed XML (%s); read what could be parsed"
		                  : "skipped: malformed XML (%s)", msg);
	}
	if (!xd) {
		xmlFreeParserCtxt(ctxt);
		return KGX_ERR_INPUT;
	}
	walk_ctx *c = calloc(1, sizeof *c);
	if (!c) {
		xmlFreeDoc(xd);
		xmlFreeParserCtxt(ctxt);
		return KGX_ERR_NOMEM;
	}
	c->doc = doc;
	walk(c, xmlDocGetRootElement(xd), 0, 0);
	notes(c);
	xmlFreeDoc(xd);
	xmlFreeParserCtxt(ctxt);
	int err = c->err;
	kgx_buf buf = c->text.buf;
	free(c);
	if (err) {
		kgx_buf_free(&buf);
		return KGX_ERR_NOMEM;
	}
	return kgx_read_set_text(doc, &buf);
}

const kgx_reader kgx_read_xml = {"xml", KGX_READ_XML, xml_recognise, xml_read};
