package dev.shopfed.schema.composition.merge;

import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.EnumValue;
import graphql.language.StringValue;
import graphql.parser.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * The join and link specs as the supergraph declares them. The join version follows the highest federation
 * version any subgraph links: v0.3 up to federation 2.6, v0.4 for 2.7, v0.5 from 2.8 (as Apollo writes it).
 */
final class JoinSpec {

    static final String LINK_URL = "https://specs.apollo.dev/link/v1.0";
    static final String INACCESSIBLE_URL = "https://specs.apollo.dev/inaccessible/v0.2";
    static final String TAG_URL = "https://specs.apollo.dev/tag/v0.3";

    static final String INACCESSIBLE_DEFINITION = "directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION "
            + "| ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION";
    static final String TAG_DEFINITION = "directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE "
            + "| UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION | SCHEMA";

    private static final String LINK_DEFINITIONS = """
            directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
            scalar link__Import
            enum link__Purpose {
              "`SECURITY` features provide metadata necessary to securely resolve fields."
              SECURITY
              "`EXECUTION` features provide metadata necessary for operation execution."
              EXECUTION
            }
            """;

    private final int minor;

    private JoinSpec(int minor) {
        this.minor = minor;
    }

    static JoinSpec forFederationMinor(int federationMinor) {
        if (federationMinor >= 8) {
            return new JoinSpec(5);
        }
        return new JoinSpec(federationMinor >= 7 ? 4 : 3);
    }

    String url() {
        return "https://specs.apollo.dev/join/v0." + minor;
    }

    boolean hasOverrideLabel() {
        return minor >= 4;
    }

    List<Definition> definitions() {
        String joinField = "directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, "
                + "type: String, external: Boolean, override: String, usedOverridden: Boolean"
                + (minor >= 4 ? ", overrideLabel: String" : "")
                + (minor >= 5 ? ", contextArguments: [join__ContextArgument!]" : "")
                + ") repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION\n";
        StringBuilder sdl = new StringBuilder()
                .append("directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE\n")
                .append(joinField)
                .append("directive @join__graph(name: String!, url: String!) on ENUM_VALUE\n")
                .append("directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE\n")
                .append("directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, "
                        + "resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE "
                        + "| UNION | ENUM | INPUT_OBJECT | SCALAR\n")
                .append("directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION\n")
                .append("scalar join__FieldSet\n");
        if (minor >= 4) {
            sdl.append("directive @join__directive(graphs: [join__Graph!], name: String!, args: join__DirectiveArguments) "
                    + "repeatable on SCHEMA | OBJECT | INTERFACE | FIELD_DEFINITION\n")
                    .append("scalar join__DirectiveArguments\n");
        }
        if (minor >= 5) {
            sdl.append("input join__ContextArgument { name: String! type: String! context: String! selection: join__FieldValue! }\n")
                    .append("scalar join__FieldValue\n");
        }
        sdl.append(LINK_DEFINITIONS);
        return new ArrayList<>(Parser.parse(sdl.toString()).getDefinitions());
    }

    static Definition<?> parseDefinition(String sdl) {
        return Parser.parse(sdl).getDefinitions().get(0);
    }

    static Directive link(String url, String purpose) {
        List<Argument> arguments = new ArrayList<>();
        arguments.add(new Argument("url", new StringValue(url)));
        if (purpose != null) {
            arguments.add(new Argument("for", new EnumValue(purpose)));
        }
        return Directive.newDirective().name("link").arguments(arguments).build();
    }

    static Directive joinType(String graph, String key, boolean extension, Boolean resolvable, boolean interfaceObject) {
        List<Argument> arguments = new ArrayList<>();
        arguments.add(new Argument("graph", new EnumValue(graph)));
        if (key != null) {
            arguments.add(new Argument("key", new StringValue(key)));
        }
        if (extension) {
            arguments.add(new Argument("extension", new BooleanValue(true)));
        }
        if (resolvable != null) {
            arguments.add(new Argument("resolvable", new BooleanValue(resolvable)));
        }
        if (interfaceObject) {
            arguments.add(new Argument("isInterfaceObject", new BooleanValue(true)));
        }
        return Directive.newDirective().name("join__type").arguments(arguments).build();
    }

    static Directive joinImplements(String graph, String itf) {
        return Directive.newDirective().name("join__implements").arguments(List.of(
                new Argument("graph", new EnumValue(graph)), new Argument("interface", new StringValue(itf)))).build();
    }

    static Directive joinUnionMember(String graph, String member) {
        return Directive.newDirective().name("join__unionMember").arguments(List.of(
                new Argument("graph", new EnumValue(graph)), new Argument("member", new StringValue(member)))).build();
    }

    static Directive joinEnumValue(String graph) {
        return Directive.newDirective().name("join__enumValue").arguments(List.of(new Argument("graph", new EnumValue(graph)))).build();
    }

    static Directive joinGraph(String name, String url) {
        return Directive.newDirective().name("join__graph").arguments(List.of(
                new Argument("name", new StringValue(name)), new Argument("url", new StringValue(url)))).build();
    }

    /** {@code @join__field}; null arguments are left out, a null graph gives the bare directive. */
    static Directive joinField(JoinField field) {
        List<Argument> arguments = new ArrayList<>();
        if (field.graph() != null) {
            arguments.add(new Argument("graph", new EnumValue(field.graph())));
        }
        if (field.requires() != null) {
            arguments.add(new Argument("requires", new StringValue(field.requires())));
        }
        if (field.provides() != null) {
            arguments.add(new Argument("provides", new StringValue(field.provides())));
        }
        if (field.override() != null) {
            arguments.add(new Argument("override", new StringValue(field.override())));
        }
        if (field.type() != null) {
            arguments.add(new Argument("type", new StringValue(field.type())));
        }
        if (field.external()) {
            arguments.add(new Argument("external", new BooleanValue(true)));
        }
        if (field.usedOverridden()) {
            arguments.add(new Argument("usedOverridden", new BooleanValue(true)));
        }
        if (field.overrideLabel() != null) {
            arguments.add(new Argument("overrideLabel", new StringValue(field.overrideLabel())));
        }
        return Directive.newDirective().name("join__field").arguments(arguments).build();
    }

    /** Arguments of one {@code @join__field}. */
    record JoinField(String graph, String requires, String provides, String override, String type, boolean external,
                     boolean usedOverridden, String overrideLabel) {
    }
}
