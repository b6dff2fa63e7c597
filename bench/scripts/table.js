'use strict';
// node table.js RESULTS_DIR  -> prints one markdown table per scenario/mode sub-directory and
// writes RESULTS_DIR/summary.md. Rows are in run order; ratios are against the row named "ours".
const fs = require('node:fs');
const path = require('node:path');
const root = process.argv[2];
const f1 = (x) => (x == null || Number.isNaN(+x) ? '–' : (+x).toFixed(1));
const f2 = (x) => (x == null || Number.isNaN(+x) ? '–' : (+x).toFixed(2));
const ratio = (a, b) => (a == null || b == null || !b ? '–' : `${(a / b).toFixed(2)}×`);

function rowsOf(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json') && !/\.(sample|ready)\.json$/.test(f))
    .map((f) => { try { return JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')); } catch { return null; } })
    .filter((r) => r && r.rps !== undefined).sort((a, b) => a.time.localeCompare(b.time));
}

const socketErrors = (r) => (r.socket_errors ? r.socket_errors.connect + r.socket_errors.read + r.socket_errors.write + r.socket_errors.timeout : 0);
const bad = (r) => `${r.non200} / ${r.mismatches ?? '–'} / ${r.graphql_errors} / ${socketErrors(r)}`;
const failedRows = (failed, cols) => failed.filter(Boolean).map((f) => `| ${f.split('\t')[0]} | did not run: ${f.split('\t').slice(1).join(' ')} ${'|'.repeat(cols)}`);

// overhead: per connection count, each target's latency beside the direct one
function overheadTable(rows, failed) {
  const out = [];
  out.push('| connections | run | RPS | p50 ms | p95 ms | p99 ms | p50 − direct p50 ms | peak RSS MB | threads | CPU ms/req | bad (non-200 / mismatch / errors / socket) | subgraphs CPU % | other CPU % |');
  out.push('|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  const verdicts = [];
  const conns = [...new Set(rows.map((r) => r.connections))].sort((a, b) => a - b);
  for (const c of conns) {
    const rs = rows.filter((r) => r.connections === c);
    const direct = rs.find((r) => r.target === 'direct');
    for (const r of rs) {
      const d = direct && r !== direct ? r.p50_ms - direct.p50_ms : null;
      const g = r.gateway;
      const wrong = r.check && !String(r.check).startsWith('OK') ? ' ⚠ answer wrong' : '';
      out.push(`| ${c} | ${r.target === 'direct' ? 'direct to products' : r.target}${wrong} | ${f1(r.rps)} | ${f2(r.p50_ms)} | ${f2(r.p95_ms)} | ${f2(r.p99_ms)} | ${d == null ? '–' : (d >= 0 ? '+' : '') + f2(d)} | ${g ? f1(g.rss_max_mb) : '–'} | ${g && g.threads_max != null ? g.threads_max : '–'} | ${r.gateway_cpu_ms_per_req != null ? f2(r.gateway_cpu_ms_per_req) : '–'} | ${bad(r)} | ${f1(r.subgraphs_cpu_pct)} | ${f1(r.machine && r.machine.other_cpu_pct)} |`);
      if (r.target === 'ours' && d != null) verdicts.push(`${c} connection${c === 1 ? '' : 's'}: ours p50 − direct p50 = ${f2(d)} ms (target ≤ 1 ms: ${d <= 1 ? 'met' : 'NOT met'})`);
    }
  }
  out.push(...failedRows(failed, 12));
  if (verdicts.length) out.push('', ...verdicts.map((v) => `- ${v}`));
  return out.join('\n');
}

// soak: the figures, then minute by minute
function soakTable(rows, failed) {
  const out = [];
  for (const r of rows) {
    out.push(`JVM options: \`${r.java_opts}\`${r.malloc_arena_max ? `, MALLOC_ARENA_MAX=${r.malloc_arena_max}` : ''}; ${r.connections} connections for ${f1(r.duration_s)} s`, '');
    out.push('| run | RPS | p50 ms | p99 ms | RSS MB at 1 min / peak / end | RSS slope MB/min (window s) | heap after GC MB: 1st min / last min (slope MB/min) | live heap at end MB | threads at 1 min / max / end | CPU ms/req | GCs | bad (non-200 / mismatch / errors / socket) |');
    out.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
    out.push(`| ${r.name} | ${f1(r.rps)} | ${f2(r.p50_ms)} | ${f2(r.p99_ms)} | ${f1(r.rss_minute1_mb)} / ${f1(r.rss_peak_mb)} / ${f1(r.rss_end_mb)} | ${r.rss_slope_mb_per_min ?? '–'} (${r.slope_window_s.join('–')}) | ${r.heap_after_gc_minute1_mb ?? '–'} / ${r.heap_after_gc_last_minute_mb ?? '–'} (${r.heap_after_gc_slope_mb_per_min ?? '–'}) | ${r.live_heap_end_mb ?? '–'} | ${r.threads_minute1 ?? '–'} / ${r.threads_max} / ${r.threads_end ?? '–'} | ${f2(r.gateway_cpu_ms_per_req)} | ${r.gc_count} | ${bad(r)} |`);
    out.push('', '| minute | RPS | gateway CPU % | machine CPU % | RSS MB max / end | heap after GC MB (lowest) | GCs | threads |');
    out.push('|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const m of r.minutes) {
      out.push(`| ${m.minute} | ${f1(m.rps)} | ${f1(m.gateway_cpu_pct)} | ${f1(m.machine_cpu_pct)} | ${f1(m.rss_max_mb)} / ${f1(m.rss_end_mb)} | ${m.heap_after_gc_min_mb ?? '–'} | ${m.gcs ?? 0} | ${m.threads_max ?? '–'} |`);
    }
  }
  out.push(...failedRows(failed, 11));
  return out.join('\n');
}

// misses / large: time to first answer, our plan cache in the measured window, the answers compared
function grownNotes(rows, dir) {
  const notes = [];
  for (const r of rows) {
    if (r.first_answer_ms != null) notes.push(`- ${r.name}: answers \`{__typename}\` ${f1(r.ready_ms / 1000)} s after start, the first measured request (status ${r.first_answer_status}) ${f1(r.first_answer_ms / 1000)} s after start`);
    const c = r.plan_cache;
    if (c) notes.push(`- ${r.name}: plan cache in the measured window: ${c.misses} misses, ${c.hits} hits (miss rate ${c.miss_rate == null ? '–' : (c.miss_rate * 100).toFixed(1) + ' %'}); document cache ${c.document_misses} misses, ${c.document_hits} hits`);
  }
  const compare = path.join(dir, 'compare.txt');
  if (fs.existsSync(compare)) notes.push(...fs.readFileSync(compare, 'utf8').trim().split('\n').filter((l) => !l.startsWith('  ')).map((l) => `- answers: ${l}`));
  return notes.length ? ['', ...notes] : [];
}

function table(dir) {
  const rows = rowsOf(dir);
  const failed = fs.existsSync(path.join(dir, 'failed.txt')) ? fs.readFileSync(path.join(dir, 'failed.txt'), 'utf8').trim().split('\n') : [];
  if (!rows.length && !failed.length) return null;
  if (rows.some((r) => r.kind === 'overhead')) return overheadTable(rows.filter((r) => r.kind === 'overhead'), failed);
  if (rows.some((r) => r.kind === 'soak')) return soakTable(rows.filter((r) => r.kind === 'soak'), failed);
  const ours = rows.find((r) => r.name === 'ours');
  const oursRps = ours ? ours.rps : null;
  const oursCpu = ours ? ours.gateway_cpu_ms_per_req : null;
  const out = [];
  out.push('| run | RPS | p50 ms | p95 ms | p99 ms | peak RSS MB | threads | CPU ms/req | CPU % | subgraph req/query | bad (non-200 / mismatch / errors / socket) | subgraphs CPU % | other CPU % | RPS ÷ ours | CPU/req ÷ ours |');
  out.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of rows) {
    const replay = r.kind === 'replay';
    const rps = replay ? r.query_equiv_rps : r.rps;
    const g = r.gateway;
    const se = r.socket_errors ? r.socket_errors.connect + r.socket_errors.read + r.socket_errors.write + r.socket_errors.timeout : 0;
    const subq = replay ? `(${r.replay_fetches} fetches replayed)` : `${f2(r.subgraph_requests_per_req)}${r.fetches_per_query != null ? ` (1 query: ${r.fetches_per_query})` : ''}`;
    const wrong = r.check && !String(r.check).startsWith('OK') ? ' ⚠ first answer wrong' : '';
    const name = (replay ? `${r.name} — ${f1(r.rps)} fetches/s; RPS = per query` : r.name) + wrong;
    out.push(`| ${name} | ${f1(rps)} | ${f2(r.p50_ms)} | ${f2(r.p95_ms)} | ${f2(r.p99_ms)} | ${g ? f1(g.rss_max_mb) : '–'} | ${g && g.threads_max != null ? g.threads_max : '–'} | ${r.gateway_cpu_ms_per_req != null ? f2(r.gateway_cpu_ms_per_req) : '–'} | ${g ? f1(g.cpu_pct) : '–'} | ${subq} | ${r.non200} / ${r.mismatches ?? '–'} / ${r.graphql_errors} / ${se} | ${f1(r.subgraphs_cpu_pct)} | ${f1(r.machine && r.machine.other_cpu_pct)} | ${r.name === 'ours' ? '1.00×' : ratio(rps, oursRps)} | ${r.name === 'ours' ? '1.00×' : (replay ? '–' : ratio(r.gateway_cpu_ms_per_req, oursCpu))} |`);
  }
  for (const f of failed) if (f) out.push(`| ${f.split('\t')[0]} | did not run: ${f.split('\t').slice(1).join(' ')} |||||||||||||`);
  out.push(...grownNotes(rows, dir));
  return out.join('\n');
}

const sections = [];
const subdirs = fs.readdirSync(root).filter((d) => fs.statSync(path.join(root, d)).isDirectory()).sort();
for (const d of subdirs) {
  const t = table(path.join(root, d));
  if (t) sections.push(`### ${d}\n\n${t}`);
}
let env = '';
try { env = fs.readFileSync(path.join(root, 'env.txt'), 'utf8'); } catch { /* none */ }
const md = `# bench results: ${path.basename(root)}\n\n${sections.join('\n\n')}\n\n\`\`\`\n${env}\`\`\`\n`;
fs.writeFileSync(path.join(root, 'summary.md'), md);
console.log(md);
