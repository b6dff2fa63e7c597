'use strict';
// node cache-metrics.js METRICS_URL : our gateway's document and plan cache lookups from its Prometheus endpoint
// (gateway_cache_requests_total{cache,result}) as one JSON object, e.g. {"plan_miss":12,"plan_hit":3,...}.
const [url] = process.argv.slice(2);
(async () => {
  const text = await (await fetch(url)).text();
  const out = {};
  for (const m of text.matchAll(/^gateway_cache_requests_total\{([^}]*)\}\s+(\S+)/gm)) {
    const tags = Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((t) => [t[1], t[2]]));
    out[`${tags.cache}_${tags.result}`] = (out[`${tags.cache}_${tags.result}`] || 0) + Number(m[2]);
  }
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(String(e)); process.exit(1); });
