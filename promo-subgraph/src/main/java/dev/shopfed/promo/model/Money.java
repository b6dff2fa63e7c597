package dev.shopfed.promo.model;

/** Whole rupiah. Arithmetic happens on {@code long} before a value becomes Money, never on floating point. */
public record Money(int amount, String currency, String formatted) {

    public static final String IDR = "IDR";

    public static Money rupiah(long amount) {
        return new Money(Math.toIntExact(amount), IDR, format(amount));
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
