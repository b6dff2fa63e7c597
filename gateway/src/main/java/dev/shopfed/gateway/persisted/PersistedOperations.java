package dev.shopfed.gateway.persisted;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.GatewayResponse;
import dev.shopfed.gateway.execution.GraphQLErrors;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge stage that turns a request into the operation text to run, or refuses it, before anything parses or
 * plans it: Apollo's automatic persisted queries (a SHA-256 in {@code extensions.persistedQuery}, the text looked
 * up or registered) and the safelist (only the manifest's operations, named by id or sent as text, may run).
 * Shared by every engine of one gateway, so registrations outlive supergraph reloads.
 */
public final class PersistedOperations implements AutoCloseable {

  static final String NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";
  static final String HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH";
  static final String NOT_IN_LIST = "PERSISTED_QUERY_NOT_IN_LIST";
  static final String ID_REQUIRED = "PERSISTED_QUERY_ID_REQUIRED";
  private static final String SETTING = "gateway.persisted-queries.safelist";
  private static final Logger log = LoggerFactory.getLogger(PersistedOperations.class);

  private final SafelistMode mode;
  private final boolean requireId;
  private final PersistedQueryManifest manifest;
  private final PersistedOperationStore store;
  /** Whether a text (by its hash and operation name) is in the manifest: parsing it to find out is done once. */
  private final Cache<String, Boolean> listed = Caffeine.newBuilder().maximumSize(10_000).build();
  /** Hashes of unregistered operations already logged in log-only mode. */
  private final Cache<String, Boolean> logged = Caffeine.newBuilder().maximumSize(10_000).build();

  public PersistedOperations(PersistedQueriesOptions options, PersistedOperationStore store) {
    this.mode = options.safelist();
    this.requireId = options.requireId() && mode == SafelistMode.ENFORCE;
    this.manifest = options.manifest();
    this.store = store;
  }

  /** The stage with the store its options name: Redis when a URL is set, else in memory. */
  public static PersistedOperations create(PersistedQueriesOptions options) {
    PersistedOperationStore store = options.redisUrl() == null
        ? new InMemoryOperationStore(options.maxEntries(), options.maxBytes())
        : new RedisOperationStore(options.redisUrl(), options.redisKeyPrefix(), options.redisTtl(), options.redisTimeout());
    return new PersistedOperations(options, store);
  }

  public CompletableFuture<Resolution> resolve(GatewayRequest request) {
    PersistedQueryExtension extension;
    try {
      extension = PersistedQueryExtension.from(request.extensions());
    } catch (PersistedQueryExtension.Invalid e) {
      return done(refused(e.getMessage(), "BAD_REQUEST"));
    }
    if (extension == null) {
      return done(freeText(request));
    }
    if (request.query() != null) {
      return done(textWithHash(request, extension.hash()));
    }
    return byHash(request, extension.hash());
  }

  /** Text only: the safelist decides. */
  private Resolution freeText(GatewayRequest request) {
    if (request.query() == null) {
      return refused("Missing query: send the operation text as 'query' or its hash in extensions.persistedQuery",
          "BAD_REQUEST");
    }
    if (mode == SafelistMode.OFF) {
      return new Resolution.Run(request);
    }
    if (requireId) {
      return refused("Operations must be sent by id (extensions.persistedQuery.sha256Hash), not as text "
          + "(gateway.persisted-queries.require-id=true)", ID_REQUIRED);
    }
    String hash = OperationText.sha256(request.query());
    return checked(request, hash, isListed(request, hash));
  }

  /** Text and hash: an APQ registration, or a manifest operation sent in full. */
  private Resolution textWithHash(GatewayRequest request, String hash) {
    if (!OperationText.sha256(request.query()).equals(hash)) {
      return refused("extensions.persistedQuery.sha256Hash is not the SHA-256 of the query", HASH_MISMATCH);
    }
    if (manifest.byId(hash).isPresent()) {
      return new Resolution.Run(request);
    }
    boolean listed = mode != SafelistMode.OFF && !requireId && isListed(request, hash);
    if (mode == SafelistMode.ENFORCE) {
      return checked(request, hash, listed);
    }
    store.save(hash, request.query());
    return checked(request, hash, listed || mode == SafelistMode.OFF);
  }

  /** Hash only: the manifest's operation, else (APQ) the store's. */
  private CompletableFuture<Resolution> byHash(GatewayRequest request, String hash) {
    Optional<String> registered = manifest.byId(hash).map(ManifestOperation::body);
    if (registered.isPresent()) {
      return done(new Resolution.Run(withQuery(request, registered.get())));
    }
    if (mode == SafelistMode.ENFORCE) {
      return done(notFound());
    }
    return store.find(hash).thenApply(text -> text
        .<Resolution>map(t -> {
          GatewayRequest found = withQuery(request, t);
          return checked(found, hash, mode == SafelistMode.OFF || isListed(found, hash));
        })
        .orElseGet(PersistedOperations::notFound));
  }

  /** Runs a listed operation; refuses (enforce) or logs (log-only) one that is not. */
  private Resolution checked(GatewayRequest request, String hash, boolean listed) {
    if (listed) {
      return new Resolution.Run(request);
    }
    if (mode == SafelistMode.ENFORCE) {
      return refused("Operation is not in the persisted query list (" + SETTING + "=enforce)", NOT_IN_LIST);
    }
    logOnce(request, hash);
    return new Resolution.Run(request);
  }

  private boolean isListed(GatewayRequest request, String hash) {
    // The client's operationName is bounded only by the request size: keep a long one as its hash.
    String name = request.operationName();
    String key = hash + ":" + (name == null || name.length() <= 128 ? name : OperationText.sha256(name));
    return listed.get(key, k -> manifest.byText(request.query(), request.operationName()).isPresent());
  }

  /** Logs the operation's name and hash, never its text or variables (which may carry personal data). */
  private void logOnce(GatewayRequest request, String hash) {
    if (logged.asMap().putIfAbsent(hash, Boolean.TRUE) != null) {
      return;
    }
    String name = OperationText.canonical(request.query(), request.operationName())
        .map(OperationText.Canonical::name).orElse(null);
    log.warn("Operation {} (sha256 {}) is not in the persisted query list; {}=enforce would refuse it",
        name == null ? "(anonymous)" : name, hash, SETTING);
  }

  private static GatewayRequest withQuery(GatewayRequest request, String query) {
    return request.withQuery(query);
  }

  /** As Apollo answers it, so clients (which match the message or the code) retry with the full text. */
  private static Resolution notFound() {
    return new Resolution.Refused(new GatewayResponse(
        GraphQLErrors.requestErrors(List.of(GraphQLErrors.error("PersistedQueryNotFound", null, NOT_FOUND))),
        GatewayResponse.Outcome.RETRY_WITH_QUERY));
  }

  private static Resolution refused(String message, String code) {
    return new Resolution.Refused(new GatewayResponse(
        GraphQLErrors.requestErrors(List.of(GraphQLErrors.error(message, null, code))),
        GatewayResponse.Outcome.REQUEST_ERROR));
  }

  private static CompletableFuture<Resolution> done(Resolution resolution) {
    return CompletableFuture.completedFuture(resolution);
  }

  @Override
  public void close() {
    store.close();
  }
}
