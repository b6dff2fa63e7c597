// Composes schema/*.graphql (one file per subgraph) into supergraph.graphql.
// Usage: node compose.mjs <schema dir> <subgraph name>=<url> ...
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, ...pairs] = process.argv.slice(2);
const services = pairs.map((pair) => {
  const [name, url] = pair.split('=');
  return { name, url, typeDefs: parse(readFileSync(join(dir, `${name}.graphql`), 'utf8')) };
});
const result = composeServices(services);
if (result.errors?.length) {
  for (const e of result.errors) console.error(`${e.extensions?.code ?? 'ERROR'}: ${e.message}`);
  process.exit(1);
}
writeFileSync(join(dir, 'supergraph.graphql'), result.supergraphSdl);
console.log(`wrote ${join(dir, 'supergraph.graphql')}`);
