package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.subgraph.SubgraphField;
import dev.shopfed.schema.composition.subgraph.Coordinate;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import graphql.language.Directive;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fields a subgraph adds to an interface through {@code @interfaceObject} exist on every implementation too;
 * they get a bare {@code @join__field} since only the interface object's subgraph resolves them.
 */
final class InterfaceObjectFields {

    private InterfaceObjectFields() {
    }

    static void addToImplementations(MergeContext context, Map<String, TypeDefinition<?>> types) {
        types.replaceAll((name, type) -> type instanceof ObjectTypeDefinition object ? withInterfaceObjectFields(context, types, object) : type);
    }

    private static ObjectTypeDefinition withInterfaceObjectFields(MergeContext context, Map<String, TypeDefinition<?>> types,
                                                                  ObjectTypeDefinition object) {
        List<FieldDefinition> fields = new ArrayList<>(object.getFieldDefinitions());
        for (Type<?> implemented : object.getImplements()) {
            String itfName = ((TypeName) implemented).getName();
            if (!(types.get(itfName) instanceof InterfaceTypeDefinition itf)) {
                continue;
            }
            for (FieldDefinition itfField : itf.getFieldDefinitions()) {
                boolean present = fields.stream().anyMatch(f -> f.getName().equals(itfField.getName()));
                if (present || !providedByInterfaceObject(context, itfName, itfField.getName())) {
                    continue;
                }
                List<Directive> directives = new ArrayList<>(withoutJoin(itfField.getDirectives()));
                directives.add(Directive.newDirective().name("join__field").build());
                List<InputValueDefinition> arguments = itfField.getInputValueDefinitions().stream()
                        .map(a -> a.transform(b -> b.directives(withoutJoin(a.getDirectives()))))
                        .toList();
                fields.add(itfField.transform(b -> b.directives(directives).inputValueDefinitions(arguments)));
                List<SubgraphField> none = new ArrayList<>();
                for (int i = 0; i < context.size(); i++) {
                    none.add(null);
                }
                FieldSharing.validate(context, object.getName(), itfField.getName(), none, FieldOverrides.none(context.size()));
            }
        }
        if (fields.size() == object.getFieldDefinitions().size()) {
            return object;
        }
        return object.transform(b -> b.fieldDefinitions(fields));
    }

    private static boolean providedByInterfaceObject(MergeContext context, String itf, String field) {
        for (Subgraph subgraph : context.subgraphs) {
            Coordinate coordinate = new Coordinate(itf, field);
            if (subgraph.isInterfaceObject(itf) && subgraph.field(coordinate).isPresent() && !subgraph.isExternal(coordinate)) {
                return true;
            }
        }
        return false;
    }

    private static List<Directive> withoutJoin(List<Directive> directives) {
        return directives.stream().filter(d -> !d.getName().startsWith("join__")).toList();
    }
}
