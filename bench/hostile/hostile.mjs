// Sends each hostile request of the edge-protection list to a running gateway, one after the other, while a
// well-behaved client keeps asking a small query; prints, per input, the status and code answered, the time,
// the gateway's peak RSS during the request and whether the well-behaved client was served meanwhile.
//
//   node hostile.mjs --url http://127.0.0.1:4000/graphql --pid <gateway pid> [--timeout 60] [--out file.json]
//
// Bounded: every request has a timeout; the probe client stops with the run.
import { readFileSync, writeFileSync } from 'node:fs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const url = args.url ?? 'http://127.0.0.1:4000/graphql';
const pid = args.pid;
const timeoutMs = Number(args.timeout ?? 60) * 1000;
const json = 'application/json';

function fragmentBomb(levels) {
  const fragments = ['fragment F0 on Query { __typename }'];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return `query Bomb { ...F${levels} }\n${fragments.join('\n')}`;
}

function deepCreatorVideos(levels) {
  let selection = 'id';
  for (let i = levels - 1; i >= 0; i--) selection = i % 2 === 0 ? `creator { id ${selection} }` : `videos { id ${selection} }`;
  return `{ video(id: "v1") { id ${selection} } }`;
}

const aliases = n => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
const directives = n => `{ __typename ${'@include(if: true) '.repeat(n)} }`;
const introspection = readFileSync(new URL('./introspection.graphql', import.meta.url), 'utf8');

const inputs = [
  { name: 'fragment bomb (30 named fragments, each spreading the previous twice)', body: { query: fragmentBomb(30) } },
  { name: 'inline fragment nesting (2000 levels)', body: { query: `{ ${'... on Query { '.repeat(2000)}__typename${' }'.repeat(2000)} }` } },
  { name: 'deep nesting (20 levels video → creator → videos → …)', body: { query: deepCreatorVideos(20) } },
  { name: 'alias bomb (20,000 aliases)', body: { query: aliases(20000) } },
  { name: 'directive flood (10,000 on one field)', body: { query: directives(10000) } },
  { name: 'fragment cycle', body: { query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' } },
  { name: 'huge list in variables (200,000 items)', body: { query: 'query($first: Int) { feed(first: $first) { edges { cursor } } }', variables: { first: Array.from({ length: 200000 }, (_, i) => i) } } },
  { name: 'huge string in variables (1.5 MB)', body: { query: 'query($s: String) { products(search: $s) { edges { cursor } } }', variables: { s: 'x'.repeat(1_500_000) } } },
  { name: 'introspection ×50', body: { query: introspection }, repeat: 50 },
  { name: 'garbage Content-Type ×200', raw: '{"query":"{ __typename }"}', contentType: ';;;garbage', repeat: 200 },
  { name: 'invalid UTF-8 in the body', rawBytes: Buffer.concat([Buffer.from('{"query":"{ __typename } #'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]) },
  { name: 'GET mutation', get: '?query=' + encodeURIComponent('mutation { __typename }') },
  { name: 'batch of 1,000 operations', raw: JSON.stringify(Array.from({ length: 1000 }, () => ({ query: '{ __typename }' }))) },
  { name: 'APQ hash mismatch', body: { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } } },
];

function rssMb() {
  if (!pid) return NaN;
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find(l => l.startsWith('VmRSS:'));
    return Number(line.split(/\s+/)[1]) / 1024;
  } catch { return NaN; }
}

async function send(input) {
  const signal = AbortSignal.timeout(timeoutMs);
  if (input.get) return fetch(url + input.get, { signal, headers: { 'apollo-require-preflight': 'true' } });
  const body = input.rawBytes ?? input.raw ?? JSON.stringify(input.body);
  return fetch(url, { method: 'POST', signal, body, headers: { 'content-type': input.contentType ?? json } });
}

async function answer(input) {
  try {
    const response = await send(input);
    const text = await response.text();
    let code = '';
    try {
      const parsed = JSON.parse(text);
      const first = Array.isArray(parsed) ? parsed[0] : parsed;
      code = first?.errors?.[0]?.extensions?.code ?? (first?.errors ? 'error' : 'data');
    } catch { code = text.startsWith('<') ? 'HTML' : 'not JSON'; }
    return { status: response.status, code };
  } catch (e) {
    return { status: 'none', code: e.name === 'TimeoutError' ? `no answer in ${timeoutMs / 1000} s` : e.message };
  }
}

// The well-behaved client: one small cross-backend query at a time, counting answers that come back correct.
async function probe(state) {
  while (!state.stop) {
    const started = Date.now();
    try {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': json }, signal: AbortSignal.timeout(5000),
        body: JSON.stringify({ query: '{ feed(first: 2) { edges { cursor } } }' }) });
      const body = await r.json();
      if (r.status === 200 && !body.errors && body?.data?.feed?.edges?.length === 2) state.ok++; else state.bad++;
    } catch { state.bad++; }
    state.worst = Math.max(state.worst, Date.now() - started);
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

const rows = [];
for (const input of inputs) {
  const before = rssMb();
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, rssMb()); }, 20);
  const state = { stop: false, ok: 0, bad: 0, worst: 0 };
  const prober = probe(state);
  const started = process.hrtime.bigint();
  let result;
  for (let i = 0; i < (input.repeat ?? 1); i++) result = await answer(input);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  state.stop = true;
  await prober;
  clearInterval(sampler);
  peak = Math.max(peak, rssMb());
  const row = { input: input.name, status: result.status, code: result.code, ms: Math.round(ms),
    rssBeforeMb: Math.round(before), peakRssMb: Math.round(peak), probeOk: state.ok, probeFailed: state.bad,
    probeWorstMs: state.worst };
  rows.push(row);
  console.error(JSON.stringify(row));
}

console.log('| input | status | code | time ms | RSS before → peak MB | probe ok / failed (worst ms) |');
console.log('|---|--:|---|--:|--:|--:|');
for (const r of rows) {
  console.log(`| ${r.input} | ${r.status} | ${r.code} | ${r.ms} | ${r.rssBeforeMb} → ${r.peakRssMb} | ${r.probeOk} / ${r.probeFailed} (${r.probeWorstMs}) |`);
}
if (args.out) writeFileSync(args.out, JSON.stringify(rows, null, 2));
