package dev.shopfed.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** The Kubernetes manifests of {@code deploy/k8s}, read as plain maps, with the few lookups the checks need. */
final class Manifests {

  private final List<Map<String, Object>> documents;

  private Manifests(List<Map<String, Object>> documents) {
    this.documents = documents;
  }

  static Manifests read(List<Path> files) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Path file : files) {
      try {
        for (Object document : new Yaml().loadAll(Files.readString(file))) {
          if (document != null) {
            documents.add(map(document));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Manifests(documents);
  }

  List<Map<String, Object>> ofKind(String kind) {
    return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
  }

  Optional<Map<String, Object>> named(String kind, String name) {
    return ofKind(kind).stream().filter(d -> name.equals(at(d, "metadata", "name"))).findFirst();
  }

  /** Deployments and StatefulSets. */
  List<Map<String, Object>> workloads() {
    return Stream.concat(ofKind("Deployment").stream(), ofKind("StatefulSet").stream()).toList();
  }

  static List<Map<String, Object>> containers(Map<String, Object> workload) {
    return list(at(workload, "spec", "template", "spec", "containers"));
  }

  static String name(Map<String, Object> document) {
    return (String) at(document, "metadata", "name");
  }

  /** The value at a path of keys, or null. */
  static Object at(Object node, String... keys) {
    Object current = node;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return node == null ? Map.of() : (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object node) {
    return node == null ? List.of() : (List<Map<String, Object>>) node;
  }
}
