package dev.shopfed.gateway.supergraph;

import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.ObjectValue;
import graphql.language.SchemaDefinition;
import graphql.language.SchemaExtensionDefinition;
import graphql.language.StringValue;
import graphql.language.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The specs a supergraph links with {@code @link(url:, as:, import:)}: which local names belong to them, so that the
 * join directives are found under any prefix and the machinery of Apollo's specs is kept out of the API schema.
 */
final class LinkedSpecs {

  private static final String APOLLO_SPECS = "https://specs.apollo.dev/";

  /** spec name (join, link, inaccessible, tag, ...) → local namespace prefix */
  private final Map<String, String> prefixes = new LinkedHashMap<>();
  /** directive and type names imported into the global namespace by Apollo specs */
  private final Set<String> imported = new HashSet<>();
  /** imported local name → spec name and the element's name in its spec */
  private final Map<String, SpecElement> importedElements = new HashMap<>();

  /** An element of a linked spec: {@code cost} + {@code listSize}. */
  record SpecElement(String spec, String element) {}

  static LinkedSpecs of(List<SchemaDefinition> schemas, List<SchemaExtensionDefinition> extensions) {
    LinkedSpecs specs = new LinkedSpecs();
    List<Directive> links = new ArrayList<>();
    schemas.forEach(s -> links.addAll(s.getDirectives()));
    extensions.forEach(s -> links.addAll(s.getDirectives()));
    for (Directive d : links) {
      if (d.getName().equals("link") || d.getName().equals("core")) {
        specs.add(d);
      }
    }
    specs.prefixes.putIfAbsent("link", "link");
    return specs;
  }

  private void add(Directive link) {
    String url = string(link.getArgument("url") == null ? link.getArgument("feature") : link.getArgument("url"));
    if (url != null && !url.startsWith(APOLLO_SPECS)) {
      addForeign(url, link);
      return;
    }
    if (url == null) {
      return;
    }
    String[] parts = url.substring(APOLLO_SPECS.length()).split("/");
    String spec = parts[0];
    String as = link.getArgument("as") == null ? null : string(link.getArgument("as"));
    prefixes.put(spec, as == null ? spec : as);
    if (link.getArgument("import") != null && link.getArgument("import").getValue() instanceof ArrayValue imports) {
      for (Value<?> v : imports.getValues()) {
        importName(spec, v);
      }
    }
  }

  /**
   * A spec of somebody else's (e.g. one a subgraph brought in with {@code @composeDirective}): named by its url without
   * the version ({@code https://example.com/privacy}). As Apollo's API schema does, ours leaves its directives out;
   * the gateway still reads their applications ({@link SpecDirectives}).
   */
  private void addForeign(String url, Directive link) {
    int version = url.lastIndexOf('/');
    String spec = version > 0 ? url.substring(0, version) : url;
    if (link.getArgument("import") != null && link.getArgument("import").getValue() instanceof ArrayValue imports) {
      for (Value<?> v : imports.getValues()) {
        if (v instanceof StringValue s) {
          String name = s.getValue().replace("@", "");
          imported.add(name);
          importedElements.put(name, new SpecElement(spec, name));
        }
      }
    }
  }

  private void importName(String spec, Value<?> v) {
    if (v instanceof StringValue s) {
      String name = s.getValue().replace("@", "");
      imported.add(name);
      importedElements.put(name, new SpecElement(spec, name));
    }
    if (v instanceof ObjectValue o) {
      String name = null;
      String as = null;
      for (var field : o.getObjectFields()) {
        String value = string(field.getValue());
        if (field.getName().equals("name")) {
          name = value;
        } else if (field.getName().equals("as")) {
          as = value;
        }
      }
      if (name != null) {
        String local = (as == null ? name : as).replace("@", "");
        imported.add(local);
        importedElements.put(local, new SpecElement(spec, name.replace("@", "")));
      }
    }
  }

  /** The linked spec element a local directive name stands for, or null when it belongs to no linked spec. */
  SpecElement elementOf(String localName) {
    SpecElement imported = importedElements.get(localName);
    if (imported != null) {
      return imported;
    }
    for (var entry : prefixes.entrySet()) {
      String prefix = entry.getValue();
      if (localName.equals(prefix)) {
        return new SpecElement(entry.getKey(), entry.getKey());
      }
      if (localName.startsWith(prefix + "__")) {
        return new SpecElement(entry.getKey(), localName.substring(prefix.length() + 2));
      }
    }
    return null;
  }

  private static String string(Object argOrValue) {
    Object value = argOrValue instanceof graphql.language.Argument a ? a.getValue() : argOrValue;
    return value instanceof StringValue s ? s.getValue() : null;
  }

  /** Local name of a spec's element: {@code join} + {@code type} → {@code join__type}; the spec's own directive
   * ({@code inaccessible}) is just its prefix. */
  String name(String spec, String element) {
    String prefix = prefixes.getOrDefault(spec, spec);
    return element == null ? prefix : prefix + "__" + element;
  }

  boolean links(String spec) {
    return prefixes.containsKey(spec);
  }

  /** Whether a directive or type name belongs to one of Apollo's linked specs (and so is not part of the API). */
  boolean isMachinery(String name) {
    if (imported.contains(name) || name.equals("link") || name.equals("core")) {
      return true;
    }
    for (String prefix : prefixes.values()) {
      if (name.equals(prefix) || name.startsWith(prefix + "__")) {
        return true;
      }
    }
    return false;
  }
}
