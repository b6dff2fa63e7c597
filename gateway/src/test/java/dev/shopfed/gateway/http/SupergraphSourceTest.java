package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupergraphSourceTest {

  private static WireMockServer registry;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    registry = new WireMockServer(wireMockConfig().dynamicPort());
    registry.start();
    registry.stubFor(get(urlEqualTo("/supergraph.graphql"))
        .willReturn(aResponse().withBody(BooksSupergraph.SDL)));
    registry.stubFor(get(urlEqualTo("/gone.graphql")).willReturn(aResponse().withStatus(404)));
  }

  @AfterAll
  static void stop() {
    registry.stop();
  }

  @Test
  void readsAUrlOnceAndNeverWatchesIt() {
    SupergraphSource source = SupergraphSource.of(registry.baseUrl() + "/supergraph.graphql");
    assertThat(source.isUrl()).isTrue();
    assertThat(source.read()).isEqualTo(BooksSupergraph.SDL);
    assertThat(source.stamp()).isEmpty();
  }

  @Test
  void urlThatDoesNotAnswer200FailsWithItsStatus() {
    String url = registry.baseUrl() + "/gone.graphql";
    assertThatThrownBy(() -> SupergraphSource.of(url).read())
        .isInstanceOf(SupergraphLoadFailure.class)
        .hasMessage("Cannot fetch supergraph from " + url + ": HTTP 404");
  }

  @Test
  void fileStampChangesWhenTheFileDoes() throws Exception {
    Path file = BooksSupergraph.writeTo(dir.resolve("s.graphql"), BooksSupergraph.SDL);
    SupergraphSource source = SupergraphSource.of(file.toString());
    SupergraphSource.Stamp first = source.stamp().orElseThrow();
    assertThat(source.stamp()).contains(first);

    Files.writeString(file, BooksSupergraph.SDL_WITH_PAGES);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    assertThat(source.stamp()).isPresent().get().isNotEqualTo(first);
    assertThat(source.read()).isEqualTo(BooksSupergraph.SDL_WITH_PAGES);
  }

  @Test
  void missingOrUnsetSourcesFailWithOneLine() {
    Path missing = dir.resolve("missing.graphql");
    assertThatThrownBy(() -> SupergraphSource.of(missing.toString()).read())
        .hasMessage("Supergraph file " + missing + " does not exist");
    assertThat(SupergraphSource.of(missing.toString()).stamp()).isEmpty();
    assertThatThrownBy(() -> SupergraphSource.of(null).read())
        .hasMessage("No supergraph given: pass --supergraph <file or http(s) URL>");
  }

  @Test
  void multiLineProblemsBecomeOneLine() {
    assertThat(new SupergraphLoadFailure("Invalid supergraph s.graphql:\n  line one\n  line two").getMessage())
        .isEqualTo("Invalid supergraph s.graphql: line one line two");
  }
}
