/* kgx_common: status codes, classes, predicates and diagnostics shared by
 * every module (implemented in extract/common.c). */
#ifndef KGX_COMMON_H
#define KGX_COMMON_H

#include <stddef.h>
#include <stdint.h>

#define KGX_VERSION "0.1.0"

typedef enum {
	KGX_OK = 0,
	KGX_ERR_IO,      /* a file could not be read or written */
	KGX_ERR_NOMEM,   /* an allocation failed */
	KGX_ERR_SYNTAX,  /* a rule or knowledge file is malformed */
	KGX_ERR_RULE,    /* a rule is well formed but invalid (pattern, class) */
	KGX_ERR_INPUT,   /* a document was rejected (binary, too large) */
	KGX_ERR_LIMIT,   /* a configured limit was hit (PCRE2 match limit, size) */
	KGX_ERR_OUTPUT,  /* the serialiser failed */
	KGX_ERR_USAGE    /* bad command-line usage */
} kgx_status;

/* A static English message for a status; never NULL. */
const char *kgx_strerror(kgx_status st);

#define TRY(st, expr) do { if (((st) = (expr)) != KGX_OK) return (st); } while (0)

/* Entity classes of the output contract, as bit flags so that an entity can
 * carry a class and the classes it implies (Minister implies Person). */
typedef enum {
	KGX_C_UNBODY = 1u << 0,
	KGX_C_MISSION = 1u << 1,
	KGX_C_FUND = 1u << 2,
	KGX_C_MINISTER = 1u << 3,
	KGX_C_PERSON = 1u << 4,
	KGX_C_ORGANISATION = 1u << 5,
	KGX_C_GOVBODY = 1u << 6,
	KGX_C_COUNTRY = 1u << 7,
	KGX_C_EVENT = 1u << 8,
	KGX_C_DOCUMENT = 1u << 9
} kgx_class;

#define KGX_NCLASSES 10

/* The class name as in the contract ("UNBody"), for bit index i. */
const char *kgx_class_name(int i);
/* The single class flag named `name` (length len), or 0 if unknown. */
unsigned kgx_class_parse(const char *name, size_t len);
/* Add the classes a class implies (Minister -> Person). */
unsigned kgx_class_closure(unsigned classes);
/* Index of the most specific class in `classes`, or -1. */
int kgx_class_primary(unsigned classes);

typedef enum {
	KGX_P_FUNDS,
	KGX_P_CHAIRS,
	KGX_P_SUPPORTS,
	KGX_P_MEMBEROF,
	KGX_P_PARTOF,
	KGX_P_HOSTS,
	KGX_P_PARTICIPATESIN,
	KGX_P_MINISTEROF,
	KGX_P_SIGNEDBY,
	KGX_P_LOCATEDIN,
	KGX_NPREDICATES
} kgx_predicate;

const char *kgx_predicate_name(int p);
/* Predicate index for `name`, or -1. */
int kgx_predicate_parse(const char *name, size_t len);

/* Offset of the first byte that keeps s from being an absolute IRI that
 * can be written as is (RFC 3987): a scheme and ':', then no space, control
 * character, DEL, '<', '>', '"', '{', '}', '|', '^', '`', '\\', invalid
 * UTF-8, noncharacter (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF), '%' without two hex
 * digits or second '#'. strlen(s) when s is such an IRI. */
size_t kgx_iri_bad(const char *s);

/* Where a diagnostic points: file, 1-based line and column (0 = unknown). */
typedef struct {
	const char *file;
	unsigned line;
	unsigned col;
} kgx_loc;

/* Print "kgx: file:line:col: message" on stderr. Only main() decides what an
 * error means for the exit status; modules report and return a status. */
void kgx_diag(const kgx_loc *loc, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Whether text[0..at) ends with `word`, ASCII case ignored. */
int kgx_ends_with(const char *text, size_t at, const char *word);

/* s[0..len) with control characters (C0 but for line feed and tab when
 * keep_lines, DEL, C1) and bytes that are not UTF-8 written as \n, \t, \r,
 * \xHH or \u00HH, so that text from a file or a file name cannot drive a
 * terminal. out holds 4 * len + 1 bytes; returns the length written. */
size_t kgx_escape(char *out, const char *s, size_t len, int keep_lines);

/* 0: report everything; 1: drop warnings and notes (messages that start
 * with "warning" or "note"); 2: report nothing (tests that provoke errors). */
void kgx_diag_quiet(int quiet);

#endif
