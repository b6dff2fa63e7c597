package dev.shopfed.gateway.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopfed.gateway.identity.Identity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shares, the labels file's text, the sticky key setting. */
class LabelSharesTest {

  @Test
  void aFileListsOneShareALine() {
    LabelShares shares = LabelSharesFormat.parse("""
        # commerce takes over
        stock-to-commerce=30
          shop-details-to-commerce = 12.5%

        ns:label.v2=100
        """);

    assertThat(shares.shares()).containsExactly(Map.entry("ns:label.v2", 100.0),
        Map.entry("shop-details-to-commerce", 12.5), Map.entry("stock-to-commerce", 30.0));
    assertThat(shares.share("unknown")).isZero();
    assertThat(shares.find("unknown")).isEmpty();
    assertThat(LabelSharesFormat.parse("").shares()).isEmpty();
  }

  @Test
  void anInvalidFileIsRefusedNamingTheLineAndTheProblem() {
    assertThatThrownBy(() -> LabelSharesFormat.parse("a=1\nstock-to-commerce 30\n"))
        .hasMessage("line 2: \"stock-to-commerce 30\" is not label=percent");
    assertThatThrownBy(() -> LabelSharesFormat.parse("a=140"))
        .hasMessage("line 1: the share of a must be a percent from 0 to 100, not \"140\"");
    assertThatThrownBy(() -> LabelSharesFormat.parse("a=-1")).hasMessageContaining("not \"-1\"");
    assertThatThrownBy(() -> LabelSharesFormat.parse("a=30f")).hasMessageContaining("not \"30f\"");
    assertThatThrownBy(() -> LabelSharesFormat.parse("a=")).hasMessageContaining("not \"\"");
    assertThatThrownBy(() -> LabelSharesFormat.parse("a=1\n\na=2")).hasMessage("line 3: a is given twice");
    assertThatThrownBy(() -> LabelSharesFormat.parse("percent(5)=10")).hasMessageContaining("carries its share");
    assertThatThrownBy(() -> LabelSharesFormat.parse("=10")).hasMessageContaining("needs a name");
    assertThatThrownBy(() -> LabelSharesFormat.parse("1abc=10")).hasMessageContaining("1abc is not a label");
  }

  @Test
  void sharesAreChangedAsNewValues() {
    LabelShares base = new LabelShares(Map.of("a", 10.0, "b", 20.0));

    assertThat(base.with("a", 50).shares()).containsExactly(Map.entry("a", 50.0), Map.entry("b", 20.0));
    assertThat(base.overlaidWith(new LabelShares(Map.of("b", 0.0, "c", 5.0))).shares())
        .containsExactly(Map.entry("a", 10.0), Map.entry("b", 0.0), Map.entry("c", 5.0));
    assertThat(base.shares()).containsExactly(Map.entry("a", 10.0), Map.entry("b", 20.0));
    assertThatThrownBy(() -> base.with("a", 100.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base.with("a", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theControlSetsOneLabelWithoutLosingAnother() {
    MigrationControl control = new MigrationControl(new LabelShares(Map.of("a", 10.0)));

    control.set("b", 40);
    control.update(control.current().with("c", 1));

    assertThat(control.current().shares()).containsExactly(Map.entry("a", 10.0), Map.entry("b", 40.0),
        Map.entry("c", 1.0));
  }

  @Test
  void theStickyKeyIsAClaimOrAHeader() {
    Identity buyer = new Identity("u1", Set.of(), Map.of("sub", "u1", "tenant", 42));
    Map<String, List<String>> headers = Map.of("x-device", List.of(" d-7 "), "x-empty", List.of(" "));

    assertThat(StickyKey.parse("claim:sub").value(buyer, headers)).isEqualTo("u1");
    assertThat(StickyKey.parse("claim:tenant").value(buyer, headers)).isEqualTo("42");
    assertThat(StickyKey.parse("claim:sub").value(Identity.ANONYMOUS, headers)).isNull();
    assertThat(StickyKey.parse("header:X-Device").value(Identity.ANONYMOUS, headers)).isEqualTo("d-7");
    assertThat(StickyKey.parse("header:x-empty").value(buyer, headers)).isNull();
    assertThat(StickyKey.parse("header:x-missing").value(buyer, headers)).isNull();
    assertThat(StickyKey.parse(" ").value(buyer, headers)).isNull();
    assertThat(StickyKey.parse("header:X-Device")).hasToString("header:x-device");
    assertThatThrownBy(() -> StickyKey.parse("cookie:id")).hasMessageContaining("claim:<name> or header:<name>");
    assertThatThrownBy(() -> StickyKey.parse("claim:")).hasMessageContaining("needs a claim name");
  }
}
