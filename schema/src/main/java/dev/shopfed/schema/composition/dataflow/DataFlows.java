package dev.shopfed.schema.composition.dataflow;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.subgraph.FieldSet;
import dev.shopfed.schema.composition.subgraph.Link;
import dev.shopfed.schema.composition.subgraph.TypeRefs;
import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValue;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.StringValue;
import graphql.language.TypeDefinition;
import graphql.parser.Parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The personal data a supergraph lets the gateway carry between subgraphs, read from the supergraph alone (so
 * the gateway, loading the same supergraph, finds the same flows):
 * <ul>
 *   <li>a {@code @requires} of a field resolved by subgraph B selects data classified {@code @personalData} (on the
 *   field, on its OBJECT type, or on a field above it in the selection) that other subgraphs resolve; its purpose is
 *   the requiring field's {@code @consentPurpose};</li>
 *   <li>a resolvable {@code @key} of subgraph B contains classified data B does not resolve itself, sent to B in
 *   entity representations; its purpose is the entity type's {@code @consentPurpose}.</li>
 * </ul>
 * Data comes from the subgraphs resolving the selected field (those not {@code @external} there); below the first
 * field, from those of them that resolve the nested field too, or from the nested field's own subgraphs when none
 * does (the gateway jumps there through a key). Nothing is computed unless the supergraph links the privacy spec.
 */
public final class DataFlows {

    public static final String PRIVACY_IDENTITY = "https://shopfed.dev/privacy";
    public static final String WITHOUT_PURPOSE = "PERSONAL_DATA_FLOW_WITHOUT_PURPOSE";
    public static final String CONFINED = "CONFINED_PERSONAL_DATA_FLOW";

    /** A {@code @personalData} in force on a selected field. */
    private record Classification(String category, boolean confined) {

        /** The innermost category; confined when any classification on the way is. */
        Classification within(Classification outer) {
            return outer == null ? this : new Classification(category, confined || outer.confined());
        }
    }

    /** Where the selection's data is sent: subgraph {@code to}, for the reason {@code purpose}, through {@code via}. */
    private record Destination(String to, String purpose, String via) {
    }

    private final Map<String, String> subgraphNames = new LinkedHashMap<>();
    private final Map<String, TypeDefinition<?>> types = new LinkedHashMap<>();
    private final String personalData;
    private final String consentPurpose;
    private final Set<DataFlow> flows = new LinkedHashSet<>();

    private DataFlows(Document supergraph, Link privacy) {
        this.personalData = privacy.localName("personalData");
        this.consentPurpose = privacy.localName("consentPurpose");
        for (TypeDefinition<?> type : supergraph.getDefinitionsOfType(TypeDefinition.class)) {
            if (type instanceof EnumTypeDefinition graphs && type.getName().equals("join__Graph")) {
                graphs.getEnumValueDefinitions().forEach(v -> v.getDirectives("join__graph").forEach(d ->
                        subgraphNames.put(v.getName(), string(d, "name"))));
            }
            types.put(type.getName(), type);
        }
    }

    /** Every flow of the supergraph, in the order of its types; empty when it does not link the privacy spec. */
    public static List<DataFlow> of(Document supergraph) {
        Optional<Link> privacy = privacyLink(supergraph);
        if (privacy.isEmpty()) {
            return List.of();
        }
        DataFlows analysis = new DataFlows(supergraph, privacy.get());
        analysis.collect();
        return List.copyOf(analysis.flows);
    }

    public static List<DataFlow> of(String supergraphSdl) {
        return of(Parser.parse(supergraphSdl));
    }

    public static boolean linksPrivacy(Document supergraph) {
        return privacyLink(supergraph).isPresent();
    }

    /** Flows composition refuses: confined data sent anywhere, and any flow without a purpose. */
    public static List<CompositionError> violations(List<DataFlow> flows) {
        List<CompositionError> errors = new ArrayList<>();
        for (DataFlow flow : flows) {
            String type = flow.field().substring(0, flow.field().indexOf('.'));
            String path = flow.field().substring(type.length() + 1);
            String data = "\"" + flow.field() + "\" (category \"" + flow.category() + "\")";
            String route = "from subgraph \"" + flow.from() + "\" to subgraph \"" + flow.to() + "\" via "
                    + (flow.viaKey() ? "the @key of \"" + type + "\"" : "\"" + flow.via() + "\"");
            List<String> subgraphs = List.of(flow.from(), flow.to());
            if (flow.confined()) {
                errors.add(new CompositionError(CONFINED, "Confined personal data " + data + " would flow " + route
                        + ": confined data may never be sent to another subgraph", subgraphs, type, path));
            } else if (flow.purpose() == null) {
                String declare = flow.viaKey() ? "type \"" + type + "\"" : "\"" + flow.via() + "\"";
                errors.add(new CompositionError(WITHOUT_PURPOSE, "Personal data " + data + " flows " + route
                        + " without a purpose: declare it with @consentPurpose(name: ...) on " + declare + " in subgraph \""
                        + flow.to() + "\"", subgraphs, type, path));
            }
        }
        return errors;
    }

