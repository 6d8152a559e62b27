/* kgx_read: the first pass, which turns a file as people have it (plain
 * text, PDF, HTML, the official publication XML) into the text the other
 * passes read, and takes the file's own metadata along. One reader per
 * format, each in its own file (extract/read_*.c) behind kgx_reader, the
 * way raptor2 plugs in its parsers: a reader says how sure it is that some
 * bytes are its format, and reads them. */
#ifndef KGX_READ_H
#define KGX_READ_H

#include "rules.h"

typedef struct {
	const char *name;        /* "pdf": what --input-format and messages say */
	kgx_read_format format;
	/* How sure the reader is that raw is its format: 0 not at all, 10 by
	 * magic bytes. Looks at the first bytes only. */
	int (*recognise)(const char *raw, size_t len);
	/* Replace doc->raw with the document's text (UTF-8, allocated in the
	 * document's arena) and set the metadata the file carries. Reports
	 * with the document's path; KGX_ERR_INPUT: the file was rejected. */
	kgx_status (*read)(kgx_doc *doc);
} kgx_reader;

/* The format named `name` ("auto", "text", "pdf", "html", "xml"; also
 * "txt", "xhtml"); -1 if unknown. For --input-format. */
int kgx_read_format_parse(const char *name);
/* The name of a format ("pdf"). */
const char *kgx_read_format_name(kgx_read_format f);

/* Every reader, text last. */
const kgx_reader *const *kgx_read_readers(size_t *n);
const kgx_reader *kgx_read_reader(kgx_read_format f);

/* The format of raw by its content; KGX_READ_TEXT when no reader is sure. */
kgx_read_format kgx_read_detect(const char *raw, size_t len);

/* A name for a format kgx does not read ("PNG image", "ZIP archive"), found
 * by its magic bytes, or NULL. */
const char *kgx_read_unsupported(const char *raw, size_t len);

/* The read pass: doc->format, or the detected format, chosen reader. A
 * format kgx does not read is skipped with a message naming it
 * (KGX_ERR_INPUT). Safe to call from several threads. */
kgx_status kgx_read_run(kgx_doc *doc, const kgx_rules *rules);

/* Set metadata field `name` (a Dublin Core or OVERHEIDop meta element's
 * name: "DC.identifier", "DCTERMS.issued", "OVERHEIDop.dossiernummer", …)
 * to `value`, copied, unless already set; names kgx has no use for are
 * ignored. For the HTML and XML readers. */
kgx_status kgx_read_meta(kgx_doc *doc, const char *name, const char *value);

/* Text a markup reader builds: white space collapsed as HTML renders it,
 * block boundaries as line breaks. Zero-initialise. */
typedef struct {
	kgx_buf buf;
	int space;    /* a space is due before the next word */
	int pending;  /* line breaks due before the next word (at most 2) */
} kgx_read_text_buf;

/* Add character data; `pre`: keep its white space as it is. 0 on success. */
int kgx_read_add_text(kgx_read_text_buf *t, const char *s, size_t n, int pre);
/* End a line (1) or a paragraph (2) before the next text. */
void kgx_read_add_break(kgx_read_text_buf *t, int lines);
/* A line break of its own (<br>): two in a row leave a blank line. */
void kgx_read_add_newline(kgx_read_text_buf *t);

/* The offset past a byte order mark and white space (with `comments`, also
 * XML comments) at the start of markup, for the readers' recognisers. */
size_t kgx_read_skip_prolog(const char *raw, size_t len, int comments);
/* Whether an element's name is one of `names` (NULL-terminated); with
 * `fold_case` in any case, as HTML's names are and XML's are not. */
int kgx_read_name_in(const char *name, const char *const *names, int fold_case);

/* libxml2's one-time set-up, done once whichever thread comes first. */
void kgx_read_xml_init(void);

/* Make buf (freed) the document's text. */
kgx_status kgx_read_set_text(kgx_doc *doc, kgx_buf *buf);

/* The readers, for kgx_read_readers and the tests. */
extern const kgx_reader kgx_read_text, kgx_read_pdf, kgx_read_html, kgx_read_xml;

#endif
