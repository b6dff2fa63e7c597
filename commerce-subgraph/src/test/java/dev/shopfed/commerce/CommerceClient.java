package dev.shopfed.commerce;

import com.jayway.jsonpath.JsonPath;
import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.shopfed.subgraphidentity.VerifiedCaller;
import graphql.ExecutionResult;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/**
 * Runs operations through the DGS executor, optionally as a signed-in buyer: as the gateway-identity filter hands a
 * verified caller on (the filter itself is tested over HTTP in CommerceApplicationTest).
 */
public class CommerceClient {

    private final DgsQueryExecutor executor;

    public CommerceClient(DgsQueryExecutor executor) {
        this.executor = executor;
    }

    public Reply anonymous(String query, Map<String, Object> variables) {
        return run(null, query, variables);
    }

    public Reply anonymous(String query) {
        return run(null, query, Map.of());
    }

    public Reply as(String userId, String query) {
        return run(userId, query, Map.of());
    }

    public Reply as(String userId, String query, Map<String, Object> variables) {
        return run(userId, query, variables);
    }

    private Reply run(String userId, String query, Map<String, Object> variables) {
        HttpHeaders headers = new HttpHeaders();
        if (userId != null) {
            headers.add(VerifiedCaller.SUBJECT_HEADER, userId);
        }
        ExecutionResult result = executor.execute(query, variables, null, headers, null, null);
        return new Reply(result.toSpecification());
    }

    /** The spec-shaped response ({@code data}, {@code errors}) read with JSONPath. */
    public record Reply(Map<String, Object> body) {

        public <T> T read(String path) {
            return JsonPath.read(body, path);
        }

        public List<Map<String, Object>> errors() {
            Object errors = body.get("errors");
            return errors == null ? List.of() : read("$.errors");
        }

        public List<String> errorCodes() {
            return errors().isEmpty() ? List.of() : read("$.errors[*].extensions.code");
        }

        /** Fails unless there are no errors, showing them. */
        public Reply ok() {
            if (!errors().isEmpty()) {
                throw new AssertionError("Expected no errors but got " + errors());
            }
            return this;
        }
    }
}
