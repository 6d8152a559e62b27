/* The PDF reader, through poppler-glib: the text layer page by page in
 * reading order, pages separated by a form feed (the normaliser's page
 * break). Line breaks and hyphenation stay as poppler gives them, for the
 * normaliser undoes them as it does in text that pdftotext wrote. */
#include "read.h"

#include <poppler.h>
#include <pthread.h>
#include <string.h>

/* poppler keeps global state (its GlobalParams, made by the first document
 * opened, and font caches) that is not safe to set up from two threads at
 * once: one PDF at a time. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

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

static kgx_status pdf_text(kgx_doc *doc, PopplerDocument *pd, kgx_buf *out, int *pages)
{
	int n = poppler_document_get_n_pages(pd);
	*pages = n;
	for (int i = 0; i < n; i++) {
		PopplerPage *page = poppler_document_get_page(pd, i);
		if (!page)
			continue;
		char *t = poppler_page_get_text(page);
		int err = 0;
		if (i > 0)
			err |= kgx_buf_addc(out, '\f');
		if (t)
			err |= kgx_buf_add(out, t, strlen(t));
		g_free(t);
		g_object_unref(page);
		if (err)
			return KGX_ERR_NOMEM;
	}
	(void)doc;
	return KGX_OK;
}

static kgx_status pdf_meta(kgx_doc *doc, PopplerDocument *pd)
{
	kgx_status st = KGX_OK;
	char *title = poppler_document_get_title(pd);
	if (title && *title)
		st = kgx_read_meta(doc, "DC.title", title);
	g_free(title);
	return st;
}

static kgx_status pdf_read(kgx_doc *doc)
{
	kgx_loc loc = {doc->path, 0, 0};
	kgx_buf out = {0};
	GError *err = NULL;
	int pages = 0;
	kgx_status st = KGX_OK;

	pthread_mutex_lock(&lock);
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
		st = pdf_text(doc, pd, &out, &pages);
		if (st == KGX_OK)
			st = pdf_meta(doc, pd);
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