    private static Optional<Link> privacyLink(Document supergraph) {
        return supergraph.getDefinitionsOfType(SchemaDefinition.class).stream()
                .flatMap(s -> s.getDirectives("link").stream())
                .map(Link::of)
                .flatMap(Optional::stream)
                .filter(l -> l.identity().equals(PRIVACY_IDENTITY))
                .findFirst();
    }

    private void collect() {
        for (TypeDefinition<?> type : types.values()) {
            if (!(type instanceof ImplementingTypeDefinition<?> implementing) || type.getName().startsWith("join__")) {
                continue;
            }
            for (FieldDefinition field : implementing.getFieldDefinitions()) {
                for (Directive join : field.getDirectives("join__field")) {
                    String requires = string(join, "requires");
                    String graph = graph(join);
                    if (requires != null && graph != null) {
                        String via = type.getName() + "." + field.getName();
                        walk(type.getName(), FieldSet.parse(requires), type.getName(), null, null,
                                new Destination(graph, purpose(field.getDirectives(consentPurpose)), via));
                    }
                }
            }
            for (Directive join : type.getDirectives("join__type")) {
                String key = string(join, "key");
                String graph = graph(join);
                if (key != null && graph != null && !Boolean.FALSE.equals(bool(join, "resolvable"))) {
                    walk(type.getName(), FieldSet.parse(key), type.getName(), null, null,
                            new Destination(graph, purpose(type.getDirectives(consentPurpose)), DataFlow.KEY));
                }
            }
        }
    }

    /**
     * @param sources    the subgraphs the parent's data comes from; null at the top of the selection
     * @param classified the classification in force from above, or null
     */
    private void walk(String typeName, FieldSet selection, String path, Set<String> sources, Classification classified,
                      Destination destination) {
        if (!(types.get(typeName) instanceof ImplementingTypeDefinition<?> type)) {
            return;
        }
        Classification onType = type instanceof ObjectTypeDefinition ? classification(type.getDirectives(personalData)) : null;
        for (FieldSet.Item item : selection.items()) {
            if (item.isFragment()) {
                walk(item.typeCondition() == null ? typeName : item.typeCondition(), item.selection(), path, sources, classified, destination);
                continue;
            }
            FieldDefinition field = type.getFieldDefinitions().stream().filter(f -> f.getName().equals(item.field())).findFirst().orElse(null);
            if (field == null) {
                continue;
            }
            Set<String> owners = owners(type, field);
            Set<String> from = new LinkedHashSet<>(owners);
            if (sources != null) {
                from.retainAll(sources);
                if (from.isEmpty()) {
                    from.addAll(owners);
                }
            }
            Classification here = inForce(classification(field.getDirectives(personalData)), onType, classified);
            String fieldPath = path + "." + item.field();
            if (!item.selection().isEmpty()) {
                walk(TypeRefs.baseName(field.getType()), item.selection(), fieldPath, from, here, destination);
                continue;
            }
            // a subgraph resolving the data itself receives nothing it does not have
            if (here == null || from.contains(destination.to())) {
                continue;
            }
            for (String source : from) {
                flows.add(new DataFlow(fieldPath, here.category(), source, destination.to(), destination.purpose(),
                        destination.via(), here.confined()));
            }
        }
    }

    private static Classification inForce(Classification onField, Classification onType, Classification fromAbove) {
        Classification outer = onType == null ? fromAbove : onType.within(fromAbove);
        return onField == null ? outer : onField.within(outer);
    }

    /** Subgraph names resolving the field: its {@code @join__field}s not external, or every subgraph of the type. */
    private Set<String> owners(TypeDefinition<?> type, FieldDefinition field) {
        Set<String> owners = new LinkedHashSet<>();
        List<Directive> joins = field.getDirectives("join__field");
        if (joins.isEmpty()) {
            type.getDirectives("join__type").forEach(j -> owners.add(graph(j)));
        }
        for (Directive join : joins) {
            if (graph(join) != null && !Boolean.TRUE.equals(bool(join, "external"))) {
                owners.add(graph(join));
            }
        }
        owners.remove(null);
        return owners;
    }

    private String graph(Directive join) {
        Argument argument = join.getArgument("graph");
        return argument != null && argument.getValue() instanceof EnumValue value ? subgraphNames.get(value.getName()) : null;
    }

    private static Classification classification(List<Directive> directives) {
        if (directives.isEmpty()) {
            return null;
        }
        Directive personal = directives.get(0);
        String category = string(personal, "category");
        return new Classification(category == null ? "" : category, Boolean.TRUE.equals(bool(personal, "confined")));
    }

    private static String purpose(List<Directive> directives) {
        String name = directives.isEmpty() ? null : string(directives.get(0), "name");
        return name == null || name.isBlank() ? null : name;
    }

    private static String string(Directive directive, String name) {
        Argument argument = directive.getArgument(name);
        return argument != null && argument.getValue() instanceof StringValue value ? value.getValue() : null;
    }

    private static Boolean bool(Directive directive, String name) {
        Argument argument = directive.getArgument(name);
        return argument != null && argument.getValue() instanceof BooleanValue value ? value.isValue() : null;
    }
}
