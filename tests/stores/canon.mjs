// SPARQL JSON results to a canonical TSV that two stores can be compared by.
//
//   node canon.mjs FILE.json...   writes FILE.tsv beside each FILE.json
//
// The TSV has a header line of the projected variables (?a<TAB>?b), then one
// line per solution, sorted. A value is written as:
//   IRI                  prefixed when a prefix below fits (id:netherlands),
//                        else <iri>
//   numeric literal      its canonical decimal form (5500000, 4.5, 2025):
//                        stores differ in writing 5500000 or 5500000.0, and
//                        Turtle's 4500000 is an xsd:integer where N-Triples
//                        says xsd:decimal
//   string literal       its text (xsd:string and plain alike)
//   language-tagged      text@lang
//   other typed literal  text^^<datatype>
//   blank node           _:b (stores label blank nodes as they like)
//   unbound              empty
// with backslash, tab, newline and carriage return escaped as \\ \t \n \r.
import { readFileSync, writeFileSync } from 'node:fs';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const NUMERIC = new Set(['integer', 'decimal', 'int', 'long', 'short', 'byte',
	'nonNegativeInteger', 'nonPositiveInteger', 'positiveInteger', 'negativeInteger',
	'unsignedInt', 'unsignedLong', 'unsignedShort', 'unsignedByte'].map((t) => XSD + t));
const FLOATING = new Set([XSD + 'double', XSD + 'float']);

export const PREFIXES = [
	['id:', 'https://w3id.org/kgx/id/'],
	['doc:', 'https://w3id.org/kgx/doc/'],
	['stmt:', 'https://w3id.org/kgx/stmt/'],
	['kgx:', 'https://w3id.org/kgx/ontology#'],
	['rdf:', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'],
	['rdfs:', 'http://www.w3.org/2000/01/rdf-schema#'],
	['owl:', 'http://www.w3.org/2002/07/owl#'],
	['xsd:', XSD],
	['skos:', 'http://www.w3.org/2004/02/skos/core#'],
	['schema:', 'https://schema.org/'],
	['dcterms:', 'http://purl.org/dc/terms/'],
	['prov:', 'http://www.w3.org/ns/prov#'],
];

function escape(s) {
	return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

// The canonical decimal form of an xsd:integer or xsd:decimal lexical form.
export function canonicalNumber(lex) {
	const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(lex);
	if (!m || (m[2] === '' && (m[3] ?? '') === '')) return lex;
	const int = m[2].replace(/^0+/, '') || '0';
	const frac = (m[3] ?? '').replace(/0+$/, '');
	const sign = m[1] === '-' && (int !== '0' || frac !== '') ? '-' : '';
	return sign + int + (frac ? '.' + frac : '');
}

function iri(value) {
	for (const [prefix, ns] of PREFIXES) {
		if (value.startsWith(ns) && !/[\s<>"{}|^`\\]/.test(value.slice(ns.length)))
			return prefix + value.slice(ns.length);
	}
	return `<${value}>`;
}

// One term of a SPARQL 1.1 JSON result (or Virtuoso's older "typed-literal").
export function term(t) {
	if (t === undefined || t === null) return '';
	switch (t.type) {
	case 'uri':
		return escape(iri(t.value));
	case 'bnode':
		return '_:b';
	case 'literal':
	case 'typed-literal': {
		const lang = t['xml:lang'] ?? t.lang;
		if (lang) return escape(t.value) + '@' + lang.toLowerCase();
		const dt = t.datatype;
		if (!dt || dt === XSD + 'string') return escape(t.value);
		if (NUMERIC.has(dt)) return canonicalNumber(t.value);
		if (FLOATING.has(dt)) return String(Number(t.value));
		if (dt === XSD + 'boolean') return t.value === '1' || t.value === 'true' ? 'true' : 'false';
		return escape(t.value) + '^^' + iri(dt);
	}
	default:
		return escape(String(t.value));
	}
}

// Canonical TSV of a parsed SPARQL JSON result: header, then sorted rows.
export function canonTSV(json) {
	if (typeof json.boolean === 'boolean') return `?boolean\n${json.boolean}\n`;
	const vars = json.head.vars;
	const rows = json.results.bindings.map((b) => vars.map((v) => term(b[v])).join('\t'));
	rows.sort();
	return [vars.map((v) => '?' + v).join('\t'), ...rows].join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
	let failed = false;
	for (const file of process.argv.slice(2)) {
		try {
			const tsv = canonTSV(JSON.parse(readFileSync(file, 'utf8')));
			writeFileSync(file.replace(/\.json$/, '') + '.tsv', tsv);
		} catch (e) {
			console.error(`canon.mjs: ${file}: ${e.message}`);
			failed = true;
		}
	}
	process.exit(failed ? 1 : 0);
}
