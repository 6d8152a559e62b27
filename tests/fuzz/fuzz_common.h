/* Shared by the libFuzzer targets in tests/fuzz (header only). */
#ifndef KGX_FUZZ_COMMON_H
#define KGX_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

/* kgx reports every problem in an input on stderr; a fuzzer feeds it
 * millions of broken inputs. Quiet unless KGX_FUZZ_VERBOSE is set. */
static inline void fuzz_quiet(void)
{
	const char *v = getenv("KGX_FUZZ_VERBOSE");
	if (!v || !*v)
		kgx_diag_quiet(2);
}

/* Stop with a message: the fuzzer reports it as a crash, with the input. */
#define FUZZ_CHECK(cond, ...)                                              \
	do {                                                                   \
		if (!(cond)) {                                                     \
			fprintf(stderr, "fuzz check failed: %s: ", #cond);             \
			fprintf(stderr, __VA_ARGS__);                                  \
			fputc('\n', stderr);                                           \
			abort();                                                       \
		}                                                                  \
	} while (0)

#endif
