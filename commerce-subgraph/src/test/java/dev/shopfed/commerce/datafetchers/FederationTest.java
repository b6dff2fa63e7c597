package dev.shopfed.commerce.datafetchers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.commerce.CommerceClient;
import dev.shopfed.commerce.CommerceClient.Reply;
import dev.shopfed.commerce.CountingDataSource;
import dev.shopfed.commerce.DataFetcherTest;
import dev.shopfed.commerce.dataloaders.AddressLoader;
import dev.shopfed.commerce.dataloaders.CartLoader;
import dev.shopfed.commerce.dataloaders.OrderItemsLoader;
import dev.shopfed.commerce.dataloaders.OrderLoader;
import dev.shopfed.commerce.dataloaders.PaymentLoader;
import dev.shopfed.commerce.dataloaders.ProductLoader;
import dev.shopfed.commerce.dataloaders.PurchaseHistoryLoader;
import dev.shopfed.commerce.dataloaders.ShopLoader;
import dev.shopfed.commerce.dataloaders.ShopProductsLoader;
import dev.shopfed.commerce.dataloaders.UserLoader;
import dev.shopfed.commerce.dataloaders.UserOrdersLoader;
import dev.shopfed.commerce.repositories.CartRepository;
import dev.shopfed.commerce.repositories.OrderRepository;
import dev.shopfed.commerce.repositories.PaymentRepository;
import dev.shopfed.commerce.repositories.ProductRepository;
import dev.shopfed.commerce.repositories.ShopRepository;
import dev.shopfed.commerce.repositories.UserRepository;
import dev.shopfed.commerce.services.Callers;
import dev.shopfed.commerce.services.CatalogueService;
import dev.shopfed.commerce.services.OrderService;
import graphql.language.AstPrinter;
import graphql.language.DirectiveDefinition;
import graphql.language.DirectiveLocation;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import dev.shopfed.commerce.dataloaders.OrderDiscountsLoader;
import dev.shopfed.commerce.services.Clocks;
import org.springframework.test.context.ContextConfiguration;

/** The subgraph as the gateway sees it: {@code _service} and {@code _entities}. */
@DataFetcherTest
@ContextConfiguration(classes = {
        ProductDataFetcher.class, ShopDataFetcher.class, UserDataFetcher.class, OrderDataFetcher.class,
        CatalogueService.class, OrderService.class, Callers.class,
        ProductRepository.class, ShopRepository.class, UserRepository.class, OrderRepository.class,
        CartRepository.class, PaymentRepository.class,
        ProductLoader.class, ShopLoader.class, UserLoader.class, OrderLoader.class, ShopProductsLoader.class,
        AddressLoader.class, CartLoader.class, UserOrdersLoader.class, OrderItemsLoader.class, PaymentLoader.class,
        PurchaseHistoryLoader.class, CountingDataSource.Installer.class, Clocks.class, OrderDiscountsLoader.class})
class FederationTest {

    private static final String ENTITIES = """
            query($representations: [_Any!]!) {
              _entities(representations: $representations) {
                __typename
                ... on Product { id name price { amount } costPrice { amount } }
                ... on Shop { id name city }
                ... on User { id }
                ... on Order { id status total { amount } }
              }
            }""";

    @Autowired
    CommerceClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void serviceSdlIsTheFederationSdlOfTheCommerceSchemaOnly() {
        String sdl = client.anonymous("{ _service { sdl } }").ok().read("$.data._service.sdl");

        assertThat(sdl).contains("https://specs.apollo.dev/federation/v2.9", "@listSize");
        assertThat(sdl).containsPattern("type Product @key\\(fields\\s*:\\s*\"id\"");
        assertThat(sdl).containsPattern("type Shop @key\\(fields\\s*:\\s*\"id\"");
        assertThat(sdl).containsPattern("type User @key\\(fields\\s*:\\s*\"id\"");
        assertThat(sdl).containsPattern("type Order @key\\(fields\\s*:\\s*\"id\"");
        assertThat(sdl).containsPattern("costPrice: Money @inaccessible");
        // Taken over from promo step by step: each field with its progressive override label.
        assertThat(sdl).containsPattern("stock: Int @override\\(from\\s*:\\s*\"promo\",\\s*label\\s*:\\s*\"stock-to-commerce\"\\)")
                .containsPattern("inStock: Boolean @override\\(from\\s*:\\s*\"promo\",\\s*label\\s*:\\s*\"stock-to-commerce\"\\)")
                .containsPattern("city: String @override\\(from\\s*:\\s*\"promo\",\\s*label\\s*:\\s*\"shop-details-to-commerce\"\\)")
                .containsPattern("rating: Float @override\\(from\\s*:\\s*\"promo\",\\s*label\\s*:\\s*\"shop-details-to-commerce\"\\)");
        assertThat(sdl).containsPattern("type Money @shareable");
        // only commerce.graphql is loaded, not the promo SDL or the supergraph from the same jar
        assertThat(sdl).doesNotContain("Creator").doesNotContain("join__");
    }

