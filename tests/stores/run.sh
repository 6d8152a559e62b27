#!/usr/bin/env bash
# kgx's output in real RDF tools: a SHACL engine, and two triplestores.
#
#   bash tests/stores/run.sh KGX SRCDIR shacl
#   bash tests/stores/run.sh KGX SRCDIR stores
#
# KGX is the built binary, SRCDIR the repository. Both modes run kgx over
# SRCDIR/corpus/ (as "corpus/", so the document IRIs are doc/corpus/...).
#
# shacl:  rules/ontology.ttl and docs/shapes.ttl parse; the ontology declares
#         every kgx term of OUTPUT.md and every kgx term kgx writes, with
#         labels and comments in Dutch and English; kgx --ontology (where
#         kgx has it) writes the same triples; the Turtle, N-Triples and
#         N-Quads output conform to docs/shapes.ttl under rdf-validate-shacl
#         (npm), and a broken fixture (bad.ttl) is caught by every shape it
#         names.
# stores: Oxigraph (npm oxigraph, in-memory) and Virtuoso Open Source 7 (a
#         private instance on loopback in a temporary directory, bulk
#         loaded) load every format kgx writes; both report the same triple
#         counts; loading two runs (and two overlapping halves of the
#         corpus) gives the same count as one run; the competency queries
#         docs/queries/*.rq give the same answers in both stores and every
#         format, and the answers match docs/queries/*.expected; the
#         integrity queries tests/stores/checks/*.rq return no rows. Load
#         times and counts are printed per store and format.
#
# The npm packages come from tests/stores/package-lock.json (installed by
# scripts/install-deps, or here with npm ci when missing); Virtuoso from
# Debian's virtuoso-opensource-7-bin. What a missing tool keeps from running
# is skipped ("ok N - name # SKIP REASON"), not failed.
#
# Prints "ok N - name" / "not ok N - name" per check, then "N passed, M
# failed, K skipped" (tests/lib.sh); exits non-zero if any check failed,
# and shows the output of every check. KGX_STORES_KEEP=1 keeps the
# temporary directory. KGX_UPDATE_EXPECTED=1 rewrites the rows of the
# .expected files from this run's answers (see docs/queries/README.md).
usage="KGX SRCDIR shacl|stores"
suite=stores
# shellcheck source-path=SCRIPTDIR source=../lib.sh
. "$(dirname "$0")/../lib.sh" || exit 2
MODE=$3
case $MODE in shacl | stores) ;; *) usage_error ;; esac
HERE=$SRC/tests/stores
QUERIES=$SRC/docs/queries
keep_tmp=${KGX_STORES_KEEP:-0}
VPID=
on_exit() {
	virtuoso_stop
}
cd "$SRC" || exit 2
# a passing check shows its output too: load times, counts, answers
pass_log='s/^/#   /p'
log_lines=60

ms() { date +%s%3N; }

# ------------------------------------------------------------ tools

# node_ready: node and the packages of tests/stores/package-lock.json are
# there, installing the packages with npm ci if they are missing.
node_ready() {
	command -v node >/dev/null || { echo "node is not installed"; return 1; }
	if [ ! -f "$HERE/node_modules/.kgx-lock" ] || ! cmp -s "$HERE/package-lock.json" "$HERE/node_modules/.kgx-lock"; then
		command -v npm >/dev/null || { echo "npm is not installed (scripts/install-deps installs the packages when it is)"; return 1; }
		# ctest runs the shacl and stores tests at once: one npm ci at a time
		(
			flock 9
			if [ ! -f "$HERE/node_modules/.kgx-lock" ] || ! cmp -s "$HERE/package-lock.json" "$HERE/node_modules/.kgx-lock"; then
				npm ci --prefix "$HERE" --no-audit --no-fund --loglevel=error >"$T/npm.log" 2>&1 &&
					cp "$HERE/package-lock.json" "$HERE/node_modules/.kgx-lock"
			fi
		) 9>"${TMPDIR:-/tmp}/kgx-stores-npm.lock" || {
			echo "npm ci --prefix tests/stores failed: $(tail -n 3 "$T/npm.log" | tr '\n' ' ')"
			return 1
		}
	fi
	(cd "$HERE" && node --input-type=module -e \
		"await import('n3'); await import('oxigraph'); await import('rdf-validate-shacl')") >"$T/node.log" 2>&1 ||
		{ echo "the npm packages in tests/stores/node_modules do not load: $(tail -n 2 "$T/node.log" | tr '\n' ' ')"; return 1; }
}

