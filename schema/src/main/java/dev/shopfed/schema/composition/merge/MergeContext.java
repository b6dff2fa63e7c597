package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.subgraph.Coordinate;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import dev.shopfed.schema.composition.subgraph.TypeKind;
import graphql.language.DirectiveDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What every merge step shares: the subgraphs in order, their graph names, the supergraph's shape, the errors. */
final class MergeContext {

    final List<Subgraph> subgraphs;
    final List<String> graphs;
    final List<CompositionError> errors = new ArrayList<>();
    /** Kind of every merged type, in order of first appearance. */
    final Map<String, TypeKind> kinds = new LinkedHashMap<>();
    /** Interface name to the object and interface types implementing it in some subgraph. */
    final Map<String, Set<String>> implementations = new HashMap<>();
    /** Union name to its members in any subgraph. */
    final Map<String, Set<String>> unionMembers = new HashMap<>();
    final Map<String, EnumUsage> enumUsages = new HashMap<>();
    /** Directives composed through {@code @composeDirective}; set before types merge. */
    ComposedDirectives composed;
    /** Names of the demand-control directives in the supergraph; set before types merge. */
    CostSpec cost;

    MergeContext(List<Subgraph> subgraphs) {
        this.subgraphs = subgraphs;
        this.graphs = GraphNames.of(subgraphs.stream().map(Subgraph::name).toList());
    }

    int size() {
        return subgraphs.size();
    }

    Subgraph subgraph(int index) {
        return subgraphs.get(index);
    }

    String name(int index) {
        return subgraphs.get(index).name();
    }

    String graph(int index) {
        return graphs.get(index);
    }

    void error(String code, String message, List<String> subgraphNames, String type, String field) {
        errors.add(new CompositionError(code, message, subgraphNames, type, field));
    }

    void error(String code, String message, String type, String field) {
        error(code, message, List.of(), type, field);
    }

    boolean isExternal(int index, String type, String field) {
        return subgraph(index).isExternal(new Coordinate(type, field));
    }

    /** Names of the subgraphs whose entry in the list is not null. */
    <T> List<String> namesWhere(List<T> sources) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i) != null) {
                names.add(name(i));
            }
        }
        return names;
    }

    Set<String> interfacesOf(String type) {
        Set<String> interfaces = new LinkedHashSet<>();
        implementations.forEach((itf, implementing) -> {
            if (implementing.contains(type)) {
                interfaces.add(itf);
            }
        });
        return interfaces;
    }

    /** Whether a directive is carried into the supergraph whichever subgraph applies it. */
    boolean isMergedDirective(String name) {
        return name.equals("inaccessible") || name.equals("tag") || name.equals("deprecated")
                || name.equals("specifiedBy") || CostSpec.DIRECTIVES.contains(name) || AuthorizationSpecs.DIRECTIVES.contains(name);
    }

    /**
     * Whether the directive, applied to an element in subgraph {@code index}, takes the element's applications of
     * it (from every subgraph) into the supergraph: a composed directive only counts where its subgraph composes it.
     */
    boolean isMergedDirective(int index, String name) {
        return isMergedDirective(name) || composed.composes(index, name);
    }

    /** The name a kept directive has in the supergraph. */
    String supergraphName(String directive) {
        return cost != null && CostSpec.DIRECTIVES.contains(directive) ? cost.supergraphName(directive) : directive;
    }

    boolean isRepeatable(String directive) {
        if (directive.equals("tag")) {
            return true;
        }
        DirectiveDefinition definition = composed.definition(directive);
        return definition != null && definition.isRepeatable();
    }

    void recordEnumUsage(String enumName, String coordinate, boolean input) {
        EnumUsage usage = enumUsages.getOrDefault(enumName, new EnumUsage(null, null));
        enumUsages.put(enumName, input ? usage.withInput(coordinate) : usage.withOutput(coordinate));
    }

    /**
     * Fields that subgraph {@code index}, which lacks {@code type}, still provides for it through an
     * {@code @interfaceObject} of one of its interfaces.
     */
    List<Coordinate> interfaceObjectFields(String type, String field, int index) {
        Subgraph subgraph = subgraph(index);
        if (subgraph.type(type).isPresent() || kinds.get(type) != TypeKind.OBJECT) {
            return List.of();
        }
        List<Coordinate> fields = new ArrayList<>();
        for (String itf : interfacesOf(type)) {
            if (subgraph.isInterfaceObject(itf) && subgraph.field(new Coordinate(itf, field)).isPresent()) {
                fields.add(new Coordinate(itf, field));
            }
        }
        return fields;
    }
}
