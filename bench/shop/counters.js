'use strict';
// node counters.js NAME=PORT ... : prints {"NAME": requests served on /graphql, ...} from each Spring Boot
// subgraph's actuator metric http.server.requests (exposed by bench/run.sh at start-up).
async function counters(args) {
  const out = {};
  for (const arg of args) {
    const [name, port] = arg.split('=');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/actuator/metrics/http.server.requests?tag=uri:/graphql`);
      const body = await res.json();
      const count = (body.measurements || []).find((m) => m.statistic === 'COUNT');
      out[name] = count ? count.value : 0;
    } catch { out[name] = null; }
  }
  return out;
}
module.exports = { counters };

if (require.main === module) counters(process.argv.slice(2)).then((c) => console.log(JSON.stringify(c)));
