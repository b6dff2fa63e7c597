package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.subgraph.Applied;
import dev.shopfed.schema.composition.subgraph.Link;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import graphql.language.ArrayValue;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Directives subgraphs ask to keep with {@code @composeDirective}, validated and resolved as Apollo's
 * {@code ComposeDirectiveManager} does: each must be defined in the subgraph and come from a {@code @link}ed spec
 * that is not a federation spec; every subgraph must name it alike and take it from the same spec, of one major
 * version. The supergraph links the spec's latest version once, importing every composed directive of it, and
 * keeps the definition of the last subgraph linking that version. A subgraph's applications of the directive
 * reach the supergraph only when that subgraph composes it.
 */
final class ComposedDirectives {

    private static final String LINK_IDENTITY = "https://specs.apollo.dev/link";
    /** Specs whose directives cannot be composed (Apollo's DISALLOWED_IDENTITIES). */
    private static final Set<String> FEDERATION_SPECS = Set.of("https://specs.apollo.dev/core", "https://specs.apollo.dev/join",
            LINK_IDENTITY, "https://specs.apollo.dev/tag", "https://specs.apollo.dev/inaccessible",
            "https://specs.apollo.dev/federation", "https://specs.apollo.dev/authenticated",
            "https://specs.apollo.dev/requiresScopes", "https://specs.apollo.dev/source", "https://specs.apollo.dev/context",
            "https://specs.apollo.dev/cost");
    /** Federation directives the supergraph keeps anyway: composing them is only pointless (Apollo hints). */
    private static final Set<String> COMPOSED_BY_DEFAULT = Set.of("tag", "inaccessible", "authenticated", "requiresScopes",
            "policy", "context");
    private static final Set<String> GRAPHQL_BUILT_INS = Set.of("deprecated", "specifiedBy", "skip", "include", "oneOf");
    private static final Set<String> FEDERATION_DIRECTIVES = Set.of("key", "external", "requires", "provides", "extends",
            "shareable", "override", "tag", "inaccessible", "composeDirective", "interfaceObject", "authenticated",
            "requiresScopes", "policy", "context", "fromContext", "cost", "listSize", "cacheTag");

    /** One valid {@code @composeDirective}: the directive as the subgraph names it and as its spec does. */
    private record Item(int subgraph, String name, String nameInSpec, Link link) {
    }

    /** The version of a spec the supergraph links, and the subgraphs linking exactly that version, last first. */
    private record Latest(Link link, List<Integer> subgraphs) {
    }

    private final MergeContext context;
    private final List<Item> items = new ArrayList<>();
    /** Per subgraph, the directives (by name) whose applications it contributes. */
    private final List<Set<String>> composedBy = new ArrayList<>();
    /** Directive name to its spec identity and name in the spec, for every composed directive. */
    private final Map<String, String[]> identities = new LinkedHashMap<>();
    private final Map<String, Latest> latest = new LinkedHashMap<>();
    /** The supergraph's definition of each composed directive, by name. */
    private final Map<String, DirectiveDefinition> definitions = new LinkedHashMap<>();

    private ComposedDirectives(MergeContext context) {
        this.context = context;
    }

    static ComposedDirectives collect(MergeContext context) {
        ComposedDirectives composed = new ComposedDirectives(context);
        for (int i = 0; i < context.size(); i++) {
            for (Applied compose : context.subgraph(i).schemaDirectives()) {
                if (compose.name().equals("composeDirective")) {
                    composed.add(i, compose.stringArgument("name"));
                }
            }
        }
        composed.resolve();
        return composed;
    }

    /** Whether the subgraph's applications of the directive are merged into the supergraph. */
    boolean composes(int subgraph, String directive) {
        return composedBy.get(subgraph).contains(directive);
    }

    boolean isComposed(String directive) {
        return definitions.containsKey(directive);
    }

    DirectiveDefinition definition(String directive) {
        return definitions.get(directive);
    }

    Map<String, DirectiveDefinition> definitions() {
        return definitions;
    }

