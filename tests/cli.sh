#!/usr/bin/env bash
# End-to-end checks of the kgx command line: output validity and agreement
# between formats, determinism, exit statuses and diagnostics.
#
#   bash tests/cli.sh KGX SRCDIR
#
# KGX is the built binary, SRCDIR the repository (for corpus/ and rules/).
# Prints "ok N - name" / "not ok N - name" per check, then "N passed, M failed,
# K skipped" (tests/lib.sh); exits non-zero if any check failed. Needs rapper
# (raptor2-utils).
usage="KGX SRCDIR"
suite=cli
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh" || exit 2
need rapper "rapper (raptor2-utils)"
cd "$SRC" || exit 2

# ------------------------------------------------------------ fixtures

ls corpus/*.txt >/dev/null 2>&1 || { echo "$0: no corpus/*.txt under $SRC" >&2; exit 2; }
good=$(ls corpus/*.txt | head -n 1)
mkdir -p "$T/in"
printf 'Nederland steunt de Verenigde Naties.\0\0\0binary\n' >"$T/in/binary.txt"
printf 'Nederland steunt de Verenigde Naties \xC0\xAF en het Vredesopbouwfonds.\n' >"$T/in/invalid.txt"
: >"$T/in/empty.txt"

# ------------------------------------------------------------ output

t_turtle() {
	run 0 corpus/ || return 1
	cp "$T/out" "$T/corpus.ttl"
	local c
	c=$(parses turtle "$T/corpus.ttl") || return 1
	[ "${c:-0}" -gt 1000 ] || fail "only ${c:-0} triples"
	echo "$c" >"$T/count.turtle"
}
check "corpus/ as Turtle exits 0 and parses, > 1000 triples" t_turtle

t_format() {
	local fmt=$1 c
	run 0 -f "$fmt" corpus/ || return 1
	cp "$T/out" "$T/corpus.$fmt"
	c=$(parses "$fmt" "$T/corpus.$fmt") || return 1
	[ "${c:-0}" -gt 1000 ] || fail "only ${c:-0} triples"
	echo "$c" >"$T/count.$fmt"
}
check "corpus/ as N-Triples exits 0 and parses, > 1000 triples" t_format ntriples
check "corpus/ as N-Quads exits 0 and parses, > 1000 triples" t_format nquads

# rapper -c counts statements as written, repeats included: the counts agree
# only if kgx writes each statement once per document in every format
t_same_count() {
	local a b c
	a=$(cat "$T/count.turtle" 2>/dev/null) b=$(cat "$T/count.ntriples" 2>/dev/null)
	c=$(cat "$T/count.nquads" 2>/dev/null)
	[ -n "$a" ] && [ "$a" = "$b" ] && [ "$b" = "$c" ] ||
		fail "rapper -c counts differ: turtle=$a ntriples=$b nquads=$c"
}
check "Turtle, N-Triples and N-Quads give the same triple count" t_same_count

t_same_triples() {
	ntset turtle "$T/corpus.ttl" "$T/set.ttl" || return 1
	ntset ntriples "$T/corpus.ntriples" "$T/set.nt" || return 1
	# exactly: an xsd:decimal amount must not come back from Turtle as an integer
	cmp -s "$T/set.ttl" "$T/set.nt" || { diff "$T/set.ttl" "$T/set.nt" | head -n 10 >&2; return 1; }
	# N-Quads minus the graph: the same triples
	sed -e 's/ <[^>]*> \.$/ ./' "$T/corpus.nquads" | sort -u >"$T/set.nq"
	cmp -s "$T/set.nt" "$T/set.nq" || { diff "$T/set.nt" "$T/set.nq" | head -n 10 >&2; return 1; }
	grep -q 'ontology#amount>' "$T/set.nt" || fail "no kgx:amount in the corpus output"
}
check "Turtle, N-Triples and N-Quads carry the same triples" t_same_triples

t_union() {
	local f
	: >"$T/parts.nt"
	for f in corpus/*.txt; do
		run 0 "$f" || return 1
		rapper -q -i turtle -o ntriples "$T/out" >>"$T/parts.nt" || fail "Turtle of $f does not parse"
	done
	sort -u "$T/parts.nt" >"$T/parts.set"
	ntset turtle "$T/corpus.ttl" "$T/whole.set" || return 1
	[ -s "$T/whole.set" ] || fail "no triples"
	cmp -s "$T/whole.set" "$T/parts.set" || {
		diff "$T/whole.set" "$T/parts.set" | head -n 10 >&2
		return 1
	}
}
check "kgx over corpus/ equals the union of kgx over each file" t_union

t_no_blank_nodes() {
	rapper -q -i turtle -o ntriples "$T/corpus.ttl" >"$T/bn.nt" || return 1
	[ -s "$T/bn.nt" ] || fail "no triples"
	if grep -n '_:' "$T/bn.nt" "$T/corpus.ntriples" "$T/corpus.nquads" >"$T/bn.hits"; then
		head -n 5 "$T/bn.hits" >&2
		return 1
	fi
}
check "no blank nodes" t_no_blank_nodes

t_deterministic() {
	local fmt
	for fmt in turtle nquads; do
		run 0 -f "$fmt" corpus/ || return 1
		mv "$T/out" "$T/det1"
		run 0 -f "$fmt" corpus/ || return 1
		cmp "$T/det1" "$T/out" >&2 || return 1
	done
}
check "two runs give byte-identical output" t_deterministic

t_list_of_files() {
	# files named one by one give the same bytes as their directory
	run 0 corpus/*.txt || return 1
	cmp "$T/out" "$T/corpus.ttl" >&2
}
check "the files of a directory named one by one give the same output" t_list_of_files

# ------------------------------------------------------------ usage

t_help() {
	run 0 --help || return 1
	grep -q '^usage: kgx' "$T/out" || fail "no usage on stdout"
	[ ! -s "$T/err" ] || fail "stderr not empty"
	run 0 -h || return 1
	grep -q '^usage: kgx' "$T/out" || fail "-h: no usage on stdout"
}
check "--help exits 0 and prints usage to stdout" t_help

t_version() {
	run 0 --version || return 1
	grep -Eq '^kgx [0-9]+\.[0-9]+\.[0-9]+' "$T/out" || fail "no version: $(cat "$T/out")"
	run 0 -V
}
check "--version exits 0" t_version

t_no_path() {
	run 2 || return 1
	[ ! -s "$T/out" ] || fail "output on stdout"
	grep -q 'usage' "$T/err" || fail "no usage on stderr"
}
check "no PATH exits 2" t_no_path

t_unknown_option() {
	run 2 --no-such-option "$good" || return 1
	[ ! -s "$T/out" ] || fail "output on stdout"
	[ -s "$T/err" ] || fail "nothing on stderr"
}
check "unknown option exits 2" t_unknown_option

t_bad_format() {
	run 2 --format bogus "$good" || return 1
	[ ! -s "$T/out" ] || fail "output on stdout"
	grep -q "bogus" "$T/err" || fail "message does not name the format"
}
check "--format bogus exits 2" t_bad_format

t_bad_options() {
	run 2 --base not-an-iri "$good" || return 1
	run 2 --max-size lots "$good" || return 1
	run 2 --rules "$T/no-such-dir" "$good" || return 1
	[ ! -s "$T/out" ] || fail "output on stdout"
}
check "bad --base, --max-size or --rules exit 2" t_bad_options

# ------------------------------------------------------------ inputs

run 0 "$good" && cp "$T/out" "$T/good.ttl"

t_missing_file() {
	run 1 "$T/in/no-such-file.txt" "$good" || return 1
	grep -q "no-such-file.txt" "$T/err" || fail "stderr does not name the missing file"
	cmp "$T/out" "$T/good.ttl" >&2 || fail "the good file's output is not complete"
	parses turtle "$T/out" >/dev/null
}
check "a missing file with a good file exits 1, names it, still writes the good one" t_missing_file

t_output_file() {
	mkdir -p "$T/o"
	run 0 -o "$T/o/result.ttl" "$good" || return 1
	[ ! -s "$T/out" ] || fail "output on stdout with -o"
	cmp "$T/o/result.ttl" "$T/good.ttl" >&2 || return 1
	[ "$(ls -A "$T/o")" = "result.ttl" ] || fail "left behind: $(ls -A "$T/o")"
	# an existing file is replaced
	echo old >"$T/o/result.ttl"
	run 0 -o "$T/o/result.ttl" --output "$T/o/result.ttl" "$good" || return 1
	cmp "$T/o/result.ttl" "$T/good.ttl" >&2 || return 1
	[ "$(ls -A "$T/o")" = "result.ttl" ] || fail "left behind: $(ls -A "$T/o")"
}
check "-o FILE writes FILE and leaves no temporary file" t_output_file

t_output_file_partial() {
	mkdir -p "$T/o2"
	run 1 -o "$T/o2/result.ttl" "$T/in/no-such-file.txt" "$good" || return 1
	cmp "$T/o2/result.ttl" "$T/good.ttl" >&2 || return 1
	[ "$(ls -A "$T/o2")" = "result.ttl" ] || fail "left behind: $(ls -A "$T/o2")"
}
check "-o FILE with a missing input exits 1 and still writes the rest" t_output_file_partial

t_output_bad_dir() {
	run 3 -o "$T/no-such-dir/result.ttl" "$good" || return 1
	[ ! -e "$T/no-such-dir" ] || fail "$T/no-such-dir was created"
	[ ! -s "$T/out" ] || fail "output on stdout"
	grep -q "no-such-dir/result.ttl" "$T/err" || fail "message does not name the file"
}
check "-o into a directory that does not exist exits 3 and writes nothing" t_output_bad_dir

t_stdin() {
	"$KGX" - <"$good" >"$T/stdin.ttl" 2>"$T/err" || fail "exit $?: $(cat "$T/err")"
	local a b
	a=$(parses turtle "$T/stdin.ttl") || return 1
	b=$(parses turtle "$T/good.ttl") || return 1
	[ "${a:-0}" -gt 10 ] && [ "$a" = "$b" ] || fail "stdin gave $a triples, the file $b"
}
check "stdin via - works" t_stdin

t_binary() {
	run 1 "$T/in/binary.txt" "$good" || return 1
	grep -q "binary.txt" "$T/err" || fail "stderr does not name the binary file"
	cmp "$T/out" "$T/good.ttl" >&2 || fail "the other file's output is not complete"
}
check "a binary file exits 1, is named, other files still processed" t_binary

t_invalid_utf8() {
	run 0 "$T/in/invalid.txt" || return 1
	grep -q "invalid.txt.*byte offset 37" "$T/err" || fail "no warning naming byte offset 37: $(cat "$T/err")"
	local c
	c=$(parses turtle "$T/out") || return 1
	[ "${c:-0}" -gt 0 ] || fail "no triples"
	grep -q 'Verenigde Naties' "$T/out" || fail "the text after the bad bytes was lost"
}
check "an invalid UTF-8 file exits 0 with a warning naming the byte offset" t_invalid_utf8

t_empty_file() {
	run 0 "$T/in/empty.txt" || return 1
	parses turtle "$T/out" >/dev/null
}
check "an empty file exits 0 with valid output" t_empty_file

t_empty_dir() {
	mkdir -p "$T/emptydir"
	run 0 "$T/emptydir" || return 1
	[ ! -s "$T/out" ] || fail "output for no documents"
}
check "an empty directory exits 0 with no output" t_empty_dir

t_utf16() {
	# the same letter in UTF-16LE with a byte order mark
	python3 -c 'import sys; sys.stdout.buffer.write(open(sys.argv[1], encoding="utf-8").read().encode("utf-16"))' \
		"$good" >"$T/in/utf16.txt" || return 1
	run 0 "$T/in/utf16.txt" || return 1
	local a b
	a=$(parses turtle "$T/out") || return 1
	b=$(parses turtle "$T/good.ttl") || return 1
	[ "$a" = "$b" ] || fail "UTF-16 gave $a triples, UTF-8 $b"
}
check "a UTF-16 file with a byte order mark reads like its UTF-8" t_utf16

t_max_size() {
	local size
	size=$(wc -c <"$good")
	run 1 --max-size "$((size - 1))" "$good" "$T/in/invalid.txt" || return 1
	grep -q "max-size" "$T/err" || fail "no message about --max-size"
	parses turtle "$T/out" >/dev/null || return 1
	grep -q 'invalid.txt' "$T/out" || fail "the small file was not processed"
	run 0 --max-size "$size" "$good"
}
check "--max-size skips larger files with exit 1" t_max_size

t_directory_walk() {
	mkdir -p "$T/walk/sub" "$T/walk/.git"
	cp "$good" "$T/walk/b.txt"
	cp "$good" "$T/walk/a.txt"
	cp "$good" "$T/walk/sub/c.txt"
	cp "$good" "$T/walk/.hidden.txt"
	cp "$good" "$T/walk/.git/d.txt"
	run 0 "$T/walk" || return 1
	grep -o 'dcterms:source "[^"]*"' "$T/out" | sed 's/.*walk\///; s/"$//' >"$T/walk.order"
	printf 'a.txt\nb.txt\nsub/c.txt\n' | cmp - "$T/walk.order" >&2
}
check "directories are read recursively, sorted, without hidden files" t_directory_walk

t_directory_loop() {
	mkdir -p "$T/loop"
	cp "$good" "$T/loop/a.txt"
	ln -s . "$T/loop/self" || return 1
	timeout 60 "$KGX" "$T/loop" >"$T/out" 2>"$T/err"
	local rc=$?
	[ $rc -eq 1 ] || fail "exit $rc, expected 1"
	grep -q "loop" "$T/err" || fail "no message about the loop: $(cat "$T/err")"
	grep -q 'loop/a.txt' "$T/out" || fail "a.txt not processed"
}
check "a symbolic link loop is reported, not followed forever" t_directory_loop

t_base() {
	run 0 -f ntriples --base http://example.org/kg/ "$good" || return 1
	grep -q '^<http://example.org/kg/doc/' "$T/out" || fail "no IRIs under the base"
	! grep -q 'w3id.org/kgx/id/' "$T/out" || fail "IRIs under the default base"
	parses ntriples "$T/out" >/dev/null
}
check "--base moves the minted IRIs" t_base

t_list_rules() {
	run 0 --list-rules || return 1
	grep -q '^# knowledge base: [1-9][0-9]* entries' "$T/out" || fail "no knowledge-base summary"
}
check "--list-rules exits 0 and summarises the knowledge base" t_list_rules

# ------------------------------------------------------------ rules

t_check_rules() {
	run 0 --check-rules
}
check "--check-rules exits 0 on the shipped rules" t_check_rules

t_rule_syntax_error() {
	mkdir -p "$T/bad/patterns"
	printf '# a rule file with a syntax error\n\nthis is not valid\n' >"$T/bad/patterns/bad.rules"
	run 2 --check-rules "$T/bad" || return 1
	grep -q 'bad.rules:3:6: ' "$T/err" || fail "no 'bad.rules:3:6:' in: $(cat "$T/err")"
	# not only --check-rules: any run with these rules
	run 2 --rules "$T/bad" "$good" || return 1
	grep -q 'bad.rules:3:6: ' "$T/err" || fail "no 'bad.rules:3:6:' in: $(cat "$T/err")"
	[ ! -s "$T/out" ] || fail "output written with invalid rules"
}
check "a rule file with a syntax error exits 2 with file:line:col" t_rule_syntax_error

t_rule_bad_pattern() {
	mkdir -p "$T/badre/patterns"
	printf '[broken]\nkind = entity\npattern = (?<name>unclosed\ncreate.name = Person\n' >"$T/badre/patterns/re.rules"
	run 2 --check-rules "$T/badre" || return 1
	grep -q 'does not compile' "$T/err" || fail "no 'does not compile' in: $(cat "$T/err")"
	grep -Eq 're\.rules:[0-9]+:[0-9]+: .*does not compile' "$T/err" || fail "no file:line:col for the pattern"
}
check "a pattern that does not compile exits 2" t_rule_bad_pattern

t_rule_bad_kb() {
	mkdir -p "$T/badkb/kb"
	printf '[x]\nclass = Planet\nnl = Mars\n' >"$T/badkb/kb/x.kb"
	run 2 --check-rules "$T/badkb" || return 1
	grep -q 'x.kb:2:9: ' "$T/err" || fail "no 'x.kb:2:9:' in: $(cat "$T/err")"
}
check "a knowledge file with an unknown class exits 2 with file:line:col" t_rule_bad_kb

t_extra_rules() {
	# a rule directory of one's own extends the built-in rules
	mkdir -p "$T/extra/kb"
	printf '[test-fund-xyz]\nclass = Fund\nen = Xyzzy Testfonds\n' >"$T/extra/kb/extra.kb"
	printf 'Nederland steunt het Xyzzy Testfonds.\n' >"$T/in/extra.txt"
	run 0 --rules "$T/extra" "$T/in/extra.txt" || return 1
	grep -q 'id/test-fund-xyz' "$T/out" || fail "the extra entity was not found"
	run 0 --no-default-rules --rules "$T/extra" "$T/in/extra.txt" || return 1
	grep -q 'id/test-fund-xyz' "$T/out" || fail "the extra entity was not found alone"
	! grep -q 'id/netherlands' "$T/out" || fail "--no-default-rules still loaded the built-in rules"
}
check "--rules DIR adds rules, --no-default-rules leaves the built-in ones out" t_extra_rules

t_quiet() {
	run 0 -q "$T/in/invalid.txt" || return 1
	[ ! -s "$T/err" ] || fail "-q still printed: $(cat "$T/err")"
	run 1 -q "$T/in/no-such-file.txt" || return 1
	grep -q "no-such-file.txt" "$T/err" || fail "-q silenced an error"
}
check "-q silences warnings, not errors" t_quiet

t_output_mode() {
	mkdir -p "$T/mode"
	(umask 022 && "$KGX" -o "$T/mode/r.ttl" "$good" 2>/dev/null) || return 1
	local m
	m=$(stat -c %a "$T/mode/r.ttl")
	[ "$m" = 644 ] || fail "-o FILE created mode $m under umask 022, expected 644"
}
check "-o FILE creates the file with the umask's mode" t_output_mode

# ------------------------------------------------------------ threads

# RUNS runs of -j 4 on one file and on an empty directory (workers that end
# at once): each must exit 0 within its timeout (124 = hung). Once, creating
# and freeing a raptor world per worker thread raced in libxml2/libxslt.
t_jobs_stress() {
	local i rc runs=${KGX_STRESS_RUNS:-25} bad=0
	mkdir -p "$T/stress-empty"
	for ((i = 0; i < runs; i++)); do
		timeout 20 "$KGX" -j 4 "$good" >/dev/null 2>"$T/err"
		rc=$?
		[ $rc -eq 0 ] || { bad=$((bad + 1)); echo "-j 4 $good: exit $rc" >&2; }
		timeout 20 "$KGX" -j 4 "$T/stress-empty" >/dev/null 2>"$T/err"
		rc=$?
		[ $rc -eq 0 ] || { bad=$((bad + 1)); echo "-j 4 (empty directory): exit $rc" >&2; }
	done
	[ $bad -eq 0 ] || fail "$bad of $((2 * runs)) runs failed"
}
check "kgx -j 4 does not crash or hang" t_jobs_stress

t_jobs_same_output() {
	run 0 -j 1 corpus/ || return 1
	mv "$T/out" "$T/j1"
	run 0 -j 4 corpus/ || return 1
	cmp "$T/j1" "$T/out" >&2 || return 1
	run 0 -j 3 -f nquads corpus/*.txt "$T/in/invalid.txt" corpus/ || return 1
	mv "$T/out" "$T/j3"
	run 0 -j 1 -f nquads corpus/*.txt "$T/in/invalid.txt" corpus/ || return 1
	cmp "$T/j3" "$T/out" >&2
}
check "kgx -j N writes what -j 1 writes, in input order" t_jobs_same_output

t_mentions_offsets() {
	# code points, not bytes: an emoji outside the BMP counts once
	printf 'Nederland \xF0\x9F\x98\x80 steunt UNICEF.\n' >"$T/in/emoji.txt"
	run 0 --mentions -f ntriples "$T/in/emoji.txt" || return 1
	grep -q '#char=19,25> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> "UNICEF"' "$T/out" ||
		fail "no nif:Phrase for UNICEF at code points 19-25"
	grep -q '#char=0,26> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Context>' "$T/out" ||
		fail "no nif:Context of 26 code points"
	local n
	n=$(parses ntriples "$T/out") || return 1
	run 0 --mentions corpus/ || return 1
	parses turtle "$T/out" >/dev/null
}
check "--mentions writes NIF phrases with code-point offsets" t_mentions_offsets

t_ontology() {
	[ -f rules/ontology.ttl ] || { echo "skipped: no rules/ontology.ttl" >&2; return 0; }
	local f n want
	want=$(parses turtle rules/ontology.ttl) || return 1
	for f in turtle ntriples nquads; do
		run 0 --ontology -f "$f" || return 1
		n=$(parses "$f" "$T/out") || return 1
		[ "$n" = "$want" ] || fail "--ontology -f $f: $n triples, the file has $want"
	done
}
check "--ontology writes rules/ontology.ttl in every format" t_ontology

t_stats_json() {
	run 0 --stats=json corpus/ || return 1
	python3 - "$T/err" <<'PY' || return 1
import json, sys
d = json.load(open(sys.argv[1]))
assert d["documents"]["read"] == 5 and d["documents"]["failed"] == 0, d["documents"]
assert d["bytes"] > 0 and d["seconds"] >= 0
classes = {"UNBody", "Mission", "Fund", "Minister", "Person", "Organisation",
           "GovernmentBody", "Country", "Event", "Document"}
assert set(d["entities"]["per_class"]) == classes
assert d["entities"]["distinct"] == sum(d["entities"]["per_class"].values())
preds = {"funds", "chairs", "supports", "memberOf", "partOf", "hosts",
         "participatesIn", "ministerOf", "signedBy", "locatedIn"}
assert set(d["relations"]["per_predicate"]) == preds
assert d["relations"]["total"] == sum(d["relations"]["per_predicate"].values()) > 0
top = d["top_entities"]
assert 1 <= len(top) <= 10 and all(set(e) == {"id", "label", "class", "mentions", "documents"} for e in top)
assert all(top[i]["mentions"] >= top[i + 1]["mentions"] for i in range(len(top) - 1))
PY
	run 0 --stats corpus/ || return 1
	grep -q 'documents read' "$T/err" || fail "no text summary"
}
check "--stats=json follows its schema, --stats prints a summary" t_stats_json

t_dot() {
	command -v dot >/dev/null || { echo "skipped: no dot (apt-get install graphviz)" >&2; return 0; }
	run 0 -f dot corpus/ || return 1
	dot -Tsvg "$T/out" >"$T/g.svg" 2>"$T/dot.err" || { cat "$T/dot.err" >&2; return 1; }
	[ ! -s "$T/dot.err" ] || fail "dot warned: $(head -3 "$T/dot.err")"
	grep -q 'label="ministerOf"' "$T/out" || fail "no ministerOf edge"
	! grep -q 'stmt/' "$T/out" || fail "provenance nodes in the picture"
}
check "--format dot is read by dot without warnings, without provenance" t_dot

t_progress() {
	command -v script >/dev/null || { echo "skipped: no script(1)" >&2; return 0; }
	# on a pseudo-terminal: a progress line, erased at the end
	script -qec "env -u KGX_NO_PROGRESS '$KGX' -j1 corpus/ corpus/ >/dev/null" /dev/null >"$T/tty" 2>&1 || return 1
	grep -q 'documents, .* MB/s' "$T/tty" || fail "no progress line on a terminal"
	tr '\r' '\n' <"$T/tty" | tail -n 1 | grep -q 'documents' && fail "progress not erased at the end"
	# in a pipe: nothing
	run 0 corpus/ || return 1
	[ ! -s "$T/err" ] || fail "stderr not empty in a pipe: $(head -c 200 "$T/err")"
	# with -q on a terminal: nothing
	script -qec "'$KGX' -q -j1 corpus/ >/dev/null" /dev/null >"$T/tty" 2>&1 || return 1
	! grep -q 'documents' "$T/tty" || fail "progress despite -q"
}
check "a progress line on a terminal only, erased at the end, none with -q" t_progress

t_man() {
	command -v man >/dev/null || { echo "skipped: no man (apt-get install man-db)" >&2; return 0; }
	MANWIDTH=80 man --warnings -E UTF-8 -l docs/kgx.1 >"$T/man.txt" 2>"$T/man.err" || { cat "$T/man.err" >&2; return 1; }
	[ ! -s "$T/man.err" ] || fail "man warned: $(head -3 "$T/man.err")"
	local opt
	# every long option of --help is in the manual
	for opt in $("$KGX" --help | grep -o -e '--[a-z-]*' | sort -u); do
		grep -q -- "$opt" "$T/man.txt" || fail "the man page lacks $opt"
	done
}
check "the man page renders without warnings and covers every option" t_man

t_install() {
	local dest="$T/prefix" bdir
	bdir=$(dirname "$KGX")
	[ -f "$bdir/cmake_install.cmake" ] || { echo "skipped: not a CMake build directory" >&2; return 0; }
	cmake --install "$bdir" --prefix "$dest" >/dev/null || return 1
	[ -x "$dest/bin/kgx" ] && [ -f "$dest/share/man/man1/kgx.1" ] && [ -d "$dest/share/kgx/rules/kb" ] ||
		fail "install tree incomplete"
	# the installed kgx finds its rules from any directory, without KGX_RULES
	(cd / && env -u KGX_RULES "$dest/bin/kgx" "$SRC/$good" >"$T/inst.ttl") || fail "installed kgx failed"
	[ "$(parses turtle "$T/inst.ttl")" -gt 50 ] || fail "installed kgx found too little"
}
check "cmake --install gives a kgx that finds its rules from anywhere" t_install

t_parallel_shards() {
	command -v parallel >/dev/null || { echo "skipped: no GNU parallel (apt-get install parallel)" >&2; return 0; }
	# the recipe of docs/scale.md: shards of two files, merged with sort -u
	run 0 -f ntriples corpus/ || return 1
	sort -u "$T/out" >"$T/whole.nt"
	ls corpus/*.txt | sort | parallel --will-cite -j2 -N2 "'$KGX' -q -j1 -f ntriples {}" 2>"$T/err" |
		sort -u >"$T/shards.nt" || return 1
	cmp "$T/whole.nt" "$T/shards.nt" >&2 || fail "the shards' union differs from the whole run"
}
check "shards run by GNU parallel merge into the whole run (sort -u)" t_parallel_shards

t_explain() {
	run 0 --explain corpus/ || return 1
	grep -q '^== corpus/' "$T/err" || fail "no document heading"
	grep -q '\[Nederland\]{Country netherlands}' "$T/err" || fail "mentions not marked with class and id"
	grep -q ' signedBy .*\[signature-block\]' "$T/err" || fail "no relation with its rule"
	! grep -q $'\x1b\\[' "$T/err" || fail "colours in a pipe"
	command -v script >/dev/null || return 0
	script -qec "'$KGX' --explain corpus/ >/dev/null" /dev/null >"$T/tty" 2>&1 || return 1
	grep -q $'\x1b\\[1;' "$T/tty" || fail "no colours on a terminal"
	NO_COLOR=1 script -qec "'$KGX' --explain corpus/ >/dev/null" /dev/null >"$T/tty" 2>&1 || return 1
	! grep -q $'\x1b\\[1;' "$T/tty" || fail "colours despite NO_COLOR"
	run 0 --explain="$T/rel.tsv" corpus/ || return 1
	head -1 "$T/rel.tsv" | grep -q $'^document\tsubject\tpredicate' || fail "TSV without header"
	[ "$(awk -F'\t' 'NF != 9' "$T/rel.tsv" | wc -l)" -eq 0 ] || fail "TSV rows without 9 fields"
}
check "--explain marks mentions, lists relations with rules, colours only on a terminal" t_explain

# ------------------------------------------------------------ options of the command line

t_stdin_name() {
	local other a b
	other=$(ls corpus/*.txt | sed -n 2p)
	"$KGX" -f ntriples - <"$good" >"$T/s1.nt" 2>/dev/null || fail "exit $?" || return 1
	"$KGX" -f ntriples - <"$other" >"$T/s2.nt" 2>/dev/null || fail "exit $?" || return 1
	"$KGX" -f ntriples - <"$good" >"$T/s3.nt" 2>/dev/null || fail "exit $?" || return 1
	a=$(grep -o '<[^>]*/doc/[^>]*>' "$T/s1.nt" | sort -u)
	b=$(grep -o '<[^>]*/doc/[^>]*>' "$T/s2.nt" | sort -u)
	[ "$(wc -l <<<"$a")" = 1 ] && [ "$(wc -l <<<"$b")" = 1 ] || fail "not one document IRI each" || return 1
	[ "$a" != "$b" ] || fail "two letters on stdin got the same IRI $a" || return 1
	[[ $a == *'/doc/stdin-'[0-9a-f]*'>' ]] || fail "not a stdin-HASH name: $a" || return 1
	cmp -s "$T/s1.nt" "$T/s3.nt" || fail "the same letter twice got different output" || return 1
	"$KGX" -f ntriples --stdin-name letters/a.pdf - <"$good" >"$T/s4.nt" 2>/dev/null || fail "exit $?" || return 1
	grep -q '/doc/letters/a.pdf> ' "$T/s4.nt" || fail "--stdin-name not used: $(grep -o '/doc/[^>]*>' "$T/s4.nt" | head -n 1)" || return 1
	grep -q 'terms/source> "letters/a.pdf"' "$T/s4.nt" || fail "dcterms:source is not the name" || return 1
	run 2 --stdin-name '' - || return 1
}
check "stdin: a document IRI from its contents, or --stdin-name NAME" t_stdin_name

