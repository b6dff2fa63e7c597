package dev.shopfed.e2e.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.time.Duration;

/**
 * An HTTP proxy in front of one running subgraph, on a free loopback port: a gateway sent to {@link #graphqlUrl()}
 * reaches the subgraph through it. {@link #recording} keeps every request for the test to read; {@link #forwarding}
 * keeps none (for load) and can {@link #slowDown} every answer.
 */
public final class SubgraphProxy implements AutoCloseable {

  /** Enough request threads that a delayed answer never queues the next: each delay holds its thread. */
  private static final int THREADS = 200;

  private final WireMockServer server;
  private final String target;

  private SubgraphProxy(WireMockConfiguration options, URI subgraphUrl) {
    this.server = new WireMockServer(options.bindAddress("127.0.0.1").dynamicPort());
    this.target = subgraphUrl.getScheme() + "://" + subgraphUrl.getRawAuthority();
    server.start();
    passThrough();
  }

  /** Forwards everything and records it: {@link #server()}'s journal holds what the gateway sent. */
  public static SubgraphProxy recording(URI subgraphUrl) {
    return new SubgraphProxy(options(), subgraphUrl);
  }

  /** Forwards everything, records nothing. */
  public static SubgraphProxy forwarding(URI subgraphUrl) {
    return new SubgraphProxy(options().containerThreads(THREADS).disableRequestJournal(), subgraphUrl);
  }

  /** From now on each answer is held back by a random delay between the two bounds. */
  public void slowDown(Duration least, Duration most) {
    stub(proxied().withUniformRandomDelay((int) least.toMillis(), (int) most.toMillis()));
  }

  /** From now on answers go back as soon as the subgraph gives them. */
  public void passThrough() {
    stub(proxied());
  }

  public URI graphqlUrl() {
    return URI.create(server.baseUrl() + "/graphql");
  }

  public WireMockServer server() {
    return server;
  }

  @Override
  public void close() {
    server.stop();
  }

  private ResponseDefinitionBuilder proxied() {
    return aResponse().proxiedFrom(target);
  }

  private void stub(ResponseDefinitionBuilder response) {
    server.resetMappings();
    server.stubFor(any(anyUrl()).willReturn(response));
  }
}
