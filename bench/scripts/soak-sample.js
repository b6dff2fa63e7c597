'use strict';
// Usage: node soak-sample.js OUT.json INTERVAL_S GATEWAY_PID [STATS_URL]
// Every INTERVAL_S seconds records, for the gateway's whole process tree: RSS (sum of VmRSS),
// threads, CPU seconds used so far; the whole machine's busy CPU; and, with STATS_URL (the
// subgraph server's GET /stats), the subgraph request counters. Writes the time series to OUT.json
// after every sample (so a cut-short soak keeps what it saw) and on SIGTERM/SIGINT.
const fs = require('node:fs');
const [out, intervalText, pidText, statsUrl] = process.argv.slice(2);
const every = Math.max(1, +intervalText || 5) * 1000;
const root = +pidText;
const HZ = 100; // USER_HZ on Linux
const series = [];
const t0 = Date.now();

function procs() {
  const all = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const r = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // r[1]=ppid, r[11]=utime, r[12]=stime, r[17]=num_threads, r[21]=rss pages
      all.set(+d, { ppid: +r[1], ticks: +r[11] + +r[12], threads: +r[17], rssKb: +r[21] * 4 });
    } catch { /* gone */ }
  }
  return all;
}
function tree(all) {
  const kids = new Map();
  for (const [pid, p] of all) { if (!kids.has(p.ppid)) kids.set(p.ppid, []); kids.get(p.ppid).push(pid); }
  const seen = []; const stack = [root];
  while (stack.length) { const p = stack.pop(); if (!all.has(p)) continue; seen.push(p); for (const k of kids.get(p) || []) stack.push(k); }
  return seen;
}
function machineTicks() {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { busy: f.slice(0, 8).reduce((a, b) => a + b, 0) - f[3] - (f[4] || 0), total: f.slice(0, 8).reduce((a, b) => a + b, 0) };
}
async function stats() {
  if (!statsUrl) return null;
  try { return await (await fetch(statsUrl, { signal: AbortSignal.timeout(2000) })).json(); } catch { return null; }
}
function write() { fs.writeFileSync(out, JSON.stringify({ interval_s: every / 1000, started: new Date(t0).toISOString(), series }) + '\n'); }

let busy = false;
async function sample() {
  if (busy) return;
  busy = true;
  try {
    const all = procs();
    const pids = tree(all);
    const m = machineTicks();
    const s = { t: +((Date.now() - t0) / 1000).toFixed(1), alive: pids.length > 0, machine_busy: m.busy, machine_total: m.total };
    if (pids.length) {
      let rss = 0, ticks = 0, threads = 0;
      for (const p of pids) { const x = all.get(p); rss += x.rssKb; ticks += x.ticks; threads += x.threads; }
      Object.assign(s, { rss_mb: +(rss / 1024).toFixed(1), cpu_s: +(ticks / HZ).toFixed(2), threads });
    }
    const c = await stats();
    if (c) s.subgraph_requests = Object.values(c).filter((v) => typeof v === 'number').reduce((a, b) => a + b, 0);
    series.push(s);
    write();
  } finally { busy = false; }
}
function finish() { sample().finally(() => { write(); process.exit(0); }); }
process.on('SIGTERM', finish); process.on('SIGINT', finish);
sample(); setInterval(sample, every);
