// GraphiQL against this gateway, with the query plan and the cost of the last operation shown beside the result.
// Every request asks for the plan (apollo-expose-query-plan) and the cost (apollo-expose-cost); both are moved
// out of the displayed result.
(function () {
  'use strict';
  var h = React.createElement;
  var endpoint = new URL('/graphql', window.location.href).toString();
  var SHOWN_ASIDE = ['queryPlan', 'cost'];

  function withoutAsides(body) {
    if (!body || !body.extensions) {
      return body;
    }
    var extensions = Object.assign({}, body.extensions);
    SHOWN_ASIDE.forEach(function (name) { delete extensions[name]; });
    var shown = Object.assign({}, body);
    if (Object.keys(extensions).length === 0) {
      delete shown.extensions;
    } else {
      shown.extensions = extensions;
    }
    return shown;
  }

  function planText(body) {
    var plan = body && body.extensions && body.extensions.queryPlan;
    return plan && typeof plan.text === 'string' ? plan.text : null;
  }

  function costText(body) {
    var cost = body && body.extensions && body.extensions.cost;
    if (!cost) {
      return null;
    }
    var shown = function (value) { return value === null || value === undefined ? '–' : String(value); };
    return 'estimated ' + shown(cost.estimated) + ' · actual ' + shown(cost.actual)
        + ' · max ' + shown(cost.max) + ' (' + shown(cost.mode) + ')';
  }

  function Explorer() {
    var planState = React.useState('Run an operation to see its query plan.');
    var costState = React.useState('Run an operation to see its cost.');
    var setPlan = planState[1];
    var setCost = costState[1];

    var fetcher = React.useCallback(function (params, options) {
      var headers = Object.assign({
        'content-type': 'application/json',
        'accept': 'application/graphql-response+json, application/json',
        'apollo-expose-query-plan': 'true',
        'apollo-expose-cost': 'true'
      }, (options && options.headers) || {});
      return fetch(endpoint, {
        method: 'POST',
        headers: headers,
        body: JSON.stringify(params),
        credentials: 'same-origin'
      }).then(function (response) {
        return response.json();
      }).then(function (body) {
        if (params.operationName !== 'IntrospectionQuery') {
          setPlan(planText(body) || 'No query plan in the response (introspection, an invalid operation, '
              + 'or gateway.explain=false).');
          setCost(costText(body) || 'No cost in the response (an invalid operation, '
              + 'or gateway.demand-control.enabled=false).');
        }
        return withoutAsides(body);
      });
    }, []);

    return h('div', { className: 'explorer' },
      h('div', { className: 'explorer-graphiql' }, h(GraphiQL, { fetcher: fetcher })),
      h('aside', { className: 'explorer-plan', 'aria-label': 'Query plan and cost' },
        h('h2', null, 'Cost'),
        h('p', { className: 'explorer-cost' }, costState[0]),
        h('h2', null, 'Query plan'),
        h('pre', null, planState[0])));
  }

  ReactDOM.createRoot(document.getElementById('explorer')).render(h(Explorer));
})();
