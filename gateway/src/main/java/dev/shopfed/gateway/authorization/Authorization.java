package dev.shopfed.gateway.authorization;

import dev.shopfed.gateway.identity.Identity;
import dev.shopfed.gateway.supergraph.Supergraph;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The authorization stage, between normalization and planning: decides from the supergraph's {@code @authenticated},
 * {@code @requiresScopes} and {@code @policy} which fields of an operation the request's identity may not see. Those
 * are left out of the plan (no subgraph is asked for them) and answered null with an error at their path, as Apollo
 * Router does; a field whose every sub-field is left out is left out too, without an error of its own.
 */
public final class Authorization {

  public static final String UNAUTHORIZED = "UNAUTHORIZED_FIELD_OR_TYPE";
  public static final String MESSAGE = "Unauthorized field or type";

  /**
   * The fields left out of the plan, and the paths to report (response keys, {@code "@"} for a list's items).
   */
  public record Decision(Set<ExecutableNormalizedField> removed, List<List<Object>> paths) {

    public static final Decision ALLOW_ALL = new Decision(Set.of(), List.of());
  }

  private final GraphQLSchema schema;
  private final AuthorizationOptions options;
  private final AuthorizationDirectives directives;

  public Authorization(Supergraph supergraph, AuthorizationOptions options) {
    this.schema = supergraph.apiSchema();
    this.options = options;
    this.directives = AuthorizationDirectives.of(supergraph);
  }

  public boolean rejectsUnauthorized() {
    return options.rejectUnauthorized();
  }

  /** What the identity holds of what the supergraph asks for (the plan cache's key, not the identity itself). */
  public Grant grant(Identity identity) {
    if (directives.isEmpty()) {
      return Grant.UNRESTRICTED;
    }
    Set<String> scopes = new LinkedHashSet<>(directives.scopes());
    scopes.retainAll(identity.scopes());
    Set<String> policies = new LinkedHashSet<>();
    for (String policy : directives.policies()) {
      if (allows(policy, identity)) {
        policies.add(policy);
      }
    }
    return new Grant(identity.authenticated(), scopes, policies);
  }

  public Decision decide(ExecutableNormalizedOperation operation, Grant grant) {
    if (directives.isEmpty()) {
      return Decision.ALLOW_ALL;
    }
    Set<ExecutableNormalizedField> removed = Collections.newSetFromMap(new IdentityHashMap<>());
    List<List<Object>> paths = new ArrayList<>();
    visit(operation.getTopLevelFields(), grant, new ArrayList<>(), removed, paths);
    return removed.isEmpty() ? Decision.ALLOW_ALL : new Decision(removed, List.copyOf(paths));
  }

  /** Whether every field was left out. */
  private boolean visit(List<ExecutableNormalizedField> fields, Grant grant, List<Object> path,
      Set<ExecutableNormalizedField> removed, List<List<Object>> paths) {
    boolean all = true;
    for (ExecutableNormalizedField field : fields) {
      List<Object> fieldPath = new ArrayList<>(path);
      fieldPath.add(field.getResultKey());
      if (!allows(field, grant)) {
        removed.add(field);
        paths.add(List.copyOf(fieldPath));
        continue;
      }
      if (!field.getChildren().isEmpty() && isList(field)) {
        fieldPath.add("@");
      }
      if (!field.getChildren().isEmpty() && visit(field.getChildren(), grant, fieldPath, removed, paths)) {
        removed.add(field);
        continue;
      }
      all = false;
    }
    return all;
  }

  /** The field's own rules, its parent type's and its type's, for every object type it is selected on. */
  private boolean allows(ExecutableNormalizedField field, Grant grant) {
    if (field.getName().startsWith("__")) {
      return true;
    }
    for (String typeName : field.getObjectTypeNames()) {
      if (!allows(typeName, grant) || !allows(typeName + "." + field.getName(), grant)
          || !allowsInterfaces(typeName, field.getName(), grant)) {
        return false;
      }
    }
    for (GraphQLFieldDefinition definition : field.getFieldDefinitions(schema)) {
      GraphQLNamedType type = GraphQLTypeUtil.unwrapAll(definition.getType());
      if (!allows(type.getName(), grant)) {
        return false;
      }
    }
    return true;
  }

  private boolean allowsInterfaces(String typeName, String fieldName, Grant grant) {
    if (!(schema.getType(typeName) instanceof GraphQLObjectType object)) {
      return true;
    }
    for (GraphQLNamedOutputType itf : object.getInterfaces()) {
      if (!allows(itf.getName(), grant) || !allows(itf.getName() + "." + fieldName, grant)) {
        return false;
      }
    }
    return true;
  }

  private boolean allows(String coordinate, Grant grant) {
    for (Rule rule : directives.rules(coordinate)) {
      if (!rule.allows(grant)) {
        return false;
      }
    }
    return true;
  }

  private boolean isList(ExecutableNormalizedField field) {
    return field.getFieldDefinitions(schema).stream()
        .anyMatch(d -> GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(d.getType())));
  }

  /** A throwing or failing evaluator denies: authorization fails closed. */
  private boolean allows(String policy, Identity identity) {
    try {
      return options.policies().allows(policy, identity);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
