-- One key per person (crypto-shredding). The same DDL on PostgreSQL and H2.
CREATE TABLE IF NOT EXISTS kim_person_key (
    subject     VARCHAR(64) PRIMARY KEY,
    tenant      VARCHAR(64) NOT NULL,
    secret      VARCHAR(64),
    created_at  TIMESTAMP   NOT NULL,
    shredded_at TIMESTAMP
);
