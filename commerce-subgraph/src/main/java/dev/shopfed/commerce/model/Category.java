package dev.shopfed.commerce.model;

public enum Category {
    FASHION, BEAUTY, ELECTRONICS, HOME, FOOD, SPORTS, TOYS,
    /** Only on old orders; @inaccessible in the schema. */
    LEGACY
}
