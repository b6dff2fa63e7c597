package dev.shopfed.gateway.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * After planning, finds under which response key each representation field was actually fetched: a key or required
 * field may share a client field's alias, or have been renamed because the client uses its name for another field.
 */
final class RepresentationSources {

  private RepresentationSources() {}

  static void resolve(List<FetchGroup> groups) {
    for (FetchGroup group : groups) {
      if (!group.isEntityFetch()) {
        continue;
      }
      for (Map.Entry<String, SubgraphSelection> input : group.inputs.entrySet()) {
        String type = input.getKey();
        resolve(input.getValue(), sources(group, type, groups), type);
      }
    }
  }

  /** Where the data of objects of {@code type} at the group's path is selected: its parent and sibling fetches. */
  private static List<SubgraphSelection> sources(FetchGroup group, String type, List<FetchGroup> groups) {
    List<SubgraphSelection> sources = new ArrayList<>();
    SubgraphSelection parent = group.parentSelection.get(type);
    if (parent != null) {
      sources.add(parent);
    }
    for (FetchGroup other : groups) {
      if (other != group && other.isEntityFetch() && other.path.equals(group.path) && other.inputs.containsKey(type)) {
        SubgraphSelection root = other.selection.fragments().get(other.representedAs.getOrDefault(type, type));
        if (root != null) {
          sources.add(root);
        }
      }
    }
    return sources;
  }

  private static void resolve(SubgraphSelection input, List<SubgraphSelection> sources, String type) {
    for (SubgraphSelection.FieldSelection field : input.fields()) {
      List<SubgraphSelection.FieldSelection> found = find(sources, type, field);
      if (!found.isEmpty()) {
        field.dataKey = found.get(0).responseKey;
      }
      if (field.children != null) {
        List<SubgraphSelection> childSources = new ArrayList<>();
        found.stream().filter(f -> f.children != null).forEach(f -> childSources.add(f.children));
        resolveNested(field.children, childSources);
      }
    }
  }

  private static void resolveNested(SubgraphSelection input, List<SubgraphSelection> sources) {
    resolve(input, sources, null);
    for (Map.Entry<String, SubgraphSelection> fragment : input.fragments().entrySet()) {
      List<SubgraphSelection> narrowed = new ArrayList<>(sources);
      sources.forEach(s -> {
        SubgraphSelection f = s.fragments().get(fragment.getKey());
        if (f != null) {
          narrowed.add(f);
        }
      });
      resolve(fragment.getValue(), narrowed, fragment.getKey());
    }
  }

  private static List<SubgraphSelection.FieldSelection> find(List<SubgraphSelection> sources, String type,
      SubgraphSelection.FieldSelection field) {
    List<SubgraphSelection.FieldSelection> found = new ArrayList<>();
    for (SubgraphSelection source : sources) {
      SubgraphSelection.FieldSelection direct = source.find(field.name, field.arguments);
      if (direct != null) {
        found.add(direct);
      }
      SubgraphSelection fragment = type == null ? null : source.fragments().get(type);
      SubgraphSelection.FieldSelection narrowed = fragment == null ? null : fragment.find(field.name, field.arguments);
      if (narrowed != null) {
        found.add(narrowed);
      }
    }
    return found;
  }
}
