'use strict';
// Composes the benchmark supergraph from the subgraph SDLs in ./subgraphs/schemas.js with
// @apollo/composition (Federation v2, join v0.3).
//   node compose.js OUT_FILE
// With SCHEMAS=large, the generated large federation of ./large/schema.js instead.
// Subgraph URLs: http://$SUBGRAPH_HOST:$SUBGRAPH_PORT/<name> (default 127.0.0.1:4280).
// With SDL_DIR set, each subgraph's SDL is also written to SDL_DIR/<name>.graphql (the Grafbase gateway
// composes the graph itself from those).
const fs = require('node:fs');
const { composeServices } = require('@apollo/composition');
const path = require('node:path');
const { NAMES, typeDefs, documents } = require(process.env.SCHEMAS === 'large' ? './large/schema' : './subgraphs/schemas');

const out = process.argv[2];
if (!out) { console.error('usage: node compose.js OUT_FILE'); process.exit(2); }
const port = process.env.SUBGRAPH_PORT || '4280';
const host = process.env.SUBGRAPH_HOST || '127.0.0.1';
const docs = documents();
const services = NAMES.map((name) => ({ name, url: `http://${host}:${port}/${name}`, typeDefs: docs[name] }));
const result = composeServices(services);
if (result.errors && result.errors.length) {
  for (const e of result.errors) console.error(e.message);
  process.exit(1);
}
fs.writeFileSync(out, result.supergraphSdl);
if (process.env.SDL_DIR) {
  fs.mkdirSync(process.env.SDL_DIR, { recursive: true });
  for (const name of NAMES) fs.writeFileSync(path.join(process.env.SDL_DIR, `${name}.graphql`), typeDefs[name]);
}
console.log(`composed ${NAMES.join(', ')} -> ${out}`);
