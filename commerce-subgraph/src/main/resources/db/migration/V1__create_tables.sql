-- Portable SQL: runs on H2 (MODE=PostgreSQL) and PostgreSQL.

CREATE TABLE shops (
    id     VARCHAR(32)  PRIMARY KEY,
    name   VARCHAR(200) NOT NULL,
    city   VARCHAR(100) NOT NULL,
    rating NUMERIC(2, 1) NOT NULL
);

CREATE TABLE products (
    id          VARCHAR(32)  PRIMARY KEY,
    -- Stable sort key for cursor pagination (p1 < p2 < ... < p300, unlike string order).
    seq         INTEGER      NOT NULL UNIQUE,
    shop_id     VARCHAR(32)  NOT NULL REFERENCES shops (id),
    name        VARCHAR(200) NOT NULL,
    description VARCHAR(1000) NOT NULL,
    category    VARCHAR(32)  NOT NULL,
    price       BIGINT       NOT NULL CHECK (price >= 0),
    cost_price  BIGINT,
    image_url   VARCHAR(500) NOT NULL,
    stock       INTEGER      NOT NULL CHECK (stock >= 0)
);
CREATE INDEX products_shop_idx ON products (shop_id, seq);

CREATE TABLE users (
    id   VARCHAR(32)  PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);

CREATE TABLE addresses (
    user_id     VARCHAR(32)  NOT NULL REFERENCES users (id),
    position    INTEGER      NOT NULL,
    label       VARCHAR(50)  NOT NULL,
    recipient   VARCHAR(200) NOT NULL,
    street      VARCHAR(300) NOT NULL,
    city        VARCHAR(100) NOT NULL,
    postal_code VARCHAR(10)  NOT NULL,
    PRIMARY KEY (user_id, position)
);

CREATE TABLE cart_items (
    user_id    VARCHAR(32) NOT NULL REFERENCES users (id),
    product_id VARCHAR(32) NOT NULL REFERENCES products (id),
    quantity   INTEGER     NOT NULL CHECK (quantity > 0),
    added_at   TIMESTAMP   NOT NULL,
    PRIMARY KEY (user_id, product_id)
);

CREATE TABLE orders (
    id              VARCHAR(64)  PRIMARY KEY,
    user_id         VARCHAR(32)  NOT NULL REFERENCES users (id),
    status          VARCHAR(32)  NOT NULL,
    total           BIGINT       NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    -- A replayed checkout must find the first order instead of creating a second one.
    CONSTRAINT orders_idempotency_uq UNIQUE (user_id, idempotency_key)
);
CREATE INDEX orders_user_idx ON orders (user_id, created_at);

CREATE TABLE order_items (
    order_id   VARCHAR(64) NOT NULL REFERENCES orders (id),
    line_no    INTEGER     NOT NULL,
    product_id VARCHAR(32) NOT NULL REFERENCES products (id),
    quantity   INTEGER     NOT NULL CHECK (quantity > 0),
    unit_price BIGINT      NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE payments (
    id              VARCHAR(64)  PRIMARY KEY,
    -- At most one successful payment per order: a second charge is impossible by construction.
    order_id        VARCHAR(64)  NOT NULL UNIQUE REFERENCES orders (id),
    idempotency_key VARCHAR(200) NOT NULL,
    method          VARCHAR(32)  NOT NULL,
    status          VARCHAR(32)  NOT NULL,
    amount          BIGINT       NOT NULL,
    paid_at         TIMESTAMP    NOT NULL
);
