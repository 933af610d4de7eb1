-- A service's own note of each erasure, replayed against the key store after a restore.
CREATE TABLE IF NOT EXISTS kim_erasure_log (
    subject   VARCHAR(64) PRIMARY KEY,
    tenant    VARCHAR(64) NOT NULL,
    erased_at TIMESTAMP   NOT NULL
);
