// Check a query's canonical TSV result (canon.mjs) against its .expected file.
//
//   node expect.mjs EXPECTED RESULT.tsv            check, exit 1 on mismatch
//   node expect.mjs --update EXPECTED RESULT.tsv   rewrite EXPECTED's rows
//
// An .expected file (docs/queries/README.md) has
//   '#' lines: comments, and the directives
//       # mode: exact        the result is exactly the rows listed
//       # mode: contains     every row listed is in the result (the default)
//       # min-rows: N        the result has at least N rows
//       # rows: N            the result has exactly N rows
//   the header line of the result (?var<TAB>?var...), which must match;
//   rows, in the canonical TSV form.
// --update keeps the comments and directives and writes the result's rows
// (all of them in exact mode; in contains mode the listed rows still found).
import { readFileSync, writeFileSync } from 'node:fs';

let update = false;
const args = process.argv.slice(2);
if (args[0] === '--update') {
	update = true;
	args.shift();
}
const [expectedFile, resultFile] = args;
if (!expectedFile || !resultFile) {
	console.error('usage: node expect.mjs [--update] EXPECTED RESULT.tsv');
	process.exit(2);
}

const lines = (file) => readFileSync(file, 'utf8').split('\n').filter((l, i, a) => l !== '' || i < a.length - 1);
const exp = lines(expectedFile);
const comments = exp.filter((l) => l.startsWith('#'));
const body = exp.filter((l) => !l.startsWith('#') && l !== '');
const directive = (name) => {
	for (const c of comments) {
		const m = new RegExp(`^#\\s*${name}:\\s*(\\S+)`).exec(c);
		if (m) return m[1];
	}
	return undefined;
};
const mode = directive('mode') ?? 'contains';
const minRows = Number(directive('min-rows') ?? 0);
const exactRows = directive('rows') === undefined ? undefined : Number(directive('rows'));
const [header, ...rows] = body;

const [resultHeader, ...resultRows] = lines(resultFile);
const resultSet = new Set(resultRows);

if (update) {
	const keep = mode === 'exact' ? resultRows : rows.filter((r) => resultSet.has(r));
	writeFileSync(expectedFile, [...comments, resultHeader, ...[...keep].sort()].join('\n') + '\n');
	console.log(`updated ${expectedFile}: ${keep.length} rows`);
	process.exit(0);
}

const problems = [];
if (header !== resultHeader) problems.push(`header is ${JSON.stringify(resultHeader)}, expected ${JSON.stringify(header)}`);
if (resultRows.length < minRows) problems.push(`${resultRows.length} rows, expected at least ${minRows}`);
if (exactRows !== undefined && resultRows.length !== exactRows)
	problems.push(`${resultRows.length} rows, expected exactly ${exactRows}`);
const missing = rows.filter((r) => !resultSet.has(r));
for (const r of missing) problems.push(`missing row: ${r}`);
if (mode === 'exact') {
	const expectedSet = new Set(rows);
	for (const r of resultRows) if (!expectedSet.has(r)) problems.push(`unexpected row: ${r}`);
} else if (mode !== 'contains') {
	problems.push(`unknown mode ${mode}`);
}
if (problems.length) {
	for (const p of problems.slice(0, 20)) console.log(p);
	if (problems.length > 20) console.log(`... and ${problems.length - 20} more`);
	process.exit(1);
}
console.log(`${resultRows.length} rows (${mode}${minRows ? `, at least ${minRows}` : ''}${exactRows !== undefined ? `, exactly ${exactRows}` : ''}; ${rows.length} listed)`);