# kgx_out FILE ARGS...: run kgx -q with ARGS, output in FILE; exit status 0.
kgx_out() {
	local out=$1
	shift
	run 0 -q "$@" && mv "$W/out" "$out"
}

# ------------------------------------------------------------ shacl

t_parse() {
	local f c
	for f in rules/ontology.ttl docs/shapes.ttl "$HERE/bad.ttl"; do
		c=$(parses turtle "$f") || return 1
		echo "$f: $c triples"
	done
}

# The terms OUTPUT.md lists.
CLASSES="UNBody Mission Fund Minister Person Organisation GovernmentBody Country Event Document"
OBJECT_PROPERTIES="funds chairs supports memberOf partOf hosts participatesIn ministerOf signedBy locatedIn"
DATATYPE_PROPERTIES="evidence beginIndex endIndex rule amount currency year startYear endYear"

t_ontology() {
	local O=https://w3id.org/kgx/ontology# RDF=http://www.w3.org/1999/02/22-rdf-syntax-ns#
	local RDFS=http://www.w3.org/2000/01/rdf-schema# OWL=http://www.w3.org/2002/07/owl#
	local t kind lang p bad=0
	ntset turtle rules/ontology.ttl "$T/ontology.nt" || return 1
	if grep -q '_:' "$T/ontology.nt"; then fail "blank nodes in rules/ontology.ttl"; bad=1; fi
	check_term() { # TERM KIND
		grep -qF "<$O$1> <${RDF}type> <$OWL$2> ." "$T/ontology.nt" || { echo "kgx:$1 is not an owl:$2"; bad=1; }
		for p in label comment; do
			for lang in nl en; do
				grep -qE "^<$O$1> <$RDFS$p> \".+\"@$lang \.\$" "$T/ontology.nt" ||
					{ echo "kgx:$1 has no rdfs:$p@$lang"; bad=1; }
			done
		done
	}
	for t in $CLASSES; do check_term "$t" Class; done
	for t in $OBJECT_PROPERTIES; do check_term "$t" ObjectProperty; done
	for t in $DATATYPE_PROPERTIES; do check_term "$t" DatatypeProperty; done
	grep -qF "<${O}Minister> <${RDFS}subClassOf> <${O}Person> ." "$T/ontology.nt" ||
		{ echo "kgx:Minister is not an rdfs:subClassOf kgx:Person"; bad=1; }
	# every kgx: term in kgx's output is declared
	grep -o "<$O[A-Za-z]*>" "$T/corpus.nt" | sort -u >"$T/used"
	while read -r t; do
		grep -q "^$t <${RDF}type> <$OWL" "$T/ontology.nt" || { echo "kgx writes $t, which rules/ontology.ttl does not declare"; bad=1; }
	done <"$T/used"
	echo "$(wc -l <"$T/ontology.nt") triples; $(wc -l <"$T/used") kgx terms in the output, all declared"
	[ $bad -eq 0 ]
}

t_kgx_ontology() {
	local f
	for f in turtle ntriples nquads; do
		kgx_out "$T/onto.$f" --ontology -f "$f" || return 1
		ntset "$f" "$T/onto.$f" "$T/onto.$f.nt" || fail "kgx --ontology -f $f does not parse" || return 1
		cmp -s "$T/onto.$f.nt" "$T/ontology.nt" ||
			{ diff "$T/ontology.nt" "$T/onto.$f.nt" | head -n 10 >&2; fail "kgx --ontology -f $f differs from rules/ontology.ttl"; return 1; }
		echo "kgx --ontology -f $f: $(wc -l <"$T/onto.$f.nt") triples, the same as rules/ontology.ttl"
	done
}

t_shacl() {
	local f=("$T/corpus.ttl" "$T/corpus.nt" "$T/corpus.nq")
	[ -s "$T/mentions.ttl" ] && f+=("$T/mentions.ttl" "$T/mentions.nq")
	node "$HERE/shacl.mjs" docs/shapes.ttl "${f[@]}"
}