    /** The privacy spec must reach composition: its link, the composed directives and where commerce applies them. */
    @Test
    void serviceSdlCarriesThePrivacyDirectives() {
        String sdl = client.anonymous("{ _service { sdl } }").ok().read("$.data._service.sdl");
        TypeDefinitionRegistry served = new SchemaParser().parse(sdl);

        assertThat(sdl).contains("url : \"https://shopfed.dev/privacy/v0.1\"",
                "@composeDirective(name : \"@personalData\")", "@composeDirective(name : \"@consentPurpose\")");
        DirectiveDefinition personalData = served.getDirectiveDefinition("personalData").orElseThrow();
        assertThat(AstPrinter.printAst(personalData.getInputValueDefinitions().get(0))).isEqualTo("category: String!");
        assertThat(AstPrinter.printAst(personalData.getInputValueDefinitions().get(1)))
                .isEqualTo("confined: Boolean! = false");
        assertThat(personalData.getDirectiveLocations()).extracting(DirectiveLocation::getName)
                .containsExactlyInAnyOrder("FIELD_DEFINITION", "OBJECT");
        assertThat(served.getDirectiveDefinition("consentPurpose")).isPresent();

        ObjectTypeDefinition user = served.getType("User", ObjectTypeDefinition.class).orElseThrow();
        FieldDefinition history = user.getFieldDefinitions().stream()
                .filter(field -> field.getName().equals("purchaseHistory")).findFirst().orElseThrow();
        assertThat(AstPrinter.printAst(history.getDirectives("personalData").get(0)))
                .startsWith("@personalData(category: \"purchase-history\"");
        ObjectTypeDefinition payment = served.getType("Payment", ObjectTypeDefinition.class).orElseThrow();
        assertThat(AstPrinter.printAst(payment.getDirectives("personalData").get(0)))
                .isEqualTo("@personalData(category: \"payment\", confined: true)");
    }

    /** However many times a batch names the buyer, their purchase history is one query (after the user check). */
    @Test
    void repeatedUserRepresentationsCostOnePurchaseHistoryQuery() {
        CountingDataSource counter = (CountingDataSource) dataSource;
        counter.reset();

        Reply reply = client.as("u3", """
                query($representations: [_Any!]!) {
                  _entities(representations: $representations) { ... on User { id purchaseHistory { shopIds } } }
                }""", Map.of("representations", representations("User", List.of("u3", "u3", "u3")))).ok();

        assertThat(reply.<List<List<String>>>read("$.data._entities[*].purchaseHistory.shopIds")).hasSize(3)
                .containsOnly(List.of("s11", "s39"));
        assertThat(counter.statements()).isEqualTo(2);
        assertThat(counter.openConnections()).isZero();
    }

    @Test
    void productEntitiesComeBackInRequestOrderWithTheirOwnData() {
        List<String> ids = List.of("p7", "p3", "p250", "p41");

        Reply reply = client.anonymous(ENTITIES, Map.of("representations", representations("Product", ids))).ok();

        assertThat(reply.<List<String>>read("$.data._entities[*].id")).isEqualTo(ids);
        assertThat(reply.<List<String>>read("$.data._entities[*].__typename")).containsOnly("Product");
        for (int i = 0; i < ids.size(); i++) {
            Map<String, Object> row = jdbc.sql("SELECT name, price, cost_price FROM products WHERE id = ?")
                    .param(ids.get(i)).query().singleRow();
            assertThat(reply.<String>read("$.data._entities[" + i + "].name")).isEqualTo(row.get("name"));
            assertThat(reply.<Integer>read("$.data._entities[" + i + "].price.amount")).isEqualTo(((Number) row.get("price")).intValue());
            // @inaccessible hides costPrice from the app, but the subgraph must still serve it to the gateway
            assertThat(reply.<Integer>read("$.data._entities[" + i + "].costPrice.amount"))
                    .isEqualTo(((Number) row.get("cost_price")).intValue());
        }
    }

    @Test
    void unknownIdsResolveToNullWithAnErrorAtTheirIndex() {
        Reply reply = client.anonymous(ENTITIES, Map.of("representations", List.of(
                Map.of("__typename", "Product", "id", "p1"),
                Map.of("__typename", "Product", "id", "p9999"),
                Map.of("__typename", "Shop", "id", "s404"),
                Map.of("__typename", "Shop", "id", "s2"))));

        List<Object> entities = reply.read("$.data._entities");
        assertThat(entities).hasSize(4);
        assertThat(entities.get(1)).isNull();
        assertThat(entities.get(2)).isNull();
        assertThat(reply.<String>read("$.data._entities[0].id")).isEqualTo("p1");
        assertThat(reply.<String>read("$.data._entities[3].id")).isEqualTo("s2");
        assertThat(reply.errorCodes()).containsExactly("NOT_FOUND", "NOT_FOUND");
        assertThat(reply.<List<Object>>read("$.errors[0].path")).containsExactly("_entities", 1);
        assertThat(reply.<List<Object>>read("$.errors[1].path")).containsExactly("_entities", 2);
        assertThat(reply.<String>read("$.errors[0].message")).contains("p9999");
    }

