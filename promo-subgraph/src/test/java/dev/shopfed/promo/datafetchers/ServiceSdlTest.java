package dev.shopfed.promo.datafetchers;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import com.netflix.graphql.dgs.test.EnableDgsTest;
import graphql.language.AstPrinter;
import graphql.language.DirectiveDefinition;
import graphql.language.DirectiveLocation;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** {@code _service { sdl }} serves promo's SDL, and only it (the schema jar also holds commerce's). */
@SpringBootTest(classes = ServiceSdlTest.class)
@EnableDgsTest
class ServiceSdlTest {

    @Autowired
    DgsQueryExecutor graphql;

    @Test
    void servesPromoSdlWithItsFederationDirectives() throws IOException {
        String sdl = graphql.executeAndExtractJsonPath("{ _service { sdl } }", "data._service.sdl");

        assertThat(sdl).contains("federation/v2.9", "@listSize", "type Video @key(fields : \"id\"",
                "products: [Product!]! @listSize(assumedSize : 5, requireOneSlicingArgument : true) @provides(fields : \"name\")",
                "promoPrice: Money @requires(fields : \"price { amount }\")",
                // Resolvable for the legacy city and rating it still serves (label shop-details-to-commerce).
                "type Shop @key(fields : \"id\", resolvable : true)");
        assertThat(objectFields(sdl)).isEqualTo(objectFields(classpathSdl("schema/promo.graphql")));
    }

    /** The privacy spec must reach composition: its link, the composed directives and where promo applies them. */
    @Test
    void servesThePrivacyDirectivesForComposition() {
        String sdl = graphql.executeAndExtractJsonPath("{ _service { sdl } }", "data._service.sdl");
        TypeDefinitionRegistry served = new SchemaParser().parse(sdl);

        assertThat(sdl).contains("url : \"https://shopfed.dev/privacy/v0.1\"",
                "@composeDirective(name : \"@personalData\")", "@composeDirective(name : \"@consentPurpose\")");
        assertThat(served.getDirectiveDefinition("personalData")).isPresent();
        DirectiveDefinition consentPurpose = served.getDirectiveDefinition("consentPurpose").orElseThrow();
        assertThat(AstPrinter.printAst(consentPurpose.getInputValueDefinitions().get(0))).isEqualTo("name: String!");
        assertThat(consentPurpose.getDirectiveLocations()).extracting(DirectiveLocation::getName)
                .containsExactlyInAnyOrder("FIELD_DEFINITION", "OBJECT");

        ObjectTypeDefinition user = served.getType("User", ObjectTypeDefinition.class).orElseThrow();
        assertThat(AstPrinter.printAst(field(user, "purchaseHistory"))).isEqualTo("purchaseHistory: PurchaseHistory! @external");
        String recommended = AstPrinter.printAst(field(user, "recommendedCampaigns"));
        assertThat(recommended).contains("recommendedCampaigns: [Campaign!] ", "@authenticated",
                "@requires(fields: \"purchaseHistory { categories shopIds }\")",
                "@consentPurpose(name: \"personalised-promotions\")");
    }

    private static FieldDefinition field(ObjectTypeDefinition type, String name) {
        return type.getFieldDefinitions().stream().filter(field -> field.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void leavesOutCommerceOnlyTypes() throws IOException {
        String sdl = graphql.executeAndExtractJsonPath("{ _service { sdl } }", "data._service.sdl");

        assertThat(classpathSdl("schema/commerce.graphql")).contains("type Order");
        assertThat(objectFields(sdl)).doesNotContainKeys("Order", "Cart", "Payment", "Mutation");
    }

    /** Object type name -> its field names, ignoring the federation types (_Service, _Entity) DGS adds. */
    private static Map<String, String> objectFields(String sdl) {
        TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
        return registry.getTypes(ObjectTypeDefinition.class).stream()
                .filter(type -> !type.getName().startsWith("_"))
                .collect(Collectors.toMap(ObjectTypeDefinition::getName,
                        type -> type.getFieldDefinitions().stream()
                                .map(field -> field.getName())
                                .filter(name -> !name.startsWith("_"))
                                .sorted()
                                .collect(Collectors.joining(",")),
                        (a, b) -> a + "," + b, TreeMap::new));
    }

    private static String classpathSdl(String path) throws IOException {
        try (InputStream in = ServiceSdlTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
