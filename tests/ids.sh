#!/usr/bin/env bash
# External identifiers (issue 14): every identifier in the knowledge files
# and in kgx's output is well formed, none of the identifiers that
# ../shared/ids/README.md lists as often quoted wrong appears, the known
# right ones do, and kgx --kb-stats reports them.
#
#   bash tests/ids.sh KGX SRCDIR
#
# Prints "ok N - name" / "not ok N - name" per check (tests/lib.sh).
usage="KGX SRCDIR"
suite=ids
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh" || exit 2
need rapper "rapper (raptor2-utils)"
cd "$SRC" || exit 2

KB=rules/kb

# "id<TAB>key<TAB>value" for every identifier line of the knowledge files
awk '/^\[/ { id = substr($1, 2, length($1) - 2) }
     /^(wikidata|tooi|iso3166|crs)[ \t]*=/ {
         k = $1; sub(/[ \t]*=.*/, "", k); v = $0; sub(/^[^=]*=[ \t]*/, "", v); sub(/[ \t]+$/, "", v)
         print id "\t" k "\t" v }' $KB/*.kb >"$T/ids.tsv"

t_kb_well_formed() {
	[ -s "$T/ids.tsv" ] || fail "no identifier lines in $KB" || return 1
	awk -F'\t' '
	    $2 == "wikidata" && $3 !~ /^Q[1-9][0-9]*$/ { print; bad = 1 }
	    $2 == "iso3166" && $3 !~ /^[A-Z][A-Z]$/ { print; bad = 1 }
	    $2 == "crs" && $3 !~ /^[1-9][0-9][0-9][0-9][0-9]$/ { print; bad = 1 }
	    $2 == "tooi" && $3 !~ /^https:\/\/identifier\.overheid\.nl\/tooi\/id\/[a-z_]+\/[a-z]+[0-9]+$/ { print; bad = 1 }
	    END { exit bad }' "$T/ids.tsv" || fail "malformed identifiers above"
}
check "every identifier in the knowledge files is well formed" t_kb_well_formed

# An item or a code names one thing: two entries with the same Wikidata
# item or ISO code are one of them wrong (a CRS code may be shared: the
# country-based pooled funds all report under 41503).
t_kb_unique() {
	local d
	d=$(awk -F'\t' '$2 == "wikidata" || $2 == "iso3166" || $2 == "tooi" { print $2 "\t" $3 }' "$T/ids.tsv" |
		sort | uniq -d)
	[ -z "$d" ] || fail "given to more than one entry: $d"
}
check "no Wikidata item, ISO code or TOOI IRI is given to two entries" t_kb_unique

# The README's list of identifiers often quoted wrong, as "id key value":
# the value must not be given to that entry (or, with id *, to any).
wrong='
* wikidata Q131539
* wikidata Q1476887
* wikidata Q28606331
* wikidata Q5987345
netherlands wikidata Q55
min-foreign-affairs-nl tooi https://identifier.overheid.nl/tooi/id/ministerie/mnre1034
* crs 01020
* crs 00923'
t_kb_not_wrong() {
	local id k v hits=0
	while read -r id k v; do
		[ -n "$id" ] || continue
		if awk -F'\t' -v id="$id" -v k="$k" -v v="$v" \
			'(id == "*" || $1 == id) && $2 == k && $3 == v { found = 1 } END { exit !found }' "$T/ids.tsv"; then
			echo "$id $k $v"
			hits=1
		fi
	done <<<"$wrong"
	[ $hits = 0 ] || fail "identifiers known to be wrong are in $KB"
}
check "none of the identifiers the ids README calls wrong is in the knowledge files" t_kb_not_wrong

right='
netherlands wikidata Q29999
netherlands iso3166 NL
unhcr wikidata Q132551
wfp wikidata Q204344
un wikidata Q1065
un-security-council wikidata Q37470
icc wikidata Q47488
icj wikidata Q7801
nato wikidata Q7184
eu wikidata Q458
unicef wikidata Q740308
min-foreign-affairs-nl tooi https://identifier.overheid.nl/tooi/id/ministerie/mnre1013
min-interior-kingdom-relations-nl tooi https://identifier.overheid.nl/tooi/id/ministerie/mnre1034
cerf crs 41147
un-peacebuilding-fund crs 41141
person-rutte wikidata Q57792'
t_kb_right() {
	local id k v miss=0
	while read -r id k v; do
		[ -n "$id" ] || continue
		grep -qxF "$id	$k	$v" "$T/ids.tsv" || { echo "missing: $id $k $v"; miss=1; }
	done <<<"$right"
	[ $miss = 0 ] || fail "verified identifiers missing"
}
check "the verified identifiers the README names are there" t_kb_right

