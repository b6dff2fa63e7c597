'use strict';
// node answers.js GATEWAY_URL REQUESTS_TSV OUT_JSON [NAME=PORT ...]
// Sends every distinct request of the mix once and keeps the answers (for compare.js). With
// subgraph ports, also counts the subgraph requests of a few requests per operation, one at a
// time (counters.js), into OUT_JSON's "_fetches" entry.
const fs = require('node:fs');
const { counters } = require('./counters.js');
const [url, tsv, out, ...subgraphs] = process.argv.slice(2);
const total = (c) => Object.values(c).reduce((a, b) => a + (b || 0), 0);
(async () => {
  const distinct = [...new Set(fs.readFileSync(tsv, 'utf8').split('\n').filter(Boolean))].sort();
  const answers = {};
  let bad = 0;
  const perOperation = {};
  for (const line of distinct) {
    const operationName = JSON.parse(line.split('\t')[2]).operationName;
    const count = subgraphs.length > 0 && (perOperation[operationName] || []).length < 3;
    const before = count ? total(await counters(subgraphs)) : 0;
    const [, hdrs, body] = line.split('\t');
    const headers = { 'content-type': 'application/json', accept: 'application/json' };
    for (const h of hdrs.split('|').filter(Boolean)) { const i = h.indexOf(':'); headers[h.slice(0, i)] = h.slice(i + 1); }
    const res = await fetch(url, { method: 'POST', headers, body });
    const text = await res.text();
    let json = null; try { json = JSON.parse(text); } catch { /* not JSON */ }
    if (res.status !== 200 || !json || json.errors) bad++;
    answers[line] = { status: res.status, body: json === null ? text : json };
    if (count) {
      await new Promise((r) => setTimeout(r, 100)); // the subgraphs record a request after answering it
      (perOperation[operationName] = perOperation[operationName] || []).push(total(await counters(subgraphs)) - before);
    }
  }
  if (subgraphs.length) {
    answers._fetches = Object.fromEntries(Object.entries(perOperation).map(([op, n]) => [op, n]));
    console.log(`subgraph requests per operation (one at a time): ${Object.entries(perOperation).map(([op, n]) => `${op} ${n.join('/')}`).join(', ')}`);
  }
  fs.writeFileSync(out, JSON.stringify(answers));
  console.log(`answers: ${distinct.length} distinct requests, ${bad} with a non-200 status or errors -> ${out}`);
})().catch((e) => { console.error(String(e)); process.exit(1); });
