package dev.shopfed.gateway.limits;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures the operations of a document as if their fragments were expanded, without expanding them: each named
 * fragment is measured once, after the fragments it spreads, and a spread adds its fragment's measure. A fragment
 * bomb (each fragment spreading the previous one twice) therefore costs one pass over the text, however many fields
 * it would expand to.
 *
 * <p>Runs before validation, so it must survive what validation would refuse: a spread of an unknown fragment or a
 * spread that closes a cycle counts as empty. The fragments are ordered with an explicit stack, so a long chain of
 * fragments cannot overflow the thread's stack; within one selection set the walk recurses over the syntax tree,
 * whose nesting the parser bounds.
 */
public final class DocumentMeasurer {

  /** One selection set's weight, its fragments expanded. */
  private record Weight(int depth, long fields, long aliases, long rootFields) {
    static final Weight NONE = new Weight(0, 0, 0, 0);
  }

  private final Map<String, FragmentDefinition> fragments = new HashMap<>();
  private final Map<String, Weight> fragmentWeights = new HashMap<>();
  private int maxDirectives;

  private DocumentMeasurer(Document document) {
    for (Definition<?> definition : document.getDefinitions()) {
      if (definition instanceof FragmentDefinition fragment) {
        fragments.putIfAbsent(fragment.getName(), fragment);
      }
    }
  }

  /** The measure of every operation in the document, in document order. */
  public static List<OperationMeasure> measure(Document document) {
    DocumentMeasurer measurer = new DocumentMeasurer(document);
    measurer.fragments.keySet().forEach(measurer::weighFragment);
    List<OperationMeasure> measures = new ArrayList<>();
    for (Definition<?> definition : document.getDefinitions()) {
      if (definition instanceof OperationDefinition operation) {
        measures.add(measurer.measure(operation));
      }
    }
    return measures;
  }

  private OperationMeasure measure(OperationDefinition operation) {
    noteDirectives(operation.getDirectives().size());
    Weight weight = weigh(operation.getSelectionSet());
    // Directive counts are document-wide: unused fragments are refused by validation anyway.
    return new OperationMeasure(operation.getName(), weight.depth(), weight.fields(), weight.aliases(),
        weight.rootFields(), maxDirectives);
  }

  /** Weighs {@code name} and every fragment it depends on, dependencies first (post-order, iteratively). */
  private void weighFragment(String name) {
    Deque<String> pending = new ArrayDeque<>();
    Set<String> entered = new HashSet<>();
    pending.push(name);
    while (!pending.isEmpty()) {
      String next = pending.peek();
      FragmentDefinition fragment = fragments.get(next);
      if (fragment == null || fragmentWeights.containsKey(next)) {
        pending.pop();
        continue;
      }
      if (entered.add(next)) {
        // An entered fragment not yet weighed is on the current path: spreading it again closes a cycle.
        spreadNames(fragment.getSelectionSet(), spread -> {
          if (!entered.contains(spread) && !fragmentWeights.containsKey(spread)) {
            pending.push(spread);
          }
        });
        continue;
      }
      pending.pop();
      noteDirectives(fragment.getDirectives().size());
      fragmentWeights.put(next, weigh(fragment.getSelectionSet()));
    }
  }

  private static void spreadNames(SelectionSet set, java.util.function.Consumer<String> sink) {
    if (set == null) {
      return;
    }
    for (Selection<?> selection : set.getSelections()) {
      if (selection instanceof FragmentSpread spread) {
        sink.accept(spread.getName());
      } else if (selection instanceof Field field) {
        spreadNames(field.getSelectionSet(), sink);
      } else if (selection instanceof InlineFragment inline) {
        spreadNames(inline.getSelectionSet(), sink);
      }
    }
  }

  private Weight weigh(SelectionSet set) {
    if (set == null) {
      return Weight.NONE;
    }
    int depth = 0;
    long fields = 0;
    long aliases = 0;
    long rootFields = 0;
    for (Selection<?> selection : set.getSelections()) {
      Weight inner = weighSelection(selection);
      boolean isField = selection instanceof Field;
      depth = Math.max(depth, inner.depth() + (isField ? 1 : 0));
      fields = plus(fields, plus(inner.fields(), isField ? 1 : 0));
      aliases = plus(aliases, plus(inner.aliases(), isField && ((Field) selection).getAlias() != null ? 1 : 0));
      rootFields = plus(rootFields, isField ? 1 : inner.rootFields());
    }
    return new Weight(depth, fields, aliases, rootFields);
  }

  /** For a field, the weight of its selection set; for a fragment, its whole weight. */
  private Weight weighSelection(Selection<?> selection) {
    if (selection instanceof Field field) {
      noteDirectives(field.getDirectives().size());
      return weigh(field.getSelectionSet());
    }
    if (selection instanceof InlineFragment inline) {
      noteDirectives(inline.getDirectives().size());
      return weigh(inline.getSelectionSet());
    }
    if (selection instanceof FragmentSpread spread) {
      noteDirectives(spread.getDirectives().size());
      // unknown, or spread within its own cycle: validation refuses the document afterwards
      return fragmentWeights.getOrDefault(spread.getName(), Weight.NONE);
    }
    return Weight.NONE;
  }

  private void noteDirectives(int count) {
    maxDirectives = Math.max(maxDirectives, count);
  }

  /** Addition of non-negative counts that saturates instead of overflowing. */
  static long plus(long a, long b) {
    return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
  }
}
