// Copies the explorer's browser builds out of node_modules into the directory given as the only argument
// (the jar's static/explorer/vendor), together with their licences, so the page loads nothing from a CDN.
import { copyFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const target = process.argv[2];
if (!target) {
  console.error('usage: node bundle.mjs <target directory>');
  process.exit(2);
}

const files = [
  ['react/umd/react.production.min.js', 'react.production.min.js'],
  ['react/LICENSE', 'LICENSE-react.txt'],
  ['react-dom/umd/react-dom.production.min.js', 'react-dom.production.min.js'],
  ['react-dom/LICENSE', 'LICENSE-react-dom.txt'],
  ['graphiql/graphiql.min.js', 'graphiql.min.js'],
  ['graphiql/graphiql.min.css', 'graphiql.min.css'],
  ['graphiql/LICENSE', 'LICENSE-graphiql.txt'],
];

mkdirSync(target, { recursive: true });
for (const [from, to] of files) {
  const source = join(here, 'node_modules', from);
  if (!existsSync(source)) {
    console.error(`explorer: ${from} is missing; run npm install in ${here}`);
    process.exit(1);
  }
  copyFileSync(source, join(target, to));
}
console.log(`explorer: ${files.length} files copied to ${target}`);
