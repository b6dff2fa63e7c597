'use strict';
// node result.js DIR NAME URL COUNTERS_BEFORE_JSON COUNTERS_AFTER_JSON EXTRA_JSON
// Reads DIR/NAME.wrk.txt (graphql.lua's JSON line) and DIR/NAME.sample.json (sample.js) and
// writes DIR/NAME.json; prints a one-line summary.
const fs = require('node:fs');
const [dir, name, url, beforeText, afterText, extraText] = process.argv.slice(2);
const txt = fs.readFileSync(`${dir}/${name}.wrk.txt`, 'utf8');
const line = txt.split('\n').find((l) => l.startsWith('JSON '));
if (!line) { console.error(`[${name}] wrk produced no summary:\n${txt}`); process.exit(1); }
const wrk = JSON.parse(line.slice(5));
let sample = {};
try { sample = JSON.parse(fs.readFileSync(`${dir}/${name}.sample.json`, 'utf8')); } catch { /* no sample */ }
// subgraph requests served during the measured window, per subgraph
const stats = {};
try {
  const before = JSON.parse(beforeText), after = JSON.parse(afterText);
  for (const [k, v] of Object.entries(after)) if (typeof v === 'number') stats[k] = v - (before[k] || 0);
} catch { /* no counters */ }
let extra = {};
try { extra = JSON.parse(extraText); } catch { /* none */ }
const subTotal = Object.values(stats).reduce((a, b) => a + b, 0);
const ms = (us) => +(us / 1000).toFixed(2);
const subgraphCpu = Object.entries(sample).filter(([k]) => k.startsWith('subgraph')).reduce((a, [, v]) => a + (v.cpu_pct || 0), 0);
const r = {
  name, url, time: new Date().toISOString(),
  rps: wrk.rps, requests: wrk.requests, duration_s: wrk.duration_s,
  p50_ms: ms(wrk.lat_us.p50), p90_ms: ms(wrk.lat_us.p90), p95_ms: ms(wrk.lat_us.p95), p99_ms: ms(wrk.lat_us.p99),
  p99_9_ms: ms(wrk.lat_us.p99_9), max_ms: ms(wrk.lat_us.max), mean_ms: ms(wrk.lat_us.mean),
  non200: wrk.non200, graphql_errors: wrk.graphql_errors, mismatches: wrk.reference ? wrk.mismatches : null,
  socket_errors: wrk.socket_errors, resp_kb: wrk.requests ? +(wrk.bytes / wrk.requests / 1024).toFixed(1) : 0,
  gateway: sample.gateway || null,
  gateway_cpu_ms_per_req: sample.gateway && wrk.requests ? +(sample.gateway.cpu_s * 1000 / wrk.requests).toFixed(3) : null,
  subgraphs_cpu_pct: +subgraphCpu.toFixed(1), loadgen_cpu_pct: sample.loadgen ? sample.loadgen.cpu_pct : null,
  machine: sample.machine || null,
  subgraph_requests: stats,
  subgraph_requests_per_req: wrk.requests && subTotal ? +(subTotal / wrk.requests).toFixed(2) : null,
  ...extra,
};
fs.writeFileSync(`${dir}/${name}.json`, JSON.stringify(r, null, 1) + '\n');
const g = r.gateway ? ` rssMax=${r.gateway.rss_max_mb}MB cpu=${r.gateway.cpu_pct}% cpu/req=${r.gateway_cpu_ms_per_req}ms` : '';
console.log(`[${name}] rps=${r.rps} p50=${r.p50_ms}ms p99=${r.p99_ms}ms non200=${r.non200} errors=${r.graphql_errors} mismatches=${r.mismatches ?? '-'}${g} subreq/req=${r.subgraph_requests_per_req ?? '-'} otherCPU=${r.machine ? r.machine.other_cpu_pct : '-'}%`);
