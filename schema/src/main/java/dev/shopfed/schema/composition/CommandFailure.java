package dev.shopfed.schema.composition;

/**
 * Ends a command with a message and no stack trace: the report printed before it says what went wrong, and
 * under exec:java an exception (unlike System.exit) fails the Maven build without killing Maven.
 */
public final class CommandFailure extends RuntimeException {

    public CommandFailure(String message) {
        super(message, null, false, false);
    }
}
