package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.NodeClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The explorer in a real browser: headless Chromium (Debian's package, driven by playwright-core) opens the
 * launcher's explorer at 1280 px, finds the app's product page already in the editor, signs in as a buyer with the
 * "Sign in as" control, runs it, and sees the data and the plan drawn as a diagram with fetches of both subgraphs;
 * a query for {@code me} then answers as that buyer. The screenshot goes to {@code e2e/target/explorer/}.
 */
@ExtendWith(FederationExtension.class)
class ExplorerBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final String BUYER = "u3";

  private final LocalFederation federation;

  ExplorerBrowserTest(LocalFederation federation) {
    this.federation = federation;
  }

  @Test
  void aNewcomerRunsTheProductPageSignedInAndSeesThePlanDiagram() throws Exception {
    assertThat(CHROMIUM).as("Debian's chromium package (e2e/scripts/install-chromium.sh installs it as root)")
        .isExecutable();
    Path screenshot = ProjectLayout.locate().root().resolve("e2e/target/explorer/explorer.png");
    Files.createDirectories(screenshot.getParent());
    Files.deleteIfExists(screenshot);

    JsonNode seen = NodeClients.locate().run(Duration.ofMinutes(3), "explorer-browser.mjs",
        federation.explorerUrl().toString(), screenshot.toString(), BUYER);

    assertThat(seen.path("problems").isEmpty()).as("page errors: " + seen.path("problems")).isTrue();
    assertThat(seen.path("openedOn").asString()).as("the editor opens on the app's product page")
        .contains("query ProductPage(").contains("fragment Price on Money");
    assertThat(seen.path("openedWithVariables").asString()).as("with its variables").contains("\"p16\"");
    assertThat(seen.path("result").asString()).as("the product page's data")
        .contains("\"id\": \"p16\"").contains("\"promoPrice\"").contains("\"activeCampaigns\"");

    List<String> services = new ArrayList<>();
    seen.path("planNodes").forEach(node -> services.add(node.path("service").asString()));
    assertThat(services).as("fetch nodes of the diagram").contains("commerce", "promo");
    assertThat(colourOf(seen, "commerce")).as("each subgraph has its own colour").isNotEqualTo(colourOf(seen, "promo"));
    assertThat(seen.path("planEdges").size()).as("arrows for what waits on what").isGreaterThanOrEqualTo(services.size() - 1)
        .isPositive();

    JsonNode layout = seen.path("layout");
    int width = layout.at("/viewport/width").asInt();
    assertThat(width).isEqualTo(1280);
    assertThat(layout.path("pageScrollWidth").asInt()).as("nothing wider than the window").isLessThanOrEqualTo(width);
    assertThat(layout.at("/editor/width").asInt()).as("editor width at 1280 px").isGreaterThanOrEqualTo(300);
    assertThat(layout.at("/result/width").asInt()).as("result width at 1280 px").isGreaterThanOrEqualTo(300);
    int plan = layout.at("/aside/top").asInt();
    assertThat(layout.at("/editor/bottom").asInt()).as("the editor ends above the plan strip").isLessThanOrEqualTo(plan);
    assertThat(layout.at("/result/bottom").asInt()).as("the result ends above the plan strip").isLessThanOrEqualTo(plan);
    assertThat(layout.at("/aside/bottom").asInt()).as("the plan strip ends inside the window")
        .isLessThanOrEqualTo(layout.at("/viewport/height").asInt());
    assertThat(layout.at("/diagram/right").asInt()).as("the diagram inside the plan strip")
        .isLessThanOrEqualTo(layout.at("/aside/right").asInt());

    assertThat(seen.path("signedInResult").asString()).as("signed in, me is the buyer")
        .contains("\"id\": \"" + BUYER + "\"");
    assertThat(screenshot).as("the screenshot").isNotEmptyFile();
  }

  private static String colourOf(JsonNode seen, String service) {
    for (JsonNode node : seen.path("planNodes")) {
      if (node.path("service").asString().equals(service)) {
        return node.path("colour").asString();
      }
    }
    return null;
  }
}
