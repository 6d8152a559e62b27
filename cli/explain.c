/* kgx_explain: the readable and the TSV explanation of a document. */
#include "explain.h"

#include <stdlib.h>
#include <string.h>

const char kgx_explain_tsv_header[] =
	"document\tsubject\tpredicate\tobject\trule\tlost\tamount\tcurrency\tsentence\n";

/* ANSI colours per class, for a terminal. */
static const char *const class_colour[KGX_NCLASSES] = {
	"34", "33", "32", "35", "35", "36", "94", "92", "93", "37",
};

/* s[0..len) escaped (kgx_escape), in pieces cut between characters, so that
 * a 64 MB document does not need 256 MB at once. */
static void add_escaped(kgx_buf *b, const char *s, size_t len, int keep_lines)
{
	char out[4 * 4096 + 1];
	while (len) {
		size_t n = len < 4096 ? len : 4096;
		for (size_t k = 0; k < 3 && n < len && n > 1 && ((unsigned char)s[n] & 0xC0) == 0x80; k++)
			n--;
		kgx_buf_add(b, out, kgx_escape(out, s, n, keep_lines));
		s += n;
		len -= n;
	}
}

/* The normalised text with every mention marked with its class and the id
 * of its entity, "[Nederland]{Country netherlands}", so that a wrong link
 * shows; in colour with the class and id dimmed. */
static void explain_text(const kgx_doc *doc, kgx_buf *b, int colour)
{
	kgx_buf_add(b, colour ? "\x1b[1m" : "== ", colour ? 4 : 3);
	add_escaped(b, doc->path, strlen(doc->path), 0);
	kgx_buf_printf(b, "%s\n", colour ? "\x1b[0m" : "");
	uint32_t at = 0;
	for (size_t i = 0; i < doc->mentions.len; i++) {
		const kgx_mention *m = &KGX_VEC_AT(&doc->mentions, kgx_mention, i);
		if (m->span.begin < at)
			continue;  /* nested inside the previous mention */
		add_escaped(b, doc->text + at, m->span.begin - at, 1);
		int c = kgx_class_primary(m->entry->classes);
		const char *cls = kgx_class_name(c);
		const char *weak = m->kind == KGX_M_WEAK ? "~" : "";
		if (colour)
			kgx_buf_printf(b, "\x1b[1;%sm", class_colour[c < 0 ? 0 : c]);
		else
			kgx_buf_addc(b, '[');
		add_escaped(b, doc->text + m->span.begin, m->span.end - m->span.begin, 1);
		if (colour)
			kgx_buf_printf(b, "\x1b[0m\x1b[2m{%s%s %s}\x1b[0m", weak, cls, m->entry->id);
		else
			kgx_buf_printf(b, "]{%s%s %s}", weak, cls, m->entry->id);
		at = m->span.end;
	}
	add_escaped(b, doc->text + at, doc->text_len - at, 1);
	kgx_buf_add(b, "\n\n", 2);
}

void kgx_explain_doc(const kgx_doc *doc, kgx_explain_mode mode, kgx_buf *b)
{
	int tsv = mode == KGX_EXPLAIN_TSV;
	if (!tsv)
		explain_text(doc, b, mode == KGX_EXPLAIN_COLOUR);
	kgx_buf sentence = {0};
	for (size_t i = 0; i < doc->relations.len; i++) {
		const kgx_relation *r = &KGX_VEC_AT(&doc->relations, kgx_relation, i);
		const kgx_sentence *s = &KGX_VEC_AT(&doc->sentences, kgx_sentence, r->sentence);
		const char *subj = r->s ? r->s->id : "(this document)";
		/* tabs and line breaks in the sentence become spaces */
		sentence.len = 0;
		kgx_buf_add(&sentence, "", 0);
		for (uint32_t k = s->span.begin; k < s->span.end; k++) {
			char ch = doc->text[k];
			kgx_buf_addc(&sentence, ch == '\t' || ch == '\n' || ch == '\r' ? ' ' : ch);
		}
		if (tsv) {
			kgx_buf_printf(b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", doc->path, subj,
			               kgx_predicate_name(r->predicate), r->o->id, r->rule, r->lost ? r->lost : "",
			               r->amount ? r->amount : "", r->currency ? r->currency : "", sentence.s);
			continue;
		}
		add_escaped(b, doc->path, strlen(doc->path), 0);
		kgx_buf_printf(b, ": %s %s %s [%s%s%s]%s%s%s%s\n    ", subj, kgx_predicate_name(r->predicate),
		               r->o->id, r->rule, r->lost ? "; lost: " : "", r->lost ? r->lost : "",
		               r->amount ? " amount " : "", r->amount ? r->amount : "", r->currency ? " " : "",
		               r->currency ? r->currency : "");
		add_escaped(b, sentence.s, sentence.len, 0);
		kgx_buf_addc(b, '\n');
		if (r->how) {
			/* how a frame read it: trigger and slots */
			kgx_buf_add(b, "    ", 4);
			add_escaped(b, r->how, strlen(r->how), 0);
			kgx_buf_addc(b, '\n');
		}
	}
	/* triggers that stated nothing, and why */
	for (size_t i = 0; !tsv && i < doc->frame_misses.len; i++) {
		const kgx_frame_miss *m = &KGX_VEC_AT(&doc->frame_misses, kgx_frame_miss, i);
		const kgx_sentence *s = &KGX_VEC_AT(&doc->sentences, kgx_sentence, m->sentence);
		add_escaped(b, doc->path, strlen(doc->path), 0);
		kgx_buf_printf(b, ": no relation: frame %s at '", m->rule);
		add_escaped(b, m->trigger, strlen(m->trigger), 0);
		kgx_buf_printf(b, "': %s\n    ", m->why);
		sentence.len = 0;
		kgx_buf_add(&sentence, "", 0);
		for (uint32_t k = s->span.begin; k < s->span.end; k++) {
			char ch = doc->text[k];
			kgx_buf_addc(&sentence, ch == '\t' || ch == '\n' || ch == '\r' ? ' ' : ch);
		}
		add_escaped(b, sentence.s, sentence.len, 0);
		kgx_buf_addc(b, '\n');
	}
	kgx_buf_free(&sentence);
}