# Names that differ but make one slug ("A.B. Jansen" and "A. B. Jansen",
# "Foo Bar" and "foo-bar") gave one IRI two rdfs:label values (issue 15):
# kgx's output for them, with a rule that defines every bracketed name,
# conforms to the shapes (kgxsh:Entity-label says one label).
t_shacl_collision() {
	mkdir -p "$T/collision/rules/patterns" || return 1
	printf '[bracketed]\nkind = entity\npattern = \\[(?<name>[^\\]]+)\\]\ncreate.name = Organisation\n' \
		>"$T/collision/rules/patterns/b.rules"
	printf 'Zie [Fonds A.B. Jansen] en [Fonds A. B. Jansen].\n\nOok [Foo Bar] en [foo-bar].\n' >"$T/collision/doc.txt"
	kgx_out "$T/collision.nt" -f ntriples --rules "$T/collision/rules" "$T/collision/doc.txt" || return 1
	[ "$(grep -c 'rdf-schema#label>' "$T/collision.nt")" -ge 2 ] || fail "the names were not found" || return 1
	node "$HERE/shacl.mjs" docs/shapes.ttl "$T/collision.nt"
}

t_shacl_catches() {
	# bad.ttl names, in '# expect: SHAPE' lines, the shapes it must violate
	if node "$HERE/shacl.mjs" docs/shapes.ttl "$HERE/bad.ttl" >"$T/bad.out"; then
		fail "bad.ttl conforms"
		return 1
	fi
	local shape bad=0 want=0
	for shape in $(sed -n 's/^# expect: //p' "$HERE/bad.ttl"); do
		want=$((want + 1))
		grep -qF "[<https://w3id.org/kgx/shapes#$shape>]" "$T/bad.out" || { echo "kgxsh:$shape was not reported"; bad=1; }
	done
	[ $want -gt 0 ] || fail "no '# expect:' lines in bad.ttl" || return 1
	echo "$want shapes reported, as expected; $(tail -n 1 "$T/bad.out")"
	[ $bad -eq 0 ] || { cat "$T/bad.out" >&2; return 1; }
}

run_shacl() {
	need rapper "rapper (raptor2-utils)"
	kgx_out "$T/corpus.ttl" corpus/ || exit 1
	kgx_out "$T/corpus.nt" -f ntriples corpus/ || exit 1
	kgx_out "$T/corpus.nq" -f nquads corpus/ || exit 1
	if "$KGX" --help 2>&1 | grep -q -- '--mentions'; then
		kgx_out "$T/mentions.ttl" --mentions corpus/ || exit 1
		kgx_out "$T/mentions.nq" --mentions -f nquads corpus/ || exit 1
	else
		skip "kgx --mentions output" "kgx has no --mentions option yet"
	fi
	check "rules/ontology.ttl, docs/shapes.ttl and tests/stores/bad.ttl parse" t_parse
	check "rules/ontology.ttl declares every kgx term, with @nl and @en labels and comments" t_ontology
	if "$KGX" --help 2>&1 | grep -q -- '--ontology'; then
		check "kgx --ontology writes rules/ontology.ttl in every format" t_kgx_ontology
	else
		skip "kgx --ontology writes rules/ontology.ttl in every format" "kgx has no --ontology option yet"
	fi
	local why
	if why=$(node_ready); then
		check "kgx's Turtle, N-Triples and N-Quads (and --mentions) conform to docs/shapes.ttl (rdf-validate-shacl)" t_shacl
		check "the shapes catch every defect of tests/stores/bad.ttl" t_shacl_catches
		check "names that make one IRI (A.B./A. B., Foo Bar/foo-bar) conform: one rdfs:label" t_shacl_collision
	else
		skip "SHACL validation" "$why"
	fi
	finish
}

# ------------------------------------------------------------ stores

# The sets loaded into each store: NAME FILE...
# turtle, ntriples, nquads: one run over corpus/ in each format;
# mentions, mentions-nquads: one run with --mentions (NIF annotations), as
# Turtle and as N-Quads;
# turtle-twice, nquads-twice: two runs over corpus/, loaded together;
# halves: one run over the first half of the letters and one over the
# second (the middle one in both), as N-Triples.
# The queries run on the QSETS.
SETS="turtle ntriples nquads mentions mentions-nquads turtle-twice nquads-twice halves"
QSETS="turtle ntriples nquads mentions mentions-nquads"

