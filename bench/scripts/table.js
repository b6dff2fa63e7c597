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

function table(dir) {
  const rows = rowsOf(dir);
  const failed = fs.existsSync(path.join(dir, 'failed.txt')) ? fs.readFileSync(path.join(dir, 'failed.txt'), 'utf8').trim().split('\n') : [];
  if (!rows.length && !failed.length) return null;
  const ours = rows.find((r) => r.name === 'ours');
  const oursRps = ours ? ours.rps : null;
  const oursCpu = ours ? ours.gateway_cpu_ms_per_req : null;
  const out = [];
  out.push('| run | RPS | p50 ms | p95 ms | p99 ms | peak RSS MB | CPU ms/req | CPU % | subgraph req/query | bad (non-200 / mismatch / errors / socket) | subgraphs CPU % | other CPU % | RPS ÷ ours | CPU/req ÷ ours |');
  out.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of rows) {
    const replay = r.kind === 'replay';
    const rps = replay ? r.query_equiv_rps : r.rps;
    const g = r.gateway;
    const se = r.socket_errors ? r.socket_errors.connect + r.socket_errors.read + r.socket_errors.write + r.socket_errors.timeout : 0;
    const subq = replay ? `(${r.replay_fetches} fetches replayed)` : `${f2(r.subgraph_requests_per_req)}${r.fetches_per_query != null ? ` (1 query: ${r.fetches_per_query})` : ''}`;
    const wrong = r.check && !String(r.check).startsWith('OK') ? ' ⚠ first answer wrong' : '';
    const name = (replay ? `${r.name} — ${f1(r.rps)} fetches/s; RPS = per query` : r.name) + wrong;
    out.push(`| ${name} | ${f1(rps)} | ${f2(r.p50_ms)} | ${f2(r.p95_ms)} | ${f2(r.p99_ms)} | ${g ? f1(g.rss_max_mb) : '–'} | ${r.gateway_cpu_ms_per_req != null ? f2(r.gateway_cpu_ms_per_req) : '–'} | ${g ? f1(g.cpu_pct) : '–'} | ${subq} | ${r.non200} / ${r.mismatches ?? '–'} / ${r.graphql_errors} / ${se} | ${f1(r.subgraphs_cpu_pct)} | ${f1(r.machine && r.machine.other_cpu_pct)} | ${r.name === 'ours' ? '1.00×' : ratio(rps, oursRps)} | ${r.name === 'ours' ? '1.00×' : (replay ? '–' : ratio(r.gateway_cpu_ms_per_req, oursCpu))} |`);
  }
  for (const f of failed) if (f) out.push(`| ${f.split('\t')[0]} | did not run: ${f.split('\t').slice(1).join(' ')} ||||||||||||`);
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
