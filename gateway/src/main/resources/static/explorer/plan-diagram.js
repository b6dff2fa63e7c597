// The query plan drawn as a diagram: one box per subgraph fetch, coloured by subgraph, and an arrow from each fetch
// to the fetches that wait for it (time runs left to right). A Sequence makes each step wait for the one before; a Parallel's branches wait
// for the same fetches; a Flatten is an entity fetch at a path of the response so far. Plain SVG through React.
(function () {
  'use strict';
  var h = React.createElement;
  var BOX_WIDTH = 190;
  var BOX_HEIGHT = 58;
  var GAP_X = 40;
  var GAP_Y = 12;
  var MARGIN = 8;
  // Readable on white, distinct from each other; a subgraph keeps its colour as long as its name does.
  var PALETTE = ['#16a34a', '#9333ea', '#db2777', '#2563eb', '#0891b2', '#ea580c'];

  function colourOf(service) {
    var hash = 0;
    for (var i = 0; i < service.length; i++) {
      hash = (hash * 31 + service.charCodeAt(i)) >>> 0;
    }
    return PALETTE[hash % PALETTE.length];
  }

  function fetchBox(node, path, after, boxes) {
    var paths = node.kind === 'BatchFetch'
      ? node.parts.map(function (part) { return part.paths.map(function (p) { return p.join('.'); }).join(', '); })
      : (path ? [path.join('.')] : []);
    var box = {
      id: boxes.length,
      kind: node.kind === 'BatchFetch' ? 'BatchFetch' : (path ? 'Flatten' : 'Fetch'),
      service: node.serviceName,
      at: paths.join(' · '),
      operation: node.operation || '',
      waitsOn: after.slice()
    };
    boxes.push(box);
    return [box.id];
  }

  // Adds the fetches of node to boxes, each waiting on the ids in after; answers the ids that finish it.
  function walk(node, after, boxes) {
    if (node.kind === 'Fetch' || node.kind === 'BatchFetch') {
      return fetchBox(node, null, after, boxes);
    }
    if (node.kind === 'Flatten') {
      return fetchBox(node.node, node.path, after, boxes);
    }
    if (node.kind === 'Sequence') {
      return node.nodes.reduce(function (last, step) { return walk(step, last, boxes); }, after);
    }
    return node.nodes.reduce(function (ends, branch) { return ends.concat(walk(branch, after, boxes)); }, []);
  }

  // Time runs left to right: each box stands one column right of the last box it waits on. Boxes come in plan
  // order, so the boxes a box waits on are placed before it.
  function layout(boxes) {
    var columns = [];
    boxes.forEach(function (box) {
      box.column = box.waitsOn.reduce(function (column, id) { return Math.max(column, boxes[id].column + 1); }, 0);
      columns[box.column] = (columns[box.column] || []).concat([box]);
    });
    columns.forEach(function (column) {
      column.forEach(function (box, row) {
        box.x = MARGIN + box.column * (BOX_WIDTH + GAP_X);
        box.y = MARGIN + row * (BOX_HEIGHT + GAP_Y);
      });
    });
    var tallest = columns.reduce(function (most, column) { return Math.max(most, column.length); }, 1);
    return {
      width: 2 * MARGIN + columns.length * BOX_WIDTH + Math.max(0, columns.length - 1) * GAP_X,
      height: 2 * MARGIN + tallest * BOX_HEIGHT + (tallest - 1) * GAP_Y
    };
  }

  function shortened(text, length) {
    return text.length <= length ? text : text.slice(0, length - 1) + '\u2026';
  }

  function arrow(from, to) {
    var x1 = from.x + BOX_WIDTH;
    var y1 = from.y + BOX_HEIGHT / 2;
    var x2 = to.x - 2;
    var y2 = to.y + BOX_HEIGHT / 2;
    var bend = (x2 - x1) / 2;
    return h('path', {
      key: from.id + '-' + to.id,
      className: 'plan-edge',
      'data-from': from.service,
      'data-to': to.service,
      d: 'M' + x1 + ' ' + y1 + ' C' + (x1 + bend) + ' ' + y1 + ' ' + (x2 - bend) + ' ' + y2 + ' ' + x2 + ' ' + y2,
      markerEnd: 'url(#plan-arrow)'
    });
  }

  function box(b) {
    var colour = colourOf(b.service);
    return h('g', { key: b.id, className: 'plan-node', 'data-service': b.service, 'data-kind': b.kind,
        transform: 'translate(' + b.x + ' ' + b.y + ')' },
      h('title', null, b.kind + ' from ' + b.service + (b.at ? ' at ' + b.at : '') + '\n\n' + b.operation),
      h('rect', { width: BOX_WIDTH, height: BOX_HEIGHT, rx: 6, fill: colour, fillOpacity: 0.12, stroke: colour }),
      h('text', { x: 8, y: 18, className: 'plan-node-service', fill: colour }, b.service),
      h('text', { x: 8, y: 35, className: 'plan-node-detail' }, b.kind),
      b.at ? h('text', { x: 8, y: 50, className: 'plan-node-detail' }, shortened(b.at, 26)) : null);
  }

  function legend(boxes) {
    var services = boxes.map(function (b) { return b.service; })
      .filter(function (s, i, all) { return all.indexOf(s) === i; });
    return h('ul', { className: 'plan-legend' }, services.map(function (service) {
      return h('li', { key: service },
        h('span', { className: 'plan-swatch', style: { background: colourOf(service) } }), service);
    }));
  }

  // props.plan: the gateway's extensions.queryPlan.object ({kind: 'QueryPlan', node}); null draws nothing.
  function PlanDiagram(props) {
    var root = props.plan && props.plan.node;
    if (!root) {
      return h('p', { className: 'plan-empty' }, props.empty);
    }
    var boxes = [];
    walk(root, [], boxes);
    var size = layout(boxes);
    var edges = [];
    boxes.forEach(function (b) {
      b.waitsOn.forEach(function (id) { edges.push(arrow(boxes[id], b)); });
    });
    return h('figure', { className: 'plan-diagram', 'aria-label': 'Query plan diagram' },
      legend(boxes),
      h('svg', { width: size.width, height: size.height, viewBox: '0 0 ' + size.width + ' ' + size.height,
          role: 'img' },
        h('defs', null, h('marker', { id: 'plan-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5,
            markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
          h('path', { d: 'M0 0 L10 5 L0 10 z', className: 'plan-arrow-head' }))),
        edges,
        boxes.map(box)));
  }

  window.PlanDiagram = PlanDiagram;
})();
