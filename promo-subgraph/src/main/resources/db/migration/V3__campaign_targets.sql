-- Portable SQL: runs on H2 (MODE=PostgreSQL) and PostgreSQL. Written by hand (V2 is generated).
-- What each campaign is for: commerce category names and shop ids (commerce's seed names them; promo keeps only the
-- references). User.recommendedCampaigns matches them against a buyer's purchase history. A campaign without
-- targets is for everyone and only listed by Query.campaigns.

CREATE TABLE campaign_targets (
    campaign_id VARCHAR(32) NOT NULL REFERENCES campaigns (id),
    category    VARCHAR(32),
    shop_id     VARCHAR(32),
    -- A target is a category or a shop, never both, so that each one a buyer hits counts once.
    CHECK ((category IS NULL) <> (shop_id IS NULL)),
    UNIQUE (campaign_id, category),
    UNIQUE (campaign_id, shop_id)
);
CREATE INDEX campaign_targets_category_idx ON campaign_targets (category);
CREATE INDEX campaign_targets_shop_idx ON campaign_targets (shop_id);

INSERT INTO campaign_targets (campaign_id, category, shop_id) VALUES
  ('cmp1', 'FASHION', NULL),
  ('cmp2', 'FASHION', NULL),
  ('cmp2', 'ELECTRONICS', NULL),
  ('cmp3', 'BEAUTY', NULL),
  ('cmp3', NULL, 's3'),
  ('cmp3', NULL, 's39'),
  ('cmp4', 'ELECTRONICS', NULL),
  ('cmp4', NULL, 's2'),
  ('cmp4', NULL, 's8'),
  ('cmp4', NULL, 's37'),
  ('cmp5', 'FOOD', NULL),
  ('cmp6', 'FOOD', NULL),
  ('cmp6', NULL, 's9'),
  ('cmp6', NULL, 's36'),
  ('cmp7', 'HOME', NULL),
  ('cmp7', NULL, 's26'),
  ('cmp7', NULL, 's38'),
  ('cmp8', 'TOYS', NULL),
  ('cmp9', 'SPORTS', NULL),
  ('cmp9', NULL, 's6'),
  ('cmp9', NULL, 's15'),
  ('cmp10', NULL, 's1'),
  ('cmp10', NULL, 's10'),
  ('cmp10', NULL, 's13'),
  ('cmp11', 'BEAUTY', NULL),
  ('cmp12', 'TOYS', NULL),
  ('cmp12', NULL, 's34'),
  ('cmp12', NULL, 's40'),
  ('cmp13', 'HOME', NULL);
