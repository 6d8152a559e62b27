/* The HTML reader, through libxml2's HTML parser (HTML and XHTML): the
 * text of the body as a browser lays it out, block elements on lines of
 * their own, entities decoded; scripts, styles, forms, navigation, page
 * headers and footers dropped. The head's Dublin Core meta elements (DC.*,
 * DCTERMS.*, OVERHEIDop.*, as the publication platform writes them) are
 * read as the letter's metadata. */
#include "read.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

/* libxml2 sets up its globals on first use, which two threads must not do
 * at once. */
static void init(void)
{
	xmlInitParser();
}

void kgx_read_xml_init(void)
{
	pthread_once(&init_once, init);
}

static int starts_ci(const char *raw, size_t len, size_t at, const char *s)
{
	size_t n = strlen(s);
	return at + n <= len && !strncasecmp(raw + at, s, n);
}

/* Whether the markup that starts at raw is an HTML page: a doctype html or
 * an <html>, <head> or <body> element, after an XML declaration or not. */
static int is_html(const char *raw, size_t len)
{
	size_t i = kgx_read_skip_prolog(raw, len, 1);
	if (starts_ci(raw, len, i, "<?xml")) {
		const char *end = memchr(raw + i, '>', len - i);
		if (!end)
			return 0;
		size_t j = (size_t)(end - raw) + 1;
		i = j + kgx_read_skip_prolog(raw + j, len - j, 1);
	}
	return starts_ci(raw, len, i, "<!doctype html") || starts_ci(raw, len, i, "<html") ||
	       starts_ci(raw, len, i, "<head") || starts_ci(raw, len, i, "<body");
}

static int html_recognise(const char *raw, size_t len)
{
	return is_html(raw, len) ? 9 : 0;
}

/* ------------------------------------------------------------ walk */

static int is(const xmlNode *n, const char *name)
{
	return !strcasecmp((const char *)n->name, name);
}

/* HTML's element names are case-insensitive */
static int any(const xmlNode *n, const char *const *names)
{
	return kgx_read_name_in((const char *)n->name, names, 1);
}

static const char *const dropped[] = {
	"script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form",
	"button", "select", "option", "textarea", "svg", "math", "iframe", "object", "embed",
	"canvas", "audio", "video", "map", "head", "title", "dialog", NULL};

static const char *const paragraphs[] = {
	"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "pre",
	"section", "article", "main", "address", "figure", "hr", "fieldset", "details", NULL};

static const char *const lines[] = {
	"div", "li", "dt", "dd", "tr", "caption", "figcaption", "summary", "thead", "tbody",
	"tfoot", "center", "legend", "td", "th", NULL};

/* Navigation and page furniture marked by role or hidden, as sites do
 * when they build them from <div>s. */
static int furniture(const xmlNode *n)
{
	xmlChar *role = xmlGetProp(n, (const xmlChar *)"role");
	int drop = role && (!strcasecmp((char *)role, "navigation") || !strcasecmp((char *)role, "banner") ||
	                    !strcasecmp((char *)role, "contentinfo") || !strcasecmp((char *)role, "search") ||
	                    !strcasecmp((char *)role, "menu") || !strcasecmp((char *)role, "menubar"));
	xmlFree(role);
	if (!drop && xmlHasProp(n, (const xmlChar *)"hidden"))
		drop = 1;
	if (!drop) {
		xmlChar *aria = xmlGetProp(n, (const xmlChar *)"aria-hidden");
		drop = aria && !strcasecmp((char *)aria, "true");
		xmlFree(aria);
	}
	return drop;
}

typedef struct {
	kgx_doc *doc;
	kgx_read_text_buf text;
	int err;
	unsigned depth;
} walk_ctx;

static void walk(walk_ctx *c, const xmlNode *n, int pre)
{
	/* libxml2 limits the depth of the tree it builds (256 by default) */
	if (++c->depth > 1024) {
		c->depth--;
		return;
	}
	for (; n && !c->err; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				c->err |= kgx_read_add_text(&c->text, (const char *)n->content,
				                            strlen((const char *)n->content), pre);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || !n->name)
			continue;
		if (any(n, dropped) || furniture(n))
			continue;
		if (is(n, "br")) {
			kgx_read_add_newline(&c->text);
			continue;
		}
		int block = any(n, paragraphs) ? 2 : any(n, lines) ? 1 : 0;
		if (block)
			kgx_read_add_break(&c->text, block);
		walk(c, n->children, pre || is(n, "pre"));
		if (block)
			kgx_read_add_break(&c->text, block);
	}
	c->depth--;
}

/* <meta name="DCTERMS.issued" content="2018-03-23"> in the head, and
 * RDFa-style property="dcterms:issued". */
