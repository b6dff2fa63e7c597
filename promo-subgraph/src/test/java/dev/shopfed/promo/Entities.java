package dev.shopfed.promo;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.netflix.graphql.dgs.DgsQueryExecutor;
import graphql.ExecutionResult;
import java.util.List;
import java.util.Map;

/** Sends {@code _entities} requests the way a federation gateway does. */
public final class Entities {

    private Entities() {
    }

    /** {@code selection} is the inline fragments to select, e.g. {@code ... on Video { id title }}. */
    public static ExecutionResult resolve(DgsQueryExecutor graphql, String selection,
            List<Map<String, Object>> representations) {
        String query = "query($representations: [_Any!]!) { _entities(representations: $representations) { "
                + "__typename " + selection + " } }";
        return graphql.execute(query, Map.of("representations", representations));
    }

    public static Map<String, Object> ref(String typename, String id) {
        return Map.of("__typename", typename, "id", id);
    }

    public static DocumentContext json(ExecutionResult result) {
        return JsonPath.parse(result.toSpecification());
    }
}
