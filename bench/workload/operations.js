'use strict';
// Distinct, valid operations over the benchmark supergraph (accounts, inventory, products, reviews), for plan-cache
// misses: different field subsets, aliases, nesting depth and `first`/`id` arguments, from a seeded generator.
//
//   node operations.js COUNT SEED MEASURED.tsv WARMUP.tsv
//
// Writes 2 × COUNT distinct operations: the first COUNT to MEASURED.tsv, the next COUNT to WARMUP.tsv, so that
// a warm-up on one file plans none of the other's operations. Lines are graphql.lua's REQUESTS_FILE format
// ("/graphql<TAB><TAB>compact JSON body"). The same COUNT and SEED always give the same files.
const fs = require('node:fs');
const { randomFor } = require('./random');

// what each type offers: leaves, and object fields with the type they lead to (and their arguments)
const TYPES = {
  User: { leaves: ['id', 'name', 'username', 'birthday'], objects: [['reviews', 'Review']] },
  Product: {
    leaves: ['upc', 'name', 'price', 'weight', 'inStock', 'shippingEstimate'],
    objects: [['reviews', 'Review']],
  },
  Review: { leaves: ['id', 'body'], objects: [['product', 'Product'], ['author', 'User']] },
};
const ROOTS = [
  ['me', 'User', () => ''],
  ['user', 'User', (r) => `(id: "${1 + r.int(6)}")`],
  ['users', 'User', () => ''],
  ['topProducts', 'Product', (r) => (r.chance(0.2) ? '' : `(first: ${1 + r.int(9)})`)],
];

// selection SET of TYPE, at most DEPTH more object levels; each response key once per selection set
function selection(r, type, depth) {
  const t = TYPES[type];
  const parts = [];
  for (const leaf of r.subset(t.leaves, 1)) {
    parts.push(r.chance(0.15) ? `${leaf}Alias${r.int(3)}: ${leaf}` : leaf);
  }
  if (depth > 0) {
    for (const [field, target] of t.objects) {
      if (!r.chance(depth > 2 ? 0.7 : 0.45)) continue;
      const key = r.chance(0.15) ? `${field}Alias${r.int(3)}: ${field}` : field;
      parts.push(`${key} { ${selection(r, target, depth - 1)} }`);
    }
  }
  return parts.join(' ');
}

function operation(r) {
  const roots = r.subset(ROOTS, 1, 2);
  const fields = roots.map(([field, type, args], i) => {
    const key = roots.length > 1 || r.chance(0.1) ? `r${i}: ${field}` : field;
    return `${key}${args(r)} { ${selection(r, type, 1 + r.int(5))} }`;
  });
  const name = r.chance(0.3) ? `query Op${r.int(1000)} ` : '';
  return `${name}{ ${fields.join(' ')} }`;
}

function generate(count, seed) {
  const r = randomFor(seed);
  const seen = new Set();
  let tries = 0;
  while (seen.size < count) {
    if (++tries > count * 50) throw new Error(`only ${seen.size} distinct operations after ${tries} tries`);
    seen.add(operation(r));
  }
  return [...seen];
}

const line = (query) => `/graphql\t\t${JSON.stringify({ query })}`;

if (require.main === module) {
  const [count, seed, measured, warmup] = process.argv.slice(2);
  if (!warmup) { console.error('usage: node operations.js COUNT SEED MEASURED.tsv WARMUP.tsv'); process.exit(2); }
  const n = parseInt(count, 10);
  const ops = generate(2 * n, seed);
  fs.writeFileSync(measured, ops.slice(0, n).map(line).join('\n') + '\n');
  fs.writeFileSync(warmup, ops.slice(n).map(line).join('\n') + '\n');
  console.log(`${n} measured + ${n} warm-up operations (seed ${seed})`);
}

module.exports = { generate, line };