    private void add(int index, String written) {
        Subgraph subgraph = context.subgraph(index);
        String where = " in subgraph \"" + subgraph.name() + "\"";
        if (written == null || written.isEmpty()) {
            error(index, "Argument to @composeDirective" + where + " cannot be NULL or an empty String");
            return;
        }
        if (!written.startsWith("@")) {
            error(index, "Argument to @composeDirective \"" + written + "\"" + where + " must have a leading \"@\"");
            return;
        }
        String name = written.substring(1);
        String federationName = federationDirective(subgraph, name);
        if (federationName != null) {
            if (!COMPOSED_BY_DEFAULT.contains(federationName)) {
                error(index, "Composing federation directive \"" + written + "\"" + where + " is not supported");
            }
            return;
        }
        if (!subgraph.directiveDefinitions().containsKey(name) && !GRAPHQL_BUILT_INS.contains(name)) {
            error(index, "Could not find matching directive definition for argument to @composeDirective \"" + written + "\"" + where + ".");
            return;
        }
        Link link = GRAPHQL_BUILT_INS.contains(name) ? null : sourceLink(subgraph, name);
        if (link == null) {
            error(index, "Directive \"" + written + "\"" + where + " cannot be composed because it is not a member of a core feature");
            return;
        }
        String nameInSpec = nameInSpec(link, name);
        if (nameInSpec == null) {
            error(index, "Directive \"" + written + "\"" + where + " cannot be composed because it is imported to a different name");
            return;
        }
        if (FEDERATION_SPECS.contains(link.identity())) {
            error(index, "Composing federation directive \"" + written + "\"" + where + " is not supported");
            return;
        }
        for (String automatic : List.of("tag", "inaccessible")) {
            List<String> conflicting = new ArrayList<>();
            for (Subgraph other : context.subgraphs) {
                if (other.federation().localName(automatic).equals(name)) {
                    conflicting.add(other.name());
                }
            }
            if (!conflicting.isEmpty()) {
                error(index, "Directive \"" + written + "\"" + where + " cannot be composed because it conflicts with automatically "
                        + "composed federation directive \"@" + automatic + "\". Conflict exists in subgraph(s): ("
                        + String.join(",", conflicting) + ")");
                return;
            }
        }
        items.add(new Item(index, name, nameInSpec, link));
    }

    /** The federation (or link) spec name of a directive the subgraph has under {@code name}, or null. */
    private static String federationDirective(Subgraph subgraph, String name) {
        if (name.equals("link")) {
            return "link";
        }
        return subgraph.federation().specName(name).filter(FEDERATION_DIRECTIVES::contains).orElse(null);
    }

    private static Link sourceLink(Subgraph subgraph, String name) {
        for (Link link : subgraph.links()) {
            if (link != subgraph.federation() && !link.identity().equals(LINK_IDENTITY) && link.specName(name).isPresent()) {
                return link;
            }
        }
        return null;
    }

    /** The directive's name in its spec; null when it is addressed by namespace although imported under another name. */
    private static String nameInSpec(Link link, String name) {
        if (link.imports().containsKey(name)) {
            return link.imports().get(name);
        }
        String spec = link.specName(name).orElseThrow();
        return link.imports().containsValue(spec) ? null : spec;
    }

    private void resolve() {
        Set<String> unmergedSpecs = new HashSet<>();
        for (String identity : linkedIdentities()) {
            Latest found = latestIfCompatible(identity);
            if (found == null) {
                unmergedSpecs.add(identity);
            } else {
                latest.put(identity, found);
            }
        }
        Set<String> unmergedNames = new HashSet<>();
        Map<String, List<Item>> byName = new LinkedHashMap<>();
        Map<String, List<Item>> byNameInSpec = new LinkedHashMap<>();
        for (Item item : items) {
            byName.computeIfAbsent(item.name(), k -> new ArrayList<>()).add(item);
            byNameInSpec.computeIfAbsent(item.nameInSpec(), k -> new ArrayList<>()).add(item);
        }
        byName.forEach((name, named) -> {
            if (named.stream().map(Item::nameInSpec).distinct().count() > 1) {
                unmergedNames.add(name);
                error(named, "Composed directive \"@" + name + "\" does not refer to the same directive in every subgraph");
            }
            if (named.stream().map(i -> i.link().identity()).distinct().count() > 1) {
                unmergedNames.add(name);
                error(named, "Composed directive \"@" + name + "\" is not linked by the same core feature in every subgraph");
            }
        });
        byNameInSpec.forEach((nameInSpec, named) -> {
            if (named.stream().map(Item::name).distinct().count() > 1) {
                named.forEach(i -> unmergedNames.add(i.name()));
                Map<String, String> names = new LinkedHashMap<>();
                named.forEach(i -> names.put(context.name(i.subgraph()), "\"@" + i.name() + "\""));
                error(named, "Composed directive is not named consistently in all subgraphs: it is named "
                        + Names.distribution(null, names));
            }
        });
        for (int i = 0; i < context.size(); i++) {
            composedBy.add(new LinkedHashSet<>());
        }
        for (Item item : items) {
            if (!unmergedSpecs.contains(item.link().identity()) && !unmergedNames.contains(item.name())) {
                composedBy.get(item.subgraph()).add(item.name());
            }
            identities.put(item.name(), new String[]{item.link().identity(), item.nameInSpec()});
        }
        Set<String> composedAnywhere = new LinkedHashSet<>();
        composedBy.forEach(composedAnywhere::addAll);
        for (String name : composedAnywhere) {
            DirectiveDefinition definition = latestDefinition(name);
            if (definition != null) {
                definitions.put(name, definition);
            }
        }
    }

