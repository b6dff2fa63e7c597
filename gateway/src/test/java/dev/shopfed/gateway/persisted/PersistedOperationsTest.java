package dev.shopfed.gateway.persisted;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.GatewayResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The persisted-operations stage on its own: what it makes of each kind of request in each safelist mode. */
class PersistedOperationsTest {

  static final String BOOK = "query Book($id: ID!) {\n  book(id: $id) {\n    ...Title\n  }\n}\n\nfragment Title on Book {\n  title\n}";
  static final String RENAME = "mutation Rename {\n  renameBook(id: \"1\", title: \"X\") {\n    id\n  }\n}";
  static final PersistedQueryManifest MANIFEST = PersistedQueryManifest.of(List.of(
      new ManifestOperation(OperationText.sha256(BOOK), "Book", "query", BOOK),
      new ManifestOperation(OperationText.sha256(RENAME), "Rename", "mutation", RENAME)));
  static final String OTHER = "{ book(id: \"2\") { id } }";

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(PersistedOperations.class);

  @BeforeEach
  void captureLogs() {
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    logger.detachAppender(logs);
  }

  @Test
  void apqMissThenRegisterThenHitByHashAlone() {
    PersistedOperations stage = stage(SafelistMode.OFF);
    String hash = OperationText.sha256(OTHER);

    assertNotFound(resolve(stage, request(null, null, hash)));
    assertThat(ran(resolve(stage, request(OTHER, null, hash))).query()).isEqualTo(OTHER);
    assertThat(ran(resolve(stage, request(null, null, hash))).query()).isEqualTo(OTHER);
  }

  @Test
  void hashOfAnotherTextIsRefusedAndNotRegistered() {
    PersistedOperations stage = stage(SafelistMode.OFF);
    String wrong = OperationText.sha256(OTHER + " ");

    assertRefused(resolve(stage, request(OTHER, null, wrong)), "PERSISTED_QUERY_HASH_MISMATCH");
    assertNotFound(resolve(stage, request(null, null, wrong)));
  }

  @Test
  void malformedExtensionsAreBadRequests() {
    PersistedOperations stage = stage(SafelistMode.OFF);
    String hash = OperationText.sha256(OTHER);

    Resolution version = resolve(stage, withExtension(OTHER, Map.of("version", 2, "sha256Hash", hash)));
    assertRefused(version, "BAD_REQUEST");
    assertThat(message(version)).contains("version 2");
    assertRefused(resolve(stage, withExtension(null, Map.of("version", 1, "sha256Hash", "abc"))), "BAD_REQUEST");
    assertRefused(resolve(stage, withExtension(null, Map.of("version", 1))), "BAD_REQUEST");
    assertRefused(resolve(stage, new GatewayRequest(null, null, Map.of(), Map.of("persistedQuery", "x"), Map.of(), false)),
        "BAD_REQUEST");
    assertRefused(resolve(stage, request(null, null, null)), "BAD_REQUEST");
  }

  @Test
  void upperCaseHashesAreTheSameHash() {
    PersistedOperations stage = stage(SafelistMode.OFF);
    String hash = OperationText.sha256(OTHER);

    ran(resolve(stage, request(OTHER, null, hash.toUpperCase())));
    assertThat(ran(resolve(stage, request(null, null, hash))).query()).isEqualTo(OTHER);
  }

  @Test
  void manifestOperationsRunByIdInEveryMode() {
    for (SafelistMode mode : SafelistMode.values()) {
      GatewayRequest resolved = ran(resolve(stage(mode), request(null, null, OperationText.sha256(BOOK))));
      assertThat(resolved.query()).as(mode.name()).isEqualTo(BOOK);
    }
  }

  @Test
  void enforceRunsManifestTextsExactlyOrFormattedOtherwise() {
    PersistedOperations stage = stage(SafelistMode.ENFORCE);

    assertThat(ran(resolve(stage, request(BOOK, null, null))).query()).isEqualTo(BOOK);
    String reformatted = "# the book screen\nquery Book($id: ID!) { book(id: $id) { ...Title } } fragment Title on Book { title }";
    ran(resolve(stage, request(reformatted, null, null)));
    // A document holding the operation among others, as an app's operation file is sent with operationName.
    String file = RENAME + "\n" + BOOK + "\nfragment Unused on Book { id }";
    ran(resolve(stage, request(file, "Book", null)));
    ran(resolve(stage, request(file, "Rename", null)));
  }

  @Test
  void enforceRefusesEverythingElse() {
    PersistedOperations stage = stage(SafelistMode.ENFORCE);
    String hash = OperationText.sha256(OTHER);

    assertRefused(resolve(stage, request(OTHER, null, null)), "PERSISTED_QUERY_NOT_IN_LIST");
    // The registered operation with a field more is another operation.
    assertRefused(resolve(stage, request(BOOK.replace("  title", "  title\n  id"), null, null)), "PERSISTED_QUERY_NOT_IN_LIST");
    // A whole file naming an operation that is not registered.
    assertRefused(resolve(stage, request(BOOK + "\n" + OTHER.replace("{ book", "query Other { book"), "Other", null)),
        "PERSISTED_QUERY_NOT_IN_LIST");
    // No APQ registration of new operations: the text is refused and its hash stays unknown.
    assertRefused(resolve(stage, request(OTHER, null, hash)), "PERSISTED_QUERY_NOT_IN_LIST");
    assertNotFound(resolve(stage, request(null, null, hash)));
    assertRefused(resolve(stage, request("{ not graphql", null, null)), "PERSISTED_QUERY_NOT_IN_LIST");
  }

