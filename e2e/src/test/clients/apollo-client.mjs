// Runs the app's contract operations through Apollo Client, as the mobile app does: an InMemoryCache (with the
// schema's possible types) and the automatic persisted queries link (SHA-256 from node:crypto), one client per
// buyer. For each request it reports whether the answer equals the stored golden answer and whether the cache
// normalized every entity of the raw answer (each object with __typename and id is the entry Typename:id, and no
// cache entry holds such an object inline). Prints one JSON line; the JUnit test judges it.
// usage: node apollo-client.mjs <graphql url> <token url> <requests.json>
//   requests.json: [{ "label", "buyer" (or null), "document", "operationName", "variables", "expected",
//                     "live": field names whose values other tests may have changed since the golden answer }]
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kind, parse, print, visit } from 'graphql';
import { tap } from 'rxjs';

const [graphqlUrl, tokenUrl, requestsFile] = process.argv.slice(2);
if (!graphqlUrl || !tokenUrl || !requestsFile) {
  console.error('usage: node apollo-client.mjs <graphql url> <token url> <requests.json>');
  process.exit(2);
}

const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const requests = JSON.parse(readFileSync(requestsFile, 'utf8'));
const possibleTypes = await fetchPossibleTypes();
const clients = new Map();
const wire = { hashOnly: 0, hashOnlyAnswered: 0, withText: 0, notFound: 0 };
const report = [];

for (const request of requests) {
  const client = await clientFor(request.buyer);
  const document = parse(singleOperation(request.document, request.operationName));
  const mutation = document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation');
  client.lastRaw = null;
  const result = mutation
    ? await client.apollo.mutate({ mutation: document, variables: request.variables, errorPolicy: 'all' })
    : await client.apollo.query({ query: document, variables: request.variables, errorPolicy: 'all',
      fetchPolicy: 'network-only' });
  const cache = client.apollo.cache.extract();
  const entities = entitiesIn(client.lastRaw && client.lastRaw.data);
  report.push({
    label: request.label,
    dataDifference: difference(request.expected.data, result.data, '$', new Set(request.live || [])),
    errorsDifference: difference(errorSummary(request.expected.errors), errorSummary(result.error && result.error.errors), 'errors'),
    entities: entities.length,
    entitiesWithoutEntry: entities.filter((key) => !cache[key]),
    inlineEntities: inlineEntities(cache)
  });
}
console.log(JSON.stringify({ requests: report, wire, cacheKeys: [...clients.values()].map((c) => Object.keys(c.apollo.cache.extract()).length) }));

async function clientFor(buyer) {
  const key = buyer || '';
  if (clients.has(key)) {
    return clients.get(key);
  }
  const headers = buyer ? { authorization: 'Bearer ' + await token(buyer) } : {};
  const client = { apollo: null, lastRaw: null };
  const recordRaw = new ApolloLink((operation, forward) => forward(operation).pipe(tap((raw) => { client.lastRaw = raw; })));
  const http = new HttpLink({ uri: graphqlUrl, headers, fetch: countingFetch });
  client.apollo = new ApolloClient({
    link: ApolloLink.from([new PersistedQueryLink({ sha256 }), recordRaw, http]),
    cache: new InMemoryCache({ possibleTypes })
  });
  clients.set(key, client);
  return client;
}

// Counts what the persisted-queries link put on the wire: hash-only first tries, the misses, the resends with text.
async function countingFetch(url, init) {
  const body = JSON.parse(init.body);
  const hashOnly = body.extensions && body.extensions.persistedQuery && !body.query;
  wire[hashOnly ? 'hashOnly' : 'withText']++;
  const response = await fetch(url, init);
  const text = await response.clone().text();
  const notFound = text.includes('PERSISTED_QUERY_NOT_FOUND');
  if (notFound) {
    wire.notFound++;
  } else if (hashOnly) {
    wire.hashOnlyAnswered++;
  }
  return response;
}

