package dev.shopfed.gateway.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.gateway.identity.Identity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Per-request label decisions: the traffic split, stickiness per buyer, run-time changes and the counts. The split
 * bounds are ±1.5 points over 20,000 draws, more than 4.5 standard deviations: a correct split practically never
 * falls outside, a wrong one (a share read as a fraction, an inverted comparison) always does.
 */
class OverrideDecisionsTest {

  private static final int DRAWS = 20_000;
  private static final String LABEL = "my-label";

  @Test
  void aCustomLabelIsOnForItsShareOfAnonymousRequests() {
    MigrationOptions migration = migration(StickyKey.none());
    migration.control().set(LABEL, 30);
    OverrideDecisions decisions = new OverrideDecisions(Set.of(LABEL), Set.of(), migration);

    int on = 0;
    for (int i = 0; i < DRAWS; i++) {
      on += decisions.decide(Identity.ANONYMOUS, Map.of()).contains(LABEL) ? 1 : 0;
    }

    assertThat(100.0 * on / DRAWS).isBetween(28.5, 31.5);
  }

  @Test
  void aPercentLabelIsOnForTheShareItsNameGives() {
    OverrideDecisions decisions = new OverrideDecisions(Set.of("percent(30)"), Set.of(), migration(StickyKey.none()));

    int on = 0;
    for (int i = 0; i < DRAWS; i++) {
      on += decisions.decide(Identity.ANONYMOUS, Map.of()).contains("percent(30)") ? 1 : 0;
    }

    assertThat(100.0 * on / DRAWS).isBetween(28.5, 31.5);
  }

  @Test
  void stickyBucketsSplitDistinctBuyersByTheShareToo() {
    MigrationOptions migration = migration(StickyKey.parse("header:x-buyer"));
    migration.control().set(LABEL, 30);
    OverrideDecisions decisions = new OverrideDecisions(Set.of(LABEL), Set.of(), migration);

    int on = 0;
    for (int i = 0; i < DRAWS; i++) {
      on += decisions.decide(Identity.ANONYMOUS, buyerHeader("buyer-" + i)).contains(LABEL) ? 1 : 0;
    }

    assertThat(100.0 * on / DRAWS).isBetween(28.5, 31.5);
  }

  @Test
  void oneBuyerAlwaysGetsTheSameDecisionAtAGivenShare() {
    MigrationOptions migration = migration(StickyKey.parse("claim:sub"));
    migration.control().set(LABEL, 50);
    OverrideDecisions decisions = new OverrideDecisions(Set.of(LABEL), Set.of(), migration);
    int onBuyers = 0;

    for (int buyer = 0; buyer < 200; buyer++) {
      Identity identity = buyer("u" + buyer);
      boolean first = decisions.decide(identity, Map.of()).contains(LABEL);
      for (int again = 0; again < 20; again++) {
        assertThat(decisions.decide(identity, Map.of()).contains(LABEL)).as("buyer u%d, request %d", buyer, again)
            .isEqualTo(first);
      }
      onBuyers += first ? 1 : 0;
    }

    assertThat(onBuyers).as("both owners serve someone at 50 %").isBetween(1, 199);
  }

  @Test
  void raisingTheShareOnlyTurnsBuyersOn() {
    MigrationOptions migration = migration(StickyKey.parse("header:x-buyer"));
    OverrideDecisions decisions = new OverrideDecisions(Set.of(LABEL), Set.of(), migration);
    boolean[] wasOn = new boolean[2_000];
    int previouslyOn = 0;

    for (double share : new double[] {0, 0.5, 5, 12.5, 30, 50, 80, 99.99, 100}) {
      migration.control().set(LABEL, share);
      int nowOn = 0;
      for (int buyer = 0; buyer < wasOn.length; buyer++) {
        boolean on = decisions.decide(Identity.ANONYMOUS, buyerHeader("b" + buyer)).contains(LABEL);
        assertThat(!wasOn[buyer] || on).as("buyer b%d stays on at %s %%", buyer, share).isTrue();
        wasOn[buyer] = on;
        nowOn += on ? 1 : 0;
      }
      assertThat(nowOn).as("buyers on at %s %%", share).isGreaterThanOrEqualTo(previouslyOn);
      previouslyOn = nowOn;
    }

    assertThat(previouslyOn).as("everyone at 100 %").isEqualTo(wasOn.length);
  }

