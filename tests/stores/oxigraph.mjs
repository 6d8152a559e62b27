// Load RDF files into a fresh in-memory Oxigraph store and run SPARQL queries.
//
//   node oxigraph.mjs OUTDIR FILE... [-- QUERY.rq...]
//
// Loads every FILE (.ttl Turtle, .nt N-Triples, .nq N-Quads, chosen by
// extension) into one store, then prints one line
//
//   load: FILES files, BYTES bytes, MS ms, QUADS quads, TRIPLES triples
//
// (TRIPLES: distinct triples over all graphs), and writes the canonical TSV
// of each QUERY (see canon.mjs) to OUTDIR/NAME.tsv, NAME being the query's
// file name without .rq. Queries see the union of all graphs as their
// default graph, as Virtuoso's endpoint does. Exits 1 when a file does not
// load or a query fails.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import oxigraph from 'oxigraph';
import { canonTSV } from './canon.mjs';

const FORMATS = { ttl: 'text/turtle', nt: 'application/n-triples', nq: 'application/n-quads' };

const args = process.argv.slice(2);
const sep = args.indexOf('--');
const [outdir, ...files] = sep < 0 ? args : args.slice(0, sep);
const queries = sep < 0 ? [] : args.slice(sep + 1);
if (!outdir || files.length === 0) {
	console.error('usage: node oxigraph.mjs OUTDIR FILE... [-- QUERY.rq...]');
	process.exit(2);
}
mkdirSync(outdir, { recursive: true });

const store = new oxigraph.Store();
let bytes = 0;
const t0 = performance.now();
for (const file of files) {
	const format = FORMATS[file.split('.').pop()];
	if (!format) {
		console.error(`oxigraph.mjs: ${file}: unknown extension`);
		process.exit(1);
	}
	const data = readFileSync(file);
	bytes += data.length;
	try {
		store.load(data, { format, base_iri: 'https://w3id.org/kgx/' });
	} catch (e) {
		console.error(`oxigraph.mjs: ${file} does not load: ${e.message ?? e}`);
		process.exit(1);
	}
}
const loadMs = performance.now() - t0;

function select(q) {
	return JSON.parse(store.query(q, {
		use_default_graph_as_union: true,
		results_format: 'application/sparql-results+json',
	}));
}

const triples = select('SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }')
	.results.bindings[0].n.value;
console.log(`load: ${files.length} files, ${bytes} bytes, ${Math.round(loadMs)} ms, ${store.size} quads, ${triples} triples`);

let failed = false;
for (const file of queries) {
	const name = basename(file, '.rq');
	try {
		const t1 = performance.now();
		const tsv = canonTSV(select(readFileSync(file, 'utf8')));
		writeFileSync(`${outdir}/${name}.tsv`, tsv);
		const rows = tsv.split('\n').length - 2;
		console.log(`query: ${name}: ${rows} rows, ${Math.round(performance.now() - t1)} ms`);
	} catch (e) {
		console.error(`oxigraph.mjs: query ${file} failed: ${e.message ?? e}`);
		failed = true;
	}
}
process.exit(failed ? 1 : 0);
