package dev.shopfed.schema.composition.subgraph;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.SubgraphSource;
import graphql.language.Definition;
import graphql.language.DescribedNode;
import graphql.language.Description;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumTypeExtensionDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputObjectTypeExtensionDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.InterfaceTypeExtensionDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.ScalarTypeExtensionDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.language.UnionTypeExtensionDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a subgraph SDL into a {@link Subgraph}: resolves the {@code @link} to the federation spec (imports,
 * renames, {@code federation__} names), folds type extensions into their types, drops the federation machinery
 * ({@code _entities}, {@code _service}, {@code FieldSet}, link definitions) and renames custom root types.
 */
public final class SubgraphParser {

    static final Set<String> FEDERATION_DIRECTIVES = Set.of("key", "external", "requires", "provides", "extends",
            "shareable", "override", "tag", "inaccessible", "composeDirective", "interfaceObject", "authenticated",
            "requiresScopes", "policy", "context", "fromContext", "cost", "listSize", "cacheTag");
    private static final Set<String> FEDERATION_TYPES = Set.of("FieldSet", "Scope", "Policy", "ContextFieldValue");
    private static final Set<String> FEDERATION_OPERATION_TYPES = Set.of("_Any", "_Entity", "_Service", "_FieldSet");
    private static final Set<String> FEDERATION_QUERY_FIELDS = Set.of("_service", "_entities");
    private static final String FEDERATION_IDENTITY = "https://specs.apollo.dev/federation";
    private static final String LINK_IDENTITY = "https://specs.apollo.dev/link";
    private static final int LATEST_FEDERATION_MINOR = 14;
    private static final List<String> OPERATIONS = List.of("query", "mutation", "subscription");

    /** The parsed subgraph, or null with the errors that prevented parsing. */
    public record Result(Subgraph subgraph, List<CompositionError> errors) {
    }

    private final SubgraphSource source;
    private final List<CompositionError> errors = new ArrayList<>();
    private final Map<String, TypeFolding> types = new LinkedHashMap<>();
    private final Map<String, String> rootRenames = new HashMap<>();
    private Link federation;
    private Link linkSpec;

    private SubgraphParser(SubgraphSource source) {
        this.source = source;
    }

    public static Result parse(SubgraphSource source) {
        return new SubgraphParser(source).parse();
    }

