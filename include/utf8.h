/* kgx_utf8: validation and repair of untrusted input bytes. */
#ifndef KGX_UTF8_H
#define KGX_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length of the valid UTF-8 prefix of s[0..len): len when all is valid.
 * Rejects overlong forms, surrogates and code points above U+10FFFF. */
size_t kgx_utf8_valid_prefix(const char *s, size_t len);

/* Copy s into out (capacity at least 3 * len + 1), replacing every invalid
 * sequence by U+FFFD. Returns the output length; *first_bad is the offset of
 * the first invalid byte or (size_t)-1, *n_bad the number of replacements. */
size_t kgx_utf8_repair(const char *s, size_t len, char *out,
                       size_t *first_bad, size_t *n_bad);

/* Offset of the first U+FFFE or U+FFFF in valid UTF-8, or len. Of all
 * noncharacters only these two stop raptor2's writers (a literal is cut
 * short, Turtle loses triples); the others are written as they are. */
size_t kgx_utf8_find_nonchar(const char *s, size_t len);

/* Copy valid UTF-8 s into out (capacity at least len + 1) with every
 * U+FFFE and U+FFFF replaced by U+FFFD. Returns the output length (len);
 * *n_bad is the number replaced. */
size_t kgx_utf8_replace_nonchars(const char *s, size_t len, char *out, size_t *n_bad);

/* Decode one code point at s (valid UTF-8 assumed); sets *cp, returns bytes. */
int kgx_utf8_decode(const char *s, size_t len, int32_t *cp);

#endif
