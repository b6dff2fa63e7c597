package dev.shopfed.commerce.errors;

/** A failure the caller can act on; its message is safe to show. */
public class CommerceException extends RuntimeException {

    private final ErrorCode code;

    public CommerceException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static CommerceException badInput(String message) {
        return new CommerceException(ErrorCode.BAD_USER_INPUT, message);
    }

    public static CommerceException notFound(String message) {
        return new CommerceException(ErrorCode.NOT_FOUND, message);
    }
}
