/* kgx_doc: one input document and everything the passes annotate on it. */
#ifndef KGX_DOC_H
#define KGX_DOC_H

#include "arena.h"
#include "common.h"

/* Byte offsets [begin, end) into kgx_doc.text. */
typedef struct {
	uint32_t begin, end;
} kgx_span;

/* An entity as the knowledge base or a rule defines it. Knowledge-base
 * entries live as long as the rule set; entries discovered in a document live
 * in the document's arena. */
/* A sentence: its byte span and the same span in code points, which is what
 * the output reports. */
typedef struct {
	kgx_span span;
	uint32_t cp_begin, cp_end;
} kgx_sentence;

typedef struct kgx_entry {
	const char *id;        /* IRI slug */
	unsigned classes;      /* kgx_class flags, closed under implication */
	const char *label;     /* canonical rdfs:label */
	const char *label_nl, *label_en;  /* may be NULL */
	const char *wikidata, *tooi;      /* may be NULL */
	const struct kgx_entry **located_in;  /* resolved, NULL-terminated or NULL */
	const struct kgx_entry **part_of;
	const char **located_in_ids, **part_of_ids;  /* as written, until linked */
	size_t n_located_in, n_part_of;
	int discovered;        /* defined by a rule in this document */
	kgx_loc loc;           /* where it was defined, for --list-rules */
} kgx_entry;

typedef enum {
	KGX_M_STRONG = 0,  /* a name: the entity is mentioned */
	KGX_M_WEAK = 1     /* an adjective: usable by relation rules only */
} kgx_mention_kind;

#define KGX_NO_MENTION UINT32_MAX

/* PCRE2 matches a limit stopped, and the rule of the first, for the warning. */
typedef struct {
	unsigned long hits;
	const char *first_rule;
} kgx_limits;

typedef struct {
	kgx_span span;
	const kgx_entry *entry;
	uint32_t sentence;
	uint32_t outer;    /* the mention whose name contains this one, or KGX_NO_MENTION */
	int priority;
	kgx_mention_kind kind;
	const char *rule;  /* id of the rule that made it ("kb" for the gazetteer) */
	int nested;        /* a name inside another of the same rule match ("Raad X" in
	                    * "Raad X van 3 mei"): kept beside it, as kb:nested names are */
} kgx_mention;

typedef struct {
	const kgx_entry *s;  /* NULL: the input document itself */
	const kgx_entry *o;
	int predicate;
	uint32_t sentence;
	const char *rule;
	const char *lost;    /* comma-separated ids of rules that lost, or NULL */
	const char *amount;  /* decimal in units, or NULL */
	const char *currency;
	int year, start_year, end_year;  /* 0 when absent */
} kgx_relation;

typedef struct {
	const char *path;   /* as given on the command line */
	const char *source; /* the path as text: invalid UTF-8 replaced by U+FFFD */
	const char *slug;   /* <base>doc/<slug> */

	const char *raw;    /* bytes as read (repaired UTF-8) */
	size_t raw_len;

	char *text;         /* normalised text, NUL-terminated */
	size_t text_len;
	uint32_t *map;      /* map[i]: offset in raw of text byte i (text_len + 1) */

	kgx_vec sentences;  /* kgx_sentence */
	kgx_vec mentions;   /* kgx_mention, sorted by span after the entity pass */
	kgx_vec relations;  /* kgx_relation */
	kgx_vec discovered; /* kgx_entry *, defined by rules in this document */
	kgx_vec silenced;    /* const char *: rules whose `create = none` group won its span */

	const char *date;      /* letter metadata, NULL when absent */
	const char *kamerstuk;

	kgx_limits limits;
	kgx_arena arena;
} kgx_doc;

/* Initialise a document over raw bytes, copied into its arena. */
kgx_status kgx_doc_init(kgx_doc *doc, const char *path, const char *raw, size_t len);
/* Free everything the document and its passes allocated. */
void kgx_doc_release(kgx_doc *doc);


#endif