    /** Identities of every spec some subgraph links, in order of first appearance. */
    private Set<String> linkedIdentities() {
        Set<String> identities = new LinkedHashSet<>();
        context.subgraphs.forEach(s -> s.links().forEach(l -> identities.add(l.identity())));
        return identities;
    }

    /**
     * The version of the spec to link: the highest minor among the subgraphs composing one of its directives;
     * null when none composes any, or (an error) when two of them link different major versions.
     */
    private Latest latestIfCompatible(String identity) {
        Link best = null;
        boolean bestComposed = false;
        for (int i = 0; i < context.size(); i++) {
            Link link = linkOf(i, identity);
            if (link == null) {
                continue;
            }
            int index = i;
            boolean composed = items.stream().anyMatch(item -> item.subgraph() == index && item.link().identity().equals(identity));
            if (best == null) {
                best = link;
                bestComposed = composed;
            } else if (best.major() != link.major()) {
                if (bestComposed && composed) {
                    context.error("DIRECTIVE_COMPOSITION_ERROR", "Core feature \"" + identity
                            + "\" requested to be merged has major version mismatch across subgraphs", List.of(), null, null);
                    return null;
                }
                if (!bestComposed) {
                    best = link;
                    bestComposed = composed;
                }
            } else if (bestComposed != composed) {
                if (composed) {
                    best = link;
                    bestComposed = true;
                }
            } else if (link.minor() >= best.minor()) {
                best = link;
            }
        }
        if (best == null || !bestComposed) {
            return null;
        }
        List<Integer> sameVersion = new ArrayList<>();
        for (int i = context.size() - 1; i >= 0; i--) {
            Link link = linkOf(i, identity);
            if (link != null && link.major() == best.major() && link.minor() == best.minor()) {
                sameVersion.add(i);
            }
        }
        return new Latest(best, sameVersion);
    }

    private Link linkOf(int subgraph, String identity) {
        return context.subgraph(subgraph).links().stream().filter(l -> l.identity().equals(identity)).findFirst().orElse(null);
    }

    /** The definition from the last subgraph linking the spec's latest version that defines the directive. */
    private DirectiveDefinition latestDefinition(String name) {
        String[] identity = identities.get(name);
        Latest spec = latest.get(identity[0]);
        for (int index : spec.subgraphs()) {
            Link link = linkOf(index, identity[0]);
            String local = link.localName(identity[1]);
            if (!link.imports().containsValue(identity[1]) && identity[1].equals(link.name())) {
                local = link.namespace();
            }
            DirectiveDefinition definition = context.subgraph(index).directiveDefinitions().get(local);
            if (definition != null) {
                return definition;
            }
        }
        List<String> names = spec.subgraphs().stream().map(context::name).toList();
        context.error("DIRECTIVE_COMPOSITION_ERROR", "Core feature \"" + identity[0] + "/" + spec.link().version() + "\" in "
                + Names.subgraphs(names) + (names.size() == 1 ? " does" : " do") + " not have a directive definition for \"@" + name + "\"",
                names, null, null);
        return null;
    }

    /** The {@code @link}s the supergraph schema gets for the composed specs. */
    List<Directive> links() {
        List<Directive> links = new ArrayList<>();
        latest.forEach((identity, spec) -> {
            List<Value> imports = new ArrayList<>();
            Set<String> imported = new HashSet<>();
            identities.forEach((name, source) -> {
                if (source[0].equals(identity) && imported.add(name)) {
                    imports.add(name.equals(source[1]) ? new StringValue("@" + name)
                            : ObjectValue.newObjectValue().objectFields(List.of(new ObjectField("name", new StringValue("@" + source[1])),
                            new ObjectField("as", new StringValue("@" + name)))).build());
                }
            });
            links.add(Directive.newDirective().name("link").arguments(List.of(
                    new Argument("url", new StringValue(identity + "/" + spec.link().version())),
                    new Argument("import", ArrayValue.newArrayValue().values(imports).build()))).build());
        });
        return links;
    }

    private void error(int subgraph, String message) {
        context.error("DIRECTIVE_COMPOSITION_ERROR", message, List.of(context.name(subgraph)), null, null);
    }

    private void error(List<Item> involved, String message) {
        List<String> subgraphs = involved.stream().map(i -> context.name(i.subgraph())).distinct().toList();
        context.error("DIRECTIVE_COMPOSITION_ERROR", message, subgraphs, null, null);
    }
}
