'use strict';
// Generates the JMH inputs in ../src/main/resources/bench/ (committed; rerun after changing this file):
//   node bench/jmh/generate/generate.js            (needs bench/node_modules: npm ci in bench/)
//
// large/  a synthetic supergraph of 20 subgraphs and 500+ types (entities owned by one subgraph and
//         extended by two others, entity links that cross subgraphs, value types, enums, inputs),
//         composed with @apollo/composition, plus a 50-leaf-field query that jumps through 5
//         entities over 10+ subgraphs.
// batch/  two subgraphs (catalog: Query.products(n), pricing: Product @key(id) price/stock) for
//         representation batching and response merging at 100..5000 list items.
// testquery/ the four gateway-benchmark subgraphs (accounts, inventory, products, reviews), their
//         supergraph, the benchmark query and its expected response.
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('graphql');
const { composeServices } = require('@apollo/composition');

const RES = path.resolve(__dirname, '..', 'src', 'main', 'resources', 'bench');
const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides"])';

function compose(services, dir, writeSubgraphs = true) {
  const result = composeServices(services.map((s) => ({ ...s, typeDefs: parse(s.sdl) })));
  if (result.errors && result.errors.length) {
    for (const e of result.errors.slice(0, 20)) console.error(e.message);
    process.exit(1);
  }
  fs.mkdirSync(path.join(RES, dir), { recursive: true });
  fs.writeFileSync(path.join(RES, dir, 'supergraph.graphql'), result.supergraphSdl);
  if (writeSubgraphs) for (const s of services) fs.writeFileSync(path.join(RES, dir, `${s.name}.graphql`), s.sdl);
  return result.supergraphSdl;
}

// ---- large: 20 subgraphs, 500+ types ------------------------------------------------------------
const SUBGRAPHS = 20;
const ENTITIES = 200;       // E0..E199, owner s(i % 20), extended by s(i+7 % 20) and s(i+13 % 20)
const VALUES = 240;         // V0..V239, one per (entity, slot) pair below, local to one subgraph
const ENUMS = 40;
const INPUTS = 30;
const sg = (i) => `s${((i % SUBGRAPHS) + SUBGRAPHS) % SUBGRAPHS}`;
const owner = (e) => sg(e);
const ext1 = (e) => sg(e + 7);
const ext2 = (e) => sg(e + 13);
const next = (e) => (e + 1) % ENTITIES;      // E_i.next lives in ext1(i), points to an entity of another owner
const far = (e) => (e + 37) % ENTITIES;      // E_i.far lives in ext2(i)

const body = Object.fromEntries(Array.from({ length: SUBGRAPHS }, (_, i) => [`s${i}`, []]));
const queries = Object.fromEntries(Array.from({ length: SUBGRAPHS }, (_, i) => [`s${i}`, []]));
const stubs = Object.fromEntries(Array.from({ length: SUBGRAPHS }, (_, i) => [`s${i}`, new Map()])); // referenced entity stubs

for (let k = 0; k < ENUMS; k++) body[sg(k)].push(`enum Kind${k} { A${k} B${k} C${k} D${k} }`);
// an input type uses an enum only when both live in the same subgraph
for (let k = 0; k < INPUTS; k++) {
  const kind = sg(k % ENUMS) === sg(k) ? `, kind: Kind${k % ENUMS}` : '';
  body[sg(k)].push(`input Filter${k} { text: String, min: Int, max: Int${kind} }`);
}

