/* The read pass: choosing a reader, and the plain-text reader. */
#include "read.h"
#include "meta.h"

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const kgx_reader *const readers[] = {&kgx_read_pdf, &kgx_read_html, &kgx_read_xml,
                                            &kgx_read_text};
#define N_READERS (sizeof readers / sizeof readers[0])

static const char *const format_names[] = {"auto", "text", "pdf", "html", "xml"};

int kgx_read_format_parse(const char *name)
{
	for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
		if (!strcmp(name, format_names[i]))
			return (int)i;
	if (!strcmp(name, "txt"))
		return KGX_READ_TEXT;
	if (!strcmp(name, "xhtml"))
		return KGX_READ_HTML;
	return -1;
}

const char *kgx_read_format_name(kgx_read_format f)
{
	return (unsigned)f < sizeof format_names / sizeof format_names[0] ? format_names[f] : "?";
}

const kgx_reader *const *kgx_read_readers(size_t *n)
{
	*n = N_READERS;
	return readers;
}

const kgx_reader *kgx_read_reader(kgx_read_format f)
{
	for (size_t i = 0; i < N_READERS; i++)
		if (readers[i]->format == f)
			return readers[i];
	return NULL;
}

kgx_read_format kgx_read_detect(const char *raw, size_t len)
{
	int best = 0;
	kgx_read_format f = KGX_READ_TEXT;
	for (size_t i = 0; i < N_READERS; i++) {
		int score = readers[i]->recognise(raw, len);
		if (score > best) {
			best = score;
			f = readers[i]->format;
		}
	}
	return f;
}

static int has(const char *raw, size_t len, size_t at, const char *magic, size_t n)
{
	return len >= at + n && !memcmp(raw + at, magic, n);
}

static int contains(const char *raw, size_t len, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i + n <= len; i++)
		if (raw[i] == s[0] && !memcmp(raw + i, s, n))
			return 1;
	return 0;
}

