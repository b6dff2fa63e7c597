package dev.shopfed.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link LocalFederation} starts and where. A port of 0 means "pick a free one".
 *
 * @param layout         where the jars and the supergraph are
 * @param commercePort   commerce subgraph port (default 4001)
 * @param promoPort      promo subgraph port (default 4002)
 * @param gatewayPort    gateway port (default 4000)
 * @param supergraph     the supergraph SDL file the gateway loads
 * @param logDir         where each child's stdout and stderr go, one file per service
 * @param startupTimeout how long each service may take to answer its health check
 * @param jvmArgs        JVM options for every child
 * @param commerceArgs   extra program arguments for the commerce subgraph (e.g. a datasource URL)
 * @param promoArgs      extra program arguments for the promo subgraph
 * @param overrideLabels the progressive {@code @override} labels the gateway switches on for every request
 * @param keepGoing      whether the others keep running when one service dies (and can be stopped and started by hand)
 */
public record FederationSettings(
    ProjectLayout layout,
    int commercePort,
    int promoPort,
    int gatewayPort,
    Path supergraph,
    Path logDir,
    Duration startupTimeout,
    List<String> jvmArgs,
    List<String> commerceArgs,
    List<String> promoArgs,
    List<String> overrideLabels,
    boolean keepGoing) {

  /**
   * On by default: commerce answers the stock. Checkout reserves stock in commerce and never in promo's legacy copy,
   * so with promo answering the shop would go on showing units already sold. shop-details-to-commerce stays off: promo
   * answers the shops' city and rating from its copy, which nothing changes, so the app sees the same either way.
   */
  public static final List<String> DEFAULT_OVERRIDE_LABELS = List.of("stock-to-commerce");

  /** The options, as {@code --help} prints them; {@code run.sh} prints the same file without building. */
  public static final String USAGE = usage();


  public FederationSettings {
    jvmArgs = List.copyOf(jvmArgs);
    commerceArgs = List.copyOf(commerceArgs);
    promoArgs = List.copyOf(promoArgs);
    overrideLabels = List.copyOf(overrideLabels);
  }

  /** Settings where one service dying stops the others. */
  public FederationSettings(ProjectLayout layout, int commercePort, int promoPort, int gatewayPort, Path supergraph,
      Path logDir, Duration startupTimeout, List<String> jvmArgs, List<String> commerceArgs, List<String> promoArgs,
      List<String> overrideLabels) {
    this(layout, commercePort, promoPort, gatewayPort, supergraph, logDir, startupTimeout, jvmArgs, commerceArgs,
        promoArgs, overrideLabels, false);
  }

  private static String usage() {
    try (InputStream in = FederationSettings.class.getResourceAsStream("usage.txt")) {
      if (in == null) {
        throw new IllegalStateException("usage.txt is missing from the launcher's resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static FederationSettings defaults(ProjectLayout layout) {
    return new FederationSettings(layout, 4001, 4002, 4000, layout.supergraph(), layout.defaultLogDir(),
        Duration.ofSeconds(180), List.of(), List.of(), List.of(), DEFAULT_OVERRIDE_LABELS);
  }

  /** Every service on a free port: what tests want, so they never clash with a running ./run.sh. */
  public FederationSettings onFreePorts() {
    return new FederationSettings(layout, 0, 0, 0, supergraph, logDir, startupTimeout, jvmArgs, commerceArgs,
        promoArgs, overrideLabels, keepGoing);
  }

  public FederationSettings withLogDir(Path dir) {
    return new FederationSettings(layout, commercePort, promoPort, gatewayPort, supergraph, dir, startupTimeout,
        jvmArgs, commerceArgs, promoArgs, overrideLabels, keepGoing);
  }

  public FederationSettings withJvmArgs(List<String> args) {
    return new FederationSettings(layout, commercePort, promoPort, gatewayPort, supergraph, logDir, startupTimeout,
        args, commerceArgs, promoArgs, overrideLabels, keepGoing);
  }

  public FederationSettings withKeepGoing(boolean keep) {
    return new FederationSettings(layout, commercePort, promoPort, gatewayPort, supergraph, logDir, startupTimeout,
        jvmArgs, commerceArgs, promoArgs, overrideLabels, keep);
  }

  /** The gateway loads (and watches) this supergraph file instead. */
  public FederationSettings withSupergraph(Path file) {
    return new FederationSettings(layout, commercePort, promoPort, gatewayPort, file, logDir, startupTimeout,
        jvmArgs, commerceArgs, promoArgs, overrideLabels);
  }

  /** Extra program arguments for the two subgraphs, e.g. the datasource of each. */
  public FederationSettings withSubgraphArgs(List<String> commerce, List<String> promo) {
    return new FederationSettings(layout, commercePort, promoPort, gatewayPort, supergraph, logDir, startupTimeout,
        jvmArgs, commerce, promo, overrideLabels);
  }

  /** Parses {@code --name value} and {@code --name=value} options over the defaults. */
  public static FederationSettings parse(String[] args, ProjectLayout layout) {
    FederationSettings defaults = defaults(layout);
    int commerce = defaults.commercePort;
    int promo = defaults.promoPort;
    int gateway = defaults.gatewayPort;
    Path supergraph = defaults.supergraph;
    Path logDir = defaults.logDir;
    Duration timeout = defaults.startupTimeout;
    List<String> jvm = new ArrayList<>();
    List<String> commerceArgs = new ArrayList<>();
    List<String> promoArgs = new ArrayList<>();
    List<String> labels = defaults.overrideLabels;
    boolean keepGoing = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--keep-going")) {
        keepGoing = true; // a flag: takes no value
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq > 0 ? arg.substring(0, eq) : arg;
      String value;
      if (eq > 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("missing value for " + arg);
      }
      switch (name) {
        case "--gateway-port" -> gateway = port(name, value);
        case "--commerce-port" -> commerce = port(name, value);
        case "--promo-port" -> promo = port(name, value);
        case "--supergraph" -> supergraph = Path.of(value).toAbsolutePath();
        case "--log-dir" -> logDir = Path.of(value).toAbsolutePath();
        case "--startup-timeout" -> timeout = Duration.ofSeconds(positive(name, value));
        case "--jvm-arg" -> jvm.add(value);
        case "--commerce-arg" -> commerceArgs.add(value);
        case "--promo-arg" -> promoArgs.add(value);
        case "--override-labels" -> labels = labels(value);
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    return new FederationSettings(layout, commerce, promo, gateway, supergraph, logDir, timeout, jvm, commerceArgs,
        promoArgs, labels, keepGoing);
  }

  /** "a, b" -> [a, b]; "" -> none. */
  private static List<String> labels(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(label -> !label.isEmpty()).toList();
  }

  private static int port(String name, String value) {
    int port = integer(name, value);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(name + " must be 0..65535, got " + value);
    }
    return port;
  }

  private static int positive(String name, String value) {
    int n = integer(name, value);
    if (n <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return n;
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " expects a number, got " + value);
    }
  }
}
