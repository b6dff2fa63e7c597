package dev.shopfed.promo.dataloaders;

/** A DataLoader key for "the first N items of an owner" (e.g. a creator's newest videos). */
public record OwnedPage(String ownerId, int first) {
}
