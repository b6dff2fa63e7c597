'use strict';
// node to-requests.js IN.jsonl OUT.tsv
// Turns captured {"path","body"[,"headers"]} JSON lines into graphql.lua's REQUESTS_FILE format:
// "path<TAB>name:value|name:value<TAB>compact JSON body" per line.
const fs = require('node:fs');
const [inFile, outFile] = process.argv.slice(2);
const lines = fs.readFileSync(inFile, 'utf8').split('\n').filter(Boolean).map((l) => {
  const { path, body, headers } = JSON.parse(l);
  const compact = JSON.stringify(JSON.parse(body));
  const h = Object.entries(headers || {}).map(([k, v]) => `${k}:${v}`).join('|');
  return `${path}\t${h}\t${compact}`;
});
fs.writeFileSync(outFile, lines.join('\n') + '\n');
console.log(lines.length);
