'use strict';
// Apollo Gateway (@apollo/gateway 2.x) on @apollo/server standalone (node:http), one process,
// default settings (no response cache, no query-plan sharing beyond its own plan cache).
//   SUPERGRAPH=file.graphql HOST=127.0.0.1 PORT=4180 node apollo-gateway.js
const fs = require('node:fs');
const { ApolloServer } = require('@apollo/server');
const { startStandaloneServer } = require('@apollo/server/standalone');
const { ApolloGateway, RemoteGraphQLDataSource } = require('@apollo/gateway');

// Forwarded to every subgraph, like our gateway's default propagated headers.
const FORWARD = ['authorization', 'x-user-id'];

(async () => {
  const file = process.env.SUPERGRAPH;
  if (!file) throw new Error('set SUPERGRAPH to the supergraph SDL file');
  const gateway = new ApolloGateway({
    supergraphSdl: fs.readFileSync(file, 'utf8'),
    buildService: ({ url }) => new RemoteGraphQLDataSource({
      url,
      willSendRequest({ request, context }) {
        const headers = context && context.headers;
        if (!headers) return;
        for (const name of FORWARD) if (headers[name] !== undefined) request.http.headers.set(name, headers[name]);
      },
    }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { host: process.env.HOST || '127.0.0.1', port: parseInt(process.env.PORT || '4180', 10) },
    context: async ({ req }) => ({ headers: req.headers }),
  });
  console.log(`apollo-gateway ready at ${url} pid=${process.pid}`);
})().catch((e) => { console.error(e); process.exit(1); });
