package dev.shopfed.promo.errors;

/** An error the client caused or may act on; its message is safe to show. */
public class PromoException extends RuntimeException {

    private final ErrorCode code;

    public PromoException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static PromoException badUserInput(String message) {
        return new PromoException(ErrorCode.BAD_USER_INPUT, message);
    }

    public static PromoException notFound(String typename, String id) {
        return new PromoException(ErrorCode.NOT_FOUND, typename + " " + id + " was not found");
    }
}
