package dev.shopfed.e2e;

import static dev.shopfed.e2e.Manifests.at;
import static dev.shopfed.e2e.Manifests.containers;
import static dev.shopfed.e2e.Manifests.list;
import static dev.shopfed.e2e.Manifests.map;
import static dev.shopfed.e2e.Manifests.name;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfiles and the Kubernetes manifests, checked on paper (no container engine): names, ports, probe paths,
 * images, settings and secrets line up with each other and with the services' own defaults.
 */
class DeploymentTest {

  /** Module, Kubernetes name, liveness path and readiness path of each service the project builds. */
  private record Service(String module, String name, String liveness, String readiness) {}

  private static final List<Service> SERVICES = List.of(
      new Service("gateway", "gateway", "/health", "/health"),
      new Service("commerce-subgraph", "commerce", "/actuator/health/liveness", "/actuator/health/readiness"),
      new Service("promo-subgraph", "promo", "/actuator/health/liveness", "/actuator/health/readiness"));
  private static final Pattern HOST_PORT = Pattern.compile("://([a-z0-9-]+):(\\d+)");
  private static final Pattern PROPERTY = Pattern.compile("\\b(?:gateway|shopfed|spring|server)\\.[a-z0-9.\\[\\]-]*[a-z0-9]");

  private static Path root;
  private static Path k8s;
  private static Manifests manifests;
  private static Manifests secrets;

  @BeforeAll
  static void read() throws IOException {
    root = ProjectLayout.locate().root();
    k8s = root.resolve("deploy/k8s");
    manifests = Manifests.read(kustomizationResources());
    secrets = Manifests.read(List.of(k8s.resolve("secrets.example.yaml")));
  }

  @Test
  void kustomizationAppliesEveryManifestButTheSecretsExample() throws IOException {
    List<Path> resources = kustomizationResources();
    try (Stream<Path> files = Files.list(k8s)) {
      assertThat(files.filter(f -> f.toString().endsWith(".yaml"))
          .filter(f -> !Set.of("kustomization.yaml", "secrets.example.yaml").contains(f.getFileName().toString())))
          .containsExactlyInAnyOrderElementsOf(resources);
    }
  }

  @Test
  void theGatewayRunsSeveralReplicasBehindOneServiceWithPostgresAndRedisBesideIt() {
    assertThat((Integer) at(manifests.named("Deployment", "gateway").orElseThrow(), "spec", "replicas"))
        .isGreaterThanOrEqualTo(2);
    assertThat(manifests.named("Service", "gateway")).isPresent();
    assertThat(manifests.named("StatefulSet", "postgres")).isPresent();
    assertThat(manifests.named("Deployment", "redis")).isPresent();
    for (Service service : SERVICES) {
      assertThat(manifests.named("Deployment", service.name())).as(service.name()).isPresent();
    }
  }

  @Test
  void everyServiceSelectsAWorkloadAndTargetsOneOfItsPorts() {
    for (Map<String, Object> service : manifests.ofKind("Service")) {
      Map<String, Object> selector = map(at(service, "spec", "selector"));
      Map<String, Object> workload = manifests.workloads().stream()
          .filter(w -> map(at(w, "spec", "template", "metadata", "labels")).entrySet().containsAll(selector.entrySet()))
          .findFirst().orElseThrow(() -> new AssertionError("no workload for Service " + name(service)));
      Map<String, Integer> ports = containerPorts(workload);
      for (Map<String, Object> port : list(at(service, "spec", "ports"))) {
        assertThat(ports).as("Service %s targets a named port of %s", name(service), name(workload))
            .containsEntry((String) port.get("targetPort"), (Integer) port.get("port"));
      }
    }
  }

  @Test
  void imagesPortsAndProbesMatchTheDockerfilesAndTheServicesDefaults() throws IOException {
    String version = projectVersion();
    for (Service service : SERVICES) {
      String dockerfile = Files.readString(root.resolve(service.module()).resolve("Dockerfile"));
      Map<String, Object> container = containers(manifests.named("Deployment", service.name()).orElseThrow()).get(0);
      String image = "shopfed/" + service.module() + ":" + version;
      int port = Integer.parseInt(applicationProperties(service.module()).getProperty("server.port"));

      assertThat(container.get("image")).as(service.name()).isEqualTo(image);
      assertThat(dockerfile).as(service.module())
          .contains("docker build -f " + service.module() + "/Dockerfile -t " + image + " .")
          .contains("COPY " + service.module() + "/target/" + service.module() + "-" + version + "-SNAPSHOT.jar app.jar")
          .contains("EXPOSE " + port)
          .contains("curl -fsS http://127.0.0.1:" + port + service.liveness());
      assertThat(containerPorts(manifests.named("Deployment", service.name()).orElseThrow()))
          .containsExactly(Map.entry("http", port));
      assertThat(manifests.named("Service", service.name()).map(s -> at(list(at(s, "spec", "ports")).get(0), "port")))
          .contains(port);
      assertThat(probe(container, "livenessProbe")).as(service.name()).isEqualTo(service.liveness());
      assertThat(probe(container, "startupProbe")).as(service.name()).isEqualTo(service.liveness());
      assertThat(probe(container, "readinessProbe")).as(service.name()).isEqualTo(service.readiness());
    }
    assertThat(Files.readString(root.resolve("gateway/src/main/java/dev/shopfed/gateway/http/GatewayRoutes.java")))
        .contains(".GET(\"/health\"");
    for (String module : List.of("commerce-subgraph", "promo-subgraph")) {
      assertThat(applicationProperties(module)).containsEntry("management.endpoint.health.probes.enabled", "true");
    }
  }

