#!/usr/bin/env bash
# The readers end to end (CTest "read"): each bundled letter made here into
# a PDF (enscript | ps2pdf), an HTML page (with scripts, styles, entities, a
# navigation bar, a footer and Dublin Core in its head) and the official
# publication XML (with its metadata); kgx must find in each the relations
# it finds in the plain text (sorted N-Triples of the direct triples), write
# evidence without markup and valid RDF in every format, and read each
# file's metadata. Also: every bundled letter gets an xsd:date, and formats
# kgx does not read are named.
usage="KGX SRCDIR"
suite=read
. "$(dirname "$0")/lib.sh" || exit 2
need python3
need rapper "rapper (raptor2-utils)"

cd "$T" || exit 2
mkdir -p in
cp "$SRC"/corpus/*.txt in/

# ------------------------------------------------------------ the files

# HTML: each paragraph a <p>, its lines joined by <br> (the line breaks and
# hyphenation the normaliser undoes), special characters as entities; page
# furniture around it that must not be read.
python3 - in/*.txt <<'EOF'
import html, sys
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    paras = [p for p in text.split("\n\n")]
    def enc(s):
        s = html.escape(s, quote=False)
        # named and numeric references for what a page writes so
        return (s.replace("\u00e9", "&eacute;").replace("\u00eb", "&#235;")
                 .replace("\u2019", "&rsquo;").replace("\u00ef", "&#xEF;"))
    body = "\n".join("<p>" + "<br>\n".join(enc(l) for l in p.split("\n")) + "</p>" for p in paras)
    page = f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Kamerbrief</title>
<meta name="DCTERMS.issued" content="not a date">
<style>p {{ margin: 0 }} .x::after {{ content: "Nederland financiert UNICEF" }}</style>
<script>var tracking = "Nederland financiert UNICEF en steunt de VN.";</script>
</head><body>
<header><a href="/">Rijksoverheid</a> | Zoeken in Verenigde Naties</header>
<nav><ul><li><a href="/a">Nederland en de Verenigde Naties</a></li><li>UNICEF</li></ul></nav>
<main><article>
{body}
</article></main>
<script>document.write("Nederland financiert UNICEF");</script>
<footer>Over deze site | Verenigde Naties | UNICEF</footer>
</body></html>
"""
    open(path[:-4] + ".html", "w", encoding="utf-8").write(page)
EOF

# XML in the form of the official publication (officiele-publicatie with its
# <metadata>, kamerstuk, stuk, al), the letter's paragraphs as <al> elements
# whose line breaks are kept (xml:space="preserve"). The identifiers are
# invented: dossier 99999 does not exist.
python3 - in/*.txt <<'EOF'
import sys
from xml.sax.saxutils import escape
for i, path in enumerate(sys.argv[1:]):
    text = open(path, encoding="utf-8").read()
    als = "\n".join(f'<al xml:space="preserve">{escape(p)}</al>' for p in text.split("\n\n"))
    doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie>
<metadata>
<meta name="DC.identifier" scheme="OVERHEIDop.ParlID" content="kst-99999-{i + 1}"/>
<meta name="OVERHEIDop.dossiernummer" content="99999"/>
<meta name="OVERHEIDop.ondernummer" content="{i + 1}"/>
<meta name="DCTERMS.issued" scheme="DCTERMS.W3CDTF" content="2031-0{i + 1}-1{i}"/>
<meta name="OVERHEIDop.documenttitel" content="Brief nummer {i + 1} &amp; meer"/>
<meta name="DC.creator" scheme="OVERHEID.StatenGeneraal" content="Tweede Kamer der Staten-Generaal"/>
</metadata>
<kamerstuk><stuk><algemeen>
{als}
</algemeen></stuk></kamerstuk>
</officiele-publicatie>
"""
    open(path[:-4] + ".xml", "w", encoding="utf-8").write(doc)
EOF

# PDF: the text in Latin-1 (enscript knows no UTF-8), small enough that no
# line wraps, on as many pages as it takes.
have_pdf=1
for tool in enscript ps2pdf iconv; do
	command -v $tool >/dev/null || have_pdf=0
done
if [ $have_pdf = 1 ]; then
	for f in in/*.txt; do
		iconv -f UTF-8 -t LATIN1//TRANSLIT "$f" | enscript -q -B -X latin1 -f Courier7 -o - |
			ps2pdf - "${f%.txt}.pdf"
	done
fi

# The relations kgx finds in FILE: its direct triples, the document as <DOC>.
relations() {
	"$KGX" -q -f ntriples "$1" |
		grep -E '^<[^>]*/(id|doc)/[^>]*> <https://w3id.org/kgx/ontology#(funds|chairs|supports|memberOf|partOf|hosts|participatesIn|ministerOf|signedBy|locatedIn)>' |
		sed 's|<https://w3id.org/kgx/doc/[^>]*>|<DOC>|' | LC_ALL=C sort -u
}