/* What people might hand kgx that it cannot read: named for the message. */
const char *kgx_read_unsupported(const char *raw, size_t len)
{
#define HAS(at, m) has(raw, len, at, m, sizeof(m) - 1)
	if (HAS(0, "\x89PNG\r\n\x1a\n"))
		return "PNG image";
	if (HAS(0, "\xFF\xD8\xFF"))
		return "JPEG image";
	if (HAS(0, "GIF87a") || HAS(0, "GIF89a"))
		return "GIF image";
	if (HAS(0, "II*\0") || HAS(0, "MM\0*"))
		return "TIFF image";
	if (HAS(0, "RIFF") && HAS(8, "WEBP"))
		return "WebP image";
	if (HAS(0, "BM") && len > 26 && !raw[6] && !raw[7] && !raw[8] && !raw[9])
		return "BMP image";
	if (HAS(0, "PK\x03\x04")) {
		size_t head = len < 4096 ? len : 4096;
		if (contains(raw, head, "[Content_Types].xml") || contains(raw, head, "word/") ||
		    contains(raw, head, "xl/") || contains(raw, head, "ppt/"))
			return "Office Open XML document (.docx, .xlsx, .pptx)";
		if (contains(raw, head, "application/vnd.oasis.opendocument"))
			return "OpenDocument file (.odt, .ods)";
		if (contains(raw, head, "application/epub+zip"))
			return "EPUB e-book";
		return "ZIP archive";
	}
	if (HAS(0, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
		return "Microsoft Office 97-2003 document (.doc, .xls, .ppt) or Outlook message";
	if (HAS(0, "{\\rtf"))
		return "RTF document";
	if (HAS(0, "\x1F\x8B"))
		return "gzip archive";
	if (HAS(0, "BZh") && len > 3 && raw[3] >= '1' && raw[3] <= '9')
		return "bzip2 archive";
	if (HAS(0, "\xFD" "7zXZ\0"))
		return "xz archive";
	if (HAS(0, "(\xB5/\xFD"))
		return "zstd archive";
	if (HAS(0, "7z\xBC\xAF\x27\x1C"))
		return "7-Zip archive";
	if (HAS(0, "Rar!\x1A\x07"))
		return "RAR archive";
	if (HAS(257, "ustar"))
		return "tar archive";
	if (HAS(0, "\x7F" "ELF"))
		return "ELF executable";
	if (HAS(0, "MZ") && len > 64 && memchr(raw, '\0', 64))
		return "Windows executable";
	if (HAS(0, "SQLite format 3"))
		return "SQLite database";
	if (HAS(4, "ftyp"))
		return "MP4/QuickTime video or audio";
	if (HAS(0, "ID3") || HAS(0, "OggS") || HAS(0, "fLaC"))
		return "audio file";
	return NULL;
#undef HAS
}

kgx_status kgx_read_run(kgx_doc *doc, const kgx_rules *rules)
{
	(void)rules;
	kgx_loc loc = {doc->path, 0, 0};
	const char *what = kgx_read_unsupported(doc->raw, doc->raw_len);
	if (what && doc->format == KGX_READ_AUTO) {
		kgx_diag(&loc, "skipped: %s; kgx reads plain text, PDF, HTML and XML", what);
		return KGX_ERR_INPUT;
	}
	kgx_read_format f = doc->format ? doc->format : kgx_read_detect(doc->raw, doc->raw_len);
	const kgx_reader *r = kgx_read_reader(f);
	if (!r)
		return KGX_ERR_USAGE;
	return r->read(doc);
}

/* ------------------------------------------------------------ metadata */

kgx_status kgx_read_meta(kgx_doc *doc, const char *name, const char *value)
{
	/* Dublin Core in HTML heads is written DC.x, DCTERMS.x and dcterms:x */
	static const struct {
		const char *name;
		size_t field;
		int overrides;  /* a better source than the field's others */
	} map[] = {
		{"DC.identifier", offsetof(kgx_doc, ident), 0},
		{"DCTERMS.identifier", offsetof(kgx_doc, ident), 0},
		{"DCTERMS.issued", offsetof(kgx_doc, date), 1},
		{"OVERHEIDop.datumBrief", offsetof(kgx_doc, date), 1},
		{"DC.date", offsetof(kgx_doc, date), 0},
		{"DCTERMS.date", offsetof(kgx_doc, date), 0},
		{"DCTERMS.available", offsetof(kgx_doc, date), 0},
		{"OVERHEIDop.dossiernummer", offsetof(kgx_doc, dossier), 0},
		{"OVERHEIDop.ondernummer", offsetof(kgx_doc, kamerstuk), 0},
		{"OVERHEIDop.documenttitel", offsetof(kgx_doc, title), 1},
		{"DC.title", offsetof(kgx_doc, title), 0},
		{"DCTERMS.title", offsetof(kgx_doc, title), 0},
		{"DC.creator", offsetof(kgx_doc, creator), 0},
		{"DCTERMS.creator", offsetof(kgx_doc, creator), 0},
		{"OVERHEIDop.kenmerk", offsetof(kgx_doc, kenmerk), 0},
	};
	char key[64];
	size_t n = strlen(name);
	if (n >= sizeof key)
		return KGX_OK;
	memcpy(key, name, n + 1);
	if (!strncasecmp(key, "dcterms:", 8)) {  /* RDFa-style names */
		char tmp[64];
		snprintf(tmp, sizeof tmp, "DCTERMS.%s", key + 8);
		memcpy(key, tmp, sizeof key);
	} else if (!strncasecmp(key, "dc:", 3)) {
		char tmp[64];
		snprintf(tmp, sizeof tmp, "DC.%s", key + 3);
		memcpy(key, tmp, sizeof key);
	}
	while (*value && isspace((unsigned char)*value))
		value++;
	size_t vn = strlen(value);
	while (vn && isspace((unsigned char)value[vn - 1]))
		vn--;
	if (!vn)
		return KGX_OK;
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		if (strcasecmp(key, map[i].name))
			continue;
		const char **field = (const char **)((char *)doc + map[i].field);
		/* the publication platform's creator is the chamber that
		 * published the letter, not the ministry that sent it */
		if (map[i].field == offsetof(kgx_doc, creator) && strncasecmp(value, "Ministerie", 10))
			return KGX_OK;
		if (*field && !map[i].overrides)
			return KGX_OK;
		/* a date that is none must not hide the dateline from the rules */
		char iso[11];
		if (map[i].field == offsetof(kgx_doc, date) && !kgx_meta_date(value, iso))
			return KGX_OK;
		const char *copy = kgx_arena_strndup(&doc->arena, value, vn);
		if (!copy)
			return KGX_ERR_NOMEM;
		*field = copy;
		return KGX_OK;
	}
	return KGX_OK;
}

/* ------------------------------------------------------------ markup text */

/* The line breaks due before the next character, or the space. */
static int flush(kgx_read_text_buf *t)
{
	int err = 0;
	if (t->pending && t->buf.len) {
		int have = 0;
		while ((size_t)have < t->buf.len && have < 2 && t->buf.s[t->buf.len - 1 - have] == '\n')
			have++;
		for (int k = have; k < t->pending; k++)
			err |= kgx_buf_addc(&t->buf, '\n');
	} else if (t->space && t->buf.len) {
		err |= kgx_buf_addc(&t->buf, ' ');
	}
	t->pending = 0;
	t->space = 0;
	return err;
}

int kgx_read_add_text(kgx_read_text_buf *t, const char *s, size_t n, int pre)
{
	int err = 0;
	for (size_t i = 0; i < n && !err; i++) {
		unsigned char c = (unsigned char)s[i];
		if (pre) {
			if (c == '\r')
				continue;
			err |= flush(t);
			err |= kgx_buf_addc(&t->buf, (char)c);
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			t->space = t->buf.len > 0;
			continue;
		}
		err |= flush(t);
		err |= kgx_buf_addc(&t->buf, (char)c);
	}
	return err;
}

void kgx_read_add_break(kgx_read_text_buf *t, int lines)
{
	if (lines > t->pending)
		t->pending = lines;
	t->space = 0;
}

void kgx_read_add_newline(kgx_read_text_buf *t)
{
	if (t->pending < 2)
		t->pending++;
	t->space = 0;
}

kgx_status kgx_read_set_text(kgx_doc *doc, kgx_buf *buf)
{
	char *text = kgx_arena_strndup(&doc->arena, buf->s ? buf->s : "", buf->len);
	size_t len = buf->len;
	kgx_buf_free(buf);
	if (!text)
		return KGX_ERR_NOMEM;
	doc->raw = text;
	doc->raw_len = len;
	return KGX_OK;
}

/* ------------------------------------------------------------ plain text */

static int text_recognise(const char *raw, size_t len)
{
	(void)raw;
	(void)len;
	return 1;
}

static kgx_status text_read(kgx_doc *doc)
{
	(void)doc;
	return KGX_OK;
}

const kgx_reader kgx_read_text = {"text", KGX_READ_TEXT, text_recognise, text_read};

size_t kgx_read_skip_prolog(const char *raw, size_t len, int comments)
{
	size_t i = 0;
	if (len >= 3 && !memcmp(raw, "\xEF\xBB\xBF", 3))
		i = 3;
	for (;;) {
		while (i < len && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\n' || raw[i] == '\r'))
			i++;
		if (comments && i + 4 <= len && !memcmp(raw + i, "<!--", 4)) {
			size_t j = i + 4;
			while (j + 3 <= len && memcmp(raw + j, "-->", 3))
				j++;
			if (j + 3 > len)
				return len;
			i = j + 3;
			continue;
		}
		return i;
	}
}

int kgx_read_name_in(const char *name, const char *const *names, int fold_case)
{
	for (; *names; names++)
		if (fold_case ? !strcasecmp(name, *names) : !strcmp(name, *names))
			return 1;
	return 0;
}
