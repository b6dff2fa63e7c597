'use strict';
// node warmup-result.js WINDOWS_JSONL NAME FIRST_ANSWER_MS WINDOW_S PEAK_RSS_KB
// From the wrk summaries of consecutive load windows after a cold start: the peak window RPS, and how many seconds
// of load passed before a window reached 80 % of that peak.
const fs = require('node:fs');
const [file, name, firstMs, windowS, rssKb] = process.argv.slice(2);
const windows = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map(JSON.parse);
if (!windows.length) { console.error('no windows'); process.exit(1); }
const rps = windows.map((w) => w.rps);
const peak = Math.max(...rps);
const first80 = rps.findIndex((r) => r >= 0.8 * peak);
const bad = windows.reduce((n, w) => n + w.non200 + w.graphql_errors + w.mismatches
  + Object.values(w.socket_errors).reduce((a, b) => a + b, 0), 0);
console.log(JSON.stringify({
  name, first_answer_ms: +firstMs, window_s: +windowS, rps,
  peak_rps: peak, to_80pct_s: (first80 + 1) * +windowS, bad, peak_rss_mb: rssKb ? Math.round(rssKb / 1024) : null,
}, null, 1));
