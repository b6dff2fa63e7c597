package dev.shopfed.gateway.migration;

import dev.shopfed.gateway.identity.Identity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides, per request, which of a supergraph's progressive-override labels are on, and counts each decision. A label
 * is on for its share of requests: {@code percent(N)} labels for N %, custom labels for the share the
 * {@link MigrationControl} gives them, else 100 % when {@code gateway.override-labels} lists them, else never.
 *
 * <p>A request draws a bucket from 0 to 9,999 per label and the label is on when the bucket is below share × 100.
 * With a sticky key the bucket is a hash of the buyer's value and the label, so one buyer draws the same bucket
 * every time: at a given share they always get the same decision, and raising the share only turns buyers on.
 * Without a value the bucket is random.
 */
public final class OverrideDecisions {

  static final int BUCKETS = 10_000;

  private final Set<String> labels;
  private final Map<String, Double> fixed;
  private final Set<String> switchedOn;
  private final MigrationOptions migration;

  /**
   * @param labels     the labels the supergraph uses
   * @param switchedOn labels {@code gateway.override-labels} switches on (share 100 unless the control sets one)
   * @param migration  the run-time shares, the counts and the sticky key
   */
  public OverrideDecisions(Set<String> labels, Set<String> switchedOn, MigrationOptions migration) {
    this.labels = Collections.unmodifiableSet(new TreeSet<>(labels));
    this.switchedOn = Set.copyOf(switchedOn);
    this.migration = migration == null ? MigrationOptions.defaults() : migration;
    Map<String, Double> percents = new TreeMap<>();
    this.labels.stream().filter(OverrideDecisions::isPercent).forEach(l -> percents.put(l, percentOf(l)));
    this.fixed = Collections.unmodifiableMap(percents);
  }

  /** The labels on for this request, each decision counted. */
  public Set<String> decide(Identity identity, Map<String, List<String>> headers) {
    if (labels.isEmpty()) {
      return Set.of();
    }
    String buyer = migration.stickyBy().value(identity, headers);
    LabelShares shares = migration.control().current(); // read once: one request sees one set of shares
    Set<String> active = new TreeSet<>();
    for (String label : labels) {
      boolean on = isOn(label, share(label, shares), buyer);
      migration.counts().record(label, on);
      if (on) {
        active.add(label);
      }
    }
    return Collections.unmodifiableSet(active);
  }

  /** The share each of the supergraph's labels is on for right now, sorted by label. */
  public Map<String, Double> shares() {
    LabelShares shares = migration.control().current();
    Map<String, Double> now = new LinkedHashMap<>();
    labels.forEach(label -> now.put(label, share(label, shares)));
    return Collections.unmodifiableMap(now);
  }

  private double share(String label, LabelShares shares) {
    Double percent = fixed.get(label);
    if (percent != null) {
      return percent;
    }
    return shares.find(label).orElse(switchedOn.contains(label) ? 100 : 0);
  }

  private static boolean isOn(String label, double share, String buyer) {
    if (share <= 0) {
      return false;
    }
    if (share >= 100) {
      return true;
    }
    int bucket = buyer == null ? ThreadLocalRandom.current().nextInt(BUCKETS) : bucket(buyer, label);
    return bucket < share * 100;
  }

  /** The buyer's stable bucket for one label: SHA-256 of value and label, mod 10,000. */
  static int bucket(String value, String label) {
    byte[] digest = sha256().digest((value + '\u0000' + label).getBytes(StandardCharsets.UTF_8));
    long high = 0;
    for (int i = 0; i < 8; i++) {
      high = (high << 8) | (digest[i] & 0xff);
    }
    return (int) Math.floorMod(high, (long) BUCKETS);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static boolean isPercent(String label) {
    return label.startsWith("percent(") && label.endsWith(")");
  }

  /** Composition only writes well-formed ones; anything else is never on. */
  private static double percentOf(String label) {
    try {
      double percent = Double.parseDouble(label.substring(8, label.length() - 1));
      return Double.isNaN(percent) ? 0 : Math.max(0, Math.min(100, percent));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
