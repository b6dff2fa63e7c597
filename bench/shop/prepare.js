'use strict';
// node prepare.js GATEWAY_URL OPERATIONS_DIR OUT_DIR
// Prepares our federation for the shop mix, through the gateway, once per subgraph start:
// every buyer u1..u$SHOP_USERS gets one product in the cart, checks out with the key
// "bench-<user>" (the mix's checkout replays that key: idempotent, returns the same order) and
// gets one product in the cart again (so the Cart screen has lines). Then writes
// OUT_DIR/requests.tsv: graphql.lua's REQUESTS_FILE, a shuffled mix of the app's own operations
// (schema/contract/operations) with x-user-id headers, weighted by SHOP_MIX
// (default "feed:4,productPage:3,cart:2,checkout:1").
const fs = require('node:fs');
const path = require('node:path');
const [url, opsDir, outDir] = process.argv.slice(2);
const USERS = parseInt(process.env.SHOP_USERS || '50', 10);
const MIX = (process.env.SHOP_MIX || 'feed:4,productPage:3,cart:2,checkout:1').split(',').map((p) => p.split(':'));
const op = (f) => fs.readFileSync(path.join(opsDir, f), 'utf8');

async function post(user, query, operationName, variables) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(user ? { 'x-user-id': user } : {}) },
    body: JSON.stringify({ query, operationName, variables }),
  });
  const body = await res.json();
  if (res.status !== 200 || body.errors) throw new Error(`${operationName} as ${user}: ${res.status} ${JSON.stringify(body).slice(0, 400)}`);
  return body.data;
}

(async () => {
  const search = op('search.graphql'), cart = op('cart.graphql'), checkout = op('checkout.graphql');
  const feed = op('feed.graphql'), productPage = op('productPage.graphql');
  const found = await post('u1', search, 'Search', { first: 50 });
  const products = found.products.edges.map((e) => e.node).filter((p) => p.inStock).map((p) => p.id);
  if (products.length < 5) throw new Error(`only ${products.length} products in stock`);
  for (let u = 1; u <= USERS; u++) {
    const user = `u${u}`;
    const current = await post(user, cart, 'Cart', {});
    for (const item of (current.me && current.me.cart && current.me.cart.items) || []) {
      await post(user, cart, 'RemoveFromCart', { productId: item.product.id });
    }
    await post(user, cart, 'AddToCart', { productId: products[u % products.length], quantity: 1 });
    await post(user, checkout, 'Checkout', { idempotencyKey: `bench-${user}` });
    await post(user, cart, 'AddToCart', { productId: products[(u + 1) % products.length], quantity: 1 });
  }
  const make = {
    feed: (u, k) => ({ query: feed, operationName: 'Feed', variables: { first: 10 } }),
    productPage: (u, k) => ({ query: productPage, operationName: 'ProductPage', variables: { id: products[(u * 3 + k) % products.length] } }),
    cart: () => ({ query: cart, operationName: 'Cart', variables: {} }),
    checkout: (u) => ({ query: checkout, operationName: 'Checkout', variables: { idempotencyKey: `bench-u${u}` } }),
  };
  const lines = [];
  for (let u = 1; u <= USERS; u++) {
    for (const [name, weight] of MIX) {
      if (!make[name]) throw new Error(`unknown operation ${name} in SHOP_MIX`);
      for (let k = 0; k < +weight; k++) lines.push(`/graphql\tx-user-id:u${u}\t${JSON.stringify(make[name](u, k))}`);
    }
  }
  // deterministic shuffle, so consecutive requests are different operations and users
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = lines.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [lines[i], lines[j]] = [lines[j], lines[i]]; }
  fs.writeFileSync(path.join(outDir, 'requests.tsv'), lines.join('\n') + '\n');
  console.log(`shop: ${USERS} buyers prepared (cart filled, order bench-<user> placed); ${lines.length} requests in the mix (${MIX.map((m) => m.join('×')).join(', ')} per buyer), ${products.length} products`);
})().catch((e) => { console.error(String(e.stack || e)); process.exit(1); });
