package dev.shopfed.schema.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard against hand-made variants of one contract: each file under contract/breaking/ carries exactly one
 * breaking change named after its kind; contract/safe/additions.graphql only adds.
 */
class SchemaComparisonTest {

    static Path resource(String name) {
        try {
            return Path.of(SchemaComparisonTest.class.getResource("/contract/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ApiSchema schema(Path file) {
        try {
            return ApiSchema.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Path> breakingVariants() throws IOException {
        return Files.list(resource("breaking")).sorted();
    }

    @ParameterizedTest
    @MethodSource("breakingVariants")
    void failsOnEachKindOfBreakingChange(Path variant) {
        ChangeKind expected = ChangeKind.valueOf(variant.getFileName().toString().replace(".graphql", ""));

        ContractReport report = ContractGuard.check(schema(resource("base.graphql")), schema(variant), List.of());

        assertFalse(report.passed(), report.format());
        Set<ChangeKind> kinds = report.breakingChanges().stream().map(SchemaChange::kind).collect(Collectors.toSet());
        assertTrue(kinds.contains(expected), "expected " + expected + " in\n" + report.format());
        assertTrue(report.format().contains("BREAKING " + String.format("%-26s", expected)), report.format());
    }

    @Test
    void everyBreakingKindHasAVariant() throws IOException {
        Set<ChangeKind> covered = breakingVariants()
                .map(p -> ChangeKind.valueOf(p.getFileName().toString().replace(".graphql", "")))
                .collect(Collectors.toSet());
        Set<ChangeKind> breaking = EnumSet.allOf(ChangeKind.class).stream().filter(ChangeKind::breaking).collect(Collectors.toSet());

        assertEquals(breaking, covered);
    }

    @Test
    void passesOnAdditionsAndListsThem() {
        ContractReport report = ContractGuard.check(schema(resource("base.graphql")), schema(resource("safe/additions.graphql")), List.of());

        assertTrue(report.passed(), report.format());
        Set<ChangeKind> kinds = report.safeChanges().stream().map(SchemaChange::kind).collect(Collectors.toSet());
        assertEquals(EnumSet.of(ChangeKind.TYPE_ADDED, ChangeKind.FIELD_ADDED, ChangeKind.OPTIONAL_ARGUMENT_ADDED,
                ChangeKind.OPTIONAL_INPUT_FIELD_ADDED, ChangeKind.ENUM_VALUE_ADDED, ChangeKind.INTERFACE_ADDED,
                ChangeKind.UNION_MEMBER_ADDED, ChangeKind.OUTPUT_MADE_NON_NULL, ChangeKind.INPUT_MADE_NULLABLE,
                ChangeKind.DEPRECATION_CHANGED), kinds);
        assertTrue(report.format().contains("safe     FIELD_ADDED                Product.promoPrice: Int"), report.format());
    }

    @Test
    void reportsNothingForTheSameSchema() {
        ContractReport report = ContractGuard.check(schema(resource("base.graphql")), schema(resource("base.graphql")), List.of());

        assertEquals(List.of(), report.changes());
        assertTrue(report.passed());
    }

    @Test
    void namesTheCoordinateAndBothTypes() {
        List<SchemaChange> changes = SchemaComparison.compare(schema(resource("base.graphql")).toGraphQLSchema(),
                schema(resource("breaking/ARGUMENT_TYPE_CHANGED.graphql")).toGraphQLSchema());

        assertEquals(List.of(new SchemaChange(ChangeKind.ARGUMENT_TYPE_CHANGED, "Query.product(id:)", "was ID!, now Int!")), changes);
    }
}
