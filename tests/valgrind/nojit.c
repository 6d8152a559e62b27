/* LD_PRELOAD shim for running kgx under valgrind: PCRE2's JIT compiler is
 * made to fail, so patterns run in PCRE2's interpreter. Code made by the
 * JIT has no symbols, and memcheck reports its reads of uninitialised
 * stack as hundreds of "Conditional jump … at ???" false positives that no
 * suppression can tell from kgx's own. kgx ignores the result of
 * pcre2_jit_compile and matches with the interpreter when there is no JIT
 * code, as it does where PCRE2 is built without JIT. */
#include <stdint.h>

#define PCRE2_ERROR_JIT_BADOPTION (-45)

int pcre2_jit_compile_8(void *code, uint32_t options);

int pcre2_jit_compile_8(void *code, uint32_t options)
{
	(void)code;
	(void)options;
	return PCRE2_ERROR_JIT_BADOPTION;
}
