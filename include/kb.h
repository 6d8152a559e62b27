/* kgx_kb: the knowledge base, loaded from rules/kb/ (*.kb files). */
#ifndef KGX_KB_H
#define KGX_KB_H

#include "doc.h"
#include "lex.h"

typedef struct kgx_kb kgx_kb;

kgx_kb *kgx_kb_new(void);
void kgx_kb_free(kgx_kb *kb);

/* Load one knowledge file. Syntax errors are reported as file:line:col and
 * returned as KGX_ERR_SYNTAX; a duplicate id or unknown class as KGX_ERR_RULE. */
kgx_status kgx_kb_load_file(kgx_kb *kb, const char *path);
/* Load knowledge from a buffer (tests); `name` is used in messages. */
kgx_status kgx_kb_load_text(kgx_kb *kb, const char *name, const char *text, size_t len);

/* Resolve located-in and part-of references once all files are loaded.
 * With `strict`, an unknown id is reported and KGX_ERR_RULE returned;
 * otherwise it is dropped quietly. */
kgx_status kgx_kb_link(kgx_kb *kb, int strict);

/* The entry with this id, or NULL. */
const kgx_entry *kgx_kb_get(const kgx_kb *kb, const char *id);
const kgx_lex *kgx_kb_lex(const kgx_kb *kb);
size_t kgx_kb_count(const kgx_kb *kb, size_t per_class[KGX_NCLASSES], size_t *aliases);
/* Entry i, for listing. */
const kgx_entry *kgx_kb_entry(const kgx_kb *kb, size_t i);

/* The kinds of external identifier a knowledge file may give. */
typedef enum { KGX_ID_WIKIDATA, KGX_ID_TOOI, KGX_ID_ISO3166, KGX_ID_CRS } kgx_id_kind;

/* NULL if v is a well-formed identifier of this kind, else what it should
 * look like (for a message). */
const char *kgx_kb_identifier_check(kgx_id_kind kind, const char *v);

/* A date as letters, web pages and knowledge files write it, "3 april
 * 2024", "03-04-2024" (day first) or "2024-04-03", as yyyymmdd in *ymd.
 * 0, or -1 if it is no valid date. */
int kgx_kb_date_parse(const char *s, size_t len, int32_t *ymd);

/* The minister who held `body` on day ymd by the dated minister-of lines,
 * or NULL when none or more than one did. */
const kgx_entry *kgx_kb_office_holder(const kgx_kb *kb, const kgx_entry *body, int32_t ymd);

/* Whether office o was held on day ymd by its dates (an undated line was
 * held on no day). */
int kgx_kb_office_held(const kgx_office *o, int32_t ymd);

#endif