# ------------------------------------------------------------ checks

same_relations() { # EXT [LETTER EXPECTED-DIFF]
	local ext=$1 f b
	for f in in/*.txt; do
		b=${f%.txt}
		relations "$f" >"$b.txt.rel" || fail "kgx failed on $f" || return 1
		relations "$b.$ext" >"$b.$ext.rel" || fail "kgx failed on $b.$ext" || return 1
		[ -s "$b.txt.rel" ] || fail "no relations in $f" || return 1
		if [ "${2:-}" = "$(basename "$b")" ]; then
			diff "$b.txt.rel" "$b.$ext.rel" | grep '^[<>]' >"$b.diff"
			diff "$3" "$b.diff" || fail "$b.$ext: other differences than the explained ones"
		else
			diff "$b.txt.rel" "$b.$ext.rel" || fail "$b.$ext: relations differ from the plain text"
		fi
	done
}

# The one difference, in one letter, and why: the plain text is pdftotext's
# output of the printed letter, whose pages it marks (a page's first line
# starts with a space). Three footnotes stand on the page after their
# markers ("Committee7"); the normaliser pairs them by page. An HTML page
# collapses the leading space (as a browser does), and the PDF made here is
# paginated anew by enscript, so neither has the original pages: the
# markers are not taken for footnote numbers and three names stay glued to
# them. An HTML <pre> of the same text, which keeps the spaces, agrees.
cat >explained.diff <<'EOF'
< <https://w3id.org/kgx/id/mhpss-referentie-groep> <https://w3id.org/kgx/ontology#partOf> <https://w3id.org/kgx/id/iasc> .
< <https://w3id.org/kgx/id/netherlands> <https://w3id.org/kgx/ontology#supports> <https://w3id.org/kgx/id/mhpss-minimum-services-package> .
< <https://w3id.org/kgx/id/netherlands> <https://w3id.org/kgx/ontology#supports> <https://w3id.org/kgx/id/rode-kruis-rode-halve-maan-mhpss-hub> .
EOF

check "HTML pages of the five letters: the same relations as the plain text, but for the listed page loss" \
	same_relations html 004_24fa777e414e8df9 "$T/explained.diff"
check "official XML of the five letters: the same relations as the plain text" same_relations xml
if [ $have_pdf = 1 ]; then
	check "PDFs of the five letters (enscript | ps2pdf): the same relations as the plain text, but for the listed re-pagination" \
		same_relations pdf 004_24fa777e414e8df9 "$T/explained.diff"
else
	skip "PDFs of the five letters" "enscript, ps2pdf (ghostscript) or iconv not installed"
fi

no_markup() {
	local f
	for f in in/*.html in/*.xml; do
		"$KGX" -q -f ntriples "$f" >"$f.nt" || fail "kgx failed on $f" || return 1
		grep 'ontology#evidence>' "$f.nt" | sed 's/^[^"]*"//; s/"[^"]*$//' >"$f.ev" ||
			fail "$f: no evidence" || return 1
		! grep -E '<|&[a-z]+;|&#|nbsp|tracking|document\.write|xml:space' "$f.ev" ||
			fail "$f: markup in the evidence"
		! grep -q 'ontology#funds> <https://w3id.org/kgx/id/unicef>' "$f.nt" ||
			fail "$f: a relation read out of a script"
		! grep -q 'Zoeken in\|Over deze site' "$f.nt" || fail "$f: page furniture read"
	done
	grep -qF 'Tour\u00E9' in/003_*.html.nt || fail "an accented name lost"
}
check "HTML and XML: evidence without markup, nothing from scripts, navigation or footers" no_markup

all_formats() {
	local fmt ext f
	for f in in/003_8b946f244349bcf9.html in/003_8b946f244349bcf9.xml in/003_8b946f244349bcf9.pdf; do
		[ -f "$f" ] || continue
		for fmt in turtle ntriples nquads; do
			"$KGX" -q -f $fmt --mentions "$f" >"$f.$fmt" || fail "kgx -f $fmt $f failed" || return 1
			parses $fmt "$f.$fmt" >/dev/null || fail "$f: invalid $fmt" || return 1
		done
	done
}
check "HTML, XML and PDF: valid RDF in every format (rapper)" all_formats

xml_metadata() {
	"$KGX" -q -f ntriples in/002_e646df4497019908.xml >m.nt || return 1
	local d='<https://w3id.org/kgx/doc/in/002_e646df4497019908.xml>' ok=0
	grep -qF "$d <http://purl.org/dc/terms/issued> \"2031-03-12\"^^<http://www.w3.org/2001/XMLSchema#date> ." m.nt || fail "no dcterms:issued from the metadata"
	grep -qF "$d <http://purl.org/dc/terms/identifier> \"kst-99999-3\" ." m.nt || fail "no dcterms:identifier"
	grep -qF "$d <http://www.w3.org/2002/07/owl#sameAs> <https://w3id.org/kgx/id/kst-99999-3> ." m.nt || fail "no owl:sameAs to the Kamerstuk's IRI"
	grep -qF "$d <http://www.w3.org/2000/01/rdf-schema#seeAlso> <https://zoek.officielebekendmakingen.nl/kst-99999-3.html> ." m.nt || fail "no official page"
	grep -qF "$d <http://purl.org/dc/terms/title> \"Brief nummer 3 & meer\" ." m.nt || fail "no dcterms:title"
	grep -qF "$d <https://w3id.org/kgx/ontology#dossierNumber> \"99999\" ." m.nt || fail "no dossier number"
	grep -qF "$d <https://w3id.org/kgx/ontology#senderReference> \"BS2019019273\" ." m.nt || fail "no kenmerk from the letterhead"
	# the chamber that published it is not its sender: the letterhead is
	grep -qF "$d <http://purl.org/dc/terms/creator> <https://w3id.org/kgx/id/min-defence-nl> ." m.nt || fail "no creator"
	[ "$(grep -c 'terms/creator>' m.nt)" = 1 ] || fail "more than one creator"
}
check "XML: the publication's metadata on the letter (issued, identifier, sameAs, page, title, dossier)" xml_metadata

every_letter_dated() {
	"$KGX" -q -f ntriples "$SRC/corpus/" >c.nt || return 1
	local f d
	for f in "$SRC"/corpus/*.txt; do
		d="<https://w3id.org/kgx/doc/${f#/}>"
		grep -E "^$(printf '%s' "$d" | sed 's/[.[\*^$/]/\\&/g') <(http://purl.org/dc/terms/issued|https://w3id.org/kgx/ontology#latestDate)> \"[0-9]{4}-[0-9]{2}-[0-9]{2}\"\^\^<http://www.w3.org/2001/XMLSchema#date> \.$" c.nt >/dev/null ||
			fail "$f: no xsd:date"
	done
	grep -qF '"2018-03-23"^^<http://www.w3.org/2001/XMLSchema#date>' c.nt || fail "the dateline of 003 not read"
	[ "$(grep -c 'terms/issued>' c.nt)" = 1 ] || fail "dcterms:issued where no letter gives its date"
}
check "every bundled letter gets an xsd:date (dcterms:issued from its dateline, else kgx:latestDate)" every_letter_dated

same_bytes_any_jobs() {
	mkdir -p mix
	cp in/*.txt in/*.html in/*.xml mix/
	[ $have_pdf = 0 ] || cp in/*.pdf mix/
	"$KGX" -q -j1 mix >j1.ttl || fail "kgx -j1 failed" || return 1
	"$KGX" -q -j2 mix >j2.ttl || fail "kgx -j2 failed" || return 1
	cmp -s j1.ttl j2.ttl || fail "-j1 and -j2 differ"
	[ "$(grep -c '^<https://w3id.org/kgx/doc/' j1.ttl)" -ge 15 ] || fail "not every file was read"
}
check "text, PDF, HTML and XML together: -j1 and -j2 write the same bytes" same_bytes_any_jobs

formats_named() {
	printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDRxxxx' >a.png
	printf 'PK\x03\x04\x14\0\0\0\0\0[Content_Types].xml' >b.docx
	printf '\x1f\x8b\x08\0\0\0\0\0' >c.gz
	local f
	for f in a.png b.docx c.gz; do
		run 1 "$f" || return 1
		grep -q "^kgx: $f: skipped: .*\(PNG image\|Office Open XML\|gzip\)" "$W/err" || fail "$f: the format is not named: $(cat "$W/err")"
	done
}
check "images, office documents and archives: skipped with the format named, exit 1" formats_named

finish
