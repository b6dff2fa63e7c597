'use strict';
// node warmup-table.js RUN_DIR : the warm-up scenario's table from RUN_DIR/*.json (written by warmup-result.js).
const fs = require('node:fs');
const path = require('node:path');
const dir = process.argv[2];
const rows = fs.readdirSync(dir).filter((f) => f.endsWith('.json') && !f.includes('reference') && f !== 'first.json')
  .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))).filter((r) => r.rps);
console.log('| gateway | first correct answer ms | peak window RPS | s of load to 80 % of peak | RPS per window | bad | peak RSS MB |');
console.log('|---|--:|--:|--:|---|--:|--:|');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.first_answer_ms} | ${r.peak_rps} | ${r.to_80pct_s} | ${r.rps.map((x) => Math.round(x)).join(' ')} | ${r.bad} | ${r.peak_rss_mb ?? ''} |`);
}