    private Result parse() {
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment()
                    .document(source.sdl())
                    .parserOptions(ParserOptions.getDefaultSdlParserOptions())
                    .build());
        } catch (InvalidSyntaxException e) {
            errors.add(error("INVALID_GRAPHQL", e.getMessage(), null, null));
            return new Result(null, errors);
        }
        List<Directive> schemaDirectives = new ArrayList<>();
        Map<String, String> declaredRoots = new LinkedHashMap<>();
        for (SchemaDefinition schema : document.getDefinitionsOfType(SchemaDefinition.class)) {
            schemaDirectives.addAll(schema.getDirectives());
            schema.getOperationTypeDefinitions().forEach(o -> declaredRoots.put(o.getName(), o.getTypeName().getName()));
        }
        List<Link> links = schemaDirectives.stream()
                .filter(d -> d.getName().equals("link"))
                .map(Link::of)
                .flatMap(Optional::stream)
                .toList();
        links.stream().filter(l -> l.identity().equals(LINK_IDENTITY)).findFirst().ifPresent(l -> linkSpec = l);
        federation = links.stream().filter(l -> l.identity().equals(FEDERATION_IDENTITY)).findFirst().orElse(null);
        if (federation == null) {
            errors.add(error("UNSUPPORTED_FEATURE", "Subgraph \"" + source.name() + "\" is not a Federation v2 subgraph: "
                    + "it has no @link to https://specs.apollo.dev/federation/v2.x (Federation 1 subgraphs are not supported)", null, null));
            return new Result(null, errors);
        }
        if (federation.major() != 2 || federation.minor() > LATEST_FEDERATION_MINOR) {
            errors.add(error("UNKNOWN_FEDERATION_LINK_VERSION", "Invalid version " + federation.version()
                    + " for the federation feature in @link direction on schema", null, null));
            return new Result(null, errors);
        }
        declaredRoots.forEach((operation, typeName) -> {
            String defaultName = Character.toUpperCase(operation.charAt(0)) + operation.substring(1);
            if (!typeName.equals(defaultName)) {
                rootRenames.put(typeName, defaultName);
            }
        });
        Map<String, DirectiveDefinition> directiveDefinitions = new LinkedHashMap<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof DirectiveDefinition directive && !isMachineryDirective(directive.getName())) {
                directiveDefinitions.put(directive.getName(), directive);
            }
            if (definition instanceof TypeDefinition<?> type && !isMachineryType(type.getName())) {
                fold(type);
            }
        }
        // every federation subgraph has a query root (with _service at least), so it takes part in Query
        types.computeIfAbsent("Query", n -> new TypeFolding(n, TypeKind.OBJECT)).defined = true;
        Map<String, SubgraphType> folded = new LinkedHashMap<>();
        types.forEach((name, folding) -> folded.put(name, folding.build()));
        Map<String, String> roots = new LinkedHashMap<>();
        for (String operation : OPERATIONS) {
            String defaultName = Character.toUpperCase(operation.charAt(0)) + operation.substring(1);
            if (folded.containsKey(defaultName)) {
                roots.put(operation, defaultName);
            }
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        List<Applied> applied = schemaDirectives.stream().map(d -> applied(d, false)).toList();
        Subgraph subgraph = new Subgraph(source.name(), source.url(), federation, links, folded, roots, directiveDefinitions, applied);
        return new Result(subgraph, errors);
    }

    private boolean isMachineryDirective(String name) {
        if (name.equals("link") || (linkSpec != null && linkSpec.specName(name).isPresent())) {
            return true;
        }
        return federation.specName(name).filter(FEDERATION_DIRECTIVES::contains).isPresent()
                || name.startsWith(federation.namespace() + "__");
    }

    private boolean isMachineryType(String name) {
        if (FEDERATION_OPERATION_TYPES.contains(name) || name.startsWith("link__") || name.startsWith(federation.namespace() + "__")) {
            return true;
        }
        return federation.specName(name).filter(FEDERATION_TYPES::contains).isPresent();
    }

    private String typeName(String name) {
        return rootRenames.getOrDefault(name, name);
    }

    private Type<?> type(Type<?> type) {
        return TypeRefs.rename(type, rootRenames);
    }

    private Applied applied(Directive directive, boolean fromExtension) {
        String name = federation.specName(directive.getName())
                .filter(FEDERATION_DIRECTIVES::contains)
                .orElse(directive.getName());
        return new Applied(name, directive, fromExtension);
    }

    private List<Applied> applied(List<Directive> directives, boolean fromExtension) {
        return directives.stream().map(d -> applied(d, fromExtension)).toList();
    }

    private static String description(Description description) {
        return description == null ? null : description.getContent();
    }

    private void fold(TypeDefinition<?> definition) {
        TypeKind kind = kindOf(definition);
        String name = typeName(definition.getName());
        boolean extension = isExtension(definition);
        TypeFolding folding = types.get(name);
        if (folding == null) {
            folding = new TypeFolding(name, kind);
            types.put(name, folding);
        } else if (folding.kind != kind) {
            errors.add(error("INVALID_GRAPHQL", "Type \"" + name + "\" is declared as both " + folding.kind.display()
                    + " and " + kind.display(), name, null));
            return;
        } else if (!extension && folding.defined) {
            errors.add(error("INVALID_GRAPHQL", "There can be only one type named \"" + name + "\".", name, null));
            return;
        }
        if (extension) {
            folding.extended = true;
        } else {
            folding.defined = true;
            folding.description = definition instanceof DescribedNode<?> described ? description(described.getDescription()) : null;
        }
        folding.directives.addAll(applied(definition.getDirectives(), extension));
        foldMembers(folding, definition, extension);
    }

    private void foldMembers(TypeFolding folding, TypeDefinition<?> definition, boolean extension) {
        if (definition instanceof ObjectTypeDefinition object) {
            folding.interfaces.addAll(object.getImplements().stream().map(t -> typeName(((TypeName) t).getName())).toList());
            object.getFieldDefinitions().stream()
                    .filter(f -> !(folding.name.equals("Query") && FEDERATION_QUERY_FIELDS.contains(f.getName())))
                    .forEach(f -> folding.fields.add(field(f, extension)));
        } else if (definition instanceof InterfaceTypeDefinition itf) {
            folding.interfaces.addAll(itf.getImplements().stream().map(t -> typeName(((TypeName) t).getName())).toList());
            itf.getFieldDefinitions().forEach(f -> folding.fields.add(field(f, extension)));
        } else if (definition instanceof UnionTypeDefinition union) {
            folding.members.addAll(union.getMemberTypes().stream().map(t -> typeName(((TypeName) t).getName())).toList());
        } else if (definition instanceof EnumTypeDefinition enumType) {
            enumType.getEnumValueDefinitions().forEach(v -> folding.values.add(
                    new SubgraphEnumValue(v.getName(), description(v.getDescription()), applied(v.getDirectives(), extension))));
        } else if (definition instanceof InputObjectTypeDefinition input) {
            input.getInputValueDefinitions().forEach(v -> folding.inputFields.add(inputValue(v, extension)));
        }
    }

    private SubgraphField field(FieldDefinition field, boolean extension) {
        return new SubgraphField(field.getName(), description(field.getDescription()), type(field.getType()),
                field.getInputValueDefinitions().stream().map(a -> inputValue(a, extension)).toList(),
                applied(field.getDirectives(), extension), extension);
    }

    private SubgraphInputValue inputValue(InputValueDefinition value, boolean extension) {
        return new SubgraphInputValue(value.getName(), description(value.getDescription()), type(value.getType()),
                value.getDefaultValue(), applied(value.getDirectives(), extension));
    }

    private static boolean isExtension(TypeDefinition<?> definition) {
        return definition instanceof ObjectTypeExtensionDefinition
                || definition instanceof InterfaceTypeExtensionDefinition
                || definition instanceof UnionTypeExtensionDefinition
                || definition instanceof EnumTypeExtensionDefinition
                || definition instanceof InputObjectTypeExtensionDefinition
                || definition instanceof ScalarTypeExtensionDefinition;
    }

    private static TypeKind kindOf(TypeDefinition<?> definition) {
        if (definition instanceof ObjectTypeDefinition) {
            return TypeKind.OBJECT;
        }
        if (definition instanceof InterfaceTypeDefinition) {
            return TypeKind.INTERFACE;
        }
        if (definition instanceof UnionTypeDefinition) {
            return TypeKind.UNION;
        }
        if (definition instanceof EnumTypeDefinition) {
            return TypeKind.ENUM;
        }
        if (definition instanceof InputObjectTypeDefinition) {
            return TypeKind.INPUT_OBJECT;
        }
        if (definition instanceof ScalarTypeDefinition) {
            return TypeKind.SCALAR;
        }
        throw new IllegalArgumentException("Unsupported type definition " + definition);
    }

    private CompositionError error(String code, String message, String type, String field) {
        return CompositionError.of(code, "[" + source.name() + "] " + message, source.name(), type, field);
    }

    /** Accumulates a type's definition and extensions in document order. */
    private static final class TypeFolding {
        final String name;
        final TypeKind kind;
        String description;
        boolean defined;
        boolean extended;
        final List<Applied> directives = new ArrayList<>();
        final List<SubgraphField> fields = new ArrayList<>();
        final List<SubgraphInputValue> inputFields = new ArrayList<>();
        final List<String> interfaces = new ArrayList<>();
        final List<String> members = new ArrayList<>();
        final List<SubgraphEnumValue> values = new ArrayList<>();

        TypeFolding(String name, TypeKind kind) {
            this.name = name;
            this.kind = kind;
        }

        SubgraphType build() {
            return new SubgraphType(name, kind, description, List.copyOf(directives), List.copyOf(fields),
                    List.copyOf(inputFields), List.copyOf(interfaces), List.copyOf(members), List.copyOf(values),
                    defined, extended);
        }
    }
}