t_max_size_overflow() {
	local v
	for v in 17592186044417M 4097M 5G 4294967297 -1 -18446744073709551615 +5 ' 5' 0 1T 18446744073709551616; do
		run 2 --max-size "$v" "$good" || { echo "(--max-size '$v')" >&2; return 1; }
		grep -q -- '--max-size' "$T/err" || fail "no message for '$v'" || return 1
	done
	run 0 --max-size 4G "$good" || return 1
	run 0 --max-size 4096M "$good"
}
check "--max-size: overflow, signs, blanks and zero refused with exit 2; 4G accepted" t_max_size_overflow

t_no_rules() {
	run 2 --no-default-rules "$good" || return 1
	grep -q 'no rules' "$T/err" || fail "no message: $(cat "$T/err")" || return 1
	[ ! -s "$T/out" ] || fail "output written" || return 1
	mkdir -p "$T/empty-rules"
	KGX_RULES=$T/empty-rules run 2 "$good" || return 1
	grep -q 'empty-rules: no rules' "$T/err" || fail "no message naming the directory: $(cat "$T/err")" || return 1
	run 2 --no-default-rules --check-rules || return 1
}
check "no rules and no knowledge (--no-default-rules alone, an empty KGX_RULES directory): exit 2" t_no_rules

t_globs() {
	local d=$T/sel
	mkdir -p "$d/sub/deep" "$d/drafts"
	local f
	for f in a.txt b.md sub/c.txt sub/deep/d.txt drafts/e.txt; do
		printf 'Nederland steunt de Verenigde Naties (%s).\n' "$f" >"$d/$f"
	done
	sel() {  # the documents read, by path below $d
		run 0 -f ntriples "$@" || return 1
		grep -o 'terms/source> "[^"]*"' "$T/out" | sed 's/.*sel\///; s/"$//' | tr '\n' ' '
	}
	local got
	got=$(sel "$d") && [ "$got" = "a.txt b.md drafts/e.txt sub/c.txt sub/deep/d.txt " ] || fail "all: $got" || return 1
	got=$(sel -g '*.txt' "$d") && [ "$got" = "a.txt drafts/e.txt sub/c.txt sub/deep/d.txt " ] || fail "-g '*.txt': $got" || return 1
	got=$(sel -g '*.txt' --exclude drafts "$d") && [ "$got" = "a.txt sub/c.txt sub/deep/d.txt " ] || fail "--exclude drafts: $got" || return 1
	got=$(sel -g '!sub/' "$d/") && [ "$got" = "a.txt b.md drafts/e.txt " ] || fail "-g '!sub/': $got" || return 1
	got=$(sel -g 'sub/*.txt' "$d") && [ "$got" = "sub/c.txt " ] || fail "-g 'sub/*.txt': $got" || return 1
	got=$(sel -g 'sub/**/*.txt' "$d") && [ "$got" = "sub/c.txt sub/deep/d.txt " ] || fail "-g 'sub/**/*.txt': $got" || return 1
	got=$(sel -g '**/d.txt' "$d") && [ "$got" = "sub/deep/d.txt " ] || fail "-g '**/d.txt': $got" || return 1
	# the last glob that matches decides
	got=$(sel -g '*.txt' -g '!c.txt' -g 'c.*' "$d") && [ "$got" = "a.txt drafts/e.txt sub/c.txt sub/deep/d.txt " ] ||
		fail "last match: $got" || return 1
	# a file named on the command line is read whatever the globs say
	got=$(sel -g '*.txt' "$d/b.md") && [ "$got" = "b.md " ] || fail "named: $got" || return 1
	run 2 -g '' "$d" || return 1
	run 2 --exclude '' "$d"
}
check "--glob and --exclude choose files in directories as ripgrep's -g does" t_globs

t_input_format() {
	run 2 --input-format bogus "$good" || return 1
	grep -q "unknown input format 'bogus'" "$T/err" || fail "no message: $(cat "$T/err")" || return 1
	printf '<html><body><nav>Menu</nav><p>Nederland steunt de Verenigde Naties.</p></body></html>\n' >"$T/in/page.html"
	run 0 -f ntriples "$T/in/page.html" || return 1
	! grep -q 'evidence> "[^"]*<p>' "$T/out" || fail "auto: markup in the evidence" || return 1
	run 0 -f ntriples --input-format text "$T/in/page.html" || return 1
	grep -q 'evidence> "[^"]*<p>' "$T/out" || fail "--input-format text: the page was not read as text"
}
check "--input-format forces a reader; an unknown format exits 2" t_input_format

# ------------------------------------------------------------ known bugs
# Checks that document an open bug go here as 'known NAME FUNCTION', so that
# they run only with -DKGX_KNOWN_BUGS=ON (none open now).

finish
