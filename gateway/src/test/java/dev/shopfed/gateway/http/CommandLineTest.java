package dev.shopfed.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandLineTest {

  @Test
  void shortFlagsBecomeSpringProperties() {
    assertThat(CommandLine.parse(new String[] {"--supergraph", "s.graphql", "--port", "4010"}).springArguments())
        .containsExactly("--gateway.supergraph=s.graphql", "--server.port=4010");
    assertThat(CommandLine.parse(new String[] {"--supergraph=https://x/s.graphql", "--port=0"}).springArguments())
        .containsExactly("--gateway.supergraph=https://x/s.graphql", "--server.port=0");
  }

  @Test
  void springArgumentsPassThroughInOrder() {
    String[] args = {"--gateway.subgraph-urls.books=http://localhost:1/graphql", "--supergraph", "s.graphql",
        "--server.shutdown=immediate"};
    assertThat(CommandLine.parse(args).springArguments()).containsExactly(
        "--gateway.subgraph-urls.books=http://localhost:1/graphql", "--gateway.supergraph=s.graphql",
        "--server.shutdown=immediate");
  }

  @Test
  void flagWithoutValueIsAnError() {
    assertThatThrownBy(() -> CommandLine.parse(new String[] {"--supergraph"}))
        .hasMessage("--supergraph needs a value");
    assertThatThrownBy(() -> CommandLine.parse(new String[] {"--port", "--supergraph", "s.graphql"}))
        .hasMessage("--port needs a value");
  }

  @Test
  void helpIsRecognised() {
    assertThat(CommandLine.parse(new String[] {"--help"}).help()).isTrue();
    assertThat(CommandLine.parse(new String[] {"--supergraph", "s"}).help()).isFalse();
  }
}
