/* The office-holder pass: "de minister van X" in a dated letter. */
#include "office.h"
#include "kb.h"

#include <string.h>

int kgx_office_title_before(const char *text, size_t at)
{
	static const char *const titles[] = {"minister van ", "minister voor "};
	for (size_t i = 0; i < 2; i++) {
		size_t n = strlen(titles[i]);
		if (!kgx_ends_with(text, at, titles[i]))
			continue;
		size_t b = at - n;  /* where "minister" begins */
		/* a whole word: "oud-minister" and "eerste minister" name someone
		 * else, "viceminister" another office */
		if (b && text[b - 1] != ' ' && text[b - 1] != '\n' && text[b - 1] != '(')
			return 0;
		static const char *const past[] = {"oud ", "voormalig ", "voormalige ", "toenmalig ",
		                                   "toenmalige ", "vorige ", "former "};
		for (size_t k = 0; k < sizeof past / sizeof *past; k++)
			if (kgx_ends_with(text, b, past[k]))
				return 0;
		return 1;
	}
	return 0;
}

kgx_status kgx_office_run(kgx_doc *doc, const kgx_rules *rules)
{
	int32_t ymd;
	if (!doc->date || kgx_kb_date_parse(doc->date, strlen(doc->date), &ymd))
		return KGX_OK;
	const kgx_kb *kb = kgx_rules_kb((kgx_rules *)rules);
	size_t n_rel = doc->relations.len;
	/* each body is decided once, at its first titled mention: a letter
	 * full of "de minister van X" costs one look-up per ministry */
	const kgx_entry *done[64];
	size_t n_done = 0;
	for (size_t i = 0; i < doc->mentions.len; i++) {
		const kgx_mention *m = &KGX_VEC_AT(&doc->mentions, kgx_mention, i);
		if (m->kind != KGX_M_STRONG || m->entry->discovered ||
		    !(m->entry->classes & KGX_C_GOVBODY) || !kgx_office_title_before(doc->text, m->span.begin))
			continue;
		size_t d = 0;
		while (d < n_done && done[d] != m->entry)
			d++;
		if (d < n_done)
			continue;
		if (n_done < sizeof done / sizeof *done)
			done[n_done++] = m->entry;
		const kgx_entry *who = kgx_kb_office_holder(kb, m->entry, ymd);
		/* the knowledge base decides which person the title means, but a
		 * person the letter never names is not brought in by knowledge alone */
		if (!who || !kgx_doc_names(doc, who))
			continue;
		/* the text's own word wins: a minister it names for this body (a
		 * signature, an apposition) is not second-guessed, and a fact is
		 * stated once per document */
		int stated = 0;
		for (size_t k = 0; k < doc->relations.len && !stated; k++) {
			const kgx_relation *r = &KGX_VEC_AT(&doc->relations, kgx_relation, k);
			stated = r->predicate == KGX_P_MINISTEROF && r->o == m->entry && (k < n_rel || r->s == who);
		}
		if (stated)
			continue;
		kgx_relation *r = kgx_vec_push(&doc->relations);
		if (!r)
			return KGX_ERR_NOMEM;
		memset(r, 0, sizeof *r);
		r->s = who;
		r->o = m->entry;
		r->predicate = KGX_P_MINISTEROF;
		r->sentence = m->sentence;
		r->rule = "kb:in-office";
	}
	return KGX_OK;
}
