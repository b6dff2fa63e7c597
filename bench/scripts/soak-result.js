'use strict';
// node soak-result.js DIR NAME EXTRA_JSON
// Reads DIR/NAME.wrk.txt (graphql.lua's JSON line), DIR/NAME.series.json (soak-sample.js),
// DIR/NAME.gc.log (-Xlog:gc with timemillis decorations; optional) and DIR/NAME.heap-end.txt
// (jcmd GC.heap_info after a forced GC at the end; optional); writes DIR/NAME.json with the soak
// figures and a per-minute breakdown; prints a summary.
// EXTRA_JSON must hold fetches_per_query (subgraph requests of one query) for the per-minute RPS.
const fs = require('node:fs');
const [dir, name, extraText] = process.argv.slice(2);
const read = (f) => { try { return fs.readFileSync(`${dir}/${f}`, 'utf8'); } catch { return null; } };
const extra = JSON.parse(extraText || '{}');

const txt = read(`${name}.wrk.txt`) || '';
const line = txt.split('\n').find((l) => l.startsWith('JSON '));
if (!line) { console.error(`[${name}] wrk produced no summary:\n${txt}`); process.exit(1); }
const wrk = JSON.parse(line.slice(5));
const { series, started } = JSON.parse(read(`${name}.series.json`));
const startMs = Date.parse(started);
const alive = series.filter((s) => s.alive);
const duration = wrk.duration_s;

// least-squares slope of y over t (seconds), in units per minute
function slopePerMin(points) {
  if (points.length < 2) return null;
  const n = points.length, mt = points.reduce((a, p) => a + p.t, 0) / n, my = points.reduce((a, p) => a + p.y, 0) / n;
  let num = 0, den = 0;
  for (const p of points) { num += (p.t - mt) * (p.y - my); den += (p.t - mt) ** 2; }
  return den ? +((num / den) * 60).toFixed(2) : null;
}
// "the last 8 minutes", but never the first minute (start-up, JIT, heap sizing)
const slopeFrom = Math.max(Math.min(60, duration / 2), duration - 480);

