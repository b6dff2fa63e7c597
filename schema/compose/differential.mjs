// Differential oracle: composes each case directory with @apollo/composition and prints one JSON object
// { "<case dir>": { "supergraph": "..." } | { "errors": [{ "code": "...", "message": "..." }] } }.
// A case directory holds one <subgraph name>.graphql per subgraph; subgraphs are taken in file-name order
// and get the url http://<name>/graphql, the same convention the Java composer's differential test uses.
// Usage: node differential.mjs <case dir> ...
//        node differential.mjs --write-expected <case dir> ...
//          also writes Apollo's supergraph to <case dir>/expected-supergraph for every case that composes, except the
//          cases only our own checks refuse (those with an expected-errors file): the golden files of a corpus.
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, basename } from 'node:path';

function composeCase(dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort();
  try {
    const services = files.map((file) => {
      const name = basename(file, '.graphql');
      return { name, url: `http://${name}/graphql`, typeDefs: parse(readFileSync(join(dir, file), 'utf8')) };
    });
    const result = composeServices(services);
    if (result.errors?.length) {
      return { errors: result.errors.map((e) => ({ code: e.extensions?.code ?? 'ERROR', message: e.message })) };
    }
    return { supergraph: result.supergraphSdl };
  } catch (e) {
    return { errors: [{ code: 'EXCEPTION', message: String(e?.message ?? e) }] };
  }
}

const args = process.argv.slice(2);
const writeExpected = args[0] === '--write-expected';
const out = {};
for (const dir of writeExpected ? args.slice(1) : args) out[dir] = composeCase(dir);
if (writeExpected) {
  for (const [dir, result] of Object.entries(out)) {
    if (result.supergraph !== undefined && !existsSync(join(dir, 'expected-errors'))) {
      writeFileSync(join(dir, 'expected-supergraph'), result.supergraph);
    }
  }
}
process.stdout.write(JSON.stringify(out, null, 1));
