// Serves a supergraph with Apollo Gateway behind Apollo Server's standalone HTTP server.
// Usage: node gateway.mjs <supergraph file> [port]   (port 0 or none: any free port)
// Prints `READY <url>` once it listens. Exits on SIGTERM, SIGINT or when stdin closes.
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { readFileSync } from 'node:fs';

const [supergraphFile, port = '0'] = process.argv.slice(2);
if (!supergraphFile) {
  console.error('usage: node gateway.mjs <supergraph file> [port]');
  process.exit(2);
}
const gateway = new ApolloGateway({ supergraphSdl: readFileSync(supergraphFile, 'utf8') });
const server = new ApolloServer({ gateway, introspection: true, includeStacktraceInErrorResponses: false });
const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: Number(port) } });
console.log(`READY ${url}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => {});
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
