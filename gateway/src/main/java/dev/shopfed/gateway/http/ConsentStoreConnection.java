package dev.shopfed.gateway.http;

import dev.shopfed.gateway.consent.Consent;
import dev.shopfed.gateway.consent.ConsentOptions;
import dev.shopfed.gateway.consent.ConsentRegistry;
import dev.shopfed.gateway.consent.Crossing;
import dev.shopfed.gateway.consent.CrossingLog;
import dev.shopfed.gateway.consent.jdbc.ConsentStoreOptions;
import dev.shopfed.gateway.consent.jdbc.JdbcConsentStore;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The consent store, opened on first use rather than at start-up: a gateway whose supergraph has no personal data
 * never touches a database, and one whose database is down starts anyway, failing closed (nothing classified crosses)
 * and trying again on the next call.
 */
final class ConsentStoreConnection implements ConsentRegistry, CrossingLog, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ConsentStoreConnection.class);

  private final ConsentStoreOptions options;
  private final String subgraph;
  private volatile JdbcConsentStore store;

  ConsentStoreConnection(ConsentProperties properties) {
    ConsentStoreOptions url = ConsentStoreOptions.of(properties.jdbcUrl());
    // Without a configured user, the URL's own default (H2's "sa"), not an empty name.
    this.options = (properties.username() == null ? url
        : url.withCredentials(properties.username(), properties.password())).withPoolSize(properties.poolSize());
    this.subgraph = properties.subgraph();
  }

  ConsentOptions engineOptions() {
    return new ConsentOptions(this, this, subgraph);
  }

  @Override
  public CompletableFuture<List<Consent>> consents(String subject) {
    return call(s -> s.registry().consents(subject));
  }

  @Override
  public CompletableFuture<List<Consent>> grant(String subject, String purpose) {
    return call(s -> s.registry().grant(subject, purpose));
  }

  @Override
  public CompletableFuture<List<Consent>> revoke(String subject, String purpose) {
    return call(s -> s.registry().revoke(subject, purpose));
  }

  @Override
  public CompletableFuture<Void> append(Crossing crossing) {
    return call(s -> s.crossingLog().append(crossing));
  }

  @Override
  public CompletableFuture<List<Crossing>> of(String subject, int limit) {
    return call(s -> s.crossingLog().of(subject, limit));
  }

  @Override
  public void exportJsonLines(String subjectOrNull, Writer out) throws IOException {
    store().crossingLog().exportJsonLines(subjectOrNull, out);
  }

  private <T> CompletableFuture<T> call(Function<JdbcConsentStore, CompletableFuture<T>> action) {
    JdbcConsentStore opened;
    try {
      opened = store();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return action.apply(opened);
  }

  /** Opens (once) on first use; a failed opening is tried again by the next call. */
  private JdbcConsentStore store() {
    JdbcConsentStore current = store;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (store == null) {
        try {
          store = JdbcConsentStore.open(options);
          log.info("Consent registry and crossing log: {}", options.where());
        } catch (RuntimeException e) {
          log.warn("Consent store {} cannot be opened; nothing classified crosses until it can: {}", options.where(),
              e.getMessage());
          throw e;
        }
      }
      return store;
    }
  }

  @Override
  public synchronized void destroy() {
    if (store != null) {
      store.close();
      store = null;
    }
  }
}
