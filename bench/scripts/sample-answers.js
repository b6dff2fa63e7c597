'use strict';
// node sample-answers.js GATEWAY_URL REQUESTS_TSV COUNT OUT_JSON
// Sends COUNT requests of a REQUESTS_FILE (spread evenly over it, the same ones on every call), one at a time,
// and keeps each answer normalised: object keys sorted at every level, arrays in order (a gateway may order
// keys differently; it must not change values or list order). Prints how many were not 200 or had "errors".
const fs = require('node:fs');
const [url, tsv, count, out] = process.argv.slice(2);

function normalised(value) {
  if (Array.isArray(value)) return value.map(normalised);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, normalised(value[k])]));
}

function sample(lines, n) {
  if (n >= lines.length) return lines;
  const step = lines.length / n;
  return Array.from({ length: n }, (_, i) => lines[Math.floor(i * step)]);
}

(async () => {
  const lines = fs.readFileSync(tsv, 'utf8').split('\n').filter(Boolean);
  const answers = {};
  let bad = 0;
  for (const line of sample(lines, parseInt(count, 10))) {
    const body = line.split('\t')[2];
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body });
    const text = await res.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    if (res.status !== 200 || !json || json.errors) bad++;
    answers[body] = { status: res.status, body: json === null ? text : JSON.stringify(normalised(json)) };
  }
  fs.writeFileSync(out, JSON.stringify(answers, null, 1) + '\n');
  console.log(`${Object.keys(answers).length} answers kept, ${bad} not 200 or with errors`);
})().catch((e) => { console.error(String(e)); process.exit(1); });