let v = 0;
for (let e = 0; e < ENTITIES; e++) {
  const o = owner(e), x1 = ext1(e), x2 = ext2(e);
  // a value type in the owner and (for most entities) in the first extender
  const vo = v++;
  const kind = sg(e % ENUMS) === o ? `kind: Kind${e % ENUMS}` : 'flag: Boolean';
  body[o].push(`type V${vo} { label: String, amount: Int, ratio: Float, ${kind} }`);
  let vx = null;
  if (v < VALUES) { vx = v++; body[x1].push(`type V${vx} { label: String, amount: Int, ratio: Float, flag: Boolean }`); }
  body[o].push(`type E${e} @key(fields: "id") {
  id: ID!
  name: String
  title: String
  count: Int
  score: Float
  active: Boolean
  detail: V${vo}
}`);
  const n = next(e), f = far(e);
  stubs[x1].set(`E${n}`, `type E${n} @key(fields: "id", resolvable: false) { id: ID! }`);
  stubs[x2].set(`E${f}`, `type E${f} @key(fields: "id", resolvable: false) { id: ID! }`);
  body[x1].push(`type E${e} @key(fields: "id") {
  id: ID!
  ext1Label: String
  ext1Count: Int
  ${vx !== null ? `ext1Detail: V${vx}` : 'ext1Flag: Boolean'}
  next: E${n}
}`);
  body[x2].push(`type E${e} @key(fields: "id") {
  id: ID!
  ext2Label: String
  ext2Score: Float
  far: E${f}
  siblings(first: Int = 3): [E${f}]
}`);
  const filter = sg(e % INPUTS) === o ? `, filter: Filter${e % INPUTS}` : '';
  queries[o].push(`  e${e}(id: ID!): E${e}\n  list${e}(first: Int = 10${filter}): [E${e}]`);
}
const large = Object.keys(body).map((name) => {
  const own = body[name];
  // entity stubs only where the subgraph does not define the type itself
  const defined = new Set(own.map((t) => (t.match(/^type (\w+)/) || [])[1]).filter(Boolean));
  const extra = [...stubs[name].entries()].filter(([t]) => !defined.has(t)).map(([, sdl]) => sdl);
  const q = queries[name].length ? [`type Query {\n${queries[name].join('\n')}\n}`] : [];
  return { name, url: `http://127.0.0.1:1/${name}`, sdl: [LINK, ...q, ...own, ...extra].join('\n\n') + '\n' };
});
const largeSupergraph = compose(large, 'large', false);
const typeCount = (largeSupergraph.match(/^(type|enum|input|interface|union|scalar) /gm) || []).length;

// the 50-leaf-field query: E0 and four more hops (next → far → next → far); each of the 5 levels
// selects 10 leaves (id, fields of the owner and of both extenders, a value-type object), so every
// level needs 3 subgraphs and the whole query 10+ of them
const level = (indent, depth) => {
  const pad = ' '.repeat(indent);
  const leaves = ['id', 'name', 'count', 'score', 'ext1Label', 'ext1Count', 'ext2Label', 'ext2Score'];
  const s = leaves.map((f) => `${pad}${f}`).join('\n') + `\n${pad}detail { label amount }`;
  if (depth === 0) return s;
  const child = depth % 2 === 0 ? 'next' : 'far';
  return `${s}\n${pad}${child} {\n${level(indent + 2, depth - 1)}\n${pad}}`;
};
const bigQuery = `query Large {\n  e0(id: "1") {\n${level(4, 4)}\n  }\n}\n`;
const leafCount = (bigQuery.match(/^\s+(\w+)$/gm) || []).length + (bigQuery.match(/\{ label amount \}/g) || []).length * 2;
fs.writeFileSync(path.join(RES, 'large', 'query.graphql'), bigQuery);

// ---- batch: catalog + pricing --------------------------------------------------------------
compose([
  { name: 'catalog', url: 'http://127.0.0.1:1/catalog', sdl: `${LINK}
type Query {
  products(n: Int!, distinct: Int!): [Product!]!
}
type Product @key(fields: "id") {
  id: ID!
  name: String!
  category: String!
}
` },
  { name: 'pricing', url: 'http://127.0.0.1:1/pricing', sdl: `${LINK}
type Product @key(fields: "id") {
  id: ID!
  price: Money!
  stock: Int!
  tags: [String!]!
}
type Money {
  amount: Int!
  currency: String!
}
` },
], 'batch');
fs.writeFileSync(path.join(RES, 'batch', 'query.graphql'), `query Batch($n: Int!, $distinct: Int!) {
  products(n: $n, distinct: $distinct) {
    id
    name
    category
    price { amount currency }
    stock
    tags
  }
}
`);

// ---- testquery: the gateway-benchmark workload -----------------------------------------------
const bench = require(path.resolve(__dirname, '..', '..', 'workload', 'subgraphs', 'schemas.js'));
compose(bench.NAMES.map((name) => ({ name, url: `http://127.0.0.1:1/${name}`, sdl: bench.typeDefs[name] })), 'testquery');
const q = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'workload', 'query.json'), 'utf8'));
fs.writeFileSync(path.join(RES, 'testquery', 'query.graphql'), q.query + '\n');
fs.copyFileSync(path.resolve(__dirname, '..', '..', 'workload', 'expected-response.json'), path.join(RES, 'testquery', 'expected-response.json'));

console.log(`large: ${large.length} subgraphs, ${typeCount} types in the supergraph, query with ${leafCount} leaf fields; batch; testquery -> ${RES}`);
