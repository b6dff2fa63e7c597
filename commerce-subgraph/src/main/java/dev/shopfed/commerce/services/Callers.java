package dev.shopfed.commerce.services;

import com.netflix.graphql.dgs.context.DgsContext;
import com.netflix.graphql.dgs.internal.DgsRequestData;
import dev.shopfed.commerce.errors.CommerceException;
import dev.shopfed.commerce.errors.ErrorCode;
import dev.shopfed.commerce.repositories.UserRepository;
import dev.shopfed.subgraphidentity.VerifiedCaller;
import graphql.schema.DataFetchingEnvironment;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;

/**
 * Who is asking: the subject of the gateway's verified {@code x-gateway-identity} token, which the gateway-identity
 * filter passes on as {@link VerifiedCaller#SUBJECT_HEADER} (after dropping any such header a caller sent itself).
 */
@Service
public class Callers {

    public static final String USER_HEADER = VerifiedCaller.SUBJECT_HEADER;

    private final UserRepository users;

    public Callers(UserRepository users) {
        this.users = users;
    }

    /** The verified subject, whether or not such a user exists. */
    public static Optional<String> claimedId(DataFetchingEnvironment env) {
        DgsRequestData request = DgsContext.getRequestData(env);
        HttpHeaders headers = request == null ? null : request.getHeaders();
        String value = headers == null ? null : headers.getFirst(USER_HEADER);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The caller's id when it names a known user. */
    public Optional<String> knownUser(DataFetchingEnvironment env) {
        return claimedId(env).filter(users::exists);
    }

    public String requireUser(DataFetchingEnvironment env) {
        return knownUser(env).orElseThrow(() -> new CommerceException(ErrorCode.UNAUTHENTICATED,
                "Sign in first: the request names no known user"));
    }

    /** Whether the caller is the given user; their addresses, cart and orders are theirs alone. */
    public static boolean isSelf(DataFetchingEnvironment env, String userId) {
        return claimedId(env).map(userId::equals).orElse(false);
    }
}