async function token(buyer) {
  const url = new URL(tokenUrl);
  url.searchParams.set('sub', buyer);
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok || typeof body.access_token !== 'string') {
    throw new Error('no token for ' + buyer + ': HTTP ' + response.status);
  }
  return body.access_token;
}

// What the app's codegen would give the cache: each interface's and union's object types, from introspection.
async function fetchPossibleTypes() {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __schema { types { name possibleTypes { name } } } }' })
  });
  const body = await response.json();
  const types = {};
  for (const type of body.data.__schema.types) {
    if (type.possibleTypes) {
      types[type.name] = type.possibleTypes.map((t) => t.name);
    }
  }
  return types;
}

// A client document holds one operation: the named one and the fragments it uses, as the app's codegen splits them.
function singleOperation(text, operationName) {
  const all = parse(text);
  const fragments = new Map(all.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const operation = all.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name && d.name.value === operationName);
  if (!operation) {
    throw new Error('no operation ' + operationName);
  }
  const used = new Set();
  const pending = [operation];
  while (pending.length) {
    visit(pending.pop(), { FragmentSpread(spread) {
      if (!used.has(spread.name.value)) {
        used.add(spread.name.value);
        pending.push(fragments.get(spread.name.value));
      }
    } });
  }
  return [operation, ...[...used].sort().map((name) => fragments.get(name))].map(print).join('\n\n');
}

// Keys Typename:id of every object of the raw answer that Apollo Client's default cache identifies.
function entitiesIn(value, found = []) {
  if (Array.isArray(value)) {
    value.forEach((item) => entitiesIn(item, found));
  } else if (value && typeof value === 'object') {
    if (typeof value.__typename === 'string' && value.id !== undefined && value.id !== null) {
      found.push(value.__typename + ':' + value.id);
    }
    Object.values(value).forEach((field) => entitiesIn(field, found));
  }
  return [...new Set(found)];
}

// Objects with __typename and id stored inside a cache entry (ROOT_QUERY included) instead of as a reference.
function inlineEntities(cache) {
  const found = [];
  const walk = (value, where) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, where + '[' + i + ']'));
      return;
    }
    if (!value || typeof value !== 'object') {
      return;
    }
    if (where.includes('.') && typeof value.__typename === 'string' && value.id !== undefined && value.id !== null) {
      found.push(where);
    }
    Object.entries(value).forEach(([key, field]) => walk(field, where + '.' + key));
  };
  Object.entries(cache).forEach(([key, entry]) => Object.entries(entry).forEach(([field, v]) => walk(v, key + '.' + field)));
  return found;
}

function errorSummary(errors) {
  return (errors || []).map((e) => ({ message: e.message, path: e.path || null,
    code: (e.extensions && e.extensions.code) || null }));
}

// The first difference between the golden value and Apollo's, or null. Apollo asks for __typename on every
// selection, so a __typename the golden answer lacks is not a difference; key order is the cache's, not compared.
// A field named in live must be there, with a value of the golden one's type.
function difference(expected, actual, where, live = new Set()) {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return where + ': expected ' + JSON.stringify(expected) + ', got ' + JSON.stringify(actual);
    }
    for (let i = 0; i < expected.length; i++) {
      const d = difference(expected[i], actual[i], where + '[' + i + ']', live);
      if (d) {
        return d;
      }
    }
    return null;
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) {
      return where + ': expected an object, got ' + JSON.stringify(actual);
    }
    const extra = Object.keys(actual).filter((k) => !(k in expected) && k !== '__typename');
    if (extra.length) {
      return where + ': fields the golden answer lacks: ' + extra.join(', ');
    }
    for (const key of Object.keys(expected)) {
      if (live.has(key) && typeof actual[key] === typeof expected[key]) {
        continue;
      }
      const d = difference(expected[key], actual[key], where + '.' + key, live);
      if (d) {
        return d;
      }
    }
    return null;
  }
  return expected === (actual === undefined ? null : actual) || (expected === null && actual === undefined)
    ? null : where + ': expected ' + JSON.stringify(expected) + ', got ' + JSON.stringify(actual);
}