  @Test
  void aRequestWithoutTheStickyValueDrawsAtRandom() {
    MigrationOptions migration = migration(StickyKey.parse("claim:sub"));
    migration.control().set(LABEL, 50);
    OverrideDecisions decisions = new OverrideDecisions(Set.of(LABEL), Set.of(), migration);

    int on = 0;
    for (int i = 0; i < 400; i++) {
      on += decisions.decide(Identity.ANONYMOUS, Map.of()).contains(LABEL) ? 1 : 0;
    }

    // Out of 400 draws at 50 %, all on or all off has a chance of 2^-399.
    assertThat(on).isBetween(1, 399);
  }

  @Test
  void theBucketDependsOnTheLabelAsWellAsTheBuyer() {
    int differ = 0;
    for (int buyer = 0; buyer < 100; buyer++) {
      differ += OverrideDecisions.bucket("u" + buyer, "a") != OverrideDecisions.bucket("u" + buyer, "b") ? 1 : 0;
      assertThat(OverrideDecisions.bucket("u" + buyer, "a")).isBetween(0, OverrideDecisions.BUCKETS - 1);
    }
    // Otherwise a buyer first on one migration would be first on every other.
    assertThat(differ).isGreaterThan(90);
  }

  @Test
  void aChangedShareHoldsFromTheNextDecision() {
    MigrationOptions migration = migration(StickyKey.none());
    OverrideDecisions decisions = new OverrideDecisions(Set.of(LABEL, "other"), Set.of(), migration);
    assertThat(decisions.decide(Identity.ANONYMOUS, Map.of())).isEmpty();

    migration.control().set(LABEL, 100);
    assertThat(decisions.decide(Identity.ANONYMOUS, Map.of())).containsExactly(LABEL);
    assertThat(decisions.shares()).containsExactly(Map.entry(LABEL, 100.0), Map.entry("other", 0.0));

    migration.control().update(new LabelShares(Map.of("other", 100.0)));
    assertThat(decisions.decide(Identity.ANONYMOUS, Map.of())).containsExactly("other");
  }

  @Test
  void aLabelListedInOverrideLabelsIsOnUnlessTheControlGivesItAShare() {
    MigrationOptions migration = migration(StickyKey.none());
    OverrideDecisions decisions = new OverrideDecisions(Set.of(LABEL, "percent(0)", "unlisted"), Set.of(LABEL),
        migration);
    assertThat(decisions.decide(Identity.ANONYMOUS, Map.of())).containsExactly(LABEL);
    assertThat(decisions.shares()).containsEntry(LABEL, 100.0).containsEntry("percent(0)", 0.0)
        .containsEntry("unlisted", 0.0);

    migration.control().set(LABEL, 0);
    assertThat(decisions.decide(Identity.ANONYMOUS, Map.of())).isEmpty();
  }

  @Test
  void everyDecisionOfTheSupergraphsLabelsIsCounted() {
    MigrationOptions migration = migration(StickyKey.none());
    migration.control().set(LABEL, 30);
    migration.control().set("not-in-the-supergraph", 100);
    OverrideDecisions decisions = new OverrideDecisions(Set.of(LABEL, "percent(100)"), Set.of(), migration);

    int on = 0;
    for (int i = 0; i < 1_000; i++) {
      on += decisions.decide(Identity.ANONYMOUS, Map.of()).contains(LABEL) ? 1 : 0;
    }

    Map<String, long[]> counts = migration.counts().snapshot();
    assertThat(counts).containsOnlyKeys(LABEL, "percent(100)");
    assertThat(counts.get(LABEL)).containsExactly(on, 1_000 - on);
    assertThat(counts.get("percent(100)")).containsExactly(1_000, 0);
  }

  @Test
  void aSupergraphWithoutLabelsDecidesNothingAndCountsNothing() {
    MigrationOptions migration = migration(StickyKey.none());
    OverrideDecisions decisions = new OverrideDecisions(Set.of(), Set.of(LABEL), migration);

    assertThat(decisions.decide(Identity.ANONYMOUS, Map.of())).isEmpty();
    assertThat(migration.counts().snapshot()).isEmpty();
  }

  private static MigrationOptions migration(StickyKey stickyBy) {
    return new MigrationOptions(new MigrationControl(LabelShares.none()), new OverrideCounts(), stickyBy);
  }

  private static Map<String, List<String>> buyerHeader(String value) {
    return Map.of("x-buyer", List.of(value));
  }

  private static Identity buyer(String subject) {
    return new Identity(subject, Set.of(), Map.of("sub", subject));
  }
}
