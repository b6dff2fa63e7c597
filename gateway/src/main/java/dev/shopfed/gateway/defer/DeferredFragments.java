package dev.shopfed.gateway.defer;

import graphql.language.AstPrinter;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeUtil;
import graphql.language.NodeVisitorStub;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the active {@code @defer} fragments of a valid operation and splits the operation at them. */
public final class DeferredFragments {

  /**
   * Stands for the selection of an object whose fields are all deferred, since a selection set may not be empty;
   * left out of the answers the client sees.
   */
  static final String PLACEHOLDER = "_deferredOnly";

  private static final String DEFER = "defer";

  private final Map<String, Object> variables;
  private final Map<String, VariableDefinition> definitions = new java.util.HashMap<>();
  private final List<Found> found = new ArrayList<>();
  private final Set<InlineFragment> active = Collections.newSetFromMap(new IdentityHashMap<>());

  private record Found(InlineFragment fragment, List<Selection<?>> chain, List<String> path, int parent,
      String label) {}

  private DeferredFragments(Map<String, Object> variables) {
    this.variables = variables;
  }

  /**
   * The split of the named operation, or null when nothing is deferred: no {@code @defer}, each with
   * {@code if: false}, or a mutation (its fields run once, in order, so it is answered whole, which the
   * incremental delivery specification allows).
   */
  public static DeferSplit split(Document document, String operationName, Map<String, Object> variables) {
    OperationDefinition operation = NodeUtil.getOperation(document, operationName).operationDefinition;
    if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
      return null;
    }
    DeferredFragments fragments = new DeferredFragments(variables);
    operation.getVariableDefinitions().forEach(d -> fragments.definitions.put(d.getName(), d));
    OperationDefinition inlined = FragmentInliner.inline(document, operation);
    fragments.find(inlined.getSelectionSet(), List.of(), List.of(), -1);
    return fragments.found.isEmpty() ? null : fragments.split(inlined);
  }

  private DeferSplit split(OperationDefinition operation) {
    String primary = print(operation, withoutDeferred(operation.getSelectionSet()));
    List<DeferredFragment> deferred = new ArrayList<>();
    for (Found f : found) {
      SelectionSet pruned = pruned(f.chain(), 0, f.fragment());
      deferred.add(new DeferredFragment(f.label(), f.path(), f.parent(), print(operation, pruned)));
    }
    return new DeferSplit(primary, deferred);
  }

  private void find(SelectionSet set, List<Selection<?>> chain, List<String> path, int parent) {
    if (set == null) {
      return;
    }
    for (Selection<?> selection : set.getSelections()) {
      List<Selection<?>> here = append(chain, selection);
      if (selection instanceof Field field) {
        find(field.getSelectionSet(), here, append(path, field.getResultKey()), parent);
        continue;
      }
      InlineFragment fragment = (InlineFragment) selection; // the inliner left no spreads
      int enclosing = parent;
      if (isActive(fragment)) {
        enclosing = found.size();
        found.add(new Found(fragment, here, path, parent, label(fragment)));
        active.add(fragment);
      }
      find(fragment.getSelectionSet(), here, path, enclosing);
    }
  }

  /** The selection with every active deferred fragment left out, a placeholder where nothing would be left. */
  private SelectionSet withoutDeferred(SelectionSet set) {
    List<Selection> kept = new ArrayList<>();
    for (Selection<?> selection : set.getSelections()) {
      if (selection instanceof Field field) {
        kept.add(field.getSelectionSet() == null ? field
            : field.transform(b -> b.selectionSet(withoutDeferred(field.getSelectionSet()))));
      } else if (!active.contains(selection)) {
        InlineFragment fragment = (InlineFragment) selection;
        kept.add(fragment.transform(b -> b.selectionSet(withoutDeferred(fragment.getSelectionSet()))));
      }
    }
    if (kept.isEmpty()) {
      kept.add(Field.newField("__typename").alias(PLACEHOLDER).build());
    }
    return SelectionSet.newSelectionSet(kept).build();
  }

  /** Only the selections on the way to {@code target}, then the target's own selection without its deferred parts. */
  private SelectionSet pruned(List<Selection<?>> chain, int depth, InlineFragment target) {
    Selection<?> step = chain.get(depth);
    Selection<?> kept;
    if (step == target) {
      kept = undeferred(target).transform(b -> b.selectionSet(withoutDeferred(target.getSelectionSet())));
    } else if (step instanceof Field field) {
      kept = field.transform(b -> b.selectionSet(pruned(chain, depth + 1, target)));
    } else {
      kept = undeferred((InlineFragment) step).transform(b -> b.selectionSet(pruned(chain, depth + 1, target)));
    }
    return SelectionSet.newSelectionSet(List.of(kept)).build();
  }

  private static InlineFragment undeferred(InlineFragment fragment) {
    List<Directive> others = fragment.getDirectives().stream().filter(d -> !d.getName().equals(DEFER)).toList();
    return fragment.transform(b -> b.directives(others));
  }

  private boolean isActive(InlineFragment fragment) {
    List<Directive> defer = fragment.getDirectives(DEFER);
    if (defer.isEmpty()) {
      return false;
    }
    var condition = defer.get(0).getArgument("if");
    return condition == null || !Boolean.FALSE.equals(value(condition.getValue()));
  }

  private String label(InlineFragment fragment) {
    var label = fragment.getDirectives(DEFER).get(0).getArgument("label");
    Object value = label == null ? null : value(label.getValue());
    return value == null ? null : value.toString();
  }

  /** A literal's value, or a variable's as sent (its default when not sent). */
  private Object value(Value<?> value) {
    if (value instanceof BooleanValue b) {
      return b.isValue();
    }
    if (value instanceof StringValue s) {
      return s.getValue();
    }
    if (!(value instanceof VariableReference reference)) {
      return null;
    }
    if (variables.containsKey(reference.getName())) {
      return variables.get(reference.getName());
    }
    VariableDefinition definition = definitions.get(reference.getName());
    return definition == null || definition.getDefaultValue() == null ? null : value(definition.getDefaultValue());
  }

  /** The operation with this selection and only the variables it still uses (unused ones fail validation). */
  private static String print(OperationDefinition operation, SelectionSet selection) {
    OperationDefinition withSelection = operation.transform(b -> b.selectionSet(selection));
    Set<String> used = variablesUsed(withSelection);
    List<VariableDefinition> definitions = operation.getVariableDefinitions().stream()
        .filter(d -> used.contains(d.getName())).toList();
    OperationDefinition pruned = withSelection.transform(b -> b.variableDefinitions(definitions));
    return AstPrinter.printAst(Document.newDocument().definition(pruned).build());
  }

  private static Set<String> variablesUsed(Node<?> node) {
    Set<String> names = new HashSet<>();
    new NodeTraverser().depthFirst(new NodeVisitorStub() {
      @Override
      public TraversalControl visitVariableReference(VariableReference reference, TraverserContext<Node> context) {
        names.add(reference.getName());
        return TraversalControl.CONTINUE;
      }
    }, node);
    return names;
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> longer = new ArrayList<>(list);
    longer.add(item);
    return List.copyOf(longer);
  }
}
