'use strict';
// node check.js URL BODY_FILE EXPECTED_FILE [REFERENCE_OUT]
// POSTs the request body once and deep-compares the JSON response with the expected one
// (object key order ignored, array order significant). Exit 0 = equal.
// REFERENCE_OUT: where to write the exact bytes the load generator should count as a correct
// response: the gateway's own body when it is correct, else the expected response (so that
// every wrong answer counts as a mismatch).
// node check.js --file RESPONSE_FILE EXPECTED_FILE: the same comparison for a response already received.
const fs = require('node:fs');
const [url, bodyFile, expectedFile, refOut] = process.argv.slice(2);

function diff(a, b, p) {
  if (a === b) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return `${p}: got ${JSON.stringify(a)?.slice(0, 120)} expected ${JSON.stringify(b)?.slice(0, 120)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${p}: array/object mismatch`;
  if (Array.isArray(a)) {
    if (a.length !== b.length) return `${p}: length ${a.length} expected ${b.length}`;
    for (let i = 0; i < a.length; i++) { const d = diff(a[i], b[i], `${p}[${i}]`); if (d) return d; }
    return null;
  }
  const ka = Object.keys(a).sort(), kb = Object.keys(b).sort();
  if (ka.join() !== kb.join()) return `${p}: keys [${ka}] expected [${kb}]`;
  for (const k of ka) { const d = diff(a[k], b[k], `${p}.${k}`); if (d) return d; }
  return null;
}
module.exports = { diff };

if (require.main === module && url === '--file') {
  const d = diff(JSON.parse(fs.readFileSync(bodyFile, 'utf8')), JSON.parse(fs.readFileSync(expectedFile, 'utf8')), '$');
  if (d) { console.error(`MISMATCH ${d}`); process.exit(1); }
  console.log('OK');
} else if (require.main === module) {
  (async () => {
    const expectedText = fs.readFileSync(expectedFile, 'utf8');
    const t0 = process.hrtime.bigint();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: fs.readFileSync(bodyFile) });
    const text = await res.text();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    let json;
    try { json = JSON.parse(text); } catch {
      if (refOut) fs.writeFileSync(refOut, JSON.stringify(JSON.parse(expectedText)));
      console.error(`not JSON (status ${res.status}): ${text.slice(0, 300)}`); process.exit(2);
    }
    const d = res.status === 200 ? diff(json, JSON.parse(expectedText), '$') : `status ${res.status}`;
    if (refOut) fs.writeFileSync(refOut, d ? JSON.stringify(JSON.parse(expectedText)) : text);
    if (d) {
      console.error(`MISMATCH ${d}`);
      if (json.errors) console.error(`errors: ${JSON.stringify(json.errors).slice(0, 600)}`);
      process.exit(1);
    }
    console.log(`OK status=${res.status} bytes=${text.length} first-request-ms=${ms.toFixed(1)}`);
  })().catch((e) => { console.error(String(e)); process.exit(3); });
}
