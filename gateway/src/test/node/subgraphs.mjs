// Starts every subgraph of one fixture, each an Apollo Server on its own loopback port.
// Usage: node subgraphs.mjs <fixture> [name=port ...]   (an unlisted subgraph gets any free port)
// Prints `READY {"<name>":"<url>",...}` once all listen. A subgraph the fixture marks `down` gets a
// port that nothing listens on, so requests to it are refused. Each `reset` line on stdin puts the
// fixture's in-memory data back to its start state and is answered with `RESET`.
// Exits on SIGTERM, SIGINT or when stdin closes (the parent process went away).
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import net from 'node:net';
import readline from 'node:readline';
import { loadFixture } from './fixture.mjs';

const [fixtureName, ...pairs] = process.argv.slice(2);
if (!fixtureName) {
  console.error('usage: node subgraphs.mjs <fixture> [name=port ...]');
  process.exit(2);
}
const fixture = await loadFixture(fixtureName);
const requestedPorts = Object.fromEntries(pairs.map((pair) => pair.split('=')).map(([n, p]) => [n, Number(p)]));

const servers = [];
const urls = {};
for (const subgraph of fixture.subgraphs) {
  const port = requestedPorts[subgraph.name] ?? 0;
  if (subgraph.down) {
    urls[subgraph.name] = `http://127.0.0.1:${port || (await unusedPort())}/graphql`;
    continue;
  }
  const server = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: parse(subgraph.typeDefs), resolvers: subgraph.resolvers }),
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port } });
  servers.push(server);
  urls[subgraph.name] = `${url}graphql`;
}
console.log(`READY ${JSON.stringify(urls)}`);

// A port that was free a moment ago: bind it, note it, let it go.
function unusedPort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled(servers.map((server) => server.stop()));
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() !== 'reset') return;
  fixture.reset();
  console.log('RESET');
});
lines.on('close', stop);