static void head_meta(walk_ctx *c, const xmlNode *n, unsigned depth)
{
	for (; n && !c->err && depth < 64; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is(n, "meta")) {
			xmlChar *name = xmlGetProp(n, (const xmlChar *)"name");
			if (!name)
				name = xmlGetProp(n, (const xmlChar *)"property");
			xmlChar *content = xmlGetProp(n, (const xmlChar *)"content");
			if (name && content && kgx_read_meta(c->doc, (char *)name, (char *)content))
				c->err = 1;
			xmlFree(name);
			xmlFree(content);
		} else if (is(n, "head") || is(n, "html")) {
			head_meta(c, n->children, depth + 1);
		}
	}
}

static const xmlNode *find(const xmlNode *n, const char *name, unsigned depth)
{
	for (; n && depth < 64; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is(n, name))
			return n;
		const xmlNode *f = find(n->children, name, depth + 1);
		if (f)
			return f;
	}
	return NULL;
}

static int role_main(const xmlNode *n)
{
	xmlChar *role = xmlGetProp(n, (const xmlChar *)"role");
	int yes = role && !strcasecmp((char *)role, "main");
	xmlFree(role);
	return yes;
}

/* The first <main> or role="main" that is not inside dropped furniture. */
static const xmlNode *find_main(const xmlNode *n, unsigned depth)
{
	for (; n && depth < 256; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || any(n, dropped))
			continue;
		if (is(n, "main") || role_main(n))
			return n;
		const xmlNode *f = find_main(n->children, depth + 1);
		if (f)
			return f;
	}
	return NULL;
}

/* The first two <article>s outside dropped furniture, not nested. */
static void count_articles(const xmlNode *n, const xmlNode *found[2], unsigned depth)
{
	for (; n && depth < 256 && !found[1]; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || any(n, dropped))
			continue;
		if (is(n, "article")) {
			found[found[0] ? 1 : 0] = n;
			continue;
		}
		count_articles(n->children, found, depth + 1);
	}
}

/* Without a declared encoding libxml2 takes HTML for ISO-8859-1 and turns
 * every accented letter of a UTF-8 page into two: say UTF-8 when the bytes
 * are UTF-8 and the page declares nothing. */
static const char *encoding(const char *raw, size_t len)
{
	size_t head = len < 4096 ? len : 4096;
	for (size_t i = 0; i + 8 <= head; i++)
		if (!strncasecmp(raw + i, "charset=", 8) || !strncasecmp(raw + i, "encoding=", 9))
			return NULL;
	const unsigned char *u = (const unsigned char *)raw;
	for (size_t i = 0; i < len; i++) {
		if (u[i] < 0x80)
			continue;
		size_t n = u[i] >= 0xF0 ? 3 : u[i] >= 0xE0 ? 2 : u[i] >= 0xC2 ? 1 : 9;
		if (n == 9 || u[i] > 0xF4 || i + n >= len)
			return "windows-1252";
		for (size_t k = 1; k <= n; k++)
			if ((u[i + k] & 0xC0) != 0x80)
				return "windows-1252";
		i += n;
	}
	return "UTF-8";
}

static kgx_status html_read(kgx_doc *doc)
{
	kgx_read_xml_init();
	kgx_loc loc = {doc->path, 0, 0};
	if (doc->raw_len > INT32_MAX) {
		kgx_diag(&loc, "skipped: HTML larger than 2 GB");
		return KGX_ERR_INPUT;
	}
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	if (!ctxt)
		return KGX_ERR_NOMEM;
	int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
	           HTML_PARSE_NOIMPLIED | HTML_PARSE_COMPACT;
	htmlDocPtr hd = htmlCtxtReadMemory(ctxt, doc->raw, (int)doc->raw_len, NULL,
	                                   encoding(doc->raw, doc->raw_len), opts);
	if (!hd) {
		kgx_diag(&loc, "skipped: HTML that libxml2 cannot parse");
		htmlFreeParserCtxt(ctxt);
		return KGX_ERR_INPUT;
	}
	walk_ctx c = {doc, {{0}, 0, 0}, 0, 0};
	const xmlNode *root = xmlDocGetRootElement(hd);
	head_meta(&c, root, 0);
	const xmlNode *body = root ? find(root, "body", 0) : NULL;
	/* The page's main content where it says which that is (<main>,
	 * role="main", or its one <article>): the rest of a site's page is
	 * menus and links that are not always in <nav>. A fragment without
	 * <body> is all body. */
	const xmlNode *top = body ? body->children : root;
	const xmlNode *main = find_main(top, 0);
	if (!main) {
		const xmlNode *articles[2] = {0};
		count_articles(top, articles, 0);
		if (articles[0] && !articles[1])
			main = articles[0];
	}
	if (main)
		walk(&c, main->children, 0);
	else if (top)
		walk(&c, top, 0);
	xmlFreeDoc(hd);
	htmlFreeParserCtxt(ctxt);
	if (c.err) {
		kgx_buf_free(&c.text.buf);
		return KGX_ERR_NOMEM;
	}
	return kgx_read_set_text(doc, &c.text.buf);
}

const kgx_reader kgx_read_html = {"html", KGX_READ_HTML, html_recognise, html_read};
