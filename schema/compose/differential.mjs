// Differential oracle: composes each case directory with @apollo/composition and prints one JSON object
// { "<case dir>": { "supergraph": "..." } | { "errors": [{ "code": "...", "message": "..." }] } }.
// A case directory holds one <subgraph name>.graphql per subgraph; subgraphs are taken in file-name order
// and get the url http://<name>/graphql, the same convention the Java composer's differential test uses.
// Usage: node differential.mjs <case dir> ...
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { readFileSync, readdirSync } from 'node:fs';
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

const out = {};
for (const dir of process.argv.slice(2)) out[dir] = composeCase(dir);
process.stdout.write(JSON.stringify(out, null, 1));
