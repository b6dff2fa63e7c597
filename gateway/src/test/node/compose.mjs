// Composes a fixture's subgraphs into a supergraph SDL with @apollo/composition.
// Usage: node compose.mjs <fixture> <output file> name=url ...   (every subgraph needs its url)
// Prints `READY <output file>` when written; composition errors go to stderr with exit code 1.
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { writeFileSync } from 'node:fs';
import { loadFixture } from './fixture.mjs';

const [fixtureName, output, ...pairs] = process.argv.slice(2);
if (!fixtureName || !output) {
  console.error('usage: node compose.mjs <fixture> <output file> name=url ...');
  process.exit(2);
}
const urls = Object.fromEntries(pairs.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
const fixture = await loadFixture(fixtureName);
const missing = fixture.subgraphs.map((s) => s.name).filter((name) => !urls[name]);
if (missing.length) {
  console.error(`no url given for subgraph(s): ${missing.join(', ')}`);
  process.exit(2);
}
const result = composeServices(
  fixture.subgraphs.map((s) => ({ name: s.name, url: urls[s.name], typeDefs: parse(s.typeDefs) })),
);
if (result.errors?.length) {
  for (const e of result.errors) console.error(`${e.extensions?.code ?? 'ERROR'}: ${e.message}`);
  process.exit(1);
}
writeFileSync(output, result.supergraphSdl);
console.log(`READY ${output}`);
