package dev.shopfed.commerce.model;

import dev.shopfed.commerce.errors.CommerceException;
import dev.shopfed.commerce.errors.ErrorCode;

/** Whole rupiah. Arithmetic happens on {@code long} before a value becomes Money, never on floating point. */
public record Money(int amount, String currency, String formatted) {

    public static final String IDR = "IDR";

    public static Money rupiah(long amount) {
        if (amount < Integer.MIN_VALUE || amount > Integer.MAX_VALUE) {
            throw new CommerceException(ErrorCode.TOTAL_TOO_LARGE,
                    "Amount " + format(amount) + " is larger than the API can represent (" + format(Integer.MAX_VALUE) + ")");
        }
        return new Money((int) amount, IDR, format(amount));
    }

    /** Indonesian display form: "Rp 125.000" (dot as the thousands separator). */
    static String format(long amount) {
        String digits = Long.toString(Math.abs(amount));
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(digits.charAt(i));
        }
        return (amount < 0 ? "-Rp " : "Rp ") + grouped;
    }
}
