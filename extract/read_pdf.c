/* The PDF reader, through poppler-glib: the text layer page by page in
 * reading order, pages separated by a form feed (the normaliser's page
 * break). Line breaks and hyphenation stay as poppler gives them, for the
 * normaliser undoes them as it does in text that pdftotext wrote. */
#include "read.h"

#include <dlfcn.h>
#include <poppler.h>
#include <pthread.h>
#include <string.h>

/* poppler keeps global state (its GlobalParams, made by the first document
 * opened, and font caches) that is not safe to set up from two threads at
 * once: one PDF at a time. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

#ifdef KGX_POPPLER_SONAME
/* poppler-glib is opened at the first PDF, not linked: with what it brings
 * (glib, cairo, NSS, image libraries: some 40 libraries) it cost 20 ms at
 * every start, 1.5% of a run over 8 MB of letters that holds no PDF. The
 * functions below are looked up in it (glib's among its dependencies). */
static struct {
	int tried, ok;
	GBytes *(*g_bytes_new_static)(gconstpointer, gsize);
	void (*g_bytes_unref)(GBytes *);
	void (*g_free)(gpointer);
	void (*g_error_free)(GError *);
	void (*g_object_unref)(gpointer);
	glong (*g_utf8_strlen)(const gchar *, gssize);
	GQuark (*poppler_error_quark)(void);
	PopplerDocument *(*poppler_document_new_from_bytes)(GBytes *, const char *, GError **);
	int (*poppler_document_get_n_pages)(PopplerDocument *);
	PopplerPage *(*poppler_document_get_page)(PopplerDocument *, int);
	char *(*poppler_page_get_text)(PopplerPage *);
	gboolean (*poppler_page_get_text_layout)(PopplerPage *, PopplerRectangle **, guint *);
} lib;

