package dev.shopfed.gateway.persisted;

import dev.shopfed.gateway.execution.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * A persisted query list in Apollo's manifest format:
 * {@code {"format":"apollo-persisted-query-manifest","version":1,"operations":[{"id","name","type","body"}]}}.
 * Operations are found by id, by exact body, or by a body that runs the same operation (see
 * {@link OperationText#canonical}).
 */
public final class PersistedQueryManifest {

  public static final String FORMAT = "apollo-persisted-query-manifest";
  public static final PersistedQueryManifest EMPTY = new PersistedQueryManifest(List.of());

  private final List<ManifestOperation> operations;
  private final Map<String, ManifestOperation> byId = new HashMap<>();
  private final Map<String, ManifestOperation> byBody = new HashMap<>();
  private final Map<String, ManifestOperation> byCanonicalBody = new HashMap<>();

  private PersistedQueryManifest(List<ManifestOperation> operations) {
    this.operations = List.copyOf(operations);
    for (ManifestOperation operation : operations) {
      byId.put(operation.id(), operation);
      byBody.put(operation.body(), operation);
      OperationText.canonical(operation.body(), operation.name())
          .ifPresent(c -> byCanonicalBody.put(c.text(), operation));
    }
  }

  /** Checks the format, that every id is the SHA-256 of its body and that every body parses. */
  public static PersistedQueryManifest of(List<ManifestOperation> operations) {
    for (ManifestOperation operation : operations) {
      if (!OperationText.sha256(operation.body()).equals(operation.id())) {
        throw new IllegalArgumentException("Manifest operation " + operation.name()
            + ": id is not the SHA-256 of its body");
      }
      if (OperationText.canonical(operation.body(), operation.name()).isEmpty()) {
        throw new IllegalArgumentException("Manifest operation " + operation.name()
            + ": body does not parse or does not define the operation " + operation.name());
      }
    }
    return new PersistedQueryManifest(operations);
  }

  /** Reads a manifest; throws {@link IllegalArgumentException} saying what is wrong with it. */
  public static PersistedQueryManifest parse(byte[] json) {
    Object decoded;
    try {
      decoded = Json.read(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("Persisted query manifest is not JSON: " + e.getOriginalMessage());
    }
    if (!(decoded instanceof Map<?, ?> manifest) || !FORMAT.equals(manifest.get("format"))) {
      throw new IllegalArgumentException("Persisted query manifest must be a JSON object with \"format\":\"" + FORMAT + "\"");
    }
    if (!Integer.valueOf(1).equals(manifest.get("version"))) {
      throw new IllegalArgumentException("Unsupported persisted query manifest version " + manifest.get("version"));
    }
    if (!(manifest.get("operations") instanceof List<?> entries)) {
      throw new IllegalArgumentException("Persisted query manifest has no \"operations\" list");
    }
    return of(entries.stream().map(PersistedQueryManifest::operation).toList());
  }

  private static ManifestOperation operation(Object entry) {
    if (!(entry instanceof Map<?, ?> fields)
        || !(fields.get("id") instanceof String id)
        || !(fields.get("body") instanceof String body)) {
      throw new IllegalArgumentException("Every manifest operation needs a string \"id\" and \"body\": " + entry);
    }
    String name = fields.get("name") instanceof String n ? n : null;
    String type = fields.get("type") instanceof String t ? t : null;
    return new ManifestOperation(id, name, type, body);
  }

  public List<ManifestOperation> operations() {
    return operations;
  }

  public boolean isEmpty() {
    return operations.isEmpty();
  }

  public Optional<ManifestOperation> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The registered operation that {@code query} runs with {@code operationName}, if any. */
  public Optional<ManifestOperation> byText(String query, String operationName) {
    ManifestOperation exact = byBody.get(query);
    if (exact != null && (operationName == null || operationName.equals(exact.name()))) {
      return Optional.of(exact);
    }
    if (operations.isEmpty()) {
      return Optional.empty();
    }
    return OperationText.canonical(query, operationName).map(c -> byCanonicalBody.get(c.text()));
  }
}