  @Test
  void requireIdRefusesTextsEvenOfRegisteredOperations() {
    PersistedQueriesOptions options = new PersistedQueriesOptions(SafelistMode.ENFORCE, true, MANIFEST, 100, 1 << 20,
        null, "p:", java.time.Duration.ZERO, java.time.Duration.ofSeconds(1));
    PersistedOperations stage = new PersistedOperations(options, new InMemoryOperationStore(100, 1 << 20));

    assertRefused(resolve(stage, request(BOOK, null, null)), "PERSISTED_QUERY_ID_REQUIRED");
    assertThat(ran(resolve(stage, request(null, null, OperationText.sha256(BOOK)))).query()).isEqualTo(BOOK);
    ran(resolve(stage, request(BOOK, null, OperationText.sha256(BOOK))));
  }

  @Test
  void logOnlyRunsEverythingAndLogsEachUnregisteredOperationOnceByNameAndHash() {
    PersistedOperations stage = stage(SafelistMode.LOG_ONLY);
    String secret = "query Secret { book(id: \"customer-4711\") { title } }";

    for (int i = 0; i < 3; i++) {
      ran(resolve(stage, request(secret, null, null)));
      ran(resolve(stage, request(BOOK, null, null)));
    }
    // Registered by APQ: runs by hash alone, and is not in the list either (same hash, logged already).
    ran(resolve(stage, request(secret, null, OperationText.sha256(secret))));
    ran(resolve(stage, request(null, null, OperationText.sha256(secret))));

    List<String> messages = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0)).contains("Secret", OperationText.sha256(secret)).doesNotContain("customer-4711");
  }

  @Test
  void inMemoryStoreIsBoundedByCountAndBytes() {
    InMemoryOperationStore byCount = new InMemoryOperationStore(10, 1 << 20);
    for (int i = 0; i < 100; i++) {
      byCount.save("h" + i, "{ a }");
    }
    assertThat(byCount.size()).isLessThanOrEqualTo(10);

    InMemoryOperationStore byBytes = new InMemoryOperationStore(1000, 10_000);
    for (int i = 0; i < 100; i++) {
      byBytes.save("h" + i, "x".repeat(1000));
    }
    assertThat(byBytes.size()).isLessThanOrEqualTo(10);
  }

  private static PersistedOperations stage(SafelistMode mode) {
    PersistedQueriesOptions options = PersistedQueriesOptions.defaults().withSafelist(mode, MANIFEST);
    return new PersistedOperations(options, new InMemoryOperationStore(100, 1 << 20));
  }

  private static GatewayRequest request(String query, String operationName, String hash) {
    Map<String, Object> extensions = hash == null
        ? Map.of()
        : Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    return new GatewayRequest(query, operationName, Map.of(), extensions, Map.of(), false);
  }

  private static GatewayRequest withExtension(String query, Map<String, Object> persistedQuery) {
    return new GatewayRequest(query, null, Map.of(), Map.of("persistedQuery", persistedQuery), Map.of(), false);
  }

  private static Resolution resolve(PersistedOperations stage, GatewayRequest request) {
    return stage.resolve(request).join();
  }

  private static GatewayRequest ran(Resolution resolution) {
    assertThat(resolution).isInstanceOf(Resolution.Run.class);
    return ((Resolution.Run) resolution).request();
  }

  private static void assertNotFound(Resolution resolution) {
    GatewayResponse response = refusal(resolution);
    assertThat(response.outcome()).isEqualTo(GatewayResponse.Outcome.RETRY_WITH_QUERY);
    assertThat(message(resolution)).isEqualTo("PersistedQueryNotFound");
    assertThat(code(response)).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
  }

  private static void assertRefused(Resolution resolution, String code) {
    GatewayResponse response = refusal(resolution);
    assertThat(response.outcome()).isEqualTo(GatewayResponse.Outcome.REQUEST_ERROR);
    assertThat(code(response)).isEqualTo(code);
  }

  private static GatewayResponse refusal(Resolution resolution) {
    assertThat(resolution).isInstanceOf(Resolution.Refused.class);
    return ((Resolution.Refused) resolution).response();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstError(GatewayResponse response) {
    return ((List<Map<String, Object>>) response.body().get("errors")).get(0);
  }

  @SuppressWarnings("unchecked")
  private static String code(GatewayResponse response) {
    return (String) ((Map<String, Object>) firstError(response).get("extensions")).get("code");
  }

  private static String message(Resolution resolution) {
    return (String) firstError(refusal(resolution)).get("message");
  }
}
