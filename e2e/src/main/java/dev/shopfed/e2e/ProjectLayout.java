package dev.shopfed.e2e;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the build puts the three services' jars and the composed supergraph, relative to the
 * project root (the directory holding the parent pom and the {@code gateway/} module).
 */
public record ProjectLayout(Path root) {

  static final String VERSION = "0.1.0-SNAPSHOT";

  public Path gatewayJar() {
    return jar("gateway");
  }

  public Path commerceJar() {
    return jar("commerce-subgraph");
  }

  public Path promoJar() {
    return jar("promo-subgraph");
  }

  public Path supergraph() {
    return root.resolve("schema/src/main/resources/schema/supergraph.graphql");
  }

  public Path operationsDir() {
    return root.resolve("schema/contract/operations");
  }

  /** Child logs live under a build directory so {@code mvn clean} removes them. */
  public Path defaultLogDir() {
    return root.resolve("e2e/target/local-federation");
  }

  private Path jar(String module) {
    return root.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
  }

  /**
   * The root named by the {@code shopfed.root} system property, else the first directory at or above
   * the working directory, else above this class's own location, that looks like the project root.
   */
  public static ProjectLayout locate() {
    String configured = System.getProperty("shopfed.root");
    if (configured != null && !configured.isBlank()) {
      Path root = Path.of(configured).toAbsolutePath().normalize();
      if (!isRoot(root)) {
        throw new IllegalStateException("shopfed.root=" + configured + " is not the project root");
      }
      return new ProjectLayout(root);
    }
    return searchUp(Path.of("").toAbsolutePath())
        .or(() -> codeLocation().flatMap(ProjectLayout::searchUp))
        .map(ProjectLayout::new)
        .orElseThrow(() -> new IllegalStateException(
            "cannot find the project root (a directory with pom.xml and gateway/pom.xml); "
                + "run from inside the checkout or pass -Dshopfed.root=<dir>"));
  }

  private static Optional<Path> searchUp(Path start) {
    for (Path dir = start.normalize(); dir != null; dir = dir.getParent()) {
      if (isRoot(dir)) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  private static boolean isRoot(Path dir) {
    return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("gateway/pom.xml"));
  }

  private static Optional<Path> codeLocation() {
    try {
      return Optional.of(Path.of(LocalFederation.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
