package dev.shopfed.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * A development identity provider for {@code ./run.sh} and the end-to-end suite: an EC P-256 key pair made at
 * start, its public JWKS at {@code GET /.well-known/jwks.json}, and a signed access token for any seeded buyer at
 * {@code GET /token?sub=u7}. Anyone who reaches its port can be any buyer, so it listens on loopback only and
 * exists only inside the launcher; a real deployment points the gateway at its own identity provider.
 */
public final class DevIdentityIssuer implements AutoCloseable {

  public static final String AUDIENCE = "shopfed";
  public static final String SCOPE = "buyer payments:write";
  public static final int BUYERS = 50;
  public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

  static final String JWKS_PATH = "/.well-known/jwks.json";
  static final String TOKEN_PATH = "/token";
  private static final Pattern BUYER = Pattern.compile("u([1-9][0-9]?)");

  private final HttpServer server;
  private final ExecutorService handlers;
  private final ECKey key;
  private final ECDSASigner signer;
  private final URI issuer;
  private final Set<String> allowedOrigins;
  private final Clock clock;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DevIdentityIssuer(HttpServer server, ExecutorService handlers, ECKey key, Set<String> allowedOrigins,
      Clock clock) throws JOSEException {
    this.server = server;
    this.handlers = handlers;
    this.key = key;
    this.signer = new ECDSASigner(key);
    this.issuer = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    this.allowedOrigins = Set.copyOf(allowedOrigins);
    this.clock = clock;
  }

  /**
   * Starts on a free loopback port.
   *
   * @param allowedOrigins browser origins allowed to read its answers (the gateway's explorer), e.g.
   *                       {@code http://localhost:4000}
   */
  public static DevIdentityIssuer start(Collection<String> allowedOrigins) {
    return start(allowedOrigins, Clock.systemUTC());
  }

  static DevIdentityIssuer start(Collection<String> allowedOrigins, Clock clock) {
    ExecutorService handlers = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "dev-identity-issuer");
      thread.setDaemon(true);
      return thread;
    });
    try {
      ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
          .keyIDFromThumbprint(true).generate();
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      DevIdentityIssuer issuer = new DevIdentityIssuer(server, handlers, key, Set.copyOf(allowedOrigins), clock);
      server.createContext("/", issuer::handle);
      server.setExecutor(handlers);
      server.start();
      return issuer;
    } catch (IOException e) {
      handlers.shutdownNow();
      throw new StartupException("dev identity issuer: cannot listen on a loopback port: " + e.getMessage());
    } catch (JOSEException e) {
      handlers.shutdownNow();
      throw new IllegalStateException("dev identity issuer: cannot make its key pair", e);
    }
  }

  /** The browser origins of a gateway on {@code port}: the explorer is opened as localhost or as 127.0.0.1. */
  public static List<String> gatewayOrigins(int port) {
    return List.of("http://localhost:" + port, "http://127.0.0.1:" + port);
  }

  /** The {@code iss} of its tokens: its own base URL. */
  public URI issuer() {
    return issuer;
  }

  public URI jwksUrl() {
    return URI.create(issuer + JWKS_PATH);
  }

  public URI tokenUrl() {
    return URI.create(issuer + TOKEN_PATH);
  }

  /** The public half of its key, as served at {@link #jwksUrl()}. */
  public JWKSet publicKeys() {
    return new JWKSet(key.toPublicJWK());
  }

  /** The gateway settings that make it trust this issuer and offer its sign-in in the explorer. */
  public List<String> gatewayArguments() {
    return List.of(
        "--gateway.authentication.jwks-url=" + jwksUrl(),
        "--gateway.authentication.issuer=" + issuer,
        "--gateway.authentication.audiences=" + AUDIENCE,
        "--gateway.explorer.sign-in-url=" + tokenUrl());
  }

  /** True for the seeded buyers {@code u1}..{@code u50}, the only subjects it signs for. */
  public static boolean isBuyer(String subject) {
    if (subject == null || !BUYER.matcher(subject).matches()) {
      return false;
    }
    return Integer.parseInt(subject.substring(1)) <= BUYERS;
  }

  /** A signed access token for a seeded buyer, as {@code GET /token?sub=} hands it out. */
  public String token(String buyer) {
    if (!isBuyer(buyer)) {
      throw new IllegalArgumentException("not a seeded buyer (u1..u" + BUYERS + "): " + buyer);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(issuer.toString())
        .subject(buyer)
        .audience(AUDIENCE)
        .claim("scope", SCOPE)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
        .jwtID(UUID.randomUUID().toString())
        .build();
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT)
        .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("dev identity issuer: cannot sign", e);
    }
    return jwt.serialize();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      handlers.shutdownNow();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      route(exchange);
    } catch (RuntimeException e) {
      // Never a stack trace to the caller; if the answer had begun, the connection just closes.
      send(exchange, 500, error("server_error", "the issuer could not answer"));
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    allowOrigin(exchange);
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (!path.equals(JWKS_PATH) && !path.equals(TOKEN_PATH)) {
      send(exchange, 404, error("not_found", "only " + JWKS_PATH + " and " + TOKEN_PATH + "?sub=u1 are here"));
    } else if (method.equals("OPTIONS")) {
      preflight(exchange);
    } else if (!method.equals("GET")) {
      exchange.getResponseHeaders().set("Allow", "GET, OPTIONS");
      send(exchange, 405, error("method_not_allowed", "use GET"));
    } else if (path.equals(JWKS_PATH)) {
      send(exchange, 200, publicKeys().toString());
    } else {
      issue(exchange);
    }
  }

  private void issue(HttpExchange exchange) throws IOException {
    List<String> subjects = queryValues(exchange.getRequestURI().getRawQuery(), "sub");
    if (subjects.size() != 1 || !isBuyer(subjects.get(0))) {
      send(exchange, 400, error("invalid_request", "sub must be one seeded buyer, u1..u" + BUYERS));
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", token(subjects.get(0)));
    body.put("token_type", "Bearer");
    body.put("expires_in", TOKEN_LIFETIME.toSeconds());
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    send(exchange, 200, JSONObjectUtils.toJSONString(body));
  }

  private void preflight(HttpExchange exchange) throws IOException {
    if (allowedOrigins.contains(exchange.getRequestHeaders().getFirst("Origin"))) {
      exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET");
      exchange.getResponseHeaders().set("Access-Control-Max-Age", "600");
    }
    exchange.sendResponseHeaders(204, -1);
  }

  /** Only the gateway's explorer may read the answers in a browser; other origins get no CORS headers. */
  private void allowOrigin(HttpExchange exchange) {
    exchange.getResponseHeaders().add("Vary", "Origin");
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin != null && allowedOrigins.contains(origin)) {
      exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
    }
  }

  private static List<String> queryValues(String rawQuery, String name) {
    List<String> values = new ArrayList<>();
    if (rawQuery == null) {
      return values;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (decode(key).equals(name)) {
        values.add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return values;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return ""; // a malformed %-escape names no buyer
    }
  }

  private static String error(String code, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("error_description", description);
    return JSONObjectUtils.toJSONString(body);
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
