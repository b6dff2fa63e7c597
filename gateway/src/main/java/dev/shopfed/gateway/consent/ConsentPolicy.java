package dev.shopfed.gateway.consent;

import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The consent stage, between authorization and planning: a field whose subgraph needs classified data from another
 * subgraph ({@code @requires}) for a purpose the caller has not granted is left out of the plan, so that the data is
 * never asked for nor sent, and answered null with {@link #CONSENT_REQUIRED} at its path. A flow of confined data, or
 * one without a declared purpose, is never allowed.
 */
public final class ConsentPolicy {

  public static final String CONSENT_REQUIRED = "CONSENT_REQUIRED";

  /** A field left out, where it is answered, and the purpose it needs (null when no purpose can allow it). */
  public record Refusal(List<Object> path, String purpose) {

    public String message() {
      return purpose == null
          ? "This field needs personal data that may not leave the subgraph that holds it"
          : "This field needs the caller's consent to the purpose '" + purpose + "': grant it with "
              + "grantConsent(purpose: \"" + purpose + "\")";
    }
  }

  public record Decision(Set<ExecutableNormalizedField> removed, List<Refusal> refusals) {

    public static final Decision ALLOW_ALL = new Decision(Set.of(), List.of());
  }

  private final PrivacyModel model;
  private final GraphQLSchema schema;

  public ConsentPolicy(PrivacyModel model, GraphQLSchema apiSchema) {
    this.model = model;
    this.schema = apiSchema;
  }

  public Decision decide(ExecutableNormalizedOperation operation, Set<String> granted) {
    if (model.isEmpty()) {
      return Decision.ALLOW_ALL;
    }
    Set<ExecutableNormalizedField> removed = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Refusal> refusals = new ArrayList<>();
    visit(operation.getTopLevelFields(), granted, new ArrayList<>(), removed, refusals);
    return removed.isEmpty() ? Decision.ALLOW_ALL : new Decision(removed, List.copyOf(refusals));
  }

  private void visit(List<ExecutableNormalizedField> fields, Set<String> granted, List<Object> path,
      Set<ExecutableNormalizedField> removed, List<Refusal> refusals) {
    for (ExecutableNormalizedField field : fields) {
      List<Object> fieldPath = new ArrayList<>(path);
      fieldPath.add(field.getResultKey());
      String missing = missingPurpose(field, granted);
      if (missing != null) {
        removed.add(field);
        refusals.add(new Refusal(List.copyOf(fieldPath), missing.isEmpty() ? null : missing));
        continue;
      }
      if (field.getChildren().isEmpty()) {
        continue;
      }
      if (isList(field)) {
        fieldPath.add("@");
      }
      visit(field.getChildren(), granted, fieldPath, removed, refusals);
    }
  }

  /** The first purpose the field needs and lacks, "" when nothing can allow it, null when it may run. */
  private String missingPurpose(ExecutableNormalizedField field, Set<String> granted) {
    for (String typeName : field.getObjectTypeNames()) {
      for (DataFlow flow : model.flowsVia(typeName + "." + field.getName())) {
        if (flow.confined() || flow.purpose() == null) {
          return "";
        }
        if (!granted.contains(flow.purpose())) {
          return flow.purpose();
        }
      }
    }
    return null;
  }

  private boolean isList(ExecutableNormalizedField field) {
    return field.getFieldDefinitions(schema).stream()
        .anyMatch(d -> GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(d.getType())));
  }
}
