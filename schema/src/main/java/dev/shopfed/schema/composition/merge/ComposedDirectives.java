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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Directives subgraphs ask to keep with {@code @composeDirective}: they must come from a {@code @link}ed spec
 * (other than federation); the supergraph links the spec's highest version and keeps that version's definition.
 */
final class ComposedDirectives {

    /** One linked spec contributing composed directives. */
    private record Feature(Link link, Map<String, String> directives) {
    }

    private final Map<String, Feature> features = new LinkedHashMap<>();

    static ComposedDirectives collect(MergeContext context) {
        ComposedDirectives composed = new ComposedDirectives();
        for (Subgraph subgraph : context.subgraphs) {
            for (Applied compose : subgraph.schemaDirectives()) {
                if (compose.name().equals("composeDirective")) {
                    composed.add(context, subgraph, compose.stringArgument("name"));
                }
            }
        }
        return composed;
    }

    private void add(MergeContext context, Subgraph subgraph, String written) {
        String name = written == null ? "" : written.replaceFirst("^@", "");
        DirectiveDefinition definition = subgraph.directiveDefinitions().get(name);
        Link link = subgraph.links().stream()
                .filter(l -> l != subgraph.federation() && !l.identity().equals("https://specs.apollo.dev/link"))
                .filter(l -> l.specName(name).isPresent())
                .findFirst()
                .orElse(null);
        if (definition == null || link == null) {
            context.error("DIRECTIVE_COMPOSITION_ERROR", "[" + subgraph.name() + "] Could not find matching directive definition for "
                    + "argument \"@" + name + "\" applied to \"@composeDirective\", or the directive is not from a @link'd spec.",
                    List.of(subgraph.name()), null, null);
            return;
        }
        Feature feature = features.get(link.identity());
        if (feature == null || newer(link, feature.link())) {
            Map<String, String> directives = feature == null ? new LinkedHashMap<>() : feature.directives();
            feature = new Feature(link, directives);
            features.put(link.identity(), feature);
            context.composedDirectives.put(name, definition);
        } else {
            context.composedDirectives.putIfAbsent(name, definition);
        }
        String spec = link.specName(name).orElse(name);
        feature.directives().putIfAbsent(name, spec);
    }

    private static boolean newer(Link candidate, Link current) {
        return candidate.major() > current.major() || (candidate.major() == current.major() && candidate.minor() > current.minor());
    }

    /** The {@code @link}s the supergraph schema gets for the composed specs. */
    List<Directive> links() {
        List<Directive> links = new ArrayList<>();
        for (Feature feature : features.values()) {
            List<Value> imports = new ArrayList<>();
            feature.directives().forEach((name, spec) -> imports.add(name.equals(spec)
                    ? new StringValue("@" + name)
                    : ObjectValue.newObjectValue().objectFields(List.of(new ObjectField("name", new StringValue("@" + spec)),
                    new ObjectField("as", new StringValue("@" + name)))).build()));
            links.add(Directive.newDirective().name("link").arguments(List.of(
                    new Argument("url", new StringValue(feature.link().url())),
                    new Argument("import", ArrayValue.newArrayValue().values(imports).build()))).build());
        }
        return links;
    }
}
