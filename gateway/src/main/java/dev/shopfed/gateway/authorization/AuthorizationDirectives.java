package dev.shopfed.gateway.authorization;

import dev.shopfed.gateway.supergraph.SpecDirective;
import dev.shopfed.gateway.supergraph.Supergraph;
import graphql.language.ArrayValue;
import graphql.language.StringValue;
import graphql.language.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The supergraph's {@code @authenticated}, {@code @requiresScopes} and {@code @policy} (linked specs
 * {@code authenticated/v0.1}, {@code requiresScopes/v0.1}, {@code policy/v0.1}, under whatever names they are
 * imported as), indexed by type or {@code Type.field}.
 */
final class AuthorizationDirectives {

  private final Map<String, List<Rule>> rules = new HashMap<>();
  private final Set<String> scopes = new LinkedHashSet<>();
  private final Set<String> policies = new LinkedHashSet<>();

  static AuthorizationDirectives of(Supergraph supergraph) {
    AuthorizationDirectives directives = new AuthorizationDirectives();
    supergraph.specDirectives("authenticated").forEach(d -> directives.add(d, new Rule.Authenticated()));
    for (SpecDirective d : supergraph.specDirectives("requiresScopes")) {
      List<Set<String>> alternatives = alternatives(d, "scopes");
      alternatives.forEach(directives.scopes::addAll);
      directives.add(d, new Rule.Scopes(alternatives));
    }
    for (SpecDirective d : supergraph.specDirectives("policy")) {
      List<Set<String>> alternatives = alternatives(d, "policies");
      alternatives.forEach(directives.policies::addAll);
      directives.add(d, new Rule.Policies(alternatives));
    }
    return directives;
  }

  boolean isEmpty() {
    return rules.isEmpty();
  }

  /** Every scope some directive names. */
  Set<String> scopes() {
    return scopes;
  }

  /** Every policy some directive names. */
  Set<String> policies() {
    return policies;
  }

  List<Rule> rules(String coordinate) {
    return rules.getOrDefault(coordinate, List.of());
  }

  private void add(SpecDirective directive, Rule rule) {
    rules.computeIfAbsent(directive.coordinate(), c -> new ArrayList<>()).add(rule);
  }

  /** {@code [["a", "b"], ["c"]]}: a list of alternatives, each a set that must be held whole. */
  private static List<Set<String>> alternatives(SpecDirective directive, String argument) {
    var value = directive.node().getArgument(argument) == null ? null : directive.node().getArgument(argument).getValue();
    List<Set<String>> alternatives = new ArrayList<>();
    if (!(value instanceof ArrayValue outer)) {
      return alternatives;
    }
    for (Value<?> inner : outer.getValues()) {
      alternatives.add(strings(inner));
    }
    return alternatives;
  }

  private static Set<String> strings(Value<?> value) {
    Set<String> set = new LinkedHashSet<>();
    if (value instanceof StringValue s) {
      set.add(s.getValue());
    }
    if (value instanceof ArrayValue array) {
      array.getValues().stream().filter(StringValue.class::isInstance).forEach(v -> set.add(((StringValue) v).getValue()));
    }
    return set;
  }
}