/* Open poppler-glib once; the caller holds the lock. */
static int load_poppler(void)
{
	if (lib.tried)
		return lib.ok;
	lib.tried = 1;
	void *h = dlopen(KGX_POPPLER_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return 0;
	int ok = 1;
#define SYM(name) ok &= (*(void **)&lib.name = dlsym(h, #name)) != NULL
	SYM(g_bytes_new_static);
	SYM(g_bytes_unref);
	SYM(g_free);
	SYM(g_error_free);
	SYM(g_object_unref);
	SYM(g_utf8_strlen);
	SYM(poppler_error_quark);
	SYM(poppler_document_new_from_bytes);
	SYM(poppler_document_get_n_pages);
	SYM(poppler_document_get_page);
	SYM(poppler_page_get_text);
	SYM(poppler_page_get_text_layout);
#undef SYM
	lib.ok = ok;
	return ok;  /* h stays open: poppler's global state lives on in it */
}
#define g_bytes_new_static lib.g_bytes_new_static
#define g_bytes_unref lib.g_bytes_unref
#define g_free lib.g_free
#define g_error_free lib.g_error_free
#define g_object_unref lib.g_object_unref
#define g_utf8_strlen lib.g_utf8_strlen
#define poppler_error_quark lib.poppler_error_quark
#define poppler_document_new_from_bytes lib.poppler_document_new_from_bytes
#define poppler_document_get_n_pages lib.poppler_document_get_n_pages
#define poppler_document_get_page lib.poppler_document_get_page
#define poppler_page_get_text lib.poppler_page_get_text
#define poppler_page_get_text_layout lib.poppler_page_get_text_layout
#define KGX_POPPLER_NAME KGX_POPPLER_SONAME
#else
#define KGX_POPPLER_NAME "linked"
static int load_poppler(void)
{
	return 1;  /* linked */
}
#endif

static int pdf_recognise(const char *raw, size_t len)
{
	/* the header may follow up to 1024 bytes of anything (ISO 32000-1, 7.5.2) */
	size_t n = len < 1024 ? len : 1024;
	for (size_t i = 0; i + 6 <= n; i++)
		if (raw[i] == '%' && (i == 0 || raw[i - 1] == '\n' || raw[i - 1] == '\r') &&
		    !memcmp(raw + i, "%PDF-", 5) && raw[i + 5] >= '1' && raw[i + 5] <= '9')
			return 10;
	return 0;
}

/* Append the page's text, with a blank line where the page leaves one: poppler
 * gives lines but not the vertical space between them, and the normaliser
 * needs blank lines to tell paragraphs (a dateline, a signature block) from
 * the lines of one paragraph. A line whose top lies more than 0.6 of a line
 * height below the previous line's bottom, or above it (a new column or
 * block), follows a blank line. */
static int add_page(kgx_buf *out, const char *t, const PopplerRectangle *r, guint nr)
{
	size_t len = strlen(t);
	long n_cp = g_utf8_strlen(t, (gssize)len);
	int have_rects = r && n_cp >= 0 && (guint)n_cp == nr;
	double prev_top = 0, prev_bottom = 0;
	int have_prev = 0, err = 0;
	size_t cp = 0;
	for (size_t i = 0; i < len && !err;) {
		if (have_rects && (i == 0 || t[i - 1] == '\n')) {
			/* the line's first visible character says where the line is */
			size_t j = i, k = cp;
			while (j < len && (t[j] == ' ' || t[j] == '\t'))
				j++, k++;
			if (j < len && t[j] != '\n') {
				double top = r[k].y1 < r[k].y2 ? r[k].y1 : r[k].y2;
				double bottom = r[k].y1 < r[k].y2 ? r[k].y2 : r[k].y1;
				double h = prev_bottom - prev_top;
				if (have_prev && h > 0 && (top - prev_bottom > 0.6 * h || top < prev_top - 0.5 * h))
					err |= kgx_buf_addc(out, '\n');
				prev_top = top;
				prev_bottom = bottom;
				have_prev = 1;
			}
		}
		size_t n = 1;
		while (i + n < len && ((unsigned char)t[i + n] & 0xC0) == 0x80)
			n++;
		err |= kgx_buf_add(out, t + i, n);
		i += n;
		cp++;
	}
	return err;
}

static kgx_status pdf_text(PopplerDocument *pd, kgx_buf *out, int *pages)
{
	int n = poppler_document_get_n_pages(pd);
	*pages = n;
	for (int i = 0; i < n; i++) {
		PopplerPage *page = poppler_document_get_page(pd, i);
		if (!page)
			continue;
		char *t = poppler_page_get_text(page);
		PopplerRectangle *rects = NULL;
		guint nr = 0;
		if (t && !poppler_page_get_text_layout(page, &rects, &nr))
			rects = NULL;
		int err = 0;
		/* a page break on a line of its own, as pdftotext writes it: the
		 * normaliser joins a sentence that goes on over it */
		if (i > 0 && out->len && out->s[out->len - 1] != '\n')
			err |= kgx_buf_addc(out, '\n');
		if (i > 0)
			err |= kgx_buf_addc(out, '\f');
		if (t)
			err |= add_page(out, t, rects, nr);
		g_free(rects);
		g_free(t);
		g_object_unref(page);
		if (err)
			return KGX_ERR_NOMEM;
	}
	return KGX_OK;
}

static kgx_status pdf_read(kgx_doc *doc)
{
	kgx_loc loc = {doc->path, 0, 0};
	kgx_buf out = {0};
	GError *err = NULL;
	int pages = 0;
	kgx_status st = KGX_OK;

	pthread_mutex_lock(&lock);
	if (!load_poppler()) {
		pthread_mutex_unlock(&lock);
		kgx_diag(&loc, "skipped: PDF, but poppler-glib (%s) cannot be opened", KGX_POPPLER_NAME);
		return KGX_ERR_INPUT;
	}
	GBytes *bytes = g_bytes_new_static(doc->raw, doc->raw_len);
	PopplerDocument *pd = poppler_document_new_from_bytes(bytes, NULL, &err);
	if (!pd) {
		int encrypted = err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED;
		if (encrypted)
			kgx_diag(&loc, "skipped: PDF protected by a password");
		else
			kgx_diag(&loc, "skipped: PDF that poppler cannot read (%s)",
			         err && err->message ? err->message : "damaged or truncated");
		st = KGX_ERR_INPUT;
	} else {
		/* no metadata from the PDF's info dictionary: its title is often
		 * the program that made it ("Microsoft Word - brief.docx") */
		st = pdf_text(pd, &out, &pages);
		g_object_unref(pd);
	}
	if (err)
		g_error_free(err);
	g_bytes_unref(bytes);
	pthread_mutex_unlock(&lock);
	if (st != KGX_OK) {
		kgx_buf_free(&out);
		return st;
	}

	size_t visible = 0;
	for (size_t i = 0; i < out.len; i++)
		if ((unsigned char)out.s[i] > ' ')
			visible++;
	if (!visible) {
		kgx_diag(&loc, "skipped: PDF without a text layer (%d page%s of images: a scan?); "
		         "run OCR first, e.g. ocrmypdf", pages, pages == 1 ? "" : "s");
		kgx_buf_free(&out);
		return KGX_ERR_INPUT;
	}
	return kgx_read_set_text(doc, &out);
}

const kgx_reader kgx_read_pdf = {"pdf", KGX_READ_PDF, pdf_recognise, pdf_read};
