'use strict';
// node counters.js NAME=PORT ... : prints {"NAME": requests served on /graphql, ...} from each Spring Boot
// subgraph's actuator metric http.server.requests (exposed by bench/run.sh at start-up).
(async () => {
  const out = {};
  for (const arg of process.argv.slice(2)) {
    const [name, port] = arg.split('=');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/actuator/metrics/http.server.requests?tag=uri:/graphql`);
      const body = await res.json();
      const count = (body.measurements || []).find((m) => m.statistic === 'COUNT');
      out[name] = count ? count.value : 0;
    } catch { out[name] = null; }
  }
  console.log(JSON.stringify(out));
})();
