// Renders GET /migration (JSON) as tables with a bar per field; no framework, nothing from elsewhere.
const SVG = 'http://www.w3.org/2000/svg';
const OLD = '#8c959f';
const NEW = '#1f883d';

function cell(row, content) {
  const td = document.createElement('td');
  if (typeof content === 'string') td.textContent = content; else td.appendChild(content);
  row.appendChild(td);
  return td;
}

// A bar split between the old and the new owner, 200 px wide; the label is the numbers.
function bar(oldShare, newShare, legend) {
  const span = document.createElement('span');
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '200');
  svg.setAttribute('height', '14');
  svg.setAttribute('class', 'bar');
  const total = oldShare + newShare;
  const newWidth = total === 0 ? 0 : Math.round(200 * newShare / total);
  for (const [x, width, color] of [[0, 200 - newWidth, OLD], [200 - newWidth, newWidth, NEW]]) {
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('x', String(x));
    rect.setAttribute('width', String(width));
    rect.setAttribute('height', '14');
    rect.setAttribute('fill', total === 0 ? '#eaeef2' : color);
    svg.appendChild(rect);
  }
  span.appendChild(svg);
  const text = document.createElement('span');
  text.className = 'legend';
  text.textContent = legend;
  span.appendChild(text);
  return span;
}

async function showReport() {
  const response = await fetch('/migration', { headers: { accept: 'application/json' } });
  const report = await response.json();
  const s = report.summary;
  document.getElementById('summary').textContent = s.overridden === 0
    ? 'No field of this supergraph is under progressive override.'
    : s.migratedByFieldsPercent + ' % migrated by fields (' + s.migrated + ' of ' + s.overridden + ' at 100 %), '
      + s.migratedByTrafficPercent + ' % by traffic (' + s.requestsToNewOwner + ' of ' + s.requests
      + ' requests served by the new owner).';
  const moving = document.getElementById('moving');
  const all = document.getElementById('all');
  for (const field of report.fields) {
    const row = all.insertRow();
    cell(row, field.field);
    cell(row, field.servedBy.join(', '));
    if (!field.override) continue;
    const o = field.override;
    const line = moving.insertRow();
    cell(line, field.field);
    cell(line, o.from + ' → ' + o.to);
    cell(line, o.label);
    cell(line, bar(100 - o.percent, o.percent, o.percent + ' %'));
    const served = o.traffic[o.to] || 0;
    const old = o.traffic[o.from] || 0;
    cell(line, bar(old, served, o.to + ' ' + served + ' · ' + o.from + ' ' + old));
    const shadow = cell(line, o.compared === 0 ? 'not compared'
      : o.mismatched + ' of ' + o.compared + ' (' + o.mismatchRate + ' %)');
    if (o.mismatched > 0) shadow.className = 'mismatch';
  }
}

function showShadow(shadow) {
  const settings = document.getElementById('shadow-settings');
  if (!shadow) return;
  settings.textContent = shadow.settings.share === 0
    ? 'Off (gateway.migration.shadow.share=0).'
    : 'On for ' + shadow.settings.share + ' % of queries that select these fields; at most '
      + shadow.settings.maxInFlight + ' at once and ' + shadow.settings.perSecond + ' a second (skipped: '
      + (shadow.skippedInFlight + shadow.skippedBudget) + '). Values are never shown: only their hashes and shapes.';
  const body = document.getElementById('mismatches');
  for (const m of shadow.mismatches) {
    const row = body.insertRow();
    cell(row, m.field);
    cell(row, m.path.join('.'));
    cell(row, m.client.subgraph + ': ' + JSON.stringify(m.client.shape) + ' #' + m.client.sha256.slice(0, 8));
    cell(row, m.shadow.subgraph + ': ' + JSON.stringify(m.shadow.shape) + ' #' + m.shadow.sha256.slice(0, 8));
    cell(row, m.count + '×');
  }
}

showReport().then(() => fetch('/migration', { headers: { accept: 'application/json' } }))
  .then((r) => r.json()).then((report) => showShadow(report.shadow));
