/* kgx_doc: one input document and everything the passes annotate on it. */
#ifndef KGX_DOC_H
#define KGX_DOC_H

#include "arena.h"
#include "common.h"

/* The input formats kgx reads (read.h has the readers). */
typedef enum kgx_read_format {
	KGX_READ_AUTO = 0,  /* by content: magic bytes, <?xml, <html */
	KGX_READ_TEXT,
	KGX_READ_PDF,
	KGX_READ_HTML,
	KGX_READ_XML
} kgx_read_format;

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

/* A portfolio a minister held: the body's id as the knowledge file writes
 * it, the body once linked, and the dates as yyyymmdd (0: open). */
typedef struct kgx_office {
	const char *body_id;
	const struct kgx_entry *body;
	int32_t from, until;
} kgx_office;

typedef struct kgx_entry {
	const char *id;        /* IRI slug */
	unsigned classes;      /* kgx_class flags, closed under implication */
	const char *label;     /* canonical rdfs:label */
	const char *label_nl, *label_en;  /* may be NULL */
	const char *wikidata, *tooi;      /* may be NULL */
	const char *iso3166, *crs;        /* ISO 3166-1 alpha-2, OECD CRS channel code; may be NULL */
	const kgx_office *offices;        /* minister-of lines, n_offices of them */
	size_t n_offices;
	const struct kgx_entry **located_in;  /* resolved, NULL-terminated or NULL */
	const struct kgx_entry **part_of;
	const char **located_in_ids, **part_of_ids;  /* as written, until linked */
	size_t n_located_in, n_part_of;
	int discovered;        /* defined by a rule in this document */
	kgx_loc loc;           /* where it was defined, for --list-rules */
} kgx_entry;

/* The rule of a weak mention by a place ("in Den Haag" for Nederland). */
#define KGX_RULE_PLACE "kb:place"

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
	const char *how;     /* for --explain: the frame, trigger and slots; or NULL */
	uint32_t back;       /* the evidence starts this many sentences earlier
	                      * (an anaphor took its referent from there) */
} kgx_relation;

/* A frame's trigger that gave no relation, for --explain. */
typedef struct {
	uint32_t sentence;
	const char *rule;     /* the frame's id */
	const char *trigger;  /* the word as written */
	const char *why;      /* a static English reason */
} kgx_frame_miss;

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

	kgx_read_format format; /* forced by the caller; KGX_READ_AUTO: by content */

	/* The letter's metadata, each NULL when absent: from the file's own
	 * metadata (the reader) or from the text (meta rules); the first value
	 * found wins, so a reader's beats a rule's. kgx_meta_run (the metadata
	 * pass) derives the typed and canonical forms below. */
	const char *date;      /* as written: "23 maart 2018", "2018-03-23" */
	const char *kamerstuk; /* the ondernummer: "170" */
	const char *dossier;   /* "29 521", "33 000 V", "21501-02" */
	const char *ident;     /* the official id as given: "kst-29521-352" */
	const char *kenmerk;   /* the sender's reference ("Onze referentie") */
	const char *title;     /* the subject (onderwerp, betreft) */
	const char *creator;   /* the sender as written */
	kgx_span creator_span; /* where the text names the sender; {0, 0}: nowhere */
	const char *mentioned; /* the latest date the text gives (YYYY-MM-DD) */

	char issued[11];       /* the date as YYYY-MM-DD, "" when unknown */
	const char *kst;       /* canonical id "kst-29521-352", or NULL */
	const kgx_entry *creators[4];  /* the senders, NULL-terminated */

	int explain;           /* set by the caller: record what --explain shows */
	kgx_vec frame_misses;  /* kgx_frame_miss, when explain is set */

	kgx_limits limits;
	kgx_arena arena;
} kgx_doc;

/* Initialise a document over raw bytes, copied into its arena. */
kgx_status kgx_doc_init(kgx_doc *doc, const char *path, const char *raw, size_t len);
/* Free everything the document and its passes allocated. */
void kgx_doc_release(kgx_doc *doc);
/* Whether the text names e itself (a strong mention, not an adjective). */
int kgx_doc_names(const kgx_doc *doc, const kgx_entry *e);


#endif
