'use strict';
// node answers.js GATEWAY_URL REQUESTS_TSV OUT_JSON
// Sends every distinct request of the mix once and keeps the answers (for compare.js).
const fs = require('node:fs');
const [url, tsv, out] = process.argv.slice(2);
(async () => {
  const distinct = [...new Set(fs.readFileSync(tsv, 'utf8').split('\n').filter(Boolean))].sort();
  const answers = {};
  let bad = 0;
  for (const line of distinct) {
    const [, hdrs, body] = line.split('\t');
    const headers = { 'content-type': 'application/json', accept: 'application/json' };
    for (const h of hdrs.split('|').filter(Boolean)) { const i = h.indexOf(':'); headers[h.slice(0, i)] = h.slice(i + 1); }
    const res = await fetch(url, { method: 'POST', headers, body });
    const text = await res.text();
    let json = null; try { json = JSON.parse(text); } catch { /* not JSON */ }
    if (res.status !== 200 || !json || json.errors) bad++;
    answers[line] = { status: res.status, body: json === null ? text : json };
  }
  fs.writeFileSync(out, JSON.stringify(answers));
  console.log(`answers: ${distinct.length} distinct requests, ${bad} with a non-200 status or errors -> ${out}`);
})().catch((e) => { console.error(String(e)); process.exit(1); });
