package dev.shopfed.gateway.http;

import dev.shopfed.gateway.migration.LabelShares;
import dev.shopfed.gateway.migration.LabelSharesFormat;
import dev.shopfed.gateway.migration.MigrationControl;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Reads {@code gateway.migration.labels-file} at start (a broken file stops the start) and then watches its
 * modification time: each change that parses, once the file has stopped changing, puts its shares (over
 * {@code gateway.migration.labels}) in service at once; one that does not is logged with its problem and the current
 * shares serve on. Admin changes last until the file's next change. Without a file, does nothing.
 */
final class MigrationLabelsWatcher implements InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(MigrationLabelsWatcher.class);

  /** What the file looked like when last read; a different stamp means it may have changed. */
  private record Stamp(long modifiedMillis, long size) {}

  private final Path file;
  private final LabelShares base;
  private final MigrationControl control;
  private final Duration pollInterval;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "migration-labels-watch");
    thread.setDaemon(true);
    return thread;
  });

  // Only the scheduler thread touches these after start-up.
  private volatile Stamp seen;
  private volatile Stamp settling;
  private volatile String lastProblem;

  MigrationLabelsWatcher(String file, LabelShares base, MigrationControl control, Duration pollInterval) {
    this.file = file == null || file.isBlank() ? null : Path.of(file.trim());
    this.base = base;
    this.control = control;
    this.pollInterval = pollInterval;
  }

  @Override
  public void afterPropertiesSet() {
    if (file == null) {
      return;
    }
    seen = stamp().orElse(null);
    LabelShares shares = read();
    control.update(shares);
    log.info("Migration label shares from {}: {}", file, shares.shares());
    long millis = Math.max(pollInterval.toMillis(), 50);
    scheduler.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Why the last change to the file was not put in service; empty once a change has been applied. */
  Optional<String> lastProblem() {
    return Optional.ofNullable(lastProblem);
  }

  private void poll() {
    try {
      Stamp stamp = stamp().orElse(null);
      if (stamp == null || stamp.equals(seen)) {
        return;
      }
      // Applied once the file has looked the same for two polls: a file caught halfway through being written
      // (truncated, then filled) is often valid, and an empty one would switch every label off.
      if (!stamp.equals(settling)) {
        settling = stamp;
        return;
      }
      seen = stamp;
      apply();
    } catch (RuntimeException e) {
      // Never let one bad poll end the schedule.
      log.warn("Migration labels watch failed: {}", e.toString());
    }
  }

  private void apply() {
    LabelShares shares;
    try {
      shares = read();
    } catch (MigrationLabelsFailure e) {
      lastProblem = e.getMessage();
      log.warn("Keeping the current migration label shares {}: {}", control.current().shares(), e.getMessage());
      return;
    }
    control.update(shares);
    lastProblem = null;
    log.info("Migration label shares reloaded from {}: {}", file, shares.shares());
  }

  private LabelShares read() {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new MigrationLabelsFailure("Migration labels file " + file + " does not exist");
    } catch (CharacterCodingException e) {
      throw new MigrationLabelsFailure("Migration labels file " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new MigrationLabelsFailure("Cannot read migration labels file " + file + ": " + e);
    }
    try {
      return base.overlaidWith(LabelSharesFormat.parse(text));
    } catch (IllegalArgumentException e) {
      throw new MigrationLabelsFailure("Invalid migration labels file " + file + ": " + e.getMessage());
    }
  }

  private Optional<Stamp> stamp() {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return Optional.of(new Stamp(attributes.lastModifiedTime().toMillis(), attributes.size()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public void destroy() {
    scheduler.shutdownNow();
  }
}
