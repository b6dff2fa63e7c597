package dev.shopfed.commerce.errors;

import java.util.Map;

/** A failure the caller can act on; its message is safe to show. */
public class CommerceException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> extensions;

    public CommerceException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    /** {@code extensions} go to the error's extensions next to {@code code}. */
    public CommerceException(ErrorCode code, String message, Map<String, Object> extensions) {
        super(message);
        this.code = code;
        this.extensions = Map.copyOf(extensions);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public static CommerceException badInput(String message) {
        return new CommerceException(ErrorCode.BAD_USER_INPUT, message);
    }

    public static CommerceException notFound(String message) {
        return new CommerceException(ErrorCode.NOT_FOUND, message);
    }
}
