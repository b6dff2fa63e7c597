package dev.shopfed.e2e.parity;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the suite's running subgraphs listen. The federation is started by FederationExtension as
 * child processes of this JVM on free ports; our gateway is given each subgraph's URL as
 * {@code --gateway.subgraph-urls.<name>=<url>}, so its command line is the authority.
 */
public final class SubgraphUrls {

  private static final String OPTION = "--gateway.subgraph-urls.";

  private SubgraphUrls() {}

  /** Subgraph name (as in {@code @join__graph(name:)}) to URL, read from the gateway listening on {@code port}. */
  public static Map<String, URI> ofGatewayOnPort(int port) {
    List<List<String>> gateways = ProcessHandle.current().children()
        .filter(ProcessHandle::isAlive)
        .map(child -> child.info().arguments().map(List::of).orElse(List.of()))
        .filter(args -> args.stream().anyMatch(arg -> arg.startsWith(OPTION)))
        .toList();
    for (List<String> args : gateways) {
      int at = args.indexOf("--port");
      if (at >= 0 && at + 1 < args.size() && args.get(at + 1).equals(Integer.toString(port))) {
        Map<String, URI> urls = new TreeMap<>();
        for (String arg : args) {
          if (arg.startsWith(OPTION)) {
            String option = arg.substring(OPTION.length());
            int eq = option.indexOf('=');
            urls.put(option.substring(0, eq), URI.create(option.substring(eq + 1)));
          }
        }
        return urls;
      }
    }
    throw new IllegalStateException("no child process of this JVM is the gateway on port " + port
        + " with " + OPTION + "* arguments; gateways seen: " + gateways);
  }
}
