// Validate RDF files against SHACL shapes with rdf-validate-shacl.
//
//   node shacl.mjs SHAPES.ttl DATA...
//
// Each DATA file (.ttl Turtle, .nt N-Triples, .nq N-Quads read as the union
// of its graphs) is validated on its own. Prints every result with its
// severity, focus node, path, value and message, then a summary line per
// file. Exits 1 when any file has a result of severity sh:Violation (or does
// not parse), 0 otherwise; sh:Warning and sh:Info results are listed only.
import { readFileSync } from 'node:fs';
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const SH = 'http://www.w3.org/ns/shacl#';
const { quad, defaultGraph } = N3.DataFactory;

function formatOf(file) {
	if (file.endsWith('.nq')) return 'N-Quads';
	if (file.endsWith('.nt')) return 'N-Triples';
	return 'Turtle';
}

function parse(file) {
	const parser = new N3.Parser({ format: formatOf(file) });
	return parser.parse(readFileSync(file, 'utf8'));
}

function show(term) {
	if (!term) return '-';
	if (term.termType === 'NamedNode') return `<${term.value}>`;
	if (term.termType === 'Literal') {
		const v = JSON.stringify(term.value.length > 80 ? term.value.slice(0, 77) + '...' : term.value);
		if (term.language) return `${v}@${term.language}`;
		return `${v}^^<${term.datatype.value}>`;
	}
	return `_:${term.value}`;
}

function message(result) {
	const m = result.message;
	if (Array.isArray(m)) return m.map((t) => t.value).join('; ');
	return m ? String(m.value ?? m) : '';
}

const [shapesFile, ...dataFiles] = process.argv.slice(2);
if (!shapesFile || dataFiles.length === 0) {
	console.error('usage: node shacl.mjs SHAPES.ttl DATA...');
	process.exit(2);
}

let failed = false;
const shapes = parse(shapesFile);
for (const file of dataFiles) {
	const t0 = performance.now();
	let data;
	try {
		data = new N3.Store();
		for (const q of parse(file)) data.addQuad(quad(q.subject, q.predicate, q.object, defaultGraph()));
	} catch (e) {
		console.log(`not ok: ${file} does not parse: ${e.message}`);
		failed = true;
		continue;
	}
	const validator = new SHACLValidator(shapes);
	const report = await validator.validate(data);
	const counts = {};
	for (const r of report.results) {
		const severity = r.severity ? r.severity.value.replace(SH, '') : 'Violation';
		counts[severity] = (counts[severity] || 0) + 1;
		console.log(`${severity}: ${show(r.focusNode)} ${show(r.path)} ${show(r.value)}` +
			` [${r.sourceShape ? show(r.sourceShape) : '-'}] ${message(r)}`);
	}
	const ms = Math.round(performance.now() - t0);
	const summary = Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ') || 'no results';
	const violations = counts.Violation || 0;
	if (violations > 0) failed = true;
	console.log(`${violations ? 'not ok' : 'ok'}: ${file}: ${data.size} triples, ${summary}, ${ms} ms`);
}
process.exit(failed ? 1 : 0);
