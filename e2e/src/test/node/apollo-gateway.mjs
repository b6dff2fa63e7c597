// Apollo Gateway as ApolloParityTest runs it: gateway/src/test/node/gateway.mjs plus what our gateway does
// by default and Apollo Gateway does not, forwarding the client's `authorization` and `x-user-id` headers
// to the subgraphs (commerce answers `me`, carts and orders from x-user-id).
// The subgraphs answer only requests with a gateway identity token (x-gateway-identity): given the file of our
// gateway's signing key (env GATEWAY_IDENTITY_SIGNING_KEY_FILE), it signs the same tokens, the subject taken from
// x-user-id as our gateway does in its temporary development mode.
// Usage: node apollo-gateway.mjs <node project dir> <supergraph file> [port]
//   <node project dir> is gateway/src/test/node, whose node_modules hold @apollo/gateway and @apollo/server.
// Prints `READY <url>` once it listens. Exits on SIGTERM, SIGINT or when stdin closes.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { createPrivateKey, sign } from 'node:crypto';

const [projectDir, supergraphFile, port = '0'] = process.argv.slice(2);
if (!projectDir || !supergraphFile) {
  console.error('usage: node apollo-gateway.mjs <node project dir> <supergraph file> [port]');
  process.exit(2);
}
const require = createRequire(join(resolve(projectDir), 'package.json'));
const { ApolloGateway, RemoteGraphQLDataSource } = require('@apollo/gateway');
const { ApolloServer } = require('@apollo/server');
const { startStandaloneServer } = require('@apollo/server/standalone');

const FORWARDED = ['authorization', 'x-user-id'];

const keyFile = process.env.GATEWAY_IDENTITY_SIGNING_KEY_FILE;
const signingJwk = keyFile ? JSON.parse(readFileSync(keyFile, 'utf8')) : null;
const signingKey = signingJwk ? createPrivateKey({ key: signingJwk, format: 'jwk' }) : null;
const base64url = (value) => Buffer.from(value).toString('base64url');

function identityToken(subgraph, subject) {
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: 'shopfed-gateway', aud: subgraph, iat: now, exp: now + 60 };
  if (subject) claims.sub = subject;
  const input = base64url(JSON.stringify({ alg: 'ES256', kid: signingJwk.kid, typ: 'JWT' })) + '.'
    + base64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(input), { key: signingKey, dsaEncoding: 'ieee-p1363' });
  return input + '.' + signature.toString('base64url');
}

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(supergraphFile, 'utf8'),
  buildService: ({ name: subgraph, url }) => new RemoteGraphQLDataSource({
    url,
    willSendRequest({ request, context }) {
      for (const name of FORWARDED) {
        const value = context?.headers?.[name];
        if (value !== undefined) request.http.headers.set(name, value);
      }
      if (signingKey) {
        request.http.headers.set('x-gateway-identity', identityToken(subgraph, context?.headers?.['x-user-id']));
      }
    },
  }),
});
const server = new ApolloServer({ gateway, introspection: true, includeStacktraceInErrorResponses: false });
const { url } = await startStandaloneServer(server, {
  listen: { host: '127.0.0.1', port: Number(port) },
  context: async ({ req }) => ({ headers: req.headers }),
});
console.log(`READY ${url}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // server.stop() waits for idle keep-alive connections to drain; do not let that hold the exit up.
  setTimeout(() => process.exit(0), 2000).unref();
  await server.stop().catch(() => {});
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
