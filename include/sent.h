/* kgx_sent: Dutch sentence splitter over normalised text. */
#ifndef KGX_SENT_H
#define KGX_SENT_H

#include "doc.h"

/* A set of abbreviations that do not end a sentence ("nr.", "o.a."). */
typedef struct kgx_abbrevs kgx_abbrevs;

/* Split doc->text into doc->sentences. A period ends a sentence unless it
 * follows an abbreviation in `ab` (may be NULL), an initial (one capital
 * letter) or a number that the next word continues; a paragraph break and a
 * line that ends without punctuation also end one, except after a comma. */
kgx_status kgx_sent_split(kgx_doc *doc, const kgx_abbrevs *ab);

/* Abbreviations, lower-case, with their final period ("bijv."). */
kgx_abbrevs *kgx_abbrevs_new(void);
kgx_status kgx_abbrevs_add(kgx_abbrevs *ab, const char *word, size_t len);
void kgx_abbrevs_free(kgx_abbrevs *ab);

#endif
