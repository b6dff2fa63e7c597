package dev.shopfed.gateway.persisted;

/**
 * One registered operation of a persisted query list.
 *
 * @param id   the SHA-256 of {@code body}, lower-case hex: what clients send as {@code persistedQuery.sha256Hash}
 * @param name the operation's name
 * @param type {@code query}, {@code mutation} or {@code subscription}
 * @param body the operation text with the fragments it uses
 */
public record ManifestOperation(String id, String name, String type, String body) {}
