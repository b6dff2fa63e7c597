package dev.shopfed.gateway.execution;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers the {@code __schema} and {@code __type} root fields from the API schema, with graphql-java's own
 * introspection, so that they can be mixed with data fields in one operation.
 */
final class Introspection {

  private final GraphQL graphQL;
  private final IntrospectionPresentation presentation;

  Introspection(GraphQLSchema apiSchema, List<String> definitionOrder, java.util.Set<String> definedDirectives) {
    this.graphQL = GraphQL.newGraphQL(apiSchema).build();
    this.presentation = new IntrospectionPresentation(apiSchema, definitionOrder, definedDirectives);
  }

  /** Runs only the introspection root fields of the operation; answers their data by response key. */
  Map<String, Object> execute(Document document, OperationDefinition operation, Map<String, Object> variables) {
    Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
    document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
    SelectionSet only = introspectionOnly(operation.getSelectionSet(), fragments);
    List<Definition> definitions = new ArrayList<>();
    java.util.Set<String> used = new java.util.LinkedHashSet<>();
    usedFragments(only, fragments, used);
    used.forEach(name -> definitions.add(fragments.get(name)));
    java.util.Set<String> usedVariables = new java.util.HashSet<>();
    collectVariables(only, usedVariables);
    used.forEach(name -> collectVariables(fragments.get(name), usedVariables));
    definitions.add(0, operation.transform(b -> b.selectionSet(only).variableDefinitions(
        operation.getVariableDefinitions().stream().filter(v -> usedVariables.contains(v.getName())).toList())));
    String query = AstPrinter.printAst(Document.newDocument().definitions(definitions).build());
    ExecutionResult result = graphQL.execute(ExecutionInput.newExecutionInput()
        .query(query)
        .operationName(operation.getName())
        .variables(variables)
        // a gateway answers introspection like any GraphQL server; abuse limits belong in front of it
        .graphQLContext(Map.of(graphql.introspection.GoodFaithIntrospection.GOOD_FAITH_INTROSPECTION_DISABLED, true))
        .build());
    Object data = result.getData();
    @SuppressWarnings("unchecked")
    Map<String, Object> map = data instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    operationFields(operation, "__schema").forEach(key -> presentation.present(map.get(key)));
    return map;
  }

  /** Response keys of the root fields with that name (aliases included), at any fragment depth. */
  private static List<String> operationFields(OperationDefinition operation, String name) {
    List<String> keys = new ArrayList<>();
    new graphql.language.NodeTraverser().depthFirst(new graphql.language.NodeVisitorStub() {
      @Override
      public graphql.util.TraversalControl visitField(Field field, graphql.util.TraverserContext<graphql.language.Node> context) {
        if (field.getName().equals(name)) {
          keys.add(field.getResultKey());
        }
        return graphql.util.TraversalControl.ABORT; // root fields only: do not descend into their selections
      }
    }, operation.getSelectionSet().getSelections());
    return keys;
  }

  private static void collectVariables(graphql.language.Node<?> node, java.util.Set<String> names) {
    new graphql.language.NodeTraverser().depthFirst(new graphql.language.NodeVisitorStub() {
      @Override
      public graphql.util.TraversalControl visitVariableReference(graphql.language.VariableReference v,
          graphql.util.TraverserContext<graphql.language.Node> context) {
        names.add(v.getName());
        return graphql.util.TraversalControl.CONTINUE;
      }
    }, node);
  }

  private static void usedFragments(SelectionSet set, Map<String, FragmentDefinition> fragments, java.util.Set<String> used) {
    if (set == null) {
      return;
    }
    for (Selection<?> s : set.getSelections()) {
      if (s instanceof Field f) {
        usedFragments(f.getSelectionSet(), fragments, used);
      }
      if (s instanceof InlineFragment inline) {
        usedFragments(inline.getSelectionSet(), fragments, used);
      }
      if (s instanceof FragmentSpread spread && fragments.containsKey(spread.getName()) && used.add(spread.getName())) {
        usedFragments(fragments.get(spread.getName()).getSelectionSet(), fragments, used);
      }
    }
  }

  private static SelectionSet introspectionOnly(SelectionSet set, Map<String, FragmentDefinition> fragments) {
    List<Selection> kept = new ArrayList<>();
    for (Selection<?> s : set.getSelections()) {
      if (s instanceof Field f && (f.getName().equals("__schema") || f.getName().equals("__type"))) {
        kept.add(f);
      }
      if (s instanceof InlineFragment inline) {
        SelectionSet nested = introspectionOnly(inline.getSelectionSet(), fragments);
        if (!nested.getSelections().isEmpty()) {
          kept.add(inline.transform(b -> b.selectionSet(nested)));
        }
      }
      if (s instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
        FragmentDefinition fragment = fragments.get(spread.getName());
        SelectionSet nested = introspectionOnly(fragment.getSelectionSet(), fragments);
        if (!nested.getSelections().isEmpty()) {
          kept.add(InlineFragment.newInlineFragment().typeCondition(fragment.getTypeCondition())
              .directives(spread.getDirectives()).selectionSet(nested).build());
        }
      }
    }
    return SelectionSet.newSelectionSet(kept).build();
  }
}
