-- Portable SQL: runs on H2 (MODE=PostgreSQL) and PostgreSQL.

-- The campaign price promo quoted for a cart line (all four set, or none).
ALTER TABLE cart_items ADD COLUMN quoted_unit_price BIGINT;
ALTER TABLE cart_items ADD COLUMN quoted_base_price BIGINT;
ALTER TABLE cart_items ADD COLUMN quoted_campaign_id VARCHAR(64);
ALTER TABLE cart_items ADD COLUMN quote_valid_until TIMESTAMP;

-- A discount is its own line on the order: the order's total is its items less these.
CREATE TABLE order_discounts (
    order_id    VARCHAR(64) NOT NULL REFERENCES orders (id),
    line_no     INTEGER     NOT NULL,
    product_id  VARCHAR(32) NOT NULL REFERENCES products (id),
    campaign_id VARCHAR(64) NOT NULL,
    amount      BIGINT      NOT NULL CHECK (amount > 0),
    PRIMARY KEY (order_id, line_no)
);