    @Test
    void shopEntitiesResolve() {
        Reply reply = client.anonymous(ENTITIES, Map.of("representations", representations("Shop", List.of("s40", "s1")))).ok();

        assertThat(reply.<List<String>>read("$.data._entities[*].id")).containsExactly("s40", "s1");
        assertThat(reply.<String>read("$.data._entities[1].name"))
                .isEqualTo(jdbc.sql("SELECT name FROM shops WHERE id = 's1'").query(String.class).single());
    }

    @Test
    void userEntitiesResolveAndUnknownUsersAreErrors() {
        Reply reply = client.anonymous(ENTITIES, Map.of("representations", representations("User", List.of("u3", "u999", "u50"))));

        assertThat(reply.<List<Object>>read("$.data._entities")).hasSize(3);
        assertThat(reply.<String>read("$.data._entities[0].id")).isEqualTo("u3");
        assertThat(reply.<Object>read("$.data._entities[1]")).isNull();
        assertThat(reply.<String>read("$.data._entities[2].id")).isEqualTo("u50");
        assertThat(reply.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(reply.<List<Object>>read("$.errors[0].path")).containsExactly("_entities", 1);
    }

    @Test
    void orderEntitiesResolveForTheirOwnerOnly() {
        String owner = jdbc.sql("SELECT user_id FROM orders WHERE id = 'o1'").query(String.class).single();
        String stranger = owner.equals("u1") ? "u2" : "u1";
        Map<String, Object> variables = Map.of("representations", representations("Order", List.of("o1")));

        Reply own = client.as(owner, ENTITIES, variables).ok();
        assertThat(own.<String>read("$.data._entities[0].id")).isEqualTo("o1");
        assertThat(own.<Integer>read("$.data._entities[0].total.amount"))
                .isEqualTo(jdbc.sql("SELECT total FROM orders WHERE id = 'o1'").query(Integer.class).single());

        Reply foreign = client.as(stranger, ENTITIES, variables);
        assertThat(foreign.<Object>read("$.data._entities[0]")).isNull();
        assertThat(foreign.errorCodes()).containsExactly("NOT_FOUND");
    }

    @Test
    void aHundredProductRepresentationsCostOneQuery() {
        List<String> ids = new ArrayList<>(IntStream.rangeClosed(101, 200).mapToObj(n -> "p" + n).toList());
        Collections.shuffle(ids, new Random(42));
        CountingDataSource counter = (CountingDataSource) dataSource;
        counter.reset();

        Reply reply = client.anonymous("""
                query($representations: [_Any!]!) {
                  _entities(representations: $representations) { ... on Product { id name stock inStock } }
                }""", Map.of("representations", representations("Product", ids))).ok();

        assertThat(counter.statements()).isEqualTo(1);
        assertThat(reply.<List<String>>read("$.data._entities[*].id")).isEqualTo(ids);
        assertThat(counter.openConnections()).isZero();
    }

    @Test
    void nestedFanOutIsOneQueryPerLevel() {
        List<String> products = IntStream.rangeClosed(1, 100).mapToObj(n -> "p" + n).toList();
        List<Map<String, Object>> representations = new ArrayList<>(representations("Product", products));
        representations.addAll(representations("Shop", List.of("s1", "s2", "s3")));
        CountingDataSource counter = (CountingDataSource) dataSource;
        counter.reset();

        Reply reply = client.anonymous("""
                query($representations: [_Any!]!) {
                  _entities(representations: $representations) {
                    ... on Product { id shop { id name } }
                    ... on Shop { id products(first: 2) { totalCount edges { node { id } } } }
                  }
                }""", Map.of("representations", representations)).ok();

        // products, shops (entity and Product.shop share one loader: 2nd level), and one shop-page query
        assertThat(counter.statements()).isEqualTo(4);
        assertThat(reply.<List<Object>>read("$.data._entities")).hasSize(103);
        String shopOfP1 = jdbc.sql("SELECT shop_id FROM products WHERE id = 'p1'").query(String.class).single();
        assertThat(reply.<String>read("$.data._entities[0].shop.id")).isEqualTo(shopOfP1);
    }

    private static List<Map<String, Object>> representations(String typename, List<String> ids) {
        return ids.stream().<Map<String, Object>>map(id -> Map.of("__typename", typename, "id", id)).toList();
    }
}
