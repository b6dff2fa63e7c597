// Apollo Gateway as ApolloParityTest runs it: gateway/src/test/node/gateway.mjs plus what our gateway does and
// Apollo Gateway does not on its own. The subgraphs answer only requests with a gateway identity token
// (x-gateway-identity): given the file of our gateway's signing key (env GATEWAY_IDENTITY_SIGNING_KEY_FILE), it signs
// the same tokens, for the buyer and scopes of the client's bearer token, which it verifies as our gateway does
// (ES256/RS256 against env CLIENT_JWKS_URL, iss CLIENT_ISSUER, aud CLIENT_AUDIENCE, exp/nbf). A bad token is a 401
// UNAUTHENTICATED. No client header reaches a subgraph. Apollo Gateway has no @authenticated/@requiresScopes
// (Apollo Router has): the parity test allows for that.
// Usage: node apollo-gateway.mjs <node project dir> <supergraph file> [port]
//   <node project dir> is gateway/src/test/node, whose node_modules hold @apollo/gateway and @apollo/server.
// Prints `READY <url>` once it listens. Exits on SIGTERM, SIGINT or when stdin closes.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';

const [projectDir, supergraphFile, port = '0'] = process.argv.slice(2);
if (!projectDir || !supergraphFile) {
  console.error('usage: node apollo-gateway.mjs <node project dir> <supergraph file> [port]');
  process.exit(2);
}
const require = createRequire(join(resolve(projectDir), 'package.json'));
const { ApolloGateway, RemoteGraphQLDataSource } = require('@apollo/gateway');
const { ApolloServer } = require('@apollo/server');
const { startStandaloneServer } = require('@apollo/server/standalone');

const { GraphQLError } = require('graphql');

const keyFile = process.env.GATEWAY_IDENTITY_SIGNING_KEY_FILE;
const signingJwk = keyFile ? JSON.parse(readFileSync(keyFile, 'utf8')) : null;
const signingKey = signingJwk ? createPrivateKey({ key: signingJwk, format: 'jwk' }) : null;
const base64url = (value) => Buffer.from(value).toString('base64url');

function identityToken(subgraph, client) {
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: 'shopfed-gateway', aud: subgraph, iat: now, exp: now + 60 };
  if (client?.sub) claims.sub = client.sub;
  if (client?.scope) claims.scope = client.scope;
  const input = base64url(JSON.stringify({ alg: 'ES256', kid: signingJwk.kid, typ: 'JWT' })) + '.'
    + base64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(input), { key: signingKey, dsaEncoding: 'ieee-p1363' });
  return input + '.' + signature.toString('base64url');
}

let clientKeys = null; // the issuer's JWKS, fetched once
async function clientKey(kid) {
  if (!clientKeys) {
    const response = await fetch(process.env.CLIENT_JWKS_URL);
    clientKeys = (await response.json()).keys;
  }
  return clientKeys.find((key) => key.kid === kid);
}

function unauthenticated(why) {
  return new GraphQLError('invalid bearer token: ' + why,
    { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

// The verified claims of the client's bearer token; null when there is none (anonymous).
async function verifiedClient(authorization) {
  if (!authorization) return null;
  const [scheme, token] = authorization.split(' ');
  const parts = (token || '').split('.');
  if (scheme !== 'Bearer' || parts.length !== 3 || !process.env.CLIENT_JWKS_URL) throw unauthenticated('malformed');
  let header;
  let claims;
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url'));
    claims = JSON.parse(Buffer.from(parts[1], 'base64url'));
  } catch (e) {
    throw unauthenticated('not JSON');
  }
  const jwk = await clientKey(header.kid);
  const algorithms = { ES256: { dsaEncoding: 'ieee-p1363' }, RS256: {} };
  if (!jwk || !(header.alg in algorithms)) throw unauthenticated('unknown key or algorithm');
  const signed = verify('sha256', Buffer.from(parts[0] + '.' + parts[1]),
    { key: createPublicKey({ key: jwk, format: 'jwk' }), ...algorithms[header.alg] },
    Buffer.from(parts[2], 'base64url'));
  const now = Math.floor(Date.now() / 1000);
  const audiences = [].concat(claims.aud ?? []);
  if (!signed) throw unauthenticated('signature');
  if (claims.iss !== process.env.CLIENT_ISSUER || !audiences.includes(process.env.CLIENT_AUDIENCE)) {
    throw unauthenticated('issuer or audience');
  }
  if (!(claims.exp > now - 60) || (claims.nbf !== undefined && claims.nbf > now + 60)) throw unauthenticated('time');
  return claims;
}

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(supergraphFile, 'utf8'),
  buildService: ({ name: subgraph, url }) => new RemoteGraphQLDataSource({
    url,
    willSendRequest({ request, context }) {
      if (signingKey) {
        request.http.headers.set('x-gateway-identity', identityToken(subgraph, context?.client));
      }
    },
  }),
});
const server = new ApolloServer({ gateway, introspection: true, includeStacktraceInErrorResponses: false });
const { url } = await startStandaloneServer(server, {
  listen: { host: '127.0.0.1', port: Number(port) },
  context: async ({ req }) => ({ client: await verifiedClient(req.headers.authorization) }),
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
