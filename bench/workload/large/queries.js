'use strict';
// A mix of distinct queries over the large federation (schema.js), from a seeded generator: a root entity or
// list, a subset of its fields from all three of its subgraphs, and links to other entities 1-4 levels deep.
//
//   node queries.js COUNT SEED OUT.tsv        (graphql.lua's REQUESTS_FILE format)
const fs = require('node:fs');
const { randomFor } = require('../random');
const { ENTITIES, entityFields } = require('./schema');

function selection(r, e, depth) {
  const { leaves, objects, values } = entityFields(e);
  const parts = r.subset(leaves, 2, 6);
  for (const [field, sub] of values) if (r.chance(0.4)) parts.push(`${field} { ${r.subset(sub, 1).join(' ')} }`);
  if (depth > 0) {
    for (const [field, target, hasArgs] of objects) {
      if (!r.chance(0.5)) continue;
      const args = hasArgs && r.chance(0.5) ? `(first: ${1 + r.int(4)})` : '';
      parts.push(`${field}${args} { ${selection(r, target, depth - 1)} }`);
    }
  }
  return parts.join(' ');
}

function query(r) {
  const e = r.int(ENTITIES);
  const root = r.chance(0.5) ? `e${e}(id: "${1 + r.int(500)}")` : `list${e}(first: ${1 + r.int(5)})`;
  return `{ ${root} { ${selection(r, e, 1 + r.int(4))} } }`;
}

if (require.main === module) {
  const [count, seed, out] = process.argv.slice(2);
  if (!out) { console.error('usage: node queries.js COUNT SEED OUT.tsv'); process.exit(2); }
  const r = randomFor(seed);
  const seen = new Set();
  while (seen.size < parseInt(count, 10)) seen.add(query(r));
  fs.writeFileSync(out, [...seen].map((q) => `/graphql\t\t${JSON.stringify({ query: q })}`).join('\n') + '\n');
  console.log(`${seen.size} queries (seed ${seed})`);
}