// heap after each GC, from the GC log: "[1732744800123ms] GC(12) Pause Young (Normal) (...) 80M->12M(128M) 2.345ms"
const gcs = [];
for (const l of (read(`${name}.gc.log`) || '').split('\n')) {
  const m = l.match(/^\[(\d+)ms\].*GC\(\d+\) (Pause [^(]*?)\s*(?:\(.*\))?\s+(\d+)M->(\d+)M\((\d+)M\)/);
  if (m) gcs.push({ t: (+m[1] - startMs) / 1000, kind: m[2].trim(), before: +m[3], after: +m[4], committed: +m[5] });
}
const inSoak = gcs.filter((g) => g.t >= 0 && g.t <= duration + 5);

// per minute (the last one may be partial)
const minutes = [];
for (let i = 0; i * 60 < duration - 1; i++) {
  const from = i * 60, to = Math.min((i + 1) * 60, duration);
  const ss = alive.filter((s) => s.t > from && s.t <= to + 0.5);
  const prev = [...alive].reverse().find((s) => s.t <= from) || alive[0];
  const last = ss[ss.length - 1];
  const gm = inSoak.filter((g) => g.t > from && g.t <= to);
  const row = { minute: i + 1, to_s: +to.toFixed(0) };
  if (ss.length) {
    row.rss_max_mb = Math.max(...ss.map((s) => s.rss_mb));
    row.rss_end_mb = last.rss_mb;
    row.threads_max = Math.max(...ss.map((s) => s.threads));
    const dt = last.t - prev.t;
    if (dt > 0) {
      row.gateway_cpu_pct = +(((last.cpu_s - prev.cpu_s) / dt) * 100).toFixed(1);
      if (last.subgraph_requests != null && prev.subgraph_requests != null && extra.fetches_per_query) {
        row.rps = +((last.subgraph_requests - prev.subgraph_requests) / dt / extra.fetches_per_query).toFixed(1);
      }
      const ncpu = require('node:os').cpus().length;
      const dtot = last.machine_total - prev.machine_total;
      if (dtot > 0) row.machine_cpu_pct = +(((last.machine_busy - prev.machine_busy) / dtot) * 100 * ncpu).toFixed(1);
    }
  }
  if (gm.length) { row.heap_after_gc_min_mb = Math.min(...gm.map((g) => g.after)); row.gcs = gm.length; }
  minutes.push(row);
}

const at = (t) => alive.find((s) => s.t >= t) || alive[alive.length - 1];
const m1 = at(60);
const end = alive.filter((s) => s.t <= duration + 1).pop() || alive[alive.length - 1];
const peak = alive.reduce((a, s) => (s.rss_mb > a.rss_mb ? s : a), alive[0]);
const heapEndText = read(`${name}.heap-end.txt`);
let liveHeapEnd = null;
if (heapEndText) {
  let kb = 0, found = false;
  for (const l of heapEndText.split('\n')) {
    if (/Metaspace|class space/.test(l)) continue;
    const m = l.match(/total \d+K, used (\d+)K/);
    if (m) { kb += +m[1]; found = true; }
  }
  if (found) liveHeapEnd = +(kb / 1024).toFixed(1);
}
const heapMins = minutes.filter((m) => m.heap_after_gc_min_mb != null && m.to_s > slopeFrom);
const ms = (us) => +(us / 1000).toFixed(2);
const r = {
  name, kind: 'soak', time: new Date().toISOString(),
  rps: wrk.rps, requests: wrk.requests, duration_s: duration,
  p50_ms: ms(wrk.lat_us.p50), p95_ms: ms(wrk.lat_us.p95), p99_ms: ms(wrk.lat_us.p99), max_ms: ms(wrk.lat_us.max),
  non200: wrk.non200, graphql_errors: wrk.graphql_errors, mismatches: wrk.reference ? wrk.mismatches : null,
  socket_errors: wrk.socket_errors,
  rss_minute1_mb: m1 ? m1.rss_mb : null, rss_peak_mb: peak ? peak.rss_mb : null, rss_peak_at_s: peak ? peak.t : null,
  rss_end_mb: end ? end.rss_mb : null,
  rss_slope_mb_per_min: slopePerMin(alive.filter((s) => s.t >= slopeFrom && s.t <= duration + 1).map((s) => ({ t: s.t, y: s.rss_mb }))),
  slope_window_s: [+slopeFrom.toFixed(0), +duration.toFixed(0)],
  threads_minute1: m1 ? m1.threads : null, threads_max: Math.max(...alive.map((s) => s.threads)), threads_end: end ? end.threads : null,
  gc_count: inSoak.length,
  heap_after_gc_minute1_mb: minutes[0] && minutes[0].heap_after_gc_min_mb != null ? minutes[0].heap_after_gc_min_mb : null,
  heap_after_gc_last_minute_mb: (() => { const l = minutes.filter((m) => m.heap_after_gc_min_mb != null).pop(); return l ? l.heap_after_gc_min_mb : null; })(),
  heap_after_gc_slope_mb_per_min: slopePerMin(heapMins.map((m) => ({ t: m.to_s, y: m.heap_after_gc_min_mb }))),
  heap_committed_mb: inSoak.length ? inSoak[inSoak.length - 1].committed : null,
  live_heap_end_mb: liveHeapEnd,
  gateway_cpu_ms_per_req: end && alive[0] && wrk.requests ? +(((end.cpu_s - alive[0].cpu_s) * 1000) / wrk.requests).toFixed(3) : null,
  minutes,
  ...extra,
};
fs.writeFileSync(`${dir}/${name}.json`, JSON.stringify(r, null, 1) + '\n');
console.log(`[${name}] soak ${duration.toFixed(0)}s: rps=${r.rps} p50=${r.p50_ms}ms p99=${r.p99_ms}ms mismatches=${r.mismatches ?? '-'} non200=${r.non200} errors=${r.graphql_errors} `
  + `RSS minute 1 / peak / end = ${r.rss_minute1_mb} / ${r.rss_peak_mb} / ${r.rss_end_mb} MB, slope ${r.rss_slope_mb_per_min} MB/min `
  + `(${r.slope_window_s[0]}-${r.slope_window_s[1]}s); heap after GC ${r.heap_after_gc_minute1_mb} -> ${r.heap_after_gc_last_minute_mb} MB (slope ${r.heap_after_gc_slope_mb_per_min} MB/min), live heap at end ${r.live_heap_end_mb} MB; threads max ${r.threads_max}`);
