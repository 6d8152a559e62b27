/* kgx_rel: the relation pass: frames (frame.h) and pattern rules over
 * sentences whose mentions are masked as class tokens, plus facts the
 * knowledge base states. */
#ifndef KGX_REL_H
#define KGX_REL_H

#include "rules.h"

/* Append to doc->relations. Requires the entity pass. */
kgx_status kgx_rel_run(kgx_doc *doc, const kgx_rules *rules);

/* Parse a Dutch amount ("5,5 miljoen euro", "EUR 500 miljoen") at the first
 * match of the rules' amount pattern in s[0..len): the value in units as a
 * decimal string in out (size >= 32) and the currency. Returns 1 if found. */
int kgx_rel_amount(const kgx_rules *rules, const char *s, size_t len, char *out,
                   const char **currency);

/* The first amount at or after `start`: as kgx_rel_amount, and its span
 * [*begin, *end) in s. md is the caller's match data (16 pairs or more). */
int kgx_rel_amount_next(const kgx_rules *rules, const char *s, size_t len, size_t start,
                        pcre2_match_data *md, char *out, const char **currency, size_t *begin, size_t *end);

/* The value of the number num_s[0..num_len) (digits grouped the Dutch or
 * the English way, or a number word) times the multiplier word mult_s, or
 * the figure mult_s (a table's unit "x 1.000") (NULL: none), as kgx writes amounts ("5500000.0"), in out (size >= 32). Returns
 * 0 when there is no value, or none below 10^15. */
int kgx_rel_amount_value(const kgx_rules *rules, const char *num_s, size_t num_len, const char *mult_s,
                         size_t mult_len, char *out);

/* The month w[0..n) names in Dutch, ignoring ASCII case: 1 to 12, or 0. */
int kgx_rel_month(const char *w, size_t n);

/* Years in s[0..len): a single year, or a period (start, end). */
void kgx_rel_years(const char *s, size_t len, int *year, int *start, int *end);

#endif
