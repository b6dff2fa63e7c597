package dev.shopfed.e2e.parity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Apollo Gateway (the gateway module's Node test project, {@code gateway/src/test/node}) serving our
 * supergraph with its {@code @join__graph(url:)} pointed at the running subgraphs, and the override labels our
 * gateway has switched on decided on ({@link #withOverrideLabelsOn}). Its stdin stays
 * open and the script exits when it closes, so it cannot outlive this JVM; {@link #close} stops it
 * and deletes the rewritten supergraph.
 */
public final class ApolloGatewayProcess implements AutoCloseable {

  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Pattern UNENFORCED_SECURITY_LINK = Pattern.compile(
      "(@link\\(url: \"https://specs\\.apollo\\.dev/(?:authenticated|requiresScopes|policy)/v[0-9.]+\"),"
          + "\\s*for: SECURITY\\)");
  private static final Pattern JOIN_GRAPH =
      Pattern.compile("@join__graph\\(name: \"([^\"]+)\", url: \"([^\"]*)\"\\)");
  /** One {@code @join__field(...)} with the space before it; string arguments may hold parentheses. */
  private static final Pattern JOIN_FIELD =
      Pattern.compile(" ?@join__field\\(((?:\"(?:[^\"\\\\]|\\\\.)*\"|[^\")])*)\\)");
  private static final Pattern OVERRIDE_LABEL = Pattern.compile(", overrideLabel: \"([^\"]*)\"");
  private static final int OUTPUT_KEPT = 8000;

  private final Process process;
  private final Path supergraph;
  private final StringBuilder output = new StringBuilder();
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private URI url;

  private ApolloGatewayProcess(Process process, Path supergraph) {
    this.process = process;
    this.supergraph = supergraph;
  }

  /**
   * Installs the Node project's packages if they are missing, writes the supergraph with the given
   * subgraph URLs to a temporary file and starts {@code e2e/src/test/node/apollo-gateway.mjs} on it.
   */
  public static ApolloGatewayProcess start(Path root, Path supergraphFile, Map<String, URI> subgraphUrls)
      throws IOException {
    Path nodeProject = root.resolve("gateway/src/test/node");
    Path script = root.resolve("e2e/src/test/node/apollo-gateway.mjs");
    installIfMissing(nodeProject);
    Path supergraph = Files.createTempFile("parity-supergraph", ".graphql");
    Files.writeString(supergraph, withoutUnenforcedSecurityLinks(withOverrideLabelsOn(
        withUrls(Files.readString(supergraphFile), subgraphUrls), overrideLabelsOfOurGateway())));
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder("node", script.toString(), nodeProject.toString(),
          supergraph.toString(), "0").directory(nodeProject.toFile());
      // The subgraphs answer only tokens the gateway signed: Apollo Gateway signs its own with the same key, for
      // the buyer of the client's bearer token, which it checks against the same issuer as our gateway.
      gatewayArgument("--gateway.subgraph-identity.signing-key-file=")
          .ifPresent(key -> builder.environment().put("GATEWAY_IDENTITY_SIGNING_KEY_FILE", key));
      gatewayArgument("--gateway.authentication.jwks-url=")
          .ifPresent(url -> builder.environment().put("CLIENT_JWKS_URL", url));
      gatewayArgument("--gateway.authentication.issuer=")
          .ifPresent(issuer -> builder.environment().put("CLIENT_ISSUER", issuer));
      gatewayArgument("--gateway.authentication.audiences=")
          .ifPresent(audience -> builder.environment().put("CLIENT_AUDIENCE", audience));
      process = builder.start();
    } catch (IOException e) {
      Files.deleteIfExists(supergraph);
      throw new IllegalStateException("node is not available (" + e.getMessage() + "): this test needs Node.js 20+", e);
    }
    ApolloGatewayProcess gateway = new ApolloGatewayProcess(process, supergraph);
    try {
      gateway.pump(process.getInputStream(), true);
      gateway.pump(process.getErrorStream(), false);
      gateway.url = URI.create(gateway.awaitReady());
      return gateway;
    } catch (IOException | RuntimeException e) {
      gateway.close();
      throw e;
    }
  }

  /**
   * The custom progressive {@code @override} labels our gateway was started with on
   * ({@code --gateway.override-labels=a,b}); {@code percent(N)} labels are drawn per request, never configured.
   */
  private static Set<String> overrideLabelsOfOurGateway() {
    return gatewayArgument("--gateway.override-labels=")
        .map(labels -> Arrays.stream(labels.split(",")).map(String::strip)
            .filter(label -> !label.isEmpty() && !label.startsWith("percent("))
            .collect(Collectors.toCollection(TreeSet::new)))
        .orElseGet(TreeSet::new);
  }

  /**
   * The supergraph with each given progressive {@code @override} label decided "on" for good, so that Apollo Gateway
   * plans the fields as our gateway does with those labels switched on. Apollo Gateway cannot switch a label on: its
   * query planner takes every label as off (and never draws {@code percent(N)} either; see the gateway module's
   * DifferentialTest). With a label on, the overriding subgraph resolves the field, which is what composition writes for
   * an override without a label: the overriding {@code @join__field} loses its {@code overrideLabel}, and the
   * overridden subgraph's {@code @join__field} for the label goes. Labels not given stay as they are (off on both sides).
   */
  static String withOverrideLabelsOn(String sdl, Set<String> labels) {
    if (labels.isEmpty()) {
      return sdl;
    }
    Matcher field = JOIN_FIELD.matcher(sdl);
    StringBuilder out = new StringBuilder();
    while (field.find()) {
      String arguments = field.group(1);
      Matcher label = OVERRIDE_LABEL.matcher(arguments);
      String replacement = field.group();
      if (label.find() && labels.contains(label.group(1))) {
        boolean overriding = arguments.contains("override: \"");
        replacement = overriding ? replacement.replace(label.group(), "") : "";
      }
      field.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    field.appendTail(out);
    return out.toString();
  }

  /** The value of {@code option} our gateway (a child of this JVM) was started with. */
  private static java.util.Optional<String> gatewayArgument(String option) {
    return ProcessHandle.current().children()
        .flatMap(child -> child.info().arguments().stream().flatMap(java.util.Arrays::stream))
        .filter(arg -> arg.startsWith(option))
        .map(arg -> arg.substring(option.length()))
        .findFirst();
  }

  /** The supergraph SDL with every {@code @join__graph(url:)} replaced; fails on a graph without a URL given. */
  static String withUrls(String sdl, Map<String, URI> subgraphUrls) {
    Matcher matcher = JOIN_GRAPH.matcher(sdl);
    StringBuilder out = new StringBuilder();
    List<String> seen = new ArrayList<>();
    while (matcher.find()) {
      String name = matcher.group(1);
      URI target = subgraphUrls.get(name);
      if (target == null) {
        throw new IllegalStateException("no running subgraph for @join__graph(name: \"" + name + "\"); have " + subgraphUrls);
      }
      seen.add(name);
      matcher.appendReplacement(out, Matcher.quoteReplacement(
          "@join__graph(name: \"" + name + "\", url: \"" + target + "\")"));
    }
    matcher.appendTail(out);
    if (!seen.containsAll(subgraphUrls.keySet())) {
      throw new IllegalStateException("the supergraph names graphs " + seen + ", the federation runs " + subgraphUrls.keySet());
    }
    return out.toString();
  }

  /**
   * The supergraph without {@code for: SECURITY} on the authorization specs. Apollo Gateway cannot enforce
   * {@code @authenticated} and {@code @requiresScopes} (Apollo Router can), and rightly refuses to serve a supergraph
   * that says they are for security; the parity check wants its answers all the same, and allows for the missing
   * enforcement ({@link ApolloGatewayAuthorization}).
   */
  static String withoutUnenforcedSecurityLinks(String sdl) {
    return UNENFORCED_SECURITY_LINK.matcher(sdl).replaceAll("$1)");
  }

  /** Apollo Gateway's GraphQL endpoint. */
  public URI url() {
    return url;
  }

  private static void installIfMissing(Path nodeProject) throws IOException {
    if (Files.isDirectory(nodeProject.resolve("node_modules/@apollo/gateway"))
        && Files.isDirectory(nodeProject.resolve("node_modules/@apollo/server"))) {
      return;
    }
    List<String> command = List.of("npm", "ci", "--no-audit", "--no-fund");
    Path log = Files.createTempFile("parity-npm-ci", ".log");
    try {
      Process npm;
      try {
        npm = new ProcessBuilder(command).directory(nodeProject.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
      } catch (IOException e) {
        throw new IllegalStateException("npm is not available (" + e.getMessage() + "): this test needs Node.js 20+ and npm", e);
      }
      boolean done;
      try {
        done = npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        npm.destroyForcibly();
        throw new IOException("interrupted during npm ci", e);
      }
      if (!done) {
        npm.destroyForcibly();
        throw new IllegalStateException("npm ci in " + nodeProject + " did not finish within " + INSTALL_TIMEOUT
            + ":\n" + tail(Files.readString(log)));
      }
      if (npm.exitValue() != 0) {
        throw new IllegalStateException("npm ci in " + nodeProject + " failed with exit code " + npm.exitValue()
            + ":\n" + tail(Files.readString(log)));
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private String awaitReady() throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      String line;
      try {
        line = left <= 0 ? null : lines.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while Apollo Gateway started", e);
      }
      if (line != null && line.startsWith("READY ")) {
        return line.substring("READY ".length()).trim();
      }
      if (line == null && (left <= 0 || !process.isAlive())) {
        String why = process.isAlive() ? "no READY line within " + START_TIMEOUT : "it exited";
        throw new IOException("Apollo Gateway did not start: " + why + "; output:\n" + output());
      }
    }
  }

  private void pump(InputStream stream, boolean queued) {
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (queued) {
            lines.add(line);
          }
          synchronized (output) {
            output.append(line).append('\n');
            if (output.length() > OUTPUT_KEPT) {
              output.delete(0, output.length() - OUTPUT_KEPT);
            }
          }
        }
      } catch (IOException ignored) {
        // the process went away; what it printed so far is kept
      }
    }, "apollo-gateway-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** What the script printed last, for failure messages. */
  public String output() {
    synchronized (output) {
      return output.toString();
    }
  }

  /** SIGTERM (the script stops its server cleanly), then force; deletes the temporary supergraph. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try {
      Files.deleteIfExists(supergraph);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(String text) {
    return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
  }
}
