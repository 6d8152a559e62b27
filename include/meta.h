/* kgx_meta: the letter's metadata in typed and canonical form (dates as
 * xsd:date, the official Kamerstuk id, the sending ministry as an entity),
 * worked out after the entity pass from what the reader and the meta rules
 * found (kgx_doc's date, dossier, kamerstuk, ident, creator). */
#ifndef KGX_META_H
#define KGX_META_H

#include "rules.h"

/* A date as written ("23 maart 2018", "3 March 2018", "2018-03-23",
 * "2018-03-23T10:00", "23-03-2018") as YYYY-MM-DD in out. 0 if s is not a
 * valid calendar date. */
int kgx_meta_date(const char *s, char out[11]);

/* The canonical id of Kamerstuk nr in dossier: digits without spaces, a
 * sub-dossier joined by '-', lower case: ("33 000 V", "18") gives
 * "kst-33000-v-18", ("21 501-02", "2822") "kst-21501-02-2822". Written into
 * out (cap bytes); 0 if either part is not a Kamerstuk number or it does not
 * fit. */
int kgx_meta_kst(const char *dossier, const char *nr, char *out, size_t cap);

/* An official id as given ("KST-29521-352", "kst-29521-352") in canonical
 * form; 0 unless it is a Kamerstuk id. */
int kgx_meta_kst_id(const char *ident, char *out, size_t cap);

/* The metadata pass: fills doc->issued, doc->kst and doc->creators. */
kgx_status kgx_meta_run(kgx_doc *doc, const kgx_rules *rules);

/* The meta-rule field called name ("date", "kamerstuk", "dossier", "ident",
 * "kenmerk", "title", "creator", "mentioned"), or NULL if none is. */
const char **kgx_meta_field(kgx_doc *doc, const char *name);

#endif
