'use strict';
// One Node process serving the four subgraphs on one port, like the Rust subgraphs of
// graphql-hive/graphql-gateways-benchmark: POST /accounts, /inventory, /products, /reviews,
// GET /health. Plain node:http + graphql-js, with parse/validate cached per query text,
// in-memory data, no artificial delay.
//
// Env:
//   HOST (127.0.0.1), PORT (4280)
//   SUBGRAPH_MEMO=1      cache whole response bodies by (path, request body): the data is
//                        static, so responses are identical; this makes the subgraphs' own
//                        CPU cost near zero (useful on a 2-core box). Default 0 (execute).
//   SUBGRAPH_DELAY_MS=N  optional fixed delay per request (default 0 = none)
//   CAPTURE_FILE=path    append every request as {"path","body"} JSON lines (debug/replay)
//   SCHEMAS=large        serve the generated large federation (../large/schema.js: 40 subgraphs) instead
// GET /stats returns request counts per subgraph; GET /stats?reset=1 resets them.
// GET /capture?start=1 starts recording requests in memory (dropping earlier ones);
// GET /capture returns the recorded requests as {"path","body"} JSON lines and stops recording.
const http = require('node:http');
const fs = require('node:fs');
const { buildSubgraphSchema } = require('@apollo/subgraph');
const { parse, validate, execute, specifiedRules } = require('graphql');
const { NAMES, resolvers, documents } = require(process.env.SCHEMAS === 'large' ? '../large/schema' : './schemas');

const HOST = process.env.HOST || '127.0.0.1';
const PORT = parseInt(process.env.PORT || '4280', 10);
const MEMO = process.env.SUBGRAPH_MEMO === '1';
const DELAY = parseInt(process.env.SUBGRAPH_DELAY_MS || '0', 10);
const CAPTURE = process.env.CAPTURE_FILE ? fs.openSync(process.env.CAPTURE_FILE, 'a') : null;

const docs = documents();
const subgraphs = {};
for (const name of NAMES) {
  subgraphs['/' + name] = {
    name,
    schema: buildSubgraphSchema([{ typeDefs: docs[name], resolvers: resolvers[name] }]),
    docCache: new Map(),
    count: 0,
  };
}
const memo = new Map();
let recording = null; // array of captured requests while /capture?start=1 is on
const MEMO_MAX = 10000;

function getDocument(sg, query) {
  let entry = sg.docCache.get(query);
  if (entry) return entry;
  try {
    const document = parse(query);
    const errors = validate(sg.schema, document, specifiedRules);
    entry = errors.length ? { errors } : { document };
  } catch (e) {
    entry = { errors: [e] };
  }
  if (sg.docCache.size > 1000) sg.docCache.clear();
  sg.docCache.set(query, entry);
  return entry;
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function handle(sg, raw, res) {
  if (CAPTURE !== null) fs.writeSync(CAPTURE, JSON.stringify({ path: '/' + sg.name, body: raw }) + '\n');
  if (recording !== null) recording.push(JSON.stringify({ path: '/' + sg.name, body: raw }));
  if (MEMO) {
    const hit = memo.get(sg.name + raw);
    if (hit !== undefined) return send(res, 200, hit);
  }
  let payload;
  try { payload = JSON.parse(raw); } catch { return send(res, 400, '{"errors":[{"message":"bad json"}]}'); }
  const { document, errors } = getDocument(sg, payload.query);
  if (errors) return send(res, 400, JSON.stringify({ errors: errors.map((e) => ({ message: e.message })) }));
  let result = execute({
    schema: sg.schema, document, variableValues: payload.variables,
    operationName: payload.operationName, contextValue: {},
  });
  if (result && typeof result.then === 'function') result = await result;
  const body = JSON.stringify(result);
  if (MEMO && !result.errors && memo.size < MEMO_MAX) memo.set(sg.name + raw, body);
  send(res, 200, body);
}

const server = http.createServer((req, res) => {
  const q = req.url.indexOf('?');
  const path = q === -1 ? req.url : req.url.slice(0, q);
  if (req.method === 'GET' && path === '/health') return send(res, 200, '"OK"');
  if (req.method === 'GET' && path === '/stats') {
    const counts = {};
    for (const sg of Object.values(subgraphs)) { counts[sg.name] = sg.count; if (req.url.includes('reset=1')) sg.count = 0; }
    return send(res, 200, JSON.stringify(counts));
  }
  if (req.method === 'GET' && path === '/capture') {
    if (req.url.includes('start=1')) { recording = []; return send(res, 200, '"recording"'); }
    const lines = recording || [];
    recording = null;
    return send(res, 200, lines.map((l) => l + '\n').join(''));
  }
  const sg = subgraphs[path];
  if (!sg || req.method !== 'POST') return send(res, 404, '{"errors":[{"message":"not found"}]}');
  sg.count++;
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const raw = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
    const go = () => handle(sg, raw, res).catch((e) => send(res, 500, JSON.stringify({ errors: [{ message: String(e) }] })));
    if (DELAY > 0) setTimeout(go, DELAY); else go();
  });
});
server.keepAliveTimeout = 65000;
server.headersTimeout = 66000;
server.listen(PORT, HOST, () => {
  console.log(`subgraphs on http://${HOST}:${PORT}/{${NAMES.length > 8 ? `${NAMES[0]},…,${NAMES[NAMES.length - 1]}` : NAMES.join(',')}} memo=${MEMO} delay=${DELAY}ms pid=${process.pid}`);
});
