'use strict';
// node compare-answers.js DIR REFERENCE_NAME : compares DIR/answers-REFERENCE_NAME.json (sample-answers.js) with
// every other DIR/answers-*.json, request by request, byte for byte (both are normalised). Prints per gateway
// how many answers differ and the first few differences; exits 0 either way.
const fs = require('node:fs');
const path = require('node:path');
const [dir, refName] = process.argv.slice(2);
const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, `answers-${name}.json`), 'utf8'));
const refFile = path.join(dir, `answers-${refName}.json`);
if (!fs.existsSync(refFile)) { console.log(`no answers of ${refName} to compare with`); process.exit(0); }
const ref = read(refName);
const others = fs.readdirSync(dir).map((f) => (f.match(/^answers-(.+)\.json$/) || [])[1]).filter((n) => n && n !== refName).sort();
const shorten = (s) => (s.length > 400 ? `${s.slice(0, 400)}…` : s);
for (const name of others) {
  const other = read(name);
  const common = Object.keys(ref).filter((k) => k in other);
  const differ = common.filter((k) => ref[k].status !== other[k].status || ref[k].body !== other[k].body);
  const bad = common.filter((k) => ref[k].status !== 200 || String(ref[k].body).includes('"errors"'));
  console.log(`${refName} vs ${name}: ${common.length} requests compared, ${differ.length} answers differ` +
    ` (${bad.length} of ${refName}'s answers not 200 or with errors)`);
  for (const k of differ.slice(0, 3)) {
    console.log(`  request: ${k}\n  ${refName} (${ref[k].status}): ${shorten(ref[k].body)}\n  ${name} (${other[k].status}): ${shorten(other[k].body)}`);
  }
}
