package dev.shopfed.gateway.consent;

/**
 * Classified data that a plan may send from one subgraph to another.
 *
 * @param field    the classified field's path from the entity type, e.g. {@code User.purchaseHistory.categories}
 * @param category its {@code @personalData} category
 * @param confined the category may never leave its subgraph
 * @param from     the subgraphs that resolve it (names, comma separated)
 * @param to       the subgraph it is sent to (name)
 * @param purpose  why {@code to} receives it ({@code @consentPurpose}), or null when nobody declared one
 * @param via      the requiring field ({@code Type.field}), or {@code @key} when the data is part of an entity key
 */
public record DataFlow(String field, String category, boolean confined, String from, String to, String purpose,
    String via) {

  public static final String KEY = "@key";
}
