package dev.shopfed.gateway.http;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The gateway process: {@code java -jar gateway.jar --supergraph <file or URL> --port <port>}. The only Spring
 * application in the module; everything outside this package is plain Java the HTTP layer calls into.
 */
@SpringBootApplication
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayApplication {

  public static void main(String[] args) {
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
}
