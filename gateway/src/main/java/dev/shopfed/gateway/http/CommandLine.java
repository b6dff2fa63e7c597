package dev.shopfed.gateway.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The router-style command line: {@code --supergraph <file or URL>} and {@code --port <port>} (also as
 * {@code --supergraph=...}, {@code --port=...}) become Spring's {@code --gateway.supergraph=...} and
 * {@code --server.port=...}; every other argument passes through, so Spring properties work as well.
 *
 * @param springArguments the arguments for {@code SpringApplication.run}
 * @param help            whether usage was asked for
 */
record CommandLine(List<String> springArguments, boolean help) {

  static final String USAGE = """
      usage: java -jar gateway.jar --supergraph <file or http(s) URL> [--port <port>] [--gateway.<property>=<value> ...]
             java -jar gateway.jar migration-report [--url <gateway base URL>] [--json]   (a running gateway's report)
        --supergraph <file|URL>   the supergraph SDL to serve (a file is watched, a URL polled with If-None-Match;
                                  a change that loads cleanly is swapped in, requests in flight finish on the old one)
        --gateway.poll-interval=2s (file), --gateway.reload.url-poll-interval=10s,
        --gateway.reload.url-headers.authorization=<value>, --gateway.reload.drain-timeout=5m
        --port <port>             HTTP port (default 4000; 0 picks a free one)
        --gateway.subgraph-urls.<name>=<url>, --gateway.subgraph-timeout=30s, --gateway.propagate-headers=a,b,
        --gateway.override-labels=a,b, --gateway.cache-size=1000, --gateway.explain=true
        --gateway.migration.labels.<label>=<percent>, --gateway.migration.labels-file=<file of label=percent lines>,
        --gateway.migration.sticky-by=claim:<name>|header:<name>, --gateway.migration.admin-token=<token>
        --gateway.rate-limit.enabled=false, --gateway.rate-limit.requests-per-second=50, --gateway.rate-limit.burst=100,
        --gateway.rate-limit.key-header=<name>, --gateway.rate-limit.redis-url=redis://<host>:<port>
        --gateway.memory.max-subgraph-response-size=4MB, --gateway.memory.max-response-size=8MB
        --gateway.request-timeout=30s, --gateway.subgraphs.<all|name>.request-timeout=30s (.connect-timeout,
        .max-concurrent-requests, .http2, .max-response-size, .breaker.*, .retry.*: see README, Faults and timeouts)
        --gateway.limits.max-depth=16 (and the other gateway.limits.* settings; 0 switches a limit off)
        --gateway.demand-control.max-cost=10000, --gateway.demand-control.list-size=10,
        --gateway.demand-control.mode=enforce|measure, --gateway.demand-control.enabled=true
        --gateway.introspection=true (switch off in production), --gateway.errors.expose-subgraph-errors=false,
        --gateway.csrf.enabled=true, --gateway.csrf.required-headers=x-apollo-operation-name,apollo-require-preflight,
        --gateway.cors.allowed-origins=<origin or pattern,...> (default none), --gateway.cors.allow-credentials=false,
        --gateway.batching.enabled=false, --gateway.batching.max-size=10,
        --gateway.subgraph-identity.signing-key-file=<private EC P-256 JWK>, --gateway.subgraph-identity.issuer=shopfed-gateway
        --gateway.headers.all.request[0].propagate.named=<header> (and .rename, .default; propagate.matching=<regex>,
        insert.name + insert.value, remove.named, remove.matching), --gateway.headers.all.response=cache-control,
        --gateway.headers.subgraphs.<name>.request[0]... (see README, Header rules)
        --gateway.authentication.jwks-url=<url> | --gateway.authentication.jwks-file=<file>,
        --gateway.authentication.issuer=<iss>, --gateway.authentication.audiences=a,b,
        --gateway.authentication.clock-skew=60s (and the other gateway.authentication.* settings)
        --gateway.authorization.reject-unauthorized=false, --gateway.authorization.claim-policies.<policy>=<claim>=<value>
        --gateway.consent.jdbc-url=jdbc:h2:file:./run/consent | jdbc:postgresql://..., --gateway.consent.username=,
        --gateway.consent.password=, --gateway.consent.export-token=<operator token>, --gateway.consent.enabled=true
        --gateway.telemetry.tracing.enabled=false, --gateway.telemetry.tracing.otlp-endpoint=http://localhost:4318/v1/traces,
        --gateway.telemetry.tracing.sampling-ratio=1.0, --logging.structured.format.console=ecs (JSON log lines);
        metrics at GET /actuator/prometheus""";

  static CommandLine parse(String[] args) {
    List<String> out = new ArrayList<>();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String property = shortFlagProperty(arg);
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
      } else if (property == null) {
        out.add(arg);
      } else if (arg.contains("=")) {
        out.add("--" + property + arg.substring(arg.indexOf('=')));
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        out.add("--" + property + "=" + args[++i]);
      } else {
        throw new IllegalArgumentException(arg + " needs a value");
      }
    }
    return new CommandLine(List.copyOf(out), help);
  }

  private static String shortFlagProperty(String arg) {
    String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
    return switch (flag) {
      case "--supergraph" -> "gateway.supergraph";
      case "--port" -> "server.port";
      default -> null;
    };
  }
}
