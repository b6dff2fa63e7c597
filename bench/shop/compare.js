'use strict';
// node compare.js DIR : compares DIR/answers-ours.json with every other DIR/answers-*.json
// (same requests, answers deep-compared, object key order ignored) and prints the differences.
const fs = require('node:fs');
const path = require('node:path');
const { diff } = require('../scripts/check.js');
const dir = process.argv[2];
const files = fs.readdirSync(dir).filter((f) => /^answers-.*\.json$/.test(f));
const base = files.includes('answers-ours.json') ? 'answers-ours.json' : files[0];
if (!base) { console.log('compare: no answers'); process.exit(0); }
const a = JSON.parse(fs.readFileSync(path.join(dir, base), 'utf8'));
const label = (line) => { const [, h, b] = line.split('\t'); const j = JSON.parse(b); return `${j.operationName} ${h} ${JSON.stringify(j.variables)}`; };
for (const f of files.filter((x) => x !== base)) {
  const b = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  const diffs = [];
  for (const line of Object.keys(a)) {
    if (line === '_fetches' || !(line in b)) continue;
    const d = a[line].status !== b[line].status ? `status ${a[line].status} vs ${b[line].status}` : diff(a[line].body, b[line].body, '$');
    if (d) diffs.push(`${label(line)}: ${d}`);
  }
  const name = (x) => x.replace(/^answers-|\.json$/g, '');
  console.log(`compare ${name(base)} vs ${name(f)}: ${Object.keys(a).filter((k) => k !== '_fetches').length} distinct requests, ${diffs.length} answers differ (values: "got" = ${name(base)}, "expected" = ${name(f)})`);
  for (const d of diffs.slice(0, 10)) console.log(`  ${d}`);
  if (a._fetches && b._fetches) {
    for (const op of Object.keys(a._fetches)) console.log(`  subgraph requests for one ${op}: ${name(base)} ${a._fetches[op].join('/')}, ${name(f)} ${(b._fetches[op] || []).join('/')}`);
  }
}