  @Test
  void theImagesAreLayeredRunAsTheNonRootUserTheManifestsNameAndUseTheLaunchersJvmFlags() throws IOException {
    for (Service service : SERVICES) {
      String dockerfile = Files.readString(root.resolve(service.module()).resolve("Dockerfile"));
      assertThat(dockerfile).as(service.module())
          .contains("java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted")
          .containsSubsequence("extracted/dependencies/", "extracted/spring-boot-loader/",
              "extracted/snapshot-dependencies/", "extracted/application/")
          .contains("useradd --system --uid 10001", "\nUSER 10001:10001\n", "HEALTHCHECK ", "-XX:+ExitOnOutOfMemoryError",
              "org.springframework.boot.loader.launch.JarLauncher");
      Map<String, Object> pod = map(at(manifests.named("Deployment", service.name()).orElseThrow(), "spec", "template",
          "spec"));
      assertThat(at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
      assertThat(at(pod, "securityContext", "runAsUser")).isEqualTo(10001);
    }
    String gateway = Files.readString(root.resolve("gateway/Dockerfile"));
    String flags = String.join(", ", LocalFederation.GATEWAY_JVM_ARGS.stream().map(f -> "\"" + f + "\"").toList());
    assertThat(gateway).contains("ENTRYPOINT [\"java\", " + flags + ", ");
  }

  @Test
  void everyContainerHasRequestsAndLimits() {
    for (Map<String, Object> workload : manifests.workloads()) {
      for (Map<String, Object> container : containers(workload)) {
        for (String bound : List.of("requests", "limits")) {
          assertThat(map(at(container, "resources", bound))).as("%s %s", name(workload), bound)
              .containsKeys("cpu", "memory");
        }
      }
    }
  }

  @Test
  void everySettingIsOneTheServicesDocument() throws IOException {
    Set<String> documented = documentedProperties();
    for (Service service : SERVICES) {
      Map<String, Object> container = containers(manifests.named("Deployment", service.name()).orElseThrow()).get(0);
      for (String variable : environment(container).keySet()) {
        assertThat(documented).as("%s: %s names a documented property", service.name(), variable)
            .contains(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
      }
    }
  }

  @Test
  void everyAddressInTheSettingsIsAServiceOnItsPortAndEveryDatabaseIsCreated() {
    String init = (String) at(manifests.named("ConfigMap", "postgres-init").orElseThrow(), "data", "databases.sql");
    Set<String> databases = new HashSet<>();
    for (Map<String, Object> workload : manifests.workloads()) {
      for (Map<String, Object> container : containers(workload)) {
        environment(container).forEach((variable, value) -> {
          Matcher address = HOST_PORT.matcher(value);
          if (!address.find()) {
            return;
          }
          String host = address.group(1);
          int port = Integer.parseInt(address.group(2));
          assertThat(manifests.named("Service", host).map(s -> list(at(s, "spec", "ports")).stream()
              .map(p -> p.get("port")).toList())).as("%s=%s", variable, value).hasValueSatisfying(
                  ports -> assertThat(ports).contains(port));
          if (value.startsWith("jdbc:postgresql:")) {
            databases.add(value.substring(value.lastIndexOf('/') + 1));
          }
        });
      }
    }
    assertThat(databases).containsExactlyInAnyOrder("commerce", "promo", "consent");
    Map<String, Object> postgres = containers(manifests.named("StatefulSet", "postgres").orElseThrow()).get(0);
    for (String database : databases) {
      assertThat(database.equals(environment(postgres).get("POSTGRES_DB")) || init.contains("CREATE DATABASE "
          + database + ";")).as("database %s is created", database).isTrue();
    }
  }

  @Test
  void theSecretsReadAreTheOnesTheExampleDescribes() {
    Map<String, Object> gateway = manifests.named("Deployment", "gateway").orElseThrow();
    List<String> references = new ArrayList<>();
    for (Map<String, Object> workload : manifests.workloads()) {
      for (Map<String, Object> container : containers(workload)) {
        for (Map<String, Object> variable : list(container.get("env"))) {
          Object ref = at(variable, "valueFrom", "secretKeyRef");
          if (ref != null) {
            references.add(at(ref, "name") + "/" + at(ref, "key"));
          }
        }
      }
    }
    Map<String, Object> volume = list(at(gateway, "spec", "template", "spec", "volumes")).get(0);
    Map<String, Object> mount = list(containers(gateway).get(0).get("volumeMounts")).get(0);
    String keyFile = environment(containers(gateway).get(0)).get("GATEWAY_SUBGRAPHIDENTITY_SIGNINGKEYFILE");
    assertThat(mount.get("name")).isEqualTo(volume.get("name"));
    String secretName = (String) at(volume, "secret", "secretName");
    references.add(secretName + "/" + keyFile.substring(((String) mount.get("mountPath")).length() + 1));

    for (String reference : references) {
      String[] nameAndKey = reference.split("/", 2);
      assertThat(secrets.named("Secret", nameAndKey[0]).map(s -> map(s.get("stringData")).keySet()))
          .as(reference).hasValueSatisfying(keys -> assertThat(keys).contains(nameAndKey[1]));
    }
  }

  @Test
  void theGatewayServesTheSupergraphItsImageCarries() throws IOException {
    String dockerfile = Files.readString(root.resolve("gateway/Dockerfile"));
    String configured = environment(containers(manifests.named("Deployment", "gateway").orElseThrow()).get(0))
        .get("GATEWAY_SUPERGRAPH");
    assertThat(dockerfile).contains("WORKDIR /app\n")
        .contains("COPY --chown=10001:10001 schema/src/main/resources/schema/supergraph.graphql config/supergraph.graphql")
        .contains("ENV GATEWAY_SUPERGRAPH=" + configured);
    assertThat(configured).isEqualTo("/app/config/supergraph.graphql");
  }

  /** A container's environment: its {@code env} values (secrets as their reference) and its ConfigMaps' data. */
  private static Map<String, String> environment(Map<String, Object> container) {
    Map<String, String> environment = new java.util.LinkedHashMap<>();
    for (Map<String, Object> source : list(container.get("envFrom"))) {
      String configMap = (String) at(source, "configMapRef", "name");
      map(at(manifests.named("ConfigMap", configMap).orElseThrow(), "data"))
          .forEach((k, v) -> environment.put(k, String.valueOf(v)));
    }
    for (Map<String, Object> variable : list(container.get("env"))) {
      Object value = variable.get("value");
      environment.put((String) variable.get("name"), value == null ? "(secret)" : value.toString());
    }
    return environment;
  }

  private static Map<String, Integer> containerPorts(Map<String, Object> workload) {
    Map<String, Integer> ports = new java.util.LinkedHashMap<>();
    for (Map<String, Object> container : containers(workload)) {
      for (Map<String, Object> port : list(container.get("ports"))) {
        ports.put((String) port.get("name"), (Integer) port.get("containerPort"));
      }
    }
    return ports;
  }

  /** An HTTP probe's path; it must aim at the container's named port. */
  private static String probe(Map<String, Object> container, String kind) {
    assertThat(at(container, kind, "httpGet", "port")).as(kind).isEqualTo("http");
    return (String) at(container, kind, "httpGet", "path");
  }

  /**
   * Property names as Spring's relaxed binding reads environment variables (lower case, no dashes, dots): every
   * property the README or a service's application.properties names, and the subgraphs' identity settings.
   */
  private static Set<String> documentedProperties() throws IOException {
    Set<String> names = new HashSet<>();
    Matcher matcher = PROPERTY.matcher(Files.readString(root.resolve("README.md")));
    while (matcher.find()) {
      names.add(matcher.group());
    }
    for (Service service : SERVICES) {
      names.addAll(applicationProperties(service.module()).stringPropertyNames());
    }
    Set<String> relaxed = new HashSet<>();
    names.forEach(n -> relaxed.add(n.toLowerCase(Locale.ROOT).replace("-", "")));
    return relaxed;
  }

  private static Properties applicationProperties(String module) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(root.resolve(module).resolve("src/main/resources/application.properties"))) {
      properties.load(reader);
    }
    return properties;
  }

  private static List<Path> kustomizationResources() throws IOException {
    Object resources = at(new org.yaml.snakeyaml.Yaml().load(Files.readString(k8s.resolve("kustomization.yaml"))),
        "resources");
    return ((List<?>) resources).stream().map(Object::toString).map(k8s::resolve).toList();
  }

  /** The Maven version without {@code -SNAPSHOT}: what the images are tagged with. */
  private static String projectVersion() throws IOException {
    String pom = Files.readString(root.resolve("pom.xml"));
    Matcher version = Pattern.compile("<artifactId>shopfed-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
    assertThat(version.find()).as("the project version in pom.xml").isTrue();
    return version.group(1).replace("-SNAPSHOT", "");
  }
}
