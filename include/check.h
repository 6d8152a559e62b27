/* kgx_check: the rule set as the command line loads it (the built-in rule
 * directory, then --rules directories), --check-rules and --list-rules. */
#ifndef KGX_CHECK_H
#define KGX_CHECK_H

#include "rules.h"

#include <stdio.h>

/* The built-in rule directory: $KGX_RULES, else ../share/kgx/rules next to
 * the executable, else the source tree's rules/. buf holds size bytes. */
const char *kgx_check_default_dir(char *buf, size_t size);
/* Load the built-in directory (unless !with_default) and then dirs[0..n),
 * and compile (strictly for --check-rules). A rule set with neither a rule
 * nor a knowledge-base entry is refused with a message. NULL on failure,
 * with *st set and the error reported. */
kgx_rules *kgx_check_load(int with_default, const char *const *dirs, size_t n, int strict, kgx_status *st);
/* Run every rule's examples through the whole pipeline; report each that
 * does not do what it says and a summary on standard error. Returns the
 * number that failed, -1 when a document could not be run. */
int kgx_check_examples(kgx_rules *r);
/* Every rule and the knowledge base's size per class, on f. */
void kgx_check_list(kgx_rules *r, FILE *f);

#endif
