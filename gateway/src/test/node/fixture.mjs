// Loads fixtures/<name>/index.mjs: { subgraphs: [{ name, typeDefs, resolvers, down? }], reset() }.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export async function loadFixture(name) {
  const file = join(fixturesDir, name, 'index.mjs');
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !existsSync(file)) {
    throw new Error(`no fixture named "${name}" in ${fixturesDir}`);
  }
  const fixture = await import(pathToFileURL(file).href);
  return { subgraphs: fixture.subgraphs, reset: fixture.reset ?? (() => {}) };
}
