// GraphiQL against this gateway, with the query plan and the cost of the last operation shown beside the result.
// Every request asks for the plan (apollo-expose-query-plan) and the cost (apollo-expose-cost); both are moved
// out of the displayed result. When the gateway names a sign-in URL (gateway.explorer.sign-in-url, given to the
// page as <meta name="explorer-sign-in-url">), a "Sign in as" control fetches a token for a buyer from it and
// every request then carries it as Authorization: Bearer. The editor opens on the operation the gateway names
// (gateway.explorer.initial-operation, with its variables), and the plan is drawn as a diagram (plan-diagram.js).
(function () {
  'use strict';
  var h = React.createElement;
  var endpoint = new URL('/graphql', window.location.href).toString();
  var SHOWN_ASIDE = ['queryPlan', 'cost'];
  var signInMeta = document.querySelector('meta[name="explorer-sign-in-url"]');
  var SIGN_IN_URL = signInMeta ? signInMeta.getAttribute('content') : null;
  var BUYERS = 50; // the seeded buyers u1..u50
  var ANONYMOUS = '';
  var INITIAL_OPERATION = metaContent('explorer-initial-operation');
  var INITIAL_VARIABLES = metaContent('explorer-initial-variables');
  var SIGNED_IN_AS = 'explorer.signedInAs'; // sessionStorage: a reload keeps the buyer, and fetches a fresh token

  function metaContent(name) {
    var meta = document.querySelector('meta[name="' + name + '"]');
    return meta ? meta.getAttribute('content') : undefined;
  }

  // A first visit opens on the gateway's chosen operation and its variables (GraphiQL reads the variables of a first
  // tab only from its props); later visits keep the tabs GraphiQL stored.
  function editorDefaults() {
    if (!INITIAL_OPERATION) {
      return {};
    }
    var defaults = { defaultQuery: INITIAL_OPERATION };
    if (!storedTabs()) {
      defaults.query = INITIAL_OPERATION;
      defaults.variables = INITIAL_VARIABLES;
    }
    return defaults;
  }

  function storedTabs() {
    try {
      return window.localStorage.getItem('graphiql:tabState');
    } catch (e) {
      return null;
    }
  }

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

  function planObject(body) {
    var plan = body && body.extensions && body.extensions.queryPlan;
    return plan && plan.object ? plan.object : null;
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

  function fetchToken(buyer) {
    var url = new URL(SIGN_IN_URL);
    url.searchParams.set('sub', buyer);
    return fetch(url.toString(), { method: 'GET', credentials: 'omit', headers: { 'accept': 'application/json' } })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          if (!response.ok || typeof body.access_token !== 'string') {
            throw new Error(body.error_description || ('the sign-in URL answered HTTP ' + response.status));
          }
          return body.access_token;
        });
      });
  }

  function remember(buyer) {
    try {
      window.sessionStorage.setItem(SIGNED_IN_AS, buyer);
    } catch (e) {
      // storage switched off: the choice just does not survive a reload
    }
  }

  function remembered() {
    try {
      return window.sessionStorage.getItem(SIGNED_IN_AS) || ANONYMOUS;
    } catch (e) {
      return ANONYMOUS;
    }
  }

  // "Sign in as": anonymous or a buyer u1..u50; hands the buyer's token (or null) to onToken.
  function SignIn(props) {
    var buyerState = React.useState(ANONYMOUS);
    var statusState = React.useState('Anonymous: fields for signed-in buyers come back null.');
    var setBuyer = buyerState[1];
    var setStatus = statusState[1];
    var latest = React.useRef(0); // only the last choice counts when sign-ins overlap
    var onToken = props.onToken;

    var choose = React.useCallback(function (buyer) {
      var attempt = ++latest.current;
      setBuyer(buyer);
      remember(buyer);
      onToken(null); // until the new token arrives, nothing is sent as the previous buyer
      if (buyer === ANONYMOUS) {
        setStatus('Anonymous: fields for signed-in buyers come back null.');
        return;
      }
      setStatus('Signing in as ' + buyer + '\u2026');
      fetchToken(buyer).then(function (token) {
        if (attempt === latest.current) {
          onToken(token);
          setStatus('Signed in as ' + buyer + ': requests carry Authorization: Bearer.');
        }
      }, function (error) {
        if (attempt === latest.current) {
          setBuyer(ANONYMOUS);
          remember(ANONYMOUS);
          setStatus('Could not sign in as ' + buyer + ' (' + error.message + '); anonymous.');
        }
      });
    }, [onToken]);

    React.useEffect(function () {
      var buyer = remembered();
      if (buyer !== ANONYMOUS) {
        choose(buyer);
      }
    }, [choose]);

    var options = [h('option', { key: 'anonymous', value: ANONYMOUS }, 'anonymous')];
    for (var n = 1; n <= BUYERS; n++) {
      options.push(h('option', { key: 'u' + n, value: 'u' + n }, 'u' + n));
    }
    return h('div', { className: 'explorer-sign-in' },
      h('label', null, 'Sign in as ',
        h('select', { value: buyerState[0], onChange: function (event) { choose(event.target.value); } }, options)),
      h('p', null, statusState[0]),
      h('a', { href: '/consent', title: 'What personal data may cross between subgraphs, and why' },
        'Personal data flows'));
  }

  function Explorer() {
    var planState = React.useState('Run an operation to see its query plan.');
    var diagramState = React.useState(null);
    var setDiagram = diagramState[1];
    var costState = React.useState('Run an operation to see its cost.');
    var setPlan = planState[1];
    var setCost = costState[1];
    var token = React.useRef(null); // read per request, so signing in does not rebuild GraphiQL
    var setToken = React.useCallback(function (value) { token.current = value; }, []);

    var fetcher = React.useCallback(function (params, options) {
      var headers = new Headers({
        'content-type': 'application/json',
        'accept': 'application/graphql-response+json, application/json',
        'apollo-expose-query-plan': 'true',
        'apollo-expose-cost': 'true'
      });
      if (token.current) {
        headers.set('Authorization', 'Bearer ' + token.current);
      }
      // Headers typed into GraphiQL's editor win, an Authorization of the user's own included.
      var typed = (options && options.headers) || {};
      Object.keys(typed).forEach(function (name) { headers.set(name, typed[name]); });
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
          setDiagram(planObject(body));
          setCost(costText(body) || 'No cost in the response (an invalid operation, '
              + 'or gateway.demand-control.enabled=false).');
        }
        return withoutAsides(body);
      });
    }, []);

    // GraphiQL takes the whole width, so the editor and the result both keep half of it at 1280 px; identity, cost
    // and the plan sit in a strip below, where the diagram has the width a plan grows in.
    return h('div', { className: 'explorer' },
      h('div', { className: 'explorer-graphiql' }, h(GraphiQL, Object.assign({ fetcher: fetcher }, editorDefaults()))),
      h('aside', { className: 'explorer-plan', 'aria-label': 'Identity, query plan and cost' },
        h('section', { className: 'explorer-session' },
          SIGN_IN_URL ? h('h2', null, 'Identity') : null,
          SIGN_IN_URL ? h(SignIn, { onToken: setToken }) : null,
          h('h2', null, 'Cost'),
          h('p', { className: 'explorer-cost' }, costState[0])),
        h('section', { className: 'explorer-plan-section' },
          h('h2', null, 'Query plan'),
          h('div', { className: 'explorer-plan-body' },
            h(PlanDiagram, { plan: diagramState[0], empty: planState[0] }),
            diagramState[0] ? h('details', { className: 'explorer-plan-text' }, h('summary', null, 'As text'),
              h('pre', null, planState[0])) : null))));
  }

  ReactDOM.createRoot(document.getElementById('explorer')).render(h(Explorer));
})();
