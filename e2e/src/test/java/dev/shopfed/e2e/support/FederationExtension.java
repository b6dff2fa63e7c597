package dev.shopfed.e2e.support;

import dev.shopfed.e2e.FederationSettings;
import dev.shopfed.e2e.LocalFederation;
import dev.shopfed.e2e.ProjectLayout;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts the real commerce, promo and gateway jars once per test run, on free ports, and hands
 * tests a {@link Gateway} client (which signs in through the launcher's dev issuer), the {@link Operations}, and
 * the {@link LocalFederation} itself (its subgraph and issuer URLs). JUnit closes the federation when the
 * run ends; the federation's own shutdown hook covers a JVM that dies first. Classes marked {@link OnPostgres} get a
 * second federation, started once for all of them, whose subgraphs run on PostgreSQL.
 */
public final class FederationExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FederationExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Gateway.class || type == Operations.class || type == LocalFederation.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    boolean postgres = AnnotationSupport.isAnnotated(context.getRequiredTestClass(), OnPostgres.class);
    Startup startup = context.getRoot().getStore(NAMESPACE)
        .computeIfAbsent(postgres ? "postgres" : "embedded", key -> Startup.run(postgres), Startup.class);
    Class<?> type = parameter.getParameter().getType();
    if (type == LocalFederation.class) {
      return startup.running();
    }
    return type == Gateway.class ? startup.gateway() : startup.operations();
  }

  /** The outcome of the one start attempt: a failure is kept so later classes fail fast with the same cause. */
  private record Startup(LocalFederation federation, Gateway client, Operations contract, RuntimeException failure)
      implements AutoCloseable {

    static Startup run(boolean postgres) {
      ProjectLayout layout = ProjectLayout.locate();
      Operations operations = new Operations(layout.operationsDir());
      try {
        LocalFederation federation = LocalFederation.start(settings(layout, postgres));
        Tokens tokens = new Tokens(federation.issuer().tokenUrl());
        return new Startup(federation, new Gateway(federation.gatewayUrl(), federation.graphqlUrl(), tokens),
            operations, null);
      } catch (RuntimeException e) {
        return new Startup(null, null, operations, e);
      }
    }

    /** On PostgreSQL: one server for the run, a database of its own for each subgraph. */
    private static FederationSettings settings(ProjectLayout layout, boolean postgres) {
      FederationSettings settings = FederationSettings.defaults(layout)
          .onFreePorts()
          .withLogDir(layout.root().resolve(postgres ? "e2e/target/e2e-logs-postgres" : "e2e/target/e2e-logs"))
          // Quick startup matters more than peak speed for a short suite on a small machine.
          .withJvmArgs(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m"));
      if (!postgres) {
        return settings;
      }
      return settings.withSubgraphArgs(PostgresDatabase.create().datasourceArgs(),
          PostgresDatabase.create().datasourceArgs());
    }

    Gateway gateway() {
      rethrowFailure();
      return client;
    }

    LocalFederation running() {
      rethrowFailure();
      return federation;
    }

    Operations operations() {
      rethrowFailure();
      return contract;
    }

    private void rethrowFailure() {
      if (failure != null) {
        throw new IllegalStateException("the local federation did not start: " + failure.getMessage(), failure);
      }
    }

    @Override
    public void close() {
      if (federation != null) {
        federation.close();
      }
    }
  }
}
