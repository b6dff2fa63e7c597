package dev.shopfed.schema.composition.subgraph;

import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code @link} on a subgraph's schema: the spec url, the namespace its unimported elements live under
 * ({@code <namespace>__<name>}) and the imported element names.
 *
 * @param imports local name to name in the spec, directives without their {@code @}
 */
public record Link(String url, String identity, String name, int major, int minor, String namespace,
                   Map<String, String> imports, Directive node) {

    private static final Pattern URL = Pattern.compile("^(.*)/([A-Za-z_][A-Za-z0-9_-]*)/v(\\d+)\\.(\\d+)/?$");

    public static Optional<Link> of(Directive link) {
        if (!(link.getArgument("url") != null && link.getArgument("url").getValue() instanceof StringValue url)) {
            return Optional.empty();
        }
        Matcher matcher = URL.matcher(url.getValue());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String name = matcher.group(2);
        String alias = link.getArgument("as") != null && link.getArgument("as").getValue() instanceof StringValue as
                ? as.getValue().replaceFirst("^@", "") : null;
        return Optional.of(new Link(url.getValue(), matcher.group(1) + "/" + name, name,
                Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4)),
                alias == null ? name : alias, imports(link), link));
    }

    private static Map<String, String> imports(Directive link) {
        Map<String, String> imports = new LinkedHashMap<>();
        if (link.getArgument("import") == null || !(link.getArgument("import").getValue() instanceof ArrayValue list)) {
            return imports;
        }
        for (Value<?> element : list.getValues()) {
            if (element instanceof StringValue name) {
                imports.put(strip(name.getValue()), strip(name.getValue()));
            }
            if (element instanceof ObjectValue object) {
                String name = field(object, "name");
                String as = field(object, "as");
                if (name != null) {
                    imports.put(strip(as == null ? name : as), strip(name));
                }
            }
        }
        return imports;
    }

    private static String field(ObjectValue object, String name) {
        return object.getObjectFields().stream()
                .filter(f -> f.getName().equals(name))
                .map(ObjectField::getValue)
                .filter(v -> v instanceof StringValue)
                .map(v -> ((StringValue) v).getValue())
                .findFirst()
                .orElse(null);
    }

    private static String strip(String name) {
        return name.startsWith("@") ? name.substring(1) : name;
    }

    /** The spec name of a directive or type as used in the subgraph, if it belongs to this link. */
    public Optional<String> specName(String localName) {
        if (imports.containsKey(localName)) {
            return Optional.of(imports.get(localName));
        }
        if (localName.startsWith(namespace + "__")) {
            return Optional.of(localName.substring(namespace.length() + 2));
        }
        if (localName.equals(namespace)) {
            // a spec's eponymous directive (@link, @inaccessible, ...) is addressed by the namespace itself
            return Optional.of(name);
        }
        return Optional.empty();
    }

    /** The name the subgraph uses for a spec element it may or may not have imported. */
    public String localName(String specName) {
        return imports.entrySet().stream()
                .filter(e -> e.getValue().equals(specName))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(namespace + "__" + specName);
    }

    public String version() {
        return "v" + major + "." + minor;
    }
}
