package dev.shopfed.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The consent subgraph the shop's supergraph composes in is the one the gateway answers. */
class ConsentSubgraphSdlTest {

  @Test
  void theComposedConsentSubgraphIsTheGatewaysOwn() throws Exception {
    Path composed = Path.of("../schema/src/main/resources/schema/consent.graphql");

    assertThat(Files.readString(composed)).isEqualTo(ConsentSubgraph.SDL);
  }
}
