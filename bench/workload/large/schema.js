'use strict';
// A generated large federation for the `large` benchmark: 40 subgraphs and about 600 types. Each entity
// E<i> is owned by one subgraph (Query.e<i>, Query.list<i>, its own fields and a value type) and extended by
// two others, which add fields, a value type and links to other entities (`next`, `far`, `siblings`) that
// the gateway must fetch from their owners. Every field's value follows from the type, the field and the
// entity's id (a hash), so any correct gateway gives the same answer.
// Exports the same shape as ../subgraphs/schemas.js, so compose.js and the subgraph server can serve it.
const { parse } = require('graphql');

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';
const SUBGRAPHS = 40;
const ENTITIES = 200;
const VALUES = 280;
const ENUMS = 60;
const INPUTS = 60;
const sg = (i) => `s${((i % SUBGRAPHS) + SUBGRAPHS) % SUBGRAPHS}`;
const NAMES = Array.from({ length: SUBGRAPHS }, (_, i) => `s${i}`);
const owner = (e) => sg(e);
const ext1 = (e) => sg(e + 7);
const ext2 = (e) => sg(e + 13);
const next = (e) => (e + 1) % ENTITIES;
const far = (e) => (e + 37) % ENTITIES;

// deterministic values from (type, field, id)
function hash(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
const linkedId = (id, field) => String(hash(`${field}:${id}`) % 1000);
const scalar = (kind, type, field, id) => {
  const h = hash(`${type}.${field}:${id}`);
  switch (kind) {
    case 'String': return `${field}-${type}-${id}`;
    case 'Int': return h % 10000;
    case 'Float': return (h % 10000) + 0.25; // exact in binary and never integral: printed alike everywhere
    case 'Boolean': return h % 2 === 0;
    default: return `${'ABCD'[h % 4]}${kind.slice(4)}`; // an enum Kind<k>: A<k>..D<k>
  }
};

// per subgraph: SDL parts and the fields of each type it defines ({name: kind}); kinds are scalars,
// "Kind<k>", "value:V<k>", "entity:E<k>", "list:E<k>"
const sdl = Object.fromEntries(NAMES.map((n) => [n, []]));
const fields = Object.fromEntries(NAMES.map((n) => [n, {}]));
const queries = Object.fromEntries(NAMES.map((n) => [n, []]));
const stubs = Object.fromEntries(NAMES.map((n) => [n, new Map()]));
const define = (name, type, spec, header = `type ${type}`) => {
  const prev = fields[name][type];
  if (prev && !prev.stub) throw new Error(`${type} twice in ${name}`);
  fields[name][type] = spec;
  const body = Object.entries(spec).map(([f, k]) => `  ${f}${k.args || ''}: ${k.gql || k}`).join('\n');
  sdl[name].push(`${header} {\n${body}\n}`);
};
const gqlOf = (kind) => (kind.startsWith('value:') || kind.startsWith('entity:') ? kind.split(':')[1]
  : kind.startsWith('list:') ? `[${kind.split(':')[1]}]` : kind);
const f = (kind, args) => ({ kind, gql: gqlOf(kind), args, toString: () => kind });

for (let k = 0; k < ENUMS; k++) sdl[sg(k)].push(`enum Kind${k} { A${k} B${k} C${k} D${k} }`);
for (let k = 0; k < INPUTS; k++) {
  const kind = sg(k % ENUMS) === sg(k) ? `, kind: Kind${k % ENUMS}` : '';
  sdl[sg(k)].push(`input Filter${k} { text: String, min: Int, max: Int${kind} }`);
}

let v = 0;
const valueType = (name, extra) => {
  const type = `V${v++}`;
  define(name, type, { label: f('String'), amount: f('Int'), ratio: f('Float'), ...extra });
  return type;
};
for (let e = 0; e < ENTITIES; e++) {
  const o = owner(e), x1 = ext1(e), x2 = ext2(e), n = next(e), fa = far(e);
  const kind = sg(e % ENUMS) === o ? { kind: f(`Kind${e % ENUMS}`) } : { flag: f('Boolean') };
  const vo = valueType(o, kind);
  const vx = v < VALUES ? valueType(x1, { flag: f('Boolean') }) : null;
  const key = `type E${e} @key(fields: "id")`;
  define(o, `E${e}`, { id: 'ID!', name: f('String'), title: f('String'), count: f('Int'), score: f('Float'),
    active: f('Boolean'), detail: f(`value:${vo}`) }, key);
  define(x1, `E${e}`, { id: 'ID!', ext1Label: f('String'), ext1Count: f('Int'),
    ...(vx ? { ext1Detail: f(`value:${vx}`) } : { ext1Flag: f('Boolean') }), next: f(`entity:E${n}`) }, key);
  define(x2, `E${e}`, { id: 'ID!', ext2Label: f('String'), ext2Score: f('Float'), far: f(`entity:E${fa}`),
    siblings: f(`list:E${fa}`, '(first: Int = 3)') }, key);
  stubs[x1].set(`E${n}`, `type E${n} @key(fields: "id", resolvable: false) { id: ID! }`);
  stubs[x2].set(`E${fa}`, `type E${fa} @key(fields: "id", resolvable: false) { id: ID! }`);
  const filter = sg(e % INPUTS) === o ? `, filter: Filter${e % INPUTS}` : '';
  queries[o].push(`  e${e}(id: ID!): E${e}\n  list${e}(first: Int = 10${filter}): [E${e}]`);
}

const typeDefs = {};
for (const name of NAMES) {
  const extra = [...stubs[name].entries()].filter(([t]) => !fields[name][t]).map(([, s]) => s);
  const q = queries[name].length ? [`type Query {\n${queries[name].join('\n')}\n}`] : [];
  typeDefs[name] = [LINK, ...q, ...sdl[name], ...extra].join('\n\n') + '\n';
}

// resolvers: an entity is {id}; a value type is {owner: "E<i>.<field>", id}
function fieldResolver(type, field, kind) {
  const k = kind.kind || kind;
  if (k.startsWith('value:')) return (p) => ({ owner: `${type}.${field}`, id: p.id });
  if (k.startsWith('entity:')) return (p) => ({ id: linkedId(p.id, field) });
  if (k.startsWith('list:')) {
    return (p, { first }) => Array.from({ length: Math.max(0, Math.min(first ?? 3, 20)) }, (_, i) => ({ id: linkedId(p.id, `${field}${i}`) }));
  }
  if (type.startsWith('V')) return (p) => scalar(k, p.owner, field, p.id);
  return (p) => scalar(k, type, field, p.id);
}

const resolvers = {};
for (const name of NAMES) {
  const r = {};
  for (const [type, spec] of Object.entries(fields[name])) {
    const fr = {};
    for (const [field, kind] of Object.entries(spec)) if (field !== 'id') fr[field] = fieldResolver(type, field, kind);
    if (type.startsWith('E')) fr.__resolveReference = (ref) => ({ id: ref.id });
    r[type] = fr;
  }
  const q = {};
  for (let e = 0; e < ENTITIES; e++) {
    if (owner(e) !== name) continue;
    q[`e${e}`] = (_, { id }) => ({ id });
    q[`list${e}`] = (_, { first }) => Array.from({ length: Math.max(0, Math.min(first ?? 10, 50)) }, (_, i) => ({ id: String(i + 1) }));
  }
  if (Object.keys(q).length) r.Query = q;
  resolvers[name] = r;
}

function documents() {
  const out = {};
  for (const n of NAMES) out[n] = parse(typeDefs[n]);
  return out;
}

// for the query generator: what a client can select on each entity (the union over its three subgraphs)
const entityFields = (e) => {
  const leaves = [], objects = [], values = [];
  for (const name of [owner(e), ext1(e), ext2(e)]) {
    for (const [field, kind] of Object.entries(fields[name][`E${e}`])) {
      const k = kind.kind || kind;
      if (field === 'id' && leaves.includes('id')) continue;
      if (k.startsWith('value:')) values.push([field, Object.keys(fields[name][k.slice(6)])]);
      else if (k.startsWith('entity:') || k.startsWith('list:')) objects.push([field, +k.split(':E')[1], !!kind.args]);
      else leaves.push(field);
    }
  }
  return { leaves, objects, values };
};

module.exports = { NAMES, typeDefs, resolvers, documents, ENTITIES, entityFields, owner };
