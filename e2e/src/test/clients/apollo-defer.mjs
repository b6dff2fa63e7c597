// Runs one operation with @defer through Apollo Client, as an app's product screen would: the price first, the
// videos later. Reports what the gateway answered on the wire (content type, number of parts) and each result
// Apollo Client gave the app (its dataState and data). Prints one JSON line; the JUnit test judges it.
// usage: node apollo-defer.mjs <graphql url> <product id>
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { Defer20220824Handler } from '@apollo/client/incremental';

const [graphqlUrl, productId] = process.argv.slice(2);
if (!graphqlUrl || !productId) {
  console.error('usage: node apollo-defer.mjs <graphql url> <product id>');
  process.exit(2);
}

const wire = { contentType: null, parts: 0 };
async function recordingFetch(url, init) {
  const response = await fetch(url, init);
  wire.contentType = response.headers.get('content-type');
  wire.parts = (await response.clone().text()).split('\r\n--graphql').length - 2; // the opening and closing delimiters
  return response;
}

const client = new ApolloClient({
  link: new HttpLink({ uri: graphqlUrl, fetch: recordingFetch }),
  cache: new InMemoryCache(),
  incrementalHandler: new Defer20220824Handler()
});
const query = gql`
  query ProductDeferred($id: ID!) {
    product(id: $id) {
      id
      name
      price { formatted }
      ... @defer(label: "videos") { videos(first: 5) { id title } }
    }
  }
`;
const results = [];
await new Promise((resolve, reject) => {
  client.watchQuery({ query, variables: { id: productId }, fetchPolicy: 'network-only' }).subscribe({
    next: (result) => {
      if (result.dataState === 'empty') {
        return;
      }
      results.push({ dataState: result.dataState, data: result.data, error: result.error ? result.error.message : null });
      if (result.dataState === 'complete') {
        resolve();
      }
    },
    error: reject
  });
});
console.log(JSON.stringify({ wire, results }));
process.exit(0);
