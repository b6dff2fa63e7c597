package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
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
    registry.stubFor(get(urlEqualTo("/tagged.graphql"))
        .willReturn(aResponse().withHeader("ETag", "\"v1\"").withBody(BooksSupergraph.SDL)));
    registry.stubFor(get(urlEqualTo("/tagged.graphql")).withHeader("If-None-Match", equalTo("\"v1\""))
        .willReturn(aResponse().withStatus(304)));
    registry.stubFor(get(urlEqualTo("/dated.graphql")).willReturn(aResponse()
        .withHeader("Last-Modified", "Wed, 02 Dec 2026 10:00:00 GMT").withBody(BooksSupergraph.SDL)));
    registry.stubFor(get(urlEqualTo("/dated.graphql"))
        .withHeader("If-Modified-Since", equalTo("Wed, 02 Dec 2026 10:00:00 GMT"))
        .willReturn(aResponse().withStatus(304)));
    registry.stubFor(get(urlEqualTo("/private.graphql")).withHeader("Authorization", equalTo("Bearer registry-key"))
        .willReturn(aResponse().withBody(BooksSupergraph.SDL)));
    registry.stubFor(get(urlEqualTo("/private.graphql")).atPriority(10).willReturn(aResponse().withStatus(401)));
  }

  @AfterAll
  static void stop() {
    registry.stop();
  }

  @Test
  void readsAUrlWhichHasNoFileStamp() {
    SupergraphSource source = SupergraphSource.of(registry.baseUrl() + "/supergraph.graphql");
    assertThat(source.isUrl()).isTrue();
    assertThat(source.read()).isEqualTo(BooksSupergraph.SDL);
    assertThat(source.stamp()).isEmpty();
  }

  @Test
  void pollSendsTheEtagBackAndA304IsUnchanged() {
    SupergraphSource source = SupergraphSource.of(registry.baseUrl() + "/tagged.graphql");
    var first = (SupergraphSource.Poll.Changed) source.poll(SupergraphSource.Validators.NONE);
    assertThat(first.sdl()).isEqualTo(BooksSupergraph.SDL);
    assertThat(first.validators().etag()).isEqualTo("\"v1\"");

    assertThat(source.poll(first.validators())).isInstanceOf(SupergraphSource.Poll.Unchanged.class);
    registry.verify(getRequestedFor(urlEqualTo("/tagged.graphql")).withHeader("If-None-Match", equalTo("\"v1\"")));
  }

  @Test
  void withoutAnEtagPollFallsBackToLastModified() {
    SupergraphSource source = SupergraphSource.of(registry.baseUrl() + "/dated.graphql");
    var first = (SupergraphSource.Poll.Changed) source.poll(SupergraphSource.Validators.NONE);
    assertThat(first.validators()).isEqualTo(new SupergraphSource.Validators(null, "Wed, 02 Dec 2026 10:00:00 GMT"));

    assertThat(source.poll(first.validators())).isInstanceOf(SupergraphSource.Poll.Unchanged.class);
  }

  @Test
  void sendsTheConfiguredHeadersToTheRegistry() {
    String url = registry.baseUrl() + "/private.graphql";
    assertThat(SupergraphSource.of(url, Map.of("Authorization", "Bearer registry-key")).read())
        .isEqualTo(BooksSupergraph.SDL);
    assertThatThrownBy(() -> SupergraphSource.of(url).read())
        .hasMessage("Cannot fetch supergraph from " + url + ": HTTP 401");
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
