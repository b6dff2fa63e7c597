package dev.shopfed.gateway.persisted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.gateway.execution.GatewayRequest;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The manifest the schema module generates from the app's operation files loads here, and in enforce mode every
 * one of those operations runs: by id, by its manifest body, and as the app sends it (the whole file with
 * {@code operationName}). The files are read as any client's files would be; nothing here knows what they ask for.
 */
class ProjectManifestTest {

  static final Path MANIFEST = Path.of("../schema/src/main/resources/schema/persisted-query-manifest.json");
  static final Path OPERATIONS = Path.of("../schema/contract/operations");

  @Test
  void everyOperationOfTheAppRunsInEnforceMode() throws IOException {
    PersistedQueryManifest manifest = PersistedQueryManifest.parse(Files.readAllBytes(MANIFEST));
    PersistedOperations stage = new PersistedOperations(
        PersistedQueriesOptions.defaults().withSafelist(SafelistMode.ENFORCE, manifest),
        new InMemoryOperationStore(10, 1 << 20));
    assertThat(manifest.operations()).isNotEmpty();

    for (ManifestOperation operation : manifest.operations()) {
      assertRuns(stage, new GatewayRequest(null, null, Map.of(),
          Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", operation.id())), Map.of(), false));
      assertRuns(stage, GatewayRequest.of(operation.body()));
    }
    int sent = 0;
    for (Path file : files()) {
      String document = Files.readString(file);
      for (OperationDefinition operation : Parser.parse(document).getDefinitionsOfType(OperationDefinition.class)) {
        assertRuns(stage, new GatewayRequest(document, operation.getName(), Map.of(), Map.of(), Map.of(), false));
        sent++;
      }
    }
    assertThat(sent).isEqualTo(manifest.operations().size());
  }

  private static void assertRuns(PersistedOperations stage, GatewayRequest request) {
    assertThat(stage.resolve(request).join())
        .as("%s %s", request.operationName(), request.extensions())
        .isInstanceOf(Resolution.Run.class);
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(OPERATIONS)) {
      return files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList();
    }
  }
}
