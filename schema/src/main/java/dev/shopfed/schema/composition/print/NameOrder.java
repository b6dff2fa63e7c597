package dev.shopfed.schema.composition.print;

import java.util.Comparator;

/**
 * Orders GraphQL names the way JavaScript's {@code String.localeCompare} does (ICU root collation), so printed
 * definitions come out in the same order as Apollo's composition writes them: underscore before digits before
 * letters, letters case-insensitively, and only then lower case before upper case.
 */
public final class NameOrder implements Comparator<String> {

    public static final NameOrder INSTANCE = new NameOrder();

    private NameOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int primary = comparePrimary(a, b);
        if (primary != 0) {
            return primary;
        }
        return compareCase(a, b);
    }

    private static int comparePrimary(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            int diff = Integer.compare(primaryWeight(a.charAt(i)), primaryWeight(b.charAt(i)));
            if (diff != 0) {
                return diff;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int compareCase(String a, String b) {
        for (int i = 0; i < a.length(); i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca == cb) {
                continue;
            }
            // ICU's tertiary level puts lower case first
            return Character.isLowerCase(ca) ? -1 : 1;
        }
        return 0;
    }

    private static int primaryWeight(char c) {
        if (c == '_') {
            return 0;
        }
        if (c >= '0' && c <= '9') {
            return 1 + (c - '0');
        }
        if (Character.isLetter(c)) {
            return 100 + Character.toLowerCase(c);
        }
        return 50 + c;
    }
}
