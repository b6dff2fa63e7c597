package dev.shopfed.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operation the explorer opens on ({@code gateway.explorer.initial-operation} and {@code initial-variables}):
 * read from its file once, handed to the script in meta tags, escaped so no operation text can leave the attribute.
 */
class ExplorerInitialOperationTest {

  @TempDir
  Path dir;

  @Test
  void theOperationAndItsVariablesReachThePageEscaped() throws IOException {
    Path operation = Files.writeString(dir.resolve("product.graphql"),
        "# \"quoted\" <b>comment</b>\nquery ProductPage($id: ID!) { product(id: $id) { id } }\n");
    String html = page(new ExplorerProperties(null, operation, "{\"id\": \"p16\"}"));

    assertThat(html).contains("<meta name=\"explorer-initial-operation\" content=\"# &quot;quoted&quot; "
        + "&lt;b&gt;comment&lt;/b&gt;\nquery ProductPage($id: ID!) { product(id: $id) { id } }\n\">");
    assertThat(html).contains("<meta name=\"explorer-initial-variables\" content=\"{&quot;id&quot;: &quot;p16&quot;}\">");
    assertThat(html).doesNotContain("<b>");
  }

  @Test
  void withoutTheSettingThePageHasNoInitialOperation() {
    assertThat(page(new ExplorerProperties(null, null, null))).doesNotContain("explorer-initial-");
  }

  @Test
  void theScriptOpensOnItOnAFirstVisit() {
    String script = RouterHarness.client(RouterHarness.readyExecutor(), JsonMapper.builder().build())
        .get().uri("/explorer/explorer.js").exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(script).contains("explorer-initial-operation").contains("explorer-initial-variables")
        .contains("defaultQuery").contains("graphiql:tabState");
  }

  @Test
  void variablesMustBeAJsonObjectAndTheFileMustExist() {
    assertThatThrownBy(() -> new ExplorerProperties(null, null, "[1]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gateway.explorer.initial-variables must be a JSON object");
    assertThatThrownBy(() -> ExplorerPage.fromClasspath(new ExplorerProperties(null, dir.resolve("missing"), null)))
        .hasMessageContaining("gateway.explorer.initial-operation: cannot read");
  }

  @Test
  void theSettingsBindFromGatewayExplorer() {
    GatewayProperties set = new Binder(new MapConfigurationPropertySource(Map.of("gateway.supergraph", "s.graphql",
        "gateway.explorer.initial-operation", "ops/productPage.graphql",
        "gateway.explorer.initial-variables", "{\"id\": \"p16\"}"))).bindOrCreate("gateway", GatewayProperties.class);
    assertThat(set.explorer().initialOperation()).isEqualTo(Path.of("ops/productPage.graphql"));
    assertThat(set.explorer().initialVariables()).isEqualTo("{\"id\": \"p16\"}");
  }

  private static String page(ExplorerProperties settings) {
    return RouterHarness.client(RouterHarness.readyExecutor(), JsonMapper.builder().build(), true,
            ExplorerPage.fromClasspath(settings))
        .get().uri("/").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
  }
}
