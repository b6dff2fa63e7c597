package dev.shopfed.gateway.http;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The gateway process: {@code java -jar gateway.jar --supergraph <file or URL> --port <port>}. The only Spring
 * application in the module; everything outside this package is plain Java the HTTP layer calls into.
 */
@SpringBootApplication
@EnableConfigurationProperties({GatewayProperties.class, ShadowCompareProperties.class})
public class GatewayApplication {

  /** The JDK's property for the common pool's parallelism, read once when the pool is first used. */
  static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals(MigrationReportCommand.NAME)) {
      System.exit(MigrationReportCommand.run(args, System.out, System.err));
      return;
    }
    ensurePooledAsyncCompletion();
    CommandLine commandLine;
    try {
      commandLine = CommandLine.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(CommandLine.USAGE);
      System.exit(2);
      return;
    }
    if (commandLine.help()) {
      System.out.println(CommandLine.USAGE);
      return;
    }
    try {
      SpringApplication.run(GatewayApplication.class, commandLine.springArguments().toArray(String[]::new));
    } catch (RuntimeException e) {
      // Spring Boot (or StartupFailureReporter, for the supergraph) has already logged why.
      System.exit(1);
    }
  }

  /**
   * With fewer than 3 processors the common pool's parallelism is 1, and then {@code CompletableFuture} runs every
   * {@code *Async} stage without an explicit executor on a new thread. The JDK HTTP client completes each
   * {@code sendAsync} that way, so every subgraph response would cost a thread start and its continuation (merging
   * the answer into the response) would run on a fresh thread. A parallelism of 2 keeps those stages on the common
   * pool. Only when nobody set it; must run before anything touches {@code ForkJoinPool} or {@code CompletableFuture}.
   */
  static void ensurePooledAsyncCompletion() {
    if (System.getProperty(COMMON_POOL_PARALLELISM) == null && Runtime.getRuntime().availableProcessors() < 3) {
      System.setProperty(COMMON_POOL_PARALLELISM, "2");
    }
  }
}
