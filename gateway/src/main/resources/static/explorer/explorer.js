// GraphiQL against this gateway, with the query plan of the last operation shown beside the result.
// Every request asks for the plan (apollo-expose-query-plan); the plan is moved out of the displayed result.
(function () {
  'use strict';
  var h = React.createElement;
  var endpoint = new URL('/graphql', window.location.href).toString();

  function withoutPlan(body) {
    if (!body || !body.extensions || !body.extensions.queryPlan) {
      return body;
    }
    var extensions = Object.assign({}, body.extensions);
    delete extensions.queryPlan;
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

  function Explorer() {
    var state = React.useState('Run an operation to see its query plan.');
    var plan = state[0];
    var setPlan = state[1];

    var fetcher = React.useCallback(function (params, options) {
      var headers = Object.assign({
        'content-type': 'application/json',
        'accept': 'application/graphql-response+json, application/json',
        'apollo-expose-query-plan': 'true'
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
        }
        return withoutPlan(body);
      });
    }, []);

    return h('div', { className: 'explorer' },
      h('div', { className: 'explorer-graphiql' }, h(GraphiQL, { fetcher: fetcher })),
      h('aside', { className: 'explorer-plan', 'aria-label': 'Query plan' },
        h('h2', null, 'Query plan'),
        h('pre', null, plan)));
  }

  ReactDOM.createRoot(document.getElementById('explorer')).render(h(Explorer));
})();
