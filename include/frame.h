/* kgx_frame: relations read from how Dutch officialese states them.
 *
 * A frame is a rule of kind `frame` (rules/frames/): a predicate, the word
 * forms that trigger it (verbs with their separable parts, nouns), and two
 * typed slots, agent and object, each saying which classes may fill it and
 * where it stands: the clause's subject, the direct object, an adjective
 * before a noun ("de Nederlandse bijdrage"), or after a preposition ("aan",
 * "door", "van"). One generic matcher fills the slots inside the clause, so
 * active, passive and nominal forms of one frame are data, not code.
 *
 * When no agent is named, the letter's own voice may fill it: "wij", "ik",
 * "het kabinet", or a subjectless nominalisation in a letter of a ministry
 * speak for the voice entity of the [@frames] settings (the Netherlands);
 * a debate, recognised by the `debate` setting, has no such voice. */
#ifndef KGX_FRAME_H
#define KGX_FRAME_H

#include "doc.h"
#include "stanza.h"

typedef struct kgx_frame kgx_frame;
typedef struct kgx_frames kgx_frames;
struct kgx_rules;
struct kgx_rule;

/* The set of frames and their shared settings, owned by the rule set. */
kgx_frames *kgx_frames_new(void);
void kgx_frames_free(kgx_frames *fs);

/* A new frame for rule ru (which keeps its id, priority, examples). */
kgx_frame *kgx_frames_add(kgx_frames *fs, struct kgx_rule *ru);
/* One `key = value` line of a frame; value is owned by the caller and must
 * outlive the frame (the rule set's arena). */
kgx_status kgx_frame_key(kgx_frames *fs, kgx_frame *f, const kgx_stanza_line *l, char *value);
/* Check a frame once its last line is read. */
kgx_status kgx_frame_finish(const kgx_frame *f, const kgx_loc *loc);
/* One line of the [@frames] section. */
kgx_status kgx_frames_setting(kgx_frames *fs, const kgx_stanza_line *l, char *value);
/* Index the triggers and resolve the voice entity; after loading. */
kgx_status kgx_frames_compile(kgx_frames *fs, const struct kgx_rules *r);
size_t kgx_frames_count(const kgx_frames *fs);
/* The compiled `voice` entity, or NULL. */
const kgx_entry *kgx_frames_voice(const kgx_frames *fs);
/* The entity e acts for: the voice for one of the `voice-bodies` (the
 * cabinet, a ministry), else e itself. */
const kgx_entry *kgx_frames_acting_for(const kgx_frames *fs, const kgx_entry *e);

/* A relation a frame found. `how` says which frame, trigger and slots
 * (for --explain); it and amount live in the document's arena. */
typedef struct {
	const struct kgx_rule *rule;
	const kgx_entry *s, *o;
	int predicate;
	const char *amount, *currency;  /* NULL: none stated for this object */
	int year, start_year, end_year;
	uint32_t back;    /* the evidence starts this many sentences before */
	const char *how;
} kgx_frame_fact;

typedef kgx_status (*kgx_frame_sink)(void *ctx, const kgx_frame_fact *fact);

/* Per-document state of the matcher (the voice, the discourse so far). */
typedef struct kgx_frame_state kgx_frame_state;
kgx_status kgx_frame_state_new(kgx_frame_state **st, const kgx_frames *fs,
                               const struct kgx_rules *r, const kgx_doc *doc);
void kgx_frame_state_free(kgx_frame_state *st);

/* The entity the document speaks for, or NULL in a debate (whose speakers
 * have voices of their own) or without a `voice` setting. */
const kgx_entry *kgx_frame_state_voice(const kgx_frame_state *st);

/* Apply every frame to sentence si, whose mentions are doc->mentions[m0..m1),
 * and hand each relation to sink. */
kgx_status kgx_frames_sentence(kgx_frame_state *st, kgx_doc *doc, uint32_t si, size_t m0,
                               size_t m1, kgx_frame_sink sink, void *ctx);

#endif
