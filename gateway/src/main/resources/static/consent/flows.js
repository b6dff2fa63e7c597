// Renders GET /consent/flows as a table; no framework, nothing from elsewhere.
function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  row.appendChild(td);
}

async function showFlows() {
  const body = document.getElementById('flows');
  const response = await fetch('/consent/flows', { headers: { accept: 'application/json' } });
  const answer = await response.json();
  body.textContent = '';
  if (!response.ok) {
    const row = body.insertRow();
    cell(row, answer.errors ? answer.errors[0].message : 'HTTP ' + response.status);
    return;
  }
  if (answer.flows.length === 0) {
    cell(body.insertRow(), 'This supergraph declares no personal data that crosses between subgraphs.');
    return;
  }
  for (const flow of answer.flows) {
    const row = body.insertRow();
    cell(row, flow.field);
    cell(row, flow.category + (flow.confined ? ' (confined)' : ''), flow.confined ? 'confined' : null);
    cell(row, flow.from);
    cell(row, flow.to);
    cell(row, flow.purpose || 'none declared', flow.purpose ? null : 'missing');
    cell(row, flow.via);
  }
}

showFlows();
