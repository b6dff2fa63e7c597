-- Portable SQL: runs on H2 (MODE=PostgreSQL) and PostgreSQL.
-- Every table has a seq column: a stable numeric order that string ids (c1 < c10 < c2) lack.

-- Shoppers promo knows about (their accounts live in commerce).
CREATE TABLE users (
    id  VARCHAR(32) PRIMARY KEY,
    seq INTEGER     NOT NULL UNIQUE
);

-- Catalogue snapshot: the products promo may tag or promote, with the name commerce shows.
-- Promo never calls commerce at run time; Video.products provides this name to the gateway.
CREATE TABLE products (
    id   VARCHAR(32)  PRIMARY KEY,
    seq  INTEGER      NOT NULL UNIQUE,
    name VARCHAR(200) NOT NULL
);

CREATE TABLE creators (
    id             VARCHAR(32)  PRIMARY KEY,
    seq            INTEGER      NOT NULL UNIQUE,
    -- The shopper behind the profile, when the creator also buys on the app.
    user_id        VARCHAR(32)  UNIQUE REFERENCES users (id),
    handle         VARCHAR(64)  NOT NULL UNIQUE,
    display_name   VARCHAR(200) NOT NULL,
    bio            VARCHAR(500) NOT NULL,
    follower_count INTEGER      NOT NULL CHECK (follower_count >= 0)
);

CREATE TABLE follows (
    user_id     VARCHAR(32) NOT NULL REFERENCES users (id),
    creator_id  VARCHAR(32) NOT NULL REFERENCES creators (id),
    followed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, creator_id)
);

CREATE TABLE videos (
    id               VARCHAR(32)  PRIMARY KEY,
    seq              INTEGER      NOT NULL UNIQUE,
    creator_id       VARCHAR(32)  NOT NULL REFERENCES creators (id),
    title            VARCHAR(300) NOT NULL,
    duration_seconds INTEGER      NOT NULL CHECK (duration_seconds > 0),
    view_count       INTEGER      NOT NULL CHECK (view_count >= 0),
    like_count       INTEGER      NOT NULL CHECK (like_count >= 0),
    thumbnail_url    VARCHAR(500) NOT NULL,
    published_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX videos_creator_idx ON videos (creator_id, published_at);
CREATE INDEX videos_published_idx ON videos (published_at, seq);

CREATE TABLE video_products (
    video_id   VARCHAR(32) NOT NULL REFERENCES videos (id),
    position   INTEGER     NOT NULL,
    product_id VARCHAR(32) NOT NULL REFERENCES products (id),
    PRIMARY KEY (video_id, position),
    UNIQUE (video_id, product_id)
);
CREATE INDEX video_products_product_idx ON video_products (product_id);

CREATE TABLE live_streams (
    id           VARCHAR(32)  PRIMARY KEY,
    seq          INTEGER      NOT NULL UNIQUE,
    host_id      VARCHAR(32)  NOT NULL REFERENCES creators (id),
    -- A commerce shop id when the stream is hosted for a shop; promo keeps only the reference.
    shop_id      VARCHAR(32),
    title        VARCHAR(300) NOT NULL,
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('SCHEDULED', 'LIVE', 'ENDED')),
    viewer_count INTEGER      NOT NULL CHECK (viewer_count >= 0),
    starts_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX live_streams_starts_idx ON live_streams (starts_at, seq);

CREATE TABLE live_stream_products (
    live_stream_id VARCHAR(32) NOT NULL REFERENCES live_streams (id),
    position       INTEGER     NOT NULL,
    product_id     VARCHAR(32) NOT NULL REFERENCES products (id),
    PRIMARY KEY (live_stream_id, position),
    UNIQUE (live_stream_id, product_id)
);

CREATE TABLE campaigns (
    id               VARCHAR(32)  PRIMARY KEY,
    seq              INTEGER      NOT NULL UNIQUE,
    name             VARCHAR(200) NOT NULL,
    discount_percent INTEGER      NOT NULL CHECK (discount_percent BETWEEN 1 AND 90),
    starts_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (ends_at > starts_at)
);

CREATE TABLE campaign_products (
    campaign_id VARCHAR(32) NOT NULL REFERENCES campaigns (id),
    product_id  VARCHAR(32) NOT NULL REFERENCES products (id),
    PRIMARY KEY (campaign_id, product_id)
);
CREATE INDEX campaign_products_product_idx ON campaign_products (product_id);

CREATE TABLE vouchers (
    code             VARCHAR(32)  PRIMARY KEY,
    campaign_id      VARCHAR(32)  NOT NULL REFERENCES campaigns (id),
    position         INTEGER      NOT NULL,
    description      VARCHAR(300) NOT NULL,
    min_spend        BIGINT       NOT NULL CHECK (min_spend >= 0),
    discount_percent INTEGER      NOT NULL CHECK (discount_percent BETWEEN 1 AND 90),
    UNIQUE (campaign_id, position)
);

CREATE TABLE affiliate_links (
    code               VARCHAR(32)  PRIMARY KEY,
    seq                INTEGER      NOT NULL UNIQUE,
    creator_id         VARCHAR(32)  NOT NULL REFERENCES creators (id),
    product_id         VARCHAR(32)  NOT NULL REFERENCES products (id),
    url                VARCHAR(500) NOT NULL,
    commission_percent INTEGER      NOT NULL CHECK (commission_percent BETWEEN 1 AND 50),
    UNIQUE (creator_id, product_id)
);
CREATE INDEX affiliate_links_product_idx ON affiliate_links (product_id);

-- Products the home feed spotlights; a product is spotlighted at most once.
CREATE TABLE feed_spotlights (
    id           VARCHAR(32) PRIMARY KEY,
    seq          INTEGER     NOT NULL UNIQUE,
    product_id   VARCHAR(32) NOT NULL UNIQUE REFERENCES products (id),
    spotlight_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The home feed, newest first. kind: 1 video, 2 live stream, 3 product spotlight; (posted_at, kind, item_seq)
-- is unique, so it is a total order for keyset pagination.
CREATE VIEW feed_items AS
    SELECT published_at AS posted_at, 1 AS kind, id AS item_id, seq AS item_seq FROM videos
    UNION ALL
    SELECT starts_at, 2, id, seq FROM live_streams
    UNION ALL
    SELECT spotlight_at, 3, product_id, seq FROM feed_spotlights;