# every ISO 3166-1 alpha-2 code once: 249 entries
t_kb_iso_complete() {
	local n
	n=$(awk -F'\t' '$2 == "iso3166"' "$T/ids.tsv" | wc -l)
	[ "$n" = 249 ] || fail "$n iso3166 lines, want 249"
	[ "$(awk -F'\t' '$2 == "iso3166"' "$T/ids.tsv" | cut -f1 | xargs -n1 | sort -u | wc -l)" = 249 ] ||
		fail "some entry has two codes"
}
check "countries.kb gives all 249 ISO 3166-1 codes, one per entry" t_kb_iso_complete

# The country target is every ISO 3166-1 entry with its Wikidata item.
t_kb_iso_wikidata() {
	local bare
	bare=$(awk -F'\t' '$2 == "iso3166" { iso[$1] = 1 } $2 == "wikidata" { wd[$1] = 1 }
	    END { for (id in iso) if (!(id in wd)) print id }' "$T/ids.tsv")
	[ -z "$bare" ] || fail "ISO entries without a Wikidata item: $bare"
}
check "every entry with an ISO 3166-1 code has a Wikidata item" t_kb_iso_wikidata

# Checks against the identifier data itself, where the shared directory is
# there (../shared/ids beside the repository).
IDS=${KGX_IDS:-$SRC/../shared/ids}

# A channel code is an active code of the OECD list, and a category code
# (ending in 000) only where the organisation is the whole category
# (knowledge.md): EU institutions, IMF, World Bank Group, WTO.
t_kb_crs_listed() {
	local bad
	bad=$(awk -F, 'NR == FNR { if (FNR > 1 && $2 == "active") ok[$1] = 1; next }
	    $2 == "crs" && (!($3 in ok) || ($3 ~ /000$/ && $3 !~ /^4[2-5]000$/)) { print $1 " " $3 }' \
		"$IDS/oecd_crs_channel_codes.csv" FS='\t' "$T/ids.tsv")
	[ -z "$bad" ] || fail "not an active channel code, or a category code: $bad"
}
if [ -r "$IDS/oecd_crs_channel_codes.csv" ]; then
	check "every crs is an active OECD channel code, not a category" t_kb_crs_listed
else
	skip "every crs is an active OECD channel code, not a category" "no $IDS"
fi

# Only identifiers a source verifies: a Wikidata item is a verified row of
# the ids files (countries, intl_orgs with status verified, the openkamer
# politicians) or carries a '# wikidata cross-checked' comment line above it
# that says where the second source is (docs/sources.md).
t_kb_wikidata_sourced() {
	# names before the item may hold quoted commas: the item is the field
	# that looks like one (followed by the status in intl_orgs)
	awk -F, 'FNR == 1 { f++; next }
	    { for (i = 1; i <= NF; i++) if ($i ~ /^Q[1-9][0-9]*$/) {
	          if (f != 2 || $(i + 1) == "verified" || $(i + 1) == "verified-conflict-noted") print $i
	          break } }' \
		"$IDS/countries.csv" "$IDS/intl_orgs_wikidata.csv" "$IDS/nl_politicians_openkamer.csv" |
		sort -u >"$T/verified"
	awk '/^\[/ { id = substr($1, 2, length($1) - 2) }
	     /^wikidata[ \t]*=/ { v = $0; sub(/^[^=]*=[ \t]*/, "", v); sub(/[ \t]+$/, "", v)
	         print v "\t" id "\t" (prev ~ /^# wikidata cross-checked/) }
	     { prev = $0 }' "$KB"/*.kb >"$T/wd"
	local bad
	bad=$(awk -F'\t' 'NR == FNR { ok[$1] = 1; next } !($1 in ok) && $3 == 0 { print $2 " " $1 }' "$T/verified" "$T/wd")
	[ -z "$bad" ] || fail "Wikidata items no ids file verifies and no comment explains: $bad"
}
if [ -r "$IDS/intl_orgs_wikidata.csv" ]; then
	check "every Wikidata item is a verified row of ../shared/ids or says where it was cross-checked" t_kb_wikidata_sourced
else
	skip "every Wikidata item is a verified row of ../shared/ids or says where it was cross-checked" "no $IDS"
fi

# ------------------------------------------------------------ output

t_output() {
	local fmt c
	for fmt in turtle ntriples nquads; do
		run 0 -f "$fmt" corpus/ || return 1
		cp "$T/out" "$T/out.$fmt"
		c=$(parses "$fmt" "$T/out.$fmt") || return 1
		ntset "$fmt" "$T/out.$fmt" "$T/set.$fmt" || return 1
	done
	cmp -s "$T/set.turtle" "$T/set.ntriples" && cmp -s "$T/set.ntriples" "$T/set.nquads" ||
		fail "the formats carry different triples"
}
check "corpus/ in every format parses to the same triples" t_output

O='<https://w3id.org/kgx/ontology#'
t_output_well_formed() {
	local s="$T/set.ntriples"
	[ -s "$s" ] || fail "no output" || return 1
	grep -F '<http://www.w3.org/2002/07/owl#sameAs>' "$s" >"$T/sameas"
	grep -F '<http://www.w3.org/2004/02/skos/core#exactMatch>' "$s" >"$T/exact"
	grep -F "${O}iso3166>" "$s" >"$T/iso"
	grep -F "${O}crsCode>" "$s" >"$T/crs"
	for f in sameas exact iso crs; do
		[ -s "$T/$f" ] || fail "no $f triple in the corpus output" || return 1
	done
	grep -Ev ' <http://www\.wikidata\.org/entity/Q[1-9][0-9]*> \.$' "$T/sameas" && fail "owl:sameAs to something else"
	grep -Ev ' <https://identifier\.overheid\.nl/tooi/id/[a-z_]+/[a-z]+[0-9]+> \.$' "$T/exact" && fail "skos:exactMatch to something else"
	grep -Ev ' "[A-Z]{2}"\^\^<http://www\.w3\.org/2001/XMLSchema#token> \.$' "$T/iso" && fail "a malformed kgx:iso3166"
	grep -Ev ' "[1-9][0-9]{4}"\^\^<http://www\.w3\.org/2001/XMLSchema#token> \.$' "$T/crs" && fail "a malformed kgx:crsCode"
	# TOOI is matched, not merged into the entity
	grep -F 'identifier.overheid.nl' "$T/sameas" && fail "a TOOI IRI as owl:sameAs"
	return 0
}
check "the output's owl:sameAs, skos:exactMatch, kgx:iso3166 and kgx:crsCode are well formed" t_output_well_formed

t_output_not_wrong() {
	local s="$T/set.ntriples"
	grep -E 'entity/(Q131539|Q1476887|Q28606331|Q5987345)>' "$s" && fail "a wrong Wikidata item in the output"
	grep -F '<https://w3id.org/kgx/id/netherlands> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q55>' "$s" &&
		fail "Nederland as the constituent country Q55"
	grep -F '<https://w3id.org/kgx/id/min-foreign-affairs-nl> <http://www.w3.org/2004/02/skos/core#exactMatch> <https://identifier.overheid.nl/tooi/id/ministerie/mnre1034>' "$s" &&
		fail "Buitenlandse Zaken as mnre1034 (BZK)"
	grep -qF '<https://w3id.org/kgx/id/netherlands> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q29999> .' "$s" ||
		fail "Nederland is not Q29999 in the output"
}
check "none of the identifiers the ids README calls wrong is in kgx's output" t_output_not_wrong

# a wrong identifier in a knowledge file of one's own is stopped at load
t_refused() {
	mkdir -p "$T/r1/kb" "$T/r2/kb" "$T/r3/kb"
	printf '[x]\nclass = Country\nnl = Xland\niso3166 = NLD\n' >"$T/r1/kb/x.kb"
	printf '[x]\nclass = Fund\nnl = Xfonds\ncrs = 923\n' >"$T/r2/kb/x.kb"
	printf '[x]\nclass = UNBody\nnl = Xraad\nwikidata = Q055\n' >"$T/r3/kb/x.kb"
	local d
	for d in r1 r2 r3; do
		run 2 --check-rules "$T/$d" || return 1
		grep -q "x.kb:4:" "$W/err" || fail "$d: no file:line in: $(cat "$W/err")"
	done
}
check "an alpha-3 code, a donor code for a channel code, a zero-padded Q-id: exit 2 with file:line" t_refused

t_dot_url() {
	run 0 -f dot corpus/ || return 1
	grep -q 'URL="http://www.wikidata.org/entity/Q[1-9][0-9]*"' "$W/out" || fail "no Wikidata URL on a DOT node"
}
check "the DOT graph links nodes to their Wikidata item" t_dot_url

t_kb_stats() {
	run 0 --kb-stats || return 1
	grep -Eq '^Country +[0-9]+ +[0-9]+ +[0-9]+ +249 ' "$W/out" || fail "no Country row with 249 ISO codes: $(cat "$W/out")"
	grep -q '^total ' "$W/out" || fail "no total line"
	[ "$(wc -l <"$W/out")" -ge 4 ] || fail "too short"
}
check "kgx --kb-stats prints the identifier coverage per class" t_kb_stats

finish