make_sets() {
	local files mid set
	mapfile -t files < <(ls corpus/*.txt)
	[ ${#files[@]} -ge 2 ] || { echo "$0: fewer than two letters in corpus/" >&2; return 1; }
	mid=$(((${#files[@]} + 1) / 2))
	if ! "$KGX" --help 2>&1 | grep -q -- '--mentions'; then
		skip "the mentions sets" "kgx has no --mentions option yet"
		SETS=${SETS//mentions-nquads /}
		SETS=${SETS//mentions /}
		QSETS="turtle ntriples nquads"
	fi
	for set in $SETS; do mkdir -p "$T/sets/$set"; done
	kgx_out "$T/sets/turtle/kgx.ttl" corpus/ || return 1
	kgx_out "$T/sets/ntriples/kgx.nt" -f ntriples corpus/ || return 1
	kgx_out "$T/sets/nquads/kgx.nq" -f nquads corpus/ || return 1
	if [ -d "$T/sets/mentions" ]; then
		kgx_out "$T/sets/mentions/kgx.ttl" --mentions corpus/ || return 1
		kgx_out "$T/sets/mentions-nquads/kgx.nq" --mentions -f nquads corpus/ || return 1
	fi
	cp "$T/sets/turtle/kgx.ttl" "$T/sets/turtle-twice/run1.ttl"
	kgx_out "$T/sets/turtle-twice/run2.ttl" corpus/ || return 1
	cp "$T/sets/nquads/kgx.nq" "$T/sets/nquads-twice/run1.nq"
	kgx_out "$T/sets/nquads-twice/run2.nq" -f nquads corpus/ || return 1
	kgx_out "$T/sets/halves/first.nt" -f ntriples "${files[@]:0:$mid}" || return 1
	kgx_out "$T/sets/halves/second.nt" -f ntriples "${files[@]:$((mid - 1))}" || return 1
	echo "# sets: ${#files[@]} letters; halves: letters 1-$mid and $mid-${#files[@]}"
}

# count STORE SET: "TRIPLES QUADS" as the store reported them.
count() {
	sed -n 's/^load: .* \([0-9][0-9]*\) quads, \([0-9][0-9]*\) triples$/\2 \1/p' "$T/res/$1/$2/load.txt"
}

# ------------------------------------------------------------ Oxigraph

oxigraph_load() {
	local set=$1 q=()
	case " $QSETS " in *" $set "*) q=(-- "$QUERIES"/*.rq "$HERE"/checks/*.rq) ;; esac
	mkdir -p "$T/res/oxigraph/$set"
	node "$HERE/oxigraph.mjs" "$T/res/oxigraph/$set" "$T/sets/$set"/* "${q[@]}" >"$T/res/oxigraph/$set/load.txt" 2>&1 ||
		{ cat "$T/res/oxigraph/$set/load.txt"; return 1; }
	grep '^load:' "$T/res/oxigraph/$set/load.txt"
}

# ------------------------------------------------------------ Virtuoso

VPORT=
VHTTP=

port_busy() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# virtuoso_start: a private instance in $T/virtuoso with its own
# virtuoso.ini, on free ports of 127.0.0.1; tries ten port pairs.
virtuoso_start() {
	local V=$T/virtuoso attempt i
	for attempt in 0 1 2 3 4 5 6 7 8 9; do
		VPORT=$((21111 + attempt * 10 + RANDOM % 10))
		VHTTP=$((28890 + attempt * 10 + RANDOM % 10))
		port_busy "$VPORT" && continue
		port_busy "$VHTTP" && continue
		rm -rf "$V"
		mkdir -p "$V"
		cat >"$V/virtuoso.ini" <<-EOF
		[Database]
		DatabaseFile = $V/virtuoso.db
		ErrorLogFile = $V/virtuoso.log
		LockFile = $V/virtuoso.lck
		TransactionFile = $V/virtuoso.trx
		xa_persistent_file = $V/virtuoso.pxa
		ErrorLogLevel = 7
		FileExtend = 200
		MaxCheckpointRemap = 2000
		Striping = 0
		TempStorage = TempDatabase

		[TempDatabase]
		DatabaseFile = $V/virtuoso-temp.db
		TransactionFile = $V/virtuoso-temp.trx
		MaxCheckpointRemap = 2000
		Striping = 0

		[Parameters]
		ServerPort = 127.0.0.1:$VPORT
		DisableUnixSocket = 1
		DisableTcpSocket = 0
		ServerThreads = 10
		CheckpointInterval = 0
		NumberOfBuffers = 10000
		MaxDirtyBuffers = 6000
		DirsAllowed = ., $T/sets
		ThreadCleanupInterval = 0
		ResourcesCleanupInterval = 0

		[HTTPServer]
		ServerPort = 127.0.0.1:$VHTTP
		ServerRoot = $V
		MaxClientConnections = 4
		ServerThreads = 4

		[SPARQL]
		ResultSetMaxRows = 1000000
		MaxQueryExecutionTime = 300
		MaxQueryCostEstimationTime = 0
		EOF
		# under timeout, so that it stops by itself should this script be
		# killed (by ctest's TIMEOUT) before it can stop it
		(cd "$V" && exec timeout 1200 virtuoso-t +foreground +configfile "$V/virtuoso.ini") >"$V/stdout" 2>&1 &
		VPID=$!
		for i in $(seq 1 300); do
			kill -0 "$VPID" 2>/dev/null || break
			if isql-vt "127.0.0.1:$VPORT" dba dba exec="select 1;" >/dev/null 2>&1 &&
				curl -s -o /dev/null "http://127.0.0.1:$VHTTP/sparql"; then
				echo "virtuoso: pid $VPID, 127.0.0.1:$VPORT, http://127.0.0.1:$VHTTP/sparql, up after $((i / 5)).$((i % 5 * 2)) s"
				return 0
			fi
			sleep 0.2
		done
		echo "virtuoso did not come up on ports $VPORT/$VHTTP:" >&2
		tail -n 5 "$V/virtuoso.log" "$V/stdout" >&2 2>/dev/null
		virtuoso_stop
	done
	return 1
}

virtuoso_stop() {
	[ -n "$VPID" ] || return 0
	kill -TERM "$VPID" 2>/dev/null
	local i
	for i in $(seq 1 100); do
		kill -0 "$VPID" 2>/dev/null || break
		sleep 0.1
	done
	kill -0 "$VPID" 2>/dev/null && kill -KILL "$VPID" 2>/dev/null
	wait "$VPID" 2>/dev/null
	VPID=
}

# visql SQL: run SQL in the instance; fails on any "*** Error" (isql-vt
# itself exits 0 when a statement fails).
visql() {
	isql-vt "127.0.0.1:$VPORT" dba dba exec="$1" >"$T/isql.out" 2>&1 ||
		{ cat "$T/isql.out" >&2; return 1; }
	if grep -q '\*\*\* Error' "$T/isql.out"; then
		grep -A2 '\*\*\* Error' "$T/isql.out" >&2
		return 1
	fi
}

# vsparql QUERYFILE OUT.json: a query over the SPARQL HTTP endpoint.
vsparql() {
	curl -sS --fail-with-body -X POST "http://127.0.0.1:$VHTTP/sparql" \
		-H 'Accept: application/sparql-results+json' \
		--data-urlencode "query@$1" -o "$2" || { cat "$2" >&2; return 1; }
}

# virtuoso_load SET: clear kgx's graphs, bulk-load the set, check
# DB.DBA.LOAD_LIST for errors, count, and run the queries on query sets.
virtuoso_load() {
	local set=$1 out=$T/res/virtuoso/$1 t0 t1 files bytes q json
	mkdir -p "$out"
	visql "log_enable(3,1); DELETE FROM DB.DBA.RDF_QUAD WHERE id_to_iri(G) LIKE 'https://w3id.org/kgx/%'; DELETE FROM DB.DBA.LOAD_LIST;" || return 1
	files=$(ls "$T/sets/$set" | wc -l)
	bytes=$(cat "$T/sets/$set"/* | wc -c)
	t0=$(ms)
	# .nq files keep their own graphs; the graph argument is for the others
	visql "ld_dir('$T/sets/$set', '*.*', 'https://w3id.org/kgx/graph/$set'); rdf_loader_run(); checkpoint;" || return 1
	t1=$(ms)
	visql "SELECT ll_file, ll_state, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL OR ll_state <> 2;" || return 1
	grep -q '^0 Rows' "$T/isql.out" || { echo "load errors in DB.DBA.LOAD_LIST:" >&2; cat "$T/isql.out" >&2; return 1; }
	visql "SELECT COUNT(*) FROM DB.DBA.LOAD_LIST;" || return 1
	grep -qE "^ *$files *\$" "$T/isql.out" || { echo "DB.DBA.LOAD_LIST does not list $files files:" >&2; cat "$T/isql.out" >&2; return 1; }
	cat >"$T/count-triples.rq" <<-'EOF'
	SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), "https://w3id.org/kgx/")) } }
	EOF
	cat >"$T/count-quads.rq" <<-'EOF'
	SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), "https://w3id.org/kgx/")) }
	EOF
	vsparql "$T/count-triples.rq" "$T/ct.json" || return 1
	vsparql "$T/count-quads.rq" "$T/cq.json" || return 1
	local triples quads
	triples=$(grep -o '"value": *"[0-9]*"' "$T/ct.json" | grep -o '[0-9][0-9]*')
	quads=$(grep -o '"value": *"[0-9]*"' "$T/cq.json" | grep -o '[0-9][0-9]*')
	echo "load: $files files, $bytes bytes, $((t1 - t0)) ms, $quads quads, $triples triples" | tee "$out/load.txt"
	case " $QSETS " in *" $set "*) ;; *) return 0 ;; esac
	for q in "$QUERIES"/*.rq "$HERE"/checks/*.rq; do
		json=$out/$(basename "$q" .rq).json
		vsparql "$q" "$json" || { echo "virtuoso: query $q failed" >&2; return 1; }
	done
	node "$HERE/canon.mjs" "$out"/*.json
}

# ------------------------------------------------------------ store checks

t_load() {
	local store=$1 set=$2
	"${store}_load" "$set"
}

t_counts_agree() {
	local store set c ref bad=0
	ref=$(count oxigraph ntriples | cut -d' ' -f1)
	[ -n "$ref" ] && [ "$ref" -gt 1000 ] || fail "Oxigraph counted ${ref:-no} triples from N-Triples" || return 1
	sort -u "$T/sets/ntriples/kgx.nt" | grep -c . >"$T/nt.lines"
	[ "$(cat "$T/nt.lines")" = "$ref" ] || { echo "the N-Triples file has $(cat "$T/nt.lines") distinct lines, Oxigraph $ref triples"; bad=1; }
	for store in "${STORES[@]}"; do
		for set in turtle ntriples nquads; do
			c=$(count "$store" "$set" | cut -d' ' -f1)
			[ "$c" = "$ref" ] || { echo "$store $set: $c triples, expected $ref"; bad=1; }
		done
	done
	[ $bad -eq 0 ] && echo "$ref triples in every store and format"
	[ $bad -eq 0 ]
}

t_incremental() {
	local store bad=0 one two
	for store in "${STORES[@]}"; do
		one=$(count "$store" turtle) two=$(count "$store" turtle-twice)
		[ -n "$one" ] && [ "$one" = "$two" ] || { echo "$store: one Turtle run $one, two runs $two (triples quads)"; bad=1; }
		one=$(count "$store" nquads) two=$(count "$store" nquads-twice)
		[ -n "$one" ] && [ "$one" = "$two" ] || { echo "$store: one N-Quads run $one, two runs $two (triples quads)"; bad=1; }
		one=$(count "$store" ntriples | cut -d' ' -f1) two=$(count "$store" halves | cut -d' ' -f1)
		[ -n "$one" ] && [ "$one" = "$two" ] || { echo "$store: whole corpus $one triples, two halves $two"; bad=1; }
		[ $bad -eq 0 ] && echo "$store: two runs = one run ($(count "$store" turtle | cut -d' ' -f1) triples; N-Quads $(count "$store" nquads | cut -d' ' -f2) quads), two halves = whole"
	done
	[ $bad -eq 0 ]
}

t_same_answers() {
	local ref=$T/res/oxigraph/turtle store set bad=0 f
	for store in "${STORES[@]}"; do
		for set in $QSETS; do
			[ "$store/$set" = oxigraph/turtle ] && continue
			for f in "$ref"/*.tsv; do
				if ! cmp -s "$f" "$T/res/$store/$set/$(basename "$f")"; then
					echo "$store $set: $(basename "$f" .tsv) differs from Oxigraph turtle:"
					diff "$f" "$T/res/$store/$set/$(basename "$f")" | head -n 6
					bad=1
				fi
			done
		done
	done
	[ $bad -eq 0 ] && echo "$(ls "$ref"/*.tsv | wc -l) queries x ${#STORES[@]} stores x $(wc -w <<<"$QSETS") sets ($QSETS): identical answers"
	[ $bad -eq 0 ]
}

t_expected() {
	local q name res bad=0 nq=0
	for q in "$QUERIES"/*.rq; do
		name=$(basename "$q" .rq)
		nq=$((nq + 1))
		res=$T/res/oxigraph/turtle/$name.tsv
		if [ ! -f "$QUERIES/$name.expected" ]; then
			echo "$name: no docs/queries/$name.expected"
			bad=1
			continue
		fi
		if [ "${KGX_UPDATE_EXPECTED:-0}" = 1 ]; then
			node "$HERE/expect.mjs" --update "$QUERIES/$name.expected" "$res"
		fi
		if node "$HERE/expect.mjs" "$QUERIES/$name.expected" "$res" >"$T/expect.out"; then
			echo "$name: $(cat "$T/expect.out")"
		else
			echo "$name: does not match docs/queries/$name.expected:"
			sed -e 's/^/  /' "$T/expect.out"
			bad=1
		fi
	done
	[ $nq -ge 8 ] || { echo "only $nq competency queries in docs/queries"; bad=1; }
	[ $bad -eq 0 ]
}

t_integrity() {
	local f bad=0 rows
	for f in "$T"/res/oxigraph/turtle/check-*.tsv; do
		rows=$(($(wc -l <"$f") - 1))
		if [ "$rows" -ne 0 ]; then
			echo "$(basename "$f" .tsv): $rows rows:"
			sed -n '2,6p' "$f"
			bad=1
		else
			echo "$(basename "$f" .tsv): no rows"
		fi
	done
	[ $bad -eq 0 ]
}

summary() {
	local store set
	echo "# store     set               files     bytes  load ms   triples     quads"
	for store in "${STORES[@]}"; do
		for set in $SETS; do
			[ -f "$T/res/$store/$set/load.txt" ] || continue
			sed -n "s/^load: \([0-9]*\) files, \([0-9]*\) bytes, \([0-9]*\) ms, \([0-9]*\) quads, \([0-9]*\) triples\$/\1 \2 \3 \5 \4/p" \
				"$T/res/$store/$set/load.txt" |
				while read -r f b m t q; do
					printf '# %-9s %-16s %6s %9s %8s %9s %9s\n' "$store" "$set" "$f" "$b" "$m" "$t" "$q"
				done
		done
	done
	echo "# answers (Oxigraph, Turtle): rows per query"
	for f in "$T"/res/oxigraph/turtle/*.tsv; do
		printf '#   %-32s %5d\n' "$(basename "$f" .tsv)" "$(($(wc -l <"$f") - 1))"
	done
}

run_stores() {
	local why set
	STORES=()
	if ! why=$(node_ready); then
		skip "Oxigraph and the store comparison" "$why"
		finish
		return
	fi
	make_sets || exit 1
	STORES+=(oxigraph)
	for set in $SETS; do
		check "Oxigraph loads $set" t_load oxigraph "$set"
	done
	if ! command -v virtuoso-t >/dev/null || ! command -v isql-vt >/dev/null; then
		skip "Virtuoso" "virtuoso-t or isql-vt not found (scripts/install-deps installs virtuoso-opensource-7-bin)"
	elif ! command -v curl >/dev/null; then
		skip "Virtuoso" "curl not found"
	else
		check "Virtuoso starts a private instance on loopback" virtuoso_start
		if [ -n "$VPID" ]; then
			STORES+=(virtuoso)
			for set in $SETS; do
				check "Virtuoso bulk-loads $set with no load error" t_load virtuoso "$set"
			done
			virtuoso_stop
		fi
	fi
	check "every store counts the same triples from Turtle, N-Triples and N-Quads" t_counts_agree
	check "two runs load to the count of one, and two halves to the whole (deterministic IRIs)" t_incremental
	check "competency and integrity queries: same answers in ${STORES[*]}, in every set" t_same_answers
	check "competency queries match docs/queries/*.expected" t_expected
	check "integrity queries (tests/stores/checks) return no rows" t_integrity
	summary
	finish
}

case $MODE in
shacl) run_shacl ;;
stores) run_stores ;;
esac
